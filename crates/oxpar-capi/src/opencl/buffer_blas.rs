//! BLAS-style routines on device buffers (`oxpar_buffer_?axpy` ...).

#![cfg_attr(
    not(feature = "opencl"),
    allow(
        unused_variables,
        reason = "without OpenCL the arguments are not looked at"
    )
)]

use super::oxpar_buffer;
#[cfg(not(feature = "opencl"))]
use super::unavailable;
use crate::boundary::call;
use crate::context::oxpar_context;
use crate::status::oxpar_status;

#[cfg(feature = "opencl")]
mod imp {
    use oxpar::exact::{round_to, sqrt_to};
    use oxpar::opencl::{DeviceLevel1, DeviceLevel2, DeviceLevel3, MatLayout, VecLayout};
    use oxpar::{Reduction, Trans};

    use super::super::imp::*;
    use super::super::oxpar_buffer;
    use crate::context::oxpar_context;
    use crate::ffi;
    use crate::status::trans_from;

    /// # Safety
    /// The contract of `oxpar_buffer_saxpy`.
    #[allow(clippy::too_many_arguments, reason = "the BLAS signature")]
    pub(crate) unsafe fn axpy<T: Elem>(
        ctx: *const oxpar_context,
        n: usize,
        alpha: *const T,
        x: *const oxpar_buffer,
        offx: usize,
        incx: isize,
        y: *mut oxpar_buffer,
        offy: usize,
        incy: isize,
    ) -> R {
        // SAFETY: the caller's contract.
        let (cl, alpha) = unsafe { (device(ctx)?, ffi::scalar(alpha, "alpha")?) };
        distinct((y, "y"), (x, "x"))?;
        // SAFETY: the caller's contract; x and y are different handles.
        let (xb, yb) = unsafe { (buf::<T>(x, "x")?, buf_mut::<T>(y, "y")?) };
        inc_checked(n, incy, "incy")?;
        let xv = xb.vec(VecLayout::new(n, offx, incx)).map_err(named("x"))?;
        let yv = yb
            .vec_mut(VecLayout::new(n, offy, incy))
            .map_err(named("y"))?;
        Ok(cl.axpy(alpha, xv, yv)?)
    }

    /// # Safety
    /// The contract of `oxpar_buffer_sdot`.
    #[allow(clippy::too_many_arguments, reason = "the BLAS signature")]
    pub(crate) unsafe fn dot<T: Elem>(
        ctx: *const oxpar_context,
        n: usize,
        x: *const oxpar_buffer,
        offx: usize,
        incx: isize,
        y: *const oxpar_buffer,
        offy: usize,
        incy: isize,
        out: *mut T,
    ) -> R {
        // SAFETY: the caller's contract.
        let ((ctx, cl), xb, yb) = unsafe {
            (
                context_and_device(ctx)?,
                buf::<T>(x, "x")?,
                buf::<T>(y, "y")?,
            )
        };
        let xv = xb.vec(VecLayout::new(n, offx, incx)).map_err(named("x"))?;
        let yv = yb.vec(VecLayout::new(n, offy, incy)).map_err(named("y"))?;
        let out = ffi::out_ptr(out, "out")?;
        let value = if ctx.is_reproducible() {
            round_to::<T>(&cl.reduce_exact(Reduction::Dot, xv, Some(yv))?)
        } else {
            cl.dot(xv, yv)?
        };
        // SAFETY: checked non-null, writable per the contract.
        unsafe { ffi::write_out(out, value) };
        Ok(())
    }

    /// # Safety
    /// The contract of `oxpar_buffer_sgemm`.
    #[allow(clippy::too_many_arguments, reason = "the BLAS signature")]
    pub(crate) unsafe fn gemm<T: Elem>(
        ctx: *const oxpar_context,
        transa: i32,
        transb: i32,
        m: usize,
        n: usize,
        k: usize,
        alpha: *const T,
        a: *const oxpar_buffer,
        offa: usize,
        rsa: isize,
        csa: isize,
        b: *const oxpar_buffer,
        offb: usize,
        rsb: isize,
        csb: isize,
        beta: *const T,
        c: *mut oxpar_buffer,
        offc: usize,
        rsc: isize,
        csc: isize,
    ) -> R {
        // SAFETY: the caller's contract.
        let cl = unsafe { device(ctx)? };
        let (ta, tb) = (trans_from(transa, "transa")?, trans_from(transb, "transb")?);
        // SAFETY: the caller's contract.
        let (alpha, beta) = unsafe { (ffi::scalar(alpha, "alpha")?, ffi::scalar(beta, "beta")?) };
        distinct((c, "c"), (a, "a"))?;
        distinct((c, "c"), (b, "b"))?;
        // SAFETY: the caller's contract; c is neither a nor b.
        let (ab, bb, cb) = unsafe { (buf::<T>(a, "a")?, buf::<T>(b, "b")?, buf_mut::<T>(c, "c")?) };
        // Stored shapes: op(A) is m x k, op(B) is k x n.
        let (am, an) = if ta == Trans::No { (m, k) } else { (k, m) };
        let (bm, bn) = if tb == Trans::No { (k, n) } else { (n, k) };
        let av = ab
            .mat(MatLayout::new(am, an, offa, rsa, csa))
            .map_err(named("a"))?;
        let bv = bb
            .mat(MatLayout::new(bm, bn, offb, rsb, csb))
            .map_err(named("b"))?;
        let cv = cb
            .mat_mut(MatLayout::new(m, n, offc, rsc, csc))
            .map_err(named("c"))?;
        let av = if ta == Trans::No { av } else { av.t() };
        let bv = if tb == Trans::No { bv } else { bv.t() };
        Ok(cl.gemm(alpha, av, bv, beta, cv)?)
    }

