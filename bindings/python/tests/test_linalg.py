"""oxpar.linalg against NumPy and SciPy: solve, lu_factor/lu_solve, cholesky,
cho_factor/cho_solve for the four dtypes, C/Fortran order and strided views,
overwrite_a/overwrite_b semantics, and the failures (LinAlgError with info,
bad input)."""

import numpy as np
import pytest
import scipy.linalg

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


def hpd(rng, n, dtype):
    m = rand(rng, (n, n), dtype)
    return (m.conj().T @ m + n * np.eye(n)).astype(dtype)


def layouts(a):
    """The same matrix in C order, Fortran order and as a strided slice."""
    big = np.zeros((2 * a.shape[0], 3 * a.shape[1]), a.dtype)
    big[::2, ::3] = a
    return [np.ascontiguousarray(a), np.asfortranarray(a), big[::2, ::3]]


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("n", [1, 5, 33, 80])
def test_solve_matches_numpy(ctx, dtype, n):
    rng = np.random.default_rng(n)
    a = rand(rng, (n, n), dtype)
    for b in (rand(rng, n, dtype), rand(rng, (n, 3), dtype)):
        want = np.linalg.solve(a.astype(np.complex128), b.astype(np.complex128))
        for av in layouts(a):
            got = linalg.solve(av, b, ctx=ctx)
            assert got.shape == b.shape and got.dtype == np.dtype(dtype)
            np.testing.assert_allclose(got, want, rtol=rtol(dtype) * n, atol=rtol(dtype) * n)


@pytest.mark.parametrize("dtype", DTYPES)
def test_lu_factor_matches_scipy(ctx, dtype):
    rng = np.random.default_rng(1)
    for shape in [(7, 7), (9, 4), (4, 9), (0, 3)]:
        a = rand(rng, shape, dtype)
        a0 = a.copy()
        lu, piv = linalg.lu_factor(a, ctx=ctx)
        np.testing.assert_array_equal(a, a0)  # overwrite_a=False: a is untouched
        if a.size:
            want_lu, want_piv = scipy.linalg.lu_factor(a)
            np.testing.assert_array_equal(piv, want_piv)
            np.testing.assert_allclose(lu, want_lu, rtol=rtol(dtype) * 10, atol=rtol(dtype) * 10)


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("trans", [0, 1, 2, "N", "T", "C"])
def test_lu_solve_trans(ctx, dtype, trans):
    rng = np.random.default_rng(2)
    n = 12
    a = rand(rng, (n, n), dtype)
    b = rand(rng, (n, 2), dtype)
    lu_piv = linalg.lu_factor(a, ctx=ctx)
    x = linalg.lu_solve(lu_piv, b, trans=trans, ctx=ctx)
    t = {"N": 0, "T": 1, "C": 2}.get(trans, trans)
    op = [a, a.T, a.conj().T][t]
    np.testing.assert_allclose(op @ x, b, rtol=rtol(dtype) * n, atol=rtol(dtype) * n)
    want = scipy.linalg.lu_solve(scipy.linalg.lu_factor(a), b, trans=t)
    np.testing.assert_allclose(x, want, rtol=rtol(dtype) * n, atol=rtol(dtype) * n)


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("lower", [False, True])
def test_cholesky_matches_scipy(ctx, dtype, lower):
    rng = np.random.default_rng(3)
    for n in [1, 6, 40]:
        a = hpd(rng, n, dtype)
        for av in layouts(a):
            c = linalg.cholesky(av, lower=lower, ctx=ctx)
            want = scipy.linalg.cholesky(a, lower=lower)
            np.testing.assert_allclose(c, want, rtol=rtol(dtype) * n, atol=rtol(dtype) * n)
            assert np.all((np.triu(c, 1) if lower else np.tril(c, -1)) == 0)
        cf = linalg.cho_factor(a, lower=lower, ctx=ctx)
        assert cf[1] is lower
        b = rand(rng, n, dtype)
        x = linalg.cho_solve(cf, b, ctx=ctx)
        np.testing.assert_allclose(x, scipy.linalg.cho_solve(scipy.linalg.cho_factor(a, lower=lower), b),
                                   rtol=rtol(dtype) * n * 10, atol=rtol(dtype) * n * 10)


