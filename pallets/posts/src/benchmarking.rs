//! Benchmarks of every call, each in its most expensive case.

use super::*;
use alloc::vec::Vec;
use frame_benchmarking::v2::*;
use frame_support::traits::Get;
use frame_system::RawOrigin;
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

/// The longest CID Plaza accepts (dag-json, blake2b-256), so records are at their largest.
fn longest_cid() -> Vec<u8> {
	examples::LONGEST.as_bytes().to_vec()
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

#[benchmarks]
mod benchmarks {
	use super::*;

	/// A new post (not a reply) with the longest CID.
	#[benchmark]
	fn create_post() {
		let author = funded_signer::<T>();
		let post_id = NextPostId::<T>::get();

		#[extrinsic_call]
		_(RawOrigin::Signed(author.clone()), longest_cid(), T::MaxBodySize::get(), None);

		assert_eq!(Posts::<T>::get(post_id).unwrap().author, author);
	}

	/// `n` posts at once, each with the longest CID.
	#[benchmark]
	fn create_posts(n: Linear<1, { T::MaxPostsPerWindow::get() }>) {
		let author = funded_signer::<T>();
		let first_id = NextPostId::<T>::get();
		let posts = (0..n)
			.map(|_| NewPost { content: longest_cid(), size: T::MaxBodySize::get() })
			.collect::<Vec<_>>();

		#[extrinsic_call]
		_(RawOrigin::Signed(author.clone()), posts);

		assert_eq!(NextPostId::<T>::get(), first_id + PostId::from(n));
		assert_eq!(Posts::<T>::get(first_id + PostId::from(n) - 1).unwrap().author, author);
	}

	/// `create_post` with `reply_to`: it also updates the parent and the reply index.
	#[benchmark]
	fn create_reply() {
		let author = funded_signer::<T>();
		let parent = new_post::<T>(&funded::<T>("parent", 1), None);
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
		let new_content = examples::HELLO_V1.as_bytes().to_vec();

		#[extrinsic_call]
		_(RawOrigin::Signed(author), post_id, new_content, T::MaxBodySize::get());

		assert_eq!(Posts::<T>::get(post_id).unwrap().revision, 1);
	}

	/// Worst case: deleting a repost, which also updates the original and the repost index.
	#[benchmark]
	fn delete_post() {
		let original = new_post::<T>(&funded::<T>("original", 1), None);
		let author = funded_signer::<T>();
		Pallet::<T>::repost(RawOrigin::Signed(author.clone()).into(), original)
			.expect("a valid repost");
		let repost_id = Reposts::<T>::get(original, &author).unwrap();

		#[extrinsic_call]
		_(RawOrigin::Signed(author), repost_id);

		assert!(Posts::<T>::get(repost_id).unwrap().deleted);
		assert_eq!(Posts::<T>::get(original).unwrap().reposts, 0);
	}

	#[benchmark]
	fn repost() {
		let original = new_post::<T>(&funded::<T>("original", 1), None);
		let author = funded_signer::<T>();

		#[extrinsic_call]
		_(RawOrigin::Signed(author.clone()), original);

		assert!(Reposts::<T>::contains_key(original, &author));
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
