//! Generated from the routine table (xtask/src/routines.rs) by `make gen`.
//! Do not edit: change the table and regenerate.
//!
//! Each routine is a generic helper (argument conversion through `ffi`,
//! private copies of inputs that share memory with the output, the trait
//! call) and one typed shell per element type.

use oxpar::{Element, HostBackend, Level2, Level3};

use crate::blas::conj_in_place;
use crate::boundary::call;
use crate::context::oxpar_context;
use crate::ffi::{self, detach_mat, detach_slice, detach_vec, read_mat, read_vec, Operand};
use crate::status::{diag_from, oxpar_status, side_from, trans_from, uplo_from, CapiError};
use crate::{oxpar_c32, oxpar_c64};

/// # Safety
/// The pointer contracts of the exported functions that call it.
#[allow(clippy::too_many_arguments, reason = "the BLAS signature")]
unsafe fn symv<T: Element>(
    ctx: *const oxpar_context,
    uplo: i32,
    n: usize,
    alpha: *const T,
    a: *const T,
    rsa: isize,
    csa: isize,
    x: *const T,
    incx: isize,
    beta: *const T,
    y: *mut T,
    incy: isize,
) -> Result<(), CapiError>
where
    dyn HostBackend: Level2<T>,
{
    // SAFETY: forwarded pointer contracts.
    let ctx = unsafe { ffi::context(ctx)? };
    let uplo = uplo_from(uplo, "uplo")?;
    // SAFETY: forwarded pointer contracts.
    let alpha = unsafe { ffi::scalar(alpha, "alpha")? };
    let (rows, cols) = (n, n);
    // SAFETY: forwarded pointer contracts.
    let av = unsafe { ffi::mat_ref(a, rows, cols, rsa, csa, ["a", "rsa", "csa"])? };
    let len = n;
    // SAFETY: forwarded pointer contracts.
    let xv = unsafe { ffi::vec_ref(x, len, incx, ["x", "incx"])? };
    // SAFETY: forwarded pointer contracts.
    let beta = unsafe { ffi::scalar(beta, "beta")? };
    let len = n;
    // SAFETY: forwarded pointer contracts.
    let yv = unsafe { ffi::vec_mut(y, len, incy, ["y", "incy"])? };
    // Inputs that share memory with y are read from copies.
    let outputs = [Operand::vector(yv.as_ref())];
    let a_copy = detach_mat(av, &outputs);
    let x_copy = detach_vec(xv, &outputs);
    Ok(Level2::<T>::symv(
        ctx.host(),
        uplo,
        alpha,
        read_mat(av, &a_copy),
        read_vec(xv, &x_copy),
        beta,
        yv,
    )?)
}

/// `y := alpha*A*x + beta*y` with `A` symmetric, held in its `uplo` triangle, on floats.
///
/// The other triangle of `A` is not read. `beta == 0` does not read `y` (NaN there does not
/// come out).
///
/// `uplo` (`OXPAR_UPLO_UPPER` or `OXPAR_UPLO_LOWER`): which triangle of `a` (as stored) is
/// used.
///
/// Shapes: `a` is `n x n` as stored; `x` is `n` elements; `y` is `n` elements. A matrix is
/// given by a pointer to its element (0, 0) and its element strides (row, column):
/// column-major (Fortran) data has `rs = 1, cs = ld`, row-major (C) data `rs = ld, cs = 1`; a
/// vector by a pointer to its logical first element and its increment.
///
/// Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, alpha, beta; `a`, `x` or `y` when not empty),
/// `OXPAR_STATUS_INVALID_ARGUMENT` (uplo neither `OXPAR_UPLO_UPPER` nor `OXPAR_UPLO_LOWER`;
/// an array not aligned for its type), `OXPAR_STATUS_INVALID_STRIDE` (strides that give two
/// elements of `y` the same address, or an array beyond the address space). `a` and `x` may
/// have any strides, 0 included, and may share memory with `y`: the result is as if they were
/// read first. On an MPI context `OXPAR_STATUS_UNSUPPORTED` on every rank (the call is not
/// collective).
///
/// # Safety
/// `ctx` is NULL or a live context; every non-NULL pointer addresses the elements its sizes
/// and strides describe (readable, and writable for outputs) for the duration of the call.
#[no_mangle]
pub unsafe extern "C" fn oxpar_ssymv(
    ctx: *const oxpar_context,
    uplo: i32,
    n: usize,
    alpha: *const f32,
    a: *const f32,
    rsa: isize,
    csa: isize,
    x: *const f32,
    incx: isize,
    beta: *const f32,
    y: *mut f32,
    incy: isize,
) -> oxpar_status {
    // SAFETY: this function's contract.
    call("oxpar_ssymv", || unsafe {
        symv(ctx, uplo, n, alpha, a, rsa, csa, x, incx, beta, y, incy)
    })
}

/// `y := alpha*A*x + beta*y` with `A` symmetric, held in its `uplo` triangle, on doubles.
///
/// The other triangle of `A` is not read. `beta == 0` does not read `y` (NaN there does not
/// come out).
///
/// `uplo` (`OXPAR_UPLO_UPPER` or `OXPAR_UPLO_LOWER`): which triangle of `a` (as stored) is
/// used.
///
/// Shapes: `a` is `n x n` as stored; `x` is `n` elements; `y` is `n` elements. A matrix is
/// given by a pointer to its element (0, 0) and its element strides (row, column):
/// column-major (Fortran) data has `rs = 1, cs = ld`, row-major (C) data `rs = ld, cs = 1`; a
/// vector by a pointer to its logical first element and its increment.
///
/// Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, alpha, beta; `a`, `x` or `y` when not empty),
/// `OXPAR_STATUS_INVALID_ARGUMENT` (uplo neither `OXPAR_UPLO_UPPER` nor `OXPAR_UPLO_LOWER`;
/// an array not aligned for its type), `OXPAR_STATUS_INVALID_STRIDE` (strides that give two
/// elements of `y` the same address, or an array beyond the address space). `a` and `x` may
/// have any strides, 0 included, and may share memory with `y`: the result is as if they were
/// read first. On an MPI context `OXPAR_STATUS_UNSUPPORTED` on every rank (the call is not
/// collective).
///
/// # Safety
/// `ctx` is NULL or a live context; every non-NULL pointer addresses the elements its sizes
/// and strides describe (readable, and writable for outputs) for the duration of the call.
#[no_mangle]
pub unsafe extern "C" fn oxpar_dsymv(
    ctx: *const oxpar_context,
    uplo: i32,
    n: usize,
    alpha: *const f64,
    a: *const f64,
    rsa: isize,
    csa: isize,
    x: *const f64,
    incx: isize,
    beta: *const f64,
    y: *mut f64,
    incy: isize,
) -> oxpar_status {
    // SAFETY: this function's contract.
    call("oxpar_dsymv", || unsafe {
        symv(ctx, uplo, n, alpha, a, rsa, csa, x, incx, beta, y, incy)
    })
}

/// # Safety
/// The pointer contracts of the exported functions that call it.
#[allow(clippy::too_many_arguments, reason = "the BLAS signature")]
unsafe fn hemv<T: Element>(
    ctx: *const oxpar_context,
    uplo: i32,
    n: usize,
    alpha: *const T,
    a: *const T,
    rsa: isize,
    csa: isize,
    x: *const T,
    incx: isize,
    beta: *const T,
    y: *mut T,
    incy: isize,
) -> Result<(), CapiError>
where
    dyn HostBackend: Level2<T>,
{
    // SAFETY: forwarded pointer contracts.
    let ctx = unsafe { ffi::context(ctx)? };
    let uplo = uplo_from(uplo, "uplo")?;
    // SAFETY: forwarded pointer contracts.
    let alpha = unsafe { ffi::scalar(alpha, "alpha")? };
    let (rows, cols) = (n, n);
    // SAFETY: forwarded pointer contracts.
    let av = unsafe { ffi::mat_ref(a, rows, cols, rsa, csa, ["a", "rsa", "csa"])? };
    let len = n;
    // SAFETY: forwarded pointer contracts.
    let xv = unsafe { ffi::vec_ref(x, len, incx, ["x", "incx"])? };
    // SAFETY: forwarded pointer contracts.
    let beta = unsafe { ffi::scalar(beta, "beta")? };
    let len = n;
    // SAFETY: forwarded pointer contracts.
    let yv = unsafe { ffi::vec_mut(y, len, incy, ["y", "incy"])? };
    // Inputs that share memory with y are read from copies.
    let outputs = [Operand::vector(yv.as_ref())];
    let a_copy = detach_mat(av, &outputs);
    let x_copy = detach_vec(xv, &outputs);
    Ok(Level2::<T>::hemv(
        ctx.host(),
        uplo,
        alpha,
        read_mat(av, &a_copy),
        read_vec(xv, &x_copy),
        beta,
        yv,
    )?)
}

/// `y := alpha*A*x + beta*y` with `A` Hermitian, held in its `uplo` triangle, on
/// single-precision complex numbers.
///
/// The other triangle of `A` is not read, nor the imaginary parts of its diagonal (taken as
/// 0). `beta == 0` does not read `y` (NaN there does not come out).
///
/// `uplo` (`OXPAR_UPLO_UPPER` or `OXPAR_UPLO_LOWER`): which triangle of `a` (as stored) is
/// used.
///
/// Shapes: `a` is `n x n` as stored; `x` is `n` elements; `y` is `n` elements. A matrix is
/// given by a pointer to its element (0, 0) and its element strides (row, column):
/// column-major (Fortran) data has `rs = 1, cs = ld`, row-major (C) data `rs = ld, cs = 1`; a
/// vector by a pointer to its logical first element and its increment.
///
/// Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, alpha, beta; `a`, `x` or `y` when not empty),
/// `OXPAR_STATUS_INVALID_ARGUMENT` (uplo neither `OXPAR_UPLO_UPPER` nor `OXPAR_UPLO_LOWER`;
/// an array not aligned for its type), `OXPAR_STATUS_INVALID_STRIDE` (strides that give two
/// elements of `y` the same address, or an array beyond the address space). `a` and `x` may
/// have any strides, 0 included, and may share memory with `y`: the result is as if they were
/// read first. On an MPI context `OXPAR_STATUS_UNSUPPORTED` on every rank (the call is not
/// collective).
///
/// # Safety
/// `ctx` is NULL or a live context; every non-NULL pointer addresses the elements its sizes
/// and strides describe (readable, and writable for outputs) for the duration of the call.
#[no_mangle]
pub unsafe extern "C" fn oxpar_chemv(
    ctx: *const oxpar_context,
    uplo: i32,
    n: usize,
    alpha: *const oxpar_c32,
    a: *const oxpar_c32,
    rsa: isize,
    csa: isize,
    x: *const oxpar_c32,
    incx: isize,
    beta: *const oxpar_c32,
    y: *mut oxpar_c32,
    incy: isize,
) -> oxpar_status {
    // SAFETY: this function's contract.
    call("oxpar_chemv", || unsafe {
        hemv(ctx, uplo, n, alpha, a, rsa, csa, x, incx, beta, y, incy)
    })
}

/// `y := alpha*A*x + beta*y` with `A` Hermitian, held in its `uplo` triangle, on
/// double-precision complex numbers.
///
/// The other triangle of `A` is not read, nor the imaginary parts of its diagonal (taken as
/// 0). `beta == 0` does not read `y` (NaN there does not come out).
///
/// `uplo` (`OXPAR_UPLO_UPPER` or `OXPAR_UPLO_LOWER`): which triangle of `a` (as stored) is
/// used.
///
/// Shapes: `a` is `n x n` as stored; `x` is `n` elements; `y` is `n` elements. A matrix is
/// given by a pointer to its element (0, 0) and its element strides (row, column):
/// column-major (Fortran) data has `rs = 1, cs = ld`, row-major (C) data `rs = ld, cs = 1`; a
/// vector by a pointer to its logical first element and its increment.
///
/// Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, alpha, beta; `a`, `x` or `y` when not empty),
/// `OXPAR_STATUS_INVALID_ARGUMENT` (uplo neither `OXPAR_UPLO_UPPER` nor `OXPAR_UPLO_LOWER`;
/// an array not aligned for its type), `OXPAR_STATUS_INVALID_STRIDE` (strides that give two
/// elements of `y` the same address, or an array beyond the address space). `a` and `x` may
/// have any strides, 0 included, and may share memory with `y`: the result is as if they were
/// read first. On an MPI context `OXPAR_STATUS_UNSUPPORTED` on every rank (the call is not
/// collective).
///
/// # Safety
/// `ctx` is NULL or a live context; every non-NULL pointer addresses the elements its sizes
/// and strides describe (readable, and writable for outputs) for the duration of the call.
#[no_mangle]
pub unsafe extern "C" fn oxpar_zhemv(
    ctx: *const oxpar_context,
    uplo: i32,
    n: usize,
    alpha: *const oxpar_c64,
    a: *const oxpar_c64,
    rsa: isize,
    csa: isize,
    x: *const oxpar_c64,
    incx: isize,
    beta: *const oxpar_c64,
    y: *mut oxpar_c64,
    incy: isize,
) -> oxpar_status {
    // SAFETY: this function's contract.
    call("oxpar_zhemv", || unsafe {
        hemv(ctx, uplo, n, alpha, a, rsa, csa, x, incx, beta, y, incy)
    })
}

/// # Safety
/// The pointer contracts of the exported functions that call it.
#[allow(clippy::too_many_arguments, reason = "the BLAS signature")]
unsafe fn trmv<T: Element>(
    ctx: *const oxpar_context,
    uplo: i32,
    trans: i32,
    diag: i32,
    n: usize,
    a: *const T,
    rsa: isize,
    csa: isize,
    x: *mut T,
    incx: isize,
) -> Result<(), CapiError>
where
    dyn HostBackend: Level2<T>,
{
    // SAFETY: forwarded pointer contracts.
    let ctx = unsafe { ffi::context(ctx)? };
    let uplo = uplo_from(uplo, "uplo")?;
    let trans = trans_from(trans, "trans")?;
    let diag = diag_from(diag, "diag")?;
    let (rows, cols) = (n, n);
    // SAFETY: forwarded pointer contracts.
    let av = unsafe { ffi::mat_ref(a, rows, cols, rsa, csa, ["a", "rsa", "csa"])? };
    let len = n;
    // SAFETY: forwarded pointer contracts.
    let xv = unsafe { ffi::vec_mut(x, len, incx, ["x", "incx"])? };
    // The (conjugate) transpose of the view holds the other triangle.
    let uplo = if trans.is_transposed() {
        uplo.flip()
    } else {
        uplo
    };
    // Inputs that share memory with x are read from copies.
    let outputs = [Operand::vector(xv.as_ref())];
    let a_copy = detach_mat(av, &outputs);
    Ok(Level2::<T>::trmv(
        ctx.host(),
        uplo,
        diag,
        trans.apply(read_mat(av, &a_copy)),
        xv,
    )?)
}

/// `x := op(A)*x` with `A` triangular, held in its `uplo` triangle, on floats.
///
/// The other triangle of `A` is not read, nor its diagonal when `diag` is unit.
///
/// `uplo` (`OXPAR_UPLO_UPPER` or `OXPAR_UPLO_LOWER`): which triangle of `a` (as stored) is
/// used; `trans` (`OXPAR_TRANS_NO`, `OXPAR_TRANS_YES` or `OXPAR_TRANS_CONJ`): whether op(a)
/// is `a`, its transpose or its conjugate transpose (`OXPAR_TRANS_CONJ`, the transpose for
/// real elements, as BLAS's `'C'`); `diag` (`OXPAR_DIAG_NON_UNIT` or `OXPAR_DIAG_UNIT`):
/// whether the diagonal of `a` is read or taken as all ones.
///
/// Shapes: `a` is `n x n` as stored; `x` is `n` elements. A matrix is given by a pointer to
/// its element (0, 0) and its element strides (row, column): column-major (Fortran) data has
/// `rs = 1, cs = ld`, row-major (C) data `rs = ld, cs = 1`; a vector by a pointer to its
/// logical first element and its increment.
///
/// Errors: `OXPAR_STATUS_NULL_POINTER` (ctx; `a` or `x` when not empty),
/// `OXPAR_STATUS_INVALID_ARGUMENT` (uplo neither `OXPAR_UPLO_UPPER` nor `OXPAR_UPLO_LOWER`;
/// trans none of `OXPAR_TRANS_NO`, `OXPAR_TRANS_YES`, `OXPAR_TRANS_CONJ`; diag neither
/// `OXPAR_DIAG_NON_UNIT` nor `OXPAR_DIAG_UNIT`; an array not aligned for its type),
/// `OXPAR_STATUS_INVALID_STRIDE` (strides that give two elements of `x` the same address, or
/// an array beyond the address space). `a` may have any strides, 0 included, and may share
/// memory with `x`: the result is as if it were read first. On an MPI context
/// `OXPAR_STATUS_UNSUPPORTED` on every rank (the call is not collective).
///
/// # Safety
/// `ctx` is NULL or a live context; every non-NULL pointer addresses the elements its sizes
/// and strides describe (readable, and writable for outputs) for the duration of the call.
#[no_mangle]
pub unsafe extern "C" fn oxpar_strmv(
    ctx: *const oxpar_context,
    uplo: i32,
    trans: i32,
    diag: i32,
    n: usize,
    a: *const f32,
    rsa: isize,
    csa: isize,
    x: *mut f32,
    incx: isize,
) -> oxpar_status {
    // SAFETY: this function's contract.
    call("oxpar_strmv", || unsafe {
        trmv(ctx, uplo, trans, diag, n, a, rsa, csa, x, incx)
    })
}

/// `x := op(A)*x` with `A` triangular, held in its `uplo` triangle, on doubles.
///
/// The other triangle of `A` is not read, nor its diagonal when `diag` is unit.
///
/// `uplo` (`OXPAR_UPLO_UPPER` or `OXPAR_UPLO_LOWER`): which triangle of `a` (as stored) is
/// used; `trans` (`OXPAR_TRANS_NO`, `OXPAR_TRANS_YES` or `OXPAR_TRANS_CONJ`): whether op(a)
/// is `a`, its transpose or its conjugate transpose (`OXPAR_TRANS_CONJ`, the transpose for
/// real elements, as BLAS's `'C'`); `diag` (`OXPAR_DIAG_NON_UNIT` or `OXPAR_DIAG_UNIT`):
/// whether the diagonal of `a` is read or taken as all ones.
///
/// Shapes: `a` is `n x n` as stored; `x` is `n` elements. A matrix is given by a pointer to
/// its element (0, 0) and its element strides (row, column): column-major (Fortran) data has
/// `rs = 1, cs = ld`, row-major (C) data `rs = ld, cs = 1`; a vector by a pointer to its
/// logical first element and its increment.
///
/// Errors: `OXPAR_STATUS_NULL_POINTER` (ctx; `a` or `x` when not empty),
/// `OXPAR_STATUS_INVALID_ARGUMENT` (uplo neither `OXPAR_UPLO_UPPER` nor `OXPAR_UPLO_LOWER`;
/// trans none of `OXPAR_TRANS_NO`, `OXPAR_TRANS_YES`, `OXPAR_TRANS_CONJ`; diag neither
/// `OXPAR_DIAG_NON_UNIT` nor `OXPAR_DIAG_UNIT`; an array not aligned for its type),
/// `OXPAR_STATUS_INVALID_STRIDE` (strides that give two elements of `x` the same address, or
/// an array beyond the address space). `a` may have any strides, 0 included, and may share
/// memory with `x`: the result is as if it were read first. On an MPI context
/// `OXPAR_STATUS_UNSUPPORTED` on every rank (the call is not collective).
///
/// # Safety
/// `ctx` is NULL or a live context; every non-NULL pointer addresses the elements its sizes
/// and strides describe (readable, and writable for outputs) for the duration of the call.
#[no_mangle]
pub unsafe extern "C" fn oxpar_dtrmv(
    ctx: *const oxpar_context,
    uplo: i32,
    trans: i32,
    diag: i32,
    n: usize,
    a: *const f64,
    rsa: isize,
    csa: isize,
    x: *mut f64,
    incx: isize,
) -> oxpar_status {
    // SAFETY: this function's contract.
    call("oxpar_dtrmv", || unsafe {
        trmv(ctx, uplo, trans, diag, n, a, rsa, csa, x, incx)
    })
}

/// `x := op(A)*x` with `A` triangular, held in its `uplo` triangle, on single-precision
/// complex numbers.
///
/// The other triangle of `A` is not read, nor its diagonal when `diag` is unit.
///
/// `uplo` (`OXPAR_UPLO_UPPER` or `OXPAR_UPLO_LOWER`): which triangle of `a` (as stored) is
/// used; `trans` (`OXPAR_TRANS_NO`, `OXPAR_TRANS_YES` or `OXPAR_TRANS_CONJ`): whether op(a)
/// is `a`, its transpose or its conjugate transpose (`OXPAR_TRANS_CONJ`, the transpose for
/// real elements, as BLAS's `'C'`); `diag` (`OXPAR_DIAG_NON_UNIT` or `OXPAR_DIAG_UNIT`):
/// whether the diagonal of `a` is read or taken as all ones.
///
/// Shapes: `a` is `n x n` as stored; `x` is `n` elements. A matrix is given by a pointer to
/// its element (0, 0) and its element strides (row, column): column-major (Fortran) data has
/// `rs = 1, cs = ld`, row-major (C) data `rs = ld, cs = 1`; a vector by a pointer to its
/// logical first element and its increment.
///
/// Errors: `OXPAR_STATUS_NULL_POINTER` (ctx; `a` or `x` when not empty),
/// `OXPAR_STATUS_INVALID_ARGUMENT` (uplo neither `OXPAR_UPLO_UPPER` nor `OXPAR_UPLO_LOWER`;
/// trans none of `OXPAR_TRANS_NO`, `OXPAR_TRANS_YES`, `OXPAR_TRANS_CONJ`; diag neither
/// `OXPAR_DIAG_NON_UNIT` nor `OXPAR_DIAG_UNIT`; an array not aligned for its type),
/// `OXPAR_STATUS_INVALID_STRIDE` (strides that give two elements of `x` the same address, or
/// an array beyond the address space). `a` may have any strides, 0 included, and may share
/// memory with `x`: the result is as if it were read first. On an MPI context
/// `OXPAR_STATUS_UNSUPPORTED` on every rank (the call is not collective).
///
/// # Safety
/// `ctx` is NULL or a live context; every non-NULL pointer addresses the elements its sizes
/// and strides describe (readable, and writable for outputs) for the duration of the call.
#[no_mangle]
pub unsafe extern "C" fn oxpar_ctrmv(
    ctx: *const oxpar_context,
    uplo: i32,
    trans: i32,
    diag: i32,
    n: usize,
    a: *const oxpar_c32,
    rsa: isize,
    csa: isize,
    x: *mut oxpar_c32,
    incx: isize,
) -> oxpar_status {
    // SAFETY: this function's contract.
    call("oxpar_ctrmv", || unsafe {
        trmv(ctx, uplo, trans, diag, n, a, rsa, csa, x, incx)
    })
}

/// `x := op(A)*x` with `A` triangular, held in its `uplo` triangle, on double-precision
/// complex numbers.
///
/// The other triangle of `A` is not read, nor its diagonal when `diag` is unit.
///
/// `uplo` (`OXPAR_UPLO_UPPER` or `OXPAR_UPLO_LOWER`): which triangle of `a` (as stored) is
/// used; `trans` (`OXPAR_TRANS_NO`, `OXPAR_TRANS_YES` or `OXPAR_TRANS_CONJ`): whether op(a)
/// is `a`, its transpose or its conjugate transpose (`OXPAR_TRANS_CONJ`, the transpose for
/// real elements, as BLAS's `'C'`); `diag` (`OXPAR_DIAG_NON_UNIT` or `OXPAR_DIAG_UNIT`):
/// whether the diagonal of `a` is read or taken as all ones.
///
/// Shapes: `a` is `n x n` as stored; `x` is `n` elements. A matrix is given by a pointer to
/// its element (0, 0) and its element strides (row, column): column-major (Fortran) data has
/// `rs = 1, cs = ld`, row-major (C) data `rs = ld, cs = 1`; a vector by a pointer to its
/// logical first element and its increment.
///
/// Errors: `OXPAR_STATUS_NULL_POINTER` (ctx; `a` or `x` when not empty),
/// `OXPAR_STATUS_INVALID_ARGUMENT` (uplo neither `OXPAR_UPLO_UPPER` nor `OXPAR_UPLO_LOWER`;
/// trans none of `OXPAR_TRANS_NO`, `OXPAR_TRANS_YES`, `OXPAR_TRANS_CONJ`; diag neither
/// `OXPAR_DIAG_NON_UNIT` nor `OXPAR_DIAG_UNIT`; an array not aligned for its type),
/// `OXPAR_STATUS_INVALID_STRIDE` (strides that give two elements of `x` the same address, or
/// an array beyond the address space). `a` may have any strides, 0 included, and may share
/// memory with `x`: the result is as if it were read first. On an MPI context
/// `OXPAR_STATUS_UNSUPPORTED` on every rank (the call is not collective).
///
/// # Safety
/// `ctx` is NULL or a live context; every non-NULL pointer addresses the elements its sizes
/// and strides describe (readable, and writable for outputs) for the duration of the call.
#[no_mangle]
pub unsafe extern "C" fn oxpar_ztrmv(
    ctx: *const oxpar_context,
    uplo: i32,
    trans: i32,
    diag: i32,
    n: usize,
    a: *const oxpar_c64,
    rsa: isize,
    csa: isize,
    x: *mut oxpar_c64,
    incx: isize,
) -> oxpar_status {
    // SAFETY: this function's contract.
    call("oxpar_ztrmv", || unsafe {
        trmv(ctx, uplo, trans, diag, n, a, rsa, csa, x, incx)
    })
}

/// # Safety
/// The pointer contracts of the exported functions that call it.
#[allow(clippy::too_many_arguments, reason = "the BLAS signature")]
unsafe fn trsv<T: Element>(
    ctx: *const oxpar_context,
    uplo: i32,
    trans: i32,
    diag: i32,
    n: usize,
    a: *const T,
    rsa: isize,
    csa: isize,
    x: *mut T,
    incx: isize,
) -> Result<(), CapiError>
where
    dyn HostBackend: Level2<T>,
{
    // SAFETY: forwarded pointer contracts.
    let ctx = unsafe { ffi::context(ctx)? };
    let uplo = uplo_from(uplo, "uplo")?;
    let trans = trans_from(trans, "trans")?;
    let diag = diag_from(diag, "diag")?;
    let (rows, cols) = (n, n);
    // SAFETY: forwarded pointer contracts.
    let av = unsafe { ffi::mat_ref(a, rows, cols, rsa, csa, ["a", "rsa", "csa"])? };
    let len = n;
    // SAFETY: forwarded pointer contracts.
    let xv = unsafe { ffi::vec_mut(x, len, incx, ["x", "incx"])? };
    // The (conjugate) transpose of the view holds the other triangle.
    let uplo = if trans.is_transposed() {
        uplo.flip()
    } else {
        uplo
    };
    // Inputs that share memory with x are read from copies.
    let outputs = [Operand::vector(xv.as_ref())];
    let a_copy = detach_mat(av, &outputs);
    Ok(Level2::<T>::trsv(
        ctx.host(),
        uplo,
        diag,
        trans.apply(read_mat(av, &a_copy)),
        xv,
    )?)
}

/// `x := op(A)^-1*x` (solves `op(A)*z = x`) with `A` triangular, held in its `uplo` triangle,
/// on floats.
///
/// The other triangle of `A` is not read, nor its diagonal when `diag` is unit. No test for
/// singularity: a zero on the diagonal gives infinities or NaN, as in BLAS.
///
/// `uplo` (`OXPAR_UPLO_UPPER` or `OXPAR_UPLO_LOWER`): which triangle of `a` (as stored) is
/// used; `trans` (`OXPAR_TRANS_NO`, `OXPAR_TRANS_YES` or `OXPAR_TRANS_CONJ`): whether op(a)
/// is `a`, its transpose or its conjugate transpose (`OXPAR_TRANS_CONJ`, the transpose for
/// real elements, as BLAS's `'C'`); `diag` (`OXPAR_DIAG_NON_UNIT` or `OXPAR_DIAG_UNIT`):
/// whether the diagonal of `a` is read or taken as all ones.
///
/// Shapes: `a` is `n x n` as stored; `x` is `n` elements. A matrix is given by a pointer to
/// its element (0, 0) and its element strides (row, column): column-major (Fortran) data has
/// `rs = 1, cs = ld`, row-major (C) data `rs = ld, cs = 1`; a vector by a pointer to its
/// logical first element and its increment.
///
/// Errors: `OXPAR_STATUS_NULL_POINTER` (ctx; `a` or `x` when not empty),
/// `OXPAR_STATUS_INVALID_ARGUMENT` (uplo neither `OXPAR_UPLO_UPPER` nor `OXPAR_UPLO_LOWER`;
/// trans none of `OXPAR_TRANS_NO`, `OXPAR_TRANS_YES`, `OXPAR_TRANS_CONJ`; diag neither
/// `OXPAR_DIAG_NON_UNIT` nor `OXPAR_DIAG_UNIT`; an array not aligned for its type),
/// `OXPAR_STATUS_INVALID_STRIDE` (strides that give two elements of `x` the same address, or
/// an array beyond the address space). `a` may have any strides, 0 included, and may share
/// memory with `x`: the result is as if it were read first. On an MPI context
/// `OXPAR_STATUS_UNSUPPORTED` on every rank (the call is not collective).
///
/// # Safety
/// `ctx` is NULL or a live context; every non-NULL pointer addresses the elements its sizes
/// and strides describe (readable, and writable for outputs) for the duration of the call.
#[no_mangle]
pub unsafe extern "C" fn oxpar_strsv(
    ctx: *const oxpar_context,
    uplo: i32,
    trans: i32,
    diag: i32,
    n: usize,
    a: *const f32,
    rsa: isize,
    csa: isize,
    x: *mut f32,
    incx: isize,
) -> oxpar_status {
    // SAFETY: this function's contract.
    call("oxpar_strsv", || unsafe {
        trsv(ctx, uplo, trans, diag, n, a, rsa, csa, x, incx)
    })
}

/// `x := op(A)^-1*x` (solves `op(A)*z = x`) with `A` triangular, held in its `uplo` triangle,
/// on doubles.
///
/// The other triangle of `A` is not read, nor its diagonal when `diag` is unit. No test for
/// singularity: a zero on the diagonal gives infinities or NaN, as in BLAS.
///
/// `uplo` (`OXPAR_UPLO_UPPER` or `OXPAR_UPLO_LOWER`): which triangle of `a` (as stored) is
/// used; `trans` (`OXPAR_TRANS_NO`, `OXPAR_TRANS_YES` or `OXPAR_TRANS_CONJ`): whether op(a)
/// is `a`, its transpose or its conjugate transpose (`OXPAR_TRANS_CONJ`, the transpose for
/// real elements, as BLAS's `'C'`); `diag` (`OXPAR_DIAG_NON_UNIT` or `OXPAR_DIAG_UNIT`):
/// whether the diagonal of `a` is read or taken as all ones.
///
/// Shapes: `a` is `n x n` as stored; `x` is `n` elements. A matrix is given by a pointer to
/// its element (0, 0) and its element strides (row, column): column-major (Fortran) data has
/// `rs = 1, cs = ld`, row-major (C) data `rs = ld, cs = 1`; a vector by a pointer to its
/// logical first element and its increment.
///
/// Errors: `OXPAR_STATUS_NULL_POINTER` (ctx; `a` or `x` when not empty),
/// `OXPAR_STATUS_INVALID_ARGUMENT` (uplo neither `OXPAR_UPLO_UPPER` nor `OXPAR_UPLO_LOWER`;
/// trans none of `OXPAR_TRANS_NO`, `OXPAR_TRANS_YES`, `OXPAR_TRANS_CONJ`; diag neither
/// `OXPAR_DIAG_NON_UNIT` nor `OXPAR_DIAG_UNIT`; an array not aligned for its type),
/// `OXPAR_STATUS_INVALID_STRIDE` (strides that give two elements of `x` the same address, or
/// an array beyond the address space). `a` may have any strides, 0 included, and may share
/// memory with `x`: the result is as if it were read first. On an MPI context
/// `OXPAR_STATUS_UNSUPPORTED` on every rank (the call is not collective).
///
/// # Safety
/// `ctx` is NULL or a live context; every non-NULL pointer addresses the elements its sizes
/// and strides describe (readable, and writable for outputs) for the duration of the call.
#[no_mangle]
pub unsafe extern "C" fn oxpar_dtrsv(
    ctx: *const oxpar_context,
    uplo: i32,
    trans: i32,
    diag: i32,
    n: usize,
    a: *const f64,
    rsa: isize,
    csa: isize,
    x: *mut f64,
    incx: isize,
) -> oxpar_status {
    // SAFETY: this function's contract.
    call("oxpar_dtrsv", || unsafe {
        trsv(ctx, uplo, trans, diag, n, a, rsa, csa, x, incx)
    })
}

