//! Dense factorizations and solves (the LAPACK class): LU with partial
//! pivoting (`getrf`, `getrs`, `gesv`) and Cholesky (`potrf`, `potrs`,
//! `posv`), for `f32`, `f64`, `c32` and `c64`, on views with any strides.
//!
//! # Why recursive algorithms on the backend's own trsm and gemm
//!
//! The default bodies of [`Factor`] are the recursive algorithms of Toledo
//! (LU) and Gustavson (Cholesky), as in LAPACK's `getrf2`/`potrf2`: split the
//! columns in halves, factor the left half, update the right half with one
//! [`Level3::trsm`] and one [`Level3::gemm`] (or [`Level3::herk`]), factor
//! what is left. Nearly all the work lands in the backend's gemm, so every
//! backend gets a factorization at the speed of its own gemm and under its
//! own thread budget, and a backend with a faster trsm or gemm speeds up its
//! factorizations with no code here. The engine was measured before it was
//! chosen (faer, these recursions on the threads backend, OpenBLAS's LAPACK):
//! at one thread they matched faer and OpenBLAS's `dgetrf`/`dpotrf` at
//! orders 1000 and 2000, with no second dependency and no second thread
//! pool; see the benches' `factor_bench` for the command and the ratios.
//!
//! The [`Serial`](crate::Serial) backend overrides the factorizations with
//! the unblocked right-looking (LU, LAPACK's `getf2`) and left-looking
//! (Cholesky, `potf2`) loops: the reference the conformance suite compares
//! the other backends with.
//!
//! # Numerical failure
//!
//! A singular matrix in LU and a matrix that is not positive definite in
//! Cholesky are not argument errors: they come back as
//! [`ErrorKind::Singular`] and [`ErrorKind::NotPositiveDefinite`], with
//! [`Error::info`] giving the index LAPACK's `info` would (1-based: the
//! column `info - 1`, counted from 0, holds the exact zero pivot `U(j, j)`;
//! the leading minor of order `info` is not positive definite). The outputs
//! are left as LAPACK leaves them: LU finishes the factorization (`U` has the
//! zero on its diagonal, all pivots are written); Cholesky stops at the
//! failing column, whose diagonal element holds the non-positive value met,
//! with the columns before it holding the factor of the leading minor. The
//! factor-and-solve calls leave the right-hand sides untouched on failure.
//!
//! # NaN
//!
//! LU does not look for NaN (neither does LAPACK): NaN in the input gives NaN
//! in the factors and the solution, and no error unless a pivot is exactly
//! zero. Cholesky reports a NaN on the diagonal as
//! [`ErrorKind::NotPositiveDefinite`], as LAPACK's `potrf` does.
//!
//! # Inverses, determinants, batches
//!
//! The inverses (`trtri`, `getri`, `potri`) and determinants are in
//! [`crate::factor_inverse`]; the batched small systems (many equally
//! shaped matrices, one per thread) in [`crate::factor_batch`].
//!
//! Pivot indices are 0-based: row `i` was interchanged with row `ipiv[i]`
//! (`ipiv[i] >= i`), in order, as LAPACK's `ipiv` minus one.

use crate::backend::{Diag, Level3, Side, Trans, Uplo};
use crate::batch::{BatchMut, BatchRef};
use crate::blocked::split;
use crate::error::{Error, ErrorKind, Result};
use crate::factor_batch as batch;
use crate::scalar::Element;
use crate::view::{MatMut, MatRef};
use num_traits::Float;

/// Column panels of at most this width are factored by the unblocked LU loop
/// (on a contiguous copy); wider ones are split.
pub const LU_LEAF: usize = 16;

/// Diagonal blocks of at most this order are factored by the unblocked
/// Cholesky loop; larger ones are split.
pub const CHOLESKY_LEAF: usize = 32;

