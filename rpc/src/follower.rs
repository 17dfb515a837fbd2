//! Keeps the social index level with finality: catches up on start, repairs an index that is
//! ahead of the chain (or on another fork of it) by rebuilding it, then indexes each finalized
//! block and announces its changes to the subscriptions. Catching up runs on a blocking thread,
//! [`CATCH_UP_BATCH`] blocks at a time, yielding between batches; a block it cannot read stops
//! it there, and [`IndexerStatus`] says so (`social_status`) rather than serving a silently
//! stale index.

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

/// What the indexer needs from the chain.
pub trait SocialSource: Send + Sync + 'static {
	/// The number of the last finalized block.
	fn finalized_number(&self) -> u32;

	/// The hash of block `number` of the finalized chain, if the node has it.
	fn finalized_hash(&self, number: u32) -> Option<[u8; 32]>;

	/// Finalized block `number` with its social events. An error stops indexing at that block
	/// (its state was pruned, or its events are in a layout this node does not know).
	fn block(&self, number: u32) -> Result<FinalizedBlock, String>;

	/// Yields whenever blocks are finalized.
	fn finality_notifications(&self) -> BoxStream<'static, ()>;
}

/// Blocks indexed between two yields to the runtime while catching up.
pub const CATCH_UP_BATCH: u32 = 64;

/// Where the indexer stands, for `social_status`.
#[derive(Default)]
pub struct IndexerStatus {
	finalized: AtomicU32,
	error: Mutex<Option<String>>,
}

impl IndexerStatus {
	/// The last finalized block the indexer knows of.
	pub fn finalized(&self) -> u32 {
		self.finalized.load(Ordering::SeqCst)
	}

