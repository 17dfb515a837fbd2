#!/usr/bin/env bash
# Builds plaza-node (release) and starts a single-validator development chain with the embedded
# `dev` spec: Alice authors and finalizes, RPC on ws://127.0.0.1:9944, state in a temp directory.
# Extra arguments go to the node, e.g. `scripts/run-dev.sh --base-path /tmp/plaza-dev`.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

scripts/setup.sh
# The whole workspace, as scripts/test.sh builds it: the same features, so that either command
# reuses what the other built instead of rebuilding the node with a different feature set.
cargo build --release --locked --workspace
exec "$PLAZA_NODE" --dev "$@"
