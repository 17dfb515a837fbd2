//! Benchmarks of every call, each in its most expensive case.

use super::*;
use alloc::{vec, vec::Vec};
use codec::Encode;
use frame_benchmarking::v2::*;
use frame_support::traits::Get;
use frame_system::RawOrigin;
use plaza_primitives::examples;
use sp_runtime::traits::{Hash, Saturating};

/// Gives `who` enough for ten of each deposit: profiles, follows, mutes and blocks.
fn fund<T: Config>(who: &T::AccountId) {
	let amount = T::ProfileDepositBase::get()
		.saturating_add(T::ProfileDepositPerByte::get().saturating_mul(1_000u32.into()))
		.saturating_add(T::FollowDeposit::get())
		.saturating_add(T::MuteDeposit::get())
		.saturating_add(T::BlockDeposit::get())
		.saturating_mul(10u32.into())
		.saturating_add(T::Currency::minimum_balance());
	T::Currency::set_balance(who, amount);
}

fn funded<T: Config>(name: &'static str, index: u32) -> T::AccountId {
	let who: T::AccountId = account(name, index, 0);
	fund::<T>(&who);
	who
}

/// Funds `who` and gives it a profile with a handle derived from its account id.
pub(crate) fn create_profile<T: Config>(who: &T::AccountId) {
	fund::<T>(who);
	let handle: Vec<u8> = who
		.using_encoded(|bytes| sp_runtime::traits::BlakeTwo256::hash(bytes))
		.as_ref()
		.iter()
		.take(8)
		.map(|b| b'a' + b % 26)
		.collect();
	Pallet::<T>::set_profile(
		RawOrigin::Signed(who.clone()).into(),
		Handle::truncate_from(handle),
		DisplayName::default(),
		None,
	)
	.expect("a valid profile");
}

/// Makes an app (funded) pay `person`'s deposits from now on, as when the app acts for it
/// through `Apps::act_for`. Returns the app.
fn sponsored<T: Config>(person: &T::AccountId) -> T::AccountId {
	let app = funded::<T>("app", 0);
	T::DepositPayer::set_sponsor_for_benchmark(Some((person.clone(), app.clone())));
	app
}

fn longest_handle(prefix: u8) -> Handle {
	let mut handle = vec![prefix; MAX_HANDLE_LEN as usize];
	handle[0] = b'A'; // Upper case, to be canonicalised.
	Handle::truncate_from(handle)
}

fn longest_display_name() -> DisplayName {
	DisplayName::truncate_from(vec![b'n'; MAX_DISPLAY_NAME_LEN as usize])
}

fn metadata_cid() -> Option<CidText> {
	Some(CidText::truncate_from(examples::HELLO_V1.as_bytes().to_vec()))
}

#[benchmarks]
mod benchmarks {
	use super::*;

