
//! Weights for `pallet_profiles`, generated on this machine by `scripts/benchmark-weights.sh`.
//!
//! Benchmark CLI 64.0.0, 2026-12-01; steps 50, repeat 20;
//! host `vm`, CPU `AMD EPYC`; WASM execution Compiled.
//!
//! Executed command:
//! /root/.cache/plaza-target/release/plaza-node
//! benchmark
//! pallet
//! --runtime
//! /root/.cache/plaza-target/release/wbuild/plaza-runtime/plaza_runtime.compact.compressed.wasm
//! --genesis-builder=runtime
//! --genesis-builder-preset=development
//! --pallet
//! pallet_profiles
//! --extrinsic
//! *
//! --steps
//! 50
//! --repeat
//! 20
//! --wasm-execution
//! compiled
//! --heap-pages
//! 4096
//! --output
//! pallets/profiles/src/weights.rs
//! --template
//! scripts/pallet-weight-template.hbs
//!
//! Reference-hardware margin: every execution time in the code below is 130 % of the
//! time measured, which the comments give (scripts/weight-margin.sh).

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use frame_support::{traits::Get, weights::{Weight, constants::RocksDbWeight}};
use core::marker::PhantomData;

/// Weight functions needed for `pallet_profiles`.
pub trait WeightInfo {
	fn set_profile() -> Weight;
	fn clear_profile() -> Weight;
	fn follow() -> Weight;
	fn unfollow() -> Weight;
}

/// Weights for `pallet_profiles` with the runtime's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Storage: `Profiles::HandleOwners` (r:1 w:2)
	/// Proof: `Profiles::HandleOwners` (`max_values`: None, `max_size`: Some(81), added: 2556, mode: `MaxEncodedLen`)
	/// Storage: `Profiles::Profiles` (r:1 w:1)
	/// Proof: `Profiles::Profiles` (`max_values`: None, `max_size`: Some(204), added: 2679, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
	fn set_profile() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `330`
		//  Estimated: `3669`
		// Minimum execution time: 70_425_000 picoseconds.
		Weight::from_parts(97_658_600, 3669)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	/// Storage: `Profiles::Profiles` (r:1 w:1)
	/// Proof: `Profiles::Profiles` (`max_values`: None, `max_size`: Some(204), added: 2679, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
	/// Storage: `Profiles::HandleOwners` (r:0 w:1)
	/// Proof: `Profiles::HandleOwners` (`max_values`: None, `max_size`: Some(81), added: 2556, mode: `MaxEncodedLen`)
	fn clear_profile() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `424`
		//  Estimated: `3669`
		// Minimum execution time: 51_256_000 picoseconds.
		Weight::from_parts(71_268_600, 3669)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
	/// Storage: `Profiles::Following` (r:1 w:1)
	/// Proof: `Profiles::Following` (`max_values`: None, `max_size`: Some(112), added: 2587, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
	/// Storage: `Profiles::FollowCountsOf` (r:2 w:2)
	/// Proof: `Profiles::FollowCountsOf` (`max_values`: None, `max_size`: Some(56), added: 2531, mode: `MaxEncodedLen`)
	fn follow() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `105`
		//  Estimated: `6052`
		// Minimum execution time: 62_774_000 picoseconds.
		Weight::from_parts(86_344_700, 6052)
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	/// Storage: `Profiles::Following` (r:1 w:1)
	/// Proof: `Profiles::Following` (`max_values`: None, `max_size`: Some(112), added: 2587, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
	/// Storage: `Profiles::FollowCountsOf` (r:2 w:2)
	/// Proof: `Profiles::FollowCountsOf` (`max_values`: None, `max_size`: Some(56), added: 2531, mode: `MaxEncodedLen`)
	fn unfollow() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `441`
		//  Estimated: `6052`
		// Minimum execution time: 59_308_000 picoseconds.
		Weight::from_parts(81_786_900, 6052)
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
}

/// The same weights with RocksDB's database weights, for tests and for runtimes that do not
/// configure their own.
impl WeightInfo for () {
	fn set_profile() -> Weight {
		Weight::from_parts(97_658_600, 3669)
			.saturating_add(RocksDbWeight::get().reads(4_u64))
			.saturating_add(RocksDbWeight::get().writes(5_u64))
	}
	fn clear_profile() -> Weight {
		Weight::from_parts(71_268_600, 3669)
			.saturating_add(RocksDbWeight::get().reads(3_u64))
			.saturating_add(RocksDbWeight::get().writes(4_u64))
	}
	fn follow() -> Weight {
		Weight::from_parts(86_344_700, 6052)
			.saturating_add(RocksDbWeight::get().reads(5_u64))
			.saturating_add(RocksDbWeight::get().writes(5_u64))
	}
	fn unfollow() -> Weight {
		Weight::from_parts(81_786_900, 6052)
			.saturating_add(RocksDbWeight::get().reads(5_u64))
			.saturating_add(RocksDbWeight::get().writes(5_u64))
	}
}
