//! Who validates: sessions of session keys, and an open candidacy with a bond beside the
//! invulnerable validators governance names.
//!
//! A validator registers its session keys (`session.set_keys`, the keys from the node's
//! `author_rotateKeysWithOwner`), then bonds `CandidacyBond` with
//! `collatorSelection.register_as_candidate`. At each session's end the validators of the
//! session after next are chosen: every invulnerable, then the candidates with the highest bonds
//! up to `DesiredCandidates`; Aura and GRANDPA switch to their keys as that session starts. A
//! candidate that authored no block for `KickThreshold` blocks is removed and its bond
//! returned.

use frame_support::{
	parameter_types,
	traits::{ConstU32, Get},
	PalletId,
};
use frame_system::EnsureRoot;
use sp_runtime::traits::OpaqueKeys;

use super::parameters::SessionLength;

use crate::{
	constants::{currency::deposit, time::MINUTES},
	weights, AccountId, Aura, Balance, Balances, BlockNumber, CollatorSelection, Runtime,
	RuntimeEvent, Session, SessionKeys,
};

/// How long a session is unless governance changes it (`parameters`, `validators.SessionLength`):
/// the validator set can change once a session.
pub const SESSION_PERIOD: BlockNumber = MINUTES;

/// The most invulnerable validators.
pub const MAX_INVULNERABLES: u32 = 8;

/// The most candidates (the validator set holds at most these and the invulnerables:
/// [`super::MaxAuthorities`]).
pub const MAX_CANDIDATES: u32 = 24;

parameter_types! {
	/// Sessions end at the blocks whose number is a multiple of the session length.
	pub const SessionOffset: BlockNumber = 0;
	/// What registering session keys holds while they are registered: three storage items, the
	/// keys (64 bytes) and each key's owner (32 bytes each).
	pub const KeyDeposit: Balance = deposit(3, 64 + 2 * 32);
	/// The account whose balance, above the existential deposit, is shared out to block authors
	/// (half of it each block).
	pub const PotId: PalletId = PalletId(*b"PotStake");
}

impl pallet_session::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type ValidatorId = AccountId;
	type ValidatorIdOf = pallet_collator_selection::IdentityCollator;
	type ShouldEndSession = pallet_session::PeriodicSessions<SessionLength, SessionOffset>;
	type NextSessionRotation = pallet_session::PeriodicSessions<SessionLength, SessionOffset>;
	type SessionManager = CollatorSelection;
	type SessionHandler = <SessionKeys as OpaqueKeys>::KeyTypeIdProviders;
	type Keys = SessionKeys;
	/// Nothing reports offences on this chain yet, so no validator is disabled.
	type DisablingStrategy = ();
	type WeightInfo = weights::pallet_session::WeightInfo<Runtime>;
	type Currency = Balances;
	type KeyDeposit = KeyDeposit;
}

/// Two sessions, at the current session length.
pub struct TwoSessions;

impl Get<BlockNumber> for TwoSessions {
	fn get() -> BlockNumber {
		SessionLength::get().saturating_mul(2)
	}
}

impl pallet_authorship::Config for Runtime {
	type FindAuthor = pallet_session::FindAccountFromAuthorIndex<Self, Aura>;
	type EventHandler = (CollatorSelection,);
}

impl pallet_collator_selection::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type Currency = Balances;
	/// Root adds and removes invulnerables and sets the bond and the number of candidates.
	type UpdateOrigin = EnsureRoot<AccountId>;
	type PotId = PotId;
	type MaxCandidates = ConstU32<MAX_CANDIDATES>;
	/// The chain never drops below one validator.
	type MinEligibleCollators = ConstU32<1>;
	type MaxInvulnerables = ConstU32<MAX_INVULNERABLES>;
	/// Two sessions without a block.
	type KickThreshold = TwoSessions;
	type ValidatorId = AccountId;
	type ValidatorIdOf = pallet_collator_selection::IdentityCollator;
	type ValidatorRegistration = Session;
	type WeightInfo = weights::pallet_collator_selection::WeightInfo<Runtime>;
}
