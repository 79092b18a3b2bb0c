//! Single-core kernels of the symmetric and triangular level-2 operations.
//!
//! Each walks the stored triangle once, along its contiguous direction:
//! columns of a column-major view (axpys, and for `symv` an axpy fused with a
//! dot so every element is loaded once for both halves of the symmetric
//! product), rows of a row-major one (dots). Other layouts take plain
//! element-by-element loops. The triangle is named as the view holds it (see
//! [`oxpar_core::Uplo`]); `uplo`, `diag` and shapes must already be checked.

use std::ops::Range;

use oxpar_core::{Diag, MatMut, MatRef, Scalar, Uplo, VecMut};

use crate::dispatch::multiversion;
use crate::level1::{axpy_contiguous, dot_contiguous};
use crate::level2::gemv_cols_contiguous;

/// Columns per block of the column-major trmv and trsv: the diagonal block
/// goes element by element, the rest through the gemv kernel.
const W: usize = 8;

#[inline(always)]
fn madd<T: Scalar, const FMA: bool>(a: T, b: T, c: T) -> T {
    if FMA {
        a.mul_add(b, c)
    } else {
        a * b + c
    }
}

/// Lanes of the dot accumulators.
const L: usize = 16;

/// `y += t*a` and returns `a . x`, loading each element of `a` once.
#[inline(always)]
fn symv_col_body<T: Scalar, const FMA: bool>(t: T, a: &[T], x: &[T], y: &mut [T]) -> T {
    let n = a.len();
    let (x, y) = (&x[..n], &mut y[..n]);
    let mut acc = [T::zero(); L];
    let (ab, at) = a.as_chunks::<L>();
    let (xb, xt) = x.as_chunks::<L>();
    let (yb, yt) = y.as_chunks_mut::<L>();
    for ((ac, xc), yc) in ab.iter().zip(xb).zip(yb.iter_mut()) {
        for l in 0..L {
            yc[l] = madd::<T, FMA>(t, ac[l], yc[l]);
            acc[l] = madd::<T, FMA>(ac[l], xc[l], acc[l]);
        }
    }
    for (l, ((&av, &xv), yv)) in at.iter().zip(xt).zip(yt.iter_mut()).enumerate() {
        *yv = madd::<T, FMA>(t, av, *yv);
        acc[l] = madd::<T, FMA>(av, xv, acc[l]);
    }
    let mut width = L / 2;
    while width > 0 {
        for l in 0..width {
            acc[l] += acc[l + width];
        }
        width /= 2;
    }
    acc[0]
}

/// `a += s*x + t*y` elementwise.
#[inline(always)]
fn axpy2_body<T: Scalar, const FMA: bool>(s: T, x: &[T], t: T, y: &[T], a: &mut [T]) {
    let n = a.len();
    let (x, y) = (&x[..n], &y[..n]);
    for i in 0..n {
        a[i] = madd::<T, FMA>(t, y[i], madd::<T, FMA>(s, x[i], a[i]));
    }
}

/// `y += sum_k t[k]*a[k]` and returns the four `a[k] . x`: four columns per
/// pass, so `x` and `y` are streamed once for four columns.
#[inline(always)]
fn symv4_body<T: Scalar, const FMA: bool>(t: [T; 4], a: [&[T]; 4], x: &[T], y: &mut [T]) -> [T; 4] {
    const W: usize = 8;
    let n = y.len();
    let (x, a) = (&x[..n], a.map(|c| &c[..n]));
    let mut acc = [[T::zero(); W]; 4];
    let (yb, yt) = y.as_chunks_mut::<W>();
    let (xb, xt) = x.as_chunks::<W>();
    let ab = a.map(|c| c.as_chunks::<W>().0);
    for (b, (yc, xc)) in yb.iter_mut().zip(xb).enumerate() {
        let (c0, c1, c2, c3) = (&ab[0][b], &ab[1][b], &ab[2][b], &ab[3][b]);
        for l in 0..W {
            let v = madd::<T, FMA>(t[0], c0[l], yc[l]);
            let v = madd::<T, FMA>(t[1], c1[l], v);
            let v = madd::<T, FMA>(t[2], c2[l], v);
            yc[l] = madd::<T, FMA>(t[3], c3[l], v);
            acc[0][l] = madd::<T, FMA>(c0[l], xc[l], acc[0][l]);
            acc[1][l] = madd::<T, FMA>(c1[l], xc[l], acc[1][l]);
            acc[2][l] = madd::<T, FMA>(c2[l], xc[l], acc[2][l]);
            acc[3][l] = madd::<T, FMA>(c3[l], xc[l], acc[3][l]);
        }
    }
    let tail = yb.len() * W;
    for (l, (yv, &xv)) in yt.iter_mut().zip(xt).enumerate() {
        let mut v = *yv;
        for k in 0..4 {
            v = madd::<T, FMA>(t[k], a[k][tail + l], v);
            acc[k][l] = madd::<T, FMA>(a[k][tail + l], xv, acc[k][l]);
        }
        *yv = v;
    }
    acc.map(|mut r| {
        let mut width = W / 2;
        while width > 0 {
            for l in 0..width {
                r[l] += r[l + width];
            }
            width /= 2;
        }
        r[0]
    })
}

