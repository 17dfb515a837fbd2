#![doc = include_str!("../README.md")]
#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;
pub mod types;
pub mod weights;

pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

use plaza_primitives::{OnVote, PostId, PostsInspect, VoteDirection};

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::pallet_prelude::*;
	use frame_system::pallet_prelude::*;

	/// The in-code storage version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);

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

		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;
	}

	/// Votes: (post, voter) → direction. Iterating with a post as prefix pages through its voters.
	#[pallet::storage]
	pub type Votes<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		PostId,
		Blake2_128Concat,
		T::AccountId,
		VoteDirection,
		OptionQuery,
	>;

	/// Up and down vote counts by post.
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

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Votes on a live post, or changes the caller's vote to `direction`.
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
			let previous = Votes::<T>::get(post_id, &voter);
			ensure!(previous != Some(direction), Error::<T>::AlreadyVoted);

			Votes::<T>::insert(post_id, &voter, direction);
			Tallies::<T>::mutate(post_id, |tally| tally.apply(previous, Some(direction)));
			let observed =
				T::OnVote::on_vote(post_id, &post.author, &voter, previous, Some(direction));
			Self::deposit_event(Event::Voted { post_id, voter, direction, previous });
			Ok(Some(T::WeightInfo::vote().saturating_add(observed)).into())
		}

		/// Takes the caller's vote on a post back (also on a post deleted since).
		///
		/// Charged like `vote`, and refunded the same way.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::unvote().saturating_add(T::OnVote::weight()))]
		pub fn unvote(origin: OriginFor<T>, post_id: PostId) -> DispatchResultWithPostInfo {
			let voter = ensure_signed(origin)?;
			let direction = Votes::<T>::take(post_id, &voter).ok_or(Error::<T>::NotVoted)?;
			Tallies::<T>::mutate(post_id, |tally| tally.apply(Some(direction), None));
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
}
