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
use futures::{
	channel::mpsc,
	future::{self, Either},
	stream::BoxStream,
	SinkExt, StreamExt, TryStreamExt,
};
use ipfs_api_backend_hyper::{
	request::Add, response::AddResponse, BackendWithGlobalOptions, GlobalOptions, IpfsApi,
	IpfsClient, TryFromUri,
};

use kvdb_rocksdb::Database;

use crate::{
	dag::{self, MAX_BLOCK},
	db,
	store::{
		blocking, AddOptions, Added, ContentStore, FileStat, Owners, PinOwner, Provenance,
		StoreError,
	},
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
			Err(_) => Err(self.no_answer("pin/ls")),
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

/// Pieces of an upload forwarded ahead of Kubo's reading.
const FORWARD_PIECES: usize = 4;

/// Kubo's `add` options for `options`.
fn add_request(options: AddOptions) -> Add<'static> {
	Add {
		cid_version: Some(if options.cid_version == Version::V0 { 0 } else { 1 }),
		raw_leaves: Some(options.raw_leaves),
		only_hash: Some(options.only_hash),
		pin: Some(options.pin),
		..Default::default()
	}
}

impl KuboStore {
	/// The error of a call Kubo did not answer within the fetch timeout.
	fn no_answer(&self, call: &str) -> StoreError {
		StoreError::Backend(format!("{} did not answer {call} in time", self.url))
	}

	/// What Kubo's answer to `add` says was added; records a person's pin when it pinned.
	async fn added(&self, response: AddResponse, options: AddOptions) -> Result<Added, StoreError> {
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
}

#[async_trait]
impl ContentStore for KuboStore {
	async fn add(&self, body: Bytes, options: AddOptions) -> Result<Added, StoreError> {
		if body.len() as u64 > self.max_content {
			return Err(StoreError::TooLarge { limit: self.max_content });
		}
		let add = self.client.add_with_options(Cursor::new(body), add_request(options));
		let response = tokio::time::timeout(self.timeout, add)
			.await
			.map_err(|_| self.no_answer("add"))?
			.map_err(|e| StoreError::Backend(e.to_string()))?;
		self.added(response, options).await
	}

