// Communities and moderation in the web app, in Chromium against a real `plaza-node --dev`:
// Alice creates a community and moderates it, Bob joins and posts, reports, mutes and blocks.
// Every step is checked against the chain or the node's index, never against the UI alone.
import { mkdirSync } from 'node:fs';
import path from 'node:path';

import { expect, test } from '@playwright/test';

import { waitFor } from '../../../tests/lib/node.js';
import { personWithExtension } from './extension.js';
import {
  open, publish, seriousViolations, signAndFail, signAndFinalize, startSession, visit,
} from './session.js';

const SCREENS = path.resolve(import.meta.dirname, '../../test-results/screens');
const HANDLE = 'plaza_web';

test.describe.configure({ mode: 'serial' });

let session;
let node;
let api;
let A;
let B;
/** The community's id, and the posts the tests write. */
let id;
const posts = {};

const card = (page, postId) => page.locator(`article[data-post-id="${postId}"]`);
const indexed = (what, probe) => waitFor(`${what} in the index`, probe, 30_000);

test.beforeAll(async ({ browser }) => {
  session = await startSession(browser, 'web-communities', ['Alice', 'Bob']);
  ({ node, api } = session);
  A = session.people.Alice;
  B = session.people.Bob;
});

test.afterAll(async () => {
  await session?.stop();
});

