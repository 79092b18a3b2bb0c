"""The oxpar.blas routines on complex64 and complex128 arrays against NumPy
(contiguous, strided, reversed, transposed and Fortran-ordered views; the
conjugate transpose `trans="C"`), and what mixing real and complex does."""

import numpy as np
import pytest

import oxpar
from conftest import tol

rng = np.random.default_rng(11)


@pytest.fixture(params=[np.complex64, np.complex128])
def cdtype(request):
    return np.dtype(request.param)


def real_of(dtype):
    return np.dtype(np.float32) if dtype == np.complex64 else np.dtype(np.float64)


def cvec(n, dtype, step=1):
    m = max(n * abs(step), 1)
    base = (rng.standard_normal(m) + 1j * rng.standard_normal(m)).astype(dtype)
    return base[::step][:n]


def cmat(rows, cols, dtype, layout):
    """Layouts: C order, Fortran order, a transposed view, a strided slice,
    a reversed slice."""
    def make(r, c):
        return (rng.standard_normal((r, c)) + 1j * rng.standard_normal((r, c))).astype(dtype)
    if layout == 0:
        return make(rows, cols)
    if layout == 1:
        return np.asfortranarray(make(rows, cols))
    if layout == 2:
        return make(cols, rows).T
    if layout == 3:
        return make(2 * rows + 1, 2 * cols + 1)[::2, ::2][:rows, :cols]
    return make(rows, cols)[::-1, ::-1]


def wide(a):
    return a.astype(np.complex128)


def op(a, t):
    return {False: a, True: a.T, "N": a, "T": a.T, "C": a.conj().T}[t]


@pytest.mark.parametrize("n", [0, 1, 7, 100, 1001])
@pytest.mark.parametrize("steps", [(1, 1), (2, 1), (-1, 3)])
def test_level1(ctx, cdtype, n, steps):
    x, y = cvec(n, cdtype, steps[0]), cvec(n, cdtype, steps[1])
    t = tol(real_of(cdtype), n)
    np.testing.assert_allclose(oxpar.dotu(x, y, ctx=ctx), np.dot(wide(x), wide(y)), **t)
    np.testing.assert_allclose(oxpar.dotc(x, y, ctx=ctx), np.vdot(wide(x), wide(y)), **t)
    nrm = oxpar.nrm2(x, ctx=ctx)
    assert isinstance(nrm, float)
    np.testing.assert_allclose(nrm, np.linalg.norm(wide(x)), **t)
    asum = oxpar.asum(x, ctx=ctx)
    assert isinstance(asum, float)
    np.testing.assert_allclose(asum, np.sum(np.abs(wide(x).real) + np.abs(wide(x).imag)), **t)
    np.testing.assert_allclose(oxpar.sum(x, ctx=ctx), wide(x).sum(), **t)
    if n:
        assert oxpar.iamax(x, ctx=ctx) == int(np.argmax(np.abs(x.real) + np.abs(x.imag)))
    alpha = 0.5 - 1.25j
    y0 = y.copy()
    assert oxpar.axpy(alpha, x, y, ctx=ctx) is y
    np.testing.assert_allclose(y, y0 + cdtype.type(alpha) * x, **tol(real_of(cdtype)))
    z = x.copy()
    oxpar.scal(alpha, z, ctx=ctx)
    np.testing.assert_allclose(z, cdtype.type(alpha) * x, **tol(real_of(cdtype)))
    w = np.zeros_like(x)
    oxpar.copy(x, w, ctx=ctx)
    np.testing.assert_array_equal(w, x)
    a, b = x.copy(), y.copy()
    oxpar.swap(a, b, ctx=ctx)
    np.testing.assert_array_equal(a, y)
    np.testing.assert_array_equal(b, x)


@pytest.mark.parametrize("m,n", [(0, 3), (1, 1), (4, 3), (7, 10)])
@pytest.mark.parametrize("trans", [False, True, "N", "T", "C"])
@pytest.mark.parametrize("layout", range(5))
def test_gemv(ctx, cdtype, m, n, trans, layout):
    a = cmat(m, n, cdtype, layout)
    oa = op(a, trans)
    x = cvec(oa.shape[1], cdtype, 2)
    y = cvec(oa.shape[0], cdtype, -1)
    alpha, beta = 1.5 + 0.5j, -0.5 + 0.25j
    want = alpha * (wide(oa) @ wide(x)) + beta * wide(y)
    got = oxpar.gemv(a, x, y, alpha=alpha, beta=beta, trans=trans, ctx=ctx)
    assert got is y
    np.testing.assert_allclose(y, want, **tol(real_of(cdtype), n + m))
    new = oxpar.gemv(a, x, trans=trans, ctx=ctx)
    assert new.dtype == cdtype
    np.testing.assert_allclose(new, wide(oa) @ wide(x), **tol(real_of(cdtype), n + m))


