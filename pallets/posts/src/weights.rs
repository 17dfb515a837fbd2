
//! Weights for `pallet_posts`, generated on this machine by `scripts/benchmark-weights.sh`.
//!
//! Benchmark CLI 64.0.0, 2026-12-02; steps 50, repeat 20;
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
	/// Storage: `Posts::RecentActions` (r:1 w:1)
	/// Proof: `Posts::RecentActions` (`max_values`: None, `max_size`: Some(209), added: 2684, mode: `MaxEncodedLen`)
	/// Storage: `Apps::CurrentSponsor` (r:1 w:0)
	/// Proof: `Apps::CurrentSponsor` (`max_values`: Some(1), `max_size`: Some(64), added: 559, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(157), added: 2632, mode: `MaxEncodedLen`)
	/// Storage: `Posts::PostsByAuthor` (r:0 w:1)
	/// Proof: `Posts::PostsByAuthor` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// Storage: `Posts::DepositPayers` (r:0 w:1)
	/// Proof: `Posts::DepositPayers` (`max_values`: None, `max_size`: Some(48), added: 2523, mode: `MaxEncodedLen`)
	/// Storage: `Posts::Posts` (r:0 w:1)
	/// Proof: `Posts::Posts` (`max_values`: None, `max_size`: Some(140), added: 2615, mode: `MaxEncodedLen`)
	fn create_post() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `272`
		//  Estimated: `3674`
		// Minimum execution time: 73_118_000 picoseconds.
		Weight::from_parts(81_772_000, 3674)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(6_u64))
	}
	/// Storage: `Posts::RecentActions` (r:1 w:1)
	/// Proof: `Posts::RecentActions` (`max_values`: None, `max_size`: Some(209), added: 2684, mode: `MaxEncodedLen`)
	/// Storage: `Apps::CurrentSponsor` (r:1 w:0)
	/// Proof: `Apps::CurrentSponsor` (`max_values`: Some(1), `max_size`: Some(64), added: 559, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(157), added: 2632, mode: `MaxEncodedLen`)
	/// Storage: `Posts::PostsByAuthor` (r:0 w:20)
	/// Proof: `Posts::PostsByAuthor` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// Storage: `Posts::DepositPayers` (r:0 w:20)
	/// Proof: `Posts::DepositPayers` (`max_values`: None, `max_size`: Some(48), added: 2523, mode: `MaxEncodedLen`)
	/// Storage: `Posts::Posts` (r:0 w:20)
	/// Proof: `Posts::Posts` (`max_values`: None, `max_size`: Some(140), added: 2615, mode: `MaxEncodedLen`)
	/// The range of component `n` is `[1, 20]`.
	fn create_posts(n: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `280`
		//  Estimated: `3674`
		// Minimum execution time: 74_220_000 picoseconds.
		Weight::from_parts(76_490_194, 3674)
			// Standard Error: 47_569
			.saturating_add(Weight::from_parts(10_792_008, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
			.saturating_add(T::DbWeight::get().writes((3_u64).saturating_mul(n.into())))
	}
	/// Storage: `Posts::Posts` (r:1 w:2)
	/// Proof: `Posts::Posts` (`max_values`: None, `max_size`: Some(140), added: 2615, mode: `MaxEncodedLen`)
	/// Storage: `Posts::RecentActions` (r:1 w:1)
	/// Proof: `Posts::RecentActions` (`max_values`: None, `max_size`: Some(209), added: 2684, mode: `MaxEncodedLen`)
	/// Storage: `Apps::CurrentSponsor` (r:1 w:0)
	/// Proof: `Apps::CurrentSponsor` (`max_values`: Some(1), `max_size`: Some(64), added: 559, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(157), added: 2632, mode: `MaxEncodedLen`)
	/// Storage: `Posts::PostsByAuthor` (r:0 w:1)
	/// Proof: `Posts::PostsByAuthor` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// Storage: `Posts::DepositPayers` (r:0 w:1)
	/// Proof: `Posts::DepositPayers` (`max_values`: None, `max_size`: Some(48), added: 2523, mode: `MaxEncodedLen`)
	/// Storage: `Posts::Replies` (r:0 w:1)
	/// Proof: `Posts::Replies` (`max_values`: None, `max_size`: Some(32), added: 2507, mode: `MaxEncodedLen`)
	fn create_reply() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `545`
		//  Estimated: `3674`
		// Minimum execution time: 84_796_000 picoseconds.
		Weight::from_parts(89_273_000, 3674)
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().writes(8_u64))
	}
	/// Storage: `Posts::Posts` (r:1 w:1)
	/// Proof: `Posts::Posts` (`max_values`: None, `max_size`: Some(140), added: 2615, mode: `MaxEncodedLen`)
	/// Storage: `Posts::RecentActions` (r:1 w:1)
	/// Proof: `Posts::RecentActions` (`max_values`: None, `max_size`: Some(209), added: 2684, mode: `MaxEncodedLen`)
	fn edit_post() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `306`
		//  Estimated: `3674`
		// Minimum execution time: 20_591_000 picoseconds.
		Weight::from_parts(23_385_000, 3674)
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
	/// Storage: `Posts::PostsByAuthor` (r:0 w:1)
	/// Proof: `Posts::PostsByAuthor` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// The range of component `d` is `[0, 16]`.
	fn delete_post(d: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `312 + d * (197 ±0)`
		//  Estimated: `4266 + d * (5014 ±0)`
		// Minimum execution time: 73_730_000 picoseconds.
		Weight::from_parts(47_107_899, 4266)
			// Standard Error: 465_819
			.saturating_add(Weight::from_parts(78_197_913, 0).saturating_mul(d.into()))
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().reads((4_u64).saturating_mul(d.into())))
			.saturating_add(T::DbWeight::get().writes(6_u64))
			.saturating_add(T::DbWeight::get().writes((3_u64).saturating_mul(d.into())))
			.saturating_add(Weight::from_parts(0, 5014).saturating_mul(d.into()))
	}
	/// Storage: `Posts::Posts` (r:1 w:2)
	/// Proof: `Posts::Posts` (`max_values`: None, `max_size`: Some(140), added: 2615, mode: `MaxEncodedLen`)
	/// Storage: `Posts::Reposts` (r:1 w:1)
	/// Proof: `Posts::Reposts` (`max_values`: None, `max_size`: Some(72), added: 2547, mode: `MaxEncodedLen`)
	/// Storage: `Posts::RecentActions` (r:1 w:1)
	/// Proof: `Posts::RecentActions` (`max_values`: None, `max_size`: Some(209), added: 2684, mode: `MaxEncodedLen`)
	/// Storage: `Apps::CurrentSponsor` (r:1 w:0)
	/// Proof: `Apps::CurrentSponsor` (`max_values`: Some(1), `max_size`: Some(64), added: 559, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(157), added: 2632, mode: `MaxEncodedLen`)
	/// Storage: `Posts::PostsByAuthor` (r:0 w:1)
	/// Proof: `Posts::PostsByAuthor` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// Storage: `Posts::DepositPayers` (r:0 w:1)
	/// Proof: `Posts::DepositPayers` (`max_values`: None, `max_size`: Some(48), added: 2523, mode: `MaxEncodedLen`)
	fn repost() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `545`
		//  Estimated: `3674`
		// Minimum execution time: 84_254_000 picoseconds.
		Weight::from_parts(119_737_000, 3674)
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().writes(8_u64))
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
		// Minimum execution time: 4_137_000 picoseconds.
		Weight::from_parts(4_848_000, 3674)
			// Standard Error: 17_481
			.saturating_add(Weight::from_parts(7_165_997, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(1_u64))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 2684).saturating_mul(n.into()))
	}
}