/// Dense factorizations and solves. Every method has a default body built on
/// the backend's [`Level3::trsm`] and [`Level3::gemm`] (see the module
/// documentation), so every backend has them; a backend overrides where it
/// has something faster, or refuses with [`ErrorKind::Unsupported`].
///
/// ```
/// use oxpar_core::prelude::*;
/// use oxpar_core::Serial;
///
/// // Solve A*x = b by LU (row-major A), then factor a singular matrix.
/// let mut a = [2.0f64, 1.0, 1.0, 3.0];
/// let mut b = [3.0, 5.0];
/// let mut ipiv = [0; 2];
/// Serial.lu_factor_solve(
///     MatMut::row_major(&mut a, 2, 2, 2)?,
///     &mut ipiv,
///     MatMut::col_major(&mut b, 2, 1, 2)?,
/// )?;
/// assert!((b[0] - 0.8).abs() < 1e-12 && (b[1] - 1.4).abs() < 1e-12);
///
/// let mut s = [1.0, 2.0, 2.0, 4.0];
/// let err = Serial.lu_factor(MatMut::row_major(&mut s, 2, 2, 2)?, &mut ipiv).unwrap_err();
/// assert_eq!(err.kind(), ErrorKind::Singular);
/// assert_eq!(err.info(), Some(2)); // U(1, 1) == 0: LAPACK's info 2
/// # Ok::<(), oxpar_core::Error>(())
/// ```
pub trait Factor<T: Element>: Level3<T> {
    /// LU factorization with partial pivoting of the `m x n` matrix `a`, in
    /// place: `A = P*L*U` with `L` unit lower triangular (trapezoidal when
    /// `m > n`; its unit diagonal is not stored) below the diagonal and `U`
    /// upper triangular (trapezoidal when `m < n`) on and above it.
    /// `ipiv` (length `min(m, n)`) receives the 0-based pivots: row `i` was
    /// interchanged with row `ipiv[i]`. LAPACK's `getrf`.
    ///
    /// An exactly zero pivot gives [`ErrorKind::Singular`] with
    /// [`Error::info`] the LAPACK `info` (its column plus one), after the
    /// factorization is complete, as LAPACK leaves it.
    fn lu_factor(&self, a: MatMut<'_, T>, ipiv: &mut [usize]) -> Result<()> {
        check_lu_factor(&a, ipiv)?;
        let info = lu_recursive(self, a, ipiv)?;
        singular(info)
    }

    /// Solves `op(A)*X = B` with the LU factors and pivots of a square `A`
    /// from [`Factor::lu_factor`]; `X` overwrites the `n x nrhs` matrix `b`.
    /// `trans` picks `A`, `A^T` or `A^H`. LAPACK's `getrs` (no test for a
    /// zero on `U`'s diagonal, as in LAPACK).
    fn lu_solve(
        &self,
        trans: Trans,
        lu: MatRef<'_, T>,
        ipiv: &[usize],
        mut b: MatMut<'_, T>,
    ) -> Result<()> {
        check_lu_solve(&lu, ipiv, &b)?;
        if lu.nrows() == 0 || b.ncols() == 0 {
            return Ok(());
        }
        match trans {
            Trans::No => {
                swap_rows(b.rb_mut(), ipiv, true);
                self.trsm(Side::Left, Uplo::Lower, Diag::Unit, T::ONE, lu, b.rb_mut())?;
                self.trsm(Side::Left, Uplo::Upper, Diag::NonUnit, T::ONE, lu, b)
            }
            Trans::Yes | Trans::ConjYes => {
                // op(A) = op(U)*op(L)*P^T; op(U) is lower, op(L) upper.
                let t = trans.apply(lu);
                self.trsm(
                    Side::Left,
                    Uplo::Lower,
                    Diag::NonUnit,
                    T::ONE,
                    t,
                    b.rb_mut(),
                )?;
                self.trsm(Side::Left, Uplo::Upper, Diag::Unit, T::ONE, t, b.rb_mut())?;
                swap_rows(b, ipiv, false);
                Ok(())
            }
        }
    }

    /// Solves `A*X = B` for a square `A` by [`Factor::lu_factor`] and
    /// [`Factor::lu_solve`]: `a` is overwritten by its factors, `ipiv` by the
    /// pivots, `b` by `X`. On [`ErrorKind::Singular`], `a` and `ipiv` hold
    /// the finished factorization and `b` is untouched. LAPACK's `gesv`.
    fn lu_factor_solve(
        &self,
        mut a: MatMut<'_, T>,
        ipiv: &mut [usize],
        b: MatMut<'_, T>,
    ) -> Result<()> {
        crate::backend::check::square("a", (a.nrows(), a.ncols()))?;
        check_rhs(a.nrows(), &b)?;
        self.lu_factor(a.rb_mut(), ipiv)?;
        self.lu_solve(Trans::No, a.as_ref(), ipiv, b)
    }

