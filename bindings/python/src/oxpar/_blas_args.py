"""The argument handling of `oxpar.blas`, driven by the routine table.

`_routines.HELPER_ROUTINES` (generated from the table) describes the C
arguments of each routine whose C helper is hand-written (axpy ... gemm).
From it, once at import, each routine gets a `Routine`: its C function per
dtype, which arrays are read and which written, the dimensions they share,
the enum and scalar arguments, its result, and the names the library's
messages use; and from those the Python source of the routine's argument
handling, written out (one straight-line block per value of its `trans`
flags) and compiled, so that a call costs what a hand-written function does. `oxpar.blas` keeps only what is not argument handling: each
function's signature and docstring, the OpenCL `Buffer` dispatch, `dot`'s
fast path and `iamax`'s empty-vector rule.

A call converts the arrays in the C order, read ones first (`np.asarray`),
then written ones (which must be NumPy arrays), checks their common dtype
(float32, float64, complex64 or complex128, among those the routine's row
lists; real and complex never mix), reads each `trans` (a truth value, or
BLAS's "N", "T", "C"; "C" is the transpose for real arrays),
takes their views binding each dimension to the first extent that gives it,
makes an output that is not given (C order; `beta` must then be 0), reads the
scalars and calls liboxpar. A mismatch names the argument and what it must
match: another vector (`y: has 3 elements but x has 4`), a side of a matrix
(`op(a) has 4 columns`), the other factor (`op(a) is 2x3 but op(b) is 4x5`)
or the product an output receives (`outer(x, y)`, `op(a)@op(b)`). On an MPI
context a collective routine resolves the context first and, when Python
rejects the arguments, takes part in the call as a failing rank
(`join_failed`) so that every rank raises.
"""

import numpy as np

from ._array import as_array, element_dtype, matrix, vector
from ._collective import join_failed
from ._errors import InvalidArgumentError, OxparTypeError, ShapeMismatchError, check
from ._ffi import ffi, lib
from ._routines import HELPER_ROUTINES
from .context import resolve

# The real element types: the table's letter of each dtype (oxpar.mpi's
# distributed routines are real only), then every element type.
LETTERS = {np.dtype(np.float32): "s", np.dtype(np.float64): "d"}
_ALL_LETTERS = {**LETTERS, np.dtype(np.complex64): "c", np.dtype(np.complex128): "z"}
_DTYPES = {letter: dtype for dtype, letter in _ALL_LETTERS.items()}
_SCALAR = {
    np.dtype(np.float32): "float *",
    np.dtype(np.float64): "double *",
    np.dtype(np.complex64): "oxpar_c32 *",
    np.dtype(np.complex128): "oxpar_c64 *",
}
# The real type of each element type (nrm2's result, herk's alpha).
REAL = {
    np.dtype(np.float32): np.dtype(np.float32),
    np.dtype(np.float64): np.dtype(np.float64),
    np.dtype(np.complex64): np.dtype(np.float32),
    np.dtype(np.complex128): np.dtype(np.float64),
}
# The C values of a trans argument: False/True, or BLAS's letters, "C" the
# conjugate transpose (the transpose for real arrays).
_ENUMS = {"trans": (lib.OXPAR_TRANS_NO, lib.OXPAR_TRANS_YES, lib.OXPAR_TRANS_CONJ)}
_TRANS_LETTERS = {"N": 0, "T": 1, "C": 2}


def trans_value(value, name):
    """0, 1 or 2 (`OXPAR_TRANS_NO`, `_YES`, `_CONJ`) for a trans argument: a
    truth value, or one of BLAS's letters "N", "T", "C"."""
    if isinstance(value, str):
        try:
            return _TRANS_LETTERS[value.upper()]
        except KeyError:
            raise InvalidArgumentError(f"{name}: {value!r} is none of 'N', 'T', 'C' (or a truth value)") from None
    return 1 if value else 0


def scalar(dtype, value, name):
    """A pointer to `value` as the C scalar of `dtype`."""
    if dtype.kind == "c":
        try:
            z = complex(value)
        except (TypeError, ValueError):
            raise TypeError(f"{name}: expected a number, got {type(value).__name__}") from None
        return ffi.new(_SCALAR[dtype], [z.real, z.imag])
    try:
        return ffi.new(_SCALAR[dtype], float(value))
    except (TypeError, ValueError):
        raise TypeError(f"{name}: expected a real number, got {type(value).__name__}") from None


