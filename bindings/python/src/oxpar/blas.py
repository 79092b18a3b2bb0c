"""BLAS-style operations on NumPy arrays of float32 or float64.

Every function works on strided views (slices, transposes, Fortran order)
without copying, takes `ctx=` (default: `oxpar.default_context()`), releases
the GIL while liboxpar computes, and raises `oxpar.OxparError` subclasses
(TypeError/ValueError as well) with a message naming the argument at fault.

Which arrays are accepted: arrays that are only read may have any strides,
zero included (`np.broadcast_to`) and overlapping ones
(`sliding_window_view`). An array that is written (`y`, `out`, `a` of `ger`)
must have distinct elements: every slice of a larger array qualifies, and
`InvalidStrideError` is raised only when two elements really share an
address. A written array may share memory with the arrays read; the result
is then NumPy's, as if the inputs had been copied first (oxpar copies them).
`swap`'s two arrays, both written, must not share an element unless they are
the same view.

On a context in reproducible mode (`Context(..., reproducible=True)`,
`ctx.reproducible = True` or OXPAR_REPRODUCIBLE=1) `dot`, `nrm2`, `asum` and
`sum` return the exact result correctly rounded: the same bits on every
backend and for any number of threads or MPI ranks.

Otherwise (ordinary mode) float32 `dot`, `nrm2`, `asum` and `sum` accumulate
in float64 (on an OpenCL device: when it has double precision) and round
once to float32: the result is within about one float32 ulp of the exact
value plus `n * 2**-53` times the sum of absolute values (of the products,
for `dot`), so it matches `math.fsum` far more closely than a float32
accumulator would.

On an MPI context (`oxpar.Context("mpi", comm=...)`) every vector is this
rank's block of a distributed vector: `axpy`, `scal`, `copy`, `swap` update
the local blocks, `dot`, `nrm2`, `asum`, `sum` return the value for the whole
vector on every rank and `iamax` its global index (blocks numbered in rank
order). Those five are collective: an argument error on one rank raises on every
rank (the others' message names the rank at fault). The distributed
`gemv`, `ger` and `gemm`, whose local shapes differ from the global ones,
are in `oxpar.mpi`.
"""

from typing import Any, Optional, Union

import numpy as np

from ._array import as_array, float_dtype, matrix, vector
from ._collective import join_failed
from ._errors import InvalidArgumentError, ShapeMismatchError, check
from ._ffi import ffi, lib
from ._typing import Array, ArrayLike, Scalar
from .context import Context
from .context import resolve
from .opencl import (
    Buffer,
    all_buffers,
    buffer_axpy,
    buffer_copy,
    buffer_dot,
    buffer_gemm,
    buffer_gemv,
    buffer_ger,
    buffer_iamax,
    buffer_reduce,
    buffer_scal,
    buffer_swap,
)

_PREFIX = {np.dtype(np.float32): "s", np.dtype(np.float64): "d"}
_SCALAR = {np.dtype(np.float32): "float *", np.dtype(np.float64): "double *"}


def _fn(dtype, name):
    return getattr(lib, f"oxpar_{_PREFIX[dtype]}{name}")


def _scalar(dtype, value, name):
    try:
        return ffi.new(_SCALAR[dtype], float(value))
    except (TypeError, ValueError):
        raise TypeError(f"{name}: expected a real number, got {type(value).__name__}") from None


_F32, _F64 = np.dtype(np.float32), np.dtype(np.float64)
# What oxpar_i?amax stores for an empty vector (OXPAR_INDEX_NONE, SIZE_MAX).
_INDEX_NONE = int(ffi.cast("size_t", -1))
# dtype -> (C function, buffer type, output type), looked up by identity.
_DOT_FAST = (
    (_F64, lib.oxpar_ddot, ffi.typeof("double[]"), ffi.typeof("double *")),
    (_F32, lib.oxpar_sdot, ffi.typeof("float[]"), ffi.typeof("float *")),
)


