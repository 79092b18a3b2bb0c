//! BLAS-style routines on device buffers (`oxpar_buffer_?axpy` ...).
//!
//! Generated from the routine table (xtask/src/routines.rs) by `make gen`.
//! Do not edit: change the table and regenerate.

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
    use oxpar::opencl::{DeviceLevel1, DeviceLevel2, DeviceLevel3, MatLayout, VecLayout};

    use super::super::imp::*;
    use super::super::oxpar_buffer;
    use crate::context::oxpar_context;
    use crate::ffi;
    #[allow(unused_imports, reason = "as the table's enums need")]
    use crate::status::{diag_from, side_from, trans_from, uplo_from};

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
        let ctx = unsafe { ffi::context(ctx)? };
        let dev = ctx.device_ops()?;
        // SAFETY: the caller's contract.
        let alpha = unsafe { ffi::scalar(alpha, "alpha")? };
        distinct((y, "y"), (x, "x"))?;
        // SAFETY: the caller's contract; a written buffer is none of the others.
        let xb = unsafe { buf::<T>(x, "x")? };
        // SAFETY: the caller's contract; a written buffer is none of the others.
        let yb = unsafe { buf_mut::<T>(y, "y")? };
        inc_checked(n, incy, "incy")?;
        let xv = xb.vec(VecLayout::new(n, offx, incx)).map_err(named("x"))?;
        let yv = yb
            .vec_mut(VecLayout::new(n, offy, incy))
            .map_err(named("y"))?;
        Ok(DeviceLevel1::<T>::axpy(dev, alpha, xv, yv)?)
    }

    /// # Safety
    /// The contract of `oxpar_buffer_sscal`.
    #[allow(clippy::too_many_arguments, reason = "the BLAS signature")]
    pub(crate) unsafe fn scal<T: Elem>(
        ctx: *const oxpar_context,
        n: usize,
        alpha: *const T,
        x: *mut oxpar_buffer,
        offx: usize,
        incx: isize,
    ) -> R {
        // SAFETY: the caller's contract.
        let ctx = unsafe { ffi::context(ctx)? };
        let dev = ctx.device_ops()?;
        // SAFETY: the caller's contract.
        let alpha = unsafe { ffi::scalar(alpha, "alpha")? };
        // SAFETY: the caller's contract; a written buffer is none of the others.
        let xb = unsafe { buf_mut::<T>(x, "x")? };
        inc_checked(n, incx, "incx")?;
        let xv = xb
            .vec_mut(VecLayout::new(n, offx, incx))
            .map_err(named("x"))?;
        Ok(DeviceLevel1::<T>::scal(dev, alpha, xv)?)
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
        let ctx = unsafe { ffi::context(ctx)? };
        let dev = ctx.device_ops()?;
        distinct((y, "y"), (x, "x"))?;
        // SAFETY: the caller's contract; a written buffer is none of the others.
        let xb = unsafe { buf::<T>(x, "x")? };
        // SAFETY: the caller's contract; a written buffer is none of the others.
        let yb = unsafe { buf_mut::<T>(y, "y")? };
        inc_checked(n, incy, "incy")?;
        let xv = xb.vec(VecLayout::new(n, offx, incx)).map_err(named("x"))?;
        let yv = yb
            .vec_mut(VecLayout::new(n, offy, incy))
            .map_err(named("y"))?;
        Ok(DeviceLevel1::<T>::copy(dev, xv, yv)?)
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
        let ctx = unsafe { ffi::context(ctx)? };
        let dev = ctx.device_ops()?;
        distinct((y, "y"), (x, "x"))?;
        // SAFETY: the caller's contract; a written buffer is none of the others.
        let xb = unsafe { buf_mut::<T>(x, "x")? };
        // SAFETY: the caller's contract; a written buffer is none of the others.
        let yb = unsafe { buf_mut::<T>(y, "y")? };
        inc_checked(n, incx, "incx")?;
        inc_checked(n, incy, "incy")?;
        let xv = xb
            .vec_mut(VecLayout::new(n, offx, incx))
            .map_err(named("x"))?;
        let yv = yb
            .vec_mut(VecLayout::new(n, offy, incy))
            .map_err(named("y"))?;
        Ok(DeviceLevel1::<T>::swap(dev, xv, yv)?)
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
        let ctx = unsafe { ffi::context(ctx)? };
        let dev = ctx.device_ops()?;
        // SAFETY: the caller's contract; a written buffer is none of the others.
        let xb = unsafe { buf::<T>(x, "x")? };
        // SAFETY: the caller's contract; a written buffer is none of the others.
        let yb = unsafe { buf::<T>(y, "y")? };
        let xv = xb.vec(VecLayout::new(n, offx, incx)).map_err(named("x"))?;
        let yv = yb.vec(VecLayout::new(n, offy, incy)).map_err(named("y"))?;
        let out = ffi::out_ptr(out, "out")?;
        let value = DeviceLevel1::<T>::dot(dev, xv, yv)?;
        // SAFETY: checked non-null, writable per the contract.
        unsafe { ffi::write_out(out, value) };
        Ok(())
    }

    /// # Safety
    /// The contract of `oxpar_buffer_snrm2`.
    #[allow(clippy::too_many_arguments, reason = "the BLAS signature")]
    pub(crate) unsafe fn nrm2<T: Elem>(
        ctx: *const oxpar_context,
        n: usize,
        x: *const oxpar_buffer,
        offx: usize,
        incx: isize,
        out: *mut T,
    ) -> R {
        // SAFETY: the caller's contract.
        let ctx = unsafe { ffi::context(ctx)? };
        let dev = ctx.device_ops()?;
        // SAFETY: the caller's contract; a written buffer is none of the others.
        let xb = unsafe { buf::<T>(x, "x")? };
        let xv = xb.vec(VecLayout::new(n, offx, incx)).map_err(named("x"))?;
        let out = ffi::out_ptr(out, "out")?;
        let value = DeviceLevel1::<T>::nrm2(dev, xv)?;
        // SAFETY: checked non-null, writable per the contract.
        unsafe { ffi::write_out(out, value) };
        Ok(())
    }

    /// # Safety
    /// The contract of `oxpar_buffer_sasum`.
    #[allow(clippy::too_many_arguments, reason = "the BLAS signature")]
    pub(crate) unsafe fn asum<T: Elem>(
        ctx: *const oxpar_context,
        n: usize,
        x: *const oxpar_buffer,
        offx: usize,
        incx: isize,
        out: *mut T,
    ) -> R {
        // SAFETY: the caller's contract.
        let ctx = unsafe { ffi::context(ctx)? };
        let dev = ctx.device_ops()?;
        // SAFETY: the caller's contract; a written buffer is none of the others.
        let xb = unsafe { buf::<T>(x, "x")? };
        let xv = xb.vec(VecLayout::new(n, offx, incx)).map_err(named("x"))?;
        let out = ffi::out_ptr(out, "out")?;
        let value = DeviceLevel1::<T>::asum(dev, xv)?;
        // SAFETY: checked non-null, writable per the contract.
        unsafe { ffi::write_out(out, value) };
        Ok(())
    }

    /// # Safety
    /// The contract of `oxpar_buffer_ssum`.
    #[allow(clippy::too_many_arguments, reason = "the BLAS signature")]
    pub(crate) unsafe fn sum<T: Elem>(
        ctx: *const oxpar_context,
        n: usize,
        x: *const oxpar_buffer,
        offx: usize,
        incx: isize,
        out: *mut T,
    ) -> R {
        // SAFETY: the caller's contract.
        let ctx = unsafe { ffi::context(ctx)? };
        let dev = ctx.device_ops()?;
        // SAFETY: the caller's contract; a written buffer is none of the others.
        let xb = unsafe { buf::<T>(x, "x")? };
        let xv = xb.vec(VecLayout::new(n, offx, incx)).map_err(named("x"))?;
        let out = ffi::out_ptr(out, "out")?;
        let value = DeviceLevel1::<T>::sum(dev, xv)?;
        // SAFETY: checked non-null, writable per the contract.
        unsafe { ffi::write_out(out, value) };
        Ok(())
    }

    /// # Safety
    /// The contract of `oxpar_buffer_isamax`.
    #[allow(clippy::too_many_arguments, reason = "the BLAS signature")]
    pub(crate) unsafe fn iamax<T: Elem>(
        ctx: *const oxpar_context,
        n: usize,
        x: *const oxpar_buffer,
        offx: usize,
        incx: isize,
        out: *mut usize,
    ) -> R {
        // SAFETY: the caller's contract.
        let ctx = unsafe { ffi::context(ctx)? };
        let dev = ctx.device_ops()?;
        // SAFETY: the caller's contract; a written buffer is none of the others.
        let xb = unsafe { buf::<T>(x, "x")? };
        let xv = xb.vec(VecLayout::new(n, offx, incx)).map_err(named("x"))?;
        let out = ffi::out_ptr(out, "out")?;
        let value = DeviceLevel1::<T>::iamax(dev, xv)?.unwrap_or(crate::OXPAR_INDEX_NONE);
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
        let ctx = unsafe { ffi::context(ctx)? };
        let dev = ctx.device_ops()?;
        let trans = trans_from(trans, "trans")?;
        // SAFETY: the caller's contract.
        let alpha = unsafe { ffi::scalar(alpha, "alpha")? };
        // SAFETY: the caller's contract.
        let beta = unsafe { ffi::scalar(beta, "beta")? };
        distinct((y, "y"), (a, "a"))?;
        distinct((y, "y"), (x, "x"))?;
        // SAFETY: the caller's contract; a written buffer is none of the others.
        let ab = unsafe { buf::<T>(a, "a")? };
        // SAFETY: the caller's contract; a written buffer is none of the others.
        let xb = unsafe { buf::<T>(x, "x")? };
        // SAFETY: the caller's contract; a written buffer is none of the others.
        let yb = unsafe { buf_mut::<T>(y, "y")? };
        inc_checked(if trans == oxpar::Trans::No { m } else { n }, incy, "incy")?;
        let av = ab
            .mat(MatLayout::new(m, n, offa, rsa, csa))
            .map_err(named("a"))?;
        let av = if trans == oxpar::Trans::No {
            av
        } else {
            av.t()
        };
        let xv = xb
            .vec(VecLayout::new(
                if trans == oxpar::Trans::No { n } else { m },
                offx,
                incx,
            ))
            .map_err(named("x"))?;
        let yv = yb
            .vec_mut(VecLayout::new(
                if trans == oxpar::Trans::No { m } else { n },
                offy,
                incy,
            ))
            .map_err(named("y"))?;
        Ok(DeviceLevel2::<T>::gemv(dev, alpha, av, xv, beta, yv)?)
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
        let ctx = unsafe { ffi::context(ctx)? };
        let dev = ctx.device_ops()?;
        // SAFETY: the caller's contract.
        let alpha = unsafe { ffi::scalar(alpha, "alpha")? };
        distinct((a, "a"), (x, "x"))?;
        distinct((a, "a"), (y, "y"))?;
        // SAFETY: the caller's contract; a written buffer is none of the others.
        let xb = unsafe { buf::<T>(x, "x")? };
        // SAFETY: the caller's contract; a written buffer is none of the others.
        let yb = unsafe { buf::<T>(y, "y")? };
        // SAFETY: the caller's contract; a written buffer is none of the others.
        let ab = unsafe { buf_mut::<T>(a, "a")? };
        let xv = xb.vec(VecLayout::new(m, offx, incx)).map_err(named("x"))?;
        let yv = yb.vec(VecLayout::new(n, offy, incy)).map_err(named("y"))?;
        let av = ab
            .mat_mut(MatLayout::new(m, n, offa, rsa, csa))
            .map_err(named("a"))?;
        Ok(DeviceLevel2::<T>::ger(dev, alpha, xv, yv, av)?)
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
        let ctx = unsafe { ffi::context(ctx)? };
        let dev = ctx.device_ops()?;
        let transa = trans_from(transa, "transa")?;
        let transb = trans_from(transb, "transb")?;
        // SAFETY: the caller's contract.
        let alpha = unsafe { ffi::scalar(alpha, "alpha")? };
        // SAFETY: the caller's contract.
        let beta = unsafe { ffi::scalar(beta, "beta")? };
        distinct((c, "c"), (a, "a"))?;
        distinct((c, "c"), (b, "b"))?;
        // SAFETY: the caller's contract; a written buffer is none of the others.
        let ab = unsafe { buf::<T>(a, "a")? };
        // SAFETY: the caller's contract; a written buffer is none of the others.
        let bb = unsafe { buf::<T>(b, "b")? };
        // SAFETY: the caller's contract; a written buffer is none of the others.
        let cb = unsafe { buf_mut::<T>(c, "c")? };
        let av = ab
            .mat(MatLayout::new(
                if transa == oxpar::Trans::No { m } else { k },
                if transa == oxpar::Trans::No { k } else { m },
                offa,
                rsa,
                csa,
            ))
            .map_err(named("a"))?;
        let av = if transa == oxpar::Trans::No {
            av
        } else {
            av.t()
        };
        let bv = bb
            .mat(MatLayout::new(
                if transb == oxpar::Trans::No { k } else { n },
                if transb == oxpar::Trans::No { n } else { k },
                offb,
                rsb,
                csb,
            ))
            .map_err(named("b"))?;
        let bv = if transb == oxpar::Trans::No {
            bv
        } else {
            bv.t()
        };
        let cv = cb
            .mat_mut(MatLayout::new(m, n, offc, rsc, csc))
            .map_err(named("c"))?;
        Ok(DeviceLevel3::<T>::gemm(dev, alpha, av, bv, beta, cv)?)
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
            unsafe { imp::axpy::<f32>(ctx, n, alpha, x, offx, incx, y, offy, incy) }
        )
    })
}

