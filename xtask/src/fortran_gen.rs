//! Writes the idiomatic Fortran generics of the generated routines, as two
//! include files for the module that holds the BLAS generics:
//! `oxpar_blas_gen_decl.inc` (the `public` statements and generic interfaces,
//! for the specification part) and `oxpar_blas_gen_body.inc` (the module
//! procedures of every element type of the row, `_sp`/`_dp` on real32/real64
//! arrays and `_csp`/`_cdp` on complex(real32)/complex(real64) ones, and
//! their helpers, for after `contains`); a third,
//! `oxpar_blas_gen_public.inc`, is the `public` statement with which the
//! umbrella module `oxpar` re-exports the generics.
//!
//! The generated code uses from its host module only `oxpar_context`,
//! `context_handle`, `finish`, `error_message`, `str`, `csize`, the views
//! `vector_<kind>`/`matrix_<kind>` (`sp`, `dp`, `csp`, `cdp`), `sp`, `dp`
//! and the module `oxpar_c`; its own helpers are named `gen_*`.
//!
//! A complex procedure's `trans` takes `'C'`, the conjugate transpose
//! (`OXPAR_TRANS_CONJ`); a real one reads `'C'` as `'T'`, as BLAS does. The
//! real scalars of complex routines (her's `alpha`, herk's) are `real`.

use std::fmt::Write;

use crate::routines::{enum_info, generated, Arg, Ext, Io, Kind, Role, Routine};

const HEAD: &str =
    "! Generated from the routine table (xtask/src/routines.rs) by `make gen`: do not edit.\n";

/// The Fortran names of an element type letter: the procedures' suffix (and
/// the views' `vector_<suffix>`), the real kind, the type, and its words.
fn fortran_type(t: char) -> (&'static str, &'static str, &'static str, &'static str) {
    match t {
        's' => ("sp", "sp", "real(sp)", "real32"),
        'd' => ("dp", "dp", "real(dp)", "real64"),
        'c' => ("csp", "sp", "complex(sp)", "complex(real32)"),
        'z' => ("cdp", "dp", "complex(dp)", "complex(real64)"),
        _ => panic!("no element type {t}"),
    }
}

/// Whether `t` is a complex element type.
fn is_complex(t: char) -> bool {
    matches!(t, 'c' | 'z')
}

/// The Fortran letters of an enum, its helper, and the description of the
/// letters, for element type `t` (complex ones take `'C'` apart).
fn letters_of(kind: Kind, t: char) -> (&'static str, &'static str) {
    match kind {
        Kind::Trans if is_complex(t) => ("gen_ctrans_code", "'N' (default), 'T' or 'C'"),
        _ => letters(kind),
    }
}

/// The Fortran letters of an enum, its helper, and the description of the letters.
fn letters(kind: Kind) -> (&'static str, &'static str) {
    match kind {
        Kind::Side => ("gen_side_code", "'L' (default) or 'R'"),
        Kind::Uplo { .. } => ("gen_uplo_code", "'U' (default) or 'L'"),
        Kind::Trans => ("gen_trans_code", "'N' (default) or 'T'"),
        Kind::Diag => ("gen_diag_code", "'N' (default) or 'U'"),
    }
}

fn arrays(r: &Routine) -> impl Iterator<Item = &Arg> {
    r.args.iter().filter(|a| {
        matches!(
            a.role,
            Role::Vector { .. } | Role::Matrix { .. } | Role::Band { .. } | Role::Packed { .. }
        )
    })
}

fn enums(r: &Routine) -> impl Iterator<Item = (&Arg, Kind)> {
    r.args.iter().filter_map(|a| match a.role {
        Role::Enum(k) => Some((a, k)),
        _ => None,
    })
}

fn scalars(r: &Routine) -> impl Iterator<Item = (&Arg, &'static str)> {
    r.args.iter().filter_map(|a| match a.role {
        Role::Scalar { default } | Role::RealScalar { default } => Some((a, default)),
        _ => None,
    })
}

