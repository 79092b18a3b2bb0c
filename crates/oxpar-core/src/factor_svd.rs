//! The singular value decomposition and rank-revealing least squares (the
//! LAPACK class `gesvd` and `gelss`), for `f32`, `f64`, `c32` and `c64`, on
//! views with any strides.
//!
//! # Algorithm
//!
//! As LAPACK's `gesvd`, on a column-major copy of `A` (of `A^H` when `A` is
//! wide, so that the work matrix `W` is `mw x nw` with `mw >= nw`):
//!
//! 1. Scaling: a matrix whose largest modulus is below `sqrt(safmin)/eps`
//!    or above its inverse is scaled into that range first, and the
//!    singular values scaled back at the end.
//! 2. When `mw >= 1.6 nw`, a QR factorization first ([`Qr::qr_factor`],
//!    blocked on the backend's gemm), then the SVD of the `nw x nw` `R`;
//!    `U` is `Q` applied to `R`'s left vectors ([`Qr::qr_apply_q`]).
//! 3. Householder bidiagonalization `W = Q_B * B * P^H` (LAPACK's `gebd2`,
//!    unblocked: level-2 work). For complex types the reflectors are chosen
//!    with real `beta`, so the bidiagonal `B` is real (LAPACK's `zgebrd`).
//! 4. `Q_B` is formed ([`Qr::qr_form_q`], the reflectors are in `geqrf`
//!    layout) and `P^H` applied to the identity the same way, then the
//!    implicit QR iteration of Demmel and Kahan on `B` (LAPACK's `bdsqr`,
//!    with relative accuracy; also for singular values alone) rotates their
//!    columns and rows into the singular vectors.
//!
//! Where the time goes: the bidiagonalization (about `4 m n^2 - 4/3 n^3`
//! flops, level 2 here), and, with vectors, the rotations of `bdsqr`
//! (about `6 n^2` flops per column of `U` and `V` per sweep: the largest
//! part for square matrices) and forming `Q_B`. Only the QR step and
//! applying `Q` run on the backend's gemm.
//!
//! # Outputs
//!
//! `A = U * diag(s) * V^H` with `s` (length `k = min(m, n)`) non-negative
//! and descending. `U` is `m x k` (thin) or `m x m` (full), `V^H` `k x n` or
//! `n x n`; which one is chosen by the shape of the view passed; `None`
//! skips it. `a` is destroyed (it holds nothing useful on return).
//!
//! # Failures
//!
//! * NaN or Inf in `a`: [`ErrorKind::InvalidArgument`] ("a: contains NaN or
//!   Inf"), checked first, nothing written (the iteration would not end).
//! * The QR iteration not converging within `6 k^2` steps (LAPACK's limit):
//!   [`ErrorKind::NoConvergence`] with [`Error::info`] the number of
//!   superdiagonal elements of the bidiagonal that did not converge to zero
//!   (LAPACK's `info`); `s` then holds the diagonal of the partly reduced
//!   bidiagonal (unsorted), `U` and `V^H` are not written.
//! * On an MPI context: [`ErrorKind::Unsupported`] at once, on every rank
//!   (as the other factorizations there).
//!
//! Work space: the copy of `A` (`m n` elements), `U`'s and `V`'s work
//! copies (`m p + n^2` for `p` columns of `U`), and for `mw >= 1.6 nw` the
//! `nw x nw` `R`.

use crate::backend::{Level3, Side, Trans};
use crate::bidiag::{bdsqr, Cols, MAXITR};
use crate::blocked::level2::block_mut;
use crate::error::{Error, ErrorKind, Result};
use crate::factor_qr::{reflector, Qr};
use crate::scalar::{Element, Scalar};
use crate::view::{MatMut, MatRef};
use num_traits::{Float, One, Zero};

