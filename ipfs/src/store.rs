//! What the rest of the node needs from IPFS: add, read and pin content by CID.

use std::{fmt, ops::Range};

use async_trait::async_trait;
use bytes::Bytes;
use cid::{Cid, Version};
use codec::{Decode, Encode};
use futures::{stream::BoxStream, StreamExt};

/// How [`ContentStore::add`] chunks, hashes and keeps a body. The defaults are Kubo's `ipfs add`
/// defaults: CIDv0, dag-pb leaves, pinned.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AddOptions {
	/// CIDv0 (base58 `Qm…`) or CIDv1 (base32 `b…`).
	pub cid_version: Version,
	/// Leaves as raw blocks (codec 0x55) instead of dag-pb UnixFS nodes. Kubo turns it on with
	/// CIDv1 unless told otherwise.
	pub raw_leaves: bool,
	/// Compute the CID only; store nothing.
	pub only_hash: bool,
	/// Pin the content once stored.
	pub pin: bool,
}

impl Default for AddOptions {
	fn default() -> Self {
		Self { cid_version: Version::V0, raw_leaves: false, only_hash: false, pin: true }
	}
}

/// What [`ContentStore::add`] made of a body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Added {
	/// The root CID.
	pub cid: Cid,
	/// The DAG's cumulative size in bytes (Kubo's `Size`): every block, framing included.
	pub dag_size: u64,
}

/// A file the gateway serves, before any of its content is read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FileStat {
	/// The file's own CID (below the directory a path named).
	pub cid: Cid,
	/// The content size it declares.
	pub size: u64,
}

/// Why a store operation failed.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
	/// No block of the content could be found, locally or from the configured sources, within
	/// the fetch timeout.
	#[error("{0} was not found (looked locally and at every configured source)")]
	NotFound(Cid),
	/// Reading or pinning the content took longer than the fetch timeout.
	#[error("{0} could not be read within the fetch timeout")]
	TimedOut(Cid),
	/// The content is larger than the limit (the configured one, or the size declared on chain).
	#[error("the content is larger than the {limit}-byte limit")]
	TooLarge {
		/// The limit, in bytes.
		limit: u64,
	},
	/// The CID names something that is not a UnixFS file or directory (or a sharded directory,
	/// which this store does not read).
	#[error("{0} is not a readable UnixFS file: {1}")]
	Unreadable(Cid, String),
	/// A path segment names no link of the directory.
	#[error("no link named {name:?} under {cid}")]
	NoSuchLink {
		/// The directory.
		cid: Cid,
		/// The missing name.
		name: String,
	},
	/// `unpin` of content that is not pinned (by the one who asks).
	#[error("{0} is not pinned")]
	NotPinned(Cid),
	/// `pin/rm` through the API of content only the chain keeps pinned.
	#[error(
		"{0} is pinned because a post or profile on chain refers to it; the node unpins it once \
		 none does"
	)]
	PinnedByChain(Cid),
	/// The external daemon or the database failed.
	#[error("{0}")]
	Backend(String),
}

