// Three validators (Alice, Bob, Charlie) from the `local` chain spec on loopback: they find each
// other, author in turn and finalize together; their IPFS peers find each other through the
// chain's peering, so a body added on one node is pinned by the others (no `--ipfs-source`), and
// a full node that joins later gets the bodies of the posts it syncs.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { after, test } from 'node:test';

import { pseudoRandom } from '../lib/content.js';
import { connect, devKey, signAndWaitInBlock } from '../lib/chain.js';
import { add, rawRequest } from '../lib/ipfs.js';
import { finalizedNumber, freePort, startNode, tempDir, waitFor } from '../lib/node.js';

const nodes = [];
const dirs = [];

after(async () => {
  await Promise.all(nodes.map((n) => n.stop()));
  dirs.forEach((d) => d.cleanup());
});

async function startValidator(name, bootnodes) {
  const base = tempDir(`local-${name}`);
  dirs.push(base);
  const node = await startNode({
    name,
    basePath: base.dir,
    prometheusPort: await freePort(),
    args: [
      '--chain', 'local', `--${name}`, '--validator',
      // A validator of a non-development chain needs a network key of its own.
      '--node-key', randomBytes(32).toString('hex'),
      ...bootnodes.flatMap((b) => ['--bootnodes', b]),
    ],
  });
  nodes.push(node);
  return node;
}

