//! Builds the runtime's WASM blob (embedded in the node as `WASM_BINARY`).

#[cfg(all(feature = "std", feature = "metadata-hash", not(feature = "next-spec-version")))]
fn main() {
	substrate_wasm_builder::WasmBuilder::init_with_defaults()
		.enable_metadata_hash("PLZ", 12)
		.build();
}

#[cfg(all(feature = "std", not(feature = "metadata-hash"), not(feature = "next-spec-version")))]
fn main() {
	substrate_wasm_builder::WasmBuilder::build_using_defaults();
}

/// The runtime one `spec_version` higher, for the runtime-upgrade test: its own blob
/// (`plaza_runtime_next.compact.compressed.wasm`) beside the runtime's, so that building one
/// never overwrites the other.
#[cfg(all(feature = "std", feature = "next-spec-version"))]
fn main() {
	substrate_wasm_builder::WasmBuilder::init_with_defaults()
		.enable_feature("next-spec-version")
		.set_file_name("plaza_runtime_next")
		.build();
}

/// Nothing to build when this crate itself is compiled to WASM.
#[cfg(not(feature = "std"))]
fn main() {}
