//! Deposits an app pays: a profile or a follow made for a person through the apps pallet's
//! `act_for` (here `mock::Sponsored`) is held from the app and goes back to it.

use super::*;
use crate::{weights::WeightInfo, FollowDepositPayers, ProfileDepositPayers};
use frame_support::{
	dispatch::PostDispatchInfo,
	weights::{constants::RocksDbWeight, Weight},
};

/// Runs `f` with `APP` paying for `person`, as `act_for` does.
fn through_app<R>(person: AccountId, f: impl FnOnce() -> R) -> R {
	Sponsored::set(Some((person, APP)));
	let result = f();
	Sponsored::set(None);
	result
}

fn deposit_of(who: AccountId) -> Balance {
	ProfilesStorage::<Test>::get(who).expect("a profile").deposit
}

fn actual(result: frame_support::dispatch::DispatchResultWithPostInfo) -> Weight {
	let PostDispatchInfo { actual_weight, .. } = result.expect("the call succeeds");
	actual_weight.expect("the call says what it used")
}

#[test]
fn an_app_pays_the_profile_of_a_person_with_no_balance_and_gets_it_back() {
	new_test_ext().execute_with(|| {
		assert_eq!(Balances::balance(&NEWCOMER), 0);
		assert_ok!(through_app(NEWCOMER, || set(NEWCOMER, "newcomer", "New", Some(METADATA_CID))));

		let deposit = deposit_of(NEWCOMER);
		assert_eq!(held_for_profile(APP), deposit);
		assert_eq!(Balances::balance(&APP), ENDOWMENT - deposit);
		assert_eq!(held_for_profile(NEWCOMER), 0);
		assert_eq!(Balances::total_balance(&NEWCOMER), 0);
		assert_eq!(ProfileDepositPayers::<Test>::get(NEWCOMER), Some(APP));
		assert_eq!(HandleOwners::<Test>::get(handle("newcomer")), Some(NEWCOMER));

		// The person clears it alone: the deposit goes back to the app that paid it.
		assert_ok!(Profiles::clear_profile(RuntimeOrigin::signed(NEWCOMER)));
		assert_eq!(held_for_profile(APP), 0);
		assert_eq!(Balances::balance(&APP), ENDOWMENT);
		assert_eq!(ProfileDepositPayers::<Test>::get(NEWCOMER), None);
		assert_eq!(Balances::total_balance(&NEWCOMER), 0);
	});
}

#[test]
fn whoever_sets_a_profile_holds_its_whole_deposit() {
	new_test_ext().execute_with(|| {
		assert_ok!(set(ALICE, "alice", "Alice", None));
		let own = deposit_of(ALICE);
		assert_eq!(held_for_profile(ALICE), own);

		// An app updates it: Alice gets hers back, the app holds the new deposit in full.
		assert_ok!(through_app(ALICE, || set(ALICE, "alice", "Alice Liddell", Some(METADATA_CID))));
		let app_paid = deposit_of(ALICE);
		assert!(app_paid > own);
		assert_eq!(held_for_profile(ALICE), 0);
		assert_eq!(Balances::balance(&ALICE), ENDOWMENT);
		assert_eq!(held_for_profile(APP), app_paid);
		assert_eq!(ProfileDepositPayers::<Test>::get(ALICE), Some(APP));

		// The app shortens it: only the difference moves.
		assert_ok!(through_app(ALICE, || set(ALICE, "alice", "A", None)));
		assert_eq!(held_for_profile(APP), deposit_of(ALICE));
		assert_eq!(Balances::balance(&APP), ENDOWMENT - deposit_of(ALICE));

		// Alice updates it herself: the app gets all of its deposit back.
		assert_ok!(set(ALICE, "alice", "Alice again", None));
		assert_eq!(held_for_profile(APP), 0);
		assert_eq!(Balances::balance(&APP), ENDOWMENT);
		assert_eq!(held_for_profile(ALICE), deposit_of(ALICE));
		assert_eq!(ProfileDepositPayers::<Test>::get(ALICE), None);
	});
}

