//! OpenCL: device buffers, BLAS-style routines on them, user kernels from
//! OpenCL C source, all on a context created with an `"opencl..."` spec.
//!
//! The functions exist in every build (the header is the same); a library
//! built without the cargo feature `opencl` answers each of them with
//! `OXPAR_STATUS_BACKEND_UNAVAILABLE`.
//!
//! Lifetimes: every buffer, program and kernel keeps its device (OpenCL
//! context and command queue) alive, so handles may be freed in any order,
//! the context before them included. A kernel does not keep the buffers set
//! as its arguments: freeing one releases its memory once the commands
//! queued on it complete, and launching the kernel again before that
//! argument is set anew is an error.

#![cfg_attr(
    not(feature = "opencl"),
    allow(
        unused_variables,
        reason = "without OpenCL the arguments are not looked at"
    )
)]

use std::ffi::{c_char, c_void};

use crate::boundary::call;
use crate::context::oxpar_context;
use crate::status::oxpar_status;
#[cfg(not(feature = "opencl"))]
use crate::status::CapiError;

/// Runs the OpenCL body of an entry point, or reports that this library was
/// built without OpenCL (then the body is not compiled at all).
#[cfg(feature = "opencl")]
macro_rules! with_opencl {
    ($body:expr) => {
        $body
    };
}
#[cfg(not(feature = "opencl"))]
macro_rules! with_opencl {
    ($body:expr) => {
        Err(unavailable())
    };
}

#[cfg(not(feature = "opencl"))]
fn unavailable() -> CapiError {
    CapiError {
        status: oxpar_status::BackendUnavailable,
        message: "this liboxpar was built without OpenCL (cargo feature `opencl` of \
                  oxpar-capi / oxpar-cdylib)"
            .to_string(),
    }
}

/// Device memory holding `len` elements of one type (`OXPAR_DTYPE_F32` or
/// `OXPAR_DTYPE_F64`), made by `oxpar_buffer_create` on an OpenCL context
/// and usable only with that context.
///
/// Ownership: the caller owns it; free it with `oxpar_buffer_free` (it keeps
/// its device alive, so the context may be freed first).
/// Thread safety: calls that only read a buffer may share it between
/// threads; a call that writes it (`oxpar_buffer_upload`, an output of a
/// routine) must not run concurrently with any other use of it.
pub struct oxpar_buffer {
    #[cfg_attr(
        not(feature = "opencl"),
        allow(dead_code, reason = "never made without OpenCL")
    )]
    inner: imp::Buffer,
}

/// A program built from OpenCL C source for one context's device
/// (`oxpar_program_build`). Free it with `oxpar_program_free`; its kernels
/// keep what they need, so it may be freed before them.
pub struct oxpar_program {
    #[cfg_attr(
        not(feature = "opencl"),
        allow(dead_code, reason = "never made without OpenCL")
    )]
    inner: imp::Program,
}

/// A kernel of a program with its arguments (`oxpar_kernel_create`). It holds
/// one set of arguments: use one kernel handle from one thread at a time
/// (make one per thread to launch concurrently). Free it with
/// `oxpar_kernel_free`.
pub struct oxpar_kernel {
    #[cfg_attr(
        not(feature = "opencl"),
        allow(dead_code, reason = "never made without OpenCL")
    )]
    inner: imp::Kernel,
}

/// Frees a handle made by `Box::into_raw`; NULL is a no-op.
///
/// # Safety
/// `p` is NULL or a live handle of type `T`, freed once, not in use.
unsafe fn free_handle<T>(p: *mut T) {
    if !p.is_null() {
        let _ = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            // SAFETY: a live handle created by Box::into_raw, freed once.
            drop(unsafe { Box::from_raw(p) });
        }));
    }
}

#[cfg(not(feature = "opencl"))]
mod imp {
    /// No value: nothing can make a handle without OpenCL.
    pub(crate) enum Never {}
    pub(crate) type Buffer = Never;
    pub(crate) type Program = Never;
    pub(crate) type Kernel = Never;
}

#[cfg(feature = "opencl")]
mod imp {
    use std::ffi::{c_char, c_void, CStr};

    use oxpar::exact::{round_to, sqrt_to};
    use oxpar::opencl::{
        DeviceBuffer, DeviceScalar, KernelArg, MatLayout, OpenClBackend, VecLayout,
    };
    use oxpar::{Reduction, Trans};

    use super::{oxpar_buffer, oxpar_kernel, oxpar_program};
    use crate::context::oxpar_context;
    use crate::ffi;
    use crate::status::{oxpar_status, trans_from, CapiError};

    pub(crate) type R = Result<(), CapiError>;
    pub(crate) type Program = oxpar::opencl::Program;
    pub(crate) type Kernel = oxpar::opencl::Kernel;

    /// The device memory of a buffer handle.
    pub(crate) enum Buffer {
        F32(DeviceBuffer<f32>),
        F64(DeviceBuffer<f64>),
    }

