//! # Plaza social RPC
//!
//! Feeds over JSON-RPC from one Plaza node, with no external indexer: an in-node social index
//! built from finalized blocks ([`index`], fed by [`follower`]), read through the `social_*`
//! methods and subscriptions of [`api`] with opaque keyset cursors ([`cursor`]).
//!
//! The node translates its runtime's events into [`events::SocialEvent`]s (implementing
//! [`follower::SocialSource`]) and answers pending rewards with the runtime API of
//! `plaza-rpc-runtime-api`.

#![deny(missing_docs)]

pub mod api;
pub mod bodies;
pub mod cursor;
pub mod events;
pub mod follower;
pub mod index;
pub mod records;

pub use api::{Social, SocialApiServer};
