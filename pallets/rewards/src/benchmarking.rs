//! Benchmarks of every call and of the hooks, each in its most expensive case.

use super::*;
use frame_benchmarking::v2::*;
use frame_support::{traits::Hooks, BoundedVec};
use frame_system::{pallet_prelude::BlockNumberFor, RawOrigin};

/// Gives `who` a large balance.
fn fund<T: Config>(who: &T::AccountId) {
	let amount = T::MinCurationStake::get()
		.saturating_add(T::EraMint::get())
		.saturating_add(T::Currency::minimum_balance())
		.saturating_mul(1_000u32.into());
	T::Currency::set_balance(who, amount);
}

/// A stake well above the minimum.
fn curation_stake<T: Config>() -> BalanceOf<T> {
	T::MinCurationStake::get().saturating_mul(10u32.into())
}

/// A funded caller with an active stake and `chunks` unlocking chunks from past eras (due from
/// era 2 on), as they would be after unlocking in `chunks` different eras.
fn staker_unlocking<T: Config>(chunks: u32) -> T::AccountId {
	let caller: T::AccountId = whitelisted_caller();
	fund::<T>(&caller);
	let per_chunk = T::MinCurationStake::get();
	let total = curation_stake::<T>().saturating_add(per_chunk.saturating_mul(chunks.into()));
	Pallet::<T>::lock_stake(RawOrigin::Signed(caller.clone()).into(), total)
		.expect("a funded caller can lock");
	Stakes::<T>::mutate(&caller, |stake| {
		let stake = stake.as_mut().expect("just locked");
		for era in 0..chunks {
			let chunk = UnlockChunk { amount: per_chunk, withdrawable_from: era + 2 };
			stake.unlocking.try_push(chunk).expect("within MaxUnlockingChunks");
			stake.active.saturating_reduce(per_chunk);
		}
	});
	caller
}

/// A post by an author, and an eligible curator to vote on it: a funded voter with a profile.
/// The voter is the whitelisted caller: it signs the vote, so its account is already read to
/// pay the fee.
fn post_and_curator<T: Config>() -> (T::AccountId, PostId, T::AccountId) {
	let author: T::AccountId = account("author", 0, 0);
	let post_id = T::Posts::create_post_for_benchmark(&author);
	let voter: T::AccountId = whitelisted_caller();
	T::Profiles::create_profile_for_benchmark(&voter);
	fund::<T>(&voter);
	Pallet::<T>::lock_stake(RawOrigin::Signed(voter.clone()).into(), curation_stake::<T>())
		.expect("a funded voter can lock");
	(author, post_id, voter)
}

/// A payout of one era's mint with `claimants` claimants left, none of whom has claimed.
fn payout<T: Config>(claimants: u32) -> EraPayout<BalanceOf<T>> {
	let pool = T::EraMint::get();
	let authors = pool / 2u32.into();
	let curators = pool.saturating_sub(authors);
	let claimed = Zero::zero();
	EraPayout { pool, authors, curators, total_score: 2 * 1_000_000, claimed, claimants }
}

/// A full curation window that every post is in, as the hook reads it on every vote.
fn full_window<T: Config>() {
	let starts = (0..T::CurationWindow::get()).map(|_| 0).collect::<alloc::vec::Vec<_>>();
	WindowStarts::<T>::put(BoundedVec::truncate_from(starts));
}

/// The curator upvotes the post again: the hook call both vote benchmarks measure.
fn upvote_again<T: Config>(post_id: PostId, author: &T::AccountId, voter: &T::AccountId) {
	Pallet::<T>::on_vote(post_id, author, voter, Some(VoteDirection::Up), Some(VoteDirection::Up));
}

#[benchmarks]
mod benchmarks {
	use super::*;

	/// A block inside an era.
	#[benchmark]
	fn on_initialize() {
		let now: BlockNumberFor<T> = 1u32.into();
		EraLength::<T>::put(BlockNumberFor::<T>::from(10u32));

		#[block]
		{
			Pallet::<T>::on_initialize(now);
		}

		assert_eq!(CurrentEra::<T>::get(), 0);
	}

