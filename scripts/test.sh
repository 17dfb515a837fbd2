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

(cd tests && npm test)

# The web app: its own unit tests, the build (which fails above the bundle budget), then the
# browser tests in Debian's Chromium against a real node serving the build.
(cd web && npm test && npm run build && npx playwright test)