/// `x := op(A)^-1*x` (solves `op(A)*z = x`) with `A` triangular, held in its `uplo` triangle,
/// on single-precision complex numbers.
///
/// The other triangle of `A` is not read, nor its diagonal when `diag` is unit. No test for
/// singularity: a zero on the diagonal gives infinities or NaN, as in BLAS.
///
/// `uplo` (`OXPAR_UPLO_UPPER` or `OXPAR_UPLO_LOWER`): which triangle of `a` (as stored) is
/// used; `trans` (`OXPAR_TRANS_NO`, `OXPAR_TRANS_YES` or `OXPAR_TRANS_CONJ`): whether op(a)
/// is `a`, its transpose or its conjugate transpose (`OXPAR_TRANS_CONJ`, the transpose for
/// real elements, as BLAS's `'C'`); `diag` (`OXPAR_DIAG_NON_UNIT` or `OXPAR_DIAG_UNIT`):
/// whether the diagonal of `a` is read or taken as all ones.
///
/// Shapes: `a` is `n x n` as stored; `x` is `n` elements. A matrix is given by a pointer to
/// its element (0, 0) and its element strides (row, column): column-major (Fortran) data has
/// `rs = 1, cs = ld`, row-major (C) data `rs = ld, cs = 1`; a vector by a pointer to its
/// logical first element and its increment.
///
/// Errors: `OXPAR_STATUS_NULL_POINTER` (ctx; `a` or `x` when not empty),
/// `OXPAR_STATUS_INVALID_ARGUMENT` (uplo neither `OXPAR_UPLO_UPPER` nor `OXPAR_UPLO_LOWER`;
/// trans none of `OXPAR_TRANS_NO`, `OXPAR_TRANS_YES`, `OXPAR_TRANS_CONJ`; diag neither
/// `OXPAR_DIAG_NON_UNIT` nor `OXPAR_DIAG_UNIT`; an array not aligned for its type),
/// `OXPAR_STATUS_INVALID_STRIDE` (strides that give two elements of `x` the same address, or
/// an array beyond the address space). `a` may have any strides, 0 included, and may share
/// memory with `x`: the result is as if it were read first. On an MPI context
/// `OXPAR_STATUS_UNSUPPORTED` on every rank (the call is not collective).
///
/// # Safety
/// `ctx` is NULL or a live context; every non-NULL pointer addresses the elements its sizes
/// and strides describe (readable, and writable for outputs) for the duration of the call.
#[no_mangle]
pub unsafe extern "C" fn oxpar_ctrsv(
    ctx: *const oxpar_context,
    uplo: i32,
    trans: i32,
    diag: i32,
    n: usize,
    a: *const oxpar_c32,
    rsa: isize,
    csa: isize,
    x: *mut oxpar_c32,
    incx: isize,
) -> oxpar_status {
    // SAFETY: this function's contract.
    call("oxpar_ctrsv", || unsafe {
        trsv(ctx, uplo, trans, diag, n, a, rsa, csa, x, incx)
    })
}

/// `x := op(A)^-1*x` (solves `op(A)*z = x`) with `A` triangular, held in its `uplo` triangle,
/// on double-precision complex numbers.
///
/// The other triangle of `A` is not read, nor its diagonal when `diag` is unit. No test for
/// singularity: a zero on the diagonal gives infinities or NaN, as in BLAS.
///
/// `uplo` (`OXPAR_UPLO_UPPER` or `OXPAR_UPLO_LOWER`): which triangle of `a` (as stored) is
/// used; `trans` (`OXPAR_TRANS_NO`, `OXPAR_TRANS_YES` or `OXPAR_TRANS_CONJ`): whether op(a)
/// is `a`, its transpose or its conjugate transpose (`OXPAR_TRANS_CONJ`, the transpose for
/// real elements, as BLAS's `'C'`); `diag` (`OXPAR_DIAG_NON_UNIT` or `OXPAR_DIAG_UNIT`):
/// whether the diagonal of `a` is read or taken as all ones.
///
/// Shapes: `a` is `n x n` as stored; `x` is `n` elements. A matrix is given by a pointer to
/// its element (0, 0) and its element strides (row, column): column-major (Fortran) data has
/// `rs = 1, cs = ld`, row-major (C) data `rs = ld, cs = 1`; a vector by a pointer to its
/// logical first element and its increment.
///
/// Errors: `OXPAR_STATUS_NULL_POINTER` (ctx; `a` or `x` when not empty),
/// `OXPAR_STATUS_INVALID_ARGUMENT` (uplo neither `OXPAR_UPLO_UPPER` nor `OXPAR_UPLO_LOWER`;
/// trans none of `OXPAR_TRANS_NO`, `OXPAR_TRANS_YES`, `OXPAR_TRANS_CONJ`; diag neither
/// `OXPAR_DIAG_NON_UNIT` nor `OXPAR_DIAG_UNIT`; an array not aligned for its type),
/// `OXPAR_STATUS_INVALID_STRIDE` (strides that give two elements of `x` the same address, or
/// an array beyond the address space). `a` may have any strides, 0 included, and may share
/// memory with `x`: the result is as if it were read first. On an MPI context
/// `OXPAR_STATUS_UNSUPPORTED` on every rank (the call is not collective).
///
/// # Safety
/// `ctx` is NULL or a live context; every non-NULL pointer addresses the elements its sizes
/// and strides describe (readable, and writable for outputs) for the duration of the call.
#[no_mangle]
pub unsafe extern "C" fn oxpar_ztrsv(
    ctx: *const oxpar_context,
    uplo: i32,
    trans: i32,
    diag: i32,
    n: usize,
    a: *const oxpar_c64,
    rsa: isize,
    csa: isize,
    x: *mut oxpar_c64,
    incx: isize,
) -> oxpar_status {
    // SAFETY: this function's contract.
    call("oxpar_ztrsv", || unsafe {
        trsv(ctx, uplo, trans, diag, n, a, rsa, csa, x, incx)
    })
}

/// # Safety
/// The pointer contracts of the exported functions that call it.
#[allow(clippy::too_many_arguments, reason = "the BLAS signature")]
unsafe fn syr<T: Element>(
    ctx: *const oxpar_context,
    uplo: i32,
    n: usize,
    alpha: *const T,
    x: *const T,
    incx: isize,
    a: *mut T,
    rsa: isize,
    csa: isize,
) -> Result<(), CapiError>
where
    dyn HostBackend: Level2<T>,
{
    // SAFETY: forwarded pointer contracts.
    let ctx = unsafe { ffi::context(ctx)? };
    let uplo = uplo_from(uplo, "uplo")?;
    // SAFETY: forwarded pointer contracts.
    let alpha = unsafe { ffi::scalar(alpha, "alpha")? };
    let len = n;
    // SAFETY: forwarded pointer contracts.
    let xv = unsafe { ffi::vec_ref(x, len, incx, ["x", "incx"])? };
    let (rows, cols) = (n, n);
    // SAFETY: forwarded pointer contracts.
    let av = unsafe { ffi::mat_mut(a, rows, cols, rsa, csa, ["a", "rsa", "csa"])? };
    // Inputs that share memory with a are read from copies.
    let outputs = [Operand::matrix(av.as_ref())];
    let x_copy = detach_vec(xv, &outputs);
    Ok(Level2::<T>::syr(
        ctx.host(),
        uplo,
        alpha,
        read_vec(xv, &x_copy),
        av,
    )?)
}

/// `A := alpha*x*x^T + A` on the `uplo` triangle of the symmetric `A`, on floats.
///
/// The other triangle of `A` is neither read nor written.
///
/// `uplo` (`OXPAR_UPLO_UPPER` or `OXPAR_UPLO_LOWER`): which triangle of `a` (as stored) is
/// used.
///
/// Shapes: `x` is `n` elements; `a` is `n x n` as stored. A matrix is given by a pointer to
/// its element (0, 0) and its element strides (row, column): column-major (Fortran) data has
/// `rs = 1, cs = ld`, row-major (C) data `rs = ld, cs = 1`; a vector by a pointer to its
/// logical first element and its increment.
///
/// Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, alpha; `x` or `a` when not empty),
/// `OXPAR_STATUS_INVALID_ARGUMENT` (uplo neither `OXPAR_UPLO_UPPER` nor `OXPAR_UPLO_LOWER`;
/// an array not aligned for its type), `OXPAR_STATUS_INVALID_STRIDE` (strides that give two
/// elements of `a` the same address, or an array beyond the address space). `x` may have any
/// strides, 0 included, and may share memory with `a`: the result is as if it were read
/// first. On an MPI context `OXPAR_STATUS_UNSUPPORTED` on every rank (the call is not
/// collective).
///
/// # Safety
/// `ctx` is NULL or a live context; every non-NULL pointer addresses the elements its sizes
/// and strides describe (readable, and writable for outputs) for the duration of the call.
#[no_mangle]
pub unsafe extern "C" fn oxpar_ssyr(
    ctx: *const oxpar_context,
    uplo: i32,
    n: usize,
    alpha: *const f32,
    x: *const f32,
    incx: isize,
    a: *mut f32,
    rsa: isize,
    csa: isize,
) -> oxpar_status {
    // SAFETY: this function's contract.
    call("oxpar_ssyr", || unsafe {
        syr(ctx, uplo, n, alpha, x, incx, a, rsa, csa)
    })
}

/// `A := alpha*x*x^T + A` on the `uplo` triangle of the symmetric `A`, on doubles.
///
/// The other triangle of `A` is neither read nor written.
///
/// `uplo` (`OXPAR_UPLO_UPPER` or `OXPAR_UPLO_LOWER`): which triangle of `a` (as stored) is
/// used.
///
/// Shapes: `x` is `n` elements; `a` is `n x n` as stored. A matrix is given by a pointer to
/// its element (0, 0) and its element strides (row, column): column-major (Fortran) data has
/// `rs = 1, cs = ld`, row-major (C) data `rs = ld, cs = 1`; a vector by a pointer to its
/// logical first element and its increment.
///
/// Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, alpha; `x` or `a` when not empty),
/// `OXPAR_STATUS_INVALID_ARGUMENT` (uplo neither `OXPAR_UPLO_UPPER` nor `OXPAR_UPLO_LOWER`;
/// an array not aligned for its type), `OXPAR_STATUS_INVALID_STRIDE` (strides that give two
/// elements of `a` the same address, or an array beyond the address space). `x` may have any
/// strides, 0 included, and may share memory with `a`: the result is as if it were read
/// first. On an MPI context `OXPAR_STATUS_UNSUPPORTED` on every rank (the call is not
/// collective).
///
/// # Safety
/// `ctx` is NULL or a live context; every non-NULL pointer addresses the elements its sizes
/// and strides describe (readable, and writable for outputs) for the duration of the call.
#[no_mangle]
pub unsafe extern "C" fn oxpar_dsyr(
    ctx: *const oxpar_context,
    uplo: i32,
    n: usize,
    alpha: *const f64,
    x: *const f64,
    incx: isize,
    a: *mut f64,
    rsa: isize,
    csa: isize,
) -> oxpar_status {
    // SAFETY: this function's contract.
    call("oxpar_dsyr", || unsafe {
        syr(ctx, uplo, n, alpha, x, incx, a, rsa, csa)
    })
}

/// # Safety
/// The pointer contracts of the exported functions that call it.
#[allow(clippy::too_many_arguments, reason = "the BLAS signature")]
unsafe fn syr2<T: Element>(
    ctx: *const oxpar_context,
    uplo: i32,
    n: usize,
    alpha: *const T,
    x: *const T,
    incx: isize,
    y: *const T,
    incy: isize,
    a: *mut T,
    rsa: isize,
    csa: isize,
) -> Result<(), CapiError>
where
    dyn HostBackend: Level2<T>,
{
    // SAFETY: forwarded pointer contracts.
    let ctx = unsafe { ffi::context(ctx)? };
    let uplo = uplo_from(uplo, "uplo")?;
    // SAFETY: forwarded pointer contracts.
    let alpha = unsafe { ffi::scalar(alpha, "alpha")? };
    let len = n;
    // SAFETY: forwarded pointer contracts.
    let xv = unsafe { ffi::vec_ref(x, len, incx, ["x", "incx"])? };
    let len = n;
    // SAFETY: forwarded pointer contracts.
    let yv = unsafe { ffi::vec_ref(y, len, incy, ["y", "incy"])? };
    let (rows, cols) = (n, n);
    // SAFETY: forwarded pointer contracts.
    let av = unsafe { ffi::mat_mut(a, rows, cols, rsa, csa, ["a", "rsa", "csa"])? };
    // Inputs that share memory with a are read from copies.
    let outputs = [Operand::matrix(av.as_ref())];
    let x_copy = detach_vec(xv, &outputs);
    let y_copy = detach_vec(yv, &outputs);
    Ok(Level2::<T>::syr2(
        ctx.host(),
        uplo,
        alpha,
        read_vec(xv, &x_copy),
        read_vec(yv, &y_copy),
        av,
    )?)
}

/// `A := alpha*(x*y^T + y*x^T) + A` on the `uplo` triangle of the symmetric `A`, on floats.
///
/// The other triangle of `A` is neither read nor written.
///
/// `uplo` (`OXPAR_UPLO_UPPER` or `OXPAR_UPLO_LOWER`): which triangle of `a` (as stored) is
/// used.
///
/// Shapes: `x` is `n` elements; `y` is `n` elements; `a` is `n x n` as stored. A matrix is
/// given by a pointer to its element (0, 0) and its element strides (row, column):
/// column-major (Fortran) data has `rs = 1, cs = ld`, row-major (C) data `rs = ld, cs = 1`; a
/// vector by a pointer to its logical first element and its increment.
///
/// Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, alpha; `x`, `y` or `a` when not empty),
/// `OXPAR_STATUS_INVALID_ARGUMENT` (uplo neither `OXPAR_UPLO_UPPER` nor `OXPAR_UPLO_LOWER`;
/// an array not aligned for its type), `OXPAR_STATUS_INVALID_STRIDE` (strides that give two
/// elements of `a` the same address, or an array beyond the address space). `x` and `y` may
/// have any strides, 0 included, and may share memory with `a`: the result is as if they were
/// read first. On an MPI context `OXPAR_STATUS_UNSUPPORTED` on every rank (the call is not
/// collective).
///
/// # Safety
/// `ctx` is NULL or a live context; every non-NULL pointer addresses the elements its sizes
/// and strides describe (readable, and writable for outputs) for the duration of the call.
#[no_mangle]
pub unsafe extern "C" fn oxpar_ssyr2(
    ctx: *const oxpar_context,
    uplo: i32,
    n: usize,
    alpha: *const f32,
    x: *const f32,
    incx: isize,
    y: *const f32,
    incy: isize,
    a: *mut f32,
    rsa: isize,
    csa: isize,
) -> oxpar_status {
    // SAFETY: this function's contract.
    call("oxpar_ssyr2", || unsafe {
        syr2(ctx, uplo, n, alpha, x, incx, y, incy, a, rsa, csa)
    })
}

/// `A := alpha*(x*y^T + y*x^T) + A` on the `uplo` triangle of the symmetric `A`, on doubles.
///
/// The other triangle of `A` is neither read nor written.
///
/// `uplo` (`OXPAR_UPLO_UPPER` or `OXPAR_UPLO_LOWER`): which triangle of `a` (as stored) is
/// used.
///
/// Shapes: `x` is `n` elements; `y` is `n` elements; `a` is `n x n` as stored. A matrix is
/// given by a pointer to its element (0, 0) and its element strides (row, column):
/// column-major (Fortran) data has `rs = 1, cs = ld`, row-major (C) data `rs = ld, cs = 1`; a
/// vector by a pointer to its logical first element and its increment.
///
/// Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, alpha; `x`, `y` or `a` when not empty),
/// `OXPAR_STATUS_INVALID_ARGUMENT` (uplo neither `OXPAR_UPLO_UPPER` nor `OXPAR_UPLO_LOWER`;
/// an array not aligned for its type), `OXPAR_STATUS_INVALID_STRIDE` (strides that give two
/// elements of `a` the same address, or an array beyond the address space). `x` and `y` may
/// have any strides, 0 included, and may share memory with `a`: the result is as if they were
/// read first. On an MPI context `OXPAR_STATUS_UNSUPPORTED` on every rank (the call is not
/// collective).
///
/// # Safety
/// `ctx` is NULL or a live context; every non-NULL pointer addresses the elements its sizes
/// and strides describe (readable, and writable for outputs) for the duration of the call.
#[no_mangle]
pub unsafe extern "C" fn oxpar_dsyr2(
    ctx: *const oxpar_context,
    uplo: i32,
    n: usize,
    alpha: *const f64,
    x: *const f64,
    incx: isize,
    y: *const f64,
    incy: isize,
    a: *mut f64,
    rsa: isize,
    csa: isize,
) -> oxpar_status {
    // SAFETY: this function's contract.
    call("oxpar_dsyr2", || unsafe {
        syr2(ctx, uplo, n, alpha, x, incx, y, incy, a, rsa, csa)
    })
}

/// # Safety
/// The pointer contracts of the exported functions that call it.
#[allow(clippy::too_many_arguments, reason = "the BLAS signature")]
unsafe fn her<T: Element>(
    ctx: *const oxpar_context,
    uplo: i32,
    n: usize,
    alpha: *const T::Real,
    x: *const T,
    incx: isize,
    a: *mut T,
    rsa: isize,
    csa: isize,
) -> Result<(), CapiError>
where
    dyn HostBackend: Level2<T>,
{
    // SAFETY: forwarded pointer contracts.
    let ctx = unsafe { ffi::context(ctx)? };
    let uplo = uplo_from(uplo, "uplo")?;
    // SAFETY: forwarded pointer contracts.
    let alpha = unsafe { ffi::scalar(alpha, "alpha")? };
    let len = n;
    // SAFETY: forwarded pointer contracts.
    let xv = unsafe { ffi::vec_ref(x, len, incx, ["x", "incx"])? };
    let (rows, cols) = (n, n);
    // SAFETY: forwarded pointer contracts.
    let av = unsafe { ffi::mat_mut(a, rows, cols, rsa, csa, ["a", "rsa", "csa"])? };
    // Inputs that share memory with a are read from copies.
    let outputs = [Operand::matrix(av.as_ref())];
    let x_copy = detach_vec(xv, &outputs);
    Ok(Level2::<T>::her(
        ctx.host(),
        uplo,
        alpha,
        read_vec(xv, &x_copy),
        av,
    )?)
}

/// `A := alpha*x*x^H + A` (`alpha` real) on the `uplo` triangle of the Hermitian `A`, on
/// single-precision complex numbers.
///
/// The other triangle of `A` is neither read nor written; the diagonal comes out real.
///
/// `uplo` (`OXPAR_UPLO_UPPER` or `OXPAR_UPLO_LOWER`): which triangle of `a` (as stored) is
/// used.
///
/// Shapes: `x` is `n` elements; `a` is `n x n` as stored. A matrix is given by a pointer to
/// its element (0, 0) and its element strides (row, column): column-major (Fortran) data has
/// `rs = 1, cs = ld`, row-major (C) data `rs = ld, cs = 1`; a vector by a pointer to its
/// logical first element and its increment.
///
/// Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, alpha; `x` or `a` when not empty),
/// `OXPAR_STATUS_INVALID_ARGUMENT` (uplo neither `OXPAR_UPLO_UPPER` nor `OXPAR_UPLO_LOWER`;
/// an array not aligned for its type), `OXPAR_STATUS_INVALID_STRIDE` (strides that give two
/// elements of `a` the same address, or an array beyond the address space). `x` may have any
/// strides, 0 included, and may share memory with `a`: the result is as if it were read
/// first. On an MPI context `OXPAR_STATUS_UNSUPPORTED` on every rank (the call is not
/// collective).
///
/// # Safety
/// `ctx` is NULL or a live context; every non-NULL pointer addresses the elements its sizes
/// and strides describe (readable, and writable for outputs) for the duration of the call.
#[no_mangle]
pub unsafe extern "C" fn oxpar_cher(
    ctx: *const oxpar_context,
    uplo: i32,
    n: usize,
    alpha: *const f32,
    x: *const oxpar_c32,
    incx: isize,
    a: *mut oxpar_c32,
    rsa: isize,
    csa: isize,
) -> oxpar_status {
    // SAFETY: this function's contract.
    call("oxpar_cher", || unsafe {
        her(ctx, uplo, n, alpha, x, incx, a, rsa, csa)
    })
}

/// `A := alpha*x*x^H + A` (`alpha` real) on the `uplo` triangle of the Hermitian `A`, on
/// double-precision complex numbers.
///
/// The other triangle of `A` is neither read nor written; the diagonal comes out real.
///
/// `uplo` (`OXPAR_UPLO_UPPER` or `OXPAR_UPLO_LOWER`): which triangle of `a` (as stored) is
/// used.
///
/// Shapes: `x` is `n` elements; `a` is `n x n` as stored. A matrix is given by a pointer to
/// its element (0, 0) and its element strides (row, column): column-major (Fortran) data has
/// `rs = 1, cs = ld`, row-major (C) data `rs = ld, cs = 1`; a vector by a pointer to its
/// logical first element and its increment.
///
/// Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, alpha; `x` or `a` when not empty),
/// `OXPAR_STATUS_INVALID_ARGUMENT` (uplo neither `OXPAR_UPLO_UPPER` nor `OXPAR_UPLO_LOWER`;
/// an array not aligned for its type), `OXPAR_STATUS_INVALID_STRIDE` (strides that give two
/// elements of `a` the same address, or an array beyond the address space). `x` may have any
/// strides, 0 included, and may share memory with `a`: the result is as if it were read
/// first. On an MPI context `OXPAR_STATUS_UNSUPPORTED` on every rank (the call is not
/// collective).
///
/// # Safety
/// `ctx` is NULL or a live context; every non-NULL pointer addresses the elements its sizes
/// and strides describe (readable, and writable for outputs) for the duration of the call.
#[no_mangle]
pub unsafe extern "C" fn oxpar_zher(
    ctx: *const oxpar_context,
    uplo: i32,
    n: usize,
    alpha: *const f64,
    x: *const oxpar_c64,
    incx: isize,
    a: *mut oxpar_c64,
    rsa: isize,
    csa: isize,
) -> oxpar_status {
    // SAFETY: this function's contract.
    call("oxpar_zher", || unsafe {
        her(ctx, uplo, n, alpha, x, incx, a, rsa, csa)
    })
}

/// # Safety
/// The pointer contracts of the exported functions that call it.
#[allow(clippy::too_many_arguments, reason = "the BLAS signature")]
unsafe fn her2<T: Element>(
    ctx: *const oxpar_context,
    uplo: i32,
    n: usize,
    alpha: *const T,
    x: *const T,
    incx: isize,
    y: *const T,
    incy: isize,
    a: *mut T,
    rsa: isize,
    csa: isize,
) -> Result<(), CapiError>
where
    dyn HostBackend: Level2<T>,
{
    // SAFETY: forwarded pointer contracts.
    let ctx = unsafe { ffi::context(ctx)? };
    let uplo = uplo_from(uplo, "uplo")?;
    // SAFETY: forwarded pointer contracts.
    let alpha = unsafe { ffi::scalar(alpha, "alpha")? };
    let len = n;
    // SAFETY: forwarded pointer contracts.
    let xv = unsafe { ffi::vec_ref(x, len, incx, ["x", "incx"])? };
    let len = n;
    // SAFETY: forwarded pointer contracts.
    let yv = unsafe { ffi::vec_ref(y, len, incy, ["y", "incy"])? };
    let (rows, cols) = (n, n);
    // SAFETY: forwarded pointer contracts.
    let av = unsafe { ffi::mat_mut(a, rows, cols, rsa, csa, ["a", "rsa", "csa"])? };
    // Inputs that share memory with a are read from copies.
    let outputs = [Operand::matrix(av.as_ref())];
    let x_copy = detach_vec(xv, &outputs);
    let y_copy = detach_vec(yv, &outputs);
    Ok(Level2::<T>::her2(
        ctx.host(),
        uplo,
        alpha,
        read_vec(xv, &x_copy),
        read_vec(yv, &y_copy),
        av,
    )?)
}

/// `A := alpha*x*y^H + conj(alpha)*y*x^H + A` on the `uplo` triangle of the Hermitian `A`, on
/// single-precision complex numbers.
///
/// The other triangle of `A` is neither read nor written; the diagonal comes out real.
///
/// `uplo` (`OXPAR_UPLO_UPPER` or `OXPAR_UPLO_LOWER`): which triangle of `a` (as stored) is
/// used.
///
/// Shapes: `x` is `n` elements; `y` is `n` elements; `a` is `n x n` as stored. A matrix is
/// given by a pointer to its element (0, 0) and its element strides (row, column):
/// column-major (Fortran) data has `rs = 1, cs = ld`, row-major (C) data `rs = ld, cs = 1`; a
/// vector by a pointer to its logical first element and its increment.
///
/// Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, alpha; `x`, `y` or `a` when not empty),
/// `OXPAR_STATUS_INVALID_ARGUMENT` (uplo neither `OXPAR_UPLO_UPPER` nor `OXPAR_UPLO_LOWER`;
/// an array not aligned for its type), `OXPAR_STATUS_INVALID_STRIDE` (strides that give two
/// elements of `a` the same address, or an array beyond the address space). `x` and `y` may
/// have any strides, 0 included, and may share memory with `a`: the result is as if they were
/// read first. On an MPI context `OXPAR_STATUS_UNSUPPORTED` on every rank (the call is not
/// collective).
///
/// # Safety
/// `ctx` is NULL or a live context; every non-NULL pointer addresses the elements its sizes
/// and strides describe (readable, and writable for outputs) for the duration of the call.
#[no_mangle]
pub unsafe extern "C" fn oxpar_cher2(
    ctx: *const oxpar_context,
    uplo: i32,
    n: usize,
    alpha: *const oxpar_c32,
    x: *const oxpar_c32,
    incx: isize,
    y: *const oxpar_c32,
    incy: isize,
    a: *mut oxpar_c32,
    rsa: isize,
    csa: isize,
) -> oxpar_status {
    // SAFETY: this function's contract.
    call("oxpar_cher2", || unsafe {
        her2(ctx, uplo, n, alpha, x, incx, y, incy, a, rsa, csa)
    })
}

/// `A := alpha*x*y^H + conj(alpha)*y*x^H + A` on the `uplo` triangle of the Hermitian `A`, on
/// double-precision complex numbers.
///
/// The other triangle of `A` is neither read nor written; the diagonal comes out real.
///
/// `uplo` (`OXPAR_UPLO_UPPER` or `OXPAR_UPLO_LOWER`): which triangle of `a` (as stored) is
/// used.
///
/// Shapes: `x` is `n` elements; `y` is `n` elements; `a` is `n x n` as stored. A matrix is
/// given by a pointer to its element (0, 0) and its element strides (row, column):
/// column-major (Fortran) data has `rs = 1, cs = ld`, row-major (C) data `rs = ld, cs = 1`; a
/// vector by a pointer to its logical first element and its increment.
///
/// Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, alpha; `x`, `y` or `a` when not empty),
/// `OXPAR_STATUS_INVALID_ARGUMENT` (uplo neither `OXPAR_UPLO_UPPER` nor `OXPAR_UPLO_LOWER`;
/// an array not aligned for its type), `OXPAR_STATUS_INVALID_STRIDE` (strides that give two
/// elements of `a` the same address, or an array beyond the address space). `x` and `y` may
/// have any strides, 0 included, and may share memory with `a`: the result is as if they were
/// read first. On an MPI context `OXPAR_STATUS_UNSUPPORTED` on every rank (the call is not
/// collective).
///
/// # Safety
/// `ctx` is NULL or a live context; every non-NULL pointer addresses the elements its sizes
/// and strides describe (readable, and writable for outputs) for the duration of the call.
#[no_mangle]
pub unsafe extern "C" fn oxpar_zher2(
    ctx: *const oxpar_context,
    uplo: i32,
    n: usize,
    alpha: *const oxpar_c64,
    x: *const oxpar_c64,
    incx: isize,
    y: *const oxpar_c64,
    incy: isize,
    a: *mut oxpar_c64,
    rsa: isize,
    csa: isize,
) -> oxpar_status {
    // SAFETY: this function's contract.
    call("oxpar_zher2", || unsafe {
        her2(ctx, uplo, n, alpha, x, incx, y, incy, a, rsa, csa)
    })
}

/// # Safety
/// The pointer contracts of the exported functions that call it.
#[allow(clippy::too_many_arguments, reason = "the BLAS signature")]
unsafe fn gbmv<T: Element>(
    ctx: *const oxpar_context,
    trans: i32,
    m: usize,
    n: usize,
    kl: usize,
    ku: usize,
    alpha: *const T,
    a: *const T,
    lda: isize,
    x: *const T,
    incx: isize,
    beta: *const T,
    y: *mut T,
    incy: isize,
) -> Result<(), CapiError>
where
    dyn HostBackend: Level2<T>,
{
    // SAFETY: forwarded pointer contracts.
    let ctx = unsafe { ffi::context(ctx)? };
    let trans = trans_from(trans, "trans")?;
    // Band and packed views carry no conjugation: op(A) = A^H is
    // conj(A^T conj(..)), the scalars, the vector read and the one written
    // conjugated around the call with A^T.
    let conj = trans == oxpar::Trans::ConjYes && T::DTYPE.is_complex();
    // SAFETY: forwarded pointer contracts.
    let alpha = unsafe { ffi::scalar(alpha, "alpha")? };
    let alpha = if conj { alpha.conj() } else { alpha };
    let (rows, cols) = (m, n);
    let (kl, ku) = (kl, ku);
    // SAFETY: forwarded pointer contracts.
    let av = unsafe { ffi::band_ref(a, (rows, cols), (kl, ku), lda, ["a", "lda", "kl"])? };
    let len = if trans == oxpar::Trans::No { n } else { m };
    // SAFETY: forwarded pointer contracts.
    let xv = unsafe { ffi::vec_ref(x, len, incx, ["x", "incx"])? };
    // SAFETY: forwarded pointer contracts.
    let beta = unsafe { ffi::scalar(beta, "beta")? };
    let beta = if conj { beta.conj() } else { beta };
    let len = if trans == oxpar::Trans::No { m } else { n };
    // SAFETY: forwarded pointer contracts.
    let mut yv = unsafe { ffi::vec_mut(y, len, incy, ["y", "incy"])? };
    // Inputs that share memory with y are read from copies.
    let outputs = [Operand::vector(yv.as_ref())];
    let a_copy = detach_slice(av.data(), &outputs);
    let x_copy = detach_vec(xv, &outputs);
    let x_conj: Option<Vec<T>> =
        conj.then(|| read_vec(xv, &x_copy).iter().map(Element::conj).collect());
    if conj {
        conj_in_place(yv.rb_mut());
    }
    let result = Level2::<T>::gbmv(
        ctx.host(),
        alpha,
        if trans.is_transposed() {
            av.view(&a_copy).t()
        } else {
            av.view(&a_copy)
        },
        match &x_conj {
            Some(v) => oxpar::VecRef::from_slice(v),
            None => read_vec(xv, &x_copy),
        },
        beta,
        yv.rb_mut(),
    );
    if conj {
        conj_in_place(yv.rb_mut());
    }
    Ok(result?)
}

