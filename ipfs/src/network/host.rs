//! The IPFS peer's libp2p swarm and its event loop: one task owns the swarm and answers the
//! [`Command`]s of the [`super::Network`] handle.

use std::{
	collections::HashMap,
	sync::Arc,
	time::{Duration, Instant},
};

use bytes::Bytes;
use cid::Cid;
use futures::StreamExt;
use libp2p::{
	connection_limits::{self, ConnectionLimits},
	core::{upgrade, Transport},
	identify,
	identity::Keypair,
	kad::{self, store::RecordStore, GetProvidersOk, QueryResult, RecordKey},
	multiaddr::Protocol,
	noise, ping,
	swarm::{dial_opts::DialOpts, NetworkBehaviour, SwarmEvent},
	tcp, yamux, Multiaddr, PeerId, Swarm,
};
use tokio::sync::{mpsc, oneshot};

use super::{
	blocks::BitswapBlocks, providers::ProviderStore, record::MAX_ADDRESSES, throttle::PeerRates,
	NetworkConfig, PeerRecord,
};
use crate::metrics::NetworkMetrics;

/// The largest multihash bitswap handles (sha2-256 and blake2b-256 need 32 bytes).
const MAX_MULTIHASH: usize = 64;

/// The most blocks being fetched at once; a fetch beyond it fails at once.
const MAX_FETCHES: usize = 4096;

/// How long a fetch waits on connected peers before asking the DHT for providers.
const DHT_AFTER: Duration = Duration::from_millis(500);

/// The most providers of one block that are dialled.
const MAX_PROVIDERS_DIALLED: usize = 8;

/// Connections: at most this many established in all, two per peer, 64 being set up.
const MAX_CONNECTIONS: u32 = 512;

/// The most streams a peer may open on one connection.
const MAX_STREAMS_PER_CONNECTION: usize = 64;

/// How often abandoned fetches are cancelled and slow ones sent to the DHT.
const TICK: Duration = Duration::from_millis(100);

/// A connection with no stream open is closed after this.
const IDLE_CONNECTION: Duration = Duration::from_secs(600);

/// The most chain peers' IPFS peers kept connected (the newest replace the oldest).
const MAX_CHAIN_PEERS: usize = 256;

/// How often chain peers' IPFS peers that are not connected are dialled again.
const REDIAL: Duration = Duration::from_secs(30);

/// What the handle asks of the host.
pub enum Command {
	/// Fetch a block; the reply is dropped if it cannot be had.
	Fetch { cid: Cid, reply: oneshot::Sender<Bytes> },
	/// Announce a root as provided.
	Provide(Cid),
	/// Stop announcing a root.
	Unprovide(Cid),
	/// Connect to a chain peer's IPFS peer.
	AddPeer(PeerRecord),
	/// This peer's record.
	Record(oneshot::Sender<PeerRecord>),
	/// The number of connected peers.
	ConnectedPeers(oneshot::Sender<usize>),
}

/// The protocols the peer speaks.
#[derive(NetworkBehaviour)]
pub struct Behaviour {
	limits: connection_limits::Behaviour,
	identify: identify::Behaviour,
	ping: ping::Behaviour,
	kad: kad::Behaviour<ProviderStore>,
	bitswap: beetswap::Behaviour<MAX_MULTIHASH, BitswapBlocks>,
}

/// A block being fetched, and who waits for it.
struct Fetch {
	cid: Cid,
	waiting: Vec<oneshot::Sender<Bytes>>,
	started: Instant,
	/// Whether the DHT was asked for its providers.
	searched: bool,
}

/// The swarm and the fetches in flight.
pub struct Host {
	swarm: Swarm<Behaviour>,
	fetches: HashMap<beetswap::QueryId, Fetch>,
	by_cid: HashMap<Cid, beetswap::QueryId>,
	/// Provider searches in flight, and the block each is for.
	searches: HashMap<kad::QueryId, Cid>,
	/// The IPFS peers of chain peers, kept connected, and when each was learnt.
	chain_peers: HashMap<PeerId, (Vec<Multiaddr>, Instant)>,
	last_redial: Instant,
	announce_listen_addresses: bool,
	kad_protocol: libp2p::StreamProtocol,
	metrics: Option<Arc<NetworkMetrics>>,
}

