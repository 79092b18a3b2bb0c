//! oxpar's stable C ABI.
//!
//! Conventions, the same for every function (see also `include/oxpar.h`):
//!
//! * Every function that can fail returns an [`oxpar_status`]: `OXPAR_STATUS_OK`
//!   (0) or an error code. Outputs are written only on success. The message of
//!   the most recent failure on the calling thread is
//!   [`oxpar_last_error_message`]; it names the argument at fault.
//! * No panic crosses the boundary: each entry point catches unwinding and
//!   reports `OXPAR_STATUS_PANIC` with the panic's message.
//! * Handles are opaque ([`oxpar_context`], and for OpenCL [`oxpar_buffer`],
//!   [`oxpar_program`], [`oxpar_kernel`]). `_free(NULL)` is a no-op.
//! * Enumerations cross as `int32_t` and are checked; an unknown value is
//!   `OXPAR_STATUS_INVALID_ARGUMENT`.
//! * Arrays are BLIS-style: a pointer to the first *logical* element, a length
//!   or shape, and element strides (`ptrdiff_t`, negative allowed). Fortran
//!   passes column-major data as `rs = 1, cs = lda`; NumPy passes
//!   `strides / itemsize`. A pointer may be NULL only when its array is empty.
//! * Vector increments may be 0 only for vectors of at most one element;
//!   matrices must not have elements that share an address (leading dimension
//!   too small); outputs must not overlap inputs, except that elementwise
//!   routines (`axpy`, `copy`, `swap`) accept the very same vector for both.
//!
//! The functions here convert arguments, call the safe Rust crates, and map
//! errors: no algorithms live in this crate.

#![allow(
    non_camel_case_types,
    reason = "C names: the Rust items carry the names C sees"
)]

mod blas;
mod boundary;
mod context;
mod farm;
mod ffi;
mod loops;
mod mpi;
mod opencl;
mod status;

pub use blas::*;
pub use boundary::{oxpar_last_error_message, oxpar_status_str};
pub use context::*;
pub use farm::*;
pub use loops::*;
pub use mpi::*;
pub use opencl::*;
pub use status::{oxpar_backend, oxpar_dtype, oxpar_schedule, oxpar_status, oxpar_trans};

use std::ffi::{c_char, CStr};

/// The ABI version: bumped whenever a signature or a documented behaviour of
/// an existing function changes, never for additions. Compare it with
/// `oxpar_abi_version()` at run time to refuse a mismatched library.
pub const OXPAR_ABI_VERSION: u32 = 1;

/// "Not found": what `oxpar_?iamax` stores for an empty vector (`SIZE_MAX`;
/// the header's macro is written by the generator, as cbindgen cannot
/// translate `usize::MAX`).
/// cbindgen:ignore
pub const OXPAR_INDEX_NONE: usize = usize::MAX;

/// The ABI version of the loaded library (compare with `OXPAR_ABI_VERSION`).
///
/// Never fails.
#[no_mangle]
pub extern "C" fn oxpar_abi_version() -> u32 {
    OXPAR_ABI_VERSION
}

/// The library version as a static NUL-terminated string, e.g. `"0.1.0"`
/// (never free it). Compare with `OXPAR_VERSION_STRING`.
///
/// Never fails.
#[no_mangle]
pub extern "C" fn oxpar_version() -> *const c_char {
    const VERSION: &CStr =
        match CStr::from_bytes_with_nul(concat!(env!("CARGO_PKG_VERSION"), "\0").as_bytes()) {
            Ok(v) => v,
            Err(_) => panic!("the version has no NUL byte"),
        };
    VERSION.as_ptr()
}
