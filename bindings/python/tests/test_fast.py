"""The C fast path (oxpar._fast) against blas.py's implementation it stands in
for: the same results, the same changes to the arrays written, the same
exceptions (type and message) for every kind of bad call, and a default
context that stays current across fork, close and replacement."""

import inspect
import multiprocessing as mp

import numpy as np
import pytest

import oxpar
from oxpar import blas, context

ROUTINES = ("dot", "nrm2", "asum", "axpy", "scal", "gemv", "gemm")


def outcome(fn, args, kwargs):
    """What `fn(*args, **kwargs)` returns or raises, with the contents of the
    arrays it was given afterwards."""
    try:
        result = ("ok", fn(*args, **kwargs))
    except Exception as e:  # noqa: BLE001 (compared, not swallowed)
        result = ("raised", type(e), str(e))
    arrays = [a.copy() for a in (*args, *kwargs.values()) if isinstance(a, np.ndarray)]
    return result, arrays


def assert_same(name, make):
    """oxpar.<name> (C) and blas.<name> (Python) agree exactly on `make()`'s
    call. Both run on the same arrays (the kernels' summation order may
    depend on alignment), whose contents are put back in between."""
    args, kwargs = make()
    given = [a for a in (*args, *kwargs.values()) if isinstance(a, np.ndarray)]
    saved = [a.copy() for a in given]
    fast, fast_arrays = outcome(getattr(oxpar, name), args, kwargs)
    for a, s in zip(given, saved):
        if a.flags.writeable:
            np.copyto(a, s)
    slow, slow_arrays = outcome(getattr(blas, name), args, kwargs)
    assert fast[0] == slow[0], (fast, slow)
    if fast[0] == "raised":
        assert fast[1:] == slow[1:]
    else:
        f, s = fast[1], slow[1]
        assert type(f) is type(s)
        if isinstance(f, np.ndarray):
            assert f.dtype == s.dtype and f.shape == s.shape and f.strides == s.strides
            np.testing.assert_array_equal(f, s)
        else:
            assert f == s or (f != f and s != s)
    assert len(fast_arrays) == len(slow_arrays)
    for f, s in zip(fast_arrays, slow_arrays):
        np.testing.assert_array_equal(f, s)


def test_the_fast_functions_are_installed_with_blas_signatures():
    for name in ROUTINES:
        fast, slow = getattr(oxpar, name), getattr(blas, name)
        assert fast is not slow
        assert inspect.getdoc(fast) == inspect.getdoc(slow)
        strip = [p.replace(annotation=inspect.Parameter.empty) for p in inspect.signature(slow).parameters.values()]
        assert list(inspect.signature(fast).parameters.values()) == strip


def _rng():
    return np.random.default_rng(7)


def vectors(n, dtype, step=1, reverse=False):
    """Two views of length n with element stride `step` (negative: reversed)."""
    r = _rng()
    x = r.standard_normal(n * step).astype(dtype)[::step]
    y = r.standard_normal(n * step).astype(dtype)[::step]
    return (x[::-1], y[::-1]) if reverse else (x, y)


LAYOUTS = [(1, False), (3, False), (1, True), (2, True)]


@pytest.mark.parametrize("n", [0, 1, 7, 100, 5000])
@pytest.mark.parametrize("step,reverse", LAYOUTS)
@pytest.mark.parametrize("with_ctx", [False, True])
def test_level1_valid_calls_agree(n, step, reverse, with_ctx, dtype, ctx):
    kw = {"ctx": ctx} if with_ctx else {}
    vec = lambda: vectors(n, dtype, step, reverse)  # noqa: E731
    assert_same("dot", lambda: (vec(), kw))
    assert_same("nrm2", lambda: ((vec()[0],), kw))
    assert_same("asum", lambda: ((vec()[0],), kw))
    assert_same("axpy", lambda: ((0.5, *vec()), kw))
    assert_same("axpy", lambda: ((2, *vec()), kw))
    assert_same("scal", lambda: ((-1.5, vec()[0]), kw))
    assert_same("dot", lambda: ((), {"x": vec()[0], "y": vec()[1], **kw}))


