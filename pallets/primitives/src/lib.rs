//! # Plaza primitives
//!
//! What Plaza's pallets share, kept in one place so that no pallet redefines it:
//!
//! - [`ContentId`]: a content hash (CID) of a body kept in IPFS, parsed from the text users paste
//!   and validated once, here, with the `cid` and `multihash` crates; [`CidText`], the bounded
//!   text form calls take it in.
//! - [`PostId`] and [`VoteDirection`].
//! - [`PostsInspect`], [`ProfilesInspect`] and [`OnVote`]: how the votes and rewards pallets see
//!   posts, profiles and votes without depending on each other's crates.

#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]

extern crate alloc;

mod content;
mod social;

pub use content::*;
pub use social::*;
