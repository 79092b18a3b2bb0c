//! A Rust program that hands ndarray arrays to oxpar, zero-copy.
//!
//! Run with `cargo run --release -p oxpar-examples --bin ndarray_gemm`.

use ndarray::{s, Array1, Array2};
use oxpar::prelude::*;

fn main() -> oxpar::Result<()> {
    let threads = oxpar::ThreadsBackend::new()?;
    println!("backend: {}", threads.name());

    // C = A * B with A in C order and B in Fortran order: no copies, no transposes.
    let n = 512;
    let a = Array2::from_shape_fn((n, n), |(i, j)| ((i + 2 * j) % 7) as f64 - 3.0);
    let b = Array2::from_shape_fn((n, n).f(), |(i, j)| ((3 * i + j) % 5) as f64 - 2.0);
    let mut c = Array2::<f64>::zeros((n, n));
    oxpar::nd::gemm(&threads, 1.0, a.view(), b.view(), 0.0, c.view_mut())?;
    let reference = a.dot(&b);
    let max_err = c
        .iter()
        .zip(reference.iter())
        .map(|(x, y)| (x - y).abs())
        .fold(0.0, f64::max);
    println!("gemm {n}x{n}: max |oxpar - ndarray| = {max_err:e}");

    // A strided, reversed view: every third element, backwards.
    let x = Array1::from_shape_fn(3000, |i| (i as f64).sin());
    let xs = x.slice(s![..;-3]);
    let d = oxpar::nd::dot(&threads, xs, xs)?;
    let norm = oxpar::nd::nrm2(&threads, xs)?;
    println!(
        "dot(x[::-3], x[::-3]) = {d:.6}, nrm2^2 = {:.6}",
        norm * norm
    );
    assert!((d - norm * norm).abs() < 1e-9 * d);
    assert!(max_err == 0.0, "integer-valued products are exact");
    Ok(())
}

use ndarray::ShapeBuilder;
