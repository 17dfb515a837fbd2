#![doc = include_str!("../README.md")]
#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]

extern crate alloc;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod fees;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;
pub mod types;
pub mod weights;

pub use fees::FeesToRewardPool;
pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

use frame_support::{
	traits::{
		fungible::{Balanced, Inspect, Mutate},
		tokens::{Fortitude, Preservation},
		Get,
	},
	weights::Weight,
	PalletId,
};
use plaza_primitives::{OnVote, PostId, PostsInspect, ProfilesInspect, VoteDirection};
use sp_runtime::{
	helpers_128bit::multiply_by_rational_with_rounding,
	traits::{AccountIdConversion, Saturating, UniqueSaturatedInto, Zero},
	Perbill, Rounding,
};

/// The balance type of the reward currency.
pub type BalanceOf<T> =
	<<T as Config>::Currency as Inspect<<T as frame_system::Config>::AccountId>>::Balance;

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
		/// The currency rewards are minted and paid in, and tips move in.
		type Currency: Mutate<Self::AccountId> + Balanced<Self::AccountId>;

		/// The posts votes and tips go to.
		type Posts: PostsInspect<Self::AccountId>;

		/// Who has a profile: votes from accounts without one earn nothing.
		type Profiles: ProfilesInspect<Self::AccountId>;

		/// The id of the account that holds the reward pool.
		#[pallet::constant]
		type PalletId: Get<PalletId>;

		/// What is minted into the pool every era.
		#[pallet::constant]
		type EraMint: Get<BalanceOf<Self>>;

		/// The share of transaction fees (and tips to block authors) added to the pool; the rest is
		/// burned. Used by [`FeesToRewardPool`].
		#[pallet::constant]
		type FeeShare: Get<Perbill>;

		/// The authors' share of an era's pool; curators get the rest.
		#[pallet::constant]
		type AuthorShare: Get<Perbill>;

		/// Votes from accounts with less than this balance earn nothing.
		#[pallet::constant]
		type MinVoterBalance: Get<BalanceOf<Self>>;

		/// How many blocks mana takes to regenerate from empty to full.
		#[pallet::constant]
		type ManaRegenerationPeriod: Get<BlockNumberFor<Self>>;

		/// The share of full mana one vote spends.
		#[pallet::constant]
		type VoteManaCost: Get<Perbill>;

		/// The most finished eras one `claim_rewards` settles; the rest stays claimable.
		#[pallet::constant]
		type MaxErasPerClaim: Get<u32>;

		/// The most upvotes per account and era that earn curation rewards; further upvotes in
		/// that era earn nothing (and spend no mana).
		#[pallet::constant]
		type MaxRewardedVotesPerEra: Get<u32>;

		/// Weights of this pallet's calls and hooks.
		type WeightInfo: WeightInfo;
	}

	/// The length of an era in blocks, set per chain in genesis.
	#[pallet::storage]
	pub type EraLength<T: Config> = StorageValue<_, BlockNumberFor<T>, ValueQuery>;

	/// The era in progress.
	#[pallet::storage]
	pub type CurrentEra<T: Config> = StorageValue<_, EraIndex, ValueQuery>;

	/// The block the era in progress started in.
	#[pallet::storage]
	pub type EraStart<T: Config> = StorageValue<_, BlockNumberFor<T>, ValueQuery>;

	/// Fees added to the pool during the era in progress.
	///
	/// Every fee payment writes it, so it is whitelisted in benchmarks (as System's per-block
	/// counters are) and its one commit per block is charged in `on_initialize` instead.
	#[pallet::storage]
	#[pallet::whitelist_storage]
	pub type EraFees<T: Config> = StorageValue<_, BalanceOf<T>, ValueQuery>;

	/// The sum of the era in progress's post scores (negative ones as zero).
	#[pallet::storage]
	pub type EraScore<T: Config> = StorageValue<_, u128, ValueQuery>;

	/// What the last finished era left undistributed, carried into the era in progress.
	#[pallet::storage]
	pub type Carry<T: Config> = StorageValue<_, BalanceOf<T>, ValueQuery>;

	/// What each finished era pays out.
	#[pallet::storage]
	pub type Eras<T: Config> =
		StorageMap<_, Twox64Concat, EraIndex, EraPayout<BalanceOf<T>>, OptionQuery>;

	/// The vote weights each post collected in each era.
	#[pallet::storage]
	pub type PostScores<T: Config> =
		StorageDoubleMap<_, Twox64Concat, EraIndex, Twox64Concat, PostId, PostScore, ValueQuery>;

	/// Each author's share of each era's score: the sum of its posts' net scores in that era.
	/// Removed when claimed.
	#[pallet::storage]
	pub type AuthorScores<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		EraIndex,
		Blake2_128Concat,
		T::AccountId,
		u128,
		ValueQuery,
	>;

	/// Each curator's rewarded upvotes in each era: (post, weight). Removed when claimed.
	#[pallet::storage]
	pub type CuratorVotes<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		EraIndex,
		Blake2_128Concat,
		T::AccountId,
		BoundedVec<(PostId, VoteWeight), T::MaxRewardedVotesPerEra>,
		ValueQuery,
	>;

	/// The votes that count for rewards: (post, voter) → era, direction and weight.
	#[pallet::storage]
	pub type CountedVotes<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		PostId,
		Blake2_128Concat,
		T::AccountId,
		CountedVote,
		OptionQuery,
	>;

	/// Each account's voting mana; an account not here has full mana.
	#[pallet::storage]
	pub type Manas<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, Mana<BlockNumberFor<T>>, OptionQuery>;

	/// The first era each account may still have rewards in (set when it first earns score).
	#[pallet::storage]
	pub type ClaimFrom<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, EraIndex, OptionQuery>;

	/// The tips each post received, in total.
	#[pallet::storage]
	pub type PostTips<T: Config> = StorageMap<_, Twox64Concat, PostId, BalanceOf<T>, ValueQuery>;

	/// The tips each account received for its posts, in total.
	#[pallet::storage]
	pub type TipsReceived<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, BalanceOf<T>, ValueQuery>;

	/// The chain's era length.
	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// The length of an era in blocks (at least 1).
		pub era_length: BlockNumberFor<T>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			EraLength::<T>::put(self.era_length.max(1u32.into()));
			// The pool account exists from the start, so that any payout may leave it alive.
			let pool = Pallet::<T>::pool_account();
			if T::Currency::balance(&pool).is_zero() {
				let _ = T::Currency::mint_into(&pool, T::Currency::minimum_balance());
			}
		}
	}

	/// Events of this pallet.
	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// An era ended; its pool is fixed and its rewards claimable.
		EraEnded {
			/// The era.
			era: EraIndex,
			/// Its pool: mint, fee share and carried remainder.
			pool: BalanceOf<T>,
		},
		/// `who` was paid its rewards for finished eras.
		RewardsClaimed {
			/// The claimant.
			who: T::AccountId,
			/// What it was paid.
			amount: BalanceOf<T>,
			/// How many finished eras this claim settled.
			eras: u32,
		},
		/// A tip went from `from` to the author of `post_id`.
		Tipped {
			/// The post tipped.
			post_id: PostId,
			/// Who tipped.
			from: T::AccountId,
			/// The post's author.
			to: T::AccountId,
			/// The amount moved.
			amount: BalanceOf<T>,
		},
	}

	/// Errors of this pallet. A call that fails with one changes nothing.
	#[pallet::error]
	pub enum Error<T> {
		/// The caller has no finished era to claim rewards for.
		NothingToClaim,
		/// No post has this id.
		PostNotFound,
		/// The post was deleted.
		PostDeleted,
		/// Tips go to posts, not to reposts.
		CannotTipRepost,
		/// Authors cannot tip their own posts.
		CannotTipOwnPost,
		/// A tip must move something.
		ZeroTip,
		/// The caller cannot pay the tip and keep its account alive.
		InsufficientBalance,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn on_initialize(now: BlockNumberFor<T>) -> Weight {
			let hook = if now.saturating_sub(EraStart::<T>::get()) >= EraLength::<T>::get() {
				Self::end_era(now);
				T::WeightInfo::on_initialize_era_end()
			} else {
				T::WeightInfo::on_initialize()
			};
			hook.saturating_add(Self::fee_accounting_commit())
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Pays the caller everything it earned as author and curator in finished eras, up to
		/// `MaxErasPerClaim` eras from the first unclaimed one; call again for the rest.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::claim_rewards(T::MaxErasPerClaim::get()))]
		pub fn claim_rewards(origin: OriginFor<T>) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			let from = ClaimFrom::<T>::get(&who).ok_or(Error::<T>::NothingToClaim)?;
			let current = CurrentEra::<T>::get();
			ensure!(from < current, Error::<T>::NothingToClaim);
			let until = current.min(from.saturating_add(T::MaxErasPerClaim::get()));

			let mut amount = BalanceOf::<T>::zero();
			for era in from..until {
				let votes = CuratorVotes::<T>::take(era, &who);
				let author_score = AuthorScores::<T>::take(era, &who);
				amount = amount.saturating_add(Self::reward(era, author_score, &votes));
			}
			if until == current && !Self::has_score_in(current, &who) {
				ClaimFrom::<T>::remove(&who);
			} else {
				ClaimFrom::<T>::insert(&who, until);
			}
			if !amount.is_zero() {
				T::Currency::transfer(&Self::pool_account(), &who, amount, Preservation::Preserve)?;
			}
			let eras = until - from;
			Self::deposit_event(Event::RewardsClaimed { who, amount, eras });
			Ok(Some(T::WeightInfo::claim_rewards(eras)).into())
		}

		/// Moves `amount` from the caller to the author of `post_id`, keeping the caller's
		/// account alive, and records it in the post's and the author's tip totals.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::tip())]
		pub fn tip(origin: OriginFor<T>, post_id: PostId, amount: BalanceOf<T>) -> DispatchResult {
			let from = ensure_signed(origin)?;
			ensure!(!amount.is_zero(), Error::<T>::ZeroTip);
			let post = T::Posts::post_ref(post_id).ok_or(Error::<T>::PostNotFound)?;
			ensure!(!post.deleted, Error::<T>::PostDeleted);
			ensure!(!post.is_repost, Error::<T>::CannotTipRepost);
			let to = post.author;
			ensure!(from != to, Error::<T>::CannotTipOwnPost);
			T::Currency::transfer(&from, &to, amount, Preservation::Preserve)
				.map_err(|_| Error::<T>::InsufficientBalance)?;
			PostTips::<T>::mutate(post_id, |total| total.saturating_accrue(amount));
			TipsReceived::<T>::mutate(&to, |total| total.saturating_accrue(amount));
			Self::deposit_event(Event::Tipped { post_id, from, to, amount });
			Ok(())
		}
	}
}

