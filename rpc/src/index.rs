//! The social index: RocksDB column families under the node's base path, updated from finalized
//! blocks one block per atomic write batch, read with keyset cursors.

use std::{collections::HashMap, path::Path};

use codec::{Decode, Encode};
use rocksdb::{ColumnFamily, Direction as Dir, IteratorMode, Options, WriteBatch, DB};

use crate::{
	events::{Account, Direction, FinalizedBlock, SocialEvent},
	records::{
		hot_rank, is_ranked, AccountCounts, CommunityRecord, PostKind, PostRecord, ProfileRecord,
		TipFlow,
	},
};

/// The last block indexed: number and hash.
const META: &str = "meta";
/// Post id (big-endian) → [`PostRecord`].
const POSTS: &str = "posts";
/// Author ++ post id → (): each author's live posts.
const BY_AUTHOR: &str = "by_author";
/// Ancestor id ++ reply id → (): every reply below each post of a thread.
const THREADS: &str = "threads";
/// Follower ++ followee → ().
const FOLLOWING: &str = "following";
/// Followee ++ follower → ().
const FOLLOWERS: &str = "followers";
/// Account → [`ProfileRecord`].
const PROFILES: &str = "profiles";
/// Handle → account.
const HANDLES: &str = "handles";
/// Account → [`AccountCounts`].
const COUNTS: &str = "counts";
/// Inverted rank ++ inverted post id → (): live original posts, hottest first.
const TRENDING: &str = "trending";
/// Tipper ++ author → [`TipFlow`].
const TIP_FLOWS: &str = "tip_flows";
/// Tipper ++ author ++ entry number → (post id, credited planck): a pair's trending credits.
const TIP_CREDITS: &str = "tip_credits";

mod communities;
mod timeline;
use communities::Scan;
pub use communities::{PostScan, NO_COMMUNITY};
use communities::{
	BY_MEMBERS, COMMUNITIES, COMMUNITY_HANDLES, COMMUNITY_HOT, COMMUNITY_POSTS, EXCLUDES, HIDDEN,
	MEMBERSHIPS, MODERATION_LOG, REPORTS,
};
pub use timeline::{FanOut, FeedPage, MAX_SKIPPED};
use timeline::{
	FeedChanges, TimelineChange, PULLED, PULLS, PULL_COUNTS, PUSHES, TIMELINE, TIMELINE_SIZES,
};

const COLUMNS: [&str; 28] = [
	META,
	POSTS,
	BY_AUTHOR,
	THREADS,
	FOLLOWING,
	FOLLOWERS,
	PROFILES,
	HANDLES,
	COUNTS,
	TRENDING,
	TIP_FLOWS,
	TIP_CREDITS,
	TIMELINE,
	TIMELINE_SIZES,
	PULLED,
	PULLS,
	PULL_COUNTS,
	PUSHES,
	COMMUNITIES,
	COMMUNITY_HANDLES,
	BY_MEMBERS,
	MEMBERSHIPS,
	COMMUNITY_POSTS,
	COMMUNITY_HOT,
	MODERATION_LOG,
	REPORTS,
	EXCLUDES,
	HIDDEN,
];
const LAST_BLOCK_KEY: &[u8] = b"last_block";
/// The layout version of the index's records. An index written in another layout is emptied on
/// open and rebuilt from genesis.
const SCHEMA_KEY: &[u8] = b"schema";
const SCHEMA_VERSION: u32 = 6;

