//! The conformance properties of the factorizations ([`Factor`]): LU with
//! partial pivoting and Cholesky, their solves, and their numerical
//! failures, for all four element types.
//!
//! Nothing is compared with another backend's factors (pivot choices may
//! differ in the last bit between algorithms); instead every result is
//! checked against what it must satisfy, computed here with naive loops in
//! `Complex<f64>`: `P*L*U = A` and `L*L^H = A` (or `U^H*U`) within LAPACK's
//! norm-scaled bound (`||A - PLU||_1 / (n*||A||_1*eps) <= 30`, the ratio of
//! LAPACK's own tests), and solve residuals `||op(A)*X - B||_1 /
//! (n*||A||_1*||X||_1*eps) <= 30`. Inputs sweep orders 0, 1, odd, around
//! the leaf sizes (16, 32) and past them, wide and tall LU, and storage
//! column-major (padded), row-major, strided with gaps, and with a negative
//! row stride; storage outside a view (and the unreferenced triangle for
//! Cholesky) must keep its values. Numerical failures must carry LAPACK's
//! `info` and leave the outputs as LAPACK does (see `oxpar_core::factor`).
#![allow(
    clippy::needless_range_loop,
    reason = "(i, j) index math mirrors the LAPACK definitions"
)]

use oxpar_core::{Complex, Element, ErrorKind, Factor, MatMut, Scalar, Trans, Uplo};

pub use crate::props_factor_batch::{batch_cholesky, batch_errors, batch_inv_det, batch_solve};
pub use crate::props_factor_inverse::{
    cho_inverse, det_extreme, det_slogdet, lu_inverse, tri_inverse,
};
pub use crate::props_qr::{qr_apply_q, qr_errors, qr_factor, qr_lstsq};
pub use crate::props_svd::{svd_errors, svd_hostile, svd_lstsq, svd_random};

/// A wide complex number: what the reference computes in.
pub type Z = Complex<f64>;

/// Conversions between an element type and [`Z`] (real types take the real
/// part).
pub trait Wide: Element {
    /// Narrows (rounds) a wide value.
    fn from_z(z: Z) -> Self;
    /// Widens exactly.
    fn to_z(self) -> Z;
}

impl Wide for f32 {
    fn from_z(z: Z) -> Self {
        z.re as f32
    }
    fn to_z(self) -> Z {
        Z::new(f64::from(self), 0.0)
    }
}
impl Wide for f64 {
    fn from_z(z: Z) -> Self {
        z.re
    }
    fn to_z(self) -> Z {
        Z::new(self, 0.0)
    }
}
impl Wide for Complex<f32> {
    fn from_z(z: Z) -> Self {
        Complex::new(z.re as f32, z.im as f32)
    }
    fn to_z(self) -> Z {
        Z::new(f64::from(self.re), f64::from(self.im))
    }
}
impl Wide for Complex<f64> {
    fn from_z(z: Z) -> Self {
        z
    }
    fn to_z(self) -> Z {
        self
    }
}

/// LAPACK's test threshold for the scaled residuals.
pub(crate) const THRESHOLD: f64 = 30.0;
/// What the storage outside a view holds, and must still hold afterwards.
pub(crate) const GUARD: Z = Complex::new(-7777.0, 7777.0);

pub(crate) fn eps<T: Element>() -> f64 {
    real_eps::<T::Real>()
}

fn real_eps<R: Scalar>() -> f64 {
    R::epsilon().as_f64()
}

/// Deterministic values in [-1, 1) (+ i[-1, 1) for complex types).
pub(crate) fn values<T: Element>(n: usize, seed: u64) -> Vec<Z> {
    let mut s = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    let mut next = move || {
        s ^= s << 13;
        s ^= s >> 7;
        s ^= s << 17;
        ((s >> 44) as f64) / f64::from(1u32 << 19) - 1.0
    };
    (0..n)
        .map(|_| {
            let re = next();
            let im = next();
            Z::new(re, if T::DTYPE.is_complex() { im } else { 0.0 })
        })
        .collect()
}

