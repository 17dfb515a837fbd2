//! The pallet's invariants, checked by `try_state` (try-runtime) and after every unit test.

use crate::*;
use alloc::collections::BTreeMap;
use frame_support::{ensure, traits::Get};
use plaza_primitives::OwedDeposits;
use sp_runtime::{
	traits::{Saturating, Zero},
	TryRuntimeError,
};

impl<T: Config> Pallet<T> {
	/// Checks that:
	/// - profiles and handle owners match one to one, every handle canonical;
	/// - each account's held `ProfileDeposit` is the sum of the recorded deposits of the profiles
	///   it pays for (its own unless an app does, and those it pays for as an app);
	/// - each account's held `FollowDeposit` is the sum of the recorded deposits of the follows
	///   it pays for;
	/// - every payer record names an existing profile or follow, and not its owner;
	/// - `FollowCountsOf` counts exactly what `Following` holds, and stores no zero counts;
	/// - the personal lists, as [`Self::check_personal_lists`] says.
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		let mut profile_deposits = OwedDeposits::default();
		for (who, profile) in Profiles::<T>::iter() {
			ensure!(
				canonical_handle(&profile.handle).as_ref() == Ok(&profile.handle),
				"a stored handle is not canonical"
			);
			ensure!(
				HandleOwners::<T>::get(&profile.handle).as_ref() == Some(&who),
				"a profile's handle is not owned by it"
			);
			let payer = ProfileDepositPayers::<T>::get(&who).unwrap_or_else(|| who.clone());
			// An owner whose profile an app pays for holds nothing for it.
			profile_deposits.add(who, Zero::zero());
			profile_deposits.add(payer, profile.deposit);
		}
		for (who, app) in ProfileDepositPayers::<T>::iter() {
			ensure!(Profiles::<T>::contains_key(&who), "a profile payer names no profile");
			ensure!(who != app, "a profile's owner is recorded as an app paying for it");
		}
		profile_deposits.ensure_held::<T::Currency>(
			&HoldReason::ProfileDeposit.into(),
			"held profile deposits",
		)?;
		for (handle, owner) in HandleOwners::<T>::iter() {
			ensure!(
				Profiles::<T>::get(&owner).is_some_and(|p| p.handle == handle),
				"a handle's owner has no profile with it"
			);
		}

		let mut counts = BTreeMap::<T::AccountId, FollowCounts>::new();
		let mut follow_deposits = OwedDeposits::default();
		for (follower, followee, deposit) in Following::<T>::iter() {
			let payer = FollowDepositPayers::<T>::get(&follower, &followee)
				.unwrap_or_else(|| follower.clone());
			follow_deposits.add(follower.clone(), Zero::zero());
			follow_deposits.add(payer, deposit);
			counts.entry(follower).or_default().following.saturating_inc();
			counts.entry(followee).or_default().followers.saturating_inc();
		}
		for (follower, followee, app) in FollowDepositPayers::<T>::iter() {
			ensure!(
				Following::<T>::contains_key(&follower, &followee),
				"a follow payer names no follow"
			);
			ensure!(follower != app, "a follower is recorded as an app paying for its follow");
		}
		follow_deposits.ensure_held::<T::Currency>(
			&HoldReason::FollowDeposit.into(),
			"held follow deposits",
		)?;
		let stored = FollowCountsOf::<T>::iter().collect::<BTreeMap<_, _>>();
		ensure!(stored == counts, "FollowCountsOf differs from the follow graph");
		Self::check_personal_lists()
	}

	/// Checks that no account mutes or blocks itself, that a blocked account does not follow
	/// its blocker (nor the blocker it), that `ListCountsOf` counts exactly the two lists within
	/// their bounds and stores no zero counts, and that each account holds exactly its entries'
	/// deposits for each list.
	fn check_personal_lists() -> Result<(), TryRuntimeError> {
		let mut counts = BTreeMap::<T::AccountId, ListCounts>::new();
		let (mut muted, mut blocked) = (OwedDeposits::default(), OwedDeposits::default());
		for (list, entries) in [
			(PersonalList::Mutes, Mutes::<T>::iter().collect::<alloc::vec::Vec<_>>()),
			(PersonalList::Blocks, Blocks::<T>::iter().collect()),
		] {
			for (owner, target, deposit) in entries {
				ensure!(owner != target, "an account mutes or blocks itself");
				if list == PersonalList::Blocks {
					ensure!(
						!Following::<T>::contains_key(&target, &owner)
							&& !Following::<T>::contains_key(&owner, &target),
						"a blocked account and its blocker follow each other"
					);
				}
				counts.entry(owner.clone()).or_default().of_mut(list).saturating_inc();
				match list {
					PersonalList::Mutes => muted.add(owner, deposit),
					PersonalList::Blocks => blocked.add(owner, deposit),
				}
			}
		}
		for (who, stored) in ListCountsOf::<T>::iter() {
			ensure!(counts.get(&who) == Some(&stored), "ListCountsOf differs from the lists");
			ensure!(
				stored.muted <= T::MaxMuted::get() && stored.blocked <= T::MaxBlocked::get(),
				"an account's list is over its bound"
			);
		}
		ensure!(
			counts.keys().all(|who| ListCountsOf::<T>::contains_key(who)),
			"an account with a list has no count"
		);
		muted.ensure_held::<T::Currency>(&HoldReason::MuteDeposit.into(), "held mute deposits")?;
		blocked.ensure_held::<T::Currency>(&HoldReason::BlockDeposit.into(), "held block deposits")
	}
}
