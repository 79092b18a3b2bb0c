//! The conformance properties of the singular value decomposition and of
//! SVD-based least squares ([`Svd`]), for all four element types.
//!
//! Singular vectors are not compared between backends (signs and the bases
//! of repeated values may differ); every result is checked against what it
//! must satisfy, computed here with naive loops in `Complex<f64>`, with
//! LAPACK's `svdt01`-style ratios below 30: `||A - U S V^H|| / (max(m, n)
//! ||A|| eps)`, `||I - U^H U|| / (m eps)`, `||I - V^H V|| / (n eps)`. The
//! singular values are non-negative and descending, and agree with those of
//! the serial backend and of a naive one-sided Jacobi SVD written here (in
//! wide precision) to `30 max(m, n) eps s_max`. Inputs: sizes 0, 1, odd,
//! tall and wide (with and without the QR step), around 32 and 64, in every
//! storage layout of the LU suite and as transposed views; rank-deficient,
//! graded, clustered and repeated singular values, the zero matrix, and
//! matrices scaled near overflow and underflow. Least squares: rank-deficient
//! over- and under-determined systems, whose rank must come out exactly and
//! whose solution must be the pseudo-inverse solution of the reference.
#![allow(
    clippy::needless_range_loop,
    reason = "(i, j) index math mirrors the LAPACK definitions"
)]

use crate::props_factor::{eps, scaled, Dense, Store, Wide, LAYOUTS, THRESHOLD, Z};
use oxpar_core::{Element, ErrorKind, Factor, Scalar, Serial, Svd, Trans};

/// Which vectors to ask for.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Job {
    None,
    Thin,
    Full,
}

fn identity(n: usize) -> Dense {
    let mut d = Dense::zeros(n, n);
    for i in 0..n {
        d.set(i, i, Z::new(1.0, 0.0));
    }
    d
}

/// The columns of `a` made orthonormal by Gram-Schmidt, twice (`a` has
/// full column rank).
fn orthonormal(mut a: Dense) -> Dense {
    for j in 0..a.n {
        for _ in 0..2 {
            for p in 0..j {
                let mut d = Z::new(0.0, 0.0);
                for i in 0..a.m {
                    d += a.at(i, p).conj() * a.at(i, j);
                }
                for i in 0..a.m {
                    let v = a.at(i, j) - d * a.at(i, p);
                    a.set(i, j, v);
                }
            }
        }
        let nrm = (0..a.m).map(|i| a.at(i, j).norm_sqr()).sum::<f64>().sqrt();
        for i in 0..a.m {
            let v = a.at(i, j) / nrm;
            a.set(i, j, v);
        }
    }
    a
}

/// `Q1 * diag(sigma) * Q2^H` with random orthonormal `Q1` (`m x k`) and
/// `Q2` (`n x k`), `k = sigma.len() <= min(m, n)`.
fn with_values<T: Element>(m: usize, n: usize, sigma: &[f64], seed: u64) -> Dense {
    let k = sigma.len();
    let q1 = orthonormal(Dense::random::<T>(m, k, seed));
    let q2 = orthonormal(Dense::random::<T>(n, k, seed + 1));
    let mut q1s = q1.clone();
    for j in 0..k {
        for i in 0..m {
            q1s.set(i, j, q1.at(i, j) * sigma[j]);
        }
    }
    q1s.mul(&q2.op(Trans::ConjYes))
}

