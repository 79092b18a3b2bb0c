//! Gives liboxpar.so a versioned SONAME, `liboxpar.so.<ABI>`, where `<ABI>`
//! is `OXPAR_ABI_VERSION` of the generated header (bumped whenever an
//! existing function changes, never for additions): a program linked against
//! one ABI is never loaded with a library of another, and additions keep the
//! name. The header is the single source of that number (it is generated
//! from oxpar-capi and checked for freshness), so it is read here rather
//! than written down twice.
//!
//! cargo itself writes only `liboxpar.so`; the links named after the SONAME
//! are made by `make lib-debug`/`lib-release` in the target folder (for
//! programs built in the tree), by `make install`, and by the Python
//! package, which bundles the library under its SONAME.

use std::path::Path;

fn main() {
    let header = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../include/oxpar.h");
    println!("cargo:rerun-if-changed={}", header.display());
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() != Ok("linux") {
        return;
    }
    let text = std::fs::read_to_string(&header)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", header.display()));
    let abi = text
        .lines()
        .find_map(|line| line.strip_prefix("#define OXPAR_ABI_VERSION "))
        .map(str::trim)
        .filter(|v| !v.is_empty() && v.bytes().all(|b| b.is_ascii_digit()))
        .unwrap_or_else(|| panic!("no `#define OXPAR_ABI_VERSION <n>` in {}", header.display()));
    println!("cargo:rustc-cdylib-link-arg=-Wl,-soname,liboxpar.so.{abi}");
}
