#!/usr/bin/env python3
"""Builds the deliberately wrong BLAS of broken_blas.c into OUT_DIR/libblas.so.3.

    tests/clients/make_broken_blas.py OUT_DIR [--reference PATH] [--cc CC]

The library has the SONAME libblas.so.3 and exports every function the
reference BLAS exports: dgemm_ and cblas_dgemm from broken_blas.c, all the
others as trampolines (one indirect jump each, generated here from
`nm -D` of the reference) into the reference, which the library dlopens
privately. Signatures do not matter to a jump, so one generated line serves
every routine. x86-64 and AArch64. The reference is copied next to the
library (OUT_DIR/libblas-reference.so.3) and loaded from there.

Used by `make clients-selftest`: the harnesses must reject this library.
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
OWN = {"dgemm_", "cblas_dgemm"}


def trampolines(names):
    """Assembly: each NAME jumps through broken_blas_table[i]."""
    arch = platform.machine()
    lines = ["\t.hidden broken_blas_table", "\t.text"]
    for i, name in enumerate(names):
        lines += [f"\t.globl {name}", f"\t.type {name}, @function", f"{name}:"]
        if arch == "x86_64":
            lines.append(f"\tjmp *broken_blas_table+{8 * i}(%rip)")
        elif arch == "aarch64":
            lines += ["\tadrp x16, broken_blas_table", "\tadd x16, x16, :lo12:broken_blas_table",
                      f"\tldr x16, [x16, #{8 * i}]", "\tbr x16"]
        else:
            sys.exit(f"make_broken_blas.py: no trampolines for {arch}")
        lines.append(f"\t.size {name}, .-{name}")
    lines.append('\t.section .note.GNU-stack,"",@progbits')
    return "\n".join(lines) + "\n"


def table(names):
    """C: the names and the table the constructor fills."""
    body = ",\n".join(f'    "{n}"' for n in names)
    return (f"const int broken_blas_count = {len(names)};\n"
            f"__attribute__((visibility(\"hidden\"))) void *broken_blas_table[{len(names)}];\n"
            f"const char *const broken_blas_names[] = {{\n{body}\n}};\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out_dir")
    ap.add_argument("--reference", default=blasdir.REFERENCE_BLAS)
    ap.add_argument("--cc", default=os.environ.get("CC", "cc"))
    args = ap.parse_args()
    # A private copy of the reference, in the library's own folder (where the
    # harnesses count a BLAS file as part of the library under test).
    os.makedirs(args.out_dir, exist_ok=True)
    reference = os.path.join(os.path.abspath(args.out_dir), "libblas-reference.so.3")
    shutil.copyfile(os.path.realpath(args.reference), reference + ".new")
    os.replace(reference + ".new", reference)
    names = sorted(blasdir.defined_symbols(reference) - OWN)
    if "dgemm_" not in blasdir.defined_symbols(reference):
        sys.exit(f"make_broken_blas.py: {reference} has no dgemm_")
    os.makedirs(args.out_dir, exist_ok=True)
    asm = os.path.join(args.out_dir, "trampolines.S")
    tab = os.path.join(args.out_dir, "table.c")
    with open(asm, "w", encoding="utf-8") as f:
        f.write(trampolines(names))
    with open(tab, "w", encoding="utf-8") as f:
        f.write(table(names))
    lib = os.path.join(args.out_dir, "libblas.so.3")
    cmd = [args.cc, "-shared", "-fPIC", "-O2", "-Wall", "-Wextra", "-Werror", f'-DREFERENCE_BLAS="{reference}"',
           "-Wl,-soname,libblas.so.3", "-o", lib + ".new", os.path.join(HERE, "broken_blas.c"), tab, asm, "-ldl"]
    subprocess.run(cmd, check=True)
    os.replace(lib + ".new", lib)
    print(f"make_broken_blas.py: {lib} ({len(names)} functions forwarded to {reference}; dgemm perturbed)")


if __name__ == "__main__":
    main()
