"""Device memory, device BLAS and user kernels on an OpenCL context (PoCL in CI)."""

import gc

import numpy as np
import pytest

import oxpar

from conftest import tol

try:
    oxpar.Context("opencl").close()
except oxpar.BackendUnavailableError as e:
    pytest.skip(f"no OpenCL: {e}", allow_module_level=True)


@pytest.fixture(scope="module")
def cl():
    with oxpar.Context("opencl") as c:
        yield c


@pytest.fixture(params=[np.float32, np.float64])
def fdtype(request, cl):
    dt = np.dtype(request.param)
    if dt == np.float64:
        # A device without cl_khr_fp64 says so on first use.
        with oxpar.to_device(np.ones(2), cl) as x:
            try:
                oxpar.dot(x, x)
            except oxpar.UnsupportedError as e:
                pytest.skip(f"no double precision on this device: {e}")
    return dt


VADD = """
__kernel void vadd(__global const float *a, __global const float *b, __global float *c, uint n) {
    size_t i = get_global_id(0);
    if (i < n) c[i] = a[i] + b[i];
}

__kernel void scale_local(__global float *x, __local float *tmp, float s) {
    size_t i = get_global_id(0), l = get_local_id(0);
    tmp[l] = x[i] * s;
    barrier(CLK_LOCAL_MEM_FENCE);
    x[i] = tmp[l];
}

__kernel void fill(__global double *x, long a, ulong b, int c, double d) {
    size_t i = get_global_id(0);
    x[i] = (double)a + (double)b + (double)c + d;
}
"""


def test_round_trip(cl, fdtype):
    rng = np.random.default_rng(0)
    for shape in [(0,), (1,), (37,), (5, 7), (0, 3)]:
        a = rng.standard_normal(shape).astype(fdtype)
        with oxpar.to_device(a, cl) as buf:
            assert buf.shape == shape and buf.dtype == fdtype and buf.ctx is cl
            assert buf.size == a.size and buf.nbytes == a.nbytes
            back = buf.to_numpy()
            assert back.dtype == fdtype and back.shape == shape and back.flags.c_contiguous
            np.testing.assert_array_equal(back, a)
    # Any layout in, C order stored.
    f = np.asfortranarray(rng.standard_normal((4, 6)).astype(fdtype))
    np.testing.assert_array_equal(oxpar.to_device(f[:, ::2], cl).to_numpy(), f[:, ::2])
    z = oxpar.zeros_device((3, 2), fdtype, cl)
    np.testing.assert_array_equal(z.to_numpy(), np.zeros((3, 2), fdtype))
    e = oxpar.empty_device(5, fdtype, cl)
    assert e.shape == (5,)
    e.set(np.arange(5, dtype=fdtype))
    np.testing.assert_array_equal(e.to_numpy(), np.arange(5))


def test_buffer_rejects(cl):
    with pytest.raises(oxpar.OxparTypeError):
        oxpar.to_device(np.arange(3), cl)  # int64
    with pytest.raises(TypeError):
        oxpar.empty_device(3, np.int32, cl)
    with pytest.raises(ValueError):
        oxpar.to_device(np.zeros((2, 2, 2), np.float32), cl)
    with pytest.raises(TypeError):
        oxpar.to_device(np.zeros(3), "opencl")
    b = oxpar.zeros_device(3, np.float32, cl)
    with pytest.raises(TypeError):
        b.set(np.zeros(3))  # float64 into float32
    with pytest.raises(ValueError):
        b.set(np.zeros(4, np.float32))


def test_host_context_is_unsupported():
    with oxpar.Context("serial") as host:
        with pytest.raises(oxpar.UnsupportedError) as info:
            oxpar.to_device(np.zeros(3), host)
        assert isinstance(info.value, NotImplementedError)
        with pytest.raises(oxpar.UnsupportedError):
            oxpar.Program(host, VADD)
        host.finish()  # nothing queued on a host context


