// Feeds over RPC from the node's own social index: every social_* method checked against what
// was written on chain, keyset paging that neither skips nor repeats while posts keep coming,
// live subscriptions, bad input refused, and identical answers after a restart.
import assert from 'node:assert/strict';
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { after, before, describe, test } from 'node:test';

import { WsProvider } from '@polkadot/api';

import { connect, devKey, signAndWaitInBlock } from '../lib/chain.js';
import { add } from '../lib/ipfs.js';
import { startNode, tempDir, waitFor } from '../lib/node.js';

const PLZ = 1_000_000_000_000n;

let base;
let node;
let api;
let keys;
/** @polkadot/api's WebSocket provider, for the social_* methods it has no definitions of. */
let provider;

async function connectAll() {
  api = await connect(node);
  provider = new WsProvider(node.wsUrl, 1000, {}, 30_000);
  await provider.isReady;
}

async function disconnectAll() {
  await provider?.disconnect();
  await api?.disconnect();
}

/** One social_* call. */
const social = (method, ...params) => provider.send(`social_${method}`, params);

/** The JSON-RPC error code of a call that must fail. */
async function errorCode(method, ...params) {
  try {
    await social(method, ...params);
  } catch (e) {
    return Number(/^(-?\d+):/.exec(e.message)?.[1]);
  }
  assert.fail(`social_${method} succeeded`);
}

/** Waits until the index has post `id` (its block is finalized and indexed). */
const indexed = (id) => waitFor(`post ${id} in the index`, async () => (await social('post', id, false)) !== null, 60_000);

async function createPost(signer, text, replyTo = null) {
  const body = Buffer.from(text);
  const { Hash } = await add(node, body, { 'cid-version': 1 });
  const { events } = await signAndWaitInBlock(api, api.tx.posts.createPost(Hash, body.length, replyTo), signer);
  return events.find((e) => api.events.posts.PostCreated.is(e)).data.postId.toNumber();
}

before(async () => {
  base = tempDir('feeds');
  node = await startNode({ name: 'feeds', args: ['--dev'], basePath: base.dir });
  await connectAll();
  keys = Object.fromEntries(['Alice', 'Bob', 'Charlie', 'Dave', 'Eve', 'Ferdie'].map((n) => [n.toLowerCase(), devKey(api, n)]));
});

after(async () => {
  await disconnectAll();
  await node?.stop();
  base?.cleanup();
});

