//! Unit tests, by topic.

mod act_for;
mod deposits;
mod grants;
mod onboarding;

use crate::{mock::*, *};
use frame_support::{
	assert_ok,
	traits::fungible::{Inspect, InspectHold},
	BoundedVec,
};
use plaza_primitives::examples;

pub use frame_support::assert_noop;
pub use sp_keyring::Sr25519Keyring;
pub use sp_runtime::DispatchError;

/// Only `post`.
pub fn posting() -> Scopes {
	Scopes { post: true, ..Default::default() }
}

/// `person` authorises `app` for `scopes`, with no expiry and no tips.
pub fn grant(person: &AccountId, app: &AccountId, scopes: Scopes) {
	assert_ok!(Apps::authorize(
		RuntimeOrigin::signed(person.clone()),
		app.clone(),
		scopes,
		None,
		0
	));
}

/// A call creating an original post.
pub fn new_post() -> RuntimeCall {
	RuntimeCall::Posts(pallet_posts::Call::create_post {
		content: examples::HELLO_V1.as_bytes().to_vec().try_into().unwrap(),
		size: 11,
		reply_to: None,
	})
}

/// A call replying to `parent`.
pub fn reply(parent: u64) -> RuntimeCall {
	RuntimeCall::Posts(pallet_posts::Call::create_post {
		content: examples::HELLO_V1.as_bytes().to_vec().try_into().unwrap(),
		size: 11,
		reply_to: Some(parent),
	})
}

/// `app` submits one batch of `actions`.
pub fn act(
	app: &AccountId,
	actions: Vec<(AccountId, RuntimeCall)>,
) -> frame_support::dispatch::DispatchResultWithPostInfo {
	let actions: Vec<ActionOf<Test>> =
		actions.into_iter().map(|(person, call)| Action { person, call: Box::new(call) }).collect();
	Apps::act_for(RuntimeOrigin::signed(app.clone()), BoundedVec::try_from(actions).unwrap())
}

/// The `ActionDone`/`ActionFailed` events so far, as (person, index, Ok(scope) or Err(error)).
pub fn outcomes() -> Vec<(AccountId, u32, Result<Scope, DispatchError>)> {
	System::events()
		.into_iter()
		.filter_map(|record| match record.event {
			RuntimeEvent::Apps(Event::ActionDone { person, index, scope, .. }) => {
				Some((person, index, Ok(scope)))
			},
			RuntimeEvent::Apps(Event::ActionFailed { person, index, error, .. }) => {
				Some((person, index, Err(error)))
			},
			_ => None,
		})
		.collect()
}

/// What `who` has held for grants.
pub fn grant_held(who: &AccountId) -> Balance {
	Balances::balance_on_hold(&HoldReason::GrantDeposit.into(), who)
}

/// What `who` has held for posts.
pub fn post_held(who: &AccountId) -> Balance {
	Balances::balance_on_hold(&pallet_posts::HoldReason::PostDeposit.into(), who)
}

/// `who`'s free balance.
pub fn free(who: &AccountId) -> Balance {
	Balances::balance(who)
}

/// `error` of this pallet as a `DispatchError`.
pub fn apps_error(error: Error<Test>) -> DispatchError {
	error.into()
}
