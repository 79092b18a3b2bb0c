"""Device memory and user kernels on an OpenCL context, in the spirit of PyOpenCL.

    >>> ctx = oxpar.Context("opencl")
    >>> x = oxpar.to_device(np.arange(4, dtype=np.float32), ctx)
    >>> prog = oxpar.Program(ctx, '''
    ...     __kernel void twice(__global float *x, uint n) {
    ...         size_t i = get_global_id(0);
    ...         if (i < n) x[i] *= 2.0f;
    ...     }''')
    >>> prog.kernel("twice")(4, None, x, np.uint32(4))
    >>> x.to_numpy()
    array([0., 2., 4., 6.], dtype=float32)

`Buffer`s stay on the device: the BLAS routines (`oxpar.dot`, `axpy`,
`scal`, `copy`, `swap`, `nrm2`, `asum`, `sum`, `iamax`, `gemv`, `ger`,
`gemm`) given Buffers run there without copying (the host routines given
NumPy arrays on an OpenCL context copy in and out on every call). Launches
and device BLAS calls return once queued; `to_numpy()`, the reductions
(`dot`, `nrm2`, `asum`, `sum`, `iamax`) and `ctx.finish()` wait. In
reproducible mode (`ctx.reproducible`) `dot`, `nrm2`, `asum` and `sum` on
Buffers give the same bits as on host arrays on any context.

`Context("opencl", profile=True)` keeps the device times of launches and
transfers: `ctx.last_profile()` gives the last one's (`.duration_ns`).
`ctx.resident_bytes` counts the device memory the context's Buffers hold.

Kernel arguments are Buffers, `LocalMemory(nbytes)` or NumPy scalars that name
their C type: `np.int32` (int), `np.uint32` (uint), `np.int64` (long),
`np.uint64` (ulong), `np.float32` (float), `np.float64` (double). A plain
Python int or float is refused (TypeError), as its C type would be a guess;
a wrong guess is silent memory corruption in the kernel.
"""

from typing import Any, Optional, Tuple, Union

import numpy as np
from numpy.typing import DTypeLike

from ._array import as_array
from ._errors import InvalidArgumentError, OxparTypeError, ShapeMismatchError, check
from ._ffi import ffi, lib
from ._managed import Managed
from ._typing import Array, ArrayLike
from .context import Context

_F32, _F64 = np.dtype(np.float32), np.dtype(np.float64)
_DTYPE_CODE = {_F32: lib.OXPAR_DTYPE_F32, _F64: lib.OXPAR_DTYPE_F64}
_CODE_DTYPE = {code: dt for dt, code in _DTYPE_CODE.items()}
_C_ARRAY = {_F32: ffi.typeof("float[]"), _F64: ffi.typeof("double[]")}
_C_SCALAR = {_F32: "float *", _F64: "double *"}
_PREFIX = {_F32: "s", _F64: "d"}


def _check_ctx(ctx) -> Context:
    if not isinstance(ctx, Context):
        raise TypeError(f"ctx: expected an oxpar.Context, got {type(ctx).__name__}")
    return ctx


def _shape(shape) -> tuple:
    if isinstance(shape, (int, np.integer)) and not isinstance(shape, bool):
        shape = (shape,)
    try:
        shape = tuple(int(s) for s in shape)
    except TypeError:
        raise TypeError(f"shape: expected an int or a tuple of ints, got {shape!r}") from None
    if len(shape) not in (1, 2):
        raise ShapeMismatchError(f"shape: a Buffer is 1-D or 2-D, got {len(shape)}-D shape {shape}")
    if any(s < 0 for s in shape):
        raise InvalidArgumentError(f"shape: negative dimension in {shape}")
    return shape


