//! The node's client and backend types, shared by the service and the readers of its finalized
//! blocks (the social index's source and the pinner's).

use plaza_runtime::{apis::RuntimeApi, opaque::Block};

/// The client: the runtime executed in WASM with Substrate's host functions.
pub(crate) type FullClient =
	sc_service::TFullClient<Block, RuntimeApi, sc_executor::WasmExecutor<HostFunctions>>;

/// The host functions the runtime may call; a runtime built with its benchmarks also calls the
/// benchmarking ones (`benchmark storage` and `benchmark overhead` run it in the node).
#[cfg(not(feature = "runtime-benchmarks"))]
pub(crate) type HostFunctions = sp_io::SubstrateHostFunctions;
#[cfg(feature = "runtime-benchmarks")]
pub(crate) type HostFunctions =
	(sp_io::SubstrateHostFunctions, frame_benchmarking::benchmarking::HostFunctions);

/// The database backend.
pub(crate) type FullBackend = sc_service::TFullBackend<Block>;
