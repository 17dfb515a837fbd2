
//! Weights for `pallet_posts`, generated on this machine by `scripts/benchmark-weights.sh`.
//!
//! Benchmark CLI 64.0.0, 2026-12-03; steps 50, repeat 20;
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
	fn post_in_community() -> Weight;
	fn create_reply() -> Weight;
	fn edit_post() -> Weight;
	fn delete_post(d: u32, ) -> Weight;
	fn repost() -> Weight;
	fn report_post() -> Weight;
	fn sweep_recent_actions(n: u32, ) -> Weight;
	fn remove_retired_index(n: u32, ) -> Weight;
}

/// Weights for `pallet_posts` with the runtime's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Storage: `Posts::RecentActions` (r:1 w:1)
	/// Proof: `Posts::RecentActions` (`max_values`: None, `max_size`: Some(209), added: 2684, mode: `MaxEncodedLen`)
	/// Storage: `Parameters::Parameters` (r:3 w:0)
	/// Proof: `Parameters::Parameters` (`max_values`: None, `max_size`: Some(36), added: 2511, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(283), added: 2758, mode: `MaxEncodedLen`)
	/// Storage: `Posts::DepositPayers` (r:0 w:1)
	/// Proof: `Posts::DepositPayers` (`max_values`: None, `max_size`: Some(48), added: 2523, mode: `MaxEncodedLen`)
	/// Storage: `Posts::Posts` (r:0 w:1)
	/// Proof: `Posts::Posts` (`max_values`: None, `max_size`: Some(140), added: 2615, mode: `MaxEncodedLen`)
	fn create_post() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `180`
		//  Estimated: `8523`
		// Minimum execution time: 108_241_000 picoseconds.
		Weight::from_parts(217_128_960, 8523)
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	/// Storage: `Posts::RecentActions` (r:200 w:200)
	/// Proof: `Posts::RecentActions` (`max_values`: None, `max_size`: Some(209), added: 2684, mode: `MaxEncodedLen`)
	/// Storage: `Parameters::Parameters` (r:3 w:0)
	/// Proof: `Parameters::Parameters` (`max_values`: None, `max_size`: Some(36), added: 2511, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:0)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:0)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(283), added: 2758, mode: `MaxEncodedLen`)
	/// Storage: `Posts::DepositPayers` (r:0 w:200)
	/// Proof: `Posts::DepositPayers` (`max_values`: None, `max_size`: Some(48), added: 2523, mode: `MaxEncodedLen`)
	/// Storage: `Posts::Posts` (r:0 w:200)
	/// Proof: `Posts::Posts` (`max_values`: None, `max_size`: Some(140), added: 2615, mode: `MaxEncodedLen`)
	/// The range of component `n` is `[1, 200]`.
	fn create_post_in_batch(n: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `0 + n * (85 ±0)`
		//  Estimated: `8523 + n * (2684 ±0)`
		// Minimum execution time: 71_606_000 picoseconds.
		Weight::from_parts(139_040_640, 8523)
			// Standard Error: 96_411
			.saturating_add(Weight::from_parts(113_342_360, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes((3_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 2684).saturating_mul(n.into()))
	}
	/// Storage: `Posts::RecentActions` (r:1 w:1)
	/// Proof: `Posts::RecentActions` (`max_values`: None, `max_size`: Some(209), added: 2684, mode: `MaxEncodedLen`)
	/// Storage: `Parameters::Parameters` (r:2 w:0)
	/// Proof: `Parameters::Parameters` (`max_values`: None, `max_size`: Some(36), added: 2511, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(283), added: 2758, mode: `MaxEncodedLen`)
	/// Storage: `Posts::DepositPayers` (r:0 w:20)
	/// Proof: `Posts::DepositPayers` (`max_values`: None, `max_size`: Some(48), added: 2523, mode: `MaxEncodedLen`)
	/// Storage: `Posts::Posts` (r:0 w:20)
	/// Proof: `Posts::Posts` (`max_values`: None, `max_size`: Some(140), added: 2615, mode: `MaxEncodedLen`)
	/// The range of component `n` is `[1, 20]`.
	fn create_posts(n: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `188`
		//  Estimated: `8632`
		// Minimum execution time: 110_073_000 picoseconds.
		Weight::from_parts(210_859_369, 8632)
			// Standard Error: 12_016
			.saturating_add(Weight::from_parts(11_992_326, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
			.saturating_add(T::DbWeight::get().writes((2_u64).saturating_mul(n.into())))
	}
	/// Storage: `Communities::Communities` (r:1 w:0)
	/// Proof: `Communities::Communities` (`max_values`: None, `max_size`: Some(1162), added: 3637, mode: `MaxEncodedLen`)
	/// Storage: `Communities::Bans` (r:1 w:0)
	/// Proof: `Communities::Bans` (`max_values`: None, `max_size`: Some(108), added: 2583, mode: `MaxEncodedLen`)
	/// Storage: `Communities::Memberships` (r:1 w:0)
	/// Proof: `Communities::Memberships` (`max_values`: None, `max_size`: Some(82), added: 2557, mode: `MaxEncodedLen`)
	/// Storage: `Posts::RecentActions` (r:1 w:1)
	/// Proof: `Posts::RecentActions` (`max_values`: None, `max_size`: Some(209), added: 2684, mode: `MaxEncodedLen`)
	/// Storage: `Parameters::Parameters` (r:3 w:0)
	/// Proof: `Parameters::Parameters` (`max_values`: None, `max_size`: Some(36), added: 2511, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(283), added: 2758, mode: `MaxEncodedLen`)
	/// Storage: `Posts::DepositPayers` (r:0 w:1)
	/// Proof: `Posts::DepositPayers` (`max_values`: None, `max_size`: Some(48), added: 2523, mode: `MaxEncodedLen`)
	/// Storage: `Posts::PostCommunity` (r:0 w:1)
	/// Proof: `Posts::PostCommunity` (`max_values`: None, `max_size`: Some(20), added: 2495, mode: `MaxEncodedLen`)
	/// Storage: `Posts::Posts` (r:0 w:1)
	/// Proof: `Posts::Posts` (`max_values`: None, `max_size`: Some(140), added: 2615, mode: `MaxEncodedLen`)
	fn post_in_community() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `722`
		//  Estimated: `8523`
		// Minimum execution time: 126_808_000 picoseconds.
		Weight::from_parts(276_005_760, 8523)
			.saturating_add(T::DbWeight::get().reads(9_u64))
			.saturating_add(T::DbWeight::get().writes(6_u64))
	}
	/// Storage: `Posts::Posts` (r:2 w:2)
	/// Proof: `Posts::Posts` (`max_values`: None, `max_size`: Some(140), added: 2615, mode: `MaxEncodedLen`)
	/// Storage: `Profiles::Blocks` (r:3 w:0)
	/// Proof: `Profiles::Blocks` (`max_values`: None, `max_size`: Some(112), added: 2587, mode: `MaxEncodedLen`)
	/// Storage: `Posts::PostCommunity` (r:1 w:0)
	/// Proof: `Posts::PostCommunity` (`max_values`: None, `max_size`: Some(20), added: 2495, mode: `MaxEncodedLen`)
	/// Storage: `Communities::Communities` (r:1 w:0)
	/// Proof: `Communities::Communities` (`max_values`: None, `max_size`: Some(1162), added: 3637, mode: `MaxEncodedLen`)
	/// Storage: `Communities::Bans` (r:1 w:0)
	/// Proof: `Communities::Bans` (`max_values`: None, `max_size`: Some(108), added: 2583, mode: `MaxEncodedLen`)
	/// Storage: `Communities::Memberships` (r:1 w:0)
	/// Proof: `Communities::Memberships` (`max_values`: None, `max_size`: Some(82), added: 2557, mode: `MaxEncodedLen`)
	/// Storage: `Posts::RecentActions` (r:1 w:1)
	/// Proof: `Posts::RecentActions` (`max_values`: None, `max_size`: Some(209), added: 2684, mode: `MaxEncodedLen`)
	/// Storage: `Parameters::Parameters` (r:3 w:0)
	/// Proof: `Parameters::Parameters` (`max_values`: None, `max_size`: Some(36), added: 2511, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(283), added: 2758, mode: `MaxEncodedLen`)
	/// Storage: `Posts::DepositPayers` (r:0 w:1)
	/// Proof: `Posts::DepositPayers` (`max_values`: None, `max_size`: Some(48), added: 2523, mode: `MaxEncodedLen`)
	/// Storage: `Posts::Replies` (r:0 w:1)
	/// Proof: `Posts::Replies` (`max_values`: None, `max_size`: Some(32), added: 2507, mode: `MaxEncodedLen`)
	fn create_reply() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1175`
		//  Estimated: `8751`
		// Minimum execution time: 156_713_000 picoseconds.
		Weight::from_parts(331_290_240, 8751)
			.saturating_add(T::DbWeight::get().reads(15_u64))
			.saturating_add(T::DbWeight::get().writes(7_u64))
	}
	/// Storage: `Posts::Posts` (r:1 w:1)
	/// Proof: `Posts::Posts` (`max_values`: None, `max_size`: Some(140), added: 2615, mode: `MaxEncodedLen`)
	/// Storage: `Posts::RecentActions` (r:1 w:1)
	/// Proof: `Posts::RecentActions` (`max_values`: None, `max_size`: Some(209), added: 2684, mode: `MaxEncodedLen`)
	/// Storage: `Parameters::Parameters` (r:1 w:0)
	/// Proof: `Parameters::Parameters` (`max_values`: None, `max_size`: Some(36), added: 2511, mode: `MaxEncodedLen`)
	fn edit_post() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `308`
		//  Estimated: `3674`
		// Minimum execution time: 56_544_000 picoseconds.
		Weight::from_parts(115_294_080, 3674)
			.saturating_add(T::DbWeight::get().reads(3_u64))
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
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(283), added: 2758, mode: `MaxEncodedLen`)
	/// Storage: `Posts::PostCommunity` (r:0 w:17)
	/// Proof: `Posts::PostCommunity` (`max_values`: None, `max_size`: Some(20), added: 2495, mode: `MaxEncodedLen`)
	/// The range of component `d` is `[0, 16]`.
	fn delete_post(d: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `311 + d * (197 ±0)`
		//  Estimated: `4266 + d * (5014 ±13)`
		// Minimum execution time: 76_514_000 picoseconds.
		Weight::from_parts(194_364_156, 4266)
			// Standard Error: 563_237
			.saturating_add(Weight::from_parts(127_072_367, 0).saturating_mul(d.into()))
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().reads((4_u64).saturating_mul(d.into())))
			.saturating_add(T::DbWeight::get().writes(6_u64))
			.saturating_add(T::DbWeight::get().writes((4_u64).saturating_mul(d.into())))
			.saturating_add(Weight::from_parts(0, 5014).saturating_mul(d.into()))
	}
	/// Storage: `Posts::Posts` (r:1 w:2)
	/// Proof: `Posts::Posts` (`max_values`: None, `max_size`: Some(140), added: 2615, mode: `MaxEncodedLen`)
	/// Storage: `Posts::Reposts` (r:1 w:1)
	/// Proof: `Posts::Reposts` (`max_values`: None, `max_size`: Some(72), added: 2547, mode: `MaxEncodedLen`)
	/// Storage: `Profiles::Blocks` (r:2 w:0)
	/// Proof: `Profiles::Blocks` (`max_values`: None, `max_size`: Some(112), added: 2587, mode: `MaxEncodedLen`)
	/// Storage: `Posts::RecentActions` (r:1 w:1)
	/// Proof: `Posts::RecentActions` (`max_values`: None, `max_size`: Some(209), added: 2684, mode: `MaxEncodedLen`)
	/// Storage: `Parameters::Parameters` (r:3 w:0)
	/// Proof: `Parameters::Parameters` (`max_values`: None, `max_size`: Some(36), added: 2511, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(283), added: 2758, mode: `MaxEncodedLen`)
	/// Storage: `Posts::DepositPayers` (r:0 w:1)
	/// Proof: `Posts::DepositPayers` (`max_values`: None, `max_size`: Some(48), added: 2523, mode: `MaxEncodedLen`)
	fn repost() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `456`
		//  Estimated: `8523`
		// Minimum execution time: 125_356_000 picoseconds.
		Weight::from_parts(312_522_240, 8523)
			.saturating_add(T::DbWeight::get().reads(10_u64))
			.saturating_add(T::DbWeight::get().writes(7_u64))
	}
	/// Storage: `Posts::Posts` (r:1 w:0)
	/// Proof: `Posts::Posts` (`max_values`: None, `max_size`: Some(140), added: 2615, mode: `MaxEncodedLen`)
	/// Storage: `Posts::RecentActions` (r:1 w:1)
	/// Proof: `Posts::RecentActions` (`max_values`: None, `max_size`: Some(209), added: 2684, mode: `MaxEncodedLen`)
	/// Storage: `Parameters::Parameters` (r:1 w:0)
	/// Proof: `Parameters::Parameters` (`max_values`: None, `max_size`: Some(36), added: 2511, mode: `MaxEncodedLen`)
	/// Storage: `Posts::PostCommunity` (r:1 w:0)
	/// Proof: `Posts::PostCommunity` (`max_values`: None, `max_size`: Some(20), added: 2495, mode: `MaxEncodedLen`)
	fn report_post() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `408`
		//  Estimated: `3674`
		// Minimum execution time: 62_523_000 picoseconds.
		Weight::from_parts(176_113_920, 3674)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Posts::SweepCursor` (r:1 w:1)
	/// Proof: `Posts::SweepCursor` (`max_values`: Some(1), `max_size`: Some(130), added: 625, mode: `MaxEncodedLen`)
	/// Storage: `Posts::RecentActions` (r:257 w:256)
	/// Proof: `Posts::RecentActions` (`max_values`: None, `max_size`: Some(209), added: 2684, mode: `MaxEncodedLen`)
	/// Storage: `Parameters::Parameters` (r:1 w:0)
	/// Proof: `Parameters::Parameters` (`max_values`: None, `max_size`: Some(36), added: 2511, mode: `MaxEncodedLen`)
	/// The range of component `n` is `[0, 256]`.
	fn sweep_recent_actions(n: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `0 + n * (85 ±0)`
		//  Estimated: `3674 + n * (2684 ±0)`
		// Minimum execution time: 5_588_000 picoseconds.
		Weight::from_parts(168_427_419, 3674)
			// Standard Error: 57_605
			.saturating_add(Weight::from_parts(17_172_127, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(3_u64))
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
		// Minimum execution time: 2_454_000 picoseconds.
		Weight::from_parts(5_142_492, 3570)
			// Standard Error: 11_048
			.saturating_add(Weight::from_parts(2_171_023, 0).saturating_mul(n.into()))
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
		Weight::from_parts(217_128_960, 8523)
			.saturating_add(RocksDbWeight::get().reads(6_u64))
			.saturating_add(RocksDbWeight::get().writes(5_u64))
	}
	fn create_post_in_batch(n: u32, ) -> Weight {
		Weight::from_parts(139_040_640, 8523)
			.saturating_add(Weight::from_parts(113_342_360, 0).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(5_u64))
			.saturating_add(RocksDbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(RocksDbWeight::get().writes((3_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 2684).saturating_mul(n.into()))
	}
	fn create_posts(n: u32, ) -> Weight {
		Weight::from_parts(210_859_369, 8632)
			.saturating_add(Weight::from_parts(11_992_326, 0).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(6_u64))
			.saturating_add(RocksDbWeight::get().writes(3_u64))
			.saturating_add(RocksDbWeight::get().writes((2_u64).saturating_mul(n.into())))
	}
	fn post_in_community() -> Weight {
		Weight::from_parts(276_005_760, 8523)
			.saturating_add(RocksDbWeight::get().reads(9_u64))
			.saturating_add(RocksDbWeight::get().writes(6_u64))
	}
	fn create_reply() -> Weight {
		Weight::from_parts(331_290_240, 8751)
			.saturating_add(RocksDbWeight::get().reads(15_u64))
			.saturating_add(RocksDbWeight::get().writes(7_u64))
	}
	fn edit_post() -> Weight {
		Weight::from_parts(115_294_080, 3674)
			.saturating_add(RocksDbWeight::get().reads(3_u64))
			.saturating_add(RocksDbWeight::get().writes(2_u64))
	}
	fn delete_post(d: u32, ) -> Weight {
		Weight::from_parts(194_364_156, 4266)
			.saturating_add(Weight::from_parts(127_072_367, 0).saturating_mul(d.into()))
			.saturating_add(RocksDbWeight::get().reads(5_u64))
			.saturating_add(RocksDbWeight::get().reads((4_u64).saturating_mul(d.into())))
			.saturating_add(RocksDbWeight::get().writes(6_u64))
			.saturating_add(RocksDbWeight::get().writes((4_u64).saturating_mul(d.into())))
			.saturating_add(Weight::from_parts(0, 5014).saturating_mul(d.into()))
	}
	fn repost() -> Weight {
		Weight::from_parts(312_522_240, 8523)
			.saturating_add(RocksDbWeight::get().reads(10_u64))
			.saturating_add(RocksDbWeight::get().writes(7_u64))
	}
	fn report_post() -> Weight {
		Weight::from_parts(176_113_920, 3674)
			.saturating_add(RocksDbWeight::get().reads(4_u64))
			.saturating_add(RocksDbWeight::get().writes(1_u64))
	}
	fn sweep_recent_actions(n: u32, ) -> Weight {
		Weight::from_parts(168_427_419, 3674)
			.saturating_add(Weight::from_parts(17_172_127, 0).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(3_u64))
			.saturating_add(RocksDbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(RocksDbWeight::get().writes(1_u64))
			.saturating_add(RocksDbWeight::get().writes((1_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 2684).saturating_mul(n.into()))
	}
	fn remove_retired_index(n: u32, ) -> Weight {
		Weight::from_parts(5_142_492, 3570)
			.saturating_add(Weight::from_parts(2_171_023, 0).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(2_u64))
			.saturating_add(RocksDbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(RocksDbWeight::get().writes(1_u64))
			.saturating_add(RocksDbWeight::get().writes((1_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 2495).saturating_mul(n.into()))
	}
}
