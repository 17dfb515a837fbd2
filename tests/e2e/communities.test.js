// Communities and moderation on a real dev node through @polkadot/api: Alice creates a
// community, makes Bob a moderator, Charlie joins and posts; Bob hides the post and mutes
// Charlie (the post stays on chain; Charlie's next post there is refused with its own error),
// then unhides it. Bad input — an unknown community, a non-moderator's action, an over-long
// reason, a bound exceeded — is refused with its own error and changes nothing.
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
let charlie;
let dave;

before(async () => {
  base = tempDir('communities');
  node = await startNode({ name: 'communities', args: ['--dev'], basePath: base.dir });
  api = await connect(node);
  [alice, bob, charlie, dave] = ['Alice', 'Bob', 'Charlie', 'Dave'].map((name) => devKey(api, name));
});

after(async () => {
  await api?.disconnect();
  await node?.stop();
  base?.cleanup();
});

/** Submits `tx` from `signer`; the events of the pallet `section` it emitted. */
async function submit(tx, signer, section) {
  const { events } = await signAndWaitInBlock(api, tx, signer);
  return events.filter((e) => e.section === section);
}

/** Asserts `tx` fails with `error` and leaves `probe()`'s view of the state unchanged. */
async function assertRejected(tx, signer, error, probe) {
  const before = JSON.stringify(await probe());
  await assert.rejects(signAndWaitInBlock(api, tx, signer), (e) => {
    assert.equal(e.message, error);
    return true;
  });
  assert.equal(JSON.stringify(await probe()), before, `${error} changed the state`);
}

const held = async (who) => (await api.query.system.account(who.address)).data.reserved.toBigInt();

