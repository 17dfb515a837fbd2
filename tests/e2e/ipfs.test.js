// IPFS in plaza-node: CIDs equal to Kubo's, the Kubo RPC subset and gateway, bad input refused,
// bodies referenced on chain pinned after finality (and unpinned when released), content kept
// across a restart, and an external IPFS daemon (`--ipfs-api`) or source (`--ipfs-source`) used
// through another Plaza node's endpoint.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { execSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { CID } from 'multiformats/cid';
import * as raw from 'multiformats/codecs/raw';
import { sha256 } from 'multiformats/hashes/sha2';

import { pseudoRandom } from '../lib/content.js';
import { connect, devKey, signAndWaitInBlock } from '../lib/chain.js';
import { add, apiJson, apiPost, kuboCids, rawRequest } from '../lib/ipfs.js';
import { freePort, sleep, startNode, tempDir, waitFor } from '../lib/node.js';

const KiB = 1024;
const MiB = 1024 * KiB;
const MAX_CONTENT = 8 * MiB;

let base;
let node;
let api;

before(async () => {
  base = tempDir('ipfs');
  node = await startNode({
    name: 'ipfs',
    args: ['--dev', '--ipfs-max-content', String(MAX_CONTENT), '--ipfs-fetch-timeout', '2'],
    basePath: path.join(base.dir, 'chain'),
  });
  api = await connect(node);
});

after(async () => {
  await api?.disconnect();
  await node?.stop();
  base?.cleanup();
});

