#!/usr/bin/env bash
# Builds the programs in tests/blas against liboxpar_blas, the way a program
# links any BLAS (`-L DIR -lblas`, which records libblas.so.3), and runs them
# with LD_LIBRARY_PATH=DIR after checking with ldd that libblas.so.3 is ours.
#
#   tests/blas/run_programs.sh --lib-dir DIR --build-dir DIR [--timeout S]
#
# CC and FC (default cc and gfortran) are the compilers. One summary line per
# program; exits 1 if any failed to build, loaded another BLAS or failed.
#
#   xerbla_override  its own xerbla_/cblas_xerbla get the errors of dgemm_
#                    and cblas_dgemm (name, position), C untouched
#   xerbla_default   without handlers of its own: the library prints the
#                    reference messages to stderr and returns
#   cblas_layouts    cblas_dgemm/cblas_sgemm, both layouts, against loops
#   complex_level1   zdotc_/cdotu_ called as C _Complex functions, the
#                    _sub forms, izamax_, lsame_, xerbla_array_
#   fortran_blas     a Fortran program calling dgemm, sgemm, ddot, dgemv, daxpy
#   fortran_complex  Fortran: the COMPLEX functions zdotc, cdotu, ..., complex
#                    level 1, lsame

set -u

here=$(cd "$(dirname "$0")" && pwd)
lib_dir=""
build_dir=""
timeout_s=300
cc=${CC:-cc}
fc=${FC:-gfortran}
# make's built-in default for FC is f77; prefer gfortran then.
[ "$fc" = f77 ] && ! command -v f77 >/dev/null 2>&1 && fc=gfortran

while [ $# -gt 0 ]; do
    case "$1" in
        --lib-dir) lib_dir=$2; shift 2 ;;
        --build-dir) build_dir=$2; shift 2 ;;
        --timeout) timeout_s=$2; shift 2 ;;
        *) echo "usage: run_programs.sh --lib-dir DIR --build-dir DIR [--timeout S]" >&2; exit 2 ;;
    esac
done
[ -n "$lib_dir" ] && [ -n "$build_dir" ] || { echo "usage: run_programs.sh --lib-dir DIR --build-dir DIR" >&2; exit 2; }
lib_dir=$(cd "$lib_dir" 2>/dev/null && pwd) || { echo "run_programs.sh: no folder $lib_dir (make blas-lib)" >&2; exit 2; }
lib_real=$(readlink -f "$lib_dir/libblas.so.3")
mkdir -p "$build_dir" && build_dir=$(cd "$build_dir" && pwd)

cflags="-std=c99 -Wall -Wextra -Werror -pedantic -g -O1 -I$here"
fflags="-std=f2018 -Wall -Wextra -Werror -g -fcheck=all"
libs="-L$lib_dir -lblas"

failed=()
report() { printf '%-16s %-7s %s\n' "$1" "$2" "$3"; }

# build NAME COMMAND...: runs the compiler, leaves its output in NAME.build.log.
build() {
    local name=$1; shift
    if ! "$@" >"$build_dir/$name.build.log" 2>&1; then
        local undefined
        undefined=$(grep -o "undefined reference to \`[^']*'" "$build_dir/$name.build.log" \
            | sed "s/undefined reference to \`\(.*\)'/\1/" | sort -u | tr '\n' ' ')
        if [ -n "$undefined" ]; then
            report "$name" "NOLINK" "the library lacks: $undefined"
        else
            report "$name" "NOBUILD" "$(head -3 "$build_dir/$name.build.log" | tr '\n' ' ')"
        fi
        return 1
    fi
}

# run NAME: checks the loaded BLAS, runs the program; output in NAME.out/.err.
run() {
    local name=$1 exe="$build_dir/$1" loaded rc
    loaded=$(env LD_LIBRARY_PATH="$lib_dir" ldd "$exe" 2>&1 | awk '$1 == "libblas.so.3" {print $3}')
    if [ -z "$loaded" ] || [ "$(readlink -f "$loaded")" != "$lib_real" ]; then
        report "$name" "WRONGLIB" "libblas.so.3 resolves to '${loaded:-nothing}', not $lib_dir/libblas.so.3"
        return 1
    fi
    env LD_LIBRARY_PATH="$lib_dir" timeout -k 10 "$timeout_s" "$exe" >"$build_dir/$name.out" 2>"$build_dir/$name.err"
    rc=$?
    if [ $rc -ne 0 ]; then
        report "$name" "FAIL" "exit status $rc$([ $rc = 124 ] && echo " (timed out)")"
        cat "$build_dir/$name.out" "$build_dir/$name.err" | head -20 | sed 's/^/                 | /'
        return 1
    fi
}

for prog in xerbla_override xerbla_default cblas_layouts complex_level1; do
    if build "$prog" $cc $cflags "$here/$prog.c" -o "$build_dir/$prog" $libs -lm && run "$prog"; then
        extra=""
        if [ "$prog" = xerbla_default ]; then
            # The reference messages, on stderr, and the program went on.
            missing=""
            grep -q -E '^ \*\* On entry to DGEMM +parameter number +3 had an illegal value' "$build_dir/$prog.err" \
                || missing="$missing xerbla_ message;"
            grep -q -E '^Parameter 1 to routine cblas_dgemm was incorrect' "$build_dir/$prog.err" \
                || missing="$missing cblas_xerbla message;"
            grep -q '^xerbla_default: ok$' "$build_dir/$prog.out" || missing="$missing 'ok' line;"
            if [ -n "$missing" ]; then
                report "$prog" "FAIL" "no$missing stderr was:"
                head -5 "$build_dir/$prog.err" | sed 's/^/                 | /'
                failed+=("$prog"); continue
            fi
            extra=" (messages on stderr, returned)"
        fi
        report "$prog" "ok" "$(tail -1 "$build_dir/$prog.out")$extra"
    else
        failed+=("$prog")
    fi
done

for prog in fortran_blas fortran_complex; do
    if ! command -v "$fc" >/dev/null 2>&1; then
        report "$prog" "NOBUILD" "no Fortran compiler '$fc' (apt-get install gfortran)"
        failed+=("$prog")
    elif build "$prog" "$fc" $fflags -J "$build_dir" "$here/$prog.f90" -o "$build_dir/$prog" $libs \
            && run "$prog"; then
        report "$prog" "ok" "$(tail -1 "$build_dir/$prog.out")"
    else
        failed+=("$prog")
    fi
done

if [ ${#failed[@]} -eq 0 ]; then
    echo "blas programs: all passed against $lib_real"
    exit 0
fi
echo "blas programs: ${#failed[@]} failed: ${failed[*]} (logs in $build_dir)"
exit 1
