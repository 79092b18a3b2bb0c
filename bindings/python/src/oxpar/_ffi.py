"""Loads the compiled cffi extension and checks liboxpar's ABI version."""

from ._native import ffi, lib  # noqa: F401  (re-exported for the other modules)

if lib.oxpar_abi_version() != lib.OXPAR_ABI_VERSION:
    raise ImportError(
        f"oxpar: the loaded liboxpar has ABI version {lib.oxpar_abi_version()}, but this package was "
        f"built for ABI version {lib.OXPAR_ABI_VERSION}; reinstall the package (pip install ./bindings/python)"
    )
