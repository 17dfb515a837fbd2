//! Every call's success paths and every error, against the mock runtime. Each test ends with
//! the pallet's `try_state` invariants checked (see `mock::new_test_ext`).

use codec::{Decode, Encode};
use frame_support::{
	assert_noop, assert_ok,
	traits::fungible::{Inspect, InspectHold},
};
use plaza_primitives::{examples, CidText, ContentId};
use sp_runtime::TokenError;

mod lists;
mod sponsored;

use crate::{
	mock::*, Error, Event, FollowCounts, FollowCountsOf, Following, HandleOwners, HoldReason,
	Profiles as ProfilesStorage,
};

const METADATA_CID: &[u8] = examples::HELLO_V1.as_bytes();
const SHA512_CID: &[u8] = examples::SHA2_512.as_bytes();
const LIBP2P_KEY_CID: &[u8] = examples::LIBP2P_KEY.as_bytes();

fn handle(text: &str) -> crate::Handle {
	crate::Handle::truncate_from(text.as_bytes().to_vec())
}

fn set(
	who: AccountId,
	handle: &str,
	name: &str,
	metadata: Option<&[u8]>,
) -> frame_support::dispatch::DispatchResult {
	Profiles::set_profile(
		RuntimeOrigin::signed(who),
		crate::Handle::try_from(handle.as_bytes().to_vec()).expect("fits a handle"),
		crate::DisplayName::try_from(name.as_bytes().to_vec()).expect("fits a display name"),
		metadata.map(|m| CidText::try_from(m.to_vec()).expect("fits a CID text")),
	)
	.map(|_| ())
	.map_err(|e| e.error)
}

fn held_for_profile(who: AccountId) -> Balance {
	Balances::balance_on_hold(&HoldReason::ProfileDeposit.into(), &who)
}

fn held_for_follows(who: AccountId) -> Balance {
	Balances::balance_on_hold(&HoldReason::FollowDeposit.into(), &who)
}

fn last_event() -> RuntimeEvent {
	System::events().pop().expect("an event").event
}

#[test]
fn set_profile_creates_a_profile_and_holds_its_deposit() {
	new_test_ext().execute_with(|| {
		assert_ok!(set(ALICE, "alice", "Alice Liddell", Some(METADATA_CID)));

		let cid = ContentId::parse(METADATA_CID).unwrap();
		let expected_deposit = PROFILE_DEPOSIT_BASE
			+ PROFILE_DEPOSIT_PER_BYTE * (2 * 5 + 13 + cid.as_bytes().len() as Balance);
		let profile = ProfilesStorage::<Test>::get(ALICE).unwrap();
		assert_eq!(profile.handle, handle("alice"));
		assert_eq!(profile.display_name.to_vec(), b"Alice Liddell".to_vec());
		assert_eq!(profile.metadata, Some(cid));
		assert_eq!(profile.deposit, expected_deposit);
		assert_eq!(HandleOwners::<Test>::get(handle("alice")), Some(ALICE));
		assert_eq!(held_for_profile(ALICE), expected_deposit);
		assert_eq!(Balances::balance(&ALICE), ENDOWMENT - expected_deposit);
		assert_eq!(
			last_event(),
			Event::ProfileSet { who: ALICE, handle: handle("alice"), deposit: expected_deposit }
				.into()
		);
	});
}

#[test]
fn handles_are_stored_lower_case() {
	new_test_ext().execute_with(|| {
		assert_ok!(set(ALICE, "Alice_In_WONDERLAND_0123456789_a", "", None));
		let stored = handle("alice_in_wonderland_0123456789_a");
		assert_eq!(ProfilesStorage::<Test>::get(ALICE).unwrap().handle, stored);
		assert_eq!(HandleOwners::<Test>::get(stored), Some(ALICE));
		// Three characters are enough.
		assert_ok!(set(BOB, "b_0", "", None));
	});
}