/// A content store: the embedded one under the base path, or an external Kubo daemon.
#[async_trait]
pub trait ContentStore: Send + Sync + 'static {
	/// Chunks and hashes `body` as `ipfs add` does and, unless `only_hash`, stores it.
	async fn add(&self, body: Bytes, options: AddOptions) -> Result<Added, StoreError>;

	/// [`Self::add`] of a body that arrives in pieces (an upload). The caller bounds its length;
	/// this gathers it whole and adds it, unless the store does better (the embedded store
	/// writes blocks as they are made and never holds the whole body).
	async fn add_stream(
		&self,
		mut body: BoxStream<'_, Result<Bytes, StoreError>>,
		options: AddOptions,
	) -> Result<Added, StoreError> {
		let mut whole = Vec::new();
		while let Some(piece) = body.next().await {
			whole.extend_from_slice(&piece?);
		}
		self.add(whole.into(), options).await
	}

	/// The bytes of the UnixFS file at `cid`, or at `path` below it when `cid` is a directory.
	/// A file larger than `limit` bytes (or than the store's own limit) is refused with
	/// [`StoreError::TooLarge`] before its content is read.
	async fn cat(&self, cid: &Cid, path: &[String], limit: u64) -> Result<Bytes, StoreError>;

	/// The file at `cid`, or at `path` below it: its own CID and declared size, from its root
	/// block alone.
	async fn stat(&self, cid: &Cid, path: &[String]) -> Result<FileStat, StoreError>;

	/// Bytes `range` of the file `cid` (as [`Self::stat`] names it; a range past its end is cut
	/// there), reading only the blocks that hold them. A file larger than `limit` bytes is refused
	/// as by [`Self::cat`].
	async fn cat_range(
		&self,
		cid: &Cid,
		range: Range<u64>,
		limit: u64,
	) -> Result<Bytes, StoreError>;

	/// The bytes of the UnixFS file (or raw block) at `cid` when this node holds all of them, up
	/// to `limit` as [`Self::cat`]; never fetched from the network ([`StoreError::NotFound`]
	/// otherwise). Readers of the social API read this way: fetching is the pinner's.
	async fn read_local(&self, cid: &Cid, limit: u64) -> Result<Bytes, StoreError>;

	/// One raw block.
	async fn block(&self, cid: &Cid) -> Result<Bytes, StoreError>;

	/// Pins the whole DAG under `cid` for `owner`, fetching what is missing. Content larger than
	/// `limit` bytes (or than the store's own limit) is refused with [`StoreError::TooLarge`]
	/// once that shows, before more is fetched: see [`crate::dag`].
	/// Says where the blocks came from, when the store knows.
	async fn pin(
		&self,
		cid: &Cid,
		limit: u64,
		owner: PinOwner,
	) -> Result<Option<Provenance>, StoreError>;

	/// Removes `owner`'s pin of `cid`; the content stays pinned while its other owner keeps it.
	async fn unpin(&self, cid: &Cid, owner: PinOwner) -> Result<(), StoreError>;

	/// Every pinned root.
	async fn pins(&self) -> Result<Vec<Cid>, StoreError>;

	/// Bytes of blocks kept on this node's disk (`None` when an external daemon keeps them).
	fn stored_bytes(&self) -> Option<u64>;

	/// Which store this is, for logs and `/api/v0/id`.
	fn describe(&self) -> String;
}

/// Where the blocks of a pin came from, counted by [`ContentStore::pin`] of the embedded store
/// (an external daemon fetches for itself and does not say).
#[derive(Encode, Decode, Clone, Copy, Default, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Provenance {
	/// Blocks this node already held (added through its API, or kept for another pin).
	pub local: u32,
	/// Blocks IPFS peers sent over bitswap.
	pub peers: u32,
	/// Blocks the `--ipfs-source` HTTP endpoints sent.
	pub sources: u32,
}

impl Provenance {
	/// Counts one block from `origin`.
	pub fn count(&mut self, origin: Origin) {
		let count = match origin {
			Origin::Local => &mut self.local,
			Origin::Peers => &mut self.peers,
			Origin::Sources => &mut self.sources,
		};
		*count = count.saturating_add(1);
	}
}

/// Where one block came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Origin {
	/// This node's database.
	Local,
	/// An IPFS peer, over bitswap.
	Peers,
	/// An `--ipfs-source`.
	Sources,
}

/// Who keeps a pin. The chain's pins and people's pins are kept apart: a deleted post does not
/// unpin what someone pinned through the API, and `pin/rm` through the API does not drop what
/// the chain needs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PinOwner {
	/// The pinner: a finalized post or profile refers to the content.
	Chain,
	/// Someone through the IPFS API (`add`, `pin/add`).
	User,
}

impl PinOwner {
	fn bit(self) -> u8 {
		match self {
			Self::Chain => 1,
			Self::User => 2,
		}
	}
}

/// The owners of one pin, as a pins record keeps them (one byte).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Owners(u8);

impl Owners {
	/// The owners a pins record names: none without a record, both for a record written before
	/// owners were kept (an empty value).
	pub fn from_record(value: Option<&[u8]>) -> Self {
		match value {
			None => Self(0),
			Some([]) => Self(PinOwner::Chain.bit() | PinOwner::User.bit()),
			Some([bits, ..]) => Self(*bits),
		}
	}

