//! `cargo run -p xtask -- gen` writes every generated file; `-- check` fails
//! (exit 1) when a committed one differs from what `gen` would write.
//!
//! Generated: from the routine table (`routines.rs`), the C exports of the
//! generated routines (`crates/oxpar-capi/src/generated.rs`) and the typed
//! shells of those with a hand-written helper
//! (`crates/oxpar-capi/src/blas/shells.rs`), the shells of LU and Cholesky
//! (`crates/oxpar-capi/src/lapack/shells.rs`, `lapack_gen.rs`), the routines on
//! OpenCL device buffers (`crates/oxpar-capi/src/opencl/buffer_blas.rs`), their ndarray
//! functions (`crates/oxpar/src/nd/generated.rs`), their Fortran
//! generics (`bindings/fortran/src/oxpar_blas_gen_{decl,body,public}.inc`), the
//! sp/dp twins of the other Fortran generics from their template
//! (`bindings/fortran/src/oxpar_blas_twin_gen_{decl,body,public}.inc`), the
//! LU and Cholesky generics from theirs
//! (`bindings/fortran/src/oxpar_linalg_gen_{decl,body,public}.inc`) and the
//! Python table (`bindings/python/src/oxpar/_routines.py`); then
//! `include/oxpar.h` (cbindgen over crates/oxpar-capi, generated.rs
//! included, with the version macros computed from the workspace version) and
//! `bindings/fortran/src/oxpar_c.f90` (raw `bind(C)` interfaces derived from
//! that header, so the two cannot drift apart). `check` and `gen` also
//! verify that every row of the table, hand-written routines included, names
//! the header's parameters in order.

mod buffer_gen;
mod capi_gen;
mod fortran;
mod fortran_gen;
mod fortran_twins;
mod helper_docs;
mod lapack_gen;
mod nd_gen;
mod python_gen;
mod routines;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives in the workspace root")
        .to_path_buf()
}

/// The version macros: one source, the workspace version.
fn version_block() -> String {
    let (major, minor, patch) = (
        env!("CARGO_PKG_VERSION_MAJOR"),
        env!("CARGO_PKG_VERSION_MINOR"),
        env!("CARGO_PKG_VERSION_PATCH"),
    );
    format!(
        "\n#define OXPAR_VERSION_MAJOR {major}\n#define OXPAR_VERSION_MINOR {minor}\n#define OXPAR_VERSION_PATCH {patch}\n\
         #define OXPAR_VERSION_STRING \"{}\"\n\
         /** The version as one comparable number: MAJOR*10000 + MINOR*100 + PATCH. */\n\
         #define OXPAR_VERSION_NUMBER (OXPAR_VERSION_MAJOR * 10000 + OXPAR_VERSION_MINOR * 100 + OXPAR_VERSION_PATCH)",
        env!("CARGO_PKG_VERSION")
    ) + "\n\n/** What `oxpar_?iamax` stores for an empty vector (Rust: `OXPAR_INDEX_NONE`). */\n#define OXPAR_INDEX_NONE SIZE_MAX"
}

/// The rules for array arguments, stated once at the top of the header.
const ARRAY_RULES: &str = "

/*
 * Arrays. A vector is (pointer to its first logical element, n, inc); a
 * matrix is (pointer to element (0, 0), rows, cols, rs, cs), element (i, j)
 * being at p[i*rs + j*cs]. Strides count elements, may be negative, and are
 * ignored along a dimension of at most one element. Note for BLAS users:
 * with inc < 0, pass the address of the logical first element, which BLAS
 * would find at x + (n-1)*|inc|, not the array's base.
 *
 * Which layouts are accepted (the same rule for every routine):
 *  - Arrays that are only read (x, a, b, ...) may have any strides, 0
 *    included (one value broadcast along a dimension), and their elements may
 *    share addresses (a sliding window).
 *  - An array that is written (y, c, an updated a) must have distinct
 *    elements, decided exactly: inc != 0 when n > 1; a matrix is refused
 *    (OXPAR_STATUS_INVALID_STRIDE) only when two of its elements really share
 *    an address, so every slice of a larger array is accepted.
 *  - A written array may share memory with the arrays that are read: the
 *    result is as if every input were read before any output is written
 *    (oxpar reads such an input from a private copy).
 *  - Two arrays that are both written (x and y of oxpar_?swap) must not share
 *    an element (OXPAR_STATUS_INVALID_ARGUMENT), unless they are the very same
 *    vector.
 * Device buffers (oxpar_buffer_*) follow the same stride rules; there an
 * output buffer must also be a different buffer from every input.
 */";

