// Moderation from a post or a profile: reporting a post, muting and blocking an account (the
// reader's own lists, kept on chain so that every app honours them), and for a community's
// moderators hiding and pinning its posts, muting and banning its members. Each is one
// transaction, shown with its fee and deposit before signing (confirmAction).
import { confirmAction } from '../action.js';
import { addBody } from '../ipfs.js';
import { REPORT_REASONS, boundedText, moderates, muteDurations } from '../lib/moderation.js';
import { h, shortAddress } from '../ui.js';

/** The most bytes of a moderator's reason: the communities pallet's `MAX_REASON_LEN` (a bound of
 * the call's type, not a constant in the metadata). */
export const MAX_REASON = 280;
/** The most bytes of a report's note, a document the app adds to IPFS. */
const MAX_NOTE = 2_000;

let fields = 0;
/** An id no other field on the page has. */
const fieldId = (name) => `${name}-${++fields}`;

/** The chain's block time in milliseconds (Aura: two timestamp periods). */
export function msPerBlock(api) {
  return api.consts.timestamp.minimumPeriod.toNumber() * 2;
}

/**
 * A form in `panel`: a reason (for the moderation log) and `extra` fields, then the transaction
 * `build(reason)` makes, with its fee and deposit, to sign. A reason longer than the chain takes
 * is refused before anything is signed.
 */
export function reasonForm(app, panel, { title, build, onDone = () => {}, extra = [] }) {
  panel.replaceChildren();
  const id = fieldId('reason');
  const input = h('input', { id, autocomplete: 'off', maxlength: MAX_REASON, 'aria-describedby': `${id}-hint` });
  const error = h('p', { class: 'error', role: 'alert' });
  const next = h('div');
  const form = h(
    'form',
    { class: 'tx', 'aria-label': title },
    h('strong', {}, title),
    ...extra,
    h('label', { for: id }, 'Reason'),
    input,
    h('p', { id: `${id}-hint`, class: 'hint' }, `Shown in the community's moderation log. At most ${MAX_REASON} bytes.`),
    error,
    h('button', { type: 'submit', class: 'primary' }, 'Continue'),
    next,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    try {
      boundedText(input.value.trim(), MAX_REASON, 'the reason', { required: true });
      error.textContent = '';
    } catch (e) {
      error.textContent = e.message;
      return;
    }
    confirmAction(app, next, { title, build: () => build(input.value.trim()), onDone });
  });
  panel.append(form);
  input.focus();
}

/** The mute period chooser: a labelled select of periods in blocks. */
export function durationField(api) {
  const id = fieldId('mute-for');
  const max = api.consts.communities.maxMuteDuration.toNumber();
  const select = h('select', { id }, muteDurations(max, msPerBlock(api)).map(([label, blocks]) => h('option', { value: blocks }, label)));
  return { select, elements: [h('label', { for: id }, 'Mute for'), select] };
}

/** The report form for `post` in `panel`: a reason code and an optional note (added to IPFS). */
export function reportForm(app, panel, post) {
  const api = app.chain.api;
  panel.replaceChildren();
  const reasonId = fieldId('report-reason');
  const noteId = fieldId('report-note');
  const reason = h('select', { id: reasonId }, REPORT_REASONS.map(([value, label]) => h('option', { value }, label)));
  const note = h('textarea', { id: noteId, maxlength: MAX_NOTE, rows: 3 });
  const error = h('p', { class: 'error', role: 'alert' });
  const next = h('div');
  const form = h(
    'form',
    { class: 'tx', 'aria-label': `Report post ${post.id}` },
    h('strong', {}, `Report post #${post.id}`),
    h('p', { class: 'hint' }, post.community === null || post.community === undefined
      ? 'Reports are public events on chain, for whoever moderates.'
      : "Reports are public events on chain; this community's moderators see them."),
    h('label', { for: reasonId }, 'Why'),
    reason,
    h('label', { for: noteId }, 'Note (optional)'),
    note,
    error,
    h('button', { type: 'submit', class: 'primary' }, 'Continue'),
    next,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.textContent = '';
    let cid = null;
    try {
      const bytes = boundedText(note.value.trim(), MAX_NOTE, 'the note');
      if (bytes.length) cid = (await addBody(app.config.ipfs, bytes)).cid;
    } catch (e) {
      error.textContent = e.message;
      return;
    }
    confirmAction(app, next, {
      title: `Report #${post.id} as ${reason.selectedOptions[0].textContent.toLowerCase()}`,
      build: () => api.tx.posts.reportPost(post.id, reason.value, cid),
    });
  });
  panel.append(form);
  reason.focus();
}

/** Whether `reader` mutes or blocks `author` (read from the chain): feeds leave them out. */
export async function excludes(app, reader, author) {
  const api = app.chain.api;
  const [muted, blocked] = await Promise.all([api.query.profiles.mutes(reader, author), api.query.profiles.blocks(reader, author)]);
  return muted.isSome || blocked.isSome;
}

/**
 * Mute and block buttons for `account`, showing the reader's current lists (read from the chain)
 * and toggling them. `name` is how the account is shown; with `named` the buttons say it too.
 * `onChange({ muted, blocked })` hears the lists at first and after each change (a block also
 * ends the follows between the two).
 */
