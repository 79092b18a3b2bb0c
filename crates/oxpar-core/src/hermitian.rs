//! The Hermitian operations (hemv, her, her2, hbmv, hpmv, hpr, hpr2, hemm,
//! herk, her2k): plain reference loops, and the trait defaults built on a
//! backend's own kernels.
//!
//! A Hermitian matrix is held in its `uplo` triangle; the other triangle is
//! the conjugate mirror and is never read, and the imaginary parts of the
//! diagonal are taken as zero (as BLAS), and set to zero where the result
//! is Hermitian (her, her2, herk, her2k). For real elements every operation
//! is its symmetric twin.
//!
//! The band and packed forms (hbmv, hpmv, hpr, hpr2) are the reference
//! BLAS's column loops, which touch only the stored band or triangle. The
//! rank updates (her, her2, hpr, hpr2) skip a column whose `x(j)` (and
//! `y(j)`) are zero as the reference does, so an infinity elsewhere in `x`
//! does not turn that column into NaN, and form her's `TEMP` as a real
//! times a complex, part by part: the serial oracle then agrees with the
//! kernels' column loops on Inf and NaN as well as on finite values.
//!
//! The level-2 defaults are blocked like [`crate::blocked::symv`] and
//! [`crate::blocked::syr`]: diagonal blocks by the loops here, each
//! off-diagonal strip by the backend's `gemv` (itself and its conjugate
//! transpose, a view) or `gerc`. The level-3 defaults are one `gemm` each:
//! hemm on the full matrix expanded into a buffer (`n^2` elements, small
//! beside the `n^2 m` work), herk and her2k on a product buffer of which
//! the `uplo` triangle reaches `C` (twice the flops of the triangle alone:
//! a first increment; a blocked recursion like syrk's is the refinement).

use crate::backend::{check, Level2, Level3, Side, Uplo};
use crate::band::{BandRef, PackedMut, PackedRef};
use crate::blocked::{block_mut, blocks, sub_mut, NB};
use crate::error::Result;
use crate::scalar::Element;
use crate::view::{MatMut, MatRef, VecMut, VecRef};

/// Element `(i, j)` of the Hermitian matrix whose `uplo` triangle `a` holds.
pub fn herm<T: Element>(a: &MatRef<'_, T>, uplo: Uplo, i: usize, j: usize) -> T {
    if i == j {
        T::from_real(a.get(i, i).re())
    } else if uplo.holds(i, j) {
        a.get(i, j)
    } else {
        a.get(j, i).conj()
    }
}

/// Sets the imaginary part of the diagonal of the square `c` to zero.
fn real_diagonal<T: Element>(c: &mut MatMut<'_, T>) {
    for i in 0..c.nrows() {
        let v = c.as_ref().get(i, i).re();
        c.set(i, i, T::from_real(v));
    }
}

/// `y := alpha*A*x + beta*y`, `A` Hermitian (plain loops).
pub fn hemv_ref<T: Element>(
    uplo: Uplo,
    alpha: T,
    a: MatRef<'_, T>,
    x: VecRef<'_, T>,
    beta: T,
    mut y: VecMut<'_, T>,
) {
    let n = y.len();
    for i in 0..n {
        let ax = if alpha == T::ZERO {
            T::ZERO
        } else {
            alpha * (0..n).fold(T::ZERO, |acc, j| acc + herm(&a, uplo, i, j) * x.get(j))
        };
        let old = if beta == T::ZERO {
            T::ZERO
        } else {
            beta * y.as_ref().get(i)
        };
        y.set(i, ax + old);
    }
}

/// `A := alpha*x*y^H + conj(alpha)*y*x^H + A` on the `uplo` triangle (her2),
/// or `alpha*x*x^H + A` with `alpha` real when `y` is `None` (her); the
/// reference BLAS's column loop (`rank2_temps`, `rank2_add`): a column
/// whose `x(j)` (and `y(j)`) are zero is left alone but for the imaginary
/// part of its diagonal, set to zero. The diagonal comes out real.
pub fn her2_ref<T: Element>(
    uplo: Uplo,
    alpha: T,
    x: VecRef<'_, T>,
    y: Option<VecRef<'_, T>>,
    mut a: MatMut<'_, T>,
) {
    if alpha == T::ZERO {
        return;
    }
    let n = x.len();
    for j in 0..n {
        let d = a.as_ref().get(j, j).re();
        let Some(t) = rank2_temps(alpha, x.get(j), y.map(|y| y.get(j))) else {
            a.set(j, j, T::from_real(d));
            continue;
        };
        for i in (0..n).filter(|&i| i != j && uplo.holds(i, j)) {
            let v = rank2_add(a.as_ref().get(i, j), x.get(i), y.map(|y| y.get(i)), t);
            a.set(i, j, v);
        }
        a.set(j, j, rank2_diag(d, x.get(j), y.map(|y| y.get(j)), t));
    }
}

