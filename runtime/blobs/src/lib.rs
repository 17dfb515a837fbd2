//! The runtime's test variants, built by this crate's build script with `--features build`: see
//! `build.rs`. Nothing here is linked; `scripts/test.sh` builds it and the end-to-end tests read
//! the blobs from the WASM build directory.
