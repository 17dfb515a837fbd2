//! The reward math (proportional shares, self-votes, downvotes, mana, rounding and issuance,
//! claim bounds), fees into the pool, and tips — against a runtime with the real social pallets.

mod eras;
mod hidden;
mod properties;
mod stake;
mod sybil;

use frame_support::{
	assert_noop, assert_ok,
	traits::{
		fungible::{Balanced, Inspect},
		OnUnbalanced,
	},
};
use plaza_primitives::{examples, OnVote, PostId, VoteDirection::*};

use crate::{
	mock::*, AuthorScores, Carry, CountedVotes, CuratorVotes, EraFees, EraPayout, EraScore, Eras,
	Error, Event, FeesToRewardPool, Manas, PostScores, PostTips, TipsReceived, FULL_MANA,
};

fn post(author: AccountId) -> PostId {
	let id = pallet_posts::NextPostId::<Test>::get();
	assert_ok!(Posts::create_post(
		RuntimeOrigin::signed(author),
		plaza_primitives::CidText::truncate_from(examples::HELLO_V1.as_bytes().to_vec()),
		11,
		None
	));
	id
}

fn vote(voter: AccountId, post_id: PostId, direction: plaza_primitives::VoteDirection) {
	assert_ok!(Votes::vote(RuntimeOrigin::signed(voter), post_id, direction));
}

fn balance(who: AccountId) -> Balance {
	Balances::balance(&who)
}

/// Claims for `who` and returns what it was paid.
fn claim(who: AccountId) -> Balance {
	let before = balance(who);
	assert_ok!(Rewards::claim_rewards(RuntimeOrigin::signed(who)));
	balance(who) - before
}

fn events() -> Vec<Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|r| if let RuntimeEvent::Rewards(e) = r.event { Some(e) } else { None })
		.collect()
}

/// `pool × part / whole`, rounded down: the pallet's share rule.
fn share(pool: Balance, part: u128, whole: u128) -> Balance {
	pool * part / whole
}

#[test]
fn each_era_mints_its_pool_and_an_empty_era_carries_it_over() {
	new_test_ext().execute_with(|| {
		let issuance = Balances::total_issuance();
		run_to_block(ERA_LENGTH - 1);
		assert_eq!(crate::CurrentEra::<Test>::get(), 0);
		run_to_block(ERA_LENGTH);
		assert_eq!(crate::CurrentEra::<Test>::get(), 1);
		assert_eq!(events(), vec![Event::EraEnded { era: 0, pool: ERA_MINT }]);
		assert_eq!(Balances::total_issuance(), issuance + ERA_MINT);
		// Nobody earned anything: the whole pool carries over, and the era keeps no payout.
		assert_eq!(Carry::<Test>::get(), ERA_MINT);
		assert!(Eras::<Test>::get(0).is_none());
		run_to_block(2 * ERA_LENGTH);
		assert_eq!(events().last(), Some(&Event::EraEnded { era: 1, pool: 2 * ERA_MINT }));
		assert_eq!(Balances::total_issuance(), issuance + 2 * ERA_MINT);
	});
}