/// The same weights with RocksDB's database weights, for tests and for runtimes that do not
/// configure their own.
impl WeightInfo for () {
	fn create_post() -> Weight {
		Weight::from_parts(81_772_000, 3674)
			.saturating_add(RocksDbWeight::get().reads(4_u64))
			.saturating_add(RocksDbWeight::get().writes(6_u64))
	}
	fn create_posts(n: u32, ) -> Weight {
		Weight::from_parts(76_490_194, 3674)
			.saturating_add(Weight::from_parts(10_792_008, 0).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(4_u64))
			.saturating_add(RocksDbWeight::get().writes(3_u64))
			.saturating_add(RocksDbWeight::get().writes((3_u64).saturating_mul(n.into())))
	}
	fn create_reply() -> Weight {
		Weight::from_parts(89_273_000, 3674)
			.saturating_add(RocksDbWeight::get().reads(5_u64))
			.saturating_add(RocksDbWeight::get().writes(8_u64))
	}
	fn edit_post() -> Weight {
		Weight::from_parts(23_385_000, 3674)
			.saturating_add(RocksDbWeight::get().reads(2_u64))
			.saturating_add(RocksDbWeight::get().writes(2_u64))
	}
	fn delete_post(d: u32, ) -> Weight {
		Weight::from_parts(47_107_899, 4266)
			.saturating_add(Weight::from_parts(78_197_913, 0).saturating_mul(d.into()))
			.saturating_add(RocksDbWeight::get().reads(5_u64))
			.saturating_add(RocksDbWeight::get().reads((4_u64).saturating_mul(d.into())))
			.saturating_add(RocksDbWeight::get().writes(6_u64))
			.saturating_add(RocksDbWeight::get().writes((3_u64).saturating_mul(d.into())))
			.saturating_add(Weight::from_parts(0, 5014).saturating_mul(d.into()))
	}
	fn repost() -> Weight {
		Weight::from_parts(119_737_000, 3674)
			.saturating_add(RocksDbWeight::get().reads(6_u64))
			.saturating_add(RocksDbWeight::get().writes(8_u64))
	}
	fn sweep_recent_actions(n: u32, ) -> Weight {
		Weight::from_parts(4_848_000, 3674)
			.saturating_add(Weight::from_parts(7_165_997, 0).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(2_u64))
			.saturating_add(RocksDbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(RocksDbWeight::get().writes(1_u64))
			.saturating_add(RocksDbWeight::get().writes((1_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 2684).saturating_mul(n.into()))
	}
}
