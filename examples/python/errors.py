"""Bad input is an exception that names the argument, never a crash."""

import numpy as np

import oxpar

for call in (
    lambda: oxpar.dot(np.ones(3), np.ones(4)),
    lambda: oxpar.dot(np.arange(3), np.arange(3)),
    lambda: oxpar.gemm(np.ones((2, 3)), np.ones((2, 3))),
    lambda: oxpar.Context("cuda"),
):
    try:
        call()
    except oxpar.OxparError as e:
        print(f"{type(e).__name__:>22}: {e}")
