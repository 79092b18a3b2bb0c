"""Contexts: a backend and its threads."""

import os
import threading

from ._errors import check
from ._ffi import ffi, lib
from ._managed import Managed

_BACKEND_NAMES = {
    lib.OXPAR_BACKEND_SERIAL: "serial",
    lib.OXPAR_BACKEND_THREADS: "threads",
    lib.OXPAR_BACKEND_OPENCL: "opencl",
    lib.OXPAR_BACKEND_MPI: "mpi",
}


class Context(Managed):
    """A backend with its own threads: `Context("threads", num_threads=2)`.

    `spec` is `"serial"`, `"threads"` (thread count from OXPAR_NUM_THREADS,
    else the CPUs this process may use), `"threads:N"`, or, when liboxpar is
    built with OpenCL, `"opencl"` (also `"opencl:gpu"`, `"opencl:cpu"`,
    `"opencl:P:D"`; see `oxpar.to_device` and `oxpar.Program` for device
    memory and kernels). Use it with `with`,
    or call `close()`; pass it to any function as `ctx=`. One context may be
    used from several Python threads at once.
    """

    _free = staticmethod(lib.oxpar_context_free)
    _what = "ctx"

    def __init__(self, spec: str = "threads", *, num_threads=None):
        if not isinstance(spec, str):
            raise TypeError(f"spec: expected a string such as 'threads' or 'serial', got {type(spec).__name__}")
        self._ptr = ffi.NULL
        out = ffi.new("oxpar_context **")
        check(lib.oxpar_context_create(spec.encode(), out))
        self._ptr = out[0]
        if num_threads is not None:
            try:
                self.num_threads = num_threads
            except BaseException:
                self.close()
                raise

    @property
    def num_threads(self) -> int:
        """Threads the context computes with (settable)."""
        out = ffi.new("size_t *")
        check(lib.oxpar_context_num_threads(self.ptr, out))
        return int(out[0])

    @num_threads.setter
    def num_threads(self, n: int) -> None:
        if not isinstance(n, int) or isinstance(n, bool) or n < 1:
            raise ValueError(f"num_threads: expected a positive integer, got {n!r}")
        check(lib.oxpar_context_set_num_threads(self.ptr, n))

    @property
    def backend(self) -> str:
        """`"serial"`, `"threads"` or `"opencl"`."""
        out = ffi.new("int32_t *")
        check(lib.oxpar_context_backend(self.ptr, out))
        return _BACKEND_NAMES.get(out[0], "unknown")

    def finish(self) -> None:
        """Waits until every command queued on an OpenCL context (kernel
        launches, device BLAS calls) has finished, raising a failure the
        device reported meanwhile. Host contexts finish each call before it
        returns."""
        check(lib.oxpar_context_finish(self.ptr))

    def __repr__(self) -> str:
        if self._ptr == ffi.NULL:
            return "<oxpar.Context (closed)>"
        return f"<oxpar.Context {self.backend} num_threads={self.num_threads}>"


_default = None
_default_lock = threading.Lock()


def default_context() -> Context:
    """The context functions use when given no `ctx=`: `Context("threads")`,
    created on first use (and again in a forked child, whose parent's
    threads do not exist)."""
    global _default
    ctx = _default
    if ctx is None:
        with _default_lock:
            if _default is None:
                _default = Context("threads")
            ctx = _default
    return ctx


def _forget_default_in_child() -> None:
    global _default, _default_lock
    # The parent's context is still correct in the child (it runs inline),
    # but a fresh one gets threads of its own.
    _default = None
    _default_lock = threading.Lock()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_forget_default_in_child)


def resolve(ctx) -> Context:
    """`ctx`, or the default context when it is None."""
    if ctx is None:
        return _default or default_context()
    if not isinstance(ctx, Context):
        raise TypeError(f"ctx: expected an oxpar.Context, got {type(ctx).__name__}")
    return ctx
