//! Blocked level-3 algorithms built on gemm: symm, syrk, syr2k, trmm and
//! trsm with nearly all of their work in gemm calls on sub-blocks, so any
//! backend with a fast gemm has fast versions of them.
//!
//! Each algorithm is written once here, generic over the gemm it calls and
//! the kernel it runs on the smallest diagonal blocks (the leaves): the
//! trait defaults of [`crate::backend::Level3`] pass the backend's own gemm
//! and the plain loops of [`crate::reference`]; the threads backend passes a
//! single-threaded gemm and its register-blocked kernels on each of the
//! column blocks it deals to its threads.
//!
//! The algorithms:
//!
//! * trmm, trsm (left side; the right side is the left side on transposes):
//!   recursive halving of the triangle, one gemm for the off-diagonal block;
//! * syrk, syr2k (lower triangle; the upper triangle of `C` is the lower
//!   triangle of the view `C^T`, which the same symmetric update gives):
//!   recursive halving of `C`, a gemm (two for syr2k) for the off-diagonal
//!   block; elements of the other triangle are never read or written;
//! * symm (left side, upper triangle stored; the others by transposed
//!   views): blocks of rows of `C`, three gemms each, with only the diagonal
//!   block of `A` copied into a full symmetric buffer.
//!
//! Shapes are checked by the callers (through [`crate::backend::check`]).

use crate::backend::{Diag, Side, Uplo};
use crate::error::Result;
use crate::scalar::Element;
use crate::view::{MatMut, MatRef};

