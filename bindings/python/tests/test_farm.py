"""oxpar.farm on threads: every task exactly once, failures retried and
reported, checkpoints resumed (also after SIGKILL), progress, interrupts,
argument errors, and tasks that release the GIL overlapping."""

import io
import os
import pickle
import signal
import subprocess
import sys
import textwrap
import threading
import time
from collections import Counter

import numpy as np
import pytest

import oxpar
from oxpar import TaskState

SPECS = ["serial", "threads:2"]


@pytest.fixture(params=SPECS)
def farm_ctx(request):
    with oxpar.Context(request.param) as c:
        yield c


class Attempts:
    """Counts the attempts of every task (tasks run on several threads)."""

    def __init__(self):
        self.lock = threading.Lock()
        self.counts = Counter()

    def __call__(self, i):
        with self.lock:
            self.counts[i] += 1
            return self.counts[i]


@pytest.mark.parametrize("n", [0, 1, 1000])
def test_every_task_exactly_once(farm_ctx, n):
    counts = np.zeros(n, dtype=np.int64)

    def task(i):
        counts[i] += 1  # each index is touched by one task only

    report = oxpar.farm(task, n, ctx=farm_ctx)
    assert counts.tolist() == [1] * n
    assert (report.ntasks, report.done, report.failed, report.resumed) == (n, n, 0, 0)
    assert report.all_complete
    assert report.outcomes.shape == (n,) and report.attempts.shape == (n,)
    assert (report.outcomes == TaskState.DONE).all()
    assert (report.attempts == 1).all()
    assert report.errors == {} and report.tracebacks == {}
    assert len(report.failed_tasks) == 0
    assert report.raise_for_failures() is report
    assert f"{n} tasks: {n} done, 0 failed, 0 resumed" in repr(report)


def test_default_context_and_numpy_count():
    seen = set()
    report = oxpar.farm(seen.add, np.int64(50))
    assert seen == set(range(50))
    assert report.done == 50


def test_return_values_are_ignored(farm_ctx):
    report = oxpar.farm(lambda i: False if i % 2 else i, 20, ctx=farm_ctx)
    assert report.done == 20 and report.all_complete


def test_failures_are_retried(farm_ctx):
    attempts = Attempts()
    flaky = {i for i in range(200) if i % 7 == 3}
    always = 11

    def task(i):
        k = attempts(i)
        if i == always:
            raise ValueError(f"task {i} cannot work (attempt {k})")
        if i in flaky and k == 1:
            raise RuntimeError("flaky the first time")

    report = oxpar.farm(task, 200, ctx=farm_ctx, retries=2)
    assert report.done == 199 and report.failed == 1 and not report.all_complete
    assert report.outcomes[always] == TaskState.FAILED
    assert report.attempts[always] == 3 and attempts.counts[always] == 3
    for i in range(200):
        if i == always:
            continue
        assert report.outcomes[i] == TaskState.DONE
        assert report.attempts[i] == (2 if i in flaky else 1), i
        assert attempts.counts[i] == report.attempts[i], i
    assert list(report.errors) == [always]
    message = report.errors[always]
    assert message.startswith("ValueError: task 11 cannot work (attempt 3)"), message
    assert "in task" in message and "test_farm.py" in message
    assert report.failed_tasks.tolist() == [always]
    # The flaky tasks' first failures are not in the report: they completed.
    assert set(report.tracebacks) == {always}
    assert "Traceback (most recent call last)" in report.tracebacks[always]
    assert "ValueError: task 11 cannot work" in report.tracebacks[always]


def test_no_retries(farm_ctx):
    attempts = Attempts()

    def task(i):
        if attempts(i) == 1 and i % 5 == 0:
            raise KeyError(i)

    report = oxpar.farm(task, 50, ctx=farm_ctx, retries=0)
    assert report.failed == 10 and report.done == 40
    assert report.failed_tasks.tolist() == list(range(0, 50, 5))
    assert (report.attempts == 1).all()
    assert all(attempts.counts[i] == 1 for i in range(50))
    assert report.errors[5].startswith("KeyError: 5")


