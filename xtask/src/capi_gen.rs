//! Writes crates/oxpar-capi/src/generated.rs from the routine table: for each
//! generated routine a generic helper (argument conversion through `ffi`,
//! copies of inputs that share memory with the output, the trait call) and
//! one typed `extern "C"` shell per element type, with its documentation
//! (which cbindgen copies into include/oxpar.h).

use std::fmt::Write;

use crate::routines::{
    c_name, element, enum_info, generated, real_element, with_helper, Arg, Ext, Io, Kind, Role,
    Routine,
};

/// The module's text (before rustfmt).
pub fn module() -> String {
    let mut s = String::from(
        "//! Generated from the routine table (xtask/src/routines.rs) by `make gen`.\n\
         //! Do not edit: change the table and regenerate.\n\
         //!\n\
         //! Each routine is a generic helper (argument conversion through `ffi`,\n\
         //! private copies of inputs that share memory with the output, the trait\n\
         //! call) and one typed shell per element type.\n\n\
         use oxpar::{Element, HostBackend, Level2, Level3};\n\n\
         use crate::blas::conj_in_place;\n\
         use crate::boundary::call;\n\
         use crate::context::oxpar_context;\n\
         use crate::ffi::{self, detach_mat, detach_slice, detach_vec, read_mat, read_vec, Operand};\n\
         use crate::status::{diag_from, oxpar_status, side_from, trans_from, uplo_from, CapiError};\n\
         use crate::{oxpar_c32, oxpar_c64};\n\n",
    );
    for r in generated() {
        helper(&mut s, r);
        for t in r.types.chars() {
            shell(&mut s, r, t);
        }
    }
    s
}

pub(crate) fn ext_rust(r: &Routine, e: Ext) -> String {
    match e {
        Ext::D(x) => x.to_string(),
        Ext::Pick { on, no, yes } => {
            let Role::Enum(kind) = r.arg(on).role else {
                unreachable!()
            };
            let info = enum_info(kind);
            format!(
                "if {on} == {}::{} {{ {no} }} else {{ {yes} }}",
                info.rust, info.variants[0]
            )
        }
    }
}

/// The dimension argument a band's width comes from (`kl`, or a triangle's `k`).
fn width_name(kl: Ext) -> &'static str {
    match kl {
        Ext::D(x) => x,
        Ext::Pick { no, yes, .. } => {
            if no == "0" {
                yes
            } else {
                no
            }
        }
    }
}

/// The C parameters of a routine as Rust, `t` standing for the element type
/// and `real` for its real type.
fn params(r: &Routine, t: &str, real: &str) -> String {
    let mut p = Vec::new();
    for a in r.args {
        let n = a.name;
        match a.role {
            Role::Context => p.push(format!("{n}: *const oxpar_context")),
            Role::Enum(_) => p.push(format!("{n}: i32")),
            Role::Dim => p.push(format!("{n}: usize")),
            Role::Scalar { .. } => p.push(format!("{n}: *const {t}")),
            Role::RealScalar { .. } => p.push(format!("{n}: *const {real}")),
            Role::Vector { io, inc, .. } => {
                p.push(format!("{n}: {} {t}", ptr(io)));
                p.push(format!("{inc}: isize"));
            }
            Role::Matrix { io, rs, cs, .. } => {
                p.push(format!("{n}: {} {t}", ptr(io)));
                p.push(format!("{rs}: isize"));
                p.push(format!("{cs}: isize"));
            }
            Role::Band { ld, .. } => {
                p.push(format!("{n}: *const {t}"));
                p.push(format!("{ld}: isize"));
            }
            Role::Packed { io, .. } => p.push(format!("{n}: {} {t}", ptr(io))),
            Role::Out => p.push(format!("{n}: *mut {t}")),
            Role::RealOut => p.push(format!("{n}: *mut {real}")),
            Role::IndexOut => p.push(format!("{n}: *mut usize")),
        }
    }
    p.join(", ")
}

