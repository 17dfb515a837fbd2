//! Joining, leaving, and moderators answering requests to join.

use super::*;
use crate::Membership;

#[test]
fn an_open_community_takes_members_at_once_up_to_its_bound() {
	new_test_ext().execute_with(|| {
		let community = alices_community();
		assert_eq!(
			Memberships::<Test>::get(community, CHARLIE),
			Some(Membership { approved: true, muted_until: None, deposit: MEMBERSHIP_DEPOSIT })
		);
		assert_eq!(held(HoldReason::MembershipDeposit, CHARLIE), MEMBERSHIP_DEPOSIT);
		assert_eq!(last_event(), Event::Joined { community, who: CHARLIE }.into());
		assert_noop!(
			Communities::join(RuntimeOrigin::signed(CHARLIE), community),
			Error::<Test>::AlreadyMember
		);
		// MAX_MEMBERS is 4.
		for who in [DAVE, EVE, FERDIE] {
			assert_ok!(Communities::join(RuntimeOrigin::signed(who), community));
		}
		assert_eq!(members(community), 4);
		assert_noop!(
			Communities::join(RuntimeOrigin::signed(ALICE), community),
			Error::<Test>::CommunityFull
		);
		assert_noop!(
			Communities::join(RuntimeOrigin::signed(ALICE), 9),
			Error::<Test>::CommunityNotFound
		);
		// Leaving returns the deposit and makes room.
		assert_ok!(Communities::leave(RuntimeOrigin::signed(EVE), community));
		assert_eq!(last_event(), Event::Left { community, who: EVE }.into());
		assert_eq!(held(HoldReason::MembershipDeposit, EVE), 0);
		assert_eq!(Balances::balance(&EVE), ENDOWMENT);
		assert_eq!(members(community), 3);
		assert_noop!(
			Communities::leave(RuntimeOrigin::signed(EVE), community),
			Error::<Test>::NotMember
		);
	});
}

#[test]
fn a_community_that_approves_waits_for_a_moderator() {
	new_test_ext().execute_with(|| {
		assert_ok!(create(ALICE, "club", Joining::Approval, Posting::Members));
		assert_ok!(Communities::add_moderator(RuntimeOrigin::signed(ALICE), 0, BOB));
		assert_ok!(Communities::join(RuntimeOrigin::signed(CHARLIE), 0));
		assert_eq!(last_event(), Event::JoinRequested { community: 0, who: CHARLIE }.into());
		assert_eq!(members(0), 0);
		assert_eq!(held(HoldReason::MembershipDeposit, CHARLIE), MEMBERSHIP_DEPOSIT);
		assert_noop!(
			Communities::join(RuntimeOrigin::signed(CHARLIE), 0),
			Error::<Test>::AlreadyRequested
		);
		// A request is not a membership: Charlie cannot post yet.
		assert_noop!(post_in(CHARLIE, 0), Error::<Test>::NotMember);
		assert_noop!(
			Communities::approve_member(RuntimeOrigin::signed(DAVE), 0, CHARLIE),
			Error::<Test>::NotModerator
		);
		assert_noop!(
			Communities::approve_member(RuntimeOrigin::signed(BOB), 0, DAVE),
			Error::<Test>::NoJoinRequest
		);
		assert_ok!(Communities::approve_member(RuntimeOrigin::signed(BOB), 0, CHARLIE));
		assert_eq!(
			last_event(),
			Event::MemberApproved { community: 0, who: CHARLIE, by: BOB }.into()
		);
		assert_eq!(members(0), 1);
		assert_ok!(post_in(CHARLIE, 0));
		// Approving a member twice is refused; so is rejecting one.
		assert_noop!(
			Communities::approve_member(RuntimeOrigin::signed(BOB), 0, CHARLIE),
			Error::<Test>::NoJoinRequest
		);
		assert_noop!(
			Communities::reject_member(RuntimeOrigin::signed(ALICE), 0, CHARLIE),
			Error::<Test>::NoJoinRequest
		);
		// Dave asks, is rejected, and gets his deposit back; Eve asks and withdraws.
		assert_ok!(Communities::join(RuntimeOrigin::signed(DAVE), 0));
		assert_ok!(Communities::reject_member(RuntimeOrigin::signed(ALICE), 0, DAVE));
		assert_eq!(
			last_event(),
			Event::MemberRejected { community: 0, who: DAVE, by: ALICE }.into()
		);
		assert_eq!(held(HoldReason::MembershipDeposit, DAVE), 0);
		assert_ok!(Communities::join(RuntimeOrigin::signed(EVE), 0));
		assert_ok!(Communities::leave(RuntimeOrigin::signed(EVE), 0));
		assert_eq!(held(HoldReason::MembershipDeposit, EVE), 0);
		assert_eq!(members(0), 1);
	});
}

#[test]
fn approval_respects_the_member_bound() {
	new_test_ext().execute_with(|| {
		assert_ok!(create(ALICE, "club", Joining::Approval, Posting::Members));
		for who in [BOB, CHARLIE, DAVE, EVE, FERDIE] {
			assert_ok!(Communities::join(RuntimeOrigin::signed(who), 0));
		}
		for who in [BOB, CHARLIE, DAVE, EVE] {
			assert_ok!(Communities::approve_member(RuntimeOrigin::signed(ALICE), 0, who));
		}
		assert_noop!(
			Communities::approve_member(RuntimeOrigin::signed(ALICE), 0, FERDIE),
			Error::<Test>::CommunityFull
		);
	});
}

#[test]
fn who_may_post_follows_the_communitys_policy() {
	new_test_ext().execute_with(|| {
		// Members only: Alice (owner) and Bob (moderator) post without joining; Charlie joined;
		// Dave did not.
		let community = alices_community();
		assert_ok!(post_in(ALICE, community));
		assert_ok!(post_in(BOB, community));
		let charlies = post_in(CHARLIE, community).unwrap();
		assert_noop!(post_in(DAVE, community), Error::<Test>::NotMember);
		// Replies in its threads follow the same rule.
		assert_noop!(reply(DAVE, charlies), Error::<Test>::NotMember);
		assert_ok!(reply(ALICE, charlies));
		// Open posting: anyone not banned.
		assert_ok!(create(EVE, "open", Joining::Open, Posting::Anyone));
		assert_ok!(post_in(DAVE, 1));
		assert_noop!(post_in(DAVE, 7), Error::<Test>::CommunityNotFound);
	});
}
