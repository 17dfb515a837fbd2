// What the browser tests share: a real `plaza-node --dev` serving the built app, people with
// their own funded keys, and the steps every test repeats (open the app as someone, sign what a
// panel shows, publish what the page composed, check a view's accessibility).
import { existsSync } from 'node:fs';
import path from 'node:path';

import AxeBuilder from '@axe-core/playwright';
import { expect } from '@playwright/test';
import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';

import { startNode, tempDir } from '../../../tests/lib/node.js';
import { personWithExtension } from './extension.js';

const DIST = path.resolve(import.meta.dirname, '../../dist');
export const PLZ = 10n ** 12n;

/**
 * Starts a dev node serving the app and gives `names` keys of their own (`//Alice//web-person`
 * for "Alice", …), each funded with 1,000 PLZ by //Alice and holding the test extension in a
 * browser context. Resolves with `{ node, api, people: { Alice: { pair, context, page, signed } },
 * stop() }`.
 */
export async function startSession(browser, label, names) {
  expect(existsSync(path.join(DIST, 'index.html')), 'build the app first: npm run build').toBe(true);
  const base = tempDir(label);
  let node;
  let api;
  const people = {};
  const stop = async () => {
    for (const person of Object.values(people)) await person.context.close();
    await api?.disconnect();
    await node?.stop();
    base.cleanup();
  };
  try {
    node = await startNode({ name: label, args: ['--dev', '--web-dir', DIST], basePath: base.dir });
    api = await ApiPromise.create({ provider: new WsProvider(node.wsUrl), noInitWarn: true });
    const keyring = new Keyring({ type: 'sr25519', ss58Format: api.registry.chainSS58 });
    const pairs = names.map((name) => keyring.addFromUri(`//${name}//web-person`, { name }));
    const fund = api.tx.utility.batchAll(pairs.map((p) => api.tx.balances.transferKeepAlive(p.address, 1_000n * PLZ)));
    await new Promise((resolve, reject) => {
      fund.signAndSend(keyring.addFromUri('//Alice'), ({ status, dispatchError }) => {
        if (dispatchError) reject(new Error(dispatchError.toString()));
        if (status.isFinalized) resolve();
      }).catch(reject);
    });
    for (const [i, name] of names.entries()) {
      people[name] = { pair: pairs[i], ...(await personWithExtension(browser, api, pairs[i], name)) };
    }
  } catch (error) {
    // Nothing is left running when the session cannot start.
    await stop().catch(() => {});
    throw error;
  }
  return { node, api, people, stop };
}

/** The app's address on `node`, at `hash` (`/post/3`). */
export const appUrl = (node, hash = '') => `${node.ipfsUrl}/app/${hash ? `#${hash}` : ''}`;

/**
 * Shows the app's view at `hash` afresh: going to the URL a page is already on changes nothing
 * (no navigation, no `hashchange`), so that page is reloaded instead.
 */
export async function visit(node, page, hash) {
  const url = appUrl(node, hash);
  if (page.url() === url) await page.reload();
  else await page.goto(url);
}

/** Opens the app on `hash` as `person` (choosing the extension's account). */
export async function open(node, person, hash) {
  await visit(node, person.page, hash);
  await expect(person.page.locator('#chain-status')).toContainText('finalized #');
  const select = person.page.locator('#account-select');
  if ((await select.inputValue()) !== person.pair.address) {
    await select.selectOption(person.pair.address);
  }
}

/** Signs the action the page's newest panel shows and waits until it is finalized. */
export async function signAndFinalize(page) {
  const panel = page.locator('.tx').last();
  await expect(panel).toContainText('Fee ');
  await panel.getByRole('button', { name: 'Sign and submit' }).click();
  await expect(panel).toContainText('Done: finalized.', { timeout: 90_000 });
}

/** Signs the action the page's newest panel shows; resolves with the failure it reports. */
export async function signAndFail(page) {
  const panel = page.locator('.tx').last();
  await expect(panel).toContainText('Fee ');
  await panel.getByRole('button', { name: 'Sign and submit' }).click();
  await expect(panel).toContainText('Failed: ', { timeout: 90_000 });
  return panel.textContent();
}

/** Signs the post, reply or edit the page composed; once finalized the app opens it: its id. */
export async function publish(page) {
  const panel = page.locator('.tx').last();
  await expect(panel).toContainText('Fee ');
  await panel.getByRole('button', { name: 'Sign and submit' }).click();
  await expect(page).toHaveURL(/#\/post\/\d+$/, { timeout: 90_000 });
  return Number(page.url().split('/').pop());
}

/** The serious or critical accessibility violations on `page`, each as "name: rule help". */
export async function seriousViolations(page, name) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${name}: ${v.id} ${v.help}`);
}
