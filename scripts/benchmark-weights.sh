#!/usr/bin/env bash
# Generates weights on this machine: builds the runtime with its benchmarks (in a target
# directory of its own, so the node's embedded runtime stays benchmark-free), then runs
# `plaza-node benchmark pallet` against it for every pallet named (default: all of them).
# Plaza's pallets get pallets/<name>/src/weights.rs (trait and implementations, from
# scripts/pallet-weight-template.hbs); the SDK's pallets get runtime/src/weights/<pallet>.rs.
#
#   scripts/benchmark-weights.sh                  # every pallet the runtime benchmarks
#   scripts/benchmark-weights.sh pallet_balances  # just these
#   STEPS=2 REPEAT=1 scripts/benchmark-weights.sh # a quick smoke run (weights not fit for use)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

STEPS="${STEPS:-50}"
REPEAT="${REPEAT:-20}"
BENCH_TARGET_DIR="${BENCH_TARGET_DIR:-$CARGO_TARGET_DIR-benchmarks}"

scripts/setup.sh
cargo build --release --locked -p plaza-node
CARGO_TARGET_DIR="$BENCH_TARGET_DIR" cargo build --release --locked -p plaza-runtime --features runtime-benchmarks
runtime_wasm="$BENCH_TARGET_DIR/release/wbuild/plaza-runtime/plaza_runtime.compact.compressed.wasm"

bench() {
	"$PLAZA_NODE" benchmark pallet --runtime "$runtime_wasm" --genesis-builder=runtime \
		--genesis-builder-preset=development "$@"
}

pallets=("$@")
if ((${#pallets[@]} == 0)); then
	# Every benchmarked pallet but the baseline (frame_benchmarking), which has no weights.
	mapfile -t pallets < <(bench --list=pallets --no-csv-header 2>/dev/null \
		| awk -F', *' '$1 != "frame_benchmarking" {print $1}' | sort -u)
fi

mkdir -p runtime/src/weights
for pallet in "${pallets[@]}"; do
	echo "== $pallet (steps $STEPS, repeat $REPEAT)"
	crate_dir="pallets/${pallet#pallet_}"
	if [[ "$pallet" == pallet_* && -d "$crate_dir" ]]; then
		output=(--output "$crate_dir/src/weights.rs" --template scripts/pallet-weight-template.hbs)
	else
		output=(--output "runtime/src/weights/$pallet.rs")
	fi
	bench --pallet "$pallet" --extrinsic '*' --steps "$STEPS" --repeat "$REPEAT" \
		--wasm-execution compiled --heap-pages 4096 "${output[@]}"
done
