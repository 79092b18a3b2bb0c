"""The table-made routines (oxpar._structured) on complex64 and complex128
against NumPy: the Hermitian ones (hemv, her, her2, hemm, herk, her2k), the
symmetric and triangular ones that take complex too (symm, syrk, syr2k,
trmv, trsv, trmm, trsm), the band and packed ones (gbmv, tbmv, tbsv, tpmv,
tpsv), with `trans` "N", "T" and "C" (the conjugate transpose), C and F order,
strided and reversed views; and the dtype rules: real and complex never mix,
a Hermitian routine takes complex arrays only, a real-only one real only,
and the real scalars of her, herk and her2k's beta refuse complex numbers."""

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import oxpar
from conftest import tol

LAYOUTS = ["C", "F", "strided", "reversed"]
TRANS = ["N", "T", "C"]


@pytest.fixture(params=[np.complex64, np.complex128])
def cdt(request):
    return np.dtype(request.param)


def crand(rng, dtype, *shape):
    return (rng.standard_normal(shape) + 1j * rng.standard_normal(shape)).astype(dtype)


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
    flipped = np.array(a[tuple(slice(None, None, -1) for _ in a.shape)], order="C", copy=True)
    return flipped[tuple(slice(None, None, -1) for _ in a.shape)]


def op(a, t):
    return {"N": a, "T": a.T, "C": a.conj().T}[t]


def wide(a):
    return np.asarray(a).astype(np.complex128)


def tri(a, lower, unit=False):
    t = np.tril(a) if lower else np.triu(a)
    if unit:
        np.fill_diagonal(t, 1)
    return t


def herm(a, lower):
    """The Hermitian matrix held in a triangle of `a` (the diagonal's imaginary parts not read)."""
    strict = np.tril(a, -1) if lower else np.triu(a, 1)
    return strict + strict.conj().T + np.diag(np.diag(a).real)


def sym(a, lower):
    strict = np.tril(a, -1) if lower else np.triu(a, 1)
    return strict + strict.T + np.diag(np.diag(a))


def on_triangle(got, before, want, lower, real_diagonal):
    """`got` equals `want` on the triangle (its diagonal real if so) and `before` elsewhere."""
    want = np.array(want)
    if real_diagonal:
        np.fill_diagonal(want, np.diag(want).real)
    mask = np.tril(np.ones(got.shape, bool)) if lower else np.triu(np.ones(got.shape, bool))
    expect = np.where(mask, want, before)
    return expect


def well_conditioned(rng, dtype, n):
    a = crand(rng, dtype, n, n)
    a[np.diag_indices(n)] += 6
    return a


@pytest.mark.parametrize("n", [0, 1, 7])
@pytest.mark.parametrize("lower", [False, True])
@pytest.mark.parametrize("how", LAYOUTS)
def test_hemv(ctx, cdt, n, lower, how):
    rng = np.random.default_rng(n + 1)
    a, x, y = crand(rng, cdt, n, n), crand(rng, cdt, n), crand(rng, cdt, n)
    alpha, beta = 0.5 - 1.5j, 2 + 0.25j
    got = oxpar.hemv(layout(a, how), layout(x, how), layout(y, how), lower=lower, alpha=alpha, beta=beta, ctx=ctx)
    want = alpha * herm(wide(a), lower) @ wide(x) + beta * wide(y)
    np.testing.assert_allclose(got, want, **tol(cdt, n))
    # y made when not given
    np.testing.assert_allclose(oxpar.hemv(a, x, lower=lower, ctx=ctx), herm(wide(a), lower) @ wide(x), **tol(cdt, n))


