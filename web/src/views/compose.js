// Writing: a post, a reply or an edit, in Markdown with a live preview. The body goes to the
// node's IPFS endpoint first; the transaction then names its CID and size.
import { confirmAction } from '../action.js';
import { social } from '../chain.js';
import { addBody, readBody } from '../ipfs.js';
import { renderMarkdown } from '../lib/markdown.js';
import { h } from '../ui.js';

export async function composeView(app, main, query) {
  const api = app.chain.api;
  const replyTo = query.get('reply') === null ? null : Number(query.get('reply'));
  const editing = query.get('edit') === null ? null : Number(query.get('edit'));
  const community = query.get('community') === null ? null : await app.community(query.get('community'));
  if (query.get('community') !== null && (!community || community.closed)) {
    const why = community ? `c/${community.handle} is closed.` : `No community "${query.get('community')}".`;
    main.append(h('h1', {}, 'Write a post'), h('p', { class: 'error' }, why));
    return;
  }
  const maxBody = api.consts.posts.maxBodySize.toNumber();
  main.append(h('h1', {}, editing !== null ? `Edit post #${editing}` : replyTo !== null ? `Reply to #${replyTo}` : community ? `Write in ${community.name}` : 'Write a post'));
  if (replyTo !== null) main.append(h('p', {}, 'Replying to ', h('a', { href: `#/post/${replyTo}` }, `post #${replyTo}`), '.'));
  if (community) main.append(h('p', {}, 'Posting into ', h('a', { href: `#/c/${community.handle}` }, `c/${community.handle}`), ': its members and moderators see it in its feed.'));
  const text = h('textarea', { id: 'body', 'aria-describedby': 'body-hint', maxlength: maxBody });
  const hint = h('p', { id: 'body-hint', class: 'hint' }, `Markdown; no HTML. At most ${maxBody.toLocaleString('en')} bytes.`);
  const preview = h('div', { class: 'preview', role: 'region', 'aria-label': 'Preview' });
  const error = h('p', { class: 'error', role: 'alert' });
  const panel = h('div');
  const next = h('button', { type: 'submit', class: 'primary' }, 'Continue');
  const form = h('form', {}, h('label', { for: 'body' }, 'Body'), text, hint, h('h2', {}, 'Preview'), preview, error, next, panel);
  main.append(form);
  const bytes = () => new TextEncoder().encode(text.value);
  const update = () => {
    preview.innerHTML = renderMarkdown(text.value);
    hint.textContent = `Markdown; no HTML. ${bytes().length.toLocaleString('en')} of ${maxBody.toLocaleString('en')} bytes.`;
  };
  text.addEventListener('input', update);
  if (editing !== null) {
    const post = await social(app.chain, 'post', editing, true);
    text.value = post?.body?.encoding === 'utf8' ? post.body.data : (post?.content ? await readBody(app.config.ipfs, post.content) : '') ?? '';
  }
  update();
  text.focus();
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.textContent = '';
    const body = bytes();
    if (body.length === 0) return void (error.textContent = 'Write something first.');
    if (body.length > maxBody) return void (error.textContent = `The body is ${body.length} bytes: at most ${maxBody}.`);
    next.disabled = true;
    let added;
    try {
      added = await addBody(app.config.ipfs, body);
    } catch (e) {
      error.textContent = e.message;
      next.disabled = false;
      return;
    }
    next.disabled = false;
    confirmAction(app, panel, {
      title: editing !== null ? `Publish the edit of #${editing}` : replyTo !== null ? `Publish your reply to #${replyTo}` : community ? `Publish your post in c/${community.handle}` : 'Publish your post',
      build: () => {
        if (editing !== null) return api.tx.posts.editPost(editing, added.cid, added.size);
        if (community) return api.tx.posts.postInCommunity(community.id, added.cid, added.size);
        return api.tx.posts.createPost(added.cid, added.size, replyTo);
      },
      onDone: ({ events }) => {
        const created = events.find(({ event }) => api.events.posts.PostCreated.is(event));
        const id = created ? created.event.data.postId.toNumber() : editing ?? replyTo;
        location.hash = `#/post/${id}`;
      },
    });
  });
}