    /// # Safety
    /// The contract of `oxpar_buffer_sscal`.
    pub(crate) unsafe fn scal<T: Elem>(
        ctx: *const oxpar_context,
        n: usize,
        alpha: *const T,
        x: *mut oxpar_buffer,
        offx: usize,
        incx: isize,
    ) -> R {
        // SAFETY: the caller's contract.
        let (cl, alpha) = unsafe { (device(ctx)?, ffi::scalar(alpha, "alpha")?) };
        // SAFETY: the caller's contract.
        let xb = unsafe { buf_mut::<T>(x, "x")? };
        inc_checked(n, incx, "incx")?;
        let xv = xb
            .vec_mut(VecLayout::new(n, offx, incx))
            .map_err(named("x"))?;
        Ok(cl.scal(alpha, xv)?)
    }

    /// # Safety
    /// The contract of `oxpar_buffer_scopy`.
    #[allow(clippy::too_many_arguments, reason = "the BLAS signature")]
    pub(crate) unsafe fn copy<T: Elem>(
        ctx: *const oxpar_context,
        n: usize,
        x: *const oxpar_buffer,
        offx: usize,
        incx: isize,
        y: *mut oxpar_buffer,
        offy: usize,
        incy: isize,
    ) -> R {
        // SAFETY: the caller's contract.
        let cl = unsafe { device(ctx)? };
        distinct((y, "y"), (x, "x"))?;
        // SAFETY: the caller's contract; x and y are different handles.
        let (xb, yb) = unsafe { (buf::<T>(x, "x")?, buf_mut::<T>(y, "y")?) };
        inc_checked(n, incy, "incy")?;
        let xv = xb.vec(VecLayout::new(n, offx, incx)).map_err(named("x"))?;
        let yv = yb
            .vec_mut(VecLayout::new(n, offy, incy))
            .map_err(named("y"))?;
        Ok(cl.copy(xv, yv)?)
    }

    /// # Safety
    /// The contract of `oxpar_buffer_sswap`.
    #[allow(clippy::too_many_arguments, reason = "the BLAS signature")]
    pub(crate) unsafe fn swap<T: Elem>(
        ctx: *const oxpar_context,
        n: usize,
        x: *mut oxpar_buffer,
        offx: usize,
        incx: isize,
        y: *mut oxpar_buffer,
        offy: usize,
        incy: isize,
    ) -> R {
        // SAFETY: the caller's contract.
        let cl = unsafe { device(ctx)? };
        distinct((y, "y"), (x, "x"))?;
        // SAFETY: the caller's contract; x and y are different handles.
        let (xb, yb) = unsafe { (buf_mut::<T>(x, "x")?, buf_mut::<T>(y, "y")?) };
        inc_checked(n, incx, "incx")?;
        inc_checked(n, incy, "incy")?;
        let xv = xb
            .vec_mut(VecLayout::new(n, offx, incx))
            .map_err(named("x"))?;
        let yv = yb
            .vec_mut(VecLayout::new(n, offy, incy))
            .map_err(named("y"))?;
        Ok(cl.swap(xv, yv)?)
    }

    /// Which reduction of one vector to a scalar `norm` computes.
    pub(crate) enum Norm {
        Nrm2,
        Asum,
        Sum,
    }

    /// # Safety
    /// The contract of `oxpar_buffer_snrm2`.
    pub(crate) unsafe fn norm<T: Elem>(
        ctx: *const oxpar_context,
        which: Norm,
        n: usize,
        x: *const oxpar_buffer,
        offx: usize,
        incx: isize,
        out: *mut T,
    ) -> R {
        // SAFETY: the caller's contract.
        let ((ctx, cl), xb) = unsafe { (context_and_device(ctx)?, buf::<T>(x, "x")?) };
        let xv = xb.vec(VecLayout::new(n, offx, incx)).map_err(named("x"))?;
        let out = ffi::out_ptr(out, "out")?;
        let value = if ctx.is_reproducible() {
            match which {
                Norm::Nrm2 => sqrt_to::<T>(&cl.reduce_exact(Reduction::SumSq, xv, None)?),
                Norm::Asum => round_to::<T>(&cl.reduce_exact(Reduction::Asum, xv, None)?),
                Norm::Sum => round_to::<T>(&cl.reduce_exact(Reduction::Sum, xv, None)?),
            }
        } else {
            match which {
                Norm::Nrm2 => cl.nrm2(xv)?,
                Norm::Asum => cl.asum(xv)?,
                Norm::Sum => cl.sum(xv)?,
            }
        };
        // SAFETY: checked non-null, writable per the contract.
        unsafe { ffi::write_out(out, value) };
        Ok(())
    }

