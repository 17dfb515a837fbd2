//! Builds the runtime's WASM blob (embedded in the node as `WASM_BINARY`).

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
