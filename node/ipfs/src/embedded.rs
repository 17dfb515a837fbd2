//! The embedded content store: blocks in the IPFS database under the node's base path, files
//! chunked and hashed exactly as Kubo's `ipfs add` does (UnixFS, 256 KiB fixed chunks, balanced
//! DAG with 174 links per node; `rust-unixfs` builds the DAG). Blocks it lacks are fetched from the
//! configured sources (Kubo RPC endpoints: a Kubo daemon or another Plaza node) and checked
//! against their CID before they are kept.

use std::{
	collections::HashSet,
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
	db,
	store::{AddOptions, Added, ContentStore, StoreError},
};

/// The multicodec of raw blocks.
const RAW: u64 = 0x55;
/// The multicodec of dag-pb blocks.
const DAG_PB: u64 = 0x70;
/// The largest block accepted from a source (Kubo's own limit is 2 MiB).
const MAX_BLOCK: usize = 2 * 1024 * 1024;
/// The key of the stored-bytes counter in [`db::META`].
const STORED_BYTES_KEY: &[u8] = b"embedded_stored_bytes";

/// The embedded store.
pub struct EmbeddedStore {
	db: Arc<Database>,
	sources: Vec<(String, IpfsClient)>,
	fetch_timeout: Duration,
	max_content: u64,
	stored_bytes: AtomicU64,
	/// Serialises block writes so that the stored-bytes counter stays exact.
	writes: Mutex<()>,
}

