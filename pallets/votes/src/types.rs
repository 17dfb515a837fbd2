//! A vote, and a post's vote tally.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use plaza_primitives::VoteDirection;
use scale_info::TypeInfo;
use sp_runtime::traits::Saturating;

/// How many up and down votes a post has.
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
pub struct Tally {
	/// Up votes.
	pub up: u32,
	/// Down votes.
	pub down: u32,
}

impl Tally {
	/// Counts a vote's change from `previous` to `current`.
	pub fn apply(&mut self, previous: Option<VoteDirection>, current: Option<VoteDirection>) {
		match previous {
			Some(VoteDirection::Up) => self.up.saturating_dec(),
			Some(VoteDirection::Down) => self.down.saturating_dec(),
			None => {},
		}
		match current {
			Some(VoteDirection::Up) => self.up.saturating_inc(),
			Some(VoteDirection::Down) => self.down.saturating_inc(),
			None => {},
		}
	}
}

/// A vote as stored: its direction and the deposit it holds.
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
pub struct Vote<Balance> {
	/// Up or down.
	pub direction: VoteDirection,
	/// What is held from the voter for it.
	pub deposit: Balance,
}
