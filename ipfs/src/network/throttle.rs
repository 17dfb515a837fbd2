//! The most bytes per second the IPFS peer sends to one remote peer: a token bucket per peer,
//! shared by every connection to it and applied under the muxer, so every stream's bytes count
//! (bitswap blocks, DHT answers, identify). A peer that asks for more waits; others are served
//! from their own buckets.

use std::{
	collections::HashMap,
	io,
	pin::Pin,
	sync::{Arc, Mutex, Weak},
	task::{Context, Poll},
	time::Duration,
};

use futures::{AsyncRead, AsyncWrite, Future};
use libp2p::{
	core::upgrade::{InboundConnectionUpgrade, OutboundConnectionUpgrade, UpgradeInfo},
	yamux, PeerId,
};
use tokio::time::{Instant, Sleep};

/// Writes wait until at least this many bytes may go (or the whole write, when smaller), so that
/// a slow rate does not cut the stream into tiny frames.
const MIN_WRITE: u64 = 16 * 1024;

/// What a bucket may hold beyond its rate's steady flow: a quarter of a second's bytes, at least
/// one [`MIN_WRITE`].
fn burst(rate: u64) -> u64 {
	(rate / 4).max(MIN_WRITE)
}

/// How many bytes may go now.
struct Bucket {
	/// Bytes per second.
	rate: u64,
	/// The most tokens it holds.
	burst: u64,
	tokens: u64,
	refilled: Instant,
}

impl Bucket {
	fn new(rate: u64, now: Instant) -> Self {
		let burst = burst(rate);
		Self { rate, burst, tokens: burst, refilled: now }
	}

	/// Takes up to `wanted` bytes' worth when at least `min(wanted, MIN_WRITE)` are there; or
	/// says how long until they are.
	fn take(&mut self, wanted: u64, now: Instant) -> Result<u64, Duration> {
		let elapsed = now.saturating_duration_since(self.refilled).as_nanos();
		let earned = elapsed * u128::from(self.rate) / 1_000_000_000;
		if earned > 0 {
			let earned = u64::try_from(earned).unwrap_or(u64::MAX);
			self.tokens = self.tokens.saturating_add(earned).min(self.burst);
			self.refilled = now;
		}
		let needed = wanted.min(MIN_WRITE);
		if self.tokens >= needed {
			let taken = wanted.min(self.tokens);
			self.tokens -= taken;
			return Ok(taken);
		}
		let missing = u128::from(needed - self.tokens);
		let nanos = missing * 1_000_000_000 / u128::from(self.rate) + 1;
		Err(Duration::from_nanos(u64::try_from(nanos).unwrap_or(u64::MAX)))
	}
}

/// The buckets of the connected peers; a peer's goes when its last connection closes.
pub struct PeerRates {
	rate: u64,
	buckets: Mutex<HashMap<PeerId, Weak<Mutex<Bucket>>>>,
}

impl PeerRates {
	/// At most `rate` bytes per second to each peer.
	pub fn new(rate: u64) -> Arc<Self> {
		Arc::new(Self { rate: rate.max(1), buckets: Mutex::new(HashMap::new()) })
	}

	fn bucket(&self, peer: &PeerId) -> Arc<Mutex<Bucket>> {
		let mut buckets = self.buckets.lock().unwrap_or_else(|p| p.into_inner());
		if let Some(bucket) = buckets.get(peer).and_then(Weak::upgrade) {
			return bucket;
		}
		// Only connections keep buckets alive: the map holds no more than the connection limit
		// once the dead entries are dropped.
		buckets.retain(|_, bucket| bucket.strong_count() > 0);
		let bucket = Arc::new(Mutex::new(Bucket::new(self.rate, Instant::now())));
		buckets.insert(*peer, Arc::downgrade(&bucket));
		bucket
	}

	/// Yamux over a connection to `peer` whose writes draw on `peer`'s bucket.
	pub fn muxer(&self, peer: &PeerId, yamux: yamux::Config) -> Throttle {
		Throttle { bucket: self.bucket(peer), yamux }
	}
}

/// The connection upgrade: yamux, over the connection throttled by the peer's bucket.
#[derive(Clone)]
pub struct Throttle {
	bucket: Arc<Mutex<Bucket>>,
	yamux: yamux::Config,
}

impl UpgradeInfo for Throttle {
	type Info = <yamux::Config as UpgradeInfo>::Info;
	type InfoIter = <yamux::Config as UpgradeInfo>::InfoIter;

	fn protocol_info(&self) -> Self::InfoIter {
		self.yamux.protocol_info()
	}
}

impl<C> InboundConnectionUpgrade<C> for Throttle
where
	C: AsyncRead + AsyncWrite + Send + Unpin + 'static,
{
	type Output = <yamux::Config as InboundConnectionUpgrade<Throttled<C>>>::Output;
	type Error = <yamux::Config as InboundConnectionUpgrade<Throttled<C>>>::Error;
	type Future = <yamux::Config as InboundConnectionUpgrade<Throttled<C>>>::Future;

	fn upgrade_inbound(self, io: C, info: Self::Info) -> Self::Future {
		self.yamux.upgrade_inbound(Throttled::new(io, self.bucket), info)
	}
}

