"""The task farm: many independent Python tasks over a context's threads, or
over every rank of an MPI context, with retries, checkpoints and progress.

    >>> results = np.zeros(len(params))
    >>> def simulate(i):                    # task i: store the result in its own slot
    ...     results[i] = model(params[i])
    >>> report = oxpar.farm(simulate, len(params), checkpoint="sweep.ckpt", progress=True)
    >>> report.raise_for_failures()

A task is `fn(i)` for `i` in `range(ntasks)`: returning (any value, which is
ignored) is success, raising is failure. The message of a failure is the
last line of its traceback with where it was raised (`"ValueError: bad
input (at sweep.py, line 12, in model)"`); the whole traceback stays in
`report.tracebacks` on the process that ran the last attempt. A failed task
is tried again on the next worker (thread, then rank), up to `retries`
times; the run returns when every task has completed or used up its
retries, and `farm` returns a `FarmReport` with every task's outcome.

Threads and the GIL: tasks run on the context's threads (on a threads
context the calling thread is one of them; on an MPI context it hands out
work to the ranks meanwhile and runs no task, at every MPI thread level, so
no rank waits for another one's task to end) and each takes the GIL while
it runs Python code, so
pure-Python tasks run one at a time; tasks that spend their time in code
that releases the GIL (NumPy's large array operations and linear algebra,
oxpar's own routines, I/O, `time.sleep`) overlap across the threads. For
GIL-bound tasks use an MPI context: each rank is a process with its own GIL.

MPI: on an MPI context the farm is collective (every rank calls `farm` with
the same `ntasks` and `retries`; one that does not raises on every rank);
each rank runs its own copy of `fn` (only task indices travel, so `fn` and
what it reads must exist on every rank), and every rank gets every task's
outcome in its report. Results stay where their task ran: gather them
yourself (e.g. mpi4py's `comm.Reduce` of arrays where each task filled its
slot). Tasks must not make collective calls of their own, and call MPI at
all only when MPI runs at MPI_THREAD_MULTIPLE (mpi4py's default): the
calling thread talks to the other ranks while they run. Any thread level
works for the farm itself, on any transport (shared memory, or TCP on a
cluster without RDMA).
"""

import os
import sys
import threading
import time
import traceback
import warnings
import weakref
from enum import IntEnum
from typing import Any, Callable, Dict, NamedTuple, Optional, Union

import numpy as np

from ._errors import InvalidArgumentError, OxparError, check
from ._ffi import ffi, lib
from ._managed import Managed
from .context import Context
from .context import resolve

__all__ = ["farm", "FarmReport", "FarmError", "Progress", "TaskState"]

_U32_MAX = 2**32 - 1
_SIZE_MAX = 2**64 - 1


class TaskState(IntEnum):
    """How a task ended: `DONE` in this run, `FAILED` on every attempt, or
    `RESUMED` (an earlier run recorded it in the checkpoint; it did not run).
    `report.outcomes` holds these values."""

    DONE = lib.OXPAR_TASK_STATE_DONE
    FAILED = lib.OXPAR_TASK_STATE_FAILED
    RESUMED = lib.OXPAR_TASK_STATE_RESUMED


class Progress(NamedTuple):
    """A progress report: `total` tasks in the farm, `done` in this run,
`failed` attempts so far (a failed attempt may still succeed on retry),
`running` now, `resumed` from the checkpoint, `elapsed` seconds, and `eta`,
the estimated seconds left (None while unknown). On an MPI context the
counts are this rank's own (`eta` is for the whole farm)."""

    total: int
    done: int
    failed: int
    running: int
    resumed: int
    elapsed: float
    eta: Optional[float]


class FarmError(OxparError, RuntimeError):
    """Tasks of a farm failed (`FarmReport.raise_for_failures`); `report` is
    the run's report, `errors` maps each failed task to its message."""

    def __init__(self, report: "FarmReport") -> None:
        self.report = report
        self.errors = report.errors
        shown = list(self.errors.items())[:3]
        text = "; ".join(f"task {t}: {m}" for t, m in shown)
        more = len(self.errors) - len(shown)
        super().__init__(
            f"{report.failed} of {report.ntasks} tasks failed: {text}" + (f"; and {more} more" if more > 0 else "")
        )


class _ReportHandle(Managed):
    _free = staticmethod(lib.oxpar_farm_report_free)
    _what = "report"

    def __init__(self, ptr):
        self._ptr = ptr


