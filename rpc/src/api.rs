//! The `social_*` JSON-RPC methods and subscriptions.

use std::{sync::Arc, time::Duration};

use base64::{engine::general_purpose::STANDARD, Engine};
use bytes::Bytes;
use cid::Cid;
use jsonrpsee::{
	core::{async_trait, RpcResult, StringError, SubscriptionResult},
	proc_macros::rpc,
	types::{error::ErrorObjectOwned, ErrorCode},
	PendingSubscriptionSink, SubscriptionMessage, SubscriptionSink,
};
use serde::Serialize;
use sp_core::crypto::{AccountId32, Ss58AddressFormat, Ss58Codec};
use tokio::sync::broadcast;

use crate::{
	bodies::BodyReader,
	cursor::{self, List},
	events::Account,
	follower::FollowerStatus,
	index::{BlockChanges, IndexError, PostScan, SocialIndex, NO_COMMUNITY},
	records::{CommunityRecord, LogEntry, PostKind, PostRecord, ReportRecord},
};

/// The most items one page holds.
pub const MAX_LIMIT: u32 = 100;
/// The largest body `hydrate` includes.
pub const MAX_HYDRATED_BODY: u32 = 64 * 1024;
/// How long `hydrate` waits for a body.
const HYDRATE_TIMEOUT: Duration = Duration::from_secs(2);

/// A page of a list.
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Page<T> {
	/// The items.
	pub items: Vec<T>,
	/// Pass it back to get the next page; `null` when this page is the last one so far.
	pub next_cursor: Option<String>,
}

/// A post.
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PostView {
	/// Its id.
	pub id: u64,
	/// Its author's address.
	pub author: String,
	/// The address of the app that created it for its author (through `apps.actFor`), if one
	/// did; absent otherwise.
	#[serde(skip_serializing_if = "Option::is_none")]
	pub via: Option<String>,
	/// `post`, `reply` or `repost`.
	pub kind: &'static str,
	/// For a reply: the post it answers.
	pub parent: Option<u64>,
	/// For a reply: the post that starts its thread.
	pub root: Option<u64>,
	/// For a repost: the post reshared.
	pub original: Option<u64>,
	/// The CID of its body.
	pub content: Option<String>,
	/// Its body's size in bytes.
	pub body_size: u32,
	/// How many times it was edited.
	pub revision: u32,
	/// The block that created it.
	pub created_block: u32,
	/// When (ms since the Unix epoch, the block's timestamp).
	pub created_at: u64,
	/// Whether its author deleted it.
	pub deleted: bool,
	/// Upvotes.
	pub upvotes: u32,
	/// Downvotes.
	pub downvotes: u32,
	/// Tips received, in planck (a decimal string).
	pub tips: String,
	/// Live direct replies.
	pub replies: u32,
	/// Live reposts.
	pub reposts: u32,
	/// The community it is in (for a reply, its thread's), if any.
	pub community: Option<u32>,
	/// Whether its community's moderators hid it (it is then only on its author's page).
	pub hidden: bool,
	/// With `hydrate`: the body, when this node has it.
	#[serde(skip_serializing_if = "Option::is_none")]
	pub body: Option<Body>,
	/// With `hydrate`: why the body is not included.
	#[serde(skip_serializing_if = "Option::is_none")]
	pub body_unavailable: Option<String>,
}

/// A hydrated body.
#[derive(Clone, Debug, Serialize)]
pub struct Body {
	/// `utf8` or `base64`.
	pub encoding: &'static str,
	/// The body, as text or base64.
	pub data: String,
}

/// A profile.
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ProfileView {
	/// The account's address.
	pub account: String,
	/// Its handle (`null` without a profile).
	pub handle: Option<String>,
	/// Its display name.
	pub display_name: Option<String>,
	/// The CID of its metadata document.
	pub metadata: Option<String>,
	/// Followers.
	pub followers: u32,
	/// Accounts it follows.
	pub following: u32,
	/// Live posts, replies and reposts.
	pub posts: u32,
}

