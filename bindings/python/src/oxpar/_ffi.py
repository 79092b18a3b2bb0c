"""Loads the compiled cffi extension and checks liboxpar's ABI version."""

from ._native import ffi, lib  # noqa: F401  (re-exported for the other modules)


def check_abi(loaded: int, expected: int) -> None:
    """Refuses a liboxpar whose ABI differs from the one this package was built for."""
    if loaded != expected:
        raise ImportError(
            f"oxpar: the loaded liboxpar has ABI version {loaded}, but this package was built for "
            f"ABI version {expected}; reinstall the package (pip install ./bindings/python)"
        )


check_abi(lib.oxpar_abi_version(), lib.OXPAR_ABI_VERSION)
