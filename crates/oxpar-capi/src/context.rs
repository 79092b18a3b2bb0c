//! Contexts: a backend and its configuration behind an opaque handle.

use std::ffi::c_char;

use oxpar::repro::{ReproSwitch, Reproducible};
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
/// concurrently with any other use. `oxpar_context_set_reproducible` may
/// (a call that runs at the same time uses the old or the new mode).
///
/// fork(): the child of a process that forks has only the thread that called
/// `fork()`. A serial or threads context created before the fork stays
/// usable there: every call on it runs on the calling thread (the parallel
/// loops too, each iteration once; `oxpar_context_num_threads` still reports
/// the count it was created with), it never waits for the parent's threads
/// or their locks, and `oxpar_context_free` in the child is safe (it leaves
/// those threads alone). A context created in the child gets threads of its
/// own. The parent's contexts are not affected. Fork while no other thread
/// of the parent is inside an oxpar call on the context you will use in the
/// child (as for any lock-holding library). OpenCL and MPI contexts must
/// not be used in a forked child: neither OpenCL drivers nor MPI survive
/// `fork()` (create the child's own, where the platform allows it).
pub struct oxpar_context {
    /// The host backend every routine calls, wrapped so that reproducible
    /// mode is its property (exported functions never branch on the mode).
    /// Private: everything asks through the accessors below.
    host: Box<dyn HostBackend>,
    /// Reproducible mode (`oxpar_context_set_reproducible`): dot, nrm2, asum
    /// and sum are computed exactly and rounded once. The switch `host`
    /// follows; atomic, so that it may be flipped while other threads compute
    /// with the context.
    reproducible: ReproSwitch,
    /// The concrete backend behind `host` where routines beyond the host
    /// ones need it (device memory, grids).
    #[cfg_attr(
        not(any(feature = "opencl", feature = "mpi")),
        allow(dead_code, reason = "only OpenCL and MPI contexts are special")
    )]
    special: Special,
}

/// What a context is beyond its host routines: the same backend as its
/// `host`, concrete.
enum Special {
    /// Serial or threads: nothing more.
    Host,
    /// An OpenCL device: buffers, programs and kernels, and the routines
    /// on buffers (reproducible by the context's switch).
    #[cfg(feature = "opencl")]
    Device(oxpar::opencl::SwitchableDevice),
    /// MPI ranks: grids, halo exchanges, collective agreement.
    #[cfg(feature = "mpi")]
    Mpi(oxpar::mpi::MpiBackend),
}

impl oxpar_context {
    /// A context around `host`, reproducible mode off.
    fn new(host: Box<dyn HostBackend>, special: Special) -> oxpar_context {
        let reproducible = ReproSwitch::new(false);
        oxpar_context {
            host: switchable(host, &reproducible),
            reproducible,
            special,
        }
    }

    /// A context around a host backend with no OpenCL or MPI extras.
    pub(crate) fn plain(backend: Box<dyn HostBackend>) -> oxpar_context {
        oxpar_context::new(backend, Special::Host)
    }

    /// A context around an MPI backend.
    #[cfg(feature = "mpi")]
    pub(crate) fn mpi(backend: oxpar::mpi::MpiBackend) -> oxpar_context {
        oxpar_context::new(Box::new(backend.clone()), Special::Mpi(backend))
    }

    /// A context around an OpenCL device.
    #[cfg(feature = "opencl")]
    pub(crate) fn opencl(backend: oxpar::opencl::OpenClBackend) -> oxpar_context {
        let mut ctx = oxpar_context::new(Box::new(backend.clone()), Special::Host);
        let device = oxpar::opencl::SwitchableDevice::new(backend, ctx.reproducible.clone());
        ctx.special = Special::Device(device);
        ctx
    }

    /// The backend of the host-pointer routines (reproducible when the mode
    /// is on).
    pub(crate) fn host(&self) -> &dyn HostBackend {
        &*self.host
    }

    /// The OpenCL device of the context, if it has one.
    #[cfg(feature = "opencl")]
    pub(crate) fn device_opt(&self) -> Option<&oxpar::opencl::OpenClBackend> {
        self.device_ops().ok().map(|d| d.backend())
    }