    /// Cholesky factorization of the Hermitian (symmetric for reals)
    /// positive definite `n x n` matrix held in the `uplo` triangle of `a`,
    /// in place: `A = L*L^H` ([`Uplo::Lower`]) or `A = U^H*U`
    /// ([`Uplo::Upper`]), the factor overwriting that triangle; the other
    /// triangle is neither read nor written, and the imaginary parts of the
    /// diagonal are taken as zero. LAPACK's `potrf`.
    ///
    /// A leading minor that is not positive definite (or a NaN met on the
    /// diagonal) gives [`ErrorKind::NotPositiveDefinite`] with
    /// [`Error::info`] its order; `a` is left as LAPACK leaves it (see the
    /// module documentation).
    fn cholesky(&self, uplo: Uplo, a: MatMut<'_, T>) -> Result<()> {
        crate::backend::check::square("a", (a.nrows(), a.ncols()))?;
        let info = cholesky_recursive(self, lower_form(uplo, a))?;
        not_positive_definite(info)
    }

    /// Solves `A*X = B` with the Cholesky factor of `A` from
    /// [`Factor::cholesky`] in the `uplo` triangle of `factor`; `X`
    /// overwrites the `n x nrhs` matrix `b`. LAPACK's `potrs`.
    fn cho_solve(&self, uplo: Uplo, factor: MatRef<'_, T>, mut b: MatMut<'_, T>) -> Result<()> {
        crate::backend::check::square("factor", (factor.nrows(), factor.ncols()))?;
        check_rhs(factor.nrows(), &b)?;
        if factor.nrows() == 0 || b.ncols() == 0 {
            return Ok(());
        }
        // A = L*L^H with L the lower triangle of the view (or of U^H).
        let (l, lh) = match uplo {
            Uplo::Lower => (factor, factor.h()),
            Uplo::Upper => (factor.h(), factor),
        };
        self.trsm(
            Side::Left,
            Uplo::Lower,
            Diag::NonUnit,
            T::ONE,
            l,
            b.rb_mut(),
        )?;
        self.trsm(Side::Left, Uplo::Upper, Diag::NonUnit, T::ONE, lh, b)
    }

    /// Solves `A*X = B` for a Hermitian positive definite `A` by
    /// [`Factor::cholesky`] and [`Factor::cho_solve`]; on
    /// [`ErrorKind::NotPositiveDefinite`], `b` is untouched. LAPACK's `posv`.
    fn cho_factor_solve(&self, uplo: Uplo, mut a: MatMut<'_, T>, b: MatMut<'_, T>) -> Result<()> {
        crate::backend::check::square("a", (a.nrows(), a.ncols()))?;
        check_rhs(a.nrows(), &b)?;
        self.cholesky(uplo, a.rb_mut())?;
        self.cho_solve(uplo, a.as_ref(), b)
    }

    /// Inverts the `uplo` triangle of the square `a` in place (unit
    /// diagonal taken as 1 and not referenced with [`Diag::Unit`]); the
    /// other triangle is neither read nor written. LAPACK's `trtri`. An
    /// exactly zero diagonal element gives [`ErrorKind::Singular`] with its
    /// column plus one as [`Error::info`], and `a` untouched. See
    /// [`crate::factor_inverse`].
    fn tri_inverse(&self, uplo: Uplo, diag: Diag, a: MatMut<'_, T>) -> Result<()> {
        crate::factor_inverse::tri_inverse(self, uplo, diag, a)
    }

    /// Overwrites the LU factors `lu` (with their pivots, from
    /// [`Factor::lu_factor`]) by the inverse of the factored matrix.
    /// LAPACK's `getri`; allocates an `n x n` workspace. A zero on `U`'s
    /// diagonal gives [`ErrorKind::Singular`] with `lu` untouched.
    fn lu_inverse(&self, lu: MatMut<'_, T>, ipiv: &[usize]) -> Result<()> {
        crate::factor_inverse::lu_inverse(self, lu, ipiv)
    }

