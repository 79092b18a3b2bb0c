"""Reproducible mode: `dot`, `nrm2`, `asum` and `sum` on a context with
`reproducible=True` against an exact reference computed here with integers
(every float is m * 2^e, so sums and products of them are integers at a fine
enough scale), rounded correctly by code of this file (to nearest, ties to
even, subnormals, overflow to inf) for float64 and float32 alike (no double
rounding through float64), the square root for `nrm2` by `math.isqrt` with
an exact test of the midpoint. The reference itself is checked against
`fractions.Fraction` and `math.fsum`.

Data: exact cancellation over the whole exponent range, mixed magnitudes,
subnormals, random signs, values near the overflow threshold, ties; sizes 0,
1, odd ones and 100003; strided and reversed views; serial and threads:1/2/3
contexts bit for bit; the NaN/inf rules of `oxpar_core::repro`;
OXPAR_REPRODUCIBLE in a subprocess; an OpenCL context (arrays and Buffers)
when there is one.
"""

import math
import os
import subprocess
import sys
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import oxpar

F32, F64 = np.dtype(np.float32), np.dtype(np.float64)
SPECS = ["serial", "threads:1", "threads:2", "threads:3"]

# ---- the exact reference ----------------------------------------------------

# (significand bits, least normal exponent, greatest exponent) of each format.
FORMAT = {F64: (53, -1022, 1023), F32: (24, -126, 127)}
# Every finite float64 (so float32) is m * 2^e with integer m and e >= -1126
# as np.frexp gives them (m of 53 bits); B shifts every e to >= 0.
B = 1126


def _parts(a):
    """Signed integer significands and exponents: a[i] == m[i] * 2**e[i]."""
    m, e = np.frexp(np.asarray(a, dtype=np.float64))
    return (m * 2.0**53).astype(np.int64), e.astype(np.int64) - 53


def exact_sum(a, absolute=False):
    """sum(a) (or sum |a|) * 2**B as an integer, exactly."""
    m, e = _parts(a)
    if absolute:
        m = np.abs(m)
    if m.size == 0:
        return 0
    # Grouped by exponent in int64 without overflow: 27-bit halves.
    hi = m >> 26
    lo = m - (hi << 26)
    exps, inv = np.unique(e, return_inverse=True)
    acc_hi = np.zeros(len(exps), np.int64)
    acc_lo = np.zeros(len(exps), np.int64)
    np.add.at(acc_hi, inv, hi)
    np.add.at(acc_lo, inv, lo)
    total = 0
    for x, h, l in zip(exps.tolist(), acc_hi.tolist(), acc_lo.tolist()):
        total += ((h << 26) + l) << (x + B)
    return total


def exact_dot(x, y):
    """sum(x[i] * y[i]) * 2**(2B) as an integer, exactly."""
    mx, ex = _parts(x)
    my, ey = _parts(y)
    total = 0
    for a, b, c, d in zip(mx.tolist(), ex.tolist(), my.tolist(), ey.tolist()):
        if a and c:
            total += (a * c) << (b + d + 2 * B)
    return total


def _floor_log2(n, d):
    """floor(log2(n / d)) for positive integers."""
    e = n.bit_length() - d.bit_length()
    if (n << max(0, -e)) < (d << max(0, e)):
        e -= 1
    return e


def _finish(neg, m, q, dtype):
    p, emin, emax = FORMAT[dtype]
    if m and m.bit_length() + q - 1 > emax:
        v = math.inf
    else:
        v = math.ldexp(m, q)  # exact: m has at most p + 1 bits
    return dtype.type(-v if neg else v)


def round_ratio(n, d, dtype):
    """n / d (d > 0) correctly rounded to `dtype`; an exact 0 is +0.0."""
    p, emin, emax = FORMAT[dtype]
    if n == 0:
        return dtype.type(0.0)
    neg, n = n < 0, abs(n)
    q = max(_floor_log2(n, d), emin) - p + 1  # the exponent of the last bit
    num, den = (n, d << q) if q >= 0 else (n << -q, d)
    m, r = divmod(num, den)
    if 2 * r > den or (2 * r == den and m & 1):
        m += 1
    return _finish(neg, m, q, dtype)


