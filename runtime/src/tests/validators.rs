//! Validators: the genesis set from session keys, a candidate joining with its own keys and a
//! bond, and a candidate that stops authoring being removed.

use frame_support::{assert_noop, assert_ok, traits::fungible::InspectHold};
use sp_genesis_builder::{DEV_RUNTIME_PRESET, LOCAL_TESTNET_RUNTIME_PRESET};
use sp_keyring::{Ed25519Keyring, Sr25519Keyring};
use sp_keystore::{testing::MemoryKeystore, KeystoreExt};

use super::genesis_storage;
use crate::{
	configs::{KeyDeposit, SESSION_PERIOD},
	genesis_config_presets::TEST_CANDIDACY_BOND,
	AccountId, Balances, CollatorSelection, Grandpa, Runtime, RuntimeHoldReason, RuntimeOrigin,
	Session, SessionKeys, System,
};

fn dave() -> AccountId {
	Sr25519Keyring::Dave.to_account_id()
}

/// `local`'s genesis with a keystore, so that session keys (and their proofs) can be generated.
fn local_with_keystore() -> sp_io::TestExternalities {
	let mut ext = genesis_storage(LOCAL_TESTNET_RUNTIME_PRESET);
	ext.register_extension(KeystoreExt::new(MemoryKeystore::new()));
	ext
}

/// New session keys for `owner` and the proof that `owner` holds them, as the node's
/// `author_rotateKeysWithOwner` returns them.
fn new_session_keys(owner: &AccountId) -> (SessionKeys, Vec<u8>) {
	use codec::Encode;
	let generated = SessionKeys::generate(&owner.encode(), None);
	(generated.keys, generated.proof.encode())
}

/// Ends the current session (as its last block does) `count` times.
fn rotate_sessions(count: u32) {
	for _ in 0..count {
		let next = System::block_number() + SESSION_PERIOD;
		System::set_block_number(next);
		Session::rotate_session();
	}
}

fn aura_authorities() -> Vec<sp_consensus_aura::sr25519::AuthorityId> {
	pallet_aura::Authorities::<Runtime>::get().into_inner()
}

#[test]
fn genesis_validators_are_the_invulnerables_with_their_session_keys() {
	genesis_storage(DEV_RUNTIME_PRESET).execute_with(|| {
		let alice = Sr25519Keyring::Alice.to_account_id();
		assert_eq!(Session::validators(), vec![alice.clone()]);
		assert_eq!(
			pallet_collator_selection::Invulnerables::<Runtime>::get().into_inner(),
			vec![alice.clone()]
		);
		let keys = pallet_session::NextKeys::<Runtime>::get(&alice).expect("Alice's keys");
		assert_eq!(keys.aura, Sr25519Keyring::Alice.public().into());
		assert_eq!(keys.grandpa, Ed25519Keyring::Alice.public().into());
		assert_eq!(pallet_collator_selection::CandidacyBond::<Runtime>::get(), TEST_CANDIDACY_BOND);
	});
	genesis_storage(LOCAL_TESTNET_RUNTIME_PRESET).execute_with(|| {
		let mut expected: Vec<AccountId> =
			[Sr25519Keyring::Alice, Sr25519Keyring::Bob, Sr25519Keyring::Charlie]
				.iter()
				.map(|k| k.to_account_id())
				.collect();
		// The validator selection keeps its invulnerables sorted.
		expected.sort();
		assert_eq!(Session::validators(), expected);
		assert!(pallet_collator_selection::CandidateList::<Runtime>::get().is_empty());
	});
}