    /// # Safety
    /// The contract of `oxpar_buffer_isamax`.
    pub(crate) unsafe fn iamax<T: Elem>(
        ctx: *const oxpar_context,
        n: usize,
        x: *const oxpar_buffer,
        offx: usize,
        incx: isize,
        out: *mut usize,
    ) -> R {
        // SAFETY: the caller's contract.
        let (cl, xb) = unsafe { (device(ctx)?, buf::<T>(x, "x")?) };
        let xv = xb.vec(VecLayout::new(n, offx, incx)).map_err(named("x"))?;
        let out = ffi::out_ptr(out, "out")?;
        let value = cl.iamax(xv)?.unwrap_or(crate::OXPAR_INDEX_NONE);
        // SAFETY: checked non-null, writable per the contract.
        unsafe { ffi::write_out(out, value) };
        Ok(())
    }

    /// # Safety
    /// The contract of `oxpar_buffer_sgemv`.
    #[allow(clippy::too_many_arguments, reason = "the BLAS signature")]
    pub(crate) unsafe fn gemv<T: Elem>(
        ctx: *const oxpar_context,
        trans: i32,
        m: usize,
        n: usize,
        alpha: *const T,
        a: *const oxpar_buffer,
        offa: usize,
        rsa: isize,
        csa: isize,
        x: *const oxpar_buffer,
        offx: usize,
        incx: isize,
        beta: *const T,
        y: *mut oxpar_buffer,
        offy: usize,
        incy: isize,
    ) -> R {
        // SAFETY: the caller's contract.
        let cl = unsafe { device(ctx)? };
        let ta = trans_from(trans, "trans")?;
        // SAFETY: the caller's contract.
        let (alpha, beta) = unsafe { (ffi::scalar(alpha, "alpha")?, ffi::scalar(beta, "beta")?) };
        distinct((y, "y"), (a, "a"))?;
        distinct((y, "y"), (x, "x"))?;
        // SAFETY: the caller's contract; y is neither a nor x.
        let (ab, xb, yb) = unsafe { (buf::<T>(a, "a")?, buf::<T>(x, "x")?, buf_mut::<T>(y, "y")?) };
        // A is stored m x n; op(A) maps x (lx elements) to y (ly elements).
        let (lx, ly) = if ta == Trans::No { (n, m) } else { (m, n) };
        inc_checked(ly, incy, "incy")?;
        let av = ab
            .mat(MatLayout::new(m, n, offa, rsa, csa))
            .map_err(named("a"))?;
        let xv = xb.vec(VecLayout::new(lx, offx, incx)).map_err(named("x"))?;
        let yv = yb
            .vec_mut(VecLayout::new(ly, offy, incy))
            .map_err(named("y"))?;
        let av = if ta == Trans::No { av } else { av.t() };
        Ok(cl.gemv(alpha, av, xv, beta, yv)?)
    }

    /// # Safety
    /// The contract of `oxpar_buffer_sger`.
    #[allow(clippy::too_many_arguments, reason = "the BLAS signature")]
    pub(crate) unsafe fn ger<T: Elem>(
        ctx: *const oxpar_context,
        m: usize,
        n: usize,
        alpha: *const T,
        x: *const oxpar_buffer,
        offx: usize,
        incx: isize,
        y: *const oxpar_buffer,
        offy: usize,
        incy: isize,
        a: *mut oxpar_buffer,
        offa: usize,
        rsa: isize,
        csa: isize,
    ) -> R {
        // SAFETY: the caller's contract.
        let (cl, alpha) = unsafe { (device(ctx)?, ffi::scalar(alpha, "alpha")?) };
        distinct((a, "a"), (x, "x"))?;
        distinct((a, "a"), (y, "y"))?;
        // SAFETY: the caller's contract; a is neither x nor y.
        let (xb, yb, ab) = unsafe { (buf::<T>(x, "x")?, buf::<T>(y, "y")?, buf_mut::<T>(a, "a")?) };
        let xv = xb.vec(VecLayout::new(m, offx, incx)).map_err(named("x"))?;
        let yv = yb.vec(VecLayout::new(n, offy, incy)).map_err(named("y"))?;
        let av = ab
            .mat_mut(MatLayout::new(m, n, offa, rsa, csa))
            .map_err(named("a"))?;
        Ok(cl.ger(alpha, xv, yv, av)?)
    }
}

