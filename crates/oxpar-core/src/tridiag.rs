//! The symmetric tridiagonal pieces of the Hermitian eigensolver
//! ([`crate::factor_eigh`]): the Householder reduction of a Hermitian matrix
//! to real symmetric tridiagonal form (LAPACK's `sytd2`/`hetd2`, lower
//! storage), the implicit QL/QR iteration for the tridiagonal matrix's
//! eigenvalues and, optionally, its eigenvectors (LAPACK's `steqr`), and
//! the back-transformation of those eigenvectors by the reduction's
//! reflectors (`ormtr`/`unmtr`, unblocked).
//!
//! Every routine works on contiguous column-major `n x n` workspaces (leading
//! dimension `n`); the callers copy views in and out.

use crate::backend::{Level3, Uplo};
use crate::error::Result;
use crate::factor_qr::reflector;
use crate::scalar::{Element, Scalar};
use crate::view::{MatMut, MatRef};
use num_traits::{Float, One, Zero};
use std::ops::Range;

/// Reduces the Hermitian matrix held in the lower triangle of the
/// column-major `n x n` workspace `a` to the real symmetric tridiagonal `T =
/// Q^H*A*Q`: diagonal `d` (`n`), off-diagonal `e` (`n - 1`), and `Q =
/// H(0)*H(1)*...*H(n-2)` with `H(i) = I - tau[i]*v*v^H`, `v` zero in rows
/// `0..=i`, one in row `i + 1`, and `a[i + 2.., i]` below (LAPACK's `hetd2`
/// with `uplo = 'L'`; the reflectors in `a[1.., 0..n-1]` are in the layout
/// of [`crate::Qr::qr_factor`]). The imaginary parts of the diagonal are
/// ignored. The off-diagonal is real because the reflectors are chosen
/// (`larfg`) to leave a real `beta`.
///
/// Cost: `4/3 n^3` real multiply-adds (`16/3 n^3` flops for complex), in a
/// Hermitian matrix-vector product and a rank-2 update per column:
/// memory-bound level-2 work.
pub fn reduce_lower<T: Element>(
    a: &mut [T],
    n: usize,
    d: &mut [T::Real],
    e: &mut [T::Real],
    tau: &mut [T],
) {
    assert!(a.len() >= n * n && d.len() == n);
    assert!(e.len() == n.saturating_sub(1) && tau.len() == n.saturating_sub(1));
    if n == 0 {
        return;
    }
    reduce_lower_from(a, n, 0, d, e, tau);
}

/// [`reduce_lower`] of the trailing matrix `a[start.., start..]` (the
/// columns before `start` already reduced): writes `d[start..]`,
/// `e[start..]`, `tau[start..]`.
fn reduce_lower_from<T: Element>(
    a: &mut [T],
    n: usize,
    start: usize,
    d: &mut [T::Real],
    e: &mut [T::Real],
    tau: &mut [T],
) {
    let mut v = vec![T::ZERO; n];
    let mut x = vec![T::ZERO; n];
    for i in start..n - 1 {
        let m = n - i - 1;
        let col = &mut a[i * n..(i + 1) * n];
        let taui = reflector(col, i + 1);
        e[i] = col[i + 1].re();
        tau[i] = taui;
        if taui != T::ZERO {
            col[i + 1] = T::ONE;
            v[..m].copy_from_slice(&col[i + 1..]);
            let (v, x) = (&v[..m], &mut x[..m]);
            // x = tau * A22 * v
            hemv_lower(a, n, i + 1, v, x);
            x.iter_mut().for_each(|xk| *xk = taui * *xk);
            // x += alpha * v with alpha = -tau/2 * (x^H v)
            let dot: T = x.iter().zip(v).map(|(&xk, &vk)| xk.conj() * vk).sum();
            let alpha = -(T::from_real(T::Real::from_f64(0.5)) * taui * dot);
            x.iter_mut().zip(v).for_each(|(xk, &vk)| *xk += alpha * vk);
            // A22 -= v*x^H + x*v^H
            her2_lower(a, n, i + 1, v, x);
            a[i * n + i + 1] = T::from_real(e[i]);
        }
        d[i] = a[i * n + i].re();
    }
    d[n - 1] = a[(n - 1) * n + n - 1].re();
}

