
//! Weights for `pallet_posts`, generated on this machine by `scripts/benchmark-weights.sh`.
//!
//! Benchmark CLI 64.0.0, 2026-12-02; steps 50, repeat 20;
//! host `vm`, CPU `AMD EPYC`; WASM execution Compiled.
//!
//! Executed command:
//! /root/.cache/plaza-target/release/plaza-node
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
//!
//! Reference-hardware margin: every execution time in the code below is 150 % of the
//! time measured, which the comments give (scripts/weight-margin.sh), times 128 %: the
//! reference EPYC's time in percent of the time of the machine that measured
//! (MACHINE_SCALE_PERCENT), so that the weights are at the reference EPYC's scale.

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use frame_support::{traits::Get, weights::{Weight, constants::RocksDbWeight}};
use core::marker::PhantomData;

/// Weight functions needed for `pallet_posts`.
pub trait WeightInfo {
	fn create_post() -> Weight;
	fn create_post_in_batch(n: u32, ) -> Weight;
	fn create_posts(n: u32, ) -> Weight;
	fn create_reply() -> Weight;
	fn edit_post() -> Weight;
	fn delete_post(d: u32, ) -> Weight;
	fn repost() -> Weight;
	fn sweep_recent_actions(n: u32, ) -> Weight;
	fn remove_retired_index(n: u32, ) -> Weight;
}

