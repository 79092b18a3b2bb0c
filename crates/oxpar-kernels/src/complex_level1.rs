//! Complex level 1 kernels (c32, c64): one core, strided views.
//!
//! A contiguous complex vector is an interleaved real one (`re, im, re, im,
//! ...`; `num_complex::Complex` is `#[repr(C)]`), and the fast paths work on
//! it as such, so that every vector lane does useful work without
//! deinterleaving:
//!
//! * `dot`: two lane-wise accumulators, `x[l]*y[l]` (even lanes `re*re`, odd
//!   lanes `im*im`) and `x[l]*y[l^1]` (even `re x * im y`, odd `im x * re y`);
//!   [`DotParts`] holds the four sums, and `dotu` and `dotc` differ only in
//!   the signs that combine them at the end. The products and sums are in
//!   f64 whatever the element type, as for the real [`crate::level1`]
//!   reductions (f32 products are exact in f64), so threads and ranks add
//!   the wide partial results and round once.
//!   Part `r` of the vectors always goes to accumulator lane `r % N` (N =
//!   [`BLOCK`] below [`DOT_LONG`] elements, [`DOT_BLOCK`] from there), so
//!   the result depends on the data, the length and the CPU level, never on
//!   the address (clients compare two computations on copies bit for bit;
//!   see `level1`'s `dot_acc`). Long vectors start their loads on a cache
//!   line and rotate the lanes back; short ones skip the alignment, whose
//!   scalar head and rotation cost more there than split loads.
//! * `axpy` and `scal`: `alpha*x` as `ar*x[l] + s[l]*x[l^1]` with
//!   `s = (-ai, ai, -ai, ...)`, in the element type and without fused
//!   multiply-adds: that is the reference BLAS's complex product
//!   `(ar*xr - ai*xi, ar*xi + ai*xr)` operation for operation (negating `ai`
//!   is exact), so the results are the reference's bit for bit, special
//!   values included. These loops are bound by memory, not by arithmetic.
//! * `asum` (`|re| + |im|`) and `nrm2` are the real kernels on the `2n`
//!   parts; `nrm2` keeps the real one's guard (an unscaled f64 sum of squares,
//!   and the scaled algorithm when that overflowed, underflowed or met
//!   NaN/Inf), so it neither overflows nor underflows where the norm is
//!   representable.
//! * `iamax` (`|re| + |im|` in the element type, as the reference's
//!   `dcabs1`): the largest magnitude and a NaN flag per block, then one
//!   block scanned for the index.
//!
//! The streaming loops of `dot` and `axpy` prefetch about
//! [`PREFETCH_BYTES`] ahead: one core's hardware prefetcher alone left them
//! at 0.7-0.9x OpenBLAS at 10^7 elements (AVX-512 machine, one thread, CPU
//! time); with it `zaxpy`/`caxpy` run at 1.15-1.25x, `cdotc` at 1.03-1.07x
//! and `zdotc` at 0.90-0.95x with 64-part blocks (0.86-0.89x with 32 in
//! the same runs; OpenBLAS's zdotc, 256-bit loads and no prefetch, streams
//! faster than its own ddot, which this crate's ddot beats by 1.1-1.2x on
//! the same bytes).
//!
//! Strided views take plain loops with the same arithmetic; a strided dot
//! adds each element's complex product in turn, as the reference does.
//! Like the real kernels, each contiguous body is compiled for AVX-512,
//! AVX2+FMA and a portable baseline and chosen at run time (the `*_at`
//! forms pick a level explicitly, for tests).

use oxpar_core::serial::reference_nrm2;
use oxpar_core::{Complex, Element, Scalar, VecMut, VecRef};

use crate::dispatch::multiversion;
use crate::level1;

/// Reals (16 complex elements) per unrolled block of the contiguous kernels:
/// `dot` keeps two accumulators of this many f64 (8 AVX-512 registers, 16
/// AVX2 ones), enough independent chains to hide the FMA latency.
pub const BLOCK: usize = 32;

/// Reals (32 complex elements) per unrolled block of `dot`: two
/// accumulators of this many f64 (16 AVX-512 registers). Twice [`BLOCK`]:
/// with 32 the loop streamed at 0.82-0.90x OpenBLAS's zdotc at 10^7
/// elements (one thread, AVX-512), with 64 at 0.95-0.98x, the loop
/// overhead and the prefetches per byte halved.
pub const DOT_BLOCK: usize = 64;

/// Complex elements below which `dot` takes a plain loop: the blocked
/// path's final tree costs more than a few scalar chains on so few elements.
const DOT_SHORT: usize = 8;

/// Complex elements from which `dot` takes [`DOT_BLOCK`] accumulators of
/// each kind and aligns its loads; below, [`BLOCK`] from the first element,
/// unaligned: the aligned path's scalar head and tail, lanes in memory and
/// rotation cost about 20 ns a call, more than the split loads on short
/// vectors (zdotc at 100 elements took 1.4x as long).
pub const DOT_LONG: usize = 512;

/// How far ahead of the loads `axpy` asks for data, in bytes (2 KiB
/// measured no better); `dot` on c64 asks for less (see `dot_ahead`).
pub const PREFETCH_BYTES: usize = 1024;

/// How far ahead `dot` prefetches, in bytes: closer for c64 (at 10^7
/// elements, one thread, with 32-part blocks zdotc ran at 0.84-0.88x
/// OpenBLAS with 1 KiB or 2 KiB ahead, 0.90-0.92x with 512 bytes; with
/// 64-part blocks 2 KiB gave 0.88-0.90x, 256 bytes 0.93-0.95x, 512 to
/// 1024 bytes 0.94-1.0x; cdotc did best with 1 KiB).
#[inline(always)]
fn dot_ahead<T>() -> usize {
    if std::mem::size_of::<T>() == 8 {
        512
    } else {
        PREFETCH_BYTES
    }
}

