//! Batched small systems: solve, inverse, determinant and Cholesky for a
//! [`BatchMut`]/[`BatchRef`] of equally shaped matrices (NumPy's stacked
//! `linalg`), each system on one thread with the unblocked kernels.
//!
//! # Why one system per thread, unblocked
//!
//! The common case is 10^5 systems of order 4: there is nothing to block or
//! parallelize inside one system, and the cost is per-system overhead. So a
//! batch is cut into [`BatchJob`]s of consecutive systems (one per thread on
//! the threads backend's team, see [`BatchJob::split_at`]), and each job
//! allocates its workspace once (an `n x n` and an `n x nrhs` column-major
//! copy), then for each system copies it in, runs the unblocked LU
//! ([`lu_in_place`]) or Cholesky ([`cholesky_unblocked`], in place on the
//! view) and the substitutions, and copies the result out: no allocation,
//! no dispatch, no level 3 call per system. Backends without threads (the
//! defaults of [`Factor`](crate::Factor)) run one job over the whole batch.
//!
//! # Failure in one system
//!
//! A singular system (or one not positive definite) does not stop the
//! others: every system is computed, and the call returns the failure of
//! the first failing system (the lowest index), with
//! [`Error::batch_index`] its index and [`Error::info`] its LAPACK `info`.
//! The failing systems are left as the single-matrix routines leave them:
//! the solve writes the LU factors and pivots and leaves that system's
//! right-hand sides untouched (LAPACK's `gesv`); the inverse leaves the LU
//! factors in place of the matrix; Cholesky leaves what `potrf` leaves. A
//! determinant never fails: a singular system has determinant 0 and
//! `slogdet` `(0, -inf)`, as in NumPy.
//!
//! ```
//! use oxpar_core::prelude::*;
//! use oxpar_core::Serial;
//!
//! // Three 2x2 systems in a NumPy C-order stack (3, 2, 2); the second is
//! // singular.
//! let mut a = [2.0f64, 0.0, 0.0, 4.0, 1.0, 2.0, 2.0, 4.0, 1.0, 1.0, 0.0, 1.0];
//! let mut b = [2.0, 4.0, 1.0, 1.0, 3.0, 1.0];
//! let mut det = [0.0; 3];
//! Serial.det_batch(BatchRef::row_major(&a, 3, 2, 2)?, &mut det)?;
//! assert_eq!(det, [8.0, 0.0, 1.0]);
//! let mut ipiv = [0; 6];
//! let err = Serial
//!     .lu_factor_solve_batch(
//!         BatchMut::row_major(&mut a, 3, 2, 2)?,
//!         &mut ipiv,
//!         BatchMut::row_major(&mut b, 3, 2, 1)?,
//!     )
//!     .unwrap_err();
//! assert_eq!(err.kind(), ErrorKind::Singular);
//! assert_eq!((err.batch_index(), err.info()), (Some(1), Some(2)));
//! // Systems 0 and 2 are solved; system 1's right-hand side is untouched.
//! assert_eq!(b, [1.0, 1.0, 1.0, 1.0, 2.0, 1.0]);
//! # Ok::<(), oxpar_core::Error>(())
//! ```

use crate::backend::Uplo;
use crate::batch::{BatchMut, BatchRef};
use crate::error::{Error, Result};
use crate::factor::{cholesky_unblocked, lower_form, lu_in_place, not_positive_definite, singular};
use crate::factor_inverse::{det_from_diagonal, slogdet_from_diagonal};
use crate::scalar::Element;
use crate::view::MatRef;

/// A failure inside a job: the system's index within the job and its error.
pub type Failure = Option<(usize, Error)>;

/// A piece of a batched call: a run of consecutive systems with their
/// outputs, which can be cut in two and run on one thread.
pub trait BatchJob: Send + Sized {
    /// Number of systems.
    fn len(&self) -> usize;
    /// True when there is no system.
    fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// The first `k` systems and the rest.
    fn split_at(self, k: usize) -> (Self, Self);
    /// Order of the systems (for the decision to run in parallel).
    fn order(&self) -> usize;
    /// Computes every system; returns the first failure.
    fn run(self) -> Failure;
}

/// The error of a batched call from the first failure, if any.
pub fn finish(failure: Failure) -> Result<()> {
    match failure {
        None => Ok(()),
        Some((k, e)) => Err(e.in_batch(k)),
    }
}

/// The earlier of two failures (`b`'s index shifted by `offset`).
pub fn first_failure(a: Failure, b: Failure, offset: usize) -> Failure {
    a.or(b.map(|(k, e)| (k + offset, e)))
}