#[test]
fn an_era_is_split_between_authors_and_curators_by_score() {
	new_test_ext().execute_with(|| {
		let p1 = post(ALICE);
		let p2 = post(BOB);
		vote(CHARLIE, p1, Up); // weight 1_000_000
		vote(DAVE, p1, Up); // weight 1_000_000
		vote(CHARLIE, p2, Up); // weight 980_000: Charlie spent 2 % on the first vote
		run_to_block(ERA_LENGTH);

		let (s1, s2) = (2 * FULL_MANA as u128, 980_000u128);
		let total = s1 + s2;
		let payout = Eras::<Test>::get(0).unwrap();
		assert_eq!(
			payout,
			EraPayout {
				pool: ERA_MINT,
				authors: ERA_MINT / 2,
				curators: ERA_MINT / 2,
				total_score: total,
				claimed: 0,
				claimants: 4,
			}
		);

		let curators_p1 = share(payout.curators, s1, total);
		let curators_p2 = share(payout.curators, s2, total);
		let expected = [
			(ALICE, share(payout.authors, s1, total)),
			(BOB, share(payout.authors, s2, total)),
			(CHARLIE, curators_p1 / 2 + curators_p2),
			(DAVE, curators_p1 / 2),
		];
		assert_eq!(
			expected,
			[(ALICE, 335_570), (BOB, 164_429), (CHARLIE, 332_214), (DAVE, 167_785)]
		);
		for (who, amount) in expected {
			assert_eq!(Rewards::pending_rewards(&who), amount);
			assert_eq!(claim(who), amount);
			assert_eq!(events().last(), Some(&Event::RewardsClaimed { who, amount, eras: 1 }));
		}
		// Rounding only ever leaves dust, and the last claim sends it back to the pool.
		let paid: Balance = expected.iter().map(|(_, a)| a).sum();
		assert_eq!(ERA_MINT - paid, 2);
		assert!(events().contains(&Event::EraSettled { era: 0, returned: 2 }));
		assert_eq!(Carry::<Test>::get(), 2);
	});
}

#[test]
fn self_votes_and_votes_of_ineligible_accounts_earn_nothing() {
	new_test_ext().execute_with(|| {
		let p = post(ALICE);
		vote(ALICE, p, Up); // own post
		vote(NOBODY, p, Up); // no profile
		vote(POOR, p, Up); // no curation stake
		assert_eq!(PostScores::<Test>::get(0, p).up, 0);
		assert_eq!(EraScore::<Test>::get(), 0);
		assert!(CountedVotes::<Test>::get(p, ALICE).is_none());
		assert!(Manas::<Test>::get(ALICE).is_none(), "no mana spent on a vote that earns nothing");
		// The votes themselves count in the tally.
		assert_eq!(pallet_votes::Tallies::<Test>::get(p).up, 3);
		run_to_block(ERA_LENGTH);
		assert_eq!(Carry::<Test>::get(), ERA_MINT);
		assert_noop!(
			Rewards::claim_rewards(RuntimeOrigin::signed(ALICE)),
			Error::<Test>::NothingToClaim
		);
	});
}

#[test]
fn downvotes_reduce_a_posts_score() {
	new_test_ext().execute_with(|| {
		let p1 = post(ALICE);
		let p2 = post(BOB);
		vote(CHARLIE, p1, Up);
		vote(DAVE, p1, Down);
		vote(EVE, p2, Up);
		assert_eq!(PostScores::<Test>::get(0, p1).net(), 0);
		assert_eq!(AuthorScores::<Test>::get(0, ALICE), 0);
		assert_eq!(EraScore::<Test>::get(), FULL_MANA as u128);
		run_to_block(ERA_LENGTH);
		// Alice's post netted nothing: Bob and Eve share the pool.
		assert_eq!(Rewards::pending_rewards(&ALICE), 0);
		assert_eq!(Rewards::pending_rewards(&CHARLIE), 0);
		assert_eq!(claim(BOB), ERA_MINT / 2);
		assert_eq!(claim(EVE), ERA_MINT / 2);
	});
}

