"""parallel_for over compiled kernels, without the GIL."""

import ctypes

import numpy as np
import pytest

import oxpar

numba = pytest.importorskip("numba")
from numba import carray, cfunc, types  # noqa: E402

W, H, ITERS = 160, 120, 200


@cfunc(types.void(types.uintp, types.uintp, types.voidptr), nopython=True, nogil=True)
def mandelbrot_rows(begin, end, data):
    img = carray(data, (H, W), dtype=np.int32)
    for row in range(begin, end):
        ci = -1.2 + 2.4 * row / H
        for col in range(W):
            cr = -2.0 + 3.0 * col / W
            zr = zi = 0.0
            k = 0
            while k < ITERS and zr * zr + zi * zi <= 4.0:
                zr, zi = zr * zr - zi * zi + cr, 2.0 * zr * zi + ci
                k += 1
            img[row, col] = k


def mandelbrot_numpy():
    ci = -1.2 + 2.4 * np.arange(H) / H
    cr = -2.0 + 3.0 * np.arange(W) / W
    c = cr[None, :] + 1j * ci[:, None]
    z = np.zeros_like(c)
    out = np.full(c.shape, ITERS, dtype=np.int32)
    alive = np.ones(c.shape, dtype=bool)
    for k in range(ITERS):
        # Same escape test and order as the kernel: test, then iterate.
        escaped = alive & (z.real * z.real + z.imag * z.imag > 4.0)
        out[escaped] = k
        alive &= ~escaped
        zr, zi = z.real.copy(), z.imag.copy()
        z = np.where(alive, (zr * zr - zi * zi + c.real) + 1j * (2.0 * zr * zi + c.imag), z)
    return out


@pytest.mark.parametrize("schedule,chunk", [("static", None), ("dynamic", 4), ("guided", 2), ("static", 3)])
def test_mandelbrot_matches_numpy(schedule, chunk):
    img = np.zeros((H, W), dtype=np.int32)
    with oxpar.Context("threads:2") as ctx:
        oxpar.parallel_for(H, mandelbrot_rows, data=img, schedule=schedule, chunk=chunk, ctx=ctx)
    np.testing.assert_array_equal(img, mandelbrot_numpy())


def test_addresses_and_ctypes_pointers_work():
    img = np.zeros((H, W), dtype=np.int32)
    oxpar.parallel_for(H, mandelbrot_rows.address, data=img)
    ref = img.copy()
    img[:] = 0
    fn = ctypes.CFUNCTYPE(None, ctypes.c_size_t, ctypes.c_size_t, ctypes.c_void_p)(mandelbrot_rows.address)
    oxpar.parallel_for(H, fn, data=img.ctypes.data)
    np.testing.assert_array_equal(img, ref)


def test_python_callables_are_refused_with_an_explanation():
    with pytest.raises(TypeError, match="numba"):
        oxpar.parallel_for(10, lambda b, e, d: None)
    with pytest.raises(ValueError, match="schedule"):
        oxpar.parallel_for(10, mandelbrot_rows, schedule="auto")
    with pytest.raises(ValueError, match="n:"):
        oxpar.parallel_for(-1, mandelbrot_rows)
    with pytest.raises(ValueError, match="chunk"):
        oxpar.parallel_for(10, mandelbrot_rows, chunk=0)
    oxpar.parallel_for(0, mandelbrot_rows)  # an empty range calls nothing
