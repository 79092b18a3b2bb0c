"""Contexts: a backend and its threads."""

import os
import threading
from typing import Any, NamedTuple, Optional

import numpy as np

from ._collective import join_failed
from ._errors import InvalidArgumentError, check
from ._ffi import ffi, lib
from ._managed import Managed

_BACKEND_NAMES = {
    lib.OXPAR_BACKEND_SERIAL: "serial",
    lib.OXPAR_BACKEND_THREADS: "threads",
    lib.OXPAR_BACKEND_OPENCL: "opencl",
    lib.OXPAR_BACKEND_MPI: "mpi",
}


class Grid(NamedTuple):
    """An MPI context's process grid: `rows x cols` ranks, this rank at
    (`row`, `col`); rank r sits at row r // cols, column r % cols."""

    rows: int
    cols: int
    row: int
    col: int



class ProfileTimes(NamedTuple):
    """The device's clock (ns) when a command was queued, started and
    ended (`Context.last_profile()`)."""

    queued_ns: int
    start_ns: int
    end_ns: int

    @property
    def duration_ns(self) -> int:
        """Time the device spent on the command: end_ns - start_ns."""
        return self.end_ns - self.start_ns

    @property
    def seconds(self) -> float:
        """duration_ns in seconds."""
        return self.duration_ns * 1e-9


_INT32 = (-(2**31), 2**31 - 1)

MAX_THREADS = lib.OXPAR_MAX_THREADS
"""The most threads a context may have: 4096 on every machine (`"threads:N"`,
`num_threads=` and OXPAR_NUM_THREADS beyond it raise InvalidArgumentError)."""


def _fortran_handle(comm) -> int:
    """The Fortran handle of a communicator: `comm.py2f()` (mpi4py), or an int."""
    if isinstance(comm, bool):
        raise TypeError("comm: expected an MPI communicator (e.g. mpi4py's MPI.COMM_WORLD) or its handle, got bool")
    if isinstance(comm, int):
        handle = comm
    elif hasattr(comm, "py2f"):
        handle = comm.py2f()
    else:
        raise TypeError(
            "comm: expected an MPI communicator with py2f() (e.g. mpi4py's MPI.COMM_WORLD) or its Fortran "
            f"handle (an int), got {type(comm).__name__}"
        )
    if not isinstance(handle, int) or not _INT32[0] <= handle <= _INT32[1]:
        raise InvalidArgumentError(f"comm: {handle!r} is not a Fortran communicator handle (a 32-bit int)")
    return handle


def _flag(value, name: str) -> bool:
    """A bool (or the ints 0 and 1, NumPy's bools too)."""
    if isinstance(value, (bool, np.bool_)) or (isinstance(value, int) and value in (0, 1)):
        return bool(value)
    raise TypeError(f"{name}: expected True or False, got {value!r}")