@pytest.mark.parametrize("n", [0, 1, 6])
@pytest.mark.parametrize("lower", [False, True])
@pytest.mark.parametrize("how", LAYOUTS)
def test_her_her2(ctx, cdt, n, lower, how):
    rng = np.random.default_rng(n + 2)
    x, y = crand(rng, cdt, n), crand(rng, cdt, n)
    a0 = crand(rng, cdt, n, n)
    a = layout(a0, how)
    assert oxpar.her(0.75, layout(x, how), a, lower=lower, ctx=ctx) is a
    want = wide(a0) + 0.75 * np.outer(wide(x), wide(x).conj())
    np.testing.assert_allclose(a, on_triangle(a, a0, want, lower, True), **tol(cdt, 4))
    alpha = 1 - 2j
    a = layout(a0, how)
    oxpar.her2(alpha, layout(x, how), layout(y, how), a, lower=lower, ctx=ctx)
    xw, yw = wide(x), wide(y)
    want = wide(a0) + alpha * np.outer(xw, yw.conj()) + np.conj(alpha) * np.outer(yw, xw.conj())
    np.testing.assert_allclose(a, on_triangle(a, a0, want, lower, True), **tol(cdt, 8))


@pytest.mark.parametrize("n", [0, 1, 5, 8])
@pytest.mark.parametrize("lower", [False, True])
@pytest.mark.parametrize("trans", TRANS)
@pytest.mark.parametrize("unit", [False, True])
@pytest.mark.parametrize("how", LAYOUTS)
def test_trmv_trsv(ctx, cdt, n, lower, trans, unit, how):
    rng = np.random.default_rng(n + 3)
    a, b = well_conditioned(rng, cdt, n), crand(rng, cdt, n)
    t = op(tri(wide(a), lower, unit), trans)
    x = layout(b, how)
    assert oxpar.trmv(layout(a, how), x, lower=lower, trans=trans, unit_diagonal=unit, ctx=ctx) is x
    np.testing.assert_allclose(x, t @ wide(b), **tol(cdt, n))
    x = layout(b, how)
    oxpar.trsv(layout(a, how), x, lower=lower, trans=trans, unit_diagonal=unit, ctx=ctx)
    want = np.linalg.solve(t, wide(b)) if n else b
    np.testing.assert_allclose(x, want, **tol(cdt, 10 * (n + 1)))


@pytest.mark.parametrize("m,n", [(0, 0), (1, 3), (5, 7), (9, 4)])
@pytest.mark.parametrize("side", ["left", "right"])
@pytest.mark.parametrize("lower", [False, True])
@pytest.mark.parametrize("how", LAYOUTS)
def test_symm_hemm(ctx, cdt, m, n, side, lower, how):
    rng = np.random.default_rng(m * 10 + n)
    k = m if side == "left" else n
    a, b, c = crand(rng, cdt, k, k), crand(rng, cdt, m, n), crand(rng, cdt, m, n)
    alpha, beta = 1.5 + 0.5j, -0.5 + 1j
    for name, full in (("symm", sym(wide(a), lower)), ("hemm", herm(wide(a), lower))):
        out = layout(c, how)
        got = getattr(oxpar, name)(layout(a, how), layout(b, how), out, side=side, lower=lower,
                                   alpha=alpha, beta=beta, ctx=ctx)
        assert got is out
        prod = full @ wide(b) if side == "left" else wide(b) @ full
        np.testing.assert_allclose(out, alpha * prod + beta * wide(c), **tol(cdt, k), err_msg=name)


