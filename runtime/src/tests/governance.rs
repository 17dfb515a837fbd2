//! Governance: `local` and the live template have no sudo key, no signed account reaches Root,
//! and a passed `root` referendum is the one way there; the general track cannot.

use frame_support::{
	assert_noop, assert_ok,
	traits::{Get, Hooks, StorePreimage},
};
use pallet_conviction_voting::{AccountVote, Conviction, Vote};
use pallet_referenda::ReferendumCount;
use sp_genesis_builder::{DEV_RUNTIME_PRESET, LOCAL_TESTNET_RUNTIME_PRESET};
use sp_keyring::Sr25519Keyring;
use sp_runtime::{traits::Dispatchable, DispatchError};

use super::genesis_storage;
use crate::{
	genesis_config_presets::{DEV_ENDOWMENT, LIVE_TEMPLATE_PRESET},
	governance::{
		origins::{GovernancePace, Origin},
		tracks::{GENERAL_TRACK, ROOT_TRACK},
		Pace,
	},
	AccountId, BlockNumber, ConvictionVoting, OriginCaller, Referenda, Runtime, RuntimeCall,
	RuntimeEvent, RuntimeOrigin, Scheduler, Sudo, System, DAYS, HOURS, MINUTES,
};

fn account(who: Sr25519Keyring) -> AccountId {
	who.to_account_id()
}

fn signed(who: Sr25519Keyring) -> RuntimeOrigin {
	RuntimeOrigin::signed(account(who))
}

/// A call only Root may make, whose effect is easy to see: the number of bonded validators the
/// chain wants.
fn set_desired_candidates(max: u32) -> RuntimeCall {
	RuntimeCall::CollatorSelection(pallet_collator_selection::Call::set_desired_candidates { max })
}

fn desired_candidates() -> u32 {
	pallet_collator_selection::DesiredCandidates::<Runtime>::get()
}

/// Root-only calls of every pallet that has them.
fn root_only_calls() -> Vec<RuntimeCall> {
	let dave = account(Sr25519Keyring::Dave);
	vec![
		RuntimeCall::System(frame_system::Call::set_code { code: vec![] }),
		RuntimeCall::System(frame_system::Call::set_storage { items: vec![] }),
		RuntimeCall::Balances(pallet_balances::Call::force_set_balance {
			who: dave.clone().into(),
			new_free: 1,
		}),
		set_desired_candidates(1),
		RuntimeCall::CollatorSelection(pallet_collator_selection::Call::add_invulnerable {
			who: dave.clone(),
		}),
		RuntimeCall::Utility(pallet_utility::Call::dispatch_as {
			as_origin: Box::new(OriginCaller::system(frame_system::RawOrigin::Root)),
			call: Box::new(set_desired_candidates(1)),
		}),
		RuntimeCall::Scheduler(pallet_scheduler::Call::schedule {
			when: 10,
			maybe_periodic: None,
			priority: 0,
			call: Box::new(set_desired_candidates(1)),
		}),
		RuntimeCall::Preimage(pallet_preimage::Call::request_preimage { hash: Default::default() }),
		RuntimeCall::Referenda(pallet_referenda::Call::kill { index: 0 }),
	]
}

/// Runs blocks up to `n`: the scheduler's hook is what moves referenda on and enacts them.
fn run_to(n: BlockNumber) {
	while System::block_number() < n {
		let next = System::block_number() + 1;
		System::set_block_number(next);
		Scheduler::on_initialize(next);
	}
}