export async function personalButtons(app, account, name, panel, { named = false, onChange = () => {} } = {}) {
  const api = app.chain.api;
  const me = app.account.address;
  const state = {
    muted: (await api.query.profiles.mutes(me, account)).isSome,
    blocked: (await api.query.profiles.blocks(me, account)).isSome,
  };
  const mute = h('button', { type: 'button' });
  const block = h('button', { type: 'button' });
  const suffix = named ? ` ${name}` : '';
  const show = () => {
    mute.textContent = `${state.muted ? 'Unmute' : 'Mute'}${suffix}`;
    block.textContent = `${state.blocked ? 'Unblock' : 'Block'}${suffix}`;
    onChange({ ...state });
  };
  show();
  mute.addEventListener('click', () => confirmAction(app, panel, {
    title: state.muted ? `Unmute ${name}` : `Mute ${name}: their posts leave your feeds`,
    build: () => (state.muted ? api.tx.profiles.unmute(account) : api.tx.profiles.mute(account)),
    onDone: () => {
      state.muted = !state.muted;
      show();
    },
  }));
  block.addEventListener('click', () => confirmAction(app, panel, {
    title: state.blocked
      ? `Unblock ${name}`
      : `Block ${name}: neither of you can follow, reply to, repost or tip the other, and their posts leave your feeds`,
    build: () => (state.blocked ? api.tx.profiles.unblock(account) : api.tx.profiles.block(account)),
    onDone: () => {
      state.blocked = !state.blocked;
      show();
    },
  }));
  return [mute, block];
}

/**
 * The moderation tools for `post` of `community` (a `social_community` answer), or `null` when
 * the reader has none. A moderator gets hide or unhide, pin or unpin (original posts), and for
 * an author who does not moderate: mute or unmute (members) and ban or lift the ban, as the
 * chain's records of the author stand. On a closed community, whoever hid the post may unhide
 * it (their deposit comes back). `onChanged` runs after each action.
 */
export async function moderatorTools(app, post, community, panel, onChanged) {
  if (!app.account) return null;
  const api = app.chain.api;
  const me = app.account.address;
  const id = community.id;
  const act = (title, build, extra) => () => reasonForm(app, panel, { title, build, onDone: onChanged, extra });
  const group = (buttons) => h('div', { class: 'actions moderate', role: 'group', 'aria-label': `Moderate post ${post.id}` }, h('span', { class: 'muted' }, 'Moderate:'), buttons);
  const unhide = () => h('button', { type: 'button', onclick: act(`Unhide #${post.id} in ${community.name}`, (reason) => api.tx.communities.unhidePost(id, post.id, reason)) }, 'Unhide');
  if (community.closed) {
    if (!post.hidden) return null;
    const hidden = await api.query.communities.hiddenPosts(post.id);
    return hidden.isSome && hidden.unwrap().action.by.eq(me) ? group([unhide()]) : null;
  }
  if (!moderates(community, me)) return null;
  const buttons = [post.hidden
    ? unhide()
    : h('button', { type: 'button', onclick: act(`Hide #${post.id} from ${community.name}`, (reason) => api.tx.communities.hidePost(id, post.id, reason)) }, 'Hide')];
  if (post.kind === 'post' && !post.hidden) {
    buttons.push(community.pinned.includes(post.id)
      ? h('button', { type: 'button', onclick: act(`Unpin #${post.id}`, (reason) => api.tx.communities.unpinPost(id, post.id, reason)) }, 'Unpin')
      : h('button', { type: 'button', onclick: act(`Pin #${post.id} in ${community.name}`, (reason) => api.tx.communities.pinPost(id, post.id, reason)) }, 'Pin'));
  }
  if (moderates(community, post.author)) return group(buttons);
  const author = shortAddress(post.author);
  const [membership, ban, header] = await Promise.all([
    api.query.communities.memberships(id, post.author),
    api.query.communities.bans(id, post.author),
    api.rpc.chain.getHeader(),
  ]);
  if (ban.isSome) {
    buttons.push(h('button', { type: 'button', onclick: act(`Lift the ban of ${author}`, (reason) => api.tx.communities.unban(id, post.author, reason)) }, 'Lift ban'));
    return group(buttons);
  }
  if (membership.isSome && membership.unwrap().approved.isTrue) {
    const until = membership.unwrap().mutedUntil;
    if (until.isSome && until.unwrap().toNumber() > header.number.toNumber() + 1) {
      buttons.push(h('button', { type: 'button', onclick: act(`Unmute ${author} in ${community.name}`, (reason) => api.tx.communities.unmuteMember(id, post.author, reason)) }, 'Unmute author'));
    } else {
      buttons.push(h('button', {
        type: 'button',
        onclick: () => {
          const duration = durationField(api);
          act(`Mute ${author} in ${community.name}`, (reason) => api.tx.communities.muteMember(id, post.author, Number(duration.select.value), reason), duration.elements)();
        },
      }, 'Mute author here'));
    }
  }
  buttons.push(h('button', { type: 'button', onclick: act(`Ban ${author} from ${community.name}`, (reason) => api.tx.communities.ban(id, post.author, reason)) }, 'Ban author'));
  return group(buttons);
}
