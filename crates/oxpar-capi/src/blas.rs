//! BLAS-style routines for `float` (`s`) and `double` (`d`).
//!
//! Each exported function is a thin, typed shell around one generic helper
//! (written out by hand rather than by a macro so that cbindgen sees every
//! signature).
//!
//! These are the routines with special cases (reproducible mode, MPI
//! collectives); the others are generated from the routine table into
//! `generated.rs`.

use oxpar::{HostBackend, Level1, Level2, Level3, Op, Scalar};

use crate::boundary::call;
use crate::context::oxpar_context;
use crate::ffi::{self, detach_mat, detach_vec, exclusive_outputs, read_mat, read_vec, Operand};
use crate::status::{oxpar_status, trans_from, CapiError};

type R = Result<(), CapiError>;

/// Runs the argument checks of a routine that is collective on some backends
/// (MPI). If they fail on this process, the backend is told, so that the
/// other ranks return an error too instead of waiting for this one forever.
pub(crate) fn collective_checks<V>(
    ctx: &oxpar_context,
    op: Op,
    checks: impl FnOnce() -> Result<V, CapiError>,
) -> Result<V, CapiError> {
    checks().inspect_err(|e| {
        let _ = ctx.host().reject(op, e.to_error());
    })
}

/// # Safety
/// The pointer contracts of the exported function that calls it.
unsafe fn axpy<T: Scalar>(
    ctx: *const oxpar_context,
    n: usize,
    alpha: *const T,
    x: *const T,
    incx: isize,
    y: *mut T,
    incy: isize,
) -> R
where
    dyn HostBackend: Level1<T>,
{
    // SAFETY: forwarded pointer contracts.
    let (ctx, alpha, xv, yv) = unsafe {
        (
            ffi::context(ctx)?,
            ffi::scalar(alpha, "alpha")?,
            ffi::vec_ref(x, n, incx, ["x", "incx"])?,
            ffi::vec_mut(y, n, incy, ["y", "incy"])?,
        )
    };
    // y := alpha*x + y with x sharing y's memory (x == y included) reads x
    // from a copy, so the kernel never sees aliased input and output.
    let x_copy = detach_vec(xv, &[Operand::vector(yv.as_ref())]);
    Ok(Level1::<T>::axpy(
        ctx.host(),
        alpha,
        read_vec(xv, &x_copy),
        yv,
    )?)
}

/// # Safety
/// The pointer contracts of the exported function that calls it.
unsafe fn scal<T: Scalar>(
    ctx: *const oxpar_context,
    n: usize,
    alpha: *const T,
    x: *mut T,
    incx: isize,
) -> R
where
    dyn HostBackend: Level1<T>,
{
    // SAFETY: forwarded pointer contracts.
    let (ctx, alpha, xv) = unsafe {
        (
            ffi::context(ctx)?,
            ffi::scalar(alpha, "alpha")?,
            ffi::vec_mut(x, n, incx, ["x", "incx"])?,
        )
    };
    Ok(Level1::<T>::scal(ctx.host(), alpha, xv)?)
}

/// # Safety
/// The pointer contracts of the exported function that calls it.
unsafe fn copy<T: Scalar>(
    ctx: *const oxpar_context,
    n: usize,
    x: *const T,
    incx: isize,
    y: *mut T,
    incy: isize,
) -> R
where
    dyn HostBackend: Level1<T>,
{
    // SAFETY: forwarded pointer contracts.
    let ctx = unsafe { ffi::context(ctx)? };
    // SAFETY: forwarded pointer contracts.
    let (xv, yv) = unsafe {
        (
            ffi::vec_ref(x, n, incx, ["x", "incx"])?,
            ffi::vec_mut(y, n, incy, ["y", "incy"])?,
        )
    };
    if std::ptr::eq(x, y) && xv.inc() == yv.inc() {
        return Ok(()); // copying a vector onto itself
    }
    let x_copy = detach_vec(xv, &[Operand::vector(yv.as_ref())]);
    Ok(Level1::<T>::copy(ctx.host(), read_vec(xv, &x_copy), yv)?)
}

/// # Safety
/// The pointer contracts of the exported function that calls it.
unsafe fn swap<T: Scalar>(
    ctx: *const oxpar_context,
    n: usize,
    x: *mut T,
    incx: isize,
    y: *mut T,
    incy: isize,
) -> R
where
    dyn HostBackend: Level1<T>,
{
    // SAFETY: forwarded pointer contracts.
    let ctx = unsafe { ffi::context(ctx)? };
    // SAFETY: forwarded pointer contracts. x and y may be the same memory:
    // nothing is written until that has been checked below.
    let (xv, yv) = unsafe {
        (
            ffi::vec_mut(x, n, incx, ["x", "incx"])?,
            ffi::vec_mut(y, n, incy, ["y", "incy"])?,
        )
    };
    if std::ptr::eq(x, y) && xv.inc() == yv.inc() {
        return Ok(()); // swapping a vector with itself
    }
    exclusive_outputs(
        ("x", Operand::vector(xv.as_ref())),
        ("y", Operand::vector(yv.as_ref())),
    )?;
    Ok(Level1::<T>::swap(ctx.host(), xv, yv)?)
}

/// # Safety
/// The pointer contracts of the exported function that calls it.
unsafe fn dot<T: Scalar>(
    ctx: *const oxpar_context,
    n: usize,
    x: *const T,
    incx: isize,
    y: *const T,
    incy: isize,
    out: *mut T,
) -> R
where
    dyn HostBackend: Level1<T>,
{
    // SAFETY: forwarded pointer contracts.
    let ctx = unsafe { ffi::context(ctx)? };
    // The context's backend is reproducible or not as the context says: the
    // collective told of a rejection is the one the call would make.
    let (xv, yv, out) = collective_checks(ctx, Op::Dot, || {
        // SAFETY: forwarded pointer contracts.
        let (xv, yv) = unsafe {
            (
                ffi::vec_ref(x, n, incx, ["x", "incx"])?,
                ffi::vec_ref(y, n, incy, ["y", "incy"])?,
            )
        };
        Ok((xv, yv, ffi::out_ptr(out, "out")?))
    })?;
    let value = Level1::<T>::dot(ctx.host(), xv, yv)?;
    // SAFETY: checked non-null; writable per the contract.
    unsafe { ffi::write_out(out, value) };
    Ok(())
}

