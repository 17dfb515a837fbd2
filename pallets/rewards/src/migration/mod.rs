//! Storage migrations of the rewards pallet, one module per storage version.

pub mod v1;