    /// Overwrites the square `a` by its inverse, through
    /// [`Factor::lu_factor`] and [`Factor::lu_inverse`] (NumPy's `inv`). A
    /// singular `a` gives [`ErrorKind::Singular`] with `a` holding its LU
    /// factors.
    fn inv(&self, mut a: MatMut<'_, T>) -> Result<()> {
        crate::backend::check::square("a", (a.nrows(), a.ncols()))?;
        let mut ipiv = vec![0; a.nrows()];
        self.lu_factor(a.rb_mut(), &mut ipiv)?;
        self.lu_inverse(a, &ipiv)
    }

    /// Overwrites the Cholesky factor in the `uplo` triangle of `a` (from
    /// [`Factor::cholesky`]) by the same triangle of the inverse of the
    /// factored matrix. LAPACK's `potri`. A zero on the factor's diagonal
    /// gives [`ErrorKind::Singular`] with `a` untouched.
    fn cho_inverse(&self, uplo: Uplo, a: MatMut<'_, T>) -> Result<()> {
        crate::factor_inverse::cho_inverse(self, uplo, a)
    }

    /// The determinant of the square `a`, which is overwritten by its LU
    /// factors; 0 for a singular matrix (no error, as NumPy's `det`).
    fn det(&self, mut a: MatMut<'_, T>) -> Result<T> {
        crate::backend::check::square("a", (a.nrows(), a.ncols()))?;
        let mut ipiv = vec![0; a.nrows()];
        match self.lu_factor(a.rb_mut(), &mut ipiv) {
            Err(e) if e.kind() != ErrorKind::Singular => Err(e),
            _ => Ok(crate::factor_inverse::lu_det(a.as_ref(), &ipiv)),
        }
    }

    /// `(sign, log|det|)` of the square `a`, which is overwritten by its LU
    /// factors, as NumPy's `slogdet`: `det = sign * exp(logabs)` without
    /// over- or underflow; `sign` is a phase for complex types; a singular
    /// matrix gives `(0, -inf)`.
    fn slogdet(&self, mut a: MatMut<'_, T>) -> Result<(T, T::Real)> {
        crate::backend::check::square("a", (a.nrows(), a.ncols()))?;
        let mut ipiv = vec![0; a.nrows()];
        match self.lu_factor(a.rb_mut(), &mut ipiv) {
            Err(e) if e.kind() != ErrorKind::Singular => Err(e),
            _ => Ok(crate::factor_inverse::lu_slogdet(a.as_ref(), &ipiv)),
        }
    }

    /// Solves every system `A_k*X_k = B_k` of a batch (LAPACK's `gesv` on
    /// each): `a` is overwritten by the LU factors, `ipiv` (length
    /// `count * n`, system `k`'s pivots at `k*n..`) by the pivots, `b` by the
    /// solutions. A singular system does not stop the others; see
    /// [`crate::factor_batch`] for the error and the outputs.
    fn lu_factor_solve_batch(
        &self,
        a: BatchMut<'_, T>,
        ipiv: &mut [usize],
        b: BatchMut<'_, T>,
    ) -> Result<()> {
        batch::run_serial(batch::LuSolveJob::new(a, ipiv, b)?)
    }

    /// Overwrites every matrix of a batch by its inverse; see
    /// [`crate::factor_batch`] for a singular system.
    fn inv_batch(&self, a: BatchMut<'_, T>) -> Result<()> {
        batch::run_serial(batch::InvJob::new(a)?)
    }

    /// The determinant of every matrix of a batch into `det` (one per
    /// matrix); `a` is only read.
    fn det_batch(&self, a: BatchRef<'_, T>, det: &mut [T]) -> Result<()> {
        batch::run_serial(batch::DetJob::new(a, det)?)
    }

    /// [`Factor::slogdet`] of every matrix of a batch into `sign` and
    /// `logabs` (one each per matrix); `a` is only read.
    fn slogdet_batch(
        &self,
        a: BatchRef<'_, T>,
        sign: &mut [T],
        logabs: &mut [T::Real],
    ) -> Result<()> {
        batch::run_serial(batch::SlogdetJob::new(a, sign, logabs)?)
    }

