//! The embedded content store: blocks in the IPFS database under the node's base path, files
//! chunked and hashed exactly as Kubo's `ipfs add` does (UnixFS, 256 KiB fixed chunks, balanced
//! DAG with 174 links per node; `rust-unixfs` builds the DAG). Blocks it lacks are fetched from the
//! configured sources (Kubo RPC endpoints: a Kubo daemon or another Plaza node) and checked
//! against their CID before they are kept.

use std::{
	collections::HashSet,
	future::Future,
	sync::{
		atomic::{AtomicU64, Ordering},
		Arc, Mutex,
	},
	time::Duration,
};

use async_trait::async_trait;
use bytes::Bytes;
use cid::Cid;
use futures::TryStreamExt;
use ipfs_api_backend_hyper::{IpfsApi, IpfsClient, TryFromUri};
use kvdb::KeyValueDB;
use kvdb_rocksdb::Database;
use multihash_codetable::{Code, MultihashDigest};
use rust_unixfs::{
	file::{adder::FileAdder, visit::IdleFileVisit},
	MaybeResolved,
};

use crate::{
	dag::{self, unreadable, DAG_PB, MAX_BLOCK, RAW},
	db,
	store::{AddOptions, Added, ContentStore, StoreError},
};

/// The key of the stored-bytes counter in [`db::META`].
const STORED_BYTES_KEY: &[u8] = b"embedded_stored_bytes";

/// The embedded store. Its database is read and written on blocking threads, and every call
/// (reads, pins, fetches from every source) finishes within the fetch timeout.
pub struct EmbeddedStore {
	db: Arc<Database>,
	writer: BlockWriter,
	sources: Vec<(String, IpfsClient)>,
	fetch_timeout: Duration,
	max_content: u64,
}

/// Writes blocks and pins, keeping the stored-bytes counter exact.
#[derive(Clone)]
struct BlockWriter {
	db: Arc<Database>,
	stored_bytes: Arc<AtomicU64>,
	/// Serialises block writes so that the stored-bytes counter stays exact.
	lock: Arc<Mutex<()>>,
}

impl BlockWriter {
	/// Writes blocks (and a pin of `pin`) in one transaction.
	fn put(&self, blocks: &[(Cid, Vec<u8>)], pin: Option<&Cid>) -> Result<(), StoreError> {
		let _guard = self.lock.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
		let mut transaction = self.db.transaction();
		let mut added = 0u64;
		let mut seen = HashSet::new();
		for (cid, block) in blocks {
			let key = cid.hash().to_bytes();
			if seen.insert(key.clone()) && !self.db.has_key(db::BLOCKS, &key).map_err(backend)? {
				added += block.len() as u64;
				transaction.put(db::BLOCKS, &key, block);
			}
		}
		if let Some(root) = pin {
			transaction.put(db::PINS, &root.to_bytes(), &[]);
		}
		let total = self.stored_bytes.load(Ordering::SeqCst) + added;
		transaction.put(db::META, STORED_BYTES_KEY, &total.to_le_bytes());
		self.db.write(transaction).map_err(backend)?;
		self.stored_bytes.store(total, Ordering::SeqCst);
		Ok(())
	}
}

impl EmbeddedStore {
	/// A store over `db` that fetches missing blocks from `sources` (Kubo RPC URLs), spends at
	/// most `fetch_timeout` on any one call, and refuses content larger than `max_content` bytes.
	pub fn new(
		db: Arc<Database>,
		sources: &[String],
		fetch_timeout: Duration,
		max_content: u64,
	) -> Result<Self, String> {
		let sources = sources
			.iter()
			.map(|url| {
				IpfsClient::from_str(url)
					.map(|client| (url.clone(), client))
					.map_err(|e| format!("--ipfs-source {url}: {e}"))
			})
			.collect::<Result<_, _>>()?;
		let stored = db
			.get(db::META, STORED_BYTES_KEY)
			.map_err(|e| e.to_string())?
			.and_then(|bytes| bytes.try_into().ok().map(u64::from_le_bytes))
			.unwrap_or(0);
		let writer = BlockWriter {
			db: db.clone(),
			stored_bytes: Arc::new(AtomicU64::new(stored)),
			lock: Arc::new(Mutex::new(())),
		};
		Ok(Self { db, writer, sources, fetch_timeout, max_content })
	}

