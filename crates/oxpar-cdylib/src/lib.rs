//! liboxpar: the shared and static library C and Fortran programs link.
//!
//! Everything lives in `oxpar-capi`; this crate only gives the artifacts
//! their name (`liboxpar.so`, `liboxpar.a`) and the shared library its
//! SONAME, `liboxpar.so.<OXPAR_ABI_VERSION>` (see `build.rs`). It is left out
//! of `cargo doc` (its library name is the facade's) and has no doctests (a
//! `cdylib`/`staticlib` cannot be linked by one): the API and a runnable
//! example are on oxpar-capi's front page, C programs in `examples/c`.

pub use oxpar_capi::*;
