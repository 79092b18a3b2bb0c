"""The symmetric and triangular routines against NumPy and SciPy: float32 and
float64, C and F order, non-contiguous and reversed views, and bad input."""

import numpy as np
import pytest
import scipy.linalg

import oxpar

LAYOUTS = ["C", "F", "strided", "reversed"]


def layout(a, how):
    """A copy of the values in another memory layout (never `a` itself)."""
    a = np.asarray(a)
    if how in ("C", "F"):
        return np.array(a, order=how, copy=True)
    if how == "strided":
        big = np.zeros(tuple(2 * s + 1 for s in a.shape), dtype=a.dtype)
        view = big[tuple(slice(1, None, 2) for _ in a.shape)]
        view[...] = a
        return view
    # reversed: negative strides over a copy stored backwards
    flipped = np.array(a[tuple(slice(None, None, -1) for _ in a.shape)], order="C", copy=True)
    return flipped[tuple(slice(None, None, -1) for _ in a.shape)]


def rng_matrix(rng, dtype, *shape):
    return rng.standard_normal(shape).astype(dtype)


def tri(a, lower, unit):
    t = np.tril(a) if lower else np.triu(a)
    if unit:
        np.fill_diagonal(t, 1)
    return t


def sym(a, lower):
    t = np.tril(a) if lower else np.triu(a)
    return t + t.T - np.diag(np.diag(a))


def well_conditioned(rng, dtype, n):
    a = rng_matrix(rng, dtype, n, n)
    a[np.diag_indices(n)] = (4 + rng.random(n)).astype(dtype)
    return a


def tolerance(dtype, scale=1):
    eps = np.finfo(dtype).eps
    return dict(rtol=200 * eps * scale, atol=200 * eps * scale)


@pytest.fixture(params=[np.float32, np.float64])
def dt(request):
    return np.dtype(request.param)


@pytest.fixture(params=["serial", "threads:2"])
def ctx(request):
    with oxpar.Context(request.param) as c:
        yield c


@pytest.mark.parametrize("n", [0, 1, 2, 7])
@pytest.mark.parametrize("lower", [False, True])
@pytest.mark.parametrize("how", LAYOUTS)
def test_symv(ctx, dt, n, lower, how):
    rng = np.random.default_rng(n)
    a, x, y = rng_matrix(rng, dt, n, n), rng_matrix(rng, dt, n), rng_matrix(rng, dt, n)
    want = 1.5 * sym(a, lower) @ x - 0.5 * y
    yy = layout(y, how)
    got = oxpar.symv(layout(a, how), layout(x, how), yy, alpha=1.5, beta=-0.5, lower=lower, ctx=ctx)
    assert got is yy
    np.testing.assert_allclose(got, want, **tolerance(dt, n + 1))
    made = oxpar.symv(a, x, lower=lower, ctx=ctx)
    np.testing.assert_allclose(made, sym(a, lower) @ x, **tolerance(dt, n + 1))


@pytest.mark.parametrize("n", [0, 1, 5, 8])
@pytest.mark.parametrize("lower", [False, True])
@pytest.mark.parametrize("trans", [False, True])
@pytest.mark.parametrize("unit", [False, True])
@pytest.mark.parametrize("how", LAYOUTS)
def test_trmv_trsv(ctx, dt, n, lower, trans, unit, how):
    rng = np.random.default_rng(7 * n + 1)
    a = well_conditioned(rng, dt, n)
    b = rng_matrix(rng, dt, n)
    t = tri(a, lower, unit)
    op = t.T if trans else t
    x = layout(b, how)
    assert oxpar.trmv(layout(a, how), x, lower=lower, trans=trans, unit_diagonal=unit, ctx=ctx) is x
    np.testing.assert_allclose(x, op @ b, **tolerance(dt, n + 1))
    x = layout(b, how)
    oxpar.trsv(layout(a, how), x, lower=lower, trans=trans, unit_diagonal=unit, ctx=ctx)
    want = scipy.linalg.solve_triangular(
        a.astype(np.float64), b.astype(np.float64), lower=lower, trans=1 if trans else 0, unit_diagonal=unit
    )
    np.testing.assert_allclose(x, want, **tolerance(dt, 10 * (n + 1)))


