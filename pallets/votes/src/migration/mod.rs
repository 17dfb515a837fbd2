//! Storage migrations of the votes pallet, one module per storage version.

pub mod v1;
