//! Exact accumulation and correct rounding: the heart of reproducible mode.
//!
//! [`ExactSum`] holds a sum of floating-point numbers (and of exact products
//! of two of them) with no rounding at all, as a fixed-point integer that
//! spans every bit a product of two `f64` can have, the way Kulisch's long
//! accumulator does (U. Kulisch, *Computer Arithmetic and Validity*, de
//! Gruyter 2013; the layout follows the superaccumulators of ExBLAS: S.
//! Collange, D. Defour, S. Graillat, R. Iakymchuk, "Numerical reproducibility
//! for the parallel reduction on multi- and many-core architectures",
//! Parallel Computing 49, 2015).
//!
//! Because nothing is rounded until the very end, two accumulators can be
//! merged in any order and any grouping with the same result: the sum over
//! threads, ranks or work-groups is the same integer however the vector was
//! split. Rounding that integer once, to nearest with ties to even, gives the
//! *correctly rounded* sum, which is then reproducible by definition: it is a
//! function of the mathematical value alone. [`ExactSum::sqrt_f64`] rounds
//! the square root of the exact sum correctly too (for `nrm2`).
//!
//! Layout: [`LIMBS`] signed 64-bit limbs; limb `i` weighs `2^(32 i + LOW_BIT)`
//! and, once normalized, holds a digit in `0..2^32` (the top limb holds the
//! sign). The 32 spare bits of every limb absorb carries, so 2^30 deposits
//! go in before a carry pass ([`ExactSum::normalize`]) is needed, and
//! 2^31 normalized accumulators (MPI ranks, say) can be added limb by limb.
//!
//! Infinities and NaNs are counted beside the integer: IEEE rules apply to
//! them (`inf - inf` and `inf * 0` are NaN), while finite products never
//! overflow or underflow here: `1e200 * 1e200 - 1e200 * 1e200` is exactly 0.

use std::cmp::Ordering;

use crate::scalar::{DType, Element, Scalar};
use crate::view::VecRef;

/// Weight of bit 0 of limb 0: `2^LOW_BIT`, at or below the smallest product
/// of two `f64` (`2^-1074 * 2^-1074 = 2^-2148`), on a 32-bit boundary.
pub const LOW_BIT: i32 = -2176;

/// Number of limbs: from `2^LOW_BIT` past the largest product of two `f64`
/// (below `2^2048`) with room for 2^64 of them (`2^2112`) and spare limbs.
pub const LIMBS: usize = 140;

/// Words in the flat form ([`ExactSum::to_words`]): the limbs, then the
/// counts of NaNs, `+inf` and `-inf`.
pub const WORDS: usize = LIMBS + 3;

/// Deposits allowed between carry passes: each changes a limb by less than
/// 2^32, so limbs stay below 2^62 in magnitude.
const CARRY_ROOM: u32 = 1 << 30;

/// Which reduction a reproducible routine computes.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum Reduction {
    /// `sum x_i`.
    Sum,
    /// `sum |x_i|`.
    Asum,
    /// `sum x_i * y_i`.
    Dot,
    /// `sum x_i^2` (the square of `nrm2`).
    SumSq,
}

impl Reduction {
    /// Whether the reduction reads a second vector.
    pub fn needs_y(self) -> bool {
        self == Reduction::Dot
    }
}

/// Adds the reduction `what` of `x` (and `y` for [`Reduction::Dot`]) into a
/// new accumulator element by element: the reference the fast kernels are
/// tested against, and the path of backends without one.
pub fn reduce_elementwise<T: Scalar>(
    what: Reduction,
    x: VecRef<'_, T>,
    y: VecRef<'_, T>,
) -> ExactSum {
    let mut acc = ExactSum::new();
    acc.add_reduction(what, x, y);
    acc
}

