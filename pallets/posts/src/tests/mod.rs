//! Every call's success paths and every error, against the mock runtime. Each test ends with
//! the pallet's `try_state` invariants checked (see `mock::new_test_ext`).

mod bounded_input;
mod communities;
mod migration;
mod moderation;
mod rate_limit;

use codec::MaxEncodedLen;
use frame_support::{
	assert_noop, assert_ok,
	dispatch::DispatchResult,
	traits::fungible::{Inspect, InspectHold, Mutate},
	BoundedVec,
};
use plaza_primitives::{examples, CidText, ContentId, PostId, PostRef, PostsInspect};
use sp_runtime::TokenError;

use crate::{
	mock::*, Error, Event, HoldReason, NewPost, NextPostId, Post, PostKind, Posts as PostsStorage,
	RecentActions, Replies, Reposts,
};

fn cid(text: &str) -> ContentId {
	ContentId::parse(text.as_bytes()).unwrap()
}

/// `text` as a call's CID argument (it must fit one).
fn text(text: &str) -> CidText {
	CidText::try_from(text.as_bytes().to_vec()).expect("fits a CidText")
}

fn post(who: AccountId, content: &str, size: u32, reply_to: Option<PostId>) -> DispatchResult {
	Posts::create_post(RuntimeOrigin::signed(who), text(content), size, reply_to)
		.map(|_| ())
		.map_err(|e| e.error)
}

/// `create_posts` by `who` of one post per `(content, size)`.
fn post_many(who: AccountId, bodies: &[(&str, u32)]) -> DispatchResult {
	let posts = bodies
		.iter()
		.map(|(content, size)| NewPost { content: text(content), size: *size })
		.collect::<Vec<_>>();
	Posts::create_posts(RuntimeOrigin::signed(who), BoundedVec::try_from(posts).expect("fits"))
		.map(|_| ())
		.map_err(|e| e.error)
}

fn edit(who: AccountId, post_id: PostId, content: &str, size: u32) -> DispatchResult {
	Posts::edit_post(RuntimeOrigin::signed(who), post_id, text(content), size)
}

fn held(who: AccountId) -> Balance {
	Balances::balance_on_hold(&HoldReason::PostDeposit.into(), &who)
}

fn last_event() -> RuntimeEvent {
	System::events().pop().expect("an event").event
}

fn stored(post_id: PostId) -> Post<AccountId, Balance> {
	PostsStorage::<Test>::get(post_id).expect("the post exists")
}

#[test]
fn create_post_stores_the_post_and_holds_its_deposit() {
	new_test_ext().execute_with(|| {
		assert_ok!(post(ALICE, examples::HELLO_V1, 11, None));
		assert_eq!(
			stored(0),
			Post {
				author: ALICE,
				kind: PostKind::Original,
				content: Some(cid(examples::HELLO_V1)),
				body_size: 11,
				revision: 0,
				replies: 0,
				reposts: 0,
				deleted: false,
				deposit: POST_DEPOSIT,
			}
		);
		assert_eq!(NextPostId::<Test>::get(), 1);
		assert_eq!(held(ALICE), POST_DEPOSIT);
		assert_eq!(Balances::balance(&ALICE), ENDOWMENT - POST_DEPOSIT);
		assert_eq!(
			last_event(),
			Event::PostCreated {
				post_id: 0,
				author: ALICE,
				reply_to: None,
				content: cid(examples::HELLO_V1),
				body_size: 11,
				via: None,
				community: None,
			}
			.into()
		);
	});
}

#[test]
fn cidv0_and_every_multibase_of_cidv1_are_accepted() {
	new_test_ext().execute_with(|| {
		assert_ok!(post(ALICE, examples::HELLO_V0, 12, None));
		assert_eq!(stored(0).content.unwrap().to_text(), examples::HELLO_V0);
		// base58btc form of the same CIDv1.
		let base58 = "zb2rhj7crUKTQYRGCRATFaQ6YFLTde2YzdqbbhAASkL9uRDXn";
		assert_ok!(post(ALICE, base58, 11, None));
		assert_eq!(stored(1).content, Some(cid(examples::HELLO_V1)));
		assert_ok!(post(ALICE, examples::LONGEST, MAX_BODY_SIZE, None));
	});
}

