"""Solve, factor and invert with oxpar.linalg: NumPy/SciPy names, checked against NumPy.

A failure of the matrix (singular, not positive definite) is a numpy.linalg.LinAlgError
too, so existing `except LinAlgError` code keeps working.
"""

import numpy as np

import oxpar
import oxpar.linalg as la

rng = np.random.default_rng(0)
n = 300
a = rng.standard_normal((n, n))
b = rng.standard_normal((n, 4))

x = la.solve(a, b)
assert np.allclose(a @ x, b)

lu_piv = la.lu_factor(a)  # 0-based pivots, as SciPy's
assert np.allclose(la.lu_solve(lu_piv, b), x)

spd = a @ a.T + n * np.eye(n)
c_lower = la.cho_factor(spd)
assert np.allclose(spd @ la.cho_solve(c_lower, b), b)

assert np.allclose(la.inv(a) @ a, np.eye(n))
sign, logabs = la.slogdet(a)
want_sign, want_logabs = np.linalg.slogdet(a)
assert sign == want_sign and np.isclose(logabs, want_logabs)

# A stack of 10^4 small systems, solved on the context's threads.
stack = rng.standard_normal((10_000, 4, 4)) + 4 * np.eye(4)
rhs = rng.standard_normal((10_000, 4, 1))
with oxpar.Context("threads", num_threads=2) as ctx:
    xs = la.solve(stack, rhs, ctx=ctx)
assert np.allclose(stack @ xs, rhs)

try:
    la.solve(np.ones((3, 3)), np.ones(3))
except np.linalg.LinAlgError as e:
    assert isinstance(e, oxpar.OxparError)
    print(f"singular: {e}")
print("linalg: ok")