impl EmbeddedStore {
	/// A store over `db` that fetches missing blocks from `sources` (Kubo RPC URLs), waiting at
	/// most `fetch_timeout` on each, and refuses content larger than `max_content` bytes.
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
		Ok(Self {
			db,
			sources,
			fetch_timeout,
			max_content,
			stored_bytes: AtomicU64::new(stored),
			writes: Mutex::new(()),
		})
	}

	fn local_block(&self, cid: &Cid) -> Result<Option<Bytes>, StoreError> {
		Ok(self.db.get(db::BLOCKS, &cid.hash().to_bytes()).map_err(backend)?.map(Bytes::from))
	}

	/// A block from the database, or else from the first source that has it (then kept).
	async fn get_block(&self, cid: &Cid) -> Result<Bytes, StoreError> {
		if let Some(block) = self.local_block(cid)? {
			return Ok(block);
		}
		for (url, client) in &self.sources {
			match tokio::time::timeout(self.fetch_timeout, fetch_block(client, cid)).await {
				Ok(Ok(block)) if matches_cid(cid, &block) => {
					self.put_blocks(&[(*cid, block.to_vec())], None)?;
					return Ok(block);
				},
				Ok(Ok(_)) => log::warn!(target: "ipfs", "{url} sent a block that is not {cid}"),
				Ok(Err(e)) => log::debug!(target: "ipfs", "{url} has no {cid}: {e}"),
				Err(_) => log::debug!(target: "ipfs", "{url} did not send {cid} in time"),
			}
		}
		Err(StoreError::NotFound(*cid))
	}

	/// Writes blocks (and a pin of `pin`) in one transaction.
	fn put_blocks(&self, blocks: &[(Cid, Vec<u8>)], pin: Option<&Cid>) -> Result<(), StoreError> {
		let _guard = self.writes.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
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

	/// The bytes of the UnixFS file (or raw block) at `cid`.
	async fn read_file(&self, cid: &Cid) -> Result<Bytes, StoreError> {
		let root = self.get_block(cid).await?;
		match cid.codec() {
			RAW => return Ok(root),
			DAG_PB => {},
			other => return Err(unreadable(*cid, format!("codec {other:#x} is not UnixFS"))),
		}
		let (first, total, _, mut step) =
			IdleFileVisit::default().start(&root).map_err(|e| unreadable(*cid, e))?;
		if total > self.max_content {
			return Err(StoreError::TooLarge { limit: self.max_content });
		}
		let mut content = Vec::with_capacity(total as usize);
		content.extend_from_slice(first);
		let mut cache = None;
		while let Some(visit) = step {
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
			self.put_blocks(&blocks, options.pin.then_some(&added.cid))?;
		}
		Ok(added)
	}

	async fn cat(&self, cid: &Cid, path: &[String]) -> Result<Bytes, StoreError> {
		let target = self.resolve(cid, path).await?;
		self.read_file(&target).await
	}

	async fn block(&self, cid: &Cid) -> Result<Bytes, StoreError> {
		self.get_block(cid).await
	}

	async fn pin(&self, cid: &Cid) -> Result<(), StoreError> {
		// Every block of the DAG must be here before the pin is recorded.
		let mut pending = vec![*cid];
		let mut seen = HashSet::new();
		let mut total = 0u64;
		while let Some(next) = pending.pop() {
			if !seen.insert(next) {
				continue;
			}
			let block = self.get_block(&next).await?;
			total += block.len() as u64;
			if total > self.max_content.saturating_mul(2) {
				return Err(StoreError::TooLarge { limit: self.max_content });
			}
			if next.codec() == DAG_PB {
				let node =
					ipld_dagpb::PbNode::from_bytes(block).map_err(|e| unreadable(next, e))?;
				pending.extend(node.links.into_iter().map(|link| link.cid));
			}
		}
		self.put_blocks(&[], Some(cid))
	}

	async fn unpin(&self, cid: &Cid) -> Result<(), StoreError> {
		let key = cid.to_bytes();
		if !self.db.has_key(db::PINS, &key).map_err(backend)? {
			return Err(StoreError::NotPinned(*cid));
		}
		let mut transaction = self.db.transaction();
		transaction.delete(db::PINS, &key);
		self.db.write(transaction).map_err(backend)
	}

	async fn pins(&self) -> Result<Vec<Cid>, StoreError> {
		self.db
			.iter(db::PINS)
			.map(|entry| {
				let (key, _) = entry.map_err(backend)?;
				Cid::try_from(&key[..]).map_err(backend)
			})
			.collect()
	}

	fn stored_bytes(&self) -> Option<u64> {
		Some(self.stored_bytes.load(Ordering::SeqCst))
	}

	fn describe(&self) -> String {
		match self.sources.len() {
			0 => "embedded store".into(),
			n => format!("embedded store fetching from {n} source(s)"),
		}
	}
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

fn unreadable(cid: Cid, reason: impl ToString) -> StoreError {
	StoreError::Unreadable(cid, reason.to_string())
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
		let store = EmbeddedStore::new(db, &[], Duration::from_millis(10), max_content).unwrap();
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
		assert_eq!(store.cat(&added.cid, &[]).await.unwrap(), hello);
		assert_eq!(store.pins().await.unwrap(), vec![added.cid]);

		let v1 =
			AddOptions { cid_version: cid::Version::V1, raw_leaves: true, ..Default::default() };
		let added = store.add(hello.clone(), v1).await.unwrap();
		// A single-chunk body with raw leaves is one raw block: its CID hashes the bytes alone.
		assert_eq!(added.cid, Cid::new_v1(RAW, Code::Sha2_256.digest(&hello)));
		assert_eq!(store.cat(&added.cid, &[]).await.unwrap(), hello);
	}

	#[tokio::test]
	async fn reads_multi_block_files_and_counts_bytes_once() {
		let (_dir, store) = store(4 << 20);
		let body: Bytes = (0..700_000u32).map(|i| (i % 251) as u8).collect::<Vec<_>>().into();
		let added = store.add(body.clone(), AddOptions::default()).await.unwrap();
		assert_eq!(store.cat(&added.cid, &[]).await.unwrap(), body);
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
			matches!(store.cat(&added.cid, &[]).await, Err(StoreError::NotFound(c)) if c == added.cid)
		);
		assert!(matches!(store.pin(&added.cid).await, Err(StoreError::NotFound(_))));
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
		store.pin(&added.cid).await.unwrap();
		assert_eq!(store.pins().await.unwrap(), vec![added.cid]);
	}
}
