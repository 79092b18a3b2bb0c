//! Reproducible mode on OpenCL: the device's exact accumulators
//! ([`DeviceLevel1::reduce_exact`], and the host path's
//! `Level1::reduce_exact`) must equal, word for word, the element-by-element
//! reference of oxpar-core, for every reduction, element type, size and
//! layout, and on hostile data (cancellation, 2000 binades, subnormals,
//! NaN and infinities); the rounded results of `Reproducible` must equal
//! `Reproducible<Serial>`'s bit for bit. Skips, with a note, where no OpenCL
//! device exists (and the f64 half where the device has no fp64).

mod common;

use common::values;
use oxpar_core::exact::{reduce_elementwise, round_to, sqrt_to, ExactSum, Reduction};
use oxpar_core::repro::Reproducible;
use oxpar_core::{DType, ErrorKind, Level1, Scalar, Serial, VecRef};
use oxpar_opencl::{DeviceBuffer, DeviceLevel1, DeviceScalar, OpenClBackend, VecLayout};

const REDUCTIONS: [Reduction; 4] = [
    Reduction::Sum,
    Reduction::Asum,
    Reduction::Dot,
    Reduction::SumSq,
];

const SIZES: [usize; 7] = [0, 1, 2, 17, 1000, 4099, 300_000];

/// Whether `T` runs on this device; for f64 on a device without fp64, also
/// checks that the exact reduction says so (Unsupported) rather than lying.
fn runs<T: DeviceScalar>(cl: &OpenClBackend) -> bool {
    if T::DTYPE == DType::F32 || cl.device().fp64 {
        return true;
    }
    let x = cl.upload(&[T::one()]).unwrap();
    let e = DeviceLevel1::reduce_exact(cl, Reduction::Sum, x.as_vec(), None).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Unsupported, "{e}");
    eprintln!("note: device has no fp64; skipping the f64 reproducible tests");
    false
}

/// A small deterministic generator (SplitMix64).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
}

/// A finite number of `T` from raw bits: any sign, any biased exponent
/// (subnormals and zeros included), any significand.
fn any_finite<T: Scalar>(r: &mut Rng) -> T {
    let b = r.next();
    match T::DTYPE {
        DType::F32 => {
            let exp = (b >> 32) % 255; // 0..=254: never inf/NaN
            let bits = ((b >> 63) << 31) as u32 | (exp as u32) << 23 | (b as u32 & 0x7f_ffff);
            T::from_f64(f32::from_bits(bits) as f64)
        }
        DType::F64 => {
            let exp = (b >> 20) % 2047;
            let bits = (r.next() & (1 << 63)) | exp << 52 | (b & ((1 << 52) - 1));
            T::from_f64(f64::from_bits(bits))
        }
        DType::C32 | DType::C64 => unreachable!("a Scalar is real"),
    }
}

/// A subnormal (or zero) of `T`, either sign.
fn subnormal<T: Scalar>(r: &mut Rng) -> T {
    let b = r.next();
    match T::DTYPE {
        DType::F32 => T::from_f64(f32::from_bits((b as u32) & 0x807f_ffff) as f64),
        DType::F64 => T::from_f64(f64::from_bits(b & 0x800f_ffff_ffff_ffff)),
        DType::C32 | DType::C64 => unreachable!("a Scalar is real"),
    }
}

/// The largest finite power of ten of `T`, roughly: the cancellation scale.
fn huge<T: Scalar>() -> f64 {
    match T::DTYPE {
        DType::F32 => 1e38,
        DType::F64 => 1e300,
        DType::C32 | DType::C64 => unreachable!("a Scalar is real"),
    }
}

/// Logical vectors of length `n` by kind: `"uniform"` in [-1, 1), `"wide"`
/// over every binade, `"cancel"` (huge values that cancel exactly around
/// small ones), `"subnormal"`.
fn dataset<T: Scalar>(kind: &str, n: usize, seed: u64) -> Vec<T> {
    let mut r = Rng(seed.wrapping_mul(7919) ^ n as u64);
    match kind {
        "uniform" => values(n, seed).into_iter().map(T::from_f64).collect(),
        "wide" => (0..n).map(|_| any_finite::<T>(&mut r)).collect(),
        "subnormal" => (0..n).map(|_| subnormal::<T>(&mut r)).collect(),
        "cancel" => {
            // [big, 1, -big, tiny, ...]: an ordinary sum loses the 1.
            let big = huge::<T>();
            (0..n)
                .map(|i| match i % 4 {
                    0 => T::from_f64(big * (1.0 + (i % 7) as f64 / 8.0)),
                    1 => T::from_f64(1.0 + (r.next() % 16) as f64 / 16.0),
                    2 => T::from_f64(-big * (1.0 + ((i - 2) % 7) as f64 / 8.0)),
                    _ => subnormal::<T>(&mut r),
                })
                .collect()
        }
        _ => unreachable!("dataset {kind}"),
    }
}

