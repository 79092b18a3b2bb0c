"""oxpar.linalg.eigh and eigvalsh against numpy.linalg.eigh: eigenvalues to
tolerance, eigenvectors through LAPACK's ratios (the residual ||A V - V W||
and ||I - V^H V||, since signs and bases of repeated eigenvalues differ),
on the four dtypes, both triangles (the other one holding garbage), C and
Fortran order, strided views, stacks (NumPy's convention), overwrite_a,
hostile matrices (zero, diagonal, repeated eigenvalues, scaled near
overflow and underflow), and bad input (NaN and Inf, shapes, b, UPLO)."""

import numpy as np
import pytest

import oxpar
from oxpar import linalg

DTYPES = [np.float32, np.float64, np.complex64, np.complex128]


def eps(dtype):
    return float(np.finfo(dtype).eps)


def hermitian(rng, n, dtype, batch=()):
    x = rng.standard_normal(batch + (n, n))
    if np.dtype(dtype).kind == "c":
        x = x + 1j * rng.standard_normal(batch + (n, n))
    return ((x + np.conj(np.swapaxes(x, -1, -2))) / 2).astype(dtype)


def wide(a):
    return a.astype(np.complex128 if np.iscomplexobj(a) else np.float64)


def check(a, w, v, dtype):
    """Ascending eigenvalues, numpy's to tolerance, and LAPACK's ratios below 30."""
    n = a.shape[-1]
    if a.size == 0:
        return
    a = wide(a)
    e = eps(dtype)
    norm = max(np.abs(a).sum(axis=-2).max(), np.finfo(float).tiny)
    assert np.all(np.diff(w, axis=-1) >= 0)
    np.testing.assert_allclose(w, np.linalg.eigvalsh(a), atol=30 * n * norm * e, rtol=0)
    if v is not None:
        v = wide(v)
        resid = a @ v - v * w[..., None, :]
        assert np.abs(resid).sum(axis=-2).max() / (n * norm * e) < 30
        orth = np.conj(np.swapaxes(v, -1, -2)) @ v - np.eye(n)
        assert np.abs(orth).sum(axis=-2).max() / (n * e) < 30


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("n", [0, 1, 2, 3, 7, 31, 32, 33, 65])
def test_eigh_matches_numpy(ctx, dtype, n):
    rng = np.random.default_rng(n)
    a = hermitian(rng, n, dtype)
    for lower in (True, False):
        # Garbage in the triangle that is not read.
        g = a.copy()
        if n > 1:
            g[np.triu_indices(n, 1) if lower else np.tril_indices(n, -1)] = 1e30
        g0 = g.copy()
        w, v = linalg.eigh(g, lower=lower, ctx=ctx)
        np.testing.assert_array_equal(g, g0)
        assert w.dtype == np.finfo(dtype).dtype and v.dtype == np.dtype(dtype)
        assert w.shape == (n,) and v.shape == (n, n)
        check(a, w, v, dtype)
        w2 = linalg.eigh(g, lower=lower, eigvals_only=True, ctx=ctx)
        np.testing.assert_allclose(w2, w, atol=30 * max(n, 1) * eps(dtype) * max(np.abs(a).sum(0).max(initial=1), 1))
    np.testing.assert_allclose(linalg.eigvalsh(a, ctx=ctx), np.linalg.eigvalsh(wide(a)),
                               atol=30 * max(n, 1) * eps(dtype) * max(np.abs(a).sum(0).max(initial=1), 1))


