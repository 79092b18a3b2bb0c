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
//!
//! One file per C object: [`buffer`] (device memory), [`buffer_blas`] (BLAS
//! on buffers, generated from the routine table), [`program`] (programs and
//! kernels), [`device`] (the context's queue: finishing, profiling, resident
//! memory). Each has the exported functions and, when built with OpenCL,
//! their bodies in its own `imp`.

#![cfg_attr(
    not(feature = "opencl"),
    allow(
        unused_variables,
        reason = "without OpenCL the arguments are not looked at"
    )
)]

#[cfg(not(feature = "opencl"))]
use crate::status::{oxpar_status, CapiError};

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
pub(crate) fn unavailable() -> CapiError {
    CapiError {
        status: oxpar_status::BackendUnavailable,
        message: "this liboxpar was built without OpenCL (cargo feature `opencl` of \
                  oxpar-capi / oxpar-cdylib)"
            .to_string(),
    }
}

mod buffer;
mod buffer_blas;
mod device;
mod program;

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
    use oxpar::opencl::{DeviceBuffer, DeviceScalar, OpenClBackend};

    use super::oxpar_buffer;
    use crate::context::oxpar_context;
    use crate::ffi;
    use crate::status::{oxpar_status, CapiError};

    pub(crate) type R = Result<(), CapiError>;
    pub(crate) type Program = oxpar::opencl::Program;
    pub(crate) type Kernel = oxpar::opencl::Kernel;

    /// The device memory of a buffer handle.
    pub(crate) enum Buffer {
        F32(DeviceBuffer<f32>),
        F64(DeviceBuffer<f64>),
    }

    impl Buffer {
        pub(crate) fn type_name(&self) -> &'static str {
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
    pub(crate) unsafe fn device<'a>(
        ctx: *const oxpar_context,
    ) -> Result<&'a OpenClBackend, CapiError> {
        // SAFETY: the caller's contract.
        Ok(unsafe { context_and_device(ctx)? }.1)
    }

    /// The context and its OpenCL device; `OXPAR_STATUS_UNSUPPORTED` for a
    /// host one.
    ///
    /// # Safety
    /// `ctx` is NULL or a live context.
    pub(crate) unsafe fn context_and_device<'a>(
        ctx: *const oxpar_context,
    ) -> Result<(&'a oxpar_context, &'a OpenClBackend), CapiError> {
        // SAFETY: the caller's contract.
        let ctx = unsafe { ffi::context(ctx)? };
        Ok((ctx, ctx.device()?))
    }

    pub(crate) fn wrong_type(name: &str, b: &Buffer, want: &str) -> CapiError {
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
    pub(crate) unsafe fn buf<'a, T: Elem>(
        p: *const oxpar_buffer,
        name: &str,
    ) -> Result<&'a DeviceBuffer<T>, CapiError> {
        // SAFETY: the caller's contract.
        let b = unsafe { ffi::handle(p, name)? };
        T::get(&b.inner).ok_or_else(|| wrong_type(name, &b.inner, T::C_NAME))
    }

    /// A buffer argument written by the routine.
    ///
    /// # Safety
    /// `p` is NULL or a live buffer used by nobody else during the call.
    pub(crate) unsafe fn buf_mut<'a, T: Elem>(
        p: *mut oxpar_buffer,
        name: &str,
    ) -> Result<&'a mut DeviceBuffer<T>, CapiError> {
        // SAFETY: the caller's contract.
        let b = unsafe { ffi::handle_mut(p, name)? };
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
    pub(crate) fn distinct(
        out: (*const oxpar_buffer, &str),
        input: (*const oxpar_buffer, &str),
    ) -> R {
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
    pub(crate) fn named(name: &'static str) -> impl Fn(oxpar::Error) -> CapiError {
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
    pub(crate) fn inc_checked(n: usize, inc: isize, name: &str) -> R {
        if inc == 0 && n > 1 {
            return Err(CapiError {
                status: oxpar_status::InvalidStride,
                message: format!("{name}: stride is 0 for a dimension of {n} (must be non-zero)"),
            });
        }
        Ok(())
    }
}