/// The singular value decomposition and SVD-based least squares.
/// Implemented for every [`Level3`] backend (see the module documentation).
///
/// ```
/// use oxpar_core::prelude::*;
/// use oxpar_core::Serial;
///
/// // A = [3 0; 4 5] has singular values sqrt(45) and sqrt(5).
/// let mut a = [3.0f64, 0.0, 4.0, 5.0];
/// let mut s = [0.0; 2];
/// let (mut u, mut vt) = ([0.0; 4], [0.0; 4]);
/// Serial.svd(
///     MatMut::row_major(&mut a, 2, 2, 2)?,
///     &mut s,
///     Some(MatMut::row_major(&mut u, 2, 2, 2)?),
///     Some(MatMut::row_major(&mut vt, 2, 2, 2)?),
/// )?;
/// assert!((s[0] - 45f64.sqrt()).abs() < 1e-14 && (s[1] - 5f64.sqrt()).abs() < 1e-14);
/// // U * diag(s) * V^H rebuilds A.
/// let a01 = u[0] * s[0] * vt[1] + u[1] * s[1] * vt[3];
/// assert!(a01.abs() < 1e-14);
///
/// // A rank-1 system: the minimum-norm solution, and the rank.
/// let mut a = [1.0f64, 1.0, 1.0, 1.0];
/// let mut b = [2.0, 2.0];
/// let rank = Serial.lstsq_rank(
///     MatMut::row_major(&mut a, 2, 2, 2)?,
///     MatMut::col_major(&mut b, 2, 1, 2)?,
///     None,
///     &mut s,
/// )?;
/// assert_eq!(rank, 1);
/// assert!((b[0] - 1.0).abs() < 1e-14 && (b[1] - 1.0).abs() < 1e-14);
/// # Ok::<(), oxpar_core::Error>(())
/// ```
pub trait Svd<T: Element>: Level3<T> {
    /// The SVD `A = U * diag(s) * V^H` of the `m x n` `a` (destroyed):
    /// `s` (length `min(m, n)`) receives the singular values, descending;
    /// `u` (`m x min(m, n)` or `m x m`) and `vt` (`min(m, n) x n` or
    /// `n x n`), where given, the left singular vectors and `V^H`. LAPACK's
    /// `gesvd` with `jobu`/`jobvt` `'S'` or `'A'` by the views' shapes, `'N'`
    /// for `None`. Errors as in the module documentation.
    fn svd(
        &self,
        a: MatMut<'_, T>,
        s: &mut [T::Real],
        u: Option<MatMut<'_, T>>,
        vt: Option<MatMut<'_, T>>,
    ) -> Result<()> {
        svd_driver(self, a, s, u, vt)
    }

    /// The minimum-norm least-squares solution of `min ||A*X - B||_2` by the
    /// SVD, for any `m x n` `a` (destroyed): singular values at most
    /// `rcond * s[0]` count as zero. `b` is `max(m, n) x nrhs`: its first
    /// `m` rows hold `B` on entry, its first `n` rows `X` on return (rows
    /// `n..m` are left as they are). `s` (length `min(m, n)`) receives the
    /// singular values. Returns the effective rank. `rcond`: `None` is
    /// `eps * max(m, n)` (NumPy's `lstsq` default), a negative value is
    /// `eps` (as LAPACK's `gelss`). Errors as [`Svd::svd`]; on failure `b`
    /// is not written. LAPACK's `gelss`.
    fn lstsq_rank(
        &self,
        a: MatMut<'_, T>,
        b: MatMut<'_, T>,
        rcond: Option<T::Real>,
        s: &mut [T::Real],
    ) -> Result<usize> {
        lstsq_rank_driver(self, a, b, rcond, s)
    }
}

impl<T: Element, B: Level3<T> + ?Sized> Svd<T> for B {}

/// The refusal on an MPI context, the same on every rank.
/// The modulus of an element.
fn modulus<T: Element>(z: T) -> T::Real {
    Float::hypot(z.re(), z.im())
}

/// Whether every element of `a` is finite.
fn all_finite<T: Element>(a: &MatMut<'_, T>) -> bool {
    (0..a.ncols()).all(|j| {
        (0..a.nrows()).all(|i| {
            let z = a.get(i, j);
            z.re().is_finite() && z.im().is_finite()
        })
    })
}

