//! The OpenCL backend: oxpar's BLAS-style kernels on OpenCL devices (GPUs,
//! CPUs through PoCL, accelerators), data kept resident in device buffers,
//! and user kernels from OpenCL C source.
//!
//! * **Discovery** ([`platforms`], [`DeviceInfo`]) and **selection** by spec
//!   ([`OpenClBackend::from_spec`]: `"opencl"`, `"opencl:gpu"`, `"opencl:cpu:0"`,
//!   `"opencl:<platform>:<device>"`; the environment variable
//!   [`DEVICE_ENV`] overrides a plain `"opencl"`). No platform or device is an
//!   error of kind [`ErrorKind::BackendUnavailable`](oxpar_core::ErrorKind),
//!   never a panic.
//! * **Device-resident buffers** ([`DeviceBuffer`]): transfers are explicit
//!   ([`OpenClBackend::upload`], [`DeviceBuffer::download`]). Strided views of
//!   them ([`DeviceVec`], [`DeviceMat`], ...) described by [`VecLayout`] and
//!   [`MatLayout`] feed the built-in kernels through the device trait family
//!   ([`DeviceLevel1`], [`DeviceLevel2`], [`DeviceLevel3`]: core's operations
//!   on device views) without any host round trip.
//! * **The host path**: [`OpenClBackend`] implements oxpar-core's
//!   [`Level1`](oxpar_core::Level1), [`Level2`](oxpar_core::Level2),
//!   [`Level3`](oxpar_core::Level3) and [`ParallelLoops`](oxpar_core::ParallelLoops),
//!   so it is a [`HostBackend`](oxpar_core::HostBackend). That path **copies**:
//!   each call packs the host views into fresh device buffers, runs the
//!   built-in kernel and copies the results back. Parallel loops run serially
//!   on the calling thread (a C or Rust callback cannot run on a device).
//! * **Reproducible reductions**: [`DeviceLevel1::reduce_exact`] (and
//!   the host path's [`Level1::reduce_exact`](oxpar_core::Level1::reduce_exact))
//!   computes `oxpar_core`'s exact accumulator on the device with integer
//!   arithmetic only, so `dot`, `nrm2`, `asum` and `sum` wrapped in
//!   [`Reproducible`](oxpar_core::repro::Reproducible) are correctly rounded
//!   and equal, bit for bit, to every other backend's.
//! * **User kernels** ([`OpenClBackend::build_program`], [`Kernel`]): OpenCL C
//!   source, arguments set by index and checked against the kernel's
//!   declaration, launches over 1 to 3 dimensions.
//! * **Profiling** ([`OpenClBackend::set_profiling`],
//!   [`OpenClBackend::last_profile`]): the device's start and end times of
//!   the last kernel launch or transfer.
//!
//! Element types ([`DeviceElement`]) are `f32` and `Complex<f32>` everywhere,
//! `f64` and `Complex<f64>` on devices that report `cl_khr_fp64` (elsewhere:
//! [`ErrorKind::Unsupported`](oxpar_core::ErrorKind) on device buffers; the
//! host path computes `Complex<f64>` on the host there, so that the backend
//! stays a complete host backend). Complex kernels (`float2`, `double2`) take
//! conjugation as a flag ([`DeviceMat::h`]), never as a conjugated copy;
//! [`OpenClBackend::reduce_exact_complex`] is the reproducible complex
//! reductions' exact accumulator, one per component.
//! Every command goes to one in-order queue per backend, so operations take
//! effect in the order they were issued; downloads wait for what came before.
//!
//! An example (`no_run`: it needs an OpenCL driver and device at run time,
//! which `cargo test` may not have; the crate's tests run the same calls on
//! PoCL in `make opencl-test`):
//!
//! ```no_run
//! use oxpar_core::{Level1, VecRef};
//! use oxpar_opencl::{DeviceLevel1, OpenClBackend, VecLayout};
//!
//! let cl = OpenClBackend::from_spec("opencl")?;
//! let x = cl.upload(&[1.0f32, 2.0, 3.0])?;
//! let mut y = cl.upload(&[1.0f32; 3])?;
//! DeviceLevel1::axpy(&cl, 2.0, x.as_vec(), y.as_vec_mut())?;
//! assert_eq!(DeviceLevel1::dot(&cl, x.as_vec(), y.as_vec())?, 3.0 + 10.0 + 21.0);
//! // Every other element, backwards, BLAS-style:
//! let rev = x.vec(VecLayout::blas(2, -2))?;
//! assert_eq!(DeviceLevel1::iamax(&cl, rev)?, Some(0));
//! // The same backend on host memory (copies in and out):
//! let h = [3.0f32, 4.0];
//! assert_eq!(Level1::nrm2(&cl, VecRef::from_slice(&h))?, 5.0);
//! # Ok::<(), oxpar_core::Error>(())
//! ```
//!
//! No `ocl` type appears in this crate's public API: a move to another OpenCL
//! binding touches this crate alone. All `unsafe` code lives in one private
//! module (kernel enqueue and one direct OpenCL call).

