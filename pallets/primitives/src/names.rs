//! Handles and display names: the names profiles and communities are known by, validated the
//! same way everywhere.

use frame_support::{traits::ConstU32, BoundedVec};

/// The fewest characters a handle may have.
pub const MIN_HANDLE_LEN: u32 = 3;
/// The most characters a handle may have.
pub const MAX_HANDLE_LEN: u32 = 32;
/// The most bytes (UTF-8) a display name may have.
pub const MAX_DISPLAY_NAME_LEN: u32 = 64;

/// A handle: at most 32 bytes. Stored in canonical form: 3–32 characters of `a`–`z`, `0`–`9`
/// and `_`.
pub type Handle = BoundedVec<u8, ConstU32<MAX_HANDLE_LEN>>;
/// A display name: at most 64 bytes of UTF-8.
pub type DisplayName = BoundedVec<u8, ConstU32<MAX_DISPLAY_NAME_LEN>>;

/// Why a handle was refused.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum HandleError {
	/// Fewer than 3 characters.
	TooShort,
	/// A character other than a letter, a digit or `_`.
	InvalidCharacter,
}

/// The canonical (lower-case) form of a handle as typed, if it is a valid handle. Handles are
/// case-insensitive: `Alice_1` and `alice_1` are the same handle. The type bounds the length.
pub fn canonical_handle(typed: &Handle) -> Result<Handle, HandleError> {
	if typed.len() < MIN_HANDLE_LEN as usize {
		return Err(HandleError::TooShort);
	}
	let mut canonical = typed.clone();
	for c in canonical.iter_mut() {
		*c = match c.to_ascii_lowercase() {
			c @ (b'a'..=b'z' | b'0'..=b'9' | b'_') => c,
			_ => return Err(HandleError::InvalidCharacter),
		};
	}
	Ok(canonical)
}

/// Implements `From<HandleError>` for a pallet's `Error<T>` that has the variants
/// `HandleTooShort` and `InvalidHandleCharacter`, so that every pallet reports a refused handle
/// with the same names.
#[macro_export]
macro_rules! impl_from_handle_error {
	($error:ident) => {
		impl<T> From<$crate::HandleError> for $error<T> {
			fn from(error: $crate::HandleError) -> Self {
				match error {
					$crate::HandleError::TooShort => Self::HandleTooShort,
					$crate::HandleError::InvalidCharacter => Self::InvalidHandleCharacter,
				}
			}
		}
	};
}

#[cfg(test)]
mod tests {
	use super::*;

	fn handle(text: &str) -> Handle {
		Handle::truncate_from(text.as_bytes().to_vec())
	}

	#[test]
	fn handles_are_lower_cased_and_checked() {
		assert_eq!(canonical_handle(&handle("Alice_1")), Ok(handle("alice_1")));
		assert_eq!(canonical_handle(&handle("ab")), Err(HandleError::TooShort));
		assert_eq!(canonical_handle(&handle("a-b-c")), Err(HandleError::InvalidCharacter));
		assert_eq!(canonical_handle(&handle("é_abc")), Err(HandleError::InvalidCharacter));
	}
}
