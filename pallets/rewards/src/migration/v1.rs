//! Version 0 → 1: a vote's weight became the voter's curation stake times its mana (`u128`),
//! where it was the voter's mana alone (`u64`, parts per million). `CountedVotes` and
//! `CuratorVotes` entries are re-encoded with the same numbers as `u128` (a full-mana vote
//! weighed 1,000,000, what a stake of 1,000,000 of the smallest unit weighs now), so the scores of
//! the era in progress stay the sums of its counted votes, and finished eras pay exactly what they
//! were going to pay.

use crate::{Config, CountedVote, CountedVotes, CuratorVotes, EraIndex, Pallet};
use frame_support::{
	migrations::VersionedMigration, pallet_prelude::*, storage_alias,
	traits::UncheckedOnRuntimeUpgrade, BoundedVec,
};
use plaza_primitives::{PostId, VoteDirection};

/// The storage layout of version 0.
// `storage_alias` generates an undocumented prefix type for each item.
#[allow(missing_docs)]
pub mod v0 {
	use super::*;

	/// A counted vote, weighed by mana alone.
	#[derive(Clone, Copy, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
	pub struct CountedVote {
		/// The era it counts in.
		pub era: EraIndex,
		/// Its direction.
		pub direction: VoteDirection,
		/// Its weight: the voter's mana, in parts per million.
		pub weight: u64,
	}

	/// The votes that count for rewards.
	#[storage_alias]
	pub type CountedVotes<T: Config> = StorageDoubleMap<
		Pallet<T>,
		Twox64Concat,
		PostId,
		Blake2_128Concat,
		<T as frame_system::Config>::AccountId,
		CountedVote,
		OptionQuery,
	>;

	/// Each curator's rewarded upvotes in each era.
	#[storage_alias]
	pub type CuratorVotes<T: Config> = StorageDoubleMap<
		Pallet<T>,
		Twox64Concat,
		EraIndex,
		Blake2_128Concat,
		<T as frame_system::Config>::AccountId,
		BoundedVec<(PostId, u64), <T as Config>::MaxRewardedVotesPerEra>,
		OptionQuery,
	>;
}

/// Re-encodes every `CountedVotes` and `CuratorVotes` entry. Use [`MigrateV0ToV1`], which runs it
/// only on storage version 0 and then sets version 1.
pub struct InnerMigrateV0ToV1<T>(core::marker::PhantomData<T>);

impl<T: Config> UncheckedOnRuntimeUpgrade for InnerMigrateV0ToV1<T> {
	fn on_runtime_upgrade() -> Weight {
		let mut entries = 0u64;
		CountedVotes::<T>::translate::<v0::CountedVote, _>(|_, _, old| {
			entries += 1;
			Some(CountedVote { era: old.era, direction: old.direction, weight: old.weight.into() })
		});
		CuratorVotes::<T>::translate::<BoundedVec<(PostId, u64), T::MaxRewardedVotesPerEra>, _>(
			|_, _, old| {
				entries += 1;
				let votes = old.into_iter().map(|(post, weight)| (post, u128::from(weight)));
				Some(BoundedVec::truncate_from(votes.collect()))
			},
		);
		T::DbWeight::get().reads_writes(entries, entries)
	}

	#[cfg(feature = "try-runtime")]
	fn pre_upgrade() -> Result<alloc::vec::Vec<u8>, sp_runtime::TryRuntimeError> {
		let counted = v0::CountedVotes::<T>::iter().count() as u64;
		let curated = v0::CuratorVotes::<T>::iter().count() as u64;
		Ok((counted, curated).encode())
	}

	#[cfg(feature = "try-runtime")]
	fn post_upgrade(state: alloc::vec::Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
		let (counted, curated) = <(u64, u64)>::decode(&mut &state[..])
			.map_err(|_| "the pre-upgrade state does not decode")?;
		ensure!(CountedVotes::<T>::iter().count() as u64 == counted, "CountedVotes lost entries");
		ensure!(CuratorVotes::<T>::iter().count() as u64 == curated, "CuratorVotes lost entries");
		Pallet::<T>::do_try_state()
	}
}

/// The version-checked migration from storage version 0 to 1, for the runtime's migrations.
pub type MigrateV0ToV1<T> = VersionedMigration<
	0,
	1,
	InnerMigrateV0ToV1<T>,
	Pallet<T>,
	<T as frame_system::Config>::DbWeight,
>;
