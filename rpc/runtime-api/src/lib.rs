//! # Plaza runtime APIs
//!
//! Read-only calls into the runtime for wallets, frontends and the node's RPC. @polkadot/api
//! reaches them without custom types as `api.call.rewardsApi.pendingRewards(account)`.

#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]

sp_api::decl_runtime_apis! {
	/// Token rewards.
	pub trait RewardsApi<AccountId, Balance>
	where
		AccountId: codec::Codec,
		Balance: codec::Codec,
	{
		/// What `who` could claim with `rewards.claim_rewards` now, over all finished eras.
		fn pending_rewards(who: AccountId) -> Balance;
	}
}
