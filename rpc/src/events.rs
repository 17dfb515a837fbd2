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
		/// The community it was posted in (for a reply, its thread's), if any.
		community: Option<u32>,
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
	/// A community was created, or its record changed (settings, owner, moderators, pins,
	/// members).
	CommunitySet {
		/// The community.
		community: u32,
		/// Its record as the block left it.
		info: CommunityInfo,
	},
	/// A community was closed.
	CommunityClosed {
		/// The community.
		community: u32,
	},
	/// An account became a member of a community.
	MemberJoined {
		/// The community.
		community: u32,
		/// The new member.
		who: Account,
	},
	/// An account's membership ended (it left, or was banned).
	MemberLeft {
		/// The community.
		community: u32,
		/// The former member.
		who: Account,
	},
	/// A moderator acted in a community.
	Moderated {
		/// The community.
		community: u32,
		/// What the moderator did.
		action: ModerationAction,
		/// The moderator.
		by: Account,
		/// Why (UTF-8, at most 280 bytes on chain).
		reason: String,
	},
	/// `who` put `target` on one of its lists (`listed`), or took it off.
	Listed {
		/// The list's owner.
		who: Account,
		/// Mutes or blocks.
		list: PersonalList,
		/// The account listed.
		target: Account,
		/// On (`true`) or off.
		listed: bool,
	},
	/// Someone reported a post.
	PostReported {
		/// The post.
		post_id: u64,
		/// Who reported it.
		reporter: Account,
		/// Why: `spam`, `harassment`, `hate`, `violence`, `sexual`, `illegal`, `misleading`,
		/// `other`.
		reason: &'static str,
		/// The CID of the reporter's note.
		note: Option<Cid>,
		/// The post's community, if any.
		community: Option<u32>,
	},
}

/// A community as its block left it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CommunityInfo {
	/// Its owner.
	pub owner: Account,
	/// Its handle (lower case).
	pub handle: String,
	/// Its name.
	pub name: String,
	/// The CID of its description document.
	pub description: Option<Cid>,
	/// The CID of its rules document.
	pub rules: Option<Cid>,
	/// Whether anyone may join at once (`false`: a moderator approves each request).
	pub open: bool,
	/// Whether only members (and moderators) may post (`false`: anyone may).
	pub members_only: bool,
	/// Its moderators besides the owner.
	pub moderators: Vec<Account>,
	/// Its pinned posts, in pin order.
	pub pins: Vec<u64>,
	/// Its members.
	pub members: u32,
}

/// What a community's moderator did: one entry of its moderation log.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ModerationAction {
	/// Hid a post from the community's feeds.
	HidePost(u64),
	/// Made a hidden post visible again.
	UnhidePost(u64),
	/// Pinned a post.
	PinPost(u64),
	/// Unpinned a post.
	UnpinPost(u64),
	/// Muted a member until the block given.
	Mute(Account, u32),
	/// Ended a member's mute.
	Unmute(Account),
	/// Banned an account.
	Ban(Account),
	/// Lifted a ban.
	Unban(Account),
	/// Approved a request to join.
	Approve(Account),
	/// Rejected a request to join.
	Reject(Account),
}

/// An account's own list of other accounts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PersonalList {
	/// Accounts it mutes.
	Mutes,
	/// Accounts it blocks.
	Blocks,
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