/// The DHT key of a block: its multihash, as Kubo keys provider records.
fn dht_key(cid: &Cid) -> RecordKey {
	RecordKey::new(&cid.hash().to_bytes())
}

impl Host {
	/// A host with `key`, listening and dialling as `config` says.
	pub fn new(
		key: Keypair,
		config: &NetworkConfig,
		blocks: BitswapBlocks,
		metrics: Option<Arc<NetworkMetrics>>,
	) -> Result<Self, String> {
		let fail = |e: &dyn std::fmt::Display| format!("cannot start the IPFS peer: {e}");
		let kad_protocol = config.kad_protocol.clone();
		let rates = PeerRates::new(config.peer_rate);
		let mut swarm = libp2p::SwarmBuilder::with_existing_identity(key)
			.with_tokio()
			.with_other_transport(|key| {
				let noise = noise::Config::new(key)?;
				let mut yamux = yamux::Config::default();
				yamux.set_max_num_streams(MAX_STREAMS_PER_CONNECTION);
				Ok::<_, Box<dyn std::error::Error + Send + Sync>>(
					tcp::tokio::Transport::new(tcp::Config::default().nodelay(true))
						.upgrade(upgrade::Version::V1Lazy)
						.authenticate(noise)
						.multiplex_ext(move |peer, _| rates.muxer(peer, yamux)),
				)
			})
			.map_err(|e| fail(&e))?
			.with_dns()
			.map_err(|e| fail(&e))?
			.with_behaviour(|key| {
				let peer = key.public().to_peer_id();
				let mut kad_config = kad::Config::new(kad_protocol.clone());
				kad_config.set_query_timeout(Duration::from_secs(30));
				let store = ProviderStore::new(peer);
				let limits = ConnectionLimits::default()
					.with_max_established(Some(MAX_CONNECTIONS))
					.with_max_established_per_peer(Some(2))
					.with_max_pending_incoming(Some(64))
					.with_max_pending_outgoing(Some(64));
				Behaviour {
					limits: connection_limits::Behaviour::new(limits),
					identify: identify::Behaviour::new(
						identify::Config::new("ipfs/0.1.0".into(), key.public())
							.with_agent_version(format!(
								"plaza-node/{}",
								env!("CARGO_PKG_VERSION")
							)),
					),
					ping: ping::Behaviour::default(),
					kad: kad::Behaviour::with_config(peer, store, kad_config),
					bitswap: beetswap::Behaviour::new(Arc::new(blocks)),
				}
			})
			.map_err(|e| fail(&e))?
			.with_swarm_config(|c| c.with_idle_connection_timeout(IDLE_CONNECTION))
			.build();
		for address in &config.listen {
			swarm.listen_on(address.clone()).map_err(|e| fail(&format!("{address}: {e}")))?;
		}
		for address in &config.public_addresses {
			swarm.add_external_address(address.clone());
		}
		for address in &config.bootnodes {
			let Some(Protocol::P2p(peer)) = address.iter().last() else {
				return Err(format!(
					"--ipfs-p2p-bootnodes {address}: it must end with /p2p/<peer id>"
				));
			};
			swarm.behaviour_mut().kad.add_address(&peer, address.clone());
			if let Err(e) = swarm.dial(address.clone()) {
				log::warn!(target: "ipfs", "Cannot dial IPFS bootnode {address}: {e}");
			}
		}
		if !config.bootnodes.is_empty() {
			let _ = swarm.behaviour_mut().kad.bootstrap();
		}
		Ok(Self {
			swarm,
			fetches: HashMap::new(),
			by_cid: HashMap::new(),
			searches: HashMap::new(),
			chain_peers: HashMap::new(),
			last_redial: Instant::now(),
			announce_listen_addresses: config.public_addresses.is_empty(),
			kad_protocol: config.kad_protocol.clone(),
			metrics,
		})
	}

