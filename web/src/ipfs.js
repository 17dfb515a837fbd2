// Bodies and profile documents go to the node's IPFS endpoint (Kubo's `add`); the app reads
// them back from the node's gateway.

/** The most bytes of a body the app reads to show it (a post body is at most 1 MiB on chain). */
const MAX_READ = 1024 * 1024;

/**
 * Adds `bytes` to the node's store (CIDv1, not pinned: the node pins it once a finalized post
 * refers to it). Resolves with `{ cid, size }`, size being the body's byte length as the chain
 * records it.
 */
export async function addBody(ipfsUrl, bytes) {
  const form = new FormData();
  form.append('file', new Blob([bytes]), 'body');
  const response = await fetch(`${ipfsUrl}/api/v0/add?cid-version=1&pin=false`, { method: 'POST', body: form });
  if (!response.ok) throw new Error(`The node's IPFS endpoint refused the upload: ${(await response.text()).slice(0, 200)}`);
  const added = await response.json();
  return { cid: added.Hash, size: bytes.length };
}

/** The text of body `cid` from the node's gateway (`null` when the node does not have it). */
export async function readBody(ipfsUrl, cid) {
  const response = await fetch(`${ipfsUrl}/ipfs/${encodeURIComponent(cid)}`);
  if (!response.ok) return null;
  const length = Number(response.headers.get('content-length') ?? 0);
  if (length > MAX_READ) return null;
  const bytes = new Uint8Array(await response.arrayBuffer()).slice(0, MAX_READ);
  return new TextDecoder('utf-8', { fatal: false }).decode(bytes);
}
