//! Genesis presets: the initial state of the `dev` and `local_testnet` chains and of the live
//! network template.
//!
//! The node's chain specs name a preset; `plaza-node build-spec` writes it out in full.

use alloc::{vec, vec::Vec};
use frame_support::build_struct_json_patch;
use serde_json::Value;
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_consensus_grandpa::AuthorityId as GrandpaId;
use sp_genesis_builder::{PresetId, DEV_RUNTIME_PRESET, LOCAL_TESTNET_RUNTIME_PRESET};
use sp_keyring::{Ed25519Keyring, Sr25519Keyring};

use crate::{
	configs::MAX_CANDIDATES, governance::Pace, AccountId, Balance, BalancesConfig, BlockNumber,
	CollatorSelectionConfig, OriginsConfig, RewardsConfig, RuntimeGenesisConfig, SessionConfig,
	SessionKeys, SudoConfig, DAYS, MINUTES, PLZ,
};

/// The preset of the live network template (`plaza-node --chain live`).
pub const LIVE_TEMPLATE_PRESET: &str = "live_template";

/// What each well-known development account (Alice, Bob, …) starts with.
pub const DEV_ENDOWMENT: Balance = 1_000_000 * PLZ;

/// What a validator candidate bonds on the test networks.
pub const TEST_CANDIDACY_BOND: Balance = 10_000 * PLZ;

/// A validator from a well-known development seed (`//Alice`, …): its account, which is its
/// validator id, and its session keys (the seed's sr25519 key for Aura, its ed25519 key for
/// GRANDPA), as `--alice` … puts them in the node's keystore.
fn dev_authority(aura: Sr25519Keyring, grandpa: Ed25519Keyring) -> (AccountId, SessionKeys) {
	let keys = SessionKeys {
		aura: AuraId::from(aura.public()),
		grandpa: GrandpaId::from(grandpa.public()),
	};
	(aura.to_account_id(), keys)
}

/// The well-known development accounts endowed in test genesis: Alice … Ferdie and their stashes.
fn dev_accounts() -> Vec<AccountId> {
	Sr25519Keyring::iter()
		.filter(|k| !matches!(k, Sr25519Keyring::One | Sr25519Keyring::Two))
		.map(|k| k.to_account_id())
		.collect()
}

/// A network's genesis: its validators (invulnerable, with their session keys), endowed
/// accounts, sudo key if any, reward era length and governance pace. Aura's and GRANDPA's
/// authorities come from the session keys.
fn genesis(
	authorities: Vec<(AccountId, SessionKeys)>,
	endowed: Vec<AccountId>,
	sudo: Option<AccountId>,
	reward_era_length: BlockNumber,
	pace: Pace,
) -> Value {
	build_struct_json_patch!(RuntimeGenesisConfig {
		balances: BalancesConfig {
			balances: endowed.into_iter().map(|who| (who, DEV_ENDOWMENT)).collect::<Vec<_>>(),
		},
		collator_selection: CollatorSelectionConfig {
			invulnerables: authorities
				.iter()
				.map(|(account, _)| account.clone())
				.collect::<Vec<_>>(),
			candidacy_bond: TEST_CANDIDACY_BOND,
			desired_candidates: MAX_CANDIDATES,
		},
		session: SessionConfig {
			keys: authorities
				.into_iter()
				.map(|(account, keys)| (account.clone(), account, keys))
				.collect::<Vec<_>>(),
		},
		sudo: SudoConfig { key: sudo },
		rewards: RewardsConfig { era_length: reward_era_length },
		origins: OriginsConfig { pace },
	})
}

/// `dev`: one validator, Alice, who is also the sudo key; reward eras of a minute; referenda in
/// minutes.
pub fn development_genesis() -> Value {
	genesis(
		vec![dev_authority(Sr25519Keyring::Alice, Ed25519Keyring::Alice)],
		dev_accounts(),
		Some(Sr25519Keyring::Alice.to_account_id()),
		MINUTES,
		Pace::Minutes,
	)
}

/// `local_testnet`: three validators, Alice, Bob and Charlie; no sudo key (Root only by
/// referendum); reward eras of a day; referenda in minutes.
pub fn local_testnet_genesis() -> Value {
	genesis(
		vec![
			dev_authority(Sr25519Keyring::Alice, Ed25519Keyring::Alice),
			dev_authority(Sr25519Keyring::Bob, Ed25519Keyring::Bob),
			dev_authority(Sr25519Keyring::Charlie, Ed25519Keyring::Charlie),
		],
		dev_accounts(),
		None,
		DAYS,
		Pace::Minutes,
	)
}

/// The live network template: what a public network starts from. No sudo key, reward eras of a
/// day, referenda in days. Its one validator and one endowed account are Alice's placeholders,
/// which whoever launches a network replaces with their own (README, "A network of your own").
pub fn live_template_genesis() -> Value {
	genesis(
		vec![dev_authority(Sr25519Keyring::Alice, Ed25519Keyring::Alice)],
		vec![Sr25519Keyring::Alice.to_account_id()],
		None,
		DAYS,
		Pace::Days,
	)
}

/// The JSON genesis patch of the preset `id`, if there is one.
pub fn get_preset(id: &PresetId) -> Option<Vec<u8>> {
	let patch = match id.as_ref() {
		DEV_RUNTIME_PRESET => development_genesis(),
		LOCAL_TESTNET_RUNTIME_PRESET => local_testnet_genesis(),
		LIVE_TEMPLATE_PRESET => live_template_genesis(),
		_ => return None,
	};
	serde_json::to_vec(&patch).ok()
}

/// The names of the presets this runtime offers.
pub fn preset_names() -> Vec<PresetId> {
	vec![
		PresetId::from(DEV_RUNTIME_PRESET),
		PresetId::from(LOCAL_TESTNET_RUNTIME_PRESET),
		PresetId::from(LIVE_TEMPLATE_PRESET),
	]
}
