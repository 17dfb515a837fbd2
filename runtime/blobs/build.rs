//! Builds two variants of the runtime's WASM straight from `runtime/`, without compiling the
//! runtime natively again:
//!
//! - `plaza_runtime_next`: the runtime one `spec_version` higher (feature `next-spec-version`),
//!   which an end-to-end test enacts by referendum on a running network;
//! - `plaza_runtime_next_try_runtime`: the same with the `try-runtime` API, which
//!   `plaza-node try-runtime on-runtime-upgrade` runs against a snapshot of a live network first.
//!
//! Both land beside the runtime's own blob in `target/release/wbuild/plaza-runtime/`.

use std::path::Path;
use substrate_wasm_builder::WasmBuilder;

fn main() {
	if std::env::var_os("CARGO_FEATURE_BUILD").is_none() {
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
	for (features, file_name) in [
		(&["next-spec-version"][..], "plaza_runtime_next"),
		(&["next-spec-version", "try-runtime"][..], "plaza_runtime_next_try_runtime"),
	] {
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
