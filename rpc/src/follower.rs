//! The node's one follower of finality: everything the node keeps from finalized blocks (the
//! social index, the pinner's records) is fed by it, so each block is read and decoded once and
//! every consumer sees the same blocks in the same order.
//!
//! Each [`BlockConsumer`] writes a block's changes together with the block's number and hash, in
//! one write to its own database, so a crash never leaves a consumer half way through a block.
//! Those markers make one marker for the follower: it goes on from the oldest of them, and a
//! consumer that already has a block (it wrote it, another did not, then the node stopped) is
//! not given it again.
//!
//! On start the follower checks each consumer's marker against the chain and starts over from
//! genesis the consumers that are ahead of it or on another fork of it (a crash lost blocks the
//! consumer had seen, a `purge-chain`, another chain under the same base path). Catching up runs
//! on a blocking thread, [`CATCH_UP_BATCH`] blocks at a time, yielding between batches. A block
//! it cannot read, or one a consumer cannot write, stops it there for every consumer, and
//! [`FollowerStatus`] says why (`social_status`, `ipfs_pinStatus`) rather than letting any of
//! them serve silently stale answers; it tries again at the next finalized block.

use std::sync::{
	atomic::{AtomicU32, Ordering},
	Arc, Mutex,
};

use futures::{stream::BoxStream, StreamExt};
use tokio::sync::broadcast;

use crate::{
	events::FinalizedBlock,
	index::{BlockChanges, SocialIndex},
};

/// What the follower needs from the chain.
pub trait SocialSource: Send + Sync + 'static {
	/// The number of the last finalized block.
	fn finalized_number(&self) -> u32;

	/// The hash of block `number` of the finalized chain, if the node has it.
	fn finalized_hash(&self, number: u32) -> Option<[u8; 32]>;

	/// Finalized block `number` with its social events. An error stops the follower at that
	/// block (its state was pruned, or its events are in a layout this node does not know).
	fn block(&self, number: u32) -> Result<FinalizedBlock, String>;

	/// Yields whenever blocks are finalized.
	fn finality_notifications(&self) -> BoxStream<'static, ()>;
}

/// Something kept from finalized blocks, block by block.
pub trait BlockConsumer: Send + Sync + 'static {
	/// Its name, for errors and logs.
	fn name(&self) -> &'static str;

	/// The number and hash of the last block it applied.
	fn last_block(&self) -> Result<Option<(u32, [u8; 32])>, String>;

	/// Forgets everything, to start over from genesis.
	fn start_over(&self) -> Result<(), String>;

	/// Applies the block after its last one, writing its changes and its number and hash at
	/// once. Called on a blocking thread.
	fn apply(&self, block: &FinalizedBlock) -> Result<(), String>;

	/// The follower has checked every consumer against the chain and is about to give blocks.
	/// Called once, on a blocking thread.
	fn following(&self) {}

	/// The follower stopped at a block, and why; `None` once it goes on.
	fn stopped(&self, _why: Option<&str>) {}
}

/// Blocks read between two yields to the runtime while catching up.
pub const CATCH_UP_BATCH: u32 = 64;

/// Where the follower stands, for `social_status`.
#[derive(Default)]
pub struct FollowerStatus {
	finalized: AtomicU32,
	error: Mutex<Option<String>>,
}

impl FollowerStatus {
	/// The last finalized block the follower knows of.
	pub fn finalized(&self) -> u32 {
		self.finalized.load(Ordering::SeqCst)
	}

	/// Why the follower is stopped at a block, while it is.
	pub fn error(&self) -> Option<String> {
		self.error.lock().unwrap_or_else(|p| p.into_inner()).clone()
	}

	/// Records the last finalized block.
	pub(crate) fn set_finalized(&self, number: u32) {
		self.finalized.store(number, Ordering::SeqCst);
	}

	/// Records an error; whether it is a new one.
	pub(crate) fn set_error(&self, error: Option<String>) -> bool {
		let mut current = self.error.lock().unwrap_or_else(|p| p.into_inner());
		let new = *current != error;
		*current = error;
		new
	}
}

/// The social index as a consumer: each block indexed is announced to the subscriptions.
pub struct IndexConsumer {
	/// The index.
	pub index: Arc<SocialIndex>,
	/// Where each block's changes are announced.
	pub changes: broadcast::Sender<BlockChanges>,
}