/// A gemm: `C := alpha*A*B + beta*C`, with the documented semantics of
/// [`crate::backend::Level3::gemm`] (`beta == 0` does not read `C`).
pub type Gemm<'g, T> =
    dyn Fn(T, MatRef<'_, T>, MatRef<'_, T>, T, MatMut<'_, T>) -> Result<()> + Sync + 'g;

/// A kernel for a small triangle on the left: `B := alpha*op(A)*B` with
/// `op(A)` the triangle (trmm) or its inverse (trsm), `A` held in its `uplo`
/// triangle; `alpha != 0`.
pub type TriLeaf<'g, T> = dyn Fn(Uplo, Diag, T, MatRef<'_, T>, MatMut<'_, T>) + Sync + 'g;

/// A kernel for a small diagonal block of syrk (`b == None`) or syr2k on
/// the **lower** triangle of `C`: `C := alpha*A*A^T + beta*C` (or
/// `alpha*(A*B^T + B*A^T) + beta*C`); `beta == 0` does not read `C`.
pub type SyrkLeaf<'g, T> =
    dyn Fn(T, MatRef<'_, T>, Option<MatRef<'_, T>>, T, MatMut<'_, T>) + Sync + 'g;

/// The leaf size of the trait defaults: diagonal blocks up to this size go
/// to the plain loops of [`crate::reference`].
pub const REFERENCE_LEAF: usize = 32;

/// Rows of `C` per block of [`symm`] (and the size of the diagonal blocks
/// of `A` it copies).
pub const SYMM_BLOCK: usize = 256;

/// A split point for the recursions: about half of `n`, a multiple of 16
/// once large, so that blocks stay aligned with the kernels' tiles.
pub fn split(n: usize) -> usize {
    let half = n / 2;
    if half >= 32 {
        half & !15
    } else {
        half.max(1)
    }
}

/// The left-side form of a trmm or trsm: `B*op(A)` is `(op(A)^T*B^T)^T`, so
/// the right side becomes the left side on `A^T` (whose triangle is the
/// other one) and `B^T`. No data moves.
pub fn left_form<'a, 'b, T: Element>(
    side: Side,
    uplo: Uplo,
    a: MatRef<'a, T>,
    b: MatMut<'b, T>,
) -> (Uplo, MatRef<'a, T>, MatMut<'b, T>) {
    match side {
        Side::Left => (uplo, a, b),
        Side::Right => (uplo.flip(), a.t(), b.t_mut()),
    }
}

/// `B := alpha*A*B` (left side), `A` triangular in its `uplo` triangle.
/// With `alpha == 0`, `B` is set to zero and `A` is not read.
#[allow(clippy::too_many_arguments)]
pub fn trmm_left<T: Element>(
    gemm: &Gemm<'_, T>,
    leaf: &TriLeaf<'_, T>,
    leaf_size: usize,
    uplo: Uplo,
    diag: Diag,
    alpha: T,
    a: MatRef<'_, T>,
    mut b: MatMut<'_, T>,
) -> Result<()> {
    if b.nrows() == 0 || b.ncols() == 0 {
        return Ok(());
    }
    if alpha == T::ZERO {
        fill(T::ZERO, b);
        return Ok(());
    }
    let m = a.nrows();
    if m <= leaf_size.max(1) {
        leaf(uplo, diag, alpha, a, b.rb_mut());
        return Ok(());
    }
    let (m1, m2) = (split(m), m - split(m));
    let (a11, a22) = (a.submatrix(0, 0, m1, m1), a.submatrix(m1, m1, m2, m2));
    let (mut b1, mut b2) = b.split_at_row_mut(m1);
    match uplo {
        // [B1; B2] := alpha*[A11 0; A21 A22]*[B1; B2]: B2 first, while B1
        // still holds its old value.
        Uplo::Lower => {
            trmm_left(gemm, leaf, leaf_size, uplo, diag, alpha, a22, b2.rb_mut())?;
            gemm(alpha, a.submatrix(m1, 0, m2, m1), b1.as_ref(), T::ONE, b2)?;
            trmm_left(gemm, leaf, leaf_size, uplo, diag, alpha, a11, b1)
        }
        // [B1; B2] := alpha*[A11 A12; 0 A22]*[B1; B2]: B1 first.
        Uplo::Upper => {
            trmm_left(gemm, leaf, leaf_size, uplo, diag, alpha, a11, b1.rb_mut())?;
            gemm(alpha, a.submatrix(0, m1, m1, m2), b2.as_ref(), T::ONE, b1)?;
            trmm_left(gemm, leaf, leaf_size, uplo, diag, alpha, a22, b2)
        }
    }
}

/// Solves `A*X = alpha*B` (left side), `A` triangular in its `uplo`
/// triangle; `X` overwrites `B`. With `alpha == 0`, `B` is set to zero and
/// `A` is not read.
#[allow(clippy::too_many_arguments)]
pub fn trsm_left<T: Element>(
    gemm: &Gemm<'_, T>,
    leaf: &TriLeaf<'_, T>,
    leaf_size: usize,
    uplo: Uplo,
    diag: Diag,
    alpha: T,
    a: MatRef<'_, T>,
    mut b: MatMut<'_, T>,
) -> Result<()> {
    if b.nrows() == 0 || b.ncols() == 0 {
        return Ok(());
    }
    if alpha == T::ZERO {
        fill(T::ZERO, b);
        return Ok(());
    }
    let m = a.nrows();
    if m <= leaf_size.max(1) {
        leaf(uplo, diag, alpha, a, b.rb_mut());
        return Ok(());
    }
    let (m1, m2) = (split(m), m - split(m));
    let (a11, a22) = (a.submatrix(0, 0, m1, m1), a.submatrix(m1, m1, m2, m2));
    let (mut b1, mut b2) = b.split_at_row_mut(m1);
    let minus_one = -T::ONE;
    match uplo {
        // X1 := inv(A11)*alpha*B1; B2 := alpha*B2 - A21*X1; X2 := inv(A22)*B2.
        Uplo::Lower => {
            trsm_left(gemm, leaf, leaf_size, uplo, diag, alpha, a11, b1.rb_mut())?;
            gemm(
                minus_one,
                a.submatrix(m1, 0, m2, m1),
                b1.as_ref(),
                alpha,
                b2.rb_mut(),
            )?;
            trsm_left(gemm, leaf, leaf_size, uplo, diag, T::ONE, a22, b2)
        }
        // X2 first, then B1 := alpha*B1 - A12*X2, then X1.
        Uplo::Upper => {
            trsm_left(gemm, leaf, leaf_size, uplo, diag, alpha, a22, b2.rb_mut())?;
            gemm(
                minus_one,
                a.submatrix(0, m1, m1, m2),
                b2.as_ref(),
                alpha,
                b1.rb_mut(),
            )?;
            trsm_left(gemm, leaf, leaf_size, uplo, diag, T::ONE, a11, b1)
        }
    }
}

/// `C := alpha*A*A^T + beta*C` (`b == None`) or `alpha*(A*B^T + B*A^T) +
/// beta*C` on the `uplo` triangle of `C`. With `beta == 0`, `C` is not read;
/// with `alpha == 0` or `k == 0`, `A` and `B` are not read.
#[allow(clippy::too_many_arguments)]
pub fn syrk<T: Element>(
    gemm: &Gemm<'_, T>,
    leaf: &SyrkLeaf<'_, T>,
    leaf_size: usize,
    uplo: Uplo,
    alpha: T,
    a: MatRef<'_, T>,
    b: Option<MatRef<'_, T>>,
    beta: T,
    c: MatMut<'_, T>,
) -> Result<()> {
    syrk_lower(
        gemm,
        leaf,
        leaf_size,
        alpha,
        a,
        b,
        beta,
        lower_view(uplo, c),
    )
}

/// The view whose lower triangle is the `uplo` triangle of `c`.
pub fn lower_view<T: Element>(uplo: Uplo, c: MatMut<'_, T>) -> MatMut<'_, T> {
    match uplo {
        Uplo::Lower => c,
        Uplo::Upper => c.t_mut(),
    }
}

/// [`syrk`] on the lower triangle of `c`.
#[allow(clippy::too_many_arguments)]
pub fn syrk_lower<T: Element>(
    gemm: &Gemm<'_, T>,
    leaf: &SyrkLeaf<'_, T>,
    leaf_size: usize,
    alpha: T,
    a: MatRef<'_, T>,
    b: Option<MatRef<'_, T>>,
    beta: T,
    mut c: MatMut<'_, T>,
) -> Result<()> {
    let (n, k) = (a.nrows(), a.ncols());
    if n == 0 {
        return Ok(());
    }
    if alpha == T::ZERO || k == 0 {
        scale_lower(beta, c);
        return Ok(());
    }
    if n <= leaf_size.max(1) {
        leaf(alpha, a, b, beta, c.rb_mut());
        return Ok(());
    }
    let (n1, n2) = (split(n), n - split(n));
    let (left, right) = c.split_at_col_mut(n1);
    let (c11, c21) = left.split_at_row_mut(n1);
    let (_, c22) = right.split_at_row_mut(n1);
    off_diagonal(gemm, alpha, a, b, n1, 0, beta, c21)?;
    let (a1, b1) = (rows(a, 0, n1), b.map(|b| rows(b, 0, n1)));
    syrk_lower(gemm, leaf, leaf_size, alpha, a1, b1, beta, c11)?;
    let (a2, b2) = (rows(a, n1, n2), b.map(|b| rows(b, n1, n2)));
    syrk_lower(gemm, leaf, leaf_size, alpha, a2, b2, beta, c22)
}

/// The block of `C` at rows `i0..` and columns `j0..` (as many as `c21`
/// has; strictly below the diagonal) of a syrk or syr2k update:
/// `C21 := alpha*A2*A1^T + beta*C21` (or `alpha*(A2*B1^T + B2*A1^T) +
/// beta*C21`), with `A2` the rows `i0..` of `A` and `A1` the rows `j0..`.
#[allow(clippy::too_many_arguments)]
fn off_diagonal<T: Element>(
    gemm: &Gemm<'_, T>,
    alpha: T,
    a: MatRef<'_, T>,
    b: Option<MatRef<'_, T>>,
    i0: usize,
    j0: usize,
    beta: T,
    mut c21: MatMut<'_, T>,
) -> Result<()> {
    let (rows, cols) = (c21.nrows(), c21.ncols());
    let (a1, a2) = (self::rows(a, j0, cols), self::rows(a, i0, rows));
    match b {
        None => gemm(alpha, a2, a1.t(), beta, c21),
        Some(b) => {
            let (b1, b2) = (self::rows(b, j0, cols), self::rows(b, i0, rows));
            gemm(alpha, a2, b1.t(), beta, c21.rb_mut())?;
            gemm(alpha, b2, a1.t(), T::ONE, c21)
        }
    }
}

/// Rows `i..i+r` of `x`, all columns.
fn rows<T: Element>(x: MatRef<'_, T>, i: usize, r: usize) -> MatRef<'_, T> {
    x.submatrix(i, 0, r, x.ncols())
}

/// One block of columns `j0..j0+w` of a lower syrk or syr2k update, given
/// as `cols`, the part of those columns on and below the diagonal (rows
/// `j0..n` of `C`): the diagonal block by the recursion of [`syrk_lower`],
/// the rest with one gemm (two for syr2k). Blocks of different columns are
/// independent, which is how the threads backend splits large updates.
#[allow(clippy::too_many_arguments)]
pub fn syrk_lower_columns<T: Element>(
    gemm: &Gemm<'_, T>,
    leaf: &SyrkLeaf<'_, T>,
    leaf_size: usize,
    alpha: T,
    a: MatRef<'_, T>,
    b: Option<MatRef<'_, T>>,
    beta: T,
    j0: usize,
    cols: MatMut<'_, T>,
) -> Result<()> {
    let (n, k, w) = (a.nrows(), a.ncols(), cols.ncols());
    debug_assert_eq!(cols.nrows(), n - j0);
    let (diag, below) = cols.split_at_row_mut(w);
    let (aj, bj) = (rows(a, j0, w), b.map(|b| rows(b, j0, w)));
    syrk_lower(gemm, leaf, leaf_size, alpha, aj, bj, beta, diag)?;
    if alpha == T::ZERO || k == 0 {
        fill_scaled(beta, below);
        return Ok(());
    }
    off_diagonal(gemm, alpha, a, b, j0 + w, j0, beta, below)
}

/// `C := alpha*A*B + beta*C` (left) or `alpha*B*A + beta*C` (right), `A`
/// symmetric in its `uplo` triangle. With `beta == 0`, `C` is not read; with
/// `alpha == 0`, `A` and `B` are not read.
#[allow(clippy::too_many_arguments)]
pub fn symm<T: Element>(
    gemm: &Gemm<'_, T>,
    side: Side,
    uplo: Uplo,
    alpha: T,
    a: MatRef<'_, T>,
    b: MatRef<'_, T>,
    beta: T,
    c: MatMut<'_, T>,
) -> Result<()> {
    let (a, b, c) = symm_form(side, uplo, a, b, c);
    symm_upper(gemm, alpha, a, b, beta, c)
}

/// The form [`symm_upper`] takes, `(A, B, C)` with the upper triangle of `A`
/// stored and `A` on the left: `B*A = (A*B^T)^T` since `A = A^T`, and the
/// lower triangle of `A` is the upper triangle of the view `A^T`. No data
/// moves.
#[allow(clippy::type_complexity)]
pub fn symm_form<'a, 'b, 'c, T: Element>(
    side: Side,
    uplo: Uplo,
    a: MatRef<'a, T>,
    b: MatRef<'b, T>,
    c: MatMut<'c, T>,
) -> (MatRef<'a, T>, MatRef<'b, T>, MatMut<'c, T>) {
    let a = match uplo {
        Uplo::Upper => a,
        Uplo::Lower => a.t(),
    };
    match side {
        Side::Left => (a, b, c),
        Side::Right => (a, b.t(), c.t_mut()),
    }
}

/// [`symm`] in its left form with the upper triangle of `a` stored: a block
/// of rows `I` of `C` gets
///
/// ```text
/// C_I := beta*C_I + alpha*( A(0..i0, I)^T * B(0..i0, :)     (stored above)
///                         + full(A_II)    * B_I              (diagonal block)
///                         + A(I, i1..m)   * B(i1..m, :) )    (stored right)
/// ```
///
/// Blocks of columns of `B` and `C` are independent (the threads backend's
/// split).
pub fn symm_upper<T: Element>(
    gemm: &Gemm<'_, T>,
    alpha: T,
    a: MatRef<'_, T>,
    b: MatRef<'_, T>,
    beta: T,
    mut c: MatMut<'_, T>,
) -> Result<()> {
    let (m, n) = (c.nrows(), c.ncols());
    if m == 0 || n == 0 {
        return Ok(());
    }
    if alpha == T::ZERO {
        fill_scaled(beta, c);
        return Ok(());
    }
    let mut diag = vec![T::ZERO; SYMM_BLOCK.min(m) * SYMM_BLOCK.min(m)];
    let mut i0 = 0;
    while i0 < m {
        let ib = SYMM_BLOCK.min(m - i0);
        let (_, rest) = c.rb_mut().split_at_row_mut(i0);
        let (ci, _) = rest.split_at_row_mut(ib);
        symm_upper_rows(gemm, alpha, a, b, beta, i0, ci, &mut diag)?;
        i0 += ib;
    }
    Ok(())
}

/// The block of rows `i0..i0+ci.nrows()` of [`symm_upper`], `ci`: the
/// formula above, with `diag` (at least `ci.nrows()` squared elements) for
/// the full copy of the diagonal block. Blocks of rows are independent (the
/// threads backend's split for tall calls).
#[allow(clippy::too_many_arguments)]
pub fn symm_upper_rows<T: Element>(
    gemm: &Gemm<'_, T>,
    alpha: T,
    a: MatRef<'_, T>,
    b: MatRef<'_, T>,
    beta: T,
    i0: usize,
    mut ci: MatMut<'_, T>,
    diag: &mut [T],
) -> Result<()> {
    let (m, n, ib) = (a.nrows(), b.ncols(), ci.nrows());
    if ib == 0 || n == 0 {
        return Ok(());
    }
    if alpha == T::ZERO {
        fill_scaled(beta, ci);
        return Ok(());
    }
    let i1 = i0 + ib;
    expand_upper(a.submatrix(i0, i0, ib, ib), &mut diag[..ib * ib]);
    let d = MatRef::col_major(&diag[..ib * ib], ib, ib, ib)?;
    // The first product takes beta (so C is read only when beta != 0).
    let mut first_beta = beta;
    if i0 > 0 {
        gemm(
            alpha,
            a.submatrix(0, i0, i0, ib).t(),
            b.submatrix(0, 0, i0, n),
            beta,
            ci.rb_mut(),
        )?;
        first_beta = T::ONE;
    }
    gemm(alpha, d, b.submatrix(i0, 0, ib, n), first_beta, ci.rb_mut())?;
    if i1 < m {
        gemm(
            alpha,
            a.submatrix(i0, i1, ib, m - i1),
            b.submatrix(i1, 0, m - i1, n),
            T::ONE,
            ci,
        )?;
    }
    Ok(())
}

/// The full symmetric `n x n` matrix whose upper triangle `a` holds, into
/// `out` (column-major, `n*n` elements).
pub fn expand_upper<T: Element>(a: MatRef<'_, T>, out: &mut [T]) {
    let n = a.nrows();
    for j in 0..n {
        for i in 0..=j {
            let v = a.get(i, j);
            out[i + j * n] = v;
            out[j + i * n] = v;
        }
    }
}

/// Every element of `c` set to `v`.
pub fn fill<T: Element>(v: T, mut c: MatMut<'_, T>) {
    let mut c = outer_cols(&mut c);
    for j in 0..c.ncols() {
        for i in 0..c.nrows() {
            c.set(i, j, v);
        }
    }
}

/// `C := beta*C`; with `beta == 0`, `C` is set to zero without being read.
pub fn fill_scaled<T: Element>(beta: T, mut c: MatMut<'_, T>) {
    if beta == T::ZERO {
        return fill(T::ZERO, c);
    }
    if beta == T::ONE {
        return;
    }
    let mut c = outer_cols(&mut c);
    for j in 0..c.ncols() {
        for i in 0..c.nrows() {
            let v = beta * c.as_ref().get(i, j);
            c.set(i, j, v);
        }
    }
}

/// `C := beta*C` on the lower triangle (diagonal included) of the square
/// `c`; with `beta == 0`, set to zero without being read.
pub fn scale_lower<T: Element>(beta: T, mut c: MatMut<'_, T>) {
    if beta == T::ONE {
        return;
    }
    for j in 0..c.ncols() {
        for i in j..c.nrows() {
            let v = if beta == T::ZERO {
                T::ZERO
            } else {
                beta * c.as_ref().get(i, j)
            };
            c.set(i, j, v);
        }
    }
}

/// The view itself, or its transpose when that makes the inner loop (over
/// rows) the closer-packed one.
fn outer_cols<'s, T: Element>(c: &'s mut MatMut<'_, T>) -> MatMut<'s, T> {
    if c.rs().unsigned_abs() > c.cs().unsigned_abs() {
        c.rb_mut().t_mut()
    } else {
        c.rb_mut()
    }
}

/// The reference leaf for trmm ([`crate::reference::trmm`], left side).
pub fn reference_trmm_leaf<T: Element>(
    uplo: Uplo,
    diag: Diag,
    alpha: T,
    a: MatRef<'_, T>,
    b: MatMut<'_, T>,
) {
    crate::reference::trmm(Side::Left, uplo, diag, alpha, a, b);
}

/// The reference leaf for trsm ([`crate::reference::trsm`], left side).
pub fn reference_trsm_leaf<T: Element>(
    uplo: Uplo,
    diag: Diag,
    alpha: T,
    a: MatRef<'_, T>,
    b: MatMut<'_, T>,
) {
    crate::reference::trsm(Side::Left, uplo, diag, alpha, a, b);
}

/// The reference leaf for syrk and syr2k ([`crate::reference::syrk`] and
/// [`crate::reference::syr2k`] on the lower triangle).
pub fn reference_syrk_leaf<T: Element>(
    alpha: T,
    a: MatRef<'_, T>,
    b: Option<MatRef<'_, T>>,
    beta: T,
    c: MatMut<'_, T>,
) {
    match b {
        None => crate::reference::syrk(Uplo::Lower, alpha, a, beta, c),
        Some(b) => crate::reference::syr2k(Uplo::Lower, alpha, a, b, beta, c),
    }
}
