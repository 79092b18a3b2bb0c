#!/usr/bin/env python3
"""oxpar.linalg against SciPy over OpenBLAS, and its stacked routines against
NumPy's stacked linalg, in one run; one ratio per case, no absolute times.

    benches/linalg_compare.py [--sizes 512 1024 2048 4096] [--threads 1 2]
        [--dtypes f32 f64 c64 c128] [--ops lu_factor qr ...] [--reps 5]
        [--batch 100000] [--faer-bin PATH]

Cases (every dtype: float32, float64, complex64, complex128; every size n;
every thread count):

* `lu_factor`, `cho_factor` (Hermitian positive definite input),
  `solve` (one right-hand side), `qr` (n x n, Q and R), `eigh` (values and
  vectors), `eigvalsh`, `svd` (thin, U, s and V^H): oxpar.linalg against
  scipy.linalg's function of the same name with its default driver
  (`eigh`/`eigvalsh`: ?syevr/?heevr; `svd`: ?gesdd; `solve`: `assume_a="gen"`).
* `lstsq`: an n x n/2 full-rank system with one right-hand side, against
  scipy.linalg.lstsq (?gelsd).
* `batch_solve`, `batch_inv`, `batch_det`, `batch_eigh`: a stack of
  `--batch` (10^5) 4 x 4 matrices, oxpar.linalg's stacked call against
  numpy.linalg's (NumPy loops over the stack on one thread whatever the
  thread count; oxpar spreads it over the context's threads).

oxpar runs on `oxpar.Context("threads", num_threads=t)`; SciPy's and NumPy's
OpenBLAS run under `threadpoolctl.threadpool_limits(t)`. Both sides get the
same input arrays, neither may overwrite them (each copies, as by default),
and `check_finite=False` goes to every function that takes it. `qr`, `eigh`,
`eigvalsh`, `svd` and `lstsq` are timed when this oxpar.linalg has them and
reported "not available" otherwise (likewise a stacked call that raises).

Before any timing, oxpar's result at every thread count is checked with
LAPACK's test ratios, which must be below 30 (a wrong or inaccurate answer is
reported as FAIL and not timed): ||PA - LU||, ||A - U^H U||, ||b - Ax||
(each / (n ||A|| eps), with ||x|| for solves), ||A - QR|| and ||I - Q^H Q||,
||AV - V diag(w)|| and ||I - V^H V|| plus the eigenvalues against the peer's,
||A - U diag(s) V^H||, the orthogonality of U and V and the singular values
against the peer's, ||A^H (b - Ax)|| / (||A|| (||A|| ||x|| + ||r||) n eps)
for lstsq, and for det the difference from NumPy's over Hadamard's bound.
The worst ratio is printed in the `check` column.

Timing: per case, each repetition times oxpar once and the peer once, the
order alternating between repetitions, so that a change in the machine's
load hits both; the best time of each side over `--reps` repetitions is
kept. The table prints **oxpar speed / peer speed** (peer's best time /
oxpar's best time): above 1, oxpar is faster. Only ratios are printed: the
absolute times depend on the machine and its load. Exits 1 when a check
failed. The whole default run (n up to 4096, eigh and svd in complex128
among them) takes hours; `--ops`, `--dtypes` and `--sizes` narrow it.
`--self-test` checks the checks (each passes on the peer's result and fails
on that result with one element moved) and exits.

Setup: SciPy and NumPy from pip (their wheels bundle OpenBLAS; Debian's apt
SciPy calls reference LAPACK instead, and the header line says which
libraries answered). `make linalg-compare` makes a private virtual
environment (target/linalg-compare/venv) with pip's numpy, scipy,
threadpoolctl and cffi, installs ./bindings/python into it and runs this
script (`LINALG_COMPARE_ARGS="--sizes 512 1024 --ops lu_factor eigh"`
passes arguments). By hand, in any environment with those packages:

    python -m pip install numpy scipy threadpoolctl cffi ./bindings/python
    python benches/linalg_compare.py --sizes 512 1024

faer (called directly, from Rust; oxpar's engine is its own recursion, not
faer): `--faer-bin target/release/factor_bench` adds LU and Cholesky rows
(f64, one thread: faer runs sequentially there) from that program, built with
`cargo build --release -p oxpar-benches --features faer --bin factor_bench`
(it needs Debian's libopenblas0-pthread, or OXPAR_BENCH_LAPACK naming a
LAPACK library); the ratio is faer's time / oxpar's (Rust) time, both from
the same process.
"""

