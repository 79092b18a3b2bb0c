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
#[cfg(target_arch = "x86_64")]
mod rows_avx2;
#[cfg(target_arch = "x86_64")]
mod rows_avx512;
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

/// Rows per pass of the row-major gemv: each load of `x` is shared by this
/// many rows.
const ROWS: usize = 4;
/// Accumulator lanes per row (two AVX-512 registers of f64): with [`ROWS`]
/// rows, eight independent chains, enough to hide the FMA latency.
const LANES: usize = 16;

/// The dots of the `R` rows starting at row `i0` of the row-major matrix in
/// `a` (leading dimension `ld`, `x.len()` columns) with `x`.
#[inline(always)]
fn dots<T: Scalar, const FMA: bool, const R: usize>(
    a: &[T],
    ld: usize,
    i0: usize,
    x: &[T],
) -> [T; R] {
    let n = x.len();
    let mut acc = [[T::zero(); LANES]; R];
    let rows: [&[T]; R] = std::array::from_fn(|r| &a[(i0 + r) * ld..][..n]);
    let (xb, xt) = x.as_chunks::<LANES>();
    // Cut to x's block count so the loop below needs no bounds checks.
    let blocks = rows.map(|r| &r.as_chunks::<LANES>().0[..xb.len()]);
    for (k, xc) in xb.iter().enumerate() {
        for r in 0..R {
            let row = &blocks[r][k];
            for l in 0..LANES {
                acc[r][l] = madd::<T, FMA>(row[l], xc[l], acc[r][l]);
            }
        }
    }
    let tail = xb.len() * LANES;
    for r in 0..R {
        let row = &rows[r][tail..];
        for (l, &xv) in xt.iter().enumerate() {
            acc[r][l] = madd::<T, FMA>(row[l], xv, acc[r][l]);
        }
    }
    acc.map(|mut a| {
        let mut width = LANES / 2;
        while width > 0 {
            for l in 0..width {
                a[l] += a[l + width];
            }
            width /= 2;
        }
        a[0]
    })
}

/// `y += alpha*A*x` for a row-major `A` (`y.len()` rows, `x.len()` columns,
/// leading dimension `ld`): [`ROWS`] dots per pass over `x`, the whole loop in
/// one dispatched function so the per-pass cost is a few instructions.
#[inline(always)]
fn gemv_rows_body<T: Scalar, const FMA: bool>(a: &[T], ld: usize, x: &[T], alpha: T, y: &mut [T]) {
    let m = y.len();
    let mut i = 0;
    while i + ROWS <= m {
        let d = dots::<T, FMA, ROWS>(a, ld, i, x);
        for (yi, di) in y[i..i + ROWS].iter_mut().zip(d) {
            *yi += alpha * di;
        }
        i += ROWS;
    }
    for (k, yi) in y.iter_mut().enumerate().skip(i) {
        *yi += alpha * dots::<T, FMA, 1>(a, ld, k, x)[0];
    }
}

multiversion!(
    /// The portable and compiler-vectorized variants of
    /// [`gemv_rows_contiguous`].
    #[allow(dead_code)] // Only the `_at` form is called.
    fn gemv_rows_generic, gemv_rows_generic_at<T>(a: &[T], ld: usize, x: &[T], alpha: T, y: &mut [T]) -> () => gemv_rows_body
);

/// `y += alpha*A*x` for a row-major matrix stored in `a` with leading
/// dimension `ld` (`y.len()` rows, `x.len()` columns).
#[inline]
pub fn gemv_rows_contiguous<T: Scalar>(a: &[T], ld: usize, x: &[T], alpha: T, y: &mut [T]) {
    gemv_rows_contiguous_at(crate::dispatch::cpu_level(), a, ld, x, alpha, y);
}

