//! Writes bindings/python/src/oxpar/_routines.py: the routines of the table
//! as Python data. `oxpar._structured` turns the generated ones (`ROUTINES`)
//! into functions (argument checks, shapes, the C call) at import time;
//! `oxpar.blas` takes from the others (`HELPER_ROUTINES`) the C functions per
//! element type, the C argument order and the names its messages use.
//! `HELPER_ROUTINES` lists every element type of its rows, complex included
//! (with `"real": True` on a real scalar or result of a complex routine);
//! `ROUTINES` every element type of the generated rows too (`oxpar._structured`
//! takes complex64/complex128 where the row lists `c`/`z`).

use std::fmt::Write;

use crate::routines::{c_name, generated, with_helper, Ext, Io, Kind, Role, Routine, Shell};

fn ext(e: Ext) -> String {
    match e {
        Ext::D(x) => format!("{x:?}"),
        Ext::Pick { on, no, yes } => format!("({on:?}, {no:?}, {yes:?})"),
    }
}

fn io(i: Io) -> &'static str {
    match i {
        Io::In => "in",
        Io::InOut => "inout",
    }
}

/// The module's text.
pub fn module() -> String {
    let mut s = String::from(
        "\"\"\"Generated from the routine table (xtask/src/routines.rs) by `make gen`: do not edit.\n\n\
         Each routine: its docstring, element types and C function of each, Python\n\
         positional arguments (`name=None`: an output made when not given) and its C\n\
         arguments in order, each a dict with its role. An extent is a dimension name\n\
         (`\"0\"`: none) or `(enum, when 0, when 1)`. `ROUTINES` become functions in\n\
         oxpar._structured; `HELPER_ROUTINES` (C helpers written by hand) drive the\n\
         argument handling of oxpar.blas, and also say whether the routine is collective\n\
         on MPI and, for each written array, whether its old value is always used\n\
         (`updated`).\n\"\"\"\n\nROUTINES = {\n",
    );
    for r in generated() {
        entry(&mut s, r, r.types);
    }
    s.push_str(
        "}\n\n# The routines whose C helpers are hand-written (oxpar.blas): the same\n\
         # description, and each element type's C function.\nHELPER_ROUTINES = {\n",
    );
    // Every element type of the hand-written routines (complex included).
    for (r, _) in with_helper() {
        entry(&mut s, r, r.types);
    }
    s.push_str("}\n");
    s
}

/// For a written array of a routine with a hand-written helper, whether its
/// old value is always used (`"updated": True`: it is on the right of the
/// routine's `:=` and no `beta` can drop it), which `oxpar.blas` says when it
/// is not a NumPy array; "" otherwise.
fn updated(r: &Routine, name: &str, i: Io) -> &'static str {
    if i != Io::InOut || !matches!(r.shell, Shell::Helper(_)) {
        return "";
    }
    let Some((_, rhs)) = r.doc.trim_matches('`').split_once(":=") else {
        return ", \"updated\": False";
    };
    let read = rhs
        .split(|c: char| !c.is_ascii_alphanumeric())
        .any(|w| w.eq_ignore_ascii_case(name));
    let beta = r.args.iter().any(|a| a.name == "beta");
    if read && !beta {
        ", \"updated\": True"
    } else {
        ", \"updated\": False"
    }
}

/// One routine's entry, for the element types `types`.
fn entry(s: &mut String, r: &Routine, types: &str) {
    {
        let _ = writeln!(s, "    {:?}: {{", r.name);
        let _ = writeln!(s, "        \"doc\": {:?},", r.doc.replace('`', ""));
        if !r.more.is_empty() {
            let _ = writeln!(s, "        \"more\": {:?},", r.more.replace('`', ""));
        }
        let _ = writeln!(s, "        \"types\": {types:?},");
        let fns: Vec<String> = types
            .chars()
            .map(|t| format!("\"{t}\": {:?}", c_name(r, t)))
            .collect();
        let _ = writeln!(s, "        \"c\": {{{}}},", fns.join(", "));
        if let Shell::Helper(h) = r.shell {
            let collective = if h.collective { "True" } else { "False" };
            let _ = writeln!(s, "        \"collective\": {collective},");
        }
        let py: Vec<String> = r.py.iter().map(|p| format!("{p:?}")).collect();
        let _ = writeln!(s, "        \"positional\": ({},),", py.join(", "));
        s.push_str("        \"args\": (\n");
        for a in r.args {
            let n = a.name;
            let body = match a.role {
                Role::Context => "\"role\": \"context\"".to_string(),
                Role::Enum(k) => match k {
                    Kind::Side => "\"role\": \"side\"".into(),
                    Kind::Uplo { of } => format!("\"role\": \"uplo\", \"of\": {of:?}"),
                    Kind::Trans if a.py != a.name => format!("\"role\": \"trans\", \"py\": {:?}", a.py),
                    Kind::Trans => "\"role\": \"trans\"".into(),
                    Kind::Diag => "\"role\": \"diag\"".into(),
                },
                Role::Dim => "\"role\": \"dim\"".into(),
                Role::Scalar { default } => format!("\"role\": \"scalar\", \"default\": {default}.0"),
                Role::RealScalar { default } => {
                    format!("\"role\": \"scalar\", \"default\": {default}.0, \"real\": True")
                }
                Role::Vector { io: i, len, inc } => format!(
                    "\"role\": \"vector\", \"io\": {:?}, \"len\": {}, \"inc\": {inc:?}, \"py\": {:?}{}",
                    io(i),
                    ext(len),
                    a.py,
                    updated(r, a.name, i)
                ),
                Role::Matrix {
                    io: i,
                    rows,
                    cols,
                    rs,
                    cs,
                    op,
                } => format!(
                    "\"role\": \"matrix\", \"io\": {:?}, \"rows\": {}, \"cols\": {}, \"rs\": {rs:?}, \"cs\": {cs:?}, \
                     \"op\": {}, \"py\": {:?}{}",
                    io(i),
                    ext(rows),
                    ext(cols),
                    op.map_or("None".to_string(), |t| format!("{t:?}")),
                    a.py,
                    updated(r, a.name, i)
                ),
                Role::Band {
                    rows,
                    cols,
                    kl,
                    ku,
                    ld,
                    op,
                } => format!(
                    "\"role\": \"band\", \"io\": \"in\", \"rows\": {}, \"cols\": {}, \"kl\": {}, \"ku\": {}, \"ld\": {ld:?}, \
                     \"op\": {}, \"py\": {:?}",
                    ext(rows),
                    ext(cols),
                    ext(kl),
                    ext(ku),
                    op.map_or("None".to_string(), |t| format!("{t:?}")),
                    a.py
                ),
                Role::Packed { io: i, n, uplo, op } => format!(
                    "\"role\": \"packed\", \"io\": {:?}, \"n\": {n:?}, \"uplo\": {uplo:?}, \"op\": {}, \"py\": {:?}",
                    io(i),
                    op.map_or("None".to_string(), |t| format!("{t:?}")),
                    a.py
                ),
                Role::Out => "\"role\": \"out\"".into(),
                Role::RealOut => "\"role\": \"out\", \"real\": True".into(),
                Role::IndexOut => "\"role\": \"index_out\"".into(),
            };
            let _ = writeln!(s, "            {{\"name\": {n:?}, {body}}},");
        }
        s.push_str("        ),\n    },\n");
    }
}

