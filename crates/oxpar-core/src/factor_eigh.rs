//! The symmetric and Hermitian eigenproblem (LAPACK's `syev`/`heev`): all
//! eigenvalues, ascending, and optionally the orthonormal eigenvectors, for
//! `f32`, `f64`, `c32` and `c64`, on views with any strides; and its batch
//! for stacks of small matrices.
//!
//! # Algorithm
//!
//! LAPACK's: the referenced triangle is copied into a column-major
//! workspace (the upper triangle as the conjugate transpose of the lower
//! one, so one code path serves both), scaled when its largest element
//! lies outside `[sqrt(safmin/eps), sqrt(eps/safmin)]` (as `syev` does, so
//! that matrices near the overflow or underflow threshold work), reduced to
//! a real symmetric tridiagonal matrix by Householder reflectors
//! ([`crate::tridiag::reduce_lower`], `hetd2`: complex Hermitian matrices
//! give a real tridiagonal because each reflector leaves a real `beta`),
//! whose eigenvalues (and vectors) come from the implicit QL/QR iteration
//! with Wilkinson shifts ([`crate::tridiag::steqr`]). Above [`EIGH_NB`]
//! the reduction is blocked as LAPACK's `hetrd`
//! ([`crate::tridiag::reduce_lower_blocked`]: panels of [`EIGH_NB`]
//! columns by `latrd`, the trailing update by the backend's `her2k`). The
//! eigenvectors are
//! then back-transformed by the reflectors: for orders above [`EIGH_NB`]
//! with the compact-WY block reflectors of [`crate::Qr::qr_apply_q`] on the
//! backend's gemm (the reflectors of the reduction are the QR layout of the
//! workspace's block `[1.., 0..n-1]`), one reflector at a time below.
//!
//! Where the `O(n^3)` time goes: the reduction (`4/3 n^3` multiply-adds:
//! half in the backend's `her2k` when blocked, half in level-2
//! Hermitian matrix-vector products on one thread), the rotations of the QL/QR iteration applied to
//! the vectors (about `3 n^3`, level-1 down contiguous columns; above
//! `2 * EIGH_NB` each sweep's rotations run on one run of rows per thread
//! through [`ParallelLoops::parallel_for`]),
//! and the back-transformation (`2 n^3`, on the backend's gemm). Without
//! vectors only the reduction is cubic. A divide-and-conquer tridiagonal
//! solver (`stedc`) and a parallel matrix-vector product in the panel are
//! the next steps for speed.
//!
//! Workspace: the library allocates two `n x n` matrices of `T` (the copy
//! and the vectors) and `O(n)` more; there are no workspace queries.
//!
//! # Input that is not finite, and failure
//!
//! A NaN or an infinity in the referenced triangle is an argument error
//! ([`ErrorKind::InvalidArgument`], "a: contains NaN or Inf"), found by a
//! cheap scan before any work, with `w` and `a` untouched: LAPACK would
//! propagate NaN (or spin in its iteration until the sweep limit), which
//! tells the caller less. The imaginary parts of the diagonal of a complex
//! matrix are ignored, as in LAPACK.
//!
//! When the iteration needs more than `30 n` sweeps, the call returns
//! [`ErrorKind::NoConvergence`] with [`Error::info`] the number of
//! off-diagonal elements that did not converge (LAPACK's `info`); `w` then
//! holds the approximations reached, unordered, and with `vectors` `a` the
//! corresponding (orthonormal) vectors, as LAPACK leaves them.
//!
//! # Backends
//!
//! [`Eigh`] has a blanket implementation for every [`Level3`] backend with
//! [`ParallelLoops`], as [`crate::Qr`] has: the serial backend runs the
//! same algorithm on its reference gemm, the threads backend on its
//! parallel gemm, and batches run one system per thread through
//! [`ParallelLoops::parallel_for`]. An MPI backend answers
//! [`ErrorKind::Unsupported`] at once, the same on every rank (no
//! distributed eigensolver yet). [`eigh_unblocked`] is the reference the
//! conformance suite compares the others against.
//!
//! ```
//! use oxpar_core::prelude::*;
//! use oxpar_core::Serial;
//!
//! // [[2, 1], [1, 2]] has eigenvalues 1 and 3, vectors (1, -1) and (1, 1) / sqrt(2).
//! let mut a = [2.0f64, 1.0, 1.0, 2.0];
//! let mut w = [0.0; 2];
//! Serial.eigh(Uplo::Lower, MatMut::col_major(&mut a, 2, 2, 2)?, &mut w, true)?;
//! assert!((w[0] - 1.0).abs() < 1e-15 && (w[1] - 3.0).abs() < 1e-15);
//! assert!((a[0] + a[1]).abs() < 1e-15 && (a[2] - a[3]).abs() < 1e-15);
//!
//! let mut nan = [f64::NAN, 0.0, 0.0, 1.0];
//! let err = Serial.eigh(Uplo::Lower, MatMut::col_major(&mut nan, 2, 2, 2)?, &mut w, false);
//! assert_eq!(err.unwrap_err().kind(), ErrorKind::InvalidArgument);
//! # Ok::<(), oxpar_core::Error>(())
//! ```