/// `y := alpha*x + y` on float buffers of an OpenCL context. Element `i` of
/// `x` is at index `offx + i*incx` of its buffer (increments may be
/// negative: `offx` is then the index of the logical first element), and
/// likewise for `y`. `y` must be another buffer than `x`. Returns once the
/// kernel is queued; later calls on the context see its result.
///
/// Errors: `OXPAR_STATUS_NULL_POINTER`, `OXPAR_STATUS_UNSUPPORTED` (not an
/// OpenCL context), `OXPAR_STATUS_INVALID_ARGUMENT` (a buffer of another
/// type or another context, y the same buffer as x),
/// `OXPAR_STATUS_SHAPE_MISMATCH` (an element outside its buffer),
/// `OXPAR_STATUS_INVALID_STRIDE` (incy 0 with n > 1; incx may be 0),
/// `OXPAR_STATUS_DEVICE_ERROR`.
///
/// # Safety
/// `ctx`, `x`, `y` are NULL or live handles, `y` used by no other call
/// meanwhile; `alpha` is NULL or readable.
#[no_mangle]
pub unsafe extern "C" fn oxpar_buffer_saxpy(
    ctx: *const oxpar_context,
    n: usize,
    alpha: *const f32,
    x: *const oxpar_buffer,
    offx: usize,
    incx: isize,
    y: *mut oxpar_buffer,
    offy: usize,
    incy: isize,
) -> oxpar_status {
    call("oxpar_buffer_saxpy", || {
        with_opencl!(
            // SAFETY: this function's contract.
            unsafe { imp::axpy(ctx, n, alpha, x, offx, incx, y, offy, incy) }
        )
    })
}

/// `y := alpha*x + y` on double buffers; as `oxpar_buffer_saxpy`
/// (`OXPAR_STATUS_UNSUPPORTED` on a device without double precision).
///
/// Errors: as `oxpar_buffer_saxpy` (on a device without double precision,
/// double buffers cannot be created).
///
/// # Safety
/// As `oxpar_buffer_saxpy`.
#[no_mangle]
pub unsafe extern "C" fn oxpar_buffer_daxpy(
    ctx: *const oxpar_context,
    n: usize,
    alpha: *const f64,
    x: *const oxpar_buffer,
    offx: usize,
    incx: isize,
    y: *mut oxpar_buffer,
    offy: usize,
    incy: isize,
) -> oxpar_status {
    call("oxpar_buffer_daxpy", || {
        with_opencl!(
            // SAFETY: this function's contract.
            unsafe { imp::axpy(ctx, n, alpha, x, offx, incx, y, offy, incy) }
        )
    })
}

/// `*out := x . y` on float buffers (vectors as in `oxpar_buffer_saxpy`);
/// 0 for n = 0. Waits for the result.
///
/// In reproducible mode (`oxpar_context_set_reproducible`) the result is the
/// exact one correctly rounded, the same bits as the host routines give on
/// any context in that mode.
///
/// Errors: as `oxpar_buffer_saxpy`, and `OXPAR_STATUS_NULL_POINTER` (out).
///
/// # Safety
/// `ctx`, `x`, `y` are NULL or live handles; `out` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn oxpar_buffer_sdot(
    ctx: *const oxpar_context,
    n: usize,
    x: *const oxpar_buffer,
    offx: usize,
    incx: isize,
    y: *const oxpar_buffer,
    offy: usize,
    incy: isize,
    out: *mut f32,
) -> oxpar_status {
    call("oxpar_buffer_sdot", || {
        with_opencl!(
            // SAFETY: this function's contract.
            unsafe { imp::dot(ctx, n, x, offx, incx, y, offy, incy, out) }
        )
    })
}

/// `*out := x . y` on double buffers; as `oxpar_buffer_sdot`.
///
/// Errors: as `oxpar_buffer_sdot` (on a device without double precision,
/// double buffers cannot be created).
///
/// # Safety
/// As `oxpar_buffer_sdot`.
#[no_mangle]
pub unsafe extern "C" fn oxpar_buffer_ddot(
    ctx: *const oxpar_context,
    n: usize,
    x: *const oxpar_buffer,
    offx: usize,
    incx: isize,
    y: *const oxpar_buffer,
    offy: usize,
    incy: isize,
    out: *mut f64,
) -> oxpar_status {
    call("oxpar_buffer_ddot", || {
        with_opencl!(
            // SAFETY: this function's contract.
            unsafe { imp::dot(ctx, n, x, offx, incx, y, offy, incy, out) }
        )
    })
}

