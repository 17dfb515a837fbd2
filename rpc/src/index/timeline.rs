//! Home feeds whose cost does not grow with the number of accounts a reader follows.
//!
//! The fan-out trade Twitter documented: a post by an ordinary author is written, when its block
//! is indexed, into the timeline of each of its followers ("push"); the posts of the few authors
//! with very many followers are not copied but merged in when a reader asks ("pull").
//!
//! - An author becomes *pulled* when its followers exceed [`FanOut::push_max_followers`], and
//!   stays pulled (so its posts never move between the two paths). Pushing a post therefore costs
//!   at most that many writes.
//! - A reader merges at most [`FanOut::max_pulled`] pulled authors. Follows of pulled authors
//!   beyond that are pushed like ordinary ones (the author keeps a list of those readers), so a
//!   page reads one timeline and at most `max_pulled` author lists, whatever the reader follows.
//! - A new follow copies the author's newest [`FanOut::backfill`] posts into the reader's
//!   timeline (older ones are on the author's own list, `social_postsByAuthor`); pulled follows
//!   need no copy.
//! - A reader's timeline keeps its newest [`FanOut::max_timeline`] entries: past a quarter more,
//!   the oldest are removed, and the feed ends at the newest post removed (its *horizon*), pulled
//!   authors included, so a page never shows a pulled post where pushed ones went missing. Older
//!   posts are on each author's list. A reader's index storage is bounded whatever it follows.
//! - Unfollows and deletes leave timeline entries behind; a page skips them (each entry names its
//!   author, checked against the follow graph and the author's live posts), and the posts of
//!   authors the reader mutes or blocks and posts their community hid, and gives up after
//!   [`MAX_SKIPPED`] of them with a cursor to continue from, so a reader who follows and
//!   unfollows to litter their own timeline pays for it with shorter pages, not the node.

use std::collections::{hash_map::Entry, BinaryHeap, HashMap, HashSet};

use codec::{Decode, Encode};
use rocksdb::{Direction as Dir, IteratorMode};

use super::{suffix_id, BlockWriter, Result, SocialIndex, BY_AUTHOR, FOLLOWERS, FOLLOWING};
use crate::events::Account;

/// Reader ++ post id → the post's author: posts pushed to each reader.
pub(super) const TIMELINE: &str = "timeline";
/// Author → (): authors whose posts readers pull instead of receiving them.
pub(super) const PULLED: &str = "pulled";
/// Reader ++ author → (): the pulled authors each reader merges at read time.
pub(super) const PULLS: &str = "pulls";
/// Reader → u32: how many entries the reader has in [`PULLS`].
pub(super) const PULL_COUNTS: &str = "pull_counts";
/// Pulled author ++ reader → (): readers a pulled author's posts are pushed to anyway (their
/// [`PULLS`] were full).
pub(super) const PUSHES: &str = "pushes";
/// Reader → [`TimelineSize`].
pub(super) const TIMELINE_SIZES: &str = "timeline_sizes";

/// How many entries a reader's timeline holds, and how far back its feed reaches.
#[derive(Clone, Copy, Debug, Default, Encode, Decode, PartialEq, Eq)]
pub(super) struct TimelineSize {
	/// Entries in [`TIMELINE`].
	pub(super) entries: u32,
	/// The newest post removed from the timeline: the feed lists only newer ones.
	pub(super) horizon: Option<u64>,
}

/// A reader's timeline as a block changes it.
#[derive(Default)]
pub(super) struct TimelineChange {
	size: TimelineSize,
	/// Posts the block added to it.
	added: HashSet<u64>,
}

/// Timeline entries a page may skip (unfollowed authors, deleted posts) before it stops and
/// answers what it found with a cursor to continue.
pub const MAX_SKIPPED: usize = 1_000;

/// How the index splits home feeds between index-time and read-time work.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FanOut {
	/// An author with more followers than this is pulled: its posts are not copied.
	pub push_max_followers: u32,
	/// The most pulled authors one reader's page merges.
	pub max_pulled: u32,
	/// How many of an author's newest posts a new follow copies into the reader's timeline.
	pub backfill: u32,
	/// How many entries a reader's timeline keeps (it may hold a quarter more before the oldest
	/// are removed).
	pub max_timeline: u32,
}

impl Default for FanOut {
	fn default() -> Self {
		Self { push_max_followers: 1_000, max_pulled: 100, backfill: 100, max_timeline: 1_000 }
	}
}

