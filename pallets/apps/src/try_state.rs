//! The pallet's invariants, checked by `try_state` (try-runtime) and after every unit test.

use crate::*;
use frame_support::ensure;
use plaza_primitives::OwedDeposits;
use sp_runtime::TryRuntimeError;

impl<T: Config> Pallet<T> {
	/// Checks that:
	/// - no grant allows nothing, and none is an account's grant to itself;
	/// - each account's held `GrantDeposit` is the sum of the deposits of the grants it paid for;
	/// - no sponsor, and no deposit owed by a batch, is recorded between calls;
	/// - no `UsedPayloads` entry is of a block `on_idle` has swept past.
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		let mut deposits = OwedDeposits::default();
		for (person, app, grant) in Grants::<T>::iter() {
			ensure!(!grant.scopes.is_empty(), "a grant allows nothing");
			ensure!(person != app, "an account has a grant to itself");
			deposits.add(grant.depositor, grant.deposit);
		}
		deposits.ensure_held::<T::Currency>(
			&HoldReason::GrantDeposit.into(),
			"held grant deposits differ from the recorded ones",
		)?;
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
