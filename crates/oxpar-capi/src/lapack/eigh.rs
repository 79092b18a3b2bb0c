//! The symmetric/Hermitian eigenproblem: the helpers behind
//! `oxpar_?syev`/`oxpar_?heev` and their batches, over `oxpar::Eigh`.
//!
//! Conventions (LAPACK's `syev`/`heev`, in oxpar's strides):
//!
//! * `jobz` is a C `char`: `'N'` for eigenvalues only, `'V'` for values
//!   and vectors (either case); `uplo` is an `oxpar_uplo`, as in every
//!   oxpar routine.
//! * `w` receives the `n` eigenvalues, ascending (real, of the real type
//!   underneath for complex matrices); with `'V'` the orthonormal
//!   eigenvectors overwrite `a` (column `k` for `w[k]`); with `'N'` the
//!   contents of `a` afterwards are unspecified, as in LAPACK.
//! * `info` (may be NULL) receives 0, or on `OXPAR_STATUS_NO_CONVERGENCE`
//!   LAPACK's count of off-diagonal elements that did not converge; `w`
//!   (and with `'V'` `a`) then hold the approximations reached. A NaN or
//!   an infinity in the referenced triangle is
//!   `OXPAR_STATUS_INVALID_ARGUMENT`, with `a` and `w` untouched.
//! * No workspace arguments: the library allocates two `n x n` matrices
//!   of the element type and `O(n)` more per call (per thread for a
//!   batch).

use std::ffi::c_char;

use oxpar::{Eigh, Element, HostBackend};

use super::batch::{batch_mut, disjoint, out_slice, report_batch, span};
use super::report;
use crate::context::oxpar_context;
use crate::ffi::{self, exclusive_outputs, Operand};
use crate::status::{uplo_from, CapiError};

/// `'V'` (values and vectors) or `'N'` (values only).
fn jobz_from(jobz: c_char) -> Result<bool, CapiError> {
    match jobz as u8 {
        b'V' | b'v' => Ok(true),
        b'N' | b'n' => Ok(false),
        other => Err(CapiError::invalid(
            "jobz",
            format!(
                "{:?} is neither 'N' (eigenvalues only) nor 'V' (values and vectors)",
                char::from(other)
            ),
        )),
    }
}

/// # Safety
/// The pointer contracts of `oxpar_?syev`/`oxpar_?heev`.
#[allow(clippy::too_many_arguments, reason = "the LAPACK signature")]
pub(super) unsafe fn syev<T: Element>(
    ctx: *const oxpar_context,
    jobz: c_char,
    uplo: i32,
    n: usize,
    a: *mut T,
    rsa: isize,
    csa: isize,
    w: *mut T::Real,
    info: *mut i64,
) -> Result<(), CapiError>
where
    dyn HostBackend: Eigh<T>,
{
    // SAFETY: forwarded pointer contracts.
    let ctx = unsafe { ffi::context(ctx)? };
    let vectors = jobz_from(jobz)?;
    let uplo = uplo_from(uplo, "uplo")?;
    // SAFETY: forwarded pointer contracts.
    let av = unsafe { ffi::mat_mut(a, n, n, rsa, csa, ["a", "rsa", "csa"])? };
    out_slice(w, n, "w")?;
    // SAFETY: checked non-null (when n > 0) and aligned; n writable
    // elements (the contract).
    let w = unsafe { ffi::slice_mut(w, n) };
    exclusive_outputs(
        ("a", Operand::matrix(av.as_ref())),
        ("w", Operand::slice(w)),
    )?;
    let result = Eigh::<T>::eigh(ctx.host(), uplo, av, w, vectors);
    // SAFETY: forwarded pointer contracts.
    unsafe { report(info, result) }
}

/// # Safety
/// The pointer contracts of `oxpar_?syev_batch`/`oxpar_?heev_batch`.
#[allow(clippy::too_many_arguments, reason = "the batched LAPACK signature")]
pub(super) unsafe fn syev_batch<T: Element>(
    ctx: *const oxpar_context,
    jobz: c_char,
    uplo: i32,
    count: usize,
    n: usize,
    a: *mut T,
    strides: [isize; 3],
    w: *mut T::Real,
    info: *mut i64,
    failed_index: *mut i64,
) -> Result<(), CapiError>
where
    dyn HostBackend: Eigh<T>,
{
    // SAFETY: forwarded pointer contracts.
    let ctx = unsafe { ffi::context(ctx)? };
    let vectors = jobz_from(jobz)?;
    let uplo = uplo_from(uplo, "uplo")?;
    let len = count
        .checked_mul(n)
        .ok_or_else(|| CapiError::invalid("w", format!("{count} x {n} elements overflow")))?;
    // SAFETY: forwarded pointer contracts.
    let av = unsafe { batch_mut(a, count, n, n, strides, "a")? };
    out_slice(w, len, "w")?;
    disjoint(
        ("a", span(a, count, n, n, strides)),
        ("w", span(w, len, 1, 1, [1, 1, 1])),
    )?;
    // SAFETY: checked non-null (when len > 0) and aligned; len writable
    // elements apart from a (the contract, checked above).
    let w = unsafe { ffi::slice_mut(w, len) };
    let result = Eigh::<T>::eigh_batch(ctx.host(), uplo, av, w, vectors);
    // SAFETY: forwarded pointer contracts.
    unsafe { report_batch(info, failed_index, result) }
}
