//! Reproducible mode on the threads backend: the same bits for 1, 2 and 3
//! threads and the serial backend, and the correctly rounded value, checked
//! against an independent exact reference (integer arithmetic) where the
//! data's range allows one.

use oxpar_core::exact::{reduce_elementwise, Reduction};
use oxpar_core::repro::Reproducible;
use oxpar_core::{Level1, Serial, VecRef};
use oxpar_threads::{ThreadsBackend, Thresholds};

/// xorshift64: a small deterministic generator.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// A random double with a random sign, its exponent uniform over
    /// `binades` binades centred on `2^centre`.
    fn spread(&mut self, binades: i32, centre: i32) -> f64 {
        let s = self.next();
        let mant = 1.0 + (s >> 12) as f64 / (1u64 << 52) as f64;
        let e = (self.next() % binades as u64) as i32 - binades / 2 + centre;
        let sign = if s & 1 == 1 { -1.0 } else { 1.0 };
        sign * mant * 2f64.powi(e)
    }
}

/// The backends whose reproducible results must agree bit for bit.
fn backends() -> Vec<(String, Box<dyn oxpar_core::HostBackend>)> {
    let mut out: Vec<(String, Box<dyn oxpar_core::HostBackend>)> =
        vec![("serial".into(), Box::new(Reproducible::new(Serial)))];
    for t in 1..=3 {
        // Always split, even short vectors, so every size exercises merging.
        let b = ThreadsBackend::with_config(t, Thresholds::always_parallel()).unwrap();
        out.push((format!("threads:{t}"), Box::new(Reproducible::new(b))));
    }
    out.push((
        "threads:2 default thresholds".into(),
        Box::new(Reproducible::new(ThreadsBackend::with_threads(2).unwrap())),
    ));
    out
}

/// Every reduction of `x` (and `y`) on every backend, as bits.
fn all_bits(x: &[f64], y: &[f64]) -> Vec<(String, [u64; 4], [u32; 4])> {
    let xf: Vec<f32> = x.iter().map(|&v| v as f32).collect();
    let yf: Vec<f32> = y.iter().map(|&v| v as f32).collect();
    let (x, y, xf, yf) = (
        VecRef::from_slice(x),
        VecRef::from_slice(y),
        VecRef::from_slice(&xf),
        VecRef::from_slice(&yf),
    );
    backends()
        .into_iter()
        .map(|(name, b)| {
            let d = [
                Level1::<f64>::dot(&b, x, y).unwrap().to_bits(),
                Level1::<f64>::nrm2(&b, x).unwrap().to_bits(),
                Level1::<f64>::asum(&b, x).unwrap().to_bits(),
                Level1::<f64>::sum(&b, x).unwrap().to_bits(),
            ];
            let s = [
                Level1::<f32>::dot(&b, xf, yf).unwrap().to_bits(),
                Level1::<f32>::nrm2(&b, xf).unwrap().to_bits(),
                Level1::<f32>::asum(&b, xf).unwrap().to_bits(),
                Level1::<f32>::sum(&b, xf).unwrap().to_bits(),
            ];
            (name, d, s)
        })
        .collect()
}

fn assert_all_equal(x: &[f64], y: &[f64], what: &str) {
    let results = all_bits(x, y);
    let (first, d0, s0) = &results[0];
    for (name, d, s) in &results[1..] {
        assert_eq!(d, d0, "{what}: f64 bits differ between {first} and {name}");
        assert_eq!(s, s0, "{what}: f32 bits differ between {first} and {name}");
    }
}

#[test]
fn bitwise_equal_across_thread_counts_on_hostile_data() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    for &n in &[0usize, 1, 2, 3, 17, 511, 512, 513, 1000, 4099, 100_003] {
        for &(binades, centre) in &[(1, 0), (40, 0), (600, 0), (2000, -50), (100, -1000)] {
            let x: Vec<f64> = (0..n).map(|_| rng.spread(binades, centre)).collect();
            let y: Vec<f64> = (0..n).map(|_| rng.spread(binades, centre)).collect();
            assert_all_equal(&x, &y, &format!("n={n} binades={binades} centre={centre}"));
        }
    }
}

