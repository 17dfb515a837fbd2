//! Pins every body that finalized blocks reference: post bodies (created or edited) and profile
//! documents. It reads each finalized block's events, keeps a reference count per CID, pins new
//! CIDs through the content store (which fetches what is missing), retries failures with
//! exponential back-off, and unpins a CID when no live post or profile refers to it any more
//! (deleted posts, replaced edits, changed or cleared profiles).
//!
//! Its state lives in the IPFS database: the last block processed, each reference, and each CID's
//! record; a block's changes and its number are written in one transaction, so a restart
//! continues exactly where it stopped and catches up with finality.

use std::{
	collections::HashMap,
	sync::{Arc, Mutex},
	time::{Duration, Instant},
};

use cid::Cid;
use codec::{Decode, Encode};
use futures::{stream::BoxStream, StreamExt};
use kvdb::DBTransaction;
use kvdb_rocksdb::Database;

use crate::{db, metrics::Metrics, store::ContentStore};

/// After this many failed attempts a CID counts as failed rather than missing (it is still
/// retried, at the longest back-off).
const ATTEMPTS_BEFORE_FAILED: u32 = 5;
/// The longest wait between two attempts.
const MAX_BACKOFF: Duration = Duration::from_secs(600);
/// Pins attempted at once.
const CONCURRENT_PINS: usize = 4;
/// The key of the last processed block number in [`db::META`].
const LAST_BLOCK_KEY: &[u8] = b"pinner_last_block";

/// What on chain refers to a body.
#[derive(Encode, Decode, Clone, PartialEq, Eq, Hash, Debug)]
pub enum Reference {
	/// A post's current body.
	Post(u64),
	/// A profile's metadata document, by its owner's account id.
	Profile([u8; 32]),
}

/// What the pinner needs from the chain.
pub trait ChainReferences: Send + Sync + 'static {
	/// The number of the last finalized block.
	fn finalized_number(&self) -> u32;

	/// The references finalized block `number` changed, each with the CID it names now (`None`:
	/// no body any more). An error skips the block (with a warning): its state was pruned, or its
	/// events are in a layout this node does not know.
	fn references_changed(&self, number: u32) -> Result<Vec<(Reference, Option<Cid>)>, String>;

	/// Yields whenever blocks are finalized.
	fn finality_notifications(&self) -> BoxStream<'static, ()>;
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
}

/// One CID's status, as the RPC reports it.
#[derive(Clone, Debug, serde::Serialize)]
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
}

