//! Balances, transaction fees and root access.

use frame_support::{
	parameter_types,
	traits::{ConstU128, ConstU32, ConstU8, VariantCountOf},
	weights::{
		ConstantMultiplier, WeightToFeeCoefficient, WeightToFeeCoefficients, WeightToFeePolynomial,
	},
};
use pallet_transaction_payment::{FungibleAdapter, Multiplier, TargetedFeeAdjustment};
use sp_runtime::{traits::Bounded, FixedPointNumber, Perbill, Perquintill};

use crate::weights::{self, ExtrinsicBaseWeight};
use crate::{
	constants::currency::{BASE_TRANSACTION_FEE, EXISTENTIAL_DEPOSIT, TRANSACTION_BYTE_FEE},
	Balance, Balances, Runtime, RuntimeCall, RuntimeEvent, RuntimeFreezeReason, RuntimeHoldReason,
	System,
};

impl pallet_balances::Config for Runtime {
	type MaxLocks = ConstU32<50>;
	type MaxReserves = ConstU32<50>;
	type ReserveIdentifier = [u8; 8];
	type Balance = Balance;
	type RuntimeEvent = RuntimeEvent;
	/// Dust of reaped accounts is burned.
	type DustRemoval = ();
	type ExistentialDeposit = ConstU128<EXISTENTIAL_DEPOSIT>;
	type AccountStore = System;
	type WeightInfo = weights::pallet_balances::WeightInfo<Runtime>;
	type FreezeIdentifier = RuntimeFreezeReason;
	type MaxFreezes = VariantCountOf<RuntimeFreezeReason>;
	type RuntimeHoldReason = RuntimeHoldReason;
	type RuntimeFreezeReason = RuntimeFreezeReason;
	type DoneSlashHandler = ();
}

/// Converts weight to fee: a transaction of `ExtrinsicBaseWeight` pays `BASE_TRANSACTION_FEE`,
/// and the fee grows linearly with reference time.
pub struct WeightToFee;

impl WeightToFeePolynomial for WeightToFee {
	type Balance = Balance;

	fn polynomial() -> WeightToFeeCoefficients<Self::Balance> {
		let fee = BASE_TRANSACTION_FEE;
		let base_weight = Balance::from(ExtrinsicBaseWeight::get().ref_time());
		let mut coefficients = WeightToFeeCoefficients::new();
		coefficients.push(WeightToFeeCoefficient {
			degree: 1,
			negative: false,
			coeff_frac: Perbill::from_rational(fee % base_weight, base_weight),
			coeff_integer: fee / base_weight,
		});
		coefficients
	}
}

parameter_types! {
	/// The per-byte fee of an encoded transaction.
	pub const TransactionByteFee: Balance = TRANSACTION_BYTE_FEE;
	/// Fees rise when blocks are fuller than this and fall back (to the base fee) when emptier.
	pub const TargetBlockFullness: Perquintill = Perquintill::from_percent(25);
	/// How fast the fee multiplier follows congestion: a run of full blocks about doubles fees
	/// in a little over an hour, as on Polkadot.
	pub AdjustmentVariable: Multiplier = Multiplier::saturating_from_rational(75, 1_000_000);
	/// Fees never drop below the base fee.
	pub MinimumMultiplier: Multiplier = Multiplier::from_u32(1);
	/// No ceiling on congestion pricing.
	pub MaximumMultiplier: Multiplier = Bounded::max_value();
}

impl pallet_transaction_payment::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	/// Fees are withdrawn in PLZ: a share goes to the reward pool, the rest is burned.
	type OnChargeTransaction = FungibleAdapter<Balances, pallet_rewards::FeesToRewardPool<Runtime>>;
	/// Operational transactions pay five times the fee for their priority.
	type OperationalFeeMultiplier = ConstU8<5>;
	type WeightToFee = WeightToFee;
	type LengthToFee = ConstantMultiplier<Balance, TransactionByteFee>;
	type FeeMultiplierUpdate = TargetedFeeAdjustment<
		Self,
		TargetBlockFullness,
		AdjustmentVariable,
		MinimumMultiplier,
		MaximumMultiplier,
	>;
	type WeightInfo = weights::pallet_transaction_payment::WeightInfo<Runtime>;
}

impl pallet_sudo::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type WeightInfo = weights::pallet_sudo::WeightInfo<Runtime>;
}
