//! Benchmarks of every call, each in its most expensive case.

use super::*;
use frame_benchmarking::v2::*;
use frame_system::RawOrigin;

#[benchmarks]
mod benchmarks {
	use super::*;

	/// Worst case: changing an existing vote's direction.
	#[benchmark]
	fn vote() {
		let author: T::AccountId = account("author", 0, 0);
		let post_id = T::Posts::create_post_for_benchmark(&author);
		let voter: T::AccountId = whitelisted_caller();
		Pallet::<T>::vote(RawOrigin::Signed(voter.clone()).into(), post_id, VoteDirection::Up)
			.expect("a valid vote");

		#[extrinsic_call]
		_(RawOrigin::Signed(voter.clone()), post_id, VoteDirection::Down);

		assert_eq!(Votes::<T>::get(post_id, &voter), Some(VoteDirection::Down));
	}

	#[benchmark]
	fn unvote() {
		let author: T::AccountId = account("author", 0, 0);
		let post_id = T::Posts::create_post_for_benchmark(&author);
		let voter: T::AccountId = whitelisted_caller();
		Pallet::<T>::vote(RawOrigin::Signed(voter.clone()).into(), post_id, VoteDirection::Up)
			.expect("a valid vote");

		#[extrinsic_call]
		_(RawOrigin::Signed(voter.clone()), post_id);

		assert_eq!(Votes::<T>::get(post_id, &voter), None);
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