/// # Safety
/// The pointer contracts of the exported function that calls it.
unsafe fn reduce<T: Scalar, V>(
    ctx: &oxpar_context,
    n: usize,
    x: *const T,
    incx: isize,
    out: *mut V,
    which: Op,
    op: impl FnOnce(&dyn HostBackend, oxpar::VecRef<'_, T>) -> oxpar::Result<V>,
) -> R {
    let (xv, out) = collective_checks(ctx, which, || {
        // SAFETY: forwarded pointer contracts.
        let xv = unsafe { ffi::vec_ref(x, n, incx, ["x", "incx"])? };
        Ok((xv, ffi::out_ptr(out, "out")?))
    })?;
    let value = op(ctx.host(), xv)?;
    // SAFETY: checked non-null; writable per the contract.
    unsafe { ffi::write_out(out, value) };
    Ok(())
}

/// The reductions of one vector to a number of its type.
#[derive(Copy, Clone)]
enum Norm {
    Nrm2,
    Asum,
    Sum,
}

/// `nrm2`, `asum` or `sum` (reproducible or not as the context's backend is).
///
/// # Safety
/// The pointer contracts of the exported function that calls it.
unsafe fn norm<T: Scalar>(
    ctx: *const oxpar_context,
    n: usize,
    x: *const T,
    incx: isize,
    out: *mut T,
    which: Norm,
) -> R
where
    dyn HostBackend: Level1<T>,
{
    // SAFETY: forwarded pointer contracts.
    let ctx = unsafe { ffi::context(ctx)? };
    let op = match which {
        Norm::Nrm2 => Op::Nrm2,
        Norm::Asum => Op::Asum,
        Norm::Sum => Op::Sum,
    };
    let (xv, out) = collective_checks(ctx, op, || {
        // SAFETY: forwarded pointer contracts.
        let xv = unsafe { ffi::vec_ref(x, n, incx, ["x", "incx"])? };
        Ok((xv, ffi::out_ptr(out, "out")?))
    })?;
    let b: &dyn HostBackend = ctx.host();
    let value = match which {
        Norm::Nrm2 => Level1::<T>::nrm2(b, xv)?,
        Norm::Asum => Level1::<T>::asum(b, xv)?,
        Norm::Sum => Level1::<T>::sum(b, xv)?,
    };
    // SAFETY: checked non-null; writable per the contract.
    unsafe { ffi::write_out(out, value) };
    Ok(())
}

/// # Safety
/// The pointer contracts of the exported function that calls it.
#[allow(clippy::too_many_arguments, reason = "the BLAS signature")]
pub(crate) unsafe fn gemv<T: Scalar>(
    ctx: *const oxpar_context,
    trans: i32,
    (m, n, x_len): (usize, usize, Option<usize>),
    alpha: *const T,
    a: *const T,
    rsa: isize,
    csa: isize,
    x: *const T,
    incx: isize,
    beta: *const T,
    y: *mut T,
    incy: isize,
) -> R
where
    dyn HostBackend: Level2<T>,
{
    // SAFETY: forwarded pointer contracts.
    let ctx = unsafe { ffi::context(ctx)? };
    let (trans, alpha, beta, av, xv, yv) = collective_checks(ctx, Op::Gemv, || {
        let trans = trans_from(trans, "trans")?;
        // SAFETY: forwarded pointer contracts.
        let (alpha, beta) = unsafe { (ffi::scalar(alpha, "alpha")?, ffi::scalar(beta, "beta")?) };
        let (lx, ly) = if trans == oxpar::Trans::No {
            (n, m)
        } else {
            (m, n)
        };
        // A distributed x (MPI) is only this rank's block of it.
        let lx = x_len.unwrap_or(lx);
        // SAFETY: forwarded pointer contracts.
        let av = unsafe { ffi::mat_ref(a, m, n, rsa, csa, ["a", "rsa", "csa"])? };
        // SAFETY: forwarded pointer contracts.
        let (xv, yv) = unsafe {
            (
                ffi::vec_ref(x, lx, incx, ["x", "incx"])?,
                ffi::vec_mut(y, ly, incy, ["y", "incy"])?,
            )
        };
        Ok((trans, alpha, beta, av, xv, yv))
    })?;
    // Inputs that share memory with y are read from copies.
    let outputs = [Operand::vector(yv.as_ref())];
    let (a_copy, x_copy) = (detach_mat(av, &outputs), detach_vec(xv, &outputs));
    Ok(Level2::<T>::gemv(
        ctx.host(),
        alpha,
        trans.apply(read_mat(av, &a_copy)),
        read_vec(xv, &x_copy),
        beta,
        yv,
    )?)
}

/// # Safety
/// The pointer contracts of the exported function that calls it.
#[allow(clippy::too_many_arguments, reason = "the BLAS signature")]
pub(crate) unsafe fn ger<T: Scalar>(
    ctx: *const oxpar_context,
    (m, n, y_len): (usize, usize, Option<usize>),
    alpha: *const T,
    x: *const T,
    incx: isize,
    y: *const T,
    incy: isize,
    a: *mut T,
    rsa: isize,
    csa: isize,
) -> R
where
    dyn HostBackend: Level2<T>,
{
    // SAFETY: forwarded pointer contracts.
    let ctx = unsafe { ffi::context(ctx)? };
    let (alpha, xv, yv, av) = collective_checks(ctx, Op::Ger, || {
        // SAFETY: forwarded pointer contracts.
        let alpha = unsafe { ffi::scalar(alpha, "alpha")? };
        // SAFETY: forwarded pointer contracts.
        let (xv, yv) = unsafe {
            (
                ffi::vec_ref(x, m, incx, ["x", "incx"])?,
                ffi::vec_ref(y, y_len.unwrap_or(n), incy, ["y", "incy"])?,
            )
        };
        // SAFETY: forwarded pointer contracts.
        let av = unsafe { ffi::mat_mut(a, m, n, rsa, csa, ["a", "rsa", "csa"])? };
        Ok((alpha, xv, yv, av))
    })?;
    // Inputs that share memory with A are read from copies.
    let outputs = [Operand::matrix(av.as_ref())];
    let (x_copy, y_copy) = (detach_vec(xv, &outputs), detach_vec(yv, &outputs));
    Ok(Level2::<T>::ger(
        ctx.host(),
        alpha,
        read_vec(xv, &x_copy),
        read_vec(yv, &y_copy),
        av,
    )?)
}

/// # Safety
/// The pointer contracts of the exported function that calls it.
#[allow(clippy::too_many_arguments, reason = "the BLAS signature")]
pub(crate) unsafe fn gemm<T: Scalar>(
    ctx: *const oxpar_context,
    transa: i32,
    transb: i32,
    m: usize,
    n: usize,
    (ka, kb): (usize, usize),
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
) -> R
where
    dyn HostBackend: Level3<T>,
{
    // SAFETY: forwarded pointer contracts.
    let ctx = unsafe { ffi::context(ctx)? };
    let (ta, tb, alpha, beta, av, bv, cv) = collective_checks(ctx, Op::Gemm, || {
        let (ta, tb) = (trans_from(transa, "transa")?, trans_from(transb, "transb")?);
        // SAFETY: forwarded pointer contracts.
        let (alpha, beta) = unsafe { (ffi::scalar(alpha, "alpha")?, ffi::scalar(beta, "beta")?) };
        // Stored shapes: op(A) is m x ka, op(B) is kb x n.
        let (am, an) = if ta == oxpar::Trans::No {
            (m, ka)
        } else {
            (ka, m)
        };
        let (bm, bn) = if tb == oxpar::Trans::No {
            (kb, n)
        } else {
            (n, kb)
        };
        // SAFETY: forwarded pointer contracts.
        let (av, bv) = unsafe {
            (
                ffi::mat_ref(a, am, an, rsa, csa, ["a", "rsa", "csa"])?,
                ffi::mat_ref(b, bm, bn, rsb, csb, ["b", "rsb", "csb"])?,
            )
        };
        // SAFETY: forwarded pointer contracts.
        let cv = unsafe { ffi::mat_mut(c, m, n, rsc, csc, ["c", "rsc", "csc"])? };
        Ok((ta, tb, alpha, beta, av, bv, cv))
    })?;
    // Inputs that share memory with C are read from copies.
    let outputs = [Operand::matrix(cv.as_ref())];
    let (a_copy, b_copy) = (detach_mat(av, &outputs), detach_mat(bv, &outputs));
    Ok(Level3::<T>::gemm(
        ctx.host(),
        alpha,
        ta.apply(read_mat(av, &a_copy)),
        tb.apply(read_mat(bv, &b_copy)),
        beta,
        cv,
    )?)
}

/// `y := alpha*x + y` on floats. `alpha == 0` returns without reading `x`.
///
/// Vectors are given by a pointer to their logical first element: element `i`
/// of `x` is at `x + i*incx` for negative `incx` too (NumPy's and Fortran's
/// convention). Reference BLAS takes the array's lowest address instead: to
/// port a BLAS call with `incx < 0`, pass `x + (n-1)*(-incx)`.
///
/// Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, alpha; x or y with n > 0),
/// `OXPAR_STATUS_INVALID_ARGUMENT` (x or y not aligned for its type),
/// `OXPAR_STATUS_INVALID_STRIDE` (incy 0 with n > 1, or a vector beyond the
/// address space). y may share memory with x: the result is as if x were read
/// first. On an OpenCL context also `OXPAR_STATUS_DEVICE_ERROR` and
/// `OXPAR_STATUS_OUT_OF_MEMORY`.
///
/// # Safety
/// `ctx` is NULL or a live context; every non-NULL pointer addresses the
/// elements its sizes and strides describe (readable, and writable for
/// outputs) for the duration of the call.
#[no_mangle]
pub unsafe extern "C" fn oxpar_saxpy(
    ctx: *const oxpar_context,
    n: usize,
    alpha: *const f32,
    x: *const f32,
    incx: isize,
    y: *mut f32,
    incy: isize,
) -> oxpar_status {
    // SAFETY: this function's contract.
    call("oxpar_saxpy", || unsafe {
        axpy(ctx, n, alpha, x, incx, y, incy)
    })
}

/// `x := alpha*x` on floats.
///
/// Vectors are given by a pointer to their logical first element: element `i`
/// of `x` is at `x + i*incx` for negative `incx` too (NumPy's and Fortran's
/// convention). Reference BLAS takes the array's lowest address instead: to
/// port a BLAS call with `incx < 0`, pass `x + (n-1)*(-incx)`.
///
/// Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, alpha; x with n > 0),
/// `OXPAR_STATUS_INVALID_ARGUMENT` (x not aligned for its type),
/// `OXPAR_STATUS_INVALID_STRIDE` (incx 0 with n > 1, or a vector beyond the
/// address space). On an OpenCL context also `OXPAR_STATUS_DEVICE_ERROR` and
/// `OXPAR_STATUS_OUT_OF_MEMORY`.
///
/// # Safety
/// `ctx` is NULL or a live context; every non-NULL pointer addresses the
/// elements its sizes and strides describe (readable, and writable for
/// outputs) for the duration of the call.
#[no_mangle]
pub unsafe extern "C" fn oxpar_sscal(
    ctx: *const oxpar_context,
    n: usize,
    alpha: *const f32,
    x: *mut f32,
    incx: isize,
) -> oxpar_status {
    // SAFETY: this function's contract.
    call("oxpar_sscal", || unsafe { scal(ctx, n, alpha, x, incx) })
}

/// `y := x` on floats.
///
/// Vectors are given by a pointer to their logical first element: element `i`
/// of `x` is at `x + i*incx` for negative `incx` too (NumPy's and Fortran's
/// convention). Reference BLAS takes the array's lowest address instead: to
/// port a BLAS call with `incx < 0`, pass `x + (n-1)*(-incx)`.
///
/// Errors: `OXPAR_STATUS_NULL_POINTER` (ctx; x or y with n > 0),
/// `OXPAR_STATUS_INVALID_ARGUMENT` (x or y not aligned for its type),
/// `OXPAR_STATUS_INVALID_STRIDE` (incy 0 with n > 1, or a vector beyond the
/// address space). y may share memory with x: the result is as if x were read
/// first. On an OpenCL context also `OXPAR_STATUS_DEVICE_ERROR` and
/// `OXPAR_STATUS_OUT_OF_MEMORY`.
///
/// # Safety
/// `ctx` is NULL or a live context; every non-NULL pointer addresses the
/// elements its sizes and strides describe (readable, and writable for
/// outputs) for the duration of the call.
#[no_mangle]
pub unsafe extern "C" fn oxpar_scopy(
    ctx: *const oxpar_context,
    n: usize,
    x: *const f32,
    incx: isize,
    y: *mut f32,
    incy: isize,
) -> oxpar_status {
    // SAFETY: this function's contract.
    call("oxpar_scopy", || unsafe { copy(ctx, n, x, incx, y, incy) })
}

/// Exchanges the float vectors `x` and `y`.
///
/// Vectors are given by a pointer to their logical first element: element `i`
/// of `x` is at `x + i*incx` for negative `incx` too (NumPy's and Fortran's
/// convention). Reference BLAS takes the array's lowest address instead: to
/// port a BLAS call with `incx < 0`, pass `x + (n-1)*(-incx)`.
///
/// Errors: `OXPAR_STATUS_NULL_POINTER` (ctx; x or y with n > 0),
/// `OXPAR_STATUS_INVALID_ARGUMENT` (x or y not aligned for its type; x and y
/// sharing an element without being the very same vector),
/// `OXPAR_STATUS_INVALID_STRIDE` (incx or incy 0 with n > 1, or a vector beyond
/// the address space). On an OpenCL context also `OXPAR_STATUS_DEVICE_ERROR`
/// and `OXPAR_STATUS_OUT_OF_MEMORY`.
///
/// # Safety
/// `ctx` is NULL or a live context; every non-NULL pointer addresses the
/// elements its sizes and strides describe (readable, and writable for
/// outputs) for the duration of the call.
#[no_mangle]
pub unsafe extern "C" fn oxpar_sswap(
    ctx: *const oxpar_context,
    n: usize,
    x: *mut f32,
    incx: isize,
    y: *mut f32,
    incy: isize,
) -> oxpar_status {
    // SAFETY: this function's contract.
    call("oxpar_sswap", || unsafe { swap(ctx, n, x, incx, y, incy) })
}

/// `*out := x . y` on floats (0 when `n == 0`).
///
/// Ordinary (not reproducible) mode accumulates in double (on an OpenCL
/// device, when it has double precision) and rounds once to float: the result is within about one float
/// ulp of the exact value plus `n * 2^-53` times the sum of `|x_i * y_i|`.
///
/// In reproducible mode (`oxpar_context_set_reproducible`) the result is the
/// exact one correctly rounded: the same bits on any backend, number of
/// threads or MPI ranks.
///
/// Vectors are given by a pointer to their logical first element: element `i`
/// of `x` is at `x + i*incx` for negative `incx` too (NumPy's and Fortran's
/// convention). Reference BLAS takes the array's lowest address instead: to
/// port a BLAS call with `incx < 0`, pass `x + (n-1)*(-incx)`.
///
/// Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, out; x or y with n > 0),
/// `OXPAR_STATUS_INVALID_ARGUMENT` (x or y not aligned for its type),
/// `OXPAR_STATUS_INVALID_STRIDE` (a vector beyond the address space; an
/// increment of 0, which reads one element n times, is allowed). On an OpenCL
/// context also `OXPAR_STATUS_DEVICE_ERROR` and `OXPAR_STATUS_OUT_OF_MEMORY`.
/// On an MPI context the call is collective: an argument error on one rank
/// fails every rank (the others get an error naming that rank; ranks that mix element types or
/// operations all get `OXPAR_STATUS_INVALID_ARGUMENT`), and an MPI
/// failure is `OXPAR_STATUS_COMM_ERROR`.
///
/// # Safety
/// `ctx` is NULL or a live context; every non-NULL pointer addresses the
/// elements its sizes and strides describe (readable, and writable for
/// outputs) for the duration of the call.
#[no_mangle]
pub unsafe extern "C" fn oxpar_sdot(
    ctx: *const oxpar_context,
    n: usize,
    x: *const f32,
    incx: isize,
    y: *const f32,
    incy: isize,
    out: *mut f32,
) -> oxpar_status {
    // SAFETY: this function's contract.
    call("oxpar_sdot", || unsafe {
        dot(ctx, n, x, incx, y, incy, out)
    })
}

/// `*out :=` the Euclidean norm of `x` (floats), without overflow or
/// underflow in intermediate results; NaN if any element is NaN.
///
/// Ordinary (not reproducible) mode accumulates in double (on an OpenCL
/// device, when it has double precision) and rounds once to float: the result is within about one float
/// ulp of the exact value plus `n * 2^-53` times the norm.
///
/// In reproducible mode (`oxpar_context_set_reproducible`) the result is the
/// correctly rounded square root of the exact sum of squares: the same bits
/// on any backend, number of threads or MPI ranks.
///
/// Vectors are given by a pointer to their logical first element: element `i`
/// of `x` is at `x + i*incx` for negative `incx` too (NumPy's and Fortran's
/// convention). Reference BLAS takes the array's lowest address instead: to
/// port a BLAS call with `incx < 0`, pass `x + (n-1)*(-incx)`.
///
/// Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, out; x with n > 0),
/// `OXPAR_STATUS_INVALID_ARGUMENT` (x not aligned for its type),
/// `OXPAR_STATUS_INVALID_STRIDE` (a vector beyond the address space; incx 0,
/// which reads one element n times, is allowed). On an OpenCL context also
/// `OXPAR_STATUS_DEVICE_ERROR` and `OXPAR_STATUS_OUT_OF_MEMORY`. On an MPI
/// context the call is collective: an argument error on one rank fails every
/// rank (the others get an error naming that rank; ranks that mix element types or
/// operations all get `OXPAR_STATUS_INVALID_ARGUMENT`), and an MPI failure is
/// `OXPAR_STATUS_COMM_ERROR`.
///
/// # Safety
/// `ctx` is NULL or a live context; every non-NULL pointer addresses the
/// elements its sizes and strides describe (readable, and writable for
/// outputs) for the duration of the call.
#[no_mangle]
pub unsafe extern "C" fn oxpar_snrm2(
    ctx: *const oxpar_context,
    n: usize,
    x: *const f32,
    incx: isize,
    out: *mut f32,
) -> oxpar_status {
    // SAFETY: this function's contract.
    call("oxpar_snrm2", || unsafe {
        norm(ctx, n, x, incx, out, Norm::Nrm2)
    })
}

/// `*out :=` the sum of the absolute values of `x` (floats).
///
/// Ordinary (not reproducible) mode accumulates in double (on an OpenCL
/// device, when it has double precision) and rounds once to float: the result is within about one float
/// ulp of the exact value plus `n * 2^-53` times the result.
///
/// In reproducible mode (`oxpar_context_set_reproducible`) the result is the
/// exact one correctly rounded: the same bits on any backend, number of
/// threads or MPI ranks.
///
/// Vectors are given by a pointer to their logical first element: element `i`
/// of `x` is at `x + i*incx` for negative `incx` too (NumPy's and Fortran's
/// convention). Reference BLAS takes the array's lowest address instead: to
/// port a BLAS call with `incx < 0`, pass `x + (n-1)*(-incx)`.
///
/// Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, out; x with n > 0),
/// `OXPAR_STATUS_INVALID_ARGUMENT` (x not aligned for its type),
/// `OXPAR_STATUS_INVALID_STRIDE` (a vector beyond the address space; incx 0,
/// which reads one element n times, is allowed). On an OpenCL context also
/// `OXPAR_STATUS_DEVICE_ERROR` and `OXPAR_STATUS_OUT_OF_MEMORY`. On an MPI
/// context the call is collective: an argument error on one rank fails every
/// rank (the others get an error naming that rank; ranks that mix element types or
/// operations all get `OXPAR_STATUS_INVALID_ARGUMENT`), and an MPI failure is
/// `OXPAR_STATUS_COMM_ERROR`.
///
/// # Safety
/// `ctx` is NULL or a live context; every non-NULL pointer addresses the
/// elements its sizes and strides describe (readable, and writable for
/// outputs) for the duration of the call.
#[no_mangle]
pub unsafe extern "C" fn oxpar_sasum(
    ctx: *const oxpar_context,
    n: usize,
    x: *const f32,
    incx: isize,
    out: *mut f32,
) -> oxpar_status {
    // SAFETY: this function's contract.
    call("oxpar_sasum", || unsafe {
        norm(ctx, n, x, incx, out, Norm::Asum)
    })
}
/// `*out :=` the sum of the elements of `x` (floats; 0 when `n == 0`). The
/// ordinary sum adds in an order that depends on the backend and its number
/// of threads (so the last bits may differ between them).
///
/// Ordinary (not reproducible) mode accumulates in double (on an OpenCL
/// device, when it has double precision) and rounds once to float: the result is within about one float
/// ulp of the exact value plus `n * 2^-53` times the sum of `|x_i|`.
///
/// In reproducible mode (`oxpar_context_set_reproducible`) the result is the
/// exact one correctly rounded: the same bits on any backend, number of
/// threads or MPI ranks.
///
/// Vectors are given by a pointer to their logical first element: element `i`
/// of `x` is at `x + i*incx` for negative `incx` too (NumPy's and Fortran's
/// convention). Reference BLAS takes the array's lowest address instead: to
/// port a BLAS call with `incx < 0`, pass `x + (n-1)*(-incx)`.
///
/// Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, out; x with n > 0),
/// `OXPAR_STATUS_INVALID_ARGUMENT` (x not aligned for its type),
/// `OXPAR_STATUS_INVALID_STRIDE` (a vector beyond the address space; incx 0,
/// which reads one element n times, is allowed). On an OpenCL context also
/// `OXPAR_STATUS_DEVICE_ERROR` and `OXPAR_STATUS_OUT_OF_MEMORY`. On an MPI
/// context the call is collective: an argument error on one rank fails every
/// rank (the others get an error naming that rank; ranks that mix element types or
/// operations all get `OXPAR_STATUS_INVALID_ARGUMENT`), and an MPI failure is
/// `OXPAR_STATUS_COMM_ERROR`.
///
/// # Safety
/// `ctx` is NULL or a live context; every non-NULL pointer addresses the
/// elements its sizes and strides describe (readable, and writable for
/// outputs) for the duration of the call.
#[no_mangle]
pub unsafe extern "C" fn oxpar_ssum(
    ctx: *const oxpar_context,
    n: usize,
    x: *const f32,
    incx: isize,
    out: *mut f32,
) -> oxpar_status {
    // SAFETY: this function's contract.
    call("oxpar_ssum", || unsafe {
        norm(ctx, n, x, incx, out, Norm::Sum)
    })
}

/// `*out :=` the 0-based index of the first element of largest absolute
/// value of `x` (floats); the first NaN if there is one; `OXPAR_INDEX_NONE`
/// when `n == 0`.
///
/// Vectors are given by a pointer to their logical first element: element `i`
/// of `x` is at `x + i*incx` for negative `incx` too (NumPy's and Fortran's
/// convention). Reference BLAS takes the array's lowest address instead: to
/// port a BLAS call with `incx < 0`, pass `x + (n-1)*(-incx)`.
///
/// Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, out; x with n > 0),
/// `OXPAR_STATUS_INVALID_ARGUMENT` (x not aligned for its type),
/// `OXPAR_STATUS_INVALID_STRIDE` (a vector beyond the address space; incx 0,
/// which reads one element n times, is allowed). On an OpenCL context also
/// `OXPAR_STATUS_DEVICE_ERROR` and `OXPAR_STATUS_OUT_OF_MEMORY`. On an MPI
/// context the call is collective: an argument error on one rank fails every
/// rank (the others get an error naming that rank; ranks that mix element types or
/// operations all get `OXPAR_STATUS_INVALID_ARGUMENT`), and an MPI failure is
/// `OXPAR_STATUS_COMM_ERROR`.
///
/// # Safety
/// `ctx` is NULL or a live context; every non-NULL pointer addresses the
/// elements its sizes and strides describe (readable, and writable for
/// outputs) for the duration of the call.
#[no_mangle]
pub unsafe extern "C" fn oxpar_isamax(
    ctx: *const oxpar_context,
    n: usize,
    x: *const f32,
    incx: isize,
    out: *mut usize,
) -> oxpar_status {
    // SAFETY: this function's contract.
    call("oxpar_isamax", || unsafe {
        reduce(ffi::context(ctx)?, n, x, incx, out, Op::Iamax, |b, x| {
            Ok(Level1::<f32>::iamax(b, x)?.unwrap_or(crate::OXPAR_INDEX_NONE))
        })
    })
}

/// `y := alpha*op(A)*x + beta*y` on floats, where `A` is the `m x n` matrix at
/// `a` with element strides `rsa` (between rows) and `csa` (between columns),
/// and `op(A)` is `A` (`trans = OXPAR_TRANS_NO`: `x` has `n` elements, `y` has
/// `m`) or `A^T` (`OXPAR_TRANS_YES`: `x` has `m`, `y` has `n`). `beta == 0`
/// does not read `y`; `alpha == 0` reads neither `A` nor `x`.
///
/// Vectors are given by a pointer to their logical first element: element `i`
/// of `x` is at `x + i*incx` for negative `incx` too (NumPy's and Fortran's
/// convention). Reference BLAS takes the array's lowest address instead: to
/// port a BLAS call with `incx < 0`, pass `x + (n-1)*(-incx)`.
///
/// Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, alpha, beta; a, x or y when not empty),
/// `OXPAR_STATUS_INVALID_ARGUMENT` (trans neither `OXPAR_TRANS_NO` nor
/// `OXPAR_TRANS_YES`; an array not aligned for its type),
/// `OXPAR_STATUS_INVALID_STRIDE` (incy 0 for more than one element, or an
/// operand beyond the address space). A and x may have any strides, 0 included,
/// and may share memory with y: the result is as if they were read first. On an
/// OpenCL context also `OXPAR_STATUS_DEVICE_ERROR` and
/// `OXPAR_STATUS_OUT_OF_MEMORY`. On an MPI context the call is collective: an
/// argument error on one rank fails every rank (the others get an error naming
/// that rank), and an MPI failure is `OXPAR_STATUS_COMM_ERROR`.
///
/// # Safety
/// `ctx` is NULL or a live context; every non-NULL pointer addresses the
/// elements its sizes and strides describe (readable, and writable for
/// outputs) for the duration of the call.
#[no_mangle]
pub unsafe extern "C" fn oxpar_sgemv(
    ctx: *const oxpar_context,
    trans: i32,
    m: usize,
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
    call("oxpar_sgemv", || unsafe {
        gemv(
            ctx,
            trans,
            (m, n, None),
            alpha,
            a,
            rsa,
            csa,
            x,
            incx,
            beta,
            y,
            incy,
        )
    })
}

/// `A := alpha*x*y^T + A` on floats, `A` being `m x n` with strides `rsa`,
/// `csa`, `x` of `m` and `y` of `n` elements. `alpha == 0` returns at once.
///
/// Vectors are given by a pointer to their logical first element: element `i`
/// of `x` is at `x + i*incx` for negative `incx` too (NumPy's and Fortran's
/// convention). Reference BLAS takes the array's lowest address instead: to
/// port a BLAS call with `incx < 0`, pass `x + (n-1)*(-incx)`.
///
/// Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, alpha; x, y or a when not empty),
/// `OXPAR_STATUS_INVALID_ARGUMENT` (an array not aligned for its type),
/// `OXPAR_STATUS_INVALID_STRIDE` (rsa, csa that give two elements of A one
/// address, or an operand beyond the address space). x and y may have any
/// increments, 0 included, and may share memory with A: the result is as if
/// they were read first. On an OpenCL context also `OXPAR_STATUS_DEVICE_ERROR`
/// and `OXPAR_STATUS_OUT_OF_MEMORY`. On an MPI context the call is collective:
/// an argument error on one rank fails every rank (the others get an error
/// naming that rank; ranks that mix element types or
/// operations all get `OXPAR_STATUS_INVALID_ARGUMENT`), and an MPI failure is `OXPAR_STATUS_COMM_ERROR`.
///
/// # Safety
/// `ctx` is NULL or a live context; every non-NULL pointer addresses the
/// elements its sizes and strides describe (readable, and writable for
/// outputs) for the duration of the call.
#[no_mangle]
pub unsafe extern "C" fn oxpar_sger(
    ctx: *const oxpar_context,
    m: usize,
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
    call("oxpar_sger", || unsafe {
        ger(ctx, (m, n, None), alpha, x, incx, y, incy, a, rsa, csa)
    })
}

/// `C := alpha*op(A)*op(B) + beta*C` on floats, with `op(A)` `m x k`, `op(B)`
/// `k x n` and `C` `m x n`; each matrix is given by a pointer to its element
/// (0, 0) as stored and its element strides (row, column). `transa`/`transb`
/// are `OXPAR_TRANS_NO` or `OXPAR_TRANS_YES` (then `a` holds the `k x m`
/// matrix `A`, and so on). Column-major (Fortran) data: `rs = 1, cs = ld`;
/// row-major (C): `rs = ld, cs = 1`. `beta == 0` does not read `C` (NaN there
/// does not come out); `alpha == 0` or `k == 0` reads neither `A` nor `B`.
///
/// Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, alpha, beta; a, b or c when not empty),
/// `OXPAR_STATUS_INVALID_ARGUMENT` (transa or transb neither `OXPAR_TRANS_NO`
/// nor `OXPAR_TRANS_YES`; an array not aligned for its type),
/// `OXPAR_STATUS_INVALID_STRIDE` (strides that give two elements of C the same
/// address, or an operand beyond the address space). A and B may have any
/// strides, 0 included, and may share memory with C: the result is as if they
/// were read first. On an OpenCL context also `OXPAR_STATUS_DEVICE_ERROR` and
/// `OXPAR_STATUS_OUT_OF_MEMORY`. On an MPI context the call is collective: an
/// argument error on one rank fails every rank (the others get an error naming
/// that rank), and an MPI failure is `OXPAR_STATUS_COMM_ERROR`.
///
/// # Safety
/// `ctx` is NULL or a live context; every non-NULL pointer addresses the
/// elements its sizes and strides describe (readable, and writable for
/// outputs) for the duration of the call.
#[no_mangle]
pub unsafe extern "C" fn oxpar_sgemm(
    ctx: *const oxpar_context,
    transa: i32,
    transb: i32,
    m: usize,
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
    call("oxpar_sgemm", || unsafe {
        gemm(
            ctx,
            transa,
            transb,
            m,
            n,
            (k, k),
            alpha,
            a,
            rsa,
            csa,
            b,
            rsb,
            csb,
            beta,
            c,
            rsc,
            csc,
        )
    })
}

/// `y := alpha*x + y` on doubles. `alpha == 0` returns without reading `x`.
///
/// Vectors are given by a pointer to their logical first element: element `i`
/// of `x` is at `x + i*incx` for negative `incx` too (NumPy's and Fortran's
/// convention). Reference BLAS takes the array's lowest address instead: to
/// port a BLAS call with `incx < 0`, pass `x + (n-1)*(-incx)`.
///
/// Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, alpha; x or y with n > 0),
/// `OXPAR_STATUS_INVALID_ARGUMENT` (x or y not aligned for its type),
/// `OXPAR_STATUS_INVALID_STRIDE` (incy 0 with n > 1, or a vector beyond the
/// address space). y may share memory with x: the result is as if x were read
/// first. On an OpenCL context also `OXPAR_STATUS_DEVICE_ERROR` and
/// `OXPAR_STATUS_OUT_OF_MEMORY`.
///
/// # Safety
/// `ctx` is NULL or a live context; every non-NULL pointer addresses the
/// elements its sizes and strides describe (readable, and writable for
/// outputs) for the duration of the call.
#[no_mangle]
pub unsafe extern "C" fn oxpar_daxpy(
    ctx: *const oxpar_context,
    n: usize,
    alpha: *const f64,
    x: *const f64,
    incx: isize,
    y: *mut f64,
    incy: isize,
) -> oxpar_status {
    // SAFETY: this function's contract.
    call("oxpar_daxpy", || unsafe {
        axpy(ctx, n, alpha, x, incx, y, incy)
    })
}

/// `x := alpha*x` on doubles.
///
/// Vectors are given by a pointer to their logical first element: element `i`
/// of `x` is at `x + i*incx` for negative `incx` too (NumPy's and Fortran's
/// convention). Reference BLAS takes the array's lowest address instead: to
/// port a BLAS call with `incx < 0`, pass `x + (n-1)*(-incx)`.
///
/// Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, alpha; x with n > 0),
/// `OXPAR_STATUS_INVALID_ARGUMENT` (x not aligned for its type),
/// `OXPAR_STATUS_INVALID_STRIDE` (incx 0 with n > 1, or a vector beyond the
/// address space). On an OpenCL context also `OXPAR_STATUS_DEVICE_ERROR` and
/// `OXPAR_STATUS_OUT_OF_MEMORY`.
///
/// # Safety
/// `ctx` is NULL or a live context; every non-NULL pointer addresses the
/// elements its sizes and strides describe (readable, and writable for
/// outputs) for the duration of the call.
#[no_mangle]
pub unsafe extern "C" fn oxpar_dscal(
    ctx: *const oxpar_context,
    n: usize,
    alpha: *const f64,
    x: *mut f64,
    incx: isize,
) -> oxpar_status {
    // SAFETY: this function's contract.
    call("oxpar_dscal", || unsafe { scal(ctx, n, alpha, x, incx) })
}

/// `y := x` on doubles.
///
/// Vectors are given by a pointer to their logical first element: element `i`
/// of `x` is at `x + i*incx` for negative `incx` too (NumPy's and Fortran's
/// convention). Reference BLAS takes the array's lowest address instead: to
/// port a BLAS call with `incx < 0`, pass `x + (n-1)*(-incx)`.
///
/// Errors: `OXPAR_STATUS_NULL_POINTER` (ctx; x or y with n > 0),
/// `OXPAR_STATUS_INVALID_ARGUMENT` (x or y not aligned for its type),
/// `OXPAR_STATUS_INVALID_STRIDE` (incy 0 with n > 1, or a vector beyond the
/// address space). y may share memory with x: the result is as if x were read
/// first. On an OpenCL context also `OXPAR_STATUS_DEVICE_ERROR` and
/// `OXPAR_STATUS_OUT_OF_MEMORY`.
///
/// # Safety
/// `ctx` is NULL or a live context; every non-NULL pointer addresses the
/// elements its sizes and strides describe (readable, and writable for
/// outputs) for the duration of the call.
#[no_mangle]
pub unsafe extern "C" fn oxpar_dcopy(
    ctx: *const oxpar_context,
    n: usize,
    x: *const f64,
    incx: isize,
    y: *mut f64,
    incy: isize,
) -> oxpar_status {
    // SAFETY: this function's contract.
    call("oxpar_dcopy", || unsafe { copy(ctx, n, x, incx, y, incy) })
}

/// Exchanges the double vectors `x` and `y`.
///
/// Vectors are given by a pointer to their logical first element: element `i`
/// of `x` is at `x + i*incx` for negative `incx` too (NumPy's and Fortran's
/// convention). Reference BLAS takes the array's lowest address instead: to
/// port a BLAS call with `incx < 0`, pass `x + (n-1)*(-incx)`.
///
/// Errors: `OXPAR_STATUS_NULL_POINTER` (ctx; x or y with n > 0),
/// `OXPAR_STATUS_INVALID_ARGUMENT` (x or y not aligned for its type; x and y
/// sharing an element without being the very same vector),
/// `OXPAR_STATUS_INVALID_STRIDE` (incx or incy 0 with n > 1, or a vector beyond
/// the address space). On an OpenCL context also `OXPAR_STATUS_DEVICE_ERROR`
/// and `OXPAR_STATUS_OUT_OF_MEMORY`.
///
/// # Safety
/// `ctx` is NULL or a live context; every non-NULL pointer addresses the
/// elements its sizes and strides describe (readable, and writable for
/// outputs) for the duration of the call.
#[no_mangle]
pub unsafe extern "C" fn oxpar_dswap(
    ctx: *const oxpar_context,
    n: usize,
    x: *mut f64,
    incx: isize,
    y: *mut f64,
    incy: isize,
) -> oxpar_status {
    // SAFETY: this function's contract.
    call("oxpar_dswap", || unsafe { swap(ctx, n, x, incx, y, incy) })
}

/// `*out := x . y` on doubles (0 when `n == 0`).
///
/// In reproducible mode (`oxpar_context_set_reproducible`) the result is the
/// exact one correctly rounded: the same bits on any backend, number of
/// threads or MPI ranks.
///
/// Vectors are given by a pointer to their logical first element: element `i`
/// of `x` is at `x + i*incx` for negative `incx` too (NumPy's and Fortran's
/// convention). Reference BLAS takes the array's lowest address instead: to
/// port a BLAS call with `incx < 0`, pass `x + (n-1)*(-incx)`.
///
/// Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, out; x or y with n > 0),
/// `OXPAR_STATUS_INVALID_ARGUMENT` (x or y not aligned for its type),
/// `OXPAR_STATUS_INVALID_STRIDE` (a vector beyond the address space; an
/// increment of 0, which reads one element n times, is allowed). On an OpenCL
/// context also `OXPAR_STATUS_DEVICE_ERROR` and `OXPAR_STATUS_OUT_OF_MEMORY`.
/// On an MPI context the call is collective: an argument error on one rank
/// fails every rank (the others get an error naming that rank; ranks that mix element types or
/// operations all get `OXPAR_STATUS_INVALID_ARGUMENT`), and an MPI
/// failure is `OXPAR_STATUS_COMM_ERROR`.
///
/// # Safety
/// `ctx` is NULL or a live context; every non-NULL pointer addresses the
/// elements its sizes and strides describe (readable, and writable for
/// outputs) for the duration of the call.
#[no_mangle]
pub unsafe extern "C" fn oxpar_ddot(
    ctx: *const oxpar_context,
    n: usize,
    x: *const f64,
    incx: isize,
    y: *const f64,
    incy: isize,
    out: *mut f64,
) -> oxpar_status {
    // SAFETY: this function's contract.
    call("oxpar_ddot", || unsafe {
        dot(ctx, n, x, incx, y, incy, out)
    })
}

/// `*out :=` the Euclidean norm of `x` (doubles), without overflow or
/// underflow in intermediate results; NaN if any element is NaN.
///
/// In reproducible mode (`oxpar_context_set_reproducible`) the result is the
/// correctly rounded square root of the exact sum of squares: the same bits
/// on any backend, number of threads or MPI ranks.
///
/// Vectors are given by a pointer to their logical first element: element `i`
/// of `x` is at `x + i*incx` for negative `incx` too (NumPy's and Fortran's
/// convention). Reference BLAS takes the array's lowest address instead: to
/// port a BLAS call with `incx < 0`, pass `x + (n-1)*(-incx)`.
///
/// Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, out; x with n > 0),
/// `OXPAR_STATUS_INVALID_ARGUMENT` (x not aligned for its type),
/// `OXPAR_STATUS_INVALID_STRIDE` (a vector beyond the address space; incx 0,
/// which reads one element n times, is allowed). On an OpenCL context also
/// `OXPAR_STATUS_DEVICE_ERROR` and `OXPAR_STATUS_OUT_OF_MEMORY`. On an MPI
/// context the call is collective: an argument error on one rank fails every
/// rank (the others get an error naming that rank; ranks that mix element types or
/// operations all get `OXPAR_STATUS_INVALID_ARGUMENT`), and an MPI failure is
/// `OXPAR_STATUS_COMM_ERROR`.
///
/// # Safety
/// `ctx` is NULL or a live context; every non-NULL pointer addresses the
/// elements its sizes and strides describe (readable, and writable for
/// outputs) for the duration of the call.
#[no_mangle]
pub unsafe extern "C" fn oxpar_dnrm2(
    ctx: *const oxpar_context,
    n: usize,
    x: *const f64,
    incx: isize,
    out: *mut f64,
) -> oxpar_status {
    // SAFETY: this function's contract.
    call("oxpar_dnrm2", || unsafe {
        norm(ctx, n, x, incx, out, Norm::Nrm2)
    })
}

/// `*out :=` the sum of the absolute values of `x` (doubles).
///
/// In reproducible mode (`oxpar_context_set_reproducible`) the result is the
/// exact one correctly rounded: the same bits on any backend, number of
/// threads or MPI ranks.
///
/// Vectors are given by a pointer to their logical first element: element `i`
/// of `x` is at `x + i*incx` for negative `incx` too (NumPy's and Fortran's
/// convention). Reference BLAS takes the array's lowest address instead: to
/// port a BLAS call with `incx < 0`, pass `x + (n-1)*(-incx)`.
///
/// Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, out; x with n > 0),
/// `OXPAR_STATUS_INVALID_ARGUMENT` (x not aligned for its type),
/// `OXPAR_STATUS_INVALID_STRIDE` (a vector beyond the address space; incx 0,
/// which reads one element n times, is allowed). On an OpenCL context also
/// `OXPAR_STATUS_DEVICE_ERROR` and `OXPAR_STATUS_OUT_OF_MEMORY`. On an MPI
/// context the call is collective: an argument error on one rank fails every
/// rank (the others get an error naming that rank; ranks that mix element types or
/// operations all get `OXPAR_STATUS_INVALID_ARGUMENT`), and an MPI failure is
/// `OXPAR_STATUS_COMM_ERROR`.
///
/// # Safety
/// `ctx` is NULL or a live context; every non-NULL pointer addresses the
/// elements its sizes and strides describe (readable, and writable for
/// outputs) for the duration of the call.
#[no_mangle]
pub unsafe extern "C" fn oxpar_dasum(
    ctx: *const oxpar_context,
    n: usize,
    x: *const f64,
    incx: isize,
    out: *mut f64,
) -> oxpar_status {
    // SAFETY: this function's contract.
    call("oxpar_dasum", || unsafe {
        norm(ctx, n, x, incx, out, Norm::Asum)
    })
}
/// `*out :=` the sum of the elements of `x` (doubles; 0 when `n == 0`). The
/// ordinary sum adds in an order that depends on the backend and its number
/// of threads (so the last bits may differ between them).
///
/// In reproducible mode (`oxpar_context_set_reproducible`) the result is the
/// exact one correctly rounded: the same bits on any backend, number of
/// threads or MPI ranks.
///
/// Vectors are given by a pointer to their logical first element: element `i`
/// of `x` is at `x + i*incx` for negative `incx` too (NumPy's and Fortran's
/// convention). Reference BLAS takes the array's lowest address instead: to
/// port a BLAS call with `incx < 0`, pass `x + (n-1)*(-incx)`.
///
/// Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, out; x with n > 0),
/// `OXPAR_STATUS_INVALID_ARGUMENT` (x not aligned for its type),
/// `OXPAR_STATUS_INVALID_STRIDE` (a vector beyond the address space; incx 0,
/// which reads one element n times, is allowed). On an OpenCL context also
/// `OXPAR_STATUS_DEVICE_ERROR` and `OXPAR_STATUS_OUT_OF_MEMORY`. On an MPI
/// context the call is collective: an argument error on one rank fails every
/// rank (the others get an error naming that rank; ranks that mix element types or
/// operations all get `OXPAR_STATUS_INVALID_ARGUMENT`), and an MPI failure is
/// `OXPAR_STATUS_COMM_ERROR`.
///
/// # Safety
/// `ctx` is NULL or a live context; every non-NULL pointer addresses the
/// elements its sizes and strides describe (readable, and writable for
/// outputs) for the duration of the call.
#[no_mangle]
pub unsafe extern "C" fn oxpar_dsum(
    ctx: *const oxpar_context,
    n: usize,
    x: *const f64,
    incx: isize,
    out: *mut f64,
) -> oxpar_status {
    // SAFETY: this function's contract.
    call("oxpar_dsum", || unsafe {
        norm(ctx, n, x, incx, out, Norm::Sum)
    })
}

/// `*out :=` the 0-based index of the first element of largest absolute
/// value of `x` (doubles); the first NaN if there is one; `OXPAR_INDEX_NONE`
/// when `n == 0`.
///
/// Vectors are given by a pointer to their logical first element: element `i`
/// of `x` is at `x + i*incx` for negative `incx` too (NumPy's and Fortran's
/// convention). Reference BLAS takes the array's lowest address instead: to
/// port a BLAS call with `incx < 0`, pass `x + (n-1)*(-incx)`.
///
/// Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, out; x with n > 0),
/// `OXPAR_STATUS_INVALID_ARGUMENT` (x not aligned for its type),
/// `OXPAR_STATUS_INVALID_STRIDE` (a vector beyond the address space; incx 0,
/// which reads one element n times, is allowed). On an OpenCL context also
/// `OXPAR_STATUS_DEVICE_ERROR` and `OXPAR_STATUS_OUT_OF_MEMORY`. On an MPI
/// context the call is collective: an argument error on one rank fails every
/// rank (the others get an error naming that rank; ranks that mix element types or
/// operations all get `OXPAR_STATUS_INVALID_ARGUMENT`), and an MPI failure is
/// `OXPAR_STATUS_COMM_ERROR`.
///
/// # Safety
/// `ctx` is NULL or a live context; every non-NULL pointer addresses the
/// elements its sizes and strides describe (readable, and writable for
/// outputs) for the duration of the call.
#[no_mangle]
pub unsafe extern "C" fn oxpar_idamax(
    ctx: *const oxpar_context,
    n: usize,
    x: *const f64,
    incx: isize,
    out: *mut usize,
) -> oxpar_status {
    // SAFETY: this function's contract.
    call("oxpar_idamax", || unsafe {
        reduce(ffi::context(ctx)?, n, x, incx, out, Op::Iamax, |b, x| {
            Ok(Level1::<f64>::iamax(b, x)?.unwrap_or(crate::OXPAR_INDEX_NONE))
        })
    })
}

/// `y := alpha*op(A)*x + beta*y` on doubles, where `A` is the `m x n` matrix at
/// `a` with element strides `rsa` (between rows) and `csa` (between columns),
/// and `op(A)` is `A` (`trans = OXPAR_TRANS_NO`: `x` has `n` elements, `y` has
/// `m`) or `A^T` (`OXPAR_TRANS_YES`: `x` has `m`, `y` has `n`). `beta == 0`
/// does not read `y`; `alpha == 0` reads neither `A` nor `x`.
///
/// Vectors are given by a pointer to their logical first element: element `i`
/// of `x` is at `x + i*incx` for negative `incx` too (NumPy's and Fortran's
/// convention). Reference BLAS takes the array's lowest address instead: to
/// port a BLAS call with `incx < 0`, pass `x + (n-1)*(-incx)`.
///
/// Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, alpha, beta; a, x or y when not empty),
/// `OXPAR_STATUS_INVALID_ARGUMENT` (trans neither `OXPAR_TRANS_NO` nor
/// `OXPAR_TRANS_YES`; an array not aligned for its type),
/// `OXPAR_STATUS_INVALID_STRIDE` (incy 0 for more than one element, or an
/// operand beyond the address space). A and x may have any strides, 0 included,
/// and may share memory with y: the result is as if they were read first. On an
/// OpenCL context also `OXPAR_STATUS_DEVICE_ERROR` and
/// `OXPAR_STATUS_OUT_OF_MEMORY`. On an MPI context the call is collective: an
/// argument error on one rank fails every rank (the others get an error naming
/// that rank), and an MPI failure is `OXPAR_STATUS_COMM_ERROR`.
///
/// # Safety
/// `ctx` is NULL or a live context; every non-NULL pointer addresses the
/// elements its sizes and strides describe (readable, and writable for
/// outputs) for the duration of the call.
#[no_mangle]
pub unsafe extern "C" fn oxpar_dgemv(
    ctx: *const oxpar_context,
    trans: i32,
    m: usize,
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
    call("oxpar_dgemv", || unsafe {
        gemv(
            ctx,
            trans,
            (m, n, None),
            alpha,
            a,
            rsa,
            csa,
            x,
            incx,
            beta,
            y,
            incy,
        )
    })
}

/// `A := alpha*x*y^T + A` on doubles, `A` being `m x n` with strides `rsa`,
/// `csa`, `x` of `m` and `y` of `n` elements. `alpha == 0` returns at once.
///
/// Vectors are given by a pointer to their logical first element: element `i`
/// of `x` is at `x + i*incx` for negative `incx` too (NumPy's and Fortran's
/// convention). Reference BLAS takes the array's lowest address instead: to
/// port a BLAS call with `incx < 0`, pass `x + (n-1)*(-incx)`.
///
/// Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, alpha; x, y or a when not empty),
/// `OXPAR_STATUS_INVALID_ARGUMENT` (an array not aligned for its type),
/// `OXPAR_STATUS_INVALID_STRIDE` (rsa, csa that give two elements of A one
/// address, or an operand beyond the address space). x and y may have any
/// increments, 0 included, and may share memory with A: the result is as if
/// they were read first. On an OpenCL context also `OXPAR_STATUS_DEVICE_ERROR`
/// and `OXPAR_STATUS_OUT_OF_MEMORY`. On an MPI context the call is collective:
/// an argument error on one rank fails every rank (the others get an error
/// naming that rank; ranks that mix element types or
/// operations all get `OXPAR_STATUS_INVALID_ARGUMENT`), and an MPI failure is `OXPAR_STATUS_COMM_ERROR`.
///
/// # Safety
/// `ctx` is NULL or a live context; every non-NULL pointer addresses the
/// elements its sizes and strides describe (readable, and writable for
/// outputs) for the duration of the call.
#[no_mangle]
pub unsafe extern "C" fn oxpar_dger(
    ctx: *const oxpar_context,
    m: usize,
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
    call("oxpar_dger", || unsafe {
        ger(ctx, (m, n, None), alpha, x, incx, y, incy, a, rsa, csa)
    })
}

/// `C := alpha*op(A)*op(B) + beta*C` on doubles, with `op(A)` `m x k`, `op(B)`
/// `k x n` and `C` `m x n`; each matrix is given by a pointer to its element
/// (0, 0) as stored and its element strides (row, column). `transa`/`transb`
/// are `OXPAR_TRANS_NO` or `OXPAR_TRANS_YES` (then `a` holds the `k x m`
/// matrix `A`, and so on). Column-major (Fortran) data: `rs = 1, cs = ld`;
/// row-major (C): `rs = ld, cs = 1`. `beta == 0` does not read `C` (NaN there
/// does not come out); `alpha == 0` or `k == 0` reads neither `A` nor `B`.
///
/// Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, alpha, beta; a, b or c when not empty),
/// `OXPAR_STATUS_INVALID_ARGUMENT` (transa or transb neither `OXPAR_TRANS_NO`
/// nor `OXPAR_TRANS_YES`; an array not aligned for its type),
/// `OXPAR_STATUS_INVALID_STRIDE` (strides that give two elements of C the same
/// address, or an operand beyond the address space). A and B may have any
/// strides, 0 included, and may share memory with C: the result is as if they
/// were read first. On an OpenCL context also `OXPAR_STATUS_DEVICE_ERROR` and
/// `OXPAR_STATUS_OUT_OF_MEMORY`. On an MPI context the call is collective: an
/// argument error on one rank fails every rank (the others get an error naming
/// that rank), and an MPI failure is `OXPAR_STATUS_COMM_ERROR`.
///
/// # Safety
/// `ctx` is NULL or a live context; every non-NULL pointer addresses the
/// elements its sizes and strides describe (readable, and writable for
/// outputs) for the duration of the call.
#[no_mangle]
pub unsafe extern "C" fn oxpar_dgemm(
    ctx: *const oxpar_context,
    transa: i32,
    transb: i32,
    m: usize,
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
    call("oxpar_dgemm", || unsafe {
        gemm(
            ctx,
            transa,
            transb,
            m,
            n,
            (k, k),
            alpha,
            a,
            rsa,
            csa,
            b,
            rsb,
            csb,
            beta,
            c,
            rsc,
            csc,
        )
    })
}
