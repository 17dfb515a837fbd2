//! An external Kubo daemon as the content store (`--ipfs-api <url>`), reached with the
//! `ipfs-api` crate's hyper backend. Kubo chunks, stores, fetches and pins; this adapter bounds
//! every call by the fetch timeout and the content limit.

use std::{future::Future, io::Cursor, time::Duration};

use async_trait::async_trait;
use bytes::Bytes;
use cid::{Cid, Version};
use futures::TryStreamExt;
use ipfs_api_backend_hyper::{request::Add, IpfsApi, IpfsClient, TryFromUri};

use crate::{
	dag::{self, MAX_BLOCK},
	store::{AddOptions, Added, ContentStore, StoreError},
};

/// A Kubo daemon's RPC API.
pub struct KuboStore {
	url: String,
	client: IpfsClient,
	timeout: Duration,
	max_content: u64,
}

impl KuboStore {
	/// A store backed by the Kubo RPC API at `url` (such as `http://127.0.0.1:5001`).
	pub fn new(url: &str, timeout: Duration, max_content: u64) -> Result<Self, String> {
		let client = IpfsClient::from_str(url).map_err(|e| format!("--ipfs-api {url}: {e}"))?;
		Ok(Self { url: url.to_owned(), client, timeout, max_content })
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
		Ok(Added { cid, dag_size })
	}

	async fn cat(&self, cid: &Cid, path: &[String], limit: u64) -> Result<Bytes, StoreError> {
		let mut ipfs_path = format!("/ipfs/{cid}");
		for segment in path {
			ipfs_path.push('/');
			ipfs_path.push_str(segment);
		}
		// Kubo sends no more than asked for: one byte past the limit shows the file exceeds it.
		let length =
			usize::try_from(limit.min(self.max_content).saturating_add(1)).unwrap_or(usize::MAX);
		self.read_bounded(cid, self.client.cat_range(&ipfs_path, 0, length), limit).await
	}

	async fn block(&self, cid: &Cid) -> Result<Bytes, StoreError> {
		let stream = self.client.block_get(&cid.to_string());
		self.read_bounded(cid, stream, MAX_BLOCK as u64).await
	}

	async fn pin(&self, cid: &Cid, limit: u64) -> Result<(), StoreError> {
		let limit = limit.min(self.max_content);
		// Kubo's own `pin/add` would fetch whatever the DAG links: fetch it block by block
		// within the limit first (Kubo keeps what `block/get` fetched), then pin what is here.
		let fetch = dag::fetch_all(cid, limit, |next| async move { self.block(&next).await });
		match tokio::time::timeout(self.timeout, fetch).await {
			Ok(fetched) => fetched?,
			Err(_) => return Err(StoreError::TimedOut(*cid)),
		}
		self.bounded(cid, self.client.pin_add(&cid.to_string(), true)).await.map(drop)
	}

	async fn unpin(&self, cid: &Cid) -> Result<(), StoreError> {
		match self.bounded(cid, self.client.pin_rm(&cid.to_string(), true)).await {
			Err(StoreError::Backend(message)) if message.contains("not pinned") => {
				Err(StoreError::NotPinned(*cid))
			},
			other => other.map(drop),
		}
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