/// A community.
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CommunityView {
	/// Its id.
	pub id: u32,
	/// Its handle (lower case).
	pub handle: String,
	/// Its name.
	pub name: String,
	/// Its owner's address.
	pub owner: String,
	/// The CID of its description document.
	pub description: Option<String>,
	/// The CID of its rules document.
	pub rules: Option<String>,
	/// `open` (anyone joins at once) or `approval` (a moderator approves each request).
	pub joining: &'static str,
	/// `anyone` or `members` (members and moderators only).
	pub posting: &'static str,
	/// Its moderators' addresses, besides the owner.
	pub moderators: Vec<String>,
	/// Its pinned posts' ids.
	pub pinned: Vec<u64>,
	/// Members.
	pub members: u32,
	/// Visible original posts.
	pub posts: u32,
	/// The block that created it.
	pub created_block: u32,
	/// Whether its owner closed it.
	pub closed: bool,
}

/// An entry of a community's moderation log.
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LogView {
	/// Its number in the log (from 0).
	pub number: u64,
	/// `hidePost`, `unhidePost`, `pinPost`, `unpinPost`, `mute`, `unmute`, `ban`, `unban`,
	/// `approve` or `reject`.
	pub action: String,
	/// The post acted on.
	#[serde(skip_serializing_if = "Option::is_none")]
	pub post: Option<u64>,
	/// The address of the account acted on.
	#[serde(skip_serializing_if = "Option::is_none")]
	pub account: Option<String>,
	/// For a mute: the first block in which the member may post again.
	#[serde(skip_serializing_if = "Option::is_none")]
	pub until: Option<u32>,
	/// The moderator's address.
	pub by: String,
	/// Why.
	pub reason: String,
	/// The block.
	pub block: u32,
	/// When (ms since the Unix epoch, the block's timestamp).
	pub at: u64,
}

/// A report of a post.
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ReportView {
	/// Its number among its community's reports (from 0).
	pub number: u64,
	/// The post reported.
	pub post_id: u64,
	/// The reporter's address.
	pub reporter: String,
	/// `spam`, `harassment`, `hate`, `violence`, `sexual`, `illegal`, `misleading` or `other`.
	pub reason: String,
	/// The CID of the reporter's note.
	pub note: Option<String>,
	/// The block.
	pub block: u32,
	/// When (ms since the Unix epoch, the block's timestamp).
	pub at: u64,
}

/// An event of `social_subscribePost`.
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PostEvent {
	/// `updated` (the post changed: edit, delete, vote, tip, reply count) or `reply` (a new
	/// reply below it).
	pub event: &'static str,
	/// The post as it is now, or the new reply.
	pub post: PostView,
}

/// The answer of `social_status`: how far the index is behind finality, and why if it stopped.
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct IndexStatus {
	/// The last block indexed (`null` before the first).
	pub indexed_block: Option<u32>,
	/// The last finalized block.
	pub finalized_block: u32,
	/// Finalized blocks not indexed yet.
	pub lag: u32,
	/// Why the index is stopped at a block (`null` while it keeps up): every answer is then as
	/// of `indexedBlock`.
	pub error: Option<String>,
}

/// What a subscription pushes: an item, or a notice that the subscriber fell behind.
#[derive(Clone, Debug, Serialize)]
#[serde(untagged)]
pub enum Update<T> {
	/// A new post (`social_subscribeHomeFeed`) or post event (`social_subscribePost`).
	Item(T),
	/// Updates were dropped because the subscriber read too slowly: refetch the feed or the
	/// post to catch up.
	Lost(LostUpdates),
}

/// `{"lostUpdates": n}`: the changes of `n` finalized blocks were dropped for this subscriber.
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LostUpdates {
	/// Finalized blocks whose changes this subscriber missed.
	pub lost_updates: u64,
}

/// The social JSON-RPC API.
#[rpc(server, namespace = "social")]
pub trait SocialApi {
	/// A profile by address or handle; `null` when the account has no profile and no activity.
	#[method(name = "profile")]
	fn profile(&self, account_or_handle: String) -> RpcResult<Option<ProfileView>>;

	/// A post; with `hydrate`, its body from this node's IPFS store.
	#[method(name = "post")]
	async fn post(&self, post_id: u64, hydrate: Option<bool>) -> RpcResult<Option<PostView>>;

	/// An author's live posts, newest first.
	#[method(name = "postsByAuthor")]
	fn posts_by_author(
		&self,
		account: String,
		cursor: Option<String>,
		limit: Option<u32>,
	) -> RpcResult<Page<PostView>>;

	/// Every reply below a post in its thread, oldest first.
	#[method(name = "replies")]
	fn replies(
		&self,
		post_id: u64,
		cursor: Option<String>,
		limit: Option<u32>,
	) -> RpcResult<Page<PostView>>;