#[test]
fn huge_cancellation_and_specials() {
    let mut x = vec![1e300, 1.0, -1e300, 3e-310, -2.5, 1e-320];
    x.extend((0..2000).map(|i| if i % 2 == 0 { 1e200 } else { -1e200 }));
    x.push(0.5);
    let y: Vec<f64> = x.iter().map(|v| v * 0.75).collect();
    assert_all_equal(&x, &y, "cancellation");
    let b =
        Reproducible::new(ThreadsBackend::with_config(3, Thresholds::always_parallel()).unwrap());
    let s = Level1::<f64>::sum(&b, VecRef::from_slice(&x)).unwrap();
    assert_eq!(s, 1.0 - 2.5 + 0.5 + 3e-310 + 1e-320);
    for special in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
        let mut z = x.clone();
        z[1500] = special;
        let y = vec![1.0; z.len()];
        assert_all_equal(&z, &y, &format!("special {special}"));
        let got = Level1::<f64>::sum(&b, VecRef::from_slice(&z)).unwrap();
        assert_eq!(got.to_bits(), special.to_bits(), "sum with {special}");
    }
    // inf * 0 is NaN; +inf and -inf together are NaN.
    let d = Level1::<f64>::dot(
        &b,
        VecRef::from_slice(&[f64::INFINITY, 1.0]),
        VecRef::from_slice(&[0.0, 1.0]),
    );
    assert!(d.unwrap().is_nan());
    let s = Level1::<f64>::sum(&b, VecRef::from_slice(&[f64::INFINITY, f64::NEG_INFINITY]));
    assert!(s.unwrap().is_nan());
}

#[test]
fn strided_views_agree_with_contiguous_copies() {
    let mut rng = Rng(12345);
    let data: Vec<f64> = (0..30_001).map(|_| rng.spread(300, 0)).collect();
    let b =
        Reproducible::new(ThreadsBackend::with_config(2, Thresholds::always_parallel()).unwrap());
    for inc in [1isize, 3, -2] {
        let n = (data.len() - 1) / inc.unsigned_abs() + 1;
        let x = VecRef::from_blas(&data, n, inc).unwrap();
        let copy: Vec<f64> = x.iter().collect();
        let c = VecRef::from_slice(&copy);
        assert_eq!(
            Level1::<f64>::dot(&b, x, x).unwrap().to_bits(),
            Level1::<f64>::dot(&b, c, c).unwrap().to_bits()
        );
        assert_eq!(
            Level1::<f64>::sum(&b, x).unwrap().to_bits(),
            Level1::<f64>::sum(&Reproducible::new(Serial), c)
                .unwrap()
                .to_bits()
        );
    }
}

/// The exact sum of `values` by integer arithmetic, when they fit: every
/// value is an integer multiple of `2^lo` below `2^(lo + 120)` in total.
/// `i128 as f64` rounds to nearest even, and scaling by a power of two is
/// exact for normal results, so this is the correctly rounded sum.
fn integer_reference(values: &[(i128, i32)], lo: i32) -> f64 {
    let total: i128 = values.iter().map(|&(m, e)| m << (e - lo)).sum();
    (total as f64) * 2f64.powi(lo)
}

/// `(m, e)` with `v = m * 2^e` for a finite nonzero double.
fn split(v: f64) -> (i128, i32) {
    let bits = v.to_bits();
    let e = ((bits >> 52) & 0x7ff) as i32;
    let m = (bits & ((1 << 52) - 1)) as i128 | if e == 0 { 0 } else { 1 << 52 };
    let m = if v < 0.0 { -m } else { m };
    (m, if e == 0 { -1074 } else { e - 1075 })
}

