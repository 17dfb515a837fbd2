//! A test runtime with the real Balances, Profiles, Posts and Votes pallets, Votes reporting to
//! Rewards.

use frame_support::{derive_impl, parameter_types, traits::Hooks, PalletId};
use sp_runtime::{BuildStorage, Perbill};

use crate as pallet_rewards;

type Block = frame_system::mocking::MockBlock<Test>;
pub type AccountId = u64;
pub type Balance = u128;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		Profiles: pallet_profiles,
		Posts: pallet_posts,
		Votes: pallet_votes,
		Rewards: pallet_rewards,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountData = pallet_balances::AccountData<Balance>;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type AccountStore = System;
	type Balance = Balance;
	type ExistentialDeposit = ExistentialDeposit;
	type RuntimeHoldReason = RuntimeHoldReason;
}

pub const EXISTENTIAL_DEPOSIT: Balance = 10;
pub const ERA_LENGTH: u64 = 10;
pub const ERA_MINT: Balance = 1_000_000;
pub const MIN_CURATION_STAKE: Balance = 1_000;
/// The curation stake every rich account locks: as large as full mana, so that a vote's weight
/// equals the voter's mana in parts per million.
pub const STAKE: Balance = crate::FULL_MANA as Balance;
pub const MAX_UNLOCKING_CHUNKS: u32 = 3;
pub const MANA_REGENERATION_PERIOD: u64 = 100;
pub const MAX_ERAS_PER_CLAIM: u32 = 3;
pub const CLAIM_HORIZON: u32 = 5;
pub const CURATION_WINDOW: u32 = 4;
pub const MAX_REWARDED_VOTES_PER_ERA: u32 = 4;

parameter_types! {
	pub const ExistentialDeposit: Balance = EXISTENTIAL_DEPOSIT;
	pub const ProfileDeposit: Balance = 5;
	pub const PostDeposit: Balance = 5;
	pub const VoteDeposit: Balance = 3;
	pub const TombstoneDeposit: Balance = 2;
	pub const MaxBodySize: u32 = 1_000;
	pub const MaxThreadDepth: u8 = 8;
	pub const RateLimitWindow: u64 = 10;
	pub const MaxPostsPerWindow: u32 = 100;
	pub const RewardsPalletId: PalletId = PalletId(*b"plz/rwrd");
	pub const EraMint: Balance = ERA_MINT;
	pub const FeeShare: Perbill = Perbill::from_percent(20);
	pub const AuthorShare: Perbill = Perbill::from_percent(50);
	pub const MinCurationStake: Balance = MIN_CURATION_STAKE;
	pub const MaxUnlockingChunks: u32 = MAX_UNLOCKING_CHUNKS;
	pub const ManaRegenerationPeriod: u64 = MANA_REGENERATION_PERIOD;
	pub const VoteManaCost: Perbill = Perbill::from_percent(2);
	pub const MaxErasPerClaim: u32 = MAX_ERAS_PER_CLAIM;
	pub const ClaimHorizon: u32 = CLAIM_HORIZON;
	pub const CurationWindow: u32 = CURATION_WINDOW;
	pub const MaxRewardedVotesPerEra: u32 = MAX_REWARDED_VOTES_PER_ERA;
}

impl pallet_profiles::Config for Test {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type ProfileDepositBase = ProfileDeposit;
	type ProfileDepositPerByte = ();
	type FollowDeposit = ProfileDeposit;
	type MuteDeposit = ProfileDeposit;
	type BlockDeposit = ProfileDeposit;
	type MaxMuted = frame_support::traits::ConstU32<10>;
	type MaxBlocked = frame_support::traits::ConstU32<10>;
	type DepositPayer = ();
	type WeightInfo = ();
}

impl pallet_posts::Config for Test {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type PostDeposit = PostDeposit;
	type TombstoneDeposit = TombstoneDeposit;
	type MaxBodySize = MaxBodySize;
	type MaxThreadDepth = MaxThreadDepth;
	type RateLimitWindow = RateLimitWindow;
	type MaxPostsPerWindow = MaxPostsPerWindow;
	type DepositPayer = ();
	type Communities = ();
	type Blocks = Profiles;
	type WeightInfo = ();
}

impl pallet_votes::Config for Test {
	type Posts = Posts;
	type OnVote = Rewards;
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type VoteDeposit = VoteDeposit;
	type DepositPayer = ();
	type WeightInfo = ();
}

impl pallet_rewards::Config for Test {
	type Currency = Balances;
	type Posts = Posts;
	type Profiles = Profiles;
	type Blocks = Profiles;
	type PalletId = RewardsPalletId;
	type EraMint = EraMint;
	type FeeShare = FeeShare;
	type AuthorShare = AuthorShare;
	type RuntimeHoldReason = RuntimeHoldReason;
	type MinCurationStake = MinCurationStake;
	type MaxUnlockingChunks = MaxUnlockingChunks;
	type ManaRegenerationPeriod = ManaRegenerationPeriod;
	type VoteManaCost = VoteManaCost;
	type MaxErasPerClaim = MaxErasPerClaim;
	type ClaimHorizon = ClaimHorizon;
	type CurationWindow = CurationWindow;
	type MaxRewardedVotesPerEra = MaxRewardedVotesPerEra;
	type WeightInfo = ();
}

pub const ALICE: AccountId = 1;
pub const BOB: AccountId = 2;
pub const CHARLIE: AccountId = 3;
pub const DAVE: AccountId = 4;
pub const EVE: AccountId = 5;
/// Has a profile but too little to lock `MIN_CURATION_STAKE`.
pub const POOR: AccountId = 6;
/// Has no profile (but a curation stake).
pub const NOBODY: AccountId = 7;
pub const ENDOWMENT: Balance = 1_000_000_000;

plaza_primitives::test_ext_checking_invariants!(Rewards, Posts, Votes, Profiles);

pub fn new_test_ext() -> TestExt {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	let rich = [ALICE, BOB, CHARLIE, DAVE, EVE, NOBODY].map(|who| (who, ENDOWMENT));
	pallet_balances::GenesisConfig::<Test> {
		balances: [&rich[..], &[(POOR, 500)]].concat(),
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	pallet_rewards::GenesisConfig::<Test> { era_length: ERA_LENGTH }
		.assimilate_storage(&mut storage)
		.unwrap();
	let mut ext: sp_io::TestExternalities = storage.into();
	ext.execute_with(|| {
		System::set_block_number(1);
		for who in [ALICE, BOB, CHARLIE, DAVE, EVE, POOR] {
			let handle = format!("user_{who}").into_bytes();
			pallet_profiles::Pallet::<Test>::set_profile(
				RuntimeOrigin::signed(who),
				pallet_profiles::Handle::truncate_from(handle),
				Default::default(),
				None,
			)
			.unwrap();
		}
		for who in [ALICE, BOB, CHARLIE, DAVE, EVE, NOBODY] {
			Rewards::lock_stake(RuntimeOrigin::signed(who), STAKE).unwrap();
		}
		System::reset_events();
	});
	TestExt(ext)
}

/// Runs blocks up to and including `n`, with the rewards pallet's hooks: each block before the
/// next ends with `on_idle` (with all the weight it wants), the next starts with `on_initialize`.
pub fn run_to_block(n: u64) {
	while System::block_number() < n {
		Rewards::on_idle(System::block_number(), frame_support::weights::Weight::MAX);
		System::set_block_number(System::block_number() + 1);
		Rewards::on_initialize(System::block_number());
	}
}