impl PinBook {
	/// Opens the book kept in `db`, counting its records.
	pub fn open(db: Arc<Database>, metrics: Option<Metrics>) -> std::io::Result<Self> {
		let mut counts = PinCounts::default();
		for entry in db.iter(db::PIN_RECORDS) {
			let (_, value) = entry?;
			if let Ok(record) = PinRecord::decode(&mut &value[..]) {
				counts.change(record.state, true);
			}
		}
		let book = Self { db, counts: Mutex::new(counts), metrics };
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

	/// Every CID that is not pinned (missing or failed), at most `limit` of them.
	pub fn unpinned(&self, limit: usize) -> std::io::Result<Vec<PinStatus>> {
		let mut found = Vec::new();
		for entry in self.db.iter(db::PIN_RECORDS) {
			let (key, value) = entry?;
			let (Ok(cid), Ok(record)) =
				(Cid::try_from(&key[..]), PinRecord::decode(&mut &value[..]))
			else {
				continue;
			};
			if record.state != PinState::Pinned {
				found.push(status(&cid, &record));
				if found.len() == limit {
					break;
				}
			}
		}
		Ok(found)
	}

	fn record(&self, cid: &Cid) -> std::io::Result<Option<PinRecord>> {
		Ok(self
			.db
			.get(db::PIN_RECORDS, &cid.to_bytes())?
			.and_then(|value| PinRecord::decode(&mut &value[..]).ok()))
	}

	fn last_block(&self) -> std::io::Result<Option<u32>> {
		Ok(self
			.db
			.get(db::META, LAST_BLOCK_KEY)?
			.and_then(|value| u32::decode(&mut &value[..]).ok()))
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
			metrics.publish_counts(&self.counts());
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
	}
}

/// A CID waiting for its next pin attempt.
struct Retry {
	due: Instant,
	in_flight: bool,
}

/// The pinner's task: follows finality until the node stops.
pub async fn run(
	chain: Arc<dyn ChainReferences>,
	book: Arc<PinBook>,
	store: Arc<dyn ContentStore>,
) {
	let mut pinner = Pinner { chain, book, store, queue: HashMap::new() };
	if let Err(e) = pinner.load_queue() {
		log::error!(target: "ipfs", "The pinner cannot read its records: {e}");
		return;
	}
	let mut finality = pinner.chain.finality_notifications();
	let (done_tx, mut done_rx) = tokio::sync::mpsc::unbounded_channel();
	let mut tick = tokio::time::interval(Duration::from_secs(1));
	loop {
		pinner.catch_up();
		pinner.start_due_pins(&done_tx);
		tokio::select! {
			notification = finality.next() => if notification.is_none() { return },
			Some((cid, result)) = done_rx.recv() => pinner.finish_pin(cid, result),
			_ = tick.tick() => {
				if let Some(metrics) = &pinner.book.metrics {
					metrics.publish_stored_bytes(pinner.store.stored_bytes());
				}
			},
		}
	}
}

struct Pinner {
	chain: Arc<dyn ChainReferences>,
	book: Arc<PinBook>,
	store: Arc<dyn ContentStore>,
	queue: HashMap<Cid, Retry>,
}

impl Pinner {
	/// Queues every CID that is not pinned yet.
	fn load_queue(&mut self) -> std::io::Result<()> {
		for status in self.book.unpinned(usize::MAX)? {
			if let Ok(cid) = Cid::try_from(status.cid.as_str()) {
				self.queue.insert(cid, Retry { due: Instant::now(), in_flight: false });
			}
		}
		Ok(())
	}

	/// Processes every finalized block after the last one processed.
	fn catch_up(&mut self) {
		let finalized = self.chain.finalized_number();
		loop {
			let next = match self.book.last_block() {
				Ok(last) => last.map_or(0, |n| n + 1),
				Err(e) => {
					return log::error!(target: "ipfs", "The pinner cannot read its state: {e}")
				},
			};
			if next > finalized {
				return;
			}
			if let Err(e) = self.process_block(next) {
				return log::error!(target: "ipfs", "The pinner stopped at block #{next}: {e}");
			}
		}
	}

	fn process_block(&mut self, number: u32) -> Result<(), String> {
		let changes = self.chain.references_changed(number).unwrap_or_else(|e| {
			log::warn!(target: "ipfs", "The pinner skips block #{number}: {e}");
			Vec::new()
		});
		self.apply(number, changes).map_err(|e| e.to_string())
	}

	/// Writes a block's reference changes and its number in one transaction, then queues new CIDs
	/// and unpins released ones.
	fn apply(
		&mut self,
		number: u32,
		changes: Vec<(Reference, Option<Cid>)>,
	) -> std::io::Result<()> {
		let db = &self.book.db;
		// The block's view: references and records as changed so far in this block.
		let mut references: HashMap<Reference, Option<Cid>> = HashMap::new();
		let mut records: HashMap<Cid, Option<PinRecord>> = HashMap::new();
		let mut before: HashMap<Cid, Option<PinState>> = HashMap::new();
		for (reference, new) in changes {
			let old = match references.get(&reference) {
				Some(cid) => *cid,
				None => db
					.get(db::REFERENCES, &reference.encode())?
					.and_then(|bytes| Cid::try_from(&bytes[..]).ok()),
			};
			if old == new {
				continue;
			}
			for (cid, up) in old.map(|c| (c, false)).into_iter().chain(new.map(|c| (c, true))) {
				if !records.contains_key(&cid) {
					let record = self.book.record(&cid)?;
					before.insert(cid, record.as_ref().map(|r| r.state));
					records.insert(cid, record);
				}
				let entry = records.get_mut(&cid).expect("inserted above");
				*entry = match (entry.take(), up) {
					(Some(mut record), true) => {
						record.references += 1;
						Some(record)
					},
					(None, true) => Some(PinRecord {
						references: 1,
						state: PinState::Missing,
						attempts: 0,
						last_error: Vec::new(),
					}),
					(Some(record), false) if record.references > 1 => {
						Some(PinRecord { references: record.references - 1, ..record })
					},
					(_, false) => None,
				};
			}
			references.insert(reference, new);
		}

		let mut transaction = DBTransaction::new();
		for (reference, cid) in &references {
			match cid {
				Some(cid) => transaction.put(db::REFERENCES, &reference.encode(), &cid.to_bytes()),
				None => transaction.delete(db::REFERENCES, &reference.encode()),
			}
		}
		for (cid, record) in &records {
			match record {
				Some(record) => transaction.put(db::PIN_RECORDS, &cid.to_bytes(), &record.encode()),
				None => transaction.delete(db::PIN_RECORDS, &cid.to_bytes()),
			}
		}
		transaction.put(db::META, LAST_BLOCK_KEY, &number.encode());
		db.write(transaction)?;

		for (cid, record) in records {
			let after = record.as_ref().map(|r| r.state);
			self.book.count(before[&cid], after);
			match (before[&cid], record) {
				(None, Some(_)) => {
					self.queue.insert(cid, Retry { due: Instant::now(), in_flight: false });
				},
				(Some(_), None) => {
					self.queue.remove(&cid);
					self.unpin(cid);
				},
				_ => {},
			}
		}
		Ok(())
	}