impl<C> OutboundConnectionUpgrade<C> for Throttle
where
	C: AsyncRead + AsyncWrite + Send + Unpin + 'static,
{
	type Output = <yamux::Config as OutboundConnectionUpgrade<Throttled<C>>>::Output;
	type Error = <yamux::Config as OutboundConnectionUpgrade<Throttled<C>>>::Error;
	type Future = <yamux::Config as OutboundConnectionUpgrade<Throttled<C>>>::Future;

	fn upgrade_outbound(self, io: C, info: Self::Info) -> Self::Future {
		self.yamux.upgrade_outbound(Throttled::new(io, self.bucket), info)
	}
}

/// A connection whose writes wait for its peer's bucket; reads are not limited.
pub struct Throttled<C> {
	io: C,
	bucket: Arc<Mutex<Bucket>>,
	wait: Option<Pin<Box<Sleep>>>,
}

impl<C> Throttled<C> {
	fn new(io: C, bucket: Arc<Mutex<Bucket>>) -> Self {
		Self { io, bucket, wait: None }
	}
}

impl<C: AsyncRead + Unpin> AsyncRead for Throttled<C> {
	fn poll_read(
		mut self: Pin<&mut Self>,
		cx: &mut Context<'_>,
		buf: &mut [u8],
	) -> Poll<io::Result<usize>> {
		Pin::new(&mut self.io).poll_read(cx, buf)
	}
}

impl<C: AsyncWrite + Unpin> AsyncWrite for Throttled<C> {
	fn poll_write(
		mut self: Pin<&mut Self>,
		cx: &mut Context<'_>,
		buf: &[u8],
	) -> Poll<io::Result<usize>> {
		let this = &mut *self;
		if buf.is_empty() {
			return Pin::new(&mut this.io).poll_write(cx, buf);
		}
		loop {
			if let Some(wait) = &mut this.wait {
				if wait.as_mut().poll(cx).is_pending() {
					return Poll::Pending;
				}
				this.wait = None;
			}
			let now = Instant::now();
			let taken =
				this.bucket.lock().unwrap_or_else(|p| p.into_inner()).take(buf.len() as u64, now);
			match taken {
				Ok(allowed) => {
					let written = Pin::new(&mut this.io).poll_write(cx, &buf[..allowed as usize]);
					// What was not written goes back to the bucket.
					let unused = match &written {
						Poll::Ready(Ok(n)) => allowed - *n as u64,
						_ => allowed,
					};
					if unused > 0 {
						let mut bucket = this.bucket.lock().unwrap_or_else(|p| p.into_inner());
						bucket.tokens = bucket.tokens.saturating_add(unused).min(bucket.burst);
					}
					return written;
				},
				Err(wait) => this.wait = Some(Box::pin(tokio::time::sleep_until(now + wait))),
			}
		}
	}

	fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
		Pin::new(&mut self.io).poll_flush(cx)
	}

	fn poll_close(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
		Pin::new(&mut self.io).poll_close(cx)
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn a_bucket_lets_its_burst_go_then_its_rate() {
		let start = Instant::now();
		let mut bucket = Bucket::new(1 << 20, start);
		assert_eq!(bucket.take(10 << 20, start), Ok(256 * 1024), "a quarter second's burst");
		// Empty: 16 KiB takes 1/64 s at 1 MiB/s.
		let wait = bucket.take(10 << 20, start).unwrap_err();
		assert!(wait > Duration::from_millis(15) && wait < Duration::from_millis(17), "{wait:?}");
		// A second later a second's bytes are there, but never more than the burst.
		assert_eq!(bucket.take(10 << 20, start + Duration::from_secs(1)), Ok(256 * 1024));
		let later = start + Duration::from_secs(1) + Duration::from_millis(100);
		assert_eq!(bucket.take(10 << 20, later), Ok(104_857), "0.1 s of 1 MiB/s");
	}

	#[test]
	fn connections_to_one_peer_share_its_bucket_and_buckets_go_with_their_connections() {
		let rates = PeerRates::new(1 << 20);
		let peer = PeerId::random();
		let (first, second) = (rates.bucket(&peer), rates.bucket(&peer));
		assert!(Arc::ptr_eq(&first, &second), "two connections to one peer, two buckets");
		assert!(!Arc::ptr_eq(&first, &rates.bucket(&PeerId::random())));
		// Peers that come and go leave no bucket behind.
		for _ in 0..1000 {
			drop(rates.bucket(&PeerId::random()));
		}
		assert_eq!(rates.buckets.lock().unwrap().len(), 2, "the live peer's and the last one's");
		drop((first, second));
		drop(rates.bucket(&PeerId::random()));
		assert_eq!(rates.buckets.lock().unwrap().len(), 1);
	}
}
