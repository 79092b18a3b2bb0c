//! The conformance properties of Householder QR and least squares
//! ([`Qr`]), for all four element types.
//!
//! As for LU, no factor is compared with another backend's (signs and last
//! bits may differ between algorithms); every result is checked against
//! what it must satisfy, computed here with naive loops in `Complex<f64>`:
//! `Q^H*Q = I` and `Q*R = A` within LAPACK's norm-scaled bounds (the
//! `qrt01` ratios, threshold 30), applying `Q` against the product with the
//! formed `Q`, and least-squares solutions whose residual is orthogonal to
//! `range(A)` and which agree with the normal equations solved naively in
//! wide precision. Inputs sweep sizes 0, 1, odd, tall, wide, around and past
//! the panel width [`QR_NB`], in every storage layout of the LU suite
//! (padded column- and row-major, strided with gaps, negative row stride);
//! storage outside a view must keep its values. The unblocked reference
//! ([`qr_factor_unblocked`]) is held to the same properties.
#![allow(
    clippy::needless_range_loop,
    reason = "(i, j) index math mirrors the LAPACK definitions"
)]

use crate::props_factor::{eps, scaled, Dense, Store, Wide, LAYOUTS, THRESHOLD, Z};
use oxpar_core::factor_qr::{qr_factor_unblocked, QR_NB};
use oxpar_core::{ErrorKind, Factor, MatMut, MatRef, Qr, Side, Trans};

const SHAPES: [(usize, usize); 16] = [
    (0, 0),
    (1, 1),
    (0, 3),
    (3, 0),
    (1, 4),
    (4, 1),
    (5, 3),
    (3, 5),
    (7, 7),
    (QR_NB, QR_NB),
    (QR_NB + 1, QR_NB - 1),
    (QR_NB - 1, QR_NB + 1),
    (70, 45),
    (45, 70),
    (2 * QR_NB + 3, 2 * QR_NB + 3),
    (100, 3 * QR_NB + 5),
];

fn identity(n: usize) -> Dense {
    let mut d = Dense::zeros(n, n);
    for i in 0..n {
        d.set(i, i, Z::new(1.0, 0.0));
    }
    d
}

/// The upper trapezoidal `min(m, n) x n` `R` of a factored matrix.
fn upper(f: &Dense) -> Dense {
    let k = f.m.min(f.n);
    let mut r = Dense::zeros(k, f.n);
    for j in 0..f.n {
        for i in 0..=j.min(k.saturating_sub(1)) {
            if i < k {
                r.set(i, j, f.at(i, j));
            }
        }
    }
    r
}

/// The first `p` columns of `Q`, formed by the backend into storage of
/// `layout`.
fn form_q<T: Wide, B: Qr<T> + ?Sized>(
    backend: &B,
    f: &mut Store<T>,
    tau: &[T],
    m: usize,
    p: usize,
    layout: usize,
    what: &str,
) -> Dense {
    let mut q = Store::<T>::new(&Dense::zeros(m, p), layout);
    backend
        .qr_form_q(f.view_mut().as_ref(), tau, q.view_mut())
        .unwrap_or_else(|e| panic!("{what}: qr_form_q: {e}"));
    q.assert_guards(&format!("{what}: qr_form_q"));
    q.dense()
}

fn check_orthonormal<T: Wide>(q: &Dense, what: &str) {
    let r = q.op(Trans::ConjYes).mul(q).minus(&identity(q.n)).norm1();
    let r = scaled(r, q.m, 1.0, eps::<T>());
    assert!(r <= THRESHOLD, "{what}: ||Q^H Q - I|| ratio {r}");
}

