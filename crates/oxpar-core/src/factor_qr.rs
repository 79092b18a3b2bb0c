//! Householder QR and full-rank least squares (the LAPACK class `geqrf`,
//! `ormqr`/`unmqr`, `orgqr`/`ungqr`, `gels` for `m >= n`), for `f32`, `f64`,
//! `c32` and `c64`, on views with any strides.
//!
//! # Layout
//!
//! As LAPACK's `geqrf`: after [`Qr::qr_factor`], `R` lies on and above the
//! diagonal and the Householder vectors below it (their unit first element
//! is not stored); `tau` holds the scalar factors. `Q = H(0)*H(1)*...*H(k-1)`
//! with `H(i) = I - tau[i]*v_i*v_i^H`, `k = min(m, n)`.
//!
//! # Why a blocked algorithm on the backend's gemm, and a separate trait
//!
//! The unblocked loop ([`qr_factor_unblocked`], LAPACK's `geqr2`) applies
//! one reflector at a time: memory-bound level-2 work. The default
//! [`Qr::qr_factor`] factors panels of [`QR_NB`] columns with that loop
//! (on a contiguous copy of the panel), then applies the panel's reflectors at once as the compact WY block
//! reflector `I - V*T*V^H` (Schreiber and Van Loan; LAPACK's `larft` and
//! `larfb`) with three [`Level3::gemm`] calls, so most of the work lands in
//! the backend's gemm and runs under its own thread budget. Applying and
//! forming `Q` use the same block reflector.
//!
//! [`Qr`] is its own trait with a blanket implementation for every
//! [`Level3`] backend, so that every backend (and every wrapper, and
//! `dyn` bundles) has QR without a line in its crate and without touching
//! [`crate::Factor`]. The unblocked loop is public as the reference.
//!
//! # MPI
//!
//! On an MPI backend every method answers [`ErrorKind::Unsupported`] at once
//! on every rank: distributed QR is not there yet (the blocked algorithm
//! would otherwise run through the backend's distributed gemm on what are
//! whole local matrices).
//!
//! # Numerical failure
//!
//! [`Qr::lstsq`] needs `R` of full rank: an exactly zero `R(j, j)` gives
//! [`ErrorKind::Singular`] with [`Error::info`] `j + 1` (LAPACK `gels`'s
//! `info`), with `a` holding the factorization and `b` untouched. As in
//! LAPACK, a nearly rank-deficient `R` is not detected: the solution is then
//! inaccurate, not an error.
//!
//! The reflector generation follows LAPACK's `larfg` without its rescaling
//! loop for tiny `beta` (norms are scaled by their largest element, so they neither
//! overflow nor underflow; a `beta` below the smallest normal number loses
//! accuracy where LAPACK would rescale).

use crate::backend::{Diag, Level3, Side, Trans, Uplo};
use crate::blocked::level2::block_mut;
use crate::error::{Error, ErrorKind, Result};
use crate::scalar::Element;
use crate::scalar::Scalar;
use crate::view::{MatMut, MatRef};
use num_traits::{Float, One, Zero};

/// Panel width of the blocked QR: panels of at most this many columns are
/// factored by the unblocked loop, then applied to the trailing columns as
/// one block reflector.
pub const QR_NB: usize = 32;

