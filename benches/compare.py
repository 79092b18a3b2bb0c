#!/usr/bin/env python3
"""oxpar next to its peers, measured in the same run.

Prints one line per case with both rates and the ratio oxpar/peer:

* dgemm, sgemm (square n, 1 and 2 threads): `oxpar bench --kernels gemm` vs
  NumPy `np.matmul(a, b, out=c)` (that is `a @ b` into a preallocated result)
  on C-contiguous random arrays, threads set with threadpoolctl.
* ddot, daxpy at n = 10^7 (1 and 2 threads): GB/s of oxpar vs SciPy's BLAS
  (`scipy.linalg.blas.ddot` / `daxpy`, NumPy's OpenBLAS-family library), plus
  a single-threaded NumPy bandwidth reference (see "stream-like" below).
* ddot, daxpy at n = 10^3, 10^4, 10^5: time per call. SciPy's time includes the
  Python and f2py call overhead, which is printed too (ddot at n = 1).
* parallel_for fork-join overhead (2 threads, empty body): `oxpar bench
  --kernels parallel_for` vs an OpenMP `parallel for` (omp_overhead.c,
  compiled here with `cc -O2 -fopenmp` into a temporary directory).

Every measurement is the best time per call over batches of calls (each about
2 ms long, after a warm-up call), the same method `oxpar bench` uses.

Stream-like reference: `np.add(b, c, out=a)` over 10^7 doubles, one pass that
reads two arrays and writes one, counted as 24 bytes per element (STREAM's
triad traffic, without the multiply; NumPy ufuncs use one thread). daxpy moves
the same 24 bytes per element, so it is the number to hold it against.

Requires `target/release/oxpar` (`cargo build --release -p oxpar-cli`), numpy,
scipy and threadpoolctl. Usage: python3 benches/compare.py [--quick] [--oxpar PATH]
"""

import os

# OpenBLAS reads these when it loads: a forced core type or L2 size can make
# NumPy slower than it is on this machine. Drop them before NumPy is imported.
_REMOVED_ENV = {}
for _name in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE"):
    if _name in os.environ:
        _REMOVED_ENV[_name] = os.environ.pop(_name)

import argparse  # noqa: E402
import json  # noqa: E402
import math  # noqa: E402
import shutil  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

import numpy as np  # noqa: E402
from threadpoolctl import threadpool_info, threadpool_limits  # noqa: E402

try:
    from scipy.linalg import blas as scipy_blas  # noqa: E402
except ImportError:  # pragma: no cover - scipy is expected, but degrade gracefully
    scipy_blas = None

REPO_ROOT = Path(__file__).resolve().parent.parent
BATCH_SECONDS = 2e-3
THREADS = (1, 2)
BIG_N = 10_000_000
SMALL_NS = (1_000, 10_000, 100_000)
LEGEND = (
    "ratio = oxpar/peer of the metric shown: above 1 means oxpar is faster for "
    "GF/s and GB/s, below 1 means oxpar is faster for us/call"
)


