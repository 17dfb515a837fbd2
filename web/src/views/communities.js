// Communities: the list (most members first, and the reader's own), creating one, a community's
// page (its description and rules, joining and leaving, pinned posts, its feed by new or hot with
// new posts live, a moderator's tools), its moderation log and the reports its moderators read.
import { confirmAction } from '../action.js';
import { social, subscribeSocial } from '../chain.js';
import { addBody, readBody } from '../ipfs.js';
import { renderMarkdown } from '../lib/markdown.js';
import { boundedText, describeAction, moderates } from '../lib/moderation.js';
import { pager } from '../lib/paging.js';
import { ago, h, shortAddress } from '../ui.js';
import { pagedPosts } from './feed.js';
import { durationField, excludes, reasonForm } from './moderation.js';
import { authorName, postCard } from './post.js';

const PAGE = 20;
/** The most bytes of a description or rules document the app writes. */
const MAX_DOCUMENT = 20_000;

/** A paged list of `render(item)` rows in `container`, with a "Load more" button. */
function pagedList(container, fetchPage, render, empty, key) {
  const list = h('ul', { class: 'list' });
  const more = h('button', { type: 'button', class: 'more' }, 'Load more');
  const pages = pager(fetchPage, key);
  const load = async () => {
    more.disabled = true;
    try {
      for (const item of await pages.more()) list.append(h('li', {}, render(item)));
      if (pages.done && list.childElementCount === 0) list.append(h('li', { class: 'muted' }, empty));
    } catch (error) {
      list.append(h('li', { class: 'error' }, `The node could not list them: ${error.message}`));
    }
    more.hidden = pages.done;
    more.disabled = false;
  };
  more.addEventListener('click', load);
  container.append(list, more);
  return load();
}

/** "3 members · 1 post" */
function counted(community) {
  const count = (n, one, many) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
  return `${count(community.members, 'member', 'members')} · ${count(community.posts, 'post', 'posts')}`;
}

/** A community as a line of a list: its name, handle and counts. */
function communityLine(community) {
  return [
    h('a', { href: `#/c/${community.id}` }, community.name),
    h('span', { class: 'muted' }, ` c/${community.handle} · ${counted(community)}`),
  ];
}

/** The list of communities, and the reader's own. */
export async function communitiesView(app, main) {
  main.append(h('h1', {}, 'Communities'));
  main.append(h('p', {}, h('a', { class: 'button', href: '#/communities/new' }, 'Create a community')));
  if (app.account) {
    const address = app.account.address;
    main.append(h('h2', {}, 'Joined'));
    await pagedList(main, (cursor) => social(app.chain, 'memberships', address, cursor, PAGE), communityLine, 'You have joined none yet.');
  }
  main.append(h('h2', {}, 'Most members'));
  await pagedList(main, (cursor) => social(app.chain, 'communities', cursor, PAGE), communityLine, 'No communities yet.');
}

/** Adds `text` (Markdown) to the node's IPFS store: its CID, or `null` when empty. */
async function addDocument(app, text, what) {
  const bytes = boundedText(text.trim(), MAX_DOCUMENT, what);
  return bytes.length ? (await addBody(app.config.ipfs, bytes)).cid : null;
}

