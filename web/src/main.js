// The app: connects to the node, keeps the chosen account, and shows the view the URL names.
import { extensionAccounts, devAccounts } from './accounts.js';
import { connect, social, watchHeights } from './chain.js';
import { nodeConfig } from './config.js';
import { h, shortAddress } from './ui.js';
import {
  communitiesView, communityView, createCommunityView, moderationLogView, reportsView,
} from './views/communities.js';
import { composeView } from './views/compose.js';
import { homeView, trendingView } from './views/feed.js';
import { authorView, meView, peopleView } from './views/profile.js';
import { rewardsView } from './views/rewards.js';
import { settingsView } from './views/settings.js';
import { threadView } from './views/thread.js';

const ACCOUNT_KEY = 'plaza.account';

const app = {
  config: null,
  chain: null,
  accounts: [],
  account: null,
  leaving: [],
  profiles: new Map(),
  communities: new Map(),
  /** Runs `stop` when the reader leaves the current view. */
  onLeave(stop) {
    this.leaving.push(stop);
  },
  /** A profile by address, cached for the session. */
  profile(address) {
    if (!this.profiles.has(address)) this.profiles.set(address, social(this.chain, 'profile', address).catch(() => null));
    return this.profiles.get(address);
  },
  forgetProfile(address) {
    this.profiles.delete(address);
  },
  /** A community by id or handle, cached until the reader changes view. */
  community(idOrHandle) {
    const key = String(idOrHandle);
    if (!this.communities.has(key)) this.communities.set(key, social(this.chain, 'community', key).catch(() => null));
    return this.communities.get(key);
  },
  route: () => route(),
};

const routes = [
  [/^\/?(home)?$/, (main) => homeView(app, main)],
  [/^\/trending$/, (main) => trendingView(app, main)],
  [/^\/post\/([^/]+)$/, (main, [id]) => threadView(app, main, id)],
  [/^\/author\/([^/]+)$/, (main, [who]) => authorView(app, main, who)],
  [/^\/people\/([^/]+)\/(followers|following)$/, (main, [who, which]) => peopleView(app, main, who, which)],
  [/^\/compose$/, (main, _, query) => composeView(app, main, query)],
  [/^\/me$/, (main) => meView(app, main)],
  [/^\/rewards$/, (main) => rewardsView(app, main)],
  [/^\/settings$/, (main) => settingsView(app, main)],
  [/^\/communities$/, (main) => communitiesView(app, main)],
  [/^\/communities\/new$/, (main) => createCommunityView(app, main)],
  [/^\/c\/([^/]+)$/, (main, [which], query) => communityView(app, main, which, query)],
  [/^\/c\/([^/]+)\/log$/, (main, [which]) => moderationLogView(app, main, which)],
  [/^\/c\/([^/]+)\/reports$/, (main, [which]) => reportsView(app, main, which)],
];

async function route() {
  for (const stop of app.leaving.splice(0)) stop();
  // Communities change with moderators' actions: each view reads them afresh.
  app.communities.clear();
  const [path, search = ''] = location.hash.replace(/^#/, '').split('?');
  // Each route draws into a container of its own: a route still loading when the next one starts
  // (a change of account, a quick click) finishes into a container no longer on the page.
  const main = document.createElement('div');
  document.getElementById('main').replaceChildren(main);
  // A community's pages sit under Communities.
  const section = /^\/c\/|^\/communities/.test(path) ? '/communities' : path || '/home';
  for (const link of document.querySelectorAll('nav a')) {
    link.toggleAttribute('aria-current', link.getAttribute('href') === `#${section}`);
    if (link.hasAttribute('aria-current')) link.setAttribute('aria-current', 'page');
  }
  const match = routes.find(([pattern]) => pattern.test(path));
  if (!match) {
    main.append(h('h1', {}, 'Not found'), h('p', {}, h('a', { href: '#/home' }, 'Home')));
    return;
  }
  try {
    await match[1](main, path.match(match[0]).slice(1), new URLSearchParams(search));
  } catch (error) {
    main.append(h('p', { class: 'error', role: 'alert' }, `Something went wrong: ${error.message}`));
  }
}

/** Fills the account picker: the extension's accounts, then (development chains) the dev keys. */
async function loadAccounts() {
  const select = document.getElementById('account-select');
  const found = await extensionAccounts('Plaza', app.chain.ss58).catch(() => []);
  const dev = app.chain.development ? await devAccounts(app.chain.ss58) : [];
  // A development key the extension also holds is listed once, as the extension's.
  app.accounts = [...found, ...dev.filter((d) => !found.some((f) => f.address === d.address))];
  document.getElementById('dev-warning').hidden = dev.length === 0;
  select.replaceChildren(h('option', { value: '' }, app.accounts.length ? 'Reading only' : 'No accounts: install a wallet extension'));
  for (const account of app.accounts) {
    select.append(h('option', { value: account.address }, `${account.name} · ${shortAddress(account.address)}`));
  }
  const saved = localStorage.getItem(ACCOUNT_KEY);
  app.account = app.accounts.find((account) => account.address === saved) ?? null;
  select.value = app.account?.address ?? '';
  select.disabled = app.accounts.length === 0;
  select.addEventListener('change', () => {
    app.account = app.accounts.find((account) => account.address === select.value) ?? null;
    localStorage.setItem(ACCOUNT_KEY, select.value);
    route();
  });
}

async function start() {
  const status = document.getElementById('chain-status');
  app.config = await nodeConfig();
  try {
    app.chain = await connect(app.config.rpc);
  } catch (error) {
    status.textContent = `Cannot reach the node at ${app.config.rpc}: ${error.message ?? error}. Choose another under Node.`;
    status.classList.add('error');
    app.chain = null;
    document.getElementById('main').replaceChildren(h('p', {}, 'Check that plaza-node runs, or ', h('a', { href: '#/settings' }, 'choose another node'), '.'));
    return;
  }
  await watchHeights(app.chain.api, ({ best, finalized }) => {
    status.textContent = `${app.chain.name} · block #${best.toLocaleString('en')} · finalized #${finalized.toLocaleString('en')}`;
    status.dataset.best = best;
    status.dataset.finalized = finalized;
  });
  await loadAccounts();
  window.addEventListener('hashchange', route);
  await route();
}

start();
