"""The GIL is released during native calls: Python threads keep running while
oxpar computes, and two threads' gemms overlap in time."""

import threading
import time

import numpy as np

import oxpar


def test_python_runs_while_gemm_computes():
    n = 700
    a = np.random.default_rng(1).standard_normal((n, n))
    ctx = oxpar.Context("threads:1")
    started, finished = threading.Event(), threading.Event()
    ticks_during = []

    def compute():
        started.set()
        for _ in range(3):
            oxpar.gemm(a, a, ctx=ctx)
        finished.set()

    t = threading.Thread(target=compute)
    t.start()
    started.wait()
    ticks = 0
    while not finished.is_set():
        ticks += 1
        time.sleep(0)  # a pure-Python loop: it only runs if the GIL is free
    t.join()
    ticks_during.append(ticks)
    # With the GIL held for a whole gemm this loop would barely run.
    assert ticks > 100, ticks


def test_two_threads_gemm_overlap():
    n = 500
    a = np.random.default_rng(2).standard_normal((n, n))
    spans = {}

    def work(name):
        with oxpar.Context("threads:1") as ctx:
            t0 = time.perf_counter()
            oxpar.gemm(a, a, ctx=ctx)
            oxpar.gemm(a, a, ctx=ctx)
            spans[name] = (t0, time.perf_counter())

    threads = [threading.Thread(target=work, args=(k,)) for k in "ab"]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    (a0, a1), (b0, b1) = spans["a"], spans["b"]
    overlap = min(a1, b1) - max(a0, b0)
    assert overlap > 0, f"the calls ran one after the other: {spans}"
