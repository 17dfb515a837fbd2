//! The nodes of one chain find each other's IPFS peers with no configuration beyond the chain's
//! own peering: each node answers a request-response protocol of the chain's network
//! (`/<genesis hash>/plaza/ipfs-peer/1`) with its IPFS peer's record (peer id and addresses),
//! and asks every chain peer that connects for theirs, then connects its IPFS peer to it.

use std::{sync::Arc, time::Duration};

use futures::{stream::FuturesUnordered, StreamExt};
use plaza_ipfs::network::{record::MAX_RECORD_BYTES, PeerRecord};
use sc_network::{
	config::FullNetworkConfiguration,
	request_responses::{IncomingRequest, OutgoingResponse},
	service::traits::{NetworkRequest, NetworkService},
	IfDisconnected, NetworkBackend, ProtocolName,
};
use sc_network_sync::{SyncEvent, SyncEventStream};
use sp_core::hexdisplay::HexDisplay;

use plaza_runtime::opaque::Block;

type Hash = <Block as sp_runtime::traits::Block>::Hash;

/// Requests from peers waiting to be answered; the network refuses more.
const INBOUND_QUEUE: usize = 16;

/// The most chain peers asked at once; a peer that connects beyond it is not asked.
const MAX_ASKING: usize = 32;

/// How long a peer has to answer.
const TIMEOUT: Duration = Duration::from_secs(10);

/// The protocol, registered with the chain's network; [`IpfsPeers::run`] serves and uses it.
pub struct IpfsPeers {
	protocol: ProtocolName,
	requests: async_channel::Receiver<IncomingRequest>,
}

impl IpfsPeers {
	/// Registers the protocol of the chain whose genesis is `genesis` in `config`.
	pub fn register<N: NetworkBackend<Block, Hash>>(
		config: &mut FullNetworkConfiguration<Block, Hash, N>,
		genesis: &Hash,
	) -> Self {
		let protocol: ProtocolName =
			format!("/{}/plaza/ipfs-peer/1", HexDisplay::from(&genesis.as_ref())).into();
		let (sender, requests) = async_channel::bounded(INBOUND_QUEUE);
		config.add_request_response_protocol(N::request_response_config(
			protocol.clone(),
			Vec::new(),
			0,
			MAX_RECORD_BYTES as u64,
			TIMEOUT,
			Some(sender),
		));
		Self { protocol, requests }
	}

	/// Answers peers with `ipfs`'s record and connects `ipfs` to each chain peer's IPFS peer.
	/// Without an IPFS peer (`--no-ipfs`, an external daemon) requests are refused.
	pub async fn run(
		self,
		network: Arc<dyn NetworkService>,
		sync: Arc<dyn SyncEventStream>,
		ipfs: Option<plaza_ipfs::Network>,
	) {
		let mut events = sync.event_stream("ipfs-peers");
		let mut asking = FuturesUnordered::new();
		loop {
			tokio::select! {
				request = self.requests.recv() => {
					let Ok(request) = request else { return };
					let record = match &ipfs {
						Some(ipfs) => ipfs.record().await.map(|record| record.encode()),
						None => None,
					};
					let _ = request.pending_response.send(OutgoingResponse {
						result: record.ok_or(()),
						reputation_changes: Vec::new(),
						sent_feedback: None,
					});
				},
				event = events.next() => match event {
					Some(SyncEvent::PeerConnected { peer_id, .. }) => {
						if ipfs.is_some() && asking.len() < MAX_ASKING {
							let (network, protocol) = (network.clone(), self.protocol.clone());
							asking.push(async move {
								let asked = network.request(
									peer_id,
									protocol,
									Vec::new(),
									None,
									IfDisconnected::ImmediateError,
								);
								let answer = tokio::time::timeout(TIMEOUT, asked).await;
								(peer_id, answer)
							});
						}
					},
					Some(SyncEvent::PeerDisconnected(_)) => {},
					None => return,
				},
				Some((peer, answer)) = asking.next(), if !asking.is_empty() => {
					let Some(ipfs) = &ipfs else { continue };
					match answer.map(|answer| answer.map(|(bytes, _)| PeerRecord::decode(&bytes))) {
						Ok(Ok(Ok(record))) => {
							log::debug!(target: "ipfs", "Chain peer {peer} has IPFS peer {}", record.peer);
							ipfs.add_peer(record).await;
						},
						Ok(Ok(Err(e))) => log::debug!(target: "ipfs", "Chain peer {peer} sent no IPFS peer: {e}"),
						Ok(Err(e)) => log::debug!(target: "ipfs", "Chain peer {peer} did not say its IPFS peer: {e}"),
						Err(_) => log::debug!(target: "ipfs", "Chain peer {peer} did not say its IPFS peer in time"),
					}
				},
			}
		}
	}
}