/// Householder QR, its `Q`, and full-rank least squares. Implemented for
/// every [`Level3`] backend (see the module documentation).
///
/// ```
/// use oxpar_core::prelude::*;
/// use oxpar_core::Serial;
///
/// // Fit y = c0 + c1*t through (0, 1), (1, 3), (2, 5), (3, 7): exactly 1 + 2t.
/// let mut a = [1.0f64, 0.0, 1.0, 1.0, 1.0, 2.0, 1.0, 3.0];
/// let mut b = [1.0, 3.0, 5.0, 7.0];
/// Serial.lstsq(MatMut::row_major(&mut a, 4, 2, 2)?, MatMut::col_major(&mut b, 4, 1, 4)?)?;
/// assert!((b[0] - 1.0).abs() < 1e-12 && (b[1] - 2.0).abs() < 1e-12);
///
/// // A zero column: R(1, 1) is exactly zero.
/// let mut z = [1.0f64, 0.0, 2.0, 0.0, 3.0, 0.0];
/// let mut b = [1.0, 2.0, 3.0];
/// let err = Serial
///     .lstsq(MatMut::row_major(&mut z, 3, 2, 2)?, MatMut::col_major(&mut b, 3, 1, 3)?)
///     .unwrap_err();
/// assert_eq!(err.kind(), ErrorKind::Singular);
/// assert_eq!(err.info(), Some(2));
/// # Ok::<(), oxpar_core::Error>(())
/// ```
pub trait Qr<T: Element>: Level3<T> {
    /// Householder QR of the `m x n` matrix `a` in place, in LAPACK's `geqrf`
    /// layout (see the module documentation); `tau` (length `min(m, n)`)
    /// receives the reflectors' scalar factors. Blocked (compact WY) on the
    /// backend's gemm.
    fn qr_factor(&self, mut a: MatMut<'_, T>, tau: &mut [T]) -> Result<()> {
        crate::factor::refuse_distributed(self.kind(), "qr_factor")?;
        check_factor(&a, tau)?;
        let (m, n) = (a.nrows(), a.ncols());
        let k = tau.len();
        if k <= QR_NB || n <= QR_NB {
            panel_factor(a, tau);
            return Ok(());
        }
        let mut j = 0;
        while j < k {
            let jb = QR_NB.min(k - j);
            let v = panel_factor(block_mut(a.rb_mut(), j..m, j..j + jb), &mut tau[j..j + jb]);
            if j + jb < n {
                let t = form_t(&v, m - j, jb, &tau[j..j + jb]);
                let trailing = block_mut(a.rb_mut(), j..m, j + jb..n);
                apply_block(self, Side::Left, true, &v, m - j, &t, jb, trailing)?;
            }
            j += jb;
        }
        Ok(())
    }

    /// `C := op(Q)*C` ([`Side::Left`]) or `C*op(Q)` ([`Side::Right`]) with
    /// the `Q` of the reflectors in the first `tau.len()` columns of `qr`
    /// (from [`Qr::qr_factor`]); `trans` is [`Trans::No`] or
    /// [`Trans::ConjYes`] ([`Trans::Yes`] only for real types). `qr` has as
    /// many rows as `Q` has (`C`'s rows for the left side, its columns for
    /// the right). LAPACK's `ormqr`/`unmqr`.
    fn qr_apply_q(
        &self,
        side: Side,
        trans: Trans,
        qr: MatRef<'_, T>,
        tau: &[T],
        mut c: MatMut<'_, T>,
    ) -> Result<()> {
        crate::factor::refuse_distributed(self.kind(), "qr_apply_q")?;
        let conj = check_apply(side, trans, &qr, tau, &c)?;
        let nq = qr.nrows();
        let k = tau.len();
        if k == 0 || c.nrows() == 0 || c.ncols() == 0 {
            return Ok(());
        }
        // Q = H(0)...H(k-1): Q*C and C*Q^H take the blocks last to first.
        let backward = matches!((side, conj), (Side::Left, false) | (Side::Right, true));
        let starts: Vec<usize> = (0..k).step_by(QR_NB).collect();
        let order: Vec<usize> = if backward {
            starts.into_iter().rev().collect()
        } else {
            starts
        };
        for j in order {
            let jb = QR_NB.min(k - j);
            let v = explicit_v(qr.submatrix(j, j, nq - j, jb));
            let t = form_t(&v, nq - j, jb, &tau[j..j + jb]);
            let part = match side {
                Side::Left => {
                    let n = c.ncols();
                    block_mut(c.rb_mut(), j..nq, 0..n)
                }
                Side::Right => {
                    let m = c.nrows();
                    block_mut(c.rb_mut(), 0..m, j..nq)
                }
            };
            apply_block(self, side, conj, &v, nq - j, &t, jb, part)?;
        }
        Ok(())
    }