/// Adds the reduction `what` of `x` (and `y` for [`Reduction::Dot`]) into
/// one new accumulator per component, `[real, imaginary]`, element by
/// element, `x` conjugated when `conj` (see
/// [`crate::Level1::reduce_exact_parts`]): a complex product's part is two
/// exact real products; `Asum` and `SumSq` fill the first accumulator.
pub fn reduce_parts_elementwise<T: Element>(
    what: Reduction,
    conj: bool,
    x: VecRef<'_, T>,
    y: VecRef<'_, T>,
) -> [ExactSum; 2] {
    let (mut re, mut im) = (ExactSum::new(), ExactSum::new());
    let complex = T::DTYPE.is_complex();
    for i in 0..x.len() {
        let v = x.get(i);
        let (a, ai) = (v.re().as_f64(), v.im().as_f64());
        let ai = if conj { -ai } else { ai };
        match what {
            Reduction::Sum => {
                re.add_f64(a);
                im.add_f64(ai);
            }
            Reduction::Asum => {
                re.add_f64(a.abs());
                re.add_f64(ai.abs());
            }
            Reduction::SumSq => {
                re.add_product_f64(a, a);
                re.add_product_f64(ai, ai);
            }
            Reduction::Dot => {
                let w = y.get(i);
                let (b, bi) = (w.re().as_f64(), w.im().as_f64());
                re.add_product_f64(a, b);
                if complex {
                    re.add_product_f64(-ai, bi);
                    im.add_product_f64(a, bi);
                    im.add_product_f64(ai, b);
                }
            }
        }
    }
    [re, im]
}

/// The accumulator's sum correctly rounded to `T`.
pub fn round_to<T: Scalar>(acc: &ExactSum) -> T {
    // A Scalar is f32 or f64: no complex tag reaches here.
    if T::DTYPE == DType::F32 {
        T::from_f64(acc.round_f32() as f64)
    } else {
        T::from_f64(acc.round_f64())
    }
}

/// The square root of the accumulator's sum correctly rounded to `T`.
pub fn sqrt_to<T: Scalar>(acc: &ExactSum) -> T {
    // A Scalar is f32 or f64: no complex tag reaches here.
    if T::DTYPE == DType::F32 {
        T::from_f64(acc.sqrt_f32() as f64)
    } else {
        T::from_f64(acc.sqrt_f64())
    }
}

/// An exact sum of floating-point numbers and products (see the module
/// documentation).
#[derive(Clone, PartialEq, Eq)]
pub struct ExactSum {
    limbs: [i64; LIMBS],
    /// Deposits since the last carry pass.
    pending: u32,
    nan: u64,
    pos_inf: u64,
    neg_inf: u64,
}

impl Default for ExactSum {
    fn default() -> Self {
        ExactSum::new()
    }
}

impl std::fmt::Debug for ExactSum {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ExactSum")
            .field("approx", &self.round_f64())
            .field("nan", &self.nan)
            .field("pos_inf", &self.pos_inf)
            .field("neg_inf", &self.neg_inf)
            .finish()
    }
}

/// `v`'s sign, integer significand and the exponent of its last bit, so that
/// `v = (-1)^neg * m * 2^e` (`v` finite; subnormals included).
#[inline]
fn decompose_f64(v: f64) -> (bool, u64, i32) {
    let bits = v.to_bits();
    let neg = bits >> 63 != 0;
    let biased = ((bits >> 52) & 0x7ff) as i32;
    let frac = bits & ((1u64 << 52) - 1);
    if biased == 0 {
        (neg, frac, -1074)
    } else {
        (neg, frac | (1u64 << 52), biased - 1075)
    }
}

impl ExactSum {
    /// Zero.
    pub const fn new() -> Self {
        ExactSum {
            limbs: [0; LIMBS],
            pending: 0,
            nan: 0,
            pos_inf: 0,
            neg_inf: 0,
        }
    }

    /// Adds `v` exactly.
    #[inline]
    pub fn add_f64(&mut self, v: f64) {
        if !v.is_finite() {
            self.count_special(v);
            return;
        }
        let (neg, m, e) = decompose_f64(v);
        self.deposit(neg, m as u128, e);
    }

    /// Adds `x * y` exactly (no rounding, overflow or underflow). IEEE rules
    /// decide the non-finite cases: a NaN operand or `inf * 0` adds a NaN,
    /// `inf` times a nonzero number an infinity of the product's sign.
    #[inline]
    pub fn add_product_f64(&mut self, x: f64, y: f64) {
        if !x.is_finite() || !y.is_finite() {
            self.count_special(x * y);
            return;
        }
        let (nx, mx, ex) = decompose_f64(x);
        let (ny, my, ey) = decompose_f64(y);
        self.deposit(nx != ny, mx as u128 * my as u128, ex + ey);
    }

    /// Adds `m * 2^exp` exactly, for kernels that gather many numbers into
    /// one integer first. `exp` must keep the value inside the accumulator's
    /// range (`exp >= LOW_BIT`, `|m| * 2^exp < 2^2100`).
    #[inline]
    pub fn add_scaled_i64(&mut self, m: i64, exp: i32) {
        if m != 0 {
            self.deposit(m < 0, m.unsigned_abs() as u128, exp);
        }
    }

