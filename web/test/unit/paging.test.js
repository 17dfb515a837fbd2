import assert from 'node:assert/strict';
import { test } from 'node:test';

import { pager } from '../../src/lib/paging.js';

/** A list of `ids` served `size` at a time with opaque cursors, recording the cursors asked. */
function server(ids, size) {
  const asked = [];
  const fetchPage = async (cursor) => {
    asked.push(cursor);
    const start = cursor === null ? 0 : Number(cursor.slice(1));
    const items = ids.slice(start, start + size).map((id) => ({ id }));
    const next = start + size < ids.length ? `c${start + size}` : null;
    return { items, nextCursor: next };
  };
  return { fetchPage, asked };
}

test('pages follow nextCursor to the end, then stop asking', async () => {
  const { fetchPage, asked } = server([9, 8, 7, 6, 5], 2);
  const list = pager(fetchPage);
  assert.deepEqual((await list.more()).map((p) => p.id), [9, 8]);
  assert.deepEqual((await list.more()).map((p) => p.id), [7, 6]);
  assert.equal(list.done, false);
  assert.deepEqual((await list.more()).map((p) => p.id), [5]);
  assert.equal(list.done, true);
  assert.deepEqual(await list.more(), []);
  assert.deepEqual(asked, [null, 'c2', 'c4']);
});

test('a second call while a page loads shares the load (one request per page)', async () => {
  const { fetchPage, asked } = server([3, 2, 1], 2);
  const list = pager(fetchPage);
  const [a, b] = await Promise.all([list.more(), list.more()]);
  assert.equal(a, b);
  assert.deepEqual(asked, [null]);
});

test('an item seen live or on an earlier page is not shown again', async () => {
  // The list shifted between pages: post 7 shows up again on page two.
  const pages = [{ items: [{ id: 8 }, { id: 7 }], nextCursor: 'x' }, { items: [{ id: 7 }, { id: 6 }], nextCursor: null }];
  const list = pager(async () => pages.shift());
  assert.equal(list.saw({ id: 8 }), true, 'post 8 arrived live first');
  assert.deepEqual((await list.more()).map((p) => p.id), [7]);
  assert.deepEqual((await list.more()).map((p) => p.id), [6]);
  assert.equal(list.saw({ id: 6 }), false);
});

test('a failed page can be asked again', async () => {
  let fail = true;
  const list = pager(async () => {
    if (fail) throw new Error('node unreachable');
    return { items: [{ id: 1 }], nextCursor: null };
  });
  await assert.rejects(list.more(), /unreachable/);
  fail = false;
  assert.deepEqual(await list.more(), [{ id: 1 }]);
});
