//! The pallet's invariants, checked by `try_state` (try-runtime) and after every unit test.

use crate::*;
use alloc::collections::BTreeMap;
use frame_support::{ensure, traits::fungible::InspectHold};
use sp_runtime::TryRuntimeError;

impl<T: Config> Pallet<T> {
	/// Checks that, for the era in progress:
	/// - each post's score is the sum of the weights of the votes counted on it in that era,
	///   and a post hidden in it has none;
	/// - `EraScore` is the sum of the posts' net scores, and each author's `AuthorScores` the
	///   sum over its posts (posts removed since they scored aside);
	/// - each curator's `CuratorVotes` are exactly its counted upvotes of the era;
	/// - no zero score and no empty vote list is stored;
	///
	/// and, over all eras, that each account's held `CurationStake` equals its active plus
	/// unlocking stake (no empty stake stored, no chunk later than the delay), that no counted
	/// vote is from an era not yet started, none counts in the era in progress on a post outside
	/// the curation window and none is left below the pruning cursor, and the claims invariants of [`Self::check_claims`].
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		let era = CurrentEra::<T>::get();
		let mut scores = BTreeMap::<PostId, PostScore>::new();
		let mut curated = BTreeMap::<T::AccountId, alloc::vec::Vec<(PostId, VoteWeight)>>::new();
		let starts = WindowStarts::<T>::get();
		ensure!(starts.windows(2).all(|w| w[0] <= w[1]), "WindowStarts is not in order");
		let pruned_below = CountedVotesPrunedBelow::<T>::get();
		let earning_from = Self::earning_from();
		ensure!(pruned_below <= earning_from, "CountedVotes pruned inside the window");
		for (post_id, voter, vote) in CountedVotes::<T>::iter() {
			ensure!(vote.era <= era, "a vote is counted in an era not yet started");
			ensure!(post_id >= pruned_below, "a CountedVotes entry was left behind by pruning");
			ensure!(
				vote.era < era || post_id >= earning_from,
				"a vote counts in this era on a post outside the curation window"
			);
			if vote.era == era {
				// A post hidden in this era lost its score; its counted upvotes stay listed.
				if !HiddenInEra::<T>::contains_key(era, post_id) {
					scores.entry(post_id).or_default().apply(vote.direction, vote.weight, true);
				}
				if vote.direction == VoteDirection::Up {
					curated.entry(voter).or_default().push((post_id, vote.weight));
				}
			}
		}
		let stored = PostScores::<T>::iter_prefix(era).collect::<BTreeMap<_, _>>();
		ensure!(stored == scores, "the era's post scores differ from its counted votes");

		// Authors' scores: each live or tombstoned post's net score is its author's; a post
		// removed since it scored leaves its part with an author the chain no longer names.
		let mut by_author = BTreeMap::<T::AccountId, u128>::new();
		let (mut total, mut removed) = (0u128, 0u128);
		for (post_id, score) in &scores {
			total = total.saturating_add(score.net());
			match T::Posts::post_ref(*post_id) {
				Some(post) => {
					let part = by_author.entry(post.author).or_default();
					*part = part.saturating_add(score.net());
				},
				None => removed = removed.saturating_add(score.net()),
			}
		}
		ensure!(EraScore::<T>::get() == total, "EraScore differs from the posts' scores");
		let stored = AuthorScores::<T>::iter_prefix(era).collect::<BTreeMap<_, _>>();
		ensure!(stored.values().all(|s| *s > 0), "a zero author score is stored");
		let mut unexplained = 0u128;
		for (author, score) in &stored {
			let known = by_author.remove(author).unwrap_or_default();
			ensure!(*score >= known, "an author's score is less than its posts' scores");
			unexplained = unexplained.saturating_add(score - known);
		}
		ensure!(
			by_author.values().all(|s| *s == 0),
			"an author with scored posts has no author score"
		);
		ensure!(unexplained == removed, "the authors' scores differ from their posts' scores");

		for (voter, votes) in CuratorVotes::<T>::iter_prefix(era) {
			ensure!(!votes.is_empty(), "an empty CuratorVotes entry is stored");
			let mut stored = votes.into_inner();
			let mut counted = curated.remove(&voter).unwrap_or_default();
			stored.sort();
			counted.sort();
			ensure!(stored == counted, "a curator's votes differ from its counted upvotes");
		}
		ensure!(curated.is_empty(), "a counted upvote is missing from CuratorVotes");