use std::sync::Mutex;

use crate::backend::{Level3, ParallelLoops, Side, Trans, Uplo};
use crate::batch::BatchMut;
use crate::error::{Error, ErrorKind, Result};
use crate::factor_batch::{finish, first_failure, store, worth_splitting, BatchJob, Failure};
use crate::factor_qr::Qr;
use crate::scalar::Element;
use crate::schedule::Schedule;
use crate::serial::Serial;
use crate::tridiag::{
    back_transform, reduce_lower, reduce_lower_blocked, rotate_columns, steqr, swap_columns,
    ColMajor, Vectors,
};
use crate::view::{MatMut, MatRef};
use num_traits::{Float, One, Zero};

/// Orders above this back-transform the eigenvectors with block reflectors
/// on the backend's gemm; smaller ones one reflector at a time.
pub const EIGH_NB: usize = 32;

/// A sweep's rotations run in parallel (one run of rows per thread) when
/// they update at least this many elements (rotations times the order):
/// below, the fork-join costs more than it saves. Not tuned yet.
pub const PARALLEL_ROTATIONS: usize = 1 << 18;

/// LAPACK's limit on the QL/QR sweeps, per eigenvalue.
pub const MAX_SWEEPS: usize = 30;

/// The symmetric/Hermitian eigenproblem and its batch. Implemented for
/// every [`Level3`] backend with [`ParallelLoops`] (see the module
/// documentation).
pub trait Eigh<T: Element>: Level3<T> + ParallelLoops {
    /// The eigenvalues of the symmetric (Hermitian) `n x n` matrix whose
    /// `uplo` triangle `a` holds, ascending into `w` (length `n`); with
    /// `vectors`, `a` is overwritten by the orthonormal eigenvectors, column
    /// `k` for `w[k]` (LAPACK's `syev`/`heev` with `jobz = 'V'`). Without
    /// `vectors` the contents of `a` afterwards are unspecified (LAPACK
    /// destroys them; this implementation currently leaves them).
    ///
    /// Errors: `a` not square or `w` of another length
    /// ([`ErrorKind::ShapeMismatch`]); NaN or Inf in the triangle
    /// ([`ErrorKind::InvalidArgument`]); no convergence
    /// ([`ErrorKind::NoConvergence`], see the module documentation); an
    /// MPI backend ([`ErrorKind::Unsupported`]).
    fn eigh(
        &self,
        uplo: Uplo,
        mut a: MatMut<'_, T>,
        w: &mut [T::Real],
        vectors: bool,
    ) -> Result<()> {
        crate::factor::refuse_distributed(self.kind(), "eigh")?;
        let n = check_square(a.nrows(), a.ncols())?;
        check_len("w", w.len(), n, "the order of a")?;
        let mut ws = Workspace::new(n, vectors);
        ws.load(uplo, a.as_ref())?;
        let blocked = n > EIGH_NB;
        let result = ws.solve(
            Some(self),
            w,
            |a, d, e, tau| {
                if blocked {
                    reduce_lower_blocked(self, a, n, d, e, tau, EIGH_NB)
                } else {
                    reduce_lower(a, n, d, e, tau);
                    Ok(())
                }
            },
            |q, tau, z| {
                if blocked {
                    back_transform_blocked(self, q, n, tau, z)
                } else {
                    back_transform(q, n, tau, z);
                    Ok(())
                }
            },
        );
        if vectors && (result.is_ok() || is_no_convergence(&result)) {
            ws.store_vectors(a.rb_mut());
        }
        result
    }

