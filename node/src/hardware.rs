//! Plaza's reference hardware: the machine the runtime's weights are set for. A validator whose
//! machine falls short of it may take longer to author and import a full block than the weights
//! promise, so `plaza-node benchmark machine` checks a machine against these figures, and a
//! validator measures itself at start-up and warns when it falls short (as Polkadot's nodes do
//! against Polkadot's reference).
//!
//! The figures (`reference_hardware.json`, in MiB/s) are sc-sysinfo's scores of the machine the
//! weights were measured on (2 cores, an AMD EPYC) divided by 1.27, how much slower the slowest
//! machine of that kind seen (an Intel Xeon) imported full blocks: the machine the weights'
//! margin is set for (docs/benchmarks.md, "Reference hardware").

use std::{path::PathBuf, sync::LazyLock};

use sc_sysinfo::Requirements;

/// What a Plaza validator's machine must reach, metric by metric.
pub static PLAZA_REFERENCE_HARDWARE: LazyLock<Requirements> = LazyLock::new(|| {
	serde_json::from_slice(include_bytes!("reference_hardware.json"))
		.expect("reference_hardware.json is a list of sc-sysinfo requirements")
});

/// Measures this machine (CPU, memory, and the disk under `database`), logs the scores and, when
/// they fall short of [`PLAZA_REFERENCE_HARDWARE`], warns that the weights will not hold here.
/// Blocking: about a second of CPU and disk work.
pub fn check_validator_machine(database: Option<PathBuf>) {
	if let Some(directory) = &database {
		// The node has not opened its database yet on a first start.
		let _ = std::fs::create_dir_all(directory);
	}
	let scores = sc_sysinfo::gather_hwbench(database.as_deref(), &PLAZA_REFERENCE_HARDWARE);
	sc_sysinfo::print_hwbench(&scores);
	match PLAZA_REFERENCE_HARDWARE.check_hardware(&scores, true) {
		Ok(()) => log::info!("🏁 This machine meets Plaza's reference hardware for validators"),
		Err(failures) => log::warn!(
			"⚠️  This machine falls short of Plaza's reference hardware for validators \
			 (`plaza-node benchmark machine` tells by how much): {failures}. Full blocks may \
			 take longer to author and import here than their weight allows, and this \
			 validator may miss its slots or fall behind when blocks are full."
		),
	}
}