@pytest.mark.parametrize("dtype", DTYPES)
def test_orders_views_and_overwrite(dtype):
    rng = np.random.default_rng(5)
    a = hermitian(rng, 12, dtype)
    big = np.zeros((30, 30), dtype)
    big[1:25:2, 3:27:2] = a
    for view in (np.asfortranarray(a), a.T.copy().T, big[1:25:2, 3:27:2], a[::-1, ::-1]):
        w, v = linalg.eigh(view)
        check(view, w, v, dtype)
    # overwrite_a: the vectors land in a itself.
    f = np.asfortranarray(a)
    w, v = linalg.eigh(f, overwrite_a=True)
    assert v is f
    check(a, w, v, dtype)
    # Integers are computed in float64, as SciPy does.
    w, v = linalg.eigh(np.array([[2, 1], [1, 2]]))
    assert w.dtype == np.float64
    np.testing.assert_allclose(w, [1, 3])


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("shape", [(5, 4, 4), (2, 3, 6, 6), (0, 3, 3), (3, 0, 0), (300, 4, 4)])
def test_stacks_as_numpy(ctx, dtype, shape):
    rng = np.random.default_rng(sum(shape))
    a = hermitian(rng, shape[-1], dtype, shape[:-2])
    a0 = a.copy()
    w, v = linalg.eigh(a, ctx=ctx)
    np.testing.assert_array_equal(a, a0)
    assert w.shape == shape[:-1] and v.shape == shape
    check(a, w, v, dtype)
    wu = linalg.eigvalsh(a, UPLO="U", ctx=ctx)
    check(a, wu, None, dtype)
    assert linalg.eigh(a, eigvals_only=True, ctx=ctx).shape == shape[:-1]


@pytest.mark.parametrize("dtype", DTYPES)
def test_hostile(dtype):
    n = 20
    rng = np.random.default_rng(11)
    # Zero, diagonal, repeated eigenvalues.
    w, v = linalg.eigh(np.zeros((n, n), dtype))
    assert np.all(w == 0)
    check(np.zeros((n, n), dtype), w, v, dtype)
    d = np.arange(n, dtype=float)[::-1] - 7
    w, v = linalg.eigh(np.diag(d).astype(dtype))
    np.testing.assert_array_equal(w, np.sort(d))
    q, _ = np.linalg.qr(wide(hermitian(rng, n, dtype)))
    lam = np.repeat([1.0, -2.0, 3.0, 3.0], n // 4)
    a = ((q * lam) @ np.conj(q.T)).astype(dtype)
    a = ((a + np.conj(a.T)) / 2).astype(dtype)
    w, v = linalg.eigh(a)
    check(a, w, v, dtype)
    np.testing.assert_allclose(w, np.sort(lam), atol=100 * n * eps(dtype))
    # Near overflow and underflow (powers of two: exact scaling).
    big = 2.0 ** (996 if np.finfo(dtype).dtype == np.float64 else 120)
    base = hermitian(rng, n, dtype)
    w1 = linalg.eigvalsh(base)
    for s in (big, 1 / big):
        w, v = linalg.eigh(base * np.finfo(dtype).dtype.type(s))
        assert np.all(np.isfinite(w))
        np.testing.assert_allclose(w / s, w1, atol=30 * n * eps(dtype) * np.abs(wide(base)).sum(0).max())
        check(base, (w / s).astype(w.dtype), v, dtype)


def test_bad_input():
    a = np.eye(3)
    with pytest.raises(ValueError):
        linalg.eigh(np.array([[1.0, np.nan], [np.nan, 1.0]]))
    # Without check_finite, liboxpar's own check (of the triangle it reads).
    with pytest.raises(ValueError, match="NaN or Inf"):
        linalg.eigh(np.array([[1.0, 0.0], [np.inf, 1.0]]), check_finite=False)
    w = linalg.eigh(np.array([[1.0, np.nan], [0.0, 2.0]]), check_finite=False, eigvals_only=True)
    np.testing.assert_array_equal(w, [1.0, 2.0])
    with pytest.raises(ValueError, match="NaN or Inf"):
        linalg.eigvalsh(np.array([[[1.0, 0.0], [0.0, 1.0]], [[np.nan, 0.0], [0.0, 1.0]]]))
    with pytest.raises(oxpar.ShapeMismatchError):
        linalg.eigh(np.ones((2, 3)))
    with pytest.raises(oxpar.ShapeMismatchError):
        linalg.eigvalsh(np.ones(3))
    with pytest.raises(NotImplementedError):
        linalg.eigh(a, a)
    with pytest.raises(ValueError, match="UPLO"):
        linalg.eigvalsh(a, UPLO="X")
    with pytest.raises(TypeError):
        linalg.eigh(np.array([["a", "b"], ["c", "d"]]))

