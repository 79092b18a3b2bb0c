"""BLAS-style operations on NumPy arrays of float32, float64, complex64 or
complex128.

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

Complex arrays (complex64, complex128) go to liboxpar's oxpar_c*/oxpar_z*
routines: `axpy`, `scal`, `copy`, `swap`, `nrm2` and `asum` (real results;
`asum` adds `|re| + |im|`, as BLAS), `sum`, `iamax` (by `|re| + |im|`),
`gemv` and `gemm` (where `trans="C"` is the conjugate transpose), and
`dotu`/`dotc`, `geru`/`gerc` and `rscal` (`dot` and `ger` are real only). A real array with a complex
one is a TypeError: oxpar never converts silently. On an MPI context complex
arrays are distributed as real ones (below): `dotu`, `dotc` and the complex
reductions are collective, and complex arrays on some ranks with real (or
the other complex type) on others raise InvalidArgumentError on every rank.
The other routines (`oxpar.symv` ...) are real only for now.

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

from ._blas_args import routine as _routine
from ._blas_args import scalar as _scalar
from ._blas_args import trans_value as _trans_value
from ._errors import InvalidArgumentError, check
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

# Each routine's argument handling comes from its row of the routine table
# (oxpar._blas_args); what stays here is each function's signature and
# docstring, its OpenCL Buffer dispatch, dot's fast path and iamax's rule for
# an empty vector. oxpar.mpi uses _scalar.
_AXPY, _SCAL, _COPY, _SWAP = (_routine(n) for n in ("axpy", "scal", "copy", "swap"))
_DOT, _GEMV, _GER, _GEMM = (_routine(n) for n in ("dot", "gemv", "ger", "gemm"))
_DOTU, _DOTC, _GERU, _GERC = (_routine(n) for n in ("dotu", "dotc", "geru", "gerc"))
_RSCAL = _routine("rscal")
_REDUCE = {n: _routine(n) for n in ("nrm2", "asum", "sum")}


def _empty(ctx, dims):
    # Checked after the collective checks, on this rank only: on MPI an empty
    # block is fine, and an all-empty vector is found by the library.
    if dims["n"] == 0 and not ctx._mpi:
        raise InvalidArgumentError("x: iamax of an empty array")


_IAMAX = _routine("iamax", _empty)

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
    return _DOT(ctx, x=x, y=y)


def dotu(x: ArrayLike, y: ArrayLike, *, ctx: Optional[Context] = None) -> complex:
    """`sum(x * y)` of two complex 1-D arrays of equal length, neither
    conjugated (BLAS's dotu; 0 when empty); like `numpy.dot(x, y)`."""
    return _DOTU(ctx, x=x, y=y)


def dotc(x: ArrayLike, y: ArrayLike, *, ctx: Optional[Context] = None) -> complex:
    """`sum(conj(x) * y)` of two complex 1-D arrays of equal length (BLAS's
    dotc; 0 when empty); like `numpy.vdot(x, y)`."""
    return _DOTC(ctx, x=x, y=y)


def geru(alpha: Scalar, x: ArrayLike, y: ArrayLike, a: Array, *, ctx: Optional[Context] = None) -> Any:
    """`a := alpha*outer(x, y) + a` in place on complex arrays, nothing
    conjugated (BLAS's geru); returns `a`."""
    return _GERU(ctx, alpha=alpha, x=x, y=y, a=a)


def gerc(alpha: Scalar, x: ArrayLike, y: ArrayLike, a: Array, *, ctx: Optional[Context] = None) -> Any:
    """`a := alpha*outer(x, conj(y)) + a` in place on complex arrays (BLAS's
    gerc); returns `a`."""
    return _GERC(ctx, alpha=alpha, x=x, y=y, a=a)


def rscal(alpha: float, x: Array, *, ctx: Optional[Context] = None) -> Any:
    """`x := alpha*x` in place for a complex array and a real `alpha`, each
    real and imaginary part scaled (BLAS's csscal/zdscal: an infinite part
    does not turn the other into NaN); returns `x`."""
    return _RSCAL(ctx, alpha=alpha, x=x)


def _reduce(x, name, ctx):
    if type(x) is not np.ndarray and isinstance(x, Buffer):
        return buffer_reduce(x, name, ctx)
    return _REDUCE[name](ctx, x=x)


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
    index = _IAMAX(ctx, x=x)
    if index == _INDEX_NONE:
        raise InvalidArgumentError("x: iamax of an empty array (every rank's block is empty)")
    return int(index)


def axpy(alpha: Scalar, x: Union[ArrayLike, Buffer], y: Union[Array, Buffer], *, ctx: Optional[Context] = None) -> Any:
    """`y := alpha*x + y` in place; returns `y`. Given two `oxpar.Buffer`s it
    is queued on their OpenCL device."""
    if isinstance(x, Buffer) or isinstance(y, Buffer):
        if all_buffers((("x", x), ("y", y))):
            return buffer_axpy(alpha, x, y, ctx)
    return _AXPY(ctx, alpha=alpha, x=x, y=y)


def scal(alpha: Scalar, x: Union[Array, Buffer], *, ctx: Optional[Context] = None) -> Any:
    """`x := alpha*x` in place; returns `x`. Given an `oxpar.Buffer` it is
    queued on its OpenCL device."""
    if type(x) is not np.ndarray and isinstance(x, Buffer):
        return buffer_scal(alpha, x, ctx)
    return _SCAL(ctx, alpha=alpha, x=x)


def copy(x: Union[ArrayLike, Buffer], y: Union[Array, Buffer], *, ctx: Optional[Context] = None) -> Any:
    """`y := x` in place; returns `y`. Given two `oxpar.Buffer`s it is queued
    on their OpenCL device."""
    if type(x) is not np.ndarray or type(y) is not np.ndarray:
        if all_buffers((("x", x), ("y", y))):
            return buffer_copy(x, y, ctx)
    return _COPY(ctx, x=x, y=y)


def swap(x: Union[Array, Buffer], y: Union[Array, Buffer], *, ctx: Optional[Context] = None) -> None:
    """Exchanges the contents of `x` and `y` in place (on their OpenCL device
    when both are `oxpar.Buffer`s)."""
    if type(x) is not np.ndarray or type(y) is not np.ndarray:
        if all_buffers((("x", x), ("y", y))):
            return buffer_swap(x, y, ctx)
    return _SWAP(ctx, x=x, y=y)


def gemv(
    a: Union[ArrayLike, Buffer],
    x: Union[ArrayLike, Buffer],
    y: Union[Array, Buffer, None] = None,
    *,
    alpha: Scalar = 1.0,
    beta: Scalar = 0.0,
    trans: Union[bool, str] = False,
    ctx: Optional[Context] = None,
) -> Any:
    """`y := alpha*op(a)@x + beta*y` with `op(a)` = `a` or `a.T` (`trans`
    True or "T"), or `a.conj().T` (`trans="C"`; for real arrays `a.T`).
    Without `y` a new array is returned (and `beta` must be 0). With
    `beta == 0`, `y` is not read. Given `oxpar.Buffer`s (all operands; `a`
    2-D) it is queued on their OpenCL device and returns a Buffer (a new one
    without `y`)."""
    if type(a) is not np.ndarray or type(x) is not np.ndarray or (y is not None and type(y) is not np.ndarray):
        if all_buffers((("a", a), ("x", x), ("y", y))):
            return buffer_gemv(a, x, y, alpha, beta, bool(_trans_value(trans, "trans")), ctx)
    return _GEMV(ctx, a=a, x=x, y=y, alpha=alpha, beta=beta, trans=trans)


def ger(alpha: Scalar, x: Union[ArrayLike, Buffer], y: Union[ArrayLike, Buffer], a: Union[Array, Buffer], *, ctx: Optional[Context] = None) -> Any:
    """`a := alpha*outer(x, y) + a` in place; returns `a`. Given
    `oxpar.Buffer`s (all operands) it is queued on their OpenCL device."""
    if type(x) is not np.ndarray or type(y) is not np.ndarray or type(a) is not np.ndarray:
        if all_buffers((("x", x), ("y", y), ("a", a))):
            return buffer_ger(alpha, x, y, a, ctx)
    return _GER(ctx, alpha=alpha, x=x, y=y, a=a)


def gemm(
    a: Union[ArrayLike, Buffer],
    b: Union[ArrayLike, Buffer],
    out: Union[Array, Buffer, None] = None,
    *,
    alpha: Scalar = 1.0,
    beta: Scalar = 0.0,
    trans_a: Union[bool, str] = False,
    trans_b: Union[bool, str] = False,
    ctx: Optional[Context] = None,
) -> Any:
    """`out := alpha*op(a)@op(b) + beta*out`, `op(x)` being `x`, `x.T`
    (True or "T") or `x.conj().T` ("C"; for real arrays `x.T`).
    Without `out` a new C-ordered array is returned (and `beta` must be 0).
    With `beta == 0`, `out` is not read (NaN in it does not come out).
    Given 2-D `oxpar.Buffer`s (all operands) it is queued on their OpenCL
    device and returns a Buffer (a new one without `out`)."""
    if isinstance(a, Buffer) or isinstance(b, Buffer) or isinstance(out, Buffer):
        if all_buffers((("a", a), ("b", b), ("out", out))):
            ta, tb = bool(_trans_value(trans_a, "trans_a")), bool(_trans_value(trans_b, "trans_b"))
            return buffer_gemm(a, b, out, alpha, beta, ta, tb, ctx)
    return _GEMM(ctx, a=a, b=b, out=out, alpha=alpha, beta=beta, trans_a=trans_a, trans_b=trans_b)