def matrices(m, n, dtype, order):
    a = _rng().standard_normal((m, n)).astype(dtype)
    if order == "F":
        return np.asfortranarray(a)
    if order == "strided":
        return np.ascontiguousarray(np.repeat(np.repeat(a, 2, 0), 3, 1))[::2, ::3]
    if order == "reversed":
        return a[::-1, ::-1]
    return a


ORDERS = ["C", "F", "strided", "reversed"]


@pytest.mark.parametrize("m,n", [(0, 0), (1, 1), (3, 5), (8, 8), (33, 17), (100, 100)])
@pytest.mark.parametrize("order", ORDERS)
@pytest.mark.parametrize("trans", [False, True])
def test_gemv_valid_calls_agree(m, n, order, trans, dtype, ctx):
    rows, cols = (n, m) if trans else (m, n)
    x = lambda: _rng().standard_normal(cols).astype(dtype)  # noqa: E731
    a = lambda: matrices(m, n, dtype, order)  # noqa: E731
    assert_same("gemv", lambda: ((a(), x()), {"trans": trans}))
    assert_same("gemv", lambda: ((a(), x()), {"trans": trans, "ctx": ctx, "alpha": 2.0}))
    y = lambda: np.ones(rows, dtype)  # noqa: E731
    assert_same("gemv", lambda: ((a(), x(), y()), {"trans": trans, "beta": 0.5, "ctx": ctx}))
    assert_same("gemv", lambda: ((a(), x()), {"y": np.ones(2 * rows, dtype)[::-2], "beta": 1, "trans": trans}))


@pytest.mark.parametrize("m,n,k", [(0, 0, 0), (1, 1, 1), (8, 8, 8), (5, 3, 7), (32, 32, 32), (100, 100, 100)])
@pytest.mark.parametrize("order", ORDERS)
@pytest.mark.parametrize("trans_a,trans_b", [(False, False), (True, False), (False, True), (True, True)])
def test_gemm_valid_calls_agree(m, n, k, order, trans_a, trans_b, dtype, ctx):
    a = lambda: matrices(*((k, m) if trans_a else (m, k)), dtype, order)  # noqa: E731
    b = lambda: matrices(*((n, k) if trans_b else (k, n)), dtype, "C")  # noqa: E731
    t = {"trans_a": trans_a, "trans_b": trans_b}
    assert_same("gemm", lambda: ((a(), b()), t))
    assert_same("gemm", lambda: ((a(), b()), {**t, "ctx": ctx, "alpha": -1}))
    assert_same("gemm", lambda: ((a(), b(), np.ones((m, n), dtype, order="F")), {**t, "beta": 2.0, "ctx": ctx}))
    assert_same("gemm", lambda: ((a(), b()), {**t, "out": matrices(m, n, dtype, order), "beta": 0.5}))


@pytest.mark.parametrize("cdtype", [np.complex64, np.complex128])
@pytest.mark.parametrize("m,n,k", [(0, 0, 0), (1, 1, 1), (5, 3, 7), (33, 17, 9)])
@pytest.mark.parametrize("trans", [False, "C"])
def test_complex_calls_fall_back_and_agree(cdtype, m, n, k, trans, ctx):
    """The fast path takes real arrays only: complex calls of its routines
    pass to blas.py unchanged, with the same results (and NumPy's)."""
    rng = _rng()

    def c(*shape):
        return (rng.standard_normal(shape) + 1j * rng.standard_normal(shape)).astype(cdtype)

    a, b, x = c(*((k, m) if trans else (m, k))), c(k, n), c(k)
    assert_same("gemm", lambda: ((a.copy(), b.copy()), {"trans_a": trans, "alpha": 1 - 2j, "ctx": ctx}))
    assert_same("gemv", lambda: ((a.copy(), x.copy()), {"trans": trans}))
    assert_same("axpy", lambda: ((0.5j, x.copy(), x[::-1].copy()), {}))
    assert_same("scal", lambda: ((2 + 1j, x.copy()), {"ctx": ctx}))
    assert_same("nrm2", lambda: ((x.copy(),), {}))
    assert_same("asum", lambda: ((x[::2].copy(),), {}))
    op_a = a.conj().T if trans else a
    tol = dict(rtol=1e-4, atol=1e-4 * (k + 1))
    np.testing.assert_allclose(oxpar.gemm(a, b, trans_a=trans), op_a @ b, **tol)
    np.testing.assert_allclose(oxpar.nrm2(x), np.linalg.norm(x), **tol)


