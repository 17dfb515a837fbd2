//! Walking DAGs that strangers wrote, within bounds.
//!
//! A root may declare any size and link anything: a UnixFS "bomb" links the same empty child
//! hundreds of times over a few levels, so a naive read visits W^D blocks while its output never
//! grows, and a root may declare a few bytes and link megabytes. Every walk in this crate is
//! bounded by the content's size limit (the root's declared file size and the bytes of its
//! blocks), by the number of blocks it visits, and by its caller's deadline.

use std::{collections::HashSet, future::Future};

use futures::{stream::FuturesUnordered, StreamExt};

use bytes::Bytes;
use cid::Cid;
use ipld_core::codec::Links;
use rust_unixfs::file::visit::IdleFileVisit;
use serde_ipld_dagcbor::codec::DagCborCodec;
use serde_ipld_dagjson::codec::DagJsonCodec;

use crate::store::StoreError;

/// The multicodec of raw blocks.
pub const RAW: u64 = 0x55;
/// The multicodec of dag-pb blocks.
pub const DAG_PB: u64 = 0x70;
/// The multicodec of dag-cbor blocks.
pub const DAG_CBOR: u64 = 0x71;
/// The multicodec of dag-json blocks.
pub const DAG_JSON: u64 = 0x0129;
/// The largest block accepted from anyone (Kubo's own limit is 2 MiB).
pub const MAX_BLOCK: usize = 2 * 1024 * 1024;
/// Block bytes a DAG may hold beyond its content and [`FRAMING_PER_64`]: the root and branch
/// nodes of a small file.
const FRAMING_ALLOWANCE: u64 = 4 * 1024;
/// Framing a DAG may add per 64 content bytes (one byte: Kubo's dag-pb wraps a 256 KiB chunk in
/// 14 bytes and links 174 chunks with about 50 bytes each).
const FRAMING_PER_64: u64 = 1;
/// The fewest content bytes a file may hold per block it links, on average: Kubo's chunks hold
/// 256 KiB; this still reads files cut into 1 KiB chunks, and keeps a bomb's walk under a
/// second at the 32 MiB default content limit.
const MIN_BYTES_PER_BLOCK: u64 = 1024;
/// Blocks any walk may visit beyond one per [`MIN_BYTES_PER_BLOCK`].
const VISITS_ALLOWANCE: u64 = 64;

/// The most bytes of blocks a DAG of at most `limit` content bytes may hold.
pub fn block_bytes_budget(limit: u64) -> u64 {
	limit.saturating_add(FRAMING_ALLOWANCE).saturating_add(limit / 64 * FRAMING_PER_64)
}

/// The most blocks a walk over at most `size` content bytes may visit (counting a block linked
/// twice twice).
pub fn visits_budget(size: u64) -> u64 {
	VISITS_ALLOWANCE.saturating_add(size / MIN_BYTES_PER_BLOCK)
}

/// The content size a root block declares: a raw block's length, a UnixFS file's `filesize`;
/// `None` for anything else (a directory, another codec).
pub fn declared_size(cid: &Cid, block: &[u8]) -> Option<u64> {
	match cid.codec() {
		RAW => Some(block.len() as u64),
		DAG_PB => IdleFileVisit::default().start(block).ok().map(|(_, size, _, _)| size),
		_ => None,
	}
}

/// The content size the root block of file `cid` declares, or why it is not a file.
pub fn file_size(cid: &Cid, root: &[u8]) -> Result<u64, StoreError> {
	declared_size(cid, root).ok_or_else(|| unreadable(*cid, "it is not a UnixFS file"))
}

/// The most blocks of one DAG [`fetch_all`] asks for at once.
pub const FETCHES_IN_FLIGHT: usize = 16;

/// One walk's bounds for a DAG of at most `limit` content bytes: the blocks it has asked for,
/// the bytes it has received.
struct Bounds {
	root: Cid,
	limit: u64,
	seen: HashSet<Cid>,
	bytes: u64,
}

impl Bounds {
	fn new(root: Cid, limit: u64) -> Self {
		Self { root, limit, seen: HashSet::new(), bytes: 0 }
	}

	fn too_large(&self) -> StoreError {
		StoreError::TooLarge { limit: self.limit }
	}

