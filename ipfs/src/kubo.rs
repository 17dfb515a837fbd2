//! An external Kubo daemon as the content store (`--ipfs-api <url>`), reached with the
//! `ipfs-api` crate's hyper backend. Kubo chunks, stores, fetches and pins; this adapter bounds
//! every call by the fetch timeout and the content limit, and keeps who owns each pin it made
//! (the chain, people through the node's API) in the node's IPFS database: Kubo pins a CID once,
//! so the pin is removed from Kubo only when no owner keeps it. A pin found on Kubo that the node
//! did not make counts as a person's.

use std::{future::Future, io::Cursor, ops::Range, sync::Arc, time::Duration};

use async_trait::async_trait;
use bytes::Bytes;
use cid::{Cid, Version};
use futures::TryStreamExt;
use ipfs_api_backend_hyper::{
	request::Add, BackendWithGlobalOptions, GlobalOptions, IpfsApi, IpfsClient, TryFromUri,
};

use kvdb_rocksdb::Database;

use crate::{
	dag::{self, MAX_BLOCK},
	db,
	store::{blocking, AddOptions, Added, ContentStore, FileStat, Owners, PinOwner, StoreError},
};

/// `/ipfs/<cid>/<path…>`.
fn ipfs_path(cid: &Cid, path: &[String]) -> String {
	let mut ipfs_path = format!("/ipfs/{cid}");
	for segment in path {
		ipfs_path.push('/');
		ipfs_path.push_str(segment);
	}
	ipfs_path
}

/// A Kubo daemon's RPC API.
pub struct KuboStore {
	db: Arc<Database>,
	url: String,
	client: IpfsClient,
	/// The same API with Kubo's `offline` option: reads of what the daemon holds, no fetching.
	offline: BackendWithGlobalOptions<IpfsClient>,
	timeout: Duration,
	max_content: u64,
}

impl KuboStore {
	/// A store backed by the Kubo RPC API at `url` (such as `http://127.0.0.1:5001`), keeping
	/// its pins' owners in `db`.
	pub fn new(
		db: Arc<Database>,
		url: &str,
		timeout: Duration,
		max_content: u64,
	) -> Result<Self, String> {
		let client = || IpfsClient::from_str(url).map_err(|e| format!("--ipfs-api {url}: {e}"));
		let offline = BackendWithGlobalOptions::new(
			client()?,
			GlobalOptions { offline: Some(true), timeout: None },
		);
		Ok(Self { db, url: url.to_owned(), client: client()?, offline, timeout, max_content })
	}

	/// The owners the node recorded for `cid`'s pin; a pin Kubo holds that the node did not make
	/// counts as a person's.
	async fn owners(&self, cid: &Cid) -> Result<Owners, StoreError> {
		if let Some(record) = self.record(cid).await? {
			return Ok(Owners::from_record(Some(&record)));
		}
		let text = cid.to_string();
		let listed = self.client.pin_ls(Some(&text), Some("recursive"));
		match tokio::time::timeout(self.timeout, listed).await {
			Ok(Ok(_)) => Ok(Owners::from_record(None).with(PinOwner::User)),
			Ok(Err(e)) if e.to_string().contains("not pinned") => Ok(Owners::from_record(None)),
			Ok(Err(e)) => Err(StoreError::Backend(e.to_string())),
			Err(_) => {
				Err(StoreError::Backend(format!("{} did not answer pin/ls in time", self.url)))
			},
		}
	}

	/// The owners record the node keeps for `cid`.
	async fn record(&self, cid: &Cid) -> Result<Option<Vec<u8>>, StoreError> {
		let (db, key) = (self.db.clone(), cid.to_bytes());
		blocking(move || db.get(db::PINS, &key).map_err(backend)).await
	}

	/// Records `cid`'s owners (none: no record).
	async fn record_owners(&self, cid: &Cid, owners: Owners) -> Result<(), StoreError> {
		let (db, key) = (self.db.clone(), cid.to_bytes());
		blocking(move || {
			let mut transaction = db.transaction();
			if owners.is_empty() {
				transaction.delete(db::PINS, &key);
			} else {
				transaction.put(db::PINS, &key, &owners.to_record());
			}
			db.write(transaction).map_err(backend)
		})
		.await
	}