/** Creating a community: handle, name, description and rules (Markdown, into IPFS), policies. */
export function createCommunityView(app, main) {
  const api = app.chain.api;
  const maxHandle = api.consts.profiles.maxHandleLength.toNumber();
  const maxName = api.consts.profiles.maxDisplayNameLength.toNumber();
  main.append(h('h1', {}, 'Create a community'));
  const handle = h('input', { id: 'community-handle', autocomplete: 'off', 'aria-describedby': 'community-handle-hint' });
  const name = h('input', { id: 'community-name', autocomplete: 'off' });
  const description = h('textarea', { id: 'community-description', maxlength: MAX_DOCUMENT });
  const rules = h('textarea', { id: 'community-rules', maxlength: MAX_DOCUMENT });
  const joining = h('select', { id: 'community-joining' }, h('option', { value: 'Open' }, 'Anyone joins at once'), h('option', { value: 'Approval' }, 'A moderator approves each request'));
  const posting = h('select', { id: 'community-posting' }, h('option', { value: 'Members' }, 'Members only'), h('option', { value: 'Anyone' }, 'Anyone not banned'));
  const error = h('p', { class: 'error', role: 'alert' });
  const panel = h('div');
  const form = h(
    'form',
    {},
    h('label', { for: handle.id }, 'Handle'),
    handle,
    h('p', { id: 'community-handle-hint', class: 'hint' }, `3–${maxHandle} characters: a–z, 0–9 and _. Unique among communities; its address is #/c/handle.`),
    h('label', { for: name.id }, 'Name'),
    name,
    h('label', { for: description.id }, 'Description (Markdown)'),
    description,
    h('label', { for: rules.id }, 'Rules (Markdown)'),
    rules,
    h('label', { for: joining.id }, 'Who joins'),
    joining,
    h('label', { for: posting.id }, 'Who posts'),
    posting,
    error,
    h('button', { type: 'submit', class: 'primary' }, 'Continue'),
    panel,
  );
  main.append(form);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.textContent = '';
    let documents;
    try {
      boundedText(handle.value.trim(), maxHandle, 'the handle', { required: true });
      boundedText(name.value.trim(), maxName, 'the name', { required: true });
      documents = [await addDocument(app, description.value, 'the description'), await addDocument(app, rules.value, 'the rules')];
    } catch (e) {
      error.textContent = e.message;
      return;
    }
    confirmAction(app, panel, {
      title: `Create c/${handle.value.trim().toLowerCase()}`,
      build: () => api.tx.communities.createCommunity(handle.value.trim(), name.value.trim(), documents[0], documents[1], joining.value, posting.value),
      onDone: ({ events }) => {
        const created = events.find(({ event }) => api.events.communities.CommunityCreated.is(event));
        if (created) location.hash = `#/c/${created.event.data.community.toNumber()}`;
      },
    });
  });
  handle.focus();
}

/** A community by id or handle, with a "not found" page when there is none. */
async function findCommunity(app, main, which) {
  const community = await app.community(decodeURIComponent(which));
  if (!community) {
    main.append(h('h1', {}, 'Unknown community'), h('p', {}, `No community has the id or handle "${decodeURIComponent(which)}".`));
  }
  return community;
}

/** A document of the community (description, rules) rendered, or a note when unreadable. */
async function documentSection(app, cid, title, { open = false } = {}) {
  const body = h('div', { class: 'body' }, h('span', { class: 'muted' }, 'Loading…'));
  const section = h('details', { class: 'document', open }, h('summary', {}, title), body);
  const text = await readBody(app.config.ipfs, cid).catch(() => null);
  if (text === null) body.replaceChildren(h('span', { class: 'muted' }, 'The document is not on this node yet.'));
  else body.innerHTML = renderMarkdown(text);
  return section;
}

/** What the reader is in the community: `member`, `pending`, `banned` or `none`, with a mute. */
async function readerStatus(api, community, address) {
  const [membership, ban] = await Promise.all([
    api.query.communities.memberships(community.id, address),
    api.query.communities.bans(community.id, address),
  ]);
  if (ban.isSome) return { role: 'banned', mutedUntil: null };
  if (membership.isNone) return { role: 'none', mutedUntil: null };
  const record = membership.unwrap();
  return {
    role: record.approved.isTrue ? 'member' : 'pending',
    mutedUntil: record.mutedUntil.isSome ? record.mutedUntil.unwrap().toNumber() : null,
  };
}

/**
 * The reader's place in the community and what they can do about it: a line saying it, then
 * Join (or Ask to join), Leave or Withdraw request, and Write here when they may post now. It
 * draws itself again after each of those actions.
 */
