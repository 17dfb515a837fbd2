//! Checks of the runtime's own choices: its genesis presets, fee schedule and block limits.

use frame_support::{dispatch::DispatchClass, traits::Get, weights::WeightToFee as _};
use sp_genesis_builder::{PresetId, DEV_RUNTIME_PRESET, LOCAL_TESTNET_RUNTIME_PRESET};
use sp_keyring::{Ed25519Keyring, Sr25519Keyring};
use sp_runtime::BuildStorage;

use crate::weights::ExtrinsicBaseWeight;
use crate::{
	configs::{RuntimeBlockLength, RuntimeBlockWeights, WeightToFee},
	constants::currency::*,
	genesis_config_presets::{get_preset, preset_names, DEV_ENDOWMENT, LIVE_TEMPLATE_PRESET},
	Aura, Balance, Balances, Grandpa, Rewards, Runtime, RuntimeGenesisConfig,
};

/// The state a preset builds, as the node builds it: the preset patched over the defaults.
pub(crate) fn genesis_storage(preset: &str) -> sp_io::TestExternalities {
	let patch = get_preset(&PresetId::from(preset)).expect("the preset exists");
	let mut config = serde_json::to_value(RuntimeGenesisConfig::default()).unwrap();
	sc_chain_spec::json_merge(&mut config, serde_json::from_slice(&patch).unwrap());
	let config: RuntimeGenesisConfig = serde_json::from_value(config).unwrap();
	config.build_storage().unwrap().into()
}

/// Checks every Plaza pallet's `try_state` invariants on the state in hand.
pub(crate) fn check_invariants() {
	crate::Profiles::do_try_state().expect("the profiles pallet's invariants hold");
	crate::Posts::do_try_state().expect("the posts pallet's invariants hold");
	crate::Votes::do_try_state().expect("the votes pallet's invariants hold");
	Rewards::do_try_state().expect("the rewards pallet's invariants hold");
	crate::Apps::do_try_state().expect("the apps pallet's invariants hold");
}

#[test]
fn every_preset_starts_with_the_invariants_holding() {
	for preset in [DEV_RUNTIME_PRESET, LOCAL_TESTNET_RUNTIME_PRESET, LIVE_TEMPLATE_PRESET] {
		genesis_storage(preset).execute_with(check_invariants);
	}
}

#[test]
fn every_preset_is_listed() {
	let names = preset_names();
	assert_eq!(
		names,
		vec![
			PresetId::from(DEV_RUNTIME_PRESET),
			PresetId::from(LOCAL_TESTNET_RUNTIME_PRESET),
			PresetId::from(LIVE_TEMPLATE_PRESET)
		]
	);
	assert!(get_preset(&PresetId::from("no-such-preset")).is_none());
}

#[test]
fn dev_genesis_has_alice_as_sole_validator_and_sudo() {
	genesis_storage(DEV_RUNTIME_PRESET).execute_with(|| {
		let aura = pallet_aura::Authorities::<Runtime>::get();
		assert_eq!(aura.into_inner(), vec![Sr25519Keyring::Alice.public().into()]);
		assert_eq!(
			Grandpa::grandpa_authorities(),
			vec![(Ed25519Keyring::Alice.public().into(), 1)]
		);
		assert_eq!(pallet_sudo::Key::<Runtime>::get(), Some(Sr25519Keyring::Alice.to_account_id()));
		assert_eq!(Aura::slot_duration(), crate::SLOT_DURATION);
		assert_eq!(pallet_rewards::EraLength::<Runtime>::get(), crate::MINUTES);
	});
}

#[test]
fn local_genesis_has_three_validators() {
	genesis_storage(LOCAL_TESTNET_RUNTIME_PRESET).execute_with(|| {
		// The session keys of the three, in the order of their accounts (the validator
		// selection sorts its invulnerables).
		let mut validators = [
			(Sr25519Keyring::Alice, Ed25519Keyring::Alice),
			(Sr25519Keyring::Bob, Ed25519Keyring::Bob),
			(Sr25519Keyring::Charlie, Ed25519Keyring::Charlie),
		];
		validators.sort_by_key(|(account, _)| account.to_account_id());
		let aura = pallet_aura::Authorities::<Runtime>::get().into_inner();
		let expected: Vec<_> = validators.iter().map(|(k, _)| k.public().into()).collect();
		assert_eq!(aura, expected);
		let grandpa: Vec<_> =
			Grandpa::grandpa_authorities().into_iter().map(|(id, _)| id).collect();
		let expected: Vec<_> = validators.iter().map(|(_, k)| k.public().into()).collect();
		assert_eq!(grandpa, expected);
		assert_eq!(pallet_rewards::EraLength::<Runtime>::get(), crate::DAYS);
	});
}

