//! Writes the type twins (real32, real64, complex(real32), complex(real64):
//! `_sp`, `_dp`, `_csp`, `_cdp`) of the hand-written Fortran procedures of the
//! module `oxpar_blas` (the routines with a hand-written C helper) from one
//! template each, `bindings/fortran/src/oxpar_blas_twins.f90.in`, as
//! fortran-lang stdlib writes its type twins with fypp: for every element
//! type of the routine's row in the table, the procedure `NAME_<kind>`, and
//! the generic `oxpar_NAME` over them (`oxpar_blas_twin_gen_decl.inc`, for the
//! specification part, and `oxpar_blas_twin_gen_body.inc`, after `contains`;
//! `oxpar_blas_twin_gen_public.inc` is the umbrella module's `public` of them).
//!
//! What stays in the template is what the table does not describe: each
//! generic's argument order, its shape checks and their messages (the MPI
//! collective ones through `join_rejected`, for every element type: complex
//! calls are collective on MPI too), and the scalar results.
//!
//! The module `oxpar_linalg` (LU and Cholesky) is written the same way from
//! its own template, `oxpar_linalg_twins.f90.in` ([`linalg_files`]): its
//! routines are not table rows (see `lapack_gen.rs`), so the names and
//! element types come from there.

use std::fmt::Write;

use crate::fortran_gen::wrap;
use crate::routines::{c_name, with_helper, Routine};

const HEAD: &str =
    "! Generated from bindings/fortran/src/oxpar_blas_twins.f90.in and the routine table\n\
                    ! (xtask/src/routines.rs) by `make gen`: do not edit.\n";

/// The template's path, from the workspace root.
pub const TEMPLATE: &str = "bindings/fortran/src/oxpar_blas_twins.f90.in";