def test_dot_axpy_on_buffers(cl, fdtype):
    rng = np.random.default_rng(1)
    for n in [0, 1, 17, 1000]:
        x = rng.standard_normal(n).astype(fdtype)
        y = rng.standard_normal(n).astype(fdtype)
        bx, by = oxpar.to_device(x, cl), oxpar.to_device(y, cl)
        np.testing.assert_allclose(oxpar.dot(bx, by), np.dot(x.astype(np.float64), y), **tol(fdtype, n))
        assert oxpar.axpy(1.5, bx, by) is by
        np.testing.assert_allclose(by.to_numpy(), fdtype.type(1.5) * x + y, **tol(fdtype))


def test_gemm_on_buffers(cl, fdtype):
    rng = np.random.default_rng(2)
    for m, n, k in [(1, 1, 1), (7, 5, 3), (33, 17, 65)]:
        for ta in (False, True):
            for tb in (False, True):
                a = rng.standard_normal((k, m) if ta else (m, k)).astype(fdtype)
                b = rng.standard_normal((n, k) if tb else (k, n)).astype(fdtype)
                ref = (a.T if ta else a).astype(np.float64) @ (b.T if tb else b)
                ba, bb = oxpar.to_device(a, cl), oxpar.to_device(b, cl)
                bc = oxpar.gemm(ba, bb, trans_a=ta, trans_b=tb)
                assert isinstance(bc, oxpar.Buffer) and bc.shape == (m, n) and bc.dtype == fdtype
                np.testing.assert_allclose(bc.to_numpy(), ref, **tol(fdtype, k))
    # Into an existing buffer, with alpha and beta.
    a = rng.standard_normal((4, 3)).astype(fdtype)
    b = rng.standard_normal((3, 2)).astype(fdtype)
    c = rng.standard_normal((4, 2)).astype(fdtype)
    bc = oxpar.to_device(c, cl)
    assert oxpar.gemm(oxpar.to_device(a, cl), oxpar.to_device(b, cl), bc, alpha=2.0, beta=-1.0) is bc
    np.testing.assert_allclose(bc.to_numpy(), 2 * a.astype(np.float64) @ b - c, **tol(fdtype, 3))


def test_buffer_blas_errors(cl):
    x32 = oxpar.to_device(np.ones(4, np.float32), cl)
    y32 = oxpar.to_device(np.ones(4, np.float32), cl)
    # Mixed NumPy and Buffer operands.
    with pytest.raises(TypeError, match="Buffer"):
        oxpar.dot(x32, np.ones(4, np.float32))
    with pytest.raises(TypeError, match="Buffer"):
        oxpar.axpy(1.0, np.ones(4, np.float32), y32)
    with pytest.raises(TypeError, match="Buffer"):
        oxpar.gemm(oxpar.to_device(np.ones((2, 2), np.float32), cl), np.ones((2, 2), np.float32))
    with pytest.raises(oxpar.OxparError):
        oxpar.dot(np.ones(4, np.float32), x32)
    # Dtypes, shapes.
    with pytest.raises(TypeError):
        oxpar.dot(x32, oxpar.to_device(np.ones(4), cl))
    with pytest.raises(ValueError):
        oxpar.dot(x32, oxpar.to_device(np.ones(5, np.float32), cl))
    with pytest.raises(ValueError):
        oxpar.gemm(oxpar.to_device(np.ones((2, 3), np.float32), cl), oxpar.to_device(np.ones((2, 3), np.float32), cl))
    with pytest.raises(ValueError):
        oxpar.axpy(1.0, x32, x32)
    with pytest.raises(ValueError):
        oxpar.gemm(x32, x32)  # 1-D


