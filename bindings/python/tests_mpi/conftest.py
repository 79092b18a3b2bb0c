"""The MPI suite: every test runs on every rank, under mpiexec.

    mpiexec -n N python -m pytest -q -p no:cacheprovider bindings/python/tests_mpi

Each rank builds the whole deterministic data set (NumPy, fixed seeds),
passes its own block to oxpar and compares the result with NumPy on the
whole data. Collective calls are never inside rank-dependent branches (only
their arguments depend on the rank), so a failing assertion cannot leave the
other ranks waiting in a collective the failing one never enters: the
failing rank prints its report and aborts the whole job (MPI_Abort), and a
rank stuck longer than OXPAR_MPI_TEST_TIMEOUT seconds (default 120) in one
test dumps its Python stack and exits. Only rank 0 prints pytest's report
(OXPAR_MPI_TEST_ALL_RANKS=1: every rank).
"""

import faulthandler
import os
import sys

import numpy as np
import pytest
from mpi4py import MPI

import oxpar

WORLD = MPI.COMM_WORLD
RANK, SIZE = WORLD.Get_rank(), WORLD.Get_size()
_TIMEOUT = float(os.environ.get("OXPAR_MPI_TEST_TIMEOUT", "120"))


@pytest.hookimpl(trylast=True)
def pytest_configure(config):
    # Rank 0 reports; the others stay quiet (their failures are printed by
    # the hooks below) unless OXPAR_MPI_TEST_ALL_RANKS=1.
    if RANK != 0 and os.environ.get("OXPAR_MPI_TEST_ALL_RANKS") != "1":
        reporter = config.pluginmanager.getplugin("terminalreporter")
        if reporter is not None:
            config.pluginmanager.unregister(reporter)


def pytest_report_header(config):
    return f"MPI: {SIZE} rank(s), {MPI.Get_library_version().split(',')[0].strip()}"


def pytest_runtest_setup(item):
    faulthandler.dump_traceback_later(_TIMEOUT, exit=True)


def pytest_runtest_teardown(item, nextitem):
    faulthandler.cancel_dump_traceback_later()


def _abort(what, text):
    sys.stdout.flush()
    sys.stderr.write(f"\n=== rank {RANK} of {SIZE}: {what} ===\n{text}\n=== rank {RANK}: aborting the job ===\n")
    sys.stderr.flush()
    WORLD.Abort(1)


def pytest_runtest_logreport(report):
    # A failure on one rank only would leave the others waiting in the next
    # collective: report it here (the summary at the end never comes) and
    # take the whole job down.
    if report.failed:
        _abort(f"{report.nodeid} failed ({report.when})", report.longreprtext)


def pytest_collectreport(report):
    if report.failed:
        _abort(f"collecting {report.nodeid} failed", report.longreprtext)


@pytest.fixture(scope="session")
def world():
    return WORLD


@pytest.fixture(scope="session")
def ctx():
    """The suite's context over MPI_COMM_WORLD, one thread per rank."""
    with oxpar.Context("mpi+threads:1", comm=WORLD) as c:
        yield c


@pytest.fixture(params=["mpi+serial", "mpi+threads:2"], scope="module")
def any_ctx(request):
    """Contexts with another node-local backend."""
    with oxpar.Context(request.param, comm=WORLD) as c:
        yield c


@pytest.fixture(params=[np.float32, np.float64])
def dtype(request):
    return np.dtype(request.param)


def tol(dtype, n=1):
    eps = float(np.finfo(dtype).eps)
    return dict(rtol=eps * (n + 8) * 4, atol=eps * (n + 8) * 4)


def uneven(n, parts):
    """An uneven split of n into `parts` lengths, the first one empty (when
    there is more than one part): weights 0, 1, 2, ..."""
    if parts == 1:
        return [n]
    total = parts * (parts - 1) // 2
    lens = [n * i // total for i in range(parts)]
    lens[-1] += n - sum(lens)
    return lens


def balanced(n, parts):
    return [len(oxpar.block_range(n, parts, i)) for i in range(parts)]


SPLITS = {
    "balanced": balanced,
    "uneven": uneven,
    "uneven-last-empty": lambda n, p: uneven(n, p)[::-1],
}


def block(lens, index):
    """The slice of block `index` of a split with lengths `lens`."""
    start = sum(lens[:index])
    return slice(start, start + lens[index])
