"""The symmetric, triangular, band and packed BLAS routines, made from the routine table.

`_routines.py` (generated from the table) describes each routine's C
arguments; this module turns every entry into a function with NumPy/SciPy
keywords, once, at import time:

    oxpar.trsm(a, b, side="left", lower=True, trans=False, unit_diagonal=False, alpha=1.0)

Arrays are used in place, with any strides and either order (no copies), in
float32, float64, complex64 or complex128 (all the same; real and complex
never mix, a TypeError), as the routine's row lists them: the Hermitian ones
(hemv, her, her2, hemm, herk, her2k) are complex only, the symmetric ones of
level 2 (symv, syr, syr2, sbmv, spmv, spr, spr2) real only. Keywords, by the
C argument they set: `side` ("left" or "right"), `lower` (uplo: the triangle
of `a` as stored, or of `out` for syrk/syr2k/herk/her2k), `trans` (a truth
value, op(a) = a.T, or BLAS's "N", "T", "C": "C" the conjugate transpose
a.conj().T, the transpose for real arrays), `unit_diagonal` (diag), `alpha`
and `beta` (complex numbers for complex arrays, except the real ones of her,
herk and her2k's `beta`), and `ctx`. An output that is not given (`y=None`,
`out=None`) is made (C order, zeros: the triangle syrk, herk and the others
do not write stays zero) and requires `beta == 0`. Shapes are checked
here and named by the Python argument; the library checks the rest.

Band matrices (gbmv, sbmv, tbmv, tbsv) are given in LAPACK band storage, as
SciPy's `ab` (scipy.linalg.solve_banded) and scipy.linalg.blas.dgbmv take
them: an `(rows, n)` array whose column `j` holds column `j` of the band,
element `(i, j)` in row `ku + i - j` (`kl + ku + 1` rows for gbmv, which takes
`m, kl, ku` as SciPy does; `k + 1` rows for the triangle of sbmv, tbmv and
tbsv, `k` read from them). Fortran order is used in place, any other layout
read from a Fortran-order copy. Packed triangles (spmv, tpmv, tpsv, spr,
spr2) are 1-D arrays of `n*(n+1)/2` elements, the triangle's columns one
after another, as SciPy's `ap`; one that is written must be contiguous.
"""

import math
import operator

import numpy as np

from ._array import as_array, element_dtype, matrix, vector
from ._blas_args import REAL, scalar, trans_value
from ._errors import InvalidArgumentError, InvalidStrideError, OxparTypeError, ShapeMismatchError, check
from ._ffi import lib
from ._routines import ROUTINES
from .context import resolve

_LETTER = {
    np.dtype(np.float32): "s",
    np.dtype(np.float64): "d",
    np.dtype(np.complex64): "c",
    np.dtype(np.complex128): "z",
}

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
    if role == "trans":
        # A truth value, or "N", "T", "C" (2: the conjugate transpose).
        if isinstance(value, str):
            return trans_value(value, "trans")
        if not isinstance(value, (bool, np.bool_)):
            raise TypeError(f"trans: expected True, False, 'N', 'T' or 'C', got {value!r}")
        return 1 if value else 0
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


def _dimension(name, value):
    """A dimension the caller gives: a non-negative integer."""
    try:
        value = operator.index(value)
    except TypeError:
        raise TypeError(f"{name}: expected an integer, got {type(value).__name__}") from None
    if value < 0:
        raise InvalidArgumentError(f"{name}: must be >= 0, got {value}")
    return value


def _band(a, ab, dims, enums):
    """`(pointer, leading dimension, the array read)` of LAPACK band storage `ab`
    (read from a Fortran-order copy unless it is one), binding its columns and,
    for a triangle's band, `k` from its rows."""
    py = a["py"]
    if ab.ndim != 2:
        raise ShapeMismatchError(f"{py}: expected a 2-D band storage array, got {ab.ndim}-D with shape {ab.shape}")
    if not ab.flags.f_contiguous:
        ab = np.asfortranarray(ab)
    rows, cols = ab.shape
    _bind(dims, _extent(a["cols"], enums), cols, py, "its number of columns")
    for ext in (a["kl"], a["ku"]):
        name = _extent(ext, enums)
        if name != "0" and name not in dims:
            if rows == 0:
                raise ShapeMismatchError(f"{py}: band storage needs at least one row (the diagonal)")
            _bind(dims, name, rows - 1, py, "its number of rows less one")
    ptr, _, _, _, _ = matrix(ab, py)
    return ptr, max(rows, 1), ab


