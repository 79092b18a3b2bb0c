"""Every function against NumPy on contiguous, strided, reversed, transposed
and Fortran-ordered arrays, on every backend."""

import numpy as np
import pytest

import oxpar
from conftest import tol

rng = np.random.default_rng(7)


def vec(n, dtype, step=1):
    base = rng.standard_normal(max(n * abs(step), 1)).astype(dtype)
    return base[::step][:n] if step > 0 else base[::step][:n]


@pytest.mark.parametrize("n", [0, 1, 7, 100, 1000, 70_001])
@pytest.mark.parametrize("steps", [(1, 1), (2, 1), (-1, 3)])
def test_level1(ctx, dtype, n, steps):
    x, y = vec(n, dtype, steps[0]), vec(n, dtype, steps[1])
    np.testing.assert_allclose(oxpar.dot(x, y, ctx=ctx), np.dot(x.astype(np.float64), y), **tol(dtype, n))
    np.testing.assert_allclose(oxpar.nrm2(x, ctx=ctx), np.linalg.norm(x.astype(np.float64)), **tol(dtype, n))
    np.testing.assert_allclose(oxpar.asum(x, ctx=ctx), np.abs(x.astype(np.float64)).sum(), **tol(dtype, n))
    if n:
        assert oxpar.iamax(x, ctx=ctx) == int(np.argmax(np.abs(x)))
    y0 = y.copy()
    assert oxpar.axpy(0.5, x, y, ctx=ctx) is y
    np.testing.assert_allclose(y, y0 + dtype.type(0.5) * x, **tol(dtype))
    z = x.copy()
    oxpar.scal(-2.0, z, ctx=ctx)
    np.testing.assert_array_equal(z, dtype.type(-2.0) * x)
    out = np.zeros_like(y)
    oxpar.copy(x, out, ctx=ctx)
    np.testing.assert_array_equal(out, x)
    a, b = x.copy(), y.copy()
    oxpar.swap(a, b, ctx=ctx)
    np.testing.assert_array_equal(a, y)
    np.testing.assert_array_equal(b, x)


def layouts(m, n, dtype):
    base = rng.standard_normal((m, n)).astype(dtype)
    big = rng.standard_normal((2 * m + 1, 2 * n + 1)).astype(dtype)
    return {
        "C": base,
        "F": np.asfortranarray(base),
        "strided": big[::2, ::2][:m, :n],
        "reversed": base[::-1, ::-1],
        "transposed-view": np.ascontiguousarray(base.T).T,
    }


@pytest.mark.parametrize("m,n", [(1, 1), (5, 3), (33, 65), (130, 70)])
@pytest.mark.parametrize("trans", [False, True])
def test_gemv(ctx, dtype, m, n, trans):
    for name, a in layouts(m, n, dtype).items():
        op = a.T if trans else a
        x = vec(op.shape[1], dtype)
        y = vec(op.shape[0], dtype, 2)
        want = 1.5 * (op.astype(np.float64) @ x) - 0.5 * y
        got = oxpar.gemv(a, x, y, alpha=1.5, beta=-0.5, trans=trans, ctx=ctx)
        assert got is y
        np.testing.assert_allclose(got, want, **tol(dtype, n + m)), name
        new = oxpar.gemv(a, x, trans=trans, ctx=ctx)
        np.testing.assert_allclose(new, op.astype(np.float64) @ x, **tol(dtype, n + m))


@pytest.mark.parametrize("m,n", [(1, 1), (4, 9), (40, 33)])
def test_ger(ctx, dtype, m, n):
    for name, a in layouts(m, n, dtype).items():
        x, y = vec(m, dtype), vec(n, dtype, -1)
        a0 = a.copy()
        oxpar.ger(0.75, x, y, a, ctx=ctx)
        np.testing.assert_allclose(a, a0 + 0.75 * np.outer(x, y), **tol(dtype)), name


@pytest.mark.parametrize("m,n,k", [(1, 1, 1), (7, 5, 3), (64, 65, 17), (130, 129, 131)])
@pytest.mark.parametrize("ta,tb", [(False, False), (True, False), (False, True), (True, True)])
def test_gemm(ctx, dtype, m, n, k, ta, tb):
    A = layouts(k, m, dtype)["F"] if ta else layouts(m, k, dtype)["strided"]
    B = layouts(n, k, dtype)["reversed"] if tb else layouts(k, n, dtype)["C"]
    a = A.T if ta else A
    b = B.T if tb else B
    want = a.astype(np.float64) @ b.astype(np.float64)
    got = oxpar.gemm(A, B, trans_a=ta, trans_b=tb, ctx=ctx)
    assert got.shape == (m, n) and got.dtype == dtype
    np.testing.assert_allclose(got, want, **tol(dtype, k))
    out = np.full((n, m), np.nan, dtype=dtype).T  # a Fortran-ordered output full of NaN
    oxpar.gemm(A, B, out, alpha=2.0, beta=0.0, trans_a=ta, trans_b=tb, ctx=ctx)
    np.testing.assert_allclose(out, 2 * want, **tol(dtype, k))
    c0 = out.copy()
    oxpar.gemm(A, B, out, alpha=-1.0, beta=0.5, trans_a=ta, trans_b=tb, ctx=ctx)
    np.testing.assert_allclose(out, 0.5 * c0 - want, **tol(dtype, k))


def test_default_context_and_lists():
    assert oxpar.dot([1.0, 2.0], [3.0, 4.0]) == 11.0
    np.testing.assert_array_equal(oxpar.gemm([[1.0, 2.0]], [[3.0], [4.0]]), [[11.0]])


def test_special_values():
    x = np.array([1.0, np.nan, 3.0, np.nan])
    assert oxpar.iamax(x) == 1
    assert np.isnan(oxpar.nrm2(x))
    big = np.full(10, 1e300)
    np.testing.assert_allclose(oxpar.nrm2(big), 1e300 * np.sqrt(10), rtol=1e-14)
    assert oxpar.dot(np.array([], dtype=np.float32), np.array([], dtype=np.float32)) == 0.0