    /// Forms the first `q.ncols()` columns of `Q` (the thin `Q` when that is
    /// `tau.len()`) in the `m x p` matrix `q`, `tau.len() <= p <= m`, from the
    /// reflectors in `qr` (`m` rows, at least `tau.len()` columns). LAPACK's
    /// `orgqr`/`ungqr`.
    fn qr_form_q(&self, qr: MatRef<'_, T>, tau: &[T], mut q: MatMut<'_, T>) -> Result<()> {
        crate::factor::refuse_distributed(self.kind(), "qr_form_q")?;
        let (m, p) = (q.nrows(), q.ncols());
        if qr.nrows() != m || qr.ncols() < tau.len() || p < tau.len() || p > m {
            return Err(Error::shape_mismatch(format!(
                "qr_form_q: qr is {}x{} with {} reflectors, q is {m}x{p} \
                 (need qr with m rows and tau.len() <= q's columns <= m)",
                qr.nrows(),
                qr.ncols(),
                tau.len()
            )));
        }
        for j in 0..p {
            for i in 0..m {
                q.set(i, j, if i == j { T::ONE } else { T::ZERO });
            }
        }
        self.qr_apply_q(Side::Left, Trans::No, qr, tau, q)
    }

    /// Least squares `min ||A*X - B||_2` for a full-rank `m x n` `a` with
    /// `m >= n`: factors `a` in place ([`Qr::qr_factor`] layout), then
    /// `X = R^-1 * (Q^H*B)(0..n)` overwrites the first `n` rows of the
    /// `m x nrhs` matrix `b` (rows `n..m` hold the residual's coordinates in
    /// `Q`, as LAPACK's `gels`). An exactly zero `R(j, j)` gives
    /// [`ErrorKind::Singular`] with [`Error::info`] `j + 1`, `b` untouched;
    /// `m < n` is [`ErrorKind::Unsupported`].
    fn lstsq(&self, mut a: MatMut<'_, T>, mut b: MatMut<'_, T>) -> Result<()> {
        crate::factor::refuse_distributed(self.kind(), "lstsq")?;
        let (m, n) = (a.nrows(), a.ncols());
        if m < n {
            return Err(Error::unsupported(format!(
                "lstsq: a is {m}x{n}: only full-rank systems with m >= n are supported"
            )));
        }
        if b.nrows() != m {
            return Err(Error::shape_mismatch(format!(
                "lstsq: a is {m}x{n} but b has {} rows",
                b.nrows()
            )));
        }
        let mut tau = vec![T::ZERO; n];
        self.qr_factor(a.rb_mut(), &mut tau)?;
        if let Some(j) = (0..n).find(|&j| a.get(j, j) == T::ZERO) {
            return Err(Error::numerical(
                ErrorKind::Singular,
                j + 1,
                format!(
                    "lstsq: R({j}, {j}) is exactly zero: A is rank deficient (LAPACK info {})",
                    j + 1
                ),
            ));
        }
        if n == 0 || b.ncols() == 0 {
            return Ok(());
        }
        self.qr_apply_q(Side::Left, Trans::ConjYes, a.as_ref(), &tau, b.rb_mut())?;
        let nrhs = b.ncols();
        let r = a.as_ref().submatrix(0, 0, n, n);
        self.trsm(
            Side::Left,
            Uplo::Upper,
            Diag::NonUnit,
            T::ONE,
            r,
            block_mut(b, 0..n, 0..nrhs),
        )
    }
}

impl<T: Element, B: Level3<T> + ?Sized> Qr<T> for B {}

fn check_factor<T: Element>(a: &MatMut<'_, T>, tau: &[T]) -> Result<()> {
    let k = a.nrows().min(a.ncols());
    if tau.len() != k {
        return Err(Error::invalid_argument(
            "tau",
            format!(
                "length {} but a is {}x{} (need min(m, n) = {k})",
                tau.len(),
                a.nrows(),
                a.ncols()
            ),
        ));
    }
    Ok(())
}

