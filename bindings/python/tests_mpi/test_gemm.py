"""Distributed gemm (SUMMA) on p x 1, 1 x p and 2 x 2 grids, uneven blocks."""

import numpy as np
import pytest
from conftest import RANK, SIZE, SPLITS, WORLD, block, tol

import oxpar

M, N, K = 11, 10, 9
GRIDS = sorted({(SIZE, 1), (1, SIZE)} | ({(2, 2)} if SIZE == 4 else set()))


@pytest.fixture(params=GRIDS, ids=[f"{r}x{c}" for r, c in GRIDS])
def grid(request, ctx):
    """The suite's context on a given grid (the default one restored after)."""
    default = ctx.grid
    rows, cols = request.param
    ctx.set_grid(rows, cols)
    g = ctx.grid
    assert (g.rows, g.cols) == (rows, cols)
    assert (g.row, g.col) == (RANK // cols, RANK % cols)
    yield g
    ctx.set_grid(default.rows, default.cols)


def operands(dtype, seed=5):
    rng = np.random.default_rng(seed)
    return (
        rng.standard_normal((M, K)).astype(dtype),
        rng.standard_normal((K, N)).astype(dtype),
        rng.standard_normal((M, N)).astype(dtype),
    )


def splits(g):
    """Uneven blocks: C's rows over grid rows (the first one empty), C's
    columns over grid columns (the last one empty), and the inner dimension
    split twice, differently: over grid columns for A, grid rows for B."""
    mi = block(SPLITS["uneven"](M, g.rows), g.row)
    nj = block(SPLITS["uneven-last-empty"](N, g.cols), g.col)
    kaj = block(SPLITS["balanced"](K, g.cols), g.col)
    kbi = block(SPLITS["uneven-last-empty"](K, g.rows), g.row)
    return mi, nj, kaj, kbi


@pytest.mark.parametrize("trans_a", [False, True])
@pytest.mark.parametrize("trans_b", [False, True])
def test_gemm_blocks(ctx, grid, dtype, trans_a, trans_b):
    a, b, c = operands(dtype)
    mi, nj, kaj, kbi = splits(grid)
    # A stored transposed: its block (i, j) is the block of A.T, held C-ordered.
    al = np.ascontiguousarray(a.T[kaj, mi]) if trans_a else a[mi, kaj]
    bl = np.ascontiguousarray(b.T[nj, kbi]) if trans_b else b[kbi, nj]
    cl = c[mi, nj].copy()
    out = oxpar.mpi.gemm(al, bl, cl, alpha=0.5, beta=2.0, trans_a=trans_a, trans_b=trans_b, ctx=ctx)
    assert out is cl
    np.testing.assert_allclose(cl, 0.5 * (a @ b)[mi, nj] + 2.0 * c[mi, nj], **tol(dtype, K))


def test_gemm_transposed_views_and_fortran_order(ctx, grid, dtype):
    a, b, c = operands(dtype, seed=6)
    mi, nj, kaj, kbi = splits(grid)
    at = np.ascontiguousarray(a.T)
    al = at[kaj, mi].T  # a .T view: column-major strides
    bl = np.asfortranarray(b)[kbi, nj]
    cl = np.asfortranarray(c)[mi, nj]
    oxpar.mpi.gemm(al, bl, cl, alpha=-1.0, beta=1.0, ctx=ctx)
    np.testing.assert_allclose(cl, c[mi, nj] - (a @ b)[mi, nj], **tol(dtype, K))
    # trans_a on a .T view is A itself again.
    fresh = oxpar.mpi.gemm(np.ascontiguousarray(a[mi, kaj]).T, b[kbi, nj], trans_a=True, ctx=ctx)
    assert fresh.shape == (mi.stop - mi.start, nj.stop - nj.start) and fresh.flags.c_contiguous
    np.testing.assert_allclose(fresh, (a @ b)[mi, nj], **tol(dtype, K))


def test_gemm_gathers_to_the_whole_product(ctx, grid):
    a, b, _ = operands(np.float64, seed=7)
    mi, nj, kaj, kbi = splits(grid)
    cl = oxpar.mpi.gemm(a[mi, kaj], b[kbi, nj], ctx=ctx)
    whole = np.zeros((M, N))
    for (i, j), blk in WORLD.allgather(((mi, nj), cl)):
        whole[i, j] = blk
    np.testing.assert_allclose(whole, a @ b, **tol(np.float64, K))


def test_default_grid_is_the_most_square(ctx):
    g = ctx.grid
    assert g.rows * g.cols == SIZE and g.rows >= g.cols
    assert (g.row, g.col) == (RANK // g.cols, RANK % g.cols)
    best = max(c for c in range(1, SIZE + 1) if SIZE % c == 0 and c * c <= SIZE)
    assert g.cols == best
