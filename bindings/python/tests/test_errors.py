"""Bad input gives a clear exception naming the argument, never a crash."""

import subprocess
import sys
import textwrap

import numpy as np
import pytest

import oxpar


def test_wrong_dtype_is_type_error():
    with pytest.raises(TypeError, match="x: dtype int64") as e:
        oxpar.dot(np.arange(3), np.arange(3))
    assert isinstance(e.value, oxpar.OxparError)
    # dot is real only (complex arrays take dotu or dotc).
    with pytest.raises(oxpar.OxparTypeError, match="complex128"):
        oxpar.dot(np.ones(3, dtype=complex), np.ones(3, dtype=complex))


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


def test_outputs_sharing_elements_are_value_errors():
    buf = np.ones(20)
    with pytest.raises(ValueError, match="y: shares elements with x"):
        oxpar.swap(buf[:10], buf[5:15])
    with pytest.raises(oxpar.InvalidStrideError, match="of the 4x3 array out, which is written, share an address"):
        oxpar.gemm(np.ones((4, 2)), np.ones((2, 3)), np.lib.stride_tricks.as_strided(buf, (4, 3), (8, 8)))


def test_odd_strides_and_broadcasts():
    assert oxpar.asum(np.zeros(0, dtype=np.float32)) == 0.0
    misaligned = np.zeros(8 * 5 + 1, dtype=np.uint8)[1:].view(np.float64)
    with pytest.raises(ValueError, match="aligned"):
        oxpar.asum(misaligned)
    bcast = np.broadcast_to(np.full(1, 2.0), (4,))
    assert oxpar.nrm2(bcast) == 4.0  # read-only inputs may repeat an element
    y = np.zeros(1)
    with pytest.raises(oxpar.InvalidStrideError, match="incy: is 0 for the 4 elements of y"):
        oxpar.axpy(1.0, np.ones(4), np.lib.stride_tricks.as_strided(y, (4,), (0,)))
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
    with pytest.raises(ValueError, match="comm: only an MPI context"):
        oxpar.Context("threads", comm=0)
    with pytest.raises(TypeError, match="comm: expected an MPI communicator"):
        oxpar.Context("mpi", comm="world")
    with pytest.raises(ValueError, match="not a Fortran communicator handle"):
        oxpar.Context("mpi", comm=2**40)
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


def test_mpi_context_without_mpiexec():
    # MPI is compiled in where setup.py found an MPI; otherwise "mpi" is
    # unavailable. Started without mpiexec, an MPI context is a one-rank
    # world (MPI initializes as a singleton, and oxpar, having initialized
    # it, finalizes it at exit). In a child process, so that this one never
    # initializes MPI (the fork tests would not like it).
    code = textwrap.dedent(
        """
        import numpy as np, oxpar
        try:
            ctx = oxpar.Context("mpi")
        except oxpar.BackendUnavailableError as e:
            print("unavailable:", e)
            raise SystemExit(0)
        assert (ctx.rank, ctx.size, ctx.ranks_on_node) == (0, 1, 1), ctx
        assert ctx.grid == oxpar.Grid(1, 1, 0, 0) and ctx.backend == "mpi"
        x = np.arange(5.0)
        assert oxpar.dot(x, x, ctx=ctx) == 30.0 and oxpar.iamax(x, ctx=ctx) == 4
        y = oxpar.mpi.gemv(np.ones((2, 5)), x, ctx=ctx)
        assert list(y) == [10.0, 10.0]
        h = oxpar.mpi.halo_exchange(np.array([0.0, 1, 2, 3, 0]), 1, periodic=True, ctx=ctx)
        assert list(h) == [3.0, 1, 2, 3, 1]
        with oxpar.Context("mpi+serial", comm=ctx.comm_handle) as dup:
            assert dup.size == 1 and oxpar.asum(x, ctx=dup) == 10.0
        print("mpi: rank 0 of 1")
        """
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stdout + run.stderr
    if oxpar._lib.oxpar_backend_available(oxpar._lib.OXPAR_BACKEND_MPI):
        assert "mpi: rank 0 of 1" in run.stdout, run.stdout + run.stderr
    else:
        assert "unavailable: " in run.stdout and "without MPI" in run.stdout, run.stdout
