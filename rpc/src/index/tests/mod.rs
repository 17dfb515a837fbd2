use super::*;

mod communities;
use crate::events::{Direction, FinalizedBlock, SocialEvent};

const ALICE: Account = [1; 32];
const BOB: Account = [2; 32];
const CAROL: Account = [3; 32];

struct Chain {
	_dir: tempfile::TempDir,
	index: SocialIndex,
	number: u32,
	next_post: u64,
}

impl Chain {
	fn new() -> Self {
		Self::with(FanOut::default())
	}

	fn with(fan_out: FanOut) -> Self {
		let dir = tempfile::tempdir().unwrap();
		let index = SocialIndex::open_with(dir.path(), fan_out).unwrap();
		Self { _dir: dir, index, number: 0, next_post: 0 }
	}

	/// A home feed page's post ids.
	fn feed(&self, who: &Account, before: Option<u64>, limit: usize) -> Vec<u64> {
		self.index.home_feed(who, before, limit).unwrap().ids
	}

	fn block(&mut self, events: Vec<SocialEvent>) -> BlockChanges {
		self.number += 1;
		let block = FinalizedBlock {
			number: self.number,
			hash: [self.number as u8; 32],
			timestamp_ms: 1_700_000_000_000 + u64::from(self.number) * 6_000,
			events,
		};
		self.index.apply_block(&block).unwrap()
	}

	fn created(&mut self, author: Account, reply_to: Option<u64>) -> SocialEvent {
		let post_id = self.next_post;
		self.next_post += 1;
		let content = cid::Cid::try_from("QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5o").unwrap();
		SocialEvent::PostCreated {
			post_id,
			author,
			reply_to,
			content,
			body_size: 12,
			via: None,
			community: None,
		}
	}

	fn post(&mut self, author: Account) -> u64 {
		let event = self.created(author, None);
		self.block(vec![event]);
		self.next_post - 1
	}
}

#[test]
fn pages_of_an_author_never_skip_or_repeat_while_posts_are_created() {
	let mut chain = Chain::new();
	let existing: Vec<u64> = (0..250).map(|_| chain.post(ALICE)).collect();
	let mut seen: Vec<u64> = Vec::new();
	let mut cursor = None;
	loop {
		let page = chain.index.posts_by_author(&ALICE, cursor, 20).unwrap();
		// Someone keeps posting between pages.
		chain.post(ALICE);
		seen.extend(page.iter().copied());
		if page.len() < 20 {
			break;
		}
		cursor = page.last().copied();
	}
	let mut expected = existing.clone();
	expected.reverse();
	assert_eq!(seen, expected, "every pre-existing post once, newest first");
}

#[test]
fn posts_of_one_block_keep_their_order() {
	let mut chain = Chain::new();
	let events = (0..5).map(|_| chain.created(BOB, None)).collect();
	let changes = chain.block(events);
	assert_eq!(changes.created, vec![0, 1, 2, 3, 4]);
	assert_eq!(chain.index.posts_by_author(&BOB, None, 10).unwrap(), vec![4, 3, 2, 1, 0]);
	assert_eq!(chain.index.posts_by_author(&BOB, Some(2), 10).unwrap(), vec![1, 0]);
	assert_eq!(chain.index.posts_by_author(&BOB, Some(0), 10).unwrap(), Vec::<u64>::new());
}

#[test]
fn threads_list_every_reply_below_a_post_oldest_first() {
	let mut chain = Chain::new();
	let root = chain.post(ALICE);
	let first = {
		let e = chain.created(BOB, Some(root));
		chain.block(vec![e]);
		chain.next_post - 1
	};
	let nested = {
		let e = chain.created(CAROL, Some(first));
		chain.block(vec![e]);
		chain.next_post - 1
	};
	let second = {
		let e = chain.created(CAROL, Some(root));
		chain.block(vec![e]);
		chain.next_post - 1
	};
	assert_eq!(chain.index.replies(root, None, 10).unwrap(), vec![first, nested, second]);
	assert_eq!(chain.index.replies(root, Some(first), 10).unwrap(), vec![nested, second]);
	assert_eq!(chain.index.replies(first, None, 10).unwrap(), vec![nested]);
	let nested_record = chain.index.post(nested).unwrap().unwrap();
	assert_eq!(nested_record.kind, PostKind::Reply { parent: first, root });
	assert_eq!(nested_record.ancestors, vec![first, root]);
	assert_eq!(chain.index.post(root).unwrap().unwrap().replies, 2);
}