/// Whether the row has a complex element type (its `alpha`/`beta` may then be
/// complex, the stub's `Scalar`; a real scalar stays `float`).
fn has_complex(r: &Routine) -> bool {
    r.types.contains(['c', 'z'])
}

/// The annotation of a scalar of role `role`.
fn scalar_type(r: &Routine, role: Role) -> &'static str {
    match role {
        Role::Scalar { .. } if has_complex(r) => "Scalar",
        _ => "float",
    }
}

/// The type of a positional Python argument: an array (`ArrayLike` when only
/// read, an ndarray when written in place), a scalar or a given dimension.
fn positional_type(r: &Routine, py: &str) -> &'static str {
    match r
        .args
        .iter()
        .find(|a| a.py == py || a.name == py)
        .map(|a| a.role)
    {
        Some(Role::Dim) => "int",
        Some(role @ (Role::Scalar { .. } | Role::RealScalar { .. })) => scalar_type(r, role),
        Some(Role::Vector { io: Io::InOut, .. })
        | Some(Role::Matrix { io: Io::InOut, .. })
        | Some(Role::Packed { io: Io::InOut, .. }) => "NDArray[Any]",
        _ => "ArrayLike",
    }
}

/// bindings/python/src/oxpar/_structured.pyi: the signatures of the functions
/// `oxpar._structured` makes at import time, for type checkers (the same
/// parameters as its `_parameters`: positional arguments, then the enum
/// keywords, the scalars not given positionally and `ctx`, keyword-only).
pub fn stub() -> String {
    let mut s = String::from(
        "\"\"\"Generated from the routine table (xtask/src/routines.rs) by `make gen`: do not edit.\n\n\
         The signatures of the routines oxpar._structured makes at import time.\n\"\"\"\n\n\
         from typing import Any, List, Literal, Optional, Union\n\n\
         from numpy.typing import ArrayLike, NDArray\n\n\
         from ._typing import Scalar\n\
         from .context import Context\n\n",
    );
    let names: Vec<String> = generated().map(|r| format!("{:?}", r.name)).collect();
    let _ = writeln!(s, "__all__: List[str] = [{}]", names.join(", "));
    for r in generated() {
        let mut params: Vec<String> = Vec::new();
        for p in r.py {
            match p.strip_suffix("=None") {
                Some(name) => params.push(format!("{name}: Optional[NDArray[Any]] = None")),
                None => params.push(format!("{p}: {}", positional_type(r, p))),
            }
        }
        params.push("*".into());
        for a in r.args {
            match a.role {
                Role::Enum(Kind::Side) => {
                    params.push("side: Literal[\"left\", \"right\"] = \"left\"".into())
                }
                Role::Enum(Kind::Uplo { .. }) => params.push("lower: bool = False".into()),
                Role::Enum(Kind::Trans) => params.push("trans: Union[bool, str] = False".into()),
                Role::Enum(Kind::Diag) => params.push("unit_diagonal: bool = False".into()),
                role @ (Role::Scalar { default } | Role::RealScalar { default })
                    if !r.py.contains(&a.name) =>
                {
                    params.push(format!(
                        "{}: {} = {default}.0",
                        a.name,
                        scalar_type(r, role)
                    ))
                }
                _ => {}
            }
        }
        params.push("ctx: Optional[Context] = None".into());
        let _ = write!(
            s,
            "\n\ndef {}({}) -> NDArray[Any]:\n    \"\"\"{}\"\"\"\n",
            r.name,
            params.join(", "),
            r.doc.replace('`', "")
        );
    }
    s
}
