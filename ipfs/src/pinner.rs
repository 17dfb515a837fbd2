//! Pins every body that finalized blocks reference: post bodies (created or edited) and profile
//! documents. The node's follower of finality gives it each finalized block's reference changes
//! through a [`PinFeed`]; it keeps a reference count per CID, pins new CIDs through the content
//! store (which fetches what is missing), retries failures with exponential back-off, and unpins
//! a CID when no live post or profile refers to it any more (deleted posts, replaced edits,
//! changed or cleared profiles), retrying unpins that fail.
//!
//! A body is pinned only up to the size declared on chain (the largest any reference declares):
//! a post that declares 100 bytes and names megabytes is recorded as failed with the reason
//! "size mismatch" and not retried, so a deposit for a small body cannot make every node keep a
//! large one.
//!
//! Its records live in the IPFS database: the last block applied (number and hash), each
//! reference, and each CID's record. The feed writes a block's changes and its number in one
//! transaction (on the follower's blocking thread), then tells the pinner's task which CIDs
//! changed; the task compares each with its record and queues a pin or an unpin. The follower
//! starts the records over when their last block is not on the node's chain any more (after
//! `purge-chain`, or another chain); when it begins, the task releases every pin of the chain
//! that no record refers to, so neither a start over nor a stop between a release and its unpin
//! leaves a pin behind.

use std::{
	collections::{hash_map::Entry, HashMap},
	sync::{Arc, Mutex},
	time::Duration,
};

use cid::Cid;
use codec::{Decode, Encode};
use kvdb::DBTransaction;
use kvdb_rocksdb::Database;

use crate::{
	db,
	metrics::Metrics,
	store::{ContentStore, PinOwner, Provenance, StoreError},
};

mod schedule;

use schedule::Schedule;

/// After this many failed attempts a CID counts as failed rather than missing (it is still
/// retried, at the longest back-off).
const ATTEMPTS_BEFORE_FAILED: u32 = 5;
/// The longest wait between two attempts.
const MAX_BACKOFF: Duration = Duration::from_secs(600);
/// Pins (and, apart, unpins) attempted at once.
const CONCURRENT_PINS: usize = 4;
/// Of those, how many may be retries of earlier failures (the others are kept for fresh CIDs).
const CONCURRENT_RETRIES: usize = 2;
/// CIDs each queue holds in memory; the rest wait in the database until there is room.
const QUEUE_CAPACITY: usize = 65_536;
/// The key of the last processed block number in [`db::META`].
const LAST_BLOCK_KEY: &[u8] = b"pinner_last_block";
/// The key of the layout version of the pinner's records in [`db::META`].
const SCHEMA_KEY: &[u8] = b"pinner_schema";
/// The layout of the pinner's records: 2 records each CID's size limit, 3 lists unpinned CIDs
/// in [`db::UNPINNED`], 4 records the last block's hash, 5 where a pin's blocks came from.
const SCHEMA: u32 = 5;
/// Messages from the follower waiting for the pinner's task.
const FEED_CAPACITY: usize = 64;

/// What on chain refers to a body.
#[derive(Encode, Decode, Clone, PartialEq, Eq, Hash, Debug)]
pub enum Reference {
	/// A post's current body.
	Post(u64),
	/// A profile's metadata document, by its owner's account id.
	Profile([u8; 32]),
}

/// A body a reference names: its CID and the most content bytes it may hold (the size declared
/// on chain).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Body {
	/// The body's CID.
	pub cid: Cid,
	/// The most content bytes to pin under it.
	pub max_size: u64,
}

/// Where a referenced CID stands.
#[derive(Encode, Decode, Clone, Copy, PartialEq, Eq, Debug, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub enum PinState {
	/// Pinned: every block is kept.
	Pinned,
	/// Not pinned yet; being fetched or waiting for the next attempt.
	Missing,
	/// Not pinned after several attempts; still retried, rarely.
	Failed,
}

/// The pinner's record of one referenced CID.
#[derive(Encode, Decode, Clone, Debug)]
struct PinRecord {
	references: u32,
	state: PinState,
	attempts: u32,
	last_error: Vec<u8>,
	/// The most content bytes to pin: the largest size any reference declared.
	limit: u64,
	/// Where the blocks of the last successful pin came from.
	provenance: Option<Provenance>,
}

/// One CID's status, as the RPC reports it.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PinStatus {
	/// The CID.
	pub cid: String,
	/// Pinned, missing or failed.
	pub state: PinState,
	/// How many live posts and profiles refer to it.
	pub references: u32,
	/// Pin attempts so far.
	pub attempts: u32,
	/// Why the last attempt failed.
	pub last_error: Option<String>,
	/// Where the blocks came from when it was pinned: how many this node already held, how
	/// many IPFS peers sent over bitswap and how many the `--ipfs-source`s sent (`null` until
	/// pinned, or with an external daemon, which does not say).
	pub origin: Option<Provenance>,
}

/// How many referenced CIDs are in each state.
#[derive(Clone, Copy, Default, Debug, serde::Serialize)]
pub struct PinCounts {
	/// Pinned.
	pub pinned: u64,
	/// Missing.
	pub missing: u64,
	/// Failed.
	pub failed: u64,
}

impl PinCounts {
	fn change(&mut self, state: PinState, up: bool) {
		let count = match state {
			PinState::Pinned => &mut self.pinned,
			PinState::Missing => &mut self.missing,
			PinState::Failed => &mut self.failed,
		};
		*count = if up { *count + 1 } else { count.saturating_sub(1) };
	}
}

