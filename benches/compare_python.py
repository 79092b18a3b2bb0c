#!/usr/bin/env python3
"""oxpar's Python package next to its peers, in one run; one line per case
with the ratio oxpar/peer.

* gemm: oxpar.gemm vs NumPy's `@` (OpenBLAS), 1 and 2 threads.
* dot: oxpar.dot vs numpy.dot at n = 10, 10^3, 10^7 (small n: call overhead).
* level 1 at n = 10^7, 1 and 2 threads, interleaved on the same arrays: dot,
  axpy, scal, nrm2, asum against NumPy's own way (`np.dot`, `y += a * x`,
  `x *= a`, `np.linalg.norm`, `np.abs(x).sum()`), and a STREAM-like bound
  (`np.add(x, y, out=z)`, 24 bytes per element) for what memory allows.
* a chunked parallel map-and-sum over 10^7 elements, sum(sqrt(x) * sin(x)):
  oxpar.parallel_for with a Numba cfunc vs multiprocessing.Pool(2) vs
  ThreadPoolExecutor(2) with NumPy per chunk vs Numba prange.

Run with `make python-compare` (after `pip install ./bindings/python`).
"""

import os

# Some machines set these for old OpenBLAS builds; they slow a current NumPy.
for var in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE"):
    os.environ.pop(var, None)

import argparse  # noqa: E402
import multiprocessing as mp  # noqa: E402
import time  # noqa: E402
from concurrent.futures import ThreadPoolExecutor  # noqa: E402

import numpy as np  # noqa: E402
from threadpoolctl import threadpool_limits  # noqa: E402

import oxpar  # noqa: E402


def best(fn, min_time=0.3, reps=3):
    """Best time per call of fn over a few batches of about min_time each."""
    fn()
    t0 = time.perf_counter()
    fn()
    one = max(time.perf_counter() - t0, 1e-7)
    inner = max(1, int(min_time / reps / one))
    out = float("inf")
    for _ in range(reps):
        t0 = time.perf_counter()
        for _ in range(inner):
            fn()
        out = min(out, (time.perf_counter() - t0) / inner)
    return out


def line(case, ox, peer_name, peer, unit, higher_is_better):
    ratio = ox / peer
    print(f"{case:<34} oxpar {ox:9.3f} {unit}  {peer_name} {peer:9.3f} {unit}  ratio {ratio:5.2f}"
          f"{'' if higher_is_better else '  (time: below 1 = oxpar faster)'}")


def gemm_cases(sizes):
    rng = np.random.default_rng(0)
    for n in sizes:
        a, b = rng.standard_normal((n, n)), rng.standard_normal((n, n))
        c = np.empty((n, n))
        for t in (1, 2):
            with oxpar.Context("threads", num_threads=t) as ctx:
                ox = best(lambda: oxpar.gemm(a, b, c, ctx=ctx))
            with threadpool_limits(t):
                np_t = best(lambda: np.matmul(a, b, out=c))
            flops = 2.0 * n**3
            line(f"dgemm n={n} threads={t}", flops / ox / 1e9, "numpy", flops / np_t / 1e9, "GF/s", True)


def dot_cases():
    rng = np.random.default_rng(1)
    for n in (10, 1000, 10**7):
        x, y = rng.standard_normal(n), rng.standard_normal(n)
        ox = best(lambda: oxpar.dot(x, y))
        nt = best(lambda: np.dot(x, y))
        line(f"ddot n={n}", ox * 1e6, "numpy", nt * 1e6, "us", False)


