//! Batches of small systems (NumPy's stacked `linalg`): the helpers behind
//! `oxpar_?gesv_batch`, `?inv_batch`, `?potrf_batch`, `?det_batch` and
//! `?slogdet_batch`, over `oxpar::BatchMut`/`BatchRef`.
//!
//! A batch is a pointer to matrix 0's element (0, 0), its row and column
//! strides and a batch stride (matrix `k` starts `k*bs` elements further),
//! all non-negative: a NumPy stack `(count, n, n)` in C order is
//! `rs = n, cs = 1, bs = n*n`, a Fortran array `a(n, n, count)` is
//! `rs = 1, cs = n, bs = n*n`.
//!
//! Why the operands must lie in disjoint address ranges (and not merely
//! have no element in common, as for the single-matrix routines): the
//! exact test for two strided 3-D layouts is costly and no real caller
//! interleaves its outputs; the range test is cheap and sufficient.
//!
//! A failing system does not stop the others (see `oxpar::factor_batch`):
//! `info` receives its LAPACK `info` and `failed_index` its 0-based index,
//! the lowest one when several fail; on success they receive 0 and -1.

use oxpar::{BatchMut, BatchRef, Element, Error, ErrorKind, Factor, HostBackend};

use super::{pivots_ptr, set_info};
use crate::context::oxpar_context;
use crate::ffi;
use crate::status::{uplo_from, CapiError};

/// The byte range `[lo, hi)` of a batch (empty when it has no element).
pub(super) fn span<T>(
    ptr: *const T,
    count: usize,
    m: usize,
    n: usize,
    [rs, cs, bs]: [isize; 3],
) -> (usize, usize) {
    if count == 0 || m == 0 || n == 0 {
        return (0, 0);
    }
    let reach = |d: usize, s: isize| (d - 1).saturating_mul(s.unsigned_abs());
    let last = reach(count, bs)
        .saturating_add(reach(m, rs))
        .saturating_add(reach(n, cs));
    let size = std::mem::size_of::<T>();
    let lo = ptr as usize;
    (
        lo,
        lo.saturating_add(last.saturating_add(1).saturating_mul(size)),
    )
}

/// Refuses two operands whose address ranges meet.
pub(super) fn disjoint(
    a: (&str, (usize, usize)),
    b: (&str, (usize, usize)),
) -> Result<(), CapiError> {
    let ((an, (alo, ahi)), (bn, (blo, bhi))) = (a, b);
    if alo < ahi && blo < bhi && alo < bhi && blo < ahi {
        return Err(CapiError::invalid(
            bn,
            format!("overlaps the memory of {an}; the operands of a batch must lie in disjoint address ranges"),
        ));
    }
    Ok(())
}

/// Checks a batch's pointer (NULL only when it has no element, aligned).
fn batch_ptr<T>(
    p: *const T,
    count: usize,
    m: usize,
    n: usize,
    name: &str,
) -> Result<(), CapiError> {
    if count > 0 && m > 0 && n > 0 {
        if p.is_null() {
            return Err(CapiError::null(
                name,
                format!("is NULL but holds {count} matrices of {m}x{n}"),
            ));
        }
        if !p.is_aligned() {
            return Err(CapiError::invalid(
                name,
                "is not aligned for its element type",
            ));
        }
    }
    Ok(())
}

/// Checks a contiguous output of `len` elements (NULL only when empty).
pub(super) fn out_slice<T>(p: *mut T, len: usize, name: &str) -> Result<(), CapiError> {
    batch_ptr(p, len, 1, 1, name)
}

/// Prefixes a layout error with the argument it is about.
fn layout_error(name: &str, e: Error) -> CapiError {
    let mut c = CapiError::from(e);
    c.message = format!("{name}: {}", c.message);
    c
}

/// `count * n`, or an error naming `what`.
fn total(count: usize, n: usize, what: &str) -> Result<usize, CapiError> {
    count
        .checked_mul(n)
        .ok_or_else(|| CapiError::invalid(what, format!("{count} x {n} elements overflow")))
}