describe('the embedded store', () => {
  test('chunks and hashes exactly as Kubo does', async () => {
    const bodies = {
      empty: Buffer.alloc(0),
      'one-byte': Buffer.from('x'),
      'chunk-minus-one': pseudoRandom(256 * KiB - 1, 'a'),
      chunk: pseudoRandom(256 * KiB, 'b'),
      'chunk-plus-one': pseudoRandom(256 * KiB + 1, 'c'),
      'five-mib': pseudoRandom(5 * MiB, 'd'),
      'utf8-text': Buffer.from('Plaza — a social ledger. Grüße, 你好, 🌍\n'.repeat(100)),
    };
    const files = Object.entries(bodies).map(([name, bytes]) => {
      const file = path.join(base.dir, name);
      writeFileSync(file, bytes);
      return file;
    });
    const kubo = await kuboCids(files);
    for (const [name, bytes] of Object.entries(bodies)) {
      const ours = await add(node, bytes, { 'only-hash': true });
      assert.equal(ours.Hash, kubo[path.join(base.dir, name)], `CIDv0 of ${name}`);
    }
    // CIDv1 with raw leaves: a single-chunk body is one raw block, whose CID Kubo and multiformats
    // compute from the bytes alone.
    for (const name of ['empty', 'one-byte', 'chunk-minus-one', 'chunk', 'utf8-text']) {
      const ours = await add(node, bodies[name], { 'only-hash': true, 'cid-version': 1 });
      const expected = CID.create(1, raw.code, await sha256.digest(bodies[name])).toString();
      assert.equal(ours.Hash, expected, `CIDv1 of ${name}`);
    }
    // Nothing was stored by only-hash adds.
    const status = await node.rpc('ipfs_pinStatus', []);
    assert.equal(status.storedBytes, 0);
  });

  test('add, cat, block/get, block/stat, pin/ls, pin/rm, id and version', async () => {
    const bytes = pseudoRandom(600 * KiB, 'round-trip');
    const added = await add(node, bytes, { 'cid-version': 1 });
    assert.match(added.Hash, /^bafy/);
    assert.ok(Number(added.Size) > bytes.length, 'Size counts the DAG, framing included');

    const cat = await apiPost(node, 'cat', { arg: added.Hash });
    assert.equal(cat.status, 200);
    assert.deepEqual(Buffer.from(await cat.arrayBuffer()), bytes);
    const part = await apiPost(node, 'cat', { arg: `/ipfs/${added.Hash}`, offset: 300_000, length: 10 });
    assert.deepEqual(Buffer.from(await part.arrayBuffer()), bytes.subarray(300_000, 300_010));

    // A leaf block: raw leaves hold the bytes of their chunk.
    const leaf = CID.create(1, raw.code, await sha256.digest(bytes.subarray(0, 256 * KiB))).toString();
    const block = await apiPost(node, 'block/get', { arg: leaf });
    assert.deepEqual(Buffer.from(await block.arrayBuffer()), bytes.subarray(0, 256 * KiB));
    assert.deepEqual(await apiJson(node, 'block/stat', { arg: leaf }), { Key: leaf, Size: 256 * KiB });

    assert.deepEqual((await apiJson(node, 'pin/ls', { arg: added.Hash })).Keys, {
      [added.Hash]: { Type: 'recursive' },
    });
    assert.deepEqual(await apiJson(node, 'pin/rm', { arg: added.Hash }), { Pins: [added.Hash] });
    assert.ok(!(added.Hash in (await apiJson(node, 'pin/ls')).Keys));
    assert.deepEqual(await apiJson(node, 'pin/add', { arg: added.Hash }), { Pins: [added.Hash] });
    assert.ok(added.Hash in (await apiJson(node, 'pin/ls')).Keys);

    // `id` names the node's IPFS peer, whose key is its own (not the chain network's).
    const id = await apiJson(node, 'id');
    assert.match(id.ID, /^12D3KooW/);
    assert.notEqual(id.ID, await node.rpc('system_localPeerId'));
    assert.ok(node.log().includes(`IPFS peer ${id.ID}`), 'the log does not name the IPFS peer');
    assert.ok(id.PublicKey.length > 0);
    assert.match((await apiJson(node, 'version')).Version, /^\d+\.\d+\.\d+/);
  });

  test('the gateway answers format=raw and format=car, which a client checks itself', async () => {
    const bytes = pseudoRandom(600 * KiB, 'trustless');
    const { Hash: root } = await add(node, bytes, { 'cid-version': 1, 'raw-leaves': true });
    const cid = CID.parse(root);
    const sha = (data) => createHash('sha256').update(data).digest();

    for (const [query, headers] of [['?format=raw', {}], ['', { Accept: 'application/vnd.ipld.raw' }]]) {
      const answer = await rawRequest(node, 'GET', `/ipfs/${root}${query}`, headers);
      assert.equal(answer.status, 200);
      assert.equal(answer.headers['content-type'], 'application/vnd.ipld.raw');
      assert.deepEqual(sha(answer.body), Buffer.from(cid.multihash.digest), 'the block is not its CID');
    }

    const car = await rawRequest(node, 'GET', `/ipfs/${root}?format=car`);
    assert.equal(car.status, 200);
    assert.equal(car.headers['content-type'], 'application/vnd.ipld.car; version=1');
    // Every section after the header is a CID and its block, each checked here as a client would.
    const varint = (buf, at) => {
      let value = 0;
      for (let shift = 0; ; shift += 7) {
        const byte = buf[at++];
        value += (byte & 0x7f) * 2 ** shift;
        if (byte < 0x80) return [value, at];
      }
    };
    let [length, at] = varint(car.body, 0);
    at += length; // the header
    const carried = [];
    while (at < car.body.length) {
      [length, at] = varint(car.body, at);
      const section = car.body.subarray(at, at + length);
      const [blockCid, block] = CID.decodeFirst(section);
      assert.deepEqual(sha(block), Buffer.from(blockCid.multihash.digest), `${blockCid} does not match`);
      carried.push(blockCid.toString());
      at += length;
    }
    assert.equal(carried[0], root);
    assert.equal(carried.length, 4, 'the root and three leaves');

    assert.equal((await rawRequest(node, 'GET', `/ipfs/${root}?format=tar`)).status, 400);
    assert.equal((await rawRequest(node, 'GET', `/ipfs/${root}/x?format=raw`)).status, 400);
  });

  test('the gateway serves lengths, ranges and immutable caching', async () => {
    const bytes = Buffer.from('0123456789abcdefghij');
    const { Hash: cid } = await add(node, bytes);
    const full = await rawRequest(node, 'GET', `/ipfs/${cid}`);
    assert.equal(full.status, 200);
    assert.deepEqual(full.body, bytes);
    assert.equal(full.headers['content-length'], '20');
    assert.equal(full.headers['accept-ranges'], 'bytes');
    assert.match(full.headers['cache-control'], /immutable/);
    assert.equal(full.headers.etag, `"${cid}"`);

    const head = await rawRequest(node, 'HEAD', `/ipfs/${cid}`);
    assert.equal(head.status, 200);
    assert.equal(head.headers['content-length'], '20');
    assert.equal(head.body.length, 0);

    const range = await rawRequest(node, 'GET', `/ipfs/${cid}`, { range: 'bytes=5-9' });
    assert.equal(range.status, 206);
    assert.equal(range.body.toString(), '56789');
    assert.equal(range.headers['content-range'], 'bytes 5-9/20');
    const suffix = await rawRequest(node, 'GET', `/ipfs/${cid}`, { range: 'bytes=-3' });
    assert.equal(suffix.body.toString(), 'hij');
    const beyond = await rawRequest(node, 'GET', `/ipfs/${cid}`, { range: 'bytes=20-' });
    assert.equal(beyond.status, 416);
    assert.equal(beyond.headers['content-range'], 'bytes */20');

    const cached = await rawRequest(node, 'GET', `/ipfs/${cid}`, { 'if-none-match': `"${cid}"` });
    assert.equal(cached.status, 304);
    assert.equal(cached.body.length, 0);
  });

  test('bad input is refused with a 4xx and changes nothing', async () => {
    const before = await node.rpc('ipfs_pinStatus', []);
    const pinsBefore = (await apiJson(node, 'pin/ls')).Keys;
    const { Hash: cid } = await add(node, Buffer.from('known'), { 'only-hash': true });

    const expectStatus = async (response, status, what) => {
      const text = Buffer.isBuffer(response.body) ? response.body.toString() : await response.text();
      assert.equal(response.status, status, `${what}: ${text}`);
      if (status !== 404 || what !== 'unknown route') assert.match(text, /Message/, what);
    };
    // An unknown CID: not found after the (2 s) bounded wait, not a hang.
    const started = Date.now();
    await expectStatus(await apiPost(node, 'cat', { arg: cid }), 404, 'unknown CID');
    assert.ok(Date.now() - started < 10_000);
    await expectStatus(await rawRequest(node, 'GET', `/ipfs/${cid}`), 404, 'unknown CID at the gateway');
    // Too large.
    const tooLarge = new FormData();
    tooLarge.append('file', new Blob([Buffer.alloc(MAX_CONTENT + 1)]), 'big');
    await expectStatus(await apiPost(node, 'add', {}, { body: tooLarge }), 413, 'oversized upload');
    // Malformed multipart.
    const headers = { 'content-type': 'multipart/form-data; boundary=XYZ' };
    await expectStatus(
      await apiPost(node, 'add', {}, { body: '--XYZ\r\nno headers end', headers }),
      400,
      'malformed multipart',
    );
    await expectStatus(await apiPost(node, 'add', {}, { body: 'plain', headers: { 'content-type': 'text/plain' } }), 400, 'not multipart');
    await expectStatus(await apiPost(node, 'add', { 'cid-version': 7 }, { body: new FormData() }), 400, 'bad option');
    // Malformed CIDs.
    await expectStatus(await apiPost(node, 'cat', { arg: 'QmNotACid' }), 400, 'malformed CID');
    await expectStatus(await apiPost(node, 'block/get', { arg: 'bafy!!' }), 400, 'malformed CID');
    await expectStatus(await apiPost(node, 'cat'), 400, 'missing argument');
    await expectStatus(await rawRequest(node, 'GET', '/ipfs/not-a-cid'), 400, 'malformed gateway CID');
    // Gateway paths that try to escape.
    for (const escape of [`/ipfs/${cid}/../../etc/passwd`, `/ipfs/${cid}/%2e%2e/x`, `/ipfs/${cid}//x`, `/ipfs/${cid}/a%5Cb`]) {
      await expectStatus(await rawRequest(node, 'GET', escape), 400, escape);
    }
    // The RPC takes POST only, and the gateway is read-only.
    await expectStatus(await rawRequest(node, 'GET', '/api/v0/version'), 405, 'GET on the RPC');
    await expectStatus(await rawRequest(node, 'POST', `/ipfs/${cid}`), 405, 'POST on the gateway');

    const afterwards = await node.rpc('ipfs_pinStatus', []);
    assert.equal(afterwards.storedBytes, before.storedBytes);
    assert.deepEqual((await apiJson(node, 'pin/ls')).Keys, pinsBefore);
    // The JSON-RPC refuses malformed CIDs as invalid params.
    const response = await fetch(node.httpUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'ipfs_pinStatus', params: [['nope']] }),
    });
    assert.equal((await response.json()).error.code, -32602);
    // Pages: a limit of 0 or over 1000, and a cursor that is not a CID, are invalid params.
    for (const params of [[null, null, 0], [null, null, 1001], [null, 'not-a-cursor', 10]]) {
      const paged = await fetch(node.httpUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'ipfs_pinStatus', params }),
      });
      assert.equal((await paged.json()).error.code, -32602, JSON.stringify(params));
    }
  });
});

