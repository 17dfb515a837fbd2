//! The embedded store as bitswap's blockstore, read-only: bitswap serves what the store holds
//! (pinned content and the bounded cache, nothing else). What it fetches is kept by the store
//! itself, which asked for it, checked against its CID, before the fetch returns; so a pin
//! never finishes before its blocks are written.

use std::sync::Arc;

use blockstore::{Blockstore, Error};
use cid::{Cid, CidGeneric};

use crate::{embedded::LocalBlocks, metrics::NetworkMetrics, StoreError};

/// The store's blocks, for bitswap, and the metrics that count what it serves.
pub struct BitswapBlocks(pub LocalBlocks, pub Option<Arc<NetworkMetrics>>);

fn cid<const S: usize>(cid: &CidGeneric<S>) -> Result<Cid, Error> {
	Cid::try_from(cid.to_bytes()).map_err(|_| Error::CidTooLarge)
}

fn error(e: StoreError) -> Error {
	Error::StoredDataError(e.to_string())
}

impl Blockstore for BitswapBlocks {
	async fn get<const S: usize>(&self, wanted: &CidGeneric<S>) -> Result<Option<Vec<u8>>, Error> {
		let block = self.0.get(&cid(wanted)?).await.map_err(error)?;
		// Bitswap reads its own store only to serve peers: the node fetches what it lacks itself.
		if let (Some(metrics), Some(block)) = (&self.1, &block) {
			metrics.served(block.len());
		}
		Ok(block.map(|bytes| bytes.to_vec()))
	}

	/// The store keeps the blocks it fetches itself.
	async fn put_keyed<const S: usize>(&self, _: &CidGeneric<S>, _: &[u8]) -> Result<(), Error> {
		Ok(())
	}

	/// Blocks go only through the store's own garbage collection.
	async fn remove<const S: usize>(&self, _: &CidGeneric<S>) -> Result<(), Error> {
		Ok(())
	}

	async fn close(self) -> Result<(), Error> {
		Ok(())
	}
}
