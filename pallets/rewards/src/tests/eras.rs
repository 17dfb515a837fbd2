//! Finished eras close and are pruned: settled once their last claimant claims (the rounding
//! dust goes back to the pool), expired past the claim horizon (the unclaimed rewards go back);
//! claims read only the eras an account earned in; the version 1 layout migrates.

use super::*;
use crate::{
	migration::v2::{v1, InnerMigrateV1ToV2},
	EraClaimants, ErasToPrune, UnclaimedEras, WeightInfo,
};
use frame_support::{
	traits::{fungible::Mutate, Hooks, UncheckedOnRuntimeUpgrade},
	weights::Weight,
};

/// Runs to the end of era `era` (the first block of the next one).
fn end_of_era(era: u32) {
	run_to_block((u64::from(era) + 1) * ERA_LENGTH);
}

fn unclaimed(who: AccountId) -> Vec<u32> {
	UnclaimedEras::<Test>::get(who).into_inner()
}

#[test]
fn an_era_closes_when_its_last_claimant_claims_and_its_scores_are_pruned() {
	new_test_ext().execute_with(|| {
		let p = post(ALICE);
		vote(CHARLIE, p, Up);
		assert_eq!((unclaimed(ALICE), unclaimed(CHARLIE)), (vec![0], vec![0]));
		assert_eq!(EraClaimants::<Test>::get(), 2);
		end_of_era(0);
		let payout = Eras::<Test>::get(0).unwrap();
		assert_eq!((payout.claimants, payout.claimed), (2, 0));

		let alice = claim(ALICE);
		assert_eq!(alice, payout.authors);
		let after = Eras::<Test>::get(0).unwrap();
		assert_eq!((after.claimants, after.claimed), (1, alice));
		assert!(unclaimed(ALICE).is_empty() && !UnclaimedEras::<Test>::contains_key(ALICE));

		let charlie = claim(CHARLIE);
		let returned = ERA_MINT - alice - charlie;
		assert!(events().contains(&Event::EraSettled { era: 0, returned }));
		assert!(Eras::<Test>::get(0).is_none());
		assert_eq!(Carry::<Test>::get(), returned);
		// The scores stay until the next block's idle time removes them.
		assert!(PostScores::<Test>::contains_key(0, p));
		assert!(ErasToPrune::<Test>::contains_key(0));
		run_to_block(System::block_number() + 1);
		assert!(!PostScores::<Test>::contains_key(0, p));
		assert!(!ErasToPrune::<Test>::contains_key(0));
		// What went back is in the next era's pool.
		end_of_era(1);
		assert!(events().contains(&Event::EraEnded { era: 1, pool: ERA_MINT + returned }));
	});
}

#[test]
fn unclaimed_rewards_expire_after_the_horizon_and_go_back_to_the_pool() {
	new_test_ext().execute_with(|| {
		let issuance = Balances::total_issuance();
		let p = post(ALICE);
		vote(CHARLIE, p, Up);
		end_of_era(0);
		let payout = Eras::<Test>::get(0).unwrap();
		// Claimable until era `CLAIM_HORIZON` ends.
		end_of_era(CLAIM_HORIZON - 1);
		assert_eq!(Rewards::pending_rewards(&ALICE), payout.authors);
		end_of_era(CLAIM_HORIZON);
		let returned = payout.authors + payout.curators;
		assert!(events().contains(&Event::EraExpired { era: 0, returned }));
		assert!(Eras::<Test>::get(0).is_none());
		assert_eq!(Rewards::pending_rewards(&ALICE), 0);
		// Eras 1 to CLAIM_HORIZON had no score and carried their pools; era 0's comes back too:
		// every token minted is in the next pool.
		let minted = Balance::from(CLAIM_HORIZON + 1) * ERA_MINT;
		assert_eq!(Carry::<Test>::get(), minted);
		assert_eq!(Balances::total_issuance(), issuance + minted);
		// A late claim settles the expired era for nothing, and clears the account's list.
		let before = balance(ALICE);
		assert_ok!(Rewards::claim_rewards(RuntimeOrigin::signed(ALICE)));
		assert_eq!(balance(ALICE), before);
		assert_eq!(
			events().last(),
			Some(&Event::RewardsClaimed { who: ALICE, amount: 0, eras: 1 })
		);
		assert!(!UnclaimedEras::<Test>::contains_key(ALICE));
		run_to_block(System::block_number() + 1);
		assert!(!PostScores::<Test>::contains_key(0, p));
		assert!(!AuthorScores::<Test>::contains_key(0, ALICE));
		assert!(!CuratorVotes::<Test>::contains_key(0, CHARLIE));
	});
}