class _Source:
    """Lines of Python at an indentation depth."""

    def __init__(self):
        self.lines, self.depth = [], 1

    def __call__(self, line):
        self.lines.append("    " * self.depth + line)


def _raise(kind, text):
    """A `raise` of an f-string message (`text` holds its `{...}` fields)."""
    return f'raise {kind}(f"{text}")'


class _Block:
    """The code of one assignment of the enums (each `trans` fixed): every
    extent is then a known dimension, so each check is written out with the
    argument it names and what binds the dimension it compares with."""

    def __init__(self, routine, fixed, out):
        self.r, self.fixed, self.out = routine, fixed, out
        self.bound = {}  # dimension -> ("vector", py) or ("matrix", text, side, (row dim, col dim))

    def extent(self, ext):
        if isinstance(ext, str):
            return ext
        on, no, yes = ext
        return yes if self.fixed[on] else no

    def bind(self, dim, value, py, what, side=None, shape=None, own=None):
        """Binds `dim` to the expression `value`, or checks it. For a vector
        `side` is None; for a matrix `what` is its text (`op(a)`), `side` the
        side of it the dimension is, `shape` its dimensions and `own` the
        expressions of its rows and columns (as op gives them)."""
        out = self.out
        have = self.bound.get(dim)
        if have is None:
            out(f"d_{dim} = {value}")
            self.bound[dim] = ("vector", py) if side is None else ("matrix", what, side, shape)
            return
        out(f"if {value} != d_{dim}:")
        if side is None:
            if have[0] == "vector":
                text = f"{py}: has {{{value}}} elements but {have[1]} has {{d_{dim}}}"
            else:
                text = f"{py}: has {{{value}}} elements but {have[1]} has {{d_{dim}}} {have[2]}"
        elif have[0] == "matrix":
            m, k = have[3]
            r, c = own
            text = f"{py}: {have[1]} is {{d_{m}}}x{{d_{k}}} but {what} is {{{r}}}x{{{c}}} (inner dimensions differ)"
        else:
            text = f"{py}: {what} has {{{value}}} {side} but {have[1]} has {{d_{dim}}} elements"
        out("    " + _raise("ShapeMismatchError", text))

    def views(self):
        """The views of the arrays, in the C order, and their checks."""
        out, r = self.out, self.r
        for a in r.arrays:
            py, c = a["py"], a["name"]
            writable = a["io"] == "inout"
            if py in r.optional:
                self.make(a)
            if a["role"] == "vector":
                out(f"p_{c}, n_{c}, i_{c} = vector({py}, {py!r}, {writable})")
                self.bind(self.extent(a["len"]), f"n_{c}", py, None)
                continue
            out(f"p_{c}, r_{c}, c_{c}, rs_{c}, cs_{c} = matrix({py}, {py!r}, {writable})")
            rows, cols = f"r_{c}", f"c_{c}"
            row_dim, col_dim = self.extent(a["rows"]), self.extent(a["cols"])
            if a["op"] and self.fixed[a["op"]]:
                rows, cols, row_dim, col_dim = cols, rows, col_dim, row_dim
            text = f"op({py})" if a["op"] else py
            by_rows, by_cols = self.bound.get(row_dim), self.bound.get(col_dim)
            if by_rows is not None and by_cols is not None:
                # Both given by others: the shape of what this matrix receives or adds to.
                if by_rows[0] == "vector" and by_cols[0] == "vector":
                    product = f"outer({by_rows[1]}, {by_cols[1]})"
                else:
                    product = f"{by_rows[1]}@{by_cols[1]}"
                out(f"if ({rows}, {cols}) != (d_{row_dim}, d_{col_dim}):")
                text = f"{py}: has shape {{({rows}, {cols})}} but {product} has shape {{(d_{row_dim}, d_{col_dim})}}"
                out("    " + _raise("ShapeMismatchError", text))
                continue
            shape, own = (row_dim, col_dim), (rows, cols)
            self.bind(row_dim, rows, py, text, "rows", shape, own)
            self.bind(col_dim, cols, py, text, "columns", shape, own)

    def make(self, a):
        """An output that is not given: made (C order), with nothing to scale."""
        out, py = self.out, a["py"]
        out(f"if {py} is None:")
        if "beta" in self.r.scalars:
            out("    if beta != 0:")
            msg = f"beta: must be 0 when no {py} is given (there is nothing to scale)"
            out("        " + _raise("InvalidArgumentError", msg))
        if a["role"] == "vector":
            out(f"    {py} = np.empty(d_{self.extent(a['len'])}, dtype=dtype)")
        else:
            rows, cols = self.extent(a["rows"]), self.extent(a["cols"])
            out(f"    {py} = np.empty((d_{rows}, d_{cols}), dtype=dtype)")

    def c_args(self):
        """The C call's arguments, in order."""
        values = []
        for a in self.r.args:
            role, c = a["role"], a["name"]
            if role == "context":
                values.append("ctx.ptr")
            elif role in _ENUMS:
                values.append(str(_ENUMS[role][self.fixed[c]]))
            elif role == "dim":
                values.append(f"d_{c}")
            elif role == "scalar":
                values.append(f"s_{c}")
            elif role in ("out", "index_out"):
                values.append("out")
            elif role == "vector":
                values += [f"p_{c}", f"i_{c}"]
            else:
                values += [f"p_{c}", f"rs_{c}", f"cs_{c}"]
        return ", ".join(values)


