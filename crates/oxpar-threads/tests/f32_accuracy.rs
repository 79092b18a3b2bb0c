//! Ordinary (not reproducible) f32 reductions accumulate in f64 and round
//! once, on the serial and threads backends, whatever the number of threads:
//! checked against the exact sum (oxpar-core's exact accumulator) on data an
//! f32 accumulator gets visibly wrong.

use oxpar_core::exact::{reduce_elementwise, Reduction};
use oxpar_core::{HostBackend, Level1, Serial, VecRef};
use oxpar_threads::{ThreadsBackend, Thresholds};

fn lcg(seed: u64) -> impl FnMut() -> u64 {
    let mut s = seed;
    move || {
        s = s
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        s >> 33
    }
}

fn backends() -> Vec<(String, Box<dyn HostBackend>)> {
    let mut out: Vec<(String, Box<dyn HostBackend>)> = vec![("serial".into(), Box::new(Serial))];
    for t in 1..=3 {
        out.push((
            format!("threads:{t}"),
            Box::new(ThreadsBackend::with_threads(t).unwrap()),
        ));
        out.push((
            format!("threads:{t} always split"),
            Box::new(ThreadsBackend::with_config(t, Thresholds::always_parallel()).unwrap()),
        ));
    }
    out
}

fn exact(what: Reduction, x: &[f32], y: &[f32]) -> f64 {
    reduce_elementwise(what, VecRef::from_slice(x), VecRef::from_slice(y)).round_f64()
}

#[test]
fn f32_reductions_are_within_one_rounding_of_the_exact_value() {
    let mut next = lcg(34_418);
    let ints: Vec<f32> = (0..34_418).map(|_| (next() % 1000) as f32).collect();
    let mixed: Vec<f32> = (0..1_000_003)
        .map(|_| {
            let m = (next() % (1 << 20)) as f32 + 1.0;
            let e = (next() % 30) as i32 - 15;
            let sign = if next() % 5 < 2 { -1.0 } else { 1.0 };
            sign * m * 2f32.powi(e - 20)
        })
        .collect();
    let ones = vec![1.0f32; ints.len()];
    let cases: [(&str, &[f32], &[f32]); 3] = [
        ("34,418 small integers", &ints, &ones),
        ("mixed magnitudes, n = 10^6 + 3", &mixed, &mixed[1..]),
        (
            "integers . integers reversed",
            &ints,
            &ints.iter().rev().copied().collect::<Vec<_>>(),
        ),
    ];
    for (name, x, y) in cases {
        let n = x.len().min(y.len());
        let (x, y) = (&x[..n], &y[..n]);
        let (xv, yv) = (VecRef::from_slice(x), VecRef::from_slice(y));
        let abs_dot: f64 = x
            .iter()
            .zip(y)
            .map(|(a, b)| (*a as f64 * *b as f64).abs())
            .sum();
        let abs_x: f64 = x.iter().map(|a| (*a as f64).abs()).sum();
        let half_ulp = f32::EPSILON as f64 / 2.0;
        let slack = |abs: f64| n as f64 * abs * 2f64.powi(-53);
        let e_dot = exact(Reduction::Dot, x, y);
        let e_sum = exact(Reduction::Sum, x, x);
        let e_asum = exact(Reduction::Asum, x, x);
        let e_nrm = exact(Reduction::SumSq, x, x).sqrt();
        for (bname, b) in backends() {
            let checks = [
                (
                    "dot",
                    Level1::<f32>::dot(&*b, xv, yv).unwrap(),
                    e_dot,
                    abs_dot,
                ),
                ("sum", Level1::<f32>::sum(&*b, xv).unwrap(), e_sum, abs_x),
                ("asum", Level1::<f32>::asum(&*b, xv).unwrap(), e_asum, abs_x),
                ("nrm2", Level1::<f32>::nrm2(&*b, xv).unwrap(), e_nrm, e_nrm),
            ];
            for (what, got, want, abs) in checks {
                let err = (got as f64 - want).abs();
                assert!(
                    err <= want.abs() * half_ulp * 1.0001 + slack(abs),
                    "{name}, {bname}, {what}: {got} against the exact {want} (error {err:e})"
                );
            }
            // The unrounded form agrees with the exact value to f64 accuracy.
            let wide = Level1::<f32>::reduce_wide(&*b, Reduction::Dot, xv, yv).unwrap();
            assert!((wide - e_dot).abs() <= 4.0 * slack(abs_dot) + f64::EPSILON * e_dot.abs());
        }
    }
}