/// The reference's temporaries for column `j` of her (`yj == None`, the
/// real alpha in `alpha.re()`) or her2: `None` when the column is skipped
/// (`x(j)`, and `y(j)`, zero), else `(TEMP1, TEMP2)`: her `TEMP1 =
/// alpha*conj(x(j))`, a real times a complex part by part; her2 `TEMP1 =
/// alpha*conj(y(j))`, `TEMP2 = conj(alpha*x(j))`.
fn rank2_temps<T: Element>(alpha: T, xj: T, yj: Option<T>) -> Option<(T, T)> {
    match yj {
        None => (xj != T::ZERO).then(|| (xj.conj().scale_real(alpha.re()), T::ZERO)),
        Some(yj) => {
            (xj != T::ZERO || yj != T::ZERO).then(|| (alpha * yj.conj(), (alpha * xj).conj()))
        }
    }
}

/// `a + x(i)*TEMP1 (+ y(i)*TEMP2)`, left to right as the reference's
/// statement.
fn rank2_add<T: Element>(a: T, xi: T, yi: Option<T>, (t1, t2): (T, T)) -> T {
    match yi {
        None => a + xi * t1,
        Some(yi) => a + xi * t1 + yi * t2,
    }
}

/// The diagonal element `d + re(x(j)*TEMP1 (+ y(j)*TEMP2))`, real.
fn rank2_diag<T: Element>(d: T::Real, xj: T, yj: Option<T>, (t1, t2): (T, T)) -> T {
    let term = match yj {
        None => xj * t1,
        Some(yj) => xj * t1 + yj * t2,
    };
    T::from_real(d + term.re())
}

/// `y := beta*y` as BLAS does it: zeros without reading when `beta == 0`,
/// nothing when `beta == 1`.
fn scale_y<T: Element>(beta: T, y: &mut VecMut<'_, T>) {
    if beta == T::ONE {
        return;
    }
    y.for_each_mut(|_, v| *v = if beta == T::ZERO { T::ZERO } else { beta * *v });
}

/// `y := alpha*A*x + beta*y` for the Hermitian `A` of order `n = y.len()`
/// whose `uplo` triangle `get(i, j)` reads, column `j` holding the rows
/// `rows(j)` strictly inside that triangle; the reference BLAS's column loop
/// (`?HBMV`, `?HPMV`).
fn hermitian_columns<T: Element>(
    uplo: Uplo,
    get: impl Fn(usize, usize) -> T,
    rows: impl Fn(usize) -> std::ops::Range<usize>,
    alpha: T,
    x: VecRef<'_, T>,
    beta: T,
    mut y: VecMut<'_, T>,
) {
    scale_y(beta, &mut y);
    if alpha == T::ZERO {
        return;
    }
    for j in 0..y.len() {
        let t1 = alpha * x.get(j);
        let mut t2 = T::ZERO;
        for i in rows(j) {
            debug_assert!(uplo.holds(i, j) && i != j);
            let aij = get(i, j);
            let yi = y.as_ref().get(i);
            y.set(i, yi + t1 * aij);
            t2 += aij.conj() * x.get(i);
        }
        let yj = y.as_ref().get(j);
        y.set(j, yj + t1 * T::from_real(get(j, j).re()) + alpha * t2);
    }
}

/// `y := alpha*A*x + beta*y`, `A` Hermitian band held in the `uplo` triangle
/// of `a` (plain loops over the stored band). With `beta == 0`, `y` is not
/// read; with `alpha == 0`, `A` and `x` are not read.
pub fn hbmv_ref<T: Element>(
    uplo: Uplo,
    alpha: T,
    a: BandRef<'_, T>,
    x: VecRef<'_, T>,
    beta: T,
    y: VecMut<'_, T>,
) {
    let n = y.len();
    let rows = |j: usize| match uplo {
        Uplo::Upper => j.saturating_sub(a.ku())..j,
        Uplo::Lower => j + 1..(j + a.kl() + 1).min(n),
    };
    hermitian_columns(uplo, |i, j| a.get(i, j), rows, alpha, x, beta, y);
}