	/// Live posts by the accounts `account` follows, newest first.
	#[method(name = "homeFeed")]
	fn home_feed(
		&self,
		account: String,
		cursor: Option<String>,
		limit: Option<u32>,
	) -> RpcResult<Page<PostView>>;

	/// Live original posts by Hive's hot rank (see the README), without posts communities hid;
	/// with `account`, without the posts of accounts it mutes or blocks.
	#[method(name = "trending")]
	fn trending(
		&self,
		cursor: Option<String>,
		limit: Option<u32>,
		account: Option<String>,
	) -> RpcResult<Page<PostView>>;

	/// A community by id or handle; `null` when none has it.
	#[method(name = "community")]
	fn community(&self, id_or_handle: String) -> RpcResult<Option<CommunityView>>;

	/// A community's visible original posts: `sort` `new` (newest first, the default) or `hot`
	/// (by Hive's hot rank); with `account`, without the posts of accounts it mutes or blocks.
	#[method(name = "communityFeed")]
	fn community_feed(
		&self,
		community: u32,
		sort: Option<String>,
		cursor: Option<String>,
		limit: Option<u32>,
		account: Option<String>,
	) -> RpcResult<Page<PostView>>;

	/// Open communities, most members first.
	#[method(name = "communities")]
	fn communities(
		&self,
		cursor: Option<String>,
		limit: Option<u32>,
	) -> RpcResult<Page<CommunityView>>;

	/// The communities `account` is a member of, by id.
	#[method(name = "memberships")]
	fn memberships(
		&self,
		account: String,
		cursor: Option<String>,
		limit: Option<u32>,
	) -> RpcResult<Page<CommunityView>>;

	/// A community's moderation log, newest first.
	#[method(name = "moderationLog")]
	fn moderation_log(
		&self,
		community: u32,
		cursor: Option<String>,
		limit: Option<u32>,
	) -> RpcResult<Page<LogView>>;

	/// Reports of a community's posts (`null`: of posts in no community), newest first.
	#[method(name = "reports")]
	fn reports(
		&self,
		community: Option<u32>,
		cursor: Option<String>,
		limit: Option<u32>,
	) -> RpcResult<Page<ReportView>>;

	/// The accounts that follow `account`.
	#[method(name = "followers")]
	fn followers(
		&self,
		account: String,
		cursor: Option<String>,
		limit: Option<u32>,
	) -> RpcResult<Page<ProfileView>>;

	/// The accounts `account` follows.
	#[method(name = "following")]
	fn following(
		&self,
		account: String,
		cursor: Option<String>,
		limit: Option<u32>,
	) -> RpcResult<Page<ProfileView>>;

	/// How far the index is behind finality, and why if it stopped.
	#[method(name = "status")]
	fn status(&self) -> RpcResult<IndexStatus>;

	/// Rewards `account` can claim, in planck (a decimal string), as of the last finalized block.
	#[method(name = "pendingRewards")]
	fn pending_rewards(&self, account: String) -> RpcResult<String>;

	/// New posts by the accounts `account` follows, as their blocks are finalized, without those
	/// of accounts it mutes or blocks and posts communities hid; a `{"lostUpdates": n}` notice
	/// when the subscriber fell behind.
	#[subscription(name = "subscribeHomeFeed" => "homeFeedUpdate", unsubscribe = "unsubscribeHomeFeed", item = Update<PostView>)]
	async fn subscribe_home_feed(&self, account: String) -> SubscriptionResult;

	/// Changes of a post and new replies below it, as their blocks are finalized; a
	/// `{"lostUpdates": n}` notice when the subscriber fell behind.
	#[subscription(name = "subscribePost" => "postUpdate", unsubscribe = "unsubscribePost", item = Update<PostEvent>)]
	async fn subscribe_post(&self, post_id: u64) -> SubscriptionResult;

	/// New original posts in a community, as their blocks are finalized; with `account`, without
	/// the posts of accounts it mutes or blocks (as `communityFeed`); a `{"lostUpdates": n}`
	/// notice when the subscriber fell behind.
	#[subscription(name = "subscribeCommunity" => "communityUpdate", unsubscribe = "unsubscribeCommunity", item = Update<PostView>)]
	async fn subscribe_community(
		&self,
		community: u32,
		account: Option<String>,
	) -> SubscriptionResult;
}

/// Reads an account's claimable rewards (the node answers it with the runtime API).
pub type PendingRewards = Arc<dyn Fn(Account) -> Result<u128, String> + Send + Sync>;