/// Layouts for `n` elements with the buffer length each needs: contiguous,
/// offset and stride 2, BLAS-style backwards at -3, and offset backwards.
fn layouts(n: usize) -> Vec<(VecLayout, usize)> {
    vec![
        (VecLayout::contiguous(n), n),
        (VecLayout::new(n, 3, 2), 3 + 2 * n),
        (VecLayout::blas(n, -3), 3 * n.max(1)),
        (VecLayout::new(n, n.max(1) + 4, -1), n.max(1) + 5),
    ]
}

/// A device buffer of `buf_len` elements holding `v` at `layout`, with NaN
/// everywhere else (so that a stray read shows up in the NaN count).
fn place<T: DeviceScalar>(
    cl: &OpenClBackend,
    v: &[T],
    layout: VecLayout,
    buf_len: usize,
) -> DeviceBuffer<T> {
    let mut host = vec![T::from_f64(f64::NAN); buf_len];
    for (i, &e) in v.iter().enumerate() {
        host[(layout.offset as isize + i as isize * layout.stride) as usize] = e;
    }
    cl.upload(&host).unwrap()
}

/// A vector's layout in a buffer and the buffer's length.
type Placed = (VecLayout, usize);

/// For every reduction and every pair of layouts: the device's accumulator
/// against the reference (computed once per reduction), word for word, and
/// the rounded results (plain and square root) bit for bit.
fn check_all<T: DeviceScalar>(
    cl: &OpenClBackend,
    x: &[T],
    y: &[T],
    pairs: &[(Placed, Placed)],
    label: &str,
) {
    let wants = REDUCTIONS
        .map(|what| reduce_elementwise(what, VecRef::from_slice(x), VecRef::from_slice(y)));
    for &((xl, xlen), (yl, ylen)) in pairs {
        let xb = place(cl, x, xl, xlen);
        let yb = place(cl, y, yl, ylen);
        for (what, want) in REDUCTIONS.into_iter().zip(&wants) {
            let got = DeviceLevel1::reduce_exact(
                cl,
                what,
                xb.vec(xl).unwrap(),
                Some(yb.vec(yl).unwrap()),
            )
            .unwrap();
            let ctx = format!("{what:?} {:?} {label} x {xl:?} y {yl:?}", T::DTYPE);
            assert_eq!(got.to_words(), want.to_words(), "{ctx}");
            assert_eq!(
                round_to::<T>(&got).to_bits_u64(),
                round_to::<T>(want).to_bits_u64(),
                "{ctx}"
            );
            assert_eq!(
                sqrt_to::<T>(&got).to_bits_u64(),
                sqrt_to::<T>(want).to_bits_u64(),
                "{ctx}"
            );
        }
    }
}

/// Bits of a scalar, for bitwise comparisons (NaNs included).
trait Bits {
    fn to_bits_u64(self) -> u64;
}

impl<T: Scalar> Bits for T {
    fn to_bits_u64(self) -> u64 {
        match T::DTYPE {
            DType::F32 => (self.as_f64() as f32).to_bits() as u64,
            DType::F64 => self.as_f64().to_bits(),
            DType::C32 | DType::C64 => unreachable!("a Scalar is real"),
        }
    }
}

/// Every reduction, size and layout pair on the given kinds of data.
fn exact_matches_reference<T: DeviceScalar>(cl: &OpenClBackend, kinds: &[&str], seed: u64) {
    for (d, kind) in kinds.iter().enumerate() {
        for n in SIZES {
            let x = dataset::<T>(kind, n, seed + d as u64);
            let y = dataset::<T>(if *kind == "cancel" { "wide" } else { kind }, n, seed + 99);
            let ls = layouts(n);
            // x's layouts against y's in reverse order; the big size on two
            // pairs only, to keep the suite quick.
            let pairs: Vec<(Placed, Placed)> = ls
                .iter()
                .zip(ls.iter().rev())
                .take(if n > 10_000 { 2 } else { ls.len() })
                .map(|(&a, &b)| (a, b))
                .collect();
            check_all(cl, &x, &y, &pairs, &format!("{kind} n={n}"));
        }
    }
}