/// `C := alpha*op(A)*op(B) + beta*C` on float buffers, as `oxpar_sgemm` with
/// each matrix given by its buffer, the index of its element (0, 0) as
/// stored (`offa`, ...) and its element strides: element (i, j) of the
/// stored A is at index `offa + i*rsa + j*csa`. `c` must be another buffer
/// than `a` and `b`. Returns once the kernel is queued.
///
/// Errors: as `oxpar_buffer_saxpy`, and `OXPAR_STATUS_INVALID_ARGUMENT`
/// (transa, transb), `OXPAR_STATUS_INVALID_STRIDE` (strides of C that make
/// elements share an index).
///
/// # Safety
/// `ctx`, `a`, `b`, `c` are NULL or live handles, `c` used by no other call
/// meanwhile; `alpha`, `beta` are NULL or readable.
#[no_mangle]
pub unsafe extern "C" fn oxpar_buffer_sgemm(
    ctx: *const oxpar_context,
    transa: i32,
    transb: i32,
    m: usize,
    n: usize,
    k: usize,
    alpha: *const f32,
    a: *const oxpar_buffer,
    offa: usize,
    rsa: isize,
    csa: isize,
    b: *const oxpar_buffer,
    offb: usize,
    rsb: isize,
    csb: isize,
    beta: *const f32,
    c: *mut oxpar_buffer,
    offc: usize,
    rsc: isize,
    csc: isize,
) -> oxpar_status {
    call("oxpar_buffer_sgemm", || {
        with_opencl!(
            // SAFETY: this function's contract.
            unsafe {
                imp::gemm(
                    ctx, transa, transb, m, n, k, alpha, a, offa, rsa, csa, b, offb, rsb, csb,
                    beta, c, offc, rsc, csc,
                )
            }
        )
    })
}

/// `C := alpha*op(A)*op(B) + beta*C` on double buffers; as
/// `oxpar_buffer_sgemm`.
///
/// Errors: as `oxpar_buffer_sgemm` (on a device without double precision,
/// double buffers cannot be created).
///
/// # Safety
/// As `oxpar_buffer_sgemm`.
#[no_mangle]
pub unsafe extern "C" fn oxpar_buffer_dgemm(
    ctx: *const oxpar_context,
    transa: i32,
    transb: i32,
    m: usize,
    n: usize,
    k: usize,
    alpha: *const f64,
    a: *const oxpar_buffer,
    offa: usize,
    rsa: isize,
    csa: isize,
    b: *const oxpar_buffer,
    offb: usize,
    rsb: isize,
    csb: isize,
    beta: *const f64,
    c: *mut oxpar_buffer,
    offc: usize,
    rsc: isize,
    csc: isize,
) -> oxpar_status {
    call("oxpar_buffer_dgemm", || {
        with_opencl!(
            // SAFETY: this function's contract.
            unsafe {
                imp::gemm(
                    ctx, transa, transb, m, n, k, alpha, a, offa, rsa, csa, b, offb, rsb, csb,
                    beta, c, offc, rsc, csc,
                )
            }
        )
    })
}

/// `x := alpha*x` on float buffers of an OpenCL context (`x` as in
/// `oxpar_buffer_saxpy`). Returns once the kernel is queued.
///
/// Errors: as `oxpar_buffer_saxpy`.
///
/// # Safety
/// `ctx`, `x` are NULL or live handles, `x` used by no other call
/// meanwhile; `alpha` is NULL or readable.
#[no_mangle]
pub unsafe extern "C" fn oxpar_buffer_sscal(
    ctx: *const oxpar_context,
    n: usize,
    alpha: *const f32,
    x: *mut oxpar_buffer,
    offx: usize,
    incx: isize,
) -> oxpar_status {
    call("oxpar_buffer_sscal", || {
        with_opencl!(
            // SAFETY: this function's contract.
            unsafe { imp::scal(ctx, n, alpha, x, offx, incx) }
        )
    })
}

/// `y := x` on float buffers (vectors as in `oxpar_buffer_saxpy`); `y` must
/// be another buffer than `x`. Returns once the kernel is queued.
///
/// Errors: as `oxpar_buffer_saxpy`.
///
/// # Safety
/// `ctx`, `x`, `y` are NULL or live handles, `y` used by no other call
/// meanwhile.
#[no_mangle]
pub unsafe extern "C" fn oxpar_buffer_scopy(
    ctx: *const oxpar_context,
    n: usize,
    x: *const oxpar_buffer,
    offx: usize,
    incx: isize,
    y: *mut oxpar_buffer,
    offy: usize,
    incy: isize,
) -> oxpar_status {
    call("oxpar_buffer_scopy", || {
        with_opencl!(
            // SAFETY: this function's contract.
            unsafe { imp::copy::<f32>(ctx, n, x, offx, incx, y, offy, incy) }
        )
    })
}

/// Exchanges `x` and `y` on float buffers (vectors as in
/// `oxpar_buffer_saxpy`); they must be different buffers. Returns once the
/// kernel is queued.
///
/// Errors: as `oxpar_buffer_saxpy` (`OXPAR_STATUS_INVALID_ARGUMENT` for y
/// the same buffer as x).
///
/// # Safety
/// `ctx`, `x`, `y` are NULL or live handles, `x` and `y` used by no other
/// call meanwhile.
#[no_mangle]
pub unsafe extern "C" fn oxpar_buffer_sswap(
    ctx: *const oxpar_context,
    n: usize,
    x: *mut oxpar_buffer,
    offx: usize,
    incx: isize,
    y: *mut oxpar_buffer,
    offy: usize,
    incy: isize,
) -> oxpar_status {
    call("oxpar_buffer_sswap", || {
        with_opencl!(
            // SAFETY: this function's contract.
            unsafe { imp::swap::<f32>(ctx, n, x, offx, incx, y, offy, incy) }
        )
    })
}