/// Writes `info` and `failed_index` for a batch's result.
///
/// # Safety
/// `info` and `failed_index` are NULL or writable.
pub(super) unsafe fn report_batch(
    info: *mut i64,
    failed_index: *mut i64,
    result: Result<(), Error>,
) -> Result<(), CapiError> {
    let (value, index) = match &result {
        Ok(()) => (Some(0), Some(-1)),
        Err(e)
            if matches!(
                e.kind(),
                ErrorKind::Singular | ErrorKind::NotPositiveDefinite | ErrorKind::NoConvergence
            ) =>
        {
            (
                Some(e.info().unwrap_or(0)),
                Some(
                    e.batch_index()
                        .map_or(-1, |k| i64::try_from(k).unwrap_or(i64::MAX)),
                ),
            )
        }
        Err(_) => (None, None),
    };
    if let (Some(value), Some(index)) = (value, index) {
        // SAFETY: forwarded.
        unsafe { set_info(info, value) };
        if !failed_index.is_null() {
            // SAFETY: non-null and writable (the contract).
            unsafe { ffi::write_out(failed_index, index) };
        }
    }
    Ok(result?)
}

/// A mutable batch from C's arguments.
///
/// # Safety
/// The batch's elements are valid, writable and used by nobody else.
pub(super) unsafe fn batch_mut<'a, T: Element>(
    p: *mut T,
    count: usize,
    m: usize,
    n: usize,
    strides: [isize; 3],
    name: &str,
) -> Result<BatchMut<'a, T>, CapiError> {
    batch_ptr(p, count, m, n, name)?;
    // SAFETY: the caller's contract; a null pointer only with no element.
    unsafe { BatchMut::from_raw_parts(p, count, m, n, strides) }.map_err(|e| layout_error(name, e))
}

/// A read-only batch from C's arguments.
///
/// # Safety
/// The batch's elements are valid and not written by anyone.
unsafe fn batch_ref<'a, T: Element>(
    p: *const T,
    count: usize,
    n: usize,
    strides: [isize; 3],
    name: &str,
) -> Result<BatchRef<'a, T>, CapiError> {
    batch_ptr(p, count, n, n, name)?;
    // SAFETY: the caller's contract; a null pointer only with no element.
    unsafe { BatchRef::from_raw_parts(p, count, n, n, strides) }.map_err(|e| layout_error(name, e))
}

/// # Safety
/// The pointer contracts of `oxpar_?gesv_batch`.
#[allow(clippy::too_many_arguments, reason = "the batched LAPACK signature")]
pub(super) unsafe fn gesv_batch<T: Element>(
    ctx: *const oxpar_context,
    count: usize,
    n: usize,
    nrhs: usize,
    a: *mut T,
    [rsa, csa, bsa]: [isize; 3],
    ipiv: *mut i64,
    b: *mut T,
    [rsb, csb, bsb]: [isize; 3],
    info: *mut i64,
    failed_index: *mut i64,
) -> Result<(), CapiError>
where
    dyn HostBackend: Factor<T>,
{
    // SAFETY: forwarded pointer contracts.
    let ctx = unsafe { ffi::context(ctx)? };
    let np = total(count, n, "ipiv")?;
    let sa = span(a, count, n, n, [rsa, csa, bsa]);
    let sb = span(b, count, n, nrhs, [rsb, csb, bsb]);
    let sp = span(ipiv, np, 1, 1, [1, 1, 1]);
    // SAFETY: forwarded pointer contracts.
    let av = unsafe { batch_mut(a, count, n, n, [rsa, csa, bsa], "a")? };
    // SAFETY: forwarded pointer contracts.
    let bv = unsafe { batch_mut(b, count, n, nrhs, [rsb, csb, bsb], "b")? };
    pivots_ptr(ipiv, np, "ipiv")?;
    disjoint(("a", sa), ("b", sb))?;
    disjoint(("a", sa), ("ipiv", sp))?;
    disjoint(("b", sb), ("ipiv", sp))?;
    // SAFETY: checked non-null (when np > 0) and aligned; np writable
    // elements (the contract), apart from a and b (checked above).
    let ipiv = unsafe { ffi::slice_mut(ipiv, np) };
    let mut piv = vec![0usize; np];
    let result = Factor::<T>::lu_factor_solve_batch(ctx.host(), av, &mut piv, bv);
    if result.is_ok() || result.as_ref().is_err_and(|e| e.batch_index().is_some()) {
        for (out, p) in ipiv.iter_mut().zip(&piv) {
            *out = i64::try_from(*p + 1).unwrap_or(i64::MAX);
        }
    }
    // SAFETY: forwarded pointer contracts.
    unsafe { report_batch(info, failed_index, result) }
}