/// The dummy arguments after `ctx`, in order.
fn dummies(r: &Routine) -> Vec<&'static str> {
    let mut v: Vec<&str> = arrays(r).map(|a| a.name).collect();
    v.extend(r.given_dims());
    v.extend(enums(r).map(|(a, _)| a.name));
    v.extend(scalars(r).map(|(a, _)| a.name));
    v.extend(["stat", "errmsg"]);
    v
}

/// The statement's words: split at spaces outside string literals.
fn words(stmt: &str) -> Vec<String> {
    let mut out = vec![String::new()];
    let mut quote = None;
    for c in stmt.chars() {
        match (c, quote) {
            (' ', None) => out.push(String::new()),
            ('"' | '\'', None) => quote = Some(c),
            (q, Some(open)) if q == open => quote = None,
            _ => {}
        }
        if c != ' ' || quote.is_some() {
            out.last_mut().expect("a word").push(c);
        }
    }
    out
}

/// Wraps a Fortran statement at about 110 columns with `&` continuations
/// (never inside a string literal).
pub(crate) fn wrap(indent: &str, stmt: &str) -> String {
    let mut out = String::new();
    let mut line = indent.to_string();
    for (i, word) in words(stmt).iter().enumerate() {
        if i > 0 && line.len() + word.len() + 3 > 110 {
            out.push_str(line.trim_end());
            out.push_str(" &\n");
            line = format!("{indent}  ");
        } else if i > 0 {
            line.push(' ');
        }
        line.push_str(word);
    }
    out.push_str(&line);
    out.push('\n');
    out
}

