//! Parallel loops: the fork-join cost of `parallel_for`.
//!
//! An empty body over `0..2` on a 2-thread backend, called from the bench's
//! main thread (outside any pool), as EPCC's syncbench times an OpenMP
//! `parallel for`. Compare with `benches/omp_overhead.c`.

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion};
use oxpar::{ParallelLoops, Schedule, ThreadsBackend};

/// Registers the parallel-loop benchmarks.
pub fn bench(c: &mut Criterion) {
    let threads = 2;
    let be = ThreadsBackend::with_threads(threads).expect("a 2-thread backend");
    let mut g = c.benchmark_group("parallel_for");
    g.bench_with_input(
        BenchmarkId::new(format!("threads-{threads}"), "empty-0..2"),
        &threads,
        |b, &t| {
            b.iter(|| {
                be.parallel_for(0..t, Schedule::Static { chunk: 0 }, &|r, w| {
                    black_box((r, w));
                })
                .expect("parallel_for");
            });
        },
    );
    g.finish();
}
