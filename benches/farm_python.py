#!/usr/bin/env python3
"""oxpar.farm from Python next to process and thread pools, in one run;
ratios oxpar/peer (below 1: oxpar faster).

    python benches/farm_python.py                               (threads)
    mpiexec --bind-to none -n 2 python benches/farm_python.py   (MPI ranks; -n 4 too)

Cases, all with 2 workers and the same module-level task functions:

* 10^4 tiny tasks (`tiny(i)` returns i): the overhead per task, wall time x
  workers / tasks, best of a few runs. Peers: multiprocessing.Pool(2)
  `imap_unordered` with chunksize 1 and with the chunksize `Pool.map` would
  pick (tasks / (4 x workers)), ProcessPoolExecutor(2) `map` with the same
  two chunksizes, ThreadPoolExecutor(2) `map`.
* 200 tasks of skewed cost (log-normal, 1 to ~30 units, in a fixed random
  order) doing a fixed amount of real work, in two variants:
  - GIL held: a pure-Python loop (about 1 ms a unit). Threads cannot
    overlap it, oxpar's included: this is where process pools (or oxpar
    over MPI ranks) win, and what a Python user must know;
  - GIL released: NumPy ufuncs on 64 K doubles (about 0.6 ms a unit),
    which oxpar's threads and ThreadPoolExecutor can overlap.
  The makespan is compared with the ideal: the total work (the same tasks
  one after the other in this process) / min(workers, CPUs). Peers:
  Pool(2) and ProcessPoolExecutor(2) with chunksize 1, ThreadPoolExecutor(2).

Every case runs in rounds, the cases (the one-after-the-other run of the
total work included) taking turns within a round, and the best round
counts: a busy machine slows them alike. Fairness: the pools are started
(with the forkserver method, as oxpar's threads exist) and warmed up before
anything is timed, so process start-up is not counted; neither is creating
oxpar's context. Process pools send each return value back; oxpar ignores
them (its tasks store results themselves). Under mpiexec only oxpar runs,
on an "mpi+threads" context: a run's time is the slowest rank's, the total
work is timed on rank 0 while the others wait without spinning, and the
ideal counts the CPUs of all the ranks' nodes. NumPy's BLAS threads are
pinned to 1.
"""

import os

_SET_OMP = "OMP_NUM_THREADS" not in os.environ
for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(var, "1")
for var in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE"):
    os.environ.pop(var, None)

import argparse  # noqa: E402
import multiprocessing as mp  # noqa: E402
import platform  # noqa: E402
import socket  # noqa: E402
import threading  # noqa: E402
import time  # noqa: E402
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor  # noqa: E402

import numpy as np  # noqa: E402

# NumPy's BLAS has read it; oxpar's "mpi+threads" would read it too (its
# default honours OMP_NUM_THREADS) and must keep its node share instead.
if _SET_OMP:
    del os.environ["OMP_NUM_THREADS"]

import oxpar  # noqa: E402

WORKERS = 2
TINY = 10_000
SKEWED = 200
# Task i of the skewed cases costs UNITS[i] units (the same in every process).
UNITS = np.maximum(1, np.round(np.exp(np.random.default_rng(7).normal(0.0, 1.0, SKEWED)) * 3)).astype(int).tolist()
LOOP = 20_000  # Python-loop iterations per unit
_X = np.linspace(0.0, 1.0, 1 << 16)
_local = threading.local()


def tiny(i):
    return i


def spin(units):
    """A fixed amount of pure-Python work: the GIL is held throughout."""
    x = 0
    for k in range(units * LOOP):
        x = (x * 31 + k) & 0xFFFF
    return x


def crunch(units):
    """A fixed amount of NumPy work: the GIL is released inside each ufunc."""
    out = getattr(_local, "out", None)
    if out is None:
        out = _local.out = np.empty_like(_X)
    for _ in range(units):
        np.sin(_X, out=out)
        np.sqrt(out, out=out)
    return float(out[-1])


def skewed_gil(i):
    return spin(UNITS[i])


def skewed_nogil(i):
    return crunch(UNITS[i])


def best_times(runs, fns):
    """The best time of each of `fns` over `runs` rounds, the functions taking
    turns within a round (a busy machine slows them alike)."""
    best = [float("inf")] * len(fns)
    for _ in range(runs):
        for k, fn in enumerate(fns):
            t0 = time.perf_counter()
            fn()
            best[k] = min(best[k], time.perf_counter() - t0)
    return best


def serial_runner(task):
    """The total work of the skewed tasks: all of them, one after the other."""
    return lambda: [task(i) for i in range(SKEWED)]


def farm_runner(ctx, task, n):
    def run():
        oxpar.farm(task, n, ctx=ctx).raise_for_failures()

    return run


def peers(pool, ppe, tpe, task, n, chunksizes):
    """(name, run) of every peer for `n` tasks of `task`."""
    out = []
    for c in chunksizes:
        out.append((f"multiprocessing.Pool({WORKERS}) imap_unordered chunksize={c}",
                    lambda c=c: sum(1 for _ in pool.imap_unordered(task, range(n), chunksize=c))))
    for c in chunksizes:
        out.append((f"ProcessPoolExecutor({WORKERS}) map chunksize={c}",
                    lambda c=c: sum(1 for _ in ppe.map(task, range(n), chunksize=c))))
    out.append((f"ThreadPoolExecutor({WORKERS}) map", lambda: sum(1 for _ in tpe.map(task, range(n)))))
    return out


