//! Generated from the routine table (xtask/src/routines.rs) by `make gen`: do not edit.

use ndarray::{ArrayView1, ArrayView2, ArrayViewMut1, ArrayViewMut2};
use oxpar_core::{BandRef, Diag, Level2, Level3, PackedMut, PackedRef, Result, Scalar, Side, Uplo};

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

/// `y := alpha*op(A)*x + beta*y` with `A` an `m x n` band matrix with `kl` sub- and `ku` super-diagonals (see [`Level2::gbmv`]).
///
/// `op(A) = A^T` is asked for by passing `a.t()` (with `uplo.flip()` where `uplo` describes `a`).
pub fn gbmv<T: Scalar, B: Level2<T> + ?Sized>(
    backend: &B,
    alpha: T,
    a: BandRef<'_, T>,
    x: ArrayView1<'_, T>,
    beta: T,
    y: ArrayViewMut1<'_, T>,
) -> Result<()> {
    backend.gbmv(alpha, a, vec_ref(&x), beta, vec_mut(y))
}

/// `y := alpha*A*x + beta*y` with `A` a symmetric band matrix with `k` off-diagonals, held in its `uplo` triangle (see [`Level2::sbmv`]).
pub fn sbmv<T: Scalar, B: Level2<T> + ?Sized>(
    backend: &B,
    uplo: Uplo,
    alpha: T,
    a: BandRef<'_, T>,
    x: ArrayView1<'_, T>,
    beta: T,
    y: ArrayViewMut1<'_, T>,
) -> Result<()> {
    backend.sbmv(uplo, alpha, a, vec_ref(&x), beta, vec_mut(y))
}

/// `y := alpha*A*x + beta*y` with `A` symmetric, held in its `uplo` triangle in packed storage (see [`Level2::spmv`]).
pub fn spmv<T: Scalar, B: Level2<T> + ?Sized>(
    backend: &B,
    alpha: T,
    ap: PackedRef<'_, T>,
    x: ArrayView1<'_, T>,
    beta: T,
    y: ArrayViewMut1<'_, T>,
) -> Result<()> {
    backend.spmv(alpha, ap, vec_ref(&x), beta, vec_mut(y))
}

/// `x := op(A)*x` with `A` a triangular band matrix with `k` off-diagonals, held in its `uplo` triangle (see [`Level2::tbmv`]).
///
/// `op(A) = A^T` is asked for by passing `a.t()` (with `uplo.flip()` where `uplo` describes `a`).
pub fn tbmv<T: Scalar, B: Level2<T> + ?Sized>(
    backend: &B,
    uplo: Uplo,
    diag: Diag,
    a: BandRef<'_, T>,
    x: ArrayViewMut1<'_, T>,
) -> Result<()> {
    backend.tbmv(uplo, diag, a, vec_mut(x))
}

/// `x := op(A)^-1*x` (solves `op(A)*z = x`) with `A` a triangular band matrix with `k` off-diagonals, held in its `uplo` triangle (see [`Level2::tbsv`]).
///
/// `op(A) = A^T` is asked for by passing `a.t()` (with `uplo.flip()` where `uplo` describes `a`).
pub fn tbsv<T: Scalar, B: Level2<T> + ?Sized>(
    backend: &B,
    uplo: Uplo,
    diag: Diag,
    a: BandRef<'_, T>,
    x: ArrayViewMut1<'_, T>,
) -> Result<()> {
    backend.tbsv(uplo, diag, a, vec_mut(x))
}

/// `x := op(A)*x` with `A` triangular, held in its `uplo` triangle in packed storage (see [`Level2::tpmv`]).
///
/// `op(A) = A^T` is asked for by passing `ap.t()`.
pub fn tpmv<T: Scalar, B: Level2<T> + ?Sized>(
    backend: &B,
    diag: Diag,
    ap: PackedRef<'_, T>,
    x: ArrayViewMut1<'_, T>,
) -> Result<()> {
    backend.tpmv(diag, ap, vec_mut(x))
}

/// `x := op(A)^-1*x` (solves `op(A)*z = x`) with `A` triangular, held in its `uplo` triangle in packed storage (see [`Level2::tpsv`]).
///
/// `op(A) = A^T` is asked for by passing `ap.t()`.
pub fn tpsv<T: Scalar, B: Level2<T> + ?Sized>(
    backend: &B,
    diag: Diag,
    ap: PackedRef<'_, T>,
    x: ArrayViewMut1<'_, T>,
) -> Result<()> {
    backend.tpsv(diag, ap, vec_mut(x))
}

/// `A := alpha*x*x^T + A` on the `uplo` triangle of the symmetric `A` in packed storage (see [`Level2::spr`]).
pub fn spr<T: Scalar, B: Level2<T> + ?Sized>(
    backend: &B,
    alpha: T,
    x: ArrayView1<'_, T>,
    ap: PackedMut<'_, T>,
) -> Result<()> {
    backend.spr(alpha, vec_ref(&x), ap)
}

/// `A := alpha*(x*y^T + y*x^T) + A` on the `uplo` triangle of the symmetric `A` in packed storage (see [`Level2::spr2`]).
pub fn spr2<T: Scalar, B: Level2<T> + ?Sized>(
    backend: &B,
    alpha: T,
    x: ArrayView1<'_, T>,
    y: ArrayView1<'_, T>,
    ap: PackedMut<'_, T>,
) -> Result<()> {
    backend.spr2(alpha, vec_ref(&x), vec_ref(&y), ap)
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
