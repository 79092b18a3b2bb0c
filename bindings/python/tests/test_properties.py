"""Random shapes, strides, orders and dtypes thrown at every function: each
call either matches NumPy or raises an oxpar.OxparError (TypeError for
dtypes, ValueError for shapes), and never crashes the interpreter."""

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import oxpar

DTYPES = [np.float32, np.float64, np.float64, np.float32, np.int64, np.complex128]
FLOAT = (np.dtype(np.float32), np.dtype(np.float64))
# What the routines of oxpar.blas that take complex arrays accept.
ANY = FLOAT + (np.dtype(np.complex64), np.dtype(np.complex128))


def wide(x):
    """x in double precision, complex if it is."""
    return x.astype(np.complex128 if x.dtype.kind == "c" else np.float64)
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def arrays(draw, ndim):
    dtype = np.dtype(draw(st.sampled_from(DTYPES)))
    shape = tuple(draw(st.integers(0, 9)) for _ in range(ndim))
    steps = tuple(draw(st.sampled_from([1, 1, 2, -1, -3])) for _ in range(ndim))
    order = draw(st.sampled_from("CF"))
    seed = draw(st.integers(0, 2**32 - 1))
    rng = np.random.default_rng(seed)
    big = tuple(max(s * abs(k), 1) for s, k in zip(shape, steps))
    base = np.asarray(rng.uniform(-2, 2, big), order=order).astype(dtype, order=order)
    view = base[tuple(slice(None, None, k) for k in steps)]
    return view[tuple(slice(0, s) for s in shape)]


def _check(call, expected, dtypes, shapes_ok, rtol_terms=10, allowed=FLOAT):
    dtype_ok = all(d in allowed for d in dtypes) and len(set(dtypes)) == 1
    try:
        got = call()
    except oxpar.OxparError as e:
        if not dtype_ok:
            assert isinstance(e, TypeError), e
        else:
            assert not shapes_ok(), f"unexpected {type(e).__name__}: {e}"
            assert isinstance(e, ValueError), e
        return
    assert dtype_ok and shapes_ok(), "accepted bad input"
    want = expected()
    eps = np.finfo(dtypes[0]).eps
    np.testing.assert_allclose(got, want, rtol=eps * rtol_terms * 8, atol=eps * rtol_terms * 8)


@SETTINGS
@given(arrays(1), arrays(1))
def test_level1_properties(x, y):
    d = [x.dtype, y.dtype]
    same = lambda: x.shape == y.shape  # noqa: E731
    _check(lambda: oxpar.dot(x, y), lambda: np.dot(x.astype(np.float64), y.astype(np.float64)), d, same)
    _check(lambda: oxpar.nrm2(x), lambda: np.linalg.norm(wide(x)), d[:1], lambda: True, allowed=ANY)
    asum = lambda: np.abs(wide(x).real).sum() + np.abs(wide(x).imag).sum()  # noqa: E731 (BLAS's |re| + |im|)
    _check(lambda: oxpar.asum(x), asum, d[:1], lambda: True, allowed=ANY)
    y2 = y.copy()
    _check(lambda: oxpar.axpy(0.5, x, y2), lambda: wide(y) + 0.5 * wide(x), d, same, allowed=ANY)


@SETTINGS
@given(arrays(2), arrays(1), st.booleans())
def test_gemv_properties(a, x, trans):
    op = a.T if trans else a
    _check(
        lambda: oxpar.gemv(a, x, trans=trans),
        lambda: wide(op) @ wide(x),
        [a.dtype, x.dtype],
        lambda: op.shape[1] == x.shape[0],
        rtol_terms=20,
        allowed=ANY,
    )


@SETTINGS
@given(arrays(2), arrays(2), st.booleans(), st.booleans())
def test_gemm_properties(a, b, ta, tb):
    oa, ob = (a.T if ta else a), (b.T if tb else b)
    _check(
        lambda: oxpar.gemm(a, b, trans_a=ta, trans_b=tb),
        lambda: wide(oa) @ wide(ob),
        [a.dtype, b.dtype],
        lambda: oa.shape[1] == ob.shape[0],
        rtol_terms=20,
        allowed=ANY,
    )


@SETTINGS
@given(arrays(1), arrays(1), arrays(2))
def test_ger_properties(x, y, a):
    a2 = a.copy(order="K") if a.flags.writeable else a
    _check(
        lambda: oxpar.ger(1.5, x, y, a2),
        lambda: a.astype(np.float64) + 1.5 * np.outer(x.astype(np.float64), y.astype(np.float64)),
        [x.dtype, y.dtype, a.dtype],
        lambda: a.shape == (x.shape[0], y.shape[0]),
    )