async function membershipRow(app, community, panel) {
  const api = app.chain.api;
  const row = h('div', { class: 'row' });
  const moderator = moderates(community, app.account.address);
  const draw = async () => {
    const status = await readerStatus(api, community, app.account.address);
    const best = (await api.rpc.chain.getHeader()).number.toNumber();
    // Muted while the block being built is below the mute's end.
    const muted = status.mutedUntil !== null && status.mutedUntil > best + 1;
    const until = muted ? status.mutedUntil.toLocaleString('en') : '';
    const text = {
      banned: 'You are banned from this community: you cannot join or post.',
      none: moderator ? 'You moderate this community.' : community.joining === 'approval' ? "Joining needs a moderator's approval." : 'Anyone may join.',
      pending: 'Your request to join waits for a moderator.',
      member: muted ? `You are a member, muted until block #${until}: you can post and leave from then.` : 'You are a member.',
    }[status.role];
    const controls = [h('p', { class: 'muted', id: 'membership-status' }, text)];
    if (status.role === 'none' && !moderator && !community.closed) {
      const title = community.joining === 'approval' ? `Ask to join ${community.name}` : `Join ${community.name}`;
      controls.push(h('button', {
        type: 'button',
        class: 'primary',
        onclick: () => confirmAction(app, panel, { title, build: () => api.tx.communities.join(community.id), onDone: draw }),
      }, community.joining === 'approval' ? 'Ask to join' : 'Join'));
    }
    // Leaving returns the deposit, on a closed community too; a muted member waits for the end.
    if ((status.role === 'member' && !muted) || status.role === 'pending') {
      const leave = status.role === 'member' ? `Leave ${community.name}` : 'Withdraw your request';
      controls.push(h('button', {
        type: 'button',
        onclick: () => confirmAction(app, panel, { title: leave, build: () => api.tx.communities.leave(community.id), onDone: draw }),
      }, status.role === 'member' ? 'Leave' : 'Withdraw request'));
    }
    const mayPost = !community.closed && (moderator
      || (status.role !== 'banned' && !muted && (community.posting === 'anyone' || status.role === 'member')));
    if (mayPost) controls.push(h('a', { class: 'button', href: `#/compose?community=${community.id}` }, 'Write here'));
    row.replaceChildren(...controls);
  };
  await draw();
  return row;
}

/**
 * A moderator's tools for accounts, by address: approve or reject a request, mute, unmute, ban,
 * lift a ban; the owner's to add and remove moderators. On a closed community only lifting a ban
 * is left, for whoever made it (it returns their deposit).
 */
