//! Writes crates/oxpar-capi/src/opencl/buffer_blas.rs from the rows of the
//! routine table that exist on device buffers ([`Routine::device`]): for
//! each a generic helper (handles to device views, the trait call on the
//! context's device) and one typed `extern "C"` shell per element type,
//! `oxpar_buffer_<t><name>`, with its documentation (which cbindgen copies
//! into include/oxpar.h).
//!
//! The C arguments are the host routine's, with each array a buffer handle
//! followed by the index of its first element (`off<name>`) and then its
//! increment or strides.

use std::fmt::Write;

use crate::capi_gen::{ext_rust, wrap};
use crate::routines::{element, enum_info, on_device, Device, Io, Role, Routine};

/// The module's text (before rustfmt).
pub fn module() -> String {
    let mut s = String::from(
        "//! BLAS-style routines on device buffers (`oxpar_buffer_?axpy` ...).\n\
         //!\n\
         //! Generated from the routine table (xtask/src/routines.rs) by `make gen`.\n\
         //! Do not edit: change the table and regenerate.\n\n\
         #![cfg_attr(\n    not(feature = \"opencl\"),\n    allow(\n        unused_variables,\n        \
         reason = \"without OpenCL the arguments are not looked at\"\n    )\n)]\n\n\
         use super::oxpar_buffer;\n\
         #[cfg(not(feature = \"opencl\"))]\n\
         use super::unavailable;\n\
         use crate::boundary::call;\n\
         use crate::context::oxpar_context;\n\
         use crate::status::oxpar_status;\n\n\
         #[cfg(feature = \"opencl\")]\n\
         mod imp {\n\
         use oxpar::opencl::{DeviceLevel1, DeviceLevel2, DeviceLevel3, MatLayout, VecLayout};\n\n\
         use super::super::imp::*;\n\
         use super::super::oxpar_buffer;\n\
         use crate::context::oxpar_context;\n\
         use crate::ffi;\n\
         #[allow(unused_imports, reason = \"as the table's enums need\")]\n\
         use crate::status::{diag_from, side_from, trans_from, uplo_from};\n\n",
    );
    for (r, _) in on_device() {
        helper(&mut s, r);
    }
    s.push_str("}\n\n");
    for (r, d) in on_device() {
        for t in r.real_types().chars() {
            shell(&mut s, r, d, t);
        }
    }
    s
}

/// The C name of the routine for element type `t`.
fn c_name(r: &Routine, t: char) -> String {
    if r.name == "iamax" {
        format!("oxpar_buffer_i{t}amax")
    } else {
        format!("oxpar_buffer_{t}{}", r.name)
    }
}

