"""oxpar.linalg.qr (and qr_multiply) against SciPy and NumPy: every mode, the four dtypes,
C/Fortran order and strided views, sizes around the panel width (32),
LAPACK's ratios ||A - QR|| / (max(m, n) ||A|| eps) and ||I - Q^H Q|| /
(m eps) below 30, `r` equal to SciPy's up to the sign (phase) of each row,
overwrite_a, and bad input (modes, pivoting, stacks, NaN, dtypes)."""

import numpy as np
import pytest
import scipy.linalg

import oxpar
from oxpar import linalg

DTYPES = [np.float32, np.float64, np.complex64, np.complex128]
SHAPES = [(0, 0), (0, 3), (3, 0), (1, 1), (5, 3), (3, 5), (7, 7), (33, 31), (31, 33), (70, 65), (40, 96)]


def eps(dtype):
    return float(np.finfo(dtype).eps)


def rand(rng, shape, dtype):
    x = rng.standard_normal(shape)
    if np.dtype(dtype).kind == "c":
        x = x + 1j * rng.standard_normal(shape)
    return x.astype(dtype)


def layouts(a):
    """The same matrix in C order, Fortran order and as a strided slice."""
    big = np.zeros((2 * a.shape[0] + 1, 3 * a.shape[1] + 1), a.dtype)
    big[::2, ::3][: a.shape[0], : a.shape[1]] = a
    return [np.ascontiguousarray(a), np.asfortranarray(a), big[::2, ::3][: a.shape[0], : a.shape[1]]]


def ratios(a, q, r):
    """LAPACK's test ratios of a computed QR, in complex128."""
    e = eps(q.dtype)
    a, q, r = (x.astype(np.complex128) for x in (a, q, r))
    m, n = a.shape
    anorm = max(np.linalg.norm(a, 1), 1.0) if a.size else 1.0
    back = np.linalg.norm(a - q @ r, 1) / (max(m, n, 1) * anorm * e) if a.size else 0.0
    k = q.shape[1]
    orth = np.linalg.norm(np.eye(k) - q.conj().T @ q, 1) / (max(m, 1) * e) if k else 0.0
    return back, orth


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("shape", SHAPES)
def test_qr_full_and_economic(ctx, dtype, shape):
    rng = np.random.default_rng(shape[0] * 100 + shape[1])
    a = rand(rng, shape, dtype)
    m, n = shape
    k = min(m, n)
    e = eps(dtype)
    for av in layouts(a):
        a0 = av.copy()
        q, r = linalg.qr(av, ctx=ctx)
        np.testing.assert_array_equal(av, a0)  # overwrite_a=False: a is untouched
        assert q.shape == (m, m) and r.shape == (m, n)
        assert q.dtype == np.dtype(dtype) and r.dtype == np.dtype(dtype)
        np.testing.assert_array_equal(r, np.triu(r))
        back, orth = ratios(a, q, r)
        assert back < 30 and orth < 30, (back, orth)
        qe, re = linalg.qr(av, mode="economic", ctx=ctx)
        assert qe.shape == (m, k) and re.shape == (k, n)
        back, orth = ratios(a, qe, re)
        assert back < 30 and orth < 30, (back, orth)
        # the thin Q is the full one's first columns, the same R rows
        np.testing.assert_allclose(qe, q[:, :k], atol=30 * e * max(m, 1))
        np.testing.assert_allclose(re, r[:k], atol=30 * e * max(m, 1) * (1 + np.abs(a).max(initial=0)))


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("shape", [(6, 4), (4, 6), (33, 33), (70, 40)])
def test_r_matches_scipy_up_to_row_signs(ctx, dtype, shape):
    rng = np.random.default_rng(7)
    a = rand(rng, shape, dtype)
    (r,) = linalg.qr(a, mode="r", ctx=ctx)
    (want,) = scipy.linalg.qr(a.astype(np.complex128 if a.dtype.kind == "c" else np.float64), mode="r")
    assert r.shape == want.shape
    k = min(shape)
    # R = D * R_scipy with D diagonal, |D| = 1: the phase of each row's diagonal element.
    d = np.ones(shape[0], np.complex128)
    diag_r, diag_w = np.diagonal(r)[:k], np.diagonal(want)[:k]
    d[:k] = diag_r / diag_w
    np.testing.assert_allclose(np.abs(d), 1, rtol=100 * eps(dtype) * max(shape))
    scale = np.abs(want).max()
    np.testing.assert_allclose(r, d[:, None] * want, atol=100 * eps(dtype) * max(shape) * scale)
    # NumPy's reduced R likewise
    np.testing.assert_allclose(np.abs(np.diagonal(r)), np.abs(np.diagonal(np.linalg.qr(a, mode="r"))),
                               rtol=100 * eps(dtype) * max(shape))


