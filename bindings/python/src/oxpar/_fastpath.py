"""The C fast path (`oxpar._fast`) of dot, nrm2, asum, axpy, scal, gemv and gemm.

`oxpar.dot` and the others are the C functions returned here: they handle
the common valid call on NumPy arrays in C (see _fast.c for exactly which)
and pass every other call, unchanged, to the function of the same name in
blas.py, which stays the one place where arguments are checked and errors
raised. Their docstrings and signatures (`help()`, `inspect.signature`) are
blas.py's.
"""

import inspect

from . import _blas_args, _fast, blas, context
from ._errors import check

ROUTINES = ("dot", "nrm2", "asum", "axpy", "scal", "gemv", "gemm")


def _doc(fn) -> str:
    """`fn`'s docstring behind a text signature (`name($module, ...)` and
    `--`, which inspect.signature and help() read), annotations left out."""
    sig = inspect.signature(fn)
    params = [p.replace(annotation=inspect.Parameter.empty) for p in sig.parameters.values()]
    text = str(sig.replace(parameters=params, return_annotation=inspect.Signature.empty))
    return f"{fn.__name__}($module, {text[1:]}\n--\n\n{fn.__doc__ or ''}"


def _install():
    fallbacks = {name: getattr(blas, name) for name in ROUTINES}
    docs = {name: _doc(fn) for name, fn in fallbacks.items()}
    return _fast.install(fallbacks, docs, vars(context), context.Context, check, dict(_blas_args.renames("gemm") or {}))


_FAST = _install()
dot, nrm2, asum, axpy, scal, gemv, gemm = (_FAST[name] for name in ROUTINES)