/// The pinner's records, shared with the RPC and the metrics.
pub struct PinBook {
	db: Arc<Database>,
	counts: Mutex<PinCounts>,
	metrics: Option<Metrics>,
	/// Why the follower stopped at a block, while it is stopped there.
	stopped: Mutex<Option<String>>,
	/// Held while a record is read and written again: the follower writes blocks' changes while
	/// the pinner's task writes the outcomes of pins.
	writing: Mutex<()>,
}

impl PinBook {
	/// Opens the book kept in `db`, counting its records. Records in another layout are cleared,
	/// so that the pinner rebuilds them from the chain.
	pub fn open(db: Arc<Database>, metrics: Option<Metrics>) -> std::io::Result<Self> {
		let schema = db.get(db::META, SCHEMA_KEY)?.and_then(|v| u32::decode(&mut &v[..]).ok());
		if schema != Some(SCHEMA) {
			let mut transaction = DBTransaction::new();
			transaction.delete_prefix(db::REFERENCES, &[]);
			transaction.delete_prefix(db::PIN_RECORDS, &[]);
			transaction.delete_prefix(db::UNPINNED, &[]);
			transaction.delete(db::META, LAST_BLOCK_KEY);
			transaction.put(db::META, SCHEMA_KEY, &SCHEMA.encode());
			db.write(transaction)?;
		}
		let mut counts = PinCounts::default();
		for entry in db.iter(db::PIN_RECORDS) {
			let (_, value) = entry?;
			if let Ok(record) = PinRecord::decode(&mut &value[..]) {
				counts.change(record.state, true);
			}
		}
		let book = Self {
			db,
			counts: Mutex::new(counts),
			metrics,
			stopped: Mutex::new(None),
			writing: Mutex::new(()),
		};
		book.publish();
		Ok(book)
	}

	/// Counts of pinned, missing and failed CIDs.
	pub fn counts(&self) -> PinCounts {
		*self.counts.lock().unwrap_or_else(|p| p.into_inner())
	}

	/// The status of `cid`, or `None` when nothing on chain refers to it.
	pub fn status(&self, cid: &Cid) -> std::io::Result<Option<PinStatus>> {
		Ok(self.record(cid)?.map(|record| status(cid, &record)))
	}

	/// CIDs that are not pinned (missing or failed) after `after`, in binary-CID order, at most
	/// `limit` of them; and the last one listed when there may be more.
	pub fn unpinned(
		&self,
		after: Option<&Cid>,
		limit: usize,
	) -> std::io::Result<(Vec<PinStatus>, Option<Cid>)> {
		let after = after.map(Cid::to_bytes);
		let mut found = Vec::new();
		for entry in self.db.iter(db::UNPINNED) {
			let (key, _) = entry?;
			if after.as_ref().is_some_and(|after| key[..] <= after[..]) {
				continue;
			}
			let Ok(cid) = Cid::try_from(&key[..]) else { continue };
			if let Some(record) = self.record(&cid)? {
				found.push(status(&cid, &record));
				if found.len() == limit {
					return Ok((found, Some(cid)));
				}
			}
		}
		Ok((found, None))
	}

	/// Writes `cid`'s record (`None`: none any more) into `transaction`, listing it as unpinned
	/// unless it is pinned.
	fn write_record(transaction: &mut DBTransaction, cid: &Cid, record: Option<&PinRecord>) {
		let key = cid.to_bytes();
		match record {
			Some(record) => transaction.put(db::PIN_RECORDS, &key, &record.encode()),
			None => transaction.delete(db::PIN_RECORDS, &key),
		}
		match record {
			Some(record) if record.state != PinState::Pinned => {
				transaction.put(db::UNPINNED, &key, &[])
			},
			_ => transaction.delete(db::UNPINNED, &key),
		}
	}

	fn record(&self, cid: &Cid) -> std::io::Result<Option<PinRecord>> {
		Ok(self
			.db
			.get(db::PIN_RECORDS, &cid.to_bytes())?
			.and_then(|value| PinRecord::decode(&mut &value[..]).ok()))
	}

	/// The number and hash of the last block processed.
	pub fn last_block(&self) -> std::io::Result<Option<(u32, [u8; 32])>> {
		Ok(self
			.db
			.get(db::META, LAST_BLOCK_KEY)?
			.and_then(|value| <(u32, [u8; 32])>::decode(&mut &value[..]).ok()))
	}

	/// Why the follower of finality is stopped at a block, if it is.
	pub fn stopped(&self) -> Option<String> {
		self.stopped.lock().unwrap_or_else(|p| p.into_inner()).clone()
	}

	fn set_stopped(&self, why: Option<String>) {
		*self.stopped.lock().unwrap_or_else(|p| p.into_inner()) = why;
	}

	/// Forgets every reference and record and the last block, to start over from genesis.
	fn clear(&self) -> std::io::Result<()> {
		let _writing = self.writing.lock().unwrap_or_else(|p| p.into_inner());
		let mut transaction = DBTransaction::new();
		transaction.delete_prefix(db::REFERENCES, &[]);
		transaction.delete_prefix(db::PIN_RECORDS, &[]);
		transaction.delete_prefix(db::UNPINNED, &[]);
		transaction.delete(db::META, LAST_BLOCK_KEY);
		self.db.write(transaction)?;
		*self.counts.lock().unwrap_or_else(|p| p.into_inner()) = PinCounts::default();
		self.publish();
		Ok(())
	}

