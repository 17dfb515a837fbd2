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
	defensive,
	traits::{
		fungible::{Balanced, Inspect, Mutate, MutateHold},
		tokens::{Precision, Preservation},
		Get,
	},
	weights::Weight,
	PalletId,
};
use plaza_primitives::{
	BlockList, OnPostHidden, OnVote, PostId, PostsInspect, ProfilesInspect, VoteDirection,
};
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

/// The most keys `on_idle` removes from closed eras in one block, however much weight is left.
pub const MAX_PRUNED_PER_BLOCK: u32 = 512;

/// The most eras an account can have rewards in at once: those still within the claim horizon
/// and the era in progress, `ClaimHorizon + 1`.
pub struct MaxUnclaimedEras<T>(core::marker::PhantomData<T>);

impl<T: Config> Get<u32> for MaxUnclaimedEras<T> {
	fn get() -> u32 {
		T::ClaimHorizon::get().saturating_add(1)
	}
}

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::pallet_prelude::*;
	use frame_system::pallet_prelude::*;

	/// The in-code storage version.
	///
	/// 1: vote weights are stake times mana (`u128`), no longer mana alone (`u64`).
	/// 2: eras close (settled or expired) and are pruned; each account lists the eras it has
	/// rewards in (`UnclaimedEras`, replacing `ClaimFrom`).
	pub const STORAGE_VERSION: StorageVersion = StorageVersion::new(2);

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

		/// Whom people block: an account cannot tip the posts of an author who blocks it.
		type Blocks: BlockList<Self::AccountId>;

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

		/// For how many eras, counting the one it was created in, votes on a post count for
		/// rewards (Hive's payout window). Later votes count nothing, so a (post, voter) pair's
		/// record of having counted is needed only that long, and is then removed.
		#[pallet::constant]
		type CurationWindow: Get<EraIndex>;

		/// For how many eras after its end an era's rewards can be claimed. When era `e + H`
		/// ends, era `e` expires: what is still unclaimed goes back to the pool.
		#[pallet::constant]
		type ClaimHorizon: Get<EraIndex>;

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

	/// What goes into the era in progress's pool besides its mint and fees: what finished eras
	/// left undistributed (no scores), unclaimed (expired) or as rounding dust (settled).
	#[pallet::storage]
	pub type Carry<T: Config> = StorageValue<_, BalanceOf<T>, ValueQuery>;

	/// What each finished era with scores pays out, until it closes: once its last claimant has
	/// claimed (settled) or `ClaimHorizon` eras after its end (expired).
	#[pallet::storage]
	pub type Eras<T: Config> =
		StorageMap<_, Twox64Concat, EraIndex, EraPayout<BalanceOf<T>>, OptionQuery>;

	/// How many accounts have rewards in the era in progress (author score or rewarded upvotes).
	#[pallet::storage]
	pub type EraClaimants<T: Config> = StorageValue<_, u32, ValueQuery>;

	/// Closed eras whose scores `on_idle` is still removing, a bounded number of keys per block.
	#[pallet::storage]
	pub type ErasToPrune<T: Config> = StorageMap<_, Twox64Concat, EraIndex, (), OptionQuery>;

	/// The vote weights each post collected in each era; a post with none has no entry. Removed
	/// with the era once it closes.
	#[pallet::storage]
	pub type PostScores<T: Config> =
		StorageDoubleMap<_, Twox64Concat, EraIndex, Twox64Concat, PostId, PostScore, ValueQuery>;

	/// Each author's share of each era's score: the sum of its posts' net scores in that era.
	/// Removed when claimed, while it is zero, and with the era once it closes.
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

	/// Each curator's rewarded upvotes in each era: (post, weight). Removed when claimed, when
	/// the last of them is taken back, and with the era once it closes.
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
	/// its vote, so that the pair is never counted again, until the post leaves the curation
	/// window (after which no vote on it counts); then `on_idle` removes it.
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

	/// The id of the first post of each of the last `CurationWindow` eras that have one recorded,
	/// oldest first, the era in progress last; once full, votes count only on posts from its
	/// first id on. (Recorded at each era's start; empty until the first era ends.)
	#[pallet::storage]
	pub type WindowStarts<T: Config> =
		StorageValue<_, BoundedVec<PostId, T::CurationWindow>, ValueQuery>;

	/// Posts below this id have no `CountedVotes` left: `on_idle` removes those of posts that
	/// left the curation window, post by post, from here.
	#[pallet::storage]
	pub type CountedVotesPrunedBelow<T: Config> = StorageValue<_, PostId, ValueQuery>;

	/// Each account's voting mana; an account not here has full mana.
	#[pallet::storage]
	pub type Manas<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, Mana<BlockNumberFor<T>>, OptionQuery>;

	/// The eras each account has rewards in and has not claimed, oldest first: an era is added
	/// when the account first earns score in it and removed when claimed, so that a claim
	/// reads only eras the account earned in. At most `ClaimHorizon + 1` (older eras have
	/// expired); no entry while empty.
	#[pallet::storage]
	pub type UnclaimedEras<T: Config> = StorageMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		BoundedVec<EraIndex, MaxUnclaimedEras<T>>,
		ValueQuery,
	>;

	/// Curation stakes by account: an account with neither active nor unlocking stake has no
	/// entry.
	#[pallet::storage]
	pub type Stakes<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, CurationStakeOf<T>, OptionQuery>;

	/// The posts a community's moderators hid in each era: a post hidden in an era earns
	/// nothing in it (its score left the era's totals when it was hidden, and later votes on it
	/// do not count), even if it is unhidden before the era ends. Removed with the era once it
	/// closes (at most `ClaimHorizon` eras later). The moderator's `ModerationDeposit` covers
	/// one entry per hide; a post hidden and unhidden again in one era is marked once.
	#[pallet::storage]
	pub type HiddenInEra<T: Config> =
		StorageDoubleMap<_, Twox64Concat, EraIndex, Twox64Concat, PostId, (), OptionQuery>;

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
		/// Every claimant of `era` has claimed: `returned` (the rounding dust of its claims) went
		/// back to the pool of the era in progress, and the era's scores are being removed.
		EraSettled {
			/// The era.
			era: EraIndex,
			/// What went back to the pool.
			returned: BalanceOf<T>,
		},
		/// `era` passed the claim horizon: what was still unclaimed (`returned`) went back to the
		/// pool of the era in progress, and the era's scores are being removed.
		EraExpired {
			/// The era.
			era: EraIndex,
			/// What went back to the pool.
			returned: BalanceOf<T>,
		},
		/// `who` was paid its rewards for finished eras.
		RewardsClaimed {
			/// The claimant.
			who: T::AccountId,
			/// What it was paid.
			amount: BalanceOf<T>,
			/// How many finished eras this claim settled (eras past the horizon pay nothing).
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

		fn on_idle(_: BlockNumberFor<T>, remaining: Weight) -> Weight {
			Self::prune_closed_eras(remaining)
		}

		fn integrity_test() {
			assert!(
				!T::ManaRegenerationPeriod::get().is_zero(),
				"ManaRegenerationPeriod must be at least one block"
			);
			assert!(!T::VoteManaCost::get().is_zero(), "a vote must spend mana");
			assert!(T::MaxErasPerClaim::get() > 0, "a claim must settle at least one era");
			assert!(T::ClaimHorizon::get() > 0, "a finished era must be claimable for an era");
			assert!(T::CurationWindow::get() > 0, "votes must count in a post's own era");
			assert!(
				T::MaxErasPerClaim::get() <= MaxUnclaimedEras::<T>::get(),
				"a claim need not settle more eras than an account can have rewards in"
			);
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
		/// `MaxErasPerClaim` of the eras it earned in, oldest first; call again for the rest. Eras
		/// past the claim horizon pay nothing. The claim that settles an era's last claimant
		/// closes the era.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::claim_rewards(T::MaxErasPerClaim::get()))]
		pub fn claim_rewards(origin: OriginFor<T>) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			let current = CurrentEra::<T>::get();
			let mut settled = UnclaimedEras::<T>::get(&who).into_inner();
			let finished = settled.iter().take_while(|era| **era < current).count();
			ensure!(finished > 0, Error::<T>::NothingToClaim);
			let eras = finished.min(T::MaxErasPerClaim::get() as usize);
			let rest = settled.split_off(eras);

			let amount = settled.iter().fold(BalanceOf::<T>::zero(), |amount, era| {
				amount.saturating_add(Self::settle_claim(*era, &who))
			});
			match plaza_primitives::unless_default(rest) {
				Some(rest) => UnclaimedEras::<T>::insert(&who, BoundedVec::truncate_from(rest)),
				None => UnclaimedEras::<T>::remove(&who),
			}
			if !amount.is_zero() {
				T::Currency::transfer(&Self::pool_account(), &who, amount, Preservation::Preserve)?;
			}
			let eras = eras as u32;
			Self::deposit_event(Event::RewardsClaimed { who, amount, eras });
			Ok(Some(T::WeightInfo::claim_rewards(eras)).into())
		}

		/// Moves `amount` from the caller to the author of `post_id`, keeping the caller's
		/// account alive, and records it in the post's and the author's tip totals. A caller
		/// that cannot pay gets the currency's own `TokenError` (`FundsUnavailable`, …); one
		/// the author blocks gets the profiles pallet's `BlockedByAccount`.
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
			T::Blocks::ensure_no_block(&to, &from)?;
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
	/// It reads at most `ClaimHorizon + 1` eras, each with at most `MaxRewardedVotesPerEra`
	/// votes.
	pub fn pending_rewards(who: &T::AccountId) -> BalanceOf<T> {
		let current = CurrentEra::<T>::get();
		UnclaimedEras::<T>::get(who).into_iter().take_while(|era| *era < current).fold(
			Zero::zero(),
			|total: BalanceOf<T>, era| {
				let Some(payout) = Eras::<T>::get(era) else { return total };
				let votes = CuratorVotes::<T>::get(era, who);
				let author_score = AuthorScores::<T>::get(era, who);
				total.saturating_add(Self::reward(era, &payout, author_score, &votes))
			},
		)
	}

	/// Takes `who`'s scores of the finished era `era` and returns what they earned, counting it
	/// as claimed; closes the era if `who` was its last claimant. A closed era pays nothing.
	fn settle_claim(era: EraIndex, who: &T::AccountId) -> BalanceOf<T> {
		let votes = CuratorVotes::<T>::take(era, who);
		let author_score = AuthorScores::<T>::take(era, who);
		let Some(mut payout) = Eras::<T>::get(era) else { return Zero::zero() };
		let reward = Self::reward(era, &payout, author_score, &votes);
		payout.claimed.saturating_accrue(reward);
		payout.claimants.saturating_dec();
		if payout.claimants == 0 {
			Self::close_era(era, &payout, false);
		} else {
			Eras::<T>::insert(era, payout);
		}
		reward
	}

	/// Closes the finished era `era`: what it still holds goes back to the pool of the era in
	/// progress, its payout goes, and its scores are queued for `on_idle` to remove.
	fn close_era(era: EraIndex, payout: &EraPayout<BalanceOf<T>>, expired: bool) {
		let returned = payout.unpaid();
		Carry::<T>::mutate(|carry| carry.saturating_accrue(returned));
		Eras::<T>::remove(era);
		ErasToPrune::<T>::insert(era, ());
		Self::deposit_event(if expired {
			Event::EraExpired { era, returned }
		} else {
			Event::EraSettled { era, returned }
		});
	}

	/// The first post votes count on in the era in progress: the first post of the oldest era in
	/// the curation window (every post while fewer eras than the window have passed).
	pub fn earning_from() -> PostId {
		let starts = WindowStarts::<T>::get();
		if starts.len() as u32 >= T::CurationWindow::get() {
			starts.first().copied().unwrap_or(0)
		} else {
			0
		}
	}

	/// Removes the scores of closed eras, one era at a time, then the `CountedVotes` of posts
	/// that left the curation window, one post at a time, as many keys as `remaining` weight
	/// pays for (at most [`MAX_PRUNED_PER_BLOCK`]); returns the weight used.
	pub(crate) fn prune_closed_eras(remaining: Weight) -> Weight {
		let budget = plaza_primitives::idle_budget(
			remaining,
			T::WeightInfo::prune_closed_eras,
			MAX_PRUNED_PER_BLOCK,
		);
		let Some(limit) = budget else { return Weight::zero() };
		let mut left = limit;
		// One era after another, each map in turn; an era leaves the queue once all four are
		// empty. Every map visited counts as at least one key, so that the loop is bounded by
		// the budget. A map the budget did not cover is taken up again in the next block.
		'eras: while left > 0 {
			let Some(era) = ErasToPrune::<T>::iter_keys().next() else { break };
			for map in 0..4 {
				if left == 0 {
					break 'eras;
				}
				let result = match map {
					0 => PostScores::<T>::clear_prefix(era, left, None),
					1 => AuthorScores::<T>::clear_prefix(era, left, None),
					2 => CuratorVotes::<T>::clear_prefix(era, left, None),
					_ => HiddenInEra::<T>::clear_prefix(era, left, None),
				};
				left = left.saturating_sub(result.loops.max(1));
				if result.maybe_cursor.is_some() {
					break 'eras;
				}
			}
			ErasToPrune::<T>::remove(era);
		}
		if left > 0 {
			left = Self::prune_counted_votes(left);
		}
		T::WeightInfo::prune_closed_eras(limit - left)
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
	fn reward(
		era: EraIndex,
		payout: &EraPayout<BalanceOf<T>>,
		author_score: u128,
		votes: &[(PostId, VoteWeight)],
	) -> BalanceOf<T> {
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

	/// Fixes the era in progress's pool and payout split, starts the next era, and expires the
	/// era that passes the claim horizon.
	fn end_era(now: frame_system::pallet_prelude::BlockNumberFor<T>) {
		let era = CurrentEra::<T>::get();
		let minted = T::EraMint::get();
		// The mint cannot fail for a pool account that exists; if it ever did, the era pays
		// out what it has.
		let minted = T::Currency::mint_into(&Self::pool_account(), minted).unwrap_or_default();
		let pool = minted.saturating_add(EraFees::<T>::take()).saturating_add(Carry::<T>::take());
		let total_score = EraScore::<T>::take();
		let claimants = EraClaimants::<T>::take();
		if total_score == 0 {
			// Nothing to pay: the pool carries over, and whatever counted goes.
			Carry::<T>::put(pool);
			ErasToPrune::<T>::insert(era, ());
		} else {
			let authors = T::AuthorShare::get() * pool;
			let curators = pool.saturating_sub(authors);
			let claimed = Zero::zero();
			let payout = EraPayout { pool, authors, curators, total_score, claimed, claimants };
			Eras::<T>::insert(era, payout);
		}
		CurrentEra::<T>::put(era.saturating_add(1));
		EraStart::<T>::put(now);
		WindowStarts::<T>::mutate(|starts| {
			// The next era's first post; the oldest era leaves the window once it is full.
			if starts.is_full() {
				starts.remove(0);
			}
			let _ = starts.try_push(T::Posts::next_post_id());
		});
		Self::deposit_event(Event::EraEnded { era, pool });

		// Era `era - H` was claimable until now.
		if let Some(expiring) = era.checked_sub(T::ClaimHorizon::get()) {
			if let Some(payout) = Eras::<T>::get(expiring) {
				Self::close_era(expiring, &payout, true);
			}
		}
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
		let author_had = Self::has_score_in(era, author);
		let voter_had = Self::has_score_in(era, voter);
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
		}
		Self::note_claimant(era, author, author_had);
		if voter != author {
			Self::note_claimant(era, voter, voter_had);
		}
	}

	/// Removes up to `limit` `CountedVotes` of posts below the curation window, post by post from
	/// `CountedVotesPrunedBelow` (each post visited counting as at least one key); returns what
	/// is left of `limit`.
	fn prune_counted_votes(mut limit: u32) -> u32 {
		let until = Self::earning_from();
		let mut next = CountedVotesPrunedBelow::<T>::get();
		let start = next;
		while limit > 0 && next < until {
			let result = CountedVotes::<T>::clear_prefix(next, limit, None);
			limit = limit.saturating_sub(result.loops.max(1));
			if result.maybe_cursor.is_some() {
				break;
			}
			next += 1;
		}
		if next != start {
			CountedVotesPrunedBelow::<T>::put(next);
		}
		limit
	}

	/// Keeps `UnclaimedEras` and `EraClaimants` in step when `who` gains (or loses) its first
	/// score in the era in progress `era`: `had` is whether it had one before.
	fn note_claimant(era: EraIndex, who: &T::AccountId, had: bool) {
		let has = Self::has_score_in(era, who);
		if has == had {
			return;
		}
		UnclaimedEras::<T>::mutate_exists(who, |entry| {
			let mut eras = entry.take().unwrap_or_default();
			if has {
				// Eras past the horizon pay nothing: make room by forgetting them.
				let horizon = T::ClaimHorizon::get();
				eras.retain(|earlier| earlier.saturating_add(horizon) >= era);
				if eras.try_push(era).is_err() {
					defensive!("eras within the horizon fit UnclaimedEras");
				}
			} else if eras.last() == Some(&era) {
				eras.pop();
			}
			*entry = plaza_primitives::unless_default(eras);
		});
		EraClaimants::<T>::mutate(|n| if has { n.saturating_inc() } else { n.saturating_dec() });
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
		if post_id < Self::earning_from() {
			// Out of the curation window: no vote on it counts (nor did any in this era).
			return T::WeightInfo::on_vote_not_counted();
		}
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
				<Self as OnVote<T::AccountId>>::weight()
			} else {
				T::WeightInfo::on_vote_not_counted()
			}
		};
		let Some(direction) = current else { return nothing_counted() };
		if HiddenInEra::<T>::contains_key(era, post_id) {
			// Hidden by a community's moderators in this era: it earns nothing in it.
			return nothing_counted();
		}
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
		<Self as OnVote<T::AccountId>>::weight()
	}

	fn weight() -> Weight {
		T::WeightInfo::on_vote(T::MaxRewardedVotesPerEra::get())
	}
}

/// Takes a post that a community's moderators hid out of the era in progress: its score, and
/// with it its author's share and its curators' shares of it, leaves the era's totals, and no
/// vote on it counts for the rest of the era, even if it is unhidden. Eras that ended before
/// keep what the post earned in them.
impl<T: Config> OnPostHidden<T::AccountId> for Pallet<T> {
	fn on_post_hidden(post_id: PostId, author: &T::AccountId) -> Weight {
		let era = CurrentEra::<T>::get();
		HiddenInEra::<T>::insert(era, post_id, ());
		let net = PostScores::<T>::take(era, post_id).net();
		if net > 0 {
			let had = Self::has_score_in(era, author);
			AuthorScores::<T>::mutate_exists(era, author, |s| {
				*s = plaza_primitives::unless_default(s.unwrap_or_default().saturating_sub(net));
			});
			EraScore::<T>::mutate(|s| *s = s.saturating_sub(net));
			Self::note_claimant(era, author, had);
		}
		T::WeightInfo::on_post_hidden()
	}

	fn weight() -> Weight {
		T::WeightInfo::on_post_hidden()
	}
}
