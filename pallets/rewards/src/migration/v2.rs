//! Version 1 → 2: finished eras close and are pruned, and each account lists the eras it has
//! rewards in.
//!
//! - `ClaimFrom` (an account's first unclaimed era) becomes `UnclaimedEras`: the eras from there
//!   on, within the claim horizon, in which the account still has score.
//! - Each `Eras` entry gains `claimed` and `claimants`. Claims made before the upgrade are not
//!   recorded, so `claimed` is set to what the era splits less what its remaining claimants are
//!   owed: the era then returns nothing more than what it owes when it closes (the rounding dust
//!   of earlier claims stays in the pool account, as it did before).
//! - Eras past the claim horizon expire: what their remaining claimants were owed goes back to
//!   the pool (`Carry`). Eras without score or without claimants left close. Both are queued
//!   for `on_idle` to prune.
//! - `EraClaimants` counts the accounts with score in the era in progress.
//!
//! It reads every era's scores in one block: sized for the test networks that ran version 1.

use crate::{
	AuthorScores, BalanceOf, Carry, Config, CuratorVotes, CurrentEra, EraClaimants, EraIndex,
	EraPayout, Eras, ErasToPrune, Pallet, UnclaimedEras,
};
use alloc::collections::BTreeSet;
use frame_support::{
	migrations::VersionedMigration, pallet_prelude::*, storage_alias,
	traits::UncheckedOnRuntimeUpgrade, BoundedVec,
};
use sp_runtime::traits::{Saturating, Zero};

/// The storage layout of version 1.
// `storage_alias` generates an undocumented prefix type for each item.
#[allow(missing_docs)]
pub mod v1 {
	use super::*;

	/// What a finished era paid out, without claim accounting.
	#[derive(Clone, Copy, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
	pub struct EraPayout<Balance> {
		/// The era's pool.
		pub pool: Balance,
		/// The authors' part.
		pub authors: Balance,
		/// The curators' part.
		pub curators: Balance,
		/// The sum of the posts' net scores.
		pub total_score: u128,
	}

	/// What each finished era pays out.
	#[storage_alias]
	pub type Eras<T: Config> =
		StorageMap<Pallet<T>, Twox64Concat, EraIndex, EraPayout<BalanceOf<T>>, OptionQuery>;

	/// The first era each account may still have rewards in.
	#[storage_alias]
	pub type ClaimFrom<T: Config> = StorageMap<
		Pallet<T>,
		Blake2_128Concat,
		<T as frame_system::Config>::AccountId,
		EraIndex,
		OptionQuery,
	>;
}

/// The accounts with score in `era`.
fn claimants_of<T: Config>(era: EraIndex) -> BTreeSet<T::AccountId> {
	AuthorScores::<T>::iter_key_prefix(era).chain(CuratorVotes::<T>::iter_key_prefix(era)).collect()
}

/// Rewrites the rewards pallet's claim storage from version 1 to 2. Use [`MigrateV1ToV2`],
/// which runs it only on storage version 1 and then sets version 2.
pub struct InnerMigrateV1ToV2<T>(core::marker::PhantomData<T>);

impl<T: Config> UncheckedOnRuntimeUpgrade for InnerMigrateV1ToV2<T> {
	fn on_runtime_upgrade() -> Weight {
		let current = CurrentEra::<T>::get();
		let horizon = T::ClaimHorizon::get();
		let mut reads = 1u64;
		let mut writes = 0u64;

		// Drained before any is written back: the two layouts share the map's keys.
		let eras = v1::Eras::<T>::drain().collect::<alloc::vec::Vec<_>>();
		for (era, old) in eras {
			let claimants = claimants_of::<T>(era);
			reads += 1 + claimants.len() as u64;
			writes += 2;
			let mut payout = EraPayout {
				pool: old.pool,
				authors: old.authors,
				curators: old.curators,
				total_score: old.total_score,
				claimed: Zero::zero(),
				claimants: claimants.len() as u32,
			};
			let owed = claimants.iter().fold(BalanceOf::<T>::zero(), |owed, who| {
				let votes = CuratorVotes::<T>::get(era, who);
				let author_score = AuthorScores::<T>::get(era, who);
				owed.saturating_add(Pallet::<T>::reward(era, &payout, author_score, &votes))
			});
			let expired = era.saturating_add(horizon) < current;
			if expired {
				Carry::<T>::mutate(|carry| carry.saturating_accrue(owed));
			}
			payout.claimed = payout.unpaid().saturating_sub(owed);
			if expired || payout.total_score == 0 || payout.claimants == 0 {
				ErasToPrune::<T>::insert(era, ());
			} else {
				Eras::<T>::insert(era, payout);
			}
		}

		for (who, from) in v1::ClaimFrom::<T>::drain() {
			let first = from.max(current.saturating_sub(horizon));
			let eras = (first..=current)
				.filter(|era| {
					(*era == current || Eras::<T>::contains_key(era))
						&& Pallet::<T>::has_score_in(*era, &who)
				})
				.collect::<alloc::vec::Vec<_>>();
			reads += 2 * u64::from(current.saturating_sub(first).saturating_add(1));
			writes += 2;
			if !eras.is_empty() {
				UnclaimedEras::<T>::insert(&who, BoundedVec::truncate_from(eras));
			}
		}

		let now = claimants_of::<T>(current).len() as u32;
		EraClaimants::<T>::put(now);
		T::DbWeight::get().reads_writes(reads + u64::from(now), writes + 1)
	}

	#[cfg(feature = "try-runtime")]
	fn post_upgrade(_: alloc::vec::Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
		ensure!(v1::ClaimFrom::<T>::iter().next().is_none(), "ClaimFrom is left");
		Pallet::<T>::do_try_state()
	}
}

/// The version-checked migration from storage version 1 to 2, for the runtime's migrations.
pub type MigrateV1ToV2<T> = VersionedMigration<
	1,
	2,
	InnerMigrateV1ToV2<T>,
	Pallet<T>,
	<T as frame_system::Config>::DbWeight,
>;