/// A dense column-major `m x n` matrix in [`Z`].
#[derive(Clone, Debug)]
pub(crate) struct Dense {
    pub(crate) m: usize,
    pub(crate) n: usize,
    pub(crate) v: Vec<Z>,
}

impl Dense {
    pub(crate) fn zeros(m: usize, n: usize) -> Self {
        Dense {
            m,
            n,
            v: vec![Z::new(0.0, 0.0); m * n],
        }
    }
    pub(crate) fn at(&self, i: usize, j: usize) -> Z {
        self.v[i + j * self.m]
    }
    pub(crate) fn set(&mut self, i: usize, j: usize, z: Z) {
        self.v[i + j * self.m] = z;
    }
    pub(crate) fn random<T: Element>(m: usize, n: usize, seed: u64) -> Self {
        Dense {
            m,
            n,
            v: values::<T>(m * n, seed),
        }
    }
    pub(crate) fn mul(&self, b: &Dense) -> Dense {
        let mut c = Dense::zeros(self.m, b.n);
        for j in 0..b.n {
            for k in 0..self.n {
                let bkj = b.at(k, j);
                for i in 0..self.m {
                    c.v[i + j * c.m] += self.at(i, k) * bkj;
                }
            }
        }
        c
    }
    /// `op(self)`.
    pub(crate) fn op(&self, trans: Trans) -> Dense {
        match trans {
            Trans::No => self.clone(),
            Trans::Yes | Trans::ConjYes => {
                let mut t = Dense::zeros(self.n, self.m);
                for j in 0..self.n {
                    for i in 0..self.m {
                        let z = self.at(i, j);
                        t.set(j, i, if trans == Trans::Yes { z } else { z.conj() });
                    }
                }
                t
            }
        }
    }
    /// The 1-norm (largest column sum of moduli).
    pub(crate) fn norm1(&self) -> f64 {
        (0..self.n)
            .map(|j| (0..self.m).map(|i| self.at(i, j).norm()).sum::<f64>())
            .fold(0.0, f64::max)
    }
    pub(crate) fn minus(&self, b: &Dense) -> Dense {
        Dense {
            m: self.m,
            n: self.n,
            v: self.v.iter().zip(&b.v).map(|(x, y)| x - y).collect(),
        }
    }
}

/// Storage shapes: column-major padded, row-major padded, strided with gaps,
/// and column-major with a negative row stride.
pub(crate) const LAYOUTS: usize = 4;

/// A matrix held in a buffer with one of the [`LAYOUTS`], guards elsewhere.
pub(crate) struct Store<T> {
    pub(crate) buf: Vec<T>,
    m: usize,
    n: usize,
    rs: isize,
    cs: isize,
    outside: Vec<bool>,
}

impl<T: Wide> Store<T> {
    pub(crate) fn new(a: &Dense, layout: usize) -> Self {
        let (m, n) = (a.m, a.n);
        let (rs, cs, len) = match layout % LAYOUTS {
            0 => (1, m as isize + 1, (m + 1) * n.max(1)),
            1 => (n as isize + 2, 1, (n + 2) * m.max(1)),
            2 => (2, 2 * m as isize + 3, (2 * m + 3) * n.max(1)),
            _ => (-1, m.max(1) as isize, m.max(1) * n.max(1)),
        };
        let mut s = Store {
            buf: vec![T::from_z(GUARD); len],
            m,
            n,
            rs,
            cs,
            outside: Vec::new(),
        };
        {
            let mut v = s.view_mut();
            for j in 0..n {
                for i in 0..m {
                    v.set(i, j, T::from_z(a.at(i, j)));
                }
            }
        }
        let g = T::from_z(GUARD);
        s.outside = s.buf.iter().map(|&x| x == g).collect();
        s
    }
    pub(crate) fn view_mut(&mut self) -> MatMut<'_, T> {
        MatMut::from_slice(&mut self.buf, self.m, self.n, self.rs, self.cs).expect("test layout")
    }
    pub(crate) fn dense(&mut self) -> Dense {
        let v = self.view_mut();
        let mut d = Dense::zeros(v.nrows(), v.ncols());
        for j in 0..d.n {
            for i in 0..d.m {
                d.set(i, j, v.get(i, j).to_z());
            }
        }
        d
    }
    pub(crate) fn assert_guards(&self, what: &str) {
        let g = T::from_z(GUARD);
        for (k, (&x, &out)) in self.buf.iter().zip(&self.outside).enumerate() {
            assert!(
                !out || x == g,
                "{what}: storage element {k} outside the view was written"
            );
        }
    }
}

