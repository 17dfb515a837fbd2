// `plaza-node try-runtime` on a dev chain: a snapshot of the live chain's state, the next
// runtime's migrations and invariants checked on it, and every refusal with its own reason —
// above all a broken invariant (set with sudo), which the try_state checks must catch.
// (The README's commands run as printed on the `local` validators in readme-recipe.test.js.)
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { promisify } from 'node:util';

import { connect, devKey, signAndWaitInBlock } from '../lib/chain.js';
import { add } from '../lib/ipfs.js';
import {
  NEXT_RUNTIME_WASM, NODE_BIN, RUNTIME_WASM, finalizedNumber, nextTryRuntimeWasm, startNode, tempDir, waitFor,
} from '../lib/node.js';

const base = tempDir('try-runtime');
let node;
let api;

/** Runs `plaza-node try-runtime …`; resolves with its exit code and output, never rejects. */
async function tryRuntime(...args) {
  try {
    const { stdout, stderr } = await promisify(execFile)(NODE_BIN, ['try-runtime', ...args], { maxBuffer: 1 << 26 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    if (typeof error.code !== 'number') throw error;
    return { code: error.code, stdout: error.stdout, stderr: error.stderr };
  }
}

/** Runs `args` and checks that it failed with a message matching `reason`. */
async function refused(args, reason) {
  const { code, stdout, stderr } = await tryRuntime(...args);
  assert.notEqual(code, 0, `exit status of try-runtime ${args.join(' ')}:\n${stdout}`);
  assert.match(stderr, reason, `try-runtime ${args.join(' ')}:\n${stderr.slice(-3000)}`);
}

/** Waits until the chain's latest finalized block includes `blockHash`'s block. */
async function finalizedPast(blockHash) {
  const number = (await api.rpc.chain.getHeader(blockHash)).number.toNumber();
  await waitFor(`#${number} to be finalized`, async () => (await finalizedNumber(node)) >= number, 60_000);
}

before(async () => {
  node = await startNode({ name: 'try-runtime', args: ['--dev'], basePath: base.dir });
  api = await connect(node);
  // Social state for the checks to walk: a profile, a post and a vote.
  const [alice, bob] = ['Alice', 'Bob'].map((name) => devKey(api, name));
  const text = Buffer.from('A post for try-runtime to check.');
  const { Hash: cid } = await add(node, text, { 'cid-version': 1 });
  const { events } = await signAndWaitInBlock(api, api.tx.utility.batchAll([
    api.tx.profiles.setProfile('alice', 'Alice', null),
    api.tx.posts.createPost(cid, text.length, null),
  ]), alice);
  const postId = events.find((e) => api.events.posts.PostCreated.is(e)).data.postId.toNumber();
  const { blockHash } = await signAndWaitInBlock(api, api.tx.votes.vote(postId, 'Up'), bob);
  await finalizedPast(blockHash);
});

after(async () => {
  await api?.disconnect();
  await node?.stop();
  base.cleanup();
});

test('the next runtime passes its migrations and every invariant on a snapshot and on the live state', async () => {
  const snapshot = path.join(base.dir, 'dev.snap');
  const created = await tryRuntime('create-snapshot', '--uri', node.wsUrl, snapshot);
  assert.equal(created.code, 0, created.stderr);
  const [, number] = created.stdout.match(/Saved the state of block #(\d+) \(0x[0-9a-f]{64}\)/);
  assert.ok(Number(number) <= await finalizedNumber(node), 'a finalized block');
  // The state holds the runtime's code (hundreds of kB) beside the social data.
  assert.ok(statSync(snapshot).size > 300_000, `${statSync(snapshot).size} bytes`);

  const version = (await api.rpc.state.getRuntimeVersion()).specVersion.toNumber();
  const nextTryRuntime = await nextTryRuntimeWasm();
  for (const source of [['--snapshot', snapshot], ['--uri', node.wsUrl]]) {
    const { code, stdout, stderr } = await tryRuntime('on-runtime-upgrade', '--runtime', nextTryRuntime, ...source);
    assert.equal(code, 0, stderr.slice(-3000));
    assert.match(stdout, new RegExp(`runtime plaza ${version}; checking plaza ${version + 1} from`));
    assert.match(stdout, /Migrations and checks \(All\) passed: \d+ µs of ref time, [\d.]+% of a block/);
    assert.match(stdout, /Migrations are idempotent/);
  }
});

test('try-runtime refuses a runtime without the API, one that is not newer, and a bad snapshot, each with its reason', async () => {
  const snapshot = path.join(base.dir, 'refusals.snap');
  const nextTryRuntime = await nextTryRuntimeWasm();
  assert.equal((await tryRuntime('create-snapshot', '--uri', node.wsUrl, snapshot)).code, 0);
  await refused(['on-runtime-upgrade', '--runtime', NEXT_RUNTIME_WASM, '--snapshot', snapshot],
    /not built with `--features try-runtime`/);
  await refused(['on-runtime-upgrade', '--runtime', RUNTIME_WASM, '--snapshot', snapshot],
    /spec_version (\d+) is not higher than the chain's \1/);
  await refused(['on-runtime-upgrade', '--runtime', path.join(base.dir, 'missing.wasm'), '--snapshot', snapshot],
    /Cannot read the runtime/);
  await refused(['on-runtime-upgrade', '--runtime', nextTryRuntime, '--snapshot', path.join(base.dir, 'missing.snap')],
    /No snapshot file at/);
  const garbage = path.join(base.dir, 'garbage.snap');
  writeFileSync(garbage, Buffer.alloc(4096, 0xab));
  await refused(['on-runtime-upgrade', '--runtime', nextTryRuntime, '--snapshot', garbage],
    /Cannot read the snapshot .*garbage\.snap/);
  const notWasm = path.join(base.dir, 'not.wasm');
  writeFileSync(notWasm, 'not a runtime');
  await refused(['on-runtime-upgrade', '--runtime', notWasm, '--snapshot', snapshot],
    /Cannot read the version of the new runtime/);
  await refused(['create-snapshot', '--uri', 'ws://127.0.0.1:1', path.join(base.dir, 'none.snap')],
    /Cannot read the state from ws:\/\/127\.0\.0\.1:1/);
});

test("a broken invariant in the live state fails the try_state checks, and only those", async () => {
  // Sudo sets the posts pallet's next id back to 0, below the post that exists: the chain goes
  // on, but the posts pallet's invariant "every post id is below NextPostId" no longer holds.
  const alice = devKey(api, 'Alice');
  const key = api.query.posts.nextPostId.key();
  const { blockHash } = await signAndWaitInBlock(api,
    api.tx.sudo.sudo(api.tx.system.setStorage([[key, api.createType('u64', 0).toHex()]])), alice);
  await finalizedPast(blockHash);
  const snapshot = path.join(base.dir, 'broken.snap');
  const nextTryRuntime = await nextTryRuntimeWasm();
  assert.equal((await tryRuntime('create-snapshot', '--uri', node.wsUrl, snapshot)).code, 0);

  // The runtime logs the pallet and its invariant, then the command fails.
  const broken = /❌ "Posts" try_state checks failed: Other\("a post id is not below NextPostId"\)[\s\S]*The upgrade failed its checks/;
  await refused(['on-runtime-upgrade', '--runtime', nextTryRuntime, '--snapshot', snapshot], broken);
  await refused(['on-runtime-upgrade', '--runtime', nextTryRuntime, '--snapshot', snapshot, '--checks', 'try-state'], broken);
  // The migrations themselves (and their pre/post checks) do not read that invariant.
  const { code, stdout, stderr } = await tryRuntime('on-runtime-upgrade', '--runtime', nextTryRuntime,
    '--snapshot', snapshot, '--checks', 'pre-and-post');
  assert.equal(code, 0, stderr.slice(-3000));
  assert.match(stdout, /Migrations and checks \(PreAndPost\) passed/);
});