    /// Adds the reduction `what` of `x` (and `y` for [`Reduction::Dot`]; not
    /// read otherwise) element by element. Lengths must match for `Dot`.
    pub fn add_reduction<T: Scalar>(
        &mut self,
        what: Reduction,
        x: VecRef<'_, T>,
        y: VecRef<'_, T>,
    ) {
        let wide = T::DTYPE == DType::F32;
        for i in 0..x.len() {
            let a = x.get(i).as_f64();
            match what {
                Reduction::Sum => self.add_f64(a),
                Reduction::Asum => self.add_f64(a.abs()),
                // Products of two f32 are exact in f64.
                Reduction::Dot if wide => self.add_f64(a * y.get(i).as_f64()),
                Reduction::Dot => self.add_product_f64(a, y.get(i).as_f64()),
                Reduction::SumSq if wide => self.add_f64(a * a),
                Reduction::SumSq => self.add_product_f64(a, a),
            }
        }
    }

    /// Adds another accumulator (exact; any order gives the same result).
    pub fn merge(&mut self, other: &ExactSum) {
        let mut other = other.clone();
        other.normalize();
        if self.pending >= CARRY_ROOM - 1 {
            self.normalize();
        }
        for (a, b) in self.limbs.iter_mut().zip(other.limbs.iter()) {
            *a += b;
        }
        self.pending += 1;
        self.nan += other.nan;
        self.pos_inf += other.pos_inf;
        self.neg_inf += other.neg_inf;
    }

    fn count_special(&mut self, v: f64) {
        if v.is_nan() {
            self.nan += 1;
        } else if v > 0.0 {
            self.pos_inf += 1;
        } else {
            self.neg_inf += 1;
        }
    }

    /// Adds or subtracts `m * 2^e` (`m < 2^128`, at most 128 significant bits).
    #[inline]
    fn deposit(&mut self, neg: bool, m: u128, e: i32) {
        if m == 0 {
            return;
        }
        if self.pending >= CARRY_ROOM {
            self.normalize();
        }
        self.pending += 1;
        let offset = (e - LOW_BIT) as usize;
        let (index, shift) = (offset / 32, offset % 32);
        // m << shift spans at most 160 bits: five 32-bit digits.
        let low = m << shift;
        let high = if shift == 0 {
            0
        } else {
            (m >> (128 - shift)) as u64
        };
        let digits = [
            low as u32,
            (low >> 32) as u32,
            (low >> 64) as u32,
            (low >> 96) as u32,
            high as u32,
        ];
        let limbs = &mut self.limbs[index..index + 5];
        if neg {
            for (limb, d) in limbs.iter_mut().zip(digits) {
                *limb -= d as i64;
            }
        } else {
            for (limb, d) in limbs.iter_mut().zip(digits) {
                *limb += d as i64;
            }
        }
    }

    /// Propagates carries so that every limb but the top one holds a digit
    /// in `0..2^32` (the value is unchanged).
    pub fn normalize(&mut self) {
        // A sum touches few limbs: zero limbs below the lowest nonzero one
        // carry nothing, and above the highest one only the carry moves on,
        // which settles to 0 (they stay zero) or -1 (they all become
        // 0xffff_ffff and the top limb takes the -1). The full carry chain
        // over all the limbs cost a good part of a short reduction.
        let top = LIMBS - 1;
        self.pending = 0;
        let Some(low) = self.limbs[..top].iter().position(|&l| l != 0) else {
            return;
        };
        let high = self.limbs[..top]
            .iter()
            .rposition(|&l| l != 0)
            .unwrap_or(low);
        let mut carry = 0i64;
        let mut i = low;
        while i < top && (i <= high || (carry != 0 && carry != -1)) {
            let v = self.limbs[i] + carry;
            carry = v >> 32;
            self.limbs[i] = v & 0xffff_ffff;
            i += 1;
        }
        if carry == -1 {
            self.limbs[i..top].fill(0xffff_ffff);
        }
        self.limbs[top] += carry;
    }

    /// The flat form, for sending through MPI or OpenCL: the normalized limbs
    /// then the counts of NaNs, `+inf` and `-inf`. Adding the flat forms of
    /// up to 2^31 accumulators word by word gives the flat form of their sum.
    pub fn to_words(&self) -> [i64; WORDS] {
        let mut n = self.clone();
        n.normalize();
        let mut out = [0i64; WORDS];
        out[..LIMBS].copy_from_slice(&n.limbs);
        out[LIMBS] = n.nan as i64;
        out[LIMBS + 1] = n.pos_inf as i64;
        out[LIMBS + 2] = n.neg_inf as i64;
        out
    }