def test_level1_on_buffers(cl, fdtype):
    rng = np.random.default_rng(3)
    for n in [0, 1, 17, 1000]:
        x = rng.standard_normal(n).astype(fdtype)
        y = rng.standard_normal(n).astype(fdtype)
        x64 = x.astype(np.float64)
        bx, by = oxpar.to_device(x, cl), oxpar.to_device(y, cl)
        np.testing.assert_allclose(oxpar.nrm2(bx), np.linalg.norm(x64), **tol(fdtype, n))
        np.testing.assert_allclose(oxpar.asum(bx), np.abs(x64).sum(), **tol(fdtype, n))
        if n:
            assert oxpar.iamax(bx) == int(np.argmax(np.abs(x)))
        else:
            with pytest.raises(ValueError):
                oxpar.iamax(bx)
        assert oxpar.scal(0.5, bx) is bx
        x = fdtype.type(0.5) * x
        np.testing.assert_array_equal(bx.to_numpy(), x)
        assert oxpar.swap(bx, by) is None
        np.testing.assert_array_equal(bx.to_numpy(), y)
        np.testing.assert_array_equal(by.to_numpy(), x)
        assert oxpar.copy(bx, by) is by
        np.testing.assert_array_equal(by.to_numpy(), y)


def test_gemv_ger_on_buffers(cl, fdtype):
    rng = np.random.default_rng(4)
    for m, n in [(1, 1), (7, 5), (33, 65)]:
        a = rng.standard_normal((m, n)).astype(fdtype)
        a64 = a.astype(np.float64)
        ba = oxpar.to_device(a, cl)
        for trans in (False, True):
            rows, cols = (n, m) if trans else (m, n)
            op = a64.T if trans else a64
            x = rng.standard_normal(cols).astype(fdtype)
            bx = oxpar.to_device(x, cl)
            by = oxpar.gemv(ba, bx, trans=trans)
            assert isinstance(by, oxpar.Buffer) and by.shape == (rows,) and by.dtype == fdtype
            np.testing.assert_allclose(by.to_numpy(), op @ x, **tol(fdtype, cols))
            y = rng.standard_normal(rows).astype(fdtype)
            by = oxpar.to_device(y, cl)
            assert oxpar.gemv(ba, bx, by, alpha=2.0, beta=-1.0, trans=trans) is by
            np.testing.assert_allclose(by.to_numpy(), 2 * op @ x - y, **tol(fdtype, cols))
        x = rng.standard_normal(m).astype(fdtype)
        y = rng.standard_normal(n).astype(fdtype)
        assert oxpar.ger(0.5, oxpar.to_device(x, cl), oxpar.to_device(y, cl), ba) is ba
        np.testing.assert_allclose(ba.to_numpy(), a64 + 0.5 * np.outer(x.astype(np.float64), y), **tol(fdtype))


def test_more_buffer_blas_errors(cl):
    x32 = oxpar.to_device(np.ones(4, np.float32), cl)
    y32 = oxpar.to_device(np.ones(4, np.float32), cl)
    a32 = oxpar.to_device(np.ones((4, 4), np.float32), cl)
    host = np.ones(4, np.float32)
    # Mixed NumPy and Buffer operands.
    for call in [
        lambda: oxpar.copy(x32, host),
        lambda: oxpar.copy(host, y32),
        lambda: oxpar.swap(host, y32),
        lambda: oxpar.swap(x32, host),
        lambda: oxpar.gemv(a32, host),
        lambda: oxpar.gemv(np.ones((4, 4), np.float32), x32),
        lambda: oxpar.gemv(a32, x32, host),
        lambda: oxpar.ger(1.0, x32, y32, np.ones((4, 4), np.float32)),
        lambda: oxpar.ger(1.0, host, y32, a32),
    ]:
        with pytest.raises(oxpar.OxparTypeError, match="Buffer"):
            call()
    # Dtypes.
    x64 = oxpar.to_device(np.ones(4), cl)
    for call in [
        lambda: oxpar.copy(x32, x64),
        lambda: oxpar.swap(x64, y32),
        lambda: oxpar.gemv(a32, x64),
        lambda: oxpar.ger(1.0, x32, x64, a32),
    ]:
        with pytest.raises(oxpar.OxparTypeError):
            call()
    # Shapes, aliasing, scalars.
    with pytest.raises(ValueError):
        oxpar.copy(x32, oxpar.to_device(np.ones(5, np.float32), cl))
    with pytest.raises(ValueError):
        oxpar.swap(x32, x32)
    with pytest.raises(ValueError):
        oxpar.copy(x32, x32)
    with pytest.raises(ValueError):
        oxpar.nrm2(a32)  # 2-D
    with pytest.raises(ValueError):
        oxpar.gemv(x32, x32)  # 1-D
    with pytest.raises(ValueError):
        oxpar.gemv(a32, oxpar.to_device(np.ones(3, np.float32), cl))
    with pytest.raises(ValueError):
        oxpar.gemv(a32, x32, beta=1.0)
    with pytest.raises(ValueError):
        oxpar.ger(1.0, x32, oxpar.to_device(np.ones(3, np.float32), cl), a32)
    with pytest.raises(TypeError):
        oxpar.scal("two", x32)
    with oxpar.Context("opencl") as other:
        b = oxpar.to_device(np.ones(4, np.float32), other)
        with pytest.raises(ValueError):
            oxpar.copy(x32, b)
        with pytest.raises(ValueError):
            oxpar.asum(x32, ctx=other)


