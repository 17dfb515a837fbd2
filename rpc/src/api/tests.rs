use std::time::Duration;

use super::*;
use crate::events::{FinalizedBlock, PersonalList, SocialEvent};

const ALICE: Account = [1; 32];

/// The API over an index holding post 0, with a change channel of `capacity` blocks.
fn api(capacity: usize) -> (tempfile::TempDir, broadcast::Sender<BlockChanges>, Social) {
	api_with_status(capacity, Arc::default())
}

fn api_with_status(
	capacity: usize,
	status: Arc<FollowerStatus>,
) -> (tempfile::TempDir, broadcast::Sender<BlockChanges>, Social) {
	let dir = tempfile::tempdir().unwrap();
	let index = Arc::new(SocialIndex::open(dir.path()).unwrap());
	let content = Cid::try_from("QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5o").unwrap();
	let created = SocialEvent::PostCreated {
		post_id: 0,
		author: ALICE,
		reply_to: None,
		content,
		body_size: 12,
		via: None,
		community: None,
	};
	let block = FinalizedBlock { number: 1, hash: [1; 32], timestamp_ms: 0, events: vec![created] };
	index.apply_block(&block).unwrap();
	let (changes, _) = broadcast::channel(capacity);
	let social = Social::new(index, None, 42, Arc::new(|_| Ok(0)), changes.clone(), status);
	(dir, changes, social)
}

#[tokio::test]
async fn a_subscriber_that_falls_behind_is_told_how_many_blocks_it_lost() {
	let (_dir, changes, social) = api(4);
	let module = social.into_rpc();
	// The connection holds one message for this subscriber; it reads nothing for now.
	let mut subscription = module.subscribe("social_subscribePost", [0u64], 1).await.unwrap();
	const BLOCKS: u64 = 40;
	for number in 0..BLOCKS {
		let block = BlockChanges { number: number as u32 + 2, created: vec![], updated: vec![0] };
		changes.send(block).unwrap();
		tokio::task::yield_now().await;
	}
	let (mut updates, mut lost) = (0u64, 0u64);
	while updates + lost < BLOCKS {
		let next =
			tokio::time::timeout(Duration::from_secs(5), subscription.next::<serde_json::Value>());
		let (item, _) = next.await.expect("every block is accounted for").unwrap().unwrap();
		match item.get("lostUpdates") {
			Some(n) => lost += n.as_u64().unwrap(),
			None => {
				assert_eq!(item["event"], "updated");
				assert_eq!(item["post"]["id"], 0);
				updates += 1;
			},
		}
	}
	assert!(lost > 0, "with room for 4 blocks, 40 at once overflow");
	assert_eq!(updates + lost, BLOCKS, "each block is either delivered or counted as lost");
}

#[tokio::test]
async fn a_post_an_app_created_names_the_app_as_via_and_others_have_no_via() {
	let (_dir, _changes, social) = api(4);
	const APP: Account = [9; 32];
	let content = Cid::try_from("QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5o").unwrap();
	let through_app = SocialEvent::PostCreated {
		post_id: 1,
		author: ALICE,
		reply_to: None,
		content,
		body_size: 12,
		via: Some(APP),
		community: None,
	};
	let block =
		FinalizedBlock { number: 2, hash: [2; 32], timestamp_ms: 0, events: vec![through_app] };
	social.index.apply_block(&block).unwrap();
	let module = social.into_rpc();
	let own: serde_json::Value = module.call("social_post", [0u64]).await.unwrap();
	assert!(own.get("via").is_none(), "{own}");
	let via_app: serde_json::Value = module.call("social_post", [1u64]).await.unwrap();
	assert_eq!(
		via_app["author"],
		AccountId32::from(ALICE).to_ss58check_with_version(Ss58AddressFormat::custom(42))
	);
	assert_eq!(
		via_app["via"],
		AccountId32::from(APP).to_ss58check_with_version(Ss58AddressFormat::custom(42))
	);
}

#[tokio::test]
async fn status_says_how_far_the_index_lags_and_why_it_stopped() {
	let status = Arc::new(FollowerStatus::default());
	let (_dir, _changes, social) = api_with_status(4, status.clone());
	let module = social.into_rpc();
	status.set_finalized(1);
	let level: serde_json::Value = module.call("social_status", [(); 0]).await.unwrap();
	assert_eq!(
		level,
		serde_json::json!({ "indexedBlock": 1, "finalizedBlock": 1, "lag": 0, "error": null })
	);
	status.set_finalized(12);
	status.set_error(Some("stopped at block #2: an event this node does not know".into()));
	let stuck: serde_json::Value = module.call("social_status", [(); 0]).await.unwrap();
	assert_eq!(stuck["lag"], 11);
	assert_eq!(stuck["error"], "stopped at block #2: an event this node does not know");
}