class FarmReport:
    """Every task's outcome after `oxpar.farm`.

    * `ntasks`; `done` (completed in this run), `failed` (failed every
      attempt), `resumed` (skipped thanks to the checkpoint); `all_complete`
      (nothing failed); `elapsed` (seconds).
    * `outcomes`: a NumPy int8 array of `TaskState` values, by task;
      `attempts`: a uint32 array (0 for a resumed task, retries + 1 for a
      failed one); `failed_tasks`: the failed tasks' indices.
    * `errors`: {task: message} of the failed tasks (on every rank);
      `tracebacks`: {task: formatted traceback} of those whose last attempt
      ran in this process (under MPI the others ran on other ranks).
    * `raise_for_failures()`: raises `FarmError` if a task failed, else
      returns the report.

    The per-task data are read from liboxpar on first use. Reports pickle
    (e.g. to gather them with mpi4py).
    """

    def __init__(self, ptr: Any, ntasks: int, elapsed: float, tracebacks: Dict[int, str], messages: Dict[int, bytes]) -> None:
        self._handle = _ReportHandle(ptr)
        counts = ffi.new("size_t[3]")
        check(lib.oxpar_farm_report_counts(ptr, counts, counts + 1, counts + 2))
        self.ntasks = ntasks
        self.done, self.failed, self.resumed = (int(c) for c in counts)
        self.elapsed = elapsed
        self._tracebacks_seen = (tracebacks, messages)
        self._lock = threading.Lock()
        self._outcomes = self._attempts = self._errors = self._tracebacks = None

    def _load(self):
        with self._lock:
            if self._outcomes is not None:
                return
            n, ptr = self.ntasks, self._handle.ptr
            states, attempts = ffi.new("int32_t[]", max(n, 1)), ffi.new("uint32_t[]", max(n, 1))
            check(lib.oxpar_farm_report_states(ptr, states, attempts, n))
            outcomes = np.frombuffer(ffi.buffer(states), dtype=np.int32)[:n].astype(np.int8)
            tries = np.frombuffer(ffi.buffer(attempts), dtype=np.uint32)[:n].copy()
            errors = {}
            for i in np.flatnonzero(outcomes == TaskState.FAILED).tolist():
                message = lib.oxpar_farm_report_error(ptr, i)
                errors[i] = ffi.string(message).decode("utf-8", "replace") if message != ffi.NULL else ""
            # A traceback of this process goes with the reported message
            # (under MPI the last attempt may have run on another rank).
            seen, said = self._tracebacks_seen
            self._tracebacks = {
                t: seen[t] for t in errors if t in seen and said[t].decode("utf-8", "replace") == errors[t]
            }
            self._outcomes, self._attempts, self._errors = outcomes, tries, errors
            self._handle.close()

    @property
    def outcomes(self) -> np.ndarray:
        """`TaskState` of every task (int8 array, by task index)."""
        self._load()
        return self._outcomes

    @property
    def attempts(self) -> np.ndarray:
        """Attempts every task took (uint32 array; 0 for a resumed task)."""
        self._load()
        return self._attempts

    @property
    def errors(self) -> Dict[int, str]:
        """{task: message of its last attempt} for every failed task."""
        self._load()
        return self._errors

    @property
    def tracebacks(self) -> Dict[int, str]:
        """{task: formatted traceback} for the failed tasks whose last attempt
        ran in this process (under MPI, others ran on other ranks)."""
        self._load()
        return self._tracebacks

    @property
    def failed_tasks(self) -> np.ndarray:
        """Indices of the tasks that failed every attempt."""
        return np.flatnonzero(self.outcomes == TaskState.FAILED)

    @property
    def all_complete(self) -> bool:
        """Whether every task is complete (in this run or an earlier one)."""
        return self.failed == 0

    def raise_for_failures(self) -> "FarmReport":
        """Raises `FarmError` (naming the first failures) if any task failed;
        returns the report otherwise."""
        if self.failed:
            raise FarmError(self)
        return self

    def __getstate__(self):
        self._load()
        return {
            "ntasks": self.ntasks, "done": self.done, "failed": self.failed, "resumed": self.resumed,
            "elapsed": self.elapsed, "outcomes": self._outcomes, "attempts": self._attempts,
            "errors": self._errors, "tracebacks": self._tracebacks,
        }

    def __setstate__(self, state):
        self.ntasks, self.done, self.failed, self.resumed = (
            state["ntasks"], state["done"], state["failed"], state["resumed"]
        )
        self.elapsed = state["elapsed"]
        self._outcomes, self._attempts = state["outcomes"], state["attempts"]
        self._errors, self._tracebacks = state["errors"], state["tracebacks"]
        self._tracebacks_seen = ({}, {})
        self._lock = threading.Lock()
        self._handle = None

    def __repr__(self) -> str:
        text = (
            f"<oxpar.FarmReport {self.ntasks} tasks: {self.done} done, {self.failed} failed, "
            f"{self.resumed} resumed in {self.elapsed:.3g} s"
        )
        if self.failed:
            shown = list(self.errors.items())[:3]
            text += "; failed: " + ", ".join(f"{t} ({m})" for t, m in shown)
            if self.failed > len(shown):
                text += ", ..."
        return text + ">"


