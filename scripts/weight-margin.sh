#!/usr/bin/env bash
# Scales generated weight files to Plaza's reference hardware: every execution time (ref_time) in
# them is multiplied by the margin `REFERENCE_HARDWARE_MARGIN_PERCENT` in
# runtime/src/weights/mod.rs, rounded up, so that weights measured on this machine hold on the
# slowest machine of the reference kind (docs/benchmarks.md, "Reference hardware"). Proof sizes
# and database access counts are left as measured; the database's own read and write times are
# scaled like the rest.
#
# Plaza's weights are measured on one machine, the AMD EPYC of docs/benchmarks.md ("Reference
# hardware"), which the margin is measured against. A machine faster or slower than it that
# regenerates some weights says by how much with MACHINE_SCALE_PERCENT: the reference EPYC's
# time in percent of this machine's, measured by re-running benchmarks whose code did not change
# beside the new ones (docs/benchmarks.md shows how). Its times are scaled by that too, so every
# weight file stays at the reference EPYC's scale.
#
# A scaled file says so in a header line, and a file that already says so is left alone, so
# running this again, or on every weight file, changes nothing; a file scaled by an earlier
# margin is rescaled to the current one. scripts/benchmark-weights.sh
# runs it on each file it generates.
#
#   scripts/weight-margin.sh runtime/src/weights/*.rs pallets/*/src/weights.rs
#   MACHINE_SCALE_PERCENT=128 scripts/weight-margin.sh pallets/posts/src/weights.rs
set -euo pipefail
cd "$(dirname "$0")/.."

margin=$(sed -n 's/^pub const REFERENCE_HARDWARE_MARGIN_PERCENT: u64 = \([0-9]*\);$/\1/p' \
	runtime/src/weights/mod.rs)
[[ -n "$margin" ]] || { echo "no REFERENCE_HARDWARE_MARGIN_PERCENT in runtime/src/weights/mod.rs" >&2; exit 1; }
machine="${MACHINE_SCALE_PERCENT:-100}"
[[ "$machine" =~ ^[1-9][0-9]*$ ]] || { echo "MACHINE_SCALE_PERCENT must be a whole percentage" >&2; exit 1; }
# Both at once, rounded up once.
scale=$((margin * machine))
header="//!\n//! Reference-hardware margin: every execution time in the code below is $margin % of the\n//! time measured, which the comments give (scripts/weight-margin.sh)"
if ((machine == 100)); then
	header+=".\n"
else
	header+=", times $machine %: the\n//! reference EPYC's time in percent of the time of the machine that measured\n//! (MACHINE_SCALE_PERCENT), so that the weights are at the reference EPYC's scale.\n"
fi

for file in "$@"; do
	case "$file" in
	*/mod.rs) continue ;;
	esac
	scaled_by=$(sed -n 's|^//! Reference-hardware margin: every execution time in the code below is \([0-9]*\) % of the$|\1|p' "$file")
	if [[ "$scaled_by" == "$margin" ]]; then
		echo "$file: already scaled"
		continue
	elif [[ -n "$scaled_by" ]]; then
		# Scaled by an earlier margin: from that margin to this one, header too.
		num="$margin" den="$scaled_by" done="rescaled from a margin of $scaled_by % to $margin %"
	else
		num="$scale" den=10000 done="scaled by $margin % × $machine %"
	fi
	NUM="$num" DEN="$den" FROM="$scaled_by" TO="$margin" HEADER="$header" perl -0777 -pi -e '
		# Times NUM / DEN, rounded up.
		sub scaled {
			my $digits = shift =~ s/_//gr;
			my $value = int(($digits * $ENV{NUM} + $ENV{DEN} - 1) / $ENV{DEN});
			1 while $value =~ s/^(\d+)(\d{3})/$1_$2/;
			$value;
		}
		# Pallet weights: the ref_time of every Weight::from_parts (0 stays 0).
		s{(Weight::from_parts\()([\d_]+)(,)}{$1 . scaled($2) . $3}ge;
		# Block and extrinsic base weights (benchmark overhead).
		s{(WEIGHT_REF_TIME_PER_NANOS\.saturating_mul\()([\d_]+)(\))}{$1 . scaled($2) . $3}ge;
		# Database read and write times (benchmark storage).
		s{((?:read|write): )([\d_]+)( \* constants::WEIGHT_REF_TIME_PER_NANOS)}{$1 . scaled($2) . $3}ge;
		if ($ENV{FROM} ne "") {
			s{(code below is )$ENV{FROM}( % of the\n)}{$1$ENV{TO}$2};
		} else {
			my $header = $ENV{HEADER} =~ s/\\n/\n/gr;
			s{\A(\s*(?://!.*\n)+)}{$1$header};
		}
	' "$file"
	echo "$file: execution times $done"
done
