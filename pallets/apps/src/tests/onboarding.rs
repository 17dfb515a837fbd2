//! Onboarding from a signed payload: a person with no balance authorises an app that pays.

use super::*;
use sp_core::{sr25519, Pair, H256};
use sp_runtime::MultiSignature;

/// What the onboarded person lets the app do: post, and edit or delete those posts.
fn post_and_edit() -> Scopes {
	Scopes { post: true, edit: true, ..Default::default() }
}

/// A payload for `app()` to post and edit, valid until block 10, for the mock chain.
fn payload() -> PayloadOf<Test> {
	AuthorizationPayload {
		app: app(),
		scopes: post_and_edit(),
		expires: None,
		tip_allowance: 0,
		genesis_hash: H256::repeat_byte(7),
		valid_until: 10,
	}
}

/// `pair`'s signature over `payload` as `signRaw` makes it (wrapped in `<Bytes>`).
fn sign_raw(pair: &sr25519::Pair, payload: &PayloadOf<Test>) -> MultiSignature {
	let message = Apps::authorization_message(payload);
	let wrapped = [b"<Bytes>".as_slice(), &message, b"</Bytes>"].concat();
	MultiSignature::Sr25519(pair.sign(&wrapped))
}

fn submit(
	by: AccountId,
	person: &sr25519::Pair,
	payload: PayloadOf<Test>,
	signature: MultiSignature,
) -> frame_support::dispatch::DispatchResult {
	Apps::authorize_signed(RuntimeOrigin::signed(by), account(person), payload, signature)
}

#[test]
fn a_person_with_no_balance_is_onboarded_and_posts_for_free() {
	new_test_ext().execute_with(|| {
		let person = newcomer();
		let who = account(&person);
		assert_eq!(free(&who), 0);
		assert_ok!(submit(app(), &person, payload(), sign_raw(&person, &payload())));
		let stored = Grants::<Test>::get(&who, app()).unwrap();
		assert_eq!((stored.scopes, stored.depositor.clone()), (post_and_edit(), app()));
		assert_eq!(grant_held(&app()), GRANT_DEPOSIT);

		assert_ok!(act(&app(), vec![(who.clone(), new_post())]));
		let post = pallet_posts::Posts::<Test>::get(0).unwrap();
		assert_eq!(post.author, who, "the person is the author");
		assert_eq!(pallet_posts::DepositPayers::<Test>::get(0), Some(app()));
		assert_eq!(post_held(&app()), POST_DEPOSIT);
		assert_eq!(free(&who), 0, "it cost the person nothing");
		System::assert_has_event(
			pallet_posts::Event::PostCreated {
				post_id: 0,
				author: who.clone(),
				reply_to: None,
				content: plaza_primitives::ContentId::parse(examples::HELLO_V1.as_bytes()).unwrap(),
				body_size: 11,
				via: Some(app()),
				community: None,
			}
			.into(),
		);
		assert!(!CurrentSponsor::<Test>::exists(), "the sponsor is gone after the action");

		// The app deletes the post for the person and gives the grant up: both deposits go back
		// to the app that paid them.
		let app_free = free(&app());
		assert_ok!(act(
			&app(),
			vec![(who.clone(), RuntimeCall::Posts(pallet_posts::Call::delete_post { post_id: 0 }))]
		));
		assert_eq!(post_held(&app()), 0);
		assert_eq!(pallet_posts::DepositPayers::<Test>::get(0), None);
		assert_ok!(Apps::resign(RuntimeOrigin::signed(app()), who.clone()));
		assert_eq!(free(&app()), app_free + POST_DEPOSIT + GRANT_DEPOSIT);
		assert_eq!(free(&who), 0);
	});
}