/// `y := alpha*A*x + beta*y`, `A` Hermitian held in the packed triangle `a`
/// (plain loops). With `beta == 0`, `y` is not read; with `alpha == 0`, `A`
/// and `x` are not read.
pub fn hpmv_ref<T: Element>(
    alpha: T,
    a: PackedRef<'_, T>,
    x: VecRef<'_, T>,
    beta: T,
    y: VecMut<'_, T>,
) {
    let (n, uplo) = (y.len(), a.uplo());
    let rows = |j: usize| match uplo {
        Uplo::Upper => 0..j,
        Uplo::Lower => j + 1..n,
    };
    hermitian_columns(uplo, |i, j| a.get(i, j), rows, alpha, x, beta, y);
}

/// `A := alpha*x*y^H + conj(alpha)*y*x^H + A` (hpr2, `y = Some`) or
/// `alpha*x*x^H + A` with `alpha` real (hpr, `y = None`) on the packed
/// triangle `a`; the reference BLAS's loops: a column whose `x(j)` (and
/// `y(j)`) are zero is skipped, and every diagonal element comes out real.
pub fn hpr2_ref<T: Element>(
    alpha: T,
    x: VecRef<'_, T>,
    y: Option<VecRef<'_, T>>,
    mut a: PackedMut<'_, T>,
) {
    if alpha == T::ZERO {
        return;
    }
    let (n, uplo) = (a.n(), a.uplo());
    for j in 0..n {
        let d = a.as_ref().get(j, j).re();
        let Some(t) = rank2_temps(alpha, x.get(j), y.map(|y| y.get(j))) else {
            a.set(j, j, T::from_real(d));
            continue;
        };
        let rows = match uplo {
            Uplo::Upper => 0..j,
            Uplo::Lower => j + 1..n,
        };
        for i in rows {
            let v = rank2_add(a.as_ref().get(i, j), x.get(i), y.map(|y| y.get(i)), t);
            a.set(i, j, v);
        }
        a.set(j, j, rank2_diag(d, x.get(j), y.map(|y| y.get(j)), t));
    }
}

/// `C := alpha*A*B + beta*C` (left) or `alpha*B*A + beta*C` (right), `A`
/// Hermitian (plain loops).
#[allow(clippy::too_many_arguments, reason = "the BLAS argument list")]
pub fn hemm_ref<T: Element>(
    side: Side,
    uplo: Uplo,
    alpha: T,
    a: MatRef<'_, T>,
    b: MatRef<'_, T>,
    beta: T,
    mut c: MatMut<'_, T>,
) {
    let (m, n) = (c.nrows(), c.ncols());
    for j in 0..n {
        for i in 0..m {
            let ab =
                if alpha == T::ZERO {
                    T::ZERO
                } else {
                    alpha
                        * match side {
                            Side::Left => (0..m)
                                .fold(T::ZERO, |acc, p| acc + herm(&a, uplo, i, p) * b.get(p, j)),
                            Side::Right => (0..n)
                                .fold(T::ZERO, |acc, p| acc + b.get(i, p) * herm(&a, uplo, p, j)),
                        }
                };
            let old = if beta == T::ZERO {
                T::ZERO
            } else {
                beta * c.as_ref().get(i, j)
            };
            c.set(i, j, ab + old);
        }
    }
}

/// `C := alpha*A*B^H + conj(alpha)*B*A^H + beta*C` (her2k, `b = Some`) or
/// `alpha*A*A^H + beta*C` (herk, `alpha` real) on the `uplo` triangle, with
/// `beta` real; plain loops. The diagonal comes out real.
pub fn her2k_ref<T: Element>(
    uplo: Uplo,
    alpha: T,
    a: MatRef<'_, T>,
    b: Option<MatRef<'_, T>>,
    beta: T::Real,
    mut c: MatMut<'_, T>,
) {
    let (n, k) = (c.nrows(), a.ncols());
    let beta = T::from_real(beta);
    if (alpha == T::ZERO || k == 0) && beta == T::ONE {
        return;
    }
    for j in 0..n {
        for i in 0..n {
            if !uplo.holds(i, j) {
                continue;
            }
            let s = if alpha == T::ZERO {
                T::ZERO
            } else {
                (0..k).fold(T::ZERO, |acc, p| match b {
                    None => acc + alpha * a.get(i, p) * a.get(j, p).conj(),
                    Some(b) => {
                        acc + alpha * a.get(i, p) * b.get(j, p).conj()
                            + alpha.conj() * b.get(i, p) * a.get(j, p).conj()
                    }
                })
            };
            let old = if beta == T::ZERO {
                T::ZERO
            } else {
                beta * c.as_ref().get(i, j)
            };
            let v = s + old;
            c.set(i, j, if i == j { T::from_real(v.re()) } else { v });
        }
    }
}