impl<T: Config> Pallet<T> {
	/// The account that holds the reward pool.
	pub fn pool_account() -> T::AccountId {
		T::PalletId::get().into_account_truncating()
	}

	/// Everything `who` could claim now, over all finished eras (for the runtime API).
	pub fn pending_rewards(who: &T::AccountId) -> BalanceOf<T> {
		let Some(from) = ClaimFrom::<T>::get(who) else {
			return Zero::zero();
		};
		(from..CurrentEra::<T>::get()).fold(Zero::zero(), |total: BalanceOf<T>, era| {
			let votes = CuratorVotes::<T>::get(era, who);
			total.saturating_add(Self::reward(era, AuthorScores::<T>::get(era, who), &votes))
		})
	}

	/// Reading and committing, once per block, the two entries every fee payment writes: the
	/// pool's account and `EraFees`. A fee payment's own weight leaves them out (both are
	/// whitelisted in benchmarks): however many transactions a block holds, each key reaches
	/// the database once.
	pub fn fee_accounting_commit() -> Weight {
		T::DbWeight::get().reads_writes(2, 2)
	}

	/// Adds fees routed to the pool during the era in progress.
	pub(crate) fn note_fees(amount: BalanceOf<T>) {
		EraFees::<T>::mutate(|fees| fees.saturating_accrue(amount));
	}

