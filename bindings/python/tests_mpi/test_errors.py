"""A mistake on one rank raises on every rank, never hangs; the context keeps
working afterwards. The collective call is made by every rank (only its
arguments depend on the rank); the assertions come after it."""

import numpy as np
import pytest
from conftest import RANK, SIZE

import oxpar

BAD = SIZE - 1  # the rank that gets it wrong


def outcome(fn):
    """The exception `fn()` raised (None if it returned)."""
    try:
        fn()
    except Exception as e:  # noqa: BLE001 - the tests look at it
        return e
    return None


def still_works(ctx):
    assert oxpar.dot(np.ones(3), np.full(3, 2.0), ctx=ctx) == 6.0 * SIZE
    assert ctx.grid.rows * ctx.grid.cols == SIZE


def check_everywhere(err, bad_type, bad_match, others_type=oxpar.InvalidArgumentError):
    """The bad rank raised `bad_type` matching `bad_match`; every other rank
    raised `others_type`, naming the bad rank."""
    if RANK == BAD:
        assert isinstance(err, bad_type), repr(err)
        assert bad_match in str(err), str(err)
    else:
        assert isinstance(err, others_type) and isinstance(err, oxpar.OxparError), repr(err)
        assert f"rank {BAD} of {SIZE}" in str(err), str(err)


def same_everywhere(err, kind, match):
    assert isinstance(err, kind), repr(err)
    assert match in str(err), str(err)


def test_level1_lengths_dtypes_and_shapes(ctx):
    x = np.ones(4)
    err = outcome(lambda: oxpar.dot(x, np.ones(5 if RANK == BAD else 4), ctx=ctx))
    check_everywhere(err, oxpar.ShapeMismatchError, "y: has 5 elements but x has 4")
    still_works(ctx)
    err = outcome(lambda: oxpar.nrm2(np.ones(3, dtype=np.int64 if RANK == BAD else np.float64), ctx=ctx))
    check_everywhere(err, TypeError, "dtype int64")
    err = outcome(lambda: oxpar.iamax(np.ones((2, 2)) if RANK == BAD else np.ones(2), ctx=ctx))
    check_everywhere(err, oxpar.ShapeMismatchError, "expected a 1-D array")
    err = outcome(lambda: oxpar.asum(np.ones(4).view(np.int32) if RANK == BAD else np.ones(4), ctx=ctx))
    check_everywhere(err, TypeError, "int32")
    still_works(ctx)


def test_python_rejections_reach_the_other_ranks_with_their_kind(ctx):
    # Found in Python on one rank, passed on through oxpar_context_reject:
    # the other ranks get the same kind of error, naming that rank.
    x = np.ones(4)
    err = outcome(lambda: oxpar.dot(x, np.ones(5 if RANK == BAD else 4), ctx=ctx))
    check_everywhere(err, oxpar.ShapeMismatchError, "y: has 5", others_type=oxpar.ShapeMismatchError)
    a = np.ones((3, SIZE))  # 3 whole rows per rank; x split one element per rank
    err = outcome(lambda: oxpar.mpi.gemv(a, np.ones(1), np.ones(2 if RANK == BAD else 3), ctx=ctx))
    check_everywhere(err, oxpar.ShapeMismatchError, "y: has 2", others_type=oxpar.ShapeMismatchError)
    still_works(ctx)


def test_plain_level2_and_3_on_an_mpi_context_never_hang(ctx):
    # oxpar.gemv/ger/gemm are collective on an MPI context too: an argument
    # Python rejects on one rank reaches the others.
    err = outcome(lambda: oxpar.gemv(np.ones((2, 3)), np.ones(4 if RANK == BAD else 3), ctx=ctx))
    check_everywhere(err, oxpar.ShapeMismatchError, "x: has 4 elements")
    err = outcome(lambda: oxpar.ger(1.0, np.ones(2), np.ones(3), np.ones((2, 3 + (RANK == BAD))), ctx=ctx))
    check_everywhere(err, oxpar.ShapeMismatchError, "a: has shape (2, 4)")
    err = outcome(lambda: oxpar.gemm(np.ones((2, 2)), np.ones((3 if RANK == BAD else 2, 2)), ctx=ctx))
    check_everywhere(err, oxpar.ShapeMismatchError, "inner dimensions")
    still_works(ctx)