fn ptr(io: Io) -> &'static str {
    match io {
        Io::In => "*const",
        Io::InOut => "*mut",
    }
}

/// The argument names of the C signature, strides included.
pub fn names(r: &Routine) -> Vec<&'static str> {
    let mut v = Vec::new();
    for a in r.args {
        v.push(a.name);
        match a.role {
            Role::Vector { inc, .. } => v.push(inc),
            Role::Matrix { rs, cs, .. } => v.extend([rs, cs]),
            Role::Band { ld, .. } => v.push(ld),
            _ => {}
        }
    }
    v
}

fn is_output(a: &Arg) -> bool {
    matches!(
        a.role,
        Role::Vector { io: Io::InOut, .. }
            | Role::Matrix { io: Io::InOut, .. }
            | Role::Packed { io: Io::InOut, .. }
    )
}

fn is_input_array(a: &Arg) -> bool {
    matches!(
        a.role,
        Role::Vector { io: Io::In, .. }
            | Role::Matrix { io: Io::In, .. }
            | Role::Band { .. }
            | Role::Packed { io: Io::In, .. }
    )
}

fn is_array(a: &Arg) -> bool {
    matches!(
        a.role,
        Role::Vector { .. } | Role::Matrix { .. } | Role::Band { .. } | Role::Packed { .. }
    )
}

