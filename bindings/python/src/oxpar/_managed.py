"""The lifecycle every object that owns a C handle shares."""

from typing import Any, TypeVar

from ._errors import NullPointerError
from ._ffi import ffi


_M = TypeVar("_M", bound="Managed")


class Managed:
    """Owns one handle, freed by the subclass's `_free` C function: `close()`
    is idempotent, `with` closes at the end of the block, garbage collection
    closes too, and using a closed object raises a ValueError naming it.

    Subclasses set `_free = staticmethod(lib.oxpar_<kind>_free)` and `_what`
    (the argument name used in messages, e.g. `"buffer"`), and store the
    handle in `self._ptr`.
    """

    __slots__ = ()  # subclasses choose (Buffer is slotted)
    _ptr = ffi.NULL
    _what = "object"

    @staticmethod
    def _free(ptr) -> None:  # pragma: no cover - every subclass overrides it
        raise NotImplementedError

    @property
    def ptr(self) -> Any:
        """The C handle; raises ValueError if the object is closed."""
        if self._ptr == ffi.NULL:
            raise NullPointerError(f"{self._what}: the {type(self).__name__} is closed")
        return self._ptr

    @property
    def closed(self) -> bool:
        """Whether `close()` was called."""
        return self._ptr == ffi.NULL

    def close(self) -> None:
        """Frees the handle (idempotent)."""
        if self._ptr != ffi.NULL:
            ptr, self._ptr = self._ptr, ffi.NULL
            type(self)._free(ptr)

    def __enter__(self: _M) -> _M:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __del__(self) -> None:
        try:
            self.close()
        except Exception:
            pass
