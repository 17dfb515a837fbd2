// Plaza's web app in Chromium against a real `plaza-node --dev` that serves it, two people in
// two browser contexts, each signing with a wallet extension (a test-only one, injected the way
// the real extension injects itself). What the UI shows is checked against the chain through
// RPC, never against the UI alone.
import { mkdirSync } from 'node:fs';
import path from 'node:path';

import { expect, test } from '@playwright/test';

import { waitFor } from '../../../tests/lib/node.js';
import { personWithExtension } from './extension.js';
import {
  PLZ, appUrl as appUrlOf, open, publish, seriousViolations, signAndFinalize, startSession,
} from './session.js';

const SCREENS = path.resolve(import.meta.dirname, '../../test-results/screens');
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };

test.describe.configure({ mode: 'serial' });

let session;
let node;
let api;
let alice;
let bob;
let A;
let B;
const posts = {};

const free = async (address) => (await api.query.system.account(address)).data.free.toBigInt();
const finalized = async () => (await api.rpc.chain.getHeader(await api.rpc.chain.getFinalizedHead())).number.toNumber();

/** `address`'s free balance at the best block, and that block's number. */
async function balanceNow(address) {
  const header = await api.rpc.chain.getHeader();
  const account = await api.query.system.account.at(header.hash, address);
  return [account.data.free.toBigInt(), header.number.toNumber()];
}

/** The events of finalized blocks after `from` for which `match` holds. */
async function eventsSince(from, match) {
  const found = [];
  for (let number = from + 1; number <= (await finalized()); number++) {
    const events = await api.query.system.events.at(await api.rpc.chain.getBlockHash(number));
    found.push(...events.map(({ event }) => event).filter(match));
  }
  return found;
}

/** What `who` paid in fees in finalized blocks after `from`. */
async function feesSince(from, who) {
  const paid = await eventsSince(from, (e) => api.events.transactionPayment.TransactionFeePaid.is(e) && e.data.who.eq(who));
  return paid.reduce((total, e) => total + e.data.actualFee.toBigInt() + e.data.tip.toBigInt(), 0n);
}
const appUrl = (hash) => appUrlOf(node, hash);

test.beforeAll(async ({ browser }) => {
  // People with their own keys (not the well-known development ones), funded by //Alice.
  session = await startSession(browser, 'web', ['Alice', 'Bob']);
  ({ node, api } = session);
  A = session.people.Alice;
  B = session.people.Bob;
  alice = A.pair;
  bob = B.pair;
});

test.afterAll(async () => {
  await session?.stop();
});

