//! Writes crates/oxpar/src/nd/generated.rs: the ndarray functions of the
//! generated routines, one thin wrapper per trait method (views converted
//! zero-copy by `nd`'s helpers, enums typed as in the trait).

use std::fmt::Write;

use crate::routines::{generated_real, Io, Kind, Role};

/// The module's text (before rustfmt).
pub fn module() -> String {
    let mut s = String::from(
        "//! Generated from the routine table (xtask/src/routines.rs) by `make gen`: do not edit.\n\n\
         use ndarray::{ArrayView1, ArrayView2, ArrayViewMut1, ArrayViewMut2};\n\
         use oxpar_core::{BandRef, Diag, Level2, Level3, PackedMut, PackedRef, Result, Scalar, Side, Uplo};\n\n\
         use super::{mat_mut, mat_ref, vec_mut, vec_ref};\n\n",
    );
    for r in generated_real() {
        let level = format!("Level{}", r.level);
        let mut params = vec!["backend: &B".to_string()];
        let mut args = Vec::new();
        for c in r.call {
            let a = r.arg(c);
            let (ty, arg) = match a.role {
                Role::Enum(Kind::Side) => ("Side".to_string(), c.to_string()),
                Role::Enum(Kind::Uplo { .. }) => ("Uplo".to_string(), c.to_string()),
                Role::Enum(Kind::Diag) => ("Diag".to_string(), c.to_string()),
                Role::Scalar { .. } | Role::RealScalar { .. } => ("T".to_string(), c.to_string()),
                Role::Vector { io: Io::In, .. } => {
                    ("ArrayView1<'_, T>".into(), format!("vec_ref(&{c})"))
                }
                Role::Vector { .. } => ("ArrayViewMut1<'_, T>".into(), format!("vec_mut({c})")),
                Role::Matrix { io: Io::In, .. } => {
                    ("ArrayView2<'_, T>".into(), format!("mat_ref(&{c})"))
                }
                Role::Matrix { .. } => ("ArrayViewMut2<'_, T>".into(), format!("mat_mut({c})")),
                // Band and packed storage: oxpar views, made from ndarray
                // data by `nd::band_view` and `nd::packed_view{,_mut}`.
                Role::Band { .. } => ("BandRef<'_, T>".into(), c.to_string()),
                Role::Packed { io: Io::In, .. } => ("PackedRef<'_, T>".into(), c.to_string()),
                Role::Packed { .. } => ("PackedMut<'_, T>".into(), c.to_string()),
                _ => panic!("{}: {c} cannot be a trait argument", r.name),
            };
            params.push(format!("{c}: {ty}"));
            args.push(arg);
        }
        let transposed = r.args.iter().any(|a| {
            matches!(
                a.role,
                Role::Matrix { op: Some(_), .. } | Role::Band { op: Some(_), .. }
            )
        });
        let packed_op = r
            .args
            .iter()
            .any(|a| matches!(a.role, Role::Packed { op: Some(_), .. }));
        let _ = writeln!(
            s,
            "/// {} (see [`{level}::{n}`]).{}",
            r.doc,
            if transposed {
                "\n///\n/// `op(A) = A^T` is asked for by passing `a.t()` (with `uplo.flip()` where `uplo` describes `a`)."
            } else if packed_op {
                "\n///\n/// `op(A) = A^T` is asked for by passing `ap.t()`."
            } else {
                ""
            },
            n = r.name
        );
        if params.len() > 7 {
            s.push_str("#[allow(clippy::too_many_arguments, reason = \"the BLAS signature\")]\n");
        }
        let _ = writeln!(
            s,
            "pub fn {n}<T: Scalar, B: {level}<T> + ?Sized>({}) -> Result<()> {{\n    backend.{n}({})\n}}\n",
            params.join(", "),
            args.join(", "),
            n = r.name
        );
    }
    s
}
