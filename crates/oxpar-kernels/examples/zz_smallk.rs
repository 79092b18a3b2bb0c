use oxpar_core::{MatRef, VecMut, VecRef};
use std::time::Instant;
fn best(mut f: impl FnMut(), iters: usize) -> f64 {
    let mut b = f64::MAX;
    for _ in 0..7 {
        let t = Instant::now();
        for _ in 0..iters { f(); }
        b = b.min(t.elapsed().as_secs_f64() / iters as f64);
    }
    b
}
fn main() {
    for n in [96usize, 100, 104, 112, 128, 96, 100] {
        let a: Vec<f64> = (0..n * n).map(|i| (i % 7) as f64 - 3.0).collect();
        let x: Vec<f64> = (0..n).map(|i| (i % 3) as f64 - 1.0).collect();
        let mut y = vec![0.0; n];
        let iters = (2_000_000 / (n * n)).max(10);
        let t = best(|| {
            let am = MatRef::row_major(&a, n, n, n).unwrap();
            oxpar_kernels::level2::gemv(1.0, am, VecRef::from_slice(&x), 0.0, VecMut::from_slice(&mut y));
            std::hint::black_box(&mut y);
        }, iters);
        let b: Vec<f64> = a.clone();
        let mut c = vec![0.0; n * n];
        let t3 = if n <= 0 { best(|| {
            oxpar_kernels::level3::gemm(oxpar_kernels::Par::Seq, 1.0, MatRef::row_major(&a, n, n, n).unwrap(), MatRef::row_major(&b, n, n, n).unwrap(), 0.0, oxpar_core::MatMut::row_major(&mut c, n, n, n).unwrap());
            std::hint::black_box(&mut c);
        }, (200_000 / (n*n*n/100+1)).max(5)) } else { 0.0 };
        println!("n={n:5} gemv {:9.3} us  {:6.2} GF/s   gemm {:9.3} us {:6.2} GF/s", t * 1e6, 2.0 * (n * n) as f64 / t / 1e9, t3*1e6, 2.0*(n*n*n) as f64/t3/1e9);
    }
}
