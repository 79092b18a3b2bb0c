"""Halo exchanges, 1-D (rank order) and 2-D (process grid): ghost 1 and 2,
periodic or not, C- and Fortran-ordered and strided arrays, uneven blocks."""

import numpy as np
import pytest
from conftest import RANK, SIZE, block

import oxpar

SENTINEL = -1.0  # what the ghost cells hold before; the field is positive
GRIDS = sorted({(SIZE, 1), (1, SIZE)} | ({(2, 2)} if SIZE == 4 else set()))


def expected_1d(field, start, stop, ghost, periodic):
    n = len(field)
    out = []
    for g in range(start - ghost, stop + ghost):
        inside = 0 <= g < n
        out.append(field[g % n] if inside or periodic else SENTINEL)
    return np.array(out)


def store_1d(values, how):
    if how == "contiguous":
        return values.copy()
    big = np.zeros(3 * len(values), dtype=values.dtype)
    view = big[::-3]  # strided and reversed
    view[:] = values
    return view


@pytest.mark.parametrize("how", ["contiguous", "strided"])
@pytest.mark.parametrize("periodic", [False, True])
@pytest.mark.parametrize("ghost", [1, 2])
def test_halo_1d(ctx, dtype, ghost, periodic, how):
    # Interiors of different sizes, each at least `ghost`.
    lens = [ghost + (r * 2) % 3 for r in range(SIZE)]
    field = np.arange(1, sum(lens) + 1, dtype=dtype)
    mine = block(lens, RANK)
    x = np.full(lens[RANK] + 2 * ghost, SENTINEL, dtype=dtype)
    x[ghost:-ghost] = field[mine]
    x = store_1d(x, how)
    assert oxpar.mpi.halo_exchange(x, ghost, periodic=periodic, ctx=ctx) is x
    np.testing.assert_array_equal(x, expected_1d(field, mine.start, mine.stop, ghost, periodic))


@pytest.fixture(params=GRIDS, ids=[f"{r}x{c}" for r, c in GRIDS])
def grid(request, ctx):
    default = ctx.grid
    ctx.set_grid(*request.param)
    yield ctx.grid
    ctx.set_grid(default.rows, default.cols)


def expected_2d(field, rows, cols, ghost, periodic):
    ny, nx = field.shape
    out = np.full((rows.stop - rows.start + 2 * ghost, cols.stop - cols.start + 2 * ghost), SENTINEL)
    for i in range(out.shape[0]):
        gi = rows.start - ghost + i
        for j in range(out.shape[1]):
            gj = cols.start - ghost + j
            if (0 <= gi < ny or periodic[0]) and (0 <= gj < nx or periodic[1]):
                out[i, j] = field[gi % ny, gj % nx]
    return out


def store_2d(values, order):
    if order == "C":
        return np.ascontiguousarray(values)
    if order == "F":
        return np.asfortranarray(values)
    big = np.zeros((2 * values.shape[0], 3 * values.shape[1]), dtype=values.dtype)
    view = big[::2, ::3]
    view[:] = values
    return view


@pytest.mark.parametrize("order", ["C", "F", "strided"])
@pytest.mark.parametrize("periodic", [(False, False), (True, False), (False, True), (True, True)])
@pytest.mark.parametrize("ghost", [1, 2])
def test_halo_2d(ctx, grid, dtype, ghost, periodic, order):
    # Uneven blocks: grid rows of different heights, grid columns of
    # different widths, each at least `ghost`.
    heights = [ghost + (i % 2) + 1 for i in range(grid.rows)]
    widths = [ghost + (j + 1) % 3 for j in range(grid.cols)]
    field = (1 + np.arange(sum(heights) * sum(widths))).reshape(sum(heights), sum(widths)).astype(dtype)
    rows, cols = block(heights, grid.row), block(widths, grid.col)
    a = np.full((heights[grid.row] + 2 * ghost, widths[grid.col] + 2 * ghost), SENTINEL, dtype=dtype)
    a[ghost:-ghost, ghost:-ghost] = field[rows, cols]
    a = store_2d(a, order)
    assert oxpar.mpi.halo_exchange(a, ghost, periodic=periodic, ctx=ctx) is a
    np.testing.assert_array_equal(a, expected_2d(field, rows, cols, ghost, periodic))


def test_halo_2d_single_flag_means_both_directions(ctx):
    g = ctx.grid
    a = np.full((5, 5), float(RANK))
    oxpar.mpi.halo_exchange(a, 1, periodic=True, ctx=ctx)
    north = ((g.row - 1) % g.rows) * g.cols + g.col
    west = g.row * g.cols + (g.col - 1) % g.cols
    assert a[0, 2] == north and a[2, 0] == west


def test_ghost_zero_changes_nothing(ctx):
    x = np.arange(4.0)
    oxpar.mpi.halo_exchange(x, 0, ctx=ctx)
    np.testing.assert_array_equal(x, np.arange(4.0))


def test_halo_needs_an_mpi_context():
    with oxpar.Context("serial") as serial:
        with pytest.raises(NotImplementedError, match="MPI context") as e:
            oxpar.mpi.halo_exchange(np.zeros(4), 1, ctx=serial)
        assert isinstance(e.value, oxpar.UnsupportedError)