    /// [`Eigh::eigh`] of every matrix of a batch: the eigenvalues of system
    /// `k` into `w[k*n..(k+1)*n]`, and with `vectors` its eigenvectors in
    /// place of the system. Systems run on the backend's threads, each on
    /// one thread with the unblocked algorithm. A failing system does not
    /// stop the others: the call returns the first failure (lowest index,
    /// [`Error::batch_index`]), and that system is left as [`Eigh::eigh`]
    /// leaves it.
    fn eigh_batch(
        &self,
        uplo: Uplo,
        a: BatchMut<'_, T>,
        w: &mut [T::Real],
        vectors: bool,
    ) -> Result<()> {
        crate::factor::refuse_distributed(self.kind(), "eigh_batch")?;
        let n = check_square(a.nrows(), a.ncols())?;
        let want = a
            .count()
            .checked_mul(n)
            .ok_or_else(|| Error::invalid_argument("w", "count * n overflows"))?;
        check_len("w", w.len(), want, "count * n eigenvalues")?;
        run_on_loops(
            self,
            EighJob {
                uplo,
                a,
                w,
                vectors,
            },
        )
    }
}

impl<T: Element, B: Level3<T> + ParallelLoops + ?Sized> Eigh<T> for B {}

/// [`Eigh::eigh`] with the unblocked back-transformation and no backend:
/// the reference implementation.
pub fn eigh_unblocked<T: Element>(
    uplo: Uplo,
    mut a: MatMut<'_, T>,
    w: &mut [T::Real],
    vectors: bool,
) -> Result<()> {
    let n = check_square(a.nrows(), a.ncols())?;
    check_len("w", w.len(), n, "the order of a")?;
    let mut ws = Workspace::new(n, vectors);
    ws.load(uplo, a.as_ref())?;
    let result = ws.solve(None::<&Serial>, w, unblocked_reduce, |q, tau, z| {
        back_transform(q, n, tau, z);
        Ok(())
    });
    if vectors && (result.is_ok() || is_no_convergence(&result)) {
        ws.store_vectors(a.rb_mut());
    }
    result
}

/// The unblocked reduction, as [`Workspace::solve`] takes it.
fn unblocked_reduce<T: Element>(
    a: &mut [T],
    d: &mut [T::Real],
    e: &mut [T::Real],
    tau: &mut [T],
) -> Result<()> {
    reduce_lower(a, d.len(), d, e, tau);
    Ok(())
}

fn is_no_convergence(r: &Result<()>) -> bool {
    matches!(r, Err(e) if e.kind() == ErrorKind::NoConvergence)
}

fn check_square(m: usize, n: usize) -> Result<usize> {
    crate::backend::check::square("a", (m, n))?;
    Ok(n)
}

fn check_len(name: &str, len: usize, want: usize, what: &str) -> Result<()> {
    if len != want {
        return Err(Error::shape_mismatch(format!(
            "{name}: has length {len}, needs {want} ({what})"
        )));
    }
    Ok(())
}

/// `Z[1.., ..] := Q' * Z[1.., ..]` with the block reflectors of
/// [`Qr::qr_apply_q`] on `backend`'s gemm.
fn back_transform_blocked<T: Element, B: Level3<T> + ?Sized>(
    backend: &B,
    q: &[T],
    n: usize,
    tau: &[T],
    z: &mut [T],
) -> Result<()> {
    if n < 2 {
        return Ok(());
    }
    let reflectors = MatRef::col_major(&q[1..], n - 1, n - 1, n)?;
    let rows = MatMut::col_major(&mut z[1..], n - 1, n, n)?;
    backend.qr_apply_q(Side::Left, Trans::No, reflectors, tau, rows)
}

