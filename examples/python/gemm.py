"""oxpar from Python: BLAS-style calls on NumPy arrays, in place, any layout.

Run: python examples/python/gemm.py   (after pip install ./bindings/python)
"""

import numpy as np

import oxpar

rng = np.random.default_rng(0)
a = rng.standard_normal((500, 300))
b = np.asfortranarray(rng.standard_normal((300, 400)))  # Fortran order: no copy needed

with oxpar.Context("threads", num_threads=2) as ctx:
    c = oxpar.gemm(a, b, ctx=ctx)  # a new C-ordered result
    print(f"gemm 500x300 @ 300x400 on {ctx}: max |oxpar - numpy| = {np.max(np.abs(c - a @ b)):.2e}")

    # Views are used in place: every other row, reversed columns.
    x = np.linspace(0.0, 1.0, 1001)
    d = oxpar.dot(x[::2], x[::-2], ctx=ctx)
    print(f"dot(x[::2], x[::-2]) = {d:.6f} (numpy: {np.dot(x[::2], x[::-2]):.6f})")

    # In-place updates and a transposed matrix-vector product.
    y = np.zeros(300)
    oxpar.gemv(a, np.ones(500), y, trans=True, ctx=ctx)
    print(f"column sums via gemv(a.T): first {y[0]:.6f}, numpy {a[:, 0].sum():.6f}")
    assert np.allclose(y, a.sum(axis=0))