def _packed(ap, py, writable):
    """`(pointer, n)` of a packed triangle of `n*(n+1)/2` elements."""
    if ap.ndim != 1:
        raise ShapeMismatchError(f"{py}: expected a 1-D packed triangle, got {ap.ndim}-D with shape {ap.shape}")
    if not ap.flags.c_contiguous:
        if writable:
            raise InvalidStrideError(f"{py}: a packed triangle that is written must be contiguous")
        ap = np.ascontiguousarray(ap)
    size = ap.shape[0]
    n = (math.isqrt(8 * size + 1) - 1) // 2
    if n * (n + 1) // 2 != size:
        raise ShapeMismatchError(f"{py}: {size} elements is no packed triangle (n*(n+1)/2 for an order n)")
    ptr, _, _ = vector(ap, py, writable)
    return ptr, n


def _parameters(spec):
    """The Python parameters: (name, default or _REQUIRED, keyword-only)."""
    params = []
    for p in spec["positional"]:
        if p.endswith("=None"):
            params.append((p[:-5], None, False))
        else:
            params.append((p, _REQUIRED, False))
    named = {p[0] for p in params}
    for a in spec["args"]:
        role = a["role"]
        if role in _KEYWORDS:
            kw = _KEYWORDS[role]
            params.append((kw, _DEFAULTS[kw], True))
        elif role == "scalar" and a["name"] not in named:
            params.append((a["name"], a["default"], True))
    params.append(("ctx", None, True))
    return params


_REQUIRED = object()


class _Plan:
    """What a routine does with its arguments, worked out once from its spec:
    `slot` is a parameter's position in the tuple the wrapper passes."""

    def __init__(self, name, spec, slots):
        self.name = name
        self.args = spec["args"]
        self.optional = {p[:-5] for p in spec["positional"] if p.endswith("=None")}
        self.arrays = tuple(
            (a, slots[a["py"]]) for a in self.args if a["role"] in ("vector", "matrix", "band", "packed")
        )
        # Dimensions the caller gives (gbmv's m, kl, ku).
        self.given = tuple((a["name"], slots[a["name"]]) for a in self.args if a["role"] == "dim" and a["name"] in slots)
        self.enums = tuple((a["name"], a["role"], slots[_KEYWORDS[a["role"]]]) for a in self.args if a["role"] in _KEYWORDS)
        self.scalars = tuple(
            (a["name"], slots[a["name"]], a.get("real", False)) for a in self.args if a["role"] == "scalar"
        )
        self.ctx = slots["ctx"]
        self.beta = slots.get("beta")
        self.output = next(a for a in self.args if a.get("io") == "inout")
        self.fns = {dt: getattr(lib, spec["c"][letter]) for dt, letter in _LETTER.items() if letter in spec["types"]}
        self.kinds = "complex" if all(dt.kind == "c" for dt in self.fns) else (
            "real" if all(dt.kind == "f" for dt in self.fns) else "real or complex")
        # C names the library's messages use, as the Python arguments are named.
        self.renames = {}
        for a, _ in self.arrays:
            if a["py"] != a["name"]:
                self.renames[a["name"]] = a["py"]
                if a["role"] == "vector":
                    self.renames[a["inc"]] = f"{a['py']}'s increment"
                elif a["role"] == "matrix":
                    self.renames[a["rs"]] = f"{a['py']}'s row stride"
                    self.renames[a["cs"]] = f"{a['py']}'s column stride"