    impl Buffer {
        fn type_name(&self) -> &'static str {
            match self {
                Buffer::F32(_) => "float (OXPAR_DTYPE_F32)",
                Buffer::F64(_) => "double (OXPAR_DTYPE_F64)",
            }
        }
    }

    /// `f32` and `f64`: how to find their buffers in a handle.
    pub(crate) trait Elem: DeviceScalar {
        const C_NAME: &'static str;
        fn get(b: &Buffer) -> Option<&DeviceBuffer<Self>>;
        fn get_mut(b: &mut Buffer) -> Option<&mut DeviceBuffer<Self>>;
    }

    impl Elem for f32 {
        const C_NAME: &'static str = "float";
        fn get(b: &Buffer) -> Option<&DeviceBuffer<f32>> {
            match b {
                Buffer::F32(d) => Some(d),
                Buffer::F64(_) => None,
            }
        }
        fn get_mut(b: &mut Buffer) -> Option<&mut DeviceBuffer<f32>> {
            match b {
                Buffer::F32(d) => Some(d),
                Buffer::F64(_) => None,
            }
        }
    }

    impl Elem for f64 {
        const C_NAME: &'static str = "double";
        fn get(b: &Buffer) -> Option<&DeviceBuffer<f64>> {
            match b {
                Buffer::F64(d) => Some(d),
                Buffer::F32(_) => None,
            }
        }
        fn get_mut(b: &mut Buffer) -> Option<&mut DeviceBuffer<f64>> {
            match b {
                Buffer::F64(d) => Some(d),
                Buffer::F32(_) => None,
            }
        }
    }

    /// The OpenCL device of a context; `OXPAR_STATUS_UNSUPPORTED` for a host one.
    ///
    /// # Safety
    /// `ctx` is NULL or a live context.
    unsafe fn device<'a>(ctx: *const oxpar_context) -> Result<&'a OpenClBackend, CapiError> {
        // SAFETY: the caller's contract.
        Ok(unsafe { context_and_device(ctx)? }.1)
    }

    /// The context and its OpenCL device; `OXPAR_STATUS_UNSUPPORTED` for a
    /// host one.
    ///
    /// # Safety
    /// `ctx` is NULL or a live context.
    unsafe fn context_and_device<'a>(
        ctx: *const oxpar_context,
    ) -> Result<(&'a oxpar_context, &'a OpenClBackend), CapiError> {
        // SAFETY: the caller's contract.
        let ctx = unsafe { ffi::context(ctx)? };
        let cl = ctx.opencl.as_ref().ok_or_else(|| CapiError {
            status: oxpar_status::Unsupported,
            message: format!(
                "ctx: a {} context has no device memory or kernels (create the context with \
                 \"opencl\")",
                ctx.backend.kind().as_str()
            ),
        })?;
        Ok((ctx, cl))
    }

    fn wrong_type(name: &str, b: &Buffer, want: &str) -> CapiError {
        CapiError::invalid(
            name,
            format!(
                "is a buffer of {}, but this routine takes {want} buffers",
                b.type_name()
            ),
        )
    }

    /// A buffer argument read by the routine.
    ///
    /// # Safety
    /// `p` is NULL or a live buffer not written during the call.
    unsafe fn buf<'a, T: Elem>(
        p: *const oxpar_buffer,
        name: &str,
    ) -> Result<&'a DeviceBuffer<T>, CapiError> {
        // SAFETY: the caller's contract.
        let b = unsafe { p.as_ref() }.ok_or_else(|| CapiError::null(name, "is NULL"))?;
        T::get(&b.inner).ok_or_else(|| wrong_type(name, &b.inner, T::C_NAME))
    }

    /// A buffer argument written by the routine.
    ///
    /// # Safety
    /// `p` is NULL or a live buffer used by nobody else during the call.
    unsafe fn buf_mut<'a, T: Elem>(
        p: *mut oxpar_buffer,
        name: &str,
    ) -> Result<&'a mut DeviceBuffer<T>, CapiError> {
        // SAFETY: the caller's contract.
        let b = unsafe { p.as_mut() }.ok_or_else(|| CapiError::null(name, "is NULL"))?;
        // The message needs the type before the mutable borrow is taken.
        let kind = b.inner.type_name();
        T::get_mut(&mut b.inner).ok_or_else(|| {
            CapiError::invalid(
                name,
                format!(
                    "is a buffer of {kind}, but this routine takes {} buffers",
                    T::C_NAME
                ),
            )
        })
    }

    /// Refuses an output buffer that is also an input.
    fn distinct(out: (*const oxpar_buffer, &str), input: (*const oxpar_buffer, &str)) -> R {
        if !out.0.is_null() && std::ptr::eq(out.0, input.0) {
            return Err(CapiError::invalid(
                out.1,
                format!(
                    "is the same buffer as {} (an output buffer must not also be an input)",
                    input.1
                ),
            ));
        }
        Ok(())
    }

    /// Names the argument in an error about its layout in its buffer.
    fn named(name: &'static str) -> impl Fn(oxpar::Error) -> CapiError {
        move |e| {
            let mut c = CapiError::from(e);
            if !c.message.starts_with(&format!("{name}:")) {
                c.message = format!("{name}: {}", c.message);
            }
            c
        }
    }

    /// An output vector's increment: non-zero when it has two or more
    /// elements (inputs may have any increment).
    fn inc_checked(n: usize, inc: isize, name: &str) -> R {
        if inc == 0 && n > 1 {
            return Err(CapiError {
                status: oxpar_status::InvalidStride,
                message: format!("{name}: stride is 0 for a dimension of {n} (must be non-zero)"),
            });
        }
        Ok(())
    }

    /// # Safety
    /// The contract of `oxpar_buffer_create` (`zero`) or
    /// `oxpar_buffer_create_empty`.
    pub(crate) unsafe fn buffer_create(
        ctx: *const oxpar_context,
        dtype: i32,
        len: usize,
        out: *mut *mut oxpar_buffer,
        zero: bool,
    ) -> R {
        // SAFETY: the caller's contract.
        let cl = unsafe { device(ctx)? };
        let out = ffi::out_ptr(out, "out")?;
        let inner = match (dtype, zero) {
            (0, true) => Buffer::F32(cl.zeroed::<f32>(len)?),
            (1, true) => Buffer::F64(cl.zeroed::<f64>(len)?),
            (0, false) => Buffer::F32(cl.empty::<f32>(len)?),
            (1, false) => Buffer::F64(cl.empty::<f64>(len)?),
            (v, _) => {
                return Err(CapiError::invalid(
                    "dtype",
                    format!("{v} is neither OXPAR_DTYPE_F32 (0) nor OXPAR_DTYPE_F64 (1)"),
                ))
            }
        };
        let handle = Box::into_raw(Box::new(oxpar_buffer { inner }));
        // SAFETY: checked non-null, writable per the contract.
        unsafe { ffi::write_out(out, handle) };
        Ok(())
    }

    /// A host array of `n` elements (`n` must be the buffer's length).
    ///
    /// # Safety
    /// `host` is NULL or addresses `n` readable elements of `T`.
    unsafe fn host_slice<'a, T>(
        host: *const c_void,
        n: usize,
        len: usize,
    ) -> Result<&'a [T], CapiError> {
        if n != len {
            return Err(CapiError {
                status: oxpar_status::ShapeMismatch,
                message: format!("n: is {n} but the buffer has {len} elements (n must equal it)"),
            });
        }
        if n == 0 {
            return Ok(&[]);
        }
        if host.is_null() {
            return Err(CapiError::null("host", format!("is NULL but n = {n}")));
        }
        if !(host as usize).is_multiple_of(std::mem::align_of::<T>()) {
            return Err(CapiError::invalid(
                "host",
                format!(
                    "is not aligned for its {}-byte elements",
                    std::mem::size_of::<T>()
                ),
            ));
        }
        // SAFETY: non-null, aligned, and `n` readable elements per the contract.
        Ok(unsafe { std::slice::from_raw_parts(host.cast::<T>(), n) })
    }

    /// # Safety
    /// The contract of `oxpar_buffer_create_from`.
    pub(crate) unsafe fn buffer_create_from(
        ctx: *const oxpar_context,
        dtype: i32,
        host: *const c_void,
        n: usize,
        out: *mut *mut oxpar_buffer,
    ) -> R {
        // SAFETY: the caller's contract.
        let cl = unsafe { device(ctx)? };
        let out = ffi::out_ptr(out, "out")?;
        let inner = match dtype {
            0 => {
                // SAFETY: `host` holds `n` elements per the contract.
                let s = unsafe { host_slice::<f32>(host, n, n)? };
                Buffer::F32(cl.upload(s)?)
            }
            1 => {
                // SAFETY: as above.
                let s = unsafe { host_slice::<f64>(host, n, n)? };
                Buffer::F64(cl.upload(s)?)
            }
            v => {
                return Err(CapiError::invalid(
                    "dtype",
                    format!("{v} is neither OXPAR_DTYPE_F32 (0) nor OXPAR_DTYPE_F64 (1)"),
                ))
            }
        };
        let handle = Box::into_raw(Box::new(oxpar_buffer { inner }));
        // SAFETY: checked non-null, writable per the contract.
        unsafe { ffi::write_out(out, handle) };
        Ok(())
    }

    /// # Safety
    /// The contract of `oxpar_context_set_profiling`.
    pub(crate) unsafe fn set_profiling(ctx: *const oxpar_context, on: i32) -> R {
        // SAFETY: the caller's contract.
        let cl = unsafe { device(ctx)? };
        match on {
            0 | 1 => Ok(cl.set_profiling(on == 1)?),
            v => Err(CapiError::invalid("on", format!("is {v}; expected 0 or 1"))),
        }
    }

    /// # Safety
    /// The contract of `oxpar_context_profiling`.
    pub(crate) unsafe fn profiling(ctx: *const oxpar_context, out: *mut i32) -> R {
        // SAFETY: the caller's contract.
        let cl = unsafe { device(ctx)? };
        let out = ffi::out_ptr(out, "out")?;
        // SAFETY: checked non-null, writable per the contract.
        unsafe { ffi::write_out(out, i32::from(cl.profiling())) };
        Ok(())
    }

    /// # Safety
    /// The contract of `oxpar_context_last_profile`.
    pub(crate) unsafe fn last_profile(
        ctx: *const oxpar_context,
        queued: *mut u64,
        start: *mut u64,
        end: *mut u64,
    ) -> R {
        // SAFETY: the caller's contract.
        let cl = unsafe { device(ctx)? };
        let queued = ffi::out_ptr(queued, "queued")?;
        let start = ffi::out_ptr(start, "start")?;
        let end = ffi::out_ptr(end, "end")?;
        let t = cl.last_profile()?.ok_or_else(|| {
            CapiError::invalid(
                "ctx",
                "no kernel launch or transfer was issued since profiling was switched on",
            )
        })?;
        // SAFETY: checked non-null, writable per the contract.
        unsafe {
            ffi::write_out(queued, t.queued_ns);
            ffi::write_out(start, t.start_ns);
            ffi::write_out(end, t.end_ns);
        }
        Ok(())
    }

    /// # Safety
    /// The contract of `oxpar_context_resident_bytes`.
    pub(crate) unsafe fn resident_bytes(ctx: *const oxpar_context, out: *mut u64) -> R {
        // SAFETY: the caller's contract.
        let cl = unsafe { device(ctx)? };
        let out = ffi::out_ptr(out, "out")?;
        // SAFETY: checked non-null, writable per the contract.
        unsafe { ffi::write_out(out, cl.resident_bytes()) };
        Ok(())
    }

    /// # Safety
    /// The contract of `oxpar_buffer_upload`.
    pub(crate) unsafe fn buffer_upload(buf: *mut oxpar_buffer, host: *const c_void, n: usize) -> R {
        // SAFETY: the caller's contract.
        let b = unsafe { buf.as_mut() }.ok_or_else(|| CapiError::null("buf", "is NULL"))?;
        match &mut b.inner {
            Buffer::F32(d) => {
                // SAFETY: the caller's contract (host holds n elements).
                let s = unsafe { host_slice::<f32>(host, n, d.len())? };
                Ok(d.upload(s)?)
            }
            Buffer::F64(d) => {
                // SAFETY: as above.
                let s = unsafe { host_slice::<f64>(host, n, d.len())? };
                Ok(d.upload(s)?)
            }
        }
    }

    /// # Safety
    /// The contract of `oxpar_buffer_download`.
    pub(crate) unsafe fn buffer_download(
        buf: *const oxpar_buffer,
        host: *mut c_void,
        n: usize,
    ) -> R {
        fn go<T: Elem>(d: &DeviceBuffer<T>, host: *mut c_void, n: usize) -> R {
            // SAFETY: checks the length, NULL and alignment; host has n
            // writable elements per the contract of the exported function.
            let s = unsafe { host_slice::<T>(host, n, d.len())? };
            if n == 0 {
                return Ok(());
            }
            // SAFETY: as above, and nobody else uses that memory during the call.
            let s = unsafe { std::slice::from_raw_parts_mut(s.as_ptr().cast_mut(), n) };
            Ok(d.download(s)?)
        }
        // SAFETY: the caller's contract.
        let b = unsafe { buf.as_ref() }.ok_or_else(|| CapiError::null("buf", "is NULL"))?;
        match &b.inner {
            Buffer::F32(d) => go(d, host, n),
            Buffer::F64(d) => go(d, host, n),
        }
    }

    /// # Safety
    /// `buf` is NULL or live; `out` is NULL or writable.
    pub(crate) unsafe fn buffer_len(buf: *const oxpar_buffer, out: *mut usize) -> R {
        // SAFETY: the caller's contract.
        let b = unsafe { buf.as_ref() }.ok_or_else(|| CapiError::null("buf", "is NULL"))?;
        let out = ffi::out_ptr(out, "out")?;
        let len = match &b.inner {
            Buffer::F32(d) => d.len(),
            Buffer::F64(d) => d.len(),
        };
        // SAFETY: checked non-null, writable per the contract.
        unsafe { ffi::write_out(out, len) };
        Ok(())
    }

    /// # Safety
    /// `buf` is NULL or live; `out` is NULL or writable.
    pub(crate) unsafe fn buffer_dtype(buf: *const oxpar_buffer, out: *mut i32) -> R {
        // SAFETY: the caller's contract.
        let b = unsafe { buf.as_ref() }.ok_or_else(|| CapiError::null("buf", "is NULL"))?;
        let out = ffi::out_ptr(out, "out")?;
        let dtype = match &b.inner {
            Buffer::F32(_) => 0,
            Buffer::F64(_) => 1,
        };
        // SAFETY: checked non-null, writable per the contract.
        unsafe { ffi::write_out(out, dtype) };
        Ok(())
    }

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
        Ok(cl.axpy_buf(alpha, xv, yv)?)
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
            round_to::<T>(&cl.reduce_exact_buf(Reduction::Dot, xv, Some(yv))?)
        } else {
            cl.dot_buf(xv, yv)?
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
        Ok(cl.gemm_buf(alpha, av, bv, beta, cv)?)
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
        Ok(cl.scal_buf(alpha, xv)?)
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
        Ok(cl.copy_buf(xv, yv)?)
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
        Ok(cl.swap_buf(xv, yv)?)
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
                Norm::Nrm2 => sqrt_to::<T>(&cl.reduce_exact_buf(Reduction::SumSq, xv, None)?),
                Norm::Asum => round_to::<T>(&cl.reduce_exact_buf(Reduction::Asum, xv, None)?),
                Norm::Sum => round_to::<T>(&cl.reduce_exact_buf(Reduction::Sum, xv, None)?),
            }
        } else {
            match which {
                Norm::Nrm2 => cl.nrm2_buf(xv)?,
                Norm::Asum => cl.asum_buf(xv)?,
                Norm::Sum => cl.sum_buf(xv)?,
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
        let value = cl.iamax_buf(xv)?.unwrap_or(crate::OXPAR_INDEX_NONE);
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
        Ok(cl.gemv_buf(alpha, av, xv, beta, yv)?)
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
        Ok(cl.ger_buf(alpha, xv, yv, av)?)
    }

    /// A NUL-terminated UTF-8 string argument.
    ///
    /// # Safety
    /// `p` is NULL or NUL-terminated.
    unsafe fn text<'a>(p: *const c_char, name: &str) -> Result<&'a str, CapiError> {
        if p.is_null() {
            return Err(CapiError::null(name, "is NULL"));
        }
        // SAFETY: non-null and NUL-terminated per the caller's contract.
        unsafe { CStr::from_ptr(p) }
            .to_str()
            .map_err(|_| CapiError::invalid(name, "is not valid UTF-8"))
    }

    /// # Safety
    /// The contract of `oxpar_program_build`.
    pub(crate) unsafe fn program_build(
        ctx: *const oxpar_context,
        source: *const c_char,
        options: *const c_char,
        out: *mut *mut oxpar_program,
    ) -> R {
        // SAFETY: the caller's contract.
        let cl = unsafe { device(ctx)? };
        // SAFETY: the caller's contract.
        let source = unsafe { text(source, "source")? };
        let options = if options.is_null() {
            ""
        } else {
            // SAFETY: the caller's contract.
            unsafe { text(options, "options")? }
        };
        let out = ffi::out_ptr(out, "out")?;
        let inner = cl.build_program(source, options)?;
        let handle = Box::into_raw(Box::new(oxpar_program { inner }));
        // SAFETY: checked non-null, writable per the contract.
        unsafe { ffi::write_out(out, handle) };
        Ok(())
    }

    /// # Safety
    /// The contract of `oxpar_kernel_create`.
    pub(crate) unsafe fn kernel_create(
        program: *const oxpar_program,
        name: *const c_char,
        out: *mut *mut oxpar_kernel,
    ) -> R {
        // SAFETY: the caller's contract.
        let program =
            unsafe { program.as_ref() }.ok_or_else(|| CapiError::null("program", "is NULL"))?;
        // SAFETY: the caller's contract.
        let name = unsafe { text(name, "name")? };
        let out = ffi::out_ptr(out, "out")?;
        let inner = program.inner.kernel(name)?;
        let handle = Box::into_raw(Box::new(oxpar_kernel { inner }));
        // SAFETY: checked non-null, writable per the contract.
        unsafe { ffi::write_out(out, handle) };
        Ok(())
    }

    /// # Safety
    /// `kernel` is NULL or a live kernel used by no other call.
    unsafe fn kernel_mut<'a>(kernel: *mut oxpar_kernel) -> Result<&'a mut Kernel, CapiError> {
        // SAFETY: the caller's contract.
        unsafe { kernel.as_mut() }
            .map(|k| &mut k.inner)
            .ok_or_else(|| CapiError::null("kernel", "is NULL"))
    }

    /// # Safety
    /// `kernel` is NULL or a live kernel used by no other call.
    pub(crate) unsafe fn set_arg<'a>(
        kernel: *mut oxpar_kernel,
        index: u32,
        arg: impl Into<KernelArg<'a>>,
    ) -> R {
        // SAFETY: the caller's contract.
        let k = unsafe { kernel_mut(kernel)? };
        Ok(k.set_arg(index as usize, arg)?)
    }

    /// # Safety
    /// The contract of `oxpar_kernel_set_arg_buffer`.
    pub(crate) unsafe fn set_arg_buffer(
        kernel: *mut oxpar_kernel,
        index: u32,
        arg: *const oxpar_buffer,
    ) -> R {
        // SAFETY: the caller's contract.
        let k = unsafe { kernel_mut(kernel)? };
        // SAFETY: the caller's contract.
        let b = unsafe { arg.as_ref() }.ok_or_else(|| CapiError::null("arg", "is NULL"))?;
        match &b.inner {
            Buffer::F32(d) => Ok(k.set_arg(index as usize, d)?),
            Buffer::F64(d) => Ok(k.set_arg(index as usize, d)?),
        }
    }

    /// # Safety
    /// The contract of `oxpar_kernel_set_arg_local`.
    pub(crate) unsafe fn set_arg_local(kernel: *mut oxpar_kernel, index: u32, bytes: usize) -> R {
        // SAFETY: the caller's contract.
        let k = unsafe { kernel_mut(kernel)? };
        if bytes == 0 {
            return Err(CapiError::invalid(
                "bytes",
                "local memory size must be positive",
            ));
        }
        Ok(k.set_arg(index as usize, KernelArg::Local(bytes))?)
    }

    /// # Safety
    /// The contract of `oxpar_kernel_launch`.
    pub(crate) unsafe fn kernel_launch(
        kernel: *mut oxpar_kernel,
        dims: u32,
        global: *const usize,
        local: *const usize,
    ) -> R {
        // SAFETY: the caller's contract.
        let k = unsafe { kernel_mut(kernel)? };
        if !(1..=3).contains(&dims) {
            return Err(CapiError::invalid(
                "dims",
                format!("is {dims}; a launch has 1, 2 or 3 dimensions"),
            ));
        }
        if global.is_null() {
            return Err(CapiError::null("global", "is NULL"));
        }
        let dims = dims as usize;
        // SAFETY: non-null; `dims` readable sizes per the contract.
        let g = unsafe { std::slice::from_raw_parts(global, dims) };
        let l = if local.is_null() {
            None
        } else {
            // SAFETY: as above.
            Some(unsafe { std::slice::from_raw_parts(local, dims) })
        };
        // SAFETY: the caller guarantees that the kernel's code stays inside
        // its buffers (documented on oxpar_kernel_launch).
        Ok(unsafe { k.launch(g, l) }?)
    }

    /// # Safety
    /// `ctx` is NULL or live.
    pub(crate) unsafe fn context_finish(ctx: *const oxpar_context) -> R {
        // SAFETY: the caller's contract.
        let ctx = unsafe { ffi::context(ctx)? };
        match &ctx.opencl {
            Some(cl) => Ok(cl.finish()?),
            None => Ok(()), // host contexts finish every call before returning
        }
    }
}