#[test]
fn replies_record_their_parent_and_thread() {
	new_test_ext().execute_with(|| {
		assert_ok!(post(ALICE, examples::HELLO_V1, 1, None)); // 0
		assert_ok!(post(BOB, examples::HELLO_V1, 1, Some(0))); // 1
		assert_ok!(post(ALICE, examples::HELLO_V1, 1, Some(1))); // 2
		assert_ok!(post(BOB, examples::HELLO_V1, 1, Some(0))); // 3

		assert_eq!(stored(1).kind, PostKind::Reply { parent: 0, root: 0, depth: 1 });
		assert_eq!(stored(2).kind, PostKind::Reply { parent: 1, root: 0, depth: 2 });
		assert_eq!(stored(0).replies, 2);
		assert_eq!(stored(1).replies, 1);
		assert_eq!(Replies::<Test>::iter_key_prefix(0).collect::<Vec<_>>().len(), 2);
		assert!(Replies::<Test>::contains_key(1, 2));
		assert_eq!(
			last_event(),
			Event::PostCreated {
				post_id: 3,
				author: BOB,
				reply_to: Some(0),
				content: cid(examples::HELLO_V1),
				body_size: 1,
				via: None,
				community: None,
			}
			.into()
		);
	});
}

#[test]
fn threads_are_bounded_in_depth() {
	new_test_ext().execute_with(|| {
		assert_ok!(post(ALICE, examples::HELLO_V1, 1, None));
		for depth in 1..=MAX_THREAD_DEPTH as u64 {
			assert_ok!(post(BOB, examples::HELLO_V1, 1, Some(depth - 1)));
		}
		let deepest = MAX_THREAD_DEPTH as u64;
		assert_eq!(stored(deepest).depth(), MAX_THREAD_DEPTH);
		System::set_block_number(100); // a fresh rate-limit window
		assert_noop!(
			post(ALICE, examples::HELLO_V1, 1, Some(deepest)),
			Error::<Test>::ThreadTooDeep
		);
	});
}

#[test]
fn bad_content_is_refused() {
	new_test_ext().execute_with(|| {
		assert_noop!(post(ALICE, "", 1, None), Error::<Test>::EmptyCid);
		assert_noop!(post(ALICE, "QmNotACid", 1, None), Error::<Test>::MalformedCid);
		assert_noop!(
			post(ALICE, examples::LIBP2P_KEY, 1, None),
			Error::<Test>::UnsupportedCidCodec
		);
		assert_noop!(post(ALICE, examples::SHA2_512, 1, None), Error::<Test>::UnsupportedCidHash);
		assert_noop!(
			post(ALICE, examples::HELLO_V1, MAX_BODY_SIZE + 1, None),
			Error::<Test>::BodyTooLarge
		);
	});
}

#[test]
fn replies_need_a_live_post_to_answer() {
	new_test_ext().execute_with(|| {
		assert_noop!(post(ALICE, examples::HELLO_V1, 1, Some(7)), Error::<Test>::ParentNotFound);
		assert_ok!(post(ALICE, examples::HELLO_V1, 1, None)); // 0
		assert_ok!(Posts::repost(RuntimeOrigin::signed(BOB), 0)); // 1
		assert_noop!(
			post(ALICE, examples::HELLO_V1, 1, Some(1)),
			Error::<Test>::CannotReplyToRepost
		);
		assert_ok!(Posts::delete_post(RuntimeOrigin::signed(ALICE), 0));
		assert_noop!(post(BOB, examples::HELLO_V1, 1, Some(0)), Error::<Test>::ParentDeleted);
	});
}

#[test]
fn posting_needs_the_deposit() {
	new_test_ext().execute_with(|| {
		assert_noop!(post(POOR, examples::HELLO_V1, 1, None), TokenError::FundsUnavailable);
	});
}