/// `*out :=` the Euclidean norm of `x` on a float buffer (`x` as in
/// `oxpar_buffer_saxpy`); 0 for n = 0. Waits for the result.
///
/// In reproducible mode (`oxpar_context_set_reproducible`) the result is the
/// correctly rounded square root of the exact sum of squares, the same bits
/// as the host routines give on any context in that mode.
///
/// Errors: as `oxpar_buffer_saxpy`, and `OXPAR_STATUS_NULL_POINTER` (out).
///
/// # Safety
/// `ctx`, `x` are NULL or live handles; `out` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn oxpar_buffer_snrm2(
    ctx: *const oxpar_context,
    n: usize,
    x: *const oxpar_buffer,
    offx: usize,
    incx: isize,
    out: *mut f32,
) -> oxpar_status {
    call("oxpar_buffer_snrm2", || {
        with_opencl!(
            // SAFETY: this function's contract.
            unsafe { imp::norm(ctx, imp::Norm::Nrm2, n, x, offx, incx, out) }
        )
    })
}

/// `*out :=` the sum of the absolute values of `x` on a float buffer (`x` as in
/// `oxpar_buffer_saxpy`); 0 for n = 0. Waits for the result.
///
/// In reproducible mode (`oxpar_context_set_reproducible`) the result is the
/// exact one correctly rounded, the same bits as the host routines give on
/// any context in that mode.
///
/// Errors: as `oxpar_buffer_saxpy`, and `OXPAR_STATUS_NULL_POINTER` (out).
///
/// # Safety
/// `ctx`, `x` are NULL or live handles; `out` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn oxpar_buffer_sasum(
    ctx: *const oxpar_context,
    n: usize,
    x: *const oxpar_buffer,
    offx: usize,
    incx: isize,
    out: *mut f32,
) -> oxpar_status {
    call("oxpar_buffer_sasum", || {
        with_opencl!(
            // SAFETY: this function's contract.
            unsafe { imp::norm(ctx, imp::Norm::Asum, n, x, offx, incx, out) }
        )
    })
}

/// `*out :=` the sum of the elements of `x` on a float buffer (`x` as in
/// `oxpar_buffer_saxpy`); 0 for n = 0. Waits for the result. The ordinary
/// sum is the same from run to run on one device, but its last bits may
/// differ from other devices and backends.
///
/// In reproducible mode (`oxpar_context_set_reproducible`) the result is the
/// exact one correctly rounded, the same bits as the host routines give on
/// any context in that mode.
///
/// Errors: as `oxpar_buffer_saxpy`, and `OXPAR_STATUS_NULL_POINTER` (out).
///
/// # Safety
/// `ctx`, `x` are NULL or live handles; `out` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn oxpar_buffer_ssum(
    ctx: *const oxpar_context,
    n: usize,
    x: *const oxpar_buffer,
    offx: usize,
    incx: isize,
    out: *mut f32,
) -> oxpar_status {
    call("oxpar_buffer_ssum", || {
        with_opencl!(
            // SAFETY: this function's contract.
            unsafe { imp::norm(ctx, imp::Norm::Sum, n, x, offx, incx, out) }
        )
    })
}

/// `*out :=` the 0-based index of the first element of largest absolute
/// value of `x` (a float buffer, as in `oxpar_buffer_saxpy`); the first NaN
/// if there is one; `OXPAR_INDEX_NONE` for n = 0. Waits for the result.
///
/// Errors: as `oxpar_buffer_saxpy`, and `OXPAR_STATUS_NULL_POINTER` (out).
///
/// # Safety
/// `ctx`, `x` are NULL or live handles; `out` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn oxpar_buffer_isamax(
    ctx: *const oxpar_context,
    n: usize,
    x: *const oxpar_buffer,
    offx: usize,
    incx: isize,
    out: *mut usize,
) -> oxpar_status {
    call("oxpar_buffer_isamax", || {
        with_opencl!(
            // SAFETY: this function's contract.
            unsafe { imp::iamax::<f32>(ctx, n, x, offx, incx, out) }
        )
    })
}

/// `y := alpha*op(A)*x + beta*y` on float buffers, as `oxpar_sgemv` with
/// the matrix given by its buffer, the index of its element (0, 0) (`offa`)
/// and its element strides (element (i, j) of the stored `m x n` A is at
/// index `offa + i*rsa + j*csa`), and the vectors as in
/// `oxpar_buffer_saxpy`. `y` must be another buffer than `a` and `x`.
/// Returns once the kernel is queued.
///
/// Errors: as `oxpar_buffer_saxpy`, and `OXPAR_STATUS_INVALID_ARGUMENT`
/// (trans).
///
/// # Safety
/// `ctx`, `a`, `x`, `y` are NULL or live handles, `y` used by no other call
/// meanwhile; `alpha`, `beta` are NULL or readable.
#[no_mangle]
pub unsafe extern "C" fn oxpar_buffer_sgemv(
    ctx: *const oxpar_context,
    trans: i32,
    m: usize,
    n: usize,
    alpha: *const f32,
    a: *const oxpar_buffer,
    offa: usize,
    rsa: isize,
    csa: isize,
    x: *const oxpar_buffer,
    offx: usize,
    incx: isize,
    beta: *const f32,
    y: *mut oxpar_buffer,
    offy: usize,
    incy: isize,
) -> oxpar_status {
    call("oxpar_buffer_sgemv", || {
        with_opencl!(
            // SAFETY: this function's contract.
            unsafe {
                imp::gemv(
                    ctx, trans, m, n, alpha, a, offa, rsa, csa, x, offx, incx, beta, y, offy, incy,
                )
            }
        )
    })
}