class Buffer(Managed):
    """Device memory of float32 or float64 with a 1-D or 2-D C-ordered shape,
    on one OpenCL context. Made by `to_device`, `empty_device` or
    `zeros_device` (`Buffer(shape, dtype, ctx)` is zero-filled too); read
    back with `to_numpy()` or `get(out=array)`. Freed by `close()`, at the end
    of a `with` block, or when garbage collected: the device memory goes back
    to the driver as soon as the commands queued on it complete, even if a
    Kernel's last launch used the buffer (`ctx.resident_bytes` shows it). A
    closed buffer raises ValueError when used."""

    __slots__ = ("_ptr", "shape", "dtype", "ctx", "__weakref__")

    _free = staticmethod(lib.oxpar_buffer_free)
    _what = "buffer"

    def __init__(
        self, shape: Union[int, Tuple[int, ...]], dtype: DTypeLike, ctx: Context, *, _fill: bool = True, _host: Any = None
    ) -> None:
        self._ptr = ffi.NULL
        ctx = _check_ctx(ctx)
        self.shape = _shape(shape)
        try:
            self.dtype = np.dtype(dtype)
        except TypeError:
            raise OxparTypeError(f"dtype: {dtype!r} is not a dtype (use float32 or float64)") from None
        if self.dtype not in _DTYPE_CODE:
            raise OxparTypeError(f"dtype: {self.dtype} is not supported on the device (use float32 or float64)")
        self.ctx = ctx
        out = ffi.new("oxpar_buffer **")
        code = _DTYPE_CODE[self.dtype]
        if _host is not None:
            host = ffi.from_buffer(_C_ARRAY[self.dtype], _host, False)
            check(lib.oxpar_buffer_create_from(ctx.ptr, code, host, self.size, out))
        elif _fill:
            check(lib.oxpar_buffer_create(ctx.ptr, code, self.size, out))
        else:
            check(lib.oxpar_buffer_create_empty(ctx.ptr, code, self.size, out))
        self._ptr = out[0]

    @property
    def size(self) -> int:
        """Number of elements."""
        n = 1
        for s in self.shape:
            n *= s
        return n

    @property
    def ndim(self) -> int:
        return len(self.shape)

    @property
    def nbytes(self) -> int:
        return self.size * self.dtype.itemsize

    def __len__(self) -> int:
        return self.shape[0]

    def set(self, array: ArrayLike) -> "Buffer":
        """Uploads `array` (same shape and dtype) into the buffer; returns it."""
        a = as_array(array, "array")
        if a.dtype != self.dtype:
            raise OxparTypeError(f"array: dtype {a.dtype} differs from the Buffer's {self.dtype} (oxpar never converts silently)")
        if a.shape != self.shape:
            raise ShapeMismatchError(f"array: has shape {a.shape} but the Buffer has shape {self.shape}")
        a = np.ascontiguousarray(a)
        check(lib.oxpar_buffer_upload(self.ptr, ffi.from_buffer(_C_ARRAY[self.dtype], a, False), self.size))
        return self

    def to_numpy(self, out: Optional[Array] = None) -> Array:
        """The buffer's contents (waits for the commands queued before on the
        context): in a new C-ordered array, or written into `out`, an
        existing writeable C-contiguous NumPy array of the buffer's dtype
        and shape, which is returned (no allocation: PyOpenCL's
        `get(ary=...)`). A wrong `out` raises OxparTypeError (not an array,
        another dtype), ShapeMismatchError (another shape) or
        InvalidArgumentError (not C-contiguous, read-only), and nothing is
        written."""
        ptr = self.ptr
        if out is None:
            out = np.empty(self.shape, dtype=self.dtype)
        else:
            self._check_out(out)
        check(lib.oxpar_buffer_download(ptr, ffi.from_buffer(_C_ARRAY[self.dtype], out, True), self.size))
        return out

    def get(self, out: Optional[Array] = None, *, ary: Optional[Array] = None) -> Array:
        """`to_numpy(out)`; `ary` is PyOpenCL's name for `out`."""
        if ary is not None:
            if out is not None:
                raise InvalidArgumentError("ary: give out or ary (the same thing), not both")
            out = ary
        return self.to_numpy(out)

    def _check_out(self, out) -> None:
        if not isinstance(out, np.ndarray):
            raise OxparTypeError(f"out: expected a NumPy array, got {type(out).__name__}")
        if out.dtype != self.dtype:
            raise OxparTypeError(f"out: dtype {out.dtype} differs from the Buffer's {self.dtype} (oxpar never converts silently)")
        if out.shape != self.shape:
            raise ShapeMismatchError(f"out: has shape {out.shape} but the Buffer has shape {self.shape}")
        if not out.flags.c_contiguous:
            raise InvalidArgumentError("out: must be C-contiguous (the Buffer is copied into it as one block)")
        if not out.flags.writeable:
            raise InvalidArgumentError("out: is read-only")

    def __repr__(self) -> str:
        state = " (closed)" if self.closed else ""
        return f"<oxpar.Buffer shape={self.shape} dtype={self.dtype}{state}>"