F64, F32 = np.float64, np.float32


def _read_only(a):
    a.flags.writeable = False
    return a


def _zero_stride(n):
    # A written array whose elements share one address (liboxpar rejects it).
    return np.lib.stride_tricks.as_strided(np.ones(1), shape=(n,), strides=(0,))


def _odd_stride(n):
    # Strides that are not a whole number of elements.
    return np.ndarray((n,), F64, buffer=bytearray(8 * 2 * n), strides=(12,))


BAD_CALLS = {
    "dot": [
        ((np.ones(3), np.ones(3, F32)), {}),  # dtype mix
        ((np.arange(3), np.arange(3)), {}),  # integer dtype
        ((np.ones(3), np.ones(4)), {}),  # length mismatch
        ((np.ones((2, 2)), np.ones((2, 2))), {}),  # 2-D
        (([1.0, 2.0], [3.0, 4.0]), {}),  # lists (converted)
        (([1, 2], np.ones(2)), {}),  # list of ints
        ((np.ones(3), np.ones(3)), {"ctx": "threads"}),  # not a Context
        ((np.ones(3),), {}),  # missing argument
        ((np.ones(3), np.ones(3), np.ones(3)), {}),  # too many
        ((np.ones(3), np.ones(3)), {"context": None}),  # unknown keyword
        ((np.ones(3),), {"x": np.ones(3), "y": np.ones(3)}),  # given twice
        ((np.ones(3, ">f8"), np.ones(3, ">f8")), {}),  # byte order
        ((_odd_stride(3), np.ones(3)), {}),
        ((np.ones(3, np.float16), np.ones(3, np.float16)), {}),
        ((np.ones(3).view(np.matrix), np.ones(3)), {}),  # a subclass
    ],
    "nrm2": [((np.ones(3, complex),), {}), ((np.ones((2, 2)),), {}), (([3.0, 4.0],), {}), ((_odd_stride(4),), {})],
    "asum": [((np.ones(3, np.int32),), {}), ((), {}), ((np.ones(3),), {"ctx": 1})],
    "axpy": [
        ((2.0, np.ones(3), _read_only(np.ones(3))), {}),  # read-only y
        ((2.0, np.ones(3), [1.0, 2.0, 3.0]), {}),  # y not an array
        ((2.0, np.ones(3), np.ones(4)), {}),
        (("x", np.ones(3), np.ones(3)), {}),  # alpha not a number
        (("2.5", np.ones(3), np.ones(3)), {}),  # a string float() reads
        ((None, np.ones(3), np.ones(3)), {}),
        ((2**2000, np.ones(3), np.ones(3)), {}),  # too large for a double
        ((np.float32(2.0), np.ones(3), np.ones(3)), {}),
        ((2.0, np.ones(3), _zero_stride(3)), {}),  # overlapping y: liboxpar's error
        ((2.0, np.ones(3, F32), np.ones(3)), {}),
        ((2.0, [1.0, 2.0, 3.0], np.ones(3)), {}),
    ],
    "scal": [
        ((2.0, _read_only(np.ones(3))), {}),
        ((2.0, [1.0]), {}),
        ((2.0, _zero_stride(4)), {}),
        ((1j, np.ones(3)), {}),
        ((2.0, np.ones(3, np.int64)), {}),
    ],
    "gemv": [
        ((np.ones((2, 3)), np.ones(2)), {}),  # x of the wrong length
        ((np.ones((2, 3)), np.ones(2)), {"trans": True, "y": np.ones(2)}),  # y of the wrong length
        ((np.ones((2, 3)), np.ones(3)), {"beta": 1.0}),  # beta without y
        ((np.ones((2, 3)), np.ones(3)), {"beta": float("nan")}),
        ((np.ones((2, 3)), np.ones(3), _read_only(np.ones(2))), {}),
        ((np.ones((2, 3)), np.ones(3), _zero_stride(2)), {}),
        ((np.ones((2, 3)), np.ones(3, F32)), {}),
        ((np.ones((2, 3), F32), np.ones(3, F32), np.ones(2)), {}),
        ((np.ones(3), np.ones(3)), {}),  # 1-D a
        ((np.ones((2, 3)), np.ones(3)), {"trans": 1}),  # truthy, not a bool
        ((np.ones((2, 3)), np.ones(3)), {"trans": "yes", "alpha": "2"}),
        ((np.ones((2, 3)), np.ones(3)), {"alpha": [1.0]}),
        (([[1.0, 2.0]], [1.0, 1.0]), {}),
        ((np.ones((2, 3)), np.ones(3)), {"y": None, "beta": 0}),
        ((np.ones((2, 3)), np.ones(3)), {"transpose": True}),
    ],
    "gemm": [
        ((np.ones((2, 3)), np.ones((2, 3))), {}),  # inner dimensions
        ((np.ones((2, 3)), np.ones((3, 4)), np.ones((2, 3))), {}),  # out's shape
        ((np.ones((2, 3)), np.ones((3, 4))), {"beta": 1}),
        ((np.ones((2, 3)), np.ones((3, 4)), _read_only(np.ones((2, 4)))), {}),
        ((np.ones((2, 2)), np.ones((2, 2)), np.lib.stride_tricks.as_strided(np.ones(2), (2, 2), (8, 0))), {}),
        ((np.ones((2, 2)), np.ones((2, 2), F32)), {}),
        ((np.ones((2, 2)), np.ones((2, 2)), np.ones((2, 2), F32)), {}),
        ((np.ones((2, 2)), np.ones((2, 2)), [[0.0, 0.0]]), {}),
        ((np.ones(2), np.ones((2, 2))), {}),
        ((np.ones((2, 2)), np.ones((2, 2))), {"trans_a": None}),
        ((np.ones((2, 2)), np.ones((2, 2))), {"alpha": "x"}),
        ((np.ones((2, 2)), np.ones((2, 2))), {"ctx": object()}),
        ((np.ones((2, 2, 2)), np.ones((2, 2))), {}),
        ((), {"a": np.ones((2, 2)), "b": np.ones((2, 2)), "c": np.ones((2, 2))}),
    ],
}