fn svd_driver<T: Element, B: Level3<T> + ?Sized>(
    backend: &B,
    a: MatMut<'_, T>,
    s: &mut [T::Real],
    u: Option<MatMut<'_, T>>,
    vt: Option<MatMut<'_, T>>,
) -> Result<()> {
    crate::factor::refuse_distributed(backend.kind(), "svd")?;
    let (m, n) = (a.nrows(), a.ncols());
    let k = m.min(n);
    if s.len() != k {
        return Err(Error::invalid_argument(
            "s",
            format!("length {} but a is {m}x{n} (need min(m, n) = {k})", s.len()),
        ));
    }
    if let Some(u) = &u {
        if u.nrows() != m || (u.ncols() != k && u.ncols() != m) {
            return Err(Error::shape_mismatch(format!(
                "svd: a is {m}x{n} but u is {}x{} (need {m}x{k} or {m}x{m})",
                u.nrows(),
                u.ncols()
            )));
        }
    }
    if let Some(vt) = &vt {
        if vt.ncols() != n || (vt.nrows() != k && vt.nrows() != n) {
            return Err(Error::shape_mismatch(format!(
                "svd: a is {m}x{n} but vt is {}x{} (need {k}x{n} or {n}x{n})",
                vt.nrows(),
                vt.ncols()
            )));
        }
    }
    if !all_finite(&a) {
        return Err(Error::invalid_argument("a", "contains NaN or Inf"));
    }
    // The work matrix W = A (or A^H when A is wide), column-major.
    let trans = m < n;
    let (mw, nw) = if trans { (n, m) } else { (m, n) };
    let mut w = vec![T::ZERO; mw * nw];
    for j in 0..nw {
        for i in 0..mw {
            w[i + j * mw] = if trans {
                a.get(j, i).conj()
            } else {
                a.get(i, j)
            };
        }
    }
    // Columns of W's U, and whether W's V is wanted.
    let (pu, want_v) = if trans {
        (vt.as_ref().map_or(0, |v| v.nrows()), u.is_some())
    } else {
        (u.as_ref().map_or(0, |u| u.ncols()), vt.is_some())
    };
    let scale = scale_into_range(&mut w);
    let res = svd_tall(backend, &mut w, mw, nw, pu, want_v, s);
    if let Some(f) = scale {
        for x in s.iter_mut() {
            *x = *x / f;
        }
    }
    let (uw, vtw) = res?;
    // A = U S V^H from W = Uw S VTw: as it is, or A = VTw^H S Uw^H.
    if trans {
        copy_out(u, &vtw, nw, true);
        copy_out(vt, &uw, mw, true);
    } else {
        copy_out(u, &uw, mw, false);
        copy_out(vt, &vtw, nw, false);
    }
    Ok(())
}

/// Writes the column-major `src` (leading dimension `ld`), or its
/// conjugate transpose when `herm`, into `dst`.
fn copy_out<T: Element>(dst: Option<MatMut<'_, T>>, src: &[T], ld: usize, herm: bool) {
    if let Some(mut dst) = dst {
        for j in 0..dst.ncols() {
            for i in 0..dst.nrows() {
                let x = if herm {
                    src[j + i * ld].conj()
                } else {
                    src[i + j * ld]
                };
                dst.set(i, j, x);
            }
        }
    }
}

/// Scales `w` into LAPACK's safe range when its largest modulus lies
/// outside it; returns the factor applied.
fn scale_into_range<T: Element>(w: &mut [T]) -> Option<T::Real> {
    let zero = T::Real::zero();
    let anrm = w.iter().fold(zero, |m, &z| Float::max(m, modulus(z)));
    let eps = T::Real::epsilon() / T::Real::from_f64(2.0);
    let smlnum = Float::sqrt(T::Real::min_positive_value()) / eps;
    let bignum = T::Real::one() / smlnum;
    let f = if anrm > zero && anrm < smlnum {
        smlnum / anrm
    } else if anrm > bignum {
        bignum / anrm
    } else {
        return None;
    };
    for x in w.iter_mut() {
        *x = x.scale_real(f);
    }
    Some(f)
}

/// The column-major identity (`rows x cols`).
fn identity<T: Element>(rows: usize, cols: usize) -> Vec<T> {
    let mut q = vec![T::ZERO; rows * cols];
    for j in 0..rows.min(cols) {
        q[j + j * rows] = T::ONE;
    }
    q
}

