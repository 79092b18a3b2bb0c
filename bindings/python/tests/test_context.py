import numpy as np

import oxpar


def test_context_lifecycle():
    with oxpar.Context("threads", num_threads=3) as ctx:
        assert ctx.num_threads == 3
        assert ctx.backend == "threads"
        ctx.num_threads = 2
        assert ctx.num_threads == 2
        assert "num_threads=2" in repr(ctx)
        assert oxpar.dot(np.ones(5), np.ones(5), ctx=ctx) == 5.0
    assert "closed" in repr(ctx)
    assert oxpar.Context("serial").num_threads == 1


def test_version_and_abi():
    assert oxpar.__version__.count(".") == 2
    assert oxpar.ABI_VERSION >= 1


def test_mismatched_abi_is_refused_with_a_clear_message():
    import pytest

    from oxpar._ffi import check_abi

    check_abi(oxpar.ABI_VERSION, oxpar.ABI_VERSION)
    with pytest.raises(ImportError, match="ABI version 99.*reinstall"):
        check_abi(99, oxpar.ABI_VERSION)


def test_thread_counts_beyond_the_limit_raise_a_named_error(monkeypatch):
    import pytest

    assert oxpar.MAX_THREADS == 4096
    for n in (oxpar.MAX_THREADS + 1, 2**32, 2**64 - 1, 2**64, 10**30):
        with pytest.raises(oxpar.InvalidArgumentError, match="num_threads.*4096") as info:
            oxpar.Context("threads", num_threads=n)
        assert isinstance(info.value, ValueError)
    with oxpar.Context("threads:2") as ctx:
        with pytest.raises(ValueError, match="num_threads.*4096"):
            ctx.num_threads = 2**32
        assert ctx.num_threads == 2
    for spec in ("threads:4097", "threads:4294967296", "threads:18446744073709551616"):
        with pytest.raises(oxpar.InvalidArgumentError, match="spec.*4096"):
            oxpar.Context(spec)
    monkeypatch.setenv("OXPAR_NUM_THREADS", "1099511627776")
    with pytest.raises(oxpar.InvalidArgumentError, match="OXPAR_NUM_THREADS.*4096"):
        oxpar.Context("threads")
    monkeypatch.setenv("OXPAR_NUM_THREADS", "3")
    with oxpar.Context("threads") as ctx:
        assert ctx.num_threads == 3