/// The handler of the social API.
pub struct Social {
	index: Arc<SocialIndex>,
	bodies: Option<Arc<dyn BodyReader>>,
	ss58: Ss58AddressFormat,
	pending_rewards: PendingRewards,
	changes: broadcast::Sender<BlockChanges>,
	status: Arc<FollowerStatus>,
}

impl Social {
	/// The API over `index`, hydrating bodies from `bodies`, writing addresses with the SS58
	/// prefix `ss58`, pushing what `changes` announces to subscribers, and reporting the
	/// follower's `status`.
	pub fn new(
		index: Arc<SocialIndex>,
		bodies: Option<Arc<dyn BodyReader>>,
		ss58: u16,
		pending_rewards: PendingRewards,
		changes: broadcast::Sender<BlockChanges>,
		status: Arc<FollowerStatus>,
	) -> Self {
		let ss58 = Ss58AddressFormat::custom(ss58);
		Self { index, bodies, ss58, pending_rewards, changes, status }
	}

	/// Pushes to `sink` each post created in a finalized block for which `in_feed` holds, until
	/// the subscriber leaves (what the home feed's and a community's subscriptions share).
	async fn push_new_posts(
		&self,
		sink: SubscriptionSink,
		in_feed: impl Fn(&PostRecord) -> RpcResult<bool>,
	) -> SubscriptionResult {
		let mut changes = self.changes.subscribe();
		while let Some(block) = next_changes(&sink, &mut changes).await? {
			for id in block.created {
				let Some(record) = self.index.post(id).map_err(internal)? else { continue };
				if in_feed(&record)? {
					let view = Update::Item(self.view(id, record));
					sink.send(SubscriptionMessage::from_json(&view)?).await?;
				}
			}
		}
		Ok(())
	}

	/// Whether `reader`'s feeds leave out the posts of `author` (it mutes or blocks them).
	fn excluded(&self, reader: Option<&Account>, author: &Account) -> RpcResult<bool> {
		match reader {
			Some(reader) => self.index.excludes(reader, author).map_err(internal),
			None => Ok(false),
		}
	}

	fn address(&self, account: &Account) -> String {
		AccountId32::from(*account).to_ss58check_with_version(self.ss58)
	}

	fn view(&self, id: u64, record: PostRecord) -> PostView {
		let (kind, parent, root, original) = match record.kind {
			PostKind::Original => ("post", None, None, None),
			PostKind::Reply { parent, root } => ("reply", Some(parent), Some(root), None),
			PostKind::Repost { original } => ("repost", None, None, Some(original)),
		};
		PostView {
			id,
			author: self.address(&record.author),
			via: record.via.as_ref().map(|app| self.address(app)),
			kind,
			parent,
			root,
			original,
			content: record
				.content
				.as_deref()
				.and_then(|bytes| Cid::try_from(bytes).ok())
				.map(|cid| cid.to_string()),
			body_size: record.body_size,
			revision: record.revision,
			created_block: record.created_block,
			created_at: record.created_ms,
			deleted: record.deleted,
			upvotes: record.upvotes,
			downvotes: record.downvotes,
			tips: record.tips.to_string(),
			replies: record.replies,
			reposts: record.reposts,
			community: record.community,
			hidden: record.hidden,
			body: None,
			body_unavailable: None,
		}
	}

	fn post_view(&self, id: u64) -> RpcResult<Option<PostView>> {
		Ok(self.index.post(id).map_err(internal)?.map(|record| self.view(id, record)))
	}

	fn posts_page(&self, list: List, ids: Vec<u64>, limit: usize) -> RpcResult<Page<PostView>> {
		let next_cursor =
			(ids.len() == limit).then(|| cursor::encode(list, &ids[ids.len() - 1].to_be_bytes()));
		Ok(Page { items: self.post_views(ids)?, next_cursor })
	}

	fn post_views(&self, ids: Vec<u64>) -> RpcResult<Vec<PostView>> {
		let mut items = Vec::with_capacity(ids.len());
		for id in ids {
			items.extend(self.post_view(id)?);
		}
		Ok(items)
	}