	/// Runs one call within the timeout; a timeout means the daemon could not find `cid`.
	async fn bounded<T, E: ToString>(
		&self,
		cid: &Cid,
		call: impl Future<Output = Result<T, E>>,
	) -> Result<T, StoreError> {
		match tokio::time::timeout(self.timeout, call).await {
			Ok(result) => result.map_err(|e| daemon_error(cid, e)),
			Err(_) => Err(StoreError::NotFound(*cid)),
		}
	}

	/// Reads a stream to its end, refusing more than `limit` bytes (and the content limit).
	async fn read_bounded(
		&self,
		cid: &Cid,
		stream: impl futures::Stream<Item = Result<Bytes, ipfs_api_backend_hyper::Error>> + Unpin,
		limit: u64,
	) -> Result<Bytes, StoreError> {
		let limit = limit.min(self.max_content);
		let read =
			stream.map_err(|e| e.to_string()).try_fold(Vec::new(), |mut all, chunk| async move {
				if (all.len() + chunk.len()) as u64 > limit {
					return Err(format!("the content is larger than the {limit}-byte limit"));
				}
				all.extend_from_slice(&chunk);
				Ok(all)
			});
		match self.bounded(cid, read).await {
			Err(StoreError::Backend(message)) if message.contains("-byte limit") => {
				Err(StoreError::TooLarge { limit })
			},
			other => other.map(Bytes::from),
		}
	}
}

#[async_trait]
impl ContentStore for KuboStore {
	async fn add(&self, body: Bytes, options: AddOptions) -> Result<Added, StoreError> {
		if body.len() as u64 > self.max_content {
			return Err(StoreError::TooLarge { limit: self.max_content });
		}
		let request = Add {
			cid_version: Some(if options.cid_version == Version::V0 { 0 } else { 1 }),
			raw_leaves: Some(options.raw_leaves),
			only_hash: Some(options.only_hash),
			pin: Some(options.pin),
			..Default::default()
		};
		let response = tokio::time::timeout(
			self.timeout,
			self.client.add_with_options(Cursor::new(body.to_vec()), request),
		)
		.await
		.map_err(|_| StoreError::Backend(format!("{} did not answer add in time", self.url)))?
		.map_err(|e| StoreError::Backend(e.to_string()))?;
		let cid = Cid::try_from(response.hash.as_str())
			.map_err(|e| StoreError::Backend(format!("Kubo answered a bad CID: {e}")))?;
		let dag_size = response.size.parse().unwrap_or(0);
		if options.pin && !options.only_hash {
			// Kubo has just pinned it: whatever it held before, a person now owns a pin.
			let owners = Owners::from_record(self.record(&cid).await?.as_deref());
			self.record_owners(&cid, owners.with(PinOwner::User)).await?;
		}
		Ok(Added { cid, dag_size })
	}

	async fn cat(&self, cid: &Cid, path: &[String], limit: u64) -> Result<Bytes, StoreError> {
		let ipfs_path = ipfs_path(cid, path);
		// Kubo sends no more than asked for: one byte past the limit shows the file exceeds it.
		let length =
			usize::try_from(limit.min(self.max_content).saturating_add(1)).unwrap_or(usize::MAX);
		self.read_bounded(cid, self.client.cat_range(&ipfs_path, 0, length), limit).await
	}

	async fn stat(&self, cid: &Cid, path: &[String]) -> Result<FileStat, StoreError> {
		if path.is_empty() {
			// From the root block, as the embedded store does (and a Plaza node's API, which has
			// no `files/stat`, answers).
			let root = self.block(cid).await?;
			return Ok(FileStat { cid: *cid, size: dag::file_size(cid, &root)? });
		}
		let stat = self.bounded(cid, self.client.files_stat(&ipfs_path(cid, path))).await?;
		if stat.typ != "file" {
			return Err(dag::unreadable(*cid, format!("it is a {}, not a file", stat.typ)));
		}
		let target = Cid::try_from(stat.hash.as_str()).map_err(|e| dag::unreadable(*cid, e))?;
		Ok(FileStat { cid: target, size: stat.size })
	}

