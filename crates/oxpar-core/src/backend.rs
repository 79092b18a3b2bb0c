//! The backend trait family.
//!
//! Operations are split into families ([`Level1`], [`Level2`], [`Level3`],
//! [`ParallelLoops`]) so a backend can grow one family at a time, as burn splits
//! its tensor ops. Every method takes views of host memory and is object-safe,
//! so the C ABI can hold a `Box<dyn HostBackend>` behind an opaque context.
//! (Device-resident buffers, for OpenCL, get their own trait when that backend
//! arrives; the host path here stays the common denominator.)
//!
//! Argument checks that do not depend on the backend live in [`check`], so
//! every backend reports the same error for the same mistake.

use std::fmt::Debug;
use std::ops::Range;

use num_complex::{Complex32, Complex64};

use crate::band::{BandRef, PackedMut, PackedRef};
use crate::blocked;
use crate::error::{Error, Result};
use crate::exact::{ExactSum, Reduction};
use crate::factor::Factor;
use crate::scalar::{Element, Scalar};
use crate::schedule::Schedule;
use crate::view::{MatMut, MatRef, VecMut, VecRef};

/// Which backend family an object belongs to.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum BackendKind {
    /// One thread, reference loops: the oracle for every other backend.
    Serial,
    /// Host threads (rayon and oxpar's fork-join team).
    Threads,
    /// OpenCL devices.
    OpenCl,
    /// MPI ranks over a node-local backend.
    Mpi,
}

impl BackendKind {
    /// The name used in context specs (`"serial"`, `"threads"`, ...).
    pub fn as_str(self) -> &'static str {
        match self {
            BackendKind::Serial => "serial",
            BackendKind::Threads => "threads",
            BackendKind::OpenCl => "opencl",
            BackendKind::Mpi => "mpi",
        }
    }
}

/// Whether a matrix operand is used as is, transposed or conjugate-transposed.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, Default)]
pub enum Trans {
    /// `op(A) = A`.
    #[default]
    No,
    /// `op(A) = A^T`.
    Yes,
    /// `op(A) = A^H`, the conjugate transpose. For real elements the same as
    /// [`Trans::Yes`] (BLAS's `'C'` on real data).
    ConjYes,
}

impl Trans {
    /// `op(a)`: the view itself, its transpose or its conjugate transpose
    /// (no data moves; see [`MatRef::h`]).
    pub fn apply<'a, T: Element>(self, a: MatRef<'a, T>) -> MatRef<'a, T> {
        match self {
            Trans::No => a,
            Trans::Yes => a.t(),
            Trans::ConjYes => a.h(),
        }
    }

    /// Whether `op(A)` swaps rows and columns ([`Trans::Yes`] or
    /// [`Trans::ConjYes`]).
    pub fn is_transposed(self) -> bool {
        self != Trans::No
    }
}

/// Which side of the other operand a symmetric or triangular matrix `A`
/// multiplies (symm, trmm) or divides (trsm) from.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, Default)]
pub enum Side {
    /// `A*B` (or `A*X = B`).
    #[default]
    Left,
    /// `B*A` (or `X*A = B`).
    Right,
}

/// Which triangle of a square view holds a symmetric or triangular matrix;
/// the other triangle is neither read nor written. It describes the view as
/// passed: the transpose `a.t()` of a view holding the upper triangle holds
/// the lower one (see [`Uplo::flip`]), which is how `op(A) = A^T` is asked for.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, Default)]
pub enum Uplo {
    /// Elements `(i, j)` with `i <= j`.
    #[default]
    Upper,
    /// Elements `(i, j)` with `i >= j`.
    Lower,
}

impl Uplo {
    /// The other triangle: what the transpose of the view holds.
    pub fn flip(self) -> Uplo {
        match self {
            Uplo::Upper => Uplo::Lower,
            Uplo::Lower => Uplo::Upper,
        }
    }

    /// Whether element `(i, j)` lies in this triangle (the diagonal belongs
    /// to both).
    pub fn holds(self, i: usize, j: usize) -> bool {
        match self {
            Uplo::Upper => i <= j,
            Uplo::Lower => i >= j,
        }
    }
}

/// Whether a triangular matrix has ones on its diagonal (not read) or the
/// stored diagonal.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, Default)]
pub enum Diag {
    /// The diagonal is read.
    #[default]
    NonUnit,
    /// The diagonal is taken as all ones and not read.
    Unit,
}

/// The operations of the trait family, named so that a front end can tell a
/// backend which one a process gave up on (see [`Backend::reject`]).
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Op {
    /// [`Level1::axpy`].
    Axpy,
    /// [`Level1::scal`].
    Scal,
    /// [`Level1::copy`].
    Copy,
    /// [`Level1::swap`].
    Swap,
    /// [`Level1::dot`].
    Dot,
    /// [`Level1::nrm2`].
    Nrm2,
    /// [`Level1::asum`].
    Asum,
    /// [`Level1::iamax`].
    Iamax,
    /// [`Level1::sum`].
    Sum,
    /// [`Level1::reduce_exact`] (reproducible `dot`, `nrm2`, `asum`, `sum`).
    ReduceExact,
    /// [`Level2::gemv`].
    Gemv,
    /// [`Level2::ger`].
    Ger,
    /// [`Level2::symv`].
    Symv,
    /// [`Level2::trmv`].
    Trmv,
    /// [`Level2::trsv`].
    Trsv,
    /// [`Level2::syr`].
    Syr,
    /// [`Level2::syr2`].
    Syr2,
    /// [`Level2::gbmv`].
    Gbmv,
    /// [`Level2::sbmv`].
    Sbmv,
    /// [`Level2::spmv`].
    Spmv,
    /// [`Level2::tbmv`].
    Tbmv,
    /// [`Level2::tbsv`].
    Tbsv,
    /// [`Level2::tpmv`].
    Tpmv,
    /// [`Level2::tpsv`].
    Tpsv,
    /// [`Level2::spr`].
    Spr,
    /// [`Level2::spr2`].
    Spr2,
    /// [`Level3::gemm`].
    Gemm,
    /// [`Level3::symm`].
    Symm,
    /// [`Level3::syrk`].
    Syrk,
    /// [`Level3::syr2k`].
    Syr2k,
    /// [`Level3::trmm`].
    Trmm,
    /// [`Level3::trsm`].
    Trsm,
    /// [`ParallelLoops::parallel_for`].
    ParallelFor,
    /// [`Factor::lu_factor`] (and the factor of
    /// [`Factor::lu_factor_solve`]).
    LuFactor,
    /// [`Factor::lu_solve`].
    LuSolve,
    /// [`Factor::cholesky`] (and the factor of
    /// [`Factor::cho_factor_solve`]).
    Cholesky,
    /// [`Factor::cho_solve`].
    ChoSolve,
}