/// An index error: the database failed or holds something it cannot read.
#[derive(Debug, thiserror::Error)]
pub enum IndexError {
	/// RocksDB failed.
	#[error("social index database: {0}")]
	Db(#[from] rocksdb::Error),
	/// A record did not decode.
	#[error("social index record: {0}")]
	Codec(#[from] codec::Error),
}

type Result<T> = std::result::Result<T, IndexError>;

/// What one indexed block changed, for the subscriptions.
#[derive(Clone, Debug, Default)]
pub struct BlockChanges {
	/// The block's number.
	pub number: u32,
	/// Posts it created (posts, replies, reposts), in order.
	pub created: Vec<u64>,
	/// Posts whose record changed (edits, deletes, votes, tips, new replies or reposts).
	pub updated: Vec<u64>,
}

/// The social index.
pub struct SocialIndex {
	db: DB,
	fan_out: FanOut,
}

impl SocialIndex {
	/// Opens (or creates) the index in `dir`.
	pub fn open(dir: &Path) -> Result<Self> {
		Self::open_with(dir, FanOut::default())
	}

	/// Opens (or creates) the index in `dir`, splitting home feeds by `fan_out`.
	pub fn open_with(dir: &Path, fan_out: FanOut) -> Result<Self> {
		let mut options = Options::default();
		options.create_if_missing(true);
		options.create_missing_column_families(true);
		let index = Self { db: DB::open_cf(&options, dir, COLUMNS)?, fan_out };
		if index.get::<u32>(META, SCHEMA_KEY)? != Some(SCHEMA_VERSION) {
			if index.last_block()?.is_some() {
				log::warn!(
					target: "social",
					"The social index was written in an older layout: rebuilding it",
				);
			}
			index.clear()?;
		}
		Ok(index)
	}

	fn cf(&self, name: &str) -> &ColumnFamily {
		self.db.cf_handle(name).expect("every column family is created by open")
	}

	/// The last block indexed.
	pub fn last_block(&self) -> Result<Option<(u32, [u8; 32])>> {
		match self.db.get_cf(self.cf(META), LAST_BLOCK_KEY)? {
			Some(bytes) => Ok(Some(<(u32, [u8; 32])>::decode(&mut &bytes[..])?)),
			None => Ok(None),
		}
	}

	/// Empties the index, to rebuild it from genesis: one range deletion per column (a
	/// tombstone each, whatever the index holds), not one deletion per key.
	pub fn clear(&self) -> Result<()> {
		let mut batch = WriteBatch::default();
		for name in COLUMNS {
			let cf = self.cf(name);
			let last = self.db.iterator_cf(cf, IteratorMode::End).next().transpose()?;
			if let Some((last, _)) = last {
				// Every key sorts before the last key followed by a zero byte.
				batch.delete_range_cf(cf, &[][..], &[&last[..], &[0]].concat()[..]);
			}
		}
		batch.put_cf(self.cf(META), SCHEMA_KEY, SCHEMA_VERSION.encode());
		Ok(self.db.write(batch)?)
	}

	fn get<T: Decode>(&self, column: &str, key: &[u8]) -> Result<Option<T>> {
		match self.db.get_cf(self.cf(column), key)? {
			Some(bytes) => Ok(Some(T::decode(&mut &bytes[..])?)),
			None => Ok(None),
		}
	}

	/// A post.
	pub fn post(&self, id: u64) -> Result<Option<PostRecord>> {
		self.get(POSTS, &id.to_be_bytes())
	}

	/// An account's profile.
	pub fn profile(&self, who: &Account) -> Result<Option<ProfileRecord>> {
		self.get(PROFILES, who)
	}

	/// An account's counters.
	pub fn counts(&self, who: &Account) -> Result<AccountCounts> {
		Ok(self.get(COUNTS, who)?.unwrap_or_default())
	}

	/// The account that holds `handle` (lower case).
	pub fn account_of_handle(&self, handle: &str) -> Result<Option<Account>> {
		self.get(HANDLES, handle.as_bytes())
	}

	/// An author's live posts, newest first, older than `before` (a post id).
	pub fn posts_by_author(
		&self,
		author: &Account,
		before: Option<u64>,
		limit: usize,
	) -> Result<Vec<u64>> {
		let mut ids = Vec::with_capacity(limit);
		let Some(start) = before.map_or(Some(u64::MAX), |id| id.checked_sub(1)) else {
			return Ok(ids);
		};
		let key = [&author[..], &start.to_be_bytes()].concat();
		for entry in self.db.iterator_cf(self.cf(BY_AUTHOR), IteratorMode::From(&key, Dir::Reverse))
		{
			let (key, _) = entry?;
			if !key.starts_with(author) || ids.len() == limit {
				break;
			}
			ids.push(suffix_id(&key));
		}
		Ok(ids)
	}

	/// Every reply below `post` in its thread, oldest first, newer than `after`.
	pub fn replies(&self, post: u64, after: Option<u64>, limit: usize) -> Result<Vec<u64>> {
		let mut ids = Vec::with_capacity(limit);
		let Some(start) = after.map_or(Some(0), |id| id.checked_add(1)) else { return Ok(ids) };
		let prefix = post.to_be_bytes();
		let key = [&prefix[..], &start.to_be_bytes()].concat();
		for entry in self.db.iterator_cf(self.cf(THREADS), IteratorMode::From(&key, Dir::Forward)) {
			let (key, _) = entry?;
			if !key.starts_with(&prefix) || ids.len() == limit {
				break;
			}
			ids.push(suffix_id(&key));
		}
		Ok(ids)
	}

	/// The accounts `who` follows (`column` FOLLOWING) or that follow it (FOLLOWERS), in account
	/// order, after `after`.
	fn graph(
		&self,
		column: &str,
		who: &Account,
		after: Option<&Account>,
		limit: usize,
	) -> Result<Vec<Account>> {
		let mut accounts = Vec::with_capacity(limit.min(1024));
		let start = [&who[..], after.map_or(&[][..], |a| &a[..])].concat();
		for entry in self.db.iterator_cf(self.cf(column), IteratorMode::From(&start, Dir::Forward))
		{
			let (key, _) = entry?;
			if !key.starts_with(who) || accounts.len() == limit {
				break;
			}
			let other: Account = key[32..].try_into().expect("graph keys are two accounts");
			if Some(&other) != after {
				accounts.push(other);
			}
		}
		Ok(accounts)
	}

	/// Whom `who` follows.
	pub fn following(
		&self,
		who: &Account,
		after: Option<&Account>,
		limit: usize,
	) -> Result<Vec<Account>> {
		self.graph(FOLLOWING, who, after, limit)
	}

	/// Who follows `who`.
	pub fn followers(
		&self,
		who: &Account,
		after: Option<&Account>,
		limit: usize,
	) -> Result<Vec<Account>> {
		self.graph(FOLLOWERS, who, after, limit)
	}

	/// Whether `follower` follows `followee`.
	pub fn follows(&self, follower: &Account, followee: &Account) -> Result<bool> {
		Ok(self.db.get_cf(self.cf(FOLLOWING), [&follower[..], &followee[..]].concat())?.is_some())
	}

	/// Live original posts their communities did not hide, hottest first, after the trending
	/// key `after`, without those of accounts `reader` mutes or blocks.
	pub fn trending(
		&self,
		after: Option<&[u8]>,
		reader: Option<&Account>,
		limit: usize,
	) -> Result<PostScan> {
		let start = after.unwrap_or(&[]);
		let scan = Scan { column: TRENDING, prefix: &[], start, dir: Dir::Forward };
		self.scan_posts(scan, after.is_some(), reader, limit, |key| {
			(u64::MAX - suffix_id(key), key.to_vec())
		})
	}

	/// Indexes one finalized block: all its changes and its number in one write batch.
	pub fn apply_block(&self, block: &FinalizedBlock) -> Result<BlockChanges> {
		let mut writer = BlockWriter {
			index: self,
			posts: HashMap::new(),
			counts: HashMap::new(),
			profiles: HashMap::new(),
			flows: HashMap::new(),
			credits: HashMap::new(),
			communities: HashMap::new(),
			excludes: HashMap::new(),
			unscoped_reports: None,
			batch: WriteBatch::default(),
			feed: FeedChanges::default(),
			timelines: HashMap::new(),
			changes: BlockChanges { number: block.number, ..Default::default() },
		};
		for event in &block.events {
			writer.apply(event, block)?;
		}
		writer.finish(block)
	}
}

/// The id at the end of a key.
fn suffix_id(key: &[u8]) -> u64 {
	u64::from_be_bytes(key[key.len() - 8..].try_into().expect("keys end with an id"))
}

/// The trending key of a ranked post: its rank inverted (hottest first), then its id inverted
/// (newest first among equal ranks).
pub fn trending_key(id: u64, record: &PostRecord) -> Vec<u8> {
	// Ranks sort as fixed-point numbers with six decimals; flipping the sign bit orders negative
	// ranks before positive ones as unsigned integers.
	let fixed = (hot_rank(record) * 1e6).round() as i64;
	let ordered = (fixed as u64) ^ (1 << 63);
	[(u64::MAX - ordered).to_be_bytes(), (u64::MAX - id).to_be_bytes()].concat()
}

/// Gathers one block's changes over a view of the records it touched.
struct BlockWriter<'a> {
	index: &'a SocialIndex,
	/// Posts touched by the block, with their trending key before it.
	posts: HashMap<u64, (PostRecord, Option<Vec<u8>>)>,
	counts: HashMap<Account, AccountCounts>,
	/// Profiles as the block left them so far (`None`: cleared).
	profiles: HashMap<Account, Option<ProfileRecord>>,
	/// Tip flows touched by the block, by (tipper, author).
	flows: HashMap<(Account, Account), TipFlow>,
	/// Trending credit entries the block wrote (`None`: removed), by key.
	credits: HashMap<Vec<u8>, Option<(u64, u128)>>,
	/// Communities touched by the block, with their key among the open ones before it.
	communities: HashMap<u32, (CommunityRecord, Option<Vec<u8>>)>,
	/// Readers' exclusion flags the block changed, by reader ++ account.
	excludes: HashMap<Vec<u8>, u8>,
	/// How many reports of posts in no community there are, once the block added one.
	unscoped_reports: Option<u64>,
	batch: WriteBatch,
	/// Follows and posts, for the home feeds' fan-out at the block's end.
	feed: FeedChanges,
	/// Readers' timelines the fan-out grew.
	timelines: HashMap<Account, TimelineChange>,
	changes: BlockChanges,
}

impl BlockWriter<'_> {
	fn post(&mut self, id: u64) -> Result<Option<&mut PostRecord>> {
		if !self.posts.contains_key(&id) {
			let Some(record) = self.index.post(id)? else { return Ok(None) };
			let key = is_ranked(&record).then(|| trending_key(id, &record));
			self.posts.insert(id, (record, key));
		}
		if !self.changes.updated.contains(&id) && !self.changes.created.contains(&id) {
			self.changes.updated.push(id);
		}
		Ok(self.posts.get_mut(&id).map(|(record, _)| record))
	}

