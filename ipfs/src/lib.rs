//! IPFS in the Plaza node: where post bodies and profile documents live.
//!
//! The rest of the node sees [`ContentStore`] (add, read and pin content by CID), [`start`] and
//! [`PinFeed`], through which the node's follower of finality tells the pinner what finalized
//! blocks reference.
//! Two stores implement it: the [`embedded`] store under the node's base path (the default) and
//! [`kubo`], an external Kubo daemon (`--ipfs-api <url>`). Over the store, [`http`] serves a
//! Kubo-compatible RPC subset and a read-only (and trustless: `?format=raw|car`) gateway on
//! `--ipfs-api-port`, [`pinner`] pins every body that finalized blocks reference, [`network`]
//! makes the node an IPFS peer (bitswap, Kademlia) so that bodies follow the chain between nodes
//! and reach any Kubo, [`rpc`] reports pin status over JSON-RPC and [`metrics`] to Prometheus.

#![deny(missing_docs)]

mod car;
mod dag;
mod db;
mod embedded;
mod http;
mod kubo;
mod metrics;
pub mod network;
mod pinner;
pub mod rpc;
mod source;
mod store;
mod web;

use std::{
	net::{Ipv4Addr, SocketAddr},
	path::Path,
	sync::Arc,
	time::Duration,
};

use base64::Engine;
use futures::{future::BoxFuture, FutureExt};
use substrate_prometheus_endpoint::Registry;

pub use bytes::Bytes;
pub use cid::Cid;
pub use network::Network;
pub use pinner::{Body, PinBook, PinFeed, Reference};
pub use store::{AddOptions, Added, ContentStore, FileStat, PinOwner, StoreError};

/// The IPFS flags of `plaza-node`.
#[derive(Debug, Clone, clap::Args)]
pub struct IpfsParams {
	/// Port of the IPFS HTTP endpoint: a Kubo RPC API subset (`/api/v0/…`) and a read-only
	/// gateway (`/ipfs/<cid>`). Listens on loopback unless `--ipfs-api-external` is given.
	#[arg(long, value_name = "PORT", default_value_t = 5101)]
	pub ipfs_api_port: u16,

	/// Listen on every interface for the IPFS HTTP endpoint. Anyone who reaches it can add and pin
	/// content on this node: put it behind a proxy that limits who may.
	#[arg(long)]
	pub ipfs_api_external: bool,

	/// Let web pages of ORIGIN (`scheme://host[:port]`, such as `http://localhost:5173`) call the
	/// RPC API from a browser; repeat for several, or `*` for any page (unsafe: any site you
	/// visit could then add, pin and unpin on this node). Without it only the endpoint's own
	/// origin may; calls without an `Origin` or `Referer` (curl, IPFS libraries) are not affected.
	#[arg(long = "ipfs-api-allow-origin", value_name = "ORIGIN")]
	pub ipfs_api_allowed_origins: Vec<String>,

	/// The most connections the IPFS HTTP endpoint serves at once; more are closed at once.
	#[arg(long, value_name = "COUNT", default_value_t = 256)]
	pub ipfs_api_max_connections: usize,

	/// Use the Kubo daemon whose RPC API is at URL (such as `http://127.0.0.1:5001`) for adding,
	/// reading and pinning, instead of the embedded store.
	#[arg(long, value_name = "URL")]
	pub ipfs_api: Option<String>,

	/// A Kubo RPC API (a Kubo daemon or another Plaza node's IPFS endpoint) the embedded store
	/// fetches missing blocks from, checking each against its CID. Repeat for several.
	#[arg(long = "ipfs-source", value_name = "URL")]
	pub ipfs_sources: Vec<String>,

	/// The largest body, in bytes, that `add` accepts and that reads and pins fetch.
	#[arg(long, value_name = "BYTES", default_value_t = 32 * 1024 * 1024)]
	pub ipfs_max_content: u64,

	/// The most bytes of blocks no pin reaches (uploads not pinned, content fetched for reads,
	/// bodies unpinned after a delete or an edit) the embedded store keeps; the oldest beyond it
	/// are removed.
	#[arg(long, value_name = "BYTES", default_value_t = 1024 * 1024 * 1024)]
	pub ipfs_cache_size: u64,

	/// How long to wait for content that is not here before answering not-found, in seconds.
	#[arg(long, value_name = "SECONDS", default_value_t = 10)]
	pub ipfs_fetch_timeout: u64,

	/// Port of the IPFS peer (bitswap 1.2, Kademlia, identify and ping over TCP, on every IPv4
	/// interface). It runs with the embedded store; an external daemon (`--ipfs-api`) is a peer
	/// of its own.
	#[arg(long, value_name = "PORT", default_value_t = 4101)]
	pub ipfs_p2p_port: u16,

