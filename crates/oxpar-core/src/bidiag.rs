//! The SVD of a real upper bidiagonal matrix by the implicit QR iteration of
//! Demmel and Kahan (LAPACK's `bdsqr`, with its helpers `las2`, `lasv2` and
//! `lartg`), accumulating the rotations into the singular vectors.
//!
//! The matrix is real for every element type: the complex bidiagonalization
//! in [`crate::factor_svd`] makes it real by a diagonal unitary scaling (as
//! LAPACK's `zgebrd`), so the rotations here are real and act on real or
//! complex vectors alike.
//!
//! The vectors are held as column-major buffers whose *columns* the
//! rotations mix: `U` (`nru x n`) as it is, and `V^H` (`n x ncvt`) as its
//! transpose (`ncvt x n`), so that both updates run down contiguous columns.

use crate::scalar::{Element, Scalar};

/// A column-major buffer whose columns the rotations mix.
pub(crate) struct Cols<'a, T> {
    /// The elements, column after column.
    pub(crate) data: &'a mut [T],
    /// Rows (the length of a column).
    pub(crate) rows: usize,
}

impl<T: Element> Cols<'_, T> {
    /// `(x, y) := (c*x + s*y, c*y - s*x)` for columns `j` and `j + 1`
    /// (BLAS's `rot`, and LAPACK's `lasr` on one pair).
    fn rot(&mut self, j: usize, c: T::Real, s: T::Real) {
        let r = self.rows;
        let (x, y) = self.data[j * r..(j + 2) * r].split_at_mut(r);
        for (x, y) in x.iter_mut().zip(y.iter_mut()) {
            let (a, b) = (*x, *y);
            *x = a.scale_real(c) + b.scale_real(s);
            *y = b.scale_real(c) - a.scale_real(s);
        }
    }

    fn swap(&mut self, i: usize, j: usize) {
        let r = self.rows;
        for k in 0..r {
            self.data.swap(i * r + k, j * r + k);
        }
    }

    fn negate(&mut self, j: usize) {
        let r = self.rows;
        for x in &mut self.data[j * r..(j + 1) * r] {
            *x = -*x;
        }
    }
}

/// `f` with the sign of `g` (Fortran's `SIGN(f, g)`: `+` for `g >= 0`).
fn sign<R: Scalar>(f: R, g: R) -> R {
    if g >= R::zero() {
        f.abs()
    } else {
        -f.abs()
    }
}

/// A plane rotation with `[c s; -s c] * [f; g] = [r; 0]` (LAPACK's
/// `lartg`): `c >= 0` where `f != 0`, no overflow for large `f` or `g`.
pub(crate) fn lartg<R: Scalar>(f: R, g: R) -> (R, R, R) {
    if g == R::zero() {
        (R::one(), R::zero(), f)
    } else if f == R::zero() {
        (R::zero(), sign(R::one(), g), g.abs())
    } else {
        let r = sign(f.hypot(g), f);
        (f / r, g / r, r)
    }
}

/// The singular values `(ssmin, ssmax)` of the 2x2 upper triangular
/// `[f g; 0 h]` (LAPACK's `las2`).
pub(crate) fn las2<R: Scalar>(f: R, g: R, h: R) -> (R, R) {
    let (fa, ga, ha) = (f.abs(), g.abs(), h.abs());
    let (fhmn, fhmx) = (fa.min(ha), fa.max(ha));
    let one = R::one();
    let two = one + one;
    if fhmn == R::zero() {
        let ssmax = if fhmx == R::zero() {
            ga
        } else {
            let (lo, hi) = (fhmx.min(ga), fhmx.max(ga));
            hi * (one + (lo / hi) * (lo / hi)).sqrt()
        };
        (R::zero(), ssmax)
    } else if ga < fhmx {
        let as_ = one + fhmn / fhmx;
        let at = (fhmx - fhmn) / fhmx;
        let au = (ga / fhmx) * (ga / fhmx);
        let c = two / ((as_ * as_ + au).sqrt() + (at * at + au).sqrt());
        (fhmn * c, fhmx / c)
    } else {
        let au = fhmx / ga;
        if au == R::zero() {
            ((fhmn * fhmx) / ga, ga)
        } else {
            let as_ = one + fhmn / fhmx;
            let at = (fhmx - fhmn) / fhmx;
            let c = one
                / ((one + (as_ * au) * (as_ * au)).sqrt() + (one + (at * au) * (at * au)).sqrt());
            let ssmin = (fhmn * c) * au;
            (ssmin + ssmin, ga / (c + c))
        }
    }
}

