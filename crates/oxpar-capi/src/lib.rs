//! oxpar's stable C ABI.
//!
//! Conventions, the same for every function (see also `include/oxpar.h`):
//!
//! * Every function that can fail returns an [`oxpar_status`]: `OXPAR_STATUS_OK`
//!   (0) or an error code. Outputs are written only on success (except for a
//!   numerical failure of a factorization, `OXPAR_STATUS_SINGULAR` or
//!   `OXPAR_STATUS_NOT_POSITIVE_DEFINITE`, which leaves the outputs as LAPACK
//!   does and writes LAPACK's index to the routine's `info`). The message of
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
//! * Arrays that are only read may have any strides (0 and self-overlapping
//!   layouts included); a written array must have distinct elements (decided
//!   exactly); a written array may share memory with the arrays read (the
//!   result is as if all inputs were read first: such inputs are copied);
//!   two written arrays must not share an element unless they are the same
//!   vector. The header states these rules once, at its top.
//!
//! The functions here convert arguments, call the safe Rust crates, and map
//! errors: no algorithms live in this crate.
//!
//! C programs link liboxpar (crate `oxpar-cdylib`) and include `oxpar.h`;
//! the same calls from Rust, as a test of the boundary would make them:
//!
//! ```
//! use std::ffi::CStr;
//! use std::ptr;
//! use oxpar_capi::*;
//!
//! let mut ctx = ptr::null_mut();
//! // SAFETY: a NUL-terminated spec and a place for the handle.
//! let status = unsafe { oxpar_context_create(c"threads:2".as_ptr(), &mut ctx) };
//! assert_eq!(status, oxpar_status::Ok);
//!
//! let x = [1.0f64, 2.0, 3.0];
//! let y = [4.0f64, 5.0, 6.0];
//! let mut dot = 0.0;
//! // SAFETY: a live context; x and y hold 3 elements at increment 1.
//! let status = unsafe { oxpar_ddot(ctx, 3, x.as_ptr(), 1, y.as_ptr(), 1, &mut dot) };
//! assert_eq!((status, dot), (oxpar_status::Ok, 32.0));
//!
//! // An unknown backend: a status and a message naming the call; no handle.
//! let mut other = ptr::null_mut();
//! // SAFETY: as above.
//! let status = unsafe { oxpar_context_create(c"warp-drive".as_ptr(), &mut other) };
//! assert_eq!((status, other), (oxpar_status::InvalidArgument, ptr::null_mut()));
//! // SAFETY: the message is a NUL-terminated string valid until the next failing call.
//! let message = unsafe { CStr::from_ptr(oxpar_last_error_message()) }.to_str().unwrap();
//! assert!(message.starts_with("oxpar_context_create: "), "{message}");
//!
//! // SAFETY: ctx came from oxpar_context_create and is freed once.
//! unsafe { oxpar_context_free(ctx) };
//! ```

#![allow(
    non_camel_case_types,
    reason = "C names: the Rust items carry the names C sees"
)]

mod blas;
mod boundary;
mod context;
mod farm;
mod ffi;
mod generated;
mod info;
mod lapack;
mod loops;
mod mpi;
mod opencl;
mod status;

pub use blas::*;
pub use boundary::{oxpar_last_error_message, oxpar_status_str};
pub use context::*;
pub use farm::*;
pub use generated::*;
pub use info::oxpar_info_text;
pub use lapack::*;
pub use loops::*;
pub use mpi::*;
pub use opencl::*;
pub use status::{
    oxpar_backend, oxpar_diag, oxpar_dtype, oxpar_routine, oxpar_schedule, oxpar_side,
    oxpar_status, oxpar_trans, oxpar_uplo,
};

use std::ffi::{c_char, CStr};

/// The single-precision complex element of the C ABI (`oxpar_c32` in C):
/// num-complex's `Complex<f32>`, `#[repr(C)] {re, im}`, the layout of C99
/// `float _Complex` and C++ `std::complex<float>`. The header spells it per
/// compiler (written by xtask, not cbindgen).
pub type oxpar_c32 = oxpar::Complex32;

/// The double-precision complex element of the C ABI (`oxpar_c64` in C), as
/// [`oxpar_c32`] with two `f64`.
pub type oxpar_c64 = oxpar::Complex64;

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