def test_more_retries(farm_ctx):
    attempts = Attempts()

    def task(i):
        if attempts(i) < 5:
            raise OSError("not yet")

    report = oxpar.farm(task, 4, ctx=farm_ctx, retries=4)
    assert report.all_complete and report.attempts.tolist() == [5] * 4


class CustomError(Exception):
    pass


def helper(i):
    raise CustomError(f"deep inside {i}")


def test_message_keeps_type_text_and_place():
    report = oxpar.farm(lambda i: helper(i), 1, ctx=oxpar.Context("serial"), retries=0)
    message = report.errors[0]
    assert message.startswith("test_farm.CustomError: deep inside 0"), message
    assert "in helper" in message, message
    tb = report.tracebacks[0]
    assert "in <lambda>" in tb and "in helper" in tb and tb.rstrip().endswith("CustomError: deep inside 0")


class Unprintable(Exception):
    def __str__(self):
        raise RuntimeError("no str for you")


def test_exception_with_a_broken_str():
    def task(i):
        raise Unprintable()

    report = oxpar.farm(task, 3, ctx=oxpar.Context("threads:2"), retries=1)
    assert report.failed == 3
    assert all("Unprintable: <exception str() failed>" in m for m in report.errors.values()), report.errors


def test_raise_for_failures():
    def task(i):
        if i in (2, 4, 6, 8, 9):
            raise ValueError(f"bad {i}")

    report = oxpar.farm(task, 10, ctx=oxpar.Context("serial"), retries=0)
    with pytest.raises(oxpar.FarmError) as info:
        report.raise_for_failures()
    err = info.value
    assert isinstance(err, oxpar.OxparError) and isinstance(err, RuntimeError)
    assert err.report is report and sorted(err.errors) == [2, 4, 6, 8, 9]
    assert "5 of 10 tasks failed" in str(err) and "task 2: ValueError: bad 2" in str(err)
    assert "and 2 more" in str(err)
    assert "5 failed" in repr(report) and "2 (ValueError: bad 2" in repr(report)


def test_report_pickles():
    report = oxpar.farm(lambda i: 1 / (i - 3), 5, ctx=oxpar.Context("serial"), retries=1)
    copy = pickle.loads(pickle.dumps(report))
    assert copy.outcomes.tolist() == report.outcomes.tolist()
    assert copy.attempts.tolist() == [1, 1, 1, 2, 1]
    assert copy.errors == report.errors and "ZeroDivisionError" in copy.errors[3]
    assert (copy.done, copy.failed, copy.resumed) == (4, 1, 0)
    assert repr(copy) == repr(report)


def test_checkpoint_resume(farm_ctx, tmp_path):
    ck = tmp_path / "sweep.ckpt"
    n = 300
    broken = {i for i in range(n) if i % 9 == 4}
    runs = [Counter(), Counter(), Counter()]
    lock = threading.Lock()

    def make_task(run, failing):
        def task(i):
            with lock:
                runs[run][i] += 1
            if i in failing:
                raise RuntimeError("not today")

        return task

    first = oxpar.farm(make_task(0, broken), n, ctx=farm_ctx, checkpoint=ck, retries=1)
    assert first.failed == len(broken) and first.done == n - len(broken) and first.resumed == 0
    assert set(runs[0]) == set(range(n))
    assert ck.is_file()

    second = oxpar.farm(make_task(1, set()), n, ctx=farm_ctx, checkpoint=str(ck))
    assert set(runs[1]) == broken and all(c == 1 for c in runs[1].values())
    assert (second.done, second.failed, second.resumed) == (len(broken), 0, n - len(broken))
    for i in range(n):
        assert second.outcomes[i] == (TaskState.DONE if i in broken else TaskState.RESUMED)
        assert second.attempts[i] == (1 if i in broken else 0)

    third = oxpar.farm(make_task(2, set(range(n))), n, ctx=farm_ctx, checkpoint=ck)
    assert not runs[2]
    assert (third.done, third.failed, third.resumed) == (0, 0, n) and third.all_complete
    assert (third.outcomes == TaskState.RESUMED).all()


