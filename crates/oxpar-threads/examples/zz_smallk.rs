use oxpar_core::{Level2, Level3, MatMut, MatRef, VecMut, VecRef};
use oxpar_threads::{ThreadsBackend, Thresholds};
use std::time::Instant;
fn best(mut f: impl FnMut(), iters: usize) -> f64 {
    let mut b = f64::MAX;
    for _ in 0..5 {
        let t = Instant::now();
        for _ in 0..iters {
            f();
        }
        b = b.min(t.elapsed().as_secs_f64() / iters as f64);
    }
    b
}
fn main() {
    let team = ThreadsBackend::with_config(
        2,
        Thresholds {
            level3_team: 0,
            level2: 0,
            ..Thresholds::default()
        },
    )
    .unwrap();
    let ser = ThreadsBackend::with_config(
        2,
        Thresholds {
            level3_team: usize::MAX,
            level3: usize::MAX,
            level2: usize::MAX,
            ..Thresholds::default()
        },
    )
    .unwrap();
    for n in [24usize, 32, 48, 64, 80, 100, 128] {
        let a: Vec<f64> = (0..n * n).map(|i| (i % 7) as f64 - 3.0).collect();
        let mut c = vec![0.0; n * n];
        let iters = (3_000_000 / (n * n * n)).max(20);
        let mut r = [0.0; 2];
        for _ in 0..3 {
            for (k, be) in [&team, &ser].iter().enumerate() {
                let t = best(
                    || {
                        be.gemm(
                            1.0,
                            MatRef::row_major(&a, n, n, n).unwrap(),
                            MatRef::row_major(&a, n, n, n).unwrap(),
                            0.0,
                            MatMut::row_major(&mut c, n, n, n).unwrap(),
                        )
                        .unwrap();
                    },
                    iters,
                );
                r[k] = if r[k] == 0.0 { t } else { r[k].min(t) };
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
        }
        let x: Vec<f64> = (0..n).map(|i| i as f64).collect();
        let mut y = vec![0.0; n];
        let mut g = [0.0; 2];
        for _ in 0..3 {
            for (k, be) in [&team, &ser].iter().enumerate() {
                let t = best(
                    || {
                        be.gemv(
                            1.0,
                            MatRef::row_major(&a, n, n, n).unwrap(),
                            VecRef::from_slice(&x),
                            0.0,
                            VecMut::from_slice(&mut y),
                        )
                        .unwrap();
                    },
                    iters * 20,
                );
                g[k] = if g[k] == 0.0 { t } else { g[k].min(t) };
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
        }
        println!("n={n:4} gemm team {:8.3} us serial {:8.3} us  serial/team {:5.2} | gemv par {:7.3} serial {:7.3} serial/par {:5.2}", r[0]*1e6, r[1]*1e6, r[1]/r[0], g[0]*1e6, g[1]*1e6, g[1]/g[0]);
    }
}