fn helper(s: &mut String, r: &Routine) {
    let level = match r.level {
        2 => "Level2",
        3 => "Level3",
        l => panic!("{}: level {l} routines are not generated yet", r.name),
    };
    let outputs: Vec<&Arg> = r.args.iter().filter(|a| is_output(a)).collect();
    assert_eq!(outputs.len(), 1, "{}: one written array", r.name);
    let _ = writeln!(
        s,
        "/// # Safety\n/// The pointer contracts of the exported functions that call it.\n\
         #[allow(clippy::too_many_arguments, reason = \"the BLAS signature\")]\n\
         unsafe fn {}<T: Element>({}) -> Result<(), CapiError>\nwhere\n    dyn HostBackend: {level}<T>,\n{{",
        r.name,
        params(r, "T", "T::Real"),
    );
    s.push_str(
        "    // SAFETY: forwarded pointer contracts.\n    let ctx = unsafe { ffi::context(ctx)? };\n",
    );
    for a in r.args {
        if let Role::Enum(kind) = a.role {
            let _ = writeln!(
                s,
                "    let {0} = {1}({0}, \"{0}\")?;",
                a.name,
                enum_info(kind).from
            );
        }
    }
    let conj_op = conjugated_op(r);
    if let Some(t) = conj_op {
        let _ = writeln!(
            s,
            "    // Band and packed views carry no conjugation: op(A) = A^H is\n    \
             // conj(A^T conj(..)), the scalars, the vector read and the one written\n    \
             // conjugated around the call with A^T.\n    \
             let conj = {t} == oxpar::Trans::ConjYes && T::DTYPE.is_complex();"
        );
    }
    for a in r.args {
        let n = a.name;
        match a.role {
            Role::Scalar { .. } | Role::RealScalar { .. } => {
                let _ = writeln!(
                    s,
                    "    // SAFETY: forwarded pointer contracts.\n    let {n} = unsafe {{ ffi::scalar({n}, \"{n}\")? }};"
                );
                if conj_op.is_some() && matches!(a.role, Role::Scalar { .. }) {
                    let _ = writeln!(s, "    let {n} = if conj {{ {n}.conj() }} else {{ {n} }};");
                }
            }
            Role::Vector { io, len, inc } => {
                let f = if io == Io::In { "vec_ref" } else { "vec_mut" };
                let mutable = if conj_op.is_some() && io == Io::InOut {
                    "mut "
                } else {
                    ""
                };
                let _ = writeln!(
                    s,
                    "    let len = {};\n    // SAFETY: forwarded pointer contracts.\n    \
                     let {mutable}{n}v = unsafe {{ ffi::{f}({n}, len, {inc}, [\"{n}\", \"{inc}\"])? }};",
                    ext_rust(r, len)
                );
            }
            Role::Matrix {
                io,
                rows,
                cols,
                rs,
                cs,
                ..
            } => {
                let f = if io == Io::In { "mat_ref" } else { "mat_mut" };
                let _ = writeln!(
                    s,
                    "    let (rows, cols) = ({}, {});\n    // SAFETY: forwarded pointer contracts.\n    \
                     let {n}v = unsafe {{ ffi::{f}({n}, rows, cols, {rs}, {cs}, [\"{n}\", \"{rs}\", \"{cs}\"])? }};",
                    ext_rust(r, rows),
                    ext_rust(r, cols)
                );
            }
            Role::Band {
                rows,
                cols,
                kl,
                ku,
                ld,
                ..
            } => {
                let _ = writeln!(
                    s,
                    "    let (rows, cols) = ({}, {});\n    let (kl, ku) = ({}, {});\n    \
                     // SAFETY: forwarded pointer contracts.\n    \
                     let {n}v = unsafe {{ ffi::band_ref({n}, (rows, cols), (kl, ku), {ld}, [\"{n}\", \"{ld}\", \"{}\"])? }};",
                    ext_rust(r, rows),
                    ext_rust(r, cols),
                    ext_rust(r, kl),
                    ext_rust(r, ku),
                    width_name(kl)
                );
            }
            Role::Packed {
                io, n: order, uplo, ..
            } => {
                let (f, bind) = if io == Io::In {
                    ("packed_ref", format!("{n}v"))
                } else {
                    ("packed_mut", format!("({n}v, {n}_elements)"))
                };
                let _ = writeln!(
                    s,
                    "    // SAFETY: forwarded pointer contracts.\n    \
                     let {bind} = unsafe {{ ffi::{f}({n}, {order}, {uplo}, \"{n}\")? }};"
                );
            }
            _ => {}
        }
    }
    // op(A) = A^T is the transposed view, whose stored triangle is the other one.
    for a in r.args {
        if let Role::Enum(Kind::Uplo { of }) = a.role {
            if let Role::Matrix { op: Some(t), .. } | Role::Band { op: Some(t), .. } =
                r.arg(of).role
            {
                let _ = writeln!(
                    s,
                    "    // The (conjugate) transpose of the view holds the other triangle.\n    \
                     let uplo = if {t}.is_transposed() {{ uplo.flip() }} else {{ uplo }};"
                );
            }
        }
    }
    let out = outputs[0];
    let operand = match out.role {
        Role::Vector { .. } => format!("Operand::vector({}v.as_ref())", out.name),
        Role::Packed { .. } => format!("{}_elements", out.name),
        _ => format!("Operand::matrix({}v.as_ref())", out.name),
    };
    let _ = writeln!(
        s,
        "    // Inputs that share memory with {} are read from copies.\n    \
         let outputs = [{operand}];",
        out.name
    );
    for a in r.args {
        match a.role {
            Role::Vector { io: Io::In, .. } => {
                let _ = writeln!(s, "    let {0}_copy = detach_vec({0}v, &outputs);", a.name);
            }
            Role::Matrix { io: Io::In, .. } => {
                let _ = writeln!(s, "    let {0}_copy = detach_mat({0}v, &outputs);", a.name);
            }
            Role::Band { .. } | Role::Packed { io: Io::In, .. } => {
                let _ = writeln!(
                    s,
                    "    let {0}_copy = detach_slice({0}v.data(), &outputs);",
                    a.name
                );
            }
            _ => {}
        }
    }
    if conj_op.is_some() {
        for a in r.args {
            match a.role {
                Role::Vector { io: Io::In, .. } => {
                    let _ = writeln!(
                        s,
                        "    let {0}_conj: Option<Vec<T>> =\n        \
                         conj.then(|| read_vec({0}v, &{0}_copy).iter().map(Element::conj).collect());",
                        a.name
                    );
                }
                Role::Vector { io: Io::InOut, .. } => {
                    let _ = writeln!(
                        s,
                        "    if conj {{\n        conj_in_place({}v.rb_mut());\n    }}",
                        a.name
                    );
                }
                _ => {}
            }
        }
    }
    let call: Vec<String> = r
        .call
        .iter()
        .map(|c| {
            let a = r.arg(c);
            match a.role {
                Role::Vector { io: Io::In, .. } if conj_op.is_some() => format!(
                    "match &{c}_conj {{ Some(v) => oxpar::VecRef::from_slice(v), None => read_vec({c}v, &{c}_copy) }}"
                ),
                Role::Vector { io: Io::InOut, .. } if conj_op.is_some() => format!("{c}v.rb_mut()"),
                Role::Vector { io: Io::In, .. } => format!("read_vec({c}v, &{c}_copy)"),
                Role::Matrix { io: Io::In, op, .. } => match op {
                    Some(t) => format!("{t}.apply(read_mat({c}v, &{c}_copy))"),
                    None => format!("read_mat({c}v, &{c}_copy)"),
                },
                Role::Band { op, .. } | Role::Packed { io: Io::In, op, .. } => match op {
                    // Band and packed views carry no conjugation: for
                    // CONJ on complex data the vectors are conjugated
                    // around the call (above).
                    Some(t) => format!(
                        "if {t}.is_transposed() {{ {c}v.view(&{c}_copy).t() }} else {{ {c}v.view(&{c}_copy) }}"
                    ),
                    None => format!("{c}v.view(&{c}_copy)"),
                },
                Role::Vector { .. } | Role::Matrix { .. } | Role::Packed { .. } => format!("{c}v"),
                _ => c.to_string(),
            }
        })
        .collect();
    if conj_op.is_some() {
        // The output is conjugated back whatever the call answered: a failing
        // call leaves its operands as they were.
        let out = r
            .args
            .iter()
            .find(|a| matches!(a.role, Role::Vector { io: Io::InOut, .. }))
            .expect("a band or packed op writes a vector")
            .name;
        let _ = writeln!(
            s,
            "    let result = {level}::<T>::{}(ctx.host(), {});\n    \
             if conj {{\n        conj_in_place({out}v.rb_mut());\n    }}\n    Ok(result?)\n}}\n",
            r.name,
            call.join(", ")
        );
        return;
    }
    let _ = writeln!(
        s,
        "    Ok({level}::<T>::{}(ctx.host(), {})?)\n}}\n",
        r.name,
        call.join(", ")
    );
}

