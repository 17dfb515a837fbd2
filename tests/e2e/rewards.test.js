// Rewards on a real dev node (eras of 10 blocks): two authors, several staked voters, one era
// passes, every claim pays what the published formula gives to within a planck, and the last
// claim closes the era, sending its rounding dust back to the pool; a ring of twenty
// accounts passing one stake around counts one vote; a tip moves exactly its amount and emits its
// receipt; on a node whose best chain runs ahead of finality, the social API answers (pending
// rewards included) as of the finalized block.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { connect, devKey, freeBalance, signAndWaitInBlock } from '../lib/chain.js';
import { body } from '../lib/content.js';
import { startNode, tempDir, waitFor } from '../lib/node.js';

const PLZ = 10n ** 12n;
/** What each voter locks for curation: a full-mana vote weighs exactly this. */
const STAKE = 10n * PLZ;
let node;
let api;
let base;
let keys;

before(async () => {
  base = tempDir('rewards');
  node = await startNode({ name: 'rewards', args: ['--dev'], basePath: base.dir });
  api = await connect(node);
  keys = Object.fromEntries(['Alice', 'Bob', 'Charlie', 'Dave', 'Eve'].map((n) => [n, devKey(api, n)]));
});

after(async () => {
  await api?.disconnect();
  await node?.stop();
  base?.cleanup();
});

const fee = (events) => {
  const paid = events.find((e) => api.events.transactionPayment.TransactionFeePaid.is(e));
  return paid.data.actualFee.toBigInt() + paid.data.tip.toBigInt();
};

/** `pool × part / whole`, rounded down: the pallet's share rule. */
const share = (pool, part, whole) => (whole === 0n ? 0n : (pool * part) / whole);

