// The throughput benchmark's short mode (scripts/bench/throughput.sh --short): the real load
// generator against a real `plaza-node --dev --chain bench`. Asserts only that every kind is
// included and that none fails; the figures come from full runs (docs/benchmarks.md).
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

import { Keyring } from '@polkadot/keyring';

import { BENCH_ACCOUNTS, PLZ } from '../bench/load-kinds.mjs';
import { connect, devKey, freeBalance } from '../lib/chain.js';
import { startNode, tempDir } from '../lib/node.js';

const run = promisify(execFile);
const generator = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'bench', 'throughput.mjs');

test('the bench chain endows //Bench//0 … //Bench//9999 as @polkadot/keyring derives them', async () => {
  const base = tempDir('bench-chain');
  const node = await startNode({ name: 'bench-chain', args: ['--dev', '--chain', 'bench'], basePath: base.dir });
  const api = await connect(node);
  try {
    const root = new Keyring({ type: 'sr25519', ss58Format: api.registry.chainSS58 }).addFromUri('//Bench');
    const load = (i) => root.derive(`//${i}`).address;
    assert.equal(await freeBalance(api, load(0)), 10_000n * PLZ);
    assert.equal(await freeBalance(api, load(BENCH_ACCOUNTS - 1)), 10_000n * PLZ);
    assert.equal(await freeBalance(api, load(BENCH_ACCOUNTS)), 0n, 'no more than BENCH_ACCOUNTS');
    assert.equal(await freeBalance(api, devKey(api, 'Alice').address), 1_000_000n * PLZ);
  } finally {
    await api.disconnect();
    await node.stop();
    base.cleanup();
  }
});

test('short throughput run: transfers, posts, votes, tips, post batches, createPosts, and posts and votes through apps are all included', async () => {
  const { stdout } = await run(process.execPath, [generator, '--short', '--json'], { maxBuffer: 16 * 1024 * 1024 });
  const report = JSON.parse(stdout);
  assert.deepEqual(report.results.map((r) => r.kind),
    ['transfer', 'post', 'vote', 'tip', 'postBatch', 'createPosts', 'authorize', 'appPosts', 'appVotes']);
  for (const result of report.results) {
    assert.deepEqual(result.rejected, {}, `${result.kind} rejected at submission`);
    assert.deepEqual(result.failed, {}, `${result.kind} failed in blocks`);
    assert.equal(result.included, result.submitted, `every ${result.kind} included`);
    assert.ok(result.submitted >= 100, `${result.kind}: ${result.submitted} submitted`);
    assert.ok(result.ceilingPerBlock > 0 && result.weightMicros > 0, `${result.kind} has a weight-implied ceiling`);
    assert.ok(result.usedMicros > 0 && result.usedMicros <= result.weightMicros + 0.001, `${result.kind} uses at most its charged weight`);
  }
});
