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
	/// The app that created it for its author, if one did.
	pub via: Option<Account>,
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
	/// The part of `tips` that trending counts, in planck: tips net of what flowed back from
	/// the post's author to each tipper (see [`TipFlow`]).
	pub trending_tips: u128,
	/// Live direct replies.
	pub replies: u32,
	/// Live reposts.
	pub reposts: u32,
	/// The community it is in (for a reply, its thread's), if any.
	pub community: Option<u32>,
	/// Whether its community's moderators hid it: it leaves the community's feeds, trending and
	/// home feeds, and stays on its author's page.
	pub hidden: bool,
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

/// The tips one account gave another's posts, as trending counts them.
///
/// Trending credits a tipper's tips to an author's posts only up to the tipper's *net* flow to
/// that author: what it tipped the author minus what the author tipped it. Two accounts tipping
/// each other back and forth therefore raise neither's posts, and a tip raises a post by no more
/// than it cost its tipper net. The credit is kept per tipped post on a stack (newest on top);
/// when the reverse flow grows, credits come off the top first. Each credit is pushed by one tip
/// and removed at most once, so the work is amortised constant per tip.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Encode, Decode)]
pub struct TipFlow {
	/// Everything the tipper tipped the author, in planck.
	pub tipped: u128,
	/// What of it trending credits now: the tipper's net flow to the author, never negative.
	pub credited: u128,
	/// How many credit entries the pair's stack holds (its next entry's number).
	pub entries: u64,
}

/// The trending rank of a post: Hive's "hot" formula over Plaza's signals,
/// `sign(s) · log10(max(|s|, 1)) + created_seconds / 45000`, where
/// `s = upvotes − downvotes + net tips / 1 PLZ` (tips net of reciprocal tipping: [`TipFlow`]). A
/// post's rank is fixed by its age at creation, so an older post needs ten times the score to stay
/// level with one 12.5 hours newer.
pub fn hot_rank(record: &PostRecord) -> f64 {
	const PLANCK_PER_PLZ: f64 = 1e12;
	let score = f64::from(record.upvotes) - f64::from(record.downvotes)
		+ record.trending_tips as f64 / PLANCK_PER_PLZ;
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

/// Whether a post belongs in the trending ranking (and its community's "hot" feed): a live
/// original post its community did not hide.
pub fn is_ranked(record: &PostRecord) -> bool {
	!record.deleted && !record.hidden && record.kind == PostKind::Original
}

/// A community as the index keeps it.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode)]
pub struct CommunityRecord {
	/// Its owner.
	pub owner: Account,
	/// Its handle, lower case.
	pub handle: String,
	/// Its name.
	pub name: String,
	/// The binary CID of its description document.
	pub description: Option<Vec<u8>>,
	/// The binary CID of its rules document.
	pub rules: Option<Vec<u8>>,
	/// Whether anyone may join at once.
	pub open: bool,
	/// Whether only members may post.
	pub members_only: bool,
	/// Its moderators besides the owner.
	pub moderators: Vec<Account>,
	/// Its pinned posts.
	pub pins: Vec<u64>,
	/// Its members.
	pub members: u32,
	/// Its visible original posts (not hidden, not deleted).
	pub posts: u32,
	/// The block that created it.
	pub created_block: u32,
	/// Whether its owner closed it.
	pub closed: bool,
	/// Entries in its moderation log (the next entry's number).
	pub log_len: u64,
	/// Reports of its posts (the next report's number).
	pub reports_len: u64,
}

/// One entry of a community's moderation log.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode)]
pub struct LogEntry {
	/// What was done: `hidePost`, `unhidePost`, `pinPost`, `unpinPost`, `mute`, `unmute`,
	/// `ban`, `unban`, `approve`, `reject`.
	pub action: String,
	/// The post acted on, for post actions.
	pub post: Option<u64>,
	/// The account acted on, for member actions.
	pub account: Option<Account>,
	/// For a mute: the first block in which the member may post again.
	pub until: Option<u32>,
	/// The moderator.
	pub by: Account,
	/// Why.
	pub reason: String,
	/// The block it happened in.
	pub block: u32,
	/// That block's timestamp (ms since the Unix epoch).
	pub at_ms: u64,
}

/// A report of a post.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode)]
pub struct ReportRecord {
	/// The post.
	pub post: u64,
	/// Who reported it.
	pub reporter: Account,
	/// Why (the reason code's name).
	pub reason: String,
	/// The binary CID of the reporter's note.
	pub note: Option<Vec<u8>>,
	/// The block it was made in.
	pub block: u32,
	/// That block's timestamp (ms since the Unix epoch).
	pub at_ms: u64,
}