fn check_square_batch(name: &str, m: usize, n: usize) -> Result<()> {
    crate::backend::check::square(name, (m, n))
}

fn check_len(name: &str, len: usize, want: usize, what: &str) -> Result<()> {
    if len != want {
        return Err(Error::shape_mismatch(format!(
            "{name}: has length {len}, the batch needs {want} ({what})"
        )));
    }
    Ok(())
}

/// Copies matrix `a` into the column-major workspace `w`: whole columns or
/// rows as slices when they are contiguous (the stacks NumPy and Fortran
/// hand over), element by element otherwise.
#[inline]
fn load<T: Element>(a: MatRef<'_, T>, w: &mut [T]) {
    let (m, n) = (a.nrows(), a.ncols());
    if m == 0 || n == 0 {
        return;
    }
    if !a.is_conj() && a.rs() == 1 {
        for (j, wc) in w.chunks_exact_mut(m).enumerate().take(n) {
            match a.col(j).as_slice() {
                Some(c) => wc.copy_from_slice(c),
                None => wc
                    .iter_mut()
                    .enumerate()
                    .for_each(|(i, x)| *x = a.get(i, j)),
            }
        }
    } else if !a.is_conj() && a.cs() == 1 {
        for i in 0..m {
            match a.row(i).as_slice() {
                Some(r) => r.iter().enumerate().for_each(|(j, &x)| w[i + j * m] = x),
                None => (0..n).for_each(|j| w[i + j * m] = a.get(i, j)),
            }
        }
    } else {
        for j in 0..n {
            for (i, x) in w[j * m..(j + 1) * m].iter_mut().enumerate() {
                *x = a.get(i, j);
            }
        }
    }
}

/// Copies the column-major workspace `w` into matrix `a` (contiguous rows
/// or columns as slices, as [`load`]).
#[inline]
pub(crate) fn store<T: Element>(w: &[T], mut a: crate::view::MatMut<'_, T>) {
    let (m, n) = (a.nrows(), a.ncols());
    if m == 0 || n == 0 {
        return;
    }
    if a.rs() == 1 {
        for (j, wc) in w.chunks_exact(m).enumerate().take(n) {
            match a.col_mut(j).as_slice_mut() {
                Some(c) => c.copy_from_slice(wc),
                None => (0..m).for_each(|i| a.set(i, j, wc[i])),
            }
        }
    } else if a.cs() == 1 {
        for i in 0..m {
            match a.row_mut(i).as_slice_mut() {
                Some(r) => r
                    .iter_mut()
                    .enumerate()
                    .for_each(|(j, x)| *x = w[i + j * m]),
                None => (0..n).for_each(|j| a.set(i, j, w[i + j * m])),
            }
        }
    } else {
        for j in 0..n {
            for (i, &x) in w[j * m..(j + 1) * m].iter().enumerate() {
                a.set(i, j, x);
            }
        }
    }
}

/// Solves `A*X = B` in place of the column-major `n x nrhs` `b` with the LU
/// factors `lu` (column-major `n x n`) and pivots: LAPACK's `getrs` unblocked.
pub fn lu_solve_in_place<T: Element>(lu: &[T], n: usize, ipiv: &[usize], b: &mut [T], nrhs: usize) {
    for c in b.chunks_exact_mut(n.max(1)).take(nrhs) {
        for (i, &p) in ipiv.iter().enumerate() {
            c.swap(i, p);
        }
        // L y = P b (unit lower), then U x = y.
        for k in 0..n {
            let y = c[k];
            if y != T::ZERO {
                for (ci, &l) in c[k + 1..].iter_mut().zip(&lu[k * n + k + 1..(k + 1) * n]) {
                    *ci -= l * y;
                }
            }
        }
        for k in (0..n).rev() {
            let x = c[k].quotient(lu[k + k * n]);
            c[k] = x;
            if x != T::ZERO {
                for (ci, &u) in c[..k].iter_mut().zip(&lu[k * n..k * n + k]) {
                    *ci -= u * x;
                }
            }
        }
    }
}

/// Batched `gesv`: see [`Factor::lu_factor_solve_batch`](crate::Factor::lu_factor_solve_batch).
pub struct LuSolveJob<'a, T> {
    a: BatchMut<'a, T>,
    ipiv: &'a mut [usize],
    b: BatchMut<'a, T>,
}