	/// Worst case: an update that changes the handle (freeing the old one), with the longest
	/// display name and a metadata CID, growing the deposit, made by an app for a person who
	/// paid the old deposit (released to the person, the new one held from the app).
	#[benchmark]
	fn set_profile() {
		let caller = funded::<T>("caller", 0);
		Pallet::<T>::set_profile(
			RawOrigin::Signed(caller.clone()).into(),
			Handle::truncate_from(b"old".to_vec()),
			DisplayName::default(),
			None,
		)
		.expect("the first profile is valid");
		let app = sponsored::<T>(&caller);
		let handle = longest_handle(b'x');
		let display_name = longest_display_name();
		let metadata = metadata_cid();

		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()), handle.clone(), display_name, metadata);

		let canonical = canonical_handle(&handle).unwrap();
		assert_eq!(HandleOwners::<T>::get(&canonical), Some(caller.clone()));
		assert!(!HandleOwners::<T>::contains_key(Handle::truncate_from(b"old".to_vec())));
		assert_eq!(ProfileDepositPayers::<T>::get(&caller), Some(app));
	}

	/// Worst case: the largest profile, its deposit paid by an app (returned to the app).
	#[benchmark]
	fn clear_profile() {
		let caller = funded::<T>("caller", 0);
		sponsored::<T>(&caller);
		Pallet::<T>::set_profile(
			RawOrigin::Signed(caller.clone()).into(),
			longest_handle(b'x'),
			longest_display_name(),
			metadata_cid(),
		)
		.expect("the profile is valid");
		T::DepositPayer::set_sponsor_for_benchmark(None);

		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()));

		assert!(!Profiles::<T>::contains_key(&caller));
		assert!(!ProfileDepositPayers::<T>::contains_key(&caller));
	}

	/// Worst case: an app follows for the caller (the app's deposit and a payer record).
	#[benchmark]
	fn follow() {
		let caller = funded::<T>("caller", 0);
		let followee = funded::<T>("followee", 1);
		let app = sponsored::<T>(&caller);

		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()), followee.clone());

		assert!(Following::<T>::contains_key(&caller, &followee));
		assert_eq!(FollowDepositPayers::<T>::get(&caller, &followee), Some(app));
	}

	/// Worst case: the follow's deposit was paid by an app (returned to the app).
	#[benchmark]
	fn unfollow() {
		let caller = funded::<T>("caller", 0);
		let followee = funded::<T>("followee", 1);
		sponsored::<T>(&caller);
		Pallet::<T>::follow(RawOrigin::Signed(caller.clone()).into(), followee.clone())
			.expect("following is valid");
		T::DepositPayer::set_sponsor_for_benchmark(None);

		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()), followee.clone());

		assert!(!Following::<T>::contains_key(&caller, &followee));
		assert!(!FollowDepositPayers::<T>::contains_key(&caller, &followee));
	}

	/// Worst case: the caller mutes others already (its count entry is read and updated).
	#[benchmark]
	fn mute() {
		let caller = funded::<T>("caller", 0);
		let other = funded::<T>("other", 1);
		let target = funded::<T>("target", 2);
		Pallet::<T>::mute(RawOrigin::Signed(caller.clone()).into(), other)
			.expect("muting is valid");

		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()), target.clone());

		assert_eq!(Mutes::<T>::get(&caller, &target), Some(T::MuteDeposit::get()));
		assert_eq!(ListCountsOf::<T>::get(&caller).muted, 2);
	}

	/// Worst case: the caller mutes another account too (its count entry stays).
	#[benchmark]
	fn unmute() {
		let caller = funded::<T>("caller", 0);
		let other = funded::<T>("other", 1);
		let target = funded::<T>("target", 2);
		for muted in [&other, &target] {
			Pallet::<T>::mute(RawOrigin::Signed(caller.clone()).into(), muted.clone())
				.expect("muting is valid");
		}

		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()), target.clone());

		assert!(!Mutes::<T>::contains_key(&caller, &target));
		assert_eq!(ListCountsOf::<T>::get(&caller).muted, 1);
	}

	/// Worst case: the two follow each other, each follow's deposit paid by an app (both
	/// returned to the app), and the caller blocks others already.
	#[benchmark]
	fn block() {
		let caller = funded::<T>("caller", 0);
		let other = funded::<T>("other", 1);
		let target = funded::<T>("target", 2);
		Pallet::<T>::block(RawOrigin::Signed(caller.clone()).into(), other)
			.expect("blocking is valid");
		for (follower, followee) in [(&caller, &target), (&target, &caller)] {
			sponsored::<T>(follower);
			Pallet::<T>::follow(RawOrigin::Signed(follower.clone()).into(), followee.clone())
				.expect("following is valid");
		}
		T::DepositPayer::set_sponsor_for_benchmark(None);

		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()), target.clone());

		assert_eq!(Blocks::<T>::get(&caller, &target), Some(T::BlockDeposit::get()));
		assert!(!Following::<T>::contains_key(&caller, &target));
		assert!(!Following::<T>::contains_key(&target, &caller));
		assert!(!FollowDepositPayers::<T>::contains_key(&target, &caller));
	}

	/// Worst case: the caller blocks another account too (its count entry stays).
	#[benchmark]
	fn unblock() {
		let caller = funded::<T>("caller", 0);
		let other = funded::<T>("other", 1);
		let target = funded::<T>("target", 2);
		for blocked in [&other, &target] {
			Pallet::<T>::block(RawOrigin::Signed(caller.clone()).into(), blocked.clone())
				.expect("blocking is valid");
		}

		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()), target.clone());

		assert!(!Blocks::<T>::contains_key(&caller, &target));
		assert_eq!(ListCountsOf::<T>::get(&caller).blocked, 1);
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