	/// Runs until every handle is gone.
	pub async fn run(mut self, mut commands: mpsc::Receiver<Command>) {
		let mut tick = tokio::time::interval(TICK);
		tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
		loop {
			tokio::select! {
				command = commands.recv() => match command {
					Some(command) => self.command(command),
					None => return,
				},
				event = self.swarm.select_next_some() => self.event(event),
				_ = tick.tick() => self.tick(),
			}
		}
	}

	fn command(&mut self, command: Command) {
		match command {
			Command::Fetch { cid, reply } => self.fetch(cid, reply),
			Command::Provide(cid) => {
				if let Err(e) = self.swarm.behaviour_mut().kad.start_providing(dht_key(&cid)) {
					log::warn!(target: "ipfs", "Cannot announce {cid} in the DHT: {e:?}");
				}
				self.publish();
			},
			Command::Unprovide(cid) => {
				self.swarm.behaviour_mut().kad.stop_providing(&dht_key(&cid));
				self.publish();
			},
			Command::AddPeer(record) => self.add_peer(record),
			Command::Record(reply) => {
				let addresses =
					self.swarm.external_addresses().take(MAX_ADDRESSES).cloned().collect();
				let _ = reply.send(PeerRecord { peer: *self.swarm.local_peer_id(), addresses });
			},
			Command::ConnectedPeers(reply) => {
				let _ = reply.send(self.swarm.connected_peers().count());
			},
		}
	}

	fn fetch(&mut self, cid: Cid, reply: oneshot::Sender<Bytes>) {
		if let Some(query) = self.by_cid.get(&cid) {
			if let Some(fetch) = self.fetches.get_mut(query) {
				fetch.waiting.push(reply);
				return;
			}
		}
		if self.swarm.connected_peers().next().is_none()
			&& self.swarm.behaviour_mut().kad.kbuckets().all(|bucket| bucket.num_entries() == 0)
		{
			// Nobody to ask: the store goes on to its sources at once.
			return;
		}
		if self.fetches.len() >= MAX_FETCHES {
			log::debug!(target: "ipfs", "{MAX_FETCHES} blocks are being fetched; {cid} is not");
			return;
		}
		let query = self.swarm.behaviour_mut().bitswap.get(&cid);
		self.by_cid.insert(cid, query);
		let fetch = Fetch { cid, waiting: vec![reply], started: Instant::now(), searched: false };
		self.fetches.insert(query, fetch);
	}

	fn add_peer(&mut self, record: PeerRecord) {
		let PeerRecord { peer, addresses } = record;
		for address in &addresses {
			self.swarm.behaviour_mut().kad.add_address(&peer, address.clone());
		}
		if self.chain_peers.len() >= MAX_CHAIN_PEERS && !self.chain_peers.contains_key(&peer) {
			let oldest = self.chain_peers.iter().min_by_key(|(_, (_, learnt))| *learnt);
			if let Some(oldest) = oldest.map(|(peer, _)| *peer) {
				self.chain_peers.remove(&oldest);
			}
		}
		self.chain_peers.insert(peer, (addresses.clone(), Instant::now()));
		self.dial(peer, addresses);
	}

	fn dial(&mut self, peer: PeerId, addresses: Vec<Multiaddr>) {
		if !self.swarm.is_connected(&peer) {
			let dial = DialOpts::peer_id(peer).addresses(addresses).build();
			if let Err(e) = self.swarm.dial(dial) {
				log::debug!(target: "ipfs", "Cannot dial IPFS peer {peer}: {e}");
			}
		}
	}

	/// Cancels fetches nobody waits for any more; asks the DHT for providers of slow ones.
	fn tick(&mut self) {
		let mut abandoned = Vec::new();
		let mut to_search = Vec::new();
		for (query, fetch) in &mut self.fetches {
			fetch.waiting.retain(|reply| !reply.is_closed());
			if fetch.waiting.is_empty() {
				abandoned.push(*query);
			} else if !fetch.searched && fetch.started.elapsed() >= DHT_AFTER {
				fetch.searched = true;
				to_search.push(fetch.cid);
			}
		}
		for query in abandoned {
			self.swarm.behaviour_mut().bitswap.cancel(query);
			if let Some(fetch) = self.fetches.remove(&query) {
				self.by_cid.remove(&fetch.cid);
			}
		}
		for cid in to_search {
			let search = self.swarm.behaviour_mut().kad.get_providers(dht_key(&cid));
			self.searches.insert(search, cid);
		}
		if self.last_redial.elapsed() >= REDIAL {
			self.last_redial = Instant::now();
			let peers: Vec<_> = self
				.chain_peers
				.iter()
				.map(|(peer, (addresses, _))| (*peer, addresses.clone()))
				.collect();
			for (peer, addresses) in peers {
				self.dial(peer, addresses);
			}
		}
	}

