
//! Weights for `pallet_posts`, generated on this machine by `scripts/benchmark-weights.sh`.
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
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
	/// Storage: `Posts::PostsByAuthor` (r:0 w:1)
	/// Proof: `Posts::PostsByAuthor` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// Storage: `Posts::Posts` (r:0 w:1)
	/// Proof: `Posts::Posts` (`max_values`: None, `max_size`: Some(140), added: 2615, mode: `MaxEncodedLen`)
	fn create_post() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `125`
		//  Estimated: `3674`
		// Minimum execution time: 64_195_000 picoseconds.
		Weight::from_parts(67_270_000, 3674)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
	/// Storage: `Posts::RecentActions` (r:1 w:1)
	/// Proof: `Posts::RecentActions` (`max_values`: None, `max_size`: Some(209), added: 2684, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
	/// Storage: `Posts::PostsByAuthor` (r:0 w:20)
	/// Proof: `Posts::PostsByAuthor` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// Storage: `Posts::Posts` (r:0 w:20)
	/// Proof: `Posts::Posts` (`max_values`: None, `max_size`: Some(140), added: 2615, mode: `MaxEncodedLen`)
	/// The range of component `n` is `[1, 20]`.
	fn create_posts(n: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `133`
		//  Estimated: `3674`
		// Minimum execution time: 65_307_000 picoseconds.
		Weight::from_parts(61_185_362, 3674)
			// Standard Error: 5_093
			.saturating_add(Weight::from_parts(8_125_519, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
			.saturating_add(T::DbWeight::get().writes((2_u64).saturating_mul(n.into())))
	}
	/// Storage: `Posts::Posts` (r:1 w:2)
	/// Proof: `Posts::Posts` (`max_values`: None, `max_size`: Some(140), added: 2615, mode: `MaxEncodedLen`)
	/// Storage: `Posts::RecentActions` (r:1 w:1)
	/// Proof: `Posts::RecentActions` (`max_values`: None, `max_size`: Some(209), added: 2684, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
	/// Storage: `Posts::PostsByAuthor` (r:0 w:1)
	/// Proof: `Posts::PostsByAuthor` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// Storage: `Posts::Replies` (r:0 w:1)
	/// Proof: `Posts::Replies` (`max_values`: None, `max_size`: Some(32), added: 2507, mode: `MaxEncodedLen`)
	fn create_reply() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `398`
		//  Estimated: `3674`
		// Minimum execution time: 75_452_000 picoseconds.
		Weight::from_parts(78_707_000, 3674)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(6_u64))
	}
	/// Storage: `Posts::Posts` (r:1 w:1)
	/// Proof: `Posts::Posts` (`max_values`: None, `max_size`: Some(140), added: 2615, mode: `MaxEncodedLen`)
	/// Storage: `Posts::RecentActions` (r:1 w:1)
	/// Proof: `Posts::RecentActions` (`max_values`: None, `max_size`: Some(209), added: 2684, mode: `MaxEncodedLen`)
	fn edit_post() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `306`
		//  Estimated: `3674`
		// Minimum execution time: 20_611_000 picoseconds.
		Weight::from_parts(22_253_000, 3674)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `Posts::Posts` (r:17 w:17)
	/// Proof: `Posts::Posts` (`max_values`: None, `max_size`: Some(140), added: 2615, mode: `MaxEncodedLen`)
	/// Storage: `Posts::Replies` (r:33 w:16)
	/// Proof: `Posts::Replies` (`max_values`: None, `max_size`: Some(32), added: 2507, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:17 w:17)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:16 w:16)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Posts::PostsByAuthor` (r:0 w:1)
	/// Proof: `Posts::PostsByAuthor` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// The range of component `d` is `[0, 16]`.
	fn delete_post(d: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `324 + d * (296 ±0)`
		//  Estimated: `4238 + d * (5014 ±0)`
		// Minimum execution time: 65_828_000 picoseconds.
		Weight::from_parts(62_308_625, 4238)
			// Standard Error: 34_609
			.saturating_add(Weight::from_parts(57_051_473, 0).saturating_mul(d.into()))
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().reads((5_u64).saturating_mul(d.into())))
			.saturating_add(T::DbWeight::get().writes(3_u64))
			.saturating_add(T::DbWeight::get().writes((4_u64).saturating_mul(d.into())))
			.saturating_add(Weight::from_parts(0, 5014).saturating_mul(d.into()))
	}
	/// Storage: `Posts::Posts` (r:1 w:2)
	/// Proof: `Posts::Posts` (`max_values`: None, `max_size`: Some(140), added: 2615, mode: `MaxEncodedLen`)
	/// Storage: `Posts::Reposts` (r:1 w:1)
	/// Proof: `Posts::Reposts` (`max_values`: None, `max_size`: Some(72), added: 2547, mode: `MaxEncodedLen`)
	/// Storage: `Posts::RecentActions` (r:1 w:1)
	/// Proof: `Posts::RecentActions` (`max_values`: None, `max_size`: Some(209), added: 2684, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
	/// Storage: `Posts::PostsByAuthor` (r:0 w:1)
	/// Proof: `Posts::PostsByAuthor` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	fn repost() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `398`
		//  Estimated: `3674`
		// Minimum execution time: 74_390_000 picoseconds.
		Weight::from_parts(77_636_000, 3674)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(6_u64))
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
		// Minimum execution time: 4_117_000 picoseconds.
		Weight::from_parts(4_366_000, 3674)
			// Standard Error: 2_237
			.saturating_add(Weight::from_parts(7_039_798, 0).saturating_mul(n.into()))
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
		Weight::from_parts(67_270_000, 3674)
			.saturating_add(RocksDbWeight::get().reads(2_u64))
			.saturating_add(RocksDbWeight::get().writes(4_u64))
	}
	fn create_posts(n: u32, ) -> Weight {
		Weight::from_parts(61_185_362, 3674)
			.saturating_add(Weight::from_parts(8_125_519, 0).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(2_u64))
			.saturating_add(RocksDbWeight::get().writes(2_u64))
			.saturating_add(RocksDbWeight::get().writes((2_u64).saturating_mul(n.into())))
	}
	fn create_reply() -> Weight {
		Weight::from_parts(78_707_000, 3674)
			.saturating_add(RocksDbWeight::get().reads(3_u64))
			.saturating_add(RocksDbWeight::get().writes(6_u64))
	}
	fn edit_post() -> Weight {
		Weight::from_parts(22_253_000, 3674)
			.saturating_add(RocksDbWeight::get().reads(2_u64))
			.saturating_add(RocksDbWeight::get().writes(2_u64))
	}
	fn delete_post(d: u32, ) -> Weight {
		Weight::from_parts(62_308_625, 4238)
			.saturating_add(Weight::from_parts(57_051_473, 0).saturating_mul(d.into()))
			.saturating_add(RocksDbWeight::get().reads(3_u64))
			.saturating_add(RocksDbWeight::get().reads((5_u64).saturating_mul(d.into())))
			.saturating_add(RocksDbWeight::get().writes(3_u64))
			.saturating_add(RocksDbWeight::get().writes((4_u64).saturating_mul(d.into())))
			.saturating_add(Weight::from_parts(0, 5014).saturating_mul(d.into()))
	}
	fn repost() -> Weight {
		Weight::from_parts(77_636_000, 3674)
			.saturating_add(RocksDbWeight::get().reads(4_u64))
			.saturating_add(RocksDbWeight::get().writes(6_u64))
	}
	fn sweep_recent_actions(n: u32, ) -> Weight {
		Weight::from_parts(4_366_000, 3674)
			.saturating_add(Weight::from_parts(7_039_798, 0).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(2_u64))
			.saturating_add(RocksDbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(RocksDbWeight::get().writes(1_u64))
			.saturating_add(RocksDbWeight::get().writes((1_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 2684).saturating_mul(n.into()))
	}
}