def test_mismatched_checkpoint(tmp_path):
    ck = tmp_path / "ck"
    oxpar.farm(lambda i: None, 20, ctx=oxpar.Context("serial"), checkpoint=ck)
    ran = []
    with pytest.raises(oxpar.InvalidArgumentError) as info:
        oxpar.farm(ran.append, 10, ctx=oxpar.Context("serial"), checkpoint=ck)
    assert isinstance(info.value, ValueError)
    assert "records a farm of 20 tasks" in str(info.value), str(info.value)
    assert ran == []
    not_one = tmp_path / "notes.txt"
    not_one.write_text("my notes\n")
    with pytest.raises(ValueError, match="not an oxpar farm checkpoint"):
        oxpar.farm(ran.append, 10, ctx=oxpar.Context("serial"), checkpoint=not_one)
    assert ran == []


def test_progress_callable(farm_ctx):
    seen = []

    def task(i):
        time.sleep(0.001)
        if i % 10 == 0:
            raise ValueError("no")

    report = oxpar.farm(task, 120, ctx=farm_ctx, retries=0, progress=seen.append, progress_interval=0.01)
    assert seen, "the progress callback was never called"
    assert all(isinstance(p, oxpar.Progress) and p.total == 120 for p in seen)
    last = seen[-1]
    assert last.done == 120 - report.failed == 108
    assert last.failed == 12 and last.running == 0 and last.resumed == 0
    assert last.eta == 0.0 and last.elapsed > 0
    assert all(p.eta is None or p.eta >= 0 for p in seen)
    assert [p.done for p in seen] == sorted(p.done for p in seen)


def test_a_run_never_waits_for_the_progress_interval(farm_ctx):
    # The farm's progress thread wakes when the run ends: 100 runs of 10
    # trivial tasks with a 0.2 s interval each take well under 0.2 s.
    times = []
    for _ in range(100):
        seen = []
        start = time.perf_counter()
        report = oxpar.farm(lambda i: None, 10, ctx=farm_ctx, progress=seen.append, progress_interval=0.2)
        took = time.perf_counter() - start
        times.append(took)
        assert report.done == 10
        if took < 0.2:
            assert len(seen) == 1 and seen[0].eta == 0.0, "only the final report"
    assert max(times) < 0.15, f"median {sorted(times)[50]:.4f} s, slowest {max(times):.4f} s"


def test_a_huge_progress_interval_means_the_final_report_only(farm_ctx):
    for n in (0, 1, 10, 100):
        seen = []
        report = oxpar.farm(lambda i: None, n, ctx=farm_ctx, progress=seen.append, progress_interval=1e30)
        assert report.done == n
        assert len(seen) == 1 and seen[0].done == n and seen[0].eta == 0.0
    for bad in (float("nan"), float("inf"), -1.0, 0.0):
        with pytest.raises(ValueError, match="progress_interval"):
            oxpar.farm(lambda i: None, 3, ctx=farm_ctx, progress=seen.append, progress_interval=bad)


def test_progress_callable_that_raises():
    calls = []

    def progress(p):
        calls.append(p)
        raise ZeroDivisionError("progress is hard")

    with pytest.warns(RuntimeWarning, match="progress is hard"):
        report = oxpar.farm(lambda i: time.sleep(0.002), 50, ctx=oxpar.Context("threads:2"),
                            progress=progress, progress_interval=0.005)
    assert report.all_complete and len(calls) == 1


class Terminal(io.StringIO):
    def isatty(self):
        return True


def test_progress_bar_only_on_a_terminal(monkeypatch):
    term = Terminal()
    monkeypatch.setattr(sys, "stderr", term)
    oxpar.farm(lambda i: time.sleep(0.001), 40, ctx=oxpar.Context("serial"), progress=True, progress_interval=0.01)
    text = term.getvalue()
    assert text.startswith("\r") and text.endswith("\n"), repr(text)
    final = text.rstrip("\n").split("\r")[-1]
    assert f"[{'#' * 24}] 40/40, 0 failed, 0 running" in final and "ETA 0s" in final, final

    piped = io.StringIO()
    monkeypatch.setattr(sys, "stderr", piped)
    oxpar.farm(lambda i: None, 40, ctx=oxpar.Context("serial"), progress=True, progress_interval=0.01)
    assert piped.getvalue() == ""
    # "bar" draws it anyway (mpiexec pipes the ranks' stderr).
    oxpar.farm(lambda i: None, 40, ctx=oxpar.Context("serial"), progress="bar", progress_interval=0.01)
    assert piped.getvalue().startswith("\r") and "40/40" in piped.getvalue()