#[test]
fn edit_post_replaces_the_body_and_counts_revisions() {
	new_test_ext().execute_with(|| {
		assert_ok!(post(ALICE, examples::HELLO_V1, 11, None));
		assert_ok!(edit(ALICE, 0, examples::HELLO_V0, 12));
		let edited = stored(0);
		assert_eq!(edited.content, Some(cid(examples::HELLO_V0)));
		assert_eq!((edited.body_size, edited.revision), (12, 1));
		assert_eq!(
			last_event(),
			Event::PostEdited {
				post_id: 0,
				old_content: cid(examples::HELLO_V1),
				new_content: cid(examples::HELLO_V0),
				body_size: 12,
				revision: 1
			}
			.into()
		);
		assert_ok!(edit(ALICE, 0, examples::HELLO_V1, 11));
		assert_eq!(stored(0).revision, 2);
		assert_eq!(held(ALICE), POST_DEPOSIT);
	});
}

#[test]
fn edit_errors() {
	new_test_ext().execute_with(|| {
		assert_noop!(edit(ALICE, 0, examples::HELLO_V1, 1), Error::<Test>::PostNotFound);
		assert_ok!(post(ALICE, examples::HELLO_V1, 1, None)); // 0
		assert_noop!(edit(BOB, 0, examples::HELLO_V0, 1), Error::<Test>::NotAuthor);
		assert_noop!(edit(ALICE, 0, "nope", 1), Error::<Test>::MalformedCid);
		assert_noop!(edit(ALICE, 0, examples::SHA2_512, 1), Error::<Test>::UnsupportedCidHash);
		assert_noop!(
			edit(ALICE, 0, examples::HELLO_V0, MAX_BODY_SIZE + 1),
			Error::<Test>::BodyTooLarge
		);
		assert_ok!(Posts::repost(RuntimeOrigin::signed(BOB), 0)); // 1
		assert_noop!(edit(BOB, 1, examples::HELLO_V0, 1), Error::<Test>::CannotEditRepost);
		assert_ok!(Posts::delete_post(RuntimeOrigin::signed(ALICE), 0));
		assert_noop!(edit(ALICE, 0, examples::HELLO_V0, 1), Error::<Test>::PostDeleted);
	});
}

#[test]
fn delete_post_leaves_a_tombstone_and_returns_the_deposit() {
	new_test_ext().execute_with(|| {
		assert_ok!(post(ALICE, examples::HELLO_V1, 11, None)); // 0
		assert_ok!(post(BOB, examples::HELLO_V1, 1, Some(0))); // 1
		assert_ok!(Posts::delete_post(RuntimeOrigin::signed(ALICE), 0));

		let tombstone = stored(0);
		assert!(tombstone.deleted);
		assert_eq!(
			(tombstone.content, tombstone.body_size, tombstone.deposit),
			(None, 0, TOMBSTONE_DEPOSIT)
		);
		assert_eq!(tombstone.replies, 1, "its reply is still there");
		// The tombstone keeps TOMBSTONE_DEPOSIT held; the rest came back.
		assert_eq!(held(ALICE), TOMBSTONE_DEPOSIT);
		assert_eq!(Balances::balance(&ALICE), ENDOWMENT - TOMBSTONE_DEPOSIT);
		assert_eq!(last_event(), Event::PostDeleted { post_id: 0, author: ALICE }.into());
		// The reply lives on, still in its thread.
		assert_eq!(stored(1).kind, PostKind::Reply { parent: 0, root: 0, depth: 1 });
		assert!(Replies::<Test>::contains_key(0, 1));
	});
}

#[test]
fn a_deleted_post_with_nothing_below_it_is_removed_with_its_whole_deposit() {
	new_test_ext().execute_with(|| {
		assert_ok!(post(ALICE, examples::HELLO_V1, 11, None)); // 0
		assert_ok!(Posts::delete_post(RuntimeOrigin::signed(ALICE), 0));
		assert!(PostsStorage::<Test>::get(0).is_none());
		assert_eq!(held(ALICE), 0);
		assert_eq!(Balances::balance(&ALICE), ENDOWMENT);
		assert_eq!(last_event(), Event::PostDeleted { post_id: 0, author: ALICE }.into());
		assert_eq!(<Posts as PostsInspect<AccountId>>::post_ref(0), None);
	});
}

