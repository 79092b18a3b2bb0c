"""Argument errors found in Python on one MPI rank, made errors on every rank.

On an MPI context the reductions (`dot`, `nrm2`, `asum`, `sum`, `iamax`) and the
routines of `oxpar.mpi` are collective: every rank must enter them. liboxpar
turns an argument one rank rejects into an error on every rank (the others'
message names that rank) instead of a deadlock. An argument that Python
rejects before liboxpar is called (a wrong dtype, a length that does not
match, a read-only output) must do the same: `join_failed` calls the routine
with an argument liboxpar rejects (a NULL scalar or output), so this rank
takes part in the routine's first collective as a failing rank; the caller
then raises its own, more precise, exception.
"""

from ._ffi import ffi, lib

_NULL = ffi.NULL


def _dot(p):
    return lib.oxpar_ddot(p, 0, _NULL, 1, _NULL, 1, _NULL)


def _nrm2(p):
    return lib.oxpar_dnrm2(p, 0, _NULL, 1, _NULL)


def _asum(p):
    return lib.oxpar_dasum(p, 0, _NULL, 1, _NULL)


def _sum(p):
    return lib.oxpar_dsum(p, 0, _NULL, 1, _NULL)


def _iamax(p):
    return lib.oxpar_idamax(p, 0, _NULL, 1, _NULL)


def _gemv(p):
    return lib.oxpar_mpi_dgemv(p, 0, 0, 0, _NULL, _NULL, 1, 1, _NULL, 1, _NULL, _NULL, 1)


def _ger(p):
    return lib.oxpar_mpi_dger(p, 0, 0, 0, _NULL, _NULL, 1, _NULL, 1, _NULL, 1, 1)


def _gemm(p):
    no = lib.OXPAR_TRANS_NO
    return lib.oxpar_mpi_dgemm(p, no, no, 0, 0, 0, 0, _NULL, _NULL, 1, 1, _NULL, 1, 1, _NULL, _NULL, 1, 1)


def _halo_1d(p):
    # One element at NULL: rejected after the context check, inside the exchange.
    return lib.oxpar_mpi_dhalo_1d(p, 1, 0, False, _NULL, 1)


def _halo_2d(p):
    return lib.oxpar_mpi_dhalo_2d(p, 1, 1, 0, False, False, _NULL, 1, 1)


def _set_grid(p):
    # 0 x 0 is never a grid: rejected by this rank inside the agreement.
    return lib.oxpar_mpi_set_grid(p, 0, 0)


_REJECT = {
    "dot": _dot,
    "nrm2": _nrm2,
    "asum": _asum,
    "sum": _sum,
    "iamax": _iamax,
    "gemv": _gemv,
    "ger": _ger,
    "gemm": _gemm,
    "halo_1d": _halo_1d,
    "halo_2d": _halo_2d,
    "set_grid": _set_grid,
}


def join_failed(ctx, routine: str) -> None:
    """If `ctx` is an open MPI context, takes part in `routine` as a rank that
    rejected its arguments (so every other rank raises too); otherwise does
    nothing. The status liboxpar returns here is ignored: the caller raises
    the error Python found."""
    if getattr(ctx, "_mpi", False) and not ctx.closed:
        _REJECT[routine](ctx.ptr)
