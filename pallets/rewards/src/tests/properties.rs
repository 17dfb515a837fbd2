//! Property tests: random sequences of every call of the four social pallets, from several
//! accounts and across eras, keep every pallet's invariants after each step; a call that fails
//! changes nothing; and total issuance moves only by the era mint.

use super::*;
use frame_support::{traits::Hooks, weights::Weight};
use plaza_primitives::CidText;
use proptest::prelude::*;
use sp_runtime::StateVersion;

/// Who acts: the mock's accounts with stake and profiles, one without a profile, one nearly
/// broke.
const ACTORS: [AccountId; 7] = [ALICE, BOB, CHARLIE, DAVE, EVE, NOBODY, POOR];

#[derive(Clone, Debug)]
enum Action {
	Post { who: usize, reply_to: Option<u8> },
	ManyPosts { who: usize, count: u8 },
	Edit { who: usize, post: u8 },
	Delete { who: usize, post: u8 },
	Repost { who: usize, post: u8 },
	Vote { who: usize, post: u8, up: bool },
	Unvote { who: usize, post: u8 },
	Tip { who: usize, post: u8, amount: u32 },
	Follow { who: usize, whom: usize },
	Unfollow { who: usize, whom: usize },
	SetProfile { who: usize, handle: u8 },
	ClearProfile { who: usize },
	Lock { who: usize, amount: u32 },
	Unlock { who: usize, amount: u32 },
	Withdraw { who: usize },
	Claim { who: usize },
	Advance { blocks: u8 },
}

fn action() -> impl Strategy<Value = Action> {
	let who = 0..ACTORS.len();
	prop_oneof![
		(who.clone(), proptest::option::of(any::<u8>()))
			.prop_map(|(who, reply_to)| Action::Post { who, reply_to }),
		(who.clone(), 0u8..4).prop_map(|(who, count)| Action::ManyPosts { who, count }),
		(who.clone(), any::<u8>()).prop_map(|(who, post)| Action::Edit { who, post }),
		(who.clone(), any::<u8>()).prop_map(|(who, post)| Action::Delete { who, post }),
		(who.clone(), any::<u8>()).prop_map(|(who, post)| Action::Repost { who, post }),
		(who.clone(), any::<u8>(), any::<bool>()).prop_map(|(who, post, up)| Action::Vote {
			who,
			post,
			up
		}),
		(who.clone(), any::<u8>()).prop_map(|(who, post)| Action::Unvote { who, post }),
		(who.clone(), any::<u8>(), 0u32..2_000).prop_map(|(who, post, amount)| Action::Tip {
			who,
			post,
			amount
		}),
		(who.clone(), who.clone()).prop_map(|(who, whom)| Action::Follow { who, whom }),
		(who.clone(), who.clone()).prop_map(|(who, whom)| Action::Unfollow { who, whom }),
		(who.clone(), 0u8..4).prop_map(|(who, handle)| Action::SetProfile { who, handle }),
		who.clone().prop_map(|who| Action::ClearProfile { who }),
		(who.clone(), 0u32..3_000_000).prop_map(|(who, amount)| Action::Lock { who, amount }),
		(who.clone(), 0u32..3_000_000).prop_map(|(who, amount)| Action::Unlock { who, amount }),
		who.clone().prop_map(|who| Action::Withdraw { who }),
		who.prop_map(|who| Action::Claim { who }),
		(1u8..15).prop_map(|blocks| Action::Advance { blocks }),
	]
}

/// A post id among those created so far (or the next one, which does not exist yet).
fn some_post(index: u8) -> PostId {
	PostId::from(index) % (pallet_posts::NextPostId::<Test>::get() + 1)
}

fn cid_text() -> CidText {
	CidText::truncate_from(examples::HELLO_V1.as_bytes().to_vec())
}

/// Runs `blocks` more blocks with the hooks that have work: rewards' eras and the posts
/// pallet's sweep of stale rate-limit records.
fn advance(blocks: u8) {
	for _ in 0..blocks {
		let next = System::block_number() + 1;
		System::set_block_number(next);
		Rewards::on_initialize(next);
		Posts::on_idle(next, Weight::from_parts(1_000_000_000, 1_000_000));
	}
}

