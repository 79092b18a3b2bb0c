//! The conformance properties of the inverses and determinants
//! ([`Factor::tri_inverse`], [`Factor::lu_inverse`], [`Factor::inv`],
//! [`Factor::cho_inverse`], [`Factor::det`], [`Factor::slogdet`]).
//!
//! Every inverse `X` of `A` is checked with LAPACK's own test ratio
//! `||A*X - I||_1 / (n * ||A||_1 * ||X||_1 * eps) <= 30`, computed in
//! `Complex<f64>` with naive loops; the untouched triangle, the unit
//! diagonal and the storage outside the views must keep their values.
//! Determinants are compared with the permutation expansion (orders up to
//! 5) or an elimination in `Complex<f64>`, within `30 * n^2 * eps` times
//! Hadamard's bound; `slogdet` is checked where `det` over- and underflows
//! through exact power-of-two scalings (`log|det(2^k A)| = log|det A| + n k
//! log 2`).
#![allow(
    clippy::needless_range_loop,
    reason = "(i, j) index math mirrors the LAPACK definitions"
)]

use oxpar_core::{Diag, Element, ErrorKind, Factor, Scalar, Uplo};

use crate::props_factor::{
    eps, hpd, scaled, store_triangle, Dense, Store, Wide, LAYOUTS, OTHER, THRESHOLD, Z,
};

/// `||A*X - I||_1 / (n ||A|| ||X|| eps)`, LAPACK's inverse test ratio.
pub(crate) fn inverse_ratio<T: Element>(a: &Dense, x: &Dense) -> f64 {
    let n = a.n;
    let mut r = a.mul(x);
    for i in 0..n {
        r.set(i, i, r.at(i, i) - Z::new(1.0, 0.0));
    }
    scaled(r.norm1(), n, a.norm1() * x.norm1(), eps::<T>())
}

/// The determinant in `Complex<f64>`: the permutation expansion for tiny
/// orders, Gaussian elimination with partial pivoting otherwise.
pub(crate) fn reference_det(a: &Dense) -> Z {
    let n = a.n;
    if n <= 5 {
        let mut perm: Vec<usize> = (0..n).collect();
        let mut total = Z::new(0.0, 0.0);
        permutations(&mut perm, 0, &mut |p| {
            let inversions = (0..n)
                .flat_map(|i| (i + 1..n).map(move |j| (i, j)))
                .filter(|&(i, j)| p[i] > p[j])
                .count();
            let term = (0..n).fold(Z::new(1.0, 0.0), |acc, i| acc * a.at(i, p[i]));
            total += if inversions % 2 == 0 { term } else { -term };
        });
        return total;
    }
    let mut w = a.clone();
    let mut det = Z::new(1.0, 0.0);
    for k in 0..n {
        let p = (k..n)
            .max_by(|&i, &j| w.at(i, k).norm().total_cmp(&w.at(j, k).norm()))
            .unwrap_or(k);
        if p != k {
            det = -det;
            for j in 0..n {
                let t = w.at(k, j);
                w.set(k, j, w.at(p, j));
                w.set(p, j, t);
            }
        }
        let d = w.at(k, k);
        det *= d;
        if d == Z::new(0.0, 0.0) {
            return Z::new(0.0, 0.0);
        }
        for i in k + 1..n {
            let l = w.at(i, k) / d;
            for j in k..n {
                w.set(i, j, w.at(i, j) - l * w.at(k, j));
            }
        }
    }
    det
}

fn permutations(p: &mut Vec<usize>, k: usize, f: &mut impl FnMut(&[usize])) {
    if k == p.len() {
        f(p);
        return;
    }
    for i in k..p.len() {
        p.swap(k, i);
        permutations(p, k + 1, f);
        p.swap(k, i);
    }
}

/// Hadamard's bound: the product of the columns' 2-norms (at least `|det|`).
pub(crate) fn hadamard(a: &Dense) -> f64 {
    (0..a.n)
        .map(|j| (0..a.m).map(|i| a.at(i, j).norm_sqr()).sum::<f64>().sqrt())
        .product()
}

/// Checks a computed determinant against the reference.
pub(crate) fn check_det<T: Element>(a: &Dense, det: Z, what: &str) {
    let want = reference_det(a);
    let n = a.n.max(1) as f64;
    let tol = THRESHOLD * n * n * eps::<T>() * hadamard(a).max(f64::MIN_POSITIVE);
    assert!(
        (det - want).norm() <= tol,
        "{what}: det {det}, expected {want} (tolerance {tol})"
    );
}

