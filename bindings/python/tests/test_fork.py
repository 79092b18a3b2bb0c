"""A process that used oxpar's threads and then forks can use oxpar in the
child (multiprocessing with the fork start method) without a deadlock."""

import multiprocessing as mp

import numpy as np

import oxpar


def _child_work(seed):
    a = np.random.default_rng(seed).standard_normal((200, 200))
    c = oxpar.gemm(a, a)
    return float(np.max(np.abs(c - a @ a))), oxpar.default_context().num_threads


def test_fork_child_computes():
    a = np.ones((300, 300))
    oxpar.gemm(a, a)  # the parent's threads are up
    oxpar.dot(np.ones(100_000), np.ones(100_000))
    with mp.get_context("fork").Pool(2) as pool:
        results = pool.map_async(_child_work, range(4)).get(timeout=120)
    for err, threads in results:
        assert err < 1e-9
        assert threads >= 1