// ---------------------------------------------------------------------------
// Buffers.

/// Creates a buffer of `len` zeros of type `dtype` (`OXPAR_DTYPE_F32` or
/// `OXPAR_DTYPE_F64`) on the device of an OpenCL context; stores the handle
/// in `*out`. `len` may be 0. Free it with `oxpar_buffer_free`.
///
/// Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, out),
/// `OXPAR_STATUS_INVALID_ARGUMENT` (unknown dtype),
/// `OXPAR_STATUS_UNSUPPORTED` (ctx is not an OpenCL context),
/// `OXPAR_STATUS_OUT_OF_MEMORY` (larger than the device allows or has),
/// `OXPAR_STATUS_DEVICE_ERROR`, `OXPAR_STATUS_BACKEND_UNAVAILABLE` (library
/// built without OpenCL).
///
/// # Safety
/// `ctx` is NULL or a live context; `out` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn oxpar_buffer_create(
    ctx: *const oxpar_context,
    dtype: i32,
    len: usize,
    out: *mut *mut oxpar_buffer,
) -> oxpar_status {
    call("oxpar_buffer_create", || {
        with_opencl!(
            // SAFETY: this function's contract.
            unsafe { imp::buffer_create(ctx, dtype, len, out, true) }
        )
    })
}

/// Creates a buffer of `len` elements of type `dtype` whose contents are
/// unspecified (as `numpy.empty`'s): nothing is written to the device, so
/// this costs an allocation only; write the buffer before reading it. Same
/// handle, errors and ownership as `oxpar_buffer_create`.
///
/// # Safety
/// `ctx` is NULL or a live context; `out` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn oxpar_buffer_create_empty(
    ctx: *const oxpar_context,
    dtype: i32,
    len: usize,
    out: *mut *mut oxpar_buffer,
) -> oxpar_status {
    call("oxpar_buffer_create_empty", || {
        with_opencl!(
            // SAFETY: this function's contract.
            unsafe { imp::buffer_create(ctx, dtype, len, out, false) }
        )
    })
}

