"""Linear systems with SciPy's and NumPy's names: LU, Cholesky, inverses and
determinants on NumPy arrays, single or stacked.

    >>> import numpy as np, oxpar
    >>> a = np.array([[2.0, 1.0], [1.0, 3.0]])
    >>> oxpar.linalg.solve(a, np.array([3.0, 5.0]))
    array([0.8, 1.4])
    >>> c, low = oxpar.linalg.cho_factor(a)
    >>> oxpar.linalg.cho_solve((c, low), np.array([3.0, 5.0]))
    array([0.8, 1.4])
    >>> float(oxpar.linalg.det(a))
    5.0

`solve`, `lu_factor`, `lu_solve`, `cholesky`, `cho_factor` and `cho_solve`
take SciPy's arguments (`overwrite_a`/`overwrite_b` to work in place,
`check_finite`, `lower`, `trans`) plus `ctx=` as everywhere in oxpar, and
compute with liboxpar's `oxpar_?gesv`, `?getrf`, `?getrs`, `?potrf`,
`?potrs` (LAPACK's routines, on the context's threads, the GIL released).
`inv`, `det` and `slogdet` are NumPy's (`slogdet` returns
`(sign, logabsdet)`, `sign` complex for complex input).

`svd` and `lstsq` are SciPy's (`oxpar_?gesvd`, `?gelss`): `svd` returns
`(U, s, Vh)` (or `s` with `compute_uv=False`), `lstsq` the minimum-norm
solution of any system, rank-deficient too, as `(x, residues, rank, s)`.
An SVD iteration that does not converge raises `oxpar.NoConvergenceError`
(a `numpy.linalg.LinAlgError`) with LAPACK's `info`.

Stacked matrices: `solve`, `inv`, `det`, `slogdet` and `cholesky` take
`a` of shape `(..., M, M)`, as NumPy's `linalg` does, and compute the
whole stack in one call of the batched routines (`oxpar_?gesv_batch`,
`?inv_batch`, `?det_batch`, `?slogdet_batch`, `?potrf_batch`), each
matrix on one thread. `solve`'s `b` follows NumPy 2's rule: a 1-D `b` of
shape `(M,)` is one vector, solved against every matrix of the stack
(result `(..., M)`); otherwise `b` is a stack of `M x K` matrices
`(..., M, K)` whose leading dimensions broadcast against `a`'s (result
`(..., M, K)`). A stack of vectors is thus written `b[..., None]` (and the
result `x[..., 0]`), as in NumPy 2. Stacked inputs are always copied
(`overwrite_a`/`overwrite_b` have no effect on them).

Arrays: float32, float64, complex64 and complex128 are used as they are
(any strides: C or Fortran order, slices); other numbers are converted as
SciPy converts them (integers to float64), and arrays of different types are
computed in their common type. `overwrite_a=True` (`overwrite_b=True`) lets
oxpar factor `a` (solve into `b`) in place when it already has that type and
is writable, with no copy, as SciPy may; otherwise a copy is made.

Numerical failure raises `oxpar.SingularMatrixError` or
`oxpar.NotPositiveDefiniteError`: `oxpar.LinAlgError` subclasses that are
also `numpy.linalg.LinAlgError`, so `except np.linalg.LinAlgError` code works,
carrying LAPACK's `info` index and, for a stack, the `index` of the first
failing matrix (a tuple over the leading dimensions). `det` and `slogdet`
never fail on a singular matrix (0, and `(0, -inf)`), as NumPy's.
`lu_factor` of a singular matrix warns (`oxpar.linalg.LinAlgWarning`) and
returns the factorization, as SciPy's does. Pivots are 0-based here
(`lu_factor`'s `piv`, as SciPy's): row `i` was interchanged with row
`piv[i]`.
"""

from typing import NamedTuple, Optional, Tuple
import warnings

import numpy as np

from ._array import _pointer, matrix
from ._errors import LinAlgError, OxparTypeError, ShapeMismatchError, UnsupportedError, check, error_for
from ._ffi import ffi, lib
from .context import Context, resolve

__all__ = ["solve", "lu_factor", "lu_solve", "cholesky", "cho_factor", "cho_solve", "inv", "det", "slogdet",
           "SlogdetResult", "LinAlgWarning"]
__all__ += ["svd", "lstsq"]

_LETTERS = {
    np.dtype(np.float32): "s",
    np.dtype(np.float64): "d",
    np.dtype(np.complex64): "c",
    np.dtype(np.complex128): "z",
}
_TRANS = {0: 0, 1: 1, 2: 2, "N": 0, "T": 1, "C": 2, "n": 0, "t": 1, "c": 2}


class LinAlgWarning(RuntimeWarning):
    """A factorization that completed on a singular matrix (`lu_factor`),
    as SciPy's `scipy.linalg.LinAlgWarning`."""