/// A naive one-sided Jacobi SVD (Hestenes) in wide precision: the singular
/// values, descending, and `V` (`n x n`) with `A V = [U S, 0]`.
pub(crate) fn jacobi(a: &Dense) -> (Vec<f64>, Dense) {
    let (m, n) = (a.m, a.n);
    let mut w = a.clone();
    let mut v = identity(n);
    for _sweep in 0..100 {
        let mut rotated = false;
        for p in 0..n {
            for q in p + 1..n {
                let (mut alpha, mut beta, mut gamma) = (0.0, 0.0, Z::new(0.0, 0.0));
                for i in 0..m {
                    alpha += w.at(i, p).norm_sqr();
                    beta += w.at(i, q).norm_sqr();
                    gamma += w.at(i, p).conj() * w.at(i, q);
                }
                let g = gamma.norm();
                if g <= 1e-15 * (alpha * beta).sqrt() || g == 0.0 {
                    continue;
                }
                rotated = true;
                // Rotate (p, q * conj(phase)) by a real Jacobi rotation.
                let phase = gamma / g;
                let zeta = (beta - alpha) / (2.0 * g);
                let t = zeta.signum() / (zeta.abs() + (1.0 + zeta * zeta).sqrt());
                let c = 1.0 / (1.0 + t * t).sqrt();
                let s = c * t;
                for mat in [&mut w, &mut v] {
                    for i in 0..mat.m {
                        let xp = mat.at(i, p);
                        let xq = mat.at(i, q) * phase.conj();
                        mat.set(i, p, xp * c - xq * s);
                        mat.set(i, q, (xp * s + xq * c) * phase);
                    }
                }
            }
        }
        if !rotated {
            break;
        }
    }
    let mut order: Vec<(f64, usize)> = (0..n)
        .map(|j| {
            let nrm = (0..m).map(|i| w.at(i, j).norm_sqr()).sum::<f64>().sqrt();
            (nrm, j)
        })
        .collect();
    order.sort_by(|x, y| y.0.total_cmp(&x.0));
    let mut vs = Dense::zeros(n, n);
    for (jj, &(_, j)) in order.iter().enumerate() {
        for i in 0..n {
            vs.set(i, jj, v.at(i, j));
        }
    }
    let k = m.min(n);
    (order.iter().take(k).map(|x| x.0).collect(), vs)
}

/// The pseudo-inverse solution `X = V_r S_r^-1 U_r^H B` of the reference
/// with `rank` values kept.
fn pinv_solve(a: &Dense, b: &Dense, rank: usize) -> Dense {
    let (s, v) = jacobi(a);
    let av = a.mul(&v);
    let mut x = Dense::zeros(a.n, b.n);
    for r in 0..rank {
        // u_r = A v_r / s_r; X += v_r (u_r^H B) / s_r.
        for j in 0..b.n {
            let mut d = Z::new(0.0, 0.0);
            for i in 0..a.m {
                d += (av.at(i, r) / s[r]).conj() * b.at(i, j);
            }
            let d = d / s[r];
            for i in 0..a.n {
                let val = x.at(i, j) + v.at(i, r) * d;
                x.set(i, j, val);
            }
        }
    }
    x
}

/// The result of one decomposition.
struct Out {
    s: Vec<f64>,
    u: Option<Dense>,
    vt: Option<Dense>,
}

/// Runs the backend's SVD of `a` stored in `layout` (transposed storage
/// when `transposed`), checks the guards, and returns the outputs.
fn run<T: Wide, B: Svd<T> + ?Sized>(
    backend: &B,
    a: &Dense,
    layout: usize,
    transposed: bool,
    job: Job,
    what: &str,
) -> Out {
    let (m, n) = (a.m, a.n);
    let k = m.min(n);
    let at;
    let stored = if transposed {
        at = a.op(Trans::Yes);
        &at
    } else {
        a
    };
    let mut fa = Store::<T>::new(stored, layout);
    let (pu, pv) = match job {
        Job::None => (0, 0),
        Job::Thin => (k, k),
        Job::Full => (m, n),
    };
    let mut us = Store::<T>::new(&Dense::zeros(m, pu), layout + 1);
    let mut vs = Store::<T>::new(&Dense::zeros(pv, n), layout + 2);
    let mut s = vec![<T::Real as Scalar>::from_f64(-1.0); k];
    {
        let av = if transposed {
            fa.view_mut().t_mut()
        } else {
            fa.view_mut()
        };
        let (u, vt) = if job == Job::None {
            (None, None)
        } else {
            (Some(us.view_mut()), Some(vs.view_mut()))
        };
        backend
            .svd(av, &mut s, u, vt)
            .unwrap_or_else(|e| panic!("{what}: svd: {e}"));
    }
    fa.assert_guards(what);
    us.assert_guards(what);
    vs.assert_guards(what);
    let s: Vec<f64> = s.iter().map(|x| x.as_f64()).collect();
    if job == Job::None {
        Out {
            s,
            u: None,
            vt: None,
        }
    } else {
        Out {
            s,
            u: Some(us.dense()),
            vt: Some(vs.dense()),
        }
    }
}