/// Weights for `pallet_posts` with the runtime's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Storage: `Posts::RecentActions` (r:1 w:1)
	/// Proof: `Posts::RecentActions` (`max_values`: None, `max_size`: Some(209), added: 2684, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(157), added: 2632, mode: `MaxEncodedLen`)
	/// Storage: `Posts::DepositPayers` (r:0 w:1)
	/// Proof: `Posts::DepositPayers` (`max_values`: None, `max_size`: Some(48), added: 2523, mode: `MaxEncodedLen`)
	/// Storage: `Posts::Posts` (r:0 w:1)
	/// Proof: `Posts::Posts` (`max_values`: None, `max_size`: Some(140), added: 2615, mode: `MaxEncodedLen`)
	fn create_post() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `177`
		//  Estimated: `3674`
		// Minimum execution time: 68_923_000 picoseconds.
		Weight::from_parts(139_618_560, 3674)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	/// Storage: `Posts::RecentActions` (r:200 w:200)
	/// Proof: `Posts::RecentActions` (`max_values`: None, `max_size`: Some(209), added: 2684, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:0)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:0)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(157), added: 2632, mode: `MaxEncodedLen`)
	/// Storage: `Posts::DepositPayers` (r:0 w:200)
	/// Proof: `Posts::DepositPayers` (`max_values`: None, `max_size`: Some(48), added: 2523, mode: `MaxEncodedLen`)
	/// Storage: `Posts::Posts` (r:0 w:200)
	/// Proof: `Posts::Posts` (`max_values`: None, `max_size`: Some(140), added: 2615, mode: `MaxEncodedLen`)
	/// The range of component `n` is `[1, 200]`.
	fn create_post_in_batch(n: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `0 + n * (84 ±0)`
		//  Estimated: `3622 + n * (2684 ±0)`
		// Minimum execution time: 27_031_000 picoseconds.
		Weight::from_parts(93_470_469, 3622)
			// Standard Error: 108_218
			.saturating_add(Weight::from_parts(38_378_200, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes((3_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 2684).saturating_mul(n.into()))
	}
	/// Storage: `Posts::RecentActions` (r:1 w:1)
	/// Proof: `Posts::RecentActions` (`max_values`: None, `max_size`: Some(209), added: 2684, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(157), added: 2632, mode: `MaxEncodedLen`)
	/// Storage: `Posts::DepositPayers` (r:0 w:20)
	/// Proof: `Posts::DepositPayers` (`max_values`: None, `max_size`: Some(48), added: 2523, mode: `MaxEncodedLen`)
	/// Storage: `Posts::Posts` (r:0 w:20)
	/// Proof: `Posts::Posts` (`max_values`: None, `max_size`: Some(140), added: 2615, mode: `MaxEncodedLen`)
	/// The range of component `n` is `[1, 20]`.
	fn create_posts(n: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `185`
		//  Estimated: `3674`
		// Minimum execution time: 69_193_000 picoseconds.
		Weight::from_parts(127_390_326, 3674)
			// Standard Error: 6_205
			.saturating_add(Weight::from_parts(14_866_406, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
			.saturating_add(T::DbWeight::get().writes((2_u64).saturating_mul(n.into())))
	}
	/// Storage: `Posts::Posts` (r:1 w:2)
	/// Proof: `Posts::Posts` (`max_values`: None, `max_size`: Some(140), added: 2615, mode: `MaxEncodedLen`)
	/// Storage: `Posts::RecentActions` (r:1 w:1)
	/// Proof: `Posts::RecentActions` (`max_values`: None, `max_size`: Some(209), added: 2684, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(157), added: 2632, mode: `MaxEncodedLen`)
	/// Storage: `Posts::DepositPayers` (r:0 w:1)
	/// Proof: `Posts::DepositPayers` (`max_values`: None, `max_size`: Some(48), added: 2523, mode: `MaxEncodedLen`)
	/// Storage: `Posts::Replies` (r:0 w:1)
	/// Proof: `Posts::Replies` (`max_values`: None, `max_size`: Some(32), added: 2507, mode: `MaxEncodedLen`)
	fn create_reply() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `449`
		//  Estimated: `3674`
		// Minimum execution time: 80_039_000 picoseconds.
		Weight::from_parts(160_752_000, 3674)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(7_u64))
	}
	/// Storage: `Posts::Posts` (r:1 w:1)
	/// Proof: `Posts::Posts` (`max_values`: None, `max_size`: Some(140), added: 2615, mode: `MaxEncodedLen`)
	/// Storage: `Posts::RecentActions` (r:1 w:1)
	/// Proof: `Posts::RecentActions` (`max_values`: None, `max_size`: Some(209), added: 2684, mode: `MaxEncodedLen`)
	fn edit_post() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `305`
		//  Estimated: `3674`
		// Minimum execution time: 20_380_000 picoseconds.
		Weight::from_parts(42_687_360, 3674)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `Posts::Posts` (r:17 w:17)
	/// Proof: `Posts::Posts` (`max_values`: None, `max_size`: Some(140), added: 2615, mode: `MaxEncodedLen`)
	/// Storage: `Posts::Replies` (r:33 w:16)
	/// Proof: `Posts::Replies` (`max_values`: None, `max_size`: Some(32), added: 2507, mode: `MaxEncodedLen`)
	/// Storage: `Posts::DepositPayers` (r:17 w:17)
	/// Proof: `Posts::DepositPayers` (`max_values`: None, `max_size`: Some(48), added: 2523, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(157), added: 2632, mode: `MaxEncodedLen`)
	/// The range of component `d` is `[0, 16]`.
	fn delete_post(d: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `311 + d * (197 ±0)`
		//  Estimated: `4329 + d * (5014 ±13)`
		// Minimum execution time: 71_676_000 picoseconds.
		Weight::from_parts(129_599_965, 4329)
			// Standard Error: 54_002
			.saturating_add(Weight::from_parts(110_591_892, 0).saturating_mul(d.into()))
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().reads((4_u64).saturating_mul(d.into())))
			.saturating_add(T::DbWeight::get().writes(5_u64))
			.saturating_add(T::DbWeight::get().writes((3_u64).saturating_mul(d.into())))
			.saturating_add(Weight::from_parts(0, 5014).saturating_mul(d.into()))
	}
	/// Storage: `Posts::Posts` (r:1 w:2)
	/// Proof: `Posts::Posts` (`max_values`: None, `max_size`: Some(140), added: 2615, mode: `MaxEncodedLen`)
	/// Storage: `Posts::Reposts` (r:1 w:1)
	/// Proof: `Posts::Reposts` (`max_values`: None, `max_size`: Some(72), added: 2547, mode: `MaxEncodedLen`)
	/// Storage: `Posts::RecentActions` (r:1 w:1)
	/// Proof: `Posts::RecentActions` (`max_values`: None, `max_size`: Some(209), added: 2684, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(157), added: 2632, mode: `MaxEncodedLen`)
	/// Storage: `Posts::DepositPayers` (r:0 w:1)
	/// Proof: `Posts::DepositPayers` (`max_values`: None, `max_size`: Some(48), added: 2523, mode: `MaxEncodedLen`)
	fn repost() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `449`
		//  Estimated: `3674`
		// Minimum execution time: 78_576_000 picoseconds.
		Weight::from_parts(157_518_720, 3674)
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().writes(7_u64))
	}
	/// Storage: `Posts::SweepCursor` (r:1 w:1)
	/// Proof: `Posts::SweepCursor` (`max_values`: Some(1), `max_size`: Some(130), added: 625, mode: `MaxEncodedLen`)
	/// Storage: `Posts::RecentActions` (r:257 w:256)
	/// Proof: `Posts::RecentActions` (`max_values`: None, `max_size`: Some(209), added: 2684, mode: `MaxEncodedLen`)
	/// The range of component `n` is `[0, 256]`.
	fn sweep_recent_actions(n: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `0 + n * (85 ±0)`
		//  Estimated: `3674 + n * (2684 ±0)`
		// Minimum execution time: 4_106_000 picoseconds.
		Weight::from_parts(8_346_240, 3674)
			// Standard Error: 3_109
			.saturating_add(Weight::from_parts(11_038_742, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(1_u64))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 2684).saturating_mul(n.into()))
	}
	/// Storage: `Posts::RetiredIndexCursor` (r:1 w:1)
	/// Proof: `Posts::RetiredIndexCursor` (`max_values`: Some(1), `max_size`: Some(130), added: 625, mode: `MaxEncodedLen`)
	/// Storage: UNKNOWN KEY `0xa31f5a5260e78d7df27950c13d40704c0f3f40aa85e8d0d0773365f54a663e28` (r:1025 w:1024)
	/// Proof: UNKNOWN KEY `0xa31f5a5260e78d7df27950c13d40704c0f3f40aa85e8d0d0773365f54a663e28` (r:1025 w:1024)
	/// The range of component `n` is `[0, 1024]`.
	fn remove_retired_index(n: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `95 + n * (19 ±0)`
		//  Estimated: `3570 + n * (2495 ±0)`
		// Minimum execution time: 2_474_000 picoseconds.
		Weight::from_parts(4_942_080, 3570)
			// Standard Error: 1_342
			.saturating_add(Weight::from_parts(1_716_470, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(1_u64))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 2495).saturating_mul(n.into()))
	}
}

