//! Mutes and blocks: each account's own lists, paid for by deposits and bounded; a block ends
//! the follows between the two accounts and stops the blocked one from following again.

use super::*;
use crate::{Blocks, FollowDepositPayers, ListCounts, ListCountsOf, Mutes};
use plaza_primitives::BlockList;

fn held_for(reason: HoldReason, who: AccountId) -> Balance {
	Balances::balance_on_hold(&reason.into(), &who)
}

fn follow(follower: AccountId, followee: AccountId) -> frame_support::dispatch::DispatchResult {
	Profiles::follow(RuntimeOrigin::signed(follower), followee).map(|_| ()).map_err(|e| e.error)
}

#[test]
fn mute_holds_a_deposit_and_unmute_returns_it() {
	new_test_ext().execute_with(|| {
		assert_ok!(Profiles::mute(RuntimeOrigin::signed(ALICE), BOB));

		assert_eq!(Mutes::<Test>::get(ALICE, BOB), Some(MUTE_DEPOSIT));
		assert_eq!(ListCountsOf::<Test>::get(ALICE), ListCounts { muted: 1, blocked: 0 });
		assert_eq!(held_for(HoldReason::MuteDeposit, ALICE), MUTE_DEPOSIT);
		assert_eq!(Balances::balance(&ALICE), ENDOWMENT - MUTE_DEPOSIT);
		assert_eq!(last_event(), Event::Muted { who: ALICE, muted: BOB }.into());
		// Muting changes nothing for Bob: he may still follow Alice, and she him.
		assert_ok!(follow(BOB, ALICE));
		assert_ok!(follow(ALICE, BOB));
		assert_eq!(Profiles::ensure_no_block(&ALICE, &BOB), Ok(()));

		assert_ok!(Profiles::unmute(RuntimeOrigin::signed(ALICE), BOB));
		assert_eq!(Mutes::<Test>::get(ALICE, BOB), None);
		assert!(!ListCountsOf::<Test>::contains_key(ALICE));
		assert_eq!(held_for(HoldReason::MuteDeposit, ALICE), 0);
		assert_eq!(last_event(), Event::Unmuted { who: ALICE, muted: BOB }.into());
	});
}

#[test]
fn mute_refusals_change_nothing() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			Profiles::mute(RuntimeOrigin::signed(ALICE), ALICE),
			Error::<Test>::CannotMuteSelf
		);
		assert_noop!(Profiles::unmute(RuntimeOrigin::signed(ALICE), BOB), Error::<Test>::NotMuted);
		assert_noop!(
			Profiles::mute(RuntimeOrigin::signed(NEWCOMER), BOB),
			TokenError::FundsUnavailable
		);
		for muted in 10..10 + MAX_MUTED as AccountId {
			assert_ok!(Profiles::mute(RuntimeOrigin::signed(ALICE), muted));
		}
		assert_noop!(Profiles::mute(RuntimeOrigin::signed(ALICE), 10), Error::<Test>::AlreadyMuted);
		assert_noop!(
			Profiles::mute(RuntimeOrigin::signed(ALICE), BOB),
			Error::<Test>::TooManyMuted
		);
		// Making room lets the next one in; blocks are counted apart from mutes.
		assert_ok!(Profiles::block(RuntimeOrigin::signed(ALICE), BOB));
		assert_ok!(Profiles::unmute(RuntimeOrigin::signed(ALICE), 10));
		assert_ok!(Profiles::mute(RuntimeOrigin::signed(ALICE), BOB));
		assert_eq!(ListCountsOf::<Test>::get(ALICE), ListCounts { muted: MAX_MUTED, blocked: 1 });
		assert_eq!(held_for(HoldReason::MuteDeposit, ALICE), MUTE_DEPOSIT * MAX_MUTED as Balance);
	});
}