test('Alice creates a community; Bob joins it and posts into it, and her open page shows the post arrive', async () => {
  await open(node, A, '/communities');
  await A.page.getByRole('link', { name: 'Create a community' }).click();
  await A.page.fill('#community-handle', 'Plaza_Web');
  await A.page.fill('#community-name', 'Plaza Web');
  await A.page.fill('#community-description', 'A place for **testing** the app.');
  await A.page.fill('#community-rules', 'Be kind.');
  await A.page.selectOption('#community-posting', 'Members');
  await A.page.getByRole('button', { name: 'Continue' }).click();
  const panel = A.page.locator('.tx').last();
  await expect(panel).toContainText(/deposit held \d[\d,.]* PLZ/);
  // Once finalized the app opens the new community's page.
  await panel.getByRole('button', { name: 'Sign and submit' }).click();
  await expect(A.page).toHaveURL(/#\/c\/\d+$/, { timeout: 90_000 });
  id = Number(A.page.url().split('/').pop());
  const community = await indexed('the community', () => node.rpc('social_community', [HANDLE]));
  expect(community).toMatchObject({ id, handle: HANDLE, name: 'Plaza Web', owner: A.pair.address, joining: 'open', posting: 'members', members: 0 });
  // Its description is the document Alice wrote, in the node's IPFS store, rendered.
  const description = await fetch(`${node.ipfsUrl}/ipfs/${community.description}`).then((r) => r.text());
  expect(description).toBe('A place for **testing** the app.');
  await expect(A.page.getByRole('heading', { level: 1 })).toHaveText('Plaza Web');
  await expect(A.page.locator('details.document').first().locator('strong')).toHaveText('testing');

  await open(node, B, `/c/${HANDLE}`);
  await expect(B.page.locator('#membership-status')).toHaveText('Anyone may join.');
  await B.page.getByRole('button', { name: 'Join', exact: true }).click();
  await expect(B.page.locator('.tx').last()).toContainText('deposit held');
  await signAndFinalize(B.page);
  const membership = await api.query.communities.memberships(id, B.pair.address);
  expect(membership.unwrap().approved.isTrue).toBe(true);
  await expect(B.page.locator('#membership-status')).toHaveText('You are a member.');
  await indexed('the member', async () => (await node.rpc('social_community', [HANDLE])).members === 1);

  await visit(node, A.page, `/c/${HANDLE}`);
  await expect(A.page.getByText('No posts here yet.')).toBeVisible();
  await B.page.getByRole('link', { name: 'Write here' }).click();
  await expect(B.page.getByRole('heading', { level: 1 })).toHaveText('Write in Plaza Web');
  await B.page.fill('#body', 'Hello, community!');
  await B.page.getByRole('button', { name: 'Continue' }).click();
  posts.bob = await publish(B.page);
  expect((await node.rpc('social_post', [posts.bob])).community).toBe(id);
  await expect(card(B.page, posts.bob).getByRole('link', { name: `c/${HANDLE}` })).toBeVisible();
  // Alice's community page did not reload: the post came to it.
  await expect(card(A.page, posts.bob)).toContainText('Hello, community!');
});

test("Alice pins, hides and mutes with reasons; the log shows each; Bob's next post there is refused; the hidden post stays on his page", async () => {
  const page = A.page;
  await visit(node, page, `/c/${HANDLE}`);
  await card(page, posts.bob).getByRole('button', { name: 'Pin' }).click();
  await page.getByLabel('Reason').fill('Our first post');
  await page.getByRole('button', { name: 'Continue' }).click();
  await signAndFinalize(page);
  expect((await api.query.communities.communities(id)).unwrap().pins.map(Number)).toEqual([posts.bob]);

  await visit(node, page, `/c/${HANDLE}`);
  await expect(page.getByRole('heading', { name: 'Pinned' })).toBeVisible();
  await card(page, posts.bob).first().getByRole('button', { name: 'Hide' }).click();
  // A reason longer than the chain takes is refused before anything is signed.
  await page.getByLabel('Reason').fill('é'.repeat(141));
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'The reason has 282 bytes: at most 280.' })).toBeVisible();
  await page.getByLabel('Reason').fill('Off topic');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.locator('.tx').last()).toContainText('deposit held');
  await signAndFinalize(page);
  await indexed('the hidden post', async () => (await node.rpc('social_post', [posts.bob])).hidden);
  expect((await node.rpc('social_communityFeed', [id, 'new', null, 20, null])).items).toEqual([]);
  expect((await api.query.communities.communities(id)).unwrap().pins.length).toBe(0);

  // The hidden post is on Bob's page, marked, with the moderator's tools for Alice: she mutes him.
  await visit(node, page, `/author/${B.pair.address}`);
  const hidden = card(page, posts.bob);
  await expect(hidden).toContainText("hidden by the community's moderators");
  await hidden.getByRole('button', { name: 'Mute author here' }).click();
  await page.getByLabel('Mute for').selectOption({ label: '1 hour' });
  await page.getByLabel('Reason').fill('Cool down');
  await page.getByRole('button', { name: 'Continue' }).click();
  await signAndFinalize(page);
  const mutedUntil = (await api.query.communities.memberships(id, B.pair.address)).unwrap().mutedUntil.unwrap().toNumber();
  const now = (await api.rpc.chain.getHeader()).number.toNumber();
  expect(mutedUntil - now).toBeGreaterThan(590);
  expect(mutedUntil - now).toBeLessThanOrEqual(600);

  await visit(node, page, `/c/${HANDLE}/log`);
  // Hiding the pinned post unpinned it, under the same reason.
  const log = await indexed('four log entries', async () => {
    const entries = (await node.rpc('social_moderationLog', [id, null, 20])).items;
    return entries.length === 4 && entries;
  });
  expect(log.map((e) => [e.action, e.reason])).toEqual([
    ['mute', 'Cool down'], ['hidePost', 'Off topic'], ['unpinPost', 'Off topic'], ['pinPost', 'Our first post'],
  ]);
  const entries = page.locator('.log-entry');
  await expect(entries).toHaveCount(4);
  await expect(entries.nth(0)).toContainText(`muted ${B.pair.address.slice(0, 6)}`);
  await expect(entries.nth(0)).toContainText('“Cool down”');
  await expect(entries.nth(1)).toContainText(`hid post #${posts.bob}`);
  await expect(entries.nth(2)).toContainText(`unpinned post #${posts.bob}`);
  await expect(entries.nth(3)).toContainText(`pinned post #${posts.bob}`);

  // Muted, Bob's next post in the community is refused with the pallet's own error; nothing is
  // written.
  const before = (await node.rpc('social_postsByAuthor', [B.pair.address])).items.length;
  await open(node, B, `/c/${HANDLE}`);
  await expect(B.page.locator('#membership-status')).toContainText(`muted until block #${mutedUntil.toLocaleString('en')}`);
  // The page offers no "Write here"; a link from elsewhere still reaches the chain, which refuses.
  await expect(B.page.getByRole('link', { name: 'Write here' })).toHaveCount(0);
  await visit(node, B.page, `/compose?community=${id}`);
  await B.page.fill('#body', 'Am I still here?');
  await B.page.getByRole('button', { name: 'Continue' }).click();
  expect(await signAndFail(B.page)).toContain('(communities.Muted)');
  expect((await node.rpc('social_postsByAuthor', [B.pair.address])).items.length).toBe(before);

  // Alice lifts both: the unhide from the post's thread, the unmute by address.
  await visit(node, page, `/post/${posts.bob}`);
  await card(page, posts.bob).getByRole('button', { name: 'Unhide' }).click();
  await page.getByLabel('Reason').fill('Fair enough');
  await page.getByRole('button', { name: 'Continue' }).click();
  await signAndFinalize(page);
  await visit(node, page, `/c/${HANDLE}`);
  await page.getByText('Moderate an account').click();
  await page.fill('#moderate-account', B.pair.address);
  await page.getByRole('button', { name: 'Unmute', exact: true }).click();
  await page.getByLabel('Reason').fill('Welcome back');
  await page.getByRole('button', { name: 'Continue' }).click();
  await signAndFinalize(page);
  expect((await api.query.communities.memberships(id, B.pair.address)).unwrap().mutedUntil.isNone).toBe(true);
  await indexed('the post back in the feed', async () => (await node.rpc('social_communityFeed', [id, 'new', null, 20, null])).items.some((p) => p.id === posts.bob));
});

