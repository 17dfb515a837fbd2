//! The profile record, follow counts and the personal lists (mutes, blocks); handles and display
//! names are Plaza's shared ones.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use plaza_primitives::ContentId;
use scale_info::TypeInfo;

pub use plaza_primitives::{
	canonical_handle, DisplayName, Handle, HandleError, MAX_DISPLAY_NAME_LEN, MAX_HANDLE_LEN,
	MIN_HANDLE_LEN,
};

/// An account's public profile.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct Profile<Balance> {
	/// The unique handle, lower case.
	pub handle: Handle,
	/// The name shown beside the handle.
	pub display_name: DisplayName,
	/// The CID of a JSON document in IPFS with the rest: bio, avatar CID, links.
	pub metadata: Option<ContentId>,
	/// What is held from the owner's balance while the profile exists.
	pub deposit: Balance,
}

impl<Balance> Profile<Balance> {
	/// The bytes of user data the profile stores, which its deposit pays for.
	pub fn stored_bytes(&self) -> u32 {
		let metadata = self.metadata.as_ref().map_or(0, |cid| cid.as_bytes().len());
		// The handle is stored twice: in the profile and as the key of its owner index.
		(2 * self.handle.len() + self.display_name.len() + metadata) as u32
	}
}

/// How many accounts follow an account, and how many it follows.
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
pub struct FollowCounts {
	/// Accounts that follow this one.
	pub followers: u32,
	/// Accounts this one follows.
	pub following: u32,
}

/// One of an account's own lists of other accounts.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	PartialOrd,
	Ord,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
pub enum PersonalList {
	/// Accounts it mutes: the social index leaves them out of its feeds.
	Mutes,
	/// Accounts it blocks: they cannot follow, reply to, repost or tip it.
	Blocks,
}

/// How many accounts an account mutes, and how many it blocks.
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
pub struct ListCounts {
	/// Accounts it mutes.
	pub muted: u32,
	/// Accounts it blocks.
	pub blocked: u32,
}

impl ListCounts {
	/// The count of `list`.
	pub fn of(&self, list: PersonalList) -> u32 {
		match list {
			PersonalList::Mutes => self.muted,
			PersonalList::Blocks => self.blocked,
		}
	}

	/// The count of `list`, to change.
	pub fn of_mut(&mut self, list: PersonalList) -> &mut u32 {
		match list {
			PersonalList::Mutes => &mut self.muted,
			PersonalList::Blocks => &mut self.blocked,
		}
	}
}
