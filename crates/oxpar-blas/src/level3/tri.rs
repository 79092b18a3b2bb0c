//! Triangular products and solves (trmm, trsm) in one canonical form:
//! `B := alpha*T*B` and `B := alpha*inv(T)*B`, with `T` a strided `m x m`
//! view that is lower or upper triangular and `B` a strided `m x n` view.
//!
//! Every case of the reference routines maps onto this form without moving
//! data: a transposed `A` is the view `A^T` (whose triangle is the other
//! one), and the right-side forms `B*op(A)` are the left-side forms on `B^T`.
//!
//! The algorithm is recursive: `T` is split in two halves, the off-diagonal
//! block is applied with one gemm, and the halves recurse, down to diagonal
//! blocks of at most [`BASE`] that direct loops handle, on panels of columns
//! of `B` copied to a small buffer. Large problems are first split into
//! column blocks of `B`, independent of each other, which the team's threads
//! take in turn, each running the recursion with single-threaded gemms; when
//! `B` has too few columns for that, each gemm and each set of small kernels
//! is split across threads instead.

use super::raw::{for_blocks, gemm, in_parallel, split, Mat};
use super::simd::multiversion;
use oxpar_core::Scalar;

/// Diagonal blocks up to this size are handled by direct loops.
pub(crate) const BASE: usize = 64;

/// The triangle of the `m x m` view `t` as a contiguous column-major array:
/// the other triangle zero, the diagonal one when `unit`.
///
/// # Safety
/// The triangle of `t` (diagonal included unless `unit`) is readable.
unsafe fn pack<T: Scalar>(lower: bool, unit: bool, t: Mat<T>) -> Vec<T> {
    let m = t.rows;
    let mut tp = vec![T::zero(); m * m];
    for j in 0..m {
        let rows = if lower { j + 1..m } else { 0..j };
        for i in rows {
            // SAFETY: (i, j) is in the referenced triangle (caller's contract).
            tp[i + j * m] = unsafe { t.get(i, j) };
        }
        tp[j + j * m] = if unit {
            T::one()
        } else {
            // SAFETY: as above; the diagonal is referenced when not unit.
            unsafe { t.get(j, j) }
        };
    }
    tp
}

/// Columns of `B` per part when an operation is split across threads.
const MIN_PART: usize = 128;

/// `B := alpha*T*B`, `T` lower (`lower`) or upper triangular, unit diagonal
/// assumed (and not read) when `unit`. Large problems are split into column
/// blocks of `B` across threads.
///
/// # Safety
/// `t` is `m x m` and its triangle readable; `b` is `m x n`, writable, with
/// distinct elements that do not overlap `t`.
pub(crate) unsafe fn trmm<T: Scalar>(lower: bool, unit: bool, alpha: T, t: Mat<T>, b: Mat<T>) {
    let (m, n) = (t.rows, b.cols);
    let part = |cols: std::ops::Range<usize>| {
        // SAFETY: the parts are disjoint column blocks of b (caller's
        // contract for the rest).
        unsafe { trmm_rec(lower, unit, alpha, t, b.sub(0, cols.start, m, cols.len())) }
    };
    if !in_parallel(n, m * m / 2 * n, MIN_PART, &part) {
        part(0..n);
    }
}

/// `B := alpha*inv(T)*B` (solves `T*X = alpha*B`), `T` as in [`trmm`], split
/// as there.
///
/// # Safety
/// As [`trmm`].
pub(crate) unsafe fn trsm<T: Scalar>(lower: bool, unit: bool, alpha: T, t: Mat<T>, b: Mat<T>) {
    let (m, n) = (t.rows, b.cols);
    let part = |cols: std::ops::Range<usize>| {
        // SAFETY: as in trmm.
        unsafe { trsm_rec(lower, unit, alpha, t, b.sub(0, cols.start, m, cols.len())) }
    };
    if !in_parallel(n, m * m / 2 * n, MIN_PART, &part) {
        part(0..n);
    }
}

/// [`trmm`] by recursive halving of `T`.
///
/// # Safety
/// As [`trmm`].
unsafe fn trmm_rec<T: Scalar>(lower: bool, unit: bool, alpha: T, t: Mat<T>, b: Mat<T>) {
    let m = t.rows;
    if m <= BASE {
        // SAFETY: forwarded contract.
        unsafe { base(Op::Mul, lower, unit, alpha, t, b) };
        return;
    }
    let m1 = split(m);
    let m2 = m - m1;
    let n = b.cols;
    let (t11, t22) = (t.sub(0, 0, m1, m1), t.sub(m1, m1, m2, m2));
    let (b1, b2) = (b.sub(0, 0, m1, n), b.sub(m1, 0, m2, n));
    if lower {
        // [B1; B2] := alpha*[T11 0; T21 T22]*[B1; B2]: B2 first, while B1
        // still holds its old value.
        // SAFETY: the blocks are parts of t and b (caller's contract); B1 and
        // B2 are disjoint, so the gemm's output overlaps none of its inputs.
        unsafe {
            trmm_rec(lower, unit, alpha, t22, b2);
            gemm(alpha, t.sub(m1, 0, m2, m1), b1, T::one(), b2);
            trmm_rec(lower, unit, alpha, t11, b1);
        }
    } else {
        // [B1; B2] := alpha*[T11 T12; 0 T22]*[B1; B2]: B1 first.
        // SAFETY: as above.
        unsafe {
            trmm_rec(lower, unit, alpha, t11, b1);
            gemm(alpha, t.sub(0, m1, m1, m2), b2, T::one(), b1);
            trmm_rec(lower, unit, alpha, t22, b2);
        }
    }
}

