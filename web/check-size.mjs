// Reports the initial bundle (what index.html loads before any dynamic import) gzipped, and
// fails the build above the budget.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET = 450 * 1000;
const dist = new URL('./dist/', import.meta.url).pathname;
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const assets = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]);
let total = 0;
for (const asset of assets) {
  const size = gzipSync(readFileSync(join(dist, asset)), { level: 9 }).length;
  total += size;
  console.log(`${asset}: ${(size / 1000).toFixed(1)} kB gzip`);
}
console.log(`initial bundle: ${(total / 1000).toFixed(1)} kB gzip (budget ${BUDGET / 1000} kB)`);
if (assets.length === 0 || total > BUDGET) {
  console.error(assets.length === 0 ? 'no assets found in dist/index.html' : 'over budget');
  process.exit(1);
}