test('two authors, several voters, one era: each claim pays its share', async () => {
  const { Alice, Bob, Charlie, Dave, Eve } = keys;
  const send = (tx, who) => signAndWaitInBlock(api, tx, who);

  // Voters need a profile and a curation stake for their votes to earn.
  await Promise.all([Charlie, Dave, Eve].map((who, i) =>
    send(api.tx.utility.batchAll([
      api.tx.profiles.setProfile(`voter_${i}`, `Voter ${i}`, null),
      api.tx.rewards.lockStake(STAKE),
    ]), who)));
  for (const who of [Charlie, Dave, Eve]) {
    assert.equal((await api.query.rewards.stakes(who.address)).unwrap().active.toBigInt(), STAKE);
  }
  const [p1, p2] = await Promise.all([[Alice, 'a post by Alice'], [Bob, 'a post by Bob']].map(async ([who, text]) => {
    const b = await body(text);
    const { events } = await send(api.tx.posts.createPost(b.text, b.size, null), who);
    return events.find((e) => api.events.posts.PostCreated.is(e)).data.postId.toNumber();
  }));

  // Vote right after an era starts, so that every vote lands in the same era.
  const startEra = (await api.query.rewards.currentEra()).toNumber();
  await waitFor('a new era', async () => (await api.query.rewards.currentEra()).toNumber() > startEra, 90_000);
  const era = (await api.query.rewards.currentEra()).toNumber();
  await Promise.all([
    send(api.tx.utility.batchAll([api.tx.votes.vote(p1, 'Up'), api.tx.votes.vote(p2, 'Up')]), Charlie),
    send(api.tx.utility.batchAll([api.tx.votes.vote(p1, 'Up'), api.tx.votes.vote(p2, 'Down')]), Dave),
    send(api.tx.votes.vote(p2, 'Up'), Eve),
  ]);
  const counted = {};
  for (const [who, post] of [[Charlie, p1], [Charlie, p2], [Dave, p1], [Dave, p2], [Eve, p2]]) {
    const vote = (await api.query.rewards.countedVotes(post, who.address)).unwrap();
    assert.equal(vote.era.toNumber(), era, 'all votes count in the same era');
    counted[`${who.address}/${post}`] = vote.weight.toBigInt();
  }
  assert.equal(counted[`${Charlie.address}/${p1}`], STAKE, 'a full first vote weighs the stake');
  assert.equal(counted[`${Charlie.address}/${p2}`], STAKE * 98n / 100n, 'the second spent 2 % of mana first');

  // The era ends: its pool is fixed and announced.
  await waitFor(`era ${era} to end`, async () => (await api.query.rewards.eras(era)).isSome, 90_000);
  const payout = (await api.query.rewards.eras(era)).unwrap();
  const authors = payout.authors.toBigInt();
  const curators = payout.curators.toBigInt();
  const total = payout.totalScore.toBigInt();
  assert.ok(payout.pool.toBigInt() >= 1_000n * PLZ, 'the pool holds at least the era mint');
  assert.equal(authors + curators, payout.pool.toBigInt());

  const score = async (post) => {
    const s = await api.query.rewards.postScores(era, post);
    const up = s.up.toBigInt();
    const down = s.down.toBigInt();
    return { up, net: up > down ? up - down : 0n };
  };
  const s1 = await score(p1);
  const s2 = await score(p2);
  // Two full upvotes on p1; on p2 two upvotes (0.98 + 1 stake) and Dave's 0.98 stake downvote.
  assert.equal(s1.net, 2n * STAKE);
  assert.equal(s2.up, STAKE * 198n / 100n);
  assert.equal(s2.net, STAKE);
  assert.equal(total, s1.net + s2.net);

  const curation = (s, weight) => share(share(curators, s.net, total), weight, s.up);
  const expected = new Map([
    [Alice.address, share(authors, s1.net, total)],
    [Bob.address, share(authors, s2.net, total)],
    [Charlie.address, curation(s1, counted[`${Charlie.address}/${p1}`]) + curation(s2, counted[`${Charlie.address}/${p2}`])],
    [Dave.address, curation(s1, counted[`${Dave.address}/${p1}`])],
    [Eve.address, curation(s2, counted[`${Eve.address}/${p2}`])],
  ]);

  assert.equal(payout.claimants.toNumber(), 5, 'two authors and three curators earned');
  for (const who of [Alice, Bob, Charlie, Dave, Eve]) {
    assert.deepEqual((await api.query.rewards.unclaimedEras(who.address)).map((e) => e.toNumber()), [era]);
  }
  let paid = 0n;
  let lastClaim;
  for (const who of [Alice, Bob, Charlie, Dave, Eve]) {
    const want = expected.get(who.address);
    assert.ok(want > 0n);
    const pending = (await api.call.rewardsApi.pendingRewards(who.address)).toBigInt();
    assert.ok(pending - want <= 1n && want - pending <= 1n, `pending ${pending} vs ${want}`);
    const { blockHash, events } = await send(api.tx.rewards.claimRewards(), who);
    const claimed = events.find((e) => api.events.rewards.RewardsClaimed.is(e));
    const amount = claimed.data.amount.toBigInt();
    assert.ok(amount - want <= 1n && want - amount <= 1n, `${who.address} was paid ${amount}, expected ${want}`);
    assert.equal((await api.query.rewards.unclaimedEras.at(blockHash, who.address)).length, 0);
    paid += amount;
    lastClaim = { blockHash, events };
    const { parentHash } = await api.rpc.chain.getHeader(blockHash);
    assert.equal(await freeBalance(api, who.address, blockHash),
      (await freeBalance(api, who.address, parentHash)) + amount - fee(events));
  }
  assert.equal((await api.call.rewardsApi.pendingRewards(Alice.address)).toBigInt(), 0n, 'claimed');

  // The last claimant closed the era: its payout is gone and the dust went back to the pool.
  const settled = lastClaim.events.find((e) => api.events.rewards.EraSettled.is(e));
  assert.ok(settled, 'the last claim settles the era');
  assert.equal(settled.data.era.toNumber(), era);
  assert.equal(settled.data.returned.toBigInt(), authors + curators - paid);
  assert.ok(authors + curators - paid <= 5n, 'rounding leaves at most a planck per claimant');
  assert.ok((await api.query.rewards.eras.at(lastClaim.blockHash, era)).isNone);
  const { parentHash } = await api.rpc.chain.getHeader(lastClaim.blockHash);
  const carry = async (at) => (await api.query.rewards.carry.at(at)).toBigInt();
  const eraAt = async (at) => (await api.query.rewards.currentEra.at(at)).toNumber();
  if (await eraAt(parentHash) === await eraAt(lastClaim.blockHash)) {
    // (An era that ends in the claim's own block takes the carry into its pool first.)
    assert.equal(await carry(lastClaim.blockHash), (await carry(parentHash)) + authors + curators - paid);
  }
  // Idle time in the following blocks removes the era's scores.
  await waitFor(`era ${era}'s scores to be pruned`, async () =>
    (await api.query.rewards.postScores.keys(era)).length === 0 && (await api.query.rewards.erasToPrune(era)).isNone,
  60_000);
});

test('a ring of twenty accounts passing one stake around counts one vote', async () => {
  const { Alice, Bob } = keys;
  const send = (tx, who) => signAndWaitInBlock(api, tx, who);
  const ring = Array.from({ length: 20 }, (_, i) => devKey(api, `Ring//${i}`));
  // The ring's first account gets the stake; every account gets enough for its profile and fees.
  await send(api.tx.utility.batchAll(ring.map((who, i) =>
    api.tx.balances.transferKeepAlive(who.address, (i === 0 ? STAKE : 0n) + PLZ))), Alice);
  await Promise.all(ring.map((who, i) => send(api.tx.profiles.setProfile(`ring_${i}`, '', null), who)));
  const b = await body('farm me');
  const { events } = await send(api.tx.posts.createPost(b.text, b.size, null), Bob);
  const post = events.find((e) => api.events.posts.PostCreated.is(e)).data.postId.toNumber();

  // The first locks the stake, votes, unlocks, and tries to pass the tokens on: they stay held.
  await send(api.tx.rewards.lockStake(STAKE), ring[0]);
  await send(api.tx.votes.vote(post, 'Up'), ring[0]);
  await send(api.tx.rewards.unlockStake(STAKE), ring[0]);
  await assert.rejects(send(api.tx.balances.transferKeepAlive(ring[1].address, STAKE), ring[0]), /FundsUnavailable/);
  // So the others have nothing to lock, and their votes count nothing.
  await Promise.all(ring.slice(1).map(async (who) => {
    await assert.rejects(send(api.tx.rewards.lockStake(STAKE), who), /FundsUnavailable/);
    await send(api.tx.votes.vote(post, 'Up'), who);
  }));

  let weight = 0n;
  for (const who of ring) {
    const vote = await api.query.rewards.countedVotes(post, who.address);
    if (vote.isSome) weight += vote.unwrap().weight.toBigInt();
  }
  // Twenty accounts, one counted vote: exactly what one account holding the stake weighs.
  assert.equal(weight, STAKE);
  assert.equal((await api.query.votes.tallies(post)).up.toNumber(), 20, 'every vote is in the tally');
  const unlocking = (await api.query.rewards.stakes(ring[0].address)).unwrap().unlocking;
  assert.equal(unlocking[0].amount.toBigInt(), STAKE);
});

