"""The symmetric and triangular BLAS routines, made from the routine table.

`_routines.py` (generated from the table) describes each routine's C
arguments; this module turns every entry into a function with NumPy/SciPy
keywords, once, at import time:

    oxpar.trsm(a, b, side="left", lower=True, trans=False, unit_diagonal=False, alpha=1.0)

Arrays are used in place, with any strides and either order (no copies), in
float32 or float64 (all the same). Keywords, by the C argument they set:
`side` ("left" or "right"), `lower` (uplo: the triangle of `a` as stored, or
of `out` for syrk/syr2k), `trans` (op(a) = a.T), `unit_diagonal` (diag),
`alpha` and `beta`, and `ctx`. An output that is not given (`y=None`,
`out=None`) is made (C order) and requires `beta == 0`. Shapes are checked
here and named by the Python argument; the library checks the rest.
"""

import inspect

import numpy as np

from ._array import as_array, float_dtype, matrix, vector
from ._errors import InvalidArgumentError, ShapeMismatchError, check
from ._ffi import ffi, lib
from ._routines import ROUTINES
from .context import resolve

_SCALAR = {np.dtype(np.float32): "float *", np.dtype(np.float64): "double *"}
_LETTER = {np.dtype(np.float32): "s", np.dtype(np.float64): "d"}

# The keyword of each enum role: (Python name, default, C value from the Python value).
_KEYWORDS = {
    "side": "side",
    "uplo": "lower",
    "trans": "trans",
    "diag": "unit_diagonal",
}
_DEFAULTS = {"side": "left", "lower": False, "trans": False, "unit_diagonal": False}


def _enum(role, value):
    """The C value (0 or 1) of an enum keyword."""
    if role == "side":
        if isinstance(value, str) and value.lower() in ("left", "l"):
            return 0
        if isinstance(value, str) and value.lower() in ("right", "r"):
            return 1
        raise InvalidArgumentError(f"side: must be 'left' or 'right', got {value!r}")
    if not isinstance(value, (bool, np.bool_)):
        raise TypeError(f"{_KEYWORDS[role]}: expected True or False, got {value!r}")
    return 1 if value else 0


def _extent(ext, enums):
    """The dimension name an extent stands for, given the enums' values."""
    if isinstance(ext, str):
        return ext
    on, no, yes = ext
    return yes if enums[on] else no


def _bind(dims, name, value, who, what):
    """Binds dimension `name` to `value`, or checks it against its binding."""
    have = dims.get(name)
    if have is None:
        dims[name] = (value, who)
    elif have[0] != value:
        raise ShapeMismatchError(
            f"{who}: {what} is {value} but must be {have[0]} ({name}, from {have[1]})"
        )


def _signature(spec):
    params = []
    for p in spec["positional"]:
        if p.endswith("=None"):
            params.append(inspect.Parameter(p[:-5], inspect.Parameter.POSITIONAL_OR_KEYWORD, default=None))
        else:
            params.append(inspect.Parameter(p, inspect.Parameter.POSITIONAL_OR_KEYWORD))
    named = {p.name for p in params}
    for a in spec["args"]:
        role = a["role"]
        if role in _KEYWORDS:
            kw = _KEYWORDS[role]
            params.append(inspect.Parameter(kw, inspect.Parameter.KEYWORD_ONLY, default=_DEFAULTS[kw]))
        elif role == "scalar" and a["name"] not in named:
            params.append(inspect.Parameter(a["name"], inspect.Parameter.KEYWORD_ONLY, default=a["default"]))
    params.append(inspect.Parameter("ctx", inspect.Parameter.KEYWORD_ONLY, default=None))
    return inspect.Signature(params)