#[test]
fn updating_a_profile_adjusts_its_deposit() {
	new_test_ext().execute_with(|| {
		assert_ok!(set(ALICE, "alice", "A", None));
		let small = held_for_profile(ALICE);
		assert_eq!(small, PROFILE_DEPOSIT_BASE + PROFILE_DEPOSIT_PER_BYTE * 11);

		assert_ok!(set(ALICE, "alice", "Alice with a longer name", Some(METADATA_CID)));
		let large = held_for_profile(ALICE);
		assert!(large > small);
		assert_eq!(large, ProfilesStorage::<Test>::get(ALICE).unwrap().deposit);
		assert_eq!(Balances::balance(&ALICE), ENDOWMENT - large);

		assert_ok!(set(ALICE, "alice", "A", None));
		assert_eq!(held_for_profile(ALICE), small);
		assert_eq!(Balances::balance(&ALICE), ENDOWMENT - small);
	});
}

#[test]
fn changing_the_handle_frees_the_old_one() {
	new_test_ext().execute_with(|| {
		assert_ok!(set(ALICE, "alice", "", None));
		assert_ok!(set(ALICE, "alice2", "", None));
		assert_eq!(HandleOwners::<Test>::get(handle("alice")), None);
		assert_eq!(HandleOwners::<Test>::get(handle("alice2")), Some(ALICE));
		// Someone else may take the freed handle now.
		assert_ok!(set(BOB, "ALICE", "", None));
		assert_eq!(HandleOwners::<Test>::get(handle("alice")), Some(BOB));
	});
}

#[test]
fn a_display_name_of_64_bytes_of_utf8_is_accepted() {
	new_test_ext().execute_with(|| {
		let name = "é".repeat(32);
		assert_eq!(name.len(), 64);
		assert_ok!(set(ALICE, "alice", &name, None));
		assert_eq!(
			ProfilesStorage::<Test>::get(ALICE).unwrap().display_name.to_vec(),
			name.into_bytes()
		);
	});
}

#[test]
fn a_taken_handle_is_refused_in_any_letter_case() {
	new_test_ext().execute_with(|| {
		assert_ok!(set(ALICE, "alice", "", None));
		assert_noop!(set(BOB, "alice", "", None), Error::<Test>::HandleTaken);
		assert_noop!(set(BOB, "ALICE", "", None), Error::<Test>::HandleTaken);
		assert_noop!(set(BOB, "aLiCe", "", None), Error::<Test>::HandleTaken);
	});
}

#[test]
fn malformed_handles_are_refused() {
	new_test_ext().execute_with(|| {
		assert_noop!(set(ALICE, "ab", "", None), Error::<Test>::HandleTooShort);
		assert_noop!(set(ALICE, "", "", None), Error::<Test>::HandleTooShort);
		for bad in ["al-ice", "al ice", "alice!", "al.ice", "álice", "alice\n"] {
			assert_noop!(set(ALICE, bad, "", None), Error::<Test>::InvalidHandleCharacter);
		}
	});
}

#[test]
fn bad_display_names_are_refused() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			Profiles::set_profile(
				RuntimeOrigin::signed(ALICE),
				handle("alice"),
				crate::DisplayName::truncate_from(vec![0xff, 0xfe]),
				None
			),
			Error::<Test>::DisplayNameNotUtf8
		);
	});
}

#[test]
fn bad_metadata_cids_are_refused() {
	new_test_ext().execute_with(|| {
		assert_noop!(set(ALICE, "alice", "", Some(b"")), Error::<Test>::EmptyCid);
		assert_noop!(set(ALICE, "alice", "", Some(b"not a cid")), Error::<Test>::MalformedCid);
		assert_noop!(
			set(ALICE, "alice", "", Some(LIBP2P_KEY_CID)),
			Error::<Test>::UnsupportedCidCodec
		);
		assert_noop!(set(ALICE, "alice", "", Some(SHA512_CID)), Error::<Test>::UnsupportedCidHash);
	});
}

#[test]
fn a_profile_needs_its_deposit() {
	new_test_ext().execute_with(|| {
		assert_noop!(set(POOR, "poor", "", None), TokenError::FundsUnavailable);
	});
}

