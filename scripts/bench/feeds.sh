#!/usr/bin/env bash
# Feed latency benchmark: builds posts on a `--dev --chain bench` node, then runs concurrent
# clients on social_homeFeed, social_postsByAuthor and social_trending beside chain_getHeader in
# the same run, and prints p50/p99 latencies and the social index's size. Options go to
# tests/bench/feeds.mjs: --posts (20000), --accounts (1000, at most 10000), --clients (64),
# --follows (50), --seconds (20), --workers (signing threads, one per core).
exec "$(dirname "$0")/run-js.sh" feeds.mjs "$@"
