//! symm, syrk, syr2k, trmm and trsm on the threads backend: syrk, syr2k
//! and trmm on the packed macro-kernels of `oxpar_kernels::level3::packed`
//! (each panel packed once, only the micro-tiles inside the triangle
//! computed), symm and trsm on the blocked algorithms of
//! `oxpar_core::blocked` with the kernels of `oxpar_kernels::level3` on
//! their diagonal blocks.
//!
//! Large calls are split into independent blocks of columns of the result
//! (for syrk and syr2k, blocks of equal area of the triangle), which the
//! team's threads take in turn, each computing its block on its own: one
//! region keeps every thread busy with large products, where the
//! alternative (each gemm of the recursion split across threads, the small
//! kernels between them run by one) would hand the threads back and forth
//! dozens of times. Smaller calls, or ones with too few columns, run on the
//! calling thread (symm and trsm: the recursion with the backend's own
//! parallel gemm).

use std::ops::Range;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use oxpar_core::backend::check;
use oxpar_core::blocked::{self, Gemm};
use oxpar_core::{Diag, Level3, MatMut, MatRef, Result, Side, Uplo};

// The real types (a local trait, see `RealElement`).
use crate::RealElement;
use oxpar_kernels::level3::{self as k3, tri};

use crate::split::SharedMatMut;
use crate::ThreadsBackend;

/// Columns per block, at least, when trmm, trsm or symm are split.
const MIN_PART: usize = 128;

/// Columns per block, at least, when syrk or syr2k are split.
const MIN_PART_SYRK: usize = 64;

/// A part of a split call: the columns `Range` of the output, as a view.
type Part<'p, T> = dyn Fn(Range<usize>, MatMut<'_, T>) -> Result<()> + Sync + 'p;

impl ThreadsBackend {
    /// The width of the column blocks to split a call of `work`
    /// multiply-adds with `n` columns into, or `None` when it is not worth
    /// it (below the level-3 threshold, as the parallel gemm): about two
    /// blocks per thread, for balance, in multiples of 32
    /// columns and at least `min_part`.
    fn column_blocks(&self, n: usize, work: usize, min_part: usize) -> Option<usize> {
        if !self.worth_splitting(work) {
            return None;
        }
        let size = n
            .div_ceil(2 * self.inner.num_threads)
            .max(min_part)
            .next_multiple_of(32);
        (size < n).then_some(size)
    }

    /// Whether a call of `work` multiply-adds is split across the team:
    /// more than one thread, at least the level-3 threshold (as the
    /// parallel gemm), and not inside a forked region.
    fn worth_splitting(&self, work: usize) -> bool {
        self.inner.num_threads > 1 && work >= self.inner.thresholds.level3.max(2) && !self.forked()
    }

    /// Runs `part` on each block of `size` columns of `c`, the blocks dealt
    /// to the team's threads as they become free. Returns the first error.
    fn for_column_blocks<T: RealElement>(
        &self,
        c: MatMut<'_, T>,
        size: usize,
        part: &Part<'_, T>,
    ) -> Result<()> {
        let n = c.ncols();
        let bounds: Vec<usize> = (0..n.div_ceil(size)).map(|p| p * size).chain([n]).collect();
        self.for_column_ranges(c, &bounds, part)
    }

    /// Runs `part` on each block of columns `bounds[p]..bounds[p + 1]` of
    /// `c` (`bounds` increasing from 0 to the width of `c`), the blocks dealt
    /// to the team's threads as they become free. Returns the first error.
    fn for_column_ranges<T: RealElement>(
        &self,
        c: MatMut<'_, T>,
        bounds: &[usize],
        part: &Part<'_, T>,
    ) -> Result<()> {
        debug_assert!(bounds.first() == Some(&0) && bounds.last() == Some(&c.ncols()));
        let blocks = bounds.len().saturating_sub(1);
        let shared = SharedMatMut::new(c);
        let next = AtomicUsize::new(0);
        let error = Mutex::new(None);
        self.team().run(&|_| loop {
            let p = next.fetch_add(1, Ordering::Relaxed);
            if p >= blocks {
                break;
            }
            let cols = bounds[p]..bounds[p + 1];
            if cols.is_empty() {
                continue;
            }
            // SAFETY: each block index is taken once, and blocks are
            // disjoint column ranges inside c.
            let view = unsafe { shared.cols_mut(cols.clone()) };
            if let Err(e) = part(cols, view) {
                let mut slot = error.lock().unwrap_or_else(|e| e.into_inner());
                slot.get_or_insert(e);
            }
        });
        error
            .into_inner()
            .unwrap_or_else(|e| e.into_inner())
            .map_or(Ok(()), Err)
    }

