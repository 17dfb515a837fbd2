// Starts and stops real `plaza-node` processes for the end-to-end tests.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const TARGET_DIR = process.env.CARGO_TARGET_DIR ?? path.join(os.homedir(), '.cache', 'plaza-target');

/** The node binary: $PLAZA_NODE, or the release build in the shared cargo target directory. */
export const NODE_BIN = process.env.PLAZA_NODE ?? path.join(TARGET_DIR, 'release', 'plaza-node');

const WASM_DIR = path.join(TARGET_DIR, 'release', 'wbuild', 'plaza-runtime');

/** The node's own runtime blob. */
export const RUNTIME_WASM = path.join(WASM_DIR, 'plaza_runtime.compact.compressed.wasm');

/**
 * The runtime one `spec_version` higher than the node's (feature `next-spec-version`; built by
 * `runtime/blobs`, which scripts/test.sh builds): $PLAZA_NEXT_RUNTIME, or its blob in the shared
 * target directory.
 */
export const NEXT_RUNTIME_WASM = process.env.PLAZA_NEXT_RUNTIME
  ?? path.join(WASM_DIR, 'plaza_runtime_next.compact.compressed.wasm');

/** The same next runtime with the try-runtime API, for `plaza-node try-runtime`. */
const NEXT_TRY_RUNTIME_WASM = process.env.PLAZA_NEXT_TRY_RUNTIME
  ?? path.join(WASM_DIR, 'plaza_runtime_next_try_runtime.compact.compressed.wasm');

/** How long a test waits for scripts/test.sh to build the try-runtime blob. */
const TRY_RUNTIME_BUILD_TIMEOUT_MS = 40 * 60_000;

/**
 * Resolves with the path of the next runtime with the try-runtime API once it is built.
 * scripts/test.sh builds it while the end-to-end tests run (compiling FRAME for WASM a second
 * time is CPU work the tests, which mostly wait for blocks, leave room for) and names in
 * $PLAZA_TRY_RUNTIME_BUILD a file it writes `ok` (or why it failed) to when the build ends.
 * Without that variable the blob must already be built.
 */
export async function nextTryRuntimeWasm() {
  const status = process.env.PLAZA_TRY_RUNTIME_BUILD;
  if (status) {
    const result = await waitFor('scripts/test.sh to build the try-runtime blob', () => {
      const text = readFileSync(status, 'utf8').trim();
      return text === '' ? null : text;
    }, TRY_RUNTIME_BUILD_TIMEOUT_MS);
    if (result !== 'ok') throw new Error(`the try-runtime blob was not built: ${result}`);
  }
  return NEXT_TRY_RUNTIME_WASM;
}

/** A TCP port that was free a moment ago (the OS picks it). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** A fresh temporary directory, removed by `cleanup()`. */
export function tempDir(prefix) {
  const dir = mkdtempSync(path.join(os.tmpdir(), `plaza-${prefix}-`));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Starts `plaza-node` with `args` on free RPC, p2p, IPFS API and IPFS peer ports (loopback only, no
 * telemetry, Prometheus or mDNS). Resolves once its RPC answers. `onOutput` sees every chunk
 * of its log.
 */
export async function startNode({ name, args, basePath, rpcPort, p2pPort, ipfsPort, ipfsP2pPort, prometheusPort, onOutput }) {
  rpcPort ??= await freePort();
  p2pPort ??= await freePort();
  ipfsPort ??= await freePort();
  ipfsP2pPort ??= await freePort();
  const fullArgs = [
    ...args,
    '--base-path', basePath,
    '--rpc-port', String(rpcPort),
    '--ipfs-api-port', String(ipfsPort),
    '--ipfs-p2p-port', String(ipfsP2pPort),
    '--listen-addr', `/ip4/127.0.0.1/tcp/${p2pPort}`,
    ...(prometheusPort ? ['--prometheus-port', String(prometheusPort)] : ['--no-prometheus']),
    '--no-telemetry',
    '--no-mdns',
    '--name', name,
  ];
  const child = spawn(NODE_BIN, fullArgs, { stdio: ['ignore', 'pipe', 'pipe'] });
  const log = [];
  const keep = (chunk) => {
    log.push(chunk.toString());
    onOutput?.(chunk.toString());
    if (log.length > 400) log.shift();
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));

  const node = {
    name,
    child,
    rpcPort,
    p2pPort,
    ipfsPort,
    ipfsP2pPort,
    prometheusPort,
    basePath,
    wsUrl: `ws://127.0.0.1:${rpcPort}`,
    httpUrl: `http://127.0.0.1:${rpcPort}`,
    ipfsUrl: `http://127.0.0.1:${ipfsPort}`,
    exited,
    log: () => log.join(''),
    rpc: (method, params = []) => rpcCall(node.httpUrl, method, params),
    /** Stops the node with `signal` and waits for it to exit. */
    async stop(signal = 'SIGINT') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      const result = await exited;
      clearTimeout(timer);
      return result;
    },
  };

  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) {
      throw new Error(`${name} exited with ${child.exitCode} before its RPC answered:\n${node.log()}`);
    }
    try {
      await node.rpc('system_health');
      return node;
    } catch {
      if (Date.now() > deadline) {
        child.kill('SIGKILL');
        throw new Error(`${name}'s RPC did not answer within 60 s:\n${node.log()}`);
      }
      await sleep(250);
    }
  }
}

/** One JSON-RPC call over HTTP. Rejects with the node's error message if it answers an error. */
export async function rpcCall(url, method, params = []) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }),
  });
  const body = await response.json();
  if (body.error) throw new Error(`${method}: ${body.error.message}`);
  return body.result;
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `probe` every second until it returns a truthy value; fails after `timeoutMs`. */
export async function waitFor(what, probe, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(1000);
  }
}

/** The number of the node's latest finalized block. */
export async function finalizedNumber(node) {
  const hash = await node.rpc('chain_getFinalizedHead');
  const header = await node.rpc('chain_getHeader', [hash]);
  return parseInt(header.number, 16);
}
