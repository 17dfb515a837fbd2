//! A test runtime: System, Balances, Posts, Votes and Apps, with real sr25519 accounts so that
//! onboarding signatures are checked as on chain.

use frame_support::{derive_impl, parameter_types, traits::Hooks, weights::Weight};
use sp_core::{sr25519, Pair};
use sp_keyring::Sr25519Keyring;
use sp_runtime::{traits::IdentifyAccount, AccountId32, BuildStorage, MultiSignature, MultiSigner};

use crate::{self as pallet_apps, CallScope, Scope};

type Block = frame_system::mocking::MockBlock<Test>;
pub type AccountId = AccountId32;
pub type Balance = u64;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		Posts: pallet_posts,
		Votes: pallet_votes,
		Profiles: pallet_profiles,
		Apps: pallet_apps,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountId = AccountId;
	type Lookup = sp_runtime::traits::IdentityLookup<AccountId>;
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
pub const POST_DEPOSIT: Balance = 50;
pub const VOTE_DEPOSIT: Balance = 7;
pub const GRANT_DEPOSIT: Balance = 30;
pub const PROFILE_DEPOSIT_BASE: Balance = 40;
pub const FOLLOW_DEPOSIT: Balance = 9;
pub const MAX_ACTIONS: u32 = 8;
pub const MAX_POSTS_PER_WINDOW: u32 = 3;
pub const RATE_LIMIT_WINDOW: u64 = 10;
pub const MAX_PAYLOAD_LIFETIME: u64 = 20;

parameter_types! {
	pub const ExistentialDeposit: Balance = EXISTENTIAL_DEPOSIT;
	pub const PostDeposit: Balance = POST_DEPOSIT;
	pub const TombstoneDeposit: Balance = 20;
	pub const MaxBodySize: u32 = 1_000;
	pub const MaxThreadDepth: u8 = 4;
	pub const RateLimitWindow: u64 = RATE_LIMIT_WINDOW;
	pub const MaxPostsPerWindow: u32 = MAX_POSTS_PER_WINDOW;
	pub const VoteDeposit: Balance = VOTE_DEPOSIT;
	pub const GrantDeposit: Balance = GRANT_DEPOSIT;
	pub const ProfileDepositBase: Balance = PROFILE_DEPOSIT_BASE;
	pub const ProfileDepositPerByte: Balance = 1;
	pub const FollowDeposit: Balance = FOLLOW_DEPOSIT;
	pub const MaxActions: u32 = MAX_ACTIONS;
	pub const MaxPayloadLifetime: u64 = MAX_PAYLOAD_LIFETIME;
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
	type DepositPayer = Apps;
	type Communities = ();
	type Blocks = ();
	type WeightInfo = ();
}

impl pallet_votes::Config for Test {
	type Posts = Posts;
	type OnVote = ();
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type VoteDeposit = VoteDeposit;
	type DepositPayer = Apps;
	type WeightInfo = ();
}

impl pallet_profiles::Config for Test {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type ProfileDepositBase = ProfileDepositBase;
	type ProfileDepositPerByte = ProfileDepositPerByte;
	type FollowDeposit = FollowDeposit;
	type MuteDeposit = FollowDeposit;
	type BlockDeposit = FollowDeposit;
	type MaxMuted = frame_support::traits::ConstU32<10>;
	type MaxBlocked = frame_support::traits::ConstU32<10>;
	type DepositPayer = Apps;
	type WeightInfo = ();
}

/// The test runtime's scopes: posts', votes' and profiles' calls, and a balance transfer standing in for
/// a tip (it spends what it sends). `frame_system::remark` has no scope.
pub struct TestScopes;

impl CallScope<RuntimeCall, Balance> for TestScopes {
	fn scope_of(call: &RuntimeCall) -> Option<(Scope, Balance)> {
		use pallet_posts::Call as P;
		match call {
			RuntimeCall::Posts(P::create_post { .. } | P::create_posts { .. }) => {
				Some((Scope::Post, 0))
			},
			RuntimeCall::Posts(P::edit_post { .. } | P::delete_post { .. }) => {
				Some((Scope::Edit, 0))
			},
			RuntimeCall::Posts(P::repost { .. }) => Some((Scope::Repost, 0)),
			RuntimeCall::Votes(_) => Some((Scope::Vote, 0)),
			RuntimeCall::Profiles(
				pallet_profiles::Call::follow { .. } | pallet_profiles::Call::unfollow { .. },
			) => Some((Scope::Follow, 0)),
			RuntimeCall::Profiles(_) => Some((Scope::Profile, 0)),
			RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive { value, .. }) => {
				Some((Scope::Tip, *value))
			},
			_ => None,
		}
	}
}

impl pallet_apps::Config for Test {
	type RuntimeCall = RuntimeCall;
	type CallScope = TestScopes;
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Signature = MultiSignature;
	type Signer = MultiSigner;
	type GrantDeposit = GrantDeposit;
	type MaxActions = MaxActions;
	type MaxPayloadLifetime = MaxPayloadLifetime;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = ();
}

/// A person with a balance.
pub fn alice() -> AccountId {
	Sr25519Keyring::Alice.to_account_id()
}
/// Another.
pub fn bob() -> AccountId {
	Sr25519Keyring::Bob.to_account_id()
}
/// An app with a balance.
pub fn app() -> AccountId {
	Sr25519Keyring::Ferdie.to_account_id()
}
/// Another app.
pub fn other_app() -> AccountId {
	Sr25519Keyring::Eve.to_account_id()
}
/// A person with no balance at all.
pub fn newcomer() -> sr25519::Pair {
	sr25519::Pair::from_string("//Newcomer", None).unwrap()
}
/// `pair`'s account.
pub fn account(pair: &sr25519::Pair) -> AccountId {
	MultiSigner::from(pair.public()).into_account()
}

pub const ENDOWMENT: Balance = 10_000;

plaza_primitives::test_ext_checking_invariants!(Apps, Posts, Votes, Profiles);

pub fn new_test_ext() -> TestExt {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_balances::GenesisConfig::<Test> {
		balances: vec![
			(alice(), ENDOWMENT),
			(bob(), ENDOWMENT),
			(app(), ENDOWMENT),
			(other_app(), ENDOWMENT),
		],
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	let mut ext: sp_io::TestExternalities = storage.into();
	ext.execute_with(|| {
		// As at the first block: the genesis hash is block 0's.
		frame_system::BlockHash::<Test>::insert(0, sp_core::H256::repeat_byte(7));
		System::set_block_number(1)
	});
	TestExt(ext)
}

/// Runs blocks up to `n`, each with its `on_idle` given plenty of weight.
pub fn run_to_block(n: u64) {
	while System::block_number() < n {
		let next = System::block_number() + 1;
		System::set_block_number(next);
		Apps::on_idle(next, Weight::MAX);
	}
}

#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkHelper<Test> for () {
	fn cheap_scoped_call(_: &AccountId) -> RuntimeCall {
		RuntimeCall::Votes(pallet_votes::Call::unvote { post_id: 0 })
	}

	fn sign(message: &[u8]) -> (AccountId, MultiSignature) {
		let pair = newcomer();
		(account(&pair), MultiSignature::Sr25519(pair.sign(message)))
	}
}
