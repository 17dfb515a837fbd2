// Runs the end-to-end suite: every e2e/*.test.js file in a process of its own, four at a time,
// the longest first. The files mostly wait for blocks (6 s each) on nodes of their own, so four
// side by side fit two cores; starting the long ones first keeps one of them from being the
// suite's tail (`node --test` starts files in name order). A single file still runs with
// `node --test e2e/<file>`.
import { readdirSync } from 'node:fs';
import { run } from 'node:test';
import { spec, tap } from 'node:test/reporters';

/** The files that take longest (3 to 9 minutes each on a clean CI run), longest first. */
const LONGEST_FIRST = [
  'readme-recipe.test.js',
  'rewards.test.js',
  'communities.test.js',
  'ipfs.test.js',
  'apps.test.js',
  'feeds.test.js',
  'social.test.js',
  'local-network.test.js',
  'restart.test.js',
  'throughput.test.js',
];
/** Files that run at once. */
const CONCURRENCY = 4;
/** A file that runs longer than this has hung: it fails, and its nodes are stopped. */
const FILE_TIMEOUT_MS = 20 * 60_000;

const dir = new URL('./e2e/', import.meta.url);
const present = readdirSync(dir).filter((name) => name.endsWith('.test.js')).sort();
const missing = LONGEST_FIRST.filter((name) => !present.includes(name));
if (missing.length) {
  console.error(`run.js names files that are not in e2e/: ${missing.join(', ')}`);
  process.exit(1);
}
const ordered = [...LONGEST_FIRST, ...present.filter((name) => !LONGEST_FIRST.includes(name))];

const stream = run({
  files: ordered.map((name) => new URL(name, dir).pathname),
  concurrency: CONCURRENCY,
  timeout: FILE_TIMEOUT_MS,
});
stream.on('test:fail', () => { process.exitCode = 1; });
stream.compose(process.stdout.isTTY ? spec : tap).pipe(process.stdout);