	/// Writes block `number`'s reference changes and its number and hash in one transaction;
	/// the CIDs whose record changed.
	fn apply_block(
		&self,
		number: u32,
		hash: [u8; 32],
		changes: Vec<(Reference, Option<Body>)>,
	) -> std::io::Result<Vec<Cid>> {
		let _writing = self.writing.lock().unwrap_or_else(|p| p.into_inner());
		// The block's view: references and records as changed so far in this block.
		let mut references: HashMap<Reference, Option<Cid>> = HashMap::new();
		let mut records: HashMap<Cid, Option<PinRecord>> = HashMap::new();
		let mut before: HashMap<Cid, Option<PinState>> = HashMap::new();
		for (reference, new) in changes {
			let old = match references.get(&reference) {
				Some(cid) => *cid,
				None => self
					.db
					.get(db::REFERENCES, &reference.encode())?
					.and_then(|bytes| Cid::try_from(&bytes[..]).ok()),
			};
			let new_cid = new.map(|body| body.cid);
			if old == new_cid {
				continue;
			}
			let released = old.map(|cid| (cid, None));
			let referenced = new.map(|body| (body.cid, Some(body.max_size)));
			for (cid, up) in released.into_iter().chain(referenced) {
				let entry = match records.entry(cid) {
					Entry::Occupied(entry) => entry.into_mut(),
					Entry::Vacant(entry) => {
						let record = self.record(&cid)?;
						before.insert(cid, record.as_ref().map(|r| r.state));
						entry.insert(record)
					},
				};
				*entry = match (entry.take(), up) {
					(Some(mut record), Some(max_size)) => {
						record.references += 1;
						record.limit = record.limit.max(max_size);
						Some(record)
					},
					(None, Some(max_size)) => Some(PinRecord {
						references: 1,
						state: PinState::Missing,
						attempts: 0,
						last_error: Vec::new(),
						limit: max_size,
						provenance: None,
					}),
					(Some(record), None) if record.references > 1 => {
						Some(PinRecord { references: record.references - 1, ..record })
					},
					(_, None) => None,
				};
			}
			references.insert(reference, new_cid);
		}

		let mut transaction = DBTransaction::new();
		for (reference, cid) in &references {
			match cid {
				Some(cid) => transaction.put(db::REFERENCES, &reference.encode(), &cid.to_bytes()),
				None => transaction.delete(db::REFERENCES, &reference.encode()),
			}
		}
		for (cid, record) in &records {
			Self::write_record(&mut transaction, cid, record.as_ref());
		}
		transaction.put(db::META, LAST_BLOCK_KEY, &(number, hash).encode());
		self.db.write(transaction)?;
		for (cid, record) in &records {
			self.count(before[cid], record.as_ref().map(|r| r.state));
		}
		Ok(records.into_keys().collect())
	}

	/// Counts a record's change of state (`None`: no record).
	fn count(&self, before: Option<PinState>, after: Option<PinState>) {
		if before == after {
			return;
		}
		let mut counts = self.counts.lock().unwrap_or_else(|p| p.into_inner());
		if let Some(state) = before {
			counts.change(state, false);
		}
		if let Some(state) = after {
			counts.change(state, true);
		}
		drop(counts);
		self.publish();
	}

	fn publish(&self) {
		if let Some(metrics) = &self.metrics {
			let counts = self.counts();
			metrics.publish_counts(counts.pinned, counts.missing, counts.failed);
		}
	}
}

fn status(cid: &Cid, record: &PinRecord) -> PinStatus {
	PinStatus {
		cid: cid.to_string(),
		state: record.state,
		references: record.references,
		attempts: record.attempts,
		last_error: (!record.last_error.is_empty())
			.then(|| String::from_utf8_lossy(&record.last_error).into_owned()),
		origin: record.provenance,
	}
}

/// Runs `work` where it may block: on a multi-threaded runtime (the node's) the worker hands its
/// other tasks over first.
fn blocking_section<T>(work: impl FnOnce() -> T) -> T {
	match tokio::runtime::Handle::try_current().map(|handle| handle.runtime_flavor()) {
		Ok(tokio::runtime::RuntimeFlavor::MultiThread) => tokio::task::block_in_place(work),
		_ => work(),
	}
}

/// The back-off after `failures` failed attempts.
fn backoff(failures: u32) -> Duration {
	Duration::from_secs(1 << failures.min(10)).min(MAX_BACKOFF)
}

/// What a store call the pinner started was for.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Work {
	Pin,
	Unpin,
}

/// A finished store call: what it was, for which CID, and how it went.
type Done = (Work, Cid, Result<Option<Provenance>, StoreError>);

/// What the follower tells the pinner's task.
enum Input {
	/// The follower has checked the records against the chain: work may begin.
	Follow,
	/// The records of these CIDs changed.
	Changed(Vec<Cid>),
}

/// The pinner's side of the node's follower of finality: applies each finalized block's
/// reference changes to the records and tells the pinner's task. Its calls block: make them on
/// a blocking thread.
#[derive(Clone)]
pub struct PinFeed {
	book: Arc<PinBook>,
	inputs: tokio::sync::mpsc::Sender<Input>,
}

impl PinFeed {
	/// The number and hash of the last block applied.
	pub fn last_block(&self) -> std::io::Result<Option<(u32, [u8; 32])>> {
		self.book.last_block()
	}