#[test]
fn mana_decays_with_each_vote_and_regenerates_over_time() {
	new_test_ext().execute_with(|| {
		let posts: Vec<_> = (0..3).map(|_| post(ALICE)).collect();
		for p in &posts {
			vote(CHARLIE, *p, Up);
		}
		let weights: Vec<_> =
			posts.iter().map(|p| CountedVotes::<Test>::get(p, CHARLIE).unwrap().weight).collect();
		assert_eq!(weights, vec![1_000_000, 980_000, 960_000]);
		assert_eq!(Manas::<Test>::get(CHARLIE).unwrap().level, 940_000);

		// A quarter of the regeneration period gives back a quarter of full mana, capped at full.
		let mana = Manas::<Test>::get(CHARLIE).unwrap();
		assert_eq!(mana.at(1 + MANA_REGENERATION_PERIOD / 100, MANA_REGENERATION_PERIOD), 950_000);
		assert_eq!(mana.at(1 + MANA_REGENERATION_PERIOD / 4, MANA_REGENERATION_PERIOD), FULL_MANA);
		let drained = crate::Mana { level: 0, updated: 1 };
		assert_eq!(drained.at(1 + MANA_REGENERATION_PERIOD / 4, MANA_REGENERATION_PERIOD), 250_000);
		assert_eq!(drained.at(1 + MANA_REGENERATION_PERIOD, MANA_REGENERATION_PERIOD), FULL_MANA);

		run_to_block(5);
		let p = post(BOB);
		vote(CHARLIE, p, Up);
		// 940_000 regained 4 blocks' worth (4 % of full) before voting.
		assert_eq!(CountedVotes::<Test>::get(p, CHARLIE).unwrap().weight, 980_000);
	});
}

#[test]
fn one_account_cannot_farm_linearly() {
	new_test_ext().execute_with(|| {
		// Votes in a row by one account weigh less and less (each spends 2 % of full mana)…
		let max = MAX_REWARDED_VOTES_PER_ERA as usize;
		let posts: Vec<_> = (0..=max).map(|i| post(if i % 2 == 0 { ALICE } else { BOB })).collect();
		for p in &posts {
			vote(CHARLIE, *p, Down);
		}
		let weights: Vec<u128> = posts[..max]
			.iter()
			.map(|p| CountedVotes::<Test>::get(p, CHARLIE).unwrap().weight)
			.collect();
		let expected: Vec<u128> = (0..max as u128)
			.map(|i| STAKE * (FULL_MANA as u128 - i * 20_000) / 1_000_000)
			.collect();
		assert_eq!(weights, expected);
		// …and past the era's bound they count nothing at all.
		assert!(CountedVotes::<Test>::get(posts[max], CHARLIE).is_none());
		// Accounts splitting a stake gain nothing either: see `sybil.rs`.
	});
}

#[test]
fn a_vote_that_counts_nothing_is_charged_the_cheaper_case() {
	new_test_ext().execute_with(|| {
		let p = post(ALICE);
		let not_counted = <() as crate::WeightInfo>::on_vote_not_counted();
		let counted = <Rewards as OnVote<AccountId>>::weight();
		assert!(not_counted.all_lt(counted));
		let vote_weight = <() as pallet_votes::WeightInfo>::vote();
		let voted = |voter, direction| {
			Votes::vote(RuntimeOrigin::signed(voter), p, direction)
				.expect("a valid vote")
				.actual_weight
		};
		assert_eq!(voted(NOBODY, Up), Some(vote_weight + not_counted), "no profile");
		assert_eq!(voted(ALICE, Up), Some(vote_weight + not_counted), "own post");
		assert_eq!(voted(CHARLIE, Up), Some(vote_weight + counted), "a rewarded upvote");
		// Changing a counted vote undoes its count: the full weight again.
		assert_eq!(voted(CHARLIE, Down), Some(vote_weight + counted));
	});
}

#[test]
fn changing_or_removing_a_vote_in_the_era_undoes_its_count() {
	new_test_ext().execute_with(|| {
		let p = post(ALICE);
		vote(CHARLIE, p, Up);
		vote(CHARLIE, p, Down);
		let score = PostScores::<Test>::get(0, p);
		assert_eq!((score.up, score.down), (0, 980_000));
		assert!(CuratorVotes::<Test>::get(0, CHARLIE).is_empty());
		assert!(!CuratorVotes::<Test>::contains_key(0, CHARLIE), "no empty list is stored");
		assert_ok!(Votes::unvote(RuntimeOrigin::signed(CHARLIE), p));
		assert!(!PostScores::<Test>::contains_key(0, p), "no zero score is stored");
		assert_eq!(PostScores::<Test>::get(0, p), Default::default());
		assert!(CountedVotes::<Test>::get(p, CHARLIE).is_none());
		assert_eq!(EraScore::<Test>::get(), 0);
	});
}