#[test]
fn the_last_reply_gone_takes_the_tombstones_above_it() {
	new_test_ext().execute_with(|| {
		const CAROL: AccountId = 4;
		assert_ok!(Balances::mint_into(&CAROL, ENDOWMENT));
		assert_ok!(post(ALICE, examples::HELLO_V1, 1, None)); // 0
		assert_ok!(post(BOB, examples::HELLO_V1, 1, Some(0))); // 1
		assert_ok!(post(CAROL, examples::HELLO_V1, 1, Some(1))); // 2
		assert_ok!(post(BOB, examples::HELLO_V1, 1, Some(0))); // 3
		assert_ok!(Posts::delete_post(RuntimeOrigin::signed(ALICE), 0));
		assert_ok!(Posts::delete_post(RuntimeOrigin::signed(BOB), 1));
		assert!(stored(0).deleted && stored(1).deleted);
		assert_eq!(held(BOB), TOMBSTONE_DEPOSIT + POST_DEPOSIT);
		// Carol's reply goes: its parent (1) has nothing below any more and goes too; the root
		// (0) still has reply 3 and stays.
		assert_ok!(Posts::delete_post(RuntimeOrigin::signed(CAROL), 2));
		assert!(PostsStorage::<Test>::get(2).is_none() && PostsStorage::<Test>::get(1).is_none());
		assert!(!Replies::<Test>::contains_key(1, 2) && !Replies::<Test>::contains_key(0, 1));
		System::assert_has_event(Event::TombstoneRemoved { post_id: 1, author: BOB }.into());
		assert_eq!((held(BOB), held(CAROL)), (POST_DEPOSIT, 0));
		assert!(stored(0).deleted);
		// The last reply goes: the root's tombstone with it.
		assert_ok!(Posts::delete_post(RuntimeOrigin::signed(BOB), 3));
		assert_eq!(PostsStorage::<Test>::iter().count(), 0);
		assert_eq!(Replies::<Test>::iter().count(), 0);
		assert_eq!((held(ALICE), held(BOB)), (0, 0));
		assert_eq!(last_event(), Event::TombstoneRemoved { post_id: 0, author: ALICE }.into());
	});
}

#[test]
fn a_tombstone_stays_while_reposts_of_it_live() {
	new_test_ext().execute_with(|| {
		assert_ok!(post(ALICE, examples::HELLO_V1, 1, None)); // 0
		assert_ok!(Posts::repost(RuntimeOrigin::signed(BOB), 0)); // 1
		assert_ok!(Posts::delete_post(RuntimeOrigin::signed(ALICE), 0));
		assert!(stored(0).deleted);
		assert_ok!(Posts::delete_post(RuntimeOrigin::signed(BOB), 1));
		assert!(PostsStorage::<Test>::get(0).is_none() && PostsStorage::<Test>::get(1).is_none());
		assert_eq!((held(ALICE), held(BOB)), (0, 0));
	});
}

#[test]
fn deleting_a_reply_updates_its_parent() {
	new_test_ext().execute_with(|| {
		assert_ok!(post(ALICE, examples::HELLO_V1, 1, None)); // 0
		assert_ok!(post(BOB, examples::HELLO_V1, 1, Some(0))); // 1
		assert_ok!(Posts::delete_post(RuntimeOrigin::signed(BOB), 1));
		assert_eq!(stored(0).replies, 0);
		assert!(!Replies::<Test>::contains_key(0, 1), "a reply with nothing below it goes");
	});
}

#[test]
fn delete_errors() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			Posts::delete_post(RuntimeOrigin::signed(ALICE), 0),
			Error::<Test>::PostNotFound
		);
		assert_ok!(post(ALICE, examples::HELLO_V1, 1, None)); // 0
		assert_ok!(post(BOB, examples::HELLO_V1, 1, Some(0))); // 1
		assert_noop!(Posts::delete_post(RuntimeOrigin::signed(BOB), 0), Error::<Test>::NotAuthor);
		assert_ok!(Posts::delete_post(RuntimeOrigin::signed(ALICE), 0));
		assert_noop!(
			Posts::delete_post(RuntimeOrigin::signed(ALICE), 0),
			Error::<Test>::PostDeleted
		);
		// A post removed outright is not found at all.
		assert_ok!(Posts::delete_post(RuntimeOrigin::signed(BOB), 1));
		assert_noop!(
			Posts::delete_post(RuntimeOrigin::signed(BOB), 1),
			Error::<Test>::PostNotFound
		);
	});
}

