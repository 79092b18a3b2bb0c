//! The small diagonal blocks of complex trmm and trsm: `B := alpha*T*B` or
//! `B := alpha*inv(T)*B` for a triangle `T` of a few dozen rows, with SIMD
//! over the columns of `B`.
//!
//! The blocked recursion of trmm and trsm (`oxpar_core::blocked`) spends
//! nearly all its flops in gemm, but the leaves at the bottom are
//! substitutions: one column of `B` at a time they are short dependent
//! loops of complex scalar arithmetic, and with leaves of 16 rows they took
//! a fifth of ztrsm's time at n = 1024. Here each block of `B` is copied,
//! some dozens of columns at a time, into two planes (real parts and
//! imaginary parts, each row contiguous), and the substitution runs row
//! against row: every step is an update `x_i -= t_ip * x_p` of a whole row,
//! four real multiply-adds per element on contiguous data, which the
//! compiler vectorises (the kernel is built for AVX2+FMA and AVX-512 as
//! well as the portable target, picked at run time). Cheap leaves allow
//! larger ones, and so fewer of the small, slow gemms of the recursion.
//!
//! trsm multiplies by the reciprocal of each diagonal element, computed
//! once per block, instead of dividing every element by it (as OpenBLAS's
//! kernels do); the results differ from the reference's in rounding only.

use oxpar_core::{Complex, Diag, Element, MatMut, MatRef, Scalar, Uplo};

use crate::dispatch::{cpu_level, multiversion, CpuLevel};

/// Columns of `B` per pass: the two planes of a block of 64 rows then hold
/// 64 x 64 complex elements (64 KiB in f64), within L2 with the triangle.
const PANEL: usize = 64;

/// What a pass computes: the product with the triangle or the solve, on
/// the lower or upper triangle, with a unit diagonal or not; `m` rows of
/// `w` elements.
#[derive(Copy, Clone, Debug)]
struct TriJob {
    solve: bool,
    lower: bool,
    unit: bool,
    m: usize,
    w: usize,
}

/// `B := alpha*T*B`, `T` the `uplo` triangle of the small square `a` (its
/// conjugation applied; the diagonal taken as ones with `Diag::Unit`); the
/// other triangle of `a` is not read. `B` may have any strides.
pub fn trmm_block<R: Scalar>(
    uplo: Uplo,
    diag: Diag,
    alpha: Complex<R>,
    a: MatRef<'_, Complex<R>>,
    b: MatMut<'_, Complex<R>>,
) where
    Complex<R>: Element<Real = R>,
{
    tri_block(cpu_level(), false, uplo, diag, alpha, a, b);
}

/// Solves `T*X = alpha*B` for `X`, which overwrites `B`; `T` as in
/// [`trmm_block`]. A zero on a non-unit diagonal gives infinities or NaNs,
/// as in the reference (no error is raised).
pub fn trsm_block<R: Scalar>(
    uplo: Uplo,
    diag: Diag,
    alpha: Complex<R>,
    a: MatRef<'_, Complex<R>>,
    b: MatMut<'_, Complex<R>>,
) where
    Complex<R>: Element<Real = R>,
{
    tri_block(cpu_level(), true, uplo, diag, alpha, a, b);
}

/// [`trmm_block`] (`solve == false`) or [`trsm_block`], with the kernel
/// compiled for `level` (clamped to the detected level).
fn tri_block<R: Scalar>(
    level: CpuLevel,
    solve: bool,
    uplo: Uplo,
    diag: Diag,
    alpha: Complex<R>,
    a: MatRef<'_, Complex<R>>,
    mut b: MatMut<'_, Complex<R>>,
) where
    Complex<R>: Element<Real = R>,
{
    let (m, n) = (b.nrows(), b.ncols());
    if m == 0 || n == 0 {
        return;
    }
    debug_assert!(a.nrows() == m && a.ncols() == m);
    let job = TriJob {
        solve,
        lower: uplo == Uplo::Lower,
        unit: diag == Diag::Unit,
        m,
        w: PANEL.min(n),
    };
    // The triangle in planes, column-major; for a solve the diagonal holds
    // the reciprocals.
    let (mut tr, mut ti) = (vec![R::zero(); m * m], vec![R::zero(); m * m]);
    for p in 0..m {
        for i in 0..m {
            if uplo.holds(i, p) && !(i == p && job.unit) {
                let mut v = a.get(i, p);
                if i == p && solve {
                    v = <Complex<R> as Element>::ONE.quotient(v);
                }
                tr[i + p * m] = v.re;
                ti[i + p * m] = v.im;
            }
        }
    }
    let w = job.w;
    let (mut xr, mut xi) = (vec![R::zero(); m * w], vec![R::zero(); m * w]);
    for j0 in (0..n).step_by(PANEL) {
        let nb = PANEL.min(n - j0);
        // trsm scales on the way in (as the reference), trmm on the way out;
        // the copies go down the contiguous index of `B`.
        let load = |i: usize, j: usize, v: Complex<R>, xr: &mut [R], xi: &mut [R]| {
            let v = if solve { alpha * v } else { v };
            xr[i * w + j] = v.re;
            xi[i * w + j] = v.im;
        };
        if b.rs() == 1 {
            for j in 0..nb {
                for (i, v) in b.as_ref().col(j0 + j).iter().enumerate() {
                    load(i, j, v, &mut xr, &mut xi);
                }
            }
        } else {
            for i in 0..m {
                for (j, v) in b.as_ref().row(i).subvector(j0, nb).iter().enumerate() {
                    load(i, j, v, &mut xr, &mut xi);
                }
            }
        }
        tri_rows_at(level, job, &tr, &ti, &mut xr, &mut xi);
        let value = |i: usize, j: usize| {
            let v = Complex::new(xr[i * w + j], xi[i * w + j]);
            if solve {
                v
            } else {
                alpha * v
            }
        };
        if b.rs() == 1 {
            for j in 0..nb {
                b.col_mut(j0 + j).for_each_mut(|i, v| *v = value(i, j));
            }
        } else {
            for i in 0..m {
                let mut row = b.row_mut(i).split_at_mut(j0).1.split_at_mut(nb).0;
                row.for_each_mut(|j, v| *v = value(i, j));
            }
        }
    }
}

