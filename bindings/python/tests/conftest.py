import numpy as np
import pytest

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
