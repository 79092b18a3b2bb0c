#!/usr/bin/env python3
"""A parameter sweep with oxpar.farm: the damped, driven pendulum

    theta'' + theta' / Q + sin(theta) = A cos(W t),    Q = 2, W = 2/3

integrated with NumPy (RK4) for a grid of drive amplitudes A. Each task
takes one amplitude, integrates an ensemble of starting angles at once
(vectorized), lets the transient die out, and stores the angles seen once
per drive period (a Poincaré section) in its own slot of a NumPy array. The
summary counts the distinct points of each trajectory's section: 1 for a
periodic swing, 2 after a period doubling, many where the motion is chaotic
(and notes when different starting angles end on different attractors).

    python examples/python/farm_sweep.py                   (the threads)
    mpiexec -n 4 python examples/python/farm_sweep.py      (the ranks; needs mpi4py)

The progress bar shows when stderr is a terminal; add --bar to draw it
anyway (under mpiexec, which gives the ranks a pipe for stderr).

The farm balances the tasks over the context's threads, or under mpiexec
over the ranks (each a process with its own GIL; the results are gathered
to rank 0 with mpi4py), and retries a task that fails.
"""

import math
import os
import sys
from typing import Any

import numpy as np

import oxpar

Q, W = 2.0, 2.0 / 3.0
AMPLITUDES = np.round(np.linspace(0.9, 1.5, 41), 3)
STARTS = np.linspace(-1.0, 1.0, 8)  # starting angles of the ensemble (at rest)
STEPS_PER_PERIOD = 48
TRANSIENT, SAMPLED = 60, 24  # drive periods


def simulate(amplitude: float) -> "np.ndarray[Any, np.dtype[np.float64]]":
    """The Poincaré section (angle wrapped to [-pi, pi)) of every starting
    angle: an array of SAMPLED x len(STARTS)."""
    h = 2 * math.pi / W / STEPS_PER_PERIOD
    y = np.zeros((2, len(STARTS)))
    y[0] = STARTS

    def deriv(t: float, y: "np.ndarray[Any, np.dtype[np.float64]]") -> "np.ndarray[Any, np.dtype[np.float64]]":
        return np.stack((y[1], amplitude * math.cos(W * t) - y[1] / Q - np.sin(y[0])))

    section = np.empty((SAMPLED, len(STARTS)))
    for period in range(TRANSIENT + SAMPLED):
        for step in range(STEPS_PER_PERIOD):
            t = (period * STEPS_PER_PERIOD + step) * h
            k1 = deriv(t, y)
            k2 = deriv(t + h / 2, y + h / 2 * k1)
            k3 = deriv(t + h / 2, y + h / 2 * k2)
            k4 = deriv(t + h, y + h * k3)
            y += h / 6 * (k1 + 2 * k2 + 2 * k3 + k4)
        if period >= TRANSIENT:
            section[period - TRANSIENT] = (y[0] + math.pi) % (2 * math.pi) - math.pi
    return section


def distinct(points: "np.ndarray[Any, np.dtype[np.float64]]", tol: float = 1e-3) -> int:
    """How many distinct values `points` holds, to within `tol`."""
    values = np.sort(points.ravel())
    return 1 + int(np.count_nonzero(np.diff(values) > tol))


def main() -> int:
    under_mpi = any(v in os.environ for v in ("OMPI_COMM_WORLD_SIZE", "PMI_SIZE", "PMIX_RANK"))
    comm = None
    if under_mpi:
        from mpi4py import MPI

        comm = MPI.COMM_WORLD
    ctx = oxpar.Context("mpi+threads", comm=comm) if comm is not None else oxpar.Context("threads")
    with ctx:
        rank = ctx.rank
        sections = np.zeros((len(AMPLITUDES), SAMPLED, len(STARTS)))
        mine = np.zeros(len(AMPLITUDES), dtype=bool)  # the tasks this process completed

        def task(i: int) -> None:
            sections[i] = simulate(AMPLITUDES[i])  # its own slot: no lock needed
            mine[i] = True

        if rank == 0:
            where = f"{ctx.size} rank(s) x {ctx.num_threads} thread(s)" if comm else f"{ctx.num_threads} threads"
            print(f"driven pendulum: {len(AMPLITUDES)} amplitudes x {len(STARTS)} starting angles on {where}")
        report = oxpar.farm(task, len(AMPLITUDES), ctx=ctx, progress="bar" if "--bar" in sys.argv[1:] else True)

        if comm is not None:  # each task's result lives on the rank that ran it
            parts = comm.gather((mine, sections), root=0)
            if rank == 0:
                assert parts is not None  # gathered on the root
                for their_mine, their_sections in parts:
                    sections[their_mine] = their_sections[their_mine]
                    mine |= their_mine
        if rank != 0:
            return 0 if report.all_complete else 1
        print(f"{report.done} tasks done, {report.failed} failed, in {report.elapsed:.2f} s")
        if not report.all_complete:
            print(report)
            return 1
        assert mine.all(), "a completed task left no result"
        print("    A    motion (distinct points of each trajectory's Poincaré section)")
        for a, section in zip(AMPLITUDES[::2], sections[::2]):
            k = max(distinct(section[:, j]) for j in range(len(STARTS)))
            kind = "chaotic" if k > 16 else f"period {k}"
            if k <= 16 and distinct(section) > k:
                kind += ", several attractors (depending on the start)"
            print(f"  {a:5.3f}  {kind}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