	/// Why the indexer is stopped at a block, while it is.
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

/// Follows finality until the node stops.
pub async fn run(
	source: Arc<dyn SocialSource>,
	index: Arc<SocialIndex>,
	changes: broadcast::Sender<BlockChanges>,
	status: Arc<IndexerStatus>,
) {
	let opened =
		on_blocking_thread(&source, &index, &changes, |source, index, _| repair(source, index));
	if let Err(e) = opened.await {
		return log::error!(target: "social", "The social index cannot be opened: {e}");
	}
	let mut finality = source.finality_notifications();
	loop {
		status.set_finalized(source.finalized_number());
		loop {
			let batch = on_blocking_thread(&source, &index, &changes, |source, index, changes| {
				catch_up(source, index, changes, CATCH_UP_BATCH)
			});
			match batch.await {
				Ok(true) => {
					status.set_error(None);
					break;
				},
				Ok(false) => tokio::task::yield_now().await,
				Err(e) => {
					if status.set_error(Some(e.clone())) {
						log::error!(target: "social", "The social index stopped: {e}");
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

/// Runs `work` over the source, the index and the change channel on a blocking thread.
async fn on_blocking_thread<T: Send + 'static>(
	source: &Arc<dyn SocialSource>,
	index: &Arc<SocialIndex>,
	changes: &broadcast::Sender<BlockChanges>,
	work: impl FnOnce(
			&dyn SocialSource,
			&SocialIndex,
			&broadcast::Sender<BlockChanges>,
		) -> Result<T, String>
		+ Send
		+ 'static,
) -> Result<T, String> {
	let (source, index, changes) = (source.clone(), index.clone(), changes.clone());
	tokio::task::spawn_blocking(move || work(&*source, &index, &changes))
		.await
		.map_err(|e| e.to_string())?
}

/// Rebuilds the index from genesis when it is ahead of the chain or on another chain (after a
/// crash lost blocks the index had seen, or a purge).
fn repair(source: &dyn SocialSource, index: &SocialIndex) -> Result<(), String> {
	let Some((number, hash)) = index.last_block().map_err(|e| e.to_string())? else {
		return Ok(());
	};
	if number <= source.finalized_number() && source.finalized_hash(number) == Some(hash) {
		return Ok(());
	}
	log::warn!(
		target: "social",
		"The social index is ahead of the chain or on another fork (block #{number}): rebuilding it",
	);
	index.clear().map_err(|e| e.to_string())
}

/// Indexes the finalized blocks after the last one indexed, at most `max_blocks` of them;
/// whether the index is level with finality.
fn catch_up(
	source: &dyn SocialSource,
	index: &SocialIndex,
	changes: &broadcast::Sender<BlockChanges>,
	max_blocks: u32,
) -> Result<bool, String> {
	let finalized = source.finalized_number();
	let mut next = index.last_block().map_err(|e| e.to_string())?.map_or(0, |(n, _)| n + 1);
	let end = next.saturating_add(max_blocks);
	while next <= finalized {
		if next == end {
			return Ok(false);
		}
		let block = source.block(next).map_err(|e| format!("block #{next}: {e}"))?;
		let block_changes = index.apply_block(&block).map_err(|e| e.to_string())?;
		if !block_changes.created.is_empty() || !block_changes.updated.is_empty() {
			// Nobody listening is fine.
			let _ = changes.send(block_changes);
		}
		next += 1;
	}
	Ok(true)
}

#[cfg(test)]
mod tests {
	use std::sync::Mutex;

	use super::*;
	use crate::events::SocialEvent;

	/// A chain of `blocks`, each with one post by the same author.
	struct FakeChain {
		blocks: Mutex<Vec<FinalizedBlock>>,
	}

	impl FakeChain {
		fn new(fork: u8, length: u32) -> Self {
			let blocks = (0..=length)
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
					}],
				})
				.collect();
			Self { blocks: Mutex::new(blocks) }
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
			self.blocks.lock().unwrap().get(number as usize).cloned().ok_or("no block".into())
		}

		fn finality_notifications(&self) -> BoxStream<'static, ()> {
			futures::stream::empty().boxed()
		}
	}

	fn index() -> (tempfile::TempDir, SocialIndex) {
		let dir = tempfile::tempdir().unwrap();
		let index = SocialIndex::open(dir.path()).unwrap();
		(dir, index)
	}

	#[test]
	fn catches_up_with_finality_and_announces_each_block() {
		let (_dir, index) = index();
		let chain = FakeChain::new(1, 5);
		let (sender, mut receiver) = broadcast::channel(16);
		catch_up(&chain, &index, &sender, u32::MAX).unwrap();
		assert_eq!(index.last_block().unwrap(), Some((5, [6; 32])));
		assert_eq!(index.posts_by_author(&[1; 32], None, 10).unwrap(), vec![5, 4, 3, 2, 1, 0]);
		assert_eq!(receiver.try_recv().unwrap().created, vec![0]);
		// Blocks finalized later are indexed from where it stopped.
		chain
			.blocks
			.lock()
			.unwrap()
			.extend(FakeChain::new(1, 7).blocks.into_inner().unwrap().into_iter().skip(6));
		catch_up(&chain, &index, &sender, u32::MAX).unwrap();
		assert_eq!(index.last_block().unwrap(), Some((7, [8; 32])));
	}

	#[test]
	fn an_index_ahead_of_the_chain_or_on_another_fork_is_rebuilt() {
		let (_dir, index) = index();
		let (sender, _) = broadcast::channel(16);
		catch_up(&FakeChain::new(1, 5), &index, &sender, u32::MAX).unwrap();

		// The database lost blocks 4 and 5 (a crash before they were written).
		let shorter = FakeChain::new(1, 3);
		repair(&shorter, &index).unwrap();
		assert_eq!(index.last_block().unwrap(), None);
		catch_up(&shorter, &index, &sender, u32::MAX).unwrap();
		assert_eq!(index.posts_by_author(&[1; 32], None, 10).unwrap(), vec![3, 2, 1, 0]);

		// Another chain under the same base path (a purge and a new genesis).
		let other = FakeChain::new(9, 3);
		repair(&other, &index).unwrap();
		catch_up(&other, &index, &sender, u32::MAX).unwrap();
		assert!(index.posts_by_author(&[1; 32], None, 10).unwrap().is_empty());
		assert_eq!(index.posts_by_author(&[9; 32], None, 10).unwrap(), vec![3, 2, 1, 0]);

		// An index level with the chain is kept.
		repair(&other, &index).unwrap();
		assert_eq!(index.last_block().unwrap(), Some((3, [12; 32])));
	}

	#[test]
	fn catches_up_in_batches_and_stops_at_a_block_it_cannot_read() {
		let (_dir, index) = index();
		let chain = FakeChain::new(1, 9);
		let (sender, _) = broadcast::channel(16);
		assert_eq!(catch_up(&chain, &index, &sender, 4), Ok(false));
		assert_eq!(index.last_block().unwrap().map(|(n, _)| n), Some(3));
		assert_eq!(catch_up(&chain, &index, &sender, 4), Ok(false));
		assert_eq!(catch_up(&chain, &index, &sender, 4), Ok(true));
		assert_eq!(index.last_block().unwrap().map(|(n, _)| n), Some(9));

		// Block 10 is finalized but cannot be read: the index stops at 9 and says why.
		chain
			.blocks
			.lock()
			.unwrap()
			.extend(FakeChain::new(1, 11).blocks.into_inner().unwrap().into_iter().skip(10));
		chain.blocks.lock().unwrap()[10].events = vec![];
		let unreadable = Unreadable { chain, at: 10 };
		let error = catch_up(&unreadable, &index, &sender, u32::MAX).unwrap_err();
		assert!(error.contains("block #10"), "{error}");
		assert_eq!(index.last_block().unwrap().map(|(n, _)| n), Some(9));
	}

	/// A chain whose block `at` cannot be read.
	struct Unreadable {
		chain: FakeChain,
		at: u32,
	}

	impl SocialSource for Unreadable {
		fn finalized_number(&self) -> u32 {
			self.chain.finalized_number()
		}
		fn finalized_hash(&self, number: u32) -> Option<[u8; 32]> {
			self.chain.finalized_hash(number)
		}
		fn block(&self, number: u32) -> Result<FinalizedBlock, String> {
			if number == self.at {
				return Err("an event in a layout this node does not know".into());
			}
			self.chain.block(number)
		}
		fn finality_notifications(&self) -> BoxStream<'static, ()> {
			futures::stream::empty().boxed()
		}
	}
}