#[test]
fn development_accounts_are_endowed() {
	genesis_storage(DEV_RUNTIME_PRESET).execute_with(|| {
		let endowed = Sr25519Keyring::iter()
			.filter(|k| !matches!(k, Sr25519Keyring::One | Sr25519Keyring::Two))
			.collect::<Vec<_>>();
		assert_eq!(endowed.len(), 12);
		for who in &endowed {
			assert_eq!(Balances::free_balance(who.to_account_id()), DEV_ENDOWMENT);
		}
		// The endowments, and the existential deposit that opens the reward pool's account.
		assert_eq!(
			Balances::total_issuance(),
			DEV_ENDOWMENT * endowed.len() as u128 + EXISTENTIAL_DEPOSIT
		);
		assert_eq!(Balances::free_balance(Rewards::pool_account()), EXISTENTIAL_DEPOSIT);
		assert_eq!(Balances::free_balance(Sr25519Keyring::One.to_account_id()), 0);
	});
}

#[test]
fn existential_deposit_is_the_price_of_one_storage_item() {
	assert_eq!(EXISTENTIAL_DEPOSIT, deposit(1, 0));
	assert_eq!(EXISTENTIAL_DEPOSIT, PLZ / 100);
	assert_eq!(
		<<Runtime as pallet_balances::Config>::ExistentialDeposit as Get<Balance>>::get(),
		EXISTENTIAL_DEPOSIT
	);
	assert_eq!(deposit(2, 100), 2 * DEPOSIT_PER_ITEM + 100 * DEPOSIT_PER_BYTE);
}

#[test]
fn a_base_weight_transaction_pays_the_base_fee() {
	let base = ExtrinsicBaseWeight::get();
	assert_eq!(WeightToFee::weight_to_fee(&base), BASE_TRANSACTION_FEE);
	// Linear in reference time, up to the rounding of the coefficient's fractional part (a
	// Perbill): a planck per billion.
	let ten_times = WeightToFee::weight_to_fee(&(base * 10));
	assert!(
		ten_times.abs_diff(10 * BASE_TRANSACTION_FEE) <= 10,
		"fee of 10 base weights: {ten_times}"
	);
	assert_eq!(WeightToFee::weight_to_fee(&frame_support::weights::Weight::zero()), 0);
}

#[test]
fn ordinary_transactions_get_three_quarters_of_a_block() {
	let length = RuntimeBlockLength::get();
	assert_eq!(*length.max.get(DispatchClass::Operational), 5 * 1024 * 1024);
	assert_eq!(*length.max.get(DispatchClass::Normal), 5 * 1024 * 1024 * 3 / 4);

	let weights = RuntimeBlockWeights::get();
	let second = frame_support::weights::constants::WEIGHT_REF_TIME_PER_SECOND;
	assert_eq!(weights.max_block.ref_time(), 2 * second);
	let normal = weights.get(DispatchClass::Normal).max_total.unwrap();
	assert_eq!(normal.ref_time(), 2 * second * 3 / 4);
	// Operational transactions may also use the quarter normal ones cannot.
	let operational = weights.get(DispatchClass::Operational);
	assert_eq!(operational.max_total.unwrap().ref_time(), 2 * second);
	assert_eq!(operational.reserved.unwrap().ref_time(), 2 * second / 4);
}

#[test]
fn block_limits_use_the_base_weights_measured_here() {
	let weights = RuntimeBlockWeights::get();
	assert_eq!(weights.base_block, crate::weights::BlockExecutionWeight::get());
	// The measured base extrinsic weight and what full blocks showed it misses, at the margin.
	let unmeasured = crate::weights::UNMEASURED_PER_EXTRINSIC_NANOS
		* crate::weights::REFERENCE_HARDWARE_MARGIN_PERCENT
		/ 100;
	let base = ExtrinsicBaseWeight::get()
		+ frame_support::weights::Weight::from_parts(unmeasured * 1_000, 0);
	for class in [DispatchClass::Normal, DispatchClass::Operational, DispatchClass::Mandatory] {
		assert_eq!(weights.get(class).base_extrinsic, base);
	}
	assert_eq!(
		<Runtime as frame_system::Config>::DbWeight::get(),
		crate::weights::RocksDbWeight::get()
	);
	// Measured, not the SDK's defaults (25 µs reads, 100 µs writes).
	assert_ne!(
		crate::weights::RocksDbWeight::get(),
		frame_support::weights::constants::RocksDbWeight::get()
	);
}

