//! Posts and votes as the pallets see each other's.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{
	dispatch::DispatchResult,
	sp_runtime::TokenError,
	traits::{fungible::MutateHold, tokens::Precision},
	weights::Weight,
};
use scale_info::TypeInfo;

/// A post's id: posts are numbered from 0 in the order they are created.
pub type PostId = u64;

/// A community's id: communities are numbered from 0 in the order they are created.
pub type CommunityId = u32;

/// Which way a vote goes.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
pub enum VoteDirection {
	/// For the post.
	Up,
	/// Against the post.
	Down,
}

/// What other pallets may know of a post.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct PostRef<AccountId> {
	/// Who wrote it.
	pub author: AccountId,
	/// Whether its author deleted it.
	pub deleted: bool,
	/// Whether it is a repost of another post (which carries no content of its own).
	pub is_repost: bool,
}

/// Read access to posts, for pallets that act on them (votes, rewards).
pub trait PostsInspect<AccountId> {
	/// The post `post_id`, if one has that id.
	fn post_ref(post_id: PostId) -> Option<PostRef<AccountId>>;

	/// The id the next post will get: every post created so far has a lower one (ids are
	/// given out in order and never reused).
	fn next_post_id() -> PostId;

	/// The community the post `post_id` was posted in (for a reply, its thread's), if any.
	fn community_of(post_id: PostId) -> Option<CommunityId>;

	/// Creates a post by `author`, for other pallets' benchmarks.
	#[cfg(feature = "runtime-benchmarks")]
	fn create_post_for_benchmark(author: &AccountId) -> PostId;

	/// Creates a post by `author` in `community` (where `author` may post), for other pallets'
	/// benchmarks.
	#[cfg(feature = "runtime-benchmarks")]
	fn create_community_post_for_benchmark(author: &AccountId, community: CommunityId) -> PostId;
}

/// Whether an account may post into a community: the communities pallet answers the posts
/// pallet, which asks before it stores a post in a community or a reply in one's thread.
pub trait CommunityGate<AccountId> {
	/// `Ok` if `who` may post or reply in `community` now; otherwise the error that says why
	/// (no such community, banned, not a member where posting needs membership, muted).
	fn ensure_can_post(community: CommunityId, who: &AccountId) -> DispatchResult;

	/// Makes a community in which `who` may post, for other pallets' benchmarks.
	#[cfg(feature = "runtime-benchmarks")]
	fn create_community_for_benchmark(who: &AccountId) -> CommunityId;

	/// Lets `who` post in `community` too (a community `create_community_for_benchmark` made),
	/// for other pallets' benchmarks.
	#[cfg(feature = "runtime-benchmarks")]
	fn add_poster_for_benchmark(community: CommunityId, who: &AccountId);
}

