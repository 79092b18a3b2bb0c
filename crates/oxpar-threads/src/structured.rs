//! symv, trmv, trsv, syr and syr2 on the threads backend: the triangle is
//! cut into blocks of equal area, one per thread, each run by the
//! single-core kernels of `oxpar_kernels::level2::structured`.
//!
//! * symv: each thread takes a range of columns and sums into its own copy
//!   of `y` (a column adds to rows on both sides of the diagonal), and the
//!   copies are added at the end: the triangle is read once.
//! * trmv: each thread takes a range of rows: its diagonal block by the
//!   kernel, the rest of its rows by gemv against a copy of the input `x`.
//! * trsv: one core up to large orders (see [`TRSV_CUTOFF`]); above, a
//!   sequence of diagonal-block solves (kernel, one thread) and gemv updates
//!   of the rest of `x` (all threads).
//! * syr, syr2: each thread updates a range of columns.
//!
//! Layouts other than column-major (or row-major, handled as the transpose)
//! go to the blocked defaults of `oxpar_core::blocked`.

use std::ops::Range;
use std::sync::OnceLock;

use oxpar_core::backend::check;
use oxpar_core::blocked::{self, split_pair, sub_mut};
use oxpar_core::{Diag, Level2, MatMut, MatRef, Result, Uplo, VecMut, VecRef};

use crate::RealElement;
use oxpar_kernels::level2 as k2;

use crate::split::{SharedMatMut, SharedVecMut};
use crate::ThreadsBackend;

/// The blocked parallel trsv takes over from one core only for triangles of
/// this many times the level-2 cutoff in elements (from n = 8192 at the
/// default cutoff). Its steps are sequential, each a fork-join: at n = 4096
/// on 2 threads it was 1.6 times as fast as one core on a quiet machine but
/// up to 2.4 times as slow when another process shared the cores, while one
/// core alone already beat OpenBLAS there.
const TRSV_CUTOFF: usize = 512;

/// Rows per step of the blocked trsv: an eighth of the order (so at most
/// eight fork-joins and an eighth of the work in serial diagonal solves),
/// at least 64.
fn trsv_nb(n: usize) -> usize {
    (n / 8).max(64)
}

/// Part `p` of `0..n` cut into `parts` ranges of about equal triangle area,
/// where index `i` stands for `i + 1` elements (`growing`) or `n - i`.
pub(crate) fn area_block(n: usize, parts: usize, p: usize, growing: bool) -> Range<usize> {
    // The first index whose cumulative area reaches the share k/parts.
    let cut = |k: usize| -> usize {
        if k == 0 {
            return 0;
        }
        if k >= parts {
            return n;
        }
        let f = k as f64 / parts as f64;
        let c = if growing {
            n as f64 * f.sqrt()
        } else {
            n as f64 * (1.0 - (1.0 - f).sqrt())
        };
        (c.round() as usize).min(n)
    };
    cut(p)..cut(p + 1).max(cut(p))
}

/// A triangle goes to the team only when its multiply-adds reach this many
/// times the level-2 cutoff (gemv's one per element): from n = 725 for trmv,
/// syr and syr2, from n = 512 for symv (two per element). One core does a
/// trmv of n = 512 (131,072 elements, twice the gemv cutoff) in about 25 us,
/// the order of what waking the team costs when the machine is busy
/// (measured: 2 threads took 8 times as long as 1 there).
const TRIANGLE_CUTOFF: usize = 4;

impl ThreadsBackend {
    /// Threads for an `n x n` triangle with `per_element` multiply-adds per
    /// stored element (1 = run inline).
    pub(crate) fn triangle_parts(&self, n: usize, per_element: usize) -> usize {
        let cutoff = self.inner.thresholds.level2.saturating_mul(TRIANGLE_CUTOFF);
        let work = (n.saturating_mul(n) / 2).saturating_mul(per_element);
        self.parts(work, cutoff).min(n.max(1))
    }

    /// Runs `f(p)` for `p` in `0..parts` on the team (inline when 1).
    pub(crate) fn each_part(&self, parts: usize, f: impl Fn(usize) + Sync) {
        if parts == 1 {
            f(0);
        } else {
            self.team().run_elastic(&|p| {
                if p < parts {
                    f(p);
                }
            });
        }
    }
}

