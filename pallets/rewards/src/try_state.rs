//! The pallet's invariants, checked by `try_state` (try-runtime) and after every unit test.

use crate::*;
use alloc::collections::BTreeMap;
use frame_support::{ensure, traits::fungible::InspectHold};
use sp_runtime::TryRuntimeError;

impl<T: Config> Pallet<T> {
	/// Checks that, for the era in progress:
	/// - each post's score is the sum of the weights of the votes counted on it in that era;
	/// - `EraScore` is the sum of the posts' net scores, and each author's `AuthorScores` the
	///   sum over its posts (posts removed since they scored aside);
	/// - each curator's `CuratorVotes` are exactly its counted upvotes of the era;
	/// - no zero score and no empty vote list is stored;
	///
	/// and, over all eras, that each account's held `CurationStake` equals its active plus
	/// unlocking stake (no empty stake stored, no chunk later than the delay), that no counted
	/// vote is from an era not yet started, that each
	/// finished era's payout splits its pool, and that the pool holds at least what it owes:
	/// every pending reward, the carried remainder and the era's fees, above its existential
	/// deposit.
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		let era = CurrentEra::<T>::get();
		let mut scores = BTreeMap::<PostId, PostScore>::new();
		let mut curated = BTreeMap::<T::AccountId, alloc::vec::Vec<(PostId, VoteWeight)>>::new();
		for (post_id, voter, vote) in CountedVotes::<T>::iter() {
			ensure!(vote.era <= era, "a vote is counted in an era not yet started");
			if vote.era == era {
				scores.entry(post_id).or_default().apply(vote.direction, vote.weight, true);
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

		for (_, payout) in Eras::<T>::iter() {
			ensure!(
				payout.authors.saturating_add(payout.curators) <= payout.pool,
				"an era pays out more than its pool"
			);
		}
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

		let owed = ClaimFrom::<T>::iter_keys()
			.fold(Carry::<T>::get().saturating_add(EraFees::<T>::get()), |owed, who| {
				owed.saturating_add(Self::pending_rewards(&who))
			});
		let pool = T::Currency::balance(&Self::pool_account());
		ensure!(
			pool >= owed.saturating_add(T::Currency::minimum_balance()),
			"the reward pool holds less than it owes"
		);
		Ok(())
	}
}