@pytest.mark.parametrize("name,case", [(n, c) for n, cases in BAD_CALLS.items() for c in cases])
def test_other_calls_agree(name, case):
    args, kwargs = case

    assert_same(name, lambda: (args, kwargs))


def test_closed_and_replaced_default_context():
    x = np.ones(5)
    old = oxpar.default_context()
    try:
        old.close()
        for name, args in (("dot", (x, x)), ("nrm2", (x,)), ("scal", (2.0, x.copy())),
                           ("gemm", (np.ones((2, 2)), np.ones((2, 2))))):
            assert_same(name, lambda a=args: (a, {}))
            with pytest.raises(oxpar.NullPointerError, match="ctx: the Context is closed"):
                getattr(oxpar, name)(*args)
        context._default = oxpar.Context("serial")  # a replacement
        assert oxpar.dot(x, x) == 5.0
        assert oxpar.default_context().backend == "serial"
    finally:
        context._default.close()
        context._default = None
    assert oxpar.dot(x, x) == 5.0  # a fresh default context, created by the fallback
    assert oxpar.default_context().backend == "threads"


def test_closed_context_argument():
    c = oxpar.Context("serial")
    c.close()
    assert_same("dot", lambda: ((np.ones(2), np.ones(2)), {"ctx": c}))
    assert_same("gemv", lambda: ((np.ones((2, 2)), np.ones(2)), {"ctx": c}))


