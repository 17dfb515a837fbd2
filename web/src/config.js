// Where the app finds its node. Served by plaza-node, the app reads `config.json` beside it (the
// node's RPC port) and reads bodies from its own origin; from any other host it uses `?rpc=` /
// `?ipfs=`, or what the person chose under "Node" (kept in localStorage), or the local defaults.

const STORAGE_KEY = 'plaza.node';

/** @returns {Promise<{ rpc: string, ipfs: string }>} */
export async function nodeConfig() {
  const query = new URLSearchParams(location.search);
  const saved = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}');
  let served = {};
  try {
    const response = await fetch('./config.json', { cache: 'no-store' });
    if (response.ok) served = await response.json();
  } catch {
    // A static host without config.json.
  }
  const host = location.hostname || '127.0.0.1';
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  // Served by the node: its RPC port beside the page, and bodies from the page's own origin.
  const node = served.rpcPort ? { rpc: `${scheme}://${host}:${served.rpcPort}`, ipfs: location.origin } : {};
  return {
    rpc: query.get('rpc') ?? saved.rpc ?? node.rpc ?? `ws://${host}:9944`,
    ipfs: query.get('ipfs') ?? saved.ipfs ?? node.ipfs ?? `http://${host}:5101`,
  };
}

/** Keeps the person's choice of node; `null` fields fall back to the defaults. */
export function saveNodeConfig({ rpc, ipfs }) {
  localStorage.setItem(STORAGE_KEY, JSON.stringify({ rpc: rpc || undefined, ipfs: ipfs || undefined }));
}

/** Checks a URL the person typed for the RPC endpoint. */
export function checkRpcUrl(text) {
  let url;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`"${text}" is not a URL.`);
  }
  if (url.protocol !== 'ws:' && url.protocol !== 'wss:') throw new Error('The node address starts with ws:// or wss://.');
  return url.toString().replace(/\/$/, '');
}