/// [`trsm`] by recursive halving of `T`.
///
/// # Safety
/// As [`trmm`].
unsafe fn trsm_rec<T: Scalar>(lower: bool, unit: bool, alpha: T, t: Mat<T>, b: Mat<T>) {
    let m = t.rows;
    if m <= BASE {
        // SAFETY: forwarded contract.
        unsafe { base(Op::Solve, lower, unit, alpha, t, b) };
        return;
    }
    let m1 = split(m);
    let m2 = m - m1;
    let n = b.cols;
    let (t11, t22) = (t.sub(0, 0, m1, m1), t.sub(m1, m1, m2, m2));
    let (b1, b2) = (b.sub(0, 0, m1, n), b.sub(m1, 0, m2, n));
    let minus_one = -T::one();
    if lower {
        // X1 := inv(T11)*alpha*B1; B2 := alpha*B2 - T21*X1; X2 := inv(T22)*B2.
        // SAFETY: as in trmm.
        unsafe {
            trsm_rec(lower, unit, alpha, t11, b1);
            gemm(minus_one, t.sub(m1, 0, m2, m1), b1, alpha, b2);
            trsm_rec(lower, unit, T::one(), t22, b2);
        }
    } else {
        // X2 first, then B1 := alpha*B1 - T12*X2, then X1.
        // SAFETY: as in trmm.
        unsafe {
            trsm_rec(lower, unit, alpha, t22, b2);
            gemm(minus_one, t.sub(0, m1, m1, m2), b2, alpha, b1);
            trsm_rec(lower, unit, T::one(), t11, b1);
        }
    }
}

/// Which of the two operations a kernel performs.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
enum Op {
    /// `B := alpha*T*B`.
    Mul,
    /// `B := alpha*inv(T)*B`.
    Solve,
}

/// The direct loops on a small triangle (`m <= BASE`), on panels of [`W`]
/// columns of `b` at a time, split across threads when large enough.
///
/// A panel is copied to a small buffer as `m` rows of `W` contiguous
/// elements (and back when done): even when `b`'s rows are contiguous (the
/// right-side cases, on `B^T`), rows a leading dimension apart would compete
/// for the same cache sets. Row `i` of the result is accumulated in
/// registers from row `i` and the rows on one side of it, with the
/// coefficients of row `i` of the packed triangle.
///
/// # Safety
/// As [`trmm`].
unsafe fn base<T: Scalar>(op: Op, lower: bool, unit: bool, alpha: T, t: Mat<T>, b: Mat<T>) {
    let (m, n) = (b.rows, b.cols);
    if m == 0 || n == 0 {
        return;
    }
    // SAFETY: the triangle of t is readable (caller's contract).
    let tp = unsafe { pack(lower, unit, t) };
    let tp = &tp[..];
    let k = Kernel {
        op,
        lower,
        unit,
        alpha,
    };
    let panels = n.div_ceil(W);
    for_blocks(panels, m * m / 2 * n, &|r| {
        let mut buf = vec![T::zero(); m * W];
        for p in r {
            let j0 = p * W;
            let width = W.min(n - j0);
            let panel = b.sub(0, j0, m, width);
            // SAFETY: the panel's elements exist (caller's contract); buf
            // holds m rows of W.
            unsafe { copy_panel(panel, buf.as_mut_ptr(), true) };
            // SAFETY: buf holds m rows of W elements.
            unsafe { rows(k, tp, m, buf.as_mut_ptr(), W as isize) };
            // SAFETY: as above; this thread owns the panel's columns.
            unsafe { copy_panel(panel, buf.as_mut_ptr(), false) };
        }
    });
}

