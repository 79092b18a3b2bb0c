//! Generated from the routine table (xtask/src/routines.rs) by `make gen`.
//! Do not edit: change the table (and its docs in xtask/src/helper_docs.rs)
//! and regenerate.
//!
//! The typed shells of the routines whose generic helpers in `blas.rs`
//! are written by hand.

use super::*;

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
        dot(ctx, n, x, incx, y, incy, out, false)
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
    call("oxpar_ssum", || unsafe { sum(ctx, n, x, incx, out) })
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
    call("oxpar_isamax", || unsafe { iamax(ctx, n, x, incx, out) })
}

/// `y := alpha*op(A)*x + beta*y` on floats, where `A` is the `m x n` matrix at
/// `a` with element strides `rsa` (between rows) and `csa` (between columns),
/// and `op(A)` is `A` (`trans = OXPAR_TRANS_NO`: `x` has `n` elements, `y` has
/// `m`), `A^T` (`OXPAR_TRANS_YES`: `x` has `m`, `y` has `n`) or `A^H`
/// (`OXPAR_TRANS_CONJ`, the conjugate transpose; `A^T` for real elements, as
/// BLAS's `'C'`). `beta == 0` does not read `y`; `alpha == 0` reads neither
/// `A` nor `x`.
///
/// Vectors are given by a pointer to their logical first element: element `i`
/// of `x` is at `x + i*incx` for negative `incx` too (NumPy's and Fortran's
/// convention). Reference BLAS takes the array's lowest address instead: to
/// port a BLAS call with `incx < 0`, pass `x + (n-1)*(-incx)`.
///
/// Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, alpha, beta; a, x or y when not empty),
/// `OXPAR_STATUS_INVALID_ARGUMENT` (trans none of `OXPAR_TRANS_NO`,
/// `OXPAR_TRANS_YES`, `OXPAR_TRANS_CONJ`; an array not aligned for its type),
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
/// are `OXPAR_TRANS_NO`, `OXPAR_TRANS_YES` (then `a` holds the `k x m`
/// matrix `A`, and so on) or `OXPAR_TRANS_CONJ` (the conjugate transpose;
/// the transpose for real elements, as BLAS's `'C'`). Column-major (Fortran) data: `rs = 1, cs = ld`;
/// row-major (C): `rs = ld, cs = 1`. `beta == 0` does not read `C` (NaN there
/// does not come out); `alpha == 0` or `k == 0` reads neither `A` nor `B`.
///
/// Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, alpha, beta; a, b or c when not empty),
/// `OXPAR_STATUS_INVALID_ARGUMENT` (transa or transb none of `OXPAR_TRANS_NO`,
/// `OXPAR_TRANS_YES`, `OXPAR_TRANS_CONJ`; an array not aligned for its type),
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
        dot(ctx, n, x, incx, y, incy, out, false)
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
    call("oxpar_dsum", || unsafe { sum(ctx, n, x, incx, out) })
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
    call("oxpar_idamax", || unsafe { iamax(ctx, n, x, incx, out) })
}

/// `y := alpha*op(A)*x + beta*y` on doubles, where `A` is the `m x n` matrix at
/// `a` with element strides `rsa` (between rows) and `csa` (between columns),
/// and `op(A)` is `A` (`trans = OXPAR_TRANS_NO`: `x` has `n` elements, `y` has
/// `m`), `A^T` (`OXPAR_TRANS_YES`: `x` has `m`, `y` has `n`) or `A^H`
/// (`OXPAR_TRANS_CONJ`, the conjugate transpose; `A^T` for real elements, as
/// BLAS's `'C'`). `beta == 0` does not read `y`; `alpha == 0` reads neither
/// `A` nor `x`.
///
/// Vectors are given by a pointer to their logical first element: element `i`
/// of `x` is at `x + i*incx` for negative `incx` too (NumPy's and Fortran's
/// convention). Reference BLAS takes the array's lowest address instead: to
/// port a BLAS call with `incx < 0`, pass `x + (n-1)*(-incx)`.
///
/// Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, alpha, beta; a, x or y when not empty),
/// `OXPAR_STATUS_INVALID_ARGUMENT` (trans none of `OXPAR_TRANS_NO`,
/// `OXPAR_TRANS_YES`, `OXPAR_TRANS_CONJ`; an array not aligned for its type),
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
/// are `OXPAR_TRANS_NO`, `OXPAR_TRANS_YES` (then `a` holds the `k x m`
/// matrix `A`, and so on) or `OXPAR_TRANS_CONJ` (the conjugate transpose;
/// the transpose for real elements, as BLAS's `'C'`). Column-major (Fortran) data: `rs = 1, cs = ld`;
/// row-major (C): `rs = ld, cs = 1`. `beta == 0` does not read `C` (NaN there
/// does not come out); `alpha == 0` or `k == 0` reads neither `A` nor `B`.
///
/// Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, alpha, beta; a, b or c when not empty),
/// `OXPAR_STATUS_INVALID_ARGUMENT` (transa or transb none of `OXPAR_TRANS_NO`,
/// `OXPAR_TRANS_YES`, `OXPAR_TRANS_CONJ`; an array not aligned for its type),
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