/// The SVD of the 2x2 upper triangular `[f g; 0 h]` (LAPACK's `lasv2`):
/// `[csl snl; -snl csl] * [f g; 0 h] * [csr -snr; snr csr] =
/// diag(ssmax, ssmin)`, `|ssmax| >= |ssmin|`. Returns
/// `(ssmin, ssmax, snr, csr, snl, csl)`.
pub(crate) fn lasv2<R: Scalar>(f: R, g: R, h: R) -> (R, R, R, R, R, R) {
    let (zero, one) = (R::zero(), R::one());
    let two = one + one;
    let four = two + two;
    let half = one / two;
    let eps = R::epsilon() / two;
    let (mut ft, mut fa, mut ht, mut ha) = (f, f.abs(), h, h.abs());
    let mut pmax = 1;
    let swap = ha > fa;
    if swap {
        pmax = 3;
        std::mem::swap(&mut ft, &mut ht);
        std::mem::swap(&mut fa, &mut ha);
    }
    let (gt, ga) = (g, g.abs());
    let (mut ssmin, mut ssmax, mut clt, mut crt, mut slt, mut srt);
    if ga == zero {
        ssmin = ha;
        ssmax = fa;
        clt = one;
        crt = one;
        slt = zero;
        srt = zero;
    } else {
        let mut gasmal = true;
        ssmin = zero;
        ssmax = zero;
        clt = one;
        crt = one;
        slt = zero;
        srt = zero;
        if ga > fa {
            pmax = 2;
            if fa / ga < eps {
                gasmal = false;
                ssmax = ga;
                ssmin = if ha > one {
                    fa / (ga / ha)
                } else {
                    (fa / ga) * ha
                };
                clt = one;
                slt = ht / gt;
                srt = one;
                crt = ft / gt;
            }
        }
        if gasmal {
            let d = fa - ha;
            let mut l = if d == fa { one } else { d / fa };
            let m = gt / ft;
            let mut t = two - l;
            let mm = m * m;
            let tt = t * t;
            let s = (tt + mm).sqrt();
            let r = if l == zero {
                m.abs()
            } else {
                (l * l + mm).sqrt()
            };
            let a = half * (s + r);
            ssmin = ha / a;
            ssmax = fa * a;
            if mm == zero {
                t = if l == zero {
                    sign(two, ft) * sign(one, gt)
                } else {
                    gt / sign(d, ft) + m / t
                };
            } else {
                t = (m / (s + t) + m / (r + l)) * (one + a);
            }
            l = (t * t + four).sqrt();
            crt = two / l;
            srt = t / l;
            clt = (crt + srt * m) / a;
            slt = (ht / ft) * srt / a;
        }
    }
    let (csl, snl, csr, snr) = if swap {
        (srt, crt, slt, clt)
    } else {
        (clt, slt, crt, srt)
    };
    let tsign = match pmax {
        1 => sign(one, csr) * sign(one, csl) * sign(one, f),
        2 => sign(one, snr) * sign(one, csl) * sign(one, g),
        _ => sign(one, snr) * sign(one, snl) * sign(one, h),
    };
    let ssmax = sign(ssmax, tsign);
    let ssmin = sign(ssmin, tsign * sign(one, f) * sign(one, h));
    (ssmin, ssmax, snr, csr, snl, csl)
}

/// The iteration limit of [`bdsqr`]: `MAXITR * n * n` inner steps, as
/// LAPACK's `bdsqr` (`MAXITR = 6`).
pub(crate) const MAXITR: usize = 6;