#[test]
fn a_claim_reads_only_the_eras_the_account_earned_in() {
	new_test_ext().execute_with(|| {
		vote(CHARLIE, post(ALICE), Up);
		end_of_era(3);
		vote(CHARLIE, post(ALICE), Up);
		end_of_era(4);
		assert_eq!(unclaimed(ALICE), vec![0, 4]);
		let expected =
			Eras::<Test>::get(0).unwrap().authors + Eras::<Test>::get(4).unwrap().authors;
		let info = Rewards::claim_rewards(RuntimeOrigin::signed(ALICE)).unwrap();
		// Two eras read and charged for, not five.
		assert_eq!(info.actual_weight, Some(<() as WeightInfo>::claim_rewards(2)));
		assert!(events().contains(&Event::RewardsClaimed {
			who: ALICE,
			amount: expected,
			eras: 2
		}));
	});
}

#[test]
fn an_account_lists_no_more_eras_than_the_horizon_allows() {
	new_test_ext().execute_with(|| {
		let eras = CLAIM_HORIZON + 3;
		for era in 0..eras {
			vote(CHARLIE, post(ALICE), Up);
			if era + 1 < eras {
				end_of_era(era);
			}
		}
		let current = eras - 1;
		let listed = unclaimed(ALICE);
		assert_eq!(listed.len() as u32, CLAIM_HORIZON + 1);
		assert_eq!(listed, (current - CLAIM_HORIZON..=current).collect::<Vec<_>>());
		// What pending_rewards reads is bounded the same way.
		let open: Balance =
			listed.iter().filter_map(|era| Eras::<Test>::get(era)).map(|p| p.authors).sum();
		assert_eq!(Rewards::pending_rewards(&ALICE), open);
	});
}

#[test]
fn taking_back_the_only_vote_takes_back_the_claim() {
	new_test_ext().execute_with(|| {
		let p = post(ALICE);
		vote(CHARLIE, p, Up);
		assert_eq!(EraClaimants::<Test>::get(), 2);
		assert_ok!(Votes::unvote(RuntimeOrigin::signed(CHARLIE), p));
		assert_eq!(EraClaimants::<Test>::get(), 0);
		assert!(!UnclaimedEras::<Test>::contains_key(ALICE));
		assert!(!UnclaimedEras::<Test>::contains_key(CHARLIE));
		end_of_era(0);
		assert!(Eras::<Test>::get(0).is_none());
		assert_noop!(
			Rewards::claim_rewards(RuntimeOrigin::signed(ALICE)),
			Error::<Test>::NothingToClaim
		);
	});
}

#[test]
fn on_idle_prunes_no_more_than_its_weight_pays_for() {
	let mut ext = new_test_ext();
	ext.0.execute_with(|| {
		ErasToPrune::<Test>::insert(7, ());
		for post in 0..10 {
			PostScores::<Test>::insert(7, post, crate::PostScore { up: 1, down: 0 });
		}
	});
	// In the database, as scores of an era that closed in an earlier block are.
	ext.0.commit_all().unwrap();
	ext.execute_with(|| {
		let for_keys = <() as WeightInfo>::prune_closed_eras;
		// Not even the fixed part: nothing happens.
		assert_eq!(Rewards::on_idle(1, for_keys(0) - Weight::from_parts(1, 0)), Weight::zero());
		assert_eq!(PostScores::<Test>::iter_prefix(7).count(), 10);
		// Three keys' worth removes three.
		assert_eq!(Rewards::on_idle(1, for_keys(3)), for_keys(3));
		assert_eq!(PostScores::<Test>::iter_prefix(7).count(), 7);
		assert!(ErasToPrune::<Test>::contains_key(7));
		// Plenty removes the rest, and the era leaves the queue.
		run_to_block(2);
		assert_eq!(PostScores::<Test>::iter_prefix(7).count(), 0);
		assert!(!ErasToPrune::<Test>::contains_key(7));
		// With nothing queued, idle time costs one read.
		assert_eq!(Rewards::on_idle(2, Weight::MAX), for_keys(0));
	});
}