	/// Forgets every reference and record, to start over from genesis. (The chain's pins nothing
	/// refers to then are released when the task begins.)
	pub fn start_over(&self) -> std::io::Result<()> {
		self.book.clear()
	}

	/// Applies block `number`'s changes: each reference with the body it names now (`None`: no
	/// body any more). Waits while the pinner's task has [`FEED_CAPACITY`] blocks to look at.
	pub fn apply(
		&self,
		number: u32,
		hash: [u8; 32],
		changes: Vec<(Reference, Option<Body>)>,
	) -> std::io::Result<()> {
		let changed = self.book.apply_block(number, hash, changes)?;
		if !changed.is_empty() {
			// A task that has ended (the node is stopping) finds the records on restart.
			let _ = self.inputs.blocking_send(Input::Changed(changed));
		}
		Ok(())
	}

	/// Lets the pinner's task begin: the records are on the node's chain now.
	pub fn following(&self) {
		let _ = self.inputs.blocking_send(Input::Follow);
	}

	/// Records why the follower stopped at a block (`None`: it goes on), for `ipfs_pinStatus`.
	pub fn stopped(&self, why: Option<&str>) {
		self.book.set_stopped(why.map(str::to_owned));
	}
}

/// The pinner's task, and the feed the follower of finality gives blocks through.
pub fn pinner(
	book: Arc<PinBook>,
	store: Arc<dyn ContentStore>,
) -> (PinFeed, impl std::future::Future<Output = ()>) {
	let (inputs, receiver) = tokio::sync::mpsc::channel(FEED_CAPACITY);
	(PinFeed { book: book.clone(), inputs }, run(book, store, receiver))
}

/// The pinner's task: pins and unpins what the feed's blocks change until the node stops. Starts
/// no work before the follower says [`Input::Follow`].
async fn run(
	book: Arc<PinBook>,
	store: Arc<dyn ContentStore>,
	mut inputs: tokio::sync::mpsc::Receiver<Input>,
) {
	let mut pinner = Pinner::new(book, store, QUEUE_CAPACITY);
	let mut following = false;
	let (done_tx, mut done_rx) = tokio::sync::mpsc::unbounded_channel();
	let mut tick = tokio::time::interval(Duration::from_secs(1));
	loop {
		if following {
			if let Err(e) = pinner.reload_queue() {
				log::error!(target: "ipfs", "The pinner cannot read its records: {e}");
			}
			pinner.start_due_work(&done_tx);
		}
		tokio::select! {
			input = inputs.recv() => match input {
				None => return,
				Some(Input::Follow) => match pinner.begin().await {
					Ok(()) => following = true,
					Err(e) => {
						return log::error!(target: "ipfs", "The pinner cannot read its records: {e}")
					},
				},
				Some(Input::Changed(cids)) => {
					if let Err(e) = pinner.changed(cids) {
						log::error!(target: "ipfs", "The pinner cannot read its records: {e}");
					}
				},
			},
			Some((work, cid, result)) = done_rx.recv() => match work {
				Work::Pin => pinner.finish_pin(cid, result),
				Work::Unpin => pinner.finish_unpin(cid, result.map(drop)),
			},
			_ = tick.tick() => {
				if let Some(metrics) = &pinner.book.metrics {
					metrics.publish_stored_bytes(pinner.store.stored_bytes());
				}
			},
		}
	}
}

struct Pinner {
	book: Arc<PinBook>,
	store: Arc<dyn ContentStore>,
	/// CIDs to pin.
	queue: Schedule,
	/// CIDs nothing refers to any more, to unpin.
	unpins: Schedule,
	/// Where reloading the unpinned CIDs that did not fit in [`Self::queue`] goes on from.
	reload_cursor: Option<Cid>,
}

impl Pinner {
	fn new(book: Arc<PinBook>, store: Arc<dyn ContentStore>, capacity: usize) -> Self {
		Self {
			book,
			store,
			queue: Schedule::new(capacity),
			// Unpins are local (no network wait) and have no record to reload them from (the
			// store's pins are, when the task begins): each was a pin, so they are as many as
			// the pins the chain paid deposits for.
			unpins: Schedule::new(usize::MAX),
			reload_cursor: None,
		}
	}

	/// Queues the CIDs that are not pinned yet, as many as fit.
	fn load_queue(&mut self) -> std::io::Result<()> {
		self.queue.needs_reload();
		self.reload_queue()
	}

	/// When CIDs did not fit in the queue and it is at most half full, queues the next ones of
	/// the unpinned records (a page of half the queue, from where the last page ended). A pass
	/// over the records that began after an overflow is followed by another.
	fn reload_queue(&mut self) -> std::io::Result<()> {
		let room = self.queue.capacity() / 2;
		let passing = self.reload_cursor.is_some();
		if !(passing || self.queue.overflowed()) || self.queue.len() > room {
			return Ok(());
		}
		if !passing {
			self.queue.reloaded();
		}
		let cursor = self.reload_cursor.take();
		let (page, next) = blocking_section(|| self.book.unpinned(cursor.as_ref(), room.max(1)))?;
		for status in page {
			if let Ok(cid) = Cid::try_from(status.cid.as_str()) {
				self.queue.add(cid, status.attempts);
			}
		}
		self.reload_cursor = next;
		Ok(())
	}

