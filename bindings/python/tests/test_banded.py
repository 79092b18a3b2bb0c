"""The band and packed routines against SciPy's BLAS (scipy.linalg.blas) and
dense NumPy products: float32 and float64, band storage in Fortran and C
order, strided and reversed vectors, and bad input."""

import numpy as np
import pytest
import scipy.linalg.blas as sblas

import oxpar

VECTORS = ["contiguous", "strided", "reversed"]


def vec(x, how):
    """A copy of the values of the 1-D `x` in another memory layout."""
    if how == "contiguous":
        return np.array(x, copy=True)
    if how == "strided":
        big = np.zeros(2 * len(x) + 1, dtype=x.dtype)
        big[1::2] = x
        return big[1::2]
    return np.array(x[::-1], copy=True)[::-1]


def band_storage(dense, kl, ku, order="F", extra=0):
    """LAPACK band storage of `dense` (as SciPy's `ab`): element (i, j) in row
    ku + i - j of column j; the rows past kl + ku + 1 and the corners are NaN
    (never read)."""
    m, n = dense.shape
    ab = np.full((kl + ku + 1 + extra, n), np.nan, dtype=dense.dtype)
    for j in range(n):
        for i in range(max(0, j - ku), min(m, j + kl + 1)):
            ab[ku + i - j, j] = dense[i, j]
    return np.array(ab, order=order)


def banded(rng, dt, m, n, kl, ku, diag=0.0):
    d = rng.standard_normal((m, n)).astype(dt)
    i, j = np.indices((m, n))
    d[(j - i > ku) | (i - j > kl)] = 0
    d[np.diag_indices(min(m, n))] += dt.type(diag)
    return d


def packed(t, lower):
    """The `lower` (or upper) triangle of `t` packed by columns, as SciPy's `ap`."""
    n = t.shape[0]
    cols = [t[j:, j] if lower else t[: j + 1, j] for j in range(n)]
    return np.concatenate(cols).astype(t.dtype) if n else np.zeros(0, t.dtype)


def blas(name, dt):
    return getattr(sblas, ("s" if dt == np.float32 else "d") + name)


def tol(dt, scale=1):
    eps = np.finfo(dt).eps
    return dict(rtol=100 * eps * scale, atol=100 * eps * scale)


@pytest.fixture(params=[np.float32, np.float64])
def dt(request):
    return np.dtype(request.param)


@pytest.fixture(params=["serial", "threads:2"])
def ctx(request):
    with oxpar.Context(request.param) as c:
        yield c


@pytest.mark.parametrize("m,n", [(0, 0), (1, 1), (5, 3), (3, 6), (8, 8)])
@pytest.mark.parametrize("kl,ku", [(0, 0), (1, 2), (3, 0)])
@pytest.mark.parametrize("trans", [False, True])
@pytest.mark.parametrize("order", ["F", "C"])
@pytest.mark.parametrize("how", VECTORS)
def test_gbmv(ctx, dt, m, n, kl, ku, trans, order, how):
    rng = np.random.default_rng(m * 10 + n)
    a = banded(rng, dt, m, n, kl, ku)
    x = rng.standard_normal(m if trans else n).astype(dt)
    y = rng.standard_normal(n if trans else m).astype(dt)
    ab = band_storage(a, kl, ku, order, extra=1 if order == "F" else 0)
    yy = vec(y, how)
    got = oxpar.gbmv(m, kl, ku, ab, vec(x, how), yy, trans=trans, alpha=1.5, beta=-0.5, ctx=ctx)
    assert got is yy
    want = 1.5 * (a.T if trans else a) @ x - 0.5 * y
    np.testing.assert_allclose(got, want, **tol(dt, m + n + 1))
    if n and m >= kl + ku + 1:  # SciPy's wrapper asks m >= kl + ku + 1
        ref = blas("gbmv", dt)(m, n, kl, ku, 1.5, band_storage(a, kl, ku), x, beta=-0.5, y=y, trans=int(trans))
        np.testing.assert_allclose(got, ref, **tol(dt, m + n + 1))
    made = oxpar.gbmv(m, kl, ku, ab, x, trans=trans, ctx=ctx)
    np.testing.assert_allclose(made, (a.T if trans else a) @ x, **tol(dt, m + n + 1))


