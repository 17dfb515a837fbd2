//! The node's IPFS peer: a libp2p host of its own (not the chain's network) that speaks bitswap
//! 1.2 over the embedded store, Kademlia, identify and ping, so that bodies follow the chain from
//! node to node and any Kubo can fetch them.
//!
//! - [`Network`] is the handle the store uses: fetch a block from connected peers (then from the
//!   providers the DHT knows), announce and withdraw the roots it pins.
//! - [`host`] runs the libp2p swarm; [`blocks`] gives bitswap the store's blocks; [`identity`]
//!   keeps the peer's key; [`record`] is what a node tells its chain peers about its IPFS peer;
//!   [`throttle`] bounds the bytes per second sent to each peer; [`providers`] keeps this node's
//!   provider records apart from other peers'.
//!
//! Serving reads only the store (pinned content and the bounded cache): a peer cannot make this
//! node fetch for it. Every wait is bounded by its caller; every queue by a constant here.

mod blocks;
mod host;
mod identity;
mod providers;
pub mod record;
mod throttle;

use std::{path::Path, time::Duration};

use bytes::Bytes;
use cid::Cid;
use futures::{future::BoxFuture, FutureExt};
pub use libp2p::{Multiaddr, PeerId, StreamProtocol};
use tokio::sync::{mpsc, oneshot};

use crate::{embedded::LocalBlocks, metrics::NetworkMetrics};
pub use record::PeerRecord;

/// The public IPFS bootstrap peers (Kubo's default list), added by `--ipfs-public-bootstrap`.
pub const PUBLIC_BOOTSTRAP: [&str; 5] = [
	"/dnsaddr/bootstrap.libp2p.io/p2p/QmNnooDu7bfjPFoTZYxMNLWUQJyrVwtbZg5gBMjTezGAJN",
	"/dnsaddr/bootstrap.libp2p.io/p2p/QmQCU2EcMqAqQPR2i9bChDtGNJchTbq5TbXJJ16u19uLTa",
	"/dnsaddr/bootstrap.libp2p.io/p2p/QmbLHAnMoJPcLYxpBGK7dVkbgZjAEXp2w1iTjqYY2Gp7nB",
	"/dnsaddr/bootstrap.libp2p.io/p2p/QmcZf59bWwK5XFi76CZX8cbJ4BhTzzA3gU1ZjYZcYW3dwt",
	"/ip4/104.131.131.82/tcp/4001/p2p/QmaCpDMGvV2BGHeYERUEnRQAwe3N8SzbUtfsmvsqQLuvuJ",
];

/// The most commands waiting for the host; callers wait for room.
const COMMAND_QUEUE: usize = 1024;

/// How the IPFS peer runs.
#[derive(Debug, Clone)]
pub struct NetworkConfig {
	/// Where it listens.
	pub listen: Vec<Multiaddr>,
	/// Peers it connects to at start (each address ends with `/p2p/<peer id>`).
	pub bootnodes: Vec<Multiaddr>,
	/// What it announces as its addresses; without any, the addresses it listens on.
	pub public_addresses: Vec<Multiaddr>,
	/// The Kademlia protocol (`/ipfs/kad/1.0.0`, or `/ipfs/lan/kad/1.0.0` on a LAN).
	pub kad_protocol: StreamProtocol,
	/// The most bytes per second sent to one peer, over all its connections.
	pub peer_rate: u64,
}

/// The handle to the IPFS peer.
#[derive(Clone)]
pub struct Network {
	peer: PeerId,
	commands: mpsc::Sender<host::Command>,
}

impl Network {
	/// Starts the peer with the key kept in `dir`, over `blocks`; returns its handle and the
	/// task that runs it (spawn it on the node's tokio runtime).
	pub fn start(
		config: NetworkConfig,
		dir: &Path,
		blocks: LocalBlocks,
		metrics: Option<NetworkMetrics>,
	) -> Result<(Self, BoxFuture<'static, ()>), String> {
		let key = identity::load_or_create(dir)?;
		let peer = key.public().to_peer_id();
		let (commands, receiver) = mpsc::channel(COMMAND_QUEUE);
		let metrics = metrics.map(std::sync::Arc::new);
		let blocks = blocks::BitswapBlocks(blocks, metrics.clone());
		let host = host::Host::new(key, &config, blocks, metrics)?;
		log::info!(target: "ipfs", "🛰  IPFS peer {peer} (Kademlia {})", config.kad_protocol);
		Ok((Self { peer, commands }, host.run(receiver).boxed()))
	}

	/// The peer's id.
	pub fn peer_id(&self) -> PeerId {
		self.peer
	}

	/// The block `cid` from a peer, waiting at most `wait`: asked of every connected peer at
	/// once, then of the providers the DHT names. The block was checked against `cid` and kept.
	pub async fn block(&self, cid: &Cid, wait: Duration) -> Option<Bytes> {
		let (reply, answer) = oneshot::channel();
		let asked = async {
			self.commands.send(host::Command::Fetch { cid: *cid, reply }).await.ok()?;
			answer.await.ok()
		};
		tokio::time::timeout(wait, asked).await.ok().flatten()
	}

	/// Announces in the DHT that this node provides `cid` (until [`Self::unprovide`]).
	pub async fn provide(&self, cid: Cid) {
		let _ = self.commands.send(host::Command::Provide(cid)).await;
	}

	/// Stops announcing `cid`.
	pub async fn unprovide(&self, cid: Cid) {
		let _ = self.commands.send(host::Command::Unprovide(cid)).await;
	}

	/// Connects to the IPFS peer of `record` (a chain peer's), and keeps it in the DHT's table.
	pub async fn add_peer(&self, record: PeerRecord) {
		if record.peer != self.peer {
			let _ = self.commands.send(host::Command::AddPeer(record)).await;
		}
	}

	/// This peer's record, for chain peers.
	pub async fn record(&self) -> Option<PeerRecord> {
		let (reply, answer) = oneshot::channel();
		self.commands.send(host::Command::Record(reply)).await.ok()?;
		answer.await.ok()
	}

	/// How many peers are connected now.
	pub async fn connected_peers(&self) -> Option<usize> {
		let (reply, answer) = oneshot::channel();
		self.commands.send(host::Command::ConnectedPeers(reply)).await.ok()?;
		answer.await.ok()
	}
}

#[cfg(test)]
mod tests;