/// The `trans` argument of a band or packed operand (whose views cannot
/// carry a conjugation), if the routine has one.
fn conjugated_op(r: &Routine) -> Option<&'static str> {
    r.args.iter().find_map(|a| match a.role {
        Role::Band { op: Some(t), .. } | Role::Packed { op: Some(t), .. } => Some(t),
        _ => None,
    })
}

/// `x`, `` `a` and `b` ``: a list of code names for the docs.
fn list(names: &[&str], and: &str) -> String {
    let q: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
    match q.len() {
        0 => String::new(),
        1 => q[0].clone(),
        k => format!("{} {and} {}", q[..k - 1].join(", "), q[k - 1]),
    }
}

fn ext_doc(e: Ext, which: usize) -> &'static str {
    match e {
        Ext::D(x) => x,
        Ext::Pick { no, yes, .. } => [no, yes][which],
    }
}

/// The enum a matrix's or vector's shape depends on, if any.
fn pick_of(exts: &[Ext]) -> Option<&'static str> {
    exts.iter().find_map(|e| match e {
        Ext::Pick { on, .. } => Some(*on),
        Ext::D(_) => None,
    })
}

/// Writes a shape from its extents.
type ShapeText = fn(&[&str]) -> String;

/// The shapes of the arrays, for the docs.
fn shapes_doc(r: &Routine) -> String {
    let mut parts = Vec::new();
    for a in r.args {
        let (exts, text): (Vec<Ext>, ShapeText) = match a.role {
            Role::Vector { len, .. } => (vec![len], |v| format!("`{}` elements", v[0])),
            Role::Matrix { rows, cols, .. } => {
                (vec![rows, cols], |v| format!("`{} x {}`", v[0], v[1]))
            }
            Role::Band { .. } | Role::Packed { .. } => {
                parts.push(storage_doc(a));
                continue;
            }
            _ => continue,
        };
        let at = |w| exts.iter().map(|&e| ext_doc(e, w)).collect::<Vec<_>>();
        let shape = match pick_of(&exts) {
            None => text(&at(0)),
            Some(on) => {
                let Role::Enum(kind) = r.arg(on).role else {
                    unreachable!()
                };
                let c = enum_info(kind).consts;
                format!(
                    "{} ({on} = `{}`) or {} (`{}`)",
                    text(&at(0)),
                    c[0],
                    text(&at(1)),
                    c[1]
                )
            }
        };
        let stored = if matches!(a.role, Role::Matrix { .. }) {
            " as stored"
        } else {
            ""
        };
        parts.push(format!("`{}` is {shape}{stored}", a.name));
    }
    parts.join("; ")
}

