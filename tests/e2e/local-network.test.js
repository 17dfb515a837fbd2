// Three validators (Alice, Bob, Charlie) from the `local` chain spec on loopback: they find each
// other, author in turn and finalize together.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, test } from 'node:test';

import { connect } from '../lib/chain.js';
import { finalizedNumber, startNode, tempDir, waitFor } from '../lib/node.js';

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
});
