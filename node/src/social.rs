//! The node's side of the social index (the index and its RPC are the `plaza-rpc` crate): each
//! finalized block's social events, translated from the runtime's events, and claimable rewards
//! from the runtime API.

use std::sync::Arc;

use codec::Decode;
use futures::{stream::BoxStream, StreamExt};
use plaza_primitives::VoteDirection;
use plaza_rpc::{
	events::{
		CommunityInfo, Direction, FinalizedBlock, ModerationAction, PersonalList, SocialEvent,
	},
	follower::SocialSource,
};
use plaza_rpc_runtime_api::RewardsApi;
use plaza_runtime::{opaque::Block, AccountId, Hash, Runtime, RuntimeEvent};
use sc_client_api::{BlockchainEvents, StorageProvider};
use sp_api::ProvideRuntimeApi;
use sp_blockchain::HeaderBackend;
use sp_core::storage::StorageKey;

use crate::client::{FullBackend, FullClient};

/// Reads finalized blocks' social events from the client.
pub struct ClientSocialSource(pub Arc<FullClient>);

impl ClientSocialSource {
	fn storage<T: Decode>(&self, hash: Hash, key: Vec<u8>) -> Result<Option<T>, String> {
		let data = StorageProvider::<Block, FullBackend>::storage(&*self.0, hash, &StorageKey(key))
			.map_err(|e| format!("state unavailable: {e}"))?;
		data.map(|d| T::decode(&mut &d.0[..]).map_err(|e| format!("undecodable state: {e}")))
			.transpose()
	}

	/// Translates one runtime event into what the index needs of it (nothing for most).
	fn translate(&self, hash: Hash, event: RuntimeEvent) -> Result<Vec<SocialEvent>, String> {
		if let RuntimeEvent::Communities(event) = event {
			return self.translate_community(hash, event);
		}
		Ok(self.translate_social(hash, event)?.into_iter().collect())
	}

	/// Translates a communities event: the community's record as the block left it (for every
	/// event of a community still open), and what else the event says.
	fn translate_community(
		&self,
		hash: Hash,
		event: pallet_communities::Event<Runtime>,
	) -> Result<Vec<SocialEvent>, String> {
		use pallet_communities::Event as E;
		let account = |who: AccountId| -> [u8; 32] { who.into() };
		let reason =
			|reason: pallet_communities::Reason| String::from_utf8_lossy(&reason[..]).into_owned();
		let moderated = |community, action, by: AccountId, text| SocialEvent::Moderated {
			community,
			action,
			by: account(by),
			reason: text,
		};
		let (community, mut events) = match event {
			E::CommunityClosed { community, .. } => {
				return Ok(vec![SocialEvent::CommunityClosed { community }]);
			},
			E::CommunityCreated { community, .. }
			| E::CommunityUpdated { community }
			| E::OwnershipOffered { community, .. }
			| E::OwnershipTransferred { community, .. }
			| E::ModeratorAdded { community, .. }
			| E::ModeratorRemoved { community, .. }
			| E::JoinRequested { community, .. } => (community, vec![]),
			E::Joined { community, who } => {
				(community, vec![SocialEvent::MemberJoined { community, who: account(who) }])
			},
			E::Left { community, who } => {
				(community, vec![SocialEvent::MemberLeft { community, who: account(who) }])
			},
			E::MemberApproved { community, who, by } => (
				community,
				vec![
					moderated(
						community,
						ModerationAction::Approve(account(who.clone())),
						by,
						String::new(),
					),
					SocialEvent::MemberJoined { community, who: account(who) },
				],
			),
			E::MemberRejected { community, who, by } => (
				community,
				vec![moderated(
					community,
					ModerationAction::Reject(account(who)),
					by,
					String::new(),
				)],
			),
			E::PostHidden { community, post_id, by, reason: r } => (
				community,
				vec![moderated(community, ModerationAction::HidePost(post_id), by, reason(r))],
			),
			E::PostUnhidden { community, post_id, by, reason: r } => (
				community,
				vec![moderated(community, ModerationAction::UnhidePost(post_id), by, reason(r))],
			),
			E::PostPinned { community, post_id, by, reason: r } => (
				community,
				vec![moderated(community, ModerationAction::PinPost(post_id), by, reason(r))],
			),
			E::PostUnpinned { community, post_id, by, reason: r } => (
				community,
				vec![moderated(community, ModerationAction::UnpinPost(post_id), by, reason(r))],
			),
			E::MemberMuted { community, who, until, by, reason: r } => (
				community,
				vec![moderated(
					community,
					ModerationAction::Mute(account(who), until),
					by,
					reason(r),
				)],
			),
			E::MemberUnmuted { community, who, by, reason: r } => (
				community,
				vec![moderated(community, ModerationAction::Unmute(account(who)), by, reason(r))],
			),
			E::Banned { community, who, by, reason: r } => (
				community,
				vec![moderated(community, ModerationAction::Ban(account(who)), by, reason(r))],
			),
			E::Unbanned { community, who, by, reason: r } => (
				community,
				vec![moderated(community, ModerationAction::Unban(account(who)), by, reason(r))],
			),
			E::__Ignore(..) => return Ok(vec![]),
		};
		let key = pallet_communities::Communities::<Runtime>::hashed_key_for(community);
		if let Some(record) = self.storage::<pallet_communities::CommunityOf<Runtime>>(hash, key)? {
			let cid = |c: Option<plaza_primitives::ContentId>| {
				c.map(|c| {
					plaza_ipfs::Cid::try_from(c.as_bytes())
						.map_err(|e| format!("a CID on chain does not parse: {e}"))
				})
				.transpose()
			};
			let info = CommunityInfo {
				owner: account(record.owner),
				handle: String::from_utf8_lossy(&record.handle[..]).into_owned(),
				name: String::from_utf8_lossy(&record.settings.name[..]).into_owned(),
				description: cid(record.settings.description)?,
				rules: cid(record.settings.rules)?,
				open: record.settings.joining == pallet_communities::Joining::Open,
				members_only: record.settings.posting == pallet_communities::Posting::Members,
				moderators: record.moderators.into_iter().map(account).collect(),
				pins: record.pins.into_inner(),
				members: record.members,
			};
			// The record first: a log entry or membership names a community the index knows.
			events.insert(0, SocialEvent::CommunitySet { community, info });
		}
		Ok(events)
	}

