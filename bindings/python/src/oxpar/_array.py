"""NumPy arrays in: dtype, shape, writability and strides checked, pointers out.

Nothing is ever copied or converted silently: an array of the wrong dtype is
a TypeError, a read-only output a ValueError, each naming the argument.
"""

import numpy as np

from ._errors import InvalidArgumentError, InvalidStrideError, OxparTypeError, ShapeMismatchError
from ._ffi import ffi

_REAL_TYPES = {np.dtype(np.float32): "float *", np.dtype(np.float64): "double *"}
# complex64/complex128 are liboxpar's oxpar_c32/oxpar_c64 (two floats/doubles,
# real part first), which the routines of oxpar.blas take too.
_C_TYPES = {**_REAL_TYPES, np.dtype(np.complex64): "oxpar_c32 *", np.dtype(np.complex128): "oxpar_c64 *"}
# Type objects, not strings: cffi skips parsing (measurably cheaper per call).
_BUFFER_TYPES = {
    np.dtype(np.float32): ffi.typeof("float[]"),
    np.dtype(np.float64): ffi.typeof("double[]"),
    np.dtype(np.complex64): ffi.typeof("oxpar_c32[]"),
    np.dtype(np.complex128): ffi.typeof("oxpar_c64[]"),
}


def as_array(x, name: str) -> np.ndarray:
    """`x` as an ndarray (sequences are converted; arrays are taken as they are)."""
    return x if isinstance(x, np.ndarray) else np.asarray(x)


def float_dtype(arrays) -> np.dtype:
    """The common dtype of `(name, array)` pairs: float32 or float64, all equal."""
    return _common_dtype(arrays, _REAL_TYPES, "float32 or float64")


def element_dtype(arrays) -> np.dtype:
    """The common dtype of `(name, array)` pairs: float32, float64, complex64
    or complex128, all equal (a real array with a complex one is a TypeError:
    oxpar never converts silently)."""
    return _common_dtype(arrays, _C_TYPES, "float32, float64, complex64 or complex128")


def _common_dtype(arrays, types, allowed) -> np.dtype:
    if len(arrays) == 2:
        # The common case, without the loop.
        (_, a), (_, b) = arrays
        if a.dtype is b.dtype and a.dtype in types:
            return a.dtype
    dtype = None
    first = None
    for name, a in arrays:
        if a.dtype not in types:
            raise OxparTypeError(f"{name}: dtype {a.dtype} is not supported (use {allowed})")
        if dtype is None:
            dtype, first = a.dtype, name
        elif a.dtype != dtype:
            raise OxparTypeError(f"{name}: dtype {a.dtype} differs from {first}'s {dtype} (oxpar never converts silently)")
    return dtype


def _pointer(a: np.ndarray, writable: bool):
    ctype = _C_TYPES[a.dtype]
    if a.flags.c_contiguous:
        # The fast path: cffi holds a buffer view of the array for the call.
        return ffi.from_buffer(_BUFFER_TYPES[a.dtype], a, writable)
    return ffi.cast(ctype, a.__array_interface__["data"][0])


def _element_strides(a: np.ndarray, name: str):
    size = a.itemsize
    out = []
    for s in a.strides:
        if s % size:
            raise InvalidStrideError(f"{name}: stride of {s} bytes is not a multiple of the item size {size}")
        out.append(s // size)
    return out


def vector(x: np.ndarray, name: str, writable: bool = False):
    """`(pointer, n, inc)` of a 1-D array."""
    if x.ndim != 1:
        raise ShapeMismatchError(f"{name}: expected a 1-D array, got {x.ndim}-D with shape {x.shape}")
    if writable and not x.flags.writeable:
        raise InvalidArgumentError(f"{name}: the array is read-only but is written")
    stride, size = x.strides[0], x.itemsize
    if stride == size:
        # Contiguous: cffi's buffer view is the cheapest way to the pointer
        # (positional arguments: keywords cost as much as the call itself).
        return ffi.from_buffer(_BUFFER_TYPES[x.dtype], x, writable), x.shape[0], 1
    if stride % size:
        raise InvalidStrideError(f"{name}: stride of {stride} bytes is not a multiple of the item size {size}")
    return ffi.cast(_C_TYPES[x.dtype], x.__array_interface__["data"][0]), x.shape[0], stride // size


def matrix(a: np.ndarray, name: str, writable: bool = False):
    """`(pointer, rows, cols, row stride, col stride)` of a 2-D array."""
    if a.ndim != 2:
        raise ShapeMismatchError(f"{name}: expected a 2-D array, got {a.ndim}-D with shape {a.shape}")
    if writable and not a.flags.writeable:
        raise InvalidArgumentError(f"{name}: the array is read-only but is written")
    rs, cs = _element_strides(a, name)
    return _pointer(a, writable), a.shape[0], a.shape[1], rs, cs
