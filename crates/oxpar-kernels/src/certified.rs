//! The fast path of the reproducible dot: a compensated dot product whose
//! result is *certified* to be the correctly rounded exact value, with the
//! exact kernel ([`crate::exact`]) as the fallback when it cannot be.
//!
//! Correct rounding is unique, so a certified result has the same bits as
//! the exact path's, and the caller may take either. The method is that of
//! Ogita, Rump and Oishi's compensated dot product (T. Ogita, S. M. Rump,
//! S. Oishi, "Accurate sum and dot product", SIAM J. Sci. Comput. 26(6),
//! 2005: error-free transformations, here with the product fused into one
//! FMA), and the test is Rump's a-posteriori one (S. M. Rump, "Ultimately
//! fast accurate summation", SIAM J. Sci. Comput. 31(5), 2009, and
//! Ogita-Rump-Oishi §6): a rigorous error bound for the compensated value,
//! smaller than its distance to the nearest rounding boundary, proves the
//! rounding.
//!
//! **Kernel** (AVX-512F and DQ), per lane, for each product `x y` with an
//! accumulator `S` that starts at `S_0 = ±1.5 * 2^k` (above the lane's
//! expected partial sums):
//!
//! ```text
//! t = fl(x y + S)          one FMA, exceptions suppressed
//! q = t - S                must be exact: checked (the inexact flag)
//! r = fl(x y - q)          one FMA: rho = x y - q, rounded
//! C = fl(C + r)            the compensation
//! M = max(M, |t|)          one VRANGEPD, for the bound
//! S = t
//! ```
//!
//! Five vector operations per eight products (the exact kernel takes about
//! ten), on four registers at a time. As `q` is exact, `S_end - S_0` is
//! exactly the sum of the `q`, so the exact dot is the sum over lanes of
//! `S_end - S_0` plus the sum of the `rho`, and only the compensations `C` (sums of the rounded `rho`)
//! carry rounding errors. Every step that may round does so with exceptions
//! suppressed (EVEX "round to nearest, suppress all exceptions") except `q`,
//! so a raised inexact or invalid flag in the MXCSR (cleared before the
//! loop, read after it) means some `q` was not exact: the kernel gives up.
//! Infinities, NaNs and overflow end in non-finite lanes: it gives up too.
//!
//! **Bound.** `|rho| <= ulp(t) / 2 <= u M + eta` (`u = 2^-53`; `eta`
//! covers a subnormal `t`, see [`ETA`]); rounding it costs `u |rho| + eta`
//! (the FMA holds `x y` exactly, so underflowing products cost only
//! `eta`). The
//! additions into `C` cost `u |C_k|` each (additions that underflow are
//! exact). To bound `sum |C_k|` without a sixth operation per step, `|C|` is
//! summed into `W` at the end of every block of [`BLOCK_STEPS`] steps: a
//! block starting at `C_j` holds `|C_k| <= |C_j| + i R`, `R` bounding `|r|`.
//! The lanes (`S_end - S_0` by TwoSum, and `C`) and the threads' parts are
//! then added into an [`Enclosure`] `hi + lo ± err` with TwoSum; each step's
//! rounding goes into `err`. [`Enclosure::round`] certifies: with `f + g =
//! hi + lo` (TwoSum), `f` is the correctly rounded exact value when `|g| +
//! err` (inflated for the rounding of the bound itself) is below half the
//! gap from `f` to its nearer neighbour. Ties, cancellation beyond what the
//! bound resolves, tiny or huge results and zero are not certified: the
//! caller runs the exact kernel.
//!
//! **Choice of `S_0`.** From the first [`SAMPLE`] products: `2^k` is their
//! largest magnitude times `2^7 sqrt(m)` (`m` steps per lane), so a random
//! walk of partial sums stays far inside; the sign is that of the sample's
//! sum, so that a drifting sum (`x . x`) moves away from zero. Data that
//! leaves the range makes a `q` inexact (certification fails) or `M` large
//! (the bound loosens); either way the answer stays right.
//!
//! **Cost**, measured with `make repro-bench` on an Intel Xeon of the
//! Sapphire Rapids generation (one thread, uniform data, the same build with
//! `OXPAR_CERTIFIED_DOT=0` for the exact kernels alone; a shared, noisy
//! machine): 1.07 to 1.22 times the ordinary dot at n = 10^5 (the exact
//! kernels: 1.39 to 1.69), 1.27 to 1.31 at n = 4096 (2.75 to 3.0) and 2.6
//! at n = 1000 (6.1), where a fixed cost of about 0.13 us a call weighs
//! (mostly reading the MXCSR, which waits for the loop to drain); at 10^7
//! both are bound by memory (1.0). Vectors 16 bytes off a cache line cost
//! the same once the first partial step has aligned `x`. Data that does not
//! certify pays for both paths: cancelling pairs at n = 10^5 took 2.6 to
//! 3.2 times the ordinary dot (1.7 for the exact kernels alone). Random
//! data (uniform, normal, mixed signs, 40 binades of scale, `x . x`)
//! certified in every test; GenDot data (Ogita-Rump-Oishi) of condition
//! 10^4 always, 10^6 and 10^8 mostly, 10^10 and beyond never (the bound
//! grows with `|S_0|`, which sits well above the partial sums); exact ties
//! never.

