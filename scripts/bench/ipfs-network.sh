#!/usr/bin/env bash
# The IPFS network benchmark, on loopback in one run: the time a 1 MiB post body takes to be
# pinned on a second Plaza node after finality, and bitswap throughput Plaza→Kubo and Kubo→Plaza
# beside Kubo→Kubo (the baseline) for fresh bodies of --mib MiB. Options go to
# tests/bench/ipfs-network.mjs: --runs (3), --mib (8).
exec "$(dirname "$0")/run-js.sh" ipfs-network.mjs "$@"
