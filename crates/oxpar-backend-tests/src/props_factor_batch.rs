//! The conformance properties of the batched small systems
//! ([`Factor::lu_factor_solve_batch`], [`Factor::inv_batch`],
//! [`Factor::det_batch`], [`Factor::slogdet_batch`],
//! [`Factor::cholesky_batch`]).
//!
//! Each system of a batch is checked on its own with the single-matrix
//! properties (`P*L*U = A`, the solve residual, `||A*X - I||`, `L*L^H = A`,
//! the reference determinant). Batches of 0, 1 and odd counts, orders 0 to
//! 16, and three layouts: a NumPy C-order stack, padded column-major
//! matrices with gaps between them (guards must survive), and the batch
//! axis innermost (Fortran `a(count, n, n)`, the systems interleaved).
//! Counts of 301 systems of order 4 are large enough for the threads
//! backend to split them, with failing systems placed in different
//! threads' runs: the reported one must be the first.

use oxpar_core::{BatchMut, BatchRef, Element, ErrorKind, Factor, Scalar, Trans, Uplo};

use crate::props_factor::{
    check_lu, check_solve, eps, factor_of, hpd, scaled, Dense, Wide, GUARD, OTHER, THRESHOLD, Z,
};
use crate::props_factor_inverse::{check_det, inverse_ratio};

/// Batch layouts: C-order stack, padded column-major with gaps, batch
/// innermost.
const BATCH_LAYOUTS: usize = 3;

/// A batch of `count` `m x n` matrices in one buffer, guards elsewhere.
struct BatchStore<T> {
    buf: Vec<T>,
    count: usize,
    m: usize,
    n: usize,
    strides: [isize; 3],
    outside: Vec<bool>,
}

impl<T: Wide> BatchStore<T> {
    fn new(mats: &[Dense], m: usize, n: usize, layout: usize) -> Self {
        let count = mats.len();
        let (mi, ni, ci) = (m as isize, n as isize, count as isize);
        let (strides, len) = match layout % BATCH_LAYOUTS {
            0 => ([ni, 1, mi * ni], count * m * n),
            1 => ([1, mi + 1, (mi + 1) * ni + 2], count * ((m + 1) * n + 2)),
            _ => ([ci, ci * mi, 1], count * m * n),
        };
        let mut s = BatchStore {
            buf: vec![T::from_z(GUARD); len],
            count,
            m,
            n,
            strides,
            outside: Vec::new(),
        };
        {
            let mut b = s.batch_mut();
            for (k, a) in mats.iter().enumerate() {
                let mut v = b.get_mut(k);
                for j in 0..n {
                    for i in 0..m {
                        v.set(i, j, T::from_z(a.at(i, j)));
                    }
                }
            }
        }
        let g = T::from_z(GUARD);
        s.outside = s.buf.iter().map(|&x| x == g).collect();
        s
    }
    fn batch_mut(&mut self) -> BatchMut<'_, T> {
        BatchMut::from_slice(&mut self.buf, self.count, self.m, self.n, self.strides)
            .expect("test batch layout")
    }
    fn batch_ref(&self) -> BatchRef<'_, T> {
        BatchRef::from_slice(&self.buf, self.count, self.m, self.n, self.strides)
            .expect("test batch layout")
    }
    fn get(&self, k: usize) -> Dense {
        let b = self.batch_ref();
        let v = b.get(k);
        let mut d = Dense::zeros(self.m, self.n);
        for j in 0..self.n {
            for i in 0..self.m {
                d.set(i, j, v.get(i, j).to_z());
            }
        }
        d
    }
    fn assert_guards(&self, what: &str) {
        let g = T::from_z(GUARD);
        for (k, (&x, &out)) in self.buf.iter().zip(&self.outside).enumerate() {
            assert!(
                !out || x == g,
                "{what}: storage element {k} outside the batch was written"
            );
        }
    }
}

/// Random systems, with an exactly singular one (zero column 1, so LAPACK
/// info 2) at each index of `singular`.
fn systems<T: Element>(n: usize, count: usize, seed: u64, singular: &[usize]) -> Vec<Dense> {
    (0..count)
        .map(|k| {
            let mut a = Dense::random::<T>(n, n, seed + k as u64);
            if singular.contains(&k) {
                (0..n).for_each(|i| a.set(i, 1, Z::new(0.0, 0.0)));
            }
            a
        })
        .collect()
}

/// The (order, count, singular systems) cases.
fn cases() -> Vec<(usize, usize, Vec<usize>)> {
    vec![
        (4, 0, vec![]),
        (1, 1, vec![]),
        (0, 3, vec![]),
        (4, 7, vec![3, 5]),
        (16, 5, vec![]),
        (3, 9, vec![]),
        (4, 301, vec![]),
        (4, 301, vec![3, 250]),
        (4, 301, vec![250]),
        (5, 300, vec![299]),
    ]
}