def test_cho_factor_reads_one_triangle(ctx):
    rng = np.random.default_rng(4)
    a = hpd(rng, 5, np.float64)
    upper = np.triu(a) + np.tril(np.full((5, 5), np.nan), -1)
    c, low = linalg.cho_factor(upper, check_finite=False, ctx=ctx)
    np.testing.assert_allclose(np.triu(c), scipy.linalg.cholesky(a), rtol=1e-12)
    assert np.isnan(c[np.tril_indices(5, -1)]).all()


def test_overwrite_semantics(ctx):
    rng = np.random.default_rng(5)
    a = np.asfortranarray(rand(rng, (6, 6), np.float64))
    b = rand(rng, 6, np.float64)
    a0, b0 = a.copy(), b.copy()
    x = linalg.solve(a, b, ctx=ctx)
    np.testing.assert_array_equal(a, a0)
    np.testing.assert_array_equal(b, b0)
    x2 = linalg.solve(a, b, overwrite_a=True, overwrite_b=True, ctx=ctx)
    assert x2 is b and np.shares_memory(x2, b)
    np.testing.assert_allclose(x2, x, rtol=1e-12)
    assert not np.array_equal(a, a0)  # a holds its LU factors
    lu, piv = scipy.linalg.lu_factor(a0)
    np.testing.assert_allclose(a, lu, rtol=1e-12, atol=1e-14)
    # a float32 array with overwrite_a is not the common dtype of a float64 b: copied
    a32 = a0.astype(np.float32)
    a32c = a32.copy()
    linalg.solve(a32, b0, overwrite_a=True, ctx=ctx)
    np.testing.assert_array_equal(a32, a32c)
    # read-only arrays are copied even with overwrite
    ro = a0.copy()
    ro.flags.writeable = False
    linalg.solve(ro, b0, overwrite_a=True, ctx=ctx)
    np.testing.assert_array_equal(ro, a0)
    lu, piv = linalg.lu_factor(a0, overwrite_a=True, ctx=ctx)
    assert np.shares_memory(lu, a0)


def test_integer_input_is_float64(ctx):
    x = linalg.solve(np.array([[2, 1], [1, 3]]), np.array([3, 5]), ctx=ctx)
    assert x.dtype == np.float64
    np.testing.assert_allclose(x, [0.8, 1.4])


@pytest.mark.parametrize("dtype", DTYPES)
def test_singular_raises_linalgerror_with_info(ctx, dtype):
    a = np.ones((4, 4), dtype)
    a[:, 2] = 0
    b = np.ones(4, dtype)
    with pytest.raises(np.linalg.LinAlgError) as info:
        linalg.solve(a, b, ctx=ctx)
    err = info.value
    assert isinstance(err, oxpar.OxparError) and isinstance(err, oxpar.SingularMatrixError)
    assert isinstance(err, oxpar.LinAlgError)
    assert err.code == 300 and err.info == 2  # column 1 (0-based) is the first zero pivot
    assert "singular" in str(err)
    with pytest.warns(linalg.LinAlgWarning, match="exactly zero"):
        lu, piv = linalg.lu_factor(a, ctx=ctx)
    assert piv.shape == (4,) and lu[1, 1] == 0 and lu[2, 2] == 0


def test_singular_info_is_lapacks(ctx):
    a = np.eye(4)
    a[2, 2] = 0
    with pytest.raises(oxpar.SingularMatrixError) as info:
        linalg.solve(a, np.ones(4), ctx=ctx)
    assert info.value.info == 3


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("lower", [False, True])
def test_not_positive_definite(ctx, dtype, lower):
    a = np.diag(np.array([4.0, 4.0, -1.0, 4.0])).astype(dtype)
    for f in (linalg.cholesky, linalg.cho_factor):
        with pytest.raises(np.linalg.LinAlgError) as info:
            f(a, lower=lower, ctx=ctx)
        err = info.value
        assert isinstance(err, oxpar.NotPositiveDefiniteError) and isinstance(err, oxpar.OxparError)
        assert err.info == 3 and err.code == 301
    # numpy's own except clause catches it
    try:
        linalg.cholesky(a, ctx=ctx)
    except np.linalg.LinAlgError as e:
        assert e.info == 3


