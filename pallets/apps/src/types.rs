//! The pallet's types: scopes, grants, the onboarding payload and a batch's actions.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{traits::ConstU32, BoundedVec};
use scale_info::TypeInfo;

/// One kind of action an app may take for a person.
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
pub enum Scope {
	/// Create posts and replies.
	Post,
	/// Edit and delete the person's own posts.
	Edit,
	/// Repost.
	Repost,
	/// Vote and take votes back.
	Vote,
	/// Follow and unfollow.
	Follow,
	/// Set and clear the person's profile.
	Profile,
	/// Tip posts from the person's balance, up to the grant's `tip_allowance` in all.
	Tip,
	/// Claim the person's rewards, which are paid into the person's own account.
	Claim,
}

/// The scopes a person grants an app: one flag per [`Scope`].
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Default,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
pub struct Scopes {
	/// [`Scope::Post`].
	pub post: bool,
	/// [`Scope::Edit`].
	pub edit: bool,
	/// [`Scope::Repost`].
	pub repost: bool,
	/// [`Scope::Vote`].
	pub vote: bool,
	/// [`Scope::Follow`].
	pub follow: bool,
	/// [`Scope::Profile`].
	pub profile: bool,
	/// [`Scope::Tip`].
	pub tip: bool,
	/// [`Scope::Claim`].
	pub claim: bool,
}

impl Scopes {
	/// Whether these scopes include `scope`.
	pub fn allows(&self, scope: Scope) -> bool {
		match scope {
			Scope::Post => self.post,
			Scope::Edit => self.edit,
			Scope::Repost => self.repost,
			Scope::Vote => self.vote,
			Scope::Follow => self.follow,
			Scope::Profile => self.profile,
			Scope::Tip => self.tip,
			Scope::Claim => self.claim,
		}
	}

	/// Every scope.
	pub const fn all() -> Self {
		Self {
			post: true,
			edit: true,
			repost: true,
			vote: true,
			follow: true,
			profile: true,
			tip: true,
			claim: true,
		}
	}

	/// Whether these scopes allow nothing.
	pub fn is_empty(&self) -> bool {
		*self == Self::default()
	}
}

/// A person's authorisation of an app.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct Grant<AccountId, Balance, BlockNumber> {
	/// What the app may do.
	pub scopes: Scopes,
	/// The last block the app may act in, if the grant expires.
	pub expires: Option<BlockNumber>,
	/// What the app may still tip from the person's balance, in all.
	pub tip_allowance: Balance,
	/// Who paid the grant's deposit (the person, or the app that onboarded them): it goes back
	/// to them when the grant goes.
	pub depositor: AccountId,
	/// The deposit held.
	pub deposit: Balance,
}

/// What a person signs (with their wallet's `signRaw`) to authorise an app that then submits
/// it: [`AUTHORIZATION_TAG`] followed by this payload's SCALE encoding, optionally wrapped in
/// `<Bytes>`…`</Bytes>` as polkadot.js extensions wrap raw payloads.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct AuthorizationPayload<AccountId, Balance, BlockNumber, Hash> {
	/// The app authorised, which must be the account submitting the payload.
	pub app: AccountId,
	/// What it may do.
	pub scopes: Scopes,
	/// The last block it may act in, if the grant expires.
	pub expires: Option<BlockNumber>,
	/// What it may tip from the person's balance, in all.
	pub tip_allowance: Balance,
	/// The chain's genesis hash: a payload signed for another chain is refused.
	pub genesis_hash: Hash,
	/// The last block the payload may be submitted in, at most `MaxPayloadLifetime` blocks
	/// after the block it is submitted in. Until then it is remembered, so it cannot be replayed.
	pub valid_until: BlockNumber,
}

/// What a signed authorisation starts with, so that it cannot be mistaken for another message.
pub const AUTHORIZATION_TAG: &[u8] = b"plaza:authorize-app:";

/// One action of a batch: a call dispatched as if `person` had signed it.
#[derive(Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo, Debug)]
pub struct Action<AccountId, Call> {
	/// Who the action is for.
	pub person: AccountId,
	/// What they do.
	pub call: Call,
}

/// Why a grant ended.
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
pub enum GrantEnd {
	/// The person revoked it.
	Revoked,
	/// The app gave it up.
	Resigned,
	/// It expired and someone removed it.
	Expired,
}

/// Which scope a call needs, and what it moves from the person's balance (tips): the runtime
/// knows its calls; a call with no scope cannot be made by an app.
pub trait CallScope<Call, Balance> {
	/// The scope `call` needs and the funds it spends from the caller, or `None` if no app may
	/// make it.
	fn scope_of(call: &Call) -> Option<(Scope, Balance)>;
}

/// The most blocks of `UsedPayloads` one `on_idle` looks at.
pub const MAX_PAYLOAD_BLOCKS_SWEPT: u32 = 16;

/// The most `UsedPayloads` entries one `on_idle` removes.
pub const MAX_PAYLOADS_SWEPT: u32 = 1_024;

/// The most hold reasons one batch's deposits are held under (posts, replies and reposts; votes;
/// profiles; follows: four today).
pub const MAX_PENDING_REASONS: u32 = 8;

/// The deposits an app has paid in the `act_for` batch under way, held when the batch ends:
/// each action's deposit is checked against `available` and added to its reason's total.
#[derive(Clone, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
pub struct PendingDeposits<AccountId, Reason, Balance> {
	/// The app paying.
	pub app: AccountId,
	/// What the app could still have held: what it could hold when the batch began, less the
	/// totals below.
	pub available: Balance,
	/// What is to be held, by hold reason.
	pub totals: BoundedVec<(Reason, Balance), ConstU32<MAX_PENDING_REASONS>>,
}