def _describe(e: BaseException, tb) -> bytes:
    """The failure message of exception `e`: its traceback's last line (as
    `traceback` writes it) and the line it was raised at."""
    try:
        cls = type(e)
        name = cls.__qualname__
        if cls.__module__ not in ("builtins", "__main__"):
            name = f"{cls.__module__}.{name}"
        try:
            text = str(e)
        except BaseException:  # noqa: BLE001 - a broken __str__ must not escape
            text = "<exception str() failed>"
        message = f"{name}: {text}" if text else name
        frames = traceback.extract_tb(tb) if tb is not None else []
        if frames:
            f = frames[-1]
            message += f" (at {os.path.basename(f.filename)}, line {f.lineno}, in {f.name})"
    except BaseException:  # noqa: BLE001
        message = "the task raised an exception that could not be described"
    return message.encode("utf-8", "replace")


def _format_traceback(e: BaseException, tb) -> str:
    try:
        return "".join(traceback.format_exception(type(e), e, tb))
    except BaseException:  # noqa: BLE001
        return f"{type(e).__name__} (its traceback could not be formatted)"


class _Run:
    """One call of `farm`: the task function and what its tasks report."""

    __slots__ = ("fn", "stop", "stop_message", "messages", "tracebacks", "progress", "progress_error", "__weakref__")

    def __init__(self, fn, progress):
        self.fn = fn
        self.stop = None  # the KeyboardInterrupt/SystemExit/... that stopped the run
        self.stop_message = b""
        self.messages = {}  # task: its last failure's message, in this process
        self.tracebacks = {}
        self.progress = progress
        self.progress_error = None

    def task(self, i):
        if self.stop is not None:
            # A task that failed here keeps its own message.
            lib.oxpar_farm_task_error(self.messages.get(i, self.stop_message))
            return 1
        try:
            self.fn(i)
        except BaseException as e:  # noqa: BLE001 - nothing may unwind into C
            return self.failed(i, e)
        return 0

    def failed(self, i, e):
        tb = e.__traceback__
        # Start at the user's function, not at this frame.
        tb = tb.tb_next if tb is not None and tb.tb_next is not None else tb
        self.tracebacks[i] = _format_traceback(e, tb)
        if not isinstance(e, Exception):
            self.interrupt(e, i)
        message = self.messages[i] = _describe(e, tb)
        lib.oxpar_farm_task_error(message)
        return 1

    def interrupt(self, e, i=None):
        if self.stop is None:
            self.stop = e
            where = "" if i is None else f" in task {i}"
            self.stop_message = f"not run: the farm stopped on {type(e).__name__}{where}".encode()

    def report(self, total, done, failed, running, resumed, elapsed, eta):
        fn = self.progress
        if fn is None:
            return
        try:
            fn(Progress(total, done, failed, running, resumed, elapsed, eta if eta >= 0 else None))
        except BaseException as e:  # noqa: BLE001 - reported after the run
            self.progress = None
            self.progress_error = e


# Runs in progress, for exceptions that escape `_Run.task` itself (a
# KeyboardInterrupt delivered between two of its lines).
_active = weakref.WeakSet()


def _escaped(exc_type, exc_value, tb):
    if exc_value is not None and not isinstance(exc_value, Exception):
        for run in list(_active):
            run.interrupt(exc_value)
    return None  # the callback returns its error value: the attempt failed


@ffi.callback("oxpar_task_fn", error=1, onerror=_escaped)
def _task_trampoline(i, data):
    return ffi.from_handle(data).task(i)


@ffi.callback("oxpar_progress_fn", onerror=lambda *exc: None)
def _progress_trampoline(total, done, failed, running, resumed, elapsed, eta, data):
    ffi.from_handle(data).report(total, done, failed, running, resumed, elapsed, eta)