#[test]
fn every_weight_file_carries_the_reference_hardware_margin() {
	use crate::weights::REFERENCE_HARDWARE_MARGIN_PERCENT as MARGIN;
	let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
	let mut files: Vec<_> = std::fs::read_dir(root.join("runtime/src/weights"))
		.unwrap()
		.map(|entry| entry.unwrap().path())
		.filter(|path| path.file_name().unwrap() != "mod.rs")
		.collect();
	for pallet in std::fs::read_dir(root.join("pallets")).unwrap() {
		let weights = pallet.unwrap().path().join("src/weights.rs");
		if weights.exists() {
			files.push(weights);
		}
	}
	assert!(files.len() > 15, "found only {files:?}");
	let marker = format!("//! Reference-hardware margin: every execution time in the code below is {MARGIN} % of the");
	for file in files {
		let text = std::fs::read_to_string(&file).unwrap();
		assert_eq!(
			text.matches(marker.as_str()).count(),
			1,
			"{} is not scaled once by the {MARGIN} % margin (scripts/weight-margin.sh)",
			file.display()
		);
	}
}

mod governance;
mod parameters;
mod validators;

mod apps {
	//! Which calls apps and scoped proxies may make.

	use crate::{configs::ProxyType, configs::SocialScopes, RuntimeCall};
	use frame_support::traits::InstanceFilter;
	use pallet_apps::{CallScope, Scope};
	use sp_keyring::Sr25519Keyring;

	fn cid() -> plaza_primitives::CidText {
		plaza_primitives::examples::HELLO_V1.as_bytes().to_vec().try_into().unwrap()
	}

	/// One call of each kind an app may make, with the scope it needs.
	fn scoped_calls() -> Vec<(RuntimeCall, Scope)> {
		use pallet_posts::Call as P;
		use pallet_profiles::Call as Pr;
		let bob = Sr25519Keyring::Bob.to_account_id();
		vec![
			(
				RuntimeCall::Posts(P::create_post { content: cid(), size: 1, reply_to: None }),
				Scope::Post,
			),
			(
				RuntimeCall::Posts(P::create_post { content: cid(), size: 1, reply_to: Some(0) }),
				Scope::Post,
			),
			(RuntimeCall::Posts(P::create_posts { posts: Default::default() }), Scope::Post),
			(RuntimeCall::Posts(P::edit_post { post_id: 0, content: cid(), size: 1 }), Scope::Edit),
			(RuntimeCall::Posts(P::delete_post { post_id: 0 }), Scope::Edit),
			(RuntimeCall::Posts(P::repost { post_id: 0 }), Scope::Repost),
			(
				RuntimeCall::Votes(pallet_votes::Call::vote {
					post_id: 0,
					direction: plaza_primitives::VoteDirection::Up,
				}),
				Scope::Vote,
			),
			(RuntimeCall::Votes(pallet_votes::Call::unvote { post_id: 0 }), Scope::Vote),
			(RuntimeCall::Profiles(Pr::follow { who: bob.clone() }), Scope::Follow),
			(RuntimeCall::Profiles(Pr::unfollow { who: bob }), Scope::Follow),
			(
				RuntimeCall::Profiles(Pr::set_profile {
					handle: b"alice".to_vec().try_into().unwrap(),
					display_name: Default::default(),
					metadata: None,
				}),
				Scope::Profile,
			),
			(RuntimeCall::Profiles(Pr::clear_profile {}), Scope::Profile),
			(RuntimeCall::Rewards(pallet_rewards::Call::tip { post_id: 0, amount: 5 }), Scope::Tip),
			(RuntimeCall::Rewards(pallet_rewards::Call::claim_rewards {}), Scope::Claim),
		]
	}