def _common_dtype(*arrays: np.ndarray) -> np.dtype:
    for a in arrays:
        if a.dtype.kind not in "biufc":
            raise OxparTypeError(f"expected arrays of numbers, got dtype {a.dtype}")
    dtype = np.result_type(*[a.dtype for a in arrays], np.float32)
    if dtype.kind == "f" and dtype.itemsize > 8 or dtype.kind == "c" and dtype.itemsize > 16:
        raise OxparTypeError(f"{dtype} is wider than oxpar computes (float64, complex128)")
    if dtype == np.float16:
        dtype = np.dtype(np.float32)
    return dtype


def _checked(x, name: str, check_finite: bool) -> np.ndarray:
    a = np.asarray(x)
    if check_finite and a.dtype.kind in "fc" and not np.isfinite(a).all():
        raise ValueError(f"{name}: array must not contain infs or NaNs")
    return a


def _square(a: np.ndarray, name: str) -> int:
    if a.ndim != 2 or a.shape[0] != a.shape[1]:
        raise ShapeMismatchError(
            f"{name}: expected a square 2-D matrix, got shape {a.shape}"
        )
    return a.shape[0]


def _work(a: np.ndarray, dtype: np.dtype, overwrite: bool) -> np.ndarray:
    """`a` itself when it may be overwritten, else a Fortran-ordered copy."""
    if overwrite and a.dtype == dtype and a.flags.writeable:
        return a
    return np.array(a, dtype=dtype, order="F")


def _rhs(b: np.ndarray, n: int, name: str = "b") -> np.ndarray:
    if b.ndim not in (1, 2) or b.shape[0] != n:
        raise ShapeMismatchError(f"{name}: expected {n} rows (a vector of {n} or an {n} x k matrix), got shape {b.shape}")
    return b


def _fail(status: int, info, names=None):
    err = error_for(status, names)
    if isinstance(err, LinAlgError):
        err.info = int(info[0])
    raise err


def _call(name: str, dtype: np.dtype, *args):
    return getattr(lib, f"oxpar_{_LETTERS[dtype]}{name}")(*args)


def _pivots(piv: np.ndarray):
    return ffi.cast("int64_t *", piv.ctypes.data) if piv.size else ffi.NULL


def solve(a, b, ctx: Optional[Context] = None, overwrite_a: bool = False, overwrite_b: bool = False,
          check_finite: bool = True) -> np.ndarray:
    """`x` with `a @ x = b` for a square `a`, by LU with partial pivoting
    (`numpy.linalg.solve`, `scipy.linalg.solve`; LAPACK's `gesv`). `b` is a
    vector or a matrix of right-hand sides; `x` has its shape. `a` may be a
    stack `(..., M, M)`, with `b` as in the module documentation (NumPy 2's
    rule). Raises `SingularMatrixError` (a `numpy.linalg.LinAlgError`) for a
    singular `a`, with `index` the first singular matrix of a stack.
    """
    ctx = resolve(ctx)
    a = _checked(a, "a", check_finite)
    b = _checked(b, "b", check_finite)
    if a.ndim != 2 or b.ndim > 2:
        return _solve_stacked(ctx, a, b)
    n = _square(a, "a")
    _rhs(b, n)
    dtype = _common_dtype(a, b)
    aw = _work(a, dtype, overwrite_a)
    bw = _work(b, dtype, overwrite_b)
    b2 = bw[:, None] if bw.ndim == 1 else bw
    piv = np.empty(n, np.int64)
    info = ffi.new("int64_t *")
    pa, _, _, rsa, csa = matrix(aw, "a", writable=True)
    pb, _, nrhs, rsb, csb = matrix(b2, "b", writable=True)
    status = _call("gesv", dtype, ctx.ptr, n, nrhs, pa, rsa, csa, _pivots(piv), pb, rsb, csb, info)
    if status:
        _fail(status, info)
    return bw


def lu_factor(a, overwrite_a: bool = False, check_finite: bool = True,
              ctx: Optional[Context] = None) -> Tuple[np.ndarray, np.ndarray]:
    """`(lu, piv)`: the LU factorization with partial pivoting of `a`
    (`scipy.linalg.lu_factor`; LAPACK's `getrf`): `L` (unit diagonal not
    stored) below the diagonal of `lu`, `U` on and above it; `piv` (int64)
    the 0-based pivots. A singular `a` warns (`LinAlgWarning`) and the
    factorization is returned, as SciPy does. `a` may be rectangular.
    """
    ctx = resolve(ctx)
    a = _checked(a, "a", check_finite)
    if a.ndim != 2:
        raise ShapeMismatchError(f"a: expected a 2-D matrix, got shape {a.shape}")
    dtype = _common_dtype(a)
    aw = _work(a, dtype, overwrite_a)
    m, n = aw.shape
    piv = np.empty(min(m, n), np.int64)
    info = ffi.new("int64_t *")
    pa, _, _, rsa, csa = matrix(aw, "a", writable=True)
    status = _call("getrf", dtype, ctx.ptr, m, n, pa, rsa, csa, _pivots(piv), info)
    if status == lib.OXPAR_STATUS_SINGULAR:
        warnings.warn(
            f"Diagonal number {int(info[0])} is exactly zero. Singular matrix.", LinAlgWarning, stacklevel=2
        )
    elif status:
        _fail(status, info)
    piv -= 1
    return aw, piv


