"""Type information ships with the package: py.typed, annotations on every
public function and the generated stub of the table's routines, which must
say what the functions made at import time take."""

import ast
import inspect
import os

import pytest

import oxpar
from oxpar import _structured

PACKAGE = os.path.dirname(oxpar.__file__)


def test_py_typed_is_installed():
    assert os.path.isfile(os.path.join(PACKAGE, "py.typed"))


def unannotated(fn):
    """The parameters of `fn` without an annotation (and "return" if it has none)."""
    sig = inspect.signature(fn)
    missing = [p.name for p in sig.parameters.values() if p.annotation is inspect.Parameter.empty
               and p.name != "self"]
    if sig.return_annotation is inspect.Signature.empty and fn.__name__ != "__init__":
        missing.append("return")
    return missing


@pytest.mark.parametrize("name", [n for n in oxpar.__all__ if n not in _structured.__all__])
def test_public_functions_are_annotated(name):
    obj = getattr(oxpar, name)
    if inspect.isfunction(obj):
        assert unannotated(obj) == [], name
    elif inspect.isclass(obj) and "__init__" in vars(obj) and inspect.isfunction(obj.__init__):
        assert unannotated(obj.__init__) == [], name


def stub_signatures():
    tree = ast.parse(open(os.path.join(PACKAGE, "_structured.pyi")).read())
    return {f.name: f for f in tree.body if isinstance(f, ast.FunctionDef)}


def test_the_stub_has_every_routine_with_its_parameters():
    stubs = stub_signatures()
    assert sorted(stubs) == sorted(_structured.__all__)
    for name in _structured.__all__:
        params = inspect.signature(getattr(oxpar, name)).parameters.values()
        f = stubs[name]
        positional = [a.arg for a in f.args.args]
        keywords = [a.arg for a in f.args.kwonlyargs]
        assert positional == [p.name for p in params if p.kind is p.POSITIONAL_OR_KEYWORD], name
        assert keywords == [p.name for p in params if p.kind is p.KEYWORD_ONLY], name
        # The defaults agree (the stub writes them as literals).
        stub_defaults = [ast.literal_eval(d) for d in f.args.defaults] + [
            ast.literal_eval(d) for d in f.args.kw_defaults if d is not None
        ]
        real = [p.default for p in params if p.default is not inspect.Parameter.empty]
        assert stub_defaults == real, name
        assert all(a.annotation is not None for a in f.args.args + f.args.kwonlyargs), name
        assert f.returns is not None, name


def public_methods(cls):
    for name, member in vars(cls).items():
        if name.startswith("_") and name not in ("__init__", "__call__", "__enter__", "__exit__"):
            continue
        if isinstance(member, property):
            for fn in (member.fget, member.fset):
                if fn is not None:
                    yield f"{cls.__name__}.{name}", fn
        elif isinstance(member, (staticmethod, classmethod)):
            yield f"{cls.__name__}.{name}", member.__func__
        elif inspect.isfunction(member):
            yield f"{cls.__name__}.{name}", member


def test_public_methods_are_annotated():
    missing = {}
    for name in oxpar.__all__:
        cls = getattr(oxpar, name)
        if inspect.isclass(cls) and cls.__module__.startswith("oxpar"):
            for mro_cls in cls.__mro__:
                if mro_cls.__module__.startswith("oxpar"):
                    for where, fn in public_methods(mro_cls):
                        if unannotated(fn):
                            missing[where] = unannotated(fn)
    assert missing == {}