/// Checks one decomposition of `a` against LAPACK's ratios and the
/// reference values `want`; returns the values.
fn check<T: Wide>(a: &Dense, out: &Out, want: Option<&[f64]>, what: &str) {
    let (m, n) = (a.m, a.n);
    let k = m.min(n);
    let e = eps::<T>();
    let s = &out.s;
    assert_eq!(s.len(), k);
    for i in 0..k {
        assert!(s[i] >= 0.0 && s[i].is_finite(), "{what}: s[{i}] = {}", s[i]);
        if i > 0 {
            assert!(s[i] <= s[i - 1], "{what}: s not descending at {i}: {s:?}");
        }
    }
    let smax = s.first().copied().unwrap_or(0.0);
    if let Some(want) = want {
        for i in 0..k {
            let d = (s[i] - want[i]).abs();
            assert!(
                d <= THRESHOLD * m.max(n) as f64 * e * smax.max(want[0]),
                "{what}: s[{i}] = {} but the reference has {} (difference {d})",
                s[i],
                want[i]
            );
        }
    }
    if let (Some(u), Some(vt)) = (&out.u, &out.vt) {
        let r = scaled(
            u.op(Trans::ConjYes).mul(u).minus(&identity(u.n)).norm1(),
            m,
            1.0,
            e,
        );
        assert!(r <= THRESHOLD, "{what}: ||I - U^H U|| ratio {r}");
        let r = scaled(
            vt.mul(&vt.op(Trans::ConjYes))
                .minus(&identity(vt.m))
                .norm1(),
            n,
            1.0,
            e,
        );
        assert!(r <= THRESHOLD, "{what}: ||I - V^H V|| ratio {r}");
        let mut us = Dense::zeros(m, k);
        for j in 0..k {
            for i in 0..m {
                us.set(i, j, u.at(i, j) * s[j]);
            }
        }
        let mut vk = Dense::zeros(k, n);
        for j in 0..n {
            for i in 0..k {
                vk.set(i, j, vt.at(i, j));
            }
        }
        let r = scaled(a.minus(&us.mul(&vk)).norm1(), m.max(n), a.norm1(), e);
        assert!(r <= THRESHOLD, "{what}: ||A - U S V^H|| ratio {r}");
    }
}

/// Runs every job on `a` (layout `layout`) and checks each, with the
/// serial backend's values and the Jacobi reference (`jacobi` for small
/// sizes) as references.
fn check_all<T: Wide, B: Svd<T> + ?Sized>(
    backend: &B,
    a: &Dense,
    layout: usize,
    transposed: bool,
    with_jacobi: bool,
    what: &str,
) {
    let serial = run::<T, _>(&Serial, a, 0, false, Job::None, &format!("{what} serial"));
    let reference = if with_jacobi { Some(jacobi(a).0) } else { None };
    for job in [Job::None, Job::Thin, Job::Full] {
        let what = format!("{what} {job:?}");
        let out = run(backend, a, layout, transposed, job, &what);
        check::<T>(a, &out, Some(&serial.s), &format!("{what} (vs serial)"));
        if let Some(r) = &reference {
            check::<T>(a, &out, Some(r), &format!("{what} (vs Jacobi)"));
        }
    }
}

const SHAPES: [(usize, usize); 22] = [
    (0, 0),
    (0, 3),
    (3, 0),
    (1, 1),
    (1, 4),
    (4, 1),
    (2, 2),
    (5, 3),
    (3, 5),
    (7, 7),
    (9, 6),
    (6, 9),
    (31, 31),
    (32, 32),
    (33, 33),
    (33, 20),
    (20, 33),
    (40, 39),
    (64, 64),
    (65, 65),
    (70, 33),
    (33, 70),
];

/// Random matrices of every shape, in every layout (sizes up to 40) or one
/// (larger), and as transposed views; values against the serial backend
/// and the Jacobi reference.
pub fn svd_random<T: Wide, B: Factor<T> + ?Sized>(backend: &B) {
    for (s, &(m, n)) in SHAPES.iter().enumerate() {
        let a = Dense::random::<T>(m, n, 7000 + s as u64);
        let small = m.max(n) <= 40;
        let layouts: Vec<usize> = if small {
            (0..LAYOUTS).collect()
        } else {
            vec![s % LAYOUTS]
        };
        for &layout in &layouts {
            let what = format!("{} {m}x{n} layout {layout}", T::DTYPE.name());
            check_all(backend, &a, layout, false, small && layout == 0, &what);
        }
        let what = format!("{} {m}x{n} transposed view", T::DTYPE.name());
        check_all(backend, &a, s % LAYOUTS, true, false, &what);
    }
}

