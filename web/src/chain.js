// The connection to the node: the API, the chain's identity, live block heights, and the node's
// `social_*` methods and subscriptions.
import { ApiPromise, WsProvider } from '@polkadot/api';

/**
 * Connects to `url`; resolves once the metadata is loaded.
 * @param {string} url
 */
export async function connect(url) {
  const provider = new WsProvider(url, 2_500, {}, 20_000);
  const api = await ApiPromise.create({ provider, noInitWarn: true, throwOnConnect: true });
  const [chain, chainType, properties] = await Promise.all([
    api.rpc.system.chain(),
    api.rpc.system.chainType(),
    api.rpc.system.properties(),
  ]);
  return {
    api,
    provider,
    url,
    name: chain.toString(),
    development: chainType.isDevelopment || chainType.isLocal,
    decimals: properties.tokenDecimals.unwrapOr([12])[0]?.toNumber?.() ?? 12,
    symbol: properties.tokenSymbol.unwrapOr(['PLZ'])[0]?.toString() ?? 'PLZ',
    ss58: properties.ss58Format.unwrapOr(42).toNumber?.() ?? 42,
  };
}

/** Calls a `social_*` method of the node `chain` is connected to. */
export function social(chain, method, ...params) {
  return chain.provider.send(`social_${method}`, params);
}

/**
 * Subscribes to `social_subscribe<name>`; `onItem` gets each pushed item. Returns the unsubscribe
 * function.
 */
export async function subscribeSocial(chain, name, params, onItem) {
  const notification = { HomeFeed: 'social_homeFeedUpdate', Post: 'social_postUpdate', Community: 'social_communityUpdate' }[name];
  const id = await chain.provider.subscribe(notification, `social_subscribe${name}`, params, (error, item) => {
    if (!error) onItem(item);
  });
  return () => chain.provider.unsubscribe(notification, `social_unsubscribe${name}`, id).catch(() => {});
}

/**
 * Calls `onHeights({ best, finalized })` as blocks arrive; returns the unsubscribe function.
 */
export async function watchHeights(api, onHeights) {
  const heights = { best: 0, finalized: 0 };
  const unsubscribers = await Promise.all([
    api.rpc.chain.subscribeNewHeads((header) => {
      heights.best = header.number.toNumber();
      onHeights({ ...heights });
    }),
    api.rpc.chain.subscribeFinalizedHeads((header) => {
      heights.finalized = header.number.toNumber();
      onHeights({ ...heights });
    }),
  ]);
  return () => unsubscribers.forEach((unsubscribe) => unsubscribe());
}
