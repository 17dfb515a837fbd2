//! The deposits an app pays in a batch: checked per action, held once per reason as the batch ends.

use super::*;
use frame_support::traits::fungible::Mutate;
use sp_runtime::TokenError;

fn posting_and_editing() -> Scopes {
	Scopes { post: true, edit: true, ..Default::default() }
}

fn delete(post_id: u64) -> RuntimeCall {
	RuntimeCall::Posts(pallet_posts::Call::delete_post { post_id })
}

/// The `Balances::Held` events so far, as (who, amount).
fn held_events() -> Vec<(AccountId, Balance)> {
	System::events()
		.into_iter()
		.filter_map(|record| match record.event {
			RuntimeEvent::Balances(pallet_balances::Event::Held { who, amount, .. }) => {
				Some((who, amount))
			},
			_ => None,
		})
		.collect()
}

#[test]
fn a_batch_holds_its_deposits_once_per_reason_when_it_ends() {
	new_test_ext().execute_with(|| {
		grant(&alice(), &app(), posting());
		grant(&bob(), &app(), posting());
		System::reset_events();
		assert_ok!(act(
			&app(),
			vec![(alice(), new_post()), (bob(), new_post()), (alice(), reply(1))]
		));
		assert_eq!(outcomes().iter().filter(|(_, _, outcome)| outcome.is_ok()).count(), 3);
		assert_eq!(held_events(), vec![(app(), 3 * POST_DEPOSIT)]);
		assert_eq!(post_held(&app()), 3 * POST_DEPOSIT);
		assert_eq!(free(&app()), ENDOWMENT - 3 * POST_DEPOSIT);
		assert_eq!((post_held(&alice()), post_held(&bob())), (0, 0));
		assert!(!PendingHolds::<Test>::exists());
		assert!(!CurrentSponsor::<Test>::exists());
	});
}

#[test]
fn an_app_that_runs_out_mid_batch_fails_the_actions_it_cannot_pay_and_keeps_the_others() {
	new_test_ext().execute_with(|| {
		grant(&alice(), &app(), posting());
		grant(&bob(), &app(), posting());
		// Enough for one post's deposit and the existential deposit, no more.
		Balances::set_balance(&app(), EXISTENTIAL_DEPOSIT + POST_DEPOSIT);
		System::reset_events();
		assert_ok!(act(&app(), vec![(alice(), new_post()), (bob(), new_post())]));
		assert_eq!(
			outcomes(),
			vec![
				(alice(), 0, Ok(Scope::Post)),
				(bob(), 1, Err(DispatchError::Token(TokenError::FundsUnavailable))),
			]
		);
		assert_eq!(pallet_posts::Posts::<Test>::iter().count(), 1);
		assert_eq!((post_held(&app()), free(&app())), (POST_DEPOSIT, EXISTENTIAL_DEPOSIT));
		// The failed action changed nothing: Bob's rate limit is untouched.
		assert!(pallet_posts::RecentActions::<Test>::get(bob()).is_none());
	});
}

#[test]
fn a_deposit_paid_and_returned_in_the_same_batch_is_never_held() {
	new_test_ext().execute_with(|| {
		grant(&alice(), &app(), posting_and_editing());
		System::reset_events();
		assert_ok!(act(&app(), vec![(alice(), new_post()), (alice(), delete(0))]));
		assert_eq!(outcomes().iter().filter(|(_, _, outcome)| outcome.is_ok()).count(), 2);
		assert!(pallet_posts::Posts::<Test>::get(0).is_none());
		assert_eq!(held_events(), vec![]);
		assert_eq!((post_held(&app()), free(&app())), (0, ENDOWMENT));
	});
}

#[test]
fn returning_an_earlier_batchs_deposit_beside_new_ones_leaves_what_is_still_owed_held() {
	new_test_ext().execute_with(|| {
		grant(&alice(), &app(), posting_and_editing());
		grant(&bob(), &app(), posting_and_editing());
		assert_ok!(act(&app(), vec![(alice(), new_post())]));
		assert_eq!(post_held(&app()), POST_DEPOSIT);
		// Bob's new post's deposit is owed, Alice's old one returned: one deposit stays held.
		assert_ok!(act(&app(), vec![(bob(), new_post()), (alice(), delete(0))]));
		assert_eq!(outcomes().iter().filter(|(_, _, outcome)| outcome.is_err()).count(), 0);
		assert_eq!(post_held(&app()), POST_DEPOSIT);
		assert_eq!(free(&app()), ENDOWMENT - POST_DEPOSIT);
		assert_eq!(pallet_posts::DepositPayers::<Test>::get(1), Some(app()));
		// Bob's post goes too, in a batch that owes nothing: the app has everything back.
		assert_ok!(act(&app(), vec![(bob(), delete(1))]));
		assert_eq!((post_held(&app()), free(&app())), (0, ENDOWMENT));
	});
}

#[test]
fn what_the_app_can_hold_counts_deposits_already_owed_in_the_batch() {
	new_test_ext().execute_with(|| {
		grant(&alice(), &app(), posting_and_editing());
		grant(&bob(), &app(), posting());
		Balances::set_balance(&app(), EXISTENTIAL_DEPOSIT + POST_DEPOSIT);
		// Alice's post and its deletion leave the one deposit the app can pay for Bob's post.
		assert_ok!(act(
			&app(),
			vec![(alice(), new_post()), (alice(), delete(0)), (bob(), new_post())]
		));
		assert_eq!(outcomes().iter().filter(|(_, _, outcome)| outcome.is_ok()).count(), 3);
		assert_eq!((post_held(&app()), free(&app())), (POST_DEPOSIT, EXISTENTIAL_DEPOSIT));
	});
}
