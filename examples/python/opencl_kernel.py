"""oxpar on an OpenCL device, PyOpenCL style: data stays on the device
between a user kernel and a device gemm; one copy in, one copy out.

Run: python examples/python/opencl_kernel.py   (after pip install ./bindings/python,
with liboxpar built with OpenCL and an OpenCL driver such as PoCL installed)
"""

import sys

import numpy as np

import oxpar

SOURCE = """
__kernel void relu_shift(__global float *x, float shift, uint n) {
    size_t i = get_global_id(0);
    if (i < n) x[i] = fmax(x[i] + shift, 0.0f);
}
"""

try:
    ctx = oxpar.Context("opencl")
except oxpar.BackendUnavailableError as e:
    print(f"no OpenCL here ({e}); skipping")
    sys.exit(0)

with ctx:
    rng = np.random.default_rng(0)
    a = rng.standard_normal((256, 128)).astype(np.float32)
    b = rng.standard_normal((128, 64)).astype(np.float32)

    da, db = oxpar.to_device(a, ctx), oxpar.to_device(b, ctx)  # copies in

    # A user kernel over all elements of a (2-D buffers are flat in memory).
    # Scalars are NumPy scalars naming their C type (float, uint).
    relu = oxpar.Program(ctx, SOURCE).kernel("relu_shift")
    relu(a.size, None, da, np.float32(0.1), np.uint32(a.size))

    dc = oxpar.gemm(da, db)  # on the device: a new 256x64 Buffer
    c = dc.to_numpy()  # waits, copies out

    expected = np.maximum(a + np.float32(0.1), 0).astype(np.float64) @ b
    print(f"relu_shift + gemm 256x128 @ 128x64 on {ctx}: max |oxpar - numpy| = {np.max(np.abs(c - expected)):.2e}")
    assert np.allclose(c, expected, rtol=1e-4, atol=1e-4)

    # Device BLAS level 1: dot waits for its result, axpy is queued.
    dx, dy = oxpar.to_device(c[:, 0].copy(), ctx), oxpar.to_device(c[:, 1].copy(), ctx)
    oxpar.axpy(2.0, dx, dy)
    print(f"dot(c[:, 0], 2*c[:, 0] + c[:, 1]) = {oxpar.dot(dx, dy):.3f} (numpy: {c[:, 0] @ (2 * c[:, 0] + c[:, 1]):.3f})")
