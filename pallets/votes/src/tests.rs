//! Every call's success paths and every error, against a runtime with the real Posts pallet.

use frame_support::{assert_noop, assert_ok, dispatch::GetDispatchInfo};
use plaza_primitives::{examples, VoteDirection::*};

use crate::{mock::*, Call, Error, Event, Tallies, Tally, Votes as VotesStorage, WeightInfo};

fn create_post(author: AccountId) -> u64 {
	let id = pallet_posts::NextPostId::<Test>::get();
	assert_ok!(Posts::create_post(
		RuntimeOrigin::signed(author),
		plaza_primitives::CidText::truncate_from(examples::HELLO_V1.as_bytes().to_vec()),
		11,
		None
	));
	id
}

/// The direction of `voter`'s stored vote on `post`.
fn direction_of(post: u64, voter: AccountId) -> Option<plaza_primitives::VoteDirection> {
	VotesStorage::<Test>::get(post, voter).map(|vote| vote.direction)
}

fn held(who: AccountId) -> Balance {
	use frame_support::traits::fungible::InspectHold;
	Balances::balance_on_hold(&crate::HoldReason::VoteDeposit.into(), &who)
}

fn last_event() -> RuntimeEvent {
	System::events().pop().expect("an event").event
}

fn tally(up: u32, down: u32) -> Tally {
	Tally { up, down }
}

#[test]
fn vote_records_the_vote_and_counts_it() {
	new_test_ext().execute_with(|| {
		let post = create_post(ALICE);
		assert_ok!(Votes::vote(RuntimeOrigin::signed(BOB), post, Up));
		assert_ok!(Votes::vote(RuntimeOrigin::signed(CHARLIE), post, Down));
		assert_ok!(Votes::vote(RuntimeOrigin::signed(ALICE), post, Up));

		assert_eq!(direction_of(post, BOB), Some(Up));
		assert_eq!(direction_of(post, CHARLIE), Some(Down));
		assert_eq!(Tallies::<Test>::get(post), tally(2, 1));
		assert_eq!(
			last_event(),
			Event::Voted { post_id: post, voter: ALICE, direction: Up, previous: None }.into()
		);
		assert_eq!(
			RecordingObserver::observed(),
			vec![
				(post, ALICE, BOB, None, Some(Up)),
				(post, ALICE, CHARLIE, None, Some(Down)),
				(post, ALICE, ALICE, None, Some(Up)),
			]
		);
	});
}

#[test]
fn voting_the_other_way_changes_the_vote() {
	new_test_ext().execute_with(|| {
		let post = create_post(ALICE);
		assert_ok!(Votes::vote(RuntimeOrigin::signed(BOB), post, Up));
		assert_ok!(Votes::vote(RuntimeOrigin::signed(BOB), post, Down));
		assert_eq!(direction_of(post, BOB), Some(Down));
		assert_eq!(Tallies::<Test>::get(post), tally(0, 1));
		assert_eq!(
			last_event(),
			Event::Voted { post_id: post, voter: BOB, direction: Down, previous: Some(Up) }.into()
		);
		assert_eq!(
			RecordingObserver::observed().last(),
			Some(&(post, ALICE, BOB, Some(Up), Some(Down)))
		);
	});
}

#[test]
fn unvote_removes_the_vote() {
	new_test_ext().execute_with(|| {
		let post = create_post(ALICE);
		assert_ok!(Votes::vote(RuntimeOrigin::signed(BOB), post, Down));
		assert_ok!(Votes::unvote(RuntimeOrigin::signed(BOB), post));
		assert_eq!(direction_of(post, BOB), None);
		assert_eq!(Tallies::<Test>::get(post), tally(0, 0));
		// A tally of nothing is not stored.
		assert!(!Tallies::<Test>::contains_key(post));
		assert_eq!(
			last_event(),
			Event::VoteRemoved { post_id: post, voter: BOB, direction: Down }.into()
		);
		assert_eq!(
			RecordingObserver::observed().last(),
			Some(&(post, ALICE, BOB, Some(Down), None))
		);
		// And may vote again.
		assert_ok!(Votes::vote(RuntimeOrigin::signed(BOB), post, Up));
		assert_eq!(Tallies::<Test>::get(post), tally(1, 0));
	});
}

