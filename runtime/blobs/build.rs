//! Builds variants of the runtime's WASM straight from `runtime/`, without compiling the runtime
//! natively again:
//!
//! - `plaza_runtime_next` (feature `build`): the runtime one `spec_version` higher (runtime
//!   feature `next-spec-version`), which an end-to-end test enacts by referendum on a running
//!   network;
//! - `plaza_runtime_next_try_runtime` (feature `build-try-runtime`): the same with the
//!   `try-runtime` API, which `plaza-node try-runtime on-runtime-upgrade` runs against a snapshot
//!   of a live network first. It compiles FRAME for WASM again (with `try-runtime`), so
//!   `scripts/test.sh` builds it while the end-to-end tests run rather than before.
//!
//! They land beside the runtime's own blob in `target/release/wbuild/plaza-runtime/`.

use std::path::Path;
use substrate_wasm_builder::WasmBuilder;

fn main() {
	let feature = |name: &str| std::env::var_os(format!("CARGO_FEATURE_{name}")).is_some();
	let mut variants = Vec::new();
	if feature("BUILD") {
		variants.push((&["next-spec-version"][..], "plaza_runtime_next"));
	}
	if feature("BUILD_TRY_RUNTIME") {
		variants
			.push((&["next-spec-version", "try-runtime"][..], "plaza_runtime_next_try_runtime"));
	}
	if variants.is_empty() {
		return;
	}
	// The WASM builder finds the project in `cargo metadata` by this path: it must be canonical.
	// Cargo sets CARGO_MANIFEST_DIR when it runs the script (not `env!`, which would keep the
	// directory the script was compiled in: a checkout elsewhere sharing the target directory
	// reuses the compiled script).
	let manifest_dir =
		std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
	let runtime = Path::new(&manifest_dir)
		.join("../Cargo.toml")
		.canonicalize()
		.expect("runtime/Cargo.toml exists");
	for (features, file_name) in variants {
		let mut builder = WasmBuilder::new()
			.with_project(runtime.clone())
			.expect("a Cargo.toml")
			.import_memory()
			.export_heap_base()
			.set_file_name(file_name);
		for feature in features {
			builder = builder.enable_feature(*feature);
		}
		builder.build();
	}
}