    /// An accumulator from a flat form ([`ExactSum::to_words`], or a
    /// word-by-word sum of several). `None` if `words` has the wrong length or
    /// negative special counts.
    pub fn from_words(words: &[i64]) -> Option<ExactSum> {
        if words.len() != WORDS || words[LIMBS..].iter().any(|&w| w < 0) {
            return None;
        }
        let mut s = ExactSum::new();
        s.limbs.copy_from_slice(&words[..LIMBS]);
        // Limbs below 2^62 in magnitude carry without overflow.
        if s.limbs.iter().any(|l| l.unsigned_abs() >= 1 << 62) {
            return None;
        }
        s.normalize();
        s.nan = words[LIMBS] as u64;
        s.pos_inf = words[LIMBS + 1] as u64;
        s.neg_inf = words[LIMBS + 2] as u64;
        Some(s)
    }

    /// Number of NaNs added (directly or as `inf * 0`, `NaN * y`).
    pub fn nans(&self) -> u64 {
        self.nan
    }

    /// Number of `+inf` and of `-inf` added.
    pub fn infinities(&self) -> (u64, u64) {
        (self.pos_inf, self.neg_inf)
    }

    /// The sign of the finite part: `Less`, `Equal` or `Greater` than zero.
    pub fn signum(&self) -> Ordering {
        let mut n = self.clone();
        n.normalize();
        n.finite_sign()
    }

    /// Sign of a normalized accumulator's integer.
    fn finite_sign(&self) -> Ordering {
        if self.limbs[LIMBS - 1] < 0 {
            Ordering::Less
        } else if self.limbs.iter().any(|&l| l != 0) {
            Ordering::Greater
        } else {
            Ordering::Equal
        }
    }

    /// The non-finite result IEEE arithmetic would give, if any: NaN when a
    /// NaN was added or both infinities were, else the infinity added.
    fn special(&self) -> Option<f64> {
        if self.nan > 0 || (self.pos_inf > 0 && self.neg_inf > 0) {
            Some(f64::NAN)
        } else if self.pos_inf > 0 {
            Some(f64::INFINITY)
        } else if self.neg_inf > 0 {
            Some(f64::NEG_INFINITY)
        } else {
            None
        }
    }

    /// The magnitude of the finite part (normalized, top limb non-negative)
    /// and whether it is negative.
    fn magnitude(&self) -> (Magnitude, bool) {
        let mut n = self.clone();
        n.normalize();
        let neg = n.limbs[LIMBS - 1] < 0;
        if neg {
            // Negate the limbs as they were, not the normalized ones: those
            // are 0xffff_ffff all the way up, which would make the carry
            // pass run over every limb.
            n.limbs = self.limbs.map(|l| -l);
            n.normalize();
        }
        (Magnitude { limbs: n.limbs }, neg)
    }

    /// The sum correctly rounded to `f64` (to nearest, ties to even; beyond
    /// the largest finite `f64` it is an infinity). An exact zero is `+0.0`.
    pub fn round_f64(&self) -> f64 {
        if let Some(s) = self.special() {
            return s;
        }
        let (mag, neg) = self.magnitude();
        let v = mag.round(&F64_FORMAT);
        if neg {
            -v
        } else {
            v
        }
    }

    /// The sum correctly rounded to `f32` (directly from the exact value:
    /// no double rounding through `f64`).
    pub fn round_f32(&self) -> f32 {
        if let Some(s) = self.special() {
            return s as f32;
        }
        let (mag, neg) = self.magnitude();
        // The rounded value is an f32, so it converts from f64 exactly.
        let v = mag.round(&F32_FORMAT) as f32;
        if neg {
            -v
        } else {
            v
        }
    }

    /// The square root of the sum correctly rounded to `f64`, for `nrm2`:
    /// NaN if a NaN was added or the finite sum is negative (never the case
    /// for sums of squares), else `+inf` if an infinity was added.
    pub fn sqrt_f64(&self) -> f64 {
        self.sqrt_in(&F64_FORMAT)
    }

    /// The square root of the sum correctly rounded to `f32`.
    pub fn sqrt_f32(&self) -> f32 {
        self.sqrt_in(&F32_FORMAT) as f32
    }