/// Checks a batched call's result: the first singular system reported.
fn check_failure(r: oxpar_core::Result<()>, singular: &[usize], info: usize, what: &str) {
    match singular.first() {
        None => r.unwrap_or_else(|e| panic!("{what}: {e}")),
        Some(&first) => {
            let e = r.expect_err(what);
            assert_eq!(e.kind(), ErrorKind::Singular, "{what}: {e}");
            assert_eq!(e.batch_index(), Some(first), "{what}: {e}");
            assert_eq!(e.info(), Some(info), "{what}: {e}");
            assert!(
                e.message().contains(&format!("system {first}")),
                "{what}: {e}"
            );
        }
    }
}

/// `lu_factor_solve_batch` with one and three right-hand sides: every
/// system's factors and residual, failing systems' right-hand sides
/// untouched.
pub fn batch_solve<T: Wide, B: Factor<T> + ?Sized>(backend: &B) {
    for (case, (n, count, singular)) in cases().into_iter().enumerate() {
        let nrhs = 1 + 2 * (case % 2);
        let what = format!(
            "batch solve n={n} count={count} layout {}",
            case % BATCH_LAYOUTS
        );
        let a = systems::<T>(n, count, 500 + case as u64, &singular);
        let b: Vec<Dense> = (0..count)
            .map(|k| Dense::random::<T>(n, nrhs, 900 + k as u64))
            .collect();
        let mut sa = BatchStore::<T>::new(&a, n, n, case);
        let mut sb = BatchStore::<T>::new(&b, n, nrhs, case + 1);
        let mut ipiv = vec![usize::MAX; count * n];
        let r = backend.lu_factor_solve_batch(sa.batch_mut(), &mut ipiv, sb.batch_mut());
        check_failure(r, &singular, 2, &what);
        sa.assert_guards(&what);
        sb.assert_guards(&what);
        for k in 0..count {
            let what = format!("{what} system {k}");
            let piv = &ipiv[k * n..(k + 1) * n];
            check_lu::<T>(&a[k], &sa.get(k), piv, &what);
            if singular.contains(&k) {
                assert_eq!(
                    sb.get(k).v,
                    b[k].v,
                    "{what}: b of a singular system written"
                );
            } else {
                check_solve::<T>(&a[k], &sb.get(k), &b[k], &what);
            }
        }
    }
}

/// `inv_batch`, `det_batch` and `slogdet_batch` on the same batches.
pub fn batch_inv_det<T: Wide, B: Factor<T> + ?Sized>(backend: &B) {
    for (case, (n, count, singular)) in cases().into_iter().enumerate() {
        let what = format!(
            "batch inv n={n} count={count} layout {}",
            case % BATCH_LAYOUTS
        );
        let a = systems::<T>(n, count, 700 + case as u64, &singular);
        let sa = BatchStore::<T>::new(&a, n, n, case + 2);
        let mut det = vec![T::ONE; count];
        backend
            .det_batch(sa.batch_ref(), &mut det)
            .unwrap_or_else(|e| panic!("{what}: {e}"));
        let mut sign = vec![T::ONE; count];
        let mut logabs = vec![<T::Real as Element>::ONE; count];
        backend
            .slogdet_batch(sa.batch_ref(), &mut sign, &mut logabs)
            .unwrap_or_else(|e| panic!("{what}: {e}"));
        let mut inv = BatchStore::<T>::new(&a, n, n, case);
        let r = backend.inv_batch(inv.batch_mut());
        check_failure(r, &singular, 2, &what);
        inv.assert_guards(&what);
        for k in 0..count {
            let what = format!("{what} system {k}");
            if singular.contains(&k) {
                assert_eq!(det[k], T::ZERO, "{what}: det");
                assert_eq!(sign[k], T::ZERO, "{what}: sign");
                assert_eq!(logabs[k].as_f64(), f64::NEG_INFINITY, "{what}: logabs");
                continue;
            }
            check_det::<T>(&a[k], det[k].to_z(), &what);
            let from_log = sign[k].to_z() * logabs[k].as_f64().exp();
            check_det::<T>(&a[k], from_log, &format!("{what} slogdet"));
            let r = inverse_ratio::<T>(&a[k], &inv.get(k));
            assert!(r <= THRESHOLD, "{what}: ||A*X - I|| ratio {r}");
        }
    }
}

