//! Eras, scores, votes as the rewards pallet counts them, curation stakes and voting mana.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{
	traits::Get, BoundedVec, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound,
};
use plaza_primitives::VoteDirection;
use scale_info::TypeInfo;
use sp_runtime::traits::{Saturating, UniqueSaturatedInto};

/// An era's number: eras are numbered from 0.
pub type EraIndex = u32;

/// A vote's reward weight: the voter's active curation stake when it voted (in the currency's
/// smallest unit) times its mana then, as a fraction of full mana.
pub type VoteWeight = u128;

/// Full mana, in parts per million.
pub const FULL_MANA: u32 = 1_000_000;

/// What a finished era pays out, and how much of it is still owed.
#[derive(
	Clone,
	Copy,
	Default,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
pub struct EraPayout<Balance> {
	/// The era's pool: its mint, its share of fees and what earlier eras left over.
	pub pool: Balance,
	/// The part for authors, split by their posts' net scores.
	pub authors: Balance,
	/// The part for curators, split per post by its share of the score and then among its
	/// upvoters by vote weight.
	pub curators: Balance,
	/// The sum over posts of their net scores (negative scores count as zero).
	pub total_score: u128,
	/// What claims have paid out of `authors + curators` so far.
	pub claimed: Balance,
	/// How many accounts that earned in the era have not claimed it yet.
	pub claimants: u32,
}

impl<Balance: Copy + Saturating> EraPayout<Balance> {
	/// What the era still holds for its claimants, with the rounding dust of the claims made:
	/// what goes back to the pool once the era closes.
	pub fn unpaid(&self) -> Balance {
		self.authors.saturating_add(self.curators).saturating_sub(self.claimed)
	}
}

/// The vote weights a post collected in one era.
#[derive(
	Clone,
	Copy,
	Default,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
pub struct PostScore {
	/// The weight of its upvotes.
	pub up: u128,
	/// The weight of its downvotes.
	pub down: u128,
}

impl PostScore {
	/// Its net score, or zero if downvotes outweigh upvotes.
	pub fn net(&self) -> u128 {
		self.up.saturating_sub(self.down)
	}

	/// Adds (`add`) or removes a vote of `weight` going `direction`.
	pub fn apply(&mut self, direction: VoteDirection, weight: VoteWeight, add: bool) {
		let side = match direction {
			VoteDirection::Up => &mut self.up,
			VoteDirection::Down => &mut self.down,
		};
		*side = if add {
			side.saturating_add(weight.into())
		} else {
			side.saturating_sub(weight.into())
		};
	}
}

/// A vote as the rewards pallet counted it.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
pub struct CountedVote {
	/// The era it counts in (the era it was cast in).
	pub era: EraIndex,
	/// Its direction.
	pub direction: VoteDirection,
	/// Its reward weight.
	pub weight: VoteWeight,
}

/// An account's voting budget. It regenerates linearly to full over
/// `Config::ManaRegenerationPeriod`; a vote spends `Config::VoteManaCost` of full mana and
/// weighs what the voter had before spending.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
pub struct Mana<BlockNumber> {
	/// Mana at `updated`, in parts per million of full.
	pub level: u32,
	/// The block `level` was measured at.
	pub updated: BlockNumber,
}

impl<BlockNumber> Mana<BlockNumber>
where
	BlockNumber: Copy + Saturating + UniqueSaturatedInto<u64>,
{
	/// The mana at `now`, after regenerating for `regeneration_period` blocks to full.
	pub fn at(&self, now: BlockNumber, regeneration_period: BlockNumber) -> u32 {
		let period: u64 = regeneration_period.unique_saturated_into();
		if period == 0 {
			return FULL_MANA;
		}
		let elapsed: u64 = now.saturating_sub(self.updated).unique_saturated_into();
		let regained = elapsed.saturating_mul(FULL_MANA.into()) / period;
		(u64::from(self.level).saturating_add(regained)).min(FULL_MANA.into()) as u32
	}
}

/// Stake that becomes withdrawable from an era on.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
pub struct UnlockChunk<Balance> {
	/// How much.
	pub amount: Balance,
	/// The first era in which `withdraw_unlocked` releases it.
	pub withdrawable_from: EraIndex,
}

/// An account's curation stake: what it locked (held) for its votes to weigh, and what it is
/// unlocking. Votes weigh the active stake only; unlocking stake stays held until its era.
#[derive(
	CloneNoBound,
	PartialEqNoBound,
	EqNoBound,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	DebugNoBound,
)]
#[scale_info(skip_type_params(MaxChunks))]
#[codec(mel_bound(Balance: MaxEncodedLen))]
pub struct CurationStake<Balance, MaxChunks: Get<u32>>
where
	Balance: Clone + PartialEq + Eq + core::fmt::Debug,
{
	/// The stake votes weigh.
	pub active: Balance,
	/// Stake on its way out, oldest first, at most one chunk per era.
	pub unlocking: BoundedVec<UnlockChunk<Balance>, MaxChunks>,
	/// The era `downvotes` counts in.
	pub downvote_era: EraIndex,
	/// How many of the account's downvotes counted in `downvote_era`.
	pub downvotes: u32,
}

impl<Balance, MaxChunks: Get<u32>> CurationStake<Balance, MaxChunks>
where
	Balance: Clone + PartialEq + Eq + core::fmt::Debug,
{
	/// How many of the account's downvotes counted in `era`.
	pub fn downvotes_in(&self, era: EraIndex) -> u32 {
		if self.downvote_era == era {
			self.downvotes
		} else {
			0
		}
	}

	/// Counts one more downvote in `era` (`add`), or one fewer.
	pub fn count_downvote(&mut self, era: EraIndex, add: bool) {
		let downvotes = self.downvotes_in(era);
		self.downvote_era = era;
		self.downvotes =
			if add { downvotes.saturating_add(1) } else { downvotes.saturating_sub(1) };
	}
}
