//! Level 1 kernels: one core, strided views.
//!
//! Contiguous operands take a fast path (blocks of [`BLOCK`] elements with
//! independent accumulators, so the compiler emits several vector FMA chains in
//! flight); anything else takes a plain strided loop. Reductions therefore
//! associate differently from the serial reference: results agree to rounding,
//! not bit for bit.

use oxpar_core::serial::reference_nrm2;
use oxpar_core::{Scalar, VecMut, VecRef};

use crate::dispatch::multiversion;

/// Elements per unrolled block in the contiguous kernels: 8 AVX-512 registers
/// of f64 (4 of f32), enough independent accumulators to hide FMA latency.
pub const BLOCK: usize = 64;

#[inline(always)]
fn madd<T: Scalar, const FMA: bool>(a: T, b: T, c: T) -> T {
    if FMA {
        a.mul_add(b, c)
    } else {
        a * b + c
    }
}

/// Sums the accumulators pairwise (a fixed tree, so results do not depend on
/// anything but the data and the block size).
#[inline(always)]
fn sum_block<T: Scalar>(acc: &mut [T; BLOCK]) -> T {
    let mut width = BLOCK / 2;
    while width > 0 {
        for l in 0..width {
            acc[l] += acc[l + width];
        }
        width /= 2;
    }
    acc[0]
}

/// Elements before `p` reaches a cache-line boundary (vector loads and
/// stores that straddle two lines cost a second access; the allocator only
/// promises 16-byte alignment).
#[inline(always)]
fn to_cache_line<T>(p: *const T, len: usize) -> usize {
    p.align_offset(64).min(len)
}

#[inline(always)]
fn axpy_body<T: Scalar, const FMA: bool>(alpha: T, x: &[T], y: &mut [T]) {
    let head = to_cache_line(y.as_ptr(), y.len());
    let (xh, xt) = x.split_at(head);
    let (yh, yt) = y.split_at_mut(head);
    for (yi, &xi) in yh.iter_mut().zip(xh) {
        *yi = madd::<T, FMA>(alpha, xi, *yi);
    }
    for (yi, &xi) in yt.iter_mut().zip(xt) {
        *yi = madd::<T, FMA>(alpha, xi, *yi);
    }
}

#[inline(always)]
fn scal_body<T: Scalar, const FMA: bool>(alpha: T, x: &mut [T]) {
    for xi in x.iter_mut() {
        *xi = alpha * *xi;
    }
}

#[inline(always)]
fn dot_body<T: Scalar, const FMA: bool>(x: &[T], y: &[T]) -> T {
    if x.len() < BLOCK {
        // Short vectors: the blocked loop's set-up and final tree cost more.
        return x
            .iter()
            .zip(y)
            .fold(T::zero(), |acc, (&a, &b)| madd::<T, FMA>(a, b, acc));
    }
    let mut acc = [T::zero(); BLOCK];
    let head = to_cache_line(x.as_ptr(), x.len());
    for (l, (&a, &b)) in x[..head].iter().zip(&y[..head]).enumerate() {
        acc[l] = madd::<T, FMA>(a, b, acc[l]);
    }
    let (x, y) = (&x[head..], &y[head..]);
    let (xb, xt) = x.as_chunks::<BLOCK>();
    let (yb, yt) = y.as_chunks::<BLOCK>();
    for (a, b) in xb.iter().zip(yb) {
        for l in 0..BLOCK {
            acc[l] = madd::<T, FMA>(a[l], b[l], acc[l]);
        }
    }
    for (l, (&a, &b)) in xt.iter().zip(yt).enumerate() {
        acc[l] = madd::<T, FMA>(a, b, acc[l]);
    }
    sum_block(&mut acc)
}

#[inline(always)]
fn sumsq_body<T: Scalar, const FMA: bool>(x: &[T]) -> T {
    dot_body::<T, FMA>(x, x)
}

#[inline(always)]
fn asum_body<T: Scalar, const FMA: bool>(x: &[T]) -> T {
    if x.len() < BLOCK {
        return x.iter().fold(T::zero(), |acc, &a| acc + a.abs());
    }
    let mut acc = [T::zero(); BLOCK];
    let (xb, xt) = x.as_chunks::<BLOCK>();
    for a in xb {
        for l in 0..BLOCK {
            acc[l] += a[l].abs();
        }
    }
    for (l, &a) in xt.iter().enumerate() {
        acc[l] += a.abs();
    }
    sum_block(&mut acc)
}

#[inline(always)]
fn sum_body<T: Scalar, const FMA: bool>(x: &[T]) -> T {
    if x.len() < BLOCK {
        return x.iter().fold(T::zero(), |acc, &a| acc + a);
    }
    let mut acc = [T::zero(); BLOCK];
    let (xb, xt) = x.as_chunks::<BLOCK>();
    for a in xb {
        for l in 0..BLOCK {
            acc[l] += a[l];
        }
    }
    for (l, &a) in xt.iter().enumerate() {
        acc[l] += a;
    }
    sum_block(&mut acc)
}

