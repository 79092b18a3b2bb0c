"""Distributed gemv and ger: A by row blocks, the other vector split any way."""

import numpy as np
import pytest
from conftest import RANK, SIZE, SPLITS, WORLD, block, tol

import oxpar

M, N = 13, 9


def matrices(dtype, seed=3):
    rng = np.random.default_rng(seed)
    return (
        rng.standard_normal((M, N)).astype(dtype),
        rng.standard_normal(N).astype(dtype),
        rng.standard_normal(M).astype(dtype),
    )


def layout(a, rows, how):
    """This rank's rows of `a`, stored C-ordered, Fortran-ordered, as a
    transposed (.T) view or as a strided view of a bigger array."""
    if how == "C":
        return a[rows].copy()
    if how == "F":
        return np.asfortranarray(a)[rows]
    if how == "T":
        return np.ascontiguousarray(a.T)[:, rows].T
    big = np.zeros((2 * a.shape[0] - 1, 3 * a.shape[1] - 2), dtype=a.dtype)
    big[::2, ::3] = a
    return big[::2, ::3][rows]


@pytest.mark.parametrize("how", ["C", "F", "T", "strided"])
@pytest.mark.parametrize("row_split", sorted(SPLITS))
def test_gemv(ctx, dtype, how, row_split):
    a, x, y = matrices(dtype)
    rows = block(SPLITS[row_split](M, SIZE), RANK)
    # x is split differently from A's rows.
    cols = block(SPLITS["uneven-last-empty" if row_split != "uneven-last-empty" else "balanced"](N, SIZE), RANK)
    al = layout(a, rows, how)
    yl = y[rows].copy()
    out = oxpar.mpi.gemv(al, x[cols], yl, alpha=1.5, beta=-0.5, ctx=ctx)
    assert out is yl
    np.testing.assert_allclose(yl, 1.5 * a[rows] @ x - 0.5 * y[rows], **tol(dtype, N))
    fresh = oxpar.mpi.gemv(al, x[cols], ctx=ctx)
    assert fresh.shape == (rows.stop - rows.start,) and fresh.dtype == dtype
    np.testing.assert_allclose(np.concatenate(WORLD.allgather(fresh)), a @ x, **tol(dtype, N))


def test_gemv_beta_zero_does_not_read_y(ctx):
    a, x, _ = matrices(np.float64)
    rows, cols = block(SPLITS["uneven"](M, SIZE), RANK), block(SPLITS["balanced"](N, SIZE), RANK)
    yl = np.full(rows.stop - rows.start, np.nan)
    oxpar.mpi.gemv(a[rows], x[cols], yl, ctx=ctx)
    np.testing.assert_allclose(yl, a[rows] @ x, **tol(np.float64, N))


@pytest.mark.parametrize("how", ["C", "F", "T", "strided"])
@pytest.mark.parametrize("row_split", sorted(SPLITS))
def test_ger(ctx, dtype, how, row_split):
    a, y, x = matrices(dtype, seed=4)
    rows = block(SPLITS[row_split](M, SIZE), RANK)
    cols = block(SPLITS["uneven"](N, SIZE)[::-1] if SIZE > 1 else [N], RANK)
    al = layout(a, rows, how)
    assert oxpar.mpi.ger(0.75, x[rows], y[cols], al, ctx=ctx) is al
    np.testing.assert_allclose(al, a[rows] + 0.75 * np.outer(x[rows], y), **tol(dtype))


def test_one_process_world_on_a_context_that_is_not_mpi(dtype):
    # Not collective: every rank computes the whole product by itself.
    a, x, y = matrices(dtype)
    with oxpar.Context("serial") as serial:
        np.testing.assert_allclose(oxpar.mpi.gemv(a, x, ctx=serial), a @ x, **tol(dtype, N))
        aa = a.copy()
        oxpar.mpi.ger(2.0, y, x, aa, ctx=serial)
        np.testing.assert_allclose(aa, a + 2.0 * np.outer(y, x), **tol(dtype))
        np.testing.assert_allclose(oxpar.mpi.gemm(a, a, trans_b=True, ctx=serial), a @ a.T, **tol(dtype, N))
