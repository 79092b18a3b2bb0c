"""float32 on one rank, float64 on the others: every distributed operation
raises on every rank, naming the rank at fault and both types, instead of
returning a number computed from mixed data; the context keeps working. The
collective call is made by every rank (only the dtype depends on the rank);
the assertions come after it."""

import numpy as np
import pytest
from conftest import RANK, SIZE

import oxpar

BAD = SIZE - 1  # the rank that passes float32
DTYPE = np.float32 if RANK == BAD else np.float64


def outcome(fn):
    """The exception `fn()` raised (None if it returned)."""
    try:
        fn()
    except Exception as e:  # noqa: BLE001 - the tests look at it
        return e
    return None


def check_mixed(err):
    if SIZE == 1:
        assert err is None, repr(err)
        return
    assert isinstance(err, oxpar.InvalidArgumentError), repr(err)
    assert f"rank {BAD} of {SIZE} called it with f32 where" in str(err), str(err)
    assert "f64 (every rank must pass the same element type)" in str(err), str(err)


def still_works(ctx):
    assert oxpar.dot(np.ones(3), np.full(3, 2.0), ctx=ctx) == 6.0 * SIZE
    assert oxpar.sum(np.full(3, 0.5, dtype=np.float32), ctx=ctx) == np.float32(1.5 * SIZE)


@pytest.mark.parametrize("routine", ["dot", "nrm2", "asum", "sum", "iamax"])
def test_level1(ctx, routine):
    x = np.linspace(-1.0, 2.0, 7).astype(DTYPE)
    fn = getattr(oxpar, routine)
    err = outcome(lambda: fn(x, x, ctx=ctx) if routine == "dot" else fn(x, ctx=ctx))
    check_mixed(err)
    still_works(ctx)


def test_nrm2_of_the_report(ctx):
    # The report's case: float32 on one rank gave the float64 ranks
    # 12.845232719176648 where the float64 answer is 12.84523257866513.
    x = (np.arange(1, 6) * 1.1).astype(DTYPE)
    check_mixed(outcome(lambda: oxpar.nrm2(x, ctx=ctx)))
    want = np.linalg.norm(np.tile(np.arange(1, 6) * 1.1, SIZE))
    assert oxpar.nrm2(np.arange(1, 6) * 1.1, ctx=ctx) == pytest.approx(want, rel=1e-14)


def test_gemv_ger_gemm(ctx):
    pieces = [len(oxpar.block_range(4, SIZE, r)) for r in range(SIZE)]
    a = np.ones((2, 4), dtype=DTYPE)
    check_mixed(outcome(lambda: oxpar.mpi.gemv(a, np.ones(pieces[RANK], dtype=DTYPE), ctx=ctx)))
    check_mixed(outcome(lambda: oxpar.mpi.ger(1.0, np.ones(2, dtype=DTYPE), np.ones(pieces[RANK], dtype=DTYPE),
                                              a, ctx=ctx)))
    if SIZE > 1:
        assert (a == 1).all()  # nothing was written
    g = ctx.grid
    k = len(oxpar.block_range(6, g.cols, g.col))
    kb = len(oxpar.block_range(6, g.rows, g.row))
    check_mixed(outcome(lambda: oxpar.mpi.gemm(np.ones((2, k), dtype=DTYPE), np.ones((kb, 3), dtype=DTYPE),
                                               ctx=ctx)))
    still_works(ctx)
    c = oxpar.mpi.gemm(np.ones((2, k)), np.ones((kb, 3)), ctx=ctx)
    np.testing.assert_array_equal(c, np.full((2, 3), 6.0))


def test_halo_exchange(ctx):
    x = np.arange(8, dtype=DTYPE)
    check_mixed(outcome(lambda: oxpar.mpi.halo_exchange(x, 1, periodic=True, ctx=ctx)))
    if SIZE > 1:
        assert (x == np.arange(8)).all()
    a = np.zeros((5, 5), dtype=DTYPE)
    check_mixed(outcome(lambda: oxpar.mpi.halo_exchange(a, 1, periodic=True, ctx=ctx)))
    still_works(ctx)


def test_different_operations_sharing_a_collective(ctx):
    if SIZE == 1:
        return
    x = np.ones(4)
    err = outcome(lambda: oxpar.dot(x, x, ctx=ctx) if RANK == BAD else oxpar.nrm2(x, ctx=ctx))
    assert isinstance(err, oxpar.InvalidArgumentError), repr(err)
    assert f"rank {BAD} of {SIZE} called dot (f64) where" in str(err), str(err)
    assert "called nrm2 (f64)" in str(err), str(err)
    still_works(ctx)
