//! Parameters governance tunes without a runtime upgrade (`pallet-parameters`): the prices of
//! storage deposits, the posting rate limit's window, the era mint and the author/curator
//! split, and the session length.
//!
//! A passed `general` (or `root`) referendum calls `parameters.set_parameter`, which stores the
//! new value and emits `parameters.Updated` with the old and new values; unset, a parameter has
//! the default written here. Each value the runtime reads is kept within the bounds written
//! beside it ([`Bounded`]): a referendum can set a value outside them, but the runtime uses the
//! nearest bound, so no vote can make storage free or a session zero blocks long.
//!
//! Deposits already held keep the amount recorded with their item: a new price applies to
//! items created (or grown) after it.

use core::marker::PhantomData;

use codec::MaxEncodedLen;
use frame_support::{
	dynamic_params::{dynamic_pallet_params, dynamic_params},
	traits::{ConstU128, ConstU32, EitherOf, Get},
};
use frame_system::EnsureRoot;
use sp_runtime::Perbill;

use crate::{
	constants::{
		currency::{DEPOSIT_PER_BYTE, DEPOSIT_PER_ITEM, MICRO_PLZ, MILLI_PLZ, PLZ},
		time::{DAYS, MINUTES},
	},
	governance::EnsureGeneral,
	AccountId, Balance, BlockNumber, Runtime, RuntimeEvent,
};

#[dynamic_params(RuntimeParameters, pallet_parameters::Parameters::<Runtime>)]
pub mod dynamic_params {
	use super::*;

	/// The prices every social deposit is made of.
	#[dynamic_pallet_params]
	#[codec(index = 0)]
	pub mod deposits {
		/// What one storage item costs to keep (a profile, a follow, a post, a vote, a grant).
		#[codec(index = 0)]
		pub static PerItem: Balance = DEPOSIT_PER_ITEM;
		/// What one byte of such an item costs to keep.
		#[codec(index = 1)]
		pub static PerByte: Balance = DEPOSIT_PER_BYTE;
	}

	/// The posting rate limit.
	#[dynamic_pallet_params]
	#[codec(index = 1)]
	pub mod posting {
		/// The window, in blocks, in which an account may make `MaxPostsPerWindow` (20) posts,
		/// replies, reposts, edits and reports.
		#[codec(index = 0)]
		pub static RateLimitWindow: BlockNumber = MINUTES;
	}

	/// Content rewards.
	#[dynamic_pallet_params]
	#[codec(index = 2)]
	pub mod rewards {
		/// Minted into the reward pool every era.
		#[codec(index = 0)]
		pub static EraMint: Balance = 1_000 * PLZ;
		/// The authors' share of each era's pool; the curators get the rest.
		#[codec(index = 1)]
		pub static AuthorShare: Perbill = Perbill::from_percent(50);
	}

	/// Validators.
	#[dynamic_pallet_params]
	#[codec(index = 3)]
	pub mod validators {
		/// How many blocks a session lasts: the validator set can change once a session.
		#[codec(index = 0)]
		pub static SessionLength: BlockNumber = crate::configs::SESSION_PERIOD;
	}
}

/// `P`'s value kept within `[Min::get(), Max::get()]`.
pub struct Bounded<P, Min, Max>(PhantomData<(P, Min, Max)>);

impl<T: Ord, P: Get<T>, Min: Get<T>, Max: Get<T>> Get<T> for Bounded<P, Min, Max> {
	fn get() -> T {
		P::get().clamp(Min::get(), Max::get())
	}
}

/// The price of one storage item: from 0.001 to 10 PLZ.
pub type PerItem =
	Bounded<dynamic_params::deposits::PerItem, ConstU128<MILLI_PLZ>, ConstU128<{ 10 * PLZ }>>;
/// The price of one byte: from 0.000001 to 0.01 PLZ.
pub type PerByte =
	Bounded<dynamic_params::deposits::PerByte, ConstU128<MICRO_PLZ>, ConstU128<{ 10 * MILLI_PLZ }>>;
/// The posting rate limit's window: from a block to a day.
pub type RateLimitWindow =
	Bounded<dynamic_params::posting::RateLimitWindow, ConstU32<1>, ConstU32<DAYS>>;
/// The era mint: up to 100,000 PLZ.
pub type EraMint =
	Bounded<dynamic_params::rewards::EraMint, ConstU128<0>, ConstU128<{ 100_000 * PLZ }>>;
/// The authors' share (any share is valid).
pub type AuthorShare = dynamic_params::rewards::AuthorShare;
/// The session length: from a minute to a day.
pub type SessionLength =
	Bounded<dynamic_params::validators::SessionLength, ConstU32<MINUTES>, ConstU32<DAYS>>;

/// The deposit for `ITEMS` storage items of `BYTES` bytes in total, at the current prices.
pub struct Deposit<const ITEMS: u32, const BYTES: u32>;

impl<const ITEMS: u32, const BYTES: u32> Get<Balance> for Deposit<ITEMS, BYTES> {
	fn get() -> Balance {
		storage_deposit(ITEMS, BYTES)
	}
}

/// The deposit for `items` storage items of `bytes` bytes in total, at the current prices.
pub fn storage_deposit(items: u32, bytes: u32) -> Balance {
	Balance::from(items)
		.saturating_mul(PerItem::get())
		.saturating_add(Balance::from(bytes).saturating_mul(PerByte::get()))
}

/// The deposit for `items` storage items of a type `T` at its largest, at the current prices.
pub struct DepositFor<T, const ITEMS: u32>(PhantomData<T>);

impl<T: MaxEncodedLen, const ITEMS: u32> Get<Balance> for DepositFor<T, ITEMS> {
	fn get() -> Balance {
		storage_deposit(ITEMS, T::max_encoded_len() as u32)
	}
}

/// Root, or a passed `general` referendum, sets any parameter.
pub type ParameterAdmin =
	frame_support::traits::AsEnsureOriginWithArg<EitherOf<EnsureRoot<AccountId>, EnsureGeneral>>;

impl pallet_parameters::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeParameters = RuntimeParameters;
	type AdminOrigin = ParameterAdmin;
	type WeightInfo = crate::weights::pallet_parameters::WeightInfo<Runtime>;
}

#[cfg(feature = "runtime-benchmarks")]
impl Default for RuntimeParameters {
	fn default() -> Self {
		RuntimeParameters::Rewards(dynamic_params::rewards::Parameters::EraMint(
			dynamic_params::rewards::EraMint,
			Some(1_000 * PLZ),
		))
	}
}