/// Creates a buffer holding a copy of `n` elements of host memory of type
/// `dtype` (`float` or `double`, suitably aligned), in one step (no fill
/// first); returns when the copy is done. Same handle and ownership as
/// `oxpar_buffer_create`.
///
/// Errors: those of `oxpar_buffer_create`, and `OXPAR_STATUS_NULL_POINTER`
/// (host with n > 0), `OXPAR_STATUS_INVALID_ARGUMENT` (host misaligned).
///
/// # Safety
/// `ctx` is NULL or a live context; `host` is NULL or addresses `n`
/// readable elements; `out` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn oxpar_buffer_create_from(
    ctx: *const oxpar_context,
    dtype: i32,
    host: *const c_void,
    n: usize,
    out: *mut *mut oxpar_buffer,
) -> oxpar_status {
    call("oxpar_buffer_create_from", || {
        with_opencl!(
            // SAFETY: this function's contract.
            unsafe { imp::buffer_create_from(ctx, dtype, host, n, out) }
        )
    })
}

/// Frees a buffer. NULL is a no-op. Its device memory is released once the
/// commands already queued on it complete (they do); a kernel that has the
/// buffer as an argument does not keep it (launching that kernel again is
/// an error until the argument is set anew).
///
/// Never fails (nothing is returned).
///
/// # Safety
/// `buf` is NULL or a live buffer handle not used by any other call, freed
/// once.
#[no_mangle]
pub unsafe extern "C" fn oxpar_buffer_free(buf: *mut oxpar_buffer) {
    // SAFETY: this function's contract.
    unsafe { free_handle(buf) }
}