import argparse
import inspect
import os
import subprocess
import sys
import time

import numpy as np
import scipy
import scipy.linalg as sla
from threadpoolctl import threadpool_info, threadpool_limits

import oxpar
import oxpar.linalg as oxla

DTYPES = {"f32": np.float32, "f64": np.float64, "c64": np.complex64, "c128": np.complex128}
THRESH = 30.0


# ---------------------------------------------------------------- inputs


def random(rng, shape, dtype):
    a = rng.standard_normal(shape)
    if np.dtype(dtype).kind == "c":
        a = a + 1j * rng.standard_normal(shape)
    return a.astype(dtype)


def hermitian(a):
    return (a + np.swapaxes(a, -1, -2).conj()) / 2


def hpd(rng, n, dtype):
    """A Hermitian positive definite n x n matrix."""
    g = random(rng, (n, n), np.complex128 if np.dtype(dtype).kind == "c" else np.float64)
    return (g @ g.conj().T + n * np.eye(n)).astype(dtype)


def small_stack(rng, count, dtype):
    """count well-conditioned 4 x 4 matrices, (count, 4, 4), C order."""
    a = rng.uniform(-1, 1, (count, 4, 4))
    if np.dtype(dtype).kind == "c":
        a = a + 1j * rng.uniform(-1, 1, (count, 4, 4))
    return (a + 4 * np.eye(4)).astype(dtype)


# ---------------------------------------------------------------- checks


def norm1(x):
    """The 1-norm of a matrix (largest column sum), or of a vector."""
    x = np.asarray(x)
    return float(np.linalg.norm(x, 1)) if x.ndim == 2 else float(np.abs(x).sum())


def eps_of(dtype):
    return float(np.finfo(dtype).eps)


def orth_ratio(q, eps):
    """||I - Q^H Q|| / (k eps), Q with k orthonormal columns."""
    k = q.shape[-1]
    return norm1(np.eye(k) - q.conj().T @ q) / (max(k, 1) * eps)


def values_ratio(w, ref, anorm, n, eps):
    """max |w - ref| / (n ||A|| eps), both sorted the same way."""
    return float(np.abs(np.asarray(w) - np.asarray(ref)).max()) / (n * anorm * eps) if n else 0.0


def check_lu(inp, res, ref, eps):
    (a,) = inp
    lu, piv = res
    n = a.shape[0]
    pa = np.array(a)
    for i, p in enumerate(np.asarray(piv)):
        if p != i:
            pa[[i, p]] = pa[[p, i]]
    lower = np.tril(lu, -1) + np.eye(n, dtype=lu.dtype)
    return norm1(pa - lower @ np.triu(lu)) / (n * norm1(a) * eps)


def check_cho(inp, res, ref, eps):
    (a,) = inp
    c, lower = res
    n = a.shape[0]
    prod = np.tril(c) @ np.tril(c).conj().T if lower else np.triu(c).conj().T @ np.triu(c)
    return norm1(a - prod) / (n * norm1(a) * eps)


def check_solve(inp, x, ref, eps):
    a, b = inp
    n = a.shape[0]
    return norm1(b - a @ x) / (n * norm1(a) * norm1(x) * eps)


def check_qr(inp, res, ref, eps):
    (a,) = inp
    q, r = res[0], res[1]
    n = a.shape[0]
    if q.shape != (n, n) or r.shape != (n, n):
        raise ValueError(f"qr returned shapes {q.shape}, {r.shape} for {a.shape}")
    if np.any(np.tril(r, -1)):
        return float("inf")
    return max(norm1(a - q @ r) / (n * norm1(a) * eps), orth_ratio(q, eps))


def check_eigh(inp, res, ref, eps):
    (a,) = inp
    w, v = res[0], res[1]
    n, anorm = a.shape[0], norm1(a)
    out = max(norm1(a @ v - v * w) / (n * anorm * eps), orth_ratio(v, eps))
    return max(out, values_ratio(w, ref[0], anorm, n, eps))


