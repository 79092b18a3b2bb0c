"""oxpar.show_config(), oxpar.info_text() and `python -m oxpar info`: the
report of the `oxpar info` command, from liboxpar's oxpar_info_text."""

import os
import subprocess
import sys

import pytest

import oxpar


def run_module(*args, env_changes=None):
    env = {k: v for k, v in os.environ.items() if k not in ("OXPAR_NUM_THREADS", "OMP_NUM_THREADS")}
    env.update(env_changes or {})
    return subprocess.run([sys.executable, "-m", "oxpar", *args], capture_output=True, text=True, env=env)


def test_report_has_every_part():
    text = oxpar.info_text()
    assert text.startswith(f"oxpar {oxpar.__version__}\n")
    for part in ("backends:\n", "  serial   usable\n", "  threads  usable\n", "\nthreads: ", "\ncpu level: ",
                 "\ncpu features: ", "\nopencl devices"):
        assert part in text, (part, text)
    assert text.endswith("\n")


def test_show_config_prints_or_returns(capsys):
    assert oxpar.show_config() is None
    printed = capsys.readouterr().out
    assert printed == oxpar.info_text()
    assert oxpar.show_config(mode="text") == printed
    assert capsys.readouterr().out == ""
    with pytest.raises(ValueError, match="mode"):
        oxpar.show_config(mode="dicts")


def test_report_follows_the_environment(monkeypatch):
    monkeypatch.delenv("OXPAR_NUM_THREADS", raising=False)
    monkeypatch.setenv("OMP_NUM_THREADS", "3,1")
    assert "threads: 3 (from OMP_NUM_THREADS=3,1 (OXPAR_NUM_THREADS is not set))\n" in oxpar.info_text()
    monkeypatch.setenv("OXPAR_NUM_THREADS", "2")
    assert "threads: 2 (from OXPAR_NUM_THREADS=2)\n" in oxpar.info_text()


def test_python_m_oxpar_info_matches_the_report():
    out = run_module("info", env_changes={"OMP_NUM_THREADS": "2"})
    assert out.returncode == 0, out.stderr
    assert "threads: 2 (from OMP_NUM_THREADS=2 (OXPAR_NUM_THREADS is not set))" in out.stdout
    assert out.stdout.startswith(f"oxpar {oxpar.__version__}\n")
    # The same text as in this process, given the same environment.
    saved = {k: os.environ.pop(k, None) for k in ("OXPAR_NUM_THREADS", "OMP_NUM_THREADS")}
    try:
        os.environ["OMP_NUM_THREADS"] = "2"
        assert out.stdout == oxpar.info_text()
    finally:
        os.environ.pop("OMP_NUM_THREADS")
        os.environ.update({k: v for k, v in saved.items() if v is not None})


def test_python_m_oxpar_info_fails_on_a_bad_variable():
    out = run_module("info", env_changes={"OXPAR_NUM_THREADS": "lots"})
    assert out.returncode == 1
    assert "threads: unknown" in out.stdout and "OXPAR_NUM_THREADS" in out.stdout
    assert run_module().returncode == 2  # no command: argparse's usage error
