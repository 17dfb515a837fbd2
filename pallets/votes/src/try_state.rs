//! The pallet's invariants, checked by `try_state` (try-runtime) and after every unit test.

use crate::*;
use alloc::collections::BTreeMap;
use frame_support::{ensure, traits::fungible::InspectHold};
use sp_runtime::{
	traits::{Saturating, Zero},
	TryRuntimeError,
};

impl<T: Config> Pallet<T> {
	/// Checks that every post's tally counts exactly its votes in `Votes`, that no tally of zero
	/// is stored, and that each account's held `VoteDeposit` is the sum of the recorded deposits
	/// of the votes it paid for (its own, unless `DepositPayers` names an app, and every entry
	/// there names a vote).
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		let mut counted = BTreeMap::<PostId, Tally>::new();
		let mut deposits = BTreeMap::<T::AccountId, BalanceOf<T>>::new();
		for (post_id, voter, vote) in Votes::<T>::iter() {
			counted.entry(post_id).or_default().apply(None, Some(vote.direction));
			let payer = DepositPayers::<T>::get(post_id, &voter).unwrap_or(voter);
			let held = deposits.entry(payer).or_insert_with(Zero::zero);
			*held = held.saturating_add(vote.deposit);
		}
		for (post_id, voter) in DepositPayers::<T>::iter_keys() {
			ensure!(Votes::<T>::contains_key(post_id, voter), "DepositPayers names no vote");
		}
		let stored = Tallies::<T>::iter().collect::<BTreeMap<_, _>>();
		ensure!(stored == counted, "Tallies differ from the votes");
		for (voter, deposit) in deposits {
			let held = T::Currency::balance_on_hold(&HoldReason::VoteDeposit.into(), &voter);
			ensure!(held == deposit, "held vote deposits differ from the recorded ones");
		}
		Ok(())
	}
}
