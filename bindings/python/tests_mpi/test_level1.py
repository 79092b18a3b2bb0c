"""Level 1 on an MPI context: each rank passes its block; reductions are global."""

import numpy as np
import pytest
from conftest import RANK, SIZE, SPLITS, WORLD, block, tol

import oxpar


def data(n, dtype, seed=0):
    rng = np.random.default_rng(seed)
    return rng.standard_normal(n).astype(dtype), rng.standard_normal(n).astype(dtype)


@pytest.mark.parametrize("split", sorted(SPLITS))
@pytest.mark.parametrize("n", [1, 7, 1001])
def test_reductions_match_numpy_on_the_whole_vector(any_ctx, dtype, split, n):
    x, y = data(n, dtype)
    mine = block(SPLITS[split](n, SIZE), RANK)
    xl, yl = x[mine], y[mine]
    t = tol(dtype, n)
    np.testing.assert_allclose(oxpar.dot(xl, yl, ctx=any_ctx), np.dot(x.astype(float), y), **t)
    np.testing.assert_allclose(oxpar.nrm2(xl, ctx=any_ctx), np.linalg.norm(x.astype(float)), **t)
    np.testing.assert_allclose(oxpar.asum(xl, ctx=any_ctx), np.abs(x.astype(float)).sum(), **t)
    assert oxpar.iamax(xl, ctx=any_ctx) == int(np.argmax(np.abs(x)))


def test_strided_blocks(ctx, dtype):
    n = 50
    x, y = data(n, dtype, seed=1)
    mine = block(SPLITS["uneven"](n, SIZE), RANK)
    # Each block lives every 3rd element of a bigger buffer, and reversed.
    big = np.zeros(3 * n + 5, dtype=dtype)
    xl = big[::3][: mine.stop - mine.start]
    xl[:] = x[mine]
    yl = np.ascontiguousarray(y[mine][::-1])[::-1]
    if len(xl) > 1:
        assert xl.strides[0] == 3 * dtype.itemsize and yl.strides[0] == -dtype.itemsize
    np.testing.assert_allclose(oxpar.dot(xl, yl, ctx=ctx), np.dot(x.astype(float), y), **tol(dtype, n))
    np.testing.assert_allclose(oxpar.nrm2(xl, ctx=ctx), np.linalg.norm(x.astype(float)), **tol(dtype, n))
    assert oxpar.iamax(yl, ctx=ctx) == int(np.argmax(np.abs(y)))


def test_iamax_takes_the_first_largest_and_the_first_nan(ctx):
    n = 40
    x = np.linspace(-1, 1, n) * 0.5
    lens = SPLITS["balanced"](n, SIZE)
    x[n - 3] = 7.0
    x[n // 2] = -7.0  # a tie: the first in global order wins
    assert oxpar.iamax(x[block(lens, RANK)], ctx=ctx) == n // 2
    x[n - 1] = np.nan
    x[n - 2] = np.inf
    assert oxpar.iamax(x[block(lens, RANK)], ctx=ctx) == n - 1


def test_nrm2_neither_overflows_nor_underflows(ctx):
    n = 12
    lens = SPLITS["uneven"](n, SIZE)
    big = np.full(n, 1e300)
    np.testing.assert_allclose(oxpar.nrm2(big[block(lens, RANK)], ctx=ctx), 1e300 * np.sqrt(n), rtol=1e-14)
    tiny = np.full(n, 1e-300)
    np.testing.assert_allclose(oxpar.nrm2(tiny[block(lens, RANK)], ctx=ctx), 1e-300 * np.sqrt(n), rtol=1e-14)


def test_every_block_empty(ctx, dtype):
    empty = np.zeros(0, dtype=dtype)
    assert oxpar.dot(empty, empty, ctx=ctx) == 0.0
    assert oxpar.nrm2(empty, ctx=ctx) == 0.0
    assert oxpar.asum(empty, ctx=ctx) == 0.0
    # Empty on every rank: an error on every rank (and no hang).
    with pytest.raises(ValueError, match="empty"):
        oxpar.iamax(empty, ctx=ctx)
    assert oxpar.dot(np.ones(2), np.ones(2), ctx=ctx) == 2.0 * SIZE


def test_axpy_and_scal_update_the_local_blocks(ctx, dtype):
    n = 33
    x, y = data(n, dtype, seed=2)
    mine = block(SPLITS["uneven-last-empty"](n, SIZE), RANK)
    yl = y[mine].copy()
    oxpar.axpy(2.5, x[mine], yl, ctx=ctx)
    oxpar.scal(-0.5, yl, ctx=ctx)
    whole = np.concatenate(WORLD.allgather(yl))
    np.testing.assert_allclose(whole, -0.5 * (2.5 * x + y), **tol(dtype))
    # The distributed result feeds a distributed reduction.
    np.testing.assert_allclose(oxpar.nrm2(yl, ctx=ctx), np.linalg.norm(whole.astype(float)), **tol(dtype, n))


def test_the_gil_is_released_while_a_rank_waits(ctx):
    # Rank 0 enters the collective late; meanwhile the others wait inside
    # liboxpar, and a Python thread on them must keep running.
    import threading
    import time

    ticks, stop = [0], threading.Event()

    def count():
        while not stop.is_set():
            ticks[0] += 1
            time.sleep(0.001)

    counter = threading.Thread(target=count)
    counter.start()
    time.sleep(0.02)
    if RANK == 0:
        time.sleep(0.4)
    before = ticks[0]
    t0 = time.perf_counter()
    total = oxpar.dot(np.ones(3), np.ones(3), ctx=ctx)
    waited = time.perf_counter() - t0
    during = ticks[0] - before
    stop.set()
    counter.join()
    assert total == 3.0 * SIZE
    if RANK != 0 and waited > 0.2:
        assert during >= 10, (during, waited)