	/// What an account with `author_score` and the rewarded upvotes `votes` earned in the
	/// finished era `era`. Every division rounds down, so the payouts never add up to more than
	/// the era's pool.
	fn reward(era: EraIndex, author_score: u128, votes: &[(PostId, VoteWeight)]) -> BalanceOf<T> {
		let Some(payout) = Eras::<T>::get(era) else {
			return Zero::zero();
		};
		if payout.total_score == 0 {
			return Zero::zero();
		}
		let share = |pool: BalanceOf<T>, part: u128, whole: u128| -> BalanceOf<T> {
			let pool: u128 = pool.unique_saturated_into();
			multiply_by_rational_with_rounding(pool, part, whole, Rounding::Down)
				.unwrap_or(0)
				.unique_saturated_into()
		};
		let as_author = share(payout.authors, author_score, payout.total_score);
		let as_curator = votes.iter().fold(BalanceOf::<T>::zero(), |total, (post_id, weight)| {
			let score = PostScores::<T>::get(era, post_id);
			// The post's part of the curators' pool, split among its upvoters by weight.
			let post_part = share(payout.curators, score.net(), payout.total_score);
			total.saturating_add(share(post_part, u128::from(*weight), score.up))
		});
		as_author.saturating_add(as_curator)
	}

	/// Whether `who` has author score or rewarded votes in `era`.
	fn has_score_in(era: EraIndex, who: &T::AccountId) -> bool {
		AuthorScores::<T>::contains_key(era, who) || CuratorVotes::<T>::contains_key(era, who)
	}

