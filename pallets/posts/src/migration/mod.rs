//! Storage migrations of the posts pallet, one module per storage version.

pub mod v1;
pub mod v2;