def test_buffer_of_another_context(cl):
    with oxpar.Context("opencl") as other:
        a = oxpar.to_device(np.ones(4, np.float32), cl)
        b = oxpar.to_device(np.ones(4, np.float32), other)
        with pytest.raises(ValueError):
            oxpar.dot(a, b)
        with pytest.raises(ValueError):
            oxpar.axpy(1.0, a, b)
        with pytest.raises(ValueError):
            oxpar.dot(a, a, ctx=other)
        prog = oxpar.Program(cl, VADD)
        with pytest.raises(ValueError):
            prog.kernel("vadd")(4, None, a, a, b, np.uint32(4))


def test_closed_buffer(cl):
    b = oxpar.to_device(np.ones(3, np.float32), cl)
    with b:
        pass
    assert b.closed and "closed" in repr(b)
    b.close()  # idempotent
    for call in (b.to_numpy, lambda: b.set(np.ones(3, np.float32)), lambda: oxpar.dot(b, b)):
        with pytest.raises(ValueError, match="closed"):
            call()
    prog = oxpar.Program(cl, VADD)
    x = oxpar.to_device(np.ones(3, np.float32), cl)
    with pytest.raises(ValueError, match="closed"):
        prog.kernel("vadd")(3, None, x, b, x, np.uint32(3))


def test_buffers_freed_by_gc(cl):
    for _ in range(50):
        oxpar.to_device(np.ones(1 << 16, np.float32), cl)
    gc.collect()


def test_host_routines_on_opencl_context(cl, fdtype):
    rng = np.random.default_rng(3)
    x = rng.standard_normal(100).astype(fdtype)
    y = rng.standard_normal(100).astype(fdtype)
    np.testing.assert_allclose(oxpar.dot(x, y, ctx=cl), np.dot(x.astype(np.float64), y), **tol(fdtype, 100))
    y2 = y.copy()
    oxpar.axpy(0.5, x, y2, ctx=cl)
    np.testing.assert_allclose(y2, fdtype.type(0.5) * x + y, **tol(fdtype))
    a = rng.standard_normal((9, 6)).astype(fdtype)
    b = np.asfortranarray(rng.standard_normal((6, 4)).astype(fdtype))
    np.testing.assert_allclose(oxpar.gemm(a, b, ctx=cl), a.astype(np.float64) @ b, **tol(fdtype, 6))
    np.testing.assert_allclose(oxpar.gemv(a, x[:6], ctx=cl), a.astype(np.float64) @ x[:6], **tol(fdtype, 6))
    np.testing.assert_allclose(oxpar.nrm2(x, ctx=cl), np.linalg.norm(x.astype(np.float64)), **tol(fdtype, 100))


