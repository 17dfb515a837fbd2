//! `plaza-node try-runtime`: runs a new runtime's migrations and checks against the state of a
//! live network before anyone proposes it.
//!
//! Parity's `try-runtime-cli` does this for any chain, but it is not published on crates.io for
//! this polkadot-sdk release (stable2609), and the SDK removed the node subcommand it once had.
//! This is the part Plaza needs, on the SDK's own pieces: `frame-remote-externalities` scrapes a
//! node's state over RPC (into a snapshot file, or straight into memory) and reads snapshots back;
//! `sc-executor` runs the runtime's `TryRuntime_on_runtime_upgrade` on that state. The runtime
//! must be built with `--features try-runtime` (`runtime/blobs` builds the next one so).
//!
//! `on-runtime-upgrade` fails (non-zero exit, the reason on stderr) when the new runtime's
//! `spec_name` differs from the chain's, its `spec_version` is not higher, it lacks the try-runtime
//! API, a migration or its `pre_upgrade`/`post_upgrade` check fails, a pallet's `try_state`
//! invariant does not hold after the upgrade, running the migrations a second time changes
//! storage, or the upgrade would not fit in one block.

use std::path::{Path, PathBuf};

use codec::{Decode, Encode};
use frame_remote_externalities::{
	Builder, Mode, OfflineConfig, OnlineConfig, RemoteExternalities, SnapshotConfig,
};
use frame_support::weights::Weight;
use plaza_runtime::Block;
use sc_cli::RuntimeVersion;
use sc_executor::WasmExecutor;
use sp_core::{storage::well_known_keys, traits::ReadRuntimeVersion, H256};
use sp_runtime::traits::{HashingFor, Header as _};
use sp_state_machine::{
	backend::{BackendRuntimeCode, TryPendingCode},
	OverlayedChanges, StateMachine,
};

use crate::client::HostFunctions;

/// Check a runtime upgrade against a live network's state, or save that state to a file.
#[derive(Debug, clap::Subcommand)]
pub enum TryRuntimeCmd {
	/// Save the state of a live node (at its latest finalized block unless `--at` says another)
	/// to a snapshot file.
	CreateSnapshot(CreateSnapshotCmd),
	/// Run a runtime's migrations, their pre- and post-upgrade checks and every pallet's
	/// `try_state` invariants on a live network's state (a snapshot file or a node's RPC).
	OnRuntimeUpgrade(OnRuntimeUpgradeCmd),
}

/// Where to read a live network's state.
#[derive(Debug, Clone, clap::Args)]
pub struct LiveState {
	/// A node's WebSocket RPC address (`ws://127.0.0.1:9944`). Its RPC must allow
	/// `state_getKeysPaged`, as a node's own loopback RPC does.
	#[arg(long, value_name = "URI")]
	pub uri: String,

	/// The block whose state to read (hex hash); by default the node's latest finalized block.
	#[arg(long, value_name = "HASH", value_parser = parse_hash)]
	pub at: Option<H256>,
}

/// `try-runtime create-snapshot`.
#[derive(Debug, clap::Args)]
pub struct CreateSnapshotCmd {
	#[clap(flatten)]
	live: LiveState,

	/// The snapshot file to write.
	#[arg(value_name = "PATH")]
	path: PathBuf,
}

/// `try-runtime on-runtime-upgrade`.
#[derive(Debug, clap::Args)]
pub struct OnRuntimeUpgradeCmd {
	/// The runtime to check: a WASM blob (compressed or not) built with `--features try-runtime`.
	#[arg(long, value_name = "WASM")]
	runtime: PathBuf,

	/// Read the state from this snapshot file (`try-runtime create-snapshot`).
	#[arg(long, value_name = "PATH", conflicts_with = "uri", required_unless_present = "uri")]
	snapshot: Option<PathBuf>,

	/// Read the state from this node's RPC instead (`ws://127.0.0.1:9944`).
	#[arg(long, value_name = "URI")]
	uri: Option<String>,

	/// With `--uri`: the block whose state to read (hex hash); by default the latest finalized.
	#[arg(long, value_name = "HASH", value_parser = parse_hash, requires = "uri")]
	at: Option<H256>,

	/// Which checks run beside the migrations.
	#[arg(long, value_enum, default_value_t = Checks::All)]
	checks: Checks,

