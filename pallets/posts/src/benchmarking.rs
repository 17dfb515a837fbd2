//! Benchmarks of every call, each in its most expensive case, and of `on_idle`'s two tasks.

use super::*;
use alloc::vec::Vec;
use frame_benchmarking::v2::*;
use frame_support::{traits::Get, weights::Weight, BoundedVec};
use frame_system::{pallet_prelude::BlockNumberFor, RawOrigin};
use plaza_primitives::examples;
use sp_runtime::traits::Saturating;

/// Gives `who` enough for many post deposits.
fn fund<T: Config>(who: &T::AccountId) {
	let amount = T::PostDeposit::get()
		.saturating_mul(1_000u32.into())
		.saturating_add(T::Currency::minimum_balance());
	T::Currency::set_balance(who, amount);
}

/// A funded account able to pay many post deposits.
fn funded<T: Config>(name: &'static str, index: u32) -> T::AccountId {
	let who: T::AccountId = account(name, index, 0);
	fund::<T>(&who);
	who
}

/// The funded signer of the call benchmarked. It is the whitelisted caller: every signed
/// transaction reads and writes its signer's account to pay the fee before the call runs, so
/// the call's own weight does not charge that account's database access again.
fn funded_signer<T: Config>() -> T::AccountId {
	let who: T::AccountId = whitelisted_caller();
	fund::<T>(&who);
	who
}

/// Makes an app (funded) pay `author`'s deposits from now on, as when the app posts for it
/// through `Apps::act_for`: the worst case, which also records the app as the post's payer.
fn sponsored<T: Config>(author: &T::AccountId) -> T::AccountId {
	let app = funded::<T>("app", 0);
	T::DepositPayer::set_sponsor_for_benchmark(Some((author.clone(), app.clone())));
	app
}

/// The longest CID Plaza accepts (dag-json, blake2b-256), so records are at their largest.
fn longest_cid() -> CidText {
	CidText::truncate_from(examples::LONGEST.as_bytes().to_vec())
}

/// Fills `who`'s rate limit up to room for `room` more actions, one action per entry (the most
/// entries the limit reads), all in the window.
fn fill_rate_limit<T: Config>(who: &T::AccountId, room: u32) {
	let window = T::RateLimitWindow::get();
	let now = frame_system::Pallet::<T>::block_number().max(window);
	frame_system::Pallet::<T>::set_block_number(now);
	let earlier = now.saturating_sub(1u32.into());
	let entries = T::MaxPostsPerWindow::get().saturating_sub(room);
	let recent = (0..entries).map(|_| (earlier, 1)).collect::<Vec<_>>();
	RecentActions::<T>::insert(who, BoundedVec::truncate_from(recent));
}

/// Creates a post (a reply when `reply_to` is given) by `author`, funding it if needed.
pub(crate) fn new_post<T: Config>(author: &T::AccountId, reply_to: Option<PostId>) -> PostId {
	if T::Currency::balance(author) < T::PostDeposit::get().saturating_mul(2u32.into()) {
		fund::<T>(author);
	}
	let post_id = NextPostId::<T>::get();
	Pallet::<T>::create_post(
		RawOrigin::Signed(author.clone()).into(),
		longest_cid(),
		1_000,
		reply_to,
	)
	.expect("a valid post");
	post_id
}

/// Creates a post by `author` in `community` (where `author` may post), funding it if needed.
pub(crate) fn new_community_post<T: Config>(
	author: &T::AccountId,
	community: CommunityId,
) -> PostId {
	if T::Currency::balance(author) < T::PostDeposit::get().saturating_mul(2u32.into()) {
		fund::<T>(author);
	}
	let post_id = NextPostId::<T>::get();
	Pallet::<T>::post_in_community(
		RawOrigin::Signed(author.clone()).into(),
		community,
		longest_cid(),
		1_000,
	)
	.expect("the author may post in the community");
	post_id
}

#[benchmarks]
mod benchmarks {
	use super::*;

	/// A new post (not a reply) with the longest CID, its author one post short of the limit,
	/// an app paying its deposit.
	#[benchmark]
	fn create_post() {
		let author = funded_signer::<T>();
		fill_rate_limit::<T>(&author, 1);
		sponsored::<T>(&author);
		let post_id = NextPostId::<T>::get();

		#[extrinsic_call]
		_(RawOrigin::Signed(author.clone()), longest_cid(), T::MaxBodySize::get(), None);

		assert_eq!(Posts::<T>::get(post_id).unwrap().author, author);
	}

