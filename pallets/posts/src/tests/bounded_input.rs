//! Over-long arguments are refused when the call is decoded, before any work.

use super::*;
use codec::{Decode, Encode, Input};

/// A 200,000-character base58 text: a CIDv0 prefix followed by digits the `cid` crate would
/// decode in time quadratic in the length.
fn huge_cid_text() -> Vec<u8> {
	let mut text = b"Qm".to_vec();
	text.resize(200_000, b'z');
	text
}

/// Reads from a byte slice and counts what the decoder took: an upper bound on the work
/// decoding did.
struct CountingInput<'a> {
	bytes: &'a [u8],
	read: usize,
}

impl Input for CountingInput<'_> {
	fn remaining_len(&mut self) -> Result<Option<usize>, codec::Error> {
		self.bytes.remaining_len()
	}

	fn read(&mut self, into: &mut [u8]) -> Result<(), codec::Error> {
		self.read += into.len();
		self.bytes.read(into)
	}
}

/// Decodes `encoded` as a call of the mock runtime; returns whether it decoded and how many
/// bytes the decoder read.
fn decode_call(encoded: &[u8]) -> (bool, usize) {
	let mut input = CountingInput { bytes: encoded, read: 0 };
	let decoded = RuntimeCall::decode(&mut input).is_ok();
	(decoded, input.read)
}

/// The two bytes that start an encoded posts call: the pallet's index and the call's.
fn call_prefix(call: crate::Call<Test>) -> [u8; 2] {
	let encoded = RuntimeCall::Posts(call).encode();
	[encoded[0], encoded[1]]
}

#[test]
fn an_over_long_cid_is_refused_by_the_decoder_of_every_call_that_takes_one() {
	let hello = text(examples::HELLO_V1);
	let huge = huge_cid_text();
	// Each call encoded as a client that ignores the bound would encode it: the text as a
	// plain byte vector (the same SCALE shape as the bounded one), its other arguments valid.
	let prefix =
		call_prefix(crate::Call::create_post { content: hello.clone(), size: 1, reply_to: None });
	let create_post = (prefix, &huge, 1u32, None::<PostId>).encode();
	let prefix =
		call_prefix(crate::Call::edit_post { post_id: 0, content: hello.clone(), size: 1 });
	let edit_post = (prefix, 0 as PostId, &huge, 1u32).encode();
	let prefix = call_prefix(crate::Call::create_posts { posts: Default::default() });
	let create_posts = (prefix, vec![(&huge, 1u32)]).encode();

	for (name, encoded) in
		[("create_post", create_post), ("edit_post", edit_post), ("create_posts", create_posts)]
	{
		assert!(encoded.len() > 200_000);
		let (decoded, read) = decode_call(&encoded);
		assert!(!decoded, "{name}: a 200,000-character CID must not decode");
		// The decoder stops at the text's length prefix: it never reads the text.
		assert!(read <= 24, "{name}: the decoder read {read} bytes");
	}
}

#[test]
fn the_longest_text_that_decodes_is_parsed_in_bounded_work() {
	new_test_ext().execute_with(|| {
		// 128 characters of base58 (the most a CidText holds) is not a CID: refused with the
		// CID error, nothing stored.
		let mut longest = b"z".to_vec();
		longest.resize(plaza_primitives::MAX_CID_TEXT_LEN as usize, b'2');
		let longest = CidText::try_from(longest).unwrap();
		assert_noop!(
			Posts::create_post(RuntimeOrigin::signed(ALICE), longest, 1, None),
			Error::<Test>::MalformedCid
		);
		// One byte more does not fit the argument's type.
		let mut over = b"z".to_vec();
		over.resize(plaza_primitives::MAX_CID_TEXT_LEN as usize + 1, b'2');
		assert!(CidText::try_from(over).is_err());
	});
}

#[test]
fn a_post_list_longer_than_the_rate_limit_does_not_decode() {
	let good = NewPost { content: text(examples::HELLO_V1), size: 1 };
	let prefix = call_prefix(crate::Call::create_posts { posts: Default::default() });
	let fits = vec![good.clone(); MAX_POSTS_PER_WINDOW as usize];
	assert!(decode_call(&(prefix, fits).encode()).0);
	let too_many = vec![good; MAX_POSTS_PER_WINDOW as usize + 1];
	let (decoded, read) = decode_call(&(prefix, too_many).encode());
	assert!(!decoded);
	assert!(read <= 4, "the decoder read {read} bytes");
}

#[test]
fn a_cid_inside_a_path_is_refused() {
	new_test_ext().execute_with(|| {
		for wrapped in
			[format!("/ipfs/{}", examples::HELLO_V1), format!("x/ipfs/{}", examples::HELLO_V0)]
		{
			assert_noop!(post(ALICE, &wrapped, 1, None), Error::<Test>::MalformedCid);
		}
	});
}