def lu_solve(lu_and_piv, b, trans=0, overwrite_b: bool = False, check_finite: bool = True,
             ctx: Optional[Context] = None) -> np.ndarray:
    """`x` with `op(a) @ x = b` from `lu_factor`'s `(lu, piv)`
    (`scipy.linalg.lu_solve`; LAPACK's `getrs`): `trans` 0 (`'N'`), 1
    (`'T'`, the transpose) or 2 (`'C'`, the conjugate transpose).
    """
    ctx = resolve(ctx)
    lu, piv = lu_and_piv
    lu = _checked(lu, "lu", check_finite)
    b = _checked(b, "b", check_finite)
    n = _square(lu, "lu")
    _rhs(b, n)
    try:
        t = _TRANS[trans]
    except (KeyError, TypeError):
        raise ValueError(f"trans: must be 0, 1 or 2 ('N', 'T' or 'C'), got {trans!r}") from None
    piv = np.asarray(piv)
    if piv.shape != (n,) or piv.dtype.kind not in "iu":
        raise ShapeMismatchError(f"piv: expected {n} integer pivots, got shape {piv.shape} of {piv.dtype}")
    dtype = _common_dtype(lu, b)
    luw = lu if lu.dtype == dtype else lu.astype(dtype)
    bw = _work(b, dtype, overwrite_b)
    b2 = bw[:, None] if bw.ndim == 1 else bw
    piv1 = piv.astype(np.int64) + 1
    pa, _, _, rsa, csa = matrix(luw, "lu")
    pb, _, nrhs, rsb, csb = matrix(b2, "b", writable=True)
    status = _call("getrs", dtype, ctx.ptr, t, n, nrhs, pa, rsa, csa, _pivots(piv1), pb, rsb, csb)
    if status:
        _fail(status, None, {"a": "lu", "ipiv": "piv"})
    return bw


def _potrf(a, lower: bool, overwrite_a: bool, check_finite: bool, ctx) -> np.ndarray:
    ctx = resolve(ctx)
    a = _checked(a, "a", check_finite)
    n = _square(a, "a")
    dtype = _common_dtype(a)
    aw = _work(a, dtype, overwrite_a)
    info = ffi.new("int64_t *")
    pa, _, _, rsa, csa = matrix(aw, "a", writable=True)
    status = _call("potrf", dtype, ctx.ptr, lib.OXPAR_UPLO_LOWER if lower else lib.OXPAR_UPLO_UPPER, n, pa, rsa,
                   csa, info)
    if status:
        _fail(status, info)
    return aw


def cholesky(a, lower: bool = False, overwrite_a: bool = False, check_finite: bool = True,
             ctx: Optional[Context] = None) -> np.ndarray:
    """The Cholesky factor of the Hermitian (symmetric) positive definite
    `a`, read from its `lower` (else upper) triangle
    (`scipy.linalg.cholesky`; LAPACK's `potrf`): `U` with `a = U^H @ U`, or
    `L` with `a = L @ L^H`, the other triangle zero. `a` may be a stack
    `(..., M, M)` (each matrix factored; note that SciPy's default is the
    upper factor, NumPy's `cholesky` the lower one). Raises
    `NotPositiveDefiniteError` (a `numpy.linalg.LinAlgError`) with `info`
    the order of the failing leading minor (and `index` its matrix in a
    stack).
    """
    if np.ndim(a) > 2:
        c = _potrf_stacked(resolve(ctx), _checked(a, "a", check_finite), lower)
    else:
        c = _potrf(a, lower, overwrite_a, check_finite, ctx)
    # Zero the other triangle in place (SciPy's result has zeros there).
    ones = np.ones(c.shape[-2:], dtype=bool)
    c[..., np.triu(ones, 1) if lower else np.tril(ones, -1)] = 0
    return c


def cho_factor(a, lower: bool = False, overwrite_a: bool = False, check_finite: bool = True,
               ctx: Optional[Context] = None) -> Tuple[np.ndarray, bool]:
    """`(c, lower)` for `cho_solve` (`scipy.linalg.cho_factor`): the
    Cholesky factor in the `lower` (else upper) triangle of `c`; the other
    triangle is left as it was (not used). Raises
    `NotPositiveDefiniteError` as `cholesky` does.
    """
    return _potrf(a, lower, overwrite_a, check_finite, ctx), bool(lower)


def cho_solve(c_and_lower, b, overwrite_b: bool = False, check_finite: bool = True,
              ctx: Optional[Context] = None) -> np.ndarray:
    """`x` with `a @ x = b` from `cho_factor`'s `(c, lower)`
    (`scipy.linalg.cho_solve`; LAPACK's `potrs`)."""
    ctx = resolve(ctx)
    c, lower = c_and_lower
    c = _checked(c, "c", check_finite)
    b = _checked(b, "b", check_finite)
    n = _square(c, "c")
    _rhs(b, n)
    dtype = _common_dtype(c, b)
    cw = c if c.dtype == dtype else c.astype(dtype)
    bw = _work(b, dtype, overwrite_b)
    b2 = bw[:, None] if bw.ndim == 1 else bw
    pa, _, _, rsa, csa = matrix(cw, "c")
    pb, _, nrhs, rsb, csb = matrix(b2, "b", writable=True)
    status = _call("potrs", dtype, ctx.ptr, lib.OXPAR_UPLO_LOWER if lower else lib.OXPAR_UPLO_UPPER, n, nrhs, pa,
                   rsa, csa, pb, rsb, csb)
    if status:
        _fail(status, None, {"a": "c"})
    return bw