	/// An IPFS peer to connect to at start and to join the DHT through, as a multiaddr ending
	/// in `/p2p/<peer id>`. Repeat for several. None by default: the nodes of one chain find each
	/// other's IPFS peers through their chain peers; add `--ipfs-public-bootstrap` to join the
	/// public IPFS network. (Substrate's own `--ipfs-bootnodes` belongs to its `--ipfs-server`.)
	#[arg(long = "ipfs-p2p-bootnodes", value_name = "MULTIADDR")]
	pub ipfs_p2p_bootnodes: Vec<String>,

	/// Connect to the public IPFS bootstrap peers (Kubo's default list) too, joining the public
	/// DHT so that any IPFS node can find this node's bodies.
	#[arg(long)]
	pub ipfs_public_bootstrap: bool,

	/// An address the IPFS peer announces (to chain peers and in its DHT provider records), such
	/// as `/ip4/203.0.113.7/tcp/4101`. Repeat for several. Without any, the addresses it listens
	/// on.
	#[arg(long = "ipfs-public-addr", value_name = "MULTIADDR")]
	pub ipfs_public_addrs: Vec<String>,

	/// The Kademlia protocol of the IPFS peer's DHT: the public IPFS DHT's by default,
	/// `/ipfs/lan/kad/1.0.0` to speak to Kubo peers on a LAN or on loopback.
	#[arg(long, value_name = "PROTOCOL", default_value = "/ipfs/kad/1.0.0")]
	pub ipfs_kad_protocol: String,

	/// The most MiB per second the IPFS peer sends to any one peer, over all its connections to
	/// it (blocks, DHT answers and all); a peer that asks for more waits, and the others are
	/// served at their own rate.
	#[arg(
		long,
		value_name = "MIB_PER_SECOND",
		default_value_t = 8,
		value_parser = clap::value_parser!(u64).range(1..=1_000_000)
	)]
	pub ipfs_peer_rate: u64,

	/// Serve the Plaza web app built in DIR (`web/dist`, made by `npm run build` in `web/`) at
	/// `/app/` on the IPFS HTTP endpoint, so that the node's own URL opens the social client.
	#[arg(long, value_name = "DIR")]
	pub web_dir: Option<std::path::PathBuf>,

	/// Run without IPFS: no HTTP endpoint, no pinning.
	#[arg(long)]
	pub no_ipfs: bool,
}

/// The running IPFS service, for the JSON-RPC methods.
#[derive(Clone)]
pub struct Ipfs {
	/// The content store.
	pub store: Arc<dyn ContentStore>,
	/// The pinner's records.
	pub book: Arc<PinBook>,
	/// Where the follower of finality gives the pinner each finalized block.
	pub feed: PinFeed,
	/// The node's IPFS peer (none with an external daemon).
	pub network: Option<Network>,
}

/// The IPFS service's tasks, for the node to spawn.
pub struct Tasks {
	/// Serves the HTTP endpoint.
	pub api: BoxFuture<'static, ()>,
	/// Pins what finalized blocks reference.
	pub pinner: BoxFuture<'static, ()>,
	/// Removes unpinned blocks beyond the cache size (none with an external daemon, which
	/// collects its own garbage).
	pub garbage_collection: Option<BoxFuture<'static, ()>>,
	/// Runs the IPFS peer (none with an external daemon).
	pub network: Option<BoxFuture<'static, ()>>,
}

