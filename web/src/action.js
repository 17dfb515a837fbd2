// One on-chain action as a panel: what it does, its fee and deposit before signing, then its
// progress and outcome. Every transaction in the app goes through here.
import { social } from './chain.js';
import { formatAmount } from './lib/amount.js';
import { waitForIndex } from './lib/index-wait.js';
import { depositOf, feeOf, submit } from './tx.js';
import { h } from './ui.js';

/**
 * Shows `panel` (an element) for `build()`'s transaction and waits for the person to sign.
 * Resolves with the finalized events, or `null` when cancelled; the panel reports errors itself.
 * `extraHold` names an amount the action moves or locks (a tip, a stake), shown beside the fee.
 */
export function confirmAction(app, panel, { title, build, extraHold = null, onDone = () => {} }) {
  const account = app.account;
  panel.replaceChildren();
  panel.className = 'tx';
  if (!account) {
    panel.append(h('p', { class: 'error' }, 'Choose an account first (top right).'));
    return;
  }
  const fmt = (planck) => formatAmount(planck, { decimals: app.chain.decimals, symbol: app.chain.symbol, maxDecimals: 6 });
  let tx;
  try {
    tx = build();
  } catch (error) {
    panel.append(h('p', { class: 'error', role: 'alert' }, error.message));
    return;
  }
  const costs = h('p', {}, 'Working out the fee…');
  const status = h('p', { role: 'status' });
  const sign = h('button', { class: 'primary', type: 'button', disabled: true }, 'Sign and submit');
  const cancel = h('button', { type: 'button', onclick: () => panel.replaceChildren() }, 'Cancel');
  panel.append(h('strong', {}, title), costs, h('div', { class: 'row' }, sign, cancel), status);
  const deposit = depositOf(app.chain.api, tx);
  feeOf(tx, account.address)
    .then((fee) => {
      const parts = [`Fee ${fmt(fee)}`];
      if (deposit) parts.push(`deposit held ${fmt(deposit)} (returned when the item goes)`);
      if (extraHold) parts.push(extraHold);
      costs.textContent = `${parts.join(' · ')}.`;
      costs.dataset.fee = fee.toString();
      sign.disabled = false;
      sign.focus();
    })
    .catch((error) => {
      costs.textContent = `The node cannot price this: ${error.message}`;
      costs.className = 'error';
    });
  sign.addEventListener('click', async () => {
    sign.disabled = true;
    cancel.disabled = true;
    status.className = '';
    try {
      const result = await submit(app.chain.api, tx, account, (text) => {
        status.textContent = text;
      });
      // Views opened next read the index, which follows finality a moment behind.
      status.textContent = 'Finalized: waiting for the node to index it…';
      const header = await app.chain.api.rpc.chain.getHeader(result.blockHash);
      const indexed = await waitForIndex(() => social(app.chain, 'status'), header.number.toNumber());
      status.className = 'done';
      status.textContent = indexed
        ? 'Done: finalized.'
        : "Done: finalized. The node's index has not caught up: lists may not show it yet.";
      onDone(result);
    } catch (error) {
      status.className = 'error';
      status.setAttribute('role', 'alert');
      status.textContent = `Failed: ${error.message}`;
      cancel.disabled = false;
      cancel.textContent = 'Close';
    }
  });
}
