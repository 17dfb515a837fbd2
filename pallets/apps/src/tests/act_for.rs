//! Batches: scopes, the person's own limits, deposits and failures that leave the rest standing.

use super::*;
use frame_support::dispatch::GetDispatchInfo;

#[test]
fn each_action_is_checked_and_one_failing_leaves_the_others_standing() {
	new_test_ext().execute_with(|| {
		grant(&alice(), &app(), posting());
		grant(&bob(), &app(), Scopes::all());
		let vote = RuntimeCall::Votes(pallet_votes::Call::vote {
			post_id: 0,
			direction: plaza_primitives::VoteDirection::Up,
		});
		assert_ok!(act(
			&app(),
			vec![
				(alice(), new_post()),
				// Alice did not let the app vote.
				(alice(), vote.clone()),
				(bob(), vote),
				// The posts pallet's own error passes through.
				(bob(), reply(99)),
				// Charlie never authorised the app.
				(Sr25519Keyring::Charlie.to_account_id(), new_post()),
				(bob(), reply(0)),
			]
		));
		let charlie = Sr25519Keyring::Charlie.to_account_id();
		assert_eq!(
			outcomes(),
			vec![
				(alice(), 0, Ok(Scope::Post)),
				(alice(), 1, Err(apps_error(Error::OutOfScope))),
				(bob(), 2, Ok(Scope::Vote)),
				(bob(), 3, Err(pallet_posts::Error::<Test>::ParentNotFound.into())),
				(charlie, 4, Err(apps_error(Error::NotAuthorized))),
				(bob(), 5, Ok(Scope::Post)),
			]
		);
		assert_eq!(pallet_posts::Posts::<Test>::get(1).unwrap().author, bob());
		assert_eq!(pallet_votes::Tallies::<Test>::get(0).up, 1);
		assert!(pallet_votes::Votes::<Test>::get(0, alice()).is_none());
		assert_eq!(pallet_votes::DepositPayers::<Test>::get(0, bob()), Some(app()));
		// Two posts and a vote, all paid by the app; the people paid nothing.
		assert_eq!(post_held(&app()), 2 * POST_DEPOSIT);
		assert_eq!(free(&app()), ENDOWMENT - 2 * POST_DEPOSIT - VOTE_DEPOSIT);
		assert_eq!(
			(free(&alice()), free(&bob())),
			(ENDOWMENT - GRANT_DEPOSIT, ENDOWMENT - GRANT_DEPOSIT)
		);
	});
}

#[test]
fn a_vote_the_app_paid_for_returns_its_deposit_to_the_app_when_the_person_takes_it_back() {
	new_test_ext().execute_with(|| {
		grant(&alice(), &app(), Scopes::all());
		assert_ok!(act(&app(), vec![(alice(), new_post())]));
		let up = plaza_primitives::VoteDirection::Up;
		assert_ok!(act(
			&app(),
			vec![(
				bob(),
				RuntimeCall::Votes(pallet_votes::Call::vote { post_id: 0, direction: up })
			)]
		));
		assert_eq!(outcomes().last().unwrap().2, Err(apps_error(Error::NotAuthorized)));
		grant(&bob(), &app(), Scopes::all());
		assert_ok!(act(
			&app(),
			vec![(
				bob(),
				RuntimeCall::Votes(pallet_votes::Call::vote { post_id: 0, direction: up })
			)]
		));
		let app_free = free(&app());
		assert_ok!(Votes::unvote(RuntimeOrigin::signed(bob()), 0));
		assert_eq!(free(&app()), app_free + VOTE_DEPOSIT);
		assert_eq!(pallet_votes::DepositPayers::<Test>::get(0, bob()), None);
	});
}

#[test]
fn calls_without_a_scope_and_nested_batches_are_refused() {
	new_test_ext().execute_with(|| {
		grant(&alice(), &app(), Scopes::all());
		let remark = RuntimeCall::System(frame_system::Call::remark { remark: vec![1, 2, 3] });
		let nested = RuntimeCall::Apps(Call::act_for {
			actions: BoundedVec::try_from(vec![Action {
				person: alice(),
				call: Box::new(new_post()),
			}])
			.unwrap(),
		});
		let revoke = RuntimeCall::Apps(Call::revoke { app: other_app() });
		assert_ok!(act(&app(), vec![(alice(), remark), (alice(), nested), (alice(), revoke)]));
		let refused = apps_error(Error::OutOfScope);
		assert_eq!(
			outcomes(),
			vec![
				(alice(), 0, Err(refused)),
				(alice(), 1, Err(refused)),
				(alice(), 2, Err(refused))
			]
		);
		assert_eq!(pallet_posts::NextPostId::<Test>::get(), 0);
	});
}

