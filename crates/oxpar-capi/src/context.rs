//! Contexts: a backend and its configuration behind an opaque handle.

use std::ffi::{c_char, CStr};

use oxpar::{BackendKind, HostBackend, ThreadsBackend};

use crate::boundary::call;
use crate::ffi;
use crate::status::{backend_kind_from, oxpar_status, CapiError};

/// An execution context: a backend (serial, threads or an OpenCL device).
///
/// Ownership: the caller owns it; free it with `oxpar_context_free`.
/// Thread safety: compute calls may share one context from many threads at
/// once (concurrent parallel regions on the same threads run one after the
/// other, or inline); `oxpar_context_set_num_threads` must not run
/// concurrently with any other use.
pub struct oxpar_context {
    pub(crate) backend: Box<dyn HostBackend>,
    /// The same device as `backend` for an OpenCL context: device buffers,
    /// programs and kernels need the concrete backend.
    #[cfg(feature = "opencl")]
    pub(crate) opencl: Option<oxpar::opencl::OpenClBackend>,
    /// The same backend as `backend` for an MPI context: grids and halo
    /// exchanges need the concrete backend.
    #[cfg(feature = "mpi")]
    pub(crate) mpi: Option<oxpar::mpi::MpiBackend>,
}

impl oxpar_context {
    /// A context around a host backend with no OpenCL or MPI extras.
    pub(crate) fn plain(backend: Box<dyn HostBackend>) -> oxpar_context {
        oxpar_context {
            backend,
            #[cfg(feature = "opencl")]
            opencl: None,
            #[cfg(feature = "mpi")]
            mpi: None,
        }
    }

    /// A context around an MPI backend.
    #[cfg(feature = "mpi")]
    pub(crate) fn mpi(backend: oxpar::mpi::MpiBackend) -> oxpar_context {
        oxpar_context {
            mpi: Some(backend.clone()),
            ..oxpar_context::plain(Box::new(backend))
        }
    }
}

/// Creates a context from a spec string: `"serial"`, `"threads"` (thread
/// count from `OXPAR_NUM_THREADS`, else the CPUs this process may use) or
/// `"threads:N"`; NULL means `"threads"`. On success stores the new handle in
/// `*out`.
///
/// OpenCL (when the library is built with it): `"opencl"` (the device named
/// by `OXPAR_OPENCL_DEVICE` if set, else the first GPU, else the first
/// device), `"opencl:gpu"`, `"opencl:cpu"`, `"opencl:accelerator"`, with an
/// index (`"opencl:cpu:0"`), or `"opencl:P:D"` (device D of platform P). On
/// such a context the host-pointer routines (`oxpar_sgemm`, ...) run on the
/// device and **copy** their operands in and out on every call; keep data on
/// the device with `oxpar_buffer` and the `oxpar_buffer_*` routines instead.
/// Parallel loops run serially on the calling thread.
///
/// MPI (when the library is built with it): `"mpi"` or `"mpi+threads"`,
/// `"mpi+threads:N"`, `"mpi+serial"`, `"mpi+opencl..."` over
/// `MPI_COMM_WORLD` (collective; see `oxpar_context_create_mpi` for another
/// communicator).
///
/// Errors: `OXPAR_STATUS_NULL_POINTER` (out), `OXPAR_STATUS_INVALID_ARGUMENT`
/// (unknown or malformed spec, bad `OXPAR_NUM_THREADS`),
/// `OXPAR_STATUS_BACKEND_UNAVAILABLE` (a backend not compiled in, or threads
/// that could not start).
///
/// # Safety
/// `spec` is NULL or a NUL-terminated string; `out` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn oxpar_context_create(
    spec: *const c_char,
    out: *mut *mut oxpar_context,
) -> oxpar_status {
    call("oxpar_context_create", || {
        let out = ffi::out_ptr(out, "out")?;
        let spec = if spec.is_null() {
            "threads"
        } else {
            // SAFETY: a non-null spec is NUL-terminated (the caller's contract).
            unsafe { CStr::from_ptr(spec) }
                .to_str()
                .map_err(|_| CapiError::invalid("spec", "is not valid UTF-8"))?
        };
        let handle = Box::into_raw(Box::new(context_from_spec(spec)?));
        // SAFETY: out was checked non-null and is writable (caller's contract).
        unsafe { ffi::write_out(out, handle) };
        Ok(())
    })
}

