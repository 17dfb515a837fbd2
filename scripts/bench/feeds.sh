#!/usr/bin/env bash
# Feed latency benchmark: builds posts on a dev node, then runs concurrent clients on
# social_homeFeed, social_postsByAuthor and social_trending beside chain_getHeader in the same
# run, and prints p50/p99 latencies and the social index's size. Options go to
# tests/bench/feeds.mjs: --posts (20000), --accounts (1000), --clients (64), --follows (50),
# --seconds (20).
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/env.sh
scripts/setup.sh --tests
[[ -x "$CARGO_TARGET_DIR/release/plaza-node" ]] || cargo build --release --locked -p plaza-node
cd tests && exec node bench/feeds.mjs "$@"
