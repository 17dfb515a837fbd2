//! What a Plaza node tells its chain peers about its IPFS peer, so that the nodes of one chain
//! find each other's IPFS peers with no configuration beyond the chain's own peering. The node
//! answers requests for it on a request-response protocol of the chain's network (see the node's
//! `ipfs_peers` module); this module only encodes and checks it.

use codec::{Decode, Encode};
use libp2p::{Multiaddr, PeerId};

/// The most addresses a record carries; more are dropped when it is made and refused when read.
pub const MAX_ADDRESSES: usize = 16;

/// The most bytes of an encoded record (16 addresses of up to 200 bytes, and the peer id).
pub const MAX_RECORD_BYTES: usize = 4096;

/// An IPFS peer and the addresses it can be reached at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PeerRecord {
	/// The IPFS peer's id (not the chain node's).
	pub peer: PeerId,
	/// Where it listens, or what it was told to announce (`--ipfs-public-addr`).
	pub addresses: Vec<Multiaddr>,
}

impl PeerRecord {
	/// The record's bytes: SCALE of the peer id's bytes and each address's bytes.
	pub fn encode(&self) -> Vec<u8> {
		let addresses: Vec<Vec<u8>> =
			self.addresses.iter().take(MAX_ADDRESSES).map(|a| a.to_vec()).collect();
		(self.peer.to_bytes(), addresses).encode()
	}

	/// The record in `bytes`, or why it is not one.
	pub fn decode(bytes: &[u8]) -> Result<Self, String> {
		if bytes.len() > MAX_RECORD_BYTES {
			return Err(format!("a record of {} bytes (at most {MAX_RECORD_BYTES})", bytes.len()));
		}
		let (peer, addresses) = <(Vec<u8>, Vec<Vec<u8>>)>::decode(&mut &bytes[..])
			.map_err(|e| format!("not a peer record: {e}"))?;
		if addresses.len() > MAX_ADDRESSES {
			return Err(format!("{} addresses (at most {MAX_ADDRESSES})", addresses.len()));
		}
		let peer = PeerId::from_bytes(&peer).map_err(|e| format!("not a peer id: {e}"))?;
		let addresses = addresses
			.into_iter()
			.map(|bytes| Multiaddr::try_from(bytes).map_err(|e| format!("not an address: {e}")))
			.collect::<Result<_, _>>()?;
		Ok(Self { peer, addresses })
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	fn record(addresses: usize) -> PeerRecord {
		PeerRecord {
			peer: PeerId::random(),
			addresses: (0..addresses)
				.map(|i| format!("/ip4/10.0.0.{}/tcp/4101", i % 250).parse().unwrap())
				.collect(),
		}
	}

	#[test]
	fn a_record_reads_back_as_it_was_made() {
		let made = record(3);
		assert_eq!(PeerRecord::decode(&made.encode()).unwrap(), made);
	}

	#[test]
	fn a_record_keeps_at_most_the_address_limit() {
		let made = record(MAX_ADDRESSES + 5);
		let read = PeerRecord::decode(&made.encode()).unwrap();
		assert_eq!(read.addresses, made.addresses[..MAX_ADDRESSES]);
	}

	#[test]
	fn hostile_records_are_refused() {
		let peer = PeerId::random().to_bytes();
		let many: Vec<Vec<u8>> = vec![vec![4, 127, 0, 0, 1]; MAX_ADDRESSES + 1];
		let error = PeerRecord::decode(&(peer.clone(), many).encode()).unwrap_err();
		assert_eq!(error, format!("{} addresses (at most {MAX_ADDRESSES})", MAX_ADDRESSES + 1));
		let error = PeerRecord::decode(&(vec![1u8, 2, 3], Vec::<Vec<u8>>::new()).encode());
		assert!(error.unwrap_err().starts_with("not a peer id"));
		let error = PeerRecord::decode(&(peer, vec![vec![0xff, 0xff]]).encode());
		assert!(error.unwrap_err().starts_with("not an address"));
		assert!(PeerRecord::decode(&[0xff; MAX_RECORD_BYTES + 1]).is_err());
		// A length prefix that claims far more than the bytes hold is an error, not an allocation.
		assert!(PeerRecord::decode(&[0xfe, 0xff, 0xff, 0xff])
			.unwrap_err()
			.starts_with("not a peer"));
	}
}