/// A column-major view of `a` (as itself, or its transpose when row-major),
/// with the triangle the returned view holds.
fn col_major<'a, T: RealElement>(a: MatRef<'a, T>, uplo: Uplo) -> Option<(MatRef<'a, T>, Uplo)> {
    if a.rs() == 1 && a.cs() > 0 {
        Some((a, uplo))
    } else if a.cs() == 1 && a.rs() > 0 {
        Some((a.t(), uplo.flip()))
    } else {
        None
    }
}

pub(crate) fn symv<T: RealElement>(
    tb: &ThreadsBackend,
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
    // A symmetric matrix is its own transpose: a row-major view is the
    // column-major view of the other triangle.
    let Some((a, uplo)) = col_major(a, uplo).filter(|_| alpha != T::zero() && n > 0) else {
        return blocked::symv(tb, uplo, alpha, a, x, beta, y);
    };
    let xs: Vec<T> = x.iter().map(|v| alpha * v).collect();
    let parts = tb.triangle_parts(n, 2);
    let slots: Vec<OnceLock<Vec<T>>> = (0..parts).map(|_| OnceLock::new()).collect();
    tb.each_part(parts, |p| {
        let mut acc = vec![T::zero(); n];
        let cols = area_block(n, parts, p, uplo == Uplo::Upper);
        k2::symv_cols(uplo, a, &xs, cols, &mut acc);
        let _ = slots[p].set(acc);
    });
    let sums: Vec<Vec<T>> = slots.into_iter().filter_map(OnceLock::into_inner).collect();
    y.for_each_mut(|i, yi| {
        let s = sums.iter().fold(T::zero(), |s, acc| s + acc[i]);
        // beta == 0: y is not read (a NaN there does not come out).
        *yi = if beta == T::zero() { s } else { beta * *yi + s };
    });
    Ok(())
}

pub(crate) fn trmv<T: RealElement>(
    tb: &ThreadsBackend,
    uplo: Uplo,
    diag: Diag,
    a: MatRef<'_, T>,
    mut x: VecMut<'_, T>,
) -> Result<()> {
    check::square("A", (a.nrows(), a.ncols()))?;
    check::gemv((a.nrows(), a.ncols()), x.len(), x.len())?;
    let n = x.len();
    let parts = tb.triangle_parts(n, 1);
    if parts == 1 {
        k2::trmv(uplo, diag, a, x);
        return Ok(());
    }
    // Row blocks of equal area: row i of the upper triangle has n - i
    // elements. Each writes its rows of `w`, reading other rows from `xc`.
    let xc: Vec<T> = x.as_ref().iter().collect();
    let mut w = xc.clone();
    let ws = SharedVecMut::new(VecMut::from_slice(&mut w));
    tb.each_part(parts, |p| {
        let r = area_block(n, parts, p, uplo == Uplo::Lower);
        if r.is_empty() {
            return;
        }
        // SAFETY: the row blocks of one region are disjoint.
        let mut wr = unsafe { ws.block_mut(r.clone()) };
        let d = a.submatrix(r.start, r.start, r.len(), r.len());
        k2::trmv(uplo, diag, d, wr.rb_mut());
        let rest = match uplo {
            Uplo::Upper => r.end..n,
            Uplo::Lower => 0..r.start,
        };
        if !rest.is_empty() {
            let a_r = a.submatrix(r.start, rest.start, r.len(), rest.len());
            k2::gemv(T::one(), a_r, VecRef::from_slice(&xc[rest]), T::one(), wr);
        }
    });
    x.for_each_mut(|i, xi| *xi = w[i]);
    Ok(())
}