@pytest.mark.parametrize("dtype", DTYPES)
def test_raw_is_lapack_layout(ctx, dtype):
    rng = np.random.default_rng(3)
    a = rand(rng, (9, 5), dtype)
    (h, tau), r = linalg.qr(a, mode="raw", ctx=ctx)
    assert h.shape == (9, 5) and tau.shape == (5,) and r.shape == (5, 5)
    np.testing.assert_array_equal(r, np.triu(h[:5]))
    # Q = H(1)...H(k) from the raw reflectors, built here
    q = np.eye(9, dtype=np.complex128)
    for i in range(5):
        v = np.zeros(9, np.complex128)
        v[i] = 1
        v[i + 1:] = h[i + 1:, i]
        q = q @ (np.eye(9) - tau[i] * np.outer(v, v.conj()))
    q = q[:, :5] if np.dtype(dtype).kind == "c" else q[:, :5].real
    back, orth = ratios(a, q.astype(dtype), r)
    assert back < 30 and orth < 30, (back, orth)
    # the same reflectors as LAPACK's (SciPy's raw mode), up to rounding
    (h2, tau2), _ = scipy.linalg.qr(a, mode="raw")
    np.testing.assert_allclose(tau, tau2, atol=100 * eps(dtype))


def test_overwrite_a_factors_in_place(ctx):
    rng = np.random.default_rng(5)
    a = np.asfortranarray(rand(rng, (8, 6), np.float64))
    a0 = a.copy()
    (h, tau), r = linalg.qr(a, overwrite_a=True, mode="raw", ctx=ctx)
    assert h is a
    np.testing.assert_array_equal(r, np.triu(a[:6]))
    q, r2 = linalg.qr(a0, ctx=ctx)
    np.testing.assert_allclose(r2[:6], r, atol=1e-12)
    # a read-only or other-dtype input is copied, never written
    ro = a0.copy()
    ro.flags.writeable = False
    linalg.qr(ro, overwrite_a=True, ctx=ctx)
    ints = np.arange(12).reshape(4, 3)
    q, r = linalg.qr(ints, overwrite_a=True, ctx=ctx)
    assert q.dtype == np.float64 and np.array_equal(ints, np.arange(12).reshape(4, 3))
    np.testing.assert_allclose(q @ r, ints, atol=1e-12)


def test_rank_deficient_is_no_error(ctx):
    a = np.array([[1.0, 2.0, 0.0], [2.0, 4.0, 0.0], [3.0, 6.0, 0.0], [4.0, 8.0, 0.0]])
    q, r = linalg.qr(a, ctx=ctx)
    assert abs(r[2, 2]) == 0
    assert abs(r[1, 1]) < 1e-13
    back, orth = ratios(a, q, r)
    assert back < 30 and orth < 30