    /// This backend's (parallel) gemm, as the blocked algorithms take it.
    fn par_gemm<T: RealElement>(
        &self,
    ) -> impl Fn(T, MatRef<'_, T>, MatRef<'_, T>, T, MatMut<'_, T>) -> Result<()> + Sync + '_ {
        move |alpha, a, b, beta, c| Level3::<T>::gemm(self, alpha, a, b, beta, c)
    }

    #[allow(clippy::too_many_arguments)]
    pub(crate) fn symm_blocked<T: RealElement>(
        &self,
        side: Side,
        uplo: Uplo,
        alpha: T,
        a: MatRef<'_, T>,
        b: MatRef<'_, T>,
        beta: T,
        c: MatMut<'_, T>,
    ) -> Result<()> {
        check::symm(side, dims(&a), dims(&b), (c.nrows(), c.ncols()))?;
        let (a, b, c) = blocked::symm_form(side, uplo, a, b, c);
        let (m, n) = (c.nrows(), c.ncols());
        let work = m * m * n;
        if m / blocked::SYMM_BLOCK >= 2 * self.inner.num_threads && self.worth_splitting(work) {
            // Tall enough: blocks of rows of C (columns of C^T), each three
            // gemms as wide as C (the shapes of the single-threaded call),
            // rather than narrower blocks of columns.
            return self.for_column_blocks(c.t_mut(), blocked::SYMM_BLOCK, &|rows, ct| {
                let mut diag = vec![T::zero(); rows.len() * rows.len()];
                let ci = ct.t_mut();
                blocked::symm_upper_rows(
                    &k3::packed::seq_gemm,
                    alpha,
                    a,
                    b,
                    beta,
                    rows.start,
                    ci,
                    &mut diag,
                )
            });
        }
        match self.column_blocks(n, work, MIN_PART) {
            Some(size) => self.for_column_blocks(c, size, &|cols, c| {
                let b = b.submatrix(0, cols.start, m, cols.len());
                blocked::symm_upper(&k3::packed::seq_gemm, alpha, a, b, beta, c)
            }),
            None => blocked::symm_upper(&self.par_gemm(), alpha, a, b, beta, c),
        }
    }

    /// syrk (`b == None`) and syr2k: the packed trapezoid kernel, on the
    /// calling thread or, for large calls, on blocks of columns of equal
    /// area (column `j` of the lower triangle has `n - j` elements) dealt to
    /// the team.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn syrk_blocked<T: RealElement>(
        &self,
        uplo: Uplo,
        alpha: T,
        a: MatRef<'_, T>,
        b: Option<MatRef<'_, T>>,
        beta: T,
        c: MatMut<'_, T>,
    ) -> Result<()> {
        check::syrk(dims(&a), b.as_ref().map(dims), (c.nrows(), c.ncols()))?;
        let c = blocked::lower_view(uplo, c);
        let (n, k) = (a.nrows(), a.ncols());
        let work = (n * n / 2).saturating_mul(k);
        let parts = 2 * self.inner.num_threads;
        if !self.worth_splitting(work) || n < parts * MIN_PART_SYRK {
            k3::packed::syrk_trapezoid(alpha, a, b, beta, c);
            return Ok(());
        }
        let bounds = equal_area_bounds(n, parts, 8);
        self.for_column_ranges(c, &bounds, &|cols, c| {
            // The part of these columns on and below the diagonal, and the
            // rows of the operands it spans.
            let (_, lower) = c.split_at_row_mut(cols.start);
            let rows = n - cols.start;
            let a = a.submatrix(cols.start, 0, rows, k);
            let b = b.map(|b| b.submatrix(cols.start, 0, rows, k));
            k3::packed::syrk_trapezoid(alpha, a, b, beta, lower);
            Ok(())
        })
    }

