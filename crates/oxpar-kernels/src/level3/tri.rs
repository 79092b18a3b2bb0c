//! Small triangular products and solves: the diagonal blocks of blocked
//! trmm and trsm (see `oxpar_core::blocked`), `B := alpha*A*B` or
//! `B := alpha*inv(A)*B` with `A` an `m x m` triangle of at most a few dozen
//! rows (its `uplo` triangle read, the diagonal not read when unit) and `B`
//! any strided `m x n` view.
//!
//! `B` is processed in panels of [`W`] columns, each copied to a small
//! buffer as `m` rows of `W` contiguous elements (and back when done): even
//! when `B`'s rows are contiguous (the right-side cases, on `B^T`), rows a
//! leading dimension apart would compete for the same cache sets. Row `i` of
//! the result is accumulated in registers from row `i` and the rows on one
//! side of it, with the coefficients of row `i` of the packed triangle;
//! the loop is compiled for AVX-512, AVX2 or the baseline by the kernels'
//! run-time dispatch.

use oxpar_core::{Diag, MatMut, MatRef, Scalar, Uplo};

use crate::dispatch::multiversion;

/// Columns per panel: the accumulator of a row (256 bytes of f64, four
/// AVX-512 registers) stays in registers.
pub const W: usize = 32;

/// The diagonal blocks that blocked trmm and trsm hand to these kernels are
/// at most this large (a good size for them: the packed triangle stays in
/// L1 next to a panel).
pub const LEAF: usize = 64;

/// `B := alpha*A*B`, `A` triangular in its `uplo` triangle (unit diagonal
/// assumed and not read with [`Diag::Unit`]). Shapes must agree.
pub fn trmm<T: Scalar>(uplo: Uplo, diag: Diag, alpha: T, a: MatRef<'_, T>, b: MatMut<'_, T>) {
    panels(Op::Mul, uplo, diag, alpha, a, b);
}

/// `B := alpha*inv(A)*B` (solves `A*X = alpha*B`), `A` as in [`trmm`]. No
/// test for singularity (as in BLAS).
pub fn trsm<T: Scalar>(uplo: Uplo, diag: Diag, alpha: T, a: MatRef<'_, T>, b: MatMut<'_, T>) {
    panels(Op::Solve, uplo, diag, alpha, a, b);
}

/// Which of the two operations a kernel performs.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
enum Op {
    /// `B := alpha*A*B`.
    Mul,
    /// `B := alpha*inv(A)*B`.
    Solve,
}

/// What the row kernel computes.
#[derive(Copy, Clone, Debug)]
struct Kernel<T> {
    op: Op,
    lower: bool,
    unit: bool,
    alpha: T,
}

/// The triangle of `a` as a contiguous column-major `m x m` array (row `i`'s
/// coefficient for row `c` at `i + c*m`): the other triangle zero, the
/// diagonal one when unit.
pub fn pack<T: Scalar>(uplo: Uplo, diag: Diag, a: MatRef<'_, T>) -> Vec<T> {
    let m = a.nrows();
    let mut tp = vec![T::zero(); m * m];
    for j in 0..m {
        let rows = match uplo {
            Uplo::Lower => j + 1..m,
            Uplo::Upper => 0..j,
        };
        for i in rows {
            tp[i + j * m] = a.get(i, j);
        }
        tp[j + j * m] = match diag {
            Diag::Unit => T::one(),
            Diag::NonUnit => a.get(j, j),
        };
    }
    tp
}

fn panels<T: Scalar>(
    op: Op,
    uplo: Uplo,
    diag: Diag,
    alpha: T,
    a: MatRef<'_, T>,
    mut b: MatMut<'_, T>,
) {
    let (m, n) = (b.nrows(), b.ncols());
    if m == 0 || n == 0 {
        return;
    }
    let tp = pack(uplo, diag, a);
    let k = Kernel {
        op,
        lower: uplo == Uplo::Lower,
        unit: diag == Diag::Unit,
        alpha,
    };
    let mut buf = vec![T::zero(); m * W];
    let mut j0 = 0;
    while j0 < n {
        let width = W.min(n - j0);
        let (_, rest) = b.rb_mut().split_at_col_mut(j0);
        let (mut panel, _) = rest.split_at_col_mut(width);
        copy_panel(&mut panel, &mut buf, true);
        rows(k, &tp, m, &mut buf);
        copy_panel(&mut panel, &mut buf, false);
        j0 += width;
    }
}

/// Copies `panel` (at most [`W`] columns) to `buf` as rows of `W` elements
/// (`to_buf`), or back, looping along the panel's closer-packed dimension.
fn copy_panel<T: Scalar>(panel: &mut MatMut<'_, T>, buf: &mut [T], to_buf: bool) {
    let (m, width) = (panel.nrows(), panel.ncols());
    let by_columns = panel.rs().unsigned_abs() <= panel.cs().unsigned_abs();
    let mut visit = |i: usize, q: usize| {
        if to_buf {
            buf[i * W + q] = panel.as_ref().get(i, q);
        } else {
            panel.set(i, q, buf[i * W + q]);
        }
    };
    if by_columns {
        for q in 0..width {
            for i in 0..m {
                visit(i, q);
            }
        }
    } else {
        for i in 0..m {
            for q in 0..width {
                visit(i, q);
            }
        }
    }
}