test('the node serves the app; it shows the chain, its height and finality live', async () => {
  const page = A.page;
  const response = await page.goto(`${node.ipfsUrl}/`);
  expect(response.url()).toBe(appUrl());
  expect(response.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
  await expect(page.locator('#chain-status')).toContainText('Development');
  const status = page.locator('#chain-status');
  const first = Number(await status.getAttribute('data-best'));
  await expect.poll(async () => Number(await status.getAttribute('data-best')), { timeout: 30_000 }).toBeGreaterThan(first);
  await expect.poll(async () => Number(await status.getAttribute('data-finalized'))).toBeGreaterThan(0);
  // The extension's account is offered first; the development keys are marked as such.
  await expect(page.locator('#account-select option').nth(1)).toHaveText(/^Alice · /);
  await expect(page.locator('#account-select')).toContainText('Bob (development key)');
  await expect(page.locator('#dev-warning')).toBeVisible();
});

test('Alice creates a profile and a post; the body is read back from the node', async () => {
  const page = A.page;
  await open(node, A, '/me');
  await page.fill('#handle', 'alice_web');
  await page.fill('#display-name', 'Alice Web');
  await page.fill('#bio', 'Writes about Plaza.');
  await page.getByRole('button', { name: 'Continue' }).click();
  // Before signing: the fee and the deposit the profile holds.
  const costs = page.locator('.tx').last();
  await expect(costs).toContainText(/Fee \d[\d,.]* PLZ · deposit held \d[\d,.]* PLZ/);
  await signAndFinalize(page);
  await waitFor('the profile in the index', async () => (await node.rpc('social_profile', [alice.address]))?.handle === 'alice_web', 30_000);
  const profile = await node.rpc('social_profile', [alice.address]);
  expect(profile.displayName).toBe('Alice Web');
  expect(A.signed.length).toBe(1);

  await page.getByRole('link', { name: 'Write' }).click();
  await page.fill('#body', '# Hello Plaza\n\nThis is **Alice**, writing in <b>Markdown</b>.');
  await expect(page.locator('.preview strong')).toHaveText('Alice');
  await expect(page.locator('.preview')).toContainText('<b>Markdown</b>');
  await page.getByRole('button', { name: 'Continue' }).click();
  posts.first = await publish(page);
  const onChain = await node.rpc('social_post', [posts.first, true]);
  expect(onChain.author).toBe(alice.address);
  expect(onChain.body.data).toBe('# Hello Plaza\n\nThis is **Alice**, writing in <b>Markdown</b>.');
  // The body shown is the node's copy, rendered: its heading (an h3 in a post), no raw HTML.
  const card = page.locator(`article[data-post-id="${posts.first}"]`);
  await expect(card.locator('h3')).toHaveText('Hello Plaza');
  await expect(card.locator('.body b')).toHaveCount(0);
});

test('Bob follows Alice and sees her posts in his home feed, a new one without reloading', async () => {
  const page = B.page;
  await open(node, B, '/me');
  await page.fill('#handle', 'bob_web');
  await page.fill('#display-name', 'Bob Web');
  await page.getByRole('button', { name: 'Continue' }).click();
  await signAndFinalize(page);

  await page.goto(appUrl(`/author/${alice.address}`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('@alice_web');
  await page.getByRole('button', { name: 'Follow' }).click();
  await expect(page.locator('.tx').last()).toContainText('deposit held');
  await signAndFinalize(page);
  await waitFor('the follow in the index', async () => (await node.rpc('social_following', [bob.address])).items.some((p) => p.account === alice.address), 30_000);

  await page.getByRole('link', { name: 'Home' }).click();
  await expect(page.locator(`article[data-post-id="${posts.first}"] h3`)).toHaveText('Hello Plaza');
  await page.evaluate(() => {
    window.plazaNotReloaded = true;
  });

  await A.page.goto(appUrl('/compose'));
  await A.page.fill('#body', 'A second post, for whoever follows me.');
  await A.page.getByRole('button', { name: 'Continue' }).click();
  posts.second = await publish(A.page);

  await expect(page.locator(`article[data-post-id="${posts.second}"]`)).toContainText('A second post, for whoever follows me.');
  expect(await page.evaluate(() => window.plazaNotReloaded)).toBe(true);
});

test('Bob locks stake, upvotes, tips and replies; Alice sees the vote and the reply arrive', async () => {
  const page = B.page;
  await page.goto(appUrl('/rewards'));
  await page.fill('#stake-amount', '10');
  await page.getByRole('button', { name: 'Lock', exact: true }).click();
  await signAndFinalize(page);
  expect((await api.query.rewards.stakes(bob.address)).unwrap().active.toBigInt()).toBe(10n * PLZ);

  await A.page.goto(appUrl(`/post/${posts.first}`));
  await expect(A.page.locator(`article[data-post-id="${posts.first}"] .counts`)).toContainText('▲ 0');

  await page.goto(appUrl(`/post/${posts.first}`));
  const card = page.locator(`article[data-post-id="${posts.first}"]`);
  await card.getByRole('button', { name: `Upvote post ${posts.first}` }).click();
  await signAndFinalize(page);
  await waitFor('the upvote in the index', async () => (await node.rpc('social_post', [posts.first])).upvotes === 1, 30_000);

  const before = await free(alice.address);
  await card.getByRole('button', { name: 'Tip' }).click();
  await page.fill(`[data-tip-for="${posts.first}"]`, '2.5');
  await card.getByRole('button', { name: 'Continue' }).click();
  await expect(card.locator('.tx').last()).toContainText('2.5 PLZ goes to the author');
  await signAndFinalize(page);
  expect(await free(alice.address)).toBe(before + 2_500_000_000_000n);
  await waitFor('the tip in the index', async () => (await node.rpc('social_post', [posts.first])).tips === '2500000000000', 30_000);

  await card.getByRole('link', { name: 'Reply' }).click();
  await page.fill('#body', 'Nice post, Alice!');
  await page.getByRole('button', { name: 'Continue' }).click();
  posts.reply = await publish(page);
  expect((await node.rpc('social_post', [posts.reply])).parent).toBe(posts.first);

  // Alice never reloaded her page: the vote, the tip and the reply came to her.
  const hers = A.page.locator(`article[data-post-id="${posts.first}"] .counts`);
  await expect(hers).toContainText('▲ 1');
  await expect(hers).toContainText('tips 2.5 PLZ');
  await expect(A.page.locator(`.replies article[data-post-id="${posts.reply}"]`)).toContainText('Nice post, Alice!');
});

test("after the era, Bob's pending rewards show and his claim pays what the runtime API says", async () => {
  // As of the last finalized block, as the app reads it.
  const pending = async () => {
    const at = await api.at(await api.rpc.chain.getFinalizedHead());
    return (await at.call.rewardsApi.pendingRewards(bob.address)).toBigInt();
  };
  await waitFor('the era of the vote to end', async () => (await pending()) > 0n, 180_000);
  const owed = await pending();
  const page = B.page;
  await page.goto(appUrl('/rewards'));
  await expect(page.locator('#pending-rewards')).toHaveAttribute('data-planck', owed.toString());
  const [balance, from] = await balanceNow(bob.address);
  await page.getByRole('button', { name: 'Claim' }).click();
  await signAndFinalize(page);
  const [claimed] = await eventsSince(from, (e) => api.events.rewards.RewardsClaimed.is(e) && e.data.who.eq(bob.address));
  expect(claimed.data.amount.toBigInt()).toBe(owed);
  // Bob's balance grew by exactly that, less the fee the claim paid.
  expect((await free(bob.address)) - balance).toBe(owed - (await feesSince(from, bob.address)));
  expect(await pending()).toBe(0n);
});

test('bad input shows the reason and changes nothing on chain', async () => {
  const page = B.page;
  await page.goto(appUrl('/me'));
  await page.fill('#handle', 'x'.repeat(40));
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.locator('.tx').last()).toContainText('The handle has 40 characters: at most 32.');
  await expect(page.getByRole('button', { name: 'Sign and submit' })).toHaveCount(0);

  await page.fill('#handle', 'bad handle!');
  await page.getByRole('button', { name: 'Continue' }).click();
  const panel = page.locator('.tx').last();
  await expect(panel).toContainText('Fee ');
  await panel.getByRole('button', { name: 'Sign and submit' }).click();
  // The pallet's own documentation of the error, from the metadata.
  await expect(panel).toContainText('The handle has a character other than a–z, A–Z, 0–9 or `_`. (profiles.InvalidHandleCharacter)', { timeout: 90_000 });
  expect((await node.rpc('social_profile', [bob.address])).handle).toBe('bob_web');

  const tipsBefore = (await node.rpc('social_post', [posts.first])).tips;
  const [balance, from] = await balanceNow(bob.address);
  await page.goto(appUrl(`/post/${posts.first}`));
  const card = page.locator(`article[data-post-id="${posts.first}"]`);
  await card.getByRole('button', { name: 'Tip' }).click();
  await page.fill(`[data-tip-for="${posts.first}"]`, '1000000');
  await card.getByRole('button', { name: 'Continue' }).click();
  const tipPanel = card.locator('.tx').last();
  await expect(tipPanel).toContainText('Fee ');
  await tipPanel.getByRole('button', { name: 'Sign and submit' }).click();
  await expect(tipPanel).toContainText('Failed: ', { timeout: 90_000 });
  await expect(tipPanel).not.toContainText('index');
  await waitFor('the failed tip to be finalized', async () => (await feesSince(from, bob.address)) > 0n, 30_000);
  // Only the fee left Bob's balance; the post's tips did not move.
  expect(balance - (await free(bob.address))).toBe(await feesSince(from, bob.address));
  expect((await node.rpc('social_post', [posts.first])).tips).toBe(tipsBefore);
});

test('Alice edits and deletes her own post; Bob reposts hers', async () => {
  await A.page.goto(appUrl(`/post/${posts.second}`));
  await A.page.locator(`article[data-post-id="${posts.second}"]`).getByRole('link', { name: 'Edit' }).click();
  await expect(A.page.locator('#body')).toHaveValue('A second post, for whoever follows me.');
  await A.page.fill('#body', 'A second post, edited.');
  await A.page.getByRole('button', { name: 'Continue' }).click();
  expect(await publish(A.page)).toBe(posts.second);
  const edited = await waitFor('the edit in the index', async () => {
    const post = await node.rpc('social_post', [posts.second, true]);
    return post.revision === 1 && post;
  }, 30_000);
  expect(edited.body.data).toBe('A second post, edited.');
  await expect(A.page.locator(`article[data-post-id="${posts.second}"] .body`)).toHaveText('A second post, edited.');

  await A.page.locator(`article[data-post-id="${posts.second}"]`).getByRole('button', { name: 'Delete' }).click();
  const panel = A.page.locator('.tx').last();
  await expect(panel).toContainText('Fee ');
  await panel.getByRole('button', { name: 'Sign and submit' }).click();
  await waitFor('the delete in the index', async () => (await node.rpc('social_post', [posts.second])).deleted, 90_000);
  // The open thread learns it without a reload.
  await expect(A.page.locator(`article[data-post-id="${posts.second}"] .body`)).toHaveText('This post was deleted by its author.');

  await B.page.goto(appUrl(`/post/${posts.first}`));
  await B.page.locator(`article[data-post-id="${posts.first}"]`).getByRole('button', { name: 'Repost' }).click();
  await signAndFinalize(B.page);
  await waitFor('the repost in the index', async () => (await node.rpc('social_post', [posts.first])).reposts === 1, 30_000);
  const [repost] = (await node.rpc('social_postsByAuthor', [bob.address])).items.filter((p) => p.kind === 'repost');
  expect(repost.original).toBe(posts.first);
});

test('each main view at phone and desktop width: screenshots, and no serious accessibility violation', async ({ browser }) => {
  mkdirSync(SCREENS, { recursive: true });
  const views = {
    home: '/home',
    trending: '/trending',
    thread: `/post/${posts.first}`,
    author: `/author/${alice.address}`,
    compose: '/compose',
    profile: '/me',
    rewards: '/rewards',
    node: '/settings',
  };
  for (const [label, viewport] of [['phone', PHONE], ['desktop', DESKTOP]]) {
    const person = await personWithExtension(browser, api, bob, 'Bob', viewport);
    try {
      for (const [name, hash] of Object.entries(views)) {
        await open(node, { ...person, pair: bob }, hash);
        await expect(person.page.locator('#main h1')).toBeVisible();
        await person.page.waitForLoadState('networkidle');
        await person.page.screenshot({ path: path.join(SCREENS, `${name}-${label}.png`), fullPage: true });
        expect(await seriousViolations(person.page, `${name} (${label})`)).toEqual([]);
      }
      // At phone width nothing scrolls sideways.
      if (label === 'phone') {
        expect(await person.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
      }
    } finally {
      await person.context.close();
    }
  }
});
