//! The referendum tracks: `root` for what needs Root (runtime upgrades, the validator set) and
//! `general` for the runtime's parameters.
//!
//! Periods are written for a live network and scaled by the chain's [`Pace`] when read: on test
//! networks each day of them lasts a minute.

use alloc::borrow::Cow;
use pallet_referenda::{Curve, Track, TrackInfo};
use sp_runtime::{str_array as name, Perbill};

use super::origins::{GovernancePace, Origin, Pace};
use crate::{
	constants::{
		currency::PLZ,
		time::{DAYS, HOURS},
	},
	Balance, BlockNumber, OriginCaller, Runtime,
};

/// The `root` track's id.
pub const ROOT_TRACK: u16 = 0;
/// The `general` track's id.
pub const GENERAL_TRACK: u16 = 1;

/// What placing a `root` referendum's decision deposit reserves.
pub const ROOT_DECISION_DEPOSIT: Balance = 10_000 * PLZ;
/// What placing a `general` referendum's decision deposit reserves.
pub const GENERAL_DECISION_DEPOSIT: Balance = 1_000 * PLZ;

/// Approval (aye share of conviction-weighted votes) needed: from all of it at the start of the
/// decision period down to a simple majority at its end.
const APPROVAL: Curve = Curve::LinearDecreasing {
	length: Perbill::one(),
	floor: Perbill::from_percent(50),
	ceil: Perbill::one(),
};

/// A track as written for a live network, before the pace scales its periods.
struct Written {
	id: u16,
	name: &'static str,
	max_deciding: u32,
	decision_deposit: Balance,
	prepare_period: BlockNumber,
	decision_period: BlockNumber,
	confirm_period: BlockNumber,
	min_enactment_period: BlockNumber,
	/// Support (ayes' capital, before conviction, as a share of the active issuance) needed
	/// at the start of the decision period; it falls linearly to `support_floor` at its end.
	support_ceil: Perbill,
	support_floor: Perbill,
}

/// The tracks, sorted by id as `TracksInfo` requires.
const TRACKS: [Written; 2] = [
	Written {
		id: ROOT_TRACK,
		name: "root",
		// One upgrade at a time.
		max_deciding: 1,
		decision_deposit: ROOT_DECISION_DEPOSIT,
		prepare_period: 2 * HOURS,
		decision_period: 14 * DAYS,
		confirm_period: DAYS,
		min_enactment_period: DAYS,
		support_ceil: Perbill::from_percent(50),
		support_floor: Perbill::from_percent(1),
	},
	Written {
		id: GENERAL_TRACK,
		name: "general",
		max_deciding: 10,
		decision_deposit: GENERAL_DECISION_DEPOSIT,
		prepare_period: HOURS,
		decision_period: 7 * DAYS,
		confirm_period: 3 * HOURS,
		min_enactment_period: HOURS,
		support_ceil: Perbill::from_percent(20),
		support_floor: Perbill::from_percent(1),
	},
];

impl Written {
	fn at(&self, pace: Pace) -> Track<u16, Balance, BlockNumber> {
		Track {
			id: self.id,
			info: TrackInfo {
				name: name(self.name),
				max_deciding: self.max_deciding,
				decision_deposit: self.decision_deposit,
				prepare_period: pace.scale(self.prepare_period),
				decision_period: pace.scale(self.decision_period),
				confirm_period: pace.scale(self.confirm_period),
				min_enactment_period: pace.scale(self.min_enactment_period),
				min_approval: APPROVAL,
				min_support: Curve::LinearDecreasing {
					length: Perbill::one(),
					floor: self.support_floor,
					ceil: self.support_ceil,
				},
			},
		}
	}
}

/// Plaza's tracks for `pallet-referenda`.
pub struct TracksInfo;

impl pallet_referenda::TracksInfo<Balance, BlockNumber> for TracksInfo {
	type Id = u16;
	type RuntimeOrigin = OriginCaller;

	fn tracks() -> impl Iterator<Item = Cow<'static, Track<u16, Balance, BlockNumber>>> {
		let pace = GovernancePace::<Runtime>::get();
		TRACKS.iter().map(move |track| Cow::Owned(track.at(pace)))
	}

	fn track_for(origin: &OriginCaller) -> Result<u16, ()> {
		match origin {
			OriginCaller::system(frame_system::RawOrigin::Root) => Ok(ROOT_TRACK),
			OriginCaller::Origins(Origin::General) => Ok(GENERAL_TRACK),
			_ => Err(()),
		}
	}
}

/// A period of `blocks` on a live network, at this chain's pace: for the governance constants
/// that are not per track (how long votes stay locked, how long a referendum may wait for its
/// decision deposit).
pub struct Paced<const BLOCKS: BlockNumber>;

impl<const BLOCKS: BlockNumber> frame_support::traits::Get<BlockNumber> for Paced<BLOCKS> {
	fn get() -> BlockNumber {
		GovernancePace::<Runtime>::get().scale(BLOCKS)
	}
}
