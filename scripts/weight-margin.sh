#!/usr/bin/env bash
# Scales generated weight files to Plaza's reference hardware: every execution time (ref_time) in
# them is multiplied by the margin `REFERENCE_HARDWARE_MARGIN_PERCENT` in
# runtime/src/weights/mod.rs, rounded up, so that weights measured on this machine hold on the
# slowest machine of the reference kind (docs/benchmarks.md, "Reference hardware"). Proof sizes
# and database access counts are left as measured; the database's own read and write times are
# scaled like the rest.
#
# A scaled file says so in a header line, and a file that already says so is left alone, so
# running this again, or on every weight file, changes nothing. scripts/benchmark-weights.sh
# runs it on each file it generates.
#
#   scripts/weight-margin.sh runtime/src/weights/*.rs pallets/*/src/weights.rs
set -euo pipefail
cd "$(dirname "$0")/.."

margin=$(sed -n 's/^pub const REFERENCE_HARDWARE_MARGIN_PERCENT: u64 = \([0-9]*\);$/\1/p' \
	runtime/src/weights/mod.rs)
[[ -n "$margin" ]] || { echo "no REFERENCE_HARDWARE_MARGIN_PERCENT in runtime/src/weights/mod.rs" >&2; exit 1; }

for file in "$@"; do
	case "$file" in
	*/mod.rs) continue ;;
	esac
	if grep -q '^//! Reference-hardware margin: ' "$file"; then
		echo "$file: already scaled"
		continue
	fi
	MARGIN="$margin" perl -0777 -pi -e '
		sub scaled {
			my $digits = shift =~ s/_//gr;
			my $value = int(($digits * $ENV{MARGIN} + 99) / 100);
			1 while $value =~ s/^(\d+)(\d{3})/$1_$2/;
			$value;
		}
		# Pallet weights: the ref_time of every Weight::from_parts (0 stays 0).
		s{(Weight::from_parts\()([\d_]+)(,)}{$1 . scaled($2) . $3}ge;
		# Block and extrinsic base weights (benchmark overhead).
		s{(WEIGHT_REF_TIME_PER_NANOS\.saturating_mul\()([\d_]+)(\))}{$1 . scaled($2) . $3}ge;
		# Database read and write times (benchmark storage).
		s{((?:read|write): )([\d_]+)( \* constants::WEIGHT_REF_TIME_PER_NANOS)}{$1 . scaled($2) . $3}ge;
		s{\A(\s*(?://!.*\n)+)}{$1//!\n//! Reference-hardware margin: every execution time in the code below is $ENV{MARGIN} % of the\n//! time measured, which the comments give (scripts/weight-margin.sh).\n};
	' "$file"
	echo "$file: execution times scaled by $margin %"
done