	/// Translates one event of the other social pallets; `None` for events the index does not
	/// need.
	fn translate_social(
		&self,
		hash: Hash,
		event: RuntimeEvent,
	) -> Result<Option<SocialEvent>, String> {
		use pallet_posts::Event as Posts;
		use pallet_profiles::Event as Profiles;
		use pallet_rewards::Event as Rewards;
		use pallet_votes::Event as Votes;
		let cid = |bytes: &[u8]| {
			plaza_ipfs::Cid::try_from(bytes)
				.map_err(|e| format!("a CID on chain does not parse: {e}"))
		};
		let account = |who: AccountId| -> [u8; 32] { who.into() };
		let listed = |who: AccountId, list, target: AccountId, listed| SocialEvent::Listed {
			who: account(who),
			list,
			target: account(target),
			listed,
		};
		Ok(Some(match event {
			RuntimeEvent::Profiles(Profiles::ProfileSet { who, .. }) => {
				let key = pallet_profiles::Profiles::<Runtime>::hashed_key_for(&who);
				let Some(profile) =
					self.storage::<pallet_profiles::Profile<plaza_runtime::Balance>>(hash, key)?
				else {
					return Ok(None);
				};
				SocialEvent::ProfileSet {
					who: account(who),
					handle: String::from_utf8_lossy(&profile.handle[..]).into_owned(),
					display_name: String::from_utf8_lossy(&profile.display_name[..]).into_owned(),
					metadata: profile.metadata.map(|m| cid(m.as_bytes())).transpose()?,
				}
			},
			RuntimeEvent::Profiles(Profiles::ProfileCleared { who, .. }) => {
				SocialEvent::ProfileCleared { who: account(who) }
			},
			RuntimeEvent::Profiles(Profiles::Followed { follower, followee }) => {
				SocialEvent::Followed { follower: account(follower), followee: account(followee) }
			},
			RuntimeEvent::Profiles(Profiles::Unfollowed { follower, followee }) => {
				SocialEvent::Unfollowed { follower: account(follower), followee: account(followee) }
			},
			RuntimeEvent::Posts(Posts::PostCreated {
				post_id,
				author,
				reply_to,
				content,
				body_size,
				via,
				community,
			}) => SocialEvent::PostCreated {
				post_id,
				author: account(author),
				reply_to,
				content: cid(content.as_bytes())?,
				body_size,
				via: via.map(account),
				community,
			},
			RuntimeEvent::Posts(Posts::PostReported {
				post_id,
				reporter,
				reason,
				note,
				community,
			}) => SocialEvent::PostReported {
				post_id,
				reporter: account(reporter),
				reason: report_reason(reason),
				note: note.map(|note| cid(note.as_bytes())).transpose()?,
				community,
			},
			RuntimeEvent::Profiles(Profiles::Muted { who, muted }) => {
				listed(who, PersonalList::Mutes, muted, true)
			},
			RuntimeEvent::Profiles(Profiles::Unmuted { who, muted }) => {
				listed(who, PersonalList::Mutes, muted, false)
			},
			RuntimeEvent::Profiles(Profiles::Blocked { who, blocked }) => {
				listed(who, PersonalList::Blocks, blocked, true)
			},
			RuntimeEvent::Profiles(Profiles::Unblocked { who, blocked }) => {
				listed(who, PersonalList::Blocks, blocked, false)
			},
			RuntimeEvent::Posts(Posts::PostEdited {
				post_id,
				new_content,
				body_size,
				revision,
				..
			}) => SocialEvent::PostEdited {
				post_id,
				content: cid(new_content.as_bytes())?,
				body_size,
				revision,
			},
			RuntimeEvent::Posts(Posts::PostDeleted { post_id, .. }) => {
				SocialEvent::PostDeleted { post_id }
			},
			RuntimeEvent::Posts(Posts::Reposted { post_id, original, author, via }) => {
				SocialEvent::Reposted {
					post_id,
					original,
					author: account(author),
					via: via.map(account),
				}
			},
			RuntimeEvent::Votes(Votes::Voted { post_id, direction, previous, .. }) => {
				SocialEvent::Voted {
					post_id,
					direction: direction_of(direction),
					previous: previous.map(direction_of),
				}
			},
			RuntimeEvent::Votes(Votes::VoteRemoved { post_id, direction, .. }) => {
				SocialEvent::VoteRemoved { post_id, direction: direction_of(direction) }
			},
			RuntimeEvent::Rewards(Rewards::Tipped { post_id, from, to, amount }) => {
				SocialEvent::Tipped { post_id, from: account(from), to: account(to), amount }
			},
			_ => return Ok(None),
		}))
	}
}

