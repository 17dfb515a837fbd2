// Apps acting for people, on a real dev node with @polkadot/api: a person with a fresh wallet and
// no PLZ signs an authorisation (as a wallet's signRaw does); the app submits it and pays; the
// app gives them a profile and a first follow (the app holds both deposits), posts for them in a
// batch with another person's actions (one of which fails alone); the
// post is theirs (the index says which app it came through), earns them a reward in their own
// account, which the app claims for them; they revoke, and the app's next action for them fails
// with its own error. Then the wallet-native way: a Plaza proxy type added and removed through
// pallet-proxy, limited to its scope.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { Keyring } from '@polkadot/keyring';
import { stringToU8a, u8aConcat, u8aWrapBytes } from '@polkadot/util';
import { mnemonicGenerate } from '@polkadot/util-crypto';

import { connect, devKey, freeBalance, signAndWaitInBlock } from '../lib/chain.js';
import { body } from '../lib/content.js';
import { startNode, tempDir, waitFor } from '../lib/node.js';

const PLZ = 10n ** 12n;
let node;
let api;
let base;

before(async () => {
  base = tempDir('apps');
  node = await startNode({ name: 'apps', args: ['--dev'], basePath: base.dir });
  api = await connect(node);
});

after(async () => {
  await api?.disconnect();
  await node?.stop();
  base?.cleanup();
});

const send = (tx, who) => signAndWaitInBlock(api, tx, who);
const find = (events, kind) => events.filter((e) => kind.is(e));
const errorName = (error) => {
  if (!error.isModule) return error.toString();
  const { section, name } = api.registry.findMetaError(error.asModule);
  return `${section}.${name}`;
};
/** What `address` holds for profile deposits. */
const profileHeld = async (address) => {
  const holds = await api.query.balances.holds(address);
  const held = holds.find((h) => h.id.isProfiles && h.id.asProfiles.isProfileDeposit);
  return held ? held.amount.toBigInt() : 0n;
};
/** The batch's outcomes: [person, index, scope or error]. */
const outcomes = (events) => events
  .filter((e) => api.events.apps.ActionDone.is(e) || api.events.apps.ActionFailed.is(e))
  .map((e) => (api.events.apps.ActionDone.is(e)
    ? [e.data.person.toString(), e.data.index.toNumber(), e.data.scope.toString()]
    : [e.data.person.toString(), e.data.index.toNumber(), errorName(e.data.error)]));