	/// Begins: releases the chain's pins that no record refers to (after a start over, or a stop
	/// between a release and its unpin) and queues the CIDs that are not pinned yet.
	async fn begin(&mut self) -> std::io::Result<()> {
		match self.store.pins().await {
			Ok(pins) => blocking_section(|| {
				for cid in pins {
					if self.book.record(&cid)?.is_none() {
						self.unpins.add(cid, 0);
					}
				}
				std::io::Result::Ok(())
			})?,
			Err(e) => log::warn!(target: "ipfs", "Could not list the pins to release: {e}"),
		}
		self.load_queue()
	}

	/// Follows the records of `cids`, which a block changed: a CID with no record any more is
	/// unpinned, one not pinned yet is queued, and a pending unpin of one referenced again is
	/// dropped (unless it is running: then the CID is queued again when it finishes).
	fn changed(&mut self, cids: Vec<Cid>) -> std::io::Result<()> {
		blocking_section(|| {
			for cid in cids {
				match self.book.record(&cid)? {
					None => {
						self.queue.remove(&cid);
						self.unpins.add(cid, 0);
					},
					Some(record) => {
						if !self.unpins.is_running(&cid) {
							self.unpins.remove(&cid);
						}
						if record.state != PinState::Pinned {
							self.queue.add(cid, record.attempts);
						}
					},
				}
			}
			Ok(())
		})
	}

	/// Starts the pins and unpins that are due, at most [`CONCURRENT_PINS`] of each at once
	/// (at most [`CONCURRENT_RETRIES`] of them retries). A CID is never pinned and unpinned at
	/// the same time.
	fn start_due_work(&mut self, done: &tokio::sync::mpsc::UnboundedSender<Done>) {
		let now = tokio::time::Instant::now();
		for work in [Work::Pin, Work::Unpin] {
			let (tasks, others) = match work {
				Work::Pin => (&mut self.queue, &self.unpins),
				Work::Unpin => (&mut self.unpins, &self.queue),
			};
			let started = tasks
				.start_due(now, CONCURRENT_PINS, CONCURRENT_RETRIES, |cid| others.is_running(cid));
			for cid in started {
				let limit = match work {
					Work::Pin => match self.book.record(&cid) {
						Ok(Some(record)) => record.limit,
						_ => {
							self.queue.remove(&cid);
							continue;
						},
					},
					Work::Unpin => 0,
				};
				let (store, done) = (self.store.clone(), done.clone());
				tokio::spawn(async move {
					let result = match work {
						Work::Pin => store.pin(&cid, limit, PinOwner::Chain).await,
						Work::Unpin => store.unpin(&cid, PinOwner::Chain).await.map(|()| None),
					};
					let _ = done.send((work, cid, result));
				});
			}
		}
	}

	/// Records the outcome of an unpin attempt; a failed one is retried with back-off.
	fn finish_unpin(&mut self, cid: Cid, result: Result<(), StoreError>) {
		match result {
			Ok(()) | Err(StoreError::NotPinned(_)) => {
				self.unpins.remove(&cid);
				self.repin_if_referenced(cid);
			},
			Err(e) => {
				let failures = self.unpins.failures(&cid) + 1;
				self.unpins.failed(&cid, failures, tokio::time::Instant::now() + backoff(failures));
				log::warn!(target: "ipfs", "Could not unpin {cid} (will retry): {e}");
			},
		}
	}

	/// After `cid`'s chain pin was removed: when a reference to it came back meanwhile, queues it
	/// to be pinned again (its record no longer says pinned).
	fn repin_if_referenced(&mut self, cid: Cid) {
		let book = self.book.clone();
		let _writing = book.writing.lock().unwrap_or_else(|p| p.into_inner());
		let mut record = match book.record(&cid) {
			Ok(Some(record)) => record,
			Ok(None) => return log::debug!(target: "ipfs", "Unpinned {cid}: nothing refers to it"),
			Err(e) => return log::error!(target: "ipfs", "The pinner cannot read its records: {e}"),
		};
		if record.state == PinState::Pinned {
			record.state = PinState::Missing;
			record.provenance = None;
			let mut transaction = DBTransaction::new();
			PinBook::write_record(&mut transaction, &cid, Some(&record));
			if let Err(e) = book.db.write(transaction) {
				return log::error!(target: "ipfs", "The pinner cannot write its records: {e}");
			}
			book.count(Some(PinState::Pinned), Some(PinState::Missing));
		}
		self.queue.add(cid, record.attempts);
	}