impl BlockConsumer for IndexConsumer {
	fn name(&self) -> &'static str {
		"social index"
	}

	fn last_block(&self) -> Result<Option<(u32, [u8; 32])>, String> {
		self.index.last_block().map_err(|e| e.to_string())
	}

	fn start_over(&self) -> Result<(), String> {
		self.index.clear().map_err(|e| e.to_string())
	}

	fn apply(&self, block: &FinalizedBlock) -> Result<(), String> {
		let changes = self.index.apply_block(block).map_err(|e| e.to_string())?;
		if !changes.created.is_empty() || !changes.updated.is_empty() {
			// Nobody listening is fine.
			let _ = self.changes.send(changes);
		}
		Ok(())
	}
}

/// Follows finality until the node stops, feeding `consumers`.
pub async fn run(
	source: Arc<dyn SocialSource>,
	consumers: Vec<Arc<dyn BlockConsumer>>,
	status: Arc<FollowerStatus>,
) {
	let follower = Follower { source: source.clone(), consumers, next: Vec::new() };
	let opened = on_blocking_thread(follower, |follower| {
		follower.check_against_chain()?;
		follower.consumers.iter().for_each(|consumer| consumer.following());
		Ok(())
	});
	let mut follower = match opened.await {
		Ok((follower, Ok(()))) => follower,
		Ok((_, Err(e))) | Err(e) => {
			status.set_error(Some(e.clone()));
			return log::error!(target: "social", "Cannot follow finalized blocks: {e}");
		},
	};
	let mut finality = source.finality_notifications();
	loop {
		status.set_finalized(source.finalized_number());
		loop {
			let batch = on_blocking_thread(follower, |follower| follower.catch_up(CATCH_UP_BATCH));
			let result = match batch.await {
				Ok((back, result)) => {
					follower = back;
					result
				},
				Err(e) => {
					status.set_error(Some(e.clone()));
					return log::error!(target: "social", "The follower of finality failed: {e}");
				},
			};
			match result {
				Ok(true) => {
					if status.set_error(None) {
						follower.consumers.iter().for_each(|consumer| consumer.stopped(None));
					}
					break;
				},
				Ok(false) => tokio::task::yield_now().await,
				Err(e) => {
					if status.set_error(Some(e.clone())) {
						log::error!(target: "social", "Following finality stopped at {e}");
						follower.consumers.iter().for_each(|consumer| consumer.stopped(Some(&e)));
					}
					break;
				},
			}
		}
		if finality.next().await.is_none() {
			return;
		}
	}
}

/// Runs `work` on the follower on a blocking thread, and gives the follower back.
async fn on_blocking_thread<T: Send + 'static>(
	mut follower: Follower,
	work: impl FnOnce(&mut Follower) -> Result<T, String> + Send + 'static,
) -> Result<(Follower, Result<T, String>), String> {
	tokio::task::spawn_blocking(move || {
		let result = work(&mut follower);
		(follower, result)
	})
	.await
	.map_err(|e| e.to_string())
}

/// The chain and what is fed from it.
struct Follower {
	source: Arc<dyn SocialSource>,
	consumers: Vec<Arc<dyn BlockConsumer>>,
	/// The block each consumer needs next, in the order of `consumers`.
	next: Vec<u32>,
}

impl Follower {
	/// Starts over the consumers whose last block is ahead of the chain or not on it, and
	/// learns which block each needs next.
	fn check_against_chain(&mut self) -> Result<(), String> {
		let finalized = self.source.finalized_number();
		self.next = Vec::with_capacity(self.consumers.len());
		for consumer in &self.consumers {
			let name = consumer.name();
			let last = consumer.last_block().map_err(|e| format!("{name}: {e}"))?;
			let next = match last {
				Some((number, hash))
					if number > finalized || self.source.finalized_hash(number) != Some(hash) =>
				{
					log::warn!(
						target: "social",
						"The {name} is ahead of the chain or on another fork (block #{number}): \
						 starting it over from genesis",
					);
					consumer.start_over().map_err(|e| format!("{name}: {e}"))?;
					0
				},
				Some((number, _)) => number + 1,
				None => 0,
			};
			self.next.push(next);
		}
		Ok(())
	}

	/// Feeds the finalized blocks some consumer does not have yet, at most `max_blocks` of them;
	/// whether every consumer is level with finality. Each block is read once and given to the
	/// consumers that need it, in order.
	fn catch_up(&mut self, max_blocks: u32) -> Result<bool, String> {
		let finalized = self.source.finalized_number();
		for _ in 0..max_blocks {
			let Some(number) = self.next.iter().min().copied() else { return Ok(true) };
			if number > finalized {
				return Ok(true);
			}
			let block = self.source.block(number).map_err(|e| format!("block #{number}: {e}"))?;
			for (consumer, next) in self.consumers.iter().zip(&mut self.next) {
				if *next == number {
					consumer
						.apply(&block)
						.map_err(|e| format!("block #{number}: {}: {e}", consumer.name()))?;
					*next += 1;
				}
			}
		}
		Ok(self.next.iter().min().is_none_or(|next| *next > finalized))
	}
}