#[test]
fn a_failed_update_keeps_the_old_profile() {
	new_test_ext().execute_with(|| {
		assert_ok!(set(ALICE, "alice", "Alice", None));
		assert_ok!(set(BOB, "bob", "Bob", None));
		assert_noop!(set(ALICE, "bob", "Alice", None), Error::<Test>::HandleTaken);
		assert_noop!(set(ALICE, "alice", "Alice", Some(b"Qm")), Error::<Test>::MalformedCid);
		assert_eq!(
			ProfilesStorage::<Test>::get(ALICE).unwrap().display_name.to_vec(),
			b"Alice".to_vec()
		);
	});
}

#[test]
fn clear_profile_frees_the_handle_and_returns_the_deposit() {
	new_test_ext().execute_with(|| {
		assert_ok!(set(ALICE, "alice", "Alice", Some(METADATA_CID)));
		assert_ok!(Profiles::clear_profile(RuntimeOrigin::signed(ALICE)));
		assert_eq!(ProfilesStorage::<Test>::get(ALICE), None);
		assert_eq!(HandleOwners::<Test>::get(handle("alice")), None);
		assert_eq!(held_for_profile(ALICE), 0);
		assert_eq!(Balances::balance(&ALICE), ENDOWMENT);
		assert_eq!(
			last_event(),
			Event::ProfileCleared { who: ALICE, handle: handle("alice") }.into()
		);
		assert_ok!(set(BOB, "alice", "", None));
	});
}

#[test]
fn clearing_without_a_profile_fails() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			Profiles::clear_profile(RuntimeOrigin::signed(ALICE)),
			Error::<Test>::NoProfile
		);
	});
}

#[test]
fn follow_records_the_edge_counts_and_deposit() {
	new_test_ext().execute_with(|| {
		assert_ok!(Profiles::follow(RuntimeOrigin::signed(ALICE), BOB));
		assert_ok!(Profiles::follow(RuntimeOrigin::signed(CHARLIE), BOB));
		assert_ok!(Profiles::follow(RuntimeOrigin::signed(ALICE), CHARLIE));

		assert_eq!(Following::<Test>::get(ALICE, BOB), Some(FOLLOW_DEPOSIT));
		assert_eq!(Following::<Test>::iter_key_prefix(ALICE).count(), 2);
		assert_eq!(FollowCountsOf::<Test>::get(ALICE), FollowCounts { followers: 0, following: 2 });
		assert_eq!(FollowCountsOf::<Test>::get(BOB), FollowCounts { followers: 2, following: 0 });
		assert_eq!(
			FollowCountsOf::<Test>::get(CHARLIE),
			FollowCounts { followers: 1, following: 1 }
		);
		assert_eq!(held_for_follows(ALICE), 2 * FOLLOW_DEPOSIT);
		assert_eq!(Balances::balance(&ALICE), ENDOWMENT - 2 * FOLLOW_DEPOSIT);
		assert_eq!(last_event(), Event::Followed { follower: ALICE, followee: CHARLIE }.into());
	});
}

#[test]
fn follow_errors() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			Profiles::follow(RuntimeOrigin::signed(ALICE), ALICE),
			Error::<Test>::CannotFollowSelf
		);
		assert_ok!(Profiles::follow(RuntimeOrigin::signed(ALICE), BOB));
		assert_noop!(
			Profiles::follow(RuntimeOrigin::signed(ALICE), BOB),
			Error::<Test>::AlreadyFollowing
		);
		// An account just above the existential deposit cannot hold a follow deposit.
		let nearly_empty = 99;
		assert_ok!(Balances::transfer_allow_death(
			RuntimeOrigin::signed(CHARLIE),
			nearly_empty,
			EXISTENTIAL_DEPOSIT + 1
		));
		assert_noop!(
			Profiles::follow(RuntimeOrigin::signed(nearly_empty), BOB),
			TokenError::FundsUnavailable
		);
	});
}