    fn sqrt_in(&self, format: &Format) -> f64 {
        if self.nan > 0 {
            return f64::NAN;
        }
        if self.neg_inf > 0 {
            return f64::NAN;
        }
        if self.pos_inf > 0 {
            return f64::INFINITY;
        }
        let (mag, neg) = self.magnitude();
        if neg {
            return f64::NAN;
        }
        mag.sqrt(self, format)
    }
}

/// A binary floating-point format to round into.
struct Format {
    /// Significand bits, the hidden one included.
    precision: i32,
    /// Exponent of the smallest normal number.
    emin: i32,
    /// Exponent of the largest finite number's leading bit.
    emax: i32,
}

const F64_FORMAT: Format = Format {
    precision: 53,
    emin: -1022,
    emax: 1023,
};

const F32_FORMAT: Format = Format {
    precision: 24,
    emin: -126,
    emax: 127,
};

/// A non-negative normalized accumulator integer.
struct Magnitude {
    limbs: [i64; LIMBS],
}

impl Magnitude {
    /// Position (from bit 0 of limb 0) of the leading one, or `None` for 0.
    fn leading_bit(&self) -> Option<i32> {
        let top = self.limbs.iter().rposition(|&l| l != 0)?;
        let digit = self.limbs[top] as u64;
        Some(top as i32 * 32 + 63 - digit.leading_zeros() as i32)
    }

    /// Bit `pos` (0 below the accumulator).
    fn bit(&self, pos: i32) -> bool {
        if pos < 0 {
            return false;
        }
        let (i, b) = ((pos / 32) as usize, pos % 32);
        i < LIMBS && (self.limbs[i] >> b) & 1 == 1
    }

    /// Bits `pos..pos + 64` as an integer (bits outside the accumulator are 0).
    fn bits_from(&self, pos: i32) -> u64 {
        // The three digits holding those bits, as one 96-bit window.
        let digit = |i: i32| -> u128 {
            if (0..LIMBS as i32).contains(&i) {
                self.limbs[i as usize] as u32 as u128
            } else {
                0
            }
        };
        let (i, b) = (pos.div_euclid(32), pos.rem_euclid(32));
        let window = digit(i) | digit(i + 1) << 32 | digit(i + 2) << 64;
        (window >> b) as u64
    }

    /// Whether any bit below `pos` is set.
    fn any_below(&self, pos: i32) -> bool {
        if pos <= 0 {
            return false;
        }
        let (i, b) = ((pos / 32) as usize, pos % 32);
        let i = i.min(LIMBS);
        self.limbs[..i].iter().any(|&l| l != 0)
            || (i < LIMBS && b > 0 && self.limbs[i] & ((1i64 << b) - 1) != 0)
    }

    /// The value rounded to nearest (ties to even) in `format`, as an `f64`
    /// holding that format's number exactly (or an infinity).
    fn round(&self, format: &Format) -> f64 {
        let Some(lead) = self.leading_bit() else {
            return 0.0;
        };
        let exponent = lead + LOW_BIT;
        // The last bit kept: `precision` bits from the leading one, or the
        // subnormal quantum, whichever is coarser.
        let quantum = (exponent - format.precision + 1).max(format.emin - format.precision + 1);
        let pos = quantum - LOW_BIT;
        let mut m = self.bits_from(pos) & ((1u64 << (format.precision + 1)) - 1);
        let guard = self.bit(pos - 1);
        let sticky = self.any_below(pos - 1);
        if guard && (sticky || m & 1 == 1) {
            m += 1;
        }
        scale(m, quantum, format)
    }