describe('a community and its moderators', () => {
  let community;
  let charliesPost;
  const state = async () => ({
    community: (await api.query.communities.communities(community)).toJSON(),
    charlie: (await api.query.communities.memberships(community, charlie.address)).toJSON(),
    hidden: (await api.query.communities.hiddenPosts(charliesPost ?? 0)).toJSON(),
    nextPost: (await api.query.posts.nextPostId()).toNumber(),
  });

  test('Alice creates a community and makes Bob a moderator; Charlie joins and posts', async () => {
    const rules = await body('Be kind. Stay on topic.');
    const description = await body('People who write Rust.');
    const heldBefore = await held(alice);
    community = (await api.query.communities.nextCommunityId()).toNumber();
    const created = await submit(api.tx.communities.createCommunity(
      'Rust_Folk', 'Rust folk', description.text, rules.text, 'Open', 'Members',
    ), alice, 'communities');
    assert.deepEqual(created.map((e) => [e.method, e.data.community.toNumber(), e.data.handle.toUtf8()]),
      [['CommunityCreated', community, 'rust_folk']]);
    const record = (await api.query.communities.communities(community)).unwrap();
    assert.equal(record.owner.toString(), alice.address);
    assert.equal(record.settings.rules.unwrap().toHex(), `0x${Buffer.from(rules.cid.bytes).toString('hex')}`);
    assert.equal((await api.query.communities.communityHandles('rust_folk')).unwrap().toNumber(), community);
    const deposit = record.deposit.toBigInt();
    assert.ok(deposit > 0n);
    assert.equal(await held(alice) - heldBefore, deposit, 'the deposit is held from Alice');

    await submit(api.tx.communities.addModerator(community, bob.address), alice, 'communities');
    const joined = await submit(api.tx.communities.join(community), charlie, 'communities');
    assert.deepEqual(joined.map((e) => e.method), ['Joined']);
    assert.equal((await api.query.communities.communities(community)).unwrap().members.toNumber(), 1);

    const post = await body('Ownership is a kind of love.');
    const events = await submit(api.tx.posts.postInCommunity(community, post.text, post.size), charlie, 'posts');
    const created2 = events.find((e) => e.method === 'PostCreated');
    charliesPost = created2.data.postId.toNumber();
    assert.equal(created2.data.community.unwrap().toNumber(), community);
    assert.equal((await api.query.posts.postCommunity(charliesPost)).unwrap().toNumber(), community);
    // Dave is no member: posting there is for members.
    await assertRejected(api.tx.posts.postInCommunity(community, post.text, post.size), dave,
      'communities.NotMember', state);
  });

  test('Bob hides the post and mutes Charlie: the post stays on chain, his next post is refused', async () => {
    const hidden = await submit(api.tx.communities.hidePost(community, charliesPost, 'off topic'), bob, 'communities');
    assert.deepEqual(hidden.map((e) => [e.method, e.data.reason.toUtf8()]), [['PostHidden', 'off topic']]);
    const muted = await submit(api.tx.communities.muteMember(community, charlie.address, 100, 'cool off'), bob, 'communities');
    assert.deepEqual(muted.map((e) => e.method), ['MemberMuted']);
    // The post is still Charlie's, on chain.
    const stored = (await api.query.posts.posts(charliesPost)).unwrap();
    assert.equal(stored.author.toString(), charlie.address);
    assert.equal(stored.deleted.isTrue, false);
    const next = await body('But I was right!');
    await assertRejected(api.tx.posts.postInCommunity(community, next.text, next.size), charlie,
      'communities.Muted', state);
    await assertRejected(api.tx.posts.createPost(next.text, next.size, charliesPost), charlie,
      'communities.Muted', state);
    await assertRejected(api.tx.communities.leave(community), charlie, 'communities.Muted', state);
    // Outside the community Charlie posts as before.
    await submit(api.tx.posts.createPost(next.text, next.size, null), charlie, 'posts');

    const unhidden = await submit(api.tx.communities.unhidePost(community, charliesPost, 'fair point'), bob, 'communities');
    assert.deepEqual(unhidden.map((e) => e.method), ['PostUnhidden']);
    assert.ok((await api.query.communities.hiddenPosts(charliesPost)).isNone);
    await submit(api.tx.communities.unmuteMember(community, charlie.address, 'ok'), bob, 'communities');
    await submit(api.tx.posts.postInCommunity(community, next.text, next.size), charlie, 'posts');
  });

  test('bad input is refused with its own error and changes nothing', async () => {
    const post = await body('Hello?');
    await assertRejected(api.tx.posts.postInCommunity(99, post.text, post.size), charlie,
      'communities.CommunityNotFound', state);
    await assertRejected(api.tx.communities.hidePost(community, charliesPost, 'mine'), charlie,
      'communities.NotModerator', state);
    await assertRejected(api.tx.communities.ban(community, alice.address, 'coup'), bob,
      'communities.CannotModerateModerator', state);
    await assertRejected(api.tx.communities.createCommunity('RUST_FOLK', 'Again', null, null, 'Open', 'Anyone'),
      dave, 'communities.HandleTaken', state);
    // A reason one byte over the bound does not decode: the node refuses the transaction.
    const maxReason = api.consts.communities.maxReasonLength.toNumber();
    await assert.rejects(
      signAndWaitInBlock(api, api.tx.communities.hidePost(community, charliesPost, 'x'.repeat(maxReason + 1)), bob),
      (e) => /decode|Verification Error|Invalid Transaction|1002|1010/i.test(e.message),
    );
    assert.ok((await api.query.communities.hiddenPosts(charliesPost)).isNone);
    // The moderators' bound: Alice fills it in one batch, and one more is refused.
    const max = api.consts.communities.maxModerators.toNumber();
    const fill = Array.from({ length: max - 1 }, (_, i) => api.tx.communities.addModerator(
      community, devKey(api, `Moderator${i}`).address,
    ));
    await submit(api.tx.utility.batchAll(fill), alice, 'communities');
    assert.equal((await api.query.communities.communities(community)).unwrap().moderators.length, max);
    await assertRejected(api.tx.communities.addModerator(community, dave.address), alice,
      'communities.TooManyModerators', state);
  });
});