/// Opens the store in `dir` and binds the HTTP endpoint (`peer_id` is the node's libp2p peer id,
/// for `/api/v0/id`; `rpc_port` the node's JSON-RPC port, which the web app is told). `None`
/// with `--no-ipfs`. Call it within the node's tokio runtime.
pub fn start(
	params: &IpfsParams,
	dir: &Path,
	peer_id: &[u8],
	registry: Option<&Registry>,
	rpc_port: u16,
) -> Result<Option<(Ipfs, Tasks)>, String> {
	if params.no_ipfs {
		return Ok(None);
	}
	let web = match &params.web_dir {
		Some(dir) => Some(Arc::new(web::WebApp::load(dir, rpc_port)?)),
		None => None,
	};
	let db = db::open(dir).map_err(|e| format!("cannot open the IPFS database in {dir:?}: {e}"))?;
	let timeout = Duration::from_secs(params.ipfs_fetch_timeout);
	let (store, garbage_collection, network) = match &params.ipfs_api {
		Some(url) => {
			let store = kubo::KuboStore::new(db.clone(), url, timeout, params.ipfs_max_content)?;
			(Arc::new(store) as Arc<dyn ContentStore>, None, None)
		},
		None => {
			let store = embedded::EmbeddedStore::new(
				db.clone(),
				&params.ipfs_sources,
				timeout,
				params.ipfs_max_content,
			)?
			.with_cache_size(params.ipfs_cache_size);
			let network_metrics = registry
				.map(metrics::NetworkMetrics::register)
				.transpose()
				.map_err(|e| format!("cannot register the IPFS peer's metrics: {e}"))?;
			let (network, run) = network::Network::start(
				network_config(params)?,
				dir,
				store.local_blocks(),
				network_metrics,
			)?;
			let store = Arc::new(store.with_network(network.clone()));
			let run = futures::future::join(run, provide_pins(store.clone(), network.clone()));
			(
				store.clone() as Arc<dyn ContentStore>,
				Some(store.run_garbage_collection().boxed()),
				Some((network, run.map(|_| ()).boxed())),
			)
		},
	};
	let (network, network_task) = network.unzip();
	let metrics = registry
		.map(metrics::Metrics::register)
		.transpose()
		.map_err(|e| format!("cannot register the IPFS metrics: {e}"))?;
	let book = Arc::new(PinBook::open(db, metrics).map_err(|e| e.to_string())?);

	let ip = if params.ipfs_api_external { Ipv4Addr::UNSPECIFIED } else { Ipv4Addr::LOCALHOST };
	let address = SocketAddr::from((ip, params.ipfs_api_port));
	let listener = std::net::TcpListener::bind(address)
		.and_then(|listener| listener.set_nonblocking(true).map(|()| listener))
		.and_then(tokio::net::TcpListener::from_std)
		.map_err(|e| format!("cannot listen for the IPFS API on {address}: {e}"))?;
	log::info!(target: "ipfs", "🌐 IPFS API and gateway on http://{address} ({})", store.describe());

	// `/api/v0/id` names the IPFS peer, or the chain node when there is none.
	let ipfs_peer_id = network.as_ref().map_or(peer_id.to_vec(), |n| n.peer_id().to_bytes());
	let port = params.ipfs_api_port;
	let own = [format!("http://127.0.0.1:{port}"), format!("http://localhost:{port}")];
	let allowed_origins = own
		.into_iter()
		.chain(
			params.ipfs_api_allowed_origins.iter().map(|o| o.trim_end_matches('/').to_lowercase()),
		)
		.collect();
	let state = Arc::new(http::ApiState {
		store: store.clone(),
		max_upload: params.ipfs_max_content,
		peer_id: bs58_peer_id(&ipfs_peer_id),
		public_key: public_key(&ipfs_peer_id),
		allowed_origins,
		limits: http::Limits {
			max_connections: params.ipfs_api_max_connections.max(1),
			..Default::default()
		},
		web,
	});
	let (feed, pinner) = pinner::pinner(book.clone(), store.clone());
	let tasks = Tasks {
		api: http::serve(listener, state).boxed(),
		pinner: pinner.boxed(),
		garbage_collection,
		network: network_task,
	};
	Ok(Some((Ipfs { store, book, feed, network }, tasks)))
}

/// The IPFS peer's configuration from the flags.
fn network_config(params: &IpfsParams) -> Result<network::NetworkConfig, String> {
	let parse = |flag: &str, text: &str| {
		text.parse::<network::Multiaddr>().map_err(|e| format!("{flag} {text}: {e}"))
	};
	let public_bootstrap = params.ipfs_public_bootstrap.then_some(network::PUBLIC_BOOTSTRAP);
	let bootnodes = params
		.ipfs_p2p_bootnodes
		.iter()
		.map(String::as_str)
		.chain(public_bootstrap.into_iter().flatten())
		.map(|text| parse("--ipfs-p2p-bootnodes", text))
		.collect::<Result<_, _>>()?;
	let public_addresses = params
		.ipfs_public_addrs
		.iter()
		.map(|text| parse("--ipfs-public-addr", text))
		.collect::<Result<_, _>>()?;
	let kad_protocol = network::StreamProtocol::try_from_owned(params.ipfs_kad_protocol.clone())
		.map_err(|e| format!("--ipfs-kad-protocol {}: {e}", params.ipfs_kad_protocol))?;
	let listen = format!("/ip4/0.0.0.0/tcp/{}", params.ipfs_p2p_port);
	Ok(network::NetworkConfig {
		listen: vec![parse("--ipfs-p2p-port", &listen)?],
		bootnodes,
		public_addresses,
		kad_protocol,
		peer_rate: params.ipfs_peer_rate << 20,
	})
}

/// Announces in the DHT every root the store pins (at start; later pins announce themselves).
async fn provide_pins(store: Arc<embedded::EmbeddedStore>, network: network::Network) {
	match store.pins().await {
		Ok(pins) => {
			for cid in pins {
				network.provide(cid).await;
			}
		},
		Err(e) => log::warn!(target: "ipfs", "Cannot list the pins to announce: {e}"),
	}
}

/// A peer id's usual text form: its multihash in base58btc (a CIDv0-style string).
fn bs58_peer_id(peer_id: &[u8]) -> String {
	multibase::Base::Base58Btc.encode(peer_id)
}

/// The peer's public key as `/api/v0/id` reports it: base64 of its protobuf encoding, which an
/// identity-hashed peer id (Ed25519, the node's default) carries inside.
fn public_key(peer_id: &[u8]) -> String {
	cid::multihash::Multihash::<64>::from_bytes(peer_id)
		.ok()
		.filter(|hash| hash.code() == 0)
		.map(|hash| base64::engine::general_purpose::STANDARD.encode(hash.digest()))
		.unwrap_or_default()
}