    /// The OpenCL device of the context; `OXPAR_STATUS_UNSUPPORTED` for a
    /// host one.
    #[cfg(feature = "opencl")]
    pub(crate) fn device(&self) -> Result<&oxpar::opencl::OpenClBackend, CapiError> {
        self.device_ops().map(|d| d.backend())
    }

    /// The routines on device buffers (`DeviceLevel1` ..., reproducible when
    /// the context is); `OXPAR_STATUS_UNSUPPORTED` for a host context.
    #[cfg(feature = "opencl")]
    pub(crate) fn device_ops(&self) -> Result<&oxpar::opencl::SwitchableDevice, CapiError> {
        match &self.special {
            Special::Device(d) => Ok(d),
            _ => Err(CapiError {
                status: oxpar_status::Unsupported,
                message: format!(
                    "ctx: a {} context has no device memory or kernels (create the context with \
                     \"opencl\")",
                    self.host.kind().as_str()
                ),
            }),
        }
    }

    /// The MPI backend of the context, if it is one.
    #[cfg(feature = "mpi")]
    pub(crate) fn mpi_opt(&self) -> Option<&oxpar::mpi::MpiBackend> {
        match &self.special {
            Special::Mpi(m) => Some(m),
            _ => None,
        }
    }

    /// The MPI backend of the context, or an `OXPAR_STATUS_UNSUPPORTED`
    /// error naming `what` (the routine that needs one).
    #[cfg(feature = "mpi")]
    pub(crate) fn mpi_backend(&self, what: &str) -> Result<&oxpar::mpi::MpiBackend, CapiError> {
        self.mpi_opt().ok_or_else(|| CapiError {
            status: oxpar_status::Unsupported,
            message: format!(
                "{what} needs an MPI context (this one is {})",
                self.host.name()
            ),
        })
    }

    /// Whether dot, nrm2, asum and sum are reproducible on this context now.
    pub(crate) fn is_reproducible(&self) -> bool {
        self.reproducible.get()
    }

    /// Sets the mode from `OXPAR_REPRODUCIBLE` (every constructor calls it);
    /// an unrecognised value is an `INVALID_ARGUMENT` error naming it. On an
    /// MPI context the ranks agree first (collective): an unrecognised value
    /// on one rank, or ranks with different values, fail every rank, since
    /// the two modes make different collectives.
    pub(crate) fn with_mode_from_env(self) -> Result<oxpar_context, CapiError> {
        let on = self.agreed_mode(
            oxpar::repro::REPRODUCIBLE_ENV,
            oxpar::repro::enabled_by_env(),
        )?;
        self.reproducible.set(on);
        Ok(self)
    }

    /// `local` as is, or on an MPI context the value every rank agrees on.
    pub(crate) fn agreed_mode(
        &self,
        what: &str,
        local: oxpar::Result<bool>,
    ) -> Result<bool, CapiError> {
        #[cfg(feature = "mpi")]
        if let Some(mpi) = self.mpi_opt() {
            return Ok(mpi.agree_flag(what, local)?);
        }
        let _ = what;
        Ok(local?)
    }
}

/// `backend` made to follow `switch` (see [`oxpar_context::host`]).
fn switchable(backend: Box<dyn HostBackend>, switch: &ReproSwitch) -> Box<dyn HostBackend> {
    Box::new(Reproducible::switchable(backend, switch.clone()))
}

/// The most threads a context may have: 4096, on every machine. It bounds
/// `"threads:N"` and `"mpi+threads:N"` specs, `oxpar_context_set_num_threads`
/// and `OXPAR_NUM_THREADS`; a larger count is `OXPAR_STATUS_INVALID_ARGUMENT`
/// naming the spec, `num_threads` or the variable. (Eight times the hardware
/// threads of a two-socket node of 256-core CPUs, so oversubscription fits;
/// beyond it the count is a mistake that would exhaust memory.) Without
/// `OXPAR_NUM_THREADS`, `"threads"` takes `OMP_NUM_THREADS` (lowered to this
/// many), else the CPUs this process may use, at most this many.
pub const OXPAR_MAX_THREADS: usize = 4096;
const _: () = assert!(OXPAR_MAX_THREADS == oxpar::MAX_THREADS);