#[test]
fn repost_creates_a_typed_reshare_counted_on_the_original() {
	new_test_ext().execute_with(|| {
		assert_ok!(post(ALICE, examples::HELLO_V1, 1, None)); // 0
		assert_ok!(Posts::repost(RuntimeOrigin::signed(BOB), 0)); // 1
		let repost = stored(1);
		assert_eq!(repost.kind, PostKind::Repost { original: 0 });
		assert_eq!((repost.author, repost.content, repost.body_size), (BOB, None, 0));
		assert_eq!(stored(0).reposts, 1);
		assert_eq!(Reposts::<Test>::get(0, BOB), Some(1));
		assert_eq!(held(BOB), POST_DEPOSIT);
		assert_eq!(
			last_event(),
			Event::Reposted { post_id: 1, original: 0, author: BOB, via: None }.into()
		);

		// Deleting the repost uncounts it, and the post may be reposted again.
		assert_ok!(Posts::delete_post(RuntimeOrigin::signed(BOB), 1));
		assert_eq!(stored(0).reposts, 0);
		assert_eq!(Reposts::<Test>::get(0, BOB), None);
		assert_eq!(held(BOB), 0);
		assert_ok!(Posts::repost(RuntimeOrigin::signed(BOB), 0));
		assert_eq!(stored(0).reposts, 1);
	});
}

#[test]
fn repost_errors() {
	new_test_ext().execute_with(|| {
		assert_noop!(Posts::repost(RuntimeOrigin::signed(BOB), 0), Error::<Test>::PostNotFound);
		assert_ok!(post(ALICE, examples::HELLO_V1, 1, None)); // 0
		assert_ok!(Posts::repost(RuntimeOrigin::signed(BOB), 0)); // 1
		assert_noop!(Posts::repost(RuntimeOrigin::signed(BOB), 0), Error::<Test>::AlreadyReposted);
		assert_noop!(
			Posts::repost(RuntimeOrigin::signed(ALICE), 1),
			Error::<Test>::CannotRepostRepost
		);
		assert_noop!(Posts::repost(RuntimeOrigin::signed(POOR), 0), TokenError::FundsUnavailable);
		assert_ok!(Posts::delete_post(RuntimeOrigin::signed(ALICE), 0));
		assert_noop!(Posts::repost(RuntimeOrigin::signed(ALICE), 0), Error::<Test>::PostDeleted);
	});
}

#[test]
fn create_posts_creates_each_post_as_create_post_would() {
	new_test_ext().execute_with(|| {
		assert_ok!(post(BOB, examples::HELLO_V1, 1, None)); // 0
		let bodies = [(examples::HELLO_V0, 11), (examples::HELLO_V1, 12), (examples::LONGEST, 13)];
		assert_ok!(post_many(ALICE, &bodies));

		assert_eq!(NextPostId::<Test>::get(), 4);
		for (post_id, (content, size)) in (1..).zip(bodies) {
			let expected = Post {
				author: ALICE,
				kind: PostKind::Original,
				content: Some(cid(content)),
				body_size: size,
				revision: 0,
				replies: 0,
				reposts: 0,
				deleted: false,
				deposit: POST_DEPOSIT,
			};
			assert_eq!(stored(post_id), expected);
			System::assert_has_event(
				Event::PostCreated {
					post_id,
					author: ALICE,
					reply_to: None,
					content: cid(content),
					body_size: size,
					via: None,
					community: None,
				}
				.into(),
			);
		}
		assert_eq!(held(ALICE), 3 * POST_DEPOSIT);
		assert_eq!(RecentActions::<Test>::get(ALICE).unwrap().into_inner(), vec![(1, 3)]);
		// Each post keeps its own deposit: deleting one returns one.
		assert_ok!(Posts::delete_post(RuntimeOrigin::signed(ALICE), 2));
		assert_eq!(held(ALICE), 2 * POST_DEPOSIT);
	});
}

