//! Version 0 → 1: a vote records the deposit it holds. Votes cast before held none, so they
//! record a deposit of zero: taking one back releases nothing, and new votes pay.

use crate::{BalanceOf, Config, Pallet, Vote, Votes};
use frame_support::{
	migrations::VersionedMigration, pallet_prelude::*, traits::UncheckedOnRuntimeUpgrade,
};
use plaza_primitives::VoteDirection;
use sp_runtime::traits::Zero;

/// Re-encodes every vote with a zero deposit. Use [`MigrateV0ToV1`], which runs it only on
/// storage version 0 and then sets version 1.
pub struct InnerMigrateV0ToV1<T>(core::marker::PhantomData<T>);

impl<T: Config> UncheckedOnRuntimeUpgrade for InnerMigrateV0ToV1<T> {
	fn on_runtime_upgrade() -> Weight {
		let mut votes = 0u64;
		Votes::<T>::translate::<VoteDirection, _>(|_, _, direction| {
			votes += 1;
			Some(Vote { direction, deposit: BalanceOf::<T>::zero() })
		});
		T::DbWeight::get().reads_writes(votes, votes)
	}

	#[cfg(feature = "try-runtime")]
	fn post_upgrade(_: alloc::vec::Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
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