mod buffer;
mod builtins;
mod complex_ops;
mod device_complex;
mod device_level;
mod device_repro;
mod discovery;
mod err;
mod factor;
mod host;
mod host_complex;
mod ops;
mod raw;
mod user;

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, OnceLock};

use oxpar_core::{Backend, BackendKind, DType, Error, Result};

pub use buffer::{
    DeviceBuffer, DeviceElement, DeviceMat, DeviceMatMut, DeviceScalar, DeviceVec, DeviceVecMut,
    MatLayout, VecLayout,
};
pub use device_level::{DeviceLevel1, DeviceLevel2, DeviceLevel3};
pub use device_repro::SwitchableDevice;
pub use discovery::{
    is_available, platforms, DeviceInfo, DeviceSelector, DeviceType, PlatformInfo, DEVICE_ENV,
};
pub use user::{BufferArg, Kernel, KernelArg, Program};

/// An OpenCL device with its own context and in-order command queue.
///
/// Cheap to clone (an `Arc` inside); clones share the context, the queue and
/// the compiled built-in kernels, and may be used from several threads.
#[derive(Clone)]
pub struct OpenClBackend {
    shared: Arc<Shared>,
}

/// What clones of one backend share.
pub(crate) struct Shared {
    /// Unique per backend (per context): buffers remember it.
    pub(crate) id: u64,
    pub(crate) info: DeviceInfo,
    pub(crate) platform_name: String,
    pub(crate) device: ocl::Device,
    pub(crate) context: ocl::Context,
    pub(crate) queue: ocl::Queue,
    /// The built-in programs, compiled on first use: `[f32, f64, c32, c64]`.
    builtins: [OnceLock<Result<Arc<builtins::Builtins>>>; 4],
    /// Bytes of the buffers' memory objects that OpenCL has not released.
    pub(crate) resident: Arc<AtomicU64>,
    /// Whether commands record their event (the queue always has
    /// `CL_QUEUE_PROFILING_ENABLE` when the device supports it).
    profiling: AtomicBool,
    /// Whether the queue was created with `CL_QUEUE_PROFILING_ENABLE`.
    can_profile: bool,
    /// The event of the last kernel launch or transfer, while profiling.
    last_event: Mutex<Option<ocl::core::Event>>,
}

impl Shared {
    /// Whether commands should record their event now.
    pub(crate) fn profiling(&self) -> bool {
        self.profiling.load(Ordering::Relaxed)
    }

    /// Keeps `ev` as the last profiled command.
    pub(crate) fn record(&self, ev: ocl::core::Event) {
        if !ev.is_null() {
            *self.last_event.lock().unwrap_or_else(|e| e.into_inner()) = Some(ev);
        }
    }
}

/// The device's clock (nanoseconds, `CL_PROFILING_COMMAND_*`) at the steps
/// of one command, from [`OpenClBackend::last_profile`]. Only differences
/// mean something: `end_ns - start_ns` is the time the device spent on the
/// command, `start_ns - queued_ns` the time it waited.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct ProfileTimes {
    /// When the command was queued.
    pub queued_ns: u64,
    /// When the device started it.
    pub start_ns: u64,
    /// When it finished.
    pub end_ns: u64,
}

impl ProfileTimes {
    /// `end_ns - start_ns` (0 if a driver reports them out of order).
    pub fn duration_ns(&self) -> u64 {
        self.end_ns.saturating_sub(self.start_ns)
    }
}

static NEXT_ID: AtomicU64 = AtomicU64::new(1);

impl std::fmt::Debug for OpenClBackend {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("OpenClBackend")
            .field("platform", &self.shared.platform_name)
            .field("device", &self.shared.info.name)
            .field("id", &self.shared.id)
            .finish()
    }
}

impl OpenClBackend {
    /// The default device: [`DEVICE_ENV`] if set, else the first GPU, else the
    /// first device of any type. Same as `from_spec("opencl")`.
    pub fn new() -> Result<Self> {
        Self::from_spec("opencl")
    }

    /// A backend from a spec string:
    ///
    /// | spec | device |
    /// | --- | --- |
    /// | `opencl` | [`DEVICE_ENV`] if set (same grammar, without or with the `opencl:` prefix), else the first GPU, else the first device |
    /// | `opencl:gpu`, `opencl:cpu`, `opencl:accelerator` | the first device of that type, over all platforms in order |
    /// | `opencl:gpu:N`, `opencl:cpu:N`, ... | the N-th (0-based) device of that type |
    /// | `opencl:P:D` | device D of platform P (the indices [`platforms`] reports) |
    ///
    /// Errors: [`ErrorKind::InvalidArgument`](oxpar_core::ErrorKind) for a spec
    /// that does not parse; [`ErrorKind::BackendUnavailable`](oxpar_core::ErrorKind)
    /// when no OpenCL platform is installed or the device does not exist.
    pub fn from_spec(spec: &str) -> Result<Self> {
        let selector = discovery::selector_from_spec(spec)?;
        Self::with_selector(&selector)
    }