/// `y := alpha*op(A)*x + beta*y` with `A` an `m x n` band matrix with `kl` sub- and `ku`
/// super-diagonals, on floats.
///
/// Elements of `a` outside the band are not read. `beta == 0` does not read `y` (NaN there
/// does not come out).
///
/// `trans` (`OXPAR_TRANS_NO`, `OXPAR_TRANS_YES` or `OXPAR_TRANS_CONJ`): whether op(a) is `a`,
/// its transpose or its conjugate transpose (`OXPAR_TRANS_CONJ`, the transpose for real
/// elements, as BLAS's `'C'`).
///
/// Shapes: `a` is the `m x n` band matrix with `kl` sub- and `ku` super-diagonals in LAPACK
/// band storage: element `(i, j)` of the band at `a[ku + i - j + j*lda]`,
/// `lda >= kl + ku + 1` (CBLAS row-major band data is the band storage of the transpose: swap
/// `m` and `n`, `kl` and `ku`, and flip `trans`); `x` is `n` elements (trans =
/// `OXPAR_TRANS_NO`) or `m` elements (`OXPAR_TRANS_YES`); `y` is `m` elements (trans =
/// `OXPAR_TRANS_NO`) or `n` elements (`OXPAR_TRANS_YES`). A vector is given by a pointer to
/// its logical first element and its increment.
///
/// Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, alpha, beta; `a`, `x` or `y` when not empty),
/// `OXPAR_STATUS_INVALID_ARGUMENT` (trans none of `OXPAR_TRANS_NO`, `OXPAR_TRANS_YES`,
/// `OXPAR_TRANS_CONJ`; kl with `kl + ku + 1` overflowing; an array not aligned for its type),
/// `OXPAR_STATUS_INVALID_STRIDE` (strides that give two elements of `y` the same address,
/// `lda` below the band's `kl + ku + 1` rows, or an array beyond the address space). `a` and
/// `x` may share memory with `y`: the result is as if they were read first; `x` may have any
/// strides, 0 included. On an MPI context `OXPAR_STATUS_UNSUPPORTED` on every rank (the call
/// is not collective).
///
/// # Safety
/// `ctx` is NULL or a live context; every non-NULL pointer addresses the elements its sizes
/// and strides describe (readable, and writable for outputs) for the duration of the call.
#[no_mangle]
pub unsafe extern "C" fn oxpar_sgbmv(
    ctx: *const oxpar_context,
    trans: i32,
    m: usize,
    n: usize,
    kl: usize,
    ku: usize,
    alpha: *const f32,
    a: *const f32,
    lda: isize,
    x: *const f32,
    incx: isize,
    beta: *const f32,
    y: *mut f32,
    incy: isize,
) -> oxpar_status {
    // SAFETY: this function's contract.
    call("oxpar_sgbmv", || unsafe {
        gbmv(
            ctx, trans, m, n, kl, ku, alpha, a, lda, x, incx, beta, y, incy,
        )
    })
}

/// `y := alpha*op(A)*x + beta*y` with `A` an `m x n` band matrix with `kl` sub- and `ku`
/// super-diagonals, on doubles.
///
/// Elements of `a` outside the band are not read. `beta == 0` does not read `y` (NaN there
/// does not come out).
///
/// `trans` (`OXPAR_TRANS_NO`, `OXPAR_TRANS_YES` or `OXPAR_TRANS_CONJ`): whether op(a) is `a`,
/// its transpose or its conjugate transpose (`OXPAR_TRANS_CONJ`, the transpose for real
/// elements, as BLAS's `'C'`).
///
/// Shapes: `a` is the `m x n` band matrix with `kl` sub- and `ku` super-diagonals in LAPACK
/// band storage: element `(i, j)` of the band at `a[ku + i - j + j*lda]`,
/// `lda >= kl + ku + 1` (CBLAS row-major band data is the band storage of the transpose: swap
/// `m` and `n`, `kl` and `ku`, and flip `trans`); `x` is `n` elements (trans =
/// `OXPAR_TRANS_NO`) or `m` elements (`OXPAR_TRANS_YES`); `y` is `m` elements (trans =
/// `OXPAR_TRANS_NO`) or `n` elements (`OXPAR_TRANS_YES`). A vector is given by a pointer to
/// its logical first element and its increment.
///
/// Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, alpha, beta; `a`, `x` or `y` when not empty),
/// `OXPAR_STATUS_INVALID_ARGUMENT` (trans none of `OXPAR_TRANS_NO`, `OXPAR_TRANS_YES`,
/// `OXPAR_TRANS_CONJ`; kl with `kl + ku + 1` overflowing; an array not aligned for its type),
/// `OXPAR_STATUS_INVALID_STRIDE` (strides that give two elements of `y` the same address,
/// `lda` below the band's `kl + ku + 1` rows, or an array beyond the address space). `a` and
/// `x` may share memory with `y`: the result is as if they were read first; `x` may have any
/// strides, 0 included. On an MPI context `OXPAR_STATUS_UNSUPPORTED` on every rank (the call
/// is not collective).
///
/// # Safety
/// `ctx` is NULL or a live context; every non-NULL pointer addresses the elements its sizes
/// and strides describe (readable, and writable for outputs) for the duration of the call.
#[no_mangle]
pub unsafe extern "C" fn oxpar_dgbmv(
    ctx: *const oxpar_context,
    trans: i32,
    m: usize,
    n: usize,
    kl: usize,
    ku: usize,
    alpha: *const f64,
    a: *const f64,
    lda: isize,
    x: *const f64,
    incx: isize,
    beta: *const f64,
    y: *mut f64,
    incy: isize,
) -> oxpar_status {
    // SAFETY: this function's contract.
    call("oxpar_dgbmv", || unsafe {
        gbmv(
            ctx, trans, m, n, kl, ku, alpha, a, lda, x, incx, beta, y, incy,
        )
    })
}

/// `y := alpha*op(A)*x + beta*y` with `A` an `m x n` band matrix with `kl` sub- and `ku`
/// super-diagonals, on single-precision complex numbers.
///
/// Elements of `a` outside the band are not read. `beta == 0` does not read `y` (NaN there
/// does not come out).
///
/// `trans` (`OXPAR_TRANS_NO`, `OXPAR_TRANS_YES` or `OXPAR_TRANS_CONJ`): whether op(a) is `a`,
/// its transpose or its conjugate transpose (`OXPAR_TRANS_CONJ`, the transpose for real
/// elements, as BLAS's `'C'`).
///
/// Shapes: `a` is the `m x n` band matrix with `kl` sub- and `ku` super-diagonals in LAPACK
/// band storage: element `(i, j)` of the band at `a[ku + i - j + j*lda]`,
/// `lda >= kl + ku + 1` (CBLAS row-major band data is the band storage of the transpose: swap
/// `m` and `n`, `kl` and `ku`, and flip `trans`); `x` is `n` elements (trans =
/// `OXPAR_TRANS_NO`) or `m` elements (`OXPAR_TRANS_YES`); `y` is `m` elements (trans =
/// `OXPAR_TRANS_NO`) or `n` elements (`OXPAR_TRANS_YES`). A vector is given by a pointer to
/// its logical first element and its increment.
///
/// Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, alpha, beta; `a`, `x` or `y` when not empty),
/// `OXPAR_STATUS_INVALID_ARGUMENT` (trans none of `OXPAR_TRANS_NO`, `OXPAR_TRANS_YES`,
/// `OXPAR_TRANS_CONJ`; kl with `kl + ku + 1` overflowing; an array not aligned for its type),
/// `OXPAR_STATUS_INVALID_STRIDE` (strides that give two elements of `y` the same address,
/// `lda` below the band's `kl + ku + 1` rows, or an array beyond the address space). `a` and
/// `x` may share memory with `y`: the result is as if they were read first; `x` may have any
/// strides, 0 included. On an MPI context `OXPAR_STATUS_UNSUPPORTED` on every rank (the call
/// is not collective).
///
/// # Safety
/// `ctx` is NULL or a live context; every non-NULL pointer addresses the elements its sizes
/// and strides describe (readable, and writable for outputs) for the duration of the call.
#[no_mangle]
pub unsafe extern "C" fn oxpar_cgbmv(
    ctx: *const oxpar_context,
    trans: i32,
    m: usize,
    n: usize,
    kl: usize,
    ku: usize,
    alpha: *const oxpar_c32,
    a: *const oxpar_c32,
    lda: isize,
    x: *const oxpar_c32,
    incx: isize,
    beta: *const oxpar_c32,
    y: *mut oxpar_c32,
    incy: isize,
) -> oxpar_status {
    // SAFETY: this function's contract.
    call("oxpar_cgbmv", || unsafe {
        gbmv(
            ctx, trans, m, n, kl, ku, alpha, a, lda, x, incx, beta, y, incy,
        )
    })
}

/// `y := alpha*op(A)*x + beta*y` with `A` an `m x n` band matrix with `kl` sub- and `ku`
/// super-diagonals, on double-precision complex numbers.
///
/// Elements of `a` outside the band are not read. `beta == 0` does not read `y` (NaN there
/// does not come out).
///
/// `trans` (`OXPAR_TRANS_NO`, `OXPAR_TRANS_YES` or `OXPAR_TRANS_CONJ`): whether op(a) is `a`,
/// its transpose or its conjugate transpose (`OXPAR_TRANS_CONJ`, the transpose for real
/// elements, as BLAS's `'C'`).
///
/// Shapes: `a` is the `m x n` band matrix with `kl` sub- and `ku` super-diagonals in LAPACK
/// band storage: element `(i, j)` of the band at `a[ku + i - j + j*lda]`,
/// `lda >= kl + ku + 1` (CBLAS row-major band data is the band storage of the transpose: swap
/// `m` and `n`, `kl` and `ku`, and flip `trans`); `x` is `n` elements (trans =
/// `OXPAR_TRANS_NO`) or `m` elements (`OXPAR_TRANS_YES`); `y` is `m` elements (trans =
/// `OXPAR_TRANS_NO`) or `n` elements (`OXPAR_TRANS_YES`). A vector is given by a pointer to
/// its logical first element and its increment.
///
/// Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, alpha, beta; `a`, `x` or `y` when not empty),
/// `OXPAR_STATUS_INVALID_ARGUMENT` (trans none of `OXPAR_TRANS_NO`, `OXPAR_TRANS_YES`,
/// `OXPAR_TRANS_CONJ`; kl with `kl + ku + 1` overflowing; an array not aligned for its type),
/// `OXPAR_STATUS_INVALID_STRIDE` (strides that give two elements of `y` the same address,
/// `lda` below the band's `kl + ku + 1` rows, or an array beyond the address space). `a` and
/// `x` may share memory with `y`: the result is as if they were read first; `x` may have any
/// strides, 0 included. On an MPI context `OXPAR_STATUS_UNSUPPORTED` on every rank (the call
/// is not collective).
///
/// # Safety
/// `ctx` is NULL or a live context; every non-NULL pointer addresses the elements its sizes
/// and strides describe (readable, and writable for outputs) for the duration of the call.
#[no_mangle]
pub unsafe extern "C" fn oxpar_zgbmv(
    ctx: *const oxpar_context,
    trans: i32,
    m: usize,
    n: usize,
    kl: usize,
    ku: usize,
    alpha: *const oxpar_c64,
    a: *const oxpar_c64,
    lda: isize,
    x: *const oxpar_c64,
    incx: isize,
    beta: *const oxpar_c64,
    y: *mut oxpar_c64,
    incy: isize,
) -> oxpar_status {
    // SAFETY: this function's contract.
    call("oxpar_zgbmv", || unsafe {
        gbmv(
            ctx, trans, m, n, kl, ku, alpha, a, lda, x, incx, beta, y, incy,
        )
    })
}

/// # Safety
/// The pointer contracts of the exported functions that call it.
#[allow(clippy::too_many_arguments, reason = "the BLAS signature")]
unsafe fn sbmv<T: Element>(
    ctx: *const oxpar_context,
    uplo: i32,
    n: usize,
    k: usize,
    alpha: *const T,
    a: *const T,
    lda: isize,
    x: *const T,
    incx: isize,
    beta: *const T,
    y: *mut T,
    incy: isize,
) -> Result<(), CapiError>
where
    dyn HostBackend: Level2<T>,
{
    // SAFETY: forwarded pointer contracts.
    let ctx = unsafe { ffi::context(ctx)? };
    let uplo = uplo_from(uplo, "uplo")?;
    // SAFETY: forwarded pointer contracts.
    let alpha = unsafe { ffi::scalar(alpha, "alpha")? };
    let (rows, cols) = (n, n);
    let (kl, ku) = (
        if uplo == oxpar::Uplo::Upper { 0 } else { k },
        if uplo == oxpar::Uplo::Upper { k } else { 0 },
    );
    // SAFETY: forwarded pointer contracts.
    let av = unsafe { ffi::band_ref(a, (rows, cols), (kl, ku), lda, ["a", "lda", "k"])? };
    let len = n;
    // SAFETY: forwarded pointer contracts.
    let xv = unsafe { ffi::vec_ref(x, len, incx, ["x", "incx"])? };
    // SAFETY: forwarded pointer contracts.
    let beta = unsafe { ffi::scalar(beta, "beta")? };
    let len = n;
    // SAFETY: forwarded pointer contracts.
    let yv = unsafe { ffi::vec_mut(y, len, incy, ["y", "incy"])? };
    // Inputs that share memory with y are read from copies.
    let outputs = [Operand::vector(yv.as_ref())];
    let a_copy = detach_slice(av.data(), &outputs);
    let x_copy = detach_vec(xv, &outputs);
    Ok(Level2::<T>::sbmv(
        ctx.host(),
        uplo,
        alpha,
        av.view(&a_copy),
        read_vec(xv, &x_copy),
        beta,
        yv,
    )?)
}

/// `y := alpha*A*x + beta*y` with `A` a symmetric band matrix with `k` off-diagonals, held in
/// its `uplo` triangle, on floats.
///
/// The other triangle of `A` is not read. `beta == 0` does not read `y` (NaN there does not
/// come out).
///
/// `uplo` (`OXPAR_UPLO_UPPER` or `OXPAR_UPLO_LOWER`): which triangle of `a` (as stored) is
/// used.
///
/// Shapes: `a` is the `uplo` triangle of the `n x n` band matrix with `k` off-diagonals in
/// LAPACK band storage: element `(i, j)` of the triangle at `a[k + i - j + j*lda]` (upper) or
/// `a[i - j + j*lda]` (lower), `lda >= k + 1` (CBLAS row-major band data of one triangle is
/// the other triangle's band storage of the transpose: flip `uplo`, and `trans` where there
/// is one); `x` is `n` elements; `y` is `n` elements. A vector is given by a pointer to its
/// logical first element and its increment.
///
/// Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, alpha, beta; `a`, `x` or `y` when not empty),
/// `OXPAR_STATUS_INVALID_ARGUMENT` (uplo neither `OXPAR_UPLO_UPPER` nor `OXPAR_UPLO_LOWER`; k
/// with `k + 1` overflowing; an array not aligned for its type),
/// `OXPAR_STATUS_INVALID_STRIDE` (strides that give two elements of `y` the same address,
/// `lda` below the band's `k + 1` rows, or an array beyond the address space). `a` and `x`
/// may share memory with `y`: the result is as if they were read first; `x` may have any
/// strides, 0 included. On an MPI context `OXPAR_STATUS_UNSUPPORTED` on every rank (the call
/// is not collective).
///
/// # Safety
/// `ctx` is NULL or a live context; every non-NULL pointer addresses the elements its sizes
/// and strides describe (readable, and writable for outputs) for the duration of the call.
#[no_mangle]
pub unsafe extern "C" fn oxpar_ssbmv(
    ctx: *const oxpar_context,
    uplo: i32,
    n: usize,
    k: usize,
    alpha: *const f32,
    a: *const f32,
    lda: isize,
    x: *const f32,
    incx: isize,
    beta: *const f32,
    y: *mut f32,
    incy: isize,
) -> oxpar_status {
    // SAFETY: this function's contract.
    call("oxpar_ssbmv", || unsafe {
        sbmv(ctx, uplo, n, k, alpha, a, lda, x, incx, beta, y, incy)
    })
}

/// `y := alpha*A*x + beta*y` with `A` a symmetric band matrix with `k` off-diagonals, held in
/// its `uplo` triangle, on doubles.
///
/// The other triangle of `A` is not read. `beta == 0` does not read `y` (NaN there does not
/// come out).
///
/// `uplo` (`OXPAR_UPLO_UPPER` or `OXPAR_UPLO_LOWER`): which triangle of `a` (as stored) is
/// used.
///
/// Shapes: `a` is the `uplo` triangle of the `n x n` band matrix with `k` off-diagonals in
/// LAPACK band storage: element `(i, j)` of the triangle at `a[k + i - j + j*lda]` (upper) or
/// `a[i - j + j*lda]` (lower), `lda >= k + 1` (CBLAS row-major band data of one triangle is
/// the other triangle's band storage of the transpose: flip `uplo`, and `trans` where there
/// is one); `x` is `n` elements; `y` is `n` elements. A vector is given by a pointer to its
/// logical first element and its increment.
///
/// Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, alpha, beta; `a`, `x` or `y` when not empty),
/// `OXPAR_STATUS_INVALID_ARGUMENT` (uplo neither `OXPAR_UPLO_UPPER` nor `OXPAR_UPLO_LOWER`; k
/// with `k + 1` overflowing; an array not aligned for its type),
/// `OXPAR_STATUS_INVALID_STRIDE` (strides that give two elements of `y` the same address,
/// `lda` below the band's `k + 1` rows, or an array beyond the address space). `a` and `x`
/// may share memory with `y`: the result is as if they were read first; `x` may have any
/// strides, 0 included. On an MPI context `OXPAR_STATUS_UNSUPPORTED` on every rank (the call
/// is not collective).
///
/// # Safety
/// `ctx` is NULL or a live context; every non-NULL pointer addresses the elements its sizes
/// and strides describe (readable, and writable for outputs) for the duration of the call.
#[no_mangle]
pub unsafe extern "C" fn oxpar_dsbmv(
    ctx: *const oxpar_context,
    uplo: i32,
    n: usize,
    k: usize,
    alpha: *const f64,
    a: *const f64,
    lda: isize,
    x: *const f64,
    incx: isize,
    beta: *const f64,
    y: *mut f64,
    incy: isize,
) -> oxpar_status {
    // SAFETY: this function's contract.
    call("oxpar_dsbmv", || unsafe {
        sbmv(ctx, uplo, n, k, alpha, a, lda, x, incx, beta, y, incy)
    })
}

/// # Safety
/// The pointer contracts of the exported functions that call it.
#[allow(clippy::too_many_arguments, reason = "the BLAS signature")]
unsafe fn spmv<T: Element>(
    ctx: *const oxpar_context,
    uplo: i32,
    n: usize,
    alpha: *const T,
    ap: *const T,
    x: *const T,
    incx: isize,
    beta: *const T,
    y: *mut T,
    incy: isize,
) -> Result<(), CapiError>
where
    dyn HostBackend: Level2<T>,
{
    // SAFETY: forwarded pointer contracts.
    let ctx = unsafe { ffi::context(ctx)? };
    let uplo = uplo_from(uplo, "uplo")?;
    // SAFETY: forwarded pointer contracts.
    let alpha = unsafe { ffi::scalar(alpha, "alpha")? };
    // SAFETY: forwarded pointer contracts.
    let apv = unsafe { ffi::packed_ref(ap, n, uplo, "ap")? };
    let len = n;
    // SAFETY: forwarded pointer contracts.
    let xv = unsafe { ffi::vec_ref(x, len, incx, ["x", "incx"])? };
    // SAFETY: forwarded pointer contracts.
    let beta = unsafe { ffi::scalar(beta, "beta")? };
    let len = n;
    // SAFETY: forwarded pointer contracts.
    let yv = unsafe { ffi::vec_mut(y, len, incy, ["y", "incy"])? };
    // Inputs that share memory with y are read from copies.
    let outputs = [Operand::vector(yv.as_ref())];
    let ap_copy = detach_slice(apv.data(), &outputs);
    let x_copy = detach_vec(xv, &outputs);
    Ok(Level2::<T>::spmv(
        ctx.host(),
        alpha,
        apv.view(&ap_copy),
        read_vec(xv, &x_copy),
        beta,
        yv,
    )?)
}

/// `y := alpha*A*x + beta*y` with `A` symmetric, held in its `uplo` triangle in packed
/// storage, on floats.
///
/// `beta == 0` does not read `y` (NaN there does not come out).
///
/// `uplo` (`OXPAR_UPLO_UPPER` or `OXPAR_UPLO_LOWER`): which triangle of `ap` (as stored) is
/// used.
///
/// Shapes: `ap` is the `uplo` triangle of an `n x n` matrix packed column by column in
/// `n*(n+1)/2` contiguous elements: element `(i, j)` at `ap[i + j*(j+1)/2]` (upper, `i <= j`)
/// or `ap[i + j*(2*n-j-1)/2]` (lower, `i >= j`) (row-packed data of one triangle is the other
/// triangle of the transpose packed by columns: flip `uplo`, and `trans` where there is one);
/// `x` is `n` elements; `y` is `n` elements. A vector is given by a pointer to its logical
/// first element and its increment.
///
/// Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, alpha, beta; `ap`, `x` or `y` when not empty),
/// `OXPAR_STATUS_INVALID_ARGUMENT` (uplo neither `OXPAR_UPLO_UPPER` nor `OXPAR_UPLO_LOWER`;
/// an array not aligned for its type), `OXPAR_STATUS_INVALID_STRIDE` (strides that give two
/// elements of `y` the same address, or an array beyond the address space). `ap` and `x` may
/// share memory with `y`: the result is as if they were read first; `x` may have any strides,
/// 0 included. On an MPI context `OXPAR_STATUS_UNSUPPORTED` on every rank (the call is not
/// collective).
///
/// # Safety
/// `ctx` is NULL or a live context; every non-NULL pointer addresses the elements its sizes
/// and strides describe (readable, and writable for outputs) for the duration of the call.
#[no_mangle]
pub unsafe extern "C" fn oxpar_sspmv(
    ctx: *const oxpar_context,
    uplo: i32,
    n: usize,
    alpha: *const f32,
    ap: *const f32,
    x: *const f32,
    incx: isize,
    beta: *const f32,
    y: *mut f32,
    incy: isize,
) -> oxpar_status {
    // SAFETY: this function's contract.
    call("oxpar_sspmv", || unsafe {
        spmv(ctx, uplo, n, alpha, ap, x, incx, beta, y, incy)
    })
}

/// `y := alpha*A*x + beta*y` with `A` symmetric, held in its `uplo` triangle in packed
/// storage, on doubles.
///
/// `beta == 0` does not read `y` (NaN there does not come out).
///
/// `uplo` (`OXPAR_UPLO_UPPER` or `OXPAR_UPLO_LOWER`): which triangle of `ap` (as stored) is
/// used.
///
/// Shapes: `ap` is the `uplo` triangle of an `n x n` matrix packed column by column in
/// `n*(n+1)/2` contiguous elements: element `(i, j)` at `ap[i + j*(j+1)/2]` (upper, `i <= j`)
/// or `ap[i + j*(2*n-j-1)/2]` (lower, `i >= j`) (row-packed data of one triangle is the other
/// triangle of the transpose packed by columns: flip `uplo`, and `trans` where there is one);
/// `x` is `n` elements; `y` is `n` elements. A vector is given by a pointer to its logical
/// first element and its increment.
///
/// Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, alpha, beta; `ap`, `x` or `y` when not empty),
/// `OXPAR_STATUS_INVALID_ARGUMENT` (uplo neither `OXPAR_UPLO_UPPER` nor `OXPAR_UPLO_LOWER`;
/// an array not aligned for its type), `OXPAR_STATUS_INVALID_STRIDE` (strides that give two
/// elements of `y` the same address, or an array beyond the address space). `ap` and `x` may
/// share memory with `y`: the result is as if they were read first; `x` may have any strides,
/// 0 included. On an MPI context `OXPAR_STATUS_UNSUPPORTED` on every rank (the call is not
/// collective).
///
/// # Safety
/// `ctx` is NULL or a live context; every non-NULL pointer addresses the elements its sizes
/// and strides describe (readable, and writable for outputs) for the duration of the call.
#[no_mangle]
pub unsafe extern "C" fn oxpar_dspmv(
    ctx: *const oxpar_context,
    uplo: i32,
    n: usize,
    alpha: *const f64,
    ap: *const f64,
    x: *const f64,
    incx: isize,
    beta: *const f64,
    y: *mut f64,
    incy: isize,
) -> oxpar_status {
    // SAFETY: this function's contract.
    call("oxpar_dspmv", || unsafe {
        spmv(ctx, uplo, n, alpha, ap, x, incx, beta, y, incy)
    })
}

/// # Safety
/// The pointer contracts of the exported functions that call it.
#[allow(clippy::too_many_arguments, reason = "the BLAS signature")]
unsafe fn tbmv<T: Element>(
    ctx: *const oxpar_context,
    uplo: i32,
    trans: i32,
    diag: i32,
    n: usize,
    k: usize,
    a: *const T,
    lda: isize,
    x: *mut T,
    incx: isize,
) -> Result<(), CapiError>
where
    dyn HostBackend: Level2<T>,
{
    // SAFETY: forwarded pointer contracts.
    let ctx = unsafe { ffi::context(ctx)? };
    let uplo = uplo_from(uplo, "uplo")?;
    let trans = trans_from(trans, "trans")?;
    let diag = diag_from(diag, "diag")?;
    // Band and packed views carry no conjugation: op(A) = A^H is
    // conj(A^T conj(..)), the scalars, the vector read and the one written
    // conjugated around the call with A^T.
    let conj = trans == oxpar::Trans::ConjYes && T::DTYPE.is_complex();
    let (rows, cols) = (n, n);
    let (kl, ku) = (
        if uplo == oxpar::Uplo::Upper { 0 } else { k },
        if uplo == oxpar::Uplo::Upper { k } else { 0 },
    );
    // SAFETY: forwarded pointer contracts.
    let av = unsafe { ffi::band_ref(a, (rows, cols), (kl, ku), lda, ["a", "lda", "k"])? };
    let len = n;
    // SAFETY: forwarded pointer contracts.
    let mut xv = unsafe { ffi::vec_mut(x, len, incx, ["x", "incx"])? };
    // The (conjugate) transpose of the view holds the other triangle.
    let uplo = if trans.is_transposed() {
        uplo.flip()
    } else {
        uplo
    };
    // Inputs that share memory with x are read from copies.
    let outputs = [Operand::vector(xv.as_ref())];
    let a_copy = detach_slice(av.data(), &outputs);
    if conj {
        conj_in_place(xv.rb_mut());
    }
    let result = Level2::<T>::tbmv(
        ctx.host(),
        uplo,
        diag,
        if trans.is_transposed() {
            av.view(&a_copy).t()
        } else {
            av.view(&a_copy)
        },
        xv.rb_mut(),
    );
    if conj {
        conj_in_place(xv.rb_mut());
    }
    Ok(result?)
}

/// `x := op(A)*x` with `A` a triangular band matrix with `k` off-diagonals, held in its
/// `uplo` triangle, on floats.
///
/// The other triangle of `A` is not read, nor its diagonal when `diag` is unit.
///
/// `uplo` (`OXPAR_UPLO_UPPER` or `OXPAR_UPLO_LOWER`): which triangle of `a` (as stored) is
/// used; `trans` (`OXPAR_TRANS_NO`, `OXPAR_TRANS_YES` or `OXPAR_TRANS_CONJ`): whether op(a)
/// is `a`, its transpose or its conjugate transpose (`OXPAR_TRANS_CONJ`, the transpose for
/// real elements, as BLAS's `'C'`); `diag` (`OXPAR_DIAG_NON_UNIT` or `OXPAR_DIAG_UNIT`):
/// whether the diagonal of `a` is read or taken as all ones.
///
/// Shapes: `a` is the `uplo` triangle of the `n x n` band matrix with `k` off-diagonals in
/// LAPACK band storage: element `(i, j)` of the triangle at `a[k + i - j + j*lda]` (upper) or
/// `a[i - j + j*lda]` (lower), `lda >= k + 1` (CBLAS row-major band data of one triangle is
/// the other triangle's band storage of the transpose: flip `uplo`, and `trans` where there
/// is one); `x` is `n` elements. A vector is given by a pointer to its logical first element
/// and its increment.
///
/// Errors: `OXPAR_STATUS_NULL_POINTER` (ctx; `a` or `x` when not empty),
/// `OXPAR_STATUS_INVALID_ARGUMENT` (uplo neither `OXPAR_UPLO_UPPER` nor `OXPAR_UPLO_LOWER`;
/// trans none of `OXPAR_TRANS_NO`, `OXPAR_TRANS_YES`, `OXPAR_TRANS_CONJ`; diag neither
/// `OXPAR_DIAG_NON_UNIT` nor `OXPAR_DIAG_UNIT`; k with `k + 1` overflowing; an array not
/// aligned for its type), `OXPAR_STATUS_INVALID_STRIDE` (strides that give two elements of
/// `x` the same address, `lda` below the band's `k + 1` rows, or an array beyond the address
/// space). `a` may share memory with `x`: the result is as if it were read first. On an MPI
/// context `OXPAR_STATUS_UNSUPPORTED` on every rank (the call is not collective).
///
/// # Safety
/// `ctx` is NULL or a live context; every non-NULL pointer addresses the elements its sizes
/// and strides describe (readable, and writable for outputs) for the duration of the call.
#[no_mangle]
pub unsafe extern "C" fn oxpar_stbmv(
    ctx: *const oxpar_context,
    uplo: i32,
    trans: i32,
    diag: i32,
    n: usize,
    k: usize,
    a: *const f32,
    lda: isize,
    x: *mut f32,
    incx: isize,
) -> oxpar_status {
    // SAFETY: this function's contract.
    call("oxpar_stbmv", || unsafe {
        tbmv(ctx, uplo, trans, diag, n, k, a, lda, x, incx)
    })
}

