// Feed latency benchmark (driven by scripts/bench-feeds.sh): builds a chain of posts on a dev
// node, then runs concurrent clients on social_homeFeed, social_postsByAuthor and social_trending
// and, under the same load in the same run, chain_getHeader as the baseline. Prints p50 and p99
// per method and the social index's size on disk.
//
//   node bench/feeds.mjs --posts 20000 --accounts 1000 --clients 64 --seconds 20
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

import { WsProvider } from '@polkadot/api';

import { connect, devKey, signAndWaitInBlock } from '../lib/chain.js';
import { startNode, tempDir, waitFor } from '../lib/node.js';

const { values: options } = parseArgs({
  options: {
    posts: { type: 'string', default: '20000' },
    accounts: { type: 'string', default: '1000' },
    clients: { type: 'string', default: '64' },
    follows: { type: 'string', default: '50' },
    seconds: { type: 'string', default: '20' },
  },
});
const POSTS = Number(options.posts);
const ACCOUNTS = Number(options.accounts);
const CLIENTS = Number(options.clients);
const FOLLOWS = Number(options.follows);
const SECONDS = Number(options.seconds);
// The runtime lets an account create 20 posts a minute: one batch of 20 per account per window.
const POSTS_PER_BATCH = 20;
const PLZ = 1_000_000_000_000n;
const CID = 'bafkreifzjut3te2nhyekklss27nh3k72ysco7y32koao5eei66wof36n5e';

const log = (...args) => console.error(`[${new Date().toISOString().slice(11, 19)}]`, ...args);

/** Submits `txs` (already built) with bounded concurrency; resolves when all are in blocks. */
async function submitAll(api, txs, concurrency = 256) {
  let next = 0;
  const worker = async () => {
    while (next < txs.length) {
      const [tx, signer] = txs[next++];
      await signAndWaitInBlock(api, tx, signer);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

const base = tempDir('bench-feeds');
const node = await startNode({ name: 'bench-feeds', args: ['--dev', '--rpc-max-connections', '1000'], basePath: base.dir });
try {
  const api = await connect(node);
  const alice = devKey(api, 'Alice');
  const authors = Array.from({ length: ACCOUNTS }, (_, i) => devKey(api, `BenchAuthor${i}`));
  const readers = Array.from({ length: CLIENTS }, (_, i) => devKey(api, `BenchReader${i}`));

  log(`funding ${ACCOUNTS} authors and ${CLIENTS} readers`);
  const everyone = [...authors, ...readers];
  for (let i = 0; i < everyone.length; i += 500) {
    const transfers = everyone.slice(i, i + 500).map((a) => api.tx.balances.transferKeepAlive(a.address, 100n * PLZ));
    await signAndWaitInBlock(api, api.tx.utility.batchAll(transfers), alice);
  }

  log(`each reader follows ${FOLLOWS} authors`);
  await submitAll(api, readers.map((reader, r) => [
    api.tx.utility.batchAll(Array.from({ length: FOLLOWS }, (_, f) => api.tx.profiles.follow(authors[(r * FOLLOWS + f) % ACCOUNTS].address))),
    reader,
  ]));

  log(`creating ${POSTS} posts by ${ACCOUNTS} authors`);
  const started = Date.now();
  let created = 0;
  while (created < POSTS) {
    const round = [];
    for (const author of authors) {
      const count = Math.min(POSTS_PER_BATCH, POSTS - created - round.length * POSTS_PER_BATCH);
      if (count <= 0) break;
      round.push([api.tx.utility.batchAll(Array.from({ length: count }, () => api.tx.posts.createPost(CID, 11, null))), author]);
    }
    const windowStart = Date.now();
    await submitAll(api, round);
    created += round.reduce((n, [tx]) => n + tx.args[0].length, 0);
    log(`${created} posts on chain`);
    // Next round in a new rate-limit window (one minute on dev).
    if (created < POSTS) await new Promise((resolve) => setTimeout(resolve, Math.max(0, 61_000 - (Date.now() - windowStart))));
  }
  const buildSeconds = (Date.now() - started) / 1000;
  const probe = new WsProvider(node.wsUrl);
  await probe.isReady;
  await waitFor('the index to reach the last post', async () => {
    const page = await probe.send('social_trending', [null, 1]);
    return page.items.length > 0 && page.items[0].id >= POSTS - 1;
  }, 300_000);
  await probe.disconnect();
  await api.disconnect();

  log(`${CLIENTS} clients for ${SECONDS} s`);
  const calls = {
    'social_homeFeed': (i) => ['social_homeFeed', [readers[i % CLIENTS].address, null, 20]],
    'social_postsByAuthor': (i) => ['social_postsByAuthor', [authors[(i * 7919) % ACCOUNTS].address, null, 20]],
    'social_trending': () => ['social_trending', [null, 20]],
    'chain_getHeader': () => ['chain_getHeader', []],
  };
  const latencies = Object.fromEntries(Object.keys(calls).map((name) => [name, []]));
  const deadline = Date.now() + SECONDS * 1000;
  await Promise.all(Array.from({ length: CLIENTS }, async (_, client) => {
    const provider = new WsProvider(node.wsUrl);
    await provider.isReady;
    let i = client;
    while (Date.now() < deadline) {
      for (const [name, make] of Object.entries(calls)) {
        const [method, params] = make(i++);
        const t0 = process.hrtime.bigint();
        await provider.send(method, params);
        latencies[name].push(Number(process.hrtime.bigint() - t0) / 1e6);
      }
    }
    await provider.disconnect();
  }));

  const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
  const chains = path.join(base.dir, 'chains');
  const indexBytes = readdirSync(chains)
    .map((chain) => Number(execFileSync('du', ['-sb', path.join(chains, chain, 'social-index')]).toString().split('\t')[0]))
    .reduce((a, b) => a + b, 0);
  console.log(`Feeds over RPC: ${POSTS} posts by ${ACCOUNTS} accounts (built in ${buildSeconds.toFixed(0)} s), ` +
    `${CLIENTS} concurrent clients for ${SECONDS} s, readers follow ${FOLLOWS} authors each`);
  console.log('| method | calls | p50 ms | p99 ms |');
  console.log('|---|---:|---:|---:|');
  for (const [name, values] of Object.entries(latencies)) {
    values.sort((a, b) => a - b);
    console.log(`| ${name} | ${values.length} | ${percentile(values, 50).toFixed(2)} | ${percentile(values, 99).toFixed(2)} |`);
  }
  console.log(`social index on disk: ${(indexBytes / 1024 / 1024).toFixed(1)} MiB`);
} finally {
  await node.stop();
  base.cleanup();
}