@pytest.mark.parametrize("n", [0, 1, 4, 9])
@pytest.mark.parametrize("k", [0, 1, 3])
@pytest.mark.parametrize("lower", [False, True])
@pytest.mark.parametrize("how", VECTORS)
def test_sbmv(ctx, dt, n, k, lower, how):
    rng = np.random.default_rng(n * 7 + k)
    a = banded(rng, dt, n, n, k, k)
    s = np.tril(a) + np.tril(a, -1).T if lower else np.triu(a) + np.triu(a, 1).T
    ab = band_storage(a, k if lower else 0, 0 if lower else k)
    x, y = rng.standard_normal(n).astype(dt), rng.standard_normal(n).astype(dt)
    got = oxpar.sbmv(ab, vec(x, how), vec(y, how), lower=lower, alpha=0.5, beta=2.0, ctx=ctx)
    np.testing.assert_allclose(got, 0.5 * s @ x + 2 * y, **tol(dt, n + 1))
    if n:
        ref = blas("sbmv", dt)(k, 0.5, ab, x, beta=2.0, y=y, lower=int(lower))
        np.testing.assert_allclose(got, ref, **tol(dt, n + 1))


@pytest.mark.parametrize("n", [0, 1, 5, 8])
@pytest.mark.parametrize("k", [0, 2])
@pytest.mark.parametrize("lower", [False, True])
@pytest.mark.parametrize("trans", [False, True])
@pytest.mark.parametrize("unit", [False, True])
@pytest.mark.parametrize("how", VECTORS)
def test_tbmv_tbsv(ctx, dt, n, k, lower, trans, unit, how):
    rng = np.random.default_rng(n * 5 + k)
    a = banded(rng, dt, n, n, k if lower else 0, 0 if lower else k, diag=5.0)
    t = a.copy()
    if unit:
        np.fill_diagonal(t, 1)
    op = t.T if trans else t
    ab = band_storage(a, k if lower else 0, 0 if lower else k, order="C")
    b = rng.standard_normal(n).astype(dt)
    x = vec(b, how)
    assert oxpar.tbmv(ab, x, lower=lower, trans=trans, unit_diagonal=unit, ctx=ctx) is x
    np.testing.assert_allclose(x, op @ b, **tol(dt, n + 1))
    x = vec(b, how)
    oxpar.tbsv(ab, x, lower=lower, trans=trans, unit_diagonal=unit, ctx=ctx)
    want = np.linalg.solve(op.astype(np.float64), b.astype(np.float64)) if n else b
    np.testing.assert_allclose(x, want, **tol(dt, 10 * (n + 1)))
    if n:
        fab = np.asfortranarray(ab)
        flags = dict(lower=int(lower), trans=int(trans), diag=int(unit))
        np.testing.assert_allclose(x, blas("tbsv", dt)(k, fab, b, **flags), **tol(dt, 10 * (n + 1)))
        np.testing.assert_allclose(op @ b, blas("tbmv", dt)(k, fab, b, **flags), **tol(dt, n + 1))


@pytest.mark.parametrize("n", [0, 1, 6])
@pytest.mark.parametrize("lower", [False, True])
@pytest.mark.parametrize("how", VECTORS)
def test_spmv(ctx, dt, n, lower, how):
    rng = np.random.default_rng(n + 40)
    a = rng.standard_normal((n, n)).astype(dt)
    s = np.tril(a) + np.tril(a, -1).T if lower else np.triu(a) + np.triu(a, 1).T
    ap = packed(a, lower)
    x, y = rng.standard_normal(n).astype(dt), rng.standard_normal(n).astype(dt)
    got = oxpar.spmv(vec(ap, how), vec(x, how), vec(y, how), lower=lower, alpha=1.25, beta=-1.0, ctx=ctx)
    np.testing.assert_allclose(got, 1.25 * s @ x - y, **tol(dt, n + 1))
    if n:
        ref = blas("spmv", dt)(n, 1.25, ap, x, beta=-1.0, y=y, lower=int(lower))
        np.testing.assert_allclose(got, ref, **tol(dt, n + 1))
    np.testing.assert_allclose(oxpar.spmv(ap, x, lower=lower, ctx=ctx), s @ x, **tol(dt, n + 1))


