//! What hydration needs from a content store: a body by CID, read within a size bound. The node
//! implements it over its IPFS store, so this crate depends on no store.

use bytes::Bytes;
use cid::Cid;
use futures::future::BoxFuture;

/// Reads post bodies.
pub trait BodyReader: Send + Sync + 'static {
	/// The bytes of the body at `cid`; a body larger than `limit` bytes is refused before its
	/// content is read.
	fn read<'a>(&'a self, cid: &'a Cid, limit: u64) -> BoxFuture<'a, Result<Bytes, BodyError>>;
}

/// Why a body could not be read.
#[derive(Debug, thiserror::Error)]
pub enum BodyError {
	/// It is larger than the limit asked for.
	#[error("the body is larger than {0} bytes")]
	TooLarge(u64),
	/// The store does not have it, or could not read it.
	#[error("{0}")]
	Unavailable(String),
}