pub(crate) fn trsv<T: RealElement>(
    tb: &ThreadsBackend,
    uplo: Uplo,
    diag: Diag,
    a: MatRef<'_, T>,
    mut x: VecMut<'_, T>,
) -> Result<()> {
    check::square("A", (a.nrows(), a.ncols()))?;
    check::gemv((a.nrows(), a.ncols()), x.len(), x.len())?;
    let n = x.len();
    let cutoff = tb.inner.thresholds.level2.saturating_mul(TRSV_CUTOFF);
    if tb.parts(n.saturating_mul(n) / 2, cutoff) == 1 || n <= trsv_nb(n) {
        k2::trsv(uplo, diag, a, x);
        return Ok(());
    }
    let mut w: Vec<T> = x.as_ref().iter().collect();
    let mut wv = VecMut::from_slice(&mut w);
    let order: Vec<Range<usize>> = match uplo {
        Uplo::Lower => blocked::blocks(n, trsv_nb(n)).collect(),
        Uplo::Upper => blocked::blocks(n, trsv_nb(n)).rev().collect(),
    };
    let minus_one = T::zero() - T::one();
    // Column-major: after a block is solved, subtract its columns from the
    // rows still to solve (long contiguous columns for gemv). Otherwise:
    // before solving a block, subtract its rows times the part solved.
    let by_cols = a.rs().unsigned_abs() <= a.cs().unsigned_abs();
    for r in order {
        let d = a.submatrix(r.start, r.start, r.len(), r.len());
        let (later, earlier) = match uplo {
            Uplo::Lower => (r.end..n, 0..r.start),
            Uplo::Upper => (0..r.start, r.end..n),
        };
        if by_cols {
            k2::trsv(uplo, diag, d, sub_mut(wv.rb_mut(), r.clone()));
            if !later.is_empty() {
                let a_c = a.submatrix(later.start, r.start, later.len(), r.len());
                let (xr, xl) = split_pair(wv.rb_mut(), r, later);
                tb.gemv(minus_one, a_c, xr.as_ref(), T::one(), xl)?;
            }
        } else {
            if !earlier.is_empty() {
                let a_r = a.submatrix(r.start, earlier.start, r.len(), earlier.len());
                let (xr, xe) = split_pair(wv.rb_mut(), r.clone(), earlier);
                tb.gemv(minus_one, a_r, xe.as_ref(), T::one(), xr)?;
            }
            k2::trsv(uplo, diag, d, sub_mut(wv.rb_mut(), r));
        }
    }
    x.for_each_mut(|i, xi| *xi = w[i]);
    Ok(())
}

pub(crate) fn syr<T: RealElement>(
    tb: &ThreadsBackend,
    uplo: Uplo,
    alpha: T,
    x: VecRef<'_, T>,
    y: Option<VecRef<'_, T>>,
    a: MatMut<'_, T>,
) -> Result<()> {
    check::square("A", (a.nrows(), a.ncols()))?;
    check::ger(
        x.len(),
        y.map_or(x.len(), |y| y.len()),
        (a.nrows(), a.ncols()),
    )?;
    let n = x.len();
    if alpha == T::zero() || n == 0 {
        return Ok(());
    }
    // The update is symmetric too: a row-major view is the column-major
    // view of the other triangle.
    let (a, uplo) = if a.rs() == 1 && a.cs() > 0 {
        (a, uplo)
    } else if a.cs() == 1 && a.rs() > 0 {
        (a.t_mut(), uplo.flip())
    } else {
        return match y {
            None => blocked::syr(tb, uplo, alpha, x, a),
            Some(y) => blocked::syr2(tb, uplo, alpha, x, y, a),
        };
    };
    let xs: Vec<T> = x.iter().collect();
    let ys: Option<Vec<T>> = y.map(|y| y.iter().collect());
    let parts = tb.triangle_parts(n, if y.is_some() { 2 } else { 1 });
    let shared = SharedMatMut::new(a);
    tb.each_part(parts, |p| {
        // Column j of the upper triangle has j + 1 elements.
        let cols = area_block(n, parts, p, uplo == Uplo::Upper);
        if cols.is_empty() {
            return;
        }
        let start = cols.start;
        // SAFETY: the column blocks of one region are disjoint.
        let block = unsafe { shared.cols_mut(cols) };
        k2::syr_cols(uplo, alpha, &xs, ys.as_deref(), block, start);
    });
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::area_block;

    #[test]
    fn area_blocks_tile_the_range_with_equal_areas() {
        for n in [0usize, 1, 2, 7, 100, 4096] {
            for parts in 1..6 {
                for growing in [false, true] {
                    let mut next = 0;
                    for p in 0..parts {
                        let r = area_block(n, parts, p, growing);
                        assert_eq!(r.start, next);
                        next = r.end;
                    }
                    assert_eq!(next, n);
                }
            }
        }
        // Growing areas: the first of two blocks is the longer (1/sqrt 2).
        assert_eq!(area_block(4096, 2, 0, true), 0..2896);
        assert_eq!(area_block(4096, 2, 0, false), 0..1200);
    }
}