describe('the social index', () => {
  const ids = {};

  test('every method answers what was written', async () => {
    const { alice, bob, charlie, dave, eve } = keys;
    await Promise.all([
      signAndWaitInBlock(api, api.tx.utility.batchAll([
        api.tx.profiles.setProfile('Alice', 'Alice A.', null),
        api.tx.profiles.follow(bob.address),
        api.tx.profiles.follow(charlie.address),
      ]), alice),
      signAndWaitInBlock(api, api.tx.utility.batchAll([
        api.tx.profiles.setProfile('bob', 'Bob', null),
        api.tx.profiles.follow(alice.address),
      ]), bob),
      signAndWaitInBlock(api, api.tx.profiles.follow(alice.address), charlie),
      signAndWaitInBlock(api, api.tx.profiles.follow(alice.address), dave),
    ]);
    ids.bobPost = await createPost(bob, 'Bob says hello.');
    ids.charliePost = await createPost(charlie, 'Charlie has opinions.');
    ids.alicePost = await createPost(alice, 'Alice starts a thread.');
    ids.reply = await createPost(bob, 'Bob answers Alice.', ids.alicePost);
    ids.nested = await createPost(charlie, 'Charlie answers Bob.', ids.reply);
    await Promise.all([
      signAndWaitInBlock(api, api.tx.votes.vote(ids.bobPost, 'Up'), alice),
      signAndWaitInBlock(api, api.tx.utility.batchAll([
        api.tx.votes.vote(ids.bobPost, 'Up'),
        api.tx.rewards.tip(ids.bobPost, 5n * PLZ),
      ]), dave),
      signAndWaitInBlock(api, api.tx.votes.vote(ids.charliePost, 'Down'), eve),
    ]);
    // A post whose body this node never saw.
    const { events } = await signAndWaitInBlock(
      api,
      api.tx.posts.createPost('bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku', 0, ids.alicePost),
      eve,
    );
    ids.orphan = events.find((e) => api.events.posts.PostCreated.is(e)).data.postId.toNumber();
    await indexed(ids.orphan);

    const profile = await social('profile', 'ALICE');
    assert.deepEqual(profile, {
      account: alice.address,
      handle: 'alice',
      displayName: 'Alice A.',
      metadata: null,
      followers: 3,
      following: 2,
      posts: 1,
    });
    assert.deepEqual(await social('profile', alice.address), profile);

    const bobPost = await social('post', ids.bobPost, false);
    assert.equal(bobPost.author, bob.address);
    assert.equal(bobPost.kind, 'post');
    assert.equal(bobPost.upvotes, 2);
    assert.equal(bobPost.tips, String(5n * PLZ));
    assert.equal(bobPost.body, undefined);
    const hydrated = await social('post', ids.alicePost, true);
    assert.deepEqual(hydrated.body, { encoding: 'utf8', data: 'Alice starts a thread.' });
    assert.equal(hydrated.replies, 2);
    const orphan = await social('post', ids.orphan, true);
    assert.equal(orphan.body, undefined);
    assert.match(orphan.bodyUnavailable, /not found|does not have/);

    const listIds = (page) => page.items.map((p) => p.id);
    assert.deepEqual(listIds(await social('postsByAuthor', bob.address, null, 10)), [ids.reply, ids.bobPost]);
    assert.deepEqual(listIds(await social('replies', ids.alicePost, null, 10)), [ids.reply, ids.nested, ids.orphan]);
    assert.deepEqual(listIds(await social('replies', ids.reply, null, 10)), [ids.nested]);
    const nested = await social('post', ids.nested, false);
    assert.deepEqual([nested.kind, nested.parent, nested.root], ['reply', ids.reply, ids.alicePost]);
    assert.deepEqual(listIds(await social('homeFeed', alice.address, null, 10)), [ids.nested, ids.reply, ids.charliePost, ids.bobPost]);
    // Hot rank: Bob's post (2 upvotes + 5 PLZ of tips) first, then Alice's newer post (no votes),
    // then Charlie's downvoted one.
    assert.deepEqual(listIds(await social('trending', null, 10)), [ids.bobPost, ids.alicePost, ids.charliePost]);

    const followers = await social('followers', alice.address, null, 10);
    assert.deepEqual(new Set(followers.items.map((p) => p.account)), new Set([bob.address, charlie.address, dave.address]));
    assert.equal(followers.items.find((p) => p.account === bob.address).handle, 'bob');
    // Pages of one: each follower once, then no cursor.
    const seen = [];
    let cursor = null;
    do {
      const page = await social('followers', alice.address, cursor, 1);
      seen.push(...page.items.map((p) => p.account));
      cursor = page.nextCursor;
    } while (cursor);
    assert.deepEqual(seen, followers.items.map((p) => p.account));
    assert.deepEqual(
      new Set((await social('following', alice.address, null, 10)).items.map((p) => p.account)),
      new Set([bob.address, charlie.address]),
    );
    // As of the last finalized block (the answer is taken again if finality moved meanwhile).
    for (let attempt = 0; ; attempt += 1) {
      const finalized = await api.rpc.chain.getFinalizedHead();
      const atFinalized = await api.at(finalized);
      const pending = (await atFinalized.call.rewardsApi.pendingRewards(bob.address)).toString();
      const answer = await social('pendingRewards', bob.address);
      if ((await api.rpc.chain.getFinalizedHead()).eq(finalized) || attempt === 5) {
        assert.equal(answer, pending);
        break;
      }
    }
  });

  test('bad input: clear errors or empty answers, never a crash', async () => {
    const { alice } = keys;
    assert.equal(await errorCode('postsByAuthor', alice.address, null, 101), -32602);
    assert.equal(await errorCode('postsByAuthor', alice.address, null, 0), -32602);
    assert.equal(await errorCode('homeFeed', alice.address, 'not a cursor!', 10), -32602);
    const { nextCursor } = await social('followers', alice.address, null, 1);
    assert.equal(await errorCode('homeFeed', alice.address, nextCursor, 10), -32602, 'a cursor of another list');
    assert.equal(await errorCode('followers', 'nobody', null, 10), -32602);
    assert.equal(await errorCode('pendingRewards', '5Fake'), -32602);
    assert.equal(await errorCode('post', 'seven', false), -32602);
    assert.equal(await social('post', 999_999, true), null);
    assert.equal(await social('profile', 'no_such_handle'), null);
    assert.deepEqual(await social('replies', 999_999, null, 10), { items: [], nextCursor: null });
    assert.deepEqual(await social('homeFeed', keys.ferdie.address, null, 10), { items: [], nextCursor: null });
  });

  test('paging 260 posts by 20 while another client posts yields each post once', async () => {
    const { alice, ferdie } = keys;
    const authors = Array.from({ length: 13 }, (_, i) => devKey(api, `Feeds${i}`));
    const poster = devKey(api, 'FeedsPoster');
    await signAndWaitInBlock(api, api.tx.utility.batchAll(
      [...authors, poster].map((a) => api.tx.balances.transferKeepAlive(a.address, 100n * PLZ)),
    ), alice);
    await signAndWaitInBlock(api, api.tx.utility.batchAll(
      [...authors, poster].map((a) => api.tx.profiles.follow(a.address)),
    ), ferdie);
    const { Hash: cid } = await add(node, Buffer.from('one of many'), { 'cid-version': 1 });
    const created = await Promise.all(authors.map(async (author) => {
      const { events } = await signAndWaitInBlock(api, api.tx.utility.batchAll(
        Array.from({ length: 20 }, () => api.tx.posts.createPost(cid, 11, null)),
      ), author);
      return events.filter((e) => api.events.posts.PostCreated.is(e)).map((e) => e.data.postId.toNumber());
    }));
    const existing = created.flat().sort((a, b) => b - a);
    assert.equal(existing.length, 260);
    await indexed(existing[0]);

    // The other client: one post a second from an account Ferdie follows, all through paging.
    let posting = true;
    const posted = [];
    const background = (async () => {
      while (posting) {
        const { events } = await signAndWaitInBlock(api, api.tx.posts.createPost(cid, 11, null), poster);
        posted.push(events.find((e) => api.events.posts.PostCreated.is(e)).data.postId.toNumber());
      }
    })();
    const seen = [];
    let cursor = null;
    do {
      const page = await social('homeFeed', ferdie.address, cursor, 20);
      assert.ok(page.items.length <= 20);
      seen.push(...page.items.map((p) => p.id).filter((id) => id <= existing[0]));
      cursor = page.nextCursor;
      // Let new posts be finalized and indexed between pages.
      await new Promise((resolve) => setTimeout(resolve, 1500));
    } while (cursor);
    posting = false;
    await background;
    assert.ok(posted.length >= 2, 'posts were created while paging');
    assert.deepEqual(seen, existing, 'every pre-existing post exactly once, newest first');
  });

  test('subscriptions push new posts, replies and changes as blocks finalize', async () => {
    const { alice, bob, charlie } = keys;
    const homeFeed = [];
    const postEvents = [];
    const homeId = await provider.subscribe('social_homeFeedUpdate', 'social_subscribeHomeFeed', [alice.address], (error, item) => {
      if (!error) homeFeed.push(item);
    });
    const postId = await provider.subscribe('social_postUpdate', 'social_subscribePost', [ids.alicePost], (error, item) => {
      if (!error) postEvents.push(item);
    });
    const fresh = await createPost(bob, 'Bob, live.');
    const reply = await createPost(charlie, 'Charlie answers, live.', ids.alicePost);
    await signAndWaitInBlock(api, api.tx.votes.vote(ids.alicePost, 'Up'), bob);
    await waitFor('the home feed push', async () => homeFeed.some((p) => p.id === fresh), 60_000);
    await waitFor('the reply push', async () => postEvents.some((e) => e.event === 'reply' && e.post.id === reply), 60_000);
    await waitFor('the vote push', async () => postEvents.some((e) => e.event === 'updated' && e.post.upvotes === 1), 60_000);
    assert.equal(homeFeed.find((p) => p.id === fresh).author, bob.address);
    assert.ok(homeFeed.every((p) => [bob.address, charlie.address].includes(p.author)), 'only followed authors');
    assert.equal(await provider.unsubscribe('social_homeFeedUpdate', 'social_unsubscribeHomeFeed', homeId), true);
    assert.equal(await provider.unsubscribe('social_postUpdate', 'social_unsubscribePost', postId), true);
  });

  test('answers are identical after a restart, and after rebuilding the index from genesis', async () => {
    const { alice, bob, ferdie } = keys;
    const snapshot = async () => ({
      profile: await social('profile', alice.address),
      post: await social('post', ids.alicePost, true),
      byAuthor: await social('postsByAuthor', bob.address, null, 50),
      replies: await social('replies', ids.alicePost, null, 50),
      home: await social('homeFeed', ferdie.address, null, 100),
      trending: await social('trending', null, 100),
      followers: await social('followers', alice.address, null, 100),
      following: await social('following', ferdie.address, null, 100),
    });
    const beforeRestart = await snapshot();
    await disconnectAll();
    await node.stop();
    node = await startNode({ name: 'feeds', args: ['--dev'], basePath: node.basePath });
    await connectAll();
    assert.deepEqual(await snapshot(), beforeRestart);

    // Without its index the node rebuilds it from the finalized chain.
    await disconnectAll();
    await node.stop();
    const chains = path.join(node.basePath, 'chains');
    for (const chain of readdirSync(chains)) rmSync(path.join(chains, chain, 'social-index'), { recursive: true, force: true });
    node = await startNode({ name: 'feeds', args: ['--dev'], basePath: node.basePath });
    await connectAll();
    // Until the rebuild reaches the last finalized block, answers may lag; then they are equal.
    await waitFor('the rebuilt index to answer as before', async () => isDeepStrictEqual(await snapshot(), beforeRestart), 60_000);
  });
});