def check_eigvalsh(inp, w, ref, eps):
    (a,) = inp
    return values_ratio(w, ref, norm1(a), a.shape[0], eps)


def check_svd(inp, res, ref, eps):
    (a,) = inp
    u, s, vh = res[0], res[1], res[2]
    n, anorm = a.shape[0], norm1(a)
    out = max(norm1(a - (u * s) @ vh) / (n * anorm * eps), orth_ratio(u, eps), orth_ratio(vh.conj().T, eps))
    return max(out, values_ratio(s, ref[1], anorm, n, eps))


def check_lstsq(inp, res, ref, eps):
    a, b = inp
    x = res if isinstance(res, np.ndarray) else res[0]
    r = b - a @ x
    anorm = norm1(a)
    return norm1(a.conj().T @ r) / (a.shape[0] * eps * anorm * (anorm * norm1(x) + norm1(r)))


def stack_norm(a):
    """The inf-norm of every matrix of a stack (..., n, n)."""
    return np.abs(a).sum(axis=-1).max(axis=-1)


def check_batch_solve(inp, x, ref, eps):
    a, b = inp
    r = np.abs(a @ x - b).max(axis=(-2, -1))
    return float((r / (4 * stack_norm(a) * np.abs(x).max(axis=(-2, -1)) * eps)).max())


def check_batch_inv(inp, x, ref, eps):
    (a,) = inp
    r = np.abs(a @ x - np.eye(4)).max(axis=(-2, -1))
    return float((r / (4 * stack_norm(a) * stack_norm(x) * eps)).max())


def check_batch_det(inp, d, ref, eps):
    (a,) = inp
    hadamard = np.prod(np.linalg.norm(a, axis=-1), axis=-1)
    return float((np.abs(np.asarray(d) - ref) / (4 * hadamard * eps)).max())


def check_batch_eigh(inp, res, ref, eps):
    (a,) = inp
    w, v = res[0], res[1]
    anorm = stack_norm(a)
    resid = np.abs(a @ v - v * w[..., None, :]).max(axis=(-2, -1)) / (4 * anorm * eps)
    orth = np.abs(np.eye(4) - np.swapaxes(v, -1, -2).conj() @ v).max(axis=(-2, -1)) / (4 * eps)
    vals = np.abs(w - ref[0]).max(axis=-1) / (4 * anorm * eps)
    return float(max(resid.max(), orth.max(), vals.max()))


# ---------------------------------------------------------------- cases


_KEYWORDS = {}


def keywords(fn):
    """The keyword names fn takes, or None when it takes any (looked up once,
    outside the timed calls' cost)."""
    if fn not in _KEYWORDS:
        try:
            params = inspect.signature(fn).parameters
        except (TypeError, ValueError):
            params = None
        if params is None or any(p.kind == p.VAR_KEYWORD for p in params.values()):
            _KEYWORDS[fn] = None
        else:
            _KEYWORDS[fn] = frozenset(params)
    return _KEYWORDS[fn]


def call(fn, *args, **kwargs):
    """fn(*args, **kwargs), passing only the keywords fn takes (check_finite,
    full_matrices and the like may be missing from a new function)."""
    names = keywords(fn)
    if names is not None:
        kwargs = {k: v for k, v in kwargs.items() if k in names}
    return fn(*args, **kwargs)


class Case:
    """One operation: its inputs, oxpar's call, the peer's call, the check."""

    def __init__(self, name, peer, make, ox, ref, check, batch=False):
        self.name, self.peer, self.make, self.ox, self.ref, self.check = name, peer, make, ox, ref, check
        self.batch = batch

    def available(self, ctx):
        """Whether this oxpar.linalg has the function (for a batch, one that
        takes a stack: tried on two 4 x 4 matrices)."""
        attr = self.name[len("batch_"):] if self.batch else self.name
        if not hasattr(oxla, attr):
            return False
        if self.batch:
            try:
                self.ox(self.make(np.random.default_rng(0), 2, np.float64), ctx)
            except Exception:
                return False
        return True


NF = {"check_finite": False}


