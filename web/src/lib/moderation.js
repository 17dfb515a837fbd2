// What the moderation views work out before anything is signed: who moderates a community, how
// long a mute can be, and whether a text fits the bound the chain decodes.

/** Whether `address` moderates `community` (a `social_community` answer): its owner or one of
 * its moderators. */
export function moderates(community, address) {
  if (!community || !address) return false;
  return community.owner === address || community.moderators.includes(address);
}

/** The mute periods offered, in blocks, none longer than the chain's `maxBlocks`. */
export function muteDurations(maxBlocks, msPerBlock) {
  const hour = Math.max(1, Math.round(3_600_000 / msPerBlock));
  const choices = [
    ['1 hour', hour],
    ['1 day', 24 * hour],
    ['1 week', 7 * 24 * hour],
    ['30 days', 30 * 24 * hour],
  ];
  const offered = choices.filter(([, blocks]) => blocks <= maxBlocks);
  // A chain whose longest mute is under an hour still offers that longest mute.
  return offered.length ? offered : [[`${maxBlocks} blocks`, maxBlocks]];
}

/**
 * The UTF-8 bytes of `text`; throws, naming `what` and the bound, when there are more than `max`
 * (a longer argument would not even decode on chain) or none when `required`.
 */
export function boundedText(text, max, what, { required = false } = {}) {
  const bytes = new TextEncoder().encode(text);
  if (required && bytes.length === 0) throw new Error(`Write ${what} first.`);
  if (bytes.length > max) throw new Error(`${what[0].toUpperCase()}${what.slice(1)} has ${bytes.length} bytes: at most ${max}.`);
  return bytes;
}

/** The reasons a report can give, as the chain names them, with what the app shows. */
export const REPORT_REASONS = [
  ['Spam', 'Spam'],
  ['Harassment', 'Harassment'],
  ['Hate', 'Hate'],
  ['Violence', 'Violence'],
  ['Sexual', 'Sexual content'],
  ['Illegal', 'Illegal'],
  ['Misleading', 'Misleading'],
  ['Other', 'Other'],
];

/** A moderation log entry as a sentence: "hid post #4", "muted 5Grw…utQY until #1,234". */
export function describeAction(entry, name = (address) => address) {
  const post = `post #${entry.post}`;
  const who = entry.account ? name(entry.account) : '';
  switch (entry.action) {
    case 'hidePost': return `hid ${post}`;
    case 'unhidePost': return `unhid ${post}`;
    case 'pinPost': return `pinned ${post}`;
    case 'unpinPost': return `unpinned ${post}`;
    case 'mute': return `muted ${who} until block #${entry.until?.toLocaleString('en')}`;
    case 'unmute': return `unmuted ${who}`;
    case 'ban': return `banned ${who}`;
    case 'unban': return `lifted the ban of ${who}`;
    case 'approve': return `approved ${who}'s request to join`;
    case 'reject': return `rejected ${who}'s request to join`;
    default: return entry.action;
  }
}
