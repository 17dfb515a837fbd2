//! Authorising, revoking, resigning and expiry.

use super::*;

#[test]
fn authorizing_stores_the_grant_and_holds_its_deposit_from_the_person() {
	new_test_ext().execute_with(|| {
		assert_ok!(Apps::authorize(RuntimeOrigin::signed(alice()), app(), posting(), Some(30), 5));
		assert_eq!(
			Grants::<Test>::get(alice(), app()),
			Some(Grant {
				scopes: posting(),
				expires: Some(30),
				tip_allowance: 5,
				depositor: alice(),
				deposit: GRANT_DEPOSIT
			})
		);
		assert_eq!(grant_held(&alice()), GRANT_DEPOSIT);
		assert_eq!(free(&alice()), ENDOWMENT - GRANT_DEPOSIT);
		System::assert_last_event(
			Event::Authorized {
				person: alice(),
				app: app(),
				scopes: posting(),
				expires: Some(30),
				tip_allowance: 5,
				depositor: alice(),
			}
			.into(),
		);
	});
}

#[test]
fn authorizing_again_changes_the_scopes_and_keeps_the_deposit() {
	new_test_ext().execute_with(|| {
		grant(&alice(), &app(), posting());
		grant(&alice(), &app(), Scopes::all());
		let stored = Grants::<Test>::get(alice(), app()).unwrap();
		assert_eq!(stored.scopes, Scopes::all());
		assert_eq!(grant_held(&alice()), GRANT_DEPOSIT);
	});
}

#[test]
fn a_grant_to_oneself_to_nothing_or_in_the_past_is_refused() {
	new_test_ext().execute_with(|| {
		crate::mock::run_to_block(5);
		let alice_signs = || RuntimeOrigin::signed(alice());
		assert_noop!(
			Apps::authorize(alice_signs(), alice(), posting(), None, 0),
			Error::<Test>::SelfAuthorization
		);
		assert_noop!(
			Apps::authorize(alice_signs(), app(), Scopes::default(), None, 0),
			Error::<Test>::NoScopes
		);
		assert_noop!(
			Apps::authorize(alice_signs(), app(), posting(), Some(4), 0),
			Error::<Test>::ExpiryInPast
		);
		// Through the current block is fine.
		assert_ok!(Apps::authorize(alice_signs(), app(), posting(), Some(5), 0));
	});
}

#[test]
fn a_person_without_the_deposit_cannot_authorize_and_the_token_error_says_why() {
	new_test_ext().execute_with(|| {
		let poor = account(&newcomer());
		assert_noop!(
			Apps::authorize(RuntimeOrigin::signed(poor), app(), posting(), None, 0),
			sp_runtime::TokenError::FundsUnavailable
		);
	});
}

#[test]
fn revoking_removes_the_grant_returns_the_deposit_and_the_next_action_is_refused() {
	new_test_ext().execute_with(|| {
		grant(&alice(), &app(), posting());
		assert_ok!(act(&app(), vec![(alice(), new_post())]));
		assert_ok!(Apps::revoke(RuntimeOrigin::signed(alice()), app()));
		assert!(Grants::<Test>::get(alice(), app()).is_none());
		assert_eq!(grant_held(&alice()), 0);
		System::assert_last_event(
			Event::GrantEnded { person: alice(), app: app(), reason: GrantEnd::Revoked }.into(),
		);
		System::reset_events();
		assert_ok!(act(&app(), vec![(alice(), new_post())]));
		assert_eq!(outcomes(), vec![(alice(), 0, Err(apps_error(Error::NotAuthorized)))]);
		assert_eq!(pallet_posts::NextPostId::<Test>::get(), 1, "only the first post exists");
		assert_noop!(
			Apps::revoke(RuntimeOrigin::signed(alice()), app()),
			Error::<Test>::NotAuthorized
		);
	});
}

#[test]
fn an_app_may_resign_a_grant_but_not_end_another_apps() {
	new_test_ext().execute_with(|| {
		grant(&alice(), &app(), posting());
		assert_noop!(
			Apps::resign(RuntimeOrigin::signed(other_app()), alice()),
			Error::<Test>::NotAuthorized
		);
		assert_ok!(Apps::resign(RuntimeOrigin::signed(app()), alice()));
		assert!(Grants::<Test>::get(alice(), app()).is_none());
		assert_eq!(grant_held(&alice()), 0);
		System::assert_last_event(
			Event::GrantEnded { person: alice(), app: app(), reason: GrantEnd::Resigned }.into(),
		);
	});
}

#[test]
fn an_expired_grant_refuses_actions_and_anyone_may_remove_it() {
	new_test_ext().execute_with(|| {
		assert_ok!(Apps::authorize(RuntimeOrigin::signed(alice()), app(), posting(), Some(3), 0));
		assert_noop!(
			Apps::remove_expired(RuntimeOrigin::signed(bob()), alice(), app()),
			Error::<Test>::GrantNotExpired
		);
		run_to_block(3);
		assert_ok!(act(&app(), vec![(alice(), new_post())]));
		run_to_block(4);
		System::reset_events();
		assert_ok!(act(&app(), vec![(alice(), new_post())]));
		assert_eq!(outcomes(), vec![(alice(), 0, Err(apps_error(Error::GrantExpired)))]);
		assert_ok!(Apps::remove_expired(RuntimeOrigin::signed(bob()), alice(), app()));
		assert_eq!(grant_held(&alice()), 0);
		// The post the app made for her while the grant was live was the app's to pay for.
		assert_eq!(free(&alice()), ENDOWMENT);
		assert_eq!(post_held(&app()), POST_DEPOSIT);
		System::assert_last_event(
			Event::GrantEnded { person: alice(), app: app(), reason: GrantEnd::Expired }.into(),
		);
	});
}
