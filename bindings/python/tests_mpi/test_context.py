"""MPI contexts: ranks, grids, communicators (world, split, by handle)."""

import numpy as np
import pytest
from conftest import RANK, SIZE, WORLD
from mpi4py import MPI

import oxpar


def test_rank_size_and_node(ctx):
    assert (ctx.rank, ctx.size) == (RANK, SIZE)
    assert ctx.backend == "mpi"
    assert ctx.num_threads == 1
    local = WORLD.Split_type(MPI.COMM_TYPE_SHARED)
    assert ctx.ranks_on_node == local.Get_size()
    local.Free()
    assert f"rank={RANK} size={SIZE}" in repr(ctx)


def test_specs_and_the_default_communicator():
    with oxpar.Context("mpi+threads") as world:  # MPI_COMM_WORLD
        assert (world.rank, world.size) == (RANK, SIZE)
        assert world.num_threads >= 1
    with oxpar.Context("mpi+threads:2", comm=WORLD) as c:
        assert c.num_threads == 2
        with pytest.raises(NotImplementedError, match="mpi\\+threads:N"):
            c.num_threads = 3
    with oxpar.Context("MPI+serial", comm=WORLD.py2f()) as c:  # a Fortran handle
        assert c.num_threads == 1 and c.size == SIZE
        assert oxpar.dot(np.ones(3), np.ones(3), ctx=c) == 3.0 * SIZE


def test_comm_is_a_duplicate(ctx):
    comm = ctx.comm
    assert isinstance(comm, MPI.Intracomm)
    assert comm.py2f() == ctx.comm_handle
    assert MPI.Comm.Compare(comm, WORLD) == MPI.CONGRUENT  # same ranks, another context
    # Collectives of our own on it do not disturb oxpar's.
    assert comm.allreduce(RANK) == SIZE * (SIZE - 1) // 2
    assert oxpar.asum(np.full(2, RANK, dtype=float), ctx=ctx) == SIZE * (SIZE - 1)
    with oxpar.Context("serial") as serial:
        with pytest.raises(NotImplementedError, match="MPI context"):
            serial.comm_handle
        assert (serial.rank, serial.size, serial.ranks_on_node) == (0, 1, 1)
        assert serial.grid == oxpar.Grid(1, 1, 0, 0)


def test_context_on_a_split_communicator(ctx):
    # Two halves, each rank ordered backwards inside its half.
    sub = WORLD.Split(color=RANK % 2, key=-RANK)
    try:
        with oxpar.Context("mpi+threads:1", comm=sub) as half:
            assert (half.rank, half.size) == (sub.Get_rank(), sub.Get_size())
            members = sub.allgather(RANK)
            x = np.array([float(RANK)])
            assert oxpar.dot(x, x, ctx=half) == sum(r * r for r in members)
            assert oxpar.iamax(x, ctx=half) == members.index(max(members))
            # Both contexts in use, interleaved.
            assert oxpar.asum(x, ctx=ctx) == SIZE * (SIZE - 1) / 2
            g = half.grid
            assert g.rows * g.cols == sub.Get_size()
            ys = oxpar.mpi.gemv(np.ones((1, sub.Get_size())), np.ones(1), ctx=half)
            np.testing.assert_array_equal(ys, [sub.Get_size()])
        # The program's communicators still work, and oxpar's world context.
        assert sub.allreduce(1) == sub.Get_size()
        assert WORLD.allreduce(1) == SIZE
        assert oxpar.dot(np.ones(1), np.ones(1), ctx=ctx) == SIZE
    finally:
        sub.Free()


def test_set_grid_and_its_errors(ctx):
    default = ctx.grid
    ctx.set_grid(1, SIZE)
    assert ctx.grid == oxpar.Grid(1, SIZE, 0, RANK)
    ctx.set_grid(SIZE, 1)
    assert ctx.grid == oxpar.Grid(SIZE, 1, RANK, 0)
    with pytest.raises(ValueError, match="not a grid"):
        ctx.set_grid(SIZE + 1, 1)
    with pytest.raises(ValueError, match="at least 1"):
        ctx.set_grid(0, SIZE)
    assert ctx.grid == oxpar.Grid(SIZE, 1, RANK, 0)  # unchanged
    ctx.set_grid(default.rows, default.cols)
    assert ctx.grid == default


def test_block_range():
    for n in (0, 1, 7, 100):
        for parts in (1, 2, 3, 4, 7):
            got = [oxpar.block_range(n, parts, i) for i in range(parts)]
            want = np.array_split(np.arange(n), parts)
            assert [list(r) for r in got] == [list(w) for w in want]
    assert oxpar.mpi.block_range is oxpar.block_range
    with pytest.raises(ValueError, match="block 3 of 3"):
        oxpar.block_range(10, 3, 3)
    with pytest.raises(ValueError, match="block 0 of 0"):
        oxpar.block_range(10, 0, 0)
    with pytest.raises(ValueError, match="negative"):
        oxpar.block_range(-1, 2, 0)
    with pytest.raises(TypeError, match="index"):
        oxpar.block_range(10, 2, 1.0)
