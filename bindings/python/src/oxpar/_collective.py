"""Argument errors found in Python on one MPI rank, made errors on every rank.

On an MPI context the reductions (`dot`, `dotu`, `dotc`, `nrm2`, `asum`, `sum`,
`iamax`, for real and complex arrays alike) and the routines of `oxpar.mpi` are collective: every rank must enter them. liboxpar
turns an argument one rank rejects into an error on every rank (the others'
message names that rank) instead of a deadlock. An argument that Python
rejects before liboxpar is called (a wrong dtype, a length that does not
match, a read-only output) must do the same: `join_failed`, called while
that exception is being handled, passes it to `oxpar_context_reject`, which
takes part in the routine's first collective as a failing rank with the
exception's kind and message; the caller then raises its own exception.
"""

import sys

from ._ffi import lib

_ROUTINES = {
    "dot": lib.OXPAR_ROUTINE_DOT,
    "dotu": lib.OXPAR_ROUTINE_DOT,
    "dotc": lib.OXPAR_ROUTINE_DOT,
    "nrm2": lib.OXPAR_ROUTINE_NRM2,
    "asum": lib.OXPAR_ROUTINE_ASUM,
    "sum": lib.OXPAR_ROUTINE_SUM,
    "iamax": lib.OXPAR_ROUTINE_IAMAX,
    "gemv": lib.OXPAR_ROUTINE_GEMV,
    "ger": lib.OXPAR_ROUTINE_GER,
    "geru": lib.OXPAR_ROUTINE_GER,
    "gerc": lib.OXPAR_ROUTINE_GER,
    "gemm": lib.OXPAR_ROUTINE_GEMM,
    "halo_1d": lib.OXPAR_ROUTINE_HALO,
    "halo_2d": lib.OXPAR_ROUTINE_HALO,
    "set_grid": lib.OXPAR_ROUTINE_SET_GRID,
}

# The status of an exception that is not one of oxpar's (a TypeError from a
# conversion, say): an invalid argument.
_INVALID_ARGUMENT = 101


def join_failed(ctx, routine: str) -> None:
    """If `ctx` is an open MPI context, takes part in `routine` as a rank that
    rejected its arguments with the exception being handled (so every other
    rank raises too, with its kind); otherwise does nothing. The status
    liboxpar returns here is ignored: the caller raises the error Python
    found."""
    if getattr(ctx, "_mpi", False) and not ctx.closed:
        exc = sys.exc_info()[1]
        code = getattr(exc, "code", -1)
        status = code if isinstance(code, int) and code > 0 else _INVALID_ARGUMENT
        message = str(exc).encode("utf-8", "replace") if exc is not None else b"rejected"
        lib.oxpar_context_reject(ctx.ptr, _ROUTINES[routine], status, message)