def test_progress_bar_shows_resumed(monkeypatch, tmp_path):
    ck = tmp_path / "ck"
    oxpar.farm(lambda i: None if i < 30 else 1 / 0, 40, ctx=oxpar.Context("serial"), checkpoint=ck, retries=0)
    term = Terminal()
    monkeypatch.setattr(sys, "stderr", term)
    oxpar.farm(lambda i: None, 40, ctx=oxpar.Context("serial"), checkpoint=ck, progress=True)
    final = term.getvalue().rstrip("\n").split("\r")[-1]
    assert "40/40 (30 resumed)" in final, final


@pytest.mark.parametrize("stopper", [KeyboardInterrupt, SystemExit])
def test_interrupt_stops_the_run_serial(stopper):
    ran = []

    def task(i):
        ran.append(i)
        if i == 3:
            raise stopper()

    with pytest.raises(stopper) as info:
        oxpar.farm(task, 100, ctx=oxpar.Context("serial"))
    report = info.value.farm_report
    assert ran == [0, 1, 2, 3]  # a serial context runs them in order; nothing after the stop
    assert report.done == 3 and report.failed == 97
    assert report.errors[3].startswith(stopper.__name__)
    assert report.errors[4] == f"not run: the farm stopped on {stopper.__name__} in task 3"


def test_interrupt_stops_the_run_threads():
    ran = []

    def task(i):
        ran.append(i)
        time.sleep(0.001)
        if i == 5:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt) as info:
        oxpar.farm(task, 2000, ctx=oxpar.Context("threads:2"))
    report = info.value.farm_report
    assert report.done + report.failed == 2000
    assert len(ran) < 2000 and report.done == len(ran) - 1
    assert "not run: the farm stopped on KeyboardInterrupt in task 5" in report.errors.values()


def test_sigint_stops_a_threaded_run():
    # A real Ctrl-C: the calling thread is one of the workers, so Python
    # delivers KeyboardInterrupt inside one of its tasks.
    ran = []

    def task(i):
        ran.append(i)
        time.sleep(0.01)

    timer = threading.Timer(0.3, os.kill, (os.getpid(), signal.SIGINT))
    timer.start()
    try:
        with pytest.raises(KeyboardInterrupt) as info:
            oxpar.farm(task, 3000, ctx=oxpar.Context("threads:2"))
    finally:
        timer.cancel()
    report = info.value.farm_report
    assert report.failed > 0 and len(ran) < 3000


def test_arguments_are_checked():
    ctx = oxpar.Context("serial")
    noop = lambda i: None  # noqa: E731
    with pytest.raises(TypeError, match="fn: expected a callable"):
        oxpar.farm(3, 10, ctx=ctx)
    for bad in (-1, 2**64):
        with pytest.raises(oxpar.InvalidArgumentError, match="ntasks"):
            oxpar.farm(noop, bad, ctx=ctx)
    for bad in ("3", 3.0, True, None):
        with pytest.raises(TypeError, match="ntasks"):
            oxpar.farm(noop, bad, ctx=ctx)
    for bad in (-1, 2**32):
        with pytest.raises(ValueError, match="retries"):
            oxpar.farm(noop, 1, ctx=ctx, retries=bad)
    with pytest.raises(MemoryError, match="cannot hold"):
        oxpar.farm(noop, 2**62, ctx=ctx)
    with pytest.raises(TypeError, match="checkpoint"):
        oxpar.farm(noop, 1, ctx=ctx, checkpoint=3)
    with pytest.raises(ValueError, match="path"):
        oxpar.farm(noop, 1, ctx=ctx, checkpoint="")
    with pytest.raises(TypeError, match="progress"):
        oxpar.farm(noop, 1, ctx=ctx, progress="yes")
    for bad in (0, -1.0, float("inf"), float("nan")):
        with pytest.raises(ValueError, match="progress_interval"):
            oxpar.farm(noop, 1, ctx=ctx, progress=True, progress_interval=bad)
    with pytest.raises(TypeError, match="ctx"):
        oxpar.farm(noop, 1, ctx="threads")
    closed = oxpar.Context("serial")
    closed.close()
    with pytest.raises(ValueError, match="closed"):
        oxpar.farm(noop, 1, ctx=closed)
    assert oxpar.farm(noop, 3, ctx=ctx).done == 3  # still fine


