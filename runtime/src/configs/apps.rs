//! Apps acting for people: Plaza's scoped grants (`pallet-apps`) and wallet-native proxies
//! (`pallet-proxy`) with a proxy type per scope, both judged by the same map of calls to scopes.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{
	parameter_types,
	traits::{Get, InstanceFilter},
};
use pallet_apps::{CallScope, Scope};
use scale_info::TypeInfo;
use sp_runtime::traits::{BlakeTwo256, Verify};

use crate::{
	constants::currency::deposit, constants::time::MINUTES, Balance, Balances, BlockNumber,
	Runtime, RuntimeCall, RuntimeEvent, RuntimeHoldReason, Signature, System,
};

/// Which scope each call needs: the social calls a person makes, and tips (which spend what
/// they tip), and claiming rewards (paid to the person). Every other call (transfers, curation
/// stake, batches, proxies, grants themselves) has none, so no app and no scoped proxy can make
/// it.
pub struct SocialScopes;

impl CallScope<RuntimeCall, Balance> for SocialScopes {
	fn scope_of(call: &RuntimeCall) -> Option<(Scope, Balance)> {
		use pallet_posts::Call as Posts;
		use pallet_profiles::Call as Profiles;
		let scope = match call {
			RuntimeCall::Posts(
				Posts::create_post { .. }
				| Posts::create_posts { .. }
				| Posts::post_in_community { .. },
			) => Scope::Post,
			RuntimeCall::Posts(Posts::edit_post { .. } | Posts::delete_post { .. }) => Scope::Edit,
			RuntimeCall::Posts(Posts::repost { .. }) => Scope::Repost,
			RuntimeCall::Votes(
				pallet_votes::Call::vote { .. } | pallet_votes::Call::unvote { .. },
			) => Scope::Vote,
			RuntimeCall::Profiles(Profiles::follow { .. } | Profiles::unfollow { .. }) => {
				Scope::Follow
			},
			RuntimeCall::Profiles(
				Profiles::set_profile { .. } | Profiles::clear_profile { .. },
			) => Scope::Profile,
			RuntimeCall::Rewards(pallet_rewards::Call::tip { amount, .. }) => {
				return Some((Scope::Tip, *amount))
			},
			RuntimeCall::Rewards(pallet_rewards::Call::claim_rewards {}) => Scope::Claim,
			_ => return None,
		};
		Some((scope, 0))
	}
}

/// A grant: its record and its two account keys, at the governable storage prices.
pub struct GrantDeposit;

impl Get<Balance> for GrantDeposit {
	fn get() -> Balance {
		super::parameters::storage_deposit(
			1,
			pallet_apps::GrantOf::<Runtime>::max_encoded_len() as u32 + 2 * 48,
		)
	}
}

parameter_types! {
	/// An app's batch carries up to 200 people's actions.
	pub const MaxActions: u32 = 200;
	/// An onboarding payload must reach the chain within ten minutes of being signed.
	pub const MaxPayloadLifetime: BlockNumber = 10 * MINUTES;
}

impl pallet_apps::Config for Runtime {
	type RuntimeCall = RuntimeCall;
	type CallScope = SocialScopes;
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Signature = Signature;
	type Signer = <Signature as Verify>::Signer;
	type GrantDeposit = GrantDeposit;
	type MaxActions = MaxActions;
	type MaxPayloadLifetime = MaxPayloadLifetime;
	type WeightInfo = pallet_apps::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = AppsBenchmarkHelper;
}

/// What a proxy may do for the account that added it: everything (`Any`, as on every
/// Substrate chain), every social action, or one scope of them. Wallets and polkadot.js apps
/// show these names from the metadata.
#[derive(
	Copy,
	Clone,
	Eq,
	PartialEq,
	Ord,
	PartialOrd,
	Default,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
pub enum ProxyType {
	/// Any call.
	#[default]
	Any,
	/// Every call with a social scope: posting, editing, reposting, voting, following, the
	/// profile, tipping and claiming rewards.
	Social,
	/// Posts and replies.
	Post,
	/// Editing and deleting posts.
	Edit,
	/// Reposts.
	Repost,
	/// Votes.
	Vote,
	/// Follows.
	Follow,
	/// The profile.
	Profile,
	/// Tips.
	Tip,
	/// Claiming rewards.
	Claim,
}