def best_per_call(fn, reps, min_time):
    """Best seconds per call of `fn` over batches of ~2 ms, after a warm-up.

    Calls per batch come from the median of calls timed one by one for about
    half a batch, 3 calls at least (robust to one preempted call).
    """
    fn()
    start = time.perf_counter()
    samples = []
    while True:
        elapsed = time.perf_counter() - start
        if samples and (elapsed >= BATCH_SECONDS / 2 or len(samples) >= 100_000) and (
            len(samples) >= 3 or elapsed >= 50 * BATCH_SECONDS
        ):
            break
        t = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - t)
    samples.sort()
    per_call = samples[len(samples) // 2]
    inner = max(1, math.ceil(BATCH_SECONDS / max(per_call, 1e-9)))
    # When one call lasts a whole batch, the single-call timings count.
    best, batches = (samples[0], len(samples)) if inner == 1 else (math.inf, 0)
    while batches < reps or (time.perf_counter() - start < min_time and batches < 10_000):
        t = time.perf_counter()
        for _ in range(inner):
            fn()
        best = min(best, (time.perf_counter() - t) / inner)
        batches += 1
    return best


def run_oxpar(oxpar, kernels, dtype, sizes, threads, reps, min_time):
    """Runs `oxpar bench --json` and returns its records keyed by (kernel, dtype, n, threads)."""
    cmd = [
        str(oxpar), "bench",
        "--kernels", kernels,
        "--threads", ",".join(map(str, threads)),
        "--reps", str(reps),
        "--min-time", str(min_time),
        "--json",
    ]
    if dtype:
        cmd += ["--dtype", dtype]
    if sizes:
        cmd += ["--sizes", ",".join(map(str, sizes))]
    out = subprocess.run(cmd, check=False, capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit(f"compare.py: {' '.join(cmd)} failed:\n{out.stderr.strip()}")
    return {(r["kernel"], r["dtype"], r["n"], r["threads"]): r for r in json.loads(out.stdout)}


def blas_summary():
    """One line per BLAS library loaded in this process, as threadpoolctl sees it."""
    lines = []
    for lib in threadpool_info():
        if lib.get("user_api") != "blas":
            continue
        lines.append(
            f"  {lib.get('internal_api')} {lib.get('version')} "
            f"kernel={lib.get('architecture')} threading={lib.get('threading_layer')} "
            f"max_threads={lib.get('num_threads')} ({Path(lib.get('filepath', '?')).name})"
        )
    return lines or ["  (no BLAS library reported by threadpoolctl)"]


def compare_gemm(oxpar, sizes, quick):
    rng = np.random.default_rng(0)
    reps, min_time = (3, 0.2) if quick else (3, 0.5)
    for dtype, name in (("f64", "dgemm"), ("f32", "sgemm")):
        ox = run_oxpar(oxpar, "gemm", dtype, sizes, THREADS, reps, min_time)
        np_dtype = np.float64 if dtype == "f64" else np.float32
        for n in sizes:
            a = rng.random((n, n)).astype(np_dtype)
            b = rng.random((n, n)).astype(np_dtype)
            c = np.empty((n, n), dtype=np_dtype)
            for t in THREADS:
                with threadpool_limits(limits=t):
                    secs = best_per_call(lambda: np.matmul(a, b, out=c), reps, min_time)
                np_gf = 2.0 * n**3 / secs / 1e9
                ox_gf = ox[("gemm", dtype, n, t)]["gflops"]
                print(
                    f"{name} n={n} threads={t}  oxpar {ox_gf:.1f} GF/s  "
                    f"numpy {np_gf:.1f} GF/s  ratio {ox_gf / np_gf:.2f}",
                    flush=True,
                )


def compare_level1(oxpar, quick):
    reps, min_time = (5, 0.2) if quick else (5, 0.5)
    sizes = (BIG_N,) + SMALL_NS
    ox = run_oxpar(oxpar, "dot,axpy", "f64", sizes, THREADS, reps, min_time)
    rng = np.random.default_rng(1)
    alpha = 1e-3

    if scipy_blas is not None:
        peer = "scipy"
        x1 = np.ones(1)
        overhead = best_per_call(lambda: scipy_blas.ddot(x1, x1), reps, min_time)
    else:
        peer = "numpy"
        overhead = None

    for n in sizes:
        x = rng.random(n)
        y = rng.random(n)
        for t in THREADS:
            with threadpool_limits(limits=t):
                if scipy_blas is not None:
                    dot_s = best_per_call(lambda: scipy_blas.ddot(x, y), reps, min_time)
                    # daxpy updates y in place (contiguous float64, no copy).
                    axpy_s = best_per_call(lambda: scipy_blas.daxpy(x, y, a=alpha), reps, min_time)
                else:
                    dot_s = best_per_call(lambda: np.dot(x, y), reps, min_time)
                    axpy_s = None
            for kernel, secs, traffic in (("dot", dot_s, 16), ("axpy", axpy_s, 24)):
                name = "d" + kernel
                r = ox[(kernel, "f64", n, t)]
                if secs is None:
                    print(f"{name} n={n} threads={t}  oxpar {r['gbps']:.1f} GB/s  ({peer}: no peer)")
                elif n == BIG_N:
                    peer_gbps = traffic * n / secs / 1e9
                    print(
                        f"{name} n={n} threads={t}  oxpar {r['gbps']:.1f} GB/s  "
                        f"{peer} {peer_gbps:.1f} GB/s  ratio {r['gbps'] / peer_gbps:.2f}",
                        flush=True,
                    )
                else:
                    ox_us = r["us_per_call"]
                    peer_us = secs * 1e6
                    print(
                        f"{name} n={n} threads={t}  oxpar {ox_us:.2f} us/call  "
                        f"{peer} {peer_us:.2f} us/call  ratio {ox_us / peer_us:.2f}  "
                        f"({peer} time includes the Python call)",
                        flush=True,
                    )
        if n == BIG_N:
            a = np.empty(n)
            secs = best_per_call(lambda: np.add(x, y, out=a), reps, min_time)
            print(
                f"stream-like n={n} threads=1  numpy np.add(b, c, out=a) "
                f"{24 * n / secs / 1e9:.1f} GB/s  (one pass, 24 B/element as STREAM triad; "
                f"reference for daxpy, no ratio)",
                flush=True,
            )
            del a
    if overhead is not None:
        print(
            f"python call overhead  {peer} ddot at n=1: {overhead * 1e6:.2f} us/call "
            f"(part of every {peer} us/call above)",
            flush=True,
        )


def compare_parallel_for(oxpar, quick):
    threads = 2
    batches = 30 if quick else 100
    ox = run_oxpar(oxpar, "parallel_for", None, None, (threads,), batches, 0.2 if quick else 0.5)
    ox_us = ox[("parallel_for", "none", threads, threads)]["us_per_call"]

    cc = os.environ.get("CC", "cc")
    if shutil.which(cc) is None:
        print(f"parallel_for threads={threads} empty body  oxpar {ox_us:.2f} us/region  "
              f"openmp skipped ({cc} not found)")
        return
    source = Path(__file__).resolve().parent / "omp_overhead.c"
    with tempfile.TemporaryDirectory(prefix="oxpar-omp-") as tmp:
        exe = Path(tmp) / "omp_overhead"
        build = subprocess.run(
            [cc, "-O2", "-fopenmp", str(source), "-o", str(exe)],
            check=False, capture_output=True, text=True,
        )
        if build.returncode != 0:
            print(f"parallel_for threads={threads} empty body  oxpar {ox_us:.2f} us/region  "
                  f"openmp skipped (cc -fopenmp failed: {build.stderr.strip()[:200]})")
            return
        env = dict(os.environ)
        env["OMP_NUM_THREADS"] = str(threads)
        env.pop("OMP_PROC_BIND", None)
        run = subprocess.run([str(exe), str(batches)], check=False, capture_output=True,
                             text=True, env=env)
        if run.returncode != 0:
            sys.exit(f"compare.py: omp_overhead failed:\n{run.stderr.strip()}")
    fields = dict(kv.split("=", 1) for kv in run.stdout.split())
    omp_us = float(fields["best_us"])
    print(
        f"parallel_for threads={threads} empty body  oxpar {ox_us:.2f} us/region  "
        f"openmp {omp_us:.2f} us/region  ratio {ox_us / omp_us:.2f}  "
        f"(best of batches; openmp mean {float(fields['mean_us']):.2f} us)",
        flush=True,
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--oxpar", type=Path, default=REPO_ROOT / "target" / "release" / "oxpar",
                        help="the oxpar binary (default: target/release/oxpar in this repository)")
    parser.add_argument("--quick", action="store_true",
                        help="gemm at n = 256, 1024 only, and shorter timings")
    args = parser.parse_args()

    if not args.oxpar.is_file():
        sys.exit(f"compare.py: {args.oxpar} not found; build it with "
                 f"`cargo build --release -p oxpar-cli` (or pass --oxpar PATH)")

    info = subprocess.run([str(args.oxpar), "info", "--json"], check=False,
                          capture_output=True, text=True)
    if info.returncode != 0:
        sys.exit(f"compare.py: `oxpar info` failed:\n{info.stderr.strip()}")
    info = json.loads(info.stdout)
    print(f"oxpar {info['version']}: cpu level {info['cpu_level']}, "
          f"default threads {info['threads']}")
    print("numpy " + np.__version__ + " BLAS:")
    for line in blas_summary():
        print(line)
    if _REMOVED_ENV:
        print("removed before importing numpy: "
              + ", ".join(f"{k}={v}" for k, v in _REMOVED_ENV.items()))
    print(LEGEND, flush=True)

    sizes = [256, 1024] if args.quick else [256, 1024, 2048, 4096]
    compare_gemm(args.oxpar, sizes, args.quick)
    compare_level1(args.oxpar, args.quick)
    compare_parallel_for(args.oxpar, args.quick)


if __name__ == "__main__":
    main()