impl<'a, T: Element> LuSolveJob<'a, T> {
    /// Checks the arguments: square systems, `count * n` pivots, right-hand
    /// sides of the same count and `n` rows.
    pub fn new(a: BatchMut<'a, T>, ipiv: &'a mut [usize], b: BatchMut<'a, T>) -> Result<Self> {
        check_square_batch("a", a.nrows(), a.ncols())?;
        let n = a.nrows();
        check_len("ipiv", ipiv.len(), a.count() * n, "count * n pivots")?;
        if b.count() != a.count() || b.nrows() != n {
            return Err(Error::shape_mismatch(format!(
                "b: a batch of {} {}x{} right-hand sides, the systems are {} of order {n}",
                b.count(),
                b.nrows(),
                b.ncols(),
                a.count()
            )));
        }
        Ok(LuSolveJob { a, ipiv, b })
    }
}

impl<T: Element> BatchJob for LuSolveJob<'_, T> {
    fn len(&self) -> usize {
        self.a.count()
    }
    fn order(&self) -> usize {
        self.a.nrows()
    }
    fn split_at(self, k: usize) -> (Self, Self) {
        let n = self.a.nrows();
        let (a0, a1) = self.a.split_at_mut(k);
        let (p0, p1) = self.ipiv.split_at_mut(k * n);
        let (b0, b1) = self.b.split_at_mut(k);
        (
            LuSolveJob {
                a: a0,
                ipiv: p0,
                b: b0,
            },
            LuSolveJob {
                a: a1,
                ipiv: p1,
                b: b1,
            },
        )
    }
    fn run(mut self) -> Failure {
        let (n, nrhs) = (self.a.nrows(), self.b.ncols());
        let mut w = vec![T::ZERO; n * n];
        let mut wb = vec![T::ZERO; n * nrhs];
        let mut failure = None;
        for k in 0..self.len() {
            let piv = &mut self.ipiv[k * n..(k + 1) * n];
            load(self.a.get(k), &mut w);
            let info = lu_in_place(&mut w, n, n, piv);
            store(&w, self.a.get_mut(k));
            if let Err(e) = singular(info) {
                failure = failure.or(Some((k, e)));
                continue;
            }
            load(self.b.get(k), &mut wb);
            lu_solve_in_place(&w, n, piv, &mut wb, nrhs);
            store(&wb, self.b.get_mut(k));
        }
        failure
    }
}

/// Batched inverse: see [`Factor::inv_batch`](crate::Factor::inv_batch).
pub struct InvJob<'a, T> {
    a: BatchMut<'a, T>,
}

impl<'a, T: Element> InvJob<'a, T> {
    /// Checks that the systems are square.
    pub fn new(a: BatchMut<'a, T>) -> Result<Self> {
        check_square_batch("a", a.nrows(), a.ncols())?;
        Ok(InvJob { a })
    }
}

impl<T: Element> BatchJob for InvJob<'_, T> {
    fn len(&self) -> usize {
        self.a.count()
    }
    fn order(&self) -> usize {
        self.a.nrows()
    }
    fn split_at(self, k: usize) -> (Self, Self) {
        let (a0, a1) = self.a.split_at_mut(k);
        (InvJob { a: a0 }, InvJob { a: a1 })
    }
    fn run(mut self) -> Failure {
        let n = self.a.nrows();
        let mut w = vec![T::ZERO; n * n];
        let mut x = vec![T::ZERO; n * n];
        let mut piv = vec![0; n];
        let mut failure = None;
        for k in 0..self.len() {
            load(self.a.get(k), &mut w);
            let info = lu_in_place(&mut w, n, n, &mut piv);
            if let Err(e) = singular(info) {
                store(&w, self.a.get_mut(k));
                failure = failure.or(Some((k, e)));
                continue;
            }
            // Solve A X = I: for these orders the 2n^3 flops of the
            // substitutions cost less than getri's extra passes.
            x.fill(T::ZERO);
            x.iter_mut().step_by(n + 1).for_each(|v| *v = T::ONE);
            lu_solve_in_place(&w, n, &piv, &mut x, n);
            store(&x, self.a.get_mut(k));
        }
        failure
    }
}

/// Batched determinant: see [`Factor::det_batch`](crate::Factor::det_batch).
pub struct DetJob<'a, T> {
    a: BatchRef<'a, T>,
    det: &'a mut [T],
}

impl<'a, T: Element> DetJob<'a, T> {
    /// Checks square systems and one output per system.
    pub fn new(a: BatchRef<'a, T>, det: &'a mut [T]) -> Result<Self> {
        check_square_batch("a", a.nrows(), a.ncols())?;
        check_len("det", det.len(), a.count(), "one per system")?;
        Ok(DetJob { a, det })
    }
}

