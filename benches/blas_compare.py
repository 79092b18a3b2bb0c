#!/usr/bin/env python3
"""liboxpar_blas next to OpenBLAS and BLIS: one program, three libraries.

benches/blas_compare.c is built once against -lblas (it records
libblas.so.3; `make blas-bench` builds it) and run once per library with
LD_LIBRARY_PATH pointing at the folder that holds that library's
libblas.so.3:

* oxpar:    target/blas/lib (`make blas-lib`)
* OpenBLAS: /usr/lib/<multiarch>/openblas-pthread (libopenblas0-pthread)
* BLIS:     /usr/lib/<multiarch>/blis-openmp (or blis-pthread, blis-serial:
            whichever libblis4-* is installed; its libblas.so.3 carries the
            CBLAS symbols too)

Every run gets the same thread count in all the variables the three read:
OXPAR_NUM_THREADS, OPENBLAS_NUM_THREADS, BLIS_NUM_THREADS and
OMP_NUM_THREADS (default: the CPUs this process may use). The program prints
which file cblas_dgemm came from; a run whose library is not the one asked
for counts as failed.

Prints a table (GFLOP/s for gemm, GB/s for ddot; best of a few runs) and the
ratios oxpar/OpenBLAS and oxpar/BLIS (above 1: oxpar is faster). Exits 1 if a
library could not be run or gave wrong results.

Usage: python3 benches/blas_compare.py [--bin PATH] [--threads N] [--quick]
           [--reps R] [--level2] [--level3] [--oxpar DIR] [--openblas DIR] [--blis DIR]
"""

import argparse
import glob
import os
import subprocess
import sys

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
THREAD_VARIABLES = ("OXPAR_NUM_THREADS", "OPENBLAS_NUM_THREADS", "BLIS_NUM_THREADS", "OMP_NUM_THREADS")
# Forced core types or cache sizes would make a peer slower than it is here.
DROPPED_VARIABLES = ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE", "OPENBLAS_VERBOSE", "BLIS_ARCH_TYPE",
                     "OXPAR_CPU_LEVEL", "LD_PRELOAD")


def multiarch():
    try:
        out = subprocess.run(["gcc", "-print-multiarch"], capture_output=True, text=True, check=False).stdout
        return out.strip() or "x86_64-linux-gnu"
    except OSError:
        return "x86_64-linux-gnu"


def default_blis(libdir):
    for flavour in ("openmp", "pthread", "serial"):
        if os.path.exists(os.path.join(libdir, f"blis-{flavour}", "libblas.so.3")):
            return os.path.join(libdir, f"blis-{flavour}")
    found = sorted(glob.glob(os.path.join(libdir, "blis-*", "libblas.so.3")))
    return os.path.dirname(found[0]) if found else os.path.join(libdir, "blis-openmp")


def cpus():
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def run_one(name, folder, args, threads, timeout):
    """Runs the program on the BLAS in folder; returns (results, error)."""
    lib = os.path.join(folder, "libblas.so.3")
    if not os.path.exists(lib):
        return None, f"no {lib}"
    env = {k: v for k, v in os.environ.items() if k not in DROPPED_VARIABLES}
    env["LD_LIBRARY_PATH"] = os.path.abspath(folder)
    for var in THREAD_VARIABLES:
        env[var] = str(threads)
    cmd = [args.bin] + (["--quick"] if args.quick else []) + (["--reps", str(args.reps)] if args.reps else [])
    cmd += ["--level2"] if args.level2 else []
    cmd += ["--level3"] if args.level3 else []
    print(f"running {name} ({os.path.realpath(lib)}, {threads} threads) ...", flush=True)
    try:
        proc = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        return None, f"timed out after {timeout}s"
    results, loaded = {}, None
    for line in proc.stdout.splitlines():
        fields = line.split()
        if fields[:1] == ["library"]:
            loaded = line.split(" ", 1)[1]
        elif fields[:1] == ["result"] and len(fields) == 7:
            _, kernel, n, secs, gflops, gbps, check = fields
            results[(kernel, int(n))] = {
                "secs": float(secs),
                "gflops": float(gflops),
                "gbps": None if gbps == "-" else float(gbps),
                "check": check,
            }
    if loaded is None:
        detail = (proc.stderr.strip().splitlines() or ["no output"])[-1]
        return None, f"did not start (exit {proc.returncode}): {detail}"
    if os.path.realpath(loaded) != os.path.realpath(lib):
        return None, f"cblas_dgemm came from {loaded}, not {lib}"
    if proc.returncode != 0 and not results:
        detail = (proc.stderr.strip().splitlines() or ["no output"])[-1]
        return None, f"exit {proc.returncode}: {detail}"
    error = None
    if proc.returncode != 0:
        error = f"exit {proc.returncode}" + (": " + proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else "")
    bad = [f"{k} {n}" for (k, n), r in results.items() if r["check"] != "ok"]
    if bad:
        error = "wrong results: " + ", ".join(bad)
    return results, error


