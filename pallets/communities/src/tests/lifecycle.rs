//! Creating, updating, handing over and closing communities; appointing moderators.

use super::*;
use crate::{Community, Settings};

#[test]
fn create_community_stores_it_reserves_its_handle_and_holds_the_deposit() {
	new_test_ext().execute_with(|| {
		assert_ok!(create(ALICE, "Rust_Folk", Joining::Approval, Posting::Members));
		let expected = Community {
			handle: handle("rust_folk"),
			owner: ALICE,
			pending_owner: None,
			settings: Settings {
				name: name("Rust folk"),
				description: Some(ContentId::parse(examples::HELLO_V0.as_bytes()).unwrap()),
				rules: Some(ContentId::parse(examples::HELLO_V1.as_bytes()).unwrap()),
				joining: Joining::Approval,
				posting: Posting::Members,
			},
			moderators: Default::default(),
			pins: Default::default(),
			members: 0,
			deposit: COMMUNITY_DEPOSIT,
		};
		assert_eq!(CommunitiesStorage::<Test>::get(0), Some(expected));
		assert_eq!(CommunityHandles::<Test>::get(handle("rust_folk")), Some(0));
		assert_eq!(NextCommunityId::<Test>::get(), 1);
		assert_eq!(held(HoldReason::CommunityDeposit, ALICE), COMMUNITY_DEPOSIT);
		assert_eq!(
			last_event(),
			Event::CommunityCreated { community: 0, handle: handle("rust_folk"), owner: ALICE }
				.into()
		);
		// Ids go up.
		assert_ok!(create(BOB, "golang", Joining::Open, Posting::Anyone));
		assert_eq!(CommunityHandles::<Test>::get(handle("golang")), Some(1));
	});
}

#[test]
fn bad_settings_are_refused_with_their_own_error_and_nothing_changes() {
	new_test_ext().execute_with(|| {
		assert_ok!(create(ALICE, "rust", Joining::Open, Posting::Anyone));
		assert_noop!(
			create(BOB, "RUST", Joining::Open, Posting::Anyone),
			Error::<Test>::HandleTaken
		);
		assert_noop!(
			create(BOB, "ab", Joining::Open, Posting::Anyone),
			Error::<Test>::HandleTooShort
		);
		assert_noop!(
			create(BOB, "no-dashes", Joining::Open, Posting::Anyone),
			Error::<Test>::InvalidHandleCharacter
		);
		let with = |name: DisplayName, description: &str| {
			Communities::create_community(
				RuntimeOrigin::signed(BOB),
				handle("bobs"),
				name,
				Some(cid_text(description)),
				None,
				Joining::Open,
				Posting::Anyone,
			)
		};
		assert_noop!(
			with(DisplayName::truncate_from(vec![0xff, 0xfe]), examples::HELLO_V1),
			Error::<Test>::NameNotUtf8
		);
		assert_noop!(with(name("Bob's"), ""), Error::<Test>::EmptyCid);
		assert_noop!(with(name("Bob's"), "not a cid"), Error::<Test>::MalformedCid);
		assert_noop!(with(name("Bob's"), examples::SHA2_512), Error::<Test>::UnsupportedCidHash);
		// Too poor for the deposit: the currency's own error.
		assert_noop!(
			create(POOR, "poor", Joining::Open, Posting::Anyone),
			sp_runtime::TokenError::FundsUnavailable
		);
		assert_eq!(NextCommunityId::<Test>::get(), 1);
	});
}

#[test]
fn only_the_owner_updates_and_the_settings_are_replaced() {
	new_test_ext().execute_with(|| {
		let community = alices_community();
		let update = |who| {
			Communities::update_community(
				RuntimeOrigin::signed(who),
				community,
				name("Rustaceans"),
				None,
				Some(cid_text(examples::HELLO_V0)),
				Joining::Approval,
				Posting::Anyone,
			)
		};
		assert_noop!(update(BOB), Error::<Test>::NotOwner);
		assert_noop!(
			Communities::update_community(
				RuntimeOrigin::signed(ALICE),
				7,
				name("x"),
				None,
				None,
				Joining::Open,
				Posting::Anyone
			),
			Error::<Test>::CommunityNotFound
		);
		assert_ok!(update(ALICE));
		let settings = CommunitiesStorage::<Test>::get(community).unwrap().settings;
		assert_eq!(settings.name, name("Rustaceans"));
		assert_eq!(settings.description, None);
		assert_eq!((settings.joining, settings.posting), (Joining::Approval, Posting::Anyone));
		assert_eq!(last_event(), Event::CommunityUpdated { community }.into());
	});
}

