// A post as a card: author, time, body (read from the node's gateway, rendered as safe Markdown),
// counts, and the actions a reader can take on it.
import { confirmAction } from '../action.js';
import { formatAmount, parseAmount } from '../lib/amount.js';
import { renderMarkdown } from '../lib/markdown.js';
import { social } from '../chain.js';
import { readBody } from '../ipfs.js';
import { ago, h, shortAddress } from '../ui.js';
import { moderatorTools, personalButtons, reportForm } from './moderation.js';

/** An author's name as the app shows it: `@handle`, or the short address. */
export async function authorName(app, address) {
  const profile = await app.profile(address);
  return profile?.handle ? `@${profile.handle}` : shortAddress(address);
}

/** Fills `element` with the body of `post`. */
async function showBody(app, post, element) {
  if (post.deleted) {
    element.textContent = 'This post was deleted by its author.';
    return;
  }
  if (post.kind === 'repost') {
    element.replaceChildren(h('a', { href: `#/post/${post.original}` }, `Reposted #${post.original}`));
    return;
  }
  const text = post.body?.encoding === 'utf8' ? post.body.data : await readBody(app.config.ipfs, post.content);
  if (text === null) {
    element.replaceChildren(h('span', { class: 'muted' }, 'The body is not on this node yet.'));
    return;
  }
  element.innerHTML = renderMarkdown(text);
}

/** The counts line of `post`. */
function countsText(app, post) {
  const tips = formatAmount(post.tips, { decimals: app.chain.decimals, symbol: app.chain.symbol });
  const count = (n, one, many) => `${n} ${n === 1 ? one : many}`;
  return `▲ ${post.upvotes} · ▼ ${post.downvotes} · ${count(post.replies, 'reply', 'replies')} · ${count(post.reposts, 'repost', 'reposts')} · tips ${tips}`;
}

/**
 * The card of `post`. After an action of the reader's, its counts are read again from the node
 * (whose index follows finality) until they move.
 */
