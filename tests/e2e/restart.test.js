// A dev node killed with SIGKILL and restarted on the same base path keeps every finalized block
// and the balances they hold; after purge-chain the pinner and the social index start over.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { after, test } from 'node:test';
import { promisify } from 'node:util';

import { connect, devKey, freeBalance, signAndWaitInBlock } from '../lib/chain.js';
import { add, apiJson } from '../lib/ipfs.js';
import { NODE_BIN, finalizedNumber, startNode, tempDir, waitFor } from '../lib/node.js';

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

test('after purge-chain the pinner and the social index start over from genesis', async () => {
  await api?.disconnect();
  api = undefined;
  await node?.stop();
  const chainDir = path.join(base.dir, 'purged');
  node = await startNode({ name: 'purged', args: ['--dev'], basePath: chainDir });
  api = await connect(node);
  const alice = devKey(api, 'Alice');
  const body = Buffer.from('A post of a chain about to be purged.\n');
  const { Hash: cid } = await add(node, body, { 'cid-version': 1, pin: false });
  const { events } = await signAndWaitInBlock(api, api.tx.posts.createPost(cid, body.length, null), alice);
  const id = events.find((e) => api.events.posts.PostCreated.is(e)).data.postId.toNumber();
  const pinState = async () => (await node.rpc('ipfs_pinStatus', [[cid]])).items[0].status?.state ?? null;
  await waitFor('the body to be pinned', async () => (await pinState()) === 'pinned', 60_000);
  await waitFor('the post to be indexed', async () => (await node.rpc('social_post', [id, false])) !== null, 30_000);
  const before = await node.rpc('social_status');
  assert.equal(before.error, null);
  assert.ok(before.indexedBlock >= 1 && before.lag <= 2, JSON.stringify(before));
  await waitFor('finalized block #6', async () => (await finalizedNumber(node)) >= 6, 60_000);
  await api.disconnect();
  api = undefined;
  await node.stop();

  await promisify(execFile)(NODE_BIN, ['purge-chain', '--dev', '--base-path', chainDir, '-y']);
  node = await startNode({ name: 'purged', args: ['--dev'], basePath: chainDir });
  // The new chain has no post: the index is rebuilt and the chain's pin released.
  assert.equal(await node.rpc('social_post', [id, false]), null);
  assert.equal(await pinState(), null);
  await waitFor('the old chain\'s pin to be released', async () => !(cid in (await apiJson(node, 'pin/ls')).Keys), 30_000);
  const report = await node.rpc('ipfs_pinStatus', [[cid]]);
  assert.equal(report.stopped, null);
  assert.ok(report.processedBlock === null || report.processedBlock <= (await finalizedNumber(node)));
  await waitFor('the index to follow the new chain', async () => {
    const status = await node.rpc('social_status');
    return status.error === null && status.indexedBlock !== null && status.lag <= 2;
  }, 30_000);
});