	/// Records the outcome of a pin attempt.
	fn finish_pin(&mut self, cid: Cid, result: Result<Option<Provenance>, StoreError>) {
		let book = self.book.clone();
		let _writing = book.writing.lock().unwrap_or_else(|p| p.into_inner());
		let record = match self.book.record(&cid) {
			Ok(record) => record,
			Err(e) => return log::error!(target: "ipfs", "The pinner cannot read its records: {e}"),
		};
		let Some(mut record) = record else {
			// Released while it was being pinned.
			if result.is_ok() {
				self.unpins.add(cid, 0);
			}
			return;
		};
		let before = record.state;
		record.attempts += 1;
		match &result {
			Ok(provenance) => {
				record.state = PinState::Pinned;
				record.last_error.clear();
				record.provenance = *provenance;
				self.queue.remove(&cid);
				log::info!(target: "ipfs", "📌 Pinned {cid}");
			},
			// Larger than declared: no retry will change that.
			Err(StoreError::TooLarge { limit }) => {
				record.state = PinState::Failed;
				record.last_error = if *limit < record.limit {
					format!("the content is larger than this node's {limit}-byte limit")
				} else {
					format!("size mismatch: the content is larger than the {limit} bytes declared on chain")
				}
				.into_bytes();
				self.queue.remove(&cid);
				log::info!(target: "ipfs", "Not pinning {cid}: {}", String::from_utf8_lossy(&record.last_error));
			},
			Err(e) => {
				record.state = if record.attempts >= ATTEMPTS_BEFORE_FAILED {
					PinState::Failed
				} else {
					PinState::Missing
				};
				record.last_error = e.to_string().into_bytes();
				let due = tokio::time::Instant::now() + backoff(record.attempts);
				self.queue.failed(&cid, record.attempts, due);
				log::debug!(target: "ipfs", "Pinning {cid} failed (attempt {}): {e}", record.attempts);
			},
		}
		let mut transaction = DBTransaction::new();
		PinBook::write_record(&mut transaction, &cid, Some(&record));
		if let Err(e) = self.book.db.write(transaction) {
			return log::error!(target: "ipfs", "The pinner cannot write its records: {e}");
		}
		self.book.count(Some(before), Some(record.state));
	}
}

#[cfg(test)]
mod tests {
	use bytes::Bytes;
	use tokio::sync::mpsc;

	use super::*;
	use crate::{embedded::EmbeddedStore, store::AddOptions};

	struct Harness {
		_dir: tempfile::TempDir,
		pinner: Pinner,
		store: Arc<EmbeddedStore>,
		done: (mpsc::UnboundedSender<Done>, mpsc::UnboundedReceiver<Done>),
		block: u32,
	}

	impl Harness {
		fn new() -> Self {
			let dir = tempfile::tempdir().unwrap();
			let db = db::open(dir.path()).unwrap();
			let store = Arc::new(
				EmbeddedStore::new(db.clone(), &[], Duration::from_secs(5), 1 << 20).unwrap(),
			);
			let book = Arc::new(PinBook::open(db, None).unwrap());
			let pinner = Pinner::new(book, store.clone(), 1024);
			Self { _dir: dir, pinner, store, done: mpsc::unbounded_channel(), block: 0 }
		}

		/// Stores `body` without pinning it; its CID.
		async fn body(&self, body: &'static [u8]) -> Cid {
			let options = AddOptions { pin: false, ..Default::default() };
			self.store.add(Bytes::from_static(body), options).await.unwrap().cid
		}

		/// Applies one finalized block's changes, then runs every pin and unpin that is due.
		async fn block(&mut self, changes: Vec<(Reference, Option<Body>)>) {
			self.block_with(Some(changes)).await
		}

		/// Runs every pin and unpin that is due, until none is in flight.
		async fn settle(&mut self) {
			self.block_with(None).await
		}

		async fn block_with(&mut self, changes: Option<Vec<(Reference, Option<Body>)>>) {
			if let Some(changes) = changes {
				self.apply(changes);
			}
			loop {
				self.pinner.start_due_work(&self.done.0);
				if !self.pinner.queue.any_running() && !self.pinner.unpins.any_running() {
					return;
				}
				match self.done.1.recv().await.unwrap() {
					(Work::Pin, cid, result) => self.pinner.finish_pin(cid, result),
					(Work::Unpin, cid, result) => self.pinner.finish_unpin(cid, result.map(drop)),
				}
			}
		}

		/// Applies one finalized block's changes and tells the pinner, as the feed does.
		fn apply(&mut self, changes: Vec<(Reference, Option<Body>)>) {
			let changed =
				self.pinner.book.apply_block(self.block, [self.block as u8; 32], changes).unwrap();
			self.pinner.changed(changed).unwrap();
			self.block += 1;
		}

		fn status(&self, cid: &Cid) -> Option<PinStatus> {
			self.pinner.book.status(cid).unwrap()
		}

		async fn pinned(&self) -> Vec<Cid> {
			self.store.pins().await.unwrap()
		}
	}

	fn post(id: u64, cid: Cid, max_size: u64) -> (Reference, Option<Body>) {
		(Reference::Post(id), Some(Body { cid, max_size }))
	}

	#[tokio::test]
	async fn content_larger_than_declared_is_a_size_mismatch_and_not_retried() {
		let mut h = Harness::new();
		let cid = h.body(b"hello world\n").await;
		h.block(vec![post(1, cid, 5)]).await;
		let status = h.status(&cid).unwrap();
		assert_eq!(status.state, PinState::Failed);
		assert_eq!(status.attempts, 1);
		assert_eq!(
			status.last_error.as_deref(),
			Some("size mismatch: the content is larger than the 5 bytes declared on chain")
		);
		assert_eq!(status.origin, None, "not pinned");
		assert!(h.pinned().await.is_empty());
		assert!(h.pinner.queue.is_empty(), "no retry can make it fit");
		assert_eq!(h.pinner.book.counts().failed, 1);

		// Another post names the same body with its true size: now it is pinned, from the one
		// block this node held.
		h.block(vec![post(2, cid, 12)]).await;
		let status = h.status(&cid).unwrap();
		assert_eq!(status.state, PinState::Pinned);
		assert_eq!(status.origin, Some(Provenance { local: 1, peers: 0, sources: 0 }));
		assert_eq!(h.pinned().await, vec![cid]);
	}

