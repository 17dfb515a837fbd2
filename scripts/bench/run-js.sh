#!/usr/bin/env bash
# Runs one of the JavaScript benchmarks in tests/bench/ (where @polkadot/api is installed)
# against the release plaza-node, setting up and building first if needed.
#
#   scripts/bench/run-js.sh <tests/bench script> [options…]
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/env.sh
scripts/setup.sh --tests
[[ -x "$CARGO_TARGET_DIR/release/plaza-node" ]] || cargo build --release --locked -p plaza-node
script="$1"
shift
cd tests && exec node "bench/$script" "$@"