/// The SVD of the upper bidiagonal matrix with diagonal `d` (length `n`)
/// and superdiagonal `e` (length `n - 1`), in place (LAPACK's `bdsqr` with
/// relative accuracy): on success `d` holds the singular values in
/// descending order, `vt` (the transpose of `V^H`, `ncvt x n`) and `u`
/// (`nru x n`) are multiplied by the right and left singular vectors
/// (`V^H := V_B^H * V^H`, `U := U * U_B`). `maxit` bounds the inner steps
/// (`MAXITR * n * n` in LAPACK). On failure returns `Err(info)`: the number
/// of superdiagonal elements that did not converge to zero (LAPACK's
/// `info`), with `d` and `e` holding the partly reduced matrix.
#[allow(
    clippy::needless_range_loop,
    clippy::mut_range_bound,
    reason = "1-based index math mirrors LAPACK's bdsqr; `m` shrinks only just before leaving the loop"
)]
pub(crate) fn bdsqr<R: Scalar, T: Element<Real = R>>(
    d: &mut [R],
    e: &mut [R],
    mut vt: Option<&mut Cols<'_, T>>,
    mut u: Option<&mut Cols<'_, T>>,
    maxit: usize,
) -> std::result::Result<(), usize> {
    let n = d.len();
    if n == 0 {
        return Ok(());
    }
    let (zero, one) = (R::zero(), R::one());
    let rf = |x: f64| R::from_f64(x);
    let eps = R::epsilon() / (one + one);
    let unfl = R::min_positive_value();
    let tolmul = rf(10.0).max(rf(100.0).min(eps.powf(rf(-0.125))));
    let tol = tolmul * eps;
    // The smallest singular value's estimate, for the absolute threshold.
    let mut sminoa = d[0].abs();
    if sminoa != zero {
        let mut mu = sminoa;
        for i in 1..n {
            mu = d[i].abs() * (mu / (mu + e[i - 1].abs()));
            sminoa = sminoa.min(mu);
            if sminoa == zero {
                break;
            }
        }
    }
    sminoa = sminoa / rf(n as f64).sqrt();
    let thresh = (tol * sminoa).max(rf(MAXITR as f64) * rf(n as f64) * rf(n as f64) * unfl);
    // Rotations of one sweep, applied to the vectors after it.
    let mut cr = vec![zero; n];
    let mut sr = vec![zero; n];
    let mut cl = vec![zero; n];
    let mut sl = vec![zero; n];
    let mut iter = 0usize;
    let mut idir = 0;
    let (mut oldll, mut oldm): (isize, isize) = (-1, -1);
    // 1-based indices below follow LAPACK: `m` is the last row of the
    // unconverged part, d(i) = d[i - 1], e(i) = e[i - 1].
    let mut m = n;
    'outer: while m > 1 {
        if iter > maxit {
            return Err(e[..n - 1].iter().filter(|&&x| x != zero).count());
        }
        // Find the diagonal block to work on.
        let mut smax = d[m - 1].abs();
        let mut ll = 0;
        for lll in 1..m {
            let l = m - lll;
            let abss = d[l - 1].abs();
            let abse = e[l - 1].abs();
            if abse <= thresh {
                e[l - 1] = zero;
                if l == m - 1 {
                    // The bottom singular value converged.
                    m -= 1;
                    continue 'outer;
                }
                ll = l;
                break;
            }
            smax = smax.max(abss).max(abse);
        }
        ll += 1;
        // e(ll)..e(m-1) are nonzero, e(ll-1) is zero.
        if ll == m - 1 {
            // A 2x2 block.
            let (sigmn, sigmx, sinr, cosr, sinl, cosl) = lasv2(d[m - 2], e[m - 2], d[m - 1]);
            d[m - 2] = sigmx;
            e[m - 2] = zero;
            d[m - 1] = sigmn;
            if let Some(vt) = vt.as_deref_mut() {
                vt.rot(m - 2, cosr, sinr);
            }
            if let Some(u) = u.as_deref_mut() {
                u.rot(m - 2, cosl, sinl);
            }
            m -= 2;
            continue;
        }
        // A new submatrix: chase from the larger end towards the smaller.
        if ll as isize > oldm || (m as isize) < oldll {
            idir = if d[ll - 1].abs() >= d[m - 1].abs() {
                1
            } else {
                2
            };
        }
        // Convergence tests.
        let mut smin;
        if idir == 1 {
            if e[m - 2].abs() <= tol * d[m - 1].abs() {
                e[m - 2] = zero;
                continue;
            }
            let mut mu = d[ll - 1].abs();
            smin = mu;
            for lll in ll..m {
                if e[lll - 1].abs() <= tol * mu {
                    e[lll - 1] = zero;
                    continue 'outer;
                }
                mu = d[lll].abs() * (mu / (mu + e[lll - 1].abs()));
                smin = smin.min(mu);
            }
        } else {
            if e[ll - 1].abs() <= tol * d[ll - 1].abs() {
                e[ll - 1] = zero;
                continue;
            }
            let mut mu = d[m - 1].abs();
            smin = mu;
            for lll in (ll..m).rev() {
                if e[lll - 1].abs() <= tol * mu {
                    e[lll - 1] = zero;
                    continue 'outer;
                }
                mu = d[lll - 1].abs() * (mu / (mu + e[lll - 1].abs()));
                smin = smin.min(mu);
            }
        }
        oldll = ll as isize;
        oldm = m as isize;
        // The shift: zero where shifting would ruin relative accuracy.
        let mut shift;
        if rf(n as f64) * tol * (smin / smax) <= eps.max(rf(0.01) * tol) {
            shift = zero;
        } else {
            let sll;
            if idir == 1 {
                sll = d[ll - 1].abs();
                shift = las2(d[m - 2], e[m - 2], d[m - 1]).0;
            } else {
                sll = d[m - 1].abs();
                shift = las2(d[ll - 1], e[ll - 1], d[ll]).0;
            }
            if sll > zero && (shift / sll) * (shift / sll) < eps {
                shift = zero;
            }
        }
        iter += m - ll;
        let len = m - ll; // rotations in the sweep
        if shift == zero {
            if idir == 1 {
                let (mut cs, mut oldcs, mut oldsn) = (one, one, zero);
                for i in ll..m {
                    let (c, s, r) = lartg(d[i - 1] * cs, e[i - 1]);
                    cs = c;
                    if i > ll {
                        e[i - 2] = oldsn * r;
                    }
                    let (oc, os, di) = lartg(oldcs * r, d[i] * s);
                    oldcs = oc;
                    oldsn = os;
                    d[i - 1] = di;
                    cr[i - ll] = c;
                    sr[i - ll] = s;
                    cl[i - ll] = oc;
                    sl[i - ll] = os;
                }
                let h = d[m - 1] * cs;
                d[m - 1] = h * oldcs;
                e[m - 2] = h * oldsn;
                apply(&mut vt, &mut u, ll, len, &cr, &sr, &cl, &sl, true);
                if e[m - 2].abs() <= thresh {
                    e[m - 2] = zero;
                }
            } else {
                let (mut cs, mut oldcs, mut oldsn) = (one, one, zero);
                for i in (ll + 1..=m).rev() {
                    let (c, s, r) = lartg(d[i - 1] * cs, e[i - 2]);
                    cs = c;
                    if i < m {
                        e[i - 1] = oldsn * r;
                    }
                    let (oc, os, di) = lartg(oldcs * r, d[i - 2] * s);
                    oldcs = oc;
                    oldsn = os;
                    d[i - 1] = di;
                    cr[i - ll - 1] = c;
                    sr[i - ll - 1] = -s;
                    cl[i - ll - 1] = oc;
                    sl[i - ll - 1] = -os;
                }
                let h = d[ll - 1] * cs;
                d[ll - 1] = h * oldcs;
                e[ll - 1] = h * oldsn;
                apply(&mut vt, &mut u, ll, len, &cl, &sl, &cr, &sr, false);
                if e[ll - 1].abs() <= thresh {
                    e[ll - 1] = zero;
                }
            }
        } else if idir == 1 {
            let mut f = (d[ll - 1].abs() - shift) * (sign(one, d[ll - 1]) + shift / d[ll - 1]);
            let mut g = e[ll - 1];
            for i in ll..m {
                let (cosr, sinr, r) = lartg(f, g);
                if i > ll {
                    e[i - 2] = r;
                }
                f = cosr * d[i - 1] + sinr * e[i - 1];
                e[i - 1] = cosr * e[i - 1] - sinr * d[i - 1];
                g = sinr * d[i];
                d[i] = cosr * d[i];
                let (cosl, sinl, r) = lartg(f, g);
                d[i - 1] = r;
                f = cosl * e[i - 1] + sinl * d[i];
                d[i] = cosl * d[i] - sinl * e[i - 1];
                if i < m - 1 {
                    g = sinl * e[i];
                    e[i] = cosl * e[i];
                }
                cr[i - ll] = cosr;
                sr[i - ll] = sinr;
                cl[i - ll] = cosl;
                sl[i - ll] = sinl;
            }
            e[m - 2] = f;
            apply(&mut vt, &mut u, ll, len, &cr, &sr, &cl, &sl, true);
            if e[m - 2].abs() <= thresh {
                e[m - 2] = zero;
            }
        } else {
            let mut f = (d[m - 1].abs() - shift) * (sign(one, d[m - 1]) + shift / d[m - 1]);
            let mut g = e[m - 2];
            for i in (ll + 1..=m).rev() {
                let (cosr, sinr, r) = lartg(f, g);
                if i < m {
                    e[i - 1] = r;
                }
                f = cosr * d[i - 1] + sinr * e[i - 2];
                e[i - 2] = cosr * e[i - 2] - sinr * d[i - 1];
                g = sinr * d[i - 2];
                d[i - 2] = cosr * d[i - 2];
                let (cosl, sinl, r) = lartg(f, g);
                d[i - 1] = r;
                f = cosl * e[i - 2] + sinl * d[i - 2];
                d[i - 2] = cosl * d[i - 2] - sinl * e[i - 2];
                if i > ll + 1 {
                    g = sinl * e[i - 3];
                    e[i - 3] = cosl * e[i - 3];
                }
                cr[i - ll - 1] = cosr;
                sr[i - ll - 1] = -sinr;
                cl[i - ll - 1] = cosl;
                sl[i - ll - 1] = -sinl;
            }
            e[ll - 1] = f;
            if e[ll - 1].abs() <= thresh {
                e[ll - 1] = zero;
            }
            apply(&mut vt, &mut u, ll, len, &cl, &sl, &cr, &sr, false);
        }
    }
    // All converged: make the values non-negative, then sort them down.
    for i in 0..n {
        if d[i] < zero {
            d[i] = -d[i];
            if let Some(vt) = vt.as_deref_mut() {
                vt.negate(i);
            }
        }
    }
    for i in 1..n {
        let last = n - i; // 0-based position to fill
        let mut isub = 0;
        let mut smin = d[0];
        for j in 1..=last {
            if d[j] <= smin {
                isub = j;
                smin = d[j];
            }
        }
        if isub != last {
            d[isub] = d[last];
            d[last] = smin;
            if let Some(vt) = vt.as_deref_mut() {
                vt.swap(isub, last);
            }
            if let Some(u) = u.as_deref_mut() {
                u.swap(isub, last);
            }
        }
    }
    Ok(())
}