/// Creates a context from a spec string: `"serial"`, `"threads"` (thread
/// count from `OXPAR_NUM_THREADS`; when it is unset, from `OMP_NUM_THREADS`
/// as OpenMP reads it, the first entry of a comma list, an invalid value
/// being ignored; else the CPUs this process may use) or
/// `"threads:N"` (1 <= N <= `OXPAR_MAX_THREADS`); NULL means `"threads"`. On
/// success stores the new handle in `*out`.
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
/// communicator and the MPI thread level each feature needs).
///
/// Errors: `OXPAR_STATUS_NULL_POINTER` (out), `OXPAR_STATUS_INVALID_ARGUMENT`
/// (unknown or malformed spec, a thread count of 0 or above
/// `OXPAR_MAX_THREADS` in the spec or in `OXPAR_NUM_THREADS`, bad
/// `OXPAR_NUM_THREADS` or `OXPAR_REPRODUCIBLE`; the message names the spec or
/// the variable),
/// `OXPAR_STATUS_BACKEND_UNAVAILABLE` (a backend not compiled in, or threads
/// that could not start).
///
/// Reproducible mode (see `oxpar_context_set_reproducible`) starts on when
/// the environment variable `OXPAR_REPRODUCIBLE` is `1`, `true`, `yes` or
/// `on` (any case), off when it is unset, empty, `0`, `false`, `no` or `off`;
/// any other value makes creation fail with `OXPAR_STATUS_INVALID_ARGUMENT`
/// (the message names the variable and its value).
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
        // SAFETY: a non-null spec is NUL-terminated (the caller's contract).
        let spec = unsafe { ffi::opt_str(spec, "spec")? }.unwrap_or("threads");
        let ctx = context_from_spec(spec)?;
        // SAFETY: out was checked non-null and is writable (caller's contract).
        unsafe { ffi::give_handle(out, ctx) };
        Ok(())
    })
}

pub(crate) fn context_from_spec(spec: &str) -> Result<oxpar_context, CapiError> {
    let family = spec.trim().split([':', '+']).next().unwrap_or("");
    #[cfg(feature = "mpi")]
    if family.eq_ignore_ascii_case("mpi") {
        // The backend first (collective), then the environment: a rank whose
        // OXPAR_REPRODUCIBLE is wrong still takes part in the creation.
        return oxpar_context::mpi(oxpar::mpi_backend_from_spec(spec, None)?).with_mode_from_env();
    }
    // Before a device or threads are started for nothing.
    oxpar::repro::enabled_by_env()?;
    #[cfg(feature = "opencl")]
    if family.eq_ignore_ascii_case("opencl") {
        let cl = oxpar::opencl::OpenClBackend::from_spec(spec.trim())?;
        return oxpar_context::opencl(cl).with_mode_from_env();
    }
    let _ = family;
    oxpar_context::plain(oxpar::plain_backend_from_spec(spec)?).with_mode_from_env()
}

/// Frees a context and stops its threads. Buffers, programs and kernels made
/// from it stay valid (each keeps its device alive) until freed themselves. NULL is a no-op.
///
/// Never fails (nothing is returned).
///
/// # Safety
/// `ctx` is NULL or a handle from `oxpar_context_create` not yet freed, and
/// no other call is using it.
#[no_mangle]
pub unsafe extern "C" fn oxpar_context_free(ctx: *mut oxpar_context) {
    // SAFETY: the caller's contract.
    unsafe { ffi::free_handle(ctx) }
}

/// Changes the number of threads of a threads context (its threads are
/// replaced): 1 to `OXPAR_MAX_THREADS`. For a serial context only 1 is
/// accepted.
///
/// Errors: `OXPAR_STATUS_NULL_POINTER`, `OXPAR_STATUS_INVALID_ARGUMENT`
/// (`num_threads` is 0 or above `OXPAR_MAX_THREADS`, whatever the context;
/// the message names `num_threads`), `OXPAR_STATUS_UNSUPPORTED` (serial with
/// n > 1),
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
        let ctx = unsafe { ffi::handle_mut(ctx, "ctx")? };
        oxpar::check_num_threads("num_threads", num_threads)?;
        match ctx.host.kind() {
            BackendKind::Mpi => {
                return Err(CapiError {
                    status: oxpar_status::Unsupported,
                    message: "num_threads: an MPI context keeps the threads it was created with \
                              (ask for them in the spec: \"mpi+threads:N\")"
                        .to_string(),
                })
            }
            BackendKind::Threads => {
                ctx.host = switchable(
                    Box::new(ThreadsBackend::with_threads(num_threads)?),
                    &ctx.reproducible,
                )
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
/// Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, out).
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
        unsafe { ffi::write_out(out, ctx.host.num_threads()) };
        Ok(())
    })
}

