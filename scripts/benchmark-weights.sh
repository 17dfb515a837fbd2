#!/usr/bin/env bash
# Generates weights on this machine. Builds the runtime with its benchmarks (in a target
# directory of its own, so the node users run stays benchmark-free), then:
#   - `benchmark pallet` for every pallet named (default: all of them): Plaza's pallets get
#     pallets/<name>/src/weights.rs (from scripts/pallet-weight-template.hbs), the SDK's pallets
#     runtime/src/weights/<pallet>.rs;
#   - `benchmark storage` (runtime/src/weights/rocksdb_weights.rs): RocksDB's read and write
#     costs, on the state of the `bench` chain (its 10,000 endowed accounts), writes committed in
#     batches of 1,000 as a block's are;
#   - `benchmark overhead` (runtime/src/weights/{block,extrinsic}_weights.rs): the cost of an
#     empty block and of a no-op signed extrinsic;
# and scales every file it writes by Plaza's reference-hardware margin (scripts/weight-margin.sh).
#
#   scripts/benchmark-weights.sh                  # everything
#   scripts/benchmark-weights.sh pallet_balances  # just these pallets (no storage or overhead)
#   STEPS=2 REPEAT=1 scripts/benchmark-weights.sh # a quick smoke run (weights not fit for use)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

STEPS="${STEPS:-50}"
REPEAT="${REPEAT:-20}"
BENCH_TARGET_DIR="${BENCH_TARGET_DIR:-$CARGO_TARGET_DIR-benchmarks}"

scripts/setup.sh
# The ordinary node runs `benchmark pallet` over a runtime built with its benchmarks; only
# `benchmark storage` and `benchmark overhead` need a node built with them (below).
cargo build --release --locked --workspace
CARGO_TARGET_DIR="$BENCH_TARGET_DIR" cargo build --release --locked -p plaza-runtime --features runtime-benchmarks
runtime_wasm="$BENCH_TARGET_DIR/release/wbuild/plaza-runtime/plaza_runtime.compact.compressed.wasm"

bench() {
	"$PLAZA_NODE" benchmark pallet --runtime "$runtime_wasm" --genesis-builder=runtime \
		--genesis-builder-preset="${preset:-development}" "$@"
}

# The genesis each pallet is measured on: the development chain's, but governance's referenda
# on the live template's, whose periods are days (the referenda benchmarks need a referendum to
# stay in its prepare period for more than a block; the development chain's last one).
preset_for() {
	case "$1" in
	pallet_referenda | pallet_conviction_voting) echo live_template ;;
	*) echo development ;;
	esac
}

pallets=("$@")
if ((${#pallets[@]} == 0)); then
	# Every benchmarked pallet but the baseline (frame_benchmarking), which has no weights.
	mapfile -t pallets < <(bench --list=pallets --no-csv-header 2>/dev/null \
		| awk -F', *' '$1 != "frame_benchmarking" {print $1}' | sort -u)
	whole_runtime=1
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
	preset="$(preset_for "$pallet")" bench --pallet "$pallet" --extrinsic '*' --steps "$STEPS" --repeat "$REPEAT" \
		--wasm-execution compiled --heap-pages 4096 "${output[@]}"
	scripts/weight-margin.sh "${output[1]}"
done

if [[ -n "${whole_runtime:-}" ]]; then
	CARGO_TARGET_DIR="$BENCH_TARGET_DIR" cargo build --release --locked -p plaza-node --features runtime-benchmarks
	bench_node="$BENCH_TARGET_DIR/release/plaza-node"
	scratch=$(mktemp -d)
	trap 'rm -rf "$scratch"' EXIT
	echo "== database (benchmark storage)"
	"$bench_node" benchmark storage --chain bench --base-path "$scratch/storage" --state-version 1 \
		--batch-size 1000 --weight-path runtime/src/weights/
	echo "== block and extrinsic base weights (benchmark overhead)"
	"$bench_node" benchmark overhead --chain dev --base-path "$scratch/overhead" \
		--weight-path runtime/src/weights/
	scripts/weight-margin.sh runtime/src/weights/{rocksdb,block,extrinsic}_weights.rs
fi
