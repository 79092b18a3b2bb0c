//! The conformance properties of the symmetric/Hermitian eigenproblem
//! ([`Eigh`]), for all four element types.
//!
//! Eigenvectors are not compared with another backend's (their signs, and
//! within a cluster the basis, may differ); every result is checked against
//! what it must satisfy, computed here with naive loops in `Complex<f64>`:
//! LAPACK's `sst01`-style ratios `||A*V - V*diag(w)||_1 / (n*||A||_1*eps)`
//! and `||I - V^H*V||_1 / (n*eps)`, both at most 30; eigenvalues ascending
//! and within `30*n*||A||_1*eps` of the unblocked reference
//! ([`eigh_unblocked`]) and of known spectra. Inputs: orders 0, 1, 2, 3,
//! odd, around the back-transformation's block size [`EIGH_NB`], both
//! triangles (the other one holding NaN, which must not be read), every
//! storage layout of the LU suite and a transposed view; hostile matrices
//! (zero, diagonal, already tridiagonal, clustered and repeated
//! eigenvalues, graded, scaled near the overflow and underflow
//! thresholds); NaN and Inf in the referenced triangle (an argument error
//! that leaves `a` and `w` untouched); shape errors; batches, with a
//! failing system in the middle.
#![allow(
    clippy::needless_range_loop,
    reason = "(i, j) index math mirrors the LAPACK definitions"
)]

use crate::props_factor::{eps, scaled, Dense, Store, Wide, LAYOUTS, THRESHOLD, Z};
use oxpar_core::factor_eigh::{eigh_unblocked, EIGH_NB};
use oxpar_core::{BatchMut, Eigh, Element, ErrorKind, MatMut, Scalar, Trans, Uplo};

/// The orders of [`eigh_random`]: 0 to 8, around [`EIGH_NB`] and past it
/// (the blocked reduction takes panels of [`EIGH_NB`] while more than twice
/// that many columns remain).
pub const SIZES: [usize; 13] = [
    0,
    1,
    2,
    3,
    5,
    8,
    EIGH_NB - 1,
    EIGH_NB,
    EIGH_NB + 1,
    2 * EIGH_NB,
    2 * EIGH_NB + 1,
    70,
    3 * EIGH_NB + 5,
];

/// A random Hermitian matrix (real symmetric for real types).
fn hermitian<T: Element>(n: usize, seed: u64) -> Dense {
    let r = Dense::random::<T>(n, n, seed);
    let mut a = Dense::zeros(n, n);
    for j in 0..n {
        for i in 0..n {
            let z = if i >= j {
                r.at(i, j)
            } else {
                r.at(j, i).conj()
            };
            a.set(i, j, if i == j { Z::new(z.re, 0.0) } else { z });
        }
    }
    a
}

/// `a` with the triangle opposite to `uplo` (strictly) replaced by NaN.
fn poison(a: &Dense, uplo: Uplo) -> Dense {
    let mut p = a.clone();
    for j in 0..a.n {
        for i in 0..a.m {
            let other = match uplo {
                Uplo::Lower => i < j,
                Uplo::Upper => i > j,
            };
            if other {
                p.set(i, j, Z::new(f64::NAN, f64::NAN));
            }
        }
    }
    p
}

fn diag(w: &[f64]) -> Dense {
    let mut d = Dense::zeros(w.len(), w.len());
    for (i, &x) in w.iter().enumerate() {
        d.set(i, i, Z::new(x, 0.0));
    }
    d
}

/// Checks ascending order and the two LAPACK ratios for `A V = V diag(w)`.
fn check_decomposition<T: Element>(a: &Dense, w: &[f64], v: &Dense, what: &str) {
    let n = a.n;
    assert!(
        w.windows(2).all(|p| p[0] <= p[1]),
        "{what}: w not ascending: {w:?}"
    );
    let resid = a.mul(v).minus(&v.mul(&diag(w))).norm1();
    let r = scaled(resid, n, a.norm1(), eps::<T>());
    assert!(r <= THRESHOLD, "{what}: ||A V - V W|| ratio {r}");
    let mut id = Dense::zeros(n, n);
    for i in 0..n {
        id.set(i, i, Z::new(1.0, 0.0));
    }
    let o = v.op(Trans::ConjYes).mul(v).minus(&id).norm1();
    let r = scaled(o, n, 1.0, eps::<T>());
    assert!(r <= THRESHOLD, "{what}: ||I - V^H V|| ratio {r}");
}

