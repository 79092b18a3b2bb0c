//! Level 1 kernels: one core, strided views.
//!
//! Contiguous operands take a fast path (blocks of [`BLOCK`] elements with
//! independent accumulators, so the compiler emits several vector FMA chains in
//! flight); anything else takes a plain strided loop. Reductions therefore
//! associate differently from the serial reference: results agree to rounding,
//! not bit for bit. They depend only on the data and the CPU level (FMA or
//! not), never on where the slices lie in memory: the loops that start on a
//! cache line keep element `i` in accumulator `i % BLOCK` (see `dot_acc`),
//! so equal data in two buffers give equal bits, which clients comparing two
//! computations rely on.
//!
//! The reductions (`dot`, `nrm2`, `asum`, `sum`) accumulate in f64 whatever
//! the element type, and their `*_wide` forms return that f64 unrounded, so
//! the threads backend and MPI add partial results in f64 and round to f32
//! once: an f32 result is within about one f32 ulp of the exact value plus
//! `n * 2^-53` times the sum of absolute values (of the products, for `dot`).
//! The f32 data moves as f32 and is widened in registers: on vectors that
//! come from memory that costs a few percent (4-9% at 10^7 elements, one
//! thread), on vectors in cache the conversions bound the loop (`sdot` at
//! 10^5 takes about twice as long); see `examples/f32_accumulation.rs`.

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

/// `x . y` with products and sums in `A` (the element type, or f64 to widen
/// f32: a product of two f32 is exact in f64, so the only roundings are the
/// f64 additions).
#[inline(always)]
fn dot_acc<T: Scalar, A: Scalar, const FMA: bool>(x: &[T], y: &[T]) -> A {
    let w = |v: T| A::from_f64(v.as_f64());
    if x.len() < BLOCK {
        // Short vectors: the blocked loop's set-up and final tree cost more.
        return x
            .iter()
            .zip(y)
            .fold(A::zero(), |acc, (&a, &b)| madd::<A, FMA>(w(a), w(b), acc));
    }
    // Element i is added to accumulator i % BLOCK, in the order of i, wherever
    // the slices lie in memory: the result must not depend on the address
    // (two calls on equal data in different buffers must agree bit for bit,
    // as LAPACK's and SciPy's tests expect). The blocked loop still starts
    // its loads on a cache line: it runs `head` elements in, so its lane `l`
    // holds element `head + l + k*BLOCK`, i.e. accumulator
    // `(head + l) % BLOCK`; the first `head` elements go to the lanes that
    // stand for accumulators `0..head`, and a final rotation puts every lane
    // back in its place before the fixed tree.
    let head = to_cache_line(x.as_ptr(), x.len()).min(BLOCK - 1);
    let mut acc = [A::zero(); BLOCK];
    for (i, (&a, &b)) in x[..head].iter().zip(&y[..head]).enumerate() {
        let l = BLOCK - head + i;
        acc[l] = madd::<A, FMA>(w(a), w(b), acc[l]);
    }
    let (x, y) = (&x[head..], &y[head..]);
    let (xb, xt) = x.as_chunks::<BLOCK>();
    let (yb, yt) = y.as_chunks::<BLOCK>();
    for (a, b) in xb.iter().zip(yb) {
        for l in 0..BLOCK {
            acc[l] = madd::<A, FMA>(w(a[l]), w(b[l]), acc[l]);
        }
    }
    for (l, (&a, &b)) in xt.iter().zip(yt).enumerate() {
        acc[l] = madd::<A, FMA>(w(a), w(b), acc[l]);
    }
    acc.rotate_right(head);
    sum_block(&mut acc)
}

/// `x . y` in the element type (gemv's rows).
#[inline(always)]
fn dot_body<T: Scalar, const FMA: bool>(x: &[T], y: &[T]) -> T {
    dot_acc::<T, T, FMA>(x, y)
}