	fn profile_view(&self, account: &Account) -> RpcResult<ProfileView> {
		let profile = self.index.profile(account).map_err(internal)?;
		let counts = self.index.counts(account).map_err(internal)?;
		Ok(ProfileView {
			account: self.address(account),
			handle: profile.as_ref().map(|p| p.handle.clone()),
			display_name: profile.as_ref().map(|p| p.display_name.clone()),
			metadata: profile
				.and_then(|p| p.metadata)
				.and_then(|bytes| Cid::try_from(&bytes[..]).ok())
				.map(|cid| cid.to_string()),
			followers: counts.followers,
			following: counts.following,
			posts: counts.posts,
		})
	}

	fn accounts_page(
		&self,
		list: List,
		accounts: Vec<Account>,
		limit: usize,
	) -> RpcResult<Page<ProfileView>> {
		let next_cursor =
			(accounts.len() == limit).then(|| cursor::encode(list, &accounts[accounts.len() - 1]));
		let items = accounts.iter().map(|a| self.profile_view(a)).collect::<RpcResult<_>>()?;
		Ok(Page { items, next_cursor })
	}

	/// A page of the posts a scan found, with the cursor of `list` it ended at.
	fn scanned_page(&self, list: List, scan: PostScan) -> RpcResult<Page<PostView>> {
		let next_cursor = scan.next.map(|key| cursor::encode(list, &key));
		Ok(Page { items: self.post_views(scan.ids)?, next_cursor })
	}

	fn community_view(&self, id: u32) -> RpcResult<Option<CommunityView>> {
		let Some(record) = self.index.community(id).map_err(internal)? else { return Ok(None) };
		let CommunityRecord { owner, handle, name, description, rules, .. } = &record;
		let cid = |bytes: &Option<Vec<u8>>| {
			bytes.as_deref().and_then(|b| Cid::try_from(b).ok()).map(|cid| cid.to_string())
		};
		Ok(Some(CommunityView {
			id,
			handle: handle.clone(),
			name: name.clone(),
			owner: self.address(owner),
			description: cid(description),
			rules: cid(rules),
			joining: if record.open { "open" } else { "approval" },
			posting: if record.members_only { "members" } else { "anyone" },
			moderators: record.moderators.iter().map(|m| self.address(m)).collect(),
			pinned: record.pins.clone(),
			members: record.members,
			posts: record.posts,
			created_block: record.created_block,
			closed: record.closed,
		}))
	}

	fn log_view(&self, number: u64, entry: LogEntry) -> LogView {
		LogView {
			number,
			action: entry.action,
			post: entry.post,
			account: entry.account.as_ref().map(|a| self.address(a)),
			until: entry.until,
			by: self.address(&entry.by),
			reason: entry.reason,
			block: entry.block,
			at: entry.at_ms,
		}
	}

	fn report_view(&self, number: u64, report: ReportRecord) -> ReportView {
		ReportView {
			number,
			post_id: report.post,
			reporter: self.address(&report.reporter),
			reason: report.reason,
			note: report
				.note
				.as_deref()
				.and_then(|b| Cid::try_from(b).ok())
				.map(|cid| cid.to_string()),
			block: report.block,
			at: report.at_ms,
		}
	}

	async fn hydrate(&self, view: &mut PostView) {
		let Some(content) = view.content.as_deref() else {
			view.body_unavailable = Some("the post has no body".into());
			return;
		};
		let Some(bodies) = &self.bodies else {
			view.body_unavailable = Some("this node runs without IPFS".into());
			return;
		};
		if view.body_size > MAX_HYDRATED_BODY {
			view.body_unavailable =
				Some(format!("the body is larger than {MAX_HYDRATED_BODY} bytes: fetch it by CID"));
			return;
		}
		let Ok(cid) = Cid::try_from(content) else { return };
		let read = bodies.read(&cid, MAX_HYDRATED_BODY.into());
		match tokio::time::timeout(HYDRATE_TIMEOUT, read).await {
			Ok(Ok(bytes)) => view.body = Some(encode_body(bytes)),
			Ok(Err(e)) => view.body_unavailable = Some(e.to_string()),
			Err(_) => view.body_unavailable = Some("this node does not have the body".into()),
		}
	}
}

fn encode_body(bytes: Bytes) -> Body {
	match String::from_utf8(bytes.to_vec()) {
		Ok(text) => Body { encoding: "utf8", data: text },
		Err(_) => Body { encoding: "base64", data: STANDARD.encode(&bytes) },
	}
}

