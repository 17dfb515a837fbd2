//! Block limits, accounts, time and batching.

use frame_support::{
	derive_impl,
	dispatch::DispatchClass,
	parameter_types,
	traits::{ConstU32, ConstU64, Get},
	weights::{constants::WEIGHT_REF_TIME_PER_SECOND, Weight},
};
use frame_system::limits::{BlockLength, BlockWeights};
use sp_runtime::Perbill;
use sp_version::RuntimeVersion;

use crate::weights::{self, BlockExecutionWeight, ChargedExtrinsicBase, RocksDbWeight};
use crate::{
	constants::{time::SLOT_DURATION, SS58_PREFIX},
	AccountId, Aura, Balance, Block, BlockNumber, Hash, Nonce, OriginCaller, PalletInfo, Runtime,
	RuntimeCall, RuntimeEvent, RuntimeOrigin, RuntimeTask, VERSION,
};

/// The share of a block's weight and length that ordinary transactions may fill; the rest is
/// kept for operational transactions and inherents.
const NORMAL_DISPATCH_RATIO: Perbill = Perbill::from_percent(75);

/// The computation a block may hold: a third of the six-second slot, so that authoring a full
/// block, sending it and importing it on the next author all fit in one slot.
const MAXIMUM_BLOCK_WEIGHT: Weight =
	Weight::from_parts(2u64 * WEIGHT_REF_TIME_PER_SECOND, u64::MAX);

/// The share of a block's weight that `on_initialize` hooks are expected to take on average.
const AVERAGE_ON_INITIALIZE_RATIO: Perbill = Perbill::from_percent(10);

/// The most bytes a block may hold.
const MAX_BLOCK_LENGTH: u32 = 5 * 1024 * 1024;

parameter_types! {
	/// How many recent block hashes stay queryable (and how long a mortal transaction may live).
	pub const BlockHashCount: BlockNumber = 2400;
	/// The running runtime's version.
	pub const Version: RuntimeVersion = VERSION;
	/// Two seconds of computation per six-second block, with the base costs of a block and of an
	/// extrinsic measured on this project's machine (`benchmark overhead`, and full blocks for
	/// what an extrinsic costs beyond that), at the reference-hardware margin.
	pub RuntimeBlockWeights: BlockWeights = BlockWeights::builder()
		.base_block(BlockExecutionWeight::get())
		.for_class(DispatchClass::all(), |weights| {
			weights.base_extrinsic = ChargedExtrinsicBase::get();
		})
		.for_class(DispatchClass::Normal, |weights| {
			weights.max_total = Some(NORMAL_DISPATCH_RATIO * MAXIMUM_BLOCK_WEIGHT);
		})
		.for_class(DispatchClass::Operational, |weights| {
			weights.max_total = Some(MAXIMUM_BLOCK_WEIGHT);
			// Operational transactions may use what normal ones cannot.
			weights.reserved =
				Some(MAXIMUM_BLOCK_WEIGHT - NORMAL_DISPATCH_RATIO * MAXIMUM_BLOCK_WEIGHT);
		})
		.avg_block_initialization(AVERAGE_ON_INITIALIZE_RATIO)
		.build_or_panic();
	/// Block length limits per dispatch class.
	pub RuntimeBlockLength: BlockLength = BlockLength::builder()
		.max_length(MAX_BLOCK_LENGTH)
		.modify_max_length_for_class(DispatchClass::Normal, |max| {
			*max = NORMAL_DISPATCH_RATIO * *max
		})
		.build();
	/// The SS58 prefix wallets format Plaza addresses with.
	pub const SS58Prefix: u16 = SS58_PREFIX;
}

#[derive_impl(frame_system::config_preludes::SolochainDefaultConfig)]
impl frame_system::Config for Runtime {
	type Block = Block;
	type BlockWeights = RuntimeBlockWeights;
	type BlockLength = RuntimeBlockLength;
	type AccountId = AccountId;
	type Nonce = Nonce;
	type Hash = Hash;
	type BlockHashCount = BlockHashCount;
	/// RocksDB is the node's default database; its weights were measured on this project's
	/// machine (`benchmark storage`).
	type DbWeight = RocksDbWeight;
	type Version = Version;
	type AccountData = pallet_balances::AccountData<Balance>;
	type SS58Prefix = SS58Prefix;
	type MaxConsumers = ConstU32<16>;
	type SystemWeightInfo = weights::frame_system::WeightInfo<Runtime>;
	type ExtensionsWeightInfo = weights::frame_system_extensions::WeightInfo<Runtime>;
}

impl pallet_timestamp::Config for Runtime {
	/// Milliseconds since the Unix epoch.
	type Moment = u64;
	type OnTimestampSet = Aura;
	/// Aura derives its slot duration as twice this.
	type MinimumPeriod = ConstU64<{ SLOT_DURATION / 2 }>;
	type WeightInfo = weights::pallet_timestamp::WeightInfo<Runtime>;
}

impl pallet_utility::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type PalletsOrigin = OriginCaller;
	type WeightInfo = weights::pallet_utility::WeightInfo<Runtime>;
}