#[test]
fn the_home_feed_merges_followed_authors_newest_first() {
	let mut chain = Chain::new();
	chain.block(vec![
		SocialEvent::Followed { follower: CAROL, followee: ALICE },
		SocialEvent::Followed { follower: CAROL, followee: BOB },
	]);
	let posts: Vec<u64> =
		[ALICE, BOB, CAROL, ALICE, BOB, BOB].iter().map(|a| chain.post(*a)).collect();
	assert_eq!(chain.feed(&CAROL, None, 10), vec![5, 4, 3, 1, 0]);
	assert_eq!(chain.feed(&CAROL, Some(4), 2), vec![3, 1]);
	assert_eq!(posts.len(), 6);
	assert_eq!(chain.index.counts(&CAROL).unwrap().following, 2);
	assert_eq!(chain.index.followers(&ALICE, None, 10).unwrap(), vec![CAROL]);

	chain.block(vec![SocialEvent::Unfollowed { follower: CAROL, followee: BOB }]);
	assert_eq!(chain.feed(&CAROL, None, 10), vec![3, 0]);
	assert_eq!(chain.index.following(&CAROL, None, 10).unwrap(), vec![ALICE]);
	assert_eq!(chain.index.counts(&BOB).unwrap().followers, 0);
}

mod home_feed;

#[test]
fn deletes_leave_a_tombstone_and_leave_the_lists() {
	let mut chain = Chain::new();
	let post = chain.post(ALICE);
	chain.block(vec![SocialEvent::PostDeleted { post_id: post }]);
	let record = chain.index.post(post).unwrap().unwrap();
	assert!(record.deleted);
	assert_eq!(record.content, None);
	assert!(chain.index.posts_by_author(&ALICE, None, 10).unwrap().is_empty());
	assert!(chain.index.trending(None, None, 10).unwrap().ids.is_empty());
	assert_eq!(chain.index.counts(&ALICE).unwrap().posts, 0);
}

#[test]
fn votes_and_tips_move_posts_in_trending() {
	let mut chain = Chain::new();
	let older = chain.post(ALICE);
	let newer = chain.post(BOB);
	let order = |chain: &Chain| -> Vec<u64> { chain.index.trending(None, None, 10).unwrap().ids };
	assert_eq!(order(&chain), vec![newer, older], "equal scores: the newer first");
	let votes = (0..20)
		.map(|_| SocialEvent::Voted { post_id: older, direction: Direction::Up, previous: None })
		.collect();
	chain.block(votes);
	assert_eq!(order(&chain), vec![older, newer]);
	let record = chain.index.post(older).unwrap().unwrap();
	assert_eq!((record.upvotes, record.downvotes), (20, 0));

	chain.block(vec![tip(CAROL, BOB, newer, 1_000 * PLZ)]);
	assert_eq!(order(&chain), vec![newer, older], "1,000 PLZ of tips outweigh 20 votes");
	chain.block(vec![SocialEvent::Voted {
		post_id: older,
		direction: Direction::Down,
		previous: Some(Direction::Up),
	}]);
	let record = chain.index.post(older).unwrap().unwrap();
	assert_eq!((record.upvotes, record.downvotes), (19, 1));

	// Paging by the cursor key continues after the last item.
	let first = chain.index.trending(None, None, 1).unwrap();
	let rest = chain.index.trending(first.next.as_deref(), None, 10).unwrap();
	assert_eq!(rest.ids, vec![older]);
}

const PLZ: u128 = 1_000_000_000_000;

fn tip(from: Account, to: Account, post_id: u64, amount: u128) -> SocialEvent {
	SocialEvent::Tipped { post_id, from, to, amount }
}

/// (tips, trending tips) of a post.
fn tips_of(chain: &Chain, post: u64) -> (u128, u128) {
	let record = chain.index.post(post).unwrap().unwrap();
	(record.tips, record.trending_tips)
}

#[test]
fn tips_passed_back_and_forth_raise_neither_post() {
	let mut chain = Chain::new();
	let alices = chain.post(ALICE);
	let bobs = chain.post(BOB);
	// Ten rounds of 100 PLZ each way, across blocks and within one.
	for _ in 0..5 {
		chain.block(vec![tip(ALICE, BOB, bobs, 100 * PLZ)]);
		chain.block(vec![tip(BOB, ALICE, alices, 100 * PLZ)]);
	}
	chain.block(
		(0..5)
			.flat_map(|_| [tip(ALICE, BOB, bobs, 100 * PLZ), tip(BOB, ALICE, alices, 100 * PLZ)])
			.collect(),
	);
	// The tips show in full; trending counts none of them: neither paid anything net.
	assert_eq!(tips_of(&chain, bobs), (1_000 * PLZ, 0));
	assert_eq!(tips_of(&chain, alices), (1_000 * PLZ, 0));
}

