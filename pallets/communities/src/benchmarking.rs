//! Benchmarks of every call, each in its most expensive case: the caller last in a full list of
//! moderators (the lists are searched), the longest handle, name and document CIDs, and every
//! optional step taken (a hidden post unpinned, a banned member's membership ended).

use super::*;
use alloc::vec::Vec;
use frame_benchmarking::v2::*;
use frame_support::traits::Get;
use frame_system::RawOrigin;
use plaza_primitives::{examples, MAX_DISPLAY_NAME_LEN, MAX_HANDLE_LEN};
use sp_runtime::traits::Saturating;

/// Gives `who` enough for many deposits, on top of what it has.
fn fund<T: Config>(who: &T::AccountId) {
	let amount = T::CommunityDeposit::get()
		.max(T::MembershipDeposit::get())
		.max(T::ModerationDeposit::get())
		.saturating_mul(1_000u32.into())
		.saturating_add(T::Currency::minimum_balance());
	let _ = T::Currency::mint_into(who, amount);
}

/// A funded account.
fn funded<T: Config>(name: &'static str, index: u32) -> T::AccountId {
	let who: T::AccountId = account(name, index, 0);
	fund::<T>(&who);
	who
}

/// The funded signer of the call benchmarked (whitelisted: the transaction already paid for
/// reading and writing its account).
fn funded_signer<T: Config>() -> T::AccountId {
	let who: T::AccountId = whitelisted_caller();
	fund::<T>(&who);
	who
}

/// The longest CID Plaza accepts, as a call takes it.
fn longest_cid() -> Option<CidText> {
	Some(CidText::truncate_from(examples::LONGEST.as_bytes().to_vec()))
}

/// The longest name.
fn longest_name() -> DisplayName {
	DisplayName::truncate_from(alloc::vec![b'n'; MAX_DISPLAY_NAME_LEN as usize])
}

/// A handle of the longest length, unique to `index`.
fn handle(index: u32) -> Handle {
	let mut text = alloc::format!("c{index}").into_bytes();
	text.resize(MAX_HANDLE_LEN as usize, b'_');
	Handle::truncate_from(text)
}

/// The longest reason.
fn reason() -> Reason {
	Reason::truncate_from(alloc::vec![b'r'; MAX_REASON_LEN as usize])
}

/// A new community owned by `owner` (funded), with `joining` and `posting`.
fn new_community<T: Config>(
	owner: &T::AccountId,
	joining: Joining,
	posting: Posting,
) -> CommunityId {
	let community = NextCommunityId::<T>::get();
	Pallet::<T>::create_community(
		RawOrigin::Signed(owner.clone()).into(),
		handle(community),
		longest_name(),
		longest_cid(),
		longest_cid(),
		joining,
		posting,
	)
	.expect("a valid community");
	community
}

/// Fills `community`'s moderators up to `MaxModerators` with `last` the last of them.
fn moderators_ending_with<T: Config>(community: CommunityId, last: &T::AccountId) {
	let owner = Communities::<T>::get(community).expect("exists").owner;
	let others = T::MaxModerators::get().saturating_sub(1);
	for i in 0..others {
		Pallet::<T>::add_moderator(
			RawOrigin::Signed(owner.clone()).into(),
			community,
			account("moderator", i, 0),
		)
		.expect("room for moderators");
	}
	Pallet::<T>::add_moderator(RawOrigin::Signed(owner).into(), community, last.clone())
		.expect("room for the last moderator");
}

/// A community (posting for members, open to join) whose last moderator is `moderator`, and
/// an approved member of it.
fn moderated_community<T: Config>(moderator: &T::AccountId) -> (CommunityId, T::AccountId) {
	let community = new_community::<T>(&funded::<T>("owner", 0), Joining::Open, Posting::Members);
	moderators_ending_with::<T>(community, moderator);
	let member = funded::<T>("member", 0);
	Pallet::<T>::join(RawOrigin::Signed(member.clone()).into(), community).expect("open");
	(community, member)
}

/// Fills `community`'s pins with `MaxPins` posts by `author` (a member), `last` last; returns
/// the posts.
fn full_pins<T: Config>(community: CommunityId, author: &T::AccountId) -> Vec<PostId> {
	let owner = Communities::<T>::get(community).expect("exists").owner;
	(0..T::MaxPins::get())
		.map(|_| {
			let post_id = T::Posts::create_community_post_for_benchmark(author, community);
			Pallet::<T>::pin_post(
				RawOrigin::Signed(owner.clone()).into(),
				community,
				post_id,
				reason(),
			)
			.expect("room for pins");
			post_id
		})
		.collect()
}

/// A community in which `who` may post (for other pallets' benchmarks): posting for members
/// only, `who` an approved member, the most reads an answer takes.
pub(crate) fn community_with_member<T: Config>(who: &T::AccountId) -> CommunityId {
	let community = new_community::<T>(&funded::<T>("owner", 0), Joining::Open, Posting::Members);
	join_as_member::<T>(community, who);
	community
}

