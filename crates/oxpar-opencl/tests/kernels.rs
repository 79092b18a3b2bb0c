//! User kernels from OpenCL C source: building, arguments, launches, and the
//! errors for each mistake. Skips, with a note, where no OpenCL device exists.

mod common;

use oxpar_core::ErrorKind;
use oxpar_opencl::{KernelArg, OpenClBackend};

const VADD: &str = r#"
__kernel void vadd(__global const float* a, __global const float* b,
                   __global float* c, const uint n)
{
    const size_t i = get_global_id(0);
    if (i < n)
        c[i] = a[i] + b[i];
}

/* Typed arguments of every kind the API passes. */
__kernel void typed_args(__global double* out, const int i, const uint u, const long l,
                  const ulong ul, const float f, const double d)
{
    if (get_global_id(0) == 0) {
        out[0] = i; out[1] = u; out[2] = l; out[3] = ul; out[4] = f; out[5] = d;
    }
}

/* 2-D: element (i, j) of a column-major m x n matrix is i + 1000*j + SHIFT. */
__kernel void fill2d(__global float* a, const uint m, const uint n)
{
    const size_t i = get_global_id(0), j = get_global_id(1);
    if (i < m && j < n)
        a[i + j * m] = (float)(i + 1000 * j) + SHIFT;
}

/* 3-D: every (i, j, l) writes its linear index. */
__kernel void fill3d(__global float* a)
{
    const size_t i = get_global_id(0), j = get_global_id(1), l = get_global_id(2);
    const size_t idx = i + get_global_size(0) * (j + get_global_size(1) * l);
    a[idx] = (float)idx;
}

/* A work-group sum through __local memory. */
__kernel void group_sum(__global const float* x, __global float* out, __local float* s)
{
    const size_t lid = get_local_id(0);
    s[lid] = x[get_global_id(0)];
    barrier(CLK_LOCAL_MEM_FENCE);
    for (size_t k = get_local_size(0) / 2; k > 0; k >>= 1) {
        if (lid < k)
            s[lid] += s[lid + k];
        barrier(CLK_LOCAL_MEM_FENCE);
    }
    if (lid == 0)
        out[get_group_id(0)] = s[0];
}
"#;

fn program(cl: &OpenClBackend) -> oxpar_opencl::Program {
    cl.build_program(VADD, "-DSHIFT=0.5f").unwrap()
}

#[test]
fn vector_add() {
    let cl = backend_or_skip!();
    let p = program(&cl);
    let mut names = p.kernel_names().unwrap();
    names.sort();
    assert_eq!(
        names,
        ["fill2d", "fill3d", "group_sum", "typed_args", "vadd"]
    );
    for n in [1usize, 64, 1000, 100_003] {
        let a: Vec<f32> = (0..n).map(|i| i as f32).collect();
        let b: Vec<f32> = (0..n).map(|i| 2.0 * i as f32 + 0.25).collect();
        let (da, db) = (cl.upload(&a).unwrap(), cl.upload(&b).unwrap());
        let mut dc = cl.zeroed::<f32>(n).unwrap();
        let mut k = p.kernel("vadd").unwrap();
        assert_eq!((k.name(), k.num_args()), ("vadd", 4));
        assert_eq!(k.arg_name(3), Some("n"));
        k.set_arg(0, &da).unwrap();
        k.set_arg(1, &db).unwrap();
        k.set_arg(2, &mut dc).unwrap();
        k.set_arg(3, n as u32).unwrap();
        let global = n.div_ceil(64) * 64;
        // SAFETY: vadd touches index i only when i < n, the buffers' length.
        unsafe { k.launch(&[global], Some(&[64])).unwrap() };
        // SAFETY: as above; the driver picks the work-group size.
        unsafe { k.launch(&[n], None).unwrap() };
        cl.finish().unwrap();
        let c = dc.to_vec().unwrap();
        assert!(
            c.iter().enumerate().all(|(i, &v)| v == a[i] + b[i]),
            "n={n}"
        );
    }
}

#[test]
fn scalar_arguments_of_every_type() {
    let cl = backend_or_skip!();
    if !cl.device().fp64 {
        eprintln!("note: device has no fp64; skipping");
        return;
    }
    let p = program(&cl);
    let mut out = cl.zeroed::<f64>(6).unwrap();
    let mut k = p.kernel("typed_args").unwrap();
    k.set_arg(0, &mut out).unwrap();
    k.set_arg(1, -7i32).unwrap();
    k.set_arg(2, 7u32).unwrap();
    k.set_arg(3, -(1i64 << 40)).unwrap();
    k.set_arg(4, 1usize << 41).unwrap();
    k.set_arg(5, 0.5f32).unwrap();
    k.set_arg(6, 0.1f64).unwrap();
    // SAFETY: typed_args writes out[0..6] only, from work-item 0.
    unsafe { k.launch(&[1], None).unwrap() };
    assert_eq!(
        out.to_vec().unwrap(),
        [-7.0, 7.0, -(2f64.powi(40)), 2f64.powi(41), 0.5, 0.1]
    );
    // u64 fits a ulong parameter too.
    k.set_arg(4, 3u64).unwrap();
}