#[async_trait]
impl SocialApiServer for Social {
	fn profile(&self, account_or_handle: String) -> RpcResult<Option<ProfileView>> {
		let account = match AccountId32::from_ss58check_with_version(&account_or_handle) {
			Ok((account, _)) => Some(account.into()),
			Err(_) => {
				self.index.account_of_handle(&account_or_handle.to_lowercase()).map_err(internal)?
			},
		};
		let Some(account) = account else { return Ok(None) };
		let view = self.profile_view(&account)?;
		let active =
			view.handle.is_some() || view.posts > 0 || view.followers > 0 || view.following > 0;
		Ok(active.then_some(view))
	}

	async fn post(&self, post_id: u64, hydrate: Option<bool>) -> RpcResult<Option<PostView>> {
		let mut view = self.post_view(post_id)?;
		if let (Some(view), Some(true)) = (view.as_mut(), hydrate) {
			self.hydrate(view).await;
		}
		Ok(view)
	}

	fn posts_by_author(
		&self,
		account: String,
		cursor: Option<String>,
		limit: Option<u32>,
	) -> RpcResult<Page<PostView>> {
		let (account, limit) = (parse_account(&account)?, parse_limit(limit)?);
		let before = parse_cursor(cursor, |c| cursor::decode_post_id(List::ByAuthor, c))?;
		let ids = self.index.posts_by_author(&account, before, limit).map_err(internal)?;
		self.posts_page(List::ByAuthor, ids, limit)
	}

	fn replies(
		&self,
		post_id: u64,
		cursor: Option<String>,
		limit: Option<u32>,
	) -> RpcResult<Page<PostView>> {
		let limit = parse_limit(limit)?;
		let after = parse_cursor(cursor, |c| cursor::decode_post_id(List::Replies, c))?;
		let ids = self.index.replies(post_id, after, limit).map_err(internal)?;
		self.posts_page(List::Replies, ids, limit)
	}

	fn home_feed(
		&self,
		account: String,
		cursor: Option<String>,
		limit: Option<u32>,
	) -> RpcResult<Page<PostView>> {
		let (account, limit) = (parse_account(&account)?, parse_limit(limit)?);
		let before = parse_cursor(cursor, |c| cursor::decode_post_id(List::HomeFeed, c))?;
		let page = self.index.home_feed(&account, before, limit).map_err(internal)?;
		let items = self.post_views(page.ids)?;
		let next_cursor = page.next.map(|id| cursor::encode(List::HomeFeed, &id.to_be_bytes()));
		Ok(Page { items, next_cursor })
	}

	fn trending(
		&self,
		cursor: Option<String>,
		limit: Option<u32>,
		account: Option<String>,
	) -> RpcResult<Page<PostView>> {
		let limit = parse_limit(limit)?;
		let reader = account.as_deref().map(parse_account).transpose()?;
		let after = parse_cursor(cursor, |c| cursor::decode(List::Trending, c, 16))?;
		let scan =
			self.index.trending(after.as_deref(), reader.as_ref(), limit).map_err(internal)?;
		self.scanned_page(List::Trending, scan)
	}

	fn community(&self, id_or_handle: String) -> RpcResult<Option<CommunityView>> {
		let id = match id_or_handle.parse::<u32>() {
			Ok(id) => Some(id),
			Err(_) => {
				self.index.community_of_handle(&id_or_handle.to_lowercase()).map_err(internal)?
			},
		};
		let Some(id) = id else { return Ok(None) };
		self.community_view(id)
	}

	fn community_feed(
		&self,
		community: u32,
		sort: Option<String>,
		cursor: Option<String>,
		limit: Option<u32>,
		account: Option<String>,
	) -> RpcResult<Page<PostView>> {
		let limit = parse_limit(limit)?;
		let reader = account.as_deref().map(parse_account).transpose()?;
		let index = &self.index;
		match sort.as_deref().unwrap_or("new") {
			"new" => {
				let before =
					parse_cursor(cursor, |c| cursor::decode_post_id(List::CommunityNew, c))?;
				let scan = index.community_posts(community, before, reader.as_ref(), limit);
				self.scanned_page(List::CommunityNew, scan.map_err(internal)?)
			},
			"hot" => {
				let after = parse_cursor(cursor, |c| cursor::decode(List::CommunityHot, c, 16))?;
				let scan = index.community_hot(community, after.as_deref(), reader.as_ref(), limit);
				self.scanned_page(List::CommunityHot, scan.map_err(internal)?)
			},
			other => Err(invalid_params(format!("sort must be \"new\" or \"hot\", not {other:?}"))),
		}
	}