/// Switches reproducible mode on (`on = 1`) or off (`on = 0`).
///
/// In reproducible mode `oxpar_?dot`, `oxpar_?nrm2`, `oxpar_?asum` and
/// `oxpar_?sum` (and their `oxpar_buffer_*` forms on an OpenCL context) give
/// the exact result **correctly rounded** (to nearest, ties to even): the
/// same bits whatever the number of threads, MPI ranks or the backend, and
/// for any split of the data. `nrm2` is the correctly rounded square root of
/// the exact sum of squares. Nothing overflows or underflows on the way
/// (`1e200*1e200 - 1e200*1e200` is 0; a result is infinite only if the exact
/// value rounds beyond the largest finite number; tiny results round
/// correctly into subnormals). An exact zero is `+0.0`. The result is NaN if
/// an element (or for dot a product) is NaN, if `+inf` and `-inf` both occur,
/// or for dot if `inf * 0` occurs; otherwise `±inf` if an infinity occurs
/// (`nrm2`: NaN if an element is NaN, else `+inf` if one is infinite). It
/// costs more than the ordinary routines, which stay the default. Other
/// routines are not affected.
///
/// A new context starts with the mode given by `OXPAR_REPRODUCIBLE` (see
/// `oxpar_context_create`). On an MPI context this call is collective: every
/// rank calls it, and if the ranks ask for different modes (or one passes a
/// bad `on`) every rank gets `OXPAR_STATUS_INVALID_ARGUMENT` and the mode
/// stays as it was, since the two modes make different collectives.
///
/// Thread safety: may be called while other threads use the context; a call
/// running at the same time uses either the old or the new mode.
///
/// Errors: `OXPAR_STATUS_NULL_POINTER` (ctx), `OXPAR_STATUS_INVALID_ARGUMENT`
/// (`on` is neither 0 nor 1; the mode is unchanged).
///
/// # Safety
/// `ctx` is NULL or a live handle.
#[no_mangle]
pub unsafe extern "C" fn oxpar_context_set_reproducible(
    ctx: *mut oxpar_context,
    on: i32,
) -> oxpar_status {
    call("oxpar_context_set_reproducible", || {
        // SAFETY: the caller's contract (only a shared reference is taken:
        // the mode is atomic).
        let ctx = unsafe { ffi::context(ctx.cast_const())? };
        let local = match on {
            0 => Ok(false),
            1 => Ok(true),
            v => Err(oxpar::Error::invalid_argument(
                "on",
                format!("is {v}: must be 0 (off) or 1 (on)"),
            )),
        };
        // On an MPI context every rank takes part, even one with a bad `on`.
        let on = ctx.agreed_mode("on", local)?;
        ctx.reproducible.set(on);
        Ok(())
    })
}

/// Stores 1 in `*out` if the context is in reproducible mode (see
/// `oxpar_context_set_reproducible`), else 0.
///
/// Errors: `OXPAR_STATUS_NULL_POINTER` (ctx or out).
///
/// # Safety
/// `ctx` is NULL or a live handle; `out` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn oxpar_context_get_reproducible(
    ctx: *const oxpar_context,
    out: *mut i32,
) -> oxpar_status {
    call("oxpar_context_get_reproducible", || {
        // SAFETY: the caller's contract.
        let ctx = unsafe { ffi::context(ctx)? };
        let out = ffi::out_ptr(out, "out")?;
        // SAFETY: checked non-null, writable per the caller's contract.
        unsafe { ffi::write_out(out, i32::from(ctx.is_reproducible())) };
        Ok(())
    })
}

/// Stores the context's backend (an `OXPAR_BACKEND_*` value) in `*out`.
///
/// Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, out).
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
        let kind = match ctx.host.kind() {
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
///
/// Never fails: false for a value that is no `OXPAR_BACKEND_*`.
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
