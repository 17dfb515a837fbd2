#!/usr/bin/env bash
# Throughput of the node's embedded IPFS store: `add` and `cat` over its HTTP API for 1 KiB,
# 256 KiB and 16 MiB bodies, printed beside `sha256sum` on the same bytes in the same run (the
# baseline: hashing alone, which every add must do at least once). The client is
# scripts/bench/ipfs.mjs (Node's fetch, keep-alive connections); sha256sum hashes all bodies of a
# size in one process, so neither side pays a process start per body.
#
#   scripts/bench/ipfs.sh            # uses the release plaza-node in $CARGO_TARGET_DIR
#   PLAZA_NODE=/path/to/plaza-node scripts/bench/ipfs.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/env.sh

node_bin="${PLAZA_NODE:-$CARGO_TARGET_DIR/release/plaza-node}"
[[ -x "$node_bin" ]] || { echo "no plaza-node at $node_bin: run cargo build --release first" >&2; exit 1; }
command -v curl >/dev/null && command -v sha256sum >/dev/null && command -v node >/dev/null \
	|| { echo "needs curl, sha256sum and node" >&2; exit 1; }

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
work=$(mktemp -d)
api_port=$(free_port)
"$node_bin" --dev --tmp --rpc-port "$(free_port)" --port "$(free_port)" --no-prometheus --no-telemetry \
	--ipfs-api-port "$api_port" --ipfs-max-content $((64 * 1024 * 1024)) >"$work/node.log" 2>&1 &
node_pid=$!
trap 'kill $node_pid 2>/dev/null; wait $node_pid 2>/dev/null; rm -rf "$work"' EXIT
api="http://127.0.0.1:$api_port/api/v0"
for _ in $(seq 100); do curl -sf -X POST "$api/version" >/dev/null && break; sleep 0.2; done

now_ns() { date +%s%N; }

echo "plaza-node IPFS throughput ($(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; $(date -u +%F))"
printf '%-8s %6s | %14s %14s | %14s %14s | %14s %14s\n' size bodies "add MiB/s" "add bodies/s" \
	"cat MiB/s" "cat bodies/s" "sha256sum MiB/s" "sha256sum /s"
for spec in 1024:2000 262144:200 16777216:8; do
	size=${spec%%:*} count=${spec##*:}
	for i in $(seq "$count"); do head -c "$size" /dev/urandom >"$work/body.$i"; done

	start=$(now_ns)
	sha256sum "$work"/body.* >/dev/null
	sha_ns=$(($(now_ns) - start))

	times=$(node scripts/bench/ipfs.mjs "$api" "$work"/body.*)
	add_ns=$(node -e "console.log(Math.round(JSON.parse(process.argv[1]).addSeconds * 1e9))" "$times")
	cat_ns=$(node -e "console.log(Math.round(JSON.parse(process.argv[1]).catSeconds * 1e9))" "$times")

	awk -v size="$size" -v n="$count" -v add="$add_ns" -v cat="$cat_ns" -v sha="$sha_ns" 'BEGIN {
		label = size >= 1048576 ? size / 1048576 " MiB" : size / 1024 " KiB"
		mib = size * n / 1048576
		printf "%-8s %6d | %14.1f %14.1f | %14.1f %14.1f | %14.1f %14.1f\n", label, n,
			mib / (add / 1e9), n / (add / 1e9), mib / (cat / 1e9), n / (cat / 1e9),
			mib / (sha / 1e9), n / (sha / 1e9)
	}'
	rm -f "$work"/body.*
done