multiversion!(
    /// `y += sum_k t[k]*a[k]` and returns the dots `a[k] . x` (the four
    /// columns and `x` at least as long as `y`).
    pub fn symv4_contiguous, symv4_contiguous_at<T>(t: [T; 4], a: [&[T]; 4], x: &[T], y: &mut [T]) -> [T; 4] => symv4_body
);

multiversion!(
    /// `y += t*a` and returns `a . x` (`x` and `y` at least as long as `a`).
    pub fn symv_col_contiguous, symv_col_contiguous_at<T>(t: T, a: &[T], x: &[T], y: &mut [T]) -> T => symv_col_body
);

multiversion!(
    /// `a += s*x + t*y` elementwise (`x` and `y` at least as long as `a`).
    pub fn axpy2_contiguous, axpy2_contiguous_at<T>(s: T, x: &[T], t: T, y: &[T], a: &mut [T]) -> () => axpy2_body
);

/// The elements of a column-major view (`rs == 1`, `cs > 0`) as one slice
/// from its first element, and its leading dimension.
fn col_major_storage<'a, T: Scalar>(a: &MatRef<'a, T>) -> Option<(&'a [T], usize)> {
    if a.rs() != 1 || a.cs() <= 0 || a.is_empty() {
        return None;
    }
    let (m, n, ld) = (a.nrows(), a.ncols(), a.cs() as usize);
    // SAFETY: rs = 1 and cs = ld > 0, so the view occupies the (n-1)*ld + m
    // elements from its first one, all inside its allocation (checked when
    // the view was built), and they are borrowed for 'a.
    Some((
        unsafe { std::slice::from_raw_parts(a.as_ptr(), (n - 1) * ld + m) },
        ld,
    ))
}

/// Column `j`'s stored elements strictly off the diagonal: their rows.
#[inline(always)]
fn off_rows(uplo: Uplo, n: usize, j: usize) -> Range<usize> {
    match uplo {
        Uplo::Upper => 0..j,
        Uplo::Lower => j + 1..n,
    }
}

