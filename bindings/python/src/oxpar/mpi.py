"""Distributed level 2/3 routines and halo exchanges on an MPI context.

    >>> from mpi4py import MPI
    >>> ctx = oxpar.Context("mpi+threads", comm=MPI.COMM_WORLD)
    >>> rows = oxpar.block_range(m, ctx.size, ctx.rank)     # this rank's rows of a (m x n)
    >>> piece = oxpar.block_range(n, ctx.size, ctx.rank)    # and its piece of x
    >>> y = oxpar.mpi.gemv(a[rows], x[piece], ctx=ctx)      # its rows of a @ x

Every array is *this rank's block*, in this rank's memory, used in place
(any strides, C or Fortran order, no copies); every rank passes its own
block to the same call. The routines are collective: all ranks of the
context call them in the same order, with arrays of the same dtype. A
wrong argument on one rank (a dtype, a length, a read-only output) raises
on every rank, never deadlocks: the failing rank gets the precise message,
the others one that names the rank at fault; blocks that do not fit
together are a ShapeMismatchError on every rank. float32 arrays on some
ranks and float64 on others (in the reductions too; likewise complex
arrays with real ones, complex64 with complex128) are an
InvalidArgumentError on every rank naming the ranks at fault and their
types, never a number computed from mixed data. The GIL is released while
liboxpar computes and communicates.

* `gemv`, `ger` (real), `geru` and `gerc` (complex): the matrix by row
  blocks (each rank: whole rows of op(A)); the vector that runs along the
  rows split like them, the other split any way (the pieces, in rank order,
  add up to the number of columns).
* `gemm`: SUMMA on the context's process grid (`ctx.grid`,
  `ctx.set_grid(rows, cols)`): the rank at grid position (i, j) holds block
  (i, j) of op(a), op(b) and out.
* `halo_exchange`: ghost cells of a 1-D (rank order) or 2-D (process grid)
  block decomposition.
* `block_range(n, parts, index)`: the balanced split (also `oxpar.block_range`).

Every routine takes float32, float64, complex64 and complex128 arrays;
`trans="C"` (`gemv`) and `trans_a="C"`/`trans_b="C"` (`gemm`) are the
conjugate transpose of complex arrays (the transpose of real ones).

On a context that is not MPI, `gemv`, `ger` and `gemm` compute on one
process (the whole data is the only block); `halo_exchange` raises
UnsupportedError (also NotImplementedError).
"""

from typing import Optional, Union

import numpy as np

from ._array import as_array, element_dtype, matrix, vector
from ._blas_args import trans_value
from ._collective import join_failed
from ._errors import InvalidArgumentError, OxparTypeError, ShapeMismatchError, check
from ._ffi import ffi, lib
from ._typing import Array, ArrayLike, Scalar
from .blas import _scalar
from .context import Context

__all__ = ["block_range", "gemv", "ger", "geru", "gerc", "gemm", "halo_exchange"]

_PREFIX = {
    np.dtype(np.float32): "s",
    np.dtype(np.float64): "d",
    np.dtype(np.complex64): "c",
    np.dtype(np.complex128): "z",
}


def _fn(dtype, name):
    return getattr(lib, f"oxpar_mpi_{_PREFIX[dtype]}{name}")


def _context(ctx) -> Context:
    if not isinstance(ctx, Context):
        raise TypeError(
            f"ctx: expected an oxpar.Context (an MPI one: oxpar.Context('mpi', comm=...)), got {type(ctx).__name__}"
        )
    return ctx


def _output(a, name):
    if not isinstance(a, np.ndarray):
        raise TypeError(f"{name}: must be a NumPy array (it is written in place)")
    return a


def _size(v, name) -> int:
    if not isinstance(v, (int, np.integer)) or isinstance(v, (bool, np.bool_)):
        raise TypeError(f"{name}: expected an int, got {type(v).__name__}")
    if v < 0:
        raise InvalidArgumentError(f"{name}: must not be negative, got {v}")
    return int(v)


def block_range(n: int, parts: int, index: int) -> range:
    """The part of `range(n)` that block `index` of `parts` owns in the
    balanced block distribution (the first `n % parts` blocks get one
    element more): `a[oxpar.block_range(len(a), ctx.size, ctx.rank)]` is this
    rank's block. Local, no communication."""
    n, parts, index = _size(n, "n"), _size(parts, "parts"), _size(index, "index")
    start, length = ffi.new("size_t *"), ffi.new("size_t *")
    check(lib.oxpar_block_range(n, parts, index, start, length))
    return range(int(start[0]), int(start[0]) + int(length[0]))