fn run(action: &Action) -> sp_runtime::DispatchResult {
	use Action::*;
	let signed = |who: &usize| RuntimeOrigin::signed(ACTORS[*who]);
	match action {
		Post { who, reply_to } => {
			Posts::create_post(signed(who), cid_text(), 11, reply_to.map(some_post))
				.map(|_| ())
				.map_err(|e| e.error)
		},
		ManyPosts { who, count } => {
			let post = pallet_posts::NewPost { content: cid_text(), size: 11 };
			let posts = vec![post; usize::from(*count)];
			Posts::create_posts(signed(who), frame_support::BoundedVec::truncate_from(posts))
				.map(|_| ())
				.map_err(|e| e.error)
		},
		Edit { who, post } => Posts::edit_post(signed(who), some_post(*post), cid_text(), 12),
		Delete { who, post } => {
			Posts::delete_post(signed(who), some_post(*post)).map(|_| ()).map_err(|e| e.error)
		},
		Repost { who, post } => {
			Posts::repost(signed(who), some_post(*post)).map(|_| ()).map_err(|e| e.error)
		},
		Vote { who, post, up } => {
			let direction = if *up { Up } else { Down };
			Votes::vote(signed(who), some_post(*post), direction).map(|_| ()).map_err(|e| e.error)
		},
		Unvote { who, post } => {
			Votes::unvote(signed(who), some_post(*post)).map(|_| ()).map_err(|e| e.error)
		},
		Tip { who, post, amount } => Rewards::tip(signed(who), some_post(*post), (*amount).into()),
		Follow { who, whom } => {
			Profiles::follow(signed(who), ACTORS[*whom]).map(|_| ()).map_err(|e| e.error)
		},
		Unfollow { who, whom } => Profiles::unfollow(signed(who), ACTORS[*whom]),
		SetProfile { who, handle } => Profiles::set_profile(
			signed(who),
			pallet_profiles::Handle::truncate_from(format!("user_{who}_{handle}").into_bytes()),
			Default::default(),
			None,
		)
		.map(|_| ())
		.map_err(|e| e.error),
		ClearProfile { who } => Profiles::clear_profile(signed(who)),
		Lock { who, amount } => Rewards::lock_stake(signed(who), (*amount).into()),
		Unlock { who, amount } => Rewards::unlock_stake(signed(who), (*amount).into()),
		Withdraw { who } => {
			Rewards::withdraw_unlocked(signed(who)).map(|_| ()).map_err(|e| e.error)
		},
		Claim { who } => Rewards::claim_rewards(signed(who)).map(|_| ()).map_err(|e| e.error),
		Advance { blocks } => {
			advance(*blocks);
			Ok(())
		},
	}
}

fn check_invariants() {
	Rewards::do_try_state().expect("the rewards pallet's invariants hold");
	Posts::do_try_state().expect("the posts pallet's invariants hold");
	Votes::do_try_state().expect("the votes pallet's invariants hold");
	Profiles::do_try_state().expect("the profiles pallet's invariants hold");
	check_every_hold();
}

/// Every hold of every account, reason by reason, is exactly what the pallets record for it:
/// the pallets' own checks cover accounts that have records, this also catches a hold left
/// behind by an account whose last record is gone.
fn check_every_hold() {
	use codec::Encode;
	use std::collections::BTreeMap;
	// Hold reasons are not ordered: they are keyed by their encoding.
	let mut recorded = BTreeMap::<(AccountId, Vec<u8>), Balance>::new();
	let mut add = |who: AccountId, reason: RuntimeHoldReason, amount: Balance| {
		*recorded.entry((who, reason.encode())).or_default() += amount;
	};
	for (who, profile) in pallet_profiles::Profiles::<Test>::iter() {
		add(who, pallet_profiles::HoldReason::ProfileDeposit.into(), profile.deposit);
	}
	for (who, _, deposit) in pallet_profiles::Following::<Test>::iter() {
		add(who, pallet_profiles::HoldReason::FollowDeposit.into(), deposit);
	}
	for (_, post) in pallet_posts::Posts::<Test>::iter() {
		add(post.author, pallet_posts::HoldReason::PostDeposit.into(), post.deposit);
	}
	for (_, who, vote) in pallet_votes::Votes::<Test>::iter() {
		add(who, pallet_votes::HoldReason::VoteDeposit.into(), vote.deposit);
	}
	for (who, stake) in crate::Stakes::<Test>::iter() {
		let unlocking: Balance = stake.unlocking.iter().map(|chunk| chunk.amount).sum();
		add(who, crate::HoldReason::CurationStake.into(), stake.active + unlocking);
	}
	recorded.retain(|_, amount| *amount > 0);
	let held = pallet_balances::Holds::<Test>::iter()
		.flat_map(|(who, holds)| {
			holds.into_iter().map(move |hold| ((who, hold.id.encode()), hold.amount))
		})
		.filter(|(_, amount)| *amount > 0)
		.collect::<BTreeMap<_, _>>();
	assert_eq!(held, recorded, "the holds differ from what the pallets record");
}

proptest! {
	#![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

	#[test]
	fn any_sequence_of_calls_keeps_every_invariant(actions in proptest::collection::vec(action(), 1..80)) {
		new_test_ext().execute_with(|| {
			let issuance = Balances::total_issuance();
			for action in &actions {
				let root = sp_io::storage::root(StateVersion::V1);
				if run(action).is_err() {
					assert_eq!(
						sp_io::storage::root(StateVersion::V1),
						root,
						"{action:?} failed but changed the state"
					);
				}
				check_invariants();
				let eras = Balance::from(crate::CurrentEra::<Test>::get());
				assert_eq!(
					Balances::total_issuance(),
					issuance + eras * ERA_MINT,
					"issuance moved by more than the mint after {action:?}"
				);
			}
		});
	}
}
