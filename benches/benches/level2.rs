//! Level 2: gemv and ger on square f64 matrices (column-major).
//!
//! Throughput is the bytes each call must move: gemv reads A and x and
//! writes y; ger reads x, y and A and writes A.

use criterion::{BenchmarkId, Criterion, Throughput};
use oxpar::{Level2, MatMut, MatRef, VecMut, VecRef};
use oxpar_benches::{bytes, contenders, random, LEVEL2_SIZES};

/// Registers the level 2 benchmarks.
pub fn bench(c: &mut Criterion) {
    let contenders = contenders();
    let one = 1.0f64;

    let mut g = c.benchmark_group("gemv/f64");
    for &n in LEVEL2_SIZES {
        let a = random::<f64>(n * n, 1);
        let x = random::<f64>(n, 2);
        let mut y = random::<f64>(n, 3);
        g.throughput(Throughput::Bytes(bytes::<f64>(n * n + 2 * n)));
        for ct in contenders.iter().filter(|ct| ct.runs_at(n, LEVEL2_SIZES)) {
            let be = ct.backend.as_ref();
            g.bench_with_input(BenchmarkId::new(&ct.label, n), &n, |b, &n| {
                b.iter(|| {
                    let a = MatRef::col_major(&a, n, n, n).expect("A");
                    Level2::<f64>::gemv(
                        be,
                        one,
                        a,
                        VecRef::from_slice(&x),
                        0.0,
                        VecMut::from_slice(&mut y),
                    )
                    .expect("gemv");
                });
            });
        }
    }
    g.finish();

    let mut g = c.benchmark_group("ger/f64");
    for &n in LEVEL2_SIZES {
        let mut a = random::<f64>(n * n, 1);
        let x = random::<f64>(n, 2);
        let y = random::<f64>(n, 3);
        g.throughput(Throughput::Bytes(bytes::<f64>(2 * n * n + 2 * n)));
        for ct in contenders.iter().filter(|ct| ct.runs_at(n, LEVEL2_SIZES)) {
            let be = ct.backend.as_ref();
            g.bench_with_input(BenchmarkId::new(&ct.label, n), &n, |b, &n| {
                b.iter(|| {
                    let a = MatMut::col_major(&mut a, n, n, n).expect("A");
                    Level2::<f64>::ger(be, 1e-6, VecRef::from_slice(&x), VecRef::from_slice(&y), a)
                        .expect("ger");
                });
            });
        }
    }
    g.finish();
}