test('a person with no balance is onboarded by an app, posts through it, earns, and revokes', async () => {
  const app = devKey(api, 'Ferdie');
  const keyring = new Keyring({ type: 'sr25519', ss58Format: api.registry.chainSS58 });
  const person = keyring.addFromUri(mnemonicGenerate());
  const [alice, charlie] = [devKey(api, 'Alice'), devKey(api, 'Charlie')];
  assert.equal(await freeBalance(api, person.address), 0n, 'a fresh wallet');

  // The person signs the payload in their wallet: signRaw wraps the bytes in <Bytes>…</Bytes>.
  const header = await api.rpc.chain.getHeader();
  const scopes = { post: true, edit: true, repost: false, vote: true, follow: true, profile: true, tip: false, claim: true };
  const payload = api.createType('PalletAppsAuthorizationPayload', {
    app: app.address,
    scopes,
    expires: null,
    tipAllowance: 0,
    genesisHash: api.genesisHash,
    validUntil: header.number.toNumber() + 50,
  });
  const message = u8aConcat(stringToU8a('plaza:authorize-app:'), payload.toU8a());
  const signature = { Sr25519: person.sign(u8aWrapBytes(message)) };
  const appBefore = await freeBalance(api, app.address);
  const onboard = await send(api.tx.apps.authorizeSigned(person.address, payload, signature), app);
  const [authorized] = find(onboard.events, api.events.apps.Authorized);
  assert.equal(authorized.data.person.toString(), person.address);
  assert.equal(authorized.data.depositor.toString(), app.address, 'the app paid the deposit');
  const grant = (await api.query.apps.grants(person.address, app.address)).unwrap();
  assert.equal(grant.depositor.toString(), app.address);
  assert.equal(await freeBalance(api, person.address), 0n, 'onboarding cost the person nothing');
  assert.ok(await freeBalance(api, app.address) < appBefore);
  // The same signed payload cannot be used again.
  await assert.rejects(send(api.tx.apps.authorizeSigned(person.address, payload, signature), app), /apps\.PayloadReused/);

  // Their profile and first follow, through the app: the app holds both deposits.
  const action = (who, call) => ({ person: who.address, call });
  const handle = `newcomer_${Date.now() % 1_000_000}`;
  const social = await send(api.tx.apps.actFor([
    action(person, api.tx.profiles.setProfile(handle, 'Newcomer', null)),
    action(person, api.tx.profiles.follow(alice.address)),
  ]), app);
  assert.deepEqual(outcomes(social.events), [[person.address, 0, 'Profile'], [person.address, 1, 'Follow']]);
  const profile = (await api.query.profiles.profiles(person.address)).unwrap();
  assert.equal(profile.handle.toUtf8(), handle);
  assert.equal((await api.query.profiles.profileDepositPayers(person.address)).unwrap().toString(), app.address);
  assert.equal((await api.query.profiles.followDepositPayers(person.address, alice.address)).unwrap().toString(), app.address);
  assert.equal(await profileHeld(app.address), profile.deposit.toBigInt());
  assert.equal(await profileHeld(person.address), 0n);
  assert.equal(await freeBalance(api, person.address), 0n, 'a profile and a follow cost the person nothing');

  // One batch: the person's post, Alice's reply (Alice never authorised the app: refused alone),
  // and a reply by the person to a post that does not exist (the posts pallet's own error).
  const text = await body('my first post, through an app');
  const batch = await send(api.tx.apps.actFor([
    action(person, api.tx.posts.createPost(text.text, text.size, null)),
    action(alice, api.tx.posts.createPost(text.text, text.size, null)),
    action(person, api.tx.posts.createPost(text.text, text.size, 999_999)),
  ]), app);
  assert.deepEqual(outcomes(batch.events), [
    [person.address, 0, 'Post'],
    [alice.address, 1, 'apps.NotAuthorized'],
    [person.address, 2, 'posts.ParentNotFound'],
  ]);
  const [created] = find(batch.events, api.events.posts.PostCreated);
  assert.equal(created.data.author.toString(), person.address, 'the person is the author');
  assert.equal(created.data.via.unwrap().toString(), app.address);
  const postId = created.data.postId.toNumber();
  assert.equal((await api.query.posts.depositPayers(postId)).unwrap().toString(), app.address);
  assert.equal(await freeBalance(api, person.address), 0n, 'the post cost the person nothing');
  // The index and social_* say which app it came through.
  const view = await waitFor('the post in the index', async () => node.rpc('social_post', [postId, false]), 60_000);
  assert.equal(view.author, person.address);
  assert.equal(view.via, app.address);

  // Charlie, a curator, upvotes it in a fresh era; when the era ends the person has earned.
  await send(api.tx.utility.batchAll([
    api.tx.profiles.setProfile('charlie_curates', 'Charlie', null),
    api.tx.rewards.lockStake(10n * PLZ),
  ]), charlie);
  const startEra = (await api.query.rewards.currentEra()).toNumber();
  await waitFor('a new era', async () => (await api.query.rewards.currentEra()).toNumber() > startEra, 90_000);
  const era = (await api.query.rewards.currentEra()).toNumber();
  await send(api.tx.votes.vote(postId, 'Up'), charlie);
  await waitFor(`era ${era} to end`, async () => (await api.query.rewards.eras(era)).isSome, 90_000);
  const pending = (await api.call.rewardsApi.pendingRewards(person.address)).toBigInt();
  assert.ok(pending > 0n, 'the person earned for their post');

  // The app claims for them: the reward lands in the person's own account, the app pays the fee.
  const claim = await send(api.tx.apps.actFor([action(person, api.tx.rewards.claimRewards())]), app);
  assert.deepEqual(outcomes(claim.events), [[person.address, 0, 'Claim']]);
  const [claimed] = find(claim.events, api.events.rewards.RewardsClaimed);
  assert.equal(claimed.data.who.toString(), person.address);
  assert.equal(claimed.data.amount.toBigInt(), pending);
  assert.equal(await freeBalance(api, person.address, claim.blockHash), pending);

  // With their own PLZ now, the person revokes the app themselves…
  const revoke = await send(api.tx.apps.revoke(app.address), person);
  const [ended] = find(revoke.events, api.events.apps.GrantEnded);
  assert.equal(ended.data.reason.toString(), 'Revoked');
  assert.ok((await api.query.apps.grants(person.address, app.address)).isNone);
  // …and the app's next action for them fails with its own error, changing nothing.
  const nextId = (await api.query.posts.nextPostId()).toNumber();
  const refused = await send(api.tx.apps.actFor([action(person, api.tx.posts.createPost(text.text, text.size, null))]), app);
  assert.deepEqual(outcomes(refused.events), [[person.address, 0, 'apps.NotAuthorized']]);
  assert.equal((await api.query.posts.nextPostId()).toNumber(), nextId);
  // The post stays the person's; its deposit is still the app's.
  assert.equal((await api.query.posts.posts(postId)).unwrap().author.toString(), person.address);
  // The person clears the profile the app paid for: the deposit goes back to the app.
  const appHeld = await profileHeld(app.address);
  await send(api.tx.profiles.clearProfile(), person);
  assert.equal(await profileHeld(app.address), appHeld - profile.deposit.toBigInt());
  assert.ok((await api.query.profiles.profileDepositPayers(person.address)).isNone);
});