#[test]
fn a_block_ends_the_follows_both_ways_and_returns_their_deposits_to_their_payers() {
	new_test_ext().execute_with(|| {
		// Bob follows Alice through an app (the app pays); Alice follows Bob herself.
		Sponsored::set(Some((BOB, APP)));
		assert_ok!(follow(BOB, ALICE));
		Sponsored::set(None);
		assert_ok!(follow(ALICE, BOB));
		assert_ok!(follow(CHARLIE, ALICE));
		assert_eq!(held_for(HoldReason::FollowDeposit, APP), FOLLOW_DEPOSIT);
		System::reset_events();

		assert_ok!(Profiles::block(RuntimeOrigin::signed(ALICE), BOB));

		assert_eq!(Blocks::<Test>::get(ALICE, BOB), Some(BLOCK_DEPOSIT));
		assert_eq!(held_for(HoldReason::BlockDeposit, ALICE), BLOCK_DEPOSIT);
		assert!(!Following::<Test>::contains_key(BOB, ALICE));
		assert!(!Following::<Test>::contains_key(ALICE, BOB));
		assert!(!FollowDepositPayers::<Test>::contains_key(BOB, ALICE));
		assert_eq!(held_for(HoldReason::FollowDeposit, APP), 0);
		assert_eq!(held_for(HoldReason::FollowDeposit, ALICE), 0);
		assert_eq!(Balances::balance(&APP), ENDOWMENT);
		// Charlie's follow of Alice is not touched.
		assert_eq!(FollowCountsOf::<Test>::get(ALICE), FollowCounts { followers: 1, following: 0 });
		assert!(!FollowCountsOf::<Test>::contains_key(BOB));
		let events: Vec<RuntimeEvent> = System::events().into_iter().map(|r| r.event).collect();
		assert_eq!(
			events,
			vec![
				RuntimeEvent::Balances(pallet_balances::Event::Held {
					reason: HoldReason::BlockDeposit.into(),
					who: ALICE,
					amount: BLOCK_DEPOSIT,
				}),
				Event::Blocked { who: ALICE, blocked: BOB }.into(),
				RuntimeEvent::Balances(pallet_balances::Event::Released {
					reason: HoldReason::FollowDeposit.into(),
					who: APP,
					amount: FOLLOW_DEPOSIT,
				}),
				Event::Unfollowed { follower: BOB, followee: ALICE }.into(),
				RuntimeEvent::Balances(pallet_balances::Event::Released {
					reason: HoldReason::FollowDeposit.into(),
					who: ALICE,
					amount: FOLLOW_DEPOSIT,
				}),
				Event::Unfollowed { follower: ALICE, followee: BOB }.into(),
			]
		);
	});
}

#[test]
fn neither_side_of_a_block_can_follow_the_other_until_it_goes() {
	new_test_ext().execute_with(|| {
		assert_ok!(Profiles::block(RuntimeOrigin::signed(ALICE), BOB));

		assert_noop!(follow(BOB, ALICE), Error::<Test>::BlockedByAccount);
		assert_noop!(follow(ALICE, BOB), Error::<Test>::BlockingAccount);
		// Asked by the other pallets: on Alice's side Bob is blocked, on Bob's Alice blocks.
		assert_eq!(
			Profiles::ensure_no_block(&ALICE, &BOB),
			Err(Error::<Test>::BlockedByAccount.into())
		);
		assert_eq!(
			Profiles::ensure_no_block(&BOB, &ALICE),
			Err(Error::<Test>::BlockingAccount.into())
		);
		// Charlie is free.
		assert_eq!(Profiles::ensure_no_block(&ALICE, &CHARLIE), Ok(()));
		assert_ok!(follow(CHARLIE, ALICE));

		assert_ok!(Profiles::unblock(RuntimeOrigin::signed(ALICE), BOB));
		assert_eq!(last_event(), Event::Unblocked { who: ALICE, blocked: BOB }.into());
		assert_eq!(held_for(HoldReason::BlockDeposit, ALICE), 0);
		assert!(!ListCountsOf::<Test>::contains_key(ALICE));
		assert_ok!(follow(BOB, ALICE));
		assert_ok!(follow(ALICE, BOB));
	});
}

#[test]
fn block_refusals_change_nothing() {
	new_test_ext().execute_with(|| {
		assert_ok!(follow(BOB, ALICE));
		assert_noop!(
			Profiles::block(RuntimeOrigin::signed(ALICE), ALICE),
			Error::<Test>::CannotBlockSelf
		);
		assert_noop!(
			Profiles::unblock(RuntimeOrigin::signed(ALICE), BOB),
			Error::<Test>::NotBlocked
		);
		// A block its maker cannot pay for is refused and leaves the follows in place (an app
		// pays for the newcomer's follow; a block is the person's own).
		Sponsored::set(Some((NEWCOMER, APP)));
		assert_ok!(follow(NEWCOMER, BOB));
		assert_noop!(
			Profiles::block(RuntimeOrigin::signed(NEWCOMER), BOB),
			TokenError::FundsUnavailable
		);
		Sponsored::set(None);
		assert!(Following::<Test>::contains_key(NEWCOMER, BOB));
		assert_ok!(Profiles::block(RuntimeOrigin::signed(ALICE), CHARLIE));
		assert_noop!(
			Profiles::block(RuntimeOrigin::signed(ALICE), CHARLIE),
			Error::<Test>::AlreadyBlocked
		);
		assert_ok!(Profiles::block(RuntimeOrigin::signed(ALICE), POOR));
		assert_eq!(MAX_BLOCKED, 2);
		assert_noop!(
			Profiles::block(RuntimeOrigin::signed(ALICE), BOB),
			Error::<Test>::TooManyBlocked
		);
		assert!(Following::<Test>::contains_key(BOB, ALICE));
	});
}
