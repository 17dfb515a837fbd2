#!/usr/bin/env bash
# Throughput benchmark: transfers, posts, votes, tips and batched posts per second on a real
# `plaza-node --dev --chain bench` (10,000 endowed load accounts), one kind after another in the
# same run, with block fill, the ceiling the benchmarked weights imply and the node's CPU per block.
#
# The load generator is JavaScript with @polkadot/api (tests/bench/throughput.mjs): the same
# client wallets use, no extra Rust to build. It keeps up because the expensive part, signing, is
# done before each kind's run in worker threads on every core; the run itself only sends
# pre-signed bytes (`author_submitExtrinsic`) over several WebSockets with many requests in flight.
#
#   scripts/bench/throughput.sh                      # about 6 full blocks of each kind
#   scripts/bench/throughput.sh --kinds transfer,post --blocks 10
#   scripts/bench/throughput.sh --short --json       # seconds: the smoke test the suite runs
#   scripts/bench/throughput.sh --kinds authorize,appPosts --keep  # keep the node's database to
#                                                    # re-execute its blocks (e.g. under perf)
exec "$(dirname "$0")/run-js.sh" throughput.mjs "$@"
