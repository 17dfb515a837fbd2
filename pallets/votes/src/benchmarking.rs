//! Benchmarks of every call, each in its most expensive case.

use super::*;
use alloc::vec::Vec;
use frame_benchmarking::v2::*;
use frame_support::traits::Get;
use frame_system::RawOrigin;
use sp_runtime::traits::Saturating;

/// The whitelisted caller (it signs the vote, so its account is read to pay the fee anyway),
/// funded for many vote deposits.
fn funded_voter<T: Config>() -> T::AccountId {
	let voter: T::AccountId = whitelisted_caller();
	let amount = T::VoteDeposit::get()
		.saturating_mul(100u32.into())
		.saturating_add(T::Currency::minimum_balance());
	T::Currency::set_balance(&voter, amount);
	voter
}

/// Makes a funded app pay `voter`'s vote deposits from now on, as when the app votes for it
/// through `Apps::act_for`: the worst case, which also records the app as the vote's payer.
fn sponsored<T: Config>(voter: &T::AccountId) -> T::AccountId {
	let app: T::AccountId = account("app", 0, 0);
	let amount = T::VoteDeposit::get()
		.saturating_mul(plaza_primitives::MAX_BATCH_BENCHMARKED.saturating_mul(2).into())
		.saturating_add(T::Currency::minimum_balance());
	T::Currency::set_balance(&app, amount);
	T::DepositPayer::set_sponsor_for_benchmark(Some((voter.clone(), app.clone())));
	app
}

/// A post by a new author (the `index`th) with one vote on it, for a voter to vote on.
fn voted_post<T: Config>(index: u32) -> PostId {
	let author: T::AccountId = account("author", index, 0);
	let post_id = T::Posts::create_post_for_benchmark(&author);
	let other: T::AccountId = account("other", index, 0);
	T::Currency::set_balance(
		&other,
		T::Currency::minimum_balance().saturating_mul(1_000u32.into()),
	);
	Pallet::<T>::vote(RawOrigin::Signed(other).into(), post_id, VoteDirection::Up)
		.expect("a valid vote");
	post_id
}

#[benchmarks]
mod benchmarks {
	use super::*;

	/// Worst case: a new vote, which holds its deposit from the app casting it, on a post that
	/// has votes.
	#[benchmark]
	fn vote() {
		let post_id = voted_post::<T>(0);
		let voter = funded_voter::<T>();
		sponsored::<T>(&voter);

		#[extrinsic_call]
		_(RawOrigin::Signed(voter.clone()), post_id, VoteDirection::Down);

		let stored = Votes::<T>::get(post_id, &voter).expect("the vote is stored");
		assert_eq!(stored.direction, VoteDirection::Down);
	}

	/// `n` votes by `n` people through one app's `act_for` batch, each on a different post that
	/// has votes, each as the batch makes it: the app owes their deposits (held once when the
	/// batch ends). The slope over `n` is what one more vote in a batch costs once the batch's
	/// shared records (the app's account and holds) are in hand; the apps pallet charges those
	/// once per batch.
	#[benchmark]
	fn vote_in_batch(
		n: Linear<1, plaza_primitives::MAX_BATCH_BENCHMARKED>,
	) -> Result<(), BenchmarkError> {
		let app = sponsored::<T>(&account("voter", 0, 0));
		let votes = (0..n)
			.map(|i| {
				// Funded, so the benchmark also runs where no app can pay (the pallet's mock).
				let voter: T::AccountId = account("voter", i, 0);
				T::Currency::set_balance(&voter, T::Currency::balance(&app));
				(voter, voted_post::<T>(i))
			})
			.collect::<Vec<_>>();
		T::DepositPayer::open_batch_for_benchmark(&app);

		#[block]
		{
			for (voter, post_id) in &votes {
				T::DepositPayer::set_sponsor_for_benchmark(Some((voter.clone(), app.clone())));
				Pallet::<T>::vote(
					RawOrigin::Signed(voter.clone()).into(),
					*post_id,
					VoteDirection::Down,
				)?;
			}
		}

		let (voter, post_id) = votes.last().expect("n is at least 1");
		assert_eq!(DepositPayers::<T>::get(post_id, voter), T::DepositPayer::sponsor(voter));
		Ok(())
	}

	#[benchmark]
	fn unvote() {
		let author: T::AccountId = account("author", 0, 0);
		let post_id = T::Posts::create_post_for_benchmark(&author);
		let voter = funded_voter::<T>();
		// The app that cast it gets the deposit back.
		sponsored::<T>(&voter);
		Pallet::<T>::vote(RawOrigin::Signed(voter.clone()).into(), post_id, VoteDirection::Up)
			.expect("a valid vote");
		T::DepositPayer::set_sponsor_for_benchmark(None);

		#[extrinsic_call]
		_(RawOrigin::Signed(voter.clone()), post_id);

		assert_eq!(Votes::<T>::get(post_id, &voter), None);
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