	/// Accept a runtime whose `spec_version` is not higher than the chain's (to check the running
	/// runtime's invariants on today's state). A real upgrade needs a higher one.
	#[arg(long)]
	allow_same_spec_version: bool,
}

/// The checks `TryRuntime_on_runtime_upgrade` runs. The same SCALE encoding as
/// `frame_support::traits::UpgradeCheckSelect`, which exists only in try-runtime builds: this
/// node is not one (only the runtime under test is).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Encode, clap::ValueEnum)]
pub enum Checks {
	/// The migrations alone.
	None,
	/// Pre- and post-upgrade checks, then every pallet's `try_state` invariants.
	All,
	/// Pre- and post-upgrade checks.
	PreAndPost,
	/// Every pallet's `try_state` invariants.
	TryState,
}

impl TryRuntimeCmd {
	/// Runs the command. Scraping a node is async; executing the runtime is CPU work and runs on
	/// this thread, outside the async runtime.
	pub fn run(&self) -> sc_cli::Result<()> {
		sc_cli::LoggerBuilder::new("").init()?;
		let tokio = tokio::runtime::Runtime::new().map_err(|e| format!("tokio: {e}"))?;
		match self {
			TryRuntimeCmd::CreateSnapshot(cmd) => {
				let ext = tokio.block_on(online(&cmd.live, Some(&cmd.path)))?;
				println!(
					"Saved the state of block #{} ({:?}) to {}",
					ext.header.number(),
					ext.header.hash(),
					cmd.path.display()
				);
				Ok(())
			},
			TryRuntimeCmd::OnRuntimeUpgrade(cmd) => {
				let ext = match (&cmd.snapshot, &cmd.uri) {
					(Some(path), _) => tokio.block_on(offline(path))?,
					(None, Some(uri)) => {
						tokio.block_on(online(&LiveState { uri: uri.clone(), at: cmd.at }, None))?
					},
					(None, None) => return Err("Pass --snapshot or --uri.".into()),
				};
				drop(tokio);
				cmd.check(ext)
			},
		}
	}
}

impl OnRuntimeUpgradeCmd {
	fn check(&self, mut ext: RemoteExternalities<Block>) -> sc_cli::Result<()> {
		let new_code = std::fs::read(&self.runtime)
			.map_err(|e| format!("Cannot read the runtime {}: {e}", self.runtime.display()))?;
		let executor = WasmExecutor::<HostFunctions>::builder().build();
		let old_code = ext
			.execute_with(|| sp_io::storage::get(well_known_keys::CODE))
			.ok_or("The state holds no runtime code (`:code`): is it a Plaza chain's state?")?;
		let old = runtime_version(&executor, &mut ext, &old_code, "the chain's runtime")?;
		let new = runtime_version(&executor, &mut ext, &new_code, "the new runtime")?;
		println!(
			"State of block #{} ({:?}): runtime {} {}; checking {} {} from {}",
			ext.header.number(),
			ext.header.hash(),
			old.spec_name,
			old.spec_version,
			new.spec_name,
			new.spec_version,
			self.runtime.display()
		);
		if new.spec_name != old.spec_name {
			return Err(format!(
				"The new runtime is `{}`, the chain runs `{}`: an upgrade keeps the spec_name.",
				new.spec_name, old.spec_name
			)
			.into());
		}
		if new.spec_version <= old.spec_version && !self.allow_same_spec_version {
			return Err(format!(
				"The new runtime's spec_version {} is not higher than the chain's {}: nodes would \
				 not switch to it.",
				new.spec_version, old.spec_version
			)
			.into());
		}
		// A runtime API's id is the BLAKE2-64 hash of its trait's name (`sp_api`); the trait itself
		// is only compiled with try-runtime.
		let try_runtime_api = sp_crypto_hashing::blake2_64(b"TryRuntime");
		if new.api_version(&try_runtime_api).is_none() {
			return Err("The new runtime was not built with `--features try-runtime`: it has no \
				TryRuntime API to call."
				.into());
		}
		ext.insert(well_known_keys::CODE.to_vec(), new_code);

		let mut changes = OverlayedChanges::default();
		let (used, max) = on_runtime_upgrade(&executor, &ext, &mut changes, self.checks)
			.map_err(|e| format!("The upgrade failed its checks ({:?}): {e}", self.checks))?;
		println!(
			"Migrations and checks ({:?}) passed: {} µs of ref time, {:.2}% of a block",
			self.checks,
			used.ref_time() / 1_000_000,
			used.ref_time() as f64 * 100.0 / max.ref_time() as f64
		);
		if used.any_gt(max) {
			return Err(format!(
				"The migrations weigh {used:?}, more than a block holds ({max:?}): the upgrade \
				 block could not be built in its slot."
			)
			.into());
		}

		// Run them again on their own result: a second run must change nothing.
		let (root_after_first, _) = changes.storage_root(&ext.backend, ext.state_version);
		on_runtime_upgrade(&executor, &ext, &mut changes, Checks::None)
			.map_err(|e| format!("The migrations failed when run a second time: {e}"))?;
		let (root_after_second, _) = changes.storage_root(&ext.backend, ext.state_version);
		if root_after_first != root_after_second {
			return Err("The migrations are not idempotent: running them a second time changed \
				storage."
				.into());
		}
		println!("Migrations are idempotent: a second run changed nothing");
		Ok(())
	}
}