/// The complex element types, written here rather than by cbindgen (which
/// sees the C ABI's aliases of num-complex's `Complex<f32>`/`Complex<f64>`
/// and is told to leave them out): each compiler gets its own spelling of
/// the one layout, two floats (doubles), real part first.
const COMPLEX_TYPES: &str = "
/*
 * Complex elements (the oxpar_c*, oxpar_z* and oxpar_sc*, oxpar_dz*
 * routines). oxpar_c32 and oxpar_c64 are two float / two double, the real
 * part first: the layout of C99 float _Complex / double _Complex, C++
 * std::complex<float> / std::complex<double>, Fortran complex(c_float_complex)
 * and NumPy complex64 / complex128. So that arrays of those pass as they are,
 * each compiler sees its own type: C99 and later the _Complex types
 * themselves, C++ std::complex, and a C compiler without complex types
 * (__STDC_NO_COMPLEX__, or before C99) a struct {re, im} of the same layout.
 * Defining OXPAR_COMPLEX_STRUCT before including this header picks the
 * struct everywhere (for tools that parse C without _Complex, as cffi).
 * Scalars (alpha, beta) are passed by pointer like all scalars here.
 */
#if defined(__cplusplus) && !defined(OXPAR_COMPLEX_STRUCT)
#include <complex>
typedef std::complex<float> oxpar_c32;
typedef std::complex<double> oxpar_c64;
#else
#if defined(__STDC_VERSION__) && __STDC_VERSION__ >= 199901L && !defined(__STDC_NO_COMPLEX__) && !defined(OXPAR_COMPLEX_STRUCT)
typedef float _Complex oxpar_c32;
typedef double _Complex oxpar_c64;
#else
typedef struct oxpar_c32 { float re; float im; } oxpar_c32;
typedef struct oxpar_c64 { double re; double im; } oxpar_c64;
#endif
#endif";

fn header() -> Result<String, String> {
    let crate_dir = root().join("crates/oxpar-capi");
    let mut config =
        cbindgen::Config::from_file(crate_dir.join("cbindgen.toml")).map_err(|e| e.to_string())?;
    config.after_includes = Some(version_block() + ARRAY_RULES + COMPLEX_TYPES);
    let bindings = cbindgen::Builder::new()
        .with_crate(&crate_dir)
        .with_config(config)
        .generate()
        .map_err(|e| format!("cbindgen: {e}"))?;
    let mut out = Vec::new();
    bindings.write(&mut out);
    String::from_utf8(out).map_err(|e| e.to_string())
}

