#!/usr/bin/env bash
# `make blas-install-check`: installs liboxpar_blas into a temporary prefix
# (`make blas-install PREFIX=...`) and checks the installed copy the ways a
# user would use it:
#   1. oxpar-blas.pc: version, blas_libdir, Libs;
#   2. tests/blas/cblas_layouts.c (C) and tests/blas/fortran_blas.f90
#      (Fortran) built with `pkg-config --cflags --libs oxpar-blas`: they must
#      load PREFIX/lib/oxpar-blas/libblas.so.3 with no LD_LIBRARY_PATH (the
#      rpath in Libs) and pass;
#   3. the README's plain link, `-L PREFIX/lib -loxpar_blas`, run with
#      LD_LIBRARY_PATH=PREFIX/lib/oxpar-blas;
#   4. ldconfig run on PREFIX/lib must not create PREFIX/lib/libblas.so.3
#      (which would shadow the system BLAS when PREFIX/lib is in ld.so.conf);
#   5. a DESTDIR install puts the same files under DESTDIR, with the final
#      prefix in oxpar-blas.pc and the linker script.
# Run from the repository root; CC, FC and MAKE come from the environment.
set -eu

cc=${CC:-cc}
fc=${FC:-gfortran}
[ "$fc" = f77 ] && ! command -v f77 >/dev/null 2>&1 && fc=gfortran
make_cmd=${MAKE:-make}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/blas-install-check.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
prefix="$tmp/prefix"
fail() { echo "blas-install-check: $*"; exit 1; }

echo "blas-install-check: installing into $prefix"
$make_cmd --no-print-directory blas-install PREFIX="$prefix" >"$tmp/install.log" 2>&1 \
    || { cat "$tmp/install.log"; fail "make blas-install failed"; }
for f in lib/oxpar-blas/liboxpar_blas.so lib/oxpar-blas/libblas.so.3 lib/oxpar-blas/libblas.so \
        lib/liboxpar_blas.so lib/pkgconfig/oxpar-blas.pc; do
    [ -e "$prefix/$f" ] || fail "the install lacks $f"
done
soname=$(readelf -d "$prefix/lib/oxpar-blas/liboxpar_blas.so" | sed -n 's/.*Library soname: \[\(.*\)\]/\1/p')
[ "$soname" = libblas.so.3 ] || fail "liboxpar_blas.so has SONAME '$soname', not libblas.so.3"

# 1. The .pc file.
export PKG_CONFIG_PATH="$prefix/lib/pkgconfig"
want_version=$(sed -n 's/^.define OXPAR_VERSION_STRING "\(.*\)"$/\1/p' include/oxpar.h)
v=$(pkg-config --modversion oxpar-blas) || fail "pkg-config cannot read oxpar-blas.pc"
[ "$v" = "$want_version" ] || fail "oxpar-blas.pc says version '$v', oxpar.h '$want_version'"
bl=$(pkg-config --variable=blas_libdir oxpar-blas)
[ "$bl" = "$prefix/lib/oxpar-blas" ] || fail "blas_libdir is '$bl', not $prefix/lib/oxpar-blas"
[ -e "$bl/$(pkg-config --variable=soname oxpar-blas)" ] || fail "no \${blas_libdir}/\${soname}"
libs=$(pkg-config --libs oxpar-blas)
echo "blas-install-check: pkg-config --libs oxpar-blas: $libs"

# Checks that program $1 loads PREFIX's libblas.so.3 (with the environment
# already set by the caller), runs it and expects its last line to be $2.
expect_run() {
    local exe=$1 want=$2 loaded
    loaded=$(ldd "$exe" | awk '$1 == "libblas.so.3" {print $3}')
    [ "$(readlink -f "$loaded")" = "$(readlink -f "$prefix/lib/oxpar-blas/liboxpar_blas.so")" ] \
        || fail "$(basename "$exe") loads libblas.so.3 from '${loaded:-nowhere}', not the installed copy"
    "$exe" >"$exe.out" 2>&1 || { cat "$exe.out"; fail "$(basename "$exe") failed"; }
    tail -1 "$exe.out" | grep -q "$want" || { cat "$exe.out"; fail "$(basename "$exe"): unexpected output"; }
    echo "blas-install-check: $(basename "$exe"): $(tail -1 "$exe.out")"
}

# 2. Through pkg-config, no LD_LIBRARY_PATH.
echo "$cc -std=c99 tests/blas/cblas_layouts.c -o cblas_layouts \$(pkg-config --cflags --libs oxpar-blas) -lm"
# shellcheck disable=SC2046
$cc -std=c99 -O1 -Itests/blas tests/blas/cblas_layouts.c -o "$tmp/cblas_layouts" \
    $(pkg-config --cflags --libs oxpar-blas) -lm
(unset LD_LIBRARY_PATH; expect_run "$tmp/cblas_layouts" ', 0 failed$')
echo "$fc tests/blas/fortran_blas.f90 -o fortran_blas \$(pkg-config --libs oxpar-blas)"
# shellcheck disable=SC2046
$fc -J "$tmp" tests/blas/fortran_blas.f90 -o "$tmp/fortran_blas" $(pkg-config --libs oxpar-blas)
(unset LD_LIBRARY_PATH; expect_run "$tmp/fortran_blas" '^fortran_blas: ok$')

# 3. The plain link of the README, with LD_LIBRARY_PATH.
echo "$fc tests/blas/fortran_blas.f90 -L\$prefix/lib -loxpar_blas; LD_LIBRARY_PATH=\$prefix/lib/oxpar-blas"
$fc -J "$tmp" tests/blas/fortran_blas.f90 -o "$tmp/fortran_plain" -L"$prefix/lib" -loxpar_blas
(export LD_LIBRARY_PATH="$prefix/lib/oxpar-blas"; expect_run "$tmp/fortran_plain" '^fortran_blas: ok$')

# 4. ldconfig on the library folder (-n: that folder only, no cache).
ldconfig_cmd=$(command -v ldconfig || echo /sbin/ldconfig)
if [ -x "$ldconfig_cmd" ]; then
    "$ldconfig_cmd" -n "$prefix/lib" 2>/dev/null || true
    [ ! -e "$prefix/lib/libblas.so.3" ] \
        || fail "ldconfig made $prefix/lib/libblas.so.3: installing to a folder in ld.so.conf would shadow the system BLAS"
    echo "blas-install-check: ldconfig leaves no libblas.so.3 in \$prefix/lib"
fi

# 5. DESTDIR staging.
$make_cmd --no-print-directory blas-install DESTDIR="$tmp/stage" PREFIX=/opt/oxpar >"$tmp/install.log" 2>&1 \
    || { cat "$tmp/install.log"; fail "make blas-install DESTDIR=... failed"; }
for f in lib/oxpar-blas/liboxpar_blas.so lib/oxpar-blas/libblas.so.3 lib/liboxpar_blas.so \
        lib/pkgconfig/oxpar-blas.pc; do
    [ -e "$tmp/stage/opt/oxpar/$f" ] || fail "DESTDIR install lacks $f"
done
grep -q '^prefix=/opt/oxpar$' "$tmp/stage/opt/oxpar/lib/pkgconfig/oxpar-blas.pc" \
    || fail "staged oxpar-blas.pc has the wrong prefix"
grep -q 'INPUT(/opt/oxpar/lib/oxpar-blas/liboxpar_blas.so)' "$tmp/stage/opt/oxpar/lib/liboxpar_blas.so" \
    || fail "staged liboxpar_blas.so (linker script) names the wrong file"
echo "blas-install-check: ok"