/// `y := alpha*x + y` on double buffers; as `oxpar_buffer_saxpy`.
///
/// Errors: as `oxpar_buffer_saxpy` (on a device without double precision, double buffers
/// cannot be created).
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
            unsafe { imp::axpy::<f64>(ctx, n, alpha, x, offx, incx, y, offy, incy) }
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
            unsafe { imp::scal::<f32>(ctx, n, alpha, x, offx, incx) }
        )
    })
}

/// `x := alpha*x` on double buffers; as `oxpar_buffer_sscal`.
///
/// Errors: as `oxpar_buffer_sscal` (on a device without double precision, double buffers
/// cannot be created).
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
            unsafe { imp::scal::<f64>(ctx, n, alpha, x, offx, incx) }
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

/// `y := x` on double buffers; as `oxpar_buffer_scopy`.
///
/// Errors: as `oxpar_buffer_scopy` (on a device without double precision, double buffers
/// cannot be created).
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

/// exchanges `x` and `y` on double buffers; as `oxpar_buffer_sswap`.
///
/// Errors: as `oxpar_buffer_sswap` (on a device without double precision, double buffers
/// cannot be created).
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
            unsafe { imp::dot::<f32>(ctx, n, x, offx, incx, y, offy, incy, out) }
        )
    })
}

