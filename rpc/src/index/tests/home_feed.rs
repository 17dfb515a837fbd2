//! Home feeds: pushed timelines, pulled authors, and the merge of both.

use std::collections::{BTreeSet, HashMap};

use super::*;

fn follow(follower: Account, followee: Account) -> SocialEvent {
	SocialEvent::Followed { follower, followee }
}

fn unfollow(follower: Account, followee: Account) -> SocialEvent {
	SocialEvent::Unfollowed { follower, followee }
}

fn account(n: u8) -> Account {
	[n; 32]
}

const SMALL: FanOut =
	FanOut { push_max_followers: 2, max_pulled: 1, backfill: 2, max_timeline: 1_000 };

#[test]
fn a_follow_copies_the_authors_newest_posts_and_later_posts_are_pushed() {
	let mut chain = Chain::with(SMALL);
	let old: Vec<u64> = (0..3).map(|_| chain.post(ALICE)).collect();
	chain.block(vec![follow(CAROL, ALICE)]);
	assert_eq!(chain.feed(&CAROL, None, 10), vec![old[2], old[1]], "the newest `backfill` posts");
	let fresh = chain.post(ALICE);
	assert_eq!(chain.feed(&CAROL, None, 10), vec![fresh, old[2], old[1]]);
	// Stored as pushed entries naming their author.
	let key = [&CAROL[..], &fresh.to_be_bytes()].concat();
	assert_eq!(chain.index.db.get_cf(chain.index.cf(TIMELINE), key).unwrap(), Some(ALICE.to_vec()));
}

#[test]
fn unfollows_and_deletes_leave_the_feed_at_once() {
	let mut chain = Chain::new();
	chain.block(vec![follow(CAROL, ALICE), follow(CAROL, BOB)]);
	let a = chain.post(ALICE);
	let b = chain.post(BOB);
	let a2 = chain.post(ALICE);
	chain.block(vec![SocialEvent::PostDeleted { post_id: a2 }]);
	assert_eq!(chain.feed(&CAROL, None, 10), vec![b, a]);
	chain.block(vec![unfollow(CAROL, ALICE)]);
	assert_eq!(chain.feed(&CAROL, None, 10), vec![b]);
	chain.block(vec![follow(CAROL, ALICE)]);
	assert_eq!(chain.feed(&CAROL, None, 10), vec![b, a], "a new follow brings them back");
}

#[test]
fn follows_and_posts_in_one_block_meet_whatever_their_order() {
	let mut chain = Chain::new();
	let before = chain.created(ALICE, None);
	let after = chain.created(BOB, None);
	chain.block(vec![before, follow(CAROL, ALICE), follow(CAROL, BOB), after]);
	assert_eq!(chain.feed(&CAROL, None, 10), vec![1, 0]);
	// Unfollowed and followed again in one block: still followed, nothing lost.
	let third = chain.created(ALICE, None);
	chain.block(vec![unfollow(CAROL, ALICE), third, follow(CAROL, ALICE)]);
	assert_eq!(chain.feed(&CAROL, None, 10), vec![2, 1, 0]);
}

#[test]
fn an_author_past_the_threshold_is_pulled_and_its_posts_are_listed_once() {
	let mut chain = Chain::with(FanOut { backfill: 100, ..SMALL });
	let readers = [account(10), account(11), account(12)];
	chain.block(vec![follow(readers[0], ALICE), follow(readers[1], ALICE)]);
	let pushed = chain.post(ALICE);
	// A third follower: Alice now has more than `push_max_followers` and becomes pulled.
	chain.block(vec![follow(readers[2], ALICE)]);
	assert!(chain.index.is_pulled(&ALICE).unwrap());
	let pulled = chain.post(ALICE);
	for reader in &readers {
		assert_eq!(
			chain.feed(reader, None, 10),
			vec![pulled, pushed],
			"once each, for every reader"
		);
		let pulls = [&reader[..], &ALICE[..]].concat();
		assert!(chain.index.db.get_cf(chain.index.cf(PULLS), pulls).unwrap().is_some());
	}
	let pulled_entry = [&readers[0][..], &pulled.to_be_bytes()].concat();
	assert_eq!(chain.index.db.get_cf(chain.index.cf(TIMELINE), pulled_entry).unwrap(), None);
	// Falling back under the threshold keeps Alice pulled: her posts never change paths.
	chain.block(vec![unfollow(readers[2], ALICE), unfollow(readers[1], ALICE)]);
	assert!(chain.index.is_pulled(&ALICE).unwrap());
	assert_eq!(chain.feed(&readers[0], None, 10), vec![pulled, pushed]);
	assert!(chain.feed(&readers[1], None, 10).is_empty());
	assert_eq!(chain.index.get::<u32>(PULL_COUNTS, &readers[1]).unwrap(), Some(0));
}