/// The column-major eigenvector matrix cut into one run of rows per
/// thread (each run the same rows of every column, as slices): each
/// sweep's rotations are applied to the runs in parallel on the backend's
/// loops.
struct ParallelRows<'a, T, P: ?Sized> {
    par: &'a P,
    n: usize,
    /// Sweeps updating fewer elements run on the caller.
    min_work: usize,
    blocks: Vec<Mutex<Vec<&'a mut [T]>>>,
    failed: Option<Error>,
}

impl<'a, T: Element, P: ParallelLoops + ?Sized> ParallelRows<'a, T, P> {
    fn new(par: &'a P, z: &'a mut [T], n: usize, parts: usize, min_work: usize) -> Self {
        let per = n.div_ceil(parts.max(1)).max(1);
        let parts = n.div_ceil(per);
        let mut blocks: Vec<Vec<&'a mut [T]>> = (0..parts).map(|_| Vec::with_capacity(n)).collect();
        for col in z.chunks_exact_mut(n) {
            for (b, seg) in blocks.iter_mut().zip(col.chunks_mut(per)) {
                b.push(seg);
            }
        }
        ParallelRows {
            par,
            n,
            min_work,
            blocks: blocks.into_iter().map(Mutex::new).collect(),
            failed: None,
        }
    }
}

impl<T: Element, P: ParallelLoops + ?Sized> Vectors<T> for ParallelRows<'_, T, P> {
    fn rotate(
        &mut self,
        range: std::ops::Range<usize>,
        c: &[T::Real],
        s: &[T::Real],
        forward: bool,
    ) {
        let blocks = &self.blocks;
        if range.len() * self.n < self.min_work {
            for b in blocks {
                if let Ok(mut cols) = b.lock() {
                    rotate_columns(&mut cols, range.clone(), c, s, forward);
                }
            }
            return;
        }
        let r = self
            .par
            .parallel_for(0..blocks.len(), Schedule::Static { chunk: 0 }, &|ks, _| {
                for k in ks {
                    if let Ok(mut cols) = blocks[k].lock() {
                        rotate_columns(&mut cols, range.clone(), c, s, forward);
                    }
                }
            });
        if let Err(e) = r {
            self.failed.get_or_insert(e);
        }
    }
    fn swap(&mut self, i: usize, k: usize) {
        for b in &mut self.blocks {
            if let Ok(cols) = b.get_mut() {
                swap_columns(cols, i, k);
            }
        }
    }
}

/// The copy of the matrix, the vectors and the reflectors of one problem.
struct Workspace<T: Element> {
    n: usize,
    vectors: bool,
    a: Vec<T>,
    z: Vec<T>,
    tau: Vec<T>,
    e: Vec<T::Real>,
}

impl<T: Element> Workspace<T> {
    fn new(n: usize, vectors: bool) -> Self {
        Workspace {
            n,
            vectors,
            a: vec![T::ZERO; n * n],
            z: if vectors {
                vec![T::ZERO; n * n]
            } else {
                Vec::new()
            },
            tau: vec![T::ZERO; n.saturating_sub(1)],
            e: vec![T::Real::zero(); n.saturating_sub(1)],
        }
    }

    /// Copies the `uplo` triangle of `a` into the lower triangle of the
    /// workspace (real diagonal), refusing NaN and Inf.
    fn load(&mut self, uplo: Uplo, a: MatRef<'_, T>) -> Result<()> {
        let n = self.n;
        let mut finite = true;
        for j in 0..n {
            for i in j..n {
                let v = match uplo {
                    Uplo::Lower => a.get(i, j),
                    Uplo::Upper => a.get(j, i).conj(),
                };
                let v = if i == j { T::from_real(v.re()) } else { v };
                finite &= v.re().is_finite() && v.im().is_finite();
                self.a[i + j * n] = v;
            }
        }
        if !finite {
            return Err(Error::invalid_argument(
                "a",
                "contains NaN or Inf (in the referenced triangle)",
            ));
        }
        Ok(())
    }