	/// `n` posts by `n` people through one app's `act_for` batch, each as the batch makes it:
	/// the app owes their deposits (held once when the batch ends). Each author is one post
	/// short of the limit. The slope over `n` is what one more post in a batch costs once the
	/// batch's shared records (the app's account and holds, the next id) are in hand; those are
	/// charged once per batch by the apps pallet and once per block by `on_initialize`.
	#[benchmark]
	fn create_post_in_batch(
		n: Linear<1, plaza_primitives::MAX_BATCH_BENCHMARKED>,
	) -> Result<(), BenchmarkError> {
		let app = funded::<T>("app", 0);
		let authors = (0..n)
			.map(|i| {
				// Funded, so the benchmark also runs where no app can pay (the pallet's mock).
				let author = funded::<T>("author", i);
				fill_rate_limit::<T>(&author, 1);
				author
			})
			.collect::<Vec<_>>();
		T::DepositPayer::open_batch_for_benchmark(&app);
		let first_id = NextPostId::<T>::get();

		#[block]
		{
			for author in &authors {
				T::DepositPayer::set_sponsor_for_benchmark(Some((author.clone(), app.clone())));
				Pallet::<T>::create_post(
					RawOrigin::Signed(author.clone()).into(),
					longest_cid(),
					T::MaxBodySize::get(),
					None,
				)?;
			}
		}

		let last_id = first_id + PostId::from(n) - 1;
		assert_eq!(Posts::<T>::get(last_id).map(|p| p.author), authors.last().cloned());
		let last_author = authors.last().expect("n is at least 1");
		assert_eq!(DepositPayers::<T>::get(last_id), T::DepositPayer::sponsor(last_author));
		Ok(())
	}

	/// `n` posts at once, each with the longest CID.
	#[benchmark]
	fn create_posts(n: Linear<1, { T::MaxPostsPerWindow::get() }>) {
		let author = funded_signer::<T>();
		fill_rate_limit::<T>(&author, n);
		sponsored::<T>(&author);
		let first_id = NextPostId::<T>::get();
		let posts = (0..n)
			.map(|_| NewPost { content: longest_cid(), size: T::MaxBodySize::get() })
			.collect::<Vec<_>>();
		let posts = BoundedVec::<_, T::MaxPostsPerWindow>::truncate_from(posts);

		#[extrinsic_call]
		_(RawOrigin::Signed(author.clone()), posts);

		assert_eq!(NextPostId::<T>::get(), first_id + PostId::from(n));
		assert_eq!(Posts::<T>::get(first_id + PostId::from(n) - 1).unwrap().author, author);
	}

	/// A post into a community (asking the community whether the author may post there) with
	/// the longest CID, its author one post short of the limit, an app paying its deposit.
	#[benchmark]
	fn post_in_community() {
		let author = funded_signer::<T>();
		let community = T::Communities::create_community_for_benchmark(&author);
		fill_rate_limit::<T>(&author, 1);
		sponsored::<T>(&author);
		let post_id = NextPostId::<T>::get();

		#[extrinsic_call]
		_(RawOrigin::Signed(author.clone()), community, longest_cid(), T::MaxBodySize::get());

		assert_eq!(PostCommunity::<T>::get(post_id), Some(community));
	}

	/// `create_post` with `reply_to`: it also updates the parent and the reply index, asks
	/// whether the parent's author and the thread's root's (another post, read for it) block
	/// the author, and, the thread being a community's, asks the community whether the author
	/// may post there.
	#[benchmark]
	fn create_reply() {
		let author = funded_signer::<T>();
		let community = T::Communities::create_community_for_benchmark(&author);
		let root = new_community_post::<T>(&author, community);
		let parent_author = funded::<T>("parent", 0);
		T::Communities::add_poster_for_benchmark(community, &parent_author);
		let parent = new_post::<T>(&parent_author, Some(root));
		fill_rate_limit::<T>(&author, 1);
		sponsored::<T>(&author);
		let reply_id = NextPostId::<T>::get();

		#[extrinsic_call]
		create_post(
			RawOrigin::Signed(author.clone()),
			longest_cid(),
			T::MaxBodySize::get(),
			Some(parent),
		);

		assert!(Replies::<T>::contains_key(parent, reply_id));
		assert_eq!(Posts::<T>::get(parent).unwrap().replies, 1);
	}

	#[benchmark]
	fn edit_post() {
		let author = funded_signer::<T>();
		let post_id = new_post::<T>(&author, None);
		fill_rate_limit::<T>(&author, 1);
		let new_content = CidText::truncate_from(examples::HELLO_V1.as_bytes().to_vec());

		#[extrinsic_call]
		_(RawOrigin::Signed(author), post_id, new_content, T::MaxBodySize::get());

		assert_eq!(Posts::<T>::get(post_id).unwrap().revision, 1);
	}