function accountTools(app, community) {
  const api = app.chain.api;
  const id = community.id;
  const panel = h('div');
  const account = h('input', { id: 'moderate-account', autocomplete: 'off', placeholder: '5Grw…', 'aria-describedby': 'moderate-account-hint' });
  const error = h('p', { class: 'error', role: 'alert' });
  const who = () => {
    const value = account.value.trim();
    if (!value) throw new Error('Enter the account\'s address first.');
    try {
      api.createType('AccountId', value);
    } catch {
      throw new Error(`"${value}" is not an account address.`);
    }
    return value;
  };
  const action = (label, run) => h('button', {
    type: 'button',
    onclick: () => {
      error.textContent = '';
      try {
        run(who());
      } catch (e) {
        error.textContent = e.message;
      }
    },
  }, label);
  const withReason = (title, build, extra) => (address) => reasonForm(app, panel, { title: title(shortAddress(address)), build: (reason) => build(address, reason), extra });
  const plain = (title, build) => (address) => confirmAction(app, panel, { title: title(shortAddress(address)), build: () => build(address) });
  const unban = action('Lift ban', withReason((a) => `Lift the ban of ${a}`, (a, reason) => api.tx.communities.unban(id, a, reason)));
  const tools = community.closed ? [unban] : [
    action('Approve request', plain((a) => `Approve ${a}'s request`, (a) => api.tx.communities.approveMember(id, a))),
    action('Reject request', plain((a) => `Reject ${a}'s request`, (a) => api.tx.communities.rejectMember(id, a))),
    action('Mute', (address) => {
      const duration = durationField(api);
      withReason((a) => `Mute ${a} in ${community.name}`, (a, reason) => api.tx.communities.muteMember(id, a, Number(duration.select.value), reason), duration.elements)(address);
    }),
    action('Unmute', withReason((a) => `Unmute ${a}`, (a, reason) => api.tx.communities.unmuteMember(id, a, reason))),
    action('Ban', withReason((a) => `Ban ${a} from ${community.name}`, (a, reason) => api.tx.communities.ban(id, a, reason))),
    unban,
  ];
  if (!community.closed && app.account.address === community.owner) {
    tools.push(
      action('Make moderator', plain((a) => `Make ${a} a moderator`, (a) => api.tx.communities.addModerator(id, a))),
      action('Remove moderator', plain((a) => `Remove ${a} as moderator`, (a) => api.tx.communities.removeModerator(id, a))),
    );
  }
  return h(
    'details',
    { class: 'document', id: 'moderate' },
    h('summary', {}, community.closed ? 'Lift a ban you made' : 'Moderate an account'),
    h('label', { for: account.id }, 'Account'),
    account,
    h('p', { id: 'moderate-account-hint', class: 'hint' }, community.closed
      ? 'Its deposit comes back to you.'
      : 'The address of a member, an applicant or anyone to ban.'),
    h('div', { class: 'row' }, tools),
    error,
    panel,
  );
}

/** A community's page. */
export async function communityView(app, main, which, query) {
  const community = await findCommunity(app, main, which);
  if (!community) return;
  const moderator = app.account && moderates(community, app.account.address);
  main.append(h('h1', {}, community.name));
  main.append(h('p', { class: 'muted' }, [
    `c/${community.handle} · ${counted(community)} · `,
    community.joining === 'approval' ? 'joining by approval' : 'open to join',
    ' · ',
    community.posting === 'members' ? 'members post' : 'anyone posts',
  ].join('')));
  if (community.closed) main.append(h('p', { class: 'error' }, 'Its owner closed this community.'));
  const owner = h('a', { href: `#/author/${community.owner}` }, shortAddress(community.owner));
  authorName(app, community.owner).then((name) => { owner.textContent = name; });
  const moderators = community.moderators.map((address) => {
    const link = h('a', { href: `#/author/${address}` }, shortAddress(address));
    authorName(app, address).then((name) => { link.textContent = name; });
    return link;
  });
  main.append(h('p', {}, 'Owner ', owner, moderators.length ? ' · moderators ' : '', moderators.flatMap((link, i) => (i ? [', ', link] : [link]))));
  const documents = await Promise.all([
    community.description ? documentSection(app, community.description, 'About', { open: true }) : null,
    community.rules ? documentSection(app, community.rules, 'Rules') : null,
  ]);
  main.append(...documents.filter(Boolean));

  const links = [h('a', { href: `#/c/${community.id}/log` }, 'Moderation log')];
  if (moderator) links.push(h('a', { href: `#/c/${community.id}/reports` }, 'Reports'));
  const panel = h('div');
  if (app.account) main.append(await membershipRow(app, community, panel));
  main.append(panel, h('p', { class: 'row' }, links));
  // Once closed, only lifting bans is left (whoever made one gets its deposit back).
  if (app.account && (moderator || community.closed)) main.append(accountTools(app, community));

  // Pinned posts, without those of accounts the reader mutes or blocks (as the feed).
  const pinned = [];
  for (const id of community.pinned) {
    const post = await social(app.chain, 'post', id, false);
    if (post && !(app.account && await excludes(app, app.account.address, post.author))) pinned.push(post);
  }
  if (pinned.length) {
    main.append(h('h2', {}, 'Pinned'), h('div', { class: 'posts pinned' }, pinned.map((post) => postCard(app, post))));
  }

  const sort = query.get('sort') === 'hot' ? 'hot' : 'new';
  main.append(h('h2', {}, 'Posts'));
  main.append(h('div', { class: 'row', role: 'group', 'aria-label': 'Order' }, ['new', 'hot'].map((option) => h('a', {
    class: 'button',
    href: `#/c/${community.id}${option === 'hot' ? '?sort=hot' : ''}`,
    'aria-current': option === sort ? 'true' : null,
  }, option === 'new' ? 'New' : 'Hot'))));
  const reader = app.account?.address ?? null;
  const feed = pagedPosts(app, main, (cursor) => social(app.chain, 'communityFeed', community.id, sort, cursor, PAGE, reader), 'No posts here yet.');
  if (sort === 'new') {
    const params = reader ? [community.id, reader] : [community.id];
    const stop = await subscribeSocial(app.chain, 'Community', params, (item) => {
      if (item?.lostUpdates) feed.missed();
      else if (item?.id !== undefined) feed.prepend(item);
    });
    app.onLeave(stop);
  }
}

