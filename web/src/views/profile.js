// Profiles: a person's own (handle, display name, and a profile document in IPFS with a bio and
// an optional avatar CID), an author's page with follow and unfollow, and follower lists.
import { confirmAction } from '../action.js';
import { social } from '../chain.js';
import { addBody, readBody } from '../ipfs.js';
import { pager } from '../lib/paging.js';
import { h, shortAddress } from '../ui.js';
import { pagedPosts } from './feed.js';
import { personalButtons } from './moderation.js';

/** The most bytes of a bio the app writes into a profile document. */
const MAX_BIO = 2_000;

/**
 * Refuses a handle or display name longer than the runtime's bounds (its metadata constants):
 * the chain could not even decode such a call. Everything else the pallet checks itself.
 */
export function checkLengths(api, handle, displayName) {
  const maxHandle = api.consts.profiles.maxHandleLength.toNumber();
  const maxName = api.consts.profiles.maxDisplayNameLength.toNumber();
  const handleBytes = new TextEncoder().encode(handle).length;
  if (handleBytes > maxHandle) throw new Error(`The handle has ${handleBytes} characters: at most ${maxHandle}.`);
  const nameBytes = new TextEncoder().encode(displayName).length;
  if (nameBytes > maxName) throw new Error(`The display name has ${nameBytes} bytes: at most ${maxName}.`);
}

/** The profile document (`{ bio, avatar }`) under `cid`, or `{}` when it cannot be read. */
async function profileDocument(app, cid) {
  if (!cid) return {};
  try {
    const document = JSON.parse((await readBody(app.config.ipfs, cid)) ?? '{}');
    return { bio: typeof document.bio === 'string' ? document.bio.slice(0, MAX_BIO) : '', avatar: typeof document.avatar === 'string' ? document.avatar : '' };
  } catch {
    return {};
  }
}

/** The profile card of `profile` (a `social_profile` answer). */
async function profileCard(app, profile) {
  const document = await profileDocument(app, profile.metadata);
  return h(
    'section',
    { class: 'profile-card', 'aria-label': 'Profile' },
    h('h2', {}, profile.displayName || (profile.handle ? `@${profile.handle}` : shortAddress(profile.account))),
    profile.handle ? h('p', { class: 'muted' }, `@${profile.handle}`) : null,
    document.bio ? h('p', { class: 'bio' }, document.bio) : null,
    h('p', { class: 'muted' }, h('a', { href: `#/people/${profile.account}/followers` }, `${profile.followers} followers`), ' · ', h('a', { href: `#/people/${profile.account}/following` }, `${profile.following} following`), ` · ${profile.posts} posts`),
    h('p', { class: 'muted address' }, profile.account),
  );
}

/** An author's page: profile, follow button, posts. */
export async function authorView(app, main, who) {
  const api = app.chain.api;
  const profile = await social(app.chain, 'profile', decodeURIComponent(who));
  if (!profile) {
    main.append(h('h1', {}, 'Unknown account'), h('p', {}, `No profile or post for "${decodeURIComponent(who)}".`));
    return;
  }
  main.append(h('h1', {}, profile.handle ? `@${profile.handle}` : shortAddress(profile.account)));
  main.append(await profileCard(app, profile));
  const panel = h('div');
  if (app.account && app.account.address !== profile.account) {
    let follows = (await api.query.profiles.following(app.account.address, profile.account)).isSome;
    const button = h('button', { type: 'button', class: 'primary' });
    const show = () => {
      button.textContent = follows ? 'Unfollow' : 'Follow';
    };
    show();
    const name = profile.handle ? `@${profile.handle}` : shortAddress(profile.account);
    button.addEventListener('click', () =>
      confirmAction(app, panel, {
        title: follows ? `Unfollow ${name}` : `Follow ${name}`,
        build: () => (follows ? api.tx.profiles.unfollow(profile.account) : api.tx.profiles.follow(profile.account)),
        onDone: () => {
          follows = !follows;
          show();
        },
      }),
    );
    // A block ends the follows between the two and refuses new ones: Follow goes while it lasts.
    const lists = await personalButtons(app, profile.account, name, panel, {
      onChange: async ({ blocked }) => {
        button.hidden = blocked;
        follows = (await api.query.profiles.following(app.account.address, profile.account)).isSome;
        show();
      },
    });
    main.append(h('div', { class: 'row' }, button, ...lists), panel);
  }
  main.append(h('h2', {}, 'Posts'));
  pagedPosts(app, main, (cursor) => social(app.chain, 'postsByAuthor', profile.account, cursor, 20), 'No posts yet.');
}

