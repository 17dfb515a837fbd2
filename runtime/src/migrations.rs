//! Storage migrations run on a runtime upgrade, oldest first. Each is version-checked: it runs
//! once, on the storage version it was written for (a chain started from this runtime's genesis
//! is already at the newest versions, so they do nothing there), and leaves this list once every
//! live chain has run it.

use crate::Runtime;

/// The migrations `Executive` runs on a runtime upgrade.
pub type Migrations = (
	// Posts 0 → 1: the rate limit's fixed windows become sliding ones.
	pallet_posts::migration::v1::MigrateV0ToV1<Runtime>,
	// Posts 1 → 2: the author index is retired; `on_idle` removes its entries over blocks.
	pallet_posts::migration::v2::MigrateV1ToV2<Runtime>,
	// Rewards 0 → 1: vote weights are stake times mana (u128), no longer mana alone (u64).
	pallet_rewards::migration::v1::MigrateV0ToV1<Runtime>,
	// Rewards 1 → 2: eras close and are pruned; accounts list the eras they have rewards in.
	pallet_rewards::migration::v2::MigrateV1ToV2<Runtime>,
	// Votes 0 → 1: each vote records the deposit it holds.
	pallet_votes::migration::v1::MigrateV0ToV1<Runtime>,
);

#[cfg(test)]
mod tests {
	use super::*;
	use crate::{AllPalletsWithSystem, Posts, Rewards, System};
	use frame_support::traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion};
	use pallet_posts::migration::v1::v0;
	use pallet_rewards::migration::{v1::v0 as rewards_v0, v2::v1 as rewards_v1};
	use plaza_primitives::VoteDirection;
	use sp_genesis_builder::DEV_RUNTIME_PRESET;
	use sp_keyring::Sr25519Keyring;

	#[test]
	fn a_new_chain_starts_at_the_newest_storage_versions() {
		crate::tests::genesis_storage(DEV_RUNTIME_PRESET).execute_with(|| {
			assert_eq!(Posts::on_chain_storage_version(), Posts::in_code_storage_version());
			assert_eq!(Rewards::on_chain_storage_version(), Rewards::in_code_storage_version());
			// So the migrations find nothing to do.
			assert_eq!(
				<Migrations as OnRuntimeUpgrade>::on_runtime_upgrade(),
				<Runtime as frame_system::Config>::DbWeight::get().reads(5)
			);
		});
	}

	#[test]
	fn this_runtime_reads_a_state_the_previous_one_wrote() {
		crate::tests::genesis_storage(DEV_RUNTIME_PRESET).execute_with(|| {
			let alice: crate::AccountId = Sr25519Keyring::Alice.to_account_id();
			let bob: crate::AccountId = Sr25519Keyring::Bob.to_account_id();
			System::set_block_number(100);
			// The previous runtime's layout: version 0 and fixed rate windows.
			StorageVersion::new(0).put::<Posts>();
			v0::RateWindows::<Runtime>::insert(&alice, v0::RateWindow { started: 99, posts: 20 });
			v0::RateWindows::<Runtime>::insert(&bob, v0::RateWindow { started: 1, posts: 20 });
			// …and an author index.
			pallet_posts::migration::v2::v1::PostsByAuthor::<Runtime>::insert(&alice, 3, ());
			// …and votes weighed by mana alone.
			StorageVersion::new(0).put::<Rewards>();
			pallet_rewards::CurrentEra::<Runtime>::put(5);
			let old_vote =
				rewards_v0::CountedVote { era: 2, direction: VoteDirection::Up, weight: 980_000 };
			rewards_v0::CountedVotes::<Runtime>::insert(7, &bob, old_vote);
			rewards_v0::CuratorVotes::<Runtime>::insert(
				2,
				&bob,
				frame_support::BoundedVec::truncate_from(vec![(7, 980_000u64)]),
			);
			// …whose finished era 2 pays Bob, who has not claimed it, its whole curators' part.
			let era2 = rewards_v1::EraPayout {
				pool: 1_000,
				authors: 500,
				curators: 500,
				total_score: 980_000,
			};
			rewards_v1::Eras::<Runtime>::insert(2, era2);
			let scored = pallet_rewards::PostScore { up: 980_000, down: 0 };
			pallet_rewards::PostScores::<Runtime>::insert(2, 7, scored);
			rewards_v1::ClaimFrom::<Runtime>::insert(&bob, 2);
			let pool = Rewards::pool_account();
			<crate::Balances as frame_support::traits::fungible::Mutate<_>>::mint_into(&pool, 500)
				.unwrap();

			<(Migrations, AllPalletsWithSystem) as OnRuntimeUpgrade>::on_runtime_upgrade();

			assert_eq!(Posts::on_chain_storage_version(), 2);
			assert_eq!(v0::RateWindows::<Runtime>::iter().count(), 0);
			// The author index goes in the next block's idle time.
			<Posts as frame_support::traits::Hooks<_>>::on_idle(
				101,
				frame_support::weights::Weight::MAX,
			);
			assert_eq!(
				pallet_posts::migration::v2::v1::PostsByAuthor::<Runtime>::iter().count(),
				0
			);
			assert!(!pallet_posts::RetiredIndexCursor::<Runtime>::exists());
			// ALICE's open window still holds: she posted 20 in block 99.
			let recent = pallet_posts::RecentActions::<Runtime>::get(&alice).unwrap();
			assert_eq!(recent.into_inner(), vec![(99, 20)]);
			assert!(pallet_posts::RecentActions::<Runtime>::get(&bob).is_none());
			assert_eq!(Rewards::on_chain_storage_version(), 2);
			let vote = pallet_rewards::CountedVotes::<Runtime>::get(7, &bob).unwrap();
			assert_eq!(
				(vote.era, vote.direction, vote.weight),
				(2, VoteDirection::Up, 980_000u128)
			);
			let curated = pallet_rewards::CuratorVotes::<Runtime>::get(2, &bob).into_inner();
			assert_eq!(curated, vec![(7, 980_000u128)]);
			assert_eq!(pallet_rewards::UnclaimedEras::<Runtime>::get(&bob).into_inner(), vec![2]);
			let era2 = pallet_rewards::Eras::<Runtime>::get(2).unwrap();
			assert_eq!((era2.claimants, era2.claimed), (1, 500));
			assert_eq!(Rewards::pending_rewards(&bob), 500);
			crate::tests::check_invariants();
		});
	}
}