# ---------------------------------------------------------------------------
# Stacked matrices, inverses and determinants: the batched routines.


class SlogdetResult(NamedTuple):
    """`slogdet`'s result, as NumPy's: `det = sign * exp(logabsdet)`."""

    sign: np.ndarray
    logabsdet: np.ndarray


def _stack(a: np.ndarray, name: str) -> int:
    """The order `M` of a square matrix or stack `(..., M, M)`."""
    if a.ndim < 2 or a.shape[-1] != a.shape[-2]:
        raise ShapeMismatchError(f"{name}: expected square matrices (..., M, M), got shape {a.shape}")
    return a.shape[-1]


def _batch_copy(a: np.ndarray, shape: tuple, dtype: np.dtype) -> np.ndarray:
    """A C-ordered copy of `a` broadcast to `shape`, of `dtype` (what the
    batched routines read and write: strides `(M*K, K, 1)` per matrix)."""
    return np.array(np.broadcast_to(a, shape), dtype=dtype, order="C")


def _outs():
    return ffi.new("int64_t *"), ffi.new("int64_t *")


def _batch_fail(status: int, info, failed, batch: tuple):
    err = error_for(status)
    if isinstance(err, LinAlgError):
        err.info = int(info[0])
        if failed[0] >= 0 and batch:
            err.index = tuple(int(i) for i in np.unravel_index(int(failed[0]), batch))
    raise err


