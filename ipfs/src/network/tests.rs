//! Two IPFS peers on loopback, each over its own embedded store, as two Plaza nodes run them.

use std::{sync::Arc, time::Duration};

use bytes::Bytes;
use cid::Version;

use super::*;
use crate::{
	db, embedded::EmbeddedStore, store::Provenance, AddOptions, ContentStore, PinOwner, StoreError,
};

struct Node {
	_dir: tempfile::TempDir,
	store: Arc<EmbeddedStore>,
	network: Network,
}

fn node(timeout: Duration) -> Node {
	node_sending(timeout, 64 << 20)
}

/// A node that sends each peer at most `peer_rate` bytes per second.
fn node_sending(timeout: Duration, peer_rate: u64) -> Node {
	let dir = tempfile::tempdir().unwrap();
	let db = db::open(dir.path()).unwrap();
	let store = EmbeddedStore::new(db, &[], timeout, 8 << 20).unwrap();
	let config = NetworkConfig {
		listen: vec!["/ip4/127.0.0.1/tcp/0".parse().unwrap()],
		bootnodes: Vec::new(),
		public_addresses: Vec::new(),
		kad_protocol: StreamProtocol::new("/ipfs/lan/kad/1.0.0"),
		peer_rate,
	};
	let (network, run) = Network::start(config, dir.path(), store.local_blocks(), None).unwrap();
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
		let provenance = b.store.pin(&added.cid, u64::MAX, PinOwner::Chain).await.unwrap();
		// The root and three leaves, all sent by the peer.
		assert_eq!(provenance, Some(Provenance { local: 0, peers: 4, sources: 0 }));
		assert_eq!(b.store.read_local(&added.cid, u64::MAX).await.unwrap(), content);
		// Pinned again by its other owner, it is all here already.
		let provenance = b.store.pin(&added.cid, u64::MAX, PinOwner::User).await.unwrap();
		assert_eq!(provenance, Some(Provenance { local: 4, peers: 0, sources: 0 }));
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

/// A peer that speaks raw bytes on bitswap streams, as an attacker would.
mod hostile {
	use futures::{AsyncWriteExt, StreamExt};
	use libp2p::{multiaddr::Protocol, noise, tcp, yamux, StreamProtocol};
	use multihash_codetable::{Code, MultihashDigest};

	use super::*;

	pub const BITSWAP: StreamProtocol = StreamProtocol::new("/ipfs/bitswap/1.2.0");

	/// A control for opening streams to `target` (its swarm runs in the background).
	pub async fn connect(target: &PeerRecord) -> libp2p_stream::Control {
		let mut swarm = libp2p::SwarmBuilder::with_new_identity()
			.with_tokio()
			.with_tcp(tcp::Config::default(), noise::Config::new, yamux::Config::default)
			.unwrap()
			.with_behaviour(|_| libp2p_stream::Behaviour::new())
			.unwrap()
			.with_swarm_config(|c| c.with_idle_connection_timeout(Duration::from_secs(60)))
			.build();
		let control = swarm.behaviour().new_control();
		let address = target.addresses[0].clone().with(Protocol::P2p(target.peer));
		swarm.dial(address).unwrap();
		while !swarm.is_connected(&target.peer) {
			swarm.select_next_some().await;
		}
		tokio::spawn(async move {
			loop {
				swarm.select_next_some().await;
			}
		});
		control
	}

	fn varint(mut value: u64, out: &mut Vec<u8>) {
		while value >= 0x80 {
			out.push(value as u8 | 0x80);
			value >>= 7;
		}
		out.push(value as u8);
	}

	fn field(number: u64, bytes: &[u8], out: &mut Vec<u8>) {
		varint(number << 3 | 2, out);
		varint(bytes.len() as u64, out);
		out.extend_from_slice(bytes);
	}

	/// A length-prefixed bitswap message that wants `count` blocks nobody has (`full`: the whole
	/// wantlist at once), encoded by hand: the attacker is not bound by anyone's encoder.
	pub fn wants(first: u64, count: u64, full: bool) -> Vec<u8> {
		let mut wantlist = Vec::new();
		for i in first..first + count {
			let cid = Cid::new_v1(0x55, Code::Sha2_256.digest(&i.to_le_bytes()));
			let mut entry = Vec::new();
			field(1, &cid.to_bytes(), &mut entry);
			entry.extend_from_slice(&[2 << 3, 1]); // priority 1
			field(1, &entry, &mut wantlist);
		}
		if full {
			wantlist.extend_from_slice(&[2 << 3, 1]);
		}
		let mut message = Vec::new();
		field(1, &wantlist, &mut message);
		let mut framed = Vec::new();
		varint(message.len() as u64, &mut framed);
		framed.extend_from_slice(&message);
		framed
	}

	/// Messages no honest peer sends: a length past bitswap's 4 MiB, a frame of garbage, a frame
	/// cut short, and wants whose CIDs are not CIDs.
	pub fn garbage() -> Vec<Vec<u8>> {
		let mut too_long = Vec::new();
		varint(64 << 20, &mut too_long);
		too_long.extend_from_slice(&[0; 1024]);
		let mut nonsense = vec![0x80, 0x08];
		nonsense.extend((0..1024u32).map(|i| (i * 37 % 256) as u8));
		let mut short = Vec::new();
		varint(1000, &mut short);
		short.extend_from_slice(&[0x0a; 10]);
		let mut bad_cids = Vec::new();
		let mut entry = Vec::new();
		field(1, &[0xff; 40], &mut entry);
		let mut wantlist = Vec::new();
		for _ in 0..1000 {
			field(1, &entry, &mut wantlist);
		}
		let mut message = Vec::new();
		field(1, &wantlist, &mut message);
		varint(message.len() as u64, &mut bad_cids);
		bad_cids.extend_from_slice(&message);
		vec![too_long, nonsense, short, bad_cids]
	}

	/// Writes `bytes` on a new bitswap stream to `peer`; whether they were all written (the node
	/// may reset a stream it has had enough of).
	pub async fn send(control: &mut libp2p_stream::Control, peer: PeerId, bytes: &[u8]) -> bool {
		let Ok(mut stream) = control.open_stream(peer, BITSWAP).await else { return false };
		stream.write_all(bytes).await.is_ok() && stream.flush().await.is_ok()
	}
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_peer_flooding_wants_and_garbage_does_not_stop_the_node_serving_another() {
	let (a, b) = (node(Duration::from_secs(10)), node(Duration::from_secs(10)));
	let content = body(700 * 1024);
	let added = a.store.add(content.clone(), AddOptions::default()).await.unwrap();
	let target = record(&a).await;
	let mut attacker = hostile::connect(&target).await;
	let attack = tokio::spawn(async move {
		// 40 messages of 4,000 wants (whole wantlists and updates), then garbage, twice over.
		let mut delivered = 0;
		for round in 0..2u64 {
			for message in 0..40 {
				let wants = hostile::wants((round * 40 + message) * 4000, 4000, message % 2 == 0);
				delivered += hostile::send(&mut attacker, target.peer, &wants).await as usize;
			}
			for garbage in hostile::garbage() {
				hostile::send(&mut attacker, target.peer, &garbage).await;
			}
		}
		delivered
	});

	b.network.add_peer(record(&a).await).await;
	let started = std::time::Instant::now();
	b.store.pin(&added.cid, u64::MAX, PinOwner::Chain).await.unwrap();
	assert!(started.elapsed() < Duration::from_secs(5), "served in {:?}", started.elapsed());
	assert_eq!(b.store.read_local(&added.cid, u64::MAX).await.unwrap(), content);

	let delivered = tokio::time::timeout(Duration::from_secs(30), attack).await.unwrap().unwrap();
	assert!(
		delivered >= 40,
		"only {delivered} of 80 floods reached the node: no attack to survive"
	);
	// After the attack the node still serves: a second body, fetched fresh.
	let after = a.store.add(body(300 * 1024).slice(1..), AddOptions::default()).await.unwrap();
	b.store.pin(&after.cid, u64::MAX, PinOwner::Chain).await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_peer_is_sent_no_more_than_its_rate_while_others_are_served_at_theirs() {
	let a = node_sending(Duration::from_secs(10), 1 << 20);
	let (b, c) = (node(Duration::from_secs(10)), node(Duration::from_secs(10)));
	let big = a.store.add(body(2 << 20), AddOptions::default()).await.unwrap();
	let small = a.store.add(body(200 * 1024).slice(3..), AddOptions::default()).await.unwrap();
	b.network.add_peer(record(&a).await).await;
	c.network.add_peer(record(&a).await).await;

	let started = std::time::Instant::now();
	let greedy = async {
		b.store.pin(&big.cid, u64::MAX, PinOwner::Chain).await.unwrap();
		started.elapsed()
	};
	let modest = async {
		tokio::time::sleep(Duration::from_millis(200)).await;
		c.store.pin(&small.cid, u64::MAX, PinOwner::Chain).await.unwrap();
		started.elapsed()
	};
	let (greedy, modest) = futures::join!(greedy, modest);
	// 2 MiB at 1 MiB/s once the quarter-second burst is spent: at least 1.75 s.
	assert!(greedy >= Duration::from_millis(1750), "2 MiB sent in {greedy:?}");
	assert!(modest < greedy, "the second peer waited for the first: {modest:?} vs {greedy:?}");
	assert_eq!(b.store.read_local(&big.cid, u64::MAX).await.unwrap().len(), 2 << 20);
}
