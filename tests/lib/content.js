// Bodies for tests: content ids as `ipfs add --cid-version=1` computes them for bodies that fit
// one 256 KiB chunk (a raw-leaf CIDv1 of the body's sha2-256, in base32), and bodies of many
// distinct chunks.
import { createHash } from 'node:crypto';

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

/** `length` bytes that do not repeat within a chunk (so every chunk is its own block). */
export function pseudoRandom(length, seed) {
  const out = Buffer.alloc(length);
  for (let offset = 0, counter = 0; offset < length; counter++) {
    offset += createHash('sha256').update(`${seed}:${counter}`).digest().copy(out, offset);
  }
  return out;
}
