// The README's "Run a validator network" recipe, run as the README prints it: the commands are
// read from README.md (not retyped), continuation lines joined, and each is run by bash in its
// own process, as a reader runs them in three terminals. Only `$NODE` is set to the binary under
// test (the recipe's `NODE=` line names the default build path). All three must keep running,
// see each other and finalize together. The "network of your own" commands run the same way,
// with `plaza-node` on the PATH and the README's placeholders (`<secret>`, `<multiaddr>`, the
// system path `/var/lib/plaza`) filled in as a reader would; its single validator must finalize
// and a full node joining with the README's command must follow it.
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { promisify } from 'node:util';

import { connect, devKey, signAndWaitInBlock } from '../lib/chain.js';
import { add } from '../lib/ipfs.js';
import {
  NEXT_RUNTIME_WASM, NODE_BIN, finalizedNumber, nextTryRuntimeWasm, rpcCall, waitFor,
} from '../lib/node.js';

/**
 * The sh block of a README section (after a heading, or a paragraph starting with `heading`),
 * its commands with continuation lines joined.
 */
function recipe(readme, heading) {
  const section = readme.split(`\n${heading}`)[1];
  assert.ok(section, `README.md has a "${heading}" section`);
  const block = section.match(/```sh\n([\s\S]*?)```/);
  assert.ok(block, `"${heading}" has an sh block`);
  return block[1].replace(/\\\n\s*/g, '').split('\n').map((l) => l.trim()).filter(Boolean);
}

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const lines = recipe(readme, '## Run a validator network');
const commands = lines.filter((l) => l.startsWith('$NODE '));
const joining = recipe(readme, '**Join a running network as a validator**');
const checkUpgrade = recipe(readme, '**Check an upgrade before proposing it**');
const option = (command, name) => command.match(new RegExp(`--${name}[ =](\\S+)`))?.[1];

const running = [];
/** The own-network test's validator, for the full-node test. */
let ownNetwork;

/** Runs `command` with bash, keeping the end of its output; the tests stop it. */
function runAsPrinted(command, options) {
  const child = spawn('bash', ['-c', command], { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
  const log = [];
  const keep = (chunk) => { log.push(chunk.toString()); if (log.length > 300) log.shift(); };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const entry = { command, child, log };
  running.push(entry);
  return entry;
}

/** The RPC of the node listening on `url`, as `finalizedNumber` takes it. */
const rpcAt = (url) => ({ rpc: (method, params) => rpcCall(url, method, params) });

/** Stops every process the tests started (SIGINT, SIGKILL after 30 s) and waits for them. */
async function stopAll() {
  const stopping = running.splice(0);
  for (const { child } of stopping) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGINT');
  }
  await Promise.all(stopping.map(({ child }) => new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('exit', () => { clearTimeout(timer); resolve(); });
  })));
}

after(async () => {
  await stopAll();
  for (const command of [...commands, ...joining]) {
    const base = option(command, 'base-path');
    if (base) rmSync(base, { recursive: true, force: true });
  }
});

/** Fails if a process the tests started has exited. */
function alive() {
  for (const { command, child, log } of running) {
    assert.ok(child.exitCode === null && child.signalCode === null,
      `"${command.slice(0, 60)}…" exited (${child.exitCode ?? child.signalCode}):\n${log.join('').slice(-3000)}`);
  }
}

/**
 * A directory of its own for README commands, with `plaza-node` on the PATH as an installed
 * binary would be: the directory, the commands' environment, and `sh(command)`, which runs a
 * command there with bash and resolves with its output.
 */
function shellWithNode(prefix) {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  const bin = path.join(dir, 'bin');
  mkdirSync(bin);
  symlinkSync(NODE_BIN, path.join(bin, 'plaza-node'));
  const env = { ...process.env, PATH: `${bin}:${process.env.PATH}` };
  const sh = (command) => promisify(execFile)('bash', ['-c', command], { cwd: dir, env, maxBuffer: 1 << 26 });
  return { dir, env, sh };
}

/**
 * The README's try-runtime commands, run as printed in a directory of their own, with
 * `plaza-node` on the PATH and the new runtime where `cargo build --features try-runtime` would
 * have put it (the test's is the next runtime with the try-runtime API). The snapshot is taken at
 * once; the check runs when that runtime is built (scripts/test.sh builds it while these tests
 * run). Resolves with the on-runtime-upgrade command's output.
 */
