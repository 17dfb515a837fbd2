//! Two IPFS peers on loopback, each over its own embedded store, as two Plaza nodes run them.

use std::{sync::Arc, time::Duration};

use bytes::Bytes;
use cid::Version;

use super::*;
use crate::{db, embedded::EmbeddedStore, AddOptions, ContentStore, PinOwner, StoreError};

struct Node {
	_dir: tempfile::TempDir,
	store: Arc<EmbeddedStore>,
	network: Network,
}

fn node(timeout: Duration) -> Node {
	let dir = tempfile::tempdir().unwrap();
	let db = db::open(dir.path()).unwrap();
	let store = EmbeddedStore::new(db, &[], timeout, 8 << 20).unwrap();
	let config = NetworkConfig {
		listen: vec!["/ip4/127.0.0.1/tcp/0".parse().unwrap()],
		bootnodes: Vec::new(),
		public_addresses: Vec::new(),
		kad_protocol: StreamProtocol::new("/ipfs/lan/kad/1.0.0"),
	};
	let (network, run) = Network::start(config, dir.path(), store.local_blocks()).unwrap();
	tokio::spawn(run);
	Node { store: Arc::new(store.with_network(network.clone())), network, _dir: dir }
}

/// `node`'s record once it listens.
async fn record(node: &Node) -> PeerRecord {
	for _ in 0..100 {
		let record = node.network.record().await.unwrap();
		if !record.addresses.is_empty() {
			return record;
		}
		tokio::time::sleep(Duration::from_millis(20)).await;
	}
	panic!("the peer never listened");
}

fn body(len: usize) -> Bytes {
	(0..len).map(|i| (i * 7 % 251) as u8).collect::<Vec<_>>().into()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_body_added_on_one_node_is_fetched_and_pinned_by_another_over_bitswap() {
	let (a, b) = (node(Duration::from_secs(10)), node(Duration::from_secs(10)));
	let content = body(600 * 1024); // a root and three leaves
	for version in [Version::V0, Version::V1] {
		let options = AddOptions {
			cid_version: version,
			raw_leaves: version == Version::V1,
			..Default::default()
		};
		let added = a.store.add(content.clone(), options).await.unwrap();
		let error = b.store.read_local(&added.cid, u64::MAX).await.unwrap_err();
		assert!(matches!(error, StoreError::NotFound(cid) if cid == added.cid), "{error}");
		b.network.add_peer(record(&a).await).await;
		b.store.pin(&added.cid, u64::MAX, PinOwner::Chain).await.unwrap();
		assert_eq!(b.store.read_local(&added.cid, u64::MAX).await.unwrap(), content);
	}
	assert_eq!(b.network.connected_peers().await, Some(1));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_block_nobody_has_is_not_found_within_the_wait() {
	let (a, b) = (node(Duration::from_secs(1)), node(Duration::from_secs(1)));
	b.network.add_peer(record(&a).await).await;
	let missing = a.store.add(body(1000), AddOptions { only_hash: true, ..Default::default() });
	let missing = missing.await.unwrap().cid;
	let started = std::time::Instant::now();
	let error = b.store.cat(&missing, &[], u64::MAX).await.unwrap_err();
	// The network's wait and the store's deadline are the same second: either may end it.
	let ended =
		matches!(error, StoreError::TimedOut(cid) | StoreError::NotFound(cid) if cid == missing);
	assert!(ended, "{error}");
	assert!(started.elapsed() < Duration::from_secs(3), "took {:?}", started.elapsed());
}
