//! Timing of the exact (correctly rounded) reductions against ordinary ones.
//!
//! Prints, on one thread and for several lengths `n`: the ordinary `dot`,
//! the exact `dot` (accumulate and round) and their ratio; then the exact
//! kernels alone in ns per element for `sum` and `dot` (with the cost of
//! rounding the result once, which does not depend on `n`).
//!
//! Run with `cargo run --release -p oxpar-kernels --example exact_speed`.

use oxpar_core::exact::{ExactSum, Reduction};
use oxpar_core::VecRef;
use std::hint::black_box;
use std::time::Instant;

/// Test vectors: values of mixed signs over a few binades.
fn vectors(n: usize) -> (Vec<f64>, Vec<f64>) {
    let x = (0..n)
        .map(|i| ((i * 7919 % 1000) as f64 - 500.0) * 1e-3 + 0.1)
        .collect();
    let y = (0..n)
        .map(|i| ((i * 104729 % 997) as f64) * 1e-2 + 1.0)
        .collect();
    (x, y)
}

/// Best time (seconds) of one call of `f`, over 60 rounds of about 2 ms:
/// the machine may be shared, and the minimum is what the code costs.
fn best(mut f: impl FnMut()) -> f64 {
    let t = Instant::now();
    f();
    let once = t.elapsed().as_secs_f64().max(1e-8);
    let reps = ((2e-3 / once) as usize).max(1);
    let mut best = f64::MAX;
    for _ in 0..60 {
        let t = Instant::now();
        for _ in 0..reps {
            f();
        }
        best = best.min(t.elapsed().as_secs_f64() / reps as f64);
    }
    best
}

/// The exact reduction `what` of `x` (and `y`) into a fresh accumulator.
fn exact(what: Reduction, x: &[f64], y: &[f64]) -> ExactSum {
    let mut acc = ExactSum::new();
    oxpar_kernels::exact::exact_reduce(
        what,
        VecRef::from_slice(x),
        Some(VecRef::from_slice(y)),
        &mut acc,
    );
    acc
}

fn main() {
    println!("level {:?}", oxpar_kernels::cpu_level());
    println!("dot, ordinary against exact (accumulate and round):");
    for &n in &[1000usize, 100_000, 10_000_000] {
        let (x, y) = vectors(n);
        let ordinary = best(|| {
            black_box(oxpar_kernels::level1::dot_contiguous(
                black_box(&x),
                black_box(&y),
            ));
        });
        let exact_dot = best(|| {
            black_box(exact(Reduction::Dot, black_box(&x), black_box(&y)).round_f64());
        });
        println!(
            "n={n:>9} ordinary {:>10.3} us  exact {:>10.3} us  ratio {:.2}",
            ordinary * 1e6,
            exact_dot * 1e6,
            exact_dot / ordinary
        );
    }
    let (x, y) = vectors(100_000);
    let acc = exact(Reduction::Dot, &x, &y);
    let round = best(|| {
        black_box(black_box(&acc).round_f64());
    });
    println!("rounding an accumulator: {:.3} us", round * 1e6);
    println!("exact kernels alone, ns per element:");
    for &n in &[512usize, 4096, 100_000] {
        let (x, y) = vectors(n);
        let mut line = format!("n={n:>9}");
        for what in [Reduction::Sum, Reduction::Dot] {
            let t = best(|| {
                black_box(exact(what, black_box(&x), black_box(&y)));
            });
            line += &format!("  {what:?} {:.3}", t / n as f64 * 1e9);
        }
        println!("{line}");
    }
}