/// One page of a home feed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FeedPage {
	/// Live posts of followed accounts, newest first.
	pub ids: Vec<u64>,
	/// Where the next page starts (the next page lists posts older than this id), if the page
	/// was filled or stopped after [`MAX_SKIPPED`] stale entries.
	pub next: Option<u64>,
}

impl SocialIndex {
	pub(super) fn timeline_size(&self, reader: &Account) -> Result<TimelineSize> {
		Ok(self.get(TIMELINE_SIZES, reader)?.unwrap_or_default())
	}

	pub(super) fn is_pulled(&self, author: &Account) -> Result<bool> {
		Ok(self.db.get_cf(self.cf(PULLED), author)?.is_some())
	}

	/// The accounts after `prefix` in the two-account keys of `column` that start with it.
	fn second_accounts(&self, column: &str, prefix: &Account) -> Result<Vec<Account>> {
		let mut accounts = Vec::new();
		for entry in self.db.prefix_iterator_cf(self.cf(column), prefix) {
			let (key, _) = entry?;
			if !key.starts_with(prefix) {
				break;
			}
			accounts.push(key[32..64].try_into().expect("two-account keys"));
		}
		Ok(accounts)
	}

	/// Whether a pushed entry still belongs in `reader`'s feed: the reader follows its author
	/// and the post is live.
	fn pushed_entry_is_live(&self, reader: &Account, id: u64, author: &Account) -> Result<bool> {
		let follows = [&reader[..], &author[..]].concat();
		let live = [&author[..], &id.to_be_bytes()].concat();
		Ok(self.db.get_pinned_cf(self.cf(FOLLOWING), follows)?.is_some()
			&& self.db.get_pinned_cf(self.cf(BY_AUTHOR), live)?.is_some())
	}

	/// The live posts of the accounts `who` follows, newest first, older than `before`: the
	/// reader's timeline merged with the lists of the pulled authors it follows, without the
	/// posts of accounts it mutes or blocks and posts their communities hid.
	pub fn home_feed(&self, who: &Account, before: Option<u64>, limit: usize) -> Result<FeedPage> {
		let mut page = FeedPage { ids: Vec::with_capacity(limit.min(1024)), next: None };
		let Some(start) = before.map_or(Some(u64::MAX), |id| id.checked_sub(1)) else {
			return Ok(page);
		};
		let horizon = self.timeline_size(who)?.horizon;
		if limit == 0 || horizon.is_some_and(|horizon| start <= horizon) {
			return Ok(page);
		}
		let pulled = self.second_accounts(PULLS, who)?;
		// Stream 0 is the timeline, stream i > 0 the list of pulled author i - 1.
		let mut streams = Vec::with_capacity(pulled.len() + 1);
		let iterator = |column: &str, prefix: &Account| {
			let key = [&prefix[..], &start.to_be_bytes()].concat();
			self.db.iterator_cf(self.cf(column), IteratorMode::From(&key, Dir::Reverse))
		};
		streams.push((*who, iterator(TIMELINE, who)));
		for author in &pulled {
			streams.push((*author, iterator(BY_AUTHOR, author)));
		}
		// The head of each stream: (post id, stream, the author of a timeline entry).
		let mut heads = BinaryHeap::new();
		let mut advance = |stream: usize, heads: &mut BinaryHeap<(u64, usize, Account)>| {
			let (prefix, iterator) = &mut streams[stream];
			if let Some(entry) = iterator.next() {
				let (key, value) = entry?;
				if key.starts_with(&prefix[..]) {
					let author =
						if stream == 0 { Account::decode(&mut &value[..])? } else { *prefix };
					heads.push((suffix_id(&key), stream, author));
				}
			}
			Ok::<_, super::IndexError>(())
		};
		for stream in 0..=pulled.len() {
			advance(stream, &mut heads)?;
		}
		let mut skipped = 0;
		let mut last = None;
		while let Some((id, stream, author)) = heads.pop() {
			if horizon.is_some_and(|horizon| id <= horizon) {
				break;
			}
			advance(stream, &mut heads)?;
			if last == Some(id) {
				// Pushed before its author was pulled, and pulled now: listed once.
				continue;
			}
			last = Some(id);
			let stale = stream == 0 && !self.pushed_entry_is_live(who, id, &author)?;
			if stale || self.excludes(who, &author)? || self.is_hidden(id)? {
				skipped += 1;
				if skipped == MAX_SKIPPED {
					page.next = Some(id);
					return Ok(page);
				}
				continue;
			}
			page.ids.push(id);
			if page.ids.len() == limit {
				page.next = Some(id);
				break;
			}
		}
		Ok(page)
	}
}

