// Content ids as `ipfs add --cid-version=1` computes them for bodies that fit one 256 KiB chunk:
// a raw-leaf CIDv1 of the body's sha2-256, in base32.
import { CID } from 'multiformats/cid';
import * as raw from 'multiformats/codecs/raw';
import { sha256, sha512 } from 'multiformats/hashes/sha2';

const encoder = new TextEncoder();

/** The body `text`, its CID as `ipfs add --cid-version=1` prints it, and its size in bytes. */
export async function body(text) {
  const bytes = encoder.encode(text);
  const cid = CID.create(1, raw.code, await sha256.digest(bytes));
  return { bytes, cid, text: cid.toString(), size: bytes.length };
}

/** A well-formed CID whose hash (sha2-512) Plaza does not accept. */
export async function sha512Cid(text) {
  return CID.create(1, raw.code, await sha512.digest(encoder.encode(text))).toString();
}