	#[tokio::test]
	async fn a_body_released_and_referenced_again_in_one_block_stays_pinned() {
		let mut h = Harness::new();
		let cid = h.body(b"moved").await;
		h.block(vec![post(1, cid, 5)]).await;
		assert_eq!(h.status(&cid).unwrap().state, PinState::Pinned);

		// Post 1 is deleted and post 2 names the same body, in one block.
		h.block(vec![(Reference::Post(1), None), post(2, cid, 5)]).await;
		let status = h.status(&cid).unwrap();
		assert_eq!((status.state, status.references), (PinState::Pinned, 1));
		assert_eq!(h.pinned().await, vec![cid]);
		assert_eq!(h.pinner.book.counts().pinned, 1);

		// Deleting the last reference unpins it.
		h.block(vec![(Reference::Post(2), None)]).await;
		assert_eq!(h.status(&cid), None);
		assert!(h.pinned().await.is_empty());
		assert!(h.pinner.unpins.is_empty());
	}

	#[tokio::test]
	async fn the_chain_and_people_keep_their_pins_apart() {
		let mut h = Harness::new();
		// Someone pinned their body through the API; a post refers to it, then is deleted.
		let mine = h.store.add(Bytes::from_static(b"mine"), AddOptions::default()).await.unwrap();
		h.block(vec![post(1, mine.cid, 4)]).await;
		assert_eq!(h.status(&mine.cid).unwrap().state, PinState::Pinned);
		h.block(vec![(Reference::Post(1), None)]).await;
		assert_eq!(h.status(&mine.cid), None);
		assert_eq!(h.pinned().await, vec![mine.cid], "the person's pin stays");

		// What only the chain pinned cannot be unpinned through the API.
		let theirs = h.body(b"theirs").await;
		h.block(vec![post(2, theirs, 6)]).await;
		let refused = h.store.unpin(&theirs, PinOwner::User).await;
		assert!(matches!(refused, Err(StoreError::PinnedByChain(cid)) if cid == theirs));
		assert!(h.pinned().await.contains(&theirs));
	}

	#[tokio::test]
	async fn unpinned_cids_are_listed_in_pages_that_neither_skip_nor_repeat() {
		let mut h = Harness::new();
		let only_hash = AddOptions { only_hash: true, ..Default::default() };
		let mut absent = Vec::new();
		for (i, text) in ["a", "b", "c", "d", "e"].into_iter().enumerate() {
			let cid =
				h.store.add(Bytes::from_static(text.as_bytes()), only_hash).await.unwrap().cid;
			absent.push(post(i as u64, cid, 1));
		}
		let present = h.body(b"here").await;
		absent.push(post(9, present, 4));
		h.block(absent).await;
		assert_eq!(h.pinner.book.counts().missing, 5);

		let mut listed = Vec::new();
		let mut cursor = None;
		loop {
			let (page, next) = h.pinner.book.unpinned(cursor.as_ref(), 2).unwrap();
			assert!(page.len() <= 2);
			listed.extend(page.into_iter().map(|status| {
				assert_eq!(status.state, PinState::Missing);
				status.cid
			}));
			match next {
				Some(next) => cursor = Some(next),
				None => break,
			}
		}
		let mut sorted = listed.clone();
		sorted.sort();
		sorted.dedup();
		assert_eq!(sorted.len(), 5, "each unpinned CID once: {listed:?}");
		assert!(!listed.contains(&present.to_string()), "the pinned one is not listed");
	}

	#[tokio::test]
	async fn on_beginning_it_releases_the_chain_pins_no_record_refers_to() {
		let mut h = Harness::new();
		let (kept, deleted, yours) =
			(h.body(b"kept").await, h.body(b"deleted").await, h.body(b"yours").await);
		h.block(vec![post(1, kept, 4), post(2, deleted, 7), post(3, yours, 5)]).await;
		h.store.pin(&yours, 5, PinOwner::User).await.unwrap();
		assert_eq!(h.pinner.book.counts().pinned, 3);

		// Post 2 is deleted and the node stops before the pinner's task hears of it.
		let changed = h.pinner.book.apply_block(h.block, [9; 32], vec![(Reference::Post(2), None)]);
		assert_eq!(changed.unwrap(), vec![deleted]);
		assert_eq!(h.pinned().await.len(), 3, "not unpinned yet");
		// On restart, the task releases it when it begins.
		h.pinner = Pinner::new(h.pinner.book.clone(), h.store.clone(), 1024);
		h.pinner.begin().await.unwrap();
		h.settle().await;
		let mut pinned = h.pinned().await;
		pinned.sort();
		let mut expected = vec![kept, yours];
		expected.sort();
		assert_eq!(pinned, expected);

		// The follower found the records off the chain (a purge, or another chain) and started
		// them over: every pin of the chain goes, the one someone made through the API stays.
		PinFeed { book: h.pinner.book.clone(), inputs: mpsc::channel(1).0 }.start_over().unwrap();
		assert_eq!(h.pinner.book.last_block().unwrap(), None);
		assert_eq!(h.pinner.book.counts().pinned, 0);
		h.pinner = Pinner::new(h.pinner.book.clone(), h.store.clone(), 1024);
		h.pinner.begin().await.unwrap();
		h.settle().await;
		assert_eq!(h.pinned().await, vec![yours]);
		assert!(h.store.unpin(&yours, PinOwner::User).await.is_ok(), "it was the person's pin");
	}