def to_device(array: ArrayLike, ctx: Context) -> Buffer:
    """A new Buffer on `ctx` (an OpenCL context) holding a copy of a 1-D or
    2-D float32/float64 array (any layout; stored C-ordered). The device
    memory is created from the data in one step (no fill first)."""
    a = as_array(array, "array")
    if a.dtype not in _DTYPE_CODE:
        raise OxparTypeError(f"array: dtype {a.dtype} is not supported on the device (use float32 or float64)")
    return Buffer(a.shape, a.dtype, ctx, _host=np.ascontiguousarray(a))


def empty_device(shape: Union[int, Tuple[int, ...]], dtype: DTypeLike, ctx: Context) -> Buffer:
    """A new Buffer of `shape` (int or 1-/2-tuple) and `dtype` on `ctx`
    whose contents are unspecified, like `numpy.empty`'s: nothing is
    written to the device, so it costs an allocation only. Write it (a
    kernel, `set`, an `out=`/`y=` of a routine) before reading it; use
    `zeros_device` for zeros."""
    return Buffer(shape, dtype, ctx, _fill=False)


def zeros_device(shape: Union[int, Tuple[int, ...]], dtype: DTypeLike, ctx: Context) -> Buffer:
    """A new Buffer of zeros (filled on the device)."""
    return Buffer(shape, dtype, ctx)


# ---- device BLAS (called by the routines of oxpar.blas when given Buffers) ----


def all_buffers(pairs) -> bool:
    """True if every `(name, value)` is a Buffer, False if none is (None
    values are skipped); a mix is a TypeError."""
    kinds = [(name, isinstance(v, Buffer)) for name, v in pairs if v is not None]
    if all(b for _, b in kinds):
        return True
    if not any(b for _, b in kinds):
        return False
    bufs = ", ".join(n for n, b in kinds if b)
    others = ", ".join(n for n, b in kinds if not b)
    raise OxparTypeError(
        f"{others}: not an oxpar.Buffer while {bufs} is; pass all operands as Buffers "
        "(oxpar.to_device) or all as NumPy arrays"
    )


def _common(pairs, ctx):
    """The dtype and Context shared by Buffers `(name, buf)`."""
    (first, b0), *rest = pairs
    b0.ptr  # closed?
    for name, b in rest:
        b.ptr
        if b.ctx is not b0.ctx:
            raise InvalidArgumentError(f"{name}: a Buffer of another context than {first}'s")
        if b.dtype != b0.dtype:
            raise OxparTypeError(f"{name}: dtype {b.dtype} differs from {first}'s {b0.dtype} (oxpar never converts silently)")
    if ctx is not None and ctx is not b0.ctx:
        raise InvalidArgumentError(f"ctx: the Buffers belong to another context ({first}'s)")
    return b0.dtype, b0.ctx


def _vector_len(b, name) -> int:
    if b.ndim != 1:
        raise ShapeMismatchError(f"{name}: expected a 1-D Buffer, got shape {b.shape}")
    return b.shape[0]


def buffer_dot(x, y, ctx) -> float:
    dtype, c = _common((("x", x), ("y", y)), ctx)
    n, ny = _vector_len(x, "x"), _vector_len(y, "y")
    if n != ny:
        raise ShapeMismatchError(f"y: has {ny} elements but x has {n}")
    out = ffi.new(_C_SCALAR[dtype])
    fn = getattr(lib, f"oxpar_buffer_{_PREFIX[dtype]}dot")
    check(fn(c.ptr, n, x.ptr, 0, 1, y.ptr, 0, 1, out))
    return float(out[0])


def _scalar(dtype, value, name):
    try:
        return ffi.new(_C_SCALAR[dtype], float(value))
    except (TypeError, ValueError):
        raise TypeError(f"{name}: expected a real number, got {type(value).__name__}") from None


def buffer_axpy(alpha, x, y, ctx):
    dtype, c = _common((("x", x), ("y", y)), ctx)
    n, ny = _vector_len(x, "x"), _vector_len(y, "y")
    if n != ny:
        raise ShapeMismatchError(f"y: has {ny} elements but x has {n}")
    if x is y:
        raise InvalidArgumentError("y: must be another Buffer than x")
    fn = getattr(lib, f"oxpar_buffer_{_PREFIX[dtype]}axpy")
    check(fn(c.ptr, n, _scalar(dtype, alpha, "alpha"), x.ptr, 0, 1, y.ptr, 0, 1))
    return y


