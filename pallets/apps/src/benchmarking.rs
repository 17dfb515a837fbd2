//! Benchmarks of every call, each in its most expensive case, and of `on_idle`'s sweep.

use super::*;
use frame_benchmarking::v2::*;
use frame_support::{traits::Get, BoundedVec};
use frame_system::{pallet_prelude::BlockNumberFor, RawOrigin};
use sp_runtime::traits::{Hash, Saturating, Zero};

/// `who`, funded for many deposits.
fn funded<T: Config>(who: &T::AccountId) {
	let amount = T::GrantDeposit::get()
		.saturating_mul(1_000u32.into())
		.saturating_add(T::Currency::minimum_balance());
	T::Currency::set_balance(who, amount);
}

/// `person` grants `app` every scope, with no expiry.
fn grant_all<T: Config>(person: &T::AccountId, app: &T::AccountId) {
	Pallet::<T>::authorize(
		RawOrigin::Signed(person.clone()).into(),
		app.clone(),
		Scopes::all(),
		None,
		Zero::zero(),
	)
	.expect("a valid grant");
}

#[benchmarks]
mod benchmarks {
	use super::*;

	/// A new grant, which holds its deposit.
	#[benchmark]
	fn authorize() {
		let person: T::AccountId = whitelisted_caller();
		funded::<T>(&person);
		let app: T::AccountId = account("app", 0, 0);

		#[extrinsic_call]
		_(RawOrigin::Signed(person.clone()), app.clone(), Scopes::all(), None, Zero::zero());

		assert!(Grants::<T>::contains_key(&person, &app));
	}

	/// Revoking (resigning and removing an expired grant do the same work).
	#[benchmark]
	fn end_grant() {
		let person: T::AccountId = whitelisted_caller();
		funded::<T>(&person);
		let app: T::AccountId = account("app", 0, 0);
		grant_all::<T>(&person, &app);

		#[extrinsic_call]
		revoke(RawOrigin::Signed(person.clone()), app.clone());

		assert!(!Grants::<T>::contains_key(&person, &app));
	}

	/// Onboarding, with the signature over the wallet-wrapped payload (so the bare one is
	/// checked first, and fails).
	#[benchmark]
	fn authorize_signed() {
		let app: T::AccountId = whitelisted_caller();
		funded::<T>(&app);
		let payload = AuthorizationPayload {
			app: app.clone(),
			scopes: Scopes::all(),
			expires: None,
			tip_allowance: Zero::zero(),
			genesis_hash: frame_system::Pallet::<T>::block_hash(BlockNumberFor::<T>::zero()),
			valid_until: frame_system::Pallet::<T>::block_number()
				.saturating_add(T::MaxPayloadLifetime::get()),
		};
		let message = Pallet::<T>::authorization_message(&payload);
		let wrapped = [b"<Bytes>".as_slice(), &message, b"</Bytes>"].concat();
		let (person, signature) = T::BenchmarkHelper::sign(&wrapped);

		#[extrinsic_call]
		_(RawOrigin::Signed(app.clone()), person.clone(), payload, signature);

		assert_eq!(Grants::<T>::get(&person, &app).map(|g| g.depositor), Some(app));
	}

	/// `n` actions, each for a person of its own with a grant: what the batch itself costs
	/// (the calls' own weights are added to it).
	#[benchmark]
	fn act_for(n: Linear<1, { T::MaxActions::get() }>) {
		let app: T::AccountId = whitelisted_caller();
		funded::<T>(&app);
		let mut actions = alloc::vec::Vec::new();
		for i in 0..n {
			let person: T::AccountId = account("person", i, 0);
			funded::<T>(&person);
			grant_all::<T>(&person, &app);
			let call = T::BenchmarkHelper::cheap_scoped_call(&person);
			actions.push(Action { person, call: alloc::boxed::Box::new(call) });
		}
		let actions = BoundedVec::try_from(actions).expect("at most MaxActions");

		#[extrinsic_call]
		_(RawOrigin::Signed(app), actions);

		assert!(!CurrentSponsor::<T>::exists());
		assert!(!PendingHolds::<T>::exists());
	}

	/// What one hold reason costs an app's batch once: its first deposit of that reason (the
	/// checks of a hold against the app's account and holds, read from the database there) and
	/// holding the reason's total as the batch ends, from an app that already holds some for
	/// it. The calls' in-batch benchmarks charge each deposit after that.
	#[benchmark]
	fn hold_batch_deposit() {
		let app: T::AccountId = whitelisted_caller();
		funded::<T>(&app);
		let reason: T::RuntimeHoldReason = HoldReason::GrantDeposit.into();
		let deposit = T::GrantDeposit::get();
		T::Currency::hold(&reason, &app, deposit).expect("funded");
		Pallet::<T>::open_deposits(&app);

		#[block]
		{
			<Pallet<T> as plaza_primitives::DepositPayer<_, _, _>>::hold(&reason, &app, deposit)
				.expect("funded");
			Pallet::<T>::hold_pending_deposits(&app).expect("checked as it was added");
		}

		assert_eq!(
			T::Currency::balance_on_hold(&reason, &app),
			deposit.saturating_mul(2u32.into())
		);
		assert!(!PendingHolds::<T>::exists());
	}

	/// `on_idle` removing `n` used payloads of a past block.
	#[benchmark]
	fn sweep_used_payloads(n: Linear<0, MAX_PAYLOADS_SWEPT>) {
		let past = frame_system::Pallet::<T>::block_number();
		for i in 0..n {
			UsedPayloads::<T>::insert(past, T::Hashing::hash_of(&i), ());
		}
		PayloadsSweptTo::<T>::put(past);
		let now = past.saturating_add(1u32.into());

		#[block]
		{
			Pallet::<T>::sweep_used_payloads(now, frame_support::weights::Weight::MAX);
		}

		assert_eq!(UsedPayloads::<T>::iter_prefix(past).count(), 0);
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