/// `P*L*U` from the packed factors and the pivots of an `m x n` LU.
fn reconstruct_lu(f: &Dense, ipiv: &[usize]) -> Dense {
    let (m, n) = (f.m, f.n);
    let k = m.min(n);
    let mut l = Dense::zeros(m, k);
    let mut u = Dense::zeros(k, n);
    for j in 0..k {
        l.set(j, j, Z::new(1.0, 0.0));
        for i in j + 1..m {
            l.set(i, j, f.at(i, j));
        }
    }
    for j in 0..n {
        for i in 0..=j.min(k.saturating_sub(1)) {
            if i < k {
                u.set(i, j, f.at(i, j));
            }
        }
    }
    let mut a = l.mul(&u);
    for i in (0..k).rev() {
        let p = ipiv[i];
        for j in 0..n {
            let t = a.at(i, j);
            a.set(i, j, a.at(p, j));
            a.set(p, j, t);
        }
    }
    a
}

pub(crate) fn scaled(resid: f64, n: usize, norm: f64, e: f64) -> f64 {
    if resid == 0.0 {
        0.0
    } else {
        resid / (n.max(1) as f64 * norm.max(f64::MIN_POSITIVE) * e)
    }
}

/// Checks the pivots' range and `P*L*U = A` for the factors in `f`.
pub(crate) fn check_lu<T: Element>(a: &Dense, f: &Dense, ipiv: &[usize], what: &str) {
    for (i, &p) in ipiv.iter().enumerate() {
        assert!(p >= i && p < a.m, "{what}: ipiv[{i}] = {p}");
    }
    if !T::DTYPE.is_complex() {
        for j in 0..a.m.min(a.n) {
            for i in j + 1..a.m {
                assert!(
                    f.at(i, j).norm() <= 1.0,
                    "{what}: |L({i}, {j})| > 1: not partial pivoting"
                );
            }
        }
    }
    let r = scaled(
        reconstruct_lu(f, ipiv).minus(a).norm1(),
        a.m.max(a.n),
        a.norm1(),
        eps::<T>(),
    );
    assert!(r <= THRESHOLD, "{what}: ||PLU - A|| ratio {r}");
}

pub(crate) fn check_solve<T: Element>(opa: &Dense, x: &Dense, b: &Dense, what: &str) {
    let r = opa.mul(x).minus(b).norm1();
    let r = scaled(r, opa.m, opa.norm1() * x.norm1().max(1e-300), eps::<T>());
    assert!(r <= THRESHOLD, "{what}: solve residual ratio {r}");
}

