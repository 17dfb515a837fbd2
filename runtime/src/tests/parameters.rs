//! Governable parameters: a `general` referendum sets them (with an event), signed accounts
//! cannot, the runtime keeps every value within its bounds, and a new deposit price applies to
//! new items while old ones keep what they recorded.

use frame_support::{
	assert_noop, assert_ok,
	traits::{fungible::InspectHold, Get, Hooks},
};
use sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET;
use sp_keyring::Sr25519Keyring;
use sp_runtime::{DispatchError, Perbill};

use super::{genesis_storage, governance::propose_and_pass};
use crate::{
	configs::{
		dynamic_params::{deposits, rewards, validators},
		storage_deposit, FollowDeposit, RuntimeParameters, SESSION_PERIOD,
	},
	constants::currency::{DEPOSIT_PER_BYTE, DEPOSIT_PER_ITEM, MILLI_PLZ, PLZ},
	governance::origins::Origin,
	Balances, OriginCaller, Parameters, Profiles, Runtime, RuntimeCall, RuntimeEvent,
	RuntimeHoldReason, RuntimeOrigin, Session, System, DAYS, MINUTES,
};

fn era_mint(value: Option<u128>) -> RuntimeParameters {
	RuntimeParameters::Rewards(rewards::Parameters::EraMint(rewards::EraMint, value))
}

fn per_item(value: Option<u128>) -> RuntimeParameters {
	RuntimeParameters::Deposits(deposits::Parameters::PerItem(deposits::PerItem, value))
}

fn session_length(value: Option<u32>) -> RuntimeParameters {
	RuntimeParameters::Validators(validators::Parameters::SessionLength(
		validators::SessionLength,
		value,
	))
}

fn set(parameter: RuntimeParameters) -> RuntimeCall {
	RuntimeCall::Parameters(pallet_parameters::Call::set_parameter { key_value: parameter })
}

type EraMint = <Runtime as pallet_rewards::Config>::EraMint;

#[test]
fn defaults_are_the_documented_values() {
	genesis_storage(LOCAL_TESTNET_RUNTIME_PRESET).execute_with(|| {
		assert_eq!(EraMint::get(), 1_000 * PLZ);
		assert_eq!(
			<Runtime as pallet_rewards::Config>::AuthorShare::get(),
			Perbill::from_percent(50)
		);
		assert_eq!(<Runtime as pallet_posts::Config>::RateLimitWindow::get(), MINUTES);
		assert_eq!(crate::configs::SessionLength::get(), SESSION_PERIOD);
		assert_eq!(storage_deposit(1, 0), DEPOSIT_PER_ITEM);
		assert_eq!(storage_deposit(0, 1), DEPOSIT_PER_BYTE);
	});
}

#[test]
fn a_general_referendum_sets_a_parameter_and_a_signed_account_cannot() {
	genesis_storage(LOCAL_TESTNET_RUNTIME_PRESET).execute_with(|| {
		System::set_block_number(1);
		let alice = RuntimeOrigin::signed(Sr25519Keyring::Alice.to_account_id());
		assert_noop!(
			Parameters::set_parameter(alice, era_mint(Some(2_000 * PLZ))),
			DispatchError::BadOrigin
		);
		assert_eq!(
			propose_and_pass(
				OriginCaller::Origins(Origin::General),
				set(era_mint(Some(2_000 * PLZ)))
			),
			vec![Ok(())]
		);
		assert_eq!(EraMint::get(), 2_000 * PLZ);
		assert!(System::events().iter().any(|r| r.event
			== RuntimeEvent::Parameters(pallet_parameters::Event::Updated {
				key: crate::configs::RuntimeParametersKey::Rewards(
					rewards::ParametersKey::EraMint(rewards::EraMint)
				),
				old_value: None,
				new_value: Some(crate::configs::RuntimeParametersValue::Rewards(
					rewards::ParametersValue::EraMint(2_000 * PLZ)
				)),
			})));
	});
}

#[test]
fn values_outside_their_bounds_are_used_at_the_nearest_bound() {
	genesis_storage(LOCAL_TESTNET_RUNTIME_PRESET).execute_with(|| {
		System::set_block_number(1);
		// Free storage and zero-block sessions cannot be voted in.
		assert_ok!(Parameters::set_parameter(RuntimeOrigin::root(), per_item(Some(0))));
		assert_eq!(storage_deposit(1, 0), MILLI_PLZ);
		assert_ok!(Parameters::set_parameter(RuntimeOrigin::root(), session_length(Some(0))));
		assert_eq!(crate::configs::SessionLength::get(), MINUTES);
		assert_ok!(Parameters::set_parameter(
			RuntimeOrigin::root(),
			session_length(Some(u32::MAX))
		));
		assert_eq!(crate::configs::SessionLength::get(), DAYS);
		assert_ok!(Parameters::set_parameter(RuntimeOrigin::root(), era_mint(Some(u128::MAX))));
		assert_eq!(EraMint::get(), 100_000 * PLZ);
		// Unset, a parameter is its default again.
		assert_ok!(Parameters::set_parameter(RuntimeOrigin::root(), session_length(None)));
		assert_eq!(crate::configs::SessionLength::get(), SESSION_PERIOD);
	});
}

#[test]
fn a_longer_session_length_moves_the_next_rotation() {
	genesis_storage(LOCAL_TESTNET_RUNTIME_PRESET).execute_with(|| {
		let first = Session::current_index();
		assert_ok!(Parameters::set_parameter(
			RuntimeOrigin::root(),
			session_length(Some(3 * MINUTES))
		));
		for block in 1..=3 * MINUTES {
			System::set_block_number(block);
			Session::on_initialize(block);
			let ended = Session::current_index() > first;
			assert_eq!(ended, block == 3 * MINUTES, "block {block}");
		}
	});
}

#[test]
fn a_new_deposit_price_applies_to_new_items_and_old_ones_return_what_they_held() {
	genesis_storage(LOCAL_TESTNET_RUNTIME_PRESET).execute_with(|| {
		System::set_block_number(1);
		let alice = Sr25519Keyring::Alice.to_account_id();
		let held = || {
			Balances::balance_on_hold(
				&RuntimeHoldReason::Profiles(pallet_profiles::HoldReason::FollowDeposit),
				&alice,
			)
		};
		let old_price = FollowDeposit::get();
		assert_ok!(Profiles::follow(
			RuntimeOrigin::signed(alice.clone()),
			Sr25519Keyring::Bob.to_account_id()
		));
		assert_eq!(held(), old_price);
		assert_ok!(Parameters::set_parameter(
			RuntimeOrigin::root(),
			per_item(Some(10 * DEPOSIT_PER_ITEM))
		));
		let new_price = FollowDeposit::get();
		assert_eq!(new_price, old_price + 9 * DEPOSIT_PER_ITEM);
		assert_ok!(Profiles::follow(
			RuntimeOrigin::signed(alice.clone()),
			Sr25519Keyring::Charlie.to_account_id()
		));
		assert_eq!(held(), old_price + new_price);
		// Unfollowing Bob returns what that follow held, not today's price.
		assert_ok!(Profiles::unfollow(
			RuntimeOrigin::signed(alice.clone()),
			Sr25519Keyring::Bob.to_account_id()
		));
		assert_eq!(held(), new_price);
		super::check_invariants();
	});
}
