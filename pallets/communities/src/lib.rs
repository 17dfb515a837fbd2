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

use frame_support::traits::{
	fungible::{Inspect, Mutate, MutateHold},
	tokens::Precision,
};
use plaza_primitives::{
	canonical_handle, CidText, CommunityGate, CommunityId, ContentId, DisplayName, Handle,
	OnPostHidden, PostId, PostRef, PostsInspect,
};

/// The balance type of the currency deposits are held in.
pub type BalanceOf<T> =
	<<T as Config>::Currency as Inspect<<T as frame_system::Config>::AccountId>>::Balance;

/// A community as this runtime stores it.
pub type CommunityOf<T> = Community<
	<T as frame_system::Config>::AccountId,
	BalanceOf<T>,
	frame_support::BoundedVec<<T as frame_system::Config>::AccountId, <T as Config>::MaxModerators>,
	frame_support::BoundedVec<PostId, <T as Config>::MaxPins>,
>;

/// A membership as this runtime stores it.
pub type MembershipOf<T> =
	Membership<BalanceOf<T>, frame_system::pallet_prelude::BlockNumberFor<T>>;

/// A ban's record as this runtime stores it.
pub type BanOf<T> = ModeratorAction<<T as frame_system::Config>::AccountId, BalanceOf<T>>;