#[test]
fn exact_matches_reference_f32() {
    let cl = backend_or_skip!();
    exact_matches_reference::<f32>(&cl, &["uniform", "wide"], 1);
}

#[test]
fn exact_matches_reference_f64() {
    let cl = backend_or_skip!();
    if runs::<f64>(&cl) {
        exact_matches_reference::<f64>(&cl, &["uniform", "wide"], 2);
    }
}

#[test]
fn exact_survives_hostile_data_f32() {
    let cl = backend_or_skip!();
    exact_matches_reference::<f32>(&cl, &["cancel", "subnormal"], 3);
    hostile::<f32>(&cl);
}

#[test]
fn exact_survives_hostile_data_f64() {
    let cl = backend_or_skip!();
    if runs::<f64>(&cl) {
        exact_matches_reference::<f64>(&cl, &["cancel", "subnormal"], 4);
        hostile::<f64>(&cl);
    }
}

/// Hand-made cases: exact cancellation, the extremes of the range, and
/// products that overflow or underflow in floating point.
fn hostile<T: DeviceScalar>(cl: &OpenClBackend) {
    let big = huge::<T>();
    let (max, tiny) = match T::DTYPE {
        DType::F32 => (f32::MAX as f64, f32::from_bits(1) as f64),
        DType::F64 => (f64::MAX, f64::from_bits(1)),
        DType::C32 | DType::C64 => unreachable!("a Scalar is real"),
    };
    let cases: Vec<(Vec<f64>, Vec<f64>)> = vec![
        (vec![big, 1.0, -big], vec![big, 1.0, big]),
        (vec![max, max, -max, tiny], vec![max, -max, max, tiny]),
        (vec![tiny; 5], vec![tiny, -tiny, tiny, tiny, tiny]),
        (vec![max; 4099], vec![max; 4099]),
        (vec![-max; 300_000], vec![max; 300_000]),
    ];
    let c = cases.len();
    for (k, (x, y)) in cases.into_iter().enumerate() {
        let x: Vec<T> = x.into_iter().map(T::from_f64).collect();
        let y: Vec<T> = y.into_iter().map(T::from_f64).collect();
        let n = x.len();
        let l = (VecLayout::contiguous(n), n);
        check_all(cl, &x, &y, &[(l, l)], &format!("case {k}/{c}"));
    }
    // The exact results themselves: 1 survives the cancellation, the sum of
    // squares of 300000 maxima is finite inside the accumulator.
    let x: Vec<T> = [big, 1.0, -big].map(T::from_f64).to_vec();
    let xb = cl.upload(&x).unwrap();
    let s = DeviceLevel1::reduce_exact(cl, Reduction::Sum, xb.as_vec(), None).unwrap();
    assert_eq!(round_to::<T>(&s), T::one());
    let maxima: Vec<T> = std::iter::repeat_n(T::from_f64(max), 300_000).collect();
    let m = cl.upload(&maxima).unwrap();
    let sq = DeviceLevel1::reduce_exact(cl, Reduction::SumSq, m.as_vec(), None).unwrap();
    assert_eq!(sq.nans(), 0);
    assert_eq!(sq.infinities(), (0, 0));
    assert!(round_to::<T>(&sq).as_f64().is_infinite());
}

