//! Content ids: the CIDs of post bodies and profile documents kept in IPFS.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{traits::ConstU32, BoundedVec, PalletError};
use scale_info::TypeInfo;

/// Multicodec codes of the content types a Plaza CID may name.
pub mod codecs {
	/// Raw bytes (what `ipfs add --cid-version=1` gives for a body that fits one chunk).
	pub const RAW: u64 = 0x55;
	/// A UnixFS DAG node (every CIDv0, and chunked bodies).
	pub const DAG_PB: u64 = 0x70;
	/// DAG-CBOR.
	pub const DAG_CBOR: u64 = 0x71;
	/// DAG-JSON.
	pub const DAG_JSON: u64 = 0x0129;
	/// Every codec Plaza accepts.
	pub const SUPPORTED: [u64; 4] = [RAW, DAG_PB, DAG_CBOR, DAG_JSON];
}

/// Multihash codes of the hash functions a Plaza CID may use, all with 32-byte digests.
pub mod hashes {
	/// SHA2-256 (IPFS's default).
	pub const SHA2_256: u64 = 0x12;
	/// BLAKE2b-256.
	pub const BLAKE2B_256: u64 = 0xb220;
	/// BLAKE3 with a 32-byte digest.
	pub const BLAKE3: u64 = 0x1e;
	/// Every hash function Plaza accepts.
	pub const SUPPORTED: [u64; 3] = [SHA2_256, BLAKE2B_256, BLAKE3];
	/// The digest length every supported hash must have.
	pub const DIGEST_LEN: u8 = 32;
}

/// The longest binary CID Plaza accepts: version (1 byte), codec (at most 2 varint bytes), hash
/// code (at most 3), digest length (1) and a 32-byte digest.
pub const MAX_CID_BYTES: u32 = 39;

/// The longest CID text a call takes. The longest CID Plaza accepts is 62 characters in base32,
/// 79 in base16 and 95 in base10, so every supported base fits; base2 (313 characters) is
/// refused. Bounding the text in the call's type refuses an over-long one when the extrinsic is
/// decoded, before any work (base58 and base10 decoding is quadratic in the length).
pub const MAX_CID_TEXT_LEN: u32 = 128;

/// A CID in the text form users paste, as calls take it: at most [`MAX_CID_TEXT_LEN`] bytes.
pub type CidText = BoundedVec<u8, ConstU32<MAX_CID_TEXT_LEN>>;

/// A validated CID in its binary form (for CIDv0, the multihash alone, as IPFS encodes it).
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct ContentId(BoundedVec<u8, ConstU32<MAX_CID_BYTES>>);

/// Why a CID was refused.
#[derive(
	Clone, Copy, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo, PalletError, Debug,
)]
pub enum CidError {
	/// No CID was given.
	Empty,
	/// The text is not a CID: bad multibase, bad varints, unknown version or a truncated hash.
	Malformed,
	/// The CID names a content type other than raw, dag-pb, dag-cbor or dag-json.
	UnsupportedCodec,
	/// The CID's hash is not a 32-byte sha2-256, blake2b-256 or blake3 digest.
	UnsupportedHash,
}

impl ContentId {
	/// Parses a CID in the text form users paste: `Qm…` (CIDv0, base58btc) or a multibase-prefixed
	/// CIDv1 such as `b…` (base32), `z…` (base58btc) or `f…` (base16).
	///
	/// The text must be exactly one CID in its canonical spelling for its base: nothing before or
	/// after it (no `/ipfs/` path, no spaces), no non-canonical encoding of the same bytes, and
	/// at most [`MAX_CID_TEXT_LEN`] bytes.
	pub fn parse(text: &[u8]) -> Result<Self, CidError> {
		if text.is_empty() {
			return Err(CidError::Empty);
		}
		if text.len() > MAX_CID_TEXT_LEN as usize {
			return Err(CidError::Malformed);
		}
		let text = core::str::from_utf8(text).map_err(|_| CidError::Malformed)?;
		let cid = cid::Cid::try_from(text).map_err(|_| CidError::Malformed)?;
		if !is_canonical_text(&cid, text) {
			return Err(CidError::Malformed);
		}
		if !codecs::SUPPORTED.contains(&cid.codec()) {
			return Err(CidError::UnsupportedCodec);
		}
		let hash = cid.hash();
		if !hashes::SUPPORTED.contains(&hash.code()) || hash.size() != hashes::DIGEST_LEN {
			return Err(CidError::UnsupportedHash);
		}
		cid.to_bytes().try_into().map(Self).map_err(|_| CidError::Malformed)
	}

