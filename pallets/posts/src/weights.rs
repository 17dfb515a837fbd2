
//! Weights for `pallet_posts`, generated on this machine by `scripts/benchmark-weights.sh`.
//!
//! Benchmark CLI 64.0.0, 2026-11-22; steps 50, repeat 20;
//! host `vm`, CPU `AMD EPYC`; WASM execution Compiled.
//!
//! Executed command:
//! /root/.cache/plaza-target-benchmarks/release/plaza-node
//! benchmark
//! pallet
//! --runtime
//! /root/.cache/plaza-target-benchmarks/release/wbuild/plaza-runtime/plaza_runtime.compact.compressed.wasm
//! --genesis-builder=runtime
//! --genesis-builder-preset=development
//! --pallet
//! pallet_posts
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
//! pallets/posts/src/weights.rs
//! --template
//! scripts/pallet-weight-template.hbs

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use frame_support::{traits::Get, weights::{Weight, constants::RocksDbWeight}};
use core::marker::PhantomData;

/// Weight functions needed for `pallet_posts`.
pub trait WeightInfo {
	fn create_post() -> Weight;
	fn create_posts(n: u32, ) -> Weight;
	fn create_reply() -> Weight;
	fn edit_post() -> Weight;
	fn delete_post(d: u32, ) -> Weight;
	fn repost() -> Weight;
	fn sweep_recent_actions(n: u32, ) -> Weight;
}