@pytest.mark.parametrize("ta", [False, True, "C"])
@pytest.mark.parametrize("tb", [False, "T", "C"])
@pytest.mark.parametrize("shape", [(0, 2, 3), (1, 1, 1), (5, 4, 3), (17, 9, 33)])
def test_gemm(ctx, cdtype, ta, tb, shape):
    m, n, k = shape
    a = cmat(*((k, m) if ta else (m, k)), cdtype, (m + k) % 5)
    b = cmat(*((n, k) if tb else (k, n)), cdtype, (n + k + 1) % 5)
    alpha = 0.5 + 1j
    want = alpha * (wide(op(a, ta)) @ wide(op(b, tb)))
    out = oxpar.gemm(a, b, alpha=alpha, trans_a=ta, trans_b=tb, ctx=ctx)
    assert out.dtype == cdtype and out.shape == (m, n)
    np.testing.assert_allclose(out, want, **tol(real_of(cdtype), k))
    # beta = 0 does not read out (NaN there does not come out).
    c = np.full((m, n), np.nan + 1j * np.nan, dtype=cdtype)
    oxpar.gemm(a, b, c, alpha=alpha, beta=0.0, trans_a=ta, trans_b=tb, ctx=ctx)
    np.testing.assert_allclose(c, want, **tol(real_of(cdtype), k))


def test_real_arrays_take_conj_as_transpose(dtype):
    a = rng.standard_normal((5, 4)).astype(dtype)
    b = rng.standard_normal((5, 3)).astype(dtype)
    x = rng.standard_normal(5).astype(dtype)
    np.testing.assert_array_equal(oxpar.gemm(a, b, trans_a="C"), oxpar.gemm(a, b, trans_a=True))
    np.testing.assert_array_equal(oxpar.gemv(a, x, trans="C"), oxpar.gemv(a, x, trans=True))
    np.testing.assert_array_equal(oxpar.gemv(a.T, x, trans="N"), oxpar.gemv(a.T, x))


def test_mixing_real_and_complex_is_a_type_error(cdtype):
    x = cvec(4, cdtype)
    r = np.ones(4, dtype=real_of(cdtype))
    with pytest.raises(TypeError, match="differs"):
        oxpar.axpy(1.0, r, x)
    with pytest.raises(TypeError, match="differs"):
        oxpar.dotc(x, r)
    with pytest.raises(TypeError, match="differs"):
        oxpar.gemm(np.ones((2, 2), dtype=cdtype), np.ones((2, 2), dtype=real_of(cdtype)))
    # A complex scalar on real arrays is refused too, not truncated.
    with pytest.raises(TypeError, match="alpha"):
        oxpar.axpy(1j, r, r.copy())


def test_routines_that_are_real_or_complex_only(cdtype):
    x = cvec(3, cdtype)
    with pytest.raises(TypeError, match="dotu or dotc"):
        oxpar.dot(x, x)
    with pytest.raises(TypeError, match="geru or gerc"):
        oxpar.ger(1.0, x, x, np.zeros((3, 3), dtype=cdtype))
    r = np.ones(3)
    with pytest.raises(TypeError, match="complex arrays only"):
        oxpar.dotc(r, r)
    # The table-made routines follow their rows: symv is real only, hemv complex only.
    with pytest.raises(TypeError, match="symv takes real arrays only"):
        oxpar.symv(np.eye(3, dtype=cdtype), x)
    with pytest.raises(TypeError, match="hemv takes complex arrays only"):
        oxpar.hemv(np.eye(3), r)


def test_bad_trans_letter():
    a = np.ones((2, 2), dtype=np.complex128)
    with pytest.raises(oxpar.InvalidArgumentError, match="trans_a"):
        oxpar.gemm(a, a, trans_a="X")
    with pytest.raises(oxpar.InvalidArgumentError, match="trans"):
        oxpar.gemv(a, a[0], trans="H")


def test_complex_results_are_python_complex(cdtype):
    x = np.array([1 + 2j, 3 - 1j], dtype=cdtype)
    got = oxpar.dotc(x, x)
    assert isinstance(got, complex) and got == 15 + 0j
    assert oxpar.asum(x) == 7.0 and oxpar.nrm2(np.array([3 + 4j], dtype=cdtype)) == 5.0


@pytest.mark.parametrize("m,n", [(0, 2), (1, 1), (4, 3)])
def test_geru_gerc_rscal(ctx, cdtype, m, n):
    x, y = cvec(m, cdtype, 2), cvec(n, cdtype, -1)
    a = cmat(m, n, cdtype, 3).copy(order="F")
    alpha = 1.0 - 0.5j
    a0 = wide(a)
    oxpar.geru(alpha, x, y, a, ctx=ctx)
    np.testing.assert_allclose(a, a0 + alpha * np.outer(wide(x), wide(y)), **tol(real_of(cdtype), 4))
    a1 = wide(a)
    oxpar.gerc(alpha, x, y, a, ctx=ctx)
    np.testing.assert_allclose(a, a1 + alpha * np.outer(wide(x), wide(y).conj()), **tol(real_of(cdtype), 4))
    z = x.copy()
    oxpar.rscal(-1.5, z, ctx=ctx)
    np.testing.assert_allclose(z, -1.5 * wide(x), **tol(real_of(cdtype)))
    inf = np.array([complex(np.inf, 0.0)], dtype=cdtype)
    oxpar.rscal(2.0, inf, ctx=ctx)
    assert np.isinf(inf[0].real) and inf[0].imag == 0.0
    with pytest.raises(TypeError, match="alpha"):
        oxpar.rscal(1j, z)
