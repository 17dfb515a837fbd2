//! # Plaza primitives
//!
//! What Plaza's pallets share, kept in one place so that no pallet redefines it:
//!
//! - [`ContentId`]: a content hash (CID) of a body kept in IPFS, parsed from the text users paste
//!   and validated once, here, with the `cid` and `multihash` crates; [`CidText`], the bounded
//!   text form calls take it in.
//! - [`Handle`] and [`DisplayName`]: the names profiles and communities are known by, with
//!   [`canonical_handle`], the one check of a handle.
//! - [`PostId`], [`CommunityId`] and [`VoteDirection`].
//! - [`OwedDeposits`]: what `try_state` checks of deposits (each account holds what the
//!   records say it paid).
//! - [`PostsInspect`], [`ProfilesInspect`], [`BlockList`], [`CommunityGate`], [`OnVote`] and
//!   [`OnPostHidden`]: how pallets see posts, profiles, blocks, communities, votes and moderators'
//!   actions without depending on each other's crates.

#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]

extern crate alloc;

mod content;
mod holds;
mod names;
mod social;

pub use content::*;
pub use holds::*;
pub use names::*;
pub use social::*;

/// The budget of an `on_idle` task whose weight for `n` items is `weight_of(n)` (linear, as
/// benchmarked): how many items `remaining` pays for beyond the fixed part `weight_of(0)`, at most
/// `max`; `None` when not even the fixed part fits.
pub fn idle_budget(
	remaining: frame_support::weights::Weight,
	weight_of: impl Fn(u32) -> frame_support::weights::Weight,
	max: u32,
) -> Option<u32> {
	let fixed = weight_of(0);
	let per_item = weight_of(1).saturating_sub(fixed);
	let budget = remaining.checked_sub(&fixed)?;
	Some(budget.checked_div_per_component(&per_item).unwrap_or(u64::MAX).min(max.into()) as u32)
}

/// `value` as a storage entry should hold it: `None` (no entry) when it is the default — a zero
/// count, an empty list — so that storage keeps no entries that say nothing.
pub fn unless_default<V: Default + PartialEq>(value: V) -> Option<V> {
	(value != V::default()).then_some(value)
}

/// Defines `TestExt` in a pallet's mock runtime: test externalities whose `execute_with` runs the
/// test and then every named pallet's `do_try_state`, so that every unit test also proves the
/// pallets' invariants. The mock needs `sp_io` among its (dev-)dependencies.
///
/// ```ignore
/// plaza_primitives::test_ext_checking_invariants!(Posts, Votes);
/// pub fn new_test_ext() -> TestExt { TestExt(storage.into()) }
/// ```
#[macro_export]
macro_rules! test_ext_checking_invariants {
	($($pallet:ty),+ $(,)?) => {
		/// A test's externalities: what `execute_with` runs, it runs and then checks the
		/// `try_state` invariants of the pallets under test.
		pub struct TestExt(pub sp_io::TestExternalities);

		impl TestExt {
			/// Runs `test`, then each pallet's `do_try_state`.
			pub fn execute_with<R>(mut self, test: impl FnOnce() -> R) -> R {
				self.0.execute_with(|| {
					let result = test();
					$(
						<$pallet>::do_try_state().unwrap_or_else(|e| {
							panic!("{}'s invariants do not hold: {e:?}", stringify!($pallet))
						});
					)+
					result
				})
			}
		}
	};
}
