"""oxpar.linalg.svd and lstsq against NumPy and SciPy: singular values to
tolerance, reconstruction and orthonormality of U and Vh (LAPACK's ratios),
full and thin shapes, values only, the four dtypes, C/Fortran order and
strided views, empty and 1x1 matrices, rank-deficient least squares (rank,
minimum-norm solution, residues), overwrite_a, and the failures (NaN/Inf,
bad shapes, NoConvergenceError's type)."""

import numpy as np
import pytest
import scipy.linalg

import oxpar
from oxpar import linalg

DTYPES = [np.float32, np.float64, np.complex64, np.complex128]
SHAPES = [(1, 1), (2, 2), (5, 3), (3, 5), (7, 7), (33, 20), (20, 33), (40, 40), (65, 31)]


def eps(dtype):
    return float(np.finfo(np.dtype(dtype)).eps)


def rand(rng, shape, dtype):
    x = rng.standard_normal(shape)
    if np.dtype(dtype).kind == "c":
        x = x + 1j * rng.standard_normal(shape)
    return x.astype(dtype)


def layouts(a):
    """The same matrix in C order, Fortran order and as a strided slice."""
    big = np.zeros((2 * a.shape[0], 3 * a.shape[1]), a.dtype)
    big[::2, ::3] = a
    return [np.ascontiguousarray(a), np.asfortranarray(a), big[::2, ::3]]


def check_decomposition(a, u, s, vh, full):
    m, n = a.shape
    k = min(m, n)
    e = eps(a.dtype)
    assert u.shape == ((m, m) if full else (m, k))
    assert vh.shape == ((n, n) if full else (k, n))
    assert s.shape == (k,) and s.dtype == np.finfo(a.dtype).dtype
    assert np.all(s >= 0) and np.all(np.diff(s) <= 0)
    a64 = a.astype(np.complex128)
    u64, vh64 = u.astype(np.complex128), vh.astype(np.complex128)
    norm = max(np.linalg.norm(a64, 1), np.finfo(float).tiny)
    resid = np.linalg.norm(a64 - (u64[:, :k] * s) @ vh64[:k], 1) / (max(m, n) * norm * e)
    assert resid < 30, f"||A - U S Vh|| ratio {resid}"
    assert np.linalg.norm(np.eye(u.shape[1]) - u64.conj().T @ u64, 1) / (max(m, 1) * e) < 30
    assert np.linalg.norm(np.eye(vh.shape[0]) - vh64 @ vh64.conj().T, 1) / (max(n, 1) * e) < 30


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("shape", SHAPES)
def test_svd_against_numpy(dtype, shape):
    rng = np.random.default_rng(hash(shape) % 1000)
    a = rand(rng, shape, dtype)
    want = np.linalg.svd(a.astype(np.complex128), compute_uv=False)
    tol = 30 * max(shape) * eps(dtype) * want[0]
    for view in layouts(a):
        before = view.copy()
        for full in (True, False):
            u, s, vh = linalg.svd(view, full_matrices=full)
            check_decomposition(a, u, s, vh, full)
            np.testing.assert_allclose(s, want, rtol=0, atol=tol)
            assert u.dtype == a.dtype and vh.dtype == a.dtype
        s = linalg.svd(view, compute_uv=False)
        np.testing.assert_allclose(s, want, rtol=0, atol=tol)
        np.testing.assert_array_equal(view, before)  # not overwritten by default


def test_svd_matches_scipy_signature_and_values():
    rng = np.random.default_rng(1)
    a = rng.standard_normal((9, 6))
    u, s, vh = linalg.svd(a, full_matrices=False, check_finite=True, overwrite_a=False)
    su, ss, svh = scipy.linalg.svd(a, full_matrices=False)
    np.testing.assert_allclose(s, ss, rtol=1e-13)
    # The vectors agree up to a sign per pair.
    signs = np.sign(np.sum(u * su, axis=0))
    np.testing.assert_allclose(u * signs, su, atol=1e-12)
    np.testing.assert_allclose(vh * signs[:, None], svh, atol=1e-12)