    /// A backend on the device `selector` picks (no environment lookup).
    pub fn with_selector(selector: &DeviceSelector) -> Result<Self> {
        let found = discovery::select(selector)?;
        let context = ocl::Context::builder()
            .platform(found.platform)
            .devices(found.device)
            .build()
            .map_err(|e| {
                Error::backend_unavailable(format!(
                    "cannot create an OpenCL context on {}: {}",
                    found.info.name,
                    err::describe(&e)
                ))
            })?;
        // Profiling costs a timestamp per command and is needed to switch it
        // on later (a queue's properties are fixed): every device must
        // support it, but a queue that refuses it is created without.
        let props = ocl::core::QUEUE_PROFILING_ENABLE;
        let profiled = ocl::Queue::new(&context, found.device, Some(props));
        let can_profile = profiled.is_ok();
        let queue = profiled.or_else(|_| ocl::Queue::new(&context, found.device, None));
        let queue = queue.map_err(|e| {
            Error::backend_unavailable(format!(
                "cannot create an OpenCL command queue on {}: {}",
                found.info.name,
                err::describe(&e)
            ))
        })?;
        Ok(OpenClBackend {
            shared: Arc::new(Shared {
                id: NEXT_ID.fetch_add(1, Ordering::Relaxed),
                info: found.info,
                platform_name: found.platform_name,
                device: found.device,
                context,
                queue,
                builtins: [
                    OnceLock::new(),
                    OnceLock::new(),
                    OnceLock::new(),
                    OnceLock::new(),
                ],
                resident: Arc::new(AtomicU64::new(0)),
                profiling: AtomicBool::new(false),
                can_profile,
                last_event: Mutex::new(None),
            }),
        })
    }

    /// The device this backend runs on.
    pub fn device(&self) -> &DeviceInfo {
        &self.shared.info
    }

    /// The name of the device's platform.
    pub fn platform_name(&self) -> &str {
        &self.shared.platform_name
    }

    /// Waits until every command issued so far (kernels, transfers) has
    /// finished, and reports a failure the device had meanwhile.
    pub fn finish(&self) -> Result<()> {
        self.shared
            .queue
            .finish()
            .map_err(|e| err::cl("waiting for the command queue", &e))
    }

    /// Bytes of device memory held by this backend's buffers that OpenCL
    /// has not released yet. A dropped buffer counts until OpenCL frees its
    /// memory object, which it does once the commands queued on it have
    /// completed (nothing else keeps it: kernels hold no buffer). Scratch
    /// memory of reductions is not counted.
    pub fn resident_bytes(&self) -> u64 {
        self.shared.resident.load(Ordering::Acquire)
    }

    /// Switches profiling on or off for this backend and its clones. While
    /// on, each kernel launch (built-in or user) and each transfer
    /// ([`upload`](Self::upload), [`DeviceBuffer::upload`],
    /// [`DeviceBuffer::download`]) keeps its event, and
    /// [`last_profile`](Self::last_profile) reports the device times of the
    /// last one. A routine that runs several kernels (gemm with `beta`,
    /// reductions) reports its last kernel. Off (the default) costs nothing.
    ///
    /// Errors: [`ErrorKind::Unsupported`](oxpar_core::ErrorKind) when the
    /// device's queue does not support profiling.
    pub fn set_profiling(&self, on: bool) -> Result<()> {
        if on && !self.shared.can_profile {
            return Err(Error::unsupported(format!(
                "OpenCL device {} refused a command queue with profiling",
                self.shared.info.name
            )));
        }
        self.shared.profiling.store(on, Ordering::Relaxed);
        if !on {
            *self
                .shared
                .last_event
                .lock()
                .unwrap_or_else(|e| e.into_inner()) = None;
        }
        Ok(())
    }

    /// Whether profiling is on ([`set_profiling`](Self::set_profiling)).
    pub fn profiling(&self) -> bool {
        self.shared.profiling()
    }