/// A triangular test matrix: diagonal `2 + v` (well away from zero), the
/// rest of the triangle scaled by `1/sqrt(n)`, [`OTHER`] elsewhere (and on
/// the diagonal for a unit triangle, which must not be read).
fn triangle<T: Element>(n: usize, uplo: Uplo, diag: Diag, seed: u64) -> (Dense, Dense) {
    let r = Dense::random::<T>(n, n, seed);
    let (mut t, mut stored) = (Dense::zeros(n, n), Dense::zeros(n, n));
    let s = 1.0 / (n.max(1) as f64).sqrt();
    for j in 0..n {
        for i in 0..n {
            let v = if i == j {
                match diag {
                    Diag::NonUnit => r.at(i, j) + Z::new(2.0, 0.0),
                    Diag::Unit => Z::new(1.0, 0.0),
                }
            } else if uplo.holds(i, j) {
                r.at(i, j) * s
            } else {
                Z::new(0.0, 0.0)
            };
            t.set(i, j, v);
            let unread = !uplo.holds(i, j) || (i == j && diag == Diag::Unit);
            stored.set(i, j, if unread { OTHER } else { v });
        }
    }
    (t, stored)
}

/// `tri_inverse` for both triangles, both diagonals, orders around the
/// leaf (16) and past it, every layout; a zero on the diagonal.
pub fn tri_inverse<T: Wide, B: Factor<T> + ?Sized>(backend: &B) {
    let other = T::from_z(OTHER).to_z();
    let mut case = 0;
    for n in [0, 1, 2, 5, 16, 17, 33, 70] {
        for uplo in [Uplo::Lower, Uplo::Upper] {
            for diag in [Diag::NonUnit, Diag::Unit] {
                case += 1;
                let what = format!(
                    "tri_inverse {uplo:?} {diag:?} n={n} layout {}",
                    case % LAYOUTS
                );
                let (t, stored) = triangle::<T>(n, uplo, diag, 40 + case as u64);
                let mut s = Store::<T>::new(&stored, case);
                backend
                    .tri_inverse(uplo, diag, s.view_mut())
                    .unwrap_or_else(|e| panic!("{what}: {e}"));
                s.assert_guards(&what);
                let f = s.dense();
                let mut x = Dense::zeros(n, n);
                for j in 0..n {
                    for i in 0..n {
                        if !uplo.holds(i, j) || (i == j && diag == Diag::Unit) {
                            assert_eq!(f.at(i, j), other, "{what}: ({i}, {j}) written");
                        }
                        if uplo.holds(i, j) {
                            x.set(i, j, f.at(i, j));
                        }
                    }
                    if diag == Diag::Unit {
                        x.set(j, j, Z::new(1.0, 0.0));
                    }
                }
                let r = inverse_ratio::<T>(&t, &x);
                assert!(r <= THRESHOLD, "{what}: ||T*X - I|| ratio {r}");
            }
        }
    }
    // A zero on the diagonal: Singular, its column plus one, untouched.
    for uplo in [Uplo::Lower, Uplo::Upper] {
        let (_, mut stored) = triangle::<T>(6, uplo, Diag::NonUnit, 7);
        stored.set(3, 3, Z::new(0.0, 0.0));
        let mut s = Store::<T>::new(&stored, 0);
        let before = s.dense();
        let e = backend
            .tri_inverse(uplo, Diag::NonUnit, s.view_mut())
            .expect_err("zero diagonal");
        assert_eq!((e.kind(), e.info()), (ErrorKind::Singular, Some(4)), "{e}");
        assert_eq!(s.dense().v, before.v, "a singular triangle was written");
        // The same triangle with a unit diagonal has an inverse.
        backend
            .tri_inverse(uplo, Diag::Unit, s.view_mut())
            .expect("unit diagonal is not read");
    }
}

