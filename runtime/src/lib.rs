//! # Plaza runtime
//!
//! The state transition function of the Plaza chain: FRAME pallets for accounts and balances,
//! Aura block authoring, GRANDPA finality, transaction payment, batching (`utility`), Plaza's
//! social pallets (profiles and follows, posts, votes, rewards and tips), validators that join with
//! a bond, and referenda (OpenGov) that change the chain; `sudo` has a key on the `dev` chain
//! only.
//!
//! - [`constants`]: token units, block times and storage deposits.
//! - [`configs`]: every pallet's `Config` and its parameters.
//! - [`governance`]: the referendum tracks and the origins they dispatch with.
//! - [`genesis_config_presets`]: the `dev` and `local_testnet` genesis presets.
//! - [`apis`]: the runtime APIs the node, wallets and RPC call.

#![cfg_attr(not(feature = "std"), no_std)]
// `construct_runtime` needs a deep recursion limit.
#![recursion_limit = "256"]

#[cfg(feature = "std")]
include!(concat!(env!("OUT_DIR"), "/wasm_binary.rs"));

extern crate alloc;

use alloc::vec::Vec;

pub mod apis;
#[cfg(feature = "runtime-benchmarks")]
mod benchmarks;
pub mod configs;
pub mod constants;
pub mod genesis_config_presets;
pub mod governance;
pub mod migrations;
#[cfg(test)]
mod tests;
pub mod weights;

use sp_runtime::{
	generic, impl_opaque_keys,
	traits::{BlakeTwo256, IdentifyAccount, Verify},
	MultiAddress, MultiSignature,
};
use sp_version::RuntimeVersion;

pub use constants::{currency::*, time::*};
pub use frame_system::Call as SystemCall;
pub use pallet_balances::Call as BalancesCall;
pub use pallet_timestamp::Call as TimestampCall;
#[cfg(any(feature = "std", test))]
pub use sp_runtime::BuildStorage;

/// Opaque types: what the node needs to know of blocks without knowing the runtime's types, so
/// that it keeps syncing across runtime upgrades that change them.
pub mod opaque {
	use super::*;
	use sp_runtime::traits::Hash as HashT;

	pub use sp_runtime::OpaqueExtrinsic as UncheckedExtrinsic;

	/// Opaque block header type.
	pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
	/// Opaque block type.
	pub type Block = generic::Block<Header, UncheckedExtrinsic>;
	/// Opaque block identifier type.
	pub type BlockId = generic::BlockId<Block>;
	/// Opaque block hash type.
	pub type Hash = <BlakeTwo256 as HashT>::Output;
}

impl_opaque_keys! {
	/// The session keys of a Plaza validator: an Aura (sr25519) key to author blocks and a
	/// GRANDPA (ed25519) key to vote on finality.
	pub struct SessionKeys {
		/// Block authoring key.
		pub aura: Aura,
		/// Finality voting key.
		pub grandpa: Grandpa,
	}
}

/// Declares [`VERSION`] with the given `spec_version` (a literal, as `runtime_version` needs).
macro_rules! runtime_version {
	($spec_version:tt) => {
		/// The runtime version. Bump `spec_version` (both numbers below) with every runtime
		/// change that alters behaviour and `transaction_version` with every change to call
		/// indices or the transaction format.
		#[sp_version::runtime_version]
		pub const VERSION: RuntimeVersion = RuntimeVersion {
			spec_name: alloc::borrow::Cow::Borrowed("plaza"),
			impl_name: alloc::borrow::Cow::Borrowed("plaza-node"),
			authoring_version: 1,
			spec_version: $spec_version,
			impl_version: 1,
			apis: apis::RUNTIME_API_VERSIONS,
			transaction_version: 1,
			system_version: 1,
		};
	};
}

#[cfg(not(feature = "next-spec-version"))]
runtime_version!(108);
// The same runtime one `spec_version` higher: what the runtime-upgrade test enacts by referendum
// (`runtime/blobs` builds it as `plaza_runtime_next.compact.compressed.wasm`).
#[cfg(feature = "next-spec-version")]
runtime_version!(109);

/// Transaction signature: sr25519, ed25519 or ecdsa.
pub type Signature = MultiSignature;

/// An account is identified by the public key of its signing scheme.
pub type AccountId = <<Signature as Verify>::Signer as IdentifyAccount>::AccountId;

/// Balance of an account, in planck (10^-12 PLZ).
pub type Balance = u128;

/// Index of a transaction in the chain.
pub type Nonce = u32;

/// A hash of some data used by the chain.
pub type Hash = sp_core::H256;

/// An index to a block.
pub type BlockNumber = u32;

/// The address format for describing accounts.
pub type Address = MultiAddress<AccountId, ()>;

/// Block header type as expected by this runtime.
pub type Header = generic::Header<BlockNumber, BlakeTwo256>;

/// Block type as expected by this runtime.
pub type Block = generic::Block<Header, UncheckedExtrinsic>;

/// A block signed with a justification.
pub type SignedBlock = generic::SignedBlock<Block>;

/// BlockId type as expected by this runtime.
pub type BlockId = generic::BlockId<Block>;