	fn counts(&mut self, who: &Account) -> Result<&mut AccountCounts> {
		if !self.counts.contains_key(who) {
			let counts = self.index.counts(who)?;
			self.counts.insert(*who, counts);
		}
		Ok(self.counts.get_mut(who).expect("inserted above"))
	}

	/// The profile of `who` as the block left it so far.
	fn profile(&mut self, who: &Account) -> Result<Option<ProfileRecord>> {
		match self.profiles.get(who) {
			Some(profile) => Ok(profile.clone()),
			None => self.index.profile(who),
		}
	}

	fn put(&mut self, column: &str, key: &[u8], value: &[u8]) {
		self.batch.put_cf(self.index.cf(column), key, value);
	}

	fn delete(&mut self, column: &str, key: &[u8]) {
		self.batch.delete_cf(self.index.cf(column), key);
	}

	fn apply(&mut self, event: &SocialEvent, block: &FinalizedBlock) -> Result<()> {
		match event {
			SocialEvent::ProfileSet { who, handle, display_name, metadata } => {
				if let Some(old) = self.profile(who)? {
					if &old.handle != handle {
						self.delete(HANDLES, old.handle.as_bytes());
					}
				}
				let record = ProfileRecord {
					handle: handle.clone(),
					display_name: display_name.clone(),
					metadata: metadata.map(|cid| cid.to_bytes()),
				};
				self.put(PROFILES, who, &record.encode());
				self.put(HANDLES, handle.as_bytes(), &who.encode());
				self.profiles.insert(*who, Some(record));
			},
			SocialEvent::ProfileCleared { who } => {
				if let Some(old) = self.profile(who)? {
					self.delete(HANDLES, old.handle.as_bytes());
				}
				self.delete(PROFILES, who);
				self.profiles.insert(*who, None);
			},
			SocialEvent::Followed { follower, followee } => {
				self.edge(follower, followee, true)?;
				self.put(FOLLOWING, &[&follower[..], &followee[..]].concat(), &[]);
				self.put(FOLLOWERS, &[&followee[..], &follower[..]].concat(), &[]);
				self.counts(follower)?.following += 1;
				self.counts(followee)?.followers += 1;
			},
			SocialEvent::Unfollowed { follower, followee } => {
				self.edge(follower, followee, false)?;
				self.delete(FOLLOWING, &[&follower[..], &followee[..]].concat());
				self.delete(FOLLOWERS, &[&followee[..], &follower[..]].concat());
				let counts = self.counts(follower)?;
				counts.following = counts.following.saturating_sub(1);
				let counts = self.counts(followee)?;
				counts.followers = counts.followers.saturating_sub(1);
			},
			SocialEvent::PostCreated {
				post_id,
				author,
				reply_to,
				content,
				body_size,
				via,
				community,
			} => {
				let (kind, ancestors) = match reply_to {
					None => (PostKind::Original, Vec::new()),
					Some(parent) => match self.post(*parent)? {
						Some(parent_record) => {
							parent_record.replies += 1;
							let root = parent_record.ancestors.last().copied().unwrap_or(*parent);
							let mut ancestors = vec![*parent];
							ancestors.extend(parent_record.ancestors.iter().copied());
							(PostKind::Reply { parent: *parent, root }, ancestors)
						},
						None => (PostKind::Reply { parent: *parent, root: *parent }, vec![*parent]),
					},
				};
				for ancestor in &ancestors {
					self.put(
						THREADS,
						&[ancestor.to_be_bytes(), post_id.to_be_bytes()].concat(),
						&[],
					);
				}
				self.create(
					*post_id,
					(*author, *via, *community),
					kind,
					ancestors,
					Some(content.to_bytes()),
					*body_size,
					block,
				)?;
				if let (Some(community), None) = (community, reply_to) {
					self.community_post_created(*post_id, *community)?;
				}
			},
			SocialEvent::Reposted { post_id, original, author, via } => {
				if let Some(original_record) = self.post(*original)? {
					original_record.reposts += 1;
				}
				self.create(
					*post_id,
					(*author, *via, None),
					PostKind::Repost { original: *original },
					Vec::new(),
					None,
					0,
					block,
				)?;
			},
			SocialEvent::PostEdited { post_id, content, body_size, revision } => {
				if let Some(record) = self.post(*post_id)? {
					record.content = Some(content.to_bytes());
					record.body_size = *body_size;
					record.revision = *revision;
				}
			},
			SocialEvent::PostDeleted { post_id } => {
				let Some(record) = self.post(*post_id)? else { return Ok(()) };
				let in_community_feed = match record.community {
					Some(community) if !record.hidden && !record.deleted => Some(community),
					_ => None,
				};
				record.deleted = true;
				record.content = None;
				record.body_size = 0;
				let (author, kind) = (record.author, record.kind);
				if let (Some(community), PostKind::Original) = (in_community_feed, kind) {
					self.community_post_removed(*post_id, community)?;
				}
				self.delete(BY_AUTHOR, &[&author[..], &post_id.to_be_bytes()].concat());
				let counts = self.counts(&author)?;
				counts.posts = counts.posts.saturating_sub(1);
				match kind {
					PostKind::Reply { parent, .. } => {
						if let Some(parent) = self.post(parent)? {
							parent.replies = parent.replies.saturating_sub(1);
						}
					},
					PostKind::Repost { original } => {
						if let Some(original) = self.post(original)? {
							original.reposts = original.reposts.saturating_sub(1);
						}
					},
					PostKind::Original => {},
				}
			},
			SocialEvent::Voted { post_id, direction, previous } => {
				if let Some(record) = self.post(*post_id)? {
					if let Some(previous) = previous {
						count_vote(record, *previous, false);
					}
					count_vote(record, *direction, true);
				}
			},
			SocialEvent::VoteRemoved { post_id, direction } => {
				if let Some(record) = self.post(*post_id)? {
					count_vote(record, *direction, false);
				}
			},
			SocialEvent::Tipped { post_id, from, to, amount } => {
				if let Some(record) = self.post(*post_id)? {
					record.tips = record.tips.saturating_add(*amount);
				}
				self.credit_tip(*post_id, from, to, *amount)?;
			},
			SocialEvent::CommunitySet { community, info } => {
				self.set_community(*community, info, block)?;
			},
			SocialEvent::CommunityClosed { community } => self.close_community(*community)?,
			SocialEvent::MemberJoined { community, who } => {
				self.membership(*community, who, true);
			},
			SocialEvent::MemberLeft { community, who } => self.membership(*community, who, false),
			SocialEvent::Moderated { community, action, by, reason } => {
				self.moderated(*community, action, by, reason, block)?;
			},
			SocialEvent::Listed { who, list, target, listed } => {
				self.listed(who, *list, target, *listed)?;
			},
			SocialEvent::PostReported { post_id, reporter, reason, note, community } => {
				self.reported(*post_id, reporter, (reason, note.as_ref()), *community, block)?;
			},
		}
		Ok(())
	}

