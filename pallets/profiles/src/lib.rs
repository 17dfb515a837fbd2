#![doc = include_str!("../README.md")]
#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]

extern crate alloc;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
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

use frame_support::{
	dispatch::DispatchResult,
	traits::fungible::{Inspect, Mutate, MutateHold},
};
use plaza_primitives::{BlockList, CidText, ContentId, DepositPayer, ProfilesInspect};

/// The balance type of the currency deposits are held in.
pub type BalanceOf<T> =
	<<T as Config>::Currency as Inspect<<T as frame_system::Config>::AccountId>>::Balance;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::pallet_prelude::*;
	use frame_support::traits::tokens::Precision;
	use frame_system::pallet_prelude::*;
	use sp_runtime::traits::{Saturating, Zero};

	/// The in-code storage version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// The pallet's configuration.
	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The currency profile and follow deposits are held in.
		type Currency: MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>
			+ Mutate<Self::AccountId>;

		/// The runtime's hold reasons, which include this pallet's.
		type RuntimeHoldReason: From<HoldReason>;

		/// The fixed part of a profile's deposit (the profile and its handle index entry).
		#[pallet::constant]
		type ProfileDepositBase: Get<BalanceOf<Self>>;

		/// The deposit per byte of handle, display name and metadata CID a profile stores.
		#[pallet::constant]
		type ProfileDepositPerByte: Get<BalanceOf<Self>>;

		/// The deposit held for each account an account follows.
		#[pallet::constant]
		type FollowDeposit: Get<BalanceOf<Self>>;

		/// The deposit held for each account an account mutes.
		#[pallet::constant]
		type MuteDeposit: Get<BalanceOf<Self>>;

		/// The deposit held for each account an account blocks.
		#[pallet::constant]
		type BlockDeposit: Get<BalanceOf<Self>>;

		/// The most accounts one account may mute.
		#[pallet::constant]
		type MaxMuted: Get<u32>;

		/// The most accounts one account may block.
		#[pallet::constant]
		type MaxBlocked: Get<u32>;

		/// Who pays a profile's or a follow's deposit: an app acting for the person pays it (and
		/// gets it back when the item goes), otherwise the person.
		type DepositPayer: DepositPayer<Self::AccountId, Self::RuntimeHoldReason, BalanceOf<Self>>;

		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;
	}

	/// Why this pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// The deposit of an account's profile.
		ProfileDeposit,
		/// The deposits of an account's follows.
		FollowDeposit,
		/// The deposits of the accounts an account mutes.
		MuteDeposit,
		/// The deposits of the accounts an account blocks.
		BlockDeposit,
	}

	/// Profiles by account.
	#[pallet::storage]
	pub type Profiles<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, Profile<BalanceOf<T>>, OptionQuery>;

	/// The owner of each taken handle (canonical, lower-case form).
	#[pallet::storage]
	pub type HandleOwners<T: Config> =
		StorageMap<_, Blake2_128Concat, Handle, T::AccountId, OptionQuery>;

	/// The follow graph: `(follower, followee)` → the deposit the follower holds for it. Iterating
	/// with the follower as prefix pages through the accounts it follows.
	#[pallet::storage]
	pub type Following<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Blake2_128Concat,
		T::AccountId,
		BalanceOf<T>,
		OptionQuery,
	>;

	/// The app that holds a profile's deposit, when an app set the profile for its owner; absent
	/// when the owner holds it. Whoever sets a profile pays its whole deposit: the previous payer
	/// gets theirs back.
	#[pallet::storage]
	pub type ProfileDepositPayers<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, T::AccountId, OptionQuery>;

	/// The app that holds a follow's deposit, `(follower, followee)` → app, when an app followed
	/// for the follower; absent when the follower holds it.
	#[pallet::storage]
	pub type FollowDepositPayers<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Blake2_128Concat,
		T::AccountId,
		T::AccountId,
		OptionQuery,
	>;

	/// Follower and following counts by account; an account with neither has no entry.
	#[pallet::storage]
	pub type FollowCountsOf<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, FollowCounts, ValueQuery>;

	/// Whom each account mutes: `(muter, muted)` → the deposit the muter holds for it. Muting
	/// changes only what the muter's feeds show (the social index reads this map); iterating
	/// with the muter as prefix pages through its list.
	#[pallet::storage]
	pub type Mutes<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Blake2_128Concat,
		T::AccountId,
		BalanceOf<T>,
		OptionQuery,
	>;

	/// Whom each account blocks: `(blocker, blocked)` → the deposit the blocker holds for it.
	/// Neither account can follow, reply to, repost or tip the other (this pallet, the posts and
	/// the rewards pallets ask through [`BlockList`]); the social index also leaves the blocked
	/// account out of the blocker's feeds.
	#[pallet::storage]
	pub type Blocks<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Blake2_128Concat,
		T::AccountId,
		BalanceOf<T>,
		OptionQuery,
	>;

	/// How many accounts each account mutes and blocks (at most `MaxMuted`, `MaxBlocked`); an
	/// account with neither list has no entry.
	#[pallet::storage]
	pub type ListCountsOf<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, ListCounts, ValueQuery>;

	/// Events of this pallet.
	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// `who` created or updated its profile.
		ProfileSet {
			/// The profile's owner.
			who: T::AccountId,
			/// Its handle (lower case).
			handle: Handle,
			/// The deposit now held for it.
			deposit: BalanceOf<T>,
		},
		/// `who` removed its profile; its handle is free and its deposit returned.
		ProfileCleared {
			/// The former owner.
			who: T::AccountId,
			/// The handle it gave up.
			handle: Handle,
		},
		/// `follower` follows `followee`.
		Followed {
			/// Who follows.
			follower: T::AccountId,
			/// Whom.
			followee: T::AccountId,
		},
		/// `follower` no longer follows `followee` (it unfollowed, or one blocked the other).
		Unfollowed {
			/// Who followed.
			follower: T::AccountId,
			/// Whom.
			followee: T::AccountId,
		},
		/// `who` mutes `muted`: its feeds leave `muted` out.
		Muted {
			/// Who mutes.
			who: T::AccountId,
			/// Whom.
			muted: T::AccountId,
		},
		/// `who` no longer mutes `muted`.
		Unmuted {
			/// Who unmuted.
			who: T::AccountId,
			/// Whom.
			muted: T::AccountId,
		},
		/// `who` blocks `blocked`: `blocked` cannot follow, reply to, repost or tip `who`, and
		/// the follows between them ended (each with its own `Unfollowed`).
		Blocked {
			/// Who blocks.
			who: T::AccountId,
			/// Whom.
			blocked: T::AccountId,
		},
		/// `who` no longer blocks `blocked`.
		Unblocked {
			/// Who unblocked.
			who: T::AccountId,
			/// Whom.
			blocked: T::AccountId,
		},
	}

	/// Errors of this pallet. A call that fails with one changes nothing.
	#[pallet::error]
	pub enum Error<T> {
		/// The handle has fewer than 3 characters.
		HandleTooShort,
		/// The handle has a character other than a–z, A–Z, 0–9 or `_`.
		InvalidHandleCharacter,
		/// Another account has this handle (in any letter case).
		HandleTaken,
		/// The display name is not valid UTF-8.
		DisplayNameNotUtf8,
		/// The metadata CID is empty.
		EmptyCid,
		/// The metadata is not a CID.
		MalformedCid,
		/// The metadata CID's content type is not raw, dag-pb, dag-cbor or dag-json.
		UnsupportedCidCodec,
		/// The metadata CID's hash is not sha2-256, blake2b-256 or blake3 (32 bytes).
		UnsupportedCidHash,
		/// The caller has no profile.
		NoProfile,
		/// An account cannot follow itself.
		CannotFollowSelf,
		/// The caller already follows this account.
		AlreadyFollowing,
		/// The caller does not follow this account.
		NotFollowing,
		/// The account blocks the caller: the caller cannot follow, reply to, repost or tip it.
		BlockedByAccount,
		/// The caller blocks this account: unblock it first to follow, reply to, repost or tip
		/// it.
		BlockingAccount,
		/// An account cannot mute itself.
		CannotMuteSelf,
		/// The caller already mutes this account.
		AlreadyMuted,
		/// The caller mutes `MaxMuted` accounts already: unmute one first.
		TooManyMuted,
		/// The caller does not mute this account.
		NotMuted,
		/// An account cannot block itself.
		CannotBlockSelf,
		/// The caller already blocks this account.
		AlreadyBlocked,
		/// The caller blocks `MaxBlocked` accounts already: unblock one first.
		TooManyBlocked,
		/// The caller does not block this account.
		NotBlocked,
	}

	plaza_primitives::impl_from_cid_error!(Error);

	plaza_primitives::impl_from_handle_error!(Error);

	/// The bounds of a profile's text, in the metadata so that wallets and apps can check what a
	/// person types before they sign (a longer handle or name does not even decode).
	#[pallet::extra_constants]
	impl<T: Config> Pallet<T> {
		/// The fewest characters a handle may have.
		#[pallet::constant_name(MinHandleLength)]
		fn min_handle_length() -> u32 {
			crate::MIN_HANDLE_LEN
		}

		/// The most characters a handle may have.
		#[pallet::constant_name(MaxHandleLength)]
		fn max_handle_length() -> u32 {
			crate::MAX_HANDLE_LEN
		}

		/// The most bytes (UTF-8) a display name may have.
		#[pallet::constant_name(MaxDisplayNameLength)]
		fn max_display_name_length() -> u32 {
			crate::MAX_DISPLAY_NAME_LEN
		}
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(
				!T::ProfileDepositBase::get().is_zero()
					&& !T::FollowDeposit::get().is_zero()
					&& !T::MuteDeposit::get().is_zero()
					&& !T::BlockDeposit::get().is_zero(),
				"profiles, follows, mutes and blocks are storage: their deposits must not be zero"
			);
			assert!(
				T::MaxMuted::get() > 0 && T::MaxBlocked::get() > 0,
				"people must be able to mute and block"
			);
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Creates or updates the caller's profile.
		///
		/// - `handle`: 3–32 characters of a–z, 0–9 and `_`, unique across accounts regardless
		///   of letter case; stored lower case. Changing it frees the old one. A longer one does
		///   not decode.
		/// - `display_name`: at most 64 bytes of UTF-8 (a longer one does not decode).
		/// - `metadata`: the text form of a CID (`Qm…`, `b…`) of a JSON document in IPFS (bio,
		///   avatar CID, links), or `None`.
		///
		/// Holds a deposit for the stored bytes, adjusted on every update, from the caller or
		/// from the app acting for it; when the payer changes, the previous one gets its deposit
		/// back.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::set_profile())]
		pub fn set_profile(
			origin: OriginFor<T>,
			handle: Handle,
			display_name: DisplayName,
			metadata: Option<CidText>,
		) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			let handle = canonical_handle(&handle).map_err(Error::<T>::from)?;
			ensure!(core::str::from_utf8(&display_name).is_ok(), Error::<T>::DisplayNameNotUtf8);
			let metadata = metadata
				.map(|text| ContentId::parse(&text))
				.transpose()
				.map_err(Error::<T>::from)?;
			if let Some(owner) = HandleOwners::<T>::get(&handle) {
				ensure!(owner == who, Error::<T>::HandleTaken);
			}

			let previous = Profiles::<T>::get(&who);
			let mut profile =
				Profile { handle, display_name, metadata, deposit: Default::default() };
			profile.deposit = Self::profile_deposit(&profile);
			let held = previous.as_ref().map(|p| p.deposit).unwrap_or_default();
			let sponsor = T::DepositPayer::sponsor(&who);
			let previous_payer = ProfileDepositPayers::<T>::get(&who);
			let moved = previous_payer != sponsor;
			Self::move_hold(
				&who,
				HoldReason::ProfileDeposit,
				(previous_payer.as_ref(), held),
				(sponsor.as_ref(), profile.deposit),
			)?;
			ProfileDepositPayers::<T>::set(&who, sponsor.clone());

			if let Some(previous) = previous.filter(|p| p.handle != profile.handle) {
				HandleOwners::<T>::remove(&previous.handle);
			}
			HandleOwners::<T>::insert(&profile.handle, &who);
			Self::deposit_event(Event::ProfileSet {
				who: who.clone(),
				handle: profile.handle.clone(),
				deposit: profile.deposit,
			});
			Profiles::<T>::insert(&who, profile);
			// Charged for the payer changing to an app: two accounts' holds. The app's reach the
			// database once per `act_for` batch; without a move, only one account's are touched.
			let refund = sponsor.is_some() || !moved;
			Ok(Self::refund_sponsor_keys(T::WeightInfo::set_profile(), refund, 0))
		}

		/// Removes the caller's profile, frees its handle and returns its deposit. Follows stay.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::clear_profile())]
		pub fn clear_profile(origin: OriginFor<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let profile = Profiles::<T>::take(&who).ok_or(Error::<T>::NoProfile)?;
			HandleOwners::<T>::remove(&profile.handle);
			let payer = ProfileDepositPayers::<T>::take(&who);
			Self::adjust_hold(
				&who,
				payer.as_ref(),
				HoldReason::ProfileDeposit,
				profile.deposit,
				Default::default(),
			)?;
			Self::deposit_event(Event::ProfileCleared { who, handle: profile.handle });
			Ok(())
		}

		/// Follows `who`, holding `FollowDeposit` from the caller, or from the app acting for it,
		/// until the caller unfollows.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::follow())]
		pub fn follow(origin: OriginFor<T>, who: T::AccountId) -> DispatchResultWithPostInfo {
			let follower = ensure_signed(origin)?;
			ensure!(follower != who, Error::<T>::CannotFollowSelf);
			ensure!(!Following::<T>::contains_key(&follower, &who), Error::<T>::AlreadyFollowing);
			Self::ensure_no_block(&who, &follower)?;
			let deposit = T::FollowDeposit::get();
			let sponsor = T::DepositPayer::sponsor(&follower);
			Self::adjust_hold(
				&follower,
				sponsor.as_ref(),
				HoldReason::FollowDeposit,
				Default::default(),
				deposit,
			)?;
			Following::<T>::insert(&follower, &who, deposit);
			if let Some(app) = &sponsor {
				FollowDepositPayers::<T>::insert(&follower, &who, app);
			}
			Self::update_counts(&follower, |c| c.following.saturating_inc());
			Self::update_counts(&who, |c| c.followers.saturating_inc());
			Self::deposit_event(Event::Followed { follower, followee: who });
			// Charged for an app paying: its account and holds reach the database once per
			// `act_for` batch. The follower paying writes no payer record.
			let actual = match sponsor {
				Some(_) => Self::refund_sponsor_keys(T::WeightInfo::follow(), true, 0),
				None => Self::refund_sponsor_keys(T::WeightInfo::follow(), false, 1),
			};
			Ok(actual)
		}

		/// Stops following `who` and returns the follow's deposit to whoever paid it.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::unfollow())]
		pub fn unfollow(origin: OriginFor<T>, who: T::AccountId) -> DispatchResult {
			let follower = ensure_signed(origin)?;
			ensure!(Self::end_follow(&follower, &who)?, Error::<T>::NotFollowing);
			Ok(())
		}

		/// Mutes `who`: the caller's feeds in the social index leave `who`'s posts, replies and
		/// reposts out. Nothing else changes for `who`, who is not told. Holds `MuteDeposit`
		/// from the caller until it unmutes; at most `MaxMuted` accounts.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::mute())]
		pub fn mute(origin: OriginFor<T>, who: T::AccountId) -> DispatchResult {
			let owner = ensure_signed(origin)?;
			Self::add_to_list(PersonalList::Mutes, &owner, &who)?;
			Self::deposit_event(Event::Muted { who: owner, muted: who });
			Ok(())
		}

		/// Stops muting `who` and returns the mute's deposit.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::unmute())]
		pub fn unmute(origin: OriginFor<T>, who: T::AccountId) -> DispatchResult {
			let owner = ensure_signed(origin)?;
			Self::remove_from_list(PersonalList::Mutes, &owner, &who)?;
			Self::deposit_event(Event::Unmuted { who: owner, muted: who });
			Ok(())
		}

		/// Blocks `who`: from now on neither can follow the other, reply to the other's posts
		/// (or in threads the other started), repost them or tip them, and the follows between
		/// the two end (their deposits returned to whoever paid them). The social index leaves
		/// `who` out of the caller's feeds. Holds `BlockDeposit` from the caller until it
		/// unblocks; at most `MaxBlocked` accounts. What either posted before stays.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::block())]
		pub fn block(origin: OriginFor<T>, who: T::AccountId) -> DispatchResult {
			let owner = ensure_signed(origin)?;
			Self::add_to_list(PersonalList::Blocks, &owner, &who)?;
			Self::deposit_event(Event::Blocked { who: owner.clone(), blocked: who.clone() });
			Self::end_follow(&who, &owner)?;
			Self::end_follow(&owner, &who)?;
			Ok(())
		}

		/// Stops blocking `who` and returns the block's deposit. Follows that the block ended
		/// stay ended.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::unblock())]
		pub fn unblock(origin: OriginFor<T>, who: T::AccountId) -> DispatchResult {
			let owner = ensure_signed(origin)?;
			Self::remove_from_list(PersonalList::Blocks, &owner, &who)?;
			Self::deposit_event(Event::Unblocked { who: owner, blocked: who });
			Ok(())
		}
	}

	impl<T: Config> Pallet<T> {
		/// The deposit `profile` requires.
		pub fn profile_deposit(profile: &Profile<BalanceOf<T>>) -> BalanceOf<T> {
			T::ProfileDepositPerByte::get()
				.saturating_mul(profile.stored_bytes().into())
				.saturating_add(T::ProfileDepositBase::get())
		}

		/// Ends `follower`'s follow of `followee`, if there is one: returns its deposit to
		/// whoever paid it and says so with `Unfollowed`. Returns whether there was one.
		fn end_follow(
			follower: &T::AccountId,
			followee: &T::AccountId,
		) -> Result<bool, DispatchError> {
			let Some(deposit) = Following::<T>::take(follower, followee) else { return Ok(false) };
			let payer = FollowDepositPayers::<T>::take(follower, followee);
			Self::adjust_hold(
				follower,
				payer.as_ref(),
				HoldReason::FollowDeposit,
				deposit,
				Default::default(),
			)?;
			Self::update_counts(follower, |c| c.following.saturating_dec());
			Self::update_counts(followee, |c| c.followers.saturating_dec());
			Self::deposit_event(Event::Unfollowed {
				follower: follower.clone(),
				followee: followee.clone(),
			});
			Ok(true)
		}

		/// Puts `target` on `owner`'s `list`, holding the list's deposit from `owner`.
		fn add_to_list(
			list: PersonalList,
			owner: &T::AccountId,
			target: &T::AccountId,
		) -> DispatchResult {
			let (deposit, max, reason) = match list {
				PersonalList::Mutes => {
					(T::MuteDeposit::get(), T::MaxMuted::get(), HoldReason::MuteDeposit)
				},
				PersonalList::Blocks => {
					(T::BlockDeposit::get(), T::MaxBlocked::get(), HoldReason::BlockDeposit)
				},
			};
			let [on_self, already, full, _] = Self::list_errors(list);
			ensure!(owner != target, on_self);
			ensure!(Self::list_entry(list, owner, target).is_none(), already);
			ensure!(ListCountsOf::<T>::get(owner).of(list) < max, full);
			T::Currency::hold(&reason.into(), owner, deposit)?;
			Self::set_list_entry(list, owner, target, Some(deposit));
			Self::update_list_counts(owner, |counts| counts.of_mut(list).saturating_inc());
			Ok(())
		}

		/// Takes `target` off `owner`'s `list`, returning its deposit.
		fn remove_from_list(
			list: PersonalList,
			owner: &T::AccountId,
			target: &T::AccountId,
		) -> DispatchResult {
			let [.., missing] = Self::list_errors(list);
			let deposit = Self::list_entry(list, owner, target).ok_or(missing)?;
			let reason = match list {
				PersonalList::Mutes => HoldReason::MuteDeposit,
				PersonalList::Blocks => HoldReason::BlockDeposit,
			};
			T::Currency::release(&reason.into(), owner, deposit, Precision::BestEffort)?;
			Self::set_list_entry(list, owner, target, None);
			Self::update_list_counts(owner, |counts| counts.of_mut(list).saturating_dec());
			Ok(())
		}

		/// `list`'s refusals: of the owner itself, of an account already on it, of one more
		/// when it is full, and of an account not on it.
		fn list_errors(list: PersonalList) -> [Error<T>; 4] {
			match list {
				PersonalList::Mutes => [
					Error::CannotMuteSelf,
					Error::AlreadyMuted,
					Error::TooManyMuted,
					Error::NotMuted,
				],
				PersonalList::Blocks => [
					Error::CannotBlockSelf,
					Error::AlreadyBlocked,
					Error::TooManyBlocked,
					Error::NotBlocked,
				],
			}
		}

		/// The deposit held for `target` on `owner`'s `list`, if it is on it.
		pub fn list_entry(
			list: PersonalList,
			owner: &T::AccountId,
			target: &T::AccountId,
		) -> Option<BalanceOf<T>> {
			match list {
				PersonalList::Mutes => Mutes::<T>::get(owner, target),
				PersonalList::Blocks => Blocks::<T>::get(owner, target),
			}
		}

		/// Writes (`Some`) or removes (`None`) `target`'s entry on `owner`'s `list`.
		fn set_list_entry(
			list: PersonalList,
			owner: &T::AccountId,
			target: &T::AccountId,
			deposit: Option<BalanceOf<T>>,
		) {
			match list {
				PersonalList::Mutes => Mutes::<T>::set(owner, target, deposit),
				PersonalList::Blocks => Blocks::<T>::set(owner, target, deposit),
			}
		}

		/// Changes `who`'s list counts, removing the entry once both are zero.
		fn update_list_counts(who: &T::AccountId, change: impl FnOnce(&mut ListCounts)) {
			ListCountsOf::<T>::mutate_exists(who, |counts| {
				let mut updated = counts.unwrap_or_default();
				change(&mut updated);
				*counts = plaza_primitives::unless_default(updated);
			});
		}

		/// Changes `who`'s follow counts, removing the entry once both are zero.
		fn update_counts(who: &T::AccountId, change: impl FnOnce(&mut FollowCounts)) {
			FollowCountsOf::<T>::mutate_exists(who, |counts| {
				let mut updated = counts.unwrap_or_default();
				change(&mut updated);
				*counts = plaza_primitives::unless_default(updated);
			});
		}

		/// Moves `owner`'s deposit for `reason`: its payer (the app named, or `owner` for none)
		/// holds `held` of it, and the new payer is to hold `wanted`. One payer's hold is
		/// adjusted; between two, the first gets its deposit back.
		fn move_hold(
			owner: &T::AccountId,
			reason: HoldReason,
			(from, held): (Option<&T::AccountId>, BalanceOf<T>),
			(to, wanted): (Option<&T::AccountId>, BalanceOf<T>),
		) -> DispatchResult {
			if from == to {
				return Self::adjust_hold(owner, to, reason, held, wanted);
			}
			Self::adjust_hold(owner, from, reason, held, Zero::zero())?;
			Self::adjust_hold(owner, to, reason, Zero::zero(), wanted)
		}

		/// `charged`, benchmarked with two accounts' holds touched (an app's among them), less
		/// one account's reads and writes when `refund_account`, and less `unwritten` records.
		fn refund_sponsor_keys(
			charged: Weight,
			refund_account: bool,
			unwritten: u64,
		) -> frame_support::dispatch::PostDispatchInfo {
			let (reads, writes) =
				if refund_account { plaza_primitives::SPONSOR_KEYS_READ_WRITTEN } else { (0, 0) };
			let refund = T::DbWeight::get().reads_writes(reads, writes.saturating_add(unwritten));
			Some(charged.saturating_sub(refund)).into()
		}

		/// Changes what `owner`'s deposit for `reason` holds from its payer (the app named, or
		/// `owner` for none) from `held` to `wanted`.
		fn adjust_hold(
			owner: &T::AccountId,
			app: Option<&T::AccountId>,
			reason: HoldReason,
			held: BalanceOf<T>,
			wanted: BalanceOf<T>,
		) -> DispatchResult {
			let reason = reason.into();
			if wanted > held {
				plaza_primitives::hold_deposit::<_, T::Currency, T::DepositPayer>(
					&reason,
					owner,
					app,
					wanted - held,
				)
			} else if held > wanted {
				plaza_primitives::release_deposit::<_, T::Currency, T::DepositPayer>(
					&reason,
					owner,
					app,
					held - wanted,
				)
			} else {
				Ok(())
			}
		}
	}
}

impl<T: Config> BlockList<T::AccountId> for Pallet<T> {
	fn ensure_no_block(owner: &T::AccountId, who: &T::AccountId) -> DispatchResult {
		frame_support::ensure!(
			!Blocks::<T>::contains_key(owner, who),
			Error::<T>::BlockedByAccount
		);
		frame_support::ensure!(!Blocks::<T>::contains_key(who, owner), Error::<T>::BlockingAccount);
		Ok(())
	}
}

impl<T: Config> ProfilesInspect<T::AccountId> for Pallet<T> {
	fn has_profile(who: &T::AccountId) -> bool {
		Profiles::<T>::contains_key(who)
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn create_profile_for_benchmark(who: &T::AccountId) {
		benchmarking::create_profile::<T>(who)
	}
}
