//! Routing a share of transaction fees into the reward pool.

use core::marker::PhantomData;
use frame_support::traits::{
	fungible::{Balanced, Credit},
	Get, Imbalance, OnUnbalanced,
};

use crate::{Config, Pallet};

/// Takes the fees (and tips) a transaction pays: `Config::FeeShare` of them goes into the reward
/// pool and counts in the era in progress's pool; the rest is burned. Use it as the transaction
/// payment's `OnChargeTransaction` handler (`FungibleAdapter<Balances, FeesToRewardPool<Runtime>>`).
pub struct FeesToRewardPool<T>(PhantomData<T>);

impl<T: Config> OnUnbalanced<Credit<T::AccountId, T::Currency>> for FeesToRewardPool<T> {
	fn on_nonzero_unbalanced(fees: Credit<T::AccountId, T::Currency>) {
		let to_pool = T::FeeShare::get() * fees.peek();
		let (to_pool, burned) = fees.split(to_pool);
		let amount = to_pool.peek();
		// Resolving into an existing account cannot fail; were it to, the credit is burned.
		if T::Currency::resolve(&Pallet::<T>::pool_account(), to_pool).is_ok() {
			Pallet::<T>::note_fees(amount);
		}
		drop(burned);
	}
}
