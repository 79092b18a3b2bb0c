//! Writes bindings/python/src/oxpar/_routines.py: the generated routines of
//! the table as Python data, which `oxpar._structured` turns into functions
//! (argument checks, shapes, the C call) at import time.

use std::fmt::Write;

use crate::routines::{generated, Ext, Io, Kind, Role};

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
         Each routine: its docstring, element types, Python positional arguments\n\
         (`name=None`: an output made when not given) and its C arguments in order,\n\
         each a dict with its role. An extent is a dimension name (`\"0\"`: none) or\n\
         `(enum, when 0, when 1)`.\n\"\"\"\n\nROUTINES = {\n",
    );
    for r in generated() {
        let _ = writeln!(s, "    {:?}: {{", r.name);
        let _ = writeln!(s, "        \"doc\": {:?},", r.doc.replace('`', ""));
        if !r.more.is_empty() {
            let _ = writeln!(s, "        \"more\": {:?},", r.more.replace('`', ""));
        }
        let _ = writeln!(s, "        \"types\": {:?},", r.types);
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
                    Kind::Trans => "\"role\": \"trans\"".into(),
                    Kind::Diag => "\"role\": \"diag\"".into(),
                },
                Role::Dim => "\"role\": \"dim\"".into(),
                Role::Scalar { default } => format!("\"role\": \"scalar\", \"default\": {default}.0"),
                Role::Vector { io: i, len, inc } => format!(
                    "\"role\": \"vector\", \"io\": {:?}, \"len\": {}, \"inc\": {inc:?}, \"py\": {:?}",
                    io(i),
                    ext(len),
                    a.py
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
                     \"op\": {}, \"py\": {:?}",
                    io(i),
                    ext(rows),
                    ext(cols),
                    op.map_or("None".to_string(), |t| format!("{t:?}")),
                    a.py
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
                Role::Out | Role::IndexOut => panic!("{}: scalar outputs are not generated yet", r.name),
            };
            let _ = writeln!(s, "            {{\"name\": {n:?}, {body}}},");
        }
        s.push_str("        ),\n    },\n");
    }
    s.push_str("}\n");
    s
}

/// The type of a positional Python argument: an array (`ArrayLike` when only
/// read, an ndarray when written in place), a scalar or a given dimension.
fn positional_type(r: &crate::routines::Routine, py: &str) -> &'static str {
    match r
        .args
        .iter()
        .find(|a| a.py == py || a.name == py)
        .map(|a| a.role)
    {
        Some(Role::Dim) => "int",
        Some(Role::Scalar { .. }) => "float",
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
         from typing import Any, List, Literal, Optional\n\n\
         from numpy.typing import ArrayLike, NDArray\n\n\
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
                Role::Enum(Kind::Trans) => params.push("trans: bool = False".into()),
                Role::Enum(Kind::Diag) => params.push("unit_diagonal: bool = False".into()),
                Role::Scalar { default } if !r.py.contains(&a.name) => {
                    params.push(format!("{}: float = {default}.0", a.name))
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