test('a Plaza proxy type is added and removed through pallet-proxy and limited to its scope', async () => {
  const [dave, eve] = [devKey(api, 'Dave'), devKey(api, 'Eve')];
  // The metadata names Plaza's proxy types, as wallets' proxy screens list them.
  const typeName = api.tx.proxy.addProxy.meta.args[1].type.toString();
  const proxyType = api.registry.createType(typeName);
  assert.deepEqual(proxyType.defKeys, ['Any', 'Social', 'Post', 'Edit', 'Repost', 'Vote', 'Follow', 'Profile', 'Tip', 'Claim']);
  await send(api.tx.proxy.addProxy(eve.address, 'Post', 0), dave);
  const [proxies] = await api.query.proxy.proxies(dave.address);
  assert.deepEqual(proxies.map((p) => [p.delegate.toString(), p.proxyType.toString()]), [[eve.address, 'Post']]);

  const text = await body('posted by my Post proxy');
  const posted = await send(api.tx.proxy.proxy(dave.address, null, api.tx.posts.createPost(text.text, text.size, null)), eve);
  const [executed] = find(posted.events, api.events.proxy.ProxyExecuted);
  assert.ok(executed.data.result.isOk);
  const [created] = find(posted.events, api.events.posts.PostCreated);
  assert.equal(created.data.author.toString(), dave.address);
  assert.ok(created.data.via.isNone, 'a proxy is the person acting: Dave paid');
  // A transfer is outside the Post scope: the call is filtered.
  const transfer = await send(api.tx.proxy.proxy(dave.address, null, api.tx.balances.transferKeepAlive(eve.address, PLZ)), eve);
  const [filtered] = find(transfer.events, api.events.proxy.ProxyExecuted);
  assert.equal(errorName(filtered.data.result.asErr), 'system.CallFiltered');

  await send(api.tx.proxy.removeProxy(eve.address, 'Post', 0), dave);
  assert.equal((await api.query.proxy.proxies(dave.address))[0].length, 0);
  await assert.rejects(
    send(api.tx.proxy.proxy(dave.address, null, api.tx.posts.createPost(text.text, text.size, null)), eve),
    /proxy\.NotProxy/,
  );
});