#[test]
fn votes_on_a_deleted_post_stay_counted_and_can_be_taken_back() {
	new_test_ext().execute_with(|| {
		let post = create_post(ALICE);
		assert_ok!(Votes::vote(RuntimeOrigin::signed(BOB), post, Up));
		assert_ok!(Votes::vote(RuntimeOrigin::signed(CHARLIE), post, Up));
		assert_ok!(Posts::delete_post(RuntimeOrigin::signed(ALICE), post));
		assert_eq!(Tallies::<Test>::get(post), tally(2, 0));
		assert_ok!(Votes::unvote(RuntimeOrigin::signed(BOB), post));
		assert_eq!(Tallies::<Test>::get(post), tally(1, 0));
	});
}

#[test]
fn voting_the_same_way_twice_fails() {
	new_test_ext().execute_with(|| {
		let post = create_post(ALICE);
		assert_ok!(Votes::vote(RuntimeOrigin::signed(BOB), post, Up));
		assert_noop!(
			Votes::vote(RuntimeOrigin::signed(BOB), post, Up),
			Error::<Test>::AlreadyVoted
		);
		assert_eq!(Tallies::<Test>::get(post), tally(1, 0));
	});
}

#[test]
fn votes_need_a_live_post() {
	new_test_ext().execute_with(|| {
		assert_noop!(Votes::vote(RuntimeOrigin::signed(BOB), 42, Up), Error::<Test>::PostNotFound);
		let post = create_post(ALICE);
		assert_ok!(Posts::repost(RuntimeOrigin::signed(CHARLIE), post));
		let repost = post + 1;
		assert_noop!(
			Votes::vote(RuntimeOrigin::signed(BOB), repost, Up),
			Error::<Test>::CannotVoteOnRepost
		);
		assert_ok!(Posts::delete_post(RuntimeOrigin::signed(ALICE), post));
		assert_noop!(
			Votes::vote(RuntimeOrigin::signed(BOB), post, Down),
			Error::<Test>::PostDeleted
		);
		assert!(RecordingObserver::observed().is_empty());
	});
}

#[test]
fn unvoting_without_a_vote_fails() {
	new_test_ext().execute_with(|| {
		let post = create_post(ALICE);
		assert_noop!(Votes::unvote(RuntimeOrigin::signed(BOB), post), Error::<Test>::NotVoted);
		assert_noop!(Votes::unvote(RuntimeOrigin::signed(BOB), 42), Error::<Test>::NotVoted);
	});
}

#[test]
fn calls_are_charged_the_observers_weight_too() {
	let vote = Call::<Test>::vote { post_id: 0, direction: Up }.get_dispatch_info();
	assert_eq!(vote.call_weight, <() as WeightInfo>::vote() + OBSERVER_WEIGHT);
	let unvote = Call::<Test>::unvote { post_id: 0 }.get_dispatch_info();
	assert_eq!(unvote.call_weight, <() as WeightInfo>::unvote() + OBSERVER_WEIGHT);
}

#[test]
fn what_the_observer_did_not_use_is_refunded() {
	new_test_ext().execute_with(|| {
		let post = create_post(ALICE);
		let voted = Votes::vote(RuntimeOrigin::signed(BOB), post, Up).expect("a valid vote");
		assert_eq!(voted.actual_weight, Some(<() as WeightInfo>::vote() + OBSERVER_USED));
		let unvoted = Votes::unvote(RuntimeOrigin::signed(BOB), post).expect("a vote to take back");
		assert_eq!(unvoted.actual_weight, Some(<() as WeightInfo>::unvote() + OBSERVER_USED));
	});
}

#[test]
fn a_vote_holds_its_deposit_until_it_is_taken_back() {
	new_test_ext().execute_with(|| {
		let post = create_post(ALICE);
		assert_ok!(Votes::vote(RuntimeOrigin::signed(BOB), post, Up));
		assert_eq!(held(BOB), VOTE_DEPOSIT);
		assert_eq!(VotesStorage::<Test>::get(post, BOB).unwrap().deposit, VOTE_DEPOSIT);
		// Changing the direction keeps the one deposit.
		assert_ok!(Votes::vote(RuntimeOrigin::signed(BOB), post, Down));
		assert_eq!(held(BOB), VOTE_DEPOSIT);
		assert_ok!(Votes::unvote(RuntimeOrigin::signed(BOB), post));
		assert_eq!(held(BOB), 0);
		// A voter who cannot pay it gets the currency's own reason, and nothing changes.
		const BROKE: AccountId = 9;
		assert_noop!(
			Votes::vote(RuntimeOrigin::signed(BROKE), post, Up),
			sp_runtime::TokenError::FundsUnavailable
		);
	});
}
