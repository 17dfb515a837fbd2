// Feed latency benchmark (driven by scripts/bench/feeds.sh): builds a chain of posts on a
// `--dev --chain bench` node (its endowed load accounts post, in batches signed in worker
// threads), then runs concurrent clients on social_homeFeed, social_postsByAuthor and social_trending
// and, under the same load in the same run, chain_getHeader as the baseline; then one client alone
// on the same calls. Besides the readers that follow --follows authors, one reader follows
// --light-follows accounts and one --heavy-follows (authors first, then accounts that never post),
// so a home feed's cost in followees shows beside chain_getHeader. Prints p50 and p99 per method
// and the social index's size on disk.
//
//   node bench/feeds.mjs --posts 20000 --accounts 1000 --clients 64 --seconds 20
//   node bench/feeds.mjs --heavy-follows 10000 --light-follows 10   # the defaults
//   node bench/feeds.mjs --posts 1000000 --accounts 10000    # a million posts by 10,000 accounts
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

import { WsProvider } from '@polkadot/api';

import { connect } from '../lib/chain.js';
import { startNode, tempDir, waitFor } from '../lib/node.js';
import { BENCH_ACCOUNTS, POSTS_PER_BATCH } from './load-kinds.mjs';
import { Signers, submitAll } from './load.mjs';

const { values: options } = parseArgs({
  options: {
    posts: { type: 'string', default: '20000' },
    accounts: { type: 'string', default: '1000' },
    clients: { type: 'string', default: '64' },
    follows: { type: 'string', default: '50' },
    'light-follows': { type: 'string', default: '10' },
    'heavy-follows': { type: 'string', default: '10000' },
    seconds: { type: 'string', default: '20' },
    workers: { type: 'string', default: String(Math.max(1, os.availableParallelism())) },
  },
});
const POSTS = Number(options.posts);
const ACCOUNTS = Number(options.accounts);
const CLIENTS = Number(options.clients);
const FOLLOWS = Number(options.follows);
const LIGHT = Number(options['light-follows']);
const HEAVY = Number(options['heavy-follows']);
// A utility.batchAll of this many follows fits a block's weight with room to spare.
const FOLLOWS_PER_BATCH = 1000;
const SECONDS = Number(options.seconds);
const WORKERS = Number(options.workers);
// The runtime lets an account create POSTS_PER_BATCH posts a minute: one batch per account per window.

const log = (...args) => console.error(`[${new Date().toISOString().slice(11, 19)}]`, ...args);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

if (ACCOUNTS > BENCH_ACCOUNTS || CLIENTS + 2 > ACCOUNTS || LIGHT >= ACCOUNTS) {
  throw new Error(`--accounts must be at most ${BENCH_ACCOUNTS}, --clients at most --accounts - 2 ` +
    'and --light-follows below --accounts');
}

