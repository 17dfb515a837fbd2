//! The pallet's invariants, checked by `try_state` (try-runtime) and after every unit test.

use crate::*;
use alloc::collections::BTreeMap;
use frame_support::{ensure, traits::fungible::InspectHold};
use sp_runtime::{
	traits::{Saturating, Zero},
	TryRuntimeError,
};

impl<T: Config> Pallet<T> {
	/// Checks that:
	/// - profiles and handle owners match one to one, every handle canonical;
	/// - each account's held `ProfileDeposit` is its profile's recorded deposit (zero without one);
	/// - each follower's held `FollowDeposit` is the sum of its follows' recorded deposits;
	/// - `FollowCountsOf` counts exactly what `Following` holds, and stores no zero counts.
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		for (who, profile) in Profiles::<T>::iter() {
			ensure!(
				canonical_handle(&profile.handle).as_ref() == Ok(&profile.handle),
				"a stored handle is not canonical"
			);
			ensure!(
				HandleOwners::<T>::get(&profile.handle).as_ref() == Some(&who),
				"a profile's handle is not owned by it"
			);
			let held = T::Currency::balance_on_hold(&HoldReason::ProfileDeposit.into(), &who);
			ensure!(held == profile.deposit, "a profile's held deposit differs from its record");
		}
		for (handle, owner) in HandleOwners::<T>::iter() {
			ensure!(
				Profiles::<T>::get(&owner).is_some_and(|p| p.handle == handle),
				"a handle's owner has no profile with it"
			);
		}

		let mut counts = BTreeMap::<T::AccountId, FollowCounts>::new();
		let mut deposits = BTreeMap::<T::AccountId, BalanceOf<T>>::new();
		for (follower, followee, deposit) in Following::<T>::iter() {
			counts.entry(follower.clone()).or_default().following.saturating_inc();
			counts.entry(followee).or_default().followers.saturating_inc();
			let held = deposits.entry(follower).or_insert_with(Zero::zero);
			*held = held.saturating_add(deposit);
		}
		for (who, deposit) in &deposits {
			let held = T::Currency::balance_on_hold(&HoldReason::FollowDeposit.into(), who);
			ensure!(held == *deposit, "held follow deposits differ from the recorded ones");
		}
		let stored = FollowCountsOf::<T>::iter().collect::<BTreeMap<_, _>>();
		ensure!(stored == counts, "FollowCountsOf differs from the follow graph");
		Ok(())
	}
}
