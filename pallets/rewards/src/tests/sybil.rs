//! A ring of throwaway accounts earns no more than one account holding the same stake.

use super::*;
use crate::Stakes;
use sp_runtime::TokenError;

/// The ring's size.
const RING: u64 = 20;
/// The stake the ring (or the single curator) has in all.
const RING_STAKE: Balance = 20 * STAKE;
/// An honest author and its honest curator, whose post competes for the same era's pool.
const HONEST_AUTHOR: AccountId = BOB;
const HONEST_CURATOR: AccountId = DAVE;

/// The ring's accounts: funded with just the fees and deposits they need, each with a profile.
fn ring() -> Vec<AccountId> {
	(100..100 + RING)
		.map(|who| {
			mint_into(who, 1_000);
			assert_ok!(pallet_profiles::Pallet::<Test>::set_profile(
				RuntimeOrigin::signed(who),
				pallet_profiles::Handle::truncate_from(format!("ring_{who}").into_bytes()),
				Default::default(),
				None,
			));
			who
		})
		.collect()
}

/// An era with the honest author's post upvoted by its curator and EVE's post `p` voted by
/// `farm`; returns what EVE (the farming author) and `farmers` were paid for it, in all.
fn farmed(farm: impl FnOnce(PostId) -> Vec<AccountId>) -> Balance {
	let honest = post(HONEST_AUTHOR);
	vote(HONEST_CURATOR, honest, Up);
	let p = post(EVE);
	let farmers = farm(p);
	run_to_block(ERA_LENGTH);
	paid(EVE) + farmers.into_iter().map(paid).sum::<Balance>()
}

/// What claiming pays `who`: nothing if it has nothing to claim.
fn paid(who: AccountId) -> Balance {
	let before = balance(who);
	let _ = Rewards::claim_rewards(RuntimeOrigin::signed(who));
	balance(who) - before
}

fn mint_into(who: AccountId, amount: Balance) {
	assert_ok!(<Balances as frame_support::traits::fungible::Mutate<_>>::mint_into(&who, amount));
}

#[test]
fn one_stake_passed_around_a_ring_votes_once_per_era() {
	// One curator with the whole stake votes once.
	let single = new_test_ext().execute_with(|| {
		farmed(|p| {
			mint_into(CHARLIE, RING_STAKE);
			assert_ok!(Rewards::lock_stake(RuntimeOrigin::signed(CHARLIE), RING_STAKE - STAKE));
			vote(CHARLIE, p, Up);
			vec![CHARLIE]
		})
	});
	// The ring passes the same stake from account to account: lock, vote, unlock, pass on.
	let cycled = new_test_ext().execute_with(|| {
		farmed(|p| {
			let ring = ring();
			mint_into(ring[0], RING_STAKE);
			for (i, who) in ring.iter().enumerate() {
				let Some(next) = ring.get(i + 1) else { break };
				// Only the first has the stake to lock; the others have nothing to pass on.
				let _ = Rewards::lock_stake(RuntimeOrigin::signed(*who), RING_STAKE);
				vote(*who, p, Up);
				if Stakes::<Test>::contains_key(who) {
					assert_ok!(Rewards::unlock_stake(RuntimeOrigin::signed(*who), RING_STAKE));
				}
				// The unlocking stake is still held: it cannot move on this era (or the next).
				assert_noop!(
					Balances::transfer_allow_death(RuntimeOrigin::signed(*who), *next, RING_STAKE),
					TokenError::FundsUnavailable
				);
			}
			// Exactly one of the ring's votes counted.
			let counted = ring.iter().filter(|who| CountedVotes::<Test>::contains_key(p, *who));
			assert_eq!(counted.count(), 1);
			ring
		})
	});
	assert!(single > 0);
	assert!(cycled <= single, "the ring earned {cycled}, one account {single}");
}

#[test]
fn a_stake_split_over_a_ring_weighs_no_more_than_in_one_account() {
	let single = new_test_ext().execute_with(|| {
		farmed(|p| {
			mint_into(CHARLIE, RING_STAKE);
			assert_ok!(Rewards::lock_stake(RuntimeOrigin::signed(CHARLIE), RING_STAKE - STAKE));
			vote(CHARLIE, p, Up);
			assert_eq!(PostScores::<Test>::get(0, p).up, RING_STAKE);
			vec![CHARLIE]
		})
	});
	let split = new_test_ext().execute_with(|| {
		farmed(|p| {
			let ring = ring();
			for who in &ring {
				mint_into(*who, RING_STAKE / RING as Balance);
				assert_ok!(Rewards::lock_stake(
					RuntimeOrigin::signed(*who),
					RING_STAKE / RING as Balance
				));
				vote(*who, p, Up);
			}
			// Twenty full-mana votes of a twentieth each: the same score as one vote.
			assert_eq!(PostScores::<Test>::get(0, p).up, RING_STAKE);
			ring
		})
	});
	assert!(split <= single, "the split ring earned {split}, one account {single}");
	// And the ring's downvotes weigh no more either: twenty twentieths of one stake.
	new_test_ext().execute_with(|| {
		let p = post(EVE);
		for who in ring() {
			mint_into(who, RING_STAKE / RING as Balance);
			assert_ok!(Rewards::lock_stake(
				RuntimeOrigin::signed(who),
				RING_STAKE / RING as Balance
			));
			vote(who, p, Down);
		}
		assert_eq!(PostScores::<Test>::get(0, p).down, RING_STAKE);
	});
}
