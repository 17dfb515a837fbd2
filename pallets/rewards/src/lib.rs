#![doc = include_str!("../README.md")]
#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]

extern crate alloc;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod fees;
pub mod migration;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;
mod try_state;
pub mod types;
pub mod weights;

pub use fees::FeesToRewardPool;
pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

use frame_support::{
	traits::{
		fungible::{Balanced, Inspect, Mutate, MutateHold},
		tokens::{Precision, Preservation},
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

/// A curation stake as this runtime stores it.
pub type CurationStakeOf<T> = CurationStake<BalanceOf<T>, <T as Config>::MaxUnlockingChunks>;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::pallet_prelude::*;
	use frame_system::pallet_prelude::*;

	/// The in-code storage version.
	///
	/// 1: vote weights are stake times mana (`u128`), no longer mana alone (`u64`).
	pub const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// The pallet's configuration.
	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The currency rewards are minted and paid in, tips move in and curation stakes are held
		/// in.
		type Currency: Mutate<Self::AccountId>
			+ Balanced<Self::AccountId>
			+ MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>;

		/// The runtime's hold reasons, which include this pallet's.
		type RuntimeHoldReason: From<HoldReason>;

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

		/// Votes from accounts with less active curation stake than this earn nothing.
		#[pallet::constant]
		type MinCurationStake: Get<BalanceOf<Self>>;

		/// The most unlocking chunks an account may have at once (one per era it unlocked in).
		#[pallet::constant]
		type MaxUnlockingChunks: Get<u32>;

		/// How many blocks mana takes to regenerate from empty to full.
		#[pallet::constant]
		type ManaRegenerationPeriod: Get<BlockNumberFor<Self>>;

		/// The share of full mana one vote spends.
		#[pallet::constant]
		type VoteManaCost: Get<Perbill>;

		/// The most finished eras one `claim_rewards` settles; the rest stays claimable.
		#[pallet::constant]
		type MaxErasPerClaim: Get<u32>;

		/// The most upvotes, and separately the most downvotes, per account and era that count
		/// for rewards; further votes in that era count nothing (and spend no mana).
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

	/// The vote weights each post collected in each era; a post with none has no entry.
	#[pallet::storage]
	pub type PostScores<T: Config> =
		StorageDoubleMap<_, Twox64Concat, EraIndex, Twox64Concat, PostId, PostScore, ValueQuery>;

	/// Each author's share of each era's score: the sum of its posts' net scores in that era.
	/// Removed when claimed, and while it is zero.
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

	/// Each curator's rewarded upvotes in each era: (post, weight). Removed when claimed, and
	/// when the last of them is taken back.
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

	/// The votes that count for rewards: (post, voter) → era, direction and weight. A pair counts
	/// in one era at most: once its era has ended the entry stays, whatever the voter does with
	/// its vote, so that the pair is never counted again.
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

	/// Curation stakes by account: an account with neither active nor unlocking stake has no
	/// entry.
	#[pallet::storage]
	pub type Stakes<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, CurationStakeOf<T>, OptionQuery>;

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

	/// Why this pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// Stake locked for curation, active or unlocking.
		CurationStake,
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
		/// `who` locked `amount` more for curation.
		StakeLocked {
			/// The curator.
			who: T::AccountId,
			/// What it locked now.
			amount: BalanceOf<T>,
			/// Its active stake after.
			active: BalanceOf<T>,
		},
		/// `who` started unlocking `amount`: its votes stop weighing it now, and it stays held
		/// until `withdrawable_from`.
		StakeUnlocking {
			/// The curator.
			who: T::AccountId,
			/// What it unlocks.
			amount: BalanceOf<T>,
			/// The era from which `withdraw_unlocked` releases it.
			withdrawable_from: EraIndex,
		},
		/// Unlocked stake went back to `who`'s free balance.
		StakeWithdrawn {
			/// The curator.
			who: T::AccountId,
			/// What was released.
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
		/// Locking or unlocking needs an amount above zero.
		ZeroAmount,
		/// The caller has no curation stake.
		NoStake,
		/// The caller's active stake is less than the amount to unlock.
		InsufficientStake,
		/// The caller already has `MaxUnlockingChunks` chunks unlocking: withdraw, or wait.
		TooManyUnlockingChunks,
		/// None of the caller's unlocking stake is withdrawable yet.
		NothingToWithdraw,
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

		fn integrity_test() {
			assert!(
				!T::ManaRegenerationPeriod::get().is_zero(),
				"ManaRegenerationPeriod must be at least one block"
			);
			assert!(!T::VoteManaCost::get().is_zero(), "a vote must spend mana");
			assert!(T::MaxErasPerClaim::get() > 0, "a claim must settle at least one era");
			assert!(T::MaxRewardedVotesPerEra::get() > 0, "some votes must earn rewards");
			assert!(T::MaxUnlockingChunks::get() > 0, "stake must be able to unlock");
			assert!(!T::MinCurationStake::get().is_zero(), "a vote that earns needs some stake");
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
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
		/// account alive, and records it in the post's and the author's tip totals. A caller
		/// that cannot pay gets the currency's own `TokenError` (`FundsUnavailable`, …).
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
			T::Currency::transfer(&from, &to, amount, Preservation::Preserve)?;
			PostTips::<T>::mutate(post_id, |total| total.saturating_accrue(amount));
			TipsReceived::<T>::mutate(&to, |total| total.saturating_accrue(amount));
			Self::deposit_event(Event::Tipped { post_id, from, to, amount });
			Ok(())
		}

		/// Locks `amount` of the caller's balance for curation (a hold with reason
		/// `CurationStake`): its votes weigh its active stake times its mana.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::lock_stake())]
		pub fn lock_stake(origin: OriginFor<T>, amount: BalanceOf<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
			T::Currency::hold(&HoldReason::CurationStake.into(), &who, amount)?;
			let mut stake = Stakes::<T>::get(&who).unwrap_or_else(|| CurationStake {
				active: Zero::zero(),
				unlocking: Default::default(),
				downvote_era: 0,
				downvotes: 0,
			});
			stake.active.saturating_accrue(amount);
			let active = stake.active;
			Stakes::<T>::insert(&who, stake);
			Self::deposit_event(Event::StakeLocked { who, amount, active });
			Ok(())
		}

		/// Starts unlocking `amount` of the caller's active stake. Votes stop weighing it at
		/// once; it stays held through the whole next era and `withdraw_unlocked` releases it
		/// from the era after (so the same stake cannot weigh votes from two accounts in one
		/// era).
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::unlock_stake())]
		pub fn unlock_stake(origin: OriginFor<T>, amount: BalanceOf<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
			let mut stake = Stakes::<T>::get(&who).ok_or(Error::<T>::NoStake)?;
			ensure!(stake.active >= amount, Error::<T>::InsufficientStake);
			let withdrawable_from = CurrentEra::<T>::get().saturating_add(2);
			match stake.unlocking.last_mut() {
				Some(chunk) if chunk.withdrawable_from == withdrawable_from => {
					chunk.amount.saturating_accrue(amount)
				},
				_ => stake
					.unlocking
					.try_push(UnlockChunk { amount, withdrawable_from })
					.map_err(|_| Error::<T>::TooManyUnlockingChunks)?,
			}
			stake.active.saturating_reduce(amount);
			Stakes::<T>::insert(&who, stake);
			Self::deposit_event(Event::StakeUnlocking { who, amount, withdrawable_from });
			Ok(())
		}

		/// Releases every unlocking chunk of the caller's whose era has come.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::withdraw_unlocked(T::MaxUnlockingChunks::get()))]
		pub fn withdraw_unlocked(origin: OriginFor<T>) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			let mut stake = Stakes::<T>::get(&who).ok_or(Error::<T>::NoStake)?;
			let chunks = stake.unlocking.len() as u32;
			let era = CurrentEra::<T>::get();
			let mut amount = BalanceOf::<T>::zero();
			stake.unlocking.retain(|chunk| {
				let due = chunk.withdrawable_from <= era;
				if due {
					amount.saturating_accrue(chunk.amount);
				}
				!due
			});
			ensure!(!amount.is_zero(), Error::<T>::NothingToWithdraw);
			T::Currency::release(
				&HoldReason::CurationStake.into(),
				&who,
				amount,
				Precision::Exact,
			)?;
			if stake.active.is_zero() && stake.unlocking.is_empty() {
				Stakes::<T>::remove(&who);
			} else {
				Stakes::<T>::insert(&who, stake);
			}
			Self::deposit_event(Event::StakeWithdrawn { who, amount });
			Ok(Some(T::WeightInfo::withdraw_unlocked(chunks)).into())
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

	/// Spends one vote's mana of `voter` and returns the mana it had, in parts per million.
	fn spend_mana(voter: &T::AccountId) -> u32 {
		let now = frame_system::Pallet::<T>::block_number();
		let level = Manas::<T>::get(voter)
			.map_or(FULL_MANA, |mana| mana.at(now, T::ManaRegenerationPeriod::get()));
		let cost = T::VoteManaCost::get() * FULL_MANA;
		Manas::<T>::insert(voter, Mana { level: level.saturating_sub(cost), updated: now });
		level
	}

	/// A vote's weight: `stake` times `mana` parts per million, rounded down. Linear in the
	/// stake, so that splitting a stake over accounts never weighs more than keeping it in one.
	pub fn vote_weight(stake: BalanceOf<T>, mana: u32) -> VoteWeight {
		let stake: u128 = stake.unique_saturated_into();
		multiply_by_rational_with_rounding(stake, mana.into(), FULL_MANA.into(), Rounding::Down)
			.unwrap_or(0)
	}

	/// `voter`'s stake, if its votes on `author`'s posts may count: not its own post, a profile
	/// and at least `MinCurationStake` active.
	fn eligible_stake(voter: &T::AccountId, author: &T::AccountId) -> Option<CurationStakeOf<T>> {
		if voter == author || !T::Profiles::has_profile(voter) {
			return None;
		}
		Stakes::<T>::get(voter).filter(|stake| stake.active >= T::MinCurationStake::get())
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
		if score == PostScore::default() {
			PostScores::<T>::remove(era, post_id);
		} else {
			PostScores::<T>::insert(era, post_id, score);
		}
		if after != before {
			AuthorScores::<T>::mutate_exists(era, author, |s| {
				let updated = s.unwrap_or_default().saturating_add(after).saturating_sub(before);
				*s = plaza_primitives::unless_default(updated);
			});
			EraScore::<T>::mutate(|s| *s = s.saturating_add(after).saturating_sub(before));
			ClaimFrom::<T>::mutate(author, |from| *from = Some(from.unwrap_or(era)));
		}
		if vote.direction == VoteDirection::Up {
			CuratorVotes::<T>::mutate_exists(era, voter, |entry| {
				let mut votes = entry.take().unwrap_or_default();
				if add {
					// Room was checked before the vote was counted.
					let _ = votes.try_push((post_id, vote.weight));
				} else {
					votes.retain(|(post, _)| *post != post_id);
				}
				*entry = plaza_primitives::unless_default(votes);
			});
			ClaimFrom::<T>::mutate(voter, |from| *from = Some(from.unwrap_or(era)));
		}
	}
}

