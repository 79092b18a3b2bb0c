"""`oxpar.show_config()` and `python -m oxpar info`: the report the `oxpar
info` command prints, from the same function of liboxpar (`oxpar_info_text`)."""

from typing import Optional

from ._ffi import ffi, lib


def info_text() -> str:
    """What this build offers on this machine, as `oxpar info` prints it: the
    version, the backends and whether each is usable, the default thread
    count and where it came from (OXPAR_NUM_THREADS, else OMP_NUM_THREADS,
    else the CPUs this process may use), the CPU level and features, the
    OpenCL devices. Read from the environment at each call."""
    return str(ffi.string(lib.oxpar_info_text()).decode())


def show_config(mode: str = "stdout") -> Optional[str]:
    """Shows how oxpar is built and what it finds here, like
    `numpy.show_config()`: with `mode="stdout"` (the default) prints the
    report and returns None; with `mode="text"` returns it as a string
    (`info_text()`) and prints nothing."""
    if mode == "stdout":
        print(info_text(), end="")
        return None
    if mode == "text":
        return info_text()
    raise ValueError(f"mode: expected 'stdout' or 'text', got {mode!r}")