def dot(x: Union[ArrayLike, Buffer], y: Union[ArrayLike, Buffer], *, ctx: Optional[Context] = None) -> float:
    """`x . y` of two 1-D arrays of equal length (0.0 when empty). Given two
    `oxpar.Buffer`s it runs on their OpenCL device (and waits for the result).
    Correctly rounded on a context in reproducible mode (`ctx.reproducible`);
    otherwise float32 data is accumulated in float64 and rounded once (see
    the module's notes on accuracy)."""
    if type(x) is np.ndarray and type(y) is np.ndarray:
        # Contiguous arrays of one float dtype, in as few Python steps as
        # possible: this is what a small-n call costs.
        dt = x.dtype
        for fdt, fn, buf, outp in _DOT_FAST:
            if dt is fdt:
                if y.dtype is dt and x.ndim == 1 and y.ndim == 1:
                    n, size = x.shape[0], dt.itemsize
                    if x.strides[0] == size and y.strides[0] == size and y.shape[0] == n:
                        out = ffi.new(outp)
                        status = fn(resolve(ctx).ptr, n, ffi.from_buffer(buf, x, False), 1, ffi.from_buffer(buf, y, False), 1, out)
                        if status == 0:
                            return float(out[0])
                        check(status)
                break
    elif isinstance(x, Buffer) or isinstance(y, Buffer):
        if all_buffers((("x", x), ("y", y))):
            return buffer_dot(x, y, ctx)
    ctx = resolve(ctx)
    try:
        x, y = as_array(x, "x"), as_array(y, "y")
        dtype = float_dtype((("x", x), ("y", y)))
        px, n, incx = vector(x, "x")
        py, ny, incy = vector(y, "y")
        if n != ny:
            raise ShapeMismatchError(f"y: has {ny} elements but x has {n}")
    except Exception:
        join_failed(ctx, "dot")  # collective on MPI: the other ranks raise too
        raise
    out = ffi.new(_SCALAR[dtype])
    check(_fn(dtype, "dot")(ctx.ptr, n, px, incx, py, incy, out))
    return float(out[0])


def _reduce(x, name, ctx):
    if type(x) is not np.ndarray and isinstance(x, Buffer):
        return buffer_reduce(x, name, ctx)
    ctx = resolve(ctx)
    try:
        x = as_array(x, "x")
        dtype = float_dtype((("x", x),))
        px, n, incx = vector(x, "x")
    except Exception:
        join_failed(ctx, name)
        raise
    out = ffi.new(_SCALAR[dtype])
    check(_fn(dtype, name)(ctx.ptr, n, px, incx, out))
    return float(out[0])


def nrm2(x: Union[ArrayLike, Buffer], *, ctx: Optional[Context] = None) -> float:
    """The Euclidean norm of a 1-D array, without overflow or underflow; NaN
    if any element is NaN. Given an `oxpar.Buffer` it runs on its OpenCL
    device (and waits for the result). float32 data is accumulated in
    float64 and rounded once (see the module's notes on accuracy)."""
    return _reduce(x, "nrm2", ctx)


def asum(x: Union[ArrayLike, Buffer], *, ctx: Optional[Context] = None) -> float:
    """The sum of the absolute values of a 1-D array (or `oxpar.Buffer`, on
    its OpenCL device). float32 data is accumulated in float64 and rounded
    once (see the module's notes on accuracy)."""
    return _reduce(x, "asum", ctx)


def sum(x: Union[ArrayLike, Buffer], *, ctx: Optional[Context] = None) -> float:  # noqa: A001 (oxpar.sum, like numpy.sum)
    """The sum of the elements of a 1-D array (or `oxpar.Buffer`, on its
    OpenCL device); 0.0 when empty. The ordinary sum's last bits depend on
    the backend and its number of threads; on a context in reproducible mode
    (`ctx.reproducible = True`) it is the exact sum correctly rounded, the
    same everywhere. Otherwise float32 data is accumulated in float64 and
    rounded once (see the module's notes on accuracy)."""
    return _reduce(x, "sum", ctx)