	/// The tip flow from `tipper` to `author` as the block left it so far.
	fn flow(&mut self, tipper: &Account, author: &Account) -> Result<TipFlow> {
		if let Some(flow) = self.flows.get(&(*tipper, *author)) {
			return Ok(*flow);
		}
		let key = [&tipper[..], &author[..]].concat();
		Ok(self.index.get(TIP_FLOWS, &key)?.unwrap_or_default())
	}

	/// The key of entry `entry` of the credit stack of (`tipper`, `author`).
	fn credit_key(tipper: &Account, author: &Account, entry: u64) -> Vec<u8> {
		[&tipper[..], &author[..], &entry.to_be_bytes()].concat()
	}

	/// A credit entry as the block left it so far.
	fn credit(&self, key: &[u8]) -> Result<Option<(u64, u128)>> {
		match self.credits.get(key) {
			Some(entry) => Ok(*entry),
			None => self.index.get(TIP_CREDITS, key),
		}
	}

	/// Adds `amount` from `tipper` on `author`'s post `post_id` to the tip flows, and moves
	/// trending credits so that each direction's credit is its net flow ([`TipFlow`]): the
	/// reverse direction loses credit (newest first) as far as this tip offsets it, and the post
	/// gains what the tip adds to the tipper's net flow.
	fn credit_tip(
		&mut self,
		post_id: u64,
		tipper: &Account,
		author: &Account,
		amount: u128,
	) -> Result<()> {
		let mut forward = self.flow(tipper, author)?;
		let mut reverse = self.flow(author, tipper)?;
		forward.tipped = forward.tipped.saturating_add(amount);

		let reverse_net = reverse.tipped.saturating_sub(forward.tipped);
		let mut excess = reverse.credited.saturating_sub(reverse_net);
		while excess > 0 && reverse.entries > 0 {
			let key = Self::credit_key(author, tipper, reverse.entries - 1);
			let Some((credited_post, credited)) = self.credit(&key)? else { break };
			let cut = credited.min(excess);
			if let Some(record) = self.post(credited_post)? {
				record.trending_tips = record.trending_tips.saturating_sub(cut);
			}
			excess -= cut;
			reverse.credited = reverse.credited.saturating_sub(cut);
			if cut == credited {
				self.credits.insert(key, None);
				reverse.entries -= 1;
			} else {
				self.credits.insert(key, Some((credited_post, credited - cut)));
			}
		}

		let forward_net = forward.tipped.saturating_sub(reverse.tipped);
		let added = forward_net.saturating_sub(forward.credited);
		if added > 0 {
			let key = Self::credit_key(tipper, author, forward.entries);
			self.credits.insert(key, Some((post_id, added)));
			forward.entries += 1;
			forward.credited = forward.credited.saturating_add(added);
			if let Some(record) = self.post(post_id)? {
				record.trending_tips = record.trending_tips.saturating_add(added);
			}
		}
		self.flows.insert((*tipper, *author), forward);
		self.flows.insert((*author, *tipper), reverse);
		Ok(())
	}