/// Eigenvalues within `30 * n * ||A||_1 * eps` of `want` (ascending).
fn check_values<T: Element>(w: &[f64], want: &[f64], norm: f64, what: &str) {
    assert_eq!(w.len(), want.len(), "{what}");
    let tol = THRESHOLD * w.len().max(1) as f64 * norm.max(f64::MIN_POSITIVE) * eps::<T>();
    for (k, (x, y)) in w.iter().zip(want).enumerate() {
        assert!(
            (x - y).abs() <= tol,
            "{what}: w[{k}] = {x}, want {y} (tol {tol})"
        );
    }
}

fn widen<R: Scalar>(w: &[R]) -> Vec<f64> {
    w.iter().map(|x| x.as_f64()).collect()
}

/// Runs `eigh` on `a` (its `uplo` triangle, the other one NaN) in
/// `layout`, with and without vectors; checks guards, the ratios and the
/// values against the unblocked reference; returns the eigenvalues.
fn run_and_check<T: Wide, B: Eigh<T> + ?Sized>(
    backend: &B,
    a: &Dense,
    uplo: Uplo,
    layout: usize,
    what: &str,
) -> Vec<f64> {
    let n = a.n;
    let input = poison(a, uplo);
    let mut s = Store::<T>::new(&input, layout);
    let mut w = vec![T::Real::from_f64(0.0); n];
    backend
        .eigh(uplo, s.view_mut(), &mut w, true)
        .unwrap_or_else(|e| panic!("{what}: eigh: {e}"));
    s.assert_guards(what);
    let w = widen(&w);
    check_decomposition::<T>(a, &w, &s.dense(), what);
    // Values only, and the unblocked reference.
    let mut s = Store::<T>::new(&input, layout);
    let mut w2 = vec![T::Real::from_f64(0.0); n];
    backend
        .eigh(uplo, s.view_mut(), &mut w2, false)
        .unwrap_or_else(|e| panic!("{what}: eigh (values): {e}"));
    s.assert_guards(what);
    check_values::<T>(&widen(&w2), &w, a.norm1(), &format!("{what}: values only"));
    let mut s = Store::<T>::new(&input, layout);
    let mut w3 = vec![T::Real::from_f64(0.0); n];
    eigh_unblocked(uplo, s.view_mut(), &mut w3, true)
        .unwrap_or_else(|e| panic!("{what}: eigh_unblocked: {e}"));
    check_values::<T>(&widen(&w3), &w, a.norm1(), &format!("{what}: vs unblocked"));
    w
}

/// Random matrices of every order in [`SIZES`], both triangles, every
/// layout, and a transposed view.
pub fn eigh_random<T: Wide, B: Eigh<T> + ?Sized>(backend: &B) {
    for (s, &n) in SIZES.iter().enumerate() {
        let a = hermitian::<T>(n, 300 + s as u64);
        for uplo in [Uplo::Lower, Uplo::Upper] {
            // The large orders in two layouts only (the naive checks are cubic).
            let layouts: Vec<usize> = if n > 40 {
                vec![s % LAYOUTS, (s + 1) % LAYOUTS]
            } else {
                (0..LAYOUTS).collect()
            };
            for layout in layouts {
                let what = format!("{} n={n} {uplo:?} layout {layout}", T::DTYPE.name());
                run_and_check(backend, &a, uplo, layout, &what);
            }
        }
        // A transposed view: storage holds A^T, the view is A.
        let uplo = if s % 2 == 0 { Uplo::Lower } else { Uplo::Upper };
        let mut st = Store::<T>::new(&poison(&a, uplo).op(Trans::Yes), s % LAYOUTS);
        let mut w = vec![T::Real::from_f64(0.0); n];
        backend
            .eigh(uplo, st.view_mut().t_mut(), &mut w, true)
            .unwrap_or_else(|e| panic!("n={n} transposed view: {e}"));
        st.assert_guards("transposed view");
        let v = st.dense().op(Trans::Yes);
        check_decomposition::<T>(&a, &widen(&w), &v, &format!("n={n} transposed view"));
    }
}