/// `y := alpha*x + y` on single-precision complex numbers. `alpha == 0` returns without reading `x`.
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
pub unsafe extern "C" fn oxpar_caxpy(
    ctx: *const oxpar_context,
    n: usize,
    alpha: *const oxpar_c32,
    x: *const oxpar_c32,
    incx: isize,
    y: *mut oxpar_c32,
    incy: isize,
) -> oxpar_status {
    // SAFETY: this function's contract.
    call("oxpar_caxpy", || unsafe {
        axpy(ctx, n, alpha, x, incx, y, incy)
    })
}

/// `x := alpha*x` on single-precision complex numbers.
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
pub unsafe extern "C" fn oxpar_cscal(
    ctx: *const oxpar_context,
    n: usize,
    alpha: *const oxpar_c32,
    x: *mut oxpar_c32,
    incx: isize,
) -> oxpar_status {
    // SAFETY: this function's contract.
    call("oxpar_cscal", || unsafe { scal(ctx, n, alpha, x, incx) })
}

/// `x := alpha*x` on single-precision complex numbers with a real `alpha`: each real and imaginary
/// part is multiplied by `alpha` (as BLAS's csscal; an infinite part does not
/// turn the other one into NaN).
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
pub unsafe extern "C" fn oxpar_csscal(
    ctx: *const oxpar_context,
    n: usize,
    alpha: *const f32,
    x: *mut oxpar_c32,
    incx: isize,
) -> oxpar_status {
    // SAFETY: this function's contract.
    call("oxpar_csscal", || unsafe { rscal(ctx, n, alpha, x, incx) })
}

/// `y := x` on single-precision complex numbers.
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
pub unsafe extern "C" fn oxpar_ccopy(
    ctx: *const oxpar_context,
    n: usize,
    x: *const oxpar_c32,
    incx: isize,
    y: *mut oxpar_c32,
    incy: isize,
) -> oxpar_status {
    // SAFETY: this function's contract.
    call("oxpar_ccopy", || unsafe { copy(ctx, n, x, incx, y, incy) })
}

/// Exchanges the single-precision complex number vectors `x` and `y`.
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
pub unsafe extern "C" fn oxpar_cswap(
    ctx: *const oxpar_context,
    n: usize,
    x: *mut oxpar_c32,
    incx: isize,
    y: *mut oxpar_c32,
    incy: isize,
) -> oxpar_status {
    // SAFETY: this function's contract.
    call("oxpar_cswap", || unsafe { swap(ctx, n, x, incx, y, incy) })
}

/// `*out := sum x_i * y_i` on single-precision complex numbers, neither conjugated (BLAS's dotu;
/// 0 when `n == 0`).
///
/// In reproducible mode (`oxpar_context_set_reproducible`) each part of the
/// result is the exact one correctly rounded: the same bits on any backend or
/// number of threads.
///
/// Vectors are given by a pointer to their logical first element: element `i`
/// of `x` is at `x + i*incx` for negative `incx` too (NumPy's and Fortran's
/// convention). Reference BLAS takes the array's lowest address instead: to
/// port a BLAS call with `incx < 0`, pass `x + (n-1)*(-incx)`.
///
/// Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, out; x or y with n > 0),
/// `OXPAR_STATUS_INVALID_ARGUMENT` (x or y not aligned for its type),
/// `OXPAR_STATUS_INVALID_STRIDE` (a vector beyond the address space; an
/// increment of 0, which reads one element n times, is allowed). On an MPI
/// context the call is collective: an argument error on one rank fails every
/// rank (the others get an error naming that rank; ranks that mix element types or
/// operations, dotu with dotc among them, all get `OXPAR_STATUS_INVALID_ARGUMENT`),
/// and an MPI failure is `OXPAR_STATUS_COMM_ERROR`.
///
/// On an MPI context complex elements are distributed as real ones are, and
/// the call is collective in the same way: ranks that mix complex and real
/// elements, or the two complex types, all get `OXPAR_STATUS_INVALID_ARGUMENT`.
///
/// # Safety
/// `ctx` is NULL or a live context; every non-NULL pointer addresses the
/// elements its sizes and strides describe (readable, and writable for
/// outputs) for the duration of the call.
#[no_mangle]
pub unsafe extern "C" fn oxpar_cdotu(
    ctx: *const oxpar_context,
    n: usize,
    x: *const oxpar_c32,
    incx: isize,
    y: *const oxpar_c32,
    incy: isize,
    out: *mut oxpar_c32,
) -> oxpar_status {
    // SAFETY: this function's contract.
    call("oxpar_cdotu", || unsafe {
        dot(ctx, n, x, incx, y, incy, out, false)
    })
}

