//! The origins Plaza's referenda dispatch with beyond Root, and the pace of their tracks.
//!
//! A small pallet kept in the runtime, as Polkadot keeps its governance origins: it has no calls.
//! It declares the `General` origin that a referendum on the general track dispatches with, and
//! stores the chain's governance [`Pace`], set in genesis: the live network's tracks run in days,
//! test networks' in minutes.

pub use pallet::*;

#[frame_support::pallet]
pub mod pallet {
	use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
	use frame_support::pallet_prelude::*;
	use scale_info::TypeInfo;

	use crate::BlockNumber;

	/// This pallet's configuration: nothing beyond the system's.
	#[pallet::config]
	pub trait Config: frame_system::Config {}

	#[pallet::pallet]
	pub struct Pallet<T>(_);

	/// The origins a referendum dispatches with besides Root, one per track.
	#[derive(
		PartialEq, Eq, Clone, MaxEncodedLen, Encode, Decode, DecodeWithMemTracking, TypeInfo, Debug,
	)]
	#[pallet::origin]
	pub enum Origin {
		/// A passed referendum of the general track: it may change the runtime's parameters
		/// (deposits, rate limits, the era mint, the reward split), nothing that needs Root.
		General,
	}

	/// How long a governance period lasts on this chain.
	#[derive(
		PartialEq,
		Eq,
		Clone,
		Copy,
		Default,
		MaxEncodedLen,
		Encode,
		Decode,
		DecodeWithMemTracking,
		TypeInfo,
		Debug,
		frame_support::Serialize,
		frame_support::Deserialize,
	)]
	#[serde(crate = "frame_support::__private::serde")]
	pub enum Pace {
		/// Periods as the tracks state them (days): a live network.
		#[default]
		Days,
		/// Every day of a period lasts a minute (and no period is shorter than a block): test
		/// networks, where a referendum passes in minutes.
		Minutes,
	}

	impl Pace {
		/// `blocks` of a track's period at this pace.
		pub fn scale(self, blocks: BlockNumber) -> BlockNumber {
			match self {
				Pace::Days => blocks,
				Pace::Minutes => (blocks / (crate::DAYS / crate::MINUTES)).max(1),
			}
		}
	}

	/// The chain's governance pace, from genesis. The tracks read it whenever a referendum's
	/// period is checked; only Root can change it (`system.set_storage`).
	#[pallet::storage]
	pub type GovernancePace<T> = StorageValue<_, Pace, ValueQuery>;

	/// The pace in genesis.
	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// `Days` for a live network, `Minutes` for a test network.
		pub pace: Pace,
		#[serde(skip)]
		#[doc(hidden)]
		pub _config: core::marker::PhantomData<T>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			GovernancePace::<T>::put(self.pace);
		}
	}
}

/// Ensures a passed referendum of the general track.
pub struct EnsureGeneral;

impl<O> frame_support::traits::EnsureOrigin<O> for EnsureGeneral
where
	O: frame_support::traits::OriginTrait + From<Origin>,
	for<'a> &'a O::PalletsOrigin: TryInto<&'a Origin>,
{
	type Success = ();

	fn try_origin(o: O) -> Result<Self::Success, O> {
		if matches!(o.caller().try_into(), Ok(Origin::General)) {
			Ok(())
		} else {
			Err(o)
		}
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn try_successful_origin() -> Result<O, ()> {
		Ok(O::from(Origin::General))
	}
}