/// `Q * diag(d) * Q^H` with `Q` a random Householder reflector.
fn with_spectrum<T: Element>(d: &[f64], seed: u64) -> Dense {
    let n = d.len();
    let u = Dense::random::<T>(n, 1, seed);
    let uu: f64 = u.v.iter().map(|z| z.norm_sqr()).sum();
    let mut q = Dense::zeros(n, n);
    for j in 0..n {
        for i in 0..n {
            let id = if i == j { 1.0 } else { 0.0 };
            q.set(
                i,
                j,
                Z::new(id, 0.0) - u.at(i, 0) * u.at(j, 0).conj() * (2.0 / uu),
            );
        }
    }
    let mut a = q.mul(&diag(d)).mul(&q.op(Trans::ConjYes));
    // Exactly Hermitian.
    for j in 0..n {
        for i in j..n {
            let z = if i == j {
                Z::new(a.at(i, i).re, 0.0)
            } else {
                a.at(i, j)
            };
            a.set(i, j, z);
            a.set(j, i, z.conj());
        }
    }
    a
}

fn rounded<T: Wide>(a: &Dense) -> Dense {
    Dense {
        m: a.m,
        n: a.n,
        v: a.v.iter().map(|&z| T::from_z(z).to_z()).collect(),
    }
}

/// Hostile matrices: zero, diagonal, tridiagonal (1-2-1), clustered and
/// repeated eigenvalues, graded, and scaled near overflow and underflow.
pub fn eigh_hostile<T: Wide, B: Eigh<T> + ?Sized>(backend: &B) {
    let name = T::DTYPE.name();
    for (k, &n) in [1usize, 2, 4, 17, 40].iter().enumerate() {
        let uplo = if k % 2 == 0 { Uplo::Lower } else { Uplo::Upper };
        let layout = k % LAYOUTS;
        // Zero.
        let w = run_and_check(
            backend,
            &Dense::zeros(n, n),
            uplo,
            layout,
            &format!("{name} zero {n}"),
        );
        assert!(w.iter().all(|&x| x == 0.0), "{name} zero {n}: {w:?}");
        // Diagonal, unsorted.
        let d: Vec<f64> = (0..n)
            .map(|i| ((i * 7) % n) as f64 - n as f64 / 3.0)
            .collect();
        let w = run_and_check(
            backend,
            &diag(&d),
            uplo,
            layout,
            &format!("{name} diagonal {n}"),
        );
        let mut sorted = d.clone();
        sorted.sort_by(f64::total_cmp);
        check_values::<T>(
            &w,
            &sorted,
            diag(&d).norm1(),
            &format!("{name} diagonal {n}"),
        );
        // 1-2-1 tridiagonal.
        let mut t = Dense::zeros(n, n);
        for i in 0..n {
            t.set(i, i, Z::new(2.0, 0.0));
            if i + 1 < n {
                t.set(i + 1, i, Z::new(-1.0, 0.0));
                t.set(i, i + 1, Z::new(-1.0, 0.0));
            }
        }
        let w = run_and_check(backend, &t, uplo, layout, &format!("{name} 1-2-1 {n}"));
        let want: Vec<f64> = (1..=n)
            .map(|j| 2.0 - 2.0 * (j as f64 * std::f64::consts::PI / (n + 1) as f64).cos())
            .collect();
        check_values::<T>(&w, &want, 4.0, &format!("{name} 1-2-1 {n}"));
        // Clustered and repeated eigenvalues.
        let d: Vec<f64> = (0..n)
            .map(|i| match i % 3 {
                0 => 1.0,
                1 => 1.0 + 1e-7 * i as f64,
                _ => -2.0,
            })
            .collect();
        let a = rounded::<T>(&with_spectrum::<T>(&d, 40 + k as u64));
        let w = run_and_check(backend, &a, uplo, layout, &format!("{name} clustered {n}"));
        let mut sorted = d.clone();
        sorted.sort_by(f64::total_cmp);
        check_values::<T>(&w, &sorted, a.norm1(), &format!("{name} clustered {n}"));
        // Graded: a_ij * 2^-(i+j).
        let mut g = hermitian::<T>(n, 50 + k as u64);
        for j in 0..n {
            for i in 0..n {
                let z = g.at(i, j) * 2f64.powi(-((i + j) as i32));
                g.set(i, j, z);
            }
        }
        run_and_check(backend, &g, uplo, layout, &format!("{name} graded {n}"));
        // Near overflow and underflow: powers of two, so scaling is exact.
        let base = hermitian::<T>(n, 60 + k as u64);
        let w1 = run_and_check(backend, &base, uplo, layout, &format!("{name} base {n}"));
        let big = if T::DTYPE.real() == oxpar_core::DType::F64 {
            996
        } else {
            120
        };
        for p in [big, -big] {
            let s = 2f64.powi(p);
            let scaled_a = Dense {
                m: n,
                n,
                v: base.v.iter().map(|z| z * s).collect(),
            };
            let what = format!("{name} scaled 2^{p} {n}");
            let mut st = Store::<T>::new(&scaled_a, layout);
            let mut w = vec![T::Real::from_f64(0.0); n];
            backend
                .eigh(uplo, st.view_mut(), &mut w, true)
                .unwrap_or_else(|e| panic!("{what}: {e}"));
            let w: Vec<f64> = widen(&w).iter().map(|x| x / s).collect();
            assert!(w.iter().all(|x| x.is_finite()), "{what}: {w:?}");
            check_decomposition::<T>(&base, &w, &st.dense(), &what);
            check_values::<T>(&w, &w1, base.norm1(), &what);
        }
    }
}