def test_gemv_blocks_that_do_not_fit(ctx):
    a = np.ones((2, 6))
    # This rank's piece of x is one too long: the pieces add up to 6 + 1.
    pieces = [len(oxpar.block_range(6, SIZE, r)) for r in range(SIZE)]
    xl = np.ones(pieces[RANK] + (RANK == BAD))
    err = outcome(lambda: oxpar.mpi.gemv(a, xl, ctx=ctx))
    same_everywhere(err, oxpar.ShapeMismatchError, "add up to 7")
    # A with another number of columns on one rank.
    al = np.ones((2, 7 if RANK == BAD else 6))
    err = outcome(lambda: oxpar.mpi.gemv(al, np.ones(pieces[RANK]), ctx=ctx))
    same_everywhere(err, oxpar.ShapeMismatchError, "columns")
    # y of the wrong length (Python finds it, the others hear of it).
    err = outcome(lambda: oxpar.mpi.gemv(a, np.ones(pieces[RANK]), np.ones(3 if RANK == BAD else 2), ctx=ctx))
    check_everywhere(err, oxpar.ShapeMismatchError, "y: has 3 elements")
    # A read-only output.
    y = np.zeros(2)
    y.setflags(write=RANK != BAD)
    err = outcome(lambda: oxpar.mpi.gemv(a, np.ones(pieces[RANK]), y, ctx=ctx))
    check_everywhere(err, oxpar.InvalidArgumentError, "read-only")
    still_works(ctx)
    # And afterwards a correct call computes.
    np.testing.assert_array_equal(oxpar.mpi.gemv(a, np.ones(pieces[RANK]), ctx=ctx), [6.0, 6.0])


def test_ger_errors(ctx):
    pieces = [len(oxpar.block_range(5, SIZE, r)) for r in range(SIZE)]
    a = np.zeros((3, 5))
    err = outcome(lambda: oxpar.mpi.ger(1.0, np.ones(4 if RANK == BAD else 3), np.ones(pieces[RANK]), a, ctx=ctx))
    check_everywhere(err, oxpar.ShapeMismatchError, "x: has 4 elements")
    err = outcome(lambda: oxpar.mpi.ger("one" if RANK == BAD else 1.0, np.ones(3), np.ones(pieces[RANK]), a, ctx=ctx))
    check_everywhere(err, TypeError, "alpha")
    assert not a.any()  # no rank computed anything
    still_works(ctx)


def test_gemm_errors(ctx):
    g = ctx.grid
    k = [len(oxpar.block_range(6, g.cols, j)) for j in range(g.cols)]
    kb = [len(oxpar.block_range(6, g.rows, i)) for i in range(g.rows)]
    # One rank's block of op(A) has a column too many.
    al = np.ones((2, k[g.col] + (RANK == BAD)))
    bl = np.ones((kb[g.row], 3))
    err = outcome(lambda: oxpar.mpi.gemm(al, bl, ctx=ctx))
    same_everywhere(err, oxpar.ShapeMismatchError, "gemm")
    # out of the wrong shape on one rank (found in Python).
    out = np.zeros((2, 4 if RANK == BAD else 3))
    err = outcome(lambda: oxpar.mpi.gemm(np.ones((2, k[g.col])), bl, out, ctx=ctx))
    check_everywhere(err, oxpar.ShapeMismatchError, "out: has shape (2, 4)")
    # A float32 operand among float64 ones.
    bl32 = bl.astype(np.float32) if RANK == BAD else bl
    err = outcome(lambda: oxpar.mpi.gemm(np.ones((2, k[g.col])), bl32, ctx=ctx))
    check_everywhere(err, TypeError, "float32")
    still_works(ctx)
    c = oxpar.mpi.gemm(np.ones((2, k[g.col])), bl, ctx=ctx)
    np.testing.assert_array_equal(c, np.full((2, 3), 6.0))