/// `*out := sum conj(x_i) * y_i` on single-precision complex numbers (BLAS's dotc; 0 when
/// `n == 0`).
///
/// In reproducible mode (`oxpar_context_set_reproducible`) each part of the
/// result is the exact one correctly rounded: the same bits on any backend or
/// number of threads.
///
/// Vectors are given by a pointer to their logical first element: element `i`
/// of `x` is at `x + i*incx` for negative `incx` too (NumPy's and Fortran's
/// convention). Reference BLAS takes the array's lowest address instead: to
/// port a BLAS call with `incx < 0`, pass `x + (n-1)*(-incx)`.
///
/// Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, out; x or y with n > 0),
/// `OXPAR_STATUS_INVALID_ARGUMENT` (x or y not aligned for its type),
/// `OXPAR_STATUS_INVALID_STRIDE` (a vector beyond the address space; an
/// increment of 0, which reads one element n times, is allowed). On an MPI
/// context the call is collective: an argument error on one rank fails every
/// rank (the others get an error naming that rank; ranks that mix element types or
/// operations, dotu with dotc among them, all get `OXPAR_STATUS_INVALID_ARGUMENT`),
/// and an MPI failure is `OXPAR_STATUS_COMM_ERROR`.
///
/// On an MPI context complex elements are distributed as real ones are, and
/// the call is collective in the same way: ranks that mix complex and real
/// elements, or the two complex types, all get `OXPAR_STATUS_INVALID_ARGUMENT`.
///
/// # Safety
/// `ctx` is NULL or a live context; every non-NULL pointer addresses the
/// elements its sizes and strides describe (readable, and writable for
/// outputs) for the duration of the call.
#[no_mangle]
pub unsafe extern "C" fn oxpar_cdotc(
    ctx: *const oxpar_context,
    n: usize,
    x: *const oxpar_c32,
    incx: isize,
    y: *const oxpar_c32,
    incy: isize,
    out: *mut oxpar_c32,
) -> oxpar_status {
    // SAFETY: this function's contract.
    call("oxpar_cdotc", || unsafe {
        dot(ctx, n, x, incx, y, incy, out, true)
    })
}

/// `*out :=` the Euclidean norm of `x` (single-precision complex numbers), without overflow or
/// underflow in intermediate results; NaN if any element is NaN.
///
/// The result is real: `*out` is the real type of the elements.
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
/// On an MPI context complex elements are distributed as real ones are, and
/// the call is collective in the same way: ranks that mix complex and real
/// elements, or the two complex types, all get `OXPAR_STATUS_INVALID_ARGUMENT`.
///
/// # Safety
/// `ctx` is NULL or a live context; every non-NULL pointer addresses the
/// elements its sizes and strides describe (readable, and writable for
/// outputs) for the duration of the call.
#[no_mangle]
pub unsafe extern "C" fn oxpar_scnrm2(
    ctx: *const oxpar_context,
    n: usize,
    x: *const oxpar_c32,
    incx: isize,
    out: *mut f32,
) -> oxpar_status {
    // SAFETY: this function's contract.
    call("oxpar_scnrm2", || unsafe {
        norm(ctx, n, x, incx, out, Norm::Nrm2)
    })
}

/// `*out :=` the sum of the absolute values of `x` (single-precision complex numbers).
///
/// The absolute value of a complex element is `|re| + |im|`, as in BLAS
/// scasum/dzasum (not the modulus); the result is real.
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
/// On an MPI context complex elements are distributed as real ones are, and
/// the call is collective in the same way: ranks that mix complex and real
/// elements, or the two complex types, all get `OXPAR_STATUS_INVALID_ARGUMENT`.
///
/// # Safety
/// `ctx` is NULL or a live context; every non-NULL pointer addresses the
/// elements its sizes and strides describe (readable, and writable for
/// outputs) for the duration of the call.
#[no_mangle]
pub unsafe extern "C" fn oxpar_scasum(
    ctx: *const oxpar_context,
    n: usize,
    x: *const oxpar_c32,
    incx: isize,
    out: *mut f32,
) -> oxpar_status {
    // SAFETY: this function's contract.
    call("oxpar_scasum", || unsafe {
        norm(ctx, n, x, incx, out, Norm::Asum)
    })
}

/// `*out :=` the sum of the elements of `x` (single-precision complex numbers; 0 when `n == 0`). The
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
/// On an MPI context complex elements are distributed as real ones are, and
/// the call is collective in the same way: ranks that mix complex and real
/// elements, or the two complex types, all get `OXPAR_STATUS_INVALID_ARGUMENT`.
///
/// # Safety
/// `ctx` is NULL or a live context; every non-NULL pointer addresses the
/// elements its sizes and strides describe (readable, and writable for
/// outputs) for the duration of the call.
#[no_mangle]
pub unsafe extern "C" fn oxpar_csum(
    ctx: *const oxpar_context,
    n: usize,
    x: *const oxpar_c32,
    incx: isize,
    out: *mut oxpar_c32,
) -> oxpar_status {
    // SAFETY: this function's contract.
    call("oxpar_csum", || unsafe { sum(ctx, n, x, incx, out) })
}

/// `*out :=` the 0-based index of the first element of largest absolute
/// value of `x` (single-precision complex numbers); the first NaN if there is one; `OXPAR_INDEX_NONE`
/// when `n == 0`.
///
/// The absolute value of a complex element is `|re| + |im|`, as in BLAS
/// icamax/izamax (not the modulus).
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
/// On an MPI context complex elements are distributed as real ones are, and
/// the call is collective in the same way: ranks that mix complex and real
/// elements, or the two complex types, all get `OXPAR_STATUS_INVALID_ARGUMENT`.
///
/// # Safety
/// `ctx` is NULL or a live context; every non-NULL pointer addresses the
/// elements its sizes and strides describe (readable, and writable for
/// outputs) for the duration of the call.
#[no_mangle]
pub unsafe extern "C" fn oxpar_icamax(
    ctx: *const oxpar_context,
    n: usize,
    x: *const oxpar_c32,
    incx: isize,
    out: *mut usize,
) -> oxpar_status {
    // SAFETY: this function's contract.
    call("oxpar_icamax", || unsafe { iamax(ctx, n, x, incx, out) })
}

