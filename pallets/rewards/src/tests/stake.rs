//! Curation stake: locking, unlocking through a full era, withdrawing, and votes weighed by the
//! active stake; downvotes bounded per era.

use super::*;
use crate::{CurationStake, HoldReason, Stakes, UnlockChunk};
use frame_support::traits::fungible::InspectHold;
use sp_runtime::TokenError;

fn held(who: AccountId) -> Balance {
	Balances::balance_on_hold(&HoldReason::CurationStake.into(), &who)
}

fn stake_of(who: AccountId) -> CurationStake<Balance, MaxUnlockingChunks> {
	Stakes::<Test>::get(who).expect("a stake")
}

#[test]
fn locking_holds_the_stake_and_records_it() {
	new_test_ext().execute_with(|| {
		assert_eq!(held(ALICE), STAKE);
		let free = balance(ALICE);
		assert_ok!(Rewards::lock_stake(RuntimeOrigin::signed(ALICE), 500));
		assert_eq!(held(ALICE), STAKE + 500);
		assert_eq!(balance(ALICE), free - 500);
		assert_eq!(stake_of(ALICE).active, STAKE + 500);
		assert_eq!(
			events(),
			vec![Event::StakeLocked { who: ALICE, amount: 500, active: STAKE + 500 }]
		);
		assert_noop!(
			Rewards::lock_stake(RuntimeOrigin::signed(ALICE), 0),
			Error::<Test>::ZeroAmount
		);
		// The currency's own reason passes through.
		assert_noop!(
			Rewards::lock_stake(RuntimeOrigin::signed(POOR), 10_000),
			TokenError::FundsUnavailable
		);
	});
}

#[test]
fn unlocking_stake_stays_held_through_the_whole_next_era() {
	new_test_ext().execute_with(|| {
		assert_ok!(Rewards::unlock_stake(RuntimeOrigin::signed(ALICE), 400));
		assert_ok!(Rewards::unlock_stake(RuntimeOrigin::signed(ALICE), 100));
		// Same era: one chunk, withdrawable from era 2.
		let stake = stake_of(ALICE);
		assert_eq!(stake.active, STAKE - 500);
		assert_eq!(
			stake.unlocking.into_inner(),
			vec![UnlockChunk { amount: 500, withdrawable_from: 2 }]
		);
		assert_eq!(held(ALICE), STAKE);
		assert_eq!(
			events().last(),
			Some(&Event::StakeUnlocking { who: ALICE, amount: 100, withdrawable_from: 2 })
		);
		assert_noop!(
			Rewards::withdraw_unlocked(RuntimeOrigin::signed(ALICE)),
			Error::<Test>::NothingToWithdraw
		);
		// Era 1, the whole of it: still held, and not movable.
		run_to_block(ERA_LENGTH);
		assert_noop!(
			Rewards::withdraw_unlocked(RuntimeOrigin::signed(ALICE)),
			Error::<Test>::NothingToWithdraw
		);
		assert_noop!(
			Balances::transfer_allow_death(RuntimeOrigin::signed(ALICE), BOB, balance(ALICE) + 1),
			TokenError::FundsUnavailable
		);
		// Era 2: released.
		run_to_block(2 * ERA_LENGTH);
		let free = balance(ALICE);
		assert_ok!(Rewards::withdraw_unlocked(RuntimeOrigin::signed(ALICE)));
		assert_eq!(balance(ALICE), free + 500);
		assert_eq!(held(ALICE), STAKE - 500);
		assert!(stake_of(ALICE).unlocking.is_empty());
		assert_eq!(events().last(), Some(&Event::StakeWithdrawn { who: ALICE, amount: 500 }));
	});
}

#[test]
fn a_stake_fully_withdrawn_leaves_no_record() {
	new_test_ext().execute_with(|| {
		assert_ok!(Rewards::unlock_stake(RuntimeOrigin::signed(BOB), STAKE));
		run_to_block(2 * ERA_LENGTH);
		assert_ok!(Rewards::withdraw_unlocked(RuntimeOrigin::signed(BOB)));
		assert!(!Stakes::<Test>::contains_key(BOB));
		assert_eq!(held(BOB), 0);
		assert_noop!(Rewards::unlock_stake(RuntimeOrigin::signed(BOB), 1), Error::<Test>::NoStake);
		assert_noop!(
			Rewards::withdraw_unlocked(RuntimeOrigin::signed(BOB)),
			Error::<Test>::NoStake
		);
	});
}

