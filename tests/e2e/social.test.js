// Profiles, follows, posts, replies, edits, reposts, votes and deletes on a real dev node through
// @polkadot/api: after each step the events and the stored state; then every bad input, each
// rejected with its specific error and no change to the state.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { u8aToHex } from '@polkadot/util';

import { connect, devKey, signAndWaitInBlock } from '../lib/chain.js';
import { body, sha512Cid } from '../lib/content.js';
import { startNode, tempDir } from '../lib/node.js';

let node;
let api;
let base;
let alice;
let bob;
let charlie;

before(async () => {
  base = tempDir('social');
  node = await startNode({ name: 'social', args: ['--dev'], basePath: base.dir });
  api = await connect(node);
  [alice, bob, charlie] = ['Alice', 'Bob', 'Charlie'].map((name) => devKey(api, name));
});

after(async () => {
  await api?.disconnect();
  await node?.stop();
  base?.cleanup();
});

/** Submits `tx` from `signer` and returns the events of the pallet `section` it emitted. */
async function submit(tx, signer, section) {
  const { events, blockHash } = await signAndWaitInBlock(api, tx, signer);
  return { blockHash, events: events.filter((e) => e.section === section) };
}

/** Asserts `tx` fails with `section.error` and leaves `probe()`'s view of the state unchanged. */
async function assertRejected(tx, signer, error, probe) {
  const before = JSON.stringify(await probe());
  await assert.rejects(signAndWaitInBlock(api, tx, signer), (e) => {
    assert.equal(e.message, error);
    return true;
  });
  assert.equal(JSON.stringify(await probe()), before, `${error} changed the state`);
}

const hex = (bytes) => u8aToHex(bytes);
const text = (bytes) => bytes.toUtf8();
const held = async (who) => (await api.query.system.account(who.address)).data.reserved.toBigInt();

