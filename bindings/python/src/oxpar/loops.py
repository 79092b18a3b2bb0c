"""Parallel loops over compiled kernels, without the GIL."""

import ctypes
from typing import Any, Optional

import numpy as np

from ._errors import InvalidArgumentError, check
from ._ffi import ffi, lib
from .context import Context
from .context import resolve

_SCHEDULES = {
    "static": lib.OXPAR_SCHEDULE_STATIC,
    "dynamic": lib.OXPAR_SCHEDULE_DYNAMIC,
    "guided": lib.OXPAR_SCHEDULE_GUIDED,
}

_NOT_COMPILED = (
    "kernel: a Python function cannot run on oxpar's threads (it would need the GIL); "
    "compile it with numba: @numba.cfunc('void(uintp, uintp, voidptr)') and pass the result, "
    "or pass the address of any C function void(size_t begin, size_t end, void *data)"
)


def _address(kernel) -> int:
    """The address of a C function `void (size_t, size_t, void *)`."""
    if isinstance(kernel, bool):
        raise TypeError(_NOT_COMPILED)
    if isinstance(kernel, int):
        if kernel == 0:
            raise InvalidArgumentError("kernel: address 0 is not a function")
        return kernel
    address = getattr(kernel, "address", None)  # numba's CFunc
    if isinstance(address, int):
        return address
    if isinstance(kernel, ctypes._CFuncPtr):
        return ctypes.cast(kernel, ctypes.c_void_p).value
    if isinstance(kernel, ffi.CData):
        return int(ffi.cast("uintptr_t", kernel))
    raise TypeError(_NOT_COMPILED)


def _data_pointer(data):
    if data is None:
        return ffi.NULL, None
    if isinstance(data, np.ndarray):
        return ffi.cast("void *", data.__array_interface__["data"][0]), data
    if isinstance(data, int):
        return ffi.cast("void *", data), None
    raise TypeError(f"data: expected None, a NumPy array or an address, got {type(data).__name__}")


def parallel_for(
    n: int,
    kernel: Any,
    *,
    data: Any = None,
    schedule: str = "static",
    chunk: Optional[int] = None,
    ctx: Optional[Context] = None,
) -> None:
    """Runs `kernel(begin, end, data)` over sub-ranges covering `range(n)` on
    the context's threads, without the GIL, and returns when all are done.

    `kernel` is a compiled C-callable function `void(size_t, size_t, void*)`:
    a Numba `@cfunc("void(uintp, uintp, voidptr)")`, a ctypes or cffi function
    pointer, or an integer address. `data` is passed as the `void*`: None, a
    NumPy array (its data pointer; use `numba.carray` to view it) or an
    address. `schedule` is "static", "dynamic" or "guided" (OpenMP's
    meanings) with block size `chunk` (None: one block per thread for static,
    1 otherwise).
    """
    if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or n < 0:
        raise InvalidArgumentError(f"n: expected a non-negative integer, got {n!r}")
    if schedule not in _SCHEDULES:
        raise InvalidArgumentError(f"schedule: {schedule!r} is not one of 'static', 'dynamic', 'guided'")
    if chunk is not None and (isinstance(chunk, bool) or not isinstance(chunk, (int, np.integer)) or chunk < 1):
        raise InvalidArgumentError(f"chunk: expected a positive integer or None, got {chunk!r}")
    fn = ffi.cast("oxpar_range_fn", _address(kernel))
    pointer, keep_alive = _data_pointer(data)
    check(lib.oxpar_parallel_for(resolve(ctx).ptr, 0, int(n), _SCHEDULES[schedule], int(chunk or 0), fn, pointer))
    del keep_alive
