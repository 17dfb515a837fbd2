// Amounts in PLZ: what a person types and reads, and the planck (10^-decimals PLZ) the chain
// counts. Integer arithmetic on BigInt only: a float would lose planck above 2^53.

/** The largest balance the runtime holds (u128). */
const MAX_BALANCE = (1n << 128n) - 1n;

/**
 * The planck that `text` names, such as "1.5" or "0.000000000001".
 * Throws an Error whose message a person can act on.
 * @param {string} text
 * @param {number} decimals
 * @returns {bigint}
 */
export function parseAmount(text, decimals = 12) {
  const trimmed = String(text).trim().replace(/_/g, '');
  if (trimmed === '') throw new Error('Enter an amount.');
  const match = /^(\d*)(?:\.(\d*))?$/.exec(trimmed);
  if (!match || (match[1] === '' && (match[2] ?? '') === '')) {
    throw new Error(`"${text}" is not an amount: use digits and at most one decimal point.`);
  }
  const [, whole, fraction = ''] = match;
  if (fraction.length > decimals) {
    throw new Error(`At most ${decimals} decimal places: the smallest amount is 1 planck.`);
  }
  const planck = BigInt(whole || '0') * 10n ** BigInt(decimals) + BigInt(fraction.padEnd(decimals, '0') || '0');
  if (planck === 0n) throw new Error('The amount must be more than zero.');
  if (planck > MAX_BALANCE) throw new Error('That amount is larger than any balance can be.');
  return planck;
}

/**
 * `planck` in PLZ, such as "1.5 PLZ": at most `maxDecimals` decimal places, cut (never rounded
 * up, so a balance never reads as more than it is), with thousands separated by commas.
 * @param {bigint | string | number} planck
 * @param {{ decimals?: number, symbol?: string, maxDecimals?: number }} [options]
 * @returns {string}
 */
export function formatAmount(planck, { decimals = 12, symbol = 'PLZ', maxDecimals = 4 } = {}) {
  let value = BigInt(planck);
  const negative = value < 0n;
  if (negative) value = -value;
  const unit = 10n ** BigInt(decimals);
  const whole = (value / unit).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  let fraction = (value % unit).toString().padStart(decimals, '0').slice(0, maxDecimals).replace(/0+$/, '');
  // A non-zero amount too small to show says so instead of reading as zero.
  if (value > 0n && whole === '0' && fraction === '') {
    return `${negative ? '-' : ''}< 0.${'0'.repeat(Math.max(maxDecimals - 1, 0))}1 ${symbol}`;
  }
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''} ${symbol}`;
}