/// Factors `a` (in `layout`) with `factor`, then checks the guards, `Q^H Q =
/// I` and `Q R = A` with the thin `Q` the backend forms; returns the factored
/// storage and `tau`.
fn factor_and_check<T: Wide, B: Qr<T> + ?Sized>(
    backend: &B,
    a: &Dense,
    layout: usize,
    blocked: bool,
    what: &str,
) -> (Store<T>, Vec<T>) {
    let (m, n) = (a.m, a.n);
    let k = m.min(n);
    let mut f = Store::<T>::new(a, layout);
    let mut tau = vec![T::ZERO; k];
    let res = if blocked {
        backend.qr_factor(f.view_mut(), &mut tau)
    } else {
        qr_factor_unblocked(f.view_mut(), &mut tau)
    };
    res.unwrap_or_else(|e| panic!("{what}: qr_factor: {e}"));
    f.assert_guards(&format!("{what}: qr_factor"));
    let r = upper(&f.dense());
    let q = form_q(backend, &mut f, &tau, m, k, layout + 1, what);
    check_orthonormal::<T>(&q, what);
    let resid = q.mul(&r).minus(a).norm1();
    let ratio = scaled(resid, m.max(n), a.norm1(), eps::<T>());
    assert!(ratio <= THRESHOLD, "{what}: ||Q R - A|| ratio {ratio}");
    (f, tau)
}

/// `qr_factor` (blocked) and the unblocked reference on every shape and
/// layout: `Q^H*Q = I`, `Q*R = A`, guards kept.
pub fn qr_factor<T: Wide, B: Factor<T> + ?Sized>(backend: &B) {
    for (s, &(m, n)) in SHAPES.iter().enumerate() {
        for layout in 0..LAYOUTS {
            let a = Dense::random::<T>(m, n, 1000 + s as u64 * 7 + layout as u64);
            for blocked in [true, false] {
                let what = format!(
                    "{} {m}x{n} layout {layout} {}",
                    T::DTYPE.name(),
                    if blocked { "blocked" } else { "unblocked" }
                );
                factor_and_check(backend, &a, layout, blocked, &what);
            }
        }
    }
}

/// `qr_apply_q` from both sides, with `Q` and `Q^H` (and `Q^T` for real
/// types), against products with the full `Q` formed by `qr_form_q`;
/// `qr_form_q` of every width from the thin to the full `Q`.
pub fn qr_apply_q<T: Wide, B: Factor<T> + ?Sized>(backend: &B) {
    for (s, &(m, n)) in SHAPES.iter().enumerate() {
        let layout = s % LAYOUTS;
        let a = Dense::random::<T>(m, n, 2000 + s as u64);
        let k = m.min(n);
        let (mut f, tau) = factor_and_check(backend, &a, layout, true, "apply setup");
        let qfull = form_q(backend, &mut f, &tau, m, m, layout + 2, "full Q");
        check_orthonormal::<T>(&qfull, &format!("{} {m}x{n} full Q", T::DTYPE.name()));
        // Every formed width holds the leading columns of the full Q.
        for p in [k, (k + m) / 2] {
            let qp = form_q(backend, &mut f, &tau, m, p, layout, "partial Q");
            for j in 0..p {
                for i in 0..m {
                    let d = (qp.at(i, j) - qfull.at(i, j)).norm();
                    assert!(
                        d <= 30.0 * m.max(1) as f64 * eps::<T>(),
                        "{m}x{n}: Q column {j} of width {p} differs by {d}"
                    );
                }
            }
        }
        let mut transes = vec![Trans::No, Trans::ConjYes];
        if !T::DTYPE.is_complex() {
            transes.push(Trans::Yes);
        }
        for side in [Side::Left, Side::Right] {
            for &trans in &transes {
                let what = format!("{} {m}x{n} {side:?} {trans:?}", T::DTYPE.name());
                let c = match side {
                    Side::Left => Dense::random::<T>(m, 3, 3000 + s as u64),
                    Side::Right => Dense::random::<T>(4, m, 3000 + s as u64),
                };
                let mut cs = Store::<T>::new(&c, layout + 3);
                backend
                    .qr_apply_q(side, trans, f.view_mut().as_ref(), &tau, cs.view_mut())
                    .unwrap_or_else(|e| panic!("{what}: {e}"));
                cs.assert_guards(&what);
                let opq = qfull.op(trans);
                let want = match side {
                    Side::Left => opq.mul(&c),
                    Side::Right => c.mul(&opq),
                };
                let r = cs.dense().minus(&want).norm1();
                let r = scaled(r, m, c.norm1(), eps::<T>());
                assert!(r <= THRESHOLD, "{what}: ||op(Q) C - ref|| ratio {r}");
            }
        }
    }
}