/// Checks the arguments of `qr_apply_q`; returns whether `Q^H` is applied.
fn check_apply<T: Element>(
    side: Side,
    trans: Trans,
    qr: &MatRef<'_, T>,
    tau: &[T],
    c: &MatMut<'_, T>,
) -> Result<bool> {
    let conj = match trans {
        Trans::No => false,
        Trans::ConjYes => true,
        Trans::Yes if !T::DTYPE.is_complex() => true,
        Trans::Yes => {
            return Err(Error::invalid_argument(
                "trans",
                "Q^T of a complex Q is not supported (use Trans::ConjYes, as LAPACK's unmqr)",
            ))
        }
    };
    let nq = match side {
        Side::Left => c.nrows(),
        Side::Right => c.ncols(),
    };
    if qr.nrows() != nq || qr.ncols() < tau.len() || tau.len() > nq {
        return Err(Error::shape_mismatch(format!(
            "qr_apply_q: qr is {}x{} with {} reflectors but C is {}x{} ({:?} side)",
            qr.nrows(),
            qr.ncols(),
            tau.len(),
            c.nrows(),
            c.ncols(),
            side
        )));
    }
    Ok(conj)
}

/// The 2-norm of `x` without overflow or underflow: the plain sum of
/// squares when the largest part is in a safe range, else the sum of
/// squares scaled by it (two cheap passes; a `hypot` per element cost as
/// much as the rest of the panel).
fn norm2<T: Element>(x: impl Iterator<Item = T> + Clone) -> T::Real {
    let zero = T::Real::zero();
    // `max` drops NaN: a NaN beside zeros must not read as a zero column.
    let (amax, len, nan) = x.clone().fold((zero, 0usize, false), |(m, n, nan), z| {
        (
            Float::max(Float::max(m, z.re().abs()), z.im().abs()),
            n + 1,
            nan || z.re().is_nan() || z.im().is_nan(),
        )
    });
    if nan {
        return T::Real::nan();
    }
    if amax == zero || amax.is_infinite() {
        return amax;
    }
    let sq = |s: T::Real| -> T::Real {
        x.clone().fold(zero, |acc, z| {
            let (re, im) = (z.re() * s, z.im() * s);
            acc + re * re + im * im
        })
    };
    let small = Float::sqrt(T::Real::min_positive_value());
    let big = Float::sqrt(T::Real::max_value()) / T::Real::from_f64(2.0 * len as f64 + 1.0);
    if amax >= small && amax <= big {
        Float::sqrt(sq(T::Real::one()))
    } else {
        Float::sqrt(sq(T::Real::one() / amax)) * amax
    }
}

/// The unblocked Householder QR (LAPACK's `geqr2`/`geqrf` layout): the
/// reference the blocked [`Qr::qr_factor`] is built from.
pub fn qr_factor_unblocked<T: Element>(mut a: MatMut<'_, T>, tau: &mut [T]) -> Result<()> {
    check_factor(&a, tau)?;
    let (m, n) = (a.nrows(), a.ncols());
    for (i, ti) in tau.iter_mut().enumerate() {
        // Generate H(i) (larfg) annihilating a(i+1.., i).
        let alpha = a.get(i, i);
        let xnorm = norm2((i + 1..m).map(|r| a.get(r, i)));
        if xnorm == T::Real::zero() && alpha.im() == T::Real::zero() {
            *ti = T::ZERO;
        } else {
            let mag = Float::hypot(Float::hypot(alpha.re(), alpha.im()), xnorm);
            let beta = if alpha.re() >= T::Real::zero() {
                -mag
            } else {
                mag
            };
            let b = T::from_real(beta);
            *ti = (b - alpha).quotient(b);
            let s = T::ONE.quotient(alpha - b);
            for r in i + 1..m {
                let x = a.get(r, i);
                a.set(r, i, x * s);
            }
            a.set(i, i, b);
        }
        // Apply H(i)^H = I - conj(tau)*v*v^H to a(i.., i+1..).
        let ct = ti.conj();
        if ct == T::ZERO {
            continue;
        }
        for j in i + 1..n {
            let mut s = a.get(i, j);
            for r in i + 1..m {
                s += a.get(r, i).conj() * a.get(r, j);
            }
            let s = ct * s;
            let x = a.get(i, j);
            a.set(i, j, x - s);
            for r in i + 1..m {
                let x = a.get(r, j);
                a.set(r, j, x - a.get(r, i) * s);
            }
        }
    }
    Ok(())
}

