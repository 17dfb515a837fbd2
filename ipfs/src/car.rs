//! CAR v1 files (content-addressed archives), as the trustless gateway answers
//! `?format=car`: a DAG-CBOR header naming the root, then each block of the DAG (depth-first,
//! each once) as a varint length, its CID's bytes and its bytes. A client checks every block
//! against its CID, so it need not trust the gateway.

use bytes::Bytes;
use cid::Cid;
use serde::Serialize;

use crate::{
	dag,
	store::{ContentStore, StoreError},
};

/// The media type of a CAR v1 answer.
pub const CAR_TYPE: &str = "application/vnd.ipld.car; version=1";

/// A CAR file's header.
#[derive(Serialize)]
struct Header {
	roots: Vec<Cid>,
	version: u64,
}

/// Appends a varint length and `parts` as one section.
fn section(out: &mut Vec<u8>, parts: &[&[u8]]) {
	let length = parts.iter().map(|part| part.len()).sum::<usize>() as u64;
	out.extend_from_slice(unsigned_varint::encode::u64(
		length,
		&mut unsigned_varint::encode::u64_buffer(),
	));
	for part in parts {
		out.extend_from_slice(part);
	}
}

/// The CAR file of the DAG under `root`, within the walk's bounds for `limit` content bytes.
pub async fn car(store: &dyn ContentStore, root: &Cid, limit: u64) -> Result<Bytes, StoreError> {
	let header = Header { roots: vec![*root], version: 1 };
	let header = serde_ipld_dagcbor::to_vec(&header)
		.map_err(|e| StoreError::Backend(format!("cannot encode a CAR header: {e}")))?;
	let mut out = Vec::new();
	section(&mut out, &[&header]);
	dag::walk(
		root,
		limit,
		|cid| async move { store.block(&cid).await },
		|cid, block| {
			section(&mut out, &[&cid.to_bytes(), block]);
		},
	)
	.await?;
	Ok(out.into())
}

#[cfg(test)]
mod tests {
	use std::time::Duration;

	use multihash_codetable::{Code, MultihashDigest};

	use super::*;
	use crate::{db, embedded::EmbeddedStore, AddOptions};

	/// The sections of `car`: (length-prefixed) bytes each.
	fn sections(mut car: &[u8]) -> Vec<&[u8]> {
		let mut out = Vec::new();
		while !car.is_empty() {
			let (length, rest) = unsigned_varint::decode::u64(car).unwrap();
			out.push(&rest[..length as usize]);
			car = &rest[length as usize..];
		}
		out
	}

	#[tokio::test]
	async fn a_car_holds_the_header_then_every_block_once_each_checkable() {
		let dir = tempfile::tempdir().unwrap();
		let store =
			EmbeddedStore::new(db::open(dir.path()).unwrap(), &[], Duration::from_secs(5), 8 << 20)
				.unwrap();
		// Three distinct 256 KiB chunks and a repeat of the first: four links, three leaves.
		let chunk = |b: u8| vec![b; 256 * 1024];
		let body = [chunk(1), chunk(2), chunk(3), chunk(1)].concat();
		let root = store.add(body.into(), AddOptions::default()).await.unwrap().cid;
		let car = car(&store, &root, 8 << 20).await.unwrap();

		let sections = sections(&car);
		let header: ipld_core::ipld::Ipld = serde_ipld_dagcbor::from_slice(sections[0]).unwrap();
		assert_eq!(header, ipld_core::ipld!({ "roots": [root], "version": 1 }));
		let blocks: Vec<(Cid, &[u8])> = sections[1..]
			.iter()
			.map(|section| {
				let mut reader = &section[..];
				let cid = Cid::read_bytes(&mut reader).unwrap();
				(cid, reader)
			})
			.collect();
		assert_eq!(blocks.len(), 4, "the root and three distinct leaves");
		assert_eq!(blocks[0].0, root, "the root comes first");
		for (cid, block) in &blocks {
			let code = Code::try_from(cid.hash().code()).unwrap();
			assert_eq!(code.digest(block), *cid.hash(), "{cid} does not match its block");
		}
		// Depth-first, links in the root's order (the repeated chunk once).
		let links = ipld_dagpb::PbNode::from_bytes(blocks[0].1.to_vec().into()).unwrap().links;
		let linked: Vec<Cid> = links.iter().map(|link| link.cid).collect();
		assert_eq!(linked.len(), 4);
		assert_eq!(linked[0], linked[3]);
		let carried: Vec<Cid> = blocks[1..].iter().map(|(cid, _)| *cid).collect();
		assert_eq!(carried, linked[..3]);
	}
}