@pytest.mark.parametrize("n,k", [(0, 3), (3, 0), (1, 1), (5, 3), (8, 11)])
@pytest.mark.parametrize("lower", [False, True])
@pytest.mark.parametrize("trans", TRANS)
@pytest.mark.parametrize("how", ["C", "F", "reversed"])
def test_rank_k(ctx, cdt, n, k, lower, trans, how):
    rng = np.random.default_rng(n * 13 + k)
    stored = (n, k) if trans == "N" else (k, n)
    a, b, c0 = crand(rng, cdt, *stored), crand(rng, cdt, *stored), crand(rng, cdt, n, n)
    oa, ob, cw = op(wide(a), trans), op(wide(b), trans), wide(c0)
    # herk, her2k: alpha*A*A^H with op(A) as trans says ("T": the plain transpose,
    # which BLAS does not offer); beta real, the diagonal comes out real.
    c = layout(c0, how)
    assert oxpar.herk(layout(a, how), c, lower=lower, trans=trans, alpha=0.5, beta=2.0, ctx=ctx) is c
    want = 0.5 * oa @ oa.conj().T + 2 * cw
    np.testing.assert_allclose(c, on_triangle(c, c0, want, lower, True), **tol(cdt, k + 1))
    alpha = 0.5 - 1j
    c = layout(c0, how)
    oxpar.her2k(layout(a, how), layout(b, how), c, lower=lower, trans=trans, alpha=alpha, beta=-1.0, ctx=ctx)
    want = alpha * oa @ ob.conj().T + np.conj(alpha) * ob @ oa.conj().T - cw
    np.testing.assert_allclose(c, on_triangle(c, c0, want, lower, True), **tol(cdt, 2 * k + 1))
    if trans == "C":
        return  # syrk and syr2k take "N" and "T" (as BLAS's csyrk)
    beta = 1 + 1j
    c = layout(c0, how)
    oxpar.syrk(layout(a, how), c, lower=lower, trans=trans, alpha=alpha, beta=beta, ctx=ctx)
    want = alpha * oa @ oa.T + beta * cw
    np.testing.assert_allclose(c, on_triangle(c, c0, want, lower, False), **tol(cdt, k + 1))
    c = layout(c0, how)
    oxpar.syr2k(layout(a, how), layout(b, how), c, lower=lower, trans=trans, alpha=alpha, beta=beta, ctx=ctx)
    want = alpha * (oa @ ob.T + ob @ oa.T) + beta * cw
    np.testing.assert_allclose(c, on_triangle(c, c0, want, lower, False), **tol(cdt, 2 * k + 1))
    # an output not given is made (beta must be 0), its other triangle zero
    made = oxpar.herk(a, lower=lower, trans=trans)
    np.testing.assert_allclose(made, on_triangle(made, np.zeros((n, n)), oa @ oa.conj().T, lower, True),
                               **tol(cdt, k + 1))


@pytest.mark.parametrize("m,n", [(0, 2), (1, 1), (5, 3), (4, 9)])
@pytest.mark.parametrize("side", ["left", "right"])
@pytest.mark.parametrize("lower", [False, True])
@pytest.mark.parametrize("trans", TRANS)
@pytest.mark.parametrize("unit", [False, True])
def test_trmm_trsm(ctx, cdt, m, n, side, lower, trans, unit):
    rng = np.random.default_rng(m * 7 + n)
    k = m if side == "left" else n
    a, b = well_conditioned(rng, cdt, k), crand(rng, cdt, m, n)
    t = op(tri(wide(a), lower, unit), trans)
    alpha = 2 - 0.5j
    for how in ("F", "reversed"):
        x = layout(b, how)
        assert oxpar.trmm(a, x, side=side, lower=lower, trans=trans, unit_diagonal=unit, alpha=alpha, ctx=ctx) is x
        want = alpha * (t @ wide(b) if side == "left" else wide(b) @ t)
        np.testing.assert_allclose(x, want, **tol(cdt, k))
        x = layout(b, how)
        oxpar.trsm(a, x, side=side, lower=lower, trans=trans, unit_diagonal=unit, alpha=alpha, ctx=ctx)
        if m and n:
            want = alpha * (np.linalg.solve(t, wide(b)) if side == "left" else np.linalg.solve(t.T, wide(b).T).T)
        else:
            want = b
        np.testing.assert_allclose(x, want, **tol(cdt, 10 * (k + 1)))


def band_storage(dense, kl, ku, order="F"):
    """LAPACK band storage of `dense`: element (i, j) in row ku + i - j of column j."""
    m, n = dense.shape
    ab = np.zeros((kl + ku + 1, n), dtype=dense.dtype, order=order)
    for j in range(n):
        for i in range(max(0, j - ku), min(m, j + kl + 1)):
            ab[ku + i - j, j] = dense[i, j]
    return ab