    /// The square root of the value (the accumulator `exact` holds the same
    /// value) correctly rounded in `format`.
    fn sqrt(&self, exact: &ExactSum, format: &Format) -> f64 {
        let Some(lead) = self.leading_bit() else {
            return 0.0;
        };
        let exponent = lead + LOW_BIT;
        // value in [2^E, 2^(E+1)) puts its root in [2^floor(E/2), 2^(floor(E/2)+1)).
        let root_exponent = exponent.div_euclid(2);
        if root_exponent > format.emax {
            return f64::INFINITY;
        }
        let quantum =
            (root_exponent - format.precision + 1).max(format.emin - format.precision + 1);
        // First guess from the leading 64 bits: value ~ top * 2^(lead_pos).
        let top_pos = (lead - 63).max(0);
        let top = self.bits_from(top_pos) as f64;
        let mut scale_exp = top_pos + LOW_BIT;
        let mut top = top;
        if scale_exp % 2 != 0 {
            top *= 2.0;
            scale_exp -= 1;
        }
        // root ~ sqrt(top) * 2^(scale_exp/2); in units of 2^quantum:
        let guess = top.sqrt() * pow2(scale_exp / 2 - quantum);
        let mut g = guess.round().max(0.0) as u64;
        // Adjust g until (g - 1/2)^2 <= value/2^(2q) < (g + 1/2)^2, comparing
        // exactly: (2g +- 1)^2 * 2^(2q-2) against the accumulator.
        let cmp_mid = |g: u64| -> Ordering {
            // Midpoint (g + 1/2) * 2^q = (2g + 1) * 2^(q-1); its square is exact.
            let two_g1 = 2 * g as u128 + 1;
            let mut diff = exact.clone();
            diff.deposit(true, two_g1 * two_g1, 2 * (quantum - 1));
            diff.signum()
        };
        loop {
            match cmp_mid(g) {
                Ordering::Greater => g += 1,
                Ordering::Equal => {
                    // sqrt(value) is exactly halfway: ties to even.
                    if g & 1 == 1 {
                        g += 1;
                    }
                    break;
                }
                Ordering::Less => {
                    if g == 0 {
                        break;
                    }
                    match cmp_mid(g - 1) {
                        Ordering::Less => g -= 1,
                        Ordering::Equal => {
                            if g & 1 == 1 {
                                g -= 1;
                            }
                            break;
                        }
                        Ordering::Greater => break,
                    }
                }
            }
        }
        scale(g, quantum, format)
    }
}

/// `2^e` for `e` in the normal and subnormal range of `f64`.
fn pow2(e: i32) -> f64 {
    if e >= -1022 {
        f64::from_bits(((e + 1023) as u64) << 52)
    } else {
        f64::from_bits(1u64 << (e + 1074))
    }
}