describe('the HTTP endpoint under hostile clients', () => {
  test('a web page of another site cannot call the RPC API through the loopback port', async () => {
    const body = Buffer.from('planted by a web page');
    const { Hash: cid } = await add(node, body, { 'only-hash': true });
    const form = () => {
      const data = new FormData();
      data.append('file', new Blob([body]), 'x');
      return data;
    };
    const evil = 'https://evil.example';
    const refused = await apiPost(node, 'add', {}, { body: form(), headers: { origin: evil } });
    assert.equal(refused.status, 403);
    assert.match(await refused.text(), /--ipfs-api-allow-origin https:\/\/evil\.example/);
    assert.equal((await apiPost(node, 'block/stat', { arg: cid })).status, 404, 'nothing was stored');
    const byReferer = await apiPost(node, 'pin/ls', {}, { headers: { referer: `${evil}/page.html` } });
    assert.equal(byReferer.status, 403);
    const preflight = await rawRequest(node, 'OPTIONS', '/api/v0/pin/rm', { origin: evil });
    assert.equal(preflight.status, 403);

    // The endpoint's own origin may, and so may clients that are not web pages.
    const own = await apiPost(node, 'pin/ls', {}, { headers: { origin: node.ipfsUrl } });
    assert.equal(own.status, 200);
    assert.equal(own.headers.get('access-control-allow-origin'), node.ipfsUrl);
    assert.equal((await apiPost(node, 'pin/ls')).status, 200);
    // The gateway serves every origin.
    const { Hash: served } = await add(node, Buffer.from('public'), {});
    const read = await rawRequest(node, 'GET', `/ipfs/${served}`, { origin: evil });
    assert.equal(read.status, 200);
    assert.equal(read.headers['access-control-allow-origin'], '*');
  });

  test('thousands of dribbling sockets do not stop RPC, blocks or the gateway', async () => {
    const limit = Number(execSync('ulimit -n', { shell: '/bin/bash' }).toString().trim()) || 1024;
    const count = Math.min(5000, limit - 500);
    const { port } = new URL(node.ipfsUrl);
    const sockets = [];
    let closedByNode = 0;
    let settled = 0;
    for (let i = 0; i < count; i++) {
      const socket = net.connect(Number(port), '127.0.0.1');
      let counted = false;
      const settle = () => { if (!counted) { counted = true; settled += 1; } };
      socket.on('error', () => {});
      socket.on('close', () => { closedByNode += 1; settle(); });
      socket.on('connect', () => { socket.write('GET /ipfs/'); settle(); });
      sockets.push(socket);
    }
    const dribble = setInterval(() => {
      for (const socket of sockets) if (!socket.destroyed) socket.write('b');
    }, 1000);
    try {
      // Time the node, not this process opening thousands of sockets: measure once every
      // socket has connected (or been turned away). A stalled endpoint would not answer for
      // tens of seconds; 5 s leaves room for a 2-core machine running other suites beside this.
      await waitFor('every dribbler to connect or be refused', async () => settled === count, 30_000);
      const startBlock = (await node.rpc('chain_getHeader')).number;
      for (let round = 0; round < 4; round++) {
        const started = Date.now();
        await node.rpc('chain_getHeader');
        assert.ok(Date.now() - started < 5000, `RPC answered in ${Date.now() - started} ms`);
        await sleep(3000);
      }
      const endBlock = (await node.rpc('chain_getHeader')).number;
      assert.ok(Number(endBlock) > Number(startBlock), `blocks went on: ${startBlock} → ${endBlock}`);
      // Over the connection cap the node closes sockets at once; the rest at the header deadline.
      assert.ok(closedByNode >= count - 256, `${closedByNode} of ${count} closed`);
      await waitFor('the header deadline to close every dribbler', async () => closedByNode === count, 30_000);
    } finally {
      clearInterval(dribble);
      for (const socket of sockets) socket.destroy();
    }
    const { Hash: cid } = await add(node, Buffer.from('still serving'), {});
    assert.equal((await rawRequest(node, 'GET', `/ipfs/${cid}`)).body.toString(), 'still serving');
  });
});