/// Factors a panel with the unblocked loop on a contiguous column-major
/// copy (strided element access would dominate the panel's time), writes it
/// back, and returns its reflectors as [`explicit_v`] does.
fn panel_factor<T: Element>(mut a: MatMut<'_, T>, tau: &mut [T]) -> Vec<T> {
    let (rows, cols) = (a.nrows(), a.ncols());
    let mut buf = vec![T::ZERO; rows * cols];
    for j in 0..cols {
        for i in 0..rows {
            buf[i + j * rows] = a.get(i, j);
        }
    }
    for (i, ti) in tau.iter_mut().enumerate() {
        let (left, right) = buf.split_at_mut((i + 1) * rows);
        let col = &mut left[i * rows..];
        *ti = reflector(col, i);
        let ct = ti.conj();
        if ct == T::ZERO {
            continue;
        }
        for c in right.chunks_exact_mut(rows) {
            let mut s = c[i];
            for r in i + 1..rows {
                s += col[r].conj() * c[r];
            }
            let s = ct * s;
            c[i] -= s;
            for r in i + 1..rows {
                c[r] -= col[r] * s;
            }
        }
    }
    for j in 0..cols {
        for i in 0..rows {
            a.set(i, j, buf[i + j * rows]);
        }
    }
    // The explicit V: unit diagonal, zeros above (only the first min(rows,
    // cols) columns are reflectors).
    for j in 0..cols.min(rows) {
        buf[j + j * rows] = T::ONE;
        buf[j * rows..j * rows + j].fill(T::ZERO);
    }
    buf
}

/// LAPACK's `larfg` on `col[i..]`: makes `col[i]` the new diagonal `beta`,
/// `col[i+1..]` the reflector's vector, and returns `tau`.
pub(crate) fn reflector<T: Element>(col: &mut [T], i: usize) -> T {
    let alpha = col[i];
    let xnorm = norm2(col[i + 1..].iter().copied());
    if xnorm == T::Real::zero() && alpha.im() == T::Real::zero() {
        return T::ZERO;
    }
    let mag = Float::hypot(Float::hypot(alpha.re(), alpha.im()), xnorm);
    let beta = if alpha.re() >= T::Real::zero() {
        -mag
    } else {
        mag
    };
    let b = T::from_real(beta);
    let s = T::ONE.quotient(alpha - b);
    for x in &mut col[i + 1..] {
        *x *= s;
    }
    col[i] = b;
    (b - alpha).quotient(b)
}

/// The reflectors of a panel (`rows x k`, vectors below the diagonal) as an
/// explicit unit lower trapezoidal column-major matrix.
fn explicit_v<T: Element>(panel: MatRef<'_, T>) -> Vec<T> {
    let (rows, k) = (panel.nrows(), panel.ncols());
    let mut v = vec![T::ZERO; rows * k];
    for j in 0..k {
        v[j + j * rows] = T::ONE;
        for i in j + 1..rows {
            v[i + j * rows] = panel.get(i, j);
        }
    }
    v
}

/// The upper triangular `T` (`k x k`, column-major, zeros below) of the
/// block reflector `H(0)...H(k-1) = I - V*T*V^H` (LAPACK's `larft`,
/// forward, columnwise).
fn form_t<T: Element>(v: &[T], rows: usize, k: usize, tau: &[T]) -> Vec<T> {
    let mut t = vec![T::ZERO; k * k];
    for i in 0..k {
        if tau[i] == T::ZERO {
            continue;
        }
        // t(0..i, i) = -tau[i] * V(:, 0..i)^H * V(:, i)
        let mut w = vec![T::ZERO; i];
        for (c, wc) in w.iter_mut().enumerate() {
            let mut s = T::ZERO;
            for r in i..rows {
                s += v[r + c * rows].conj() * v[r + i * rows];
            }
            *wc = -tau[i] * s;
        }
        // t(0..i, i) = T(0..i, 0..i) * w (upper triangular)
        for r in 0..i {
            let mut s = T::ZERO;
            for c in r..i {
                s += t[r + c * k] * w[c];
            }
            t[r + i * k] = s;
        }
        t[i + i * k] = tau[i];
    }
    t
}