/// Copies `n` elements from host memory into the whole buffer; `n` must
/// equal the buffer's length, and `host` holds elements of the buffer's type
/// (`float` or `double`), suitably aligned. Returns when the copy is done
/// (after every command issued before on the context).
///
/// Errors: `OXPAR_STATUS_NULL_POINTER` (buf, host with n > 0),
/// `OXPAR_STATUS_SHAPE_MISMATCH` (n differs from the length),
/// `OXPAR_STATUS_INVALID_ARGUMENT` (host misaligned),
/// `OXPAR_STATUS_DEVICE_ERROR`.
///
/// # Safety
/// `buf` is NULL or a live buffer not used by another call meanwhile;
/// `host` is NULL or addresses `n` readable elements.
#[no_mangle]
pub unsafe extern "C" fn oxpar_buffer_upload(
    buf: *mut oxpar_buffer,
    host: *const c_void,
    n: usize,
) -> oxpar_status {
    call("oxpar_buffer_upload", || {
        with_opencl!(
            // SAFETY: this function's contract.
            unsafe { imp::buffer_upload(buf, host, n) }
        )
    })
}

/// Copies the whole buffer (`n` elements, which must equal its length) into
/// host memory, after every command issued before on the context (kernels
/// included: this is how results are waited for).
///
/// Errors: as `oxpar_buffer_upload`.
///
/// # Safety
/// `buf` is NULL or a live buffer not written by another call meanwhile;
/// `host` is NULL or addresses `n` writable elements used by nobody else.
#[no_mangle]
pub unsafe extern "C" fn oxpar_buffer_download(
    buf: *const oxpar_buffer,
    host: *mut c_void,
    n: usize,
) -> oxpar_status {
    call("oxpar_buffer_download", || {
        with_opencl!(
            // SAFETY: this function's contract.
            unsafe { imp::buffer_download(buf, host, n) }
        )
    })
}

