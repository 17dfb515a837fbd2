//! The node's side of IPFS (the service itself is the `plaza-ipfs` crate): what finalized blocks
//! reference, for the pinner. It reads the same translated events as the social index
//! ([`crate::social::ClientSocialSource`]) and keeps those that name a body.

use futures::stream::BoxStream;
use plaza_ipfs::{BlockReferences, Body, ChainReferences, Reference};
use plaza_rpc::{events::SocialEvent, indexer::SocialSource};

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
