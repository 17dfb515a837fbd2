//! A test runtime: System, Balances, the real Posts pallet, and Votes with an observer that
//! records what it is told.

use core::cell::RefCell;
use frame_support::{derive_impl, parameter_types, weights::Weight};
use plaza_primitives::{OnVote, PostId, VoteDirection};
use sp_runtime::BuildStorage;

use crate as pallet_votes;

type Block = frame_system::mocking::MockBlock<Test>;
pub type AccountId = u64;
pub type Balance = u64;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		Posts: pallet_posts,
		Votes: pallet_votes,
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

parameter_types! {
	pub const ExistentialDeposit: Balance = 10;
	pub const PostDeposit: Balance = 50;
	pub const TombstoneDeposit: Balance = 20;
	pub const MaxBodySize: u32 = 1_000;
	pub const MaxThreadDepth: u8 = 8;
	pub const RateLimitWindow: u64 = 10;
	pub const MaxPostsPerWindow: u32 = 100;
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
	type Blocks = ();
	type WeightInfo = ();
}

/// One call of the vote observer: (post, author, voter, previous, current).
pub type Observed = (PostId, AccountId, AccountId, Option<VoteDirection>, Option<VoteDirection>);

thread_local! {
	static OBSERVED: RefCell<Vec<Observed>> = const { RefCell::new(Vec::new()) };
}

/// Records every vote change it is told of.
pub struct RecordingObserver;

impl RecordingObserver {
	/// What the observer has been told, oldest first.
	pub fn observed() -> Vec<Observed> {
		OBSERVED.with(|o| o.borrow().clone())
	}
}

/// The most weight the observer claims, so that tests can see it charged…
pub const OBSERVER_WEIGHT: Weight = Weight::from_parts(1_234, 0);
/// …and the weight it reports having used, so that tests can see the rest refunded.
pub const OBSERVER_USED: Weight = Weight::from_parts(234, 0);

impl OnVote<AccountId> for RecordingObserver {
	fn on_vote(
		post_id: PostId,
		author: &AccountId,
		voter: &AccountId,
		previous: Option<VoteDirection>,
		current: Option<VoteDirection>,
	) -> Weight {
		OBSERVED.with(|o| o.borrow_mut().push((post_id, *author, *voter, previous, current)));
		OBSERVER_USED
	}

	fn weight() -> Weight {
		OBSERVER_WEIGHT
	}
}

parameter_types! {
	pub const VoteDeposit: Balance = VOTE_DEPOSIT;
}

pub const VOTE_DEPOSIT: Balance = 7;

impl pallet_votes::Config for Test {
	type Posts = Posts;
	type OnVote = RecordingObserver;
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type VoteDeposit = VoteDeposit;
	type DepositPayer = ();
	type WeightInfo = ();
}

pub const ALICE: AccountId = 1;
pub const BOB: AccountId = 2;
pub const CHARLIE: AccountId = 3;

plaza_primitives::test_ext_checking_invariants!(Votes);

pub fn new_test_ext() -> TestExt {
	OBSERVED.with(|o| o.borrow_mut().clear());
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_balances::GenesisConfig::<Test> {
		balances: vec![(ALICE, 10_000), (BOB, 10_000), (CHARLIE, 10_000)],
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	let mut ext: sp_io::TestExternalities = storage.into();
	ext.execute_with(|| System::set_block_number(1));
	TestExt(ext)
}