test('a tip moves exactly its amount and emits its receipt', async () => {
  const { Alice, Eve } = keys;
  const b = await body('tip me');
  const created = await signAndWaitInBlock(api, api.tx.posts.createPost(b.text, b.size, null), Alice);
  const postId = created.events.find((e) => api.events.posts.PostCreated.is(e)).data.postId.toNumber();

  const amount = 25n * PLZ / 10n;
  const { blockHash, events } = await signAndWaitInBlock(api, api.tx.rewards.tip(postId, amount), Eve);
  const tipped = events.find((e) => api.events.rewards.Tipped.is(e));
  assert.deepEqual(
    [tipped.data.postId.toNumber(), tipped.data.from.toString(), tipped.data.to.toString(), tipped.data.amount.toBigInt()],
    [postId, Eve.address, Alice.address, amount]);
  const { parentHash } = await api.rpc.chain.getHeader(blockHash);
  assert.equal(await freeBalance(api, Alice.address, blockHash), (await freeBalance(api, Alice.address, parentHash)) + amount);
  assert.equal(await freeBalance(api, Eve.address, blockHash), (await freeBalance(api, Eve.address, parentHash)) - amount - fee(events));
  assert.equal((await api.query.rewards.postTips(postId)).toBigInt(), amount);

  await assert.rejects(signAndWaitInBlock(api, api.tx.rewards.tip(postId, 1n), Alice), /rewards\.CannotTipOwnPost/);
  await assert.rejects(signAndWaitInBlock(api, api.tx.rewards.tip(postId, 0n), Eve), /rewards\.ZeroTip/);
  await assert.rejects(signAndWaitInBlock(api, api.tx.rewards.tip(999_999, 1n), Eve), /rewards\.PostNotFound/);
  assert.equal((await api.query.rewards.postTips(postId)).toBigInt(), amount);
});

test('social answers, rewards included, are as of the last finalized block, not the best one', async () => {
  // A dev node that does not vote in GRANDPA: it builds blocks and finalizes none after genesis.
  const dir = tempDir('unfinalized');
  const stuck = await startNode({ name: 'unfinalized', args: ['--dev', '--no-grandpa'], basePath: dir.dir });
  const best = await connect(stuck);
  try {
    const [Alice, Charlie] = ['Alice', 'Charlie'].map((n) => devKey(best, n));
    const send = (tx, who) => signAndWaitInBlock(best, tx, who);
    await send(best.tx.utility.batchAll([
      best.tx.profiles.setProfile('voter', 'Voter', null),
      best.tx.rewards.lockStake(STAKE),
    ]), Charlie);
    const b = await body('a post only the best chain has');
    const { events } = await send(best.tx.posts.createPost(b.text, b.size, null), Alice);
    const postId = events.find((e) => best.events.posts.PostCreated.is(e)).data.postId.toNumber();
    const startEra = (await best.query.rewards.currentEra()).toNumber();
    await waitFor('a new era', async () => (await best.query.rewards.currentEra()).toNumber() > startEra, 90_000);
    const era = (await best.query.rewards.currentEra()).toNumber();
    await send(best.tx.votes.vote(postId, 'Up'), Charlie);
    await waitFor(`era ${era} to end`, async () => (await best.query.rewards.eras(era)).isSome, 90_000);

    const atBest = (await best.call.rewardsApi.pendingRewards(Alice.address)).toBigInt();
    assert.ok(atBest > 0n, 'Alice earned on the best chain');
    const finalized = await best.rpc.chain.getHeader(await best.rpc.chain.getFinalizedHead());
    assert.equal(finalized.number.toNumber(), 0, 'nothing finalized after genesis');
    assert.equal(await stuck.rpc('social_pendingRewards', [Alice.address]), '0');
    assert.equal(await stuck.rpc('social_post', [postId, false]), null);
    const status = await stuck.rpc('social_status');
    assert.deepEqual([status.indexedBlock, status.finalizedBlock, status.lag, status.error], [0, 0, 0, null]);
  } finally {
    await best.disconnect();
    await stuck.stop();
    dir.cleanup();
  }
});