use oxpar_core::{DType, Scalar, VecRef};

/// Steps (of one product per lane) between two updates of `W`.
pub const BLOCK_STEPS: usize = 128;

/// Lanes: four AVX-512 registers of eight `f64`.
pub const LANES: usize = 32;

/// Products sampled for the choice of `S_0`: two steps.
pub const SAMPLE: usize = 2 * LANES;

/// The unit roundoff `2^-53`.
const U: f64 = f64::EPSILON / 2.0;

/// What an operation that underflows may lose, over-estimated: at most
/// `2^-1075`, but counted as the smallest normal number `2^-1022`, so that
/// the bound's arithmetic never meets subnormal numbers (each costs a
/// microcode assist, some hundred cycles, on Intel CPUs). Results below
/// `2^-900` are not certified, so this costs no certification.
pub const ETA: f64 = f64::MIN_POSITIVE;

/// A real number known to lie in `[hi + lo - err, hi + lo + err]` (the sum
/// `hi + lo` taken exactly).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Enclosure {
    /// The leading part.
    pub hi: f64,
    /// The trailing part.
    pub lo: f64,
    /// A bound on the distance from `hi + lo` to the value (not yet
    /// inflated for the rounding of its own computation: see
    /// [`Enclosure::round`]).
    pub err: f64,
}

impl Enclosure {
    /// Exactly zero.
    pub const ZERO: Enclosure = Enclosure {
        hi: 0.0,
        lo: 0.0,
        err: 0.0,
    };

    /// Adds the float `a` (exactly: its share of rounding goes to `err`).
    #[inline]
    pub fn add(&mut self, a: f64) {
        let (s, q) = two_sum(self.hi, a);
        self.hi = s;
        self.lo += q;
        self.err += U * self.lo.abs() + ETA;
    }

    /// The enclosure of the sum of two values.
    pub fn merge(mut self, other: Enclosure) -> Enclosure {
        self.add(other.hi);
        self.add(other.lo);
        self.err += other.err;
        self
    }

    /// The value correctly rounded to `f64` (to nearest, ties to even), if
    /// the enclosure proves it; `None` if it does not (a tie, too wide a
    /// bound, zero, subnormal or near-overflow results, anything not
    /// finite).
    pub fn round(&self) -> Option<f64> {
        let (f, g) = two_sum(self.hi, self.lo);
        let a = f.abs();
        // Normal, away from overflow: the gaps below are exact, and the
        // slack covers the bound's underflowed terms.
        if !(a >= pow2(-900) && a <= pow2(1020)) {
            return None;
        }
        // The exact value lies within `g ± e` of `f`; it rounds to `f` if
        // that interval is strictly inside the midpoints to `f`'s
        // neighbours (gaps may differ: `f` may be a power of two). `err`
        // was summed in round to nearest over fewer than 2^20 operations on
        // nonnegative terms: 2^-30 covers their rounding, and 2^-1000 what
        // they lost to underflow (each below 2^-1075); the factor below the
        // midpoints covers the rounding of `g ± e`.
        let e = self.err * (1.0 + pow2(-30)) + pow2(-1000);
        let up = 0.5 * (f.next_up() - f) * (1.0 - pow2(-50));
        let down = 0.5 * (f - f.next_down()) * (1.0 - pow2(-50));
        if g + e < up && g - e > -down {
            Some(f)
        } else {
            None
        }
    }
}

/// TwoSum (Knuth): `s + e == a + b` exactly (barring overflow).
#[inline(always)]
fn two_sum(a: f64, b: f64) -> (f64, f64) {
    let s = a + b;
    let bb = s - a;
    let e = (a - (s - bb)) + (b - bb);
    (s, e)
}

/// `2^e` for a normal exponent.
#[inline(always)]
fn pow2(e: i32) -> f64 {
    f64::from_bits(((e + 1023) as u64) << 52)
}

/// The environment variable that switches the certified path off (`0`),
/// so that the exact kernels alone can be measured against it.
pub const ENV_SWITCH: &str = "OXPAR_CERTIFIED_DOT";

/// Whether this CPU (and the level the kernels were told to use) runs the
/// certified kernel, and [`ENV_SWITCH`] does not turn it off.
pub fn available() -> bool {
    #[cfg(target_arch = "x86_64")]
    {
        use crate::dispatch::{cpu_level, detect_cached, CpuLevel};
        static ON: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
        *ON.get_or_init(|| {
            cpu_level().min(detect_cached()) == CpuLevel::Avx512F
                && std::arch::is_x86_feature_detected!("avx512dq")
                && std::env::var(ENV_SWITCH).map_or(true, |v| v.trim() != "0")
        })
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        false
    }
}

