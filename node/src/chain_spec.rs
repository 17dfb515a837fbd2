//! The built-in chain specifications: `dev` and `local`.

use plaza_runtime::{
	constants::{
		currency::{TOKEN_DECIMALS, TOKEN_SYMBOL},
		SS58_PREFIX,
	},
	WASM_BINARY,
};
use sc_service::{ChainType, Properties};
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
