//! Version 1 → 2: the `PostsByAuthor` index is retired. Only read paths used it (an author's
//! posts, newest first), and the social index serves those; each post no longer pays for its
//! write and each delete for its removal.
//!
//! The upgrade itself only starts the removal (`RetiredIndexCursor`): an index of every live
//! post is too large to remove in one block, so `on_idle` removes it over as many blocks as it
//! takes, with the weight blocks leave.

use crate::{Config, Pallet, RetiredIndexCursor};
use frame_support::{
	migrations::VersionedMigration, pallet_prelude::*, storage_alias,
	traits::UncheckedOnRuntimeUpgrade,
};
use plaza_primitives::PostId;

/// The storage layout of version 1 that version 2 drops.
// `storage_alias` generates an undocumented prefix type for each item.
#[allow(missing_docs)]
pub mod v1 {
	use super::*;

	/// Live posts by author.
	#[storage_alias]
	pub type PostsByAuthor<T: Config> = StorageDoubleMap<
		Pallet<T>,
		Blake2_128Concat,
		<T as frame_system::Config>::AccountId,
		Twox64Concat,
		PostId,
		(),
		OptionQuery,
	>;
}

/// Starts the removal of `PostsByAuthor`. Use [`MigrateV1ToV2`], which runs it only on storage
/// version 1 and then sets version 2.
pub struct InnerMigrateV1ToV2<T>(core::marker::PhantomData<T>);

impl<T: Config> UncheckedOnRuntimeUpgrade for InnerMigrateV1ToV2<T> {
	fn on_runtime_upgrade() -> Weight {
		RetiredIndexCursor::<T>::put(crate::SweepKey::default());
		T::DbWeight::get().writes(1)
	}

	#[cfg(feature = "try-runtime")]
	fn post_upgrade(_: alloc::vec::Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
		ensure!(RetiredIndexCursor::<T>::exists(), "the removal of PostsByAuthor did not start");
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
