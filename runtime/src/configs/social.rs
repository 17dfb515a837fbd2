//! Profiles, posts and votes: deposits, limits and the rate limit.

use codec::MaxEncodedLen;
use frame_support::parameter_types;

use crate::{
	constants::currency::{deposit, DEPOSIT_PER_BYTE},
	constants::time::MINUTES,
	Apps, Balance, Balances, BlockNumber, Posts, Rewards, Runtime, RuntimeHoldReason,
};

parameter_types! {
	/// A profile's fixed deposit: the profile and its handle's index entry.
	pub const ProfileDepositBase: Balance = deposit(2, 0);
	/// Plus this per byte of handle, display name and metadata CID it stores.
	pub const ProfileDepositPerByte: Balance = DEPOSIT_PER_BYTE;
	/// A follow is one entry of two account ids and a balance.
	pub const FollowDeposit: Balance = deposit(1, 80);
	/// A post is its record (at its largest) and its author-index entry.
	pub PostDeposit: Balance = deposit(2, pallet_posts::PostOf::<Runtime>::max_encoded_len() as u32);
	/// A deleted post with replies stays as a tombstone: its record keeps a deposit (the rest
	/// comes back; a deleted post with nothing below it returns all of it).
	pub TombstoneDeposit: Balance = deposit(1, pallet_posts::PostOf::<Runtime>::max_encoded_len() as u32);
	/// A vote is one entry: its key (post id, voter) and value (direction, deposit).
	pub const VoteDeposit: Balance = deposit(1, 8 + 32 + 1 + 16);
	/// The largest body a post may reference: 1 MiB.
	pub const MaxBodySize: u32 = 1024 * 1024;
	/// Replies nest at most 16 deep.
	pub const MaxThreadDepth: u8 = 16;
	/// The rate limit counts posts per minute…
	pub const RateLimitWindow: BlockNumber = MINUTES;
	/// …and allows 20 of them (posts, replies and reposts together): more than a person types,
	/// far less than a script floods.
	pub const MaxPostsPerWindow: u32 = 20;
}

impl pallet_profiles::Config for Runtime {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type ProfileDepositBase = ProfileDepositBase;
	type ProfileDepositPerByte = ProfileDepositPerByte;
	type FollowDeposit = FollowDeposit;
	type DepositPayer = Apps;
	type WeightInfo = pallet_profiles::weights::SubstrateWeight<Runtime>;
}

impl pallet_posts::Config for Runtime {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type PostDeposit = PostDeposit;
	type TombstoneDeposit = TombstoneDeposit;
	type MaxBodySize = MaxBodySize;
	type MaxThreadDepth = MaxThreadDepth;
	type RateLimitWindow = RateLimitWindow;
	type MaxPostsPerWindow = MaxPostsPerWindow;
	/// An app posting for its author through `Apps::act_for` pays the deposit.
	type DepositPayer = Apps;
	type WeightInfo = pallet_posts::weights::SubstrateWeight<Runtime>;
}

impl pallet_votes::Config for Runtime {
	type Posts = Posts;
	/// The rewards pallet accrues scores as votes happen.
	type OnVote = Rewards;
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type VoteDeposit = VoteDeposit;
	/// An app voting through `Apps::act_for` pays the deposit.
	type DepositPayer = Apps;
	type WeightInfo = pallet_votes::weights::SubstrateWeight<Runtime>;
}
