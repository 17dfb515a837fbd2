// A worker thread of the throughput benchmark: derives its share of the load accounts and signs
// transactions for them (immortal, with the nonces it is given), so signing uses every core.
//
// Messages in: { derive: { count, stride, offset } } → { addresses: [[index, address], …] };
//              { id, jobs: [{ kind, signer, nonce, args }] } → { id, signed: [hex, …] };
//              { exit: true }.
import { parentPort, workerData } from 'node:worker_threads';

import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';

import { ACCOUNT_ROOT, KINDS } from './load-kinds.mjs';

await cryptoWaitReady();
const api = await ApiPromise.create({ provider: new WsProvider(workerData.wsUrl), noInitWarn: true });
const keyring = new Keyring({ type: 'sr25519', ss58Format: api.registry.chainSS58 });
const root = keyring.addFromUri(ACCOUNT_ROOT);
const pairs = new Map();
const options = {
  blockHash: api.genesisHash,
  genesisHash: api.genesisHash,
  era: 0,
  runtimeVersion: api.runtimeVersion,
  signedExtensions: api.registry.signedExtensions,
};

parentPort.on('message', async (message) => {
  if (message.exit) {
    await api.disconnect();
    parentPort.close();
  } else if (message.derive) {
    const { count, stride, offset } = message.derive;
    const addresses = [];
    for (let i = offset; i < count; i += stride) {
      const pair = root.derive(`//${i}`);
      pairs.set(i, pair);
      addresses.push([i, pair.address]);
    }
    parentPort.postMessage({ addresses });
  } else {
    const signed = message.jobs.map(({ kind, signer, nonce, args }) => {
      const tx = KINDS[kind](api, args);
      tx.sign(pairs.get(signer), { ...options, nonce });
      return tx.toHex();
    });
    parentPort.postMessage({ id: message.id, signed });
  }
});
parentPort.postMessage({ ready: true });