	/// Runs one call of the store within the fetch timeout.
	async fn within<T>(
		&self,
		cid: &Cid,
		call: impl Future<Output = Result<T, StoreError>>,
	) -> Result<T, StoreError> {
		tokio::time::timeout(self.fetch_timeout, call)
			.await
			.unwrap_or(Err(StoreError::TimedOut(*cid)))
	}

	async fn local_block(&self, cid: &Cid) -> Result<Option<Bytes>, StoreError> {
		let (db, key) = (self.db.clone(), cid.hash().to_bytes());
		blocking(move || db.get(db::BLOCKS, &key).map_err(backend))
			.await
			.map(|block| block.map(Bytes::from))
	}

	async fn put_blocks(
		&self,
		blocks: Vec<(Cid, Vec<u8>)>,
		pin: Option<Cid>,
	) -> Result<(), StoreError> {
		let writer = self.writer.clone();
		blocking(move || writer.put(&blocks, pin.as_ref())).await
	}

	/// A block from the database, or else from the first source that has it (then kept).
	async fn get_block(&self, cid: &Cid) -> Result<Bytes, StoreError> {
		if let Some(block) = self.local_block(cid).await? {
			return Ok(block);
		}
		for (url, client) in &self.sources {
			match tokio::time::timeout(self.fetch_timeout, fetch_block(client, cid)).await {
				Ok(Ok(block)) if matches_cid(cid, &block) => {
					self.put_blocks(vec![(*cid, block.to_vec())], None).await?;
					return Ok(block);
				},
				Ok(Ok(_)) => log::warn!(target: "ipfs", "{url} sent a block that is not {cid}"),
				Ok(Err(e)) => log::debug!(target: "ipfs", "{url} has no {cid}: {e}"),
				Err(_) => log::debug!(target: "ipfs", "{url} did not send {cid} in time"),
			}
		}
		Err(StoreError::NotFound(*cid))
	}

	/// The CID a path below `cid` names.
	async fn resolve(&self, cid: &Cid, path: &[String]) -> Result<Cid, StoreError> {
		let mut current = *cid;
		for name in path {
			let block = self.get_block(&current).await?;
			current = match rust_unixfs::resolve(&block, name, &mut None) {
				Ok(MaybeResolved::Found(next)) => next,
				Ok(MaybeResolved::NotFound) => {
					return Err(StoreError::NoSuchLink { cid: current, name: name.clone() })
				},
				Ok(MaybeResolved::NeedToLoadMore(_)) => {
					return Err(unreadable(current, "sharded directories are not supported"))
				},
				Err(e) => return Err(unreadable(current, e)),
			};
		}
		Ok(current)
	}

	/// The bytes of the UnixFS file (or raw block) at `cid`, if it declares at most `limit`.
	/// The walk visits at most [`dag::visits_budget`] blocks and must end with exactly the bytes
	/// the root declares, so a DAG bomb fails fast instead of looping.
	async fn read_file(&self, cid: &Cid, limit: u64) -> Result<Bytes, StoreError> {
		let limit = limit.min(self.max_content);
		let root = self.get_block(cid).await?;
		match cid.codec() {
			RAW if root.len() as u64 > limit => return Err(StoreError::TooLarge { limit }),
			RAW => return Ok(root),
			DAG_PB => {},
			other => return Err(unreadable(*cid, format!("codec {other:#x} is not UnixFS"))),
		}
		let (first, total, _, mut step) =
			IdleFileVisit::default().start(&root).map_err(|e| unreadable(*cid, e))?;
		if total > limit {
			return Err(StoreError::TooLarge { limit });
		}
		let max_visits = dag::visits_budget(total);
		let mut visits = 1u64;
		let mut content = Vec::with_capacity(total as usize);
		content.extend_from_slice(first);
		let mut cache = None;
		while let Some(visit) = step {
			visits += 1;
			if visits > max_visits {
				return Err(unreadable(
					*cid,
					format!("it links more than {max_visits} blocks for {total} bytes"),
				));
			}
			let next = *visit.pending_links().0;
			let block = self.get_block(&next).await?;
			let (bytes, rest) =
				visit.continue_walk(&block, &mut cache).map_err(|e| unreadable(*cid, e))?;
			if (content.len() + bytes.len()) as u64 > total {
				return Err(unreadable(*cid, "its blocks hold more bytes than its size says"));
			}
			content.extend_from_slice(bytes);
			step = rest;
		}
		if content.len() as u64 != total {
			return Err(unreadable(*cid, "its blocks hold fewer bytes than its size says"));
		}
		Ok(content.into())
	}
}