/// NaN and infinities in every position that matters, alone and together,
/// and `inf * 0` in dot.
fn specials<T: DeviceScalar>(cl: &OpenClBackend) {
    let (nan, inf) = (f64::NAN, f64::INFINITY);
    for n in [1usize, 17, 1000, 4099] {
        let base = dataset::<T>("uniform", n, n as u64);
        let mut placements: Vec<Vec<(usize, f64)>> = vec![
            vec![(0, nan)],
            vec![(n - 1, inf)],
            vec![(n / 2, -inf)],
            vec![(0, inf), (n - 1, -inf)],
            vec![(n / 3, -inf), (n / 2, nan)],
            vec![(0, 0.0)],
        ];
        if n > 2 {
            placements.push(vec![(1, inf), (2, inf), (n - 1, -0.0)]);
        }
        for (p, place_x) in placements.iter().enumerate() {
            let mut x = base.clone();
            for &(i, v) in place_x {
                x[i] = T::from_f64(v);
            }
            // y: zero where x is infinite in one case (inf * 0 = NaN), an
            // infinity of its own elsewhere.
            let mut y = dataset::<T>("uniform", n, 5);
            match p % 3 {
                0 => y[n - 1] = T::from_f64(-inf),
                1 => {
                    for &(i, _) in place_x {
                        y[i] = T::zero();
                    }
                }
                _ => y[n / 2] = T::from_f64(nan),
            }
            let c = (VecLayout::contiguous(n), n);
            let pairs: Vec<(Placed, Placed)> = layouts(n).into_iter().map(|l| (l, c)).collect();
            check_all(cl, &x, &y, &pairs, &format!("specials n={n} placement {p}"));
        }
    }
    // The IEEE outcomes themselves.
    let sum_of = |what: Reduction, x: &[f64], y: &[f64]| -> ExactSum {
        let x: Vec<T> = x.iter().map(|&v| T::from_f64(v)).collect();
        let y: Vec<T> = y.iter().map(|&v| T::from_f64(v)).collect();
        let (xb, yb) = (cl.upload(&x).unwrap(), cl.upload(&y).unwrap());
        DeviceLevel1::reduce_exact(cl, what, xb.as_vec(), Some(yb.as_vec())).unwrap()
    };
    let r = sum_of(Reduction::Dot, &[inf, 1.0], &[0.0, 1.0]);
    assert_eq!(r.nans(), 1);
    let r = sum_of(Reduction::Dot, &[inf, -inf, 2.0], &[-1.0, -1.0, inf]);
    assert_eq!((r.nans(), r.infinities()), (0, (2, 1)));
    let r = sum_of(Reduction::Asum, &[-inf, nan, 1.0], &[0.0; 3]);
    assert_eq!((r.nans(), r.infinities()), (1, (1, 0)));
    let r = sum_of(Reduction::SumSq, &[-inf, -inf], &[0.0; 2]);
    assert_eq!(r.infinities(), (2, 0));
    assert_eq!(sqrt_to::<T>(&r).as_f64(), inf);
    let r = sum_of(Reduction::Sum, &[inf, -inf], &[0.0; 2]);
    assert!(round_to::<T>(&r).as_f64().is_nan());
}

#[test]
fn specials_follow_ieee_f32() {
    specials::<f32>(&backend_or_skip!());
}

#[test]
fn specials_follow_ieee_f64() {
    let cl = backend_or_skip!();
    if runs::<f64>(&cl) {
        specials::<f64>(&cl);
    }
}

/// `Reproducible<OpenClBackend>` against `Reproducible<Serial>` through the
/// host path (which copies strided host views), bit for bit.
fn wrapper_matches_serial<T: DeviceScalar>(cl: &OpenClBackend) {
    let rc = Reproducible::new(cl.clone());
    let rs = Reproducible::new(Serial);
    for kind in ["uniform", "wide", "cancel"] {
        for n in SIZES {
            let hx = dataset::<T>(kind, 3 * n.max(1), 11);
            let hy = dataset::<T>("wide", 2 * n.max(1), 12);
            for (xinc, yinc) in [(1isize, 1isize), (3, -2), (-3, 2)] {
                // The big size once per element type, to keep the suite quick.
                if n > 10_000 && (kind != "wide" || xinc != 3) {
                    continue;
                }
                let x = VecRef::from_blas(&hx, n, xinc).unwrap();
                let y = VecRef::from_blas(&hy, n, yinc).unwrap();
                let label = format!("{:?} {kind} n={n} incs {xinc} {yinc}", T::DTYPE);
                let pairs: [(&str, T, T); 4] = [
                    ("dot", rc.dot(x, y).unwrap(), rs.dot(x, y).unwrap()),
                    ("nrm2", rc.nrm2(x).unwrap(), rs.nrm2(x).unwrap()),
                    ("asum", rc.asum(x).unwrap(), rs.asum(x).unwrap()),
                    ("sum", rc.sum(x).unwrap(), rs.sum(x).unwrap()),
                ];
                for (op, got, want) in pairs {
                    assert_eq!(
                        got.to_bits_u64(),
                        want.to_bits_u64(),
                        "{op} {label}: {got} vs {want}"
                    );
                }
                let words = Level1::<T>::reduce_exact(cl, Reduction::Dot, x, y).unwrap();
                assert_eq!(
                    words.to_words(),
                    reduce_elementwise(Reduction::Dot, x, y).to_words(),
                    "reduce_exact {label}"
                );
            }
        }
    }
    // The classic: an ordinary sum loses the 1.
    let v = [huge::<T>(), 1.0, -huge::<T>()].map(T::from_f64);
    assert_eq!(rc.sum(VecRef::from_slice(&v)).unwrap(), T::one());
}