#[test]
fn a_finished_era_is_never_changed_by_later_votes() {
	new_test_ext().execute_with(|| {
		let p = post(ALICE);
		vote(CHARLIE, p, Up);
		run_to_block(ERA_LENGTH);
		let pending = Rewards::pending_rewards(&ALICE);
		assert_ok!(Votes::unvote(RuntimeOrigin::signed(CHARLIE), p));
		vote(DAVE, p, Down);
		assert_eq!(Rewards::pending_rewards(&ALICE), pending);
		assert_eq!(PostScores::<Test>::get(0, p).up, FULL_MANA as u128);
		assert_eq!(PostScores::<Test>::get(1, p).down, FULL_MANA as u128);
	});
}

#[test]
fn a_post_and_voter_pair_is_paid_once_whatever_the_voter_does_across_eras() {
	new_test_ext().execute_with(|| {
		let p = post(ALICE);
		// Era 0: CHARLIE upvotes.
		vote(CHARLIE, p, Up);
		run_to_block(ERA_LENGTH);
		// Era 1: unvote, vote again; era 2: unvote, downvote, upvote again.
		assert_ok!(Votes::unvote(RuntimeOrigin::signed(CHARLIE), p));
		vote(CHARLIE, p, Up);
		run_to_block(2 * ERA_LENGTH);
		assert_ok!(Votes::unvote(RuntimeOrigin::signed(CHARLIE), p));
		vote(CHARLIE, p, Down);
		vote(CHARLIE, p, Up);
		run_to_block(3 * ERA_LENGTH);

		// Only era 0 scored: eras 1 and 2 had nothing, their mints carried over.
		assert_eq!(Eras::<Test>::get(0).unwrap().total_score, FULL_MANA as u128);
		assert!(Eras::<Test>::get(1).is_none() && Eras::<Test>::get(2).is_none());
		assert_eq!(Carry::<Test>::get(), 2 * ERA_MINT);
		assert!(!PostScores::<Test>::contains_key(1, p) && !PostScores::<Test>::contains_key(2, p));
		assert_eq!(CountedVotes::<Test>::get(p, CHARLIE).unwrap().era, 0);
		// ALICE is paid era 0's authors' share once, CHARLIE era 0's curators' share once.
		let era0 = Eras::<Test>::get(0).unwrap();
		assert_eq!(claim(ALICE), era0.authors);
		assert_eq!(claim(CHARLIE), era0.curators);
		assert_noop!(
			Rewards::claim_rewards(RuntimeOrigin::signed(CHARLIE)),
			Error::<Test>::NothingToClaim
		);
		// The re-votes spent no mana either.
		assert_eq!(Manas::<Test>::get(CHARLIE).unwrap().updated, 1);
	});
}

#[test]
fn rounding_never_creates_tokens() {
	new_test_ext().execute_with(|| {
		let issuance = Balances::total_issuance();
		let pool_start = balance(Rewards::pool_account());
		// Awkward weights: three authors, voters with different mana.
		let posts = [post(ALICE), post(BOB), post(EVE)];
		for (i, voter) in [CHARLIE, DAVE, EVE, BOB].into_iter().enumerate() {
			for (j, p) in posts.iter().enumerate() {
				if (i + j) % 3 != 0 {
					let _ = Votes::vote(
						RuntimeOrigin::signed(voter),
						*p,
						if j == 2 { Down } else { Up },
					);
				}
			}
		}
		run_to_block(3 * ERA_LENGTH);
		let mut paid = 0;
		for who in [ALICE, BOB, CHARLIE, DAVE, EVE] {
			if Rewards::pending_rewards(&who) > 0 {
				paid += claim(who);
			}
		}
		assert!(paid <= 3 * ERA_MINT);
		assert!(paid > 0);
		// Issuance grew by exactly the mint; the pool keeps the rest (carry and dust).
		assert_eq!(Balances::total_issuance(), issuance + 3 * ERA_MINT);
		assert_eq!(balance(Rewards::pool_account()), pool_start + 3 * ERA_MINT - paid);
		assert!(balance(Rewards::pool_account()) >= EXISTENTIAL_DEPOSIT);
	});
}

