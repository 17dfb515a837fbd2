// A post with its thread below it; votes, tips and new replies arrive live.
import { social, subscribeSocial } from '../chain.js';
import { h } from '../ui.js';
import { pagedPosts } from './feed.js';
import { postCard } from './post.js';

export async function threadView(app, main, id) {
  const postId = Number(id);
  if (!Number.isSafeInteger(postId) || postId < 0) {
    main.append(h('p', { class: 'error' }, `"${id}" is not a post number.`));
    return;
  }
  const api = app.chain.api;
  let post = await social(app.chain, 'post', postId, true);
  if (!post) {
    main.append(h('h1', {}, `Post #${postId}`), h('p', {}, 'No post has this number.'));
    return;
  }
  main.append(h('h1', {}, post.kind === 'reply' ? `Reply #${postId}` : `Post #${postId}`));
  if (post.root !== null && post.root !== undefined) {
    main.append(h('p', {}, 'In the thread of ', h('a', { href: `#/post/${post.root}` }, `#${post.root}`)));
  }
  let card = postCard(app, post);
  main.append(card);
  main.append(h('h2', {}, 'Replies'));
  const replies = h('div', { class: 'replies' });
  main.append(replies);
  const list = pagedPosts(app, replies, (cursor) => social(app.chain, 'replies', postId, cursor, 20), 'No replies yet.', { liveAtEnd: true });
  const stop = await subscribeSocial(app.chain, 'Post', [postId], (update) => {
    if (!update?.post) return;
    if (update.event === 'reply') list.prepend(update.post);
    if (update.event === 'updated' && update.post.id === postId) {
      // An edit or a delete changes the body: the card is made again. Counts change in place.
      if (update.post.revision !== post.revision || update.post.deleted !== post.deleted) {
        const fresh = postCard(app, update.post);
        card.replaceWith(fresh);
        card = fresh;
      } else {
        card.updateCounts(update.post);
      }
      post = update.post;
    }
  });
  app.onLeave(stop);
}
