// Throughput benchmark (driven by scripts/bench/throughput.sh): how many transfers, posts, votes
// and tips per second a Plaza chain carries, and what holds it back. `postBatch` is posts sent
// POSTS_PER_BATCH to a `utility.batchAll`, `createPosts` as many to one `posts.createPosts`, as an
// app posting for a busy account would; their rates count posts, not transactions. `appPosts` and
// `appVotes` are many people's posts and votes in one `apps.actFor` from an app each of them
// authorised (`authorize`, one transaction per person, runs first): the last `--apps` load
// accounts are the apps, every other account a person; their rates count posts and votes.
//
// Starts `plaza-node --dev --chain bench` (10,000 endowed load accounts), pre-signs each kind's
// transactions from many accounts in worker threads, then, one kind after another, submits them
// over several WebSocket connections with many requests in flight and counts inclusions from the
// blocks' events. Prints, per kind: sustained inclusions per second, the ratio to transfers,
// extrinsics per block, block fill (weight and length) against the limits, the ceiling the
// benchmarked weights imply, and the node's CPU per block beside the block time. After the run
// the stopped node re-executes the blocks (`benchmark block`): a full run exits non-zero, with a
// warning, when a kind's blocks took longer to import than the weight they were charged (their
// transactions', inherents' and hooks') — the weights do not hold on this machine.
//
//   node bench/throughput.mjs                 # a full run (about 6 full blocks of each kind)
//   node bench/throughput.mjs --short --json  # seconds: every kind included, none failed
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';

import { WsProvider } from '@polkadot/api';

import { connect } from '../lib/chain.js';
import { NODE_BIN, startNode, tempDir } from '../lib/node.js';
import { APP_KINDS, BENCH_ACCOUNTS, KIND_EVENTS, POSTING_KINDS, POSTS_PER_BATCH } from './load-kinds.mjs';
import { Signers, submitAll } from './load.mjs';

const { values: options } = parseArgs({
  options: {
    kinds: { type: 'string', default: 'transfer,post,vote,tip,postBatch,createPosts,authorize,appPosts,appVotes' },
    apps: { type: 'string' },
    accounts: { type: 'string', default: String(BENCH_ACCOUNTS) },
    blocks: { type: 'string', default: '6' },
    'per-kind': { type: 'string' },
    connections: { type: 'string', default: '4' },
    'in-flight': { type: 'string', default: '256' },
    workers: { type: 'string', default: String(Math.max(1, os.availableParallelism())) },
    short: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    // Keep the node's database (its path is printed) to re-execute the blocks under a profiler.
    keep: { type: 'boolean', default: false },
  },
});
const SHORT = options.short;
const KIND_LIST = options.kinds.split(',');
// Short runs use few accounts, each posting kind its own, so that no account goes over its rate
// limit and nothing waits for a rate-limit window to pass.
const ACCOUNTS = SHORT ? 200 : Math.min(Number(options.accounts), BENCH_ACCOUNTS);
const PER_KIND = SHORT ? 100 : options['per-kind'] && Number(options['per-kind']);
const FULL_BLOCKS = Number(options.blocks);
const CONNECTIONS = Number(options.connections);
const IN_FLIGHT = Number(options['in-flight']);
const WORKERS = Number(options.workers);
// The last APPS load accounts are apps; the others are people.
const APPS = Number(options.apps ?? (SHORT ? 2 : 16));
const PEOPLE = ACCOUNTS - APPS;
// How many inclusions (events) one transaction of each kind makes (app kinds: set once the
// runtime's MaxActions is known).
const PER_TRANSACTION = { postBatch: POSTS_PER_BATCH, createPosts: POSTS_PER_BATCH };
const perTransaction = (kind) => PER_TRANSACTION[kind] ?? 1;
// A kind is done when all of it is accounted for, or when blocks stop including it for this long.
const STALL_MS = 45_000;

