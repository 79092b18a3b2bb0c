"""complex64 and complex128 on an MPI context: the collective level 1
(dotc, dotu, nrm2, asum, sum, iamax), oxpar.mpi's gemv (every trans), geru,
gerc, gemm (with "C") and halo_exchange, each compared with NumPy on the
whole data; then the mismatches (complex with real, complex64 with
complex128, dotu with dotc, an argument Python rejects on one rank) that
must raise on every rank. The data are multiples of 1/4, so sums and
products are exact in both precisions and most results compared exactly.
The collective call is made by every rank (only its arguments depend on the
rank); the assertions come after it."""

import numpy as np
import pytest
from conftest import RANK, SIZE, SPLITS, WORLD, block

import oxpar

BAD = SIZE - 1  # the rank that gets it wrong
CTYPES = [np.complex64, np.complex128]


def cdata(shape, dtype, seed):
    """Exact complex values: multiples of 1/4 in [-2, 2)."""
    rng = np.random.default_rng(seed)
    re = rng.integers(-8, 8, size=shape) / 4
    im = rng.integers(-8, 8, size=shape) / 4
    return (re + 1j * im).astype(dtype)


def outcome(fn):
    """The exception `fn()` raised (None if it returned)."""
    try:
        fn()
    except Exception as e:  # noqa: BLE001 - the tests look at it
        return e
    return None


def still_works(ctx):
    x = np.full(2, 1 + 1j)
    assert oxpar.dotc(x, x, ctx=ctx) == 4.0 * SIZE


def check_mixed(err, *says):
    """With several ranks: InvalidArgumentError on every rank, naming the bad
    rank and each of `says`; on one rank the call worked."""
    if SIZE == 1:
        assert err is None, repr(err)
        return
    assert isinstance(err, oxpar.InvalidArgumentError), repr(err)
    assert f"rank {BAD} of {SIZE} called" in str(err), str(err)
    for s in says:
        assert s in str(err), (s, str(err))


def check_everywhere(err, bad_type, bad_match, others_type):
    """The bad rank raised `bad_type` matching `bad_match`; every other rank
    raised `others_type`, naming the bad rank."""
    if RANK == BAD:
        assert isinstance(err, bad_type), repr(err)
        assert bad_match in str(err), str(err)
    else:
        assert isinstance(err, others_type), repr(err)
        assert f"rank {BAD} of {SIZE}" in str(err), str(err)


@pytest.mark.parametrize("dtype", CTYPES)
@pytest.mark.parametrize("split", sorted(SPLITS))
def test_level1(ctx, dtype, split):
    n = 29
    x, y = cdata(n, dtype, 1), cdata(n, dtype, 2)
    mine = block(SPLITS[split](n, SIZE), RANK)
    xl, yl = x[mine], y[mine]
    assert oxpar.dotc(xl, yl, ctx=ctx) == np.vdot(x, y)
    assert oxpar.dotu(xl, yl, ctx=ctx) == np.dot(x, y)
    assert oxpar.sum(xl, ctx=ctx) == x.sum()
    mag = np.abs(x.real) + np.abs(x.imag)
    assert oxpar.asum(xl, ctx=ctx) == mag.sum()
    assert oxpar.iamax(xl, ctx=ctx) == int(np.argmax(mag))
    want = np.sqrt(np.sum(np.abs(x.astype(np.complex128)) ** 2))
    np.testing.assert_allclose(oxpar.nrm2(xl, ctx=ctx), want, rtol=8 * np.finfo(dtype).eps)
    # axpy stays local
    zl = yl.copy()
    oxpar.axpy(0.5 - 1.5j, xl, zl, ctx=ctx)
    np.testing.assert_array_equal(zl, (0.5 - 1.5j) * xl + yl)


@pytest.mark.parametrize("dtype", CTYPES)
@pytest.mark.parametrize("trans", ["N", "T", "C"])
def test_gemv(ctx, dtype, trans):
    m, n = 11, 7
    # op(A) is m x n; with "T"/"C" the stored matrix s is n x m.
    s = cdata((n, m) if trans != "N" else (m, n), dtype, 3)
    op = {"N": s, "T": s.T, "C": s.conj().T}[trans]
    x, y = cdata(n, dtype, 4), cdata(m, dtype, 5)
    rows = block(SPLITS["uneven"](m, SIZE), RANK)
    cols = block(SPLITS["uneven-last-empty"](n, SIZE), RANK)
    al = s[rows] if trans == "N" else s[:, rows]
    yl = y[rows].copy()
    alpha, beta = 1.5 - 0.5j, -0.25 + 1j
    out = oxpar.mpi.gemv(al, x[cols], yl, alpha=alpha, beta=beta, trans=trans, ctx=ctx)
    assert out is yl
    np.testing.assert_array_equal(yl, (alpha * (op @ x) + beta * y)[rows])
    fresh = oxpar.mpi.gemv(al, x[cols], trans=trans, ctx=ctx)
    np.testing.assert_array_equal(np.concatenate(WORLD.allgather(fresh)), op @ x)


@pytest.mark.parametrize("dtype", CTYPES)
@pytest.mark.parametrize("which", ["geru", "gerc"])
def test_ger(ctx, dtype, which):
    m, n = 9, 6
    a, x, y = cdata((m, n), dtype, 6), cdata(m, dtype, 7), cdata(n, dtype, 8)
    rows = block(SPLITS["balanced"](m, SIZE), RANK)
    cols = block(SPLITS["uneven"](n, SIZE), RANK)
    al = np.asfortranarray(a[rows])
    alpha = 2 + 1j
    out = getattr(oxpar.mpi, which)(alpha, x[rows], y[cols], al, ctx=ctx)
    assert out is al
    yy = y.conj() if which == "gerc" else y
    np.testing.assert_array_equal(al, (a + alpha * np.outer(x, yy))[rows])