	fn communities(
		&self,
		cursor: Option<String>,
		limit: Option<u32>,
	) -> RpcResult<Page<CommunityView>> {
		let limit = parse_limit(limit)?;
		let after = parse_cursor(cursor, |c| cursor::decode(List::Communities, c, 8))?;
		let found = self.index.communities(after.as_deref(), limit).map_err(internal)?;
		let next_cursor =
			(found.len() == limit).then(|| cursor::encode(List::Communities, &found[limit - 1].1));
		let mut items = Vec::with_capacity(found.len());
		for (id, _) in found {
			items.extend(self.community_view(id)?);
		}
		Ok(Page { items, next_cursor })
	}

	fn memberships(
		&self,
		account: String,
		cursor: Option<String>,
		limit: Option<u32>,
	) -> RpcResult<Page<CommunityView>> {
		let (account, limit) = (parse_account(&account)?, parse_limit(limit)?);
		let after = parse_cursor(cursor, |c| cursor::decode_u32(List::Memberships, c))?;
		let ids = self.index.memberships(&account, after, limit).map_err(internal)?;
		let next_cursor = (ids.len() == limit)
			.then(|| cursor::encode(List::Memberships, &ids[limit - 1].to_be_bytes()));
		let mut items = Vec::with_capacity(ids.len());
		for id in ids {
			items.extend(self.community_view(id)?);
		}
		Ok(Page { items, next_cursor })
	}

	fn moderation_log(
		&self,
		community: u32,
		cursor: Option<String>,
		limit: Option<u32>,
	) -> RpcResult<Page<LogView>> {
		let limit = parse_limit(limit)?;
		let before = parse_cursor(cursor, |c| cursor::decode_post_id(List::ModerationLog, c))?;
		let entries = self.index.moderation_log(community, before, limit).map_err(internal)?;
		let next_cursor = (entries.len() == limit)
			.then(|| cursor::encode(List::ModerationLog, &entries[limit - 1].0.to_be_bytes()));
		let items = entries.into_iter().map(|(n, entry)| self.log_view(n, entry)).collect();
		Ok(Page { items, next_cursor })
	}

	fn reports(
		&self,
		community: Option<u32>,
		cursor: Option<String>,
		limit: Option<u32>,
	) -> RpcResult<Page<ReportView>> {
		let limit = parse_limit(limit)?;
		let scope = community.unwrap_or(NO_COMMUNITY);
		let before = parse_cursor(cursor, |c| cursor::decode_post_id(List::Reports, c))?;
		let reports = self.index.reports(scope, before, limit).map_err(internal)?;
		let next_cursor = (reports.len() == limit)
			.then(|| cursor::encode(List::Reports, &reports[limit - 1].0.to_be_bytes()));
		let items = reports.into_iter().map(|(n, report)| self.report_view(n, report)).collect();
		Ok(Page { items, next_cursor })
	}

	fn followers(
		&self,
		account: String,
		cursor: Option<String>,
		limit: Option<u32>,
	) -> RpcResult<Page<ProfileView>> {
		let (account, limit) = (parse_account(&account)?, parse_limit(limit)?);
		let after = parse_cursor(cursor, |c| cursor::decode_account(List::Followers, c))?;
		let accounts = self.index.followers(&account, after.as_ref(), limit).map_err(internal)?;
		self.accounts_page(List::Followers, accounts, limit)
	}

	fn following(
		&self,
		account: String,
		cursor: Option<String>,
		limit: Option<u32>,
	) -> RpcResult<Page<ProfileView>> {
		let (account, limit) = (parse_account(&account)?, parse_limit(limit)?);
		let after = parse_cursor(cursor, |c| cursor::decode_account(List::Following, c))?;
		let accounts = self.index.following(&account, after.as_ref(), limit).map_err(internal)?;
		self.accounts_page(List::Following, accounts, limit)
	}

	fn pending_rewards(&self, account: String) -> RpcResult<String> {
		let account = parse_account(&account)?;
		(self.pending_rewards)(account)
			.map(|amount| amount.to_string())
			.map_err(|e| ErrorObjectOwned::owned(ErrorCode::InternalError.code(), e, None::<()>))
	}

	fn status(&self) -> RpcResult<IndexStatus> {
		let indexed_block = self.index.last_block().map_err(internal)?.map(|(number, _)| number);
		let finalized_block = self.status.finalized();
		let next = indexed_block.map_or(0, |number| number + 1);
		Ok(IndexStatus {
			indexed_block,
			finalized_block,
			lag: (finalized_block + 1).saturating_sub(next),
			error: self.status.error(),
		})
	}