    /// Runs the scaled reduction and iteration; `back` back-transforms the
    /// tridiagonal matrix's vectors `z` with the reflectors and `tau`.
    fn solve<P: ParallelLoops + ?Sized>(
        &mut self,
        par: Option<&P>,
        w: &mut [T::Real],
        reduce: impl FnOnce(&mut [T], &mut [T::Real], &mut [T::Real], &mut [T]) -> Result<()>,
        back: impl FnOnce(&[T], &[T], &mut [T]) -> Result<()>,
    ) -> Result<()> {
        let n = self.n;
        if n == 0 {
            return Ok(());
        }
        let sigma = self.scale();
        reduce(&mut self.a, w, &mut self.e, &mut self.tau)?;
        let info = if self.vectors {
            self.z.fill(T::ZERO);
            self.z.iter_mut().step_by(n + 1).for_each(|x| *x = T::ONE);
            let info = match par {
                Some(par) if n > 2 * EIGH_NB && par.num_threads() > 1 => {
                    let mut rows = ParallelRows::new(
                        par,
                        &mut self.z,
                        n,
                        par.num_threads(),
                        PARALLEL_ROTATIONS,
                    );
                    let info = steqr(w, &mut self.e, Some(&mut rows), MAX_SWEEPS);
                    if let Some(e) = rows.failed {
                        return Err(e);
                    }
                    info
                }
                _ => {
                    let mut rows = ColMajor { z: &mut self.z, n };
                    steqr(w, &mut self.e, Some(&mut rows), MAX_SWEEPS)
                }
            };
            back(&self.a, &self.tau, &mut self.z)?;
            info
        } else {
            steqr::<T>(w, &mut self.e, None, MAX_SWEEPS)
        };
        if let Some(sigma) = sigma {
            let inv = T::Real::one() / sigma;
            w.iter_mut().for_each(|x| *x *= inv);
        }
        if info > 0 {
            return Err(Error::numerical(
                ErrorKind::NoConvergence,
                info,
                format!(
                    "eigh: the QL/QR iteration did not converge: {info} off-diagonal \
                     elements of the tridiagonal form did not converge to zero (LAPACK info {info})"
                ),
            ));
        }
        Ok(())
    }

    /// Scales the lower triangle into `[rmin, rmax]` as LAPACK's `syev`;
    /// returns the factor applied, if any.
    fn scale(&mut self) -> Option<T::Real> {
        let n = self.n;
        let mut anrm = T::Real::zero();
        for j in 0..n {
            for v in &self.a[j * n + j..(j + 1) * n] {
                anrm = Float::max(anrm, Float::hypot(v.re(), v.im()));
            }
        }
        let eps = T::Real::epsilon();
        let smlnum = T::Real::min_positive_value() / eps;
        let bignum = T::Real::one() / smlnum;
        let (rmin, rmax) = (Float::sqrt(smlnum), Float::sqrt(bignum));
        let sigma = if anrm > T::Real::zero() && anrm < rmin {
            rmin / anrm
        } else if anrm > rmax {
            rmax / anrm
        } else {
            return None;
        };
        for j in 0..n {
            for v in &mut self.a[j * n + j..(j + 1) * n] {
                *v = v.scale_real(sigma);
            }
        }
        Some(sigma)
    }

    /// Writes the eigenvectors into `a` (a conjugated view gets their
    /// conjugates, so that reading it back gives the vectors).
    fn store_vectors(&mut self, a: MatMut<'_, T>) {
        if a.is_conj() {
            self.z.iter_mut().for_each(|x| *x = x.conj());
        }
        store(&self.z, a);
    }
}

/// Batched eigenproblem: see [`Eigh::eigh_batch`].
struct EighJob<'a, T: Element> {
    uplo: Uplo,
    a: BatchMut<'a, T>,
    w: &'a mut [T::Real],
    vectors: bool,
}

