//! What the social index stores about posts and accounts (SCALE-encoded in its columns).

use codec::{Decode, Encode};

use crate::events::Account;

/// What kind of post a post is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Encode, Decode)]
pub enum PostKind {
	/// Starts a thread.
	Original,
	/// Answers `parent` in the thread that `root` starts.
	Reply {
		/// The post it answers.
		parent: u64,
		/// The thread's first post.
		root: u64,
	},
	/// Reshares `original`.
	Repost {
		/// The post reshared.
		original: u64,
	},
}

/// A post as the index keeps it.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode)]
pub struct PostRecord {
	/// Its author.
	pub author: Account,
	/// Original, reply or repost.
	pub kind: PostKind,
	/// Its ancestors in its thread, parent first (empty for originals and reposts).
	pub ancestors: Vec<u64>,
	/// The binary CID of its body (`None` for reposts and deleted posts).
	pub content: Option<Vec<u8>>,
	/// Its body's size in bytes.
	pub body_size: u32,
	/// How many times it was edited.
	pub revision: u32,
	/// The block that created it.
	pub created_block: u32,
	/// That block's timestamp (ms since the Unix epoch).
	pub created_ms: u64,
	/// Whether its author deleted it.
	pub deleted: bool,
	/// Upvotes now.
	pub upvotes: u32,
	/// Downvotes now.
	pub downvotes: u32,
	/// Tips received, in planck.
	pub tips: u128,
	/// Live direct replies.
	pub replies: u32,
	/// Live reposts.
	pub reposts: u32,
}

/// An account's profile as the index keeps it.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode)]
pub struct ProfileRecord {
	/// Handle, lower case.
	pub handle: String,
	/// Display name.
	pub display_name: String,
	/// The binary CID of its metadata document.
	pub metadata: Option<Vec<u8>>,
}

/// An account's counters, kept whether or not it has a profile.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Encode, Decode)]
pub struct AccountCounts {
	/// Accounts that follow it.
	pub followers: u32,
	/// Accounts it follows.
	pub following: u32,
	/// Its live posts, replies and reposts.
	pub posts: u32,
}

/// The trending rank of a post: Hive's "hot" formula over Plaza's signals,
/// `sign(s) · log10(max(|s|, 1)) + created_seconds / 45000`, where
/// `s = upvotes − downvotes + tips / 1 PLZ`. A post's rank is fixed by its age at creation, so an
/// older post needs ten times the score to stay level with one 12.5 hours newer.
pub fn hot_rank(record: &PostRecord) -> f64 {
	const PLANCK_PER_PLZ: f64 = 1e12;
	let score = f64::from(record.upvotes) - f64::from(record.downvotes)
		+ record.tips as f64 / PLANCK_PER_PLZ;
	let order = score.abs().max(1.0).log10();
	let sign = if score > 0.0 {
		1.0
	} else if score < 0.0 {
		-1.0
	} else {
		0.0
	};
	sign * order + (record.created_ms / 1000) as f64 / 45_000.0
}

/// Whether a post belongs in the trending ranking: a live original post.
pub fn is_ranked(record: &PostRecord) -> bool {
	!record.deleted && record.kind == PostKind::Original
}