/// Copies `panel` (at most [`W`] columns) to `buf` as rows of `W` elements
/// (`to_buf`), or back. The loops run along `panel`'s closer-packed
/// dimension: elements a leading dimension apart share cache sets.
///
/// # Safety
/// The panel's elements exist (and are writable when copying back), and
/// `buf` holds `panel.rows` rows of `W`.
unsafe fn copy_panel<T: Scalar>(panel: Mat<T>, buf: *mut T, to_buf: bool) {
    let (m, width) = (panel.rows, panel.cols);
    // Element (i, q) of the panel is at base + i*rs + q*cs; the loops run
    // along `inner` (stride 1 or the smaller one) inside `outer`.
    let by_columns = panel.rs.unsigned_abs() <= panel.cs.unsigned_abs();
    let (outer, inner) = if by_columns { (width, m) } else { (m, width) };
    let (so, si) = if by_columns {
        (panel.cs, panel.rs)
    } else {
        (panel.rs, panel.cs)
    };
    let (bo, bi) = if by_columns { (1, W) } else { (W, 1) };
    for o in 0..outer {
        let p = panel.ptr.wrapping_offset(o as isize * so);
        let b = buf.wrapping_add(o * bo);
        for e in 0..inner {
            // SAFETY: element (o, e) of the panel in its loop order, and of
            // buf (caller's contract).
            unsafe {
                let (pe, be) = (p.offset(e as isize * si), b.add(e * bi));
                if to_buf {
                    *be = *pe;
                } else {
                    *pe = *be;
                }
            }
        }
    }
}

/// Columns per panel of the small kernels: the accumulator of a row (256
/// bytes of f64, four AVX-512 registers) stays in registers.
const W: usize = 32;

/// What the small kernels compute.
#[derive(Copy, Clone, Debug)]
struct Kernel<T> {
    op: Op,
    lower: bool,
    unit: bool,
    alpha: T,
}

multiversion!(rows, rows_body(k: Kernel<T>, tp: &[T], m: usize, base: *mut T, stride: isize));

/// `c + a*b`, fused when the instruction set has FMA.
#[inline(always)]
fn madd<T: Scalar, const FMA: bool>(a: T, b: T, c: T) -> T {
    if FMA {
        a.mul_add(b, c)
    } else {
        c + a * b
    }
}

/// `acc += sum over c in cs of (+-tp[i, c]) * row_c` (minus when `negate`).
///
/// # Safety
/// Rows `c` in `cs` (at `base + c*stride`) hold [`W`] readable elements.
#[inline(always)]
#[allow(clippy::too_many_arguments)]
unsafe fn combine<T: Scalar, const FMA: bool>(
    acc: &mut [T; W],
    tp: &[T],
    m: usize,
    i: usize,
    cs: std::ops::Range<usize>,
    negate: bool,
    base: *mut T,
    stride: isize,
) {
    for c in cs {
        let a = if negate {
            -tp[i + c * m]
        } else {
            tp[i + c * m]
        };
        let rc = base.wrapping_offset(c as isize * stride);
        // SAFETY: row c holds W elements (caller's contract).
        let xc = unsafe { rc.cast::<[T; W]>().read_unaligned() };
        for q in 0..W {
            acc[q] = madd::<T, FMA>(a, xc[q], acc[q]);
        }
    }
}

/// The kernel on `m` rows of [`W`] contiguous elements, row `i` at
/// `base + i*stride`, with `tp` the packed `m x m` triangle.
///
/// # Safety
/// The `m` rows are writable, distinct, and do not overlap `tp`.
#[inline(always)]
unsafe fn rows_body<T: Scalar, const FMA: bool>(
    k: Kernel<T>,
    tp: &[T],
    m: usize,
    base: *mut T,
    stride: isize,
) {
    // A product reads the old rows on the other side of the diagonal (go
    // away from them); a solve needs the new ones (go towards them). Plain
    // loops, no closures: the body must be compiled into the caller's
    // instruction set.
    let forward = k.lower == (k.op == Op::Solve);
    for step in 0..m {
        let i = if forward { step } else { m - 1 - step };
        let ri = base.wrapping_offset(i as isize * stride);
        let (lo, hi) = if k.lower { (0, i) } else { (i + 1, m) };
        let mut acc = [T::zero(); W];
        // SAFETY: row i holds W elements (caller's contract).
        let xi = unsafe { ri.cast::<[T; W]>().read_unaligned() };
        let d = tp[i + i * m];
        match k.op {
            Op::Mul => {
                for q in 0..W {
                    acc[q] = if k.unit { xi[q] } else { d * xi[q] };
                }
                // SAFETY: rows lo..hi hold W elements each, apart from row i.
                unsafe { combine::<T, FMA>(&mut acc, tp, m, i, lo..hi, false, base, stride) };
                for v in &mut acc {
                    *v = k.alpha * *v;
                }
            }
            Op::Solve => {
                for q in 0..W {
                    acc[q] = k.alpha * xi[q];
                }
                // SAFETY: as for the product.
                unsafe { combine::<T, FMA>(&mut acc, tp, m, i, lo..hi, true, base, stride) };
                if !k.unit {
                    for v in &mut acc {
                        *v = *v / d;
                    }
                }
            }
        }
        // SAFETY: row i holds W writable elements (caller's contract).
        unsafe { ri.cast::<[T; W]>().write_unaligned(acc) };
    }
}