	fn unpin(&self, cid: Cid) {
		let store = self.store.clone();
		tokio::spawn(async move {
			match store.unpin(&cid).await {
				Ok(()) => log::debug!(target: "ipfs", "Unpinned {cid}: nothing refers to it"),
				Err(crate::store::StoreError::NotPinned(_)) => {},
				Err(e) => log::warn!(target: "ipfs", "Could not unpin {cid}: {e}"),
			}
		});
	}

	/// Starts the pins that are due, at most [`CONCURRENT_PINS`] at once.
	fn start_due_pins(
		&mut self,
		done: &tokio::sync::mpsc::UnboundedSender<(Cid, Result<(), String>)>,
	) {
		let now = Instant::now();
		let mut in_flight = self.queue.values().filter(|retry| retry.in_flight).count();
		for (cid, retry) in self.queue.iter_mut() {
			if in_flight >= CONCURRENT_PINS {
				break;
			}
			if retry.in_flight || retry.due > now {
				continue;
			}
			retry.in_flight = true;
			in_flight += 1;
			let (cid, store, done) = (*cid, self.store.clone(), done.clone());
			tokio::spawn(async move {
				let result = store.pin(&cid).await.map_err(|e| e.to_string());
				let _ = done.send((cid, result));
			});
		}
	}

	/// Records the outcome of a pin attempt.
	fn finish_pin(&mut self, cid: Cid, result: Result<(), String>) {
		let record = match self.book.record(&cid) {
			Ok(record) => record,
			Err(e) => return log::error!(target: "ipfs", "The pinner cannot read its records: {e}"),
		};
		let Some(mut record) = record else {
			// Released while it was being pinned.
			if result.is_ok() {
				self.unpin(cid);
			}
			return;
		};
		let before = record.state;
		record.attempts += 1;
		match &result {
			Ok(()) => {
				record.state = PinState::Pinned;
				record.last_error.clear();
				self.queue.remove(&cid);
				log::info!(target: "ipfs", "📌 Pinned {cid}");
			},
			Err(e) => {
				record.state = if record.attempts >= ATTEMPTS_BEFORE_FAILED {
					PinState::Failed
				} else {
					PinState::Missing
				};
				record.last_error = e.clone().into_bytes();
				let backoff = Duration::from_secs(1 << record.attempts.min(10)).min(MAX_BACKOFF);
				if let Some(retry) = self.queue.get_mut(&cid) {
					*retry = Retry { due: Instant::now() + backoff, in_flight: false };
				}
				log::debug!(target: "ipfs", "Pinning {cid} failed (attempt {}): {e}", record.attempts);
			},
		}
		let mut transaction = DBTransaction::new();
		transaction.put(db::PIN_RECORDS, &cid.to_bytes(), &record.encode());
		if let Err(e) = self.book.db.write(transaction) {
			return log::error!(target: "ipfs", "The pinner cannot write its records: {e}");
		}
		self.book.count(Some(before), Some(record.state));
	}
}
