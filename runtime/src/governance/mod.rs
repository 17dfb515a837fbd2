//! On-chain governance: referenda on two tracks replace a sudo key.
//!
//! - [`origins`]: the `General` origin a passed general-track referendum dispatches with, and
//!   the chain's governance pace (days on a live network, minutes on test networks).
//! - [`tracks`]: the `root` and `general` tracks, their deposits, periods and curves.
//!
//! The pallets' `Config`s (referenda, conviction voting, scheduler, preimage) are in
//! [`crate::configs`].

pub mod origins;
pub mod tracks;

pub use origins::{EnsureGeneral, Pace};