/// `m * 2^quantum` where the product is a number of `format` (or overflows
/// it, giving `+inf`).
fn scale(m: u64, quantum: i32, format: &Format) -> f64 {
    if m == 0 {
        return 0.0;
    }
    let lead = quantum + 63 - m.leading_zeros() as i32;
    if lead > format.emax {
        return f64::INFINITY;
    }
    // m has at most 54 bits, so it converts exactly; scaling by powers of
    // two in range is exact because the result is representable.
    let v = m as f64;
    if quantum >= -1022 {
        v * pow2(quantum)
    } else {
        // Two exact steps keep the scale factor itself representable.
        v * pow2(quantum + 200) * pow2(-200)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sum_of(values: &[f64]) -> ExactSum {
        let mut s = ExactSum::new();
        for &v in values {
            s.add_f64(v);
        }
        s
    }

    /// One accumulator per component: for real data the first is the plain
    /// reduction's and the second zero; for complex data each part of a
    /// product is two exact real products (the same bits as rounding the
    /// exact value computed by hand), `asum` and `nrm2` fill the first.
    #[test]
    fn reductions_by_part() {
        use num_complex::Complex;
        let x = [1.5f64, -2.0, 1e300];
        let y = [4.0f64, 0.5, -1e-300];
        let (xv, yv) = (VecRef::from_slice(&x), VecRef::from_slice(&y));
        for what in [
            Reduction::Sum,
            Reduction::Asum,
            Reduction::Dot,
            Reduction::SumSq,
        ] {
            for conj in [false, true] {
                let [re, im] = reduce_parts_elementwise(what, conj, xv, yv);
                assert!(re == reduce_elementwise(what, xv, yv), "{what:?}");
                assert!(im == ExactSum::new(), "{what:?}");
            }
        }
        // b * b = 2^1200 is beyond f64 but exact here, and cancels.
        let b = 2f64.powi(600);
        let z = [Complex::new(b, 3.0), Complex::new(-b, -0.5)];
        let w = [Complex::new(2.0, b), Complex::new(2.0, b)];
        let (zv, wv) = (VecRef::from_slice(&z), VecRef::from_slice(&w));
        // zdotu: re = (2b - 3b) + (-2b + 0.5b), im = (b^2 + 6) + (-b^2 - 1).
        let [re, im] = reduce_parts_elementwise(Reduction::Dot, false, zv, wv);
        assert_eq!((re.round_f64(), im.round_f64()), (-2.5 * b, 5.0));
        // zdotc: re = (2b + 3b) + (-2b - 0.5b), im = (b^2 - 6) + (-b^2 + 1).
        let [re, im] = reduce_parts_elementwise(Reduction::Dot, true, zv, wv);
        assert_eq!((re.round_f64(), im.round_f64()), (2.5 * b, -5.0));
        let [re, im] = reduce_parts_elementwise(Reduction::Sum, false, zv, zv);
        assert_eq!((re.round_f64(), im.round_f64()), (0.0, 2.5));
        let [asum, zero] = reduce_parts_elementwise(Reduction::Asum, false, zv, zv);
        assert_eq!((asum.round_f64(), zero.round_f64()), (2.0 * b, 0.0));
        let small = [Complex::new(3.0f32, -4.0)];
        let sv = VecRef::from_slice(&small);
        let [ssq, zero] = reduce_parts_elementwise(Reduction::SumSq, true, sv, sv);
        assert_eq!((ssq.sqrt_f32(), zero.round_f32()), (5.0, 0.0));
    }

    /// `normalize` skips the zero limbs; it must agree with the full carry
    /// chain on any limbs (both signs, carries running to the top).
    #[test]
    fn normalize_matches_the_full_carry_chain() {
        fn full(limbs: &mut [i64; LIMBS]) {
            let mut carry = 0i64;
            for limb in limbs.iter_mut().take(LIMBS - 1) {
                let v = *limb + carry;
                carry = v >> 32;
                *limb = v & 0xffff_ffff;
            }
            limbs[LIMBS - 1] += carry;
        }
        let mut r = 0x2545_f491_4f6c_dd1du64;
        let mut next = move || {
            r ^= r << 13;
            r ^= r >> 7;
            r ^= r << 17;
            r
        };
        for case in 0..4000 {
            let mut s = ExactSum::new();
            let touched = 1 + (next() % 6) as usize;
            for _ in 0..touched {
                let i = match case % 4 {
                    0 => (next() % LIMBS as u64) as usize,
                    1 => LIMBS - 1 - (next() % 3) as usize,
                    2 => (next() % 3) as usize,
                    _ => 60 + (next() % 4) as usize,
                };
                let v = next() as i64 >> (next() % 64);
                s.limbs[i] = s.limbs[i].wrapping_add(v) >> 2;
            }
            let mut want = s.limbs;
            full(&mut want);
            s.normalize();
            assert_eq!(s.limbs, want, "case {case}");
        }
        let mut s = ExactSum::new();
        s.normalize();
        assert_eq!(s.limbs, [0; LIMBS]);
    }

    #[test]
    fn rounds_simple_sums_exactly() {
        assert_eq!(sum_of(&[1.0, 2.0, 3.5]).round_f64(), 6.5);
        assert_eq!(sum_of(&[]).round_f64(), 0.0);
        assert_eq!(sum_of(&[1e100, 1.0, -1e100]).round_f64(), 1.0);
        assert_eq!(sum_of(&[-3.0, 1.0]).round_f64(), -2.0);
    }

    #[test]
    fn ties_go_to_even() {
        // 1 + 2^-53 is halfway between 1 and its successor: rounds to 1.
        assert_eq!(sum_of(&[1.0, 2f64.powi(-53)]).round_f64(), 1.0);
        // ... and a tiny bit more rounds up.
        let up = sum_of(&[1.0, 2f64.powi(-53), f64::from_bits(1)]).round_f64();
        assert_eq!(up, 1.0 + f64::EPSILON);
        // 1 + 3*2^-53 is halfway between odd 1+2^-52 and even 1+2^-51: up.
        let v = sum_of(&[1.0, 3.0 * 2f64.powi(-53)]).round_f64();
        assert_eq!(v, 1.0 + 2.0 * f64::EPSILON);
    }

    #[test]
    fn subnormals_and_overflow() {
        let tiny = f64::from_bits(1);
        assert_eq!(sum_of(&[tiny, tiny, tiny]).round_f64(), 3.0 * tiny);
        assert_eq!(sum_of(&[f64::MAX, f64::MAX]).round_f64(), f64::INFINITY);
        assert_eq!(
            sum_of(&[f64::MAX, f64::MAX, -f64::MAX]).round_f64(),
            f64::MAX
        );
        assert_eq!(
            sum_of(&[-f64::MAX, -f64::MAX]).round_f64(),
            f64::NEG_INFINITY
        );
    }

    #[test]
    fn products_are_exact() {
        let mut s = ExactSum::new();
        s.add_product_f64(1e200, 1e200);
        s.add_product_f64(-1e200, 1e200);
        s.add_product_f64(3.0, 0.5);
        assert_eq!(s.round_f64(), 1.5);
        // (1 + 2^-52)^2 = 1 + 2^-51 + 2^-104 rounds to 1 + 2^-51.
        let mut s = ExactSum::new();
        let x = 1.0 + f64::EPSILON;
        s.add_product_f64(x, x);
        s.add_f64(-1.0);
        s.add_f64(-2.0 * f64::EPSILON);
        assert_eq!(s.round_f64(), 2f64.powi(-104));
        let mut s = ExactSum::new();
        s.add_product_f64(f64::from_bits(1), f64::from_bits(1));
        assert_eq!(s.signum(), Ordering::Greater);
        assert_eq!(s.round_f64(), 0.0);
    }

    #[test]
    fn specials_follow_ieee() {
        assert!(sum_of(&[1.0, f64::NAN]).round_f64().is_nan());
        assert!(sum_of(&[f64::INFINITY, f64::NEG_INFINITY])
            .round_f64()
            .is_nan());
        assert_eq!(sum_of(&[f64::INFINITY, 1.0]).round_f64(), f64::INFINITY);
        let mut s = ExactSum::new();
        s.add_product_f64(f64::INFINITY, 0.0);
        assert!(s.round_f64().is_nan());
        let mut s = ExactSum::new();
        s.add_product_f64(f64::INFINITY, -2.0);
        assert_eq!(s.round_f64(), f64::NEG_INFINITY);
    }

    #[test]
    fn f32_rounds_directly() {
        // 1 + 2^-24 + 2^-60: rounding to f64 first gives 1 + 2^-24, a tie
        // that would then round to 1 in f32; the exact value rounds up.
        let s = sum_of(&[1.0, 2f64.powi(-24), 2f64.powi(-60)]);
        assert_eq!(s.round_f32(), 1.0 + f32::EPSILON);
        assert_eq!(sum_of(&[1e39]).round_f32(), f32::INFINITY);
        let tiny = f32::from_bits(1) as f64;
        assert_eq!(sum_of(&[tiny * 1.5]).round_f32(), f32::from_bits(2));
    }

    #[test]
    fn sqrt_is_correctly_rounded() {
        let mut s = ExactSum::new();
        s.add_product_f64(3.0, 3.0);
        s.add_product_f64(4.0, 4.0);
        assert_eq!(s.sqrt_f64(), 5.0);
        let mut s = ExactSum::new();
        s.add_f64(2.0);
        assert_eq!(s.sqrt_f64(), 2f64.sqrt());
        // Far outside f64's range in the middle, back inside for the root.
        let mut s = ExactSum::new();
        s.add_product_f64(1e300, 1e300);
        s.add_product_f64(1e300, 1e300);
        assert_eq!(s.sqrt_f64(), 1e300 * 2f64.sqrt());
        let mut s = ExactSum::new();
        s.add_product_f64(1e-300, 1e-300);
        assert_eq!(s.sqrt_f64(), 1e-300);
        let tiny = f64::from_bits(1);
        let mut s = ExactSum::new();
        s.add_product_f64(tiny, tiny);
        s.add_product_f64(tiny, tiny);
        assert_eq!(s.sqrt_f64(), tiny); // sqrt(2) * 2^-1074 rounds to 2^-1074
        assert_eq!(ExactSum::new().sqrt_f64(), 0.0);
        let mut s = ExactSum::new();
        s.add_f64(f64::INFINITY);
        assert_eq!(s.sqrt_f64(), f64::INFINITY);
        s.add_f64(f64::NAN);
        assert!(s.sqrt_f64().is_nan());
    }

    #[test]
    fn merge_and_words_are_exact() {
        let a = sum_of(&[1e300, -3.0, 2f64.powi(-1000)]);
        let b = sum_of(&[-1e300, 3.0, f64::INFINITY]);
        let mut ab = a.clone();
        ab.merge(&b);
        let mut words = a.to_words();
        for (w, v) in words.iter_mut().zip(b.to_words()) {
            *w += v;
        }
        let flat = ExactSum::from_words(&words).unwrap();
        assert_eq!(flat.round_f64(), f64::INFINITY);
        assert_eq!(ab.round_f64(), f64::INFINITY);
        let mut finite = a.clone();
        finite.merge(&sum_of(&[-1e300, 3.0]));
        assert_eq!(finite.round_f64(), 2f64.powi(-1000));
        assert!(ExactSum::from_words(&[0; 3]).is_none());
    }
}
