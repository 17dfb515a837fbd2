// Driver of scripts/bench/ipfs.sh: adds and reads every body over one keep-alive HTTP connection
// pool (Node's fetch), so the figures measure the node rather than process start-up.
//   node scripts/bench/ipfs.mjs <api-url> <file>...   → JSON {addSeconds, catSeconds}
import { readFileSync } from 'node:fs';

const [api, ...files] = process.argv.slice(2);
const bodies = files.map((file) => readFileSync(file));

let started = process.hrtime.bigint();
const cids = [];
for (const body of bodies) {
  const form = new FormData();
  form.append('file', new Blob([body]), 'body');
  const response = await fetch(`${api}/add?pin=false`, { method: 'POST', body: form });
  if (!response.ok) throw new Error(`add answered ${response.status}: ${await response.text()}`);
  cids.push(JSON.parse(await response.text()).Hash);
}
const addSeconds = Number(process.hrtime.bigint() - started) / 1e9;

started = process.hrtime.bigint();
for (const [i, cid] of cids.entries()) {
  const response = await fetch(`${api}/cat?arg=${cid}`, { method: 'POST' });
  const bytes = Buffer.from(await response.arrayBuffer());
  if (!bytes.equals(bodies[i])) throw new Error(`cat of ${cid} returned other bytes than were added`);
}
const catSeconds = Number(process.hrtime.bigint() - started) / 1e9;
console.log(JSON.stringify({ addSeconds, catSeconds }));
