
//! Weights for `pallet_votes`, generated on this machine by `scripts/benchmark-weights.sh`.
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
//! pallet_votes
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
//! pallets/votes/src/weights.rs
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

/// Weight functions needed for `pallet_votes`.
pub trait WeightInfo {
	fn vote() -> Weight;
	fn vote_in_batch(n: u32, ) -> Weight;
	fn unvote() -> Weight;
}

/// Weights for `pallet_votes` with the runtime's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Storage: `Posts::Posts` (r:1 w:0)
	/// Proof: `Posts::Posts` (`max_values`: None, `max_size`: Some(140), added: 2615, mode: `MaxEncodedLen`)
	/// Storage: `Votes::Votes` (r:1 w:1)
	/// Proof: `Votes::Votes` (`max_values`: None, `max_size`: Some(81), added: 2556, mode: `MaxEncodedLen`)
	/// Storage: `Parameters::Parameters` (r:2 w:0)
	/// Proof: `Parameters::Parameters` (`max_values`: None, `max_size`: Some(36), added: 2511, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(283), added: 2758, mode: `MaxEncodedLen`)
	/// Storage: `Votes::Tallies` (r:1 w:1)
	/// Proof: `Votes::Tallies` (`max_values`: None, `max_size`: Some(24), added: 2499, mode: `MaxEncodedLen`)
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
	/// Storage: `Votes::DepositPayers` (r:0 w:1)
	/// Proof: `Votes::DepositPayers` (`max_values`: None, `max_size`: Some(96), added: 2571, mode: `MaxEncodedLen`)
	fn vote() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `434`
		//  Estimated: `6012`
		// Minimum execution time: 91_586_000 picoseconds.
		Weight::from_parts(204_936_960, 6012)
			.saturating_add(T::DbWeight::get().reads(12_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	/// Storage: `Posts::Posts` (r:200 w:0)
	/// Proof: `Posts::Posts` (`max_values`: None, `max_size`: Some(140), added: 2615, mode: `MaxEncodedLen`)
	/// Storage: `Votes::Votes` (r:200 w:200)
	/// Proof: `Votes::Votes` (`max_values`: None, `max_size`: Some(81), added: 2556, mode: `MaxEncodedLen`)
	/// Storage: `Parameters::Parameters` (r:2 w:0)
	/// Proof: `Parameters::Parameters` (`max_values`: None, `max_size`: Some(36), added: 2511, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:0)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:0)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(283), added: 2758, mode: `MaxEncodedLen`)
	/// Storage: `Votes::Tallies` (r:200 w:200)
	/// Proof: `Votes::Tallies` (`max_values`: None, `max_size`: Some(24), added: 2499, mode: `MaxEncodedLen`)
	/// Storage: `Rewards::WindowStarts` (r:1 w:0)
	/// Proof: `Rewards::WindowStarts` (`max_values`: Some(1), `max_size`: Some(57), added: 552, mode: `MaxEncodedLen`)
	/// Storage: `Rewards::CurrentEra` (r:1 w:0)
	/// Proof: `Rewards::CurrentEra` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Rewards::CountedVotes` (r:200 w:0)
	/// Proof: `Rewards::CountedVotes` (`max_values`: None, `max_size`: Some(85), added: 2560, mode: `MaxEncodedLen`)
	/// Storage: `Rewards::HiddenInEra` (r:200 w:0)
	/// Proof: `Rewards::HiddenInEra` (`max_values`: None, `max_size`: Some(28), added: 2503, mode: `MaxEncodedLen`)
	/// Storage: `Profiles::Profiles` (r:200 w:0)
	/// Proof: `Profiles::Profiles` (`max_values`: None, `max_size`: Some(204), added: 2679, mode: `MaxEncodedLen`)
	/// Storage: `Votes::DepositPayers` (r:0 w:200)
	/// Proof: `Votes::DepositPayers` (`max_values`: None, `max_size`: Some(96), added: 2571, mode: `MaxEncodedLen`)
	/// The range of component `n` is `[1, 200]`.
	fn vote_in_batch(n: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `893 + n * (249 ±0)`
		//  Estimated: `6012 + n * (2679 ±0)`
		// Minimum execution time: 53_689_000 picoseconds.
		Weight::from_parts(559_414_737, 6012)
			// Standard Error: 366_439
			.saturating_add(Weight::from_parts(75_836_235, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().reads((6_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes((3_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 2679).saturating_mul(n.into()))
	}
	/// Storage: `Votes::Votes` (r:1 w:1)
	/// Proof: `Votes::Votes` (`max_values`: None, `max_size`: Some(81), added: 2556, mode: `MaxEncodedLen`)
	/// Storage: `Votes::DepositPayers` (r:1 w:1)
	/// Proof: `Votes::DepositPayers` (`max_values`: None, `max_size`: Some(96), added: 2571, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(283), added: 2758, mode: `MaxEncodedLen`)
	/// Storage: `Votes::Tallies` (r:1 w:1)
	/// Proof: `Votes::Tallies` (`max_values`: None, `max_size`: Some(24), added: 2499, mode: `MaxEncodedLen`)
	/// Storage: `Posts::Posts` (r:1 w:0)
	/// Proof: `Posts::Posts` (`max_values`: None, `max_size`: Some(140), added: 2615, mode: `MaxEncodedLen`)
	/// Storage: `Rewards::WindowStarts` (r:1 w:0)
	/// Proof: `Rewards::WindowStarts` (`max_values`: Some(1), `max_size`: Some(57), added: 552, mode: `MaxEncodedLen`)
	/// Storage: `Rewards::CurrentEra` (r:1 w:0)
	/// Proof: `Rewards::CurrentEra` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Rewards::CountedVotes` (r:1 w:0)
	/// Proof: `Rewards::CountedVotes` (`max_values`: None, `max_size`: Some(85), added: 2560, mode: `MaxEncodedLen`)
	fn unvote() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `584`
		//  Estimated: `3748`
		// Minimum execution time: 72_688_000 picoseconds.
		Weight::from_parts(148_732_800, 3748)
			.saturating_add(T::DbWeight::get().reads(9_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
}

/// The same weights with RocksDB's database weights, for tests and for runtimes that do not
/// configure their own.
impl WeightInfo for () {
	fn vote() -> Weight {
		Weight::from_parts(204_936_960, 6012)
			.saturating_add(RocksDbWeight::get().reads(12_u64))
			.saturating_add(RocksDbWeight::get().writes(5_u64))
	}
	fn vote_in_batch(n: u32, ) -> Weight {
		Weight::from_parts(559_414_737, 6012)
			.saturating_add(Weight::from_parts(75_836_235, 0).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(6_u64))
			.saturating_add(RocksDbWeight::get().reads((6_u64).saturating_mul(n.into())))
			.saturating_add(RocksDbWeight::get().writes((3_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 2679).saturating_mul(n.into()))
	}
	fn unvote() -> Weight {
		Weight::from_parts(148_732_800, 3748)
			.saturating_add(RocksDbWeight::get().reads(9_u64))
			.saturating_add(RocksDbWeight::get().writes(5_u64))
	}
}
