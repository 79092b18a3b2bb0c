"""oxpar: parallel BLAS-style kernels and parallel loops on NumPy arrays.

    >>> import numpy as np, oxpar
    >>> a = np.arange(6.0).reshape(2, 3)
    >>> oxpar.gemm(a, a.T)
    array([[ 5., 14.],
           [14., 50.]])
    >>> oxpar.dot(np.ones(3), np.arange(3.0))
    3.0

Arrays are used in place (any strides, C or Fortran order, no copies); the
GIL is released while liboxpar computes on its own threads; errors are
`oxpar.OxparError` subclasses that are also TypeError/ValueError/... as a
Python programmer expects.

On an OpenCL context (`oxpar.Context("opencl")`), `oxpar.to_device` keeps
arrays in device memory (`oxpar.Buffer`), `dot`/`axpy`/`gemm` run on Buffers
without copies, and `oxpar.Program` builds user kernels (see `oxpar.opencl`).

On an MPI context (`oxpar.Context("mpi+threads", comm=MPI.COMM_WORLD)`, when
liboxpar is built with MPI) arrays are this rank's block: `dot`, `nrm2`,
`asum`, `sum`, `iamax` give global results on every rank, and `oxpar.mpi` has the
distributed `gemv`, `ger`, `gemm` and `halo_exchange` (see `oxpar.mpi`).

`oxpar.Context(..., reproducible=True)` (or OXPAR_REPRODUCIBLE=1) makes
`dot`, `nrm2`, `asum` and `sum` correctly rounded: the same bits on every
backend and for any number of threads or MPI ranks.

The symmetric and triangular routines (`symv`, `trsm`, ...: the routines of
the routine table, listed in `oxpar._structured.__all__`) take SciPy-style
keywords (`lower=`, `trans=`, `unit_diagonal=`, `side=`) and work in place
like BLAS; see `oxpar._structured`.

`oxpar.linalg` solves linear systems with SciPy's names (`solve`,
`lu_factor`/`lu_solve`, `cholesky`, `cho_factor`/`cho_solve`) and NumPy's
(`inv`, `det`, `slogdet`), on single matrices or stacks `(..., M, M)`; its
numerical failures are `oxpar.LinAlgError`, a `numpy.linalg.LinAlgError` too.

`oxpar.farm(fn, ntasks)` runs many independent Python tasks `fn(i)` over a
context's threads or an MPI context's ranks, with retries, checkpoints and
progress, and returns an `oxpar.FarmReport` (see `oxpar.farm`'s module).

Threads: the default context (functions called without `ctx=`) takes
OXPAR_NUM_THREADS, else OMP_NUM_THREADS (its first entry, as OpenMP reads
it; an invalid value is ignored), else the CPUs this process may use, so
joblib's and Dask's workers, which set OMP_NUM_THREADS, are not
oversubscribed. With threadpoolctl installed, `threadpool_info()` lists it
(user_api "blas", internal_api "oxpar") and `threadpool_limits(n)` limits it.
`oxpar.show_config()` (and `python -m oxpar info`) shows the thread count and
where it came from, with what `oxpar info` shows.
"""

from typing import TYPE_CHECKING

from ._errors import (
    BackendUnavailableError,
    CommunicationError,
    DeviceError,
    InternalError,
    InvalidArgumentError,
    InvalidStrideError,
    LinAlgError,
    NoConvergenceError,
    NotPositiveDefiniteError,
    NullPointerError,
    OutOfMemoryError,
    OxparError,
    OxparTypeError,
    ShapeMismatchError,
    SingularMatrixError,
    UnsupportedError,
)
from ._ffi import ffi as _ffi
from ._ffi import lib as _lib
from .blas import asum, axpy, copy, dot, dotc, dotu, gemm, gemv, ger, gerc, geru, iamax, nrm2, rscal, scal, sum, swap

if not TYPE_CHECKING:
    # The same functions with their common call in C (blas.py's signatures,
    # docstrings and errors; see _fastpath.py).
    from ._fastpath import asum, axpy, dot, gemm, gemv, nrm2, scal  # noqa: F811
from . import _structured
from ._structured import *  # noqa: F401,F403 (the routines of the routine table)
from . import linalg, mpi
from .context import MAX_THREADS, Context, Grid, ProfileTimes, default_context
from .farm import FarmError, FarmReport, Progress, TaskState, farm
from .loops import parallel_for
from .mpi import block_range
from .opencl import Buffer, Kernel, LocalMemory, Program, empty_device, to_device, zeros_device
from ._config import info_text, show_config
from . import _threadpool  # noqa: F401 (registers oxpar with threadpoolctl, when installed)

__version__ = _ffi.string(_lib.oxpar_version()).decode()
ABI_VERSION = _lib.OXPAR_ABI_VERSION

__all__ = [
    "Context", "ProfileTimes", "default_context", "dot", "dotu", "dotc", "nrm2", "asum", "sum", "iamax", "axpy", "scal", "copy", "swap",
    "gemv", "ger", "geru", "gerc", "rscal", "gemm", "parallel_for", "farm", "FarmReport", "FarmError", "Progress", "TaskState",
    "Buffer", "to_device", "empty_device", "zeros_device",
    "Program", "Kernel", "LocalMemory", "mpi", "block_range", "Grid", "OxparError", "OxparTypeError",
    "InvalidArgumentError", "NullPointerError", "ShapeMismatchError", "InvalidStrideError", "UnsupportedError",
    "BackendUnavailableError", "DeviceError", "OutOfMemoryError", "CommunicationError", "InternalError",
    "LinAlgError", "SingularMatrixError", "NotPositiveDefiniteError", "NoConvergenceError",
    "linalg",
    "MAX_THREADS", "show_config", "info_text",
]
__all__ += _structured.__all__