impl<T: Element> BatchJob for EighJob<'_, T> {
    fn len(&self) -> usize {
        self.a.count()
    }
    fn order(&self) -> usize {
        self.a.nrows()
    }
    fn split_at(self, k: usize) -> (Self, Self) {
        let n = self.a.nrows();
        let (a0, a1) = self.a.split_at_mut(k);
        let (w0, w1) = self.w.split_at_mut(k * n);
        let (uplo, vectors) = (self.uplo, self.vectors);
        (
            EighJob {
                uplo,
                a: a0,
                w: w0,
                vectors,
            },
            EighJob {
                uplo,
                a: a1,
                w: w1,
                vectors,
            },
        )
    }
    fn run(mut self) -> Failure {
        let n = self.a.nrows();
        let mut ws = Workspace::new(n, self.vectors);
        let mut failure = None;
        for k in 0..self.len() {
            let result = ws.load(self.uplo, self.a.get(k)).and_then(|()| {
                let r = ws.solve(
                    None::<&Serial>,
                    &mut self.w[k * n..(k + 1) * n],
                    unblocked_reduce,
                    |q, tau, z| {
                        back_transform(q, n, tau, z);
                        Ok(())
                    },
                );
                if self.vectors && (r.is_ok() || is_no_convergence(&r)) {
                    ws.store_vectors(self.a.get_mut(k));
                }
                r
            });
            if let Err(e) = result {
                failure = failure.or(Some((k, e)));
            }
        }
        failure
    }
}