/// Whether [`dot`] runs the certified kernel on such vectors: contiguous
/// `f64` data on a CPU that has it (anything else gets `None` at once).
pub fn takes<T: Scalar>(x: VecRef<'_, T>, y: VecRef<'_, T>) -> bool {
    T::DTYPE == DType::F64 && x.as_slice().is_some() && y.as_slice().is_some() && available()
}

/// The enclosure of `x . y` from the certified kernel, or `None` where it
/// gave up (or does not run here: strided or `f32` data, no AVX-512DQ).
/// Lengths must match.
pub fn dot<T: Scalar>(x: VecRef<'_, T>, y: VecRef<'_, T>) -> Option<Enclosure> {
    debug_assert_eq!(x.len(), y.len());
    if T::DTYPE != DType::F64 || !available() {
        return None;
    }
    let (xs, ys) = (x.as_slice()?, y.as_slice()?);
    // SAFETY: `T` is `f64` (its DTYPE says so and `Scalar` is sealed to
    // f32/f64), so both slices' memory holds valid f64s.
    let (xs, ys) = unsafe {
        (
            std::slice::from_raw_parts(xs.as_ptr().cast::<f64>(), xs.len()),
            std::slice::from_raw_parts(ys.as_ptr().cast::<f64>(), ys.len()),
        )
    };
    dot_f64(xs, ys)
}

/// [`dot`] on `f64` slices of equal length.
pub fn dot_f64(x: &[f64], y: &[f64]) -> Option<Enclosure> {
    assert_eq!(x.len(), y.len());
    let n = x.len();
    if n == 0 {
        return Some(Enclosure::ZERO);
    }
    if !available() {
        return None;
    }
    #[cfg(target_arch = "x86_64")]
    {
        // SAFETY: `available` checked AVX-512F and DQ (and the level was
        // clamped to what was detected); the lengths match.
        unsafe { avx512::run(x, y) }
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        None
    }
}

/// `S_0` (see the module documentation) from the sample's largest
/// `|x y|` and its sum, for `n` products; `None` for data the kernel would
/// not certify anyway (zeros, non-finite values, extreme scales).
fn start_value(max: f64, sum: f64, n: usize) -> Option<f64> {
    if !(max.is_finite() && sum.is_finite() && max >= pow2(-900)) {
        return None;
    }
    let steps = n.div_ceil(LANES);
    let log2_steps = usize::BITS - (steps - 1).leading_zeros();
    let e = ((max.to_bits() >> 52) as i32 - 1023) + log2_steps.div_ceil(2) as i32 + 7;
    if e > 1000 {
        return None;
    }
    Some(if sum < 0.0 { -1.5 } else { 1.5 } * pow2(e))
}

/// The bound on the kernel's error (see the module documentation) from its
/// observed quantities: `m`, the largest `|t|`; `w`, the sum of `|C|` at
/// block ends; `full` whole steps and `partial` partial ones (each a block
/// of its own).
fn kernel_bound(m: f64, w: f64, full: usize, partial: usize) -> f64 {
    let steps = full + partial;
    let n = (steps * LANES) as f64;
    let rho = U * m + ETA;
    let r = rho * (1.0 + U) + ETA;
    let b = BLOCK_STEPS as f64;
    // A block of `k` steps adds up to `k (k + 1) / 2` times `r` to the sum
    // of `|C|` over its steps, beyond `k` times `|C|` at its start.
    let tri = |k: usize| (k * (k + 1) / 2) as f64;
    let within = LANES as f64
        * ((full / BLOCK_STEPS) as f64 * tri(BLOCK_STEPS)
            + tri(full % BLOCK_STEPS)
            + partial as f64 * tri(1))
        * r;
    // `w` was summed in round to nearest over a lane's blocks and then the
    // lanes: undo what that may have lost (more than the final 2^-30 of
    // `Enclosure::round` covers for very long vectors).
    let w = w * (1.0 + 2.0 * (steps / BLOCK_STEPS + 2 * LANES) as f64 * U);
    n * (U * rho + ETA) + U * (1.0 + 2.0 * b * U) * (b * w + within)
}

#[cfg(target_arch = "x86_64")]
mod avx512 {
    use super::{kernel_bound, start_value, Enclosure, BLOCK_STEPS, ETA, LANES, SAMPLE, U};
    use crate::exact::avx512::{clear_flags, mxcsr, set_mxcsr, RAISED, SAE};
    use std::arch::asm;
    use std::arch::x86_64::*;

    /// Registers a step.
    const REGS: usize = LANES / 8;

    /// MXCSR's mode bits that must be clear: flush-to-zero (bit 15), the
    /// rounding control (bits 13-14) and denormals-are-zero (bit 6).
    pub(super) const MODES: u32 = 0xe040;

