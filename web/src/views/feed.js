// Lists of posts read page by page with the node's keyset cursors (infinite scroll, and a button
// for keyboards), with new posts arriving live where the node pushes them.
import { social, subscribeSocial } from '../chain.js';
import { pager } from '../lib/paging.js';
import { h } from '../ui.js';
import { postCard } from './post.js';

const PAGE = 20;

/**
 * Appends a paged list to `container`. `fetchPage(cursor)` reads one page. Returns
 * `{ prepend(post), missed() }`: `prepend` shows a post that arrived live (once), first, or last
 * with `liveAtEnd` (a thread's replies, oldest first); `missed` offers to reload.
 */
export function pagedPosts(app, container, fetchPage, empty, { liveAtEnd = false } = {}) {
  const list = h('div', { class: 'posts' });
  const more = h('button', { type: 'button', class: 'more' }, 'Load more');
  const note = h('p', { class: 'muted', role: 'status' });
  const pages = pager(fetchPage);
  const load = async () => {
    more.disabled = true;
    try {
      const posts = await pages.more();
      for (const post of posts) list.append(postCard(app, post));
      if (pages.done && list.childElementCount === 0) note.textContent = empty;
    } catch (error) {
      note.textContent = `The node could not list posts: ${error.message}`;
    }
    more.hidden = pages.done;
    more.disabled = false;
  };
  more.addEventListener('click', load);
  container.append(list, note, more);
  // Infinite scroll: the next page loads as the button comes into view.
  const observer = new IntersectionObserver((entries) => {
    if (entries.some((entry) => entry.isIntersecting) && !more.hidden && !more.disabled) load();
  });
  observer.observe(more);
  app.onLeave(() => observer.disconnect());
  load();
  return {
    /** Says that live posts were missed (the node dropped them for a slow reader). */
    missed() {
      note.replaceChildren('Some new posts were missed: ', h('a', { href: location.hash, onclick: () => app.route() }, 'show the latest'), '.');
    },
    prepend(post) {
      if (!pages.saw(post)) return;
      note.textContent = '';
      const card = postCard(app, post);
      if (liveAtEnd) list.append(card);
      else list.prepend(card);
    },
  };
}

/** The home feed: posts of the accounts the reader follows, new ones live. */
export async function homeView(app, main) {
  main.append(h('h1', {}, 'Home'));
  if (!app.account) {
    main.append(h('p', {}, 'Choose an account (top right) to see the posts of the people it follows, or read ', h('a', { href: '#/trending' }, 'Trending'), '.'));
    return;
  }
  const address = app.account.address;
  const feed = pagedPosts(app, main, (cursor) => social(app.chain, 'homeFeed', address, cursor, PAGE), 'Nothing yet: follow people from their pages to see their posts here.');
  const stop = await subscribeSocial(app.chain, 'HomeFeed', [address], (item) => {
    if (item?.lostUpdates) feed.missed();
    else if (item?.id !== undefined) feed.prepend(item);
  });
  app.onLeave(stop);
}

/** Trending: original posts by hot rank. */
export function trendingView(app, main) {
  main.append(h('h1', {}, 'Trending'));
  // With an account, without the posts of accounts it mutes or blocks.
  const reader = app.account?.address ?? null;
  pagedPosts(app, main, (cursor) => social(app.chain, 'trending', cursor, PAGE, reader), 'No posts yet.');
}
