//! Moderators' actions and their undoing: hide, pin, mute, ban; who may act on whom; reasons.

use super::*;
use crate::{Hidden, ModeratorAction};
use codec::{Decode, Encode};

#[test]
fn a_hidden_post_stays_on_chain_holds_the_moderators_deposit_and_can_be_unhidden() {
	new_test_ext().execute_with(|| {
		let community = alices_community();
		let post = post_in(CHARLIE, community).unwrap();
		assert_noop!(
			Communities::hide_post(RuntimeOrigin::signed(CHARLIE), community, post, reason("x")),
			Error::<Test>::NotModerator
		);
		assert!(HiddenNoted::get().is_empty());
		let info = Communities::hide_post(
			RuntimeOrigin::signed(BOB),
			community,
			post,
			reason("off topic"),
		)
		.expect("a moderator hides a post of the community");
		// The rewards pallet (here a recorder) is told whose post went, and its weight charged.
		assert_eq!(HiddenNoted::get(), vec![(post, CHARLIE)]);
		assert_eq!(
			info.actual_weight,
			Some(<() as crate::WeightInfo>::hide_post().saturating_add(ON_POST_HIDDEN_WEIGHT))
		);
		assert_eq!(
			HiddenPosts::<Test>::get(post),
			Some(Hidden {
				community,
				action: ModeratorAction { by: BOB, deposit: MODERATION_DEPOSIT }
			})
		);
		assert_eq!(held(HoldReason::ModerationDeposit, BOB), MODERATION_DEPOSIT);
		assert_eq!(
			last_event(),
			Event::PostHidden { community, post_id: post, by: BOB, reason: reason("off topic") }
				.into()
		);
		// The post itself is untouched.
		assert!(pallet_posts::Posts::<Test>::get(post).is_some_and(|p| !p.deleted));
		assert_noop!(
			Communities::hide_post(RuntimeOrigin::signed(ALICE), community, post, reason("")),
			Error::<Test>::AlreadyHidden
		);
		// Any moderator may unhide; the deposit goes back to Bob, who hid it.
		assert_ok!(Communities::unhide_post(
			RuntimeOrigin::signed(ALICE),
			community,
			post,
			reason("fine")
		));
		assert_eq!(held(HoldReason::ModerationDeposit, BOB), 0);
		assert_eq!(
			last_event(),
			Event::PostUnhidden { community, post_id: post, by: ALICE, reason: reason("fine") }
				.into()
		);
		assert_noop!(
			Communities::unhide_post(RuntimeOrigin::signed(ALICE), community, post, reason("")),
			Error::<Test>::NotHidden
		);
	});
}

#[test]
fn moderators_act_only_on_their_communitys_live_posts() {
	new_test_ext().execute_with(|| {
		let community = alices_community();
		assert_ok!(create(EVE, "other", Joining::Open, Posting::Anyone));
		let elsewhere = post_in(EVE, 1).unwrap();
		let nowhere = reply(CHARLIE, elsewhere).unwrap() + 1;
		assert_ok!(Posts::create_post(
			RuntimeOrigin::signed(CHARLIE),
			cid_text(examples::HELLO_V1),
			1,
			None
		));
		for post in [elsewhere, nowhere] {
			assert_noop!(
				Communities::hide_post(RuntimeOrigin::signed(BOB), community, post, reason("")),
				Error::<Test>::PostNotInCommunity
			);
			assert_noop!(
				Communities::pin_post(RuntimeOrigin::signed(BOB), community, post, reason("")),
				Error::<Test>::PostNotInCommunity
			);
		}
		assert_noop!(
			Communities::hide_post(RuntimeOrigin::signed(BOB), community, 99, reason("")),
			Error::<Test>::PostNotFound
		);
		// A reply in the community's thread is the community's; a deleted post is not acted on.
		let root = post_in(CHARLIE, community).unwrap();
		let answer = reply(ALICE, root).unwrap();
		assert_ok!(Communities::hide_post(
			RuntimeOrigin::signed(BOB),
			community,
			answer,
			reason("rude")
		));
		assert_ok!(Posts::delete_post(RuntimeOrigin::signed(CHARLIE), root));
		assert_noop!(
			Communities::pin_post(RuntimeOrigin::signed(BOB), community, root, reason("")),
			Error::<Test>::PostDeleted
		);
	});
}

