//! Storage migrations: 0 → 1, fixed rate windows become sliding ones; 1 → 2, the author index
//! is retired.

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

mod v2 {
	//! Storage version 1 → 2: the `PostsByAuthor` index is retired and removed over blocks.

	use super::*;
	use crate::{
		migration::v2::{v1::PostsByAuthor, MigrateV1ToV2},
		RetiredIndexCursor, WeightInfo, MAX_RETIRED_REMOVED_PER_BLOCK,
	};
	use frame_support::{
		traits::{Get, Hooks},
		weights::{RuntimeDbWeight, Weight},
	};

	const ENTRIES: u32 = 2 * MAX_RETIRED_REMOVED_PER_BLOCK + 300;

	fn index_left() -> u32 {
		PostsByAuthor::<Test>::iter_keys().count() as u32
	}

	#[test]
	fn the_index_goes_over_several_blocks_within_their_idle_weight() {
		// The index is in the database, as on a live chain, and each block's removals are
		// committed before the next block (a removal's limit counts the database's keys; it
		// starts over from the first key left each time, skipping none removed in the block).
		let mut ext = new_test_ext().0;
		let block = |ext: &mut sp_io::TestExternalities, f: &mut dyn FnMut()| {
			ext.execute_with(|| f());
			ext.commit_all().unwrap();
		};
		block(&mut ext, &mut || {
			StorageVersion::new(1).put::<Posts>();
			for id in 0..ENTRIES {
				PostsByAuthor::<Test>::insert(u64::from(id % 7), PostId::from(id), ());
			}
		});
		block(&mut ext, &mut || {
			MigrateV1ToV2::<Test>::on_runtime_upgrade();
			assert_eq!(Posts::on_chain_storage_version(), 2);
			// The upgrade only starts the removal.
			assert_eq!(index_left(), ENTRIES);
			assert_eq!(RetiredIndexCursor::<Test>::get(), Some(Default::default()));
		});
		// A block with all the weight it wants removes the most a block may.
		block(&mut ext, &mut || {
			Posts::on_idle(System::block_number(), Weight::MAX);
			assert_eq!(index_left(), ENTRIES - MAX_RETIRED_REMOVED_PER_BLOCK);
		});
		// Room for ten entries beyond the removal's fixed part removes ten, and is charged what
		// it removed; a block with no room does nothing.
		block(&mut ext, &mut || {
			let room = <() as WeightInfo>::remove_retired_index(10);
			assert_eq!(Posts::remove_retired_index(room), room);
			assert_eq!(index_left(), ENTRIES - MAX_RETIRED_REMOVED_PER_BLOCK - 10);
		});
		block(&mut ext, &mut || {
			assert_eq!(Posts::on_idle(System::block_number(), Weight::zero()), Weight::zero());
			assert_eq!(index_left(), ENTRIES - MAX_RETIRED_REMOVED_PER_BLOCK - 10);
		});
		// Two more blocks finish it, and the removal stops.
		block(&mut ext, &mut || {
			Posts::on_idle(System::block_number(), Weight::MAX);
			assert!(RetiredIndexCursor::<Test>::get().is_some());
		});
		block(&mut ext, &mut || {
			Posts::on_idle(System::block_number(), Weight::MAX);
			assert_eq!(index_left(), 0);
			assert_eq!(RetiredIndexCursor::<Test>::get(), None);
		});
		TestExt(ext).execute_with(|| {
			// From then on a block pays one read to learn there is nothing to do.
			let sweep = <() as WeightInfo>::sweep_recent_actions(0);
			let read =
				<<Test as frame_system::Config>::DbWeight as Get<RuntimeDbWeight>>::get().reads(1);
			assert_eq!(Posts::on_idle(System::block_number(), Weight::MAX), sweep + read);
			// And new posts are not indexed.
			assert_ok!(post(ALICE, examples::HELLO_V1, 1, None));
			assert_eq!(index_left(), 0);
		});
	}

	#[test]
	fn the_migration_runs_once() {
		new_test_ext().execute_with(|| {
			StorageVersion::new(2).put::<Posts>();
			MigrateV1ToV2::<Test>::on_runtime_upgrade();
			assert_eq!(RetiredIndexCursor::<Test>::get(), None);
		});
	}
}
