//! Level 2 kernels: one core, strided views.
//!
//! Both routines walk the matrix along its contiguous direction when it has
//! one: column-major `gemv` is a sweep of axpys over columns, row-major `gemv`
//! a dot per row; `ger` updates columns (or rows) with axpys. The symmetric
//! and triangular kernels (symv, trmv, trsv, syr, syr2) are in [`structured`],
//! the banded and packed ones in [`banded`].

use oxpar_core::{MatMut, MatRef, Scalar, VecMut, VecRef};

use crate::dispatch::multiversion;
use crate::level1;

pub mod banded;
pub mod structured;
pub use structured::{symv_cols, syr_cols, trmv, trsv};

#[inline(always)]
fn madd<T: Scalar, const FMA: bool>(a: T, b: T, c: T) -> T {
    if FMA {
        a.mul_add(b, c)
    } else {
        a * b + c
    }
}

/// `y += A*xs` for a column-major `A` (`m = y.len()` rows, `xs.len()` columns,
/// leading dimension `ld`), four columns per pass so `y` is streamed a quarter
/// as often as with one axpy per column.
#[inline(always)]
fn gemv_cols_body<T: Scalar, const FMA: bool>(a: &[T], ld: usize, xs: &[T], y: &mut [T]) {
    let m = y.len();
    let mut j = 0;
    while j + 4 <= xs.len() {
        let (c0, c1, c2, c3) = (
            &a[j * ld..][..m],
            &a[(j + 1) * ld..][..m],
            &a[(j + 2) * ld..][..m],
            &a[(j + 3) * ld..][..m],
        );
        let (x0, x1, x2, x3) = (xs[j], xs[j + 1], xs[j + 2], xs[j + 3]);
        for i in 0..m {
            let t = madd::<T, FMA>(c0[i], x0, y[i]);
            let t = madd::<T, FMA>(c1[i], x1, t);
            let t = madd::<T, FMA>(c2[i], x2, t);
            y[i] = madd::<T, FMA>(c3[i], x3, t);
        }
        j += 4;
    }
    for (jj, &xj) in xs.iter().enumerate().skip(j) {
        let c = &a[jj * ld..][..m];
        for i in 0..m {
            y[i] = madd::<T, FMA>(c[i], xj, y[i]);
        }
    }
}

/// Dots of four rows with `x`, sharing each load of `x` (row-major gemv).
#[inline(always)]
fn dot4_body<T: Scalar, const FMA: bool>(rows: [&[T]; 4], x: &[T]) -> [T; 4] {
    const L: usize = 16;
    let mut acc = [[T::zero(); L]; 4];
    let (xb, xt) = x.as_chunks::<L>();
    let blocks = rows.map(|r| r.as_chunks::<L>().0);
    for (k, xc) in xb.iter().enumerate() {
        for r in 0..4 {
            let row = &blocks[r][k];
            for l in 0..L {
                acc[r][l] = madd::<T, FMA>(row[l], xc[l], acc[r][l]);
            }
        }
    }
    let tail = xb.len() * L;
    for r in 0..4 {
        for (l, &xv) in xt.iter().enumerate() {
            acc[r][l] = madd::<T, FMA>(rows[r][tail + l], xv, acc[r][l]);
        }
    }
    acc.map(|a| {
        let mut a = a;
        let mut width = L / 2;
        while width > 0 {
            for l in 0..width {
                a[l] += a[l + width];
            }
            width /= 2;
        }
        a[0]
    })
}

multiversion!(
    /// The dots of four equally long rows with `x`.
    pub fn dot4_contiguous, dot4_contiguous_at<T>(rows: [&[T]; 4], x: &[T]) -> [T; 4] => dot4_body
);

multiversion!(
    /// `y += A*xs` for a column-major matrix stored in `a` with leading
    /// dimension `ld` (`y.len()` rows, `xs.len()` columns).
    pub fn gemv_cols_contiguous, gemv_cols_contiguous_at<T>(a: &[T], ld: usize, xs: &[T], y: &mut [T]) -> () => gemv_cols_body
);