def iamax(x: Union[ArrayLike, Buffer], *, ctx: Optional[Context] = None) -> int:
    """The index of the first element of largest absolute value (the first
    NaN if there is one), like `numpy.argmax(numpy.abs(x))`. Raises
    ValueError for an empty array. Given an `oxpar.Buffer` it runs on its
    OpenCL device (and waits for the result). On an MPI context, the global
    index over every rank's block (an empty block is fine; ValueError on
    every rank when all are empty)."""
    if type(x) is not np.ndarray and isinstance(x, Buffer):
        return buffer_iamax(x, ctx)
    ctx = resolve(ctx)
    try:
        x = as_array(x, "x")
        dtype = float_dtype((("x", x),))
        px, n, incx = vector(x, "x")
    except Exception:
        join_failed(ctx, "iamax")
        raise
    if n == 0 and not ctx._mpi:
        raise InvalidArgumentError("x: iamax of an empty array")
    out = ffi.new("size_t *")
    check(getattr(lib, f"oxpar_i{_PREFIX[dtype]}amax")(ctx.ptr, n, px, incx, out))
    if out[0] == _INDEX_NONE:
        raise InvalidArgumentError("x: iamax of an empty array (every rank's block is empty)")
    return int(out[0])


def axpy(alpha: Scalar, x: Union[ArrayLike, Buffer], y: Union[Array, Buffer], *, ctx: Optional[Context] = None) -> Any:
    """`y := alpha*x + y` in place; returns `y`. Given two `oxpar.Buffer`s it
    is queued on their OpenCL device."""
    if isinstance(x, Buffer) or isinstance(y, Buffer):
        if all_buffers((("x", x), ("y", y))):
            return buffer_axpy(alpha, x, y, ctx)
    x = as_array(x, "x")
    if not isinstance(y, np.ndarray):
        raise TypeError("y: must be a NumPy array (it is updated in place)")
    dtype = float_dtype((("x", x), ("y", y)))
    px, n, incx = vector(x, "x")
    py, ny, incy = vector(y, "y", writable=True)
    if n != ny:
        raise ShapeMismatchError(f"y: has {ny} elements but x has {n}")
    check(_fn(dtype, "axpy")(resolve(ctx).ptr, n, _scalar(dtype, alpha, "alpha"), px, incx, py, incy))
    return y


def scal(alpha: Scalar, x: Union[Array, Buffer], *, ctx: Optional[Context] = None) -> Any:
    """`x := alpha*x` in place; returns `x`. Given an `oxpar.Buffer` it is
    queued on its OpenCL device."""
    if type(x) is not np.ndarray and isinstance(x, Buffer):
        return buffer_scal(alpha, x, ctx)
    if not isinstance(x, np.ndarray):
        raise TypeError("x: must be a NumPy array (it is updated in place)")
    dtype = float_dtype((("x", x),))
    px, n, incx = vector(x, "x", writable=True)
    check(_fn(dtype, "scal")(resolve(ctx).ptr, n, _scalar(dtype, alpha, "alpha"), px, incx))
    return x


def copy(x: Union[ArrayLike, Buffer], y: Union[Array, Buffer], *, ctx: Optional[Context] = None) -> Any:
    """`y := x` in place; returns `y`. Given two `oxpar.Buffer`s it is queued
    on their OpenCL device."""
    if type(x) is not np.ndarray or type(y) is not np.ndarray:
        if all_buffers((("x", x), ("y", y))):
            return buffer_copy(x, y, ctx)
    x = as_array(x, "x")
    if not isinstance(y, np.ndarray):
        raise TypeError("y: must be a NumPy array (it is written in place)")
    dtype = float_dtype((("x", x), ("y", y)))
    px, n, incx = vector(x, "x")
    py, ny, incy = vector(y, "y", writable=True)
    if n != ny:
        raise ShapeMismatchError(f"y: has {ny} elements but x has {n}")
    check(_fn(dtype, "copy")(resolve(ctx).ptr, n, px, incx, py, incy))
    return y


