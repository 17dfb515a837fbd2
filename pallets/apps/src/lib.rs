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

use alloc::boxed::Box;
use codec::Encode;
use frame_support::{
	dispatch::{GetDispatchInfo, PostDispatchInfo},
	traits::{
		fungible::{hold::Inspect as InspectHold, Inspect, Mutate, MutateHold},
		tokens::{Fortitude, Precision, Preservation},
	},
};
use sp_runtime::{
	traits::{Dispatchable, IdentifyAccount, Verify},
	DispatchError, TokenError,
};

/// The balance type of the currency grant deposits are held in.
pub type BalanceOf<T> =
	<<T as Config>::Currency as Inspect<<T as frame_system::Config>::AccountId>>::Balance;

/// A grant as this runtime stores it.
pub type GrantOf<T> = Grant<
	<T as frame_system::Config>::AccountId,
	BalanceOf<T>,
	frame_system::pallet_prelude::BlockNumberFor<T>,
>;

/// The onboarding payload as this runtime encodes it.
pub type PayloadOf<T> = AuthorizationPayload<
	<T as frame_system::Config>::AccountId,
	BalanceOf<T>,
	frame_system::pallet_prelude::BlockNumberFor<T>,
	<T as frame_system::Config>::Hash,
>;

/// The deposits of the batch under way, as this runtime stores them.
pub type PendingDepositsOf<T> = PendingDeposits<
	<T as frame_system::Config>::AccountId,
	<T as Config>::RuntimeHoldReason,
	BalanceOf<T>,
>;

