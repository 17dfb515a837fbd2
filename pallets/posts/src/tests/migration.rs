//! Storage version 0 → 1: fixed rate windows become sliding ones.

use super::*;
use crate::migration::v1::{v0, MigrateV0ToV1};
use frame_support::traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion};

#[test]
fn open_windows_move_and_closed_ones_go() {
	new_test_ext().execute_with(|| {
		StorageVersion::new(0).put::<Posts>();
		let now = 20;
		System::set_block_number(now);
		let window = |started, posts| v0::RateWindow { started, posts };
		// ALICE's window is still open with 3 posts; BOB's closed; 5 has an open window with
		// more posts than the limit now allows; 6's window is empty.
		v0::RateWindows::<Test>::insert(ALICE, window(now - RATE_LIMIT_WINDOW + 1, 3));
		v0::RateWindows::<Test>::insert(BOB, window(now - RATE_LIMIT_WINDOW, 4));
		v0::RateWindows::<Test>::insert(5, window(now, MAX_POSTS_PER_WINDOW + 7));
		v0::RateWindows::<Test>::insert(6, window(now, 0));

		MigrateV0ToV1::<Test>::on_runtime_upgrade();

		assert_eq!(Posts::on_chain_storage_version(), 1);
		assert_eq!(v0::RateWindows::<Test>::iter().count(), 0);
		let recent = |who| RecentActions::<Test>::get(who).map(|r| r.into_inner());
		assert_eq!(recent(ALICE), Some(vec![(now - RATE_LIMIT_WINDOW + 1, 3)]));
		assert_eq!(recent(BOB), None);
		assert_eq!(recent(5), Some(vec![(now, MAX_POSTS_PER_WINDOW)]));
		assert_eq!(recent(6), None);

		// The new rate limit reads the migrated state: ALICE has room for what is left.
		let room = MAX_POSTS_PER_WINDOW as usize - 3;
		assert_noop!(
			post_many(ALICE, &vec![(examples::HELLO_V1, 1); room + 1]),
			Error::<Test>::RateLimited
		);
		assert_ok!(post_many(ALICE, &vec![(examples::HELLO_V1, 1); room]));
		assert_ok!(post(BOB, examples::HELLO_V1, 1, None));
	});
}

#[test]
fn the_migration_runs_once() {
	new_test_ext().execute_with(|| {
		StorageVersion::new(1).put::<Posts>();
		v0::RateWindows::<Test>::insert(ALICE, v0::RateWindow { started: 1, posts: 3 });
		MigrateV0ToV1::<Test>::on_runtime_upgrade();
		// At version 1 already: nothing read, nothing moved.
		assert_eq!(RecentActions::<Test>::get(ALICE), None);
		v0::RateWindows::<Test>::remove(ALICE);
	});
}