#[test]
fn two_and_three_dimensions_and_local_memory() {
    let cl = backend_or_skip!();
    let p = program(&cl);
    let (m, n) = (37usize, 19usize);
    let mut a = cl.zeroed::<f32>(m * n).unwrap();
    let mut k = p.kernel("fill2d").unwrap();
    k.set_arg(0, &mut a).unwrap();
    k.set_arg(1, m as u32).unwrap();
    k.set_arg(2, n as u32).unwrap();
    // SAFETY: fill2d writes (i, j) only for i < m, j < n: inside the m*n buffer.
    unsafe { k.launch(&[40, 20], Some(&[8, 4])).unwrap() };
    let got = a.to_vec().unwrap();
    for j in 0..n {
        for i in 0..m {
            assert_eq!(got[i + j * m], (i + 1000 * j) as f32 + 0.5);
        }
    }

    let mut b = cl.zeroed::<f32>(4 * 3 * 5).unwrap();
    let mut k = p.kernel("fill3d").unwrap();
    k.set_arg(0, &mut b).unwrap();
    // SAFETY: fill3d writes one element per work-item: 4*3*5, the buffer's length.
    unsafe { k.launch(&[4, 3, 5], None).unwrap() };
    assert!(b
        .to_vec()
        .unwrap()
        .iter()
        .enumerate()
        .all(|(i, &v)| v == i as f32));

    // A zero-sized range runs nothing.
    // SAFETY: nothing runs.
    unsafe { k.launch(&[0, 3, 5], None).unwrap() };

    let x: Vec<f32> = (0..256).map(|i| i as f32).collect();
    let dx = cl.upload(&x).unwrap();
    let mut out = cl.zeroed::<f32>(4).unwrap();
    let mut k = p.kernel("group_sum").unwrap();
    k.set_arg(0, &dx).unwrap();
    k.set_arg(1, &mut out).unwrap();
    k.set_arg(2, KernelArg::Local(64 * 4)).unwrap();
    // SAFETY: 4 groups of 64 read x[0..256] and write out[0..4]; s has 64 floats.
    unsafe { k.launch(&[256], Some(&[64])).unwrap() };
    let sums = out.to_vec().unwrap();
    for (g, s) in sums.iter().enumerate() {
        let want: f32 = x[g * 64..(g + 1) * 64].iter().sum();
        assert_eq!(*s, want);
    }
}

#[test]
fn bad_source_reports_the_build_log() {
    let cl = backend_or_skip!();
    let src = "__kernel void broken(__global float* x) { x[0] = undefined_thing + 1; }";
    let e = cl.build_program(src, "").unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidArgument);
    assert!(e.message().contains("failed to build"), "{e}");
    assert!(
        e.message().contains("undefined_thing"),
        "the log names the culprit: {e}"
    );
    let e = cl
        .build_program("__kernel void k() {}", "-not-an-option")
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidArgument, "{e}");
    let e = cl.build_program("__kernel void k() {}\0", "").unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidArgument);
    // The backend still works after failed builds.
    program(&cl).kernel("vadd").unwrap();
}