	/// Whether `cid` is still to be asked for (not seen before); an error past the visits budget.
	fn ask(&mut self, cid: Cid) -> Result<bool, StoreError> {
		if !self.seen.insert(cid) {
			return Ok(false);
		}
		if self.seen.len() as u64 > visits_budget(self.limit) {
			return Err(self.too_large());
		}
		Ok(true)
	}

	/// Checks a block that arrived: the root's declared size, every block's bytes.
	fn arrived(&mut self, cid: &Cid, block: &[u8]) -> Result<(), StoreError> {
		if *cid == self.root && declared_size(cid, block).is_some_and(|size| size > self.limit) {
			return Err(self.too_large());
		}
		self.bytes = self.bytes.saturating_add(block.len() as u64);
		if self.bytes > block_bytes_budget(self.limit) {
			return Err(self.too_large());
		}
		Ok(())
	}
}

/// Fetches every distinct block under `root` with `fetch` (which keeps what it fetches), up to
/// [`FETCHES_IN_FLIGHT`] at once once the root is here. Refuses with [`StoreError::TooLarge`] a
/// root that declares more than `limit` content bytes (before any other block is asked for), and
/// a DAG whose blocks hold more than [`block_bytes_budget`] or number more than
/// [`visits_budget`], as soon as that shows.
pub async fn fetch_all<F, Fut>(root: &Cid, limit: u64, mut fetch: F) -> Result<(), StoreError>
where
	F: FnMut(Cid) -> Fut,
	Fut: Future<Output = Result<Bytes, StoreError>>,
{
	let mut bounds = Bounds::new(*root, limit);
	let mut pending = vec![*root];
	let mut in_flight = FuturesUnordered::new();
	loop {
		while in_flight.len() < FETCHES_IN_FLIGHT {
			let Some(next) = pending.pop() else { break };
			if bounds.ask(next)? {
				let fetched = fetch(next);
				in_flight.push(async move { (next, fetched.await) });
			}
		}
		let Some((cid, block)) = in_flight.next().await else { return Ok(()) };
		let block = block?;
		bounds.arrived(&cid, &block)?;
		pending.extend(links(&cid, block)?);
	}
}

/// Fetches every distinct block under `root` one at a time within [`fetch_all`]'s bounds, giving
/// `visit` each in depth-first order, links in the order their parent lists them (the order of a
/// CAR file's blocks).
pub async fn walk<F, Fut>(
	root: &Cid,
	limit: u64,
	mut fetch: F,
	mut visit: impl FnMut(Cid, &Bytes),
) -> Result<(), StoreError>
where
	F: FnMut(Cid) -> Fut,
	Fut: Future<Output = Result<Bytes, StoreError>>,
{
	let mut bounds = Bounds::new(*root, limit);
	let mut pending = vec![*root];
	while let Some(next) = pending.pop() {
		if !bounds.ask(next)? {
			continue;
		}
		let block = fetch(next).await?;
		bounds.arrived(&next, &block)?;
		visit(next, &block);
		pending.extend(links(&next, block)?.into_iter().rev());
	}
	Ok(())
}

/// The CIDs a block links: a dag-pb node's links, every link anywhere in a dag-cbor or dag-json
/// document (found without building the document); none for raw blocks and other codecs.
pub fn links(cid: &Cid, block: Bytes) -> Result<Vec<Cid>, StoreError> {
	let fail = |e: &dyn std::fmt::Display| unreadable(*cid, e);
	Ok(match cid.codec() {
		DAG_PB => ipld_dagpb::PbNode::from_bytes(block)
			.map_err(|e| fail(&e))?
			.links
			.into_iter()
			.map(|link| link.cid)
			.collect(),
		DAG_CBOR => DagCborCodec::links(&block).map_err(|e| fail(&e))?.collect(),
		DAG_JSON => DagJsonCodec::links(&block).map_err(|e| fail(&e))?.collect(),
		_ => Vec::new(),
	})
}

/// [`StoreError::Unreadable`] of `cid` for `reason`.
pub fn unreadable(cid: Cid, reason: impl ToString) -> StoreError {
	StoreError::Unreadable(cid, reason.to_string())
}

#[cfg(test)]
mod tests {
	use std::collections::HashMap;

	use multihash_codetable::{Code, MultihashDigest};