/// `A := alpha*x*y^T + A` on float buffers, as `oxpar_sger` with the
/// matrix as in `oxpar_buffer_sgemv` and the vectors as in
/// `oxpar_buffer_saxpy` (`x` of `m`, `y` of `n` elements). `a` must be
/// another buffer than `x` and `y`. Returns once the kernel is queued.
///
/// Errors: as `oxpar_buffer_saxpy`, and `OXPAR_STATUS_INVALID_STRIDE`
/// (strides of A that make elements share an index).
///
/// # Safety
/// `ctx`, `x`, `y`, `a` are NULL or live handles, `a` used by no other call
/// meanwhile; `alpha` is NULL or readable.
#[no_mangle]
pub unsafe extern "C" fn oxpar_buffer_sger(
    ctx: *const oxpar_context,
    m: usize,
    n: usize,
    alpha: *const f32,
    x: *const oxpar_buffer,
    offx: usize,
    incx: isize,
    y: *const oxpar_buffer,
    offy: usize,
    incy: isize,
    a: *mut oxpar_buffer,
    offa: usize,
    rsa: isize,
    csa: isize,
) -> oxpar_status {
    call("oxpar_buffer_sger", || {
        with_opencl!(
            // SAFETY: this function's contract.
            unsafe {
                imp::ger(
                    ctx, m, n, alpha, x, offx, incx, y, offy, incy, a, offa, rsa, csa,
                )
            }
        )
    })
}

/// `x := alpha*x` on double buffers; as `oxpar_buffer_sscal`.
///
/// Errors: as `oxpar_buffer_sscal` (on a device without double precision,
/// double buffers cannot be created).
///
/// # Safety
/// As `oxpar_buffer_sscal`.
#[no_mangle]
pub unsafe extern "C" fn oxpar_buffer_dscal(
    ctx: *const oxpar_context,
    n: usize,
    alpha: *const f64,
    x: *mut oxpar_buffer,
    offx: usize,
    incx: isize,
) -> oxpar_status {
    call("oxpar_buffer_dscal", || {
        with_opencl!(
            // SAFETY: this function's contract.
            unsafe { imp::scal(ctx, n, alpha, x, offx, incx) }
        )
    })
}

/// `y := x` on double buffers; as `oxpar_buffer_scopy`.
///
/// Errors: as `oxpar_buffer_scopy` (on a device without double precision,
/// double buffers cannot be created).
///
/// # Safety
/// As `oxpar_buffer_scopy`.
#[no_mangle]
pub unsafe extern "C" fn oxpar_buffer_dcopy(
    ctx: *const oxpar_context,
    n: usize,
    x: *const oxpar_buffer,
    offx: usize,
    incx: isize,
    y: *mut oxpar_buffer,
    offy: usize,
    incy: isize,
) -> oxpar_status {
    call("oxpar_buffer_dcopy", || {
        with_opencl!(
            // SAFETY: this function's contract.
            unsafe { imp::copy::<f64>(ctx, n, x, offx, incx, y, offy, incy) }
        )
    })
}

/// Exchanges `x` and `y` on double buffers; as `oxpar_buffer_sswap`.
///
/// Errors: as `oxpar_buffer_sswap` (on a device without double precision,
/// double buffers cannot be created).
///
/// # Safety
/// As `oxpar_buffer_sswap`.
#[no_mangle]
pub unsafe extern "C" fn oxpar_buffer_dswap(
    ctx: *const oxpar_context,
    n: usize,
    x: *mut oxpar_buffer,
    offx: usize,
    incx: isize,
    y: *mut oxpar_buffer,
    offy: usize,
    incy: isize,
) -> oxpar_status {
    call("oxpar_buffer_dswap", || {
        with_opencl!(
            // SAFETY: this function's contract.
            unsafe { imp::swap::<f64>(ctx, n, x, offx, incx, y, offy, incy) }
        )
    })
}