#[test]
fn a_claim_settles_at_most_max_eras_and_the_rest_stays_claimable() {
	new_test_ext().execute_with(|| {
		let eras = 5u64;
		let mut expected = 0;
		for era in 0..eras {
			vote(CHARLIE, post(ALICE), Up);
			run_to_block((era + 1) * ERA_LENGTH);
			expected += Eras::<Test>::get(era as u32).unwrap().authors;
		}
		assert_eq!(Rewards::pending_rewards(&ALICE), expected);
		let first = claim(ALICE);
		assert_eq!(
			events().last(),
			Some(&Event::RewardsClaimed { who: ALICE, amount: first, eras: MAX_ERAS_PER_CLAIM })
		);
		let second = claim(ALICE);
		assert_eq!(
			events().last(),
			Some(&Event::RewardsClaimed { who: ALICE, amount: second, eras: 2 })
		);
		assert_eq!(first + second, expected);
		assert_noop!(
			Rewards::claim_rewards(RuntimeOrigin::signed(ALICE)),
			Error::<Test>::NothingToClaim
		);
		assert_eq!(Rewards::pending_rewards(&ALICE), 0);
	});
}

#[test]
fn nothing_to_claim_before_an_era_ends() {
	new_test_ext().execute_with(|| {
		let p = post(ALICE);
		vote(CHARLIE, p, Up);
		assert_noop!(
			Rewards::claim_rewards(RuntimeOrigin::signed(ALICE)),
			Error::<Test>::NothingToClaim
		);
		assert_noop!(
			Rewards::claim_rewards(RuntimeOrigin::signed(BOB)),
			Error::<Test>::NothingToClaim
		);
	});
}

#[test]
fn only_a_bounded_number_of_upvotes_per_era_earn_curation() {
	new_test_ext().execute_with(|| {
		let posts: Vec<_> = (0..=MAX_REWARDED_VOTES_PER_ERA).map(|_| post(ALICE)).collect();
		for p in &posts {
			vote(CHARLIE, *p, Up);
		}
		assert_eq!(CuratorVotes::<Test>::get(0, CHARLIE).len() as u32, MAX_REWARDED_VOTES_PER_ERA);
		assert!(CountedVotes::<Test>::get(posts[MAX_REWARDED_VOTES_PER_ERA as usize], CHARLIE)
			.is_none());
		// Removing one makes room again.
		assert_ok!(Votes::unvote(RuntimeOrigin::signed(CHARLIE), posts[0]));
		vote(CHARLIE, posts[0], Up);
		assert_eq!(CuratorVotes::<Test>::get(0, CHARLIE).len() as u32, MAX_REWARDED_VOTES_PER_ERA);
	});
}

#[test]
fn a_share_of_fees_goes_to_the_pool_and_the_rest_is_burned() {
	new_test_ext().execute_with(|| {
		let issuance = Balances::total_issuance();
		let pool = balance(Rewards::pool_account());
		let fee = Balances::withdraw(
			&BOB,
			1_000,
			frame_support::traits::tokens::Precision::Exact,
			frame_support::traits::tokens::Preservation::Preserve,
			frame_support::traits::tokens::Fortitude::Polite,
		)
		.unwrap();
		FeesToRewardPool::<Test>::on_unbalanced(fee);
		assert_eq!(balance(Rewards::pool_account()), pool + 200);
		assert_eq!(EraFees::<Test>::get(), 200);
		assert_eq!(Balances::total_issuance(), issuance - 800);
		run_to_block(ERA_LENGTH);
		assert_eq!(events().last(), Some(&Event::EraEnded { era: 0, pool: ERA_MINT + 200 }));
		assert_eq!(EraFees::<Test>::get(), 0);
	});
}

