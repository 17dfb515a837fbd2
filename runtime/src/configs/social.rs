//! Profiles, posts and votes: deposits, limits and the rate limit. Deposits are priced by the
//! governable storage prices and the rate limit's window is governable
//! ([`super::parameters`]).

use frame_support::parameter_types;

use super::parameters::{Deposit, DepositFor, PerByte, RateLimitWindow};
use crate::{Apps, Balances, Communities, Posts, Profiles, Rewards, Runtime, RuntimeHoldReason};

/// A profile's fixed deposit: the profile and its handle's index entry.
pub type ProfileDepositBase = Deposit<2, 0>;
/// Plus this per byte of handle, display name and metadata CID it stores.
pub type ProfileDepositPerByte = PerByte;
/// A follow is one entry of two account ids and a balance.
pub type FollowDeposit = Deposit<1, 80>;
/// A mute or a block is one entry of the same shape.
pub type MuteDeposit = Deposit<1, 80>;
/// See [`MuteDeposit`].
pub type BlockDeposit = Deposit<1, 80>;
/// A post is its record (at its largest) and its author-index entry.
pub type PostDeposit = DepositFor<pallet_posts::PostOf<Runtime>, 2>;
/// A deleted post with replies stays as a tombstone: its record keeps a deposit (the rest
/// comes back; a deleted post with nothing below it returns all of it).
pub type TombstoneDeposit = DepositFor<pallet_posts::PostOf<Runtime>, 1>;
/// A vote is one entry: its key (post id, voter) and value (direction, deposit).
pub type VoteDeposit = Deposit<1, { 8 + 32 + 1 + 16 }>;

parameter_types! {
	/// The largest body a post may reference: 1 MiB.
	pub const MaxBodySize: u32 = 1024 * 1024;
	/// Replies nest at most 16 deep.
	pub const MaxThreadDepth: u8 = 16;
	/// The rate limit allows 20 posts, replies, reposts, edits and reports together per
	/// `RateLimitWindow` (a minute unless governance changes it): more than a person types, far
	/// less than a script floods. A storage bound (each account's recent actions are kept up to it), so a
	/// runtime constant.
	pub const MaxPostsPerWindow: u32 = 20;
	/// An account may mute up to 10,000 accounts and block up to 10,000: far beyond what a
	/// person curates by hand, and each entry is paid for. Only counts are kept per account;
	/// every check reads one entry.
	pub const MaxMuted: u32 = 10_000;
	/// See [`MaxMuted`].
	pub const MaxBlocked: u32 = 10_000;
}

impl pallet_profiles::Config for Runtime {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type ProfileDepositBase = ProfileDepositBase;
	type ProfileDepositPerByte = ProfileDepositPerByte;
	type FollowDeposit = FollowDeposit;
	type MuteDeposit = MuteDeposit;
	type BlockDeposit = BlockDeposit;
	type MaxMuted = MaxMuted;
	type MaxBlocked = MaxBlocked;
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
	/// Posts into communities, and replies in their threads, follow the community's rules.
	type Communities = Communities;
	/// Authors' block lists keep the accounts they block from replying to and reposting them.
	type Blocks = Profiles;
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