    /// [`Factor::cholesky`] of every matrix of a batch, in place; see
    /// [`crate::factor_batch`] for a system that is not positive definite.
    fn cholesky_batch(&self, uplo: Uplo, a: BatchMut<'_, T>) -> Result<()> {
        batch::run_serial(batch::CholeskyJob::new(uplo, a)?)
    }
}

impl<T: Element, B: Factor<T> + ?Sized> Factor<T> for Box<B> {
    fn lu_factor(&self, a: MatMut<'_, T>, ipiv: &mut [usize]) -> Result<()> {
        (**self).lu_factor(a, ipiv)
    }
    fn lu_solve(
        &self,
        trans: Trans,
        lu: MatRef<'_, T>,
        ipiv: &[usize],
        b: MatMut<'_, T>,
    ) -> Result<()> {
        (**self).lu_solve(trans, lu, ipiv, b)
    }
    fn lu_factor_solve(
        &self,
        a: MatMut<'_, T>,
        ipiv: &mut [usize],
        b: MatMut<'_, T>,
    ) -> Result<()> {
        (**self).lu_factor_solve(a, ipiv, b)
    }
    fn cholesky(&self, uplo: Uplo, a: MatMut<'_, T>) -> Result<()> {
        (**self).cholesky(uplo, a)
    }
    fn cho_solve(&self, uplo: Uplo, factor: MatRef<'_, T>, b: MatMut<'_, T>) -> Result<()> {
        (**self).cho_solve(uplo, factor, b)
    }
    fn cho_factor_solve(&self, uplo: Uplo, a: MatMut<'_, T>, b: MatMut<'_, T>) -> Result<()> {
        (**self).cho_factor_solve(uplo, a, b)
    }
    fn tri_inverse(&self, uplo: Uplo, diag: Diag, a: MatMut<'_, T>) -> Result<()> {
        (**self).tri_inverse(uplo, diag, a)
    }
    fn lu_inverse(&self, lu: MatMut<'_, T>, ipiv: &[usize]) -> Result<()> {
        (**self).lu_inverse(lu, ipiv)
    }
    fn inv(&self, a: MatMut<'_, T>) -> Result<()> {
        (**self).inv(a)
    }
    fn cho_inverse(&self, uplo: Uplo, a: MatMut<'_, T>) -> Result<()> {
        (**self).cho_inverse(uplo, a)
    }
    fn det(&self, a: MatMut<'_, T>) -> Result<T> {
        (**self).det(a)
    }
    fn slogdet(&self, a: MatMut<'_, T>) -> Result<(T, T::Real)> {
        (**self).slogdet(a)
    }
    fn lu_factor_solve_batch(
        &self,
        a: BatchMut<'_, T>,
        ipiv: &mut [usize],
        b: BatchMut<'_, T>,
    ) -> Result<()> {
        (**self).lu_factor_solve_batch(a, ipiv, b)
    }
    fn inv_batch(&self, a: BatchMut<'_, T>) -> Result<()> {
        (**self).inv_batch(a)
    }
    fn det_batch(&self, a: BatchRef<'_, T>, det: &mut [T]) -> Result<()> {
        (**self).det_batch(a, det)
    }
    fn slogdet_batch(
        &self,
        a: BatchRef<'_, T>,
        sign: &mut [T],
        logabs: &mut [T::Real],
    ) -> Result<()> {
        (**self).slogdet_batch(a, sign, logabs)
    }
    fn cholesky_batch(&self, uplo: Uplo, a: BatchMut<'_, T>) -> Result<()> {
        (**self).cholesky_batch(uplo, a)
    }
}

/// `Ok` when no pivot was zero, else [`ErrorKind::Singular`] for the
/// 0-based column `j`.
pub fn singular(zero_pivot: Option<usize>) -> Result<()> {
    match zero_pivot {
        None => Ok(()),
        Some(j) => Err(Error::numerical(
            ErrorKind::Singular,
            j + 1,
            format!(
                "the matrix is singular: U({j}, {j}) is exactly zero (LAPACK info {}); the factorization was completed",
                j + 1
            ),
        )),
    }
}

/// `Ok` when every leading minor was positive definite, else
/// [`ErrorKind::NotPositiveDefinite`] for the 0-based column `j`.
pub fn not_positive_definite(failed: Option<usize>) -> Result<()> {
    match failed {
        None => Ok(()),
        Some(j) => Err(Error::numerical(
            ErrorKind::NotPositiveDefinite,
            j + 1,
            format!(
                "the matrix is not positive definite: the leading minor of order {} is not (LAPACK info {0})",
                j + 1
            ),
        )),
    }
}