#[test]
fn wrong_arguments_are_errors() {
    let cl = backend_or_skip!();
    let p = program(&cl);
    let e = p.kernel("vsub").unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidArgument);
    assert!(e.message().contains("vadd"), "lists the kernels: {e}");

    let mut k = p.kernel("vadd").unwrap();
    let buf = cl.zeroed::<f32>(8).unwrap();
    let dbl = cl.zeroed::<f64>(8).unwrap();
    let expect = |r: oxpar_core::Result<()>, what: &str| {
        let e = r.unwrap_err();
        assert_eq!(e.kind(), ErrorKind::InvalidArgument, "{what}: {e}");
        e.message().to_string()
    };
    let m = expect(k.set_arg(4, 1u32), "index past the end");
    assert!(m.contains("4 arguments"), "{m}");
    let m = expect(k.set_arg(3, 1.0f32), "float for uint");
    assert!(m.contains("uint") && m.contains("n"), "{m}");
    expect(k.set_arg(3, -1i32), "int for uint");
    expect(k.set_arg(3, 1u64), "ulong for uint");
    let m = expect(k.set_arg(0, &dbl), "double buffer for float*");
    assert!(m.contains("float"), "{m}");
    expect(k.set_arg(0, 1u32), "scalar for a pointer");
    expect(k.set_arg(3, &buf), "buffer for a scalar");
    expect(k.set_arg(0, KernelArg::Local(16)), "local for global");
    // Launch before every argument is set.
    k.set_arg(0, &buf).unwrap();
    // SAFETY: refused before anything runs.
    let m = expect(unsafe { k.launch(&[8], None) }, "unset arguments");
    assert!(m.contains("argument 1") && m.contains("argument 3"), "{m}");
    k.set_arg(1, &buf).unwrap();
    let mut out = cl.zeroed::<f32>(8).unwrap();
    k.set_arg(2, &mut out).unwrap();
    k.set_arg(3, 8u32).unwrap();
    // Bad ranges.
    // SAFETY: refused before anything runs.
    expect(unsafe { k.launch(&[], None) }, "no dimensions");
    // SAFETY: refused before anything runs.
    expect(unsafe { k.launch(&[1, 1, 1, 1], None) }, "four dimensions");
    // SAFETY: refused before anything runs.
    expect(
        unsafe { k.launch(&[8], Some(&[4, 2])) },
        "local dims differ",
    );
    // SAFETY: refused before anything runs.
    expect(unsafe { k.launch(&[8], Some(&[0])) }, "zero local size");
    let huge = cl.device().max_work_group_size * 2;
    // SAFETY: refused by OpenCL: a work-group larger than the device allows.
    let r = unsafe { k.launch(&[huge], Some(&[huge])) };
    expect(r, "work-group too large");
    // A work-group size that does not divide the range: refused by OpenCL
    // 1.2 devices, run as non-uniform groups by newer ones; never a panic.
    // SAFETY: vadd guards i < n = 8, the buffers' length.
    let r = unsafe { k.launch(&[10], Some(&[3])) };
    if let Err(e) = r {
        assert_eq!(e.kind(), ErrorKind::InvalidArgument, "{e}");
    }
    // Everything set: runs.
    // SAFETY: vadd stays below n = 8, the buffers' length.
    unsafe { k.launch(&[8], None).unwrap() };
    cl.finish().unwrap();
}

#[test]
fn buffers_of_another_backend_are_refused() {
    let cl = backend_or_skip!();
    let other = OpenClBackend::from_spec("opencl").unwrap();
    let foreign = other.zeroed::<f32>(8).unwrap();
    let mut k = program(&cl).kernel("vadd").unwrap();
    let e = k.set_arg(0, &foreign).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidArgument);
    assert!(e.message().contains("another OpenCL backend"), "{e}");
}

#[test]
fn arguments_do_not_outlive_their_buffers() {
    let cl = backend_or_skip!();
    let p = program(&cl);
    let mut k = p.kernel("vadd").unwrap();
    let mut out = cl.zeroed::<f32>(4).unwrap();
    {
        let a = cl.upload(&[1.0f32, 2.0, 3.0, 4.0]).unwrap();
        k.set_arg(0, &a).unwrap();
        k.set_arg(1, &a).unwrap();
    } // `a` is dropped and its memory freed: the kernel holds it weakly.
    k.set_arg(2, &mut out).unwrap();
    k.set_arg(3, 4u32).unwrap();
    // SAFETY: vadd stays below n = 4, the buffers' length (and this launch
    // is refused before anything is enqueued).
    let e = unsafe { k.launch(&[4], None) }.unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidArgument);
    assert!(
        e.message().contains("argument 0") && e.message().contains("freed"),
        "{e}"
    );
    let b = cl.upload(&[1.0f32, 2.0, 3.0, 4.0]).unwrap();
    k.set_arg(0, &b).unwrap();
    // SAFETY: as above.
    let e = unsafe { k.launch(&[4], None) }.unwrap_err();
    assert!(e.message().contains("argument 1"), "{e}");
    k.set_arg(1, &b).unwrap();
    // SAFETY: as above.
    unsafe { k.launch(&[4], None).unwrap() };
    assert_eq!(out.to_vec().unwrap(), [2.0, 4.0, 6.0, 8.0]);
}

#[test]
fn kernels_move_between_threads() {
    let cl = backend_or_skip!();
    let p = program(&cl);
    let handles: Vec<_> = (0..4)
        .map(|t| {
            let cl = cl.clone();
            let mut k = p.kernel("vadd").unwrap();
            std::thread::spawn(move || {
                let a = cl.upload(&vec![t as f32; 1000]).unwrap();
                let mut c = cl.zeroed::<f32>(1000).unwrap();
                k.set_arg(0, &a).unwrap();
                k.set_arg(1, &a).unwrap();
                k.set_arg(2, &mut c).unwrap();
                k.set_arg(3, 1000u32).unwrap();
                // SAFETY: vadd stays below n = 1000, the buffers' length.
                unsafe { k.launch(&[1000], None).unwrap() };
                assert!(c.to_vec().unwrap().iter().all(|&v| v == 2.0 * t as f32));
            })
        })
        .collect();
    for h in handles {
        h.join().unwrap();
    }
}