/// `x := op(A)*x` with `A` a triangular band matrix with `k` off-diagonals, held in its
/// `uplo` triangle, on doubles.
///
/// The other triangle of `A` is not read, nor its diagonal when `diag` is unit.
///
/// `uplo` (`OXPAR_UPLO_UPPER` or `OXPAR_UPLO_LOWER`): which triangle of `a` (as stored) is
/// used; `trans` (`OXPAR_TRANS_NO`, `OXPAR_TRANS_YES` or `OXPAR_TRANS_CONJ`): whether op(a)
/// is `a`, its transpose or its conjugate transpose (`OXPAR_TRANS_CONJ`, the transpose for
/// real elements, as BLAS's `'C'`); `diag` (`OXPAR_DIAG_NON_UNIT` or `OXPAR_DIAG_UNIT`):
/// whether the diagonal of `a` is read or taken as all ones.
///
/// Shapes: `a` is the `uplo` triangle of the `n x n` band matrix with `k` off-diagonals in
/// LAPACK band storage: element `(i, j)` of the triangle at `a[k + i - j + j*lda]` (upper) or
/// `a[i - j + j*lda]` (lower), `lda >= k + 1` (CBLAS row-major band data of one triangle is
/// the other triangle's band storage of the transpose: flip `uplo`, and `trans` where there
/// is one); `x` is `n` elements. A vector is given by a pointer to its logical first element
/// and its increment.
///
/// Errors: `OXPAR_STATUS_NULL_POINTER` (ctx; `a` or `x` when not empty),
/// `OXPAR_STATUS_INVALID_ARGUMENT` (uplo neither `OXPAR_UPLO_UPPER` nor `OXPAR_UPLO_LOWER`;
/// trans none of `OXPAR_TRANS_NO`, `OXPAR_TRANS_YES`, `OXPAR_TRANS_CONJ`; diag neither
/// `OXPAR_DIAG_NON_UNIT` nor `OXPAR_DIAG_UNIT`; k with `k + 1` overflowing; an array not
/// aligned for its type), `OXPAR_STATUS_INVALID_STRIDE` (strides that give two elements of
/// `x` the same address, `lda` below the band's `k + 1` rows, or an array beyond the address
/// space). `a` may share memory with `x`: the result is as if it were read first. On an MPI
/// context `OXPAR_STATUS_UNSUPPORTED` on every rank (the call is not collective).
///
/// # Safety
/// `ctx` is NULL or a live context; every non-NULL pointer addresses the elements its sizes
/// and strides describe (readable, and writable for outputs) for the duration of the call.
#[no_mangle]
pub unsafe extern "C" fn oxpar_dtbmv(
    ctx: *const oxpar_context,
    uplo: i32,
    trans: i32,
    diag: i32,
    n: usize,
    k: usize,
    a: *const f64,
    lda: isize,
    x: *mut f64,
    incx: isize,
) -> oxpar_status {
    // SAFETY: this function's contract.
    call("oxpar_dtbmv", || unsafe {
        tbmv(ctx, uplo, trans, diag, n, k, a, lda, x, incx)
    })
}

/// `x := op(A)*x` with `A` a triangular band matrix with `k` off-diagonals, held in its
/// `uplo` triangle, on single-precision complex numbers.
///
/// The other triangle of `A` is not read, nor its diagonal when `diag` is unit.
///
/// `uplo` (`OXPAR_UPLO_UPPER` or `OXPAR_UPLO_LOWER`): which triangle of `a` (as stored) is
/// used; `trans` (`OXPAR_TRANS_NO`, `OXPAR_TRANS_YES` or `OXPAR_TRANS_CONJ`): whether op(a)
/// is `a`, its transpose or its conjugate transpose (`OXPAR_TRANS_CONJ`, the transpose for
/// real elements, as BLAS's `'C'`); `diag` (`OXPAR_DIAG_NON_UNIT` or `OXPAR_DIAG_UNIT`):
/// whether the diagonal of `a` is read or taken as all ones.
///
/// Shapes: `a` is the `uplo` triangle of the `n x n` band matrix with `k` off-diagonals in
/// LAPACK band storage: element `(i, j)` of the triangle at `a[k + i - j + j*lda]` (upper) or
/// `a[i - j + j*lda]` (lower), `lda >= k + 1` (CBLAS row-major band data of one triangle is
/// the other triangle's band storage of the transpose: flip `uplo`, and `trans` where there
/// is one); `x` is `n` elements. A vector is given by a pointer to its logical first element
/// and its increment.
///
/// Errors: `OXPAR_STATUS_NULL_POINTER` (ctx; `a` or `x` when not empty),
/// `OXPAR_STATUS_INVALID_ARGUMENT` (uplo neither `OXPAR_UPLO_UPPER` nor `OXPAR_UPLO_LOWER`;
/// trans none of `OXPAR_TRANS_NO`, `OXPAR_TRANS_YES`, `OXPAR_TRANS_CONJ`; diag neither
/// `OXPAR_DIAG_NON_UNIT` nor `OXPAR_DIAG_UNIT`; k with `k + 1` overflowing; an array not
/// aligned for its type), `OXPAR_STATUS_INVALID_STRIDE` (strides that give two elements of
/// `x` the same address, `lda` below the band's `k + 1` rows, or an array beyond the address
/// space). `a` may share memory with `x`: the result is as if it were read first. On an MPI
/// context `OXPAR_STATUS_UNSUPPORTED` on every rank (the call is not collective).
///
/// # Safety
/// `ctx` is NULL or a live context; every non-NULL pointer addresses the elements its sizes
/// and strides describe (readable, and writable for outputs) for the duration of the call.
#[no_mangle]
pub unsafe extern "C" fn oxpar_ctbmv(
    ctx: *const oxpar_context,
    uplo: i32,
    trans: i32,
    diag: i32,
    n: usize,
    k: usize,
    a: *const oxpar_c32,
    lda: isize,
    x: *mut oxpar_c32,
    incx: isize,
) -> oxpar_status {
    // SAFETY: this function's contract.
    call("oxpar_ctbmv", || unsafe {
        tbmv(ctx, uplo, trans, diag, n, k, a, lda, x, incx)
    })
}

/// `x := op(A)*x` with `A` a triangular band matrix with `k` off-diagonals, held in its
/// `uplo` triangle, on double-precision complex numbers.
///
/// The other triangle of `A` is not read, nor its diagonal when `diag` is unit.
///
/// `uplo` (`OXPAR_UPLO_UPPER` or `OXPAR_UPLO_LOWER`): which triangle of `a` (as stored) is
/// used; `trans` (`OXPAR_TRANS_NO`, `OXPAR_TRANS_YES` or `OXPAR_TRANS_CONJ`): whether op(a)
/// is `a`, its transpose or its conjugate transpose (`OXPAR_TRANS_CONJ`, the transpose for
/// real elements, as BLAS's `'C'`); `diag` (`OXPAR_DIAG_NON_UNIT` or `OXPAR_DIAG_UNIT`):
/// whether the diagonal of `a` is read or taken as all ones.
///
/// Shapes: `a` is the `uplo` triangle of the `n x n` band matrix with `k` off-diagonals in
/// LAPACK band storage: element `(i, j)` of the triangle at `a[k + i - j + j*lda]` (upper) or
/// `a[i - j + j*lda]` (lower), `lda >= k + 1` (CBLAS row-major band data of one triangle is
/// the other triangle's band storage of the transpose: flip `uplo`, and `trans` where there
/// is one); `x` is `n` elements. A vector is given by a pointer to its logical first element
/// and its increment.
///
/// Errors: `OXPAR_STATUS_NULL_POINTER` (ctx; `a` or `x` when not empty),
/// `OXPAR_STATUS_INVALID_ARGUMENT` (uplo neither `OXPAR_UPLO_UPPER` nor `OXPAR_UPLO_LOWER`;
/// trans none of `OXPAR_TRANS_NO`, `OXPAR_TRANS_YES`, `OXPAR_TRANS_CONJ`; diag neither
/// `OXPAR_DIAG_NON_UNIT` nor `OXPAR_DIAG_UNIT`; k with `k + 1` overflowing; an array not
/// aligned for its type), `OXPAR_STATUS_INVALID_STRIDE` (strides that give two elements of
/// `x` the same address, `lda` below the band's `k + 1` rows, or an array beyond the address
/// space). `a` may share memory with `x`: the result is as if it were read first. On an MPI
/// context `OXPAR_STATUS_UNSUPPORTED` on every rank (the call is not collective).
///
/// # Safety
/// `ctx` is NULL or a live context; every non-NULL pointer addresses the elements its sizes
/// and strides describe (readable, and writable for outputs) for the duration of the call.
#[no_mangle]
pub unsafe extern "C" fn oxpar_ztbmv(
    ctx: *const oxpar_context,
    uplo: i32,
    trans: i32,
    diag: i32,
    n: usize,
    k: usize,
    a: *const oxpar_c64,
    lda: isize,
    x: *mut oxpar_c64,
    incx: isize,
) -> oxpar_status {
    // SAFETY: this function's contract.
    call("oxpar_ztbmv", || unsafe {
        tbmv(ctx, uplo, trans, diag, n, k, a, lda, x, incx)
    })
}

/// # Safety
/// The pointer contracts of the exported functions that call it.
#[allow(clippy::too_many_arguments, reason = "the BLAS signature")]
unsafe fn tbsv<T: Element>(
    ctx: *const oxpar_context,
    uplo: i32,
    trans: i32,
    diag: i32,
    n: usize,
    k: usize,
    a: *const T,
    lda: isize,
    x: *mut T,
    incx: isize,
) -> Result<(), CapiError>
where
    dyn HostBackend: Level2<T>,
{
    // SAFETY: forwarded pointer contracts.
    let ctx = unsafe { ffi::context(ctx)? };
    let uplo = uplo_from(uplo, "uplo")?;
    let trans = trans_from(trans, "trans")?;
    let diag = diag_from(diag, "diag")?;
    // Band and packed views carry no conjugation: op(A) = A^H is
    // conj(A^T conj(..)), the scalars, the vector read and the one written
    // conjugated around the call with A^T.
    let conj = trans == oxpar::Trans::ConjYes && T::DTYPE.is_complex();
    let (rows, cols) = (n, n);
    let (kl, ku) = (
        if uplo == oxpar::Uplo::Upper { 0 } else { k },
        if uplo == oxpar::Uplo::Upper { k } else { 0 },
    );
    // SAFETY: forwarded pointer contracts.
    let av = unsafe { ffi::band_ref(a, (rows, cols), (kl, ku), lda, ["a", "lda", "k"])? };
    let len = n;
    // SAFETY: forwarded pointer contracts.
    let mut xv = unsafe { ffi::vec_mut(x, len, incx, ["x", "incx"])? };
    // The (conjugate) transpose of the view holds the other triangle.
    let uplo = if trans.is_transposed() {
        uplo.flip()
    } else {
        uplo
    };
    // Inputs that share memory with x are read from copies.
    let outputs = [Operand::vector(xv.as_ref())];
    let a_copy = detach_slice(av.data(), &outputs);
    if conj {
        conj_in_place(xv.rb_mut());
    }
    let result = Level2::<T>::tbsv(
        ctx.host(),
        uplo,
        diag,
        if trans.is_transposed() {
            av.view(&a_copy).t()
        } else {
            av.view(&a_copy)
        },
        xv.rb_mut(),
    );
    if conj {
        conj_in_place(xv.rb_mut());
    }
    Ok(result?)
}

/// `x := op(A)^-1*x` (solves `op(A)*z = x`) with `A` a triangular band matrix with `k`
/// off-diagonals, held in its `uplo` triangle, on floats.
///
/// The other triangle of `A` is not read, nor its diagonal when `diag` is unit. No test for
/// singularity: a zero on the diagonal gives infinities or NaN, as in BLAS.
///
/// `uplo` (`OXPAR_UPLO_UPPER` or `OXPAR_UPLO_LOWER`): which triangle of `a` (as stored) is
/// used; `trans` (`OXPAR_TRANS_NO`, `OXPAR_TRANS_YES` or `OXPAR_TRANS_CONJ`): whether op(a)
/// is `a`, its transpose or its conjugate transpose (`OXPAR_TRANS_CONJ`, the transpose for
/// real elements, as BLAS's `'C'`); `diag` (`OXPAR_DIAG_NON_UNIT` or `OXPAR_DIAG_UNIT`):
/// whether the diagonal of `a` is read or taken as all ones.
///
/// Shapes: `a` is the `uplo` triangle of the `n x n` band matrix with `k` off-diagonals in
/// LAPACK band storage: element `(i, j)` of the triangle at `a[k + i - j + j*lda]` (upper) or
/// `a[i - j + j*lda]` (lower), `lda >= k + 1` (CBLAS row-major band data of one triangle is
/// the other triangle's band storage of the transpose: flip `uplo`, and `trans` where there
/// is one); `x` is `n` elements. A vector is given by a pointer to its logical first element
/// and its increment.
///
/// Errors: `OXPAR_STATUS_NULL_POINTER` (ctx; `a` or `x` when not empty),
/// `OXPAR_STATUS_INVALID_ARGUMENT` (uplo neither `OXPAR_UPLO_UPPER` nor `OXPAR_UPLO_LOWER`;
/// trans none of `OXPAR_TRANS_NO`, `OXPAR_TRANS_YES`, `OXPAR_TRANS_CONJ`; diag neither
/// `OXPAR_DIAG_NON_UNIT` nor `OXPAR_DIAG_UNIT`; k with `k + 1` overflowing; an array not
/// aligned for its type), `OXPAR_STATUS_INVALID_STRIDE` (strides that give two elements of
/// `x` the same address, `lda` below the band's `k + 1` rows, or an array beyond the address
/// space). `a` may share memory with `x`: the result is as if it were read first. On an MPI
/// context `OXPAR_STATUS_UNSUPPORTED` on every rank (the call is not collective).
///
/// # Safety
/// `ctx` is NULL or a live context; every non-NULL pointer addresses the elements its sizes
/// and strides describe (readable, and writable for outputs) for the duration of the call.
#[no_mangle]
pub unsafe extern "C" fn oxpar_stbsv(
    ctx: *const oxpar_context,
    uplo: i32,
    trans: i32,
    diag: i32,
    n: usize,
    k: usize,
    a: *const f32,
    lda: isize,
    x: *mut f32,
    incx: isize,
) -> oxpar_status {
    // SAFETY: this function's contract.
    call("oxpar_stbsv", || unsafe {
        tbsv(ctx, uplo, trans, diag, n, k, a, lda, x, incx)
    })
}

/// `x := op(A)^-1*x` (solves `op(A)*z = x`) with `A` a triangular band matrix with `k`
/// off-diagonals, held in its `uplo` triangle, on doubles.
///
/// The other triangle of `A` is not read, nor its diagonal when `diag` is unit. No test for
/// singularity: a zero on the diagonal gives infinities or NaN, as in BLAS.
///
/// `uplo` (`OXPAR_UPLO_UPPER` or `OXPAR_UPLO_LOWER`): which triangle of `a` (as stored) is
/// used; `trans` (`OXPAR_TRANS_NO`, `OXPAR_TRANS_YES` or `OXPAR_TRANS_CONJ`): whether op(a)
/// is `a`, its transpose or its conjugate transpose (`OXPAR_TRANS_CONJ`, the transpose for
/// real elements, as BLAS's `'C'`); `diag` (`OXPAR_DIAG_NON_UNIT` or `OXPAR_DIAG_UNIT`):
/// whether the diagonal of `a` is read or taken as all ones.
///
/// Shapes: `a` is the `uplo` triangle of the `n x n` band matrix with `k` off-diagonals in
/// LAPACK band storage: element `(i, j)` of the triangle at `a[k + i - j + j*lda]` (upper) or
/// `a[i - j + j*lda]` (lower), `lda >= k + 1` (CBLAS row-major band data of one triangle is
/// the other triangle's band storage of the transpose: flip `uplo`, and `trans` where there
/// is one); `x` is `n` elements. A vector is given by a pointer to its logical first element
/// and its increment.
///
/// Errors: `OXPAR_STATUS_NULL_POINTER` (ctx; `a` or `x` when not empty),
/// `OXPAR_STATUS_INVALID_ARGUMENT` (uplo neither `OXPAR_UPLO_UPPER` nor `OXPAR_UPLO_LOWER`;
/// trans none of `OXPAR_TRANS_NO`, `OXPAR_TRANS_YES`, `OXPAR_TRANS_CONJ`; diag neither
/// `OXPAR_DIAG_NON_UNIT` nor `OXPAR_DIAG_UNIT`; k with `k + 1` overflowing; an array not
/// aligned for its type), `OXPAR_STATUS_INVALID_STRIDE` (strides that give two elements of
/// `x` the same address, `lda` below the band's `k + 1` rows, or an array beyond the address
/// space). `a` may share memory with `x`: the result is as if it were read first. On an MPI
/// context `OXPAR_STATUS_UNSUPPORTED` on every rank (the call is not collective).
///
/// # Safety
/// `ctx` is NULL or a live context; every non-NULL pointer addresses the elements its sizes
/// and strides describe (readable, and writable for outputs) for the duration of the call.
#[no_mangle]
pub unsafe extern "C" fn oxpar_dtbsv(
    ctx: *const oxpar_context,
    uplo: i32,
    trans: i32,
    diag: i32,
    n: usize,
    k: usize,
    a: *const f64,
    lda: isize,
    x: *mut f64,
    incx: isize,
) -> oxpar_status {
    // SAFETY: this function's contract.
    call("oxpar_dtbsv", || unsafe {
        tbsv(ctx, uplo, trans, diag, n, k, a, lda, x, incx)
    })
}

/// `x := op(A)^-1*x` (solves `op(A)*z = x`) with `A` a triangular band matrix with `k`
/// off-diagonals, held in its `uplo` triangle, on single-precision complex numbers.
///
/// The other triangle of `A` is not read, nor its diagonal when `diag` is unit. No test for
/// singularity: a zero on the diagonal gives infinities or NaN, as in BLAS.
///
/// `uplo` (`OXPAR_UPLO_UPPER` or `OXPAR_UPLO_LOWER`): which triangle of `a` (as stored) is
/// used; `trans` (`OXPAR_TRANS_NO`, `OXPAR_TRANS_YES` or `OXPAR_TRANS_CONJ`): whether op(a)
/// is `a`, its transpose or its conjugate transpose (`OXPAR_TRANS_CONJ`, the transpose for
/// real elements, as BLAS's `'C'`); `diag` (`OXPAR_DIAG_NON_UNIT` or `OXPAR_DIAG_UNIT`):
/// whether the diagonal of `a` is read or taken as all ones.
///
/// Shapes: `a` is the `uplo` triangle of the `n x n` band matrix with `k` off-diagonals in
/// LAPACK band storage: element `(i, j)` of the triangle at `a[k + i - j + j*lda]` (upper) or
/// `a[i - j + j*lda]` (lower), `lda >= k + 1` (CBLAS row-major band data of one triangle is
/// the other triangle's band storage of the transpose: flip `uplo`, and `trans` where there
/// is one); `x` is `n` elements. A vector is given by a pointer to its logical first element
/// and its increment.
///
/// Errors: `OXPAR_STATUS_NULL_POINTER` (ctx; `a` or `x` when not empty),
/// `OXPAR_STATUS_INVALID_ARGUMENT` (uplo neither `OXPAR_UPLO_UPPER` nor `OXPAR_UPLO_LOWER`;
/// trans none of `OXPAR_TRANS_NO`, `OXPAR_TRANS_YES`, `OXPAR_TRANS_CONJ`; diag neither
/// `OXPAR_DIAG_NON_UNIT` nor `OXPAR_DIAG_UNIT`; k with `k + 1` overflowing; an array not
/// aligned for its type), `OXPAR_STATUS_INVALID_STRIDE` (strides that give two elements of
/// `x` the same address, `lda` below the band's `k + 1` rows, or an array beyond the address
/// space). `a` may share memory with `x`: the result is as if it were read first. On an MPI
/// context `OXPAR_STATUS_UNSUPPORTED` on every rank (the call is not collective).
///
/// # Safety
/// `ctx` is NULL or a live context; every non-NULL pointer addresses the elements its sizes
/// and strides describe (readable, and writable for outputs) for the duration of the call.
#[no_mangle]
pub unsafe extern "C" fn oxpar_ctbsv(
    ctx: *const oxpar_context,
    uplo: i32,
    trans: i32,
    diag: i32,
    n: usize,
    k: usize,
    a: *const oxpar_c32,
    lda: isize,
    x: *mut oxpar_c32,
    incx: isize,
) -> oxpar_status {
    // SAFETY: this function's contract.
    call("oxpar_ctbsv", || unsafe {
        tbsv(ctx, uplo, trans, diag, n, k, a, lda, x, incx)
    })
}

/// `x := op(A)^-1*x` (solves `op(A)*z = x`) with `A` a triangular band matrix with `k`
/// off-diagonals, held in its `uplo` triangle, on double-precision complex numbers.
///
/// The other triangle of `A` is not read, nor its diagonal when `diag` is unit. No test for
/// singularity: a zero on the diagonal gives infinities or NaN, as in BLAS.
///
/// `uplo` (`OXPAR_UPLO_UPPER` or `OXPAR_UPLO_LOWER`): which triangle of `a` (as stored) is
/// used; `trans` (`OXPAR_TRANS_NO`, `OXPAR_TRANS_YES` or `OXPAR_TRANS_CONJ`): whether op(a)
/// is `a`, its transpose or its conjugate transpose (`OXPAR_TRANS_CONJ`, the transpose for
/// real elements, as BLAS's `'C'`); `diag` (`OXPAR_DIAG_NON_UNIT` or `OXPAR_DIAG_UNIT`):
/// whether the diagonal of `a` is read or taken as all ones.
///
/// Shapes: `a` is the `uplo` triangle of the `n x n` band matrix with `k` off-diagonals in
/// LAPACK band storage: element `(i, j)` of the triangle at `a[k + i - j + j*lda]` (upper) or
/// `a[i - j + j*lda]` (lower), `lda >= k + 1` (CBLAS row-major band data of one triangle is
/// the other triangle's band storage of the transpose: flip `uplo`, and `trans` where there
/// is one); `x` is `n` elements. A vector is given by a pointer to its logical first element
/// and its increment.
///
/// Errors: `OXPAR_STATUS_NULL_POINTER` (ctx; `a` or `x` when not empty),
/// `OXPAR_STATUS_INVALID_ARGUMENT` (uplo neither `OXPAR_UPLO_UPPER` nor `OXPAR_UPLO_LOWER`;
/// trans none of `OXPAR_TRANS_NO`, `OXPAR_TRANS_YES`, `OXPAR_TRANS_CONJ`; diag neither
/// `OXPAR_DIAG_NON_UNIT` nor `OXPAR_DIAG_UNIT`; k with `k + 1` overflowing; an array not
/// aligned for its type), `OXPAR_STATUS_INVALID_STRIDE` (strides that give two elements of
/// `x` the same address, `lda` below the band's `k + 1` rows, or an array beyond the address
/// space). `a` may share memory with `x`: the result is as if it were read first. On an MPI
/// context `OXPAR_STATUS_UNSUPPORTED` on every rank (the call is not collective).
///
/// # Safety
/// `ctx` is NULL or a live context; every non-NULL pointer addresses the elements its sizes
/// and strides describe (readable, and writable for outputs) for the duration of the call.
#[no_mangle]
pub unsafe extern "C" fn oxpar_ztbsv(
    ctx: *const oxpar_context,
    uplo: i32,
    trans: i32,
    diag: i32,
    n: usize,
    k: usize,
    a: *const oxpar_c64,
    lda: isize,
    x: *mut oxpar_c64,
    incx: isize,
) -> oxpar_status {
    // SAFETY: this function's contract.
    call("oxpar_ztbsv", || unsafe {
        tbsv(ctx, uplo, trans, diag, n, k, a, lda, x, incx)
    })
}

/// # Safety
/// The pointer contracts of the exported functions that call it.
#[allow(clippy::too_many_arguments, reason = "the BLAS signature")]
unsafe fn tpmv<T: Element>(
    ctx: *const oxpar_context,
    uplo: i32,
    trans: i32,
    diag: i32,
    n: usize,
    ap: *const T,
    x: *mut T,
    incx: isize,
) -> Result<(), CapiError>
where
    dyn HostBackend: Level2<T>,
{
    // SAFETY: forwarded pointer contracts.
    let ctx = unsafe { ffi::context(ctx)? };
    let uplo = uplo_from(uplo, "uplo")?;
    let trans = trans_from(trans, "trans")?;
    let diag = diag_from(diag, "diag")?;
    // Band and packed views carry no conjugation: op(A) = A^H is
    // conj(A^T conj(..)), the scalars, the vector read and the one written
    // conjugated around the call with A^T.
    let conj = trans == oxpar::Trans::ConjYes && T::DTYPE.is_complex();
    // SAFETY: forwarded pointer contracts.
    let apv = unsafe { ffi::packed_ref(ap, n, uplo, "ap")? };
    let len = n;
    // SAFETY: forwarded pointer contracts.
    let mut xv = unsafe { ffi::vec_mut(x, len, incx, ["x", "incx"])? };
    // Inputs that share memory with x are read from copies.
    let outputs = [Operand::vector(xv.as_ref())];
    let ap_copy = detach_slice(apv.data(), &outputs);
    if conj {
        conj_in_place(xv.rb_mut());
    }
    let result = Level2::<T>::tpmv(
        ctx.host(),
        diag,
        if trans.is_transposed() {
            apv.view(&ap_copy).t()
        } else {
            apv.view(&ap_copy)
        },
        xv.rb_mut(),
    );
    if conj {
        conj_in_place(xv.rb_mut());
    }
    Ok(result?)
}

/// `x := op(A)*x` with `A` triangular, held in its `uplo` triangle in packed storage, on
/// floats.
///
/// The diagonal of `A` is not read when `diag` is unit.
///
/// `uplo` (`OXPAR_UPLO_UPPER` or `OXPAR_UPLO_LOWER`): which triangle of `ap` (as stored) is
/// used; `trans` (`OXPAR_TRANS_NO`, `OXPAR_TRANS_YES` or `OXPAR_TRANS_CONJ`): whether op(ap)
/// is `ap`, its transpose or its conjugate transpose (`OXPAR_TRANS_CONJ`, the transpose for
/// real elements, as BLAS's `'C'`); `diag` (`OXPAR_DIAG_NON_UNIT` or `OXPAR_DIAG_UNIT`):
/// whether the diagonal of `a` is read or taken as all ones.
///
/// Shapes: `ap` is the `uplo` triangle of an `n x n` matrix packed column by column in
/// `n*(n+1)/2` contiguous elements: element `(i, j)` at `ap[i + j*(j+1)/2]` (upper, `i <= j`)
/// or `ap[i + j*(2*n-j-1)/2]` (lower, `i >= j`) (row-packed data of one triangle is the other
/// triangle of the transpose packed by columns: flip `uplo`, and `trans` where there is one);
/// `x` is `n` elements. A vector is given by a pointer to its logical first element and its
/// increment.
///
/// Errors: `OXPAR_STATUS_NULL_POINTER` (ctx; `ap` or `x` when not empty),
/// `OXPAR_STATUS_INVALID_ARGUMENT` (uplo neither `OXPAR_UPLO_UPPER` nor `OXPAR_UPLO_LOWER`;
/// trans none of `OXPAR_TRANS_NO`, `OXPAR_TRANS_YES`, `OXPAR_TRANS_CONJ`; diag neither
/// `OXPAR_DIAG_NON_UNIT` nor `OXPAR_DIAG_UNIT`; an array not aligned for its type),
/// `OXPAR_STATUS_INVALID_STRIDE` (strides that give two elements of `x` the same address, or
/// an array beyond the address space). `ap` may share memory with `x`: the result is as if it
/// were read first. On an MPI context `OXPAR_STATUS_UNSUPPORTED` on every rank (the call is
/// not collective).
///
/// # Safety
/// `ctx` is NULL or a live context; every non-NULL pointer addresses the elements its sizes
/// and strides describe (readable, and writable for outputs) for the duration of the call.
#[no_mangle]
pub unsafe extern "C" fn oxpar_stpmv(
    ctx: *const oxpar_context,
    uplo: i32,
    trans: i32,
    diag: i32,
    n: usize,
    ap: *const f32,
    x: *mut f32,
    incx: isize,
) -> oxpar_status {
    // SAFETY: this function's contract.
    call("oxpar_stpmv", || unsafe {
        tpmv(ctx, uplo, trans, diag, n, ap, x, incx)
    })
}

/// `x := op(A)*x` with `A` triangular, held in its `uplo` triangle in packed storage, on
/// doubles.
///
/// The diagonal of `A` is not read when `diag` is unit.
///
/// `uplo` (`OXPAR_UPLO_UPPER` or `OXPAR_UPLO_LOWER`): which triangle of `ap` (as stored) is
/// used; `trans` (`OXPAR_TRANS_NO`, `OXPAR_TRANS_YES` or `OXPAR_TRANS_CONJ`): whether op(ap)
/// is `ap`, its transpose or its conjugate transpose (`OXPAR_TRANS_CONJ`, the transpose for
/// real elements, as BLAS's `'C'`); `diag` (`OXPAR_DIAG_NON_UNIT` or `OXPAR_DIAG_UNIT`):
/// whether the diagonal of `a` is read or taken as all ones.
///
/// Shapes: `ap` is the `uplo` triangle of an `n x n` matrix packed column by column in
/// `n*(n+1)/2` contiguous elements: element `(i, j)` at `ap[i + j*(j+1)/2]` (upper, `i <= j`)
/// or `ap[i + j*(2*n-j-1)/2]` (lower, `i >= j`) (row-packed data of one triangle is the other
/// triangle of the transpose packed by columns: flip `uplo`, and `trans` where there is one);
/// `x` is `n` elements. A vector is given by a pointer to its logical first element and its
/// increment.
///
/// Errors: `OXPAR_STATUS_NULL_POINTER` (ctx; `ap` or `x` when not empty),
/// `OXPAR_STATUS_INVALID_ARGUMENT` (uplo neither `OXPAR_UPLO_UPPER` nor `OXPAR_UPLO_LOWER`;
/// trans none of `OXPAR_TRANS_NO`, `OXPAR_TRANS_YES`, `OXPAR_TRANS_CONJ`; diag neither
/// `OXPAR_DIAG_NON_UNIT` nor `OXPAR_DIAG_UNIT`; an array not aligned for its type),
/// `OXPAR_STATUS_INVALID_STRIDE` (strides that give two elements of `x` the same address, or
/// an array beyond the address space). `ap` may share memory with `x`: the result is as if it
/// were read first. On an MPI context `OXPAR_STATUS_UNSUPPORTED` on every rank (the call is
/// not collective).
///
/// # Safety
/// `ctx` is NULL or a live context; every non-NULL pointer addresses the elements its sizes
/// and strides describe (readable, and writable for outputs) for the duration of the call.
#[no_mangle]
pub unsafe extern "C" fn oxpar_dtpmv(
    ctx: *const oxpar_context,
    uplo: i32,
    trans: i32,
    diag: i32,
    n: usize,
    ap: *const f64,
    x: *mut f64,
    incx: isize,
) -> oxpar_status {
    // SAFETY: this function's contract.
    call("oxpar_dtpmv", || unsafe {
        tpmv(ctx, uplo, trans, diag, n, ap, x, incx)
    })
}

