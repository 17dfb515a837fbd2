import assert from 'node:assert/strict';
import { test } from 'node:test';

import { formatAmount, parseAmount } from '../../src/lib/amount.js';

test('amounts parse to planck with 12 decimals, exactly', () => {
  assert.equal(parseAmount('1'), 1_000_000_000_000n);
  assert.equal(parseAmount('1.5'), 1_500_000_000_000n);
  assert.equal(parseAmount(' .25 '), 250_000_000_000n);
  assert.equal(parseAmount('0.000000000001'), 1n);
  assert.equal(parseAmount('1_000'), 1_000_000_000_000_000n);
  // Beyond 2^53 planck a float would round; BigInt does not.
  assert.equal(parseAmount('9007.199254740993'), 9_007_199_254_740_993n);
  assert.equal(parseAmount('2', 10), 20_000_000_000n);
});

test('bad amounts are refused with a message a person can act on', () => {
  const refused = (text, message) => assert.throws(() => parseAmount(text), { message });
  refused('', /Enter an amount/);
  refused('abc', /not an amount/);
  refused('-1', /not an amount/);
  refused('1.2.3', /not an amount/);
  refused('1e5', /not an amount/);
  refused('.', /not an amount/);
  refused('0', /more than zero/);
  refused('0.0000000000001', /At most 12 decimal places/);
  refused('1'.repeat(40), /larger than any balance/);
});

test('amounts format in PLZ, cut not rounded, and tiny amounts never read as zero', () => {
  assert.equal(formatAmount(1_500_000_000_000n), '1.5 PLZ');
  assert.equal(formatAmount('1234567000000000000'), '1,234,567 PLZ');
  assert.equal(formatAmount(0n), '0 PLZ');
  assert.equal(formatAmount(1_999_999_999_999n), '1.9999 PLZ');
  assert.equal(formatAmount(1n), '< 0.0001 PLZ');
  assert.equal(formatAmount(1n, { maxDecimals: 12 }), '0.000000000001 PLZ');
  assert.equal(formatAmount(-2_000_000_000_000n), '-2 PLZ');
  assert.equal(formatAmount(5n * 10n ** 10n, { decimals: 10, symbol: 'UNIT' }), '5 UNIT');
  // Format then parse gives the amount back when nothing was cut.
  assert.equal(parseAmount(formatAmount(123_450_000_000_000n).split(' ')[0].replace(/,/g, '')), 123_450_000_000_000n);
});