def test_svd_integer_and_list_input():
    u, s, vh = linalg.svd([[3, 0], [4, 5]])
    np.testing.assert_allclose(s, [np.sqrt(45), np.sqrt(5)], rtol=1e-14)
    assert u.dtype == np.float64


@pytest.mark.parametrize("shape", [(0, 0), (0, 3), (3, 0)])
def test_svd_empty(shape):
    a = np.zeros(shape)
    u, s, vh = linalg.svd(a)
    m, n = shape
    assert s.shape == (0,)
    np.testing.assert_array_equal(u, np.eye(m))
    np.testing.assert_array_equal(vh, np.eye(n))
    u, s, vh = linalg.svd(a, full_matrices=False)
    assert u.shape == (m, 0) and vh.shape == (0, n)


@pytest.mark.parametrize("dtype", DTYPES)
def test_svd_hostile(dtype):
    rng = np.random.default_rng(7)
    big = 1e37 if np.dtype(dtype) in (np.float32, np.complex64) else 1e300
    tiny = 1e-39 if np.dtype(dtype) in (np.float32, np.complex64) else 1e-305
    cases = [
        np.zeros((6, 4), dtype),
        (rand(rng, (12, 3), dtype) @ rand(rng, (3, 9), dtype)).astype(dtype),  # rank 3
        np.diag(10.0 ** -np.arange(8)).astype(dtype),  # graded
        (rand(rng, (7, 5), dtype) * big).astype(dtype),
        (rand(rng, (5, 7), dtype) * tiny).astype(dtype),
    ]
    for a in cases:
        u, s, vh = linalg.svd(a)
        scale = np.max(np.abs(a)) if a.size and np.max(np.abs(a)) > 0 else 1.0
        # Compare in scaled form (NumPy's f64 reference squares nothing here).
        want = np.linalg.svd((a / scale).astype(np.complex128), compute_uv=False) * scale
        np.testing.assert_allclose(s, want, rtol=0, atol=30 * max(a.shape) * eps(dtype) * max(want[0], 1e-300))
        if np.all(np.isfinite(a)) and scale < 1e30 and scale > 1e-30:
            check_decomposition(a, u, s, vh, True)


def test_svd_overwrite_a():
    rng = np.random.default_rng(3)
    a = np.asfortranarray(rng.standard_normal((6, 4)))
    a0 = a.copy()
    s = linalg.svd(a, compute_uv=False, overwrite_a=True)
    np.testing.assert_allclose(s, np.linalg.svd(a0, compute_uv=False), rtol=1e-13)
    # An integer array cannot be worked in: it is converted and kept.
    c = np.array([[3, 0], [4, 5]])
    u, s, vh = linalg.svd(c, overwrite_a=True)
    np.testing.assert_array_equal(c, [[3, 0], [4, 5]])
    np.testing.assert_allclose(s, [np.sqrt(45), np.sqrt(5)], rtol=1e-14)


def test_svd_errors():
    a = np.ones((3, 3))
    a[1, 1] = np.nan
    with pytest.raises(ValueError):
        linalg.svd(a)
    with pytest.raises(ValueError, match="NaN or Inf"):
        linalg.svd(a, check_finite=False)
    a[1, 1] = np.inf
    with pytest.raises(ValueError):
        linalg.svd(a, check_finite=False, compute_uv=False)
    with pytest.raises(oxpar.ShapeMismatchError):
        linalg.svd(np.ones(3))
    with pytest.raises(TypeError):
        linalg.svd(np.array([["a"]]))
    assert issubclass(oxpar.NoConvergenceError, np.linalg.LinAlgError)