/// Largest |x| of a block and whether it holds a NaN; vectorizes (max and an
/// unordered compare per lane).
#[inline(always)]
fn block_max<T: Scalar>(x: &[T]) -> (T, bool) {
    let mut m = T::zero();
    let mut nan = false;
    for &v in x {
        let a = v.abs();
        nan |= a.is_nan();
        m = if a > m { a } else { m };
    }
    (m, nan)
}

#[inline(always)]
fn iamax_body<T: Scalar, const FMA: bool>(x: &[T]) -> Option<usize> {
    if x.is_empty() {
        return None;
    }
    // Find the first block holding the first NaN or the (first) largest value,
    // then scan that block alone.
    let mut best = (0usize, T::neg_infinity());
    for (b, block) in x.chunks(BLOCK).enumerate() {
        let (m, nan) = block_max(block);
        if nan {
            let i = block.iter().position(|v| v.is_nan()).unwrap_or(0);
            return Some(b * BLOCK + i);
        }
        if m > best.1 {
            best = (b, m);
        }
    }
    let start = best.0 * BLOCK;
    let block = &x[start..(start + BLOCK).min(x.len())];
    Some(start + block.iter().position(|v| v.abs() == best.1).unwrap_or(0))
}

multiversion!(
    /// `y := alpha*x + y` on contiguous slices of equal length.
    pub fn axpy_contiguous, axpy_contiguous_at<T>(alpha: T, x: &[T], y: &mut [T]) -> () => axpy_body
);
multiversion!(
    /// `x := alpha*x` on a contiguous slice.
    pub fn scal_contiguous, scal_contiguous_at<T>(alpha: T, x: &mut [T]) -> () => scal_body
);
multiversion!(
    /// `x . y` on contiguous slices of equal length.
    pub fn dot_contiguous, dot_contiguous_at<T>(x: &[T], y: &[T]) -> T => dot_body
);
multiversion!(
    /// `sum x_i^2` on a contiguous slice (no scaling: may overflow or underflow).
    pub fn sumsq_contiguous, sumsq_contiguous_at<T>(x: &[T]) -> T => sumsq_body
);
multiversion!(
    /// `sum |x_i|` on a contiguous slice.
    pub fn asum_contiguous, asum_contiguous_at<T>(x: &[T]) -> T => asum_body
);
multiversion!(
    /// `sum x_i` on a contiguous slice.
    pub fn sum_contiguous, sum_contiguous_at<T>(x: &[T]) -> T => sum_body
);
multiversion!(
    /// First index of NaN, else of the largest |x_i|, on a contiguous slice.
    pub fn iamax_contiguous, iamax_contiguous_at<T>(x: &[T]) -> Option<usize> => iamax_body
);

/// `y := alpha*x + y`. Lengths must match; with `alpha == 0` nothing is read.
pub fn axpy<T: Scalar>(alpha: T, x: VecRef<'_, T>, mut y: VecMut<'_, T>) {
    if alpha == T::zero() {
        return;
    }
    match (x.as_slice(), y.as_slice_mut()) {
        (Some(xs), Some(ys)) => axpy_contiguous(alpha, xs, ys),
        _ => {
            let mut xi = x.iter();
            y.for_each_mut(|_, yi| *yi += alpha * xi.next().unwrap_or_else(T::zero));
        }
    }
}

/// `x := alpha*x`.
pub fn scal<T: Scalar>(alpha: T, mut x: VecMut<'_, T>) {
    match x.as_slice_mut() {
        Some(xs) => scal_contiguous(alpha, xs),
        None => x.for_each_mut(|_, xi| *xi = alpha * *xi),
    }
}

/// `y := x`. Lengths must match.
pub fn copy<T: Scalar>(x: VecRef<'_, T>, mut y: VecMut<'_, T>) {
    match (x.as_slice(), y.as_slice_mut()) {
        (Some(xs), Some(ys)) => ys.copy_from_slice(xs),
        _ => {
            let mut xi = x.iter();
            y.for_each_mut(|_, yi| *yi = xi.next().unwrap_or_else(T::zero));
        }
    }
}

/// Exchanges `x` and `y`. Lengths must match.
pub fn swap<T: Scalar>(mut x: VecMut<'_, T>, mut y: VecMut<'_, T>) {
    if let (Some(xs), Some(ys)) = (x.rb_mut().as_slice_mut(), y.rb_mut().as_slice_mut()) {
        xs.swap_with_slice(ys);
        return;
    }
    for i in 0..x.len() {
        let t = x.as_ref().get(i);
        x.set(i, y.as_ref().get(i));
        y.set(i, t);
    }
}

