"""Reproducible mode on an MPI context: `dot`, `nrm2`, `asum` and `sum` of a
distributed vector have exactly the bits of a serial context's on the whole
vector, whatever the split; mode changes are collective.

The reference (a serial context in reproducible mode, the whole vector)
does not depend on the number of ranks, so passing under 1..4 ranks shows
the results equal for every rank count. The data are hostile: huge pairs
that cancel exactly and whose products do not fit in the type, subnormals,
values over 600 binades with random signs and significands.
"""

import math
import os

import numpy as np
import pytest
from conftest import RANK, SIZE, SPLITS, WORLD, block

import oxpar

N = 100003
BAD = SIZE - 1  # the rank that gets it wrong
REDUCTIONS = ("dot", "nrm2", "asum", "sum")


def hostile(n, dtype, seed=7):
    """x, y of length n, the same on every rank (fixed seed). A quarter of the
    mirror pairs (i, n-1-i) are huge and cancel exactly (x = +v, -v; y = w at
    both, so the products, beyond the type's range, cancel too); an eighth of
    the elements are subnormal (times tiny values in y); the rest have random
    significands and signs over 600 binades (2^-300..2^300; floats 2^-40..2^40).
    Nothing overflows in the exact results."""
    rng = np.random.default_rng(seed)
    f64 = np.dtype(dtype) == np.float64
    general, big, tiny_y, sub_exp, sub_bits = (
        ((-300, 301), (900, 997), (-500, -450), -1074, 51) if f64 else ((-40, 41), (90, 111), (-20, 20), -149, 22)
    )

    def values(size, exps):
        m = rng.uniform(1.0, 2.0, size) * rng.choice([-1.0, 1.0], size)
        return np.ldexp(m, rng.integers(*exps, size))

    x, y = values(n, general), values(n, general)
    kind = rng.integers(0, 8, n)
    sub = kind == 2
    k = int(sub.sum())
    x[sub] = np.ldexp(rng.integers(1, 2**sub_bits, k).astype(np.float64), sub_exp) * rng.choice([-1.0, 1.0], k)
    y[sub] = values(k, tiny_y)
    half = np.arange(n // 2)
    pairs = half[kind[half] < 2]
    v, w = values(len(pairs), big), values(len(pairs), big)
    x[pairs], x[n - 1 - pairs] = v, -v
    y[pairs], y[n - 1 - pairs] = w, w
    # float32 values are rounded from float64 ones: cast first, then mirror,
    # so that the pairs still cancel exactly
    x, y = x.astype(dtype), y.astype(dtype)
    x[n - 1 - pairs] = -x[pairs]
    return x, y


def all_on(index):
    def lens(n, parts):
        out = [0] * parts
        out[index] = n
        return out

    return lens


def random_split(n, parts):
    """Rank-dependent sizes, some possibly empty (the same on every rank)."""
    w = np.random.default_rng(99).integers(0, 5, parts)
    if w.sum() == 0:
        w[-1] = 1
    lens = [n * int(wi) // int(w.sum()) for wi in w]
    lens[-1] += n - sum(lens)
    return lens


REPRO_SPLITS = dict(SPLITS, **{"all-on-last": all_on(-1), "all-on-first": all_on(0), "random": random_split})


def bits(value):
    """The IEEE bits of a result (a Python float; float32 results are exact in it)."""
    return int(np.float64(value).view(np.uint64))


def run(ctx, x, y):
    return {
        "dot": oxpar.dot(x, y, ctx=ctx),
        "nrm2": oxpar.nrm2(x, ctx=ctx),
        "asum": oxpar.asum(x, ctx=ctx),
        "sum": oxpar.sum(x, ctx=ctx),
    }


def assert_same_bits(got, want, what):
    bad = {
        k: (got[k], hex(bits(got[k])), want[k], hex(bits(want[k]))) for k in REDUCTIONS if bits(got[k]) != bits(want[k])
    }
    assert not bad, f"{what}: (got, bits, want, bits) {bad}"


@pytest.fixture(scope="module")
def rctx():
    """An MPI context in reproducible mode, two threads per rank."""
    with oxpar.Context("mpi+threads:2", comm=WORLD, reproducible=True) as c:
        yield c


_REFERENCE = {}


def reference(dtype):
    """The data and a serial reproducible context's results on all of it."""
    key = np.dtype(dtype).name
    if key not in _REFERENCE:
        x, y = hostile(N, dtype)
        with oxpar.Context("serial", reproducible=True) as serial:
            want = run(serial, x, y)
        assert all(math.isfinite(v) for v in want.values()), want
        _REFERENCE[key] = (x, y, want)
    return _REFERENCE[key]


def test_the_hostile_data_defeat_ordinary_sums():
    x, y, want = reference(np.float64)
    # the correctly rounded sums, independently (math.fsum is correctly rounded)
    assert bits(want["sum"]) == bits(math.fsum(x.tolist()))
    assert bits(want["asum"]) == bits(math.fsum(np.abs(x).tolist()))
    assert want["sum"] != float(np.sum(x)) or want["dot"] != float(np.dot(x, y))


@pytest.mark.parametrize("split", sorted(REPRO_SPLITS))
def test_distributed_results_are_the_serial_bits(rctx, dtype, split):
    assert rctx.reproducible
    x, y, want = reference(dtype)
    mine = block(REPRO_SPLITS[split](N, SIZE), RANK)
    got = run(rctx, x[mine], y[mine])
    assert_same_bits(got, want, f"{dtype.name}, {split} split, {SIZE} rank(s)")


def test_strided_and_reversed_blocks(rctx, dtype):
    x, y, want = reference(dtype)
    mine = block(REPRO_SPLITS["random"](N, SIZE), RANK)
    assert_same_bits(run(rctx, x[mine][::-1], y[mine][::-1]), want, f"{dtype.name}, reversed blocks")
    big = np.full(3 * N, np.nan, dtype=dtype)
    xs = big[::3][: mine.stop - mine.start]
    xs[:] = x[mine]
    ys = np.ascontiguousarray(np.repeat(y[mine], 2))[::2]
    assert_same_bits(run(rctx, xs, ys), want, f"{dtype.name}, strided blocks")


def test_the_node_local_backend_does_not_matter(dtype):
    x, y, want = reference(dtype)
    mine = block(REPRO_SPLITS["uneven"](N, SIZE), RANK)
    with oxpar.Context("mpi+serial", comm=WORLD) as c:
        c.reproducible = True  # collective
        assert c.reproducible
        assert_same_bits(run(c, x[mine], y[mine]), want, f"{dtype.name}, mpi+serial")
        c.reproducible = False
        assert not c.reproducible


def test_known_exact_answers(rctx, dtype):
    n = 1001
    f64 = dtype == np.float64
    rng = np.random.default_rng(3)
    lo, hi = (-1000, 1000) if f64 else (-120, 120)
    v = np.ldexp(rng.uniform(1, 2, n // 2), rng.integers(lo, hi, n // 2)).astype(dtype)
    tiny = float(np.ldexp(3.0, -1074 if f64 else -149))
    x = np.concatenate([v, np.array([tiny], dtype=dtype), -v[::-1]])
    assert len(x) == n
    for split in sorted(REPRO_SPLITS):
        mine = block(REPRO_SPLITS[split](n, SIZE), RANK)
        # cancelling pairs over 2000 binades and one subnormal: exactly it
        assert bits(oxpar.sum(x[mine], ctx=rctx)) == bits(tiny), split
        assert bits(oxpar.dot(x[mine], np.ones(n, dtype=dtype)[mine], ctx=rctx)) == bits(tiny), split
        # an exact zero is +0.0
        z = x.copy()
        z[n // 2] = -0.0
        assert bits(oxpar.sum(z[mine], ctx=rctx)) == bits(0.0), split
        # +inf and -inf on different ranks (first and last element): NaN
        z[0], z[-1] = np.inf, -np.inf
        assert math.isnan(oxpar.sum(z[mine], ctx=rctx)), split
        z[-1] = 1.0
        assert oxpar.sum(z[mine], ctx=rctx) == math.inf, split
        assert oxpar.nrm2(z[mine], ctx=rctx) == math.inf, split


def test_switching_is_collective_and_ranks_must_agree():
    with oxpar.Context("mpi+threads:1", comm=WORLD) as c:
        for start in (True, False):
            c.reproducible = start
            assert c.reproducible is start
            if SIZE > 1:
                # rank 0 asks for one mode, the others for the other: every
                # rank raises, the mode stays
                for first in (True, False):
                    with pytest.raises(oxpar.InvalidArgumentError, match="disagree"):
                        c.reproducible = first if RANK == 0 else not first
                    assert c.reproducible is start
            c.reproducible = start  # the same everywhere: fine
            assert c.reproducible is start
        assert oxpar.dot(np.ones(3), np.ones(3), ctx=c) == 3.0 * SIZE


def outcome(fn):
    try:
        fn()
    except Exception as e:  # noqa: BLE001 - the tests look at it
        return e
    return None


def check_everywhere(err, bad_type, bad_match):
    """The bad rank raised `bad_type` matching `bad_match`; the others an
    oxpar error naming the bad rank."""
    if RANK == BAD:
        assert isinstance(err, bad_type), repr(err)
        assert bad_match in str(err), str(err)
    else:
        assert isinstance(err, oxpar.OxparError), repr(err)
        assert f"rank {BAD} of {SIZE}" in str(err), str(err)


def still_works(ctx):
    x, y, want = reference(np.float64)
    mine = block(REPRO_SPLITS["uneven"](N, SIZE), RANK)
    assert bits(oxpar.dot(x[mine], y[mine], ctx=ctx)) == bits(want["dot"])


def test_a_mistake_on_one_rank_raises_everywhere(rctx):
    assert rctx.reproducible
    x = np.ones(4)
    err = outcome(lambda: oxpar.dot(x, np.ones(5 if RANK == BAD else 4), ctx=rctx))
    check_everywhere(err, oxpar.ShapeMismatchError, "y: has 5 elements but x has 4")
    still_works(rctx)
    err = outcome(lambda: oxpar.sum(np.ones(3, dtype=np.int64 if RANK == BAD else np.float64), ctx=rctx))
    check_everywhere(err, TypeError, "int64")
    err = outcome(lambda: oxpar.nrm2(np.ones((2, 2)) if RANK == BAD else np.ones(2), ctx=rctx))
    check_everywhere(err, oxpar.ShapeMismatchError, "1-D")
    err = outcome(lambda: oxpar.asum(np.ones(4).view(np.int32) if RANK == BAD else np.ones(4), ctx=rctx))
    check_everywhere(err, TypeError, "int32")
    still_works(rctx)
    if SIZE > 1:
        # float32 on rank 0, float64 elsewhere: every rank raises
        err = outcome(lambda: oxpar.sum(np.ones(3, dtype=np.float32 if RANK == 0 else np.float64), ctx=rctx))
        assert isinstance(err, oxpar.InvalidArgumentError) and "same element type" in str(err), repr(err)
        assert "rank 0" in str(err) and "f32" in str(err) and "f64" in str(err), str(err)
        still_works(rctx)
    assert rctx.reproducible


# A value that is not a flag is a TypeError on the rank that passed it, and
# that rank still takes part in the collective switch (the bindings pass the
# library a value it rejects), so every other rank gets an error too instead
# of pairing with a later collective.
def test_a_bad_value_on_one_rank_raises_everywhere():
    with oxpar.Context("mpi+threads:1", comm=WORLD) as c:
        for start in (True, False):
            c.reproducible = start
            err = outcome(lambda: setattr(c, "reproducible", "yes" if RANK == BAD else not start))
            assert err is not None, "no error"
            if RANK == BAD:
                assert isinstance(err, TypeError), repr(err)
            else:
                assert isinstance(err, oxpar.OxparError), repr(err)
            assert c.reproducible is start
        err = outcome(lambda: oxpar.Context("mpi+serial", comm=WORLD, reproducible=2 if RANK == BAD else True).close())
        assert err is not None, "no error"
        assert oxpar.dot(np.ones(3), np.ones(3), ctx=c) == 3.0 * SIZE