#[test]
fn trending_credits_what_a_tip_costs_its_tipper_net() {
	let mut chain = Chain::new();
	let alices = chain.post(ALICE);
	let bobs = [chain.post(BOB), chain.post(BOB)];
	let carols = chain.post(CAROL);
	chain.block(vec![tip(ALICE, BOB, bobs[0], 30 * PLZ), tip(ALICE, BOB, bobs[1], 20 * PLZ)]);
	assert_eq!(tips_of(&chain, bobs[0]), (30 * PLZ, 30 * PLZ));
	assert_eq!(tips_of(&chain, bobs[1]), (20 * PLZ, 20 * PLZ));
	// BOB tips 35 back: ALICE's net flow to BOB is 15; the newest credit goes first.
	chain.block(vec![tip(BOB, ALICE, alices, 35 * PLZ)]);
	assert_eq!(tips_of(&chain, bobs[1]).1, 0);
	assert_eq!(tips_of(&chain, bobs[0]).1, 15 * PLZ);
	assert_eq!(tips_of(&chain, alices), (35 * PLZ, 0));
	// BOB tips more back than it got: its net flow to ALICE is credited, ALICE's to it is gone.
	chain.block(vec![tip(BOB, ALICE, alices, 25 * PLZ)]);
	assert_eq!(tips_of(&chain, bobs[0]).1, 0);
	assert_eq!(tips_of(&chain, alices), (60 * PLZ, 10 * PLZ));
	// A third account's honest tip counts in full, whatever the others do.
	chain.block(vec![tip(CAROL, ALICE, alices, 7 * PLZ), tip(ALICE, CAROL, carols, PLZ)]);
	assert_eq!(tips_of(&chain, alices), (67 * PLZ, 16 * PLZ));
	assert_eq!(tips_of(&chain, carols), (PLZ, 0));
	// And the flows survive a reopen of the index.
	let Chain { _dir: dir, index, .. } = chain;
	drop(index);
	let reopened = SocialIndex::open(dir.path()).unwrap();
	assert_eq!(reopened.post(alices).unwrap().unwrap().trending_tips, 16 * PLZ);
}

#[test]
fn an_index_in_another_layout_is_emptied_on_open() {
	let mut chain = Chain::new();
	chain.post(ALICE);
	let meta = chain.index.cf(META);
	chain.index.db.put_cf(meta, SCHEMA_KEY, 1u32.encode()).unwrap();
	let Chain { _dir: dir, index, .. } = chain;
	drop(index);
	let reopened = SocialIndex::open(dir.path()).unwrap();
	assert_eq!(reopened.last_block().unwrap(), None);
	assert_eq!(reopened.post(0).unwrap(), None);
}

#[test]
fn profiles_follow_handle_changes_and_clears() {
	let mut chain = Chain::new();
	let set = |handle: &str| SocialEvent::ProfileSet {
		who: ALICE,
		handle: handle.into(),
		display_name: "Alice".into(),
		metadata: None,
	};
	chain.block(vec![set("alice")]);
	assert_eq!(chain.index.account_of_handle("alice").unwrap(), Some(ALICE));
	chain.block(vec![set("alice_l")]);
	assert_eq!(chain.index.account_of_handle("alice").unwrap(), None);
	assert_eq!(chain.index.profile(&ALICE).unwrap().unwrap().handle, "alice_l");
	chain.block(vec![SocialEvent::ProfileCleared { who: ALICE }]);
	assert_eq!(chain.index.profile(&ALICE).unwrap(), None);
	assert_eq!(chain.index.account_of_handle("alice_l").unwrap(), None);
}

#[test]
fn the_last_block_is_recorded_with_each_block_and_clear_empties_everything() {
	let mut chain = Chain::new();
	chain.post(ALICE);
	assert_eq!(chain.index.last_block().unwrap(), Some((1, [1; 32])));
	chain.index.clear().unwrap();
	assert_eq!(chain.index.last_block().unwrap(), None);
	assert_eq!(chain.index.post(0).unwrap(), None);
	assert!(chain.index.posts_by_author(&ALICE, None, 10).unwrap().is_empty());
}