@pytest.mark.parametrize("n", [0, 1, 6])
@pytest.mark.parametrize("lower", [False, True])
@pytest.mark.parametrize("how", LAYOUTS)
def test_syr_syr2(ctx, dt, n, lower, how):
    rng = np.random.default_rng(3 * n)
    a, x, y = rng_matrix(rng, dt, n, n), rng_matrix(rng, dt, n), rng_matrix(rng, dt, n)
    keep = np.triu(np.ones((n, n), bool)) if lower is False else np.tril(np.ones((n, n), bool))
    for two in (False, True):
        upd = np.outer(x, y) + np.outer(y, x) if two else np.outer(x, x)
        want = np.where(keep, a + 0.5 * upd, a)  # the other triangle untouched
        aa = layout(a, how)
        if two:
            got = oxpar.syr2(0.5, layout(x, how), layout(y, how), aa, lower=lower, ctx=ctx)
        else:
            got = oxpar.syr(0.5, layout(x, how), aa, lower=lower, ctx=ctx)
        assert got is aa
        np.testing.assert_allclose(aa, want, **tolerance(dt, 4))
        assert np.array_equal(aa[~keep], a[~keep])


@pytest.mark.parametrize("m,n", [(0, 0), (1, 3), (4, 1), (5, 7), (9, 4)])
@pytest.mark.parametrize("side", ["left", "right"])
@pytest.mark.parametrize("lower", [False, True])
@pytest.mark.parametrize("how", LAYOUTS)
def test_symm(ctx, dt, m, n, side, lower, how):
    rng = np.random.default_rng(m * 10 + n)
    k = m if side == "left" else n
    a, b, c = rng_matrix(rng, dt, k, k), rng_matrix(rng, dt, m, n), rng_matrix(rng, dt, m, n)
    s = sym(a, lower)
    want = (2.0 * (s @ b if side == "left" else b @ s)) + 0.5 * c
    out = layout(c, how)
    got = oxpar.symm(layout(a, how), layout(b, how), out, side=side, lower=lower, alpha=2.0, beta=0.5, ctx=ctx)
    assert got is out
    np.testing.assert_allclose(out, want, **tolerance(dt, k + 1))
    made = oxpar.symm(a, b, side=side.upper(), lower=lower, ctx=ctx)
    assert made.shape == (m, n) and made.dtype == dt
    np.testing.assert_allclose(made, s @ b if side == "left" else b @ s, **tolerance(dt, k + 1))


@pytest.mark.parametrize("n,k", [(0, 3), (3, 0), (1, 1), (5, 3), (8, 11)])
@pytest.mark.parametrize("lower", [False, True])
@pytest.mark.parametrize("trans", [False, True])
@pytest.mark.parametrize("how", LAYOUTS)
def test_syrk_syr2k(ctx, dt, n, k, lower, trans, how):
    rng = np.random.default_rng(n * 100 + k)
    shape = (k, n) if trans else (n, k)
    a, b, c = rng_matrix(rng, dt, *shape), rng_matrix(rng, dt, *shape), rng_matrix(rng, dt, n, n)
    oa, ob = (a.T, b.T) if trans else (a, b)
    keep = np.tril(np.ones((n, n), bool)) if lower else np.triu(np.ones((n, n), bool))
    for two in (False, True):
        full = oa @ ob.T + ob @ oa.T if two else oa @ oa.T
        want = np.where(keep, 0.5 * full - c, c)
        out = layout(c, how)
        if two:
            oxpar.syr2k(layout(a, how), layout(b, how), out, lower=lower, trans=trans, alpha=0.5, beta=-1.0, ctx=ctx)
        else:
            oxpar.syrk(layout(a, how), out, lower=lower, trans=trans, alpha=0.5, beta=-1.0, ctx=ctx)
        np.testing.assert_allclose(out, want, **tolerance(dt, k + 1))
        assert np.array_equal(out[~keep], c[~keep])
    # beta = 0 over NaN: the triangle is written, NaN does not come out of it
    out = np.full((n, n), np.nan, dtype=dt)
    oxpar.syrk(a, out, lower=lower, trans=trans, ctx=ctx)
    np.testing.assert_allclose(out[keep], (oa @ oa.T)[keep], **tolerance(dt, k + 1))
    assert np.isnan(out[~keep]).all()