#[test]
fn a_deposit_nobody_can_pay_changes_nothing() {
	new_test_ext().execute_with(|| {
		// The newcomer cannot take over the deposit of the profile an app paid for.
		assert_ok!(through_app(NEWCOMER, || set(NEWCOMER, "newcomer", "New", None)));
		let app_held = held_for_profile(APP);
		assert_noop!(set(NEWCOMER, "newcomer", "Someone else", None), TokenError::FundsUnavailable);
		assert_eq!(held_for_profile(APP), app_held);
		assert_eq!(ProfileDepositPayers::<Test>::get(NEWCOMER), Some(APP));

		// An app that cannot pay gets the currency's own error, for profiles and follows.
		Sponsored::set(Some((BOB, POOR)));
		assert_noop!(set(BOB, "bob", "Bob", None), TokenError::FundsUnavailable);
		let penniless_app = 99;
		Sponsored::set(Some((NEWCOMER, penniless_app)));
		assert_noop!(
			Profiles::follow(RuntimeOrigin::signed(NEWCOMER), BOB),
			TokenError::FundsUnavailable
		);
		Sponsored::set(None);
	});
}

#[test]
fn an_app_pays_a_follow_and_gets_it_back_on_unfollow() {
	new_test_ext().execute_with(|| {
		assert_ok!(through_app(NEWCOMER, || Profiles::follow(
			RuntimeOrigin::signed(NEWCOMER),
			BOB
		)));
		assert_eq!(Following::<Test>::get(NEWCOMER, BOB), Some(FOLLOW_DEPOSIT));
		assert_eq!(FollowDepositPayers::<Test>::get(NEWCOMER, BOB), Some(APP));
		assert_eq!(held_for_follows(APP), FOLLOW_DEPOSIT);
		assert_eq!(held_for_follows(NEWCOMER), 0);
		assert_eq!(FollowCountsOf::<Test>::get(BOB), FollowCounts { followers: 1, following: 0 });

		// Alice follows Bob herself: her deposit is hers, with no payer record.
		assert_ok!(Profiles::follow(RuntimeOrigin::signed(ALICE), BOB));
		assert_eq!(FollowDepositPayers::<Test>::get(ALICE, BOB), None);
		assert_eq!(held_for_follows(ALICE), FOLLOW_DEPOSIT);

		assert_ok!(Profiles::unfollow(RuntimeOrigin::signed(NEWCOMER), BOB));
		assert_eq!(held_for_follows(APP), 0);
		assert_eq!(Balances::balance(&APP), ENDOWMENT);
		assert_eq!(FollowDepositPayers::<Test>::get(NEWCOMER, BOB), None);
		assert_eq!(Balances::total_balance(&NEWCOMER), 0);
		assert_eq!(held_for_follows(ALICE), FOLLOW_DEPOSIT);
	});
}

#[test]
fn calls_refund_the_app_keys_their_batch_pays_for() {
	new_test_ext().execute_with(|| {
		let db = RocksDbWeight::get();
		let follow = <() as WeightInfo>::follow();
		// An app pays: its account and holds are charged once per `act_for` batch.
		let via_app = actual(through_app(NEWCOMER, || {
			Profiles::follow(RuntimeOrigin::signed(NEWCOMER), BOB)
		}));
		assert_eq!(via_app, follow - db.reads_writes(2, 2));
		// The follower pays: no payer record is written.
		let alone = actual(Profiles::follow(RuntimeOrigin::signed(ALICE), BOB));
		assert_eq!(alone, follow - db.writes(1));

		let set_profile = <() as WeightInfo>::set_profile();
		let profile = |name: &str| {
			Profiles::set_profile(
				RuntimeOrigin::signed(ALICE),
				handle("alice"),
				crate::DisplayName::truncate_from(name.as_bytes().to_vec()),
				None,
			)
		};
		// Alice pays before and after: one account's holds.
		assert_eq!(actual(profile("A")), set_profile - db.reads_writes(2, 2));
		// An app takes the deposit over: Alice's holds, and the app's paid by its batch.
		assert_eq!(
			actual(through_app(ALICE, || profile("B"))),
			set_profile - db.reads_writes(2, 2)
		);
		// Alice takes it back outside any batch: both accounts' holds, the full charge.
		assert_eq!(actual(profile("C")), set_profile);
	});
}