	/// The binary CID.
	pub fn as_bytes(&self) -> &[u8] {
		&self.0
	}

	/// The CID's usual text form: base58btc for CIDv0, base32 for CIDv1.
	#[cfg(feature = "std")]
	pub fn to_text(&self) -> String {
		cid::Cid::try_from(self.as_bytes())
			.map(|cid| cid.to_string())
			.expect("a ContentId holds a CID parsed by ContentId::parse")
	}
}

/// Whether `text` is `cid` written out in its own base: the `cid` crate also accepts a CID
/// anywhere after an `/ipfs/` in a longer text, and some bases decode more than one spelling of
/// the same bytes.
fn is_canonical_text(cid: &cid::Cid, text: &str) -> bool {
	use cid::multibase::Base;
	let base = match cid.version() {
		cid::Version::V0 => Base::Base58Btc,
		cid::Version::V1 => match text.chars().next().map(Base::from_code) {
			Some(Ok(base)) => base,
			_ => return false,
		},
	};
	cid.to_string_of_base(base).is_ok_and(|canonical| canonical == text)
}

/// Implements `From<CidError>` for a pallet's `Error<T>` that has the variants `EmptyCid`,
/// `MalformedCid`, `UnsupportedCidCodec` and `UnsupportedCidHash`, so that every pallet reports a
/// refused CID with the same names.
#[macro_export]
macro_rules! impl_from_cid_error {
	($error:ident) => {
		impl<T> From<$crate::CidError> for $error<T> {
			fn from(error: $crate::CidError) -> Self {
				match error {
					$crate::CidError::Empty => Self::EmptyCid,
					$crate::CidError::Malformed => Self::MalformedCid,
					$crate::CidError::UnsupportedCodec => Self::UnsupportedCidCodec,
					$crate::CidError::UnsupportedHash => Self::UnsupportedCidHash,
				}
			}
		}
	};
}

/// Example CIDs of each kind, for tests, benchmarks and documentation.
pub mod examples {
	/// Kubo's `ipfs add` (CIDv0, dag-pb, sha2-256) of the bytes `hello world\n`.
	pub const HELLO_V0: &str = "QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5o";
	/// `ipfs add --cid-version=1` (raw leaf, sha2-256) of the bytes `hello world`.
	pub const HELLO_V1: &str = "bafkreifzjut3te2nhyekklss27nh3k72ysco7y32koao5eei66wof36n5e";
	/// A raw CIDv1 with a sha2-512 hash: well-formed, but not a hash Plaza accepts.
	pub const SHA2_512: &str = "bafkrgqg3hf2ks7zea634vynomn6aamdipiizcmtu2v4esjky4oobnqax32covtoiyyx6gtxe4evuwfbiqf7qtnvcoygd7ctgjtvostjegsszg";
	/// The longest CID Plaza accepts: dag-json (2-byte codec) with a blake2b-256 hash (3-byte code).
	pub const LONGEST: &str = "baguqfiheaiqmogyf7uory67x5eup6ghfrw2rsputczawzqtlvhgjbfg2qdlqchq";
	/// A CIDv1 of the libp2p-key codec (a peer id): well-formed, but not content.
	pub const LIBP2P_KEY: &str = "bafzbeifjjcie6lypi6ny7amxnfftagclbuxndqonfipmb64f2km2devei4";
}

#[cfg(test)]
mod tests {
	use super::{examples::*, *};

	#[test]
	fn parses_cidv0_to_its_multihash() {
		let cid = ContentId::parse(HELLO_V0.as_bytes()).unwrap();
		assert_eq!(cid.as_bytes().len(), 34);
		assert_eq!(&cid.as_bytes()[..2], &[0x12, 0x20]);
		assert_eq!(cid.to_text(), HELLO_V0);
	}

	#[test]
	fn parses_cidv1_in_any_multibase() {
		let cid = ContentId::parse(HELLO_V1.as_bytes()).unwrap();
		assert_eq!(&cid.as_bytes()[..4], &[0x01, 0x55, 0x12, 0x20]);
		assert_eq!(cid.to_text(), HELLO_V1);
		let parsed = cid::Cid::try_from(HELLO_V1).unwrap();
		let base58 = parsed.to_string_of_base(cid::multibase::Base::Base58Btc).unwrap();
		let base16 = parsed.to_string_of_base(cid::multibase::Base::Base16Lower).unwrap();
		assert_eq!(ContentId::parse(base58.as_bytes()).unwrap(), cid);
		assert_eq!(ContentId::parse(base16.as_bytes()).unwrap(), cid);
	}