/// The strip of block column `r` inside the `uplo` triangle (as
/// `blocked::level2`'s).
fn strip(uplo: Uplo, n: usize, r: &std::ops::Range<usize>) -> std::ops::Range<usize> {
    match uplo {
        Uplo::Upper => 0..r.start,
        Uplo::Lower => r.end..n,
    }
}

/// [`Level2::hemv`]'s default: diagonal blocks by loops (they apply `beta`),
/// then each off-diagonal strip twice through `gemv`, as itself and as its
/// conjugate transpose.
pub fn hemv<T: Element, B: Level2<T> + ?Sized>(
    b: &B,
    uplo: Uplo,
    alpha: T,
    a: MatRef<'_, T>,
    x: VecRef<'_, T>,
    beta: T,
    mut y: VecMut<'_, T>,
) -> Result<()> {
    check::square("A", (a.nrows(), a.ncols()))?;
    check::gemv((a.nrows(), a.ncols()), x.len(), y.len())?;
    let n = y.len();
    for r in blocks(n, NB) {
        let d = a.submatrix(r.start, r.start, r.len(), r.len());
        let xr = x.subvector(r.start, r.len());
        hemv_ref(uplo, alpha, d, xr, beta, sub_mut(y.rb_mut(), r));
    }
    if alpha == T::ZERO {
        return Ok(());
    }
    for r in blocks(n, NB) {
        let s = strip(uplo, n, &r);
        if s.is_empty() {
            continue;
        }
        let a_s = a.submatrix(s.start, r.start, s.len(), r.len());
        let (xr, xs) = (x.subvector(r.start, r.len()), x.subvector(s.start, s.len()));
        b.gemv(alpha, a_s, xr, T::ONE, sub_mut(y.rb_mut(), s))?;
        b.gemv(alpha, a_s.h(), xs, T::ONE, sub_mut(y.rb_mut(), r))?;
    }
    Ok(())
}

/// [`Level2::her`] (`y = None`, `alpha` real) and [`Level2::her2`]'s
/// default: diagonal blocks by loops, each off-diagonal strip by `gerc`.
pub fn her2<T: Element, B: Level2<T> + ?Sized>(
    b: &B,
    uplo: Uplo,
    alpha: T,
    x: VecRef<'_, T>,
    y: Option<VecRef<'_, T>>,
    mut a: MatMut<'_, T>,
) -> Result<()> {
    check::square("A", (a.nrows(), a.ncols()))?;
    check::ger(
        x.len(),
        y.map_or(x.len(), |y| y.len()),
        (a.nrows(), a.ncols()),
    )?;
    if alpha == T::ZERO {
        return Ok(());
    }
    let n = x.len();
    for r in blocks(n, NB) {
        let xr = x.subvector(r.start, r.len());
        let yr = y.map(|y| y.subvector(r.start, r.len()));
        her2_ref(
            uplo,
            alpha,
            xr,
            yr,
            block_mut(a.rb_mut(), r.clone(), r.clone()),
        );
        let s = strip(uplo, n, &r);
        if s.is_empty() {
            continue;
        }
        let xs = x.subvector(s.start, s.len());
        match y {
            None => b.gerc(alpha, xs, xr, block_mut(a.rb_mut(), s, r))?,
            Some(y) => {
                let (ys, yr) = (y.subvector(s.start, s.len()), y.subvector(r.start, r.len()));
                b.gerc(alpha, xs, yr, block_mut(a.rb_mut(), s.clone(), r.clone()))?;
                b.gerc(alpha.conj(), ys, xr, block_mut(a.rb_mut(), s, r))?;
            }
        }
    }
    Ok(())
}