/// Applies one sweep's rotations (LAPACK's `lasr` with pivot `V`) to the
/// vectors: `(cv, sv)` to `V^H`'s rows `ll-1..m` and `(cu, su)` to `U`'s
/// columns, forward (first pair first) or backward.
#[allow(
    clippy::too_many_arguments,
    reason = "the two rotation sequences of one sweep, as LAPACK's lasr calls"
)]
fn apply<T: Element>(
    vt: &mut Option<&mut Cols<'_, T>>,
    u: &mut Option<&mut Cols<'_, T>>,
    ll: usize,
    len: usize,
    cv: &[T::Real],
    sv: &[T::Real],
    cu: &[T::Real],
    su: &[T::Real],
    forward: bool,
) {
    let order: Vec<usize> = if forward {
        (0..len).collect()
    } else {
        (0..len).rev().collect()
    };
    if let Some(vt) = vt.as_deref_mut() {
        for &j in &order {
            vt.rot(ll - 1 + j, cv[j], sv[j]);
        }
    }
    if let Some(u) = u.as_deref_mut() {
        for &j in &order {
            u.rot(ll - 1 + j, cu[j], su[j]);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `lasv2` diagonalizes 2x2 triangles, including hostile ones.
    #[test]
    fn lasv2_diagonalizes() {
        for &(f, g, h) in &[
            (1.0f64, 2.0, 3.0),
            (3.0, 2.0, 1.0),
            (1.0, 1e20, 1.0),
            (-2.0, 0.0, 5.0),
            (0.0, 1.0, 0.0),
            (1e-300, 1.0, 1e300),
            (4.0, -3.0, -1e-10),
        ] {
            let (smin, smax, snr, csr, snl, csl) = lasv2(f, g, h);
            // [csl snl; -snl csl] [f g; 0 h] [csr -snr; snr csr]
            let a = [[csl * f, csl * g + snl * h], [-snl * f, -snl * g + csl * h]];
            let b00 = a[0][0] * csr + a[0][1] * snr;
            let b01 = -a[0][0] * snr + a[0][1] * csr;
            let b10 = a[1][0] * csr + a[1][1] * snr;
            let b11 = -a[1][0] * snr + a[1][1] * csr;
            let scale = f.abs().max(g.abs()).max(h.abs());
            let tol = 1e-14 * scale;
            assert!((b00 - smax).abs() <= tol, "{f} {g} {h}: {b00} vs {smax}");
            assert!((b11 - smin).abs() <= tol, "{f} {g} {h}: {b11} vs {smin}");
            assert!(
                b01.abs() <= tol && b10.abs() <= tol,
                "{f} {g} {h}: {b01} {b10}"
            );
            let (lo, hi) = las2(f, g, h);
            assert!((lo - smin.abs()).abs() <= tol && (hi - smax.abs()).abs() <= tol);
        }
    }

    /// A bidiagonal whose iteration is cut off reports the unconverged
    /// superdiagonal count.
    #[test]
    fn bdsqr_no_convergence() {
        let mut d = vec![1.0f64, 2.0, 3.0, 4.0];
        let mut e = vec![1.0f64, 1.0, 1.0];
        let r = bdsqr::<f64, f64>(&mut d, &mut e, None, None, 0);
        let info = r.unwrap_err();
        assert!((1..=3).contains(&info), "{info}");
        assert_eq!(info, e.iter().filter(|&&x| x != 0.0).count());
    }
}
