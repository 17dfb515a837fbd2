//! Prometheus metrics of the IPFS service: CIDs pinned, missing and failed; bytes stored.

use substrate_prometheus_endpoint::{register, Gauge, PrometheusError, Registry, U64};

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
