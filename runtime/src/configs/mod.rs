//! Every pallet's `Config` for the Plaza runtime, and the parameters they are built from.

mod apps;
mod communities;
mod consensus;
mod governance;
mod monetary;
mod parameters;
mod rewards;
mod social;
mod system;
mod validators;

pub use apps::*;
pub use communities::*;
pub use consensus::*;
pub use governance::*;
pub use monetary::*;
pub use parameters::*;
pub use rewards::*;
pub use social::*;
pub use system::*;
pub use validators::*;