/// `x := op(A)*x` with `A` triangular, held in its `uplo` triangle in packed storage, on
/// single-precision complex numbers.
///
/// The diagonal of `A` is not read when `diag` is unit.
///
/// `uplo` (`OXPAR_UPLO_UPPER` or `OXPAR_UPLO_LOWER`): which triangle of `ap` (as stored) is
/// used; `trans` (`OXPAR_TRANS_NO`, `OXPAR_TRANS_YES` or `OXPAR_TRANS_CONJ`): whether op(ap)
/// is `ap`, its transpose or its conjugate transpose (`OXPAR_TRANS_CONJ`, the transpose for
/// real elements, as BLAS's `'C'`); `diag` (`OXPAR_DIAG_NON_UNIT` or `OXPAR_DIAG_UNIT`):
/// whether the diagonal of `a` is read or taken as all ones.
///
/// Shapes: `ap` is the `uplo` triangle of an `n x n` matrix packed column by column in
/// `n*(n+1)/2` contiguous elements: element `(i, j)` at `ap[i + j*(j+1)/2]` (upper, `i <= j`)
/// or `ap[i + j*(2*n-j-1)/2]` (lower, `i >= j`) (row-packed data of one triangle is the other
/// triangle of the transpose packed by columns: flip `uplo`, and `trans` where there is one);
/// `x` is `n` elements. A vector is given by a pointer to its logical first element and its
/// increment.
///
/// Errors: `OXPAR_STATUS_NULL_POINTER` (ctx; `ap` or `x` when not empty),
/// `OXPAR_STATUS_INVALID_ARGUMENT` (uplo neither `OXPAR_UPLO_UPPER` nor `OXPAR_UPLO_LOWER`;
/// trans none of `OXPAR_TRANS_NO`, `OXPAR_TRANS_YES`, `OXPAR_TRANS_CONJ`; diag neither
/// `OXPAR_DIAG_NON_UNIT` nor `OXPAR_DIAG_UNIT`; an array not aligned for its type),
/// `OXPAR_STATUS_INVALID_STRIDE` (strides that give two elements of `x` the same address, or
/// an array beyond the address space). `ap` may share memory with `x`: the result is as if it
/// were read first. On an MPI context `OXPAR_STATUS_UNSUPPORTED` on every rank (the call is
/// not collective).
///
/// # Safety
/// `ctx` is NULL or a live context; every non-NULL pointer addresses the elements its sizes
/// and strides describe (readable, and writable for outputs) for the duration of the call.
#[no_mangle]
pub unsafe extern "C" fn oxpar_ctpmv(
    ctx: *const oxpar_context,
    uplo: i32,
    trans: i32,
    diag: i32,
    n: usize,
    ap: *const oxpar_c32,
    x: *mut oxpar_c32,
    incx: isize,
) -> oxpar_status {
    // SAFETY: this function's contract.
    call("oxpar_ctpmv", || unsafe {
        tpmv(ctx, uplo, trans, diag, n, ap, x, incx)
    })
}

/// `x := op(A)*x` with `A` triangular, held in its `uplo` triangle in packed storage, on
/// double-precision complex numbers.
///
/// The diagonal of `A` is not read when `diag` is unit.
///
/// `uplo` (`OXPAR_UPLO_UPPER` or `OXPAR_UPLO_LOWER`): which triangle of `ap` (as stored) is
/// used; `trans` (`OXPAR_TRANS_NO`, `OXPAR_TRANS_YES` or `OXPAR_TRANS_CONJ`): whether op(ap)
/// is `ap`, its transpose or its conjugate transpose (`OXPAR_TRANS_CONJ`, the transpose for
/// real elements, as BLAS's `'C'`); `diag` (`OXPAR_DIAG_NON_UNIT` or `OXPAR_DIAG_UNIT`):
/// whether the diagonal of `a` is read or taken as all ones.
///
/// Shapes: `ap` is the `uplo` triangle of an `n x n` matrix packed column by column in
/// `n*(n+1)/2` contiguous elements: element `(i, j)` at `ap[i + j*(j+1)/2]` (upper, `i <= j`)
/// or `ap[i + j*(2*n-j-1)/2]` (lower, `i >= j`) (row-packed data of one triangle is the other
/// triangle of the transpose packed by columns: flip `uplo`, and `trans` where there is one);
/// `x` is `n` elements. A vector is given by a pointer to its logical first element and its
/// increment.
///
/// Errors: `OXPAR_STATUS_NULL_POINTER` (ctx; `ap` or `x` when not empty),
/// `OXPAR_STATUS_INVALID_ARGUMENT` (uplo neither `OXPAR_UPLO_UPPER` nor `OXPAR_UPLO_LOWER`;
/// trans none of `OXPAR_TRANS_NO`, `OXPAR_TRANS_YES`, `OXPAR_TRANS_CONJ`; diag neither
/// `OXPAR_DIAG_NON_UNIT` nor `OXPAR_DIAG_UNIT`; an array not aligned for its type),
/// `OXPAR_STATUS_INVALID_STRIDE` (strides that give two elements of `x` the same address, or
/// an array beyond the address space). `ap` may share memory with `x`: the result is as if it
/// were read first. On an MPI context `OXPAR_STATUS_UNSUPPORTED` on every rank (the call is
/// not collective).
///
/// # Safety
/// `ctx` is NULL or a live context; every non-NULL pointer addresses the elements its sizes
/// and strides describe (readable, and writable for outputs) for the duration of the call.
#[no_mangle]
pub unsafe extern "C" fn oxpar_ztpmv(
    ctx: *const oxpar_context,
    uplo: i32,
    trans: i32,
    diag: i32,
    n: usize,
    ap: *const oxpar_c64,
    x: *mut oxpar_c64,
    incx: isize,
) -> oxpar_status {
    // SAFETY: this function's contract.
    call("oxpar_ztpmv", || unsafe {
        tpmv(ctx, uplo, trans, diag, n, ap, x, incx)
    })
}

/// # Safety
/// The pointer contracts of the exported functions that call it.
#[allow(clippy::too_many_arguments, reason = "the BLAS signature")]
unsafe fn tpsv<T: Element>(
    ctx: *const oxpar_context,
    uplo: i32,
    trans: i32,
    diag: i32,
    n: usize,
    ap: *const T,
    x: *mut T,
    incx: isize,
) -> Result<(), CapiError>
where
    dyn HostBackend: Level2<T>,
{
    // SAFETY: forwarded pointer contracts.
    let ctx = unsafe { ffi::context(ctx)? };
    let uplo = uplo_from(uplo, "uplo")?;
    let trans = trans_from(trans, "trans")?;
    let diag = diag_from(diag, "diag")?;
    // Band and packed views carry no conjugation: op(A) = A^H is
    // conj(A^T conj(..)), the scalars, the vector read and the one written
    // conjugated around the call with A^T.
    let conj = trans == oxpar::Trans::ConjYes && T::DTYPE.is_complex();
    // SAFETY: forwarded pointer contracts.
    let apv = unsafe { ffi::packed_ref(ap, n, uplo, "ap")? };
    let len = n;
    // SAFETY: forwarded pointer contracts.
    let mut xv = unsafe { ffi::vec_mut(x, len, incx, ["x", "incx"])? };
    // Inputs that share memory with x are read from copies.
    let outputs = [Operand::vector(xv.as_ref())];
    let ap_copy = detach_slice(apv.data(), &outputs);
    if conj {
        conj_in_place(xv.rb_mut());
    }
    let result = Level2::<T>::tpsv(
        ctx.host(),
        diag,
        if trans.is_transposed() {
            apv.view(&ap_copy).t()
        } else {
            apv.view(&ap_copy)
        },
        xv.rb_mut(),
    );
    if conj {
        conj_in_place(xv.rb_mut());
    }
    Ok(result?)
}

/// `x := op(A)^-1*x` (solves `op(A)*z = x`) with `A` triangular, held in its `uplo` triangle
/// in packed storage, on floats.
///
/// The diagonal of `A` is not read when `diag` is unit. No test for singularity: a zero on
/// the diagonal gives infinities or NaN, as in BLAS.
///
/// `uplo` (`OXPAR_UPLO_UPPER` or `OXPAR_UPLO_LOWER`): which triangle of `ap` (as stored) is
/// used; `trans` (`OXPAR_TRANS_NO`, `OXPAR_TRANS_YES` or `OXPAR_TRANS_CONJ`): whether op(ap)
/// is `ap`, its transpose or its conjugate transpose (`OXPAR_TRANS_CONJ`, the transpose for
/// real elements, as BLAS's `'C'`); `diag` (`OXPAR_DIAG_NON_UNIT` or `OXPAR_DIAG_UNIT`):
/// whether the diagonal of `a` is read or taken as all ones.
///
/// Shapes: `ap` is the `uplo` triangle of an `n x n` matrix packed column by column in
/// `n*(n+1)/2` contiguous elements: element `(i, j)` at `ap[i + j*(j+1)/2]` (upper, `i <= j`)
/// or `ap[i + j*(2*n-j-1)/2]` (lower, `i >= j`) (row-packed data of one triangle is the other
/// triangle of the transpose packed by columns: flip `uplo`, and `trans` where there is one);
/// `x` is `n` elements. A vector is given by a pointer to its logical first element and its
/// increment.
///
/// Errors: `OXPAR_STATUS_NULL_POINTER` (ctx; `ap` or `x` when not empty),
/// `OXPAR_STATUS_INVALID_ARGUMENT` (uplo neither `OXPAR_UPLO_UPPER` nor `OXPAR_UPLO_LOWER`;
/// trans none of `OXPAR_TRANS_NO`, `OXPAR_TRANS_YES`, `OXPAR_TRANS_CONJ`; diag neither
/// `OXPAR_DIAG_NON_UNIT` nor `OXPAR_DIAG_UNIT`; an array not aligned for its type),
/// `OXPAR_STATUS_INVALID_STRIDE` (strides that give two elements of `x` the same address, or
/// an array beyond the address space). `ap` may share memory with `x`: the result is as if it
/// were read first. On an MPI context `OXPAR_STATUS_UNSUPPORTED` on every rank (the call is
/// not collective).
///
/// # Safety
/// `ctx` is NULL or a live context; every non-NULL pointer addresses the elements its sizes
/// and strides describe (readable, and writable for outputs) for the duration of the call.
#[no_mangle]
pub unsafe extern "C" fn oxpar_stpsv(
    ctx: *const oxpar_context,
    uplo: i32,
    trans: i32,
    diag: i32,
    n: usize,
    ap: *const f32,
    x: *mut f32,
    incx: isize,
) -> oxpar_status {
    // SAFETY: this function's contract.
    call("oxpar_stpsv", || unsafe {
        tpsv(ctx, uplo, trans, diag, n, ap, x, incx)
    })
}

/// `x := op(A)^-1*x` (solves `op(A)*z = x`) with `A` triangular, held in its `uplo` triangle
/// in packed storage, on doubles.
///
/// The diagonal of `A` is not read when `diag` is unit. No test for singularity: a zero on
/// the diagonal gives infinities or NaN, as in BLAS.
///
/// `uplo` (`OXPAR_UPLO_UPPER` or `OXPAR_UPLO_LOWER`): which triangle of `ap` (as stored) is
/// used; `trans` (`OXPAR_TRANS_NO`, `OXPAR_TRANS_YES` or `OXPAR_TRANS_CONJ`): whether op(ap)
/// is `ap`, its transpose or its conjugate transpose (`OXPAR_TRANS_CONJ`, the transpose for
/// real elements, as BLAS's `'C'`); `diag` (`OXPAR_DIAG_NON_UNIT` or `OXPAR_DIAG_UNIT`):
/// whether the diagonal of `a` is read or taken as all ones.
///
/// Shapes: `ap` is the `uplo` triangle of an `n x n` matrix packed column by column in
/// `n*(n+1)/2` contiguous elements: element `(i, j)` at `ap[i + j*(j+1)/2]` (upper, `i <= j`)
/// or `ap[i + j*(2*n-j-1)/2]` (lower, `i >= j`) (row-packed data of one triangle is the other
/// triangle of the transpose packed by columns: flip `uplo`, and `trans` where there is one);
/// `x` is `n` elements. A vector is given by a pointer to its logical first element and its
/// increment.
///
/// Errors: `OXPAR_STATUS_NULL_POINTER` (ctx; `ap` or `x` when not empty),
/// `OXPAR_STATUS_INVALID_ARGUMENT` (uplo neither `OXPAR_UPLO_UPPER` nor `OXPAR_UPLO_LOWER`;
/// trans none of `OXPAR_TRANS_NO`, `OXPAR_TRANS_YES`, `OXPAR_TRANS_CONJ`; diag neither
/// `OXPAR_DIAG_NON_UNIT` nor `OXPAR_DIAG_UNIT`; an array not aligned for its type),
/// `OXPAR_STATUS_INVALID_STRIDE` (strides that give two elements of `x` the same address, or
/// an array beyond the address space). `ap` may share memory with `x`: the result is as if it
/// were read first. On an MPI context `OXPAR_STATUS_UNSUPPORTED` on every rank (the call is
/// not collective).
///
/// # Safety
/// `ctx` is NULL or a live context; every non-NULL pointer addresses the elements its sizes
/// and strides describe (readable, and writable for outputs) for the duration of the call.
#[no_mangle]
pub unsafe extern "C" fn oxpar_dtpsv(
    ctx: *const oxpar_context,
    uplo: i32,
    trans: i32,
    diag: i32,
    n: usize,
    ap: *const f64,
    x: *mut f64,
    incx: isize,
) -> oxpar_status {
    // SAFETY: this function's contract.
    call("oxpar_dtpsv", || unsafe {
        tpsv(ctx, uplo, trans, diag, n, ap, x, incx)
    })
}

/// `x := op(A)^-1*x` (solves `op(A)*z = x`) with `A` triangular, held in its `uplo` triangle
/// in packed storage, on single-precision complex numbers.
///
/// The diagonal of `A` is not read when `diag` is unit. No test for singularity: a zero on
/// the diagonal gives infinities or NaN, as in BLAS.
///
/// `uplo` (`OXPAR_UPLO_UPPER` or `OXPAR_UPLO_LOWER`): which triangle of `ap` (as stored) is
/// used; `trans` (`OXPAR_TRANS_NO`, `OXPAR_TRANS_YES` or `OXPAR_TRANS_CONJ`): whether op(ap)
/// is `ap`, its transpose or its conjugate transpose (`OXPAR_TRANS_CONJ`, the transpose for
/// real elements, as BLAS's `'C'`); `diag` (`OXPAR_DIAG_NON_UNIT` or `OXPAR_DIAG_UNIT`):
/// whether the diagonal of `a` is read or taken as all ones.
///
/// Shapes: `ap` is the `uplo` triangle of an `n x n` matrix packed column by column in
/// `n*(n+1)/2` contiguous elements: element `(i, j)` at `ap[i + j*(j+1)/2]` (upper, `i <= j`)
/// or `ap[i + j*(2*n-j-1)/2]` (lower, `i >= j`) (row-packed data of one triangle is the other
/// triangle of the transpose packed by columns: flip `uplo`, and `trans` where there is one);
/// `x` is `n` elements. A vector is given by a pointer to its logical first element and its
/// increment.
///
/// Errors: `OXPAR_STATUS_NULL_POINTER` (ctx; `ap` or `x` when not empty),
/// `OXPAR_STATUS_INVALID_ARGUMENT` (uplo neither `OXPAR_UPLO_UPPER` nor `OXPAR_UPLO_LOWER`;
/// trans none of `OXPAR_TRANS_NO`, `OXPAR_TRANS_YES`, `OXPAR_TRANS_CONJ`; diag neither
/// `OXPAR_DIAG_NON_UNIT` nor `OXPAR_DIAG_UNIT`; an array not aligned for its type),
/// `OXPAR_STATUS_INVALID_STRIDE` (strides that give two elements of `x` the same address, or
/// an array beyond the address space). `ap` may share memory with `x`: the result is as if it
/// were read first. On an MPI context `OXPAR_STATUS_UNSUPPORTED` on every rank (the call is
/// not collective).
///
/// # Safety
/// `ctx` is NULL or a live context; every non-NULL pointer addresses the elements its sizes
/// and strides describe (readable, and writable for outputs) for the duration of the call.
#[no_mangle]
pub unsafe extern "C" fn oxpar_ctpsv(
    ctx: *const oxpar_context,
    uplo: i32,
    trans: i32,
    diag: i32,
    n: usize,
    ap: *const oxpar_c32,
    x: *mut oxpar_c32,
    incx: isize,
) -> oxpar_status {
    // SAFETY: this function's contract.
    call("oxpar_ctpsv", || unsafe {
        tpsv(ctx, uplo, trans, diag, n, ap, x, incx)
    })
}

/// `x := op(A)^-1*x` (solves `op(A)*z = x`) with `A` triangular, held in its `uplo` triangle
/// in packed storage, on double-precision complex numbers.
///
/// The diagonal of `A` is not read when `diag` is unit. No test for singularity: a zero on
/// the diagonal gives infinities or NaN, as in BLAS.
///
/// `uplo` (`OXPAR_UPLO_UPPER` or `OXPAR_UPLO_LOWER`): which triangle of `ap` (as stored) is
/// used; `trans` (`OXPAR_TRANS_NO`, `OXPAR_TRANS_YES` or `OXPAR_TRANS_CONJ`): whether op(ap)
/// is `ap`, its transpose or its conjugate transpose (`OXPAR_TRANS_CONJ`, the transpose for
/// real elements, as BLAS's `'C'`); `diag` (`OXPAR_DIAG_NON_UNIT` or `OXPAR_DIAG_UNIT`):
/// whether the diagonal of `a` is read or taken as all ones.
///
/// Shapes: `ap` is the `uplo` triangle of an `n x n` matrix packed column by column in
/// `n*(n+1)/2` contiguous elements: element `(i, j)` at `ap[i + j*(j+1)/2]` (upper, `i <= j`)
/// or `ap[i + j*(2*n-j-1)/2]` (lower, `i >= j`) (row-packed data of one triangle is the other
/// triangle of the transpose packed by columns: flip `uplo`, and `trans` where there is one);
/// `x` is `n` elements. A vector is given by a pointer to its logical first element and its
/// increment.
///
/// Errors: `OXPAR_STATUS_NULL_POINTER` (ctx; `ap` or `x` when not empty),
/// `OXPAR_STATUS_INVALID_ARGUMENT` (uplo neither `OXPAR_UPLO_UPPER` nor `OXPAR_UPLO_LOWER`;
/// trans none of `OXPAR_TRANS_NO`, `OXPAR_TRANS_YES`, `OXPAR_TRANS_CONJ`; diag neither
/// `OXPAR_DIAG_NON_UNIT` nor `OXPAR_DIAG_UNIT`; an array not aligned for its type),
/// `OXPAR_STATUS_INVALID_STRIDE` (strides that give two elements of `x` the same address, or
/// an array beyond the address space). `ap` may share memory with `x`: the result is as if it
/// were read first. On an MPI context `OXPAR_STATUS_UNSUPPORTED` on every rank (the call is
/// not collective).
///
/// # Safety
/// `ctx` is NULL or a live context; every non-NULL pointer addresses the elements its sizes
/// and strides describe (readable, and writable for outputs) for the duration of the call.
#[no_mangle]
pub unsafe extern "C" fn oxpar_ztpsv(
    ctx: *const oxpar_context,
    uplo: i32,
    trans: i32,
    diag: i32,
    n: usize,
    ap: *const oxpar_c64,
    x: *mut oxpar_c64,
    incx: isize,
) -> oxpar_status {
    // SAFETY: this function's contract.
    call("oxpar_ztpsv", || unsafe {
        tpsv(ctx, uplo, trans, diag, n, ap, x, incx)
    })
}

/// # Safety
/// The pointer contracts of the exported functions that call it.
#[allow(clippy::too_many_arguments, reason = "the BLAS signature")]
unsafe fn spr<T: Element>(
    ctx: *const oxpar_context,
    uplo: i32,
    n: usize,
    alpha: *const T,
    x: *const T,
    incx: isize,
    ap: *mut T,
) -> Result<(), CapiError>
where
    dyn HostBackend: Level2<T>,
{
    // SAFETY: forwarded pointer contracts.
    let ctx = unsafe { ffi::context(ctx)? };
    let uplo = uplo_from(uplo, "uplo")?;
    // SAFETY: forwarded pointer contracts.
    let alpha = unsafe { ffi::scalar(alpha, "alpha")? };
    let len = n;
    // SAFETY: forwarded pointer contracts.
    let xv = unsafe { ffi::vec_ref(x, len, incx, ["x", "incx"])? };
    // SAFETY: forwarded pointer contracts.
    let (apv, ap_elements) = unsafe { ffi::packed_mut(ap, n, uplo, "ap")? };
    // Inputs that share memory with ap are read from copies.
    let outputs = [ap_elements];
    let x_copy = detach_vec(xv, &outputs);
    Ok(Level2::<T>::spr(
        ctx.host(),
        alpha,
        read_vec(xv, &x_copy),
        apv,
    )?)
}

/// `A := alpha*x*x^T + A` on the `uplo` triangle of the symmetric `A` in packed storage, on
/// floats.
///
/// `uplo` (`OXPAR_UPLO_UPPER` or `OXPAR_UPLO_LOWER`): which triangle of `ap` (as stored) is
/// used.
///
/// Shapes: `x` is `n` elements; `ap` is the `uplo` triangle of an `n x n` matrix packed
/// column by column in `n*(n+1)/2` contiguous elements: element `(i, j)` at
/// `ap[i + j*(j+1)/2]` (upper, `i <= j`) or `ap[i + j*(2*n-j-1)/2]` (lower, `i >= j`)
/// (row-packed data of one triangle is the other triangle of the transpose packed by columns:
/// flip `uplo`, and `trans` where there is one). A vector is given by a pointer to its
/// logical first element and its increment.
///
/// Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, alpha; `x` or `ap` when not empty),
/// `OXPAR_STATUS_INVALID_ARGUMENT` (uplo neither `OXPAR_UPLO_UPPER` nor `OXPAR_UPLO_LOWER`;
/// an array not aligned for its type), `OXPAR_STATUS_INVALID_STRIDE` (an array beyond the
/// address space). `x` may have any strides, 0 included, and may share memory with `ap`: the
/// result is as if it were read first. On an MPI context `OXPAR_STATUS_UNSUPPORTED` on every
/// rank (the call is not collective).
///
/// # Safety
/// `ctx` is NULL or a live context; every non-NULL pointer addresses the elements its sizes
/// and strides describe (readable, and writable for outputs) for the duration of the call.
#[no_mangle]
pub unsafe extern "C" fn oxpar_sspr(
    ctx: *const oxpar_context,
    uplo: i32,
    n: usize,
    alpha: *const f32,
    x: *const f32,
    incx: isize,
    ap: *mut f32,
) -> oxpar_status {
    // SAFETY: this function's contract.
    call("oxpar_sspr", || unsafe {
        spr(ctx, uplo, n, alpha, x, incx, ap)
    })
}

/// `A := alpha*x*x^T + A` on the `uplo` triangle of the symmetric `A` in packed storage, on
/// doubles.
///
/// `uplo` (`OXPAR_UPLO_UPPER` or `OXPAR_UPLO_LOWER`): which triangle of `ap` (as stored) is
/// used.
///
/// Shapes: `x` is `n` elements; `ap` is the `uplo` triangle of an `n x n` matrix packed
/// column by column in `n*(n+1)/2` contiguous elements: element `(i, j)` at
/// `ap[i + j*(j+1)/2]` (upper, `i <= j`) or `ap[i + j*(2*n-j-1)/2]` (lower, `i >= j`)
/// (row-packed data of one triangle is the other triangle of the transpose packed by columns:
/// flip `uplo`, and `trans` where there is one). A vector is given by a pointer to its
/// logical first element and its increment.
///
/// Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, alpha; `x` or `ap` when not empty),
/// `OXPAR_STATUS_INVALID_ARGUMENT` (uplo neither `OXPAR_UPLO_UPPER` nor `OXPAR_UPLO_LOWER`;
/// an array not aligned for its type), `OXPAR_STATUS_INVALID_STRIDE` (an array beyond the
/// address space). `x` may have any strides, 0 included, and may share memory with `ap`: the
/// result is as if it were read first. On an MPI context `OXPAR_STATUS_UNSUPPORTED` on every
/// rank (the call is not collective).
///
/// # Safety
/// `ctx` is NULL or a live context; every non-NULL pointer addresses the elements its sizes
/// and strides describe (readable, and writable for outputs) for the duration of the call.
#[no_mangle]
pub unsafe extern "C" fn oxpar_dspr(
    ctx: *const oxpar_context,
    uplo: i32,
    n: usize,
    alpha: *const f64,
    x: *const f64,
    incx: isize,
    ap: *mut f64,
) -> oxpar_status {
    // SAFETY: this function's contract.
    call("oxpar_dspr", || unsafe {
        spr(ctx, uplo, n, alpha, x, incx, ap)
    })
}

/// # Safety
/// The pointer contracts of the exported functions that call it.
#[allow(clippy::too_many_arguments, reason = "the BLAS signature")]
unsafe fn spr2<T: Element>(
    ctx: *const oxpar_context,
    uplo: i32,
    n: usize,
    alpha: *const T,
    x: *const T,
    incx: isize,
    y: *const T,
    incy: isize,
    ap: *mut T,
) -> Result<(), CapiError>
where
    dyn HostBackend: Level2<T>,
{
    // SAFETY: forwarded pointer contracts.
    let ctx = unsafe { ffi::context(ctx)? };
    let uplo = uplo_from(uplo, "uplo")?;
    // SAFETY: forwarded pointer contracts.
    let alpha = unsafe { ffi::scalar(alpha, "alpha")? };
    let len = n;
    // SAFETY: forwarded pointer contracts.
    let xv = unsafe { ffi::vec_ref(x, len, incx, ["x", "incx"])? };
    let len = n;
    // SAFETY: forwarded pointer contracts.
    let yv = unsafe { ffi::vec_ref(y, len, incy, ["y", "incy"])? };
    // SAFETY: forwarded pointer contracts.
    let (apv, ap_elements) = unsafe { ffi::packed_mut(ap, n, uplo, "ap")? };
    // Inputs that share memory with ap are read from copies.
    let outputs = [ap_elements];
    let x_copy = detach_vec(xv, &outputs);
    let y_copy = detach_vec(yv, &outputs);
    Ok(Level2::<T>::spr2(
        ctx.host(),
        alpha,
        read_vec(xv, &x_copy),
        read_vec(yv, &y_copy),
        apv,
    )?)
}

/// `A := alpha*(x*y^T + y*x^T) + A` on the `uplo` triangle of the symmetric `A` in packed
/// storage, on floats.
///
/// `uplo` (`OXPAR_UPLO_UPPER` or `OXPAR_UPLO_LOWER`): which triangle of `ap` (as stored) is
/// used.
///
/// Shapes: `x` is `n` elements; `y` is `n` elements; `ap` is the `uplo` triangle of an
/// `n x n` matrix packed column by column in `n*(n+1)/2` contiguous elements: element
/// `(i, j)` at `ap[i + j*(j+1)/2]` (upper, `i <= j`) or `ap[i + j*(2*n-j-1)/2]` (lower,
/// `i >= j`) (row-packed data of one triangle is the other triangle of the transpose packed
/// by columns: flip `uplo`, and `trans` where there is one). A vector is given by a pointer
/// to its logical first element and its increment.
///
/// Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, alpha; `x`, `y` or `ap` when not empty),
/// `OXPAR_STATUS_INVALID_ARGUMENT` (uplo neither `OXPAR_UPLO_UPPER` nor `OXPAR_UPLO_LOWER`;
/// an array not aligned for its type), `OXPAR_STATUS_INVALID_STRIDE` (an array beyond the
/// address space). `x` and `y` may have any strides, 0 included, and may share memory with
/// `ap`: the result is as if they were read first. On an MPI context
/// `OXPAR_STATUS_UNSUPPORTED` on every rank (the call is not collective).
///
/// # Safety
/// `ctx` is NULL or a live context; every non-NULL pointer addresses the elements its sizes
/// and strides describe (readable, and writable for outputs) for the duration of the call.
#[no_mangle]
pub unsafe extern "C" fn oxpar_sspr2(
    ctx: *const oxpar_context,
    uplo: i32,
    n: usize,
    alpha: *const f32,
    x: *const f32,
    incx: isize,
    y: *const f32,
    incy: isize,
    ap: *mut f32,
) -> oxpar_status {
    // SAFETY: this function's contract.
    call("oxpar_sspr2", || unsafe {
        spr2(ctx, uplo, n, alpha, x, incx, y, incy, ap)
    })
}

/// `A := alpha*(x*y^T + y*x^T) + A` on the `uplo` triangle of the symmetric `A` in packed
/// storage, on doubles.
///
/// `uplo` (`OXPAR_UPLO_UPPER` or `OXPAR_UPLO_LOWER`): which triangle of `ap` (as stored) is
/// used.
///
/// Shapes: `x` is `n` elements; `y` is `n` elements; `ap` is the `uplo` triangle of an
/// `n x n` matrix packed column by column in `n*(n+1)/2` contiguous elements: element
/// `(i, j)` at `ap[i + j*(j+1)/2]` (upper, `i <= j`) or `ap[i + j*(2*n-j-1)/2]` (lower,
/// `i >= j`) (row-packed data of one triangle is the other triangle of the transpose packed
/// by columns: flip `uplo`, and `trans` where there is one). A vector is given by a pointer
/// to its logical first element and its increment.
///
/// Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, alpha; `x`, `y` or `ap` when not empty),
/// `OXPAR_STATUS_INVALID_ARGUMENT` (uplo neither `OXPAR_UPLO_UPPER` nor `OXPAR_UPLO_LOWER`;
/// an array not aligned for its type), `OXPAR_STATUS_INVALID_STRIDE` (an array beyond the
/// address space). `x` and `y` may have any strides, 0 included, and may share memory with
/// `ap`: the result is as if they were read first. On an MPI context
/// `OXPAR_STATUS_UNSUPPORTED` on every rank (the call is not collective).
///
/// # Safety
/// `ctx` is NULL or a live context; every non-NULL pointer addresses the elements its sizes
/// and strides describe (readable, and writable for outputs) for the duration of the call.
#[no_mangle]
pub unsafe extern "C" fn oxpar_dspr2(
    ctx: *const oxpar_context,
    uplo: i32,
    n: usize,
    alpha: *const f64,
    x: *const f64,
    incx: isize,
    y: *const f64,
    incy: isize,
    ap: *mut f64,
) -> oxpar_status {
    // SAFETY: this function's contract.
    call("oxpar_dspr2", || unsafe {
        spr2(ctx, uplo, n, alpha, x, incx, y, incy, ap)
    })
}

/// # Safety
/// The pointer contracts of the exported functions that call it.
#[allow(clippy::too_many_arguments, reason = "the BLAS signature")]
unsafe fn symm<T: Element>(
    ctx: *const oxpar_context,
    side: i32,
    uplo: i32,
    m: usize,
    n: usize,
    alpha: *const T,
    a: *const T,
    rsa: isize,
    csa: isize,
    b: *const T,
    rsb: isize,
    csb: isize,
    beta: *const T,
    c: *mut T,
    rsc: isize,
    csc: isize,
) -> Result<(), CapiError>
where
    dyn HostBackend: Level3<T>,
{
    // SAFETY: forwarded pointer contracts.
    let ctx = unsafe { ffi::context(ctx)? };
    let side = side_from(side, "side")?;
    let uplo = uplo_from(uplo, "uplo")?;
    // SAFETY: forwarded pointer contracts.
    let alpha = unsafe { ffi::scalar(alpha, "alpha")? };
    let (rows, cols) = (
        if side == oxpar::Side::Left { m } else { n },
        if side == oxpar::Side::Left { m } else { n },
    );
    // SAFETY: forwarded pointer contracts.
    let av = unsafe { ffi::mat_ref(a, rows, cols, rsa, csa, ["a", "rsa", "csa"])? };
    let (rows, cols) = (m, n);
    // SAFETY: forwarded pointer contracts.
    let bv = unsafe { ffi::mat_ref(b, rows, cols, rsb, csb, ["b", "rsb", "csb"])? };
    // SAFETY: forwarded pointer contracts.
    let beta = unsafe { ffi::scalar(beta, "beta")? };
    let (rows, cols) = (m, n);
    // SAFETY: forwarded pointer contracts.
    let cv = unsafe { ffi::mat_mut(c, rows, cols, rsc, csc, ["c", "rsc", "csc"])? };
    // Inputs that share memory with c are read from copies.
    let outputs = [Operand::matrix(cv.as_ref())];
    let a_copy = detach_mat(av, &outputs);
    let b_copy = detach_mat(bv, &outputs);
    Ok(Level3::<T>::symm(
        ctx.host(),
        side,
        uplo,
        alpha,
        read_mat(av, &a_copy),
        read_mat(bv, &b_copy),
        beta,
        cv,
    )?)
}

