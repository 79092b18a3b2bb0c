//! What accumulating f32 reductions in f64 costs: the f32-accumulating
//! kernels oxpar had before (`old`) against the f64-accumulating ones
//! (`new`), interleaved in one run on the same arrays, one thread.
//!
//! Prints, for n = 10^5 (in cache) and 10^7 (from memory), the best and the
//! median time per call of each and the ratio old/new (above 1: new is
//! faster), for dot, sum of squares (nrm2's pass), asum and sum.
//!
//! Run with `cargo run --release -p oxpar-kernels --example f32_accumulation`.

use std::hint::black_box;
use std::time::Instant;

use oxpar_kernels::level1::{
    asum_wide_contiguous, dot_contiguous, dot_wide_contiguous, sum_wide_contiguous,
    sumsq_wide_contiguous, BLOCK,
};

/// The old f32 `asum` and `sum` bodies (blocks of independent f32
/// accumulators), compiled for the detected level like the library's.
mod old {
    use super::BLOCK;

    #[inline(always)]
    fn tree(acc: &mut [f32; BLOCK]) -> f32 {
        let mut width = BLOCK / 2;
        while width > 0 {
            for l in 0..width {
                acc[l] += acc[l + width];
            }
            width /= 2;
        }
        acc[0]
    }

    #[inline(always)]
    fn body<const ABS: bool>(x: &[f32]) -> f32 {
        let mut acc = [0.0f32; BLOCK];
        let (xb, xt) = x.as_chunks::<BLOCK>();
        for a in xb {
            for l in 0..BLOCK {
                acc[l] += if ABS { a[l].abs() } else { a[l] };
            }
        }
        for (l, &a) in xt.iter().enumerate() {
            acc[l] += if ABS { a.abs() } else { a };
        }
        tree(&mut acc)
    }

    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx512f,avx2,fma")]
    fn avx512<const ABS: bool>(x: &[f32]) -> f32 {
        body::<ABS>(x)
    }

    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx2,fma")]
    fn avx2<const ABS: bool>(x: &[f32]) -> f32 {
        body::<ABS>(x)
    }

    pub fn reduce<const ABS: bool>(x: &[f32]) -> f32 {
        #[cfg(target_arch = "x86_64")]
        match oxpar_kernels::cpu_level() {
            // SAFETY: the level in use never exceeds the detected one.
            oxpar_kernels::CpuLevel::Avx512F => return unsafe { avx512::<ABS>(x) },
            // SAFETY: as above.
            oxpar_kernels::CpuLevel::Avx2Fma => return unsafe { avx2::<ABS>(x) },
            oxpar_kernels::CpuLevel::Generic => {}
        }
        body::<ABS>(x)
    }
}

/// A call to time.
type Timed<'a> = Box<dyn FnMut() + 'a>;

fn data(n: usize, seed: u64) -> Vec<f32> {
    let mut s = seed;
    (0..n)
        .map(|_| {
            s = s
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            ((s >> 40) as f32 / (1u64 << 24) as f32) * 2.0 - 1.0
        })
        .collect()
}

/// Seconds per call of `f`, one sample of about 2 ms of calls.
fn sample(reps: usize, f: &mut impl FnMut()) -> f64 {
    let t = Instant::now();
    for _ in 0..reps {
        f();
    }
    t.elapsed().as_secs_f64() / reps as f64
}

/// Old and new interleaved: 41 samples each, alternating, so both see the
/// same machine; returns (best, median) of each.
fn compare(mut old: impl FnMut(), mut new: impl FnMut()) -> ((f64, f64), (f64, f64)) {
    let t = Instant::now();
    old();
    new();
    let once = t.elapsed().as_secs_f64().max(1e-8) / 2.0;
    let reps = ((2e-3 / once) as usize).max(1);
    let (mut a, mut b) = (Vec::new(), Vec::new());
    for round in 0..41 {
        if round % 2 == 0 {
            a.push(sample(reps, &mut old));
            b.push(sample(reps, &mut new));
        } else {
            b.push(sample(reps, &mut new));
            a.push(sample(reps, &mut old));
        }
    }
    let stats = |v: &mut Vec<f64>| {
        v.sort_by(f64::total_cmp);
        (v[0], v[v.len() / 2])
    };
    (stats(&mut a), stats(&mut b))
}

fn main() {
    println!(
        "level {:?}, one thread; times per call",
        oxpar_kernels::cpu_level()
    );
    println!(
        "{:>9} {:>6} {:>12} {:>12} {:>12} {:>12} {:>10} {:>10}",
        "n", "kernel", "old best", "new best", "old median", "new median", "old/new", "(median)"
    );
    for n in [100_000usize, 10_000_000] {
        let (x, y) = (data(n, 1), data(n, 2));
        let rows: [(&str, Timed<'_>, Timed<'_>); 4] = [
            (
                "dot",
                Box::new(|| {
                    black_box(dot_contiguous(black_box(&x[..]), black_box(&y[..])));
                }),
                Box::new(|| {
                    black_box(dot_wide_contiguous(black_box(&x[..]), black_box(&y[..])) as f32);
                }),
            ),
            (
                "sumsq",
                Box::new(|| {
                    black_box(dot_contiguous(black_box(&x[..]), black_box(&x[..])));
                }),
                Box::new(|| {
                    black_box(sumsq_wide_contiguous(black_box(&x[..])) as f32);
                }),
            ),
            (
                "asum",
                Box::new(|| {
                    black_box(old::reduce::<true>(black_box(&x[..])));
                }),
                Box::new(|| {
                    black_box(asum_wide_contiguous(black_box(&x[..])) as f32);
                }),
            ),
            (
                "sum",
                Box::new(|| {
                    black_box(old::reduce::<false>(black_box(&x[..])));
                }),
                Box::new(|| {
                    black_box(sum_wide_contiguous(black_box(&x[..])) as f32);
                }),
            ),
        ];
        for (name, old, new) in rows {
            let ((ob, om), (nb, nm)) = compare(old, new);
            println!(
                "{n:>9} {name:>6} {:>9.2} us {:>9.2} us {:>9.2} us {:>9.2} us {:>10.3} {:>10.3}",
                ob * 1e6,
                nb * 1e6,
                om * 1e6,
                nm * 1e6,
                ob / nb,
                om / nm
            );
        }
    }
}