	/// Calls that move or lock a person's funds, or act on grants, proxies and batches.
	fn unscoped_calls() -> Vec<RuntimeCall> {
		let bob = Sr25519Keyring::Bob.to_account_id();
		vec![
			RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
				dest: bob.clone().into(),
				value: 1,
			}),
			RuntimeCall::Balances(pallet_balances::Call::transfer_all {
				dest: bob.clone().into(),
				keep_alive: false,
			}),
			RuntimeCall::Rewards(pallet_rewards::Call::lock_stake { amount: 1 }),
			RuntimeCall::Rewards(pallet_rewards::Call::unlock_stake { amount: 1 }),
			RuntimeCall::Rewards(pallet_rewards::Call::withdraw_unlocked {}),
			RuntimeCall::Apps(pallet_apps::Call::revoke { app: bob.clone() }),
			RuntimeCall::Apps(pallet_apps::Call::act_for { actions: Default::default() }),
			RuntimeCall::Proxy(pallet_proxy::Call::add_proxy {
				delegate: bob.into(),
				proxy_type: ProxyType::Any,
				delay: 0,
			}),
			RuntimeCall::System(frame_system::Call::remark { remark: vec![] }),
			// Becoming a validator bonds the person's funds.
			RuntimeCall::CollatorSelection(
				pallet_collator_selection::Call::register_as_candidate {},
			),
			RuntimeCall::Session(pallet_session::Call::purge_keys {}),
			// Governance: a vote locks the voter's funds, a proposal and a preimage reserve or
			// hold a deposit.
			RuntimeCall::ConvictionVoting(pallet_conviction_voting::Call::vote {
				poll_index: 0,
				vote: pallet_conviction_voting::AccountVote::Split { aye: 1, nay: 0 },
			}),
			RuntimeCall::Referenda(pallet_referenda::Call::place_decision_deposit { index: 0 }),
			RuntimeCall::Preimage(pallet_preimage::Call::note_preimage { bytes: vec![1] }),
		]
	}

	#[test]
	fn a_grant_deposit_pays_for_its_entry_as_the_readme_says() {
		use crate::constants::currency::{deposit, MILLI_PLZ};
		use frame_support::traits::Get;
		// At the default storage prices (governance may change them).
		sp_io::TestExternalities::default().execute_with(|| {
			// Scopes (8), expiry (5), allowance (16), depositor (32), deposit (16); two keys (96).
			assert_eq!(crate::configs::GrantDeposit::get(), deposit(1, 77 + 96));
			assert_eq!(crate::configs::GrantDeposit::get(), 27 * MILLI_PLZ + 3 * MILLI_PLZ / 10);
		});
	}

	#[test]
	fn every_social_call_needs_its_scope_and_a_tip_spends_its_amount() {
		for (call, scope) in scoped_calls() {
			let spends = if scope == Scope::Tip { 5 } else { 0 };
			assert_eq!(SocialScopes::scope_of(&call), Some((scope, spends)), "{call:?}");
		}
	}

	#[test]
	fn no_call_that_moves_or_locks_funds_or_delegates_has_a_scope() {
		for call in unscoped_calls() {
			assert_eq!(SocialScopes::scope_of(&call), None, "{call:?}");
		}
	}

	#[test]
	fn each_proxy_type_allows_its_scope_only_and_any_allows_everything() {
		let one_scope = [
			(ProxyType::Post, Scope::Post),
			(ProxyType::Edit, Scope::Edit),
			(ProxyType::Repost, Scope::Repost),
			(ProxyType::Vote, Scope::Vote),
			(ProxyType::Follow, Scope::Follow),
			(ProxyType::Profile, Scope::Profile),
			(ProxyType::Tip, Scope::Tip),
			(ProxyType::Claim, Scope::Claim),
		];
		for (call, scope) in scoped_calls() {
			assert!(ProxyType::Any.filter(&call) && ProxyType::Social.filter(&call));
			for (proxy_type, own) in one_scope {
				assert_eq!(proxy_type.filter(&call), own == scope, "{proxy_type:?} on {call:?}");
			}
		}
		for call in unscoped_calls() {
			assert!(ProxyType::Any.filter(&call));
			assert!(!ProxyType::Social.filter(&call), "{call:?}");
			for (proxy_type, _) in one_scope {
				assert!(!proxy_type.filter(&call), "{proxy_type:?} on {call:?}");
			}
		}
		assert!(ProxyType::Any.is_superset(&ProxyType::Social));
		assert!(ProxyType::Social.is_superset(&ProxyType::Post));
		assert!(!ProxyType::Post.is_superset(&ProxyType::Vote));
		assert!(!ProxyType::Social.is_superset(&ProxyType::Any));
	}
}
