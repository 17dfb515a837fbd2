// The node the app talks to: which one, and what it says about itself.
import { checkRpcUrl, saveNodeConfig } from '../config.js';
import { social } from '../chain.js';
import { h } from '../ui.js';

export async function settingsView(app, main) {
  main.append(h('h1', {}, 'Node'));
  const status = await social(app.chain, 'status').catch(() => null);
  main.append(
    h('p', {}, `Connected to ${app.chain.name} at ${app.chain.url}.`),
    h('p', {}, `Bodies from ${app.config.ipfs}.`),
    status ? h('p', { class: 'muted' }, `Social index at block #${status.indexedBlock ?? '–'} of #${status.finalizedBlock} finalized${status.error ? `; stopped: ${status.error}` : ''}.`) : null,
  );
  const rpc = h('input', { id: 'rpc-url', value: app.config.rpc, autocomplete: 'off' });
  const ipfs = h('input', { id: 'ipfs-url', value: app.config.ipfs, autocomplete: 'off' });
  const error = h('p', { class: 'error', role: 'alert' });
  const form = h(
    'form',
    {},
    h('label', { for: 'rpc-url' }, 'Node RPC (ws:// or wss://)'),
    rpc,
    h('label', { for: 'ipfs-url' }, "Node's IPFS endpoint (http:// or https://)"),
    ipfs,
    h('p', { class: 'hint' }, 'A node serving this app from elsewhere must allow its origin: --ipfs-api-allow-origin and --rpc-cors.'),
    error,
    h('button', { type: 'submit', class: 'primary' }, 'Connect'),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    try {
      const url = checkRpcUrl(rpc.value.trim());
      const ipfsUrl = new URL(ipfs.value.trim());
      if (!/^https?:$/.test(ipfsUrl.protocol)) throw new Error('The IPFS endpoint starts with http:// or https://.');
      saveNodeConfig({ rpc: url, ipfs: ipfsUrl.toString().replace(/\/$/, '') });
      location.reload();
    } catch (e) {
      error.textContent = e.message;
    }
  });
  main.append(form);
}