def test_halo_errors(ctx):
    x = np.zeros(8)
    err = outcome(lambda: oxpar.mpi.halo_exchange(x, 2 if RANK == BAD else 1, ctx=ctx))
    if SIZE > 1:
        same_everywhere(err, oxpar.InvalidArgumentError, "disagree")
    else:
        assert err is None
    err = outcome(lambda: oxpar.mpi.halo_exchange(x, 1, periodic=RANK == BAD, ctx=ctx))
    if SIZE > 1:
        same_everywhere(err, oxpar.InvalidArgumentError, "disagree")
    # An interior shorter than the ghost width on one rank.
    err = outcome(lambda: oxpar.mpi.halo_exchange(np.zeros(5 if RANK == BAD else 8), 2, ctx=ctx))
    check_everywhere(err, oxpar.ShapeMismatchError, "cannot hold an interior", oxpar.ShapeMismatchError)
    # Found in Python: a 3-D array, an int array, a bad flag.
    err = outcome(lambda: oxpar.mpi.halo_exchange(np.zeros((3, 3, 3)) if RANK == BAD else np.zeros((3, 3)), 1, ctx=ctx))
    check_everywhere(err, oxpar.ShapeMismatchError, "1-D or 2-D")
    err = outcome(lambda: oxpar.mpi.halo_exchange(np.zeros(4, dtype=np.int64 if RANK == BAD else float), 1, ctx=ctx))
    check_everywhere(err, TypeError, "int64")
    err = outcome(lambda: oxpar.mpi.halo_exchange(np.zeros((4, 4)), 1, periodic=(True,) if RANK == BAD else True,
                                                  ctx=ctx))
    check_everywhere(err, oxpar.InvalidArgumentError, "pair")
    still_works(ctx)


def test_different_grids(ctx):
    default = ctx.grid
    err = outcome(lambda: ctx.set_grid(*((1, SIZE) if RANK == BAD else (SIZE, 1))))
    if SIZE > 1:
        same_everywhere(err, oxpar.ShapeMismatchError, "different grids")
    err = outcome(lambda: ctx.set_grid("2" if RANK == BAD else SIZE, 1))
    check_everywhere(err, TypeError, "rows: expected an int")
    ctx.set_grid(default.rows, default.cols)
    assert ctx.grid == default
    still_works(ctx)


def test_wrong_context_type_is_local():
    with pytest.raises(TypeError, match="ctx: expected an oxpar.Context"):
        oxpar.mpi.gemv(np.ones((1, 1)), np.ones(1), ctx="mpi")


def test_structured_routines_are_unsupported_on_every_rank(ctx):
    # symv ... trsm are not distributed: every rank gets UnsupportedError (the
    # call is not collective, so nothing waits), and the context keeps working.
    a, b = np.eye(3), np.ones((3, 2))
    for call in (
        lambda: oxpar.trsm(a, b.copy(), lower=True, ctx=ctx),
        lambda: oxpar.syrk(a, ctx=ctx),
        lambda: oxpar.symv(a, np.ones(3), ctx=ctx),
        lambda: oxpar.syr2(1.0, np.ones(3), np.ones(3), a.copy(), ctx=ctx),
    ):
        same_everywhere(outcome(call), oxpar.UnsupportedError, "oxpar_d")
    still_works(ctx)


def test_linalg_is_refused_on_every_rank(ctx):
    # Distributed factorizations are not there yet: every rank raises the
    # same UnsupportedError at once (no communication, so none waits).
    for call in (
        lambda: oxpar.linalg.solve(np.eye(3), np.ones(3), ctx=ctx),
        lambda: oxpar.linalg.lu_factor(np.eye(3), ctx=ctx),
        lambda: oxpar.linalg.cholesky(np.eye(3), ctx=ctx),
    ):
        err = outcome(call)
        assert isinstance(err, oxpar.UnsupportedError), err
        assert "distributed factorizations are not there yet" in str(err)
    still_works(ctx)
