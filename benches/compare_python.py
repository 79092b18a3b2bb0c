#!/usr/bin/env python3
"""oxpar's Python package next to its peers, in one run; one line per case
with the ratio oxpar/peer.

* gemm: oxpar.gemm vs NumPy's `@` (OpenBLAS), 1 and 2 threads.
* dot: oxpar.dot vs numpy.dot at n = 10, 10^3, 10^7 (small n: call overhead).
* small calls (`--small` runs only these and the next): dot, nrm2, asum,
  axpy, scal, gemv, gemm at n = 10, 100, 1000 (gemm 8x8, 32x32, 100x100),
  with and without `ctx=` and `out=`, against NumPy's own way of doing the
  same (`np.dot`, `np.linalg.norm`, `np.abs(x).sum()`, `y += a * x`,
  `x *= a`, `a @ x`, `a @ b`, `np.matmul(..., out=)`), interleaved; the
  ratio is NumPy's time / oxpar's (at least 1: oxpar as fast or faster).
* large calls through the C fast path (`oxpar.dot`, ...) vs the Python
  path it falls back to (`oxpar.blas.dot`, ...): n = 10^6, gemv 1000x1000,
  gemm 300x300; the ratio is the Python path's time / the fast path's.
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
import timeit  # noqa: E402
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


def per_call(stmt, env, rounds=5, min_time=0.02):
    """Best time per call of `stmt` (names from `env`, bound as locals, as a
    user's function would have them)."""
    setup = "; ".join(f"{k} = _env[{k!r}]" for k in env) or "pass"
    timer = timeit.Timer(stmt, setup, globals={"_env": env, "np": np, "oxpar": oxpar})
    number, _ = timer.autorange()
    number = max(1, int(number * min_time / 0.2))
    return min(timer.repeat(rounds, number)) / number


def interleaved(ox_stmt, np_stmt, env, rounds=3, pause=0.2):
    """(oxpar's, NumPy's) best time per call, measured in alternation. A
    pause between the two lets the other side's threads go idle: OpenBLAS's
    spin for a while after a call, and on a machine with few cores they
    would take the cores oxpar's threads need (and the other way round)."""
    ox_t = np_t = float("inf")
    for _ in range(rounds):
        ox_t = min(ox_t, per_call(ox_stmt, env))
        time.sleep(pause)
        np_t = min(np_t, per_call(np_stmt, env))
        time.sleep(pause)
    return ox_t, np_t


def small_cases():
    """Every routine, size and option of the small-call goal."""
    rng = np.random.default_rng(3)
    ctx = oxpar.Context("threads")
    print(f"{'routine':<6} {'size':<8} {'option':<14} {'oxpar us':>9} {'numpy us':>9} {'numpy/oxpar':>12}  numpy's way")
    worst = float("inf")
    for n in (10, 100, 1000):
        x, y = rng.standard_normal(n), rng.standard_normal(n)
        a, yv = rng.standard_normal((n, n)), np.empty(n)
        env = {"x": x, "y": y, "al": 1.0000001, "one": 1.0, "a": a, "yv": yv, "ctx": ctx}
        cases = [
            ("dot", "oxpar.dot(x, y{c})", "np.dot(x, y)"),
            ("nrm2", "oxpar.nrm2(x{c})", "np.linalg.norm(x)"),
            ("asum", "oxpar.asum(x{c})", "np.abs(x).sum()"),
            ("axpy", "oxpar.axpy(al, x, y{c})", "y += al * x"),
            ("scal", "oxpar.scal(one, x{c})", "x *= one"),
            ("gemv", "oxpar.gemv(a, x{c})", "a @ x"),
            ("gemv", "oxpar.gemv(a, x, yv{c})", "np.matmul(a, x, out=yv)"),
        ]
        m = {10: 8, 100: 32, 1000: 100}[n]
        b, c = rng.standard_normal((m, m)), np.empty((m, m))
        env.update(b=b, b2=rng.standard_normal((m, m)), c=c)
        cases += [
            ("gemm", "oxpar.gemm(b, b2{c})", "b @ b2"),
            ("gemm", "oxpar.gemm(b, b2, c{c})", "np.matmul(b, b2, out=c)"),
        ]
        for name, ox, peer in cases:
            for with_ctx in (False, True):
                stmt = ox.format(c=", ctx=ctx" if with_ctx else "")
                ox_t, np_t = interleaved(stmt, peer, env)
                size = f"{m}x{m}" if name == "gemm" else f"n={n}"
                option = ("ctx=" if with_ctx else "default ctx") + (" out=" if "out=" in peer else "")
                ratio = np_t / ox_t
                worst = min(worst, ratio)
                print(f"{name:<6} {size:<8} {option:<14} {ox_t * 1e6:9.3f} {np_t * 1e6:9.3f} {ratio:12.2f}  {peer}")
    print(f"small calls: lowest numpy/oxpar speed ratio {worst:.2f}")
    ctx.close()


def large_cases():
    """The fast path's large calls against the Python path they replace."""
    rng = np.random.default_rng(4)
    n = 10**6
    x, y = rng.standard_normal(n), rng.standard_normal(n)
    a, v, w = rng.standard_normal((1000, 1000)), rng.standard_normal(1000), np.empty(1000)
    b, c = rng.standard_normal((300, 300)), np.empty((300, 300))
    env = {"x": x, "y": y, "a": a, "v": v, "w": w, "b": b, "c": c}
    for case in ("dot(x, y)", "nrm2(x)", "asum(x)", "axpy(1e-9, x, y)", "scal(1.0, x)", "gemv(a, v, w)",
                 "gemm(b, b, c)"):
        fast, slow = interleaved(f"oxpar.{case}", f"oxpar.blas.{case}", env, rounds=7)
        print(f"large {case:<18} fast {fast * 1e6:10.1f} us  python path {slow * 1e6:10.1f} us  "
              f"python/fast {slow / fast:5.2f}")


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
    ap.add_argument("--small", action="store_true", help="only the small-call table and the large-call check")
    args = ap.parse_args()
    print(f"oxpar {oxpar.__version__}, numpy {np.__version__}")
    small_cases()
    large_cases()
    if args.small:
        return
    gemm_cases((256, 1024) if args.quick else (256, 1024, 2048))
    dot_cases()
    level1_big_cases()
    map_cases()


if __name__ == "__main__":
    main()