#[tokio::test]
async fn a_community_subscriber_gets_the_communitys_new_posts_and_nothing_else() {
	let (_dir, changes, social) = api(16);
	let content = Cid::try_from("QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5o").unwrap();
	let post = |post_id, reply_to, community| SocialEvent::PostCreated {
		post_id,
		author: ALICE,
		reply_to,
		content,
		body_size: 12,
		via: None,
		community,
	};
	// Post 1 in community 7, post 2 in another, post 3 in none, post 4 a reply in 7's thread.
	let events = vec![post(1, None, Some(7)), post(2, None, Some(8)), post(3, None, None)];
	let events = [events, vec![post(4, Some(1), Some(7))]].concat();
	let block = FinalizedBlock { number: 2, hash: [2; 32], timestamp_ms: 0, events };
	let indexed = social.index.apply_block(&block).unwrap();
	let module = social.into_rpc();
	let mut subscription = module.subscribe("social_subscribeCommunity", [7u32], 16).await.unwrap();
	changes.send(indexed).unwrap();
	let next =
		tokio::time::timeout(Duration::from_secs(5), subscription.next::<serde_json::Value>());
	let (item, _) = next.await.expect("the community's post arrives").unwrap().unwrap();
	assert_eq!((item["id"].as_u64(), item["community"].as_u64()), (Some(1), Some(7)));
	// Nothing else of that block is pushed: not the other community's, not the reply.
	let more =
		tokio::time::timeout(Duration::from_millis(500), subscription.next::<serde_json::Value>());
	assert!(more.await.is_err(), "only the community's new original posts");
}

#[tokio::test]
async fn live_feeds_leave_out_the_authors_the_reader_mutes_or_blocks() {
	const BOB: Account = [2; 32];
	const CAROL: Account = [3; 32];
	const DAVE: Account = [4; 32];
	let (_dir, changes, social) = api(16);
	let content = Cid::try_from("QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5o").unwrap();
	let post = |post_id, author| SocialEvent::PostCreated {
		post_id,
		author,
		reply_to: None,
		content,
		body_size: 12,
		via: None,
		community: Some(7),
	};
	let list = |list, target| SocialEvent::Listed { who: DAVE, list, target, listed: true };
	// Dave follows Alice, Bob and Carol, mutes Bob and blocks Carol.
	let follows =
		[ALICE, BOB, CAROL].map(|followee| SocialEvent::Followed { follower: DAVE, followee });
	let lists = [list(PersonalList::Mutes, BOB), list(PersonalList::Blocks, CAROL)];
	let setup = FinalizedBlock {
		number: 2,
		hash: [2; 32],
		timestamp_ms: 0,
		events: [&follows[..], &lists[..]].concat(),
	};
	social.index.apply_block(&setup).unwrap();
	let block = FinalizedBlock {
		number: 3,
		hash: [3; 32],
		timestamp_ms: 0,
		events: vec![post(1, BOB), post(2, CAROL), post(3, ALICE)],
	};
	let indexed = social.index.apply_block(&block).unwrap();
	let module = social.into_rpc();
	let dave = AccountId32::from(DAVE).to_ss58check_with_version(Ss58AddressFormat::custom(42));
	let mut home = module.subscribe("social_subscribeHomeFeed", [&dave], 16).await.unwrap();
	let mut community =
		module.subscribe("social_subscribeCommunity", (7u32, &dave), 16).await.unwrap();
	let mut anyone = module.subscribe("social_subscribeCommunity", [7u32], 16).await.unwrap();
	changes.send(indexed).unwrap();
	// Dave's two subscriptions push Alice's post only; one without a reader pushes all three.
	for subscription in [&mut home, &mut community] {
		let next =
			tokio::time::timeout(Duration::from_secs(5), subscription.next::<serde_json::Value>());
		let (item, _) = next.await.expect("Alice's post arrives").unwrap().unwrap();
		assert_eq!(item["id"].as_u64(), Some(3), "{item}");
	}
	for expected in 1..=3 {
		let next = tokio::time::timeout(Duration::from_secs(5), anyone.next::<serde_json::Value>());
		let (item, _) = next.await.expect("every post arrives").unwrap().unwrap();
		assert_eq!(item["id"].as_u64(), Some(expected));
	}
	let bad = module.subscribe("social_subscribeCommunity", (7u32, "not an address"), 16).await;
	assert!(bad.is_err(), "a reader that is not an address is refused");
}