@pytest.mark.parametrize("m,n", [(0, 2), (1, 1), (5, 3), (4, 9)])
@pytest.mark.parametrize("side", ["left", "right"])
@pytest.mark.parametrize("lower", [False, True])
@pytest.mark.parametrize("trans", [False, True])
@pytest.mark.parametrize("unit", [False, True])
@pytest.mark.parametrize("how", ["C", "F", "reversed"])
def test_trmm_trsm(ctx, dt, m, n, side, lower, trans, unit, how):
    rng = np.random.default_rng(m * 10 + n)
    k = m if side == "left" else n
    a = well_conditioned(rng, dt, k)
    b = rng_matrix(rng, dt, m, n)
    op = tri(a, lower, unit).T if trans else tri(a, lower, unit)
    bb = layout(b, how)
    got = oxpar.trmm(layout(a, how), bb, side=side, lower=lower, trans=trans, unit_diagonal=unit, alpha=2.0, ctx=ctx)
    assert got is bb
    np.testing.assert_allclose(bb, 2.0 * (op @ b if side == "left" else b @ op), **tolerance(dt, k + 1))
    bb = layout(b, how)
    oxpar.trsm(layout(a, how), bb, side=side, lower=lower, trans=trans, unit_diagonal=unit, alpha=0.5, ctx=ctx)
    a64, b64 = a.astype(np.float64), 0.5 * b.astype(np.float64)
    if side == "left":
        want = scipy.linalg.solve_triangular(a64, b64, lower=lower, trans=int(trans), unit_diagonal=unit)
    else:
        # X op(A) = B  <=>  op(A)^T X^T = B^T
        want = scipy.linalg.solve_triangular(a64, b64.T, lower=lower, trans=int(not trans), unit_diagonal=unit).T
    np.testing.assert_allclose(bb, want, **tolerance(dt, 10 * (k + 1)))


def test_input_sharing_the_output(dt):
    # trmm with a and b the same array: as if a were read first
    rng = np.random.default_rng(1)
    a = well_conditioned(rng, dt, 4)
    want = np.tril(a) @ a
    oxpar.trmm(a, a, lower=True)
    np.testing.assert_allclose(a, want, **tolerance(dt, 5))


def test_bad_input():
    a, b = np.eye(3), np.ones((3, 2))
    with pytest.raises(oxpar.InvalidArgumentError, match="side"):
        oxpar.trsm(a, b, side="up")
    with pytest.raises(TypeError, match="lower"):
        oxpar.trsm(a, b, lower="yes")
    with pytest.raises(oxpar.ShapeMismatchError, match="^a: its number of columns is 2"):
        oxpar.trsm(np.ones((3, 2)), b)
    with pytest.raises(oxpar.ShapeMismatchError, match="^b: its number of rows is 3"):
        oxpar.trsm(np.eye(2), b)
    with pytest.raises(oxpar.ShapeMismatchError, match="^x: its length"):
        oxpar.symv(a, np.ones(2))
    with pytest.raises(oxpar.ShapeMismatchError, match="expected a 2-D array"):
        oxpar.syrk(np.ones(3))
    with pytest.raises(oxpar.OxparTypeError, match="float32, float64, complex64 or complex128"):
        oxpar.trmv(np.eye(2, dtype=np.int64), np.ones(2))
    with pytest.raises(oxpar.OxparTypeError, match="differs"):
        oxpar.trmv(np.eye(2, dtype=np.float32), np.ones(2))
    with pytest.raises(TypeError, match="NumPy array"):
        oxpar.trsv(a, [1.0, 2.0, 3.0])
    with pytest.raises(oxpar.InvalidArgumentError, match="read-only"):
        oxpar.trsm(a, np.broadcast_to(np.ones(2), (3, 2)))
    with pytest.raises(oxpar.InvalidArgumentError, match="beta"):
        oxpar.symm(a, b, beta=1.0)
    with pytest.raises(TypeError, match="alpha"):
        oxpar.trmm(a, b.copy(), alpha="two")
    with pytest.raises(TypeError):
        oxpar.trsm(a, b, uplo="L")  # the keyword is lower=
    # a written array whose elements share an address (the library's check)
    with pytest.raises(oxpar.InvalidStrideError):
        oxpar.syr(1.0, np.ones(3), np.lib.stride_tricks.as_strided(np.ones(3), (3, 3), (0, 8)))
    # errors name the Python argument: trsv's vector is b (x in C)
    with pytest.raises(oxpar.InvalidStrideError, match="^oxpar_dtrsv: b's increment: is 0 for the 3 elements of b"):
        oxpar.trsv(a, np.lib.stride_tricks.as_strided(np.ones(3), (3,), (0,)))
    # read arrays may be broadcast (zero strides)
    y = oxpar.symv(np.broadcast_to(1.0, (3, 3)), np.broadcast_to(2.0, (3,)))
    np.testing.assert_array_equal(y, [6.0, 6.0, 6.0])
