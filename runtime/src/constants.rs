//! Units the runtime and its genesis presets are written in.

/// The PLZ token and the prices of storage.
pub mod currency {
	use crate::Balance;

	/// Decimal places of PLZ: one PLZ is 10^12 planck.
	pub const TOKEN_DECIMALS: u8 = 12;
	/// The token's ticker, shown by wallets.
	pub const TOKEN_SYMBOL: &str = "PLZ";

	/// One PLZ, in planck.
	pub const PLZ: Balance = 1_000_000_000_000;
	/// One thousandth of a PLZ.
	pub const MILLI_PLZ: Balance = PLZ / 1_000;
	/// One millionth of a PLZ.
	pub const MICRO_PLZ: Balance = PLZ / 1_000_000;

	/// What one storage item costs to keep (reserved while it exists, returned on removal).
	pub const DEPOSIT_PER_ITEM: Balance = 10 * MILLI_PLZ;
	/// What one byte of storage costs to keep.
	pub const DEPOSIT_PER_BYTE: Balance = 100 * MICRO_PLZ;

	/// The deposit for keeping `items` storage items of `bytes` bytes in total.
	pub const fn deposit(items: u32, bytes: u32) -> Balance {
		items as Balance * DEPOSIT_PER_ITEM + bytes as Balance * DEPOSIT_PER_BYTE
	}

	/// The existential deposit: the least balance an account may hold. An account is one storage
	/// item (its `AccountInfo`), so it costs what any other item costs; accounts below it are
	/// reaped, which keeps dust accounts from bloating the state for free. At 0.01 PLZ it is
	/// small enough for tips and airdrops to new users.
	pub const EXISTENTIAL_DEPOSIT: Balance = deposit(1, 0);

	/// The fee of a transaction of base weight (`ExtrinsicBaseWeight`): fees from weight scale
	/// linearly from here.
	pub const BASE_TRANSACTION_FEE: Balance = 100 * MICRO_PLZ;
	/// The fee per byte of an encoded transaction.
	pub const TRANSACTION_BYTE_FEE: Balance = MICRO_PLZ;
}

/// Block times and durations in blocks.
pub mod time {
	use crate::BlockNumber;

	/// The target block time. Blocks are authored in Aura slots of this length.
	///
	/// The slot duration cannot change once the chain has started.
	pub const MILLI_SECS_PER_BLOCK: u64 = 6000;
	/// The Aura slot duration.
	pub const SLOT_DURATION: u64 = MILLI_SECS_PER_BLOCK;

	/// One minute, in blocks.
	pub const MINUTES: BlockNumber = 60_000 / (MILLI_SECS_PER_BLOCK as BlockNumber);
	/// One hour, in blocks.
	pub const HOURS: BlockNumber = MINUTES * 60;
	/// One day, in blocks.
	pub const DAYS: BlockNumber = HOURS * 24;
}

/// The SS58 address prefix of Plaza accounts (unassigned in the SS58 registry).
pub const SS58_PREFIX: u16 = 61;