/// One routine's section of the template.
/// A routine of a template: its name, its element types and how its C
/// function is named for each.
#[derive(Copy, Clone)]
struct Twin {
    name: &'static str,
    types: &'static str,
    c: fn(&'static str, char) -> String,
}

struct Section {
    row: Twin,
    /// The generic's `!>` documentation, unindented.
    doc: String,
    /// The procedure, with placeholders.
    body: String,
}

/// The procedure suffix, the C real kind and the type's name of an element
/// type letter.
fn kinds(t: char) -> (&'static str, &'static str, &'static str) {
    match t {
        's' => ("sp", "c_float", "real32"),
        'd' => ("dp", "c_double", "real64"),
        'c' => ("csp", "c_float", "complex(real32)"),
        'z' => ("cdp", "c_double", "complex(real64)"),
        _ => panic!("no element type {t}"),
    }
}

/// The section's procedure for element type `t` (placeholders: see the
/// template's head).
fn instantiate(row: Twin, text: &str, t: char) -> String {
    let (k, ck, real) = kinds(t);
    let complex = matches!(t, 'c' | 'z');
    let rk = if ck == "c_float" { "sp" } else { "dp" };
    let (ty, ctype, one, zero, nan) = if complex {
        (
            format!("complex({rk})"),
            format!("complex({ck}_complex)"),
            format!("(1.0_{rk}, 0.0_{rk})"),
            format!("(0.0_{rk}, 0.0_{rk})"),
            format!(
                "cmplx(ieee_value(0.0_{rk}, ieee_quiet_nan), ieee_value(0.0_{rk}, ieee_quiet_nan), {rk})"
            ),
        )
    } else {
        (
            format!("real({rk})"),
            format!("real({ck})"),
            format!("1.0_{rk}"),
            format!("0.0_{rk}"),
            "ieee_value(res, ieee_quiet_nan)".to_string(),
        )
    };
    let (trans_code, bad_trans, trans_letters) = if complex {
        (
            "ctrans_code",
            "bad_ctrans",
            "`'N'` (default), `'T'` or `'C'` (the conjugate transpose)",
        )
    } else {
        ("trans_code", "bad_trans", "`'N'` (default) or `'T'`")
    };
    text.trim_end_matches('\n')
        .replace("${k}$", k)
        .replace("${type}$", &ty)
        .replace("${rtype}$", &format!("real({rk})"))
        .replace("${ctype}$", &ctype)
        .replace("${ck}$", ck)
        .replace("${one}$", &one)
        .replace("${zero}$", &zero)
        .replace("${nan}$", &nan)
        .replace("${c}$", &format!("c_{}", (row.c)(row.name, t)))
        .replace("${trans_code}$", trans_code)
        .replace("${bad_trans}$", bad_trans)
        .replace("${trans_letters}$", trans_letters)
        .replace("${real}$", real)
}

/// The template's sections in its order (the order of the generated files),
/// checked against the table: one for each routine with a hand-written helper.
/// The C name of a routine with a hand-written helper.
fn helper_c_name(name: &'static str, t: char) -> String {
    let row: &Routine = with_helper()
        .map(|(r, _)| r)
        .find(|r| r.name == name)
        .expect("a routine of the table");
    c_name(row, t)
}

/// The routines with a hand-written helper, as twins.
fn helper_twins() -> Vec<Twin> {
    with_helper()
        .map(|(r, _)| Twin {
            name: r.name,
            types: r.types,
            c: helper_c_name,
        })
        .collect()
}

fn sections(template_path: &str, template: &str, known: &[Twin]) -> Result<Vec<Section>, String> {
    let mut out: Vec<Section> = Vec::new();
    for part in template.split("\n#:routine ").skip(1) {
        let (name, rest) = part.split_once('\n').ok_or("a #:routine line")?;
        let name = name.trim();
        let (doc, body) = rest
            .split_once("#:body\n")
            .ok_or_else(|| format!("{template_path}: {name}: no #:body"))?;
        let row = *known
            .iter()
            .find(|r| r.name == name)
            .ok_or_else(|| format!("{template_path}: {name} is none of its routines"))?;
        out.push(Section {
            row,
            doc: doc.to_string(),
            body: body.trim_end().to_string(),
        });
    }
    for r in known {
        if !out.iter().any(|s| s.row.name == r.name) {
            return Err(format!("{template_path}: no section for {}", r.name));
        }
    }
    Ok(out)
}

/// The three include files: declarations, procedures, and the umbrella
/// module's `public` statement of the generics.
pub fn files(template: &str) -> Result<[String; 3], String> {
    twins(HEAD, TEMPLATE, template, &helper_twins())
}

/// The template of the module `oxpar_linalg`.
pub const LINALG_TEMPLATE: &str = "bindings/fortran/src/oxpar_linalg_twins.f90.in";

/// As [`files`] for the module `oxpar_linalg`'s template (its decl, body
/// and public include files).
pub fn linalg_files(template: &str) -> Result<[String; 3], String> {
    let known: Vec<Twin> = crate::lapack_gen::NAMES
        .iter()
        .map(|&name| (name, "sdcz"))
        .chain(crate::lapack_gen::FORTRAN_MORE)
        .map(|(name, types)| Twin {
            name,
            types,
            c: |name, t| format!("oxpar_{t}{name}"),
        })
        .chain(std::iter::once(EIGH_TWIN))
        .collect();
    twins(
        "! Generated from bindings/fortran/src/oxpar_linalg_twins.f90.in by `make gen`: do not edit.\n",
        LINALG_TEMPLATE,
        template,
        &known,
    )
}

fn twins(
    head: &str,
    template_path: &str,
    template: &str,
    known: &[Twin],
) -> Result<[String; 3], String> {
    let sections = sections(template_path, template, known)?;
    let mut decl = String::from(head);
    let names: Vec<String> = sections
        .iter()
        .map(|s| format!("oxpar_{}", s.row.name))
        .collect();
    let public = wrap("  ", &format!("public :: {}", names.join(", ")));
    decl.push('\n');
    decl += &public;
    for s in &sections {
        decl.push('\n');
        for line in s.doc.lines() {
            let _ = writeln!(decl, "  {line}");
        }
        let procs: Vec<String> = s
            .row
            .types
            .chars()
            .map(|t| format!("{}_{}", s.row.name, kinds(t).0))
            .collect();
        let _ = writeln!(
            decl,
            "  interface oxpar_{0}\n    module procedure {1}\n  end interface oxpar_{0}",
            s.row.name,
            procs.join(", ")
        );
    }
    let mut body = String::from(head);
    for t in "sdcz".chars() {
        let of_type: Vec<&Section> = sections
            .iter()
            .filter(|s| s.row.types.contains(t))
            .collect();
        if of_type.is_empty() {
            continue;
        }
        let _ = writeln!(
            body,
            "\n  ! ---------------------------------------------------------------------------\n  ! {}",
            kinds(t).2
        );
        for s in of_type {
            let _ = writeln!(body, "\n{}", instantiate(s.row, &s.body, t));
        }
    }
    Ok([decl, body, format!("{head}{public}")])
}

// The symmetric/Hermitian eigenproblem: one generic `oxpar_eigh` over
// `oxpar_?syev` (real) and `oxpar_?heev` (complex).
const EIGH_TWIN: Twin = Twin {
    name: "eigh",
    types: "sdcz",
    c: |_, t| {
        if matches!(t, 'c' | 'z') {
            format!("oxpar_{t}heev")
        } else {
            format!("oxpar_{t}syev")
        }
    },
};