#[test]
fn create_posts_is_all_or_nothing() {
	new_test_ext().execute_with(|| {
		let good = (examples::HELLO_V1, 1);
		assert_noop!(post_many(ALICE, &[]), Error::<Test>::NoPosts);
		assert_noop!(post_many(ALICE, &[good, ("QmNotACid", 1)]), Error::<Test>::MalformedCid);
		assert_noop!(
			post_many(ALICE, &[good, (examples::HELLO_V1, MAX_BODY_SIZE + 1)]),
			Error::<Test>::BodyTooLarge
		);
		// Deposits for two posts, not three.
		const CAROL: AccountId = 4;
		assert_ok!(Balances::mint_into(&CAROL, EXISTENTIAL_DEPOSIT + 2 * POST_DEPOSIT + 1));
		assert_noop!(post_many(CAROL, &[good, good, good]), TokenError::FundsUnavailable);
		assert_ok!(post_many(CAROL, &[good, good]));
		assert_eq!(held(CAROL), 2 * POST_DEPOSIT);
	});
}

#[test]
fn create_posts_counts_every_post_against_the_rate_limit() {
	new_test_ext().execute_with(|| {
		let good = (examples::HELLO_V1, 1);
		assert_ok!(post(ALICE, examples::HELLO_V1, 1, None));
		let rest = vec![good; MAX_POSTS_PER_WINDOW as usize - 1];
		assert_noop!(
			post_many(ALICE, &[rest.as_slice(), &[good]].concat()),
			Error::<Test>::RateLimited
		);
		assert_ok!(post_many(ALICE, &rest));
		assert_noop!(post(ALICE, examples::HELLO_V1, 1, None), Error::<Test>::RateLimited);
		System::set_block_number(1 + RATE_LIMIT_WINDOW);
		assert_ok!(post_many(ALICE, &vec![good; MAX_POSTS_PER_WINDOW as usize]));
	});
}

#[test]
fn the_rate_limit_stops_a_flood_but_not_failed_calls() {
	new_test_ext().execute_with(|| {
		for _ in 0..MAX_POSTS_PER_WINDOW - 1 {
			assert_ok!(post(ALICE, examples::HELLO_V1, 1, None));
		}
		// Rejected calls do not count.
		assert_noop!(post(ALICE, "bad", 1, None), Error::<Test>::MalformedCid);
		assert_noop!(post(ALICE, examples::HELLO_V1, 1, Some(99)), Error::<Test>::ParentNotFound);
		assert_ok!(post(ALICE, examples::HELLO_V1, 1, None));
		// The window is full: posts, replies and reposts are all refused.
		assert_noop!(post(ALICE, examples::HELLO_V1, 1, None), Error::<Test>::RateLimited);
		assert_noop!(post(ALICE, examples::HELLO_V1, 1, Some(0)), Error::<Test>::RateLimited);
		assert_ok!(post(BOB, examples::HELLO_V1, 1, None));
		assert_noop!(Posts::repost(RuntimeOrigin::signed(ALICE), 5), Error::<Test>::RateLimited);
		// Other accounts are not affected, and a new window opens after RATE_LIMIT_WINDOW blocks.
		System::set_block_number(1 + RATE_LIMIT_WINDOW - 1);
		assert_noop!(post(ALICE, examples::HELLO_V1, 1, None), Error::<Test>::RateLimited);
		System::set_block_number(1 + RATE_LIMIT_WINDOW);
		assert_ok!(post(ALICE, examples::HELLO_V1, 1, None));
	});
}

#[test]
fn other_pallets_see_posts_through_posts_inspect() {
	new_test_ext().execute_with(|| {
		assert_eq!(<Posts as PostsInspect<AccountId>>::post_ref(0), None);
		assert_ok!(post(ALICE, examples::HELLO_V1, 1, None));
		assert_ok!(Posts::repost(RuntimeOrigin::signed(BOB), 0));
		let live = PostRef { author: ALICE, deleted: false, is_repost: false };
		assert_eq!(<Posts as PostsInspect<AccountId>>::post_ref(0), Some(live));
		assert_eq!(
			<Posts as PostsInspect<AccountId>>::post_ref(1),
			Some(PostRef { author: BOB, deleted: false, is_repost: true })
		);
		assert_ok!(Posts::delete_post(RuntimeOrigin::signed(ALICE), 0));
		assert!(<Posts as PostsInspect<AccountId>>::post_ref(0).unwrap().deleted);
	});
}

#[test]
fn a_post_record_takes_at_most_128_bytes() {
	// With Plaza's account ids (32 bytes) and balances (u128).
	let size = Post::<sp_runtime::AccountId32, u128>::max_encoded_len();
	assert_eq!(size, 124);
	assert!(size <= 128);
}