def test_bad_input(ctx):
    a = np.ones((3, 2))
    with pytest.raises(ValueError, match="mode"):
        linalg.qr(a, mode="thin", ctx=ctx)
    with pytest.raises(oxpar.UnsupportedError, match="pivoting"):
        linalg.qr(a, pivoting=True, ctx=ctx)
    with pytest.raises(NotImplementedError):
        linalg.qr(a, pivoting=True, ctx=ctx)
    with pytest.raises(oxpar.ShapeMismatchError, match="2-D"):
        linalg.qr(np.ones((2, 3, 3)), ctx=ctx)
    with pytest.raises(oxpar.ShapeMismatchError):
        linalg.qr(np.ones(3), ctx=ctx)
    bad = a.copy()
    bad[1, 1] = np.nan
    with pytest.raises(ValueError, match="infs or NaNs"):
        linalg.qr(bad, ctx=ctx)
    with pytest.raises(TypeError):
        linalg.qr(np.array([["a", "b"]]), ctx=ctx)


def test_nan_without_check_finite(ctx):
    a = np.eye(4)
    a[2, 1] = np.nan
    q, r = linalg.qr(a, check_finite=False, ctx=ctx)
    assert q.shape == (4, 4) and r.shape == (4, 4)
    assert np.isnan(r).any()  # propagated, no crash and no error


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("shape", [(6, 4), (4, 6), (5, 5), (40, 33), (1, 1)])
def test_qr_multiply_matches_formed_q(ctx, dtype, shape):
    rng = np.random.default_rng(11)
    a = rand(rng, shape, dtype)
    m, n = shape
    k = min(m, n)
    q, r = linalg.qr(a, mode="economic", ctx=ctx)
    tol = 100 * eps(dtype) * max(shape)
    for mode, cshape in (("right", (3, m)), ("left", (k, 3)), ("right", (m,)), ("left", (k,))):
        c = rand(rng, cshape, dtype)
        c0 = c.copy()
        for conjugate in (False, True):
            qq = q.conj() if conjugate else q
            want = c @ qq if mode == "right" else qq @ c
            got, r2 = linalg.qr_multiply(a, c, mode=mode, conjugate=conjugate, ctx=ctx)
            assert got.shape == want.shape and got.dtype == np.dtype(dtype)
            np.testing.assert_allclose(got, want, atol=tol * (1 + np.abs(c).max()))
            np.testing.assert_allclose(r2, r, atol=tol * (1 + np.abs(a).max()))
            np.testing.assert_array_equal(c, c0)


def test_qr_multiply_matches_scipy(ctx):
    # oxpar's reflectors follow LAPACK's sign convention, so the products agree with SciPy's.
    rng = np.random.default_rng(12)
    a = rand(rng, (7, 5), np.float64)
    c = rand(rng, (2, 7), np.float64)
    got, r = linalg.qr_multiply(a, c, ctx=ctx)
    want, rw = scipy.linalg.qr_multiply(a, c)
    np.testing.assert_allclose(got, want, atol=1e-12)
    np.testing.assert_allclose(r, rw, atol=1e-12)


def test_qr_multiply_bad_input(ctx):
    a = np.ones((4, 3))
    with pytest.raises(ValueError, match="mode"):
        linalg.qr_multiply(a, np.ones((2, 4)), mode="up", ctx=ctx)
    with pytest.raises(oxpar.ShapeMismatchError, match="c"):
        linalg.qr_multiply(a, np.ones((2, 3)), ctx=ctx)
    with pytest.raises(oxpar.ShapeMismatchError, match="rows"):
        linalg.qr_multiply(a, np.ones((4, 2)), mode="left", ctx=ctx)
    with pytest.raises(ValueError, match="infs or NaNs"):
        linalg.qr_multiply(a, np.full((2, 4), np.inf), ctx=ctx)
    with pytest.raises(oxpar.UnsupportedError):
        linalg.qr_multiply(a, np.ones((2, 4)), pivoting=True, ctx=ctx)
    # a complex c with a real a computes in complex
    got, _ = linalg.qr_multiply(a, np.ones((2, 4)) * 1j, ctx=ctx)
    assert got.dtype == np.complex128
