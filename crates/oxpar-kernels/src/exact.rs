//! Exact reductions on one core: the kernels behind reproducible mode.
//!
//! Each kernel adds its vector into an [`ExactSum`] without any rounding, so
//! the result does not depend on how the vector was split or in which order
//! the pieces are merged (see `oxpar_core::exact`).
//!
//! Feeding every element to the long accumulator one at a time costs about
//! 5 ns an element. The fast path does the same exact work in vector
//! registers, with the *binned* deposits of Demmel and Nguyen (J. Demmel, H.
//! D. Nguyen, "Parallel reproducible summation", IEEE Trans. Computers 64(7),
//! 2015; the method of ReproBLAS), used here for exactness rather than for a
//! bounded error:
//!
//! * The vector goes in blocks of [`BLOCK`] elements. A first pass over the
//!   block (in L1 cache, so memory is read once) finds `m = max |v_i|`, where
//!   `v_i` is the element, its absolute value, or for `dot`/`sumsq` the
//!   product `p_i = fl(x_i y_i)`; for products the rounding error
//!   `e_i = x_i y_i - p_i` comes exactly from one FMA (`fma(x, y, -p)`).
//! * Three *bins* per lane, each an `f64` that starts at `1.5 * 2^b_k`, with
//!   `b_0 = exponent(m) + 10` and bins 43 bits apart. Adding `v` to bin `k`
//!   (`t = S + v; q = t - S; S = t; v -= q`) moves exactly the part of `v`
//!   that is a multiple of the bin's last bit into the bin; the rest goes on
//!   to the next bin. The first 10 bits of headroom are room for the 2^8
//!   deposits a lane makes per block without leaving the bin's binade, which
//!   is what keeps every step exact.
//! * Whatever is left after the last bin must be exactly zero. If it is not
//!   (a block spanning more than about 75 binades for sums, 20 for products,
//!   or holding NaN, infinities, overflowing or underflowing products), the
//!   block is done again by the long accumulator, element by element. So the
//!   result is exact in every case; hostile data is only slower.
//! * At the end of a block each bin is turned back into an integer (exact)
//!   and added to the long accumulator.

use oxpar_core::exact::{ExactSum, Reduction};
use oxpar_core::{DType, Scalar, VecRef};

use crate::dispatch::{cpu_level, detect_cached, CpuLevel};

/// Elements per block. Each lane takes at most `2 * BLOCK / LANES` deposits
/// per bin, which must stay below `2^(HEADROOM - 1)`.
pub const BLOCK: usize = 512;

/// Independent lanes per bin: two AVX-512 registers of `f64`, so that two
/// dependency chains per bin are in flight.
const LANES: usize = 16;

/// Bits between the block's largest value and the top of bin 0.
const HEADROOM: i32 = 9;

/// Distance in bits between consecutive bins: `53 - HEADROOM - 1`.
const BIN_WIDTH: i32 = 53 - HEADROOM - 1;

/// Largest block maximum the bins take (`b_0 <= 1023` keeps bin 0 finite).
const MAX_BLOCK_EXPONENT: i32 = 1023 - HEADROOM - 1;

/// Smallest block maximum: bin 2 must start at a normal number.
const MIN_BLOCK_EXPONENT: i32 = -1022 + 2 * BIN_WIDTH - HEADROOM - 1 + 1;

/// Products below `2^TINY_PRODUCT_EXPONENT` may lose bits of their FMA error
/// term to underflow: a block holding one (of two nonzero factors, so also
/// one that underflowed to zero) goes to the long accumulator.
const TINY_PRODUCT_EXPONENT: i32 = -1074 + 105;

/// Adds the reduction `what` of `x` (and `y` for [`Reduction::Dot`]) exactly
/// into `acc`. Lengths must match.
pub fn exact_reduce<T: Scalar>(
    what: Reduction,
    x: VecRef<'_, T>,
    y: Option<VecRef<'_, T>>,
    acc: &mut ExactSum,
) {
    exact_reduce_at(cpu_level(), what, x, y, acc)
}