/// `lu_factor` + `lu_inverse`, and `inv`, on random matrices of every
/// layout; singular matrices.
pub fn lu_inverse<T: Wide, B: Factor<T> + ?Sized>(backend: &B) {
    for (case, n) in [0usize, 1, 3, 7, 16, 17, 33, 64, 97]
        .into_iter()
        .enumerate()
    {
        let what = format!("lu_inverse n={n} layout {}", case % LAYOUTS);
        let a = Dense::random::<T>(n, n, 60 + case as u64);
        let mut s = Store::<T>::new(&a, case);
        let mut ipiv = vec![0; n];
        backend.lu_factor(s.view_mut(), &mut ipiv).expect(&what);
        backend
            .lu_inverse(s.view_mut(), &ipiv)
            .unwrap_or_else(|e| panic!("{what}: {e}"));
        s.assert_guards(&what);
        let r = inverse_ratio::<T>(&a, &s.dense());
        assert!(r <= THRESHOLD, "{what}: ||A*X - I|| ratio {r}");

        let what = format!("inv n={n} layout {}", (case + 1) % LAYOUTS);
        let mut s = Store::<T>::new(&a, case + 1);
        backend
            .inv(s.view_mut())
            .unwrap_or_else(|e| panic!("{what}: {e}"));
        s.assert_guards(&what);
        let r = inverse_ratio::<T>(&a, &s.dense());
        assert!(r <= THRESHOLD, "{what}: ||A*X - I|| ratio {r}");
    }
    // Singular: column 2 is zero, so U(2, 2) is zero (info 3).
    let mut a = Dense::random::<T>(5, 5, 3);
    for i in 0..5 {
        a.set(i, 2, Z::new(0.0, 0.0));
    }
    let mut s = Store::<T>::new(&a, 1);
    let e = backend.inv(s.view_mut()).expect_err("singular");
    assert_eq!((e.kind(), e.info()), (ErrorKind::Singular, Some(3)), "{e}");
    // lu_inverse on those factors: refused before anything is written.
    let before = s.dense();
    let mut ipiv = vec![0; 5];
    let mut again = Store::<T>::new(&a, 0);
    let _ = backend.lu_factor(again.view_mut(), &mut ipiv);
    let e = backend
        .lu_inverse(s.view_mut(), &ipiv)
        .expect_err("zero on U's diagonal");
    assert_eq!(e.kind(), ErrorKind::Singular);
    assert_eq!(s.dense().v, before.v, "a singular factor was written");
    let e = backend
        .lu_inverse(s.view_mut(), &[0, 1, 2])
        .expect_err("pivots");
    assert_eq!(e.kind(), ErrorKind::ShapeMismatch);
}

/// `cholesky` + `cho_inverse` for both triangles and every layout: the
/// stored triangle of the inverse, the other triangle untouched.
pub fn cho_inverse<T: Wide, B: Factor<T> + ?Sized>(backend: &B) {
    let other = T::from_z(OTHER).to_z();
    let mut case = 0;
    for n in [0usize, 1, 4, 16, 17, 40, 77] {
        for uplo in [Uplo::Lower, Uplo::Upper] {
            case += 1;
            let what = format!("cho_inverse {uplo:?} n={n} layout {}", case % LAYOUTS);
            let (a, stored) = hpd::<T>(n, 80 + case as u64);
            let mut s = store_triangle::<T>(&stored, uplo, case);
            backend.cholesky(uplo, s.view_mut()).expect(&what);
            backend
                .cho_inverse(uplo, s.view_mut())
                .unwrap_or_else(|e| panic!("{what}: {e}"));
            s.assert_guards(&what);
            let f = s.dense();
            let mut x = Dense::zeros(n, n);
            for j in 0..n {
                for i in 0..n {
                    if uplo.holds(i, j) {
                        x.set(i, j, f.at(i, j));
                        x.set(j, i, f.at(i, j).conj());
                    } else {
                        assert_eq!(f.at(i, j), other, "{what}: ({i}, {j}) written");
                    }
                }
                x.set(j, j, Z::new(f.at(j, j).re, 0.0));
            }
            let r = inverse_ratio::<T>(&a, &x);
            assert!(r <= THRESHOLD, "{what}: ||A*X - I|| ratio {r}");
        }
    }
    let mut z = Dense::zeros(3, 3);
    z.set(0, 0, Z::new(1.0, 0.0));
    z.set(2, 2, Z::new(1.0, 0.0));
    let mut s = Store::<T>::new(&z, 0);
    let e = backend
        .cho_inverse(Uplo::Lower, s.view_mut())
        .expect_err("zero diagonal");
    assert_eq!((e.kind(), e.info()), (ErrorKind::Singular, Some(2)), "{e}");
}

