//! Garbage collection of the embedded store.
//!
//! Every stored block has an age: [`db::BLOCK_AGES`] lists blocks oldest first (its keys are the
//! time a block was stored, in unique increasing milliseconds, then its multihash) and
//! [`db::AGE_OF`] finds a block's entry there. A collection marks every block that a pin reaches,
//! then removes
//! 1. the unreached blocks of each root unpinned since the last collection ([`db::RELEASED`]):
//!    a deleted or replaced body leaves the node at once, whatever the cache size;
//! 2. the oldest unreached blocks, until those left hold at most the cache size, sparing blocks
//!    younger than [`GRACE`] (an upload waiting for its post to be finalized).
//!
//! Removals are written in batches of [`BATCH`] blocks, each with the stored-bytes counter.

use std::{collections::HashSet, time::Duration};

use cid::Cid;
use kvdb::DBTransaction;
use kvdb_rocksdb::Database;

use super::{backend, BlockWriter, STORED_BYTES_KEY};
use crate::{dag, db, store::StoreError};

/// Blocks stored more recently are kept whatever the cache size: time for an upload to be
/// referenced by a finalized post.
pub const GRACE: Duration = Duration::from_secs(10 * 60);
/// Blocks removed per database transaction.
const BATCH: usize = 1024;
/// The key in [`db::META`] that says every block has its age recorded.
const AGES_KEY: &[u8] = b"embedded_block_ages";

/// What one garbage collection removed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Collected {
	/// Blocks removed.
	pub blocks: u64,
	/// Their bytes.
	pub bytes: u64,
}

/// Now, in milliseconds since the Unix epoch.
pub fn now_millis() -> u64 {
	std::time::SystemTime::now()
		.duration_since(std::time::UNIX_EPOCH)
		.map_or(0, |since| since.as_millis() as u64)
}

fn age_key(millis: u64, multihash: &[u8]) -> Vec<u8> {
	[&millis.to_be_bytes()[..], multihash].concat()
}

/// Records in `transaction` that the block `multihash` was stored at `millis`.
pub fn record_age(transaction: &mut DBTransaction, multihash: &[u8], millis: u64) {
	transaction.put(db::BLOCK_AGES, &age_key(millis, multihash), &[]);
	transaction.put(db::AGE_OF, multihash, &millis.to_be_bytes());
}

/// Gives blocks stored before ages were recorded the oldest age, once.
pub fn record_missing_ages(db: &Database) -> std::io::Result<()> {
	if db.get(db::META, AGES_KEY)?.is_some() {
		return Ok(());
	}
	let mut transaction = db.transaction();
	for entry in db.iter(db::BLOCKS) {
		let (key, _) = entry?;
		record_age(&mut transaction, &key, 0);
	}
	transaction.put(db::META, AGES_KEY, &[]);
	db.write(transaction)
}

/// Removals in progress: the current batch and the totals.
struct Removal<'a> {
	writer: &'a BlockWriter,
	transaction: DBTransaction,
	batch: usize,
	batch_bytes: u64,
	removed: HashSet<Vec<u8>>,
	collected: Collected,
}

impl Removal<'_> {
	/// Removes the block `multihash` (once); its size.
	fn remove(&mut self, multihash: &[u8]) -> Result<u64, StoreError> {
		if !self.removed.insert(multihash.to_vec()) {
			return Ok(0);
		}
		let db = &self.writer.db;
		let Some(block) = db.get(db::BLOCKS, multihash).map_err(backend)? else { return Ok(0) };
		let size = block.len() as u64;
		if let Some(age) = db.get(db::AGE_OF, multihash).map_err(backend)? {
			if let Ok(age) = <[u8; 8]>::try_from(&age[..]) {
				self.transaction
					.delete(db::BLOCK_AGES, &age_key(u64::from_be_bytes(age), multihash));
			}
		}
		self.transaction.delete(db::AGE_OF, multihash);
		self.transaction.delete(db::BLOCKS, multihash);
		self.collected.blocks += 1;
		self.collected.bytes += size;
		self.batch += 1;
		self.batch_bytes += size;
		if self.batch == BATCH {
			self.flush()?;
		}
		Ok(size)
	}

	/// Writes the current batch with the stored-bytes counter lowered by its bytes. The caller
	/// holds the write lock.
	fn flush(&mut self) -> Result<(), StoreError> {
		let writer = self.writer;
		let total = writer.stored_bytes.load(std::sync::atomic::Ordering::SeqCst);
		let total = total.saturating_sub(self.batch_bytes);
		let mut transaction = std::mem::take(&mut self.transaction);
		transaction.put(db::META, STORED_BYTES_KEY, &total.to_le_bytes());
		writer.db.write(transaction).map_err(backend)?;
		writer.stored_bytes.store(total, std::sync::atomic::Ordering::SeqCst);
		(self.batch, self.batch_bytes) = (0, 0);
		Ok(())
	}
}