/// `lu_factor` on general, tall and wide matrices in every layout, then
/// `lu_solve` with `A`, `A^T`, `A^H` and `lu_factor_solve` on square ones.
pub fn lu_factor_solve<T: Wide, B: Factor<T> + ?Sized>(backend: &B) {
    let shapes = [
        (0, 0),
        (1, 1),
        (0, 3),
        (3, 0),
        (2, 3),
        (5, 3),
        (3, 5),
        (7, 7),
        (16, 16),
        (17, 17),
        (33, 33),
        (20, 47),
        (47, 20),
        (64, 64),
        (97, 97),
    ];
    for (case, &(m, n)) in shapes.iter().enumerate() {
        let layout = case % LAYOUTS;
        let what = format!(
            "{} lu {m}x{n} layout {layout} on {}",
            T::DTYPE.name(),
            backend.name()
        );
        let a = Dense::random::<T>(m, n, 11 + case as u64);
        let mut s = Store::<T>::new(&a, layout);
        let mut ipiv = vec![usize::MAX; m.min(n)];
        backend
            .lu_factor(s.view_mut(), &mut ipiv)
            .unwrap_or_else(|e| panic!("{what}: {e}"));
        s.assert_guards(&what);
        let f = s.dense();
        check_lu::<T>(&a, &f, &ipiv, &what);
        if m != n {
            continue;
        }
        for (t, trans) in [Trans::No, Trans::Yes, Trans::ConjYes]
            .into_iter()
            .enumerate()
        {
            for nrhs in [0, 1, 3] {
                let b = Dense::random::<T>(n, nrhs, 97 + case as u64);
                let mut sb = Store::<T>::new(&b, layout + t + 1);
                backend
                    .lu_solve(trans, s.view_mut().as_ref(), &ipiv, sb.view_mut())
                    .unwrap_or_else(|e| panic!("{what}: lu_solve {trans:?}: {e}"));
                sb.assert_guards(&what);
                let x = sb.dense();
                check_solve::<T>(
                    &a.op(trans),
                    &x,
                    &b,
                    &format!("{what} {trans:?} nrhs {nrhs}"),
                );
            }
        }
        let b = Dense::random::<T>(n, 2, 5 + case as u64);
        let mut sa = Store::<T>::new(&a, layout + 1);
        let mut sb = Store::<T>::new(&b, layout + 2);
        let mut ipiv = vec![0; n];
        backend
            .lu_factor_solve(sa.view_mut(), &mut ipiv, sb.view_mut())
            .unwrap_or_else(|e| panic!("{what}: lu_factor_solve: {e}"));
        check_lu::<T>(&a, &sa.dense(), &ipiv, &what);
        check_solve::<T>(&a, &sb.dense(), &b, &format!("{what} gesv"));
    }
}

/// A Hermitian positive definite matrix `M*M^H + n*I`, with an imaginary
/// part on the diagonal that the factorization must ignore.
pub(crate) fn hpd<T: Element>(n: usize, seed: u64) -> (Dense, Dense) {
    let m = Dense::random::<T>(n, n, seed);
    let mut a = m.mul(&m.op(Trans::ConjYes));
    for i in 0..n {
        a.set(i, i, Z::new(a.at(i, i).re + n as f64, 0.0));
    }
    let mut stored = a.clone();
    if T::DTYPE.is_complex() {
        for i in 0..n {
            stored.set(i, i, Z::new(a.at(i, i).re, 0.25));
        }
    }
    (a, stored)
}

/// What the triangle a Cholesky does not reference holds in the tests.
pub(crate) const OTHER: Z = Complex::new(4242.0, -4242.0);

/// Stores the `uplo` triangle of `a`, [`OTHER`] in the other one.
pub(crate) fn store_triangle<T: Wide>(a: &Dense, uplo: Uplo, layout: usize) -> Store<T> {
    let mut t = a.clone();
    for j in 0..a.n {
        for i in 0..a.m {
            if !uplo.holds(i, j) {
                t.set(i, j, OTHER);
            }
        }
    }
    Store::new(&t, layout)
}

/// The factor `L` (lower, `A = L*L^H`) from the `uplo` triangle, checking
/// that the other one still holds [`OTHER`] and the diagonal is real.
pub(crate) fn factor_of<T: Wide>(f: &Dense, uplo: Uplo, what: &str) -> Dense {
    let n = f.n;
    let other = T::from_z(OTHER).to_z();
    let mut l = Dense::zeros(n, n);
    for j in 0..n {
        for i in 0..n {
            if !uplo.holds(i, j) {
                assert_eq!(
                    f.at(i, j),
                    other,
                    "{what}: ({i}, {j}) of the other triangle changed"
                );
            } else if uplo == Uplo::Lower {
                l.set(i, j, f.at(i, j));
            } else {
                l.set(j, i, f.at(i, j).conj());
            }
        }
        assert!(
            f.at(j, j).im == 0.0 && f.at(j, j).re > 0.0,
            "{what}: diagonal ({j}, {j}) = {}",
            f.at(j, j)
        );
    }
    l
}

