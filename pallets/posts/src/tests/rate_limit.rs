//! The rate limit holds over any `RateLimitWindow` consecutive blocks, counts edits, and its
//! records go once they are stale.

use super::*;
use frame_support::{traits::Hooks, weights::Weight};

fn good() -> (&'static str, u32) {
	(examples::HELLO_V1, 1)
}

#[test]
fn a_window_boundary_does_not_double_the_limit() {
	new_test_ext().execute_with(|| {
		// One post in block 1, the rest of the limit in the last block of a fixed window…
		assert_ok!(post(ALICE, examples::HELLO_V1, 1, None));
		System::set_block_number(RATE_LIMIT_WINDOW);
		assert_ok!(post_many(ALICE, &vec![good(); MAX_POSTS_PER_WINDOW as usize - 1]));
		// …and in the next block only what left the window (block 1's post) is free again.
		System::set_block_number(RATE_LIMIT_WINDOW + 1);
		assert_noop!(post_many(ALICE, &[good(), good()]), Error::<Test>::RateLimited);
		assert_ok!(post(ALICE, examples::HELLO_V1, 1, None));
		assert_noop!(post(ALICE, examples::HELLO_V1, 1, None), Error::<Test>::RateLimited);
		// Block RATE_LIMIT_WINDOW's posts leave the window RATE_LIMIT_WINDOW blocks later.
		System::set_block_number(2 * RATE_LIMIT_WINDOW - 1);
		assert_noop!(post(ALICE, examples::HELLO_V1, 1, None), Error::<Test>::RateLimited);
		System::set_block_number(2 * RATE_LIMIT_WINDOW);
		assert_ok!(post_many(ALICE, &vec![good(); MAX_POSTS_PER_WINDOW as usize - 1]));
	});
}

#[test]
fn a_greedy_poster_never_exceeds_the_limit_in_any_window() {
	new_test_ext().execute_with(|| {
		// Post as much as allowed in every block, for four windows, starting at odd offsets.
		let mut per_block = Vec::new();
		for block in 1..=4 * RATE_LIMIT_WINDOW {
			System::set_block_number(block);
			let mut posted = 0u32;
			while post(ALICE, examples::HELLO_V1, 1, None).is_ok() {
				posted += 1;
			}
			per_block.push(posted);
			// Give the deposits back so that only the rate limit stops ALICE.
			let live: Vec<_> = PostsStorage::<Test>::iter()
				.filter(|(_, post)| post.author == ALICE && !post.deleted)
				.map(|(post_id, _)| post_id)
				.collect();
			for post_id in live {
				assert_ok!(Posts::delete_post(RuntimeOrigin::signed(ALICE), post_id));
			}
		}
		for window in per_block.windows(RATE_LIMIT_WINDOW as usize) {
			assert!(window.iter().sum::<u32>() <= MAX_POSTS_PER_WINDOW, "{per_block:?}");
		}
		// And the limit is reached, not merely respected.
		assert_eq!(per_block.iter().sum::<u32>(), 4 * MAX_POSTS_PER_WINDOW);
	});
}

#[test]
fn edits_count_against_the_rate_limit() {
	new_test_ext().execute_with(|| {
		assert_ok!(post(ALICE, examples::HELLO_V1, 1, None));
		for _ in 1..MAX_POSTS_PER_WINDOW {
			assert_ok!(edit(ALICE, 0, examples::HELLO_V0, 2));
		}
		assert_noop!(edit(ALICE, 0, examples::HELLO_V1, 3), Error::<Test>::RateLimited);
		assert_noop!(post(ALICE, examples::HELLO_V1, 1, None), Error::<Test>::RateLimited);
		assert_eq!(stored(0).revision, MAX_POSTS_PER_WINDOW - 1);
		// A refused edit does not count.
		System::set_block_number(1 + RATE_LIMIT_WINDOW);
		assert_noop!(edit(ALICE, 0, "bad", 3), Error::<Test>::MalformedCid);
		assert_noop!(edit(BOB, 0, examples::HELLO_V1, 3), Error::<Test>::NotAuthor);
		assert_eq!(RecentActions::<Test>::get(ALICE).unwrap().into_inner(), vec![(1, 5)]);
		assert_ok!(edit(ALICE, 0, examples::HELLO_V1, 3));
		assert_eq!(RecentActions::<Test>::get(ALICE).unwrap().into_inner(), vec![(11, 1)]);
	});
}

#[test]
fn on_idle_removes_stale_records_and_keeps_live_ones() {
	new_test_ext().execute_with(|| {
		const ACCOUNTS: u64 = 12;
		for who in 10..10 + ACCOUNTS {
			assert_ok!(Balances::mint_into(&who, ENDOWMENT));
			assert_ok!(post(who, examples::HELLO_V1, 1, None));
		}
		System::set_block_number(RATE_LIMIT_WINDOW);
		assert_ok!(post(ALICE, examples::HELLO_V1, 1, None));
		let now = 1 + RATE_LIMIT_WINDOW;
		System::set_block_number(now);

		// A block with room for the fixed part and five entries looks at five.
		let room = <() as crate::WeightInfo>::sweep_recent_actions(5);
		let used = Posts::on_idle(now, room);
		assert_eq!(used, <() as crate::WeightInfo>::sweep_recent_actions(5));
		// Five looked at: five stale ones removed, or four if ALICE's live one was among them.
		let left = RecentActions::<Test>::iter().count() as u64;
		assert!((ACCOUNTS + 1 - 5..=ACCOUNTS + 1 - 4).contains(&left), "{left} left");
		assert!(crate::SweepCursor::<Test>::get().is_some());
		// A block with no room does nothing.
		assert_eq!(Posts::on_idle(now, Weight::zero()), Weight::zero());
		// Then the rest, however much room there is; ALICE's action is still in the window.
		Posts::on_idle(now, Weight::MAX);
		Posts::on_idle(now, Weight::MAX);
		assert_eq!(RecentActions::<Test>::iter_keys().collect::<Vec<_>>(), vec![ALICE]);
		assert!(crate::SweepCursor::<Test>::get().is_none());
	});
}
