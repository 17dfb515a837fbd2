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
	/// is stored, and that each voter's held `VoteDeposit` is the sum of its votes' recorded
	/// deposits.
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		let mut counted = BTreeMap::<PostId, Tally>::new();
		let mut deposits = BTreeMap::<T::AccountId, BalanceOf<T>>::new();
		for (post_id, voter, vote) in Votes::<T>::iter() {
			counted.entry(post_id).or_default().apply(None, Some(vote.direction));
			let held = deposits.entry(voter).or_insert_with(Zero::zero);
			*held = held.saturating_add(vote.deposit);
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