/// Solves the normal equations `A^H A x = A^H b` naively in wide precision
/// (Gaussian elimination with partial pivoting).
fn normal_equations(a: &Dense, b: &Dense) -> Dense {
    let ah = a.op(Trans::ConjYes);
    let mut g = ah.mul(a);
    let mut x = ah.mul(b);
    let n = g.n;
    for c in 0..n {
        let p = (c..n)
            .max_by(|&i, &j| g.at(i, c).norm().total_cmp(&g.at(j, c).norm()))
            .expect("non-empty");
        for j in 0..n {
            let t = g.at(c, j);
            g.set(c, j, g.at(p, j));
            g.set(p, j, t);
        }
        for j in 0..x.n {
            let t = x.at(c, j);
            x.set(c, j, x.at(p, j));
            x.set(p, j, t);
        }
        for i in c + 1..n {
            let l = g.at(i, c) / g.at(c, c);
            for j in c..n {
                let v = g.at(i, j) - l * g.at(c, j);
                g.set(i, j, v);
            }
            for j in 0..x.n {
                let v = x.at(i, j) - l * x.at(c, j);
                x.set(i, j, v);
            }
        }
    }
    for c in (0..n).rev() {
        for j in 0..x.n {
            let mut s = x.at(c, j);
            for k in c + 1..n {
                s -= g.at(c, k) * x.at(k, j);
            }
            x.set(c, j, s / g.at(c, c));
        }
    }
    x
}

/// `lstsq` on full-rank square and tall systems in every layout: the
/// residual `B - A X` is orthogonal to `range(A)` (`||A^H (B - A X)||`
/// scaled as LAPACK's `qrt17`), and `X` agrees with the normal equations
/// solved in wide precision; rows `n..m` of `B` hold the residual's
/// coordinates (their norm is the residual's).
pub fn qr_lstsq<T: Wide, B: Factor<T> + ?Sized>(backend: &B) {
    let shapes = [
        (0, 0),
        (1, 1),
        (3, 0),
        (4, 1),
        (5, 3),
        (7, 7),
        (12, 5),
        (QR_NB + 9, QR_NB + 1),
        (90, 2 * QR_NB + 1),
    ];
    for (s, &(m, n)) in shapes.iter().enumerate() {
        for layout in 0..LAYOUTS {
            let what = format!("{} lstsq {m}x{n} layout {layout}", T::DTYPE.name());
            let a = Dense::random::<T>(m, n, 4000 + s as u64 * 5 + layout as u64);
            let b = Dense::random::<T>(m, 2, 5000 + s as u64 * 5 + layout as u64);
            let mut fa = Store::<T>::new(&a, layout);
            let mut fb = Store::<T>::new(&b, layout + 1);
            backend
                .lstsq(fa.view_mut(), fb.view_mut())
                .unwrap_or_else(|e| panic!("{what}: {e}"));
            fa.assert_guards(&what);
            fb.assert_guards(&what);
            let out = fb.dense();
            let mut x = Dense::zeros(n, 2);
            for j in 0..2 {
                for i in 0..n {
                    x.set(i, j, out.at(i, j));
                }
            }
            let resid = b.minus(&a.mul(&x));
            let e = eps::<T>();
            let orth = a.op(Trans::ConjYes).mul(&resid).norm1();
            let bound = a.norm1() * (a.norm1() * x.norm1() + b.norm1());
            let r = scaled(orth, m.max(n), bound, e);
            assert!(r <= THRESHOLD, "{what}: ||A^H r|| ratio {r}");
            // The residual's norm equals that of rows n..m of Q^H B.
            for j in 0..2 {
                let want: f64 = (0..m)
                    .map(|i| resid.at(i, j).norm_sqr())
                    .sum::<f64>()
                    .sqrt();
                let got: f64 = (n..m).map(|i| out.at(i, j).norm_sqr()).sum::<f64>().sqrt();
                assert!(
                    (want - got).abs()
                        <= THRESHOLD * m.max(1) as f64 * e * b.norm1().max(1.0) * 10.0,
                    "{what}: residual norm {want} but Q^H B's tail has norm {got}"
                );
            }
            if n > 0 {
                let xn = normal_equations(&a, &b);
                let d = x.minus(&xn).norm1() / xn.norm1().max(f64::MIN_POSITIVE);
                // Random full-rank matrices are well conditioned: allow a
                // generous condition number of 1e3.
                assert!(
                    d <= 1e3 * THRESHOLD * n as f64 * e,
                    "{what}: relative difference from the normal equations {d}"
                );
            }
        }
    }
}