def _solve_stacked(ctx: Context, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    n = _stack(a, "a")
    if b.ndim == 0:
        raise ShapeMismatchError("b: expected a vector (M,) or matrices (..., M, K), got a scalar")
    vector = b.ndim == 1
    b2 = b[:, None] if vector else b
    if b2.shape[-2] != n:
        raise ShapeMismatchError(
            f"b: expected {n} rows to match a of shape {a.shape}, got shape {b.shape} (a 1-D b is one vector "
            "for every matrix; a stack of vectors is b[..., None], as in NumPy 2)"
        )
    try:
        batch = tuple(np.broadcast_shapes(a.shape[:-2], b2.shape[:-2]))
    except ValueError:
        raise ShapeMismatchError(
            f"a {a.shape} and b {b.shape}: the leading (stack) dimensions do not broadcast"
        ) from None
    k = b2.shape[-1]
    dtype = _common_dtype(a, b)
    aw = _batch_copy(a, batch + (n, n), dtype)
    bw = _batch_copy(b2, batch + (n, k), dtype)
    count = int(np.prod(batch, dtype=np.int64))
    piv = np.empty(count * n, np.int64)
    info, failed = _outs()
    status = _call("gesv_batch", dtype, ctx.ptr, count, n, k, _pointer(aw, True), n, 1, n * n, _pivots(piv),
                   _pointer(bw, True), k, 1, n * k, info, failed)
    if status:
        _batch_fail(status, info, failed, batch)
    return bw[..., 0] if vector else bw


def _potrf_stacked(ctx: Context, a: np.ndarray, lower: bool) -> np.ndarray:
    n = _stack(a, "a")
    dtype = _common_dtype(a)
    aw = _batch_copy(a, a.shape, dtype)
    count = int(np.prod(a.shape[:-2], dtype=np.int64))
    info, failed = _outs()
    status = _call("potrf_batch", dtype, ctx.ptr, lib.OXPAR_UPLO_LOWER if lower else lib.OXPAR_UPLO_UPPER, count,
                   n, _pointer(aw, True), n, 1, n * n, info, failed)
    if status:
        _batch_fail(status, info, failed, a.shape[:-2])
    return aw


def inv(a, ctx: Optional[Context] = None) -> np.ndarray:
    """The inverse of the square `a`, or of each matrix of a stack
    `(..., M, M)` (`numpy.linalg.inv`; LU with partial pivoting, then
    LAPACK's `getri` on each). Raises `SingularMatrixError` (a
    `numpy.linalg.LinAlgError`) for a singular matrix, with `info` LAPACK's
    and, for a stack, `index` the first singular matrix.
    """
    ctx = resolve(ctx)
    a = np.asarray(a)
    n = _stack(a, "a")
    dtype = _common_dtype(a)
    aw = _batch_copy(a, a.shape, dtype)
    count = int(np.prod(a.shape[:-2], dtype=np.int64))
    info, failed = _outs()
    status = _call("inv_batch", dtype, ctx.ptr, count, n, _pointer(aw, True), n, 1, n * n, info, failed)
    if status:
        _batch_fail(status, info, failed, a.shape[:-2])
    return aw


def det(a, ctx: Optional[Context] = None):
    """The determinant of the square `a` (a NumPy scalar), or of each
    matrix of a stack `(..., M, M)` (an array of shape `(...)`), by LU with
    partial pivoting (`numpy.linalg.det`). A singular matrix has
    determinant 0 (no error). For large matrices, whose determinant over-
    or underflows, use `slogdet`.
    """
    ctx = resolve(ctx)
    a = np.asarray(a)
    n = _stack(a, "a")
    dtype = _common_dtype(a)
    aw = _batch_copy(a, a.shape, dtype)
    dets = np.empty(a.shape[:-2], dtype)
    status = _call("det_batch", dtype, ctx.ptr, dets.size, n, _pointer(aw, False), n, 1, n * n,
                   _pointer(dets, True))
    check(status)
    return dets[()]


def slogdet(a, ctx: Optional[Context] = None) -> SlogdetResult:
    """`(sign, logabsdet)` of the determinant of `a` or of each matrix of a
    stack `(..., M, M)`, as `numpy.linalg.slogdet`: `det = sign *
    exp(logabsdet)` without over- or underflow. `sign` has `a`'s dtype: 1 or
    -1 for real input, the determinant's phase (modulus 1) for complex
    input; `logabsdet` is real. A singular matrix gives `(0, -inf)`, no
    error.
    """
    ctx = resolve(ctx)
    a = np.asarray(a)
    n = _stack(a, "a")
    dtype = _common_dtype(a)
    aw = _batch_copy(a, a.shape, dtype)
    sign = np.empty(a.shape[:-2], dtype)
    logabs = np.empty(a.shape[:-2], np.finfo(dtype).dtype)
    status = _call("slogdet_batch", dtype, ctx.ptr, sign.size, n, _pointer(aw, False), n, 1, n * n,
                   _pointer(sign, True), _pointer(logabs, True))
    check(status)
    return SlogdetResult(sign[()], logabs[()])


# --- The SVD and SVD least squares (oxpar_?gesvd, oxpar_?gelss). ---


def _real_dtype(dtype: np.dtype) -> np.dtype:
    return np.dtype(np.float32) if dtype in (np.float32, np.complex64) else np.dtype(np.float64)


def _matrix_2d(a: np.ndarray, name: str) -> None:
    if a.ndim != 2:
        raise ShapeMismatchError(f"{name}: expected a 2-D matrix, got shape {a.shape}")


def svd(a, full_matrices: bool = True, compute_uv: bool = True, overwrite_a: bool = False,
        check_finite: bool = True, ctx: Optional[Context] = None):
    """The singular value decomposition `a = U @ diag(s) @ Vh`
    (`scipy.linalg.svd`; LAPACK's `gesvd`): returns `(U, s, Vh)`, or `s`
    alone when `compute_uv` is false. `s` (real, length `min(M, N)`) is
    descending; `U` is `M x M` and `Vh` `N x N` with `full_matrices`, else
    `M x K` and `K x N` (`K = min(M, N)`). `a` is destroyed when
    `overwrite_a` lets oxpar work in it. NaN or Inf: `ValueError` (checked
    here when `check_finite`, else by liboxpar, which refuses them too).
    An iteration that does not converge raises `NoConvergenceError` (a
    `numpy.linalg.LinAlgError`) with LAPACK's `info`.
    """
    ctx = resolve(ctx)
    a = _checked(a, "a", check_finite)
    _matrix_2d(a, "a")
    dtype = _common_dtype(a)
    aw = _work(a, dtype, overwrite_a)
    m, n = aw.shape
    k = min(m, n)
    s = np.empty(k, _real_dtype(dtype))
    info = ffi.new("int64_t *")
    pa, _, _, rsa, csa = matrix(aw, "a", writable=True)
    ps = _pointer(s, True) if k else ffi.NULL
    if compute_uv:
        job = b"A" if full_matrices else b"S"
        u = np.empty((m, m if full_matrices else k), dtype, order="F")
        vh = np.empty((n if full_matrices else k, n), dtype, order="F")
        pu, _, _, rsu, csu = matrix(u, "u", writable=True)
        pv, _, _, rsv, csv = matrix(vh, "vh", writable=True)
        status = _call("gesvd", dtype, ctx.ptr, job, job, m, n, pa, rsa, csa, ps, pu, rsu, csu, pv, rsv, csv, info)
    else:
        status = _call("gesvd", dtype, ctx.ptr, b"N", b"N", m, n, pa, rsa, csa, ps, ffi.NULL, 1, 1, ffi.NULL, 1, 1,
                       info)
    if status:
        _fail(status, info, {"vt": "vh"})
    if not compute_uv:
        return s
    return u, s, vh


class LstsqResult(NamedTuple):
    """`lstsq`'s result, as `scipy.linalg.lstsq`'s tuple."""

    x: np.ndarray
    residues: np.ndarray
    rank: int
    s: np.ndarray


def lstsq(a, b, cond: Optional[float] = None, overwrite_a: bool = False, overwrite_b: bool = False,
          check_finite: bool = True, ctx: Optional[Context] = None) -> LstsqResult:
    """The minimum-norm least-squares solution of `a @ x = b` by the SVD,
    for any `M x N` `a`, rank-deficient too (`scipy.linalg.lstsq`; LAPACK's
    `gelss`): returns `(x, residues, rank, s)`. Singular values at most
    `cond * s[0]` count as zero; `cond=None` is the machine epsilon of the
    computation's type (SciPy's default). `residues` holds the squared
    2-norm of each column of `b - a @ x` when `M > N` and `rank == N` (a
    scalar shape for a 1-D `b`), else it is empty. `x` has `N` rows and
    `b`'s other dimension.
    """
    ctx = resolve(ctx)
    a = _checked(a, "a", check_finite)
    b = _checked(b, "b", check_finite)
    _matrix_2d(a, "a")
    m, n = a.shape
    if b.ndim not in (1, 2) or b.shape[0] != m:
        raise ShapeMismatchError(f"b: expected {m} rows (a vector of {m} or an {m} x k matrix), got shape {b.shape}")
    dtype = _common_dtype(a, b)
    rdtype = _real_dtype(dtype)
    if cond is None:
        cond = float(np.finfo(rdtype).eps)
    elif np.isnan(cond):
        raise ValueError("cond: must not be NaN")
    b2 = b[:, None] if b.ndim == 1 else b
    nrhs = b2.shape[1]
    a_ref = np.array(a, dtype=dtype) if m > n else None
    if m >= n:
        bw = _work(b2, dtype, overwrite_b)
    else:
        bw = np.zeros((n, nrhs), dtype, order="F")
        bw[:m] = b2
    b_ref = np.array(bw[:m], copy=True) if m > n else None
    aw = _work(a, dtype, overwrite_a)
    k = min(m, n)
    s = np.empty(k, rdtype)
    info = ffi.new("int64_t *")
    rank = ffi.new("int64_t *")
    pa, _, _, rsa, csa = matrix(aw, "a", writable=True)
    pb, _, _, rsb, csb = matrix(bw, "b", writable=True)
    ps = _pointer(s, True) if k else ffi.NULL
    status = _call("gelss", dtype, ctx.ptr, m, n, nrhs, pa, rsa, csa, pb, rsb, csb, cond, ps, rank, info)
    if status:
        _fail(status, info, {"rcond": "cond"})
    x = np.array(bw[:n], copy=True) if m > n else bw[:n]
    r = int(rank[0])
    if m > n and r == n:
        resid = b_ref - a_ref @ x
        residues = np.sum(np.abs(resid) ** 2, axis=0).astype(rdtype)
    else:
        residues = np.empty((0,), rdtype)
    if b.ndim == 1:
        x = x[:, 0]
        if residues.size:
            residues = residues[0]
    return LstsqResult(x, residues, r, s)


# ---------------------------------------------------------------------------
# QR: Householder QR on liboxpar's `oxpar_?geqrf` and `?orgqr`/`?ungqr`.


__all__ += ["qr", "qr_multiply"]

_QR_MODES = ("full", "r", "economic", "raw")


def qr(a, overwrite_a: bool = False, lwork=None, mode: str = "full", pivoting: bool = False,
       check_finite: bool = True, ctx: Optional[Context] = None):
    """The QR decomposition `a = q @ r` of an `M x N` matrix, as
    `scipy.linalg.qr` (LAPACK's `geqrf`, then `orgqr`/`ungqr`; Householder,
    blocked, on the context's threads):

    * `mode="full"` (default): `(q, r)`, `q` unitary `M x M`, `r` upper
      trapezoidal `M x N`;
    * `mode="economic"`: `(q, r)`, `q` `M x K` with orthonormal columns,
      `r` `K x N`, `K = min(M, N)`;
    * `mode="r"`: `(r,)`, a one-element tuple of the `M x N` `r`, as SciPy;
    * `mode="raw"`: `((qr, tau), r)`: LAPACK's `geqrf` output (`r` on and
      above the diagonal of `qr`, the Householder vectors below it, their
      scalar factors in `tau`) and the `K x N` `r`.

    `r`'s rows may differ from SciPy's (or NumPy's) by a sign (a unit
    complex factor), `q`'s columns by the same: the decomposition is unique
    only up to them. `overwrite_a=True` lets the factorization happen in
    `a` itself when it has a computed dtype and is writable (`a` is then
    `qr` of `mode="raw"`). `lwork` is accepted for SciPy's sake and ignored
    (liboxpar allocates its own workspace). `pivoting=True` (column-pivoted,
    rank-revealing QR) raises `UnsupportedError` (a `NotImplementedError`):
    not there yet. `a` must be 2-D: stacks raise `ShapeMismatchError`, as
    SciPy's `qr` refuses them (loop over the stack, or use NumPy's). Never a
    numerical failure: a rank-deficient `a` has zeros on `r`'s diagonal.
    `check_finite=True` (default) refuses NaN and Inf with `ValueError`.
    """
    ctx = resolve(ctx)
    if mode not in _QR_MODES:
        raise ValueError(f"mode: must be one of {', '.join(map(repr, _QR_MODES))}, got {mode!r}")
    if pivoting:
        raise UnsupportedError(
            "qr: pivoting=True (column-pivoted QR) is not there yet; use pivoting=False"
        )
    a = _checked(a, "a", check_finite)
    if a.ndim != 2:
        raise ShapeMismatchError(f"a: expected a 2-D matrix, got shape {a.shape} (stacks are not supported)")
    dtype = _common_dtype(a)
    aw = _work(a, dtype, overwrite_a)
    m, n = aw.shape
    k = min(m, n)
    tau = np.zeros(k, dtype)
    pa, _, _, rsa, csa = matrix(aw, "a", writable=True)
    check(_call("geqrf", dtype, ctx.ptr, m, n, pa, rsa, csa, _pointer(tau, True) if k else ffi.NULL))
    if mode in ("economic", "raw"):
        r = np.triu(aw[:k, :])
    else:
        r = np.triu(aw)
    if mode == "r":
        return (r,)
    if mode == "raw":
        return (aw, tau), r
    cols = m if mode == "full" else k
    q = np.zeros((m, cols), dtype, order="F")
    q[:, :k] = aw[:, :k]
    pq, _, _, rsq, csq = matrix(q, "q", writable=True)
    form = "ungqr" if dtype.kind == "c" else "orgqr"
    check(_call(form, dtype, ctx.ptr, m, cols, k, pq, rsq, csq, _pointer(tau, False) if k else ffi.NULL))
    return q, r


def qr_multiply(a, c, mode: str = "right", pivoting: bool = False, conjugate: bool = False,
                overwrite_a: bool = False, overwrite_c: bool = False, ctx: Optional[Context] = None):
    """`(cq, r)`: the product of `c` with the economic `Q` of `a = Q @ R`
    (`M x K`, `K = min(M, N)`) without forming `Q`, and `r` (`K x N`), as
    `scipy.linalg.qr_multiply` (LAPACK's `geqrf`, then `ormqr`/`unmqr`):
    `mode="right"` (default) gives `c @ Q` for `c` of shape `(P, M)` (or
    `(M,)`), `mode="left"` gives `Q @ c` for `c` of shape `(K, P)` (or
    `(K,)`); `conjugate=True` uses `conj(Q)` instead of `Q`. A 1-D `c`
    gives a 1-D result. `Q` (and `r`) are `qr`'s, so they may differ from
    SciPy's by the signs (phases) of `Q`'s columns. `c` is never overwritten
    (`overwrite_c` is accepted and ignored, so `mode="left"` always needs
    `K` rows); `overwrite_a` and `pivoting` are as in `qr`; `c` must be
    finite (`ValueError`), as SciPy checks it.
    """
    if mode not in ("left", "right"):
        raise ValueError(f"mode: must be 'left' or 'right', got {mode!r}")
    ctx = resolve(ctx)
    c = _checked(c, "c", True)
    if c.ndim > 2:
        raise ShapeMismatchError(f"c: expected a 1-D or 2-D array, got shape {c.shape}")
    onedim = c.ndim < 2
    c2 = np.atleast_2d(c)
    if onedim and mode == "left":
        c2 = c2.T
    a = np.asarray(a)
    if a.ndim != 2:
        raise ShapeMismatchError(f"a: expected a 2-D matrix, got shape {a.shape}")
    m, n = a.shape
    k = min(m, n)
    if mode == "left" and c2.shape[0] != k:
        raise ShapeMismatchError(f"c: Q @ c needs c with min(M, N) = {k} rows, got shape {c.shape} for a {a.shape}")
    if mode == "right" and c2.shape[1] != m:
        raise ShapeMismatchError(f"c: c @ Q needs c with M = {m} columns, got shape {c.shape} for a {a.shape}")
    (h, tau), r = qr(a, overwrite_a=overwrite_a, mode="raw", pivoting=pivoting, ctx=ctx)
    dtype = _common_dtype(h, c2)
    h = h.astype(dtype, copy=False)
    tau = tau.astype(dtype, copy=False)
    # c @ conj(Q) = conj(conj(c) @ Q): the same call on the conjugates.
    src = np.conj(c2) if conjugate else c2
    if mode == "left":
        work = np.zeros((m, c2.shape[1]), dtype, order="F")
        work[:k] = src
        side = lib.OXPAR_SIDE_LEFT
    else:
        work = np.array(src, dtype=dtype, order="F")
        side = lib.OXPAR_SIDE_RIGHT
    ph, _, _, rsh, csh = matrix(h, "a")
    pw, _, _, rsw, csw = matrix(work, "c", writable=True)
    apply = "unmqr" if dtype.kind == "c" else "ormqr"
    check(_call(apply, dtype, ctx.ptr, side, lib.OXPAR_TRANS_NO, work.shape[0], work.shape[1], k, ph, rsh, csh,
                _pointer(tau, False) if k else ffi.NULL, pw, rsw, csw))
    cq = work if mode == "left" else work[:, :k]
    if conjugate:
        cq = np.conj(cq)
    if onedim:
        cq = cq.ravel()
    return cq, r


# ---------------------------------------------------------------------------
# The symmetric/Hermitian eigenproblem: eigh and eigvalsh.
#
# `eigh` has SciPy's arguments (`lower`, `eigvals_only`, `overwrite_a`,
# `check_finite`) and NumPy's behaviour on stacks: `a` of shape
# `(..., M, M)` gives `(w, v)` with `w` of shape `(..., M)` and `v` of
# shape `(..., M, M)` (eigenvector `k` of matrix `i` is `v[i][:, k]`),
# computed in one call of `oxpar_?syev_batch`/`?heev_batch`, each matrix on
# one thread. `eigvalsh(a, UPLO='L')` is NumPy's. Eigenvalues are ascending
# and real (float32 for float32 and complex64 input, float64 otherwise).
# Non-convergence of the iteration raises `oxpar.NoConvergenceError` (a
# `numpy.linalg.LinAlgError`) with LAPACK's `info` (and `index` for a
# stack). NaN or Inf in the matrix raises ValueError (with
# `check_finite=False`, from liboxpar's own check of the triangle it reads).

__all__ += ["eigh", "eigvalsh"]


def _ev_name(dtype: np.dtype) -> str:
    return "heev" if dtype.kind == "c" else "syev"


def _eigh_stacked(ctx: Context, a: np.ndarray, lower: bool, vectors: bool):
    n = _stack(a, "a")
    dtype = _common_dtype(a)
    aw = _batch_copy(a, a.shape, dtype)
    w = np.empty(a.shape[:-1], np.finfo(dtype).dtype)
    count = int(np.prod(a.shape[:-2], dtype=np.int64))
    info, failed = _outs()
    status = _call(_ev_name(dtype) + "_batch", dtype, ctx.ptr, b"V" if vectors else b"N",
                   lib.OXPAR_UPLO_LOWER if lower else lib.OXPAR_UPLO_UPPER, count, n, _pointer(aw, True), n, 1,
                   n * n, _pointer(w, True), info, failed)
    if status:
        _batch_fail(status, info, failed, a.shape[:-2])
    return w, aw


def _eigh(a, lower: bool, vectors: bool, overwrite_a: bool, check_finite: bool, ctx):
    ctx = resolve(ctx)
    a = _checked(a, "a", check_finite)
    if a.ndim != 2:
        return _eigh_stacked(ctx, a, lower, vectors)
    n = _square(a, "a")
    dtype = _common_dtype(a)
    aw = _work(a, dtype, overwrite_a)
    w = np.empty(n, np.finfo(dtype).dtype)
    info = ffi.new("int64_t *")
    pa, _, _, rsa, csa = matrix(aw, "a", writable=True)
    status = _call(_ev_name(dtype), dtype, ctx.ptr, b"V" if vectors else b"N",
                   lib.OXPAR_UPLO_LOWER if lower else lib.OXPAR_UPLO_UPPER, n, pa, rsa, csa, _pointer(w, True), info)
    if status:
        _fail(status, info)
    return w, aw


def eigh(a, b=None, lower: bool = True, eigvals_only: bool = False, overwrite_a: bool = False,
         overwrite_b: bool = False, check_finite: bool = True, ctx: Optional[Context] = None):
    """The eigenvalues `w` (ascending) and, unless `eigvals_only`, the
    orthonormal eigenvectors `v` (column `v[:, k]` for `w[k]`) of the real
    symmetric or complex Hermitian `a`, read from its `lower` (else upper)
    triangle (`scipy.linalg.eigh`; LAPACK's `syev`/`heev`): returns `w`, or
    `(w, v)`. `overwrite_a=True` lets the vectors overwrite `a` when it
    already has the computed dtype and is writable (then `v` is `a`).

    `a` may be a stack `(..., M, M)`, as `numpy.linalg.eigh` accepts: then
    `w` has shape `(..., M)` and `v` `(..., M, M)` (always new arrays). The
    generalized problem (`b` given) is not supported yet
    (`oxpar.UnsupportedError`, a `NotImplementedError`). Raises
    `NoConvergenceError` (a `numpy.linalg.LinAlgError`) when the iteration
    does not converge, ValueError for NaN or Inf.
    """
    if b is not None:
        raise UnsupportedError("eigh: the generalized eigenproblem (b) is not supported yet")
    del overwrite_b
    w, v = _eigh(a, lower, not eigvals_only, overwrite_a, check_finite, ctx)
    return w if eigvals_only else (w, v)


def eigvalsh(a, UPLO: str = "L", ctx: Optional[Context] = None) -> np.ndarray:  # noqa: N803 (NumPy's name)
    """The eigenvalues (ascending) of the real symmetric or complex
    Hermitian `a`, read from its lower (`UPLO='L'`) or upper (`'U'`)
    triangle, or of each matrix of a stack `(..., M, M)`
    (`numpy.linalg.eigvalsh`; LAPACK's `syev`/`heev` without vectors).
    `a` is not modified.
    """
    if not isinstance(UPLO, str) or UPLO.upper() not in ("L", "U"):
        raise ValueError(f"UPLO: must be 'L' or 'U', got {UPLO!r}")
    w, _ = _eigh(np.asarray(a), UPLO.upper() == "L", False, False, False, ctx)
    return w