#[test]
fn a_version_1_state_migrates() {
	new_test_ext().execute_with(|| {
		let (a1, a3) = (600u128, 400u128);
		let total = a1 + a3;
		let payout = |total_score| v1::EraPayout {
			pool: ERA_MINT,
			authors: ERA_MINT / 2,
			curators: ERA_MINT / 2,
			total_score,
		};
		crate::CurrentEra::<Test>::put(8);
		// Era 1 is past the horizon with ALICE's share unclaimed; in era 3 BOB has claimed his
		// half and ALICE not; era 5 had no score.
		v1::Eras::<Test>::insert(1, payout(total));
		v1::Eras::<Test>::insert(3, payout(total));
		v1::Eras::<Test>::insert(5, payout(0));
		AuthorScores::<Test>::insert(1, ALICE, a1);
		AuthorScores::<Test>::insert(3, ALICE, a3);
		v1::ClaimFrom::<Test>::insert(ALICE, 1);
		v1::ClaimFrom::<Test>::insert(BOB, 4);
		Balances::mint_into(&Rewards::pool_account(), 2 * ERA_MINT).unwrap();

		InnerMigrateV1ToV2::<Test>::on_runtime_upgrade();

		let owed_1 = share(ERA_MINT / 2, a1, total);
		let owed_3 = share(ERA_MINT / 2, a3, total);
		assert_eq!(Carry::<Test>::get(), owed_1, "era 1's unclaimed share went back");
		assert!(Eras::<Test>::get(1).is_none() && Eras::<Test>::get(5).is_none());
		let era3 = Eras::<Test>::get(3).unwrap();
		assert_eq!((era3.claimants, era3.claimed), (1, ERA_MINT - owed_3));
		assert_eq!(unclaimed(ALICE), vec![3]);
		assert!(!UnclaimedEras::<Test>::contains_key(BOB));
		assert_eq!(v1::ClaimFrom::<Test>::iter().count(), 0);
		assert_eq!(ErasToPrune::<Test>::iter_keys().collect::<Vec<_>>().len(), 2);
		assert_eq!(Rewards::pending_rewards(&ALICE), owed_3);
		assert_eq!(claim(ALICE), owed_3);
		assert!(events().contains(&Event::EraSettled { era: 3, returned: 0 }));
	});
}

/// Runs into era `CURATION_WINDOW`, in which posts of era 0 have left the curation window.
fn past_the_window_of_era_0() {
	end_of_era(CURATION_WINDOW - 1);
	assert_eq!(crate::CurrentEra::<Test>::get(), CURATION_WINDOW);
}

#[test]
fn votes_count_only_within_a_posts_curation_window() {
	new_test_ext().execute_with(|| {
		let old = post(ALICE);
		end_of_era(CURATION_WINDOW - 2);
		// The window's last era: still counts.
		vote(DAVE, old, Up);
		assert_eq!(CountedVotes::<Test>::get(old, DAVE).unwrap().era, CURATION_WINDOW - 1);
		past_the_window_of_era_0();
		let new = post(BOB);
		assert_eq!(Rewards::earning_from(), new);
		vote(CHARLIE, old, Up);
		assert!(CountedVotes::<Test>::get(old, CHARLIE).is_none());
		assert!(!PostScores::<Test>::contains_key(CURATION_WINDOW, old));
		assert!(
			Manas::<Test>::get(CHARLIE).is_none(),
			"no mana spent on a vote that earns nothing"
		);
		// The vote itself is in the tally, and a new post's votes count.
		assert_eq!(pallet_votes::Tallies::<Test>::get(old).up, 2);
		vote(CHARLIE, new, Up);
		assert_eq!(CountedVotes::<Test>::get(new, CHARLIE).unwrap().era, CURATION_WINDOW);
	});
}

#[test]
fn the_counted_votes_of_a_post_out_of_the_window_are_removed_and_never_count_again() {
	new_test_ext().execute_with(|| {
		let p = post(ALICE);
		vote(CHARLIE, p, Up);
		end_of_era(0);
		vote(DAVE, p, Up);
		assert!(CountedVotes::<Test>::contains_key(p, CHARLIE));
		past_the_window_of_era_0();
		run_to_block(System::block_number() + 1);
		assert_eq!(CountedVotes::<Test>::iter_prefix(p).count(), 0);
		assert_eq!(crate::CountedVotesPrunedBelow::<Test>::get(), Rewards::earning_from());
		// The votes stay (their deposits pay for them); re-voting counts nothing.
		assert!(pallet_votes::Votes::<Test>::contains_key(p, CHARLIE));
		assert_ok!(Votes::unvote(RuntimeOrigin::signed(CHARLIE), p));
		vote(CHARLIE, p, Up);
		assert!(CountedVotes::<Test>::get(p, CHARLIE).is_none());
		assert_eq!(EraClaimants::<Test>::get(), 0);
	});
}
