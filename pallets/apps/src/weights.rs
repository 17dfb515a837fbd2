
//! Weights for `pallet_apps`, generated on this machine by `scripts/benchmark-weights.sh`.
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
//! pallet_apps
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
//! pallets/apps/src/weights.rs
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

/// Weight functions needed for `pallet_apps`.
pub trait WeightInfo {
	fn authorize() -> Weight;
	fn end_grant() -> Weight;
	fn authorize_signed() -> Weight;
	fn act_for(n: u32, ) -> Weight;
	fn hold_batch_deposit() -> Weight;
	fn sweep_used_payloads(n: u32, ) -> Weight;
}

/// Weights for `pallet_apps` with the runtime's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Storage: `Apps::Grants` (r:1 w:1)
	/// Proof: `Apps::Grants` (`max_values`: None, `max_size`: Some(173), added: 2648, mode: `MaxEncodedLen`)
	/// Storage: `Parameters::Parameters` (r:2 w:0)
	/// Proof: `Parameters::Parameters` (`max_values`: None, `max_size`: Some(36), added: 2511, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(283), added: 2758, mode: `MaxEncodedLen`)
	fn authorize() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `3`
		//  Estimated: `6012`
		// Minimum execution time: 61_872_000 picoseconds.
		Weight::from_parts(124_523_520, 6012)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `Apps::Grants` (r:1 w:1)
	/// Proof: `Apps::Grants` (`max_values`: None, `max_size`: Some(173), added: 2648, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(283), added: 2758, mode: `MaxEncodedLen`)
	fn end_grant() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `215`
		//  Estimated: `3748`
		// Minimum execution time: 47_861_000 picoseconds.
		Weight::from_parts(96_931_200, 3748)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `System::BlockHash` (r:1 w:0)
	/// Proof: `System::BlockHash` (`max_values`: None, `max_size`: Some(44), added: 2519, mode: `MaxEncodedLen`)
	/// Storage: `Apps::UsedPayloads` (r:1 w:1)
	/// Proof: `Apps::UsedPayloads` (`max_values`: None, `max_size`: Some(44), added: 2519, mode: `MaxEncodedLen`)
	/// Storage: `Apps::Grants` (r:1 w:1)
	/// Proof: `Apps::Grants` (`max_values`: None, `max_size`: Some(173), added: 2648, mode: `MaxEncodedLen`)
	/// Storage: `Parameters::Parameters` (r:2 w:0)
	/// Proof: `Parameters::Parameters` (`max_values`: None, `max_size`: Some(36), added: 2511, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(283), added: 2758, mode: `MaxEncodedLen`)
	fn authorize_signed() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `57`
		//  Estimated: `6012`
		// Minimum execution time: 158_996_000 picoseconds.
		Weight::from_parts(323_579_520, 6012)
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `Apps::Grants` (r:200 w:0)
	/// Proof: `Apps::Grants` (`max_values`: None, `max_size`: Some(173), added: 2648, mode: `MaxEncodedLen`)
	/// The range of component `n` is `[1, 200]`.
	fn act_for(n: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `0 + n * (178 ±0)`
		//  Estimated: `990 + n * (2648 ±0)`
		// Minimum execution time: 21_592_000 picoseconds.
		Weight::from_parts(42_301_440, 990)
			// Standard Error: 55_932
			.saturating_add(Weight::from_parts(21_988_666, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 2648).saturating_mul(n.into()))
	}
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(283), added: 2758, mode: `MaxEncodedLen`)
	fn hold_batch_deposit() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `55`
		//  Estimated: `3748`
		// Minimum execution time: 52_027_000 picoseconds.
		Weight::from_parts(108_257_280, 3748)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Apps::PayloadsSweptTo` (r:1 w:1)
	/// Proof: `Apps::PayloadsSweptTo` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Apps::UsedPayloads` (r:1024 w:1024)
	/// Proof: `Apps::UsedPayloads` (`max_values`: None, `max_size`: Some(44), added: 2519, mode: `MaxEncodedLen`)
	/// The range of component `n` is `[0, 1024]`.
	fn sweep_used_payloads(n: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `30 + n * (36 ±0)`
		//  Estimated: `3604 + n * (2519 ±0)`
		// Minimum execution time: 5_678_000 picoseconds.
		Weight::from_parts(14_194_315, 3604)
			// Standard Error: 13_666
			.saturating_add(Weight::from_parts(6_065_265, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(1_u64))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 2519).saturating_mul(n.into()))
	}
}

/// The same weights with RocksDB's database weights, for tests and for runtimes that do not
/// configure their own.
impl WeightInfo for () {
	fn authorize() -> Weight {
		Weight::from_parts(124_523_520, 6012)
			.saturating_add(RocksDbWeight::get().reads(4_u64))
			.saturating_add(RocksDbWeight::get().writes(2_u64))
	}
	fn end_grant() -> Weight {
		Weight::from_parts(96_931_200, 3748)
			.saturating_add(RocksDbWeight::get().reads(2_u64))
			.saturating_add(RocksDbWeight::get().writes(2_u64))
	}
	fn authorize_signed() -> Weight {
		Weight::from_parts(323_579_520, 6012)
			.saturating_add(RocksDbWeight::get().reads(6_u64))
			.saturating_add(RocksDbWeight::get().writes(3_u64))
	}
	fn act_for(n: u32, ) -> Weight {
		Weight::from_parts(42_301_440, 990)
			.saturating_add(Weight::from_parts(21_988_666, 0).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 2648).saturating_mul(n.into()))
	}
	fn hold_batch_deposit() -> Weight {
		Weight::from_parts(108_257_280, 3748)
			.saturating_add(RocksDbWeight::get().reads(1_u64))
			.saturating_add(RocksDbWeight::get().writes(1_u64))
	}
	fn sweep_used_payloads(n: u32, ) -> Weight {
		Weight::from_parts(14_194_315, 3604)
			.saturating_add(Weight::from_parts(6_065_265, 0).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(2_u64))
			.saturating_add(RocksDbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(RocksDbWeight::get().writes(1_u64))
			.saturating_add(RocksDbWeight::get().writes((1_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 2519).saturating_mul(n.into()))
	}
}
