//! The community record, memberships and the records of moderators' actions.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{traits::ConstU32, BoundedVec};
use plaza_primitives::{ContentId, DisplayName, Handle};
use scale_info::TypeInfo;

/// The most bytes (UTF-8) of a moderator's reason for an action.
pub const MAX_REASON_LEN: u32 = 280;

/// Why a moderator did something, shown in the community's moderation log: at most 280 bytes of
/// UTF-8 (a longer one does not decode).
pub type Reason = BoundedVec<u8, ConstU32<MAX_REASON_LEN>>;

/// Who may become a member.
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
pub enum Joining {
	/// Anyone not banned: `join` makes them a member at once.
	Open,
	/// `join` asks; a moderator approves or rejects.
	Approval,
}

/// Who may post in the community (replies in its threads included).
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
pub enum Posting {
	/// Anyone not banned.
	Anyone,
	/// Members, moderators and the owner.
	Members,
}

/// What a community says about itself and its rules: what `create_community` and
/// `update_community` take, the name and documents checked.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct Settings {
	/// The name shown for it: at most 64 bytes of UTF-8.
	pub name: DisplayName,
	/// The CID of a document in IPFS describing it.
	pub description: Option<ContentId>,
	/// The CID of its rules document in IPFS.
	pub rules: Option<ContentId>,
	/// Who may become a member.
	pub joining: Joining,
	/// Who may post.
	pub posting: Posting,
}

/// A community. `Moderators` and `Pins` are its bounded lists (of account ids and post ids).
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct Community<AccountId, Balance, Moderators, Pins> {
	/// Its unique handle, lower case.
	pub handle: Handle,
	/// Who owns it: appoints moderators, changes its settings, closes it; pays its deposit.
	pub owner: AccountId,
	/// Who the owner offered it to, until they accept.
	pub pending_owner: Option<AccountId>,
	/// Its name, documents and policies.
	pub settings: Settings,
	/// The accounts that moderate it besides the owner.
	pub moderators: Moderators,
	/// Posts its moderators pinned, first pinned first.
	pub pins: Pins,
	/// How many members it has (pending requests not counted).
	pub members: u32,
	/// What is held from the owner while it exists.
	pub deposit: Balance,
}

/// A member's or an applicant's record in a community.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct Membership<Balance, BlockNumber> {
	/// Whether a moderator has approved them yet (always, in an open community).
	pub approved: bool,
	/// Until which block (excluded) a moderator muted them: their posts there are refused.
	pub muted_until: Option<BlockNumber>,
	/// What is held from them while the record exists.
	pub deposit: Balance,
}

/// The record of a moderator's action that stays until undone (a ban, a hidden post): who did
/// it and what they hold for it, returned to them when it is undone.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct ModeratorAction<AccountId, Balance> {
	/// The moderator (or owner) who did it, and holds its deposit.
	pub by: AccountId,
	/// What is held from them.
	pub deposit: Balance,
}

/// A hidden post's record: its community and the action's.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct Hidden<AccountId, Balance> {
	/// The community it was hidden in.
	pub community: plaza_primitives::CommunityId,
	/// Who hid it, and their deposit.
	pub action: ModeratorAction<AccountId, Balance>,
}