#[async_trait]
impl ContentStore for EmbeddedStore {
	async fn add(&self, body: Bytes, options: AddOptions) -> Result<Added, StoreError> {
		if body.len() as u64 > self.max_content {
			return Err(StoreError::TooLarge { limit: self.max_content });
		}
		let blocks = tokio::task::spawn_blocking(move || chunk_and_hash(&body, options))
			.await
			.map_err(backend)?;
		let (cid, _) = blocks.last().expect("FileAdder::finish always yields the root block");
		let added = Added { cid: *cid, dag_size: blocks.iter().map(|(_, b)| b.len() as u64).sum() };
		if !options.only_hash {
			self.put_blocks(blocks, options.pin.then_some(added.cid)).await?;
		}
		Ok(added)
	}

	async fn cat(&self, cid: &Cid, path: &[String], limit: u64) -> Result<Bytes, StoreError> {
		self.within(cid, async {
			let target = self.resolve(cid, path).await?;
			self.read_file(&target, limit).await
		})
		.await
	}

	async fn block(&self, cid: &Cid) -> Result<Bytes, StoreError> {
		self.within(cid, self.get_block(cid)).await
	}

	async fn pin(&self, cid: &Cid, limit: u64) -> Result<(), StoreError> {
		let limit = limit.min(self.max_content);
		self.within(cid, async {
			// Every block of the DAG must be here before the pin is recorded.
			dag::fetch_all(cid, limit, |next| async move { self.get_block(&next).await }).await?;
			self.put_blocks(Vec::new(), Some(*cid)).await
		})
		.await
	}

	async fn unpin(&self, cid: &Cid) -> Result<(), StoreError> {
		let (db, cid) = (self.db.clone(), *cid);
		blocking(move || {
			let key = cid.to_bytes();
			if !db.has_key(db::PINS, &key).map_err(backend)? {
				return Err(StoreError::NotPinned(cid));
			}
			let mut transaction = db.transaction();
			transaction.delete(db::PINS, &key);
			db.write(transaction).map_err(backend)
		})
		.await
	}

	async fn pins(&self) -> Result<Vec<Cid>, StoreError> {
		let db = self.db.clone();
		blocking(move || {
			db.iter(db::PINS)
				.map(|entry| {
					let (key, _) = entry.map_err(backend)?;
					Cid::try_from(&key[..]).map_err(backend)
				})
				.collect()
		})
		.await
	}

	fn stored_bytes(&self) -> Option<u64> {
		Some(self.writer.stored_bytes.load(Ordering::SeqCst))
	}

	fn describe(&self) -> String {
		match self.sources.len() {
			0 => "embedded store".into(),
			n => format!("embedded store fetching from {n} source(s)"),
		}
	}
}

/// Runs database work on a blocking thread.
async fn blocking<T: Send + 'static>(
	work: impl FnOnce() -> Result<T, StoreError> + Send + 'static,
) -> Result<T, StoreError> {
	tokio::task::spawn_blocking(work).await.map_err(backend)?
}

/// The blocks of `body` as `ipfs add` makes them, the root last.
fn chunk_and_hash(body: &[u8], options: AddOptions) -> Vec<(Cid, Vec<u8>)> {
	let mut adder = FileAdder::builder()
		.with_cid_version(options.cid_version)
		.with_raw_leaves(options.raw_leaves)
		.build();
	let mut blocks = Vec::new();
	let mut rest = body;
	while !rest.is_empty() {
		let (made, consumed) = adder.push(rest);
		blocks.extend(made);
		rest = &rest[consumed..];
	}
	blocks.extend(adder.finish());
	blocks
}

