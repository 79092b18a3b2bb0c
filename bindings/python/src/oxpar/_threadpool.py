"""oxpar in threadpoolctl: `threadpool_info()` lists oxpar's default
context and `threadpool_limits(n)` limits it, as they do OpenBLAS.

The controller is registered when oxpar is imported and threadpoolctl
(3.0 or later, which has `register`) is installed; nothing else imports
threadpoolctl. It reports `user_api="blas"`, `internal_api="oxpar"`: the
default context runs oxpar's BLAS-style routines, so the calls that libraries
make to keep BLAS single-threaded inside their own parallel loops
(`threadpool_limits(1, user_api="blas")`, as scikit-learn does) must reach it
too. It matches the library file `liboxpar.so.<ABI>` that the package
loads (not the drop-in `liboxpar_blas.so`, which has no context to limit).
Reading the count creates the default context if nothing has yet; contexts
made with `oxpar.Context(...)` are the program's own and are not limited.
"""

from typing import Optional


def _register() -> None:
    try:
        import threadpoolctl
    except ImportError:
        return
    register = getattr(threadpoolctl, "register", None)
    if register is None:  # threadpoolctl < 3
        return

    from ._errors import OxparError
    from ._ffi import ffi, lib
    from .context import default_context

    class OxparController(threadpoolctl.LibController):  # type: ignore[misc]
        """The thread count of oxpar's default context (`oxpar.default_context()`)."""

        user_api = "blas"
        internal_api = "oxpar"
        filename_prefixes = ("liboxpar.so",)

        def get_num_threads(self) -> Optional[int]:
            try:
                return default_context().num_threads
            except OxparError:  # e.g. an invalid OXPAR_NUM_THREADS
                return None

        def set_num_threads(self, num_threads: int) -> None:
            default_context().num_threads = num_threads

        def get_version(self) -> str:
            return str(ffi.string(lib.oxpar_version()).decode())

    register(OxparController)


_register()
