//! The node's side of IPFS (the service itself is the `plaza-ipfs` crate): what finalized blocks
//! reference, for the pinner (it reads the same translated events as the social index,
//! [`crate::social::ClientSocialSource`], and keeps those that name a body), and the bodies the
//! store holds, for the social API's hydration.

use std::sync::Arc;

use futures::{future::BoxFuture, stream::BoxStream, FutureExt};
use plaza_ipfs::{
	BlockReferences, Body, ChainReferences, Cid, ContentStore, Reference, StoreError,
};
use plaza_rpc::{
	bodies::{BodyError, BodyReader},
	events::SocialEvent,
	indexer::SocialSource,
};

use crate::social::ClientSocialSource;

/// The most bytes of a profile's metadata document that are pinned (the chain declares no size
/// for it; a document names its images by CID rather than holding them).
pub const MAX_PROFILE_DOCUMENT: u64 = 64 * 1024;

/// Reads references to bodies from the client's finalized blocks.
pub struct ClientReferences(pub ClientSocialSource);

impl ChainReferences for ClientReferences {
	fn finalized_number(&self) -> u32 {
		self.0.finalized_number()
	}

	fn finalized_hash(&self, number: u32) -> Option<[u8; 32]> {
		self.0.finalized_hash(number)
	}

	fn references_changed(&self, number: u32) -> Result<BlockReferences, String> {
		let block = self.0.block(number)?;
		let changes = block
			.events
			.into_iter()
			.filter_map(|event| match event {
				SocialEvent::PostCreated { post_id, content, body_size, .. }
				| SocialEvent::PostEdited { post_id, content, body_size, .. } => {
					let body = Body { cid: content, max_size: body_size.into() };
					Some((Reference::Post(post_id), Some(body)))
				},
				SocialEvent::PostDeleted { post_id } => Some((Reference::Post(post_id), None)),
				SocialEvent::ProfileSet { who, metadata, .. } => {
					let body = metadata.map(|cid| Body { cid, max_size: MAX_PROFILE_DOCUMENT });
					Some((Reference::Profile(who), body))
				},
				SocialEvent::ProfileCleared { who } => Some((Reference::Profile(who), None)),
				_ => None,
			})
			.collect();
		Ok((block.hash, changes))
	}

	fn finality_notifications(&self) -> BoxStream<'static, ()> {
		self.0.finality_notifications()
	}
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
