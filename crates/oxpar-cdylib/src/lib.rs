//! liboxpar: the shared and static library C and Fortran programs link.
//!
//! Everything lives in `oxpar-capi`; this crate only gives the artifacts
//! their name (`liboxpar.so`, `liboxpar.a`).

pub use oxpar_capi::*;
