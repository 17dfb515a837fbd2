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
	/// - no grant allows nothing, and none is an account's grant to itself;
	/// - each account's held `GrantDeposit` is the sum of the deposits of the grants it paid for;
	/// - no sponsor, and no deposit owed by a batch, is recorded between calls;
	/// - no `UsedPayloads` entry is of a block `on_idle` has swept past.
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		let mut deposits = BTreeMap::<T::AccountId, BalanceOf<T>>::new();
		for (person, app, grant) in Grants::<T>::iter() {
			ensure!(!grant.scopes.is_empty(), "a grant allows nothing");
			ensure!(person != app, "an account has a grant to itself");
			let held = deposits.entry(grant.depositor).or_insert_with(Zero::zero);
			*held = held.saturating_add(grant.deposit);
		}
		for (depositor, deposit) in deposits {
			let held = T::Currency::balance_on_hold(&HoldReason::GrantDeposit.into(), &depositor);
			ensure!(held == deposit, "held grant deposits differ from the recorded ones");
		}
		ensure!(!CurrentSponsor::<T>::exists(), "a sponsor is recorded between calls");
		ensure!(!PendingHolds::<T>::exists(), "a batch's deposits are owed between calls");
		if let Some(swept_to) = PayloadsSweptTo::<T>::get() {
			ensure!(
				UsedPayloads::<T>::iter_keys().all(|(block, _)| block >= swept_to),
				"a used payload of a swept block is kept"
			);
		}
		Ok(())
	}
}