/// [`exact_reduce`] with the instruction-set level chosen explicitly (clamped
/// to the detected one), so tests can compare levels.
pub fn exact_reduce_at<T: Scalar>(
    level: CpuLevel,
    what: Reduction,
    x: VecRef<'_, T>,
    y: Option<VecRef<'_, T>>,
    acc: &mut ExactSum,
) {
    let level = level.min(detect_cached());
    let y = if what.needs_y() { y.unwrap_or(x) } else { x };
    debug_assert_eq!(x.len(), y.len());
    let n = x.len();
    let mut xb = [0f64; BLOCK];
    let mut yb = [0f64; BLOCK];
    let mut start = 0;
    while start < n {
        let len = BLOCK.min(n - start);
        let xs = x.subvector(start, len);
        let ys = y.subvector(start, len);
        match T::DTYPE {
            DType::F64 => {
                let xs = as_f64_slice(xs, &mut xb);
                let ys = as_f64_slice(ys, &mut yb);
                block_f64(level, what, xs, ys, acc);
            }
            DType::F32 => {
                // Products of two f32 are exact in f64, so every f32
                // reduction becomes an exact sum of f64 values.
                for (i, v) in xb[..len].iter_mut().enumerate() {
                    let a = xs.get(i).as_f64();
                    *v = match what {
                        Reduction::Sum => a,
                        Reduction::Asum => a.abs(),
                        Reduction::Dot => a * ys.get(i).as_f64(),
                        Reduction::SumSq => a * a,
                    };
                }
                block_f64(level, Reduction::Sum, &xb[..len], &xb[..len], acc);
            }
        }
        start += len;
    }
}

/// The elements of an `f64` view as a slice: the view's own memory when it is
/// contiguous, else gathered into `buf`.
fn as_f64_slice<'a, T: Scalar>(v: VecRef<'a, T>, buf: &'a mut [f64; BLOCK]) -> &'a [f64] {
    debug_assert!(T::DTYPE == DType::F64);
    match v.as_slice() {
        Some(s) => {
            // SAFETY: `T` is `f64` (its DTYPE says so and `Scalar` is sealed to
            // f32/f64), so the slice's memory holds `s.len()` valid f64s.
            unsafe { std::slice::from_raw_parts(s.as_ptr().cast::<f64>(), s.len()) }
        }
        None => {
            for (i, b) in buf[..v.len()].iter_mut().enumerate() {
                *b = v.get(i).as_f64();
            }
            &buf[..v.len()]
        }
    }
}

/// One block of `f64` data, at the given instruction-set level.
fn block_f64(level: CpuLevel, what: Reduction, x: &[f64], y: &[f64], acc: &mut ExactSum) {
    #[cfg(target_arch = "x86_64")]
    {
        #[target_feature(enable = "avx512f,avx2,fma")]
        fn avx512(what: Reduction, x: &[f64], y: &[f64], acc: &mut ExactSum) -> bool {
            block_kind(what, x, y, acc)
        }
        #[target_feature(enable = "avx2,fma")]
        fn avx2(what: Reduction, x: &[f64], y: &[f64], acc: &mut ExactSum) -> bool {
            block_kind(what, x, y, acc)
        }
        let done = match level {
            // SAFETY: the level is clamped to what this CPU was detected to support.
            CpuLevel::Avx512F => unsafe { avx512(what, x, y, acc) },
            // SAFETY: as above.
            CpuLevel::Avx2Fma => unsafe { avx2(what, x, y, acc) },
            CpuLevel::Generic => block_kind(what, x, y, acc),
        };
        if !done {
            block_slow(what, x, y, acc);
        }
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        let _ = level;
        if !block_kind(what, x, y, acc) {
            block_slow(what, x, y, acc);
        }
    }
}

/// The long-accumulator path, element by element (any data).
fn block_slow(what: Reduction, x: &[f64], y: &[f64], acc: &mut ExactSum) {
    match what {
        Reduction::Sum => x.iter().for_each(|&v| acc.add_f64(v)),
        Reduction::Asum => x.iter().for_each(|&v| acc.add_f64(v.abs())),
        Reduction::Dot => x
            .iter()
            .zip(y)
            .for_each(|(&a, &b)| acc.add_product_f64(a, b)),
        Reduction::SumSq => x.iter().for_each(|&a| acc.add_product_f64(a, a)),
    }
}