#[test]
fn an_app_cannot_give_a_person_more_posts_than_their_own_rate_limit() {
	new_test_ext().execute_with(|| {
		grant(&alice(), &app(), posting());
		// Alice posts herself, then the app tries to fill the rest of her window and more.
		assert_ok!(Posts::create_post(
			RuntimeOrigin::signed(alice()),
			examples::HELLO_V1.as_bytes().to_vec().try_into().unwrap(),
			11,
			None
		));
		let batch = (0..MAX_POSTS_PER_WINDOW).map(|_| (alice(), new_post())).collect();
		assert_ok!(act(&app(), batch));
		let limited: DispatchError = pallet_posts::Error::<Test>::RateLimited.into();
		let expected: Vec<_> = (0..MAX_POSTS_PER_WINDOW)
			.map(|i| {
				(
					alice(),
					i,
					if i + 1 < MAX_POSTS_PER_WINDOW { Ok(Scope::Post) } else { Err(limited) },
				)
			})
			.collect();
		assert_eq!(outcomes(), expected);
		// …and the limit holds for Alice herself too, until the window passes.
		assert_noop!(
			Posts::create_post(
				RuntimeOrigin::signed(alice()),
				examples::HELLO_V1.as_bytes().to_vec().try_into().unwrap(),
				11,
				None
			),
			pallet_posts::Error::<Test>::RateLimited
		);
	});
}

#[test]
fn tips_need_the_tip_scope_and_fit_the_allowance_which_a_failed_tip_does_not_use() {
	new_test_ext().execute_with(|| {
		let tip = |value| {
			RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive { dest: bob(), value })
		};
		// Without the scope, an allowance is not enough.
		assert_ok!(Apps::authorize(RuntimeOrigin::signed(alice()), app(), posting(), None, 100));
		assert_ok!(act(&app(), vec![(alice(), tip(10))]));
		assert_eq!(outcomes(), vec![(alice(), 0, Err(apps_error(Error::OutOfScope)))]);
		System::reset_events();

		let tipping = Scopes { tip: true, ..Default::default() };
		assert_ok!(Apps::authorize(RuntimeOrigin::signed(alice()), app(), tipping, None, 100));
		assert_ok!(act(&app(), vec![(alice(), tip(60)), (alice(), tip(50)), (alice(), tip(40))]));
		assert_eq!(
			outcomes(),
			vec![
				(alice(), 0, Ok(Scope::Tip)),
				(alice(), 1, Err(apps_error(Error::TipAllowanceExceeded))),
				(alice(), 2, Ok(Scope::Tip)),
			]
		);
		assert_eq!(Grants::<Test>::get(alice(), app()).unwrap().tip_allowance, 0);
		assert_eq!(free(&bob()), ENDOWMENT + 100);
		System::reset_events();

		// A tip that fails in the call itself (more than Alice has) gives its allowance back.
		assert_ok!(Apps::authorize(
			RuntimeOrigin::signed(alice()),
			app(),
			tipping,
			None,
			ENDOWMENT * 2
		));
		assert_ok!(act(&app(), vec![(alice(), tip(ENDOWMENT * 2))]));
		assert!(matches!(outcomes()[0].2, Err(_)));
		assert_eq!(Grants::<Test>::get(alice(), app()).unwrap().tip_allowance, ENDOWMENT * 2);
	});
}

#[test]
fn an_empty_batch_is_refused_and_a_longer_one_than_max_actions_does_not_decode() {
	new_test_ext().execute_with(|| {
		assert_noop!(act(&app(), vec![]), Error::<Test>::NoActions);
		let too_many: Vec<ActionOf<Test>> = (0..=MAX_ACTIONS)
			.map(|_| Action { person: alice(), call: Box::new(new_post()) })
			.collect();
		assert!(BoundedVec::<_, MaxActions>::try_from(too_many.clone()).is_err());
		let encoded = codec::Encode::encode(&too_many);
		let decoded =
			<BoundedVec<ActionOf<Test>, MaxActions> as codec::Decode>::decode(&mut &encoded[..]);
		assert!(decoded.is_err());
	});
}

