//! The node's side of IPFS (the service itself is the `plaza-ipfs` crate): what finalized blocks
//! reference, read from their events and state for the pinner.

use std::sync::Arc;

use codec::Decode;
use futures::{stream::BoxStream, StreamExt};
use plaza_ipfs::{ChainReferences, Cid, Reference};
use plaza_runtime::{opaque::Block, AccountId, Balance, Hash, Runtime, RuntimeEvent};
use sc_client_api::{BlockchainEvents, StorageProvider};
use sp_blockchain::HeaderBackend;
use sp_core::storage::StorageKey;

use crate::service::{FullBackend, FullClient};

/// Reads references to bodies from the client's finalized blocks.
pub struct ClientReferences(pub Arc<FullClient>);

impl ClientReferences {
	fn storage(&self, hash: Hash, key: Vec<u8>) -> Result<Option<Vec<u8>>, String> {
		StorageProvider::<Block, FullBackend>::storage(&*self.0, hash, &StorageKey(key))
			.map(|data| data.map(|d| d.0))
			.map_err(|e| format!("state unavailable: {e}"))
	}

	/// The metadata CID of `who`'s profile at block `hash`.
	fn profile_metadata(&self, hash: Hash, who: &AccountId) -> Result<Option<Cid>, String> {
		let key = pallet_profiles::Profiles::<Runtime>::hashed_key_for(who);
		let Some(value) = self.storage(hash, key)? else {
			return Ok(None);
		};
		let profile = pallet_profiles::Profile::<Balance>::decode(&mut &value[..])
			.map_err(|e| format!("undecodable profile: {e}"))?;
		Ok(profile.metadata.and_then(|cid| cid_of(cid.as_bytes())))
	}
}

impl ChainReferences for ClientReferences {
	fn finalized_number(&self) -> u32 {
		self.0.info().finalized_number
	}

	fn references_changed(&self, number: u32) -> Result<Vec<(Reference, Option<Cid>)>, String> {
		let hash = self
			.0
			.hash(number)
			.map_err(|e| e.to_string())?
			.ok_or_else(|| format!("no block #{number}"))?;
		let events_key = frame_support::storage::storage_prefix(b"System", b"Events").to_vec();
		let Some(events) = self.storage(hash, events_key)? else {
			return Ok(Vec::new());
		};
		let records =
			Vec::<frame_system::EventRecord<RuntimeEvent, Hash>>::decode(&mut &events[..])
				.map_err(|e| format!("undecodable events: {e}"))?;
		let mut changes = Vec::new();
		for record in records {
			use pallet_posts::Event as Posts;
			use pallet_profiles::Event as Profiles;
			match record.event {
				RuntimeEvent::Posts(Posts::PostCreated { post_id, content, .. }) => {
					changes.push((Reference::Post(post_id), cid_of(content.as_bytes())))
				},
				RuntimeEvent::Posts(Posts::PostEdited { post_id, new_content, .. }) => {
					changes.push((Reference::Post(post_id), cid_of(new_content.as_bytes())))
				},
				RuntimeEvent::Posts(Posts::PostDeleted { post_id, .. }) => {
					changes.push((Reference::Post(post_id), None))
				},
				RuntimeEvent::Profiles(Profiles::ProfileSet { who, .. }) => {
					let metadata = self.profile_metadata(hash, &who)?;
					changes.push((Reference::Profile(who.into()), metadata));
				},
				RuntimeEvent::Profiles(Profiles::ProfileCleared { who, .. }) => {
					changes.push((Reference::Profile(who.into()), None))
				},
				_ => {},
			}
		}
		Ok(changes)
	}

	fn finality_notifications(&self) -> BoxStream<'static, ()> {
		self.0.finality_notification_stream().map(|_| ()).boxed()
	}
}

fn cid_of(bytes: &[u8]) -> Option<Cid> {
	Cid::try_from(bytes).ok()
}