def level1_big_cases(rounds=3):
    """Memory-bound level 1 at 10^7: oxpar and NumPy alternate on the same
    arrays (so both see the same pages and the same machine noise); the best
    of `rounds` alternations counts for each."""
    n = 10**7
    rng = np.random.default_rng(2)
    x, y, z = rng.standard_normal(n), rng.standard_normal(n), np.empty(n)
    for t in (1, 2):
        with oxpar.Context("threads", num_threads=t) as ctx, threadpool_limits(t):
            cases = (
                ("dot", lambda: oxpar.dot(x, y, ctx=ctx), lambda: np.dot(x, y), "np.dot"),
                ("axpy", lambda: oxpar.axpy(1e-9, x, y, ctx=ctx), lambda: np.add(y, 1e-9 * x, out=y), "y += a*x"),
                ("scal", lambda: oxpar.scal(1.0, x, ctx=ctx), lambda: np.multiply(x, 1.0, out=x), "x *= a"),
                ("nrm2", lambda: oxpar.nrm2(x, ctx=ctx), lambda: np.linalg.norm(x), "np.linalg.norm"),
                ("asum", lambda: oxpar.asum(x, ctx=ctx), lambda: np.abs(x).sum(), "np.abs(x).sum()"),
            )
            for name, ox_fn, np_fn, peer in cases:
                ox_t = np_t = float("inf")
                for _ in range(rounds):
                    ox_t = min(ox_t, best(ox_fn, min_time=0.2))
                    np_t = min(np_t, best(np_fn, min_time=0.2))
                line(f"{name} n=1e7 threads={t} vs {peer}", ox_t * 1e3, "numpy", np_t * 1e3, "ms", False)
    stream = best(lambda: np.add(x, y, out=z), min_time=0.2)
    print(f"{'stream-like n=1e7':<34} np.add(x, y, out=z) {24 * n / stream / 1e9:.1f} GB/s (one thread)")


N_MAP = 10**7
CHUNKS = 64


def _np_chunk(args):
    lo, hi = args
    x = np.arange(lo, hi, dtype=np.float64) * (1.0 / N_MAP)
    return float(np.sum(np.sqrt(x) * np.sin(x)))


def _np_chunk_of(x, lo, hi):
    v = x[lo:hi]
    return float(np.sum(np.sqrt(v) * np.sin(v)))


def map_cases():
    try:
        import numba
        from numba import carray, cfunc, njit, prange, types
    except ImportError:
        print("parallel map: numba not installed, skipped")
        return
    # One buffer: the input, then one partial sum per chunk (the kernel's data).
    buf = np.empty(N_MAP + CHUNKS)
    x, partial = buf[:N_MAP], buf[N_MAP:]
    x[:] = np.arange(N_MAP, dtype=np.float64) * (1.0 / N_MAP)
    chunk = N_MAP // CHUNKS

    @cfunc(types.void(types.uintp, types.uintp, types.voidptr), nopython=True, nogil=True)
    def kernel(begin, end, data):
        a = carray(data, N_MAP + CHUNKS, dtype=np.float64)
        for c in range(begin, end):
            s = 0.0
            for i in range(c * chunk, (c + 1) * chunk):
                s += np.sqrt(a[i]) * np.sin(a[i])
            a[N_MAP + c] = s

    @njit(parallel=True, fastmath=False)
    def prange_sum(xs):
        s = 0.0
        for i in prange(xs.shape[0]):
            s += np.sqrt(xs[i]) * np.sin(xs[i])
        return s

    want = float(np.sum(np.sqrt(x) * np.sin(x)))
    with oxpar.Context("threads", num_threads=2) as ctx:
        def ox_run():
            oxpar.parallel_for(CHUNKS, kernel, data=buf, schedule="dynamic", chunk=1, ctx=ctx)
            return partial.sum()
        assert abs(ox_run() - want) < 1e-6 * abs(want)
        ox = best(ox_run, min_time=1.0)
    with mp.get_context("fork").Pool(2) as pool:
        bounds = [(c * chunk, (c + 1) * chunk) for c in range(CHUNKS)]
        mp_t = best(lambda: sum(pool.map(_np_chunk, bounds)), min_time=1.0)
    with ThreadPoolExecutor(2) as ex:
        th_t = best(lambda: sum(ex.map(lambda c: _np_chunk_of(x, c * chunk, (c + 1) * chunk), range(CHUNKS))), min_time=1.0)
    numba.set_num_threads(2)
    assert abs(prange_sum(x) - want) < 1e-6 * abs(want)
    nb_t = best(lambda: prange_sum(x), min_time=1.0)
    for name, t in (("multiprocessing.Pool(2)", mp_t), ("ThreadPoolExecutor(2)", th_t), ("numba prange", nb_t)):
        line(f"map-sum n=1e7 2 threads vs {name}", ox * 1e3, "peer", t * 1e3, "ms", False)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="gemm at n = 256 and 1024 only")
    args = ap.parse_args()
    print(f"oxpar {oxpar.__version__}, numpy {np.__version__}")
    gemm_cases((256, 1024) if args.quick else (256, 1024, 2048))
    dot_cases()
    level1_big_cases()
    map_cases()


if __name__ == "__main__":
    main()
