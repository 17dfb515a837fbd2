
//! Weights for `pallet_rewards`, generated on this machine by `scripts/benchmark-weights.sh`.
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
//! pallet_rewards
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
//! pallets/rewards/src/weights.rs
//! --template
//! scripts/pallet-weight-template.hbs

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use frame_support::{traits::Get, weights::{Weight, constants::RocksDbWeight}};
use core::marker::PhantomData;

/// Weight functions needed for `pallet_rewards`.
pub trait WeightInfo {
	fn on_initialize() -> Weight;
	fn on_initialize_era_end() -> Weight;
	fn claim_rewards(e: u32, ) -> Weight;
	fn tip() -> Weight;
	fn on_vote(v: u32, ) -> Weight;
	fn on_vote_not_counted() -> Weight;
	fn lock_stake() -> Weight;
	fn unlock_stake() -> Weight;
	fn withdraw_unlocked(c: u32, ) -> Weight;
}

/// Weights for `pallet_rewards` with the runtime's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Storage: `Rewards::EraStart` (r:1 w:0)
	/// Proof: `Rewards::EraStart` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Rewards::EraLength` (r:1 w:0)
	/// Proof: `Rewards::EraLength` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	fn on_initialize() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `0`
		//  Estimated: `1489`
		// Minimum execution time: 1_623_000 picoseconds.
		Weight::from_parts(1_873_000, 1489)
			.saturating_add(T::DbWeight::get().reads(2_u64))
	}
	/// Storage: `Rewards::EraStart` (r:1 w:1)
	/// Proof: `Rewards::EraStart` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Rewards::EraLength` (r:1 w:0)
	/// Proof: `Rewards::EraLength` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Rewards::CurrentEra` (r:1 w:1)
	/// Proof: `Rewards::CurrentEra` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Rewards::Carry` (r:1 w:1)
	/// Proof: `Rewards::Carry` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Rewards::EraScore` (r:1 w:1)
	/// Proof: `Rewards::EraScore` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Rewards::Eras` (r:0 w:1)
	/// Proof: `Rewards::Eras` (`max_values`: None, `max_size`: Some(76), added: 2551, mode: `MaxEncodedLen`)
	fn on_initialize_era_end() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `6`
		//  Estimated: `1501`
		// Minimum execution time: 31_106_000 picoseconds.
		Weight::from_parts(32_899_000, 1501)
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	/// Storage: `Rewards::ClaimFrom` (r:1 w:1)
	/// Proof: `Rewards::ClaimFrom` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Rewards::CurrentEra` (r:1 w:0)
	/// Proof: `Rewards::CurrentEra` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Rewards::CuratorVotes` (r:31 w:30)
	/// Proof: `Rewards::CuratorVotes` (`max_values`: None, `max_size`: Some(1261), added: 3736, mode: `MaxEncodedLen`)
	/// Storage: `Rewards::AuthorScores` (r:31 w:30)
	/// Proof: `Rewards::AuthorScores` (`max_values`: None, `max_size`: Some(76), added: 2551, mode: `MaxEncodedLen`)
	/// Storage: `Rewards::Eras` (r:30 w:0)
	/// Proof: `Rewards::Eras` (`max_values`: None, `max_size`: Some(76), added: 2551, mode: `MaxEncodedLen`)
	/// Storage: `Rewards::PostScores` (r:1500 w:0)
	/// Proof: `Rewards::PostScores` (`max_values`: None, `max_size`: Some(60), added: 2535, mode: `MaxEncodedLen`)
	/// The range of component `e` is `[1, 30]`.
	fn claim_rewards(e: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `3275 + e * (728 ±0)`
		//  Estimated: `4726 + e * (126750 ±0)`
		// Minimum execution time: 274_969_000 picoseconds.
		Weight::from_parts(85_133_875, 4726)
			// Standard Error: 287_812
			.saturating_add(Weight::from_parts(167_937_593, 0).saturating_mul(e.into()))
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().reads((53_u64).saturating_mul(e.into())))
			.saturating_add(T::DbWeight::get().writes(1_u64))
			.saturating_add(T::DbWeight::get().writes((2_u64).saturating_mul(e.into())))
			.saturating_add(Weight::from_parts(0, 126750).saturating_mul(e.into()))
	}
	/// Storage: `Posts::Posts` (r:1 w:0)
	/// Proof: `Posts::Posts` (`max_values`: None, `max_size`: Some(140), added: 2615, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Rewards::PostTips` (r:1 w:1)
	/// Proof: `Rewards::PostTips` (`max_values`: None, `max_size`: Some(32), added: 2507, mode: `MaxEncodedLen`)
	/// Storage: `Rewards::TipsReceived` (r:1 w:1)
	/// Proof: `Rewards::TipsReceived` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	fn tip() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `254`
		//  Estimated: `3605`
		// Minimum execution time: 58_867_000 picoseconds.
		Weight::from_parts(62_162_000, 3605)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `Rewards::CurrentEra` (r:1 w:0)
	/// Proof: `Rewards::CurrentEra` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Rewards::CountedVotes` (r:1 w:1)
	/// Proof: `Rewards::CountedVotes` (`max_values`: None, `max_size`: Some(85), added: 2560, mode: `MaxEncodedLen`)
	/// Storage: `Rewards::PostScores` (r:1 w:1)
	/// Proof: `Rewards::PostScores` (`max_values`: None, `max_size`: Some(60), added: 2535, mode: `MaxEncodedLen`)
	/// Storage: `Rewards::Stakes` (r:1 w:1)
	/// Proof: `Rewards::Stakes` (`max_values`: None, `max_size`: Some(233), added: 2708, mode: `MaxEncodedLen`)
	/// Storage: `Profiles::Profiles` (r:1 w:0)
	/// Proof: `Profiles::Profiles` (`max_values`: None, `max_size`: Some(204), added: 2679, mode: `MaxEncodedLen`)
	/// Storage: `Rewards::CuratorVotes` (r:1 w:1)
	/// Proof: `Rewards::CuratorVotes` (`max_values`: None, `max_size`: Some(1261), added: 3736, mode: `MaxEncodedLen`)
	/// Storage: `Rewards::Manas` (r:1 w:1)
	/// Proof: `Rewards::Manas` (`max_values`: None, `max_size`: Some(56), added: 2531, mode: `MaxEncodedLen`)
	/// Storage: `Rewards::AuthorScores` (r:1 w:1)
	/// Proof: `Rewards::AuthorScores` (`max_values`: None, `max_size`: Some(76), added: 2551, mode: `MaxEncodedLen`)
	/// Storage: `Rewards::EraScore` (r:1 w:1)
	/// Proof: `Rewards::EraScore` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Rewards::ClaimFrom` (r:2 w:2)
	/// Proof: `Rewards::ClaimFrom` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// The range of component `v` is `[1, 50]`.
	fn on_vote(v: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `349 + v * (24 ±0)`
		//  Estimated: `6044`
		// Minimum execution time: 52_198_000 picoseconds.
		Weight::from_parts(56_769_285, 6044)
			// Standard Error: 898
			.saturating_add(Weight::from_parts(41_064, 0).saturating_mul(v.into()))
			.saturating_add(T::DbWeight::get().reads(11_u64))
			.saturating_add(T::DbWeight::get().writes(9_u64))
	}
	/// Storage: `Rewards::CurrentEra` (r:1 w:0)
	/// Proof: `Rewards::CurrentEra` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Rewards::CountedVotes` (r:1 w:0)
	/// Proof: `Rewards::CountedVotes` (`max_values`: None, `max_size`: Some(85), added: 2560, mode: `MaxEncodedLen`)
	/// Storage: `Profiles::Profiles` (r:1 w:0)
	/// Proof: `Profiles::Profiles` (`max_values`: None, `max_size`: Some(204), added: 2679, mode: `MaxEncodedLen`)
	/// Storage: `Rewards::Stakes` (r:1 w:0)
	/// Proof: `Rewards::Stakes` (`max_values`: None, `max_size`: Some(233), added: 2708, mode: `MaxEncodedLen`)
	/// Storage: `Rewards::CuratorVotes` (r:1 w:0)
	/// Proof: `Rewards::CuratorVotes` (`max_values`: None, `max_size`: Some(1261), added: 3736, mode: `MaxEncodedLen`)
	/// Storage: `Rewards::Manas` (r:1 w:1)
	/// Proof: `Rewards::Manas` (`max_values`: None, `max_size`: Some(56), added: 2531, mode: `MaxEncodedLen`)
	fn on_vote_not_counted() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `246`
		//  Estimated: `4726`
		// Minimum execution time: 21_381_000 picoseconds.
		Weight::from_parts(22_964_000, 4726)
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
	/// Storage: `Rewards::Stakes` (r:1 w:1)
	/// Proof: `Rewards::Stakes` (`max_values`: None, `max_size`: Some(233), added: 2708, mode: `MaxEncodedLen`)
	fn lock_stake() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `116`
		//  Estimated: `3698`
		// Minimum execution time: 57_426_000 picoseconds.
		Weight::from_parts(59_889_000, 3698)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `Rewards::Stakes` (r:1 w:1)
	/// Proof: `Rewards::Stakes` (`max_values`: None, `max_size`: Some(233), added: 2708, mode: `MaxEncodedLen`)
	/// Storage: `Rewards::CurrentEra` (r:1 w:0)
	/// Proof: `Rewards::CurrentEra` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	fn unlock_stake() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `205`
		//  Estimated: `3698`
		// Minimum execution time: 12_419_000 picoseconds.
		Weight::from_parts(13_691_000, 3698)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Rewards::Stakes` (r:1 w:1)
	/// Proof: `Rewards::Stakes` (`max_values`: None, `max_size`: Some(233), added: 2708, mode: `MaxEncodedLen`)
	/// Storage: `Rewards::CurrentEra` (r:1 w:0)
	/// Proof: `Rewards::CurrentEra` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
	/// The range of component `c` is `[1, 8]`.
	fn withdraw_unlocked(c: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `120 + c * (20 ±0)`
		//  Estimated: `3698`
		// Minimum execution time: 50_395_000 picoseconds.
		Weight::from_parts(53_340_567, 3698)
			// Standard Error: 3_598
			.saturating_add(Weight::from_parts(20_109, 0).saturating_mul(c.into()))
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
}

/// The same weights with RocksDB's database weights, for tests and for runtimes that do not
/// configure their own.
impl WeightInfo for () {
	fn on_initialize() -> Weight {
		Weight::from_parts(1_873_000, 1489)
			.saturating_add(RocksDbWeight::get().reads(2_u64))
	}
	fn on_initialize_era_end() -> Weight {
		Weight::from_parts(32_899_000, 1501)
			.saturating_add(RocksDbWeight::get().reads(5_u64))
			.saturating_add(RocksDbWeight::get().writes(5_u64))
	}
	fn claim_rewards(e: u32, ) -> Weight {
		Weight::from_parts(85_133_875, 4726)
			.saturating_add(Weight::from_parts(167_937_593, 0).saturating_mul(e.into()))
			.saturating_add(RocksDbWeight::get().reads(4_u64))
			.saturating_add(RocksDbWeight::get().reads((53_u64).saturating_mul(e.into())))
			.saturating_add(RocksDbWeight::get().writes(1_u64))
			.saturating_add(RocksDbWeight::get().writes((2_u64).saturating_mul(e.into())))
			.saturating_add(Weight::from_parts(0, 126750).saturating_mul(e.into()))
	}
	fn tip() -> Weight {
		Weight::from_parts(62_162_000, 3605)
			.saturating_add(RocksDbWeight::get().reads(4_u64))
			.saturating_add(RocksDbWeight::get().writes(3_u64))
	}
	fn on_vote(v: u32, ) -> Weight {
		Weight::from_parts(56_769_285, 6044)
			.saturating_add(Weight::from_parts(41_064, 0).saturating_mul(v.into()))
			.saturating_add(RocksDbWeight::get().reads(11_u64))
			.saturating_add(RocksDbWeight::get().writes(9_u64))
	}
	fn on_vote_not_counted() -> Weight {
		Weight::from_parts(22_964_000, 4726)
			.saturating_add(RocksDbWeight::get().reads(6_u64))
			.saturating_add(RocksDbWeight::get().writes(1_u64))
	}
	fn lock_stake() -> Weight {
		Weight::from_parts(59_889_000, 3698)
			.saturating_add(RocksDbWeight::get().reads(2_u64))
			.saturating_add(RocksDbWeight::get().writes(2_u64))
	}
	fn unlock_stake() -> Weight {
		Weight::from_parts(13_691_000, 3698)
			.saturating_add(RocksDbWeight::get().reads(2_u64))
			.saturating_add(RocksDbWeight::get().writes(1_u64))
	}
	fn withdraw_unlocked(c: u32, ) -> Weight {
		Weight::from_parts(53_340_567, 3698)
			.saturating_add(Weight::from_parts(20_109, 0).saturating_mul(c.into()))
			.saturating_add(RocksDbWeight::get().reads(3_u64))
			.saturating_add(RocksDbWeight::get().writes(2_u64))
	}
}
