"""Ordinary float32 reductions accumulate in float64 and round once: checked
against math.fsum (exact, then rounded) on data a float32 accumulator gets
visibly wrong, on every host context."""

import math

import numpy as np
import pytest

import oxpar


def _cases():
    rng = np.random.default_rng(34418)
    ints = rng.integers(0, 1000, 34_418).astype(np.float32)
    mant = rng.integers(1, 1 << 20, 1_000_003).astype(np.float64)
    expo = rng.integers(-35, -5, 1_000_003)
    sign = np.where(rng.integers(0, 5, 1_000_003) < 2, -1.0, 1.0)
    mixed = (sign * np.ldexp(mant, expo)).astype(np.float32)
    return [
        ("34,418 small integers", ints, np.ones_like(ints)),
        ("mixed magnitudes, n = 10^6 + 3", mixed, mixed[::-1].copy()),
    ]


@pytest.mark.parametrize("spec", ["serial", "threads:1", "threads:2", "threads:3"])
def test_float32_reductions_match_fsum_within_one_rounding(spec):
    with oxpar.Context(spec) as ctx:
        for name, x, y in _cases():
            n = len(x)
            x64, y64 = x.astype(np.float64), y.astype(np.float64)
            prods = x64 * y64  # exact: a product of two float32 fits a float64
            want = {
                "dot": (math.fsum(prods), math.fsum(np.abs(prods))),
                "sum": (math.fsum(x64), math.fsum(np.abs(x64))),
                "asum": (math.fsum(np.abs(x64)), math.fsum(np.abs(x64))),
                "nrm2": (math.sqrt(math.fsum(x64 * x64)), math.sqrt(math.fsum(x64 * x64))),
            }
            got = {
                "dot": oxpar.dot(x, y, ctx=ctx),
                "sum": oxpar.sum(x, ctx=ctx),
                "asum": oxpar.asum(x, ctx=ctx),
                "nrm2": oxpar.nrm2(x, ctx=ctx),
            }
            for what, (exact, abs_sum) in want.items():
                bound = abs(exact) * 2.0**-24 * 1.0001 + n * abs_sum * 2.0**-53
                assert abs(got[what] - exact) <= bound, (
                    f"{name}, {spec}, {what}: {got[what]!r} against fsum {exact!r}"
                )
            # strided views take the element-by-element path: same promise
            xs = np.repeat(x, 2)[::2]
            exact, abs_sum = want["sum"]
            assert abs(oxpar.sum(xs, ctx=ctx) - exact) <= abs(exact) * 2.0**-24 * 1.0001 + n * abs_sum * 2.0**-53


def test_snrm2_of_small_integers_is_correctly_rounded():
    x = _cases()[0][1]
    exact = math.sqrt(math.fsum(x.astype(np.float64) ** 2))
    assert oxpar.nrm2(x) == float(np.float32(exact))