/// Stores the buffer's number of elements in `*out`.
///
/// Errors: `OXPAR_STATUS_NULL_POINTER` (buf, out).
///
/// # Safety
/// `buf` is NULL or a live buffer; `out` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn oxpar_buffer_len(
    buf: *const oxpar_buffer,
    out: *mut usize,
) -> oxpar_status {
    call("oxpar_buffer_len", || {
        with_opencl!(
            // SAFETY: this function's contract.
            unsafe { imp::buffer_len(buf, out) }
        )
    })
}

/// Stores the buffer's element type (an `OXPAR_DTYPE_*` value) in `*out`.
///
/// Errors: `OXPAR_STATUS_NULL_POINTER` (buf, out).
///
/// # Safety
/// `buf` is NULL or a live buffer; `out` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn oxpar_buffer_dtype(
    buf: *const oxpar_buffer,
    out: *mut i32,
) -> oxpar_status {
    call("oxpar_buffer_dtype", || {
        with_opencl!(
            // SAFETY: this function's contract.
            unsafe { imp::buffer_dtype(buf, out) }
        )
    })
}

// ---------------------------------------------------------------------------
// BLAS-style routines on buffers.

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

// ---------------------------------------------------------------------------
// User kernels.

/// Builds OpenCL C `source` for the device of an OpenCL context with
/// compiler `options` (e.g. `"-DN=4"`; NULL for none); stores the program in
/// `*out`. A source that does not compile is `OXPAR_STATUS_INVALID_ARGUMENT`
/// and `oxpar_last_error_message()` holds the compiler's build log.
///
/// Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, source, out),
/// `OXPAR_STATUS_UNSUPPORTED` (not an OpenCL context),
/// `OXPAR_STATUS_INVALID_ARGUMENT` (build failure, refused options, not
/// UTF-8), `OXPAR_STATUS_DEVICE_ERROR`.
///
/// # Safety
/// `ctx` is NULL or a live context; `source`, `options` are NULL or
/// NUL-terminated; `out` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn oxpar_program_build(
    ctx: *const oxpar_context,
    source: *const c_char,
    options: *const c_char,
    out: *mut *mut oxpar_program,
) -> oxpar_status {
    call("oxpar_program_build", || {
        with_opencl!(
            // SAFETY: this function's contract.
            unsafe { imp::program_build(ctx, source, options, out) }
        )
    })
}

/// Frees a program. NULL is a no-op. Kernels made from it stay usable.
///
/// Never fails (nothing is returned).
///
/// # Safety
/// `program` is NULL or a live program handle not used by any other call,
/// freed once.
#[no_mangle]
pub unsafe extern "C" fn oxpar_program_free(program: *mut oxpar_program) {
    // SAFETY: this function's contract.
    unsafe { free_handle(program) }
}

/// Creates the kernel called `name` of a program, with no arguments set;
/// stores it in `*out`.
///
/// Errors: `OXPAR_STATUS_NULL_POINTER` (program, name, out),
/// `OXPAR_STATUS_INVALID_ARGUMENT` (no such kernel: the message lists those
/// the program has), `OXPAR_STATUS_DEVICE_ERROR`.
///
/// # Safety
/// `program` is NULL or a live program; `name` is NULL or NUL-terminated;
/// `out` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn oxpar_kernel_create(
    program: *const oxpar_program,
    name: *const c_char,
    out: *mut *mut oxpar_kernel,
) -> oxpar_status {
    call("oxpar_kernel_create", || {
        with_opencl!(
            // SAFETY: this function's contract.
            unsafe { imp::kernel_create(program, name, out) }
        )
    })
}

/// Frees a kernel (and its hold on the buffers set as its arguments). NULL
/// is a no-op; launches already queued complete.
///
/// Never fails (nothing is returned).
///
/// # Safety
/// `kernel` is NULL or a live kernel handle not used by any other call,
/// freed once.
#[no_mangle]
pub unsafe extern "C" fn oxpar_kernel_free(kernel: *mut oxpar_kernel) {
    // SAFETY: this function's contract.
    unsafe { free_handle(kernel) }
}