for (const kind of KIND_LIST) if (!KIND_EVENTS[kind]) throw new Error(`unknown kind ${kind}; known: ${Object.keys(KIND_EVENTS)}`);
if (KIND_LIST.some((k) => k === 'vote' || k === 'tip') && !KIND_LIST.includes('post')) {
  throw new Error('votes and tips need the post kind before them (they target its posts)');
}
if (KIND_LIST.some((k) => APP_KINDS.has(k)) && !KIND_LIST.includes('authorize')) {
  throw new Error('appPosts and appVotes need the authorize kind before them (people authorise the apps)');
}
if (KIND_LIST.includes('appVotes') && !KIND_LIST.some((k) => k === 'post' || k === 'appPosts')) {
  throw new Error('appVotes needs posts to vote on: the post or appPosts kind before it');
}
if (PEOPLE < APPS) throw new Error(`--apps ${APPS} leaves too few people among ${ACCOUNTS} accounts`);

const log = (...args) => console.error(`[${new Date().toISOString().slice(11, 19)}]`, ...args);

const CLOCK_TICKS = Number(execFileSync('getconf', ['CLK_TCK']).toString());

/** The node's CPU time so far (user + system), in seconds, from /proc/<pid>/stat. */
function cpuSeconds(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
}

/**
 * Follows best blocks in order and records, for each: its timestamp, extrinsic count and length,
 * consumed normal weight, the kinds' events, failed extrinsics, the node's CPU time since the
 * previous block and the authoring time the node logged for it.
 */
class BlockTracker {
  constructor(api, provider, node, authoringMs) {
    Object.assign(this, { api, provider, node, authoringMs });
    this.blocks = new Map();
    this.queue = [];
    this.listeners = new Set();
    this.lastCpu = cpuSeconds(node.child.pid);
    this.createdPosts = [];
  }

  async start() {
    this.unsubscribe = await this.api.rpc.chain.subscribeNewHeads((header) => {
      this.queue.push({ number: header.number.toNumber(), hash: header.hash.toHex(), cpu: cpuSeconds(this.node.child.pid) });
      if (!this.draining) this.drain();
    });
  }

  async drain() {
    this.draining = true;
    while (this.queue.length > 0) {
      const head = this.queue.shift();
      const cpu = head.cpu - this.lastCpu;
      this.lastCpu = head.cpu;
      const record = await this.read(head);
      record.cpuSeconds = cpu;
      this.blocks.set(record.number, record);
      for (const listener of this.listeners) listener(record);
    }
    this.draining = false;
  }

  async read({ number, hash }) {
    const [{ block }, apiAt] = await Promise.all([this.provider.send('chain_getBlock', [hash]), this.api.at(hash)]);
    const [events, weight, now] = await Promise.all([
      apiAt.query.system.events(),
      apiAt.query.system.blockWeight(),
      apiAt.query.timestamp.now(),
    ]);
    const kindEvents = Object.fromEntries(Object.keys(KIND_EVENTS).map((kind) => [kind, 0]));
    const failures = {};
    const actionFailures = {};
    const errorName = (error) => (error.isModule
      ? (({ section: s, name: n }) => `${s}.${n}`)(this.api.registry.findMetaError(error.asModule))
      : error.type);
    for (const { event } of events) {
      for (const [kind, [section, method]] of Object.entries(KIND_EVENTS)) {
        if (event.section === section && event.method === method) kindEvents[kind] += 1;
      }
      if (event.section === 'posts' && event.method === 'PostCreated') {
        this.createdPosts.push({ id: event.data[0].toNumber(), author: event.data[1].toString() });
      }
      if (event.section === 'system' && event.method === 'ExtrinsicFailed') {
        const name = errorName(event.data[0]);
        failures[name] = (failures[name] ?? 0) + 1;
      }
      // An app's action that failed: one inclusion, not a whole transaction.
      if (event.section === 'apps' && event.method === 'ActionFailed') {
        const name = errorName(event.data.error);
        actionFailures[name] = (actionFailures[name] ?? 0) + 1;
      }
    }
    return {
      number,
      hash,
      timestamp: now.toNumber(),
      extrinsics: block.extrinsics.length,
      length: block.extrinsics.reduce((sum, hex) => sum + (hex.length - 2) / 2, 0),
      normalWeight: weight.normal.refTime.toBigInt(),
      // Everything the block was charged: its transactions, and the inherents and hooks
      // (`on_initialize`, `on_idle`'s sweeps, `on_finalize`) in the mandatory class. What
      // importing it costs is measured against this, as `benchmark block` does.
      totalWeight: weight.normal.refTime.toBigInt() + weight.operational.refTime.toBigInt()
        + weight.mandatory.refTime.toBigInt(),
      mandatoryWeight: weight.mandatory.refTime.toBigInt(),
      kindEvents,
      failures,
      actionFailures,
      authoringMs: this.authoringMs.get(number),
    };
  }