@pytest.mark.parametrize("dtype", CTYPES)
@pytest.mark.parametrize("trans_a,trans_b", [("N", "C"), ("C", "N"), ("T", "C")])
def test_gemm(ctx, dtype, trans_a, trans_b):
    m, n, k = 7, 6, 9
    a, b, c = cdata((m, k), dtype, 9), cdata((k, n), dtype, 10), cdata((m, n), dtype, 11)
    g = ctx.grid
    mi = block(SPLITS["uneven"](m, g.rows), g.row)
    nj = block(SPLITS["balanced"](n, g.cols), g.col)
    kaj = block(SPLITS["balanced"](k, g.cols), g.col)
    kbi = block(SPLITS["uneven-last-empty"](k, g.rows), g.row)
    stored = {"N": lambda v: v, "T": lambda v: v.T, "C": lambda v: v.conj().T}
    al = np.ascontiguousarray(stored[trans_a](a[mi, kaj]))
    bl = np.ascontiguousarray(stored[trans_b](b[kbi, nj]))
    cl = c[mi, nj].copy()
    alpha, beta = 0.5 + 2j, 1 - 1j
    oxpar.mpi.gemm(al, bl, cl, alpha=alpha, beta=beta, trans_a=trans_a, trans_b=trans_b, ctx=ctx)
    np.testing.assert_array_equal(cl, (alpha * (a @ b) + beta * c)[mi, nj])


@pytest.mark.parametrize("dtype", CTYPES)
def test_halo_exchange(ctx, dtype):
    n = 17
    whole = cdata(n, dtype, 12)
    mine = oxpar.block_range(n, SIZE, RANK)
    h = np.full(len(mine) + 2, -99, dtype=dtype)
    h[1:-1] = whole[mine.start : mine.stop]
    oxpar.mpi.halo_exchange(h, 1, periodic=True, ctx=ctx)
    assert h[0] == whole[(mine.start - 1) % n] and h[-1] == whole[mine.stop % n]


def test_mismatches(ctx):
    z = cdata(6, np.complex128, 13)
    c = z.astype(np.complex64)
    d = z.real.copy()
    err = outcome(lambda: oxpar.dot(d, d, ctx=ctx) if RANK == BAD else oxpar.dotc(z, z, ctx=ctx))
    check_mixed(err, "f64", "c64")
    err = outcome(lambda: oxpar.dotu(z, z, ctx=ctx) if RANK == BAD else oxpar.dotc(z, z, ctx=ctx))
    check_mixed(err, "dot (c64)", "dotc (c64)")
    err = outcome(lambda: oxpar.nrm2(c if RANK == BAD else z, ctx=ctx))
    check_mixed(err, "c32", "c64")
    err = outcome(lambda: oxpar.iamax(d if RANK == BAD else z, ctx=ctx))
    check_mixed(err, "f64", "c64")
    still_works(ctx)
    # gemv: real on the bad rank; gerc against ger
    a = cdata((1, 6), np.complex128, 14)
    piece = oxpar.block_range(6, SIZE, RANK)
    xs = slice(piece.start, piece.stop)
    err = outcome(
        lambda: oxpar.mpi.gemv(a.real.copy(), d[xs], ctx=ctx) if RANK == BAD else oxpar.mpi.gemv(a, z[xs], ctx=ctx)
    )
    check_mixed(err, "f64", "c64")
    al = a.copy()
    err = outcome(
        lambda: oxpar.mpi.ger(1.0, d[:1], d[xs], al.real.copy(), ctx=ctx)
        if RANK == BAD
        else oxpar.mpi.gerc(1.0, z[:1], z[xs], al, ctx=ctx)
    )
    check_mixed(err, "f64", "c64")
    if SIZE > 1:
        np.testing.assert_array_equal(al, a)  # nothing written on error
    still_works(ctx)


def test_python_rejections_of_complex_calls_reach_the_other_ranks(ctx):
    # Found in Python on one rank, passed on through oxpar_context_reject.
    z = cdata(4, np.complex128, 15)
    err = outcome(lambda: oxpar.dotc(z, np.ones(5 if RANK == BAD else 4, dtype=np.complex128), ctx=ctx))
    check_everywhere(err, oxpar.ShapeMismatchError, "y: has 5", oxpar.ShapeMismatchError)
    err = outcome(lambda: oxpar.nrm2(z.astype(np.complex64) if RANK == BAD else z, ctx=ctx))
    check_mixed(err, "c32", "c64")
    # A dtype Python refuses (a real y with a complex x) on one rank.
    err = outcome(lambda: oxpar.dotu(z, z.real.copy() if RANK == BAD else z, ctx=ctx))
    check_everywhere(err, TypeError, "differs", oxpar.InvalidArgumentError)
    a = cdata((3, SIZE), np.complex128, 16)  # 3 whole rows per rank, x one element per rank
    err = outcome(
        lambda: oxpar.mpi.gemv(a, z[:1], np.ones(2 if RANK == BAD else 3, dtype=np.complex128), ctx=ctx)
    )
    check_everywhere(err, oxpar.ShapeMismatchError, "y: has 2", oxpar.ShapeMismatchError)
    # geru with real arrays: Python says to use ger, on one rank.
    err = outcome(
        lambda: oxpar.mpi.geru(1.0, np.ones(3), np.ones(1), np.ones((3, SIZE)), ctx=ctx)
        if RANK == BAD
        else oxpar.mpi.geru(1.0, z[:3], z[:1], a.copy(), ctx=ctx)
    )
    check_everywhere(err, TypeError, "use ger", oxpar.InvalidArgumentError)
    still_works(ctx)