/// NaN and Inf in the referenced triangle: an argument error, `a` and `w`
/// untouched; shape errors.
pub fn eigh_errors<T: Wide, B: Eigh<T> + ?Sized>(backend: &B) {
    for bad in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
        for uplo in [Uplo::Lower, Uplo::Upper] {
            for (i, j) in [(0, 0), (2, 1), (1, 2)] {
                let mut a = hermitian::<T>(4, 7);
                a.set(i, j, Z::new(bad, 0.0));
                let referenced = match uplo {
                    Uplo::Lower => i >= j,
                    Uplo::Upper => i <= j,
                };
                let mut s = Store::<T>::new(&a, 1);
                let mut w = vec![T::Real::from_f64(5.0); 4];
                let r = backend.eigh(uplo, s.view_mut(), &mut w, true);
                if referenced {
                    let e = r.expect_err("NaN/Inf accepted");
                    assert_eq!(e.kind(), ErrorKind::InvalidArgument, "{e}");
                    assert!(e.message().contains("NaN or Inf"), "{e}");
                    assert!(w.iter().all(|x| x.as_f64() == 5.0), "w written");
                    let d = s.dense();
                    for (x, y) in d.v.iter().zip(&a.v) {
                        assert!(x == y || (x.is_nan() && y.is_nan()), "a written");
                    }
                } else {
                    r.unwrap_or_else(|e| panic!("the unreferenced triangle was read: {e}"));
                }
            }
        }
    }
    let kind = |r: oxpar_core::Result<()>| r.expect_err("accepted").kind();
    let mut buf = vec![T::ZERO; 12];
    let mut w = vec![T::Real::from_f64(0.0); 3];
    let a = MatMut::col_major(&mut buf, 3, 4, 3).unwrap();
    assert_eq!(
        kind(backend.eigh(Uplo::Lower, a, &mut w, true)),
        ErrorKind::ShapeMismatch
    );
    let a = MatMut::col_major(&mut buf, 3, 3, 3).unwrap();
    let mut w2 = vec![T::Real::from_f64(0.0); 2];
    assert_eq!(
        kind(backend.eigh(Uplo::Lower, a, &mut w2, true)),
        ErrorKind::ShapeMismatch
    );
    let b = BatchMut::row_major(&mut buf, 3, 2, 2).unwrap();
    let mut w5 = vec![T::Real::from_f64(0.0); 5];
    assert_eq!(
        kind(backend.eigh_batch(Uplo::Lower, b, &mut w5, false)),
        ErrorKind::ShapeMismatch
    );
}