describe('pinning what the chain references', () => {
  const pinState = async (cid) => (await node.rpc('ipfs_pinStatus', [[cid]])).items[0].status?.state ?? null;
  const pinned = async (cid) => cid in (await apiJson(node, 'pin/ls')).Keys;
  let postId;
  let first;
  let second;

  test('a post body added unpinned is pinned once its post is finalized', async () => {
    const alice = devKey(api, 'Alice');
    const body = Buffer.from('My first post, kept in IPFS.\n');
    first = (await add(node, body, { 'cid-version': 1, pin: false })).Hash;
    assert.equal(await pinned(first), false);
    const { events } = await signAndWaitInBlock(api, api.tx.posts.createPost(first, body.length, null), alice);
    const created = events.find((e) => api.events.posts.PostCreated.is(e));
    postId = created.data.postId.toNumber();
    await waitFor('the body to be pinned', async () => (await pinState(first)) === 'pinned', 60_000);
    assert.equal(await pinned(first), true);
    const served = await rawRequest(node, 'GET', `/ipfs/${first}`);
    assert.deepEqual(served.body, body);
    const report = await node.rpc('ipfs_pinStatus', [[first]]);
    assert.equal(report.items[0].status.references, 1);
    // Added here: its one block was already on this node.
    assert.deepEqual(report.items[0].status.origin, { local: 1, peers: 0, sources: 0 });
    assert.ok(report.counts.pinned >= 1);
  });

  test('an edit pins the new body and unpins the one it replaced; a delete unpins', async () => {
    const alice = devKey(api, 'Alice');
    const body = Buffer.from('My first post, edited.\n');
    second = (await add(node, body, { 'cid-version': 1, pin: false })).Hash;
    await signAndWaitInBlock(api, api.tx.posts.editPost(postId, second, body.length), alice);
    await waitFor('the edit to be pinned', async () => (await pinState(second)) === 'pinned', 60_000);
    await waitFor('the old body to be unpinned', async () => !(await pinned(first)), 30_000);
    assert.equal(await pinState(first), null);

    await signAndWaitInBlock(api, api.tx.posts.deletePost(postId), alice);
    await waitFor('the deleted body to be unpinned', async () => !(await pinned(second)), 60_000);
    assert.equal(await pinState(second), null);
  });

  test('the chain never unpins what a person pinned, and a person cannot unpin what the chain needs', async () => {
    const alice = devKey(api, 'Alice');
    const mine = Buffer.from('Pinned by its author, too.\n');
    const { Hash: kept } = await add(node, mine, { 'cid-version': 1 });
    const { events } = await signAndWaitInBlock(api, api.tx.posts.createPost(kept, mine.length, null), alice);
    const id = events.find((e) => api.events.posts.PostCreated.is(e)).data.postId.toNumber();
    await waitFor('the chain to pin it too', async () => (await pinState(kept)) === 'pinned', 60_000);
    await signAndWaitInBlock(api, api.tx.posts.deletePost(id), alice);
    await waitFor('the chain to release it', async () => (await pinState(kept)) === null, 60_000);
    assert.equal(await pinned(kept), true, 'the uploader\'s pin stays');
    assert.deepEqual((await rawRequest(node, 'GET', `/ipfs/${kept}`)).body, mine);

    const theirs = Buffer.from('Pinned by the chain only.\n');
    const { Hash: needed } = await add(node, theirs, { 'cid-version': 1, pin: false });
    await signAndWaitInBlock(api, api.tx.posts.createPost(needed, theirs.length, null), alice);
    await waitFor('the chain to pin it', async () => (await pinState(needed)) === 'pinned', 60_000);
    const refused = await apiPost(node, 'pin/rm', { arg: needed });
    assert.equal(refused.status, 409);
    assert.match(await refused.text(), /a post or profile on chain refers to it/);
    assert.equal(await pinned(needed), true);
  });

  test('a profile document is pinned, and unpinned when the profile is cleared', async () => {
    const charlie = devKey(api, 'Charlie');
    const document = Buffer.from(JSON.stringify({ bio: 'Charlie writes about trains.' }));
    const cid = (await add(node, document, { 'cid-version': 1, pin: false })).Hash;
    await signAndWaitInBlock(api, api.tx.profiles.setProfile('charlie', 'Charlie', cid), charlie);
    await waitFor('the profile document to be pinned', async () => (await pinState(cid)) === 'pinned', 60_000);
    await signAndWaitInBlock(api, api.tx.profiles.clearProfile(), charlie);
    await waitFor('the profile document to be unpinned', async () => !(await pinned(cid)), 60_000);
    assert.equal(await pinState(cid), null);
  });

  test('a body referenced but not available is reported missing', async () => {
    const bob = devKey(api, 'Bob');
    const { Hash: absent } = await add(node, Buffer.from('never uploaded'), { 'cid-version': 1, 'only-hash': true });
    await signAndWaitInBlock(api, api.tx.posts.createPost(absent, 14, null), bob);
    await waitFor('the body to be reported missing', async () => {
      const status = (await node.rpc('ipfs_pinStatus', [[absent]])).items[0].status;
      return status?.state === 'missing' && status.attempts >= 1 && status.lastError;
    }, 60_000);
    const unpinnedList = (await node.rpc('ipfs_pinStatus', [])).items.map((item) => item.cid);
    assert.ok(unpinnedList.includes(absent));
    // Paged: one at a time, with a cursor to the next.
    const first = await node.rpc('ipfs_pinStatus', [null, null, 1]);
    assert.equal(first.items.length, 1);
    assert.equal(first.nextCursor, first.items[0].cid);
    const rest = await node.rpc('ipfs_pinStatus', [null, first.nextCursor, 1000]);
    assert.ok(!rest.items.some((item) => item.cid === first.items[0].cid));
  });

  test('a body larger than its post declares is not pinned: size mismatch', async () => {
    const bob = devKey(api, 'Bob');
    const body = pseudoRandom(100 * KiB, 'declared');
    const { Hash: cid } = await add(node, body, { 'cid-version': 1, pin: false });
    const { events } = await signAndWaitInBlock(api, api.tx.posts.createPost(cid, 1000, null), bob);
    const id = events.find((e) => api.events.posts.PostCreated.is(e)).data.postId.toNumber();
    await waitFor('the pinner to refuse it', async () => {
      const status = (await node.rpc('ipfs_pinStatus', [[cid]])).items[0].status;
      return status?.state === 'failed';
    }, 60_000);
    const status = (await node.rpc('ipfs_pinStatus', [[cid]])).items[0].status;
    assert.match(status.lastError, /^size mismatch: .*1000 bytes declared on chain/);
    assert.equal(status.attempts, 1, 'not retried');
    assert.equal(await pinned(cid), false);
    // Hydration reads at most 64 KiB: the post is served without its body.
    await waitFor('the post to be indexed', async () => (await node.rpc('social_post', [id, false])) !== null, 30_000);
    const view = await node.rpc('social_post', [id, true]);
    assert.equal(view.body, undefined);
    assert.equal(view.bodyUnavailable, 'the body is larger than 65536 bytes');
  });

  test('after a restart the pinned bodies are still served', async () => {
    const alice = devKey(api, 'Alice');
    const body = Buffer.from('A post that survives a restart.\n');
    const cid = (await add(node, body, { pin: false })).Hash;
    await signAndWaitInBlock(api, api.tx.posts.createPost(cid, body.length, null), alice);
    await waitFor('the body to be pinned', async () => (await pinState(cid)) === 'pinned', 60_000);
    const countsBefore = (await node.rpc('ipfs_pinStatus', [])).counts;

    await api.disconnect();
    await node.stop();
    const prometheusPort = await freePort();
    node = await startNode({
      name: 'ipfs',
      args: ['--dev', '--ipfs-max-content', String(MAX_CONTENT), '--ipfs-fetch-timeout', '2'],
      basePath: node.basePath,
      prometheusPort,
    });
    api = await connect(node);
    assert.deepEqual((await rawRequest(node, 'GET', `/ipfs/${cid}`)).body, body);
    assert.equal(await pinState(cid), 'pinned');
    const report = await node.rpc('ipfs_pinStatus', []);
    assert.equal(report.counts.pinned, countsBefore.pinned);

    // The same figures on the Prometheus endpoint.
    const metric = async (name) => {
      const text = await (await fetch(`http://127.0.0.1:${prometheusPort}/metrics`)).text();
      // `name{chain="plaza_dev"} value`
      const line = text.split('\n').find((l) => l.startsWith(`${name}{`) || l.startsWith(`${name} `));
      return line === undefined ? undefined : Number(line.split(' ').pop());
    };
    assert.equal(await metric('plaza_ipfs_pinned'), report.counts.pinned);
    assert.equal(await metric('plaza_ipfs_missing'), report.counts.missing);
    assert.equal(await metric('plaza_ipfs_failed'), report.counts.failed);
    await waitFor('stored bytes to be published', async () => (await metric('plaza_ipfs_stored_bytes')) === report.storedBytes, 10_000);
  });
});

