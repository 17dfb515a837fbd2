import assert from 'node:assert/strict';
import { test } from 'node:test';

import { REPORT_REASONS, boundedText, describeAction, moderates, muteDurations } from '../../src/lib/moderation.js';

const community = { owner: 'owner', moderators: ['mod'] };

test('the owner and the moderators moderate; members, strangers and nobody do not', () => {
  assert.equal(moderates(community, 'owner'), true);
  assert.equal(moderates(community, 'mod'), true);
  assert.equal(moderates(community, 'member'), false);
  assert.equal(moderates(community, null), false);
  assert.equal(moderates(null, 'owner'), false);
});

test("mute periods stop at the chain's longest mute, in blocks of its block time", () => {
  // 6 s blocks, 30 days the longest (the runtime's MaxMuteDuration).
  assert.deepEqual(muteDurations(432_000, 6_000), [['1 hour', 600], ['1 day', 14_400], ['1 week', 100_800], ['30 days', 432_000]]);
  assert.deepEqual(muteDurations(20_000, 6_000), [['1 hour', 600], ['1 day', 14_400]]);
  // A chain whose longest mute is under an hour offers that.
  assert.deepEqual(muteDurations(50, 6_000), [['50 blocks', 50]]);
});

test('texts are measured in UTF-8 bytes against the bound the chain decodes', () => {
  assert.equal(boundedText('spam', 280, 'the reason').length, 4);
  assert.equal(boundedText('é'.repeat(140), 280, 'the reason').length, 280);
  assert.throws(() => boundedText('é'.repeat(141), 280, 'the reason'), /^Error: The reason has 282 bytes: at most 280\.$/);
  assert.throws(() => boundedText('', 280, 'the reason', { required: true }), /Write the reason first/);
  assert.equal(boundedText('', 280, 'the note').length, 0);
});

test('every report reason is one the chain names, once', () => {
  const names = REPORT_REASONS.map(([name]) => name);
  assert.deepEqual(names, ['Spam', 'Harassment', 'Hate', 'Violence', 'Sexual', 'Illegal', 'Misleading', 'Other']);
});

test('log entries read as sentences', () => {
  assert.equal(describeAction({ action: 'hidePost', post: 4 }), 'hid post #4');
  assert.equal(describeAction({ action: 'mute', account: 'bob', until: 12_345 }, (a) => `@${a}`), 'muted @bob until block #12,345');
  assert.equal(describeAction({ action: 'approve', account: 'eve' }), "approved eve's request to join");
  assert.equal(describeAction({ action: 'somethingNew' }), 'somethingNew');
});