    /// VRANGEPD's selector: the larger magnitude, sign cleared.
    const MAX_ABS: i32 = 0b1011;

    /// The exception flags raised since [`clear_flags`], read after every
    /// operation that went into `v` (its inputs, so the compiler cannot move
    /// them past it).
    #[target_feature(enable = "avx512f,avx512dq")]
    #[inline]
    fn flags_after(v: &[[__m512d; REGS]; 4]) -> u32 {
        let mut csr = 0u32;
        // SAFETY: stores the MXCSR into `csr`; the registers are only named.
        unsafe {
            asm!(
                "stmxcsr [{p}]",
                "# {a0} {a1} {a2} {a3} {b0} {b1} {b2} {b3}",
                "# {c0} {c1} {c2} {c3} {d0} {d1} {d2} {d3}",
                p = in(reg) &mut csr,
                a0 = in(zmm_reg) v[0][0], a1 = in(zmm_reg) v[0][1],
                a2 = in(zmm_reg) v[0][2], a3 = in(zmm_reg) v[0][3],
                b0 = in(zmm_reg) v[1][0], b1 = in(zmm_reg) v[1][1],
                b2 = in(zmm_reg) v[1][2], b3 = in(zmm_reg) v[1][3],
                c0 = in(zmm_reg) v[2][0], c1 = in(zmm_reg) v[2][1],
                c2 = in(zmm_reg) v[2][2], c3 = in(zmm_reg) v[2][3],
                d0 = in(zmm_reg) v[3][0], d1 = in(zmm_reg) v[3][1],
                d2 = in(zmm_reg) v[3][2], d3 = in(zmm_reg) v[3][3],
                options(nostack, preserves_flags),
            );
        }
        csr & RAISED
    }

    /// TwoSum on eight lanes.
    #[target_feature(enable = "avx512f,avx512dq")]
    #[inline]
    fn two_sum8(a: __m512d, b: __m512d) -> (__m512d, __m512d) {
        let s = _mm512_add_pd(a, b);
        let bb = _mm512_sub_pd(s, a);
        let e = _mm512_add_pd(_mm512_sub_pd(a, _mm512_sub_pd(s, bb)), _mm512_sub_pd(b, bb));
        (s, e)
    }

    /// Adds `a` to eight enclosures `[hi, lo, err]` (as [`Enclosure::add`]).
    #[target_feature(enable = "avx512f,avx512dq")]
    #[inline]
    fn add8(enc: &mut [__m512d; 3], a: __m512d) {
        let (s, q) = two_sum8(enc[0], a);
        enc[0] = s;
        enc[1] = _mm512_add_pd(enc[1], q);
        let grow = _mm512_fmadd_pd(
            _mm512_abs_pd(enc[1]),
            _mm512_set1_pd(U),
            _mm512_set1_pd(ETA),
        );
        enc[2] = _mm512_add_pd(enc[2], grow);
    }

    /// One step: a register of products into lane group `j`.
    #[target_feature(enable = "avx512f,avx512dq")]
    #[inline]
    fn step(s: &mut __m512d, c: &mut __m512d, m: &mut __m512d, x: __m512d, y: __m512d) {
        let t = _mm512_fmadd_round_pd::<SAE>(x, y, *s);
        // The one step that must be exact: it raises the flags if not.
        let q = _mm512_sub_pd(t, *s);
        let r = _mm512_fmsub_round_pd::<SAE>(x, y, q);
        *c = _mm512_add_round_pd::<SAE>(*c, r);
        *m = _mm512_range_round_pd::<MAX_ABS, SAE>(*m, t);
        *s = t;
    }