def buffer_gemm(a, b, out, alpha, beta, trans_a, trans_b, ctx):
    pairs = [("a", a), ("b", b)] + ([("out", out)] if out is not None else [])
    dtype, c = _common(pairs, ctx)
    for name, m in pairs:
        if m.ndim != 2:
            raise ShapeMismatchError(f"{name}: expected a 2-D Buffer, got shape {m.shape}")
    (am, an), (bm, bn) = a.shape, b.shape
    m, k = (an, am) if trans_a else (am, an)
    kb, n = (bn, bm) if trans_b else (bm, bn)
    if k != kb:
        raise ShapeMismatchError(f"b: op(a) is {m}x{k} but op(b) is {kb}x{n} (inner dimensions differ)")
    if out is None:
        if beta != 0:
            raise InvalidArgumentError("beta: must be 0 when no out is given (there is nothing to scale)")
        out = Buffer((m, n), dtype, c, _fill=False)  # beta == 0: never read
    else:
        if out.shape != (m, n):
            raise ShapeMismatchError(f"out: has shape {out.shape} but op(a)@op(b) has shape {(m, n)}")
        if out is a or out is b:
            raise InvalidArgumentError("out: must be another Buffer than a and b")
    ta = lib.OXPAR_TRANS_YES if trans_a else lib.OXPAR_TRANS_NO
    tb = lib.OXPAR_TRANS_YES if trans_b else lib.OXPAR_TRANS_NO
    fn = getattr(lib, f"oxpar_buffer_{_PREFIX[dtype]}gemm")
    check(
        fn(
            c.ptr, ta, tb, m, n, k, _scalar(dtype, alpha, "alpha"), a.ptr, 0, an, 1, b.ptr, 0, bn, 1,
            _scalar(dtype, beta, "beta"), out.ptr, 0, n, 1,
        )
    )
    return out


def _same_len(x, y):
    n, ny = _vector_len(x, "x"), _vector_len(y, "y")
    if n != ny:
        raise ShapeMismatchError(f"y: has {ny} elements but x has {n}")
    return n


def buffer_scal(alpha, x, ctx):
    dtype, c = _common((("x", x),), ctx)
    n = _vector_len(x, "x")
    fn = getattr(lib, f"oxpar_buffer_{_PREFIX[dtype]}scal")
    check(fn(c.ptr, n, _scalar(dtype, alpha, "alpha"), x.ptr, 0, 1))
    return x


def buffer_copy(x, y, ctx):
    dtype, c = _common((("x", x), ("y", y)), ctx)
    n = _same_len(x, y)
    if x is y:
        raise InvalidArgumentError("y: must be another Buffer than x")
    fn = getattr(lib, f"oxpar_buffer_{_PREFIX[dtype]}copy")
    check(fn(c.ptr, n, x.ptr, 0, 1, y.ptr, 0, 1))
    return y


def buffer_swap(x, y, ctx) -> None:
    dtype, c = _common((("x", x), ("y", y)), ctx)
    n = _same_len(x, y)
    if x is y:
        raise InvalidArgumentError("y: must be another Buffer than x")
    fn = getattr(lib, f"oxpar_buffer_{_PREFIX[dtype]}swap")
    check(fn(c.ptr, n, x.ptr, 0, 1, y.ptr, 0, 1))


def buffer_reduce(x, name, ctx) -> float:
    """nrm2, asum or sum of a 1-D Buffer (waits for the result)."""
    dtype, c = _common((("x", x),), ctx)
    n = _vector_len(x, "x")
    out = ffi.new(_C_SCALAR[dtype])
    fn = getattr(lib, f"oxpar_buffer_{_PREFIX[dtype]}{name}")
    check(fn(c.ptr, n, x.ptr, 0, 1, out))
    return float(out[0])


def buffer_iamax(x, ctx) -> int:
    dtype, c = _common((("x", x),), ctx)
    n = _vector_len(x, "x")
    if n == 0:
        raise InvalidArgumentError("x: iamax of an empty array")
    out = ffi.new("size_t *")
    fn = getattr(lib, f"oxpar_buffer_i{_PREFIX[dtype]}amax")
    check(fn(c.ptr, n, x.ptr, 0, 1, out))
    return int(out[0])


