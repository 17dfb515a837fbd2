
//! Weights for `pallet_rewards`, generated on this machine by `scripts/benchmark-weights.sh`.
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

/// Weight functions needed for `pallet_rewards`.
pub trait WeightInfo {
	fn on_initialize() -> Weight;
	fn on_initialize_era_end() -> Weight;
	fn claim_rewards(e: u32, ) -> Weight;
	fn tip() -> Weight;
	fn on_vote(v: u32, ) -> Weight;
	fn on_vote_not_counted() -> Weight;
	fn on_post_hidden() -> Weight;
	fn lock_stake() -> Weight;
	fn unlock_stake() -> Weight;
	fn withdraw_unlocked(c: u32, ) -> Weight;
	fn prune_closed_eras(k: u32, ) -> Weight;
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
		// Minimum execution time: 1_663_000 picoseconds.
		Weight::from_parts(5_038_080, 1489)
			.saturating_add(T::DbWeight::get().reads(2_u64))
	}
	/// Storage: `Rewards::EraStart` (r:1 w:1)
	/// Proof: `Rewards::EraStart` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Rewards::EraLength` (r:1 w:0)
	/// Proof: `Rewards::EraLength` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Rewards::CurrentEra` (r:1 w:1)
	/// Proof: `Rewards::CurrentEra` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Parameters::Parameters` (r:2 w:0)
	/// Proof: `Parameters::Parameters` (`max_values`: None, `max_size`: Some(36), added: 2511, mode: `MaxEncodedLen`)
	/// Storage: `Rewards::Carry` (r:1 w:1)
	/// Proof: `Rewards::Carry` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Rewards::EraScore` (r:1 w:1)
	/// Proof: `Rewards::EraScore` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Rewards::EraClaimants` (r:1 w:1)
	/// Proof: `Rewards::EraClaimants` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Rewards::WindowStarts` (r:1 w:1)
	/// Proof: `Rewards::WindowStarts` (`max_values`: Some(1), `max_size`: Some(57), added: 552, mode: `MaxEncodedLen`)
	/// Storage: `Rewards::Eras` (r:1 w:2)
	/// Proof: `Rewards::Eras` (`max_values`: None, `max_size`: Some(96), added: 2571, mode: `MaxEncodedLen`)
	/// Storage: `Rewards::ErasToPrune` (r:0 w:1)
	/// Proof: `Rewards::ErasToPrune` (`max_values`: None, `max_size`: Some(12), added: 2487, mode: `MaxEncodedLen`)
	fn on_initialize_era_end() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `141`
		//  Estimated: `6012`
		// Minimum execution time: 52_678_000 picoseconds.
		Weight::from_parts(112_755_840, 6012)
			.saturating_add(T::DbWeight::get().reads(10_u64))
			.saturating_add(T::DbWeight::get().writes(9_u64))
	}
	/// Storage: `Rewards::CurrentEra` (r:1 w:0)
	/// Proof: `Rewards::CurrentEra` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Rewards::UnclaimedEras` (r:1 w:1)
	/// Proof: `Rewards::UnclaimedEras` (`max_values`: None, `max_size`: Some(173), added: 2648, mode: `MaxEncodedLen`)
	/// Storage: `Rewards::CuratorVotes` (r:30 w:30)
	/// Proof: `Rewards::CuratorVotes` (`max_values`: None, `max_size`: Some(1261), added: 3736, mode: `MaxEncodedLen`)
	/// Storage: `Rewards::AuthorScores` (r:30 w:30)
	/// Proof: `Rewards::AuthorScores` (`max_values`: None, `max_size`: Some(76), added: 2551, mode: `MaxEncodedLen`)
	/// Storage: `Rewards::Eras` (r:30 w:30)
	/// Proof: `Rewards::Eras` (`max_values`: None, `max_size`: Some(96), added: 2571, mode: `MaxEncodedLen`)
	/// Storage: `Rewards::PostScores` (r:1500 w:0)
	/// Proof: `Rewards::PostScores` (`max_values`: None, `max_size`: Some(60), added: 2535, mode: `MaxEncodedLen`)
	/// Storage: `Rewards::Carry` (r:1 w:1)
	/// Proof: `Rewards::Carry` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Rewards::ErasToPrune` (r:0 w:30)
	/// Proof: `Rewards::ErasToPrune` (`max_values`: None, `max_size`: Some(12), added: 2487, mode: `MaxEncodedLen`)
	/// The range of component `e` is `[1, 30]`.
	fn claim_rewards(e: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `3265 + e * (732 ±0)`
		//  Estimated: `3638 + e * (126750 ±0)`
		// Minimum execution time: 366_034_000 picoseconds.
		Weight::from_parts(266_204_310, 3638)
			// Standard Error: 3_188_208
			.saturating_add(Weight::from_parts(466_662_901, 0).saturating_mul(e.into()))
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().reads((53_u64).saturating_mul(e.into())))
			.saturating_add(T::DbWeight::get().writes(2_u64))
			.saturating_add(T::DbWeight::get().writes((4_u64).saturating_mul(e.into())))
			.saturating_add(Weight::from_parts(0, 126750).saturating_mul(e.into()))
	}
	/// Storage: `Posts::Posts` (r:1 w:0)
	/// Proof: `Posts::Posts` (`max_values`: None, `max_size`: Some(140), added: 2615, mode: `MaxEncodedLen`)
	/// Storage: `Profiles::Blocks` (r:2 w:0)
	/// Proof: `Profiles::Blocks` (`max_values`: None, `max_size`: Some(112), added: 2587, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Rewards::PostTips` (r:1 w:1)
	/// Proof: `Rewards::PostTips` (`max_values`: None, `max_size`: Some(32), added: 2507, mode: `MaxEncodedLen`)
	/// Storage: `Rewards::TipsReceived` (r:1 w:1)
	/// Proof: `Rewards::TipsReceived` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	fn tip() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `257`
		//  Estimated: `6164`
		// Minimum execution time: 69_723_000 picoseconds.
		Weight::from_parts(206_092_800, 6164)
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `Rewards::WindowStarts` (r:1 w:0)
	/// Proof: `Rewards::WindowStarts` (`max_values`: Some(1), `max_size`: Some(57), added: 552, mode: `MaxEncodedLen`)
	/// Storage: `Rewards::CurrentEra` (r:1 w:0)
	/// Proof: `Rewards::CurrentEra` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Rewards::CountedVotes` (r:1 w:1)
	/// Proof: `Rewards::CountedVotes` (`max_values`: None, `max_size`: Some(85), added: 2560, mode: `MaxEncodedLen`)
	/// Storage: `Rewards::AuthorScores` (r:2 w:1)
	/// Proof: `Rewards::AuthorScores` (`max_values`: None, `max_size`: Some(76), added: 2551, mode: `MaxEncodedLen`)
	/// Storage: `Rewards::CuratorVotes` (r:2 w:1)
	/// Proof: `Rewards::CuratorVotes` (`max_values`: None, `max_size`: Some(1261), added: 3736, mode: `MaxEncodedLen`)
	/// Storage: `Rewards::PostScores` (r:1 w:1)
	/// Proof: `Rewards::PostScores` (`max_values`: None, `max_size`: Some(60), added: 2535, mode: `MaxEncodedLen`)
	/// Storage: `Rewards::Stakes` (r:1 w:1)
	/// Proof: `Rewards::Stakes` (`max_values`: None, `max_size`: Some(233), added: 2708, mode: `MaxEncodedLen`)
	/// Storage: `Rewards::HiddenInEra` (r:1 w:0)
	/// Proof: `Rewards::HiddenInEra` (`max_values`: None, `max_size`: Some(28), added: 2503, mode: `MaxEncodedLen`)
	/// Storage: `Profiles::Profiles` (r:1 w:0)
	/// Proof: `Profiles::Profiles` (`max_values`: None, `max_size`: Some(204), added: 2679, mode: `MaxEncodedLen`)
	/// Storage: `Rewards::Manas` (r:1 w:1)
	/// Proof: `Rewards::Manas` (`max_values`: None, `max_size`: Some(56), added: 2531, mode: `MaxEncodedLen`)
	/// Storage: `Rewards::EraScore` (r:1 w:1)
	/// Proof: `Rewards::EraScore` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Rewards::UnclaimedEras` (r:1 w:1)
	/// Proof: `Rewards::UnclaimedEras` (`max_values`: None, `max_size`: Some(173), added: 2648, mode: `MaxEncodedLen`)
	/// Storage: `Rewards::EraClaimants` (r:1 w:1)
	/// Proof: `Rewards::EraClaimants` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// The range of component `v` is `[1, 50]`.
	fn on_vote(v: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `593 + v * (24 ±0)`
		//  Estimated: `8462`
		// Minimum execution time: 91_586_000 picoseconds.
		Weight::from_parts(207_375_526, 8462)
			// Standard Error: 16_238
			.saturating_add(Weight::from_parts(232_537, 0).saturating_mul(v.into()))
			.saturating_add(T::DbWeight::get().reads(15_u64))
			.saturating_add(T::DbWeight::get().writes(9_u64))
	}
	/// Storage: `Rewards::WindowStarts` (r:1 w:0)
	/// Proof: `Rewards::WindowStarts` (`max_values`: Some(1), `max_size`: Some(57), added: 552, mode: `MaxEncodedLen`)
	/// Storage: `Rewards::CurrentEra` (r:1 w:0)
	/// Proof: `Rewards::CurrentEra` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Rewards::CountedVotes` (r:1 w:0)
	/// Proof: `Rewards::CountedVotes` (`max_values`: None, `max_size`: Some(85), added: 2560, mode: `MaxEncodedLen`)
	/// Storage: `Rewards::HiddenInEra` (r:1 w:0)
	/// Proof: `Rewards::HiddenInEra` (`max_values`: None, `max_size`: Some(28), added: 2503, mode: `MaxEncodedLen`)
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
		//  Measured:  `292`
		//  Estimated: `4726`
		// Minimum execution time: 30_035_000 picoseconds.
		Weight::from_parts(77_491_200, 4726)
			.saturating_add(T::DbWeight::get().reads(8_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Rewards::CurrentEra` (r:1 w:0)
	/// Proof: `Rewards::CurrentEra` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Rewards::PostScores` (r:1 w:1)
	/// Proof: `Rewards::PostScores` (`max_values`: None, `max_size`: Some(60), added: 2535, mode: `MaxEncodedLen`)
	/// Storage: `Rewards::AuthorScores` (r:1 w:1)
	/// Proof: `Rewards::AuthorScores` (`max_values`: None, `max_size`: Some(76), added: 2551, mode: `MaxEncodedLen`)
	/// Storage: `Rewards::EraScore` (r:1 w:1)
	/// Proof: `Rewards::EraScore` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Rewards::CuratorVotes` (r:1 w:0)
	/// Proof: `Rewards::CuratorVotes` (`max_values`: None, `max_size`: Some(1261), added: 3736, mode: `MaxEncodedLen`)
	/// Storage: `Rewards::UnclaimedEras` (r:1 w:1)
	/// Proof: `Rewards::UnclaimedEras` (`max_values`: None, `max_size`: Some(173), added: 2648, mode: `MaxEncodedLen`)
	/// Storage: `Rewards::EraClaimants` (r:1 w:1)
	/// Proof: `Rewards::EraClaimants` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Rewards::HiddenInEra` (r:0 w:1)
	/// Proof: `Rewards::HiddenInEra` (`max_values`: None, `max_size`: Some(28), added: 2503, mode: `MaxEncodedLen`)
	fn on_post_hidden() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `380`
		//  Estimated: `4726`
		// Minimum execution time: 31_867_000 picoseconds.
		Weight::from_parts(89_374_080, 4726)
			.saturating_add(T::DbWeight::get().reads(7_u64))
			.saturating_add(T::DbWeight::get().writes(6_u64))
	}
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(283), added: 2758, mode: `MaxEncodedLen`)
	/// Storage: `Rewards::Stakes` (r:1 w:1)
	/// Proof: `Rewards::Stakes` (`max_values`: None, `max_size`: Some(233), added: 2708, mode: `MaxEncodedLen`)
	fn lock_stake() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `116`
		//  Estimated: `3748`
		// Minimum execution time: 57_565_000 picoseconds.
		Weight::from_parts(118_350_720, 3748)
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
		// Minimum execution time: 12_839_000 picoseconds.
		Weight::from_parts(28_035_840, 3698)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Rewards::Stakes` (r:1 w:1)
	/// Proof: `Rewards::Stakes` (`max_values`: None, `max_size`: Some(233), added: 2708, mode: `MaxEncodedLen`)
	/// Storage: `Rewards::CurrentEra` (r:1 w:0)
	/// Proof: `Rewards::CurrentEra` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(283), added: 2758, mode: `MaxEncodedLen`)
	/// The range of component `c` is `[1, 8]`.
	fn withdraw_unlocked(c: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `120 + c * (20 ±0)`
		//  Estimated: `3748`
		// Minimum execution time: 51_377_000 picoseconds.
		Weight::from_parts(122_852_304, 3748)
			// Standard Error: 42_248
			.saturating_add(Weight::from_parts(45_278, 0).saturating_mul(c.into()))
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `Rewards::ErasToPrune` (r:1 w:0)
	/// Proof: `Rewards::ErasToPrune` (`max_values`: None, `max_size`: Some(12), added: 2487, mode: `MaxEncodedLen`)
	/// Storage: `Rewards::PostScores` (r:512 w:512)
	/// Proof: `Rewards::PostScores` (`max_values`: None, `max_size`: Some(60), added: 2535, mode: `MaxEncodedLen`)
	/// Storage: `Rewards::WindowStarts` (r:1 w:0)
	/// Proof: `Rewards::WindowStarts` (`max_values`: Some(1), `max_size`: Some(57), added: 552, mode: `MaxEncodedLen`)
	/// Storage: `Rewards::CountedVotesPrunedBelow` (r:1 w:0)
	/// Proof: `Rewards::CountedVotesPrunedBelow` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// The range of component `k` is `[0, 512]`.
	fn prune_closed_eras(k: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `48 + k * (52 ±0)`
		//  Estimated: `6058 + k * (2535 ±0)`
		// Minimum execution time: 23_204_000 picoseconds.
		Weight::from_parts(74_395_379, 6058)
			// Standard Error: 8_763
			.saturating_add(Weight::from_parts(2_454_711, 0).saturating_mul(k.into()))
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(k.into())))
			.saturating_add(T::DbWeight::get().writes(1_u64))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(k.into())))
			.saturating_add(Weight::from_parts(0, 2535).saturating_mul(k.into()))
	}
}

/// The same weights with RocksDB's database weights, for tests and for runtimes that do not
/// configure their own.
impl WeightInfo for () {
	fn on_initialize() -> Weight {
		Weight::from_parts(5_038_080, 1489)
			.saturating_add(RocksDbWeight::get().reads(2_u64))
	}
	fn on_initialize_era_end() -> Weight {
		Weight::from_parts(112_755_840, 6012)
			.saturating_add(RocksDbWeight::get().reads(10_u64))
			.saturating_add(RocksDbWeight::get().writes(9_u64))
	}
	fn claim_rewards(e: u32, ) -> Weight {
		Weight::from_parts(266_204_310, 3638)
			.saturating_add(Weight::from_parts(466_662_901, 0).saturating_mul(e.into()))
			.saturating_add(RocksDbWeight::get().reads(3_u64))
			.saturating_add(RocksDbWeight::get().reads((53_u64).saturating_mul(e.into())))
			.saturating_add(RocksDbWeight::get().writes(2_u64))
			.saturating_add(RocksDbWeight::get().writes((4_u64).saturating_mul(e.into())))
			.saturating_add(Weight::from_parts(0, 126750).saturating_mul(e.into()))
	}
	fn tip() -> Weight {
		Weight::from_parts(206_092_800, 6164)
			.saturating_add(RocksDbWeight::get().reads(6_u64))
			.saturating_add(RocksDbWeight::get().writes(3_u64))
	}
	fn on_vote(v: u32, ) -> Weight {
		Weight::from_parts(207_375_526, 8462)
			.saturating_add(Weight::from_parts(232_537, 0).saturating_mul(v.into()))
			.saturating_add(RocksDbWeight::get().reads(15_u64))
			.saturating_add(RocksDbWeight::get().writes(9_u64))
	}
	fn on_vote_not_counted() -> Weight {
		Weight::from_parts(77_491_200, 4726)
			.saturating_add(RocksDbWeight::get().reads(8_u64))
			.saturating_add(RocksDbWeight::get().writes(1_u64))
	}
	fn on_post_hidden() -> Weight {
		Weight::from_parts(89_374_080, 4726)
			.saturating_add(RocksDbWeight::get().reads(7_u64))
			.saturating_add(RocksDbWeight::get().writes(6_u64))
	}
	fn lock_stake() -> Weight {
		Weight::from_parts(118_350_720, 3748)
			.saturating_add(RocksDbWeight::get().reads(2_u64))
			.saturating_add(RocksDbWeight::get().writes(2_u64))
	}
	fn unlock_stake() -> Weight {
		Weight::from_parts(28_035_840, 3698)
			.saturating_add(RocksDbWeight::get().reads(2_u64))
			.saturating_add(RocksDbWeight::get().writes(1_u64))
	}
	fn withdraw_unlocked(c: u32, ) -> Weight {
		Weight::from_parts(122_852_304, 3748)
			.saturating_add(Weight::from_parts(45_278, 0).saturating_mul(c.into()))
			.saturating_add(RocksDbWeight::get().reads(3_u64))
			.saturating_add(RocksDbWeight::get().writes(2_u64))
	}
	fn prune_closed_eras(k: u32, ) -> Weight {
		Weight::from_parts(74_395_379, 6058)
			.saturating_add(Weight::from_parts(2_454_711, 0).saturating_mul(k.into()))
			.saturating_add(RocksDbWeight::get().reads(4_u64))
			.saturating_add(RocksDbWeight::get().reads((1_u64).saturating_mul(k.into())))
			.saturating_add(RocksDbWeight::get().writes(1_u64))
			.saturating_add(RocksDbWeight::get().writes((1_u64).saturating_mul(k.into())))
			.saturating_add(Weight::from_parts(0, 2535).saturating_mul(k.into()))
	}
}