#[test]
fn correctly_rounded_against_integer_reference() {
    let mut rng = Rng(777);
    let b =
        Reproducible::new(ThreadsBackend::with_config(3, Thresholds::always_parallel()).unwrap());
    for case in 0..200 {
        let n = 1 + (rng.next() % 3000) as usize;
        // Values over 20 binades: their exact sums fit in an i128.
        let x: Vec<f64> = (0..n).map(|_| rng.spread(20, 0)).collect();
        let xs: Vec<(i128, i32)> = x.iter().map(|&v| split(v)).collect();
        let lo_x = xs.iter().map(|p| p.1).min().unwrap();
        let want_sum = integer_reference(&xs, lo_x);
        let got_sum = Level1::<f64>::sum(&b, VecRef::from_slice(&x)).unwrap();
        assert_eq!(got_sum.to_bits(), want_sum.to_bits(), "case {case} sum");
        let abs: Vec<(i128, i32)> = xs.iter().map(|&(m, e)| (m.abs(), e)).collect();
        let got_asum = Level1::<f64>::asum(&b, VecRef::from_slice(&x)).unwrap();
        assert_eq!(
            got_asum.to_bits(),
            integer_reference(&abs, lo_x).to_bits(),
            "case {case} asum"
        );
        // Products of numbers in [1, 2) all have their last bit at 2^-104,
        // and n < 2^12 products of 106 bits sum below 2^118: an i128 holds it.
        let xn: Vec<f64> = (0..n).map(|_| rng.spread(1, 0)).collect();
        let yn: Vec<f64> = (0..n).map(|_| rng.spread(1, 0)).collect();
        let prods: Vec<(i128, i32)> = xn
            .iter()
            .zip(&yn)
            .map(|(&a, &c)| {
                let (ma, ea) = split(a);
                let (mc, ec) = split(c);
                (ma * mc, ea + ec)
            })
            .collect();
        let want = integer_reference(&prods, -104);
        let got = Level1::<f64>::dot(&b, VecRef::from_slice(&xn), VecRef::from_slice(&yn)).unwrap();
        assert_eq!(got.to_bits(), want.to_bits(), "case {case} dot");
    }
}

#[test]
fn fast_kernels_match_elementwise_accumulator() {
    let mut rng = Rng(4242);
    let x: Vec<f64> = (0..50_000).map(|_| rng.spread(700, 0)).collect();
    let y: Vec<f64> = (0..50_000).map(|_| rng.spread(700, 0)).collect();
    let t = ThreadsBackend::with_config(3, Thresholds::always_parallel()).unwrap();
    for what in [
        Reduction::Sum,
        Reduction::Asum,
        Reduction::Dot,
        Reduction::SumSq,
    ] {
        let got =
            Level1::<f64>::reduce_exact(&t, what, VecRef::from_slice(&x), VecRef::from_slice(&y))
                .unwrap();
        let want = reduce_elementwise(what, VecRef::from_slice(&x), VecRef::from_slice(&y));
        assert_eq!(got.to_words(), want.to_words(), "{what:?}");
    }
}

/// The certified compensated dot (the threads backend's fast path, see
/// `oxpar_kernels::certified`) against the serial backend's exact one, bit
/// for bit: data it certifies (uniform, drifting `x . x`), data it must
/// give up on (exact ties, cancellation to far below the terms), and near
/// ties, on 1 to 3 threads and around the kernel's vector and block sizes.
#[test]
fn certified_dot_agrees_with_exact() {
    let mut rng = Rng(0x51_7cc1_b727_220a);
    for &n in &[31usize, 32, 33, 64, 65, 4095, 4096, 4097, 12_289, 100_000] {
        let x: Vec<f64> = (0..n).map(|_| rng.spread(1, 0)).collect();
        let y: Vec<f64> = (0..n).map(|_| rng.spread(1, 0)).collect();
        assert_all_equal(&x, &y, &format!("uniform n={n}"));
        assert_all_equal(&x, &x, &format!("x.x n={n}"));
        // Pairs that cancel exactly, and one more term: a tie between two
        // doubles (1 + 2^-53), just above it, or far below the pairs.
        for last in [2f64.powi(-53), 2f64.powi(-53) + 2f64.powi(-70), 1e-30] {
            let mut a = x.clone();
            let mut b = y.clone();
            for i in (1..n - 2).step_by(2) {
                a[i] = -a[i - 1];
                b[i] = b[i - 1];
            }
            a[n - 2] = 1.0;
            b[n - 2] = 1.0;
            a[n - 1] = last;
            b[n - 1] = 1.0;
            if n % 2 == 1 {
                a[n - 3] = 0.0;
            }
            assert_all_equal(&a, &b, &format!("pairs + {last:e} n={n}"));
            let bk = Reproducible::new(
                ThreadsBackend::with_config(2, Thresholds::always_parallel()).unwrap(),
            );
            let got = Level1::<f64>::dot(&bk, VecRef::from_slice(&a), VecRef::from_slice(&b));
            let want = reduce_elementwise(
                Reduction::Dot,
                VecRef::from_slice(&a),
                VecRef::from_slice(&b),
            );
            assert_eq!(
                got.unwrap().to_bits(),
                want.round_f64().to_bits(),
                "n={n} last={last:e}"
            );
        }
    }
}
