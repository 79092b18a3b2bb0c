//! Blocked versions of the symmetric and triangular level-2 operations,
//! built on a backend's own `gemv` and `ger`: the trait defaults, so every
//! backend gets them at the speed of its matrix-vector kernels.
//!
//! The matrix is cut into blocks of [`NB`] rows and columns. Diagonal blocks
//! (a small share of the work) go through the plain loops of
//! [`crate::reference`]; everything off the diagonal is a rectangle, handed
//! to `gemv` or `ger`. Each function checks shapes like the trait method it
//! implements, so a backend may call it directly as a fallback.

use std::ops::Range;

use crate::backend::{check, Diag, Level2, Uplo};
use crate::error::Result;
use crate::reference;
use crate::scalar::Element;
use crate::view::{MatMut, MatRef, VecMut, VecRef};

/// Rows and columns per block.
pub const NB: usize = 64;

/// The blocks `0..nb`, `nb..2nb`, ... covering `0..n` (the last may be short).
pub fn blocks(n: usize, nb: usize) -> impl DoubleEndedIterator<Item = Range<usize>> {
    let nb = nb.max(1);
    (0..n.div_ceil(nb)).map(move |k| k * nb..((k + 1) * nb).min(n))
}

/// Elements `r` of `v`.
pub fn sub_mut<T: Element>(v: VecMut<'_, T>, r: Range<usize>) -> VecMut<'_, T> {
    let (_, tail) = v.split_at_mut(r.start);
    tail.split_at_mut(r.len()).0
}

/// The block of `a` with rows `rows` and columns `cols`.
pub fn block_mut<T: Element>(
    a: MatMut<'_, T>,
    rows: Range<usize>,
    cols: Range<usize>,
) -> MatMut<'_, T> {
    let (_, a) = a.split_at_col_mut(cols.start);
    let (a, _) = a.split_at_col_mut(cols.len());
    let (_, a) = a.split_at_row_mut(rows.start);
    a.split_at_row_mut(rows.len()).0
}

/// The off-diagonal rows of block column `r` inside the `uplo` triangle of an
/// `n x n` matrix: above the block (upper) or below it (lower).
fn strip(uplo: Uplo, n: usize, r: &Range<usize>) -> Range<usize> {
    match uplo {
        Uplo::Upper => 0..r.start,
        Uplo::Lower => r.end..n,
    }
}

/// [`Level2::symv`]: diagonal blocks first (they apply `beta`, so every `y`
/// element is scaled once and not read when `beta == 0`), then each
/// off-diagonal strip twice, as itself and as its transpose.
pub fn symv<T: Element, B: Level2<T> + ?Sized>(
    b: &B,
    uplo: Uplo,
    alpha: T,
    a: MatRef<'_, T>,
    x: VecRef<'_, T>,
    beta: T,
    mut y: VecMut<'_, T>,
) -> Result<()> {
    check::square("A", (a.nrows(), a.ncols()))?;
    check::gemv((a.nrows(), a.ncols()), x.len(), y.len())?;
    let n = y.len();
    for r in blocks(n, NB) {
        let d = a.submatrix(r.start, r.start, r.len(), r.len());
        let xr = x.subvector(r.start, r.len());
        reference::symv(uplo, alpha, d, xr, beta, sub_mut(y.rb_mut(), r));
    }
    if alpha == T::ZERO {
        return Ok(());
    }
    for r in blocks(n, NB) {
        let s = strip(uplo, n, &r);
        if s.is_empty() {
            continue;
        }
        let a_s = a.submatrix(s.start, r.start, s.len(), r.len());
        let xr = x.subvector(r.start, r.len());
        let xs = x.subvector(s.start, s.len());
        b.gemv(alpha, a_s, xr, T::ONE, sub_mut(y.rb_mut(), s))?;
        b.gemv(alpha, a_s.t(), xs, T::ONE, sub_mut(y.rb_mut(), r))?;
    }
    Ok(())
}

/// The part of row block `r` right of the diagonal block (upper) or left of
/// it (lower).
fn row_rest(uplo: Uplo, n: usize, r: &Range<usize>) -> Range<usize> {
    match uplo {
        Uplo::Upper => r.end..n,
        Uplo::Lower => 0..r.start,
    }
}

/// [`Level2::trmv`] in place: row blocks in the order that reads each `x`
/// element before it is overwritten (top-down for upper, bottom-up for
/// lower); each is its diagonal block times itself plus one `gemv` with the
/// rest of its rows.
pub fn trmv<T: Element, B: Level2<T> + ?Sized>(
    b: &B,
    uplo: Uplo,
    diag: Diag,
    a: MatRef<'_, T>,
    mut x: VecMut<'_, T>,
) -> Result<()> {
    check::square("A", (a.nrows(), a.ncols()))?;
    check::gemv((a.nrows(), a.ncols()), x.len(), x.len())?;
    let n = x.len();
    let order: Vec<Range<usize>> = match uplo {
        Uplo::Upper => blocks(n, NB).collect(),
        Uplo::Lower => blocks(n, NB).rev().collect(),
    };
    for r in order {
        let d = a.submatrix(r.start, r.start, r.len(), r.len());
        reference::trmv(uplo, diag, d, sub_mut(x.rb_mut(), r.clone()));
        let rest = row_rest(uplo, n, &r);
        if rest.is_empty() {
            continue;
        }
        let a_r = a.submatrix(r.start, rest.start, r.len(), rest.len());
        // `x[rest]` has not been overwritten yet: its blocks come later.
        let (xr, xrest) = split_pair(x.rb_mut(), r, rest);
        b.gemv(T::ONE, a_r, xrest.as_ref(), T::ONE, xr)?;
    }
    Ok(())
}