#[test]
fn a_reader_with_full_pulls_has_further_pulled_authors_pushed() {
	let mut chain = Chain::with(FanOut { backfill: 100, ..SMALL });
	let fans = [account(20), account(21), account(22)];
	let mut events: Vec<_> =
		fans.iter().flat_map(|f| [follow(*f, ALICE), follow(*f, BOB)]).collect();
	events.push(chain.created(ALICE, None));
	events.push(chain.created(BOB, None));
	chain.block(events);
	// CAROL pulls at most one author: Alice; Bob is pushed to her.
	chain.block(vec![follow(CAROL, ALICE), follow(CAROL, BOB)]);
	assert_eq!(chain.index.get::<u32>(PULL_COUNTS, &CAROL).unwrap(), Some(1));
	let pushes = [&BOB[..], &CAROL[..]].concat();
	assert!(chain.index.db.get_cf(chain.index.cf(PUSHES), pushes).unwrap().is_some());
	let next = chain.created(BOB, None);
	let alice = chain.created(ALICE, None);
	chain.block(vec![next, alice]);
	assert_eq!(chain.feed(&CAROL, None, 10), vec![3, 2, 1, 0]);
	chain.block(vec![unfollow(CAROL, BOB)]);
	assert_eq!(chain.feed(&CAROL, None, 10), vec![3, 0]);
}

#[test]
fn a_page_gives_up_after_max_skipped_stale_entries_with_a_cursor_to_go_on() {
	let mut chain = Chain::new();
	chain.block(vec![follow(CAROL, BOB)]);
	let bobs = chain.post(BOB);
	chain.block(vec![follow(CAROL, ALICE)]);
	let events = (0..MAX_SKIPPED + 200).map(|_| chain.created(ALICE, None)).collect();
	chain.block(events);
	chain.block(vec![unfollow(CAROL, ALICE)]);
	let first = chain.index.home_feed(&CAROL, None, 10).unwrap();
	assert!(first.ids.is_empty());
	let stopped_at = first.next.expect("a cursor past the skipped entries");
	assert_eq!(stopped_at, (MAX_SKIPPED + 200 - MAX_SKIPPED + 1) as u64);
	let second = chain.index.home_feed(&CAROL, Some(stopped_at), 10).unwrap();
	assert_eq!(second, FeedPage { ids: vec![bobs], next: None });
}

#[test]
fn a_timeline_keeps_its_newest_entries_and_the_feed_ends_at_its_horizon() {
	let mut chain = Chain::with(FanOut { max_timeline: 4, ..SMALL });
	// Carol's feed: Alice's posts pushed to her, Bob's pulled (three followers are past two).
	chain.block(vec![
		follow(CAROL, ALICE),
		follow(CAROL, BOB),
		follow(account(10), BOB),
		follow(account(11), BOB),
	]);
	assert!(chain.index.is_pulled(&BOB).unwrap());
	let mut posts = Vec::new();
	for _ in 0..12 {
		posts.push(chain.post(ALICE));
		posts.push(chain.post(BOB));
	}
	let size = chain.index.timeline_size(&CAROL).unwrap();
	assert!(size.entries <= 5, "at most a quarter over 4: {size:?}");
	assert_eq!(size.entries as usize, timeline_entries(&chain, &CAROL));
	let horizon = size.horizon.expect("the oldest entries were removed");
	// Every post newer than the horizon, pushed or pulled, and nothing older.
	let mut expected: Vec<u64> = posts.iter().copied().filter(|id| *id > horizon).collect();
	expected.reverse();
	assert_eq!(chain.feed(&CAROL, None, 100), expected);
	let alices = expected.iter().filter(|id| posts.iter().position(|p| p == *id).unwrap() % 2 == 0);
	assert!(alices.count() >= 4, "the newest 4 pushed posts are kept");
	let past = chain.index.home_feed(&CAROL, Some(horizon), 10).unwrap();
	assert_eq!(past, FeedPage { ids: vec![], next: None }, "nothing past the horizon");
	// Another reader's timeline is its own.
	assert_eq!(chain.feed(&account(10), None, 100).len(), 12, "Bob's 12 posts, pulled");
}

