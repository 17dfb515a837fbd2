//! The pallet's invariants, checked by `try_state` (try-runtime) and after every unit test.

use crate::*;
use alloc::collections::BTreeMap;
use frame_support::ensure;
use plaza_primitives::OwedDeposits;
use sp_runtime::TryRuntimeError;

impl<T: Config> Pallet<T> {
	/// Checks that every post's tally counts exactly its votes in `Votes`, that no tally of zero
	/// is stored, and that each account's held `VoteDeposit` is the sum of the recorded deposits
	/// of the votes it paid for (its own, unless `DepositPayers` names an app, and every entry
	/// there names a vote).
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		let mut counted = BTreeMap::<PostId, Tally>::new();
		let mut deposits = OwedDeposits::default();
		for (post_id, voter, vote) in Votes::<T>::iter() {
			counted.entry(post_id).or_default().apply(None, Some(vote.direction));
			deposits.add(DepositPayers::<T>::get(post_id, &voter).unwrap_or(voter), vote.deposit);
		}
		for (post_id, voter) in DepositPayers::<T>::iter_keys() {
			ensure!(Votes::<T>::contains_key(post_id, voter), "DepositPayers names no vote");
		}
		let stored = Tallies::<T>::iter().collect::<BTreeMap<_, _>>();
		ensure!(stored == counted, "Tallies differ from the votes");
		deposits.ensure_held::<T::Currency>(
			&HoldReason::VoteDeposit.into(),
			"held vote deposits differ from the recorded ones",
		)
	}
}
