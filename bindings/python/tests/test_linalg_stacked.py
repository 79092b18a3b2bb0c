"""oxpar.linalg's inverses, determinants and stacked matrices against
numpy.linalg: inv, det, slogdet (complex sign included) on single and
stacked inputs of the four dtypes, solve with NumPy 2's rule for b and
broadcasting of the stack dimensions, stacked cholesky, and a singular (or
not positive definite) member of a stack raising LinAlgError with its
index."""

import numpy as np
import pytest

import oxpar
from oxpar import linalg

DTYPES = [np.float32, np.float64, np.complex64, np.complex128]


def rtol(dtype):
    return 2e-3 if np.dtype(dtype) in (np.float32, np.complex64) else 1e-10


def rand(rng, shape, dtype):
    x = rng.standard_normal(shape)
    if np.dtype(dtype).kind == "c":
        x = x + 1j * rng.standard_normal(shape)
    return x.astype(dtype)


def wide(a):
    return a.astype(np.complex128 if np.iscomplexobj(a) else np.float64)


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("shape", [(5, 5), (3, 4, 4), (2, 3, 6, 6), (1, 1), (0, 3, 3), (2, 0, 0)])
def test_inv_matches_numpy(ctx, dtype, shape):
    rng = np.random.default_rng(sum(shape))
    a = rand(rng, shape, dtype)
    a0 = a.copy()
    x = linalg.inv(a, ctx=ctx)
    np.testing.assert_array_equal(a, a0)
    assert x.shape == a.shape and x.dtype == np.dtype(dtype)
    if a.size:
        n = shape[-1]
        np.testing.assert_allclose(x, np.linalg.inv(wide(a)), rtol=rtol(dtype) * 50, atol=rtol(dtype) * 50)
        np.testing.assert_allclose(wide(a) @ wide(x), np.broadcast_to(np.eye(n), shape),
                                   atol=rtol(dtype) * 50 * n)


def test_inv_fortran_order_and_strided(ctx):
    rng = np.random.default_rng(9)
    a = rand(rng, (4, 10, 10), np.float64)
    for view in (np.asfortranarray(a), a[:, ::-1, :], a.transpose(0, 2, 1)):
        np.testing.assert_allclose(linalg.inv(view, ctx=ctx), np.linalg.inv(view), rtol=1e-9, atol=1e-12)


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("shape", [(6, 6), (5, 3, 3), (2, 2, 7, 7), (0, 2, 2), (0, 0)])
def test_det_and_slogdet_match_numpy(ctx, dtype, shape):
    rng = np.random.default_rng(sum(shape) + 1)
    a = rand(rng, shape, dtype)
    d = linalg.det(a, ctx=ctx)
    want = np.linalg.det(wide(a))
    assert np.shape(d) == shape[:-2]
    assert np.asarray(d).dtype == np.dtype(dtype)
    np.testing.assert_allclose(d, want, rtol=rtol(dtype) * 20, atol=rtol(dtype) * 20)
    sign, logabs = linalg.slogdet(a, ctx=ctx)
    wsign, wlog = np.linalg.slogdet(wide(a))
    assert np.asarray(sign).dtype == np.dtype(dtype)
    assert np.asarray(logabs).dtype == np.finfo(dtype).dtype
    np.testing.assert_allclose(sign, wsign, rtol=rtol(dtype) * 20, atol=rtol(dtype) * 20)
    np.testing.assert_allclose(logabs, wlog, rtol=rtol(dtype) * 20, atol=rtol(dtype) * 20)
    r = linalg.slogdet(a, ctx=ctx)
    assert r.sign is not None and r.logabsdet is not None  # NumPy's named fields


def test_det_scalars_and_singular(ctx):
    assert linalg.det(np.array([[1.0, 2.0], [3.0, 4.0]]), ctx=ctx) == pytest.approx(-2.0)
    assert isinstance(linalg.det(np.eye(3), ctx=ctx), np.float64)
    z = np.array([[1j, 0], [0, 1]])
    s, l = linalg.slogdet(z, ctx=ctx)
    assert s == pytest.approx(1j) and l == pytest.approx(0.0)
    stack = np.stack([np.eye(3), np.ones((3, 3)), 2 * np.eye(3)])
    np.testing.assert_allclose(linalg.det(stack, ctx=ctx), [1.0, 0.0, 8.0])
    s, l = linalg.slogdet(stack, ctx=ctx)
    np.testing.assert_array_equal(s, [1.0, 0.0, 1.0])
    assert l[1] == -np.inf and l[2] == pytest.approx(3 * np.log(2))
    # a triangular matrix: the product of its diagonal
    t = np.triu(np.random.default_rng(3).standard_normal((6, 6))) + 3 * np.eye(6)
    assert linalg.det(t, ctx=ctx) == pytest.approx(np.prod(np.diag(t)), rel=1e-12)
    # integers are computed in float64, as NumPy does
    assert linalg.det(np.array([[2, 1], [1, 3]]), ctx=ctx) == pytest.approx(5.0)