/// The argument checks of [`Factor::lu_factor`].
pub fn check_lu_factor<T: Element>(a: &MatMut<'_, T>, ipiv: &[usize]) -> Result<()> {
    let k = a.nrows().min(a.ncols());
    if ipiv.len() != k {
        return Err(Error::shape_mismatch(format!(
            "ipiv: has length {}, a {}x{} matrix needs min(m, n) = {k}",
            ipiv.len(),
            a.nrows(),
            a.ncols()
        )));
    }
    Ok(())
}

/// The argument checks of [`Factor::lu_solve`]: a square factor, pivots of
/// its order that point inside it, and right-hand sides with its row count.
pub fn check_lu_solve<T: Element>(
    lu: &MatRef<'_, T>,
    ipiv: &[usize],
    b: &MatMut<'_, T>,
) -> Result<()> {
    crate::backend::check::square("lu", (lu.nrows(), lu.ncols()))?;
    let n = lu.nrows();
    if ipiv.len() != n {
        return Err(Error::shape_mismatch(format!(
            "ipiv: has length {}, the factor has order {n}",
            ipiv.len()
        )));
    }
    if let Some((i, &p)) = ipiv.iter().enumerate().find(|&(i, &p)| p >= n || p < i) {
        return Err(Error::invalid_argument(
            "ipiv",
            format!(
                "ipiv[{i}] = {p} is not a pivot of an order-{n} factorization (i <= ipiv[i] < n)"
            ),
        ));
    }
    check_rhs(n, b)
}

fn check_rhs<T: Element>(n: usize, b: &MatMut<'_, T>) -> Result<()> {
    if b.nrows() != n {
        return Err(Error::shape_mismatch(format!(
            "b: has {} rows, the system has order {n}",
            b.nrows()
        )));
    }
    Ok(())
}

/// The lower-triangle form of a Cholesky factorization: the upper triangle
/// of a Hermitian `A` read through the transpose is the lower triangle of
/// `conj(A)`, whose factor `conj(A) = M*M^H` is `M = U^T` for `A = U^H*U`,
/// so factoring the transposed view in place leaves `U` where LAPACK does.
pub(crate) fn lower_form<T: Element>(uplo: Uplo, a: MatMut<'_, T>) -> MatMut<'_, T> {
    match uplo {
        Uplo::Lower => a,
        Uplo::Upper => a.t_mut(),
    }
}

/// Interchanges rows `i` and `ipiv[i]` of `a` for `i` in order (`forward`)
/// or in reverse order: LAPACK's `laswp` with 0-based pivots.
pub fn swap_rows<T: Element>(mut a: MatMut<'_, T>, ipiv: &[usize], forward: bool) {
    let swap = |i: usize, a: &mut MatMut<'_, T>| {
        let p = ipiv[i];
        if p != i {
            for j in 0..a.ncols() {
                let t = a.get(i, j);
                a.set(i, j, a.get(p, j));
                a.set(p, j, t);
            }
        }
    };
    // Column by column over contiguous columns (the cache-friendly order
    // for column-major storage); row by row otherwise.
    if a.rs() == 1 && a.ncols() > 1 {
        for j in 0..a.ncols() {
            let mut col = a.col_mut(j);
            let s = col.as_slice_mut().expect("unit row stride");
            if forward {
                ipiv.iter().enumerate().for_each(|(i, &p)| s.swap(i, p));
            } else {
                ipiv.iter()
                    .enumerate()
                    .rev()
                    .for_each(|(i, &p)| s.swap(i, p));
            }
        }
    } else if forward {
        (0..ipiv.len()).for_each(|i| swap(i, &mut a));
    } else {
        (0..ipiv.len()).rev().for_each(|i| swap(i, &mut a));
    }
}