/// The SVD of the column-major `mw x nw` `w` (`mw >= nw`, destroyed):
/// fills `s` and returns the first `pu` columns of `U` (`mw x pu`,
/// column-major, `pu` is 0, `nw` or `mw`) and, when `want_v`, `V^H`
/// (`nw x nw`, column-major; empty otherwise).
fn svd_tall<T: Element, B: Level3<T> + ?Sized>(
    backend: &B,
    w: &mut [T],
    mw: usize,
    nw: usize,
    pu: usize,
    want_v: bool,
    s: &mut [T::Real],
) -> Result<(Vec<T>, Vec<T>)> {
    if nw == 0 {
        return Ok((identity(mw, pu), Vec::new()));
    }
    if mw > nw && mw * 5 >= nw * 8 {
        // QR first: W = Q R, then R = U_R S V^H, U = Q [U_R 0; 0 I].
        let mut tau = vec![T::ZERO; nw];
        backend.qr_factor(MatMut::col_major(w, mw, nw, mw)?, &mut tau)?;
        let mut r = vec![T::ZERO; nw * nw];
        for j in 0..nw {
            for i in 0..=j {
                r[i + j * nw] = w[i + j * mw];
            }
        }
        let (ur, vtw) = svd_tall(backend, &mut r, nw, nw, pu.min(nw), want_v, s)?;
        if pu == 0 {
            return Ok((Vec::new(), vtw));
        }
        let mut c = vec![T::ZERO; mw * pu];
        for j in 0..nw {
            c[j * mw..j * mw + nw].copy_from_slice(&ur[j * nw..(j + 1) * nw]);
        }
        for j in nw..pu {
            c[j + j * mw] = T::ONE;
        }
        backend.qr_apply_q(
            Side::Left,
            Trans::No,
            MatRef::col_major(w, mw, nw, mw)?,
            &tau,
            MatMut::col_major(&mut c, mw, pu, mw)?,
        )?;
        return Ok((c, vtw));
    }
    let bd = bidiagonalize(w, mw, nw);
    let mut uw = Vec::new();
    if pu > 0 {
        uw = vec![T::ZERO; mw * pu];
        backend.qr_form_q(
            MatRef::col_major(w, mw, nw, mw)?,
            &bd.tauq,
            MatMut::col_major(&mut uw, mw, pu, mw)?,
        )?;
    }
    // V^H's transpose: bdsqr rotates its columns (V^H's rows).
    let mut vtt = Vec::new();
    if want_v {
        let mut vtw = identity::<T>(nw, nw);
        if nw > 1 {
            let c = block_mut(MatMut::col_major(&mut vtw, nw, nw, nw)?, 0..nw, 1..nw);
            backend.qr_apply_q(
                Side::Right,
                Trans::ConjYes,
                MatRef::col_major(&bd.wp, nw - 1, nw - 1, nw - 1)?,
                &bd.taup,
                c,
            )?;
        }
        vtt = transpose(&vtw, nw, nw);
    }
    let (mut d, mut e) = (bd.d, bd.e);
    let mut vcols = Cols {
        data: &mut vtt,
        rows: nw,
    };
    let mut ucols = Cols {
        data: if pu > 0 { &mut uw[..mw * nw] } else { &mut [] },
        rows: mw,
    };
    let res = bdsqr(
        &mut d,
        &mut e,
        want_v.then_some(&mut vcols),
        (pu > 0).then_some(&mut ucols),
        MAXITR * nw * nw,
    );
    s.copy_from_slice(&d);
    if let Err(info) = res {
        return Err(Error::numerical(
            ErrorKind::NoConvergence,
            info,
            format!(
                "svd: the bidiagonal QR iteration did not converge: {info} superdiagonal \
                 elements did not reach zero (LAPACK info {info})"
            ),
        ));
    }
    let vtw = if want_v {
        transpose(&vtt, nw, nw)
    } else {
        Vec::new()
    };
    Ok((uw, vtw))
}

/// The transpose of a column-major `rows x cols` matrix.
fn transpose<T: Copy>(x: &[T], rows: usize, cols: usize) -> Vec<T> {
    let mut t = Vec::with_capacity(rows * cols);
    for i in 0..rows {
        for j in 0..cols {
            t.push(x[i + j * rows]);
        }
    }
    t
}