	/// Forwards the upload to Kubo as it arrives, [`FORWARD_PIECES`] pieces ahead at most; the
	/// fetch timeout bounds Kubo's answer once the upload has ended. An upload that fails (too
	/// large, cut off) fails the add with its own error.
	async fn add_stream(
		&self,
		mut body: BoxStream<'_, Result<Bytes, StoreError>>,
		options: AddOptions,
	) -> Result<Added, StoreError> {
		let (mut pieces, forwarded) = mpsc::channel::<std::io::Result<Bytes>>(FORWARD_PIECES);
		let add =
			self.client.add_async_with_options(forwarded.into_async_read(), add_request(options));
		let upload = async move {
			while let Some(piece) = body.next().await {
				match piece {
					Ok(bytes) => {
						if pieces.send(Ok(bytes)).await.is_err() {
							// Kubo stopped reading: its answer says why.
							return Ok(());
						}
					},
					Err(e) => {
						let _ = pieces.send(Err(std::io::Error::other(e.to_string()))).await;
						return Err(e);
					},
				}
			}
			// Dropping `pieces` ends the upload.
			Ok(())
		};
		let mut add = std::pin::pin!(add);
		let response = match future::select(std::pin::pin!(upload), add.as_mut()).await {
			Either::Left((Ok(()), _)) => {
				tokio::time::timeout(self.timeout, add).await.map_err(|_| self.no_answer("add"))?
			},
			Either::Left((Err(e), _)) => return Err(e),
			Either::Right((response, _)) => response,
		}
		.map_err(|e| StoreError::Backend(e.to_string()))?;
		self.added(response, options).await
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

	/// The daemon fetched what was missing: where from, it does not say.
	async fn pin(
		&self,
		cid: &Cid,
		limit: u64,
		owner: PinOwner,
	) -> Result<Option<Provenance>, StoreError> {
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
		self.record_owners(cid, owners.with(owner)).await?;
		Ok(None)
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
				.map_err(|_| self.no_answer("pin/ls"))?
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

#[cfg(test)]
mod tests {
	use tokio::{
		io::{AsyncReadExt, AsyncWriteExt},
		net::{TcpListener, TcpStream},
	};

	use super::*;

	/// A fake Kubo on a local port, and a store that uses it.
	async fn daemon() -> (tempfile::TempDir, TcpListener, KuboStore) {
		let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
		let url = format!("http://{}", listener.local_addr().unwrap());
		let dir = tempfile::tempdir().unwrap();
		let store =
			KuboStore::new(db::open(dir.path()).unwrap(), &url, Duration::from_secs(5), 1 << 20)
				.unwrap();
		(dir, listener, store)
	}

	/// Reads from `socket` into `seen` until `done` says so; false when the socket closed first.
	async fn read_until(
		socket: &mut TcpStream,
		seen: &mut Vec<u8>,
		done: impl Fn(&[u8]) -> bool,
	) -> bool {
		let mut buffer = [0u8; 4096];
		while !done(seen) {
			let read = tokio::time::timeout(Duration::from_secs(5), socket.read(&mut buffer));
			match read.await.expect("the daemon waited 5 s for more of the upload") {
				Ok(0) | Err(_) => return false,
				Ok(n) => seen.extend_from_slice(&buffer[..n]),
			}
		}
		true
	}

	/// Kubo's side of the one connection the store opens.
	async fn accept(listener: TcpListener) -> TcpStream {
		let accepted = tokio::time::timeout(Duration::from_secs(5), listener.accept());
		accepted.await.expect("nothing reached Kubo").unwrap().0
	}

	/// An upload of `first`, then of `last` once `go` fires.
	fn upload(
		first: &'static [u8],
		go: tokio::sync::oneshot::Receiver<()>,
		last: Result<Bytes, StoreError>,
	) -> BoxStream<'static, Result<Bytes, StoreError>> {
		futures::stream::iter([Ok(Bytes::from_static(first))])
			.chain(futures::stream::once(async move {
				let _ = go.await;
				last
			}))
			.boxed()
	}

	fn contains(haystack: &[u8], needle: &[u8]) -> bool {
		haystack.windows(needle.len()).any(|window| window == needle)
	}

	#[tokio::test]
	async fn an_upload_reaches_kubo_while_it_is_still_arriving() {
		let (_dir, listener, store) = daemon().await;
		let (end, ended) = tokio::sync::oneshot::channel::<()>();
		// The upload's second piece comes only once Kubo has received the first.
		let upload = upload(b"FIRST PIECE ", ended, Ok(Bytes::from_static(b"LAST PIECE")));
		let cid = "bafkreigh2akiscaildcqabsyg3dfr6chu3fgpregiymsck7e7aqa4s52zy";
		let kubo = async move {
			let mut socket = accept(listener).await;
			let mut seen = Vec::new();
			assert!(read_until(&mut socket, &mut seen, |s| contains(s, b"FIRST PIECE")).await);
			assert!(!contains(&seen, b"LAST PIECE"));
			end.send(()).unwrap();
			let whole = |s: &[u8]| contains(s, b"LAST PIECE") && s.ends_with(b"0\r\n\r\n");
			assert!(read_until(&mut socket, &mut seen, whole).await);
			let answer = format!(r#"{{"Name":"{cid}","Hash":"{cid}","Size":"22"}}"#);
			let response = format!(
				"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n{answer}",
				answer.len()
			);
			socket.write_all(response.as_bytes()).await.unwrap();
			seen
		};
		let options = AddOptions { pin: false, ..Default::default() };
		let (added, seen) = tokio::join!(store.add_stream(upload, options), kubo);
		let added = added.unwrap();
		assert_eq!((added.cid.to_string().as_str(), added.dag_size), (cid, 22));
		assert!(contains(&seen, b"POST /api/v0/add?"));
	}

	#[tokio::test]
	async fn an_upload_that_fails_fails_the_add_with_its_own_error() {
		let (_dir, listener, store) = daemon().await;
		let (fail, failing) = tokio::sync::oneshot::channel::<()>();
		// The upload fails once Kubo has received its start.
		let upload =
			upload(b"THE START of something", failing, Err(StoreError::TooLarge { limit: 10 }));
		let kubo = tokio::spawn(async move {
			let mut socket = accept(listener).await;
			let mut seen = Vec::new();
			assert!(read_until(&mut socket, &mut seen, |s| contains(s, b"THE START")).await);
			fail.send(()).unwrap();
			// The request is cut off: the connection ends before a whole upload arrives.
			!read_until(&mut socket, &mut seen, |s| s.ends_with(b"0\r\n\r\n")).await
		});
		let options = AddOptions { pin: false, ..Default::default() };
		let refused = store.add_stream(upload, options).await;
		assert!(matches!(refused, Err(StoreError::TooLarge { limit: 10 })), "{refused:?}");
		assert!(kubo.await.unwrap(), "Kubo never got a complete upload");
	}
}