	#[tokio::test]
	async fn a_body_referenced_again_while_its_unpin_runs_is_pinned_again() {
		let mut h = Harness::new();
		let cid = h.body(b"back again").await;
		h.block(vec![post(1, cid, 10)]).await;
		h.apply(vec![(Reference::Post(1), None)]);
		h.pinner.start_due_work(&h.done.0);
		assert!(h.pinner.unpins.is_running(&cid));
		// Post 2 names it while the unpin is in flight.
		h.apply(vec![post(2, cid, 10)]);
		assert!(h.pinner.unpins.is_running(&cid), "the unpin cannot be called back");
		h.settle().await;
		assert_eq!(h.pinned().await, vec![cid], "pinned again once the unpin finished");
		assert_eq!(h.status(&cid).unwrap().state, PinState::Pinned);
		assert_eq!(h.pinner.book.counts().pinned, 1);
	}

	#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
	async fn the_feed_pins_what_blocks_reference_once_the_follower_says_so() {
		let h = Harness::new();
		let cid = h.body(b"fed").await;
		let (feed, task) = pinner(h.pinner.book.clone(), h.store.clone());
		let task = tokio::spawn(task);
		let fed = feed.clone();
		tokio::task::spawn_blocking(move || fed.apply(0, [1; 32], vec![post(1, cid, 3)]))
			.await
			.unwrap()
			.unwrap();
		assert_eq!(feed.last_block().unwrap(), Some((0, [1; 32])));
		tokio::time::sleep(Duration::from_millis(200)).await;
		assert!(h.pinned().await.is_empty(), "no work before the follower says so");

		let fed = feed.clone();
		tokio::task::spawn_blocking(move || fed.following()).await.unwrap();
		let deadline = tokio::time::Instant::now() + Duration::from_secs(10);
		while h.pinned().await.is_empty() {
			assert!(tokio::time::Instant::now() < deadline, "never pinned");
			tokio::time::sleep(Duration::from_millis(20)).await;
		}
		assert_eq!(h.pinned().await, vec![cid]);
		feed.stopped(Some("block #7: an event in a layout this node does not know"));
		assert!(h.pinner.book.stopped().unwrap().starts_with("block #7"));
		task.abort();
	}

	#[tokio::test]
	async fn fresh_bodies_are_not_starved_by_hundreds_of_unavailable_ones() {
		let mut h = Harness::new();
		let only_hash = AddOptions { only_hash: true, ..Default::default() };
		let mut absent = Vec::new();
		for i in 0..300u64 {
			let body = Bytes::from(format!("absent {i}"));
			absent.push(post(i, h.store.add(body, only_hash).await.unwrap().cid, 100));
		}
		h.block(absent).await;
		assert_eq!(h.pinner.book.counts().missing, 300);
		// Every absent body is due for its second attempt when a fresh one arrives.
		tokio::time::sleep(backoff(1)).await;
		let fresh = h.body(b"fresh").await;
		h.apply(vec![post(1000, fresh, 5)]);
		h.pinner.start_due_work(&h.done.0);
		assert!(h.pinner.queue.is_running(&fresh), "the fresh body starts at once");
		h.settle().await;
		assert_eq!(h.status(&fresh).unwrap().state, PinState::Pinned);
	}

	#[tokio::test]
	async fn a_queue_that_overflows_reloads_the_rest_from_the_records() {
		let mut h = Harness::new();
		h.pinner.queue = Schedule::new(4);
		let mut bodies = Vec::new();
		for i in 0..10u64 {
			let cid = h.store.add(
				Bytes::from(format!("body {i}")),
				AddOptions { pin: false, ..Default::default() },
			);
			bodies.push(post(i, cid.await.unwrap().cid, 100));
		}
		let cids: Vec<Cid> = bodies.iter().map(|(_, body)| body.unwrap().cid).collect();
		h.block(bodies).await;
		assert!(h.pinner.queue.len() <= 4, "the queue holds at most its capacity");
		for _ in 0..10 {
			h.pinner.reload_queue().unwrap();
			h.settle().await;
		}
		let mut pinned = h.pinned().await;
		pinned.sort();
		let mut expected = cids.clone();
		expected.sort();
		assert_eq!(pinned, expected, "every body pinned in the end");
		assert!(
			!h.pinner.queue.overflowed() && h.pinner.reload_cursor.is_none(),
			"the pass is over"
		);
	}

	#[test]
	fn records_of_an_older_layout_are_cleared() {
		let dir = tempfile::tempdir().unwrap();
		let db = db::open(dir.path()).unwrap();
		let mut transaction = DBTransaction::new();
		transaction.put(db::META, LAST_BLOCK_KEY, &7u32.encode());
		transaction.put(db::PIN_RECORDS, b"an old record", &[1, 2, 3]);
		db.write(transaction).unwrap();
		let book = PinBook::open(db.clone(), None).unwrap();
		assert_eq!(book.last_block().unwrap(), None, "the pinner starts over from genesis");
		assert_eq!(db.iter(db::PIN_RECORDS).count(), 0);
		// The layout is recorded: reopening keeps what the pinner writes from now on.
		let mut transaction = DBTransaction::new();
		transaction.put(db::META, LAST_BLOCK_KEY, &(7u32, [7u8; 32]).encode());
		db.write(transaction).unwrap();
		assert_eq!(PinBook::open(db, None).unwrap().last_block().unwrap(), Some((7, [7; 32])));
	}
}
