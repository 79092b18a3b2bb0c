//! Level 3: gemm on square matrices (column-major), f64 and f32.
//!
//! Throughput is given in "elements" that are floating-point operations
//! (2n^3 per call), so criterion's `Gelem/s` reads as GFLOP/s.

use criterion::{BenchmarkId, Criterion, Throughput};
use oxpar::{HostBackend, Level3, MatMut, MatRef, Scalar};
use oxpar_benches::{contenders, random, Contender, LEVEL3_SIZES};

use crate::level1::dtype_name;

/// Registers the level 3 benchmarks.
pub fn bench(c: &mut Criterion) {
    let contenders = contenders();
    gemm::<f64>(c, &contenders);
    gemm::<f32>(c, &contenders);
}

fn gemm<T: Scalar>(c: &mut Criterion, contenders: &[Contender])
where
    dyn HostBackend: Level3<T>,
{
    let mut g = c.benchmark_group(format!("gemm/{}", dtype_name::<T>()));
    let one = T::from_f64(1.0);
    let zero = T::from_f64(0.0);
    for &n in LEVEL3_SIZES {
        let a = random::<T>(n * n, 1);
        let b_data = random::<T>(n * n, 2);
        let mut c_data = vec![zero; n * n];
        g.throughput(Throughput::Elements(2 * (n as u64).pow(3)));
        for ct in contenders.iter().filter(|ct| ct.runs_at(n, LEVEL3_SIZES)) {
            let be = ct.backend.as_ref();
            g.bench_with_input(BenchmarkId::new(&ct.label, n), &n, |bench, &n| {
                bench.iter(|| {
                    Level3::<T>::gemm(
                        be,
                        one,
                        MatRef::col_major(&a, n, n, n).expect("A"),
                        MatRef::col_major(&b_data, n, n, n).expect("B"),
                        zero,
                        MatMut::col_major(&mut c_data, n, n, n).expect("C"),
                    )
                    .expect("gemm");
                });
            });
        }
    }
    g.finish();
}
