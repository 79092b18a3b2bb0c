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
