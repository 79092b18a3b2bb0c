//! Criterion benchmarks of every oxpar kernel: `cargo bench -p oxpar-benches`.
//!
//! Each area has its own module; ids read `<kernel>/<dtype>/<backend>/<n>`,
//! e.g. `dot/f64/threads-2/1000000`. Sample counts and times are kept small
//! (see `oxpar_benches::SAMPLE_SIZE` and friends) so the whole run takes a few
//! minutes; pass criterion options after `--` to change them, e.g.
//! `cargo bench -p oxpar-benches -- gemm --sample-size 30`.

mod capi;
mod level1;
mod level2;
mod level3;
mod loops;

use criterion::{criterion_group, criterion_main, Criterion};

/// The configuration every benchmark starts from.
fn config() -> Criterion {
    Criterion::default()
        .sample_size(oxpar_benches::SAMPLE_SIZE)
        .measurement_time(oxpar_benches::MEASUREMENT_TIME)
        .warm_up_time(oxpar_benches::WARM_UP_TIME)
}

criterion_group! {
    name = benches;
    config = config();
    targets = level1::bench, level2::bench, level3::bench, loops::bench, capi::bench
}
criterion_main!(benches);
