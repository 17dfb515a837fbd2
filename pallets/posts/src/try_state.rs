//! The pallet's invariants, checked by `try_state` (try-runtime) and after every unit test.

use crate::*;
use frame_support::{ensure, traits::Get};
use plaza_primitives::OwedDeposits;
use sp_runtime::TryRuntimeError;

impl<T: Config> Pallet<T> {
	/// Checks that:
	/// - every post's id is below `NextPostId`;
	/// - a tombstone has no body and has a reply or repost below it (what it keeps of its
	///   deposit is checked with the holds below: `TombstoneDeposit` may be priced differently
	///   now than when the post was deleted);
	///   every `Replies` entry is a reply of its parent;
	/// - the retired `PostsByAuthor` index has no entry left once its removal is done (no
	///   `RetiredIndexCursor`);
	/// - each account's held `PostDeposit` is the sum of the recorded deposits of the posts and
	///   tombstones it paid for (its own, unless `DepositPayers` names an app), and every
	///   `DepositPayers` entry names a post;
	/// - each post's `replies` counts its live replies in `Replies`, and its `reposts` its
	///   entries in `Reposts`, each of which names a live repost of it by that account;
	/// - a reply's parent exists and the reply is in its parent's `Replies`;
	/// - no `RecentActions` entry records more than `MaxPostsPerWindow` actions or an empty count;
	/// - every `PostCommunity` entry names an original post (live or a tombstone).
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		let next_id = NextPostId::<T>::get();
		let mut deposits = OwedDeposits::default();
		for (id, post) in Posts::<T>::iter() {
			ensure!(id < next_id, "a post id is not below NextPostId");
			if post.deleted {
				ensure!(post.content.is_none(), "a deleted post keeps its body");
				ensure!(
					!Pallet::<T>::has_nothing_below(id, &post),
					"a tombstone with nothing below it is kept"
				);
			}
			deposits.add(
				DepositPayers::<T>::get(id).unwrap_or_else(|| post.author.clone()),
				post.deposit,
			);
			let live_replies = Replies::<T>::iter_key_prefix(id)
				.filter(|reply| Posts::<T>::get(reply).is_some_and(|r| !r.deleted))
				.count();
			ensure!(post.replies as usize == live_replies, "a reply count is wrong");
			let mut reposts = 0usize;
			for (reposter, repost_id) in Reposts::<T>::iter_prefix(id) {
				let repost = Posts::<T>::get(repost_id).ok_or("a Reposts entry names no post")?;
				ensure!(
					repost.author == reposter
						&& !repost.deleted && repost.kind == PostKind::Repost { original: id },
					"a Reposts entry names no live repost of its post by its account"
				);
				reposts += 1;
			}
			ensure!(post.reposts as usize == reposts, "a repost count is wrong");
			if let PostKind::Reply { parent, .. } = post.kind {
				ensure!(Posts::<T>::contains_key(parent), "a reply's parent is missing");
				ensure!(Replies::<T>::contains_key(parent, id), "a reply is not in Replies");
			}
		}
		for (parent, reply) in Replies::<T>::iter_keys() {
			ensure!(
				Posts::<T>::get(reply).is_some_and(
					|r| matches!(r.kind, PostKind::Reply { parent: p, .. } if p == parent)
				),
				"a Replies entry names no reply of its parent"
			);
		}
		for id in DepositPayers::<T>::iter_keys() {
			ensure!(Posts::<T>::contains_key(id), "DepositPayers names no post");
		}
		if !RetiredIndexCursor::<T>::exists() {
			ensure!(
				migration::v2::v1::PostsByAuthor::<T>::iter_keys().next().is_none(),
				"PostsByAuthor entries are left with no removal under way"
			);
		}
		deposits.ensure_held::<T::Currency>(
			&HoldReason::PostDeposit.into(),
			"held post deposits differ from the recorded ones",
		)?;
		for (_, recent) in RecentActions::<T>::iter() {
			let mut total = 0u32;
			for (_, count) in recent.iter() {
				ensure!(*count > 0, "a RecentActions entry counts nothing");
				total = total.saturating_add(*count);
			}
			ensure!(total <= T::MaxPostsPerWindow::get(), "RecentActions exceeds the limit");
		}
		for (post_id, _) in PostCommunity::<T>::iter() {
			ensure!(
				Posts::<T>::get(post_id).is_some_and(|p| p.kind == PostKind::Original),
				"a PostCommunity entry names no original post"
			);
		}
		Ok(())
	}
}