def threads_bench(args):
    cpus = len(os.sched_getaffinity(0))
    print(f"oxpar.farm from Python vs pools: {WORKERS} workers, {cpus} CPUs; Python {platform.python_version()}, "
          f"oxpar {oxpar.__version__}")
    method = mp.get_context("forkserver")
    with method.Pool(WORKERS) as pool, ProcessPoolExecutor(WORKERS, mp_context=method) as ppe, \
            ThreadPoolExecutor(WORKERS) as tpe, oxpar.Context(f"threads:{WORKERS}") as ctx:
        # Warm up: every worker process started and has imported this module.
        pool.map(tiny, range(64), chunksize=1)
        list(ppe.map(tiny, range(64)))
        list(tpe.map(tiny, range(64)))

        n = TINY
        chunk = -(-n // (4 * WORKERS))
        print(f"\n{n} tiny tasks: overhead per task = wall x workers / tasks, best of {args.runs}")
        cases = [(f"oxpar.farm threads:{WORKERS}", farm_runner(ctx, tiny, n))]
        cases += peers(pool, ppe, tpe, tiny, n, (1, chunk))
        times = best_times(args.runs, [run for _, run in cases])
        ox = times[0]
        for (name, _), t in zip(cases, times):
            per = t * WORKERS / n * 1e6
            ratio = "" if t is ox else f"   ratio oxpar/peer {ox / t:6.3f}"
            print(f"  {name:<52} {per:9.2f} us/task  ({t * 1e3:8.2f} ms){ratio}")

        for label, task in (("GIL held: a Python loop", skewed_gil), ("GIL released: NumPy ufuncs", skewed_nogil)):
            cases = [(f"oxpar.farm threads:{WORKERS}", farm_runner(ctx, task, SKEWED))]
            cases += peers(pool, ppe, tpe, task, SKEWED, (1,))
            total, *times = best_times(args.skewed_runs, [serial_runner(task)] + [run for _, run in cases])
            ideal = total / min(WORKERS, cpus)
            print(f"\n{SKEWED} skewed tasks, {label}: total work {total:.3f} s (one after the other), "
                  f"ideal {ideal:.3f} s on min({WORKERS} workers, {cpus} CPUs); best of {args.skewed_runs}")
            ox = times[0]
            for (name, _), t in zip(cases, times):
                ratio = "" if t is ox else f"   ratio oxpar/peer {ox / t:6.3f}"
                print(f"  {name:<52} makespan {t:7.3f} s = {t / ideal:5.2f} x ideal{ratio}")


def mpi_bench(args):
    from mpi4py import MPI

    comm = MPI.COMM_WORLD
    rank = comm.Get_rank()
    # CPUs the ranks may use, counted once per node.
    nodes = {}
    for host, cpus in comm.allgather((socket.gethostname(), frozenset(os.sched_getaffinity(0)))):
        nodes.setdefault(host, set()).update(cpus)
    cpus = sum(len(c) for c in nodes.values())

    def slowest(fn):
        comm.Barrier()
        t0 = time.perf_counter()
        fn()
        return comm.allreduce(time.perf_counter() - t0, op=MPI.MAX)

    def idle_until_rank0_is_done(fn):
        """fn() on rank 0 while the others wait without spinning."""
        result = fn() if rank == 0 else None
        request = comm.Ibarrier()
        while not request.Test():
            time.sleep(0.005)
        return comm.bcast(result, root=0)

    with oxpar.Context("mpi+threads", comm=comm) as ctx:
        workers = ctx.size * ctx.num_threads
        if rank == 0:
            print(f"oxpar.farm from Python over MPI: {ctx.size} ranks x {ctx.num_threads} thread(s) = "
                  f"{workers} workers, {cpus} CPUs on {len(nodes)} node(s); Python {platform.python_version()}, "
                  f"oxpar {oxpar.__version__}, {MPI.Get_library_version().split(',')[0].strip()}")
        run = farm_runner(ctx, tiny, TINY)
        run()
        t = min(slowest(run) for _ in range(args.runs))
        if rank == 0:
            print(f"\n{TINY} tiny tasks: overhead per task = wall x workers / tasks, best of {args.runs}")
            print(f"  {'oxpar.farm mpi+threads':<36} {t * workers / TINY * 1e6:9.2f} us/task  ({t * 1e3:8.2f} ms)")
        for label, task in (("GIL held: a Python loop", skewed_gil), ("GIL released: NumPy ufuncs", skewed_nogil)):
            run, total, t = farm_runner(ctx, task, SKEWED), float("inf"), float("inf")
            for _ in range(args.skewed_runs):  # in rounds, as on threads
                total = min(total, idle_until_rank0_is_done(lambda: best_times(1, [serial_runner(task)])[0]))
                t = min(t, slowest(run))
            ideal = total / min(workers, cpus)
            if rank == 0:
                print(f"\n{SKEWED} skewed tasks, {label}: total work {total:.3f} s (rank 0 alone), ideal {ideal:.3f} s "
                      f"on min({workers} workers, {cpus} CPUs); best of {args.skewed_runs}")
                print(f"  {'oxpar.farm mpi+threads':<36} makespan {t:7.3f} s = {t / ideal:5.2f} x ideal")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs of the tiny tasks (the best is kept)")
    parser.add_argument("--skewed-runs", type=int, default=3, help="runs of the skewed tasks (the best is kept)")
    args = parser.parse_args()
    if any(v in os.environ for v in ("OMPI_COMM_WORLD_SIZE", "PMI_SIZE", "PMIX_RANK")):
        mpi_bench(args)
    else:
        threads_bench(args)


if __name__ == "__main__":
    main()