multiversion!(
    /// One pass of [`tri_block`]: the `job.m` rows of `job.w` elements in
    /// the planes `xr`, `xi` (row `i` at `i*w`) against the triangle in the
    /// column-major planes `tr`, `ti` (`m x m`, reciprocal diagonal for a
    /// solve).
    fn _tri_rows, tri_rows_at<T>(
        job: TriJob,
        tr: &[T],
        ti: &[T],
        xr: &mut [T],
        xi: &mut [T],
    ) -> () => tri_rows_body
);

/// `a*b + c`, fused where the target has FMA.
#[inline(always)]
fn madd<T: Scalar, const FMA: bool>(a: T, b: T, c: T) -> T {
    if FMA {
        a.mul_add(b, c)
    } else {
        a * b + c
    }
}

/// Row `dst := dst + (cr + i*ci)*src` (`sign == 1`) or `dst - ...` (`sign ==
/// -1`) on the planes.
#[inline(always)]
fn row_update<T: Scalar, const FMA: bool>(
    cr: T,
    ci: T,
    sr: &[T],
    si: &[T],
    dr: &mut [T],
    di: &mut [T],
) {
    let nci = -ci;
    for (((dr, di), &sr), &si) in dr.iter_mut().zip(di.iter_mut()).zip(sr).zip(si) {
        // (cr + i ci)(sr + i si) = (cr sr - ci si) + i (cr si + ci sr)
        *dr = madd::<T, FMA>(cr, sr, madd::<T, FMA>(nci, si, *dr));
        *di = madd::<T, FMA>(cr, si, madd::<T, FMA>(ci, sr, *di));
    }
}

/// Row `x := (cr + i*ci)*x` on the planes.
#[inline(always)]
fn row_scale<T: Scalar, const FMA: bool>(cr: T, ci: T, xr: &mut [T], xi: &mut [T]) {
    for (r, i) in xr.iter_mut().zip(xi.iter_mut()) {
        let (a, b) = (*r, *i);
        *r = madd::<T, FMA>(cr, a, -(ci * b));
        *i = madd::<T, FMA>(cr, b, ci * a);
    }
}

/// Row `p` times the diagonal element `p` of the triangle (its reciprocal
/// for a solve), unless the diagonal is a unit one.
#[inline(always)]
fn diag_scale<T: Scalar, const FMA: bool>(
    job: TriJob,
    tr: &[T],
    ti: &[T],
    p: usize,
    xr: &mut [T],
    xi: &mut [T],
) {
    let (m, w) = (job.m, job.w);
    if !job.unit {
        let (dr, di) = (tr[p + p * m], ti[p + p * m]);
        row_scale::<T, FMA>(
            dr,
            di,
            &mut xr[p * w..(p + 1) * w],
            &mut xi[p * w..(p + 1) * w],
        );
    }
}

