//! Single-core kernels of the banded and packed level-2 forms (gbmv, sbmv,
//! spmv, tbmv, tbsv, tpmv, tpsv, spr, spr2).
//!
//! Each stored column of a band or packed triangle is contiguous, so every
//! kernel walks those: as columns of the matrix (axpys, for `symv`-like
//! products an axpy fused with a dot) or, for a transposed view, as its rows
//! (dots). Vectors are contiguous slices here; the backends gather strided
//! ones. Shapes must already be checked.

use std::ops::Range;

use oxpar_core::{BandRef, Diag, PackedMut, PackedRef, Scalar, Uplo};

use super::structured::{axpy2_contiguous, symv_col_contiguous};
use crate::dispatch::multiversion;
use crate::level1::{axpy_contiguous, dot_contiguous};

/// Segments shorter than this take inline loops: for a narrow band the
/// dispatch to the multiversioned kernels costs more than it saves.
const SHORT: usize = 64;

/// `y += t*a`.
#[inline(always)]
fn axpy<T: Scalar, const FMA: bool>(t: T, a: &[T], y: &mut [T]) {
    if a.len() < SHORT {
        for (yi, &ai) in y.iter_mut().zip(a) {
            *yi = madd::<T, FMA>(t, ai, *yi);
        }
    } else {
        axpy_contiguous(t, a, y);
    }
}

/// `a . x`.
#[inline(always)]
fn dot<T: Scalar, const FMA: bool>(a: &[T], x: &[T]) -> T {
    if a.len() < SHORT {
        // A plain loop, not a fold: a closure would not inherit the target
        // features of the CPU-level variant, and mul_add without them is a
        // library call.
        let mut s = T::zero();
        for (&p, &q) in a.iter().zip(x) {
            s = madd::<T, FMA>(p, q, s);
        }
        s
    } else {
        dot_contiguous(a, x)
    }
}

#[inline(always)]
fn madd<T: Scalar, const FMA: bool>(a: T, b: T, c: T) -> T {
    if FMA {
        a.mul_add(b, c)
    } else {
        a * b + c
    }
}

/// The part `part` (inside `range`) of a segment covering `range`.
fn within<'a, T>(range: &Range<usize>, seg: &'a [T], part: Range<usize>) -> &'a [T] {
    &seg[part.start - range.start..part.end - range.start]
}

/// The rows of column `j` (or columns of row `j`) of a line that lie in the
/// `uplo` triangle, for lines along columns (`by_cols`) or rows.
fn in_triangle(range: &Range<usize>, j: usize, uplo: Uplo, by_cols: bool) -> Range<usize> {
    // Column j of the upper triangle: rows <= j; row j of it: columns >= j.
    let before = (uplo == Uplo::Upper) == by_cols;
    if before {
        range.start..(j + 1).min(range.end)
    } else {
        j.max(range.start)..range.end
    }
}

/// `y += alpha*A*x` for a band matrix.
pub fn gbmv_acc<T: Scalar>(alpha: T, a: BandRef<'_, T>, x: &[T], y: &mut [T]) {
    if a.col_segment(0).is_some() || a.ncols() == 0 {
        for (j, &xj) in x.iter().enumerate().take(a.ncols()) {
            let (rows, seg) = a.col_segment(j).expect("band storage");
            axpy::<T, false>(alpha * xj, seg, &mut y[rows]);
        }
    } else {
        for (i, yi) in y.iter_mut().enumerate() {
            let (cols, seg) = a.row_segment(i).expect("transposed band storage");
            *yi += alpha * dot::<T, false>(seg, &x[cols]);
        }
    }
}

