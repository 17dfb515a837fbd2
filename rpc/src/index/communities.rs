//! Communities in the index (records, members, their feeds by "new" and "hot", moderation logs,
//! reports) and each reader's mutes and blocks, which the feeds honour.

use codec::Encode;
use rocksdb::{Direction as Dir, IteratorMode};

use super::{suffix_id, BlockWriter, Result, SocialIndex, MAX_SKIPPED, META};
use crate::{
	events::{Account, CommunityInfo, FinalizedBlock, ModerationAction, PersonalList},
	records::{CommunityRecord, LogEntry, PostKind, ReportRecord},
};

/// Community id → [`CommunityRecord`].
pub(super) const COMMUNITIES: &str = "communities";
/// Handle → community id: open communities' handles.
pub(super) const COMMUNITY_HANDLES: &str = "community_handles";
/// Inverted member count ++ community id → (): open communities, most members first.
pub(super) const BY_MEMBERS: &str = "communities_by_members";
/// Account ++ community id → (): each account's memberships.
pub(super) const MEMBERSHIPS: &str = "memberships";
/// Community id ++ post id → (): each community's visible original posts.
pub(super) const COMMUNITY_POSTS: &str = "community_posts";
/// Community id ++ trending key → (): each community's visible original posts, hottest first.
pub(super) const COMMUNITY_HOT: &str = "community_hot";
/// Community id ++ entry number → [`LogEntry`].
pub(super) const MODERATION_LOG: &str = "moderation_log";
/// Community id ([`NO_COMMUNITY`] for posts in none) ++ report number → [`ReportRecord`].
pub(super) const REPORTS: &str = "reports";
/// Reader ++ account → flags ([`MUTES`] | [`BLOCKS`]): accounts the reader's feeds leave out.
pub(super) const EXCLUDES: &str = "excludes";
/// Post id → (): posts their community's moderators hid.
pub(super) const HIDDEN: &str = "hidden";

/// The community number reports of posts in no community are kept under.
pub const NO_COMMUNITY: u32 = u32::MAX;
/// How many reports of posts in no community the index holds (their next number), in [`META`].
const UNSCOPED_REPORTS_KEY: &[u8] = b"unscoped_reports";
/// [`EXCLUDES`] flag: the reader mutes the account.
const MUTES: u8 = 1;
/// [`EXCLUDES`] flag: the reader blocks the account.
const BLOCKS: u8 = 2;

/// Where a scan of post keys runs: a column, the prefix its keys share, the key it starts at and
/// its direction.
pub(super) struct Scan<'a> {
	pub(super) column: &'a str,
	pub(super) prefix: &'a [u8],
	pub(super) start: &'a [u8],
	pub(super) dir: Dir,
}

/// A page of posts from a scan of keys.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PostScan {
	/// The posts, in the list's order.
	pub ids: Vec<u64>,
	/// The key (within the list) after which the next page starts: the last post listed, or
	/// the last skipped after [`MAX_SKIPPED`]; `None` when the list ended.
	pub next: Option<Vec<u8>>,
}

/// A community's key in [`BY_MEMBERS`]: the most members first, then the lowest id.
fn by_members_key(id: u32, members: u32) -> Vec<u8> {
	[(u32::MAX - members).to_be_bytes(), id.to_be_bytes()].concat()
}

impl SocialIndex {
	/// A community, open or closed.
	pub fn community(&self, id: u32) -> Result<Option<CommunityRecord>> {
		self.get(COMMUNITIES, &id.to_be_bytes())
	}

	/// The open community that has `handle` (lower case).
	pub fn community_of_handle(&self, handle: &str) -> Result<Option<u32>> {
		self.get(COMMUNITY_HANDLES, handle.as_bytes())
	}

