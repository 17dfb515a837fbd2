//! The command line: `plaza-node [run flags]` or one of the Substrate subcommands.

use sc_cli::{clap::parser::ValueSource, NetworkBackendType, RunCmd, SubstrateCli};

/// Plaza node command line.
#[derive(Debug, clap::Parser)]
pub struct Cli {
	/// A subcommand; without one the node runs.
	#[command(subcommand)]
	pub subcommand: Option<Subcommand>,

	/// Flags of a running node.
	#[clap(flatten)]
	pub run: RunCmd,

	/// The IPFS endpoint, store and pinner of a running node.
	#[clap(flatten)]
	pub ipfs: plaza_ipfs::IpfsParams,

	/// Skip the hardware benchmark a validator runs at start-up against Plaza's reference
	/// hardware (`plaza-node benchmark machine` runs it on demand).
	#[arg(long)]
	pub no_hardware_benchmarks: bool,
}

impl Cli {
	/// Parses the process's arguments. Plaza runs Substrate's libp2p network backend unless
	/// `--network-backend` asks for another.
	pub fn from_command_line() -> Self {
		use clap::{CommandFactory, FromArgMatches};

		let matches = Self::setup_command(Self::command()).get_matches();
		let mut cli = Self::from_arg_matches(&matches).unwrap_or_else(|e| e.exit());
		if matches.value_source("network_backend") != Some(ValueSource::CommandLine) {
			cli.run.network_params.network_backend = NetworkBackendType::Libp2p;
		}
		cli
	}
}

/// The Substrate subcommands `plaza-node` offers.
#[derive(Debug, clap::Subcommand)]
#[allow(clippy::large_enum_variant)]
pub enum Subcommand {
	/// Key management: generate, inspect and insert keys, generate node keys.
	#[command(subcommand)]
	Key(sc_cli::KeySubcommand),

	/// Build a chain specification (deprecated upstream in favour of `export-chain-spec`).
	BuildSpec(sc_cli::BuildSpecCmd),

	/// Export a built-in chain specification (`dev`, `local`, `bench`, `live`) as JSON.
	ExportChainSpec(sc_cli::ExportChainSpecCmd),

	/// Validate blocks.
	CheckBlock(sc_cli::CheckBlockCmd),

	/// Export blocks.
	ExportBlocks(sc_cli::ExportBlocksCmd),

	/// Export the state of a given block into a chain spec.
	ExportState(sc_cli::ExportStateCmd),

	/// Import blocks.
	ImportBlocks(sc_cli::ImportBlocksCmd),

	/// Remove the whole chain.
	PurgeChain(sc_cli::PurgeChainCmd),

	/// Revert the chain to a previous state.
	Revert(sc_cli::RevertCmd),

	/// Benchmarks: pallet weights, block and extrinsic overhead, storage, machine.
	#[command(subcommand)]
	Benchmark(frame_benchmarking_cli::BenchmarkCmd),

	/// Database meta columns information.
	ChainInfo(sc_cli::ChainInfoCmd),

	/// Check a runtime upgrade's migrations and invariants against a live network's state
	/// (`create-snapshot`, `on-runtime-upgrade`).
	#[command(subcommand)]
	TryRuntime(crate::try_runtime::TryRuntimeCmd),
}