multiversion!(
    /// The kernel on `m` rows of [`W`] elements in `buf`, with `tp` the
    /// packed `m x m` triangle.
    fn rows, rows_at<T>(k: Kernel<T>, tp: &[T], m: usize, buf: &mut [T]) -> () => rows_body
);

/// `c + a*b`, fused when the instruction set has FMA.
#[inline(always)]
fn madd<T: Scalar, const FMA: bool>(a: T, b: T, c: T) -> T {
    if FMA {
        a.mul_add(b, c)
    } else {
        c + a * b
    }
}

/// Row `r` of `buf`, copied.
#[inline(always)]
fn row<T: Scalar>(buf: &[T], r: usize) -> [T; W] {
    let mut x = [T::zero(); W];
    x.copy_from_slice(&buf[r * W..(r + 1) * W]);
    x
}

#[inline(always)]
fn rows_body<T: Scalar, const FMA: bool>(k: Kernel<T>, tp: &[T], m: usize, buf: &mut [T]) {
    // A product reads the old rows on the other side of the diagonal (go
    // away from them); a solve needs the new ones (go towards them). Plain
    // loops, no closures: the body must be compiled into the caller's
    // instruction set.
    let forward = k.lower == (k.op == Op::Solve);
    for step in 0..m {
        let i = if forward { step } else { m - 1 - step };
        let (lo, hi) = if k.lower { (0, i) } else { (i + 1, m) };
        let xi = row(buf, i);
        let d = tp[i + i * m];
        let mut acc = [T::zero(); W];
        match k.op {
            Op::Mul => {
                for q in 0..W {
                    acc[q] = if k.unit { xi[q] } else { d * xi[q] };
                }
                for c in lo..hi {
                    let (a, xc) = (tp[i + c * m], row(buf, c));
                    for q in 0..W {
                        acc[q] = madd::<T, FMA>(a, xc[q], acc[q]);
                    }
                }
                for v in &mut acc {
                    *v = k.alpha * *v;
                }
            }
            Op::Solve => {
                for q in 0..W {
                    acc[q] = k.alpha * xi[q];
                }
                for c in lo..hi {
                    let (a, xc) = (-tp[i + c * m], row(buf, c));
                    for q in 0..W {
                        acc[q] = madd::<T, FMA>(a, xc[q], acc[q]);
                    }
                }
                if !k.unit {
                    for v in &mut acc {
                        *v = *v / d;
                    }
                }
            }
        }
        buf[i * W..(i + 1) * W].copy_from_slice(&acc);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dispatch::detect;
    use oxpar_core::{reference, Side};

    /// Every instruction-set level against the reference loops, on a row-
    /// and a column-major `B` with a partial last panel.
    #[test]
    fn every_level_matches_the_reference() {
        let (m, n) = (13, 37);
        // A well-conditioned triangle: a dominant diagonal.
        let a: Vec<f64> = (0..m * m)
            .map(|v| {
                if v % (m + 1) == 0 {
                    2.0
                } else {
                    (v % 7) as f64 / 16.0 - 0.2
                }
            })
            .collect();
        let b0: Vec<f64> = (0..m * n).map(|v| ((v * 5) % 11) as f64 - 5.0).collect();
        let a = MatRef::col_major(&a, m, m, m).unwrap();
        for level in detect().up_to() {
            for (uplo, diag, solve, row_major) in [
                (Uplo::Lower, Diag::NonUnit, false, false),
                (Uplo::Upper, Diag::Unit, false, true),
                (Uplo::Lower, Diag::Unit, true, true),
                (Uplo::Upper, Diag::NonUnit, true, false),
            ] {
                let mut got = b0.clone();
                let mut want = b0.clone();
                fn view(v: &mut [f64], m: usize, n: usize, row_major: bool) -> MatMut<'_, f64> {
                    if row_major {
                        MatMut::row_major(v, m, n, n).unwrap()
                    } else {
                        MatMut::col_major(v, m, n, m).unwrap()
                    }
                }
                let tp = pack(uplo, diag, a);
                let k = Kernel {
                    op: if solve { Op::Solve } else { Op::Mul },
                    lower: uplo == Uplo::Lower,
                    unit: diag == Diag::Unit,
                    alpha: 0.5,
                };
                // One level at a time through the panel loop's pieces.
                let mut g = view(&mut got, m, n, row_major);
                let mut buf = vec![0.0; m * W];
                let mut j0 = 0;
                while j0 < n {
                    let width = W.min(n - j0);
                    let (_, rest) = g.rb_mut().split_at_col_mut(j0);
                    let (mut panel, _) = rest.split_at_col_mut(width);
                    copy_panel(&mut panel, &mut buf, true);
                    rows_at(level, k, &tp, m, &mut buf);
                    copy_panel(&mut panel, &mut buf, false);
                    j0 += width;
                }
                let w = view(&mut want, m, n, row_major);
                if solve {
                    reference::trsm(Side::Left, uplo, diag, 0.5, a, w);
                } else {
                    reference::trmm(Side::Left, uplo, diag, 0.5, a, w);
                }
                for (g, w) in got.iter().zip(&want) {
                    assert!(
                        (g - w).abs() <= 1e-12 * w.abs().max(1.0),
                        "{level:?}: {g} vs {w}"
                    );
                }
            }
        }
    }
}