#[test]
fn pins_are_bounded_and_a_hidden_post_is_unpinned_and_cannot_be_pinned() {
	new_test_ext().execute_with(|| {
		let community = alices_community();
		let posts = [0; 3].map(|_| post_in(CHARLIE, community).unwrap());
		assert_ok!(Communities::pin_post(
			RuntimeOrigin::signed(BOB),
			community,
			posts[0],
			reason("welcome")
		));
		assert_eq!(
			last_event(),
			Event::PostPinned { community, post_id: posts[0], by: BOB, reason: reason("welcome") }
				.into()
		);
		assert_noop!(
			Communities::pin_post(RuntimeOrigin::signed(ALICE), community, posts[0], reason("")),
			Error::<Test>::AlreadyPinned
		);
		assert_ok!(Communities::pin_post(
			RuntimeOrigin::signed(ALICE),
			community,
			posts[1],
			reason("")
		));
		// MAX_PINS is 2.
		assert_noop!(
			Communities::pin_post(RuntimeOrigin::signed(ALICE), community, posts[2], reason("")),
			Error::<Test>::TooManyPins
		);
		// Hiding a pinned post unpins it (two events, one reason).
		assert_ok!(Communities::hide_post(
			RuntimeOrigin::signed(BOB),
			community,
			posts[0],
			reason("spam")
		));
		let record = CommunitiesStorage::<Test>::get(community).unwrap();
		assert_eq!(record.pins.to_vec(), vec![posts[1]]);
		let events =
			System::events().into_iter().rev().take(2).map(|r| r.event).collect::<Vec<_>>();
		assert_eq!(
			events,
			vec![
				Event::PostHidden { community, post_id: posts[0], by: BOB, reason: reason("spam") }
					.into(),
				Event::PostUnpinned {
					community,
					post_id: posts[0],
					by: BOB,
					reason: reason("spam")
				}
				.into(),
			]
		);
		assert_noop!(
			Communities::pin_post(RuntimeOrigin::signed(BOB), community, posts[0], reason("")),
			Error::<Test>::PostHidden
		);
		assert_ok!(Communities::unpin_post(
			RuntimeOrigin::signed(BOB),
			community,
			posts[1],
			reason("old")
		));
		assert_noop!(
			Communities::unpin_post(RuntimeOrigin::signed(BOB), community, posts[1], reason("")),
			Error::<Test>::NotPinned
		);
		assert_noop!(
			Communities::unpin_post(
				RuntimeOrigin::signed(CHARLIE),
				community,
				posts[1],
				reason("")
			),
			Error::<Test>::NotModerator
		);
		// Its author may delete a pinned or hidden post; a moderator still unpins and unhides
		// what is left (the deposit goes back).
		assert_ok!(Communities::pin_post(
			RuntimeOrigin::signed(BOB),
			community,
			posts[2],
			reason("")
		));
		assert_ok!(Posts::delete_post(RuntimeOrigin::signed(CHARLIE), posts[2]));
		assert_ok!(Posts::delete_post(RuntimeOrigin::signed(CHARLIE), posts[0]));
		assert_ok!(Communities::unpin_post(
			RuntimeOrigin::signed(BOB),
			community,
			posts[2],
			reason("gone")
		));
		assert_ok!(Communities::unhide_post(
			RuntimeOrigin::signed(BOB),
			community,
			posts[0],
			reason("gone")
		));
		assert_eq!(held(HoldReason::ModerationDeposit, BOB), 0);
	});
}

#[test]
fn a_muted_member_cannot_post_reply_or_leave_until_the_mute_ends() {
	new_test_ext().execute_with(|| {
		let community = alices_community();
		let root = post_in(ALICE, community).unwrap();
		assert_noop!(
			Communities::mute_member(RuntimeOrigin::signed(BOB), community, CHARLIE, 0, reason("")),
			Error::<Test>::ZeroMuteDuration
		);
		assert_noop!(
			Communities::mute_member(
				RuntimeOrigin::signed(BOB),
				community,
				CHARLIE,
				MAX_MUTE_DURATION + 1,
				reason("")
			),
			Error::<Test>::MuteTooLong
		);
		assert_noop!(
			Communities::mute_member(RuntimeOrigin::signed(BOB), community, DAVE, 10, reason("")),
			Error::<Test>::NotMember
		);
		assert_noop!(
			Communities::mute_member(
				RuntimeOrigin::signed(CHARLIE),
				community,
				CHARLIE,
				10,
				reason("")
			),
			Error::<Test>::NotModerator
		);
		assert_ok!(Communities::mute_member(
			RuntimeOrigin::signed(BOB),
			community,
			CHARLIE,
			10,
			reason("heated")
		));
		assert_eq!(
			last_event(),
			Event::MemberMuted {
				community,
				who: CHARLIE,
				until: 11,
				by: BOB,
				reason: reason("heated")
			}
			.into()
		);
		assert_noop!(post_in(CHARLIE, community), Error::<Test>::Muted);
		assert_noop!(reply(CHARLIE, root), Error::<Test>::Muted);
		assert_noop!(
			Communities::leave(RuntimeOrigin::signed(CHARLIE), community),
			Error::<Test>::Muted
		);
		// Elsewhere Charlie posts as before.
		assert_ok!(Posts::create_post(
			RuntimeOrigin::signed(CHARLIE),
			cid_text(examples::HELLO_V1),
			1,
			None
		));
		// The mute ends by itself at block 11.
		System::set_block_number(11);
		assert_ok!(post_in(CHARLIE, community));
		assert_noop!(
			Communities::unmute_member(RuntimeOrigin::signed(BOB), community, CHARLIE, reason("")),
			Error::<Test>::NotMuted
		);
		// Or early, by a moderator.
		assert_ok!(Communities::mute_member(
			RuntimeOrigin::signed(ALICE),
			community,
			CHARLIE,
			50,
			reason("")
		));
		assert_ok!(Communities::unmute_member(
			RuntimeOrigin::signed(BOB),
			community,
			CHARLIE,
			reason("calm")
		));
		assert_eq!(
			last_event(),
			Event::MemberUnmuted { community, who: CHARLIE, by: BOB, reason: reason("calm") }
				.into()
		);
		assert_ok!(reply(CHARLIE, root));
		assert_ok!(Communities::leave(RuntimeOrigin::signed(CHARLIE), community));
	});
}