pub(crate) fn context_from_spec(spec: &str) -> Result<oxpar_context, CapiError> {
    let family = spec.trim().split([':', '+']).next().unwrap_or("");
    #[cfg(feature = "opencl")]
    if family.eq_ignore_ascii_case("opencl") {
        let cl = oxpar::opencl::OpenClBackend::from_spec(spec.trim())?;
        return Ok(oxpar_context {
            opencl: Some(cl.clone()),
            ..oxpar_context::plain(Box::new(cl))
        });
    }
    #[cfg(feature = "mpi")]
    if family.eq_ignore_ascii_case("mpi") {
        return Ok(oxpar_context::mpi(oxpar::mpi_backend_from_spec(
            spec, None,
        )?));
    }
    let _ = family;
    Ok(oxpar_context::plain(oxpar::plain_backend_from_spec(spec)?))
}

/// Frees a context and stops its threads. Buffers, programs and kernels made
/// from it stay valid (each keeps its device alive) until freed themselves. NULL is a no-op.
///
/// # Safety
/// `ctx` is NULL or a handle from `oxpar_context_create` not yet freed, and
/// no other call is using it.
#[no_mangle]
pub unsafe extern "C" fn oxpar_context_free(ctx: *mut oxpar_context) {
    if !ctx.is_null() {
        let _ = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            // SAFETY: a live handle created by Box::into_raw, freed once.
            drop(unsafe { Box::from_raw(ctx) });
        }));
    }
}

/// Changes the number of threads of a threads context (its threads are
/// replaced). For a serial context only 1 is accepted.
///
/// Errors: `OXPAR_STATUS_NULL_POINTER`, `OXPAR_STATUS_INVALID_ARGUMENT`
/// (n = 0), `OXPAR_STATUS_UNSUPPORTED` (serial with n > 1),
/// `OXPAR_STATUS_BACKEND_UNAVAILABLE` (threads could not start; the context
/// keeps its old threads).
///
/// # Safety
/// `ctx` is NULL or a live handle not used concurrently by another call.
#[no_mangle]
pub unsafe extern "C" fn oxpar_context_set_num_threads(
    ctx: *mut oxpar_context,
    num_threads: usize,
) -> oxpar_status {
    call("oxpar_context_set_num_threads", || {
        // SAFETY: a non-null handle is live and not shared during this call.
        let ctx = unsafe { ctx.as_mut() }.ok_or_else(|| CapiError::null("ctx", "is NULL"))?;
        if num_threads == 0 {
            return Err(CapiError::invalid("num_threads", "must be at least 1"));
        }
        match ctx.backend.kind() {
            BackendKind::Mpi => {
                return Err(CapiError {
                    status: oxpar_status::Unsupported,
                    message: "num_threads: an MPI context keeps the threads it was created with \
                              (ask for them in the spec: \"mpi+threads:N\")"
                        .to_string(),
                })
            }
            BackendKind::Threads => {
                ctx.backend = Box::new(ThreadsBackend::with_threads(num_threads)?)
            }
            _ if num_threads == 1 => {}
            kind => {
                return Err(CapiError {
                    status: oxpar_status::Unsupported,
                    message: format!(
                        "num_threads: a {} context runs on one thread",
                        kind.as_str()
                    ),
                })
            }
        }
        Ok(())
    })
}

/// Stores the number of threads the context computes with in `*out`.
///
/// # Safety
/// `ctx` is NULL or a live handle; `out` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn oxpar_context_num_threads(
    ctx: *const oxpar_context,
    out: *mut usize,
) -> oxpar_status {
    call("oxpar_context_num_threads", || {
        // SAFETY: the caller's contract.
        let ctx = unsafe { ffi::context(ctx)? };
        let out = ffi::out_ptr(out, "out")?;
        // SAFETY: checked non-null, writable per the caller's contract.
        unsafe { ffi::write_out(out, ctx.backend.num_threads()) };
        Ok(())
    })
}

/// Stores the context's backend (an `OXPAR_BACKEND_*` value) in `*out`.
///
/// # Safety
/// `ctx` is NULL or a live handle; `out` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn oxpar_context_backend(
    ctx: *const oxpar_context,
    out: *mut i32,
) -> oxpar_status {
    call("oxpar_context_backend", || {
        // SAFETY: the caller's contract.
        let ctx = unsafe { ffi::context(ctx)? };
        let out = ffi::out_ptr(out, "out")?;
        let kind = match ctx.backend.kind() {
            BackendKind::Serial => 0,
            BackendKind::Threads => 1,
            BackendKind::OpenCl => 2,
            _ => 3,
        };
        // SAFETY: checked non-null, writable per the caller's contract.
        unsafe { ffi::write_out(out, kind) };
        Ok(())
    })
}

/// Whether a backend (`OXPAR_BACKEND_*`) is compiled into this library and
/// usable on this machine; false for unknown values.
#[no_mangle]
pub extern "C" fn oxpar_backend_available(backend: i32) -> bool {
    std::panic::catch_unwind(|| {
        backend_kind_from(backend).is_some_and(|kind| {
            oxpar::backends()
                .iter()
                .any(|&(k, usable)| k == kind && usable)
        })
    })
    .unwrap_or(false)
}