/// Funds `who` and makes it a member of the open `community` (for other pallets' benchmarks).
pub(crate) fn join_as_member<T: Config>(community: CommunityId, who: &T::AccountId) {
	fund::<T>(who);
	Pallet::<T>::join(RawOrigin::Signed(who.clone()).into(), community).expect("open");
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn create_community() {
		let owner = funded_signer::<T>();

		#[extrinsic_call]
		_(
			RawOrigin::Signed(owner.clone()),
			handle(0),
			longest_name(),
			longest_cid(),
			longest_cid(),
			Joining::Approval,
			Posting::Members,
		);

		assert_eq!(Communities::<T>::get(0).map(|c| c.owner), Some(owner));
	}

	#[benchmark]
	fn update_community() {
		let owner = funded_signer::<T>();
		let community = new_community::<T>(&owner, Joining::Open, Posting::Anyone);

		#[extrinsic_call]
		_(
			RawOrigin::Signed(owner),
			community,
			longest_name(),
			longest_cid(),
			longest_cid(),
			Joining::Approval,
			Posting::Members,
		);

		assert_eq!(Communities::<T>::get(community).unwrap().settings.joining, Joining::Approval);
	}

	#[benchmark]
	fn transfer_ownership() {
		let owner = funded_signer::<T>();
		let community = new_community::<T>(&owner, Joining::Open, Posting::Anyone);
		let to: T::AccountId = account("to", 0, 0);

		#[extrinsic_call]
		_(RawOrigin::Signed(owner), community, Some(to.clone()));

		assert_eq!(Communities::<T>::get(community).unwrap().pending_owner, Some(to));
	}

	/// The new owner is the last of a full list of moderators, which it leaves.
	#[benchmark]
	fn accept_ownership() {
		let owner = funded::<T>("owner", 0);
		let community = new_community::<T>(&owner, Joining::Open, Posting::Anyone);
		let new_owner = funded_signer::<T>();
		moderators_ending_with::<T>(community, &new_owner);
		Pallet::<T>::transfer_ownership(
			RawOrigin::Signed(owner).into(),
			community,
			Some(new_owner.clone()),
		)
		.unwrap();

		#[extrinsic_call]
		_(RawOrigin::Signed(new_owner.clone()), community);

		let record = Communities::<T>::get(community).unwrap();
		assert_eq!(record.owner, new_owner);
		assert!(!record.moderators.contains(&new_owner));
	}

	#[benchmark]
	fn close_community() {
		let owner = funded_signer::<T>();
		let community = new_community::<T>(&owner, Joining::Open, Posting::Anyone);

		#[extrinsic_call]
		_(RawOrigin::Signed(owner), community);

		assert!(!Communities::<T>::contains_key(community));
	}

	/// The last room in the list.
	#[benchmark]
	fn add_moderator() {
		let owner = funded_signer::<T>();
		let community = new_community::<T>(&owner, Joining::Open, Posting::Anyone);
		for i in 0..T::MaxModerators::get().saturating_sub(1) {
			Pallet::<T>::add_moderator(
				RawOrigin::Signed(owner.clone()).into(),
				community,
				account("moderator", i, 0),
			)
			.unwrap();
		}
		let last: T::AccountId = account("last", 0, 0);

		#[extrinsic_call]
		_(RawOrigin::Signed(owner), community, last.clone());

		assert!(Communities::<T>::get(community).unwrap().moderators.contains(&last));
	}

	/// The last of a full list resigns.
	#[benchmark]
	fn remove_moderator() {
		let owner = funded::<T>("owner", 0);
		let community = new_community::<T>(&owner, Joining::Open, Posting::Anyone);
		let moderator = funded_signer::<T>();
		moderators_ending_with::<T>(community, &moderator);

		#[extrinsic_call]
		_(RawOrigin::Signed(moderator.clone()), community, moderator.clone());

		assert!(!Communities::<T>::get(community).unwrap().moderators.contains(&moderator));
	}

	/// Into an open community: a member at once.
	#[benchmark]
	fn join() {
		let community =
			new_community::<T>(&funded::<T>("owner", 0), Joining::Open, Posting::Members);
		let who = funded_signer::<T>();

		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), community);

		assert!(Memberships::<T>::get(community, &who).is_some_and(|m| m.approved));
	}

	/// A member leaves an open community.
	#[benchmark]
	fn leave() {
		let who = funded_signer::<T>();
		let community = community_with_member::<T>(&who);

		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), community);

		assert!(!Memberships::<T>::contains_key(community, &who));
	}

	#[benchmark]
	fn approve_member() {
		let community =
			new_community::<T>(&funded::<T>("owner", 0), Joining::Approval, Posting::Members);
		let moderator = funded_signer::<T>();
		moderators_ending_with::<T>(community, &moderator);
		let who = funded::<T>("applicant", 0);
		Pallet::<T>::join(RawOrigin::Signed(who.clone()).into(), community).unwrap();

		#[extrinsic_call]
		_(RawOrigin::Signed(moderator), community, who.clone());

		assert!(Memberships::<T>::get(community, &who).is_some_and(|m| m.approved));
	}

	#[benchmark]
	fn reject_member() {
		let community =
			new_community::<T>(&funded::<T>("owner", 0), Joining::Approval, Posting::Members);
		let moderator = funded_signer::<T>();
		moderators_ending_with::<T>(community, &moderator);
		let who = funded::<T>("applicant", 0);
		Pallet::<T>::join(RawOrigin::Signed(who.clone()).into(), community).unwrap();

		#[extrinsic_call]
		_(RawOrigin::Signed(moderator), community, who.clone());

		assert!(!Memberships::<T>::contains_key(community, &who));
	}

	/// Hiding the last of a full list of pins, which unpins it.
	#[benchmark]
	fn hide_post() {
		let moderator = funded_signer::<T>();
		let (community, member) = moderated_community::<T>(&moderator);
		let post_id = *full_pins::<T>(community, &member).last().expect("MaxPins > 0");

		#[extrinsic_call]
		_(RawOrigin::Signed(moderator), community, post_id, reason());

		assert!(HiddenPosts::<T>::contains_key(post_id));
		assert!(!Communities::<T>::get(community).unwrap().pins.contains(&post_id));
	}

	#[benchmark]
	fn unhide_post() {
		let moderator = funded_signer::<T>();
		let (community, member) = moderated_community::<T>(&moderator);
		let post_id = T::Posts::create_community_post_for_benchmark(&member, community);
		Pallet::<T>::hide_post(
			RawOrigin::Signed(moderator.clone()).into(),
			community,
			post_id,
			reason(),
		)
		.unwrap();

		#[extrinsic_call]
		_(RawOrigin::Signed(moderator), community, post_id, reason());

		assert!(!HiddenPosts::<T>::contains_key(post_id));
	}

	/// Into the last room of the pins.
	#[benchmark]
	fn pin_post() {
		let moderator = funded_signer::<T>();
		let (community, member) = moderated_community::<T>(&moderator);
		let owner = Communities::<T>::get(community).unwrap().owner;
		for _ in 0..T::MaxPins::get().saturating_sub(1) {
			let post_id = T::Posts::create_community_post_for_benchmark(&member, community);
			Pallet::<T>::pin_post(
				RawOrigin::Signed(owner.clone()).into(),
				community,
				post_id,
				reason(),
			)
			.unwrap();
		}
		let post_id = T::Posts::create_community_post_for_benchmark(&member, community);

		#[extrinsic_call]
		_(RawOrigin::Signed(moderator), community, post_id, reason());

		assert!(Communities::<T>::get(community).unwrap().pins.contains(&post_id));
	}

	/// The last of a full list of pins.
	#[benchmark]
	fn unpin_post() {
		let moderator = funded_signer::<T>();
		let (community, member) = moderated_community::<T>(&moderator);
		let post_id = *full_pins::<T>(community, &member).last().expect("MaxPins > 0");

		#[extrinsic_call]
		_(RawOrigin::Signed(moderator), community, post_id, reason());

		assert!(!Communities::<T>::get(community).unwrap().pins.contains(&post_id));
	}

	#[benchmark]
	fn mute_member() {
		let moderator = funded_signer::<T>();
		let (community, member) = moderated_community::<T>(&moderator);

		#[extrinsic_call]
		_(
			RawOrigin::Signed(moderator),
			community,
			member.clone(),
			T::MaxMuteDuration::get(),
			reason(),
		);

		assert!(Memberships::<T>::get(community, &member).unwrap().muted_until.is_some());
	}

	#[benchmark]
	fn unmute_member() {
		let moderator = funded_signer::<T>();
		let (community, member) = moderated_community::<T>(&moderator);
		Pallet::<T>::mute_member(
			RawOrigin::Signed(moderator.clone()).into(),
			community,
			member.clone(),
			T::MaxMuteDuration::get(),
			reason(),
		)
		.unwrap();

		#[extrinsic_call]
		_(RawOrigin::Signed(moderator), community, member.clone(), reason());

		assert_eq!(Memberships::<T>::get(community, &member).unwrap().muted_until, None);
	}

	/// Banning a member, whose membership ends.
	#[benchmark]
	fn ban() {
		let moderator = funded_signer::<T>();
		let (community, member) = moderated_community::<T>(&moderator);

		#[extrinsic_call]
		_(RawOrigin::Signed(moderator), community, member.clone(), reason());

		assert!(Bans::<T>::contains_key(community, &member));
		assert!(!Memberships::<T>::contains_key(community, &member));
	}

	#[benchmark]
	fn unban() {
		let moderator = funded_signer::<T>();
		let (community, member) = moderated_community::<T>(&moderator);
		Pallet::<T>::ban(
			RawOrigin::Signed(moderator.clone()).into(),
			community,
			member.clone(),
			reason(),
		)
		.unwrap();

		#[extrinsic_call]
		_(RawOrigin::Signed(moderator), community, member.clone(), reason());

		assert!(!Bans::<T>::contains_key(community, &member));
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