/// The transaction extensions, in the order the SDK's solochain template uses. `CheckMetadataHash`
/// lets hardware and offline signers verify the metadata they display.
pub type TxExtension = (
	frame_system::AuthorizeCall<Runtime>,
	frame_system::CheckNonZeroSender<Runtime>,
	frame_system::CheckSpecVersion<Runtime>,
	frame_system::CheckTxVersion<Runtime>,
	frame_system::CheckGenesis<Runtime>,
	frame_system::CheckEra<Runtime>,
	frame_system::CheckNonce<Runtime>,
	frame_system::CheckWeight<Runtime>,
	pallet_transaction_payment::ChargeTransactionPayment<Runtime>,
	frame_metadata_hash_extension::CheckMetadataHash<Runtime>,
	frame_system::WeightReclaim<Runtime>,
);

/// Unchecked extrinsic type as expected by this runtime.
pub type UncheckedExtrinsic =
	generic::UncheckedExtrinsic<Address, RuntimeCall, Signature, TxExtension>;

/// The payload being signed in transactions.
pub type SignedPayload = generic::SignedPayload<RuntimeCall, TxExtension>;

/// Executive: dispatches blocks and transactions to the pallets.
pub type Executive = frame_executive::Executive<
	Runtime,
	Block,
	frame_system::ChainContext<Runtime>,
	Runtime,
	AllPalletsWithSystem,
	migrations::Migrations,
>;

#[frame_support::runtime]
mod runtime {
	/// The Plaza runtime.
	#[runtime::runtime]
	#[runtime::derive(
		RuntimeCall,
		RuntimeEvent,
		RuntimeError,
		RuntimeOrigin,
		RuntimeFreezeReason,
		RuntimeHoldReason,
		RuntimeSlashReason,
		RuntimeLockId,
		RuntimeTask,
		RuntimeViewFunction
	)]
	pub struct Runtime;

	/// Accounts, nonces, events and block bookkeeping.
	#[runtime::pallet_index(0)]
	pub type System = frame_system;

	/// The block timestamp inherent.
	#[runtime::pallet_index(1)]
	pub type Timestamp = pallet_timestamp;

	/// Aura: round-robin block authoring in 6 s slots.
	#[runtime::pallet_index(2)]
	pub type Aura = pallet_aura;

	/// GRANDPA: the finality gadget's authority set.
	#[runtime::pallet_index(3)]
	pub type Grandpa = pallet_grandpa;

	/// PLZ balances.
	#[runtime::pallet_index(4)]
	pub type Balances = pallet_balances;

	/// Transaction fees from benchmarked weights and length.
	#[runtime::pallet_index(5)]
	pub type TransactionPayment = pallet_transaction_payment;

	/// Root access for development chains: a key only in the `dev` genesis (and `bench`, built
	/// from it); `local` and the live template have none, and reach Root by referendum.
	#[runtime::pallet_index(6)]
	pub type Sudo = pallet_sudo;

	/// Batches of calls (`batch`, `batch_all`, `force_batch`).
	#[runtime::pallet_index(7)]
	pub type Utility = pallet_utility;

	/// Proxies: an account lets another act for it, for any call or one social scope.
	#[runtime::pallet_index(8)]
	pub type Proxy = pallet_proxy;

	/// Profiles (handles, display names, metadata) and the follow graph.
	#[runtime::pallet_index(10)]
	pub type Profiles = pallet_profiles;

	/// Posts, replies, edits, deletes and reposts.
	#[runtime::pallet_index(11)]
	pub type Posts = pallet_posts;

	/// Up and down votes on posts.
	#[runtime::pallet_index(12)]
	pub type Votes = pallet_votes;

	/// Per-era content rewards for authors and curators, and tips.
	#[runtime::pallet_index(13)]
	pub type Rewards = pallet_rewards;

	/// Apps acting for people: scoped, expiring grants, onboarding from a signed payload, and
	/// batches of many people's actions that the app pays for.
	#[runtime::pallet_index(14)]
	pub type Apps = pallet_apps;

	/// Who authored each block, for the validator selection's bookkeeping. Before the session
	/// pallet, so that a block's author is found among the validators that authored it.
	#[runtime::pallet_index(15)]
	pub type Authorship = pallet_authorship;

	/// The validator set's members: invulnerables and bonded candidates.
	#[runtime::pallet_index(16)]
	pub type CollatorSelection = pallet_collator_selection;

	/// Sessions: validators' session keys, and the validator set changing once a session.
	#[runtime::pallet_index(17)]
	pub type Session = pallet_session;

	/// Proposals' calls, noted with a deposit until a referendum needs them.
	#[runtime::pallet_index(20)]
	pub type Preimage = pallet_preimage;

	/// Calls dispatched at a later block: what passed referenda enact.
	#[runtime::pallet_index(21)]
	pub type Scheduler = pallet_scheduler;

	/// Referenda on the `root` and `general` tracks: how the chain changes without a sudo key.
	#[runtime::pallet_index(22)]
	pub type Referenda = pallet_referenda;

	/// PLZ holders' votes on referenda, weighted by how long they lock.
	#[runtime::pallet_index(23)]
	pub type ConvictionVoting = pallet_conviction_voting;

	/// The `General` origin of the general track, and the chain's governance pace.
	#[runtime::pallet_index(24)]
	pub type Origins = governance::origins;

	/// Parameters governance tunes without an upgrade: deposit prices, the rate limit's window,
	/// the era mint and reward split, the session length.
	#[runtime::pallet_index(25)]
	pub type Parameters = pallet_parameters;

	/// Communities: handles, rules, owners, moderators and members; moderators hide, pin, mute
	/// and ban.
	#[runtime::pallet_index(26)]
	pub type Communities = pallet_communities;
}