def buffer_gemv(a, x, y, alpha, beta, trans, ctx):
    pairs = [("a", a), ("x", x)] + ([("y", y)] if y is not None else [])
    dtype, c = _common(pairs, ctx)
    if a.ndim != 2:
        raise ShapeMismatchError(f"a: expected a 2-D Buffer, got shape {a.shape}")
    m, n = a.shape
    rows, cols = (n, m) if trans else (m, n)
    nx = _vector_len(x, "x")
    if nx != cols:
        raise ShapeMismatchError(f"x: has {nx} elements but op(a) has {cols} columns")
    if y is None:
        if beta != 0:
            raise InvalidArgumentError("beta: must be 0 when no y is given (there is nothing to scale)")
        y = Buffer(rows, dtype, c, _fill=False)  # beta == 0: never read
    else:
        ny = _vector_len(y, "y")
        if ny != rows:
            raise ShapeMismatchError(f"y: has {ny} elements but op(a) has {rows} rows")
        if y is a or y is x:
            raise InvalidArgumentError("y: must be another Buffer than a and x")
    t = lib.OXPAR_TRANS_YES if trans else lib.OXPAR_TRANS_NO
    fn = getattr(lib, f"oxpar_buffer_{_PREFIX[dtype]}gemv")
    check(
        fn(
            c.ptr, t, m, n, _scalar(dtype, alpha, "alpha"), a.ptr, 0, n, 1, x.ptr, 0, 1,
            _scalar(dtype, beta, "beta"), y.ptr, 0, 1,
        )
    )
    return y


def buffer_ger(alpha, x, y, a, ctx):
    dtype, c = _common((("x", x), ("y", y), ("a", a)), ctx)
    m, n = _vector_len(x, "x"), _vector_len(y, "y")
    if a.ndim != 2:
        raise ShapeMismatchError(f"a: expected a 2-D Buffer, got shape {a.shape}")
    if a.shape != (m, n):
        raise ShapeMismatchError(f"a: has shape {a.shape} but outer(x, y) has shape {(m, n)}")
    if a is x or a is y:
        raise InvalidArgumentError("a: must be another Buffer than x and y")
    fn = getattr(lib, f"oxpar_buffer_{_PREFIX[dtype]}ger")
    check(fn(c.ptr, m, n, _scalar(dtype, alpha, "alpha"), x.ptr, 0, 1, y.ptr, 0, 1, a.ptr, 0, n, 1))
    return a


# ---- user kernels ----


class LocalMemory:
    """A `__local` kernel argument: `nbytes` bytes per work-group."""

    __slots__ = ("nbytes",)

    def __init__(self, nbytes: int) -> None:
        if not isinstance(nbytes, (int, np.integer)) or isinstance(nbytes, bool) or nbytes <= 0:
            raise InvalidArgumentError(f"nbytes: expected a positive integer, got {nbytes!r}")
        self.nbytes = int(nbytes)

    def __repr__(self) -> str:
        return f"oxpar.LocalMemory({self.nbytes})"


_SET_SCALAR = {
    np.int32: lib.oxpar_kernel_set_arg_i32,
    np.uint32: lib.oxpar_kernel_set_arg_u32,
    np.int64: lib.oxpar_kernel_set_arg_i64,
    np.uint64: lib.oxpar_kernel_set_arg_u64,
    np.float32: lib.oxpar_kernel_set_arg_f32,
    np.float64: lib.oxpar_kernel_set_arg_f64,
}
# Other classes of the same dtypes (np.longlong next to np.int64, ...).
_SET_BY_DTYPE = {np.dtype(t): fn for t, fn in _SET_SCALAR.items()}


def _sizes(value, name):
    if isinstance(value, (int, np.integer)) and not isinstance(value, bool):
        value = (value,)
    try:
        sizes = tuple(int(v) for v in value)
    except TypeError:
        raise TypeError(f"{name}: expected an int or a tuple of 1 to 3 ints, got {value!r}") from None
    if not 1 <= len(sizes) <= 3:
        raise InvalidArgumentError(f"{name}: expected 1 to 3 dimensions, got {len(sizes)}")
    if any(s < 0 for s in sizes):
        raise InvalidArgumentError(f"{name}: negative size in {sizes}")
    return sizes


class Program(Managed):
    """OpenCL C `source` built for the device of `ctx` (an OpenCL context),
    with compiler `options` (a string such as "-DN=4", or None). A source
    that does not compile raises InvalidArgumentError (an OxparError and a
    ValueError) whose message holds the compiler's build log."""

    _free = staticmethod(lib.oxpar_program_free)
    _what = "program"

    def __init__(self, ctx: Context, source: str, options: Optional[str] = None) -> None:
        self._ptr = ffi.NULL
        self.ctx = _check_ctx(ctx)
        if not isinstance(source, str):
            raise TypeError(f"source: expected a string, got {type(source).__name__}")
        if options is not None and not isinstance(options, str):
            raise TypeError(f"options: expected a string or None, got {type(options).__name__}")
        out = ffi.new("oxpar_program **")
        opts = ffi.NULL if options is None else options.encode()
        check(lib.oxpar_program_build(ctx.ptr, source.encode(), opts, out))
        self._ptr = out[0]

    def kernel(self, name: str) -> "Kernel":
        """The kernel called `name` (InvalidArgumentError listing the
        program's kernels if there is none)."""
        return Kernel(self, name)