/// `det` and `slogdet` against the permutation expansion and elimination,
/// permutation matrices (exact signs), singular matrices (0 and
/// `(0, -inf)`).
pub fn det_slogdet<T: Wide, B: Factor<T> + ?Sized>(backend: &B) {
    for (case, n) in [0usize, 1, 2, 3, 4, 5, 9, 17, 40].into_iter().enumerate() {
        let what = format!("det n={n} layout {}", case % LAYOUTS);
        let a = Dense::random::<T>(n, n, 100 + case as u64);
        let mut s = Store::<T>::new(&a, case);
        let det = backend.det(s.view_mut()).expect(&what).to_z();
        s.assert_guards(&what);
        check_det::<T>(&a, det, &what);
        let mut s = Store::<T>::new(&a, case + 1);
        let (sign, logabs) = backend.slogdet(s.view_mut()).expect(&what);
        let sign = sign.to_z();
        assert!(
            (sign.norm() - 1.0).abs() <= 4.0 * eps::<T>(),
            "{what}: |sign| = {}",
            sign.norm()
        );
        check_det::<T>(&a, sign * logabs.as_f64().exp(), &format!("slog{what}"));
    }
    // Anti-identities: det = (-1)^(n(n-1)/2), exactly.
    for n in [2usize, 3, 5, 6, 7] {
        let mut p = Dense::zeros(n, n);
        for i in 0..n {
            p.set(i, n - 1 - i, Z::new(1.0, 0.0));
        }
        let want = if (n * (n - 1) / 2) % 2 == 0 {
            1.0
        } else {
            -1.0
        };
        let mut s = Store::<T>::new(&p, n);
        assert_eq!(
            backend.det(s.view_mut()).unwrap().to_z(),
            Z::new(want, 0.0),
            "n={n}"
        );
        let mut s = Store::<T>::new(&p, n);
        let (sign, logabs) = backend.slogdet(s.view_mut()).unwrap();
        assert_eq!(
            (sign.to_z(), logabs.as_f64()),
            (Z::new(want, 0.0), 0.0),
            "n={n}"
        );
    }
    // Singular: 0, and (0, -inf); not an error.
    let mut a = Dense::random::<T>(6, 6, 9);
    for j in 0..6 {
        a.set(4, j, a.at(1, j));
    }
    let mut s = Store::<T>::new(&a, 2);
    // Two equal rows: an exact zero pivot may or may not appear after
    // rounding, so make one certain with a zero column too.
    for i in 0..6 {
        a.set(i, 5, Z::new(0.0, 0.0));
    }
    let mut s2 = Store::<T>::new(&a, 2);
    let _ = backend
        .det(s.view_mut())
        .expect("det of a rank-deficient matrix");
    assert_eq!(backend.det(s2.view_mut()).unwrap(), T::ZERO);
    let mut s2 = Store::<T>::new(&a, 3);
    let (sign, logabs) = backend.slogdet(s2.view_mut()).unwrap();
    assert_eq!(sign, T::ZERO);
    assert!(logabs.as_f64() == f64::NEG_INFINITY, "logabs {logabs}");
    let mut wide = Store::<T>::new(&Dense::random::<T>(3, 4, 1), 0);
    assert_eq!(
        backend.det(wide.view_mut()).unwrap_err().kind(),
        ErrorKind::ShapeMismatch
    );
}

/// `slogdet` where `det` overflows and underflows: `2^k * A` for `k = ±40`
/// (f32) or `±400` (f64) and order 60: `log|det|` must move by exactly
/// `n*k*log 2` up to the rounding of the sum, with the same sign.
pub fn det_extreme<T: Wide, B: Factor<T> + ?Sized>(backend: &B) {
    let n = 60;
    let a = Dense::random::<T>(n, n, 77);
    let big: i32 = if <T::Real as Scalar>::CL_TYPE == "float" {
        40
    } else {
        400
    };
    let mut s = Store::<T>::new(&a, 0);
    let (sign0, log0) = backend.slogdet(s.view_mut()).unwrap();
    let want = reference_det(&a);
    let l = log0.as_f64();
    assert!(
        (l - want.norm().ln()).abs() <= 1e3 * n as f64 * eps::<T>(),
        "log|det| {l}, expected {}",
        want.norm().ln()
    );
    for k in [big, -big] {
        let f = 2f64.powi(k);
        let mut scaled_a = a.clone();
        scaled_a.v.iter_mut().for_each(|z| *z *= f);
        let mut s = Store::<T>::new(&scaled_a, 1);
        let det = backend.det(s.view_mut()).unwrap().to_z();
        // The product over- (Inf or NaN) or underflows (0) on the way.
        let lost = if k > 0 {
            det.norm().is_nan() || det.norm() >= 1e300
        } else {
            det.norm() == 0.0
        };
        assert!(lost, "k={k}: det {det} should over- or underflow");
        let mut s = Store::<T>::new(&scaled_a, 2);
        let (sign, logk) = backend.slogdet(s.view_mut()).unwrap();
        let shift = f64::from(k) * n as f64 * std::f64::consts::LN_2;
        let d = logk.as_f64() - l - shift;
        let tol = 8.0 * n as f64 * eps::<T>() * (l.abs() + shift.abs());
        assert!(logk.as_f64().is_finite(), "k={k}: log|det| {logk}");
        assert!(
            d.abs() <= tol,
            "k={k}: log|det| moved by {}, expected {shift}",
            d + shift
        );
        assert!(
            (sign.to_z() - sign0.to_z()).norm() <= 4.0 * eps::<T>(),
            "k={k}: sign changed"
        );
    }
}