	use super::*;

	fn cid_of(codec: u64, block: &[u8]) -> Cid {
		Cid::new_v1(codec, Code::Sha2_256.digest(block))
	}

	#[test]
	fn links_are_found_anywhere_in_dag_cbor_and_dag_json_documents() {
		let (a, b) = (cid_of(RAW, b"a"), cid_of(RAW, b"b"));
		// {"body": a, "attachments": [{"file": b}], "n": 1}
		let cbor = serde_ipld_dagcbor::to_vec(&ipld_core::ipld!({
			"body": a,
			"attachments": [{ "file": b }],
			"n": 1,
		}))
		.unwrap();
		let sorted = |mut cids: Vec<Cid>| {
			cids.sort();
			cids
		};
		let found = links(&cid_of(DAG_CBOR, &cbor), cbor.clone().into()).unwrap();
		assert_eq!(sorted(found), sorted(vec![a, b]), "every link, however deep");
		let json = format!(r#"{{"body":{{"/":"{a}"}},"attachments":[{{"file":{{"/":"{b}"}}}}]}}"#);
		let found = links(&cid_of(DAG_JSON, json.as_bytes()), json.clone().into()).unwrap();
		assert_eq!(sorted(found), sorted(vec![a, b]));
		// Not a document of its codec: unreadable, not "no links".
		let garbage = Bytes::from_static(b"\xff\xff not cbor");
		assert!(matches!(
			links(&cid_of(DAG_CBOR, &garbage), garbage),
			Err(StoreError::Unreadable(..))
		));
		assert!(links(&cid_of(RAW, b"raw"), Bytes::from_static(b"raw")).unwrap().is_empty());
	}

	#[tokio::test]
	async fn fetching_a_dag_cbor_root_fetches_what_it_links() {
		let leaf = Bytes::from_static(b"a body linked from a document");
		let leaf_cid = cid_of(RAW, &leaf);
		let root = serde_ipld_dagcbor::to_vec(&ipld_core::ipld!({ "body": leaf_cid })).unwrap();
		let root_cid = cid_of(DAG_CBOR, &root);
		let blocks: HashMap<Cid, Bytes> =
			[(root_cid, Bytes::from(root)), (leaf_cid, leaf)].into_iter().collect();
		let mut fetched = Vec::new();
		fetch_all(&root_cid, 1024, |cid| {
			fetched.push(cid);
			let block = blocks.get(&cid).cloned().ok_or(StoreError::NotFound(cid));
			async move { block }
		})
		.await
		.unwrap();
		assert_eq!(fetched, vec![root_cid, leaf_cid]);
	}

	#[tokio::test]
	async fn a_dags_children_are_fetched_concurrently_and_boundedly() {
		// A root linking 40 leaves (dag-cbor, so the test builds it directly).
		let leaves: Vec<Bytes> =
			(0..40u32).map(|i| Bytes::from(i.to_le_bytes().to_vec())).collect();
		let leaf_cids: Vec<Cid> = leaves.iter().map(|leaf| cid_of(RAW, leaf)).collect();
		let list: Vec<ipld_core::ipld::Ipld> =
			leaf_cids.iter().map(|cid| ipld_core::ipld::Ipld::Link(*cid)).collect();
		let root = serde_ipld_dagcbor::to_vec(&ipld_core::ipld::Ipld::List(list)).unwrap();
		let root_cid = cid_of(DAG_CBOR, &root);
		let mut blocks: HashMap<Cid, Bytes> = leaf_cids.into_iter().zip(leaves).collect();
		blocks.insert(root_cid, root.into());
		let (now, most) = (std::cell::Cell::new(0usize), std::cell::Cell::new(0usize));
		fetch_all(&root_cid, 1 << 20, |cid| {
			let block = blocks.get(&cid).cloned().ok_or(StoreError::NotFound(cid));
			let (now, most) = (&now, &most);
			async move {
				now.set(now.get() + 1);
				most.set(most.get().max(now.get()));
				tokio::time::sleep(std::time::Duration::from_millis(5)).await;
				now.set(now.get() - 1);
				block
			}
		})
		.await
		.unwrap();
		assert_eq!(most.get(), FETCHES_IN_FLIGHT, "as many at once as allowed, and no more");
	}
}
