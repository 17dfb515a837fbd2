//! Posts a community's moderators hide: a post hidden in an era earns nothing in it, for its
//! author or its curators, and votes on it count nothing for the rest of that era.

use super::*;
use crate::HiddenInEra;
use plaza_primitives::OnPostHidden;

#[test]
fn a_post_hidden_in_an_era_earns_nothing_in_it_and_the_others_share_the_pool() {
	new_test_ext().execute_with(|| {
		let hidden = post(ALICE);
		let kept = post(BOB);
		vote(CHARLIE, hidden, Up); // weight 1_000_000
		vote(DAVE, kept, Up); // weight 1_000_000
		assert_eq!(EraScore::<Test>::get(), 2 * FULL_MANA as u128);

		<Rewards as OnPostHidden<AccountId>>::on_post_hidden(hidden, &ALICE);

		assert!(HiddenInEra::<Test>::contains_key(0, hidden));
		assert_eq!(EraScore::<Test>::get(), FULL_MANA as u128);
		assert_eq!(PostScores::<Test>::get(0, hidden), Default::default());
		assert!(!AuthorScores::<Test>::contains_key(0, ALICE));
		// A vote on it later in the era counts nothing, and spends no mana.
		vote(DAVE, hidden, Up);
		assert!(!CountedVotes::<Test>::contains_key(hidden, DAVE));
		assert_eq!(EraScore::<Test>::get(), FULL_MANA as u128);
		run_to_block(ERA_LENGTH);

		// Bob and Dave share the whole pool; Alice, and Charlie for his upvote of her post,
		// get nothing.
		let payout = Eras::<Test>::get(0).unwrap();
		assert_eq!(payout.total_score, FULL_MANA as u128);
		assert_eq!(payout.claimants, 3); // Bob, Dave, and Charlie's listed (worthless) upvote
		assert_eq!(Rewards::pending_rewards(&ALICE), 0);
		assert_eq!(Rewards::pending_rewards(&CHARLIE), 0);
		assert_eq!(claim(BOB), ERA_MINT / 2);
		assert_eq!(claim(DAVE), ERA_MINT / 2);
		assert_eq!(claim(CHARLIE), 0);
	});
}

#[test]
fn a_hidden_post_earns_again_in_later_eras_and_keeps_what_it_earned_before() {
	new_test_ext().execute_with(|| {
		let p = post(ALICE);
		vote(CHARLIE, p, Up);
		run_to_block(ERA_LENGTH); // era 0 ends with Alice's score in it
		let earned = Rewards::pending_rewards(&ALICE);
		assert_eq!(earned, ERA_MINT / 2);

		<Rewards as OnPostHidden<AccountId>>::on_post_hidden(p, &ALICE);
		vote(DAVE, p, Up);
		assert_eq!(EraScore::<Test>::get(), 0);
		assert_eq!(Rewards::pending_rewards(&ALICE), earned);
		run_to_block(2 * ERA_LENGTH); // era 1: nothing counted

		assert!(Eras::<Test>::get(1).is_none());
		assert!(HiddenInEra::<Test>::contains_key(1, p));
		// Era 2: the hide was in era 1; a vote counts again.
		vote(BOB, p, Up);
		assert!(EraScore::<Test>::get() > 0);
		assert_eq!(claim(ALICE), earned);
	});
}

#[test]
fn hiding_a_post_with_no_score_changes_no_score() {
	new_test_ext().execute_with(|| {
		let p = post(ALICE);
		let q = post(BOB);
		vote(CHARLIE, q, Up);
		let (era_score, bob) = (EraScore::<Test>::get(), AuthorScores::<Test>::get(0, BOB));

		<Rewards as OnPostHidden<AccountId>>::on_post_hidden(p, &ALICE);

		assert_eq!(EraScore::<Test>::get(), era_score);
		assert_eq!(AuthorScores::<Test>::get(0, BOB), bob);
		assert!(HiddenInEra::<Test>::contains_key(0, p));
	});
}