/// `*out :=` the Euclidean norm of `x` on a double buffer; as `oxpar_buffer_snrm2`.
///
/// Errors: as `oxpar_buffer_snrm2` (on a device without double precision,
/// double buffers cannot be created).
///
/// # Safety
/// As `oxpar_buffer_snrm2`.
#[no_mangle]
pub unsafe extern "C" fn oxpar_buffer_dnrm2(
    ctx: *const oxpar_context,
    n: usize,
    x: *const oxpar_buffer,
    offx: usize,
    incx: isize,
    out: *mut f64,
) -> oxpar_status {
    call("oxpar_buffer_dnrm2", || {
        with_opencl!(
            // SAFETY: this function's contract.
            unsafe { imp::norm(ctx, imp::Norm::Nrm2, n, x, offx, incx, out) }
        )
    })
}

/// `*out :=` the sum of the absolute values of `x` on a double buffer; as `oxpar_buffer_sasum`.
///
/// Errors: as `oxpar_buffer_sasum` (on a device without double precision,
/// double buffers cannot be created).
///
/// # Safety
/// As `oxpar_buffer_sasum`.
#[no_mangle]
pub unsafe extern "C" fn oxpar_buffer_dasum(
    ctx: *const oxpar_context,
    n: usize,
    x: *const oxpar_buffer,
    offx: usize,
    incx: isize,
    out: *mut f64,
) -> oxpar_status {
    call("oxpar_buffer_dasum", || {
        with_opencl!(
            // SAFETY: this function's contract.
            unsafe { imp::norm(ctx, imp::Norm::Asum, n, x, offx, incx, out) }
        )
    })
}

/// `*out :=` the sum of the elements of `x` on a double buffer; as
/// `oxpar_buffer_ssum`.
///
/// Errors: as `oxpar_buffer_ssum` (on a device without double precision,
/// double buffers cannot be created).
///
/// # Safety
/// As `oxpar_buffer_ssum`.
#[no_mangle]
pub unsafe extern "C" fn oxpar_buffer_dsum(
    ctx: *const oxpar_context,
    n: usize,
    x: *const oxpar_buffer,
    offx: usize,
    incx: isize,
    out: *mut f64,
) -> oxpar_status {
    call("oxpar_buffer_dsum", || {
        with_opencl!(
            // SAFETY: this function's contract.
            unsafe { imp::norm(ctx, imp::Norm::Sum, n, x, offx, incx, out) }
        )
    })
}

/// As `oxpar_buffer_isamax` on a double buffer.
///
/// Errors: as `oxpar_buffer_isamax` (on a device without double precision,
/// double buffers cannot be created).
///
/// # Safety
/// As `oxpar_buffer_isamax`.
#[no_mangle]
pub unsafe extern "C" fn oxpar_buffer_idamax(
    ctx: *const oxpar_context,
    n: usize,
    x: *const oxpar_buffer,
    offx: usize,
    incx: isize,
    out: *mut usize,
) -> oxpar_status {
    call("oxpar_buffer_idamax", || {
        with_opencl!(
            // SAFETY: this function's contract.
            unsafe { imp::iamax::<f64>(ctx, n, x, offx, incx, out) }
        )
    })
}

/// `y := alpha*op(A)*x + beta*y` on double buffers; as `oxpar_buffer_sgemv`.
///
/// Errors: as `oxpar_buffer_sgemv` (on a device without double precision,
/// double buffers cannot be created).
///
/// # Safety
/// As `oxpar_buffer_sgemv`.
#[no_mangle]
pub unsafe extern "C" fn oxpar_buffer_dgemv(
    ctx: *const oxpar_context,
    trans: i32,
    m: usize,
    n: usize,
    alpha: *const f64,
    a: *const oxpar_buffer,
    offa: usize,
    rsa: isize,
    csa: isize,
    x: *const oxpar_buffer,
    offx: usize,
    incx: isize,
    beta: *const f64,
    y: *mut oxpar_buffer,
    offy: usize,
    incy: isize,
) -> oxpar_status {
    call("oxpar_buffer_dgemv", || {
        with_opencl!(
            // SAFETY: this function's contract.
            unsafe {
                imp::gemv(
                    ctx, trans, m, n, alpha, a, offa, rsa, csa, x, offx, incx, beta, y, offy, incy,
                )
            }
        )
    })
}

/// `A := alpha*x*y^T + A` on double buffers; as `oxpar_buffer_sger`.
///
/// Errors: as `oxpar_buffer_sger` (on a device without double precision,
/// double buffers cannot be created).
///
/// # Safety
/// As `oxpar_buffer_sger`.
#[no_mangle]
pub unsafe extern "C" fn oxpar_buffer_dger(
    ctx: *const oxpar_context,
    m: usize,
    n: usize,
    alpha: *const f64,
    x: *const oxpar_buffer,
    offx: usize,
    incx: isize,
    y: *const oxpar_buffer,
    offy: usize,
    incy: isize,
    a: *mut oxpar_buffer,
    offa: usize,
    rsa: isize,
    csa: isize,
) -> oxpar_status {
    call("oxpar_buffer_dger", || {
        with_opencl!(
            // SAFETY: this function's contract.
            unsafe {
                imp::ger(
                    ctx, m, n, alpha, x, offx, incx, y, offy, incy, a, offa, rsa, csa,
                )
            }
        )
    })
}