/** A community's moderation log, newest first. */
export async function moderationLogView(app, main, which) {
  const community = await findCommunity(app, main, which);
  if (!community) return;
  main.append(h('h1', {}, `Moderation log of ${community.name}`));
  main.append(h('p', {}, h('a', { href: `#/c/${community.id}` }, `Back to c/${community.handle}`)));
  await pagedList(main, (cursor) => social(app.chain, 'moderationLog', community.id, cursor, PAGE), (entry) => {
    const by = h('a', { href: `#/author/${entry.by}` }, shortAddress(entry.by));
    authorName(app, entry.by).then((name) => { by.textContent = name; });
    const what = describeAction(entry, shortAddress);
    return h('div', { class: 'log-entry', dataset: { number: entry.number } },
      by, ` ${what}`,
      entry.post !== undefined ? [' (', h('a', { href: `#/post/${entry.post}` }, 'see it'), ')'] : null,
      h('br'),
      h('span', { class: 'muted' }, `“${entry.reason}” · block #${entry.block.toLocaleString('en')} · ${ago(entry.at)}`));
  }, 'Nothing yet.', (entry) => entry.number);
}

/** The reports of a community's posts, for its moderators (anyone may read them). */
export async function reportsView(app, main, which) {
  const community = await findCommunity(app, main, which);
  if (!community) return;
  main.append(h('h1', {}, `Reports in ${community.name}`));
  main.append(h('p', {}, h('a', { href: `#/c/${community.id}` }, `Back to c/${community.handle}`),
    app.account && moderates(community, app.account.address) ? ' · open a post to hide it or act on its author' : ''));
  await pagedList(main, (cursor) => social(app.chain, 'reports', community.id, cursor, PAGE), (report) => {
    const reporter = h('a', { href: `#/author/${report.reporter}` }, shortAddress(report.reporter));
    authorName(app, report.reporter).then((name) => { reporter.textContent = name; });
    const note = h('span');
    if (report.note) {
      readBody(app.config.ipfs, report.note).then((text) => {
        if (text !== null) note.replaceChildren(h('br'), h('q', { class: 'note' }, text.slice(0, 500)));
      }).catch(() => {});
    }
    return h('div', { class: 'report', dataset: { number: report.number } },
      h('a', { href: `#/post/${report.postId}` }, `Post #${report.postId}`),
      ` reported as ${report.reason} by `, reporter,
      note,
      h('br'),
      h('span', { class: 'muted' }, `block #${report.block.toLocaleString('en')} · ${ago(report.at)}`));
  }, 'No reports.', (report) => report.number);
}