def test_vector_add_kernel(cl):
    n = 1000
    a = np.arange(n, dtype=np.float32)
    b = np.full(n, 0.5, np.float32)
    da, db = oxpar.to_device(a, cl), oxpar.to_device(b, cl)
    dc = oxpar.empty_device(n, np.float32, cl)
    prog = oxpar.Program(cl, VADD, options="-cl-std=CL1.2")
    k = prog.kernel("vadd")
    assert k(1024, None, da, db, dc, np.uint32(n)) is None
    cl.finish()
    np.testing.assert_array_equal(dc.to_numpy(), a + b)
    # launch() with a local size; the kernel outlives its program.
    prog.close()
    k.launch((1024,), (64,), dc, db, da, np.uint32(n))
    np.testing.assert_array_equal(da.to_numpy(), a + 2 * b)


def test_local_memory_and_scalar_types(cl, fdtype):
    x = oxpar.to_device(np.arange(64, dtype=np.float32), cl)
    prog = oxpar.Program(cl, VADD)
    prog.kernel("scale_local")(64, 16, x, oxpar.LocalMemory(16 * 4), np.float32(3))
    np.testing.assert_array_equal(x.to_numpy(), 3 * np.arange(64, dtype=np.float32))
    if fdtype == np.float64:
        y = oxpar.zeros_device(8, np.float64, cl)
        prog.kernel("fill")(8, None, y, np.int64(-5), np.uint64(7), np.int32(2), np.float64(0.25))
        np.testing.assert_array_equal(y.to_numpy(), np.full(8, 4.25))
    with pytest.raises(ValueError):
        oxpar.LocalMemory(0)


def test_build_failure_has_log(cl):
    bad = "__kernel void f(__global float *x) { x[0] = no_such_identifier_here; }"
    with pytest.raises(oxpar.OxparError, match="no_such_identifier_here") as info:
        oxpar.Program(cl, bad)
    assert isinstance(info.value, ValueError)
    with pytest.raises(oxpar.OxparError):
        oxpar.Program(cl, VADD, options="-this-option-does-not-exist")
    with pytest.raises(oxpar.OxparError, match="vadd"):
        oxpar.Program(cl, VADD).kernel("nope")  # the message lists the kernels


def test_wrong_kernel_arguments(cl):
    prog = oxpar.Program(cl, VADD)
    n = 8
    a = oxpar.to_device(np.ones(n, np.float32), cl)
    c = oxpar.zeros_device(n, np.float32, cl)
    # First calls on fresh kernels: too many, then too few (stale arguments
    # of the failed call must not fill the gap).
    k = prog.kernel("vadd")
    with pytest.raises(oxpar.OxparError):
        k(n, None, a, a, c, np.uint32(n), np.uint32(1))
    with pytest.raises(oxpar.OxparError):
        k(n, None, a, a, c)
    k(n, None, a, a, c, np.uint32(n))
    with pytest.raises(oxpar.OxparError, match="4 arguments"):
        k(n, None, a, a, c)
    with pytest.raises(oxpar.OxparError, match="4 arguments"):
        k(n, None, a, a, c, np.uint32(n), np.uint32(n))
    # Types.
    with pytest.raises(oxpar.OxparTypeError, match="np.uint32"):
        k(n, None, a, a, c, n)  # a Python int
    with pytest.raises(TypeError):
        k(n, None, a, a, c, "8")
    with pytest.raises(oxpar.OxparError):
        k(n, None, a, a, c, np.float32(n))  # declared uint
    with pytest.raises(oxpar.OxparError):
        k(n, None, np.float32(1), a, c, np.uint32(n))  # a pointer
    with pytest.raises(oxpar.OxparError):
        k(n, None, np.ones(n, np.float32), a, c, np.uint32(n))  # host array
    # Sizes.
    with pytest.raises(ValueError):
        k((n, 1, 1, 1), None, a, a, c, np.uint32(n))
    with pytest.raises(ValueError):
        k((n, 1), (1,), a, a, c, np.uint32(n))
    k.close()
    with pytest.raises(ValueError, match="closed"):
        k(n, None, a, a, c, np.uint32(n))
    # Still correct after all that.
    k2 = prog.kernel("vadd")
    k2(n, None, a, a, c, np.uint32(n))
    np.testing.assert_array_equal(c.to_numpy(), np.full(n, 2, np.float32))


