//! LU and Cholesky (LAPACK's `getrf`, `getrs`, `gesv`, `potrf`, `potrs`,
//! `posv`), the inverses and determinants built on them (`inverse`) and
//! their batches (`batch`), for the four element types, on the context's
//! backend (`oxpar::Factor`; the algorithms live there, not here). QR and
//! least squares (`geqrf`, `ormqr`/`unmqr`, `orgqr`/`ungqr`, `gels`) are in
//! `qr`, on `oxpar::Qr`.
//!
//! Why these are written here and not in the routine table: their
//! arguments have two roles the table does not know yet (1-based `int64_t`
//! pivots and the `info` output), and a numerical failure leaves outputs
//! written, against the table's "outputs only on success". The conventions
//! are LAPACKE's, in oxpar's BLIS-style strides:
//!
//! * Pivots are `int64_t`, 1-based: row `i` (1-based) was interchanged with
//!   row `ipiv[i-1]`, as LAPACK's `ipiv`.
//! * `info` (`int64_t *`, may be NULL when not wanted) is written on every
//!   call that gets past its argument checks: 0 on success, LAPACK's positive
//!   index on `OXPAR_STATUS_SINGULAR` (the column, 1-based, of the exactly
//!   zero pivot) and `OXPAR_STATUS_NOT_POSITIVE_DEFINITE` (the order of the
//!   leading minor that is not). Argument errors leave it alone; they are
//!   statuses with a message, as everywhere in the C ABI.
//! * No workspace arguments: the library allocates what it needs (a copy of
//!   at most a `16`-column panel for LU, plus a copy of `a` when it shares
//!   memory with a written right-hand side in `getrs`/`potrs`).

use oxpar::{Element, Error, ErrorKind, Factor, HostBackend};

use crate::context::oxpar_context;
use crate::ffi::{self, detach_mat, exclusive_outputs, read_mat, Operand};
use crate::status::{trans_from, uplo_from, CapiError};

/// Checks the `n`-element pivot array (NULL only when `n == 0`, aligned).
fn pivots_ptr<P>(p: *const P, n: usize, name: &str) -> Result<(), CapiError> {
    if n > 0 && p.is_null() {
        return Err(CapiError::null(
            name,
            format!("is NULL but holds {n} pivots"),
        ));
    }
    if n > 0 && !p.is_aligned() {
        return Err(CapiError::invalid(name, "is not aligned for int64_t"));
    }
    Ok(())
}

/// Writes `value` to the optional `info` output.
///
/// # Safety
/// `info` is NULL or points to a writable `int64_t`.
unsafe fn set_info(info: *mut i64, value: usize) {
    if !info.is_null() {
        // SAFETY: non-null and writable (the caller's contract).
        unsafe { ffi::write_out(info, i64::try_from(value).unwrap_or(i64::MAX)) };
    }
}

/// `Ok` after writing 0 to `info`, or the numerical failure after writing
/// its index; other errors pass through.
///
/// # Safety
/// As [`set_info`].
pub(super) unsafe fn report(info: *mut i64, result: Result<(), Error>) -> Result<(), CapiError> {
    match result {
        Ok(()) => {
            // SAFETY: forwarded.
            unsafe { set_info(info, 0) };
            Ok(())
        }
        Err(e) => {
            if matches!(
                e.kind(),
                ErrorKind::Singular | ErrorKind::NotPositiveDefinite | ErrorKind::NoConvergence
            ) {
                // SAFETY: forwarded.
                unsafe { set_info(info, e.info().unwrap_or(0)) };
            }
            Err(e.into())
        }
    }
}

/// Reads 1-based `int64_t` pivots as the 0-based indices of `oxpar::Factor`,
/// each checked to lie in `1..=n`.
fn read_pivots(p: &[i64], n: usize) -> Result<Vec<usize>, CapiError> {
    p.iter()
        .enumerate()
        .map(|(i, &v)| match usize::try_from(v) {
            Ok(v) if (1..=n).contains(&v) => Ok(v - 1),
            _ => Err(CapiError::invalid(
                "ipiv",
                format!("ipiv[{i}] = {v} is not a row index in 1..={n} (pivots are 1-based, as LAPACK's)"),
            )),
        })
        .collect()
}