/// A `!>` comment, wrapped at about 100 columns.
fn comment(indent: &str, text: &str) -> String {
    let mut out = String::new();
    let mut line = String::new();
    for word in text.split(' ') {
        if !line.is_empty() && line.len() + word.len() > 95 {
            let _ = writeln!(out, "{indent}!> {line}");
            line.clear();
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    let _ = writeln!(out, "{indent}!> {line}");
    out
}

/// The declarations file.
pub fn decl() -> String {
    let mut s = String::from(HEAD);
    let names: Vec<String> = generated().map(|r| format!("oxpar_{}", r.name)).collect();
    s.push_str(&wrap("  ", &format!("public :: {}", names.join(", "))));
    for r in generated() {
        let mut usage = format!("call oxpar_{}(ctx", r.name);
        for a in arrays(r) {
            usage += &format!(", {}", a.name);
        }
        for d in r.given_dims() {
            usage += &format!(", {d}");
        }
        for d in dummies(r)
            .iter()
            .skip(arrays(r).count() + r.given_dims().len())
        {
            usage += &format!(" [, {d}]");
        }
        usage += ")";
        s.push('\n');
        s.push_str(&comment("  ", &format!("{}:", r.doc)));
        s.push_str(&comment("  ", &format!("`{usage}`.")));
        let procs: Vec<String> = r
            .types
            .chars()
            .map(|t| format!("{}_{}", r.name, fortran_type(t).0))
            .collect();
        let _ = write!(
            s,
            "  interface oxpar_{n}\n    module procedure {}\n  end interface oxpar_{n}\n",
            procs.join(", "),
            n = r.name
        );
    }
    s
}

/// The `public` statement of the generic names for the umbrella module
/// `oxpar` (bindings/fortran/src/oxpar.f90 includes it), so a new row needs
/// no hand edit there.
pub fn public() -> String {
    let mut s = String::from(HEAD);
    let names: Vec<String> = generated().map(|r| format!("oxpar_{}", r.name)).collect();
    s.push_str(&wrap("  ", &format!("public :: {}", names.join(", "))));
    s
}

/// The module procedures file.
pub fn body() -> String {
    let mut s = String::from(HEAD);
    for r in generated() {
        for t in r.types.chars() {
            procedure(&mut s, r, t);
        }
    }
    s.push_str(HELPERS);
    s
}

fn ext_doc(e: Ext, r: &Routine) -> String {
    match e {
        Ext::D(x) => x.to_string(),
        Ext::Pick { on, no, yes } => {
            let Role::Enum(k) = r.arg(on).role else {
                unreachable!()
            };
            let first = letters(k).1.split(' ').next().unwrap_or("");
            format!("{no} ({on} = {first}, else {yes})")
        }
    }
}

/// `call gen_bind(...)` for one extent of one array, resolving a pick at run
/// time; the first mismatch sets `failed` and the message.
fn bind(s: &mut String, r: &Routine, e: Ext, extent: &str, who: &str, noun: &str) {
    let one = |d: &str| {
        format!(
            "call gen_bind(d_{d}, {extent}, failed)\nif (failed .and. len(message) == 0) message = \"oxpar_{}: {who}: has \" // str({extent}) // \" {noun} but must have \" // str(d_{d}) // \" ({d})\"",
            r.name
        )
    };
    let emit = |s: &mut String, indent: &str, text: String| {
        for line in text.lines() {
            s.push_str(&wrap(indent, line));
        }
    };
    match e {
        Ext::D(d) => emit(s, "      ", one(d)),
        Ext::Pick { on, no, yes } => {
            let Role::Enum(kind) = r.arg(on).role else {
                unreachable!()
            };
            let _ = writeln!(s, "      if (e_{on} == {}) then", enum_info(kind).consts[0]);
            emit(s, "        ", one(no));
            s.push_str("      else\n");
            emit(s, "        ", one(yes));
            s.push_str("      end if\n");
        }
    }
}

fn procedure(s: &mut String, r: &Routine, t: char) {
    let (kind, rk, ty, word) = fortran_type(t);
    let n = r.name;
    s.push('\n');
    s.push_str(&comment("  ", &format!("{} (on {word} arrays).", r.doc)));
    s.push_str(&wrap(
        "  ",
        &format!("subroutine {n}_{kind}(ctx, {})", dummies(r).join(", ")),
    ));
    s.push_str(
        "    use, intrinsic :: iso_c_binding, only: c_int32_t, c_ptr, c_ptrdiff_t\n    \
         !> The context to compute on.\n    type(oxpar_context), intent(in) :: ctx\n",
    );
    for a in arrays(r) {
        let (io, shape, what) = match a.role {
            Role::Vector { io, len, .. } => (io, "(:)", format!("`{}` elements", ext_doc(len, r))),
            Role::Matrix { io, rows, cols, .. } => (
                io,
                "(:,:)",
                format!("`{} x {}`", ext_doc(rows, r), ext_doc(cols, r)),
            ),
            Role::Band { cols, kl, ku, .. } => (
                Io::In,
                "(:,:)",
                format!(
                    "LAPACK band storage of the `{}` columns: `kl + ku + 1` rows (`kl = {}`, `ku = {}`), \
                     element `(i, j)` of the band in row `ku + 1 + i - j` of column `j`; contiguous columns",
                    ext_doc(cols, r),
                    ext_doc(kl, r),
                    ext_doc(ku, r)
                ),
            ),
            Role::Packed { io, n: order, .. } => (
                io,
                "(:)",
                format!(
                    "The `uplo` triangle packed by columns, `{order}*({order}+1)/2` contiguous elements"
                ),
            ),
            _ => unreachable!(),
        };
        let intent = if io == Io::In { "in" } else { "inout" };
        let _ = write!(
            s,
            "    !> {what}{}.\n    {ty}, intent({intent}), target :: {}{shape}\n",
            if io == Io::In { "" } else { ", updated" },
            a.name
        );
    }
    for d in r.given_dims() {
        let _ = write!(
            s,
            "    !> The dimension `{d}`.\n    integer, intent(in) :: {d}\n"
        );
    }
    for (a, k) in enums(r) {
        let _ = write!(
            s,
            "    !> {}, case-insensitive.\n    character(len=1), intent(in), optional :: {}\n",
            letters_of(k, t).1,
            a.name
        );
    }
    // A scalar's type: the element's, or its real kind's (her's `alpha`).
    let scalar_type = |a: &Arg| match a.role {
        Role::RealScalar { .. } => format!("real({rk})"),
        _ => ty.to_string(),
    };
    for (a, default) in scalars(r) {
        let _ = write!(
            s,
            "    !> Default {default}{}.\n    {}, intent(in), optional :: {}\n",
            if is_complex(t) && matches!(a.role, Role::RealScalar { .. }) {
                " (real)"
            } else {
                ""
            },
            scalar_type(a),
            a.name
        );
    }
    s.push_str(
        "    !> `OXPAR_STATUS_OK`, or the error's status; absent: an error stops the program.\n    \
         integer, intent(out), optional :: stat\n    !> The error's message (`\"\"` on success).\n    \
         character(len=:), allocatable, intent(out), optional :: errmsg\n    \
         integer(c_int32_t) :: status\n",
    );
    let en: Vec<String> = enums(r).map(|(a, _)| format!("e_{}", a.name)).collect();
    if !en.is_empty() {
        let _ = writeln!(s, "    integer(c_int32_t) :: {}", en.join(", "));
    }
    let dims: Vec<&str> = r
        .args
        .iter()
        .filter(|a| a.role == Role::Dim)
        .map(|a| a.name)
        .collect();
    let dv: Vec<String> = dims.iter().map(|d| format!("d_{d}")).collect();
    let _ = writeln!(s, "    integer :: {}", dv.join(", "));
    for (a, _) in scalars(r) {
        let _ = writeln!(s, "    {} :: s_{}", scalar_type(a), a.name);
    }
    let pv: Vec<String> = arrays(r).map(|a| format!("p_{}", a.name)).collect();
    let _ = writeln!(s, "    type(c_ptr) :: {}", pv.join(", "));
    let mut strides = Vec::new();
    for a in arrays(r) {
        match a.role {
            Role::Vector { inc, .. } => strides.push(inc),
            Role::Matrix { rs, cs, .. } => strides.extend([rs, cs]),
            Role::Band { ld, .. } => strides.extend(["rs_band", ld]),
            Role::Packed { .. } => strides.push("inc_packed"),
            _ => {}
        }
    }
    let _ = writeln!(s, "    integer(c_ptrdiff_t) :: {}", strides.join(", "));
    s.push_str("    logical :: failed\n    character(len=:), allocatable :: message\n\n");
    let _ = writeln!(s, "    {} = -1", dv.join(" = -1\n    "));
    s.push_str(
        "    failed = .false.\n    message = \"\"\n    status = OXPAR_STATUS_INVALID_ARGUMENT\n",
    );
    let mut first = true;
    for (a, k) in enums(r) {
        let (f, desc) = letters_of(k, t);
        let _ = write!(
            s,
            "    {}if (.not. {f}({1}, e_{1})) then\n      message = \"oxpar_{n}: {1}: must be {desc}, got '\" // {1} // \"'\"\n",
            if first { "" } else { "else " },
            a.name,
            desc = desc.replace(" (default)", ""),
        );
        first = false;
    }
    let indent = if first {
        "    "
    } else {
        s.push_str("    else\n");
        "      "
    };
    let _ = writeln!(s, "{indent}status = OXPAR_STATUS_SHAPE_MISMATCH");
    let mut body = String::new();
    for d in r.given_dims() {
        let _ = write!(
            body,
            "      if (.not. failed .and. {d} < 0) then\n        failed = .true.\n        \
             status = OXPAR_STATUS_INVALID_ARGUMENT\n        \
             message = \"oxpar_{n}: {d}: must be >= 0, got \" // str({d})\n      end if\n      d_{d} = {d}\n"
        );
    }
    for a in arrays(r) {
        match a.role {
            Role::Band { cols, kl, ku, .. } => {
                bind(
                    &mut body,
                    r,
                    cols,
                    &format!("size({}, 2)", a.name),
                    a.name,
                    "columns",
                );
                // Given widths: the section must hold the band's rows (its
                // column stride, the C `lda`, may be larger for a section).
                if let (Ext::D(kl), Ext::D(ku)) = (kl, ku) {
                    let _ = write!(
                        body,
                        "      if (.not. failed .and. size({0}, 1) < d_{kl} + d_{ku} + 1) then\n        failed = .true.\n        \
                         message = \"oxpar_{n}: {0}: has \" // str(size({0}, 1)) // \" rows but its band needs {kl} + {ku} + 1 = \" // &\n          \
                         str(d_{kl} + d_{ku} + 1)\n      end if\n",
                        a.name
                    );
                }
                // A triangle's band: its `k` is the storage's rows less one.
                let given = r.given_dims();
                for e in [kl, ku] {
                    if let Ext::Pick { no, yes, .. } = e {
                        let k = if no == "0" { yes } else { no };
                        if !given.contains(&k) {
                            bind(
                                &mut body,
                                r,
                                Ext::D(k),
                                &format!("size({}, 1) - 1", a.name),
                                a.name,
                                "rows less one",
                            );
                            break;
                        }
                    }
                }
            }
            Role::Packed { n: order, .. } => {
                let _ = write!(
                    body,
                    "      if (.not. failed .and. gen_packed_order(size({0})) < 0) then\n        failed = .true.\n        \
                     message = \"oxpar_{n}: {0}: has \" // str(size({0})) // \" elements, which is no n*(n+1)/2\"\n      end if\n",
                    a.name
                );
                bind(
                    &mut body,
                    r,
                    Ext::D(order),
                    &format!("gen_packed_order(size({}))", a.name),
                    a.name,
                    "as order",
                );
            }
            Role::Vector { len, .. } => bind(
                &mut body,
                r,
                len,
                &format!("size({})", a.name),
                a.name,
                "elements",
            ),
            Role::Matrix { rows, cols, .. } => {
                bind(
                    &mut body,
                    r,
                    rows,
                    &format!("size({}, 1)", a.name),
                    a.name,
                    "rows",
                );
                bind(
                    &mut body,
                    r,
                    cols,
                    &format!("size({}, 2)", a.name),
                    a.name,
                    "columns",
                );
            }
            _ => {}
        }
    }
    // The generated lines carry 6 spaces; without enums the block sits at 4.
    let shift = |text: &str| -> String {
        if first {
            text.lines().map(|l| format!("{}\n", &l[2..])).collect()
        } else {
            text.to_string()
        }
    };
    s.push_str(&shift(&body));
    let mut call = String::new();
    let _ = writeln!(call, "      if (.not. failed) then");
    for (a, default) in scalars(r) {
        let value = if scalar_type(a).starts_with("complex") {
            format!("({default}.0_{rk}, 0.0_{rk})")
        } else {
            format!("{default}.0_{rk}")
        };
        let _ = writeln!(
            call,
            "        s_{0} = {value}\n        if (present({0})) s_{0} = {0}",
            a.name
        );
    }
    for a in arrays(r) {
        match a.role {
            Role::Vector { inc, .. } => {
                let _ = writeln!(
                    call,
                    "        call vector_{kind}({0}, p_{0}, {inc})",
                    a.name
                );
            }
            Role::Matrix { rs, cs, .. } => {
                let _ = writeln!(
                    call,
                    "        call matrix_{kind}({0}, p_{0}, {rs}, {cs})",
                    a.name
                );
            }
            Role::Band { ld, .. } => {
                let _ = writeln!(
                    call,
                    "        call matrix_{kind}({0}, p_{0}, rs_band, {ld})",
                    a.name
                );
            }
            Role::Packed { .. } => {
                let _ = writeln!(
                    call,
                    "        call vector_{kind}({0}, p_{0}, inc_packed)",
                    a.name
                );
            }
            _ => {}
        }
    }
    // Band and packed storage address their elements from the first one:
    // refuse sections that are not laid out so (before the C call).
    let layout = arrays(r).find_map(|a| match a.role {
        Role::Band { .. } => Some(format!(
            "rs_band /= 1 .and. size({0}, 1) > 1\n{0}: band storage needs contiguous columns (rows 1 apart)",
            a.name
        )),
        Role::Packed { .. } => Some(format!(
            "inc_packed /= 1 .and. size({0}) > 1\n{0}: packed storage needs contiguous elements",
            a.name
        )),
        _ => None,
    });
    if let Some(text) = &layout {
        let (cond, why) = text.split_once('\n').expect("two lines");
        let _ = writeln!(
            call,
            "        if ({cond}) then\n          status = OXPAR_STATUS_INVALID_STRIDE\n          \
             message = \"oxpar_{n}: {why}\"\n        else"
        );
    }
    let mut cargs = vec!["context_handle(ctx)".to_string()];
    for a in r.args {
        match a.role {
            Role::Context => {}
            Role::Enum(_) => cargs.push(format!("e_{}", a.name)),
            Role::Dim => cargs.push(format!("csize(max(d_{}, 0))", a.name)),
            Role::Scalar { .. } | Role::RealScalar { .. } => cargs.push(format!("s_{}", a.name)),
            Role::Vector { inc, .. } => cargs.extend([format!("p_{}", a.name), inc.to_string()]),
            Role::Matrix { rs, cs, .. } => {
                cargs.extend([format!("p_{}", a.name), rs.to_string(), cs.to_string()])
            }
            Role::Band { ld, .. } => cargs.extend([format!("p_{}", a.name), ld.to_string()]),
            Role::Packed { .. } => cargs.push(format!("p_{}", a.name)),
            Role::Out | Role::RealOut | Role::IndexOut => unreachable!(),
        }
    }
    let cname = format!("oxpar_{t}{n}");
    call.push_str(&wrap(
        "        ",
        &format!("status = c_{cname}({})", cargs.join(", ")),
    ));
    let _ = writeln!(
        call,
        "        message = gen_message(status, \"{cname}\", \"oxpar_{n}\")"
    );
    if layout.is_some() {
        // Indent the C call under the layout check.
        let start = call.rfind("        status = c_").expect("the call");
        let tail: String = call[start..].lines().map(|l| format!("  {l}\n")).collect();
        call.truncate(start);
        call.push_str(&tail);
        call.push_str("        end if\n");
    }
    call.push_str("      end if\n");
    s.push_str(&shift(&call));
    if !first {
        s.push_str("    end if\n");
    }
    let _ = write!(
        s,
        "    call finish(status, message, stat)\n    if (present(errmsg)) errmsg = message\n  end subroutine {n}_{kind}\n"
    );
}

/// The helpers of the generated procedures.
const HELPERS: &str = r#"
  ! Helpers of the generated procedures.

  !> Binds a dimension to an array's extent, or checks the extent against it
  !> (a mismatch sets `failed`; once set, nothing more is checked).
  subroutine gen_bind(dim, extent, failed)
    integer, intent(inout) :: dim
    integer, intent(in) :: extent
    logical, intent(inout) :: failed

    if (failed) return
    if (dim < 0) then
      dim = extent
    else if (dim /= extent) then
      failed = .true.
    end if
  end subroutine gen_bind

  !> The order `n` of a packed triangle of `length = n*(n+1)/2` elements, or
  !> -1 when no order has that many.
  pure function gen_packed_order(length) result(n)
    integer, intent(in) :: length
    integer :: n

    n = int((sqrt(8.0d0 * length + 1.0d0) - 1.0d0) / 2.0d0)
    ! Correct a rounding of the square root either way.
    do while (n * (n + 1) / 2 > length)
      n = n - 1
    end do
    do while ((n + 1) * (n + 2) / 2 <= length)
      n = n + 1
    end do
    if (n * (n + 1) / 2 /= length) n = -1
  end function gen_packed_order

  !> The message of a status, under the generic's name (`oxpar_trsm` for `oxpar_dtrsm`).
  function gen_message(status, c_name, name) result(message)
    use, intrinsic :: iso_c_binding, only: c_int32_t
    integer(c_int32_t), intent(in) :: status
    character(len=*), intent(in) :: c_name, name
    character(len=:), allocatable :: message

    message = error_message(status)
    if (len(message) > len(c_name)) then
      if (message(:len(c_name)) == c_name) message = name // message(len(c_name) + 1:)
    end if
  end function gen_message

  !> `side`: 'L' (default) or 'R', any case.
  function gen_side_code(letter, code) result(ok)
    use, intrinsic :: iso_c_binding, only: c_int32_t
    character(len=1), intent(in), optional :: letter
    integer(c_int32_t), intent(out) :: code
    logical :: ok

    call gen_code(letter, "Ll", "Rr", OXPAR_SIDE_LEFT, OXPAR_SIDE_RIGHT, code, ok)
  end function gen_side_code

  !> `uplo`: 'U' (default) or 'L', any case.
  function gen_uplo_code(letter, code) result(ok)
    use, intrinsic :: iso_c_binding, only: c_int32_t
    character(len=1), intent(in), optional :: letter
    integer(c_int32_t), intent(out) :: code
    logical :: ok

    call gen_code(letter, "Uu", "Ll", OXPAR_UPLO_UPPER, OXPAR_UPLO_LOWER, code, ok)
  end function gen_uplo_code

  !> `trans`: 'N' (default) or 'T' ('C' is 'T' for real data), any case.
  function gen_trans_code(letter, code) result(ok)
    use, intrinsic :: iso_c_binding, only: c_int32_t
    character(len=1), intent(in), optional :: letter
    integer(c_int32_t), intent(out) :: code
    logical :: ok

    call gen_code(letter, "Nn", "TtCc", OXPAR_TRANS_NO, OXPAR_TRANS_YES, code, ok)
  end function gen_trans_code

  !> `trans` of a complex routine: 'N' (default), 'T' or 'C' (the conjugate
  !> transpose), any case.
  function gen_ctrans_code(letter, code) result(ok)
    use, intrinsic :: iso_c_binding, only: c_int32_t
    character(len=1), intent(in), optional :: letter
    integer(c_int32_t), intent(out) :: code
    logical :: ok

    call gen_code(letter, "Nn", "Tt", OXPAR_TRANS_NO, OXPAR_TRANS_YES, code, ok)
    ! (ok is false only for a letter given: no absent argument is read.)
    if (.not. ok) then
      if (index("Cc", letter) > 0) then
        code = OXPAR_TRANS_CONJ
        ok = .true.
      end if
    end if
  end function gen_ctrans_code

  !> `diag`: 'N' (default) or 'U', any case.
  function gen_diag_code(letter, code) result(ok)
    use, intrinsic :: iso_c_binding, only: c_int32_t
    character(len=1), intent(in), optional :: letter
    integer(c_int32_t), intent(out) :: code
    logical :: ok

    call gen_code(letter, "Nn", "Uu", OXPAR_DIAG_NON_UNIT, OXPAR_DIAG_UNIT, code, ok)
  end function gen_diag_code

  subroutine gen_code(letter, first, second, first_code, second_code, code, ok)
    use, intrinsic :: iso_c_binding, only: c_int32_t
    character(len=1), intent(in), optional :: letter
    character(len=*), intent(in) :: first, second
    integer(c_int32_t), intent(in) :: first_code, second_code
    integer(c_int32_t), intent(out) :: code
    logical, intent(out) :: ok

    code = first_code
    ok = .true.
    if (.not. present(letter)) return
    if (index(first, letter) > 0) then
      code = first_code
    else if (index(second, letter) > 0) then
      code = second_code
    else
      ok = .false.
    end if
  end subroutine gen_code
"#;
