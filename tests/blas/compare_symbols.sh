#!/usr/bin/env bash
# Lists the functions and data the reference BLAS (libblas.so.3 of Debian's
# libblas3, netlib BLAS + CBLAS) exports that liboxpar_blas does not: a
# program or library linked against the reference needs every one of them
# to load liboxpar_blas in its place.
#
#   tests/blas/compare_symbols.sh [--report] [--lib FILE] [--reference FILE]
#
# --lib        the library under test (default target/release/liboxpar_blas.so)
# --reference  the reference BLAS (default /usr/lib/<multiarch>/blas/libblas.so.3)
# --report     only print: exit 0 even when symbols are missing
#
# Prints each missing symbol with its kind (function or data), then one
# summary line. Exits 1 if any is missing (unless --report), 2 on bad usage
# or when a library or `nm` cannot be found.

set -u
export LC_ALL=C

multiarch=$(gcc -print-multiarch 2>/dev/null || true)
reference="/usr/lib/${multiarch:-x86_64-linux-gnu}/blas/libblas.so.3"
lib="target/release/liboxpar_blas.so"
report_only=0

while [ $# -gt 0 ]; do
    case "$1" in
        --report) report_only=1; shift ;;
        --lib) lib=$2; shift 2 ;;
        --reference) reference=$2; shift 2 ;;
        -h|--help) sed -n '2,/^$/s/^# \{0,1\}//p' "$0"; exit 0 ;;
        *) echo "usage: compare_symbols.sh [--report] [--lib FILE] [--reference FILE]" >&2; exit 2 ;;
    esac
done

command -v nm >/dev/null 2>&1 || { echo "compare_symbols.sh: no nm (apt-get install binutils)" >&2; exit 2; }
for f in "$reference" "$lib"; do
    [ -e "$f" ] || { echo "compare_symbols.sh: no file $f" >&2; exit 2; }
done

# The defined dynamic symbols as "NAME KIND": T/W/i are code, B/D/R/V/G/S
# data (the rest, such as absolute symbols, are not part of the interface).
exports() {
    nm -D --defined-only "$1" | awk '
        $2 ~ /^[TWi]$/ { print $3, "function"; next }
        $2 ~ /^[BDRVGS]$/ { print $3, "data" }' | sort -u
}

ref_list=$(exports "$reference") || exit 2
lib_list=$(exports "$lib") || exit 2
# Compare by name only: a datum exported as code (or the reverse) would be
# a different bug, and the loader only matches names.
missing=$(join -v 1 <(printf '%s\n' "$ref_list") <(printf '%s\n' "$lib_list" | cut -d' ' -f1 | sort -u))

total=$(printf '%s\n' "$ref_list" | grep -c .)
if [ -z "$missing" ]; then
    echo "compare_symbols: $lib exports all $total symbols of $reference"
    exit 0
fi
count=$(printf '%s\n' "$missing" | grep -c .)
printf '%s\n' "$missing" | awk '{ printf "missing %-8s %s\n", $2, $1 }'
echo "compare_symbols: $lib lacks $count of the $total symbols of $reference"
[ "$report_only" = 1 ] && exit 0
exit 1