/** Followers or following of an account. */
export async function peopleView(app, main, who, which) {
  const api = app.chain.api;
  const method = which === 'following' ? 'following' : 'followers';
  main.append(h('h1', {}, `${method === 'following' ? 'Following' : 'Followers'} of ${shortAddress(who)}`));
  const list = h('ul', { class: 'people' });
  const more = h('button', { type: 'button', class: 'more' }, 'Load more');
  const pages = pager((cursor) => social(app.chain, method, who, cursor, 50), (profile) => profile.account);
  const load = async () => {
    for (const profile of await pages.more()) {
      list.append(h('li', {}, h('a', { href: `#/author/${profile.account}` }, profile.handle ? `@${profile.handle}` : shortAddress(profile.account)), profile.displayName ? ` ${profile.displayName}` : ''));
    }
    more.hidden = pages.done;
    if (pages.done && list.childElementCount === 0) list.append(h('li', { class: 'muted' }, 'Nobody yet.'));
  };
  more.addEventListener('click', load);
  main.append(list, more);
  await load();
}

/** The reader's own profile: view and edit. */
export async function meView(app, main) {
  main.append(h('h1', {}, 'Your profile'));
  if (!app.account) {
    main.append(h('p', {}, 'Choose an account (top right) first.'));
    return;
  }
  const api = app.chain.api;
  const address = app.account.address;
  const profile = await social(app.chain, 'profile', address);
  if (profile) main.append(await profileCard(app, profile));
  const document = await profileDocument(app, profile?.metadata);
  const handle = h('input', { id: 'handle', value: profile?.handle ?? '', autocomplete: 'off', 'aria-describedby': 'handle-hint' });
  const name = h('input', { id: 'display-name', value: profile?.displayName ?? '', autocomplete: 'off' });
  const bio = h('textarea', { id: 'bio', maxlength: MAX_BIO });
  bio.value = document.bio ?? '';
  const avatar = h('input', { id: 'avatar', value: document.avatar ?? '', autocomplete: 'off', placeholder: 'bafy… (optional)' });
  const error = h('p', { class: 'error', role: 'alert' });
  const panel = h('div');
  const form = h(
    'form',
    {},
    h('label', { for: 'handle' }, 'Handle'),
    handle,
    h('p', { id: 'handle-hint', class: 'hint' }, '3–32 characters: a–z, 0–9 and _. Unique on the chain.'),
    h('label', { for: 'display-name' }, 'Display name'),
    name,
    h('label', { for: 'bio' }, 'Bio'),
    bio,
    h('label', { for: 'avatar' }, 'Avatar image CID'),
    avatar,
    error,
    h('button', { type: 'submit', class: 'primary' }, 'Continue'),
    panel,
  );
  main.append(h('h2', {}, profile?.handle ? 'Edit' : 'Create your profile'), form);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.textContent = '';
    let metadata = null;
    if (bio.value.trim() || avatar.value.trim()) {
      const json = JSON.stringify({ bio: bio.value.trim(), avatar: avatar.value.trim() || undefined });
      try {
        metadata = (await addBody(app.config.ipfs, new TextEncoder().encode(json))).cid;
      } catch (e) {
        error.textContent = e.message;
        return;
      }
    }
    confirmAction(app, panel, {
      title: profile?.handle ? 'Save your profile' : 'Create your profile',
      build: () => {
        checkLengths(api, handle.value.trim(), name.value.trim());
        return api.tx.profiles.setProfile(handle.value.trim(), name.value.trim(), metadata);
      },
      onDone: () => {
        app.forgetProfile(address);
        panel.append(h('p', {}, h('a', { href: `#/author/${address}` }, 'See your page')));
      },
    });
  });
  if (profile?.handle) {
    main.append(h('p', {}, h('a', { href: `#/author/${address}` }, 'See your page and posts')));
  }
}