/// `*out := x . y` on double buffers; as `oxpar_buffer_sdot`.
///
/// Errors: as `oxpar_buffer_sdot` (on a device without double precision, double buffers
/// cannot be created).
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
            unsafe { imp::dot::<f64>(ctx, n, x, offx, incx, y, offy, incy, out) }
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
            unsafe { imp::nrm2::<f32>(ctx, n, x, offx, incx, out) }
        )
    })
}

/// `*out :=` the Euclidean norm of `x` on double buffers; as `oxpar_buffer_snrm2`.
///
/// Errors: as `oxpar_buffer_snrm2` (on a device without double precision, double buffers
/// cannot be created).
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
            unsafe { imp::nrm2::<f64>(ctx, n, x, offx, incx, out) }
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
            unsafe { imp::asum::<f32>(ctx, n, x, offx, incx, out) }
        )
    })
}

/// `*out :=` the sum of `|x_i|` on double buffers; as `oxpar_buffer_sasum`.
///
/// Errors: as `oxpar_buffer_sasum` (on a device without double precision, double buffers
/// cannot be created).
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
            unsafe { imp::asum::<f64>(ctx, n, x, offx, incx, out) }
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
            unsafe { imp::sum::<f32>(ctx, n, x, offx, incx, out) }
        )
    })
}