def band_part(a, kl, ku):
    return np.triu(np.tril(a, ku), -kl)


def packed(t, lower):
    n = t.shape[0]
    cols = [t[j:, j] if lower else t[: j + 1, j] for j in range(n)]
    return np.concatenate(cols) if cols else np.zeros(0, t.dtype)


@pytest.mark.parametrize("m,n", [(0, 0), (1, 1), (5, 3), (3, 6)])
@pytest.mark.parametrize("kl,ku", [(0, 0), (1, 2)])
@pytest.mark.parametrize("trans", TRANS)
@pytest.mark.parametrize("order", ["F", "C"])
def test_gbmv(ctx, cdt, m, n, kl, ku, trans, order):
    rng = np.random.default_rng(m * 11 + n)
    a = band_part(crand(rng, cdt, m, n), kl, ku)
    ab = band_storage(a, kl, ku, order)
    rows, cols = (m, n) if trans == "N" else (n, m)
    x, y = crand(rng, cdt, cols), crand(rng, cdt, rows)
    alpha, beta = 0.5 + 2j, 1 - 1j
    got = oxpar.gbmv(m, kl, ku, ab, layout(x, "reversed"), layout(y, "strided"), trans=trans,
                     alpha=alpha, beta=beta, ctx=ctx)
    want = alpha * op(wide(a), trans) @ wide(x) + beta * wide(y)
    np.testing.assert_allclose(got, want, **tol(cdt, max(m, n)))


@pytest.mark.parametrize("n", [0, 1, 5, 8])
@pytest.mark.parametrize("k", [0, 2])
@pytest.mark.parametrize("lower", [False, True])
@pytest.mark.parametrize("trans", TRANS)
@pytest.mark.parametrize("unit", [False, True])
def test_tbmv_tbsv_tpmv_tpsv(ctx, cdt, n, k, lower, trans, unit):
    rng = np.random.default_rng(n * 5 + k)
    full = well_conditioned(rng, cdt, n)
    a = band_part(full, k if lower else 0, 0 if lower else k)
    t = op(tri(wide(a), lower, unit), trans)
    ab = band_storage(a, k if lower else 0, 0 if lower else k)
    b = crand(rng, cdt, n)
    flags = dict(lower=lower, trans=trans, unit_diagonal=unit, ctx=ctx)
    x = layout(b, "strided")
    assert oxpar.tbmv(ab, x, **flags) is x
    np.testing.assert_allclose(x, t @ wide(b), **tol(cdt, n))
    x = layout(b, "reversed")
    oxpar.tbsv(ab, x, **flags)
    np.testing.assert_allclose(x, np.linalg.solve(t, wide(b)) if n else b, **tol(cdt, 10 * (n + 1)))
    # packed: the whole triangle
    tp = op(tri(wide(full), lower, unit), trans)
    ap = packed(tri(full, lower), lower)
    x = layout(b, "C")
    assert oxpar.tpmv(ap, x, **flags) is x
    np.testing.assert_allclose(x, tp @ wide(b), **tol(cdt, n))
    x = layout(b, "strided")
    oxpar.tpsv(layout(ap, "strided"), x, **flags)
    np.testing.assert_allclose(x, np.linalg.solve(tp, wide(b)) if n else b, **tol(cdt, 10 * (n + 1)))


