//! Builds the runtime's WASM blob (embedded in the node as `WASM_BINARY`). The variants the tests
//! need (the next `spec_version`, try-runtime) are built by `runtime/blobs`.

#[cfg(all(feature = "std", feature = "metadata-hash"))]
fn main() {
	substrate_wasm_builder::WasmBuilder::init_with_defaults()
		.enable_metadata_hash("PLZ", 12)
		.build();
}

#[cfg(all(feature = "std", not(feature = "metadata-hash")))]
fn main() {
	substrate_wasm_builder::WasmBuilder::build_using_defaults();
}

/// Nothing to build when this crate itself is compiled to WASM.
#[cfg(not(feature = "std"))]
fn main() {}
