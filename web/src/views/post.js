// A post as a card: author, time, body (read from the node's gateway, rendered as safe Markdown),
// counts, and the actions a reader can take on it.
import { confirmAction } from '../action.js';
import { formatAmount, parseAmount } from '../lib/amount.js';
import { renderMarkdown } from '../lib/markdown.js';
import { social } from '../chain.js';
import { readBody } from '../ipfs.js';
import { ago, h, shortAddress } from '../ui.js';

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
  /** Shows `fresh` counts of the same post (a vote, a tip, a reply), keeping any open panel. */
  card.updateCounts = (fresh) => {
    counts.textContent = countsText(app, fresh);
  };
  return card;
}

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
    const input = h('input', { id: `tip-${post.id}`, inputmode: 'decimal', placeholder: '1.5', autocomplete: 'off' });
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
  );
}