/// The storage of a band or packed argument, for the docs.
fn storage_doc(a: &Arg) -> String {
    let n = a.name;
    match a.role {
        Role::Band {
            rows,
            cols,
            kl: Ext::D(kl),
            ku: Ext::D(ku),
            ld,
            ..
        } => format!(
            "`{n}` is the `{} x {}` band matrix with `{kl}` sub- and `{ku}` super-diagonals in LAPACK band \
             storage: element `(i, j)` of the band at `{n}[{ku} + i - j + j*{ld}]`, `{ld} >= {kl} + {ku} + 1` \
             (CBLAS row-major band data is the band storage of the transpose: swap `m` and `n`, `kl` and `ku`, \
             and flip `trans`)",
            ext_doc(rows, 0),
            ext_doc(cols, 0)
        ),
        Role::Band { cols, kl, ld, .. } => {
            let k = ext_doc(kl, 1);
            format!(
                "`{n}` is the `uplo` triangle of the `{0} x {0}` band matrix with `{k}` off-diagonals in LAPACK band \
                 storage: element `(i, j)` of the triangle at `{n}[{k} + i - j + j*{ld}]` (upper) or \
                 `{n}[i - j + j*{ld}]` (lower), `{ld} >= {k} + 1` (CBLAS row-major band data of one triangle is the \
                 other triangle's band storage of the transpose: flip `uplo`, and `trans` where there is one)",
                ext_doc(cols, 0)
            )
        }
        Role::Packed { n: order, .. } => format!(
            "`{n}` is the `uplo` triangle of an `{order} x {order}` matrix packed column by column in \
             `{order}*({order}+1)/2` contiguous elements: element `(i, j)` at `{n}[i + j*(j+1)/2]` (upper, `i <= j`) \
             or `{n}[i + j*(2*{order}-j-1)/2]` (lower, `i >= j`) (row-packed data of one triangle is the other \
             triangle of the transpose packed by columns: flip `uplo`, and `trans` where there is one)"
        ),
        _ => unreachable!(),
    }
}

