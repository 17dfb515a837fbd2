#![doc = include_str!("../README.md")]
#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]

extern crate alloc;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
pub mod migration;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;
mod try_state;
pub mod types;
pub mod weights;

pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

use frame_support::traits::fungible::{Inspect, Mutate, MutateHold};
use plaza_primitives::{DepositPayer, OnVote, PostId, PostsInspect, VoteDirection};

/// The balance type of the currency vote deposits are held in.
pub type BalanceOf<T> =
	<<T as Config>::Currency as Inspect<<T as frame_system::Config>::AccountId>>::Balance;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::pallet_prelude::*;
	use frame_system::pallet_prelude::*;

	/// The in-code storage version.
	///
	/// 1: each vote records the deposit it holds.
	pub const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// The pallet's configuration.
	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The posts votes are cast on.
		type Posts: PostsInspect<Self::AccountId>;

		/// Told of every vote change (the rewards pallet); `()` for nobody.
		type OnVote: OnVote<Self::AccountId>;

		/// The currency vote deposits are held in.
		type Currency: MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>
			+ Mutate<Self::AccountId>;

		/// The runtime's hold reasons, which include this pallet's.
		type RuntimeHoldReason: From<HoldReason>;

		/// What is held from the voter for each vote while it stands (a vote is a storage entry).
		#[pallet::constant]
		type VoteDeposit: Get<BalanceOf<Self>>;

		/// Who pays a new vote's deposit: an app voting for the voter pays it (and gets it back
		/// when the vote is taken back), otherwise the voter.
		type DepositPayer: DepositPayer<Self::AccountId, Self::RuntimeHoldReason, BalanceOf<Self>>;

		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;
	}

	/// Why this pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// The deposits of an account's votes.
		VoteDeposit,
	}

	/// Votes: (post, voter) → direction and the deposit held for it. Iterating with a post as
	/// prefix pages through its voters.
	#[pallet::storage]
	pub type Votes<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		PostId,
		Blake2_128Concat,
		T::AccountId,
		Vote<BalanceOf<T>>,
		OptionQuery,
	>;

	/// The app that paid a vote's deposit, for a vote an app cast for the voter; the deposit goes
	/// back to it when the vote is taken back. Votes their voters paid for have no entry.
	#[pallet::storage]
	pub type DepositPayers<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		PostId,
		Blake2_128Concat,
		T::AccountId,
		T::AccountId,
		OptionQuery,
	>;

	/// Up and down vote counts by post; a post with no votes has no entry.
	#[pallet::storage]
	pub type Tallies<T: Config> = StorageMap<_, Twox64Concat, PostId, Tally, ValueQuery>;

	/// Events of this pallet.
	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// `voter` voted on a post, or changed its vote's direction.
		Voted {
			/// The post.
			post_id: PostId,
			/// Who voted.
			voter: T::AccountId,
			/// The vote.
			direction: VoteDirection,
			/// The vote it replaced, if the voter changed its mind.
			previous: Option<VoteDirection>,
		},
		/// `voter` took its vote back.
		VoteRemoved {
			/// The post.
			post_id: PostId,
			/// Who unvoted.
			voter: T::AccountId,
			/// The vote removed.
			direction: VoteDirection,
		},
	}

	/// Errors of this pallet. A call that fails with one changes nothing.
	#[pallet::error]
	pub enum Error<T> {
		/// No post has this id.
		PostNotFound,
		/// The post was deleted.
		PostDeleted,
		/// Votes go to posts, not to reposts.
		CannotVoteOnRepost,
		/// The caller already voted this way on this post.
		AlreadyVoted,
		/// The caller has no vote on this post.
		NotVoted,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			use sp_runtime::traits::Zero;
			assert!(
				!T::VoteDeposit::get().is_zero(),
				"a vote is storage: its deposit must not be zero"
			);
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Votes on a live post, or changes the caller's vote to `direction`. A new vote holds
		/// `VoteDeposit` (from the app casting it, if one is) until it is taken back; a changed
		/// one keeps the deposit it has.
		///
		/// Charged for `Config::OnVote`'s most expensive case; what it did not use is refunded.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::vote().saturating_add(T::OnVote::weight()))]
		pub fn vote(
			origin: OriginFor<T>,
			post_id: PostId,
			direction: VoteDirection,
		) -> DispatchResultWithPostInfo {
			let voter = ensure_signed(origin)?;
			let post = T::Posts::post_ref(post_id).ok_or(Error::<T>::PostNotFound)?;
			ensure!(!post.deleted, Error::<T>::PostDeleted);
			ensure!(!post.is_repost, Error::<T>::CannotVoteOnRepost);
			let existing = Votes::<T>::get(post_id, &voter);
			let previous = existing.map(|vote| vote.direction);
			ensure!(previous != Some(direction), Error::<T>::AlreadyVoted);
			// The weight is benchmarked for a new vote an app pays for, its deposit held at once; a
			// vote the voter pays for (its account already paid for by the fee) or a changed one
			// writes no payer, and an app's batch owes the deposit and holds it once.
			let mut used = T::WeightInfo::vote();
			let deposit = match existing {
				Some(vote) => {
					used.saturating_reduce(T::DbWeight::get().reads_writes(1, 2));
					vote.deposit
				},
				None => {
					let deposit = T::VoteDeposit::get();
					let payer = T::DepositPayer::sponsor(&voter);
					plaza_primitives::hold_deposit::<_, T::Currency, T::DepositPayer>(
						&HoldReason::VoteDeposit.into(),
						&voter,
						payer.as_ref(),
						deposit,
					)?;
					let refund = match payer {
						Some(app) => {
							DepositPayers::<T>::insert(post_id, &voter, app);
							Self::batch_deposit_saving()
						},
						None => T::DbWeight::get().reads_writes(1, 2),
					};
					used.saturating_reduce(refund);
					deposit
				},
			};

			Votes::<T>::insert(post_id, &voter, Vote { direction, deposit });
			Self::update_tally(post_id, previous, Some(direction));
			let observed =
				T::OnVote::on_vote(post_id, &post.author, &voter, previous, Some(direction));
			Self::deposit_event(Event::Voted { post_id, voter, direction, previous });
			Ok(Some(used.saturating_add(observed)).into())
		}

		/// Takes the caller's vote on a post back (also on a post deleted since) and returns its
		/// deposit to whoever paid it.
		///
		/// Charged like `vote`, and refunded the same way.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::unvote().saturating_add(T::OnVote::weight()))]
		pub fn unvote(origin: OriginFor<T>, post_id: PostId) -> DispatchResultWithPostInfo {
			let voter = ensure_signed(origin)?;
			let Vote { direction, deposit } =
				Votes::<T>::take(post_id, &voter).ok_or(Error::<T>::NotVoted)?;
			let payer = DepositPayers::<T>::take(post_id, &voter);
			plaza_primitives::release_deposit::<_, T::Currency, T::DepositPayer>(
				&HoldReason::VoteDeposit.into(),
				&voter,
				payer.as_ref(),
				deposit,
			)?;
			Self::update_tally(post_id, Some(direction), None);
			let observed = match T::Posts::post_ref(post_id) {
				Some(post) => {
					T::OnVote::on_vote(post_id, &post.author, &voter, Some(direction), None)
				},
				None => Weight::zero(),
			};
			Self::deposit_event(Event::VoteRemoved { post_id, voter, direction });
			Ok(Some(T::WeightInfo::unvote().saturating_add(observed)).into())
		}
	}

	impl<T: Config> Pallet<T> {
		/// What a vote's deposit costs less when an app's batch owes it than when it is held at
		/// once: `vote`'s two benchmarks ([`plaza_primitives::batch_deposit_saving`]).
		fn batch_deposit_saving() -> Weight {
			plaza_primitives::batch_deposit_saving(
				T::WeightInfo::vote(),
				T::WeightInfo::vote_in_batch,
			)
		}

		/// Moves a vote on `post_id` from `previous` to `current` in its tally, removing the
		/// tally once it counts nothing.
		fn update_tally(
			post_id: PostId,
			previous: Option<VoteDirection>,
			current: Option<VoteDirection>,
		) {
			Tallies::<T>::mutate_exists(post_id, |tally| {
				let mut updated = tally.unwrap_or_default();
				updated.apply(previous, current);
				*tally = plaza_primitives::unless_default(updated);
			});
		}
	}
}