#[test]
fn reproducible_wrapper_matches_serial_f32() {
    wrapper_matches_serial::<f32>(&backend_or_skip!());
}

#[test]
fn reproducible_wrapper_matches_serial_f64() {
    let cl = backend_or_skip!();
    if runs::<f64>(&cl) {
        wrapper_matches_serial::<f64>(&cl);
    }
}

/// The ordinary device sum against an f64 reference, within rounding.
fn device_sum<T: DeviceScalar>(cl: &OpenClBackend) {
    for n in SIZES {
        let hx = dataset::<T>("uniform", 3 * n.max(1), 21);
        for (l, _) in layouts(n).into_iter().take(3) {
            let x = VecRef::from_blas(&hx, n, l.stride).unwrap();
            let want: f64 = x.iter().map(|v| v.as_f64()).sum();
            let scale: f64 = x.iter().map(|v| v.as_f64().abs()).sum();
            let tol = (n as f64 + 4.0) * T::epsilon().as_f64() * scale + 1e-300;
            // The device-buffer call on the same layout as the host view...
            let buf = cl.upload(&hx).unwrap();
            let dl = VecLayout::blas(n, l.stride);
            let got = DeviceLevel1::sum(cl, buf.vec(dl).unwrap())
                .unwrap()
                .as_f64();
            assert!(
                (got - want).abs() <= tol,
                "device sum n={n} {dl:?}: {got} vs {want}"
            );
            // ... and the host path.
            let got = Level1::<T>::sum(cl, x).unwrap().as_f64();
            assert!(
                (got - want).abs() <= tol,
                "sum n={n} {dl:?}: {got} vs {want}"
            );
        }
    }
    let inf = cl.upload(&[1.0, f64::INFINITY].map(T::from_f64)).unwrap();
    assert_eq!(
        DeviceLevel1::sum(cl, inf.as_vec()).unwrap().as_f64(),
        f64::INFINITY
    );
    let nan = cl
        .upload(&[f64::INFINITY, f64::NEG_INFINITY].map(T::from_f64))
        .unwrap();
    assert!(DeviceLevel1::sum(cl, nan.as_vec())
        .unwrap()
        .as_f64()
        .is_nan());
}

#[test]
fn device_sum_is_within_rounding_f32() {
    device_sum::<f32>(&backend_or_skip!());
}

#[test]
fn device_sum_is_within_rounding_f64() {
    let cl = backend_or_skip!();
    if runs::<f64>(&cl) {
        device_sum::<f64>(&cl);
    }
}

#[test]
fn argument_errors() {
    let cl = backend_or_skip!();
    let other = OpenClBackend::from_spec("opencl").unwrap();
    let x = cl.upload(&[1.0f32, 2.0, 3.0]).unwrap();
    let y2 = cl.upload(&[1.0f32, 2.0]).unwrap();
    let foreign = other.upload(&[1.0f32, 2.0, 3.0]).unwrap();

    // Lengths.
    let e =
        DeviceLevel1::reduce_exact(&cl, Reduction::Dot, x.as_vec(), Some(y2.as_vec())).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::ShapeMismatch, "{e}");
    let e = Level1::<f32>::reduce_exact(
        &cl,
        Reduction::Dot,
        VecRef::from_slice(&[1.0, 2.0]),
        VecRef::from_slice(&[1.0]),
    )
    .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::ShapeMismatch, "{e}");
    // Dot needs y.
    let e = DeviceLevel1::reduce_exact(&cl, Reduction::Dot, x.as_vec(), None).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidArgument, "{e}");
    assert!(e.message().starts_with("y:"), "{e}");
    // Buffers of another context, as x or as y.
    for (a, b, arg) in [(&foreign, &x, "x:"), (&x, &foreign, "y:")] {
        let e = DeviceLevel1::reduce_exact(&cl, Reduction::Dot, a.as_vec(), Some(b.as_vec()))
            .unwrap_err();
        assert_eq!(e.kind(), ErrorKind::InvalidArgument, "{e}");
        assert!(e.message().contains("another OpenCL backend"), "{e}");
        assert!(e.message().starts_with(arg), "{e}");
    }
    for what in [Reduction::Sum, Reduction::Asum, Reduction::SumSq] {
        let e = DeviceLevel1::reduce_exact(&cl, what, foreign.as_vec(), None).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::InvalidArgument, "{e}");
        // y is ignored for reductions of x alone.
        let s = DeviceLevel1::reduce_exact(&cl, what, x.as_vec(), Some(y2.as_vec())).unwrap();
        assert_eq!(
            round_to::<f32>(&s),
            if what == Reduction::SumSq { 14.0 } else { 6.0 }
        );
    }
    let e = DeviceLevel1::sum(&cl, foreign.as_vec()).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidArgument, "{e}");
    assert!(e.message().starts_with("x:"), "{e}");
    // Empty vectors: zero, nothing launched.
    let empty = cl.zeroed::<f32>(0).unwrap();
    let z = DeviceLevel1::reduce_exact(&cl, Reduction::Dot, empty.as_vec(), Some(empty.as_vec()))
        .unwrap();
    assert_eq!(z.to_words(), ExactSum::new().to_words());
    assert_eq!(DeviceLevel1::sum(&cl, empty.as_vec()).unwrap(), 0.0);
}