/// `cholesky` on both triangles in every layout, `L*L^H = A`, then
/// `cho_solve` and `cho_factor_solve`.
pub fn cholesky_factor_solve<T: Wide, B: Factor<T> + ?Sized>(backend: &B) {
    for (case, &n) in [0usize, 1, 2, 5, 16, 31, 32, 33, 50, 70, 100]
        .iter()
        .enumerate()
    {
        for uplo in [Uplo::Lower, Uplo::Upper] {
            let layout = case + (uplo == Uplo::Upper) as usize;
            let what = format!(
                "{} cholesky {uplo:?} n {n} layout {} on {}",
                T::DTYPE.name(),
                layout % LAYOUTS,
                backend.name()
            );
            let (a, stored) = hpd::<T>(n, 3 + case as u64);
            let mut s = store_triangle::<T>(&stored, uplo, layout);
            backend
                .cholesky(uplo, s.view_mut())
                .unwrap_or_else(|e| panic!("{what}: {e}"));
            s.assert_guards(&what);
            let l = factor_of::<T>(&s.dense(), uplo, &what);
            let r = scaled(
                l.mul(&l.op(Trans::ConjYes)).minus(&a).norm1(),
                n,
                a.norm1(),
                eps::<T>(),
            );
            assert!(r <= THRESHOLD, "{what}: ||LL^H - A|| ratio {r}");
            for nrhs in [0, 1, 4] {
                let b = Dense::random::<T>(n, nrhs, 71 + case as u64);
                let mut sb = Store::<T>::new(&b, layout + 1);
                backend
                    .cho_solve(uplo, s.view_mut().as_ref(), sb.view_mut())
                    .unwrap_or_else(|e| panic!("{what}: cho_solve: {e}"));
                sb.assert_guards(&what);
                check_solve::<T>(&a, &sb.dense(), &b, &format!("{what} nrhs {nrhs}"));
            }
            let b = Dense::random::<T>(n, 2, 9 + case as u64);
            let mut sa = store_triangle::<T>(&stored, uplo, layout + 2);
            let mut sb = Store::<T>::new(&b, layout + 3);
            backend
                .cho_factor_solve(uplo, sa.view_mut(), sb.view_mut())
                .unwrap_or_else(|e| panic!("{what}: cho_factor_solve: {e}"));
            factor_of::<T>(&sa.dense(), uplo, &what);
            check_solve::<T>(&a, &sb.dense(), &b, &format!("{what} posv"));
        }
    }
}

