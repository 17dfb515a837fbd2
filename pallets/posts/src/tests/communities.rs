//! Posts in communities: `post_in_community`, replies in a community's threads, and what the
//! community's refusal leaves (nothing).

use super::*;
use crate::PostCommunity;
use frame_support::assert_noop;
use sp_runtime::DispatchError;

fn post_in(who: AccountId, community: plaza_primitives::CommunityId) -> DispatchResult {
	Posts::post_in_community(RuntimeOrigin::signed(who), community, text(examples::HELLO_V1), 11)
		.map(|_| ())
		.map_err(|e| e.error)
}

#[test]
fn a_post_in_a_community_records_it_and_its_replies_are_in_it_too() {
	new_test_ext().execute_with(|| {
		assert_ok!(post_in(ALICE, 2)); // 0
		assert_eq!(PostCommunity::<Test>::get(0), Some(2));
		assert_eq!(stored(0).kind, PostKind::Original);
		assert_eq!(held(ALICE), POST_DEPOSIT);
		assert_eq!(
			last_event(),
			Event::PostCreated {
				post_id: 0,
				author: ALICE,
				reply_to: None,
				content: cid(examples::HELLO_V1),
				body_size: 11,
				via: None,
				community: Some(2),
			}
			.into()
		);
		assert_ok!(post(BOB, examples::HELLO_V1, 1, Some(0))); // 1
		assert_ok!(post(ALICE, examples::HELLO_V1, 1, Some(1))); // 2
		match last_event() {
			RuntimeEvent::Posts(Event::PostCreated { post_id: 2, community, .. }) => {
				assert_eq!(community, Some(2))
			},
			other => panic!("unexpected {other:?}"),
		}
		// Replies are in their root's community without an entry of their own.
		assert_eq!(PostCommunity::<Test>::iter().count(), 1);
		assert_eq!([0, 1, 2].map(Posts::community_of), [Some(2); 3]);
		// Posts outside communities, and reposts, are in none.
		assert_ok!(post(BOB, examples::HELLO_V1, 1, None)); // 3
		assert_ok!(Posts::repost(RuntimeOrigin::signed(BOB), 0)); // 4
		assert_eq!([3, 4, 99].map(Posts::community_of), [None; 3]);
	});
}

#[test]
fn the_communitys_refusal_passes_through_and_changes_nothing() {
	new_test_ext().execute_with(|| {
		// No such community.
		assert_noop!(post_in(ALICE, COMMUNITIES), DispatchError::Other("no such community"));
		assert_ok!(post_in(ALICE, 1)); // 0
		assert_ok!(post(BOB, examples::HELLO_V1, 1, None)); // 1, in no community
		Refused::set(vec![(1, BOB)]);
		// Bob may neither post in community 1 nor reply in its threads, at any depth.
		assert_noop!(post_in(BOB, 1), DispatchError::Other("muted"));
		assert_noop!(post(BOB, examples::HELLO_V1, 1, Some(0)), DispatchError::Other("muted"));
		assert_ok!(post(ALICE, examples::HELLO_V1, 1, Some(0))); // 2
		assert_noop!(post(BOB, examples::HELLO_V1, 1, Some(2)), DispatchError::Other("muted"));
		// Elsewhere he posts and replies as before; a bad CID is refused before the community
		// is asked.
		assert_ok!(post_in(BOB, 0));
		assert_ok!(post(BOB, examples::HELLO_V1, 1, Some(1)));
		assert_noop!(
			Posts::post_in_community(RuntimeOrigin::signed(BOB), 1, text("not a cid"), 1),
			Error::<Test>::MalformedCid
		);
		assert_noop!(
			Posts::post_in_community(
				RuntimeOrigin::signed(BOB),
				0,
				text(examples::HELLO_V1),
				MAX_BODY_SIZE + 1
			),
			Error::<Test>::BodyTooLarge
		);
	});
}

#[test]
fn a_community_post_leaves_its_community_with_its_record() {
	new_test_ext().execute_with(|| {
		assert_ok!(post_in(ALICE, 1)); // 0
		assert_ok!(post(BOB, examples::HELLO_V1, 1, Some(0))); // 1
														 // Deleted with a reply below it, it stays a tombstone in its community.
		assert_ok!(Posts::delete_post(RuntimeOrigin::signed(ALICE), 0));
		assert_eq!(PostCommunity::<Test>::get(0), Some(1));
		assert_eq!(Posts::community_of(1), Some(1));
		// The reply's deletion removes the tombstone, and the community entry with it.
		assert_ok!(Posts::delete_post(RuntimeOrigin::signed(BOB), 1));
		assert_eq!(PostCommunity::<Test>::get(0), None);
		assert_ok!(post_in(ALICE, 2)); // 2
		assert_ok!(Posts::delete_post(RuntimeOrigin::signed(ALICE), 2));
		assert_eq!(PostCommunity::<Test>::iter().count(), 0);
		assert_eq!(held(ALICE), 0);
	});
}