/// `2^e` for a normal exponent.
#[inline(always)]
fn pow2(e: i32) -> f64 {
    f64::from_bits(((e + 1023) as u64) << 52)
}

/// Exponent of a positive normal number.
#[inline(always)]
fn exponent(v: f64) -> i32 {
    ((v.to_bits() >> 52) & 0x7ff) as i32 - 1023
}

/// Three bins of [`LANES`] lanes.
struct Bins {
    start: [f64; 3],
    bins: [[f64; LANES]; 3],
}

impl Bins {
    #[inline(always)]
    fn new(top: i32) -> Bins {
        let start = [
            1.5 * pow2(top),
            1.5 * pow2(top - BIN_WIDTH),
            1.5 * pow2(top - 2 * BIN_WIDTH),
        ];
        Bins {
            start,
            bins: [[start[0]; LANES], [start[1]; LANES], [start[2]; LANES]],
        }
    }

    /// Deposits `v` (one value per lane) into bins `first..3`; returns what
    /// is left below the last bin (exactly).
    #[inline(always)]
    fn deposit(&mut self, first: usize, v: &[f64; LANES]) -> [f64; LANES] {
        let mut r = *v;
        for k in first..3 {
            for l in 0..LANES {
                let t = self.bins[k][l] + r[l];
                let q = t - self.bins[k][l];
                self.bins[k][l] = t;
                r[l] -= q;
            }
        }
        r
    }

    /// Adds the bins to the long accumulator. `top` is bin 0's exponent.
    #[inline(always)]
    fn flush(&self, top: i32, acc: &mut ExactSum) {
        for k in 0..3 {
            let b = top - k as i32 * BIN_WIDTH;
            // Each bin moved by a multiple of its last bit 2^(b-52), by less
            // than 2^(b-1): an integer below 2^51 in units of that bit.
            // Scale by 2^(52-b) in two exact steps (one may be out of range).
            let half = (52 - b) / 2;
            let (s1, s2) = (pow2(half), pow2(52 - b - half));
            let mut total = 0i64;
            for l in 0..LANES {
                total += ((self.bins[k][l] - self.start[k]) * s1 * s2) as i64;
            }
            acc.add_scaled_i64(total, b - 52);
        }
    }
}

/// Adds the lanes of residuals that are not zero (exactly).
#[inline(always)]
fn add_residuals(r: &[f64; LANES], e: &[f64; LANES], acc: &mut ExactSum) {
    let mut bits = [0u64; LANES];
    for l in 0..LANES {
        bits[l] = r[l].to_bits() | e[l].to_bits();
    }
    if bits.iter().fold(0, |a, &b| a | b) != 0 {
        r.iter().chain(e).for_each(|&v| acc.add_f64(v));
    }
}

/// [`block_body`] compiled separately for each reduction, so that no branch
/// on `what` is left in the loops.
#[inline(always)]
fn block_kind(what: Reduction, x: &[f64], y: &[f64], acc: &mut ExactSum) -> bool {
    match what {
        Reduction::Sum => block_body::<SUM>(x, y, acc),
        Reduction::Asum => block_body::<ASUM>(x, y, acc),
        Reduction::Dot => block_body::<DOT>(x, y, acc),
        Reduction::SumSq => block_body::<SUMSQ>(x, y, acc),
    }
}

const SUM: u8 = 0;
const ASUM: u8 = 1;
const DOT: u8 = 2;
const SUMSQ: u8 = 3;

/// The value reduction `what` sums for elements `a` (of x) and `b` (of y).
#[inline(always)]
fn value<const KIND: u8>(a: f64, b: f64) -> f64 {
    match KIND {
        SUM => a,
        ASUM => a.abs(),
        _ => a * b,
    }
}