/// `*out :=` the sum of the `x_i` on double buffers; as `oxpar_buffer_ssum`.
///
/// Errors: as `oxpar_buffer_ssum` (on a device without double precision, double buffers
/// cannot be created).
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
            unsafe { imp::sum::<f64>(ctx, n, x, offx, incx, out) }
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

/// `*out :=` the first index of the largest `|x_i|` on double buffers; as
/// `oxpar_buffer_isamax`.
///
/// Errors: as `oxpar_buffer_isamax` (on a device without double precision, double buffers
/// cannot be created).
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
                imp::gemv::<f32>(
                    ctx, trans, m, n, alpha, a, offa, rsa, csa, x, offx, incx, beta, y, offy, incy,
                )
            }
        )
    })
}

/// `y := alpha*op(A)*x + beta*y` on double buffers; as `oxpar_buffer_sgemv`.
///
/// Errors: as `oxpar_buffer_sgemv` (on a device without double precision, double buffers
/// cannot be created).
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
                imp::gemv::<f64>(
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
                imp::ger::<f32>(
                    ctx, m, n, alpha, x, offx, incx, y, offy, incy, a, offa, rsa, csa,
                )
            }
        )
    })
}

/// `A := alpha*x*y^T + A` on double buffers; as `oxpar_buffer_sger`.
///
/// Errors: as `oxpar_buffer_sger` (on a device without double precision, double buffers
/// cannot be created).
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
                imp::ger::<f64>(
                    ctx, m, n, alpha, x, offx, incx, y, offy, incy, a, offa, rsa, csa,
                )
            }
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
                imp::gemm::<f32>(
                    ctx, transa, transb, m, n, k, alpha, a, offa, rsa, csa, b, offb, rsb, csb,
                    beta, c, offc, rsc, csc,
                )
            }
        )
    })
}

/// `C := alpha*op(A)*op(B) + beta*C` on double buffers; as `oxpar_buffer_sgemm`.
///
/// Errors: as `oxpar_buffer_sgemm` (on a device without double precision, double buffers
/// cannot be created).
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
                imp::gemm::<f64>(
                    ctx, transa, transb, m, n, k, alpha, a, offa, rsa, csa, b, offb, rsb, csb,
                    beta, c, offc, rsc, csc,
                )
            }
        )
    })
}