/// The C parameters as Rust, `T` standing for the element type.
fn params(r: &Routine, t: &str) -> String {
    let mut p = Vec::new();
    for a in r.args {
        let n = a.name;
        match a.role {
            Role::Context => p.push(format!("{n}: *const oxpar_context")),
            Role::Enum(_) => p.push(format!("{n}: i32")),
            Role::Dim => p.push(format!("{n}: usize")),
            Role::Scalar { .. } | Role::RealScalar { .. } => p.push(format!("{n}: *const {t}")),
            Role::Vector { io, inc, .. } => {
                p.push(format!("{n}: {} oxpar_buffer", ptr(io)));
                p.push(format!("off{n}: usize"));
                p.push(format!("{inc}: isize"));
            }
            Role::Matrix { io, rs, cs, .. } => {
                p.push(format!("{n}: {} oxpar_buffer", ptr(io)));
                p.push(format!("off{n}: usize"));
                p.push(format!("{rs}: isize"));
                p.push(format!("{cs}: isize"));
            }
            Role::Out | Role::RealOut => p.push(format!("{n}: *mut {t}")),
            Role::IndexOut => p.push(format!("{n}: *mut usize")),
            Role::Band { .. } | Role::Packed { .. } => {
                panic!(
                    "{}: band and packed storage are not on device buffers yet",
                    r.name
                )
            }
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

/// The C argument names, in order.
fn names(r: &Routine) -> Vec<String> {
    let mut v = Vec::new();
    for a in r.args {
        let n = a.name;
        v.push(n.to_string());
        match a.role {
            Role::Vector { inc, .. } => v.extend([format!("off{n}"), inc.to_string()]),
            Role::Matrix { rs, cs, .. } => {
                v.extend([format!("off{n}"), rs.to_string(), cs.to_string()])
            }
            _ => {}
        }
    }
    v
}

fn io_of(role: Role) -> Option<Io> {
    match role {
        Role::Vector { io, .. } | Role::Matrix { io, .. } => Some(io),
        _ => None,
    }
}

fn helper(s: &mut String, r: &Routine) {
    let level = format!("DeviceLevel{}", r.level);
    let _ = writeln!(
        s,
        "/// # Safety\n/// The contract of `{}`.\n\
         #[allow(clippy::too_many_arguments, reason = \"the BLAS signature\")]\n\
         pub(crate) unsafe fn {}<T: Elem>({}) -> R {{\n    \
         // SAFETY: the caller's contract.\n    let ctx = unsafe {{ ffi::context(ctx)? }};\n    \
         let dev = ctx.device_ops()?;",
        c_name(r, 's'),
        r.name,
        params(r, "T"),
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
    for a in r.args {
        if let Role::Scalar { .. } | Role::RealScalar { .. } = a.role {
            let _ = writeln!(
                s,
                "    // SAFETY: the caller's contract.\n    let {0} = unsafe {{ ffi::scalar({0}, \"{0}\")? }};",
                a.name
            );
        }
    }
    // A written buffer must be none of the others (it is borrowed mutably).
    let arrays: Vec<_> = r.args.iter().filter(|a| io_of(a.role).is_some()).collect();
    for (i, a) in arrays.iter().enumerate() {
        for b in &arrays[i + 1..] {
            let (w, o) = if io_of(b.role) == Some(Io::InOut) {
                (b.name, a.name)
            } else if io_of(a.role) == Some(Io::InOut) {
                (a.name, b.name)
            } else {
                continue;
            };
            let _ = writeln!(s, "    distinct(({w}, \"{w}\"), ({o}, \"{o}\"))?;");
        }
    }
    for a in &arrays {
        let f = if io_of(a.role) == Some(Io::In) {
            "buf"
        } else {
            "buf_mut"
        };
        let _ = writeln!(
            s,
            "    // SAFETY: the caller's contract; a written buffer is none of the others.\n    \
             let {0}b = unsafe {{ {f}::<T>({0}, \"{0}\")? }};",
            a.name
        );
    }
    for a in &arrays {
        if let Role::Vector {
            io: Io::InOut,
            len,
            inc,
        } = a.role
        {
            let _ = writeln!(
                s,
                "    inc_checked({}, {inc}, \"{inc}\")?;",
                ext_rust(r, len)
            );
        }
    }
    for a in &arrays {
        let n = a.name;
        match a.role {
            Role::Vector { io, len, inc } => {
                let f = if io == Io::In { "vec" } else { "vec_mut" };
                let _ = writeln!(
                    s,
                    "    let {n}v = {n}b.{f}(VecLayout::new({}, off{n}, {inc})).map_err(named(\"{n}\"))?;",
                    ext_rust(r, len)
                );
            }
            Role::Matrix {
                io,
                rows,
                cols,
                rs,
                cs,
                op,
            } => {
                let f = if io == Io::In { "mat" } else { "mat_mut" };
                let _ = writeln!(
                    s,
                    "    let {n}v = {n}b.{f}(MatLayout::new({}, {}, off{n}, {rs}, {cs})).map_err(named(\"{n}\"))?;",
                    ext_rust(r, rows),
                    ext_rust(r, cols)
                );
                if let Some(t) = op {
                    let _ = writeln!(
                        s,
                        "    let {n}v = if {t} == oxpar::Trans::No {{ {n}v }} else {{ {n}v.t() }};"
                    );
                }
            }
            _ => {}
        }
    }
    let args: Vec<String> = r
        .call
        .iter()
        .map(|c| match r.arg(c).role {
            Role::Vector { .. } | Role::Matrix { .. } => format!("{c}v"),
            _ => c.to_string(),
        })
        .collect();
    let call = format!("{level}::<T>::{}(dev, {})?", r.name, args.join(", "));
    let out = r
        .args
        .iter()
        .find(|a| matches!(a.role, Role::Out | Role::RealOut | Role::IndexOut));
    match out {
        None => {
            let _ = writeln!(s, "    Ok({call})\n}}\n");
        }
        Some(o) => {
            let value = if o.role == Role::IndexOut {
                format!("{call}.unwrap_or(crate::OXPAR_INDEX_NONE)")
            } else {
                call
            };
            let _ = writeln!(
                s,
                "    let {0} = ffi::out_ptr({0}, \"{0}\")?;\n    let value = {value};\n    \
                 // SAFETY: checked non-null, writable per the contract.\n    \
                 unsafe {{ ffi::write_out({0}, value) }};\n    Ok(())\n}}\n",
                o.name
            );
        }
    }
}

fn shell(s: &mut String, r: &Routine, d: Device, t: char) {
    let (_, rust, _) = element(t);
    let first = c_name(r, 's');
    let doc = if t == 's' {
        d.doc.to_string()
    } else {
        let (c, _, _) = element(t);
        format!(
            "{} on {c} buffers; as `{first}`.\n\nErrors: as `{first}` (on a device without double \
             precision, {c} buffers cannot be created).\n\n# Safety\nAs `{first}`.",
            r.doc
        )
    };
    for line in doc.lines() {
        if line.is_empty() {
            s.push_str("///\n");
        } else if t == 's' {
            // The table's text is wrapped as it should stand.
            let _ = writeln!(s, "/// {line}");
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
         call(\"{name}\", || {{\n        with_opencl!(\n            \
         // SAFETY: this function's contract.\n            unsafe {{ imp::{}::<{rust}>({}) }}\n        )\n    }})\n}}\n",
        params(r, rust),
        r.name,
        names(r).join(", ")
    );
}