test('hostile batches and payloads: past MaxActions, calls no scope allows, forged authorisations', async () => {
  const [app, bob] = [devKey(api, 'Ferdie'), devKey(api, 'Bob')];
  const every = { post: true, edit: true, repost: true, vote: true, follow: true, profile: true, tip: true, claim: true };
  await send(api.tx.apps.authorize(app.address, every, null, 0), bob);
  const text = await body('a post through a hostile app');
  const action = (who, call) => ({ person: who.address, call });
  const account = async () => (await api.query.system.account(app.address)).toJSON();

  // One action past the bound does not decode: the node refuses it before any work or fee.
  const max = api.consts.apps.maxActions.toNumber();
  const tooMany = Array.from({ length: max + 1 }, () => action(bob, api.tx.posts.createPost(text.text, text.size, null)));
  const before = await account();
  await assert.rejects(send(api.tx.apps.actFor(tooMany), app), /decode|Verification Error|Invalid Transaction|1002|1010|Invalid/i);
  assert.deepEqual(await account(), before, 'no fee, no nonce');

  // A grant with every scope still gives no call without one: no nested batch of the app's or
  // the utility pallet's, no proxy call, no transfer, no curation stake. Each is refused alone.
  const nextId = (await api.query.posts.nextPostId()).toNumber();
  const bobBefore = await freeBalance(api, bob.address);
  const post = api.tx.posts.createPost(text.text, text.size, null);
  const refused = await send(api.tx.apps.actFor([
    action(bob, api.tx.apps.actFor([action(bob, post)])),
    action(bob, api.tx.utility.batch([post])),
    action(bob, api.tx.proxy.proxy(bob.address, null, post)),
    action(bob, api.tx.balances.transferKeepAlive(app.address, PLZ)),
    action(bob, api.tx.rewards.lockStake(PLZ)),
    action(bob, post),
  ]), app);
  assert.deepEqual(outcomes(refused.events), [
    [bob.address, 0, 'apps.OutOfScope'],
    [bob.address, 1, 'apps.OutOfScope'],
    [bob.address, 2, 'apps.OutOfScope'],
    [bob.address, 3, 'apps.OutOfScope'],
    [bob.address, 4, 'apps.OutOfScope'],
    [bob.address, 5, 'Post'],
  ]);
  assert.equal((await api.query.posts.nextPostId()).toNumber(), nextId + 1, 'only the plain post');
  assert.equal(await freeBalance(api, bob.address), bobBefore, 'Bob paid nothing: no fee, no deposit, no transfer');

  // Onboarding payloads that were not the person's to give: each fails with its own error and
  // stores no grant.
  const keyring = new Keyring({ type: 'sr25519', ss58Format: api.registry.chainSS58 });
  const [person, impostor] = [keyring.addFromUri(mnemonicGenerate()), keyring.addFromUri(mnemonicGenerate())];
  const header = await api.rpc.chain.getHeader();
  const payloadFor = (fields) => api.createType('PalletAppsAuthorizationPayload', {
    app: app.address, scopes: every, expires: null, tipAllowance: 0, genesisHash: api.genesisHash,
    validUntil: header.number.toNumber() + 50, ...fields,
  });
  const signed = (payload, signer) => ({
    Sr25519: signer.sign(u8aWrapBytes(u8aConcat(stringToU8a('plaza:authorize-app:'), payload.toU8a()))),
  });
  for (const [payload, signer, error] of [
    [payloadFor({}), impostor, /apps\.BadSignature/],
    [payloadFor({ genesisHash: `0x${'11'.repeat(32)}` }), person, /apps\.WrongChain/],
    [payloadFor({ app: bob.address }), person, /apps\.WrongApp/],
    [payloadFor({ validUntil: header.number.toNumber() + 10_000 }), person, /apps\.PayloadTooLongLived/],
  ]) {
    await assert.rejects(send(api.tx.apps.authorizeSigned(person.address, payload, signed(payload, signer)), app), error);
  }
  assert.ok((await api.query.apps.grants(person.address, app.address)).isNone);
});