	/// Deleting the last reply at the bottom of a thread whose `d` posts above it (from its
	/// root) were deleted and kept as tombstones for it: all of them go with it. With `d = 0`
	/// the reply's parent is a live post, whose reply count it updates. Every post's deposit was
	/// paid by an app, to which it goes back.
	#[benchmark]
	fn delete_post(d: Linear<0, { T::MaxThreadDepth::get() as u32 }>) {
		let caller = funded_signer::<T>();
		let mut parent = (d == 0).then(|| new_post::<T>(&funded::<T>("parent", 0), None));
		let mut above = Vec::new();
		for i in 0..d {
			let author = funded::<T>("thread", i);
			sponsored::<T>(&author);
			let post_id = new_post::<T>(&author, parent);
			above.push((author, post_id));
			parent = Some(post_id);
		}
		sponsored::<T>(&caller);
		let reply = new_post::<T>(&caller, parent);
		T::DepositPayer::set_sponsor_for_benchmark(None);
		for (author, post_id) in &above {
			Pallet::<T>::delete_post(RawOrigin::Signed(author.clone()).into(), *post_id)
				.expect("its author may delete it");
		}

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), reply);

		assert!(Posts::<T>::get(reply).is_none());
		for (_, post_id) in above {
			assert!(Posts::<T>::get(post_id).is_none());
		}
	}

	#[benchmark]
	fn repost() {
		let original = new_post::<T>(&funded::<T>("original", 1), None);
		let author = funded_signer::<T>();
		fill_rate_limit::<T>(&author, 1);
		sponsored::<T>(&author);

		#[extrinsic_call]
		_(RawOrigin::Signed(author.clone()), original);

		assert!(Reposts::<T>::contains_key(original, &author));
	}

	/// A report of a reply in a community's thread with a note of the longest CID, its
	/// reporter one action short of the rate limit.
	#[benchmark]
	fn report_post() {
		let author = funded::<T>("author", 0);
		let community = T::Communities::create_community_for_benchmark(&author);
		let root = new_community_post::<T>(&author, community);
		let reply = new_post::<T>(&author, Some(root));
		let reporter = funded_signer::<T>();
		fill_rate_limit::<T>(&reporter, 1);

		#[extrinsic_call]
		_(RawOrigin::Signed(reporter.clone()), reply, ReportReason::Other, Some(longest_cid()));

		let done = RecentActions::<T>::get(&reporter).unwrap_or_default();
		assert_eq!(done.iter().map(|(_, n)| n).sum::<u32>(), T::MaxPostsPerWindow::get());
	}

	/// `on_idle` removing `n` stale `RecentActions` entries, each as large as one can be.
	#[benchmark]
	fn sweep_recent_actions(n: Linear<0, MAX_SWEPT_PER_BLOCK>) {
		let window = T::RateLimitWindow::get();
		let stale_block: BlockNumberFor<T> = 1u32.into();
		let now = stale_block.saturating_add(window);
		frame_system::Pallet::<T>::set_block_number(now);
		let full = (0..T::MaxPostsPerWindow::get()).map(|_| (stale_block, 1)).collect::<Vec<_>>();
		for i in 0..n {
			let who: T::AccountId = account("stale", i, 0);
			RecentActions::<T>::insert(&who, BoundedVec::truncate_from(full.clone()));
		}

		#[block]
		{
			Pallet::<T>::sweep_recent_actions(now, Weight::MAX);
		}

		assert_eq!(RecentActions::<T>::iter().count(), 0);
	}

	/// `on_idle` removing `n` entries of the retired `PostsByAuthor` index, some left after them.
	#[benchmark]
	fn remove_retired_index(n: Linear<0, MAX_RETIRED_REMOVED_PER_BLOCK>) {
		use crate::migration::v2::v1::PostsByAuthor;
		let author: T::AccountId = account("author", 0, 0);
		for id in 0..=PostId::from(n) {
			PostsByAuthor::<T>::insert(&author, id, ());
		}
		RetiredIndexCursor::<T>::put(SweepKey::default());

		#[block]
		{
			Pallet::<T>::remove_retired_entries(n);
		}

		// A benchmark run commits the setup to the database, whose removal stops after `n` and
		// leaves one entry and the cursor; in a mock the entries are still in the overlay, whose
		// keys a limited removal takes all of (tests/migration.rs checks the limit against a
		// committed state). Either way the cursor stays exactly while entries remain.
		let left = PostsByAuthor::<T>::iter_keys().count();
		assert!(left <= 1);
		assert_eq!(RetiredIndexCursor::<T>::exists(), left == 1);
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