/// Alice proposes `call` with `origin`, places the decision deposit, and each of the twelve
/// endowed accounts votes `aye` (or not) with 90 % of its PLZ at conviction 1×.
fn propose_and_vote(origin: OriginCaller, call: RuntimeCall, aye: bool) -> u32 {
	let index = ReferendumCount::<Runtime>::get();
	let proposal = <crate::Preimage as StorePreimage>::bound(call).unwrap();
	assert_ok!(Referenda::submit(
		signed(Sr25519Keyring::Alice),
		Box::new(origin),
		proposal,
		frame_support::traits::schedule::DispatchTime::After(0),
	));
	assert_ok!(Referenda::place_decision_deposit(signed(Sr25519Keyring::Alice), index));
	let vote = AccountVote::Standard {
		vote: Vote { aye, conviction: Conviction::Locked1x },
		balance: DEV_ENDOWMENT / 10 * 9,
	};
	for voter in
		Sr25519Keyring::iter().filter(|k| !matches!(k, Sr25519Keyring::One | Sr25519Keyring::Two))
	{
		assert_ok!(ConvictionVoting::vote(signed(voter), index, vote));
	}
	index
}

/// Proposes `call` with `origin`, has every endowed account vote for it, and runs blocks until it
/// is enacted (ten minutes at the test networks' pace); returns what its enactment returned.
pub(super) fn propose_and_pass(
	origin: OriginCaller,
	call: RuntimeCall,
) -> Vec<Result<(), DispatchError>> {
	propose_and_vote(origin, call, true);
	run_to(System::block_number() + 10 * MINUTES);
	enactment_results()
}

/// A `root` referendum setting the desired candidates to 5, voted `aye` (or not) by everyone.
fn propose_desired_candidates_as_root(aye: bool) -> u32 {
	propose_and_vote(
		OriginCaller::system(frame_system::RawOrigin::Root),
		set_desired_candidates(5),
		aye,
	)
}

/// What the scheduler's enactments of referenda returned (its named tasks: the referenda's own
/// alarms are anonymous).
fn enactment_results() -> Vec<Result<(), DispatchError>> {
	System::events()
		.into_iter()
		.filter_map(|record| match record.event {
			RuntimeEvent::Scheduler(pallet_scheduler::Event::Dispatched {
				id: Some(_),
				result,
				..
			}) => Some(result),
			_ => None,
		})
		.collect()
}

#[test]
fn only_dev_has_a_sudo_key_and_test_networks_decide_in_minutes() {
	genesis_storage(DEV_RUNTIME_PRESET).execute_with(|| {
		assert_eq!(pallet_sudo::Key::<Runtime>::get(), Some(account(Sr25519Keyring::Alice)));
		assert_eq!(GovernancePace::<Runtime>::get(), Pace::Minutes);
	});
	genesis_storage(LOCAL_TESTNET_RUNTIME_PRESET).execute_with(|| {
		assert_eq!(pallet_sudo::Key::<Runtime>::get(), None);
		assert_eq!(GovernancePace::<Runtime>::get(), Pace::Minutes);
	});
	genesis_storage(LIVE_TEMPLATE_PRESET).execute_with(|| {
		assert_eq!(pallet_sudo::Key::<Runtime>::get(), None);
		assert_eq!(GovernancePace::<Runtime>::get(), Pace::Days);
	});
}

#[test]
fn tracks_run_in_days_on_a_live_network_and_in_minutes_on_test_networks() {
	use pallet_referenda::TracksInfo as _;
	type Tracks = crate::governance::tracks::TracksInfo;
	genesis_storage(LIVE_TEMPLATE_PRESET).execute_with(|| {
		assert_ok!(Tracks::check_integrity());
		let root = Tracks::info(ROOT_TRACK).unwrap();
		assert_eq!(
			(root.prepare_period, root.decision_period, root.confirm_period),
			(2 * HOURS, 14 * DAYS, DAYS)
		);
		assert_eq!((root.min_enactment_period, root.max_deciding), (DAYS, 1));
		let general = Tracks::info(GENERAL_TRACK).unwrap();
		assert_eq!((general.decision_period, general.confirm_period), (7 * DAYS, 3 * HOURS));
		assert_eq!(
			<Runtime as pallet_conviction_voting::Config>::VoteLockingPeriod::get(),
			7 * DAYS
		);
	});
	genesis_storage(LOCAL_TESTNET_RUNTIME_PRESET).execute_with(|| {
		let root = Tracks::info(ROOT_TRACK).unwrap();
		// A day is a minute; two hours are less than a block, so they are one.
		assert_eq!(
			(root.prepare_period, root.decision_period, root.confirm_period),
			(1, 14 * MINUTES, MINUTES)
		);
		assert_eq!(
			<Runtime as pallet_conviction_voting::Config>::VoteLockingPeriod::get(),
			7 * MINUTES
		);
		// Root's origin takes the root track, General's the general track, nothing else one.
		let root_origin = OriginCaller::system(frame_system::RawOrigin::Root);
		assert_eq!(Tracks::track_for(&root_origin), Ok(ROOT_TRACK));
		assert_eq!(Tracks::track_for(&OriginCaller::Origins(Origin::General)), Ok(GENERAL_TRACK));
		let signed =
			OriginCaller::system(frame_system::RawOrigin::Signed(account(Sr25519Keyring::Alice)));
		assert_eq!(Tracks::track_for(&signed), Err(()));
	});
}

