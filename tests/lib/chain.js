// @polkadot/api helpers: connect, sign and wait for inclusion.
import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';

/** Connects @polkadot/api to `node` (no custom types: everything comes from metadata). */
export async function connect(node) {
  await cryptoWaitReady();
  const provider = new WsProvider(node.wsUrl, 1000, {}, 30_000);
  return ApiPromise.create({ provider, noInitWarn: true, throwOnConnect: true });
}

/** The well-known development key `//name` (sr25519), formatted with the chain's SS58 prefix. */
export function devKey(api, name) {
  const keyring = new Keyring({ type: 'sr25519', ss58Format: api.registry.chainSS58 });
  return keyring.addFromUri(`//${name}`);
}

/**
 * Signs and submits `tx` from `signer`; resolves when it is in a block with the block hash and
 * the extrinsic's events, or rejects with the dispatch error's `section.name`.
 */
export function signAndWaitInBlock(api, tx, signer) {
  return new Promise((resolve, reject) => {
    let unsubscribe = () => {};
    tx.signAndSend(signer, (result) => {
      const { status, events, dispatchError } = result;
      if (status.isInvalid || status.isDropped || status.isUsurped) {
        unsubscribe();
        reject(new Error(`transaction ${status.type}`));
      } else if (status.isInBlock) {
        unsubscribe();
        if (dispatchError) {
          if (dispatchError.isModule) {
            const { section, name } = api.registry.findMetaError(dispatchError.asModule);
            reject(new Error(`${section}.${name}`));
          } else {
            reject(new Error(dispatchError.toString()));
          }
        } else {
          resolve({ blockHash: status.asInBlock, events: events.map(({ event }) => event) });
        }
      }
    })
      .then((unsub) => {
        unsubscribe = unsub;
      })
      .catch(reject);
  });
}

/** The free balance of `address` (at `blockHash`, or at the best block), as a BigInt. */
export async function freeBalance(api, address, blockHash) {
  const at = blockHash ? await api.at(blockHash) : api;
  const { data } = await at.query.system.account(address);
  return data.free.toBigInt();
}
