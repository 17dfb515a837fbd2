//! Opaque keyset cursors: where a page ended, so the next page starts right after it. A cursor is
//! base64url of a one-byte list tag and the key of the last item, so a cursor of one list is
//! refused by another.

use base64::{engine::general_purpose::URL_SAFE_NO_PAD, Engine};

use crate::events::Account;

/// Which list a cursor belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum List {
	/// `social_postsByAuthor`.
	ByAuthor = 1,
	/// `social_replies`.
	Replies = 2,
	/// `social_homeFeed`.
	HomeFeed = 3,
	/// `social_trending`.
	Trending = 4,
	/// `social_followers`.
	Followers = 5,
	/// `social_following`.
	Following = 6,
	/// `social_communities`.
	Communities = 7,
	/// `social_communityFeed` sorted by `new`.
	CommunityNew = 8,
	/// `social_communityFeed` sorted by `hot`.
	CommunityHot = 9,
	/// `social_memberships`.
	Memberships = 10,
	/// `social_moderationLog`.
	ModerationLog = 11,
	/// `social_reports`.
	Reports = 12,
}

/// Encodes the position after `key` in `list`.
pub fn encode(list: List, key: &[u8]) -> String {
	URL_SAFE_NO_PAD.encode([&[list as u8][..], key].concat())
}

/// Decodes a cursor of `list` into its key of `len` bytes.
pub fn decode(list: List, cursor: &str, len: usize) -> Result<Vec<u8>, String> {
	let bytes = URL_SAFE_NO_PAD.decode(cursor).map_err(|_| "malformed cursor".to_owned())?;
	match bytes.split_first() {
		Some((&tag, key)) if tag == list as u8 && key.len() == len => Ok(key.to_vec()),
		Some((&tag, _)) if tag != list as u8 => Err("this cursor belongs to another list".into()),
		_ => Err("malformed cursor".into()),
	}
}

/// A post-id cursor.
pub fn decode_post_id(list: List, cursor: &str) -> Result<u64, String> {
	let key = decode(list, cursor, 8)?;
	Ok(u64::from_be_bytes(key.try_into().expect("decode checked the length")))
}

/// A cursor of a list numbered by `u32` (communities by id).
pub fn decode_u32(list: List, cursor: &str) -> Result<u32, String> {
	let key = decode(list, cursor, 4)?;
	Ok(u32::from_be_bytes(key.try_into().expect("decode checked the length")))
}

/// An account cursor.
pub fn decode_account(list: List, cursor: &str) -> Result<Account, String> {
	let key = decode(list, cursor, 32)?;
	Ok(key.try_into().expect("decode checked the length"))
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn round_trips_and_refuses_other_lists_and_garbage() {
		let cursor = encode(List::ByAuthor, &42u64.to_be_bytes());
		assert_eq!(decode_post_id(List::ByAuthor, &cursor), Ok(42));
		assert!(decode_post_id(List::Replies, &cursor).unwrap_err().contains("another list"));
		assert!(decode_post_id(List::ByAuthor, "!!").is_err());
		assert!(decode_post_id(List::ByAuthor, "").is_err());
		assert!(decode_account(List::Followers, &encode(List::Followers, &[1; 31])).is_err());
	}
}