/// The recursive LU factorization (LAPACK's `getrf2`, Toledo's algorithm)
/// on `backend`'s trsm and gemm, with [`lu_unblocked`] on panels of at most
/// [`LU_LEAF`] columns. Returns the 0-based column of the first exactly
/// zero pivot, if any; the factorization is always completed.
pub fn lu_recursive<T: Element, B: Level3<T> + ?Sized>(
    backend: &B,
    mut a: MatMut<'_, T>,
    ipiv: &mut [usize],
) -> Result<Option<usize>> {
    let (m, n) = (a.nrows(), a.ncols());
    let k = m.min(n);
    if k == 0 {
        return Ok(None);
    }
    if n <= LU_LEAF {
        return Ok(lu_unblocked(a, ipiv));
    }
    let n1 = split(k);
    let (mut left, mut right) = a.rb_mut().split_at_col_mut(n1);
    // [A11; A21] = P1*[L11; L21]*U11.
    let info1 = lu_recursive(backend, left.rb_mut(), &mut ipiv[..n1])?;
    swap_rows(right.rb_mut(), &ipiv[..n1], true);
    let (a11, a21) = left.split_at_row_mut(n1);
    let (mut a12, mut a22) = right.split_at_row_mut(n1);
    // U12 = L11^-1 * A12; A22 -= L21*U12.
    backend.trsm(
        Side::Left,
        Uplo::Lower,
        Diag::Unit,
        T::ONE,
        a11.as_ref(),
        a12.rb_mut(),
    )?;
    backend.gemm(-T::ONE, a21.as_ref(), a12.as_ref(), T::ONE, a22.rb_mut())?;
    let info2 = lu_recursive(backend, a22, &mut ipiv[n1..k])?;
    swap_rows(a21, &ipiv[n1..k], true);
    ipiv[n1..k].iter_mut().for_each(|p| *p += n1);
    Ok(info1.or(info2.map(|j| j + n1)))
}

/// The unblocked right-looking LU with partial pivoting (LAPACK's `getf2`):
/// the reference, and the leaf of [`lu_recursive`]. It works on a
/// contiguous column-major copy of `a` (so any strides run at the speed of
/// plain slices) and writes it back. The pivot is the first element of
/// largest [`Element::abs1`] (BLAS's `i?amax`); a zero pivot column is left
/// unscaled and reported (the first one, 0-based).
pub fn lu_unblocked<T: Element>(mut a: MatMut<'_, T>, ipiv: &mut [usize]) -> Option<usize> {
    let (m, n) = (a.nrows(), a.ncols());
    let mut w: Vec<T> = Vec::with_capacity(m * n);
    for j in 0..n {
        w.extend((0..m).map(|i| a.get(i, j)));
    }
    let info = lu_in_place(&mut w, m, n, ipiv);
    for j in 0..n {
        for i in 0..m {
            a.set(i, j, w[i + j * m]);
        }
    }
    info
}

/// The loop of [`lu_unblocked`] on a contiguous column-major `m x n`
/// matrix `w` (the batched small systems call it on a reused workspace).
pub fn lu_in_place<T: Element>(
    w: &mut [T],
    m: usize,
    n: usize,
    ipiv: &mut [usize],
) -> Option<usize> {
    debug_assert!(w.len() == m * n && ipiv.len() == m.min(n));
    let mut info = None;
    for k in 0..m.min(n) {
        let col = &w[k * m..(k + 1) * m];
        let (mut p, mut best) = (k, col[k].abs1());
        for (i, v) in col.iter().enumerate().skip(k + 1) {
            if v.abs1() > best {
                (p, best) = (i, v.abs1());
            }
        }
        ipiv[k] = p;
        if w[p + k * m] != T::ZERO {
            if p != k {
                for j in 0..n {
                    w.swap(k + j * m, p + j * m);
                }
            }
            let pivot = w[k + k * m];
            for v in &mut w[k * m + k + 1..(k + 1) * m] {
                *v = v.quotient(pivot);
            }
        } else if info.is_none() {
            info = Some(k);
        }
        // A22 -= l21 * u12, skipping zero multipliers as reference ger does.
        let (done, rest) = w.split_at_mut((k + 1) * m);
        let l21 = &done[k * m + k + 1..];
        for col in rest.chunks_exact_mut(m) {
            let u = col[k];
            if u != T::ZERO {
                for (c, &l) in col[k + 1..].iter_mut().zip(l21) {
                    *c -= l * u;
                }
            }
        }
    }
    info
}