#[cfg(test)]
mod tests {
	use std::sync::atomic::AtomicUsize;

	use super::*;
	use crate::events::SocialEvent;

	/// A chain of blocks, each with one post by the same author; counts the blocks read.
	struct FakeChain {
		blocks: Mutex<Vec<FinalizedBlock>>,
		reads: AtomicUsize,
		/// A block that cannot be read.
		unreadable: Mutex<Option<u32>>,
	}

	impl FakeChain {
		fn new(fork: u8, length: u32) -> Arc<Self> {
			Arc::new(Self {
				blocks: Mutex::new(Self::blocks(fork, length)),
				reads: AtomicUsize::new(0),
				unreadable: Mutex::new(None),
			})
		}

		fn blocks(fork: u8, length: u32) -> Vec<FinalizedBlock> {
			(0..=length)
				.map(|number| FinalizedBlock {
					number,
					hash: [fork.wrapping_add(number as u8); 32],
					timestamp_ms: u64::from(number) * 6_000,
					events: vec![SocialEvent::PostCreated {
						post_id: u64::from(number),
						author: [fork; 32],
						reply_to: None,
						content: cid::Cid::default(),
						body_size: 1,
						via: None,
						community: None,
					}],
				})
				.collect()
		}

		/// Finalizes the blocks of `fork` up to `length`.
		fn finalize(&self, fork: u8, length: u32) {
			let mut blocks = self.blocks.lock().unwrap();
			let from = blocks.len();
			blocks.extend(Self::blocks(fork, length).into_iter().skip(from));
		}

		fn reads(&self) -> usize {
			self.reads.load(Ordering::SeqCst)
		}
	}

	impl SocialSource for FakeChain {
		fn finalized_number(&self) -> u32 {
			self.blocks.lock().unwrap().len() as u32 - 1
		}

		fn finalized_hash(&self, number: u32) -> Option<[u8; 32]> {
			self.blocks.lock().unwrap().get(number as usize).map(|b| b.hash)
		}

		fn block(&self, number: u32) -> Result<FinalizedBlock, String> {
			self.reads.fetch_add(1, Ordering::SeqCst);
			if *self.unreadable.lock().unwrap() == Some(number) {
				return Err("an event in a layout this node does not know".into());
			}
			self.blocks.lock().unwrap().get(number as usize).cloned().ok_or("no block".into())
		}