/// Formats generated Rust as `cargo fmt` would.
fn rustfmt(text: &str) -> Result<String, String> {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let mut child = Command::new("rustfmt")
        .args(["--edition", "2021"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| format!("rustfmt: {e}"))?;
    child
        .stdin
        .take()
        .expect("piped")
        .write_all(text.as_bytes())
        .map_err(|e| e.to_string())?;
    let out = child.wait_with_output().map_err(|e| e.to_string())?;
    if !out.status.success() {
        return Err("rustfmt failed on generated Rust".into());
    }
    String::from_utf8(out.stdout).map_err(|e| e.to_string())
}

/// The files written from the routine table alone (the header is generated
/// from the crate, generated.rs included, so they come first).
fn from_table() -> Result<Vec<(PathBuf, String)>, String> {
    let template = std::fs::read_to_string(root().join(fortran_twins::TEMPLATE))
        .map_err(|e| format!("{}: {e}", fortran_twins::TEMPLATE))?;
    let [twin_decl, twin_body, twin_public] = fortran_twins::files(&template)?;
    let linalg_template = std::fs::read_to_string(root().join(fortran_twins::LINALG_TEMPLATE))
        .map_err(|e| format!("{}: {e}", fortran_twins::LINALG_TEMPLATE))?;
    let [linalg_decl, linalg_body, linalg_public] = fortran_twins::linalg_files(&linalg_template)?;
    Ok(vec![
        (
            root().join("crates/oxpar-capi/src/generated.rs"),
            rustfmt(&capi_gen::module())?,
        ),
        (
            root().join("crates/oxpar-capi/src/blas/shells.rs"),
            rustfmt(&capi_gen::helper_shells())?,
        ),
        (
            root().join("crates/oxpar-capi/src/lapack/shells.rs"),
            rustfmt(&lapack_gen::module())?,
        ),
        (
            root().join("crates/oxpar-capi/src/opencl/buffer_blas.rs"),
            rustfmt(&buffer_gen::module())?,
        ),
        (
            root().join("crates/oxpar/src/nd/generated.rs"),
            rustfmt(&nd_gen::module())?,
        ),
        (
            root().join("bindings/fortran/src/oxpar_blas_gen_decl.inc"),
            fortran_gen::decl(),
        ),
        (
            root().join("bindings/fortran/src/oxpar_blas_gen_body.inc"),
            fortran_gen::body(),
        ),
        (
            root().join("bindings/fortran/src/oxpar_blas_gen_public.inc"),
            fortran_gen::public(),
        ),
        (
            root().join("bindings/fortran/src/oxpar_blas_twin_gen_decl.inc"),
            twin_decl,
        ),
        (
            root().join("bindings/fortran/src/oxpar_blas_twin_gen_body.inc"),
            twin_body,
        ),
        (
            root().join("bindings/fortran/src/oxpar_blas_twin_gen_public.inc"),
            twin_public,
        ),
        (
            root().join("bindings/fortran/src/oxpar_linalg_gen_decl.inc"),
            linalg_decl,
        ),
        (
            root().join("bindings/fortran/src/oxpar_linalg_gen_body.inc"),
            linalg_body,
        ),
        (
            root().join("bindings/fortran/src/oxpar_linalg_gen_public.inc"),
            linalg_public,
        ),
        (
            root().join("bindings/python/src/oxpar/_routines.py"),
            python_gen::module(),
        ),
        (
            root().join("bindings/python/src/oxpar/_structured.pyi"),
            python_gen::stub(),
        ),
    ])
}

fn from_header() -> Result<Vec<(PathBuf, String)>, String> {
    let h = header()?;
    capi_gen::check_header(&h)?;
    let f = fortran::interfaces(&h)?;
    Ok(vec![
        (root().join("include/oxpar.h"), h),
        (root().join("bindings/fortran/src/oxpar_c.f90"), f),
    ])
}

fn write(files: Vec<(PathBuf, String)>) {
    for (path, text) in files {
        // Unchanged files keep their time stamps, so make rebuilds nothing.
        if std::fs::read_to_string(&path).is_ok_and(|old| old == text) {
            continue;
        }
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).expect("create the output folder");
        }
        std::fs::write(&path, text).expect("write a generated file");
        println!(
            "wrote {}",
            path.strip_prefix(root()).unwrap_or(&path).display()
        );
    }
}

fn main() -> ExitCode {
    let cmd = std::env::args().nth(1).unwrap_or_default();
    let files = match (cmd.as_str(), from_table()) {
        ("gen", Ok(table)) => {
            // The header is read from the crate: write its input first.
            write(table);
            from_header()
        }
        (_, Ok(mut table)) => from_header().map(|h| {
            table.extend(h);
            table
        }),
        (_, Err(e)) => Err(e),
    };
    let files = match files {
        Ok(f) => f,
        Err(e) => {
            eprintln!("xtask: {e}");
            return ExitCode::FAILURE;
        }
    };
    match cmd.as_str() {
        "gen" => {
            write(files);
            ExitCode::SUCCESS
        }
        "check" => {
            let mut stale = false;
            for (path, text) in files {
                let rel = path
                    .strip_prefix(root())
                    .unwrap_or(&path)
                    .display()
                    .to_string();
                match std::fs::read_to_string(&path) {
                    Ok(old) if old == text => println!("fresh: {rel}"),
                    _ => {
                        eprintln!("stale: {rel} differs from what the sources generate; run `make gen` and commit it");
                        stale = true;
                    }
                }
            }
            if stale {
                ExitCode::FAILURE
            } else {
                ExitCode::SUCCESS
            }
        }
        _ => {
            eprintln!("usage: cargo run -p xtask -- gen|check");
            ExitCode::from(2)
        }
    }
}