/// How many entries `reader`'s timeline holds.
fn timeline_entries(chain: &Chain, reader: &Account) -> usize {
	chain
		.index
		.db
		.prefix_iterator_cf(chain.index.cf(TIMELINE), reader)
		.map(|entry| entry.unwrap().0)
		.take_while(|key| key.starts_with(reader))
		.count()
}

/// A small deterministic generator (xorshift64*).
struct Random(u64);

impl Random {
	fn below(&mut self, n: u64) -> u64 {
		self.0 ^= self.0 >> 12;
		self.0 ^= self.0 << 25;
		self.0 ^= self.0 >> 27;
		self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) % n
	}
}

/// Random follows, unfollows, posts and deletes over a few accounts, with thresholds small enough
/// that authors become pulled and readers' pulls fill up: every feed equals the naive merge of
/// the followed authors' live posts, page by page.
#[test]
fn feeds_equal_the_merge_of_followed_authors_under_random_histories() {
	for seed in 1..=20u64 {
		let mut chain = Chain::with(FanOut {
			push_max_followers: 3,
			max_pulled: 2,
			backfill: 10_000,
			max_timeline: 6,
		});
		let mut random = Random(seed * 0x9E37_79B9_7F4A_7C15);
		let accounts: Vec<Account> = (1..=8).map(account).collect();
		let mut follows: BTreeSet<(Account, Account)> = BTreeSet::new();
		let mut live: HashMap<u64, Account> = HashMap::new();
		for _ in 0..60 {
			let mut events = Vec::new();
			for _ in 0..random.below(6) + 1 {
				let who = accounts[random.below(8) as usize];
				let other = accounts[random.below(8) as usize];
				match random.below(4) {
					0 | 1 if who != other => {
						if follows.insert((who, other)) {
							events.push(follow(who, other));
						} else {
							follows.remove(&(who, other));
							events.push(unfollow(who, other));
						}
					},
					2 => {
						live.insert(chain.next_post, who);
						events.push(chain.created(who, None));
					},
					_ => {
						let mut ids: Vec<u64> = live.keys().copied().collect();
						ids.sort();
						if !ids.is_empty() {
							let id = ids[random.below(ids.len() as u64) as usize];
							live.remove(&id);
							events.push(SocialEvent::PostDeleted { post_id: id });
						}
					},
				}
			}
			chain.block(events);
			for reader in &accounts {
				// The feed reaches back to the horizon of the reader's timeline, which holds at
				// most a quarter more than its 6 entries, and counts them right.
				let size = chain.index.timeline_size(reader).unwrap();
				assert!(size.entries <= 7, "seed {seed}: {size:?}");
				assert_eq!(size.entries as usize, timeline_entries(&chain, reader), "seed {seed}");
				let mut expected: Vec<u64> = live
					.iter()
					.filter(|(id, _)| size.horizon.is_none_or(|horizon| **id > horizon))
					.filter(|(_, author)| follows.contains(&(*reader, **author)))
					.map(|(id, _)| *id)
					.collect();
				expected.sort_by(|a, b| b.cmp(a));
				let mut paged = Vec::new();
				let mut before = None;
				loop {
					let page = chain.index.home_feed(reader, before, 3).unwrap();
					paged.extend(page.ids);
					match page.next {
						Some(next) => before = Some(next),
						None => break,
					}
				}
				assert_eq!(paged, expected, "seed {seed}, reader {}", reader[0]);
			}
		}
	}
}
