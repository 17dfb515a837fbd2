//! The DHT's record store, with this node's provider records kept apart from other peers'.
//!
//! libp2p's [`MemoryStore`] holds every provider record under one cap on keys: a peer that sends
//! enough `ADD_PROVIDER` messages for random keys fills it, and the node can no longer announce
//! its own pins. Here this node's records have a store of their own ([`MAX_PROVIDED_KEYS`]); other
//! peers' records and values share a smaller one ([`MAX_OTHERS_KEYS`]), which refuses new keys
//! when full until its records expire.

use std::borrow::Cow;

use libp2p::{
	kad::{
		store::{MemoryStore, MemoryStoreConfig, RecordStore, Result},
		ProviderRecord, Record, RecordKey,
	},
	PeerId,
};

/// The most keys this node announces as a provider (libp2p's default is 1,024).
pub const MAX_PROVIDED_KEYS: usize = 65_536;

/// The most keys of other peers' provider records, and of value records, kept.
pub const MAX_OTHERS_KEYS: usize = 16_384;

/// This node's provider records, and the rest.
pub struct ProviderStore {
	local: PeerId,
	own: MemoryStore,
	others: MemoryStore,
}

impl ProviderStore {
	/// The store of the node `local`.
	pub fn new(local: PeerId) -> Self {
		let own = MemoryStoreConfig { max_provided_keys: MAX_PROVIDED_KEYS, ..Default::default() };
		let others = MemoryStoreConfig {
			max_provided_keys: MAX_OTHERS_KEYS,
			max_records: MAX_OTHERS_KEYS,
			..Default::default()
		};
		Self {
			local,
			own: MemoryStore::with_config(local, own),
			others: MemoryStore::with_config(local, others),
		}
	}
}

impl RecordStore for ProviderStore {
	type RecordsIter<'a> = <MemoryStore as RecordStore>::RecordsIter<'a>;
	type ProvidedIter<'a> = <MemoryStore as RecordStore>::ProvidedIter<'a>;

	fn get(&self, key: &RecordKey) -> Option<Cow<'_, Record>> {
		self.others.get(key)
	}

	fn put(&mut self, record: Record) -> Result<()> {
		self.others.put(record)
	}

	fn remove(&mut self, key: &RecordKey) {
		self.others.remove(key)
	}

	fn records(&self) -> Self::RecordsIter<'_> {
		self.others.records()
	}

	fn add_provider(&mut self, record: ProviderRecord) -> Result<()> {
		if record.provider == self.local {
			self.own.add_provider(record)
		} else {
			self.others.add_provider(record)
		}
	}

	fn providers(&self, key: &RecordKey) -> Vec<ProviderRecord> {
		let mut providers = self.own.providers(key);
		providers.extend(self.others.providers(key));
		providers
	}

	fn provided(&self) -> Self::ProvidedIter<'_> {
		self.own.provided()
	}

	fn remove_provider(&mut self, key: &RecordKey, provider: &PeerId) {
		if *provider == self.local {
			self.own.remove_provider(key, provider)
		} else {
			self.others.remove_provider(key, provider)
		}
	}
}

#[cfg(test)]
mod tests {
	use libp2p::kad::store::Error;

	use super::*;

	fn record(key: u64, provider: PeerId) -> ProviderRecord {
		ProviderRecord::new(RecordKey::new(&key.to_be_bytes()), provider, Vec::new())
	}

	#[test]
	fn other_peers_records_cannot_crowd_out_this_nodes_own() {
		let local = PeerId::random();
		let mut store = ProviderStore::new(local);
		// A peer announces more keys than the store keeps for others.
		let flooder = PeerId::random();
		for key in 0..MAX_OTHERS_KEYS as u64 {
			store.add_provider(record(key, flooder)).unwrap();
		}
		let refused = store.add_provider(record(u64::MAX, flooder));
		assert!(matches!(refused, Err(Error::MaxProvidedKeys)), "{refused:?}");

		// This node still announces its own, up to its own cap, for keys the flood used too.
		for key in 0..MAX_PROVIDED_KEYS as u64 {
			store.add_provider(record(key, local)).unwrap();
		}
		assert_eq!(store.provided().count(), MAX_PROVIDED_KEYS);
		let full = store.add_provider(record(u64::MAX, local));
		assert!(matches!(full, Err(Error::MaxProvidedKeys)), "{full:?}");

		// A key both provide lists both; withdrawing ours leaves theirs.
		let shared = RecordKey::new(&7u64.to_be_bytes());
		let providers: Vec<_> = store.providers(&shared).iter().map(|r| r.provider).collect();
		assert_eq!(providers, vec![local, flooder]);
		store.remove_provider(&shared, &local);
		assert_eq!(store.providers(&shared).len(), 1);
		assert_eq!(store.provided().count(), MAX_PROVIDED_KEYS - 1);
	}
}