	fn cid_text(codec: u64, hash_code: u64, digest: &[u8]) -> String {
		let hash = cid::multihash::Multihash::<64>::wrap(hash_code, digest).unwrap();
		cid::Cid::new_v1(codec, hash).to_string()
	}

	#[test]
	fn accepts_every_supported_codec_and_hash() {
		for codec in codecs::SUPPORTED {
			for hash in hashes::SUPPORTED {
				let text = cid_text(codec, hash, &[7u8; 32]);
				let cid = ContentId::parse(text.as_bytes()).unwrap();
				assert!(cid.as_bytes().len() <= MAX_CID_BYTES as usize);
				assert_eq!(cid.to_text(), text);
			}
		}
		// The longest: dag-json (2-byte codec varint) with blake2b-256 (3-byte code varint).
		let longest = ContentId::parse(LONGEST.as_bytes()).unwrap();
		assert_eq!(longest.as_bytes().len(), MAX_CID_BYTES as usize);
		assert_eq!(&longest.as_bytes()[..7], &[0x01, 0xa9, 0x02, 0xa0, 0xe4, 0x02, 0x20]);
	}

	#[test]
	fn refuses_what_is_not_a_supported_cid() {
		assert_eq!(ContentId::parse(b""), Err(CidError::Empty));
		assert_eq!(ContentId::parse(b"hello"), Err(CidError::Malformed));
		assert_eq!(ContentId::parse(b"Qm123"), Err(CidError::Malformed));
		assert_eq!(ContentId::parse(&HELLO_V1.as_bytes()[..40]), Err(CidError::Malformed));
		assert_eq!(ContentId::parse(format!(" {HELLO_V1}").as_bytes()), Err(CidError::Malformed));
		assert_eq!(ContentId::parse(&[0xff, 0xfe]), Err(CidError::Malformed));
		assert_eq!(ContentId::parse(LIBP2P_KEY.as_bytes()), Err(CidError::UnsupportedCodec));
		assert_eq!(ContentId::parse(SHA2_512.as_bytes()), Err(CidError::UnsupportedHash));
		// libp2p-key codec (0x72): a peer id, not content.
		assert_eq!(
			ContentId::parse(cid_text(0x72, hashes::SHA2_256, &[1u8; 32]).as_bytes()),
			Err(CidError::UnsupportedCodec)
		);
		// sha2-512 (0x13) and identity (0x00) hashes.
		assert_eq!(
			ContentId::parse(cid_text(codecs::RAW, 0x13, &[1u8; 64]).as_bytes()),
			Err(CidError::UnsupportedHash)
		);
		assert_eq!(
			ContentId::parse(cid_text(codecs::RAW, 0x00, b"inline").as_bytes()),
			Err(CidError::UnsupportedHash)
		);
		// A sha2-256 code with a truncated 20-byte digest.
		assert_eq!(
			ContentId::parse(cid_text(codecs::RAW, hashes::SHA2_256, &[1u8; 20]).as_bytes()),
			Err(CidError::UnsupportedHash)
		);
	}

	#[test]
	fn refuses_anything_around_the_cid() {
		for text in [
			format!("/ipfs/{HELLO_V1}"),
			format!("anything/ipfs/{HELLO_V1}"),
			format!("https://ipfs.io/ipfs/{HELLO_V0}"),
			format!("{HELLO_V1} "),
			format!("{HELLO_V0}\n"),
			format!("{HELLO_V1}/readme"),
		] {
			assert_eq!(ContentId::parse(text.as_bytes()), Err(CidError::Malformed), "{text}");
		}
	}

	#[test]
	fn refuses_text_longer_than_any_supported_cid() {
		// The longest accepted CID in the longest accepted base (base10) fits…
		let longest = cid::Cid::try_from(LONGEST).unwrap();
		let base10 = longest.to_string_of_base(cid::multibase::Base::Base10).unwrap();
		assert!(base10.len() <= MAX_CID_TEXT_LEN as usize, "{}", base10.len());
		assert_eq!(ContentId::parse(base10.as_bytes()).unwrap().as_bytes(), longest.to_bytes());
		// …and a longer text is refused before it is decoded.
		let long = format!("z{}", "1".repeat(200_000));
		assert_eq!(ContentId::parse(long.as_bytes()), Err(CidError::Malformed));
		assert!(CidText::try_from(long.into_bytes()).is_err(), "a CidText cannot hold it");
	}
}