	fn event(&mut self, event: SwarmEvent<BehaviourEvent>) {
		match event {
			SwarmEvent::NewListenAddr { address, .. } => {
				log::info!(target: "ipfs", "🛰  IPFS peer listening on {address}");
				if self.announce_listen_addresses {
					self.swarm.add_external_address(address);
				}
			},
			SwarmEvent::ExpiredListenAddr { address, .. } if self.announce_listen_addresses => {
				self.swarm.remove_external_address(&address);
			},
			SwarmEvent::Behaviour(BehaviourEvent::Bitswap(event)) => self.bitswap(event),
			SwarmEvent::Behaviour(BehaviourEvent::Kad(event)) => self.kad(event),
			// Peers that speak our DHT join the routing table at the addresses they listen on.
			SwarmEvent::Behaviour(BehaviourEvent::Identify(identify::Event::Received {
				peer_id,
				info,
				..
			})) if info.protocols.contains(&self.kad_protocol) => {
				for address in info.listen_addrs.into_iter().take(MAX_ADDRESSES) {
					self.swarm.behaviour_mut().kad.add_address(&peer_id, address);
				}
			},
			SwarmEvent::ConnectionEstablished { peer_id, endpoint, .. } => {
				log::debug!(target: "ipfs", "IPFS peer {peer_id} connected ({endpoint:?})");
				self.publish();
			},
			SwarmEvent::ConnectionClosed { .. } => self.publish(),
			_ => {},
		}
	}

	/// Publishes the connected peers and the provided keys.
	fn publish(&mut self) {
		if let Some(metrics) = self.metrics.clone() {
			let peers = self.swarm.connected_peers().count();
			let provided = self.swarm.behaviour_mut().kad.store_mut().provided().count();
			metrics.publish_peers(peers, provided);
		}
	}

	fn bitswap(&mut self, event: beetswap::Event) {
		let (query, block) = match event {
			beetswap::Event::GetQueryResponse { query_id, data } => (query_id, Some(data)),
			beetswap::Event::GetQueryError { query_id, error } => {
				log::debug!(target: "ipfs", "Bitswap query failed: {error}");
				(query_id, None)
			},
		};
		let Some(fetch) = self.fetches.remove(&query) else { return };
		self.by_cid.remove(&fetch.cid);
		if let Some(block) = block {
			if let Some(metrics) = &self.metrics {
				metrics.fetched(block.len());
			}
			let block = Bytes::from(block);
			for reply in fetch.waiting {
				let _ = reply.send(block.clone());
			}
		}
	}

	fn kad(&mut self, event: kad::Event) {
		let kad::Event::OutboundQueryProgressed { id, result, step, .. } = event else { return };
		let QueryResult::GetProviders(result) = result else { return };
		let Some(cid) = self.searches.get(&id).copied() else { return };
		if let Ok(GetProvidersOk::FoundProviders { providers, .. }) = result {
			let own = *self.swarm.local_peer_id();
			for provider in providers.into_iter().filter(|p| *p != own).take(MAX_PROVIDERS_DIALLED)
			{
				if !self.swarm.is_connected(&provider) {
					log::debug!(target: "ipfs", "Dialling {provider}, a provider of {cid}");
					let _ = self.swarm.dial(provider);
				}
			}
		}
		// Once the block is here (or nobody waits), the search has no more use.
		if step.last || !self.by_cid.contains_key(&cid) {
			self.searches.remove(&id);
			if let Some(mut query) = self.swarm.behaviour_mut().kad.query_mut(&id) {
				query.finish();
			}
		}
	}
}