/// The result of [`bidiagonalize`].
struct Bidiagonal<T: Element> {
    /// The diagonal of `B` (`nw`).
    d: Vec<T::Real>,
    /// The superdiagonal of `B` (`nw - 1`).
    e: Vec<T::Real>,
    /// The left reflectors' factors (vectors in `w` below its diagonal).
    tauq: Vec<T>,
    /// The right reflectors' factors.
    taup: Vec<T>,
    /// The right reflectors in `geqrf` layout, `(nw - 1) x (nw - 1)`
    /// column-major: reflector `i` acts on columns `i + 1..nw`.
    wp: Vec<T>,
}

/// Householder bidiagonalization of the column-major `mw x nw` `w`
/// (`mw >= nw`) into the upper bidiagonal `B = Q^H W P` (LAPACK's `gebd2`):
/// `Q = H(0)...H(nw-1)` with the reflectors in `w` below the diagonal
/// (`geqrf` layout), `P = G(0)...G(nw-2)`.
fn bidiagonalize<T: Element>(w: &mut [T], mw: usize, nw: usize) -> Bidiagonal<T> {
    let zero = T::Real::zero();
    let mut d = vec![zero; nw];
    let mut e = vec![zero; nw.saturating_sub(1)];
    let mut tauq = vec![T::ZERO; nw];
    let mut taup = vec![T::ZERO; nw.saturating_sub(1)];
    let np = nw.saturating_sub(1);
    let mut wp = vec![T::ZERO; np * np];
    let mut wv = vec![T::ZERO; mw];
    for i in 0..nw {
        // H(i) annihilates w(i+1.., i); apply H(i)^H from the left.
        let (left, right) = w.split_at_mut((i + 1) * mw);
        let col = &mut left[i * mw..];
        let tq = reflector(col, i);
        tauq[i] = tq;
        d[i] = col[i].re();
        let ct = tq.conj();
        if ct != T::ZERO {
            for c in right.chunks_exact_mut(mw) {
                let mut s = c[i];
                for r in i + 1..mw {
                    s += col[r].conj() * c[r];
                }
                let s = ct * s;
                c[i] -= s;
                for r in i + 1..mw {
                    c[r] -= col[r] * s;
                }
            }
        }
        if i + 1 >= nw {
            continue;
        }
        // G(i) annihilates w(i, i+2..) (on the conjugated row, as zgebd2);
        // apply it from the right to rows i+1.. .
        let mut u: Vec<T> = (i + 1..nw).map(|j| w[i + j * mw].conj()).collect();
        let tp = reflector(&mut u, 0);
        taup[i] = tp;
        e[i] = u[0].re();
        w[i + (i + 1) * mw] = u[0];
        for j in i + 2..nw {
            w[i + j * mw] = T::ZERO;
        }
        u[0] = T::ONE;
        for (r, x) in u.iter().enumerate().skip(1) {
            wp[(i + r) + i * np] = *x;
        }
        if tp == T::ZERO {
            continue;
        }
        // C := C - tp * (C u) u^H on rows i+1..mw, columns i+1..nw.
        let wv = &mut wv[i + 1..mw];
        wv.fill(T::ZERO);
        for (jj, &uj) in u.iter().enumerate() {
            let c = &w[(i + 1 + jj) * mw + i + 1..(i + 2 + jj) * mw];
            for (acc, &x) in wv.iter_mut().zip(c) {
                *acc += x * uj;
            }
        }
        for (jj, &uj) in u.iter().enumerate() {
            let f = tp * uj.conj();
            let c = &mut w[(i + 1 + jj) * mw + i + 1..(i + 2 + jj) * mw];
            for (x, &acc) in c.iter_mut().zip(wv.iter()) {
                *x -= acc * f;
            }
        }
    }
    Bidiagonal {
        d,
        e,
        tauq,
        taup,
        wp,
    }
}

