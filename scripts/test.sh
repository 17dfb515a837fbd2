#!/usr/bin/env bash
# Runs every test: the Rust unit tests, then the end-to-end tests against the real plaza-node
# binary (release build, real WASM runtime) with @polkadot/api, then the web app's tests (unit,
# and in Chromium against a real node).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

scripts/setup.sh --tests

# One release build serves both: the unit tests reuse the node's compiled dependencies.
cargo build --release --locked --workspace
cargo test --release --locked --workspace
# The same runtime one spec_version higher, which an end-to-end test enacts by referendum on a
# running network (a blob of its own beside the node's runtime; the node is not rebuilt).
cargo build --release --locked -p plaza-runtime --features next-spec-version

# The end-to-end tests and the web app's tests run side by side: both mostly wait for blocks
# (6 s each) on nodes of their own, and one after the other they took 15 of a clean run's
# 65 minutes. The web app: its own unit tests, the build (which fails above the bundle budget),
# then the browser tests in Debian's Chromium against a real node serving the build. Its output
# is shown when it ends, so that the two suites' reports do not interleave.
web_log=$(mktemp)
trap 'rm -f "$web_log"' EXIT
(cd web && npm test && npm run build && npx playwright test) >"$web_log" 2>&1 &
web=$!
e2e_status=0
(cd tests && npm test) || e2e_status=$?
web_status=0
wait "$web" || web_status=$?
echo "---- the web app's tests ----"
cat "$web_log"
if ((e2e_status || web_status)); then
	echo "FAILED: end-to-end tests exit $e2e_status, web app tests exit $web_status" >&2
	exit 1
fi