describe('other IPFS nodes', () => {
  let other;
  let otherBase;

  after(async () => {
    await other?.stop();
    otherBase?.cleanup();
  });

  test('--ipfs-api adds, reads and pins through another node\'s API', async () => {
    otherBase = tempDir('ipfs-external');
    other = await startNode({ name: 'external', args: ['--dev', '--ipfs-api', node.ipfsUrl], basePath: otherBase.dir });
    const bytes = pseudoRandom(300 * KiB, 'external');
    const added = await add(other, bytes);
    // The content went to the first node's store, pinned there.
    assert.ok(added.Hash in (await apiJson(node, 'pin/ls')).Keys);
    const cat = await apiPost(other, 'cat', { arg: added.Hash });
    assert.deepEqual(Buffer.from(await cat.arrayBuffer()), bytes);
    assert.equal((await rawRequest(other, 'GET', `/ipfs/${added.Hash}`)).body.length, bytes.length);
    const report = await other.rpc('ipfs_pinStatus', []);
    assert.match(report.store, /external IPFS daemon/);
    assert.equal(report.storedBytes, null);
    await other.stop();
    other = undefined;
    otherBase.cleanup();
  });

  test('--ipfs-source fetches missing blocks from another node and checks them', async () => {
    otherBase = tempDir('ipfs-source');
    other = await startNode({ name: 'fetcher', args: ['--dev', '--ipfs-source', node.ipfsUrl], basePath: otherBase.dir });
    const bytes = pseudoRandom(700 * KiB, 'source');
    const { Hash: cid } = await add(node, bytes);
    const cat = await apiPost(other, 'cat', { arg: cid });
    assert.equal(cat.status, 200);
    assert.deepEqual(Buffer.from(await cat.arrayBuffer()), bytes);
    assert.deepEqual(await apiJson(other, 'pin/add', { arg: cid }), { Pins: [cid] });
    assert.ok((await other.rpc('ipfs_pinStatus', [])).storedBytes >= bytes.length);
    await other.stop();
    other = undefined;
    otherBase.cleanup();
  });

  test('--ipfs-cache-size 0: the blocks of a replaced or deleted body are removed', async () => {
    otherBase = tempDir('ipfs-gc');
    other = await startNode({
      name: 'collector',
      args: ['--dev', '--ipfs-cache-size', '0', '--ipfs-fetch-timeout', '1'],
      basePath: otherBase.dir,
    });
    const chain = await connect(other);
    try {
      const alice = devKey(chain, 'Alice');
      const stored = async () => (await other.rpc('ipfs_pinStatus', [])).storedBytes;
      const state = async (cid) => (await other.rpc('ipfs_pinStatus', [[cid]])).items[0].status?.state;
      const first = pseudoRandom(300 * KiB, 'collected-1');
      const second = Buffer.from('the edit, much shorter');
      const a = await add(other, first, { pin: false });
      const { events } = await signAndWaitInBlock(chain, chain.tx.posts.createPost(a.Hash, first.length, null), alice);
      const id = events.find((e) => chain.events.posts.PostCreated.is(e)).data.postId.toNumber();
      await waitFor('the body to be pinned', async () => (await state(a.Hash)) === 'pinned', 60_000);
      const b = await add(other, second, { pin: false });
      assert.equal(await stored(), Number(a.Size) + Number(b.Size));

      await signAndWaitInBlock(chain, chain.tx.posts.editPost(id, b.Hash, second.length), alice);
      await waitFor('the replaced body to be removed', async () => (await stored()) === Number(b.Size), 60_000);
      assert.equal((await apiPost(other, 'block/stat', { arg: a.Hash })).status, 404);
      assert.equal((await rawRequest(other, 'GET', `/ipfs/${b.Hash}`)).body.toString(), second.toString());

      await signAndWaitInBlock(chain, chain.tx.posts.deletePost(id), alice);
      await waitFor('the deleted body to be removed', async () => (await stored()) === 0, 60_000);
    } finally {
      await chain.disconnect();
    }
  });
});