/// A report reason's name, as the index and its RPC give it.
fn report_reason(reason: pallet_posts::ReportReason) -> &'static str {
	use pallet_posts::ReportReason as R;
	match reason {
		R::Spam => "spam",
		R::Harassment => "harassment",
		R::Hate => "hate",
		R::Violence => "violence",
		R::Sexual => "sexual",
		R::Illegal => "illegal",
		R::Misleading => "misleading",
		R::Other => "other",
	}
}

fn direction_of(direction: VoteDirection) -> Direction {
	match direction {
		VoteDirection::Up => Direction::Up,
		VoteDirection::Down => Direction::Down,
	}
}

impl SocialSource for ClientSocialSource {
	fn finalized_number(&self) -> u32 {
		self.0.info().finalized_number
	}

	fn finalized_hash(&self, number: u32) -> Option<[u8; 32]> {
		(number <= self.finalized_number())
			.then(|| self.0.hash(number).ok().flatten())
			.flatten()
			.map(Into::into)
	}

	fn block(&self, number: u32) -> Result<FinalizedBlock, String> {
		let hash = self
			.0
			.hash(number)
			.map_err(|e| e.to_string())?
			.ok_or_else(|| format!("no block #{number}"))?;
		let events_key = frame_support::storage::storage_prefix(b"System", b"Events").to_vec();
		let records = self
			.storage::<Vec<frame_system::EventRecord<RuntimeEvent, Hash>>>(hash, events_key)?
			.unwrap_or_default();
		let timestamp_ms = self
			.storage::<u64>(hash, pallet_timestamp::Now::<Runtime>::hashed_key().to_vec())?
			.unwrap_or_default();
		let mut events = Vec::new();
		for record in records {
			events.extend(self.translate(hash, record.event)?);
		}
		Ok(FinalizedBlock { number, hash: hash.into(), timestamp_ms, events })
	}

	fn finality_notifications(&self) -> BoxStream<'static, ()> {
		self.0.finality_notification_stream().map(|_| ()).boxed()
	}
}

/// `social_pendingRewards`: the runtime API at the last finalized block, like every other
/// `social_` answer (a best block can still be replaced by another fork).
pub fn pending_rewards(client: Arc<FullClient>) -> plaza_rpc::api::PendingRewards {
	Arc::new(move |who: [u8; 32]| {
		let finalized = client.info().finalized_hash;
		client
			.runtime_api()
			.pending_rewards(finalized, AccountId::from(who))
			.map_err(|e| format!("runtime API: {e}"))
	})
}
