#!/usr/bin/env bash
# Runs netlib's BLAS and CBLAS testers (Debian's libblas-test) against
# liboxpar_blas and decides from their output whether they passed: the
# testers exit 0 even when routines fail, so the exit status alone says
# nothing.
#
#   tests/blas/run_testers.sh --lib-dir DIR [--tester-dir DIR] [--log-dir DIR]
#                             [--timeout S] TESTER[:INPUT] ...
#
# --lib-dir     the folder holding libblas.so.3 (a link to liboxpar_blas.so)
# --tester-dir  where the testers and their input files are
#               (default /usr/lib/<multiarch>/blas)
# --log-dir     each tester's output is copied to LOG_DIR/TESTER/ (kept for
#               reading after a failure); nothing is kept without it
# --timeout     seconds per tester (default 300)
# TESTER:INPUT  e.g. xblat2d:dblat2.in runs `xblat2d < dblat2.in`
#
# For every tester, in a fresh temporary folder:
#   1. the symbols it needs (dynamic undefined symbols and COPY-relocated
#      data such as CBLAS's RowMajorStrg) are compared with what the library
#      exports; a tester linked with BIND_NOW cannot start without all of
#      them, so the missing ones are listed and the tester is not run;
#   2. ldd, with LD_LIBRARY_PATH=--lib-dir, must resolve libblas.so.3 to the
#      library under test (not the system's BLAS);
#   3. it runs with a deadline; it must exit 0, its output (stdout, stderr and
#      the summary files its input names) must contain none of the testers'
#      failure messages (FAIL, SUSPECT, FATAL, "WAS CALLED WITH", "NOT
#      DETECTED", ...), the level 2 and 3 testers must reach "END OF TESTS",
#      and it must print as many PASS lines as the same tester prints against
#      the reference BLAS shipped next to it (TESTER_DIR/libblas.so.3), so that
#      a tester that stops early or skips routines does not pass.
# One summary line per tester; exits 1 if any tester failed or did not run.

set -u

lib_dir=""
multiarch=$(gcc -print-multiarch 2>/dev/null || true)
tester_dir="/usr/lib/${multiarch:-x86_64-linux-gnu}/blas"
log_dir=""
timeout_s=300
testers=()

while [ $# -gt 0 ]; do
    case "$1" in
        --lib-dir) lib_dir=$2; shift 2 ;;
        --tester-dir) tester_dir=$2; shift 2 ;;
        --log-dir) log_dir=$2; shift 2 ;;
        --timeout) timeout_s=$2; shift 2 ;;
        -h|--help) sed -n '2,/^$/s/^# \{0,1\}//p' "$0"; exit 0 ;;
        -*) echo "run_testers.sh: unknown option $1" >&2; exit 2 ;;
        *) testers+=("$1"); shift ;;
    esac
done

if [ -z "$lib_dir" ] || [ ${#testers[@]} -eq 0 ]; then
    echo "usage: run_testers.sh --lib-dir DIR [--tester-dir DIR] [--log-dir DIR] TESTER[:INPUT] ..." >&2
    exit 2
fi
lib_dir=$(cd "$lib_dir" 2>/dev/null && pwd) || { echo "run_testers.sh: no folder $lib_dir" >&2; exit 2; }
lib="$lib_dir/libblas.so.3"
if [ ! -e "$lib" ]; then
    echo "run_testers.sh: $lib does not exist (make blas-lib)" >&2
    exit 2
fi
lib_real=$(readlink -f "$lib")
if [ ! -d "$tester_dir" ]; then
    echo "run_testers.sh: no testers in $tester_dir: install Debian's libblas-test (make deps)" >&2
    exit 1
fi
if [ -n "$log_dir" ]; then
    mkdir -p "$log_dir" && log_dir=$(cd "$log_dir" && pwd)
fi
reference_lib="$tester_dir/libblas.so.3"

# The testers' failure messages (level 1: FAIL; levels 2 and 3: FAILED,
# SUSPECT, FATAL ERROR, XERBLA WAS CALLED WITH ..., ILLEGAL VALUE ... NOT
# DETECTED, TESTS ABANDONED), this library's own error handlers (which the
# testers replace: their messages mean a tester's handler was bypassed), and
# crashes.
bad_pattern='FAIL|SUSPECT|FATAL|NOT CALLED|WAS CALLED|NOT DETECTED|ABANDONED|WRONGLY|NOT RECOGNIZED'
bad_pattern+='|INCORRECTLY|ILLEGAL VALUE|had an illegal value|was incorrect|panicked|[Ss]egmentation'
bad_pattern+='|[Aa]bort|received signal|[Rr]untime [Ee]rror|lookup error|cannot open|[Kk]illed'

# Symbols the library exports (defined, dynamic).
exported=$(nm -D --defined-only "$lib_real" 2>/dev/null | awk '{print $NF}' | sed 's/@.*//' | sort -u)

# The symbols TESTER needs from a BLAS: undefined dynamic symbols without a
# version (glibc's and libgfortran's carry one) and data it copies in.
needed_symbols() {
    {
        nm -D --undefined-only "$1" | awk '{print $NF}' | grep -v '@' | grep -v -E '^(_|__)'
        readelf -rW "$1" | awk '$3 == "R_X86_64_COPY" || $3 == "R_AARCH64_COPY" {print $5}' | sed 's/@.*//'
    } | sort -u
}

# Runs TESTER (with INPUT on stdin when given) in the current folder with
# the BLAS in folder $1; leaves stdout/stderr in tester.stdout/.stderr and
# prints the exit status.
run_in_cwd() {
    local dir=$1 path=$2 input=$3 rc
    if [ -n "$input" ]; then
        env LD_LIBRARY_PATH="$dir" timeout -k 10 "$timeout_s" "$path" <"$input" >tester.stdout 2>tester.stderr
    else
        env LD_LIBRARY_PATH="$dir" timeout -k 10 "$timeout_s" "$path" </dev/null >tester.stdout 2>tester.stderr
    fi
    rc=$?
    echo "$rc"
}

# Everything a run in the current folder wrote.
all_output() {
    cat tester.stdout tester.stderr
    local f
    for f in *; do
        case "$f" in tester.stdout|tester.stderr) ;; *) [ -f "$f" ] && cat "$f" ;; esac
    done
}

