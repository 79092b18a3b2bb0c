//! Small triangular products and solves: the diagonal blocks of blocked
//! trmm and trsm (see `oxpar_core::blocked`), `B := alpha*A*B` or
//! `B := alpha*inv(A)*B` with `A` an `m x m` triangle of at most a hundred
//! or so rows (its `uplo` triangle read, the diagonal not read when unit) and `B`
//! any strided `m x n` view.
//!
//! `B` is processed in panels of [`W`] columns, each copied to a small
//! buffer as `m` rows of `W` contiguous elements (and back when done): even
//! when `B`'s rows are contiguous (the right-side cases, on `B^T`), rows a
//! leading dimension apart would compete for the same cache sets. Row `i` of
//! the result is accumulated in registers from row `i` and the rows on one
//! side of it, with the coefficients of row `i` of the packed triangle (a
//! product four rows at a time, as its rows need only the old ones);
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

/// The diagonal blocks of blocked trmm, larger than [`LEAF`]: a product's
/// rows go four at a time, at near the speed of gemm, which
/// at this size beats the small gemms of a deeper recursion.
pub const TRMM_LEAF: usize = 128;

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
    // A product's rows are independent given the old rows: blocks of R
    // rows at once (R accumulators per row of B read), from the far end;
    // the rows left over (fewer than R, at the near end) go one at a time.
    let blocks = if k.op == Op::Mul { m / R } else { 0 };
    for t in 0..blocks {
        let i0 = if k.lower { m - R * (t + 1) } else { R * t };
        mul_rows::<T, FMA>(k, tp, m, buf, i0);
    }
    let blocked = blocks * R;
    let rest = m - blocked;
    for step in 0..rest {
        let i = match (k.op, k.lower) {
            // The rows at the top, from the bottom up.
            (Op::Mul, true) => rest - 1 - step,
            // The rows at the bottom, from the top down.
            (Op::Mul, false) => blocked + step,
            _ if forward => step,
            _ => m - 1 - step,
        };
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

/// `acc[r] += tp(i0+r, c)*row c of buf` for the rows `r` from `first` on
/// of the block at `i0` (`acc` may be shorter than [`R`]: the rows past its
/// end are left out). A plain function, not a closure, so that it is
/// compiled into its caller's instruction set.
#[inline(always)]
fn add_row<T: Scalar, const FMA: bool>(
    tp: &[T],
    m: usize,
    buf: &[T],
    i0: usize,
    c: usize,
    first: usize,
    acc: &mut [[T; W]],
) {
    let xc = row(buf, c);
    let a = &tp[i0 + c * m..i0 + c * m + R];
    for r in first..acc.len() {
        for q in 0..W {
            acc[r][q] = madd::<T, FMA>(a[r], xc[q], acc[r][q]);
        }
    }
}

/// Rows per block of a product in [`rows_body`].
const R: usize = 4;

/// Rows `i0..i0+R` of a product, from the old rows of `buf` (those above
/// them and themselves for lower, themselves and below for upper). Inside
/// the `R x R` diagonal block only the coefficients of the triangle are
/// used (the diagonal one when unit, from `tp`), so an infinite entry of
/// `B` meets no zero of the other triangle (no NaN the loops of the
/// reference BLAS would not make).
#[inline(always)]
fn mul_rows<T: Scalar, const FMA: bool>(
    k: Kernel<T>,
    tp: &[T],
    m: usize,
    buf: &mut [T],
    i0: usize,
) {
    let mut acc = [[T::zero(); W]; R];
    if k.lower {
        for c in 0..i0 {
            add_row::<T, FMA>(tp, m, buf, i0, c, 0, &mut acc);
        }
        for d in 0..R {
            add_row::<T, FMA>(tp, m, buf, i0, i0 + d, d, &mut acc);
        }
    } else {
        for d in 0..R {
            add_row::<T, FMA>(tp, m, buf, i0, i0 + d, 0, &mut acc[..=d]);
        }
        for c in i0 + R..m {
            add_row::<T, FMA>(tp, m, buf, i0, c, 0, &mut acc);
        }
    }
    for (r, acc) in acc.iter().enumerate() {
        let out = &mut buf[(i0 + r) * W..(i0 + r + 1) * W];
        for (o, v) in out.iter_mut().zip(acc) {
            *o = k.alpha * *v;
        }
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

    /// The blocked rows of a product (sizes around the block of [`R`]
    /// rows, both triangles, both diagonals) against the reference loops,
    /// with an infinite entry in each row of `B` in turn: it must reach
    /// only the rows that its triangle coefficients reach, never meet a
    /// zero of the other triangle (which would make a NaN).
    #[test]
    fn products_in_blocks_keep_infinities_to_the_triangle() {
        let n = 3;
        for m in [1, 2, 3, 4, 5, 7, 8, 9, 13] {
            // Positive coefficients: an infinity stays one signed infinity.
            let a: Vec<f64> = (0..m * m).map(|v| 0.25 + (v % 5) as f64 / 8.0).collect();
            let a = MatRef::col_major(&a, m, m, m).unwrap();
            for level in detect().up_to() {
                for uplo in [Uplo::Lower, Uplo::Upper] {
                    for diag in [Diag::Unit, Diag::NonUnit] {
                        for inf_row in 0..m {
                            let mut b0: Vec<f64> =
                                (0..m * n).map(|v| (v % 7) as f64 + 1.0).collect();
                            b0[inf_row + m] = f64::INFINITY;
                            let (mut got, mut want) = (b0.clone(), b0);
                            let k = Kernel {
                                op: Op::Mul,
                                lower: uplo == Uplo::Lower,
                                unit: diag == Diag::Unit,
                                alpha: 2.0,
                            };
                            let mut g = MatMut::col_major(&mut got, m, n, m).unwrap();
                            let mut buf = vec![0.0; m * W];
                            copy_panel(&mut g, &mut buf, true);
                            rows_at(level, k, &pack(uplo, diag, a), m, &mut buf);
                            copy_panel(&mut g, &mut buf, false);
                            let w = MatMut::col_major(&mut want, m, n, m).unwrap();
                            reference::trmm(Side::Left, uplo, diag, 2.0, a, w);
                            for (i, (g, w)) in got.iter().zip(&want).enumerate() {
                                let same = if w.is_finite() {
                                    (g - w).abs() <= 1e-12 * w.abs().max(1.0)
                                } else {
                                    g.to_bits() == w.to_bits() || (g.is_nan() && w.is_nan())
                                };
                                assert!(same, "{level:?} m={m} {uplo:?} {diag:?} inf at {inf_row}, entry {i}: {g} vs {w}");
                            }
                        }
                    }
                }
            }
        }
    }
}
