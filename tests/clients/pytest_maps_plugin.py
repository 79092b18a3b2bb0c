"""A pytest plugin (loaded with `-p pytest_maps_plugin`) that copies the test
process's /proc/self/maps, at the end of the session, to the file named by
CLIENTS_MAPS_OUT: numpy_scipy_tests.py reads it to check that the BLAS the
tests ran on is the one under test."""

import os


def pytest_sessionfinish(session, exitstatus):  # noqa: ARG001 -- pytest's hook signature
    """Writes the maps after every test ran (all libraries are loaded by then)."""
    out = os.environ.get("CLIENTS_MAPS_OUT")
    if out:
        with open("/proc/self/maps", encoding="latin-1") as src, open(out, "w", encoding="latin-1") as dst:
            dst.write(src.read())