#[test]
fn a_batch_is_charged_for_its_calls_and_refunded_what_they_did_not_use() {
	new_test_ext().execute_with(|| {
		grant(&alice(), &app(), posting());
		let call = Call::<Test>::act_for {
			actions: BoundedVec::try_from(vec![
				Action { person: alice(), call: Box::new(new_post()) },
				Action { person: alice(), call: Box::new(reply(0)) },
			])
			.unwrap(),
		};
		let declared = call.get_dispatch_info().call_weight;
		let (reads, writes) = plaza_primitives::SPONSOR_KEYS_READ_WRITTEN;
		assert_eq!(
			declared,
			<() as WeightInfo>::act_for(2)
				+ <Test as frame_system::Config>::DbWeight::get().reads_writes(reads, writes)
				+ <() as WeightInfo>::hold_batch_deposit() * 2
				+ new_post().get_dispatch_info().call_weight
				+ reply(0).get_dispatch_info().call_weight
		);
		let info = RuntimeCall::Apps(call).dispatch(RuntimeOrigin::signed(app())).unwrap();
		assert!(info.actual_weight.unwrap().all_lte(declared));
	});
}

#[test]
fn the_apps_account_and_holds_are_charged_once_per_batch() {
	new_test_ext().execute_with(|| {
		let people = [alice(), bob()];
		for person in &people {
			grant(person, &app(), posting());
		}
		let call = Call::<Test>::act_for {
			actions: BoundedVec::try_from(
				people
					.iter()
					.map(|person| Action { person: person.clone(), call: Box::new(new_post()) })
					.collect::<Vec<_>>(),
			)
			.unwrap(),
		};
		let info = RuntimeCall::Apps(call).dispatch(RuntimeOrigin::signed(app())).unwrap();
		// The batch owes the posts' deposits and holds them once; it pays for the app's account
		// and holds once, not once per post.
		let (reads, writes) = plaza_primitives::SPONSOR_KEYS_READ_WRITTEN;
		let sponsor_keys =
			<Test as frame_system::Config>::DbWeight::get().reads_writes(reads, writes);
		let post = new_post().get_dispatch_info().call_weight;
		assert_eq!(post, <() as pallet_posts::WeightInfo>::create_post());
		// Benchmarked as one more post of a batch: the app's account and holds are the batch's.
		let in_batch = plaza_primitives::per_action_in_batch(
			<() as pallet_posts::WeightInfo>::create_post_in_batch,
		);
		assert!(sponsor_keys.ref_time() > 0);
		assert!(in_batch.ref_time() < (post - sponsor_keys).ref_time());
		assert_eq!(
			info.actual_weight,
			Some(
				<() as WeightInfo>::act_for(2)
					+ sponsor_keys + <() as WeightInfo>::hold_batch_deposit()
					+ in_batch.saturating_mul(2)
			)
		);
		assert_eq!(pallet_posts::Posts::<Test>::iter().count(), 2);
	});
}

#[test]
fn a_tombstone_keeps_part_of_the_apps_deposit_until_it_goes_then_returns_it_to_the_app() {
	new_test_ext().execute_with(|| {
		grant(&alice(), &app(), posting());
		assert_ok!(act(&app(), vec![(alice(), new_post())]));
		assert_ok!(Posts::create_post(
			RuntimeOrigin::signed(bob()),
			examples::HELLO_V1.as_bytes().to_vec().try_into().unwrap(),
			11,
			Some(0)
		));
		// Alice deletes her post herself: it has a reply, so a tombstone keeps part of the
		// deposit; the rest goes back to the app that paid it, none to Alice.
		assert_ok!(Posts::delete_post(RuntimeOrigin::signed(alice()), 0));
		let tombstone = TombstoneDeposit::get();
		assert_eq!(post_held(&app()), tombstone);
		assert_eq!(free(&app()), ENDOWMENT - tombstone);
		assert_eq!(free(&alice()), ENDOWMENT - GRANT_DEPOSIT);
		// Bob's reply goes, and with it the tombstone: the app has all of it back.
		assert_ok!(Posts::delete_post(RuntimeOrigin::signed(bob()), 1));
		assert!(pallet_posts::Posts::<Test>::get(0).is_none());
		assert_eq!(pallet_posts::DepositPayers::<Test>::get(0), None);
		assert_eq!((post_held(&app()), free(&app())), (0, ENDOWMENT));
	});
}
