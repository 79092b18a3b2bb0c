"""Which array layouts oxpar accepts: every view whose written elements are
distinct, inputs with zero or overlapping strides, and outputs that share
memory with inputs (the result is NumPy's: as if the inputs were copied)."""

import numpy as np
import pytest

import oxpar

DTYPES = [np.float32, np.float64]


def close(got, want, dtype):
    tol = 1e-4 if dtype == np.float32 else 1e-12
    np.testing.assert_allclose(got, want, rtol=tol, atol=tol * max(1.0, float(np.abs(want).max(initial=0))))


@pytest.mark.parametrize("dtype", DTYPES)
def test_every_second_column_is_a_valid_operand_and_output(dtype):
    rng = np.random.default_rng(1)
    a = rng.standard_normal((10, 41)).astype(dtype)
    b = rng.standard_normal((21, 7)).astype(dtype)
    close(oxpar.gemm(a[:, ::2], b), a[:, ::2] @ b, dtype)
    c = np.zeros((10, 41), dtype=dtype)
    out = c[:, ::2]
    oxpar.gemm(a[:, :7], b.T, out)
    close(out, a[:, :7] @ b.T, dtype)
    assert not c[:, 1::2].any(), "the columns between were written"


@pytest.mark.parametrize("n", [3, 5, 7, 41])
def test_fortran_order_every_second_row(n):
    rng = np.random.default_rng(n)
    a = np.asfortranarray(rng.standard_normal((n, n)))
    b = rng.standard_normal((n, 3))
    close(oxpar.gemm(a[::2, :], b), a[::2, :] @ b, np.float64)
    c = np.asfortranarray(np.zeros((n, 3)))
    oxpar.gemm(a[::2, :], b, c[::2, :])
    close(c[::2, :], a[::2, :] @ b, np.float64)


def test_random_slices_against_numpy():
    """Random slices (steps of either sign, odd extents) of C- and
    Fortran-ordered arrays, as inputs and as outputs."""
    rng = np.random.default_rng(7)
    for trial in range(300):
        order = "C" if trial % 2 else "F"
        m, k, n = (int(v) for v in rng.integers(1, 9, 3))

        def view(rows, cols, *, base_order=order):
            sr, sc = (int(v) * (1 if rng.random() < 0.7 else -1) for v in rng.integers(1, 4, 2))
            big = np.array(rng.standard_normal((rows * abs(sr) + 1, cols * abs(sc) + 2)), order=base_order)
            v = big[:: sr, :: sc][:rows, :cols]
            assert v.shape == (rows, cols)
            return v

        a, b, c = view(m, k), view(k, n), view(m, n)
        want = 0.5 * (a @ b) - 2.0 * c
        oxpar.gemm(a, b, c, alpha=0.5, beta=-2.0)
        close(c, want, np.float64)


@pytest.mark.parametrize("dtype", DTYPES)
def test_broadcast_inputs(dtype):
    rng = np.random.default_rng(3)
    row = rng.standard_normal(5).astype(dtype)
    a = np.broadcast_to(row, (6, 5))  # strides (0, itemsize), read-only
    b = rng.standard_normal((5, 4)).astype(dtype)
    close(oxpar.gemm(a, b), np.asarray(a) @ b, dtype)
    col = np.broadcast_to(rng.standard_normal((5, 1)).astype(dtype), (5, 4))
    close(oxpar.gemm(b.T, col), b.T @ np.asarray(col), dtype)
    x = np.broadcast_to(dtype(3.0), (5,))
    close(oxpar.gemv(a, x), np.asarray(a) @ np.asarray(x), dtype)
    assert oxpar.dot(x, row) == pytest.approx(3.0 * float(row.sum(dtype=np.float64)), rel=1e-5)
    y = np.ones(5, dtype=dtype)
    oxpar.axpy(2.0, x, y)
    assert (y == 7.0).all()


def test_sliding_window_input():
    x = np.arange(12.0)
    windows = np.lib.stride_tricks.sliding_window_view(x, 4)  # (9, 4), strides (8, 8)
    w = np.array([1.0, -1.0, 0.5, 2.0])
    close(oxpar.gemv(windows, w), windows @ w, np.float64)
    close(oxpar.gemm(windows, np.eye(4)), np.asarray(windows), np.float64)


def test_outputs_sharing_memory_with_inputs_give_numpys_result():
    rng = np.random.default_rng(5)
    a = rng.standard_normal((6, 6))
    b = rng.standard_normal((6, 6))
    want = a @ b
    oxpar.gemm(a, b, a)  # in place: a := a @ b
    close(a, want, np.float64)
    buf = rng.standard_normal(20)
    x, y = buf[:10], buf[5:15]
    want = 2.0 * x + y
    oxpar.axpy(2.0, x, y)
    close(buf[5:15], want, np.float64)
    v = rng.standard_normal(8)
    m = rng.standard_normal((8, 8))
    want = m @ v
    oxpar.gemv(m, v, v)  # y is x
    close(v, want, np.float64)
    buf = rng.standard_normal(30)
    a = buf[:25].reshape(5, 5)
    x = buf[3:8].copy()
    want = a + np.outer(buf[3:8], buf[10:15])
    oxpar.ger(1.0, buf[3:8], buf[10:15], a)
    close(a, want, np.float64)
    del x


def test_two_outputs_must_not_share_elements():
    buf = np.arange(20.0)
    oxpar.swap(buf[0::2], buf[1::2])  # interleaved: distinct elements
    assert (buf[0::2] == np.arange(1.0, 20.0, 2)).all()
    oxpar.swap(buf[:5], buf[:5])  # the same vector: nothing to do
    with pytest.raises(ValueError, match="y: shares elements with x"):
        oxpar.swap(buf[0:10:2], buf[2:12:2])