/// `y += S*xs` for the columns `cols` of the symmetric `n x n` matrix `S`
/// whose `uplo` triangle `a` holds: each stored element `a(i, j)` off the
/// diagonal adds `a(i, j)*xs[j]` to `y[i]` and `a(i, j)*xs[i]` to `y[j]`.
/// Summing the `y` of disjoint column ranges gives `S*xs`. `xs` and `y` have
/// `n` elements.
pub fn symv_cols<T: Scalar>(
    uplo: Uplo,
    a: MatRef<'_, T>,
    xs: &[T],
    cols: Range<usize>,
    y: &mut [T],
) {
    let n = a.nrows();
    if let Some((st, ld)) = col_major_storage(&a) {
        let col = |j: usize, rows: Range<usize>| &st[j * ld + rows.start..j * ld + rows.end];
        let mut j = cols.start;
        // Four columns at a time over the rows they all hold (above the
        // first, or below the last); the few rows between them one by one.
        while j + 4 <= cols.end {
            let shared = match uplo {
                Uplo::Upper => 0..j,
                Uplo::Lower => j + 4..n,
            };
            let t = [xs[j], xs[j + 1], xs[j + 2], xs[j + 3]];
            let c = [0, 1, 2, 3].map(|k| col(j + k, shared.clone()));
            let d = symv4_contiguous(t, c, &xs[shared.clone()], &mut y[shared]);
            for (k, mut dk) in d.into_iter().enumerate() {
                let jk = j + k;
                let inner = match uplo {
                    Uplo::Upper => j..jk,
                    Uplo::Lower => jk + 1..j + 4,
                };
                for i in inner {
                    let v = st[jk * ld + i];
                    y[i] += v * xs[jk];
                    dk += v * xs[i];
                }
                y[jk] += st[jk * ld + jk] * xs[jk] + dk;
            }
            j += 4;
        }
        for j in j..cols.end {
            let rows = off_rows(uplo, n, j);
            let t2 =
                symv_col_contiguous(xs[j], col(j, rows.clone()), &xs[rows.clone()], &mut y[rows]);
            y[j] += st[j * ld + j] * xs[j] + t2;
        }
    } else {
        for j in cols {
            let mut t2 = T::zero();
            for i in off_rows(uplo, n, j) {
                let v = a.get(i, j);
                y[i] += v * xs[j];
                t2 += v * xs[i];
            }
            y[j] += a.get(j, j) * xs[j] + t2;
        }
    }
}

/// Runs `f` on `x` as one contiguous slice (a copy, written back, when `x`
/// is strided).
fn on_slice<T: Scalar>(mut x: VecMut<'_, T>, f: impl FnOnce(&mut [T])) {
    if let Some(s) = x.as_slice_mut() {
        return f(s);
    }
    let mut w: Vec<T> = x.as_ref().iter().collect();
    f(&mut w);
    for (i, v) in w.into_iter().enumerate() {
        x.set(i, v);
    }
}

/// `x := A*x` with `A` triangular, held in the `uplo` triangle of `a`.
pub fn trmv<T: Scalar>(uplo: Uplo, diag: Diag, a: MatRef<'_, T>, x: VecMut<'_, T>) {
    on_slice(x, |x| trmv_slice(uplo, diag, a, x));
}

fn trmv_slice<T: Scalar>(uplo: Uplo, diag: Diag, a: MatRef<'_, T>, x: &mut [T]) {
    let n = x.len();
    let unit = diag == Diag::Unit;
    if let Some((st, ld)) = col_major_storage(&a) {
        // Blocks of W columns in the order that leaves each x[j] unread after
        // it changes: a block adds its columns times the old x[block] to the
        // rows above it (upper) or below it (gemv, four columns per pass),
        // then multiplies x[block] by its diagonal block (column by column).
        let step = |j0: usize, x: &mut [T]| {
            let w = W.min(n - j0);
            let mut xs = [T::zero(); W];
            xs[..w].copy_from_slice(&x[j0..j0 + w]);
            let (rows, at) = match uplo {
                Uplo::Upper => (0..j0, j0 * ld),
                Uplo::Lower => (j0 + w..n, j0 * ld + j0 + w),
            };
            if !rows.is_empty() {
                gemv_cols_contiguous(&st[at..], ld, &xs[..w], &mut x[rows]);
            }
            let mut col = |c: usize| {
                let xc = x[c];
                let inner = match uplo {
                    Uplo::Upper => j0..c,
                    Uplo::Lower => c + 1..j0 + w,
                };
                for i in inner {
                    x[i] += xc * st[c * ld + i];
                }
                if !unit {
                    x[c] = xc * st[c * ld + c];
                }
            };
            match uplo {
                Uplo::Upper => (j0..j0 + w).for_each(&mut col),
                Uplo::Lower => (j0..j0 + w).rev().for_each(&mut col),
            }
        };
        match uplo {
            Uplo::Upper => (0..n).step_by(W).for_each(|j0| step(j0, x)),
            Uplo::Lower => (0..n).step_by(W).rev().for_each(|j0| step(j0, x)),
        }
        return;
    }
    // Rows in the order that reads each x[i] before it changes.
    let row_major = a.cs() == 1 && a.rs() > 0;
    let mut step = |i: usize| {
        let cols = off_rows(uplo.flip(), n, i);
        let d = if unit { T::one() } else { a.get(i, i) };
        let s = if row_major {
            dot_contiguous(row_slice(&a, i, cols.clone()), &x[cols])
        } else {
            cols.fold(T::zero(), |acc, j| acc + a.get(i, j) * x[j])
        };
        x[i] = d * x[i] + s;
    };
    match uplo {
        Uplo::Upper => (0..n).for_each(&mut step),
        Uplo::Lower => (0..n).rev().for_each(&mut step),
    }
}