/// [`reduce_lower`] blocked as LAPACK's `hetrd`: panels of `nb` columns
/// are reduced by `latrd_lower` (LAPACK's `latrd`), which also returns the `W` of the
/// trailing update `A22 -= V*W^H + W*V^H`, done by the backend's
/// [`Level3::her2k`] (half of the reduction's flops then run in level 3);
/// the last `nb` or fewer columns unblocked. Same results (to rounding) and
/// layout as [`reduce_lower`].
#[allow(
    clippy::too_many_arguments,
    reason = "the reduction's outputs, as LAPACK's hetrd"
)]
pub fn reduce_lower_blocked<T: Element, B: Level3<T> + ?Sized>(
    backend: &B,
    a: &mut [T],
    n: usize,
    d: &mut [T::Real],
    e: &mut [T::Real],
    tau: &mut [T],
    nb: usize,
) -> Result<()> {
    assert!(a.len() >= n * n && d.len() == n);
    assert!(e.len() == n.saturating_sub(1) && tau.len() == n.saturating_sub(1));
    if n == 0 {
        return Ok(());
    }
    let nb = nb.max(1);
    let mut w = vec![T::ZERO; n * nb];
    let mut i0 = 0;
    while nb > 1 && n - i0 > 2 * nb {
        let m = n - i0;
        let r = m - nb;
        latrd_lower(
            a,
            n,
            i0,
            nb,
            &mut e[i0..i0 + nb],
            &mut tau[i0..i0 + nb],
            &mut w[..m * nb],
        );
        {
            let (left, right) = a.split_at_mut((i0 + nb) * n);
            let v = MatRef::col_major(&left[i0 * n + i0 + nb..], r, nb, n)?;
            let wv = MatRef::col_major(&w[nb..m * nb], r, nb, m)?;
            let c = MatMut::col_major(&mut right[i0 + nb..], r, r, n)?;
            backend.her2k(Uplo::Lower, -T::ONE, v, wv, T::Real::one(), c)?;
        }
        for j in i0..i0 + nb {
            a[j * n + j + 1] = T::from_real(e[j]);
            d[j] = a[j * n + j].re();
        }
        i0 += nb;
    }
    reduce_lower_from(a, n, i0, d, e, tau);
    d[n - 1] = a[(n - 1) * n + n - 1].re();
    Ok(())
}

/// LAPACK's `latrd` (lower): reduces the `nb` columns of the trailing
/// matrix at `i0` (order `m = n - i0 > nb`), leaving the trailing block
/// `a[i0+nb.., i0+nb..]` unchanged, and returns in `w` (`m x nb`,
/// column-major) the `W` of its update `A22 -= V*W^H + W*V^H` (`V` the
/// reflectors in the panel, unit elements set to one).
fn latrd_lower<T: Element>(
    a: &mut [T],
    n: usize,
    i0: usize,
    nb: usize,
    e: &mut [T::Real],
    tau: &mut [T],
    w: &mut [T],
) {
    let m = n - i0;
    let mut v = vec![T::ZERO; m];
    let mut t = vec![T::ZERO; nb];
    for p in 0..nb {
        let g = i0 + p;
        // Bring column g up to date: A(g.., g) -= V(g.., 0..p) W(p, 0..p)^H + W(p.., 0..p) V(g, 0..p)^H.
        for q in 0..p {
            let wq = w[p + q * m].conj();
            let aq = a[(i0 + q) * n + g].conj();
            for r in g..n {
                let upd = a[(i0 + q) * n + r] * wq + w[(r - i0) + q * m] * aq;
                a[g * n + r] -= upd;
            }
        }
        a[g * n + g] = T::from_real(a[g * n + g].re());
        if g + 1 >= n {
            continue;
        }
        let col = &mut a[g * n..(g + 1) * n];
        let taui = reflector(col, g + 1);
        e[p] = col[g + 1].re();
        tau[p] = taui;
        col[g + 1] = T::ONE;
        let mv = n - g - 1;
        v[..mv].copy_from_slice(&col[g + 1..]);
        let v = &v[..mv];
        // W(p+1.., p) = A(g+1.., g+1..) v - V (W^H v) - W (V^H v), over the panel's earlier columns.
        let (wprev, wrest) = w.split_at_mut(p * m);
        let wcol = &mut wrest[p + 1..m];
        hemv_lower(a, n, g + 1, v, wcol);
        for q in 0..p {
            let wq = &wprev[q * m + p + 1..(q + 1) * m];
            t[q] = wq.iter().zip(v).map(|(&x, &y)| x.conj() * y).sum();
        }
        for q in 0..p {
            let vq = &a[(i0 + q) * n + g + 1..(i0 + q + 1) * n];
            for (wr, &x) in wcol.iter_mut().zip(vq) {
                *wr -= x * t[q];
            }
        }
        for q in 0..p {
            let vq = &a[(i0 + q) * n + g + 1..(i0 + q + 1) * n];
            t[q] = vq.iter().zip(v).map(|(&x, &y)| x.conj() * y).sum();
        }
        for q in 0..p {
            let wq = &wprev[q * m + p + 1..(q + 1) * m];
            for (wr, &x) in wcol.iter_mut().zip(wq) {
                *wr -= x * t[q];
            }
        }
        wcol.iter_mut().for_each(|x| *x = taui * *x);
        let dot: T = wcol.iter().zip(v).map(|(&x, &y)| x.conj() * y).sum();
        let alpha = -(T::from_real(T::Real::from_f64(0.5)) * taui * dot);
        wcol.iter_mut().zip(v).for_each(|(x, &y)| *x += alpha * y);
        wrest[..=p].fill(T::ZERO);
    }
}

