//! A test runtime: System, Balances and Posts.

use frame_support::{derive_impl, parameter_types};
use plaza_primitives::CommunityId;
use sp_runtime::{BuildStorage, DispatchError, DispatchResult};

use crate as pallet_posts;

type Block = frame_system::mocking::MockBlock<Test>;
pub type AccountId = u64;
pub type Balance = u64;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		Posts: pallet_posts,
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
pub const POST_DEPOSIT: Balance = 50;
pub const TOMBSTONE_DEPOSIT: Balance = 20;
pub const MAX_BODY_SIZE: u32 = 1_000;
pub const MAX_THREAD_DEPTH: u8 = 3;
pub const RATE_LIMIT_WINDOW: u64 = 10;
pub const MAX_POSTS_PER_WINDOW: u32 = 5;

parameter_types! {
	pub const ExistentialDeposit: Balance = EXISTENTIAL_DEPOSIT;
	pub const PostDeposit: Balance = POST_DEPOSIT;
	pub const TombstoneDeposit: Balance = TOMBSTONE_DEPOSIT;
	pub const MaxBodySize: u32 = MAX_BODY_SIZE;
	pub const MaxThreadDepth: u8 = MAX_THREAD_DEPTH;
	pub const RateLimitWindow: u64 = RATE_LIMIT_WINDOW;
	pub const MaxPostsPerWindow: u32 = MAX_POSTS_PER_WINDOW;
	/// The (community, account) pairs the test communities refuse a post from.
	pub static Refused: Vec<(CommunityId, AccountId)> = Vec::new();
	/// The (blocker, blocked) pairs of the tests.
	pub static Blocked: Vec<(AccountId, AccountId)> = Vec::new();
}

/// Answers as the profiles pallet would, with an error of its own.
pub struct TestBlocks;

impl plaza_primitives::BlockList<AccountId> for TestBlocks {
	fn ensure_no_block(owner: &AccountId, who: &AccountId) -> DispatchResult {
		if Blocked::get().contains(&(*owner, *who)) {
			return Err(DispatchError::Other("blocked"));
		}
		if Blocked::get().contains(&(*who, *owner)) {
			return Err(DispatchError::Other("blocking"));
		}
		Ok(())
	}
}

/// The communities of the tests: `0..COMMUNITIES` exist and let anyone post but `Refused`.
pub const COMMUNITIES: CommunityId = 3;

/// Answers as a communities pallet would, with errors of its own.
pub struct TestCommunities;

impl plaza_primitives::CommunityGate<AccountId> for TestCommunities {
	fn ensure_can_post(community: CommunityId, who: &AccountId) -> DispatchResult {
		if community >= COMMUNITIES {
			return Err(DispatchError::Other("no such community"));
		}
		if Refused::get().contains(&(community, *who)) {
			return Err(DispatchError::Other("muted"));
		}
		Ok(())
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn create_community_for_benchmark(_: &AccountId) -> CommunityId {
		0
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn add_poster_for_benchmark(_: CommunityId, _: &AccountId) {}
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
	type Communities = TestCommunities;
	type Blocks = TestBlocks;
	type WeightInfo = ();
}

pub const ALICE: AccountId = 1;
pub const BOB: AccountId = 2;
/// An account with too little to pay a post deposit.
pub const POOR: AccountId = 3;
pub const ENDOWMENT: Balance = 10_000;

plaza_primitives::test_ext_checking_invariants!(Posts);

pub fn new_test_ext() -> TestExt {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_balances::GenesisConfig::<Test> {
		balances: vec![(ALICE, ENDOWMENT), (BOB, ENDOWMENT), (POOR, 40)],
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	let mut ext: sp_io::TestExternalities = storage.into();
	ext.execute_with(|| System::set_block_number(1));
	TestExt(ext)
}