/// What a block changed in the follow graph and the posts, for the fan-out at its end.
#[derive(Default)]
pub(super) struct FeedChanges {
	/// Follow edges the block touched: (follower, followee) → (followed before, follows after).
	edges: HashMap<(Account, Account), (bool, bool)>,
	/// Posts the block created, with their authors.
	created: Vec<(u64, Account)>,
}

impl BlockWriter<'_> {
	/// Records that `follower` follows `followee` (or no longer does) after this event.
	pub(super) fn edge(
		&mut self,
		follower: &Account,
		followee: &Account,
		follows: bool,
	) -> Result<()> {
		let key = (*follower, *followee);
		if let Some((_, after)) = self.feed.edges.get_mut(&key) {
			*after = follows;
			return Ok(());
		}
		let before = self.index.follows(follower, followee)?;
		self.feed.edges.insert(key, (before, follows));
		Ok(())
	}

	/// Records a post the block created.
	pub(super) fn created_post(&mut self, id: u64, author: Account) {
		self.feed.created.push((id, author));
	}

	/// Writes the block's timeline entries, pulls and pushes, from the block's final follow
	/// graph and follower counts.
	pub(super) fn fan_out(&mut self) -> Result<()> {
		let fan_out = self.index.fan_out;
		let changes = std::mem::take(&mut self.feed);
		let mut pulled: HashMap<Account, bool> = HashMap::new();
		let mut pull_counts: HashMap<Account, u32> = HashMap::new();
		let mut new_pushes: HashMap<Account, Vec<Account>> = HashMap::new();
		let mut new_followers: HashMap<Account, Vec<Account>> = HashMap::new();

		// Authors whose followers crossed the threshold become pulled, for every follower they
		// had before the block (those the block added or removed are handled with the edges).
		let crossed: Vec<Account> = self
			.counts
			.iter()
			.filter(|(_, counts)| counts.followers > fan_out.push_max_followers)
			.map(|(who, _)| *who)
			.collect();
		for author in crossed {
			if self.index.is_pulled(&author)? {
				pulled.insert(author, true);
				continue;
			}
			pulled.insert(author, true);
			self.put(PULLED, &author, &[]);
			for reader in self.index.second_accounts(FOLLOWERS, &author)? {
				// Edges the block changed are assigned below with the others it changed.
				let changed = changes.edges.get(&(reader, author)).is_some_and(|(b, a)| b != a);
				if !changed {
					self.assign_pulled(reader, author, &mut pull_counts, &mut new_pushes, false)?;
				}
			}
		}

		let mut edges: Vec<_> = changes.edges.into_iter().collect();
		edges.sort();
		for ((reader, author), (before, after)) in &edges {
			if before == after {
				continue;
			}
			let is_pulled = match pulled.get(author) {
				Some(pulled) => *pulled,
				None => *pulled.entry(*author).or_insert(self.index.is_pulled(author)?),
			};
			if *after {
				new_followers.entry(*author).or_default().push(*reader);
				if is_pulled {
					self.assign_pulled(*reader, *author, &mut pull_counts, &mut new_pushes, true)?;
				} else {
					self.backfill(reader, author)?;
				}
			} else {
				let pull = [&reader[..], &author[..]].concat();
				if self.index.db.get_pinned_cf(self.index.cf(PULLS), &pull)?.is_some() {
					self.delete(PULLS, &pull);
					let count = self.pull_count(reader, &mut pull_counts)?;
					pull_counts.insert(*reader, count.saturating_sub(1));
				}
				self.delete(PUSHES, &[&author[..], &reader[..]].concat());
			}
		}
		for (reader, count) in pull_counts {
			self.put(PULL_COUNTS, &reader, &count.encode());
		}

		let unfollowed: HashSet<(Account, Account)> =
			edges.iter().filter(|(_, (_, after))| !after).map(|(edge, _)| *edge).collect();
		let mut readers_of: HashMap<Account, Vec<Account>> = HashMap::new();
		for (id, author) in changes.created {
			let readers = match readers_of.entry(author) {
				Entry::Occupied(readers) => readers.into_mut(),
				Entry::Vacant(slot) => {
					let is_pulled = match pulled.get(&author) {
						Some(pulled) => *pulled,
						None => self.index.is_pulled(&author)?,
					};
					let (column, added) = match is_pulled {
						true => (PUSHES, &new_pushes),
						false => (FOLLOWERS, &new_followers),
					};
					let mut readers = self.index.second_accounts(column, &author)?;
					readers.extend(added.get(&author).into_iter().flatten());
					readers.retain(|reader| !unfollowed.contains(&(*reader, author)));
					readers.sort();
					readers.dedup();
					slot.insert(readers)
				},
			};
			for reader in readers.iter() {
				self.push_entry(reader, id, &author)?;
			}
		}
		self.trim_timelines()
	}

	/// Adds post `id` by `author` to `reader`'s timeline, unless it holds it or it is older than
	/// the reader's feed reaches.
	fn push_entry(&mut self, reader: &Account, id: u64, author: &Account) -> Result<()> {
		let key = [&reader[..], &id.to_be_bytes()].concat();
		let change = match self.timelines.entry(*reader) {
			Entry::Occupied(change) => change.into_mut(),
			Entry::Vacant(slot) => slot.insert(TimelineChange {
				size: self.index.timeline_size(reader)?,
				added: HashSet::new(),
			}),
		};
		if change.size.horizon.is_some_and(|horizon| id <= horizon) || !change.added.insert(id) {
			return Ok(());
		}
		if self.index.db.get_pinned_cf(self.index.cf(TIMELINE), &key)?.is_some() {
			return Ok(());
		}
		change.size.entries += 1;
		self.put(TIMELINE, &key, author);
		Ok(())
	}

	/// Removes the oldest entries of the timelines the block grew past a quarter over
	/// [`FanOut::max_timeline`], down to it, moving their horizon; records their sizes.
	fn trim_timelines(&mut self) -> Result<()> {
		let max = self.index.fan_out.max_timeline;
		let mut timelines: Vec<_> = std::mem::take(&mut self.timelines).into_iter().collect();
		timelines.sort_by_key(|(reader, _)| *reader);
		for (reader, TimelineChange { mut size, .. }) in timelines {
			if size.entries > max.saturating_add(max / 4) {
				// The oldest of those written before this block (its own are not readable yet;
				// any older than the new horizon go at a later trim).
				let excess = size.entries - max;
				let mut removed = Vec::with_capacity(excess as usize);
				for entry in self.index.db.prefix_iterator_cf(self.index.cf(TIMELINE), reader) {
					let (key, _) = entry?;
					if !key.starts_with(&reader) || removed.len() == excess as usize {
						break;
					}
					removed.push(key);
				}
				for key in &removed {
					self.delete(TIMELINE, key);
					size.horizon = size.horizon.max(Some(suffix_id(key)));
				}
				size.entries -= removed.len() as u32;
			}
			self.put(TIMELINE_SIZES, &reader, &size.encode());
		}
		Ok(())
	}

	fn pull_count(&self, reader: &Account, counts: &mut HashMap<Account, u32>) -> Result<u32> {
		if let Some(count) = counts.get(reader) {
			return Ok(*count);
		}
		let count = self.index.get(PULL_COUNTS, reader)?.unwrap_or(0);
		counts.insert(*reader, count);
		Ok(count)
	}

	/// Lets `reader` pull `author`'s posts, or pushes them to it when its pulls are full
	/// (copying the author's newest posts if the follow is `new`).
	fn assign_pulled(
		&mut self,
		reader: Account,
		author: Account,
		counts: &mut HashMap<Account, u32>,
		pushes: &mut HashMap<Account, Vec<Account>>,
		new: bool,
	) -> Result<()> {
		let count = self.pull_count(&reader, counts)?;
		if count < self.index.fan_out.max_pulled {
			self.put(PULLS, &[&reader[..], &author[..]].concat(), &[]);
			counts.insert(reader, count + 1);
		} else {
			self.put(PUSHES, &[&author[..], &reader[..]].concat(), &[]);
			pushes.entry(author).or_default().push(reader);
			if new {
				self.backfill(&reader, &author)?;
			}
		}
		Ok(())
	}

	/// Copies `author`'s newest live posts (as of the block's start) into `reader`'s timeline.
	fn backfill(&mut self, reader: &Account, author: &Account) -> Result<()> {
		let newest =
			self.index.posts_by_author(author, None, self.index.fan_out.backfill as usize)?;
		for id in newest {
			self.push_entry(reader, id, author)?;
		}
		Ok(())
	}
}