#[test]
fn a_candidate_with_session_keys_and_a_bond_validates_from_the_session_after_next() {
	local_with_keystore().execute_with(|| {
		let (keys, proof) = new_session_keys(&dave());
		// Keys proven by someone else are refused.
		assert_noop!(
			Session::set_keys(RuntimeOrigin::signed(dave()), keys.clone(), b"not a proof".to_vec()),
			pallet_session::Error::<Runtime>::InvalidProof
		);
		// No candidacy without registered keys.
		assert_noop!(
			CollatorSelection::register_as_candidate(RuntimeOrigin::signed(dave())),
			pallet_collator_selection::Error::<Runtime>::ValidatorNotRegistered
		);
		assert_ok!(Session::set_keys(RuntimeOrigin::signed(dave()), keys.clone(), proof));
		let keys_hold = RuntimeHoldReason::Session(pallet_session::HoldReason::Keys);
		assert_eq!(Balances::balance_on_hold(&keys_hold, &dave()), KeyDeposit::get());
		assert_ok!(CollatorSelection::register_as_candidate(RuntimeOrigin::signed(dave())));
		// The bond is reserved beside the keys' deposit (both count as reserved).
		assert_eq!(Balances::reserved_balance(dave()), TEST_CANDIDACY_BOND + KeyDeposit::get());

		// The next session's set was chosen before Dave registered; the one after includes him.
		rotate_sessions(1);
		assert!(!Session::validators().contains(&dave()));
		assert!(!aura_authorities().contains(&keys.aura));
		rotate_sessions(1);
		assert!(Session::validators().contains(&dave()));
		assert_eq!(Session::validators().len(), 4);
		assert!(aura_authorities().contains(&keys.aura));
		// GRANDPA switches to the four keys through a scheduled change.
		let change = Grandpa::pending_change().expect("a GRANDPA authority set change");
		assert!(change.next_authorities.iter().any(|(id, _)| id == &keys.grandpa));
		assert_eq!(change.next_authorities.len(), 4);
	});
}

#[test]
fn a_candidate_that_authors_nothing_is_removed_and_gets_its_bond_back() {
	local_with_keystore().execute_with(|| {
		let (keys, proof) = new_session_keys(&dave());
		assert_ok!(Session::set_keys(RuntimeOrigin::signed(dave()), keys, proof));
		assert_ok!(CollatorSelection::register_as_candidate(RuntimeOrigin::signed(dave())));
		// A new candidate's first block is due a kick threshold (two sessions) after it
		// registers, and it may miss it by less than another: still a candidate after three
		// sessions without a block…
		rotate_sessions(3);
		assert_eq!(pallet_collator_selection::CandidateList::<Runtime>::get().len(), 1);
		// …and removed, its bond returned, at the end of the fourth.
		rotate_sessions(1);
		assert!(pallet_collator_selection::CandidateList::<Runtime>::get().is_empty());
		assert_eq!(Balances::reserved_balance(dave()), KeyDeposit::get());
		rotate_sessions(2);
		assert!(!Session::validators().contains(&dave()));
		assert_eq!(Session::validators().len(), 3);
	});
}

#[test]
fn only_root_changes_the_invulnerables() {
	local_with_keystore().execute_with(|| {
		let (keys, proof) = new_session_keys(&dave());
		assert_ok!(Session::set_keys(RuntimeOrigin::signed(dave()), keys, proof));
		assert_noop!(
			CollatorSelection::add_invulnerable(RuntimeOrigin::signed(dave()), dave()),
			sp_runtime::DispatchError::BadOrigin
		);
		assert_ok!(CollatorSelection::add_invulnerable(RuntimeOrigin::root(), dave()));
		assert!(pallet_collator_selection::Invulnerables::<Runtime>::get().contains(&dave()));
		rotate_sessions(2);
		assert!(Session::validators().contains(&dave()));
	});
}

#[test]
fn the_deposits_are_what_the_readme_says() {
	use crate::constants::currency::{MILLI_PLZ, PLZ};
	assert_eq!(KeyDeposit::get(), 42 * MILLI_PLZ + 8 * MILLI_PLZ / 10);
	assert_eq!(TEST_CANDIDACY_BOND, 10_000 * PLZ);
}

#[test]
fn the_largest_validator_set_fits_aura_and_grandpa() {
	use crate::configs::{MaxAuthorities, MAX_CANDIDATES, MAX_INVULNERABLES};
	use frame_support::traits::Get;
	// Collator selection names every invulnerable and up to `MaxCandidates` candidates; Aura
	// would truncate a longer set, and GRANDPA would refuse it.
	assert!(MAX_INVULNERABLES + MAX_CANDIDATES <= <MaxAuthorities as Get<u32>>::get());
}