pass_count() { all_output | grep -c 'PASS'; }

failed=()
printf '%-10s %-7s %s\n' "tester" "result" "details"
for spec in "${testers[@]}"; do
    name=${spec%%:*}
    input=""
    [ "$spec" != "$name" ] && input="$tester_dir/${spec#*:}"
    path="$tester_dir/$name"
    if [ ! -x "$path" ]; then
        printf '%-10s %-7s %s\n' "$name" "MISSING" "no $path (Debian package libblas-test)"
        failed+=("$name"); continue
    fi
    if [ -n "$input" ] && [ ! -r "$input" ]; then
        printf '%-10s %-7s %s\n' "$name" "MISSING" "no input file $input"
        failed+=("$name"); continue
    fi

    # 1. Can it load at all?
    missing=$(comm -23 <(needed_symbols "$path") <(echo "$exported"))
    if [ -n "$missing" ]; then
        count=$(echo "$missing" | wc -l)
        list=$(echo "$missing" | head -8 | tr '\n' ' ')
        [ "$count" -gt 8 ] && list="$list... ($count in all)"
        printf '%-10s %-7s %s\n' "$name" "NOLOAD" "the library lacks $count symbol(s) it needs: $list"
        failed+=("$name")
        if [ -n "$log_dir" ]; then
            mkdir -p "$log_dir/$name" && echo "$missing" >"$log_dir/$name/missing-symbols.txt"
        fi
        continue
    fi

    work=$(mktemp -d "${TMPDIR:-/tmp}/blas-tester.XXXXXX")
    (
        cd "$work" || exit 99

        # 2. Is libblas.so.3 ours?
        loaded=$(env LD_LIBRARY_PATH="$lib_dir" ldd "$path" 2>&1 | awk '$1 == "libblas.so.3" {print $3}')
        if [ -z "$loaded" ] || [ "$(readlink -f "$loaded")" != "$lib_real" ]; then
            printf '%-10s %-7s %s\n' "$name" "WRONGLIB" "libblas.so.3 resolves to '${loaded:-nothing}', not $lib"
            exit 1
        fi

        # The reference BLAS's PASS count, in a folder of its own.
        expected=""
        if [ -e "$reference_lib" ] && [ "$(readlink -f "$reference_lib")" != "$lib_real" ]; then
            mkdir ref && expected=$(cd ref && rc=$(run_in_cwd "$tester_dir" "$path" "$input") \
                && [ "$rc" = 0 ] && pass_count)
            rm -rf ref
        fi

        # 3. Run it and read what it wrote.
        mkdir run && cd run || exit 99
        start=$(date +%s.%N)
        rc=$(run_in_cwd "$lib_dir" "$path" "$input")
        secs=$(echo "$start $(date +%s.%N)" | awk '{printf "%.1f", $2 - $1}')
        bad=$(all_output | grep -E "$bad_pattern")
        passes=$(pass_count)
        problems=()
        case "$rc" in
            0) ;;
            124|137) problems+=("timed out after ${timeout_s}s") ;;
            *) problems+=("exit status $rc") ;;
        esac
        [ -n "$bad" ] && problems+=("$(echo "$bad" | wc -l) failure line(s), first: '$(echo "$bad" | head -1 | sed 's/^ *//')'")
        case "$name" in
            xblat1?|x?cblat1) ;;
            *) all_output | grep -q 'END OF TESTS' || problems+=("no 'END OF TESTS'") ;;
        esac
        if [ -n "$expected" ] && [ "$passes" -ne "$expected" ]; then
            problems+=("$passes PASS lines, $expected with the reference BLAS")
        elif [ -z "$expected" ] && [ "$passes" -eq 0 ]; then
            problems+=("no PASS line")
        fi
        if [ -n "$log_dir" ]; then
            rm -rf "${log_dir:?}/$name" && mkdir -p "$log_dir/$name" && cp -p ./* "$log_dir/$name/" 2>/dev/null
        fi
        if [ ${#problems[@]} -eq 0 ]; then
            printf '%-10s %-7s %s\n' "$name" "ok" "$passes PASS lines${expected:+ (as the reference)}, ${secs}s"
            exit 0
        fi
        detail=$(printf '%s; ' "${problems[@]}")
        printf '%-10s %-7s %s\n' "$name" "FAIL" "${detail%; }"
        if [ -n "$bad" ]; then
            echo "$bad" | head -10 | sed 's/^/           | /'
        elif [ "$rc" != 0 ]; then
            tail -5 tester.stderr | sed 's/^/           | /'
        fi
        exit 1
    )
    status=$?
    rm -rf "$work"
    [ $status -ne 0 ] && failed+=("$name")
done

total=${#testers[@]}
if [ ${#failed[@]} -eq 0 ]; then
    echo "blas testers: all $total passed against $lib_real"
    exit 0
fi
echo "blas testers: ${#failed[@]} of $total failed or did not run: ${failed[*]}${log_dir:+ (output in $log_dir)}"
exit 1