/// The switchable device: while its switch is on, dot, nrm2, asum and sum are
/// the exact accumulators rounded once (as the serial reference's); while it
/// is off, the backend's ordinary reductions; the rest is the backend's own.
fn switchable_follows_its_switch<T: DeviceScalar>(cl: &OpenClBackend) {
    use oxpar_core::repro::ReproSwitch;
    use oxpar_opencl::SwitchableDevice;
    if !runs::<T>(cl) {
        return;
    }
    let switch = ReproSwitch::new(false);
    let dev = SwitchableDevice::new(cl.clone(), switch.clone());
    // Cancellation, so ordinary and exact sums differ in their last bits.
    let mut x: Vec<T> = values(4099, 7).into_iter().map(T::from_f64).collect();
    x.extend([T::from_f64(1e20), T::from_f64(-1e20)]);
    let y: Vec<T> = values(x.len(), 8).into_iter().map(T::from_f64).collect();
    let (xb, yb) = (cl.upload(&x).unwrap(), cl.upload(&y).unwrap());
    let (xv, yv) = (xb.as_vec(), yb.as_vec());
    let exact = |what| reduce_elementwise(what, VecRef::from_slice(&x), VecRef::from_slice(&y));
    let bits = |v: T| v.as_f64().to_bits();
    for on in [false, true, false] {
        switch.set(on);
        assert_eq!(dev.is_reproducible(), on);
        let got = [
            DeviceLevel1::dot(&dev, xv, yv).unwrap(),
            DeviceLevel1::nrm2(&dev, xv).unwrap(),
            DeviceLevel1::asum(&dev, xv).unwrap(),
            DeviceLevel1::sum(&dev, xv).unwrap(),
        ];
        let want: [T; 4] = if on {
            [
                round_to(&exact(Reduction::Dot)),
                sqrt_to(&exact(Reduction::SumSq)),
                round_to(&exact(Reduction::Asum)),
                round_to(&exact(Reduction::Sum)),
            ]
        } else {
            [
                DeviceLevel1::dot(cl, xv, yv).unwrap(),
                DeviceLevel1::nrm2(cl, xv).unwrap(),
                DeviceLevel1::asum(cl, xv).unwrap(),
                DeviceLevel1::sum(cl, xv).unwrap(),
            ]
        };
        for (g, w) in got.into_iter().zip(want) {
            assert_eq!(bits(g), bits(w), "on = {on}: {g:?} != {w:?}");
        }
        assert_eq!(
            DeviceLevel1::iamax(&dev, xv).unwrap(),
            DeviceLevel1::iamax(cl, xv).unwrap()
        );
    }
    // Errors come through unchanged.
    let short = cl.upload(&x[..3]).unwrap();
    switch.set(true);
    let e = DeviceLevel1::dot(&dev, xv, short.as_vec()).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::ShapeMismatch, "{e}");
}

#[test]
fn switchable_device() {
    let cl = backend_or_skip!();
    switchable_follows_its_switch::<f32>(&cl);
    switchable_follows_its_switch::<f64>(&cl);
}