class Context(Managed):
    """A backend with its own threads: `Context("threads", num_threads=2)`.

    `spec` is `"serial"`, `"threads"` (thread count from OXPAR_NUM_THREADS,
    else OMP_NUM_THREADS (its first entry, as OpenMP reads "4,2"; an invalid
    value is ignored), else the CPUs this process may use), `"threads:N"`, or, when liboxpar is
    built with OpenCL, `"opencl"` (also `"opencl:gpu"`, `"opencl:cpu"`,
    `"opencl:P:D"`; see `oxpar.to_device` and `oxpar.Program` for device
    memory and kernels). Use it with `with`,
    or call `close()`; pass it to any function as `ctx=`. One context may be
    used from several Python threads at once (an MPI context's collective
    calls must come in the same order on every rank, which only one thread
    per rank, or the program's own ordering, ensures).

    When liboxpar is built with MPI, `"mpi"` / `"mpi+threads"` (each rank
    gets the node's CPUs divided by the ranks on the node), `"mpi+threads:N"`
    and `"mpi+serial"` make a context over the ranks of `comm`: an mpi4py
    communicator (anything with `py2f()`) or its Fortran handle (an int);
    without `comm`, MPI_COMM_WORLD. Creating it is collective over `comm`.
    oxpar works on its own duplicate of the communicator (freed with the
    context), initializes MPI if nobody has (and then finalizes it at exit)
    and never finalizes an MPI it did not initialize. On such a context
    array arguments are this rank's block (see `oxpar.mpi`), and `rank`,
    `size`, `grid` describe the process layout.

    `reproducible=True` switches on reproducible mode (see the
    `reproducible` property); None (the default) keeps what the environment
    variable OXPAR_REPRODUCIBLE says (`1`/`true`/`yes`/`on`; unset, `0`,
    `false`, `no`, `off`: off; any other value makes the constructor raise
    InvalidArgumentError).

    Thread counts (`"threads:N"`, `num_threads=`, OXPAR_NUM_THREADS) go from 1
    to `oxpar.MAX_THREADS` (4096, the same on every machine: eight times the
    hardware threads of a two-socket node of 256-core CPUs); a larger one
    raises InvalidArgumentError (a ValueError) naming the spec, `num_threads`
    or the variable.
    """

    _free = staticmethod(lib.oxpar_context_free)
    _what = "ctx"
    _mpi = False
    # The handle's address for the C fast path (oxpar._fast): 0 when closed,
    # and for MPI contexts, whose calls always take blas.py's path.
    _addr = 0

    def __init__(
        self,
        spec: str = "threads",
        *,
        num_threads: Optional[int] = None,
        comm: Any = None,
        reproducible: Optional[bool] = None,
        profile: Optional[bool] = None,
    ) -> None:
        if not isinstance(spec, str):
            raise TypeError(f"spec: expected a string such as 'threads' or 'serial', got {type(spec).__name__}")
        self._ptr = ffi.NULL
        out = ffi.new("oxpar_context **")
        if comm is None:
            check(lib.oxpar_context_create(spec.encode(), out))
        else:
            if not spec.strip().lower().startswith("mpi"):
                raise InvalidArgumentError(
                    f"comm: only an MPI context ('mpi', 'mpi+threads', ...) takes one, not {spec!r}"
                )
            check(lib.oxpar_context_create_mpi(spec.encode(), _fortran_handle(comm), out))
        self._ptr = out[0]
        # Routines that are collective on MPI contexts look at this before
        # raising an argument error found in Python (see _collective.py).
        self._mpi = self.backend == "mpi"
        self._addr = 0 if self._mpi else int(ffi.cast("uintptr_t", self._ptr))
        try:
            if num_threads is not None:
                self.num_threads = num_threads
            if reproducible is not None:
                self.reproducible = reproducible
            if profile is not None:
                self.profile = profile
        except BaseException:
            self.close()
            raise

    def close(self) -> None:
        """Frees the context (idempotent); using it afterwards raises
        NullPointerError (a ValueError) naming `ctx`."""
        self._addr = 0
        super().close()

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
        if n > MAX_THREADS:
            # liboxpar says the same; a count beyond size_t never gets there.
            raise InvalidArgumentError(
                f"num_threads: {n} threads is more than the {MAX_THREADS} a backend may have"
            )
        check(lib.oxpar_context_set_num_threads(self.ptr, n))

    @property
    def reproducible(self) -> bool:
        """Reproducible mode (settable; also `Context(..., reproducible=True)`
        or OXPAR_REPRODUCIBLE=1 for new contexts). When on, `dot`, `nrm2`,
        `asum` and `sum` (on arrays and on Buffers) return the exact result
        correctly rounded (to nearest, ties to even; `nrm2` the correctly
        rounded square root of the exact sum of squares): the same bits on
        every backend, for any number of threads or MPI ranks. Nothing
        overflows or underflows on the way; an exact zero is +0.0; NaN if an
        element (or a product) is NaN, if both infinities occur, or for `dot`
        if inf * 0 occurs; otherwise an infinity if one occurs. It costs more
        than the ordinary routines. It may be switched while other threads
        use the context; on an MPI context every rank must use the same mode."""
        out = ffi.new("int32_t *")
        check(lib.oxpar_context_get_reproducible(self.ptr, out))
        return bool(out[0])

    @reproducible.setter
    def reproducible(self, on: bool) -> None:
        try:
            flag = _flag(on, "reproducible")
        except TypeError:
            if self._mpi:
                # The switch is collective on an MPI context: take part with
                # a value the library rejects, so that every rank fails
                # instead of the others pairing with a later collective.
                lib.oxpar_context_set_reproducible(self.ptr, 2)
            raise
        check(lib.oxpar_context_set_reproducible(self.ptr, int(flag)))

    @property
    def backend(self) -> str:
        """`"serial"`, `"threads"`, `"opencl"` or `"mpi"`."""
        out = ffi.new("int32_t *")
        check(lib.oxpar_context_backend(self.ptr, out))
        return _BACKEND_NAMES.get(out[0], "unknown")

    def finish(self) -> None:
        """Waits until every command queued on an OpenCL context (kernel
        launches, device BLAS calls) has finished, raising a failure the
        device reported meanwhile. Host contexts finish each call before it
        returns."""
        check(lib.oxpar_context_finish(self.ptr))

    @property
    def profile(self) -> bool:
        """Whether an OpenCL context keeps the device times of its kernel
        launches and transfers (settable; also `Context("opencl",
        profile=True)`). Off by default, and then free. Read the times with
        `last_profile()`. Host contexts raise UnsupportedError."""
        out = ffi.new("int32_t *")
        check(lib.oxpar_context_profiling(self.ptr, out))
        return bool(out[0])

    @profile.setter
    def profile(self, on: bool) -> None:
        if not isinstance(on, (bool, np.bool_)):
            raise TypeError(f"profile: expected True or False, got {type(on).__name__}")
        check(lib.oxpar_context_set_profiling(self.ptr, 1 if on else 0))

    def last_profile(self) -> "ProfileTimes":
        """The device's times (ns) of the last kernel launch (built-in
        routine or user kernel) or transfer (`to_device`, `Buffer.set`,
        `Buffer.get`/`to_numpy`) on this OpenCL context, as a ProfileTimes
        `(queued_ns, start_ns, end_ns)`; its `.duration_ns` (end - start) is
        the time the device spent on it, `.seconds` the same in seconds.
        Waits for that command. Only differences of these clock values mean
        something. A routine that runs several kernels reports its last.
        Raises InvalidArgumentError if `profile` is off or nothing was
        issued since it was switched on."""
        q, t0, t1 = ffi.new("uint64_t *"), ffi.new("uint64_t *"), ffi.new("uint64_t *")
        check(lib.oxpar_context_last_profile(self.ptr, q, t0, t1))
        return ProfileTimes(int(q[0]), int(t0[0]), int(t1[0]))

    @property
    def resident_bytes(self) -> int:
        """Bytes of device memory held by this OpenCL context's Buffers that
        the driver has not released yet: a closed Buffer counts until the
        commands queued on it have completed. Host contexts raise
        UnsupportedError."""
        out = ffi.new("uint64_t *")
        check(lib.oxpar_context_resident_bytes(self.ptr, out))
        return int(out[0])

    @property
    def rank(self) -> int:
        """This process's rank in the context's communicator (0 for a
        context that is not MPI)."""
        out = ffi.new("size_t *")
        check(lib.oxpar_mpi_rank(self.ptr, out, ffi.NULL))
        return int(out[0])

    @property
    def size(self) -> int:
        """The number of ranks in the context's communicator (1 for a context
        that is not MPI)."""
        out = ffi.new("size_t *")
        check(lib.oxpar_mpi_rank(self.ptr, ffi.NULL, out))
        return int(out[0])

    @property
    def ranks_on_node(self) -> int:
        """How many ranks of the communicator share this rank's node (1 for a
        context that is not MPI)."""
        out = ffi.new("size_t *")
        check(lib.oxpar_mpi_ranks_on_node(self.ptr, out))
        return int(out[0])

    @property
    def grid(self) -> Grid:
        """The process grid `oxpar.mpi.gemm` and 2-D halo exchanges use, as
        `Grid(rows, cols, row, col)`; by default the most square one with
        rows >= cols (1 x 1 for a context that is not MPI)."""
        out = ffi.new("size_t[4]")
        check(lib.oxpar_mpi_grid(self.ptr, out, out + 1, out + 2, out + 3))
        return Grid(*(int(v) for v in out))

    def set_grid(self, rows: int, cols: int) -> None:
        """Makes the process grid `rows x cols` (collective: every rank must
        ask for the same shape, and `rows * cols` must be the number of
        ranks; otherwise every rank raises and the grid stays as it was)."""
        ptr = self.ptr
        try:
            for name, v in (("rows", rows), ("cols", cols)):
                if not isinstance(v, int) or isinstance(v, bool):
                    raise TypeError(f"{name}: expected an int, got {type(v).__name__}")
                if v < 1:
                    raise InvalidArgumentError(f"{name}: a grid needs at least 1, got {v}")
        except Exception:
            join_failed(self, "set_grid")
            raise
        check(lib.oxpar_mpi_set_grid(ptr, rows, cols))

    @property
    def comm_handle(self) -> int:
        """The Fortran handle of the context's communicator: oxpar's
        duplicate, for collectives of your own that must not mix with
        oxpar's messages (do not free it). UnsupportedError (also
        NotImplementedError) if the context is not MPI."""
        out = ffi.new("int32_t *")
        check(lib.oxpar_mpi_comm(self.ptr, out))
        return int(out[0])

    @property
    def comm(self) -> Any:
        """The context's communicator (oxpar's duplicate) as an mpi4py
        communicator (`MPI.Comm.f2py(ctx.comm_handle)`); it belongs to the
        context, which frees it: do not free it, nor use it after `close()`.
        Needs mpi4py."""
        handle = self.comm_handle
        try:
            from mpi4py import MPI
        except ImportError as e:
            raise ImportError(
                "ctx.comm needs mpi4py (pip install mpi4py); ctx.comm_handle is the Fortran handle"
            ) from e
        return MPI.Comm.f2py(handle)

    def __repr__(self) -> str:
        if self._ptr == ffi.NULL:
            return "<oxpar.Context (closed)>"
        if self._mpi:
            return (
                f"<oxpar.Context mpi rank={self.rank} size={self.size} num_threads={self.num_threads}"
                f"{' reproducible' if self.reproducible else ''}>"
            )
        return f"<oxpar.Context {self.backend} num_threads={self.num_threads}{' reproducible' if self.reproducible else ''}>"


_default = None
_default_lock = threading.Lock()


def default_context() -> Context:
    """The context functions use when given no `ctx=`: `Context("threads")`
    (OXPAR_NUM_THREADS threads, else OMP_NUM_THREADS, else the CPUs this
    process may use), created on first use (and again in a forked child,
    whose parent's threads do not exist). threadpoolctl's
    `threadpool_limits` sets its `num_threads` (see oxpar._threadpool)."""
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


def resolve(ctx: Optional[Context]) -> Context:
    """`ctx`, or the default context when it is None."""
    if ctx is None:
        return _default or default_context()
    if not isinstance(ctx, Context):
        raise TypeError(f"ctx: expected an oxpar.Context, got {type(ctx).__name__}")
    return ctx