/// No communities: posting into one is refused.
impl<AccountId> CommunityGate<AccountId> for () {
	fn ensure_can_post(_: CommunityId, _: &AccountId) -> DispatchResult {
		Err(frame_support::sp_runtime::DispatchError::Other("this runtime has no communities"))
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn create_community_for_benchmark(_: &AccountId) -> CommunityId {
		0
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn add_poster_for_benchmark(_: CommunityId, _: &AccountId) {}
}

/// Whom people block: the profiles pallet keeps each account's block list and answers the
/// pallets whose calls reach another person (replies and reposts, tips), which ask before they
/// act. A block cuts both ways: neither account can follow, reply to, repost or tip the other.
pub trait BlockList<AccountId> {
	/// `Ok` unless `owner` (whose post or account `who` acts on) blocks `who` or `who` blocks
	/// `owner`; otherwise the error that says which (the profiles pallet's `BlockedByAccount` or
	/// `BlockingAccount`), which the asking call passes on unchanged.
	fn ensure_no_block(owner: &AccountId, who: &AccountId) -> DispatchResult;
}

/// Nobody blocks anybody.
impl<AccountId> BlockList<AccountId> for () {
	fn ensure_no_block(_: &AccountId, _: &AccountId) -> DispatchResult {
		Ok(())
	}
}

/// Observes moderators hiding posts: the communities pallet calls it after a moderator hid a
/// post, so that the rewards pallet takes the post out of the era in progress.
pub trait OnPostHidden<AccountId> {
	/// `author`'s post `post_id` was hidden. Returns the weight this call took, at most
	/// [`OnPostHidden::weight`]: the communities pallet charges `weight()` up front and refunds
	/// the difference.
	fn on_post_hidden(post_id: PostId, author: &AccountId) -> Weight;

	/// The most weight one `on_post_hidden` call may take.
	fn weight() -> Weight;
}

/// No observer.
impl<AccountId> OnPostHidden<AccountId> for () {
	fn on_post_hidden(_: PostId, _: &AccountId) -> Weight {
		Weight::zero()
	}

	fn weight() -> Weight {
		Weight::zero()
	}
}

/// Read access to profiles, for pallets that treat accounts with a profile differently (rewards).
pub trait ProfilesInspect<AccountId> {
	/// Whether `who` has a profile.
	fn has_profile(who: &AccountId) -> bool;

	/// Gives `who` a profile, for other pallets' benchmarks.
	#[cfg(feature = "runtime-benchmarks")]
	fn create_profile_for_benchmark(who: &AccountId);
}

/// Observes every change of a vote: a new vote (`previous` is `None`), a changed direction, or a
/// removed vote (`current` is `None`). The votes pallet calls it after it has stored the change.
pub trait OnVote<AccountId> {
	/// `voter`'s vote on `author`'s post `post_id` went from `previous` to `current`. Returns
	/// the weight this call took, at most [`OnVote::weight`]: the votes pallet charges
	/// `weight()` up front and refunds the difference.
	fn on_vote(
		post_id: PostId,
		author: &AccountId,
		voter: &AccountId,
		previous: Option<VoteDirection>,
		current: Option<VoteDirection>,
	) -> Weight;

	/// The most weight one `on_vote` call may take.
	fn weight() -> Weight;
}

/// No observer.
impl<AccountId> OnVote<AccountId> for () {
	fn on_vote(
		_: PostId,
		_: &AccountId,
		_: &AccountId,
		_: Option<VoteDirection>,
		_: Option<VoteDirection>,
	) -> Weight {
		Weight::zero()
	}

	fn weight() -> Weight {
		Weight::zero()
	}
}

/// Who pays the deposits of an action. An app acting for a person (the apps pallet's `act_for`)
/// pays for what it does in their name and gets each deposit back when the item goes; a person
/// acting alone pays for themselves. Pallets that hold deposits ask before holding, hold and
/// release an app's deposits through it (never through the currency directly), and record the
/// payer of each item it names.
///
/// An app's deposits are held once per `act_for` batch: each action's deposit is checked against
/// what the app can hold (the same checks and `TokenError`s as a hold) and added to the batch's
/// total for its hold reason, and the batch holds the totals when it ends. The batch is charged
/// that, and the database reads and writes of the app's account and holds
/// ([`SPONSOR_KEYS_READ_WRITTEN`]), once; the calls, whose weights are benchmarked with an app
/// paying, leave them out when one does.
pub trait DepositPayer<AccountId, Reason, Balance> {
	/// The account that pays the deposits of `who`'s current action, if not `who`.
	fn sponsor(who: &AccountId) -> Option<AccountId>;

	/// Holds `amount` for `reason` from `app`, a `sponsor`: refused, and nothing changed, with
	/// the error the currency's hold would give (`TokenError::FundsUnavailable`, `CannotCreateHold`).
	fn hold(reason: &Reason, app: &AccountId, amount: Balance) -> DispatchResult;

	/// Returns `amount` held for `reason` to `app`, an item's recorded payer (at most what is held).
	fn release(reason: &Reason, app: &AccountId, amount: Balance) -> DispatchResult;

	/// From now on, `sponsor(person)` is `app` for `Some((person, app))`, nobody for `None`: for
	/// other pallets' benchmarks, whose worst case is an app paying (one more record to write).
	#[cfg(feature = "runtime-benchmarks")]
	fn set_sponsor_for_benchmark(sponsored: Option<(AccountId, AccountId)>);

	/// From now on, `app`'s deposits are owed by a batch under way, as inside `act_for`, and
	/// not held at once: for the benchmarks of calls as an app's batch makes them. Without it,
	/// `hold` holds at once (a currency hold, the most a call's deposit can cost).
	#[cfg(feature = "runtime-benchmarks")]
	fn open_batch_for_benchmark(app: &AccountId);
}

/// Holds `amount` for `reason` for an item of `owner`'s: from `app` through `Payer` when an app
/// pays, otherwise from `owner` through `Currency`.
pub fn hold_deposit<AccountId, Currency, Payer>(
	reason: &Currency::Reason,
	owner: &AccountId,
	app: Option<&AccountId>,
	amount: Currency::Balance,
) -> DispatchResult
where
	Currency: MutateHold<AccountId>,
	Payer: DepositPayer<AccountId, Currency::Reason, Currency::Balance>,
{
	match app {
		Some(app) => Payer::hold(reason, app, amount),
		None => Currency::hold(reason, owner, amount),
	}
}

/// Returns `amount` held for `reason` for an item of `owner`'s to whoever paid it: `app` through
/// `Payer`, otherwise `owner` through `Currency` (at most what is held).
pub fn release_deposit<AccountId, Currency, Payer>(
	reason: &Currency::Reason,
	owner: &AccountId,
	app: Option<&AccountId>,
	amount: Currency::Balance,
) -> DispatchResult
where
	Currency: MutateHold<AccountId>,
	Payer: DepositPayer<AccountId, Currency::Reason, Currency::Balance>,
{
	match app {
		Some(app) => Payer::release(reason, app, amount),
		None => Currency::release(reason, owner, amount, Precision::BestEffort).map(|_| ()),
	}
}

/// The database reads and writes of a sponsoring app's account and holds (`System::Account`,
/// `Balances::Holds`): charged once per `act_for` batch, not per action (see [`DepositPayer`]).
pub const SPONSOR_KEYS_READ_WRITTEN: (u64, u64) = (2, 2);

/// The most actions of an app's batch the in-batch benchmarks (`create_post_in_batch`,
/// `vote_in_batch`) measure: the runtime's bound on a batch, so the slope is fitted over batches
/// of the sizes apps send.
pub const MAX_BATCH_BENCHMARKED: u32 = 200;

/// What one more action of a kind costs in an app's batch, from its benchmark over `n` such
/// actions by `n` people in one batch (`in_batch(n)`): the slope. What only a batch's first
/// action pays (the app's account and holds, read once; its first deposit of a reason) is
/// charged by the batch: [`SPONSOR_KEYS_READ_WRITTEN`] and the apps pallet's
/// `hold_batch_deposit` per hold reason.
pub fn per_action_in_batch(in_batch: impl Fn(u32) -> Weight) -> Weight {
	in_batch(1).saturating_sub(in_batch(0))
}

/// What a call costs less as one action of an app's batch than alone with its deposit held at
/// once (`at_once`, benchmarked with an app paying): see [`per_action_in_batch`].
pub fn batch_deposit_saving(at_once: Weight, in_batch: impl Fn(u32) -> Weight) -> Weight {
	at_once.saturating_sub(per_action_in_batch(in_batch))
}

/// Everyone pays for themselves: there is never an app to hold from or release to.
impl<AccountId, Reason, Balance> DepositPayer<AccountId, Reason, Balance> for () {
	fn sponsor(_: &AccountId) -> Option<AccountId> {
		None
	}

	fn hold(_: &Reason, _: &AccountId, _: Balance) -> DispatchResult {
		Err(TokenError::Unsupported.into())
	}

	fn release(_: &Reason, _: &AccountId, _: Balance) -> DispatchResult {
		Err(TokenError::Unsupported.into())
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn set_sponsor_for_benchmark(_: Option<(AccountId, AccountId)>) {}

	#[cfg(feature = "runtime-benchmarks")]
	fn open_batch_for_benchmark(_: &AccountId) {}
}