/// # Safety
/// The pointer contracts of `oxpar_?getrf`.
#[allow(clippy::too_many_arguments, reason = "the LAPACK signature")]
unsafe fn getrf<T: Element>(
    ctx: *const oxpar_context,
    m: usize,
    n: usize,
    a: *mut T,
    rsa: isize,
    csa: isize,
    ipiv: *mut i64,
    info: *mut i64,
) -> Result<(), CapiError>
where
    dyn HostBackend: Factor<T>,
{
    // SAFETY: forwarded pointer contracts.
    let ctx = unsafe { ffi::context(ctx)? };
    // SAFETY: forwarded pointer contracts.
    let av = unsafe { ffi::mat_mut(a, m, n, rsa, csa, ["a", "rsa", "csa"])? };
    let k = m.min(n);
    pivots_ptr(ipiv, k, "ipiv")?;
    // SAFETY: checked non-null (when k > 0) and aligned; k writable elements (the contract).
    let ipiv = unsafe { ffi::slice_mut(ipiv, k) };
    exclusive_outputs(
        ("a", Operand::matrix(av.as_ref())),
        ("ipiv", Operand::slice(ipiv)),
    )?;
    let mut piv = vec![0usize; k];
    let result = Factor::<T>::lu_factor(ctx.host(), av, &mut piv);
    if result.is_ok()
        || result
            .as_ref()
            .is_err_and(|e| e.kind() == ErrorKind::Singular)
    {
        for (out, p) in ipiv.iter_mut().zip(&piv) {
            *out = i64::try_from(*p + 1).unwrap_or(i64::MAX);
        }
    }
    // SAFETY: forwarded pointer contracts.
    unsafe { report(info, result) }
}

/// # Safety
/// The pointer contracts of `oxpar_?getrs`.
#[allow(clippy::too_many_arguments, reason = "the LAPACK signature")]
unsafe fn getrs<T: Element>(
    ctx: *const oxpar_context,
    trans: i32,
    n: usize,
    nrhs: usize,
    a: *const T,
    rsa: isize,
    csa: isize,
    ipiv: *const i64,
    b: *mut T,
    rsb: isize,
    csb: isize,
) -> Result<(), CapiError>
where
    dyn HostBackend: Factor<T>,
{
    // SAFETY: forwarded pointer contracts.
    let ctx = unsafe { ffi::context(ctx)? };
    let trans = trans_from(trans, "trans")?;
    // SAFETY: forwarded pointer contracts.
    let av = unsafe { ffi::mat_ref(a, n, n, rsa, csa, ["a", "rsa", "csa"])? };
    pivots_ptr(ipiv, n, "ipiv")?;
    // SAFETY: checked non-null (when n > 0) and aligned; n readable elements (the contract).
    let piv = read_pivots(unsafe { ffi::slice(ipiv, n) }, n)?;
    // SAFETY: forwarded pointer contracts.
    let bv = unsafe { ffi::mat_mut(b, n, nrhs, rsb, csb, ["b", "rsb", "csb"])? };
    let a_copy = detach_mat(av, &[Operand::matrix(bv.as_ref())]);
    Ok(Factor::<T>::lu_solve(
        ctx.host(),
        trans,
        read_mat(av, &a_copy),
        &piv,
        bv,
    )?)
}

/// # Safety
/// The pointer contracts of `oxpar_?gesv`.
#[allow(clippy::too_many_arguments, reason = "the LAPACK signature")]
unsafe fn gesv<T: Element>(
    ctx: *const oxpar_context,
    n: usize,
    nrhs: usize,
    a: *mut T,
    rsa: isize,
    csa: isize,
    ipiv: *mut i64,
    b: *mut T,
    rsb: isize,
    csb: isize,
    info: *mut i64,
) -> Result<(), CapiError>
where
    dyn HostBackend: Factor<T>,
{
    // SAFETY: forwarded pointer contracts.
    let ctx = unsafe { ffi::context(ctx)? };
    // SAFETY: forwarded pointer contracts.
    let av = unsafe { ffi::mat_mut(a, n, n, rsa, csa, ["a", "rsa", "csa"])? };
    pivots_ptr(ipiv, n, "ipiv")?;
    // SAFETY: checked non-null (when n > 0) and aligned; n writable elements (the contract).
    let ipiv = unsafe { ffi::slice_mut(ipiv, n) };
    // SAFETY: forwarded pointer contracts.
    let bv = unsafe { ffi::mat_mut(b, n, nrhs, rsb, csb, ["b", "rsb", "csb"])? };
    exclusive_outputs(
        ("a", Operand::matrix(av.as_ref())),
        ("b", Operand::matrix(bv.as_ref())),
    )?;
    exclusive_outputs(
        ("a", Operand::matrix(av.as_ref())),
        ("ipiv", Operand::slice(ipiv)),
    )?;
    exclusive_outputs(
        ("b", Operand::matrix(bv.as_ref())),
        ("ipiv", Operand::slice(ipiv)),
    )?;
    let mut piv = vec![0usize; n];
    let result = Factor::<T>::lu_factor_solve(ctx.host(), av, &mut piv, bv);
    if result.is_ok()
        || result
            .as_ref()
            .is_err_and(|e| e.kind() == ErrorKind::Singular)
    {
        for (out, p) in ipiv.iter_mut().zip(&piv) {
            *out = i64::try_from(*p + 1).unwrap_or(i64::MAX);
        }
    }
    // SAFETY: forwarded pointer contracts.
    unsafe { report(info, result) }
}

