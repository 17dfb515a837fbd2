//! The pallet's invariants, checked by `try_state` (try-runtime) and after every unit test.

use crate::*;
use frame_support::{ensure, traits::Get};
use plaza_primitives::OwedDeposits;
use sp_runtime::TryRuntimeError;

impl<T: Config> Pallet<T> {
	/// Checks that:
	/// - every community's id is below `NextCommunityId`, its handle is canonical and
	///   `CommunityHandles` maps it back to it (and every handle names an open community);
	/// - no moderator is the owner or listed twice, no post is pinned twice or pinned while
	///   hidden, and every pinned post is in its community (or was deleted since: its author may
	///   delete it, and a moderator unpins what is left);
	/// - each open community's `members` counts its approved memberships, at most `MaxMembers`;
	/// - every membership, ban and hidden post belongs to a community that was created, and a
	///   hidden post is in its community (or was deleted since);
	/// - each account's held `CommunityDeposit`, `MembershipDeposit` and `ModerationDeposit`
	///   equals the recorded deposits of the communities it owns, its memberships and requests,
	///   and the bans and hidden posts it made.
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		let next_id = NextCommunityId::<T>::get();
		let (mut owners, mut members, mut moderators) =
			(OwedDeposits::default(), OwedDeposits::default(), OwedDeposits::default());
		for (id, community) in Communities::<T>::iter() {
			ensure!(id < next_id, "a community id is not below NextCommunityId");
			ensure!(
				canonical_handle(&community.handle).as_ref() == Ok(&community.handle),
				"a community handle is not canonical"
			);
			ensure!(
				CommunityHandles::<T>::get(&community.handle) == Some(id),
				"a community's handle does not name it"
			);
			ensure!(
				!community.moderators.contains(&community.owner),
				"a community's owner is among its moderators"
			);
			let mut moderators = community.moderators.to_vec();
			moderators.sort();
			moderators.dedup();
			ensure!(moderators.len() == community.moderators.len(), "a moderator is listed twice");
			for (i, post_id) in community.pins.iter().enumerate() {
				ensure!(!community.pins[..i].contains(post_id), "a post is pinned twice");
				ensure!(!HiddenPosts::<T>::contains_key(post_id), "a hidden post is pinned");
				ensure!(
					T::Posts::community_of(*post_id).is_none_or(|c| c == id),
					"a pinned post is in another community"
				);
			}
			let members = Memberships::<T>::iter_prefix_values(id).filter(|m| m.approved).count();
			ensure!(members == community.members as usize, "a community's member count is wrong");
			ensure!(community.members <= T::MaxMembers::get(), "a community has too many members");
			owners.add(community.owner.clone(), community.deposit);
		}
		for (handle, id) in CommunityHandles::<T>::iter() {
			ensure!(
				Communities::<T>::get(id).is_some_and(|c| c.handle == handle),
				"a handle names no open community with it"
			);
		}
		for (id, who, membership) in Memberships::<T>::iter() {
			ensure!(id < next_id, "a membership is in a community never created");
			members.add(who, membership.deposit);
		}
		for (id, _, ban) in Bans::<T>::iter() {
			ensure!(id < next_id, "a ban is in a community never created");
			moderators.add(ban.by, ban.deposit);
		}
		for (post_id, hidden) in HiddenPosts::<T>::iter() {
			ensure!(hidden.community < next_id, "a hidden post is in a community never created");
			ensure!(
				T::Posts::community_of(post_id).is_none_or(|c| c == hidden.community),
				"a hidden post is in another community"
			);
			moderators.add(hidden.action.by, hidden.action.deposit);
		}
		let differ = "an account's held deposits differ from what it owes";
		owners.ensure_held::<T::Currency>(&HoldReason::CommunityDeposit.into(), differ)?;
		members.ensure_held::<T::Currency>(&HoldReason::MembershipDeposit.into(), differ)?;
		moderators.ensure_held::<T::Currency>(&HoldReason::ModerationDeposit.into(), differ)
	}
}