/// `C := alpha*A*B + beta*C` (side left) or `alpha*B*A + beta*C` (side right) with `A`
/// symmetric, held in its `uplo` triangle, on floats.
///
/// The other triangle of `A` is not read. `beta == 0` does not read `C` (NaN there does not
/// come out).
///
/// `side` (`OXPAR_SIDE_LEFT` or `OXPAR_SIDE_RIGHT`): on which side of `b` the matrix `a`
/// stands; `uplo` (`OXPAR_UPLO_UPPER` or `OXPAR_UPLO_LOWER`): which triangle of `a` (as
/// stored) is used.
///
/// Shapes: `a` is `m x m` (side = `OXPAR_SIDE_LEFT`) or `n x n` (`OXPAR_SIDE_RIGHT`) as
/// stored; `b` is `m x n` as stored; `c` is `m x n` as stored. A matrix is given by a pointer
/// to its element (0, 0) and its element strides (row, column): column-major (Fortran) data
/// has `rs = 1, cs = ld`, row-major (C) data `rs = ld, cs = 1`; a vector by a pointer to its
/// logical first element and its increment.
///
/// Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, alpha, beta; `a`, `b` or `c` when not empty),
/// `OXPAR_STATUS_INVALID_ARGUMENT` (side neither `OXPAR_SIDE_LEFT` nor `OXPAR_SIDE_RIGHT`;
/// uplo neither `OXPAR_UPLO_UPPER` nor `OXPAR_UPLO_LOWER`; an array not aligned for its
/// type), `OXPAR_STATUS_INVALID_STRIDE` (strides that give two elements of `c` the same
/// address, or an array beyond the address space). `a` and `b` may have any strides, 0
/// included, and may share memory with `c`: the result is as if they were read first. On an
/// MPI context `OXPAR_STATUS_UNSUPPORTED` on every rank (the call is not collective).
///
/// # Safety
/// `ctx` is NULL or a live context; every non-NULL pointer addresses the elements its sizes
/// and strides describe (readable, and writable for outputs) for the duration of the call.
#[no_mangle]
pub unsafe extern "C" fn oxpar_ssymm(
    ctx: *const oxpar_context,
    side: i32,
    uplo: i32,
    m: usize,
    n: usize,
    alpha: *const f32,
    a: *const f32,
    rsa: isize,
    csa: isize,
    b: *const f32,
    rsb: isize,
    csb: isize,
    beta: *const f32,
    c: *mut f32,
    rsc: isize,
    csc: isize,
) -> oxpar_status {
    // SAFETY: this function's contract.
    call("oxpar_ssymm", || unsafe {
        symm(
            ctx, side, uplo, m, n, alpha, a, rsa, csa, b, rsb, csb, beta, c, rsc, csc,
        )
    })
}

/// `C := alpha*A*B + beta*C` (side left) or `alpha*B*A + beta*C` (side right) with `A`
/// symmetric, held in its `uplo` triangle, on doubles.
///
/// The other triangle of `A` is not read. `beta == 0` does not read `C` (NaN there does not
/// come out).
///
/// `side` (`OXPAR_SIDE_LEFT` or `OXPAR_SIDE_RIGHT`): on which side of `b` the matrix `a`
/// stands; `uplo` (`OXPAR_UPLO_UPPER` or `OXPAR_UPLO_LOWER`): which triangle of `a` (as
/// stored) is used.
///
/// Shapes: `a` is `m x m` (side = `OXPAR_SIDE_LEFT`) or `n x n` (`OXPAR_SIDE_RIGHT`) as
/// stored; `b` is `m x n` as stored; `c` is `m x n` as stored. A matrix is given by a pointer
/// to its element (0, 0) and its element strides (row, column): column-major (Fortran) data
/// has `rs = 1, cs = ld`, row-major (C) data `rs = ld, cs = 1`; a vector by a pointer to its
/// logical first element and its increment.
///
/// Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, alpha, beta; `a`, `b` or `c` when not empty),
/// `OXPAR_STATUS_INVALID_ARGUMENT` (side neither `OXPAR_SIDE_LEFT` nor `OXPAR_SIDE_RIGHT`;
/// uplo neither `OXPAR_UPLO_UPPER` nor `OXPAR_UPLO_LOWER`; an array not aligned for its
/// type), `OXPAR_STATUS_INVALID_STRIDE` (strides that give two elements of `c` the same
/// address, or an array beyond the address space). `a` and `b` may have any strides, 0
/// included, and may share memory with `c`: the result is as if they were read first. On an
/// MPI context `OXPAR_STATUS_UNSUPPORTED` on every rank (the call is not collective).
///
/// # Safety
/// `ctx` is NULL or a live context; every non-NULL pointer addresses the elements its sizes
/// and strides describe (readable, and writable for outputs) for the duration of the call.
#[no_mangle]
pub unsafe extern "C" fn oxpar_dsymm(
    ctx: *const oxpar_context,
    side: i32,
    uplo: i32,
    m: usize,
    n: usize,
    alpha: *const f64,
    a: *const f64,
    rsa: isize,
    csa: isize,
    b: *const f64,
    rsb: isize,
    csb: isize,
    beta: *const f64,
    c: *mut f64,
    rsc: isize,
    csc: isize,
) -> oxpar_status {
    // SAFETY: this function's contract.
    call("oxpar_dsymm", || unsafe {
        symm(
            ctx, side, uplo, m, n, alpha, a, rsa, csa, b, rsb, csb, beta, c, rsc, csc,
        )
    })
}

/// `C := alpha*A*B + beta*C` (side left) or `alpha*B*A + beta*C` (side right) with `A`
/// symmetric, held in its `uplo` triangle, on single-precision complex numbers.
///
/// The other triangle of `A` is not read. `beta == 0` does not read `C` (NaN there does not
/// come out).
///
/// `side` (`OXPAR_SIDE_LEFT` or `OXPAR_SIDE_RIGHT`): on which side of `b` the matrix `a`
/// stands; `uplo` (`OXPAR_UPLO_UPPER` or `OXPAR_UPLO_LOWER`): which triangle of `a` (as
/// stored) is used.
///
/// Shapes: `a` is `m x m` (side = `OXPAR_SIDE_LEFT`) or `n x n` (`OXPAR_SIDE_RIGHT`) as
/// stored; `b` is `m x n` as stored; `c` is `m x n` as stored. A matrix is given by a pointer
/// to its element (0, 0) and its element strides (row, column): column-major (Fortran) data
/// has `rs = 1, cs = ld`, row-major (C) data `rs = ld, cs = 1`; a vector by a pointer to its
/// logical first element and its increment.
///
/// Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, alpha, beta; `a`, `b` or `c` when not empty),
/// `OXPAR_STATUS_INVALID_ARGUMENT` (side neither `OXPAR_SIDE_LEFT` nor `OXPAR_SIDE_RIGHT`;
/// uplo neither `OXPAR_UPLO_UPPER` nor `OXPAR_UPLO_LOWER`; an array not aligned for its
/// type), `OXPAR_STATUS_INVALID_STRIDE` (strides that give two elements of `c` the same
/// address, or an array beyond the address space). `a` and `b` may have any strides, 0
/// included, and may share memory with `c`: the result is as if they were read first. On an
/// MPI context `OXPAR_STATUS_UNSUPPORTED` on every rank (the call is not collective).
///
/// # Safety
/// `ctx` is NULL or a live context; every non-NULL pointer addresses the elements its sizes
/// and strides describe (readable, and writable for outputs) for the duration of the call.
#[no_mangle]
pub unsafe extern "C" fn oxpar_csymm(
    ctx: *const oxpar_context,
    side: i32,
    uplo: i32,
    m: usize,
    n: usize,
    alpha: *const oxpar_c32,
    a: *const oxpar_c32,
    rsa: isize,
    csa: isize,
    b: *const oxpar_c32,
    rsb: isize,
    csb: isize,
    beta: *const oxpar_c32,
    c: *mut oxpar_c32,
    rsc: isize,
    csc: isize,
) -> oxpar_status {
    // SAFETY: this function's contract.
    call("oxpar_csymm", || unsafe {
        symm(
            ctx, side, uplo, m, n, alpha, a, rsa, csa, b, rsb, csb, beta, c, rsc, csc,
        )
    })
}

/// `C := alpha*A*B + beta*C` (side left) or `alpha*B*A + beta*C` (side right) with `A`
/// symmetric, held in its `uplo` triangle, on double-precision complex numbers.
///
/// The other triangle of `A` is not read. `beta == 0` does not read `C` (NaN there does not
/// come out).
///
/// `side` (`OXPAR_SIDE_LEFT` or `OXPAR_SIDE_RIGHT`): on which side of `b` the matrix `a`
/// stands; `uplo` (`OXPAR_UPLO_UPPER` or `OXPAR_UPLO_LOWER`): which triangle of `a` (as
/// stored) is used.
///
/// Shapes: `a` is `m x m` (side = `OXPAR_SIDE_LEFT`) or `n x n` (`OXPAR_SIDE_RIGHT`) as
/// stored; `b` is `m x n` as stored; `c` is `m x n` as stored. A matrix is given by a pointer
/// to its element (0, 0) and its element strides (row, column): column-major (Fortran) data
/// has `rs = 1, cs = ld`, row-major (C) data `rs = ld, cs = 1`; a vector by a pointer to its
/// logical first element and its increment.
///
/// Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, alpha, beta; `a`, `b` or `c` when not empty),
/// `OXPAR_STATUS_INVALID_ARGUMENT` (side neither `OXPAR_SIDE_LEFT` nor `OXPAR_SIDE_RIGHT`;
/// uplo neither `OXPAR_UPLO_UPPER` nor `OXPAR_UPLO_LOWER`; an array not aligned for its
/// type), `OXPAR_STATUS_INVALID_STRIDE` (strides that give two elements of `c` the same
/// address, or an array beyond the address space). `a` and `b` may have any strides, 0
/// included, and may share memory with `c`: the result is as if they were read first. On an
/// MPI context `OXPAR_STATUS_UNSUPPORTED` on every rank (the call is not collective).
///
/// # Safety
/// `ctx` is NULL or a live context; every non-NULL pointer addresses the elements its sizes
/// and strides describe (readable, and writable for outputs) for the duration of the call.
#[no_mangle]
pub unsafe extern "C" fn oxpar_zsymm(
    ctx: *const oxpar_context,
    side: i32,
    uplo: i32,
    m: usize,
    n: usize,
    alpha: *const oxpar_c64,
    a: *const oxpar_c64,
    rsa: isize,
    csa: isize,
    b: *const oxpar_c64,
    rsb: isize,
    csb: isize,
    beta: *const oxpar_c64,
    c: *mut oxpar_c64,
    rsc: isize,
    csc: isize,
) -> oxpar_status {
    // SAFETY: this function's contract.
    call("oxpar_zsymm", || unsafe {
        symm(
            ctx, side, uplo, m, n, alpha, a, rsa, csa, b, rsb, csb, beta, c, rsc, csc,
        )
    })
}

/// # Safety
/// The pointer contracts of the exported functions that call it.
#[allow(clippy::too_many_arguments, reason = "the BLAS signature")]
unsafe fn hemm<T: Element>(
    ctx: *const oxpar_context,
    side: i32,
    uplo: i32,
    m: usize,
    n: usize,
    alpha: *const T,
    a: *const T,
    rsa: isize,
    csa: isize,
    b: *const T,
    rsb: isize,
    csb: isize,
    beta: *const T,
    c: *mut T,
    rsc: isize,
    csc: isize,
) -> Result<(), CapiError>
where
    dyn HostBackend: Level3<T>,
{
    // SAFETY: forwarded pointer contracts.
    let ctx = unsafe { ffi::context(ctx)? };
    let side = side_from(side, "side")?;
    let uplo = uplo_from(uplo, "uplo")?;
    // SAFETY: forwarded pointer contracts.
    let alpha = unsafe { ffi::scalar(alpha, "alpha")? };
    let (rows, cols) = (
        if side == oxpar::Side::Left { m } else { n },
        if side == oxpar::Side::Left { m } else { n },
    );
    // SAFETY: forwarded pointer contracts.
    let av = unsafe { ffi::mat_ref(a, rows, cols, rsa, csa, ["a", "rsa", "csa"])? };
    let (rows, cols) = (m, n);
    // SAFETY: forwarded pointer contracts.
    let bv = unsafe { ffi::mat_ref(b, rows, cols, rsb, csb, ["b", "rsb", "csb"])? };
    // SAFETY: forwarded pointer contracts.
    let beta = unsafe { ffi::scalar(beta, "beta")? };
    let (rows, cols) = (m, n);
    // SAFETY: forwarded pointer contracts.
    let cv = unsafe { ffi::mat_mut(c, rows, cols, rsc, csc, ["c", "rsc", "csc"])? };
    // Inputs that share memory with c are read from copies.
    let outputs = [Operand::matrix(cv.as_ref())];
    let a_copy = detach_mat(av, &outputs);
    let b_copy = detach_mat(bv, &outputs);
    Ok(Level3::<T>::hemm(
        ctx.host(),
        side,
        uplo,
        alpha,
        read_mat(av, &a_copy),
        read_mat(bv, &b_copy),
        beta,
        cv,
    )?)
}

/// `C := alpha*A*B + beta*C` (side left) or `alpha*B*A + beta*C` (side right) with `A`
/// Hermitian, held in its `uplo` triangle, on single-precision complex numbers.
///
/// The other triangle of `A` is not read, nor the imaginary parts of its diagonal (taken as
/// 0). `beta == 0` does not read `C` (NaN there does not come out).
///
/// `side` (`OXPAR_SIDE_LEFT` or `OXPAR_SIDE_RIGHT`): on which side of `b` the matrix `a`
/// stands; `uplo` (`OXPAR_UPLO_UPPER` or `OXPAR_UPLO_LOWER`): which triangle of `a` (as
/// stored) is used.
///
/// Shapes: `a` is `m x m` (side = `OXPAR_SIDE_LEFT`) or `n x n` (`OXPAR_SIDE_RIGHT`) as
/// stored; `b` is `m x n` as stored; `c` is `m x n` as stored. A matrix is given by a pointer
/// to its element (0, 0) and its element strides (row, column): column-major (Fortran) data
/// has `rs = 1, cs = ld`, row-major (C) data `rs = ld, cs = 1`; a vector by a pointer to its
/// logical first element and its increment.
///
/// Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, alpha, beta; `a`, `b` or `c` when not empty),
/// `OXPAR_STATUS_INVALID_ARGUMENT` (side neither `OXPAR_SIDE_LEFT` nor `OXPAR_SIDE_RIGHT`;
/// uplo neither `OXPAR_UPLO_UPPER` nor `OXPAR_UPLO_LOWER`; an array not aligned for its
/// type), `OXPAR_STATUS_INVALID_STRIDE` (strides that give two elements of `c` the same
/// address, or an array beyond the address space). `a` and `b` may have any strides, 0
/// included, and may share memory with `c`: the result is as if they were read first. On an
/// MPI context `OXPAR_STATUS_UNSUPPORTED` on every rank (the call is not collective).
///
/// # Safety
/// `ctx` is NULL or a live context; every non-NULL pointer addresses the elements its sizes
/// and strides describe (readable, and writable for outputs) for the duration of the call.
#[no_mangle]
pub unsafe extern "C" fn oxpar_chemm(
    ctx: *const oxpar_context,
    side: i32,
    uplo: i32,
    m: usize,
    n: usize,
    alpha: *const oxpar_c32,
    a: *const oxpar_c32,
    rsa: isize,
    csa: isize,
    b: *const oxpar_c32,
    rsb: isize,
    csb: isize,
    beta: *const oxpar_c32,
    c: *mut oxpar_c32,
    rsc: isize,
    csc: isize,
) -> oxpar_status {
    // SAFETY: this function's contract.
    call("oxpar_chemm", || unsafe {
        hemm(
            ctx, side, uplo, m, n, alpha, a, rsa, csa, b, rsb, csb, beta, c, rsc, csc,
        )
    })
}

/// `C := alpha*A*B + beta*C` (side left) or `alpha*B*A + beta*C` (side right) with `A`
/// Hermitian, held in its `uplo` triangle, on double-precision complex numbers.
///
/// The other triangle of `A` is not read, nor the imaginary parts of its diagonal (taken as
/// 0). `beta == 0` does not read `C` (NaN there does not come out).
///
/// `side` (`OXPAR_SIDE_LEFT` or `OXPAR_SIDE_RIGHT`): on which side of `b` the matrix `a`
/// stands; `uplo` (`OXPAR_UPLO_UPPER` or `OXPAR_UPLO_LOWER`): which triangle of `a` (as
/// stored) is used.
///
/// Shapes: `a` is `m x m` (side = `OXPAR_SIDE_LEFT`) or `n x n` (`OXPAR_SIDE_RIGHT`) as
/// stored; `b` is `m x n` as stored; `c` is `m x n` as stored. A matrix is given by a pointer
/// to its element (0, 0) and its element strides (row, column): column-major (Fortran) data
/// has `rs = 1, cs = ld`, row-major (C) data `rs = ld, cs = 1`; a vector by a pointer to its
/// logical first element and its increment.
///
/// Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, alpha, beta; `a`, `b` or `c` when not empty),
/// `OXPAR_STATUS_INVALID_ARGUMENT` (side neither `OXPAR_SIDE_LEFT` nor `OXPAR_SIDE_RIGHT`;
/// uplo neither `OXPAR_UPLO_UPPER` nor `OXPAR_UPLO_LOWER`; an array not aligned for its
/// type), `OXPAR_STATUS_INVALID_STRIDE` (strides that give two elements of `c` the same
/// address, or an array beyond the address space). `a` and `b` may have any strides, 0
/// included, and may share memory with `c`: the result is as if they were read first. On an
/// MPI context `OXPAR_STATUS_UNSUPPORTED` on every rank (the call is not collective).
///
/// # Safety
/// `ctx` is NULL or a live context; every non-NULL pointer addresses the elements its sizes
/// and strides describe (readable, and writable for outputs) for the duration of the call.
#[no_mangle]
pub unsafe extern "C" fn oxpar_zhemm(
    ctx: *const oxpar_context,
    side: i32,
    uplo: i32,
    m: usize,
    n: usize,
    alpha: *const oxpar_c64,
    a: *const oxpar_c64,
    rsa: isize,
    csa: isize,
    b: *const oxpar_c64,
    rsb: isize,
    csb: isize,
    beta: *const oxpar_c64,
    c: *mut oxpar_c64,
    rsc: isize,
    csc: isize,
) -> oxpar_status {
    // SAFETY: this function's contract.
    call("oxpar_zhemm", || unsafe {
        hemm(
            ctx, side, uplo, m, n, alpha, a, rsa, csa, b, rsb, csb, beta, c, rsc, csc,
        )
    })
}

/// # Safety
/// The pointer contracts of the exported functions that call it.
#[allow(clippy::too_many_arguments, reason = "the BLAS signature")]
unsafe fn syrk<T: Element>(
    ctx: *const oxpar_context,
    uplo: i32,
    trans: i32,
    n: usize,
    k: usize,
    alpha: *const T,
    a: *const T,
    rsa: isize,
    csa: isize,
    beta: *const T,
    c: *mut T,
    rsc: isize,
    csc: isize,
) -> Result<(), CapiError>
where
    dyn HostBackend: Level3<T>,
{
    // SAFETY: forwarded pointer contracts.
    let ctx = unsafe { ffi::context(ctx)? };
    let uplo = uplo_from(uplo, "uplo")?;
    let trans = trans_from(trans, "trans")?;
    // SAFETY: forwarded pointer contracts.
    let alpha = unsafe { ffi::scalar(alpha, "alpha")? };
    let (rows, cols) = (
        if trans == oxpar::Trans::No { n } else { k },
        if trans == oxpar::Trans::No { k } else { n },
    );
    // SAFETY: forwarded pointer contracts.
    let av = unsafe { ffi::mat_ref(a, rows, cols, rsa, csa, ["a", "rsa", "csa"])? };
    // SAFETY: forwarded pointer contracts.
    let beta = unsafe { ffi::scalar(beta, "beta")? };
    let (rows, cols) = (n, n);
    // SAFETY: forwarded pointer contracts.
    let cv = unsafe { ffi::mat_mut(c, rows, cols, rsc, csc, ["c", "rsc", "csc"])? };
    // Inputs that share memory with c are read from copies.
    let outputs = [Operand::matrix(cv.as_ref())];
    let a_copy = detach_mat(av, &outputs);
    Ok(Level3::<T>::syrk(
        ctx.host(),
        uplo,
        alpha,
        trans.apply(read_mat(av, &a_copy)),
        beta,
        cv,
    )?)
}

/// `C := alpha*A*A^T + beta*C` (trans no, `A` is `n x k`) or `alpha*A^T*A + beta*C` (trans
/// yes, `A` is `k x n`) on the `uplo` triangle of the symmetric `C`, on floats.
///
/// The other triangle of `C` is neither read nor written. `beta == 0` does not read `C` (NaN
/// there does not come out).
///
/// `uplo` (`OXPAR_UPLO_UPPER` or `OXPAR_UPLO_LOWER`): which triangle of `c` (as stored) is
/// used; `trans` (`OXPAR_TRANS_NO`, `OXPAR_TRANS_YES` or `OXPAR_TRANS_CONJ`): whether op(a)
/// is `a`, its transpose or its conjugate transpose (`OXPAR_TRANS_CONJ`, the transpose for
/// real elements, as BLAS's `'C'`).
///
/// Shapes: `a` is `n x k` (trans = `OXPAR_TRANS_NO`) or `k x n` (`OXPAR_TRANS_YES`) as
/// stored; `c` is `n x n` as stored. A matrix is given by a pointer to its element (0, 0) and
/// its element strides (row, column): column-major (Fortran) data has `rs = 1, cs = ld`,
/// row-major (C) data `rs = ld, cs = 1`; a vector by a pointer to its logical first element
/// and its increment.
///
/// Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, alpha, beta; `a` or `c` when not empty),
/// `OXPAR_STATUS_INVALID_ARGUMENT` (uplo neither `OXPAR_UPLO_UPPER` nor `OXPAR_UPLO_LOWER`;
/// trans none of `OXPAR_TRANS_NO`, `OXPAR_TRANS_YES`, `OXPAR_TRANS_CONJ`; an array not
/// aligned for its type), `OXPAR_STATUS_INVALID_STRIDE` (strides that give two elements of
/// `c` the same address, or an array beyond the address space). `a` may have any strides, 0
/// included, and may share memory with `c`: the result is as if it were read first. On an MPI
/// context `OXPAR_STATUS_UNSUPPORTED` on every rank (the call is not collective).
///
/// # Safety
/// `ctx` is NULL or a live context; every non-NULL pointer addresses the elements its sizes
/// and strides describe (readable, and writable for outputs) for the duration of the call.
#[no_mangle]
pub unsafe extern "C" fn oxpar_ssyrk(
    ctx: *const oxpar_context,
    uplo: i32,
    trans: i32,
    n: usize,
    k: usize,
    alpha: *const f32,
    a: *const f32,
    rsa: isize,
    csa: isize,
    beta: *const f32,
    c: *mut f32,
    rsc: isize,
    csc: isize,
) -> oxpar_status {
    // SAFETY: this function's contract.
    call("oxpar_ssyrk", || unsafe {
        syrk(
            ctx, uplo, trans, n, k, alpha, a, rsa, csa, beta, c, rsc, csc,
        )
    })
}

/// `C := alpha*A*A^T + beta*C` (trans no, `A` is `n x k`) or `alpha*A^T*A + beta*C` (trans
/// yes, `A` is `k x n`) on the `uplo` triangle of the symmetric `C`, on doubles.
///
/// The other triangle of `C` is neither read nor written. `beta == 0` does not read `C` (NaN
/// there does not come out).
///
/// `uplo` (`OXPAR_UPLO_UPPER` or `OXPAR_UPLO_LOWER`): which triangle of `c` (as stored) is
/// used; `trans` (`OXPAR_TRANS_NO`, `OXPAR_TRANS_YES` or `OXPAR_TRANS_CONJ`): whether op(a)
/// is `a`, its transpose or its conjugate transpose (`OXPAR_TRANS_CONJ`, the transpose for
/// real elements, as BLAS's `'C'`).
///
/// Shapes: `a` is `n x k` (trans = `OXPAR_TRANS_NO`) or `k x n` (`OXPAR_TRANS_YES`) as
/// stored; `c` is `n x n` as stored. A matrix is given by a pointer to its element (0, 0) and
/// its element strides (row, column): column-major (Fortran) data has `rs = 1, cs = ld`,
/// row-major (C) data `rs = ld, cs = 1`; a vector by a pointer to its logical first element
/// and its increment.
///
/// Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, alpha, beta; `a` or `c` when not empty),
/// `OXPAR_STATUS_INVALID_ARGUMENT` (uplo neither `OXPAR_UPLO_UPPER` nor `OXPAR_UPLO_LOWER`;
/// trans none of `OXPAR_TRANS_NO`, `OXPAR_TRANS_YES`, `OXPAR_TRANS_CONJ`; an array not
/// aligned for its type), `OXPAR_STATUS_INVALID_STRIDE` (strides that give two elements of
/// `c` the same address, or an array beyond the address space). `a` may have any strides, 0
/// included, and may share memory with `c`: the result is as if it were read first. On an MPI
/// context `OXPAR_STATUS_UNSUPPORTED` on every rank (the call is not collective).
///
/// # Safety
/// `ctx` is NULL or a live context; every non-NULL pointer addresses the elements its sizes
/// and strides describe (readable, and writable for outputs) for the duration of the call.
#[no_mangle]
pub unsafe extern "C" fn oxpar_dsyrk(
    ctx: *const oxpar_context,
    uplo: i32,
    trans: i32,
    n: usize,
    k: usize,
    alpha: *const f64,
    a: *const f64,
    rsa: isize,
    csa: isize,
    beta: *const f64,
    c: *mut f64,
    rsc: isize,
    csc: isize,
) -> oxpar_status {
    // SAFETY: this function's contract.
    call("oxpar_dsyrk", || unsafe {
        syrk(
            ctx, uplo, trans, n, k, alpha, a, rsa, csa, beta, c, rsc, csc,
        )
    })
}

/// `C := alpha*A*A^T + beta*C` (trans no, `A` is `n x k`) or `alpha*A^T*A + beta*C` (trans
/// yes, `A` is `k x n`) on the `uplo` triangle of the symmetric `C`, on single-precision
/// complex numbers.
///
/// The other triangle of `C` is neither read nor written. `beta == 0` does not read `C` (NaN
/// there does not come out).
///
/// `uplo` (`OXPAR_UPLO_UPPER` or `OXPAR_UPLO_LOWER`): which triangle of `c` (as stored) is
/// used; `trans` (`OXPAR_TRANS_NO`, `OXPAR_TRANS_YES` or `OXPAR_TRANS_CONJ`): whether op(a)
/// is `a`, its transpose or its conjugate transpose (`OXPAR_TRANS_CONJ`, the transpose for
/// real elements, as BLAS's `'C'`).
///
/// Shapes: `a` is `n x k` (trans = `OXPAR_TRANS_NO`) or `k x n` (`OXPAR_TRANS_YES`) as
/// stored; `c` is `n x n` as stored. A matrix is given by a pointer to its element (0, 0) and
/// its element strides (row, column): column-major (Fortran) data has `rs = 1, cs = ld`,
/// row-major (C) data `rs = ld, cs = 1`; a vector by a pointer to its logical first element
/// and its increment.
///
/// Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, alpha, beta; `a` or `c` when not empty),
/// `OXPAR_STATUS_INVALID_ARGUMENT` (uplo neither `OXPAR_UPLO_UPPER` nor `OXPAR_UPLO_LOWER`;
/// trans none of `OXPAR_TRANS_NO`, `OXPAR_TRANS_YES`, `OXPAR_TRANS_CONJ`; an array not
/// aligned for its type), `OXPAR_STATUS_INVALID_STRIDE` (strides that give two elements of
/// `c` the same address, or an array beyond the address space). `a` may have any strides, 0
/// included, and may share memory with `c`: the result is as if it were read first. On an MPI
/// context `OXPAR_STATUS_UNSUPPORTED` on every rank (the call is not collective).
///
/// # Safety
/// `ctx` is NULL or a live context; every non-NULL pointer addresses the elements its sizes
/// and strides describe (readable, and writable for outputs) for the duration of the call.
#[no_mangle]
pub unsafe extern "C" fn oxpar_csyrk(
    ctx: *const oxpar_context,
    uplo: i32,
    trans: i32,
    n: usize,
    k: usize,
    alpha: *const oxpar_c32,
    a: *const oxpar_c32,
    rsa: isize,
    csa: isize,
    beta: *const oxpar_c32,
    c: *mut oxpar_c32,
    rsc: isize,
    csc: isize,
) -> oxpar_status {
    // SAFETY: this function's contract.
    call("oxpar_csyrk", || unsafe {
        syrk(
            ctx, uplo, trans, n, k, alpha, a, rsa, csa, beta, c, rsc, csc,
        )
    })
}

/// `C := alpha*A*A^T + beta*C` (trans no, `A` is `n x k`) or `alpha*A^T*A + beta*C` (trans
/// yes, `A` is `k x n`) on the `uplo` triangle of the symmetric `C`, on double-precision
/// complex numbers.
///
/// The other triangle of `C` is neither read nor written. `beta == 0` does not read `C` (NaN
/// there does not come out).
///
/// `uplo` (`OXPAR_UPLO_UPPER` or `OXPAR_UPLO_LOWER`): which triangle of `c` (as stored) is
/// used; `trans` (`OXPAR_TRANS_NO`, `OXPAR_TRANS_YES` or `OXPAR_TRANS_CONJ`): whether op(a)
/// is `a`, its transpose or its conjugate transpose (`OXPAR_TRANS_CONJ`, the transpose for
/// real elements, as BLAS's `'C'`).
///
/// Shapes: `a` is `n x k` (trans = `OXPAR_TRANS_NO`) or `k x n` (`OXPAR_TRANS_YES`) as
/// stored; `c` is `n x n` as stored. A matrix is given by a pointer to its element (0, 0) and
/// its element strides (row, column): column-major (Fortran) data has `rs = 1, cs = ld`,
/// row-major (C) data `rs = ld, cs = 1`; a vector by a pointer to its logical first element
/// and its increment.
///
/// Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, alpha, beta; `a` or `c` when not empty),
/// `OXPAR_STATUS_INVALID_ARGUMENT` (uplo neither `OXPAR_UPLO_UPPER` nor `OXPAR_UPLO_LOWER`;
/// trans none of `OXPAR_TRANS_NO`, `OXPAR_TRANS_YES`, `OXPAR_TRANS_CONJ`; an array not
/// aligned for its type), `OXPAR_STATUS_INVALID_STRIDE` (strides that give two elements of
/// `c` the same address, or an array beyond the address space). `a` may have any strides, 0
/// included, and may share memory with `c`: the result is as if it were read first. On an MPI
/// context `OXPAR_STATUS_UNSUPPORTED` on every rank (the call is not collective).
///
/// # Safety
/// `ctx` is NULL or a live context; every non-NULL pointer addresses the elements its sizes
/// and strides describe (readable, and writable for outputs) for the duration of the call.
#[no_mangle]
pub unsafe extern "C" fn oxpar_zsyrk(
    ctx: *const oxpar_context,
    uplo: i32,
    trans: i32,
    n: usize,
    k: usize,
    alpha: *const oxpar_c64,
    a: *const oxpar_c64,
    rsa: isize,
    csa: isize,
    beta: *const oxpar_c64,
    c: *mut oxpar_c64,
    rsc: isize,
    csc: isize,
) -> oxpar_status {
    // SAFETY: this function's contract.
    call("oxpar_zsyrk", || unsafe {
        syrk(
            ctx, uplo, trans, n, k, alpha, a, rsa, csa, beta, c, rsc, csc,
        )
    })
}

