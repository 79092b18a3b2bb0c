//! Generated from the routine table (xtask/src/routines.rs) by `make gen`: do not edit.

use ndarray::{ArrayView1, ArrayView2, ArrayViewMut1, ArrayViewMut2};
use oxpar_core::{Diag, Level2, Level3, Result, Scalar, Side, Uplo};

use super::{mat_mut, mat_ref, vec_mut, vec_ref};

/// `y := alpha*A*x + beta*y` with `A` symmetric, held in its `uplo` triangle (see [`Level2::symv`]).
pub fn symv<T: Scalar, B: Level2<T> + ?Sized>(
    backend: &B,
    uplo: Uplo,
    alpha: T,
    a: ArrayView2<'_, T>,
    x: ArrayView1<'_, T>,
    beta: T,
    y: ArrayViewMut1<'_, T>,
) -> Result<()> {
    backend.symv(uplo, alpha, mat_ref(&a), vec_ref(&x), beta, vec_mut(y))
}

/// `x := op(A)*x` with `A` triangular, held in its `uplo` triangle (see [`Level2::trmv`]).
///
/// `op(A) = A^T` is asked for by passing `a.t()` (with `uplo.flip()` where `uplo` describes `a`).
pub fn trmv<T: Scalar, B: Level2<T> + ?Sized>(
    backend: &B,
    uplo: Uplo,
    diag: Diag,
    a: ArrayView2<'_, T>,
    x: ArrayViewMut1<'_, T>,
) -> Result<()> {
    backend.trmv(uplo, diag, mat_ref(&a), vec_mut(x))
}

/// `x := op(A)^-1*x` (solves `op(A)*z = x`) with `A` triangular, held in its `uplo` triangle (see [`Level2::trsv`]).
///
/// `op(A) = A^T` is asked for by passing `a.t()` (with `uplo.flip()` where `uplo` describes `a`).
pub fn trsv<T: Scalar, B: Level2<T> + ?Sized>(
    backend: &B,
    uplo: Uplo,
    diag: Diag,
    a: ArrayView2<'_, T>,
    x: ArrayViewMut1<'_, T>,
) -> Result<()> {
    backend.trsv(uplo, diag, mat_ref(&a), vec_mut(x))
}

/// `A := alpha*x*x^T + A` on the `uplo` triangle of the symmetric `A` (see [`Level2::syr`]).
pub fn syr<T: Scalar, B: Level2<T> + ?Sized>(
    backend: &B,
    uplo: Uplo,
    alpha: T,
    x: ArrayView1<'_, T>,
    a: ArrayViewMut2<'_, T>,
) -> Result<()> {
    backend.syr(uplo, alpha, vec_ref(&x), mat_mut(a))
}

/// `A := alpha*(x*y^T + y*x^T) + A` on the `uplo` triangle of the symmetric `A` (see [`Level2::syr2`]).
pub fn syr2<T: Scalar, B: Level2<T> + ?Sized>(
    backend: &B,
    uplo: Uplo,
    alpha: T,
    x: ArrayView1<'_, T>,
    y: ArrayView1<'_, T>,
    a: ArrayViewMut2<'_, T>,
) -> Result<()> {
    backend.syr2(uplo, alpha, vec_ref(&x), vec_ref(&y), mat_mut(a))
}

/// `C := alpha*A*B + beta*C` (side left) or `alpha*B*A + beta*C` (side right) with `A` symmetric, held in its `uplo` triangle (see [`Level3::symm`]).
#[allow(clippy::too_many_arguments, reason = "the BLAS signature")]
pub fn symm<T: Scalar, B: Level3<T> + ?Sized>(
    backend: &B,
    side: Side,
    uplo: Uplo,
    alpha: T,
    a: ArrayView2<'_, T>,
    b: ArrayView2<'_, T>,
    beta: T,
    c: ArrayViewMut2<'_, T>,
) -> Result<()> {
    backend.symm(
        side,
        uplo,
        alpha,
        mat_ref(&a),
        mat_ref(&b),
        beta,
        mat_mut(c),
    )
}

/// `C := alpha*A*A^T + beta*C` (trans no, `A` is `n x k`) or `alpha*A^T*A + beta*C` (trans yes, `A` is `k x n`) on the `uplo` triangle of the symmetric `C` (see [`Level3::syrk`]).
///
/// `op(A) = A^T` is asked for by passing `a.t()` (with `uplo.flip()` where `uplo` describes `a`).
pub fn syrk<T: Scalar, B: Level3<T> + ?Sized>(
    backend: &B,
    uplo: Uplo,
    alpha: T,
    a: ArrayView2<'_, T>,
    beta: T,
    c: ArrayViewMut2<'_, T>,
) -> Result<()> {
    backend.syrk(uplo, alpha, mat_ref(&a), beta, mat_mut(c))
}

/// `C := alpha*(A*B^T + B*A^T) + beta*C` (trans no, `A` and `B` are `n x k`) or `alpha*(A^T*B + B^T*A) + beta*C` (trans yes, `k x n`) on the `uplo` triangle of the symmetric `C` (see [`Level3::syr2k`]).
///
/// `op(A) = A^T` is asked for by passing `a.t()` (with `uplo.flip()` where `uplo` describes `a`).
pub fn syr2k<T: Scalar, B: Level3<T> + ?Sized>(
    backend: &B,
    uplo: Uplo,
    alpha: T,
    a: ArrayView2<'_, T>,
    b: ArrayView2<'_, T>,
    beta: T,
    c: ArrayViewMut2<'_, T>,
) -> Result<()> {
    backend.syr2k(uplo, alpha, mat_ref(&a), mat_ref(&b), beta, mat_mut(c))
}

/// `B := alpha*op(A)*B` (side left) or `alpha*B*op(A)` (side right) with `A` triangular, held in its `uplo` triangle (see [`Level3::trmm`]).
///
/// `op(A) = A^T` is asked for by passing `a.t()` (with `uplo.flip()` where `uplo` describes `a`).
pub fn trmm<T: Scalar, B: Level3<T> + ?Sized>(
    backend: &B,
    side: Side,
    uplo: Uplo,
    diag: Diag,
    alpha: T,
    a: ArrayView2<'_, T>,
    b: ArrayViewMut2<'_, T>,
) -> Result<()> {
    backend.trmm(side, uplo, diag, alpha, mat_ref(&a), mat_mut(b))
}

/// `B := alpha*op(A)^-1*B` (side left) or `alpha*B*op(A)^-1` (side right) with `A` triangular, held in its `uplo` triangle (see [`Level3::trsm`]).
///
/// `op(A) = A^T` is asked for by passing `a.t()` (with `uplo.flip()` where `uplo` describes `a`).
pub fn trsm<T: Scalar, B: Level3<T> + ?Sized>(
    backend: &B,
    side: Side,
    uplo: Uplo,
    diag: Diag,
    alpha: T,
    a: ArrayView2<'_, T>,
    b: ArrayViewMut2<'_, T>,
) -> Result<()> {
    backend.trsm(side, uplo, diag, alpha, mat_ref(&a), mat_mut(b))
}
