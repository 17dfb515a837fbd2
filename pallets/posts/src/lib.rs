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

use alloc::vec::Vec;
use frame_support::traits::fungible::{Inspect, Mutate, MutateHold};
use plaza_primitives::{
	BlockList, CidText, CommunityGate, CommunityId, ContentId, DepositPayer, PostId, PostRef,
	PostsInspect,
};

/// The balance type of the currency post deposits are held in.
pub type BalanceOf<T> =
	<<T as Config>::Currency as Inspect<<T as frame_system::Config>::AccountId>>::Balance;

/// A post as this runtime stores it.
pub type PostOf<T> = Post<<T as frame_system::Config>::AccountId, BalanceOf<T>>;

/// An account's actions in the rate limit's window, as this runtime stores them.
pub type RecentActionsOf<T> = RecentActionCounts<
	frame_system::pallet_prelude::BlockNumberFor<T>,
	<T as Config>::MaxPostsPerWindow,
>;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::pallet_prelude::*;
	use frame_system::pallet_prelude::*;
	use sp_runtime::traits::{Saturating, Zero};

	/// The in-code storage version.
	///
	/// 1: `RateWindows` (one fixed window per account) became `RecentActions` (a sliding window).
	/// 2: `PostsByAuthor` is retired (the social index serves an author's posts); `on_idle`
	/// removes its entries, from `RetiredIndexCursor` on.
	pub const STORAGE_VERSION: StorageVersion = StorageVersion::new(2);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// The pallet's configuration.
	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The currency post deposits are held in.
		type Currency: MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>
			+ Mutate<Self::AccountId>;

		/// The runtime's hold reasons, which include this pallet's.
		type RuntimeHoldReason: From<HoldReason>;

		/// What is held from the author for each post and repost while it exists.
		#[pallet::constant]
		type PostDeposit: Get<BalanceOf<Self>>;

		/// What of `PostDeposit` stays held while a deleted post is kept as a tombstone (it has
		/// replies): the tombstone's record and its entry among its parent's replies.
		#[pallet::constant]
		type TombstoneDeposit: Get<BalanceOf<Self>>;

		/// The largest body, in bytes, a post may reference.
		#[pallet::constant]
		type MaxBodySize: Get<u32>;

		/// The deepest a reply may be in its thread (a reply to an original post is at depth 1).
		#[pallet::constant]
		type MaxThreadDepth: Get<u8>;

		/// The rate limit's window, in blocks.
		#[pallet::constant]
		type RateLimitWindow: Get<BlockNumberFor<Self>>;

		/// The most posts, replies, reposts, edits and reports together an account may make in
		/// any `RateLimitWindow` consecutive blocks. Failed calls do not count.
		#[pallet::constant]
		type MaxPostsPerWindow: Get<u32>;

		/// Who pays a new post's deposit: an app posting for its author pays it (and gets it
		/// back when the post goes), otherwise the author.
		type DepositPayer: DepositPayer<Self::AccountId, Self::RuntimeHoldReason, BalanceOf<Self>>;

		/// Who may post in which community: asked before a post goes into one and before a
		/// reply goes into one's thread.
		type Communities: CommunityGate<Self::AccountId>;

		/// Whom people block: asked before a reply (of the post answered and of its thread's
		/// root) and before a repost (of the original), so that a blocked account cannot reply
		/// to or repost its blocker.
		type Blocks: BlockList<Self::AccountId>;

		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;
	}

	/// Why this pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// The deposits of an account's posts and reposts.
		PostDeposit,
	}

	/// The id the next post gets.
	///
	/// Every post writes it, so it is whitelisted in benchmarks (as System's per-block counters
	/// are) and its one commit per block is charged in `on_initialize` instead.
	#[pallet::storage]
	#[pallet::whitelist_storage]
	pub type NextPostId<T: Config> = StorageValue<_, PostId, ValueQuery>;

	/// Every post by id; a deleted post with replies as a tombstone (deleted posts with nothing
	/// below them are removed).
	#[pallet::storage]
	pub type Posts<T: Config> = StorageMap<_, Twox64Concat, PostId, PostOf<T>, OptionQuery>;

	/// Replies by parent, tombstones included: iterating with a post as prefix pages through its
	/// direct replies.
	#[pallet::storage]
	pub type Replies<T: Config> =
		StorageDoubleMap<_, Twox64Concat, PostId, Twox64Concat, PostId, (), OptionQuery>;

	/// The community each original post posted into one is in; its replies are in their
	/// root's. Goes with the post (tombstones keep it).
	#[pallet::storage]
	pub type PostCommunity<T: Config> =
		StorageMap<_, Twox64Concat, PostId, CommunityId, OptionQuery>;

	/// Live reposts: (original, reposter) → the repost's id.
	#[pallet::storage]
	pub type Reposts<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		PostId,
		Blake2_128Concat,
		T::AccountId,
		PostId,
		OptionQuery,
	>;

	/// The app that paid a post's deposit, for a post an app created for its author; the
	/// deposit goes back to it when the post (or its tombstone) goes. Posts their authors paid
	/// for have no entry.
	#[pallet::storage]
	pub type DepositPayers<T: Config> =
		StorageMap<_, Twox64Concat, PostId, T::AccountId, OptionQuery>;

	/// What each account did in the last `RateLimitWindow` blocks, for the rate limit: the
	/// blocks it posted or edited in and how many times, oldest first. An account whose actions
	/// are all older than the window has no entry: the next post replaces a stale one, and
	/// `on_idle` sweeps the rest away.
	#[pallet::storage]
	pub type RecentActions<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, RecentActionsOf<T>, OptionQuery>;

	/// Where `on_idle`'s sweep of stale `RecentActions` entries goes on from: the last key it
	/// looked at, or nothing to start over from the first.
	#[pallet::storage]
	pub type SweepCursor<T: Config> = StorageValue<_, SweepKey, OptionQuery>;

	/// While set, `on_idle` is removing the entries of the retired `PostsByAuthor` index
	/// (storage version 2): the cursor the last removal returned, empty before the first.
	#[pallet::storage]
	pub type RetiredIndexCursor<T: Config> = StorageValue<_, SweepKey, OptionQuery>;

	/// Events of this pallet.
	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A post or reply was created.
		PostCreated {
			/// Its id.
			post_id: PostId,
			/// Its author.
			author: T::AccountId,
			/// The post it answers, for a reply.
			reply_to: Option<PostId>,
			/// The CID of its body.
			content: ContentId,
			/// The body's length in bytes.
			body_size: u32,
			/// The app that created it for its author (and paid its deposit), if one did.
			via: Option<T::AccountId>,
			/// The community it was posted in (for a reply, its thread's), if any.
			community: Option<CommunityId>,
		},
		/// A post's body was replaced.
		PostEdited {
			/// The post.
			post_id: PostId,
			/// The CID of the body it had.
			old_content: ContentId,
			/// The CID of the body it has now.
			new_content: ContentId,
			/// The new body's length in bytes.
			body_size: u32,
			/// Its revision number now (1 after the first edit).
			revision: u32,
		},
		/// A post was deleted by its author: removed, or kept as a tombstone if it has replies.
		PostDeleted {
			/// The post.
			post_id: PostId,
			/// Its author.
			author: T::AccountId,
		},
		/// A tombstone was removed, its last reply or repost gone; its deposit was returned.
		TombstoneRemoved {
			/// The deleted post the tombstone kept.
			post_id: PostId,
			/// Its author, whose deposit was returned.
			author: T::AccountId,
		},
		/// A post was reposted.
		Reposted {
			/// The repost's own id.
			post_id: PostId,
			/// The post reposted.
			original: PostId,
			/// Who reposted it.
			author: T::AccountId,
			/// The app that reposted it for its author (and paid its deposit), if one did.
			via: Option<T::AccountId>,
		},
		/// Someone reported a post to its community's moderators and to the apps that read
		/// reports (the social index keeps them).
		PostReported {
			/// The post reported.
			post_id: PostId,
			/// Who reported it.
			reporter: T::AccountId,
			/// Why.
			reason: ReportReason,
			/// The CID of a note in IPFS that says more, if the reporter wrote one.
			note: Option<ContentId>,
			/// The community the post is in (for a reply, its thread's), if any.
			community: Option<CommunityId>,
		},
	}

	/// Errors of this pallet. A call that fails with one changes nothing.
	#[pallet::error]
	pub enum Error<T> {
		/// The content CID is empty.
		EmptyCid,
		/// The content is not a CID.
		MalformedCid,
		/// The CID's content type is not raw, dag-pb, dag-cbor or dag-json.
		UnsupportedCidCodec,
		/// The CID's hash is not sha2-256, blake2b-256 or blake3 (32 bytes).
		UnsupportedCidHash,
		/// The body is larger than `MaxBodySize`.
		BodyTooLarge,
		/// No post has this id.
		PostNotFound,
		/// The post was deleted.
		PostDeleted,
		/// No post has the id the reply answers.
		ParentNotFound,
		/// The post the reply answers was deleted.
		ParentDeleted,
		/// Replies go to posts, not to reposts.
		CannotReplyToRepost,
		/// The reply would be deeper in its thread than `MaxThreadDepth`.
		ThreadTooDeep,
		/// Only the post's author may do this.
		NotAuthor,
		/// A repost has no body to edit.
		CannotEditRepost,
		/// Repost the original post instead.
		CannotRepostRepost,
		/// The caller already reposted this post.
		AlreadyReposted,
		/// The caller made `MaxPostsPerWindow` posts and edits in the last `RateLimitWindow`
		/// blocks (or this call would take it past that).
		RateLimited,
		/// Post ids are exhausted.
		PostIdOverflow,
		/// `create_posts` was given no post.
		NoPosts,
		/// Authors cannot report their own posts: delete or edit them.
		CannotReportOwnPost,
		/// A repost has no content of its own: report the original.
		CannotReportRepost,
	}

	plaza_primitives::impl_from_cid_error!(Error);

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		/// Charges reading and committing `NextPostId` once per block: posts leave it out of
		/// their own weight, since however many a block holds, the key reaches the database once.
		fn on_initialize(_: BlockNumberFor<T>) -> Weight {
			T::DbWeight::get().reads_writes(1, 1)
		}

		/// Removes stale `RecentActions` entries with what the block has left, at most
		/// [`MAX_SWEPT_PER_BLOCK`] per block, going on where the last block stopped; then, until
		/// none is left, entries of the retired `PostsByAuthor` index, at most
		/// [`MAX_RETIRED_REMOVED_PER_BLOCK`] per block.
		fn on_idle(now: BlockNumberFor<T>, remaining: Weight) -> Weight {
			let swept = Self::sweep_recent_actions(now, remaining);
			swept.saturating_add(Self::remove_retired_index(remaining.saturating_sub(swept)))
		}

		fn integrity_test() {
			assert!(
				T::MaxPostsPerWindow::get() > 0,
				"MaxPostsPerWindow must allow a post: create_posts takes up to that many"
			);
			assert!(
				!T::RateLimitWindow::get().is_zero(),
				"RateLimitWindow must be at least one block"
			);
			assert!(T::MaxThreadDepth::get() > 0, "MaxThreadDepth must allow replies");
			assert!(
				T::TombstoneDeposit::get() <= T::PostDeposit::get(),
				"a tombstone cannot hold more than its post did"
			);
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Creates a post, or a reply when `reply_to` names the post it answers.
		///
		/// - `content`: the CID of the body in IPFS, in the text form users paste (`Qm…`,
		///   `bafy…`, `bafk…`).
		/// - `size`: the body's length in bytes, at most `MaxBodySize`.
		///
		/// Holds `PostDeposit` from the author until the post is deleted.
		#[pallet::call_index(0)]
		#[pallet::weight(match reply_to {
			None => T::WeightInfo::create_post(),
			Some(_) => T::WeightInfo::create_reply(),
		})]
		pub fn create_post(
			origin: OriginFor<T>,
			content: CidText,
			size: u32,
			reply_to: Option<PostId>,
		) -> DispatchResultWithPostInfo {
			let author = ensure_signed(origin)?;
			let content = Self::parse_body(&content, size)?;
			match reply_to {
				None => Self::create_original(author, content, size, None),
				Some(parent) => Self::create_reply(author, content, size, parent),
			}
		}

		/// Replaces a post's body. Author only; bumps the post's revision. Counts against the
		/// rate limit like a post.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::edit_post())]
		pub fn edit_post(
			origin: OriginFor<T>,
			post_id: PostId,
			content: CidText,
			size: u32,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let new_content = Self::parse_body(&content, size)?;
			let mut post = Self::own_live_post(&who, post_id)?;
			let old_content =
				post.content.replace(new_content.clone()).ok_or(Error::<T>::CannotEditRepost)?;
			Self::count_against_rate_limit(&who, 1)?;
			post.body_size = size;
			post.revision.saturating_inc();
			let revision = post.revision;
			Posts::<T>::insert(post_id, post);
			Self::deposit_event(Event::PostEdited {
				post_id,
				old_content,
				new_content,
				body_size: size,
				revision,
			});
			Ok(())
		}

		/// Deletes a post (or repost). Author only.
		///
		/// A post with nothing below it (no replies, no reposts) is removed entirely and its whole
		/// deposit returned; so is every deleted post above it that this leaves with nothing below
		/// (up to the thread's root). A post with replies or reposts stays as a tombstone, its
		/// body's CID cleared, so that they keep their thread: it returns its deposit but
		/// `TombstoneDeposit`, which stays held until the tombstone goes.
		///
		/// Charged for removing tombstones all the way up a thread of `MaxThreadDepth`; refunded
		/// to the tombstones it did remove.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::delete_post(T::MaxThreadDepth::get().into()))]
		pub fn delete_post(origin: OriginFor<T>, post_id: PostId) -> DispatchResultWithPostInfo {
			let author = ensure_signed(origin)?;
			let mut post = Self::own_live_post(&author, post_id)?;
			let counted_on = match post.kind {
				PostKind::Reply { parent, .. } => Some(parent),
				PostKind::Repost { original } => {
					Reposts::<T>::remove(original, &author);
					Some(original)
				},
				PostKind::Original => None,
			};
			if let Some(counted_on) = counted_on {
				Posts::<T>::mutate(counted_on, |p| {
					if let Some(p) = p {
						match post.kind {
							PostKind::Reply { .. } => p.replies.saturating_dec(),
							_ => p.reposts.saturating_dec(),
						}
					}
				});
			}
			let mut tombstones_removed = 0;
			if Self::has_nothing_below(post_id, &post) {
				Self::release_deposit(post_id, &author, post.deposit)?;
				Self::remove_post(post_id);
				Self::deposit_event(Event::PostDeleted { post_id, author });
				tombstones_removed = match post.kind {
					PostKind::Reply { parent, .. } => {
						Replies::<T>::remove(parent, post_id);
						Self::remove_bare_tombstones(parent)?
					},
					PostKind::Repost { original } => Self::remove_bare_tombstones(original)?,
					PostKind::Original => 0,
				};
			} else {
				let kept = post.deposit.min(T::TombstoneDeposit::get());
				Self::release_deposit(post_id, &author, post.deposit.saturating_sub(kept))?;
				post.content = None;
				post.body_size = 0;
				post.deleted = true;
				post.deposit = kept;
				Posts::<T>::insert(post_id, post);
				Self::deposit_event(Event::PostDeleted { post_id, author });
			}
			Ok(Some(T::WeightInfo::delete_post(tombstones_removed)).into())
		}

		/// Reposts `post_id`: a post of its own that points at the original and is counted on it.
		/// Holds `PostDeposit` like a post, and counts against the rate limit.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::repost())]
		pub fn repost(origin: OriginFor<T>, post_id: PostId) -> DispatchResultWithPostInfo {
			let author = ensure_signed(origin)?;
			let mut original = Posts::<T>::get(post_id).ok_or(Error::<T>::PostNotFound)?;
			ensure!(!original.deleted, Error::<T>::PostDeleted);
			ensure!(
				!matches!(original.kind, PostKind::Repost { .. }),
				Error::<T>::CannotRepostRepost
			);
			ensure!(!Reposts::<T>::contains_key(post_id, &author), Error::<T>::AlreadyReposted);
			T::Blocks::ensure_no_block(&original.author, &author)?;

			let (repost_id, deposit, via) = Self::reserve_posts(&author, 1)?;
			Self::store_post(
				&author,
				repost_id,
				PostKind::Repost { original: post_id },
				None,
				0,
				deposit,
				&via,
			);
			original.reposts.saturating_inc();
			Posts::<T>::insert(post_id, original);
			Reposts::<T>::insert(post_id, &author, repost_id);
			let actual = Self::actual_weight(T::WeightInfo::repost(), &via, 1);
			Self::deposit_event(Event::Reposted {
				post_id: repost_id,
				original: post_id,
				author,
				via,
			});
			Ok(actual)
		}

		/// Creates several original posts at once, in order, with consecutive ids: what
		/// `create_post` with no `reply_to` does for each of `posts`, with one signature, one
		/// rate-limit update and one deposit hold for all of them. At most `MaxPostsPerWindow`
		/// posts (a longer list does not decode), all or none: if any is refused, nothing is
		/// created.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::create_posts((posts.len() as u32).max(1)))]
		pub fn create_posts(
			origin: OriginFor<T>,
			posts: BoundedVec<NewPost, T::MaxPostsPerWindow>,
		) -> DispatchResultWithPostInfo {
			let author = ensure_signed(origin)?;
			ensure!(!posts.is_empty(), Error::<T>::NoPosts);
			let count = posts.len() as u32;
			let bodies = posts
				.into_iter()
				.map(|NewPost { content, size }| Ok((Self::parse_body(&content, size)?, size)))
				.collect::<Result<Vec<_>, Error<T>>>()?;

			let (first_id, deposit, via) = Self::reserve_posts(&author, count)?;
			let actual = Self::actual_weight(T::WeightInfo::create_posts(count), &via, count);
			for ((content, size), post_id) in bodies.into_iter().zip(first_id..) {
				Self::store_post(
					&author,
					post_id,
					PostKind::Original,
					Some(content.clone()),
					size,
					deposit,
					&via,
				);
				Self::deposit_event(Event::PostCreated {
					post_id,
					author: author.clone(),
					reply_to: None,
					content,
					body_size: size,
					via: via.clone(),
					community: None,
				});
			}
			Ok(actual)
		}

		/// Creates an original post in `community`: what `create_post` with no `reply_to` does,
		/// if the community lets the caller post (it exists, has not banned or muted the caller,
		/// and, where posting needs membership, the caller is a member or moderates it). Replies
		/// to it are in the same community, under the same rule.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::post_in_community())]
		pub fn post_in_community(
			origin: OriginFor<T>,
			community: CommunityId,
			content: CidText,
			size: u32,
		) -> DispatchResultWithPostInfo {
			let author = ensure_signed(origin)?;
			let content = Self::parse_body(&content, size)?;
			T::Communities::ensure_can_post(community, &author)?;
			Self::create_original(author, content, size, Some(community))
		}

		/// Reports `post_id` with a `reason` and, optionally, the CID of a `note` in IPFS that
		/// says more. The report is an event (`PostReported`, naming the post's community) that
		/// the social index keeps for the community's moderators and for apps; nothing is
		/// stored and the post is not changed. Anyone may report anyone else's live post (not a
		/// repost: report the original). Reports count against the rate limit like posts, so a
		/// script cannot flood moderators.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::report_post())]
		pub fn report_post(
			origin: OriginFor<T>,
			post_id: PostId,
			reason: ReportReason,
			note: Option<CidText>,
		) -> DispatchResult {
			let reporter = ensure_signed(origin)?;
			let note =
				note.map(|text| ContentId::parse(&text)).transpose().map_err(Error::<T>::from)?;
			let post = Posts::<T>::get(post_id).ok_or(Error::<T>::PostNotFound)?;
			ensure!(!post.deleted, Error::<T>::PostDeleted);
			ensure!(!matches!(post.kind, PostKind::Repost { .. }), Error::<T>::CannotReportRepost);
			ensure!(post.author != reporter, Error::<T>::CannotReportOwnPost);
			Self::count_against_rate_limit(&reporter, 1)?;
			let community = PostCommunity::<T>::get(post.thread_root(post_id));
			Self::deposit_event(Event::PostReported { post_id, reporter, reason, note, community });
			Ok(())
		}
	}

	impl<T: Config> Pallet<T> {
		/// Stores `author`'s original post with the body `content` of `size` bytes, in
		/// `community` if one is named (its rules already checked).
		fn create_original(
			author: T::AccountId,
			content: ContentId,
			size: u32,
			community: Option<CommunityId>,
		) -> DispatchResultWithPostInfo {
			let (post_id, deposit, via) = Self::reserve_posts(&author, 1)?;
			Self::store_post(
				&author,
				post_id,
				PostKind::Original,
				Some(content.clone()),
				size,
				deposit,
				&via,
			);
			let charged = match community {
				Some(community) => {
					PostCommunity::<T>::insert(post_id, community);
					T::WeightInfo::post_in_community()
				},
				None => T::WeightInfo::create_post(),
			};
			let actual = Self::actual_weight(charged, &via, 1);
			Self::deposit_event(Event::PostCreated {
				post_id,
				author,
				reply_to: None,
				content,
				body_size: size,
				via,
				community,
			});
			Ok(actual)
		}

		/// Stores `author`'s reply to `parent_id` with the body `content` of `size` bytes, if
		/// the parent may be answered, neither the parent's author nor the thread's root's
		/// blocks `author`, and the thread's community (if any) lets `author` post.
		fn create_reply(
			author: T::AccountId,
			content: ContentId,
			size: u32,
			parent_id: PostId,
		) -> DispatchResultWithPostInfo {
			let (kind, root, parent_author) = Self::reply_kind(parent_id)?;
			T::Blocks::ensure_no_block(&parent_author, &author)?;
			if root != parent_id {
				if let Some(root_post) = Posts::<T>::get(root) {
					T::Blocks::ensure_no_block(&root_post.author, &author)?;
				}
			}
			let community = PostCommunity::<T>::get(root);
			if let Some(community) = community {
				T::Communities::ensure_can_post(community, &author)?;
			}

			let (post_id, deposit, via) = Self::reserve_posts(&author, 1)?;
			Self::store_post(&author, post_id, kind, Some(content.clone()), size, deposit, &via);
			Replies::<T>::insert(parent_id, post_id, ());
			Posts::<T>::mutate(parent_id, |p| {
				if let Some(p) = p {
					p.replies.saturating_inc()
				}
			});
			let actual = Self::actual_weight(T::WeightInfo::create_reply(), &via, 1);
			Self::deposit_event(Event::PostCreated {
				post_id,
				author,
				reply_to: Some(parent_id),
				content,
				body_size: size,
				via,
				community,
			});
			Ok(actual)
		}

		/// What a call that created `posts` posts used of `charged`, which is benchmarked with an
		/// app paying and its deposit held at once. With an app, the deposit is owed by its
		/// `act_for` batch, which holds it and pays for the app's account and holds
		/// ([`plaza_primitives::SPONSOR_KEYS_READ_WRITTEN`]) once: what that saves is refunded
		/// ([`Self::batch_deposit_saving`]). Without one, the author's account (already paid for
		/// by the fee) holds the deposits and no `DepositPayers` entry is written, so that read
		/// and those writes are refunded.
		fn actual_weight(
			charged: Weight,
			via: &Option<T::AccountId>,
			posts: u32,
		) -> frame_support::dispatch::PostDispatchInfo {
			let refund = match via {
				Some(_) => Self::batch_deposit_saving(),
				None => T::DbWeight::get().reads_writes(1, u64::from(posts).saturating_add(1)),
			};
			Some(charged.saturating_sub(refund)).into()
		}

		/// What a post's deposit costs less when an app's batch owes it than when it is held at
		/// once: `create_post`'s two benchmarks ([`plaza_primitives::batch_deposit_saving`]).
		fn batch_deposit_saving() -> Weight {
			plaza_primitives::batch_deposit_saving(
				T::WeightInfo::create_post(),
				T::WeightInfo::create_post_in_batch,
			)
		}

		/// Returns `amount` of the deposit held for `author`'s post `post_id` to whoever paid it.
		fn release_deposit(
			post_id: PostId,
			author: &T::AccountId,
			amount: BalanceOf<T>,
		) -> DispatchResult {
			let payer = DepositPayers::<T>::get(post_id);
			plaza_primitives::release_deposit::<_, T::Currency, T::DepositPayer>(
				&HoldReason::PostDeposit.into(),
				author,
				payer.as_ref(),
				amount,
			)
		}

		/// Whether no reply (live or tombstone) and no live repost refers to `post`.
		pub(crate) fn has_nothing_below(post_id: PostId, post: &PostOf<T>) -> bool {
			post.reposts == 0 && Replies::<T>::iter_key_prefix(post_id).next().is_none()
		}

		/// Removes the tombstone `post_id` if nothing is below it any more, then its parent if
		/// that leaves the parent a tombstone with nothing below, and so on up the thread (at
		/// most `MaxThreadDepth` steps), returning each tombstone's deposit to its author.
		/// Returns how many it removed.
		fn remove_bare_tombstones(mut post_id: PostId) -> Result<u32, DispatchError> {
			let mut removed = 0;
			while removed < u32::from(T::MaxThreadDepth::get()) {
				let Some(post) = Posts::<T>::get(post_id) else { break };
				if !post.deleted || !Self::has_nothing_below(post_id, &post) {
					break;
				}
				Self::release_deposit(post_id, &post.author, post.deposit)?;
				Self::remove_post(post_id);
				Self::deposit_event(Event::TombstoneRemoved { post_id, author: post.author });
				removed += 1;
				let PostKind::Reply { parent, .. } = post.kind else { break };
				Replies::<T>::remove(parent, post_id);
				post_id = parent;
			}
			Ok(removed)
		}

		/// The kind of a reply to `parent_id`, its thread's root and the parent's author, if
		/// `parent_id` may be answered.
		fn reply_kind(parent_id: PostId) -> Result<(PostKind, PostId, T::AccountId), Error<T>> {
			let parent = Posts::<T>::get(parent_id).ok_or(Error::<T>::ParentNotFound)?;
			ensure!(!parent.deleted, Error::<T>::ParentDeleted);
			ensure!(
				!matches!(parent.kind, PostKind::Repost { .. }),
				Error::<T>::CannotReplyToRepost
			);
			let depth = parent.depth().saturating_add(1);
			ensure!(depth <= T::MaxThreadDepth::get(), Error::<T>::ThreadTooDeep);
			let root = parent.thread_root(parent_id);
			Ok((PostKind::Reply { parent: parent_id, root, depth }, root, parent.author))
		}

		/// A body's CID from its text form, if it is one Plaza accepts and `size` is within
		/// `MaxBodySize`.
		fn parse_body(content: &[u8], size: u32) -> Result<ContentId, Error<T>> {
			let content = ContentId::parse(content).map_err(Error::<T>::from)?;
			ensure!(size <= T::MaxBodySize::get(), Error::<T>::BodyTooLarge);
			Ok(content)
		}

		/// `who`'s post `post_id`, if it exists, is `who`'s and is not deleted.
		fn own_live_post(who: &T::AccountId, post_id: PostId) -> Result<PostOf<T>, Error<T>> {
			let post = Posts::<T>::get(post_id).ok_or(Error::<T>::PostNotFound)?;
			ensure!(&post.author == who, Error::<T>::NotAuthor);
			ensure!(!post.deleted, Error::<T>::PostDeleted);
			Ok(post)
		}

		/// Counts `count` new posts against `author`'s rate limit, holds their deposits from
		/// the author or the app acting for it, and takes `count` consecutive ids. Returns the
		/// first id, each post's deposit and the app, if one pays.
		fn reserve_posts(
			author: &T::AccountId,
			count: u32,
		) -> Result<(PostId, BalanceOf<T>, Option<T::AccountId>), DispatchError> {
			Self::count_against_rate_limit(author, count)?;
			let deposit = T::PostDeposit::get();
			let via = T::DepositPayer::sponsor(author);
			plaza_primitives::hold_deposit::<_, T::Currency, T::DepositPayer>(
				&HoldReason::PostDeposit.into(),
				author,
				via.as_ref(),
				deposit.saturating_mul(count.into()),
			)?;
			let first_id = NextPostId::<T>::get();
			let next_id = first_id.checked_add(count.into()).ok_or(Error::<T>::PostIdOverflow)?;
			NextPostId::<T>::put(next_id);
			Ok((first_id, deposit, via))
		}

		/// Removes the post `post_id`'s record, its payer's and its community's.
		fn remove_post(post_id: PostId) {
			Posts::<T>::remove(post_id);
			DepositPayers::<T>::remove(post_id);
			PostCommunity::<T>::remove(post_id);
		}

		/// Stores a new post and records the app that paid its deposit, if one did.
		fn store_post(
			author: &T::AccountId,
			post_id: PostId,
			kind: PostKind,
			content: Option<ContentId>,
			body_size: u32,
			deposit: BalanceOf<T>,
			paid_by: &Option<T::AccountId>,
		) {
			let post = Post {
				author: author.clone(),
				kind,
				content,
				body_size,
				revision: 0,
				replies: 0,
				reposts: 0,
				deleted: false,
				deposit,
			};
			Posts::<T>::insert(post_id, post);
			if let Some(app) = paid_by {
				DepositPayers::<T>::insert(post_id, app);
			}
		}

		/// Records `count` more posts or edits by `who` in the current block, or fails if that
		/// would make more than `MaxPostsPerWindow` in the last `RateLimitWindow` blocks.
		fn count_against_rate_limit(who: &T::AccountId, count: u32) -> Result<(), Error<T>> {
			let now = frame_system::Pallet::<T>::block_number();
			let mut recent = RecentActions::<T>::get(who).unwrap_or_default();
			recent.retain(|(block, _)| Self::in_window(*block, now));
			let done = recent.iter().fold(0u32, |done, (_, n)| done.saturating_add(*n));
			ensure!(
				done.saturating_add(count) <= T::MaxPostsPerWindow::get(),
				Error::<T>::RateLimited
			);
			match recent.last_mut() {
				Some((block, n)) if *block == now => n.saturating_accrue(count),
				// Every entry counts at least one action, and the window holds fewer than
				// `MaxPostsPerWindow` of them before this one: there is room.
				_ => recent.try_push((now, count)).map_err(|_| Error::<T>::RateLimited)?,
			}
			RecentActions::<T>::insert(who, recent);
			Ok(())
		}

		/// Whether an action in `block` still counts against the rate limit at `now`.
		pub(crate) fn in_window(block: BlockNumberFor<T>, now: BlockNumberFor<T>) -> bool {
			now.saturating_sub(block) < T::RateLimitWindow::get()
		}

		/// Removes stale `RecentActions` entries (no action in the window) within `remaining`
		/// weight and [`MAX_SWEPT_PER_BLOCK`] entries, from `SweepCursor` on. Returns the weight
		/// used.
		pub(crate) fn sweep_recent_actions(now: BlockNumberFor<T>, remaining: Weight) -> Weight {
			let budget = plaza_primitives::idle_budget(
				remaining,
				T::WeightInfo::sweep_recent_actions,
				MAX_SWEPT_PER_BLOCK,
			);
			let Some(entries) = budget.filter(|entries| *entries > 0) else {
				return Weight::zero();
			};
			let mut iter = match SweepCursor::<T>::get() {
				Some(key) => RecentActions::<T>::iter_from(key.into_inner()),
				None => RecentActions::<T>::iter(),
			};
			let mut stale = Vec::new();
			let mut visited = 0;
			for (who, recent) in iter.by_ref().take(entries as usize) {
				visited += 1;
				if !recent.last().is_some_and(|(block, _)| Self::in_window(*block, now)) {
					stale.push(who);
				}
			}
			// Go on after the last key looked at, or start over once the map is done. Hashed
			// keys of this map always fit a SweepKey.
			let cursor = (visited == entries)
				.then(|| SweepKey::try_from(iter.last_raw_key().to_vec()).ok())
				.flatten();
			for who in stale {
				RecentActions::<T>::remove(who);
			}
			match cursor {
				Some(key) => SweepCursor::<T>::put(key),
				None => SweepCursor::<T>::kill(),
			}
			T::WeightInfo::sweep_recent_actions(visited)
		}

		/// Removes entries of the retired `PostsByAuthor` index while `RetiredIndexCursor` is
		/// set, within `remaining` weight and [`MAX_RETIRED_REMOVED_PER_BLOCK`] entries. Returns
		/// the weight used: the cursor's read alone once the removal is done.
		pub(crate) fn remove_retired_index(remaining: Weight) -> Weight {
			let Some(limit) = plaza_primitives::idle_budget(
				remaining,
				T::WeightInfo::remove_retired_index,
				MAX_RETIRED_REMOVED_PER_BLOCK,
			) else {
				return Weight::zero();
			};
			match Self::remove_retired_entries(limit) {
				Some(removed) => T::WeightInfo::remove_retired_index(removed),
				None => T::DbWeight::get().reads(1),
			}
		}

		/// Removes up to `limit` entries of the retired `PostsByAuthor` index from
		/// `RetiredIndexCursor` on, and clears the cursor once none is left. Returns how many
		/// entries it went through, or `None` when no removal is under way.
		pub(crate) fn remove_retired_entries(limit: u32) -> Option<u32> {
			let cursor = RetiredIndexCursor::<T>::get()?;
			if limit == 0 {
				return Some(0);
			}
			let from = (!cursor.is_empty()).then_some(cursor.as_slice());
			// The SDK's removal starts from the first key left whatever the cursor (it returns
			// the map's prefix while keys remain): with each block's removals committed, every
			// block goes on where the last stopped.
			let removal = migration::v2::v1::PostsByAuthor::<T>::clear(limit, from);
			// The cursor (the map's 32-byte prefix, or a key of it) fits a SweepKey; one that
			// did not would restart the removal from the first key left.
			let next = removal.maybe_cursor.map(|key| SweepKey::try_from(key).unwrap_or_default());
			RetiredIndexCursor::<T>::set(next);
			Some(removal.loops.max(removal.unique))
		}
	}
}

impl<T: Config> PostsInspect<T::AccountId> for Pallet<T> {
	fn post_ref(post_id: PostId) -> Option<PostRef<T::AccountId>> {
		Posts::<T>::get(post_id).map(|post| PostRef {
			is_repost: matches!(post.kind, PostKind::Repost { .. }),
			deleted: post.deleted,
			author: post.author,
		})
	}

	fn next_post_id() -> PostId {
		NextPostId::<T>::get()
	}

	fn community_of(post_id: PostId) -> Option<CommunityId> {
		let post = Posts::<T>::get(post_id)?;
		PostCommunity::<T>::get(post.thread_root(post_id))
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn create_post_for_benchmark(author: &T::AccountId) -> PostId {
		benchmarking::new_post::<T>(author, None)
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn create_community_post_for_benchmark(
		author: &T::AccountId,
		community: CommunityId,
	) -> PostId {
		benchmarking::new_community_post::<T>(author, community)
	}
}