/// [`Level3::hemm`]'s default: the full Hermitian matrix expanded into a
/// buffer, then one `gemm`.
#[allow(clippy::too_many_arguments, reason = "the BLAS argument list")]
pub fn hemm<T: Element, B: Level3<T> + ?Sized>(
    bk: &B,
    side: Side,
    uplo: Uplo,
    alpha: T,
    a: MatRef<'_, T>,
    b: MatRef<'_, T>,
    beta: T,
    c: MatMut<'_, T>,
) -> Result<()> {
    check::symm(
        side,
        (a.nrows(), a.ncols()),
        (b.nrows(), b.ncols()),
        (c.nrows(), c.ncols()),
    )?;
    if alpha == T::ZERO {
        // Neither A nor B is read: C := beta*C (not read when beta == 0).
        let mut c = c;
        for j in 0..c.ncols() {
            c.col_mut(j)
                .for_each_mut(|_, v| *v = if beta == T::ZERO { T::ZERO } else { beta * *v });
        }
        return Ok(());
    }
    let n = a.nrows();
    let mut full = vec![T::ZERO; n * n];
    for j in 0..n {
        for i in 0..n {
            full[i + j * n] = herm(&a, uplo, i, j);
        }
    }
    let fa = MatRef::col_major(&full, n, n, n.max(1))?;
    match side {
        Side::Left => bk.gemm(alpha, fa, b, beta, c),
        Side::Right => bk.gemm(alpha, b, fa, beta, c),
    }
}

