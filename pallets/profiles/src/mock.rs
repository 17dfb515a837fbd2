//! A test runtime: System, Balances and Profiles.

use frame_support::{
	derive_impl, parameter_types,
	traits::{fungible::MutateHold, tokens::Precision},
};
use sp_runtime::{BuildStorage, DispatchResult};

use crate as pallet_profiles;

type Block = frame_system::mocking::MockBlock<Test>;
pub type AccountId = u64;
pub type Balance = u64;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		Profiles: pallet_profiles,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountData = pallet_balances::AccountData<Balance>;
	// Database accesses weigh what they do on a real chain, so that tests see what is refunded.
	type DbWeight = frame_support::weights::constants::RocksDbWeight;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type AccountStore = System;
	type Balance = Balance;
	type ExistentialDeposit = ExistentialDeposit;
	type RuntimeHoldReason = RuntimeHoldReason;
}

pub const EXISTENTIAL_DEPOSIT: Balance = 10;
pub const PROFILE_DEPOSIT_BASE: Balance = 100;
pub const PROFILE_DEPOSIT_PER_BYTE: Balance = 2;
pub const FOLLOW_DEPOSIT: Balance = 7;
pub const MUTE_DEPOSIT: Balance = 5;
pub const BLOCK_DEPOSIT: Balance = 6;
pub const MAX_MUTED: u32 = 3;
pub const MAX_BLOCKED: u32 = 2;

parameter_types! {
	pub const ExistentialDeposit: Balance = EXISTENTIAL_DEPOSIT;
	pub const ProfileDepositBase: Balance = PROFILE_DEPOSIT_BASE;
	pub const ProfileDepositPerByte: Balance = PROFILE_DEPOSIT_PER_BYTE;
	pub const FollowDeposit: Balance = FOLLOW_DEPOSIT;
	pub const MuteDeposit: Balance = MUTE_DEPOSIT;
	pub const BlockDeposit: Balance = BLOCK_DEPOSIT;
	pub const MaxMuted: u32 = MAX_MUTED;
	pub const MaxBlocked: u32 = MAX_BLOCKED;
	/// The person an app is acting for, and the app, as the apps pallet's `act_for` sets it.
	pub static Sponsored: Option<(AccountId, AccountId)> = None;
}

/// An app pays for `Sponsored`'s person while a test sets it.
pub struct TestDepositPayer;

impl plaza_primitives::DepositPayer<AccountId, RuntimeHoldReason, Balance> for TestDepositPayer {
	fn sponsor(who: &AccountId) -> Option<AccountId> {
		Sponsored::get().and_then(|(person, app)| (person == *who).then_some(app))
	}

	fn hold(reason: &RuntimeHoldReason, app: &AccountId, amount: Balance) -> DispatchResult {
		<Balances as MutateHold<_>>::hold(reason, app, amount)
	}

	fn release(reason: &RuntimeHoldReason, app: &AccountId, amount: Balance) -> DispatchResult {
		<Balances as MutateHold<_>>::release(reason, app, amount, Precision::BestEffort).map(|_| ())
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn set_sponsor_for_benchmark(sponsored: Option<(AccountId, AccountId)>) {
		Sponsored::set(sponsored);
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn open_batch_for_benchmark(_: &AccountId) {}
}

impl pallet_profiles::Config for Test {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type ProfileDepositBase = ProfileDepositBase;
	type ProfileDepositPerByte = ProfileDepositPerByte;
	type FollowDeposit = FollowDeposit;
	type MuteDeposit = MuteDeposit;
	type BlockDeposit = BlockDeposit;
	type MaxMuted = MaxMuted;
	type MaxBlocked = MaxBlocked;
	type DepositPayer = TestDepositPayer;
	type WeightInfo = ();
}

pub const ALICE: AccountId = 1;
pub const BOB: AccountId = 2;
pub const CHARLIE: AccountId = 3;
/// An account with too little to pay a profile deposit.
pub const POOR: AccountId = 4;
/// An app that pays deposits for the people it acts for.
pub const APP: AccountId = 5;
/// A person with no balance at all.
pub const NEWCOMER: AccountId = 6;
pub const ENDOWMENT: Balance = 10_000;

plaza_primitives::test_ext_checking_invariants!(Profiles);

pub fn new_test_ext() -> TestExt {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_balances::GenesisConfig::<Test> {
		balances: vec![
			(ALICE, ENDOWMENT),
			(BOB, ENDOWMENT),
			(CHARLIE, ENDOWMENT),
			(POOR, 50),
			(APP, ENDOWMENT),
		],
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	let mut ext: sp_io::TestExternalities = storage.into();
	ext.execute_with(|| System::set_block_number(1));
	TestExt(ext)
}