/// Elements `cols` of row `i` of a row-major view (`cs == 1`, `rs > 0`).
fn row_slice<'a, T: Scalar>(a: &MatRef<'a, T>, i: usize, cols: Range<usize>) -> &'a [T] {
    if cols.is_empty() {
        return &[];
    }
    // SAFETY: cs = 1, so row i's elements cols are contiguous and inside the
    // view, which borrows them for 'a.
    unsafe {
        std::slice::from_raw_parts(
            a.as_ptr().offset(i as isize * a.rs() + cols.start as isize),
            cols.len(),
        )
    }
}

/// `x := A^-1*x` with `A` triangular, held in the `uplo` triangle of `a`.
/// No test for singularity (as BLAS).
pub fn trsv<T: Scalar>(uplo: Uplo, diag: Diag, a: MatRef<'_, T>, x: VecMut<'_, T>) {
    on_slice(x, |x| trsv_slice(uplo, diag, a, x));
}

fn trsv_slice<T: Scalar>(uplo: Uplo, diag: Diag, a: MatRef<'_, T>, x: &mut [T]) {
    let n = x.len();
    let unit = diag == Diag::Unit;
    if let Some((st, ld)) = col_major_storage(&a) {
        // Blocks of W columns in solving order: solve the diagonal block
        // (column substitution), then remove its columns times the solution
        // from the rows still to solve (gemv, four columns per pass).
        let step = |j0: usize, x: &mut [T]| {
            let w = W.min(n - j0);
            let mut col = |c: usize| {
                if !unit {
                    x[c] = x[c] / st[c * ld + c];
                }
                let xc = x[c];
                let inner = match uplo {
                    Uplo::Upper => j0..c,
                    Uplo::Lower => c + 1..j0 + w,
                };
                for i in inner {
                    x[i] -= xc * st[c * ld + i];
                }
            };
            match uplo {
                Uplo::Lower => (j0..j0 + w).for_each(&mut col),
                Uplo::Upper => (j0..j0 + w).rev().for_each(&mut col),
            }
            let mut xs = [T::zero(); W];
            for (k, v) in xs[..w].iter_mut().enumerate() {
                *v = T::zero() - x[j0 + k];
            }
            let (rows, at) = match uplo {
                Uplo::Upper => (0..j0, j0 * ld),
                Uplo::Lower => (j0 + w..n, j0 * ld + j0 + w),
            };
            if !rows.is_empty() {
                gemv_cols_contiguous(&st[at..], ld, &xs[..w], &mut x[rows]);
            }
        };
        match uplo {
            Uplo::Lower => (0..n).step_by(W).for_each(|j0| step(j0, x)),
            Uplo::Upper => (0..n).step_by(W).rev().for_each(|j0| step(j0, x)),
        }
        return;
    }
    // Row substitution: a dot with the part of x already solved.
    let row_major = a.cs() == 1 && a.rs() > 0;
    let mut step = |i: usize| {
        let cols = off_rows(uplo.flip(), n, i);
        let s = if row_major {
            dot_contiguous(row_slice(&a, i, cols.clone()), &x[cols])
        } else {
            cols.fold(T::zero(), |acc, j| acc + a.get(i, j) * x[j])
        };
        let v = x[i] - s;
        x[i] = if unit { v } else { v / a.get(i, i) };
    };
    match uplo {
        Uplo::Lower => (0..n).for_each(&mut step),
        Uplo::Upper => (0..n).rev().for_each(&mut step),
    }
}