impl<T: Element> BatchJob for DetJob<'_, T> {
    fn len(&self) -> usize {
        self.a.count()
    }
    fn order(&self) -> usize {
        self.a.nrows()
    }
    fn split_at(self, k: usize) -> (Self, Self) {
        let (a0, a1) = self.a.split_at(k);
        let (d0, d1) = self.det.split_at_mut(k);
        (DetJob { a: a0, det: d0 }, DetJob { a: a1, det: d1 })
    }
    fn run(self) -> Failure {
        let n = self.a.nrows();
        let mut w = vec![T::ZERO; n * n];
        let mut piv = vec![0; n];
        for (k, d) in self.det.iter_mut().enumerate() {
            load(self.a.get(k), &mut w);
            lu_in_place(&mut w, n, n, &mut piv);
            *d = det_from_diagonal(w.iter().step_by(n + 1).copied(), &piv);
        }
        None
    }
}

/// Batched `slogdet`: see [`Factor::slogdet_batch`](crate::Factor::slogdet_batch).
pub struct SlogdetJob<'a, T: Element> {
    a: BatchRef<'a, T>,
    sign: &'a mut [T],
    logabs: &'a mut [T::Real],
}

impl<'a, T: Element> SlogdetJob<'a, T> {
    /// Checks square systems and one output of each kind per system.
    pub fn new(a: BatchRef<'a, T>, sign: &'a mut [T], logabs: &'a mut [T::Real]) -> Result<Self> {
        check_square_batch("a", a.nrows(), a.ncols())?;
        check_len("sign", sign.len(), a.count(), "one per system")?;
        check_len("logabs", logabs.len(), a.count(), "one per system")?;
        Ok(SlogdetJob { a, sign, logabs })
    }
}

impl<T: Element> BatchJob for SlogdetJob<'_, T> {
    fn len(&self) -> usize {
        self.a.count()
    }
    fn order(&self) -> usize {
        self.a.nrows()
    }
    fn split_at(self, k: usize) -> (Self, Self) {
        let (a0, a1) = self.a.split_at(k);
        let (s0, s1) = self.sign.split_at_mut(k);
        let (l0, l1) = self.logabs.split_at_mut(k);
        (
            SlogdetJob {
                a: a0,
                sign: s0,
                logabs: l0,
            },
            SlogdetJob {
                a: a1,
                sign: s1,
                logabs: l1,
            },
        )
    }
    fn run(self) -> Failure {
        let n = self.a.nrows();
        let mut w = vec![T::ZERO; n * n];
        let mut piv = vec![0; n];
        for (k, (s, l)) in self.sign.iter_mut().zip(self.logabs.iter_mut()).enumerate() {
            load(self.a.get(k), &mut w);
            lu_in_place(&mut w, n, n, &mut piv);
            (*s, *l) = slogdet_from_diagonal(w.iter().step_by(n + 1).copied(), &piv);
        }
        None
    }
}

/// Batched Cholesky: see [`Factor::cholesky_batch`](crate::Factor::cholesky_batch).
pub struct CholeskyJob<'a, T> {
    uplo: Uplo,
    a: BatchMut<'a, T>,
}

impl<'a, T: Element> CholeskyJob<'a, T> {
    /// Checks that the systems are square.
    pub fn new(uplo: Uplo, a: BatchMut<'a, T>) -> Result<Self> {
        check_square_batch("a", a.nrows(), a.ncols())?;
        Ok(CholeskyJob { uplo, a })
    }
}

impl<T: Element> BatchJob for CholeskyJob<'_, T> {
    fn len(&self) -> usize {
        self.a.count()
    }
    fn order(&self) -> usize {
        self.a.nrows()
    }
    fn split_at(self, k: usize) -> (Self, Self) {
        let (a0, a1) = self.a.split_at_mut(k);
        (
            CholeskyJob {
                uplo: self.uplo,
                a: a0,
            },
            CholeskyJob {
                uplo: self.uplo,
                a: a1,
            },
        )
    }
    fn run(mut self) -> Failure {
        let mut failure = None;
        for k in 0..self.len() {
            let info = cholesky_unblocked(lower_form(self.uplo, self.a.get_mut(k)));
            if let Err(e) = not_positive_definite(info) {
                failure = failure.or(Some((k, e)));
            }
        }
        failure
    }
}

/// Runs a job on the calling thread (the default bodies).
pub fn run_serial<J: BatchJob>(job: J) -> Result<()> {
    finish(job.run())
}

/// Whether a batch is worth splitting across threads: below about 2^14
/// multiply-adds the fork-join costs more than it saves.
pub fn worth_splitting<J: BatchJob>(job: &J) -> bool {
    let n = job.order().max(1);
    job.len() >= 2 && job.len().saturating_mul(n * n * n) >= 1 << 14
}