/// A hidden post's record as this runtime stores it.
pub type HiddenOf<T> = Hidden<<T as frame_system::Config>::AccountId, BalanceOf<T>>;

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
		/// The currency deposits are held in.
		type Currency: MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>
			+ Mutate<Self::AccountId>;

		/// The runtime's hold reasons, which include this pallet's.
		type RuntimeHoldReason: From<HoldReason>;

		/// The posts moderators act on: whether one exists and which community it is in.
		type Posts: PostsInspect<Self::AccountId>;

		/// Told of every post a moderator hides (the rewards pallet: a post hidden in an era
		/// earns nothing in it).
		type OnPostHidden: OnPostHidden<Self::AccountId>;

		/// What is held from a community's owner while it exists.
		#[pallet::constant]
		type CommunityDeposit: Get<BalanceOf<Self>>;

		/// What is held from a member, or from someone asking to join, while their record exists.
		#[pallet::constant]
		type MembershipDeposit: Get<BalanceOf<Self>>;

		/// What is held from a moderator for each ban and hidden post they make, until undone.
		#[pallet::constant]
		type ModerationDeposit: Get<BalanceOf<Self>>;

		/// The most members a community may have.
		#[pallet::constant]
		type MaxMembers: Get<u32>;

		/// The most moderators a community may have besides its owner.
		#[pallet::constant]
		type MaxModerators: Get<u32>;

		/// The most posts a community may have pinned.
		#[pallet::constant]
		type MaxPins: Get<u32>;

		/// The longest a mute may last, in blocks.
		#[pallet::constant]
		type MaxMuteDuration: Get<BlockNumberFor<Self>>;

		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;
	}

	/// Why this pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// The deposits of the communities an account owns.
		CommunityDeposit,
		/// The deposits of an account's memberships and requests to join.
		MembershipDeposit,
		/// The deposits of the bans and hidden posts a moderator made.
		ModerationDeposit,
	}

	/// The id the next community gets.
	#[pallet::storage]
	pub type NextCommunityId<T: Config> = StorageValue<_, CommunityId, ValueQuery>;

	/// Every open community by id. A closed community has no entry (its id is never reused).
	#[pallet::storage]
	pub type Communities<T: Config> =
		StorageMap<_, Twox64Concat, CommunityId, CommunityOf<T>, OptionQuery>;

	/// The community that has each taken handle (canonical, lower-case form).
	#[pallet::storage]
	pub type CommunityHandles<T: Config> =
		StorageMap<_, Blake2_128Concat, Handle, CommunityId, OptionQuery>;

	/// Members and requests to join: `(community, account)` → their record. Iterating with a
	/// community as prefix pages through its members. Records outlive a closed community until
	/// their owners leave (and get their deposits back).
	#[pallet::storage]
	pub type Memberships<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		CommunityId,
		Blake2_128Concat,
		T::AccountId,
		MembershipOf<T>,
		OptionQuery,
	>;

	/// Banned accounts: `(community, account)` → who banned them and what they hold for it.
	#[pallet::storage]
	pub type Bans<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		CommunityId,
		Blake2_128Concat,
		T::AccountId,
		BanOf<T>,
		OptionQuery,
	>;

	/// Posts a community's moderators hid from it: they stay on chain and on their authors'
	/// pages, but leave the community's feeds.
	#[pallet::storage]
	pub type HiddenPosts<T: Config> = StorageMap<_, Twox64Concat, PostId, HiddenOf<T>, OptionQuery>;

	/// Events of this pallet. Moderators' actions carry their reason: the community's moderation
	/// log is made of them.
	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A community was created.
		CommunityCreated {
			/// Its id.
			community: CommunityId,
			/// Its handle (lower case).
			handle: Handle,
			/// Its owner.
			owner: T::AccountId,
		},
		/// A community's name, documents or policies changed.
		CommunityUpdated {
			/// The community.
			community: CommunityId,
		},
		/// A community's owner offered it to another account (`None`: withdrew the offer).
		OwnershipOffered {
			/// The community.
			community: CommunityId,
			/// Its owner.
			owner: T::AccountId,
			/// Who may accept it.
			to: Option<T::AccountId>,
		},
		/// A community changed owner: the new owner holds its deposit now.
		OwnershipTransferred {
			/// The community.
			community: CommunityId,
			/// The former owner, whose deposit was returned.
			from: T::AccountId,
			/// The new owner.
			to: T::AccountId,
		},
		/// A community was closed; its handle is free and its deposit returned.
		CommunityClosed {
			/// The community.
			community: CommunityId,
			/// Its owner.
			owner: T::AccountId,
		},
		/// The owner made an account a moderator.
		ModeratorAdded {
			/// The community.
			community: CommunityId,
			/// The new moderator.
			moderator: T::AccountId,
		},
		/// A moderator was removed, or resigned.
		ModeratorRemoved {
			/// The community.
			community: CommunityId,
			/// The former moderator.
			moderator: T::AccountId,
		},
		/// An account joined (an open community, or a moderator approved its request).
		Joined {
			/// The community.
			community: CommunityId,
			/// The new member.
			who: T::AccountId,
		},
		/// An account asked to join a community that approves its members.
		JoinRequested {
			/// The community.
			community: CommunityId,
			/// Who asked.
			who: T::AccountId,
		},
		/// A member left, or an account withdrew its request; its deposit was returned.
		Left {
			/// The community.
			community: CommunityId,
			/// Who left.
			who: T::AccountId,
		},
		/// A moderator approved a request to join.
		MemberApproved {
			/// The community.
			community: CommunityId,
			/// The new member.
			who: T::AccountId,
			/// The moderator.
			by: T::AccountId,
		},
		/// A moderator rejected a request to join; its deposit was returned.
		MemberRejected {
			/// The community.
			community: CommunityId,
			/// Who asked.
			who: T::AccountId,
			/// The moderator.
			by: T::AccountId,
		},
		/// A moderator hid a post from the community's feeds.
		PostHidden {
			/// The community.
			community: CommunityId,
			/// The post.
			post_id: PostId,
			/// The moderator.
			by: T::AccountId,
			/// Why.
			reason: Reason,
		},
		/// A moderator made a hidden post visible again.
		PostUnhidden {
			/// The community.
			community: CommunityId,
			/// The post.
			post_id: PostId,
			/// The moderator.
			by: T::AccountId,
			/// Why.
			reason: Reason,
		},
		/// A moderator pinned a post to the top of the community.
		PostPinned {
			/// The community.
			community: CommunityId,
			/// The post.
			post_id: PostId,
			/// The moderator.
			by: T::AccountId,
			/// Why.
			reason: Reason,
		},
		/// A moderator unpinned a post (or hid it, which unpins it too).
		PostUnpinned {
			/// The community.
			community: CommunityId,
			/// The post.
			post_id: PostId,
			/// The moderator.
			by: T::AccountId,
			/// Why.
			reason: Reason,
		},
		/// A moderator muted a member: their posts in the community are refused until `until`.
		MemberMuted {
			/// The community.
			community: CommunityId,
			/// The member.
			who: T::AccountId,
			/// The first block in which they may post again.
			until: BlockNumberFor<T>,
			/// The moderator.
			by: T::AccountId,
			/// Why.
			reason: Reason,
		},
		/// A moderator ended a member's mute early.
		MemberUnmuted {
			/// The community.
			community: CommunityId,
			/// The member.
			who: T::AccountId,
			/// The moderator.
			by: T::AccountId,
			/// Why.
			reason: Reason,
		},
		/// A moderator banned an account: it cannot join or post in the community; its
		/// membership, if it had one, ended and its deposit was returned.
		Banned {
			/// The community.
			community: CommunityId,
			/// The banned account.
			who: T::AccountId,
			/// The moderator.
			by: T::AccountId,
			/// Why.
			reason: Reason,
		},
		/// A ban was lifted.
		Unbanned {
			/// The community.
			community: CommunityId,
			/// The account.
			who: T::AccountId,
			/// The moderator (or, once the community is closed, the ban's maker).
			by: T::AccountId,
			/// Why.
			reason: Reason,
		},
	}

	/// Errors of this pallet. A call that fails with one changes nothing.
	#[pallet::error]
	pub enum Error<T> {
		/// The handle has fewer than 3 characters.
		HandleTooShort,
		/// The handle has a character other than a–z, A–Z, 0–9 or `_`.
		InvalidHandleCharacter,
		/// Another community has this handle (in any letter case).
		HandleTaken,
		/// The name is not valid UTF-8.
		NameNotUtf8,
		/// The reason is not valid UTF-8.
		ReasonNotUtf8,
		/// A document CID is empty.
		EmptyCid,
		/// A document is not a CID.
		MalformedCid,
		/// A document CID's content type is not raw, dag-pb, dag-cbor or dag-json.
		UnsupportedCidCodec,
		/// A document CID's hash is not sha2-256, blake2b-256 or blake3 (32 bytes).
		UnsupportedCidHash,
		/// No open community has this id (it never existed, or it was closed).
		CommunityNotFound,
		/// Community ids are exhausted.
		CommunityIdOverflow,
		/// Only the community's owner may do this.
		NotOwner,
		/// Only the community's moderators and owner may do this.
		NotModerator,
		/// The caller was not offered the community.
		NotOfferedOwnership,
		/// The account is already a moderator, or the owner.
		AlreadyModerator,
		/// The account is not one of the community's moderators.
		NoSuchModerator,
		/// The community has `MaxModerators` moderators.
		TooManyModerators,
		/// The caller is already a member.
		AlreadyMember,
		/// The caller already asked to join; a moderator has yet to answer.
		AlreadyRequested,
		/// The account is not a member (and has no request to join).
		NotMember,
		/// The account has no request to join waiting.
		NoJoinRequest,
		/// The community has `MaxMembers` members.
		CommunityFull,
		/// The account is banned from the community.
		Banned,
		/// The account is already banned.
		AlreadyBanned,
		/// The account is not banned.
		NotBanned,
		/// A moderator muted the account in this community; it may post (and leave) again when
		/// the mute ends.
		Muted,
		/// The member is not muted.
		NotMuted,
		/// A mute must last at least one block.
		ZeroMuteDuration,
		/// A mute may last at most `MaxMuteDuration` blocks.
		MuteTooLong,
		/// Moderators act on members, not on the owner or other moderators.
		CannotModerateModerator,
		/// No post has this id.
		PostNotFound,
		/// The post was deleted.
		PostDeleted,
		/// The post is not in this community.
		PostNotInCommunity,
		/// The post is already hidden.
		AlreadyHidden,
		/// The post is not hidden.
		NotHidden,
		/// A hidden post cannot be pinned.
		PostHidden,
		/// The post is already pinned.
		AlreadyPinned,
		/// The post is not pinned.
		NotPinned,
		/// The community has `MaxPins` pinned posts.
		TooManyPins,
	}

	plaza_primitives::impl_from_cid_error!(Error);
	plaza_primitives::impl_from_handle_error!(Error);

	/// The bound of a moderator's reason, in the metadata so that apps can check it before
	/// anyone signs (a longer one does not decode).
	#[pallet::extra_constants]
	impl<T: Config> Pallet<T> {
		/// The most bytes (UTF-8) of a moderator's reason.
		#[pallet::constant_name(MaxReasonLength)]
		fn max_reason_length() -> u32 {
			crate::MAX_REASON_LEN
		}
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(
				!T::CommunityDeposit::get().is_zero()
					&& !T::MembershipDeposit::get().is_zero()
					&& !T::ModerationDeposit::get().is_zero(),
				"communities, memberships, bans and hidden posts are storage: their deposits must \
				 not be zero"
			);
			assert!(T::MaxMembers::get() > 0, "MaxMembers must allow a member");
			assert!(!T::MaxMuteDuration::get().is_zero(), "MaxMuteDuration must allow a mute");
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Creates a community owned by the caller, holding `CommunityDeposit` from it.
		///
		/// - `handle`: 3–32 characters of a–z, 0–9 and `_`, unique among communities regardless
		///   of letter case; stored lower case.
		/// - `name`: at most 64 bytes of UTF-8.
		/// - `description`, `rules`: CIDs (text form) of documents in IPFS, or `None`.
		/// - `joining`: `Open` or `Approval`; `posting`: `Anyone` or `Members`.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::create_community())]
		pub fn create_community(
			origin: OriginFor<T>,
			handle: Handle,
			name: DisplayName,
			description: Option<CidText>,
			rules: Option<CidText>,
			joining: Joining,
			posting: Posting,
		) -> DispatchResult {
			let owner = ensure_signed(origin)?;
			let handle = canonical_handle(&handle).map_err(Error::<T>::from)?;
			let settings = Self::settings(name, description, rules, joining, posting)?;
			ensure!(!CommunityHandles::<T>::contains_key(&handle), Error::<T>::HandleTaken);
			let community = NextCommunityId::<T>::get();
			let next = community.checked_add(1).ok_or(Error::<T>::CommunityIdOverflow)?;
			let deposit = T::CommunityDeposit::get();
			T::Currency::hold(&HoldReason::CommunityDeposit.into(), &owner, deposit)?;
			NextCommunityId::<T>::put(next);
			CommunityHandles::<T>::insert(&handle, community);
			Communities::<T>::insert(
				community,
				Community {
					handle: handle.clone(),
					owner: owner.clone(),
					pending_owner: None,
					settings,
					moderators: Default::default(),
					pins: Default::default(),
					members: 0,
					deposit,
				},
			);
			Self::deposit_event(Event::CommunityCreated { community, handle, owner });
			Ok(())
		}

		/// Replaces a community's name, documents and policies. Owner only. Requests to join
		/// that wait stay waiting when joining becomes open: moderators still answer them.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::update_community())]
		pub fn update_community(
			origin: OriginFor<T>,
			community: CommunityId,
			name: DisplayName,
			description: Option<CidText>,
			rules: Option<CidText>,
			joining: Joining,
			posting: Posting,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let mut record = Self::owned(community, &who)?;
			record.settings = Self::settings(name, description, rules, joining, posting)?;
			Communities::<T>::insert(community, record);
			Self::deposit_event(Event::CommunityUpdated { community });
			Ok(())
		}

		/// Offers the community to `to`, who becomes its owner by `accept_ownership`; `None`
		/// withdraws the offer. Owner only.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::transfer_ownership())]
		pub fn transfer_ownership(
			origin: OriginFor<T>,
			community: CommunityId,
			to: Option<T::AccountId>,
		) -> DispatchResult {
			let owner = ensure_signed(origin)?;
			let mut record = Self::owned(community, &owner)?;
			record.pending_owner = to.clone();
			Communities::<T>::insert(community, record);
			Self::deposit_event(Event::OwnershipOffered { community, owner, to });
			Ok(())
		}

		/// Accepts the community the owner offered the caller: the caller holds
		/// `CommunityDeposit` now and the former owner gets its deposit back. A moderator who
		/// becomes the owner leaves the moderators' list (the owner moderates anyway).
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::accept_ownership())]
		pub fn accept_ownership(origin: OriginFor<T>, community: CommunityId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let mut record = Self::open(community)?;
			ensure!(record.pending_owner.as_ref() == Some(&who), Error::<T>::NotOfferedOwnership);
			let deposit = T::CommunityDeposit::get();
			T::Currency::hold(&HoldReason::CommunityDeposit.into(), &who, deposit)?;
			Self::release(HoldReason::CommunityDeposit, &record.owner, record.deposit);
			let from = core::mem::replace(&mut record.owner, who.clone());
			record.pending_owner = None;
			record.deposit = deposit;
			record.moderators.retain(|m| m != &who);
			Communities::<T>::insert(community, record);
			Self::deposit_event(Event::OwnershipTransferred { community, from, to: who });
			Ok(())
		}

		/// Closes a community: its record, handle, moderators and pins go and the owner gets its
		/// deposit back. Nobody can join or post in it any more. Members keep their records
		/// until they `leave` (which returns their deposits); a ban's or a hidden post's maker
		/// may lift it to get its deposit back.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::close_community())]
		pub fn close_community(origin: OriginFor<T>, community: CommunityId) -> DispatchResult {
			let owner = ensure_signed(origin)?;
			let record = Self::owned(community, &owner)?;
			Self::release(HoldReason::CommunityDeposit, &owner, record.deposit);
			CommunityHandles::<T>::remove(&record.handle);
			Communities::<T>::remove(community);
			Self::deposit_event(Event::CommunityClosed { community, owner });
			Ok(())
		}

		/// Makes `who` a moderator. Owner only; at most `MaxModerators`.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::add_moderator())]
		pub fn add_moderator(
			origin: OriginFor<T>,
			community: CommunityId,
			who: T::AccountId,
		) -> DispatchResult {
			let owner = ensure_signed(origin)?;
			let mut record = Self::owned(community, &owner)?;
			ensure!(
				who != record.owner && !record.moderators.contains(&who),
				Error::<T>::AlreadyModerator
			);
			record.moderators.try_push(who.clone()).map_err(|_| Error::<T>::TooManyModerators)?;
			Communities::<T>::insert(community, record);
			Self::deposit_event(Event::ModeratorAdded { community, moderator: who });
			Ok(())
		}

		/// Removes `who` from the moderators: by the owner, or by `who` itself (resigning).
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::remove_moderator())]
		pub fn remove_moderator(
			origin: OriginFor<T>,
			community: CommunityId,
			who: T::AccountId,
		) -> DispatchResult {
			let caller = ensure_signed(origin)?;
			let mut record = Self::open(community)?;
			ensure!(caller == record.owner || caller == who, Error::<T>::NotOwner);
			let index = record
				.moderators
				.iter()
				.position(|m| m == &who)
				.ok_or(Error::<T>::NoSuchModerator)?;
			record.moderators.remove(index);
			Communities::<T>::insert(community, record);
			Self::deposit_event(Event::ModeratorRemoved { community, moderator: who });
			Ok(())
		}

		/// Joins a community, holding `MembershipDeposit` from the caller: at once in an open
		/// community (at most `MaxMembers`), as a request a moderator answers in one that
		/// approves its members.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::join())]
		pub fn join(origin: OriginFor<T>, community: CommunityId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let mut record = Self::open(community)?;
			ensure!(!Bans::<T>::contains_key(community, &who), Error::<T>::Banned);
			if let Some(existing) = Memberships::<T>::get(community, &who) {
				let error = if existing.approved {
					Error::<T>::AlreadyMember
				} else {
					Error::<T>::AlreadyRequested
				};
				return Err(error.into());
			}
			let approved = record.settings.joining == Joining::Open;
			if approved {
				ensure!(record.members < T::MaxMembers::get(), Error::<T>::CommunityFull);
			}
			let deposit = T::MembershipDeposit::get();
			T::Currency::hold(&HoldReason::MembershipDeposit.into(), &who, deposit)?;
			Memberships::<T>::insert(
				community,
				&who,
				Membership { approved, muted_until: None, deposit },
			);
			if approved {
				record.members.saturating_inc();
				Communities::<T>::insert(community, record);
				Self::deposit_event(Event::Joined { community, who });
			} else {
				Self::deposit_event(Event::JoinRequested { community, who });
			}
			Ok(())
		}

		/// Leaves a community, or withdraws a request to join, and returns the deposit. Works on
		/// a closed community too. A muted member may leave once the mute ends.
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::leave())]
		pub fn leave(origin: OriginFor<T>, community: CommunityId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let membership = Memberships::<T>::get(community, &who).ok_or(Error::<T>::NotMember)?;
			ensure!(!Self::is_muted(&membership), Error::<T>::Muted);
			Self::end_membership(community, &who, membership);
			Self::deposit_event(Event::Left { community, who });
			Ok(())
		}

		/// Approves `who`'s request to join. Moderators only; at most `MaxMembers`.
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::approve_member())]
		pub fn approve_member(
			origin: OriginFor<T>,
			community: CommunityId,
			who: T::AccountId,
		) -> DispatchResult {
			let by = ensure_signed(origin)?;
			let mut record = Self::moderated_by(community, &by)?;
			let mut membership = Self::join_request(community, &who)?;
			ensure!(record.members < T::MaxMembers::get(), Error::<T>::CommunityFull);
			membership.approved = true;
			Memberships::<T>::insert(community, &who, membership);
			record.members.saturating_inc();
			Communities::<T>::insert(community, record);
			Self::deposit_event(Event::MemberApproved { community, who, by });
			Ok(())
		}

		/// Rejects `who`'s request to join and returns its deposit. Moderators only.
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::reject_member())]
		pub fn reject_member(
			origin: OriginFor<T>,
			community: CommunityId,
			who: T::AccountId,
		) -> DispatchResult {
			let by = ensure_signed(origin)?;
			Self::moderated_by(community, &by)?;
			let membership = Self::join_request(community, &who)?;
			Self::end_membership(community, &who, membership);
			Self::deposit_event(Event::MemberRejected { community, who, by });
			Ok(())
		}

		/// Hides a post of the community from its feeds (it stays on chain and on its author's
		/// page), unpinning it if pinned, and holds `ModerationDeposit` from the moderator until
		/// it is unhidden. Moderators only.
		///
		/// Charged for `Config::OnPostHidden`'s most expensive case; what it did not use is
		/// refunded.
		#[pallet::call_index(11)]
		#[pallet::weight(T::WeightInfo::hide_post().saturating_add(T::OnPostHidden::weight()))]
		pub fn hide_post(
			origin: OriginFor<T>,
			community: CommunityId,
			post_id: PostId,
			reason: Reason,
		) -> DispatchResultWithPostInfo {
			let by = ensure_signed(origin)?;
			Self::check_reason(&reason)?;
			let mut record = Self::moderated_by(community, &by)?;
			let post = Self::community_post(community, post_id)?;
			ensure!(!HiddenPosts::<T>::contains_key(post_id), Error::<T>::AlreadyHidden);
			let deposit = T::ModerationDeposit::get();
			T::Currency::hold(&HoldReason::ModerationDeposit.into(), &by, deposit)?;
			HiddenPosts::<T>::insert(
				post_id,
				Hidden { community, action: ModeratorAction { by: by.clone(), deposit } },
			);
			if let Some(index) = record.pins.iter().position(|p| *p == post_id) {
				record.pins.remove(index);
				Communities::<T>::insert(community, record);
				Self::deposit_event(Event::PostUnpinned {
					community,
					post_id,
					by: by.clone(),
					reason: reason.clone(),
				});
			}
			Self::deposit_event(Event::PostHidden { community, post_id, by, reason });
			let observed = T::OnPostHidden::on_post_hidden(post_id, &post.author);
			Ok(Some(T::WeightInfo::hide_post().saturating_add(observed)).into())
		}

		/// Makes a hidden post visible again and returns the deposit to whoever hid it.
		/// Moderators only; once the community is closed, whoever hid it.
		#[pallet::call_index(12)]
		#[pallet::weight(T::WeightInfo::unhide_post())]
		pub fn unhide_post(
			origin: OriginFor<T>,
			community: CommunityId,
			post_id: PostId,
			reason: Reason,
		) -> DispatchResult {
			let by = ensure_signed(origin)?;
			Self::check_reason(&reason)?;
			let hidden = HiddenPosts::<T>::get(post_id)
				.filter(|h| h.community == community)
				.ok_or(Error::<T>::NotHidden)?;
			Self::ensure_may_undo(community, &by, &hidden.action)?;
			Self::release(HoldReason::ModerationDeposit, &hidden.action.by, hidden.action.deposit);
			HiddenPosts::<T>::remove(post_id);
			Self::deposit_event(Event::PostUnhidden { community, post_id, by, reason });
			Ok(())
		}

		/// Pins a post of the community (not hidden, not deleted). Moderators only; at most
		/// `MaxPins`.
		#[pallet::call_index(13)]
		#[pallet::weight(T::WeightInfo::pin_post())]
		pub fn pin_post(
			origin: OriginFor<T>,
			community: CommunityId,
			post_id: PostId,
			reason: Reason,
		) -> DispatchResult {
			let by = ensure_signed(origin)?;
			Self::check_reason(&reason)?;
			let mut record = Self::moderated_by(community, &by)?;
			Self::community_post(community, post_id)?;
			ensure!(!HiddenPosts::<T>::contains_key(post_id), Error::<T>::PostHidden);
			ensure!(!record.pins.contains(&post_id), Error::<T>::AlreadyPinned);
			record.pins.try_push(post_id).map_err(|_| Error::<T>::TooManyPins)?;
			Communities::<T>::insert(community, record);
			Self::deposit_event(Event::PostPinned { community, post_id, by, reason });
			Ok(())
		}

		/// Unpins a post. Moderators only.
		#[pallet::call_index(14)]
		#[pallet::weight(T::WeightInfo::unpin_post())]
		pub fn unpin_post(
			origin: OriginFor<T>,
			community: CommunityId,
			post_id: PostId,
			reason: Reason,
		) -> DispatchResult {
			let by = ensure_signed(origin)?;
			Self::check_reason(&reason)?;
			let mut record = Self::moderated_by(community, &by)?;
			let index =
				record.pins.iter().position(|p| *p == post_id).ok_or(Error::<T>::NotPinned)?;
			record.pins.remove(index);
			Communities::<T>::insert(community, record);
			Self::deposit_event(Event::PostUnpinned { community, post_id, by, reason });
			Ok(())
		}

		/// Mutes a member for `duration` blocks (1 to `MaxMuteDuration`, replacing any mute it
		/// has): its posts and replies in the community are refused, and it cannot leave to
		/// escape the mute. Moderators only, on members who are neither moderators nor the owner.
		#[pallet::call_index(15)]
		#[pallet::weight(T::WeightInfo::mute_member())]
		pub fn mute_member(
			origin: OriginFor<T>,
			community: CommunityId,
			who: T::AccountId,
			duration: BlockNumberFor<T>,
			reason: Reason,
		) -> DispatchResult {
			let by = ensure_signed(origin)?;
			Self::check_reason(&reason)?;
			ensure!(!duration.is_zero(), Error::<T>::ZeroMuteDuration);
			ensure!(duration <= T::MaxMuteDuration::get(), Error::<T>::MuteTooLong);
			let record = Self::moderated_by(community, &by)?;
			Self::ensure_not_moderator(&record, &who)?;
			let mut membership = Memberships::<T>::get(community, &who)
				.filter(|m| m.approved)
				.ok_or(Error::<T>::NotMember)?;
			let until = frame_system::Pallet::<T>::block_number().saturating_add(duration);
			membership.muted_until = Some(until);
			Memberships::<T>::insert(community, &who, membership);
			Self::deposit_event(Event::MemberMuted { community, who, until, by, reason });
			Ok(())
		}

		/// Ends a member's mute early. Moderators only.
		#[pallet::call_index(16)]
		#[pallet::weight(T::WeightInfo::unmute_member())]
		pub fn unmute_member(
			origin: OriginFor<T>,
			community: CommunityId,
			who: T::AccountId,
			reason: Reason,
		) -> DispatchResult {
			let by = ensure_signed(origin)?;
			Self::check_reason(&reason)?;
			Self::moderated_by(community, &by)?;
			let mut membership = Memberships::<T>::get(community, &who)
				.filter(|m| Self::is_muted(m))
				.ok_or(Error::<T>::NotMuted)?;
			membership.muted_until = None;
			Memberships::<T>::insert(community, &who, membership);
			Self::deposit_event(Event::MemberUnmuted { community, who, by, reason });
			Ok(())
		}

		/// Bans an account from the community: it cannot join or post there. Its membership or
		/// request ends and its deposit is returned; `ModerationDeposit` is held from the
		/// moderator until the ban is lifted. Moderators only, not on moderators or the owner.
		#[pallet::call_index(17)]
		#[pallet::weight(T::WeightInfo::ban())]
		pub fn ban(
			origin: OriginFor<T>,
			community: CommunityId,
			who: T::AccountId,
			reason: Reason,
		) -> DispatchResult {
			let by = ensure_signed(origin)?;
			Self::check_reason(&reason)?;
			let record = Self::moderated_by(community, &by)?;
			Self::ensure_not_moderator(&record, &who)?;
			ensure!(!Bans::<T>::contains_key(community, &who), Error::<T>::AlreadyBanned);
			let deposit = T::ModerationDeposit::get();
			T::Currency::hold(&HoldReason::ModerationDeposit.into(), &by, deposit)?;
			if let Some(membership) = Memberships::<T>::get(community, &who) {
				Self::end_membership(community, &who, membership);
			}
			Bans::<T>::insert(community, &who, ModeratorAction { by: by.clone(), deposit });
			Self::deposit_event(Event::Banned { community, who, by, reason });
			Ok(())
		}

		/// Lifts a ban and returns the deposit to whoever banned. Moderators only; once the
		/// community is closed, whoever banned.
		#[pallet::call_index(18)]
		#[pallet::weight(T::WeightInfo::unban())]
		pub fn unban(
			origin: OriginFor<T>,
			community: CommunityId,
			who: T::AccountId,
			reason: Reason,
		) -> DispatchResult {
			let by = ensure_signed(origin)?;
			Self::check_reason(&reason)?;
			let ban = Bans::<T>::get(community, &who).ok_or(Error::<T>::NotBanned)?;
			Self::ensure_may_undo(community, &by, &ban)?;
			Self::release(HoldReason::ModerationDeposit, &ban.by, ban.deposit);
			Bans::<T>::remove(community, &who);
			Self::deposit_event(Event::Unbanned { community, who, by, reason });
			Ok(())
		}
	}

	impl<T: Config> Pallet<T> {
		/// The open community `community`.
		fn open(community: CommunityId) -> Result<CommunityOf<T>, Error<T>> {
			Communities::<T>::get(community).ok_or(Error::<T>::CommunityNotFound)
		}

		/// The open community `community`, if `who` owns it.
		fn owned(community: CommunityId, who: &T::AccountId) -> Result<CommunityOf<T>, Error<T>> {
			let record = Self::open(community)?;
			ensure!(&record.owner == who, Error::<T>::NotOwner);
			Ok(record)
		}

		/// The open community `community`, if `who` moderates it (the owner does).
		fn moderated_by(
			community: CommunityId,
			who: &T::AccountId,
		) -> Result<CommunityOf<T>, Error<T>> {
			let record = Self::open(community)?;
			ensure!(Self::moderates(&record, who), Error::<T>::NotModerator);
			Ok(record)
		}

		/// Whether `who` is `record`'s owner or one of its moderators.
		pub fn moderates(record: &CommunityOf<T>, who: &T::AccountId) -> bool {
			&record.owner == who || record.moderators.contains(who)
		}

		/// Refuses to act on the owner or a moderator.
		fn ensure_not_moderator(record: &CommunityOf<T>, who: &T::AccountId) -> DispatchResult {
			ensure!(!Self::moderates(record, who), Error::<T>::CannotModerateModerator);
			Ok(())
		}

		/// Whether `by` may undo `action` in `community`: a moderator of the open community, or,
		/// once it is closed, the action's maker.
		fn ensure_may_undo(
			community: CommunityId,
			by: &T::AccountId,
			action: &BanOf<T>,
		) -> DispatchResult {
			match Communities::<T>::get(community) {
				Some(record) => ensure!(Self::moderates(&record, by), Error::<T>::NotModerator),
				None => ensure!(&action.by == by, Error::<T>::NotModerator),
			}
			Ok(())
		}

		/// `who`'s request to join `community`, waiting for a moderator.
		fn join_request(
			community: CommunityId,
			who: &T::AccountId,
		) -> Result<MembershipOf<T>, Error<T>> {
			Memberships::<T>::get(community, who)
				.filter(|m| !m.approved)
				.ok_or(Error::<T>::NoJoinRequest)
		}

		/// The post `post_id`, if it exists, is not deleted and is in `community`.
		fn community_post(
			community: CommunityId,
			post_id: PostId,
		) -> Result<PostRef<T::AccountId>, DispatchError> {
			let post = T::Posts::post_ref(post_id).ok_or(Error::<T>::PostNotFound)?;
			ensure!(!post.deleted, Error::<T>::PostDeleted);
			ensure!(
				T::Posts::community_of(post_id) == Some(community),
				Error::<T>::PostNotInCommunity
			);
			Ok(post)
		}

		/// Whether a mute on `membership` lasts into the current block.
		pub(crate) fn is_muted(membership: &MembershipOf<T>) -> bool {
			membership
				.muted_until
				.is_some_and(|until| frame_system::Pallet::<T>::block_number() < until)
		}

		/// Removes `who`'s membership or request, returning its deposit and counting one member
		/// less if it was a member of a community still open.
		fn end_membership(community: CommunityId, who: &T::AccountId, membership: MembershipOf<T>) {
			Memberships::<T>::remove(community, who);
			Self::release(HoldReason::MembershipDeposit, who, membership.deposit);
			if membership.approved {
				Communities::<T>::mutate(community, |record| {
					if let Some(record) = record {
						record.members.saturating_dec();
					}
				});
			}
		}

		/// Returns `amount` held from `who` for `reason` (at most what is held: a deposit is
		/// recorded when held, so all of it is there).
		fn release(reason: HoldReason, who: &T::AccountId, amount: BalanceOf<T>) {
			let _ = T::Currency::release(&reason.into(), who, amount, Precision::BestEffort);
		}

		/// A reason must be UTF-8 (the type bounds its length).
		fn check_reason(reason: &Reason) -> DispatchResult {
			ensure!(core::str::from_utf8(reason).is_ok(), Error::<T>::ReasonNotUtf8);
			Ok(())
		}

		/// A community's settings from a call's arguments, the name and documents checked.
		fn settings(
			name: DisplayName,
			description: Option<CidText>,
			rules: Option<CidText>,
			joining: Joining,
			posting: Posting,
		) -> Result<Settings, Error<T>> {
			ensure!(core::str::from_utf8(&name).is_ok(), Error::<T>::NameNotUtf8);
			let parse = |text: Option<CidText>| {
				text.map(|text| ContentId::parse(&text)).transpose().map_err(Error::<T>::from)
			};
			Ok(Settings {
				name,
				description: parse(description)?,
				rules: parse(rules)?,
				joining,
				posting,
			})
		}
	}
}

impl<T: Config> CommunityGate<T::AccountId> for Pallet<T> {
	fn ensure_can_post(community: CommunityId, who: &T::AccountId) -> sp_runtime::DispatchResult {
		let record = Communities::<T>::get(community).ok_or(Error::<T>::CommunityNotFound)?;
		frame_support::ensure!(!Bans::<T>::contains_key(community, who), Error::<T>::Banned);
		let membership = Memberships::<T>::get(community, who).filter(|m| m.approved);
		if let Some(membership) = &membership {
			frame_support::ensure!(!Self::is_muted(membership), Error::<T>::Muted);
		}
		if record.settings.posting == Posting::Members {
			frame_support::ensure!(
				membership.is_some() || Self::moderates(&record, who),
				Error::<T>::NotMember
			);
		}
		Ok(())
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn create_community_for_benchmark(who: &T::AccountId) -> CommunityId {
		benchmarking::community_with_member::<T>(who)
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn add_poster_for_benchmark(community: CommunityId, who: &T::AccountId) {
		benchmarking::join_as_member::<T>(community, who)
	}
}
