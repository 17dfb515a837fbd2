// Hostile arguments through @polkadot/api against a real dev node: texts longer than any valid
// value are refused when the node decodes the transaction, before any work, quickly and without
// a trace on chain; CIDs wrapped in paths are refused with the CID error; and the node goes on
// authoring and accepting good transactions.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { connect, devKey, signAndWaitInBlock } from '../lib/chain.js';
import { body } from '../lib/content.js';
import { startNode, tempDir } from '../lib/node.js';

let node;
let api;
let base;
let alice;
let bob;
let postId;

/** A 200,000-character base58 "CID": decoding it as a CID is quadratic in its length. */
const HUGE_CID = `Qm${'z'.repeat(199_998)}`;

before(async () => {
  base = tempDir('hostile');
  node = await startNode({ name: 'hostile', args: ['--dev'], basePath: base.dir });
  api = await connect(node);
  [alice, bob] = ['Alice', 'Bob'].map((name) => devKey(api, name));
  const b = await body('a post to edit');
  await signAndWaitInBlock(api, api.tx.posts.createPost(b.text, b.size, null), alice);
  postId = (await api.query.posts.nextPostId()).toNumber() - 1;
});

after(async () => {
  await api?.disconnect();
  await node?.stop();
  base?.cleanup();
});

/** What an over-long argument may change, read at the best block. */
async function snapshot() {
  const [next, post, profile, aliceAccount] = await Promise.all([
    api.query.posts.nextPostId(),
    api.query.posts.posts(postId),
    api.query.profiles.profiles(alice.address),
    api.query.system.account(alice.address),
  ]);
  return JSON.stringify([next, post, profile, aliceAccount.nonce, aliceAccount.data.free]);
}

/**
 * Asserts that the node refuses `tx` when it decodes it: the submission itself fails (the
 * transaction never reaches the pool, so no fee is paid), within `limitMs`, and the state is
 * unchanged.
 */
async function assertUndecodable(t, tx, limitMs = 5_000) {
  const before = await snapshot();
  const started = performance.now();
  let message;
  await assert.rejects(signAndWaitInBlock(api, tx, alice), (e) => {
    message = e.message;
    assert.match(e.message, /decode|Verification Error|Invalid Transaction|1002|1010/i, e.message);
    return true;
  });
  const took = performance.now() - started;
  t.diagnostic(`${tx.method.section}.${tx.method.method} (${tx.encodedLength} bytes) refused in ${took.toFixed(0)} ms: ${message.slice(0, 120)}`);
  assert.ok(took < limitMs, `refused after ${took.toFixed(0)} ms`);
  assert.equal(await snapshot(), before, 'the refused transaction changed the state');
}

describe('over-long arguments do not decode', () => {
  test('a 200,000-character base58 CID, in each call that takes a CID', async (t) => {
    const good = await body('fine');
    for (const tx of [
      api.tx.posts.createPost(HUGE_CID, 1, null),
      api.tx.posts.editPost(postId, HUGE_CID, 1),
      api.tx.posts.createPosts([{ content: HUGE_CID, size: 1 }, { content: good.text, size: good.size }]),
      api.tx.profiles.setProfile('alice', 'Alice', HUGE_CID),
      api.tx.posts.reportPost(postId, 'Spam', HUGE_CID),
      api.tx.posts.postInCommunity(0, HUGE_CID, 1),
      api.tx.communities.createCommunity('huge', 'Huge', HUGE_CID, null, 'Open', 'Anyone'),
      api.tx.communities.updateCommunity(0, 'Huge', null, HUGE_CID, 'Open', 'Anyone'),
    ]) {
      assert.ok(tx.encodedLength > 200_000);
      await assertUndecodable(t, tx);
    }
  });

  test('one byte past each bound: CID text, handle, display name, posts in createPosts', async (t) => {
    const good = await body('fine');
    const limit = api.consts.posts.maxPostsPerWindow.toNumber();
    await assertUndecodable(t, api.tx.posts.createPost(`b${'a'.repeat(128)}`, 1, null));
    await assertUndecodable(t, api.tx.profiles.setProfile('a'.repeat(33), 'Alice', null));
    await assertUndecodable(t, api.tx.profiles.setProfile('alice', 'n'.repeat(65), null));
    await assertUndecodable(t, api.tx.posts.createPosts(Array(limit + 1).fill({ content: good.text, size: good.size })));
  });
});

describe('CID text must be exactly one CID', () => {
  test('a CID inside a path or with trailing text is refused with MalformedCid', async () => {
    const good = await body('wrapped');
    for (const wrapped of [`/ipfs/${good.text}`, `anything/ipfs/${good.text}`, `${good.text}/x`]) {
      const before = await snapshot();
      await assert.rejects(signAndWaitInBlock(api, api.tx.posts.createPost(wrapped, good.size, null), bob),
        /posts\.MalformedCid/);
      assert.equal(await snapshot(), before);
    }
  });
});

describe('the node keeps going', () => {
  test('good transactions are still included and blocks still finalize', async () => {
    const startFinal = (await api.rpc.chain.getHeader(await api.rpc.chain.getFinalizedHead())).number.toNumber();
    const b = await body('still here');
    const { events } = await signAndWaitInBlock(api, api.tx.posts.createPost(b.text, b.size, null), bob);
    assert.ok(events.some((e) => e.section === 'posts' && e.method === 'PostCreated'));
    const deadline = Date.now() + 30_000;
    let final = startFinal;
    while (final <= startFinal && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      final = (await api.rpc.chain.getHeader(await api.rpc.chain.getFinalizedHead())).number.toNumber();
    }
    assert.ok(final > startFinal, `finality stuck at #${startFinal}`);
  });
});