impl BlockWriter {
	/// One collection (see the module's documentation), holding the write lock.
	pub(super) fn collect(
		&self,
		cache_size: u64,
		grace: Duration,
	) -> Result<Collected, StoreError> {
		let _guard = self.lock.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
		let released: Vec<Cid> = self
			.db
			.iter(db::RELEASED)
			.filter_map(|entry| entry.ok().and_then(|(key, _)| Cid::try_from(&key[..]).ok()))
			.collect();
		let stored = self.stored_bytes.load(std::sync::atomic::Ordering::SeqCst);
		if released.is_empty() && stored <= cache_size {
			return Ok(Collected::default());
		}
		let pins = self
			.db
			.iter(db::PINS)
			.filter_map(|entry| entry.ok().and_then(|(key, _)| Cid::try_from(&key[..]).ok()));
		let (reached, reached_bytes) = self.walk(pins.collect(), |_| true)?;
		let mut removal = Removal {
			writer: self,
			transaction: DBTransaction::new(),
			batch: 0,
			batch_bytes: 0,
			removed: HashSet::new(),
			collected: Collected::default(),
		};

		// 1. Released content.
		let (released_blocks, _) = self.walk(released.clone(), |hash| !reached.contains(hash))?;
		for hash in &released_blocks {
			removal.remove(hash)?;
		}
		for root in &released {
			removal.transaction.delete(db::RELEASED, &root.to_bytes());
		}
		removal.flush()?;

		// 2. The cache of other unreached blocks, oldest first.
		let stored = self.stored_bytes.load(std::sync::atomic::Ordering::SeqCst);
		let mut unreached = stored.saturating_sub(reached_bytes);
		let cutoff = now_millis().saturating_sub(grace.as_millis() as u64);
		for entry in self.db.iter(db::BLOCK_AGES) {
			if unreached <= cache_size {
				break;
			}
			let (key, _) = entry.map_err(backend)?;
			let (age, hash) = key.split_at(8);
			if u64::from_be_bytes(age.try_into().expect("an 8-byte age")) > cutoff {
				break;
			}
			if !reached.contains(hash) {
				unreached = unreached.saturating_sub(removal.remove(hash)?);
			}
		}
		removal.flush()?;
		Ok(removal.collected)
	}

	/// The multihashes of the stored blocks reachable from `roots` through dag-pb links, without
	/// going through blocks `enter` refuses; and their bytes.
	fn walk(
		&self,
		roots: Vec<Cid>,
		enter: impl Fn(&[u8]) -> bool,
	) -> Result<(HashSet<Vec<u8>>, u64), StoreError> {
		let mut found = HashSet::new();
		let mut bytes = 0u64;
		let mut pending = roots;
		while let Some(cid) = pending.pop() {
			let hash = cid.hash().to_bytes();
			if found.contains(&hash) || !enter(&hash) {
				continue;
			}
			let Some(block) = self.db.get(db::BLOCKS, &hash).map_err(backend)? else { continue };
			bytes += block.len() as u64;
			found.insert(hash);
			// A block that does not decode links nothing more to keep or remove.
			pending.extend(dag::links(&cid, block.into()).unwrap_or_default());
		}
		Ok((found, bytes))
	}
}
