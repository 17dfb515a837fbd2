//! The node's side of IPFS (the service itself is the `plaza-ipfs` crate): the pinner as a
//! consumer of the node's follower of finality (it keeps, of each block's translated events,
//! those that name a body), and the bodies the store holds, for the social API's hydration.

use std::sync::Arc;

use futures::{future::BoxFuture, FutureExt};
use plaza_ipfs::{Body, Cid, ContentStore, PinFeed, Reference, StoreError};
use plaza_rpc::{
	bodies::{BodyError, BodyReader},
	events::{FinalizedBlock, SocialEvent},
	follower::BlockConsumer,
};

/// The most bytes of a profile's metadata document that are pinned (the chain declares no size
/// for it; a document names its images by CID rather than holding them).
pub const MAX_PROFILE_DOCUMENT: u64 = 64 * 1024;

/// The pinner, fed by the follower of finality.
pub struct PinnerConsumer(pub PinFeed);

impl BlockConsumer for PinnerConsumer {
	fn name(&self) -> &'static str {
		"pinner"
	}

	fn last_block(&self) -> Result<Option<(u32, [u8; 32])>, String> {
		self.0.last_block().map_err(|e| e.to_string())
	}

	fn start_over(&self) -> Result<(), String> {
		self.0.start_over().map_err(|e| e.to_string())
	}

	fn apply(&self, block: &FinalizedBlock) -> Result<(), String> {
		self.0.apply(block.number, block.hash, references_changed(block)).map_err(|e| e.to_string())
	}

	fn following(&self) {
		self.0.following()
	}

	fn stopped(&self, why: Option<&str>) {
		self.0.stopped(why)
	}
}

/// The references to bodies a block changed, each with the body it names now (`None`: none).
fn references_changed(block: &FinalizedBlock) -> Vec<(Reference, Option<Body>)> {
	block
		.events
		.iter()
		.filter_map(|event| match event {
			SocialEvent::PostCreated { post_id, content, body_size, .. }
			| SocialEvent::PostEdited { post_id, content, body_size, .. } => {
				let body = Body { cid: *content, max_size: (*body_size).into() };
				Some((Reference::Post(*post_id), Some(body)))
			},
			SocialEvent::PostDeleted { post_id } => Some((Reference::Post(*post_id), None)),
			SocialEvent::ProfileSet { who, metadata, .. } => {
				let body = metadata.map(|cid| Body { cid, max_size: MAX_PROFILE_DOCUMENT });
				Some((Reference::Profile(*who), body))
			},
			SocialEvent::ProfileCleared { who } => Some((Reference::Profile(*who), None)),
			_ => None,
		})
		.collect()
}

/// Post bodies this node's IPFS store holds, for hydration (never fetched from the network on an
/// RPC call: the pinner fetches them).
pub struct StoreBodies(pub Arc<dyn ContentStore>);

impl BodyReader for StoreBodies {
	fn read<'a>(
		&'a self,
		cid: &'a Cid,
		limit: u64,
	) -> BoxFuture<'a, Result<plaza_ipfs::Bytes, BodyError>> {
		async move {
			self.0.read_local(cid, limit).await.map_err(|e| match e {
				StoreError::TooLarge { limit } => BodyError::TooLarge(limit),
				other => BodyError::Unavailable(other.to_string()),
			})
		}
		.boxed()
	}
}
