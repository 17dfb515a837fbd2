#!/usr/bin/env bash
# Throughput benchmark: transfers, posts, votes and tips per second on a real `plaza-node --dev
# --chain bench` (10,000 endowed load accounts), one kind after another in the same run, with
# block fill, the ceiling the benchmarked weights imply and the node's CPU per block.
#
# The load generator is JavaScript with @polkadot/api (tests/bench/throughput.mjs): the same
# client wallets use, no extra Rust to build. It keeps up because the expensive part, signing, is
# done before each kind's run in worker threads on every core; the run itself only sends
# pre-signed bytes (`author_submitExtrinsic`) over several WebSockets with many requests in flight.
#
#   scripts/bench/throughput.sh                      # about 6 full blocks of each kind
#   scripts/bench/throughput.sh --kinds transfer,post --blocks 10
#   scripts/bench/throughput.sh --short --json       # seconds: the smoke test the suite runs
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/env.sh
scripts/setup.sh --tests
[[ -x "$CARGO_TARGET_DIR/release/plaza-node" ]] || cargo build --release --locked -p plaza-node
cd tests && exec node bench/throughput.mjs "$@"
