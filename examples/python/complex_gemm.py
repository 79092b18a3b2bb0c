"""Complex numbers from Python: complex128 and complex64 arrays through
oxpar's BLAS, checked against NumPy.

Run: python examples/python/complex_gemm.py   (after pip install ./bindings/python)
"""

import numpy as np

import oxpar

rng = np.random.default_rng(1)


def crandom(*shape: int) -> np.ndarray:
    return rng.standard_normal(shape) + 1j * rng.standard_normal(shape)


a = crandom(300, 200)  # complex128
b = np.asfortranarray(crandom(300, 250))

with oxpar.Context("threads", num_threads=2) as ctx:
    # c = a^H b: trans_a="C" is the conjugate transpose (as BLAS's 'C').
    c = oxpar.gemm(a, b, trans_a="C", alpha=0.5 - 1j, ctx=ctx)
    want = (0.5 - 1j) * (a.conj().T @ b)
    print(f"gemm a^H @ b (complex128, 200x300 @ 300x250): max |oxpar - numpy| = {np.max(np.abs(c - want)):.2e}")
    assert np.allclose(c, want)

    # Single precision: complex64 arrays stay complex64 (never converted).
    a32, b32 = a.astype(np.complex64), b.astype(np.complex64)
    c32 = oxpar.gemm(a32, b32, trans_a="C", alpha=0.5 - 1j, ctx=ctx)
    print(f"gemm in complex64: result {c32.dtype}, max relative error {np.max(np.abs(c32 - want)) / np.max(np.abs(want)):.1e}")
    assert c32.dtype == np.complex64 and np.allclose(c32, want, rtol=1e-3, atol=1e-3 * np.max(np.abs(want)))

    # A Hermitian rank-k update: only the lower triangle of out is written.
    h = oxpar.herk(a, trans="C", lower=True, ctx=ctx)
    print(f"herk a^H @ a, lower triangle: max |oxpar - numpy| = {np.max(np.abs(np.tril(h - a.conj().T @ a))):.2e}")
    assert np.allclose(np.tril(h), np.tril(a.conj().T @ a))

    # Conjugated dot products, and a mix of real and complex refused.
    x = crandom(1000)
    print(f"dotc(x, x) = {oxpar.dotc(x, x).real:.6f} (numpy: {np.vdot(x, x).real:.6f})")
    try:
        oxpar.gemm(a, np.ones((200, 3)), trans_a="C", ctx=ctx)
    except TypeError as e:
        print(f"real with complex: TypeError: {e}")