async fn fetch_block(client: &IpfsClient, cid: &Cid) -> Result<Bytes, String> {
	let mut block = Vec::new();
	let mut stream = client.block_get(&cid.to_string());
	while let Some(chunk) = stream.try_next().await.map_err(|e| e.to_string())? {
		if block.len() + chunk.len() > MAX_BLOCK {
			return Err(format!("a block larger than {MAX_BLOCK} bytes"));
		}
		block.extend_from_slice(&chunk);
	}
	Ok(block.into())
}

/// Whether `block` hashes to `cid`'s multihash.
fn matches_cid(cid: &Cid, block: &[u8]) -> bool {
	Code::try_from(cid.hash().code()).is_ok_and(|code| code.digest(block) == *cid.hash())
}

fn backend(error: impl ToString) -> StoreError {
	StoreError::Backend(error.to_string())
}

#[cfg(test)]
mod tests {
	use super::*;

	fn store(max_content: u64) -> (tempfile::TempDir, EmbeddedStore) {
		let dir = tempfile::tempdir().unwrap();
		let db = db::open(dir.path()).unwrap();
		let store = EmbeddedStore::new(db, &[], Duration::from_secs(5), max_content).unwrap();
		(dir, store)
	}

	fn cid(text: &str) -> Cid {
		Cid::try_from(text).unwrap()
	}

	#[tokio::test]
	async fn adds_as_kubo_does() {
		let (_dir, store) = store(1 << 20);
		let hello = Bytes::from_static(b"hello world\n");
		let added = store.add(hello.clone(), AddOptions::default()).await.unwrap();
		// `ipfs add` of "hello world\n": CIDv0, and a 20-byte dag-pb leaf.
		assert_eq!(added.cid, cid("QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5o"));
		assert_eq!(added.dag_size, 20);
		assert_eq!(store.stored_bytes(), Some(20));
		assert_eq!(store.cat(&added.cid, &[], u64::MAX).await.unwrap(), hello);
		assert_eq!(store.pins().await.unwrap(), vec![added.cid]);

		let v1 =
			AddOptions { cid_version: cid::Version::V1, raw_leaves: true, ..Default::default() };
		let added = store.add(hello.clone(), v1).await.unwrap();
		// A single-chunk body with raw leaves is one raw block: its CID hashes the bytes alone.
		assert_eq!(added.cid, Cid::new_v1(RAW, Code::Sha2_256.digest(&hello)));
		assert_eq!(store.cat(&added.cid, &[], u64::MAX).await.unwrap(), hello);
	}

	#[tokio::test]
	async fn reads_multi_block_files_and_counts_bytes_once() {
		let (_dir, store) = store(4 << 20);
		let body: Bytes = (0..700_000u32).map(|i| (i % 251) as u8).collect::<Vec<_>>().into();
		let added = store.add(body.clone(), AddOptions::default()).await.unwrap();
		assert_eq!(store.cat(&added.cid, &[], u64::MAX).await.unwrap(), body);
		let stored = store.stored_bytes().unwrap();
		assert_eq!(stored, added.dag_size);
		store.add(body.clone(), AddOptions::default()).await.unwrap();
		assert_eq!(store.stored_bytes(), Some(stored), "the same blocks are stored once");
	}

	#[tokio::test]
	async fn only_hash_stores_nothing_and_unknown_cids_are_not_found() {
		let (_dir, store) = store(1 << 20);
		let options = AddOptions { only_hash: true, ..Default::default() };
		let added = store.add(Bytes::from_static(b"nothing kept"), options).await.unwrap();
		assert_eq!(store.stored_bytes(), Some(0));
		assert!(
			matches!(store.cat(&added.cid, &[], u64::MAX).await, Err(StoreError::NotFound(c)) if c == added.cid)
		);
		assert!(matches!(store.pin(&added.cid, u64::MAX).await, Err(StoreError::NotFound(_))));
		assert!(store.pins().await.unwrap().is_empty());
	}

