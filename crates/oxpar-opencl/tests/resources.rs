//! Device memory and command times: a freed buffer's memory goes back to
//! the driver even when a kernel (user or built-in) last ran on it, empty
//! buffers are not filled, and profiling reports ordered device times for
//! launches and transfers. Each test opens its own backend, so that the
//! resident-memory counts of tests running in parallel do not mix. Skips,
//! with a note, where no OpenCL device exists.

mod common;

use std::time::{Duration, Instant};

use oxpar_core::ErrorKind;
use oxpar_opencl::{DeviceLevel1, OpenClBackend};

/// A backend of its own on the default device, or `None` without a device.
fn own_backend() -> Option<OpenClBackend> {
    // The shared one tells (and notes) whether there is a device at all.
    common::backend()?;
    Some(OpenClBackend::from_spec("opencl").expect("a second backend on the default device"))
}

macro_rules! own_or_skip {
    () => {
        match own_backend() {
            Some(b) => b,
            None => return,
        }
    };
}

/// Waits (a few seconds at most) until `cl.resident_bytes()` is `want`:
/// OpenCL releases a memory object once the commands on it have completed,
/// which a driver may finish noting just after `finish` returns.
fn resident_becomes(cl: &OpenClBackend, want: u64) -> u64 {
    let deadline = Instant::now() + Duration::from_secs(5);
    loop {
        let now = cl.resident_bytes();
        if now == want || Instant::now() > deadline {
            return now;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
}

/// Waits (a few seconds at most) until OpenCL's reference count of `buf`'s
/// memory object is `want` (the references of completed commands go as the
/// driver notes their completion, possibly just after `finish`).
fn refs_become<T: oxpar_opencl::DeviceScalar>(
    buf: &oxpar_opencl::DeviceBuffer<T>,
    want: Option<u32>,
) -> Option<u32> {
    let deadline = Instant::now() + Duration::from_secs(5);
    loop {
        let now = buf.cl_reference_count();
        if now == want || Instant::now() > deadline {
            return now;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
}

const SCALE: &str = r#"
__kernel void scale(__global float* x, const float a, const uint n)
{
    const size_t i = get_global_id(0);
    if (i < n)
        x[i] *= a;
}
"#;

#[test]
fn buffers_count_their_bytes_until_released() {
    let cl = own_or_skip!();
    assert_eq!(cl.resident_bytes(), 0);
    let a = cl.zeroed::<f32>(1000).unwrap();
    let b = cl.empty::<f64>(10).unwrap();
    let c = cl.upload(&[1.0f32; 7]).unwrap();
    let e = cl.empty::<f32>(0).unwrap();
    assert_eq!(cl.resident_bytes(), 4000 + 80 + 28);
    drop(b);
    assert_eq!(resident_becomes(&cl, 4000 + 28), 4000 + 28);
    drop((a, c, e));
    assert_eq!(resident_becomes(&cl, 0), 0);
}

#[test]
fn a_user_kernel_does_not_keep_a_freed_buffer() {
    let cl = own_or_skip!();
    let p = cl.build_program(SCALE, "").unwrap();
    let mut k = p.kernel("scale").unwrap();
    let n = 1 << 20;
    let x = cl.upload(&vec![2.0f32; n]).unwrap();
    let idle = x.cl_reference_count().unwrap();
    k.set_arg(0, &x).unwrap();
    k.set_arg(1, 1.5f32).unwrap();
    k.set_arg(2, n as u32).unwrap();
    assert_eq!(
        x.cl_reference_count(),
        Some(idle),
        "set_arg kept a reference"
    );
    // SAFETY: scale touches index i < n only, the buffer's length.
    unsafe { k.launch(&[n], None).unwrap() };
    cl.finish().unwrap();
    assert_eq!(x.to_vec().unwrap()[n - 1], 3.0);
    assert_eq!(
        refs_become(&x, Some(idle)),
        Some(idle),
        "the kernel kept a reference"
    );
    // The kernel launches again with the same arguments while x lives.
    // SAFETY: as above.
    unsafe { k.launch(&[n], None).unwrap() };
    assert_eq!(x.to_vec().unwrap()[0], 4.5);
    assert_eq!(resident_becomes(&cl, 4 * n as u64), 4 * n as u64);
    drop(x);
    assert_eq!(
        resident_becomes(&cl, 0),
        0,
        "the memory of a buffer freed after a launch stays resident"
    );
    // Launching with the freed argument is an error, not a use of freed
    // memory; setting it again mends it.
    // SAFETY: as above (the launch is refused before it is enqueued).
    let e = unsafe { k.launch(&[n], None) }.unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidArgument);
    assert!(e.message().contains("has been freed"), "{e}");
    assert!(e.message().contains("argument 0"), "{e}");
    let y = cl.upload(&vec![1.0f32; n]).unwrap();
    k.set_arg(0, &y).unwrap();
    // SAFETY: as above.
    unsafe { k.launch(&[n], None).unwrap() };
    assert_eq!(y.to_vec().unwrap()[7], 1.5);
}

#[test]
fn a_freed_buffer_is_released_while_its_launch_is_queued() {
    let cl = own_or_skip!();
    let p = cl.build_program(SCALE, "").unwrap();
    let mut k = p.kernel("scale").unwrap();
    let n = 1 << 20;
    let x = cl.upload(&vec![2.0f32; n]).unwrap();
    k.set_arg(0, &x).unwrap();
    k.set_arg(1, 1.5f32).unwrap();
    k.set_arg(2, n as u32).unwrap();
    for _ in 0..5 {
        // SAFETY: scale touches index i < n only, the buffer's length.
        unsafe { k.launch(&[n], None).unwrap() };
    }
    drop(x); // with launches possibly still queued: OpenCL finishes them first
    cl.finish().unwrap();
    assert_eq!(resident_becomes(&cl, 0), 0);
}

#[test]
fn built_in_kernels_do_not_keep_freed_buffers() {
    let cl = own_or_skip!();
    let n = 100_000;
    let x = cl.upload(&vec![1.0f32; n]).unwrap();
    let mut y = cl.upload(&vec![2.0f32; n]).unwrap();
    let (ix, iy) = (x.cl_reference_count(), y.cl_reference_count());
    cl.axpy(3.0, x.as_vec(), y.as_vec_mut()).unwrap();
    cl.scal(0.5, y.as_vec_mut()).unwrap();
    let _ = cl.dot(x.as_vec(), y.as_vec()).unwrap();
    cl.finish().unwrap();
    assert_eq!(y.to_vec().unwrap()[n - 1], 2.5);
    assert_eq!((refs_become(&x, ix), refs_become(&y, iy)), (ix, iy));
    drop(x);
    assert_eq!(resident_becomes(&cl, 4 * n as u64), 4 * n as u64);
    drop(y);
    assert_eq!(resident_becomes(&cl, 0), 0);
}

#[test]
fn empty_buffers_are_usable_once_written() {
    let cl = own_or_skip!();
    let mut e = cl.empty::<f64>(5).unwrap();
    assert_eq!(e.len(), 5);
    e.upload(&[1.0, 2.0, 3.0, 4.0, 5.0]).unwrap();
    assert_eq!(e.to_vec().unwrap(), [1.0, 2.0, 3.0, 4.0, 5.0]);
    let mut f = cl.empty::<f64>(5).unwrap();
    cl.copy(e.as_vec(), f.as_vec_mut()).unwrap();
    assert_eq!(f.to_vec().unwrap(), [1.0, 2.0, 3.0, 4.0, 5.0]);
    assert!(cl.empty::<f32>(0).unwrap().to_vec().unwrap().is_empty());
    // The device's limit applies as to zeroed buffers.
    let e = cl.empty::<f64>(usize::MAX / 8).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::OutOfMemory, "{e}");
}

#[test]
fn profiling_reports_ordered_device_times() {
    let cl = own_or_skip!();
    assert!(!cl.profiling());
    let e = cl.last_profile().unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidArgument, "{e}");
    cl.set_profiling(true).unwrap();
    assert!(cl.profiling());
    assert_eq!(cl.last_profile().unwrap(), None, "nothing issued yet");

    let n = 1 << 20;
    let host = vec![1.0f32; n];
    let x = cl.upload(&host).unwrap();
    let up = cl.last_profile().unwrap().expect("the upload was profiled");
    let mut y = cl.zeroed::<f32>(n).unwrap();
    cl.axpy(2.0, x.as_vec(), y.as_vec_mut()).unwrap();
    let ax = cl.last_profile().unwrap().expect("axpy was profiled");
    let mut out = vec![0.0f32; n];
    y.download(&mut out).unwrap();
    assert_eq!(out[n / 2], 2.0);
    let down = cl
        .last_profile()
        .unwrap()
        .expect("the download was profiled");
    let p = cl.build_program(SCALE, "").unwrap();
    let mut k = p.kernel("scale").unwrap();
    k.set_arg(0, &y).unwrap();
    k.set_arg(1, 0.5f32).unwrap();
    k.set_arg(2, n as u32).unwrap();
    // SAFETY: scale touches index i < n only, the buffer's length.
    unsafe { k.launch(&[n], None).unwrap() };
    let user = cl.last_profile().unwrap().expect("the launch was profiled");
    for (what, t) in [
        ("upload", up),
        ("axpy", ax),
        ("download", down),
        ("launch", user),
    ] {
        assert!(t.queued_ns > 0, "{what}: {t:?}");
        assert!(t.queued_ns <= t.start_ns, "{what}: {t:?}");
        assert!(t.start_ns < t.end_ns, "{what}: {t:?} (4 MiB take time)");
        assert_eq!(t.duration_ns(), t.end_ns - t.start_ns);
    }
    // One in-order queue: each command starts after the previous one ended.
    for (a, b) in [(up, ax), (ax, down), (down, user)] {
        assert!(a.end_ns <= b.start_ns, "{a:?} then {b:?}");
    }
    // Clones share the switch; off forgets the last command.
    let clone = cl.clone();
    clone.set_profiling(false).unwrap();
    assert!(!cl.profiling());
    assert_eq!(
        cl.last_profile().unwrap_err().kind(),
        ErrorKind::InvalidArgument
    );
    cl.set_profiling(true).unwrap();
    assert_eq!(cl.last_profile().unwrap(), None);
}