#[test]
fn unlocking_is_bounded() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			Rewards::unlock_stake(RuntimeOrigin::signed(ALICE), STAKE + 1),
			Error::<Test>::InsufficientStake
		);
		assert_noop!(
			Rewards::unlock_stake(RuntimeOrigin::signed(ALICE), 0),
			Error::<Test>::ZeroAmount
		);
		for era in 0..MAX_UNLOCKING_CHUNKS as u64 {
			run_to_block(era * ERA_LENGTH + 1);
			assert_ok!(Rewards::unlock_stake(RuntimeOrigin::signed(ALICE), 1));
		}
		// Chunks from eras 0, 1 and 2 are pending (one per era): until the ones due are
		// withdrawn, a fourth era's chunk does not fit.
		run_to_block(MAX_UNLOCKING_CHUNKS as u64 * ERA_LENGTH + 1);
		assert_noop!(
			Rewards::unlock_stake(RuntimeOrigin::signed(ALICE), 1),
			Error::<Test>::TooManyUnlockingChunks
		);
		assert_ok!(Rewards::withdraw_unlocked(RuntimeOrigin::signed(ALICE)));
		assert_ok!(Rewards::unlock_stake(RuntimeOrigin::signed(ALICE), 1));
	});
}

#[test]
fn a_vote_weighs_the_active_stake_times_mana() {
	new_test_ext().execute_with(|| {
		let p = post(ALICE);
		assert_ok!(Rewards::lock_stake(RuntimeOrigin::signed(CHARLIE), 2 * STAKE));
		vote(CHARLIE, p, Up);
		assert_eq!(CountedVotes::<Test>::get(p, CHARLIE).unwrap().weight, 3 * STAKE);
		// Unlocking takes the stake out of the next vote's weight at once.
		assert_ok!(Rewards::unlock_stake(RuntimeOrigin::signed(DAVE), STAKE / 2));
		vote(DAVE, p, Up);
		assert_eq!(CountedVotes::<Test>::get(p, DAVE).unwrap().weight, STAKE / 2);
		// Below MinCurationStake a vote counts nothing and spends no mana.
		assert_ok!(Rewards::unlock_stake(
			RuntimeOrigin::signed(EVE),
			STAKE - MIN_CURATION_STAKE + 1
		));
		vote(EVE, p, Up);
		assert!(CountedVotes::<Test>::get(p, EVE).is_none());
		assert!(Manas::<Test>::get(EVE).is_none());
		assert_eq!(PostScores::<Test>::get(0, p).up, (3 * STAKE + STAKE / 2) as u128);
	});
}

#[test]
fn downvotes_spend_mana_and_are_bounded_per_era() {
	new_test_ext().execute_with(|| {
		let posts: Vec<_> = (0..=MAX_REWARDED_VOTES_PER_ERA).map(|_| post(ALICE)).collect();
		for p in &posts {
			vote(CHARLIE, *p, Down);
		}
		let max = MAX_REWARDED_VOTES_PER_ERA as usize;
		for p in &posts[..max] {
			assert!(CountedVotes::<Test>::get(p, CHARLIE).is_some());
		}
		assert!(CountedVotes::<Test>::get(posts[max], CHARLIE).is_none(), "past the bound");
		// Each counted downvote spent 2 % of mana.
		let spent = MAX_REWARDED_VOTES_PER_ERA * (FULL_MANA / 50);
		assert_eq!(Manas::<Test>::get(CHARLIE).unwrap().level, FULL_MANA - spent);
		// Taking one back frees its slot in the era.
		assert_ok!(Votes::unvote(RuntimeOrigin::signed(CHARLIE), posts[0]));
		assert_ok!(Votes::unvote(RuntimeOrigin::signed(CHARLIE), posts[max]));
		vote(CHARLIE, posts[max], Down);
		assert!(CountedVotes::<Test>::get(posts[max], CHARLIE).is_some());
		// Upvotes have their own bound, untouched by downvotes.
		vote(CHARLIE, post(BOB), Up);
		assert_eq!(CuratorVotes::<Test>::get(0, CHARLIE).len(), 1);
		// A new era, a new bound.
		run_to_block(ERA_LENGTH);
		let fresh = post(ALICE);
		vote(CHARLIE, fresh, Down);
		assert!(CountedVotes::<Test>::get(fresh, CHARLIE).is_some());
		assert_eq!(stake_of(CHARLIE).downvotes, 1);
	});
}