@pytest.mark.parametrize("n", [0, 1, 5, 8])
@pytest.mark.parametrize("lower", [False, True])
@pytest.mark.parametrize("trans", [False, True])
@pytest.mark.parametrize("unit", [False, True])
def test_tpmv_tpsv(ctx, dt, n, lower, trans, unit):
    rng = np.random.default_rng(n + 90)
    a = rng.standard_normal((n, n)).astype(dt) + np.diag(np.full(n, 5, dt))
    t = np.tril(a) if lower else np.triu(a)
    if unit:
        np.fill_diagonal(t, 1)
    op = t.T if trans else t
    ap = packed(a, lower)
    b = rng.standard_normal(n).astype(dt)
    x = vec(b, "reversed")
    assert oxpar.tpmv(ap, x, lower=lower, trans=trans, unit_diagonal=unit, ctx=ctx) is x
    np.testing.assert_allclose(x, op @ b, **tol(dt, n + 1))
    x = vec(b, "strided")
    oxpar.tpsv(vec(ap, "strided"), x, lower=lower, trans=trans, unit_diagonal=unit, ctx=ctx)
    if n:
        flags = dict(lower=int(lower), trans=int(trans), diag=int(unit))
        np.testing.assert_allclose(x, blas("tpsv", dt)(n, ap, b, **flags), **tol(dt, 10 * (n + 1)))
        np.testing.assert_allclose(op @ b, blas("tpmv", dt)(n, ap, b, **flags), **tol(dt, n + 1))


@pytest.mark.parametrize("n", [0, 1, 7])
@pytest.mark.parametrize("lower", [False, True])
@pytest.mark.parametrize("how", VECTORS)
def test_spr_spr2(ctx, dt, n, lower, how):
    rng = np.random.default_rng(n + 3)
    a = rng.standard_normal((n, n)).astype(dt)
    x, y = rng.standard_normal(n).astype(dt), rng.standard_normal(n).astype(dt)
    for two in (False, True):
        ap = packed(a, lower)
        upd = np.outer(x, y) + np.outer(y, x) if two else np.outer(x, x)
        want = packed(a + 0.5 * upd, lower)
        if two:
            got = oxpar.spr2(0.5, vec(x, how), vec(y, how), ap, lower=lower, ctx=ctx)
        else:
            got = oxpar.spr(0.5, vec(x, how), ap, lower=lower, ctx=ctx)
        assert got is ap
        np.testing.assert_allclose(ap, want, **tol(dt, 4))
        if n:
            if two:
                ref = blas("spr2", dt)(n, 0.5, x, y, packed(a, lower), lower=int(lower))
            else:
                ref = blas("spr", dt)(n, 0.5, x, packed(a, lower), lower=int(lower))
            np.testing.assert_allclose(ap, ref, **tol(dt, 4))


def test_input_sharing_the_output(dt):
    # spr with x the first elements of ap itself: as if x were read first.
    ap = np.arange(1, 11, dtype=dt)
    x = ap[:4].copy()
    want = ap.copy()
    k = 0
    for j in range(4):
        for i in range(j + 1):
            want[k] = ap[k] + x[i] * x[j]
            k += 1
    oxpar.spr(1.0, ap[:4], ap)
    np.testing.assert_allclose(ap, want, **tol(dt))


def test_bad_input():
    ab = np.ones((3, 4), order="F")
    x, y = np.ones(4), np.ones(4)
    with pytest.raises(ValueError, match="m: must be >= 0"):
        oxpar.gbmv(-1, 1, 1, ab, x, y)
    with pytest.raises(TypeError, match="kl: expected an integer"):
        oxpar.gbmv(4, 1.5, 1, ab, x, y)
    with pytest.raises(oxpar.InvalidStrideError, match="lda"):
        oxpar.gbmv(4, 2, 1, ab, x, y)  # 3 rows < kl + ku + 1
    with pytest.raises(oxpar.ShapeMismatchError, match="x"):
        oxpar.gbmv(4, 1, 1, ab, np.ones(5), y)
    with pytest.raises(oxpar.ShapeMismatchError, match="2-D"):
        oxpar.tbmv(np.ones(4), x)
    with pytest.raises(oxpar.ShapeMismatchError, match="at least one row"):
        oxpar.sbmv(np.ones((0, 4)), x)
    with pytest.raises(TypeError, match="lower"):
        oxpar.tbsv(ab, x, lower="yes")
    with pytest.raises(oxpar.ShapeMismatchError, match="no packed triangle"):
        oxpar.spmv(np.ones(9), x)
    with pytest.raises(oxpar.ShapeMismatchError, match="ap"):
        oxpar.tpmv(np.ones(6), x)  # order 3, x has 4
    with pytest.raises(oxpar.InvalidStrideError, match="contiguous"):
        oxpar.spr(1.0, x, np.ones(21)[::2])
    with pytest.raises(ValueError, match="read-only"):
        ro = np.ones(10)
        ro.flags.writeable = False
        oxpar.spr2(1.0, x, y, ro)
    with pytest.raises(TypeError, match="dtype"):
        oxpar.spmv(np.ones(10, np.float32), x)
    with pytest.raises(ValueError, match="beta"):
        oxpar.sbmv(ab, x, beta=1.0)
