//! Governance: referenda decided by conviction votes, their proposals (preimages) and the
//! scheduler that enacts them.
//!
//! Anyone submits a referendum (`referenda.submit`, with [`SubmissionDeposit`]) proposing a call
//! on a track: `root` dispatches it as Root (runtime upgrades, the validator set), `general` with
//! the `General` origin (the runtime's parameters). Once its track's decision deposit is placed
//! and its prepare period is over, it is decided by PLZ holders' votes
//! (`convictionVoting.vote`), weighted by how long each voter agrees to lock (conviction); it
//! passes when approval and support stay above the track's curves for the confirm period, and
//! the scheduler dispatches its call after the enactment period. The tracks are in
//! [`crate::governance::tracks`].

use frame_support::{
	parameter_types,
	traits::{
		fungible::HoldConsideration, tokens::currency::ActiveIssuanceOf, ConstU32,
		EqualPrivilegeOnly, LinearStoragePrice,
	},
	weights::Weight,
};
use frame_system::{EnsureRoot, EnsureSigned};
use sp_runtime::Perbill;

use crate::{
	configs::RuntimeBlockWeights,
	constants::{
		currency::{deposit, DEPOSIT_PER_BYTE, PLZ},
		time::DAYS,
	},
	governance::{
		origins,
		tracks::{Paced, TracksInfo},
	},
	weights, AccountId, Balance, Balances, OriginCaller, Preimage, Referenda, Runtime, RuntimeCall,
	RuntimeEvent, RuntimeHoldReason, RuntimeOrigin, Scheduler, System,
};

parameter_types! {
	/// What submitting a referendum reserves until it ends (returned unless it was killed).
	pub const SubmissionDeposit: Balance = 10 * PLZ;
	/// The scheduler may use at most 80 % of a block for the calls it dispatches.
	pub MaximumSchedulerWeight: Weight =
		Perbill::from_percent(80) * RuntimeBlockWeights::get().max_block;
	/// A noted preimage's fixed deposit: its status record and its request count.
	pub const PreimageBaseDeposit: Balance = deposit(2, 64);
	/// Plus this per byte of the call it holds (a runtime upgrade of 643 kB: about 64 PLZ).
	pub const PreimageByteDeposit: Balance = DEPOSIT_PER_BYTE;
	/// Preimage deposits are held under the preimage pallet's reason.
	pub const PreimageHoldReason: RuntimeHoldReason =
		RuntimeHoldReason::Preimage(pallet_preimage::HoldReason::Preimage);
}

/// How many referenda may wait for a decision slot on one track.
pub const MAX_QUEUED_REFERENDA: u32 = 100;

/// How many ongoing referenda of one track an account may vote on at once.
pub const MAX_VOTES_PER_TRACK: u32 = 512;

impl origins::Config for Runtime {}

impl pallet_referenda::Config for Runtime {
	type RuntimeCall = RuntimeCall;
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = weights::pallet_referenda::WeightInfo<Runtime>;
	type Scheduler = Scheduler;
	type Currency = Balances;
	/// Any account may propose, on any track.
	type SubmitOrigin = frame_support::traits::AsEnsureOriginWithArg<EnsureSigned<AccountId>>;
	/// Root (a passed `root` referendum) may cancel a referendum, returning its deposits…
	type CancelOrigin = EnsureRoot<AccountId>;
	/// …or kill it, burning them.
	type KillOrigin = EnsureRoot<AccountId>;
	/// Slashed deposits are burned.
	type Slash = ();
	type Votes = pallet_conviction_voting::VotesOf<Runtime>;
	type Tally = pallet_conviction_voting::TallyOf<Runtime>;
	type SubmissionDeposit = SubmissionDeposit;
	type MaxQueued = ConstU32<MAX_QUEUED_REFERENDA>;
	/// A referendum whose decision deposit is not placed within 14 days times out.
	type UndecidingTimeout = Paced<{ 14 * DAYS }>;
	/// Referenda are re-checked every block.
	type AlarmInterval = ConstU32<1>;
	type Tracks = TracksInfo;
	type Preimages = Preimage;
	type BlockNumberProvider = System;
}

impl pallet_conviction_voting::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = weights::pallet_conviction_voting::WeightInfo<Runtime>;
	/// Votes lock PLZ (a lock overlaps with other locks and holds: the same PLZ can back a
	/// curation stake and a vote).
	type Currency = Balances;
	type Polls = Referenda;
	/// Support is measured against the active issuance.
	type MaxTurnout = ActiveIssuanceOf<Balances, AccountId>;
	type MaxVotes = ConstU32<MAX_VOTES_PER_TRACK>;
	/// A vote at conviction 1× stays locked for 7 days after its referendum ends, each step
	/// of conviction doubles that (up to 32 × at 6×); at the test networks' pace, days are
	/// minutes.
	type VoteLockingPeriod = Paced<{ 7 * DAYS }>;
	type BlockNumberProvider = System;
	type VotingHooks = ();
}

impl pallet_scheduler::Config for Runtime {
	type RuntimeOrigin = RuntimeOrigin;
	type RuntimeEvent = RuntimeEvent;
	type PalletsOrigin = OriginCaller;
	type RuntimeCall = RuntimeCall;
	type MaximumWeight = MaximumSchedulerWeight;
	/// Only Root schedules directly; referenda schedule through the pallet's own interface.
	type ScheduleOrigin = EnsureRoot<AccountId>;
	type OriginPrivilegeCmp = EqualPrivilegeOnly;
	type MaxScheduledPerBlock = ConstU32<50>;
	type WeightInfo = weights::pallet_scheduler::WeightInfo<Runtime>;
	type Preimages = Preimage;
	type BlockNumberProvider = System;
}

impl pallet_preimage::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = weights::pallet_preimage::WeightInfo<Runtime>;
	type Currency = Balances;
	/// Root may note and request preimages without a deposit.
	type ManagerOrigin = EnsureRoot<AccountId>;
	type Consideration = HoldConsideration<
		AccountId,
		Balances,
		PreimageHoldReason,
		LinearStoragePrice<PreimageBaseDeposit, PreimageByteDeposit, Balance>,
	>;
}