fn lstsq_rank_driver<T: Element, B: Level3<T> + ?Sized>(
    backend: &B,
    a: MatMut<'_, T>,
    mut b: MatMut<'_, T>,
    rcond: Option<T::Real>,
    s: &mut [T::Real],
) -> Result<usize> {
    crate::factor::refuse_distributed(backend.kind(), "lstsq_rank")?;
    let (m, n) = (a.nrows(), a.ncols());
    let k = m.min(n);
    if b.nrows() != m.max(n) {
        return Err(Error::shape_mismatch(format!(
            "lstsq_rank: a is {m}x{n} but b has {} rows (need max(m, n) = {})",
            b.nrows(),
            m.max(n)
        )));
    }
    if s.len() != k {
        return Err(Error::invalid_argument(
            "s",
            format!("length {} but a is {m}x{n} (need min(m, n) = {k})", s.len()),
        ));
    }
    if let Some(r) = rcond {
        if r.is_nan() {
            return Err(Error::invalid_argument("rcond", "is NaN"));
        }
    }
    let nrhs = b.ncols();
    if k == 0 {
        // X = 0 (LAPACK's gelss zeroes all of B).
        for j in 0..nrhs {
            for i in 0..b.nrows() {
                b.set(i, j, T::ZERO);
            }
        }
        return Ok(0);
    }
    let mut u = vec![T::ZERO; m * k];
    let mut vt = vec![T::ZERO; k * n];
    backend.svd(
        a,
        s,
        Some(MatMut::col_major(&mut u, m, k, m)?),
        Some(MatMut::col_major(&mut vt, k, n, k)?),
    )?;
    let eps = T::Real::epsilon();
    let rc = match rcond {
        None => eps * T::Real::from_f64(m.max(n) as f64),
        Some(r) if r < T::Real::zero() => eps,
        Some(r) => r,
    };
    let thr = Float::max(rc * s[0], T::Real::min_positive_value());
    let rank = s.iter().take_while(|&&x| x > thr).count();
    if nrhs == 0 {
        return Ok(rank);
    }
    // X = V(:, ..rank) * diag(1/s) * U(:, ..rank)^H * B(..m, :).
    let mut c = vec![T::ZERO; rank * nrhs];
    let mut x = vec![T::ZERO; n * nrhs];
    if rank > 0 {
        let ur = MatRef::col_major(&u, m, rank, m)?;
        backend.gemm(
            T::ONE,
            ur.h(),
            b.as_ref().submatrix(0, 0, m, nrhs),
            T::ZERO,
            MatMut::col_major(&mut c, rank, nrhs, rank)?,
        )?;
        for j in 0..nrhs {
            for i in 0..rank {
                c[i + j * rank] = c[i + j * rank].scale_real(T::Real::one() / s[i]);
            }
        }
        let vr = MatRef::col_major(&vt, k, n, k)?.submatrix(0, 0, rank, n);
        backend.gemm(
            T::ONE,
            vr.h(),
            MatRef::col_major(&c, rank, nrhs, rank)?,
            T::ZERO,
            MatMut::col_major(&mut x, n, nrhs, n)?,
        )?;
    }
    for j in 0..nrhs {
        for i in 0..n {
            b.set(i, j, x[i + j * n]);
        }
    }
    Ok(rank)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Serial;

    /// A zero matrix: zero singular values, orthonormal vectors.
    #[test]
    fn zero_matrix() {
        let mut a = [0.0f64; 6];
        let mut s = [1.0; 2];
        let mut u = [0.0; 9];
        let mut vt = [0.0; 4];
        Serial
            .svd(
                MatMut::col_major(&mut a, 3, 2, 3).unwrap(),
                &mut s,
                Some(MatMut::col_major(&mut u, 3, 3, 3).unwrap()),
                Some(MatMut::col_major(&mut vt, 2, 2, 2).unwrap()),
            )
            .unwrap();
        assert_eq!(s, [0.0, 0.0]);
        assert_eq!(u, [1.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 1.0]);
    }

    /// NaN is refused before anything is written.
    #[test]
    fn nan_refused() {
        let mut a = [1.0f32, f32::NAN, 0.0, 1.0];
        let mut s = [7.0f32; 2];
        let e = Serial
            .svd(
                MatMut::col_major(&mut a, 2, 2, 2).unwrap(),
                &mut s,
                None,
                None,
            )
            .unwrap_err();
        assert_eq!(e.kind(), ErrorKind::InvalidArgument);
        assert!(e.message().contains("NaN or Inf"), "{e}");
        assert_eq!(s, [7.0; 2]);
    }
}
