//! Communities: deposits priced by the governable storage prices, and the bounds of members,
//! moderators, pins and mutes.

use frame_support::parameter_types;

use super::parameters::{Deposit, DepositFor};
use crate::{
	constants::time::DAYS, Balances, BlockNumber, Posts, Rewards, Runtime, RuntimeHoldReason,
};

/// A community is its record (at its largest) and its handle's index entry.
pub type CommunityDeposit = DepositFor<pallet_communities::CommunityOf<Runtime>, 2>;
/// A membership or request to join is one entry: its key (community, account) and record.
pub type MembershipDeposit =
	DepositFor<(u32, crate::AccountId, pallet_communities::MembershipOf<Runtime>), 1>;
/// A ban or a hidden post is one entry: a key and who made it, with the deposit; a hidden post
/// also marks its era in the rewards pallet (an era and a post id) until the era closes, so the
/// deposit pays for two entries (a ban pays the same, one entry more than it stores).
pub type ModerationDeposit = Deposit<2, { 8 + 32 + 32 + 16 + 4 + 8 }>;

parameter_types! {
	/// A community holds at most a million members: the count is checked, never iterated.
	pub const MaxMembers: u32 = 1_000_000;
	/// Up to 25 moderators besides the owner: every moderator's action searches the list.
	pub const MaxModerators: u32 = 25;
	/// Up to 10 pinned posts, the top of a community's page.
	pub const MaxPins: u32 = 10;
	/// A mute lasts at most 30 days; a longer sanction is a ban.
	pub const MaxMuteDuration: BlockNumber = 30 * DAYS;
}

impl pallet_communities::Config for Runtime {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Posts = Posts;
	/// A post hidden in an era earns nothing in it.
	type OnPostHidden = Rewards;
	type CommunityDeposit = CommunityDeposit;
	type MembershipDeposit = MembershipDeposit;
	type ModerationDeposit = ModerationDeposit;
	type MaxMembers = MaxMembers;
	type MaxModerators = MaxModerators;
	type MaxPins = MaxPins;
	type MaxMuteDuration = MaxMuteDuration;
	type WeightInfo = pallet_communities::weights::SubstrateWeight<Runtime>;
}
