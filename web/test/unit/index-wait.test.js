import assert from 'node:assert/strict';
import { test } from 'node:test';

import { waitForIndex } from '../../src/lib/index-wait.js';

/** A `social_status` whose index reaches one more block on each call, from `from`. */
function catchingUp(from, extra = {}) {
  let indexed = from;
  const calls = { count: 0 };
  const status = async () => {
    calls.count += 1;
    return { indexedBlock: indexed++, finalizedBlock: 10, lag: 0, error: null, ...extra };
  };
  return { status, calls };
}

test('waits until the index has the block, then resolves true', async () => {
  const { status, calls } = catchingUp(7);
  assert.equal(await waitForIndex(status, 10, { intervalMs: 1 }), true);
  assert.equal(calls.count, 4);
});

test('an index already there answers at once', async () => {
  const { status, calls } = catchingUp(12);
  assert.equal(await waitForIndex(status, 10, { intervalMs: 1000 }), true);
  assert.equal(calls.count, 1);
});

test('a stopped index or an unreachable node ends the wait within its bound', async () => {
  const stopped = async () => ({ indexedBlock: 3, finalizedBlock: 10, lag: 7, error: 'disk full' });
  assert.equal(await waitForIndex(stopped, 10, { intervalMs: 1000 }), false);
  const started = Date.now();
  const failing = async () => {
    throw new Error('connection closed');
  };
  assert.equal(await waitForIndex(failing, 10, { timeoutMs: 50, intervalMs: 10 }), false);
  assert.ok(Date.now() - started < 1_000);
  const never = async () => ({ indexedBlock: null, finalizedBlock: 10, lag: 10, error: null });
  assert.equal(await waitForIndex(never, 10, { timeoutMs: 50, intervalMs: 10 }), false);
});