/// Applies the block reflector `H = I - V*T*V^H` (or `H^H` when `conj`) to
/// `c` from `side`, with three gemms.
#[allow(
    clippy::too_many_arguments,
    reason = "the block reflector's parts, as LAPACK's larfb"
)]
fn apply_block<T: Element, B: Level3<T> + ?Sized>(
    backend: &B,
    side: Side,
    conj: bool,
    v: &[T],
    rows: usize,
    t: &[T],
    k: usize,
    mut c: MatMut<'_, T>,
) -> Result<()> {
    let v = MatRef::col_major(v, rows, k, rows.max(1))?;
    let t = MatRef::col_major(t, k, k, k.max(1))?;
    let op_t = if conj { t.h() } else { t };
    match side {
        Side::Left => {
            // C -= V * (op(T) * (V^H * C))
            let n = c.ncols();
            let mut w = vec![T::ZERO; k * n];
            let mut w2 = vec![T::ZERO; k * n];
            backend.gemm(
                T::ONE,
                v.h(),
                c.as_ref(),
                T::ZERO,
                MatMut::col_major(&mut w, k, n, k.max(1))?,
            )?;
            backend.gemm(
                T::ONE,
                op_t,
                MatRef::col_major(&w, k, n, k.max(1))?,
                T::ZERO,
                MatMut::col_major(&mut w2, k, n, k.max(1))?,
            )?;
            backend.gemm(
                -T::ONE,
                v,
                MatRef::col_major(&w2, k, n, k.max(1))?,
                T::ONE,
                c.rb_mut(),
            )
        }
        Side::Right => {
            // C -= ((C * V) * op(T)) * V^H
            let m = c.nrows();
            let mut w = vec![T::ZERO; m * k];
            let mut w2 = vec![T::ZERO; m * k];
            backend.gemm(
                T::ONE,
                c.as_ref(),
                v,
                T::ZERO,
                MatMut::col_major(&mut w, m, k, m.max(1))?,
            )?;
            backend.gemm(
                T::ONE,
                MatRef::col_major(&w, m, k, m.max(1))?,
                op_t,
                T::ZERO,
                MatMut::col_major(&mut w2, m, k, m.max(1))?,
            )?;
            backend.gemm(
                -T::ONE,
                MatRef::col_major(&w2, m, k, m.max(1))?,
                v.h(),
                T::ONE,
                c.rb_mut(),
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Columns whose squares overflow or underflow still give the right
    /// `beta` (the norm is scaled).
    #[test]
    fn extreme_columns() {
        for scale in [1e200, 1e-200, 1.0] {
            let mut a = [3.0 * scale, 4.0 * scale];
            let mut tau = [0.0f64];
            qr_factor_unblocked(MatMut::col_major(&mut a, 2, 1, 2).unwrap(), &mut tau).unwrap();
            assert!((a[0] / scale + 5.0).abs() < 1e-14, "{scale}: {}", a[0]);
            assert!((tau[0] - 1.6).abs() < 1e-14 && (a[1] - 0.5).abs() < 1e-14);
        }
        assert_eq!(norm2([0.0f32, f32::INFINITY].into_iter()), f32::INFINITY);
        assert!(norm2([1.0f64, f64::NAN].into_iter()).is_nan());
        assert!(norm2([0.0f64, f64::NAN, 0.0].into_iter()).is_nan());
        assert!(norm2([f32::INFINITY, f32::NAN].into_iter()).is_nan());
        // a NaN below a unit diagonal element reaches R and tau
        let mut a = [1.0f64, f64::NAN, 0.0];
        let mut tau = [0.0f64];
        qr_factor_unblocked(MatMut::col_major(&mut a, 3, 1, 3).unwrap(), &mut tau).unwrap();
        assert!(a[0].is_nan() && tau[0].is_nan());
    }
}
