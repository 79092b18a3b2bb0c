#!/usr/bin/env python3
"""Distributed ddot from Python: oxpar against NumPy + mpi4py; ratios on rank 0.

    mpiexec -n 2 python benches/mpi_python.py     (and -n 4)

Each rank holds n local elements of x and y (n = 10^3, 10^5, 10^7). Cases:

* oxpar: `oxpar.dot(x, y, ctx=ctx)` on an "mpi+threads:1" context (local dot
  and the sum over ranks inside liboxpar, the GIL released);
* numpy + allreduce: `comm.allreduce(np.dot(x, y))` (mpi4py's lowercase
  collective, which pickles the Python float);
* numpy + Allreduce: `np.dot(x, y)` into a 1-element array and
  `comm.Allreduce` on buffers (no pickling).

Every timed call starts with a barrier, the three cases take turns; a
call's time is the slowest rank's; the median over the repetitions is
printed, with the ratio oxpar/peer (below 1: oxpar faster). One thread per rank everywhere (NumPy's
BLAS pinned to one thread too) so that only the communication differs.
"""

import os

# One BLAS thread per rank, as oxpar's context has one thread: set before NumPy loads.
for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(var, "1")
for var in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE"):
    os.environ.pop(var, None)

import argparse  # noqa: E402
import time  # noqa: E402

import numpy as np  # noqa: E402
from mpi4py import MPI  # noqa: E402

import oxpar  # noqa: E402


def timed(comm, cases, reps):
    """Median over `reps` of the slowest rank's time for one call of each of
    `cases` (functions), the cases interleaved repetition by repetition so
    that a busy machine slows them alike."""
    times = np.empty((len(cases), reps))
    for fn in cases:
        fn()  # warm up
    for i in range(reps):
        for c, fn in enumerate(cases):
            comm.Barrier()
            t0 = time.perf_counter()
            fn()
            times[c, i] = time.perf_counter() - t0
    slowest = np.empty_like(times)
    comm.Allreduce(times, slowest, op=MPI.MAX)
    return [float(np.median(row)) for row in slowest]


def reps_for(n, scale):
    """2000 repetitions at n = 10^3, 300 at 10^5, 30 at 10^7 (times `scale`)."""
    return max(5, int(scale * min(2000, max(30, 3 * 10**7 // max(n, 1)))))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,100000,10000000", help="local n per rank, comma-separated")
    parser.add_argument("--scale", type=float, default=1.0, help="multiplies the repetition counts")
    args = parser.parse_args()
    comm = MPI.COMM_WORLD
    rank, size = comm.Get_rank(), comm.Get_size()
    with oxpar.Context("mpi+threads:1", comm=comm) as ctx:
        if rank == 0:
            mpi = MPI.Get_library_version().split(",")[0].strip()
            print(f"distributed ddot on {size} ranks ({mpi}), "
                  f"oxpar {oxpar.__version__} ({ctx.num_threads} thread per rank); "
                  "median of the slowest rank's time per call")
        for n in (int(s) for s in args.sizes.split(",")):
            rng = np.random.default_rng(rank)
            x, y = rng.standard_normal(n), rng.standard_normal(n)
            local, total = np.zeros(1), np.zeros(1)

            def buffer_peer():
                local[0] = np.dot(x, y)
                comm.Allreduce(local, total, op=MPI.SUM)
                return total[0]

            want = comm.allreduce(float(np.dot(x, y)))
            got = oxpar.dot(x, y, ctx=ctx)
            assert abs(got - want) <= 1e-9 * max(1.0, abs(want)) * np.sqrt(n * size), (got, want)
            reps = reps_for(n, args.scale)
            ox, pickled, buffered = timed(
                comm, [lambda: oxpar.dot(x, y, ctx=ctx), lambda: comm.allreduce(float(np.dot(x, y))), buffer_peer], reps
            )
            if rank == 0:
                for peer, t in (("numpy + comm.allreduce", pickled), ("numpy + comm.Allreduce", buffered)):
                    print(f"ddot n={n:<9} ranks={size}  oxpar {ox * 1e6:10.2f} us  {peer} {t * 1e6:10.2f} us  "
                          f"ratio {ox / t:5.2f}  ({reps} reps)")


if __name__ == "__main__":
    main()