#[test]
fn on_local_no_signed_account_and_no_general_referendum_reaches_root() {
	genesis_storage(LOCAL_TESTNET_RUNTIME_PRESET).execute_with(|| {
		System::set_block_number(1);
		for call in root_only_calls() {
			for who in [Sr25519Keyring::Alice, Sr25519Keyring::Bob] {
				assert_eq!(
					call.clone().dispatch(signed(who)).map_err(|e| e.error),
					Err(DispatchError::BadOrigin),
					"{call:?}"
				);
				// Alice was `local`'s sudo key before governance: nobody is now.
				assert_noop!(
					Sudo::sudo(signed(who), Box::new(call.clone())),
					pallet_sudo::Error::<Runtime>::RequireSudo
				);
			}
			let general = RuntimeOrigin::from(Origin::General);
			assert_eq!(
				call.clone().dispatch(general).map_err(|e| e.error),
				Err(DispatchError::BadOrigin),
				"{call:?}"
			);
		}
	});
}

#[test]
fn a_passed_root_referendum_dispatches_its_call_as_root() {
	genesis_storage(LOCAL_TESTNET_RUNTIME_PRESET).execute_with(|| {
		System::set_block_number(1);
		let before = desired_candidates();
		let index = propose_desired_candidates_as_root(true);
		// Deciding, then confirming for a minute: not yet enacted.
		run_to(1 + 1 + MINUTES);
		assert_eq!(desired_candidates(), before);
		// Confirmed, then enacted after the minimum enactment period (a minute).
		run_to(1 + 4 * MINUTES);
		assert!(System::events().iter().any(|r| matches!(
			r.event,
			RuntimeEvent::Referenda(pallet_referenda::Event::Confirmed { index: i, .. }) if i == index
		)));
		assert_eq!(enactment_results(), vec![Ok(())]);
		assert_eq!(desired_candidates(), 5);
	});
}

#[test]
fn a_general_referendum_cannot_make_a_root_call() {
	genesis_storage(LOCAL_TESTNET_RUNTIME_PRESET).execute_with(|| {
		System::set_block_number(1);
		let before = desired_candidates();
		// It passes and is dispatched, with the General origin, which Root's calls refuse.
		assert_eq!(
			propose_and_pass(OriginCaller::Origins(Origin::General), set_desired_candidates(5)),
			vec![Err(DispatchError::BadOrigin)]
		);
		assert_eq!(desired_candidates(), before);
	});
}

#[test]
fn a_referendum_the_voters_reject_changes_nothing() {
	genesis_storage(LOCAL_TESTNET_RUNTIME_PRESET).execute_with(|| {
		System::set_block_number(1);
		let before = desired_candidates();
		let index = propose_desired_candidates_as_root(false);
		// The decision period (14 minutes) ends without approval.
		run_to(2 + 15 * MINUTES);
		assert!(System::events().iter().any(|r| matches!(
			r.event,
			RuntimeEvent::Referenda(pallet_referenda::Event::Rejected { index: i, .. }) if i == index
		)));
		assert!(enactment_results().is_empty());
		assert_eq!(desired_candidates(), before);
	});
}