def _join_failed(ctx) -> None:
    """On an open MPI context, takes part in the farm run the other ranks are
    entering as a rank that rejected its arguments (liboxpar's run with a
    NULL farm and task does that), so that every rank raises instead of
    waiting for this one; elsewhere does nothing. The status is ignored: the
    caller raises the error Python found."""
    if getattr(ctx, "_mpi", False) and not ctx.closed:
        lib.oxpar_farm_run(ffi.NULL, ctx.ptr, 0, ffi.NULL, ffi.NULL, ffi.NULL)


def _duration(seconds: float) -> str:
    seconds = int(round(seconds))
    if seconds < 60:
        return f"{seconds}s"
    if seconds < 3600:
        return f"{seconds // 60}m{seconds % 60:02d}s"
    return f"{seconds // 3600}h{seconds // 60 % 60:02d}m"


class _Bar:
    """`progress=True`: one line on stderr, rewritten in place with `\\r`."""

    WIDTH = 24

    def __init__(self, stream, rank=None):
        self.stream = stream
        self.rank = rank  # an MPI context's rank: counts are this rank's
        self.last = 0

    def line(self, p: Progress) -> str:
        if self.rank is None:
            complete = p.done + p.resumed
            fraction = complete / p.total if p.total else 1.0
            counts = f"{complete}/{p.total}" + (f" ({p.resumed} resumed)" if p.resumed else "")
            head = "farm"
        else:
            # Only this rank's counts are known here: the fraction comes from the ETA.
            if p.eta is None:
                fraction = 0.0
            else:
                fraction = p.elapsed / (p.elapsed + p.eta) if p.elapsed + p.eta > 0 else 1.0
            counts = f"{p.done} done here of {p.total}"
            head = f"farm (rank {self.rank})"
        filled = int(round(self.WIDTH * min(max(fraction, 0.0), 1.0)))
        bar = "#" * filled + "-" * (self.WIDTH - filled)
        eta = "?" if p.eta is None else _duration(p.eta)
        return (
            f"{head} [{bar}] {counts}, {p.failed} failed, {p.running} running, "
            f"{_duration(p.elapsed)} elapsed, ETA {eta}"
        )

    def __call__(self, p: Progress) -> None:
        text = self.line(p)
        pad = max(self.last - len(text), 0)
        self.last = len(text)
        self.stream.write("\r" + text + " " * pad)
        self.stream.flush()

    def finish(self) -> None:
        if self.last:
            self.stream.write("\n")
            self.stream.flush()


def _isatty(stream) -> bool:
    try:
        return stream is not None and stream.isatty()
    except (AttributeError, ValueError):  # no isatty, or closed
        return False


def _draws_bar(ctx, progress) -> bool:
    """Whether this process draws the progress bar: `progress="bar"`, or
    `progress=True` with stderr a terminal; on an MPI context rank 0 only."""
    if ctx._mpi and ctx.rank != 0:
        return False
    return progress == "bar" or _isatty(sys.stderr)


def _count(v, name, upper) -> int:
    if isinstance(v, (bool, np.bool_)) or not isinstance(v, (int, np.integer)):
        raise TypeError(f"{name}: expected an int, got {type(v).__name__}")
    if not 0 <= v <= upper:
        raise InvalidArgumentError(f"{name}: expected an integer from 0 to {upper}, got {v}")
    return int(v)