def _child():
    x = np.arange(1000.0)
    a = np.ones((50, 50))
    return oxpar.dot(x, x), float(oxpar.gemm(a, a)[0, 0]), oxpar.nrm2(np.array([3.0, 4.0]))


def test_forked_child_uses_a_fresh_default_context():
    oxpar.dot(np.ones(10), np.ones(10))  # the parent's default context exists
    with mp.get_context("fork").Pool(2) as pool:
        got = pool.apply_async(_child).get(timeout=120)
    assert got == (float(np.dot(np.arange(1000.0), np.arange(1000.0))), 50.0, 5.0)


def test_long_calls_release_the_gil():
    # The threshold: a call of this size goes through the C path and must
    # leave other Python threads running (see test_gil.py for gemm).
    import threading
    import time

    n = 4_000_000
    x = np.ones(n)
    done = threading.Event()
    ticks = 0

    def work():
        for _ in range(20):
            oxpar.dot(x, x, ctx=c)
        done.set()

    with oxpar.Context("threads:1") as c:
        t = threading.Thread(target=work)
        t.start()
        while not done.is_set():
            ticks += 1
            time.sleep(0)
        t.join()
    assert ticks > 20, ticks


def python_calls(fn):
    """The Python functions (file, name) that run during `fn()`."""
    seen = []

    def profile(frame, event, arg):
        if event == "call":
            seen.append((frame.f_code.co_filename.rsplit("/", 1)[-1], frame.f_code.co_name))

    import sys

    sys.setprofile(profile)
    try:
        fn()
    finally:
        sys.setprofile(None)
    return seen


@pytest.mark.parametrize("dt", [F32, F64])
def test_common_calls_stay_in_c(dt):
    # No Python code runs for these: they are what the fast path is for.
    x, y = np.ones(9, dt), np.ones(9, dt)
    a, b, c = np.ones((3, 3), dt), np.asfortranarray(np.ones((3, 3), dt)), np.ones((3, 3), dt)
    ctx = oxpar.default_context()
    calls = [
        lambda: oxpar.dot(x, y),
        lambda: oxpar.dot(x[::-2], y[::2], ctx=ctx),
        lambda: oxpar.nrm2(x[::3]),
        lambda: oxpar.asum(x, ctx=ctx),
        lambda: oxpar.axpy(2.0, x, y),
        lambda: oxpar.axpy(3, x[::-1], y, ctx=ctx),
        lambda: oxpar.scal(np.float64(0.5), y),
        lambda: oxpar.gemv(a, x[:3]),
        lambda: oxpar.gemv(b, x[:3], y[:3], beta=1.0, trans=True, ctx=ctx),
        lambda: oxpar.gemm(a, b),
        lambda: oxpar.gemm(a.T, b[::-1], c, alpha=2, beta=0.5, trans_a=True, ctx=ctx),
        lambda: oxpar.gemm(a, b, out=np.empty((3, 3), dt, order="F")),
        lambda: oxpar.dot(x[:0], y[:0]),
    ]
    for call in calls:
        assert [c for c in python_calls(call) if c[0] != "test_fast.py"] == []


def test_other_calls_take_the_python_path():
    x = np.ones(3)
    for name, call in (("dot", lambda: oxpar.dot(x, [1.0, 2.0, 3.0])), ("scal", lambda: oxpar.scal(np.float32(2.0), x)),
                       ("gemv", lambda: oxpar.gemv(np.ones((3, 3)), x, trans=1))):
        assert ("blas.py", name) in python_calls(call)
