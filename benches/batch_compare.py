#!/usr/bin/env python3
"""Batched small systems: oxpar's lu_factor_solve_batch against NumPy's
stacked np.linalg.solve (and a loop of OpenBLAS dgesv calls), same run.

    benches/batch_compare.py [--bin target/release/batch_bench]
        [--threads 1 2] [--rounds 3] [--repeats 3]

Cases: 10^5 systems of order 4 and 10^4 of order 16, float64, one
right-hand side, C-order stacks (count, n, n) and (count, n, 1). NumPy loops
over the stack on one thread (its gufunc calls LAPACK's dgesv per matrix);
oxpar cuts the stack into one run per thread of its threads backend. The
Rust side (benches/src/batch_bench.rs, built with `cargo build --release -p
oxpar-benches --bin batch_bench`) cannot be reached from Python through the
C ABI yet, so each repeat runs it as a process and times NumPy in this one,
alternately, so that a change in the machine's load hits both. Both sides
keep their inputs (oxpar's time includes copying them). The best time of
each side over all repeats is reported, and the ratio NumPy / oxpar (above
1: oxpar is faster), with its spread over the repeats.
"""

import argparse
import subprocess
import time

import numpy as np


def numpy_time(n, count, rounds):
    rng = np.random.default_rng(3)
    a = rng.uniform(-1, 1, (count, n, n)) + n * np.eye(n)
    b = rng.uniform(-1, 1, (count, n, 1))
    best = float("inf")
    for _ in range(rounds):
        t = time.perf_counter()
        x = np.linalg.solve(a, b)
        best = min(best, time.perf_counter() - t)
    r = np.abs(np.matmul(a, x) - b).max()
    assert r < 1e-10, f"numpy residual {r}"
    return best


def oxpar_times(binary, threads, rounds):
    out = subprocess.run(
        [binary, str(threads), str(rounds)], check=True, capture_output=True, text=True
    ).stdout
    times = {}
    for line in out.splitlines():
        tag, n, count, ox, dgesv = line.split()
        if tag == "batch":
            times[(int(n), int(count))] = (float(ox), float(dgesv))
    return times


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--bin", default="target/release/batch_bench")
    p.add_argument("--threads", type=int, nargs="+", default=[1, 2])
    p.add_argument("--rounds", type=int, default=3, help="timed calls per process")
    p.add_argument("--repeats", type=int, default=3, help="alternations per case")
    args = p.parse_args()
    cases = [(4, 100_000), (16, 10_000)]
    print(f"numpy {np.__version__}; best of {args.repeats} x {args.rounds} calls; "
          "ratio = numpy time / oxpar time (above 1: oxpar faster)")
    print(f"{'threads':>7} {'n':>3} {'count':>7} {'oxpar s':>9} {'dgesv s':>9} "
          f"{'numpy s':>9} {'np/oxpar':>9} {'spread':>13} {'dgesv/oxpar':>11}")
    for threads in args.threads:
        per = {c: ([], [], []) for c in cases}
        for _ in range(args.repeats):
            ox = oxpar_times(args.bin, threads, args.rounds)
            for c in cases:
                per[c][0].append(ox[c][0])
                per[c][1].append(ox[c][1])
                per[c][2].append(numpy_time(*c, args.rounds))
        for (n, count), (o, d, npt) in per.items():
            ratios = [y / x for x, y in zip(o, npt)]
            print(f"{threads:>7} {n:>3} {count:>7} {min(o):>9.4f} {min(d):>9.4f} "
                  f"{min(npt):>9.4f} {min(npt) / min(o):>9.2f} "
                  f"{min(ratios):>6.2f}..{max(ratios):<5.2f} {min(d) / min(o):>11.2f}")


if __name__ == "__main__":
    main()