test('three local validators see each other and finalize beyond #2', async () => {
  const alice = await startValidator('alice', []);
  const aliceId = await alice.rpc('system_localPeerId');
  const bootnode = `/ip4/127.0.0.1/tcp/${alice.p2pPort}/p2p/${aliceId}`;
  await startValidator('bob', [bootnode]);
  await startValidator('charlie', [bootnode]);

  for (const node of nodes) {
    assert.equal(await node.rpc('system_chain'), 'Plaza Local Testnet');
    await waitFor(`${node.name} to have 2 peers`, async () => (await node.rpc('system_health')).peers >= 2, 120_000);
  }

  // GRANDPA with three voters needs all three votes: finality past #2 means all of them voted.
  for (const node of nodes) {
    await waitFor(`${node.name} to finalize beyond #2`, async () => (await finalizedNumber(node)) > 2, 180_000);
  }

  // They agree on the finalized chain.
  const hashes = await Promise.all(nodes.map((n) => n.rpc('chain_getBlockHash', [2])));
  assert.equal(new Set(hashes).size, 1, `block #2 differs between nodes: ${hashes}`);

  // Aura rotates authorship among the three: each of them authors blocks of the chain.
  const api = await connect(alice);
  try {
    const authorities = (await api.query.aura.authorities()).map((a) => a.toString());
    assert.equal(authorities.length, 3);
    const authors = new Set();
    await waitFor('all three validators to author a block', async () => {
      const best = (await api.rpc.chain.getHeader()).number.toNumber();
      for (let n = authors.size === 0 ? 1 : Math.max(1, best - 3); n <= best; n++) {
        const header = await api.rpc.chain.getHeader(await api.rpc.chain.getBlockHash(n));
        const preRuntime = header.digest.logs.find((log) => log.isPreRuntime).asPreRuntime;
        const slot = api.createType('u64', preRuntime[1]).toBigInt();
        authors.add(authorities[Number(slot % 3n)]);
      }
      return authors.size === 3;
    }, 120_000);
  } finally {
    await api.disconnect();
  }

  // Every metric the operators' runbook (docs/operators.md, "What to watch") names is served by
  // a validator, and the block heights and GRANDPA rounds it says should rise have.
  const runbook = readFileSync(new URL('../../docs/operators.md', import.meta.url), 'utf8');
  const named = [...runbook.matchAll(/^\| `(substrate_[a-z_]+)/gm)].map((m) => m[1]);
  assert.ok(named.length >= 5, `the runbook names its metrics: ${named}`);
  const text = await (await fetch(`http://127.0.0.1:${alice.prometheusPort}/metrics`)).text();
  for (const name of named) {
    assert.ok(text.split('\n').some((l) => l.startsWith(name)), `${name} is served`);
  }
  // (Metrics are sampled every few seconds, so they may trail the RPC's view.)
  await waitFor('the finalized height and GRANDPA round metrics to rise', async () => {
    const now = await (await fetch(`http://127.0.0.1:${alice.prometheusPort}/metrics`)).text();
    const finalized = now.match(/^substrate_block_height\{status="finalized"[^}]*\} (\d+)/m);
    return finalized && Number(finalized[1]) > 2
      && (await metric(alice, 'substrate_finality_grandpa_round')) > 0;
  }, 60_000);
});

/** The value of Prometheus metric `name` on `node`. */
async function metric(node, name) {
  const text = await (await fetch(`http://127.0.0.1:${node.prometheusPort}/metrics`)).text();
  // `name{chain="…"} value`
  const line = text.split('\n').find((l) => l.startsWith(`${name}{`) || l.startsWith(`${name} `));
  return line === undefined ? undefined : Number(line.split(' ').pop());
}

const pinState = async (node, cid) =>
  (await node.rpc('ipfs_pinStatus', [[cid]])).items[0].status?.state ?? null;

test('a body added on one node reaches the others over bitswap, with no --ipfs-source', async () => {
  const [alice, bob, charlie] = nodes;
  // The largest body a post may have (1 MiB: four 256 KiB leaves and a root), in both CID forms.
  const bodies = [
    { bytes: pseudoRandom(1024 * 1024, 'v0'), query: {}, blocks: 5 },
    { bytes: pseudoRandom(300 * 1024, 'v1'), query: { 'cid-version': 1 }, blocks: 3 },
  ];
  const api = await connect(alice);
  try {
    for (const { bytes, query, blocks } of bodies) {
      const cid = (await add(alice, bytes, { ...query, pin: false })).Hash;
      for (const other of [bob, charlie]) {
        assert.equal(await pinState(other, cid), null, `${other.name} knows ${cid} before its post`);
      }
      await signAndWaitInBlock(api, api.tx.posts.createPost(cid, bytes.length, null), devKey(api, 'Alice'));
      for (const other of [bob, charlie]) {
        await waitFor(`${other.name} to pin ${cid}`, async () => (await pinState(other, cid)) === 'pinned', 120_000);
        const served = await rawRequest(other, 'GET', `/ipfs/${cid}`);
        assert.equal(served.status, 200);
        assert.ok(served.body.equals(bytes), `${other.name} serves other bytes for ${cid}`);
        // ipfs_pinStatus says where the blocks came from: IPFS peers (a retried pin may find
        // some already here), none from an HTTP source.
        const { origin } = (await other.rpc('ipfs_pinStatus', [[cid]])).items[0].status;
        assert.ok(origin.peers > 0 && origin.peers + origin.local === blocks && origin.sources === 0,
          `${other.name}'s ${cid} came from ${JSON.stringify(origin)}`);
      }
    }
    assert.ok(alice.log().includes('IPFS peer'), 'alice never started its IPFS peer');
    // The IPFS peers' metrics saw it: peers connected, blocks served by alice, fetched by bob.
    assert.ok((await metric(alice, 'plaza_ipfs_p2p_peers')) >= 2);
    assert.ok((await metric(alice, 'plaza_ipfs_p2p_blocks_served_total')) >= 5);
    assert.ok((await metric(bob, 'plaza_ipfs_p2p_bytes_fetched_total')) >= 1024 * 1024 + 300 * 1024);
    assert.ok((await metric(alice, 'plaza_ipfs_p2p_provided_keys')) >= 2);
  } finally {
    await api.disconnect();
  }
});

test('a full node that joins later gets the bodies of the posts it syncs', async () => {
  const [alice] = nodes;
  const aliceId = await alice.rpc('system_localPeerId');
  const api = await connect(alice);
  const bytes = pseudoRandom(200 * 1024, 'late');
  let cid;
  try {
    cid = (await add(alice, bytes, { pin: false })).Hash;
    await signAndWaitInBlock(api, api.tx.posts.createPost(cid, bytes.length, null), devKey(api, 'Alice'));
  } finally {
    await api.disconnect();
  }
  const base = tempDir('local-dave');
  dirs.push(base);
  const dave = await startNode({
    name: 'dave',
    basePath: base.dir,
    args: ['--chain', 'local', '--bootnodes', `/ip4/127.0.0.1/tcp/${alice.p2pPort}/p2p/${aliceId}`],
  });
  nodes.push(dave);
  await waitFor(`dave to pin ${cid}`, async () => (await pinState(dave, cid)) === 'pinned', 180_000);
  assert.ok((await rawRequest(dave, 'GET', `/ipfs/${cid}`)).body.equals(bytes));
});
