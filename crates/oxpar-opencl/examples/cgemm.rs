//! cgemm and zgemm on the default OpenCL device against the threads backend.
//!
//! `cargo run --release -p oxpar-opencl --example cgemm -- [n] [reps]`
//! (n defaults to 1024). Prints the best of `reps` runs, for each of c32
//! and c64 (c64 only where the device has double precision): the OpenCL
//! kernel on device-resident buffers, the OpenCL host path (transfers
//! included) and the threads backend on host memory,
//! and the largest difference between their results. A complex product
//! counts 8 n^3 floating-point operations.

use std::time::{Duration, Instant};

use oxpar_core::{Backend, Complex, Element, Level3, MatMut, MatRef};
use oxpar_opencl::{DeviceElement, DeviceLevel3, MatLayout, OpenClBackend};
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

fn run<R: oxpar_opencl::DeviceScalar>(
    cl: &OpenClBackend,
    threads: &ThreadsBackend,
    n: usize,
    reps: usize,
) -> oxpar_core::Result<()>
where
    Complex<R>: DeviceElement + Element<Real = R>,
    OpenClBackend: Level3<Complex<R>> + DeviceLevel3<Complex<R>>,
    ThreadsBackend: Level3<Complex<R>>,
{
    let name = if R::DTYPE == oxpar_core::DType::F32 {
        "cgemm"
    } else {
        "zgemm"
    };
    let flops = 8.0 * (n as f64).powi(3);
    let gflops = |d: Duration| flops / d.as_secs_f64() / 1e9;
    let v = |i: usize, p: usize, q: usize| R::from_f64(((i * p % q) as f64 - (q / 2) as f64) / 8.0);
    let a: Vec<Complex<R>> = (0..n * n)
        .map(|i| Complex::new(v(i, 7, 13), v(i, 3, 5)))
        .collect();
    let b: Vec<Complex<R>> = (0..n * n)
        .map(|i| Complex::new(v(i, 5, 11), v(i, 2, 7)))
        .collect();
    let zero = Complex::new(R::zero(), R::zero());
    let one = Complex::new(R::one(), R::zero());
    let am = || MatRef::col_major(&a, n, n, n).unwrap();
    let bm = || MatRef::col_major(&b, n, n, n).unwrap();

    let (da, db) = (cl.upload(&a)?, cl.upload(&b)?);
    let mut dc = cl.zeroed::<Complex<R>>(n * n)?;
    let l = MatLayout::col_major(n, n, n);
    let mut on_device = || {
        let (av, bv) = (da.mat(l).unwrap(), db.mat(l).unwrap());
        DeviceLevel3::gemm(cl, one, av, bv, zero, dc.mat_mut(l).unwrap()).unwrap();
        cl.finish().unwrap();
    };
    on_device(); // first launch: builds the kernels
    let d = best(reps, &mut on_device);
    println!(
        "  {name} n={n}, OpenCL device buffers: {d:.2?} ({:.1} GFLOP/s)",
        gflops(d)
    );
    let mut c_cl = vec![zero; n * n];
    let d = best(reps, || {
        let cm = MatMut::col_major(&mut c_cl, n, n, n).unwrap();
        Level3::gemm(cl, one, am(), bm(), zero, cm).unwrap()
    });
    println!(
        "  {name} n={n}, OpenCL host path (copies): {d:.2?} ({:.1} GFLOP/s)",
        gflops(d)
    );
    let mut c_t = vec![zero; n * n];
    let d = best(reps, || {
        let cm = MatMut::col_major(&mut c_t, n, n, n).unwrap();
        threads.gemm(one, am(), bm(), zero, cm).unwrap()
    });
    println!(
        "  {name} n={n}, {}: {d:.2?} ({:.1} GFLOP/s)",
        threads.name(),
        gflops(d)
    );
    let diff = c_cl
        .iter()
        .zip(&c_t)
        .map(|(x, y)| (*x - *y).norm_sqr().as_f64().sqrt())
        .fold(0.0f64, f64::max);
    println!("  max |opencl - threads| = {diff:e}");
    Ok(())
}

fn main() -> oxpar_core::Result<()> {
    let mut args = std::env::args().skip(1);
    let n: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(1024);
    let reps: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(3);
    let cl = OpenClBackend::new()?;
    println!("OpenCL: {}", cl.name());
    let threads = ThreadsBackend::new()?;
    run::<f32>(&cl, &threads, n, reps)?;
    if cl.device().fp64 {
        run::<f64>(&cl, &threads, n, reps)?;
    }
    Ok(())
}
