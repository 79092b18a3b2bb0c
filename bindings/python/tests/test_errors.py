"""Bad input gives a clear exception naming the argument, never a crash."""

import numpy as np
import pytest

import oxpar


def test_wrong_dtype_is_type_error():
    with pytest.raises(TypeError, match="x: dtype int64") as e:
        oxpar.dot(np.arange(3), np.arange(3))
    assert isinstance(e.value, oxpar.OxparError)
    with pytest.raises(oxpar.OxparTypeError, match="complex128"):
        oxpar.nrm2(np.ones(3, dtype=complex))


def test_mixed_dtypes_are_type_error():
    with pytest.raises(TypeError, match="y: dtype float32 differs from x's float64"):
        oxpar.dot(np.ones(3), np.ones(3, dtype=np.float32))
    with pytest.raises(TypeError, match="out"):
        oxpar.gemm(np.ones((2, 2)), np.ones((2, 2)), np.ones((2, 2), dtype=np.float32))


def test_shapes_are_value_error():
    with pytest.raises(ValueError, match="y: has 4 elements but x has 3"):
        oxpar.dot(np.ones(3), np.ones(4))
    with pytest.raises(oxpar.ShapeMismatchError, match="inner dimensions"):
        oxpar.gemm(np.ones((2, 3)), np.ones((2, 3)))
    with pytest.raises(ValueError, match="out: has shape"):
        oxpar.gemm(np.ones((2, 3)), np.ones((3, 4)), np.ones((2, 5)))
    with pytest.raises(ValueError, match="x: expected a 1-D array"):
        oxpar.nrm2(np.ones((2, 2)))
    with pytest.raises(ValueError, match="a: expected a 2-D array"):
        oxpar.gemv(np.ones(3), np.ones(3))


def test_read_only_output_is_value_error():
    y = np.ones(3)
    y.setflags(write=False)
    with pytest.raises(ValueError, match="y: the array is read-only"):
        oxpar.axpy(1.0, np.ones(3), y)


def test_overlapping_output_is_value_error():
    buf = np.ones(20)
    with pytest.raises(ValueError, match="overlaps x"):
        oxpar.axpy(1.0, buf[:10], buf[5:15])
    a = np.ones((4, 4))
    with pytest.raises(ValueError, match="shares elements with a"):
        oxpar.gemm(a, np.ones((4, 4)), a)


def test_odd_strides_and_broadcasts():
    assert oxpar.asum(np.zeros(0, dtype=np.float32)) == 0.0
    misaligned = np.zeros(8 * 5 + 1, dtype=np.uint8)[1:].view(np.float64)
    with pytest.raises(ValueError, match="aligned"):
        oxpar.asum(misaligned)
    bcast = np.broadcast_to(np.ones(1), (5,))
    with pytest.raises(ValueError, match="incx"):
        oxpar.nrm2(bcast)
    rec = np.zeros(4, dtype=[("a", "f8"), ("b", "i1")])["a"]  # stride 9 bytes
    with pytest.raises(ValueError, match="not a multiple of the item size"):
        oxpar.asum(rec)


def test_bad_scalars_and_flags():
    with pytest.raises(TypeError, match="alpha"):
        oxpar.axpy("two", np.ones(2), np.ones(2))
    with pytest.raises(ValueError, match="beta"):
        oxpar.gemm(np.ones((2, 2)), np.ones((2, 2)), beta=1.0)
    with pytest.raises(ValueError, match="empty"):
        oxpar.iamax(np.ones(0))
    with pytest.raises(TypeError, match="y: must be a NumPy array"):
        oxpar.axpy(1.0, [1.0], [2.0])


def test_context_errors():
    with pytest.raises(ValueError, match="spec"):
        oxpar.Context("cuda")
    with pytest.raises(oxpar.BackendUnavailableError):
        oxpar.Context("mpi")  # never compiled into the Python package's liboxpar
    try:
        # Compiled in where setup.py found an OpenCL loader; otherwise unavailable.
        oxpar.Context("opencl").close()
    except oxpar.BackendUnavailableError:
        pass
    with pytest.raises(ValueError, match="thread count"):
        oxpar.Context("threads:0")
    ctx = oxpar.Context("serial")
    with pytest.raises(NotImplementedError, match="num_threads"):
        ctx.num_threads = 4
    ctx.close()
    ctx.close()
    with pytest.raises(ValueError, match="closed"):
        oxpar.dot(np.ones(2), np.ones(2), ctx=ctx)
    with pytest.raises(TypeError, match="ctx"):
        oxpar.dot(np.ones(2), np.ones(2), ctx="threads")
