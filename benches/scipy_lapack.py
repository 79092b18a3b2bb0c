#!/usr/bin/env python3
"""SciPy's LU, Cholesky and solve through reference LAPACK: liboxpar_blas
against OpenBLAS's libblas.so.3.

Debian's SciPy (under /usr/bin/python3) calls reference LAPACK
(liblapack3), whose blocked algorithms spend their time in the BLAS (dgemm,
dtrsm, dsyrk): so this measures what each BLAS gives a real LAPACK client.
Each library gets a folder of links first on LD_LIBRARY_PATH (libblas.so.3
-> that library, liblapack.so.3 -> reference LAPACK; see
tests/clients/blasdir.py), in a process of its own; the processes alternate
(A B A B ...) so that a change in the machine's load hits both. Every process
checks its /proc/self/maps (the library asked for answers, and no other
BLAS) and the residual of its solve.

    benches/scipy_lapack.py [--oxpar DIR] [--openblas DIR] [--lib LABEL=DIR ...]
        [--n 2000] [--repeats 5] [--threads N] [--python /usr/bin/python3]

Per operation (scipy.linalg.lu_factor, cho_factor, solve with one right-hand
side, n x n, float64) the best time of each process is kept; the table shows
the median over processes and the ratio first library / second library of
the times (below 1: the first is faster). The same thread count goes to
every library (default: the CPUs this process may use). OPENBLAS_CORETYPE
passes through. Exits 1 if a run failed or the wrong library answered.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(REPO, "tests", "clients"))
import blasdir  # noqa: E402

OPERATIONS = ("lu_factor", "cho_factor", "solve")


def child(n, calls):
    """Runs in the measured process: times the operations, prints JSON."""
    import time

    import numpy as np
    import scipy.linalg as la

    rng = np.random.default_rng(2000)
    a = rng.standard_normal((n, n))
    spd = a @ a.T + n * np.eye(n)
    b = rng.standard_normal(n)
    work = {
        "lu_factor": lambda: la.lu_factor(a, check_finite=False),
        "cho_factor": lambda: la.cho_factor(spd, check_finite=False),
        "solve": lambda: la.solve(a, b, check_finite=False),
    }
    best = {}
    for name, call in work.items():
        call()  # warm up: threads started, pages touched
        times = []
        for _ in range(calls):
            t = time.perf_counter()
            call()
            times.append(time.perf_counter() - t)
        best[name] = min(times)
    x = la.solve(a, b)
    residual = float(np.linalg.norm(a @ x - b) / (np.linalg.norm(a, 1) * np.linalg.norm(x) * n * 2.2e-16))
    with open("/proc/self/maps", encoding="latin-1") as f:
        maps = f.read()
    json.dump({"best": best, "residual": residual, "maps": maps}, sys.stdout)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--oxpar", default=os.path.join(REPO, "target", "blas", "lib"))
    ap.add_argument("--openblas", default=blasdir.OPENBLAS_DIR)
    ap.add_argument("--lib", action="append", metavar="LABEL=DIR",
                    help="libraries to compare instead of oxpar and OpenBLAS (the first is the numerator)")
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--repeats", type=int, default=5, help="processes per library (interleaved)")
    ap.add_argument("--calls", type=int, default=3, help="timed calls per operation in each process")
    ap.add_argument("--threads", type=int, default=len(os.sched_getaffinity(0)))
    ap.add_argument("--python", default="/usr/bin/python3")
    ap.add_argument("--work-dir", default=os.path.join(REPO, "target", "clients", "bench"))
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args.n, args.calls)
        return 0

    specs = args.lib or [f"oxpar={args.oxpar}", f"OpenBLAS={args.openblas}"]
    libs = []
    for spec in specs:
        label, _, folder = spec.partition("=")
        libs.append(blasdir.BlasDir(label, folder, args.work_dir))
    load = os.getloadavg()[0]
    print(f"scipy_lapack: n = {args.n}, {args.threads} thread(s), {args.repeats} processes per library "
          f"(interleaved), best of {args.calls} calls each; load average {load:.1f} on "
          f"{os.cpu_count()} CPUs; OPENBLAS_CORETYPE={os.environ.get('OPENBLAS_CORETYPE', '(unset)')}")
    for lib in libs:
        print(f"  {lib.label}: {lib.lib}")
    times = {lib.label: {op: [] for op in OPERATIONS} for lib in libs}
    failed = False
    for rep in range(args.repeats):
        for lib in libs:
            env = lib.env(args.threads)
            for name in ("PYTHONPATH", "PYTHONHOME"):
                env.pop(name, None)
            env["PYTHONNOUSERSITE"] = "1"
            proc = subprocess.run([args.python, os.path.abspath(__file__), "--child", "--n", str(args.n),
                                   "--calls", str(args.calls)], capture_output=True, text=True, env=env,
                                  check=False)
            if proc.returncode != 0:
                print(f"  {lib.label} (run {rep + 1}) failed: {proc.stderr.strip().splitlines()[-1:]}")
                failed = True
                continue
            out = json.loads(proc.stdout)
            problems = lib.check_maps(out["maps"])
            if out["residual"] > 100:
                problems.append(f"solve's scaled residual is {out['residual']:.3g}")
            if problems:
                print(f"  {lib.label} (run {rep + 1}): " + "; ".join(problems))
                failed = True
                continue
            for op in OPERATIONS:
                times[lib.label][op].append(out["best"][op])
    if failed or any(not times[lib.label][op] for lib in libs for op in OPERATIONS):
        print("scipy_lapack: FAIL")
        return 1
    first, second = libs[0].label, libs[1].label if len(libs) > 1 else None
    header = f"  {'operation':<12}" + "".join(f"{lib.label + ' ms':>16}" for lib in libs)
    if second:
        header += f"{first + '/' + second:>22}"
    print(header)
    for op in OPERATIONS:
        med = {lib.label: statistics.median(times[lib.label][op]) for lib in libs}
        row = f"  {op:<12}" + "".join(f"{med[lib.label] * 1e3:>16.1f}" for lib in libs)
        if second:
            row += f"{med[first] / med[second]:>22.2f}"
        print(row)
    if second:
        print(f"  (time ratio {first}/{second}: below 1 means {first} is faster)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