/// [`Level3::herk`] (`b = None`, `alpha` real) and [`Level3::her2k`]'s
/// default: the product `A*B^H` (or `A*A^H`) by one `gemm` into a buffer,
/// of which the `uplo` triangle reaches `C`. With `beta == 0`, `C` is not
/// read.
pub fn her2k<T: Element, B: Level3<T> + ?Sized>(
    bk: &B,
    uplo: Uplo,
    alpha: T,
    a: MatRef<'_, T>,
    b: Option<MatRef<'_, T>>,
    beta: T::Real,
    mut c: MatMut<'_, T>,
) -> Result<()> {
    check::syrk(
        (a.nrows(), a.ncols()),
        b.map(|b| (b.nrows(), b.ncols())),
        (c.nrows(), c.ncols()),
    )?;
    let (n, k) = (c.nrows(), a.ncols());
    let beta_t = T::from_real(beta);
    if (alpha == T::ZERO || k == 0) && beta_t == T::ONE {
        // BLAS's quick return: C untouched, its diagonal too.
        return Ok(());
    }
    let mut w = vec![T::ZERO; n * n];
    if alpha != T::ZERO && k > 0 {
        let wv = MatMut::col_major(&mut w, n, n, n.max(1))?;
        bk.gemm(T::ONE, a, b.unwrap_or(a).h(), T::ZERO, wv)?;
    }
    for j in 0..n {
        for i in 0..n {
            if !uplo.holds(i, j) {
                continue;
            }
            let s = match b {
                None => alpha * w[i + j * n],
                Some(_) => alpha * w[i + j * n] + alpha.conj() * w[j + i * n].conj(),
            };
            let v = if beta_t == T::ZERO {
                s
            } else {
                s + beta_t * c.as_ref().get(i, j)
            };
            c.set(i, j, v);
        }
    }
    real_diagonal(&mut c);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use num_complex::Complex64 as C;

    const N: usize = 5;

    fn z(k: usize) -> C {
        C::new(((k * 7) % 11) as f64 - 5.0, ((k * 5) % 9) as f64 - 4.0)
    }

    /// A column-major `N x N` matrix whose `uplo` triangle within `k`
    /// off-diagonals holds values (imaginary diagonal parts included, which
    /// the Hermitian routines must ignore), zero elsewhere.
    fn full(uplo: Uplo, k: usize) -> Vec<C> {
        let mut a = vec![C::new(0.0, 0.0); N * N];
        for j in 0..N {
            for i in 0..N {
                if uplo.holds(i, j) && i.abs_diff(j) <= k {
                    a[i + j * N] = z(i + 3 * j);
                }
            }
        }
        a
    }

    #[test]
    fn band_and_packed_mv_match_hemv() {
        let x: Vec<C> = (0..N).map(|i| z(i + 20)).collect();
        let y0: Vec<C> = (0..N).map(|i| z(i + 40)).collect();
        let (alpha, beta) = (C::new(0.5, -1.5), C::new(2.0, 1.0));
        for uplo in [Uplo::Upper, Uplo::Lower] {
            for k in [0, 1, 3] {
                let a = full(uplo, k);
                let mut want = y0.clone();
                let am = MatRef::col_major(&a, N, N, N).unwrap();
                hemv_ref(
                    uplo,
                    alpha,
                    am,
                    VecRef::from_slice(&x),
                    beta,
                    VecMut::from_slice(&mut want),
                );
                // Band storage: column j's band in column j of a (k+1) x N array.
                let mut band = vec![C::new(0.0, 0.0); (k + 1) * N];
                for j in 0..N {
                    for i in 0..N {
                        if uplo.holds(i, j) && i.abs_diff(j) <= k {
                            let r = if uplo == Uplo::Upper {
                                k + i - j
                            } else {
                                i - j
                            };
                            band[r + j * (k + 1)] = a[i + j * N];
                        }
                    }
                }
                let (kl, ku) = if uplo == Uplo::Upper { (0, k) } else { (k, 0) };
                let bv = BandRef::from_blas(&band, N, N, kl, ku, k + 1).unwrap();
                let mut got = y0.clone();
                hbmv_ref(
                    uplo,
                    alpha,
                    bv,
                    VecRef::from_slice(&x),
                    beta,
                    VecMut::from_slice(&mut got),
                );
                assert_eq!(got, want, "hbmv {uplo:?} k={k}");
                if k == 3 {
                    // k = 3 < N - 1: the packed triangle is the full one.
                    continue;
                }
                let a = full(uplo, N);
                let am = MatRef::col_major(&a, N, N, N).unwrap();
                let mut want = y0.clone();
                hemv_ref(
                    uplo,
                    alpha,
                    am,
                    VecRef::from_slice(&x),
                    beta,
                    VecMut::from_slice(&mut want),
                );
                let packed: Vec<C> = (0..N)
                    .flat_map(|j| {
                        (0..N)
                            .filter(move |&i| uplo.holds(i, j))
                            .map(move |i| (i, j))
                    })
                    .map(|(i, j)| a[i + j * N])
                    .collect();
                let pv = PackedRef::from_blas(&packed, N, uplo).unwrap();
                let mut got = y0.clone();
                hpmv_ref(
                    alpha,
                    pv,
                    VecRef::from_slice(&x),
                    beta,
                    VecMut::from_slice(&mut got),
                );
                assert_eq!(got, want, "hpmv {uplo:?}");
            }
        }
    }

    #[test]
    fn packed_updates_match_her2() {
        let x: Vec<C> = (0..N).map(|i| z(i + 20)).collect();
        let mut y: Vec<C> = (0..N).map(|i| z(i + 40)).collect();
        // A zero pair: the column is skipped, its diagonal still made real.
        y[2] = C::new(0.0, 0.0);
        let mut x2 = x.clone();
        x2[2] = C::new(0.0, 0.0);
        let alpha = C::new(0.5, -1.5);
        for uplo in [Uplo::Upper, Uplo::Lower] {
            for two in [false, true] {
                let a0 = full(uplo, N);
                let mut want = a0.clone();
                let alpha = if two { alpha } else { C::new(alpha.re, 0.0) };
                let yv = two.then(|| VecRef::from_slice(&y));
                her2_ref(
                    uplo,
                    alpha,
                    VecRef::from_slice(&x2),
                    yv,
                    MatMut::col_major(&mut want, N, N, N).unwrap(),
                );
                let mut packed: Vec<C> = (0..N)
                    .flat_map(|j| {
                        (0..N)
                            .filter(move |&i| uplo.holds(i, j))
                            .map(move |i| (i, j))
                    })
                    .map(|(i, j)| a0[i + j * N])
                    .collect();
                hpr2_ref(
                    alpha,
                    VecRef::from_slice(&x2),
                    yv,
                    PackedMut::from_blas(&mut packed, N, uplo).unwrap(),
                );
                let mut k = 0;
                for j in 0..N {
                    for i in (0..N).filter(|&i| uplo.holds(i, j)) {
                        let (g, w) = (packed[k], want[i + j * N]);
                        assert!(
                            (g - w).norm() <= 1e-12 * (1.0 + w.norm()),
                            "{uplo:?} two={two} ({i}, {j}): {g} vs {w}"
                        );
                        if i == j {
                            assert_eq!(g.im, 0.0);
                        }
                        k += 1;
                    }
                }
            }
        }
    }
}