def lstsq_inputs(rng, n, dtype):
    return random(rng, (n, max(n // 2, 1)), dtype), random(rng, (n,), dtype)


CASES = [
    Case("lu_factor", "scipy", lambda rng, n, dt: (random(rng, (n, n), dt),),
         lambda inp, ctx: call(oxla.lu_factor, *inp, ctx=ctx, **NF),
         lambda inp: sla.lu_factor(*inp, **NF), check_lu),
    Case("cho_factor", "scipy", lambda rng, n, dt: (hpd(rng, n, dt),),
         lambda inp, ctx: call(oxla.cho_factor, *inp, ctx=ctx, **NF),
         lambda inp: sla.cho_factor(*inp, **NF), check_cho),
    Case("solve", "scipy", lambda rng, n, dt: (random(rng, (n, n), dt), random(rng, (n,), dt)),
         lambda inp, ctx: call(oxla.solve, *inp, ctx=ctx, **NF),
         lambda inp: sla.solve(*inp, assume_a="gen", **NF), check_solve),
    Case("qr", "scipy", lambda rng, n, dt: (random(rng, (n, n), dt),),
         lambda inp, ctx: call(oxla.qr, *inp, ctx=ctx, **NF),
         lambda inp: sla.qr(*inp, **NF), check_qr),
    Case("eigh", "scipy", lambda rng, n, dt: (hermitian(random(rng, (n, n), dt)),),
         lambda inp, ctx: call(oxla.eigh, *inp, ctx=ctx, **NF),
         lambda inp: sla.eigh(*inp, **NF), check_eigh),
    Case("eigvalsh", "scipy", lambda rng, n, dt: (hermitian(random(rng, (n, n), dt)),),
         lambda inp, ctx: call(oxla.eigvalsh, *inp, ctx=ctx, **NF),
         lambda inp: sla.eigvalsh(*inp, **NF), check_eigvalsh),
    Case("svd", "scipy", lambda rng, n, dt: (random(rng, (n, n), dt),),
         lambda inp, ctx: call(oxla.svd, *inp, ctx=ctx, full_matrices=False, **NF),
         lambda inp: sla.svd(*inp, full_matrices=False, **NF), check_svd),
    Case("lstsq", "scipy", lstsq_inputs,
         lambda inp, ctx: call(oxla.lstsq, *inp, ctx=ctx, **NF),
         lambda inp: sla.lstsq(*inp, **NF), check_lstsq),
    Case("batch_solve", "numpy", lambda rng, n, dt: (small_stack(rng, n, dt), random(rng, (n, 4, 1), dt)),
         lambda inp, ctx: oxla.solve(*inp, ctx=ctx),
         lambda inp: np.linalg.solve(*inp), check_batch_solve, batch=True),
    Case("batch_inv", "numpy", lambda rng, n, dt: (small_stack(rng, n, dt),),
         lambda inp, ctx: oxla.inv(*inp, ctx=ctx),
         lambda inp: np.linalg.inv(*inp), check_batch_inv, batch=True),
    Case("batch_det", "numpy", lambda rng, n, dt: (small_stack(rng, n, dt),),
         lambda inp, ctx: oxla.det(*inp, ctx=ctx),
         lambda inp: np.linalg.det(*inp), check_batch_det, batch=True),
    Case("batch_eigh", "numpy", lambda rng, n, dt: (hermitian(small_stack(rng, n, dt)),),
         lambda inp, ctx: call(oxla.eigh, *inp, ctx=ctx),
         lambda inp: np.linalg.eigh(*inp), check_batch_eigh, batch=True),
]


# ---------------------------------------------------------------- timing


def timed(fn):
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


def measure(case, inp, ctx, reps):
    """(peer's best time / oxpar's best time), interleaved, alternating order."""
    ox_best = peer_best = float("inf")
    for rep in range(reps):
        if rep % 2 == 0:
            ox_best = min(ox_best, timed(lambda: case.ox(inp, ctx)))
            peer_best = min(peer_best, timed(lambda: case.ref(inp)))
        else:
            peer_best = min(peer_best, timed(lambda: case.ref(inp)))
            ox_best = min(ox_best, timed(lambda: case.ox(inp, ctx)))
    return peer_best / ox_best


def short(exc):
    text = f"{type(exc).__name__}: {exc}".splitlines()[0]
    return text if len(text) <= 70 else text[:67] + "..."


def run_case(case, dtype_name, n, args, ctxs):
    """One table row: a ratio per thread count, or why there is none."""
    dtype = DTYPES[dtype_name]
    rng = np.random.default_rng(args.seed)
    inp = case.make(rng, n, dtype)
    eps = eps_of(dtype)
    cells, worst, failed, notes = [], None, False, []
    for t in args.threads:
        with threadpool_limits(limits=t):
            try:
                ref = case.ref(inp)
            except Exception as exc:  # the peer's own failure: nothing to compare with
                notes.append(f"{case.peer} at {t} thread(s): {short(exc)}")
                cells.append("peer error")
                continue
            try:
                res = case.ox(inp, ctxs[t])
            except Exception as exc:
                notes.append(f"oxpar at {t} thread(s): {short(exc)}")
                cells.append("error")
                failed = True
                continue
            try:
                ratio = case.check(inp, res, ref, eps)
            except Exception as exc:
                notes.append(f"check at {t} thread(s): {short(exc)}")
                ratio = float("inf")
            worst = ratio if worst is None else max(worst, ratio)
            if not ratio <= THRESH:  # NaN fails too
                cells.append("FAIL")
                failed = True
                continue
            cells.append(f"{measure(case, inp, ctxs[t], args.reps):.2f}")
    return cells, worst, failed, notes


def faer_rows(args):
    """LU and Cholesky, f64, one thread: faer's time / oxpar's (Rust) time,
    from factor_bench's table (op n openblas_s oxpar_s faer_s oxpar/ob
    faer/ob; the ratios, which keep their digits at small n)."""
    cmd = [args.faer_bin, "1", str(args.reps), *[str(n) for n in args.sizes]]
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    except OSError as exc:
        print(f"faer: cannot run {args.faer_bin}: {exc}")
        return False
    if proc.returncode != 0:
        tail = (proc.stderr.strip().splitlines() or ["(no output)"])[-1]
        print(f"faer: {' '.join(cmd)} failed: {tail}")
        return False
    names = {"getrf": "lu_factor", "potrf": "cho_factor"}
    print("\nfaer, called from Rust (factor_bench: oxpar's Rust engine and faer, same process, f64, 1 thread)")
    print(f"{'op':<12} {'dtype':<5} {'n':>11}  {'peer':<8} {'1 thr':>10}")
    for line in proc.stdout.splitlines():
        f = line.split()
        if len(f) >= 7 and f[0] in names:
            print(f"{names[f[0]]:<12} {'f64':<5} {f[1]:>11}  {'faer':<8} {float(f[6]) / float(f[5]):>10.2f}")
    return True


def perturbed(res):
    """A copy of a result with its first array's first element moved."""
    if isinstance(res, tuple):
        return (perturbed(res[0]),) + res[1:]
    x = np.array(res)
    x.flat[0] += 0.1 * (1 + abs(x.flat[0]))
    return x


def self_test(args):
    """The checks themselves: each must pass on the peer's result and fail on
    that result with one element moved (no oxpar call)."""
    bad = 0
    for case in [c for c in CASES if c.name in args.ops]:
        for dtype_name in args.dtypes:
            dtype = DTYPES[dtype_name]
            inp = case.make(np.random.default_rng(args.seed), 50 if case.batch else 33, dtype)
            ref = case.ref(inp)
            good, wrong = case.check(inp, ref, ref, eps_of(dtype)), case.check(inp, perturbed(ref), ref, eps_of(dtype))
            ok = good <= THRESH and not wrong <= THRESH
            bad += not ok
            print(f"{case.name:<12} {dtype_name:<5} peer's result {good:9.3g}, moved {wrong:9.3g}  "
                  f"{'ok' if ok else 'WRONG'}")
    print(f"self-test: {'FAIL' if bad else 'ok'}")
    return 1 if bad else 0


def blas_libraries():
    out = []
    for info in threadpool_info():
        if info.get("internal_api") == "oxpar":
            continue
        out.append(f"{info.get('internal_api')} {info.get('version') or ''} "
                   f"({os.path.basename(info.get('filepath', ''))}, {info.get('architecture') or '?'})")
    return out


def listed(values):
    """Arguments given as `1 2` or `1,2`."""
    return [v for item in values for v in str(item).split(",") if v]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", nargs="+", default=["512", "1024", "2048", "4096"])
    ap.add_argument("--threads", nargs="+", default=["1", "2"])
    ap.add_argument("--dtypes", nargs="+", default=list(DTYPES), help="f32 f64 c64 c128")
    ap.add_argument("--ops", nargs="+", default=[c.name for c in CASES], help=" ".join(c.name for c in CASES))
    ap.add_argument("--reps", type=int, default=5, help="repetitions per case (best of)")
    ap.add_argument("--batch", type=int, default=100_000, help="matrices in a batch_* stack")
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--faer-bin", help="factor_bench built with --features faer (see above)")
    ap.add_argument("--self-test", action="store_true",
                    help="check the checks: pass on the peer's results, fail on altered ones; then exit")
    args = ap.parse_args()
    args.sizes = [int(s) for s in listed(args.sizes)]
    args.threads = [int(t) for t in listed(args.threads)]
    args.dtypes = listed(args.dtypes)
    args.ops = listed(args.ops)
    known = {c.name for c in CASES}
    for bad in [d for d in args.dtypes if d not in DTYPES] + [o for o in args.ops if o not in known]:
        ap.error(f"unknown dtype or op: {bad}")
    if args.reps < 1 or args.batch < 1 or min(args.threads) < 1 or min(args.sizes) < 1:
        ap.error("--reps, --batch, --threads and --sizes must be positive")
    if args.self_test:
        return self_test(args)

    print(f"linalg_compare: oxpar {oxpar.__version__}, SciPy {scipy.__version__}, NumPy {np.__version__}; "
          f"best of {args.reps} interleaved repetitions; load average {os.getloadavg()[0]:.1f} on "
          f"{os.cpu_count()} CPUs; OPENBLAS_CORETYPE={os.environ.get('OPENBLAS_CORETYPE', '(unset)')}")
    libs = blas_libraries()
    print("peers' BLAS/LAPACK: " + ("; ".join(libs) if libs else "none found by threadpoolctl"))
    if not any(lib.startswith("openblas") for lib in libs):
        print("  (no OpenBLAS: this SciPy is not pip's; see the docstring)")
    print("ratio = oxpar speed / peer speed (peer's best time / oxpar's); above 1: oxpar faster. "
          f"check = oxpar's worst test ratio (must be <= {THRESH:g}).")
    cols = "".join(f"{f'{t} thr':>10}" for t in args.threads)
    print(f"\n{'op':<12} {'dtype':<5} {'n':>11}  {'peer':<8}{cols} {'check':>9}")

    ctxs = {t: oxpar.Context("threads", num_threads=t) for t in args.threads}
    failed = False
    try:
        for case in [c for c in CASES if c.name in args.ops]:
            if not case.available(ctxs[args.threads[0]]):
                what = "a stacked call" if case.batch and hasattr(oxla, case.name[6:]) else "it"
                print(f"{case.name:<12} not available: this oxpar.linalg does not have {what}")
                continue
            for dtype_name in args.dtypes:
                sizes = [args.batch] if case.batch else args.sizes
                for n in sizes:
                    cells, worst, bad, notes = run_case(case, dtype_name, n, args, ctxs)
                    failed |= bad
                    size = f"{n}x4x4" if case.batch else str(n)
                    check = "-" if worst is None else f"{worst:.3g}"
                    print(f"{case.name:<12} {dtype_name:<5} {size:>11}  {case.peer:<8}"
                          + "".join(f"{c:>10}" for c in cells) + f" {check:>9}", flush=True)
                    for note in notes:
                        print(f"    {note}")
        if args.faer_bin:
            failed |= not faer_rows(args)
    finally:
        for ctx in ctxs.values():
            ctx.close()
    if failed:
        print("linalg_compare: FAIL (see above: a check failed or oxpar raised, and that case was not timed; "
              "or the faer program failed)")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