/// `y := alpha*A*x + beta*y`. Shapes must agree. With `beta == 0` `y` is not
/// read; with `alpha == 0` `A` and `x` are not read.
pub fn gemv<T: Scalar>(
    alpha: T,
    a: MatRef<'_, T>,
    x: VecRef<'_, T>,
    beta: T,
    mut y: VecMut<'_, T>,
) {
    if beta == T::zero() {
        y.for_each_mut(|_, yi| *yi = T::zero());
    } else if beta != T::one() {
        level1::scal(beta, y.rb_mut());
    }
    if alpha == T::zero() || a.ncols() == 0 || a.nrows() == 0 {
        return;
    }
    if a.rs() == 1 && a.cs() > 0 && y.inc() == 1 && a.nrows() > 1 {
        // Column sweep, four columns per pass, on alpha*x in a small buffer.
        let (m, n, ld) = (a.nrows(), a.ncols(), a.cs() as usize);
        // SAFETY: rs = 1 and cs = ld > 0, so the matrix occupies the
        // (n-1)*ld + m elements from its first one, all inside the view's
        // allocation (checked when the view was built).
        let storage = unsafe { std::slice::from_raw_parts(a.as_ptr(), (n - 1) * ld + m) };
        let y = y.as_slice_mut().expect("unit-stride y");
        let mut xs = [T::zero(); 256];
        for j0 in (0..n).step_by(xs.len()) {
            let cols = (n - j0).min(xs.len());
            for (k, v) in xs[..cols].iter_mut().enumerate() {
                *v = alpha * x.get(j0 + k);
            }
            gemv_cols_contiguous(&storage[j0 * ld..], ld, &xs[..cols], y);
        }
    } else if a.cs() == 1 && a.rs() > 0 && x.inc() == 1 {
        // Row-major: four dots per pass over x.
        let (m, n, ld) = (a.nrows(), a.ncols(), a.rs() as usize);
        // SAFETY: cs = 1 and rs = ld > 0, so the matrix occupies the
        // (m-1)*ld + n elements from its first one, all inside the view's
        // allocation (checked when the view was built).
        let storage = unsafe { std::slice::from_raw_parts(a.as_ptr(), (m - 1) * ld + n) };
        let xs = x.as_slice().expect("unit-stride x");
        let row = |i: usize| &storage[i * ld..][..n];
        let mut i = 0;
        while i + 4 <= m {
            let d = dot4_contiguous([row(i), row(i + 1), row(i + 2), row(i + 3)], xs);
            for (k, dk) in d.into_iter().enumerate() {
                let v = y.as_ref().get(i + k) + alpha * dk;
                y.set(i + k, v);
            }
            i += 4;
        }
        for i in i..m {
            let v = y.as_ref().get(i) + alpha * level1::dot_contiguous(row(i), xs);
            y.set(i, v);
        }
    } else {
        for i in 0..a.nrows() {
            let v = y.as_ref().get(i) + alpha * level1::dot(a.row(i), x);
            y.set(i, v);
        }
    }
}

/// `A := alpha*x*y^T + A`. Shapes must agree; with `alpha == 0` nothing is read.
pub fn ger<T: Scalar>(alpha: T, x: VecRef<'_, T>, y: VecRef<'_, T>, mut a: MatMut<'_, T>) {
    if alpha == T::zero() || a.is_empty() {
        return;
    }
    if a.rs().unsigned_abs() <= a.cs().unsigned_abs() {
        for j in 0..a.ncols() {
            level1::axpy(alpha * y.get(j), x, a.col_mut(j));
        }
    } else {
        for i in 0..a.nrows() {
            level1::axpy(alpha * x.get(i), y, a.row_mut(i));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dispatch::detect;

    #[test]
    fn every_cpu_level_agrees_with_naive_loops() {
        for level in detect().up_to() {
            for (m, n) in [(1, 1), (3, 5), (17, 9), (64, 33), (65, 70)] {
                let ld = m + 2;
                let a: Vec<f64> = (0..ld * n).map(|k| ((k * 7) % 11) as f64 - 5.0).collect();
                let x: Vec<f64> = (0..n).map(|j| (j % 5) as f64 - 2.0).collect();
                let mut y = vec![1.0; m];
                gemv_cols_contiguous_at(level, &a, ld, &x, &mut y);
                for (i, &yi) in y.iter().enumerate() {
                    let want = 1.0 + (0..n).map(|j| a[i + j * ld] * x[j]).sum::<f64>();
                    assert_eq!(yi, want, "{level:?} cols m={m} n={n} i={i}");
                }
                let rows: Vec<Vec<f64>> = (0..4)
                    .map(|r| (0..n).map(|j| ((r * n + j) % 9) as f64 - 4.0).collect())
                    .collect();
                let d = dot4_contiguous_at(level, [&rows[0], &rows[1], &rows[2], &rows[3]], &x);
                for r in 0..4 {
                    assert_eq!(
                        d[r],
                        rows[r].iter().zip(&x).map(|(p, q)| p * q).sum::<f64>(),
                        "{level:?} dot4 n={n}"
                    );
                }
            }
        }
    }
}
