//! Version 0 → 1: the rate limit's fixed window per account (`RateWindows`: the block it started
//! in and how many posts since) becomes a sliding window (`RecentActions`: the blocks actions
//! were made in, with their counts).
//!
//! A window still open becomes one entry at the block it started in, so its posts keep counting
//! until `RateLimitWindow` blocks after that block, as they did; closed windows are dropped.

use crate::{Config, Pallet, RecentActions};
use frame_support::{
	migrations::VersionedMigration, pallet_prelude::*, storage_alias,
	traits::UncheckedOnRuntimeUpgrade, BoundedVec,
};
use frame_system::pallet_prelude::BlockNumberFor;

/// The storage layout of version 0.
// `storage_alias` generates an undocumented prefix type for each item.
#[allow(missing_docs)]
pub mod v0 {
	use super::*;

	/// How many posts an account created in its current rate-limit window.
	#[derive(
		Clone, Copy, Default, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug,
	)]
	pub struct RateWindow<BlockNumber> {
		/// The block the window started in.
		pub started: BlockNumber,
		/// Posts created since.
		pub posts: u32,
	}

	/// Each account's current rate-limit window.
	#[storage_alias]
	pub type RateWindows<T: Config> = StorageMap<
		Pallet<T>,
		Blake2_128Concat,
		<T as frame_system::Config>::AccountId,
		RateWindow<BlockNumberFor<T>>,
		OptionQuery,
	>;
}

/// Moves every `RateWindows` entry to `RecentActions`. Use [`MigrateV0ToV1`], which runs it only
/// on storage version 0 and then sets version 1.
pub struct InnerMigrateV0ToV1<T>(core::marker::PhantomData<T>);

impl<T: Config> UncheckedOnRuntimeUpgrade for InnerMigrateV0ToV1<T> {
	fn on_runtime_upgrade() -> Weight {
		let now = frame_system::Pallet::<T>::block_number();
		let (mut moved, mut dropped) = (0u64, 0u64);
		for (who, window) in v0::RateWindows::<T>::drain() {
			if window.posts > 0 && Pallet::<T>::in_window(window.started, now) {
				let posts = window.posts.min(T::MaxPostsPerWindow::get());
				RecentActions::<T>::insert(
					who,
					BoundedVec::truncate_from([(window.started, posts)].to_vec()),
				);
				moved += 1;
			} else {
				dropped += 1;
			}
		}
		// Each old entry read and removed; each open one written anew.
		T::DbWeight::get().reads_writes(moved + dropped, 2 * moved + dropped)
	}

	#[cfg(feature = "try-runtime")]
	fn pre_upgrade() -> Result<alloc::vec::Vec<u8>, sp_runtime::TryRuntimeError> {
		Ok((v0::RateWindows::<T>::iter().count() as u64).encode())
	}

	#[cfg(feature = "try-runtime")]
	fn post_upgrade(_: alloc::vec::Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
		ensure!(v0::RateWindows::<T>::iter().next().is_none(), "RateWindows left behind");
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