/// The same weights with RocksDB's database weights, for tests and for runtimes that do not
/// configure their own.
impl WeightInfo for () {
	fn create_post() -> Weight {
		Weight::from_parts(139_618_560, 3674)
			.saturating_add(RocksDbWeight::get().reads(3_u64))
			.saturating_add(RocksDbWeight::get().writes(5_u64))
	}
	fn create_post_in_batch(n: u32, ) -> Weight {
		Weight::from_parts(93_470_469, 3622)
			.saturating_add(Weight::from_parts(38_378_200, 0).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(2_u64))
			.saturating_add(RocksDbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(RocksDbWeight::get().writes((3_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 2684).saturating_mul(n.into()))
	}
	fn create_posts(n: u32, ) -> Weight {
		Weight::from_parts(127_390_326, 3674)
			.saturating_add(Weight::from_parts(14_866_406, 0).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(3_u64))
			.saturating_add(RocksDbWeight::get().writes(3_u64))
			.saturating_add(RocksDbWeight::get().writes((2_u64).saturating_mul(n.into())))
	}
	fn create_reply() -> Weight {
		Weight::from_parts(160_752_000, 3674)
			.saturating_add(RocksDbWeight::get().reads(4_u64))
			.saturating_add(RocksDbWeight::get().writes(7_u64))
	}
	fn edit_post() -> Weight {
		Weight::from_parts(42_687_360, 3674)
			.saturating_add(RocksDbWeight::get().reads(2_u64))
			.saturating_add(RocksDbWeight::get().writes(2_u64))
	}
	fn delete_post(d: u32, ) -> Weight {
		Weight::from_parts(129_599_965, 4329)
			.saturating_add(Weight::from_parts(110_591_892, 0).saturating_mul(d.into()))
			.saturating_add(RocksDbWeight::get().reads(5_u64))
			.saturating_add(RocksDbWeight::get().reads((4_u64).saturating_mul(d.into())))
			.saturating_add(RocksDbWeight::get().writes(5_u64))
			.saturating_add(RocksDbWeight::get().writes((3_u64).saturating_mul(d.into())))
			.saturating_add(Weight::from_parts(0, 5014).saturating_mul(d.into()))
	}
	fn repost() -> Weight {
		Weight::from_parts(157_518_720, 3674)
			.saturating_add(RocksDbWeight::get().reads(5_u64))
			.saturating_add(RocksDbWeight::get().writes(7_u64))
	}
	fn sweep_recent_actions(n: u32, ) -> Weight {
		Weight::from_parts(8_346_240, 3674)
			.saturating_add(Weight::from_parts(11_038_742, 0).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(2_u64))
			.saturating_add(RocksDbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(RocksDbWeight::get().writes(1_u64))
			.saturating_add(RocksDbWeight::get().writes((1_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 2684).saturating_mul(n.into()))
	}
	fn remove_retired_index(n: u32, ) -> Weight {
		Weight::from_parts(4_942_080, 3570)
			.saturating_add(Weight::from_parts(1_716_470, 0).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(2_u64))
			.saturating_add(RocksDbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(RocksDbWeight::get().writes(1_u64))
			.saturating_add(RocksDbWeight::get().writes((1_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 2495).saturating_mul(n.into()))
	}
}