    /// The device times of the last kernel launch or transfer issued on
    /// this backend (from any thread) since profiling was switched on;
    /// `None` if there was none. Waits for that command to complete.
    ///
    /// Errors: [`ErrorKind::InvalidArgument`](oxpar_core::ErrorKind) when
    /// profiling is off; [`ErrorKind::Device`](oxpar_core::ErrorKind) when
    /// the command failed.
    pub fn last_profile(&self) -> Result<Option<ProfileTimes>> {
        if !self.profiling() {
            return Err(Error::invalid_argument(
                "profiling",
                "is off: switch it on (set_profiling) before the commands to time",
            ));
        }
        let ev = self
            .shared
            .last_event
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone();
        let Some(ev) = ev else { return Ok(None) };
        ocl::core::wait_for_event(&ev)
            .map_err(|e| err::core("waiting for a profiled command", e))?;
        let get = |what: ocl::core::ProfilingInfo| -> Result<u64> {
            use ocl::core::ProfilingInfoResult as P;
            match ocl::core::get_event_profiling_info(&ev, what) {
                Ok(P::Queued(t) | P::Submit(t) | P::Start(t) | P::End(t)) => Ok(t),
                Err(e) => Err(err::core("reading a command's profiling times", e)),
            }
        };
        Ok(Some(ProfileTimes {
            queued_ns: get(ocl::core::ProfilingInfo::Queued)?,
            start_ns: get(ocl::core::ProfilingInfo::Start)?,
            end_ns: get(ocl::core::ProfilingInfo::End)?,
        }))
    }

    /// Compiles the built-in kernels for `T` now rather than on first use
    /// (each backend compiles them once per element type; the complex
    /// kernels are a program of their own).
    pub fn warm_up<T: DeviceElement>(&self) -> Result<()> {
        match T::DTYPE {
            DType::F32 => self.builtins::<f32>().map(|_| ()),
            DType::F64 => self.builtins::<f64>().map(|_| ()),
            DType::C32 => self.complex_builtins::<f32>().map(|_| ()),
            DType::C64 => self.complex_builtins::<f64>().map(|_| ()),
        }
    }

    /// The built-in programs for `T`, compiled on first use.
    pub(crate) fn builtins<T: DeviceScalar>(&self) -> Result<Arc<builtins::Builtins>> {
        // A DeviceScalar is f32 or f64: no complex tag reaches here.
        let slot = usize::from(T::DTYPE == DType::F64);
        if T::DTYPE == DType::F64 && !self.shared.info.fp64 {
            return Err(Error::unsupported(format!(
                "OpenCL device {} has no double precision (cl_khr_fp64)",
                self.shared.info.name
            )));
        }
        self.shared.builtins[slot]
            .get_or_init(|| builtins::Builtins::build(&self.shared, T::DTYPE).map(Arc::new))
            .clone()
    }

    /// The complex built-in programs for `Complex<R>` (components `R`),
    /// compiled on first use; `c64` needs `cl_khr_fp64` as `f64` does.
    pub(crate) fn complex_builtins<R: DeviceScalar>(&self) -> Result<Arc<builtins::Builtins>> {
        let double = R::DTYPE == DType::F64;
        if double && !self.shared.info.fp64 {
            return Err(Error::unsupported(format!(
                "OpenCL device {} has no double precision (cl_khr_fp64) for complex<f64>",
                self.shared.info.name
            )));
        }
        let (slot, dtype) = if double {
            (3, DType::C64)
        } else {
            (2, DType::C32)
        };
        self.shared.builtins[slot]
            .get_or_init(|| builtins::Builtins::build(&self.shared, dtype).map(Arc::new))
            .clone()
    }

    /// Whether complex elements with components `R` run on this device
    /// (`c64` needs double precision); where not, the host path computes
    /// them on the host.
    pub(crate) fn runs_complex<R: DeviceScalar>(&self) -> bool {
        R::DTYPE == DType::F32 || self.shared.info.fp64
    }

    /// Checks that a buffer was created by this backend (its context).
    pub(crate) fn owns<T: DeviceElement>(&self, buf: &DeviceBuffer<T>, arg: &str) -> Result<()> {
        if buf.backend_id() != self.shared.id {
            return Err(Error::invalid_argument(
                arg,
                format!(
                    "the buffer belongs to another OpenCL backend (context); use it only with the \
                     backend that created it (this one runs on {})",
                    self.shared.info.name
                ),
            ));
        }
        Ok(())
    }
}

impl Backend for OpenClBackend {
    fn kind(&self) -> BackendKind {
        BackendKind::OpenCl
    }
    fn name(&self) -> String {
        format!(
            "opencl ({}, {})",
            self.shared.info.name, self.shared.platform_name
        )
    }
    /// 1: host-side parallel loops run on the calling thread only.
    fn num_threads(&self) -> usize {
        1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn handles_cross_threads() {
        fn send_sync<T: Send + Sync>() {}
        fn send<T: Send>() {}
        send_sync::<OpenClBackend>();
        send_sync::<DeviceBuffer<f32>>();
        send_sync::<DeviceBuffer<f64>>();
        send_sync::<Program>();
        send::<Kernel>();
    }
}