/// The prefetch hints (`_MM_HINT_*` values): into every cache level.
const AXPY_HINT: i32 = 3;
/// `dot`: the same (the non-temporal hint made it slower, 0.65x OpenBLAS;
/// into L2 only, no faster).
const DOT_HINT: i32 = 3;

/// Asks for the cache lines of the block `ahead` bytes after `block` (of
/// `N` parts) to be fetched. The hardware prefetcher alone leaves
/// one core's streams short of the memory bandwidth that OpenBLAS's kernels
/// reach; a prefetch is a hint that never faults, so the address may lie
/// past the end of the slice.
#[inline(always)]
fn prefetch_block<T, const HINT: i32, const N: usize>(block: *const T, ahead: usize) {
    #[cfg(target_arch = "x86_64")]
    {
        use std::arch::x86_64::_mm_prefetch;
        let base = block.cast::<i8>().wrapping_add(ahead);
        let mut off = 0;
        while off < N * std::mem::size_of::<T>() {
            // SAFETY: a prefetch only hints the cache; it reads nothing the
            // program sees and does not fault on any address.
            unsafe { _mm_prefetch::<HINT>(base.wrapping_add(off)) };
            off += 64;
        }
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = (block, ahead);
}

/// The parts of a complex slice as an interleaved real one.
#[inline(always)]
fn reals<T>(x: &[Complex<T>]) -> &[T] {
    // SAFETY: `Complex<T>` is `#[repr(C)]` with two `T` (re, im), so n
    // elements are 2n contiguous `T` in the same allocation, with the
    // alignment of `T`; the borrow is carried over.
    unsafe { std::slice::from_raw_parts(x.as_ptr().cast::<T>(), 2 * x.len()) }
}

/// [`reals`] for a mutable slice.
#[inline(always)]
fn reals_mut<T>(x: &mut [Complex<T>]) -> &mut [T] {
    // SAFETY: as in `reals`; the unique borrow is carried over.
    unsafe { std::slice::from_raw_parts_mut(x.as_mut_ptr().cast::<T>(), 2 * x.len()) }
}

/// Complex elements before the parts at `p` reach a cache-line boundary
/// (vector accesses that straddle two lines cost a second one), or 0 when
/// the elements cannot be aligned (an element that starts mid-way through a
/// pair of parts).
#[inline(always)]
fn to_cache_line<T>(p: *const T, n: usize) -> usize {
    let h = p.align_offset(64);
    if h.is_multiple_of(2) && h / 2 <= n {
        h / 2
    } else {
        0
    }
}

/// `(-ai, ai, -ai, ai, ...)`: the signs of `alpha`'s imaginary part that
/// multiply the swapped parts in `alpha*x`.
#[inline(always)]
fn swapped_coefficients<T: Scalar>(ai: T) -> [T; BLOCK] {
    std::array::from_fn(|l| if l % 2 == 0 { -ai } else { ai })
}

#[inline(always)]
fn madd<const FMA: bool>(a: f64, b: f64, c: f64) -> f64 {
    if FMA {
        a.mul_add(b, c)
    } else {
        a * b + c
    }
}

/// The four sums of products of parts behind a complex dot product:
/// `rr = sum re x*re y`, `ii = sum im x*im y`, `ri = sum re x*im y`,
/// `ir = sum im x*re y`, each in f64.
#[derive(Copy, Clone, Debug, Default, PartialEq)]
pub struct DotParts {
    /// `sum re(x_i) * re(y_i)`.
    pub rr: f64,
    /// `sum im(x_i) * im(y_i)`.
    pub ii: f64,
    /// `sum re(x_i) * im(y_i)`.
    pub ri: f64,
    /// `sum im(x_i) * re(y_i)`.
    pub ir: f64,
}

impl std::ops::Add for DotParts {
    type Output = DotParts;

    /// The sums of two blocks.
    #[inline]
    fn add(self, o: DotParts) -> DotParts {
        DotParts {
            rr: self.rr + o.rr,
            ii: self.ii + o.ii,
            ri: self.ri + o.ri,
            ir: self.ir + o.ir,
        }
    }
}

impl DotParts {
    /// `sum x_i*y_i` (`conj == false`) or `sum conj(x_i)*y_i`, in f64.
    #[inline]
    pub fn value(self, conj: bool) -> Complex<f64> {
        if conj {
            Complex::new(self.rr + self.ii, self.ri - self.ir)
        } else {
            Complex::new(self.rr - self.ii, self.ri + self.ir)
        }
    }

    /// Adds one pair of elements' products.
    #[inline(always)]
    fn push<T: Scalar, const FMA: bool>(&mut self, a: Complex<T>, b: Complex<T>) {
        let (ar, ai, br, bi) = (a.re.as_f64(), a.im.as_f64(), b.re.as_f64(), b.im.as_f64());
        self.rr = madd::<FMA>(ar, br, self.rr);
        self.ii = madd::<FMA>(ai, bi, self.ii);
        self.ri = madd::<FMA>(ar, bi, self.ri);
        self.ir = madd::<FMA>(ai, br, self.ir);
    }
}

/// Sums the even and the odd lanes of `acc` separately (a fixed pairwise
/// tree: `acc[0]` ends as the even lanes' sum, `acc[1]` as the odd ones').
#[inline(always)]
fn sum_even_odd<const N: usize>(acc: &mut [f64; N]) -> (f64, f64) {
    let mut width = N / 2;
    while width >= 2 {
        for l in 0..width {
            acc[l] += acc[l + width];
        }
        width /= 2;
    }
    (acc[0], acc[1])
}

/// Parts per step of [`dot_block`]: one or two registers.
const DOT_STEP: usize = 16;

/// One step of `dot` on `DOT_STEP` lanes: `p[l] += a[l]*b[l]`,
/// `q[l] += a[l]*b[l^1]`, in f64.
#[inline(always)]
fn dot_step<T: Scalar, const FMA: bool>(
    p: &mut [f64; DOT_STEP],
    q: &mut [f64; DOT_STEP],
    a: &[T; DOT_STEP],
    b: &[T; DOT_STEP],
) {
    let w = |v: T| v.as_f64();
    // The swapped copy as its own array, a register's worth or two at a
    // time: the compiler then swaps whole registers (one in-lane shuffle
    // each), where an index `l ^ 1` in the loop below, or one copy of a
    // whole block, becomes gathers or inserts.
    let bs: [T; DOT_STEP] = std::array::from_fn(|l| b[l ^ 1]);
    for l in 0..DOT_STEP {
        p[l] = madd::<FMA>(w(a[l]), w(b[l]), p[l]);
        q[l] = madd::<FMA>(w(a[l]), w(bs[l]), q[l]);
    }
}

/// One block of `dot` on `N` lanes (a multiple of `DOT_STEP`).
#[inline(always)]
fn dot_block<T: Scalar, const FMA: bool, const N: usize>(
    p: &mut [f64; N],
    q: &mut [f64; N],
    a: &[T; N],
    b: &[T; N],
) {
    let (pc, qc) = (
        p.as_chunks_mut::<DOT_STEP>().0,
        q.as_chunks_mut::<DOT_STEP>().0,
    );
    let (ac, bc) = (a.as_chunks::<DOT_STEP>().0, b.as_chunks::<DOT_STEP>().0);
    for ((p, q), (a, b)) in pc.iter_mut().zip(qc).zip(ac.iter().zip(bc)) {
        dot_step::<T, FMA>(p, q, a, b);
    }
}

/// The pairs of parts of `a` and `b` (fewer than `N`) added in lanes
/// `at..`: one element at a time, each on its own lanes, so the chains are
/// independent.
#[inline(always)]
fn dot_lanes<T: Scalar, const FMA: bool, const N: usize>(
    p: &mut [f64; N],
    q: &mut [f64; N],
    a: &[T],
    b: &[T],
    at: usize,
) {
    let w = |v: T| v.as_f64();
    for (k, (a, b)) in a.chunks_exact(2).zip(b.chunks_exact(2)).enumerate() {
        let l = at + 2 * k;
        let (ar, ai, br, bi) = (w(a[0]), w(a[1]), w(b[0]), w(b[1]));
        p[l] = madd::<FMA>(ar, br, p[l]);
        p[l + 1] = madd::<FMA>(ai, bi, p[l + 1]);
        q[l] = madd::<FMA>(ar, bi, q[l]);
        q[l + 1] = madd::<FMA>(ai, br, q[l + 1]);
    }
}

#[inline(always)]
fn dot_parts_body<T: Scalar, const FMA: bool>(x: &[Complex<T>], y: &[Complex<T>]) -> DotParts {
    let n = x.len().min(y.len());
    if n < DOT_SHORT {
        let mut s = DotParts::default();
        for (&a, &b) in x[..n].iter().zip(&y[..n]) {
            s.push::<T, FMA>(a, b);
        }
        return s;
    }
    // The choice depends on the length alone, never on the address.
    if n < DOT_LONG {
        dot_parts_unaligned::<T, FMA>(&x[..n], &y[..n])
    } else {
        dot_parts_blocked::<T, FMA, DOT_BLOCK>(&x[..n], &y[..n])
    }
}

/// `dot` on [`BLOCK`] accumulators of each kind from the first element,
/// wherever it lies, and the last elements in one chain (equal lengths).
/// For short vectors: no head, no lanes in memory, no rotation.
#[inline(always)]
fn dot_parts_unaligned<T: Scalar, const FMA: bool>(x: &[Complex<T>], y: &[Complex<T>]) -> DotParts {
    let (xb, xt) = reals(x).as_chunks::<BLOCK>();
    let (yb, yt) = reals(y).as_chunks::<BLOCK>();
    let mut p = [0.0f64; BLOCK];
    let mut q = [0.0f64; BLOCK];
    for (a, b) in xb.iter().zip(yb) {
        dot_block::<T, FMA, BLOCK>(&mut p, &mut q, a, b);
    }
    let mut s = DotParts::default();
    for (a, b) in xt.chunks_exact(2).zip(yt.chunks_exact(2)) {
        s.push::<T, FMA>(Complex::new(a[0], a[1]), Complex::new(b[0], b[1]));
    }
    let (rr, ii) = sum_even_odd(&mut p);
    let (ri, ir) = sum_even_odd(&mut q);
    s + DotParts { rr, ii, ri, ir }
}

/// `dot` on `N` accumulators of each kind (equal lengths), the loads of
/// `x` on cache lines.
#[inline(always)]
fn dot_parts_blocked<T: Scalar, const FMA: bool, const N: usize>(
    x: &[Complex<T>],
    y: &[Complex<T>],
) -> DotParts {
    let n = x.len();
    // Part `r` of the interleaved vectors (element `r / 2`) is added to
    // accumulator `r % N`, in the order of `r`, wherever the slices lie:
    // the result must not depend on the address (see `level1`'s `dot_acc`).
    // The blocked loop starts `head` elements in, where `x` reaches a cache
    // line, so its lane `l` stands for accumulator `(2*head + l) % N`; the
    // head goes to the last lanes, the tail to the first, and a rotation
    // puts every lane in its place before the fixed tree.
    let head = to_cache_line(x.as_ptr(), n).min(N / 2 - 1);
    let (xs, ys) = (reals(x), reals(y));
    let h = 2 * head;
    let mut p = [0.0f64; N];
    let mut q = [0.0f64; N];
    if h > 0 {
        dot_lanes::<T, FMA, N>(&mut p, &mut q, &xs[..h], &ys[..h], N - h);
    }
    let (xb, xt) = xs[h..].as_chunks::<N>();
    let (yb, yt) = ys[h..].as_chunks::<N>();
    for (a, b) in xb.iter().zip(yb) {
        prefetch_block::<T, DOT_HINT, N>(a.as_ptr(), dot_ahead::<T>());
        prefetch_block::<T, DOT_HINT, N>(b.as_ptr(), dot_ahead::<T>());
        dot_block::<T, FMA, N>(&mut p, &mut q, a, b);
    }
    if !xt.is_empty() {
        dot_lanes::<T, FMA, N>(&mut p, &mut q, xt, yt, 0);
    }
    p.rotate_right(h);
    q.rotate_right(h);
    let (rr, ii) = sum_even_odd(&mut p);
    let (ri, ir) = sum_even_odd(&mut q);
    DotParts { rr, ii, ri, ir }
}

/// `y := alpha*x + y` as the reference computes it (see the module docs).
#[inline(always)]
fn axpy_elem<T: Scalar>(alpha: Complex<T>, a: Complex<T>, b: &mut Complex<T>) {
    let (ar, ai) = (alpha.re, alpha.im);
    *b = Complex::new(
        b.re + (ar * a.re - ai * a.im),
        b.im + (ar * a.im + ai * a.re),
    );
}

#[inline(always)]
fn axpy_body<T: Scalar, const FMA: bool>(
    alpha: Complex<T>,
    x: &[Complex<T>],
    y: &mut [Complex<T>],
) {
    let n = x.len().min(y.len());
    let head = to_cache_line(y.as_ptr(), n);
    for (b, &a) in y[..head].iter_mut().zip(&x[..head]) {
        axpy_elem(alpha, a, b);
    }
    let ar = alpha.re;
    let s = swapped_coefficients(alpha.im);
    let xs = reals(&x[head..n]);
    let ys = reals_mut(&mut y[head..n]);
    let (xb, xt) = xs.as_chunks::<BLOCK>();
    let (yb, yt) = ys.as_chunks_mut::<BLOCK>();
    for (a, b) in xb.iter().zip(yb) {
        prefetch_block::<T, AXPY_HINT, BLOCK>(a.as_ptr(), PREFETCH_BYTES);
        prefetch_block::<T, AXPY_HINT, BLOCK>(b.as_ptr(), PREFETCH_BYTES);
        // Swapped as in `dot_parts_body`.
        let sw: [T; BLOCK] = std::array::from_fn(|l| a[l ^ 1]);
        for l in 0..BLOCK {
            b[l] += ar * a[l] + s[l] * sw[l];
        }
    }
    for (a, b) in xt.chunks_exact(2).zip(yt.chunks_exact_mut(2)) {
        let mut v = Complex::new(b[0], b[1]);
        axpy_elem(alpha, Complex::new(a[0], a[1]), &mut v);
        (b[0], b[1]) = (v.re, v.im);
    }
}

/// `alpha*v` as the reference computes it (the plain complex product).
#[inline(always)]
fn scal_elem<T: Scalar>(alpha: Complex<T>, v: Complex<T>) -> Complex<T> {
    Complex::new(
        alpha.re * v.re - alpha.im * v.im,
        alpha.re * v.im + alpha.im * v.re,
    )
}

#[inline(always)]
fn scal_body<T: Scalar, const FMA: bool>(alpha: Complex<T>, x: &mut [Complex<T>]) {
    let ar = alpha.re;
    let s = swapped_coefficients(alpha.im);
    let (xb, xt) = reals_mut(x).as_chunks_mut::<BLOCK>();
    for b in xb {
        let a = *b;
        // Swapped as in `dot_parts_body`.
        let sw: [T; BLOCK] = std::array::from_fn(|l| a[l ^ 1]);
        for l in 0..BLOCK {
            b[l] = ar * a[l] + s[l] * sw[l];
        }
    }
    for b in xt.chunks_exact_mut(2) {
        let v = scal_elem(alpha, Complex::new(b[0], b[1]));
        (b[0], b[1]) = (v.re, v.im);
    }
}

/// Largest `|re| + |im|` of a block and whether one is NaN. A full block
/// works on its parts: `|x[l]| + |x[l^1]|` is each element's magnitude,
/// twice (the order of the two terms does not change the sum), which
/// vectorizes as `dot_parts_body` does; a short block takes a plain loop.
#[inline(always)]
fn block_max<T: Scalar>(x: &[Complex<T>]) -> (T, bool) {
    let mut m = T::zero();
    let mut nan = false;
    if let Ok(a) = <&[T; BLOCK]>::try_from(reals(x)) {
        let ab: [T; BLOCK] = std::array::from_fn(|l| a[l].abs());
        let sw: [T; BLOCK] = std::array::from_fn(|l| ab[l ^ 1]);
        for l in 0..BLOCK {
            let v = ab[l] + sw[l];
            nan |= v.is_nan();
            m = if v > m { v } else { m };
        }
    } else {
        for v in x {
            let a = v.re.abs() + v.im.abs();
            nan |= a.is_nan();
            m = if a > m { a } else { m };
        }
    }
    (m, nan)
}

#[inline(always)]
fn iamax_body<T: Scalar, const FMA: bool>(x: &[Complex<T>]) -> Option<(usize, T)> {
    if x.is_empty() {
        return None;
    }
    let abs1 = |v: &Complex<T>| v.re.abs() + v.im.abs();
    // The first block holding the first NaN, else the first largest value;
    // then that block alone is scanned for the index.
    const CB: usize = BLOCK / 2;
    let mut best = (0usize, T::neg_infinity());
    for (b, block) in x.chunks(CB).enumerate() {
        let (m, nan) = block_max(block);
        if nan {
            let i = block.iter().position(|v| abs1(v).is_nan()).unwrap_or(0);
            return Some((b * CB + i, abs1(&block[i])));
        }
        if m > best.1 {
            best = (b, m);
        }
    }
    let start = best.0 * CB;
    let block = &x[start..(start + CB).min(x.len())];
    let i = block.iter().position(|v| abs1(v) == best.1).unwrap_or(0);
    Some((start + i, abs1(&block[i])))
}

multiversion!(
    /// The four sums of products of parts of `x . y` ([`DotParts`]) on
    /// contiguous slices (the shorter length counts), in f64.
    pub fn dot_parts_contiguous, dot_parts_contiguous_at<T>(
        x: &[Complex<T>],
        y: &[Complex<T>],
    ) -> DotParts => dot_parts_body
);
multiversion!(
    /// `y := alpha*x + y` on contiguous slices (the shorter length counts),
    /// with the reference's arithmetic.
    pub fn axpy_contiguous, axpy_contiguous_at<T>(
        alpha: Complex<T>,
        x: &[Complex<T>],
        y: &mut [Complex<T>],
    ) -> () => axpy_body
);
multiversion!(
    /// `x := alpha*x` on a contiguous slice, with the reference's arithmetic.
    pub fn scal_contiguous, scal_contiguous_at<T>(alpha: Complex<T>, x: &mut [Complex<T>]) -> () => scal_body
);
multiversion!(
    /// The first index of a NaN `|re| + |im|`, else of the first largest
    /// one, with that magnitude, on a contiguous slice; `None` when empty.
    pub fn iamax_contiguous, iamax_contiguous_at<T>(x: &[Complex<T>]) -> Option<(usize, T)> => iamax_body
);

/// `sum x_i*y_i` (`conj == false`, dotu) or `sum conj(x_i)*y_i` (dotc),
/// accumulated in f64 and not rounded back. Lengths must match.
///
/// Contiguous vectors take the SIMD kernel ([`DotParts`]); strided ones add
/// each element's complex product in turn, in the reference's order (a
/// strided loop is bound by memory latency, not by the additions).
pub fn dot_wide<R: Scalar>(
    conj: bool,
    x: VecRef<'_, Complex<R>>,
    y: VecRef<'_, Complex<R>>,
) -> Complex<f64>
where
    Complex<R>: Element,
{
    match (x.as_slice(), y.as_slice()) {
        (Some(xs), Some(ys)) => dot_parts_contiguous(xs, ys).value(conj),
        _ => x
            .iter()
            .zip(y.iter())
            .fold(Complex::new(0.0, 0.0), |acc, (a, b)| {
                let a = Complex::new(a.re.as_f64(), a.im.as_f64());
                let b = Complex::new(b.re.as_f64(), b.im.as_f64());
                acc + if conj { a.conj() } else { a } * b
            }),
    }
}

/// [`dot_wide`] with each part rounded once to `R`.
pub fn dot<R: Scalar>(
    conj: bool,
    x: VecRef<'_, Complex<R>>,
    y: VecRef<'_, Complex<R>>,
) -> Complex<R>
where
    Complex<R>: Element,
{
    let v = dot_wide(conj, x, y);
    Complex::new(R::from_f64(v.re), R::from_f64(v.im))
}

/// `y := alpha*x + y`, with the reference's arithmetic. Lengths must match;
/// with `alpha == 0` nothing is read.
pub fn axpy<R: Scalar>(alpha: Complex<R>, x: VecRef<'_, Complex<R>>, mut y: VecMut<'_, Complex<R>>)
where
    Complex<R>: Element,
{
    if alpha.re == R::zero() && alpha.im == R::zero() {
        return;
    }
    match (x.as_slice(), y.as_slice_mut()) {
        (Some(xs), Some(ys)) => axpy_contiguous(alpha, xs, ys),
        _ => {
            let mut xi = x.iter();
            y.for_each_mut(|_, yi| {
                if let Some(a) = xi.next() {
                    axpy_elem(alpha, a, yi);
                }
            });
        }
    }
}

/// `x := alpha*x`, with the reference's arithmetic.
pub fn scal<R: Scalar>(alpha: Complex<R>, mut x: VecMut<'_, Complex<R>>)
where
    Complex<R>: Element,
{
    match x.as_slice_mut() {
        Some(xs) => scal_contiguous(alpha, xs),
        None => x.for_each_mut(|_, v| *v = scal_elem(alpha, *v)),
    }
}

/// `x := alpha*x` for a real `alpha`, each part scaled
/// (`(alpha*re, alpha*im)`, as the reference's `csscal`/`zdscal`).
pub fn scal_real<R: Scalar>(alpha: R, mut x: VecMut<'_, Complex<R>>)
where
    Complex<R>: Element,
{
    match x.as_slice_mut() {
        Some(xs) => level1::scal_contiguous(alpha, reals_mut(xs)),
        None => x.for_each_mut(|_, v| *v = Complex::new(alpha * v.re, alpha * v.im)),
    }
}

/// `y := x`. Lengths must match.
pub fn copy<R: Scalar>(x: VecRef<'_, Complex<R>>, mut y: VecMut<'_, Complex<R>>)
where
    Complex<R>: Element,
{
    match (x.as_slice(), y.as_slice_mut()) {
        (Some(xs), Some(ys)) => ys.copy_from_slice(xs),
        _ => {
            let mut xi = x.iter();
            y.for_each_mut(|_, yi| {
                if let Some(a) = xi.next() {
                    *yi = a;
                }
            });
        }
    }
}

/// Exchanges `x` and `y`. Lengths must match.
pub fn swap<R: Scalar>(mut x: VecMut<'_, Complex<R>>, mut y: VecMut<'_, Complex<R>>)
where
    Complex<R>: Element,
{
    if let (Some(xs), Some(ys)) = (x.rb_mut().as_slice_mut(), y.rb_mut().as_slice_mut()) {
        xs.swap_with_slice(ys);
        return;
    }
    for i in 0..x.len().min(y.len()) {
        let t = x.as_ref().get(i);
        x.set(i, y.as_ref().get(i));
        y.set(i, t);
    }
}

/// `sum |re x_i| + |im x_i|` accumulated in f64, not rounded back.
pub fn asum_wide<R: Scalar>(x: VecRef<'_, Complex<R>>) -> f64
where
    Complex<R>: Element,
{
    match x.as_slice() {
        Some(xs) => level1::asum_wide_contiguous(reals(xs)),
        None => x.iter().fold(0.0, |acc, v| {
            acc + v.re.as_f64().abs() + v.im.as_f64().abs()
        }),
    }
}

/// [`asum_wide`] rounded once to `R`.
pub fn asum<R: Scalar>(x: VecRef<'_, Complex<R>>) -> R
where
    Complex<R>: Element,
{
    R::from_f64(asum_wide(x))
}

/// `sum re x_i^2 + im x_i^2` accumulated in f64, unscaled: the fast first
/// pass of [`nrm2_wide`] (check it with [`level1::sumsq_is_safe`] for `2n`
/// parts).
pub fn sumsq_wide<R: Scalar>(x: VecRef<'_, Complex<R>>) -> f64
where
    Complex<R>: Element,
{
    match x.as_slice() {
        Some(xs) => level1::sumsq_wide_contiguous(reals(xs)),
        None => x.iter().fold(0.0, |acc, v| {
            let (a, b) = (v.re.as_f64(), v.im.as_f64());
            acc + a * a + b * b
        }),
    }
}

/// The scaled Euclidean norm of the `2n` parts, in f64 (the slow pass: NaN
/// if a part is NaN, else +inf if one is infinite).
pub fn nrm2_scaled_wide<R: Scalar>(x: VecRef<'_, Complex<R>>) -> f64
where
    Complex<R>: Element,
{
    reference_nrm2(x.iter().flat_map(|v| [v.re.as_f64(), v.im.as_f64()]))
}

/// The Euclidean norm in f64: one unscaled pass, and the scaled algorithm
/// only when that pass overflowed, underflowed or met NaN/Inf.
pub fn nrm2_wide<R: Scalar>(x: VecRef<'_, Complex<R>>) -> f64
where
    Complex<R>: Element,
{
    let s = sumsq_wide(x);
    if level1::sumsq_is_safe(s, 2 * x.len()) {
        s.sqrt()
    } else {
        nrm2_scaled_wide(x)
    }
}

/// [`nrm2_wide`] rounded once to `R`.
pub fn nrm2<R: Scalar>(x: VecRef<'_, Complex<R>>) -> R
where
    Complex<R>: Element,
{
    R::from_f64(nrm2_wide(x))
}

/// The first index of a NaN `|re| + |im|` (a NaN part), else of the first
/// largest one, with that magnitude (in `R`, as the reference's `scabs1`/
/// `dcabs1`); `None` when empty.
pub fn iamax<R: Scalar>(x: VecRef<'_, Complex<R>>) -> Option<(usize, R)>
where
    Complex<R>: Element,
{
    match x.as_slice() {
        Some(xs) => iamax_contiguous(xs),
        None => {
            let mut best: Option<(usize, R)> = None;
            for (i, v) in x.iter().enumerate() {
                let a = v.re.abs() + v.im.abs();
                if a.is_nan() {
                    return Some((i, a));
                }
                if best.is_none_or(|(_, m)| a > m) {
                    best = Some((i, a));
                }
            }
            best
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dispatch::detect;

    fn data<R: Scalar>(n: usize, seed: u64) -> Vec<Complex<R>> {
        let mut s = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let mut next = move || {
            s = s
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            R::from_f64(((s >> 11) as f64 / (1u64 << 53) as f64) * 2.0 - 1.0)
        };
        (0..n).map(|_| Complex::new(next(), next())).collect()
    }

    /// Lengths around the blocks, the vector widths and `dot`'s cut-offs
    /// (`DOT_SHORT`, `DOT_LONG`), and longer ones.
    const SIZES: [usize; 22] = [
        0, 1, 2, 3, 7, 8, 9, 15, 16, 17, 31, 32, 33, 63, 64, 65, 100, 511, 512, 513, 545, 1027,
    ];

    /// The naive dot products in f64, and the sum of the products' magnitudes.
    fn naive_dot<R: Scalar>(conj: bool, x: &[Complex<R>], y: &[Complex<R>]) -> (Complex<f64>, f64) {
        let mut acc = Complex::new(0.0, 0.0);
        let mut abs = 0.0;
        for (a, b) in x.iter().zip(y) {
            let a = Complex::new(a.re.as_f64(), a.im.as_f64());
            let a = if conj { a.conj() } else { a };
            let b = Complex::new(b.re.as_f64(), b.im.as_f64());
            acc += a * b;
            abs += (a.re * b.re).abs() + (a.im * b.im).abs() + (a.re * b.im).abs();
            abs += (a.im * b.re).abs();
        }
        (acc, abs)
    }

    fn same_bits<R: Scalar>(a: Complex<R>, b: Complex<R>) -> bool {
        let eq =
            |u: R, v: R| (u.is_nan() && v.is_nan()) || u.as_f64().to_bits() == v.as_f64().to_bits();
        eq(a.re, b.re) && eq(a.im, b.im)
    }

    fn check_level<R: Scalar>(level: crate::CpuLevel)
    where
        Complex<R>: Element,
    {
        let alpha = Complex::new(R::from_f64(0.75), R::from_f64(-1.25));
        for n in SIZES {
            // Offsets move the start off the cache line (and, for the
            // aligned loops, through every head length).
            for off in [0, 1, 3] {
                let xa = data::<R>(n + off, 1);
                let ya = data::<R>(n + off, 2);
                let (x, y) = (&xa[off..], &ya[off..]);
                let parts = dot_parts_contiguous_at(level, x, y);
                for conj in [false, true] {
                    let (want, abs) = naive_dot(conj, x, y);
                    let got = parts.value(conj);
                    let tol = 4.0 * f64::EPSILON * (abs + 1e-300) * (n as f64 + 1.0);
                    assert!(
                        (got.re - want.re).abs() <= tol && (got.im - want.im).abs() <= tol,
                        "{level:?} n={n} off={off} conj={conj}: {got} vs {want}"
                    );
                }
                let mut z = y.to_vec();
                axpy_contiguous_at(level, alpha, x, &mut z);
                for i in 0..n {
                    assert!(
                        same_bits(z[i], y[i] + alpha * x[i]),
                        "{level:?} axpy n={n} i={i}"
                    );
                }
                let mut z = x.to_vec();
                scal_contiguous_at(level, alpha, &mut z);
                for i in 0..n {
                    assert!(same_bits(z[i], alpha * x[i]), "{level:?} scal n={n} i={i}");
                }
                let naive = {
                    let mut best: Option<(usize, R)> = None;
                    for (i, v) in x.iter().enumerate() {
                        let a = v.re.abs() + v.im.abs();
                        if best.is_none_or(|(_, m)| a > m) {
                            best = Some((i, a));
                        }
                    }
                    best
                };
                assert_eq!(iamax_contiguous_at(level, x), naive, "{level:?} n={n}");
            }
        }
    }

    #[test]
    fn every_cpu_level_agrees_with_naive_loops() {
        for level in detect().up_to() {
            check_level::<f64>(level);
            check_level::<f32>(level);
        }
    }

    #[test]
    fn special_values_follow_the_reference_arithmetic() {
        type C = Complex<f64>;
        let (inf, nan) = (f64::INFINITY, f64::NAN);
        for level in detect().up_to() {
            for n in [5usize, 40, 100] {
                let mut x: Vec<C> = data::<f64>(n, 3);
                let y0: Vec<C> = data::<f64>(n, 4);
                x[1] = C::new(inf, 0.0);
                x[n - 2] = C::new(1.0, nan);
                x[n / 2] = C::new(-inf, inf);
                for alpha in [C::new(2.0, 0.0), C::new(0.0, 1.0), C::new(inf, 1.0)] {
                    let mut y = y0.clone();
                    axpy_contiguous_at(level, alpha, &x, &mut y);
                    let mut s = x.clone();
                    scal_contiguous_at(level, alpha, &mut s);
                    for i in 0..n {
                        assert!(same_bits(y[i], y0[i] + alpha * x[i]), "{level:?} {i}");
                        assert!(same_bits(s[i], alpha * x[i]), "{level:?} {i}");
                    }
                }
                let d = dot_parts_contiguous_at(level, &x, &y0).value(true);
                assert!(d.re.is_nan() && d.im.is_nan());
                // The first NaN wins iamax, before a larger infinity.
                x[n - 1] = C::new(0.0, -inf);
                let got = iamax_contiguous_at(level, &x).unwrap();
                assert_eq!(got.0, n - 2);
                assert!(got.1.is_nan());
                x[1] = C::new(nan, 0.0);
                assert_eq!(iamax_contiguous_at(level, &x).unwrap().0, 1);
                x[1] = C::new(0.0, 0.0);
                x[n - 2] = C::new(0.0, 0.0);
                // Infinities: the first of the two (|-inf| + |inf|) wins.
                assert_eq!(iamax_contiguous_at(level, &x).unwrap().0, n / 2);
            }
        }
    }

    #[test]
    fn strided_views_agree_with_contiguous_ones() {
        type C = Complex<f64>;
        for n in [0usize, 1, 2, 33, 100] {
            let x: Vec<C> = data::<f64>(n, 5);
            let y: Vec<C> = data::<f64>(n, 6);
            for inc in [2isize, -1, -3] {
                let w = inc.unsigned_abs();
                let spread = |v: &[C]| {
                    let mut s = vec![C::new(f64::NAN, f64::NAN); (n.max(1) - 1) * w + 1];
                    for (i, &e) in v.iter().enumerate() {
                        let k = if inc > 0 { i * w } else { (n - 1 - i) * w };
                        s[k] = e;
                    }
                    s
                };
                let (xs, ys) = (spread(&x), spread(&y));
                let xv = VecRef::from_blas(&xs, n, inc).unwrap();
                let yv = VecRef::from_blas(&ys, n, inc).unwrap();
                let (xc, yc) = (VecRef::from_slice(&x), VecRef::from_slice(&y));
                for conj in [false, true] {
                    let (a, b) = (dot_wide(conj, xv, yv), dot_wide(conj, xc, yc));
                    assert!((a - b).norm() <= 1e-13 * (n as f64 + 1.0), "{n} {inc}");
                }
                assert!((asum_wide(xv) - asum_wide(xc)).abs() <= 1e-13 * (n as f64 + 1.0));
                assert!((nrm2_wide(xv) - nrm2_wide(xc)).abs() <= 1e-14 * (n as f64 + 1.0));
                assert_eq!(iamax(xv), iamax(xc));
                let alpha = C::new(-0.5, 2.0);
                let mut z = ys.clone();
                axpy(alpha, xv, VecMut::from_blas(&mut z, n, inc).unwrap());
                let mut zc = y.clone();
                axpy(alpha, xc, VecMut::from_slice(&mut zc));
                let mut zs = zs_of(&z, n, inc);
                assert_eq!(zs, zc);
                scal(alpha, VecMut::from_blas(&mut z, n, inc).unwrap());
                scal(alpha, VecMut::from_slice(&mut zc));
                zs = zs_of(&z, n, inc);
                assert_eq!(zs, zc);
                scal_real(3.0, VecMut::from_blas(&mut z, n, inc).unwrap());
                scal_real(3.0, VecMut::from_slice(&mut zc));
                assert_eq!(zs_of(&z, n, inc), zc);
                let mut c = ys.clone();
                copy(xv, VecMut::from_blas(&mut c, n, inc).unwrap());
                assert_eq!(zs_of(&c, n, inc), x);
                let (mut p, mut q) = (xs.clone(), ys.clone());
                swap(
                    VecMut::from_blas(&mut p, n, inc).unwrap(),
                    VecMut::from_blas(&mut q, n, inc).unwrap(),
                );
                assert_eq!(
                    (zs_of(&p, n, inc), zs_of(&q, n, inc)),
                    (y.clone(), x.clone())
                );
            }
        }
    }

    /// The logical elements of a BLAS-strided array.
    fn zs_of(v: &[Complex<f64>], n: usize, inc: isize) -> Vec<Complex<f64>> {
        VecRef::from_blas(v, n, inc).unwrap().iter().collect()
    }

    #[test]
    fn asum_and_nrm2_match_naive_loops_without_overflow() {
        type C = Complex<f64>;
        for level_n in [0usize, 1, 7, 64, 1001] {
            let x: Vec<C> = data::<f64>(level_n, 7);
            let v = VecRef::from_slice(&x);
            let naive_asum: f64 = x.iter().map(|c| c.re.abs() + c.im.abs()).sum();
            let naive_nrm: f64 = x.iter().map(|c| c.norm_sqr()).sum::<f64>().sqrt();
            assert!((asum(v) - naive_asum).abs() <= 1e-13 * (level_n as f64 + 1.0));
            assert!((nrm2(v) - naive_nrm).abs() <= 1e-14 * (level_n as f64 + 1.0));
        }
        let big = vec![C::new(3e300, 4e300); 100];
        assert!((nrm2(VecRef::from_slice(&big)) / 5e301 - 1.0).abs() < 1e-14);
        let tiny = vec![C::new(3e-300, 4e-300); 100];
        assert!((nrm2(VecRef::from_slice(&tiny)) / 5e-299 - 1.0).abs() < 1e-14);
        let c32 = vec![Complex::new(3e30f32, 4e30f32); 100];
        assert!((nrm2(VecRef::from_slice(&c32)) / 5e31 - 1.0).abs() < 1e-6);
        let inf = [C::new(1.0, 0.0), C::new(0.0, f64::INFINITY)];
        assert_eq!(nrm2(VecRef::from_slice(&inf)), f64::INFINITY);
        let nan = [C::new(f64::NAN, 0.0), C::new(0.0, f64::INFINITY)];
        assert!(nrm2(VecRef::from_slice(&nan)).is_nan());
    }

    /// `n` elements of `data` placed `off` parts (of `R`) after a 64-byte
    /// boundary: `off` odd puts every element across a pair of parts.
    fn placed<R: Scalar>(data: &[Complex<R>], off: usize) -> Vec<R> {
        let mut buf = vec![R::zero(); 2 * data.len() + 64];
        let start = buf.as_ptr().align_offset(64) + off;
        for (i, v) in data.iter().enumerate() {
            buf[start + 2 * i] = v.re;
            buf[start + 2 * i + 1] = v.im;
        }
        buf
    }

    /// The parts of `buf` from `off` after its first 64-byte boundary as `n`
    /// complex elements (possibly misaligned for `Complex<R>`'s pairs, never
    /// for `R`).
    fn view<R: Scalar>(buf: &[R], off: usize, n: usize) -> &[Complex<R>] {
        let start = buf.as_ptr().align_offset(64) + off;
        let parts = &buf[start..start + 2 * n];
        // SAFETY: `Complex<R>` is `#[repr(C)]` with two `R` and the alignment
        // of `R`; `parts` holds 2n of them.
        unsafe { std::slice::from_raw_parts(parts.as_ptr().cast(), n) }
    }

    fn dot_ignores_the_address<R: Scalar>()
    where
        Complex<R>: Element,
    {
        let per_line = 64 / std::mem::size_of::<R>();
        for level in detect().up_to() {
            for n in SIZES.into_iter().chain([4099]) {
                let (x, y) = (data::<R>(n, 8), data::<R>(n, 9));
                let mut first: Option<DotParts> = None;
                for off in 0..per_line {
                    let (bx, by) = (placed(&x, off), placed(&y, (off * 3) % per_line));
                    let got = dot_parts_contiguous_at(
                        level,
                        view(&bx, off, n),
                        view(&by, (off * 3) % per_line, n),
                    );
                    let want = *first.get_or_insert(got);
                    let bits = |d: DotParts| [d.rr, d.ii, d.ri, d.ir].map(f64::to_bits);
                    assert_eq!(bits(got), bits(want), "{level:?} n={n} off={off}");
                }
            }
        }
    }

    #[test]
    fn dot_results_do_not_depend_on_the_address() {
        dot_ignores_the_address::<f64>();
        dot_ignores_the_address::<f32>();
    }

    #[test]
    fn dot_special_values_in_head_blocks_and_tail() {
        type C = Complex<f64>;
        let (inf, nan) = (f64::INFINITY, f64::NAN);
        for level in detect().up_to() {
            for n in [9usize, 40, 600, 1000] {
                for pos in [0, 1, 2, n / 2, n - 2, n - 1] {
                    let y = data::<f64>(n, 11);
                    let mut x = data::<f64>(n, 10);
                    for off in 0..8 {
                        x[pos] = C::new(inf, 0.0);
                        let bx = placed(&x, off);
                        let d = dot_parts_contiguous_at(level, view(&bx, off, n), &y);
                        // `inf * y.re` is +-inf in rr (and in ir's partner
                        // lane only through y.im): the sums are infinite,
                        // never NaN, with no other infinity to cancel.
                        assert!(
                            d.rr.is_infinite() && d.ri.is_infinite(),
                            "{level:?} {n} {pos}"
                        );
                        assert!(d.ii.is_finite() && d.ir.is_finite(), "{level:?} {n} {pos}");
                        x[pos] = C::new(1.0, nan);
                        let bx = placed(&x, off);
                        let d = dot_parts_contiguous_at(level, view(&bx, off, n), &y);
                        assert!(d.ii.is_nan() && d.ir.is_nan(), "{level:?} {n} {pos}");
                        assert!(d.rr.is_finite() && d.ri.is_finite(), "{level:?} {n} {pos}");
                    }
                }
            }
        }
    }

    #[test]
    fn c32_dot_accumulates_in_f64() {
        // 2^24 + 1 + ... : an f32 accumulator would lose every 1.
        let big = 16_777_216.0f32;
        let mut x = vec![Complex::new(1.0f32, 0.0); 1000];
        x[0] = Complex::new(big, 0.0);
        x[999] = Complex::new(-big, 0.0);
        let ones = vec![Complex::new(1.0f32, 1.0); 1000];
        for level in detect().up_to() {
            let d = dot_parts_contiguous_at(level, &x, &ones).value(false);
            assert_eq!((d.re, d.im), (998.0, 998.0), "{level:?}");
        }
    }
}