/// The body of `tri_rows_at` (see there).
#[inline(always)]
fn tri_rows_body<T: Scalar, const FMA: bool>(
    job: TriJob,
    tr: &[T],
    ti: &[T],
    xr: &mut [T],
    xi: &mut [T],
) {
    let (m, w) = (job.m, job.w);
    let t = |i: usize, p: usize| (tr[i + p * m], ti[i + p * m]);
    match (job.solve, job.lower) {
        // Forward substitution: x_p := x_p / t_pp, then x_i -= t_ip x_p below.
        (true, true) => {
            for p in 0..m {
                diag_scale::<T, FMA>(job, tr, ti, p, xr, xi);
                let (hr, lr) = xr.split_at_mut((p + 1) * w);
                let (hi, li) = xi.split_at_mut((p + 1) * w);
                let (sr, si) = (&hr[p * w..], &hi[p * w..]);
                for i in p + 1..m {
                    let (cr, ci) = t(i, p);
                    let o = (i - p - 1) * w;
                    row_update::<T, FMA>(-cr, -ci, sr, si, &mut lr[o..o + w], &mut li[o..o + w]);
                }
            }
        }
        // Back substitution: x_p := x_p / t_pp, then x_i -= t_ip x_p above.
        (true, false) => {
            for p in (0..m).rev() {
                diag_scale::<T, FMA>(job, tr, ti, p, xr, xi);
                let (ur, pr) = xr.split_at_mut(p * w);
                let (ui, pi) = xi.split_at_mut(p * w);
                let (sr, si) = (&pr[..w], &pi[..w]);
                for i in 0..p {
                    let (cr, ci) = t(i, p);
                    row_update::<T, FMA>(
                        -cr,
                        -ci,
                        sr,
                        si,
                        &mut ur[i * w..(i + 1) * w],
                        &mut ui[i * w..(i + 1) * w],
                    );
                }
            }
        }
        // x_i := t_ii x_i + sum_{p<i} t_ip x_p, from the last row up (rows
        // above row i are still the old ones).
        (false, true) => {
            for i in (0..m).rev() {
                diag_scale::<T, FMA>(job, tr, ti, i, xr, xi);
                let (ur, dr) = xr.split_at_mut(i * w);
                let (ui, di) = xi.split_at_mut(i * w);
                let (dr, di) = (&mut dr[..w], &mut di[..w]);
                for p in 0..i {
                    let (cr, ci) = t(i, p);
                    row_update::<T, FMA>(
                        cr,
                        ci,
                        &ur[p * w..(p + 1) * w],
                        &ui[p * w..(p + 1) * w],
                        dr,
                        di,
                    );
                }
            }
        }
        // x_i := t_ii x_i + sum_{p>i} t_ip x_p, from the first row down.
        (false, false) => {
            for i in 0..m {
                diag_scale::<T, FMA>(job, tr, ti, i, xr, xi);
                let (hr, lr) = xr.split_at_mut((i + 1) * w);
                let (hi, li) = xi.split_at_mut((i + 1) * w);
                let (dr, di) = (&mut hr[i * w..], &mut hi[i * w..]);
                for p in i + 1..m {
                    let (cr, ci) = t(i, p);
                    let o = (p - i - 1) * w;
                    row_update::<T, FMA>(cr, ci, &lr[o..o + w], &li[o..o + w], dr, di);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use oxpar_core::{reference, Complex64, Side};

    fn values(len: usize, seed: u64) -> Vec<Complex64> {
        let mut s = seed | 1;
        let mut next = move || {
            s = s
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            ((s >> 11) as f64 / (1u64 << 53) as f64) - 0.5
        };
        (0..len).map(|_| Complex64::new(next(), next())).collect()
    }

    /// Every triangle, diagonal, conjugation and layout of `B`, with more
    /// and fewer columns than a pass, at each instruction-set level, against
    /// the reference loops.
    #[test]
    fn blocks_match_the_reference() {
        let alpha = Complex64::new(0.75, -0.5);
        for m in [1, 2, 7, 16, 33] {
            let mut av = values(m * m, 5);
            for i in 0..m {
                av[i + i * m] += Complex64::new(2.0, 0.5);
            }
            for n in [1, 5, PANEL + 3] {
                let bv = values(m * n, 6);
                for (uplo, diag, conj, row_major) in cases() {
                    let a = MatRef::col_major(&av, m, m, m).unwrap();
                    let a = if conj { a.conj() } else { a };
                    for solve in [false, true] {
                        let mut want = bv.clone();
                        let wv = MatMut::col_major(&mut want, m, n, m).unwrap();
                        if solve {
                            reference::trsm(Side::Left, uplo, diag, alpha, a, wv);
                        } else {
                            reference::trmm(Side::Left, uplo, diag, alpha, a, wv);
                        }
                        for level in CpuLevel::Avx512F.up_to() {
                            let mut got = vec![Complex64::new(0.0, 0.0); m * n];
                            // Column-major, or row-major in the same values.
                            let gv = if row_major {
                                for j in 0..n {
                                    for i in 0..m {
                                        got[i * n + j] = bv[i + j * m];
                                    }
                                }
                                MatMut::row_major(&mut got, m, n, n).unwrap()
                            } else {
                                got.copy_from_slice(&bv);
                                MatMut::col_major(&mut got, m, n, m).unwrap()
                            };
                            tri_block(level, solve, uplo, diag, alpha, a, gv);
                            for j in 0..n {
                                for i in 0..m {
                                    let g = if row_major {
                                        got[i * n + j]
                                    } else {
                                        got[i + j * m]
                                    };
                                    let w = want[i + j * m];
                                    assert!(
                                        (g - w).norm() <= 1e-12 * (1.0 + w.norm()) * m as f64,
                                        "m={m} n={n} {uplo:?} {diag:?} conj={conj} solve={solve} ({i},{j}): {g} vs {w}"
                                    );
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    fn cases() -> Vec<(Uplo, Diag, bool, bool)> {
        let mut v = Vec::new();
        for uplo in [Uplo::Lower, Uplo::Upper] {
            for diag in [Diag::NonUnit, Diag::Unit] {
                for conj in [false, true] {
                    for row_major in [false, true] {
                        v.push((uplo, diag, conj, row_major));
                    }
                }
            }
        }
        v
    }
}
