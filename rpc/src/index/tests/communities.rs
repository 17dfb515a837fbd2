//! Communities in the index (records, memberships, feeds, hidden posts, the moderation log,
//! reports) and readers' mutes and blocks in the feeds.

use super::*;
use crate::events::{CommunityInfo, ModerationAction, PersonalList};

const RUST: u32 = 0;
const DAVE: Account = [4; 32];

fn info(handle: &str, members: u32) -> CommunityInfo {
	CommunityInfo {
		owner: ALICE,
		handle: handle.into(),
		name: format!("The {handle} people"),
		description: None,
		rules: Some(cid::Cid::try_from("QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5o").unwrap()),
		open: true,
		members_only: true,
		moderators: vec![BOB],
		pins: Vec::new(),
		members,
	}
}

fn moderated(action: ModerationAction) -> SocialEvent {
	SocialEvent::Moderated { community: RUST, action, by: BOB, reason: "off topic".into() }
}

impl Chain {
	/// An original post by `author` in `community`, in a block of its own.
	fn post_in(&mut self, author: Account, community: u32) -> u64 {
		let SocialEvent::PostCreated { post_id, reply_to, content, body_size, via, .. } =
			self.created(author, None)
		else {
			unreachable!("created makes a post")
		};
		let community = Some(community);
		let event = SocialEvent::PostCreated {
			post_id,
			author,
			reply_to,
			content,
			body_size,
			via,
			community,
		};
		self.block(vec![event]);
		post_id
	}

	fn new_posts(&self, community: u32) -> Vec<u64> {
		self.index.community_posts(community, None, None, 10).unwrap().ids
	}

	fn hot_posts(&self, community: u32) -> Vec<u64> {
		self.index.community_hot(community, None, None, 10).unwrap().ids
	}
}

#[test]
fn a_community_its_members_and_its_feeds() {
	let mut chain = Chain::new();
	chain.block(vec![
		SocialEvent::CommunitySet { community: RUST, info: info("rust", 1) },
		SocialEvent::MemberJoined { community: RUST, who: CAROL },
		SocialEvent::CommunitySet { community: 1, info: info("go", 2) },
	]);
	let record = chain.index.community(RUST).unwrap().unwrap();
	assert_eq!(
		(record.handle.as_str(), record.members, record.moderators.clone()),
		("rust", 1, vec![BOB])
	);
	assert_eq!(record.created_block, 1);
	assert_eq!(chain.index.community_of_handle("rust").unwrap(), Some(RUST));
	// Most members first; paged by the key of the last one.
	let all = chain.index.communities(None, 10).unwrap();
	assert_eq!(all.iter().map(|(id, _)| *id).collect::<Vec<_>>(), vec![1, RUST]);
	let rest = chain.index.communities(Some(&all[0].1), 10).unwrap();
	assert_eq!(rest.iter().map(|(id, _)| *id).collect::<Vec<_>>(), vec![RUST]);
	assert_eq!(chain.index.memberships(&CAROL, None, 10).unwrap(), vec![RUST]);

	let first = chain.post_in(CAROL, RUST);
	let outside = chain.post(CAROL);
	let second = chain.post_in(DAVE, RUST);
	let reply = {
		let event = chain.created(BOB, Some(first));
		chain.block(vec![event]);
		chain.next_post - 1
	};
	assert_eq!(chain.new_posts(RUST), vec![second, first], "originals only, newest first");
	assert_eq!(chain.index.community_posts(RUST, Some(second), None, 10).unwrap().ids, vec![first]);
	chain.block(
		(0..3)
			.map(|_| SocialEvent::Voted {
				post_id: first,
				direction: Direction::Up,
				previous: None,
			})
			.collect(),
	);
	assert_eq!(chain.hot_posts(RUST), vec![first, second], "the upvoted one first");
	assert_eq!(chain.index.community(RUST).unwrap().unwrap().posts, 2);
	assert!(chain.new_posts(1).is_empty());
	assert!(chain.index.post(reply).unwrap().unwrap().community.is_none());
	assert!(chain.index.post(outside).unwrap().unwrap().community.is_none());

	// Charlie's first post is deleted: it leaves both feeds.
	chain.block(vec![SocialEvent::PostDeleted { post_id: first }]);
	assert_eq!(chain.new_posts(RUST), vec![second]);
	assert_eq!(chain.hot_posts(RUST), vec![second]);
	assert_eq!(chain.index.community(RUST).unwrap().unwrap().posts, 1);

	// Closing frees the handle and takes it off the list; its record stays, marked closed.
	chain.block(vec![
		SocialEvent::MemberLeft { community: RUST, who: CAROL },
		SocialEvent::CommunityClosed { community: RUST },
	]);
	assert!(chain.index.memberships(&CAROL, None, 10).unwrap().is_empty());
	assert_eq!(chain.index.community_of_handle("rust").unwrap(), None);
	assert!(chain.index.community(RUST).unwrap().unwrap().closed);
	let open = chain.index.communities(None, 10).unwrap();
	assert_eq!(open.iter().map(|(id, _)| *id).collect::<Vec<_>>(), vec![1]);
}

