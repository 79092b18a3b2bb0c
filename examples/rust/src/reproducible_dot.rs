//! Reproducible mode: the same dot product, to the last bit, on 1, 2, 3 and 4
//! threads, while the ordinary dot product's last bits move with the thread
//! count. Also shows a sum an ordinary loop gets wrong and reproducible mode
//! rounds correctly.
//!
//! `cargo run --release -p oxpar-examples --bin reproducible_dot`

use oxpar::repro::Reproducible;
use oxpar::{Level1, Result, ThreadsBackend, Thresholds, VecRef};

fn main() -> Result<()> {
    // Values over many magnitudes with mixed signs: rounding errors depend on
    // the order of the additions, so on how the vector is split.
    let n = 1_000_003;
    let mut s = 0x2545_f491_4f6c_dd1du64;
    let mut next = || {
        s ^= s << 13;
        s ^= s >> 7;
        s ^= s << 17;
        s
    };
    let x: Vec<f64> = (0..n)
        .map(|_| {
            let r = next();
            let e = (r % 40) as i32 - 20;
            let m = 1.0 + (r >> 11) as f64 / (1u64 << 53) as f64;
            let sign = if r & 1 == 1 { -1.0 } else { 1.0 };
            sign * m * 2f64.powi(e)
        })
        .collect();
    let y: Vec<f64> = x.iter().rev().copied().collect();
    let (xv, yv) = (VecRef::from_slice(&x), VecRef::from_slice(&y));

    println!("threads  ordinary dot             reproducible dot");
    let mut repro_bits = Vec::new();
    for t in 1..=4 {
        // Always split, so that even this machine's thread count shows.
        let plain = ThreadsBackend::with_config(t, Thresholds::always_parallel())?;
        let ordinary = plain.dot(xv, yv)?;
        let repro = Reproducible::new(plain).dot(xv, yv)?;
        println!("{t:>7}  {ordinary:<23e}  {repro:<23e}");
        repro_bits.push(repro.to_bits());
    }
    assert!(repro_bits.windows(2).all(|w| w[0] == w[1]));
    println!("reproducible results: identical bits on 1-4 threads");

    let b = Reproducible::new(ThreadsBackend::with_threads(2)?);
    let tricky = [1e100, 1.0, -1e100, 1e-100];
    let ordinary: f64 = tricky.iter().sum();
    let exact = b.sum(VecRef::from_slice(&tricky))?;
    println!("sum of [1e100, 1, -1e100, 1e-100]: ordinary {ordinary:e}, reproducible {exact:e}");
    assert_eq!(exact, 1.0);
    Ok(())
}