	#[allow(clippy::too_many_arguments)]
	fn create(
		&mut self,
		id: u64,
		(author, via, community): (Account, Option<Account>, Option<u32>),
		kind: PostKind,
		ancestors: Vec<u64>,
		content: Option<Vec<u8>>,
		body_size: u32,
		block: &FinalizedBlock,
	) -> Result<()> {
		let record = PostRecord {
			author,
			via,
			kind,
			ancestors,
			content,
			body_size,
			revision: 0,
			created_block: block.number,
			created_ms: block.timestamp_ms,
			deleted: false,
			upvotes: 0,
			downvotes: 0,
			tips: 0,
			trending_tips: 0,
			replies: 0,
			reposts: 0,
			community,
			hidden: false,
		};
		self.posts.insert(id, (record, None));
		self.changes.created.push(id);
		self.created_post(id, author);
		self.put(BY_AUTHOR, &[&author[..], &id.to_be_bytes()].concat(), &[]);
		self.counts(&author)?.posts += 1;
		Ok(())
	}

	fn finish(mut self, block: &FinalizedBlock) -> Result<BlockChanges> {
		self.fan_out()?;
		let posts = std::mem::take(&mut self.posts);
		for (id, (record, old_key)) in posts {
			let new_key = is_ranked(&record).then(|| trending_key(id, &record));
			if old_key != new_key {
				let community = record.community.map(u32::to_be_bytes);
				if let Some(old) = old_key {
					self.delete(TRENDING, &old);
					if let Some(community) = community {
						self.delete(COMMUNITY_HOT, &[&community[..], &old].concat());
					}
				}
				if let Some(new) = new_key {
					self.put(TRENDING, &new, &[]);
					if let Some(community) = community {
						self.put(COMMUNITY_HOT, &[&community[..], &new].concat(), &[]);
					}
				}
			}
			self.put(POSTS, &id.to_be_bytes(), &record.encode());
		}
		let counts = std::mem::take(&mut self.counts);
		for (who, counts) in counts {
			self.put(COUNTS, &who, &counts.encode());
		}
		let flows = std::mem::take(&mut self.flows);
		for ((tipper, author), flow) in flows {
			self.put(TIP_FLOWS, &[&tipper[..], &author[..]].concat(), &flow.encode());
		}
		let credits = std::mem::take(&mut self.credits);
		for (key, entry) in credits {
			match entry {
				Some(entry) => self.put(TIP_CREDITS, &key, &entry.encode()),
				None => self.delete(TIP_CREDITS, &key),
			}
		}
		self.finish_communities()?;
		self.put(META, LAST_BLOCK_KEY, &(block.number, block.hash).encode());
		self.index.db.write(self.batch)?;
		Ok(self.changes)
	}
}

fn count_vote(record: &mut PostRecord, direction: Direction, up: bool) {
	let count = match direction {
		Direction::Up => &mut record.upvotes,
		Direction::Down => &mut record.downvotes,
	};
	*count = if up { count.saturating_add(1) } else { count.saturating_sub(1) };
}

#[cfg(test)]
mod tests;
