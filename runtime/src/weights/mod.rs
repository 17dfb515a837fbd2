//! Weights of the SDK's pallets, benchmarked on this project's machine by
//! `scripts/benchmark-weights.sh` (Plaza's own pallets keep theirs in their crates).

pub mod frame_system;
pub mod frame_system_extensions;
pub mod pallet_balances;
pub mod pallet_sudo;
pub mod pallet_timestamp;
pub mod pallet_utility;
