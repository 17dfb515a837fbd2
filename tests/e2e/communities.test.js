// Communities and moderation on a real dev node through @polkadot/api: Alice creates a
// community, makes Bob a moderator, Charlie joins and posts; Bob upvotes and hides the post (it
// loses its score for the era) and mutes Charlie (the post stays on chain; Charlie's next post
// there is refused with its own error), then unhides it. Bad input — an unknown community, a
// non-moderator's action, an over-long reason, a bound exceeded — is refused with its own error
// and changes nothing. Personal moderation: Dave blocks Charlie (Charlie's reply to Dave, repost,
// tip and follow fail with `profiles.BlockedByAccount`), mutes Bob; reports are events. Every
// step is read back from the node's index through social_* (community, communityFeed new and hot,
// communities, memberships, moderationLog, reports, trending and homeFeed for a reader).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { connect, devKey, signAndWaitInBlock } from '../lib/chain.js';
import { body } from '../lib/content.js';
import { startNode, tempDir, waitFor } from '../lib/node.js';

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

/** One social_* call to the node's index (answers as of the last finalized block). */
const social = (method, ...params) => node.rpc(`social_${method}`, params);
/** The ids of a page of posts (or communities). */
const ids = (page) => page.items.map((item) => item.id);
/** Waits until the index answers `probe()` truthily (its blocks finalized and indexed). */
const indexed = (what, probe) => waitFor(what, probe, 60_000);

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

    // The index: the community, its feed, Charlie's membership, the list of communities.
    await indexed('the post in the community feed', async () => (await social('community', 'Rust_Folk'))?.posts === 1);
    const view = await social('community', String(community));
    assert.deepEqual(
      [view.id, view.handle, view.name, view.owner, view.moderators, view.joining, view.posting, view.members, view.closed],
      [community, 'rust_folk', 'Rust folk', alice.address, [bob.address], 'open', 'members', 1, false],
    );
    assert.equal(view.rules, rules.cid.toString());
    assert.deepEqual(ids(await social('communityFeed', community, 'new', null, 10)), [charliesPost]);
    assert.deepEqual(ids(await social('communityFeed', community, 'hot', null, 10)), [charliesPost]);
    const [inFeed] = (await social('communityFeed', community, null, null, 10)).items;
    assert.equal(inFeed.community, community);
    assert.deepEqual(ids(await social('memberships', charlie.address, null, 10)), [community]);
    assert.ok(ids(await social('communities', null, 10)).includes(community));
    assert.equal(await social('community', 'no_such_thing'), null);
  });

  test('Bob hides the post and mutes Charlie: the post stays on chain, his next post is refused', async () => {
    // Bob, a curator (a profile and curation stake), upvotes the post and hides it in one
    // batch, so both land in one block of one era: the post's score leaves the era at once.
    const stake = api.consts.rewards.minCurationStake.toBigInt() * 2n;
    await submit(api.tx.utility.batchAll([
      api.tx.profiles.setProfile('bob', 'Bob', null), api.tx.rewards.lockStake(stake),
    ]), bob, 'rewards');
    const { blockHash, events } = await signAndWaitInBlock(api, api.tx.utility.batchAll([
      api.tx.votes.vote(charliesPost, 'Up'),
      api.tx.communities.hidePost(community, charliesPost, 'off topic'),
    ]), bob);
    const hidden = events.filter((e) => e.section === 'communities');
    assert.deepEqual(hidden.map((e) => [e.method, e.data.reason.toUtf8()]), [['PostHidden', 'off topic']]);
    const at = await api.at(blockHash);
    const era = (await at.query.rewards.currentEra()).toNumber();
    assert.ok((await at.query.rewards.hiddenInEra(era, charliesPost)).isSome, 'marked hidden in its era');
    assert.equal((await at.query.votes.votes(charliesPost, bob.address)).isSome, true, 'the vote stands');
    assert.equal((await at.query.rewards.countedVotes(charliesPost, bob.address)).unwrap().era.toNumber(), era);
    const score = (await at.query.rewards.postScores(era, charliesPost)).toJSON();
    assert.deepEqual([BigInt(score.up), BigInt(score.down)], [0n, 0n], 'a hidden post has no score');
    assert.ok((await at.query.rewards.authorScores(era, charlie.address)).isZero(), 'nor its author');
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

    // The index: the post left the community's feeds and trending, stays on Charlie's page
    // marked hidden; the moderation log has both actions, newest first, with their reasons.
    await indexed('the hide in the index', async () => (await social('post', charliesPost, false))?.hidden === true);
    assert.deepEqual(ids(await social('communityFeed', community, 'new', null, 10)), []);
    assert.deepEqual(ids(await social('communityFeed', community, 'hot', null, 10)), []);
    assert.ok(!ids(await social('trending', null, 100)).includes(charliesPost));
    assert.ok(ids(await social('postsByAuthor', charlie.address, null, 10)).includes(charliesPost));
    await indexed('the mute in the log', async () => (await social('moderationLog', community, null, 10)).items.length === 2);
    const log = (await social('moderationLog', community, null, 10)).items;
    assert.deepEqual(log.map((e) => [e.action, e.by, e.reason]),
      [['mute', bob.address, 'cool off'], ['hidePost', bob.address, 'off topic']]);
    assert.equal(log[0].account, charlie.address);
    assert.equal(log[1].post, charliesPost);
    const older = await social('moderationLog', community, (await social('moderationLog', community, null, 1)).nextCursor, 10);
    assert.deepEqual(older.items.map((e) => e.action), ['hidePost']);

    const unhidden = await submit(api.tx.communities.unhidePost(community, charliesPost, 'fair point'), bob, 'communities');
    assert.deepEqual(unhidden.map((e) => e.method), ['PostUnhidden']);
    assert.ok((await api.query.communities.hiddenPosts(charliesPost)).isNone);
    await submit(api.tx.communities.unmuteMember(community, charlie.address, 'ok'), bob, 'communities');
    await submit(api.tx.posts.postInCommunity(community, next.text, next.size), charlie, 'posts');
    await indexed('both posts in the community feed', async () => ids(await social('communityFeed', community, 'new', null, 10)).length === 2);
    assert.equal((await social('post', charliesPost, false)).hidden, false);
    // Bob reports the new post: the community's reports list it for its moderators.
    const [newest] = ids(await social('communityFeed', community, 'new', null, 1));
    await submit(api.tx.posts.reportPost(newest, 'Harassment', null), bob, 'posts');
    await indexed('the report', async () => (await social('reports', community, null, 10)).items.length === 1);
    const [report] = (await social('reports', community, null, 10)).items;
    assert.deepEqual([report.postId, report.reporter, report.reason, report.note], [newest, bob.address, 'harassment', null]);
  });

  test('bad input is refused with its own error and changes nothing', async () => {
    await assert.rejects(social('communityFeed', community, 'sideways', null, 10), /sort must be "new" or "hot"/);
    await assert.rejects(social('memberships', 'not an address', null, 10), /not an SS58 address/);
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

describe('personal moderation: blocks, mutes and reports', () => {
  let davesPost;
  const state = async () => ({
    daveFollowers: (await api.query.profiles.followCountsOf(dave.address)).toJSON(),
    blocks: (await api.query.profiles.blocks(dave.address, charlie.address)).toJSON(),
    nextPost: (await api.query.posts.nextPostId()).toNumber(),
    tips: (await api.query.rewards.postTips(davesPost ?? 0)).toString(),
    mutes: (await api.query.profiles.listCountsOf(dave.address)).toJSON(),
  });
  const freeOf = async (who) => (await api.query.system.account(who.address)).data.free.toBigInt();

  test('Dave blocks Charlie: neither can reply to, repost, tip or follow the other', async () => {
    const post = await body('Blocks are enforced on chain.');
    const created = await submit(api.tx.posts.createPost(post.text, post.size, null), dave, 'posts');
    davesPost = created.find((e) => e.method === 'PostCreated').data.postId.toNumber();
    await submit(api.tx.profiles.follow(dave.address), charlie, 'profiles');
    const reply = await body('A reply before the block.');
    await submit(api.tx.posts.createPost(reply.text, reply.size, davesPost), charlie, 'posts');

    const heldBefore = await held(dave);
    const blocked = await submit(api.tx.profiles.block(charlie.address), dave, 'profiles');
    assert.deepEqual(blocked.map((e) => e.method), ['Blocked', 'Unfollowed']);
    assert.equal(blocked[1].data.follower.toString(), charlie.address, "Charlie's follow of Dave ended");
    const deposit = (await api.query.profiles.blocks(dave.address, charlie.address)).unwrap().toBigInt();
    assert.equal(await held(dave) - heldBefore, deposit, 'the deposit is held from Dave');
    assert.ok((await api.query.profiles.following(charlie.address, dave.address)).isNone);

    const again = await body('A reply after the block.');
    const davesFree = await freeOf(dave);
    await assertRejected(api.tx.posts.createPost(again.text, again.size, davesPost), charlie,
      'profiles.BlockedByAccount', state);
    await assertRejected(api.tx.posts.repost(davesPost), charlie, 'profiles.BlockedByAccount', state);
    await assertRejected(api.tx.rewards.tip(davesPost, 1_000_000_000n), charlie,
      'profiles.BlockedByAccount', state);
    await assertRejected(api.tx.profiles.follow(dave.address), charlie, 'profiles.BlockedByAccount', state);
    assert.equal(await freeOf(dave), davesFree, 'no tip reached Dave');
    // Both ways: Dave cannot reach Charlie either while he blocks him.
    const charlies = await submit(api.tx.posts.createPost(again.text, again.size, null), charlie, 'posts');
    const charliesPost = charlies.find((e) => e.method === 'PostCreated').data.postId.toNumber();
    await assertRejected(api.tx.posts.createPost(again.text, again.size, charliesPost), dave,
      'profiles.BlockingAccount', state);
    await assertRejected(api.tx.profiles.follow(charlie.address), dave, 'profiles.BlockingAccount', state);
    // Others still reply to Dave.
    await submit(api.tx.posts.createPost(again.text, again.size, davesPost), bob, 'posts');

    await submit(api.tx.profiles.unblock(charlie.address), dave, 'profiles');
    assert.equal(await held(dave), heldBefore);
    await submit(api.tx.posts.createPost(again.text, again.size, davesPost), charlie, 'posts');
  });

  test('Dave mutes Bob (nothing changes for Bob); reports reach the chain as events', async () => {
    const muted = await submit(api.tx.profiles.mute(bob.address), dave, 'profiles');
    assert.deepEqual(muted.map((e) => e.method), ['Muted']);
    assert.ok((await api.query.profiles.mutes(dave.address, bob.address)).isSome);
    assert.deepEqual((await api.query.profiles.listCountsOf(dave.address)).toJSON(), { muted: 1, blocked: 0 });
    const reply = await body('Muted, not blocked.');
    await submit(api.tx.posts.createPost(reply.text, reply.size, davesPost), bob, 'posts');
    await assertRejected(api.tx.profiles.mute(bob.address), dave, 'profiles.AlreadyMuted', state);
    await assertRejected(api.tx.profiles.mute(dave.address), dave, 'profiles.CannotMuteSelf', state);

    const note = await body('It sells pills in every thread.');
    const reported = await submit(api.tx.posts.reportPost(davesPost, 'Spam', note.text), alice, 'posts');
    assert.equal(reported.length, 1);
    const { data } = reported[0];
    assert.equal(reported[0].method, 'PostReported');
    assert.equal(data.postId.toNumber(), davesPost);
    assert.equal(data.reporter.toString(), alice.address);
    assert.equal(data.reason.toString(), 'Spam');
    assert.equal(data.note.unwrap().toHex(), `0x${Buffer.from(note.cid.bytes).toString('hex')}`);
    assert.ok(data.community.isNone);
    await indexed('the report outside communities', async () => (await social('reports', null, null, 10)).items.some((r) => r.postId === davesPost));
    await assertRejected(api.tx.posts.reportPost(davesPost, 'Spam', null), dave,
      'posts.CannotReportOwnPost', state);
    await assertRejected(api.tx.posts.reportPost(davesPost, 'Other', 'not a cid'), alice,
      'posts.MalformedCid', state);
  });

  test("a reader's mutes and blocks leave authors out of its feeds", async () => {
    // Dave (who mutes Bob since the last test) follows Bob and Charlie, then blocks Charlie
    // (which ends that follow); Bob posts.
    await submit(api.tx.utility.batchAll([
      api.tx.profiles.follow(bob.address), api.tx.profiles.follow(charlie.address),
    ]), dave, 'profiles');
    await submit(api.tx.profiles.block(charlie.address), dave, 'profiles');
    const text = await body('Seen by some.');
    const bobs = (await submit(api.tx.posts.createPost(text.text, text.size, null), bob, 'posts'))
      .find((e) => e.method === 'PostCreated').data.postId.toNumber();
    await indexed("Bob's post in Alice's trending", async () => ids(await social('trending', null, 100, alice.address)).includes(bobs));
    assert.ok(!ids(await social('trending', null, 100, dave.address)).includes(bobs), 'muted: not in his trending');
    assert.ok(!ids(await social('homeFeed', dave.address, null, 100)).includes(bobs), 'muted: not in his home feed');
    const trendingForDave = (await social('trending', null, 100, dave.address)).items;
    assert.ok(trendingForDave.every((p) => p.author !== bob.address && p.author !== charlie.address));
    // Unmuted, Bob is back in Dave's home feed.
    await submit(api.tx.profiles.unmute(bob.address), dave, 'profiles');
    await indexed("Bob's post in Dave's home feed", async () => ids(await social('homeFeed', dave.address, null, 100)).includes(bobs));
    await submit(api.tx.profiles.unblock(charlie.address), dave, 'profiles');
  });
});