/// Deposits one chunk of [`LANES`] elements (`products`: also their FMA
/// error terms). No closures here: they would not inherit the caller's
/// target features.
#[inline(always)]
fn deposit_chunk<const KIND: u8>(
    xc: &[f64],
    yc: &[f64],
    bins: &mut Bins,
    acc: &mut ExactSum,
) {
    let mut v = [0f64; LANES];
    for l in 0..LANES {
        v[l] = value::<KIND>(xc[l], yc[l]);
    }
    let rv = bins.deposit(0, &v);
    let mut re = [0f64; LANES];
    if KIND == DOT || KIND == SUMSQ {
        let mut e = [0f64; LANES];
        for l in 0..LANES {
            e[l] = xc[l].mul_add(yc[l], -v[l]);
        }
        re = bins.deposit(1, &e);
    }
    add_residuals(&rv, &re, acc);
}

/// The fast path for one block; `false` if the block must be done by the
/// long accumulator instead (nothing was added to `acc` then).
#[inline(always)]
fn block_body<const KIND: u8>(x: &[f64], y: &[f64], acc: &mut ExactSum) -> bool {
    let products = KIND == DOT || KIND == SUMSQ;
    let y = if KIND == DOT { y } else { x };
    let n = x.len();
    let full = n / LANES * LANES;
    let tiny_product = pow2(TINY_PRODUCT_EXPONENT);

    // Pass 1: the block's largest magnitude; `v * 0` turns NaN and infinities
    // into NaN in `special`; for products, whether a product of two nonzero
    // numbers is so small that its FMA error term may have lost bits.
    let mut max = [0f64; LANES];
    let mut special = [0f64; LANES];
    // 1.0 in a lane that met a tiny product of nonzero factors.
    let mut tiny = [0f64; LANES];
    for (xc, yc) in x[..full].chunks_exact(LANES).zip(y[..full].chunks_exact(LANES)) {
        for l in 0..LANES {
            let v = value::<KIND>(xc[l], yc[l]);
            max[l] = max[l].max(v.abs());
            special[l] = v.mul_add(0.0, special[l]);
            if products && v.abs() < tiny_product && xc[l] != 0.0 && yc[l] != 0.0 {
                tiny[l] = 1.0;
            }
        }
    }
    let mut m = max.iter().fold(0f64, |a, &b| a.max(b));
    let mut ok = special.iter().chain(&tiny).all(|&s| s == 0.0);
    for i in full..n {
        let v = value::<KIND>(x[i], y[i]);
        m = m.max(v.abs());
        ok &= v * 0.0 == 0.0;
        ok &= !(products && v.abs() < tiny_product && x[i] != 0.0 && y[i] != 0.0);
    }
    if !ok || !(m >= pow2(MIN_BLOCK_EXPONENT) && m < pow2(MAX_BLOCK_EXPONENT + 1)) {
        return false;
    }
    let top = exponent(m) + HEADROOM + 1;

    // Pass 2: deposit; the rare bits below the last bin go to `acc` directly.
    let mut bins = Bins::new(top);
    for (xc, yc) in x[..full].chunks_exact(LANES).zip(y[..full].chunks_exact(LANES)) {
        deposit_chunk::<KIND>(xc, yc, &mut bins, acc);
    }
    if full < n {
        let mut xt = [0f64; LANES];
        let mut yt = [0f64; LANES];
        xt[..n - full].copy_from_slice(&x[full..]);
        yt[..n - full].copy_from_slice(&y[full..]);
        deposit_chunk::<KIND>(&xt, &yt, &mut bins, acc);
    }
    bins.flush(top, acc);
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn slow(what: Reduction, x: &[f64], y: &[f64]) -> ExactSum {
        let mut acc = ExactSum::new();
        block_slow(what, x, y, &mut acc);
        acc
    }

    fn fast(level: CpuLevel, what: Reduction, x: &[f64], y: &[f64]) -> ExactSum {
        let mut acc = ExactSum::new();
        exact_reduce_at(
            level,
            what,
            VecRef::from_slice(x),
            Some(VecRef::from_slice(y)),
            &mut acc,
        );
        acc
    }

    /// A small deterministic generator (xorshift) of awkward numbers.
    fn data(n: usize, seed: u64, binades: i32) -> Vec<f64> {
        let mut s = seed | 1;
        (0..n)
            .map(|_| {
                s ^= s << 13;
                s ^= s >> 7;
                s ^= s << 17;
                let mant = 1.0 + (s >> 12) as f64 / (1u64 << 52) as f64;
                let e = (s % binades as u64) as i32 - binades / 2;
                let sign = if s & (1 << 5) != 0 { -1.0 } else { 1.0 };
                sign * mant * 2f64.powi(e)
            })
            .collect()
    }

    #[test]
    fn fast_path_is_exact() {
        for &n in &[0usize, 1, 7, 16, 17, 511, 512, 513, 2000] {
            for &binades in &[1, 20, 60, 200, 1500] {
                let x = data(n, 7 + n as u64, binades);
                let y = data(n, 99 + n as u64, binades);
                for what in [
                    Reduction::Sum,
                    Reduction::Asum,
                    Reduction::Dot,
                    Reduction::SumSq,
                ] {
                    let want = slow(what, &x, &y).to_words();
                    for level in detect_cached().up_to() {
                        assert_eq!(
                            fast(level, what, &x, &y).to_words(),
                            want,
                            "{what:?} n={n} binades={binades} {level:?}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn underflowing_products_are_caught() {
        // Products that underflow to zero or lose their FMA error term must
        // not vanish from the fast path.
        let mut x = vec![1.0f64; 64];
        let mut y = vec![1e-300f64; 64];
        x[3] = 1e-200;
        y[3] = 1e-200;
        x[5] = 3e-160;
        y[5] = 7e-160;
        let want = slow(Reduction::Dot, &x, &y).to_words();
        assert_eq!(fast(CpuLevel::Avx512F, Reduction::Dot, &x, &y).to_words(), want);
        let mut s = ExactSum::new();
        exact_reduce(Reduction::Dot, VecRef::from_slice(&x[3..4]), Some(VecRef::from_slice(&y[3..4])), &mut s);
        assert_eq!(s.signum(), std::cmp::Ordering::Greater);
    }

    #[test]
    fn f32_reductions_round_once() {
        let x: Vec<f32> = data(1000, 3, 30).iter().map(|&v| v as f32).collect();
        let y: Vec<f32> = data(1000, 5, 30).iter().map(|&v| v as f32).collect();
        let mut acc = ExactSum::new();
        exact_reduce(
            Reduction::Dot,
            VecRef::from_slice(&x),
            Some(VecRef::from_slice(&y)),
            &mut acc,
        );
        let mut want = ExactSum::new();
        for (&a, &b) in x.iter().zip(&y) {
            want.add_product_f64(a as f64, b as f64);
        }
        assert_eq!(acc.round_f32(), want.round_f32());
    }
}
#[cfg(test)]
mod probe {
    use super::*;
    #[test]
    fn probe_fast() {
        let n = 512;
        let x: Vec<f64> = (0..n).map(|i| ((i * 7919 % 1000) as f64 - 500.0) * 1e-3 + 0.1).collect();
        let y: Vec<f64> = (0..n).map(|i| ((i * 104729 % 997) as f64) * 1e-2 + 1.0).collect();
        let mut acc = ExactSum::new();
        eprintln!("dot {}", block_kind(Reduction::Dot, &x, &y, &mut acc));
        eprintln!("sum {}", block_kind(Reduction::Sum, &x, &y, &mut acc));
        for what in [Reduction::Sum, Reduction::Dot] {
            let t = std::time::Instant::now();
            for _ in 0..10000 {
                let mut acc = ExactSum::new();
                block_f64(CpuLevel::Avx512F, what, &x, &y, &mut acc);
                std::hint::black_box(&acc);
            }
            eprintln!("{what:?} {:.3} ns/elem", t.elapsed().as_secs_f64() / 10000.0 / 512.0 * 1e9);
        }
        let mn = x.iter().map(|v| v.abs()).fold(f64::MAX, f64::min);
        eprintln!("min {mn:e}");
    }
}