/// Numerical and argument errors: an exactly zero `R(j, j)` is
/// [`ErrorKind::Singular`] with `info = j + 1` and `B` untouched; wide
/// `lstsq`, a wrong `tau` length, mismatched shapes and `Q^T` of a complex
/// `Q` are errors, never panics.
pub fn qr_errors<T: Wide, B: Factor<T> + ?Sized>(backend: &B) {
    for (m, n, zero) in [(5, 3, 1), (6, 4, 0), (4, 4, 3), (3, 1, 0)] {
        let mut a = Dense::random::<T>(m, n, 6000 + m as u64);
        for i in 0..m {
            a.set(i, zero, Z::new(0.0, 0.0));
        }
        // Columns after the zero one stay independent: the first zero
        // diagonal element is at `zero`.
        let b = Dense::random::<T>(m, 2, 6100);
        let mut fa = Store::<T>::new(&a, 0);
        let mut fb = Store::<T>::new(&b, 2);
        let before = fb.buf.clone();
        let err = backend.lstsq(fa.view_mut(), fb.view_mut()).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Singular, "{m}x{n}: {err}");
        assert_eq!(err.info(), Some(zero + 1), "{m}x{n}: {err}");
        assert!(fb.buf == before, "{m}x{n}: b changed on failure");
    }
    let mut buf = vec![T::ONE; 12];
    let mut bbuf = vec![T::ONE; 12];
    let mut tau = vec![T::ZERO; 2];
    let a = MatMut::col_major(&mut buf, 3, 4, 3).unwrap();
    let e = backend.qr_factor(a, &mut tau).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidArgument);
    let a = MatMut::col_major(&mut buf, 3, 4, 3).unwrap();
    let b = MatMut::col_major(&mut bbuf, 3, 1, 3).unwrap();
    assert_eq!(
        backend.lstsq(a, b).unwrap_err().kind(),
        ErrorKind::Unsupported
    );
    let a = MatMut::col_major(&mut buf, 4, 3, 4).unwrap();
    let b = MatMut::col_major(&mut bbuf, 3, 1, 3).unwrap();
    assert_eq!(
        backend.lstsq(a, b).unwrap_err().kind(),
        ErrorKind::ShapeMismatch
    );
    let qr = MatRef::col_major(&buf, 4, 3, 4).unwrap();
    let tau3 = vec![T::ZERO; 3];
    let c = MatMut::col_major(&mut bbuf, 3, 2, 3).unwrap();
    assert_eq!(
        backend
            .qr_apply_q(Side::Left, Trans::No, qr, &tau3, c)
            .unwrap_err()
            .kind(),
        ErrorKind::ShapeMismatch
    );
    let c = MatMut::col_major(&mut bbuf, 4, 2, 4).unwrap();
    let r = backend.qr_apply_q(Side::Left, Trans::Yes, qr, &tau3, c);
    if T::DTYPE.is_complex() {
        assert_eq!(r.unwrap_err().kind(), ErrorKind::InvalidArgument);
    } else {
        r.unwrap();
    }
    let mut qbuf = vec![T::ZERO; 20];
    let q = MatMut::col_major(&mut qbuf, 4, 2, 4).unwrap();
    assert_eq!(
        backend.qr_form_q(qr, &tau3, q).unwrap_err().kind(),
        ErrorKind::ShapeMismatch
    );
}