	async fn subscribe_home_feed(
		&self,
		pending: PendingSubscriptionSink,
		account: String,
	) -> SubscriptionResult {
		let account = match parse_account(&account) {
			Ok(account) => account,
			Err(e) => {
				pending.reject(e).await;
				return Ok(());
			},
		};
		let sink = pending.accept().await?;
		self.push_new_posts(sink, |record| {
			Ok(self.index.follows(&account, &record.author).map_err(internal)?
				&& !record.hidden
				&& !self.excluded(Some(&account), &record.author)?)
		})
		.await
	}

	async fn subscribe_community(
		&self,
		pending: PendingSubscriptionSink,
		community: u32,
		account: Option<String>,
	) -> SubscriptionResult {
		let reader = match account.as_deref().map(parse_account).transpose() {
			Ok(reader) => reader,
			Err(e) => {
				pending.reject(e).await;
				return Ok(());
			},
		};
		let sink = pending.accept().await?;
		self.push_new_posts(sink, |record| {
			Ok(record.community == Some(community)
				&& record.kind == PostKind::Original
				&& !record.hidden
				&& !self.excluded(reader.as_ref(), &record.author)?)
		})
		.await
	}

	async fn subscribe_post(
		&self,
		pending: PendingSubscriptionSink,
		post_id: u64,
	) -> SubscriptionResult {
		let sink = pending.accept().await?;
		let mut changes = self.changes.subscribe();
		while let Some(block) = next_changes(&sink, &mut changes).await? {
			if block.updated.contains(&post_id) {
				if let Some(post) = self.post_view(post_id)? {
					let event = Update::Item(PostEvent { event: "updated", post });
					sink.send(SubscriptionMessage::from_json(&event)?).await?;
				}
			}
			for id in block.created {
				let Some(record) = self.index.post(id).map_err(internal)? else { continue };
				if record.ancestors.contains(&post_id) {
					let event =
						Update::Item(PostEvent { event: "reply", post: self.view(id, record) });
					sink.send(SubscriptionMessage::from_json(&event)?).await?;
				}
			}
		}
		Ok(())
	}
}

/// The next finalized block's changes for a subscriber, or `None` once it unsubscribed or the
/// follower stopped. A subscriber that read too slowly is sent `{"lostUpdates": n}` and waits
/// on for the next block.
async fn next_changes(
	sink: &SubscriptionSink,
	changes: &mut broadcast::Receiver<BlockChanges>,
) -> Result<Option<BlockChanges>, StringError> {
	loop {
		let block = tokio::select! {
			_ = sink.closed() => return Ok(None),
			block = changes.recv() => block,
		};
		match block {
			Ok(block) => return Ok(Some(block)),
			Err(broadcast::error::RecvError::Lagged(lost)) => {
				let notice = Update::<()>::Lost(LostUpdates { lost_updates: lost });
				sink.send(SubscriptionMessage::from_json(&notice)?).await?;
			},
			Err(broadcast::error::RecvError::Closed) => return Ok(None),
		}
	}
}

fn invalid_params(message: impl Into<String>) -> ErrorObjectOwned {
	ErrorObjectOwned::owned(ErrorCode::InvalidParams.code(), message.into(), None::<()>)
}

fn internal(e: IndexError) -> ErrorObjectOwned {
	ErrorObjectOwned::owned(ErrorCode::InternalError.code(), e.to_string(), None::<()>)
}

fn parse_account(text: &str) -> RpcResult<Account> {
	AccountId32::from_ss58check_with_version(text)
		.map(|(account, _)| account.into())
		.map_err(|_| invalid_params(format!("{text:?} is not an SS58 address")))
}

fn parse_limit(limit: Option<u32>) -> RpcResult<usize> {
	match limit.unwrap_or(20) {
		0 => Err(invalid_params("limit must be at least 1")),
		n if n > MAX_LIMIT => Err(invalid_params(format!("limit must be at most {MAX_LIMIT}"))),
		n => Ok(n as usize),
	}
}

fn parse_cursor<T>(
	cursor: Option<String>,
	decode: impl Fn(&str) -> Result<T, String>,
) -> RpcResult<Option<T>> {
	cursor.map(|c| decode(&c).map_err(invalid_params)).transpose()
}

#[cfg(test)]
mod tests;