/// Hostile matrices: rank-deficient, graded, clustered and repeated
/// singular values, zero, and scaled near overflow and underflow.
pub fn svd_hostile<T: Wide, B: Factor<T> + ?Sized>(backend: &B) {
    let name = T::DTYPE.name();
    let mut cases: Vec<(String, Dense)> = Vec::new();
    for &(m, n, r) in &[(8, 6, 3), (6, 8, 2), (12, 12, 5), (40, 20, 7)] {
        let x = Dense::random::<T>(m, r, 8000 + m as u64);
        let y = Dense::random::<T>(r, n, 8100 + n as u64);
        cases.push((format!("rank {r} {m}x{n}"), x.mul(&y)));
    }
    // Graded: rows and columns scaled over many orders of magnitude.
    for &(m, n) in &[(10, 10), (14, 9), (9, 14)] {
        let mut a = Dense::random::<T>(m, n, 8200 + m as u64);
        for j in 0..n {
            for i in 0..m {
                let g = 10f64.powi(-((i + j) as i32) / 2);
                a.set(i, j, a.at(i, j) * g);
            }
        }
        cases.push((format!("graded {m}x{n}"), a));
    }
    // Values given exactly: clustered, repeated, widely spread.
    let clustered: Vec<f64> = (0..8).map(|i| 1.0 + i as f64 * 1e-9).collect();
    let repeated = [2.0, 2.0, 2.0, 1.0, 1.0, 0.5];
    let spread: Vec<f64> = (0..8).map(|i| 10f64.powi(-i)).collect();
    cases.push((
        "clustered".into(),
        with_values::<T>(10, 8, &clustered, 8300),
    ));
    cases.push(("repeated".into(), with_values::<T>(6, 9, &repeated, 8310)));
    cases.push(("spread".into(), with_values::<T>(8, 8, &spread, 8320)));
    cases.push(("zero 5x4".into(), Dense::zeros(5, 4)));
    cases.push(("zero 33x33".into(), Dense::zeros(33, 33)));
    let mut one = Dense::zeros(1, 1);
    one.set(0, 0, Z::new(-3.0, 0.0));
    cases.push(("1x1".into(), one));
    // Near overflow and underflow of the element type.
    // (Not closer: the wide reference sums products of such elements.)
    let single = eps::<T>() > 1e-10;
    let (big, tiny) = if single {
        (1e37, 1e-39)
    } else {
        (1e300, 1e-305)
    };
    for (label, f) in [("huge", big), ("tiny", tiny)] {
        for &(m, n) in &[(6, 4), (4, 6), (20, 20)] {
            let mut a = Dense::random::<T>(m, n, 8400 + m as u64);
            for z in &mut a.v {
                *z *= f;
            }
            // Round through the element type so the reference sees what
            // the backend sees.
            let mut st = Store::<T>::new(&a, 0);
            cases.push((format!("{label} {m}x{n}"), st.dense()));
        }
    }
    for (c, (label, a)) in cases.iter().enumerate() {
        let what = format!("{name} {label}");
        let scale = a.norm1();
        if scale > 0.0 && !(1e-200..=1e200).contains(&scale) {
            // The Jacobi reference squares norms: compare against the
            // serial backend only.
            check_all(backend, a, c % LAYOUTS, false, false, &what);
        } else {
            check_all(backend, a, c % LAYOUTS, false, true, &what);
        }
    }
    // The exact values given to with_values come back.
    let a = with_values::<T>(6, 9, &repeated, 8310);
    let out = run(backend, &a, 1, false, Job::None, "repeated values");
    for (got, want) in out.s.iter().zip(repeated) {
        assert!(
            (got - want).abs() <= THRESHOLD * 9.0 * eps::<T>() * 2.0,
            "{name} repeated: {got} vs {want}"
        );
    }
}

