//! The built-in chain specifications: `dev`, `local`, `bench` and the live network template
//! `live`.

use plaza_runtime::{
	constants::{
		currency::{TOKEN_DECIMALS, TOKEN_SYMBOL},
		SS58_PREFIX,
	},
	genesis_config_presets::LIVE_TEMPLATE_PRESET,
	WASM_BINARY,
};
use sc_chain_spec::GenesisConfigBuilderRuntimeCaller;
use sc_service::{ChainType, Properties};
use serde_json::Value;
use sp_core::{
	crypto::{AccountId32, DeriveJunction, Ss58AddressFormatRegistry, Ss58Codec},
	sr25519, Pair,
};
use sp_genesis_builder::{DEV_RUNTIME_PRESET, LOCAL_TESTNET_RUNTIME_PRESET};

/// A Plaza chain specification.
pub type ChainSpec = sc_service::GenericChainSpec;

/// The token and address format wallets (polkadot.js) read from `system_properties`.
fn properties() -> Properties {
	let mut properties = Properties::new();
	properties.insert("tokenSymbol".into(), TOKEN_SYMBOL.into());
	properties.insert("tokenDecimals".into(), TOKEN_DECIMALS.into());
	properties.insert("ss58Format".into(), SS58_PREFIX.into());
	properties
}

fn runtime_code() -> Result<&'static [u8], String> {
	WASM_BINARY.ok_or_else(|| {
		"The runtime's WASM was not built (SKIP_WASM_BUILD is set): rebuild without it".to_string()
	})
}

/// `dev`: a single validator (Alice) for development.
pub fn development_chain_spec() -> Result<ChainSpec, String> {
	Ok(ChainSpec::builder(runtime_code()?, None)
		.with_name("Plaza Development")
		.with_id("plaza_dev")
		.with_chain_type(ChainType::Development)
		.with_genesis_config_preset_name(DEV_RUNTIME_PRESET)
		.with_properties(properties())
		.build())
}

/// `local`: three validators (Alice, Bob, Charlie) on one machine or a local network.
pub fn local_chain_spec() -> Result<ChainSpec, String> {
	Ok(ChainSpec::builder(runtime_code()?, None)
		.with_name("Plaza Local Testnet")
		.with_id("plaza_local")
		.with_chain_type(ChainType::Local)
		.with_genesis_config_preset_name(LOCAL_TESTNET_RUNTIME_PRESET)
		.with_properties(properties())
		.build())
}

/// `live`: the template of a public network (no sudo key; referenda in days). Its validator and
/// endowed account are placeholders (Alice's) to replace before launch: export it with
/// `plaza-node export-chain-spec --chain live`, edit, and build the raw form.
pub fn live_template_chain_spec() -> Result<ChainSpec, String> {
	Ok(ChainSpec::builder(runtime_code()?, None)
		.with_name("Plaza")
		.with_id("plaza")
		.with_chain_type(ChainType::Live)
		.with_genesis_config_preset_name(LIVE_TEMPLATE_PRESET)
		.with_properties(properties())
		.build())
}

/// How many load accounts the `bench` chain endows.
pub const BENCH_ACCOUNTS: u32 = 10_000;

/// What each load account of the `bench` chain starts with, in planck (10,000 PLZ).
pub const BENCH_ENDOWMENT: u128 = 10_000 * plaza_runtime::PLZ;

/// The load accounts of the `bench` chain: `//Bench//0` … `//Bench//9999` from the well-known
/// development phrase, as `@polkadot/keyring` derives them (`addFromUri('//Bench').derive('//i')`).
pub fn bench_accounts(count: u32) -> Vec<AccountId32> {
	let base = sr25519::Pair::from_string("//Bench", None).expect("a well-formed dev URI; qed");
	(0..count)
		.map(|i| {
			let (pair, _) = base
				.derive(core::iter::once(DeriveJunction::hard(u64::from(i))), None)
				.expect("sr25519 supports hard derivation; qed");
			AccountId32::from(pair.public())
		})
		.collect()
}

/// The `bench` chain's genesis: the runtime's development preset with the load accounts added to
/// its balances.
fn bench_genesis() -> Result<Value, String> {
	// Ask the runtime (WASM) for the preset so its addresses are in the format it parses.
	let mut genesis = GenesisConfigBuilderRuntimeCaller::<()>::new(runtime_code()?)
		.get_named_preset(Some(&DEV_RUNTIME_PRESET.to_string()))?;
	let balances = genesis
		.pointer_mut("/balances/balances")
		.and_then(Value::as_array_mut)
		.ok_or("the development preset has no balances")?;
	// The runtime parses these addresses (in WASM) with the generic Substrate prefix.
	let generic = Ss58AddressFormatRegistry::SubstrateAccount.into();
	balances.extend(bench_accounts(BENCH_ACCOUNTS).into_iter().map(|account| {
		serde_json::json!([account.to_ss58check_with_version(generic), BENCH_ENDOWMENT])
	}));
	Ok(genesis)
}

/// `bench`: the `dev` chain (Alice validates) plus [`BENCH_ACCOUNTS`] endowed load accounts, so
/// load generators (`scripts/bench/`) can sign from many accounts without funding them first.
/// Run it as `plaza-node --dev --chain bench`.
pub fn bench_chain_spec() -> Result<ChainSpec, String> {
	Ok(ChainSpec::builder(runtime_code()?, None)
		.with_name("Plaza Benchmark")
		.with_id("plaza_bench")
		.with_chain_type(ChainType::Development)
		.with_genesis_config_patch(bench_genesis()?)
		.with_properties(properties())
		.build())
}
