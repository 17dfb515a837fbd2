
//! Weights for `pallet_communities`, generated on this machine by `scripts/benchmark-weights.sh`.
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
//! pallet_communities
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
//! pallets/communities/src/weights.rs
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

/// Weight functions needed for `pallet_communities`.
pub trait WeightInfo {
	fn create_community() -> Weight;
	fn update_community() -> Weight;
	fn transfer_ownership() -> Weight;
	fn accept_ownership() -> Weight;
	fn close_community() -> Weight;
	fn add_moderator() -> Weight;
	fn remove_moderator() -> Weight;
	fn join() -> Weight;
	fn leave() -> Weight;
	fn approve_member() -> Weight;
	fn reject_member() -> Weight;
	fn hide_post() -> Weight;
	fn unhide_post() -> Weight;
	fn pin_post() -> Weight;
	fn unpin_post() -> Weight;
	fn mute_member() -> Weight;
	fn unmute_member() -> Weight;
	fn ban() -> Weight;
	fn unban() -> Weight;
}

/// Weights for `pallet_communities` with the runtime's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Storage: `Communities::CommunityHandles` (r:1 w:1)
	/// Proof: `Communities::CommunityHandles` (`max_values`: None, `max_size`: Some(53), added: 2528, mode: `MaxEncodedLen`)
	/// Storage: `Communities::NextCommunityId` (r:1 w:1)
	/// Proof: `Communities::NextCommunityId` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Parameters::Parameters` (r:2 w:0)
	/// Proof: `Parameters::Parameters` (`max_values`: None, `max_size`: Some(36), added: 2511, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(283), added: 2758, mode: `MaxEncodedLen`)
	/// Storage: `Communities::Communities` (r:0 w:1)
	/// Proof: `Communities::Communities` (`max_values`: None, `max_size`: Some(1162), added: 3637, mode: `MaxEncodedLen`)
	fn create_community() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `6`
		//  Estimated: `6012`
		// Minimum execution time: 74_671_000 picoseconds.
		Weight::from_parts(158_211_840, 6012)
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
	/// Storage: `Communities::Communities` (r:1 w:1)
	/// Proof: `Communities::Communities` (`max_values`: None, `max_size`: Some(1162), added: 3637, mode: `MaxEncodedLen`)
	fn update_community() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `337`
		//  Estimated: `4627`
		// Minimum execution time: 19_850_000 picoseconds.
		Weight::from_parts(50_263_680, 4627)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Communities::Communities` (r:1 w:1)
	/// Proof: `Communities::Communities` (`max_values`: None, `max_size`: Some(1162), added: 3637, mode: `MaxEncodedLen`)
	fn transfer_ownership() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `337`
		//  Estimated: `4627`
		// Minimum execution time: 14_842_000 picoseconds.
		Weight::from_parts(46_667_520, 4627)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Communities::Communities` (r:1 w:1)
	/// Proof: `Communities::Communities` (`max_values`: None, `max_size`: Some(1162), added: 3637, mode: `MaxEncodedLen`)
	/// Storage: `Parameters::Parameters` (r:2 w:0)
	/// Proof: `Parameters::Parameters` (`max_values`: None, `max_size`: Some(36), added: 2511, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:2 w:2)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(283), added: 2758, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	fn accept_ownership() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1330`
		//  Estimated: `6506`
		// Minimum execution time: 112_988_000 picoseconds.
		Weight::from_parts(243_874_560, 6506)
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
	/// Storage: `Communities::Communities` (r:1 w:1)
	/// Proof: `Communities::Communities` (`max_values`: None, `max_size`: Some(1162), added: 3637, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(283), added: 2758, mode: `MaxEncodedLen`)
	/// Storage: `Communities::CommunityHandles` (r:0 w:1)
	/// Proof: `Communities::CommunityHandles` (`max_values`: None, `max_size`: Some(53), added: 2528, mode: `MaxEncodedLen`)
	fn close_community() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `392`
		//  Estimated: `4627`
		// Minimum execution time: 56_254_000 picoseconds.
		Weight::from_parts(122_330_880, 4627)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `Communities::Communities` (r:1 w:1)
	/// Proof: `Communities::Communities` (`max_values`: None, `max_size`: Some(1162), added: 3637, mode: `MaxEncodedLen`)
	fn add_moderator() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1105`
		//  Estimated: `4627`
		// Minimum execution time: 15_513_000 picoseconds.
		Weight::from_parts(37_937_280, 4627)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Communities::Communities` (r:1 w:1)
	/// Proof: `Communities::Communities` (`max_values`: None, `max_size`: Some(1162), added: 3637, mode: `MaxEncodedLen`)
	fn remove_moderator() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1137`
		//  Estimated: `4627`
		// Minimum execution time: 15_733_000 picoseconds.
		Weight::from_parts(35_804_160, 4627)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Communities::Communities` (r:1 w:1)
	/// Proof: `Communities::Communities` (`max_values`: None, `max_size`: Some(1162), added: 3637, mode: `MaxEncodedLen`)
	/// Storage: `Communities::Bans` (r:1 w:0)
	/// Proof: `Communities::Bans` (`max_values`: None, `max_size`: Some(108), added: 2583, mode: `MaxEncodedLen`)
	/// Storage: `Communities::Memberships` (r:1 w:1)
	/// Proof: `Communities::Memberships` (`max_values`: None, `max_size`: Some(82), added: 2557, mode: `MaxEncodedLen`)
	/// Storage: `Parameters::Parameters` (r:2 w:0)
	/// Proof: `Parameters::Parameters` (`max_values`: None, `max_size`: Some(36), added: 2511, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(283), added: 2758, mode: `MaxEncodedLen`)
	fn join() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `395`
		//  Estimated: `6012`
		// Minimum execution time: 78_977_000 picoseconds.
		Weight::from_parts(170_768_640, 6012)
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `Communities::Memberships` (r:1 w:1)
	/// Proof: `Communities::Memberships` (`max_values`: None, `max_size`: Some(82), added: 2557, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(283), added: 2758, mode: `MaxEncodedLen`)
	/// Storage: `Communities::Communities` (r:1 w:1)
	/// Proof: `Communities::Communities` (`max_values`: None, `max_size`: Some(1162), added: 3637, mode: `MaxEncodedLen`)
	fn leave() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `530`
		//  Estimated: `4627`
		// Minimum execution time: 62_292_000 picoseconds.
		Weight::from_parts(188_459_520, 4627)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `Communities::Communities` (r:1 w:1)
	/// Proof: `Communities::Communities` (`max_values`: None, `max_size`: Some(1162), added: 3637, mode: `MaxEncodedLen`)
	/// Storage: `Communities::Memberships` (r:1 w:1)
	/// Proof: `Communities::Memberships` (`max_values`: None, `max_size`: Some(82), added: 2557, mode: `MaxEncodedLen`)
	fn approve_member() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1237`
		//  Estimated: `4627`
		// Minimum execution time: 25_147_000 picoseconds.
		Weight::from_parts(71_817_600, 4627)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `Communities::Communities` (r:1 w:0)
	/// Proof: `Communities::Communities` (`max_values`: None, `max_size`: Some(1162), added: 3637, mode: `MaxEncodedLen`)
	/// Storage: `Communities::Memberships` (r:1 w:1)
	/// Proof: `Communities::Memberships` (`max_values`: None, `max_size`: Some(82), added: 2557, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(283), added: 2758, mode: `MaxEncodedLen`)
	fn reject_member() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1433`
		//  Estimated: `4627`
		// Minimum execution time: 65_297_000 picoseconds.
		Weight::from_parts(139_829_760, 4627)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `Communities::Communities` (r:1 w:1)
	/// Proof: `Communities::Communities` (`max_values`: None, `max_size`: Some(1162), added: 3637, mode: `MaxEncodedLen`)
	/// Storage: `Posts::Posts` (r:1 w:0)
	/// Proof: `Posts::Posts` (`max_values`: None, `max_size`: Some(140), added: 2615, mode: `MaxEncodedLen`)
	/// Storage: `Posts::PostCommunity` (r:1 w:0)
	/// Proof: `Posts::PostCommunity` (`max_values`: None, `max_size`: Some(20), added: 2495, mode: `MaxEncodedLen`)
	/// Storage: `Communities::HiddenPosts` (r:1 w:1)
	/// Proof: `Communities::HiddenPosts` (`max_values`: None, `max_size`: Some(68), added: 2543, mode: `MaxEncodedLen`)
	/// Storage: `Parameters::Parameters` (r:2 w:0)
	/// Proof: `Parameters::Parameters` (`max_values`: None, `max_size`: Some(36), added: 2511, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(283), added: 2758, mode: `MaxEncodedLen`)
	/// Storage: `Rewards::CurrentEra` (r:1 w:0)
	/// Proof: `Rewards::CurrentEra` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Rewards::PostScores` (r:1 w:0)
	/// Proof: `Rewards::PostScores` (`max_values`: None, `max_size`: Some(60), added: 2535, mode: `MaxEncodedLen`)
	/// Storage: `Rewards::HiddenInEra` (r:0 w:1)
	/// Proof: `Rewards::HiddenInEra` (`max_values`: None, `max_size`: Some(28), added: 2503, mode: `MaxEncodedLen`)
	fn hide_post() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1856`
		//  Estimated: `6012`
		// Minimum execution time: 103_604_000 picoseconds.
		Weight::from_parts(214_225_920, 6012)
			.saturating_add(T::DbWeight::get().reads(9_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
	/// Storage: `Communities::HiddenPosts` (r:1 w:1)
	/// Proof: `Communities::HiddenPosts` (`max_values`: None, `max_size`: Some(68), added: 2543, mode: `MaxEncodedLen`)
	/// Storage: `Communities::Communities` (r:1 w:0)
	/// Proof: `Communities::Communities` (`max_values`: None, `max_size`: Some(1162), added: 3637, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(283), added: 2758, mode: `MaxEncodedLen`)
	fn unhide_post() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1388`
		//  Estimated: `4627`
		// Minimum execution time: 62_162_000 picoseconds.
		Weight::from_parts(129_369_600, 4627)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `Communities::Communities` (r:1 w:1)
	/// Proof: `Communities::Communities` (`max_values`: None, `max_size`: Some(1162), added: 3637, mode: `MaxEncodedLen`)
	/// Storage: `Posts::Posts` (r:1 w:0)
	/// Proof: `Posts::Posts` (`max_values`: None, `max_size`: Some(140), added: 2615, mode: `MaxEncodedLen`)
	/// Storage: `Posts::PostCommunity` (r:1 w:0)
	/// Proof: `Posts::PostCommunity` (`max_values`: None, `max_size`: Some(20), added: 2495, mode: `MaxEncodedLen`)
	/// Storage: `Communities::HiddenPosts` (r:1 w:0)
	/// Proof: `Communities::HiddenPosts` (`max_values`: None, `max_size`: Some(68), added: 2543, mode: `MaxEncodedLen`)
	fn pin_post() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1791`
		//  Estimated: `4627`
		// Minimum execution time: 37_166_000 picoseconds.
		Weight::from_parts(82_220_160, 4627)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Communities::Communities` (r:1 w:1)
	/// Proof: `Communities::Communities` (`max_values`: None, `max_size`: Some(1162), added: 3637, mode: `MaxEncodedLen`)
	fn unpin_post() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1250`
		//  Estimated: `4627`
		// Minimum execution time: 20_751_000 picoseconds.
		Weight::from_parts(45_532_800, 4627)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Communities::Communities` (r:1 w:0)
	/// Proof: `Communities::Communities` (`max_values`: None, `max_size`: Some(1162), added: 3637, mode: `MaxEncodedLen`)
	/// Storage: `Communities::Memberships` (r:1 w:1)
	/// Proof: `Communities::Memberships` (`max_values`: None, `max_size`: Some(82), added: 2557, mode: `MaxEncodedLen`)
	fn mute_member() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1237`
		//  Estimated: `4627`
		// Minimum execution time: 23_645_000 picoseconds.
		Weight::from_parts(51_166_080, 4627)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Communities::Communities` (r:1 w:0)
	/// Proof: `Communities::Communities` (`max_values`: None, `max_size`: Some(1162), added: 3637, mode: `MaxEncodedLen`)
	/// Storage: `Communities::Memberships` (r:1 w:1)
	/// Proof: `Communities::Memberships` (`max_values`: None, `max_size`: Some(82), added: 2557, mode: `MaxEncodedLen`)
	fn unmute_member() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1241`
		//  Estimated: `4627`
		// Minimum execution time: 23_454_000 picoseconds.
		Weight::from_parts(50_090_880, 4627)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Communities::Communities` (r:1 w:1)
	/// Proof: `Communities::Communities` (`max_values`: None, `max_size`: Some(1162), added: 3637, mode: `MaxEncodedLen`)
	/// Storage: `Communities::Bans` (r:1 w:1)
	/// Proof: `Communities::Bans` (`max_values`: None, `max_size`: Some(108), added: 2583, mode: `MaxEncodedLen`)
	/// Storage: `Parameters::Parameters` (r:2 w:0)
	/// Proof: `Parameters::Parameters` (`max_values`: None, `max_size`: Some(36), added: 2511, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:2 w:2)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(283), added: 2758, mode: `MaxEncodedLen`)
	/// Storage: `Communities::Memberships` (r:1 w:1)
	/// Proof: `Communities::Memberships` (`max_values`: None, `max_size`: Some(82), added: 2557, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	fn ban() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1507`
		//  Estimated: `6506`
		// Minimum execution time: 129_722_000 picoseconds.
		Weight::from_parts(263_007_360, 6506)
			.saturating_add(T::DbWeight::get().reads(8_u64))
			.saturating_add(T::DbWeight::get().writes(6_u64))
	}
	/// Storage: `Communities::Bans` (r:1 w:1)
	/// Proof: `Communities::Bans` (`max_values`: None, `max_size`: Some(108), added: 2583, mode: `MaxEncodedLen`)
	/// Storage: `Communities::Communities` (r:1 w:0)
	/// Proof: `Communities::Communities` (`max_values`: None, `max_size`: Some(1162), added: 3637, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(283), added: 2758, mode: `MaxEncodedLen`)
	fn unban() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1362`
		//  Estimated: `4627`
		// Minimum execution time: 63_064_000 picoseconds.
		Weight::from_parts(132_330_240, 4627)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
}

/// The same weights with RocksDB's database weights, for tests and for runtimes that do not
/// configure their own.
impl WeightInfo for () {
	fn create_community() -> Weight {
		Weight::from_parts(158_211_840, 6012)
			.saturating_add(RocksDbWeight::get().reads(5_u64))
			.saturating_add(RocksDbWeight::get().writes(4_u64))
	}
	fn update_community() -> Weight {
		Weight::from_parts(50_263_680, 4627)
			.saturating_add(RocksDbWeight::get().reads(1_u64))
			.saturating_add(RocksDbWeight::get().writes(1_u64))
	}
	fn transfer_ownership() -> Weight {
		Weight::from_parts(46_667_520, 4627)
			.saturating_add(RocksDbWeight::get().reads(1_u64))
			.saturating_add(RocksDbWeight::get().writes(1_u64))
	}
	fn accept_ownership() -> Weight {
		Weight::from_parts(243_874_560, 6506)
			.saturating_add(RocksDbWeight::get().reads(6_u64))
			.saturating_add(RocksDbWeight::get().writes(4_u64))
	}
	fn close_community() -> Weight {
		Weight::from_parts(122_330_880, 4627)
			.saturating_add(RocksDbWeight::get().reads(2_u64))
			.saturating_add(RocksDbWeight::get().writes(3_u64))
	}
	fn add_moderator() -> Weight {
		Weight::from_parts(37_937_280, 4627)
			.saturating_add(RocksDbWeight::get().reads(1_u64))
			.saturating_add(RocksDbWeight::get().writes(1_u64))
	}
	fn remove_moderator() -> Weight {
		Weight::from_parts(35_804_160, 4627)
			.saturating_add(RocksDbWeight::get().reads(1_u64))
			.saturating_add(RocksDbWeight::get().writes(1_u64))
	}
	fn join() -> Weight {
		Weight::from_parts(170_768_640, 6012)
			.saturating_add(RocksDbWeight::get().reads(6_u64))
			.saturating_add(RocksDbWeight::get().writes(3_u64))
	}
	fn leave() -> Weight {
		Weight::from_parts(188_459_520, 4627)
			.saturating_add(RocksDbWeight::get().reads(3_u64))
			.saturating_add(RocksDbWeight::get().writes(3_u64))
	}
	fn approve_member() -> Weight {
		Weight::from_parts(71_817_600, 4627)
			.saturating_add(RocksDbWeight::get().reads(2_u64))
			.saturating_add(RocksDbWeight::get().writes(2_u64))
	}
	fn reject_member() -> Weight {
		Weight::from_parts(139_829_760, 4627)
			.saturating_add(RocksDbWeight::get().reads(4_u64))
			.saturating_add(RocksDbWeight::get().writes(3_u64))
	}
	fn hide_post() -> Weight {
		Weight::from_parts(214_225_920, 6012)
			.saturating_add(RocksDbWeight::get().reads(9_u64))
			.saturating_add(RocksDbWeight::get().writes(4_u64))
	}
	fn unhide_post() -> Weight {
		Weight::from_parts(129_369_600, 4627)
			.saturating_add(RocksDbWeight::get().reads(3_u64))
			.saturating_add(RocksDbWeight::get().writes(2_u64))
	}
	fn pin_post() -> Weight {
		Weight::from_parts(82_220_160, 4627)
			.saturating_add(RocksDbWeight::get().reads(4_u64))
			.saturating_add(RocksDbWeight::get().writes(1_u64))
	}
	fn unpin_post() -> Weight {
		Weight::from_parts(45_532_800, 4627)
			.saturating_add(RocksDbWeight::get().reads(1_u64))
			.saturating_add(RocksDbWeight::get().writes(1_u64))
	}
	fn mute_member() -> Weight {
		Weight::from_parts(51_166_080, 4627)
			.saturating_add(RocksDbWeight::get().reads(2_u64))
			.saturating_add(RocksDbWeight::get().writes(1_u64))
	}
	fn unmute_member() -> Weight {
		Weight::from_parts(50_090_880, 4627)
			.saturating_add(RocksDbWeight::get().reads(2_u64))
			.saturating_add(RocksDbWeight::get().writes(1_u64))
	}
	fn ban() -> Weight {
		Weight::from_parts(263_007_360, 6506)
			.saturating_add(RocksDbWeight::get().reads(8_u64))
			.saturating_add(RocksDbWeight::get().writes(6_u64))
	}
	fn unban() -> Weight {
		Weight::from_parts(132_330_240, 4627)
			.saturating_add(RocksDbWeight::get().reads(3_u64))
			.saturating_add(RocksDbWeight::get().writes(2_u64))
	}
}