/// Sets argument `index` (0-based) of a kernel to a buffer (a `__global` or
/// `__constant` pointer to `float`/`double` or their vector types, checked
/// against the declaration when the driver reports it). The kernel does not
/// keep the buffer: freeing it releases its memory (once queued commands
/// complete), and the kernel's next launch is an error until the argument is
/// set again.
///
/// Errors: `OXPAR_STATUS_NULL_POINTER` (kernel, arg),
/// `OXPAR_STATUS_INVALID_ARGUMENT` (index out of range, a type that does not
/// match the declaration, a buffer of another context).
///
/// # Safety
/// `kernel` is NULL or a live kernel used by no other call meanwhile; `arg`
/// is NULL or a live buffer.
#[no_mangle]
pub unsafe extern "C" fn oxpar_kernel_set_arg_buffer(
    kernel: *mut oxpar_kernel,
    index: u32,
    arg: *const oxpar_buffer,
) -> oxpar_status {
    call("oxpar_kernel_set_arg_buffer", || {
        with_opencl!(
            // SAFETY: this function's contract.
            unsafe { imp::set_arg_buffer(kernel, index, arg) }
        )
    })
}

/// Sets argument `index` of a kernel to an `int`. Errors as
/// `oxpar_kernel_set_arg_buffer`.
///
/// # Safety
/// `kernel` is NULL or a live kernel used by no other call meanwhile.
#[no_mangle]
pub unsafe extern "C" fn oxpar_kernel_set_arg_i32(
    kernel: *mut oxpar_kernel,
    index: u32,
    arg: i32,
) -> oxpar_status {
    call("oxpar_kernel_set_arg_i32", || {
        with_opencl!(
            // SAFETY: this function's contract.
            unsafe { imp::set_arg(kernel, index, arg) }
        )
    })
}

/// Sets argument `index` of a kernel to a `uint`. Errors as
/// `oxpar_kernel_set_arg_buffer`.
///
/// # Safety
/// `kernel` is NULL or a live kernel used by no other call meanwhile.
#[no_mangle]
pub unsafe extern "C" fn oxpar_kernel_set_arg_u32(
    kernel: *mut oxpar_kernel,
    index: u32,
    arg: u32,
) -> oxpar_status {
    call("oxpar_kernel_set_arg_u32", || {
        with_opencl!(
            // SAFETY: this function's contract.
            unsafe { imp::set_arg(kernel, index, arg) }
        )
    })
}

/// Sets argument `index` of a kernel to a `long`. Errors as
/// `oxpar_kernel_set_arg_buffer`.
///
/// # Safety
/// `kernel` is NULL or a live kernel used by no other call meanwhile.
#[no_mangle]
pub unsafe extern "C" fn oxpar_kernel_set_arg_i64(
    kernel: *mut oxpar_kernel,
    index: u32,
    arg: i64,
) -> oxpar_status {
    call("oxpar_kernel_set_arg_i64", || {
        with_opencl!(
            // SAFETY: this function's contract.
            unsafe { imp::set_arg(kernel, index, arg) }
        )
    })
}

/// Sets argument `index` of a kernel to a `ulong` (also for sizes: OpenCL C
/// forbids `size_t` kernel parameters). Errors as
/// `oxpar_kernel_set_arg_buffer`.
///
/// # Safety
/// `kernel` is NULL or a live kernel used by no other call meanwhile.
#[no_mangle]
pub unsafe extern "C" fn oxpar_kernel_set_arg_u64(
    kernel: *mut oxpar_kernel,
    index: u32,
    arg: u64,
) -> oxpar_status {
    call("oxpar_kernel_set_arg_u64", || {
        with_opencl!(
            // SAFETY: this function's contract.
            unsafe { imp::set_arg(kernel, index, arg) }
        )
    })
}

/// Sets argument `index` of a kernel to a `float`. Errors as
/// `oxpar_kernel_set_arg_buffer`.
///
/// # Safety
/// `kernel` is NULL or a live kernel used by no other call meanwhile.
#[no_mangle]
pub unsafe extern "C" fn oxpar_kernel_set_arg_f32(
    kernel: *mut oxpar_kernel,
    index: u32,
    arg: f32,
) -> oxpar_status {
    call("oxpar_kernel_set_arg_f32", || {
        with_opencl!(
            // SAFETY: this function's contract.
            unsafe { imp::set_arg(kernel, index, arg) }
        )
    })
}

/// Sets argument `index` of a kernel to a `double`. Errors as
/// `oxpar_kernel_set_arg_buffer`.
///
/// # Safety
/// `kernel` is NULL or a live kernel used by no other call meanwhile.
#[no_mangle]
pub unsafe extern "C" fn oxpar_kernel_set_arg_f64(
    kernel: *mut oxpar_kernel,
    index: u32,
    arg: f64,
) -> oxpar_status {
    call("oxpar_kernel_set_arg_f64", || {
        with_opencl!(
            // SAFETY: this function's contract.
            unsafe { imp::set_arg(kernel, index, arg) }
        )
    })
}

/// Sets argument `index` of a kernel (a `__local` pointer) to `bytes` bytes
/// of local memory per work-group. Errors as `oxpar_kernel_set_arg_buffer`,
/// and `OXPAR_STATUS_INVALID_ARGUMENT` for `bytes == 0`.
///
/// # Safety
/// `kernel` is NULL or a live kernel used by no other call meanwhile.
#[no_mangle]
pub unsafe extern "C" fn oxpar_kernel_set_arg_local(
    kernel: *mut oxpar_kernel,
    index: u32,
    bytes: usize,
) -> oxpar_status {
    call("oxpar_kernel_set_arg_local", || {
        with_opencl!(
            // SAFETY: this function's contract.
            unsafe { imp::set_arg_local(kernel, index, bytes) }
        )
    })
}