/// `x[r]` and `x[rest]` as two disjoint mutable views (`rest` lies wholly
/// before or wholly after `r`).
pub fn split_pair<T: Element>(
    x: VecMut<'_, T>,
    r: Range<usize>,
    rest: Range<usize>,
) -> (VecMut<'_, T>, VecMut<'_, T>) {
    if rest.start >= r.end {
        let (head, tail) = x.split_at_mut(r.end);
        let off = r.end;
        (
            sub_mut(head, r),
            sub_mut(tail, rest.start - off..rest.end - off),
        )
    } else {
        let (head, tail) = x.split_at_mut(r.start);
        (sub_mut(tail, 0..r.len()), sub_mut(head, rest))
    }
}

/// [`Level2::trsv`] in place: row blocks in solving order (top-down for
/// lower, bottom-up for upper); each subtracts one `gemv` of its rows with
/// the part of `x` already solved, then solves its diagonal block.
pub fn trsv<T: Element, B: Level2<T> + ?Sized>(
    b: &B,
    uplo: Uplo,
    diag: Diag,
    a: MatRef<'_, T>,
    mut x: VecMut<'_, T>,
) -> Result<()> {
    check::square("A", (a.nrows(), a.ncols()))?;
    check::gemv((a.nrows(), a.ncols()), x.len(), x.len())?;
    let n = x.len();
    let order: Vec<Range<usize>> = match uplo {
        Uplo::Lower => blocks(n, NB).collect(),
        Uplo::Upper => blocks(n, NB).rev().collect(),
    };
    for r in order {
        let rest = row_rest(uplo, n, &r);
        if !rest.is_empty() {
            let a_r = a.submatrix(r.start, rest.start, r.len(), rest.len());
            let (xr, solved) = split_pair(x.rb_mut(), r.clone(), rest);
            b.gemv(-T::ONE, a_r, solved.as_ref(), T::ONE, xr)?;
        }
        let d = a.submatrix(r.start, r.start, r.len(), r.len());
        reference::trsv(uplo, diag, d, sub_mut(x.rb_mut(), r));
    }
    Ok(())
}

/// [`Level2::syr`]: diagonal blocks by loops, each off-diagonal strip of a
/// block column by one `ger`.
pub fn syr<T: Element, B: Level2<T> + ?Sized>(
    b: &B,
    uplo: Uplo,
    alpha: T,
    x: VecRef<'_, T>,
    a: MatMut<'_, T>,
) -> Result<()> {
    check::square("A", (a.nrows(), a.ncols()))?;
    check::ger(x.len(), x.len(), (a.nrows(), a.ncols()))?;
    rank_update(b, uplo, alpha, x, None, a)
}

/// [`Level2::syr2`]: as [`syr`], with two `ger` per strip.
pub fn syr2<T: Element, B: Level2<T> + ?Sized>(
    b: &B,
    uplo: Uplo,
    alpha: T,
    x: VecRef<'_, T>,
    y: VecRef<'_, T>,
    a: MatMut<'_, T>,
) -> Result<()> {
    check::square("A", (a.nrows(), a.ncols()))?;
    check::ger(x.len(), y.len(), (a.nrows(), a.ncols()))?;
    rank_update(b, uplo, alpha, x, Some(y), a)
}

fn rank_update<T: Element, B: Level2<T> + ?Sized>(
    b: &B,
    uplo: Uplo,
    alpha: T,
    x: VecRef<'_, T>,
    y: Option<VecRef<'_, T>>,
    mut a: MatMut<'_, T>,
) -> Result<()> {
    if alpha == T::ZERO {
        return Ok(());
    }
    let n = x.len();
    for r in blocks(n, NB) {
        let xr = x.subvector(r.start, r.len());
        let d = block_mut(a.rb_mut(), r.clone(), r.clone());
        match y {
            None => reference::syr(uplo, alpha, xr, d),
            Some(y) => reference::syr2(uplo, alpha, xr, y.subvector(r.start, r.len()), d),
        }
        let s = strip(uplo, n, &r);
        if s.is_empty() {
            continue;
        }
        let xs = x.subvector(s.start, s.len());
        match y {
            None => b.ger(alpha, xs, xr, block_mut(a.rb_mut(), s, r))?,
            Some(y) => {
                let (ys, yr) = (y.subvector(s.start, s.len()), y.subvector(r.start, r.len()));
                b.ger(alpha, xs, yr, block_mut(a.rb_mut(), s.clone(), r.clone()))?;
                b.ger(alpha, ys, xr, block_mut(a.rb_mut(), s, r))?;
            }
        }
    }
    Ok(())
}