/// Singular LU (a zero column at several depths of the recursion, the zero
/// matrix), matrices that are not positive definite (a negative or NaN
/// diagonal element), NaN in LU: status, `info` and outputs as LAPACK
/// leaves them; the factor-and-solve calls leave `b` untouched.
pub fn factor_failures<T: Wide, B: Factor<T> + ?Sized>(backend: &B) {
    // LU: column j zero stays zero through the elimination, so U(j, j) is
    // the first zero pivot; the factorization is completed regardless.
    for (n, j) in [(1, 0), (5, 2), (40, 20), (40, 39), (70, 3), (70, 50)] {
        let what = format!(
            "{} singular lu n {n} col {j} on {}",
            T::DTYPE.name(),
            backend.name()
        );
        let mut a = Dense::random::<T>(n, n, 31 + n as u64);
        for i in 0..n {
            a.set(i, j, Z::new(0.0, 0.0));
        }
        let mut s = Store::<T>::new(&a, n + j);
        let mut ipiv = vec![0; n];
        let e = backend.lu_factor(s.view_mut(), &mut ipiv).expect_err(&what);
        assert_eq!(e.kind(), ErrorKind::Singular, "{what}: {e}");
        assert_eq!(e.info(), Some(j + 1), "{what}: {e}");
        let f = s.dense();
        assert_eq!(f.at(j, j), Z::new(0.0, 0.0), "{what}");
        check_lu::<T>(&a, &f, &ipiv, &what);
        // gesv: the factors are written, b is not.
        let b = Dense::random::<T>(n, 2, 3);
        let (mut sa, mut sb) = (Store::<T>::new(&a, 0), Store::<T>::new(&b, 1));
        let e = backend
            .lu_factor_solve(sa.view_mut(), &mut ipiv, sb.view_mut())
            .expect_err(&what);
        assert_eq!(
            (e.kind(), e.info()),
            (ErrorKind::Singular, Some(j + 1)),
            "{what}"
        );
        assert_eq!(
            sb.dense().v,
            b.v,
            "{what}: gesv wrote b after a singular factor"
        );
        check_lu::<T>(&a, &sa.dense(), &ipiv, &what);
    }
    let mut zero = Store::<T>::new(&Dense::zeros(4, 6), 0);
    let mut ipiv = vec![9; 4];
    let e = backend
        .lu_factor(zero.view_mut(), &mut ipiv)
        .expect_err("zero matrix");
    assert_eq!((e.kind(), e.info()), (ErrorKind::Singular, Some(1)));
    assert_eq!(ipiv, [0, 1, 2, 3], "pivots of the zero matrix");
    assert!(zero.dense().v.iter().all(|z| *z == Z::new(0.0, 0.0)));
    // NaN in LU: no error is raised for it, and it reaches the factors.
    let mut a = Dense::random::<T>(6, 6, 5);
    a.set(2, 1, Z::new(f64::NAN, 0.0));
    let mut s = Store::<T>::new(&a, 0);
    let mut ipiv = vec![0; 6];
    match backend.lu_factor(s.view_mut(), &mut ipiv) {
        Ok(()) => {}
        Err(e) => assert_eq!(e.kind(), ErrorKind::Singular, "NaN in lu: {e}"),
    }
    assert!(
        s.dense().v.iter().any(|z| z.re.is_nan()),
        "NaN in lu vanished"
    );
    // Cholesky: a diagonal element made negative (or NaN) at column j: the
    // leading minor of order j + 1 fails; the columns before j hold the
    // minor's factor (compared with the unblocked reference), (j, j) the
    // value met.
    for (n, j, nan) in [
        (1, 0, false),
        (6, 3, false),
        (40, 0, false),
        (40, 35, false),
        (70, 40, true),
        (100, 99, false),
    ] {
        for uplo in [Uplo::Lower, Uplo::Upper] {
            let what = format!(
                "{} not-pd cholesky {uplo:?} n {n} col {j} on {}",
                T::DTYPE.name(),
                backend.name()
            );
            let (mut a, _) = hpd::<T>(n, 17 + n as u64);
            a.set(j, j, Z::new(if nan { f64::NAN } else { -1.0 }, 0.0));
            let mut s = store_triangle::<T>(&a, uplo, n + j);
            let e = backend.cholesky(uplo, s.view_mut()).expect_err(&what);
            assert_eq!(
                (e.kind(), e.info()),
                (ErrorKind::NotPositiveDefinite, Some(j + 1)),
                "{what}: {e}"
            );
            s.assert_guards(&what);
            let mut r = store_triangle::<T>(&a, uplo, 0);
            let e = oxpar_core::factor::reference::cholesky(uplo, r.view_mut()).expect_err(&what);
            assert_eq!(e.info(), Some(j + 1), "{what}: the reference");
            let (got, want) = (s.dense(), r.dense());
            let lower = |d: &Dense, i: usize, k: usize| {
                if uplo == Uplo::Lower {
                    d.at(i, k)
                } else {
                    d.at(k, i).conj()
                }
            };
            let tol = 64.0 * n as f64 * eps::<T>() * a.norm1();
            // Only the leading minor's factor is defined (LAPACK's recursive
            // potrf2 returns before updating the rows below a failed block).
            for k in 0..=j {
                for i in k..=j {
                    let (g, w) = (lower(&got, i, k), lower(&want, i, k));
                    let ok = (g.re.is_nan() && w.re.is_nan()) || (g - w).norm() <= tol;
                    assert!(ok, "{what}: L({i}, {k}) = {g}, the reference left {w}");
                }
            }
            let d = got.at(j, j);
            assert!(
                nan == d.re.is_nan() && (nan || d.re <= 0.0),
                "{what}: A({j}, {j}) left as {d}"
            );
            let b = Dense::random::<T>(n, 1, 3);
            let (mut sa, mut sb) = (store_triangle::<T>(&a, uplo, 1), Store::<T>::new(&b, 2));
            let e = backend
                .cho_factor_solve(uplo, sa.view_mut(), sb.view_mut())
                .expect_err(&what);
            assert_eq!(e.info(), Some(j + 1), "{what}");
            assert_eq!(
                sb.dense().v,
                b.v,
                "{what}: posv wrote b after a failed factor"
            );
        }
    }
}