/// Bad arguments are errors, never panics, and write nothing: a wrong `s`
/// length, `U` or `V^H` of a wrong shape, NaN or Inf in `A`; least squares
/// with a `B` of the wrong height.
pub fn svd_errors<T: Wide, B: Factor<T> + ?Sized>(backend: &B) {
    let a = Dense::random::<T>(4, 3, 9000);
    let mut fa = Store::<T>::new(&a, 0);
    let mut s = vec![<T::Real as Scalar>::from_f64(-1.0); 2];
    let e = backend.svd(fa.view_mut(), &mut s, None, None).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidArgument, "{e}");
    let mut s = vec![<T::Real as Scalar>::from_f64(-1.0); 3];
    for (pu, pv) in [(2, 3), (4, 2), (3, 4)] {
        let mut us = Store::<T>::new(&Dense::zeros(4, pu), 0);
        let mut vs = Store::<T>::new(&Dense::zeros(pv, 3), 0);
        let e = backend
            .svd(
                fa.view_mut(),
                &mut s,
                Some(us.view_mut()),
                Some(vs.view_mut()),
            )
            .unwrap_err();
        assert_eq!(e.kind(), ErrorKind::ShapeMismatch, "{pu} {pv}: {e}");
    }
    for bad in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
        let mut b = a.clone();
        b.set(2, 1, Z::new(bad, 0.0));
        let mut fb = Store::<T>::new(&b, 1);
        let mut us = Store::<T>::new(&Dense::zeros(4, 3), 0);
        let before = us.buf.clone();
        let e = backend
            .svd(fb.view_mut(), &mut s, Some(us.view_mut()), None)
            .unwrap_err();
        assert_eq!(e.kind(), ErrorKind::InvalidArgument, "{bad}: {e}");
        assert!(e.message().contains("NaN or Inf"), "{e}");
        assert!(us.buf == before, "u written on failure");
        assert!(s.iter().all(|x| x.as_f64() == -1.0), "s written on failure");
    }
    let mut bs = Store::<T>::new(&Dense::random::<T>(3, 1, 9001), 0);
    let e = backend
        .lstsq_rank(fa.view_mut(), bs.view_mut(), None, &mut s)
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::ShapeMismatch, "{e}");
}

