"""Run inside Debian's /usr/bin/python3 by numpy_scipy_tests.py: imports
NumPy and SciPy over the BLAS on LD_LIBRARY_PATH, provokes the error
handlers, and prints one JSON object (versions, files, /proc/self/maps, the
outcome of each error case).

The error cases, whose outcomes must be the same as over the reference BLAS:
  dgetrf_empty   scipy.linalg.lapack.dgetrf(np.ones((0, 3))): LAPACK's
                 argument check, reported through SciPy's xerbla_
  blas_bad_trans dgemm with TRANS='X', called through the function pointer
                 scipy.linalg.cython_blas exports: the BLAS's own argument
                 check, whose xerbla_ must reach SciPy's handler (a Python
                 exception) rather than print and exit
  f2py_bad_trans scipy.linalg.blas.dgemm(..., trans_a=5): refused by SciPy's
                 wrapper before the BLAS is called
  dgemm_value    scipy.linalg.blas.dgemm on a small product, exact result
"""

import ctypes
import json
import re
import sys


def outcome(call):
    """What a call did: its value, or its exception (and the one it wraps)."""
    try:
        value = call()
    except Exception as exc:  # noqa: BLE001 -- every exception is an outcome
        inner = exc.__cause__ or exc.__context__
        text = f"raised {type(exc).__name__}: {exc}"
        if inner is not None:
            text += f" (from {type(inner).__name__}: {inner})"
        # ctypes names the function object by its address: drop the address.
        return re.sub(r" at 0x[0-9a-fA-F]+>", ">", text)
    return f"returned {value!r}"


def capsule_function(module, name, restype, *argtypes):
    """A ctypes function for a Cython module's exported C function NAME."""
    api = ctypes.pythonapi
    api.PyCapsule_GetName.restype = ctypes.c_char_p
    api.PyCapsule_GetName.argtypes = [ctypes.py_object]
    api.PyCapsule_GetPointer.restype = ctypes.c_void_p
    api.PyCapsule_GetPointer.argtypes = [ctypes.py_object, ctypes.c_char_p]
    cap = module.__pyx_capi__[name]
    pointer = api.PyCapsule_GetPointer(cap, api.PyCapsule_GetName(cap))
    return ctypes.CFUNCTYPE(restype, *argtypes)(pointer)


def bad_trans_dgemm():
    import scipy.linalg.cython_blas as cython_blas

    i, d = ctypes.POINTER(ctypes.c_int), ctypes.POINTER(ctypes.c_double)
    dgemm = capsule_function(cython_blas, "dgemm", None, ctypes.c_char_p, ctypes.c_char_p, i, i, i, d, d, i, d,
                             i, d, d, i)
    n, alpha, beta = ctypes.c_int(2), ctypes.c_double(1.0), ctypes.c_double(0.0)
    a = (ctypes.c_double * 4)(1, 2, 3, 4)
    c = (ctypes.c_double * 4)(7, 7, 7, 7)
    r = ctypes.byref
    dgemm(b"X", b"N", r(n), r(n), r(n), r(alpha), a, r(n), a, r(n), r(beta), c, r(n))
    return list(c)


def main():
    import numpy as np
    import scipy
    import scipy.linalg
    import scipy.linalg.blas as blas
    import scipy.linalg.lapack as lapack

    ones = np.ones((2, 2))
    cases = {
        "dgetrf_empty": outcome(lambda: [x.tolist() if hasattr(x, "tolist") else x
                                         for x in lapack.dgetrf(np.ones((0, 3)))]),
        "blas_bad_trans": outcome(bad_trans_dgemm),
        "f2py_bad_trans": outcome(lambda: blas.dgemm(1.0, ones, ones, trans_a=5).tolist()),
        "dgemm_value": outcome(lambda: blas.dgemm(1.0, np.arange(4.0).reshape(2, 2), ones).tolist()),
        "solve_value": outcome(lambda: np.round(scipy.linalg.solve(np.array([[4.0, 1], [2, 3]]), [1.0, 2]),
                                                12).tolist()),
    }
    with open("/proc/self/maps", encoding="latin-1") as f:
        maps = f.read()
    json.dump({"python": sys.executable, "numpy": np.__version__, "numpy_file": np.__file__,
               "scipy": scipy.__version__, "scipy_file": scipy.__file__, "cases": cases, "maps": maps},
              sys.stdout)


if __name__ == "__main__":
    main()