class Routine:
    """One routine's argument handling, worked out once from its table row
    and compiled into a function (`run`) that reads like a hand-written one."""

    def __init__(self, name, spec, before_call=None):
        self.name = name
        self.collective = spec["collective"]
        self.fns = {_DTYPES[letter]: getattr(lib, c) for letter, c in spec["c"].items()}
        self.args = spec["args"]
        self.arrays = tuple(a for a in self.args if a["role"] in ("vector", "matrix"))
        self.inputs = tuple(a for a in self.arrays if a["io"] == "in")
        self.outputs = tuple(a for a in self.arrays if a["io"] == "inout")
        self.optional = {p[:-5] for p in spec["positional"] if p.endswith("=None")}
        self.enums = tuple((a["name"], a.get("py", a["name"])) for a in self.args if a["role"] in _ENUMS)
        self.scalars = tuple(a["name"] for a in self.args if a["role"] == "scalar")
        self.real_scalars = {a["name"] for a in self.args if a["role"] == "scalar" and a.get("real")}
        self.result = next((a["role"] for a in self.args if a["role"] in ("out", "index_out")), None)
        self.real_result = any(a["role"] == "out" and a.get("real") for a in self.args)
        # C names the library's messages use, as the Python arguments are named.
        renames = {}
        for a in self.arrays:
            if a["py"] != a["name"]:
                renames[a["name"]] = a["py"]
                if a["role"] == "vector":
                    renames[a["inc"]] = f"{a['py']}'s increment"
                else:
                    renames[a["rs"]] = f"{a['py']}'s row stride"
                    renames[a["cs"]] = f"{a['py']}'s column stride"
        self.renames = renames or None
        self.before_call = before_call
        self.source = self._source()
        namespace = {
            "np": np, "ndarray": np.ndarray, "ffi": ffi, "as_array": as_array, "element_dtype": element_dtype,
            "REAL": REAL, "trans_value": trans_value, "OxparTypeError": OxparTypeError,
            "vector": vector, "matrix": matrix, "scalar": scalar, "resolve": resolve, "check": check,
            "join_failed": join_failed, "ShapeMismatchError": ShapeMismatchError,
            "InvalidArgumentError": InvalidArgumentError, "SCALAR": _SCALAR,
            "fns": self.fns, "renames": self.renames, "before_call": before_call,
        }
        exec(compile(self.source, f"<oxpar routine {name}>", "exec"), namespace)  # noqa: S102 - from the table only
        self.run = namespace["run"]

    def params(self):
        """The compiled function's parameters after `ctx`: the Python names of
        the arrays, scalars and enums, in the C order."""
        names = []
        for a in self.args:
            if a["role"] in ("vector", "matrix"):
                names.append(a["py"])
            elif a["role"] == "scalar":
                names.append(a["name"])
            elif a["role"] in _ENUMS:
                names.append(a.get("py", a["name"]))
        return names

    def _source(self):
        out = _Source()
        out(f"# {self.name}: written at import from its row of the routine table.")
        if self.collective:
            out("ctx = resolve(ctx)")
            out("try:")
            out.depth += 1
        for a in self.inputs:
            out(f"{a['py']} = as_array({a['py']}, {a['py']!r})")
        for a in self.outputs:
            py = a["py"]
            how = "updated" if a["updated"] else "written"
            guard = f"{py} is not None and " if py in self.optional else ""
            out(f"if {guard}not isinstance({py}, ndarray):")
            out("    " + _raise("TypeError", f"{py}: must be a NumPy array (it is {how} in place)"))
        every = ", ".join(f"({a['py']!r}, {a['py']})" for a in self.arrays)
        optional = [a["py"] for a in self.arrays if a["py"] in self.optional]
        if optional:
            given = ", ".join(f"({a['py']!r}, {a['py']})" for a in self.arrays if a["py"] not in self.optional)
            out(f"if {optional[0]} is None:")
            out(f"    dtype = element_dtype(({given},))")
            out("else:")
            out(f"    dtype = element_dtype(({every},))")
        else:
            out(f"dtype = element_dtype(({every},))")
        out("if dtype not in fns:")
        kinds = "complex" if all(d.kind == "c" for d in self.fns) else "real"
        hint = {"dot": " (use dotu or dotc)", "ger": " (use geru or gerc)"}.get(self.name, "")
        text = f"{{dtype}} arrays: {self.name} takes {kinds} arrays only{hint}"
        out("    " + _raise("OxparTypeError", text))
        for c, py in self.enums:
            out(f"e_{c} = trans_value({py}, {py!r})")
        self._blocks(out, [c for c, _ in self.enums], {})
        if self.collective:
            out.depth = 1
            out("except Exception:")
            # Collective on MPI for every element type: the other ranks
            # raise too.
            out(f"    join_failed(ctx, {self.name!r})")
            out("    raise")
            if self.before_call is not None:
                dims = ", ".join(f"{a['name']!r}: d_{a['name']}" for a in self.args if a["role"] == "dim")
                out(f"before_call(ctx, {{{dims}}})")
            out("check(fns[dtype](*args), renames)")
            out(self._returns())
        head = f"def run(ctx, {', '.join(self.params())}):\n"
        return head + "\n".join(out.lines) + "\n"

    def _blocks(self, out, enums, fixed):
        """One block per assignment of the enums, nested `if`s over them."""
        if enums:
            first, rest = enums[0], enums[1:]
            # Real arrays take the conjugate transpose as the transpose.
            for value, test in ((2, f"if e_{first} == 2 and dtype.kind == 'c':"), (1, f"elif e_{first}:"), (0, "else:")):
                out(test)
                out.depth += 1
                self._blocks(out, rest, {**fixed, first: value})
                out.depth -= 1
            return
        block = _Block(self, fixed, out)
        block.views()
        if not self.collective:
            out("ctx = resolve(ctx)")
        for name in self.scalars:
            of = "REAL[dtype]" if name in self.real_scalars else "dtype"
            out(f"s_{name} = scalar({of}, {name}, {name!r})")
        if self.result == "out":
            out("out = ffi.new(SCALAR[REAL[dtype]])" if self.real_result else "out = ffi.new(SCALAR[dtype])")
        elif self.result == "index_out":
            out('out = ffi.new("size_t *")')
        if self.collective:
            out(f"args = ({block.c_args()},)")
        else:
            out(f"check(fns[dtype]({block.c_args()}), renames)")
            out(self._returns())

    def _returns(self):
        if self.result == "out":
            if self.real_result or all(d.kind == "f" for d in self.fns):
                return "return float(out[0])"
            return "return complex(out[0].re, out[0].im) if dtype.kind == 'c' else float(out[0])"
        if self.result == "index_out":
            return "return out[0]"
        if len(self.outputs) == 1:
            return f"return {self.outputs[0]['py']}"
        return "return None"


_BUILT = {}


def routine(name, before_call=None):
    """The compiled routine `name`; `before_call(ctx, dims)`, if given, runs
    after the checks and before liboxpar is called (iamax's empty-vector rule)."""
    built = _BUILT[name] = Routine(name, HELPER_ROUTINES[name], before_call)
    return built.run


def renames(name):
    """The Python names the library's messages about routine `name` use for
    its C arguments (`{"c": "out", ...}`), or None; `routine(name)` must have
    been built (oxpar.blas builds them all at import)."""
    return _BUILT[name].renames