/// # Safety
/// The pointer contracts of `oxpar_?potrf`.
unsafe fn potrf<T: Element>(
    ctx: *const oxpar_context,
    uplo: i32,
    n: usize,
    a: *mut T,
    rsa: isize,
    csa: isize,
    info: *mut i64,
) -> Result<(), CapiError>
where
    dyn HostBackend: Factor<T>,
{
    // SAFETY: forwarded pointer contracts.
    let ctx = unsafe { ffi::context(ctx)? };
    let uplo = uplo_from(uplo, "uplo")?;
    // SAFETY: forwarded pointer contracts.
    let av = unsafe { ffi::mat_mut(a, n, n, rsa, csa, ["a", "rsa", "csa"])? };
    let result = Factor::<T>::cholesky(ctx.host(), uplo, av);
    // SAFETY: forwarded pointer contracts.
    unsafe { report(info, result) }
}

/// # Safety
/// The pointer contracts of `oxpar_?potrs`.
#[allow(clippy::too_many_arguments, reason = "the LAPACK signature")]
unsafe fn potrs<T: Element>(
    ctx: *const oxpar_context,
    uplo: i32,
    n: usize,
    nrhs: usize,
    a: *const T,
    rsa: isize,
    csa: isize,
    b: *mut T,
    rsb: isize,
    csb: isize,
) -> Result<(), CapiError>
where
    dyn HostBackend: Factor<T>,
{
    // SAFETY: forwarded pointer contracts.
    let ctx = unsafe { ffi::context(ctx)? };
    let uplo = uplo_from(uplo, "uplo")?;
    // SAFETY: forwarded pointer contracts.
    let av = unsafe { ffi::mat_ref(a, n, n, rsa, csa, ["a", "rsa", "csa"])? };
    // SAFETY: forwarded pointer contracts.
    let bv = unsafe { ffi::mat_mut(b, n, nrhs, rsb, csb, ["b", "rsb", "csb"])? };
    let a_copy = detach_mat(av, &[Operand::matrix(bv.as_ref())]);
    Ok(Factor::<T>::cho_solve(
        ctx.host(),
        uplo,
        read_mat(av, &a_copy),
        bv,
    )?)
}

/// # Safety
/// The pointer contracts of `oxpar_?posv`.
#[allow(clippy::too_many_arguments, reason = "the LAPACK signature")]
unsafe fn posv<T: Element>(
    ctx: *const oxpar_context,
    uplo: i32,
    n: usize,
    nrhs: usize,
    a: *mut T,
    rsa: isize,
    csa: isize,
    b: *mut T,
    rsb: isize,
    csb: isize,
    info: *mut i64,
) -> Result<(), CapiError>
where
    dyn HostBackend: Factor<T>,
{
    // SAFETY: forwarded pointer contracts.
    let ctx = unsafe { ffi::context(ctx)? };
    let uplo = uplo_from(uplo, "uplo")?;
    // SAFETY: forwarded pointer contracts.
    let av = unsafe { ffi::mat_mut(a, n, n, rsa, csa, ["a", "rsa", "csa"])? };
    // SAFETY: forwarded pointer contracts.
    let bv = unsafe { ffi::mat_mut(b, n, nrhs, rsb, csb, ["b", "rsb", "csb"])? };
    exclusive_outputs(
        ("a", Operand::matrix(av.as_ref())),
        ("b", Operand::matrix(bv.as_ref())),
    )?;
    let result = Factor::<T>::cho_factor_solve(ctx.host(), uplo, av, bv);
    // SAFETY: forwarded pointer contracts.
    unsafe { report(info, result) }
}

mod batch;
// The symmetric/Hermitian eigenproblem.
mod eigh;
mod inverse;
mod shells;
mod svd;
use batch::{det_batch, gesv_batch, inv_batch, potrf_batch, slogdet_batch};
use inverse::{determinant, getri, potri, slogdet, trtri};
pub use shells::*;
mod qr;
use qr::{gels, geqrf, orgqr, ormqr};