def _run(p, v):
    """Calls the routine of plan `p` with the parameter values `v`."""
    ctx = resolve(v[p.ctx])
    arrays = {}
    for a, slot in p.arrays:
        py, value = a["py"], v[slot]
        if value is None and py in p.optional:
            continue
        if a["io"] == "inout":
            if not isinstance(value, np.ndarray):
                raise TypeError(f"{py}: must be a NumPy array (it is written in place)")
            arrays[py] = value
        else:
            arrays[py] = as_array(value, py)
    dtype = element_dtype(list(arrays.items()))
    if dtype not in p.fns:
        raise OxparTypeError(f"{dtype} arrays: {p.name} takes {p.kinds} arrays only")
    enums = {name: _enum(role, v[slot]) for name, role, slot in p.enums}
    # Bind the dimensions given, then those of the arrays given, in the C order.
    dims = {}
    for name, slot in p.given:
        dims[name] = (_dimension(name, v[slot]), name)
    views = {}
    for a, _ in p.arrays:
        py = a["py"]
        if py not in arrays:
            continue
        if a["role"] == "band":
            ptr, ld, keep = _band(a, arrays[py], dims, enums)
            arrays[py] = keep
            views[a["name"]] = (ptr, ld)
        elif a["role"] == "packed":
            ptr, n = _packed(arrays[py], py, a["io"] == "inout")
            _bind(dims, a["n"], n, py, "its order (n for its n*(n+1)/2 elements)")
            views[a["name"]] = (ptr,)
        elif a["role"] == "vector":
            ptr, n, inc = vector(arrays[py], py, a["io"] == "inout")
            _bind(dims, _extent(a["len"], enums), n, py, "its length")
            views[a["name"]] = (ptr, inc)
        else:
            ptr, rows, cols, rs, cs = matrix(arrays[py], py, a["io"] == "inout")
            _bind(dims, _extent(a["rows"], enums), rows, py, "its number of rows")
            _bind(dims, _extent(a["cols"], enums), cols, py, "its number of columns")
            views[a["name"]] = (ptr, rs, cs)
    scalars = {}
    for name, slot, real in p.scalars:
        # A real scalar (her's alpha, herk's) of a complex routine is of the real type.
        scalars[name] = scalar(REAL[dtype] if real else dtype, v[slot], name)
    out = p.output
    if out["py"] not in arrays:
        # An output not given: made, and then there is nothing to scale.
        if p.beta is not None and v[p.beta] != 0:
            raise InvalidArgumentError(f"beta: must be 0 when no {out['py']} is given (there is nothing to scale)")
        if out["role"] == "vector":
            made = np.zeros(dims[_extent(out["len"], enums)][0], dtype=dtype)
            ptr, _, inc = vector(made, out["py"], True)
            views[out["name"]] = (ptr, inc)
        else:
            shape = (dims[_extent(out["rows"], enums)][0], dims[_extent(out["cols"], enums)][0])
            made = np.zeros(shape, dtype=dtype)
            ptr, _, _, rs, cs = matrix(made, out["py"], True)
            views[out["name"]] = (ptr, rs, cs)
        arrays[out["py"]] = made
    c_args = []
    for a in p.args:
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
    check(p.fns[dtype](*c_args), p.renames)
    return arrays[out["py"]]


def _make(name, spec):
    """The function: a real `def` with the routine's parameters (so that
    Python itself binds them, and help() shows them) that hands them to
    `_run` with the routine's plan."""
    params = _parameters(spec)
    slots = {pname: i for i, (pname, _, _) in enumerate(params)}
    plan = _Plan(name, spec, slots)
    text, star = [], False
    defaults = {}
    for pname, default, keyword in params:
        if keyword and not star:
            text.append("*")
            star = True
        if default is _REQUIRED:
            text.append(pname)
        else:
            defaults[f"_d_{pname}"] = default
            text.append(f"{pname}=_d_{pname}")
    names = ", ".join(p[0] for p in params)
    source = f"def {name}({', '.join(text)}):\n    return _run(_plan, ({names},))\n"
    namespace = {"_run": _run, "_plan": plan, **defaults}
    exec(source, namespace)  # noqa: S102 - the source is built from the routine table only
    routine = namespace[name]
    routine.__module__ = __name__
    doc = spec["doc"][0].upper() + spec["doc"][1:] + "."
    if spec.get("more"):
        doc += "\n\n" + spec["more"]
    out = plan.output["py"]
    routine.__doc__ = doc + f"\n\nReturns {out} (written in place). See oxpar._structured for the keywords."
    return routine


__all__ = list(ROUTINES)
for _name, _spec in ROUTINES.items():
    globals()[_name] = _make(_name, _spec)
