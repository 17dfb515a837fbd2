//! The pallet's invariants, checked by `try_state` (try-runtime) and after every unit test.

use crate::*;
use alloc::collections::BTreeMap;
use frame_support::{
	ensure,
	traits::{fungible::InspectHold, Get},
};
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
		let mut profile_deposits = BTreeMap::<T::AccountId, BalanceOf<T>>::new();
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
			add(&mut profile_deposits, who, Zero::zero());
			add(&mut profile_deposits, payer, profile.deposit);
		}
		for (who, app) in ProfileDepositPayers::<T>::iter() {
			ensure!(Profiles::<T>::contains_key(&who), "a profile payer names no profile");
			ensure!(who != app, "a profile's owner is recorded as an app paying for it");
		}
		check_held::<T>(HoldReason::ProfileDeposit, &profile_deposits, "held profile deposits")?;
		for (handle, owner) in HandleOwners::<T>::iter() {
			ensure!(
				Profiles::<T>::get(&owner).is_some_and(|p| p.handle == handle),
				"a handle's owner has no profile with it"
			);
		}

		let mut counts = BTreeMap::<T::AccountId, FollowCounts>::new();
		let mut follow_deposits = BTreeMap::<T::AccountId, BalanceOf<T>>::new();
		for (follower, followee, deposit) in Following::<T>::iter() {
			let payer = FollowDepositPayers::<T>::get(&follower, &followee)
				.unwrap_or_else(|| follower.clone());
			add(&mut follow_deposits, follower.clone(), Zero::zero());
			add(&mut follow_deposits, payer, deposit);
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
		check_held::<T>(HoldReason::FollowDeposit, &follow_deposits, "held follow deposits")?;
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
		let mut held = BTreeMap::<(T::AccountId, PersonalList), BalanceOf<T>>::new();
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
				add(&mut held, (owner, list), deposit);
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
		for ((who, list), amount) in held {
			let reason = match list {
				PersonalList::Mutes => HoldReason::MuteDeposit,
				PersonalList::Blocks => HoldReason::BlockDeposit,
			};
			ensure!(
				T::Currency::balance_on_hold(&reason.into(), &who) == amount,
				"held mute or block deposits differ from the lists"
			);
		}
		Ok(())
	}
}

/// Adds `amount` to what `payer` is expected to hold.
fn add<A: Ord, B: Saturating + Zero + Copy>(expected: &mut BTreeMap<A, B>, payer: A, amount: B) {
	let held = expected.entry(payer).or_insert_with(Zero::zero);
	*held = held.saturating_add(amount);
}

/// Whether every account in `expected` holds exactly its amount for `reason`.
fn check_held<T: Config>(
	reason: HoldReason,
	expected: &BTreeMap<T::AccountId, BalanceOf<T>>,
	what: &'static str,
) -> Result<(), TryRuntimeError> {
	for (who, amount) in expected {
		let held = T::Currency::balance_on_hold(&reason.into(), who);
		ensure!(held == *amount, TryRuntimeError::Other(what));
	}
	Ok(())
}