fn enums_doc(r: &Routine) -> (String, Vec<String>) {
    let mut text = Vec::new();
    let mut bad = Vec::new();
    for a in r.args {
        let Role::Enum(kind) = a.role else { continue };
        let c = enum_info(kind).consts;
        let what = match kind {
            Kind::Side => "on which side of `b` the matrix `a` stands".to_string(),
            Kind::Uplo { of } => format!("which triangle of `{of}` (as stored) is used"),
            Kind::Trans => {
                let of: Vec<&str> = r
                    .args
                    .iter()
                    .filter(|m| {
                        matches!(
                            m.role,
                            Role::Matrix { op: Some(t), .. }
                                | Role::Band { op: Some(t), .. }
                                | Role::Packed { op: Some(t), .. } if t == a.name
                        )
                    })
                    .map(|m| m.name)
                    .collect();
                format!(
                    "whether op({0}) is `{0}`, its transpose or its conjugate transpose (`{1}`, the \
                     transpose for real elements, as BLAS's `'C'`)",
                    of.join(", "),
                    TRANS_CONJ
                )
            }
            Kind::Diag => "whether the diagonal of `a` is read or taken as all ones".to_string(),
        };
        if kind == Kind::Trans {
            text.push(format!(
                "`{}` (`{}`, `{}` or `{TRANS_CONJ}`): {what}",
                a.name, c[0], c[1]
            ));
            bad.push(format!(
                "{} none of `{}`, `{}`, `{TRANS_CONJ}`",
                a.name, c[0], c[1]
            ));
        } else {
            text.push(format!("`{}` (`{}` or `{}`): {what}", a.name, c[0], c[1]));
            bad.push(format!("{} neither `{}` nor `{}`", a.name, c[0], c[1]));
        }
    }
    (text.join("; "), bad)
}

/// The C constant of the conjugate transpose, the `Trans` enum's third value.
const TRANS_CONJ: &str = "OXPAR_TRANS_CONJ";

fn shell(s: &mut String, r: &Routine, t: char) {
    let (_, rust, word) = element(t);
    let (_, real, _) = real_element(t);
    let mut doc = format!("{}, on {word}.\n", r.doc);
    if !r.more.is_empty() {
        doc += &format!("\n{}\n", r.more);
    }
    let (enums, bad_enums) = enums_doc(r);
    if !enums.is_empty() {
        doc += &format!("\n{enums}.\n");
    }
    let strided_matrix = r.args.iter().any(|a| matches!(a.role, Role::Matrix { .. }));
    doc += &format!(
        "\nShapes: {}. {} by a pointer to its logical first element and its increment.\n",
        shapes_doc(r),
        if strided_matrix {
            "A matrix is given by a pointer to its element (0, 0) and its element strides \
             (row, column): column-major (Fortran) data has `rs = 1, cs = ld`, row-major (C) data `rs = ld, cs = 1`; \
             a vector"
        } else {
            "A vector is given"
        }
    );
    let scalars: Vec<&str> = r
        .args
        .iter()
        .filter(|a| {
            matches!(
                a.role,
                Role::Context | Role::Scalar { .. } | Role::RealScalar { .. }
            )
        })
        .map(|a| a.name)
        .collect();
    let arrays: Vec<&str> = r
        .args
        .iter()
        .filter(|a| is_array(a))
        .map(|a| a.name)
        .collect();
    let strided: Vec<&str> = r
        .args
        .iter()
        .filter(|a| {
            matches!(
                a.role,
                Role::Vector { io: Io::In, .. } | Role::Matrix { io: Io::In, .. }
            )
        })
        .map(|a| a.name)
        .collect();
    let inputs: Vec<&str> = r
        .args
        .iter()
        .filter(|a| is_input_array(a))
        .map(|a| a.name)
        .collect();
    let output = r
        .args
        .iter()
        .find(|a| is_output(a))
        .expect("an output")
        .name;
    // The generated routines are not collective: the MPI backend answers
    // Unsupported for them (a routine that becomes distributed needs its own
    // sentence here, from a field of its row).
    let mut invalid = bad_enums;
    for a in r.args {
        if let Role::Band { kl, .. } = a.role {
            let rows = match kl {
                Ext::D(_) => "kl + ku + 1",
                Ext::Pick { .. } => "k + 1",
            };
            invalid.push(format!("{} with `{rows}` overflowing", width_name(kl)));
        }
    }
    invalid.push("an array not aligned for its type".into());
    let mut stride_errors = Vec::new();
    let out_arg = r.arg(output);
    if !matches!(out_arg.role, Role::Packed { .. }) {
        stride_errors.push(format!(
            "strides that give two elements of `{output}` the same address"
        ));
    }
    for a in r.args {
        if let Role::Band { kl, ld, .. } = a.role {
            let rows = match kl {
                Ext::D(_) => "kl + ku + 1".to_string(),
                Ext::Pick { .. } => format!("{} + 1", ext_doc(kl, 1)),
            };
            stride_errors.push(format!("`{ld}` below the band's `{rows}` rows"));
        }
    }
    stride_errors.push("an array beyond the address space".into());
    let were = if inputs.len() == 1 {
        "it were"
    } else {
        "they were"
    };
    let sharing = if strided == inputs {
        format!(
            "{} may have any strides, 0 included, and may share memory with `{output}`: the result is as if {were} read first.",
            list(&inputs, "and")
        )
    } else if strided.is_empty() {
        format!(
            "{} may share memory with `{output}`: the result is as if {were} read first.",
            list(&inputs, "and")
        )
    } else {
        format!(
            "{} may share memory with `{output}`: the result is as if {were} read first; {} may have any strides, 0 included.",
            list(&inputs, "and"),
            list(&strided, "and")
        )
    };
    doc += &format!(
        "\nErrors: `OXPAR_STATUS_NULL_POINTER` ({}; {} when not empty), `OXPAR_STATUS_INVALID_ARGUMENT` ({}), \
         `OXPAR_STATUS_INVALID_STRIDE` ({}). {sharing} On an MPI context `OXPAR_STATUS_UNSUPPORTED` on every rank (the call \
         is not collective).\n",
        scalars.join(", "),
        list(&arrays, "or"),
        invalid.join("; "),
        {
            let (last, rest) = stride_errors.split_last().expect("one at least");
            if rest.is_empty() {
                last.clone()
            } else {
                format!("{}, or {last}", rest.join(", "))
            }
        },
    );
    doc += "\n# Safety\n`ctx` is NULL or a live context; every non-NULL pointer addresses the elements its sizes \
            and strides describe (readable, and writable for outputs) for the duration of the call.";
    for line in doc.lines() {
        if line.is_empty() {
            s.push_str("///\n");
        } else {
            for part in wrap(line) {
                let _ = writeln!(s, "/// {part}");
            }
        }
    }
    let name = c_name(r, t);
    let _ = writeln!(
        s,
        "#[no_mangle]\npub unsafe extern \"C\" fn {name}({}) -> oxpar_status {{\n    \
         // SAFETY: this function's contract.\n    call(\"{name}\", || unsafe {{ {}({}) }})\n}}\n",
        params(r, rust, real),
        r.name,
        names(r).join(", ")
    );
}