@pytest.mark.parametrize("dtype", DTYPES)
def test_solve_stacked_matches_numpy(ctx, dtype):
    rng = np.random.default_rng(11)
    n = 5
    a = rand(rng, (4, n, n), dtype)
    cases = [
        (a, rand(rng, n, dtype)),  # one vector for every matrix: (4, n)
        (a, rand(rng, (4, n, 2), dtype)),  # a stack of matrices
        (a, rand(rng, (n, 3), dtype)),  # one matrix for every matrix (broadcast)
        (a[:, None], rand(rng, (3, n, 1), dtype)),  # (4, 1) against (3,): (4, 3, n, 1)
        (a[0], rand(rng, (2, n, 2), dtype)),  # one matrix, a stack of right-hand sides
    ]
    for av, b in cases:
        got = linalg.solve(av, b, ctx=ctx)
        want = np.linalg.solve(wide(av), wide(b))
        assert got.shape == want.shape and got.dtype == np.dtype(dtype)
        np.testing.assert_allclose(got, want, rtol=rtol(dtype) * 50, atol=rtol(dtype) * 50)


def test_solve_stacked_refuses_ambiguous_and_mismatched(ctx):
    a = np.broadcast_to(np.eye(3), (2, 3, 3))
    with pytest.raises(oxpar.ShapeMismatchError, match="b\\[..., None\\]"):
        linalg.solve(a, np.ones((2, 3)), ctx=ctx)  # NumPy 2 refuses it too: (2, 3) is a 2x3 matrix
    with pytest.raises(oxpar.ShapeMismatchError, match="broadcast"):
        linalg.solve(a, np.ones((4, 3, 1)), ctx=ctx)
    with pytest.raises(oxpar.ShapeMismatchError, match="square"):
        linalg.solve(np.ones((2, 3, 4)), np.ones(3), ctx=ctx)
    with pytest.raises(oxpar.ShapeMismatchError, match="square"):
        linalg.inv(np.ones((2, 3, 4)), ctx=ctx)
    with pytest.raises(ValueError):
        linalg.det(np.ones(3), ctx=ctx)


def test_singular_member_of_a_stack(ctx):
    rng = np.random.default_rng(12)
    a = rand(rng, (2, 3, 4, 4), np.float64)
    a[1, 2, :, 1] = 0  # column 1 zero: LAPACK info 2
    b = rand(rng, (2, 3, 4, 2), np.float64)
    with pytest.raises(oxpar.SingularMatrixError) as e:
        linalg.solve(a, b, ctx=ctx)
    assert e.value.index == (1, 2) and e.value.info == 2
    assert isinstance(e.value, np.linalg.LinAlgError)
    with pytest.raises(np.linalg.LinAlgError) as e:
        linalg.inv(a, ctx=ctx)
    assert e.value.index == (1, 2) and e.value.info == 2
    d = linalg.det(a, ctx=ctx)
    assert d[1, 2] == 0 and np.all(d[0] != 0)
    # a 2-D singular matrix has no index
    with pytest.raises(oxpar.SingularMatrixError) as e:
        linalg.inv(a[1, 2], ctx=ctx)
    assert e.value.index is None and e.value.info == 2


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("lower", [False, True])
def test_cholesky_stacked(ctx, dtype, lower):
    rng = np.random.default_rng(13)
    m = rand(rng, (3, 2, 6, 6), dtype)
    h = (m.conj().transpose(0, 1, 3, 2) @ m + 6 * np.eye(6)).astype(dtype)
    c = linalg.cholesky(h, lower=lower, ctx=ctx)
    want = np.linalg.cholesky(wide(h))
    if not lower:
        want = want.conj().transpose(0, 1, 3, 2)
    assert c.shape == h.shape and c.dtype == np.dtype(dtype)
    np.testing.assert_allclose(c, want, rtol=rtol(dtype) * 20, atol=rtol(dtype) * 20)
    h[2, 0, 3, 3] = -100
    with pytest.raises(oxpar.NotPositiveDefiniteError) as e:
        linalg.cholesky(h, lower=lower, ctx=ctx)
    assert e.value.index == (2, 0) and e.value.info == 4


from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.integers(0, 3), max_size=2), st.integers(0, 6), st.integers(1, 3),
       st.sampled_from(DTYPES), st.integers(0, 2**32 - 1), st.booleans())
def test_stacks_properties(batch, n, k, dtype, seed, vector):
    """Random stack shapes (empty ones too): solve, inv and det against NumPy."""
    rng = np.random.default_rng(seed)
    shape = tuple(batch) + (n, n)
    a = rand(rng, shape, dtype) + 2 * n * np.eye(n, dtype=dtype)
    b = rand(rng, n if vector else tuple(batch) + (n, k), dtype)
    tol = rtol(dtype) * 50 * max(n, 1)
    np.testing.assert_allclose(linalg.solve(a, b), np.linalg.solve(wide(a), wide(b)), rtol=tol, atol=tol)
    np.testing.assert_allclose(linalg.inv(a), np.linalg.inv(wide(a)), rtol=tol, atol=tol)
    np.testing.assert_allclose(linalg.det(a), np.linalg.det(wide(a)), rtol=tol, atol=tol)