const base = tempDir('bench-feeds');
// The `bench` chain endows the load accounts (//Bench//i); the pool holds a whole round of posts.
const node = await startNode({
  name: 'bench-feeds',
  args: ['--dev', '--chain', 'bench', '--rpc-max-connections', '1000', '--pool-limit', '100000', '--pool-kbytes', '1000000'],
  basePath: base.dir,
});
try {
  const api = await connect(node);
  const signers = new Signers(node.wsUrl, WORKERS);
  // Accounts past ACCOUNTS are followed by the heavy reader only; they never post.
  const everyone = await signers.derive(Math.max(ACCOUNTS, HEAVY + 1));
  const authors = everyone.slice(0, ACCOUNTS);
  // The first CLIENTS authors also read: each follows FOLLOWS other authors.
  const readers = authors.slice(0, CLIENTS);
  const [light, heavy] = [CLIENTS, CLIENTS + 1];
  const nonces = new Array(ACCOUNTS).fill(0);
  const providers = await Promise.all(Array.from({ length: 4 }, async () => {
    const provider = new WsProvider(node.wsUrl);
    await provider.isReady;
    return provider;
  }));
  const submit = async (jobs) => {
    const { rejected } = await submitAll(providers, await signers.sign(jobs), 256);
    if (Object.keys(rejected).length) throw new Error(`rejected at submission: ${JSON.stringify(rejected)}`);
  };

  log(`each of ${CLIENTS} readers follows ${FOLLOWS} authors`);
  await submit(readers.map((_, r) => ({
    kind: 'followBatch',
    signer: r,
    nonce: nonces[r]++,
    args: [Array.from({ length: FOLLOWS }, (_, f) => authors[(r + 1 + f * 7) % ACCOUNTS])],
  })));
  const heavyFollows = everyone.filter((_, i) => i !== heavy).slice(0, HEAVY);
  log(`one reader follows ${LIGHT} authors, one follows ${HEAVY} accounts`);
  const jobs = [{ kind: 'followBatch', signer: light, nonce: nonces[light]++, args: [authors.slice(light + 1, light + 1 + LIGHT)] }];
  for (let at = 0; at < heavyFollows.length; at += FOLLOWS_PER_BATCH) {
    jobs.push({ kind: 'followBatch', signer: heavy, nonce: nonces[heavy]++, args: [heavyFollows.slice(at, at + FOLLOWS_PER_BATCH)] });
  }
  await submit(jobs);
  await waitFor('the follows', async () => {
    const accounts = await api.query.system.account.multi([...readers, authors[light], authors[heavy]]);
    return accounts.every((account, i) => account.nonce.toNumber() === nonces[i < CLIENTS ? i : [light, heavy][i - CLIENTS]]);
  }, 300_000);
  const following = (await api.query.profiles.followCountsOf(authors[heavy])).following.toNumber();
  if (following !== HEAVY) throw new Error(`the heavy reader follows ${following} accounts, not ${HEAVY}`);

  log(`creating ${POSTS} posts by ${ACCOUNTS} authors`);
  const started = Date.now();
  let created = 0;
  while (created < POSTS) {
    // One batch of up to POSTS_PER_BATCH per author per round, each round in a new rate-limit
    // window: a round starts a minute after the previous one's last post is in.
    const jobs = [];
    for (let a = 0; a < ACCOUNTS && created + jobs.length * POSTS_PER_BATCH < POSTS; a += 1) {
      const count = Math.min(POSTS_PER_BATCH, POSTS - created - jobs.length * POSTS_PER_BATCH);
      jobs.push({ kind: 'postBatch', signer: a, nonce: nonces[a]++, args: [count] });
    }
    const target = created + jobs.reduce((n, job) => n + job.args[0], 0);
    await submit(jobs);
    await waitFor(`post ${target}`, async () => (await api.query.posts.nextPostId()).toNumber() >= target, 900_000);
    created = target;
    log(`${created} posts on chain (${(created / ((Date.now() - started) / 1000)).toFixed(0)}/s so far)`);
    if (created < POSTS) await sleep(61_000);
  }
  const buildSeconds = (Date.now() - started) / 1000;
  const probe = new WsProvider(node.wsUrl);
  await probe.isReady;
  await waitFor('the index to reach the last post', async () => {
    const page = await probe.send('social_trending', [null, 1]);
    return page.items.length > 0 && page.items[0].id >= POSTS - 1;
  }, 300_000);
  await probe.disconnect();
  await signers.close();
  for (const provider of providers) await provider.disconnect();
  await api.disconnect();

  const calls = {
    [`social_homeFeed, ${FOLLOWS} followees`]: (i) => ['social_homeFeed', [readers[i % CLIENTS], null, 20]],
    [`social_homeFeed, ${LIGHT} followees`]: () => ['social_homeFeed', [authors[light], null, 20]],
    [`social_homeFeed, ${HEAVY} followees`]: () => ['social_homeFeed', [authors[heavy], null, 20]],
    'social_postsByAuthor': (i) => ['social_postsByAuthor', [authors[(i * 7919) % ACCOUNTS], null, 20]],
    'social_trending': () => ['social_trending', [null, 20]],
    'chain_getHeader': () => ['chain_getHeader', []],
  };
  // Full pages: a feed that came back short would measure less work.
  const check = new WsProvider(node.wsUrl);
  await check.isReady;
  for (const reader of [light, heavy]) {
    const page = await check.send('social_homeFeed', [authors[reader], null, 20]);
    if (page.items.length !== 20) throw new Error(`reader ${reader}'s first page has ${page.items.length} posts`);
  }
  await check.disconnect();
  const measure = async (clients) => {
    log(`${clients} clients for ${SECONDS} s`);
    const latencies = Object.fromEntries(Object.keys(calls).map((name) => [name, []]));
    const deadline = Date.now() + SECONDS * 1000;
    await Promise.all(Array.from({ length: clients }, async (_, client) => {
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
    return latencies;
  };
  const runs = [[CLIENTS, await measure(CLIENTS)], [1, await measure(1)]];

  const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
  const chains = path.join(base.dir, 'chains');
  const indexBytes = readdirSync(chains)
    .map((chain) => Number(execFileSync('du', ['-sb', path.join(chains, chain, 'social-index')]).toString().split('\t')[0]))
    .reduce((a, b) => a + b, 0);
  console.log(`Feeds over RPC: ${POSTS} posts by ${ACCOUNTS} accounts (built in ${buildSeconds.toFixed(0)} s), ` +
    `${SECONDS} s per run; ${CLIENTS} readers follow ${FOLLOWS} authors each, one ${LIGHT}, one ${HEAVY}`);
  for (const [clients, latencies] of runs) {
    console.log(`\n${clients} concurrent client${clients === 1 ? '' : 's'}:\n`);
    console.log('| method | calls | p50 ms | p99 ms |');
    console.log('|---|---:|---:|---:|');
    for (const [name, values] of Object.entries(latencies)) {
      values.sort((a, b) => a - b);
      console.log(`| ${name} | ${values.length} | ${percentile(values, 50).toFixed(2)} | ${percentile(values, 99).toFixed(2)} |`);
    }
  }
  console.log(`social index on disk: ${(indexBytes / 1024 / 1024).toFixed(1)} MiB`);
} finally {
  await node.stop();
  base.cleanup();
}