	/// Up to `limit` keys of `column` under `prefix`, from `start` (itself skipped when
	/// `skip_start`) in direction `dir`.
	fn keys_under(
		&self,
		column: &str,
		prefix: &[u8],
		start: &[u8],
		dir: Dir,
		skip_start: bool,
		limit: usize,
	) -> Result<Vec<Box<[u8]>>> {
		let mut keys = Vec::with_capacity(limit.min(1024));
		for entry in self.db.iterator_cf(self.cf(column), IteratorMode::From(start, dir)) {
			let (key, _) = entry?;
			if !key.starts_with(prefix) || keys.len() == limit {
				break;
			}
			if skip_start && &key[..] == start {
				continue;
			}
			keys.push(key);
		}
		Ok(keys)
	}

	/// Open communities, most members first, after the key `after`; with their keys.
	pub fn communities(&self, after: Option<&[u8]>, limit: usize) -> Result<Vec<(u32, Vec<u8>)>> {
		let keys =
			self.keys_under(BY_MEMBERS, &[], after.unwrap_or(&[]), Dir::Forward, true, limit)?;
		Ok(keys
			.into_iter()
			.map(|key| {
				let id = u32::from_be_bytes(key[4..8].try_into().expect("8-byte keys"));
				(id, key.to_vec())
			})
			.collect())
	}

	/// The communities `who` is a member of, by id, after `after`.
	pub fn memberships(&self, who: &Account, after: Option<u32>, limit: usize) -> Result<Vec<u32>> {
		let start = [&who[..], &after.unwrap_or(0).to_be_bytes()].concat();
		let keys =
			self.keys_under(MEMBERSHIPS, who, &start, Dir::Forward, after.is_some(), limit)?;
		Ok(keys
			.into_iter()
			.map(|key| u32::from_be_bytes(key[32..36].try_into().expect("account ++ id keys")))
			.collect())
	}

	/// A community's visible original posts, newest first, older than `before`, without those
	/// of accounts `reader` mutes or blocks.
	pub fn community_posts(
		&self,
		community: u32,
		before: Option<u64>,
		reader: Option<&Account>,
		limit: usize,
	) -> Result<PostScan> {
		let Some(start) = before.map_or(Some(u64::MAX), |id| id.checked_sub(1)) else {
			return Ok(PostScan::default());
		};
		let prefix = community.to_be_bytes();
		let key = [&prefix[..], &start.to_be_bytes()].concat();
		let scan =
			Scan { column: COMMUNITY_POSTS, prefix: &prefix, start: &key, dir: Dir::Reverse };
		self.scan_posts(scan, false, reader, limit, |key| (suffix_id(key), key[4..].to_vec()))
	}

	/// A community's visible original posts, hottest first, after the trending key `after`,
	/// without those of accounts `reader` mutes or blocks; keyed by their trending keys.
	pub fn community_hot(
		&self,
		community: u32,
		after: Option<&[u8]>,
		reader: Option<&Account>,
		limit: usize,
	) -> Result<PostScan> {
		let prefix = community.to_be_bytes();
		let start = [&prefix[..], after.unwrap_or(&[])].concat();
		let scan =
			Scan { column: COMMUNITY_HOT, prefix: &prefix, start: &start, dir: Dir::Forward };
		self.scan_posts(scan, after.is_some(), reader, limit, |key| {
			(u64::MAX - suffix_id(key), key[4..].to_vec())
		})
	}

	/// Posts listed by the keys of `scan`, skipping its start key when `skip_start`, and those by
	/// authors `reader` excludes (at most [`MAX_SKIPPED`] of them; the page then ends early with
	/// a cursor to continue from). `post_of` turns a key into a post id and the key a cursor
	/// holds.
	pub(super) fn scan_posts(
		&self,
		scan: Scan,
		skip_start: bool,
		reader: Option<&Account>,
		limit: usize,
		post_of: impl Fn(&[u8]) -> (u64, Vec<u8>),
	) -> Result<PostScan> {
		let mut page = PostScan { ids: Vec::with_capacity(limit.min(1024)), next: None };
		let mut skipped = 0;
		let mode = IteratorMode::From(scan.start, scan.dir);
		for entry in self.db.iterator_cf(self.cf(scan.column), mode) {
			let (key, _) = entry?;
			if !key.starts_with(scan.prefix) {
				break;
			}
			if skip_start && &key[..] == scan.start {
				continue;
			}
			let (id, cursor) = post_of(&key);
			let excluded = match reader {
				Some(reader) => match self.post(id)? {
					Some(post) => self.excludes(reader, &post.author)?,
					None => true,
				},
				None => false,
			};
			if excluded {
				skipped += 1;
				if skipped == MAX_SKIPPED {
					page.next = Some(cursor);
					break;
				}
				continue;
			}
			page.ids.push(id);
			if page.ids.len() == limit {
				page.next = Some(cursor);
				break;
			}
		}
		Ok(page)
	}