	/// Whether `owner` is one of them.
	pub fn has(self, owner: PinOwner) -> bool {
		self.0 & owner.bit() != 0
	}

	/// With `owner` added.
	pub fn with(self, owner: PinOwner) -> Self {
		Self(self.0 | owner.bit())
	}

	/// Without `owner`; refuses when `owner` does not keep `cid` pinned.
	pub fn without(self, owner: PinOwner, cid: &Cid) -> Result<Self, StoreError> {
		match (self.has(owner), owner) {
			(true, _) => Ok(Self(self.0 & !owner.bit())),
			(false, PinOwner::User) if self.has(PinOwner::Chain) => {
				Err(StoreError::PinnedByChain(*cid))
			},
			(false, _) => Err(StoreError::NotPinned(*cid)),
		}
	}

	/// Whether nobody keeps the pin any more.
	pub fn is_empty(self) -> bool {
		self.0 == 0
	}

	/// The record's value.
	pub fn to_record(self) -> [u8; 1] {
		[self.0]
	}
}

/// Runs database work on a blocking thread.
pub(crate) async fn blocking<T: Send + 'static>(
	work: impl FnOnce() -> Result<T, StoreError> + Send + 'static,
) -> Result<T, StoreError> {
	tokio::task::spawn_blocking(work).await.map_err(|e| StoreError::Backend(e.to_string()))?
}

/// Parses a CID given as text, or as an `/ipfs/<cid>/path…` path; returns the CID and the path's
/// segments. Refuses segments that are empty, `.` or `..`, or that hold a backslash.
pub fn parse_ipfs_path(text: &str) -> Result<(Cid, Vec<String>), PathError> {
	let trimmed = text.strip_prefix("/ipfs/").unwrap_or(text);
	let mut parts = trimmed.split('/');
	let root = parts.next().unwrap_or_default();
	let cid = Cid::try_from(root).map_err(|_| PathError::InvalidCid(root.to_owned()))?;
	let mut segments = Vec::new();
	for segment in parts {
		// A trailing slash names the same thing.
		if segment.is_empty() && segments.is_empty() && trimmed.ends_with('/') {
			continue;
		}
		if segment.is_empty() || segment == "." || segment == ".." || segment.contains('\\') {
			return Err(PathError::Escapes(text.to_owned()));
		}
		segments.push(segment.to_owned());
	}
	Ok((cid, segments))
}

/// Why an IPFS path was refused.
#[derive(Debug, PartialEq, Eq)]
pub enum PathError {
	/// The first segment is not a CID.
	InvalidCid(String),
	/// A segment is empty, `.`, `..` or holds a backslash.
	Escapes(String),
}

impl fmt::Display for PathError {
	fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
		match self {
			Self::InvalidCid(text) => write!(f, "invalid CID {text:?}"),
			Self::Escapes(path) => {
				write!(f, "path {path:?} has an empty, '.', '..' or backslash segment")
			},
		}
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	const HELLO: &str = "QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5o";

	#[test]
	fn parses_bare_cids_and_ipfs_paths() {
		let (cid, path) = parse_ipfs_path(HELLO).unwrap();
		assert_eq!(cid.to_string(), HELLO);
		assert!(path.is_empty());
		let (cid, path) = parse_ipfs_path(&format!("/ipfs/{HELLO}/docs/a.txt")).unwrap();
		assert_eq!(cid.to_string(), HELLO);
		assert_eq!(path, vec!["docs".to_owned(), "a.txt".to_owned()]);
		assert!(parse_ipfs_path(&format!("{HELLO}/")).unwrap().1.is_empty());
	}

	#[test]
	fn refuses_bad_cids_and_escaping_paths() {
		assert_eq!(parse_ipfs_path("Qmnope"), Err(PathError::InvalidCid("Qmnope".into())));
		for bad in ["/../etc/passwd", "/a/../b", "/./a", "//a", "/a\\b"] {
			let path = format!("{HELLO}{bad}");
			assert_eq!(parse_ipfs_path(&path), Err(PathError::Escapes(path.clone())), "{bad}");
		}
	}
}