test('Bob reports a post in the community with a note; Alice reads it under Reports', async () => {
  await visit(node, A.page, `/compose?community=${id}`);
  await A.page.fill('#body', 'Buy cheap tokens here!');
  await A.page.getByRole('button', { name: 'Continue' }).click();
  posts.alice = await publish(A.page);

  await visit(node, B.page, `/post/${posts.alice}`);
  const post = card(B.page, posts.alice);
  await post.getByText('More').click();
  await post.getByRole('button', { name: 'Report' }).click();
  await B.page.getByLabel('Why').selectOption('Spam');
  await B.page.getByLabel('Note (optional)').fill('Looks like an ad.');
  await B.page.getByRole('button', { name: 'Continue' }).click();
  await expect(B.page.locator('.tx').last()).toContainText(`Report #${posts.alice} as spam`);
  await signAndFinalize(B.page);
  const [report] = await indexed('the report', async () => {
    const { items } = await node.rpc('social_reports', [id, null, 20]);
    return items.length && items;
  });
  expect(report).toMatchObject({ postId: posts.alice, reporter: B.pair.address, reason: 'spam' });
  expect(await fetch(`${node.ipfsUrl}/ipfs/${report.note}`).then((r) => r.text())).toBe('Looks like an ad.');

  await visit(node, A.page, `/c/${HANDLE}`);
  await A.page.getByRole('link', { name: 'Reports' }).click();
  const shown = A.page.locator('.report');
  await expect(shown).toHaveCount(1);
  await expect(shown).toContainText(`Post #${posts.alice} reported as spam by`);
  await expect(shown.locator('q')).toHaveText('Looks like an ad.');
});

test("Bob mutes Alice from her post and blocks her from her page: her posts leave his feeds, and her reply to him fails with the pallet's error", async () => {
  const page = B.page;
  await visit(node, page, `/author/${A.pair.address}`);
  await page.getByRole('button', { name: 'Follow' }).click();
  await signAndFinalize(page);
  await indexed('the follow', async () => (await node.rpc('social_homeFeed', [B.pair.address, null, 20])).items.some((p) => p.id === posts.alice));

  await visit(node, page, `/post/${posts.alice}`);
  const post = card(page, posts.alice);
  await post.getByText('More').click();
  await post.getByRole('button', { name: /^Mute / }).click();
  await expect(page.locator('.tx').last()).toContainText('deposit held');
  await signAndFinalize(page);
  expect((await api.query.profiles.mutes(B.pair.address, A.pair.address)).isSome).toBe(true);
  await indexed('the mute', async () => (await node.rpc('social_homeFeed', [B.pair.address, null, 20])).items.length === 0);
  await page.getByRole('link', { name: 'Home' }).click();
  await expect(page.getByText('Nothing yet')).toBeVisible();
  await expect(card(page, posts.alice)).toHaveCount(0);

  await visit(node, page, `/author/${A.pair.address}`);
  await expect(page.getByRole('button', { name: 'Unmute' })).toBeVisible();
  await page.getByRole('button', { name: 'Block', exact: true }).click();
  await signAndFinalize(page);
  expect((await api.query.profiles.blocks(B.pair.address, A.pair.address)).isSome).toBe(true);
  // A block ends the follow.
  expect((await api.query.profiles.following(B.pair.address, A.pair.address)).isNone).toBe(true);

  const replies = (await node.rpc('social_post', [posts.bob])).replies;
  await visit(node, A.page, `/compose?reply=${posts.bob}`);
  await A.page.fill('#body', 'Listen to me!');
  await A.page.getByRole('button', { name: 'Continue' }).click();
  expect(await signAndFail(A.page)).toContain('(profiles.BlockedByAccount)');
  expect((await node.rpc('social_post', [posts.bob])).replies).toBe(replies);

  await page.getByRole('button', { name: 'Unblock' }).click();
  await signAndFinalize(page);
  await page.getByRole('button', { name: 'Unmute' }).click();
  await signAndFinalize(page);
  expect((await api.query.profiles.blocks(B.pair.address, A.pair.address)).isNone).toBe(true);
  expect((await api.query.profiles.mutes(B.pair.address, A.pair.address)).isNone).toBe(true);
});

test('the community views at phone and desktop width: screenshots, and no serious accessibility violation', async ({ browser }) => {
  mkdirSync(SCREENS, { recursive: true });
  const views = {
    communities: '/communities',
    'new-community': '/communities/new',
    community: `/c/${HANDLE}`,
    'moderation-log': `/c/${HANDLE}/log`,
    reports: `/c/${HANDLE}/reports`,
  };
  for (const [label, viewport] of [['phone', { width: 390, height: 844 }], ['desktop', { width: 1280, height: 800 }]]) {
    // Alice, who moderates: her community page has every tool on it.
    const person = { pair: A.pair, ...(await personWithExtension(browser, api, A.pair, 'Alice', viewport)) };
    try {
      for (const [name, hash] of Object.entries(views)) {
        await open(node, person, hash);
        await expect(person.page.locator('#main h1')).toBeVisible();
        await person.page.waitForLoadState('networkidle');
        await person.page.screenshot({ path: path.join(SCREENS, `${name}-${label}.png`), fullPage: true });
        expect(await seriousViolations(person.page, `${name} (${label})`)).toEqual([]);
        // At phone width nothing scrolls sideways.
        if (label === 'phone') {
          expect(await person.page.evaluate(() => document.documentElement.scrollWidth), name).toBeLessThanOrEqual(390);
        }
      }
    } finally {
      await person.context.close();
    }
  }
});