/// Queues the kernel over `dims` (1 to 3) dimensions: `global[d]` work-items
/// in dimension `d`, in work-groups of `local[d]` (NULL: the driver
/// chooses). Every argument must have been set. Returns once the launch is
/// queued: wait with `oxpar_context_finish` or by downloading a buffer. A
/// zero in `global` runs nothing.
///
/// **A user kernel is user code**: OpenCL does not check its memory
/// accesses. A kernel that reads or writes outside its buffers (or local
/// memory) corrupts memory — on a CPU device such as PoCL, this process's
/// memory — and nothing here can catch it.
///
/// Errors: `OXPAR_STATUS_NULL_POINTER` (kernel, global),
/// `OXPAR_STATUS_INVALID_ARGUMENT` (dims, an argument not set, a buffer
/// argument freed since it was set, work-group sizes the device refuses),
/// `OXPAR_STATUS_DEVICE_ERROR`.
///
/// # Safety
/// `kernel` is NULL or a live kernel used by no other call meanwhile;
/// `global` and `local` are NULL or address `dims` readable sizes; the
/// kernel's code stays inside the buffers and local memory given to it.
#[no_mangle]
pub unsafe extern "C" fn oxpar_kernel_launch(
    kernel: *mut oxpar_kernel,
    dims: u32,
    global: *const usize,
    local: *const usize,
) -> oxpar_status {
    call("oxpar_kernel_launch", || {
        with_opencl!(
            // SAFETY: this function's contract.
            unsafe { imp::kernel_launch(kernel, dims, global, local) }
        )
    })
}

/// Waits until every command queued on an OpenCL context (kernels,
/// transfers) has finished, and reports a failure the device had meanwhile.
/// On a host context it returns `OXPAR_STATUS_OK` at once (host calls finish
/// before they return).
///
/// Errors: `OXPAR_STATUS_NULL_POINTER`, `OXPAR_STATUS_DEVICE_ERROR`,
/// `OXPAR_STATUS_BACKEND_UNAVAILABLE` (library built without OpenCL).
///
/// # Safety
/// `ctx` is NULL or a live context.
#[no_mangle]
pub unsafe extern "C" fn oxpar_context_finish(ctx: *const oxpar_context) -> oxpar_status {
    call("oxpar_context_finish", || {
        with_opencl!(
            // SAFETY: this function's contract.
            unsafe { imp::context_finish(ctx) }
        )
    })
}

/// Switches profiling on (`on` = 1) or off (0) for an OpenCL context. While
/// on, each kernel launch (built-in routine or user kernel) and each
/// transfer (`oxpar_buffer_create_from`, `oxpar_buffer_upload`,
/// `oxpar_buffer_download`) keeps its event, and
/// `oxpar_context_last_profile` reports the device times of the last one.
/// Off (the default) costs nothing; switching it off forgets the last event.
///
/// Errors: `OXPAR_STATUS_NULL_POINTER` (ctx), `OXPAR_STATUS_INVALID_ARGUMENT`
/// (on is neither 0 nor 1), `OXPAR_STATUS_UNSUPPORTED` (not an OpenCL
/// context, or a device whose queue cannot profile),
/// `OXPAR_STATUS_BACKEND_UNAVAILABLE` (library built without OpenCL).
///
/// # Safety
/// `ctx` is NULL or a live context.
#[no_mangle]
pub unsafe extern "C" fn oxpar_context_set_profiling(
    ctx: *const oxpar_context,
    on: i32,
) -> oxpar_status {
    call("oxpar_context_set_profiling", || {
        with_opencl!(
            // SAFETY: this function's contract.
            unsafe { imp::set_profiling(ctx, on) }
        )
    })
}

/// Stores 1 in `*out` if profiling is on for an OpenCL context, else 0.
///
/// Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, out), `OXPAR_STATUS_UNSUPPORTED`
/// (not an OpenCL context), `OXPAR_STATUS_BACKEND_UNAVAILABLE`.
///
/// # Safety
/// `ctx` is NULL or a live context; `out` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn oxpar_context_profiling(
    ctx: *const oxpar_context,
    out: *mut i32,
) -> oxpar_status {
    call("oxpar_context_profiling", || {
        with_opencl!(
            // SAFETY: this function's contract.
            unsafe { imp::profiling(ctx, out) }
        )
    })
}

/// The device's clock, in nanoseconds, when the last profiled kernel launch
/// or transfer of an OpenCL context was queued (`*queued`), started
/// (`*start`) and ended (`*end`); waits for that command to complete. Only
/// differences mean something: `*end - *start` is the time the device spent
/// on it. A routine that runs several kernels reports its last one.
///
/// Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, queued, start, end),
/// `OXPAR_STATUS_INVALID_ARGUMENT` (profiling is off, or no launch or
/// transfer since it was switched on), `OXPAR_STATUS_UNSUPPORTED` (not an
/// OpenCL context), `OXPAR_STATUS_DEVICE_ERROR` (the command failed),
/// `OXPAR_STATUS_BACKEND_UNAVAILABLE`.
///
/// # Safety
/// `ctx` is NULL or a live context; the three outputs are NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn oxpar_context_last_profile(
    ctx: *const oxpar_context,
    queued: *mut u64,
    start: *mut u64,
    end: *mut u64,
) -> oxpar_status {
    call("oxpar_context_last_profile", || {
        with_opencl!(
            // SAFETY: this function's contract.
            unsafe { imp::last_profile(ctx, queued, start, end) }
        )
    })
}

/// Stores in `*out` the bytes of device memory held by an OpenCL context's
/// buffers that OpenCL has not released yet: a freed buffer counts until the
/// commands queued on it have completed and the driver lets its memory go.
///
/// Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, out), `OXPAR_STATUS_UNSUPPORTED`
/// (not an OpenCL context), `OXPAR_STATUS_BACKEND_UNAVAILABLE`.
///
/// # Safety
/// `ctx` is NULL or a live context; `out` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn oxpar_context_resident_bytes(
    ctx: *const oxpar_context,
    out: *mut u64,
) -> oxpar_status {
    call("oxpar_context_resident_bytes", || {
        with_opencl!(
            // SAFETY: this function's contract.
            unsafe { imp::resident_bytes(ctx, out) }
        )
    })
}
