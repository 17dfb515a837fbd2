// Waiting for the node's social index to reach a finalized block. The index follows finalized
// blocks a moment behind finality, so a view opened as soon as a transaction is finalized may
// not find what it changed yet.

/**
 * Asks `status()` (the node's `social_status`) every `intervalMs` until the index has indexed
 * block `number`. Resolves `true` then, or `false` if the index says it stopped or `timeoutMs`
 * passes first (it never waits longer).
 */
export async function waitForIndex(status, number, { timeoutMs = 30_000, intervalMs = 250 } = {}) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const now = await status().catch(() => null);
    if (now?.indexedBlock != null && now.indexedBlock >= number) return true;
    if (now?.error || Date.now() + intervalMs > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
