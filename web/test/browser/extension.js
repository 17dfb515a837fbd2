// A test-only wallet extension: it injects itself as `window.injectedWeb3['polkadot-js']`, the
// way the polkadot{.js} extension does, and signs in Node with @polkadot/keyring the way the
// extension signs (the payload as the chain's registry encodes it). The app cannot tell it from
// the real one: it finds and uses it through @polkadot/extension-dapp.

/**
 * Opens a browser context for the person holding `pair`, with the extension injected.
 * @param {import('@playwright/test').Browser} browser
 * @param {import('@polkadot/api').ApiPromise} api the chain, for its registry
 */
export async function personWithExtension(browser, api, pair, name, viewport) {
  const context = await browser.newContext(viewport ? { viewport } : {});
  const signed = [];
  await context.exposeFunction('plazaTestExtensionSign', (payload) => {
    const extrinsicPayload = api.registry.createType('ExtrinsicPayload', payload, { version: payload.version });
    signed.push(payload.method);
    return extrinsicPayload.sign(pair).signature;
  });
  await context.addInitScript(({ address, name }) => {
    const account = { address, name, type: 'sr25519' };
    let id = 0;
    window.injectedWeb3 = {
      'polkadot-js': {
        version: '0.63.1',
        enable: async () => ({
          accounts: {
            get: async () => [account],
            subscribe: (callback) => {
              callback([account]);
              return () => {};
            },
          },
          metadata: { get: async () => [], provide: async () => true },
          signer: {
            signPayload: async (payload) => ({ id: ++id, signature: await window.plazaTestExtensionSign(payload) }),
          },
        }),
      },
    };
  }, { address: pair.address, name });
  const page = await context.newPage();
  return { context, page, signed };
}