/// # Safety
/// The pointer contracts of the exported functions that call it.
#[allow(clippy::too_many_arguments, reason = "the BLAS signature")]
unsafe fn syr2k<T: Element>(
    ctx: *const oxpar_context,
    uplo: i32,
    trans: i32,
    n: usize,
    k: usize,
    alpha: *const T,
    a: *const T,
    rsa: isize,
    csa: isize,
    b: *const T,
    rsb: isize,
    csb: isize,
    beta: *const T,
    c: *mut T,
    rsc: isize,
    csc: isize,
) -> Result<(), CapiError>
where
    dyn HostBackend: Level3<T>,
{
    // SAFETY: forwarded pointer contracts.
    let ctx = unsafe { ffi::context(ctx)? };
    let uplo = uplo_from(uplo, "uplo")?;
    let trans = trans_from(trans, "trans")?;
    // SAFETY: forwarded pointer contracts.
    let alpha = unsafe { ffi::scalar(alpha, "alpha")? };
    let (rows, cols) = (
        if trans == oxpar::Trans::No { n } else { k },
        if trans == oxpar::Trans::No { k } else { n },
    );
    // SAFETY: forwarded pointer contracts.
    let av = unsafe { ffi::mat_ref(a, rows, cols, rsa, csa, ["a", "rsa", "csa"])? };
    let (rows, cols) = (
        if trans == oxpar::Trans::No { n } else { k },
        if trans == oxpar::Trans::No { k } else { n },
    );
    // SAFETY: forwarded pointer contracts.
    let bv = unsafe { ffi::mat_ref(b, rows, cols, rsb, csb, ["b", "rsb", "csb"])? };
    // SAFETY: forwarded pointer contracts.
    let beta = unsafe { ffi::scalar(beta, "beta")? };
    let (rows, cols) = (n, n);
    // SAFETY: forwarded pointer contracts.
    let cv = unsafe { ffi::mat_mut(c, rows, cols, rsc, csc, ["c", "rsc", "csc"])? };
    // Inputs that share memory with c are read from copies.
    let outputs = [Operand::matrix(cv.as_ref())];
    let a_copy = detach_mat(av, &outputs);
    let b_copy = detach_mat(bv, &outputs);
    Ok(Level3::<T>::syr2k(
        ctx.host(),
        uplo,
        alpha,
        trans.apply(read_mat(av, &a_copy)),
        trans.apply(read_mat(bv, &b_copy)),
        beta,
        cv,
    )?)
}

/// `C := alpha*(A*B^T + B*A^T) + beta*C` (trans no, `A` and `B` are `n x k`) or
/// `alpha*(A^T*B + B^T*A) + beta*C` (trans yes, `k x n`) on the `uplo` triangle of the
/// symmetric `C`, on floats.
///
/// The other triangle of `C` is neither read nor written. `beta == 0` does not read `C` (NaN
/// there does not come out).
///
/// `uplo` (`OXPAR_UPLO_UPPER` or `OXPAR_UPLO_LOWER`): which triangle of `c` (as stored) is
/// used; `trans` (`OXPAR_TRANS_NO`, `OXPAR_TRANS_YES` or `OXPAR_TRANS_CONJ`): whether op(a,
/// b) is `a, b`, its transpose or its conjugate transpose (`OXPAR_TRANS_CONJ`, the transpose
/// for real elements, as BLAS's `'C'`).
///
/// Shapes: `a` is `n x k` (trans = `OXPAR_TRANS_NO`) or `k x n` (`OXPAR_TRANS_YES`) as
/// stored; `b` is `n x k` (trans = `OXPAR_TRANS_NO`) or `k x n` (`OXPAR_TRANS_YES`) as
/// stored; `c` is `n x n` as stored. A matrix is given by a pointer to its element (0, 0) and
/// its element strides (row, column): column-major (Fortran) data has `rs = 1, cs = ld`,
/// row-major (C) data `rs = ld, cs = 1`; a vector by a pointer to its logical first element
/// and its increment.
///
/// Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, alpha, beta; `a`, `b` or `c` when not empty),
/// `OXPAR_STATUS_INVALID_ARGUMENT` (uplo neither `OXPAR_UPLO_UPPER` nor `OXPAR_UPLO_LOWER`;
/// trans none of `OXPAR_TRANS_NO`, `OXPAR_TRANS_YES`, `OXPAR_TRANS_CONJ`; an array not
/// aligned for its type), `OXPAR_STATUS_INVALID_STRIDE` (strides that give two elements of
/// `c` the same address, or an array beyond the address space). `a` and `b` may have any
/// strides, 0 included, and may share memory with `c`: the result is as if they were read
/// first. On an MPI context `OXPAR_STATUS_UNSUPPORTED` on every rank (the call is not
/// collective).
///
/// # Safety
/// `ctx` is NULL or a live context; every non-NULL pointer addresses the elements its sizes
/// and strides describe (readable, and writable for outputs) for the duration of the call.
#[no_mangle]
pub unsafe extern "C" fn oxpar_ssyr2k(
    ctx: *const oxpar_context,
    uplo: i32,
    trans: i32,
    n: usize,
    k: usize,
    alpha: *const f32,
    a: *const f32,
    rsa: isize,
    csa: isize,
    b: *const f32,
    rsb: isize,
    csb: isize,
    beta: *const f32,
    c: *mut f32,
    rsc: isize,
    csc: isize,
) -> oxpar_status {
    // SAFETY: this function's contract.
    call("oxpar_ssyr2k", || unsafe {
        syr2k(
            ctx, uplo, trans, n, k, alpha, a, rsa, csa, b, rsb, csb, beta, c, rsc, csc,
        )
    })
}

/// `C := alpha*(A*B^T + B*A^T) + beta*C` (trans no, `A` and `B` are `n x k`) or
/// `alpha*(A^T*B + B^T*A) + beta*C` (trans yes, `k x n`) on the `uplo` triangle of the
/// symmetric `C`, on doubles.
///
/// The other triangle of `C` is neither read nor written. `beta == 0` does not read `C` (NaN
/// there does not come out).
///
/// `uplo` (`OXPAR_UPLO_UPPER` or `OXPAR_UPLO_LOWER`): which triangle of `c` (as stored) is
/// used; `trans` (`OXPAR_TRANS_NO`, `OXPAR_TRANS_YES` or `OXPAR_TRANS_CONJ`): whether op(a,
/// b) is `a, b`, its transpose or its conjugate transpose (`OXPAR_TRANS_CONJ`, the transpose
/// for real elements, as BLAS's `'C'`).
///
/// Shapes: `a` is `n x k` (trans = `OXPAR_TRANS_NO`) or `k x n` (`OXPAR_TRANS_YES`) as
/// stored; `b` is `n x k` (trans = `OXPAR_TRANS_NO`) or `k x n` (`OXPAR_TRANS_YES`) as
/// stored; `c` is `n x n` as stored. A matrix is given by a pointer to its element (0, 0) and
/// its element strides (row, column): column-major (Fortran) data has `rs = 1, cs = ld`,
/// row-major (C) data `rs = ld, cs = 1`; a vector by a pointer to its logical first element
/// and its increment.
///
/// Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, alpha, beta; `a`, `b` or `c` when not empty),
/// `OXPAR_STATUS_INVALID_ARGUMENT` (uplo neither `OXPAR_UPLO_UPPER` nor `OXPAR_UPLO_LOWER`;
/// trans none of `OXPAR_TRANS_NO`, `OXPAR_TRANS_YES`, `OXPAR_TRANS_CONJ`; an array not
/// aligned for its type), `OXPAR_STATUS_INVALID_STRIDE` (strides that give two elements of
/// `c` the same address, or an array beyond the address space). `a` and `b` may have any
/// strides, 0 included, and may share memory with `c`: the result is as if they were read
/// first. On an MPI context `OXPAR_STATUS_UNSUPPORTED` on every rank (the call is not
/// collective).
///
/// # Safety
/// `ctx` is NULL or a live context; every non-NULL pointer addresses the elements its sizes
/// and strides describe (readable, and writable for outputs) for the duration of the call.
#[no_mangle]
pub unsafe extern "C" fn oxpar_dsyr2k(
    ctx: *const oxpar_context,
    uplo: i32,
    trans: i32,
    n: usize,
    k: usize,
    alpha: *const f64,
    a: *const f64,
    rsa: isize,
    csa: isize,
    b: *const f64,
    rsb: isize,
    csb: isize,
    beta: *const f64,
    c: *mut f64,
    rsc: isize,
    csc: isize,
) -> oxpar_status {
    // SAFETY: this function's contract.
    call("oxpar_dsyr2k", || unsafe {
        syr2k(
            ctx, uplo, trans, n, k, alpha, a, rsa, csa, b, rsb, csb, beta, c, rsc, csc,
        )
    })
}

/// `C := alpha*(A*B^T + B*A^T) + beta*C` (trans no, `A` and `B` are `n x k`) or
/// `alpha*(A^T*B + B^T*A) + beta*C` (trans yes, `k x n`) on the `uplo` triangle of the
/// symmetric `C`, on single-precision complex numbers.
///
/// The other triangle of `C` is neither read nor written. `beta == 0` does not read `C` (NaN
/// there does not come out).
///
/// `uplo` (`OXPAR_UPLO_UPPER` or `OXPAR_UPLO_LOWER`): which triangle of `c` (as stored) is
/// used; `trans` (`OXPAR_TRANS_NO`, `OXPAR_TRANS_YES` or `OXPAR_TRANS_CONJ`): whether op(a,
/// b) is `a, b`, its transpose or its conjugate transpose (`OXPAR_TRANS_CONJ`, the transpose
/// for real elements, as BLAS's `'C'`).
///
/// Shapes: `a` is `n x k` (trans = `OXPAR_TRANS_NO`) or `k x n` (`OXPAR_TRANS_YES`) as
/// stored; `b` is `n x k` (trans = `OXPAR_TRANS_NO`) or `k x n` (`OXPAR_TRANS_YES`) as
/// stored; `c` is `n x n` as stored. A matrix is given by a pointer to its element (0, 0) and
/// its element strides (row, column): column-major (Fortran) data has `rs = 1, cs = ld`,
/// row-major (C) data `rs = ld, cs = 1`; a vector by a pointer to its logical first element
/// and its increment.
///
/// Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, alpha, beta; `a`, `b` or `c` when not empty),
/// `OXPAR_STATUS_INVALID_ARGUMENT` (uplo neither `OXPAR_UPLO_UPPER` nor `OXPAR_UPLO_LOWER`;
/// trans none of `OXPAR_TRANS_NO`, `OXPAR_TRANS_YES`, `OXPAR_TRANS_CONJ`; an array not
/// aligned for its type), `OXPAR_STATUS_INVALID_STRIDE` (strides that give two elements of
/// `c` the same address, or an array beyond the address space). `a` and `b` may have any
/// strides, 0 included, and may share memory with `c`: the result is as if they were read
/// first. On an MPI context `OXPAR_STATUS_UNSUPPORTED` on every rank (the call is not
/// collective).
///
/// # Safety
/// `ctx` is NULL or a live context; every non-NULL pointer addresses the elements its sizes
/// and strides describe (readable, and writable for outputs) for the duration of the call.
#[no_mangle]
pub unsafe extern "C" fn oxpar_csyr2k(
    ctx: *const oxpar_context,
    uplo: i32,
    trans: i32,
    n: usize,
    k: usize,
    alpha: *const oxpar_c32,
    a: *const oxpar_c32,
    rsa: isize,
    csa: isize,
    b: *const oxpar_c32,
    rsb: isize,
    csb: isize,
    beta: *const oxpar_c32,
    c: *mut oxpar_c32,
    rsc: isize,
    csc: isize,
) -> oxpar_status {
    // SAFETY: this function's contract.
    call("oxpar_csyr2k", || unsafe {
        syr2k(
            ctx, uplo, trans, n, k, alpha, a, rsa, csa, b, rsb, csb, beta, c, rsc, csc,
        )
    })
}

/// `C := alpha*(A*B^T + B*A^T) + beta*C` (trans no, `A` and `B` are `n x k`) or
/// `alpha*(A^T*B + B^T*A) + beta*C` (trans yes, `k x n`) on the `uplo` triangle of the
/// symmetric `C`, on double-precision complex numbers.
///
/// The other triangle of `C` is neither read nor written. `beta == 0` does not read `C` (NaN
/// there does not come out).
///
/// `uplo` (`OXPAR_UPLO_UPPER` or `OXPAR_UPLO_LOWER`): which triangle of `c` (as stored) is
/// used; `trans` (`OXPAR_TRANS_NO`, `OXPAR_TRANS_YES` or `OXPAR_TRANS_CONJ`): whether op(a,
/// b) is `a, b`, its transpose or its conjugate transpose (`OXPAR_TRANS_CONJ`, the transpose
/// for real elements, as BLAS's `'C'`).
///
/// Shapes: `a` is `n x k` (trans = `OXPAR_TRANS_NO`) or `k x n` (`OXPAR_TRANS_YES`) as
/// stored; `b` is `n x k` (trans = `OXPAR_TRANS_NO`) or `k x n` (`OXPAR_TRANS_YES`) as
/// stored; `c` is `n x n` as stored. A matrix is given by a pointer to its element (0, 0) and
/// its element strides (row, column): column-major (Fortran) data has `rs = 1, cs = ld`,
/// row-major (C) data `rs = ld, cs = 1`; a vector by a pointer to its logical first element
/// and its increment.
///
/// Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, alpha, beta; `a`, `b` or `c` when not empty),
/// `OXPAR_STATUS_INVALID_ARGUMENT` (uplo neither `OXPAR_UPLO_UPPER` nor `OXPAR_UPLO_LOWER`;
/// trans none of `OXPAR_TRANS_NO`, `OXPAR_TRANS_YES`, `OXPAR_TRANS_CONJ`; an array not
/// aligned for its type), `OXPAR_STATUS_INVALID_STRIDE` (strides that give two elements of
/// `c` the same address, or an array beyond the address space). `a` and `b` may have any
/// strides, 0 included, and may share memory with `c`: the result is as if they were read
/// first. On an MPI context `OXPAR_STATUS_UNSUPPORTED` on every rank (the call is not
/// collective).
///
/// # Safety
/// `ctx` is NULL or a live context; every non-NULL pointer addresses the elements its sizes
/// and strides describe (readable, and writable for outputs) for the duration of the call.
#[no_mangle]
pub unsafe extern "C" fn oxpar_zsyr2k(
    ctx: *const oxpar_context,
    uplo: i32,
    trans: i32,
    n: usize,
    k: usize,
    alpha: *const oxpar_c64,
    a: *const oxpar_c64,
    rsa: isize,
    csa: isize,
    b: *const oxpar_c64,
    rsb: isize,
    csb: isize,
    beta: *const oxpar_c64,
    c: *mut oxpar_c64,
    rsc: isize,
    csc: isize,
) -> oxpar_status {
    // SAFETY: this function's contract.
    call("oxpar_zsyr2k", || unsafe {
        syr2k(
            ctx, uplo, trans, n, k, alpha, a, rsa, csa, b, rsb, csb, beta, c, rsc, csc,
        )
    })
}

/// # Safety
/// The pointer contracts of the exported functions that call it.
#[allow(clippy::too_many_arguments, reason = "the BLAS signature")]
unsafe fn herk<T: Element>(
    ctx: *const oxpar_context,
    uplo: i32,
    trans: i32,
    n: usize,
    k: usize,
    alpha: *const T::Real,
    a: *const T,
    rsa: isize,
    csa: isize,
    beta: *const T::Real,
    c: *mut T,
    rsc: isize,
    csc: isize,
) -> Result<(), CapiError>
where
    dyn HostBackend: Level3<T>,
{
    // SAFETY: forwarded pointer contracts.
    let ctx = unsafe { ffi::context(ctx)? };
    let uplo = uplo_from(uplo, "uplo")?;
    let trans = trans_from(trans, "trans")?;
    // SAFETY: forwarded pointer contracts.
    let alpha = unsafe { ffi::scalar(alpha, "alpha")? };
    let (rows, cols) = (
        if trans == oxpar::Trans::No { n } else { k },
        if trans == oxpar::Trans::No { k } else { n },
    );
    // SAFETY: forwarded pointer contracts.
    let av = unsafe { ffi::mat_ref(a, rows, cols, rsa, csa, ["a", "rsa", "csa"])? };
    // SAFETY: forwarded pointer contracts.
    let beta = unsafe { ffi::scalar(beta, "beta")? };
    let (rows, cols) = (n, n);
    // SAFETY: forwarded pointer contracts.
    let cv = unsafe { ffi::mat_mut(c, rows, cols, rsc, csc, ["c", "rsc", "csc"])? };
    // Inputs that share memory with c are read from copies.
    let outputs = [Operand::matrix(cv.as_ref())];
    let a_copy = detach_mat(av, &outputs);
    Ok(Level3::<T>::herk(
        ctx.host(),
        uplo,
        alpha,
        trans.apply(read_mat(av, &a_copy)),
        beta,
        cv,
    )?)
}

/// `C := alpha*op(A)*op(A)^H + beta*C` (`alpha`, `beta` real) on the `uplo` triangle of the
/// Hermitian `n x n` `C`, `op(A)` being `n x k`: `A` (trans no, stored `n x k`) or `A^H`
/// (trans conj, stored `k x n`), on single-precision complex numbers.
///
/// The other triangle of `C` is neither read nor written, and its diagonal comes out real.
/// `beta == 0` does not read `C` (NaN there does not come out). `OXPAR_TRANS_YES` takes
/// `op(A) = A^T`, which BLAS does not offer.
///
/// `uplo` (`OXPAR_UPLO_UPPER` or `OXPAR_UPLO_LOWER`): which triangle of `c` (as stored) is
/// used; `trans` (`OXPAR_TRANS_NO`, `OXPAR_TRANS_YES` or `OXPAR_TRANS_CONJ`): whether op(a)
/// is `a`, its transpose or its conjugate transpose (`OXPAR_TRANS_CONJ`, the transpose for
/// real elements, as BLAS's `'C'`).
///
/// Shapes: `a` is `n x k` (trans = `OXPAR_TRANS_NO`) or `k x n` (`OXPAR_TRANS_YES`) as
/// stored; `c` is `n x n` as stored. A matrix is given by a pointer to its element (0, 0) and
/// its element strides (row, column): column-major (Fortran) data has `rs = 1, cs = ld`,
/// row-major (C) data `rs = ld, cs = 1`; a vector by a pointer to its logical first element
/// and its increment.
///
/// Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, alpha, beta; `a` or `c` when not empty),
/// `OXPAR_STATUS_INVALID_ARGUMENT` (uplo neither `OXPAR_UPLO_UPPER` nor `OXPAR_UPLO_LOWER`;
/// trans none of `OXPAR_TRANS_NO`, `OXPAR_TRANS_YES`, `OXPAR_TRANS_CONJ`; an array not
/// aligned for its type), `OXPAR_STATUS_INVALID_STRIDE` (strides that give two elements of
/// `c` the same address, or an array beyond the address space). `a` may have any strides, 0
/// included, and may share memory with `c`: the result is as if it were read first. On an MPI
/// context `OXPAR_STATUS_UNSUPPORTED` on every rank (the call is not collective).
///
/// # Safety
/// `ctx` is NULL or a live context; every non-NULL pointer addresses the elements its sizes
/// and strides describe (readable, and writable for outputs) for the duration of the call.
#[no_mangle]
pub unsafe extern "C" fn oxpar_cherk(
    ctx: *const oxpar_context,
    uplo: i32,
    trans: i32,
    n: usize,
    k: usize,
    alpha: *const f32,
    a: *const oxpar_c32,
    rsa: isize,
    csa: isize,
    beta: *const f32,
    c: *mut oxpar_c32,
    rsc: isize,
    csc: isize,
) -> oxpar_status {
    // SAFETY: this function's contract.
    call("oxpar_cherk", || unsafe {
        herk(
            ctx, uplo, trans, n, k, alpha, a, rsa, csa, beta, c, rsc, csc,
        )
    })
}

/// `C := alpha*op(A)*op(A)^H + beta*C` (`alpha`, `beta` real) on the `uplo` triangle of the
/// Hermitian `n x n` `C`, `op(A)` being `n x k`: `A` (trans no, stored `n x k`) or `A^H`
/// (trans conj, stored `k x n`), on double-precision complex numbers.
///
/// The other triangle of `C` is neither read nor written, and its diagonal comes out real.
/// `beta == 0` does not read `C` (NaN there does not come out). `OXPAR_TRANS_YES` takes
/// `op(A) = A^T`, which BLAS does not offer.
///
/// `uplo` (`OXPAR_UPLO_UPPER` or `OXPAR_UPLO_LOWER`): which triangle of `c` (as stored) is
/// used; `trans` (`OXPAR_TRANS_NO`, `OXPAR_TRANS_YES` or `OXPAR_TRANS_CONJ`): whether op(a)
/// is `a`, its transpose or its conjugate transpose (`OXPAR_TRANS_CONJ`, the transpose for
/// real elements, as BLAS's `'C'`).
///
/// Shapes: `a` is `n x k` (trans = `OXPAR_TRANS_NO`) or `k x n` (`OXPAR_TRANS_YES`) as
/// stored; `c` is `n x n` as stored. A matrix is given by a pointer to its element (0, 0) and
/// its element strides (row, column): column-major (Fortran) data has `rs = 1, cs = ld`,
/// row-major (C) data `rs = ld, cs = 1`; a vector by a pointer to its logical first element
/// and its increment.
///
/// Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, alpha, beta; `a` or `c` when not empty),
/// `OXPAR_STATUS_INVALID_ARGUMENT` (uplo neither `OXPAR_UPLO_UPPER` nor `OXPAR_UPLO_LOWER`;
/// trans none of `OXPAR_TRANS_NO`, `OXPAR_TRANS_YES`, `OXPAR_TRANS_CONJ`; an array not
/// aligned for its type), `OXPAR_STATUS_INVALID_STRIDE` (strides that give two elements of
/// `c` the same address, or an array beyond the address space). `a` may have any strides, 0
/// included, and may share memory with `c`: the result is as if it were read first. On an MPI
/// context `OXPAR_STATUS_UNSUPPORTED` on every rank (the call is not collective).
///
/// # Safety
/// `ctx` is NULL or a live context; every non-NULL pointer addresses the elements its sizes
/// and strides describe (readable, and writable for outputs) for the duration of the call.
#[no_mangle]
pub unsafe extern "C" fn oxpar_zherk(
    ctx: *const oxpar_context,
    uplo: i32,
    trans: i32,
    n: usize,
    k: usize,
    alpha: *const f64,
    a: *const oxpar_c64,
    rsa: isize,
    csa: isize,
    beta: *const f64,
    c: *mut oxpar_c64,
    rsc: isize,
    csc: isize,
) -> oxpar_status {
    // SAFETY: this function's contract.
    call("oxpar_zherk", || unsafe {
        herk(
            ctx, uplo, trans, n, k, alpha, a, rsa, csa, beta, c, rsc, csc,
        )
    })
}

/// # Safety
/// The pointer contracts of the exported functions that call it.
#[allow(clippy::too_many_arguments, reason = "the BLAS signature")]
unsafe fn her2k<T: Element>(
    ctx: *const oxpar_context,
    uplo: i32,
    trans: i32,
    n: usize,
    k: usize,
    alpha: *const T,
    a: *const T,
    rsa: isize,
    csa: isize,
    b: *const T,
    rsb: isize,
    csb: isize,
    beta: *const T::Real,
    c: *mut T,
    rsc: isize,
    csc: isize,
) -> Result<(), CapiError>
where
    dyn HostBackend: Level3<T>,
{
    // SAFETY: forwarded pointer contracts.
    let ctx = unsafe { ffi::context(ctx)? };
    let uplo = uplo_from(uplo, "uplo")?;
    let trans = trans_from(trans, "trans")?;
    // SAFETY: forwarded pointer contracts.
    let alpha = unsafe { ffi::scalar(alpha, "alpha")? };
    let (rows, cols) = (
        if trans == oxpar::Trans::No { n } else { k },
        if trans == oxpar::Trans::No { k } else { n },
    );
    // SAFETY: forwarded pointer contracts.
    let av = unsafe { ffi::mat_ref(a, rows, cols, rsa, csa, ["a", "rsa", "csa"])? };
    let (rows, cols) = (
        if trans == oxpar::Trans::No { n } else { k },
        if trans == oxpar::Trans::No { k } else { n },
    );
    // SAFETY: forwarded pointer contracts.
    let bv = unsafe { ffi::mat_ref(b, rows, cols, rsb, csb, ["b", "rsb", "csb"])? };
    // SAFETY: forwarded pointer contracts.
    let beta = unsafe { ffi::scalar(beta, "beta")? };
    let (rows, cols) = (n, n);
    // SAFETY: forwarded pointer contracts.
    let cv = unsafe { ffi::mat_mut(c, rows, cols, rsc, csc, ["c", "rsc", "csc"])? };
    // Inputs that share memory with c are read from copies.
    let outputs = [Operand::matrix(cv.as_ref())];
    let a_copy = detach_mat(av, &outputs);
    let b_copy = detach_mat(bv, &outputs);
    Ok(Level3::<T>::her2k(
        ctx.host(),
        uplo,
        alpha,
        trans.apply(read_mat(av, &a_copy)),
        trans.apply(read_mat(bv, &b_copy)),
        beta,
        cv,
    )?)
}

/// `C := alpha*op(A)*op(B)^H + conj(alpha)*op(B)*op(A)^H + beta*C` (`beta` real) on the
/// `uplo` triangle of the Hermitian `n x n` `C`, `op(A)`, `op(B)` being `n x k`: as stored
/// (trans no) or `A^H`, `B^H` (trans conj, stored `k x n`), on single-precision complex
/// numbers.
///
/// The other triangle of `C` is neither read nor written, and its diagonal comes out real.
/// `beta == 0` does not read `C` (NaN there does not come out). `OXPAR_TRANS_YES` takes the
/// plain transposes, which BLAS does not offer.
///
/// `uplo` (`OXPAR_UPLO_UPPER` or `OXPAR_UPLO_LOWER`): which triangle of `c` (as stored) is
/// used; `trans` (`OXPAR_TRANS_NO`, `OXPAR_TRANS_YES` or `OXPAR_TRANS_CONJ`): whether op(a,
/// b) is `a, b`, its transpose or its conjugate transpose (`OXPAR_TRANS_CONJ`, the transpose
/// for real elements, as BLAS's `'C'`).
///
/// Shapes: `a` is `n x k` (trans = `OXPAR_TRANS_NO`) or `k x n` (`OXPAR_TRANS_YES`) as
/// stored; `b` is `n x k` (trans = `OXPAR_TRANS_NO`) or `k x n` (`OXPAR_TRANS_YES`) as
/// stored; `c` is `n x n` as stored. A matrix is given by a pointer to its element (0, 0) and
/// its element strides (row, column): column-major (Fortran) data has `rs = 1, cs = ld`,
/// row-major (C) data `rs = ld, cs = 1`; a vector by a pointer to its logical first element
/// and its increment.
///
/// Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, alpha, beta; `a`, `b` or `c` when not empty),
/// `OXPAR_STATUS_INVALID_ARGUMENT` (uplo neither `OXPAR_UPLO_UPPER` nor `OXPAR_UPLO_LOWER`;
/// trans none of `OXPAR_TRANS_NO`, `OXPAR_TRANS_YES`, `OXPAR_TRANS_CONJ`; an array not
/// aligned for its type), `OXPAR_STATUS_INVALID_STRIDE` (strides that give two elements of
/// `c` the same address, or an array beyond the address space). `a` and `b` may have any
/// strides, 0 included, and may share memory with `c`: the result is as if they were read
/// first. On an MPI context `OXPAR_STATUS_UNSUPPORTED` on every rank (the call is not
/// collective).
///
/// # Safety
/// `ctx` is NULL or a live context; every non-NULL pointer addresses the elements its sizes
/// and strides describe (readable, and writable for outputs) for the duration of the call.
#[no_mangle]
pub unsafe extern "C" fn oxpar_cher2k(
    ctx: *const oxpar_context,
    uplo: i32,
    trans: i32,
    n: usize,
    k: usize,
    alpha: *const oxpar_c32,
    a: *const oxpar_c32,
    rsa: isize,
    csa: isize,
    b: *const oxpar_c32,
    rsb: isize,
    csb: isize,
    beta: *const f32,
    c: *mut oxpar_c32,
    rsc: isize,
    csc: isize,
) -> oxpar_status {
    // SAFETY: this function's contract.
    call("oxpar_cher2k", || unsafe {
        her2k(
            ctx, uplo, trans, n, k, alpha, a, rsa, csa, b, rsb, csb, beta, c, rsc, csc,
        )
    })
}

/// `C := alpha*op(A)*op(B)^H + conj(alpha)*op(B)*op(A)^H + beta*C` (`beta` real) on the
/// `uplo` triangle of the Hermitian `n x n` `C`, `op(A)`, `op(B)` being `n x k`: as stored
/// (trans no) or `A^H`, `B^H` (trans conj, stored `k x n`), on double-precision complex
/// numbers.
///
/// The other triangle of `C` is neither read nor written, and its diagonal comes out real.
/// `beta == 0` does not read `C` (NaN there does not come out). `OXPAR_TRANS_YES` takes the
/// plain transposes, which BLAS does not offer.
///
/// `uplo` (`OXPAR_UPLO_UPPER` or `OXPAR_UPLO_LOWER`): which triangle of `c` (as stored) is
/// used; `trans` (`OXPAR_TRANS_NO`, `OXPAR_TRANS_YES` or `OXPAR_TRANS_CONJ`): whether op(a,
/// b) is `a, b`, its transpose or its conjugate transpose (`OXPAR_TRANS_CONJ`, the transpose
/// for real elements, as BLAS's `'C'`).
///
/// Shapes: `a` is `n x k` (trans = `OXPAR_TRANS_NO`) or `k x n` (`OXPAR_TRANS_YES`) as
/// stored; `b` is `n x k` (trans = `OXPAR_TRANS_NO`) or `k x n` (`OXPAR_TRANS_YES`) as
/// stored; `c` is `n x n` as stored. A matrix is given by a pointer to its element (0, 0) and
/// its element strides (row, column): column-major (Fortran) data has `rs = 1, cs = ld`,
/// row-major (C) data `rs = ld, cs = 1`; a vector by a pointer to its logical first element
/// and its increment.
///
/// Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, alpha, beta; `a`, `b` or `c` when not empty),
/// `OXPAR_STATUS_INVALID_ARGUMENT` (uplo neither `OXPAR_UPLO_UPPER` nor `OXPAR_UPLO_LOWER`;
/// trans none of `OXPAR_TRANS_NO`, `OXPAR_TRANS_YES`, `OXPAR_TRANS_CONJ`; an array not
/// aligned for its type), `OXPAR_STATUS_INVALID_STRIDE` (strides that give two elements of
/// `c` the same address, or an array beyond the address space). `a` and `b` may have any
/// strides, 0 included, and may share memory with `c`: the result is as if they were read
/// first. On an MPI context `OXPAR_STATUS_UNSUPPORTED` on every rank (the call is not
/// collective).
///
/// # Safety
/// `ctx` is NULL or a live context; every non-NULL pointer addresses the elements its sizes
/// and strides describe (readable, and writable for outputs) for the duration of the call.
#[no_mangle]
pub unsafe extern "C" fn oxpar_zher2k(
    ctx: *const oxpar_context,
    uplo: i32,
    trans: i32,
    n: usize,
    k: usize,
    alpha: *const oxpar_c64,
    a: *const oxpar_c64,
    rsa: isize,
    csa: isize,
    b: *const oxpar_c64,
    rsb: isize,
    csb: isize,
    beta: *const f64,
    c: *mut oxpar_c64,
    rsc: isize,
    csc: isize,
) -> oxpar_status {
    // SAFETY: this function's contract.
    call("oxpar_zher2k", || unsafe {
        her2k(
            ctx, uplo, trans, n, k, alpha, a, rsa, csa, b, rsb, csb, beta, c, rsc, csc,
        )
    })
}