def gemv(
    a: ArrayLike,
    x: ArrayLike,
    y: Optional[Array] = None,
    *,
    alpha: Scalar = 1.0,
    beta: Scalar = 0.0,
    trans: Union[str, bool] = "N",
    ctx: Context,
) -> Array:
    """`y := alpha*op(A)@x + beta*y` with `op(A)` distributed by row blocks:
    `a` is this rank's `m_local x n` block of it (whole rows), `y` the
    matching `m_local` elements of `y`, `x` this rank's piece of `x` (split
    any way; the pieces, in rank order, add up to `n`). `trans` ("N", "T",
    "C" or a truth value) says what `a` is: op(A)'s block itself, or (for
    "T" and "C", complex arrays only) the `n x m_local` column block of the
    stored matrix whose transpose or conjugate transpose it is. Without `y`
    a new array is returned (and `beta` must be 0); with `beta == 0`, `y` is
    not read. Returns `y`, this rank's rows of the result. Collective."""
    ctx = _context(ctx)
    try:
        a, x = as_array(a, "a"), as_array(x, "x")
        arrays = [("a", a), ("x", x)]
        if y is not None:
            arrays.append(("y", _output(y, "y")))
        dtype = element_dtype(arrays)
        t = trans_value(trans, "trans")
        if t and dtype.kind != "c":
            raise InvalidArgumentError(
                f"trans: {trans!r} takes complex arrays only (for real ones pass this rank's rows of A.T as a)"
            )
        pa, am, an, rsa, csa = matrix(a, "a")
        m, n = (an, am) if t else (am, an)
        px, n_local, incx = vector(x, "x")
        if y is None:
            if beta != 0:
                raise InvalidArgumentError("beta: must be 0 when no y is given (there is nothing to scale)")
            y = np.empty(m, dtype=dtype)
        py, ny, incy = vector(y, "y", writable=True)
        if ny != m:
            raise ShapeMismatchError(f"y: has {ny} elements but this rank's block of op(a) has {m} rows")
        alpha_p, beta_p = _scalar(dtype, alpha, "alpha"), _scalar(dtype, beta, "beta")
    except Exception:
        join_failed(ctx, "gemv")
        raise
    if dtype.kind == "c":
        check(_fn(dtype, "gemv")(ctx.ptr, t, m, n, n_local, alpha_p, pa, rsa, csa, px, incx, beta_p, py, incy))
    else:
        check(_fn(dtype, "gemv")(ctx.ptr, m, n, n_local, alpha_p, pa, rsa, csa, px, incx, beta_p, py, incy))
    return y


def ger(alpha: Scalar, x: ArrayLike, y: ArrayLike, a: Array, *, ctx: Context) -> Array:
    """`A := alpha*outer(x, y) + A` in place with `A` distributed by row
    blocks: `a` is this rank's `m_local x n` block (whole rows), `x` the
    matching `m_local` elements of `x`, `y` this rank's piece of `y` (split
    any way; the pieces, in rank order, add up to `n`). Returns `a`. Real
    arrays (complex ones: `geru`, `gerc`). Collective."""
    return _ger(alpha, x, y, a, ctx, "ger")


def geru(alpha: Scalar, x: ArrayLike, y: ArrayLike, a: Array, *, ctx: Context) -> Array:
    """`A := alpha*outer(x, y) + A` on complex arrays, distributed as in
    `ger`. Returns `a`. Collective."""
    return _ger(alpha, x, y, a, ctx, "geru")


def gerc(alpha: Scalar, x: ArrayLike, y: ArrayLike, a: Array, *, ctx: Context) -> Array:
    """`A := alpha*outer(x, conj(y)) + A` on complex arrays, distributed as in
    `ger`. Returns `a`. Collective."""
    return _ger(alpha, x, y, a, ctx, "gerc")


def _ger(alpha, x, y, a, ctx, name) -> Array:
    ctx = _context(ctx)
    try:
        x, y = as_array(x, "x"), as_array(y, "y")
        dtype = element_dtype((("x", x), ("y", y), ("a", _output(a, "a"))))
        if (dtype.kind == "c") != (name != "ger"):
            hint = "use geru or gerc" if name == "ger" else "use ger"
            raise OxparTypeError(f"{dtype} arrays: {name} takes {'real' if name == 'ger' else 'complex'} arrays only ({hint})")
        px, mx, incx = vector(x, "x")
        py, n_local, incy = vector(y, "y")
        pa, m, n, rsa, csa = matrix(a, "a", writable=True)
        if mx != m:
            raise ShapeMismatchError(f"x: has {mx} elements but this rank's block of a has {m} rows")
        alpha_p = _scalar(dtype, alpha, "alpha")
    except Exception:
        join_failed(ctx, "ger")
        raise
    check(_fn(dtype, name)(ctx.ptr, m, n, n_local, alpha_p, px, incx, py, incy, pa, rsa, csa))
    return a