/// A batch's action as this runtime encodes it.
pub type ActionOf<T> =
	Action<<T as frame_system::Config>::AccountId, Box<<T as Config>::RuntimeCall>>;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::pallet_prelude::*;
	use frame_system::pallet_prelude::*;
	use sp_runtime::traits::{Hash, Saturating, Zero};

	#[pallet::pallet]
	pub struct Pallet<T>(_);

	/// The pallet's configuration.
	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The runtime's calls, which an app's actions carry.
		type RuntimeCall: Parameter
			+ Dispatchable<RuntimeOrigin = Self::RuntimeOrigin, PostInfo = PostDispatchInfo>
			+ GetDispatchInfo;

		/// Which scope each call needs (and what a tip spends).
		type CallScope: CallScope<<Self as Config>::RuntimeCall, BalanceOf<Self>>;

		/// The currency grant deposits are held in.
		type Currency: MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>
			+ Mutate<Self::AccountId>;

		/// The runtime's hold reasons, which include this pallet's.
		type RuntimeHoldReason: From<HoldReason> + Parameter + MaxEncodedLen;

		/// The signature a person signs an onboarding payload with.
		type Signature: Verify<Signer = Self::Signer> + Parameter;

		/// The key a signature verifies against: the person's account.
		type Signer: IdentifyAccount<AccountId = Self::AccountId>;

		/// What is held for each grant while it exists (from the person, or the onboarding app).
		#[pallet::constant]
		type GrantDeposit: Get<BalanceOf<Self>>;

		/// The most actions one `act_for` carries.
		#[pallet::constant]
		type MaxActions: Get<u32>;

		/// How many blocks ahead an onboarding payload's `valid_until` may be.
		#[pallet::constant]
		type MaxPayloadLifetime: Get<BlockNumberFor<Self>>;

		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;

		/// Calls for this pallet's benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper<Self>;
	}

	/// Why this pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// The deposits of grants.
		GrantDeposit,
	}

	/// Grants: (person, app) → what the app may do for the person.
	#[pallet::storage]
	pub type Grants<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Blake2_128Concat,
		T::AccountId,
		GrantOf<T>,
		OptionQuery,
	>;

	/// Onboarding payloads already used, by their last valid block and hash, so that none is
	/// used twice; `on_idle` removes them once that block has passed.
	#[pallet::storage]
	pub type UsedPayloads<T: Config> =
		StorageDoubleMap<_, Twox64Concat, BlockNumberFor<T>, Identity, T::Hash, (), OptionQuery>;

	/// The first block whose `UsedPayloads` entries `on_idle` has not removed yet.
	#[pallet::storage]
	pub type PayloadsSweptTo<T: Config> = StorageValue<_, BlockNumberFor<T>, OptionQuery>;

	/// The person and app of the action `act_for` is dispatching, while it is: the app pays the
	/// action's deposits. Never stored between calls.
	///
	/// Every post and vote reads it, so it is whitelisted in benchmarks (as System's per-block
	/// items are) and `on_initialize` charges its first read in a block instead.
	#[pallet::storage]
	#[pallet::whitelist_storage]
	pub type CurrentSponsor<T: Config> = StorageValue<_, (T::AccountId, T::AccountId), OptionQuery>;

	/// The deposits the app of the `act_for` batch under way has paid, held when the batch
	/// ends. Never stored between calls (so never read from or written to the database).
	#[pallet::storage]
	#[pallet::whitelist_storage]
	pub type PendingHolds<T: Config> = StorageValue<_, PendingDepositsOf<T>, OptionQuery>;

	/// Events of this pallet.
	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// `person` authorised `app` (or changed what it may do).
		Authorized {
			/// Who authorised.
			person: T::AccountId,
			/// The app.
			app: T::AccountId,
			/// What it may do.
			scopes: Scopes,
			/// The last block it may act in, if the grant expires.
			expires: Option<BlockNumberFor<T>>,
			/// What it may tip from the person's balance, in all.
			tip_allowance: BalanceOf<T>,
			/// Who paid the grant's deposit.
			depositor: T::AccountId,
		},
		/// A grant ended; its deposit went back to whoever paid it.
		GrantEnded {
			/// Who had authorised.
			person: T::AccountId,
			/// The app.
			app: T::AccountId,
			/// Why.
			reason: GrantEnd,
		},
		/// An action of a batch was done for `person`.
		ActionDone {
			/// The app that submitted it.
			app: T::AccountId,
			/// Who it was for.
			person: T::AccountId,
			/// Its position in the batch, from 0.
			index: u32,
			/// The scope it used.
			scope: Scope,
		},
		/// An action of a batch failed and changed nothing; the others stand.
		ActionFailed {
			/// The app that submitted it.
			app: T::AccountId,
			/// Who it was for.
			person: T::AccountId,
			/// Its position in the batch, from 0.
			index: u32,
			/// Why: this pallet's refusal, or the error the call itself returned.
			error: DispatchError,
		},
	}

	/// Errors of this pallet. A call that fails with one changes nothing; in a batch, the
	/// action that fails changes nothing.
	#[pallet::error]
	pub enum Error<T> {
		/// A person cannot authorise themselves.
		SelfAuthorization,
		/// A grant must allow at least one scope.
		NoScopes,
		/// The grant's last block has passed already.
		ExpiryInPast,
		/// The person has not authorised this app (or revoked it).
		NotAuthorized,
		/// The person's grant to this app has expired.
		GrantExpired,
		/// The grant has not expired: only the person or the app may end it.
		GrantNotExpired,
		/// The grant does not include the scope this call needs, or no app may make this call.
		OutOfScope,
		/// The tip is more than what is left of the grant's tip allowance.
		TipAllowanceExceeded,
		/// The payload names another app than the one submitting it.
		WrongApp,
		/// The payload was signed for another chain.
		WrongChain,
		/// The payload's `valid_until` has passed.
		PayloadExpired,
		/// The payload's `valid_until` is more than `MaxPayloadLifetime` blocks ahead.
		PayloadTooLongLived,
		/// The signature is not the person's over this payload.
		BadSignature,
		/// This payload was used already.
		PayloadReused,
		/// `act_for` was given no action.
		NoActions,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		/// Charges `CurrentSponsor`'s first read in the block: the posts and votes that read it
		/// leave it out of their weights.
		fn on_initialize(_: BlockNumberFor<T>) -> Weight {
			T::DbWeight::get().reads(1)
		}

		/// Removes `UsedPayloads` entries whose last valid block has passed, within what the
		/// block has left.
		fn on_idle(now: BlockNumberFor<T>, remaining: Weight) -> Weight {
			Self::sweep_used_payloads(now, remaining)
		}

		fn integrity_test() {
			assert!(T::MaxActions::get() >= 1, "MaxActions must allow an action");
			assert!(
				!T::MaxPayloadLifetime::get().is_zero(),
				"MaxPayloadLifetime must leave a block to submit a payload in"
			);
			assert!(
				!T::GrantDeposit::get().is_zero(),
				"a grant is storage: its deposit must not be zero"
			);
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Authorises `app` to act for the caller within `scopes`, through `expires` (the last
		/// block it may act in) if given, tipping at most `tip_allowance` in all. Replaces what
		/// an existing grant to `app` allowed. A new grant holds `GrantDeposit` from the caller.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::authorize())]
		pub fn authorize(
			origin: OriginFor<T>,
			app: T::AccountId,
			scopes: Scopes,
			expires: Option<BlockNumberFor<T>>,
			tip_allowance: BalanceOf<T>,
		) -> DispatchResult {
			let person = ensure_signed(origin)?;
			Self::grant(person.clone(), app, scopes, expires, tip_allowance, person)
		}

		/// Revokes the caller's grant to `app`, from the next action on, and returns its
		/// deposit to whoever paid it.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::end_grant())]
		pub fn revoke(origin: OriginFor<T>, app: T::AccountId) -> DispatchResult {
			let person = ensure_signed(origin)?;
			Self::end_grant(person, app, GrantEnd::Revoked)
		}

		/// Gives up the caller's (an app's) grant from `person`, returning its deposit to
		/// whoever paid it.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::end_grant())]
		pub fn resign(origin: OriginFor<T>, person: T::AccountId) -> DispatchResult {
			let app = ensure_signed(origin)?;
			Self::end_grant(person, app, GrantEnd::Resigned)
		}

		/// Removes an expired grant (anyone may), returning its deposit to whoever paid it.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::end_grant())]
		pub fn remove_expired(
			origin: OriginFor<T>,
			person: T::AccountId,
			app: T::AccountId,
		) -> DispatchResult {
			ensure_signed(origin)?;
			let grant = Grants::<T>::get(&person, &app).ok_or(Error::<T>::NotAuthorized)?;
			ensure!(Self::has_expired(&grant), Error::<T>::GrantNotExpired);
			Self::end_grant(person, app, GrantEnd::Expired)
		}

		/// Onboards `person`: the caller (the app `payload` names) submits the authorisation
		/// `person` signed, and pays the fee and the grant's deposit (which comes back to it
		/// when the grant goes). `person` needs no balance.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::authorize_signed())]
		pub fn authorize_signed(
			origin: OriginFor<T>,
			person: T::AccountId,
			payload: PayloadOf<T>,
			signature: T::Signature,
		) -> DispatchResult {
			let app = ensure_signed(origin)?;
			ensure!(payload.app == app, Error::<T>::WrongApp);
			let genesis = frame_system::Pallet::<T>::block_hash(BlockNumberFor::<T>::zero());
			ensure!(payload.genesis_hash == genesis, Error::<T>::WrongChain);
			let now = frame_system::Pallet::<T>::block_number();
			ensure!(payload.valid_until >= now, Error::<T>::PayloadExpired);
			ensure!(
				payload.valid_until <= now.saturating_add(T::MaxPayloadLifetime::get()),
				Error::<T>::PayloadTooLongLived
			);
			let message = Self::authorization_message(&payload);
			ensure!(Self::signed_by(&message, &signature, &person), Error::<T>::BadSignature);
			let hash = T::Hashing::hash(&message);
			ensure!(
				!UsedPayloads::<T>::contains_key(payload.valid_until, hash),
				Error::<T>::PayloadReused
			);
			UsedPayloads::<T>::insert(payload.valid_until, hash, ());
			let AuthorizationPayload { scopes, expires, tip_allowance, .. } = payload;
			Self::grant(person, app.clone(), scopes, expires, tip_allowance, app)
		}

		/// Dispatches each of `actions` as if its person had signed it: the person's grant to
		/// the caller must be live and include the call's scope (and a tip must fit the
		/// allowance), the call's own checks and the person's rate limits apply, and the caller
		/// pays the fee and every deposit (which come back to it when the item goes). An action
		/// that fails changes nothing and does not stop the others; each ends in an
		/// `ActionDone` or `ActionFailed` event.
		///
		/// Charged for every call's declared weight; refunded to what they used.
		#[pallet::call_index(5)]
		#[pallet::weight({
			let calls = actions
				.iter()
				.fold(Weight::zero(), |sum, a| sum.saturating_add(a.call.get_dispatch_info().call_weight));
			Pallet::<T>::batch_weight(actions.len() as u32).saturating_add(calls)
		})]
		pub fn act_for(
			origin: OriginFor<T>,
			actions: BoundedVec<ActionOf<T>, T::MaxActions>,
		) -> DispatchResultWithPostInfo {
			let app = ensure_signed(origin)?;
			ensure!(!actions.is_empty(), Error::<T>::NoActions);
			let count = actions.len() as u32;
			let mut used = Self::batch_weight(count);
			Self::open_deposits(&app);
			for (index, Action { person, call }) in actions.into_iter().enumerate() {
				let declared = call.get_dispatch_info().call_weight;
				let index = index as u32;
				let (event, actual) = match Self::act(&app, &person, *call) {
					Ok((scope, actual)) => {
						(Event::ActionDone { app: app.clone(), person, index, scope }, actual)
					},
					Err(ActionFailure(error, actual)) => {
						(Event::ActionFailed { app: app.clone(), person, index, error }, actual)
					},
				};
				used.saturating_accrue(actual.unwrap_or(declared));
				Self::deposit_event(event);
			}
			let held = Self::hold_pending_deposits(&app)?;
			let unused = MAX_PENDING_REASONS.min(count).saturating_sub(held);
			used.saturating_reduce(Self::deposit_holds_weight(unused));
			Ok(Some(used).into())
		}
	}

	impl<T: Config> Pallet<T> {
		/// What a batch of `actions` costs beside its calls: the batch itself, and the app's
		/// account and holds, which the calls that hold the app's deposits leave out since
		/// they reach the database once per batch.
		fn batch_weight(actions: u32) -> Weight {
			let (reads, writes) = plaza_primitives::SPONSOR_KEYS_READ_WRITTEN;
			T::WeightInfo::act_for(actions)
				.saturating_add(T::DbWeight::get().reads_writes(reads, writes))
				.saturating_add(Self::deposit_holds_weight(MAX_PENDING_REASONS.min(actions)))
		}

		/// What holding a batch's deposits under `reasons` hold reasons costs.
		fn deposit_holds_weight(reasons: u32) -> Weight {
			T::WeightInfo::hold_batch_deposit().saturating_mul(reasons.into())
		}

		/// Opens the deposits `app` pays in its batch: none yet, out of all it can hold now.
		pub(crate) fn open_deposits(app: &T::AccountId) {
			let available =
				T::Currency::reducible_balance(app, Preservation::Protect, Fortitude::Force);
			PendingHolds::<T>::put(PendingDeposits {
				app: app.clone(),
				available,
				totals: Default::default(),
			});
		}

		/// Holds what `app` paid in its batch, one hold per reason. Returns how many holds.
		///
		/// Every total was checked against what the app could hold as it was added, and nothing
		/// but these deposits takes from the app's balance during its batch, so the holds
		/// succeed; if one did not, the whole batch would fail rather than leave a deposit
		/// recorded and not held.
		pub(crate) fn hold_pending_deposits(app: &T::AccountId) -> Result<u32, DispatchError> {
			let Some(pending) = PendingHolds::<T>::take() else { return Ok(0) };
			let mut held = 0;
			for (reason, total) in pending.totals.into_iter().filter(|(_, total)| !total.is_zero())
			{
				T::Currency::hold(&reason, app, total)?;
				held += 1;
			}
			Ok(held)
		}

		/// Stores `person`'s grant to `app`, holding a new grant's deposit from `depositor`.
		fn grant(
			person: T::AccountId,
			app: T::AccountId,
			scopes: Scopes,
			expires: Option<BlockNumberFor<T>>,
			tip_allowance: BalanceOf<T>,
			depositor: T::AccountId,
		) -> DispatchResult {
			ensure!(person != app, Error::<T>::SelfAuthorization);
			ensure!(!scopes.is_empty(), Error::<T>::NoScopes);
			let now = frame_system::Pallet::<T>::block_number();
			ensure!(expires.is_none_or(|last| last >= now), Error::<T>::ExpiryInPast);
			let grant = match Grants::<T>::get(&person, &app) {
				Some(existing) => Grant { scopes, expires, tip_allowance, ..existing },
				None => {
					let deposit = T::GrantDeposit::get();
					T::Currency::hold(&HoldReason::GrantDeposit.into(), &depositor, deposit)?;
					Grant { scopes, expires, tip_allowance, depositor, deposit }
				},
			};
			let depositor = grant.depositor.clone();
			Grants::<T>::insert(&person, &app, grant);
			Self::deposit_event(Event::Authorized {
				person,
				app,
				scopes,
				expires,
				tip_allowance,
				depositor,
			});
			Ok(())
		}

		/// Removes `person`'s grant to `app` and returns its deposit.
		fn end_grant(person: T::AccountId, app: T::AccountId, reason: GrantEnd) -> DispatchResult {
			let grant = Grants::<T>::take(&person, &app).ok_or(Error::<T>::NotAuthorized)?;
			T::Currency::release(
				&HoldReason::GrantDeposit.into(),
				&grant.depositor,
				grant.deposit,
				Precision::BestEffort,
			)?;
			Self::deposit_event(Event::GrantEnded { person, app, reason });
			Ok(())
		}

		/// Whether `grant`'s last block has passed.
		pub(crate) fn has_expired(grant: &GrantOf<T>) -> bool {
			grant.expires.is_some_and(|last| frame_system::Pallet::<T>::block_number() > last)
		}

		/// Checks `app`'s grant from `person` for `call` and dispatches it as `person`, with
		/// `app` paying its deposits; a tip that succeeds is then taken from the grant's
		/// allowance. Returns the scope used, or the error, and the call's actual weight if it
		/// said. Nothing is written before the call, and every call dispatches in a storage
		/// layer of its own (FRAME's calls are transactional), so a failed action changes
		/// nothing.
		fn act(
			app: &T::AccountId,
			person: &T::AccountId,
			call: <T as Config>::RuntimeCall,
		) -> Result<(Scope, Option<Weight>), ActionFailure> {
			let (scope, spends) = Self::authorize_action(app, person, &call)?;
			CurrentSponsor::<T>::put((person.clone(), app.clone()));
			let result = call.dispatch(frame_system::RawOrigin::Signed(person.clone()).into());
			CurrentSponsor::<T>::kill();
			let info = result.map_err(|e| ActionFailure(e.error, e.post_info.actual_weight))?;
			if !spends.is_zero() {
				Grants::<T>::mutate(person, app, |grant| {
					if let Some(grant) = grant {
						grant.tip_allowance.saturating_reduce(spends)
					}
				});
			}
			Ok((scope, info.actual_weight))
		}

		/// The scope `call` needs and what it spends, if `person`'s grant to `app` is live,
		/// includes the scope and has the allowance left for a tip.
		fn authorize_action(
			app: &T::AccountId,
			person: &T::AccountId,
			call: &<T as Config>::RuntimeCall,
		) -> Result<(Scope, BalanceOf<T>), DispatchError> {
			let grant = Grants::<T>::get(person, app).ok_or(Error::<T>::NotAuthorized)?;
			ensure!(!Self::has_expired(&grant), Error::<T>::GrantExpired);
			let (scope, spends) = T::CallScope::scope_of(call).ok_or(Error::<T>::OutOfScope)?;
			ensure!(grant.scopes.allows(scope), Error::<T>::OutOfScope);
			ensure!(spends <= grant.tip_allowance, Error::<T>::TipAllowanceExceeded);
			Ok((scope, spends))
		}

		/// The bytes a person signs for `payload`.
		pub fn authorization_message(payload: &PayloadOf<T>) -> alloc::vec::Vec<u8> {
			let mut message = AUTHORIZATION_TAG.to_vec();
			payload.encode_to(&mut message);
			message
		}

		/// Whether `signature` is `signer`'s over `message`, as signed or as wallets sign raw
		/// bytes (wrapped in `<Bytes>`…`</Bytes>`).
		fn signed_by(message: &[u8], signature: &T::Signature, signer: &T::AccountId) -> bool {
			if signature.verify(message, signer) {
				return true;
			}
			let wrapped = [b"<Bytes>".as_slice(), message, b"</Bytes>"].concat();
			signature.verify(wrapped.as_slice(), signer)
		}

		/// Removes `UsedPayloads` entries of blocks before `now`, from `PayloadsSweptTo` on,
		/// within `remaining` weight, at most [`MAX_PAYLOADS_SWEPT`] entries and
		/// [`MAX_PAYLOAD_BLOCKS_SWEPT`] blocks. Returns the weight used.
		pub(crate) fn sweep_used_payloads(now: BlockNumberFor<T>, remaining: Weight) -> Weight {
			let Some(budget) = plaza_primitives::idle_budget(
				remaining,
				T::WeightInfo::sweep_used_payloads,
				MAX_PAYLOADS_SWEPT,
			) else {
				return Weight::zero();
			};
			let Some(mut block) = PayloadsSweptTo::<T>::get() else {
				// Nothing before this block was ever recorded by a sweeping runtime: start here.
				PayloadsSweptTo::<T>::put(now);
				return T::DbWeight::get().reads_writes(1, 1);
			};
			let mut removed = 0u32;
			let mut blocks = 0u32;
			while block < now && blocks < MAX_PAYLOAD_BLOCKS_SWEPT && removed < budget {
				let keys: alloc::vec::Vec<_> = UsedPayloads::<T>::iter_key_prefix(block)
					.take((budget - removed) as usize)
					.collect();
				for hash in &keys {
					UsedPayloads::<T>::remove(block, hash);
				}
				removed += keys.len() as u32;
				if removed < budget {
					// The block's entries are all gone.
					block.saturating_inc();
					blocks += 1;
				}
			}
			PayloadsSweptTo::<T>::put(block);
			T::WeightInfo::sweep_used_payloads(removed)
				.saturating_add(T::DbWeight::get().reads(blocks.into()))
		}
	}

	impl<T: Config> plaza_primitives::DepositPayer<T::AccountId, T::RuntimeHoldReason, BalanceOf<T>>
		for Pallet<T>
	{
		fn sponsor(who: &T::AccountId) -> Option<T::AccountId> {
			CurrentSponsor::<T>::get().and_then(|(person, app)| (&person == who).then_some(app))
		}

		/// Within `app`'s batch, adds `amount` to the batch's total for `reason` (held when the
		/// batch ends) if the app can hold it on top of the totals; otherwise holds it now.
		fn hold(
			reason: &T::RuntimeHoldReason,
			app: &T::AccountId,
			amount: BalanceOf<T>,
		) -> DispatchResult {
			let Some(mut pending) = PendingHolds::<T>::get().filter(|p| &p.app == app) else {
				return T::Currency::hold(reason, app, amount);
			};
			// The checks of `fungible::hold::Inspect::ensure_can_hold`, in its order.
			pending.available =
				pending.available.checked_sub(&amount).ok_or(TokenError::FundsUnavailable)?;
			match pending.totals.iter_mut().find(|(r, _)| r == reason) {
				Some((_, total)) => total.saturating_accrue(amount),
				None => {
					ensure!(T::Currency::hold_available(reason, app), TokenError::CannotCreateHold);
					pending
						.totals
						.try_push((reason.clone(), amount))
						.map_err(|_| TokenError::CannotCreateHold)?;
				},
			}
			PendingHolds::<T>::put(pending);
			Ok(())
		}

		/// Within `app`'s batch, takes `amount` off the batch's total for `reason` first (a
		/// deposit paid and returned in the same batch is never held), and releases the rest.
		fn release(
			reason: &T::RuntimeHoldReason,
			app: &T::AccountId,
			amount: BalanceOf<T>,
		) -> DispatchResult {
			let mut rest = amount;
			if let Some(mut pending) = PendingHolds::<T>::get().filter(|p| &p.app == app) {
				if let Some((_, total)) = pending.totals.iter_mut().find(|(r, _)| r == reason) {
					let unpaid = rest.min(*total);
					total.saturating_reduce(unpaid);
					pending.available.saturating_accrue(unpaid);
					rest.saturating_reduce(unpaid);
					PendingHolds::<T>::put(pending);
				}
			}
			if !rest.is_zero() {
				T::Currency::release(reason, app, rest, Precision::BestEffort)?;
			}
			Ok(())
		}

		#[cfg(feature = "runtime-benchmarks")]
		fn set_sponsor_for_benchmark(sponsored: Option<(T::AccountId, T::AccountId)>) {
			CurrentSponsor::<T>::set(sponsored);
		}

		#[cfg(feature = "runtime-benchmarks")]
		fn open_batch_for_benchmark(app: &T::AccountId) {
			Self::open_deposits(app);
		}
	}
}

/// Why an action failed, and the weight its call said it used, if it got that far.
pub struct ActionFailure(DispatchError, Option<frame_support::weights::Weight>);

impl From<DispatchError> for ActionFailure {
	fn from(error: DispatchError) -> Self {
		Self(error, None)
	}
}

/// Calls for the pallet's benchmarks: the runtime knows which of its calls fit a scope.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<T: Config> {
	/// A call in `Scope::Follow` that `person` can make and that fails at once, reading no
	/// storage: what `act_for`'s own weight is measured over (each call's own weight is added
	/// per action).
	fn cheap_scoped_call(person: &T::AccountId) -> <T as Config>::RuntimeCall;

	/// Signs `message` as a new account, returning the account and the signature.
	fn sign(message: &[u8]) -> (T::AccountId, T::Signature);
}