#[test]
fn ownership_passes_only_when_the_new_owner_accepts_and_the_deposit_moves_with_it() {
	new_test_ext().execute_with(|| {
		let community = alices_community();
		assert_noop!(
			Communities::transfer_ownership(RuntimeOrigin::signed(BOB), community, Some(BOB)),
			Error::<Test>::NotOwner
		);
		assert_ok!(Communities::transfer_ownership(
			RuntimeOrigin::signed(ALICE),
			community,
			Some(BOB)
		));
		assert_eq!(
			last_event(),
			Event::OwnershipOffered { community, owner: ALICE, to: Some(BOB) }.into()
		);
		assert_noop!(
			Communities::accept_ownership(RuntimeOrigin::signed(CHARLIE), community),
			Error::<Test>::NotOfferedOwnership
		);
		// Bob, a moderator, accepts: he owns it, holds its deposit, and is no longer listed
		// among the moderators.
		assert_ok!(Communities::accept_ownership(RuntimeOrigin::signed(BOB), community));
		let record = CommunitiesStorage::<Test>::get(community).unwrap();
		assert_eq!((record.owner, record.pending_owner), (BOB, None));
		assert!(record.moderators.is_empty());
		assert_eq!(held(HoldReason::CommunityDeposit, ALICE), 0);
		assert_eq!(held(HoldReason::CommunityDeposit, BOB), COMMUNITY_DEPOSIT);
		assert_eq!(
			last_event(),
			Event::OwnershipTransferred { community, from: ALICE, to: BOB }.into()
		);
		// An offer can be withdrawn.
		assert_ok!(Communities::transfer_ownership(
			RuntimeOrigin::signed(BOB),
			community,
			Some(DAVE)
		));
		assert_ok!(Communities::transfer_ownership(RuntimeOrigin::signed(BOB), community, None));
		assert_noop!(
			Communities::accept_ownership(RuntimeOrigin::signed(DAVE), community),
			Error::<Test>::NotOfferedOwnership
		);
		// One who cannot pay the deposit cannot accept.
		assert_ok!(Communities::transfer_ownership(
			RuntimeOrigin::signed(BOB),
			community,
			Some(POOR)
		));
		assert_noop!(
			Communities::accept_ownership(RuntimeOrigin::signed(POOR), community),
			sp_runtime::TokenError::FundsUnavailable
		);
	});
}

#[test]
fn moderators_are_appointed_by_the_owner_bounded_and_may_resign() {
	new_test_ext().execute_with(|| {
		let community = alices_community();
		assert_noop!(
			Communities::add_moderator(RuntimeOrigin::signed(BOB), community, DAVE),
			Error::<Test>::NotOwner
		);
		assert_noop!(
			Communities::add_moderator(RuntimeOrigin::signed(ALICE), community, BOB),
			Error::<Test>::AlreadyModerator
		);
		assert_noop!(
			Communities::add_moderator(RuntimeOrigin::signed(ALICE), community, ALICE),
			Error::<Test>::AlreadyModerator
		);
		assert_ok!(Communities::add_moderator(RuntimeOrigin::signed(ALICE), community, DAVE));
		assert_eq!(last_event(), Event::ModeratorAdded { community, moderator: DAVE }.into());
		// MAX_MODERATORS is 2.
		assert_noop!(
			Communities::add_moderator(RuntimeOrigin::signed(ALICE), community, EVE),
			Error::<Test>::TooManyModerators
		);
		// Bob cannot remove Dave; Dave resigns; the owner removes Bob.
		assert_noop!(
			Communities::remove_moderator(RuntimeOrigin::signed(BOB), community, DAVE),
			Error::<Test>::NotOwner
		);
		assert_ok!(Communities::remove_moderator(RuntimeOrigin::signed(DAVE), community, DAVE));
		assert_ok!(Communities::remove_moderator(RuntimeOrigin::signed(ALICE), community, BOB));
		assert_eq!(last_event(), Event::ModeratorRemoved { community, moderator: BOB }.into());
		assert_noop!(
			Communities::remove_moderator(RuntimeOrigin::signed(ALICE), community, BOB),
			Error::<Test>::NoSuchModerator
		);
		assert!(CommunitiesStorage::<Test>::get(community).unwrap().moderators.is_empty());
	});
}

#[test]
fn closing_frees_the_handle_returns_the_deposit_and_leaves_members_to_leave() {
	new_test_ext().execute_with(|| {
		let community = alices_community();
		let post = post_in(CHARLIE, community).unwrap();
		assert_ok!(Communities::ban(RuntimeOrigin::signed(BOB), community, DAVE, reason("spam")));
		assert_ok!(Communities::hide_post(
			RuntimeOrigin::signed(BOB),
			community,
			post,
			reason("off topic")
		));
		assert_noop!(
			Communities::close_community(RuntimeOrigin::signed(BOB), community),
			Error::<Test>::NotOwner
		);
		assert_ok!(Communities::close_community(RuntimeOrigin::signed(ALICE), community));
		assert_eq!(last_event(), Event::CommunityClosed { community, owner: ALICE }.into());
		assert!(!CommunitiesStorage::<Test>::contains_key(community));
		assert_eq!(CommunityHandles::<Test>::get(handle("rust")), None);
		assert_eq!(held(HoldReason::CommunityDeposit, ALICE), 0);
		// Nobody posts, replies or joins there any more.
		assert_noop!(post_in(CHARLIE, community), Error::<Test>::CommunityNotFound);
		assert_noop!(reply(CHARLIE, post), Error::<Test>::CommunityNotFound);
		assert_noop!(
			Communities::join(RuntimeOrigin::signed(EVE), community),
			Error::<Test>::CommunityNotFound
		);
		// Charlie leaves and gets his deposit back; Bob, who banned and hid, lifts both and gets
		// his deposits back; nobody else may.
		assert_ok!(Communities::leave(RuntimeOrigin::signed(CHARLIE), community));
		assert_eq!(held(HoldReason::MembershipDeposit, CHARLIE), 0);
		assert_noop!(
			Communities::unban(RuntimeOrigin::signed(ALICE), community, DAVE, reason("")),
			Error::<Test>::NotModerator
		);
		assert_ok!(Communities::unban(RuntimeOrigin::signed(BOB), community, DAVE, reason("")));
		assert_noop!(
			Communities::unhide_post(RuntimeOrigin::signed(ALICE), community, post, reason("")),
			Error::<Test>::NotModerator
		);
		assert_ok!(Communities::unhide_post(
			RuntimeOrigin::signed(BOB),
			community,
			post,
			reason("")
		));
		assert_eq!(held(HoldReason::ModerationDeposit, BOB), 0);
		// The handle is free for a new community, with a new id.
		assert_ok!(create(EVE, "rust", Joining::Open, Posting::Anyone));
		assert_eq!(CommunityHandles::<Test>::get(handle("rust")), Some(1));
	});
}