/// `x . y`. Lengths must match.
pub fn dot<T: Scalar>(x: VecRef<'_, T>, y: VecRef<'_, T>) -> T {
    match (x.as_slice(), y.as_slice()) {
        (Some(xs), Some(ys)) => dot_contiguous(xs, ys),
        _ => x
            .iter()
            .zip(y.iter())
            .fold(T::zero(), |acc, (a, b)| acc + a * b),
    }
}

/// `sum x_i^2`, unscaled: the fast first pass of [`nrm2`].
pub fn sumsq<T: Scalar>(x: VecRef<'_, T>) -> T {
    match x.as_slice() {
        Some(xs) => sumsq_contiguous(xs),
        None => x.iter().fold(T::zero(), |acc, a| acc + a * a),
    }
}

/// Whether an unscaled sum of squares of `n` elements can be trusted: finite,
/// and large enough that squares lost to underflow (each below the smallest
/// normal number) cannot matter at working precision.
pub fn sumsq_is_safe<T: Scalar>(sumsq: T, n: usize) -> bool {
    let floor = T::from_f64(n as f64) * T::min_positive_value() / T::epsilon();
    sumsq.is_finite() && sumsq >= floor
}

/// The Euclidean norm: one fast unscaled pass, and the scaled algorithm only
/// when that pass overflowed, underflowed or met NaN/Inf.
pub fn nrm2<T: Scalar>(x: VecRef<'_, T>) -> T {
    let s = sumsq(x);
    if sumsq_is_safe(s, x.len()) {
        s.sqrt()
    } else {
        reference_nrm2(x.iter())
    }
}

/// `sum |x_i|`.
pub fn asum<T: Scalar>(x: VecRef<'_, T>) -> T {
    match x.as_slice() {
        Some(xs) => asum_contiguous(xs),
        None => x.iter().fold(T::zero(), |acc, a| acc + a.abs()),
    }
}

/// `sum x_i`.
pub fn sum<T: Scalar>(x: VecRef<'_, T>) -> T {
    match x.as_slice() {
        Some(xs) => sum_contiguous(xs),
        None => x.iter().fold(T::zero(), |acc, a| acc + a),
    }
}

/// 0-based index of the first NaN, else of the first largest |x_i|; `None`
/// when empty.
pub fn iamax<T: Scalar>(x: VecRef<'_, T>) -> Option<usize> {
    match x.as_slice() {
        Some(xs) => iamax_contiguous(xs),
        None => oxpar_core::serial::reference_iamax(x.iter()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dispatch::detect;

    fn data(n: usize, seed: u64) -> Vec<f64> {
        let mut s = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (0..n)
            .map(|_| {
                s = s
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                ((s >> 11) as f64 / (1u64 << 53) as f64) * 2.0 - 1.0
            })
            .collect()
    }

    #[test]
    fn every_cpu_level_agrees_with_naive_loops() {
        for level in detect().up_to() {
            for n in [0, 1, 7, BLOCK - 1, BLOCK, BLOCK + 1, 3 * BLOCK + 5, 1000] {
                let x = data(n, 1);
                let y = data(n, 2);
                let naive: f64 = x.iter().zip(&y).map(|(a, b)| a * b).sum();
                let got = dot_contiguous_at(level, &x, &y);
                assert!(
                    (got - naive).abs() <= 1e-13 * (n as f64 + 1.0),
                    "{level:?} n={n}: {got} vs {naive}"
                );
                let naive_asum: f64 = x.iter().map(|a| a.abs()).sum();
                assert!(
                    (asum_contiguous_at(level, &x) - naive_asum).abs() <= 1e-13 * (n as f64 + 1.0)
                );
                let mut z = y.clone();
                axpy_contiguous_at(level, 0.5, &x, &mut z);
                for i in 0..n {
                    assert!((z[i] - (y[i] + 0.5 * x[i])).abs() <= 1e-15);
                }
                assert_eq!(
                    iamax_contiguous_at(level, &x),
                    oxpar_core::serial::reference_iamax(x.iter().copied())
                );
            }
        }
    }

    #[test]
    fn iamax_finds_first_nan_and_first_of_ties() {
        let mut x = vec![1.0f32; 300];
        x[200] = -5.0;
        x[250] = 5.0;
        assert_eq!(iamax_contiguous(&x), Some(200));
        x[270] = f32::NAN;
        x[280] = f32::NAN;
        assert_eq!(iamax_contiguous(&x), Some(270));
    }

    #[test]
    fn nrm2_falls_back_on_overflow_and_underflow() {
        let big = vec![1e200f64; 100];
        assert!((nrm2(VecRef::from_slice(&big)) / 1e201 - 1.0).abs() < 1e-14);
        let tiny = vec![1e-200f64; 100];
        assert!((nrm2(VecRef::from_slice(&tiny)) / 1e-199 - 1.0).abs() < 1e-14);
        let mixed = [3.0f32, 4.0, f32::INFINITY];
        assert_eq!(nrm2(VecRef::from_slice(&mixed)), f32::INFINITY);
    }
}
