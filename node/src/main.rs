//! `plaza-node`: a full node and validator of the Plaza social ledger.
#![warn(missing_docs)]

mod benchmarking;
mod chain_spec;
mod cli;
mod client;
mod command;
mod hardware;
mod ipfs;
mod ipfs_peers;
mod rpc;
mod service;
mod social;
mod try_runtime;

fn main() -> sc_cli::Result<()> {
	command::run()
}
