import atexit
import os
import shutil
import tempfile

import numpy as np
import pytest

# PoCL caches compiled kernels under $HOME unless told otherwise: keep the
# tests' kernels in a temporary folder (set before any OpenCL context starts).
if not os.environ.get("POCL_CACHE_DIR"):
    _pocl_cache = tempfile.mkdtemp(prefix="oxpar-pocl-cache-")
    os.environ["POCL_CACHE_DIR"] = _pocl_cache
    atexit.register(shutil.rmtree, _pocl_cache, ignore_errors=True)

import oxpar


@pytest.fixture(params=["serial", "threads:1", "threads:2", "threads:3"])
def ctx(request):
    with oxpar.Context(request.param) as c:
        yield c


@pytest.fixture(params=[np.float32, np.float64])
def dtype(request):
    return np.dtype(request.param)


def tol(dtype, n=1):
    eps = np.finfo(dtype).eps
    return dict(rtol=eps * (n + 8) * 4, atol=eps * (n + 8) * 4)
