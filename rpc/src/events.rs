//! What the social index learns from a finalized block, in terms that do not depend on the
//! runtime's types: the node translates its runtime's events into these.

use cid::Cid;

/// A 32-byte account id.
pub type Account = [u8; 32];

/// A vote's direction.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
	/// An upvote.
	Up,
	/// A downvote.
	Down,
}

/// A social event of a finalized block.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SocialEvent {
	/// A profile was created or changed.
	ProfileSet {
		/// Its owner.
		who: Account,
		/// Its handle (lower case).
		handle: String,
		/// Its display name.
		display_name: String,
		/// The CID of its metadata document.
		metadata: Option<Cid>,
	},
	/// A profile was removed.
	ProfileCleared {
		/// Its former owner.
		who: Account,
	},
	/// `follower` follows `followee`.
	Followed {
		/// Who follows.
		follower: Account,
		/// Whom.
		followee: Account,
	},
	/// `follower` stopped following `followee`.
	Unfollowed {
		/// Who unfollowed.
		follower: Account,
		/// Whom.
		followee: Account,
	},
	/// A post or reply was created.
	PostCreated {
		/// Its id.
		post_id: u64,
		/// Its author.
		author: Account,
		/// The post it answers.
		reply_to: Option<u64>,
		/// Its body's CID.
		content: Cid,
		/// Its body's size in bytes.
		body_size: u32,
		/// The app that created it for its author, if one did.
		via: Option<Account>,
	},
	/// A post's body was replaced.
	PostEdited {
		/// The post.
		post_id: u64,
		/// The new body's CID.
		content: Cid,
		/// The new body's size.
		body_size: u32,
		/// The post's revision now.
		revision: u32,
	},
	/// A post was deleted.
	PostDeleted {
		/// The post.
		post_id: u64,
	},
	/// A post was reposted.
	Reposted {
		/// The repost's id.
		post_id: u64,
		/// The post reposted.
		original: u64,
		/// Who reposted.
		author: Account,
		/// The app that reposted it for its author, if one did.
		via: Option<Account>,
	},
	/// A vote was cast or changed.
	Voted {
		/// The post.
		post_id: u64,
		/// Its direction now.
		direction: Direction,
		/// Its direction before, when it was changed.
		previous: Option<Direction>,
	},
	/// A vote was taken back.
	VoteRemoved {
		/// The post.
		post_id: u64,
		/// The direction it had.
		direction: Direction,
	},
	/// A post's author was tipped.
	Tipped {
		/// The post.
		post_id: u64,
		/// Who tipped.
		from: Account,
		/// The post's author.
		to: Account,
		/// The amount, in planck.
		amount: u128,
	},
}

/// A finalized block as the index sees it.
#[derive(Clone, Debug, Default)]
pub struct FinalizedBlock {
	/// Its number.
	pub number: u32,
	/// Its hash.
	pub hash: [u8; 32],
	/// Its timestamp, in milliseconds since the Unix epoch.
	pub timestamp_ms: u64,
	/// Its social events, in order.
	pub events: Vec<SocialEvent>,
}
