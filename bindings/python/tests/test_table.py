"""The Python functions agree with the routine table they are made from."""

import inspect

import pytest

import oxpar
from oxpar import _fastpath
from oxpar._routines import HELPER_ROUTINES, ROUTINES


def positional(fn):
    """The parameters before `*`, with `=None` marking a default of None."""
    names = []
    for p in inspect.signature(fn).parameters.values():
        if p.kind is not inspect.Parameter.POSITIONAL_OR_KEYWORD:
            break
        names.append(p.name + ("=None" if p.default is None else ""))
    return tuple(names)


@pytest.mark.parametrize("name", sorted(HELPER_ROUTINES))
def test_blas_functions_take_the_tables_positional_arguments(name):
    assert positional(getattr(oxpar.blas, name)) == HELPER_ROUTINES[name]["positional"]
    public = getattr(oxpar, name)
    if name in _fastpath.ROUTINES:
        # The C fast path, which hands every other call to blas.py's function.
        assert public is getattr(_fastpath, name)
        assert positional(public) == HELPER_ROUTINES[name]["positional"]
    else:
        assert public is getattr(oxpar.blas, name)


@pytest.mark.parametrize("name", sorted(ROUTINES))
def test_structured_functions_take_the_tables_positional_arguments(name):
    assert positional(getattr(oxpar, name)) == ROUTINES[name]["positional"]


def test_every_routine_is_described_once():
    assert not set(HELPER_ROUTINES) & set(ROUTINES)
    for spec in [*HELPER_ROUTINES.values(), *ROUTINES.values()]:
        assert set(spec["c"]) == set(spec["types"])