/// `y += S*xs` for the symmetric matrix held in the `uplo` triangle of stored
/// columns `line(j)` (rows and contiguous elements, the triangle's rows of
/// column `j` among them, diagonal included).
fn sym_acc<'a, T: Scalar + 'a>(
    cols: Range<usize>,
    uplo: Uplo,
    line: impl Fn(usize) -> (Range<usize>, &'a [T]),
    xs: &[T],
    y: &mut [T],
) {
    for j in cols {
        let (range, seg) = line(j);
        let tri = in_triangle(&range, j, uplo, true);
        let off = match uplo {
            Uplo::Upper => tri.start..j,
            Uplo::Lower => j + 1..tri.end,
        };
        let t2 = symv_col_contiguous(
            xs[j],
            within(&range, seg, off.clone()),
            &xs[off.clone()],
            &mut y[off],
        );
        y[j] += seg[j - range.start] * xs[j] + t2;
    }
}

/// `y += A*xs` for `A` symmetric in the `uplo` triangle of a band view
/// (`xs` already scaled by alpha, if at all).
pub fn sbmv_acc<T: Scalar>(uplo: Uplo, a: BandRef<'_, T>, xs: &[T], y: &mut [T]) {
    // A symmetric matrix is its own transpose: work on the stored band.
    let (a, uplo) = if a.col_segment(0).is_some() || a.ncols() == 0 {
        (a, uplo)
    } else {
        (a.t(), uplo.flip())
    };
    let line = |j| a.col_segment(j).expect("band storage");
    sym_acc(0..a.ncols(), uplo, line, xs, y);
}

/// `y += S*xs` over the stored columns `cols` of the symmetric matrix `S` in
/// a packed triangle: each stored element off the diagonal adds to the `y`
/// of its row and of its column, so summing the `y` of disjoint column
/// ranges gives `S*xs`.
pub fn spmv_cols<T: Scalar>(a: PackedRef<'_, T>, xs: &[T], cols: Range<usize>, y: &mut [T]) {
    sym_acc(cols, a.stored_uplo(), |j| a.stored_col(j), xs, y);
}

/// `x := T*x` (`solve` false) or `x := T^-1*x` for the triangular matrix in
/// the `uplo` triangle of the lines `line(j)`: the matrix's columns
/// (`by_cols`) or rows, each with the diagonal at one end.
#[inline(always)]
fn tri_lines<'a, T: Scalar + 'a, const FMA: bool>(
    uplo: Uplo,
    diag: Diag,
    solve: bool,
    by_cols: bool,
    line: impl Fn(usize) -> (Range<usize>, &'a [T]),
    x: &mut [T],
) {
    let n = x.len();
    let unit = diag == Diag::Unit;
    // Products go in the order that reads each x[j] before it changes, solves
    // in the order that has what they need solved: forward for an upper
    // product or a lower solve, by columns or by rows alike. (A loop, not a
    // closure per step: see `dot`.)
    let forward = (uplo == Uplo::Upper) != solve;
    for step in 0..n {
        let j = if forward { step } else { n - 1 - step };
        let (range, seg) = line(j);
        let tri = in_triangle(&range, j, uplo, by_cols);
        let d = seg[j - range.start];
        let off = if tri.start == j {
            j + 1..tri.end
        } else {
            tri.start..j
        };
        let a = within(&range, seg, off.clone());
        match (by_cols, solve) {
            (true, false) => {
                let xj = x[j];
                axpy::<T, FMA>(xj, a, &mut x[off]);
                if !unit {
                    x[j] = xj * d;
                }
            }
            (true, true) => {
                if !unit {
                    x[j] = x[j] / d;
                }
                let xj = x[j];
                axpy::<T, FMA>(T::zero() - xj, a, &mut x[off]);
            }
            (false, false) => {
                let s = dot::<T, FMA>(a, &x[off]);
                x[j] = if unit { x[j] + s } else { d * x[j] + s };
            }
            (false, true) => {
                let v = x[j] - dot::<T, FMA>(a, &x[off]);
                x[j] = if unit { v } else { v / d };
            }
        }
    }
}

#[inline(always)]
fn tb_body<T: Scalar, const FMA: bool>(
    uplo: Uplo,
    diag: Diag,
    solve: bool,
    a: BandRef<'_, T>,
    x: &mut [T],
) {
    if a.col_segment(0).is_some() || a.ncols() == 0 {
        let line = |j| a.col_segment(j).expect("band storage");
        tri_lines::<T, FMA>(uplo, diag, solve, true, line, x);
    } else {
        let line = |i| a.row_segment(i).expect("transposed band");
        tri_lines::<T, FMA>(uplo, diag, solve, false, line, x);
    }
}

#[inline(always)]
fn tp_body<T: Scalar, const FMA: bool>(diag: Diag, solve: bool, a: PackedRef<'_, T>, x: &mut [T]) {
    // Stored columns are the view's columns, or its rows when transposed.
    tri_lines::<T, FMA>(
        a.uplo(),
        diag,
        solve,
        !a.is_transposed(),
        |j| a.stored_col(j),
        x,
    );
}

multiversion!(
    /// `x := A*x` (`solve` false) or `x := A^-1*x`, `A` triangular in the
    /// `uplo` triangle of a band view. (Compiled per CPU level: a narrow
    /// band's short columns are done inline, with fused multiply-adds.)
    pub fn tbmv_tbsv, tbmv_tbsv_at<T>(uplo: Uplo, diag: Diag, solve: bool, a: BandRef<'_, T>, x: &mut [T]) -> () => tb_body
);

multiversion!(
    /// `x := A*x` (`solve` false) or `x := A^-1*x`, `A` triangular in a
    /// packed triangle.
    pub fn tpmv_tpsv, tpmv_tpsv_at<T>(diag: Diag, solve: bool, a: PackedRef<'_, T>, x: &mut [T]) -> () => tp_body
);

/// `A := alpha*x*x^T + A` (`y` None) or `A := alpha*(x*y^T + y*x^T) + A` on
/// a packed triangle. Column `j` is left as it is when `x[j]` (and `y[j]`) is
/// zero, as in the reference BLAS (see [`super::syr_cols`]).
pub fn spr_spr2<T: Scalar>(alpha: T, x: &[T], y: Option<&[T]>, mut a: PackedMut<'_, T>) {
    for j in 0..a.n() {
        if x[j] == T::zero() && y.is_none_or(|y| y[j] == T::zero()) {
            continue;
        }
        let (rows, seg) = a.stored_col_mut(j);
        match y {
            None => axpy::<T, false>(alpha * x[j], &x[rows], seg),
            Some(y) => {
                axpy2_contiguous(alpha * y[j], &x[rows.clone()], alpha * x[j], &y[rows], seg)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dispatch::detect;

    #[test]
    fn every_cpu_level_solves_what_it_multiplies() {
        // Upper bands of order 90, as stored and transposed: k = 3 has only
        // short columns (inline loops), k = 70 also long ones (the kernels).
        for k in [3usize, 70] {
            let (n, ld) = (90, k + 1);
            let data: Vec<f64> = (0..ld * n)
                .map(|p| {
                    if p % ld == k {
                        2.0
                    } else {
                        ((p * 7) % 11) as f64 / 40.0 - 0.1
                    }
                })
                .collect();
            let band = BandRef::from_blas(&data, n, n, 0, k, ld).unwrap();
            let x0: Vec<f64> = (0..n).map(|i| (i % 5) as f64 - 1.5).collect();
            for level in detect().up_to() {
                for (a, uplo) in [(band, Uplo::Upper), (band.t(), Uplo::Lower)] {
                    let mut x = x0.clone();
                    tbmv_tbsv_at(level, uplo, Diag::NonUnit, false, a, &mut x);
                    for (i, &xi) in x.iter().enumerate() {
                        let want: f64 = (0..n)
                            .filter(|&j| uplo.holds(i, j))
                            .map(|j| a.get(i, j) * x0[j])
                            .sum();
                        assert!((xi - want).abs() < 1e-12, "{level:?} k={k} {uplo:?} i={i}");
                    }
                    tbmv_tbsv_at(level, uplo, Diag::NonUnit, true, a, &mut x);
                    for (i, (&got, &want)) in x.iter().zip(&x0).enumerate() {
                        assert!(
                            (got - want).abs() < 1e-12,
                            "{level:?} k={k} {uplo:?} solve i={i}"
                        );
                    }
                }
            }
        }
    }
}
