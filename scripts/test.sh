#!/usr/bin/env bash
# Runs every test: the Rust unit tests, then the end-to-end tests against the real plaza-node
# binary (release build, real WASM runtime) with @polkadot/api, then the web app's tests (unit,
# and in Chromium against a real node).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

scripts/setup.sh --tests

# One release build serves all: the unit tests reuse the node's compiled dependencies. It also
# builds the runtime one spec_version higher, as a blob beside the node's runtime (runtime/blobs,
# straight to WASM while the node compiles), which a test enacts by referendum on a running
# network. (`-p plaza-runtime --features …` would instead rebuild host crates whose features
# differ outside the workspace's unified set: 10.6 of a clean run's 73 minutes.)
cargo build --release --locked --workspace --features plaza-runtime-blobs/build
echo "[test] setup and build: ${SECONDS} s"

# Then three suites side by side, each reported when it ends so that their reports do not
# interleave: the Rust unit tests, the end-to-end tests and the web app's tests. The last two
# mostly wait for blocks (6 s each) on nodes of their own; one after the other, the three took
# 20 of a clean run's 73 minutes. The web app: its own unit tests, the build (which fails above
# the bundle budget), then the browser tests in Debian's Chromium against a real node serving
# the build.
#
# The CPU work left goes beside the waiting: first the next runtime with the try-runtime API
# (FRAME compiled for WASM once more, with `try-runtime`), which `plaza-node try-runtime` checks
# against live state in two end-to-end tests (they take their snapshots at once and wait for the
# blob: the file named by PLAZA_TRY_RUNTIME_BUILD says `ok` or why not), then the unit tests
# (compiling them is about 3 minutes on a clean machine). One cargo at a time: they share the
# target directory.
unit_log=$(mktemp)
web_log=$(mktemp)
PLAZA_TRY_RUNTIME_BUILD=$(mktemp)
export PLAZA_TRY_RUNTIME_BUILD
trap 'rm -f "$unit_log" "$web_log" "$PLAZA_TRY_RUNTIME_BUILD"' EXIT
# Runs a suite ("$1", the rest its command), then says how long it took and when it ended.
timed() {
	local name=$1 start=$SECONDS status=0
	shift
	"$@" || status=$?
	echo "[test] $name: exit $status after $((SECONDS - start)) s, at $SECONDS s"
	return "$status"
}
web_suite() { cd web && npm test && npm run build && npx playwright test; }
e2e_suite() { cd tests && npm test; }
# Builds the try-runtime blob and says how that went in $PLAZA_TRY_RUNTIME_BUILD.
try_runtime_blob() {
	if cargo build --release --locked --workspace --features plaza-runtime-blobs/build-try-runtime; then
		echo ok >"$PLAZA_TRY_RUNTIME_BUILD"
	else
		echo "cargo build failed: see the Rust unit tests' report" >"$PLAZA_TRY_RUNTIME_BUILD"
		return 1
	fi
}
{
	blob_status=0 tests_status=0
	timed "try-runtime blob" try_runtime_blob || blob_status=$?
	timed "unit tests" cargo test --release --locked --workspace || tests_status=$?
	exit $((blob_status || tests_status))
} >"$unit_log" 2>&1 &
unit=$!
(timed "web app tests" web_suite) >"$web_log" 2>&1 &
web=$!
e2e_status=0
(timed "end-to-end tests" e2e_suite) || e2e_status=$?
unit_status=0
wait "$unit" || unit_status=$?
web_status=0
wait "$web" || web_status=$?
echo "---- the try-runtime blob and the Rust unit tests ----"
cat "$unit_log"
echo "---- the web app's tests ----"
cat "$web_log"
if ((unit_status || e2e_status || web_status)); then
	echo "FAILED: try-runtime blob and unit tests exit $unit_status, end-to-end tests exit $e2e_status, web app tests exit $web_status" >&2
	exit 1
fi
echo "[test] all passed in ${SECONDS} s"