/// # Safety
/// The pointer contracts of the exported functions that call it.
#[allow(clippy::too_many_arguments, reason = "the BLAS signature")]
unsafe fn trmm<T: Element>(
    ctx: *const oxpar_context,
    side: i32,
    uplo: i32,
    trans: i32,
    diag: i32,
    m: usize,
    n: usize,
    alpha: *const T,
    a: *const T,
    rsa: isize,
    csa: isize,
    b: *mut T,
    rsb: isize,
    csb: isize,
) -> Result<(), CapiError>
where
    dyn HostBackend: Level3<T>,
{
    // SAFETY: forwarded pointer contracts.
    let ctx = unsafe { ffi::context(ctx)? };
    let side = side_from(side, "side")?;
    let uplo = uplo_from(uplo, "uplo")?;
    let trans = trans_from(trans, "trans")?;
    let diag = diag_from(diag, "diag")?;
    // SAFETY: forwarded pointer contracts.
    let alpha = unsafe { ffi::scalar(alpha, "alpha")? };
    let (rows, cols) = (
        if side == oxpar::Side::Left { m } else { n },
        if side == oxpar::Side::Left { m } else { n },
    );
    // SAFETY: forwarded pointer contracts.
    let av = unsafe { ffi::mat_ref(a, rows, cols, rsa, csa, ["a", "rsa", "csa"])? };
    let (rows, cols) = (m, n);
    // SAFETY: forwarded pointer contracts.
    let bv = unsafe { ffi::mat_mut(b, rows, cols, rsb, csb, ["b", "rsb", "csb"])? };
    // The (conjugate) transpose of the view holds the other triangle.
    let uplo = if trans.is_transposed() {
        uplo.flip()
    } else {
        uplo
    };
    // Inputs that share memory with b are read from copies.
    let outputs = [Operand::matrix(bv.as_ref())];
    let a_copy = detach_mat(av, &outputs);
    Ok(Level3::<T>::trmm(
        ctx.host(),
        side,
        uplo,
        diag,
        alpha,
        trans.apply(read_mat(av, &a_copy)),
        bv,
    )?)
}

/// `B := alpha*op(A)*B` (side left) or `alpha*B*op(A)` (side right) with `A` triangular, held
/// in its `uplo` triangle, on floats.
///
/// The other triangle of `A` is not read, nor its diagonal when `diag` is unit.
///
/// `side` (`OXPAR_SIDE_LEFT` or `OXPAR_SIDE_RIGHT`): on which side of `b` the matrix `a`
/// stands; `uplo` (`OXPAR_UPLO_UPPER` or `OXPAR_UPLO_LOWER`): which triangle of `a` (as
/// stored) is used; `trans` (`OXPAR_TRANS_NO`, `OXPAR_TRANS_YES` or `OXPAR_TRANS_CONJ`):
/// whether op(a) is `a`, its transpose or its conjugate transpose (`OXPAR_TRANS_CONJ`, the
/// transpose for real elements, as BLAS's `'C'`); `diag` (`OXPAR_DIAG_NON_UNIT` or
/// `OXPAR_DIAG_UNIT`): whether the diagonal of `a` is read or taken as all ones.
///
/// Shapes: `a` is `m x m` (side = `OXPAR_SIDE_LEFT`) or `n x n` (`OXPAR_SIDE_RIGHT`) as
/// stored; `b` is `m x n` as stored. A matrix is given by a pointer to its element (0, 0) and
/// its element strides (row, column): column-major (Fortran) data has `rs = 1, cs = ld`,
/// row-major (C) data `rs = ld, cs = 1`; a vector by a pointer to its logical first element
/// and its increment.
///
/// Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, alpha; `a` or `b` when not empty),
/// `OXPAR_STATUS_INVALID_ARGUMENT` (side neither `OXPAR_SIDE_LEFT` nor `OXPAR_SIDE_RIGHT`;
/// uplo neither `OXPAR_UPLO_UPPER` nor `OXPAR_UPLO_LOWER`; trans none of `OXPAR_TRANS_NO`,
/// `OXPAR_TRANS_YES`, `OXPAR_TRANS_CONJ`; diag neither `OXPAR_DIAG_NON_UNIT` nor
/// `OXPAR_DIAG_UNIT`; an array not aligned for its type), `OXPAR_STATUS_INVALID_STRIDE`
/// (strides that give two elements of `b` the same address, or an array beyond the address
/// space). `a` may have any strides, 0 included, and may share memory with `b`: the result is
/// as if it were read first. On an MPI context `OXPAR_STATUS_UNSUPPORTED` on every rank (the
/// call is not collective).
///
/// # Safety
/// `ctx` is NULL or a live context; every non-NULL pointer addresses the elements its sizes
/// and strides describe (readable, and writable for outputs) for the duration of the call.
#[no_mangle]
pub unsafe extern "C" fn oxpar_strmm(
    ctx: *const oxpar_context,
    side: i32,
    uplo: i32,
    trans: i32,
    diag: i32,
    m: usize,
    n: usize,
    alpha: *const f32,
    a: *const f32,
    rsa: isize,
    csa: isize,
    b: *mut f32,
    rsb: isize,
    csb: isize,
) -> oxpar_status {
    // SAFETY: this function's contract.
    call("oxpar_strmm", || unsafe {
        trmm(
            ctx, side, uplo, trans, diag, m, n, alpha, a, rsa, csa, b, rsb, csb,
        )
    })
}

/// `B := alpha*op(A)*B` (side left) or `alpha*B*op(A)` (side right) with `A` triangular, held
/// in its `uplo` triangle, on doubles.
///
/// The other triangle of `A` is not read, nor its diagonal when `diag` is unit.
///
/// `side` (`OXPAR_SIDE_LEFT` or `OXPAR_SIDE_RIGHT`): on which side of `b` the matrix `a`
/// stands; `uplo` (`OXPAR_UPLO_UPPER` or `OXPAR_UPLO_LOWER`): which triangle of `a` (as
/// stored) is used; `trans` (`OXPAR_TRANS_NO`, `OXPAR_TRANS_YES` or `OXPAR_TRANS_CONJ`):
/// whether op(a) is `a`, its transpose or its conjugate transpose (`OXPAR_TRANS_CONJ`, the
/// transpose for real elements, as BLAS's `'C'`); `diag` (`OXPAR_DIAG_NON_UNIT` or
/// `OXPAR_DIAG_UNIT`): whether the diagonal of `a` is read or taken as all ones.
///
/// Shapes: `a` is `m x m` (side = `OXPAR_SIDE_LEFT`) or `n x n` (`OXPAR_SIDE_RIGHT`) as
/// stored; `b` is `m x n` as stored. A matrix is given by a pointer to its element (0, 0) and
/// its element strides (row, column): column-major (Fortran) data has `rs = 1, cs = ld`,
/// row-major (C) data `rs = ld, cs = 1`; a vector by a pointer to its logical first element
/// and its increment.
///
/// Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, alpha; `a` or `b` when not empty),
/// `OXPAR_STATUS_INVALID_ARGUMENT` (side neither `OXPAR_SIDE_LEFT` nor `OXPAR_SIDE_RIGHT`;
/// uplo neither `OXPAR_UPLO_UPPER` nor `OXPAR_UPLO_LOWER`; trans none of `OXPAR_TRANS_NO`,
/// `OXPAR_TRANS_YES`, `OXPAR_TRANS_CONJ`; diag neither `OXPAR_DIAG_NON_UNIT` nor
/// `OXPAR_DIAG_UNIT`; an array not aligned for its type), `OXPAR_STATUS_INVALID_STRIDE`
/// (strides that give two elements of `b` the same address, or an array beyond the address
/// space). `a` may have any strides, 0 included, and may share memory with `b`: the result is
/// as if it were read first. On an MPI context `OXPAR_STATUS_UNSUPPORTED` on every rank (the
/// call is not collective).
///
/// # Safety
/// `ctx` is NULL or a live context; every non-NULL pointer addresses the elements its sizes
/// and strides describe (readable, and writable for outputs) for the duration of the call.
#[no_mangle]
pub unsafe extern "C" fn oxpar_dtrmm(
    ctx: *const oxpar_context,
    side: i32,
    uplo: i32,
    trans: i32,
    diag: i32,
    m: usize,
    n: usize,
    alpha: *const f64,
    a: *const f64,
    rsa: isize,
    csa: isize,
    b: *mut f64,
    rsb: isize,
    csb: isize,
) -> oxpar_status {
    // SAFETY: this function's contract.
    call("oxpar_dtrmm", || unsafe {
        trmm(
            ctx, side, uplo, trans, diag, m, n, alpha, a, rsa, csa, b, rsb, csb,
        )
    })
}

/// `B := alpha*op(A)*B` (side left) or `alpha*B*op(A)` (side right) with `A` triangular, held
/// in its `uplo` triangle, on single-precision complex numbers.
///
/// The other triangle of `A` is not read, nor its diagonal when `diag` is unit.
///
/// `side` (`OXPAR_SIDE_LEFT` or `OXPAR_SIDE_RIGHT`): on which side of `b` the matrix `a`
/// stands; `uplo` (`OXPAR_UPLO_UPPER` or `OXPAR_UPLO_LOWER`): which triangle of `a` (as
/// stored) is used; `trans` (`OXPAR_TRANS_NO`, `OXPAR_TRANS_YES` or `OXPAR_TRANS_CONJ`):
/// whether op(a) is `a`, its transpose or its conjugate transpose (`OXPAR_TRANS_CONJ`, the
/// transpose for real elements, as BLAS's `'C'`); `diag` (`OXPAR_DIAG_NON_UNIT` or
/// `OXPAR_DIAG_UNIT`): whether the diagonal of `a` is read or taken as all ones.
///
/// Shapes: `a` is `m x m` (side = `OXPAR_SIDE_LEFT`) or `n x n` (`OXPAR_SIDE_RIGHT`) as
/// stored; `b` is `m x n` as stored. A matrix is given by a pointer to its element (0, 0) and
/// its element strides (row, column): column-major (Fortran) data has `rs = 1, cs = ld`,
/// row-major (C) data `rs = ld, cs = 1`; a vector by a pointer to its logical first element
/// and its increment.
///
/// Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, alpha; `a` or `b` when not empty),
/// `OXPAR_STATUS_INVALID_ARGUMENT` (side neither `OXPAR_SIDE_LEFT` nor `OXPAR_SIDE_RIGHT`;
/// uplo neither `OXPAR_UPLO_UPPER` nor `OXPAR_UPLO_LOWER`; trans none of `OXPAR_TRANS_NO`,
/// `OXPAR_TRANS_YES`, `OXPAR_TRANS_CONJ`; diag neither `OXPAR_DIAG_NON_UNIT` nor
/// `OXPAR_DIAG_UNIT`; an array not aligned for its type), `OXPAR_STATUS_INVALID_STRIDE`
/// (strides that give two elements of `b` the same address, or an array beyond the address
/// space). `a` may have any strides, 0 included, and may share memory with `b`: the result is
/// as if it were read first. On an MPI context `OXPAR_STATUS_UNSUPPORTED` on every rank (the
/// call is not collective).
///
/// # Safety
/// `ctx` is NULL or a live context; every non-NULL pointer addresses the elements its sizes
/// and strides describe (readable, and writable for outputs) for the duration of the call.
#[no_mangle]
pub unsafe extern "C" fn oxpar_ctrmm(
    ctx: *const oxpar_context,
    side: i32,
    uplo: i32,
    trans: i32,
    diag: i32,
    m: usize,
    n: usize,
    alpha: *const oxpar_c32,
    a: *const oxpar_c32,
    rsa: isize,
    csa: isize,
    b: *mut oxpar_c32,
    rsb: isize,
    csb: isize,
) -> oxpar_status {
    // SAFETY: this function's contract.
    call("oxpar_ctrmm", || unsafe {
        trmm(
            ctx, side, uplo, trans, diag, m, n, alpha, a, rsa, csa, b, rsb, csb,
        )
    })
}

/// `B := alpha*op(A)*B` (side left) or `alpha*B*op(A)` (side right) with `A` triangular, held
/// in its `uplo` triangle, on double-precision complex numbers.
///
/// The other triangle of `A` is not read, nor its diagonal when `diag` is unit.
///
/// `side` (`OXPAR_SIDE_LEFT` or `OXPAR_SIDE_RIGHT`): on which side of `b` the matrix `a`
/// stands; `uplo` (`OXPAR_UPLO_UPPER` or `OXPAR_UPLO_LOWER`): which triangle of `a` (as
/// stored) is used; `trans` (`OXPAR_TRANS_NO`, `OXPAR_TRANS_YES` or `OXPAR_TRANS_CONJ`):
/// whether op(a) is `a`, its transpose or its conjugate transpose (`OXPAR_TRANS_CONJ`, the
/// transpose for real elements, as BLAS's `'C'`); `diag` (`OXPAR_DIAG_NON_UNIT` or
/// `OXPAR_DIAG_UNIT`): whether the diagonal of `a` is read or taken as all ones.
///
/// Shapes: `a` is `m x m` (side = `OXPAR_SIDE_LEFT`) or `n x n` (`OXPAR_SIDE_RIGHT`) as
/// stored; `b` is `m x n` as stored. A matrix is given by a pointer to its element (0, 0) and
/// its element strides (row, column): column-major (Fortran) data has `rs = 1, cs = ld`,
/// row-major (C) data `rs = ld, cs = 1`; a vector by a pointer to its logical first element
/// and its increment.
///
/// Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, alpha; `a` or `b` when not empty),
/// `OXPAR_STATUS_INVALID_ARGUMENT` (side neither `OXPAR_SIDE_LEFT` nor `OXPAR_SIDE_RIGHT`;
/// uplo neither `OXPAR_UPLO_UPPER` nor `OXPAR_UPLO_LOWER`; trans none of `OXPAR_TRANS_NO`,
/// `OXPAR_TRANS_YES`, `OXPAR_TRANS_CONJ`; diag neither `OXPAR_DIAG_NON_UNIT` nor
/// `OXPAR_DIAG_UNIT`; an array not aligned for its type), `OXPAR_STATUS_INVALID_STRIDE`
/// (strides that give two elements of `b` the same address, or an array beyond the address
/// space). `a` may have any strides, 0 included, and may share memory with `b`: the result is
/// as if it were read first. On an MPI context `OXPAR_STATUS_UNSUPPORTED` on every rank (the
/// call is not collective).
///
/// # Safety
/// `ctx` is NULL or a live context; every non-NULL pointer addresses the elements its sizes
/// and strides describe (readable, and writable for outputs) for the duration of the call.
#[no_mangle]
pub unsafe extern "C" fn oxpar_ztrmm(
    ctx: *const oxpar_context,
    side: i32,
    uplo: i32,
    trans: i32,
    diag: i32,
    m: usize,
    n: usize,
    alpha: *const oxpar_c64,
    a: *const oxpar_c64,
    rsa: isize,
    csa: isize,
    b: *mut oxpar_c64,
    rsb: isize,
    csb: isize,
) -> oxpar_status {
    // SAFETY: this function's contract.
    call("oxpar_ztrmm", || unsafe {
        trmm(
            ctx, side, uplo, trans, diag, m, n, alpha, a, rsa, csa, b, rsb, csb,
        )
    })
}

/// # Safety
/// The pointer contracts of the exported functions that call it.
#[allow(clippy::too_many_arguments, reason = "the BLAS signature")]
unsafe fn trsm<T: Element>(
    ctx: *const oxpar_context,
    side: i32,
    uplo: i32,
    trans: i32,
    diag: i32,
    m: usize,
    n: usize,
    alpha: *const T,
    a: *const T,
    rsa: isize,
    csa: isize,
    b: *mut T,
    rsb: isize,
    csb: isize,
) -> Result<(), CapiError>
where
    dyn HostBackend: Level3<T>,
{
    // SAFETY: forwarded pointer contracts.
    let ctx = unsafe { ffi::context(ctx)? };
    let side = side_from(side, "side")?;
    let uplo = uplo_from(uplo, "uplo")?;
    let trans = trans_from(trans, "trans")?;
    let diag = diag_from(diag, "diag")?;
    // SAFETY: forwarded pointer contracts.
    let alpha = unsafe { ffi::scalar(alpha, "alpha")? };
    let (rows, cols) = (
        if side == oxpar::Side::Left { m } else { n },
        if side == oxpar::Side::Left { m } else { n },
    );
    // SAFETY: forwarded pointer contracts.
    let av = unsafe { ffi::mat_ref(a, rows, cols, rsa, csa, ["a", "rsa", "csa"])? };
    let (rows, cols) = (m, n);
    // SAFETY: forwarded pointer contracts.
    let bv = unsafe { ffi::mat_mut(b, rows, cols, rsb, csb, ["b", "rsb", "csb"])? };
    // The (conjugate) transpose of the view holds the other triangle.
    let uplo = if trans.is_transposed() {
        uplo.flip()
    } else {
        uplo
    };
    // Inputs that share memory with b are read from copies.
    let outputs = [Operand::matrix(bv.as_ref())];
    let a_copy = detach_mat(av, &outputs);
    Ok(Level3::<T>::trsm(
        ctx.host(),
        side,
        uplo,
        diag,
        alpha,
        trans.apply(read_mat(av, &a_copy)),
        bv,
    )?)
}

/// `B := alpha*op(A)^-1*B` (side left) or `alpha*B*op(A)^-1` (side right) with `A`
/// triangular, held in its `uplo` triangle, on floats.
///
/// Solves `op(A)*X = alpha*B` or `X*op(A) = alpha*B` for `X`, which overwrites `B`. The other
/// triangle of `A` is not read, nor its diagonal when `diag` is unit. No test for
/// singularity: a zero on the diagonal gives infinities or NaN, as in BLAS.
///
/// `side` (`OXPAR_SIDE_LEFT` or `OXPAR_SIDE_RIGHT`): on which side of `b` the matrix `a`
/// stands; `uplo` (`OXPAR_UPLO_UPPER` or `OXPAR_UPLO_LOWER`): which triangle of `a` (as
/// stored) is used; `trans` (`OXPAR_TRANS_NO`, `OXPAR_TRANS_YES` or `OXPAR_TRANS_CONJ`):
/// whether op(a) is `a`, its transpose or its conjugate transpose (`OXPAR_TRANS_CONJ`, the
/// transpose for real elements, as BLAS's `'C'`); `diag` (`OXPAR_DIAG_NON_UNIT` or
/// `OXPAR_DIAG_UNIT`): whether the diagonal of `a` is read or taken as all ones.
///
/// Shapes: `a` is `m x m` (side = `OXPAR_SIDE_LEFT`) or `n x n` (`OXPAR_SIDE_RIGHT`) as
/// stored; `b` is `m x n` as stored. A matrix is given by a pointer to its element (0, 0) and
/// its element strides (row, column): column-major (Fortran) data has `rs = 1, cs = ld`,
/// row-major (C) data `rs = ld, cs = 1`; a vector by a pointer to its logical first element
/// and its increment.
///
/// Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, alpha; `a` or `b` when not empty),
/// `OXPAR_STATUS_INVALID_ARGUMENT` (side neither `OXPAR_SIDE_LEFT` nor `OXPAR_SIDE_RIGHT`;
/// uplo neither `OXPAR_UPLO_UPPER` nor `OXPAR_UPLO_LOWER`; trans none of `OXPAR_TRANS_NO`,
/// `OXPAR_TRANS_YES`, `OXPAR_TRANS_CONJ`; diag neither `OXPAR_DIAG_NON_UNIT` nor
/// `OXPAR_DIAG_UNIT`; an array not aligned for its type), `OXPAR_STATUS_INVALID_STRIDE`
/// (strides that give two elements of `b` the same address, or an array beyond the address
/// space). `a` may have any strides, 0 included, and may share memory with `b`: the result is
/// as if it were read first. On an MPI context `OXPAR_STATUS_UNSUPPORTED` on every rank (the
/// call is not collective).
///
/// # Safety
/// `ctx` is NULL or a live context; every non-NULL pointer addresses the elements its sizes
/// and strides describe (readable, and writable for outputs) for the duration of the call.
#[no_mangle]
pub unsafe extern "C" fn oxpar_strsm(
    ctx: *const oxpar_context,
    side: i32,
    uplo: i32,
    trans: i32,
    diag: i32,
    m: usize,
    n: usize,
    alpha: *const f32,
    a: *const f32,
    rsa: isize,
    csa: isize,
    b: *mut f32,
    rsb: isize,
    csb: isize,
) -> oxpar_status {
    // SAFETY: this function's contract.
    call("oxpar_strsm", || unsafe {
        trsm(
            ctx, side, uplo, trans, diag, m, n, alpha, a, rsa, csa, b, rsb, csb,
        )
    })
}

/// `B := alpha*op(A)^-1*B` (side left) or `alpha*B*op(A)^-1` (side right) with `A`
/// triangular, held in its `uplo` triangle, on doubles.
///
/// Solves `op(A)*X = alpha*B` or `X*op(A) = alpha*B` for `X`, which overwrites `B`. The other
/// triangle of `A` is not read, nor its diagonal when `diag` is unit. No test for
/// singularity: a zero on the diagonal gives infinities or NaN, as in BLAS.
///
/// `side` (`OXPAR_SIDE_LEFT` or `OXPAR_SIDE_RIGHT`): on which side of `b` the matrix `a`
/// stands; `uplo` (`OXPAR_UPLO_UPPER` or `OXPAR_UPLO_LOWER`): which triangle of `a` (as
/// stored) is used; `trans` (`OXPAR_TRANS_NO`, `OXPAR_TRANS_YES` or `OXPAR_TRANS_CONJ`):
/// whether op(a) is `a`, its transpose or its conjugate transpose (`OXPAR_TRANS_CONJ`, the
/// transpose for real elements, as BLAS's `'C'`); `diag` (`OXPAR_DIAG_NON_UNIT` or
/// `OXPAR_DIAG_UNIT`): whether the diagonal of `a` is read or taken as all ones.
///
/// Shapes: `a` is `m x m` (side = `OXPAR_SIDE_LEFT`) or `n x n` (`OXPAR_SIDE_RIGHT`) as
/// stored; `b` is `m x n` as stored. A matrix is given by a pointer to its element (0, 0) and
/// its element strides (row, column): column-major (Fortran) data has `rs = 1, cs = ld`,
/// row-major (C) data `rs = ld, cs = 1`; a vector by a pointer to its logical first element
/// and its increment.
///
/// Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, alpha; `a` or `b` when not empty),
/// `OXPAR_STATUS_INVALID_ARGUMENT` (side neither `OXPAR_SIDE_LEFT` nor `OXPAR_SIDE_RIGHT`;
/// uplo neither `OXPAR_UPLO_UPPER` nor `OXPAR_UPLO_LOWER`; trans none of `OXPAR_TRANS_NO`,
/// `OXPAR_TRANS_YES`, `OXPAR_TRANS_CONJ`; diag neither `OXPAR_DIAG_NON_UNIT` nor
/// `OXPAR_DIAG_UNIT`; an array not aligned for its type), `OXPAR_STATUS_INVALID_STRIDE`
/// (strides that give two elements of `b` the same address, or an array beyond the address
/// space). `a` may have any strides, 0 included, and may share memory with `b`: the result is
/// as if it were read first. On an MPI context `OXPAR_STATUS_UNSUPPORTED` on every rank (the
/// call is not collective).
///
/// # Safety
/// `ctx` is NULL or a live context; every non-NULL pointer addresses the elements its sizes
/// and strides describe (readable, and writable for outputs) for the duration of the call.
#[no_mangle]
pub unsafe extern "C" fn oxpar_dtrsm(
    ctx: *const oxpar_context,
    side: i32,
    uplo: i32,
    trans: i32,
    diag: i32,
    m: usize,
    n: usize,
    alpha: *const f64,
    a: *const f64,
    rsa: isize,
    csa: isize,
    b: *mut f64,
    rsb: isize,
    csb: isize,
) -> oxpar_status {
    // SAFETY: this function's contract.
    call("oxpar_dtrsm", || unsafe {
        trsm(
            ctx, side, uplo, trans, diag, m, n, alpha, a, rsa, csa, b, rsb, csb,
        )
    })
}

/// `B := alpha*op(A)^-1*B` (side left) or `alpha*B*op(A)^-1` (side right) with `A`
/// triangular, held in its `uplo` triangle, on single-precision complex numbers.
///
/// Solves `op(A)*X = alpha*B` or `X*op(A) = alpha*B` for `X`, which overwrites `B`. The other
/// triangle of `A` is not read, nor its diagonal when `diag` is unit. No test for
/// singularity: a zero on the diagonal gives infinities or NaN, as in BLAS.
///
/// `side` (`OXPAR_SIDE_LEFT` or `OXPAR_SIDE_RIGHT`): on which side of `b` the matrix `a`
/// stands; `uplo` (`OXPAR_UPLO_UPPER` or `OXPAR_UPLO_LOWER`): which triangle of `a` (as
/// stored) is used; `trans` (`OXPAR_TRANS_NO`, `OXPAR_TRANS_YES` or `OXPAR_TRANS_CONJ`):
/// whether op(a) is `a`, its transpose or its conjugate transpose (`OXPAR_TRANS_CONJ`, the
/// transpose for real elements, as BLAS's `'C'`); `diag` (`OXPAR_DIAG_NON_UNIT` or
/// `OXPAR_DIAG_UNIT`): whether the diagonal of `a` is read or taken as all ones.
///
/// Shapes: `a` is `m x m` (side = `OXPAR_SIDE_LEFT`) or `n x n` (`OXPAR_SIDE_RIGHT`) as
/// stored; `b` is `m x n` as stored. A matrix is given by a pointer to its element (0, 0) and
/// its element strides (row, column): column-major (Fortran) data has `rs = 1, cs = ld`,
/// row-major (C) data `rs = ld, cs = 1`; a vector by a pointer to its logical first element
/// and its increment.
///
/// Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, alpha; `a` or `b` when not empty),
/// `OXPAR_STATUS_INVALID_ARGUMENT` (side neither `OXPAR_SIDE_LEFT` nor `OXPAR_SIDE_RIGHT`;
/// uplo neither `OXPAR_UPLO_UPPER` nor `OXPAR_UPLO_LOWER`; trans none of `OXPAR_TRANS_NO`,
/// `OXPAR_TRANS_YES`, `OXPAR_TRANS_CONJ`; diag neither `OXPAR_DIAG_NON_UNIT` nor
/// `OXPAR_DIAG_UNIT`; an array not aligned for its type), `OXPAR_STATUS_INVALID_STRIDE`
/// (strides that give two elements of `b` the same address, or an array beyond the address
/// space). `a` may have any strides, 0 included, and may share memory with `b`: the result is
/// as if it were read first. On an MPI context `OXPAR_STATUS_UNSUPPORTED` on every rank (the
/// call is not collective).
///
/// # Safety
/// `ctx` is NULL or a live context; every non-NULL pointer addresses the elements its sizes
/// and strides describe (readable, and writable for outputs) for the duration of the call.
#[no_mangle]
pub unsafe extern "C" fn oxpar_ctrsm(
    ctx: *const oxpar_context,
    side: i32,
    uplo: i32,
    trans: i32,
    diag: i32,
    m: usize,
    n: usize,
    alpha: *const oxpar_c32,
    a: *const oxpar_c32,
    rsa: isize,
    csa: isize,
    b: *mut oxpar_c32,
    rsb: isize,
    csb: isize,
) -> oxpar_status {
    // SAFETY: this function's contract.
    call("oxpar_ctrsm", || unsafe {
        trsm(
            ctx, side, uplo, trans, diag, m, n, alpha, a, rsa, csa, b, rsb, csb,
        )
    })
}

/// `B := alpha*op(A)^-1*B` (side left) or `alpha*B*op(A)^-1` (side right) with `A`
/// triangular, held in its `uplo` triangle, on double-precision complex numbers.
///
/// Solves `op(A)*X = alpha*B` or `X*op(A) = alpha*B` for `X`, which overwrites `B`. The other
/// triangle of `A` is not read, nor its diagonal when `diag` is unit. No test for
/// singularity: a zero on the diagonal gives infinities or NaN, as in BLAS.
///
/// `side` (`OXPAR_SIDE_LEFT` or `OXPAR_SIDE_RIGHT`): on which side of `b` the matrix `a`
/// stands; `uplo` (`OXPAR_UPLO_UPPER` or `OXPAR_UPLO_LOWER`): which triangle of `a` (as
/// stored) is used; `trans` (`OXPAR_TRANS_NO`, `OXPAR_TRANS_YES` or `OXPAR_TRANS_CONJ`):
/// whether op(a) is `a`, its transpose or its conjugate transpose (`OXPAR_TRANS_CONJ`, the
/// transpose for real elements, as BLAS's `'C'`); `diag` (`OXPAR_DIAG_NON_UNIT` or
/// `OXPAR_DIAG_UNIT`): whether the diagonal of `a` is read or taken as all ones.
///
/// Shapes: `a` is `m x m` (side = `OXPAR_SIDE_LEFT`) or `n x n` (`OXPAR_SIDE_RIGHT`) as
/// stored; `b` is `m x n` as stored. A matrix is given by a pointer to its element (0, 0) and
/// its element strides (row, column): column-major (Fortran) data has `rs = 1, cs = ld`,
/// row-major (C) data `rs = ld, cs = 1`; a vector by a pointer to its logical first element
/// and its increment.
///
/// Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, alpha; `a` or `b` when not empty),
/// `OXPAR_STATUS_INVALID_ARGUMENT` (side neither `OXPAR_SIDE_LEFT` nor `OXPAR_SIDE_RIGHT`;
/// uplo neither `OXPAR_UPLO_UPPER` nor `OXPAR_UPLO_LOWER`; trans none of `OXPAR_TRANS_NO`,
/// `OXPAR_TRANS_YES`, `OXPAR_TRANS_CONJ`; diag neither `OXPAR_DIAG_NON_UNIT` nor
/// `OXPAR_DIAG_UNIT`; an array not aligned for its type), `OXPAR_STATUS_INVALID_STRIDE`
/// (strides that give two elements of `b` the same address, or an array beyond the address
/// space). `a` may have any strides, 0 included, and may share memory with `b`: the result is
/// as if it were read first. On an MPI context `OXPAR_STATUS_UNSUPPORTED` on every rank (the
/// call is not collective).
///
/// # Safety
/// `ctx` is NULL or a live context; every non-NULL pointer addresses the elements its sizes
/// and strides describe (readable, and writable for outputs) for the duration of the call.
#[no_mangle]
pub unsafe extern "C" fn oxpar_ztrsm(
    ctx: *const oxpar_context,
    side: i32,
    uplo: i32,
    trans: i32,
    diag: i32,
    m: usize,
    n: usize,
    alpha: *const oxpar_c64,
    a: *const oxpar_c64,
    rsa: isize,
    csa: isize,
    b: *mut oxpar_c64,
    rsb: isize,
    csb: isize,
) -> oxpar_status {
    // SAFETY: this function's contract.
    call("oxpar_ztrsm", || unsafe {
        trsm(
            ctx, side, uplo, trans, diag, m, n, alpha, a, rsa, csa, b, rsb, csb,
        )
    })
}
