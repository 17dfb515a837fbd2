// A dev node killed with SIGKILL and restarted on the same base path keeps every finalized block
// and the balances they hold.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';

import { connect, devKey, freeBalance, signAndWaitInBlock } from '../lib/chain.js';
import { finalizedNumber, startNode, tempDir, waitFor } from '../lib/node.js';

const base = tempDir('restart');
let node;
let api;

after(async () => {
  await api?.disconnect();
  await node?.stop();
  base.cleanup();
});

test('a SIGKILLed dev node restarts with nothing finalized lost', async () => {
  node = await startNode({ name: 'restart', args: ['--dev'], basePath: base.dir });
  api = await connect(node);
  const alice = devKey(api, 'Alice');
  const charlie = devKey(api, 'Charlie');

  const amount = 7n * 10n ** 12n;
  const { blockHash } = await signAndWaitInBlock(
    api, api.tx.balances.transferKeepAlive(charlie.address, amount), alice);
  const includedAt = (await api.rpc.chain.getHeader(blockHash)).number.toNumber();
  await waitFor(`the transfer's block #${includedAt} to be finalized`,
    async () => (await finalizedNumber(node)) >= includedAt + 1, 60_000);

  const finalizedHash = (await api.rpc.chain.getFinalizedHead()).toHex();
  const finalized = (await api.rpc.chain.getHeader(finalizedHash)).number.toNumber();
  const aliceBalance = await freeBalance(api, alice.address, finalizedHash);
  const charlieBalance = await freeBalance(api, charlie.address, finalizedHash);
  assert.equal(charlieBalance, (await freeBalance(api, charlie.address, (await api.rpc.chain.getHeader(blockHash)).parentHash)) + amount);

  await api.disconnect();
  api = undefined;
  const { signal } = await node.stop('SIGKILL');
  assert.equal(signal, 'SIGKILL');

  node = await startNode({ name: 'restart', args: ['--dev'], basePath: base.dir });
  // Before it authors anything new, the restarted node already has the finalized chain.
  assert.ok((await finalizedNumber(node)) >= finalized, 'finalized height went back after the restart');
  assert.equal(await node.rpc('chain_getBlockHash', [finalized]), finalizedHash);

  api = await connect(node);
  assert.equal(await freeBalance(api, alice.address, finalizedHash), aliceBalance);
  assert.equal(await freeBalance(api, charlie.address, finalizedHash), charlieBalance);
  // Nothing has touched these accounts since: the best block agrees.
  assert.equal(await freeBalance(api, charlie.address), charlieBalance);

  // And the chain goes on: new blocks are authored and finalized on top.
  await waitFor('finality to move past the pre-restart head',
    async () => (await finalizedNumber(node)) > finalized + 1, 60_000);
});