#[test]
fn a_tip_moves_exactly_its_amount_with_a_receipt() {
	new_test_ext().execute_with(|| {
		let p = post(ALICE);
		let (alice, bob) = (balance(ALICE), balance(BOB));
		assert_ok!(Rewards::tip(RuntimeOrigin::signed(BOB), p, 12_345));
		assert_eq!(balance(ALICE), alice + 12_345);
		assert_eq!(balance(BOB), bob - 12_345);
		assert_eq!(
			events().last(),
			Some(&Event::Tipped { post_id: p, from: BOB, to: ALICE, amount: 12_345 })
		);
		assert_ok!(Rewards::tip(RuntimeOrigin::signed(CHARLIE), p, 5));
		assert_eq!(PostTips::<Test>::get(p), 12_350);
		assert_eq!(TipsReceived::<Test>::get(ALICE), 12_350);
	});
}

#[test]
fn neither_side_of_a_block_tips_the_other() {
	new_test_ext().execute_with(|| {
		let p = post(ALICE);
		assert_ok!(Profiles::block(RuntimeOrigin::signed(ALICE), BOB));
		let (alice, bob) = (balance(ALICE), balance(BOB));

		assert_noop!(
			Rewards::tip(RuntimeOrigin::signed(BOB), p, 10),
			pallet_profiles::Error::<Test>::BlockedByAccount
		);
		assert_eq!((balance(ALICE), balance(BOB)), (alice, bob));
		assert_eq!(PostTips::<Test>::get(p), 0);
		// Nor does she tip his posts while she blocks him; others still tip her.
		let q = post(BOB);
		assert_noop!(
			Rewards::tip(RuntimeOrigin::signed(ALICE), q, 10),
			pallet_profiles::Error::<Test>::BlockingAccount
		);
		assert_ok!(Rewards::tip(RuntimeOrigin::signed(CHARLIE), p, 5));
		assert_ok!(Profiles::unblock(RuntimeOrigin::signed(ALICE), BOB));
		assert_ok!(Rewards::tip(RuntimeOrigin::signed(BOB), p, 10));
		assert_eq!(PostTips::<Test>::get(p), 15);
	});
}

#[test]
fn bad_tips_are_refused() {
	new_test_ext().execute_with(|| {
		let p = post(ALICE);
		assert_noop!(
			Rewards::tip(RuntimeOrigin::signed(ALICE), p, 10),
			Error::<Test>::CannotTipOwnPost
		);
		assert_noop!(Rewards::tip(RuntimeOrigin::signed(BOB), p, 0), Error::<Test>::ZeroTip);
		assert_noop!(Rewards::tip(RuntimeOrigin::signed(BOB), 99, 10), Error::<Test>::PostNotFound);
		// Paying it all would take Bob's free balance below what keeps its account and holds
		// alive: the balances pallet's own reason comes through.
		assert_noop!(
			Rewards::tip(RuntimeOrigin::signed(BOB), p, balance(BOB)),
			sp_runtime::TokenError::Frozen
		);
		assert_noop!(
			Rewards::tip(RuntimeOrigin::signed(BOB), p, 2 * ENDOWMENT),
			sp_runtime::TokenError::FundsUnavailable
		);
		assert_ok!(Posts::repost(RuntimeOrigin::signed(BOB), p));
		assert_noop!(
			Rewards::tip(RuntimeOrigin::signed(CHARLIE), p + 1, 10),
			Error::<Test>::CannotTipRepost
		);
		assert_ok!(Posts::delete_post(RuntimeOrigin::signed(ALICE), p));
		assert_noop!(Rewards::tip(RuntimeOrigin::signed(BOB), p, 10), Error::<Test>::PostDeleted);
	});
}
