//! Device buffers: creation, transfers, size and type, freeing.

#![cfg_attr(
    not(feature = "opencl"),
    allow(
        unused_variables,
        reason = "without OpenCL the arguments are not looked at"
    )
)]

use std::ffi::c_void;

use super::oxpar_buffer;
#[cfg(not(feature = "opencl"))]
use super::unavailable;
use crate::boundary::call;
use crate::context::oxpar_context;
use crate::ffi;
use crate::status::oxpar_status;

#[cfg(feature = "opencl")]
mod imp {
    use std::ffi::c_void;

    use oxpar::opencl::DeviceBuffer;

    use super::super::imp::*;
    use super::super::oxpar_buffer;
    use crate::context::oxpar_context;
    use crate::ffi;
    use crate::status::{oxpar_status, CapiError};

    /// What a complex `dtype` gets: device buffers are real only for now.
    fn complex_buffer() -> CapiError {
        oxpar::Error::unsupported(
            "dtype: complex device buffers are not supported yet (an OpenCL context's host \
             routines take complex arrays)",
        )
        .into()
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
            (2 | 3, _) => return Err(complex_buffer()),
            (v, _) => {
                return Err(CapiError::invalid(
                    "dtype",
                    format!("{v} is neither OXPAR_DTYPE_F32 (0) nor OXPAR_DTYPE_F64 (1)"),
                ))
            }
        };
        // SAFETY: checked non-null, writable per the contract.
        unsafe { ffi::give_handle(out, oxpar_buffer { inner }) };
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
        Ok(unsafe { ffi::slice(host.cast::<T>(), n) })
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
            2 | 3 => return Err(complex_buffer()),
            v => {
                return Err(CapiError::invalid(
                    "dtype",
                    format!("{v} is neither OXPAR_DTYPE_F32 (0) nor OXPAR_DTYPE_F64 (1)"),
                ))
            }
        };
        // SAFETY: checked non-null, writable per the contract.
        unsafe { ffi::give_handle(out, oxpar_buffer { inner }) };
        Ok(())
    }
    /// # Safety
    /// The contract of `oxpar_buffer_upload`.
    pub(crate) unsafe fn buffer_upload(buf: *mut oxpar_buffer, host: *const c_void, n: usize) -> R {
        // SAFETY: the caller's contract.
        let b = unsafe { ffi::handle_mut(buf, "buf")? };
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
            let s = unsafe { ffi::slice_mut(s.as_ptr().cast_mut(), n) };
            Ok(d.download(s)?)
        }
        // SAFETY: the caller's contract.
        let b = unsafe { ffi::handle(buf, "buf")? };
        match &b.inner {
            Buffer::F32(d) => go(d, host, n),
            Buffer::F64(d) => go(d, host, n),
        }
    }

    /// # Safety
    /// `buf` is NULL or live; `out` is NULL or writable.
    pub(crate) unsafe fn buffer_len(buf: *const oxpar_buffer, out: *mut usize) -> R {
        // SAFETY: the caller's contract.
        let b = unsafe { ffi::handle(buf, "buf")? };
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
        let b = unsafe { ffi::handle(buf, "buf")? };
        let out = ffi::out_ptr(out, "out")?;
        let dtype = match &b.inner {
            Buffer::F32(_) => 0,
            Buffer::F64(_) => 1,
        };
        // SAFETY: checked non-null, writable per the contract.
        unsafe { ffi::write_out(out, dtype) };
        Ok(())
    }
}

/// Creates a buffer of `len` zeros of type `dtype` (`OXPAR_DTYPE_F32` or
/// `OXPAR_DTYPE_F64`) on the device of an OpenCL context; stores the handle
/// in `*out`. `len` may be 0. Free it with `oxpar_buffer_free`.
///
/// Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, out),
/// `OXPAR_STATUS_INVALID_ARGUMENT` (unknown dtype),
/// `OXPAR_STATUS_UNSUPPORTED` (ctx is not an OpenCL context, or a complex
/// dtype: device buffers are real only for now),
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
    unsafe { ffi::free_handle(buf) }
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
