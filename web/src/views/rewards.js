// Rewards and curation stake: what the reader can claim, the claim itself, and locking and
// unlocking the stake that weighs their votes. The figures are read again after each action.
import { confirmAction } from '../action.js';
import { social } from '../chain.js';
import { formatAmount, parseAmount } from '../lib/amount.js';
import { h } from '../ui.js';

export async function rewardsView(app, main) {
  main.append(h('h1', {}, 'Rewards'));
  if (!app.account) {
    main.append(h('p', {}, 'Choose an account (top right) first.'));
    return;
  }
  const api = app.chain.api;
  const address = app.account.address;
  const fmt = (planck) => formatAmount(planck, { decimals: app.chain.decimals, symbol: app.chain.symbol, maxDecimals: 6 });
  const balance = h('strong', { id: 'free-balance' });
  const pending = h('strong', { id: 'pending-rewards' });
  const staked = h('span', { id: 'stake' });
  const claim = h('button', { type: 'button', class: 'primary', disabled: true }, 'Claim');
  const refresh = async () => {
    const [owed, account, stake] = await Promise.all([social(app.chain, 'pendingRewards', address), api.query.system.account(address), api.query.rewards.stakes(address)]);
    balance.textContent = fmt(account.data.free.toBigInt());
    pending.textContent = fmt(owed);
    pending.dataset.planck = owed;
    claim.disabled = BigInt(owed) === 0n;
    const active = stake.isSome ? stake.unwrap().active.toBigInt() : 0n;
    const unlocking = stake.isSome ? stake.unwrap().unlocking.reduce((total, chunk) => total + chunk.value.toBigInt(), 0n) : 0n;
    staked.textContent = `Locked: ${fmt(active)} · unlocking: ${fmt(unlocking)}.`;
  };
  const panel = h('div');
  claim.addEventListener('click', () => confirmAction(app, panel, { title: `Claim ${pending.textContent}`, build: () => api.tx.rewards.claimRewards(), onDone: refresh }));
  main.append(
    h('p', {}, 'Free balance: ', balance),
    h('p', {}, 'Pending rewards (as of the last finalized block): ', pending),
    claim,
    panel,
    h('h2', {}, 'Curation stake'),
    h('p', {}, staked, ' ', h('span', { class: 'muted' }, `Locked stake weighs your votes; the minimum is ${fmt(api.consts.rewards.minCurationStake.toBigInt())}.`)),
  );
  const amount = h('input', { id: 'stake-amount', inputmode: 'decimal', autocomplete: 'off' });
  const error = h('p', { class: 'error', role: 'alert' });
  const stakePanel = h('div');
  const withAmount = (title, build) => () => {
    let planck;
    try {
      planck = parseAmount(amount.value, app.chain.decimals);
      error.textContent = '';
    } catch (e) {
      error.textContent = e.message;
      return;
    }
    confirmAction(app, stakePanel, { title: `${title} ${fmt(planck)}`, build: () => build(planck), onDone: refresh });
  };
  main.append(
    h('label', { for: 'stake-amount' }, `Amount, in ${app.chain.symbol}`),
    amount,
    error,
    h(
      'div',
      { class: 'row' },
      h('button', { type: 'button', onclick: withAmount('Lock', (planck) => api.tx.rewards.lockStake(planck)) }, 'Lock'),
      h('button', { type: 'button', onclick: withAmount('Unlock', (planck) => api.tx.rewards.unlockStake(planck)) }, 'Unlock'),
      h('button', { type: 'button', onclick: () => confirmAction(app, stakePanel, { title: 'Withdraw unlocked stake', build: () => api.tx.rewards.withdrawUnlocked(), onDone: refresh }) }, 'Withdraw unlocked'),
    ),
    stakePanel,
  );
  await refresh();
}