	async fn cat_range(
		&self,
		cid: &Cid,
		range: Range<u64>,
		limit: u64,
	) -> Result<Bytes, StoreError> {
		let length = usize::try_from(range.end.saturating_sub(range.start)).unwrap_or(usize::MAX);
		let stream = self.client.cat_range(&ipfs_path(cid, &[]), range.start as usize, length);
		self.read_bounded(cid, stream, limit).await
	}

	async fn read_local(&self, cid: &Cid, limit: u64) -> Result<Bytes, StoreError> {
		let length =
			usize::try_from(limit.min(self.max_content).saturating_add(1)).unwrap_or(usize::MAX);
		let stream = self.offline.cat_range(&ipfs_path(cid, &[]), 0, length);
		match self.read_bounded(cid, stream, limit).await {
			// Kubo: "block was not found locally (offline)".
			Err(StoreError::Backend(message)) if message.contains("not found locally") => {
				Err(StoreError::NotFound(*cid))
			},
			other => other,
		}
	}

	async fn block(&self, cid: &Cid) -> Result<Bytes, StoreError> {
		let stream = self.client.block_get(&cid.to_string());
		self.read_bounded(cid, stream, MAX_BLOCK as u64).await
	}

	async fn pin(&self, cid: &Cid, limit: u64, owner: PinOwner) -> Result<(), StoreError> {
		let limit = limit.min(self.max_content);
		// Kubo's own `pin/add` would fetch whatever the DAG links: fetch it block by block
		// within the limit first (Kubo keeps what `block/get` fetched), then pin what is here.
		let fetch = dag::fetch_all(cid, limit, |next| async move { self.block(&next).await });
		match tokio::time::timeout(self.timeout, fetch).await {
			Ok(fetched) => fetched?,
			Err(_) => return Err(StoreError::TimedOut(*cid)),
		}
		let owners = self.owners(cid).await?;
		self.bounded(cid, self.client.pin_add(&cid.to_string(), true)).await?;
		self.record_owners(cid, owners.with(owner)).await
	}

	async fn unpin(&self, cid: &Cid, owner: PinOwner) -> Result<(), StoreError> {
		let left = self.owners(cid).await?.without(owner, cid)?;
		if left.is_empty() {
			match self.bounded(cid, self.client.pin_rm(&cid.to_string(), true)).await {
				Ok(_) => {},
				Err(StoreError::Backend(message)) if message.contains("not pinned") => {},
				Err(e) => return Err(e),
			}
		}
		self.record_owners(cid, left).await
	}

	async fn pins(&self) -> Result<Vec<Cid>, StoreError> {
		let response =
			tokio::time::timeout(self.timeout, self.client.pin_ls(None, Some("recursive")))
				.await
				.map_err(|_| {
					StoreError::Backend(format!("{} did not answer pin/ls in time", self.url))
				})?
				.map_err(|e| StoreError::Backend(e.to_string()))?;
		Ok(response.keys.keys().filter_map(|key| Cid::try_from(key.as_str()).ok()).collect())
	}

	fn stored_bytes(&self) -> Option<u64> {
		None
	}

	fn describe(&self) -> String {
		format!("external IPFS daemon at {}", self.url)
	}
}

/// Kubo's answer as a store error: its "not found" family as [`StoreError::NotFound`].
fn daemon_error(cid: &Cid, error: impl ToString) -> StoreError {
	let message = error.to_string();
	if message.contains("not found") || message.contains("no link named") {
		StoreError::NotFound(*cid)
	} else {
		StoreError::Backend(message)
	}
}

fn backend(error: impl ToString) -> StoreError {
	StoreError::Backend(error.to_string())
}