    /// The kernel (see the module documentation).
    ///
    /// # Safety
    /// The CPU must support AVX-512F and AVX-512DQ; `x` and `y` have the
    /// same length.
    #[target_feature(enable = "avx512f,avx512dq")]
    pub(super) unsafe fn run(x: &[f64], y: &[f64]) -> Option<Enclosure> {
        let n = x.len();
        // A first partial step (a block of its own) of up to 7 elements,
        // so that the loads of `x` after it are aligned to 64 bytes (and
        // those of `y` if it is aligned alike, as is common): loads that
        // straddle two cache lines cost the kernel about a quarter.
        let head = if n >= 2 * LANES {
            (64 - x.as_ptr() as usize % 64) % 64 / 8
        } else {
            0
        };
        let full = (n - head) / LANES;
        let tail = (n - head) % LANES;
        let zero = _mm512_setzero_pd();
        // The sample (exceptions do not matter yet).
        let (mut max, mut sum) = (zero, zero);
        for o in (0..SAMPLE.min(n)).step_by(8) {
            let k: __mmask8 = ((1u32 << (n - o).min(8)) - 1) as u8;
            // SAFETY: the masked lanes are within `x[..n]` and `y[..n]`.
            let p = unsafe {
                _mm512_mul_pd(
                    _mm512_maskz_loadu_pd(k, x.as_ptr().add(o)),
                    _mm512_maskz_loadu_pd(k, y.as_ptr().add(o)),
                )
            };
            max = _mm512_range_pd::<MAX_ABS>(max, p);
            sum = _mm512_add_pd(sum, p);
        }
        let start = start_value(_mm512_reduce_max_pd(max), _mm512_reduce_add_pd(sum), n)?;
        let mut s = [_mm512_set1_pd(start); REGS];
        let mut c = [zero; REGS];
        let mut w = [zero; REGS];
        let mut m = [zero; REGS];
        let csr = mxcsr();
        // The bound assumes round to nearest and gradual underflow (no
        // flush-to-zero, no denormals-are-zero), as does the combination.
        if csr & MODES != 0 {
            return None;
        }
        // SAFETY: the caller's contract (the pointers are not touched).
        let (px, py) = unsafe { clear_flags(csr, x.as_ptr(), y.as_ptr()) };
        if head > 0 {
            let k: __mmask8 = ((1u32 << head) - 1) as u8;
            // SAFETY: the masked lanes are `x[..head]`, `y[..head]`.
            let (xv, yv) = unsafe { (_mm512_maskz_loadu_pd(k, px), _mm512_maskz_loadu_pd(k, py)) };
            step(&mut s[0], &mut c[0], &mut m[0], xv, yv);
            w[0] = _mm512_add_round_pd::<SAE>(w[0], _mm512_abs_pd(c[0]));
        }
        // SAFETY: `head <= n`.
        let (px, py) = unsafe { (px.add(head), py.add(head)) };
        let mut i = 0;
        while i < full {
            let end = (i + BLOCK_STEPS).min(full);
            for st in i..end {
                for j in 0..REGS {
                    // SAFETY: `st < full`: elements up to `head + LANES * full
                    // <= n`.
                    let (xv, yv) = unsafe {
                        let o = st * LANES + 8 * j;
                        (_mm512_loadu_pd(px.add(o)), _mm512_loadu_pd(py.add(o)))
                    };
                    step(&mut s[j], &mut c[j], &mut m[j], xv, yv);
                }
            }
            for j in 0..REGS {
                w[j] = _mm512_add_round_pd::<SAE>(w[j], _mm512_abs_pd(c[j]));
            }
            i = end;
        }
        if tail > 0 {
            // The last partial step, a block of its own: zeros elsewhere
            // (`0 * 0 + S` leaves every lane as it was).
            for j in 0..REGS {
                let have = tail.saturating_sub(8 * j).min(8);
                let k: __mmask8 = ((1u32 << have) - 1) as u8;
                // SAFETY: the masked lanes are within `x[head + LANES *
                // full..n]`.
                let (xv, yv) = unsafe {
                    let o = full * LANES + 8 * j;
                    (
                        _mm512_maskz_loadu_pd(k, px.add(o)),
                        _mm512_maskz_loadu_pd(k, py.add(o)),
                    )
                };
                step(&mut s[j], &mut c[j], &mut m[j], xv, yv);
            }
            for j in 0..REGS {
                w[j] = _mm512_add_round_pd::<SAE>(w[j], _mm512_abs_pd(c[j]));
            }
        }
        let raised = flags_after(&[s, c, w, m]);
        set_mxcsr(csr);
        if raised != 0 {
            return None;
        }
        // Any infinity or NaN left in a lane makes `v * 0` NaN.
        let mut special = zero;
        for j in 0..REGS {
            for v in [s[j], c[j], w[j], m[j]] {
                special = _mm512_add_pd(special, _mm512_mul_pd(v, zero));
            }
        }
        if _mm512_cmpeq_pd_mask(special, zero) != 0xff {
            return None;
        }
        let max = _mm512_reduce_max_pd(_mm512_max_pd(
            _mm512_max_pd(m[0], m[1]),
            _mm512_max_pd(m[2], m[3]),
        ));
        let wsum = _mm512_reduce_add_pd(_mm512_add_pd(
            _mm512_add_pd(w[0], w[1]),
            _mm512_add_pd(w[2], w[3]),
        ));
        // Eight enclosures side by side, as `Enclosure::add` does, then one.
        let mut enc8 = [zero; 3];
        let neg_start = _mm512_set1_pd(-start);
        for j in 0..REGS {
            let (d, e) = two_sum8(s[j], neg_start);
            for a in [d, e, c[j]] {
                add8(&mut enc8, a);
            }
        }
        let mut lanes = [[0f64; 8]; 3];
        for (out, v) in lanes.iter_mut().zip(enc8) {
            // SAFETY: `out` is 8 f64s.
            unsafe { _mm512_storeu_pd(out.as_mut_ptr(), v) };
        }
        let [hi, lo, err] = lanes;
        let mut enc = Enclosure::ZERO;
        for l in 0..8 {
            enc.add(hi[l]);
            enc.add(lo[l]);
            enc.err += err[l];
        }
        enc.err += kernel_bound(
            max,
            wsum,
            full,
            usize::from(head > 0) + usize::from(tail > 0),
        );
        Some(enc)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exact::exact_reduce;
    use oxpar_core::exact::{ExactSum, Reduction};

    /// A deterministic stream of random numbers (xorshift).
    struct Rng(u64);

    impl Rng {
        fn bits(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }
        /// Uniform in [0, 1).
        fn unit(&mut self) -> f64 {
            (self.bits() >> 11) as f64 / (1u64 << 53) as f64
        }
        /// Uniform in [-1, 1).
        fn sym(&mut self) -> f64 {
            2.0 * self.unit() - 1.0
        }
        /// Standard normal (Box-Muller).
        fn normal(&mut self) -> f64 {
            let u = 1.0 - self.unit();
            (-2.0 * u.ln()).sqrt() * (std::f64::consts::TAU * self.unit()).cos()
        }
    }

    /// The exact kernels' answer (the fallback), rounded.
    fn exact(x: &[f64], y: &[f64]) -> f64 {
        let mut acc = ExactSum::new();
        exact_reduce(
            Reduction::Dot,
            VecRef::from_slice(x),
            Some(VecRef::from_slice(y)),
            &mut acc,
        );
        acc.round_f64()
    }

    /// The certified path's answer, whole and split in `parts` merged
    /// enclosures (as threads do); asserts both agree with the exact one
    /// bit for bit where they are certified. Returns whether the whole was.
    fn check(x: &[f64], y: &[f64], what: &str) -> bool {
        let want = exact(x, y);
        let got = dot_f64(x, y).and_then(|e| e.round());
        if let Some(v) = got {
            assert_eq!(
                v.to_bits(),
                want.to_bits(),
                "{what} n={}: {v:e} vs {want:e}",
                x.len()
            );
        }
        for parts in [2, 3] {
            let n = x.len();
            let mut enc = Some(Enclosure::ZERO);
            for p in 0..parts {
                let r = n * p / parts..n * (p + 1) / parts;
                let part = dot_f64(&x[r.clone()], &y[r]);
                enc = enc.and_then(|e| Some(e.merge(part?)));
            }
            if let Some(v) = enc.and_then(|e| e.round()) {
                assert_eq!(v.to_bits(), want.to_bits(), "{what} n={n} in {parts} parts");
            }
        }
        got.is_some()
    }

    /// Lengths around the vector widths, the block size and beyond.
    const SIZES: [usize; 22] = [
        1, 2, 7, 8, 9, 31, 32, 33, 63, 64, 65, 255, 256, 257, 4095, 4096, 4097, 4127, 8193, 10_000,
        65_537, 100_000,
    ];

    /// Uniform, normal and mixed-scale random data: bit for bit, and
    /// certified (no fallback) every time.
    #[test]
    fn random_data_is_certified_and_exact() {
        if !available() {
            return;
        }
        let mut rng = Rng(0x2545_f491_4f6c_dd1d);
        let mut fallbacks = 0;
        let mut runs = 0;
        for &n in &SIZES {
            for kind in 0..5 {
                for _ in 0..3 {
                    let (x, y): (Vec<f64>, Vec<f64>) = (0..n)
                        .map(|_| match kind {
                            0 => (rng.sym(), rng.sym()),
                            1 => (rng.normal(), rng.normal()),
                            2 => (rng.unit(), rng.sym()),
                            // Mixed signs and scales over 40 binades.
                            3 => {
                                let e = (rng.bits() % 40) as i32 - 20;
                                (rng.sym() * 2f64.powi(e), rng.normal())
                            }
                            // Scaled far up and far down.
                            _ => (rng.sym() * 1e150, rng.sym() * 1e-140),
                        })
                        .unzip();
                    runs += 1;
                    if !check(&x, &y, &format!("kind {kind}")) {
                        fallbacks += 1;
                    }
                }
            }
        }
        eprintln!("random data: {fallbacks} of {runs} fell back");
        assert_eq!(fallbacks, 0, "{fallbacks} of {runs} random cases fell back");
    }

    /// Under flush-to-zero, denormals-are-zero or another rounding mode
    /// (set by some other library in the process) the kernel gives up.
    #[test]
    #[cfg(target_arch = "x86_64")]
    #[allow(deprecated)]
    fn unusual_fp_modes_fall_back() {
        if !available() {
            return;
        }
        use std::arch::x86_64::{_mm_getcsr, _mm_setcsr};
        let x: Vec<f64> = (0..1000).map(|i| (i as f64).sin()).collect();
        assert!(dot_f64(&x, &x).is_some());
        for mode in [0x8000, 0x0040, 0x2000, 0x4000, 0x6000] {
            // SAFETY: sets and restores the MXCSR's mode bits around a call
            // that reads them.
            let got = unsafe {
                let saved = _mm_getcsr();
                _mm_setcsr(saved | mode);
                let got = dot_f64(&x, &x);
                _mm_setcsr(saved);
                got
            };
            assert!(got.is_none(), "mode {mode:#x}");
        }
    }

    /// Many short random vectors of every dynamic range, with cancelling
    /// pairs mixed in: bit for bit wherever certified.
    #[test]
    fn random_dynamic_ranges_are_exact_where_certified() {
        if !available() {
            return;
        }
        let mut rng = Rng(0xdead_beef_cafe_f00d);
        let mut certified = 0;
        let cases = 3000;
        for case in 0..cases {
            let n = 1 + (rng.bits() % 300) as usize;
            let binades = [1, 4, 20, 60, 200, 600][case % 6];
            let centre = [0, -300, 300, -900][(case / 6) % 4];
            let value = |rng: &mut Rng| {
                let e = (rng.bits() % binades) as i32 - binades as i32 / 2 + centre / 2;
                rng.sym() * 2f64.powi(e)
            };
            let mut x: Vec<f64> = (0..n).map(|_| value(&mut rng)).collect();
            let y: Vec<f64> = (0..n).map(|_| value(&mut rng)).collect();
            if case % 5 == 0 {
                // Cancelling pairs: the result far below the terms.
                for i in (1..n).step_by(2) {
                    x[i] = -x[i - 1] * (y[i - 1] / y[i]);
                }
            }
            certified += usize::from(check(&x, &y, &format!("case {case}")));
        }
        eprintln!("dynamic ranges: {certified} of {cases} certified");
        assert!(certified > cases / 3);
    }

    /// Every alignment of `x` and `y` (the first partial step that aligns
    /// `x` takes 0 to 7 elements), around the lengths that have one.
    #[test]
    fn every_alignment_is_certified_and_exact() {
        if !available() {
            return;
        }
        let mut rng = Rng(31337);
        let big: Vec<f64> = (0..5000).map(|_| rng.sym()).collect();
        let other: Vec<f64> = (0..5000).map(|_| rng.normal()).collect();
        for &n in &[63usize, 64, 65, 71, 100, 4097, 4100] {
            for ox in 0..8 {
                for oy in [0, 3, ox] {
                    let (x, y) = (&big[ox..ox + n], &other[oy..oy + n]);
                    assert!(
                        check(x, y, &format!("offsets {ox} {oy}")),
                        "n={n} {ox} {oy}"
                    );
                }
            }
        }
    }

    /// `x . x` and `x . -x`: partial sums that drift one way.
    #[test]
    fn drifting_sums_are_certified() {
        if !available() {
            return;
        }
        let mut rng = Rng(77);
        for &n in &SIZES {
            let x: Vec<f64> = (0..n).map(|_| rng.sym()).collect();
            let neg: Vec<f64> = x.iter().map(|v| -v).collect();
            assert!(check(&x, &x, "x.x"), "x.x n={n}");
            assert!(check(&x, &neg, "x.-x"), "x.-x n={n}");
        }
    }

    /// Ogita, Rump and Oishi's GenDot (Algorithm 6.1): vectors of length
    /// `n` whose dot product has about the condition number `c`.
    fn gen_dot(rng: &mut Rng, n: usize, c: f64) -> (Vec<f64>, Vec<f64>) {
        let n2 = n / 2;
        let b = c.log2();
        let mut x = vec![0f64; n];
        let mut y = vec![0f64; n];
        let mut e: Vec<i32> = (0..n2)
            .map(|_| (rng.unit() * b / 2.0).round() as i32)
            .collect();
        e[0] = (b / 2.0).round() as i32 + 1;
        e[n2 - 1] = 0;
        // `acc` is the exact sum of the products so far (the algorithm's
        // dot of the first `i` elements, kept running: O(n), not O(n^2)).
        let mut acc = ExactSum::new();
        for i in 0..n2 {
            x[i] = rng.sym() * 2f64.powi(e[i]);
            y[i] = rng.sym() * 2f64.powi(e[i]);
            acc.add_product_f64(x[i], y[i]);
        }
        for i in n2..n {
            let ei = (b / 2.0 * (1.0 - (i - n2) as f64 / (n - n2) as f64)).round() as i32;
            x[i] = rng.sym() * 2f64.powi(ei);
            y[i] = (rng.sym() * 2f64.powi(ei) - acc.round_f64()) / x[i];
            acc.add_product_f64(x[i], y[i]);
        }
        // A random permutation.
        for i in (1..n).rev() {
            let j = (rng.bits() % (i as u64 + 1)) as usize;
            x.swap(i, j);
            y.swap(i, j);
        }
        (x, y)
    }

    /// Ill-conditioned data: bit for bit where certified; beyond what a
    /// twice-the-working-precision result can resolve, never certified.
    #[test]
    fn ill_conditioned_data_is_exact_or_falls_back() {
        if !available() {
            return;
        }
        let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
        for exp in [4, 6, 8, 10, 15, 20, 25, 30, 35, 40] {
            let mut certified_count = 0;
            for &n in &[40usize, 100, 1000, 5000] {
                for _ in 0..4 {
                    let (x, y) = gen_dot(&mut rng, n, 10f64.powi(exp));
                    let certified = check(&x, &y, &format!("cond 1e{exp}"));
                    if exp >= 30 {
                        assert!(!certified, "cond 1e{exp} n={n} was certified");
                    }
                    certified_count += usize::from(certified);
                }
            }
            eprintln!("GenDot cond 1e{exp}: {certified_count} of 16 certified");
        }
    }

    /// Exact sums on a midpoint between two doubles (ties) are never
    /// certified; just off the midpoint they are, and round correctly.
    #[test]
    fn ties_fall_back_and_near_ties_round_correctly() {
        if !available() {
            return;
        }
        let mut rng = Rng(5);
        for &n in &SIZES {
            if n < 4 {
                continue;
            }
            for (offset, tie) in [
                (0.0, true),
                (2f64.powi(-10), false),
                (-(2f64.powi(-10)), false),
            ] {
                for base in [1.0, 3.0, -5.0, 2f64.powi(40)] {
                    // Cancelling pairs around `base + half an ulp (+ offset)`.
                    let mut x = vec![0f64; n];
                    let mut y = vec![0f64; n];
                    for i in (0..n - 3).step_by(2) {
                        let v = rng.sym();
                        let w = rng.normal();
                        x[i] = v;
                        y[i] = w;
                        if i + 1 < n - 3 {
                            x[i + 1] = -v;
                            y[i + 1] = w;
                        }
                    }
                    let ulp = base.abs().next_up() - base.abs();
                    let k = n - 3;
                    let (a, b, c) = (base, ulp / 2.0, offset * ulp);
                    x[k..].copy_from_slice(&[a, b, c]);
                    y[k..].copy_from_slice(&[1.0, 1.0, 1.0]);
                    // The pairs must cancel exactly for a tie: drop an
                    // unpaired element.
                    if (n - 3) % 2 == 1 {
                        x[n - 4] = 0.0;
                    }
                    // Shuffle so the tie's parts land in different lanes.
                    for i in (1..n).rev() {
                        let j = (rng.bits() % (i as u64 + 1)) as usize;
                        x.swap(i, j);
                        y.swap(i, j);
                    }
                    let certified = check(&x, &y, &format!("tie {tie} base {base}"));
                    if tie {
                        assert!(!certified, "a tie was certified: n={n} base={base}");
                    } else if base.abs() < 8.0 {
                        // (A far larger base than the pairs may miss the
                        // sample that places `S_0`: then it falls back.)
                        assert!(certified, "a near tie fell back: n={n} base={base}");
                    }
                }
            }
        }
    }

    /// Products near and below the underflow limit, overflow, NaN,
    /// infinities, zeros and the empty vector: bit for bit where certified,
    /// and never certified where the exact answer is not a finite, normal
    /// number.
    #[test]
    fn extreme_data_is_exact_or_falls_back() {
        if !available() {
            return;
        }
        let mut rng = Rng(99);
        assert_eq!(dot_f64(&[], &[]).and_then(|e| e.round()), None);
        for &n in &SIZES {
            for case in 0..9 {
                let mut x: Vec<f64> = (0..n).map(|_| rng.sym()).collect();
                let mut y: Vec<f64> = (0..n).map(|_| rng.normal()).collect();
                let k = (rng.bits() % n as u64) as usize;
                match case {
                    // Subnormal products (and their error terms).
                    0 => x.iter_mut().for_each(|v| *v *= 1e-160),
                    1 => x.iter_mut().zip(&mut y).for_each(|(v, w)| {
                        *v *= 1e-150;
                        *w *= 1e-150;
                    }),
                    // One tiny product among ordinary ones.
                    2 => x[k] = 1e-300,
                    // Products that overflow.
                    3 => x.iter_mut().for_each(|v| *v *= 1e300),
                    4 => x[k] = f64::NAN,
                    5 => x[k] = f64::INFINITY,
                    6 => x.iter_mut().for_each(|v| *v = 0.0),
                    // Rising magnitudes: the sample underestimates.
                    7 => x
                        .iter_mut()
                        .enumerate()
                        .for_each(|(i, v)| *v *= 2f64.powi((i / 64) as i32)),
                    // One huge value late in the vector.
                    _ => x[k] = 1e30,
                }
                let want = exact(&x, &y);
                let certified = check(&x, &y, &format!("case {case}"));
                if !want.is_normal() {
                    assert!(!certified, "case {case} n={n}: {want:e} was certified");
                }
            }
        }
    }
}