    /// trmm (`solve == false`) and trsm.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn triangular_blocked<T: RealElement>(
        &self,
        solve: bool,
        side: Side,
        uplo: Uplo,
        diag: Diag,
        alpha: T,
        a: MatRef<'_, T>,
        b: MatMut<'_, T>,
    ) -> Result<()> {
        check::tri_side(side, dims(&a), (b.nrows(), b.ncols()))?;
        let (uplo, a, b) = blocked::left_form(side, uplo, a, b);
        let (m, n) = (b.nrows(), b.ncols());
        if !solve {
            // trmm: the packed kernel on one block of columns per thread
            // (each block packs all of the triangle, so fewer, wider blocks).
            let threads = self.inner.num_threads;
            let work = (m * m / 2).saturating_mul(n);
            if self.worth_splitting(work) && n >= 2 * MIN_PART {
                let size = n.div_ceil(threads).max(MIN_PART).next_multiple_of(8);
                return self.for_column_blocks(b, size, &|_, b| {
                    k3::packed::trmm_left(uplo, diag, alpha, a, b);
                    Ok(())
                });
            }
            k3::packed::trmm_left(uplo, diag, alpha, a, b);
            return Ok(());
        }
        let run = |gemm: &Gemm<'_, T>, b: MatMut<'_, T>| {
            blocked::trsm_left(gemm, &tri::trsm::<T>, tri::LEAF, uplo, diag, alpha, a, b)
        };
        match self.column_blocks(n, (m * m / 2).saturating_mul(n), MIN_PART) {
            Some(size) => self.for_column_blocks(b, size, &|_, b| run(&k3::packed::seq_gemm, b)),
            None => run(&self.par_gemm(), b),
        }
    }
}

/// The bounds of `parts` blocks of columns of the lower triangle of an
/// `n x n` matrix with about equal numbers of elements (column `j` has
/// `n - j`), as multiples of `align` (but the last): the first block is the
/// narrowest. Block `p` ends where the columns before it hold `p + 1` parts
/// of `n^2 / 2`, at `n * (1 - sqrt(1 - (p + 1) / parts))`.
fn equal_area_bounds(n: usize, parts: usize, align: usize) -> Vec<usize> {
    let mut bounds = vec![0];
    for p in 1..parts {
        let x = n as f64 * (1.0 - (1.0 - p as f64 / parts as f64).sqrt());
        let b = ((x / align as f64).round() as usize * align).min(n);
        if b > *bounds.last().unwrap() {
            bounds.push(b);
        }
    }
    if *bounds.last().unwrap() < n {
        bounds.push(n);
    }
    bounds
}

/// A matrix view's shape, for the shape checks.
fn dims<T: RealElement>(a: &MatRef<'_, T>) -> (usize, usize) {
    (a.nrows(), a.ncols())
}

#[cfg(test)]
mod tests {
    use super::equal_area_bounds;

    #[test]
    fn equal_area_bounds_split_the_triangle_evenly() {
        for (n, parts) in [(2048, 4), (1000, 6), (300, 4), (17, 4), (1, 2)] {
            let b = equal_area_bounds(n, parts, 8);
            assert_eq!((b[0], *b.last().unwrap()), (0, n));
            assert!(b.windows(2).all(|w| w[0] < w[1]), "{b:?}");
            assert!(b[1..b.len() - 1].iter().all(|x| x % 8 == 0), "{b:?}");
            if n >= 300 {
                assert_eq!(b.len(), parts + 1);
                // Each part within 5% of an equal share of n^2/2.
                let area = |j0: usize, j1: usize| (j0..j1).map(|j| n - j).sum::<usize>() as f64;
                let share = area(0, n) / parts as f64;
                for w in b.windows(2) {
                    let r = area(w[0], w[1]) / share;
                    assert!((0.95..1.05).contains(&r), "n={n} {b:?}: {r}");
                }
            }
        }
    }
}