	/// Fixes the era in progress's pool and payout split, and starts the next era.
	fn end_era(now: frame_system::pallet_prelude::BlockNumberFor<T>) {
		let era = CurrentEra::<T>::get();
		let minted = T::EraMint::get();
		// The mint cannot fail for a pool account that exists; if it ever did, the era pays
		// out what it has.
		let minted = T::Currency::mint_into(&Self::pool_account(), minted).unwrap_or_default();
		let pool = minted.saturating_add(EraFees::<T>::take()).saturating_add(Carry::<T>::take());
		let total_score = EraScore::<T>::take();
		let payout = if total_score == 0 {
			Carry::<T>::put(pool);
			EraPayout { pool, authors: Zero::zero(), curators: Zero::zero(), total_score }
		} else {
			let authors = T::AuthorShare::get() * pool;
			EraPayout { pool, authors, curators: pool.saturating_sub(authors), total_score }
		};
		Eras::<T>::insert(era, payout);
		CurrentEra::<T>::put(era.saturating_add(1));
		EraStart::<T>::put(now);
		Self::deposit_event(Event::EraEnded { era, pool });
	}

	/// Spends one vote's mana of `voter` and returns the vote's weight: the mana it had.
	fn spend_mana(voter: &T::AccountId) -> VoteWeight {
		let now = frame_system::Pallet::<T>::block_number();
		let level = Manas::<T>::get(voter)
			.map_or(FULL_MANA, |mana| mana.at(now, T::ManaRegenerationPeriod::get()));
		let cost = T::VoteManaCost::get() * FULL_MANA;
		Manas::<T>::insert(voter, Mana { level: level.saturating_sub(cost), updated: now });
		level.into()
	}

	/// Whether `voter`'s votes on `author`'s posts earn rewards.
	fn earns(voter: &T::AccountId, author: &T::AccountId) -> bool {
		voter != author
			&& T::Profiles::has_profile(voter)
			&& T::Currency::reducible_balance(voter, Preservation::Expendable, Fortitude::Polite)
				>= T::MinVoterBalance::get()
	}

	/// Adds (`add`) or removes `vote` of `voter` on `author`'s post `post_id` to or from the
	/// era in progress's scores.
	fn count(
		post_id: PostId,
		author: &T::AccountId,
		voter: &T::AccountId,
		vote: CountedVote,
		add: bool,
	) {
		let era = vote.era;
		let mut score = PostScores::<T>::get(era, post_id);
		let before = score.net();
		score.apply(vote.direction, vote.weight, add);
		let after = score.net();
		PostScores::<T>::insert(era, post_id, score);
		if after != before {
			AuthorScores::<T>::mutate(era, author, |s| {
				*s = s.saturating_add(after).saturating_sub(before)
			});
			EraScore::<T>::mutate(|s| *s = s.saturating_add(after).saturating_sub(before));
			ClaimFrom::<T>::mutate(author, |from| *from = Some(from.unwrap_or(era)));
		}
		if vote.direction == VoteDirection::Up {
			CuratorVotes::<T>::mutate(era, voter, |votes| {
				if add {
					// Room was checked before the vote was counted.
					let _ = votes.try_push((post_id, vote.weight));
				} else {
					votes.retain(|(post, _)| *post != post_id);
				}
			});
			ClaimFrom::<T>::mutate(voter, |from| *from = Some(from.unwrap_or(era)));
		}
	}
}

/// Accrues reward scores as votes happen: a vote counts in the era it is cast in, with the
/// weight of the voter's mana; changing or removing a vote in the same era undoes its count.
impl<T: Config> OnVote<T::AccountId> for Pallet<T> {
	fn on_vote(
		post_id: PostId,
		author: &T::AccountId,
		voter: &T::AccountId,
		_previous: Option<VoteDirection>,
		current: Option<VoteDirection>,
	) -> Weight {
		let era = CurrentEra::<T>::get();
		let mut uncounted = false;
		if let Some(counted) = CountedVotes::<T>::take(post_id, voter) {
			if counted.era == era {
				Self::count(post_id, author, voter, counted, false);
				uncounted = true;
			}
		}
		// The weight of a call that counts no new vote: the full weight if it undid a count,
		// the benchmarked cheaper case if it touched no score at all.
		let nothing_counted = || {
			if uncounted {
				Self::weight()
			} else {
				T::WeightInfo::on_vote_not_counted()
			}
		};
		let Some(direction) = current else { return nothing_counted() };
		let has_room = direction == VoteDirection::Down
			|| (CuratorVotes::<T>::decode_len(era, voter).unwrap_or(0) as u32)
				< T::MaxRewardedVotesPerEra::get();
		if !has_room || !Self::earns(voter, author) {
			return nothing_counted();
		}
		let weight = Self::spend_mana(voter);
		if weight == 0 {
			return nothing_counted();
		}
		let vote = CountedVote { era, direction, weight };
		CountedVotes::<T>::insert(post_id, voter, vote);
		Self::count(post_id, author, voter, vote, true);
		Self::weight()
	}

	fn weight() -> Weight {
		T::WeightInfo::on_vote(T::MaxRewardedVotesPerEra::get())
	}
}