/// `cholesky_batch` for both triangles: every factor (the other triangle
/// untouched), and systems that are not positive definite.
pub fn batch_cholesky<T: Wide, B: Factor<T> + ?Sized>(backend: &B) {
    let cases = [
        (4usize, 9usize, vec![]),
        (4, 301, vec![1, 200]),
        (16, 3, vec![2]),
        (2, 0, vec![]),
    ];
    for (case, (n, count, bad)) in cases.into_iter().enumerate() {
        for uplo in [Uplo::Lower, Uplo::Upper] {
            let what = format!("batch cholesky {uplo:?} n={n} count={count}");
            let mut a = Vec::new();
            let mut stored = Vec::new();
            for k in 0..count {
                let (x, mut s) = hpd::<T>(n, 300 + k as u64);
                if bad.contains(&k) {
                    // The leading minor of order 2 is not positive definite.
                    s.set(1, 1, Z::new(-1.0, 0.0));
                }
                for j in 0..n {
                    for i in 0..n {
                        if !uplo.holds(i, j) {
                            s.set(i, j, OTHER);
                        }
                    }
                }
                a.push(x);
                stored.push(s);
            }
            let mut s = BatchStore::<T>::new(&stored, n, n, case);
            let r = backend.cholesky_batch(uplo, s.batch_mut());
            match bad.first() {
                None => r.unwrap_or_else(|e| panic!("{what}: {e}")),
                Some(&first) => {
                    let e = r.expect_err(&what);
                    assert_eq!(e.kind(), ErrorKind::NotPositiveDefinite, "{what}: {e}");
                    assert_eq!(
                        (e.batch_index(), e.info()),
                        (Some(first), Some(2)),
                        "{what}: {e}"
                    );
                }
            }
            s.assert_guards(&what);
            for k in (0..count).filter(|k| !bad.contains(k)) {
                let what = format!("{what} system {k}");
                let l = factor_of::<T>(&s.get(k), uplo, &what);
                let r = l.mul(&l.op(Trans::ConjYes)).minus(&a[k]).norm1();
                let r = scaled(r, n, a[k].norm1(), eps::<T>());
                assert!(r <= THRESHOLD, "{what}: ||L*L^H - A|| ratio {r}");
            }
        }
    }
}

/// Argument errors: overlapping batches, pivots, counts and heights that do
/// not match, non-square systems, outputs of the wrong length.
pub fn batch_errors<T: Wide, B: Factor<T> + ?Sized>(backend: &B) {
    let mut buf = vec![T::ONE; 64];
    // Matrices that share storage are refused when written, read is fine.
    let e = BatchMut::from_slice(&mut buf, 4, 3, 3, [1, 3, 4]).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidStride);
    assert!(BatchRef::from_slice(&buf, 4, 3, 3, [1, 3, 4]).is_ok());
    let kind = |r: oxpar_core::Result<()>| r.expect_err("must fail").kind();
    let (mut a, mut b) = (vec![T::ONE; 4 * 9], vec![T::ONE; 4 * 6]);
    let mut ipiv = vec![0; 12];
    assert_eq!(
        kind(backend.lu_factor_solve_batch(
            BatchMut::row_major(&mut a, 4, 3, 3).unwrap(),
            &mut ipiv[..11],
            BatchMut::row_major(&mut b, 4, 3, 2).unwrap(),
        )),
        ErrorKind::ShapeMismatch
    );
    assert_eq!(
        kind(backend.lu_factor_solve_batch(
            BatchMut::row_major(&mut a, 4, 3, 3).unwrap(),
            &mut ipiv,
            BatchMut::row_major(&mut b, 3, 3, 2).unwrap(),
        )),
        ErrorKind::ShapeMismatch
    );
    assert_eq!(
        kind(backend.inv_batch(BatchMut::row_major(&mut a, 3, 3, 4).unwrap())),
        ErrorKind::ShapeMismatch
    );
    assert_eq!(
        kind(backend.cholesky_batch(Uplo::Lower, BatchMut::row_major(&mut a, 3, 4, 3).unwrap())),
        ErrorKind::ShapeMismatch
    );
    let mut out = vec![T::ZERO; 3];
    assert_eq!(
        kind(backend.det_batch(BatchRef::row_major(&a, 4, 3, 3).unwrap(), &mut out)),
        ErrorKind::ShapeMismatch
    );
    let mut logabs = [<T::Real as Element>::ZERO; 4];
    assert_eq!(
        kind(backend.slogdet_batch(
            BatchRef::row_major(&a, 4, 3, 3).unwrap(),
            &mut [T::ZERO; 4],
            &mut logabs[..2]
        )),
        ErrorKind::ShapeMismatch
    );
    assert!(
        a.iter().all(|&x| x == T::ONE),
        "a failed argument check wrote a"
    );
}
