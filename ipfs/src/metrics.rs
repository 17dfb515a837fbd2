//! Prometheus metrics of the IPFS service: CIDs pinned, missing and failed; bytes stored; the
//! IPFS peer's connected peers, blocks and bytes served and fetched, and provided keys.

use substrate_prometheus_endpoint::{register, Counter, Gauge, PrometheusError, Registry, U64};

/// The gauges, registered with the node's Prometheus registry.
pub struct Metrics {
	pinned: Gauge<U64>,
	missing: Gauge<U64>,
	failed: Gauge<U64>,
	stored_bytes: Gauge<U64>,
}

impl Metrics {
	/// Registers the gauges.
	pub fn register(registry: &Registry) -> Result<Self, PrometheusError> {
		let gauge = |name: &str, help: &str| register(Gauge::new(name, help)?, registry);
		Ok(Self {
			pinned: gauge("plaza_ipfs_pinned", "Bodies referenced on chain and pinned")?,
			missing: gauge("plaza_ipfs_missing", "Bodies referenced on chain, not pinned yet")?,
			failed: gauge(
				"plaza_ipfs_failed",
				"Bodies referenced on chain that several pin attempts could not fetch",
			)?,
			stored_bytes: gauge(
				"plaza_ipfs_stored_bytes",
				"Bytes of blocks in the embedded IPFS store",
			)?,
		})
	}

	/// Publishes how many referenced CIDs are pinned, missing and failed.
	pub fn publish_counts(&self, pinned: u64, missing: u64, failed: u64) {
		self.pinned.set(pinned);
		self.missing.set(missing);
		self.failed.set(failed);
	}

	/// Publishes the stored bytes (nothing for an external daemon).
	pub fn publish_stored_bytes(&self, bytes: Option<u64>) {
		if let Some(bytes) = bytes {
			self.stored_bytes.set(bytes);
		}
	}
}

/// The IPFS peer's metrics.
pub struct NetworkMetrics {
	peers: Gauge<U64>,
	provided_keys: Gauge<U64>,
	blocks_served: Counter<U64>,
	bytes_served: Counter<U64>,
	blocks_fetched: Counter<U64>,
	bytes_fetched: Counter<U64>,
}

impl NetworkMetrics {
	/// Registers them.
	pub fn register(registry: &Registry) -> Result<Self, PrometheusError> {
		let gauge = |name: &str, help: &str| register(Gauge::new(name, help)?, registry);
		let counter = |name: &str, help: &str| register(Counter::new(name, help)?, registry);
		Ok(Self {
			peers: gauge("plaza_ipfs_p2p_peers", "IPFS peers connected")?,
			provided_keys: gauge(
				"plaza_ipfs_p2p_provided_keys",
				"Roots this node announces in the IPFS DHT as their provider",
			)?,
			blocks_served: counter(
				"plaza_ipfs_p2p_blocks_served_total",
				"Blocks read for IPFS peers over bitswap",
			)?,
			bytes_served: counter(
				"plaza_ipfs_p2p_bytes_served_total",
				"Bytes of blocks read for IPFS peers over bitswap",
			)?,
			blocks_fetched: counter(
				"plaza_ipfs_p2p_blocks_fetched_total",
				"Blocks fetched from IPFS peers over bitswap",
			)?,
			bytes_fetched: counter(
				"plaza_ipfs_p2p_bytes_fetched_total",
				"Bytes of blocks fetched from IPFS peers over bitswap",
			)?,
		})
	}

	/// Publishes the connected peers and the provided keys.
	pub fn publish_peers(&self, peers: usize, provided_keys: usize) {
		self.peers.set(peers as u64);
		self.provided_keys.set(provided_keys as u64);
	}

	/// Counts a block of `bytes` read for a peer.
	pub fn served(&self, bytes: usize) {
		self.blocks_served.inc();
		self.bytes_served.inc_by(bytes as u64);
	}

	/// Counts a block of `bytes` fetched from a peer.
	pub fn fetched(&self, bytes: usize) {
		self.blocks_fetched.inc();
		self.bytes_fetched.inc_by(bytes as u64);
	}
}
