//! Personal moderation as posts meet it: neither side of a block can reply to or repost the
//! other (the block list's refusal passes through unchanged), and reports of posts.

use super::*;
use crate::{PostCommunity, ReportReason};
use sp_runtime::DispatchError;

const BLOCKED: DispatchError = DispatchError::Other("blocked");
const BLOCKING: DispatchError = DispatchError::Other("blocking");

fn report(who: AccountId, post_id: PostId, note: Option<&str>) -> DispatchResult {
	Posts::report_post(RuntimeOrigin::signed(who), post_id, ReportReason::Spam, note.map(text))
}

#[test]
fn neither_side_of_a_block_can_reply_to_or_repost_the_other() {
	new_test_ext().execute_with(|| {
		assert_ok!(post(ALICE, examples::HELLO_V1, 1, None)); // 0
		assert_ok!(post(BOB, examples::HELLO_V1, 1, Some(0))); // 1
		assert_ok!(post(BOB, examples::HELLO_V1, 1, None)); // 2
		assert_ok!(post(ALICE, examples::HELLO_V1, 1, Some(2))); // 3
		Blocked::set(vec![(ALICE, BOB)]);
		let before = [0, 1, 2, 3].map(stored);

		// Bob, blocked, reaches none of Alice's posts: not hers, not her thread below his own
		// reply, not her reply in his thread.
		assert_noop!(post(BOB, examples::HELLO_V1, 1, Some(0)), BLOCKED);
		assert_noop!(post(BOB, examples::HELLO_V1, 1, Some(1)), BLOCKED);
		assert_noop!(post(BOB, examples::HELLO_V1, 1, Some(3)), BLOCKED);
		assert_noop!(Posts::repost(RuntimeOrigin::signed(BOB), 0), BLOCKED);
		// Nor does Alice, who blocks him, reach his: she unblocks first.
		assert_noop!(post(ALICE, examples::HELLO_V1, 1, Some(2)), BLOCKING);
		assert_noop!(Posts::repost(RuntimeOrigin::signed(ALICE), 2), BLOCKING);
		assert_eq!([0, 1, 2, 3].map(stored), before);
		// Each still posts, and replies to their own posts.
		assert_ok!(post(BOB, examples::HELLO_V1, 1, Some(2)));
		assert_ok!(post(ALICE, examples::HELLO_V1, 1, Some(0)));

		Blocked::set(vec![]);
		assert_ok!(post(BOB, examples::HELLO_V1, 1, Some(0)));
	});
}

#[test]
fn a_report_is_an_event_naming_the_posts_community_and_stores_nothing() {
	new_test_ext().execute_with(|| {
		assert_ok!(post(ALICE, examples::HELLO_V1, 1, None)); // 0
		assert_ok!(Posts::post_in_community(
			RuntimeOrigin::signed(ALICE),
			2,
			text(examples::HELLO_V1),
			1
		)); // 1
		assert_ok!(post(ALICE, examples::HELLO_V1, 1, Some(1))); // 2
		let before = [0, 1, 2].map(stored);

		assert_ok!(report(BOB, 0, Some(examples::HELLO_V0)));
		assert_eq!(
			last_event(),
			Event::PostReported {
				post_id: 0,
				reporter: BOB,
				reason: ReportReason::Spam,
				note: Some(cid(examples::HELLO_V0)),
				community: None,
			}
			.into()
		);
		assert_ok!(Posts::report_post(RuntimeOrigin::signed(BOB), 2, ReportReason::Hate, None));
		assert_eq!(
			last_event(),
			Event::PostReported {
				post_id: 2,
				reporter: BOB,
				reason: ReportReason::Hate,
				note: None,
				community: Some(2),
			}
			.into()
		);
		assert_eq!([0, 1, 2].map(stored), before);
		assert_eq!(PostCommunity::<Test>::iter().count(), 1);
		// A block does not stop a report: moderators hear from everyone.
		Blocked::set(vec![(ALICE, BOB)]);
		assert_ok!(report(BOB, 1, None));
	});
}

#[test]
fn report_refusals_change_nothing() {
	new_test_ext().execute_with(|| {
		assert_ok!(post(ALICE, examples::HELLO_V1, 1, None)); // 0
		assert_ok!(post(ALICE, examples::HELLO_V1, 1, None)); // 1
		assert_ok!(Posts::repost(RuntimeOrigin::signed(ALICE), 0)); // 2
		assert_ok!(post(ALICE, examples::HELLO_V1, 1, Some(1))); // 3
		assert_ok!(Posts::delete_post(RuntimeOrigin::signed(ALICE), 1)); // a tombstone

		assert_noop!(report(BOB, 99, None), Error::<Test>::PostNotFound);
		assert_noop!(report(BOB, 1, None), Error::<Test>::PostDeleted);
		assert_noop!(report(BOB, 2, None), Error::<Test>::CannotReportRepost);
		assert_noop!(report(ALICE, 0, None), Error::<Test>::CannotReportOwnPost);
		assert_noop!(report(BOB, 0, Some("not a cid")), Error::<Test>::MalformedCid);
		assert_noop!(report(BOB, 0, Some("")), Error::<Test>::EmptyCid);

		// Reports count against the rate limit with posts: a script cannot flood moderators.
		for _ in 0..MAX_POSTS_PER_WINDOW {
			assert_ok!(report(BOB, 0, None));
		}
		assert_noop!(report(BOB, 0, None), Error::<Test>::RateLimited);
		assert_noop!(post(BOB, examples::HELLO_V1, 1, None), Error::<Test>::RateLimited);
	});
}
