// The README's "Run a validator network" recipe, run as the README prints it: the commands are
// read from README.md (not retyped), continuation lines joined, and each is run by bash in its
// own process, as a reader runs them in three terminals. Only `$NODE` is set to the binary under
// test (the recipe's `NODE=` line names the default build path). All three must keep running,
// see each other and finalize together.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { after, test } from 'node:test';

import { NODE_BIN, finalizedNumber, rpcCall, waitFor } from '../lib/node.js';

/** The sh block of a README section, its commands with continuation lines joined. */
function recipe(readme, heading) {
  const section = readme.split(`\n${heading}\n`)[1];
  assert.ok(section, `README.md has a "${heading}" section`);
  const block = section.match(/```sh\n([\s\S]*?)```/);
  assert.ok(block, `"${heading}" has an sh block`);
  return block[1].replace(/\\\n\s*/g, '').split('\n').map((l) => l.trim()).filter(Boolean);
}

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const lines = recipe(readme, '## Run a validator network');
const commands = lines.filter((l) => l.startsWith('$NODE '));
const option = (command, name) => command.match(new RegExp(`--${name}[ =](\\S+)`))?.[1];

const running = [];

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
  for (const command of commands) rmSync(option(command, 'base-path'), { recursive: true, force: true });
});

test("the README's three-validator recipe runs as printed", async () => {
  assert.ok(lines.some((l) => l.startsWith('NODE=')), 'the recipe says where the binary is');
  assert.equal(commands.length, 3, 'three validator commands');
  for (const command of commands) {
    // A fresh chain each run, as for a first-time reader.
    rmSync(option(command, 'base-path'), { recursive: true, force: true });
    runAsPrinted(`exec ${command}`, { env: { ...process.env, NODE: NODE_BIN } });
  }

  const alive = () => {
    for (const { command, child, log } of running) {
      assert.ok(child.exitCode === null && child.signalCode === null,
        `"${command.slice(0, 60)}…" exited (${child.exitCode ?? child.signalCode}):\n${log.join('').slice(-3000)}`);
    }
  };
  const url = (command) => `http://127.0.0.1:${option(command, 'rpc-port')}`;
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
  // The next test uses the same ports.
  await stopAll();
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
  } finally {
    child.kill('SIGINT');
  }
  // Ctrl-C stops it cleanly.
  assert.deepEqual(await exited, { code: 0, signal: null });
  running.splice(0);
});