def swap(x: Union[Array, Buffer], y: Union[Array, Buffer], *, ctx: Optional[Context] = None) -> None:
    """Exchanges the contents of `x` and `y` in place (on their OpenCL device
    when both are `oxpar.Buffer`s)."""
    if type(x) is not np.ndarray or type(y) is not np.ndarray:
        if all_buffers((("x", x), ("y", y))):
            return buffer_swap(x, y, ctx)
    for name, a in (("x", x), ("y", y)):
        if not isinstance(a, np.ndarray):
            raise TypeError(f"{name}: must be a NumPy array (it is written in place)")
    dtype = float_dtype((("x", x), ("y", y)))
    px, n, incx = vector(x, "x", writable=True)
    py, ny, incy = vector(y, "y", writable=True)
    if n != ny:
        raise ShapeMismatchError(f"y: has {ny} elements but x has {n}")
    check(_fn(dtype, "swap")(resolve(ctx).ptr, n, px, incx, py, incy))


def gemv(
    a: Union[ArrayLike, Buffer],
    x: Union[ArrayLike, Buffer],
    y: Union[Array, Buffer, None] = None,
    *,
    alpha: Scalar = 1.0,
    beta: Scalar = 0.0,
    trans: bool = False,
    ctx: Optional[Context] = None,
) -> Any:
    """`y := alpha*op(a)@x + beta*y` with `op(a)` = `a` or `a.T` (`trans`).
    Without `y` a new array is returned (and `beta` must be 0). With
    `beta == 0`, `y` is not read. Given `oxpar.Buffer`s (all operands; `a`
    2-D) it is queued on their OpenCL device and returns a Buffer (a new one
    without `y`)."""
    if type(a) is not np.ndarray or type(x) is not np.ndarray or (y is not None and type(y) is not np.ndarray):
        if all_buffers((("a", a), ("x", x), ("y", y))):
            return buffer_gemv(a, x, y, alpha, beta, trans, ctx)
    ctx = resolve(ctx)
    try:
        a, x = as_array(a, "a"), as_array(x, "x")
        arrays = [("a", a), ("x", x)]
        if y is not None:
            if not isinstance(y, np.ndarray):
                raise TypeError("y: must be a NumPy array (it is written in place)")
            arrays.append(("y", y))
        dtype = float_dtype(arrays)
        pa, m, n, rsa, csa = matrix(a, "a")
        rows, cols = (n, m) if trans else (m, n)
        px, nx, incx = vector(x, "x")
        if nx != cols:
            raise ShapeMismatchError(f"x: has {nx} elements but op(a) has {cols} columns")
        if y is None:
            if beta != 0:
                raise InvalidArgumentError("beta: must be 0 when no y is given (there is nothing to scale)")
            y = np.empty(rows, dtype=dtype)
        py, ny, incy = vector(y, "y", writable=True)
        if ny != rows:
            raise ShapeMismatchError(f"y: has {ny} elements but op(a) has {rows} rows")
        alpha_p, beta_p = _scalar(dtype, alpha, "alpha"), _scalar(dtype, beta, "beta")
    except Exception:
        join_failed(ctx, "gemv")  # collective on MPI: the other ranks raise too
        raise
    t = lib.OXPAR_TRANS_YES if trans else lib.OXPAR_TRANS_NO
    check(_fn(dtype, "gemv")(ctx.ptr, t, m, n, alpha_p, pa, rsa, csa, px, incx, beta_p, py, incy))
    return y