/// `y = A22 * v` for the Hermitian trailing block `A22 = a[off.., off..]`
/// held in its lower triangle (real diagonal assumed).
fn hemv_lower<T: Element>(a: &[T], n: usize, off: usize, v: &[T], y: &mut [T]) {
    let m = n - off;
    y.fill(T::ZERO);
    for j in 0..m {
        let c = off + j;
        let col = &a[c * n + off..(c + 1) * n];
        let vj = v[j];
        let mut s = vj.scale_real(col[j].re());
        for k in j + 1..m {
            y[k] += col[k] * vj;
            s += col[k].conj() * v[k];
        }
        y[j] += s;
    }
}

/// `A22 -= v*x^H + x*v^H` on the lower triangle of the trailing block
/// `a[off.., off..]`; the diagonal stays real.
fn her2_lower<T: Element>(a: &mut [T], n: usize, off: usize, v: &[T], x: &[T]) {
    let m = n - off;
    for j in 0..m {
        let c = off + j;
        let col = &mut a[c * n + off..(c + 1) * n];
        let (xj, vj) = (x[j].conj(), v[j].conj());
        for k in j..m {
            col[k] -= v[k] * xj + x[k] * vj;
        }
        col[j] = T::from_real(col[j].re());
    }
}

/// `Z := Q*Z` for the `n x n` column-major `z` and the `Q` of
/// [`reduce_lower`] (reflectors in `a`, factors in `tau`), one reflector at a
/// time (LAPACK's `unm2l`-style unblocked `ormtr`): the reference, and the
/// path for small orders.
pub fn back_transform<T: Element>(a: &[T], n: usize, tau: &[T], z: &mut [T]) {
    for i in (0..n.saturating_sub(1)).rev() {
        let t = tau[i];
        if t == T::ZERO {
            continue;
        }
        // v = (1, a[i+2.., i]) on rows i+1..n.
        let v = &a[i * n + i + 2..(i + 1) * n];
        for zc in z.chunks_exact_mut(n) {
            let zc = &mut zc[i + 1..];
            let mut s = zc[0];
            for (vk, zk) in v.iter().zip(&zc[1..]) {
                s += vk.conj() * *zk;
            }
            let s = t * s;
            zc[0] -= s;
            for (vk, zk) in v.iter().zip(&mut zc[1..]) {
                *zk -= *vk * s;
            }
        }
    }
}

