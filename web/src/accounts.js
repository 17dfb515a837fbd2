// The accounts a person can sign with: those of the polkadot{.js} extension (and Talisman,
// SubWallet and others that inject the same way) through @polkadot/extension-dapp, and, on a
// development chain only, the well-known development accounts.
import { cryptoWaitReady } from '@polkadot/util-crypto';

/** The development accounts' names, as `//Name` derivation paths of the dev seed. */
const DEV_NAMES = ['Alice', 'Bob', 'Charlie', 'Dave', 'Eve', 'Ferdie'];

/**
 * @typedef {{ address: string, name: string, source: string, development: boolean,
 *   signWith: () => Promise<[string | object, object]> }} Account
 * `signWith()` gives what `signAndSend` takes: `[address, { signer }]` or `[pair, {}]`.
 */

/** The extension's accounts (none when no extension answers). @returns {Promise<Account[]>} */
export async function extensionAccounts(appName, ss58Format) {
  const { web3Enable, web3Accounts, web3FromSource } = await import('@polkadot/extension-dapp');
  const extensions = await web3Enable(appName);
  if (extensions.length === 0) return [];
  const accounts = await web3Accounts({ ss58Format });
  return accounts.map((account) => ({
    address: account.address,
    name: account.meta.name ?? account.address.slice(0, 8),
    source: account.meta.source,
    development: false,
    signWith: async () => {
      const injected = await web3FromSource(account.meta.source);
      return [account.address, { signer: injected.signer }];
    },
  }));
}

/** The development accounts //Alice … //Ferdie. @returns {Promise<Account[]>} */
export async function devAccounts(ss58Format) {
  const { Keyring } = await import('@polkadot/keyring');
  await cryptoWaitReady();
  const keyring = new Keyring({ type: 'sr25519', ss58Format });
  return DEV_NAMES.map((name) => {
    const pair = keyring.addFromUri(`//${name}`, { name });
    return {
      address: pair.address,
      name: `${name} (development key)`,
      source: 'development',
      development: true,
      signWith: async () => [pair, {}],
    };
  });
}