/// Accrues reward scores as votes happen: a vote counts in the era it is cast in, with the
/// weight of the voter's active curation stake times its mana; changing or removing a vote in the
/// same era undoes its count. Upvotes and downvotes each count at most `MaxRewardedVotesPerEra`
/// times per voter and era.
/// A (post, voter) pair counts in one era at most: after that era, changing, removing and
/// casting the vote again counts nothing.
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
		if let Some(counted) = CountedVotes::<T>::get(post_id, voter) {
			if counted.era != era {
				// Counted in an earlier era: the pair never counts again.
				return T::WeightInfo::on_vote_not_counted();
			}
			CountedVotes::<T>::remove(post_id, voter);
			Self::count(post_id, author, voter, counted, false);
			if counted.direction == VoteDirection::Down {
				// Its slot among the era's counted downvotes is free again.
				Stakes::<T>::mutate(voter, |stake| {
					if let Some(stake) = stake {
						stake.count_downvote(era, false);
					}
				});
			}
			uncounted = true;
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
		let Some(mut stake) = Self::eligible_stake(voter, author) else {
			return nothing_counted();
		};
		let max = T::MaxRewardedVotesPerEra::get();
		let has_room = match direction {
			VoteDirection::Up => {
				(CuratorVotes::<T>::decode_len(era, voter).unwrap_or(0) as u32) < max
			},
			VoteDirection::Down => stake.downvotes_in(era) < max,
		};
		if !has_room {
			return nothing_counted();
		}
		let weight = Self::vote_weight(stake.active, Self::spend_mana(voter));
		if weight == 0 {
			return nothing_counted();
		}
		if direction == VoteDirection::Down {
			stake.count_downvote(era, true);
			Stakes::<T>::insert(voter, stake);
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
