//! What `try_state` checks of deposits: each account holds, for a reason, exactly the deposits
//! the pallet's records say it paid.

use alloc::collections::BTreeMap;
use frame_support::{
	sp_runtime::{
		traits::{Saturating, Zero},
		TryRuntimeError,
	},
	traits::fungible::InspectHold,
};

/// The deposits each account should hold for one hold reason, summed from a pallet's records.
pub struct OwedDeposits<AccountId, Balance>(BTreeMap<AccountId, Balance>);

impl<AccountId: Ord, Balance: Saturating + Zero + Copy> Default
	for OwedDeposits<AccountId, Balance>
{
	fn default() -> Self {
		Self(BTreeMap::new())
	}
}

impl<AccountId: Ord, Balance: Saturating + Zero + Copy + PartialEq>
	OwedDeposits<AccountId, Balance>
{
	/// Adds `amount` to what `payer` should hold (an `amount` of zero still makes the account
	/// one that is checked).
	pub fn add(&mut self, payer: AccountId, amount: Balance) {
		let held = self.0.entry(payer).or_insert_with(Zero::zero);
		*held = held.saturating_add(amount);
	}

	/// Fails with `what` unless every account added holds exactly its sum for `reason`.
	pub fn ensure_held<Currency>(
		&self,
		reason: &Currency::Reason,
		what: &'static str,
	) -> Result<(), TryRuntimeError>
	where
		Currency: InspectHold<AccountId, Balance = Balance>,
	{
		for (who, amount) in &self.0 {
			if Currency::balance_on_hold(reason, who) != *amount {
				return Err(TryRuntimeError::Other(what));
			}
		}
		Ok(())
	}
}