export function postCard(app, post) {
  const card = h('article', { class: `post${post.deleted ? ' deleted' : ''}`, dataset: { postId: post.id }, 'aria-label': `Post ${post.id}` });
  const author = h('a', { href: `#/author/${post.author}` }, shortAddress(post.author));
  const badge = h('span', { class: 'badge', hidden: !post.hidden }, "hidden by the community's moderators");
  authorName(app, post.author).then((name) => {
    author.textContent = name;
  });
  const header = h(
    'header',
    {},
    author,
    h('span', {}, ago(post.createdAt)),
    h('a', { href: `#/post/${post.id}` }, `#${post.id}`),
    post.parent !== null && post.parent !== undefined ? h('span', {}, 'reply to ', h('a', { href: `#/post/${post.parent}` }, `#${post.parent}`)) : null,
    post.revision > 0 ? h('span', {}, 'edited') : null,
    post.via ? h('span', { title: `Posted for its author by the app ${post.via}` }, 'via ', h('a', { href: `#/author/${post.via}` }, shortAddress(post.via))) : null,
    inCommunity(app, post),
    badge,
  );
  const body = h('div', { class: 'body' }, h('span', { class: 'muted' }, 'Loading…'));
  showBody(app, post, body);
  const panel = h('div');
  const counts = h('p', { class: 'muted counts' }, countsText(app, post));
  card.append(header, body, counts);
  const changed = async () => {
    const before = counts.textContent;
    for (let i = 0; i < 15 && counts.textContent === before; i++) {
      const fresh = await social(app.chain, 'post', post.id, false).catch(() => null);
      if (fresh) counts.textContent = countsText(app, fresh);
      if (counts.textContent === before) await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  };
  if (post.kind !== 'repost' && !post.deleted) card.append(actions(app, post, panel, changed));
  card.append(panel);
  // A moderator of the post's community gets their tools below it, drawn again from the node's
  // records after each of their actions.
  if (hasCommunity(post) && app.account && !post.deleted && post.kind !== 'repost') {
    const slot = h('div');
    panel.before(slot);
    const draw = async (current) => {
      const community = await app.community(current.community);
      const tools = community ? await moderatorTools(app, current, community, panel, redraw) : null;
      slot.replaceChildren(...(tools ? [tools] : []));
      badge.hidden = !current.hidden;
    };
    const redraw = async () => {
      app.communities.delete(String(post.community));
      const fresh = await social(app.chain, 'post', post.id, false).catch(() => null);
      await draw(fresh ?? post);
    };
    draw(post).catch(() => {});
  }
  /** Shows `fresh` counts of the same post (a vote, a tip, a reply), keeping any open panel. */
  card.updateCounts = (fresh) => {
    counts.textContent = countsText(app, fresh);
  };
  return card;
}

/** Whether `post` is in a community (a reply: its thread's). */
const hasCommunity = (post) => post.community !== null && post.community !== undefined;

/** "in c/handle", linking to the post's community, or `null` outside one. */
function inCommunity(app, post) {
  if (!hasCommunity(post)) return null;
  const link = h('a', { href: `#/c/${post.community}` }, `community ${post.community}`);
  app.community(post.community).then((community) => {
    if (community) link.textContent = `c/${community.handle}`;
  });
  return h('span', {}, 'in ', link);
}

/** "More": reporting the post, muting or blocking its author (read when opened). */
function moreActions(app, post, panel) {
  const more = h('details', { class: 'more-actions' }, h('summary', {}, 'More'));
  const report = h('button', { type: 'button', onclick: () => reportForm(app, panel, post) }, 'Report');
  const row = h('div', { class: 'actions' }, report);
  more.append(row);
  let loaded = false;
  more.addEventListener('toggle', async () => {
    if (!more.open || loaded || !app.account) return;
    loaded = true;
    const name = await authorName(app, post.author);
    row.append(...await personalButtons(app, post.author, name, panel, { named: true }));
  });
  return more;
}

/** Tip forms opened so far, numbering their fields. */
let tipForms = 0;

/** The buttons under a live post. */
function actions(app, post, panel, onChanged) {
  const api = app.chain.api;
  const mine = app.account?.address === post.author;
  const run = (title, build, extra = {}) => confirmAction(app, panel, { title, build, onDone: onChanged, ...extra });
  const vote = (direction) => async () => {
    const current = app.account ? await api.query.votes.votes(post.id, app.account.address) : null;
    if (current?.isSome && current.unwrap().direction.type === direction) {
      run(`Remove your ${direction === 'Up' ? 'up' : 'down'}vote`, () => api.tx.votes.unvote(post.id));
    } else {
      run(`${direction === 'Up' ? 'Upvote' : 'Downvote'} post #${post.id}`, () => api.tx.votes.vote(post.id, direction));
    }
  };
  const tip = () => {
    panel.replaceChildren();
    // A post can be on a page twice (pinned, and in the feed): each form's field is its own.
    const input = h('input', { id: `tip-${post.id}-${++tipForms}`, 'data-tip-for': post.id, inputmode: 'decimal', placeholder: '1.5', autocomplete: 'off' });
    const error = h('p', { class: 'error', role: 'alert' });
    const next = h('div');
    const go = h('button', { type: 'submit', class: 'primary' }, 'Continue');
    const form = h('form', { class: 'tx' }, h('label', { for: input.id }, `Tip, in ${app.chain.symbol}`), input, error, go, next);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      let amount;
      try {
        amount = parseAmount(input.value, app.chain.decimals);
        error.textContent = '';
      } catch (e) {
        error.textContent = e.message;
        return;
      }
      const shown = formatAmount(amount, { decimals: app.chain.decimals, symbol: app.chain.symbol, maxDecimals: 12 });
      confirmAction(app, next, {
        title: `Tip ${shown} to the author of #${post.id}`,
        extraHold: `${shown} goes to the author`,
        build: () => api.tx.rewards.tip(post.id, amount),
        onDone: onChanged,
      });
    });
    panel.append(form);
    input.focus();
  };
  return h(
    'div',
    { class: 'actions' },
    h('button', { type: 'button', onclick: vote('Up'), 'aria-label': `Upvote post ${post.id}` }, '▲ Up'),
    h('button', { type: 'button', onclick: vote('Down'), 'aria-label': `Downvote post ${post.id}` }, '▼ Down'),
    h('a', { class: 'button', href: `#/compose?reply=${post.id}` }, 'Reply'),
    h('button', { type: 'button', onclick: () => run(`Repost #${post.id}`, () => api.tx.posts.repost(post.id)) }, 'Repost'),
    h('button', { type: 'button', onclick: tip }, 'Tip'),
    mine ? h('a', { class: 'button', href: `#/compose?edit=${post.id}` }, 'Edit') : null,
    mine ? h('button', { type: 'button', onclick: () => run(`Delete #${post.id}`, () => api.tx.posts.deletePost(post.id)) }, 'Delete') : null,
    mine ? null : moreActions(app, post, panel),
  );
}