/// What every backend says about itself.
pub trait Backend: Send + Sync + Debug {
    /// The backend family.
    fn kind(&self) -> BackendKind;
    /// A human-readable description, e.g. `"threads (4)"`.
    fn name(&self) -> String;
    /// How many threads this backend computes with.
    fn num_threads(&self) -> usize;
    /// Called by a front end (the C ABI, the bindings) when this process
    /// rejected the arguments of `op` before calling the backend. A backend
    /// whose operations are collective across processes (MPI) takes part in
    /// the operation's first collective as a failed process, so that the other
    /// processes return an error too instead of waiting for this one forever.
    /// Returns the error to report here; the default returns it unchanged.
    fn reject(&self, op: Op, error: Error) -> Error {
        let _ = op;
        error
    }
}

/// BLAS level 1: vector operations.
pub trait Level1<T: Element>: Backend {
    /// `y := alpha*x + y`. With `alpha == 0`, returns at once (x is not read),
    /// as reference BLAS does.
    fn axpy(&self, alpha: T, x: VecRef<'_, T>, y: VecMut<'_, T>) -> Result<()>;
    /// `x := alpha*x` (a plain product: `0 * NaN` is NaN).
    fn scal(&self, alpha: T, x: VecMut<'_, T>) -> Result<()>;
    /// `y := x`.
    fn copy(&self, x: VecRef<'_, T>, y: VecMut<'_, T>) -> Result<()>;
    /// Exchanges `x` and `y`.
    fn swap(&self, x: VecMut<'_, T>, y: VecMut<'_, T>) -> Result<()>;
    /// `x . y`; 0 for empty vectors. For complex elements this is BLAS's
    /// `dotu`: neither operand is conjugated.
    fn dot(&self, x: VecRef<'_, T>, y: VecRef<'_, T>) -> Result<T>;
    /// `conj(x) . y` (BLAS's `dotc`); [`Level1::dot`] for real elements. The
    /// default for complex elements is a plain loop on the calling thread.
    fn dotc(&self, x: VecRef<'_, T>, y: VecRef<'_, T>) -> Result<T> {
        if !T::DTYPE.is_complex() {
            return self.dot(x, y);
        }
        check::same_len(x.len(), y.len())?;
        Ok(x.iter()
            .zip(y.iter())
            .fold(T::ZERO, |acc, (a, b)| acc + a.conj() * b))
    }
    /// The Euclidean norm, without overflow or underflow in intermediate
    /// results: the answer is finite whenever the true norm is representable.
    /// NaN if any element is NaN; otherwise +inf if any element is infinite.
    fn nrm2(&self, x: VecRef<'_, T>) -> Result<T::Real>;
    /// The sum of absolute values, [`Element::abs1`] (`|re| + |im|` for
    /// complex elements, as BLAS).
    fn asum(&self, x: VecRef<'_, T>) -> Result<T::Real>;
    /// The 0-based index of the first element of largest [`Element::abs1`], or
    /// `None` for an empty vector. NaN counts as larger than every number: the
    /// first NaN wins (as NumPy's `argmax`; reference BLAS skips NaNs that are
    /// not first, which hides them).
    fn iamax(&self, x: VecRef<'_, T>) -> Result<Option<usize>>;
    /// `sum x_i`; 0 for an empty vector. The default adds in order on the
    /// calling thread, in f64, and rounds once to `T`.
    fn sum(&self, x: VecRef<'_, T>) -> Result<T> {
        Ok(T::sum_wide(x.iter()))
    }
    /// The ordinary (not reproducible) reduction `what` of `x` (and `y`, for
    /// [`Reduction::Dot`]; ignored otherwise) accumulated in f64 and **not**
    /// rounded to `T`: what a distributed backend adds across ranks before
    /// its one rounding, so that f32 data is summed in f64 end to end.
    /// [`Reduction::SumSq`] is the unscaled sum of squares (for f64 data it
    /// may overflow or underflow; `nrm2` does not use it). The default
    /// rounds through `T` (`dot`, `asum`, `sum`, and the square of `nrm2`);
    /// backends that accumulate in f64 return their accumulator. Real
    /// element types only (one f64 per result); complex data needs two.
    fn reduce_wide(&self, what: Reduction, x: VecRef<'_, T>, y: VecRef<'_, T>) -> Result<f64>
    where
        T: Scalar,
    {
        Ok(match what {
            Reduction::Dot => self.dot(x, y)?.as_f64(),
            Reduction::Asum => self.asum(x)?.as_f64(),
            Reduction::Sum => self.sum(x)?.as_f64(),
            Reduction::SumSq => {
                let n = self.nrm2(x)?.as_f64();
                n * n
            }
        })
    }
    /// Adds the reduction `what` of `x` (and `y`, for [`Reduction::Dot`];
    /// ignored otherwise) into an exact accumulator, without any rounding:
    /// the basis of reproducible mode (see [`crate::repro`]). Every backend
    /// returns the same accumulator for the same data, however it splits
    /// the work. The default goes element by element on the calling thread.
    /// Real element types only: a complex reduction needs an accumulator
    /// per component.
    fn reduce_exact(&self, what: Reduction, x: VecRef<'_, T>, y: VecRef<'_, T>) -> Result<ExactSum>
    where
        T: Scalar,
    {
        if what.needs_y() {
            check::same_len(x.len(), y.len())?;
        }
        Ok(crate::exact::reduce_elementwise(what, x, y))
    }
    /// The reduction `what` of `x` (and `y`, for [`Reduction::Dot`])
    /// computed exactly and correctly rounded to `T` (to nearest, ties to
    /// even): what reproducible mode returns for `dot`, `asum` and `sum`.
    /// The default rounds [`Level1::reduce_exact`]; a backend may take a
    /// faster path when it can prove that path's result is the correctly
    /// rounded one (correct rounding is unique, so the bits are the same).
    fn reduce_rounded(&self, what: Reduction, x: VecRef<'_, T>, y: VecRef<'_, T>) -> Result<T>
    where
        T: Scalar,
    {
        Ok(crate::exact::round_to(&self.reduce_exact(what, x, y)?))
    }
    /// The reduction `what` of `x` (and `y`, for [`Reduction::Dot`]) into
    /// one exact accumulator per component, `[real, imaginary]`, with `x`
    /// conjugated when `conj` (BLAS's `dotc`): what reproducible mode rounds
    /// complex `dot`, `dotc` and `sum` from, one rounding per component.
    /// [`Reduction::Asum`] (`|re| + |im|`) and [`Reduction::SumSq`] have a
    /// real result, in the first accumulator; for real elements the second
    /// is always zero. The default goes element by element on the calling
    /// thread; a distributed backend adds its processes' accumulators.
    fn reduce_exact_parts(
        &self,
        what: Reduction,
        conj: bool,
        x: VecRef<'_, T>,
        y: VecRef<'_, T>,
    ) -> Result<[ExactSum; 2]> {
        if what.needs_y() {
            check::same_len(x.len(), y.len())?;
        }
        Ok(crate::exact::reduce_parts_elementwise(what, conj, x, y))
    }
}

/// BLAS level 2: matrix-vector operations. `gemv` and `ger` are required;
/// the symmetric and triangular operations default to blocked versions built
/// on them (see [`crate::blocked`]).
pub trait Level2<T: Element>: Backend {
    /// `y := alpha*A*x + beta*y` (pass `a.t()` for `A^T`). With `beta == 0`, `y`
    /// is not read (NaN in it does not come out); with `alpha == 0`, `A` and `x`
    /// are not read.
    fn gemv(
        &self,
        alpha: T,
        a: MatRef<'_, T>,
        x: VecRef<'_, T>,
        beta: T,
        y: VecMut<'_, T>,
    ) -> Result<()>;
    /// `A := alpha*x*y^T + A`. With `alpha == 0`, returns at once.
    fn ger(&self, alpha: T, x: VecRef<'_, T>, y: VecRef<'_, T>, a: MatMut<'_, T>) -> Result<()>;
    /// `A := alpha*x*y^H + A` (BLAS's `gerc`; [`Level2::ger`] is `geru`);
    /// [`Level2::ger`] for real elements. With `alpha == 0`, returns at once.
    /// The default for complex elements is a plain loop on the calling thread.
    fn gerc(&self, alpha: T, x: VecRef<'_, T>, y: VecRef<'_, T>, a: MatMut<'_, T>) -> Result<()> {
        if !T::DTYPE.is_complex() {
            return self.ger(alpha, x, y, a);
        }
        check::ger(x.len(), y.len(), (a.nrows(), a.ncols()))?;
        crate::reference::gerc(alpha, x, y, a);
        Ok(())
    }
    /// `y := alpha*A*x + beta*y` with `A` symmetric, held in its `uplo`
    /// triangle (the other is not read). With `beta == 0`, `y` is not read;
    /// with `alpha == 0`, `A` and `x` are not read.
    fn symv(
        &self,
        uplo: Uplo,
        alpha: T,
        a: MatRef<'_, T>,
        x: VecRef<'_, T>,
        beta: T,
        y: VecMut<'_, T>,
    ) -> Result<()> {
        crate::blocked::symv(self, uplo, alpha, a, x, beta, y)
    }
    /// `x := A*x` with `A` triangular, held in its `uplo` triangle (pass
    /// `a.t()` and `uplo.flip()` for `A^T`).
    fn trmv(&self, uplo: Uplo, diag: Diag, a: MatRef<'_, T>, x: VecMut<'_, T>) -> Result<()> {
        crate::blocked::trmv(self, uplo, diag, a, x)
    }
    /// `x := A^-1*x` (solves `A*z = x`) with `A` triangular, held in its
    /// `uplo` triangle. No test for singularity: a zero on the diagonal
    /// gives infinities or NaN, as in BLAS.
    fn trsv(&self, uplo: Uplo, diag: Diag, a: MatRef<'_, T>, x: VecMut<'_, T>) -> Result<()> {
        crate::blocked::trsv(self, uplo, diag, a, x)
    }
    /// `y := alpha*A*x + beta*y` with `A` Hermitian, held in its `uplo`
    /// triangle (the other is not read; the diagonal's imaginary parts are
    /// taken as zero); [`Level2::symv`] for real elements. With `beta == 0`,
    /// `y` is not read; with `alpha == 0`, `A` and `x` are not read.
    fn hemv(
        &self,
        uplo: Uplo,
        alpha: T,
        a: MatRef<'_, T>,
        x: VecRef<'_, T>,
        beta: T,
        y: VecMut<'_, T>,
    ) -> Result<()> {
        crate::hermitian::hemv(self, uplo, alpha, a, x, beta, y)
    }
    /// `A := alpha*x*x^H + A` (`alpha` real) on the `uplo` triangle of the
    /// Hermitian `A`, whose diagonal comes out real. With `alpha == 0`,
    /// returns at once.
    fn her(&self, uplo: Uplo, alpha: T::Real, x: VecRef<'_, T>, a: MatMut<'_, T>) -> Result<()> {
        crate::hermitian::her2(self, uplo, T::from_real(alpha), x, None, a)
    }
    /// `A := alpha*x*y^H + conj(alpha)*y*x^H + A` on the `uplo` triangle of
    /// the Hermitian `A`, whose diagonal comes out real. With `alpha == 0`,
    /// returns at once.
    fn her2(
        &self,
        uplo: Uplo,
        alpha: T,
        x: VecRef<'_, T>,
        y: VecRef<'_, T>,
        a: MatMut<'_, T>,
    ) -> Result<()> {
        crate::hermitian::her2(self, uplo, alpha, x, Some(y), a)
    }
    /// `A := alpha*x*x^T + A` on the `uplo` triangle of `A` (the other is
    /// neither read nor written). With `alpha == 0`, returns at once.
    fn syr(&self, uplo: Uplo, alpha: T, x: VecRef<'_, T>, a: MatMut<'_, T>) -> Result<()> {
        crate::blocked::syr(self, uplo, alpha, x, a)
    }
    /// `A := alpha*(x*y^T + y*x^T) + A` on the `uplo` triangle of `A`. With
    /// `alpha == 0`, returns at once.
    fn syr2(
        &self,
        uplo: Uplo,
        alpha: T,
        x: VecRef<'_, T>,
        y: VecRef<'_, T>,
        a: MatMut<'_, T>,
    ) -> Result<()> {
        crate::blocked::syr2(self, uplo, alpha, x, y, a)
    }

    // The banded and packed forms: plain loops by default (see
    // [`crate::reference`]); the threads backend walks the stored columns.

    /// `y := alpha*A*x + beta*y` with `A` a band matrix (pass `a.t()` for `A^T`).
    /// With `beta == 0`, `y` is not read; with `alpha == 0`, `A` and `x` are not
    /// read.
    fn gbmv(
        &self,
        alpha: T,
        a: BandRef<'_, T>,
        x: VecRef<'_, T>,
        beta: T,
        y: VecMut<'_, T>,
    ) -> Result<()> {
        check::gemv((a.nrows(), a.ncols()), x.len(), y.len())?;
        crate::reference::gbmv(alpha, a, x, beta, y);
        Ok(())
    }
    /// `y := alpha*A*x + beta*y` with `A` a symmetric band matrix held in the
    /// `uplo` triangle of the band view `a` (the other is not read). As [`Level2::symv`]
    /// for `alpha` and `beta`.
    fn sbmv(
        &self,
        uplo: Uplo,
        alpha: T,
        a: BandRef<'_, T>,
        x: VecRef<'_, T>,
        beta: T,
        y: VecMut<'_, T>,
    ) -> Result<()> {
        check::square("A", (a.nrows(), a.ncols()))?;
        check::gemv((a.nrows(), a.ncols()), x.len(), y.len())?;
        crate::reference::sbmv(uplo, alpha, a, x, beta, y);
        Ok(())
    }
    /// `y := alpha*A*x + beta*y` with `A` symmetric, held in the packed triangle
    /// `a`. As [`Level2::symv`] for `alpha` and `beta`.
    fn spmv(
        &self,
        alpha: T,
        a: PackedRef<'_, T>,
        x: VecRef<'_, T>,
        beta: T,
        y: VecMut<'_, T>,
    ) -> Result<()> {
        check::gemv((a.n(), a.n()), x.len(), y.len())?;
        crate::reference::spmv(alpha, a, x, beta, y);
        Ok(())
    }
    /// `x := A*x` with `A` triangular, held in the `uplo` triangle of the band
    /// view `a` (pass `a.t()` and `uplo.flip()` for `A^T`).
    fn tbmv(&self, uplo: Uplo, diag: Diag, a: BandRef<'_, T>, x: VecMut<'_, T>) -> Result<()> {
        check::square("A", (a.nrows(), a.ncols()))?;
        check::gemv((a.nrows(), a.ncols()), x.len(), x.len())?;
        crate::reference::tbmv(uplo, diag, a, x);
        Ok(())
    }
    /// `x := A^-1*x` with `A` triangular, held in the `uplo` triangle of the band
    /// view `a`. No test for singularity (as in BLAS).
    fn tbsv(&self, uplo: Uplo, diag: Diag, a: BandRef<'_, T>, x: VecMut<'_, T>) -> Result<()> {
        check::square("A", (a.nrows(), a.ncols()))?;
        check::gemv((a.nrows(), a.ncols()), x.len(), x.len())?;
        crate::reference::tbsv(uplo, diag, a, x);
        Ok(())
    }
    /// `x := A*x` with `A` triangular, held in the packed triangle `a` (pass
    /// `a.t()` for `A^T`).
    fn tpmv(&self, diag: Diag, a: PackedRef<'_, T>, x: VecMut<'_, T>) -> Result<()> {
        check::gemv((a.n(), a.n()), x.len(), x.len())?;
        crate::reference::tpmv(diag, a, x);
        Ok(())
    }
    /// `x := A^-1*x` with `A` triangular, held in the packed triangle `a`. No
    /// test for singularity (as in BLAS).
    fn tpsv(&self, diag: Diag, a: PackedRef<'_, T>, x: VecMut<'_, T>) -> Result<()> {
        check::gemv((a.n(), a.n()), x.len(), x.len())?;
        crate::reference::tpsv(diag, a, x);
        Ok(())
    }
    /// `A := alpha*x*x^T + A` on the packed triangle `a`. With `alpha == 0`,
    /// returns at once.
    fn spr(&self, alpha: T, x: VecRef<'_, T>, a: PackedMut<'_, T>) -> Result<()> {
        check::ger(x.len(), x.len(), (a.n(), a.n()))?;
        crate::reference::spr(alpha, x, a);
        Ok(())
    }
    /// `A := alpha*(x*y^T + y*x^T) + A` on the packed triangle `a`. With
    /// `alpha == 0`, returns at once.
    fn spr2(
        &self,
        alpha: T,
        x: VecRef<'_, T>,
        y: VecRef<'_, T>,
        a: PackedMut<'_, T>,
    ) -> Result<()> {
        check::ger(x.len(), y.len(), (a.n(), a.n()))?;
        crate::reference::spr2(alpha, x, y, a);
        Ok(())
    }
    /// `y := alpha*A*x + beta*y` with `A` a Hermitian band matrix held in the
    /// `uplo` triangle of the band view `a` (the other is not read; the
    /// diagonal's imaginary parts are taken as zero); [`Level2::sbmv`] for
    /// real elements. As [`Level2::hemv`] for `alpha` and `beta`. The default
    /// for complex elements is a plain loop on the calling thread
    /// ([`crate::hermitian::hbmv_ref`]).
    fn hbmv(
        &self,
        uplo: Uplo,
        alpha: T,
        a: BandRef<'_, T>,
        x: VecRef<'_, T>,
        beta: T,
        y: VecMut<'_, T>,
    ) -> Result<()> {
        if !T::DTYPE.is_complex() {
            return self.sbmv(uplo, alpha, a, x, beta, y);
        }
        check::square("A", (a.nrows(), a.ncols()))?;
        check::gemv((a.nrows(), a.ncols()), x.len(), y.len())?;
        crate::hermitian::hbmv_ref(uplo, alpha, a, x, beta, y);
        Ok(())
    }
    /// `y := alpha*A*x + beta*y` with `A` Hermitian, held in the packed
    /// triangle `a` (the diagonal's imaginary parts are taken as zero);
    /// [`Level2::spmv`] for real elements. As [`Level2::hemv`] for `alpha` and
    /// `beta`. The default for complex elements is a plain loop on the
    /// calling thread ([`crate::hermitian::hpmv_ref`]).
    fn hpmv(
        &self,
        alpha: T,
        a: PackedRef<'_, T>,
        x: VecRef<'_, T>,
        beta: T,
        y: VecMut<'_, T>,
    ) -> Result<()> {
        if !T::DTYPE.is_complex() {
            return self.spmv(alpha, a, x, beta, y);
        }
        check::gemv((a.n(), a.n()), x.len(), y.len())?;
        crate::hermitian::hpmv_ref(alpha, a, x, beta, y);
        Ok(())
    }
    /// `A := alpha*x*x^H + A` (`alpha` real) on the packed triangle `a` of the
    /// Hermitian `A`, whose diagonal comes out real; [`Level2::spr`] for real
    /// elements. With `alpha == 0`, returns at once. The default for complex
    /// elements is a plain loop on the calling thread
    /// ([`crate::hermitian::hpr2_ref`]).
    fn hpr(&self, alpha: T::Real, x: VecRef<'_, T>, a: PackedMut<'_, T>) -> Result<()> {
        if !T::DTYPE.is_complex() {
            return self.spr(T::from_real(alpha), x, a);
        }
        check::ger(x.len(), x.len(), (a.n(), a.n()))?;
        crate::hermitian::hpr2_ref(T::from_real(alpha), x, None, a);
        Ok(())
    }
    /// `A := alpha*x*y^H + conj(alpha)*y*x^H + A` on the packed triangle `a`
    /// of the Hermitian `A`, whose diagonal comes out real; [`Level2::spr2`]
    /// for real elements. With `alpha == 0`, returns at once. The default for
    /// complex elements is a plain loop on the calling thread
    /// ([`crate::hermitian::hpr2_ref`]).
    fn hpr2(
        &self,
        alpha: T,
        x: VecRef<'_, T>,
        y: VecRef<'_, T>,
        a: PackedMut<'_, T>,
    ) -> Result<()> {
        if !T::DTYPE.is_complex() {
            return self.spr2(alpha, x, y, a);
        }
        check::ger(x.len(), y.len(), (a.n(), a.n()))?;
        crate::hermitian::hpr2_ref(alpha, x, Some(y), a);
        Ok(())
    }
}

/// BLAS level 3: matrix-matrix operations.
///
/// Only gemm is required: the defaults of the others are the blocked
/// algorithms of [`crate::blocked`] on this backend's gemm, with the plain
/// loops of [`crate::reference`] on diagonal blocks of up to
/// [`blocked::REFERENCE_LEAF`].
pub trait Level3<T: Element>: Backend {
    /// `C := alpha*A*B + beta*C` (pass `a.t()`/`b.t()` for transposes). With
    /// `beta == 0`, `C` is not read; with `alpha == 0` or an inner dimension of
    /// 0, `A` and `B` are not read.
    fn gemm(
        &self,
        alpha: T,
        a: MatRef<'_, T>,
        b: MatRef<'_, T>,
        beta: T,
        c: MatMut<'_, T>,
    ) -> Result<()>;
    /// `C := alpha*A*B + beta*C` ([`Side::Left`]) or `alpha*B*A + beta*C`
    /// ([`Side::Right`]) with `A` symmetric, held in its `uplo` triangle.
    /// With `beta == 0`, `C` is not read; with `alpha == 0`, `A` and `B` are
    /// not read.
    #[allow(clippy::too_many_arguments)]
    fn symm(
        &self,
        side: Side,
        uplo: Uplo,
        alpha: T,
        a: MatRef<'_, T>,
        b: MatRef<'_, T>,
        beta: T,
        c: MatMut<'_, T>,
    ) -> Result<()> {
        check::symm(
            side,
            (a.nrows(), a.ncols()),
            (b.nrows(), b.ncols()),
            (c.nrows(), c.ncols()),
        )?;
        blocked::symm(
            &|al, a, b, be, c| self.gemm(al, a, b, be, c),
            side,
            uplo,
            alpha,
            a,
            b,
            beta,
            c,
        )
    }
    /// `C := alpha*A*B + beta*C` (left) or `alpha*B*A + beta*C` (right) with
    /// `A` Hermitian, held in its `uplo` triangle (the diagonal's imaginary
    /// parts taken as zero); [`Level3::symm`] for real elements. With
    /// `beta == 0`, `C` is not read; with `alpha == 0`, `A` and `B` are not
    /// read.
    #[allow(clippy::too_many_arguments, reason = "the BLAS argument list")]
    fn hemm(
        &self,
        side: Side,
        uplo: Uplo,
        alpha: T,
        a: MatRef<'_, T>,
        b: MatRef<'_, T>,
        beta: T,
        c: MatMut<'_, T>,
    ) -> Result<()> {
        crate::hermitian::hemm(self, side, uplo, alpha, a, b, beta, c)
    }
    /// `C := alpha*A*A^H + beta*C` (`alpha`, `beta` real) on the `uplo`
    /// triangle of the Hermitian `n x n` matrix `C`, whose diagonal comes
    /// out real; `A` is `n x k` (pass `a.h()` for `A^H*A`). With `beta == 0`,
    /// `C` is not read; with `alpha == 0` or `k == 0` and `beta == 1`, `C`
    /// is left as it is (BLAS's quick return).
    fn herk(
        &self,
        uplo: Uplo,
        alpha: T::Real,
        a: MatRef<'_, T>,
        beta: T::Real,
        c: MatMut<'_, T>,
    ) -> Result<()> {
        crate::hermitian::her2k(self, uplo, T::from_real(alpha), a, None, beta, c)
    }
    /// `C := alpha*A*B^H + conj(alpha)*B*A^H + beta*C` (`beta` real) on the
    /// `uplo` triangle of the Hermitian `C`, as [`Level3::herk`].
    #[allow(clippy::too_many_arguments, reason = "the BLAS argument list")]
    fn her2k(
        &self,
        uplo: Uplo,
        alpha: T,
        a: MatRef<'_, T>,
        b: MatRef<'_, T>,
        beta: T::Real,
        c: MatMut<'_, T>,
    ) -> Result<()> {
        crate::hermitian::her2k(self, uplo, alpha, a, Some(b), beta, c)
    }
    /// `C := alpha*A*A^T + beta*C` on the `uplo` triangle of the `n x n`
    /// matrix `C` (the other triangle is neither read nor written); `A` is
    /// `n x k` (pass `a.t()` for `A^T*A`). With `beta == 0`, `C` is not read;
    /// with `alpha == 0` or `k == 0`, `A` is not read.
    fn syrk(
        &self,
        uplo: Uplo,
        alpha: T,
        a: MatRef<'_, T>,
        beta: T,
        c: MatMut<'_, T>,
    ) -> Result<()> {
        check::syrk((a.nrows(), a.ncols()), None, (c.nrows(), c.ncols()))?;
        let leaf = blocked::reference_syrk_leaf;
        blocked::syrk(
            &|al, a, b, be, c| self.gemm(al, a, b, be, c),
            &leaf,
            blocked::REFERENCE_LEAF,
            uplo,
            alpha,
            a,
            None,
            beta,
            c,
        )
    }
    /// `C := alpha*(A*B^T + B*A^T) + beta*C` on the `uplo` triangle of `C`;
    /// `A` and `B` are `n x k`.
    fn syr2k(
        &self,
        uplo: Uplo,
        alpha: T,
        a: MatRef<'_, T>,
        b: MatRef<'_, T>,
        beta: T,
        c: MatMut<'_, T>,
    ) -> Result<()> {
        check::syrk(
            (a.nrows(), a.ncols()),
            Some((b.nrows(), b.ncols())),
            (c.nrows(), c.ncols()),
        )?;
        let leaf = blocked::reference_syrk_leaf;
        blocked::syrk(
            &|al, a, b, be, c| self.gemm(al, a, b, be, c),
            &leaf,
            blocked::REFERENCE_LEAF,
            uplo,
            alpha,
            a,
            Some(b),
            beta,
            c,
        )
    }
    /// `B := alpha*A*B` ([`Side::Left`]) or `alpha*B*A` ([`Side::Right`]) with
    /// `A` triangular, held in its `uplo` triangle (pass `a.t()` and
    /// `uplo.flip()` for `A^T`). With `alpha == 0`, `B` is set to zero and
    /// `A` is not read.
    fn trmm(
        &self,
        side: Side,
        uplo: Uplo,
        diag: Diag,
        alpha: T,
        a: MatRef<'_, T>,
        b: MatMut<'_, T>,
    ) -> Result<()> {
        check::tri_side(side, (a.nrows(), a.ncols()), (b.nrows(), b.ncols()))?;
        let (uplo, a, b) = blocked::left_form(side, uplo, a, b);
        let leaf = blocked::reference_trmm_leaf;
        blocked::trmm_left(
            &|al, a, b, be, c| self.gemm(al, a, b, be, c),
            &leaf,
            blocked::REFERENCE_LEAF,
            uplo,
            diag,
            alpha,
            a,
            b,
        )
    }
    /// Solves `A*X = alpha*B` ([`Side::Left`]) or `X*A = alpha*B`
    /// ([`Side::Right`]) with `A` triangular, held in its `uplo` triangle;
    /// `X` overwrites `B`. With `alpha == 0`, `B` is set to zero and `A` is
    /// not read. No test for singularity (as in BLAS).
    fn trsm(
        &self,
        side: Side,
        uplo: Uplo,
        diag: Diag,
        alpha: T,
        a: MatRef<'_, T>,
        b: MatMut<'_, T>,
    ) -> Result<()> {
        check::tri_side(side, (a.nrows(), a.ncols()), (b.nrows(), b.ncols()))?;
        let (uplo, a, b) = blocked::left_form(side, uplo, a, b);
        let leaf = blocked::reference_trsm_leaf;
        blocked::trsm_left(
            &|al, a, b, be, c| self.gemm(al, a, b, be, c),
            &leaf,
            blocked::REFERENCE_LEAF,
            uplo,
            diag,
            alpha,
            a,
            b,
        )
    }
}

/// A loop body: called with a sub-range of the iteration space and the index
/// of the worker running it (`0..num_threads()`).
pub type LoopBody<'a> = dyn Fn(Range<usize>, usize) + Sync + 'a;

/// Parallel loops over an index range.
pub trait ParallelLoops: Backend {
    /// Runs `body` over disjoint sub-ranges covering `range`, dealt out by
    /// `schedule`, and returns when all have finished. A panic in `body` is
    /// re-raised on the calling thread after the others finish.
    fn parallel_for(
        &self,
        range: Range<usize>,
        schedule: Schedule,
        body: &LoopBody<'_>,
    ) -> Result<()>;
}

// A boxed backend is a backend, so wrappers such as
// `repro::Reproducible<Box<dyn HostBackend>>` work; every method is forwarded,
// the provided ones too.
impl<B: Backend + ?Sized> Backend for Box<B> {
    fn kind(&self) -> BackendKind {
        (**self).kind()
    }
    fn name(&self) -> String {
        (**self).name()
    }
    fn num_threads(&self) -> usize {
        (**self).num_threads()
    }
    fn reject(&self, op: Op, error: Error) -> Error {
        (**self).reject(op, error)
    }
}

impl<T: Element, B: Level1<T> + ?Sized> Level1<T> for Box<B> {
    fn axpy(&self, alpha: T, x: VecRef<'_, T>, y: VecMut<'_, T>) -> Result<()> {
        (**self).axpy(alpha, x, y)
    }
    fn scal(&self, alpha: T, x: VecMut<'_, T>) -> Result<()> {
        (**self).scal(alpha, x)
    }
    fn copy(&self, x: VecRef<'_, T>, y: VecMut<'_, T>) -> Result<()> {
        (**self).copy(x, y)
    }
    fn swap(&self, x: VecMut<'_, T>, y: VecMut<'_, T>) -> Result<()> {
        (**self).swap(x, y)
    }
    fn dot(&self, x: VecRef<'_, T>, y: VecRef<'_, T>) -> Result<T> {
        (**self).dot(x, y)
    }
    fn dotc(&self, x: VecRef<'_, T>, y: VecRef<'_, T>) -> Result<T> {
        (**self).dotc(x, y)
    }
    fn nrm2(&self, x: VecRef<'_, T>) -> Result<T::Real> {
        (**self).nrm2(x)
    }
    fn asum(&self, x: VecRef<'_, T>) -> Result<T::Real> {
        (**self).asum(x)
    }
    fn iamax(&self, x: VecRef<'_, T>) -> Result<Option<usize>> {
        (**self).iamax(x)
    }
    fn sum(&self, x: VecRef<'_, T>) -> Result<T> {
        (**self).sum(x)
    }
    fn reduce_wide(&self, what: Reduction, x: VecRef<'_, T>, y: VecRef<'_, T>) -> Result<f64>
    where
        T: Scalar,
    {
        (**self).reduce_wide(what, x, y)
    }
    fn reduce_exact(&self, what: Reduction, x: VecRef<'_, T>, y: VecRef<'_, T>) -> Result<ExactSum>
    where
        T: Scalar,
    {
        (**self).reduce_exact(what, x, y)
    }
    fn reduce_rounded(&self, what: Reduction, x: VecRef<'_, T>, y: VecRef<'_, T>) -> Result<T>
    where
        T: Scalar,
    {
        (**self).reduce_rounded(what, x, y)
    }
    fn reduce_exact_parts(
        &self,
        what: Reduction,
        conj: bool,
        x: VecRef<'_, T>,
        y: VecRef<'_, T>,
    ) -> Result<[ExactSum; 2]> {
        (**self).reduce_exact_parts(what, conj, x, y)
    }
}

impl<T: Element, B: Level2<T> + ?Sized> Level2<T> for Box<B> {
    fn gemv(
        &self,
        alpha: T,
        a: MatRef<'_, T>,
        x: VecRef<'_, T>,
        beta: T,
        y: VecMut<'_, T>,
    ) -> Result<()> {
        (**self).gemv(alpha, a, x, beta, y)
    }
    fn ger(&self, alpha: T, x: VecRef<'_, T>, y: VecRef<'_, T>, a: MatMut<'_, T>) -> Result<()> {
        (**self).ger(alpha, x, y, a)
    }
    fn gerc(&self, alpha: T, x: VecRef<'_, T>, y: VecRef<'_, T>, a: MatMut<'_, T>) -> Result<()> {
        (**self).gerc(alpha, x, y, a)
    }
    fn hemv(
        &self,
        uplo: Uplo,
        alpha: T,
        a: MatRef<'_, T>,
        x: VecRef<'_, T>,
        beta: T,
        y: VecMut<'_, T>,
    ) -> Result<()> {
        (**self).hemv(uplo, alpha, a, x, beta, y)
    }
    fn her(&self, uplo: Uplo, alpha: T::Real, x: VecRef<'_, T>, a: MatMut<'_, T>) -> Result<()> {
        (**self).her(uplo, alpha, x, a)
    }
    fn her2(
        &self,
        uplo: Uplo,
        alpha: T,
        x: VecRef<'_, T>,
        y: VecRef<'_, T>,
        a: MatMut<'_, T>,
    ) -> Result<()> {
        (**self).her2(uplo, alpha, x, y, a)
    }
    fn symv(
        &self,
        uplo: Uplo,
        alpha: T,
        a: MatRef<'_, T>,
        x: VecRef<'_, T>,
        beta: T,
        y: VecMut<'_, T>,
    ) -> Result<()> {
        (**self).symv(uplo, alpha, a, x, beta, y)
    }
    fn trmv(&self, uplo: Uplo, diag: Diag, a: MatRef<'_, T>, x: VecMut<'_, T>) -> Result<()> {
        (**self).trmv(uplo, diag, a, x)
    }
    fn trsv(&self, uplo: Uplo, diag: Diag, a: MatRef<'_, T>, x: VecMut<'_, T>) -> Result<()> {
        (**self).trsv(uplo, diag, a, x)
    }
    fn syr(&self, uplo: Uplo, alpha: T, x: VecRef<'_, T>, a: MatMut<'_, T>) -> Result<()> {
        (**self).syr(uplo, alpha, x, a)
    }
    fn syr2(
        &self,
        uplo: Uplo,
        alpha: T,
        x: VecRef<'_, T>,
        y: VecRef<'_, T>,
        a: MatMut<'_, T>,
    ) -> Result<()> {
        (**self).syr2(uplo, alpha, x, y, a)
    }
    fn gbmv(
        &self,
        alpha: T,
        a: BandRef<'_, T>,
        x: VecRef<'_, T>,
        beta: T,
        y: VecMut<'_, T>,
    ) -> Result<()> {
        (**self).gbmv(alpha, a, x, beta, y)
    }
    fn sbmv(
        &self,
        uplo: Uplo,
        alpha: T,
        a: BandRef<'_, T>,
        x: VecRef<'_, T>,
        beta: T,
        y: VecMut<'_, T>,
    ) -> Result<()> {
        (**self).sbmv(uplo, alpha, a, x, beta, y)
    }
    fn spmv(
        &self,
        alpha: T,
        a: PackedRef<'_, T>,
        x: VecRef<'_, T>,
        beta: T,
        y: VecMut<'_, T>,
    ) -> Result<()> {
        (**self).spmv(alpha, a, x, beta, y)
    }
    fn tbmv(&self, uplo: Uplo, diag: Diag, a: BandRef<'_, T>, x: VecMut<'_, T>) -> Result<()> {
        (**self).tbmv(uplo, diag, a, x)
    }
    fn tbsv(&self, uplo: Uplo, diag: Diag, a: BandRef<'_, T>, x: VecMut<'_, T>) -> Result<()> {
        (**self).tbsv(uplo, diag, a, x)
    }
    fn tpmv(&self, diag: Diag, a: PackedRef<'_, T>, x: VecMut<'_, T>) -> Result<()> {
        (**self).tpmv(diag, a, x)
    }
    fn tpsv(&self, diag: Diag, a: PackedRef<'_, T>, x: VecMut<'_, T>) -> Result<()> {
        (**self).tpsv(diag, a, x)
    }
    fn spr(&self, alpha: T, x: VecRef<'_, T>, a: PackedMut<'_, T>) -> Result<()> {
        (**self).spr(alpha, x, a)
    }
    fn spr2(
        &self,
        alpha: T,
        x: VecRef<'_, T>,
        y: VecRef<'_, T>,
        a: PackedMut<'_, T>,
    ) -> Result<()> {
        (**self).spr2(alpha, x, y, a)
    }
    fn hbmv(
        &self,
        uplo: Uplo,
        alpha: T,
        a: BandRef<'_, T>,
        x: VecRef<'_, T>,
        beta: T,
        y: VecMut<'_, T>,
    ) -> Result<()> {
        (**self).hbmv(uplo, alpha, a, x, beta, y)
    }
    fn hpmv(
        &self,
        alpha: T,
        a: PackedRef<'_, T>,
        x: VecRef<'_, T>,
        beta: T,
        y: VecMut<'_, T>,
    ) -> Result<()> {
        (**self).hpmv(alpha, a, x, beta, y)
    }
    fn hpr(&self, alpha: T::Real, x: VecRef<'_, T>, a: PackedMut<'_, T>) -> Result<()> {
        (**self).hpr(alpha, x, a)
    }
    fn hpr2(
        &self,
        alpha: T,
        x: VecRef<'_, T>,
        y: VecRef<'_, T>,
        a: PackedMut<'_, T>,
    ) -> Result<()> {
        (**self).hpr2(alpha, x, y, a)
    }
}

impl<T: Element, B: Level3<T> + ?Sized> Level3<T> for Box<B> {
    fn gemm(
        &self,
        alpha: T,
        a: MatRef<'_, T>,
        b: MatRef<'_, T>,
        beta: T,
        c: MatMut<'_, T>,
    ) -> Result<()> {
        (**self).gemm(alpha, a, b, beta, c)
    }
    fn symm(
        &self,
        side: Side,
        uplo: Uplo,
        alpha: T,
        a: MatRef<'_, T>,
        b: MatRef<'_, T>,
        beta: T,
        c: MatMut<'_, T>,
    ) -> Result<()> {
        (**self).symm(side, uplo, alpha, a, b, beta, c)
    }
    fn hemm(
        &self,
        side: Side,
        uplo: Uplo,
        alpha: T,
        a: MatRef<'_, T>,
        b: MatRef<'_, T>,
        beta: T,
        c: MatMut<'_, T>,
    ) -> Result<()> {
        (**self).hemm(side, uplo, alpha, a, b, beta, c)
    }
    fn herk(
        &self,
        uplo: Uplo,
        alpha: T::Real,
        a: MatRef<'_, T>,
        beta: T::Real,
        c: MatMut<'_, T>,
    ) -> Result<()> {
        (**self).herk(uplo, alpha, a, beta, c)
    }
    fn her2k(
        &self,
        uplo: Uplo,
        alpha: T,
        a: MatRef<'_, T>,
        b: MatRef<'_, T>,
        beta: T::Real,
        c: MatMut<'_, T>,
    ) -> Result<()> {
        (**self).her2k(uplo, alpha, a, b, beta, c)
    }
    fn syrk(
        &self,
        uplo: Uplo,
        alpha: T,
        a: MatRef<'_, T>,
        beta: T,
        c: MatMut<'_, T>,
    ) -> Result<()> {
        (**self).syrk(uplo, alpha, a, beta, c)
    }
    fn syr2k(
        &self,
        uplo: Uplo,
        alpha: T,
        a: MatRef<'_, T>,
        b: MatRef<'_, T>,
        beta: T,
        c: MatMut<'_, T>,
    ) -> Result<()> {
        (**self).syr2k(uplo, alpha, a, b, beta, c)
    }
    fn trmm(
        &self,
        side: Side,
        uplo: Uplo,
        diag: Diag,
        alpha: T,
        a: MatRef<'_, T>,
        b: MatMut<'_, T>,
    ) -> Result<()> {
        (**self).trmm(side, uplo, diag, alpha, a, b)
    }
    fn trsm(
        &self,
        side: Side,
        uplo: Uplo,
        diag: Diag,
        alpha: T,
        a: MatRef<'_, T>,
        b: MatMut<'_, T>,
    ) -> Result<()> {
        (**self).trsm(side, uplo, diag, alpha, a, b)
    }
}

impl<B: ParallelLoops + ?Sized> ParallelLoops for Box<B> {
    fn parallel_for(
        &self,
        range: Range<usize>,
        schedule: Schedule,
        body: &LoopBody<'_>,
    ) -> Result<()> {
        (**self).parallel_for(range, schedule, body)
    }
}

/// Everything a host-memory backend offers, for all four element types, as one
/// object-safe trait: what the C ABI and the CLI hold as `dyn HostBackend`.
pub trait HostBackend:
    Level1<f32>
    + Level1<f64>
    + Level1<Complex32>
    + Level1<Complex64>
    + Level2<f32>
    + Level2<f64>
    + Level2<Complex32>
    + Level2<Complex64>
    + Level3<f32>
    + Level3<f64>
    + Level3<Complex32>
    + Level3<Complex64>
    + Factor<f32>
    + Factor<f64>
    + Factor<Complex32>
    + Factor<Complex64>
    + ParallelLoops
{
}

impl<B> HostBackend for B where
    B: Level1<f32>
        + Level1<f64>
        + Level1<Complex32>
        + Level1<Complex64>
        + Level2<f32>
        + Level2<f64>
        + Level2<Complex32>
        + Level2<Complex64>
        + Level3<f32>
        + Level3<f64>
        + Level3<Complex32>
        + Level3<Complex64>
        + Factor<f32>
        + Factor<f64>
        + Factor<Complex32>
        + Factor<Complex64>
        + ParallelLoops
{
}

/// Reduces over `range` in parallel: each worker folds the sub-ranges it is
/// given into its own accumulator (starting from `identity()`), and the
/// per-worker results are combined in worker order on the calling thread.
///
/// With the static schedule the grouping depends only on the range and the
/// thread count, so the result is the same from run to run at a fixed count.
pub fn parallel_reduce<B, R, I, F, C>(
    backend: &B,
    range: Range<usize>,
    schedule: Schedule,
    identity: I,
    fold: F,
    combine: C,
) -> Result<R>
where
    B: ParallelLoops + ?Sized,
    R: Send,
    I: Fn() -> R + Sync,
    F: Fn(R, Range<usize>) -> R + Sync,
    C: Fn(R, R) -> R,
{
    let slots: Vec<std::sync::Mutex<Option<R>>> = (0..backend.num_threads().max(1))
        .map(|_| std::sync::Mutex::new(None))
        .collect();
    backend.parallel_for(range, schedule, &|sub, worker| {
        // Each worker touches only its own slot, so the lock is never contended.
        let mut slot = slots[worker].lock().unwrap_or_else(|e| e.into_inner());
        let acc = slot.take().unwrap_or_else(&identity);
        *slot = Some(fold(acc, sub));
    })?;
    Ok(slots
        .into_iter()
        .filter_map(|m| m.into_inner().unwrap_or_else(|e| e.into_inner()))
        .fold(identity(), combine))
}

/// Shape checks shared by every backend, so the same mistake gives the same
/// error everywhere.
pub mod check {
    use super::*;

    /// Two vectors that must have the same length.
    pub fn same_len(x: usize, y: usize) -> Result<()> {
        if x != y {
            return Err(Error::shape_mismatch(format!(
                "x has {x} elements but y has {y}"
            )));
        }
        Ok(())
    }

    /// `y := A*x` shapes.
    pub fn gemv(a: (usize, usize), x: usize, y: usize) -> Result<()> {
        if a.1 != x {
            return Err(Error::shape_mismatch(format!(
                "A is {}x{} but x has {x} elements",
                a.0, a.1
            )));
        }
        if a.0 != y {
            return Err(Error::shape_mismatch(format!(
                "A is {}x{} but y has {y} elements",
                a.0, a.1
            )));
        }
        Ok(())
    }

    /// `A += x*y^T` shapes.
    pub fn ger(x: usize, y: usize, a: (usize, usize)) -> Result<()> {
        if a != (x, y) {
            return Err(Error::shape_mismatch(format!(
                "A is {}x{} but x*y^T is {x}x{y}",
                a.0, a.1
            )));
        }
        Ok(())
    }

    /// `C := A*B` shapes.
    pub fn gemm(a: (usize, usize), b: (usize, usize), c: (usize, usize)) -> Result<()> {
        if a.1 != b.0 {
            return Err(Error::shape_mismatch(format!(
                "op(A) is {}x{} but op(B) is {}x{} (inner dimensions differ)",
                a.0, a.1, b.0, b.1
            )));
        }
        if c != (a.0, b.1) {
            return Err(Error::shape_mismatch(format!(
                "op(A)*op(B) is {}x{} but C is {}x{}",
                a.0, b.1, c.0, c.1
            )));
        }
        Ok(())
    }

    /// A matrix that must be square.
    pub fn square(name: &str, a: (usize, usize)) -> Result<()> {
        if a.0 != a.1 {
            return Err(Error::shape_mismatch(format!(
                "{name} is {}x{} but must be square",
                a.0, a.1
            )));
        }
        Ok(())
    }

    /// symm shapes: `A` square, of `C`'s rows (left) or columns (right);
    /// `B` and `C` the same shape.
    pub fn symm(side: Side, a: (usize, usize), b: (usize, usize), c: (usize, usize)) -> Result<()> {
        square("A", a)?;
        let (dim, what) = match side {
            Side::Left => (c.0, "rows"),
            Side::Right => (c.1, "columns"),
        };
        if a.0 != dim {
            return Err(Error::shape_mismatch(format!(
                "A is {}x{} but C has {dim} {what}",
                a.0, a.1
            )));
        }
        if b != c {
            return Err(Error::shape_mismatch(format!(
                "B is {}x{} but C is {}x{}",
                b.0, b.1, c.0, c.1
            )));
        }
        Ok(())
    }

    /// syrk (`b` None) and syr2k shapes: `C` square `n x n`, `A` (and `B`)
    /// `n x k`.
    pub fn syrk(a: (usize, usize), b: Option<(usize, usize)>, c: (usize, usize)) -> Result<()> {
        square("C", c)?;
        if a.0 != c.0 {
            return Err(Error::shape_mismatch(format!(
                "A is {}x{} but C is {}x{}",
                a.0, a.1, c.0, c.1
            )));
        }
        if let Some(b) = b {
            if b != a {
                return Err(Error::shape_mismatch(format!(
                    "B is {}x{} but A is {}x{}",
                    b.0, b.1, a.0, a.1
                )));
            }
        }
        Ok(())
    }

    /// trmm and trsm shapes: `A` square, of `B`'s rows (left) or columns
    /// (right).
    pub fn tri_side(side: Side, a: (usize, usize), b: (usize, usize)) -> Result<()> {
        square("A", a)?;
        let (dim, what) = match side {
            Side::Left => (b.0, "rows"),
            Side::Right => (b.1, "columns"),
        };
        if a.0 != dim {
            return Err(Error::shape_mismatch(format!(
                "A is {}x{} but B has {dim} {what}",
                a.0, a.1
            )));
        }
        Ok(())
    }
}