/// Calls `TryRuntime_on_runtime_upgrade` on `ext` (whose `:code` is the new runtime) with the
/// changes so far, adding the call's own. Returns the weight the upgrade used and a block's
/// maximum.
fn on_runtime_upgrade(
	executor: &WasmExecutor<HostFunctions>,
	ext: &RemoteExternalities<Block>,
	changes: &mut OverlayedChanges<HashingFor<Block>>,
	checks: Checks,
) -> Result<(Weight, Weight), String> {
	let code = BackendRuntimeCode::new(&ext.backend, TryPendingCode::No);
	let runtime_code = code.runtime_code().map_err(|e| format!("runtime code: {e}"))?;
	let result = StateMachine::new(
		&ext.backend,
		changes,
		executor,
		"TryRuntime_on_runtime_upgrade",
		&checks.encode(),
		&mut Default::default(),
		&runtime_code,
		sp_core::traits::CallContext::Offchain,
	)
	.execute()
	.map_err(|e| e.to_string())?;
	<(Weight, Weight)>::decode(&mut &result[..]).map_err(|e| format!("its result: {e}"))
}

/// The `RuntimeVersion` a WASM blob declares.
fn runtime_version(
	executor: &WasmExecutor<HostFunctions>,
	ext: &mut RemoteExternalities<Block>,
	code: &[u8],
	what: &str,
) -> sc_cli::Result<RuntimeVersion> {
	let encoded = executor
		.read_runtime_version(code, &mut ext.ext())
		.map_err(|e| format!("Cannot read the version of {what}: {e}"))?;
	RuntimeVersion::decode(&mut &encoded[..])
		.map_err(|e| format!("Cannot decode the version of {what}: {e}").into())
}

/// Reads a node's state over RPC into memory, and into a snapshot file when `snapshot` is given.
async fn online(
	live: &LiveState,
	snapshot: Option<&Path>,
) -> sc_cli::Result<RemoteExternalities<Block>> {
	let config = OnlineConfig {
		at: live.at,
		state_snapshot: snapshot.map(SnapshotConfig::new),
		transport_uris: vec![live.uri.clone()],
		..Default::default()
	};
	Builder::<Block>::new()
		.mode(Mode::Online(config))
		.build()
		.await
		.map_err(|e| format!("Cannot read the state from {}: {e}", live.uri).into())
}

/// Reads a snapshot file.
async fn offline(path: &Path) -> sc_cli::Result<RemoteExternalities<Block>> {
	if !path.is_file() {
		return Err(format!("No snapshot file at {}", path.display()).into());
	}
	Builder::<Block>::new()
		.mode(Mode::Offline(OfflineConfig { state_snapshot: SnapshotConfig::new(path) }))
		.build()
		.await
		.map_err(|e| format!("Cannot read the snapshot {}: {e}", path.display()).into())
}

/// Parses a block hash given in hex, with or without `0x`.
fn parse_hash(hex: &str) -> Result<H256, String> {
	let bytes = sp_core::bytes::from_hex(hex).map_err(|e| format!("not hex: {e}"))?;
	<[u8; 32]>::try_from(bytes).map(H256::from).map_err(|_| "a block hash is 32 bytes".to_string())
}