def spans_overlap(spans):
    spans = sorted(spans)
    return any(b0 < a1 for (_, a1), (b0, _) in zip(spans, spans[1:]))


def test_tasks_that_release_the_gil_overlap():
    lock = threading.Lock()
    spans, threads = [], set()

    def sleeper(i):
        t0 = time.perf_counter()
        time.sleep(0.03)
        with lock:
            spans.append((t0, time.perf_counter()))
            threads.add(threading.get_ident())

    oxpar.farm(sleeper, 8, ctx=oxpar.Context("threads:2"))
    assert len(threads) == 2 and spans_overlap(spans), spans

    # NumPy's matrix product releases the GIL too.
    a = np.random.default_rng(0).standard_normal((300, 300))
    spans.clear()

    def product(i):
        t0 = time.perf_counter()
        for _ in range(3):
            a @ a
        with lock:
            spans.append((t0, time.perf_counter()))

    oxpar.farm(product, 16, ctx=oxpar.Context("threads:2"))
    assert spans_overlap(spans), "no two NumPy tasks ever ran at the same time"


def test_tasks_may_call_oxpar():
    x = np.arange(1000.0)
    out = np.zeros(40)
    with oxpar.Context("threads:2") as ctx:

        def task(i):
            out[i] = oxpar.dot(x, x * i, ctx=ctx)

        oxpar.farm(task, 40, ctx=ctx).raise_for_failures()
    np.testing.assert_allclose(out, np.arange(40) * (x @ x))


def test_two_python_threads_farm_on_one_context():
    results = {}
    with oxpar.Context("threads:2") as ctx:

        def run(name):
            seen = Counter()
            lock = threading.Lock()

            def task(i):
                with lock:
                    seen[i] += 1

            results[name] = (oxpar.farm(task, 500, ctx=ctx), seen)

        threads = [threading.Thread(target=run, args=(k,)) for k in "ab"]
        for t in threads:
            t.start()
        for t in threads:
            t.join(60)
    for report, seen in results.values():
        assert report.done == 500 and sorted(seen) == list(range(500)) and set(seen.values()) == {1}


KILL_SCRIPT = textwrap.dedent(
    """
    import os, signal, sys
    import oxpar

    checkpoint, log, marker, n, kill_at = sys.argv[1:4] + [int(v) for v in sys.argv[4:6]]
    fd = os.open(log, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)

    def task(i):
        if i == kill_at and not os.path.exists(marker):
            open(marker, "w").close()
            os.kill(os.getpid(), signal.SIGKILL)
        os.write(fd, b"%d\\n" % i)  # one write: all of it or nothing

    with oxpar.Context("serial") as ctx:  # one task in flight at a time
        report = oxpar.farm(task, n, ctx=ctx, checkpoint=checkpoint)
    print(report.done, report.resumed, report.failed)
    """
)


def test_killed_run_resumes(tmp_path):
    script = tmp_path / "kill_child.py"
    script.write_text(KILL_SCRIPT)
    n, kill_at = 500, 317
    args = [sys.executable, str(script), str(tmp_path / "ck"), str(tmp_path / "log"), str(tmp_path / "marker"),
            str(n), str(kill_at)]
    first = subprocess.run(args, capture_output=True, text=True, timeout=120)
    assert first.returncode == -signal.SIGKILL, (first.returncode, first.stderr)
    second = subprocess.run(args, capture_output=True, text=True, timeout=120)
    assert second.returncode == 0, second.stderr
    done, resumed, failed = map(int, second.stdout.split())
    assert failed == 0 and done + resumed == n
    assert resumed == kill_at, (done, resumed)  # a serial context runs them in order
    logged = [int(v) for v in (tmp_path / "log").read_text().split()]
    counts = Counter(logged)
    assert sorted(counts) == list(range(n)), "a task never completed"
    assert set(counts.values()) == {1}, [t for t, c in counts.items() if c > 1]