impl ProxyType {
	/// The one scope this proxy type stands for, if it stands for one.
	fn scope(&self) -> Option<Scope> {
		Some(match self {
			ProxyType::Any | ProxyType::Social => return None,
			ProxyType::Post => Scope::Post,
			ProxyType::Edit => Scope::Edit,
			ProxyType::Repost => Scope::Repost,
			ProxyType::Vote => Scope::Vote,
			ProxyType::Follow => Scope::Follow,
			ProxyType::Profile => Scope::Profile,
			ProxyType::Tip => Scope::Tip,
			ProxyType::Claim => Scope::Claim,
		})
	}
}

impl InstanceFilter<RuntimeCall> for ProxyType {
	fn filter(&self, call: &RuntimeCall) -> bool {
		if *self == ProxyType::Any {
			return true;
		}
		// Batches pass: each call in them goes through this filter again.
		if matches!(call, RuntimeCall::Utility(..)) {
			return true;
		}
		match SocialScopes::scope_of(call) {
			None => false,
			Some((scope, _)) => self.scope().is_none_or(|own| own == scope),
		}
	}

	fn is_superset(&self, other: &Self) -> bool {
		match (self, other) {
			(ProxyType::Any, _) => true,
			(_, ProxyType::Any) => false,
			(ProxyType::Social, _) => true,
			(_, ProxyType::Social) => false,
			(own, other) => own == other,
		}
	}
}

parameter_types! {
	/// A proxy list: one entry of an account key and a balance…
	pub const ProxyDepositBase: Balance = deposit(1, 48 + 16);
	/// …plus each proxy in it: an account, a proxy type and a delay.
	pub const ProxyDepositFactor: Balance = deposit(0, 32 + 1 + 4);
	/// An announcement list: one entry…
	pub const AnnouncementDepositBase: Balance = deposit(1, 48 + 16);
	/// …plus each announcement: an account, a call hash and a block number.
	pub const AnnouncementDepositFactor: Balance = deposit(0, 32 + 32 + 4);
}

impl pallet_proxy::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type Currency = Balances;
	type ProxyType = ProxyType;
	type ProxyDepositBase = ProxyDepositBase;
	type ProxyDepositFactor = ProxyDepositFactor;
	type MaxProxies = frame_support::traits::ConstU32<32>;
	type WeightInfo = crate::weights::pallet_proxy::WeightInfo<Runtime>;
	type MaxPending = frame_support::traits::ConstU32<32>;
	type CallHasher = BlakeTwo256;
	type AnnouncementDepositBase = AnnouncementDepositBase;
	type AnnouncementDepositFactor = AnnouncementDepositFactor;
	type BlockNumberProvider = System;
}

/// Calls and keys for `pallet_apps`' benchmarks.
#[cfg(feature = "runtime-benchmarks")]
pub struct AppsBenchmarkHelper;

#[cfg(feature = "runtime-benchmarks")]
impl pallet_apps::BenchmarkHelper<Runtime> for AppsBenchmarkHelper {
	fn cheap_scoped_call(person: &crate::AccountId) -> RuntimeCall {
		// Following oneself: in the Follow scope, refused before any storage is read, so that
		// the batch's own weight leaves the calls' costs to their own weights.
		RuntimeCall::Profiles(pallet_profiles::Call::follow { who: person.clone() })
	}

	fn sign(message: &[u8]) -> (crate::AccountId, Signature) {
		use sp_runtime::traits::IdentifyAccount;
		const KEY_TYPE: sp_core::crypto::KeyTypeId = sp_core::crypto::KeyTypeId(*b"bnch");
		let public = sp_io::crypto::sr25519_generate(KEY_TYPE, None);
		let signature = sp_io::crypto::sr25519_sign(KEY_TYPE, &public, message)
			.expect("the key was just generated");
		(sp_runtime::MultiSigner::from(public).into_account(), Signature::Sr25519(signature))
	}
}
