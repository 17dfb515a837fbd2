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

use frame_support::traits::fungible::{Inspect, Mutate, MutateHold};
use plaza_primitives::{CidText, ContentId, DepositPayer, ProfilesInspect};

/// The balance type of the currency deposits are held in.
pub type BalanceOf<T> =
	<<T as Config>::Currency as Inspect<<T as frame_system::Config>::AccountId>>::Balance;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::pallet_prelude::*;
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
		/// `follower` no longer follows `followee`.
		Unfollowed {
			/// Who unfollowed.
			follower: T::AccountId,
			/// Whom.
			followee: T::AccountId,
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
				!T::ProfileDepositBase::get().is_zero() && !T::FollowDeposit::get().is_zero(),
				"profiles and follows are storage: their deposits must not be zero"
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
			let deposit = Following::<T>::take(&follower, &who).ok_or(Error::<T>::NotFollowing)?;
			let payer = FollowDepositPayers::<T>::take(&follower, &who);
			Self::adjust_hold(
				&follower,
				payer.as_ref(),
				HoldReason::FollowDeposit,
				deposit,
				Default::default(),
			)?;
			Self::update_counts(&follower, |c| c.following.saturating_dec());
			Self::update_counts(&who, |c| c.followers.saturating_dec());
			Self::deposit_event(Event::Unfollowed { follower, followee: who });
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

impl<T: Config> ProfilesInspect<T::AccountId> for Pallet<T> {
	fn has_profile(who: &T::AccountId) -> bool {
		Profiles::<T>::contains_key(who)
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn create_profile_for_benchmark(who: &T::AccountId) {
		benchmarking::create_profile::<T>(who)
	}
}