/// Weights for `pallet_posts` with the runtime's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Storage: `Posts::RateWindows` (r:1 w:1)
	/// Proof: `Posts::RateWindows` (`max_values`: None, `max_size`: Some(56), added: 2531, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(103), added: 2578, mode: `MaxEncodedLen`)
	/// Storage: `Posts::PostsByAuthor` (r:0 w:1)
	/// Proof: `Posts::PostsByAuthor` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// Storage: `Posts::Posts` (r:0 w:1)
	/// Proof: `Posts::Posts` (`max_values`: None, `max_size`: Some(140), added: 2615, mode: `MaxEncodedLen`)
	fn create_post() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `0`
		//  Estimated: `3568`
		// Minimum execution time: 43_345_000 picoseconds.
		Weight::from_parts(46_560_000, 3568)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
	/// Storage: `Posts::RateWindows` (r:1 w:1)
	/// Proof: `Posts::RateWindows` (`max_values`: None, `max_size`: Some(56), added: 2531, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(103), added: 2578, mode: `MaxEncodedLen`)
	/// Storage: `Posts::PostsByAuthor` (r:0 w:20)
	/// Proof: `Posts::PostsByAuthor` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// Storage: `Posts::Posts` (r:0 w:20)
	/// Proof: `Posts::Posts` (`max_values`: None, `max_size`: Some(140), added: 2615, mode: `MaxEncodedLen`)
	/// The range of component `n` is `[1, 20]`.
	fn create_posts(n: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `0`
		//  Estimated: `3568`
		// Minimum execution time: 43_875_000 picoseconds.
		Weight::from_parts(41_899_213, 3568)
			// Standard Error: 1_519
			.saturating_add(Weight::from_parts(5_481_153, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
			.saturating_add(T::DbWeight::get().writes((2_u64).saturating_mul(n.into())))
	}
	/// Storage: `Posts::Posts` (r:1 w:2)
	/// Proof: `Posts::Posts` (`max_values`: None, `max_size`: Some(140), added: 2615, mode: `MaxEncodedLen`)
	/// Storage: `Posts::RateWindows` (r:1 w:1)
	/// Proof: `Posts::RateWindows` (`max_values`: None, `max_size`: Some(56), added: 2531, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(103), added: 2578, mode: `MaxEncodedLen`)
	/// Storage: `Posts::PostsByAuthor` (r:0 w:1)
	/// Proof: `Posts::PostsByAuthor` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// Storage: `Posts::Replies` (r:0 w:1)
	/// Proof: `Posts::Replies` (`max_values`: None, `max_size`: Some(32), added: 2507, mode: `MaxEncodedLen`)
	fn create_reply() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `214`
		//  Estimated: `3605`
		// Minimum execution time: 51_637_000 picoseconds.
		Weight::from_parts(55_623_000, 3605)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(6_u64))
	}
	/// Storage: `Posts::Posts` (r:1 w:1)
	/// Proof: `Posts::Posts` (`max_values`: None, `max_size`: Some(140), added: 2615, mode: `MaxEncodedLen`)
	fn edit_post() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `114`
		//  Estimated: `3605`
		// Minimum execution time: 8_403_000 picoseconds.
		Weight::from_parts(9_184_000, 3605)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Posts::Posts` (r:2 w:2)
	/// Proof: `Posts::Posts` (`max_values`: None, `max_size`: Some(140), added: 2615, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(103), added: 2578, mode: `MaxEncodedLen`)
	/// Storage: `Posts::PostsByAuthor` (r:0 w:1)
	/// Proof: `Posts::PostsByAuthor` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// Storage: `Posts::Reposts` (r:0 w:1)
	/// Proof: `Posts::Reposts` (`max_values`: None, `max_size`: Some(72), added: 2547, mode: `MaxEncodedLen`)
	fn delete_post(d: u32, ) -> Weight {
		// PLACEHOLDER-REGENERATE: the per-tombstone term
		let _ = d;
		// Proof Size summary in bytes:
		//  Measured:  `309`
		//  Estimated: `6220`
		// Minimum execution time: 42_653_000 picoseconds.
		Weight::from_parts(44_847_000, 6220)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	/// Storage: `Posts::Posts` (r:1 w:2)
	/// Proof: `Posts::Posts` (`max_values`: None, `max_size`: Some(140), added: 2615, mode: `MaxEncodedLen`)
	/// Storage: `Posts::Reposts` (r:1 w:1)
	/// Proof: `Posts::Reposts` (`max_values`: None, `max_size`: Some(72), added: 2547, mode: `MaxEncodedLen`)
	/// Storage: `Posts::RateWindows` (r:1 w:1)
	/// Proof: `Posts::RateWindows` (`max_values`: None, `max_size`: Some(56), added: 2531, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(103), added: 2578, mode: `MaxEncodedLen`)
	/// Storage: `Posts::PostsByAuthor` (r:0 w:1)
	/// Proof: `Posts::PostsByAuthor` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	fn repost() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `214`
		//  Estimated: `3605`
		// Minimum execution time: 53_049_000 picoseconds.
		Weight::from_parts(56_264_000, 3605)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(6_u64))
	}
	fn sweep_recent_actions(n: u32, ) -> Weight {
		// PLACEHOLDER-REGENERATE
		Weight::from_parts(10_000_000, 0)
			.saturating_add(T::DbWeight::get().reads_writes(1, 1))
			.saturating_add(T::DbWeight::get().reads_writes(1, 1).saturating_mul(n.into()))
	}
}

/// The same weights with RocksDB's database weights, for tests and for runtimes that do not
/// configure their own.
impl WeightInfo for () {
	fn create_post() -> Weight {
		Weight::from_parts(46_560_000, 3568)
			.saturating_add(RocksDbWeight::get().reads(2_u64))
			.saturating_add(RocksDbWeight::get().writes(4_u64))
	}
	fn create_posts(n: u32, ) -> Weight {
		Weight::from_parts(41_899_213, 3568)
			.saturating_add(Weight::from_parts(5_481_153, 0).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(2_u64))
			.saturating_add(RocksDbWeight::get().writes(2_u64))
			.saturating_add(RocksDbWeight::get().writes((2_u64).saturating_mul(n.into())))
	}
	fn create_reply() -> Weight {
		Weight::from_parts(55_623_000, 3605)
			.saturating_add(RocksDbWeight::get().reads(3_u64))
			.saturating_add(RocksDbWeight::get().writes(6_u64))
	}
	fn edit_post() -> Weight {
		Weight::from_parts(9_184_000, 3605)
			.saturating_add(RocksDbWeight::get().reads(1_u64))
			.saturating_add(RocksDbWeight::get().writes(1_u64))
	}
	fn delete_post(d: u32, ) -> Weight {
		// PLACEHOLDER-REGENERATE: the per-tombstone term
		let _ = d;
		Weight::from_parts(44_847_000, 6220)
			.saturating_add(RocksDbWeight::get().reads(3_u64))
			.saturating_add(RocksDbWeight::get().writes(5_u64))
	}
	fn repost() -> Weight {
		Weight::from_parts(56_264_000, 3605)
			.saturating_add(RocksDbWeight::get().reads(4_u64))
			.saturating_add(RocksDbWeight::get().writes(6_u64))
	}
	fn sweep_recent_actions(n: u32, ) -> Weight {
		// PLACEHOLDER-REGENERATE
		Weight::from_parts(10_000_000, 0)
			.saturating_add(RocksDbWeight::get().reads_writes(1, 1))
			.saturating_add(RocksDbWeight::get().reads_writes(1, 1).saturating_mul(n.into()))
	}
}