#[test]
fn an_onboarded_person_gets_a_profile_and_follows_with_the_app_paying() {
	new_test_ext().execute_with(|| {
		let person = newcomer();
		let who = account(&person);
		let scopes = Scopes { profile: true, follow: true, ..Default::default() };
		let payload = AuthorizationPayload { scopes, ..payload() };
		assert_ok!(submit(app(), &person, payload.clone(), sign_raw(&person, &payload)));
		let app_free = free(&app());

		let set_profile = RuntimeCall::Profiles(pallet_profiles::Call::set_profile {
			handle: b"newcomer".to_vec().try_into().unwrap(),
			display_name: b"New".to_vec().try_into().unwrap(),
			metadata: None,
		});
		let follow = RuntimeCall::Profiles(pallet_profiles::Call::follow { who: alice() });
		assert_ok!(act(&app(), vec![(who.clone(), set_profile), (who.clone(), follow)]));
		assert_eq!(
			outcomes(),
			vec![(who.clone(), 0, Ok(Scope::Profile)), (who.clone(), 1, Ok(Scope::Follow))]
		);

		let profile = pallet_profiles::Profiles::<Test>::get(&who).expect("the profile is set");
		assert_eq!(pallet_profiles::ProfileDepositPayers::<Test>::get(&who), Some(app()));
		assert_eq!(pallet_profiles::FollowDepositPayers::<Test>::get(&who, alice()), Some(app()));
		assert_eq!(free(&app()), app_free - profile.deposit - FOLLOW_DEPOSIT);
		assert_eq!(Balances::total_balance(&who), 0, "it cost the person nothing");

		// The person leaves the app; what it paid for stays the person's, and the deposits go
		// back to the app when the person removes the items.
		assert_ok!(Apps::revoke(RuntimeOrigin::signed(who.clone()), app()));
		assert_ok!(Profiles::unfollow(RuntimeOrigin::signed(who.clone()), alice()));
		assert_ok!(Profiles::clear_profile(RuntimeOrigin::signed(who.clone())));
		assert_eq!(free(&app()), app_free + GRANT_DEPOSIT);
		assert_eq!(Balances::total_balance(&who), 0);
	});
}

#[test]
fn the_bare_payload_signed_without_the_wallet_wrapping_is_accepted_too() {
	new_test_ext().execute_with(|| {
		let person = newcomer();
		let bare = MultiSignature::Sr25519(person.sign(&Apps::authorization_message(&payload())));
		assert_ok!(submit(app(), &person, payload(), bare));
	});
}

#[test]
fn a_payload_cannot_be_replayed_even_after_the_grant_is_revoked() {
	new_test_ext().execute_with(|| {
		let person = newcomer();
		let signature = sign_raw(&person, &payload());
		assert_ok!(submit(app(), &person, payload(), signature.clone()));
		assert_ok!(Apps::resign(RuntimeOrigin::signed(app()), account(&person)));
		assert_noop!(
			submit(app(), &person, payload(), signature.clone()),
			Error::<Test>::PayloadReused
		);
		// Once its last block passes it is refused as expired, and forgotten.
		run_to_block(11);
		assert_noop!(submit(app(), &person, payload(), signature), Error::<Test>::PayloadExpired);
		run_to_block(12);
		assert_eq!(UsedPayloads::<Test>::iter().count(), 0, "on_idle removed it");
	});
}

#[test]
fn a_payload_for_another_chain_app_or_signer_is_refused() {
	new_test_ext().execute_with(|| {
		let person = newcomer();
		let foreign = AuthorizationPayload { genesis_hash: H256::repeat_byte(8), ..payload() };
		assert_noop!(
			submit(app(), &person, foreign.clone(), sign_raw(&person, &foreign)),
			Error::<Test>::WrongChain
		);
		assert_noop!(
			submit(other_app(), &person, payload(), sign_raw(&person, &payload())),
			Error::<Test>::WrongApp
		);
		// Signed by someone else, or for other scopes than submitted.
		let stranger = sr25519::Pair::from_string("//Stranger", None).unwrap();
		assert_noop!(
			submit(app(), &person, payload(), sign_raw(&stranger, &payload())),
			Error::<Test>::BadSignature
		);
		let more = AuthorizationPayload { scopes: Scopes::all(), ..payload() };
		assert_noop!(
			submit(app(), &person, more, sign_raw(&person, &payload())),
			Error::<Test>::BadSignature
		);
		assert_eq!(Grants::<Test>::iter().count(), 0);
	});
}

#[test]
fn a_payload_must_be_submitted_soon_after_it_is_signed() {
	new_test_ext().execute_with(|| {
		let person = newcomer();
		let far = AuthorizationPayload { valid_until: 1 + MAX_PAYLOAD_LIFETIME + 1, ..payload() };
		assert_noop!(
			submit(app(), &person, far.clone(), sign_raw(&person, &far)),
			Error::<Test>::PayloadTooLongLived
		);
		let edge = AuthorizationPayload { valid_until: 1 + MAX_PAYLOAD_LIFETIME, ..payload() };
		assert_ok!(submit(app(), &person, edge.clone(), sign_raw(&person, &edge)));
	});
}

#[test]
fn an_app_without_the_deposit_cannot_onboard() {
	new_test_ext().execute_with(|| {
		let person = newcomer();
		let poor_app = sr25519::Pair::from_string("//PoorApp", None).unwrap();
		let payload = AuthorizationPayload { app: account(&poor_app), ..payload() };
		assert_noop!(
			submit(account(&poor_app), &person, payload.clone(), sign_raw(&person, &payload)),
			sp_runtime::TokenError::FundsUnavailable
		);
	});
}
