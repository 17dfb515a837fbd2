//! Every call's success paths and every error, against the mock runtime with the real posts
//! pallet. Each test ends with both pallets' `try_state` invariants checked (see
//! `mock::new_test_ext`).

mod lifecycle;
mod membership;
mod moderation;

use frame_support::{
	assert_noop, assert_ok,
	traits::fungible::{Inspect, InspectHold},
};
use plaza_primitives::{examples, CidText, CommunityId, ContentId, DisplayName, Handle, PostId};
use sp_runtime::DispatchResult;

use crate::{
	mock::*, Bans, Communities as CommunitiesStorage, CommunityHandles, Error, Event, HiddenPosts,
	HoldReason, Joining, Memberships, NextCommunityId, Posting, Reason,
};

fn handle(text: &str) -> Handle {
	Handle::try_from(text.as_bytes().to_vec()).expect("fits a handle")
}

fn name(text: &str) -> DisplayName {
	DisplayName::try_from(text.as_bytes().to_vec()).expect("fits a name")
}

fn cid_text(text: &str) -> CidText {
	CidText::try_from(text.as_bytes().to_vec()).expect("fits a CidText")
}

fn reason(text: &str) -> Reason {
	Reason::try_from(text.as_bytes().to_vec()).expect("fits a reason")
}

/// `owner` creates a community `handle` with a description and rules.
fn create(
	owner: AccountId,
	handle_text: &str,
	joining: Joining,
	posting: Posting,
) -> DispatchResult {
	Communities::create_community(
		RuntimeOrigin::signed(owner),
		handle(handle_text),
		name("Rust folk"),
		Some(cid_text(examples::HELLO_V0)),
		Some(cid_text(examples::HELLO_V1)),
		joining,
		posting,
	)
}

/// Alice's open community 0, posting for members only, with Bob as its moderator and Charlie a
/// member.
fn alices_community() -> CommunityId {
	assert_ok!(create(ALICE, "rust", Joining::Open, Posting::Members));
	assert_ok!(Communities::add_moderator(RuntimeOrigin::signed(ALICE), 0, BOB));
	assert_ok!(Communities::join(RuntimeOrigin::signed(CHARLIE), 0));
	0
}

/// `who` posts in `community`; the post's id.
fn post_in(who: AccountId, community: CommunityId) -> Result<PostId, sp_runtime::DispatchError> {
	let post_id = pallet_posts::NextPostId::<Test>::get();
	Posts::post_in_community(
		RuntimeOrigin::signed(who),
		community,
		cid_text(examples::HELLO_V1),
		11,
	)
	.map_err(|e| e.error)?;
	Ok(post_id)
}

/// `who` replies to `parent`; the reply's id.
fn reply(who: AccountId, parent: PostId) -> Result<PostId, sp_runtime::DispatchError> {
	let post_id = pallet_posts::NextPostId::<Test>::get();
	Posts::create_post(RuntimeOrigin::signed(who), cid_text(examples::HELLO_V1), 11, Some(parent))
		.map_err(|e| e.error)?;
	Ok(post_id)
}

fn held(reason: HoldReason, who: AccountId) -> Balance {
	Balances::balance_on_hold(&reason.into(), &who)
}

fn last_event() -> RuntimeEvent {
	System::events().pop().expect("an event").event
}

fn members(community: CommunityId) -> u32 {
	CommunitiesStorage::<Test>::get(community).expect("open").members
}
