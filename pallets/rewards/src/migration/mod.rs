//! Storage migrations of the rewards pallet, one module per storage version.

pub mod v1;
pub mod v2;