def ger(alpha: Scalar, x: Union[ArrayLike, Buffer], y: Union[ArrayLike, Buffer], a: Union[Array, Buffer], *, ctx: Optional[Context] = None) -> Any:
    """`a := alpha*outer(x, y) + a` in place; returns `a`. Given
    `oxpar.Buffer`s (all operands) it is queued on their OpenCL device."""
    if type(x) is not np.ndarray or type(y) is not np.ndarray or type(a) is not np.ndarray:
        if all_buffers((("x", x), ("y", y), ("a", a))):
            return buffer_ger(alpha, x, y, a, ctx)
    ctx = resolve(ctx)
    try:
        x, y = as_array(x, "x"), as_array(y, "y")
        if not isinstance(a, np.ndarray):
            raise TypeError("a: must be a NumPy array (it is updated in place)")
        dtype = float_dtype((("x", x), ("y", y), ("a", a)))
        px, m, incx = vector(x, "x")
        py, n, incy = vector(y, "y")
        pa, am, an, rsa, csa = matrix(a, "a", writable=True)
        if (am, an) != (m, n):
            raise ShapeMismatchError(f"a: has shape {(am, an)} but outer(x, y) has shape {(m, n)}")
        alpha_p = _scalar(dtype, alpha, "alpha")
    except Exception:
        join_failed(ctx, "ger")  # collective on MPI: the other ranks raise too
        raise
    check(_fn(dtype, "ger")(ctx.ptr, m, n, alpha_p, px, incx, py, incy, pa, rsa, csa))
    return a


def gemm(
    a: Union[ArrayLike, Buffer],
    b: Union[ArrayLike, Buffer],
    out: Union[Array, Buffer, None] = None,
    *,
    alpha: Scalar = 1.0,
    beta: Scalar = 0.0,
    trans_a: bool = False,
    trans_b: bool = False,
    ctx: Optional[Context] = None,
) -> Any:
    """`out := alpha*op(a)@op(b) + beta*out`, `op(x)` being `x` or `x.T`.
    Without `out` a new C-ordered array is returned (and `beta` must be 0).
    With `beta == 0`, `out` is not read (NaN in it does not come out).
    Given 2-D `oxpar.Buffer`s (all operands) it is queued on their OpenCL
    device and returns a Buffer (a new one without `out`)."""
    if isinstance(a, Buffer) or isinstance(b, Buffer) or isinstance(out, Buffer):
        if all_buffers((("a", a), ("b", b), ("out", out))):
            return buffer_gemm(a, b, out, alpha, beta, trans_a, trans_b, ctx)
    ctx = resolve(ctx)
    try:
        a, b = as_array(a, "a"), as_array(b, "b")
        arrays = [("a", a), ("b", b)]
        if out is not None:
            if not isinstance(out, np.ndarray):
                raise TypeError("out: must be a NumPy array (it is written in place)")
            arrays.append(("out", out))
        dtype = float_dtype(arrays)
        pa, am, an, rsa, csa = matrix(a, "a")
        pb, bm, bn, rsb, csb = matrix(b, "b")
        m, k = (an, am) if trans_a else (am, an)
        kb, n = (bn, bm) if trans_b else (bm, bn)
        if k != kb:
            raise ShapeMismatchError(f"b: op(a) is {m}x{k} but op(b) is {kb}x{n} (inner dimensions differ)")
        if out is None:
            if beta != 0:
                raise InvalidArgumentError("beta: must be 0 when no out is given (there is nothing to scale)")
            out = np.empty((m, n), dtype=dtype)
        pc, cm, cn, rsc, csc = matrix(out, "out", writable=True)
        if (cm, cn) != (m, n):
            raise ShapeMismatchError(f"out: has shape {(cm, cn)} but op(a)@op(b) has shape {(m, n)}")
        alpha_p, beta_p = _scalar(dtype, alpha, "alpha"), _scalar(dtype, beta, "beta")
    except Exception:
        join_failed(ctx, "gemm")  # collective on MPI: the other ranks raise too
        raise
    ta = lib.OXPAR_TRANS_YES if trans_a else lib.OXPAR_TRANS_NO
    tb = lib.OXPAR_TRANS_YES if trans_b else lib.OXPAR_TRANS_NO
    check(
        _fn(dtype, "gemm")(
            ctx.ptr, ta, tb, m, n, k, alpha_p, pa, rsa, csa, pb, rsb, csb, beta_p, pc, rsc, csc
        ),
        _GEMM_NAMES,
    )
    return out


# The C arguments of `oxpar_?gemm` that `oxpar.gemm` names otherwise.
_GEMM_NAMES = {"c": "out", "rsc": "out's row stride", "csc": "out's column stride"}