/// # Safety
/// The pointer contracts of `oxpar_?inv_batch`.
#[allow(clippy::too_many_arguments, reason = "the batched LAPACK signature")]
pub(super) unsafe fn inv_batch<T: Element>(
    ctx: *const oxpar_context,
    count: usize,
    n: usize,
    a: *mut T,
    strides: [isize; 3],
    info: *mut i64,
    failed_index: *mut i64,
) -> Result<(), CapiError>
where
    dyn HostBackend: Factor<T>,
{
    // SAFETY: forwarded pointer contracts.
    let ctx = unsafe { ffi::context(ctx)? };
    // SAFETY: forwarded pointer contracts.
    let av = unsafe { batch_mut(a, count, n, n, strides, "a")? };
    let result = Factor::<T>::inv_batch(ctx.host(), av);
    // SAFETY: forwarded pointer contracts.
    unsafe { report_batch(info, failed_index, result) }
}

/// # Safety
/// The pointer contracts of `oxpar_?potrf_batch`.
#[allow(clippy::too_many_arguments, reason = "the batched LAPACK signature")]
pub(super) unsafe fn potrf_batch<T: Element>(
    ctx: *const oxpar_context,
    uplo: i32,
    count: usize,
    n: usize,
    a: *mut T,
    strides: [isize; 3],
    info: *mut i64,
    failed_index: *mut i64,
) -> Result<(), CapiError>
where
    dyn HostBackend: Factor<T>,
{
    // SAFETY: forwarded pointer contracts.
    let ctx = unsafe { ffi::context(ctx)? };
    let uplo = uplo_from(uplo, "uplo")?;
    // SAFETY: forwarded pointer contracts.
    let av = unsafe { batch_mut(a, count, n, n, strides, "a")? };
    let result = Factor::<T>::cholesky_batch(ctx.host(), uplo, av);
    // SAFETY: forwarded pointer contracts.
    unsafe { report_batch(info, failed_index, result) }
}

/// # Safety
/// The pointer contracts of `oxpar_?det_batch`.
pub(super) unsafe fn det_batch<T: Element>(
    ctx: *const oxpar_context,
    count: usize,
    n: usize,
    a: *const T,
    strides: [isize; 3],
    det: *mut T,
) -> Result<(), CapiError>
where
    dyn HostBackend: Factor<T>,
{
    // SAFETY: forwarded pointer contracts.
    let ctx = unsafe { ffi::context(ctx)? };
    // SAFETY: forwarded pointer contracts.
    let av = unsafe { batch_ref(a, count, n, strides, "a")? };
    out_slice(det, count, "dets")?;
    disjoint(
        ("a", span(a, count, n, n, strides)),
        ("dets", span(det, count, 1, 1, [1, 1, 1])),
    )?;
    // SAFETY: checked non-null (when count > 0) and aligned; count
    // writable elements apart from a (the contract, checked above).
    let det = unsafe { ffi::slice_mut(det, count) };
    Ok(Factor::<T>::det_batch(ctx.host(), av, det)?)
}

/// # Safety
/// The pointer contracts of `oxpar_?slogdet_batch`.
pub(super) unsafe fn slogdet_batch<T: Element>(
    ctx: *const oxpar_context,
    count: usize,
    n: usize,
    a: *const T,
    strides: [isize; 3],
    sign: *mut T,
    logabs: *mut T::Real,
) -> Result<(), CapiError>
where
    dyn HostBackend: Factor<T>,
{
    // SAFETY: forwarded pointer contracts.
    let ctx = unsafe { ffi::context(ctx)? };
    // SAFETY: forwarded pointer contracts.
    let av = unsafe { batch_ref(a, count, n, strides, "a")? };
    out_slice(sign, count, "signs")?;
    out_slice(logabs, count, "logdets")?;
    let sa = span(a, count, n, n, strides);
    let ss = span(sign, count, 1, 1, [1, 1, 1]);
    let sl = span(logabs, count, 1, 1, [1, 1, 1]);
    disjoint(("a", sa), ("signs", ss))?;
    disjoint(("a", sa), ("logdets", sl))?;
    disjoint(("signs", ss), ("logdets", sl))?;
    // SAFETY: checked non-null (when count > 0) and aligned; count
    // writable elements each, apart from each other and from a (checked).
    let (sign, logabs) = unsafe { (ffi::slice_mut(sign, count), ffi::slice_mut(logabs, count)) };
    Ok(Factor::<T>::slogdet_batch(ctx.host(), av, sign, logabs)?)
}