	/// Entries of a numbered log (`column`: the moderation log or reports) under `prefix`,
	/// newest first, older than `before`.
	fn numbered<T: codec::Decode>(
		&self,
		column: &str,
		prefix: u32,
		before: Option<u64>,
		limit: usize,
	) -> Result<Vec<(u64, T)>> {
		let Some(start) = before.map_or(Some(u64::MAX), |n| n.checked_sub(1)) else {
			return Ok(Vec::new());
		};
		let prefix = prefix.to_be_bytes();
		let key = [&prefix[..], &start.to_be_bytes()].concat();
		let mut found = Vec::with_capacity(limit.min(1024));
		let mode = IteratorMode::From(&key, Dir::Reverse);
		for entry in self.db.iterator_cf(self.cf(column), mode) {
			let (key, value) = entry?;
			if !key.starts_with(&prefix) || found.len() == limit {
				break;
			}
			found.push((suffix_id(&key), T::decode(&mut &value[..])?));
		}
		Ok(found)
	}

	/// A community's moderation log, newest first, before entry `before`.
	pub fn moderation_log(
		&self,
		community: u32,
		before: Option<u64>,
		limit: usize,
	) -> Result<Vec<(u64, LogEntry)>> {
		self.numbered(MODERATION_LOG, community, before, limit)
	}

	/// Reports of a community's posts ([`NO_COMMUNITY`]: of posts in none), newest first,
	/// before report `before`.
	pub fn reports(
		&self,
		community: u32,
		before: Option<u64>,
		limit: usize,
	) -> Result<Vec<(u64, ReportRecord)>> {
		self.numbered(REPORTS, community, before, limit)
	}

	/// Whether `reader`'s feeds leave `author` out: the reader mutes or blocks it.
	pub fn excludes(&self, reader: &Account, author: &Account) -> Result<bool> {
		let key = [&reader[..], &author[..]].concat();
		Ok(self.db.get_pinned_cf(self.cf(EXCLUDES), key)?.is_some())
	}

	/// Whether its community's moderators hid `post`.
	pub fn is_hidden(&self, post: u64) -> Result<bool> {
		Ok(self.db.get_pinned_cf(self.cf(HIDDEN), post.to_be_bytes())?.is_some())
	}
}

