//! The cost of the C call path: `oxpar_ddot` through the C ABI (argument
//! checks, the panic boundary, the context's dynamic dispatch) next to the same
//! dot called from Rust on the same backend. Ids: `capi/ddot/{c,rust}/<n>`.

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion};
use oxpar::{Level1, ThreadsBackend, VecRef};
use oxpar_capi::{
    oxpar_context, oxpar_context_create, oxpar_context_free, oxpar_ddot, oxpar_status,
};

/// Registers the benchmarks.
pub fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("capi/ddot");
    let mut ctx: *mut oxpar_context = std::ptr::null_mut();
    // SAFETY: a static NUL-terminated spec and a writable out-pointer.
    let status = unsafe { oxpar_context_create(c"threads:1".as_ptr(), &mut ctx) };
    assert_eq!(status, oxpar_status::Ok);
    let rust = ThreadsBackend::with_threads(1).expect("threads start");
    for n in [1usize, 1000] {
        let x = vec![1.5f64; n];
        let y = vec![0.5f64; n];
        group.bench_with_input(BenchmarkId::new("c", n), &n, |b, &n| {
            let mut out = 0.0;
            b.iter(|| {
                // SAFETY: x and y hold n elements; ctx is live; out is writable.
                let s = unsafe {
                    oxpar_ddot(ctx, black_box(n), x.as_ptr(), 1, y.as_ptr(), 1, &mut out)
                };
                black_box((s, out))
            })
        });
        group.bench_with_input(BenchmarkId::new("rust", n), &n, |b, _| {
            b.iter(|| {
                black_box(
                    Level1::<f64>::dot(
                        &rust,
                        VecRef::from_slice(black_box(&x)),
                        VecRef::from_slice(&y),
                    )
                    .unwrap(),
                )
            })
        });
    }
    group.finish();
    // SAFETY: ctx came from oxpar_context_create and is freed once.
    unsafe { oxpar_context_free(ctx) };
}