/// `x . y` accumulated in f64.
#[inline(always)]
fn dot_wide_body<T: Scalar, const FMA: bool>(x: &[T], y: &[T]) -> f64 {
    dot_acc::<T, f64, FMA>(x, y)
}

#[inline(always)]
fn sumsq_wide_body<T: Scalar, const FMA: bool>(x: &[T]) -> f64 {
    dot_acc::<T, f64, FMA>(x, x)
}

#[inline(always)]
fn asum_wide_body<T: Scalar, const FMA: bool>(x: &[T]) -> f64 {
    if x.len() < BLOCK {
        return x.iter().fold(0.0, |acc, &a| acc + a.abs().as_f64());
    }
    let mut acc = [0.0f64; BLOCK];
    let (xb, xt) = x.as_chunks::<BLOCK>();
    for a in xb {
        for l in 0..BLOCK {
            acc[l] += a[l].abs().as_f64();
        }
    }
    for (l, &a) in xt.iter().enumerate() {
        acc[l] += a.abs().as_f64();
    }
    sum_block(&mut acc)
}

#[inline(always)]
fn sum_wide_body<T: Scalar, const FMA: bool>(x: &[T]) -> f64 {
    if x.len() < BLOCK {
        return x.iter().fold(0.0, |acc, &a| acc + a.as_f64());
    }
    let mut acc = [0.0f64; BLOCK];
    let (xb, xt) = x.as_chunks::<BLOCK>();
    for a in xb {
        for l in 0..BLOCK {
            acc[l] += a[l].as_f64();
        }
    }
    for (l, &a) in xt.iter().enumerate() {
        acc[l] += a.as_f64();
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
    /// `x . y` on contiguous slices of equal length, accumulated in the
    /// element type (gemv's rows; the dot product itself uses [`dot_wide_contiguous`]).
    pub fn dot_contiguous, dot_contiguous_at<T>(x: &[T], y: &[T]) -> T => dot_body
);
multiversion!(
    /// `x . y` on contiguous slices of equal length, accumulated in f64 (f32
    /// products are exact in f64) and not rounded back.
    pub fn dot_wide_contiguous, dot_wide_contiguous_at<T>(x: &[T], y: &[T]) -> f64 => dot_wide_body
);
multiversion!(
    /// `sum x_i^2` on a contiguous slice, accumulated in f64 (no scaling: for
    /// f64 data it may overflow or underflow; for f32 it cannot).
    pub fn sumsq_wide_contiguous, sumsq_wide_contiguous_at<T>(x: &[T]) -> f64 => sumsq_wide_body
);
multiversion!(
    /// `sum |x_i|` on a contiguous slice, accumulated in f64.
    pub fn asum_wide_contiguous, asum_wide_contiguous_at<T>(x: &[T]) -> f64 => asum_wide_body
);
multiversion!(
    /// `sum x_i` on a contiguous slice, accumulated in f64.
    pub fn sum_wide_contiguous, sum_wide_contiguous_at<T>(x: &[T]) -> f64 => sum_wide_body
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

/// `x . y`, accumulated in f64 and rounded once to `T`. Lengths must match.
pub fn dot<T: Scalar>(x: VecRef<'_, T>, y: VecRef<'_, T>) -> T {
    T::from_f64(dot_wide(x, y))
}

/// `x . y` accumulated in f64, not rounded back (threads and ranks add these
/// partial results before the one rounding to `T`). Lengths must match.
pub fn dot_wide<T: Scalar>(x: VecRef<'_, T>, y: VecRef<'_, T>) -> f64 {
    match (x.as_slice(), y.as_slice()) {
        (Some(xs), Some(ys)) => dot_wide_contiguous(xs, ys),
        _ => x
            .iter()
            .zip(y.iter())
            .fold(0.0, |acc, (a, b)| acc + a.as_f64() * b.as_f64()),
    }
}

/// `sum x_i^2` accumulated in f64, unscaled: the fast first pass of [`nrm2`].
pub fn sumsq_wide<T: Scalar>(x: VecRef<'_, T>) -> f64 {
    match x.as_slice() {
        Some(xs) => sumsq_wide_contiguous(xs),
        None => x.iter().fold(0.0, |acc, a| acc + a.as_f64() * a.as_f64()),
    }
}

/// Whether an unscaled f64 sum of squares of `n` elements can be trusted:
/// finite, and large enough that squares lost to underflow (each below the
/// smallest normal f64) cannot matter at f64 precision. For f32 data it is
/// never too large, and too small only when every element is zero.
pub fn sumsq_is_safe(sumsq: f64, n: usize) -> bool {
    let floor = n as f64 * f64::MIN_POSITIVE / f64::EPSILON;
    sumsq.is_finite() && sumsq >= floor
}

/// The Euclidean norm in f64: one fast unscaled pass in f64, and the scaled
/// algorithm only when that pass overflowed, underflowed or met NaN/Inf.
pub fn nrm2_wide<T: Scalar>(x: VecRef<'_, T>) -> f64 {
    let s = sumsq_wide(x);
    if sumsq_is_safe(s, x.len()) {
        s.sqrt()
    } else {
        reference_nrm2(x.iter()).as_f64()
    }
}

/// The Euclidean norm, rounded once to `T` (see [`nrm2_wide`]).
pub fn nrm2<T: Scalar>(x: VecRef<'_, T>) -> T {
    T::from_f64(nrm2_wide(x))
}

/// `sum |x_i|`, accumulated in f64 and rounded once to `T`.
pub fn asum<T: Scalar>(x: VecRef<'_, T>) -> T {
    T::from_f64(asum_wide(x))
}

/// `sum |x_i|` accumulated in f64, not rounded back.
pub fn asum_wide<T: Scalar>(x: VecRef<'_, T>) -> f64 {
    match x.as_slice() {
        Some(xs) => asum_wide_contiguous(xs),
        None => x.iter().fold(0.0, |acc, a| acc + a.as_f64().abs()),
    }
}

/// `sum x_i`, accumulated in f64 and rounded once to `T`.
pub fn sum<T: Scalar>(x: VecRef<'_, T>) -> T {
    T::from_f64(sum_wide(x))
}

/// `sum x_i` accumulated in f64, not rounded back.
pub fn sum_wide<T: Scalar>(x: VecRef<'_, T>) -> f64 {
    match x.as_slice() {
        Some(xs) => sum_wide_contiguous(xs),
        None => x.iter().fold(0.0, |acc, a| acc + a.as_f64()),
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
                    (asum_wide_contiguous_at(level, &x) - naive_asum).abs()
                        <= 1e-13 * (n as f64 + 1.0)
                );
                assert!(
                    (dot_wide_contiguous_at(level, &x, &y) - naive).abs()
                        <= 1e-13 * (n as f64 + 1.0)
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

    /// Exact sums of f32 data as f64 (the data are small integers and
    /// integer multiples of powers of two, so these sums are exact).
    fn f32_cases() -> Vec<(String, Vec<f32>, Vec<f32>)> {
        let mut s = 12345u64;
        let mut next = move || {
            s = s
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            s >> 33
        };
        let ints: Vec<f32> = (0..34_418).map(|_| (next() % 1000) as f32).collect();
        let ones = vec![1.0f32; 34_418];
        // Mixed magnitudes: 2^-12 .. 2^12 with both signs, long enough that
        // an f32 accumulator loses many bits.
        let mixed: Vec<f32> = (0..300_001)
            .map(|_| {
                let e = (next() % 25) as i32 - 12;
                let m = (next() % 1024) as f32 + 1.0;
                let sign = if next() % 3 == 0 { -1.0 } else { 1.0 };
                sign * m * 2f32.powi(e)
            })
            .collect();
        let halves: Vec<f32> = (0..300_001).map(|_| (next() % 7) as f32 * 0.5).collect();
        vec![
            ("34,418 small integers".into(), ints.clone(), ones),
            ("mixed magnitudes".into(), mixed.clone(), halves),
            (
                "small integers . mixed".into(),
                ints.repeat(9)[..300_001].to_vec(),
                mixed,
            ),
        ]
    }

    fn exact<T: Scalar>(what: oxpar_core::exact::Reduction, x: &[T], y: &[T]) -> f64 {
        let mut acc = oxpar_core::exact::ExactSum::new();
        crate::exact::exact_reduce(
            what,
            VecRef::from_slice(x),
            Some(VecRef::from_slice(y)),
            &mut acc,
        );
        acc.round_f64()
    }

    #[test]
    fn f32_reductions_accumulate_in_f64_and_round_once() {
        use oxpar_core::exact::Reduction;
        for (name, x, y) in f32_cases() {
            let n = x.len();
            let abs_dot: f64 = x
                .iter()
                .zip(&y)
                .map(|(a, b)| (*a as f64 * *b as f64).abs())
                .sum();
            let abs_x: f64 = x.iter().map(|a| (*a as f64).abs()).sum();
            let sq_x: f64 = x.iter().map(|a| *a as f64 * *a as f64).sum();
            // One f32 rounding of the result plus the f64 accumulation error.
            let bound = |exact: f64, abs: f64| {
                (exact.abs() * f32::EPSILON as f64 / 2.0) + n as f64 * abs * 2f64.powi(-53)
            };
            for level in detect().up_to() {
                let cases = [
                    (
                        "dot",
                        dot_wide_contiguous_at(level, &x, &y),
                        exact(Reduction::Dot, &x, &y),
                        abs_dot,
                    ),
                    (
                        "asum",
                        asum_wide_contiguous_at(level, &x),
                        exact(Reduction::Asum, &x, &x),
                        abs_x,
                    ),
                    (
                        "sum",
                        sum_wide_contiguous_at(level, &x),
                        exact(Reduction::Sum, &x, &x),
                        abs_x,
                    ),
                    (
                        "sumsq",
                        sumsq_wide_contiguous_at(level, &x),
                        exact(Reduction::SumSq, &x, &x),
                        sq_x,
                    ),
                ];
                for (what, wide, exact, abs) in cases {
                    let err = ((wide as f32) as f64 - exact).abs();
                    assert!(
                        err <= bound(exact, abs),
                        "{name}, {what}, {level:?}: {} vs exact {exact} (error {err:e})",
                        wide as f32
                    );
                }
            }
            // The rounded entry points and strided views agree with the wide ones.
            let (xv, yv) = (VecRef::from_slice(&x), VecRef::from_slice(&y));
            let exact_dot = exact(Reduction::Dot, &x, &y);
            assert!(
                ((dot(xv, yv) as f64) - exact_dot).abs() <= bound(exact_dot, abs_dot),
                "{name}"
            );
            let nrm = exact(Reduction::SumSq, &x, &x).sqrt();
            assert!(
                ((nrm2(xv) as f64) - nrm).abs()
                    <= nrm * 1.01 * f32::EPSILON as f64 / 2.0 + n as f64 * nrm * 2f64.powi(-53),
                "{name} nrm2 {} vs {nrm}",
                nrm2(xv)
            );
            let strided: Vec<f32> = x.iter().flat_map(|&v| [v, f32::NAN]).collect();
            let xs = VecRef::from_blas(&strided, x.len(), 2).unwrap();
            let exact_sum = exact(Reduction::Sum, &x, &x);
            assert!(
                ((sum(xs) as f64) - exact_sum).abs() <= bound(exact_sum, abs_x),
                "{name} strided"
            );
        }
        // The reported case: snrm2 of 34,418 small integers, correctly rounded here.
        let (_, ints, _) = &f32_cases()[0];
        let exact_nrm = exact(Reduction::SumSq, ints, ints).sqrt();
        let got = nrm2(VecRef::from_slice(ints)) as f64;
        assert!(
            (got - exact_nrm).abs() / exact_nrm <= f32::EPSILON as f64 / 2.0,
            "{got} vs {exact_nrm}"
        );
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