impl BlockWriter<'_> {
	/// A community as the block left it so far.
	fn community(&mut self, id: u32) -> Result<Option<&mut CommunityRecord>> {
		if !self.communities.contains_key(&id) {
			let Some(record) = self.index.community(id)? else { return Ok(None) };
			let key = (!record.closed).then(|| by_members_key(id, record.members));
			self.communities.insert(id, (record, key));
		}
		Ok(self.communities.get_mut(&id).map(|(record, _)| record))
	}

	/// Creates or updates a community's record from `info`.
	pub(super) fn set_community(
		&mut self,
		id: u32,
		info: &CommunityInfo,
		block: &FinalizedBlock,
	) -> Result<()> {
		let cid = |cid: &Option<cid::Cid>| cid.map(|cid| cid.to_bytes());
		if self.community(id)?.is_none() {
			let record = CommunityRecord {
				owner: info.owner,
				handle: info.handle.clone(),
				name: String::new(),
				description: None,
				rules: None,
				open: info.open,
				members_only: info.members_only,
				moderators: Vec::new(),
				pins: Vec::new(),
				members: 0,
				posts: 0,
				created_block: block.number,
				closed: false,
				log_len: 0,
				reports_len: 0,
			};
			self.put(COMMUNITY_HANDLES, info.handle.as_bytes(), &id.encode());
			self.communities.insert(id, (record, None));
		}
		let record = self.community(id)?.expect("inserted above");
		record.owner = info.owner;
		record.name = info.name.clone();
		record.description = cid(&info.description);
		record.rules = cid(&info.rules);
		record.open = info.open;
		record.members_only = info.members_only;
		record.moderators = info.moderators.clone();
		record.pins = info.pins.clone();
		record.members = info.members;
		Ok(())
	}

	/// Marks a community closed: its handle is free, and it leaves the list of communities.
	pub(super) fn close_community(&mut self, id: u32) -> Result<()> {
		let Some(record) = self.community(id)? else { return Ok(()) };
		record.closed = true;
		let handle = record.handle.clone();
		// A community created later in the block may have taken the handle already.
		if self.index.community_of_handle(&handle)? == Some(id) {
			self.delete(COMMUNITY_HANDLES, handle.as_bytes());
		}
		Ok(())
	}

	/// Records that `who` is (`joined`) or no longer is a member of `community`.
	pub(super) fn membership(&mut self, community: u32, who: &Account, joined: bool) {
		let key = [&who[..], &community.to_be_bytes()].concat();
		if joined {
			self.put(MEMBERSHIPS, &key, &[]);
		} else {
			self.delete(MEMBERSHIPS, &key);
		}
	}

	/// A new post: an original post in a community enters its feed.
	pub(super) fn community_post_created(&mut self, id: u64, community: u32) -> Result<()> {
		if let Some(record) = self.community(community)? {
			record.posts += 1;
		}
		self.put(COMMUNITY_POSTS, &[&community.to_be_bytes()[..], &id.to_be_bytes()].concat(), &[]);
		Ok(())
	}

	/// An original post in `community` left its feed (deleted or hidden).
	pub(super) fn community_post_removed(&mut self, id: u64, community: u32) -> Result<()> {
		if let Some(record) = self.community(community)? {
			record.posts = record.posts.saturating_sub(1);
		}
		self.delete(COMMUNITY_POSTS, &[&community.to_be_bytes()[..], &id.to_be_bytes()].concat());
		Ok(())
	}

	/// Hides (`hidden`) or shows again post `id` of `community`.
	fn set_hidden(&mut self, id: u64, community: u32, hidden: bool) -> Result<()> {
		let Some(post) = self.post(id)? else { return Ok(()) };
		if post.hidden == hidden {
			return Ok(());
		}
		post.hidden = hidden;
		let in_feed = !post.deleted && post.kind == PostKind::Original;
		if hidden {
			self.put(HIDDEN, &id.to_be_bytes(), &[]);
		} else {
			self.delete(HIDDEN, &id.to_be_bytes());
		}
		match (in_feed, hidden) {
			(true, true) => self.community_post_removed(id, community),
			(true, false) => self.community_post_created(id, community),
			_ => Ok(()),
		}
	}

	/// Applies a moderator's action and appends it to the community's log.
	pub(super) fn moderated(
		&mut self,
		community: u32,
		action: &ModerationAction,
		by: &Account,
		reason: &str,
		block: &FinalizedBlock,
	) -> Result<()> {
		let (name, post, account, until) = match *action {
			ModerationAction::HidePost(id) => {
				self.set_hidden(id, community, true)?;
				("hidePost", Some(id), None, None)
			},
			ModerationAction::UnhidePost(id) => {
				self.set_hidden(id, community, false)?;
				("unhidePost", Some(id), None, None)
			},
			ModerationAction::PinPost(id) => ("pinPost", Some(id), None, None),
			ModerationAction::UnpinPost(id) => ("unpinPost", Some(id), None, None),
			ModerationAction::Mute(who, until) => ("mute", None, Some(who), Some(until)),
			ModerationAction::Unmute(who) => ("unmute", None, Some(who), None),
			ModerationAction::Ban(who) => {
				self.membership(community, &who, false);
				("ban", None, Some(who), None)
			},
			ModerationAction::Unban(who) => ("unban", None, Some(who), None),
			ModerationAction::Approve(who) => ("approve", None, Some(who), None),
			ModerationAction::Reject(who) => ("reject", None, Some(who), None),
		};
		let Some(record) = self.community(community)? else { return Ok(()) };
		let number = record.log_len;
		record.log_len += 1;
		let entry = LogEntry {
			action: name.into(),
			post,
			account,
			until,
			by: *by,
			reason: reason.into(),
			block: block.number,
			at_ms: block.timestamp_ms,
		};
		let key = [&community.to_be_bytes()[..], &number.to_be_bytes()].concat();
		self.put(MODERATION_LOG, &key, &entry.encode());
		Ok(())
	}

	/// Puts `target` on `who`'s `list`, or takes it off.
	pub(super) fn listed(
		&mut self,
		who: &Account,
		list: PersonalList,
		target: &Account,
		listed: bool,
	) -> Result<()> {
		let key = [&who[..], &target[..]].concat();
		let flags = match self.excludes.get(&key) {
			Some(flags) => *flags,
			None => self.index.get::<u8>(EXCLUDES, &key)?.unwrap_or(0),
		};
		let flag = match list {
			PersonalList::Mutes => MUTES,
			PersonalList::Blocks => BLOCKS,
		};
		let flags = if listed { flags | flag } else { flags & !flag };
		self.excludes.insert(key, flags);
		Ok(())
	}

	/// Keeps a report of post `post_id` under its community (or under [`NO_COMMUNITY`]).
	pub(super) fn reported(
		&mut self,
		post_id: u64,
		reporter: &Account,
		(reason, note): (&str, Option<&cid::Cid>),
		community: Option<u32>,
		block: &FinalizedBlock,
	) -> Result<()> {
		let scope = community.unwrap_or(NO_COMMUNITY);
		let number = match community {
			Some(id) => match self.community(id)? {
				Some(record) => {
					record.reports_len += 1;
					record.reports_len - 1
				},
				None => return Ok(()),
			},
			None => {
				let number = match self.unscoped_reports {
					Some(number) => number,
					None => self.index.get::<u64>(META, UNSCOPED_REPORTS_KEY)?.unwrap_or(0),
				};
				self.unscoped_reports = Some(number + 1);
				number
			},
		};
		let report = ReportRecord {
			post: post_id,
			reporter: *reporter,
			reason: reason.into(),
			note: note.map(|cid| cid.to_bytes()),
			block: block.number,
			at_ms: block.timestamp_ms,
		};
		let key = [&scope.to_be_bytes()[..], &number.to_be_bytes()].concat();
		self.put(REPORTS, &key, &report.encode());
		Ok(())
	}

	/// Writes the communities, lists and counters the block changed.
	pub(super) fn finish_communities(&mut self) -> Result<()> {
		let communities = std::mem::take(&mut self.communities);
		for (id, (record, old_key)) in communities {
			let new_key = (!record.closed).then(|| by_members_key(id, record.members));
			if old_key != new_key {
				if let Some(old) = old_key {
					self.delete(BY_MEMBERS, &old);
				}
				if let Some(new) = new_key {
					self.put(BY_MEMBERS, &new, &[]);
				}
			}
			self.put(COMMUNITIES, &id.to_be_bytes(), &record.encode());
		}
		let excludes = std::mem::take(&mut self.excludes);
		for (key, flags) in excludes {
			match flags {
				0 => self.delete(EXCLUDES, &key),
				flags => self.put(EXCLUDES, &key, &flags.encode()),
			}
		}
		if let Some(number) = self.unscoped_reports.take() {
			self.put(META, UNSCOPED_REPORTS_KEY, &number.encode());
		}
		Ok(())
	}
}
