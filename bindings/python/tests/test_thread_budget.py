"""The default context's thread budget as Python's tools set it:
OMP_NUM_THREADS (joblib's loky workers, Dask's nannies) and threadpoolctl."""

import os
import subprocess
import sys
import time

import numpy as np
import pytest

import oxpar


def default_threads_in_child(env_changes):
    """The default context's num_threads in a fresh interpreter."""
    env = {k: v for k, v in os.environ.items() if k not in ("OXPAR_NUM_THREADS", "OMP_NUM_THREADS")}
    env.update(env_changes)
    out = subprocess.run(
        [sys.executable, "-c", "import oxpar; print(oxpar.default_context().num_threads)"],
        capture_output=True, text=True, env=env,
    )
    assert out.returncode == 0, out.stderr
    return int(out.stdout)


def test_omp_num_threads_counts_when_oxpar_num_threads_is_unset(monkeypatch):
    # The default context of a fresh interpreter.
    assert default_threads_in_child({"OMP_NUM_THREADS": "3"}) == 3
    # Every "threads" context reads the variables when it is made.
    monkeypatch.delenv("OXPAR_NUM_THREADS", raising=False)

    def threads(omp):
        monkeypatch.setenv("OMP_NUM_THREADS", omp)
        with oxpar.Context("threads") as ctx:
            return ctx.num_threads

    assert threads("3") == 3
    # OpenMP's list form: the first entry is this level's count.
    assert threads("2,4") == 2
    # An invalid value is ignored: the CPUs this process may use.
    cpus = len(os.sched_getaffinity(0))
    for bad in ("0", "", "lots", "-2", ",3"):
        assert threads(bad) == cpus, bad
    # Another library's large value is lowered, not an error (the report
    # says so without starting that many threads).
    monkeypatch.setenv("OMP_NUM_THREADS", "100000")
    assert f"threads: {oxpar.MAX_THREADS} (from OMP_NUM_THREADS=100000 " in oxpar.info_text()
    monkeypatch.setenv("OXPAR_NUM_THREADS", "1")
    assert threads("3") == 1
    with oxpar.Context("threads:2") as ctx:
        assert ctx.num_threads == 2


# threadpoolctl


threadpoolctl = pytest.importorskip("threadpoolctl")


def oxpar_entries():
    return [i for i in threadpoolctl.threadpool_info() if i["internal_api"] == "oxpar"]


def test_threadpool_info_lists_the_default_context():
    (entry,) = oxpar_entries()
    assert entry["user_api"] == "blas"
    assert entry["version"] == oxpar.__version__
    assert entry["num_threads"] == oxpar.default_context().num_threads
    assert os.path.basename(entry["filepath"]).startswith("liboxpar.so.")
    assert os.path.dirname(entry["filepath"]) == os.path.join(os.path.dirname(oxpar.__file__), "_lib")


def thread_cpu_ticks():
    """CPU time (clock ticks) so far of each thread of this process."""
    ticks = {}
    for tid in os.listdir("/proc/self/task"):
        try:
            with open(f"/proc/self/task/{tid}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except OSError:  # the thread ended meanwhile
            continue
        ticks[int(tid)] = int(fields[11]) + int(fields[12])  # utime + stime
    return ticks


def ticks_of_other_threads(work):
    """CPU ticks that threads other than the caller spend while `work()` runs."""
    me = __import__("threading").get_native_id()
    before = thread_cpu_ticks()
    work()
    after = thread_cpu_ticks()
    return sum(t - before.get(tid, 0) for tid, t in after.items() if tid != me)


@pytest.mark.skipif(not os.path.isdir("/proc/self/task"), reason="needs Linux's /proc")
def test_threadpool_limits_one_makes_default_gemm_single_threaded():
    ctx = oxpar.default_context()
    saved = ctx.num_threads
    ctx.num_threads = 2
    rng = np.random.default_rng(0)
    a, b = rng.standard_normal((500, 500)), rng.standard_normal((500, 500))
    want = a @ b  # outside the measured work: NumPy's BLAS has threads of its own
    out = []

    def gemms():
        deadline = time.perf_counter() + 0.4
        while time.perf_counter() < deadline:
            out[:] = [oxpar.gemm(a, b)]

    try:
        # Two threads: the other one does part of the work.
        assert ticks_of_other_threads(gemms) > 0
        with threadpoolctl.threadpool_limits(1):
            assert ctx.num_threads == 1
            (entry,) = oxpar_entries()
            assert entry["num_threads"] == 1
            # One thread: no other thread of this process spends CPU time
            # (a tick of slack for the interpreter's own helpers).
            assert ticks_of_other_threads(gemms) <= 1
        assert ctx.num_threads == 2  # restored
        for c in out:
            np.testing.assert_allclose(c, want, rtol=1e-10, atol=1e-10)
        with threadpoolctl.threadpool_limits(1, user_api="blas"):
            assert ctx.num_threads == 1
        with threadpoolctl.threadpool_limits(1, user_api="openmp"):
            assert ctx.num_threads == 2
        assert ctx.num_threads == 2
    finally:
        ctx.num_threads = saved


def test_threadpool_controller_limits_oxpar_alone():
    ctx = oxpar.default_context()
    saved = ctx.num_threads
    try:
        ctrl = threadpoolctl.ThreadpoolController().select(internal_api="oxpar")
        with ctrl.limit(limits=3):
            assert ctx.num_threads == 3
        assert ctx.num_threads == saved
    finally:
        ctx.num_threads = saved


# joblib and Dask set OMP_NUM_THREADS in the workers they start.


def report():
    import os

    import oxpar

    return oxpar.default_context().num_threads, os.environ.get("OMP_NUM_THREADS"), os.getpid()


@pytest.fixture
def no_oxpar_variable(monkeypatch):
    # Workers inherit this process's environment: OXPAR_NUM_THREADS would win.
    monkeypatch.delenv("OXPAR_NUM_THREADS", raising=False)


def test_joblib_loky_worker_gets_the_intended_thread_count(no_oxpar_variable):
    joblib = pytest.importorskip("joblib")
    # A nested function travels by value (cloudpickle); the workers need not
    # import this test module.
    def in_worker(_):
        return report_in_worker()

    report_in_worker = report
    for inner in (1, 3):
        with joblib.parallel_config(backend="loky", inner_max_num_threads=inner):
            results = joblib.Parallel(n_jobs=2)(joblib.delayed(in_worker)(i) for i in range(4))
        assert [r[:2] for r in results] == [(inner, str(inner))] * 4, inner
        assert os.getpid() not in {r[2] for r in results}  # ran in worker processes


def test_dask_worker_gets_the_intended_thread_count(no_oxpar_variable):
    pytest.importorskip("dask")
    distributed = pytest.importorskip("distributed")

    def in_worker():
        return report_in_worker()

    report_in_worker = report
    with distributed.LocalCluster(
        n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster, distributed.Client(cluster) as client:
        # The nanny sets OMP_NUM_THREADS=1 (distributed.nanny.pre-spawn-environ).
        threads, omp, pid = client.submit(in_worker, pure=False).result(timeout=60)
        assert (threads, omp) == (1, "1")
        assert pid != os.getpid() and pid in {w.pid for w in cluster.workers.values()}