/// Runs a batched job on `backend`'s parallel loops: one run of
/// consecutive systems per thread, or on the caller when the batch is too
/// small to pay for the fork-join.
fn run_on_loops<J: BatchJob, B: ParallelLoops + ?Sized>(backend: &B, job: J) -> Result<()> {
    let p = backend.num_threads().min(job.len());
    if p <= 1 || !worth_splitting(&job) {
        return finish(job.run());
    }
    let total = job.len();
    let mut slots = Vec::with_capacity(p);
    let (mut rest, mut start) = (job, 0);
    for t in 0..p {
        let take = total / p + usize::from(t < total % p);
        let (head, tail) = rest.split_at(take);
        slots.push((start, Mutex::new(Some(head)), Mutex::new(None)));
        start += take;
        rest = tail;
    }
    backend.parallel_for(0..p, Schedule::Dynamic { chunk: 1 }, &|range, _| {
        for t in range {
            let (_, slot, out) = &slots[t];
            let job = slot.lock().map(|mut s| s.take()).ok().flatten();
            if let Some(job) = job {
                let f = job.run();
                if let Ok(mut out) = out.lock() {
                    *out = f;
                }
            }
        }
    })?;
    let first = slots.into_iter().fold(None, |acc, (start, _, f)| {
        let f: Failure = f.into_inner().unwrap_or(None);
        acc.or(first_failure(None, f, start))
    });
    finish(first)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Serial;
    use num_complex::Complex64;

    /// The eigenvalues of a Hermitian matrix by the cyclic Jacobi method on
    /// the real symmetric `2n x 2n` embedding `[[Re, -Im], [Im, Re]]`
    /// (each eigenvalue twice): an independent reference.
    fn jacobi(a: &[Complex64], n: usize) -> Vec<f64> {
        let m = 2 * n;
        let mut s = vec![0.0f64; m * m];
        for j in 0..n {
            for i in 0..n {
                let z = a[i + j * n];
                s[i + j * m] = z.re;
                s[(i + n) + (j + n) * m] = z.re;
                s[(i + n) + j * m] = z.im;
                s[i + (j + n) * m] = -z.im;
            }
        }
        for _ in 0..100 {
            let off: f64 = (0..m)
                .flat_map(|j| (0..m).filter(move |&i| i != j).map(move |i| (i, j)))
                .map(|(i, j)| s[i + j * m].powi(2))
                .sum();
            if off < 1e-30 {
                break;
            }
            for p in 0..m {
                for q in p + 1..m {
                    let apq = s[p + q * m];
                    if apq == 0.0 {
                        continue;
                    }
                    let theta = (s[q + q * m] - s[p + p * m]) / (2.0 * apq);
                    let t = theta.signum() / (theta.abs() + (theta * theta + 1.0).sqrt());
                    let t = if theta == 0.0 { 1.0 } else { t };
                    let c = 1.0 / (t * t + 1.0).sqrt();
                    let sn = t * c;
                    for k in 0..m {
                        let (kp, kq) = (s[k + p * m], s[k + q * m]);
                        s[k + p * m] = c * kp - sn * kq;
                        s[k + q * m] = sn * kp + c * kq;
                    }
                    for k in 0..m {
                        let (pk, qk) = (s[p + k * m], s[q + k * m]);
                        s[p + k * m] = c * pk - sn * qk;
                        s[q + k * m] = sn * pk + c * qk;
                    }
                }
            }
        }
        let mut d: Vec<f64> = (0..m).map(|i| s[i + i * m]).collect();
        d.sort_by(f64::total_cmp);
        d.into_iter().step_by(2).collect()
    }

    fn random(n: usize, seed: u64, complex: bool) -> Vec<Complex64> {
        let mut x = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
        let mut next = move || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            ((x >> 11) as f64) / ((1u64 << 53) as f64) - 0.5
        };
        let mut a = vec![Complex64::new(0.0, 0.0); n * n];
        for j in 0..n {
            for i in j..n {
                let im = if complex && i != j { next() } else { 0.0 };
                let z = Complex64::new(next(), im);
                a[i + j * n] = z;
                a[j + i * n] = z.conj();
            }
        }
        a
    }

    /// Eigenvalues against the Jacobi reference, real and complex, both
    /// triangles, small orders.
    #[test]
    fn against_jacobi() {
        for n in 0..9 {
            for complex in [false, true] {
                let a = random(n, 17 + n as u64, complex);
                let want = jacobi(&a, n);
                for uplo in [Uplo::Lower, Uplo::Upper] {
                    let mut w = vec![0.0; n];
                    if complex {
                        let mut c = a.clone();
                        Serial
                            .eigh(
                                uplo,
                                MatMut::col_major(&mut c, n, n, n.max(1)).unwrap(),
                                &mut w,
                                false,
                            )
                            .unwrap();
                    } else {
                        let mut r: Vec<f64> = a.iter().map(|z| z.re).collect();
                        Serial
                            .eigh(
                                uplo,
                                MatMut::col_major(&mut r, n, n, n.max(1)).unwrap(),
                                &mut w,
                                true,
                            )
                            .unwrap();
                    }
                    for (x, y) in w.iter().zip(&want) {
                        assert!(
                            (x - y).abs() < 1e-13,
                            "n {n} {complex} {uplo:?}: {w:?} vs {want:?}"
                        );
                    }
                }
            }
        }
    }

    /// The eigenvectors accumulated in runs of rows (as on several threads)
    /// are those accumulated whole, bit for bit.
    #[test]
    fn rotations_in_runs_of_rows() {
        let n = 50;
        let a = random(n, 3, false);
        let d0: Vec<f64> = (0..n).map(|i| a[i + i * n].re).collect();
        let e0: Vec<f64> = (0..n - 1).map(|i| a[i + 1 + i * n].re).collect();
        let identity = |z: &mut Vec<f64>| z.iter_mut().step_by(n + 1).for_each(|x| *x = 1.0);
        let (mut d1, mut e1, mut z1) = (d0.clone(), e0.clone(), vec![0.0; n * n]);
        identity(&mut z1);
        assert_eq!(
            steqr(&mut d1, &mut e1, Some(&mut ColMajor { z: &mut z1, n }), 30),
            0
        );
        for (parts, min_work) in [(2, 0), (3, 0), (7, 0), (3, usize::MAX)] {
            let (mut d2, mut e2, mut z2) = (d0.clone(), e0.clone(), vec![0.0; n * n]);
            identity(&mut z2);
            let mut rows = ParallelRows::new(&Serial, &mut z2, n, parts, min_work);
            assert_eq!(rows.blocks.len(), parts);
            assert_eq!(steqr(&mut d2, &mut e2, Some(&mut rows), 30), 0);
            assert!(rows.failed.is_none());
            drop(rows);
            assert_eq!((&d1, &z1), (&d2, &z2), "{parts} runs");
        }
    }
}
