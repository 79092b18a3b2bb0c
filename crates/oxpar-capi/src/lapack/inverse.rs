//! Inverses and determinants (LAPACK's `getri`, `potri`, `trtri`, and the
//! determinants NumPy offers), behind the shells `oxpar_?getri`, `?potri`,
//! `?trtri`, `?det`, `?slogdet`.
//!
//! The inverses work in place on factors, as LAPACK's do, and report a
//! zero on the diagonal through `info` like the factorizations. The
//! determinants take `a` read-only and factor a private column-major copy,
//! so a C caller need not give up its matrix for one number (LAPACK has no
//! determinant; NumPy's `det` does not overwrite either).

use oxpar::{Element, Factor, HostBackend, MatMut, MatRef};

use super::{pivots_ptr, read_pivots, report};
use crate::context::oxpar_context;
use crate::ffi;
use crate::status::{diag_from, uplo_from, CapiError};

/// # Safety
/// The pointer contracts of `oxpar_?getri`.
pub(super) unsafe fn getri<T: Element>(
    ctx: *const oxpar_context,
    n: usize,
    a: *mut T,
    rsa: isize,
    csa: isize,
    ipiv: *const i64,
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
    // SAFETY: checked non-null (when n > 0) and aligned; n readable
    // elements (the contract). Read into a vector before `a` is written.
    let piv = read_pivots(unsafe { ffi::slice(ipiv, n) }, n)?;
    let result = Factor::<T>::lu_inverse(ctx.host(), av, &piv);
    // SAFETY: forwarded pointer contracts.
    unsafe { report(info, result) }
}

/// # Safety
/// The pointer contracts of `oxpar_?potri`.
pub(super) unsafe fn potri<T: Element>(
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
    let result = Factor::<T>::cho_inverse(ctx.host(), uplo, av);
    // SAFETY: forwarded pointer contracts.
    unsafe { report(info, result) }
}

/// # Safety
/// The pointer contracts of `oxpar_?trtri`.
#[allow(clippy::too_many_arguments, reason = "the LAPACK signature")]
pub(super) unsafe fn trtri<T: Element>(
    ctx: *const oxpar_context,
    uplo: i32,
    diag: i32,
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
    let diag = diag_from(diag, "diag")?;
    // SAFETY: forwarded pointer contracts.
    let av = unsafe { ffi::mat_mut(a, n, n, rsa, csa, ["a", "rsa", "csa"])? };
    let result = Factor::<T>::tri_inverse(ctx.host(), uplo, diag, av);
    // SAFETY: forwarded pointer contracts.
    unsafe { report(info, result) }
}

/// A column-major copy of the square `a`, to be factored in its place.
fn private_copy<T: Element>(a: MatRef<'_, T>) -> Vec<T> {
    let n = a.nrows();
    (0..n * n).map(|k| a.get(k % n, k / n)).collect()
}

/// # Safety
/// The pointer contracts of `oxpar_?det`.
pub(super) unsafe fn determinant<T: Element>(
    ctx: *const oxpar_context,
    n: usize,
    a: *const T,
    rsa: isize,
    csa: isize,
    det: *mut T,
) -> Result<(), CapiError>
where
    dyn HostBackend: Factor<T>,
{
    // SAFETY: forwarded pointer contracts.
    let ctx = unsafe { ffi::context(ctx)? };
    // SAFETY: forwarded pointer contracts.
    let av = unsafe { ffi::mat_ref(a, n, n, rsa, csa, ["a", "rsa", "csa"])? };
    let det = ffi::out_ptr(det, "det")?;
    let mut w = private_copy(av);
    let value = Factor::<T>::det(ctx.host(), MatMut::col_major(&mut w, n, n, n.max(1))?)?;
    // SAFETY: checked by out_ptr; writable (the contract).
    unsafe { ffi::write_out(det, value) };
    Ok(())
}

/// # Safety
/// The pointer contracts of `oxpar_?slogdet`.
pub(super) unsafe fn slogdet<T: Element>(
    ctx: *const oxpar_context,
    n: usize,
    a: *const T,
    rsa: isize,
    csa: isize,
    sign: *mut T,
    logabs: *mut T::Real,
) -> Result<(), CapiError>
where
    dyn HostBackend: Factor<T>,
{
    // SAFETY: forwarded pointer contracts.
    let ctx = unsafe { ffi::context(ctx)? };
    // SAFETY: forwarded pointer contracts.
    let av = unsafe { ffi::mat_ref(a, n, n, rsa, csa, ["a", "rsa", "csa"])? };
    let sign = ffi::out_ptr(sign, "sign")?;
    let logabs = ffi::out_ptr(logabs, "logabs")?;
    let mut w = private_copy(av);
    let (s, l) = Factor::<T>::slogdet(ctx.host(), MatMut::col_major(&mut w, n, n, n.max(1))?)?;
    // SAFETY: checked by out_ptr; writable (the contract).
    unsafe {
        ffi::write_out(sign, s);
        ffi::write_out(logabs, l);
    }
    Ok(())
}