def gemm(
    a: ArrayLike,
    b: ArrayLike,
    out: Optional[Array] = None,
    *,
    alpha: Scalar = 1.0,
    beta: Scalar = 0.0,
    trans_a: Union[str, bool] = False,
    trans_b: Union[str, bool] = False,
    ctx: Context,
) -> Array:
    """`C := alpha*op(A)@op(B) + beta*C` (SUMMA on `ctx.grid`), `op(X)` being
    `X`, `X.T` (`trans_a=True` or "T") or, for complex arrays, `X.conj().T`
    ("C"; the transpose for real ones). The rank at grid position (i, j) holds block (i, j) of each
    matrix: `op(a)` is `m_i x ka_j`, `op(b)` is `kb_i x n_j`, `out` is
    `m_i x n_j`, the inner dimension being split twice (over grid columns
    for A, over grid rows for B), both splits adding up to the same k.
    Without `out` a new C-ordered `m_i x n_j` array is returned (and `beta`
    must be 0); with `beta == 0`, `out` is not read. Collective."""
    ctx = _context(ctx)
    try:
        a, b = as_array(a, "a"), as_array(b, "b")
        arrays = [("a", a), ("b", b)]
        if out is not None:
            arrays.append(("out", _output(out, "out")))
        dtype = element_dtype(arrays)
        ta, tb = trans_value(trans_a, "trans_a"), trans_value(trans_b, "trans_b")
        pa, am, an, rsa, csa = matrix(a, "a")
        pb, bm, bn, rsb, csb = matrix(b, "b")
        m, ka = (an, am) if ta else (am, an)
        kb, n = (bn, bm) if tb else (bm, bn)
        if out is None:
            if beta != 0:
                raise InvalidArgumentError("beta: must be 0 when no out is given (there is nothing to scale)")
            out = np.empty((m, n), dtype=dtype)
        pc, cm, cn, rsc, csc = matrix(out, "out", writable=True)
        if (cm, cn) != (m, n):
            raise ShapeMismatchError(
                f"out: has shape {(cm, cn)} but this rank's blocks of op(a) and op(b) give {(m, n)}"
            )
        alpha_p, beta_p = _scalar(dtype, alpha, "alpha"), _scalar(dtype, beta, "beta")
    except Exception:
        join_failed(ctx, "gemm")
        raise
    check(
        _fn(dtype, "gemm")(
            ctx.ptr, ta, tb, m, n, ka, kb, alpha_p, pa, rsa, csa, pb, rsb, csb, beta_p, pc, rsc, csc
        )
    )
    return out


def _flag(v, name) -> bool:
    if not isinstance(v, (bool, np.bool_)):
        raise TypeError(f"{name}: expected True or False, got {type(v).__name__}")
    return bool(v)


def halo_exchange(a: Array, ghost: int, *, periodic: bool = False, ctx: Context) -> Array:
    """Fills the ghost cells of this rank's block `a` in place from its
    neighbours; returns `a`. Collective; every rank passes the same `ghost`
    and `periodic`.

    1-D `a` (blocks in rank order): `ghost` ghost cells, this rank's interior
    (at least `ghost` cells; sizes may differ between ranks), `ghost` ghost
    cells. 2-D `a` (blocks on `ctx.grid`): an interior framed by `ghost`
    layers; grid rows run along the array's rows (the rank at grid row i+1
    holds the next rows), ranks in one grid row have the same number of rows
    and ranks in one grid column the same number of columns; corners are
    filled too (9-point stencils work).

    `periodic` wraps the domain: a bool, or for 2-D a pair
    `(rows, cols)` (`rows`: the last grid row's southern neighbour is the
    first; `cols`: likewise east-west). The outer ghosts of a non-periodic
    domain are left alone (they hold the boundary condition)."""
    ctx = _context(ctx)
    # Both exchanges start with the same collective: either joins a failure.
    routine = "halo_2d" if getattr(a, "ndim", None) == 2 else "halo_1d"
    try:
        a = _output(a, "a")
        dtype = element_dtype((("a", a),))
        ghost = _size(ghost, "ghost")
        if a.ndim == 1:
            periodic = _flag(periodic, "periodic")
            pa, n, inc = vector(a, "a", writable=True)
        elif a.ndim == 2:
            if isinstance(periodic, (tuple, list)):
                if len(periodic) != 2:
                    raise InvalidArgumentError(f"periodic: expected a bool or a pair (rows, cols), got {periodic!r}")
                periodic = (_flag(periodic[0], "periodic[0]"), _flag(periodic[1], "periodic[1]"))
            else:
                periodic = (_flag(periodic, "periodic"),) * 2
            pa, rows, cols, rsa, csa = matrix(a, "a", writable=True)
        else:
            raise ShapeMismatchError(f"a: expected a 1-D or 2-D array, got {a.ndim}-D with shape {a.shape}")
    except Exception:
        join_failed(ctx, routine)
        raise
    if a.ndim == 1:
        check(_fn(dtype, "halo_1d")(ctx.ptr, n, ghost, periodic, pa, inc))
    else:
        check(_fn(dtype, "halo_2d")(ctx.ptr, rows, cols, ghost, periodic[0], periodic[1], pa, rsa, csa))
    return a