/// The eigenvalues `rt1` (larger in magnitude), `rt2` of the symmetric
/// `[[a, b], [b, c]]`, and `(cs, sn)`, the unit eigenvector of `rt1`
/// (LAPACK's `laev2`; accurate to a few ulps).
pub fn laev2<R: Scalar>(a: R, b: R, c: R) -> (R, R, R, R) {
    let (one, two, half) = (R::one(), R::from_f64(2.0), R::from_f64(0.5));
    let sm = a + c;
    let df = a - c;
    let adf = df.abs();
    let tb = b + b;
    let ab = tb.abs();
    let (acmx, acmn) = if a.abs() > c.abs() { (a, c) } else { (c, a) };
    let rt = if adf > ab {
        adf * (one + (ab / adf).powi(2)).sqrt()
    } else if adf < ab {
        ab * (one + (adf / ab).powi(2)).sqrt()
    } else {
        ab * two.sqrt()
    };
    let (rt1, rt2, sgn1) = if sm < R::zero() {
        let rt1 = half * (sm - rt);
        (rt1, (acmx / rt1) * acmn - (b / rt1) * b, -1)
    } else if sm > R::zero() {
        let rt1 = half * (sm + rt);
        (rt1, (acmx / rt1) * acmn - (b / rt1) * b, 1)
    } else {
        (half * rt, -half * rt, 1)
    };
    let (cs, sgn2) = if df >= R::zero() {
        (df + rt, 1)
    } else {
        (df - rt, -1)
    };
    let (mut cs1, mut sn1);
    if cs.abs() > ab {
        let ct = -tb / cs;
        sn1 = one / (one + ct * ct).sqrt();
        cs1 = ct * sn1;
    } else if ab == R::zero() {
        cs1 = one;
        sn1 = R::zero();
    } else {
        let tn = -cs / tb;
        cs1 = one / (one + tn * tn).sqrt();
        sn1 = tn * cs1;
    }
    if sgn1 == sgn2 {
        let tn = cs1;
        cs1 = -sn1;
        sn1 = tn;
    }
    (rt1, rt2, cs1, sn1)
}

/// A plane rotation `(c, s, r)` with `[c s; -s c] * [f; g] = [r; 0]`,
/// `c >= 0` (LAPACK's `lartg`).
fn lartg<R: Scalar>(f: R, g: R) -> (R, R, R) {
    if g == R::zero() {
        (R::one(), R::zero(), f)
    } else if f == R::zero() {
        (R::zero(), g.signum(), g.abs())
    } else {
        let r = f.hypot(g).copysign(f);
        (f / r, g / r, r)
    }
}

/// The eigenvector matrix `Z` that [`steqr`] accumulates its plane
/// rotations into (from the right) and whose columns it sorts.
pub trait Vectors<T: Element> {
    /// For `i` in `range` (ascending when `forward`, else descending),
    /// columns `i` and `i + 1`: `z_{i+1} := c[i]*z_{i+1} - s[i]*z_i`,
    /// `z_i := s[i]*z_{i+1} + c[i]*z_i` (LAPACK's `lasr` with `side = 'R'`,
    /// `pivot = 'V'`).
    fn rotate(&mut self, range: Range<usize>, c: &[T::Real], s: &[T::Real], forward: bool);
    /// Swaps columns `i` and `k`.
    fn swap(&mut self, i: usize, k: usize);
}

/// An `n x n` column-major matrix: each rotation is one pass down two
/// contiguous columns.
pub struct ColMajor<'a, T> {
    /// The elements, column-major, leading dimension `n`.
    pub z: &'a mut [T],
    /// The order.
    pub n: usize,
}

impl<T: Element> Vectors<T> for ColMajor<'_, T> {
    fn rotate(&mut self, range: Range<usize>, c: &[T::Real], s: &[T::Real], forward: bool) {
        let mut cols: Vec<&mut [T]> = self.z.chunks_exact_mut(self.n.max(1)).collect();
        rotate_columns(&mut cols, range, c, s, forward);
    }
    fn swap(&mut self, i: usize, k: usize) {
        let n = self.n;
        for r in 0..n {
            self.z.swap(r + i * n, r + k * n);
        }
    }
}

/// [`Vectors::rotate`] on columns given as slices of equal length (whole
/// columns, or the same rows of each column).
pub fn rotate_columns<T: Element>(
    cols: &mut [&mut [T]],
    range: Range<usize>,
    c: &[T::Real],
    s: &[T::Real],
    forward: bool,
) {
    let mut one = |i: usize| {
        let (left, right) = cols.split_at_mut(i + 1);
        let (zj, zj1) = (&mut *left[i], &mut *right[0]);
        let (ci, si) = (c[i], s[i]);
        for (a, b) in zj.iter_mut().zip(zj1.iter_mut()) {
            let t = *b;
            *b = t.scale_real(ci) - a.scale_real(si);
            *a = t.scale_real(si) + a.scale_real(ci);
        }
    };
    if forward {
        range.for_each(&mut one);
    } else {
        range.rev().for_each(&mut one);
    }
}

/// Swaps the contents of columns `i` and `k` (slices of equal length).
pub fn swap_columns<T: Element>(cols: &mut [&mut [T]], i: usize, k: usize) {
    if i == k {
        return;
    }
    let (lo, hi) = (i.min(k), i.max(k));
    let (left, right) = cols.split_at_mut(hi);
    left[lo].swap_with_slice(right[0]);
}

