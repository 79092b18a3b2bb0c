#!/usr/bin/env python3
"""2-D heat diffusion (Jacobi iteration) distributed with oxpar over MPI.

    mpiexec -n 4 python examples/python/mpi_heat.py

A plate of NY x NX cells with a fixed boundary (the top edge hot, the others
cold) is cut into blocks over the context's process grid
(`oxpar.block_range` per grid row and column). Each rank keeps its block
framed by one layer of ghost cells; every step it fills them from its
neighbours with `oxpar.mpi.halo_exchange` (the ghosts on the plate's edge
are left alone: they hold the boundary), updates its interior with NumPy,
and `oxpar.nrm2` of its block of the change gives the global residual on
every rank. At the end rank 0 gathers the field and checks it bitwise
against the same iteration done serially with NumPy on the whole plate.
Exits nonzero on a mismatch.
"""

import sys

from typing import Any, Tuple

import numpy as np
from mpi4py import MPI

import oxpar

NY, NX = 48, 40
STEPS = 200
REPORT_EVERY = 50


def initial_plate() -> "np.ndarray[Any, np.dtype[np.float64]]":
    """The whole plate with its boundary frame: (NY + 2) x (NX + 2)."""
    u = np.zeros((NY + 2, NX + 2))
    u[0, :] = 1.0  # the hot top edge
    return u


def jacobi(u: "np.ndarray[Any, np.dtype[np.float64]]") -> "np.ndarray[Any, np.dtype[np.float64]]":
    """The new interior of `u` (one ghost/boundary layer around it)."""
    return 0.25 * (u[:-2, 1:-1] + u[2:, 1:-1] + u[1:-1, :-2] + u[1:-1, 2:])


def serial_run() -> Tuple["np.ndarray[Any, np.dtype[np.float64]]", float]:
    u = initial_plate()
    residual = 0.0
    for _ in range(STEPS):
        new = jacobi(u)
        residual = float(np.linalg.norm(new - u[1:-1, 1:-1]))
        u[1:-1, 1:-1] = new
    return u[1:-1, 1:-1], residual


def main() -> int:
    comm = MPI.COMM_WORLD
    with oxpar.Context("mpi+threads", comm=comm) as ctx:
        g = ctx.grid
        rows = oxpar.block_range(NY, g.rows, g.row)
        cols = oxpar.block_range(NX, g.cols, g.col)
        if ctx.rank == 0:
            print(f"heat: {NY}x{NX} plate, {STEPS} Jacobi steps on {ctx.size} rank(s) (grid {g.rows}x{g.cols}, "
                  f"{ctx.num_threads} thread(s) each)")
        # This rank's block with its ghost frame, cut from the initial plate:
        # the frame's cells on the plate's edge are the boundary condition.
        u = initial_plate()[rows.start:rows.stop + 2, cols.start:cols.stop + 2].copy()
        residual = 0.0
        for step in range(1, STEPS + 1):
            oxpar.mpi.halo_exchange(u, 1, ctx=ctx)
            new = jacobi(u)
            change = new - u[1:-1, 1:-1]
            u[1:-1, 1:-1] = new
            residual = oxpar.nrm2(change.ravel(), ctx=ctx)  # of the whole plate, on every rank
            if step % REPORT_EVERY == 0 and ctx.rank == 0:
                print(f"  step {step:4d}: residual {residual:.6e}")

        blocks = comm.gather((rows, cols, u[1:-1, 1:-1].copy()), root=0)
        ok = True
        if comm.Get_rank() == 0:
            field = np.full((NY, NX), np.nan)
            assert blocks is not None  # gathered on the root
            for r, c, interior in blocks:
                field[r.start:r.stop, c.start:c.stop] = interior
            serial, serial_residual = serial_run()
            print(f"residual after {STEPS} steps: {residual:.6e} (oxpar.nrm2 over {ctx.size} rank(s)), "
                  f"{serial_residual:.6e} (serial NumPy)")
            if not np.array_equal(field, serial):
                bad = np.argwhere(field != serial)
                print(f"MISMATCH: {len(bad)} cells differ from the serial run, the first at {tuple(bad[0])}: "
                      f"{field[tuple(bad[0])]!r} vs {serial[tuple(bad[0])]!r}")
                ok = False
            elif not np.isclose(residual, serial_residual, rtol=1e-12, atol=0):
                print("MISMATCH: the distributed residual differs from the serial one")
                ok = False
            else:
                print(f"field of {NY}x{NX} cells: matches the serial run (bitwise)")
        ok = comm.bcast(ok, root=0)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
