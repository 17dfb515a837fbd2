//! The profile record, handles and display names.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{traits::ConstU32, BoundedVec};
use plaza_primitives::ContentId;
use scale_info::TypeInfo;

/// The fewest characters a handle may have.
pub const MIN_HANDLE_LEN: u32 = 3;
/// The most characters a handle may have.
pub const MAX_HANDLE_LEN: u32 = 32;
/// The most bytes (UTF-8) a display name may have.
pub const MAX_DISPLAY_NAME_LEN: u32 = 64;

/// A handle: at most 32 bytes. Stored in canonical form: 3–32 characters of `a`–`z`, `0`–`9`
/// and `_`.
pub type Handle = BoundedVec<u8, ConstU32<MAX_HANDLE_LEN>>;
/// A display name: at most 64 bytes of UTF-8.
pub type DisplayName = BoundedVec<u8, ConstU32<MAX_DISPLAY_NAME_LEN>>;

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

/// Why a handle was refused.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum HandleError {
	/// Fewer than 3 characters.
	TooShort,
	/// A character other than a letter, a digit or `_`.
	InvalidCharacter,
}

/// The canonical (lower-case) form of a handle as typed, if it is a valid handle. Handles are
/// case-insensitive: `Alice_1` and `alice_1` are the same handle. The type bounds the length.
pub fn canonical_handle(typed: &Handle) -> Result<Handle, HandleError> {
	if typed.len() < MIN_HANDLE_LEN as usize {
		return Err(HandleError::TooShort);
	}
	let mut canonical = typed.clone();
	for c in canonical.iter_mut() {
		*c = match c.to_ascii_lowercase() {
			c @ (b'a'..=b'z' | b'0'..=b'9' | b'_') => c,
			_ => return Err(HandleError::InvalidCharacter),
		};
	}
	Ok(canonical)
}