/// Argument errors: pivots of the wrong length or out of range, non-square
/// matrices, right-hand sides of the wrong height.
pub fn factor_shape_errors<T: Wide, B: Factor<T> + ?Sized>(backend: &B) {
    let a = Dense::random::<T>(4, 4, 1);
    let mut s = Store::<T>::new(&a, 0);
    let mut b = Store::<T>::new(&Dense::random::<T>(3, 2, 2), 0);
    let kind = |r: oxpar_core::Result<()>| r.expect_err("must fail").kind();
    assert_eq!(
        kind(backend.lu_factor(s.view_mut(), &mut [0; 3])),
        ErrorKind::ShapeMismatch
    );
    let mut wide = Store::<T>::new(&Dense::random::<T>(3, 4, 1), 0);
    assert_eq!(
        kind(backend.cholesky(Uplo::Lower, wide.view_mut())),
        ErrorKind::ShapeMismatch
    );
    let e = backend
        .lu_factor(wide.view_mut(), &mut [0; 4])
        .expect_err("ipiv length");
    assert_eq!(e.kind(), ErrorKind::ShapeMismatch);
    assert!(e.info().is_none());
    let ipiv = [0, 1, 2, 3];
    assert_eq!(
        kind(backend.lu_solve(Trans::No, s.view_mut().as_ref(), &ipiv, b.view_mut())),
        ErrorKind::ShapeMismatch
    );
    let mut b4 = Store::<T>::new(&Dense::random::<T>(4, 2, 2), 0);
    for bad in [[0, 1, 2, 4], [1, 0, 2, 3]] {
        assert_eq!(
            kind(backend.lu_solve(Trans::No, s.view_mut().as_ref(), &bad, b4.view_mut())),
            ErrorKind::InvalidArgument
        );
    }
    assert_eq!(
        kind(backend.cho_solve(Uplo::Upper, s.view_mut().as_ref(), b.view_mut())),
        ErrorKind::ShapeMismatch
    );
    assert_eq!(
        kind(backend.lu_factor_solve(s.view_mut(), &mut [0; 4], b.view_mut())),
        ErrorKind::ShapeMismatch
    );
    assert_eq!(
        kind(backend.cho_factor_solve(Uplo::Lower, s.view_mut(), b.view_mut())),
        ErrorKind::ShapeMismatch
    );
    assert_eq!(s.dense().v, a.v, "a failed argument check wrote a");
}

/// Expands to one `#[test]` per factorization property and element type
/// (`f32`, `f64`, `c32`, `c64`) against the backend that `$make` builds.
#[macro_export]
macro_rules! factor_suite {
    ($make:expr) => {
        $crate::__factor_tests!($make; lu_factor_solve, cholesky_factor_solve, factor_failures, factor_shape_errors,
            tri_inverse, lu_inverse, cho_inverse, det_slogdet, det_extreme,
            batch_solve, batch_inv_det, batch_cholesky, batch_errors,
            qr_factor, qr_apply_q, qr_lstsq, qr_errors,
            svd_random, svd_hostile, svd_errors, svd_lstsq);
    };
}

#[doc(hidden)]
#[macro_export]
macro_rules! __factor_tests {
    ($make:expr; $($name:ident),*) => {
        $(
            mod $name {
                #[allow(unused_imports)]
                use super::*;
                #[test]
                fn f32() {
                    let backend = $make;
                    $crate::props_factor::$name::<f32, _>(&backend);
                }
                #[test]
                fn f64() {
                    let backend = $make;
                    $crate::props_factor::$name::<f64, _>(&backend);
                }
                #[test]
                fn c32() {
                    let backend = $make;
                    $crate::props_factor::$name::<$crate::props_factor::C32, _>(&backend);
                }
                #[test]
                fn c64() {
                    let backend = $make;
                    $crate::props_factor::$name::<$crate::props_factor::Z, _>(&backend);
                }
            }
        )*
    };
}

/// The single-precision complex type, for the macro.
pub type C32 = Complex<f32>;