def main():
    libdir = f"/usr/lib/{multiarch()}"
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--bin", default=os.path.join(REPO, "target", "blas", "bench", "blas_compare"))
    parser.add_argument("--threads", type=int, default=cpus())
    parser.add_argument("--quick", action="store_true", help="smaller sizes")
    parser.add_argument("--level3", action="store_true", help="only the level-3 routines other than gemm")
    parser.add_argument("--reps", type=int, default=0, help="timed runs per case (the best counts)")
    parser.add_argument("--level2", action="store_true", help="symv, trmv, trsv, syr, syr2 instead of gemm and dot")
    parser.add_argument("--timeout", type=int, default=600, help="seconds per library")
    parser.add_argument("--oxpar", default=os.path.join(REPO, "target", "blas", "lib"))
    parser.add_argument("--openblas", default=os.path.join(libdir, "openblas-pthread"))
    parser.add_argument("--blis", default=default_blis(libdir))
    args = parser.parse_args()
    if not os.access(args.bin, os.X_OK):
        sys.exit(f"blas_compare: no program {args.bin} (make blas-bench builds it)")

    libraries = [("oxpar", args.oxpar), ("OpenBLAS", args.openblas), ("BLIS", args.blis)]
    runs, errors = {}, {}
    for name, folder in libraries:
        results, error = run_one(name, folder, args, args.threads, args.timeout)
        if results:
            runs[name] = results
        if error:
            errors[name] = error

    cases = []
    for results in runs.values():
        for case in results:
            if case not in cases:
                cases.append(case)

    def rate(name, case):
        r = runs.get(name, {}).get(case)
        if r is None:
            return None
        return r["gbps"] if r["gbps"] is not None else r["gflops"]

    def cell(value):
        return f"{value:10.2f}" if value is not None else f"{'n/a':>10}"

    def ratio(a, b):
        return f"{a / b:10.2f}" if a is not None and b else f"{'n/a':>10}"

    print()
    print(f"threads: {args.threads} (set in {', '.join(THREAD_VARIABLES)})")
    header = f"{'case':<14}{'unit':<8}" + "".join(f"{name:>10}" for name, _ in libraries)
    header += f"{'ox/OpenB':>10}{'ox/BLIS':>10}"
    print(header)
    print("-" * len(header))
    for case in cases:
        kernel, n = case
        unit = "GB/s" if any(runs[x].get(case, {}).get("gbps") is not None for x in runs) else "GFLOP/s"
        rates = [rate(name, case) for name, _ in libraries]
        line = f"{kernel + ' ' + str(n):<14}{unit:<8}" + "".join(cell(r) for r in rates)
        line += ratio(rates[0], rates[1]) + ratio(rates[0], rates[2])
        print(line)
    for name, folder in libraries:
        if name in errors:
            print(f"{name}: {errors[name]}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