def _make(name, spec):
    sig = _signature(spec)
    optional = {p[:-5] for p in spec["positional"] if p.endswith("=None")}
    # C names the library's messages use, as the Python arguments are named.
    renames = {}
    for a in spec["args"]:
        if a["role"] in ("vector", "matrix") and a["py"] != a["name"]:
            renames[a["name"]] = a["py"]
            if a["role"] == "vector":
                renames[a["inc"]] = f"{a['py']}'s increment"
            else:
                renames[a["rs"]] = f"{a['py']}'s row stride"
                renames[a["cs"]] = f"{a['py']}'s column stride"
    output = next(a for a in spec["args"] if a.get("io") == "inout")

    def routine(*args, **kwargs):
        bound = sig.bind(*args, **kwargs)
        bound.apply_defaults()
        given = bound.arguments
        ctx = resolve(given["ctx"])
        arrays = {}
        for a in spec["args"]:
            if a["role"] not in ("vector", "matrix"):
                continue
            py, value = a["py"], given[a["py"]]
            if value is None and py in optional:
                continue
            if a["io"] == "inout":
                if not isinstance(value, np.ndarray):
                    raise TypeError(f"{py}: must be a NumPy array (it is written in place)")
                arrays[py] = value
            else:
                arrays[py] = as_array(value, py)
        dtype = float_dtype(list(arrays.items()))
        enums = {a["name"]: _enum(a["role"], given[_KEYWORDS[a["role"]]]) for a in spec["args"] if a["role"] in _KEYWORDS}
        # Bind the dimensions from the arrays given, in the C order.
        dims = {}
        views = {}
        for a in spec["args"]:
            py = a.get("py")
            if a["role"] == "vector" and py in arrays:
                p, n, inc = vector(arrays[py], py, writable=a["io"] == "inout")
                _bind(dims, _extent(a["len"], enums), n, py, "its length")
                views[a["name"]] = (p, inc)
            elif a["role"] == "matrix" and py in arrays:
                p, rows, cols, rs, cs = matrix(arrays[py], py, writable=a["io"] == "inout")
                _bind(dims, _extent(a["rows"], enums), rows, py, "its number of rows")
                _bind(dims, _extent(a["cols"], enums), cols, py, "its number of columns")
                views[a["name"]] = (p, rs, cs)
        scalars = {}
        for a in spec["args"]:
            if a["role"] == "scalar":
                value = given[a["name"]]
                try:
                    scalars[a["name"]] = ffi.new(_SCALAR[dtype], float(value))
                except (TypeError, ValueError):
                    raise TypeError(f"{a['name']}: expected a real number, got {type(value).__name__}") from None
        # An output not given: made, and then there is nothing to scale.
        made = None
        if output["py"] not in arrays:
            if float(given.get("beta", 0.0)) != 0:
                raise InvalidArgumentError(
                    f"beta: must be 0 when no {output['py']} is given (there is nothing to scale)"
                )
            if output["role"] == "vector":
                shape = (dims[_extent(output["len"], enums)][0],)
            else:
                shape = (dims[_extent(output["rows"], enums)][0], dims[_extent(output["cols"], enums)][0])
            made = np.empty(shape, dtype=dtype)
            arrays[output["py"]] = made
            if output["role"] == "vector":
                p, _, inc = vector(made, output["py"], writable=True)
                views[output["name"]] = (p, inc)
            else:
                p, _, _, rs, cs = matrix(made, output["py"], writable=True)
                views[output["name"]] = (p, rs, cs)
        c_args = []
        for a in spec["args"]:
            role = a["role"]
            if role == "context":
                c_args.append(ctx.ptr)
            elif role in _KEYWORDS:
                c_args.append(enums[a["name"]])
            elif role == "dim":
                c_args.append(dims[a["name"]][0] if a["name"] in dims else 0)
            elif role == "scalar":
                c_args.append(scalars[a["name"]])
            else:
                c_args.extend(views[a["name"]])
        fn = getattr(lib, f"oxpar_{_LETTER[dtype]}{name}")
        check(fn(*c_args), renames)
        return arrays[output["py"]]

    routine.__name__ = routine.__qualname__ = name
    routine.__signature__ = sig
    doc = spec["doc"][0].upper() + spec["doc"][1:] + "."
    if spec.get("more"):
        doc += "\n\n" + spec["more"]
    routine.__doc__ = doc + f"\n\nReturns {output['py']} (written in place). See oxpar._structured for the keywords."
    return routine


__all__ = list(ROUTINES)
for _name, _spec in ROUTINES.items():
    globals()[_name] = _make(_name, _spec)