	/// The block that ends an era with scores, fees and a carry, and expires the era that
	/// passes the claim horizon.
	#[benchmark]
	fn on_initialize_era_end() {
		let era_length: BlockNumberFor<T> = 10u32.into();
		EraLength::<T>::put(era_length);
		let horizon = T::ClaimHorizon::get();
		CurrentEra::<T>::put(horizon);
		fund::<T>(&Pallet::<T>::pool_account());
		EraScore::<T>::put(1_000_000u128);
		EraClaimants::<T>::put(1);
		EraFees::<T>::put(T::Currency::minimum_balance());
		Carry::<T>::put(T::Currency::minimum_balance());
		Eras::<T>::insert(0, payout::<T>(1));
		full_window::<T>();

		#[block]
		{
			Pallet::<T>::on_initialize(era_length);
		}

		assert_eq!(CurrentEra::<T>::get(), horizon + 1);
		assert!(Eras::<T>::contains_key(horizon));
		assert!(!Eras::<T>::contains_key(0));
		assert!(ErasToPrune::<T>::contains_key(0));
	}

	/// Settling `e` finished eras, in each of which the caller wrote a post with score and made
	/// the most rewarded upvotes an era allows, and was the last claimant (so its claim closes
	/// the era).
	#[benchmark]
	fn claim_rewards(e: Linear<1, { T::MaxErasPerClaim::get() }>) {
		let v = T::MaxRewardedVotesPerEra::get();
		let caller: T::AccountId = whitelisted_caller();
		fund::<T>(&caller);
		fund::<T>(&Pallet::<T>::pool_account());
		for era in 0..e {
			Eras::<T>::insert(era, payout::<T>(1));
			AuthorScores::<T>::insert(era, &caller, 1_000_000u128);
			let votes: BoundedVec<_, _> = (0..v as PostId)
				.map(|post| {
					PostScores::<T>::insert(era, post, PostScore { up: 2_000_000, down: 0 });
					(post, 1_000_000)
				})
				.collect::<alloc::vec::Vec<_>>()
				.try_into()
				.expect("v is within the bound");
			CuratorVotes::<T>::insert(era, &caller, votes);
		}
		UnclaimedEras::<T>::insert(&caller, BoundedVec::truncate_from((0..e).collect()));
		CurrentEra::<T>::put(e);

		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()));

		assert!(!UnclaimedEras::<T>::contains_key(&caller));
		assert_eq!(ErasToPrune::<T>::iter().count() as u32, e);
	}

	#[benchmark]
	fn tip() {
		let author: T::AccountId = account("author", 0, 0);
		let post_id = T::Posts::create_post_for_benchmark(&author);
		let caller: T::AccountId = whitelisted_caller();
		fund::<T>(&caller);
		let amount = T::Currency::minimum_balance();

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), post_id, amount);

		assert_eq!(PostTips::<T>::get(post_id), amount);
	}

	/// Re-counting a vote in the era in progress, a downvote that becomes an upvote, for a voter
	/// with `v` rewarded upvotes after it.
	#[benchmark]
	fn on_vote(v: Linear<1, { T::MaxRewardedVotesPerEra::get() }>) {
		let (author, post_id, voter) = post_and_curator::<T>();
		full_window::<T>();
		// Author and voter have rewards unclaimed in as many earlier eras as can be listed.
		let era = T::ClaimHorizon::get();
		CurrentEra::<T>::put(era);
		for who in [&author, &voter] {
			UnclaimedEras::<T>::insert(who, BoundedVec::truncate_from((0..era).collect()));
		}
		let others: BoundedVec<_, _> = (0..(v - 1) as PostId)
			.map(|i| (post_id + 1 + i, 1))
			.collect::<alloc::vec::Vec<_>>()
			.try_into()
			.expect("v - 1 is within the bound");
		if !others.is_empty() {
			CuratorVotes::<T>::insert(era, &voter, others);
		}
		Pallet::<T>::on_vote(post_id, &author, &voter, None, Some(VoteDirection::Down));

		#[block]
		{
			upvote_again::<T>(post_id, &author, &voter);
		}

		assert_eq!(CuratorVotes::<T>::decode_len(era, &voter), Some(v as usize));
		assert_eq!(UnclaimedEras::<T>::get(&author).last(), Some(&era));
	}

	/// The most expensive vote that counts nothing: an upvote by a curator with a profile and
	/// a balance but no mana left. (A pair counted in an earlier era returns sooner.)
	#[benchmark]
	fn on_vote_not_counted() {
		let (author, post_id, voter) = post_and_curator::<T>();
		// Set here, not left to the harness (which moves block 0 to 1 after the setup), so that
		// no mana regenerates before the vote.
		let now: BlockNumberFor<T> = 1u32.into();
		frame_system::Pallet::<T>::set_block_number(now);
		CurrentEra::<T>::put(1);
		full_window::<T>();
		Manas::<T>::insert(&voter, Mana { level: 0, updated: now });

		#[block]
		{
			upvote_again::<T>(post_id, &author, &voter);
		}

		assert!(!CountedVotes::<T>::contains_key(post_id, &voter));
		assert_eq!(PostScores::<T>::get(1, post_id), Default::default());
	}

	/// A community's moderators hide a post whose score is its author's only one in the era in
	/// progress, the author listing as many unclaimed eras as can be: the score leaves the
	/// era's totals and the author its claimants.
	#[benchmark]
	fn on_post_hidden() {
		let (author, post_id, voter) = post_and_curator::<T>();
		full_window::<T>();
		let era = T::ClaimHorizon::get();
		CurrentEra::<T>::put(era);
		UnclaimedEras::<T>::insert(&author, BoundedVec::truncate_from((0..era).collect()));
		Pallet::<T>::on_vote(post_id, &author, &voter, None, Some(VoteDirection::Up));
		assert!(EraScore::<T>::get() > 0);

		#[block]
		{
			Pallet::<T>::on_post_hidden(post_id, &author);
		}

		assert_eq!(EraScore::<T>::get(), 0);
		assert!(HiddenInEra::<T>::contains_key(era, post_id));
		assert_eq!(UnclaimedEras::<T>::get(&author).last(), Some(&(era - 1)));
	}

	/// Locking more on top of an existing stake.
	#[benchmark]
	fn lock_stake() {
		let caller = staker_unlocking::<T>(0);
		let amount = T::MinCurationStake::get();

		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()), amount);

		let expected = curation_stake::<T>().saturating_add(amount);
		assert_eq!(Stakes::<T>::get(&caller).unwrap().active, expected);
	}

	/// Unlocking into a new chunk beside `MaxUnlockingChunks - 1` others.
	#[benchmark]
	fn unlock_stake() {
		let chunks = T::MaxUnlockingChunks::get() - 1;
		let caller = staker_unlocking::<T>(chunks);
		CurrentEra::<T>::put(chunks);

		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()), T::MinCurationStake::get());

		assert_eq!(Stakes::<T>::get(&caller).unwrap().unlocking.len() as u32, chunks + 1);
	}

	/// Withdrawing `c` due chunks, the active stake staying.
	#[benchmark]
	fn withdraw_unlocked(c: Linear<1, { T::MaxUnlockingChunks::get() }>) {
		let caller = staker_unlocking::<T>(c);
		CurrentEra::<T>::put(c + 2);

		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()));

		assert!(Stakes::<T>::get(&caller).unwrap().unlocking.is_empty());
	}

	/// Removing `k` scores of a closed era in `on_idle`. (Removing the `CountedVotes` of posts
	/// out of the curation window is the same operation, a prefix cleared key by key, and is
	/// charged the same per key.)
	#[benchmark]
	fn prune_closed_eras(k: Linear<0, MAX_PRUNED_PER_BLOCK>) {
		ErasToPrune::<T>::insert(0, ());
		for post in 0..k {
			PostScores::<T>::insert(0, PostId::from(post), PostScore { up: 1, down: 0 });
		}

		#[block]
		{
			Pallet::<T>::prune_closed_eras(Weight::MAX);
		}

		assert_eq!(PostScores::<T>::iter_prefix(0).count(), 0);
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