def test_bad_input(ctx):
    a = np.eye(3)
    with pytest.raises(ValueError, match="square"):
        linalg.solve(np.ones((3, 4)), np.ones(3), ctx=ctx)
    with pytest.raises(ValueError, match="b: expected 3 rows"):
        linalg.solve(a, np.ones(4), ctx=ctx)
    with pytest.raises(ValueError, match="infs or NaNs"):
        linalg.solve(a, np.array([1.0, np.nan, 0.0]), ctx=ctx)
    with pytest.raises(ValueError, match="trans"):
        linalg.lu_solve(linalg.lu_factor(a, ctx=ctx), np.ones(3), trans=3, ctx=ctx)
    lu, piv = linalg.lu_factor(a, ctx=ctx)
    with pytest.raises(oxpar.InvalidArgumentError, match="piv"):
        linalg.lu_solve((lu, np.array([0, 5, 2])), np.ones(3), ctx=ctx)
    with pytest.raises(ValueError, match="piv"):
        linalg.lu_solve((lu, np.array([0, 1])), np.ones(3), ctx=ctx)
    with pytest.raises(TypeError):
        linalg.solve(np.array([["a"]]), np.array(["b"]), ctx=ctx)
    with pytest.raises(TypeError, match="ctx"):
        linalg.solve(a, np.ones(3), ctx="threads")


def test_default_context_and_empty():
    x = linalg.solve(np.eye(2), np.array([1.0, 2.0]))
    np.testing.assert_allclose(x, [1.0, 2.0])
    assert linalg.solve(np.zeros((0, 0)), np.zeros(0)).shape == (0,)
    c = linalg.cholesky(np.zeros((0, 0)))
    assert c.shape == (0, 0)


from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def systems(draw):
    """A square system in a random dtype, order, and strided view."""
    n = draw(st.integers(0, 24))
    nrhs = draw(st.integers(0, 4))
    dtype = np.dtype(draw(st.sampled_from(DTYPES)))
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    a = rand(rng, (n, n), dtype) + 2 * n * np.eye(n, dtype=dtype) * draw(st.sampled_from([0, 1]))
    step = draw(st.integers(1, 3))
    order = draw(st.sampled_from("CF"))
    big = np.zeros((n * step, n * step), dtype, order=order)
    view = big[::step, ::step]
    view[...] = a
    if draw(st.booleans()):
        view = view.T
        a = a.T
    vector = draw(st.booleans())
    b = rand(rng, n if vector else (n, nrhs), dtype)
    return a.copy(), view, b, dtype


@SETTINGS
@given(systems(), st.sampled_from(["serial", "threads:2"]))
def test_solve_properties(system, spec):
    a, view, b, dtype = system
    n = a.shape[0]
    with oxpar.Context(spec) as ctx:
        try:
            x = linalg.solve(view, b, ctx=ctx)
        except oxpar.SingularMatrixError as e:
            assert 1 <= e.info <= n
            return
    assert x.shape == b.shape and x.dtype == dtype
    np.testing.assert_array_equal(view, a)  # a is not overwritten by default
    if x.size:
        x2 = x.reshape(n, -1).astype(np.complex128)
        res = a.astype(np.complex128) @ x2 - b.reshape(n, -1)
        norm1 = lambda m: np.abs(m).sum(axis=0).max()  # noqa: E731
        assert norm1(res) <= 30 * n * norm1(a) * norm1(x2) * np.finfo(dtype).eps


@SETTINGS
@given(systems(), st.booleans())
def test_cholesky_properties(system, lower):
    a, _, b, dtype = system
    n = a.shape[0]
    h = (a.conj().T @ a + n * np.eye(n)).astype(dtype)
    c = linalg.cholesky(h, lower=lower)
    rec = c @ c.conj().T if lower else c.conj().T @ c
    scale = max(n, 1) * max(np.abs(h).sum(axis=0).max() if n else 0, 1e-300) * np.finfo(dtype).eps
    assert n == 0 or np.abs(rec - h).max() <= 30 * scale
    x = linalg.cho_solve(linalg.cho_factor(h, lower=lower), b)
    assert x.shape == b.shape


def test_on_an_opencl_context_through_the_host_path():
    # An OpenCL context factors host arrays through its host path; skipped
    # where there is no OpenCL.
    try:
        ctx = oxpar.Context("opencl")
    except oxpar.OxparError as e:
        pytest.skip(f"no OpenCL: {e}")
    with ctx:
        rng = np.random.default_rng(7)
        a = rand(rng, (20, 20), np.float64)
        b = rand(rng, 20, np.float64)
        np.testing.assert_allclose(linalg.solve(a, b, ctx=ctx), np.linalg.solve(a, b), rtol=1e-10)
        h = hpd(rng, 20, np.complex128)
        np.testing.assert_allclose(linalg.cholesky(h, lower=True, ctx=ctx), np.linalg.cholesky(h), rtol=1e-10,
                                   atol=1e-12)