class Kernel(Managed):
    """A kernel of a Program. Launch with `k(global_size, local_size, *args)`
    or `k.launch(global_size, local_size, *args)`: sizes are an int or a
    tuple of 1 to 3 ints, `local_size` None lets the driver choose. Returns
    once queued. One Kernel holds one set of arguments: use it from one
    thread at a time (make one per thread with `prog.kernel(name)`). It does
    not keep its Buffer arguments alive: closing one after a launch frees
    its device memory once the launch completes."""

    _free = staticmethod(lib.oxpar_kernel_free)
    _what = "kernel"

    def __init__(self, program: Program, name: str) -> None:
        self._ptr = ffi.NULL
        if not isinstance(name, str):
            raise TypeError(f"name: expected a string, got {type(name).__name__}")
        self.program = program
        self.ctx = program.ctx
        self.name = name
        self._nargs = None  # known once a launch succeeded
        self._ptr = self._create()

    def _create(self):
        out = ffi.new("oxpar_kernel **")
        check(lib.oxpar_kernel_create(self.program.ptr, self.name.encode(), out))
        return out[0]

    def _set_arg(self, k, i: int, arg) -> None:
        if isinstance(arg, Buffer):
            if arg.ctx is not self.ctx:
                raise InvalidArgumentError(f"argument {i}: a Buffer of another context than the kernel's")
            check(lib.oxpar_kernel_set_arg_buffer(k, i, arg.ptr))
            return
        setter = _SET_SCALAR.get(type(arg))
        if setter is None and isinstance(arg, np.generic):
            setter = _SET_BY_DTYPE.get(arg.dtype)
        if setter is not None:
            check(setter(k, i, arg))
            return
        if isinstance(arg, LocalMemory):
            check(lib.oxpar_kernel_set_arg_local(k, i, arg.nbytes))
            return
        if isinstance(arg, (bool, int, float)):
            raise OxparTypeError(
                f"argument {i}: a Python {type(arg).__name__} does not say its C type; pass a NumPy scalar "
                "such as np.int32(...) (int), np.uint32 (uint), np.int64 (long), np.uint64 (ulong), "
                "np.float32 (float) or np.float64 (double)"
            )
        raise OxparTypeError(
            f"argument {i}: expected an oxpar.Buffer, oxpar.LocalMemory or a NumPy scalar "
            f"(int32, uint32, int64, uint64, float32, float64), got {type(arg).__name__}"
        )

    def launch(
        self, global_size: Union[int, Tuple[int, ...]], local_size: Union[int, Tuple[int, ...], None] = None, *args: Any
    ) -> None:
        k = self.ptr
        gs = _sizes(global_size, "global_size")
        ls = None if local_size is None else _sizes(local_size, "local_size")
        if ls is not None and len(ls) != len(gs):
            raise InvalidArgumentError(f"local_size: has {len(ls)} dimensions but global_size has {len(gs)}")
        if self._nargs is not None and len(args) != self._nargs:
            raise InvalidArgumentError(f"{self.name}: takes {self._nargs} arguments, got {len(args)}")
        try:
            for i, arg in enumerate(args):
                self._set_arg(k, i, arg)
            glob = ffi.new("size_t[]", gs)
            loc = ffi.NULL if ls is None else ffi.new("size_t[]", ls)
            check(lib.oxpar_kernel_launch(k, len(gs), glob, loc))
        except BaseException:
            if self._nargs is None:
                # Arguments set by this failed call must not stand in for
                # missing ones in the next: start over with none set.
                try:
                    fresh = self._create()
                except Exception:
                    fresh = None  # the program is closed: keep the error raised
                if fresh is not None:
                    lib.oxpar_kernel_free(self._ptr)
                    self._ptr = fresh
            raise
        # Every argument must be set for a launch to succeed and setting one
        # past the last fails, so this is the kernel's argument count.
        self._nargs = len(args)

    __call__ = launch

    def __repr__(self) -> str:
        return f"<oxpar.Kernel {self.name}>"