async function checkUpgradeAsPrinted() {
  assert.equal(checkUpgrade.length, 2, 'create-snapshot, on-runtime-upgrade');
  const { dir, sh } = shellWithNode('plaza-try-runtime-');
  try {
    const run = (command) => sh(command)
      .catch((error) => assert.fail(`"${command}" failed:\n${error.stderr?.slice(-3000)}`));
    await run(checkUpgrade[0]);
    const runtime = checkUpgrade[1].match(/--runtime (\S+)/)[1];
    mkdirSync(path.dirname(path.join(dir, runtime)), { recursive: true });
    symlinkSync(await nextTryRuntimeWasm(), path.join(dir, runtime));
    return (await run(checkUpgrade[1])).stdout;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The RPC URL of the node a recipe command starts. */
const url = (command) => `http://127.0.0.1:${option(command, 'rpc-port')}`;

/** The referenda the recipe test submits on its network, for the test after it. */
let referenda;

const PLZ = 10n ** 12n;

/**
 * What the chain holds about the social data `written` (a profile, a post with its body, a vote
 * and a tip) at the node `rpcUrl`'s finalized head: the raw storage (`state_getStorage`), the
 * index's view (`social_profile`, `social_post`) and the body's pin (`ipfs_pinStatus`).
 */
async function socialSnapshot(api, rpcUrl, written) {
  const at = await rpcCall(rpcUrl, 'chain_getFinalizedHead');
  const keys = [
    api.query.profiles.profiles.key(written.author),
    api.query.posts.posts.key(written.postId),
    api.query.votes.votes.key(written.postId, written.voter),
  ];
  const storage = await Promise.all(keys.map((key) => rpcCall(rpcUrl, 'state_getStorage', [key, at])));
  const pin = (await rpcCall(rpcUrl, 'ipfs_pinStatus', [[written.cid]])).items[0].status?.state ?? null;
  return {
    storage,
    profile: await rpcCall(rpcUrl, 'social_profile', [written.author]),
    post: await rpcCall(rpcUrl, 'social_post', [written.postId, false]),
    pin,
  };
}

/**
 * The README's governance steps on the `local` network at `wsUrl`, with social data written
 * first for the upgrade to keep: checks that no sudo key and no signed account can make the
 * calls, then submits them as referenda — Alice on the root track: the number of candidates the
 * chain wants and the runtime upgrade to the next spec version (noted as a preimage); Bob on the
 * general track: the README's era mint — places their decision deposits, and has Alice … Ferdie
 * and their stashes vote for both.
 */
async function submitReferenda(wsUrl) {
  const rpcUrl = wsUrl.replace('ws', 'http');
  const api = await connect({ wsUrl });
  try {
    const [alice, bob, charlie] = ['Alice', 'Bob', 'Charlie'].map((name) => devKey(api, name));
    // Social data: Charlie's profile and post (its body on Alice's node, pinned by all), Bob's
    // upvote and tip.
    const text = Buffer.from('Written before the runtime upgrade.');
    const { Hash: cid } = await add({ ipfsUrl: 'http://127.0.0.1:5101' }, text, { 'cid-version': 1 });
    const { events } = await signAndWaitInBlock(api, api.tx.utility.batchAll([
      api.tx.profiles.setProfile('charlie', 'Charlie', null),
      api.tx.posts.createPost(cid, text.length, null),
    ]), charlie);
    const postId = events.find((e) => api.events.posts.PostCreated.is(e)).data.postId.toNumber();
    await signAndWaitInBlock(api, api.tx.utility.batchAll([
      api.tx.votes.vote(postId, 'Up'),
      api.tx.rewards.tip(postId, 5n * PLZ),
    ]), bob);
    const written = { author: charlie.address, voter: bob.address, postId, cid, size: text.length };
    // Before proposing the upgrade, Alice checks it on her node's state with the README's
    // try-runtime commands (beside the governance steps: it only reads the chain).
    const upgradeChecked = checkUpgradeAsPrinted();
    upgradeChecked.catch(() => {}); // awaited below; this keeps an early failure from going unhandled

    const changes = { desiredCandidates: 16, mint: 2_000n * PLZ, specVersion: api.runtimeVersion.specVersion.toNumber() + 1 };
    const setDesired = api.tx.collatorSelection.setDesiredCandidates(changes.desiredCandidates);
    const upgrade = api.tx.utility.batchAll([setDesired, api.tx.system.setCode(`0x${readFileSync(NEXT_RUNTIME_WASM).toString('hex')}`)]);
    const [example] = readme.match(/`parameters\.setParameter\(keyValue\)`, e\.g\.\n`([^`]+)`/).slice(1);
    assert.deepEqual(JSON.parse(example), { Rewards: { EraMint: [null, Number(changes.mint)] } });
    const setMint = api.tx.parameters.setParameter(JSON.parse(example));
    assert.ok((await api.query.sudo.key()).isNone, 'no sudo key on local');
    await assert.rejects(signAndWaitInBlock(api, api.tx.sudo.sudo(setDesired), alice), /sudo\.RequireSudo/);
    await assert.rejects(signAndWaitInBlock(api, setDesired, alice), /badOrigin/i);
    await assert.rejects(signAndWaitInBlock(api, setMint, bob), /badOrigin/i);

    // The upgrade is too large to propose inline: Alice notes it as a preimage first.
    await signAndWaitInBlock(api, api.tx.preimage.notePreimage(upgrade.method.toHex()), alice);
    const lookup = { Lookup: { hash: upgrade.method.hash.toHex(), len: upgrade.method.encodedLength } };
    // Submit and place the decision deposit, in one batch each (one after the other, so that
    // each batch knows its referendum's index).
    const proposals = [[alice, { system: 'Root' }, lookup], [bob, { Origins: 'General' }, { Inline: setMint.method.toHex() }]];
    const indices = [];
    for (const [who, origin, proposal] of proposals) {
      const index = (await api.query.referenda.referendumCount()).toNumber();
      await signAndWaitInBlock(api, api.tx.utility.batchAll([
        api.tx.referenda.submit(origin, proposal, { After: 0 }),
        api.tx.referenda.placeDecisionDeposit(index),
      ]), who);
      indices.push(index);
    }
    // Each origin took its track: root (0), general (1).
    for (const [track, index] of indices.entries()) {
      const status = (await api.query.referenda.referendumInfoFor(index)).unwrap().asOngoing;
      assert.equal(status.track.toNumber(), track);
    }
    // What the chain holds before the upgrade (the post's block finalized and indexed, its body
    // pinned).
    let before;
    await waitFor('the social data to be finalized, indexed and pinned', async () => {
      before = await socialSnapshot(api, rpcUrl, written);
      return before.post !== null && before.pin === 'pinned';
    }, 60_000);

    const voters = ['Alice', 'Bob', 'Charlie', 'Dave', 'Eve', 'Ferdie']
      .flatMap((name) => [name, `${name}//stash`]).map((name) => devKey(api, name));
    const vote = { Standard: { vote: { aye: true, conviction: 'Locked1x' }, balance: 900_000n * PLZ } };
    const included = await Promise.all(voters.map((voter) => signAndWaitInBlock(api, api.tx.utility.batchAll(
      indices.map((index) => api.tx.convictionVoting.vote(index, vote)),
    ), voter)));
    const votedAt = (await api.rpc.chain.getHeader(included[0].blockHash)).number.toNumber();
    return { indices, votedAt, changes, written, before, upgradeChecked };
  } finally {
    await api.disconnect();
  }
}

/** Whether `api`'s node has finalized the referenda's changes, the new runtime among them. */
async function finalizedHas(api, changes) {
  const hash = await api.rpc.chain.getFinalizedHead();
  const version = await api.rpc.state.getRuntimeVersion(hash);
  if (version.specVersion.toNumber() !== changes.specVersion) return false;
  const at = await api.at(hash);
  const desired = (await at.query.collatorSelection.desiredCandidates()).toNumber();
  const mint = await at.query.parameters.parameters({ Rewards: { EraMint: null } });
  return desired === changes.desiredCandidates && mint.isSome
    && mint.unwrap().asRewards.asEraMint.toBigInt() === changes.mint;
}

test("the README's three-validator recipe runs as printed", async () => {
  assert.ok(lines.some((l) => l.startsWith('NODE=')), 'the recipe says where the binary is');
  assert.equal(commands.length, 3, 'three validator commands');
  for (const command of commands) {
    // A fresh chain each run, as for a first-time reader.
    rmSync(option(command, 'base-path'), { recursive: true, force: true });
    runAsPrinted(`exec ${command}`, { env: { ...process.env, NODE: NODE_BIN } });
  }

  for (const { command } of running) {
    await waitFor(`${url(command)} to answer`, async () => {
      alive();
      return rpcCall(url(command), 'system_health').then((h) => h.peers >= 2, () => false);
    }, 120_000);
  }
  for (const { command } of running) {
    await waitFor(`${url(command)} to finalize beyond #2`, async () => {
      alive();
      return (await finalizedNumber(rpcAt(url(command)))) > 2;
    }, 180_000);
  }
  alive();
  assert.equal(await rpcCall(url(commands[0]), 'system_chain'), 'Plaza Local Testnet');

  // Governance's referenda start now and are decided while Dave joins; the next test checks
  // what they enacted.
  referenda = await submitReferenda(url(commands[0]).replace('http', 'ws'));

  // A fourth validator joins, with the README's commands and the two calls it names.
  assert.equal(joining.length, 3, 'a network key, the node, its session keys');
  const [nodeKey, daveNode, rotateKeys] = joining;
  const env = { ...process.env, NODE: NODE_BIN };
  rmSync(option(daveNode, 'base-path'), { recursive: true, force: true });
  await promisify(execFile)('bash', ['-c', nodeKey], { env });
  runAsPrinted(`exec ${daveNode}`, { env });
  const daveUrl = url(daveNode);
  await waitFor("Dave's node to answer and find its peers", async () => {
    alive();
    return rpcCall(daveUrl, 'system_health').then((h) => h.peers >= 3, () => false);
  }, 120_000);
  const { stdout } = await promisify(execFile)('bash', ['-c', rotateKeys], { env });
  const { keys, proof } = JSON.parse(stdout).result;
  assert.match(keys, /^0x[0-9a-f]{128}$/, 'an Aura and a GRANDPA public key');

  const api = await connect({ wsUrl: url(commands[0]).replace('http', 'ws') });
  try {
    const dave = devKey(api, 'Dave');
    assert.ok(rotateKeys.includes(`"0x${Buffer.from(dave.publicKey).toString('hex')}"`),
      "the README's owner is Dave's public key");
    await signAndWaitInBlock(api, api.tx.session.setKeys(keys, proof), dave);
    await signAndWaitInBlock(api, api.tx.collatorSelection.registerAsCandidate(), dave);
    const bond = (await api.query.collatorSelection.candidacyBond()).toBigInt();
    assert.equal(bond, 10_000n * 10n ** 12n, "the README's bond of 10,000 PLZ");

    await waitFor('Dave to be among the validators', async () => {
      alive();
      return (await api.query.session.validators()).some((v) => v.eq(dave.address));
    }, 240_000);
    // Dave authors in his slots, with the Aura key he registered, and every node finalizes
    // his block; GRANDPA's set now has four voters, Dave's key among them.
    await authorsAgain(api, dave.address, 'Dave', 0, [...commands, daveNode].map(url));
    const voters = (await api.query.grandpa.authorities()).map(([id]) => id.toHex());
    assert.equal(voters.length, 4);
    assert.ok(voters.includes(`0x${keys.slice(66)}`));
  } finally {
    await api.disconnect();
  }
});

test("the referenda passed on the README's four validators: the runtime upgraded on every node, every change and every post kept", async () => {
  try {
    assert.ok(referenda, 'the recipe test submitted the referenda');
    const { indices, votedAt, changes, written, before, upgradeChecked } = referenda;
    const rpcUrls = [...commands, joining[1]].map((command) => url(command));
    const api = await connect({ wsUrl: rpcUrls[0].replace('http', 'ws') });
    try {
      // On `local` the general track confirms and enacts within blocks, the root track after a
      // minute of each.
      await waitFor(`referenda #${indices.join(', #')} to be enacted and finalized`, async () => {
        alive();
        return finalizedHas(api, changes).catch(() => false);
      }, 300_000);
      for (const index of indices) {
        assert.ok((await api.query.referenda.referendumInfoFor(index)).unwrap().isApproved, `#${index} approved`);
      }
      // The scheduler dispatched both enactments successfully; the upgrade's block says the code
      // changed, and the parameter's its new value.
      const dispatched = [];
      let updated;
      let upgradedAt;
      const head = (await api.rpc.chain.getHeader(await api.rpc.chain.getFinalizedHead())).number.toNumber();
      // The blocks' events, decoded with the new runtime's types, which are the old one's: the
      // upgrade raises only the spec version. (`api.at()` on a block of the old version builds a
      // registry from v14 metadata that @polkadot/api 16.5 mixes up with the current v16 one's
      // type ids, and fails on events it decodes fine on its own.)
      for (let n = votedAt; n <= head; n += 1) {
        const hash = (await api.rpc.chain.getBlockHash(n)).toHex();
        const events = api.createType('Vec<EventRecord>',
          await rpcCall(rpcUrls[0], 'state_getStorage', [api.query.system.events.key(), hash]));
        for (const { event } of events) {
          if (api.events.scheduler.Dispatched.is(event) && event.data.id.isSome) dispatched.push(event.data.result);
          if (api.events.parameters.Updated.is(event)) updated = event;
          if (api.events.system.CodeUpdated.is(event)) upgradedAt = n;
        }
      }
      assert.equal(dispatched.length, 2, 'two scheduler.Dispatched events of enactments');
      assert.ok(dispatched.every((result) => result.isOk), dispatched.map(String).join(', '));
      assert.ok(updated, 'a parameters.Updated event');
      assert.equal(updated.data.newValue.unwrap().asRewards.asEraMint.toBigInt(), changes.mint);
      assert.ok(upgradedAt, 'a system.CodeUpdated event');
      // polkadot.js follows the upgrade on its open connection.
      await waitFor('polkadot.js to see the new spec version', async () => api.runtimeVersion.specVersion.toNumber() === changes.specVersion, 30_000);

      for (const rpcUrl of rpcUrls) {
        const other = rpcUrl === rpcUrls[0] ? api : await connect({ wsUrl: rpcUrl.replace('http', 'ws') });
        try {
          // Every node runs the new code and goes on authoring and finalizing after it.
          await waitFor(`${rpcUrl} to finalize the changes and three blocks past the upgrade`, async () => {
            alive();
            return (await finalizedHas(other, changes)) && (await finalizedNumber(rpcAt(rpcUrl))) >= upgradedAt + 3;
          }, 120_000);
          assert.equal((await rpcCall(rpcUrl, 'state_getRuntimeVersion')).specVersion, changes.specVersion);
          // The profile, post, vote, tip and pin written before the upgrade read the same.
          assert.deepEqual(await socialSnapshot(api, rpcUrl, written), before, `${rpcUrl} after the upgrade`);
        } finally {
          if (other !== api) await other.disconnect();
        }
      }
      // The new runtime takes transactions as before: Alice replies to the post.
      const { events } = await signAndWaitInBlock(api, api.tx.posts.createPost(written.cid, written.size, written.postId), devKey(api, 'Alice'));
      assert.ok(events.some((e) => api.events.posts.PostCreated.is(e)));
      // The try-runtime check Alice started before proposing the upgrade passed on her node's
      // state of then.
      const checked = await upgradeChecked;
      assert.match(checked, new RegExp(`runtime plaza ${changes.specVersion - 1}; checking plaza ${changes.specVersion} from`));
      assert.match(checked, /Migrations and checks \(All\) passed/);
      assert.match(checked, /Migrations are idempotent/);
    } finally {
      await api.disconnect();
    }
  } catch (error) {
    // The next tests use the same ports.
    await stopAll();
    throw error;
  }
});

/** The account whose Aura slot `header` was authored in: `session.validators` and
 * `aura.authorities` list the same validators in the same order. */
async function authorOf(api, header) {
  const preRuntime = header.digest.logs.find((log) => log.isPreRuntime).asPreRuntime;
  const slot = api.createType('u64', preRuntime[1]).toBigInt();
  const validators = await (await api.at(header.parentHash)).query.session.validators();
  return validators[Number(slot % BigInt(validators.length))].toString();
}

/** Waits until a block authored by `account` after block `after` is finalized on every node. */
async function authorsAgain(api, account, name, after, rpcUrls) {
  let authored;
  await waitFor(`${name} to author a block after #${after}`, async () => {
    alive();
    const header = await api.rpc.chain.getHeader();
    if (header.number.toNumber() > after && (await authorOf(api, header)) === account) {
      authored = header.number.toNumber();
    }
    return authored;
  }, 120_000);
  for (const rpcUrl of rpcUrls) {
    await waitFor(`${rpcUrl} to finalize ${name}'s block #${authored}`, async () => {
      alive();
      return (await finalizedNumber(rpcAt(rpcUrl))) >= authored;
    }, 120_000);
  }
  return authored;
}

/** Fails unless every node has the same hash at each height `from`…`to` (all finalized). */
async function sameChain(rpcUrls, from, to) {
  for (let n = from; n <= to; n += 1) {
    const hashes = await Promise.all(rpcUrls.map((rpcUrl) => rpcCall(rpcUrl, 'chain_getBlockHash', [n])));
    assert.ok(hashes.every((hash) => hash === hashes[0]), `#${n}: ${hashes.join(' ')}`);
  }
}

test("faults on the four validators: one killed, the others go on; restarted, it catches up and authors; one cut off, the network heals with one finalized chain", async () => {
  try {
    const daveNode = joining[1];
    const nodes = [...commands, daveNode];
    const rpcUrls = nodes.map((command) => url(command));
    const entry = (command) => running.find((r) => r.command === `exec ${command}`);
    const api = await connect({ wsUrl: rpcUrls[0].replace('http', 'ws') });
    try {
      assert.equal((await api.query.session.validators()).length, 4, 'four validators');
      const account = (name) => devKey(api, name).address;
      const finalizedAll = (urls) => Promise.all(urls.map((u) => finalizedNumber(rpcAt(u))));

      // 1. SIGKILL Bob's validator: Alice, Charlie and Dave (three of four, more than two
      // thirds) go on authoring and finalizing.
      const bob = entry(commands[1]);
      const others = rpcUrls.filter((u) => u !== rpcUrls[1]);
      bob.child.kill('SIGKILL');
      await new Promise((resolve) => bob.child.once('exit', resolve));
      running.splice(running.indexOf(bob), 1);
      const killedAt = Math.max(...await finalizedAll(others));
      await waitFor('the three others to finalize four blocks more', async () => {
        alive();
        return Math.min(...await finalizedAll(others)) >= killedAt + 4;
      }, 120_000);

      // 2. Bob's command again, on the same base path: it catches up to the others' finalized
      // chain and authors in its slots again.
      const restartedAt = await finalizedNumber(rpcAt(rpcUrls[0]));
      runAsPrinted(`exec ${commands[1]}`, { env: { ...process.env, NODE: NODE_BIN } });
      await waitFor("Bob's restarted node to reach the finalized head it missed", async () => {
        alive();
        return (await finalizedNumber(rpcAt(rpcUrls[1])).catch(() => 0)) >= restartedAt;
      }, 120_000);
      await sameChain(rpcUrls, killedAt - 1, restartedAt);
      await authorsAgain(api, account('Bob'), 'Bob', restartedAt, rpcUrls);

      // 3. Charlie's node cut off (SIGSTOP: no packet in or out, its state kept) while the
      // others finalize eight blocks, then let go: whatever it saw or authored on its own gives
      // way to the finalized chain, which every node then shares.
      const charlie = entry(commands[2]);
      const connected = rpcUrls.filter((u) => u !== rpcUrls[2]);
      const cutAt = Math.max(...await finalizedAll(rpcUrls));
      charlie.child.kill('SIGSTOP');
      try {
        await waitFor('the three others to finalize eight blocks without Charlie', async () => {
          return Math.min(...await finalizedAll(connected)) >= cutAt + 8;
        }, 180_000);
      } finally {
        charlie.child.kill('SIGCONT');
      }
      const healedAt = await finalizedNumber(rpcAt(rpcUrls[0]));
      await waitFor("Charlie's node to rejoin the finalized chain", async () => {
        alive();
        return (await finalizedNumber(rpcAt(rpcUrls[2])).catch(() => 0)) >= healedAt;
      }, 120_000);
      const charlieAuthored = await authorsAgain(api, account('Charlie'), 'Charlie', healedAt, rpcUrls);
      // No fork outlived finality: the four nodes hold the same block at every height since
      // before the faults.
      await sameChain(rpcUrls, killedAt - 1, charlieAuthored);
    } finally {
      await api.disconnect();
    }
  } finally {
    // The next test uses the same ports.
    await stopAll();
  }
});

test("the README's dev-node command runs as printed", async () => {
  const [command] = recipe(readme, '## Two commands')
    .filter((l) => l.startsWith('scripts/run-dev.sh'))
    .map((l) => l.replace(/\s+#.*$/, ''));
  assert.equal(command, 'scripts/run-dev.sh');
  // Run from the checkout, as the README's reader does; the build is already done (the test
  // command built the same workspace), so this only checks it and starts the node.
  const { child, log } = runAsPrinted(command, { cwd: new URL('../..', import.meta.url) });
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  const url = 'http://127.0.0.1:9944';
  try {
    await waitFor('the dev node to finalize a block on ws://127.0.0.1:9944', async () => {
      assert.ok(child.exitCode === null, `run-dev.sh exited (${child.exitCode}):\n${log.join('').slice(-3000)}`);
      return (await finalizedNumber(rpcAt(url)).catch(() => 0)) >= 1;
    }, 300_000);
    assert.equal(await rpcCall(url, 'system_chain'), 'Plaza Development');
    // Its IPFS API is on the documented default port.
    const version = await fetch('http://127.0.0.1:5101/api/v0/version', { method: 'POST' });
    assert.equal(version.status, 200);
    // It built the web app, which the node serves at the URL it printed, told the RPC port.
    assert.match(log.join(''), /Plaza web app: http:\/\/127\.0\.0\.1:5101\/app\//);
    const page = await fetch('http://127.0.0.1:5101/app/');
    assert.equal(page.status, 200);
    assert.match(await page.text(), /<title>Plaza<\/title>/);
    assert.deepEqual(await (await fetch('http://127.0.0.1:5101/app/config.json')).json(), { rpcPort: 9944 });
  } finally {
    child.kill('SIGINT');
  }
  // Ctrl-C stops it cleanly.
  const status = await exited;
  // The status first and the log's last lines only: a CI summary keeps the start of a message.
  assert.deepEqual(status, { code: 0, signal: null },
    `after Ctrl-C it exited ${JSON.stringify(status)}; the log's end:\n${log.join('').split('\n').slice(-25).join('\n')}`);
  running.splice(0);
});

test("the README's own-network commands run as printed", async () => {
  const heading = '**A network of your own**: export a spec, edit it, and share the raw form.';
  const own = recipe(readme, heading).map((l) => l.replace(/\s+#.*$/, ''));
  assert.equal(own.length, 8, 'export, export raw, two keys generated and inserted, a network key, the node');
  const shell = shellWithNode('plaza-own-');
  let { dir } = shell;
  const { env, sh } = shell;
  const base = path.join(dir, 'validator');
  // The README's placeholders and its system path, as a reader fills them in.
  let secrets = {};
  const fill = (command) => command.replaceAll('/var/lib/plaza', base)
    .replace(/--scheme (\w+)(.*)"<secret>"/, (_, scheme, rest) => `--scheme ${scheme}${rest}"${secrets[scheme]}"`);
  try {
    const [exportSpec, buildRaw, generateAura, generateGrandpa, insertAura, insertGrandpa, nodeKey, validator] = own;
    assert.match(exportSpec, /^plaza-node export-chain-spec/);
    await sh(exportSpec);
    // The keys, then the edit the README asks for: this network's one validator.
    const keys = {};
    for (const [scheme, command] of [['sr25519', generateAura], ['ed25519', generateGrandpa]]) {
      const { stdout } = await sh(command);
      secrets[scheme] = stdout.match(/Secret phrase:\s+(.+)/)[1].trim();
      keys[scheme] = stdout.match(/Public key \(SS58\):\s+(\S+)/)[1];
    }
    const spec = JSON.parse(readFileSync(path.join(dir, 'plaza-spec.json'), 'utf8'));
    const patch = spec.genesis.runtimeGenesis.patch;
    patch.collatorSelection.invulnerables = [keys.sr25519];
    patch.session.keys = [[keys.sr25519, keys.sr25519, { aura: keys.sr25519, grandpa: keys.ed25519 }]];
    spec.name = 'My Plaza';
    spec.id = 'my_plaza';
    writeFileSync(path.join(dir, 'plaza-spec.json'), JSON.stringify(spec, null, 2));
    await sh(buildRaw);
    const raw = JSON.parse(readFileSync(path.join(dir, 'plaza-raw.json'), 'utf8'));
    assert.equal(raw.name, 'My Plaza');
    assert.deepEqual(raw.bootNodes, [], 'no placeholder bootnode');
    // build-spec, the older way, adds none either.
    const { stdout: built } = await sh('plaza-node build-spec --chain plaza-spec.json --raw 2>/dev/null');
    assert.deepEqual(JSON.parse(built).bootNodes, []);
    await sh(fill(insertAura));
    await sh(fill(insertGrandpa));
    await sh(fill(nodeKey));

    // A lone validator authors only with a peer or with --force-authoring, as the README says.
    const started = runAsPrinted(`exec ${fill(validator)} --force-authoring`, { cwd: dir, env });
    const validatorUrl = 'http://127.0.0.1:9944';
    await waitFor('the validator to author and finalize beyond #2', async () => {
      assert.ok(started.child.exitCode === null, `the validator exited:\n${started.log.join('').slice(-3000)}`);
      return (await finalizedNumber(rpcAt(validatorUrl)).catch(() => 0)) > 2;
    }, 180_000);
    assert.equal(await rpcCall(validatorUrl, 'system_chain'), 'My Plaza');
    ownNetwork = { dir, env, validatorUrl };
    dir = undefined;
  } finally {
    if (dir) {
      await stopAll();
      rmSync(dir, { recursive: true, force: true });
    }
  }
});

// Found by this test: `build-spec --raw` put a placeholder bootnode 127.0.0.1:30333 with a
// throwaway peer id in the spec, and a full node given the real validator at that address refused
// to start (the network's DuplicateBootnode error, hidden by a SyncingEngine panic).
test("a full node joins the README's own network with the README's command", async () => {
  assert.ok(ownNetwork, 'the own-network test left its validator running');
  const { dir, env, validatorUrl } = ownNetwork;
  try {
    const join = readme.match(/\*\*Join a network as a full node\*\*: `([^`]+)`/)[1];
    assert.equal(join, 'plaza-node --chain plaza-raw.json --bootnodes <multiaddr>');
    const [address] = (await rpcCall(validatorUrl, 'system_localListenAddresses'))
      .filter((a) => a.startsWith('/ip4/127.0.0.1/tcp/'));
    // On the same machine: its own base path and ports.
    const full = runAsPrinted(`exec ${join.replace('<multiaddr>', address)} --base-path ${path.join(dir, 'full')} `
      + '--port 30334 --rpc-port 9945 --ipfs-api-port 5102 --ipfs-p2p-port 4102 --prometheus-port 9616', { cwd: dir, env });
    const target = await finalizedNumber(rpcAt(validatorUrl));
    await waitFor('the full node to sync and follow finality', async () => {
      assert.ok(full.child.exitCode === null && full.child.signalCode === null,
        `the full node exited:\n${full.log.join('').split('\n').slice(12, 20).join('\n')}`);
      return (await finalizedNumber(rpcAt('http://127.0.0.1:9945')).catch(() => 0)) >= target;
    }, 120_000);

    // A spec made by an older `build-spec --raw` carries a placeholder bootnode at the same
    // address with a throwaway peer id: the --bootnodes entry replaces it.
    full.child.kill('SIGINT');
    const spec = JSON.parse(readFileSync(path.join(dir, 'plaza-raw.json'), 'utf8'));
    spec.bootNodes = [address.replace(/\/p2p\/.*$/, '/p2p/12D3KooWMM6NHetZDFgwc4cNDUPpwxmyX2Dfg9QcLq4QymC7dCRM')];
    writeFileSync(path.join(dir, 'placeholder-raw.json'), JSON.stringify(spec));
    const older = runAsPrinted(`exec ${join.replace('plaza-raw.json', 'placeholder-raw.json').replace('<multiaddr>', address)} `
      + `--base-path ${path.join(dir, 'full2')} --port 30335 --rpc-port 9946 --ipfs-api-port 5103 --ipfs-p2p-port 4103 --prometheus-port 9617`,
    { cwd: dir, env });
    const again = await finalizedNumber(rpcAt(validatorUrl));
    let warned = false;
    await waitFor('a full node with the placeholder bootnode to sync', async () => {
      assert.ok(older.child.exitCode === null && older.child.signalCode === null,
        `the full node exited:\n${older.log.join('').slice(-3000)}`);
      warned ||= /12D3KooWMM6N\w+; using 12D3KooW\w+ from --bootnodes/.test(older.log.join(''));
      return (await finalizedNumber(rpcAt('http://127.0.0.1:9946')).catch(() => 0)) >= again;
    }, 120_000);
    assert.ok(warned, 'the node says which bootnode it dropped');
  } finally {
    await stopAll();
    rmSync(dir, { recursive: true, force: true });
  }
});