/// The text of crates/oxpar-capi/src/blas/shells.rs (before rustfmt): the
/// typed shells of the routines with a hand-written helper, every routine's
/// float shell and then every double one (the order the header has always
/// had).
pub fn helper_shells() -> String {
    let mut s = String::from(
        "//! Generated from the routine table (xtask/src/routines.rs) by `make gen`.\n\
         //! Do not edit: change the table (and its docs in xtask/src/helper_docs.rs)\n\
         //! and regenerate.\n\
         //!\n\
         //! The typed shells of the routines whose generic helpers in `blas.rs`\n\
         //! are written by hand.\n\n\
         use super::*;\n\n",
    );
    for t in "sdcz".chars() {
        for (r, h) in with_helper().filter(|(r, _)| r.types.contains(t)) {
            helper_shell(&mut s, r, h, t);
        }
    }
    s
}

/// Vectors' negative-increment convention, in each shell that has vectors.
const NEGATIVE_INCREMENTS: &str =
    "Vectors are given by a pointer to their logical first element: element `i`
of `x` is at `x + i*incx` for negative `incx` too (NumPy's and Fortran's
convention). Reference BLAS takes the array's lowest address instead: to
port a BLAS call with `incx < 0`, pass `x + (n-1)*(-incx)`.";

/// What an MPI context does with complex elements, in the complex shells of
/// the collective hand-written helpers (whose collective notes are the real
/// types').
const COMPLEX_ON_MPI: &str =
    "On an MPI context complex elements are distributed as real ones are, and
