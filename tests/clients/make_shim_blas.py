#!/usr/bin/env python3
"""Builds the shim libblas.so.3 of shim_blas.c into OUT_DIR.

    tests/clients/make_shim_blas.py OUT_DIR [--break-dgemm] [--first LIB [--only A,B,...]]
        [--reference PATH] [--cc CC]

--break-dgemm  the deliberately wrong BLAS: dgemm_ and cblas_dgemm off by
               1e6 ulps (BROKEN_BLAS_ULPS at run time); `make
               clients-selftest` checks that the harnesses reject it
--first LIB    forward every function LIB defines to LIB, the rest to the
               reference (e.g. liboxpar_blas before it has the complex
               routines: `make clients-test-mixed`)
--only A,B,... with --first: only these functions from LIB (to find which
               routine a client's failure comes from)

The library has the SONAME libblas.so.3 and exports every function the
reference BLAS exports, as trampolines (one indirect jump each, generated
here from `nm -D` of the reference: signatures do not matter to a jump, so
one line serves every routine; x86-64 and AArch64). The libraries it forwards
to are copied next to it (OUT_DIR/libblas-reference.so.3,
OUT_DIR/libblas-first.so), where the harnesses count them as part of the
library under test, and loaded from there with dlopen(RTLD_LOCAL).
"""

import argparse
import os
import platform
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import blasdir  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
BROKEN = {"dgemm_", "cblas_dgemm"}


def trampolines(names):
    """Assembly: each NAME jumps through shim_blas_table[i]."""
    arch = platform.machine()
    lines = ["\t.hidden shim_blas_table", "\t.text"]
    for i, name in enumerate(names):
        lines += [f"\t.globl {name}", f"\t.type {name}, @function", f"{name}:"]
        if arch == "x86_64":
            lines.append(f"\tjmp *shim_blas_table+{8 * i}(%rip)")
        elif arch == "aarch64":
            lines += ["\tadrp x16, shim_blas_table", "\tadd x16, x16, :lo12:shim_blas_table",
                      f"\tldr x16, [x16, #{8 * i}]", "\tbr x16"]
        else:
            sys.exit(f"make_shim_blas.py: no trampolines for {arch}")
        lines.append(f"\t.size {name}, .-{name}")
    lines.append('\t.section .note.GNU-stack,"",@progbits')
    return "\n".join(lines) + "\n"


def table(names, from_first):
    """C: the names, which may come from the first library, and the table
    the constructor fills."""
    body = ",\n".join(f'    "{n}"' for n in names)
    flags = ", ".join("1" if n in from_first else "0" for n in names)
    return (f"const int shim_blas_count = {len(names)};\n"
            f"const unsigned char shim_blas_from_first[] = {{{flags}}};\n"
            f"__attribute__((visibility(\"hidden\"))) void *shim_blas_table[{len(names)}];\n"
            f"const char *const shim_blas_names[] = {{\n{body}\n}};\n")


def private_copy(src, out_dir, name):
    """SRC copied to OUT_DIR/NAME (replaced by a rename); returns its path."""
    dst = os.path.join(os.path.abspath(out_dir), name)
    shutil.copyfile(os.path.realpath(src), dst + ".new")
    os.replace(dst + ".new", dst)
    return dst


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out_dir")
    ap.add_argument("--break-dgemm", action="store_true")
    ap.add_argument("--first", help="a BLAS whose functions are taken first")
    ap.add_argument("--only", help="with --first: take only these functions (comma-separated) from it")
    ap.add_argument("--reference", default=blasdir.REFERENCE_BLAS)
    ap.add_argument("--cc", default=os.environ.get("CC", "cc"))
    args = ap.parse_args()
    os.makedirs(args.out_dir, exist_ok=True)
    for stale in ("libblas-first.so",):
        if os.path.exists(os.path.join(args.out_dir, stale)) and not args.first:
            os.unlink(os.path.join(args.out_dir, stale))
    reference = private_copy(args.reference, args.out_dir, "libblas-reference.so.3")
    names = sorted(blasdir.defined_symbols(reference) - (BROKEN if args.break_dgemm else set()))
    defines = [f'-DREFERENCE_BLAS="{reference}"']
    taken = []
    if args.first:
        if not os.path.exists(args.first):
            sys.exit(f"make_shim_blas.py: no {args.first}")
        first = private_copy(args.first, args.out_dir, "libblas-first.so")
        defines.append(f'-DFIRST_BLAS="{first}"')
        taken = sorted(set(names) & blasdir.defined_symbols(first))
        if args.only is not None:
            wanted = {n.strip() for n in args.only.split(",") if n.strip()}
            unknown = wanted - set(taken)
            if unknown:
                sys.exit(f"make_shim_blas.py: --only names what {args.first} does not define: {sorted(unknown)}")
            taken = sorted(wanted)
    if args.break_dgemm:
        defines.append("-DBREAK_DGEMM")
    asm = os.path.join(args.out_dir, "trampolines.S")
    tab = os.path.join(args.out_dir, "table.c")
    with open(asm, "w", encoding="utf-8") as f:
        f.write(trampolines(names))
    with open(tab, "w", encoding="utf-8") as f:
        f.write(table(names, set(taken)))
    lib = os.path.join(args.out_dir, "libblas.so.3")
    cmd = [args.cc, "-shared", "-fPIC", "-O2", "-Wall", "-Wextra", "-Werror", *defines,
           "-Wl,-soname,libblas.so.3", "-o", lib + ".new", os.path.join(HERE, "shim_blas.c"), tab, asm, "-ldl"]
    subprocess.run(cmd, check=True)
    os.replace(lib + ".new", lib)
    what = "dgemm perturbed" if args.break_dgemm else "intact"
    print(f"make_shim_blas.py: {lib}: {len(names)} functions forwarded, {len(taken)} of them to "
          f"{args.first or '(no first library)'}, the rest to {args.reference}; {what}")


if __name__ == "__main__":
    main()