def farm(
    fn: Callable[[int], Any],
    ntasks: int,
    *,
    ctx: Optional[Context] = None,
    retries: int = 2,
    checkpoint: Union[str, "os.PathLike[str]", None] = None,
    progress: Union[bool, str, Callable[[Progress], Any], None] = None,
    progress_interval: float = 0.25,
) -> FarmReport:
    """Runs `fn(i)` for every `i` in `range(ntasks)` on the context's threads
    (on an MPI context: on every rank's threads) and returns a `FarmReport`.

    * `fn(i)`: returning is success (the value is ignored; store results
      yourself, e.g. `out[i] = ...` in a NumPy array), raising is failure.
      It runs concurrently on several threads and must be safe to; each
      task holds the GIL while it runs Python code (see the module's
      documentation for what overlaps).
    * `retries`: how many times a failed task is tried again, each time on
      the next worker (default 2); then it is `TaskState.FAILED` with its
      last error in `report.errors` (the run goes on: failures never raise
      here; `report.raise_for_failures()` does).
    * `checkpoint`: a file (str or path) where each completed task is
      recorded the moment it returns; a later call with the same file and
      `ntasks` skips them (`TaskState.RESUMED`), so a killed run resumes
      where it was. A file from a farm with another `ntasks` is an
      `InvalidArgumentError` (a ValueError). Under MPI each rank appends to
      `<checkpoint>.rank<r>` and every rank reads them all.
    * `progress`: True shows a progress bar on stderr when stderr is a
      terminal, "bar" shows it anyway (mpiexec gives the ranks a pipe for
      stderr even when its own is a terminal); on an MPI context rank 0
      draws it, with its own counts and the whole farm's ETA. A callable
      gets a `Progress` every `progress_interval` seconds and once at the
      end, from a thread of its own (never two calls at once). If it raises,
      it is not called again and a RuntimeWarning says why after the run.
      The run never waits for the interval: it returns when its last task
      ends. `progress_interval` must be a positive number of seconds (NaN,
      infinity, 0 and negative values raise); one longer than the run (any
      huge value, e.g. 1e30) means the final report only.
    * `ctx`: the context (default: `oxpar.default_context()`).

    KeyboardInterrupt (on a threads context Ctrl-C reaches the tasks that
    run on the calling thread, which is one of the workers) and any other
    exception that is not an `Exception` (SystemExit, ...) raised by a task
    stop the run: tasks already running finish, the others are not started
    and are reported as failed ("not run: the farm stopped on
    KeyboardInterrupt ..."), and once the run has returned `farm` re-raises that exception, with the report
    as its `farm_report` attribute. Completed tasks are in the checkpoint,
    so a rerun resumes.

    Errors about the farm itself (not about tasks): TypeError and
    InvalidArgumentError for arguments (on an MPI context: on every rank,
    the others naming the rank at fault; so are different `ntasks` or
    `retries` on different ranks), InvalidArgumentError for an unreadable,
    unwritable or mismatched checkpoint, OutOfMemoryError (a MemoryError)
    for more tasks than a report can hold, CommunicationError.
    """
    ctx = resolve(ctx)
    ctx_ptr = ctx.ptr
    handle = ffi.NULL
    bar = None
    try:
        if not callable(fn):
            raise TypeError(f"fn: expected a callable taking the task index, got {type(fn).__name__}")
        n = _count(ntasks, "ntasks", _SIZE_MAX)
        retries = _count(retries, "retries", _U32_MAX)
        if checkpoint is not None and not isinstance(checkpoint, (str, bytes, os.PathLike)):
            raise TypeError(f"checkpoint: expected None or a path, got {type(checkpoint).__name__}")
        drawn = progress is True or (isinstance(progress, str) and progress == "bar")
        if progress is not None and progress is not False and not drawn and not callable(progress):
            raise TypeError(f"progress: expected None, True, 'bar' or a callable, got {progress!r}")
        if isinstance(progress_interval, bool) or not isinstance(progress_interval, (int, float, np.floating)):
            raise TypeError(f"progress_interval: expected seconds (a number), got {type(progress_interval).__name__}")
        if not 0 < progress_interval < float("inf"):
            raise InvalidArgumentError(
                f"progress_interval: expected a positive number of seconds, got {progress_interval}"
            )
        if drawn and sys.stderr is not None and _draws_bar(ctx, progress):
            bar = _Bar(sys.stderr, ctx.rank if ctx._mpi else None)
        reporter = bar if drawn else (progress if callable(progress) else None)
        run = _Run(fn, reporter)
        data = ffi.new_handle(run)
        out = ffi.new("oxpar_farm **")
        check(lib.oxpar_farm_create(out))
        handle = out[0]
        check(lib.oxpar_farm_set_retries(handle, retries))
        if checkpoint is not None:
            check(lib.oxpar_farm_set_checkpoint(handle, os.fsencode(checkpoint)))
        if reporter is not None:
            check(lib.oxpar_farm_set_progress(handle, _progress_trampoline, data, float(progress_interval)))
    except BaseException:
        lib.oxpar_farm_free(handle)
        _join_failed(ctx)
        raise

    result = ffi.new("oxpar_farm_report **")
    _active.add(run)
    start = time.perf_counter()
    try:
        status = lib.oxpar_farm_run(handle, ctx_ptr, n, _task_trampoline, data, result)
    finally:
        elapsed = time.perf_counter() - start
        _active.discard(run)
        lib.oxpar_farm_free(handle)
        if bar is not None:
            bar.finish()
    check(status)
    report = FarmReport(result[0], n, elapsed, run.tracebacks, run.messages)
    if run.progress_error is not None:
        warnings.warn(
            f"oxpar.farm: the progress callback raised {run.progress_error!r}; it was not called again",
            RuntimeWarning,
            stacklevel=2,
        )
    if run.stop is not None:
        stop = run.stop
        try:
            stop.farm_report = report
        except AttributeError:
            pass
        raise stop
    return report