#[test]
fn a_ban_ends_the_membership_and_keeps_the_account_out_until_lifted() {
	new_test_ext().execute_with(|| {
		let community = alices_community();
		assert_ok!(Communities::ban(
			RuntimeOrigin::signed(BOB),
			community,
			CHARLIE,
			reason("spam")
		));
		assert_eq!(
			last_event(),
			Event::Banned { community, who: CHARLIE, by: BOB, reason: reason("spam") }.into()
		);
		assert_eq!(
			Bans::<Test>::get(community, CHARLIE),
			Some(ModeratorAction { by: BOB, deposit: MODERATION_DEPOSIT })
		);
		assert_eq!(Memberships::<Test>::get(community, CHARLIE), None);
		assert_eq!(held(HoldReason::MembershipDeposit, CHARLIE), 0);
		assert_eq!(held(HoldReason::ModerationDeposit, BOB), MODERATION_DEPOSIT);
		assert_eq!(members(community), 0);
		assert_noop!(
			Communities::join(RuntimeOrigin::signed(CHARLIE), community),
			Error::<Test>::Banned
		);
		assert_noop!(post_in(CHARLIE, community), Error::<Test>::Banned);
		assert_noop!(
			Communities::ban(RuntimeOrigin::signed(ALICE), community, CHARLIE, reason("")),
			Error::<Test>::AlreadyBanned
		);
		// Non-members can be banned too: in a community anyone may post in, that keeps them out.
		assert_ok!(create(EVE, "open", Joining::Open, Posting::Anyone));
		assert_ok!(Communities::ban(RuntimeOrigin::signed(EVE), 1, DAVE, reason("troll")));
		assert_noop!(post_in(DAVE, 1), Error::<Test>::Banned);
		// Lifting it returns the deposit to whoever banned.
		assert_noop!(
			Communities::unban(RuntimeOrigin::signed(CHARLIE), community, CHARLIE, reason("")),
			Error::<Test>::NotModerator
		);
		assert_ok!(Communities::unban(
			RuntimeOrigin::signed(ALICE),
			community,
			CHARLIE,
			reason("second chance")
		));
		assert_eq!(held(HoldReason::ModerationDeposit, BOB), 0);
		assert_noop!(
			Communities::unban(RuntimeOrigin::signed(ALICE), community, CHARLIE, reason("")),
			Error::<Test>::NotBanned
		);
		assert_ok!(Communities::join(RuntimeOrigin::signed(CHARLIE), community));
	});
}

#[test]
fn moderators_do_not_act_on_the_owner_or_each_other() {
	new_test_ext().execute_with(|| {
		let community = alices_community();
		assert_ok!(Communities::add_moderator(RuntimeOrigin::signed(ALICE), community, DAVE));
		for target in [ALICE, DAVE] {
			assert_noop!(
				Communities::ban(RuntimeOrigin::signed(BOB), community, target, reason("")),
				Error::<Test>::CannotModerateModerator
			);
			assert_noop!(
				Communities::mute_member(
					RuntimeOrigin::signed(BOB),
					community,
					target,
					5,
					reason("")
				),
				Error::<Test>::CannotModerateModerator
			);
		}
	});
}

#[test]
fn reasons_are_utf8_and_bounded() {
	new_test_ext().execute_with(|| {
		let community = alices_community();
		let post = post_in(CHARLIE, community).unwrap();
		let not_utf8 = Reason::truncate_from(vec![0xc3, 0x28]);
		assert_noop!(
			Communities::hide_post(RuntimeOrigin::signed(BOB), community, post, not_utf8.clone()),
			Error::<Test>::ReasonNotUtf8
		);
		assert_noop!(
			Communities::ban(RuntimeOrigin::signed(BOB), community, CHARLIE, not_utf8),
			Error::<Test>::ReasonNotUtf8
		);
		// A reason one byte over the bound does not decode: such a call never reaches the pallet.
		let longest = vec![b'r'; crate::MAX_REASON_LEN as usize];
		assert!(Reason::decode(&mut &longest.encode()[..]).is_ok());
		let over = vec![b'r'; crate::MAX_REASON_LEN as usize + 1];
		assert!(Reason::decode(&mut &over.encode()[..]).is_err());
	});
}
