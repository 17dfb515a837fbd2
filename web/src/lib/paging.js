// Keyset paging over the node's `social_*` lists: each page carries `nextCursor`, passed back
// for the next one (`null` when the list ends for now).

/**
 * A list read page by page. `fetchPage(cursor)` answers `{ items, nextCursor }`.
 * `more()` loads the next page (one load at a time: a second call while one runs gets the same
 * promise) and returns only items not seen before (by `key`), so a post that moved between pages
 * is shown once.
 * @template T
 * @param {(cursor: string | null) => Promise<{ items: T[], nextCursor: string | null }>} fetchPage
 * @param {(item: T) => string | number} key
 */
export function pager(fetchPage, key = (item) => item.id) {
  let cursor = null;
  let done = false;
  let loading = null;
  const seen = new Set();
  return {
    get done() {
      return done;
    },
    /** @returns {Promise<T[]>} */
    more() {
      if (done) return Promise.resolve([]);
      if (loading) return loading;
      loading = (async () => {
        try {
          const page = await fetchPage(cursor);
          cursor = page.nextCursor ?? null;
          done = cursor === null;
          const fresh = page.items.filter((item) => !seen.has(key(item)));
          for (const item of fresh) seen.add(key(item));
          return fresh;
        } finally {
          loading = null;
        }
      })();
      return loading;
    },
    /** Marks an item as shown (one that arrived live), so paging does not show it again. */
    saw(item) {
      const fresh = !seen.has(key(item));
      seen.add(key(item));
      return fresh;
    },
  };
}