the call is collective in the same way: ranks that mix complex and real
elements, or the two complex types, all get `OXPAR_STATUS_INVALID_ARGUMENT`.";

/// The pointer contract of every shell.
const SAFETY: &str = "# Safety
`ctx` is NULL or a live context; every non-NULL pointer addresses the
elements its sizes and strides describe (readable, and writable for
outputs) for the duration of the call.";

fn helper_shell(s: &mut String, r: &Routine, h: crate::routines::Helper, t: char) {
    let (_, rust, words) = element(t);
    let (_, real, _) = real_element(t);
    let word = words.trim_end_matches('s');
    let typed = |text: &str| text.replace("{floats}", words).replace("{float}", word);
    let mut paragraphs: Vec<String> = typed(h.doc).split("\n\n").map(str::to_string).collect();
    if t == 's' && !h.single.is_empty() {
        paragraphs.insert(1, h.single.to_string());
    }
    if matches!(t, 'c' | 'z') && !h.complex.is_empty() {
        paragraphs.insert(1, h.complex.to_string());
    }
    if r.args.iter().any(|a| matches!(a.role, Role::Vector { .. })) {
        paragraphs.push(NEGATIVE_INCREMENTS.to_string());
    }
    paragraphs.push(typed(h.errors));
    if matches!(t, 'c' | 'z') && h.collective {
        paragraphs.push(COMPLEX_ON_MPI.to_string());
    }
    paragraphs.push(SAFETY.to_string());
    for line in paragraphs.join("\n\n").lines() {
        if line.is_empty() {
            s.push_str("///\n");
        } else {
            let _ = writeln!(s, "/// {line}");
        }
    }
    let name = c_name(r, t);
    let call = if h.call.is_empty() {
        format!("{}({})", r.name, names(r).join(", "))
    } else {
        h.call.to_string()
    };
    let _ = writeln!(
        s,
        "#[no_mangle]\npub unsafe extern \"C\" fn {name}({}) -> oxpar_status {{\n    \
         // SAFETY: this function's contract.\n    call(\"{name}\", || unsafe {{ {call} }})\n}}\n",
        params(r, rust, real),
    );
}

/// Wraps a paragraph at about 90 columns (the docs land in the header too).
pub(crate) fn wrap(line: &str) -> Vec<String> {
    // Words: split at spaces outside `code`, so no line starts with `+` or `*`.
    let mut words = vec![String::new()];
    let mut code = false;
    for c in line.chars() {
        if c == '`' {
            code = !code;
        }
        if c == ' ' && !code {
            words.push(String::new());
        } else {
            words.last_mut().expect("a word").push(c);
        }
    }
    let mut out = vec![String::new()];
    for word in &words {
        let last = out.last_mut().expect("one line");
        if !last.is_empty() && last.len() + 1 + word.len() > 90 {
            out.push(word.to_string());
        } else {
            if !last.is_empty() {
                last.push(' ');
            }
            last.push_str(word);
        }
    }
    out
}

/// Checks that every row of the table, hand-written shells included, names
/// the C parameters the header declares, in order (so the table describes
/// the hand-written routines truthfully too).
pub fn check_header(header: &str) -> Result<(), String> {
    for r in crate::routines::ROUTINES {
        for t in r.types.chars() {
            let name = c_name(r, t);
            let start = header
                .find(&format!(" {name}("))
                .ok_or_else(|| format!("routine table: {name} is not in the header"))?;
            let rest = &header[start + name.len() + 2..];
            let params = &rest[..rest.find(')').ok_or("unterminated prototype")?];
            let got: Vec<&str> = params
                .split(',')
                .map(|p| p.trim().rsplit([' ', '*']).next().unwrap_or(""))
                .collect();
            if got != names(r) {
                return Err(format!(
                    "routine table: the row of {} names ({}) but the header's {name} has ({})",
                    r.name,
                    names(r).join(", "),
                    got.join(", ")
                ));
            }
        }
    }
    Ok(())
}