def _resident_becomes(ctx, want, timeout=5.0):
    """ctx.resident_bytes once it is `want` (or after `timeout` seconds): the
    driver releases a closed Buffer's memory once its commands complete."""
    import time

    end = time.monotonic() + timeout
    while True:
        now = ctx.resident_bytes
        if now == want or time.monotonic() > end:
            return now
        time.sleep(0.005)


SCALE = """
__kernel void scale(__global float *x, float a, uint n) {
    size_t i = get_global_id(0);
    if (i < n) x[i] *= a;
}
"""


def test_close_releases_memory_a_kernel_last_used():
    # A context of its own, so that other tests' Buffers do not count.
    with oxpar.Context("opencl") as ctx:
        assert ctx.resident_bytes == 0
        n = 1 << 20
        k = oxpar.Program(ctx, SCALE).kernel("scale")
        x = oxpar.to_device(np.full(n, 2.0, np.float32), ctx)
        y = oxpar.empty_device(n, np.float64, ctx)
        assert ctx.resident_bytes == 4 * n + 8 * n
        k(n, None, x, np.float32(1.5), np.uint32(n))
        np.testing.assert_array_equal(x.to_numpy()[:3], [3.0, 3.0, 3.0])
        x.close()  # the kernel's last launch used x: its memory goes all the same
        assert _resident_becomes(ctx, 8 * n) == 8 * n
        # A launch still queued when the Buffer is closed completes first.
        z = oxpar.to_device(np.ones(n, np.float32), ctx)
        for _ in range(3):
            k(n, None, z, np.float32(2.0), np.uint32(n))
        z.close()
        y.close()
        ctx.finish()
        assert _resident_becomes(ctx, 0) == 0
        # The built-in kernels do not keep their operands either.
        a = oxpar.to_device(np.ones(n, np.float32), ctx)
        b = oxpar.zeros_device(n, np.float32, ctx)
        oxpar.axpy(2.0, a, b)
        assert oxpar.dot(a, b) == 2.0 * n
        a.close()
        b.close()
        assert _resident_becomes(ctx, 0) == 0


def test_resident_bytes_on_a_host_context():
    with oxpar.Context("serial") as host:
        with pytest.raises(oxpar.UnsupportedError):
            host.resident_bytes
        with pytest.raises(oxpar.UnsupportedError):
            host.profile = True
        with pytest.raises(oxpar.UnsupportedError):
            _ = host.profile


def test_empty_and_zeros(cl, fdtype):
    # empty_device: unspecified contents, any use once written.
    e = oxpar.empty_device((3, 4), fdtype, cl)
    assert e.shape == (3, 4) and e.dtype == fdtype
    want = np.arange(12, dtype=fdtype).reshape(3, 4)
    e.set(want)
    np.testing.assert_array_equal(e.to_numpy(), want)
    # zeros_device: zeros, even where an empty buffer's memory was reused.
    for _ in range(3):
        junk = oxpar.to_device(np.full(1000, 7, fdtype), cl)
        junk.close()
        z = oxpar.zeros_device(1000, fdtype, cl)
        np.testing.assert_array_equal(z.to_numpy(), np.zeros(1000, fdtype))
    # Outputs made for a routine (beta == 0) are fully written.
    a = oxpar.to_device(np.ones((5, 3), fdtype), cl)
    x = oxpar.to_device(np.arange(3, dtype=fdtype), cl)
    np.testing.assert_array_equal(oxpar.gemv(a, x).to_numpy(), np.full(5, 3.0))
    np.testing.assert_array_equal(oxpar.gemm(a, oxpar.to_device(np.zeros((3, 0), fdtype), cl)).to_numpy().shape, (5, 0))
    c = oxpar.gemm(oxpar.to_device(np.zeros((4, 0), fdtype), cl), oxpar.to_device(np.zeros((0, 2), fdtype), cl))
    np.testing.assert_array_equal(c.to_numpy(), np.zeros((4, 2)))