/// The recursive Cholesky factorization of the lower triangle (LAPACK's
/// `potrf2`) on `backend`'s trsm and herk (syrk for reals), with
/// [`cholesky_unblocked`] on diagonal blocks of at most [`CHOLESKY_LEAF`].
/// Returns the 0-based column where a leading minor failed, if any.
pub fn cholesky_recursive<T: Element, B: Level3<T> + ?Sized>(
    backend: &B,
    a: MatMut<'_, T>,
) -> Result<Option<usize>> {
    let n = a.nrows();
    if n <= CHOLESKY_LEAF {
        return Ok(cholesky_unblocked(a));
    }
    let n1 = split(n);
    let (top, bottom) = a.split_at_row_mut(n1);
    let (mut a11, _) = top.split_at_col_mut(n1);
    let (mut a21, mut a22) = bottom.split_at_col_mut(n1);
    if let Some(j) = cholesky_recursive(backend, a11.rb_mut())? {
        return Ok(Some(j));
    }
    // L21 = A21 * L11^-H; A22 -= L21*L21^H.
    backend.trsm(
        Side::Right,
        Uplo::Upper,
        Diag::NonUnit,
        T::ONE,
        a11.as_ref().h(),
        a21.rb_mut(),
    )?;
    if T::DTYPE.is_complex() {
        let one = <T::Real as Element>::ONE;
        backend.herk(Uplo::Lower, -one, a21.as_ref(), one, a22.rb_mut())?;
    } else {
        // The same update for reals, through the kernel backends tune.
        backend.syrk(Uplo::Lower, -T::ONE, a21.as_ref(), T::ONE, a22.rb_mut())?;
    }
    Ok(cholesky_recursive(backend, a22)?.map(|j| j + n1))
}

/// The unblocked left-looking Cholesky factorization of the lower triangle
/// (LAPACK's `potf2`): the reference, and the leaf of
/// [`cholesky_recursive`]. Stops at the first column whose diagonal is not
/// positive (or NaN), storing that value there, and returns its 0-based
/// index.
pub fn cholesky_unblocked<T: Element>(mut a: MatMut<'_, T>) -> Option<usize> {
    for j in 0..a.nrows() {
        let mut d = a.get(j, j).re();
        for k in 0..j {
            let l = a.get(j, k);
            d -= (l * l.conj()).re();
        }
        // Not `d <= 0`: NaN fails too, as in LAPACK's `potf2`.
        if d.is_nan() || d <= <T::Real as Element>::ZERO {
            a.set(j, j, T::from_real(d));
            return Some(j);
        }
        let d = Float::sqrt(d);
        a.set(j, j, T::from_real(d));
        let d = T::from_real(d);
        for i in j + 1..a.nrows() {
            let mut v = a.get(i, j);
            for k in 0..j {
                v -= a.get(i, k) * a.get(j, k).conj();
            }
            a.set(i, j, v.quotient(d));
        }
    }
    None
}

/// The unblocked reference factorizations, for the serial backend.
pub mod reference {
    use super::*;

    /// [`Factor::lu_factor`] by the unblocked loop alone.
    pub fn lu_factor<T: Element>(a: MatMut<'_, T>, ipiv: &mut [usize]) -> Result<()> {
        check_lu_factor(&a, ipiv)?;
        singular(lu_unblocked(a, ipiv))
    }

    /// [`Factor::cholesky`] by the unblocked loop alone.
    pub fn cholesky<T: Element>(uplo: Uplo, a: MatMut<'_, T>) -> Result<()> {
        crate::backend::check::square("a", (a.nrows(), a.ncols()))?;
        not_positive_definite(cholesky_unblocked(lower_form(uplo, a)))
    }
}

/// Refuses `op` on an MPI backend: the factorizations, eigensolver and SVD
/// of whole matrices run on node-local contexts, and distributed ones are
/// not there yet. Every rank makes the same call, so every rank gets this
/// error, with no communication.
pub(crate) fn refuse_distributed(kind: crate::BackendKind, op: &str) -> Result<()> {
    if kind == crate::BackendKind::Mpi {
        return Err(Error::unsupported(format!(
            "{op}: distributed factorizations are not there yet on an MPI context; \
             factor whole matrices on a node-local context (serial or threads)"
        )));
    }
    Ok(())
}
