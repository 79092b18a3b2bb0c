//! sgemm on the default OpenCL device against the threads backend.
//!
//! `cargo run --release -p oxpar-opencl --example sgemm -- [n] [reps]`
//! (n defaults to 1024). Prints the best of `reps` runs for: the OpenCL
//! kernel on device-resident buffers; the OpenCL host path (transfers
//! included); and the threads backend on host memory.

use std::time::{Duration, Instant};

use oxpar_core::{Backend, Level3, MatMut, MatRef};
use oxpar_opencl::{DeviceLevel3, MatLayout, OpenClBackend};
use oxpar_threads::ThreadsBackend;

fn best(reps: usize, mut f: impl FnMut()) -> Duration {
    (0..reps)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .min()
        .unwrap_or_default()
}

fn main() -> oxpar_core::Result<()> {
    let mut args = std::env::args().skip(1);
    let n: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(1024);
    let reps: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(3);
    let flops = 2.0 * (n as f64).powi(3);
    let gflops = |d: Duration| flops / d.as_secs_f64() / 1e9;

    let a: Vec<f32> = (0..n * n)
        .map(|i| ((i * 7 % 13) as f32 - 6.0) / 8.0)
        .collect();
    let b: Vec<f32> = (0..n * n)
        .map(|i| ((i * 5 % 11) as f32 - 5.0) / 8.0)
        .collect();

    let cl = OpenClBackend::new()?;
    println!("OpenCL: {}", cl.name());
    let (da, db) = (cl.upload(&a)?, cl.upload(&b)?);
    let mut dc = cl.zeroed::<f32>(n * n)?;
    let l = MatLayout::col_major(n, n, n);
    let t = Instant::now();
    cl.warm_up::<f32>()?;
    println!("  build of the built-in kernels: {:.2?}", t.elapsed());
    let mut run = || {
        DeviceLevel3::gemm(
            &cl,
            1.0,
            da.mat(l).unwrap(),
            db.mat(l).unwrap(),
            0.0,
            dc.mat_mut(l).unwrap(),
        )
        .unwrap();
        cl.finish().unwrap();
    };
    run(); // first launch: PoCL compiles for the work-group size
    let d = best(reps, &mut run);
    println!(
        "  sgemm n={n}, device buffers: {d:.2?} ({:.1} GFLOP/s)",
        gflops(d)
    );
    let c_cl = dc.to_vec()?;

    let mut c = vec![0.0f32; n * n];
    let d = best(reps, || {
        Level3::gemm(
            &cl,
            1.0,
            MatRef::col_major(&a, n, n, n).unwrap(),
            MatRef::col_major(&b, n, n, n).unwrap(),
            0.0,
            MatMut::col_major(&mut c, n, n, n).unwrap(),
        )
        .unwrap()
    });
    println!(
        "  sgemm n={n}, host path (copies): {d:.2?} ({:.1} GFLOP/s)",
        gflops(d)
    );

    let threads = ThreadsBackend::new()?;
    let mut c_t = vec![0.0f32; n * n];
    let d = best(reps, || {
        threads
            .gemm(
                1.0,
                MatRef::col_major(&a, n, n, n).unwrap(),
                MatRef::col_major(&b, n, n, n).unwrap(),
                0.0,
                MatMut::col_major(&mut c_t, n, n, n).unwrap(),
            )
            .unwrap()
    });
    println!(
        "{}: sgemm n={n}: {d:.2?} ({:.1} GFLOP/s)",
        threads.name(),
        gflops(d)
    );

    let diff = c_cl
        .iter()
        .zip(&c_t)
        .map(|(x, y)| (x - y).abs())
        .fold(0.0f32, f32::max);
    println!("max |opencl - threads| = {diff:e}");
    Ok(())
}