/// [`gemv_rows_contiguous`] with the variant compiled for `level` (clamped
/// to the detected level): `f64` on AVX2 and AVX-512 has hand-written
/// kernels.
pub fn gemv_rows_contiguous_at<T: Scalar>(
    level: crate::dispatch::CpuLevel,
    a: &[T],
    ld: usize,
    x: &[T],
    alpha: T,
    y: &mut [T],
) {
    #[cfg(target_arch = "x86_64")]
    if T::DTYPE == oxpar_core::DType::F64 {
        use crate::dispatch::CpuLevel;
        let level = level.min(crate::dispatch::detect_cached());
        if level >= CpuLevel::Avx2Fma {
            // SAFETY: `T` is `f64` (its DTYPE says so and `Scalar` is sealed
            // to f32 and f64), so the casts keep lengths and layout; the
            // level was clamped to what this CPU was detected to support.
            unsafe {
                let cast = |s: &[T]| std::slice::from_raw_parts(s.as_ptr().cast::<f64>(), s.len());
                let ys = std::slice::from_raw_parts_mut(y.as_mut_ptr().cast::<f64>(), y.len());
                let alpha = alpha.as_f64();
                if level == CpuLevel::Avx512F {
                    rows_avx512::gemv_rows(cast(a), ld, cast(x), alpha, ys);
                } else {
                    rows_avx2::gemv_rows(cast(a), ld, cast(x), alpha, ys);
                }
            }
            return;
        }
    }
    gemv_rows_generic_at(level, a, ld, x, alpha, y);
}

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
        // Row-major: dots of rows with x, several rows per pass.
        let (m, n, ld) = (a.nrows(), a.ncols(), a.rs() as usize);
        // SAFETY: cs = 1 and rs = ld > 0, so the matrix occupies the
        // (m-1)*ld + n elements from its first one, all inside the view's
        // allocation (checked when the view was built).
        let storage = unsafe { std::slice::from_raw_parts(a.as_ptr(), (m - 1) * ld + n) };
        let xs = x.as_slice().expect("unit-stride x");
        if let Some(ys) = y.as_slice_mut() {
            gemv_rows_contiguous(storage, ld, xs, alpha, ys);
        } else {
            // A strided y: blocks of rows through a contiguous buffer.
            let mut buf = [T::zero(); 256];
            for i0 in (0..m).step_by(buf.len()) {
                let rows = (m - i0).min(buf.len());
                for (k, v) in buf[..rows].iter_mut().enumerate() {
                    *v = y.as_ref().get(i0 + k);
                }
                gemv_rows_contiguous(&storage[i0 * ld..], ld, xs, alpha, &mut buf[..rows]);
                for (k, &v) in buf[..rows].iter().enumerate() {
                    y.set(i0 + k, v);
                }
            }
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
            for (m, n) in [
                (1, 1),
                (3, 5),
                (17, 9),
                (64, 33),
                (65, 70),
                (15, 4),
                (16, 7),
                (33, 8),
                (100, 100),
            ] {
                let ld = m + 2;
                let a: Vec<f64> = (0..ld * n).map(|k| ((k * 7) % 11) as f64 - 5.0).collect();
                let x: Vec<f64> = (0..n).map(|j| (j % 5) as f64 - 2.0).collect();
                let mut y = vec![1.0; m];
                gemv_cols_contiguous_at(level, &a, ld, &x, &mut y);
                for (i, &yi) in y.iter().enumerate() {
                    let want = 1.0 + (0..n).map(|j| a[i + j * ld] * x[j]).sum::<f64>();
                    assert_eq!(yi, want, "{level:?} cols m={m} n={n} i={i}");
                }
                // Row-major: the same matrix read as `n` rows of `m`, with
                // row counts around the rows per pass and column counts
                // around the lane blocks.
                let xt: Vec<f64> = (0..m).map(|i| (i % 7) as f64 - 3.0).collect();
                let mut yt: Vec<f64> = (0..n).map(|j| j as f64).collect();
                gemv_rows_contiguous_at(level, &a, ld, &xt, 0.5, &mut yt);
                for (j, &yj) in yt.iter().enumerate() {
                    let dot = (0..m).map(|i| a[i + j * ld] * xt[i]).sum::<f64>();
                    assert_eq!(yj, j as f64 + 0.5 * dot, "{level:?} rows m={n} n={m} j={j}");
                }
            }
        }
    }

    #[test]
    fn row_major_kernels_around_blocks_tails_and_padding() {
        // Row counts around the rows per pass, column counts around the 8-
        // and 16-column steps and their tails; the padding between rows is
        // NaN, which no column tail may read.
        let sizes: Vec<usize> = (1..=40).chain([63, 95, 99, 100, 101, 127, 128]).collect();
        for level in detect().up_to() {
            for &m in &sizes {
                for &n in &sizes {
                    let ld = n + 3;
                    let a: Vec<f64> = (0..(m - 1) * ld + n)
                        .map(|k| {
                            if k % ld >= n {
                                f64::NAN
                            } else {
                                ((k * 7) % 11) as f64 - 5.0
                            }
                        })
                        .collect();
                    let x: Vec<f64> = (0..n).map(|j| (j % 5) as f64 - 2.0).collect();
                    let mut y: Vec<f64> = (0..m).map(|i| i as f64).collect();
                    gemv_rows_contiguous_at(level, &a, ld, &x, -1.5, &mut y);
                    for (i, &yi) in y.iter().enumerate() {
                        let dot = (0..n).map(|j| a[i * ld + j] * x[j]).sum::<f64>();
                        assert_eq!(yi, i as f64 - 1.5 * dot, "{level:?} m={m} n={n} i={i}");
                    }
                }
            }
        }
    }

    #[test]
    fn row_major_kernels_read_overlapping_rows() {
        // A matrix that is only read may have rows closer than its width
        // (a row stride below n: sliding windows, a zero stride): the slice
        // then holds (m - 1) * ld + n elements, fewer than m full rows.
        for level in detect().up_to() {
            for (m, n) in [
                (12, 19),
                (37, 4),
                (9, 14),
                (6, 6),
                (2, 32),
                (26, 100),
                (5, 101),
            ] {
                for ld in [0, 1, 2, 3, n / 2] {
                    let a: Vec<f64> = (0..(m - 1) * ld + n)
                        .map(|k| ((k * 5) % 13) as f64 - 6.0)
                        .collect();
                    let x: Vec<f64> = (0..n).map(|j| (j % 7) as f64 - 3.0).collect();
                    let mut y: Vec<f64> = (0..m).map(|i| i as f64).collect();
                    gemv_rows_contiguous_at(level, &a, ld, &x, 0.5, &mut y);
                    for (i, &yi) in y.iter().enumerate() {
                        let dot = (0..n).map(|j| a[i * ld + j] * x[j]).sum::<f64>();
                        assert_eq!(
                            yi,
                            i as f64 + 0.5 * dot,
                            "{level:?} m={m} n={n} ld={ld} i={i}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn row_major_kernels_propagate_nan_and_inf_to_their_rows_only() {
        for level in detect().up_to() {
            for (m, n) in [(5, 4), (9, 17), (12, 100), (7, 101)] {
                let mut a = vec![1.0; m * n];
                // NaN in the last column (a tail for most n), Inf in the first.
                a[n - 1] = f64::NAN;
                a[2 * n] = f64::INFINITY;
                let x = vec![1.0; n];
                let mut y = vec![0.0; m];
                gemv_rows_contiguous_at(level, &a, n, &x, 1.0, &mut y);
                assert!(y[0].is_nan(), "{level:?} m={m} n={n}");
                assert_eq!(y[2], f64::INFINITY, "{level:?} m={m} n={n}");
                for i in [1].into_iter().chain(3..m) {
                    assert_eq!(y[i], n as f64, "{level:?} m={m} n={n} i={i}");
                }
            }
        }
    }

    #[test]
    fn row_major_gemv_with_strided_and_reversed_y() {
        // Row counts around the rows per pass and the 256-row buffer that a
        // strided y goes through; y starts as NaN where beta == 0.
        for (m, n) in [
            (1, 3),
            (4, 17),
            (7, 16),
            (5, 100),
            (99, 101),
            (101, 8),
            (255, 9),
            (256, 33),
            (257, 5),
            (600, 20),
        ] {
            let ld = n + 3;
            let a: Vec<f64> = (0..m * ld).map(|k| ((k * 5) % 13) as f64 - 6.0).collect();
            let x: Vec<f64> = (0..n).map(|j| (j % 4) as f64 - 1.5).collect();
            let av = MatRef::row_major(&a, m, n, ld).unwrap();
            for inc in [1isize, 2, -3] {
                for (alpha, beta) in [(2.0, 0.0), (-1.0, 0.5), (0.0, 3.0)] {
                    let len = 1 + (m - 1) * inc.unsigned_abs();
                    let y0: Vec<f64> = (0..len)
                        .map(|i| if beta == 0.0 { f64::NAN } else { i as f64 })
                        .collect();
                    let mut y = y0.clone();
                    let yv = VecMut::from_blas(&mut y, m, inc).unwrap();
                    gemv(alpha, av, VecRef::from_slice(&x), beta, yv);
                    for i in 0..m {
                        let at = if inc > 0 {
                            i * inc as usize
                        } else {
                            (m - 1 - i) * inc.unsigned_abs()
                        };
                        let dot = (0..n).map(|j| a[i * ld + j] * x[j]).sum::<f64>();
                        let old = if beta == 0.0 { 0.0 } else { beta * y0[at] };
                        assert_eq!(
                            y[at],
                            alpha * dot + old,
                            "m={m} n={n} inc={inc} alpha={alpha} i={i}"
                        );
                    }
                }
            }
        }
    }
}