def test_get_into_an_existing_array(cl, fdtype):
    rng = np.random.default_rng(3)
    a = rng.standard_normal((6, 5)).astype(fdtype)
    buf = oxpar.to_device(a, cl)
    out = np.full((6, 5), -1, fdtype)
    assert buf.get(out=out) is out
    np.testing.assert_array_equal(out, a)
    out2 = np.zeros((6, 5), fdtype)
    assert buf.get(ary=out2) is out2  # PyOpenCL's name
    np.testing.assert_array_equal(out2, a)
    out3 = np.zeros((6, 5), fdtype)
    assert buf.to_numpy(out3) is out3
    np.testing.assert_array_equal(out3, a)
    empty = oxpar.to_device(np.zeros(0, fdtype), cl)
    assert empty.get(out=np.zeros(0, fdtype)).shape == (0,)

    other = np.float64 if fdtype == np.float32 else np.float32
    bad = [
        ([[0.0] * 5] * 6, oxpar.OxparTypeError),  # a list
        (np.zeros((6, 5), other), oxpar.OxparTypeError),
        (np.zeros((5, 6), fdtype), oxpar.ShapeMismatchError),
        (np.zeros(30, fdtype), oxpar.ShapeMismatchError),
        (np.zeros((6, 10), fdtype)[:, ::2], oxpar.InvalidArgumentError),
        (np.asfortranarray(np.zeros((6, 5), fdtype)), oxpar.InvalidArgumentError),
    ]
    ro = np.zeros((6, 5), fdtype)
    ro.flags.writeable = False
    bad.append((ro, oxpar.InvalidArgumentError))
    for o, err in bad:
        before = np.array(o, copy=True)
        with pytest.raises(err):
            buf.get(out=o)
        if isinstance(o, np.ndarray):
            np.testing.assert_array_equal(o, before)  # nothing written
    with pytest.raises(oxpar.InvalidArgumentError):
        buf.get(out=out, ary=out2)
    buf.close()
    with pytest.raises(ValueError, match="closed"):
        buf.get(out=out)


def test_profiling_times_are_positive_and_ordered():
    with oxpar.Context("opencl", profile=True) as ctx:
        assert ctx.profile is True
        with pytest.raises(oxpar.InvalidArgumentError):
            ctx.last_profile()  # nothing issued yet
        n = 1 << 20
        x = oxpar.to_device(np.ones(n, np.float32), ctx)
        up = ctx.last_profile()
        y = oxpar.zeros_device(n, np.float32, ctx)
        oxpar.axpy(3.0, x, y)
        ax = ctx.last_profile()
        out = np.empty(n, np.float32)
        y.get(out=out)
        down = ctx.last_profile()
        assert out[0] == 3.0
        k = oxpar.Program(ctx, SCALE).kernel("scale")
        k(n, None, y, np.float32(0.5), np.uint32(n))
        user = ctx.last_profile()
        for t in (up, ax, down, user):
            assert isinstance(t, oxpar.ProfileTimes)
            assert 0 < t.queued_ns <= t.start_ns < t.end_ns, t
            assert t.duration_ns == t.end_ns - t.start_ns > 0
            assert t.seconds == pytest.approx(t.duration_ns * 1e-9)
        for a, b in [(up, ax), (ax, down), (down, user)]:
            assert a.end_ns <= b.start_ns, (a, b)  # one in-order queue
        ctx.profile = False
        assert ctx.profile is False
        with pytest.raises(oxpar.InvalidArgumentError, match="off"):
            ctx.last_profile()
        with pytest.raises(TypeError):
            ctx.profile = 1
    with oxpar.Context("opencl") as ctx:
        assert ctx.profile is False
