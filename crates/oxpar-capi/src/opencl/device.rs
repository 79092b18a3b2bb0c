//! The OpenCL context's queue: waiting for it, profiling, resident memory.

#![cfg_attr(
    not(feature = "opencl"),
    allow(
        unused_variables,
        reason = "without OpenCL the arguments are not looked at"
    )
)]

#[cfg(not(feature = "opencl"))]
use super::unavailable;
use crate::boundary::call;
use crate::context::oxpar_context;
use crate::status::oxpar_status;

#[cfg(feature = "opencl")]
mod imp {
    use super::super::imp::*;

    use crate::context::oxpar_context;
    use crate::ffi;
    use crate::status::CapiError;

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
    /// `ctx` is NULL or live.
    pub(crate) unsafe fn context_finish(ctx: *const oxpar_context) -> R {
        // SAFETY: the caller's contract.
        let ctx = unsafe { ffi::context(ctx)? };
        match ctx.device_opt() {
            Some(cl) => Ok(cl.finish()?),
            None => Ok(()), // host contexts finish every call before returning
        }
    }
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