def test_dtype_rules(cdt):
    real = np.dtype(np.float32) if cdt == np.complex64 else np.dtype(np.float64)
    a, x = np.eye(3, dtype=cdt), np.ones(3, dtype=cdt)
    # real and complex never mix
    with pytest.raises(TypeError, match="differs"):
        oxpar.trmv(a, np.ones(3, dtype=real))
    with pytest.raises(TypeError, match="differs"):
        oxpar.hemm(a, np.ones((3, 2), dtype=real))
    # Hermitian routines are complex only, the level-2 symmetric ones real only
    with pytest.raises(oxpar.OxparTypeError, match="hemv takes complex arrays only"):
        oxpar.hemv(np.eye(3, dtype=real), np.ones(3, dtype=real))
    with pytest.raises(oxpar.OxparTypeError, match="herk takes complex arrays only"):
        oxpar.herk(np.eye(3, dtype=real))
    with pytest.raises(oxpar.OxparTypeError, match="symv takes real arrays only"):
        oxpar.symv(a, x)
    with pytest.raises(oxpar.OxparTypeError, match="spr takes real arrays only"):
        oxpar.spr(1.0, x, np.zeros(6, dtype=cdt))
    # the real scalars of her and herk refuse complex values; the others take them
    with pytest.raises(TypeError, match="alpha: expected a real number"):
        oxpar.her(1j, x, a.copy())
    with pytest.raises(TypeError, match="beta: expected a real number"):
        oxpar.herk(a, a.copy(), beta=1j)
    with pytest.raises(TypeError, match="alpha: expected a real number"):
        oxpar.trmm(np.eye(2), np.ones((2, 2)), alpha=1j)
    np.testing.assert_allclose(oxpar.trmv(a, x.copy(), trans="c"), x)
    with pytest.raises(oxpar.InvalidArgumentError, match="trans"):
        oxpar.trmv(a, x.copy(), trans="X")
    with pytest.raises(TypeError, match="trans"):
        oxpar.trmv(a, x.copy(), trans=2)


@pytest.mark.parametrize("trans", TRANS)
def test_real_arrays_take_conj_as_transpose(trans):
    rng = np.random.default_rng(5)
    a, b = rng.standard_normal((4, 4)) + 4 * np.eye(4), rng.standard_normal((4, 3))
    x = b.copy()
    oxpar.trmm(a, x, lower=True, trans=trans)
    want = (np.tril(a) if trans == "N" else np.tril(a).T) @ b
    np.testing.assert_allclose(x, want, **tol(np.float64, 4))


SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
DTYPES = [np.float32, np.float64, np.complex64, np.complex128]


@SETTINGS
@given(
    n=st.integers(0, 9),
    k=st.integers(0, 9),
    dtypes=st.tuples(st.sampled_from(DTYPES), st.sampled_from(DTYPES)),
    trans=st.sampled_from(TRANS),
    lower=st.booleans(),
    order=st.sampled_from("CF"),
    seed=st.integers(0, 2**32 - 1),
)
def test_herk_syrk_properties(n, k, dtypes, trans, lower, order, seed):
    """Random shapes and dtypes: herk matches NumPy for complex arrays, syrk
    for every dtype; a mix of dtypes, or real arrays for herk, is a TypeError."""
    rng = np.random.default_rng(seed)
    stored = (n, k) if trans == "N" else (k, n)
    da, dc = (np.dtype(d) for d in dtypes)

    def make(shape, dtype):
        x = rng.standard_normal(shape) + (1j * rng.standard_normal(shape) if dtype.kind == "c" else 0)
        return np.asarray(x.astype(dtype), order=order)

    a, c0 = make(stored, da), make((n, n), dc)
    oa = op(wide(a), trans)
    for name in ("herk", "syrk"):
        if name == "syrk" and trans == "C" and da.kind == "c":
            continue
        c = c0.copy(order="A")
        ok = da == dc and (name == "syrk" or da.kind == "c")
        try:
            getattr(oxpar, name)(a, c, lower=lower, trans=trans, alpha=0.5, beta=-1.0)
        except oxpar.OxparTypeError:
            assert not ok
            continue
        assert ok, f"{name} accepted {da} and {dc}"
        prod = oa @ (oa.conj().T if name == "herk" else oa.T)
        want = 0.5 * prod - wide(c0)
        np.testing.assert_allclose(c, on_triangle(c, c0, want, lower, name == "herk" and da.kind == "c"),
                                   **tol(da, k + 1))