#[test]
fn unfollow_removes_the_edge_and_returns_the_deposit() {
	new_test_ext().execute_with(|| {
		assert_ok!(Profiles::follow(RuntimeOrigin::signed(ALICE), BOB));
		assert_ok!(Profiles::unfollow(RuntimeOrigin::signed(ALICE), BOB));
		assert_eq!(Following::<Test>::get(ALICE, BOB), None);
		// Zero counts are not stored.
		assert!(!FollowCountsOf::<Test>::contains_key(ALICE));
		assert!(!FollowCountsOf::<Test>::contains_key(BOB));
		assert_eq!(held_for_follows(ALICE), 0);
		assert_eq!(Balances::balance(&ALICE), ENDOWMENT);
		assert_eq!(last_event(), Event::Unfollowed { follower: ALICE, followee: BOB }.into());
	});
}

#[test]
fn unfollowing_someone_not_followed_fails() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			Profiles::unfollow(RuntimeOrigin::signed(ALICE), BOB),
			Error::<Test>::NotFollowing
		);
		assert_ok!(Profiles::follow(RuntimeOrigin::signed(BOB), ALICE));
		assert_noop!(
			Profiles::unfollow(RuntimeOrigin::signed(ALICE), BOB),
			Error::<Test>::NotFollowing
		);
	});
}

#[test]
fn clearing_a_profile_keeps_follows() {
	new_test_ext().execute_with(|| {
		assert_ok!(set(ALICE, "alice", "", None));
		assert_ok!(Profiles::follow(RuntimeOrigin::signed(ALICE), BOB));
		assert_ok!(Profiles::clear_profile(RuntimeOrigin::signed(ALICE)));
		assert!(Following::<Test>::contains_key(ALICE, BOB));
		assert_eq!(held_for_follows(ALICE), FOLLOW_DEPOSIT);
	});
}

/// `set_profile` as a client that ignores the argument bounds encodes it: each text a plain
/// byte vector (the SCALE shape of the bounded ones).
fn encoded_set_profile(handle: &[u8], name: &[u8], metadata: Option<&[u8]>) -> Vec<u8> {
	let call = RuntimeCall::Profiles(crate::Call::clear_profile {}).encode();
	// The pallet's index, then `set_profile`'s call index (0).
	(call[0], 0u8, handle, name, metadata).encode()
}

#[test]
fn over_long_texts_are_refused_by_the_decoder() {
	// What fits decodes…
	let fits = encoded_set_profile(&[b'a'; 32], &[b'n'; 64], Some(METADATA_CID));
	assert!(RuntimeCall::decode(&mut &fits[..]).is_ok());
	// …and one byte more in any of the three texts does not, nor does a 200,000-byte CID.
	let mut huge_cid = b"Qm".to_vec();
	huge_cid.resize(200_000, b'z');
	for encoded in [
		encoded_set_profile(&[b'a'; 33], &[b'n'; 64], Some(METADATA_CID)),
		encoded_set_profile(&[b'a'; 32], &[b'n'; 65], Some(METADATA_CID)),
		encoded_set_profile(&[b'a'; 32], &[b'n'; 64], Some(&[b'z'; 129])),
		encoded_set_profile(b"alice", b"", Some(&huge_cid)),
	] {
		let mut input = &encoded[..];
		assert!(RuntimeCall::decode(&mut input).is_err());
		// The decoder gave up at a length prefix: it read at most the fixed part before it.
		let read = encoded.len() - input.len();
		assert!(read <= 32 + 64 + 8, "the decoder read {read} bytes");
	}
}

#[test]
fn follow_counts_come_and_go_with_follows() {
	new_test_ext().execute_with(|| {
		assert_ok!(Profiles::follow(RuntimeOrigin::signed(ALICE), BOB));
		assert_ok!(Profiles::follow(RuntimeOrigin::signed(CHARLIE), BOB));
		assert_eq!(FollowCountsOf::<Test>::get(BOB), FollowCounts { followers: 2, following: 0 });
		assert_ok!(Profiles::unfollow(RuntimeOrigin::signed(ALICE), BOB));
		assert!(!FollowCountsOf::<Test>::contains_key(ALICE));
		assert_eq!(FollowCountsOf::<Test>::get(BOB), FollowCounts { followers: 1, following: 0 });
		assert_ok!(Profiles::unfollow(RuntimeOrigin::signed(CHARLIE), BOB));
		assert_eq!(FollowCountsOf::<Test>::iter().count(), 0);
	});
}
