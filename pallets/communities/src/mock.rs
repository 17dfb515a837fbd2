//! A test runtime: System, Balances, the real Posts pallet (whose posts into communities ask
//! this pallet) and Communities.

use frame_support::{derive_impl, parameter_types};
use sp_runtime::BuildStorage;

use crate as pallet_communities;

type Block = frame_system::mocking::MockBlock<Test>;
pub type AccountId = u64;
pub type Balance = u64;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		Posts: pallet_posts,
		Communities: pallet_communities,
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
pub const COMMUNITY_DEPOSIT: Balance = 1_000;
pub const MEMBERSHIP_DEPOSIT: Balance = 30;
pub const MODERATION_DEPOSIT: Balance = 20;
pub const MAX_MEMBERS: u32 = 4;
pub const MAX_MODERATORS: u32 = 2;
pub const MAX_PINS: u32 = 2;
pub const MAX_MUTE_DURATION: u64 = 100;

parameter_types! {
	pub const ExistentialDeposit: Balance = EXISTENTIAL_DEPOSIT;
	pub const PostDeposit: Balance = POST_DEPOSIT;
	pub const MaxBodySize: u32 = 1_000;
	pub const MaxThreadDepth: u8 = 3;
	pub const RateLimitWindow: u64 = 10;
	pub const MaxPostsPerWindow: u32 = 20;
	pub const CommunityDeposit: Balance = COMMUNITY_DEPOSIT;
	pub const MembershipDeposit: Balance = MEMBERSHIP_DEPOSIT;
	pub const ModerationDeposit: Balance = MODERATION_DEPOSIT;
	pub const MaxMembers: u32 = MAX_MEMBERS;
	pub const MaxModerators: u32 = MAX_MODERATORS;
	pub const MaxPins: u32 = MAX_PINS;
	pub const MaxMuteDuration: u64 = MAX_MUTE_DURATION;
	/// The (post, author) pairs `OnPostHidden` was told of, in order.
	pub static HiddenNoted: Vec<(plaza_primitives::PostId, AccountId)> = Vec::new();
}

/// The weight `NoteHidden` says it took (a hook as the rewards pallet is, with a weight).
pub const ON_POST_HIDDEN_WEIGHT: frame_support::weights::Weight =
	frame_support::weights::Weight::from_parts(1_000, 0);

/// Records what the pallet tells a post-hidden observer (the rewards pallet in the runtime).
pub struct NoteHidden;

impl plaza_primitives::OnPostHidden<AccountId> for NoteHidden {
	fn on_post_hidden(
		post_id: plaza_primitives::PostId,
		author: &AccountId,
	) -> frame_support::weights::Weight {
		HiddenNoted::mutate(|noted| noted.push((post_id, *author)));
		ON_POST_HIDDEN_WEIGHT
	}

	fn weight() -> frame_support::weights::Weight {
		ON_POST_HIDDEN_WEIGHT
	}
}

impl pallet_posts::Config for Test {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type PostDeposit = PostDeposit;
	type TombstoneDeposit = PostDeposit;
	type MaxBodySize = MaxBodySize;
	type MaxThreadDepth = MaxThreadDepth;
	type RateLimitWindow = RateLimitWindow;
	type MaxPostsPerWindow = MaxPostsPerWindow;
	type DepositPayer = ();
	type Communities = Communities;
	type Blocks = ();
	type WeightInfo = ();
}

impl pallet_communities::Config for Test {
	type OnPostHidden = NoteHidden;
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Posts = Posts;
	type CommunityDeposit = CommunityDeposit;
	type MembershipDeposit = MembershipDeposit;
	type ModerationDeposit = ModerationDeposit;
	type MaxMembers = MaxMembers;
	type MaxModerators = MaxModerators;
	type MaxPins = MaxPins;
	type MaxMuteDuration = MaxMuteDuration;
	type WeightInfo = ();
}

pub const ALICE: AccountId = 1;
pub const BOB: AccountId = 2;
pub const CHARLIE: AccountId = 3;
pub const DAVE: AccountId = 4;
pub const EVE: AccountId = 5;
pub const FERDIE: AccountId = 6;
/// An account with too little for a community's deposit.
pub const POOR: AccountId = 7;
pub const ENDOWMENT: Balance = 10_000;

plaza_primitives::test_ext_checking_invariants!(Communities, Posts);

pub fn new_test_ext() -> TestExt {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_balances::GenesisConfig::<Test> {
		balances: vec![
			(ALICE, ENDOWMENT),
			(BOB, ENDOWMENT),
			(CHARLIE, ENDOWMENT),
			(DAVE, ENDOWMENT),
			(EVE, ENDOWMENT),
			(FERDIE, ENDOWMENT),
			(POOR, 500),
		],
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	let mut ext: sp_io::TestExternalities = storage.into();
	ext.execute_with(|| System::set_block_number(1));
	TestExt(ext)
}