/// `y := alpha*op(A)*x + beta*y` on single-precision complex numbers, where `A` is the `m x n` matrix at
/// `a` with element strides `rsa` (between rows) and `csa` (between columns),
/// and `op(A)` is `A` (`trans = OXPAR_TRANS_NO`: `x` has `n` elements, `y` has
/// `m`), `A^T` (`OXPAR_TRANS_YES`: `x` has `m`, `y` has `n`) or `A^H`
/// (`OXPAR_TRANS_CONJ`, the conjugate transpose; `A^T` for real elements, as
/// BLAS's `'C'`). `beta == 0` does not read `y`; `alpha == 0` reads neither
/// `A` nor `x`.
///
/// Vectors are given by a pointer to their logical first element: element `i`
/// of `x` is at `x + i*incx` for negative `incx` too (NumPy's and Fortran's
/// convention). Reference BLAS takes the array's lowest address instead: to
/// port a BLAS call with `incx < 0`, pass `x + (n-1)*(-incx)`.
///
/// Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, alpha, beta; a, x or y when not empty),
/// `OXPAR_STATUS_INVALID_ARGUMENT` (trans none of `OXPAR_TRANS_NO`,
/// `OXPAR_TRANS_YES`, `OXPAR_TRANS_CONJ`; an array not aligned for its type),
/// `OXPAR_STATUS_INVALID_STRIDE` (incy 0 for more than one element, or an
/// operand beyond the address space). A and x may have any strides, 0 included,
/// and may share memory with y: the result is as if they were read first. On an
/// OpenCL context also `OXPAR_STATUS_DEVICE_ERROR` and
/// `OXPAR_STATUS_OUT_OF_MEMORY`. On an MPI context the call is collective: an
/// argument error on one rank fails every rank (the others get an error naming
/// that rank), and an MPI failure is `OXPAR_STATUS_COMM_ERROR`.
///
/// On an MPI context complex elements are distributed as real ones are, and
/// the call is collective in the same way: ranks that mix complex and real
/// elements, or the two complex types, all get `OXPAR_STATUS_INVALID_ARGUMENT`.
///
/// # Safety
/// `ctx` is NULL or a live context; every non-NULL pointer addresses the
/// elements its sizes and strides describe (readable, and writable for
/// outputs) for the duration of the call.
#[no_mangle]
pub unsafe extern "C" fn oxpar_cgemv(
    ctx: *const oxpar_context,
    trans: i32,
    m: usize,
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
    call("oxpar_cgemv", || unsafe {
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

/// `A := alpha*x*y^T + A` on single-precision complex numbers, nothing conjugated (BLAS's geru),
/// `A` being `m x n` with strides `rsa`, `csa`, `x` of `m` and `y` of `n`
/// elements. `alpha == 0` returns at once.
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
/// they were read first. On an MPI context the call is collective: an argument
/// error on one rank fails every rank (the others get an error naming that rank;
/// ranks that mix element types or operations, geru with gerc among them, all get
/// `OXPAR_STATUS_INVALID_ARGUMENT`), and an MPI failure is `OXPAR_STATUS_COMM_ERROR`.
///
/// On an MPI context complex elements are distributed as real ones are, and
/// the call is collective in the same way: ranks that mix complex and real
/// elements, or the two complex types, all get `OXPAR_STATUS_INVALID_ARGUMENT`.
///
/// # Safety
/// `ctx` is NULL or a live context; every non-NULL pointer addresses the
/// elements its sizes and strides describe (readable, and writable for
/// outputs) for the duration of the call.
#[no_mangle]
pub unsafe extern "C" fn oxpar_cgeru(
    ctx: *const oxpar_context,
    m: usize,
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
    call("oxpar_cgeru", || unsafe {
        ger_op(ctx, (m, n), alpha, x, incx, y, incy, a, rsa, csa, false)
    })
}

/// `A := alpha*x*y^H + A` on single-precision complex numbers, `y` conjugated (BLAS's gerc), `A`
/// being `m x n` with strides `rsa`, `csa`, `x` of `m` and `y` of `n`
/// elements. `alpha == 0` returns at once.
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
/// they were read first. On an MPI context the call is collective: an argument
/// error on one rank fails every rank (the others get an error naming that rank;
/// ranks that mix element types or operations, geru with gerc among them, all get
/// `OXPAR_STATUS_INVALID_ARGUMENT`), and an MPI failure is `OXPAR_STATUS_COMM_ERROR`.
///
/// On an MPI context complex elements are distributed as real ones are, and
/// the call is collective in the same way: ranks that mix complex and real
/// elements, or the two complex types, all get `OXPAR_STATUS_INVALID_ARGUMENT`.
///
/// # Safety
/// `ctx` is NULL or a live context; every non-NULL pointer addresses the
/// elements its sizes and strides describe (readable, and writable for
/// outputs) for the duration of the call.
#[no_mangle]
pub unsafe extern "C" fn oxpar_cgerc(
    ctx: *const oxpar_context,
    m: usize,
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
    call("oxpar_cgerc", || unsafe {
        ger_op(ctx, (m, n), alpha, x, incx, y, incy, a, rsa, csa, true)
    })
}

/// `C := alpha*op(A)*op(B) + beta*C` on single-precision complex numbers, with `op(A)` `m x k`, `op(B)`
/// `k x n` and `C` `m x n`; each matrix is given by a pointer to its element
/// (0, 0) as stored and its element strides (row, column). `transa`/`transb`
/// are `OXPAR_TRANS_NO`, `OXPAR_TRANS_YES` (then `a` holds the `k x m`
/// matrix `A`, and so on) or `OXPAR_TRANS_CONJ` (the conjugate transpose;
/// the transpose for real elements, as BLAS's `'C'`). Column-major (Fortran) data: `rs = 1, cs = ld`;
/// row-major (C): `rs = ld, cs = 1`. `beta == 0` does not read `C` (NaN there
/// does not come out); `alpha == 0` or `k == 0` reads neither `A` nor `B`.
///
/// Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, alpha, beta; a, b or c when not empty),
/// `OXPAR_STATUS_INVALID_ARGUMENT` (transa or transb none of `OXPAR_TRANS_NO`,
/// `OXPAR_TRANS_YES`, `OXPAR_TRANS_CONJ`; an array not aligned for its type),
/// `OXPAR_STATUS_INVALID_STRIDE` (strides that give two elements of C the same
/// address, or an operand beyond the address space). A and B may have any
/// strides, 0 included, and may share memory with C: the result is as if they
/// were read first. On an OpenCL context also `OXPAR_STATUS_DEVICE_ERROR` and
/// `OXPAR_STATUS_OUT_OF_MEMORY`. On an MPI context the call is collective: an
/// argument error on one rank fails every rank (the others get an error naming
/// that rank), and an MPI failure is `OXPAR_STATUS_COMM_ERROR`.
///
/// On an MPI context complex elements are distributed as real ones are, and
/// the call is collective in the same way: ranks that mix complex and real
/// elements, or the two complex types, all get `OXPAR_STATUS_INVALID_ARGUMENT`.
///
/// # Safety
/// `ctx` is NULL or a live context; every non-NULL pointer addresses the
/// elements its sizes and strides describe (readable, and writable for
/// outputs) for the duration of the call.
#[no_mangle]
pub unsafe extern "C" fn oxpar_cgemm(
    ctx: *const oxpar_context,
    transa: i32,
    transb: i32,
    m: usize,
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
    call("oxpar_cgemm", || unsafe {
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

/// `y := alpha*x + y` on double-precision complex numbers. `alpha == 0` returns without reading `x`.
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
pub unsafe extern "C" fn oxpar_zaxpy(
    ctx: *const oxpar_context,
    n: usize,
    alpha: *const oxpar_c64,
    x: *const oxpar_c64,
    incx: isize,
    y: *mut oxpar_c64,
    incy: isize,
) -> oxpar_status {
    // SAFETY: this function's contract.
    call("oxpar_zaxpy", || unsafe {
        axpy(ctx, n, alpha, x, incx, y, incy)
    })
}

/// `x := alpha*x` on double-precision complex numbers.
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
pub unsafe extern "C" fn oxpar_zscal(
    ctx: *const oxpar_context,
    n: usize,
    alpha: *const oxpar_c64,
    x: *mut oxpar_c64,
    incx: isize,
) -> oxpar_status {
    // SAFETY: this function's contract.
    call("oxpar_zscal", || unsafe { scal(ctx, n, alpha, x, incx) })
}

/// `x := alpha*x` on double-precision complex numbers with a real `alpha`: each real and imaginary
/// part is multiplied by `alpha` (as BLAS's csscal; an infinite part does not
/// turn the other one into NaN).
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
pub unsafe extern "C" fn oxpar_zdscal(
    ctx: *const oxpar_context,
    n: usize,
    alpha: *const f64,
    x: *mut oxpar_c64,
    incx: isize,
) -> oxpar_status {
    // SAFETY: this function's contract.
    call("oxpar_zdscal", || unsafe { rscal(ctx, n, alpha, x, incx) })
}

/// `y := x` on double-precision complex numbers.
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
pub unsafe extern "C" fn oxpar_zcopy(
    ctx: *const oxpar_context,
    n: usize,
    x: *const oxpar_c64,
    incx: isize,
    y: *mut oxpar_c64,
    incy: isize,
) -> oxpar_status {
    // SAFETY: this function's contract.
    call("oxpar_zcopy", || unsafe { copy(ctx, n, x, incx, y, incy) })
}

/// Exchanges the double-precision complex number vectors `x` and `y`.
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
pub unsafe extern "C" fn oxpar_zswap(
    ctx: *const oxpar_context,
    n: usize,
    x: *mut oxpar_c64,
    incx: isize,
    y: *mut oxpar_c64,
    incy: isize,
) -> oxpar_status {
    // SAFETY: this function's contract.
    call("oxpar_zswap", || unsafe { swap(ctx, n, x, incx, y, incy) })
}

/// `*out := sum x_i * y_i` on double-precision complex numbers, neither conjugated (BLAS's dotu;
/// 0 when `n == 0`).
///
/// In reproducible mode (`oxpar_context_set_reproducible`) each part of the
/// result is the exact one correctly rounded: the same bits on any backend or
/// number of threads.
///
/// Vectors are given by a pointer to their logical first element: element `i`
/// of `x` is at `x + i*incx` for negative `incx` too (NumPy's and Fortran's
/// convention). Reference BLAS takes the array's lowest address instead: to
/// port a BLAS call with `incx < 0`, pass `x + (n-1)*(-incx)`.
///
/// Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, out; x or y with n > 0),
/// `OXPAR_STATUS_INVALID_ARGUMENT` (x or y not aligned for its type),
/// `OXPAR_STATUS_INVALID_STRIDE` (a vector beyond the address space; an
/// increment of 0, which reads one element n times, is allowed). On an MPI
/// context the call is collective: an argument error on one rank fails every
/// rank (the others get an error naming that rank; ranks that mix element types or
/// operations, dotu with dotc among them, all get `OXPAR_STATUS_INVALID_ARGUMENT`),
/// and an MPI failure is `OXPAR_STATUS_COMM_ERROR`.
///
/// On an MPI context complex elements are distributed as real ones are, and
/// the call is collective in the same way: ranks that mix complex and real
/// elements, or the two complex types, all get `OXPAR_STATUS_INVALID_ARGUMENT`.
///
/// # Safety
/// `ctx` is NULL or a live context; every non-NULL pointer addresses the
/// elements its sizes and strides describe (readable, and writable for
/// outputs) for the duration of the call.
#[no_mangle]
pub unsafe extern "C" fn oxpar_zdotu(
    ctx: *const oxpar_context,
    n: usize,
    x: *const oxpar_c64,
    incx: isize,
    y: *const oxpar_c64,
    incy: isize,
    out: *mut oxpar_c64,
) -> oxpar_status {
    // SAFETY: this function's contract.
    call("oxpar_zdotu", || unsafe {
        dot(ctx, n, x, incx, y, incy, out, false)
    })
}

/// `*out := sum conj(x_i) * y_i` on double-precision complex numbers (BLAS's dotc; 0 when
/// `n == 0`).
///
/// In reproducible mode (`oxpar_context_set_reproducible`) each part of the
/// result is the exact one correctly rounded: the same bits on any backend or
/// number of threads.
///
/// Vectors are given by a pointer to their logical first element: element `i`
/// of `x` is at `x + i*incx` for negative `incx` too (NumPy's and Fortran's
/// convention). Reference BLAS takes the array's lowest address instead: to
/// port a BLAS call with `incx < 0`, pass `x + (n-1)*(-incx)`.
///
/// Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, out; x or y with n > 0),
/// `OXPAR_STATUS_INVALID_ARGUMENT` (x or y not aligned for its type),
/// `OXPAR_STATUS_INVALID_STRIDE` (a vector beyond the address space; an
/// increment of 0, which reads one element n times, is allowed). On an MPI
/// context the call is collective: an argument error on one rank fails every
/// rank (the others get an error naming that rank; ranks that mix element types or
/// operations, dotu with dotc among them, all get `OXPAR_STATUS_INVALID_ARGUMENT`),
/// and an MPI failure is `OXPAR_STATUS_COMM_ERROR`.
///
/// On an MPI context complex elements are distributed as real ones are, and
/// the call is collective in the same way: ranks that mix complex and real
/// elements, or the two complex types, all get `OXPAR_STATUS_INVALID_ARGUMENT`.
///
/// # Safety
/// `ctx` is NULL or a live context; every non-NULL pointer addresses the
/// elements its sizes and strides describe (readable, and writable for
/// outputs) for the duration of the call.
#[no_mangle]
pub unsafe extern "C" fn oxpar_zdotc(
    ctx: *const oxpar_context,
    n: usize,
    x: *const oxpar_c64,
    incx: isize,
    y: *const oxpar_c64,
    incy: isize,
    out: *mut oxpar_c64,
) -> oxpar_status {
    // SAFETY: this function's contract.
    call("oxpar_zdotc", || unsafe {
        dot(ctx, n, x, incx, y, incy, out, true)
    })
}

/// `*out :=` the Euclidean norm of `x` (double-precision complex numbers), without overflow or
/// underflow in intermediate results; NaN if any element is NaN.
///
/// The result is real: `*out` is the real type of the elements.
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
/// On an MPI context complex elements are distributed as real ones are, and
/// the call is collective in the same way: ranks that mix complex and real
/// elements, or the two complex types, all get `OXPAR_STATUS_INVALID_ARGUMENT`.
///
/// # Safety
/// `ctx` is NULL or a live context; every non-NULL pointer addresses the
/// elements its sizes and strides describe (readable, and writable for
/// outputs) for the duration of the call.
#[no_mangle]
pub unsafe extern "C" fn oxpar_dznrm2(
    ctx: *const oxpar_context,
    n: usize,
    x: *const oxpar_c64,
    incx: isize,
    out: *mut f64,
) -> oxpar_status {
    // SAFETY: this function's contract.
    call("oxpar_dznrm2", || unsafe {
        norm(ctx, n, x, incx, out, Norm::Nrm2)
    })
}

/// `*out :=` the sum of the absolute values of `x` (double-precision complex numbers).
///
/// The absolute value of a complex element is `|re| + |im|`, as in BLAS
/// scasum/dzasum (not the modulus); the result is real.
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
/// On an MPI context complex elements are distributed as real ones are, and
/// the call is collective in the same way: ranks that mix complex and real
/// elements, or the two complex types, all get `OXPAR_STATUS_INVALID_ARGUMENT`.
///
/// # Safety
/// `ctx` is NULL or a live context; every non-NULL pointer addresses the
/// elements its sizes and strides describe (readable, and writable for
/// outputs) for the duration of the call.
#[no_mangle]
pub unsafe extern "C" fn oxpar_dzasum(
    ctx: *const oxpar_context,
    n: usize,
    x: *const oxpar_c64,
    incx: isize,
    out: *mut f64,
) -> oxpar_status {
    // SAFETY: this function's contract.
    call("oxpar_dzasum", || unsafe {
        norm(ctx, n, x, incx, out, Norm::Asum)
    })
}

/// `*out :=` the sum of the elements of `x` (double-precision complex numbers; 0 when `n == 0`). The
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
/// On an MPI context complex elements are distributed as real ones are, and
/// the call is collective in the same way: ranks that mix complex and real
/// elements, or the two complex types, all get `OXPAR_STATUS_INVALID_ARGUMENT`.
///
/// # Safety
/// `ctx` is NULL or a live context; every non-NULL pointer addresses the
/// elements its sizes and strides describe (readable, and writable for
/// outputs) for the duration of the call.
#[no_mangle]
pub unsafe extern "C" fn oxpar_zsum(
    ctx: *const oxpar_context,
    n: usize,
    x: *const oxpar_c64,
    incx: isize,
    out: *mut oxpar_c64,
) -> oxpar_status {
    // SAFETY: this function's contract.
    call("oxpar_zsum", || unsafe { sum(ctx, n, x, incx, out) })
}

/// `*out :=` the 0-based index of the first element of largest absolute
/// value of `x` (double-precision complex numbers); the first NaN if there is one; `OXPAR_INDEX_NONE`
/// when `n == 0`.
///
/// The absolute value of a complex element is `|re| + |im|`, as in BLAS
/// icamax/izamax (not the modulus).
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
/// On an MPI context complex elements are distributed as real ones are, and
/// the call is collective in the same way: ranks that mix complex and real
/// elements, or the two complex types, all get `OXPAR_STATUS_INVALID_ARGUMENT`.
///
/// # Safety
/// `ctx` is NULL or a live context; every non-NULL pointer addresses the
/// elements its sizes and strides describe (readable, and writable for
/// outputs) for the duration of the call.
#[no_mangle]
pub unsafe extern "C" fn oxpar_izamax(
    ctx: *const oxpar_context,
    n: usize,
    x: *const oxpar_c64,
    incx: isize,
    out: *mut usize,
) -> oxpar_status {
    // SAFETY: this function's contract.
    call("oxpar_izamax", || unsafe { iamax(ctx, n, x, incx, out) })
}

/// `y := alpha*op(A)*x + beta*y` on double-precision complex numbers, where `A` is the `m x n` matrix at
/// `a` with element strides `rsa` (between rows) and `csa` (between columns),
/// and `op(A)` is `A` (`trans = OXPAR_TRANS_NO`: `x` has `n` elements, `y` has
/// `m`), `A^T` (`OXPAR_TRANS_YES`: `x` has `m`, `y` has `n`) or `A^H`
/// (`OXPAR_TRANS_CONJ`, the conjugate transpose; `A^T` for real elements, as
/// BLAS's `'C'`). `beta == 0` does not read `y`; `alpha == 0` reads neither
/// `A` nor `x`.
///
/// Vectors are given by a pointer to their logical first element: element `i`
/// of `x` is at `x + i*incx` for negative `incx` too (NumPy's and Fortran's
/// convention). Reference BLAS takes the array's lowest address instead: to
/// port a BLAS call with `incx < 0`, pass `x + (n-1)*(-incx)`.
///
/// Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, alpha, beta; a, x or y when not empty),
/// `OXPAR_STATUS_INVALID_ARGUMENT` (trans none of `OXPAR_TRANS_NO`,
/// `OXPAR_TRANS_YES`, `OXPAR_TRANS_CONJ`; an array not aligned for its type),
/// `OXPAR_STATUS_INVALID_STRIDE` (incy 0 for more than one element, or an
/// operand beyond the address space). A and x may have any strides, 0 included,
/// and may share memory with y: the result is as if they were read first. On an
/// OpenCL context also `OXPAR_STATUS_DEVICE_ERROR` and
/// `OXPAR_STATUS_OUT_OF_MEMORY`. On an MPI context the call is collective: an
/// argument error on one rank fails every rank (the others get an error naming
/// that rank), and an MPI failure is `OXPAR_STATUS_COMM_ERROR`.
///
/// On an MPI context complex elements are distributed as real ones are, and
/// the call is collective in the same way: ranks that mix complex and real
/// elements, or the two complex types, all get `OXPAR_STATUS_INVALID_ARGUMENT`.
///
/// # Safety
/// `ctx` is NULL or a live context; every non-NULL pointer addresses the
/// elements its sizes and strides describe (readable, and writable for
/// outputs) for the duration of the call.
#[no_mangle]
pub unsafe extern "C" fn oxpar_zgemv(
    ctx: *const oxpar_context,
    trans: i32,
    m: usize,
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
    call("oxpar_zgemv", || unsafe {
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

/// `A := alpha*x*y^T + A` on double-precision complex numbers, nothing conjugated (BLAS's geru),
/// `A` being `m x n` with strides `rsa`, `csa`, `x` of `m` and `y` of `n`
/// elements. `alpha == 0` returns at once.
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
/// they were read first. On an MPI context the call is collective: an argument
/// error on one rank fails every rank (the others get an error naming that rank;
/// ranks that mix element types or operations, geru with gerc among them, all get
/// `OXPAR_STATUS_INVALID_ARGUMENT`), and an MPI failure is `OXPAR_STATUS_COMM_ERROR`.
///
/// On an MPI context complex elements are distributed as real ones are, and
/// the call is collective in the same way: ranks that mix complex and real
/// elements, or the two complex types, all get `OXPAR_STATUS_INVALID_ARGUMENT`.
///
/// # Safety
/// `ctx` is NULL or a live context; every non-NULL pointer addresses the
/// elements its sizes and strides describe (readable, and writable for
/// outputs) for the duration of the call.
#[no_mangle]
pub unsafe extern "C" fn oxpar_zgeru(
    ctx: *const oxpar_context,
    m: usize,
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
    call("oxpar_zgeru", || unsafe {
        ger_op(ctx, (m, n), alpha, x, incx, y, incy, a, rsa, csa, false)
    })
}

/// `A := alpha*x*y^H + A` on double-precision complex numbers, `y` conjugated (BLAS's gerc), `A`
/// being `m x n` with strides `rsa`, `csa`, `x` of `m` and `y` of `n`
/// elements. `alpha == 0` returns at once.
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
/// they were read first. On an MPI context the call is collective: an argument
/// error on one rank fails every rank (the others get an error naming that rank;
/// ranks that mix element types or operations, geru with gerc among them, all get
/// `OXPAR_STATUS_INVALID_ARGUMENT`), and an MPI failure is `OXPAR_STATUS_COMM_ERROR`.
///
/// On an MPI context complex elements are distributed as real ones are, and
/// the call is collective in the same way: ranks that mix complex and real
/// elements, or the two complex types, all get `OXPAR_STATUS_INVALID_ARGUMENT`.
///
/// # Safety
/// `ctx` is NULL or a live context; every non-NULL pointer addresses the
/// elements its sizes and strides describe (readable, and writable for
/// outputs) for the duration of the call.
#[no_mangle]
pub unsafe extern "C" fn oxpar_zgerc(
    ctx: *const oxpar_context,
    m: usize,
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
    call("oxpar_zgerc", || unsafe {
        ger_op(ctx, (m, n), alpha, x, incx, y, incy, a, rsa, csa, true)
    })
}

/// `C := alpha*op(A)*op(B) + beta*C` on double-precision complex numbers, with `op(A)` `m x k`, `op(B)`
/// `k x n` and `C` `m x n`; each matrix is given by a pointer to its element
/// (0, 0) as stored and its element strides (row, column). `transa`/`transb`
/// are `OXPAR_TRANS_NO`, `OXPAR_TRANS_YES` (then `a` holds the `k x m`
/// matrix `A`, and so on) or `OXPAR_TRANS_CONJ` (the conjugate transpose;
/// the transpose for real elements, as BLAS's `'C'`). Column-major (Fortran) data: `rs = 1, cs = ld`;
/// row-major (C): `rs = ld, cs = 1`. `beta == 0` does not read `C` (NaN there
/// does not come out); `alpha == 0` or `k == 0` reads neither `A` nor `B`.
///
/// Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, alpha, beta; a, b or c when not empty),
/// `OXPAR_STATUS_INVALID_ARGUMENT` (transa or transb none of `OXPAR_TRANS_NO`,
/// `OXPAR_TRANS_YES`, `OXPAR_TRANS_CONJ`; an array not aligned for its type),
/// `OXPAR_STATUS_INVALID_STRIDE` (strides that give two elements of C the same
/// address, or an operand beyond the address space). A and B may have any
/// strides, 0 included, and may share memory with C: the result is as if they
/// were read first. On an OpenCL context also `OXPAR_STATUS_DEVICE_ERROR` and
/// `OXPAR_STATUS_OUT_OF_MEMORY`. On an MPI context the call is collective: an
/// argument error on one rank fails every rank (the others get an error naming
/// that rank), and an MPI failure is `OXPAR_STATUS_COMM_ERROR`.
///
/// On an MPI context complex elements are distributed as real ones are, and
/// the call is collective in the same way: ranks that mix complex and real
/// elements, or the two complex types, all get `OXPAR_STATUS_INVALID_ARGUMENT`.
///
/// # Safety
/// `ctx` is NULL or a live context; every non-NULL pointer addresses the
/// elements its sizes and strides describe (readable, and writable for
/// outputs) for the duration of the call.
#[no_mangle]
pub unsafe extern "C" fn oxpar_zgemm(
    ctx: *const oxpar_context,
    transa: i32,
    transb: i32,
    m: usize,
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
    call("oxpar_zgemm", || unsafe {
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