def round_sqrt(n, d, dtype):
    """sqrt(n / d) (n >= 0, d > 0) correctly rounded to `dtype`."""
    p, emin, emax = FORMAT[dtype]
    if n == 0:
        return dtype.type(0.0)
    q = max(_floor_log2(n, d) // 2, emin) - p + 1
    num, den = (n, d << (2 * q)) if q >= 0 else (n << (-2 * q), d)
    m = math.isqrt(num // den)  # floor(sqrt(num / den))
    # Round to nearest: compare num/den with (m + 1/2)^2, exactly.
    lhs, rhs = 4 * num, (2 * m + 1) ** 2 * den
    if lhs > rhs or (lhs == rhs and m & 1):
        m += 1
    return _finish(False, m, q, dtype)


def _specials(values):
    """NaN / inf per repro.rs for a sum of `values` (a list of floats that may
    be NaN or infinite); None when every value is finite."""
    if any(math.isnan(v) for v in values):
        return math.nan
    pos = any(v == math.inf for v in values)
    neg = any(v == -math.inf for v in values)
    if pos and neg:
        return math.nan
    if pos:
        return math.inf
    if neg:
        return -math.inf
    return None


def ref(op, x, y=None):
    """The correctly rounded result of `op` on x (and y), in x's dtype."""
    dtype = x.dtype
    xs = x.astype(np.float64)
    if op == "dot":
        ys = y.astype(np.float64)
        prods = []
        for a, b in zip(xs.tolist(), ys.tolist()):
            if math.isnan(a) or math.isnan(b) or (math.isinf(a) and b == 0) or (math.isinf(b) and a == 0):
                prods.append(math.nan)
            elif math.isinf(a) or math.isinf(b):
                prods.append(math.copysign(math.inf, a) * math.copysign(1.0, b))
        s = _specials(prods)
        if s is not None:
            return dtype.type(s)
        return round_ratio(exact_dot(xs, ys), 1 << (2 * B), dtype)
    special = _specials(xs.tolist())
    if op == "sum":
        if special is not None:
            return dtype.type(special)
        return round_ratio(exact_sum(xs), 1 << B, dtype)
    if special is not None or np.isnan(xs).any():
        # asum and nrm2: NaN if an element is NaN, else +inf.
        return dtype.type(math.nan if np.isnan(xs).any() else math.inf)
    if op == "asum":
        return round_ratio(exact_sum(xs, absolute=True), 1 << B, dtype)
    return round_sqrt(exact_dot(xs, xs), 1 << (2 * B), dtype)


def call(op, x, y, ctx):
    if op == "dot":
        return oxpar.dot(x, y, ctx=ctx)
    return getattr(oxpar, op)(x, ctx=ctx)


def same(got, want, dtype):
    """Bit for bit (any NaN matches any NaN; +0.0 is not -0.0)."""
    g = np.array(got, dtype=np.float64).astype(dtype)
    w = np.array(want, dtype=dtype)
    if np.isnan(w):
        return bool(np.isnan(g))
    # The bindings return Python floats: a float32 result converts exactly.
    assert g.astype(np.float64) == np.float64(got) or np.isnan(got)
    return g.tobytes() == w.tobytes()


OPS = ["dot", "nrm2", "asum", "sum"]



def _sqrt_ties(dtype):
    """x with sum(x^2) = (2^p + 1)^2 exactly, whose square root 2^p + 1 lies
    halfway between two floats (to even: 2^p), and x with a tiny element
    more (rounds up to 2^p + 2). 2^(p+1) is one square (p odd) or two."""
    p = FORMAT[dtype][0]
    if p % 2:
        parts = [2.0**p, 2.0 ** ((p + 1) // 2), 1.0]
    else:
        parts = [2.0**p, 2.0 ** (p // 2), 2.0 ** (p // 2), 1.0]
    return dtype, np.array(parts, dtype), np.array(parts + [2.0**-40], dtype)


SQRT_TIES = [_sqrt_ties(F32), _sqrt_ties(F64)]


# ---- the reference checks itself -----------------------------------------------


def test_reference_against_fraction_and_fsum():
    rng = np.random.default_rng(1)
    for _ in range(300):
        n = int(rng.integers(0, 12))
        x = rng.standard_normal(n) * np.ldexp(1.0, rng.integers(-1070, 1000, n))
        y = rng.standard_normal(n) * np.ldexp(1.0, rng.integers(-500, 20, n))
        fs = sum((Fraction(v) for v in x.tolist()), Fraction(0))
        try:
            want = float(fs)  # Python rounds int / int correctly
        except OverflowError:
            want = math.copysign(math.inf, fs)
        assert ref("sum", x) == want or (want == 0 and ref("sum", x) == 0)
        try:
            assert ref("sum", x) == math.fsum(x.tolist())
        except OverflowError:
            pass
        fd = sum((Fraction(a) * Fraction(b) for a, b in zip(x.tolist(), y.tolist())), Fraction(0))
        try:
            want = float(fd)
        except OverflowError:
            want = math.copysign(math.inf, fd)
        assert ref("dot", x, y) == want
        # float32: the exact value rounded once, checked against the float32
        # neighbours of the float64 rounding.
        x32 = (rng.standard_normal(n) * np.ldexp(1.0, rng.integers(-155, 120, n))).astype(np.float32)
        r32 = ref("sum", x32)
        f = sum((Fraction(v) for v in x32.astype(np.float64).tolist()), Fraction(0))
        if np.isfinite(r32):
            lo = np.nextafter(r32, np.float32(-np.inf))
            hi = np.nextafter(r32, np.float32(np.inf))
            err = abs(Fraction(float(r32)) - f)
            for other in (lo, hi):
                if np.isfinite(other):
                    assert err <= abs(Fraction(float(other)) - f)
    # Known hard cases.
    assert ref("sum", np.array([1.0, 2.0**-24, 2.0**-80], np.float32)) == np.float32(1 + 2.0**-23)
    assert ref("sum", np.array([1.0, 2.0**-53], np.float64)) == 1.0  # a tie: to even
    assert ref("sum", np.array([1 + 2.0**-52, 2.0**-53])) == 1 + 2.0**-51
    assert ref("sum", np.array([2.0**-1074, 2.0**-1074])) == 2.0**-1073
    assert ref("nrm2", np.array([3.0, 4.0])) == 5.0
    assert ref("nrm2", np.array([2.0**-1074] * 4)) == 2.0**-1073
    assert ref("nrm2", np.array([1.0, 1.0])) == math.sqrt(2.0)  # libm's sqrt is correctly rounded
    assert ref("nrm2", np.array([1.5e308, 1.5e308])) == np.inf
    assert ref("sum", np.array([1.7e308, 1.7e308, -1.7e308])) == 1.7e308
    assert ref("nrm2", np.array([-5e-324])) == 5e-324
    # Ties of the square root: sqrt((2^p + 1)^2) = 2^p + 1 is halfway between
    # 2^p and 2^p + 2 (to even: 2^p); a little more rounds up.
    for dtype, tie, up in SQRT_TIES:
        assert ref("nrm2", tie) == dtype.type(2.0 ** FORMAT[dtype][0])
        assert ref("nrm2", up) == dtype.type(2.0 ** FORMAT[dtype][0] + 2)


# ---- hostile data ---------------------------------------------------------------


def random_floats(rng, n, dtype, lo, hi):
    """Full significands, random signs, exponents uniform in [lo, hi] (values
    below the normal range round into subnormals when made)."""
    p = FORMAT[dtype][0]
    m = rng.integers(1 << (p - 1), 1 << p, n).astype(np.float64)
    v = np.ldexp(m, rng.integers(lo, hi + 1, n) - (p - 1)) * rng.choice([-1.0, 1.0], n)
    return v.astype(dtype)


def hostile(rng, kind, n, dtype):
    """x and y of `n` elements of one kind of hostile data."""
    p, emin, emax = FORMAT[dtype]
    sub = emin - p + 1  # the least subnormal's exponent
    if kind == "cancel":
        # Pairs (a, -a) over the whole range, with y pairs (b, b): the exact
        # sums and dot products are those of a few small extras.
        h = n // 2
        a = random_floats(rng, h, dtype, sub, emax - 1)
        b = random_floats(rng, h, dtype, sub // 2, emax // 2 - 1)
        extra = random_floats(rng, n - 2 * h, dtype, -5, 5)
        x = np.concatenate([a, -a, extra])
        y = np.concatenate([b, b, random_floats(rng, n - 2 * h, dtype, -5, 5)])
    elif kind == "mixed":
        # 600+ binades (float32: its whole range), products without overflow.
        span = (-300, 300) if dtype == F64 else (-60, 60)
        x = random_floats(rng, n, dtype, *span)
        y = random_floats(rng, n, dtype, *span)
    elif kind == "subnormal":
        x = random_floats(rng, n, dtype, sub, emin + 2)
        y = random_floats(rng, n, dtype, -4, 4)
    elif kind == "huge":
        # Near the overflow threshold: sums overflow only if the exact value does.
        x = random_floats(rng, n, dtype, emax - 3, emax)
        x[: n // 2] = -np.abs(x[: n // 2])
        y = random_floats(rng, n, dtype, -2, 0)
    elif kind == "ties":
        # Exactly halfway cases under cancelling noise: 1 + 2^-p (to even: 1)
        # or 1 + 2^-(p-1) + 2^-p (to even: up), plus pairs that cancel.
        h = (n - min(n, 3)) // 2
        a = random_floats(rng, h, dtype, emin, emax - 1)
        core = [1.0, 2.0**-p] if rng.integers(2) else [1.0, 2.0 ** -(p - 1), 2.0**-p]
        core = np.array((core + [0.0, -0.0])[: n - 2 * h], dtype=dtype)
        x = np.concatenate([a, -a, core])
        y = np.ones(n, dtype)
    else:
        raise AssertionError(kind)
    perm = rng.permutation(n)
    return np.ascontiguousarray(x[perm]), np.ascontiguousarray(y[perm])


KINDS = ["cancel", "mixed", "subnormal", "huge", "ties"]


@pytest.fixture(scope="module")
def rctx():
    """Reproducible serial and threads:1/2/3 contexts."""
    ctxs = {s: oxpar.Context(s, reproducible=True) for s in SPECS}
    yield ctxs
    for c in ctxs.values():
        c.close()


@pytest.mark.parametrize("dtype", [F32, F64], ids=["f32", "f64"])
@pytest.mark.parametrize("kind", KINDS)
def test_hostile_data_is_correctly_rounded(rctx, kind, dtype):
    rng = np.random.default_rng(KINDS.index(kind) * 2 + (dtype == F64))
    sizes = [0, 1, 2, 3, 5, 17, 64, 101, 1000, 4097]
    for n in sizes + [int(v) for v in rng.integers(6, 3000, 6)]:
        x, y = hostile(rng, kind, n, dtype)
        for op in OPS:
            want = ref(op, x, y)
            for spec in ("serial", "threads:3"):
                got = call(op, x, y, rctx[spec])
                assert same(got, want, dtype), (kind, n, op, spec, got, want)


@pytest.mark.parametrize("dtype", [F32, F64], ids=["f32", "f64"])
def test_100003_elements_bitwise_everywhere(rctx, dtype):
    rng = np.random.default_rng(100003)
    for kind in ("cancel", "mixed"):
        x, y = hostile(rng, kind, 100003, dtype)
        for op in OPS:
            want = ref(op, x, y)
            results = {s: call(op, x, y, rctx[s]) for s in SPECS}
            bits = {s: np.array(r, dtype).tobytes() for s, r in results.items()}
            assert len(set(bits.values())) == 1, (kind, op, results)
            assert same(results["serial"], want, dtype), (kind, op, results["serial"], want)


@pytest.mark.parametrize("dtype", [F32, F64], ids=["f32", "f64"])
def test_threads_and_serial_agree_bit_for_bit(rctx, dtype):
    rng = np.random.default_rng(7)
    for kind in KINDS:
        for n in [0, 1, 17, 333, 2049, 30001]:
            x, y = hostile(rng, kind, n, dtype)
            for op in OPS:
                r = np.array([call(op, x, y, rctx[s]) for s in SPECS], dtype=np.float64)
                if np.isnan(r[0]):
                    assert np.isnan(r).all(), (kind, n, op, r)
                else:
                    assert len(set(r.astype(dtype).view(np.uint64 if dtype == F64 else np.uint32).tolist())) == 1, (
                        kind, n, op, r)


@pytest.mark.parametrize("dtype", [F32, F64], ids=["f32", "f64"])
def test_strided_and_reversed_views(rctx, dtype):
    rng = np.random.default_rng(3)
    for kind in ("cancel", "mixed", "ties"):
        for n in [1, 17, 1000, 6001]:
            x, y = hostile(rng, kind, 3 * n, dtype)
            views = [(x[::3], y[::3]), (x[::-1], y[::-1]), (x[1::-2][:n], y[1::-2][:n]), (x[::-3], y[2::3])]
            for xv, yv in views:
                xc, yc = np.ascontiguousarray(xv), np.ascontiguousarray(yv)
                for op in OPS:
                    want = ref(op, xc, yc)
                    for spec in ("threads:2", "threads:3"):
                        got = call(op, xv, yv, rctx[spec])
                        assert same(got, want, dtype), (kind, n, op, spec, xv.strides)


# Hypothesis: any finite floats (subnormals included).
def _floats(width):
    return st.lists(st.floats(allow_nan=False, allow_infinity=False, width=width), max_size=40)


SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(xs=_floats(64), ys=_floats(64), data=st.data())
def test_hypothesis_f64(rctx, xs, ys, data):
    n = min(len(xs), len(ys))
    x, y = np.array(xs[:n], F64), np.array(ys[:n], F64)
    spec = data.draw(st.sampled_from(SPECS))
    for op in OPS:
        assert same(call(op, x, y, rctx[spec]), ref(op, x, y), F64), (op, spec)
    try:
        assert oxpar.sum(x, ctx=rctx[spec]) == math.fsum(xs[:n])
    except OverflowError:  # fsum's intermediate overflow
        pass


@SETTINGS
@given(xs=_floats(32), ys=_floats(32), data=st.data())
def test_hypothesis_f32(rctx, xs, ys, data):
    n = min(len(xs), len(ys))
    x, y = np.array(xs[:n], F32), np.array(ys[:n], F32)
    spec = data.draw(st.sampled_from(SPECS))
    for op in OPS:
        assert same(call(op, x, y, rctx[spec]), ref(op, x, y), F32), (op, spec)


@SETTINGS
@given(
    xs=st.lists(st.sampled_from([0.0, -0.0, 1.0, -2.5, 1e300, -1e300, 5e-324, math.inf, -math.inf, math.nan]),
                max_size=12),
    ys=st.lists(st.sampled_from([0.0, -0.0, 1.0, -3.0, 1e10, math.inf, -math.inf, math.nan]), max_size=12),
    dtype=st.sampled_from([F32, F64]),
)
def test_nan_and_inf_rules(rctx, xs, ys, dtype):
    n = min(len(xs), len(ys))
    with np.errstate(over="ignore", under="ignore"):
        x, y = np.array(xs[:n], dtype), np.array(ys[:n], dtype)
    for op in OPS:
        assert same(call(op, x, y, rctx["threads:2"]), ref(op, x, y), dtype), (op, x, y)


def test_documented_values(rctx):
    inf, nan = math.inf, math.nan
    for c in rctx.values():
        assert oxpar.sum(np.array([1e100, 1.0, -1e100]), ctx=c) == 1.0
        assert oxpar.dot(np.array([1e200, 1.0, -1e200]), np.array([1e200, 1.0, 1e200]), ctx=c) == 1.0
        assert oxpar.sum(np.array([1.0, 2.0**-24, 2.0**-80], np.float32), ctx=c) == 1 + 2.0**-23
        assert math.isnan(oxpar.sum(np.array([inf, -inf]), ctx=c))
        assert math.isnan(oxpar.dot(np.array([inf, 1.0]), np.array([0.0, 1.0]), ctx=c))
        assert oxpar.dot(np.array([-inf, 1.0]), np.array([2.0, 1.0]), ctx=c) == -inf
        assert oxpar.nrm2(np.array([-inf, 1.0]), ctx=c) == inf
        assert math.isnan(oxpar.nrm2(np.array([nan, inf]), ctx=c))
        assert oxpar.asum(np.array([inf, -inf]), ctx=c) == inf
        for dtype, tie, up in SQRT_TIES:
            assert oxpar.nrm2(tie, ctx=c) == 2.0 ** FORMAT[dtype][0]
            assert oxpar.nrm2(up, ctx=c) == 2.0 ** FORMAT[dtype][0] + 2
        for z in (oxpar.sum(np.array([-0.0, -0.0]), ctx=c), oxpar.sum(np.zeros(0), ctx=c),
                  oxpar.dot(np.array([-0.0]), np.array([1.0]), ctx=c), oxpar.sum(np.array([1.0, -1.0]), ctx=c)):
            assert z == 0.0 and math.copysign(1.0, z) == 1.0


# ---- the switch ----------------------------------------------------------------


def test_property_and_constructor():
    env = os.environ.get("OXPAR_REPRODUCIBLE")
    with oxpar.Context("threads:2") as c:
        if env is None:
            assert c.reproducible is False
        c.reproducible = False
        x = np.array([1e100, 1.0, -1e100])
        assert oxpar.sum(x, ctx=c) == 0.0  # the ordinary sum
        c.reproducible = True
        assert c.reproducible is True
        assert oxpar.sum(x, ctx=c) == 1.0
        assert "reproducible" in repr(c)
        c.num_threads = 3
        assert c.reproducible is True
        for bad in (2, -1, "yes", None, 1.0):
            with pytest.raises(TypeError, match="reproducible"):
                c.reproducible = bad
        assert c.reproducible is True
        c.reproducible = np.bool_(False)
        assert c.reproducible is False
        c.reproducible = 1
        assert c.reproducible is True
    with pytest.raises(oxpar.NullPointerError):
        c.reproducible  # noqa: B018 (closed)
    with oxpar.Context("serial", reproducible=True) as c:
        assert c.reproducible
    with oxpar.Context("serial", reproducible=False) as c:
        assert not c.reproducible
    with pytest.raises(TypeError, match="reproducible"):
        oxpar.Context("serial", reproducible="on")


def test_ordinary_sum(ctx, dtype):
    rng = np.random.default_rng(5)
    x = rng.integers(-1000, 1000, 5001).astype(dtype) / 64  # exact sums
    ctx.reproducible = False
    assert oxpar.sum(x, ctx=ctx) == float(np.sum(x.astype(np.float64)))
    assert oxpar.sum(x[::-7], ctx=ctx) == float(np.sum(x[::-7].astype(np.float64)))
    assert oxpar.sum(np.zeros(0, dtype), ctx=ctx) == 0.0
    with pytest.raises(TypeError):
        oxpar.sum(np.arange(5), ctx=ctx)


def test_environment_variable():
    code = r"""
import numpy as np, oxpar
c = oxpar.Context("threads:2")
assert c.reproducible is True, "OXPAR_REPRODUCIBLE=1 did not switch a new context on"
assert oxpar.sum(np.array([1e100, 1.0, -1e100]), ctx=c) == 1.0
assert oxpar.sum(np.array([1e100, 1.0, -1e100])) == 1.0  # the default context too
assert oxpar.Context("serial", reproducible=False).reproducible is False
print("ok")
"""
    env = dict(os.environ, OXPAR_REPRODUCIBLE="1")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, env=env)
    assert run.returncode == 0 and "ok" in run.stdout, run.stderr
    bad = r"""
import oxpar
try:
    oxpar.Context("serial")
except oxpar.InvalidArgumentError as e:
    print("raised:", e)
"""
    env["OXPAR_REPRODUCIBLE"] = "perhaps"
    run = subprocess.run([sys.executable, "-c", bad], capture_output=True, text=True, timeout=120, env=env)
    assert run.returncode == 0, run.stderr
    assert "raised:" in run.stdout and "OXPAR_REPRODUCIBLE" in run.stdout and "perhaps" in run.stdout, run.stdout


# ---- OpenCL --------------------------------------------------------------------


@pytest.fixture(scope="module")
def cl():
    try:
        c = oxpar.Context("opencl", reproducible=True)
    except oxpar.BackendUnavailableError as e:
        pytest.skip(f"no OpenCL: {e}")
    yield c
    c.close()


@pytest.mark.parametrize("dtype", [F32, F64], ids=["f32", "f64"])
def test_opencl_matches_serial(cl, rctx, dtype):
    if dtype == F64:
        with oxpar.to_device(np.ones(2), cl) as b:
            try:
                oxpar.dot(b, b)
            except oxpar.UnsupportedError as e:
                pytest.skip(f"no double precision on this device: {e}")
    rng = np.random.default_rng(11)
    for kind in KINDS:
        for n in [0, 1, 17, 1000, 100003 if kind in ("cancel", "mixed") else 2049]:
            x, y = hostile(rng, kind, n, dtype)
            bx, by = oxpar.to_device(x, cl), oxpar.to_device(y, cl)
            try:
                for op in OPS:
                    want = call(op, x, y, rctx["serial"])
                    assert same(want, ref(op, x, y), dtype)
                    assert same(call(op, x, y, cl), want, dtype), (kind, n, op, "host arrays")
                    assert same(call(op, bx, by, cl), want, dtype), (kind, n, op, "buffers")
            finally:
                bx.close()
                by.close()
    # The ordinary buffer sum.
    cl.reproducible = False
    try:
        with oxpar.to_device(np.array([1.0, 2.0, 3.5], dtype), cl) as b:
            assert oxpar.sum(b) == 6.5
    finally:
        cl.reproducible = True