  /** Resolves when `done()` holds for the blocks seen, or rejects after `STALL_MS` with no new block satisfying it. */
  until(done) {
    return new Promise((resolve, reject) => {
      let timer;
      const arm = () => {
        clearTimeout(timer);
        timer = setTimeout(() => {
          this.listeners.delete(check);
          reject(new Error(`no progress for ${STALL_MS / 1000} s`));
        }, STALL_MS);
      };
      const check = () => {
        arm();
        if (done()) {
          clearTimeout(timer);
          this.listeners.delete(check);
          resolve();
        }
      };
      this.listeners.add(check);
      arm();
      if (done()) check();
    });
  }

  stop() {
    this.unsubscribe?.();
  }
}

const sum = (values) => values.reduce((a, b) => a + b, 0);

/** Sums a kind's blocks: the full ones in the middle give the sustained rate. */
function summarize(kind, tracker, fromBlock, limits, txInfo) {
  const blocks = [...tracker.blocks.values()].filter((b) => b.number > fromBlock && b.kindEvents[kind] > 0)
    .sort((a, b) => a.number - b.number);
  // The first block fills while submission ramps up and the last takes what is left: beyond
  // three blocks, only the ones in between count as sustained.
  const steady = blocks.length > 3 ? blocks.slice(1, -1) : blocks;
  // Each block stands for its slot: from the first one's start to the last one's end.
  const seconds = steady.length
    ? (steady[steady.length - 1].timestamp - steady[0].timestamp) / 1000 + limits.blockSeconds
    : NaN;
  const included = sum(steady.map((b) => b.kindEvents[kind]));
  // What blocks were left charged per inclusion once refunds were made: the ceiling's divisor.
  const usedWeight = sum(steady.map((b) => Number(b.normalWeight))) / included;
  const ceilingPerBlock = Math.min(
    Math.floor(Number(limits.normalWeight) / usedWeight),
    Math.floor(limits.normalLength / txInfo.length),
  );
  const authoring = steady.map((b) => b.authoringMs).filter((ms) => ms !== undefined);
  return {
    kind,
    blocks: blocks.length,
    steadyBlocks: steady.length,
    steadyNumbers: steady.map((b) => b.number),
    included: sum(blocks.map((b) => b.kindEvents[kind])),
    failed: blocks.reduce((failed, b) => {
      for (const [name, count] of [...Object.entries(b.failures), ...Object.entries(b.actionFailures)]) {
        failed[name] = (failed[name] ?? 0) + count;
      }
      return failed;
    }, {}),
    perSecond: included / seconds,
    extrinsicsPerBlock: sum(steady.map((b) => b.extrinsics - 1)) / steady.length,
    weightFill: sum(steady.map((b) => Number(b.normalWeight) / Number(limits.normalWeight))) / steady.length,
    lengthFill: sum(steady.map((b) => b.length / limits.normalLength)) / steady.length,
    weightMicros: Number(txInfo.weight) / 1e6,
    usedMicros: usedWeight / 1e6,
    lengthBytes: txInfo.length,
    ceilingPerBlock,
    ceilingPerSecond: ceilingPerBlock / limits.blockSeconds,
    authoringMs: authoring.length ? sum(authoring) / authoring.length : NaN,
    cpuSecondsPerBlock: sum(steady.map((b) => b.cpuSeconds)) / steady.length,
  };
}

