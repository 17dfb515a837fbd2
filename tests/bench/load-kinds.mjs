// The transactions the benchmarks load a chain with, and the `bench` chain's load accounts.
// Shared by the generators (bench/throughput.mjs, bench/feeds.mjs) and their signing workers.

/** One PLZ in planck. */
export const PLZ = 1_000_000_000_000n;

/** A CIDv1 (raw leaf) every benchmark post points at: the body size does not matter on chain. */
export const BODY_CID = 'bafkreifzjut3te2nhyekklss27nh3k72ysco7y32koao5eei66wof36n5e';

/** The `bench` chain's load accounts are `//Bench//<i>` (node/src/chain_spec.rs). */
export const ACCOUNT_ROOT = '//Bench';

/** How many load accounts the `bench` chain endows (`BENCH_ACCOUNTS` in node/src/chain_spec.rs). */
export const BENCH_ACCOUNTS = 10_000;

/**
 * Each kind's call, from its arguments: transfers go to another load account, posts point at
 * BODY_CID, votes and tips at posts created earlier in the same run. The batches build big
 * chains quickly for the feed benchmark.
 */
export const KINDS = {
  transfer: (api, [dest]) => api.tx.balances.transferKeepAlive(dest, PLZ),
  post: (api) => api.tx.posts.createPost(BODY_CID, 11, null),
  vote: (api, [postId]) => api.tx.votes.vote(postId, 'Up'),
  tip: (api, [postId]) => api.tx.rewards.tip(postId, PLZ / 10n),
  postBatch: (api, [count]) => api.tx.utility.batchAll(Array.from({ length: count }, () => KINDS.post(api))),
  createPosts: (api, [count]) => api.tx.posts.createPosts(Array.from({ length: count }, () => ({ content: BODY_CID, size: 11 }))),
  followBatch: (api, [accounts]) => api.tx.utility.batchAll(accounts.map((account) => api.tx.profiles.follow(account))),
  // A person lets an app post and vote for them; the app then posts or votes for many people in
  // one `apps.actFor`.
  authorize: (api, [app]) => api.tx.apps.authorize(app, APP_SCOPES, null, 0),
  appPosts: (api, [people]) => api.tx.apps.actFor(people.map((person) => ({ person, call: KINDS.post(api) }))),
  appVotes: (api, [votes]) => api.tx.apps.actFor(votes.map(([person, postId]) => ({ person, call: KINDS.vote(api, [postId]) }))),
};

/** What the load accounts let apps do for them. */
export const APP_SCOPES = { post: true, edit: false, repost: false, vote: true, follow: false, profile: false, tip: false, claim: false };

/** The event that says one inclusion of each kind the throughput benchmark measures did its work. */
export const KIND_EVENTS = {
  transfer: ['balances', 'Transfer'],
  post: ['posts', 'PostCreated'],
  vote: ['votes', 'Voted'],
  tip: ['rewards', 'Tipped'],
  postBatch: ['posts', 'PostCreated'],
  createPosts: ['posts', 'PostCreated'],
  authorize: ['apps', 'Authorized'],
  appPosts: ['posts', 'PostCreated'],
  appVotes: ['votes', 'Voted'],
};

/** The kinds that create posts, and so count against the posts' rate limit. */
export const POSTING_KINDS = new Set(['post', 'postBatch', 'createPosts']);

/** The kinds apps submit for people: each transaction carries one action per person. */
export const APP_KINDS = new Set(['appPosts', 'appVotes']);

/** The most posts an account may create per rate-limit window, and so the largest post batch (and `createPosts` call). */
export const POSTS_PER_BATCH = 20;