/// Batches (C- and Fortran-order stacks, small and large enough to run in
/// parallel) against [`Eigh::eigh`] on each system; a system with NaN in
/// the middle is reported by index and the others are computed.
pub fn eigh_batch<T: Wide, B: Eigh<T> + ?Sized>(backend: &B) {
    for &(count, n) in &[
        (0usize, 3usize),
        (3, 0),
        (1, 1),
        (5, 2),
        (7, 5),
        (300, 4),
        (40, 9),
    ] {
        for (c, &(row_major, vectors)) in [(true, true), (false, false), (false, true)]
            .iter()
            .enumerate()
        {
            let uplo = if c % 2 == 0 { Uplo::Lower } else { Uplo::Upper };
            let what = format!(
                "{} batch {count}x{n} row_major {row_major} vectors {vectors}",
                T::DTYPE.name()
            );
            let mats: Vec<Dense> = (0..count)
                .map(|k| hermitian::<T>(n, 900 + k as u64))
                .collect();
            let mut buf = vec![T::ZERO; count * n * n];
            for (k, a) in mats.iter().enumerate() {
                for j in 0..n {
                    for i in 0..n {
                        let idx = if row_major { i * n + j } else { i + j * n };
                        buf[k * n * n + idx] = T::from_z(a.at(i, j));
                    }
                }
            }
            let mut w = vec![T::Real::from_f64(0.0); count * n];
            let batch = if row_major {
                BatchMut::row_major(&mut buf, count, n, n)
            } else {
                BatchMut::col_major(&mut buf, count, n, n)
            }
            .unwrap();
            backend
                .eigh_batch(uplo, batch, &mut w, vectors)
                .unwrap_or_else(|e| panic!("{what}: {e}"));
            for (k, a) in mats.iter().enumerate() {
                let wk = widen(&w[k * n..(k + 1) * n]);
                let mut single = Store::<T>::new(a, 0);
                let mut ws = vec![T::Real::from_f64(0.0); n];
                backend
                    .eigh(uplo, single.view_mut(), &mut ws, false)
                    .unwrap();
                check_values::<T>(&wk, &widen(&ws), a.norm1(), &format!("{what} system {k}"));
                if vectors {
                    let mut v = Dense::zeros(n, n);
                    for j in 0..n {
                        for i in 0..n {
                            let idx = if row_major { i * n + j } else { i + j * n };
                            v.set(i, j, buf[k * n * n + idx].to_z());
                        }
                    }
                    check_decomposition::<T>(a, &wk, &v, &format!("{what} system {k}"));
                }
            }
        }
    }
    // A failing system: NaN in system 2 of 6 (and 4); the others are solved.
    let n = 3;
    let mut mats: Vec<Dense> = (0..6).map(|k| hermitian::<T>(n, 950 + k)).collect();
    mats[2].set(1, 1, Z::new(f64::NAN, 0.0));
    mats[4].set(2, 0, Z::new(f64::INFINITY, 0.0));
    let mut buf: Vec<T> = mats
        .iter()
        .flat_map(|a| a.v.iter().map(|&z| T::from_z(z)))
        .collect();
    let mut w = vec![T::Real::from_f64(0.0); 6 * n];
    let e = backend
        .eigh_batch(
            Uplo::Lower,
            BatchMut::col_major(&mut buf, 6, n, n).unwrap(),
            &mut w,
            true,
        )
        .expect_err("NaN accepted");
    assert_eq!(e.kind(), ErrorKind::InvalidArgument, "{e}");
    assert_eq!(e.batch_index(), Some(2), "{e}");
    for k in [0usize, 1, 3, 5] {
        let mut v = Dense::zeros(n, n);
        for (i, x) in buf[k * n * n..(k + 1) * n * n].iter().enumerate() {
            v.v[i] = x.to_z();
        }
        check_decomposition::<T>(
            &mats[k],
            &widen(&w[k * n..(k + 1) * n]),
            &v,
            &format!("batch failure: system {k}"),
        );
    }
}

/// Expands to one `#[test]` per eigenproblem property and element type
/// against the backend that `$make` builds.
#[macro_export]
macro_rules! eigh_suite {
    ($make:expr) => {
        $crate::__eigh_tests!($make; eigh_random, eigh_hostile, eigh_errors, eigh_batch);
    };
}

#[doc(hidden)]
#[macro_export]
macro_rules! __eigh_tests {
    ($make:expr; $($name:ident),*) => {
        $(
            mod $name {
                #[allow(unused_imports)]
                use super::*;
                #[test]
                fn f32() {
                    let backend = $make;
                    $crate::props_eigh::$name::<f32, _>(&backend);
                }
                #[test]
                fn f64() {
                    let backend = $make;
                    $crate::props_eigh::$name::<f64, _>(&backend);
                }
                #[test]
                fn c32() {
                    let backend = $make;
                    $crate::props_eigh::$name::<$crate::props_factor::C32, _>(&backend);
                }
                #[test]
                fn c64() {
                    let backend = $make;
                    $crate::props_eigh::$name::<$crate::props_factor::Z, _>(&backend);
                }
            }
        )*
    };
}
