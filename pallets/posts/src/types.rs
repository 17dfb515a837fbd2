//! The post record, a new post as `create_posts` takes it, and the rate limit's record.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{traits::ConstU32, BoundedVec};
use plaza_primitives::{CidText, ContentId, PostId};
use scale_info::TypeInfo;

/// What kind of post a post is.
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
pub enum PostKind {
	/// A post that starts a thread.
	Original,
	/// A reply within a thread.
	Reply {
		/// The post it answers.
		parent: PostId,
		/// The original post that starts its thread.
		root: PostId,
		/// How deep in the thread it is: 1 for a reply to the original post.
		depth: u8,
	},
	/// A reshare of another post, counted on that post.
	Repost {
		/// The post reshared.
		original: PostId,
	},
}

/// A post. Its body lives in IPFS; the chain keeps its CID and size.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct Post<AccountId, Balance> {
	/// Who wrote it.
	pub author: AccountId,
	/// Original, reply or repost.
	pub kind: PostKind,
	/// The CID of its body; `None` for reposts and once deleted.
	pub content: Option<ContentId>,
	/// The body's length in bytes (0 for reposts and once deleted).
	pub body_size: u32,
	/// How many times it was edited.
	pub revision: u32,
	/// How many live (not deleted) direct replies it has.
	pub replies: u32,
	/// How many live reposts it has.
	pub reposts: u32,
	/// Whether its author deleted it. A deleted post stays as a tombstone so that its thread
	/// and votes stay consistent.
	pub deleted: bool,
	/// What is held from the author while the post exists (0 once deleted).
	pub deposit: Balance,
}

impl<AccountId, Balance> Post<AccountId, Balance> {
	/// The thread this post belongs to: its root post's id.
	pub fn thread_root(&self, own_id: PostId) -> PostId {
		match self.kind {
			PostKind::Reply { root, .. } => root,
			PostKind::Original | PostKind::Repost { .. } => own_id,
		}
	}

	/// Its depth in its thread: 0 for an original post.
	pub fn depth(&self) -> u8 {
		match self.kind {
			PostKind::Reply { depth, .. } => depth,
			PostKind::Original | PostKind::Repost { .. } => 0,
		}
	}
}

/// The blocks in which an account posted or edited within the rate limit's window, each with
/// how many times, oldest first. Every entry counts at least one action, so `S` (the most actions
/// in a window) bounds the entries too.
pub type RecentActionCounts<BlockNumber, S> = BoundedVec<(BlockNumber, u32), S>;

/// The most stale `RecentActions` entries `on_idle` looks at in one block.
pub const MAX_SWEPT_PER_BLOCK: u32 = 256;

/// The most entries of the retired `PostsByAuthor` index `on_idle` removes in one block.
pub const MAX_RETIRED_REMOVED_PER_BLOCK: u32 = 1024;

/// A hashed storage key of `RecentActions` (prefix 32 bytes, blake2-128 16 bytes and an account
/// id of up to 64 bytes), where the sweep goes on from.
pub type SweepKey = BoundedVec<u8, ConstU32<128>>;

/// One of the posts `create_posts` creates: the arguments `create_post` takes for an original post.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct NewPost {
	/// The CID of the body in IPFS, in the text form users paste (`Qm…`, `bafy…`, `bafk…`).
	pub content: CidText,
	/// The body's length in bytes, at most `MaxBodySize`.
	pub size: u32,
}

/// Why someone reports a post: the codes wallets and apps offer, as Bluesky's and Hive's
/// reporting do. The report's optional note (a CID of a document in IPFS) says more.
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
pub enum ReportReason {
	/// Unsolicited advertising, scams, repeated or automated junk.
	Spam,
	/// Attacks on or threats against a person.
	Harassment,
	/// Attacks on people for who they are.
	Hate,
	/// Violence, or calls to it.
	Violence,
	/// Sexual content where it is not wanted.
	Sexual,
	/// Content that is unlawful.
	Illegal,
	/// False or misleading content, impersonation.
	Misleading,
	/// Something else: the note says what.
	Other,
}