/// `A := alpha*x*x^T + A` (`y` None) or `A := alpha*(x*y^T + y*x^T) + A` on
/// the `uplo` triangle, for the columns `col0..col0 + a.ncols()` of the
/// `n x n` matrix: `a` holds those columns, all `n` rows. `x` and `y` have
/// `n` elements. Column `j` is left as it is when `x[j]` (and `y[j]`) is
/// zero, as in the reference BLAS: an Inf or NaN elsewhere in `x` or `y`
/// then does not turn that column into NaN (`Inf * 0`).
pub fn syr_cols<T: Scalar>(
    uplo: Uplo,
    alpha: T,
    x: &[T],
    y: Option<&[T]>,
    mut a: MatMut<'_, T>,
    col0: usize,
) {
    let n = a.nrows();
    let with_diag = |j: usize| match uplo {
        Uplo::Upper => 0..j + 1,
        Uplo::Lower => j..n,
    };
    let untouched = |j: usize| x[j] == T::zero() && y.is_none_or(|y| y[j] == T::zero());
    if a.rs() == 1 && a.cs() > 0 && !a.is_empty() {
        let (w, ld) = (a.ncols(), a.cs() as usize);
        // SAFETY: as `col_major_storage`, for the unique borrow of `a`.
        let st = unsafe { std::slice::from_raw_parts_mut(a.as_mut_ptr(), (w - 1) * ld + n) };
        for k in 0..w {
            let (j, rows) = (col0 + k, with_diag(col0 + k));
            if untouched(j) {
                continue;
            }
            let col = &mut st[k * ld + rows.start..k * ld + rows.end];
            match y {
                None => axpy_contiguous(alpha * x[j], &x[rows], col),
                Some(y) => {
                    axpy2_contiguous(alpha * y[j], &x[rows.clone()], alpha * x[j], &y[rows], col)
                }
            }
        }
        return;
    }
    for k in 0..a.ncols() {
        let j = col0 + k;
        if untouched(j) {
            continue;
        }
        for i in with_diag(j) {
            let d = match y {
                None => alpha * x[j] * x[i],
                Some(y) => alpha * y[j] * x[i] + alpha * x[j] * y[i],
            };
            let v = a.as_ref().get(i, k) + d;
            a.set(i, k, v);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dispatch::detect;

    #[test]
    fn fused_bodies_agree_with_loops_at_every_level() {
        for level in detect().up_to() {
            for n in [0usize, 1, 15, 16, 17, 40] {
                let a: Vec<f64> = (0..n).map(|k| ((k * 7) % 11) as f64 - 5.0).collect();
                let x: Vec<f64> = (0..n).map(|k| (k % 5) as f64 - 2.0).collect();
                let mut y = vec![1.0; n];
                let d = symv_col_contiguous_at(level, 2.0, &a, &x, &mut y);
                assert_eq!(d, a.iter().zip(&x).map(|(p, q)| p * q).sum::<f64>());
                assert!(y.iter().zip(&a).all(|(&yi, &ai)| yi == 1.0 + 2.0 * ai));
                let cols: Vec<Vec<f64>> = (0..4)
                    .map(|k| a.iter().map(|v| v + k as f64).collect())
                    .collect();
                let mut w = vec![1.0; n];
                let t4 = [1.0, -2.0, 0.5, 3.0];
                let d4 = symv4_contiguous_at(
                    level,
                    t4,
                    [&cols[0], &cols[1], &cols[2], &cols[3]],
                    &x,
                    &mut w,
                );
                for k in 0..4 {
                    assert_eq!(
                        d4[k],
                        cols[k].iter().zip(&x).map(|(p, q)| p * q).sum::<f64>()
                    );
                }
                for i in 0..n {
                    assert_eq!(
                        w[i],
                        1.0 + (0..4).map(|k| t4[k] * cols[k][i]).sum::<f64>(),
                        "{level:?} n={n}"
                    );
                }
                let mut z = vec![1.0; n];
                axpy2_contiguous_at(level, 2.0, &a, 3.0, &x, &mut z);
                for i in 0..n {
                    assert_eq!(z[i], 1.0 + 2.0 * a[i] + 3.0 * x[i], "{level:?} n={n}");
                }
            }
        }
    }
}