const base = tempDir('bench-throughput');
const authoringMs = new Map();
let partialLine = '';
let node;
try {
  // The pool holds a whole kind at once; the RPC server takes every connection we open.
  const poolLimit = 400_000;
  node = await startNode({
    name: 'bench-throughput',
    args: ['--dev', '--chain', 'bench', '--pool-limit', String(poolLimit), '--pool-kbytes', String(poolLimit / 2)],
    basePath: base.dir,
    onOutput: (text) => {
      // Chunks may split lines: match whole lines only.
      const lines = (partialLine + text).split('\n');
      partialLine = lines.pop();
      for (const line of lines) {
        const [, number, ms] = line.match(/Prepared block for proposing at (\d+) \((\d+) ms\)/) ?? [];
        if (number) authoringMs.set(Number(number), Number(ms));
      }
    },
  });
  const api = await connect(node);
  const providers = await Promise.all(Array.from({ length: CONNECTIONS }, async () => {
    const provider = new WsProvider(node.wsUrl, false);
    await provider.connect();
    await provider.isReady;
    return provider;
  }));
  const [reader] = providers;

  const signers = new Signers(node.wsUrl, WORKERS);
  log(`deriving ${ACCOUNTS} load accounts in ${WORKERS} workers`);
  const addresses = await signers.derive(ACCOUNTS);
  const nonces = new Array(ACCOUNTS).fill(0);

  const weights = api.consts.system.blockWeights;
  const limits = {
    normalWeight: weights.perClass.normal.maxTotal.unwrap().refTime.toBigInt(),
    normalLength: api.consts.system.blockLength.max.normal.toNumber(),
    baseExtrinsic: weights.perClass.normal.baseExtrinsic.refTime.toBigInt(),
    blockSeconds: (await api.call.auraApi.slotDuration()).toNumber() / 1000,
  };

  const tracker = new BlockTracker(api, reader, node, authoringMs);
  await tracker.start();

  // Apps: person i authorises app i % APPS, whose batches carry ACTIONS people each.
  const ACTIONS = Math.min(api.consts.apps.maxActions.toNumber(), Math.floor(PEOPLE / APPS));
  for (const kind of APP_KINDS) PER_TRANSACTION[kind] = ACTIONS;
  const appAccount = (app) => PEOPLE + app;
  const peopleOf = Array.from({ length: APPS }, (_, app) =>
    Array.from({ length: Math.ceil((PEOPLE - app) / APPS) }, (_, k) => app + k * APPS));
  // How many actions each person has had in the current app kind, and where each app's next
  // batch starts among its people.
  let actionsOf = new Array(PEOPLE).fill(0);
  // Where the posts made through apps start in the tracker's list (all of it before appPosts).
  let firstAppPost = 0;
  let appCursor = new Array(APPS).fill(0);

  /** The next batch of app `app`'s people, each with the round it is for them. */
  function nextBatch(app) {
    const people = peopleOf[app];
    return Array.from({ length: ACTIONS }, () => {
      const person = people[appCursor[app]++ % people.length];
      return [person, actionsOf[person]++];
    });
  }

  /**
   * The arguments of the `round`th transaction of `kind` by `signer`: transfers go to the next
   * accounts, votes to distinct posts, tips to posts by someone else.
   */
  function argsFor(kind, signer, round, posts, authorOf) {
    if (kind === 'transfer') return [addresses[(signer + 1 + round) % ACCOUNTS]];
    if (kind === 'vote') return [posts[(signer * 7 + round) % posts.length]];
    if (kind === 'postBatch' || kind === 'createPosts') return [POSTS_PER_BATCH];
    if (kind === 'authorize') return [addresses[appAccount(signer % APPS)]];
    if (kind === 'tip') {
      let at = (signer * 13 + round) % posts.length;
      while (authorOf.get(posts[at]) === addresses[signer]) at = (at + 1) % posts.length;
      return [posts[at]];
    }
    return [];
  }

  // Posting kinds take accounts in turn from here, so that one kind's posts do not count against
  // the rate limit of the accounts the next one uses.
  let nextPoster = 0;

  /**
   * Jobs for `count` transactions of `kind`, spread round-robin over the accounts; app kinds'
   * over the apps, each carrying its next people: every person posts at most their rate limit,
   * and votes on a different post each time.
   */
  function jobsFor(kind, count) {
    if (APP_KINDS.has(kind)) {
      // Votes go to the posts made through apps, which no load account has voted on yet.
      const posts = tracker.createdPosts.slice(firstAppPost).map(({ id }) => id);
      return Array.from({ length: count }, (_, n) => {
        const app = n % APPS;
        const batch = nextBatch(app);
        const args = kind === 'appPosts'
          ? batch.map(([person]) => addresses[person])
          : batch.map(([person, round]) => [addresses[person], posts[(person * 7 + round) % posts.length]]);
        const signer = appAccount(app);
        return { kind, signer, nonce: nonces[signer]++, args: [args] };
      });
    }
    const first = POSTING_KINDS.has(kind) ? nextPoster : 0;
    const authorOf = new Map(tracker.createdPosts.map(({ id, author }) => [id, author]));
    const posts = tracker.createdPosts.map(({ id }) => id);
    return Array.from({ length: count }, (_, n) => {
      const signer = (first + n) % ACCOUNTS;
      const args = argsFor(kind, signer, Math.floor(n / ACCOUNTS), posts, authorOf);
      return { kind, signer, nonce: nonces[signer]++, args };
    });
  }

  /** Resolves once no account that posted so far is still in the rate-limit window it posted in. */
  async function rateWindowsPassed() {
    const window = api.consts.posts.rateLimitWindow.toNumber();
    const lastPostBlock = Math.max(0, ...[...tracker.blocks.values()].filter((b) => b.kindEvents.post > 0).map((b) => b.number));
    log(`waiting for block ${lastPostBlock + window}: the posts' rate-limit windows to pass`);
    await tracker.until(() => Math.max(...tracker.blocks.keys()) >= lastPostBlock + window);
  }

  const results = [];
  for (const kind of KIND_LIST) {
    const per = perTransaction(kind);
    // The weight and length the runtime charges one transaction of this kind.
    const sampleArgs = APP_KINDS.has(kind)
      ? [Array.from({ length: ACTIONS }, (_, i) => (kind === 'appPosts' ? addresses[i] : [addresses[i], 0]))]
      : argsFor(kind, 0, 0, [0], new Map());
    const [sample] = await signers.sign([{ kind, signer: 0, nonce: 0, args: sampleArgs }]);
    // What a block is charged for it (the call's and extensions' weight plus the base
    // extrinsic), per inclusion.
    const info = await reader.send('payment_queryInfo', [sample]);
    const txInfo = {
      weight: (BigInt(info.weight.ref_time) + limits.baseExtrinsic) / BigInt(per),
      length: (sample.length - 2) / 2 / per,
    };

    const perBlockCeiling = Number(limits.normalWeight / txInfo.weight);
    // Votes are refunded the unused part of the reward hook's worst case: more fit in a block
    // than their charged weight says.
    const oversize = kind === 'vote' || kind === 'appVotes' ? 2 : 1;
    let count = PER_KIND ? Math.ceil(PER_KIND / per) : Math.ceil((perBlockCeiling * FULL_BLOCKS * oversize) / per);
    if (kind === 'post') count = Math.min(count, ACCOUNTS * POSTS_PER_BATCH);
    if (kind === 'postBatch' || kind === 'createPosts') count = Math.min(count, ACCOUNTS);
    if (kind === 'vote') count = Math.min(count, ACCOUNTS * tracker.createdPosts.length);
    // Every person authorises once, whatever the run's size: the app kinds need them all.
    if (kind === 'authorize') count = PEOPLE;
    if (kind === 'appPosts') count = Math.min(count, Math.floor((PEOPLE * POSTS_PER_BATCH) / ACTIONS));
    if (kind === 'appVotes') count = Math.min(count, Math.floor((PEOPLE * (tracker.createdPosts.length - firstAppPost)) / ACTIONS));
    if (APP_KINDS.has(kind)) {
      actionsOf = new Array(PEOPLE).fill(0);
      appCursor = new Array(APPS).fill(0);
    }
    // People post through apps within their own rate limit: earlier posts' windows must pass.
    if (kind === 'appPosts' && tracker.createdPosts.length > 0) {
      await rateWindowsPassed();
      nextPoster = 0;
    }
    if (kind === 'appPosts') firstAppPost = tracker.createdPosts.length;
    if (POSTING_KINDS.has(kind)) {
      if (nextPoster > 0 && nextPoster + Math.min(count, ACCOUNTS) > ACCOUNTS) {
        await rateWindowsPassed();
        nextPoster = 0;
      }
    }
    log(`${kind}: signing ${count} (${txInfo.length * per} bytes, weight ${(Number(txInfo.weight) * per / 1e6).toFixed(1)} µs each)`);
    const signingStarted = Date.now();
    const hexes = await signers.sign(jobsFor(kind, count));
    if (POSTING_KINDS.has(kind)) nextPoster += Math.min(count, ACCOUNTS);
    log(`${kind}: signed in ${((Date.now() - signingStarted) / 1000).toFixed(1)} s; submitting`);

    const fromBlock = Math.max(0, ...tracker.blocks.keys());
    const accounted = () => {
      let total = 0;
      for (const b of tracker.blocks.values()) {
        if (b.number > fromBlock) {
          total += b.kindEvents[kind] + sum(Object.values(b.failures)) * per + sum(Object.values(b.actionFailures));
        }
      }
      return total;
    };
    const submission = await submitAll(providers, hexes, IN_FLIGHT);
    const rejectedCount = sum(Object.values(submission.rejected));
    log(`${kind}: submitted at ${submission.perSecond.toFixed(0)}/s, ${rejectedCount} rejected; waiting for blocks`);
    try {
      await tracker.until(() => accounted() >= (count - rejectedCount) * per);
    } catch (error) {
      log(`${kind}: ${error.message}; ${accounted()} of ${(count - rejectedCount) * per} accounted for`);
    }
    const result = summarize(kind, tracker, fromBlock, limits, txInfo);
    Object.assign(result, {
      submitted: count * per,
      transactions: count,
      submittedPerSecond: submission.perSecond,
      rejected: submission.rejected,
    });
    results.push(result);
    log(`${kind}: ${result.included} included in ${result.blocks} blocks, ${result.perSecond.toFixed(0)}/s sustained`);
  }
  tracker.stop();
  await signers.close();
  const multiplier = (await api.query.transactionPayment.nextFeeMultiplier()).toString();
  for (const provider of providers) await provider.disconnect();
  await api.disconnect();

  // Import cost: the node, stopped, re-executes the run's blocks from its database
  // (`benchmark block`), as a validator importing them would.
  await node.stop();
  const numbers = [...tracker.blocks.keys()].filter((n) => n > 0);
  if (numbers.length) {
    log('re-executing the blocks (benchmark block) for their import cost');
    const { stdout, stderr, status } = spawnSync(NODE_BIN, ['benchmark', 'block', '--chain', 'bench', '--base-path', base.dir,
      '--from', String(Math.min(...numbers)), '--to', String(Math.max(...numbers)), '--repeat', '1'], { maxBuffer: 64 * 1024 * 1024 });
    const output = `${stdout}${stderr}`;
    if (status !== 0) throw new Error(`benchmark block failed:\n${output.slice(-2000)}`);
    for (const [, number, ns] of output.matchAll(/Block (\d+) with +\d+ tx used +[\d.]+% of its weight \( *([\d,]+) of/g)) {
      const block = tracker.blocks.get(Number(number));
      if (block) block.importMs = Number(ns.replaceAll(',', '')) / 1e6;
    }
  }
  for (const r of results) {
    const steady = r.steadyNumbers.map((n) => tracker.blocks.get(n)).filter((b) => b.importMs !== undefined);
    r.importMs = steady.length ? sum(steady.map((b) => b.importMs)) / steady.length : NaN;
    r.importPerWeight = steady.length
      ? sum(steady.map((b) => b.importMs / (Number(b.totalWeight) / 1e9))) / steady.length
      : NaN;
    r.hooksMs = steady.length ? sum(steady.map((b) => Number(b.mandatoryWeight) / 1e9)) / steady.length : NaN;
  }

  const transfers = results.find((r) => r.kind === 'transfer');
  for (const r of results) r.ratioToTransfers = transfers ? r.perSecond / transfers.perSecond : NaN;
  const machine = { cores: os.availableParallelism(), memoryGiB: Math.round(os.totalmem() / 2 ** 30), cpu: os.cpus()[0]?.model };
  if (options.json) {
    console.log(JSON.stringify({
      machine,
      limits: { ...limits, normalWeight: Number(limits.normalWeight), baseExtrinsic: Number(limits.baseExtrinsic) },
      feeMultiplier: multiplier,
      results,
    }, null, 2));
  } else {
    const fixed = (value, digits = 0) => (Number.isFinite(value) ? value.toFixed(digits) : '–');
    const percent = (value) => (Number.isFinite(value) ? `${(value * 100).toFixed(0)} %` : '–');
    console.log(`Throughput on ${machine.cores} cores, ${machine.memoryGiB} GiB (${machine.cpu}); ${ACCOUNTS} load accounts; ` +
      `${limits.blockSeconds} s blocks; normal class limits ${(Number(limits.normalWeight) / 1e12).toFixed(2)} s of weight and ` +
      `${(limits.normalLength / 2 ** 20).toFixed(2)} MiB; fee multiplier after the run ${multiplier}`);
    console.log('');
    console.log('| kind | charged µs | used µs | bytes | included | failed | blocks | inclusions/s | × transfers | ext/block | weight fill | length fill | ceiling/s | % of ceiling | authoring ms/block | hooks ms/block | import ms/block | import ÷ weight | node CPU s/block |');
    console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
    for (const r of results) {
      console.log(`| ${r.kind} | ${fixed(r.weightMicros, 1)} | ${fixed(r.usedMicros, 1)} | ${fixed(r.lengthBytes)} | ${r.included} | ${sum(Object.values(r.failed))} | ${r.steadyBlocks}/${r.blocks} | ` +
        `${fixed(r.perSecond)} | ${fixed(r.ratioToTransfers, 2)} | ${fixed(r.extrinsicsPerBlock)} | ${percent(r.weightFill)} | ${percent(r.lengthFill)} | ` +
        `${fixed(r.ceilingPerSecond)} | ${percent(r.perSecond / r.ceilingPerSecond)} | ${fixed(r.authoringMs)} | ${fixed(r.hooksMs)} | ${fixed(r.importMs)} | ` +
        `${percent(r.importPerWeight)} | ${fixed(r.cpuSecondsPerBlock, 2)} |`);
    }
    for (const r of results) {
      if (Object.keys(r.failed).length || Object.keys(r.rejected).length) {
        console.log(`${r.kind}: failed ${JSON.stringify(r.failed)}, rejected at submission ${JSON.stringify(r.rejected)}`);
      }
    }
  }
  // The weights must hold on the machine that runs this: a full block of any kind must import
  // within the weight it was charged. A short run's near-empty blocks are too small to judge.
  const overweight = SHORT ? [] : results.filter((r) => r.importPerWeight > 1);
  for (const r of overweight) {
    console.error(`WARNING: a block of ${r.kind} took ${(r.importPerWeight * 100).toFixed(0)} % of its weight to import ` +
      `on this machine: the weights under-charge it (see docs/benchmarks.md, "Reference hardware")`);
  }
  if (overweight.length) process.exitCode = 1;
} finally {
  await node?.stop();
  if (options.keep) log(`kept the node's database: ${base.dir} (plaza-node benchmark block --chain bench --base-path ${base.dir})`);
  else base.cleanup();
}
