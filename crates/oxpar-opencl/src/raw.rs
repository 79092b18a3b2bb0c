//! Every `unsafe` block of this crate: kernel enqueue, and two direct calls
//! to the OpenCL loader.

use std::ffi::c_void;
use std::ptr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use ocl::core::{CommandQueue, Event, Kernel as KernelCore};
use oxpar_core::{Error, ErrorKind, Result};

use crate::err;
use crate::user::Kernel;

/// How many OpenCL platforms the loader reports; 0 also when it reports an
/// error, e.g. `CL_PLATFORM_NOT_FOUND_KHR` when no driver (ICD) is installed.
///
/// `ocl` retries that error for ten seconds before it gives up; asking once
/// here first makes "no OpenCL" a quick answer.
pub(crate) fn platform_count() -> u32 {
    let mut count: ocl::ffi::cl_uint = 0;
    // SAFETY: with num_entries = 0 and a null list, clGetPlatformIDs only
    // writes the count through the pointer, which points at a live local.
    let status = unsafe { ocl::ffi::clGetPlatformIDs(0, ptr::null_mut(), &mut count) };
    if status == 0 {
        count
    } else {
        0
    }
}

/// What a memory object's destructor callback needs: the counter to lower
/// and by how much.
struct Release {
    counter: Arc<AtomicU64>,
    bytes: u64,
}

extern "C" fn on_release(_mem: ocl::ffi::cl_mem, user_data: *mut c_void) {
    // SAFETY: `user_data` is the `Box<Release>` leaked by `track_release`
    // for this memory object, whose destructor callback OpenCL calls once.
    let r = unsafe { Box::from_raw(user_data.cast::<Release>()) };
    r.counter.fetch_sub(r.bytes, Ordering::AcqRel);
}

/// Adds `bytes` to `counter` until OpenCL releases `mem` (its destructor
/// callback takes them off). Where the driver refuses the callback, the
/// memory object is not counted.
pub(crate) fn track_release(mem: &ocl::core::Mem, bytes: u64, counter: &Arc<AtomicU64>) {
    counter.fetch_add(bytes, Ordering::AcqRel);
    let data = Box::into_raw(Box::new(Release {
        counter: Arc::clone(counter),
        bytes,
    }));
    // SAFETY: `mem` is a live memory object; the callback is a plain
    // function that takes back ownership of `data` exactly once (OpenCL
    // calls it once, when the object is released); if registration fails
    // OpenCL never calls it, and `data` is reclaimed here.
    let status = unsafe {
        ocl::ffi::clSetMemObjectDestructorCallback(
            mem.as_ptr(),
            Some(on_release),
            data.cast::<c_void>(),
        )
    };
    if status != 0 {
        // SAFETY: not registered, so still owned here.
        let r = unsafe { Box::from_raw(data) };
        r.counter.fetch_sub(r.bytes, Ordering::AcqRel);
    }
}

/// Enqueues a built-in kernel whose arguments are set; with `event`, the
/// command's event is stored there.
///
/// Built-in kernels index only elements of the layouts the caller passed as
/// arguments; every caller in `ops` checks those layouts against the buffers
/// (`buffer::VecLayout::check` and `MatLayout::check`) before it gets here.
pub(crate) fn enqueue_builtin(
    queue: &CommandQueue,
    kernel: &KernelCore,
    dims: u32,
    global: [usize; 3],
    local: Option<[usize; 3]>,
    event: Option<&mut Event>,
) -> Result<()> {
    // SAFETY: the kernel's arguments are all set (the caller set every one
    // just before, under the kernel's lock); the buffer arguments stay alive
    // until the command completes (OpenCL retains them for enqueued
    // commands); and the kernel only touches indices of layouts that were
    // checked to lie inside those buffers, so it writes no memory it does not
    // own, even on a CPU device sharing this process's address space.
    unsafe {
        ocl::core::enqueue_kernel(
            queue,
            kernel,
            dims,
            None,
            &global,
            local,
            None::<Event>,
            event,
        )
    }
    .map_err(|e| err::core("enqueueing a built-in kernel", e))
}

impl Kernel {
    /// Enqueues the kernel over a `global` range of 1 to 3 dimensions, in
    /// work-groups of `local` (same number of dimensions) or of the driver's
    /// choosing (`None`). Returns once the launch is queued: wait with
    /// [`OpenClBackend::finish`](crate::OpenClBackend::finish), or read a
    /// buffer (downloads wait for the commands before them).
    ///
    /// A range with a zero dimension runs nothing and returns `Ok`. Errors,
    /// not panics, for an argument that was never set, a wrong number of
    /// dimensions, or sizes the device refuses
    /// ([`ErrorKind::InvalidArgument`]); other failures are
    /// [`ErrorKind::Device`].
    ///
    /// # Safety
    /// The kernel's code must only access elements inside the buffers bound
    /// to it (and local memory inside the sizes given). OpenCL does not check
    /// this, and on a CPU device (PoCL) an access outside a buffer reads or
    /// corrupts this process's memory.
    pub unsafe fn launch(&self, global: &[usize], local: Option<&[usize]>) -> Result<()> {
        let dims = global.len();
        if !(1..=3).contains(&dims) {
            return Err(Error::invalid_argument(
                "global",
                format!("has {dims} dimensions; a launch has 1, 2 or 3"),
            ));
        }
        let mut g = [1usize; 3];
        g[..dims].copy_from_slice(global);
        let l = match local {
            None => None,
            Some(l) if l.len() == dims => {
                let mut a = [1usize; 3];
                a[..dims].copy_from_slice(l);
                if a.contains(&0) {
                    return Err(Error::invalid_argument(
                        "local",
                        "work-group sizes must be positive",
                    ));
                }
                Some(a)
            }
            Some(l) => {
                return Err(Error::invalid_argument(
                    "local",
                    format!("has {} dimensions but global has {dims}", l.len()),
                ))
            }
        };
        self.check_all_set()?;
        if g.contains(&0) {
            return Ok(());
        }
        let bound = self.bind_buffers()?;
        let profiled = self.shared().profiling();
        let mut ev = Event::null();
        // SAFETY: every argument is set (checked above; buffers just bound
        // from live buffers, held in `bound` until after the enqueue, after
        // which OpenCL retains them until the command completes), and the
        // caller guarantees that the kernel stays inside them.
        let r = unsafe {
            ocl::core::enqueue_kernel(
                self.queue(),
                self.core(),
                dims as u32,
                None,
                &g,
                l,
                None::<Event>,
                profiled.then_some(&mut ev),
            )
        };
        self.unbind_buffers(&bound);
        drop(bound);
        if r.is_ok() && profiled {
            self.shared().record(ev);
        }
        r.map_err(|e| {
            let e = ocl::Error::from(e);
            use ocl::core::Status as S;
            let kind = match err::status(&e) {
                Some(
                    S::CL_INVALID_WORK_GROUP_SIZE
                    | S::CL_INVALID_WORK_ITEM_SIZE
                    | S::CL_INVALID_GLOBAL_WORK_SIZE
                    | S::CL_INVALID_GLOBAL_OFFSET
                    | S::CL_INVALID_WORK_DIMENSION
                    | S::CL_INVALID_KERNEL_ARGS,
                ) => ErrorKind::InvalidArgument,
                _ => err::kind_of(&e),
            };
            Error::new(
                kind,
                format!(
                    "OpenCL: launching kernel `{}` over {global:?} (local {local:?}): {}",
                    self.name(),
                    err::describe(&e)
                ),
            )
        })
    }
}