		Self::check_claims(era)?;
		for (who, stake) in Stakes::<T>::iter() {
			ensure!(
				!stake.active.is_zero() || !stake.unlocking.is_empty(),
				"an empty stake is stored"
			);
			let mut staked = stake.active;
			for chunk in stake.unlocking.iter() {
				ensure!(!chunk.amount.is_zero(), "an unlocking chunk of nothing is stored");
				ensure!(
					chunk.withdrawable_from <= era.saturating_add(2),
					"a chunk unlocks later than the delay allows"
				);
				staked = staked.saturating_add(chunk.amount);
			}
			let held = T::Currency::balance_on_hold(&HoldReason::CurationStake.into(), &who);
			ensure!(held == staked, "a held curation stake differs from its record");
		}

		Ok(())
	}

	/// Checks the claims side: each account's `UnclaimedEras` is increasing, within the horizon
	/// bound and no later than the era in progress, and lists the era in progress exactly when
	/// the account has score in it (`EraClaimants` counts them); each open era is finished,
	/// not past the horizon, paid no more than it splits, counts as claimants exactly the
	/// accounts listing it, each of which still has score in it, and still holds what those
	/// accounts are owed; and the pool holds at least what every open era still holds plus the
	/// carried remainder and the era's fees, above its existential deposit.
	fn check_claims(era: EraIndex) -> Result<(), TryRuntimeError> {
		let mut listing = BTreeMap::<EraIndex, (u32, BalanceOf<T>)>::new();
		let mut claimants_now = 0u32;
		for (who, eras) in UnclaimedEras::<T>::iter() {
			ensure!(!eras.is_empty(), "an empty UnclaimedEras entry is stored");
			ensure!(eras.windows(2).all(|w| w[0] < w[1]), "UnclaimedEras is not increasing");
			ensure!(eras.iter().all(|e| *e <= era), "an unclaimed era has not started");
			for listed in eras.iter() {
				if *listed == era {
					claimants_now += 1;
					ensure!(Self::has_score_in(era, &who), "a listed claimant has no score");
				} else if let Some(payout) = Eras::<T>::get(listed) {
					ensure!(Self::has_score_in(*listed, &who), "a listed claimant has no score");
					let votes = CuratorVotes::<T>::get(listed, &who);
					let owed = Self::reward(
						*listed,
						&payout,
						AuthorScores::<T>::get(listed, &who),
						&votes,
					);
					let entry = listing.entry(*listed).or_insert((0, Zero::zero()));
					entry.0 += 1;
					entry.1 = entry.1.saturating_add(owed);
				}
			}
		}
		for who in
			AuthorScores::<T>::iter_key_prefix(era).chain(CuratorVotes::<T>::iter_key_prefix(era))
		{
			ensure!(
				UnclaimedEras::<T>::get(&who).last() == Some(&era),
				"an account with score in the era in progress does not list it"
			);
		}
		ensure!(EraClaimants::<T>::get() == claimants_now, "EraClaimants miscounts the claimants");

		let mut open = BalanceOf::<T>::zero();
		for (finished, payout) in Eras::<T>::iter() {
			ensure!(finished < era, "an era in progress has a payout");
			ensure!(
				finished.saturating_add(T::ClaimHorizon::get()) >= era,
				"an era past the claim horizon is still open"
			);
			ensure!(payout.total_score > 0, "an era without score has a payout");
			ensure!(
				payout.authors.saturating_add(payout.curators) <= payout.pool,
				"an era pays out more than its pool"
			);
			ensure!(
				payout.claimed <= payout.authors.saturating_add(payout.curators),
				"an era paid out more than it splits"
			);
			let (claimants, owed) = listing.remove(&finished).unwrap_or((0, Zero::zero()));
			ensure!(payout.claimants == claimants, "an era miscounts its claimants");
			ensure!(payout.claimants > 0, "an era with no claimant left is still open");
			ensure!(owed <= payout.unpaid(), "an era owes more than it holds");
			open = open.saturating_add(payout.unpaid());
		}

		let owed = open.saturating_add(Carry::<T>::get()).saturating_add(EraFees::<T>::get());
		let pool = T::Currency::balance(&Self::pool_account());
		ensure!(
			pool >= owed.saturating_add(T::Currency::minimum_balance()),
			"the reward pool holds less than it owes"
		);
		Ok(())
	}
}