	#[tokio::test]
	async fn refuses_content_over_the_limit_and_unpins() {
		let (_dir, store) = store(8);
		let too_big = store.add(Bytes::from_static(b"nine bytes"), AddOptions::default()).await;
		assert!(matches!(too_big, Err(StoreError::TooLarge { limit: 8 })));
		let added = store.add(Bytes::from_static(b"tiny"), AddOptions::default()).await.unwrap();
		store.unpin(&added.cid).await.unwrap();
		assert!(matches!(store.unpin(&added.cid).await, Err(StoreError::NotPinned(_))));
		store.pin(&added.cid, u64::MAX).await.unwrap();
		assert_eq!(store.pins().await.unwrap(), vec![added.cid]);
	}

	/// Stores a UnixFS "bomb": `levels` file nodes, each linking `width` times to the one below,
	/// over one empty leaf; every link declares 0 bytes, the root declares `filesize`.
	fn store_bomb(store: &EmbeddedStore, width: usize, levels: usize, filesize: u64) -> Cid {
		use rust_unixfs::file::adder::{rebuild_file_branch, FileBranchLink};
		let mut blocks = chunk_and_hash(b"", AddOptions::default());
		let mut below = blocks[0].0;
		for level in 0..levels {
			let link = FileBranchLink { cid: below, blocksize: 0, tsize: 0 };
			let size = if level + 1 == levels { filesize } else { 0 };
			let (cid, block) =
				rebuild_file_branch(size, &vec![link; width], cid::Version::V0, Code::Sha2_256);
			blocks.push((cid, block));
			below = cid;
		}
		store.writer.put(&blocks, None).unwrap();
		below
	}

	#[tokio::test]
	async fn a_dag_bomb_fails_fast_instead_of_looping() {
		let (_dir, store) = store(32 << 20);
		for (filesize, width) in [(0, 174), (1 << 20, 174), (32 << 20, 40)] {
			// 174^4 (or 40^4) visits of the same empty leaf if the walk were not bounded.
			let bomb = store_bomb(&store, width, 4, filesize);
			let started = std::time::Instant::now();
			let read = store.cat(&bomb, &[], u64::MAX).await;
			assert!(
				matches!(&read, Err(StoreError::Unreadable(cid, reason)) if *cid == bomb
					&& (reason.contains("links more than") || reason.contains("fewer bytes"))),
				"{filesize}: {read:?}"
			);
			assert!(
				started.elapsed() < Duration::from_secs(3),
				"{filesize}: {:?}",
				started.elapsed()
			);
			// Pinning visits each distinct block once.
			store.pin(&bomb, u64::MAX).await.unwrap();
		}
	}

	#[tokio::test]
	async fn reads_and_pins_stop_at_the_limit_asked_for() {
		let (_dir, store) = store(4 << 20);
		let hello = Bytes::from_static(b"hello world\n");
		let added = store.add(hello.clone(), AddOptions { pin: false, ..Default::default() });
		let added = added.await.unwrap();
		assert!(matches!(
			store.cat(&added.cid, &[], 11).await,
			Err(StoreError::TooLarge { limit: 11 })
		));
		assert_eq!(store.cat(&added.cid, &[], 12).await.unwrap(), hello);
		assert!(matches!(store.pin(&added.cid, 11).await, Err(StoreError::TooLarge { limit: 11 })));
		assert!(store.pins().await.unwrap().is_empty());
		store.pin(&added.cid, 12).await.unwrap();
		assert_eq!(store.pins().await.unwrap(), vec![added.cid]);

		// A root that declares 10 bytes but links a 300 KB file: its blocks give it away.
		let big: Bytes = (0..300_000u32).map(|i| (i % 253) as u8).collect::<Vec<_>>().into();
		let big = store.add(big, AddOptions { pin: false, ..Default::default() }).await.unwrap();
		let link =
			rust_unixfs::file::adder::FileBranchLink { cid: big.cid, blocksize: 10, tsize: 0 };
		let (liar, block) = rust_unixfs::file::adder::rebuild_file_branch(
			10,
			&[link],
			cid::Version::V0,
			Code::Sha2_256,
		);
		store.writer.put(&[(liar, block)], None).unwrap();
		assert!(matches!(store.pin(&liar, 10).await, Err(StoreError::TooLarge { limit: 10 })));
		assert!(!store.pins().await.unwrap().contains(&liar));
	}
}