		fn finality_notifications(&self) -> BoxStream<'static, ()> {
			futures::stream::empty().boxed()
		}
	}

	/// A consumer that keeps the blocks it was given in memory, and can be told to fail one.
	#[derive(Default)]
	struct Recorder {
		applied: Mutex<Vec<(u32, [u8; 32])>>,
		fail_at: Mutex<Option<u32>>,
		started_over: AtomicUsize,
	}

	impl Recorder {
		fn at(blocks: &[FinalizedBlock]) -> Arc<Self> {
			let recorder = Self::default();
			*recorder.applied.lock().unwrap() = blocks.iter().map(|b| (b.number, b.hash)).collect();
			Arc::new(recorder)
		}

		fn numbers(&self) -> Vec<u32> {
			self.applied.lock().unwrap().iter().map(|(n, _)| *n).collect()
		}
	}

	impl BlockConsumer for Recorder {
		fn name(&self) -> &'static str {
			"recorder"
		}
		fn last_block(&self) -> Result<Option<(u32, [u8; 32])>, String> {
			Ok(self.applied.lock().unwrap().last().copied())
		}
		fn start_over(&self) -> Result<(), String> {
			self.started_over.fetch_add(1, Ordering::SeqCst);
			self.applied.lock().unwrap().clear();
			Ok(())
		}
		fn apply(&self, block: &FinalizedBlock) -> Result<(), String> {
			if *self.fail_at.lock().unwrap() == Some(block.number) {
				return Err("disk full".into());
			}
			self.applied.lock().unwrap().push((block.number, block.hash));
			Ok(())
		}
	}

	fn follower(chain: &Arc<FakeChain>, consumers: Vec<Arc<dyn BlockConsumer>>) -> Follower {
		let mut follower = Follower { source: chain.clone(), consumers, next: Vec::new() };
		follower.check_against_chain().unwrap();
		follower
	}

	fn index() -> (tempfile::TempDir, Arc<SocialIndex>) {
		let dir = tempfile::tempdir().unwrap();
		let index = SocialIndex::open(dir.path()).unwrap();
		(dir, Arc::new(index))
	}

	#[test]
	fn each_block_is_read_once_and_given_to_each_consumer_that_lacks_it() {
		let chain = FakeChain::new(1, 9);
		let all = chain.blocks.lock().unwrap().clone();
		// One consumer has blocks up to #6 (it wrote them, then the node stopped), one up to #2,
		// one none.
		let (ahead, behind, empty) =
			(Recorder::at(&all[..7]), Recorder::at(&all[..3]), Recorder::at(&[]));
		let mut follower = follower(&chain, vec![ahead.clone(), behind.clone(), empty.clone()]);
		assert_eq!(follower.catch_up(u32::MAX), Ok(true));
		assert_eq!(chain.reads(), 10, "blocks #0 to #9, each read once");
		for consumer in [&ahead, &behind, &empty] {
			assert_eq!(consumer.numbers(), (0..=9).collect::<Vec<_>>(), "in order, none twice");
		}

		// Blocks finalized later are read once for all.
		chain.finalize(1, 12);
		assert_eq!(follower.catch_up(u32::MAX), Ok(true));
		assert_eq!(chain.reads(), 13);
		assert_eq!(empty.numbers().last(), Some(&12));
		assert_eq!(ahead.numbers().len(), 13);
	}

	#[test]
	fn the_index_catches_up_and_announces_each_block() {
		let (_dir, index) = index();
		let chain = FakeChain::new(1, 5);
		let (changes, mut receiver) = broadcast::channel(16);
		let consumer = Arc::new(IndexConsumer { index: index.clone(), changes });
		let mut follower = follower(&chain, vec![consumer]);
		follower.catch_up(u32::MAX).unwrap();
		assert_eq!(index.last_block().unwrap(), Some((5, [6; 32])));
		assert_eq!(index.posts_by_author(&[1; 32], None, 10).unwrap(), vec![5, 4, 3, 2, 1, 0]);
		assert_eq!(receiver.try_recv().unwrap().created, vec![0]);
		chain.finalize(1, 7);
		follower.catch_up(u32::MAX).unwrap();
		assert_eq!(index.last_block().unwrap(), Some((7, [8; 32])));
	}

	#[test]
	fn a_consumer_ahead_of_the_chain_or_on_another_fork_alone_starts_over() {
		let (_dir, index) = index();
		let (changes, _) = broadcast::channel(16);
		let indexed = Arc::new(IndexConsumer { index: index.clone(), changes });
		follower(&FakeChain::new(1, 5), vec![indexed.clone()]).catch_up(u32::MAX).unwrap();

		// The chain lost blocks 4 and 5 (a crash before they were written); another consumer
		// only ever saw up to #2.
		let shorter = FakeChain::new(1, 3);
		let level = Recorder::at(&shorter.blocks.lock().unwrap()[..3]);
		let mut on_shorter = follower(&shorter, vec![indexed.clone(), level.clone()]);
		assert_eq!(index.last_block().unwrap(), None, "the index starts over");
		assert_eq!(level.started_over.load(Ordering::SeqCst), 0, "the other one is kept");
		on_shorter.catch_up(u32::MAX).unwrap();
		assert_eq!(index.posts_by_author(&[1; 32], None, 10).unwrap(), vec![3, 2, 1, 0]);
		assert_eq!(level.numbers(), vec![0, 1, 2, 3]);

		// Another chain under the same base path (a purge and a new genesis): both start over.
		let other = FakeChain::new(9, 3);
		let mut on_other = follower(&other, vec![indexed.clone(), level.clone()]);
		assert_eq!(level.started_over.load(Ordering::SeqCst), 1);
		on_other.catch_up(u32::MAX).unwrap();
		assert!(index.posts_by_author(&[1; 32], None, 10).unwrap().is_empty());
		assert_eq!(index.posts_by_author(&[9; 32], None, 10).unwrap(), vec![3, 2, 1, 0]);
		assert_eq!(level.last_block().unwrap(), Some((3, [12; 32])));

		// Consumers level with the chain are kept.
		follower(&other, vec![indexed, level.clone()]);
		assert_eq!(index.last_block().unwrap(), Some((3, [12; 32])));
		assert_eq!(level.started_over.load(Ordering::SeqCst), 1);
	}

	#[test]
	fn catches_up_in_batches_and_stops_every_consumer_at_a_block_it_cannot_read() {
		let chain = FakeChain::new(1, 9);
		let (first, second) = (Recorder::at(&[]), Recorder::at(&[]));
		let mut follower = follower(&chain, vec![first.clone(), second.clone()]);
		assert_eq!(follower.catch_up(4), Ok(false));
		assert_eq!(first.numbers(), vec![0, 1, 2, 3]);
		assert_eq!(follower.catch_up(4), Ok(false));
		assert_eq!(follower.catch_up(4), Ok(true));
		assert_eq!(second.numbers().last(), Some(&9));

		// Block 11 is finalized but cannot be read: both stop at 10 and the error says why.
		chain.finalize(1, 12);
		*chain.unreadable.lock().unwrap() = Some(11);
		let error = follower.catch_up(u32::MAX).unwrap_err();
		assert!(error.starts_with("block #11: an event in a layout"), "{error}");
		assert_eq!((first.numbers().last(), second.numbers().last()), (Some(&10), Some(&10)));

		// Once it can be read, both go on from there.
		*chain.unreadable.lock().unwrap() = None;
		assert_eq!(follower.catch_up(u32::MAX), Ok(true));
		assert_eq!(first.numbers(), (0..=12).collect::<Vec<_>>());
		assert_eq!(second.numbers(), (0..=12).collect::<Vec<_>>());
	}

	#[test]
	fn a_consumer_that_cannot_write_a_block_stops_all_and_is_not_given_blocks_twice() {
		let chain = FakeChain::new(1, 5);
		let (first, second) = (Recorder::at(&[]), Recorder::at(&[]));
		*second.fail_at.lock().unwrap() = Some(3);
		let mut follower = follower(&chain, vec![first.clone(), second.clone()]);
		let error = follower.catch_up(u32::MAX).unwrap_err();
		assert_eq!(error, "block #3: recorder: disk full");
		// The first consumer has #3; neither goes past it while the second lacks it.
		assert_eq!(first.numbers(), vec![0, 1, 2, 3]);
		assert_eq!(second.numbers(), vec![0, 1, 2]);
		assert_eq!(follower.catch_up(u32::MAX).unwrap_err(), error, "still stopped");
		assert_eq!(first.numbers(), vec![0, 1, 2, 3], "not given #3 twice");

		*second.fail_at.lock().unwrap() = None;
		assert_eq!(follower.catch_up(u32::MAX), Ok(true));
		assert_eq!(first.numbers(), (0..=5).collect::<Vec<_>>());
		assert_eq!(second.numbers(), (0..=5).collect::<Vec<_>>());
	}

	#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
	async fn run_reports_a_stop_to_the_status_and_the_consumers() {
		let chain = FakeChain::new(1, 4);
		*chain.unreadable.lock().unwrap() = Some(2);
		let consumer = Arc::new(Stops::default());
		let status = Arc::new(FollowerStatus::default());
		run(chain.clone(), vec![consumer.clone()], status.clone()).await;
		assert_eq!(status.finalized(), 4);
		let error = status.error().unwrap();
		assert!(error.starts_with("block #2: "), "{error}");
		assert_eq!(*consumer.stopped.lock().unwrap(), Some(error));
		assert_eq!(consumer.following.load(Ordering::SeqCst), 1);
		assert_eq!(consumer.recorder.numbers(), vec![0, 1]);
	}

	/// A recorder that also keeps what the follower told it.
	#[derive(Default)]
	struct Stops {
		recorder: Recorder,
		following: AtomicUsize,
		stopped: Mutex<Option<String>>,
	}

	impl BlockConsumer for Stops {
		fn name(&self) -> &'static str {
			"stops"
		}
		fn last_block(&self) -> Result<Option<(u32, [u8; 32])>, String> {
			self.recorder.last_block()
		}
		fn start_over(&self) -> Result<(), String> {
			self.recorder.start_over()
		}
		fn apply(&self, block: &FinalizedBlock) -> Result<(), String> {
			assert_eq!(self.following.load(Ordering::SeqCst), 1, "told before any block");
			self.recorder.apply(block)
		}
		fn following(&self) {
			self.following.fetch_add(1, Ordering::SeqCst);
		}
		fn stopped(&self, why: Option<&str>) {
			*self.stopped.lock().unwrap() = why.map(str::to_owned);
		}
	}
}