def with_values(rng, m, n, sigma, dtype):
    k = len(sigma)
    q1, _ = np.linalg.qr(rand(rng, (m, k), np.complex128 if np.dtype(dtype).kind == "c" else np.float64))
    q2, _ = np.linalg.qr(rand(rng, (n, k), np.complex128 if np.dtype(dtype).kind == "c" else np.float64))
    return ((q1 * sigma) @ q2.conj().T).astype(dtype)


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("m,n,sigma", [
    (8, 5, [3.0, 1.0, 0.5, 0.0, 0.0]),
    (5, 8, [3.0, 1.0, 0.0, 0.0, 0.0]),
    (6, 6, [1.0, 1.0, 0.2, 0.0, 0.0, 0.0]),
    (9, 4, [2.0, 1.5, 1.0, 0.5]),
    (30, 12, [1.0] * 7 + [0.0] * 5),
])
def test_lstsq_rank_deficient(dtype, m, n, sigma):
    rng = np.random.default_rng(m * 100 + n)
    a = with_values(rng, m, n, np.array(sigma), dtype)
    r = sum(1 for x in sigma if x > 0)
    e = eps(dtype)
    for b in (rand(rng, (m,), dtype), rand(rng, (m, 3), dtype)):
        for view in layouts(a):
            x, residues, rank, s = linalg.lstsq(view, b, cond=1e3 * e)
            assert rank == r
            want = np.linalg.pinv(a.astype(np.complex128), rcond=1e-3) @ b.astype(np.complex128)
            if np.dtype(dtype).kind == "f":
                want = want.real
            assert x.shape == want.shape and x.dtype == np.dtype(dtype)
            np.testing.assert_allclose(x, want, atol=1e3 * e * max(1.0, np.abs(want).max()))
            np.testing.assert_allclose(s[:len(sigma)], sigma, atol=100 * max(m, n) * e)
            sx, sres, srank, ss = scipy.linalg.lstsq(a, b, cond=1e3 * e)
            assert srank == rank
            np.testing.assert_allclose(x, sx, atol=1e3 * e * max(1.0, np.abs(sx).max()))
            if m > n and rank == n:
                np.testing.assert_allclose(residues, sres, rtol=1e3 * e, atol=1e3 * e)
                assert np.shape(residues) == np.shape(sres)
            else:
                assert np.shape(residues) == (0,)


def test_lstsq_default_cond_and_scipy_tuple():
    rng = np.random.default_rng(11)
    a = rng.standard_normal((10, 4))
    b = rng.standard_normal(10)
    got = linalg.lstsq(a, b)
    want = scipy.linalg.lstsq(a, b)
    np.testing.assert_allclose(got[0], want[0], rtol=1e-12)
    np.testing.assert_allclose(got[1], want[1], rtol=1e-10)
    assert got[2] == want[2] == 4
    np.testing.assert_allclose(got[3], want[3], rtol=1e-13)
    x, residues, rank, s = got
    assert got.x is x and got.rank == rank


def test_lstsq_overwrite_and_empty():
    rng = np.random.default_rng(5)
    a = np.asfortranarray(rng.standard_normal((6, 3)))
    b = np.asfortranarray(rng.standard_normal((6, 2)))
    a0, b0 = a.copy(), b.copy()
    x = linalg.lstsq(a, b, overwrite_a=True, overwrite_b=True)[0]
    np.testing.assert_allclose(x, np.linalg.lstsq(a0, b0, rcond=None)[0], rtol=1e-12)
    x, residues, rank, s = linalg.lstsq(np.zeros((0, 3)), np.zeros(0))
    assert rank == 0 and x.shape == (3,) and np.all(x == 0) and s.shape == (0,)


def test_lstsq_errors():
    with pytest.raises(oxpar.ShapeMismatchError):
        linalg.lstsq(np.ones((3, 2)), np.ones(4))
    with pytest.raises(ValueError):
        linalg.lstsq(np.ones((3, 2)), np.array([1.0, np.nan, 2.0]))
    a = np.ones((3, 2))
    a[0, 0] = np.inf
    with pytest.raises(ValueError, match="NaN or Inf"):
        linalg.lstsq(a, np.ones(3), check_finite=False)
    with pytest.raises(ValueError):
        linalg.lstsq(np.ones((3, 2)), np.ones(3), cond=float("nan"))


@pytest.mark.parametrize("spec", ["serial", "threads:2"])
def test_svd_on_contexts(spec):
    rng = np.random.default_rng(13)
    a = rand(rng, (50, 30), np.complex128)
    with oxpar.Context(spec) as c:
        u, s, vh = linalg.svd(a, ctx=c)
    check_decomposition(a, u, s, vh, True)