describe('the social pallets end to end', () => {
  let metadata;
  let first;
  let reply;
  let edited;

  test('set a profile', async () => {
    metadata = await body(JSON.stringify({ bio: 'curiouser and curiouser' }));
    const { events } = await submit(api.tx.profiles.setProfile('Alice_Liddell', 'Alice', metadata.text), alice, 'profiles');
    assert.deepEqual(events.map((e) => e.method), ['ProfileSet']);
    assert.equal(text(events[0].data.handle), 'alice_liddell');

    const profile = (await api.query.profiles.profiles(alice.address)).unwrap();
    assert.equal(text(profile.handle), 'alice_liddell');
    assert.equal(text(profile.displayName), 'Alice');
    assert.equal(profile.metadata.unwrap().toHex(), hex(metadata.cid.bytes));
    assert.equal(profile.deposit.toBigInt(), events[0].data.deposit.toBigInt());
    assert.equal((await api.query.profiles.handleOwners('alice_liddell')).unwrap().toString(), alice.address);
    assert.equal(await held(alice), profile.deposit.toBigInt());

    await submit(api.tx.profiles.setProfile('bob', 'Bob', null), bob, 'profiles');
  });

  test('follow', async () => {
    const { events } = await submit(api.tx.profiles.follow(alice.address), bob, 'profiles');
    assert.deepEqual(events.map((e) => [e.method, e.data.follower.toString(), e.data.followee.toString()]),
      [['Followed', bob.address, alice.address]]);
    assert.ok((await api.query.profiles.following(bob.address, alice.address)).isSome);
    const counts = await api.query.profiles.followCountsOf(alice.address);
    assert.equal(counts.followers.toNumber(), 1);
    assert.equal((await api.query.profiles.followCountsOf(bob.address)).following.toNumber(), 1);
  });

  test('create a post whose CID is what ipfs add --cid-version=1 gives for its body', async () => {
    first = await body('Hello, Plaza!\n');
    assert.match(first.text, /^bafkrei/);
    const postId = (await api.query.posts.nextPostId()).toNumber();
    const { events } = await submit(api.tx.posts.createPost(first.text, first.size, null), alice, 'posts');
    assert.equal(events.length, 1);
    const created = events[0];
    assert.equal(created.method, 'PostCreated');
    assert.equal(created.data.postId.toNumber(), postId);
    assert.equal(created.data.author.toString(), alice.address);
    assert.ok(created.data.replyTo.isNone);
    assert.equal(created.data.content.toHex(), hex(first.cid.bytes));
    assert.equal(created.data.bodySize.toNumber(), first.size);

    const post = (await api.query.posts.posts(postId)).unwrap();
    assert.equal(post.author.toString(), alice.address);
    assert.ok(post.kind.isOriginal);
    assert.equal(post.content.unwrap().toHex(), hex(first.cid.bytes));
    assert.equal(post.bodySize.toNumber(), first.size);
    // The chain keeps no index of an author's posts (storage version 2): social_postsByAuthor serves it.
    assert.equal(api.query.posts.postsByAuthor, undefined);
    first.id = postId;
  });

  test('reply', async () => {
    reply = await body('Hello back.\n');
    const { events } = await submit(api.tx.posts.createPost(reply.text, reply.size, first.id), bob, 'posts');
    reply.id = events[0].data.postId.toNumber();
    assert.equal(events[0].data.replyTo.unwrap().toNumber(), first.id);
    const stored = (await api.query.posts.posts(reply.id)).unwrap();
    assert.ok(stored.kind.isReply);
    assert.equal(stored.kind.asReply.parent.toNumber(), first.id);
    assert.equal(stored.kind.asReply.root.toNumber(), first.id);
    assert.equal(stored.kind.asReply.depth.toNumber(), 1);
    assert.equal((await api.query.posts.posts(first.id)).unwrap().replies.toNumber(), 1);
    assert.ok((await api.query.posts.replies(first.id, reply.id)).isSome);
  });

  test('edit', async () => {
    edited = await body('Hello, Plaza! (edited)\n');
    const { events } = await submit(api.tx.posts.editPost(first.id, edited.text, edited.size), alice, 'posts');
    const [e] = events;
    assert.equal(e.method, 'PostEdited');
    assert.equal(e.data.oldContent.toHex(), hex(first.cid.bytes));
    assert.equal(e.data.newContent.toHex(), hex(edited.cid.bytes));
    assert.equal(e.data.revision.toNumber(), 1);
    const post = (await api.query.posts.posts(first.id)).unwrap();
    assert.equal(post.content.unwrap().toHex(), hex(edited.cid.bytes));
    assert.equal(post.bodySize.toNumber(), edited.size);
    assert.equal(post.revision.toNumber(), 1);
  });

  test('repost', async () => {
    const { events } = await submit(api.tx.posts.repost(first.id), charlie, 'posts');
    assert.equal(events[0].method, 'Reposted');
    assert.equal(events[0].data.original.toNumber(), first.id);
    const repostId = events[0].data.postId.toNumber();
    assert.ok((await api.query.posts.posts(repostId)).unwrap().kind.isRepost);
    assert.equal((await api.query.posts.posts(first.id)).unwrap().reposts.toNumber(), 1);
    assert.equal((await api.query.posts.reposts(first.id, charlie.address)).unwrap().toNumber(), repostId);
  });

  test('several posts in one createPosts, each with its own id, event and deposit', async () => {
    const bodies = await Promise.all(['one\n', 'two\n', 'three\n'].map((t) => body(t)));
    const firstId = (await api.query.posts.nextPostId()).toNumber();
    const heldBefore = await held(charlie);
    const { events } = await submit(api.tx.posts.createPosts(bodies.map((b) => ({ content: b.text, size: b.size }))), charlie, 'posts');
    assert.deepEqual(events.map((e) => [e.method, e.data.postId.toNumber(), e.data.content.toHex(), e.data.bodySize.toNumber()]),
      bodies.map((b, i) => ['PostCreated', firstId + i, hex(b.cid.bytes), b.size]));
    let deposits = 0n;
    for (const [i, b] of bodies.entries()) {
      const post = (await api.query.posts.posts(firstId + i)).unwrap();
      assert.equal(post.author.toString(), charlie.address);
      assert.ok(post.kind.isOriginal);
      assert.equal(post.content.unwrap().toHex(), hex(b.cid.bytes));
      deposits += post.deposit.toBigInt();
    }
    assert.ok(deposits > 0n);
    assert.equal(await held(charlie), heldBefore + deposits);
  });

  test('vote, change the vote, unvote', async () => {
    let { events } = await submit(api.tx.votes.vote(first.id, 'Up'), bob, 'votes');
    assert.equal(events[0].method, 'Voted');
    assert.ok(events[0].data.direction.isUp);
    assert.ok(events[0].data.previous.isNone);
    let tally = await api.query.votes.tallies(first.id);
    assert.deepEqual([tally.up.toNumber(), tally.down.toNumber()], [1, 0]);
    const stored = (await api.query.votes.votes(first.id, bob.address)).unwrap();
    assert.ok(stored.direction.isUp);
    assert.equal(stored.deposit.toBigInt(), api.consts.votes.voteDeposit.toBigInt(), 'a vote holds its deposit');

    ({ events } = await submit(api.tx.votes.vote(first.id, 'Down'), bob, 'votes'));
    assert.ok(events[0].data.direction.isDown);
    assert.ok(events[0].data.previous.unwrap().isUp);
    tally = await api.query.votes.tallies(first.id);
    assert.deepEqual([tally.up.toNumber(), tally.down.toNumber()], [0, 1]);

    ({ events } = await submit(api.tx.votes.unvote(first.id), bob, 'votes'));
    assert.equal(events[0].method, 'VoteRemoved');
    tally = await api.query.votes.tallies(first.id);
    assert.deepEqual([tally.up.toNumber(), tally.down.toNumber()], [0, 0]);
    assert.ok((await api.query.votes.votes(first.id, bob.address)).isNone);
  });

  test('delete', async () => {
    const heldBefore = await held(alice);
    const deposit = (await api.query.posts.posts(first.id)).unwrap().deposit.toBigInt();
    const { events } = await submit(api.tx.posts.deletePost(first.id), alice, 'posts');
    assert.deepEqual(events.map((e) => e.method), ['PostDeleted']);
    // It has a reply, so it stays as a tombstone holding the tombstone deposit.
    const post = (await api.query.posts.posts(first.id)).unwrap();
    assert.ok(post.deleted.isTrue);
    assert.ok(post.content.isNone);
    const tombstone = api.consts.posts.tombstoneDeposit.toBigInt();
    assert.equal(post.deposit.toBigInt(), tombstone);
    assert.equal(await held(alice), heldBefore - deposit + tombstone);
    // The reply keeps its thread.
    assert.equal((await api.query.posts.posts(reply.id)).unwrap().kind.asReply.parent.toNumber(), first.id);
  });

  describe('bad inputs are rejected with their own error and change nothing', () => {
    const profileOf = (who) => () => api.query.profiles.profiles(who.address);
    const nextPost = () => api.query.posts.nextPostId();

    test('a duplicate handle, also in another letter case', async () => {
      await assertRejected(api.tx.profiles.setProfile('alice_liddell', 'Imposter', null), bob, 'profiles.HandleTaken', profileOf(bob));
      await assertRejected(api.tx.profiles.setProfile('ALICE_Liddell', 'Imposter', null), bob, 'profiles.HandleTaken', profileOf(bob));
    });

    test('invalid handle characters', async () => {
      await assertRejected(api.tx.profiles.setProfile('bob!', 'Bob', null), bob, 'profiles.InvalidHandleCharacter', profileOf(bob));
    });

    test('following yourself', async () => {
      await assertRejected(api.tx.profiles.follow(bob.address), bob, 'profiles.CannotFollowSelf',
        () => api.query.profiles.followCountsOf(bob.address));
    });

    test('a malformed CID, an unsupported hash, an empty CID', async () => {
      await assertRejected(api.tx.posts.createPost('not-a-cid', 10, null), bob, 'posts.MalformedCid', nextPost);
      await assertRejected(api.tx.posts.createPost(await sha512Cid('x'), 1, null), bob, 'posts.UnsupportedCidHash', nextPost);
      await assertRejected(api.tx.posts.createPost('', 0, null), bob, 'posts.EmptyCid', nextPost);
    });

    test('createPosts with no post, or one bad CID among good ones', async () => {
      const good = { content: (await body('fine')).text, size: 4 };
      await assertRejected(api.tx.posts.createPosts([]), bob, 'posts.NoPosts', nextPost);
      await assertRejected(api.tx.posts.createPosts([good, { content: 'not-a-cid', size: 1 }]), bob, 'posts.MalformedCid', nextPost);
    });

    test('a reply to an unknown post', async () => {
      const b = await body('into the void');
      await assertRejected(api.tx.posts.createPost(b.text, b.size, 999_999), bob, 'posts.ParentNotFound', nextPost);
    });

    test('an edit by someone else', async () => {
      const b = await body('not yours');
      await assertRejected(api.tx.posts.editPost(reply.id, b.text, b.size), alice, 'posts.NotAuthor',
        () => api.query.posts.posts(reply.id));
    });

    test('a double vote', async () => {
      await submit(api.tx.votes.vote(reply.id, 'Up'), alice, 'votes');
      await assertRejected(api.tx.votes.vote(reply.id, 'Up'), alice, 'votes.AlreadyVoted',
        () => api.query.votes.tallies(reply.id));
    });

    test('a vote on an unknown or deleted post', async () => {
      await assertRejected(api.tx.votes.vote(999_999, 'Up'), bob, 'votes.PostNotFound',
        () => api.query.votes.tallies(999_999));
      await assertRejected(api.tx.votes.vote(first.id, 'Up'), charlie, 'votes.PostDeleted',
        () => api.query.votes.tallies(first.id));
    });
  });
});
