//! `ipfs_pinStatus`: which bodies referenced on chain this node has pinned, which are missing and
//! which failed.

use std::sync::Arc;

use cid::Cid;
use jsonrpsee::{
	core::RpcResult,
	proc_macros::rpc,
	types::{error::ErrorObjectOwned, ErrorCode},
};

use crate::{
	pinner::{PinBook, PinCounts, PinStatus},
	store::ContentStore,
};

/// The most statuses one answer lists.
const MAX_LISTED: usize = 1000;
/// How many not-pinned CIDs a page lists unless asked for another number.
const DEFAULT_PAGE: usize = 100;

/// The answer of `ipfs_pinStatus`.
#[derive(Clone, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PinReport {
	/// Which store keeps the content.
	pub store: String,
	/// How many referenced CIDs are pinned, missing and failed.
	pub counts: PinCounts,
	/// Bytes of blocks kept by the embedded store (`null` with an external daemon).
	pub stored_bytes: Option<u64>,
	/// The CIDs asked about (`null` state: nothing on chain refers to it), or, when none were
	/// asked about, a page of the CIDs not pinned.
	pub items: Vec<PinStatusItem>,
	/// Without CIDs asked about: pass it back as `cursor` for the next page (`null` at the end).
	pub next_cursor: Option<String>,
	/// The last finalized block the pinner has processed.
	pub processed_block: Option<u32>,
	/// Why the pinner is stopped at a block (`null` while it keeps up).
	pub stopped: Option<String>,
}

/// One CID in a [`PinReport`].
#[derive(Clone, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PinStatusItem {
	/// The CID as asked.
	pub cid: String,
	/// Its status, `null` when nothing on chain refers to it.
	pub status: Option<PinStatus>,
}

/// The IPFS JSON-RPC methods.
#[rpc(server, namespace = "ipfs")]
pub trait IpfsRpc {
	/// Pin status of the given CIDs, or a page of the CIDs not pinned yet (after `cursor`, at
	/// most `limit`: 1–1000, 100 by default).
	#[method(name = "pinStatus")]
	fn pin_status(
		&self,
		cids: Option<Vec<String>>,
		cursor: Option<String>,
		limit: Option<u32>,
	) -> RpcResult<PinReport>;
}

/// The handler.
pub struct Ipfs {
	book: Arc<PinBook>,
	store: Arc<dyn ContentStore>,
}

impl Ipfs {
	/// Serves the pinner's `book` and the `store`'s figures.
	pub fn new(book: Arc<PinBook>, store: Arc<dyn ContentStore>) -> Self {
		Self { book, store }
	}
}

impl IpfsRpcServer for Ipfs {
	fn pin_status(
		&self,
		cids: Option<Vec<String>>,
		cursor: Option<String>,
		limit: Option<u32>,
	) -> RpcResult<PinReport> {
		let internal = |e: std::io::Error| {
			ErrorObjectOwned::owned(ErrorCode::InternalError.code(), e.to_string(), None::<()>)
		};
		let mut next_cursor = None;
		let items = match cids {
			Some(cids) => {
				if cids.len() > MAX_LISTED {
					return Err(invalid_params(format!("at most {MAX_LISTED} CIDs per call")));
				}
				let mut items = Vec::with_capacity(cids.len());
				for text in cids {
					let cid = Cid::try_from(text.as_str())
						.map_err(|e| invalid_params(format!("{text:?} is not a CID: {e}")))?;
					items.push(PinStatusItem {
						status: self.book.status(&cid).map_err(internal)?,
						cid: text,
					});
				}
				items
			},
			None => {
				let limit = match limit.map(|l| l as usize).unwrap_or(DEFAULT_PAGE) {
					0 => return Err(invalid_params("limit must be at least 1".into())),
					n if n > MAX_LISTED => {
						return Err(invalid_params(format!("limit must be at most {MAX_LISTED}")))
					},
					n => n,
				};
				let after = cursor
					.map(|text| {
						Cid::try_from(text.as_str())
							.map_err(|_| invalid_params(format!("{text:?} is not a cursor")))
					})
					.transpose()?;
				let (statuses, last) =
					self.book.unpinned(after.as_ref(), limit).map_err(internal)?;
				next_cursor = last.map(|cid| cid.to_string());
				statuses
					.into_iter()
					.map(|status| PinStatusItem { cid: status.cid.clone(), status: Some(status) })
					.collect()
			},
		};
		Ok(PinReport {
			store: self.store.describe(),
			counts: self.book.counts(),
			stored_bytes: self.store.stored_bytes(),
			items,
			next_cursor,
			processed_block: self.book.last_block().map_err(internal)?.map(|(number, _)| number),
			stopped: self.book.stopped(),
		})
	}
}

fn invalid_params(message: String) -> ErrorObjectOwned {
	ErrorObjectOwned::owned(ErrorCode::InvalidParams.code(), message, None::<()>)
}