/// `lstsq_rank` on rank-deficient over- and under-determined systems with
/// known singular values: the rank comes out exactly and `X` is the
/// pseudo-inverse solution of the reference; full-rank systems with the
/// default `rcond`; empty ones.
pub fn svd_lstsq<T: Wide, B: Factor<T> + ?Sized>(backend: &B) {
    let name = T::DTYPE.name();
    let e = eps::<T>();
    // (m, n, values of A (the rest zero), rcond)
    let cases: Vec<(usize, usize, Vec<f64>)> = vec![
        (6, 4, vec![1.0, 0.3]),
        (4, 6, vec![2.0, 0.5]),
        (5, 5, vec![1.0, 0.7, 0.1]),
        (8, 3, vec![1.0, 0.5, 0.25]),
        (3, 8, vec![1.0, 0.5, 0.25]),
        (1, 1, vec![4.0]),
        (1, 5, vec![1.5]),
        (5, 1, vec![0.0]),
        (33, 20, vec![3.0, 2.0, 1.0, 0.5, 0.25, 0.1, 0.05]),
        (20, 33, vec![3.0, 2.0, 1.0, 0.5, 0.25, 0.1, 0.05]),
        (40, 40, vec![1.0; 12]),
    ];
    for (c, (m, n, sigma)) in cases.iter().enumerate() {
        let (m, n) = (*m, *n);
        let r = sigma.iter().filter(|&&x| x > 0.0).count();
        let a = with_values::<T>(m, n, sigma, 9100 + c as u64);
        let b = Dense::random::<T>(m.max(n), 2, 9200 + c as u64);
        let mut bm = Dense::zeros(m, 2);
        for j in 0..2 {
            for i in 0..m {
                bm.set(i, j, b.at(i, j));
            }
        }
        let want = pinv_solve(&a, &bm, r);
        let layout = c % LAYOUTS;
        let what = format!("{name} lstsq_rank {m}x{n} rank {r} layout {layout}");
        let mut fa = Store::<T>::new(&a, layout);
        let mut fb = Store::<T>::new(&b, layout + 1);
        let mut s = vec![<T::Real as Scalar>::from_f64(-1.0); m.min(n)];
        let rcond = <T::Real as Scalar>::from_f64(1e3 * e);
        let rank = backend
            .lstsq_rank(fa.view_mut(), fb.view_mut(), Some(rcond), &mut s)
            .unwrap_or_else(|err| panic!("{what}: {err}"));
        fa.assert_guards(&what);
        fb.assert_guards(&what);
        assert_eq!(rank, r, "{what}: rank");
        for (i, x) in s.iter().enumerate() {
            let w = sigma.get(i).copied().unwrap_or(0.0);
            assert!(
                (x.as_f64() - w).abs() <= THRESHOLD * m.max(n) as f64 * e * 4.0,
                "{what}: s[{i}] = {x} but A was built with {w}"
            );
        }
        let out = fb.dense();
        let smin = sigma
            .iter()
            .copied()
            .filter(|&x| x > 0.0)
            .fold(f64::MAX, f64::min);
        let cond = sigma.iter().copied().fold(0.0, f64::max) / smin;
        for j in 0..2 {
            for i in 0..n {
                let d = (out.at(i, j) - want.at(i, j)).norm();
                assert!(
                    d <= THRESHOLD * m.max(n) as f64 * e * cond.max(1.0) * want.norm1().max(1.0),
                    "{what}: X({i}, {j}) = {} but the pseudo-inverse solution is {}",
                    out.at(i, j),
                    want.at(i, j)
                );
            }
            // Rows n..m are not touched.
            for i in n..m {
                assert_eq!(
                    out.at(i, j),
                    fb_round::<T>(b.at(i, j)),
                    "{what}: row {i} written"
                );
            }
        }
    }
    // The default rcond on full-rank random systems.
    for &(m, n) in &[(7, 4), (4, 7), (6, 6)] {
        let what = format!("{name} lstsq_rank {m}x{n} default rcond");
        let a = Dense::random::<T>(m, n, 9300 + m as u64);
        let b = Dense::random::<T>(m.max(n), 1, 9400 + n as u64);
        let mut bm = Dense::zeros(m, 1);
        for i in 0..m {
            bm.set(i, 0, b.at(i, 0));
        }
        let want = pinv_solve(&a, &bm, m.min(n));
        let mut fa = Store::<T>::new(&a, 1);
        let mut fb = Store::<T>::new(&b, 2);
        let mut s = vec![<T::Real as Scalar>::from_f64(0.0); m.min(n)];
        let rank = backend
            .lstsq_rank(fa.view_mut(), fb.view_mut(), None, &mut s)
            .unwrap_or_else(|err| panic!("{what}: {err}"));
        assert_eq!(rank, m.min(n), "{what}");
        let out = fb.dense();
        for i in 0..n {
            let d = (out.at(i, 0) - want.at(i, 0)).norm();
            assert!(
                d <= 1e3 * THRESHOLD * e * want.norm1().max(1.0),
                "{what}: X({i}) off by {d}"
            );
        }
    }
    // Empty A: X = 0, rank 0.
    for &(m, n) in &[(0, 3), (3, 0), (0, 0)] {
        let b = Dense::random::<T>(m.max(n), 2, 9500);
        let mut fa = Store::<T>::new(&Dense::zeros(m, n), 0);
        let mut fb = Store::<T>::new(&b, 0);
        let mut s = Vec::new();
        let rank = backend
            .lstsq_rank(fa.view_mut(), fb.view_mut(), None, &mut s)
            .unwrap();
        assert_eq!(rank, 0);
        assert!(
            fb.dense().v.iter().all(|z| z.norm() == 0.0),
            "{m}x{n}: X not zero"
        );
    }
}

/// `z` rounded through `T`.
fn fb_round<T: Wide>(z: Z) -> Z {
    T::from_z(z).to_z()
}

/// Exposes the one-sided Jacobi reference to the unit tests.
#[cfg(test)]
mod tests {
    use super::*;

    /// The Jacobi reference itself: known values come back.
    #[test]
    fn jacobi_reference() {
        let sigma = [3.0, 1.0, 1e-3];
        for cx in [false, true] {
            let a = if cx {
                with_values::<oxpar_core::Complex64>(5, 3, &sigma, 1)
            } else {
                with_values::<f64>(5, 3, &sigma, 1)
            };
            let (s, v) = jacobi(&a);
            for (x, y) in s.iter().zip(sigma) {
                assert!((x - y).abs() < 1e-13, "{s:?}");
            }
            let r = v.op(Trans::ConjYes).mul(&v).minus(&identity(3)).norm1();
            assert!(r < 1e-13);
        }
    }
}
