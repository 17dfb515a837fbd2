//! The IPFS database under the node's base path: blocks and pins of the embedded store, and the
//! pinner's references and statuses. One RocksDB with a column per kind of record.

use std::{path::Path, sync::Arc};

use kvdb_rocksdb::{Database, DatabaseConfig};

/// Blocks of the embedded store, keyed by multihash (as Kubo's blockstore keys them).
pub const BLOCKS: u32 = 0;
/// Pinned roots of the embedded store, keyed by binary CID.
pub const PINS: u32 = 1;
/// The pinner's references: what on chain refers to which CID.
pub const REFERENCES: u32 = 2;
/// The pinner's record of each referenced CID: reference count and pin status.
pub const PIN_RECORDS: u32 = 3;
/// Single values: the last block the pinner processed, the embedded store's byte count.
pub const META: u32 = 4;
/// The referenced CIDs that are not pinned (missing or failed), keyed by binary CID: the pinner's
/// queue on start and `ipfs_pinStatus`'s list, without reading every pinned record.
pub const UNPINNED: u32 = 5;

/// When each block of the embedded store was stored: keys are the time in milliseconds
/// (big-endian, unique and increasing) followed by the block's multihash, so that garbage
/// collection finds the oldest blocks first.
pub const BLOCK_AGES: u32 = 6;

/// The age of each block of the embedded store (the big-endian milliseconds of its
/// [`BLOCK_AGES`] key), keyed by multihash.
pub const AGE_OF: u32 = 7;
/// Roots unpinned since the last garbage collection, keyed by binary CID.
pub const RELEASED: u32 = 8;

const COLUMNS: u32 = 9;

/// Opens (or creates) the IPFS database in `dir`.
pub fn open(dir: &Path) -> std::io::Result<Arc<Database>> {
	std::fs::create_dir_all(dir)?;
	Database::open(&DatabaseConfig::with_columns(COLUMNS), dir).map(Arc::new)
}