/// `|r|` with the sign of `g` (Fortran's `SIGN(r, g)`).
fn sign<R: Scalar>(r: R, g: R) -> R {
    if g >= R::zero() {
        r.abs()
    } else {
        -r.abs()
    }
}

/// LAPACK's `SIGN`-free maximum norm of a tridiagonal block.
fn block_norm<R: Scalar>(d: &[R], e: &[R]) -> R {
    d.iter()
        .chain(e)
        .fold(R::zero(), |m, &x| if x.abs() > m { x.abs() } else { m })
}

/// The eigenvalues (ascending, into `d`) and, with `z`, the eigenvectors of
/// the real symmetric tridiagonal matrix with diagonal `d` (`n`) and
/// off-diagonal `e` (`n - 1`, destroyed), by the implicit QL or QR
/// iteration with Wilkinson shifts (LAPACK's `steqr`, which picks QL or QR
/// per unreduced block from which end is larger, so graded matrices keep
/// their small eigenvalues' accuracy). With `z` (`n` columns, on entry
/// the identity or an orthogonal `Q`), the rotations are accumulated into
/// its columns: on exit `z` holds `Q` times the tridiagonal matrix's
/// eigenvectors, column `k` for `d[k]`.
///
/// Returns LAPACK's `info`: 0, or, when the iteration took more than
/// `max_sweeps * n` sweeps, the number of off-diagonal elements that did
/// not converge to zero (then `d` holds the eigenvalues found so far,
/// unsorted). LAPACK's `max_sweeps` is 30.
pub fn steqr<T: Element>(
    d: &mut [T::Real],
    e: &mut [T::Real],
    mut z: Option<&mut dyn Vectors<T>>,
    max_sweeps: usize,
) -> usize {
    let n = d.len();
    assert_eq!(e.len(), n.saturating_sub(1));
    if n <= 1 {
        return 0;
    }
    let zero = T::Real::zero();
    let two = T::Real::from_f64(2.0);
    let eps = T::Real::epsilon() / two;
    let eps2 = eps * eps;
    let safmin = T::Real::min_positive_value();
    let safmax = T::Real::one() / safmin;
    let ssfmax = safmax.sqrt() / T::Real::from_f64(3.0);
    let ssfmin = safmin.sqrt() / eps2;
    let nmaxit = n * max_sweeps;
    let mut jtot = 0;
    let mut wc = vec![zero; n];
    let mut ws = vec![zero; n];

    let mut l1 = 0;
    while l1 < n {
        if l1 > 0 {
            e[l1 - 1] = zero;
        }
        // The end of the unreduced block starting at l1.
        let mut m = l1;
        while m < n - 1 {
            let tst = e[m].abs();
            if tst == zero {
                break;
            }
            if tst <= d[m].abs().sqrt() * d[m + 1].abs().sqrt() * eps {
                e[m] = zero;
                break;
            }
            m += 1;
        }
        let (mut l, mut lend) = (l1, m);
        let (lsv, lendsv) = (l, lend);
        l1 = m + 1;
        if lend == l {
            continue;
        }
        // Scale the block into the safe range.
        let anorm = block_norm(&d[l..=lend], &e[l..lend]);
        if anorm == zero {
            continue;
        }
        let scale = if anorm > ssfmax {
            Some(ssfmax)
        } else if anorm < ssfmin {
            Some(ssfmin)
        } else {
            None
        };
        if let Some(to) = scale {
            let f = to / anorm;
            d[l..=lend].iter_mut().for_each(|x| *x *= f);
            e[l..lend].iter_mut().for_each(|x| *x *= f);
        }
        // QL when the block's bottom end is the larger, QR otherwise.
        if d[lend].abs() < d[l].abs() {
            std::mem::swap(&mut l, &mut lend);
        }
        if lend > l {
            // QL iteration.
            loop {
                let mut m = lend;
                for mm in l..lend {
                    let tst = e[mm].abs().powi(2);
                    if tst <= (eps2 * d[mm].abs()) * d[mm + 1].abs() + safmin {
                        m = mm;
                        break;
                    }
                }
                if m < lend {
                    e[m] = zero;
                }
                let mut p = d[l];
                if m == l {
                    // An eigenvalue has converged.
                    l += 1;
                    if l <= lend {
                        continue;
                    }
                    break;
                }
                if m == l + 1 {
                    // A 2x2 block: solve it directly.
                    let (rt1, rt2, c, s) = laev2(d[l], e[l], d[l + 1]);
                    if let Some(z) = z.as_deref_mut() {
                        (wc[l], ws[l]) = (c, s);
                        z.rotate(l..l + 1, &wc, &ws, false);
                    }
                    d[l] = rt1;
                    d[l + 1] = rt2;
                    e[l] = zero;
                    l += 2;
                    if l <= lend {
                        continue;
                    }
                    break;
                }
                if jtot == nmaxit {
                    break;
                }
                jtot += 1;
                // The shift.
                let mut g = (d[l + 1] - p) / (two * e[l]);
                let mut r = g.hypot(T::Real::one());
                g = d[m] - p + (e[l] / (g + sign(r, g)));
                let (mut s, mut c) = (T::Real::one(), T::Real::one());
                p = zero;
                for i in (l..m).rev() {
                    let f = s * e[i];
                    let b = c * e[i];
                    (c, s, r) = lartg(g, f);
                    if i != m - 1 {
                        e[i + 1] = r;
                    }
                    g = d[i + 1] - p;
                    r = (d[i] - g) * s + two * c * b;
                    p = s * r;
                    d[i + 1] = g + p;
                    g = c * r - b;
                    wc[i] = c;
                    ws[i] = -s;
                }
                if let Some(z) = z.as_deref_mut() {
                    z.rotate(l..m, &wc, &ws, false);
                }
                d[l] -= p;
                e[l] = g;
            }
        } else {
            // QR iteration.
            loop {
                let mut m = lend;
                for mm in (lend + 1..=l).rev() {
                    let tst = e[mm - 1].abs().powi(2);
                    if tst <= (eps2 * d[mm].abs()) * d[mm - 1].abs() + safmin {
                        m = mm;
                        break;
                    }
                }
                if m > lend {
                    e[m - 1] = zero;
                }
                let mut p = d[l];
                if m == l {
                    if l == lend {
                        break;
                    }
                    l -= 1;
                    continue;
                }
                if m + 1 == l {
                    let (rt1, rt2, c, s) = laev2(d[l - 1], e[l - 1], d[l]);
                    if let Some(z) = z.as_deref_mut() {
                        (wc[l - 1], ws[l - 1]) = (c, s);
                        z.rotate(l - 1..l, &wc, &ws, true);
                    }
                    d[l - 1] = rt1;
                    d[l] = rt2;
                    e[l - 1] = zero;
                    if l >= lend + 2 {
                        l -= 2;
                        continue;
                    }
                    break;
                }
                if jtot == nmaxit {
                    break;
                }
                jtot += 1;
                let mut g = (d[l - 1] - p) / (two * e[l - 1]);
                let mut r = g.hypot(T::Real::one());
                g = d[m] - p + (e[l - 1] / (g + sign(r, g)));
                let (mut s, mut c) = (T::Real::one(), T::Real::one());
                p = zero;
                for i in m..l {
                    let f = s * e[i];
                    let b = c * e[i];
                    (c, s, r) = lartg(g, f);
                    if i != m {
                        e[i - 1] = r;
                    }
                    g = d[i] - p;
                    r = (d[i + 1] - g) * s + two * c * b;
                    p = s * r;
                    d[i] = g + p;
                    g = c * r - b;
                    wc[i] = c;
                    ws[i] = s;
                }
                if let Some(z) = z.as_deref_mut() {
                    z.rotate(m..l, &wc, &ws, true);
                }
                d[l] -= p;
                e[l - 1] = g;
            }
        }
        // Undo the block's scaling.
        if let Some(to) = scale {
            let f = anorm / to;
            d[lsv..=lendsv].iter_mut().for_each(|x| *x *= f);
            e[lsv..lendsv].iter_mut().for_each(|x| *x *= f);
        }
        if jtot >= nmaxit {
            return e.iter().filter(|&&x| x != zero).count();
        }
    }
    // Sort ascending (selection sort: at most n - 1 column swaps).
    for i in 0..n - 1 {
        let mut k = i;
        for j in i + 1..n {
            if d[j] < d[k] {
                k = j;
            }
        }
        if k != i {
            d.swap(i, k);
            if let Some(z) = z.as_deref_mut() {
                z.swap(i, k);
            }
        }
    }
    0
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `laev2` against the closed form on a few 2x2 matrices.
    #[test]
    fn two_by_two() {
        for (a, b, c) in [
            (1.0f64, 2.0, 3.0),
            (-4.0, 0.5, 1.0),
            (0.0, 1.0, 0.0),
            (2.0, 0.0, 2.0),
            (1e-300, 1e-300, -1e-300),
        ] {
            let (rt1, rt2, cs, sn) = laev2(a, b, c);
            let disc = ((a - c) / 2.0).hypot(b);
            let (hi, lo) = ((a + c) / 2.0 + disc, (a + c) / 2.0 - disc);
            let scale = a.abs().max(b.abs()).max(c.abs()).max(f64::MIN_POSITIVE);
            assert!(rt1.abs() >= rt2.abs());
            let (x, y) = if rt1 >= rt2 { (rt1, rt2) } else { (rt2, rt1) };
            assert!((x - hi).abs() <= 1e-14 * scale && (y - lo).abs() <= 1e-14 * scale);
            // [a b; b c] (cs, sn) = rt1 (cs, sn)
            assert!((a * cs + b * sn - rt1 * cs).abs() <= 1e-14 * scale);
            assert!((b * cs + c * sn - rt1 * sn).abs() <= 1e-14 * scale);
            assert!((cs * cs + sn * sn - 1.0).abs() < 1e-15);
        }
    }

    /// The 1-2-1 matrix: eigenvalues `2 - 2 cos(k pi / (n + 1))`, vectors
    /// orthonormal; with one sweep allowed the iteration reports failure.
    #[test]
    fn second_difference() {
        let n = 40;
        let mut d = vec![2.0f64; n];
        let mut e = vec![-1.0f64; n - 1];
        let mut z = vec![0.0f64; n * n];
        z.iter_mut().step_by(n + 1).for_each(|x| *x = 1.0);
        assert_eq!(
            steqr(&mut d, &mut e, Some(&mut ColMajor { z: &mut z, n }), 30),
            0
        );
        for (k, &dk) in d.iter().enumerate() {
            let want = 2.0 - 2.0 * ((k + 1) as f64 * std::f64::consts::PI / (n + 1) as f64).cos();
            assert!((dk - want).abs() < 1e-13, "{k}: {dk} vs {want}");
        }
        for i in 0..n {
            for j in 0..n {
                let dot: f64 = (0..n).map(|r| z[r + i * n] * z[r + j * n]).sum();
                let want = if i == j { 1.0 } else { 0.0 };
                assert!((dot - want).abs() < 1e-13);
            }
        }
        let mut d = vec![2.0f64; n];
        let mut e = vec![-1.0f64; n - 1];
        let info = steqr::<f64>(&mut d, &mut e, None, 0);
        assert!(info > 0 && info < n, "info {info}");
    }

    /// The blocked reduction (several panels) against the unblocked one:
    /// the same tridiagonal matrix and reflectors to rounding.
    #[test]
    fn blocked_reduction_matches() {
        use num_complex::Complex64;
        let n = 45;
        let mut x = 7u64;
        let mut next = move || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            ((x >> 11) as f64) / ((1u64 << 53) as f64) - 0.5
        };
        let mut a = vec![Complex64::new(0.0, 0.0); n * n];
        for j in 0..n {
            for i in j..n {
                a[i + j * n] = Complex64::new(next(), if i == j { 0.0 } else { next() });
            }
        }
        let mut b = a.clone();
        let (mut d1, mut e1, mut t1) = (
            vec![0.0; n],
            vec![0.0; n - 1],
            vec![Complex64::new(0.0, 0.0); n - 1],
        );
        let (mut d2, mut e2, mut t2) = (d1.clone(), e1.clone(), t1.clone());
        reduce_lower(&mut a, n, &mut d1, &mut e1, &mut t1);
        reduce_lower_blocked(&crate::Serial, &mut b, n, &mut d2, &mut e2, &mut t2, 8).unwrap();
        for (x, y) in d1.iter().zip(&d2).chain(e1.iter().zip(&e2)) {
            assert!((x - y).abs() < 1e-13, "{x} vs {y}");
        }
        for (x, y) in t1.iter().zip(&t2) {
            assert!((x - y).norm() < 1e-13);
        }
        for j in 0..n - 1 {
            for i in j + 2..n {
                assert!((a[i + j * n] - b[i + j * n]).norm() < 1e-12, "({i}, {j})");
            }
        }
    }
}
