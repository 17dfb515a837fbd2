//! Content rewards: the per-era mint, the fee share, the author/curator split, curation stakes
//! and voting mana. The mint and the split are governable ([`super::parameters`]).
//! The era length is set per chain in the genesis presets.

use frame_support::{parameter_types, PalletId};
use sp_runtime::Perbill;

use crate::{
	constants::{currency::PLZ, time::DAYS},
	Balance, Balances, BlockNumber, Posts, Profiles, Runtime, RuntimeHoldReason,
};

parameter_types! {
	/// The reward pool's account: `modlplz/rwrd…`.
	pub const RewardsPalletId: PalletId = PalletId(*b"plz/rwrd");
	/// Half of every transaction fee goes to the pool; the other half is burned.
	pub const FeeShare: Perbill = Perbill::from_percent(50);
	/// Votes weigh the voter's curation stake; below 1 PLZ of it they earn nothing.
	pub const MinCurationStake: Balance = PLZ;
	/// An account may have stake unlocking from up to 8 different eras at once.
	pub const MaxUnlockingChunks: u32 = 8;
	/// Mana regenerates from empty to full in five days…
	pub const ManaRegenerationPeriod: BlockNumber = 5 * DAYS;
	/// …and each vote spends 2 % of it.
	pub const VoteManaCost: Perbill = Perbill::from_percent(2);
	/// One claim settles up to 30 finished eras.
	pub const MaxErasPerClaim: u32 = 30;
	/// An era's rewards can be claimed for 30 eras after its end (30 days on `local`); then
	/// what is unclaimed goes back to the pool.
	pub const ClaimHorizon: u32 = 30;
	/// Votes on a post count for rewards in the era it was created in and the six after it:
	/// a week on `local`, as Hive's payout window.
	pub const CurationWindow: u32 = 7;
	/// Up to 50 upvotes, and 50 downvotes, per account and era count for rewards.
	pub const MaxRewardedVotesPerEra: u32 = 50;
}

impl pallet_rewards::Config for Runtime {
	type Currency = Balances;
	type Posts = Posts;
	type Profiles = Profiles;
	/// An author's block list keeps the accounts it blocks from tipping its posts.
	type Blocks = Profiles;
	type PalletId = RewardsPalletId;
	/// Minted into the pool every era: 1,000 PLZ unless governance changes it (on `local`,
	/// with one-day eras, 365,000 PLZ a year).
	type EraMint = super::parameters::EraMint;
	type FeeShare = FeeShare;
	/// Authors and curators share each era's pool half and half, as on Hive, unless governance
	/// changes it.
	type AuthorShare = super::parameters::AuthorShare;
	type RuntimeHoldReason = RuntimeHoldReason;
	type MinCurationStake = MinCurationStake;
	type MaxUnlockingChunks = MaxUnlockingChunks;
	type ManaRegenerationPeriod = ManaRegenerationPeriod;
	type VoteManaCost = VoteManaCost;
	type MaxErasPerClaim = MaxErasPerClaim;
	type ClaimHorizon = ClaimHorizon;
	type CurationWindow = CurationWindow;
	type MaxRewardedVotesPerEra = MaxRewardedVotesPerEra;
	type WeightInfo = pallet_rewards::weights::SubstrateWeight<Runtime>;
}
