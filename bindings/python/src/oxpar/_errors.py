"""Exceptions: one class per status code, each also a built-in exception.

`except oxpar.OxparError` catches everything oxpar raises; `except ValueError`
(or TypeError, RuntimeError, MemoryError) catches what Python programmers
expect for that kind of mistake.
"""

import builtins
import re

import numpy.linalg

from ._ffi import ffi, lib


class OxparError(Exception):
    """Base class of every oxpar error. `code` is the C status (or -1)."""

    code = -1


class OxparTypeError(OxparError, builtins.TypeError):
    """An array of an unsupported dtype, or arrays of different dtypes."""


class InvalidArgumentError(OxparError, builtins.ValueError):
    """An argument with a value the routine does not accept."""

    code = 101


class NullPointerError(InvalidArgumentError):
    """A required object is missing (a closed context, an absent output)."""

    code = 100


class ShapeMismatchError(InvalidArgumentError):
    """Operand shapes do not agree."""

    code = 102


class InvalidStrideError(InvalidArgumentError):
    """A stride that is not a multiple of the item size, or an array that is
    written whose elements share an address (a zero stride, a leading
    dimension too small)."""

    code = 103


class UnsupportedError(OxparError, builtins.NotImplementedError):
    """Valid, but not offered by this backend or build."""

    code = 104


class BackendUnavailableError(OxparError, builtins.RuntimeError):
    """The requested backend is not compiled in or cannot start."""

    code = 200


class DeviceError(OxparError, builtins.RuntimeError):
    """An accelerator reported an error."""

    code = 201


class OutOfMemoryError(OxparError, builtins.MemoryError):
    """Memory could not be allocated."""

    code = 202


class CommunicationError(OxparError, builtins.RuntimeError):
    """MPI reported an error."""

    code = 203


class LinAlgError(OxparError, numpy.linalg.LinAlgError):
    """A numerical failure of a factorization (`oxpar.linalg`): both an
    `OxparError` and NumPy's `LinAlgError`, so `except
    numpy.linalg.LinAlgError` code works unchanged. `info` is LAPACK's
    index of the failure (see the subclasses), or None. `index` is, for
    stacked matrices `(..., M, M)`, the index into the leading dimensions
    (a tuple) of the first failing matrix (the lowest in C order), else
    None."""

    info = None
    index = None


class SingularMatrixError(LinAlgError):
    """LU met an exactly zero pivot: the matrix is singular. `info` is
    LAPACK's (1-based: column `info - 1` of `U` has the zero on its
    diagonal)."""

    code = 300


class NotPositiveDefiniteError(LinAlgError):
    """Cholesky met a leading minor that is not positive definite (or a NaN
    on the diagonal); `info` is its order, as LAPACK's."""

    code = 301


class NoConvergenceError(LinAlgError):
    """An eigenvalue or singular value iteration did not converge; `info` is
    LAPACK's count of the values that did not converge."""

    code = 302


class InternalError(OxparError, builtins.RuntimeError):
    """A bug in oxpar; please report it."""

    code = 901


_BY_CODE = {
    cls.code: cls
    for cls in (
        NullPointerError,
        InvalidArgumentError,
        ShapeMismatchError,
        InvalidStrideError,
        UnsupportedError,
        BackendUnavailableError,
        DeviceError,
        OutOfMemoryError,
        CommunicationError,
        SingularMatrixError,
        NotPositiveDefiniteError,
        NoConvergenceError,
        InternalError,
    )
}
_BY_CODE[900] = InternalError


_WORD = re.compile(r"\b\w+\b")


def error_for(status: int, names=None) -> OxparError:
    """The exception for a failed call, with the library's message; `names`
    maps the C arguments' names to the Python ones where they differ (`c` of
    `oxpar_dgemm` is `out` of `oxpar.gemm`)."""
    message = ffi.string(lib.oxpar_last_error_message()).decode("utf-8", "replace")
    if names and message:
        message = _WORD.sub(lambda m: names.get(m.group(0), m.group(0)), message)
    cls = _BY_CODE.get(status, OxparError)
    err = cls(message or ffi.string(lib.oxpar_status_str(status)).decode())
    err.code = status
    return err


def check(status: int, names=None) -> None:
    """Raises the matching exception unless `status` is OK (see `error_for`
    for `names`)."""
    if status:
        raise error_for(status, names)