#[test]
fn a_hidden_post_leaves_every_feed_but_its_authors_page_and_the_log_records_it() {
	let mut chain = Chain::new();
	chain.block(vec![
		SocialEvent::CommunitySet { community: RUST, info: info("rust", 1) },
		SocialEvent::Followed { follower: DAVE, followee: CAROL },
	]);
	let post = chain.post_in(CAROL, RUST);
	assert_eq!(chain.feed(&DAVE, None, 10), vec![post]);
	assert_eq!(chain.index.trending(None, None, 10).unwrap().ids, vec![post]);

	chain.block(vec![moderated(ModerationAction::HidePost(post))]);
	assert!(chain.index.post(post).unwrap().unwrap().hidden);
	assert!(chain.index.is_hidden(post).unwrap());
	assert!(chain.new_posts(RUST).is_empty());
	assert!(chain.hot_posts(RUST).is_empty());
	assert!(chain.index.trending(None, None, 10).unwrap().ids.is_empty());
	assert!(chain.feed(&DAVE, None, 10).is_empty());
	assert_eq!(chain.index.posts_by_author(&CAROL, None, 10).unwrap(), vec![post]);
	assert_eq!(chain.index.community(RUST).unwrap().unwrap().posts, 0);

	chain.block(vec![
		moderated(ModerationAction::UnhidePost(post)),
		moderated(ModerationAction::Mute(CAROL, 500)),
	]);
	assert_eq!(chain.new_posts(RUST), vec![post]);
	assert_eq!(chain.hot_posts(RUST), vec![post]);
	assert_eq!(chain.feed(&DAVE, None, 10), vec![post]);
	let log = chain.index.moderation_log(RUST, None, 10).unwrap();
	let actions: Vec<_> = log.iter().map(|(n, e)| (*n, e.action.as_str())).collect();
	assert_eq!(actions, vec![(2, "mute"), (1, "unhidePost"), (0, "hidePost")]);
	assert_eq!((log[0].1.account, log[0].1.until), (Some(CAROL), Some(500)));
	assert_eq!(
		(log[2].1.post, log[2].1.by, log[2].1.reason.as_str()),
		(Some(post), BOB, "off topic")
	);
	assert_eq!(log[2].1.block, 3);
	let older = chain.index.moderation_log(RUST, Some(1), 10).unwrap();
	assert_eq!(older.iter().map(|(n, _)| *n).collect::<Vec<_>>(), vec![0]);
}

#[test]
fn a_readers_mutes_and_blocks_leave_authors_out_of_its_feeds() {
	let mut chain = Chain::new();
	chain.block(vec![
		SocialEvent::CommunitySet { community: RUST, info: info("rust", 1) },
		SocialEvent::Followed { follower: DAVE, followee: BOB },
		SocialEvent::Followed { follower: DAVE, followee: CAROL },
	]);
	let bobs = chain.post_in(BOB, RUST);
	let carols = chain.post(CAROL);
	let listed = |who, list, target, listed| SocialEvent::Listed { who, list, target, listed };

	chain.block(vec![listed(DAVE, PersonalList::Mutes, BOB, true)]);
	assert!(chain.index.excludes(&DAVE, &BOB).unwrap());
	assert_eq!(chain.feed(&DAVE, None, 10), vec![carols]);
	assert_eq!(chain.index.trending(None, Some(&DAVE), 10).unwrap().ids, vec![carols]);
	assert!(chain.index.community_posts(RUST, None, Some(&DAVE), 10).unwrap().ids.is_empty());
	// Others still see Bob; Dave's list is his own.
	assert_eq!(chain.index.trending(None, Some(&CAROL), 10).unwrap().ids.len(), 2);
	assert_eq!(chain.index.community_hot(RUST, None, None, 10).unwrap().ids, vec![bobs]);

	// A block of Bob too; undoing the mute keeps him out until the block goes as well.
	chain.block(vec![
		listed(DAVE, PersonalList::Blocks, BOB, true),
		listed(DAVE, PersonalList::Mutes, BOB, false),
	]);
	assert_eq!(chain.feed(&DAVE, None, 10), vec![carols]);
	chain.block(vec![listed(DAVE, PersonalList::Blocks, BOB, false)]);
	assert!(!chain.index.excludes(&DAVE, &BOB).unwrap());
	assert_eq!(chain.feed(&DAVE, None, 10), vec![carols, bobs]);
}

#[test]
fn reports_are_kept_per_community_newest_first() {
	let mut chain = Chain::new();
	chain.block(vec![SocialEvent::CommunitySet { community: RUST, info: info("rust", 1) }]);
	let inside = chain.post_in(CAROL, RUST);
	let outside = chain.post(CAROL);
	let note = cid::Cid::try_from("QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5o").unwrap();
	let report = |post_id, reporter, community| SocialEvent::PostReported {
		post_id,
		reporter,
		reason: "spam",
		note: Some(note),
		community,
	};
	chain.block(vec![
		report(inside, BOB, Some(RUST)),
		report(outside, BOB, None),
		report(inside, DAVE, Some(RUST)),
	]);
	let reports = chain.index.reports(RUST, None, 10).unwrap();
	let seen: Vec<_> = reports.iter().map(|(n, r)| (*n, r.post, r.reporter)).collect();
	assert_eq!(seen, vec![(1, inside, DAVE), (0, inside, BOB)]);
	assert_eq!(reports[0].1.reason, "spam");
	assert_eq!(reports[0].1.note, Some(note.to_bytes()));
	assert_eq!(chain.index.reports(RUST, Some(1), 10).unwrap().len(), 1);
	let unscoped = chain.index.reports(NO_COMMUNITY, None, 10).unwrap();
	assert_eq!(unscoped.iter().map(|(n, r)| (*n, r.post)).collect::<Vec<_>>(), vec![(0, outside)]);
	chain.block(vec![report(outside, DAVE, None)]);
	assert_eq!(chain.index.reports(NO_COMMUNITY, None, 10).unwrap()[0].0, 1);
	assert_eq!(chain.index.community(RUST).unwrap().unwrap().reports_len, 2);
}
