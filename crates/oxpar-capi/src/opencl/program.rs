//! User kernels: programs built from OpenCL C source, their kernels, arguments and launches.

#![cfg_attr(
    not(feature = "opencl"),
    allow(
        unused_variables,
        reason = "without OpenCL the arguments are not looked at"
    )
)]

use std::ffi::c_char;

#[cfg(not(feature = "opencl"))]
use super::unavailable;
use super::{oxpar_buffer, oxpar_kernel, oxpar_program};
use crate::boundary::call;
use crate::context::oxpar_context;
use crate::ffi;
use crate::status::oxpar_status;

#[cfg(feature = "opencl")]
mod imp {
    use std::ffi::c_char;

    use oxpar::opencl::KernelArg;

    use super::super::imp::*;
    use super::super::{oxpar_buffer, oxpar_kernel, oxpar_program};
    use crate::context::oxpar_context;
    use crate::ffi;
    use crate::status::CapiError;

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
        let source = unsafe { ffi::text(source, "source")? };
        // SAFETY: the caller's contract.
        let options = unsafe { ffi::opt_str(options, "options")? }.unwrap_or("");
        let out = ffi::out_ptr(out, "out")?;
        let inner = cl.build_program(source, options)?;
        // SAFETY: checked non-null, writable per the contract.
        unsafe { ffi::give_handle(out, oxpar_program { inner }) };
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
        let program = unsafe { ffi::handle(program, "program")? };
        // SAFETY: the caller's contract.
        let name = unsafe { ffi::text(name, "name")? };
        let out = ffi::out_ptr(out, "out")?;
        let inner = program.inner.kernel(name)?;
        // SAFETY: checked non-null, writable per the contract.
        unsafe { ffi::give_handle(out, oxpar_kernel { inner }) };
        Ok(())
    }

    /// # Safety
    /// `kernel` is NULL or a live kernel used by no other call.
    unsafe fn kernel_mut<'a>(kernel: *mut oxpar_kernel) -> Result<&'a mut Kernel, CapiError> {
        // SAFETY: the caller's contract.
        unsafe { ffi::handle_mut(kernel, "kernel") }.map(|k| &mut k.inner)
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
        let b = unsafe { ffi::handle(arg, "arg")? };
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
        let g = unsafe { ffi::slice(global, dims) };
        let l = if local.is_null() {
            None
        } else {
            // SAFETY: as above.
            Some(unsafe { ffi::slice(local, dims) })
        };
        // SAFETY: the caller guarantees that the kernel's code stays inside
        // its buffers (documented on oxpar_kernel_launch).
        Ok(unsafe { k.launch(g, l) }?)
    }
}

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
    unsafe { ffi::free_handle(program) }
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
    unsafe { ffi::free_handle(kernel) }
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
