//! symm, syrk, syr2k, trmm and trsm on the threads backend: the blocked
//! algorithms of `oxpar_core::blocked` with the kernels of
//! `oxpar_kernels::level3` on their diagonal blocks.
//!
//! Large calls are split into independent blocks of columns of the result,
//! which the team's threads take in turn, each computing its block with
//! single-threaded gemms: one region keeps every thread busy with large
//! gemms, where the alternative (each gemm of the recursion split across
//! threads, the small kernels between them run by one) would hand the
//! threads back and forth dozens of times. Smaller calls, or ones with too
//! few columns, run the recursion on the calling thread with the backend's
//! own (parallel) gemm.

use std::ops::Range;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use oxpar_core::backend::check;
use oxpar_core::blocked::{self, Gemm};
use oxpar_core::{Diag, Level3, MatMut, MatRef, Result, Side, Uplo};

// The real types (a local trait, see `RealElement`).
use crate::RealElement as Scalar;
use oxpar_kernels::level3::{self as k3, tri, Par};

use crate::split::SharedMatMut;
use crate::ThreadsBackend;

/// Columns per block, at least, when trmm, trsm or symm are split.
const MIN_PART: usize = 128;

/// Columns per block, at least, when syrk or syr2k are split.
const MIN_PART_SYRK: usize = 64;

/// Diagonal blocks of syrk and syr2k up to this size are computed in full
/// in a buffer.
const SYRK_LEAF: usize = 128;

/// gemm on the calling thread alone.
fn seq_gemm<T: Scalar>(
    alpha: T,
    a: MatRef<'_, T>,
    b: MatRef<'_, T>,
    beta: T,
    c: MatMut<'_, T>,
) -> Result<()> {
    k3::gemm(Par::Seq, alpha, a, b, beta, c);
    Ok(())
}

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
    fn for_column_blocks<T: Scalar>(
        &self,
        c: MatMut<'_, T>,
        size: usize,
        part: &Part<'_, T>,
    ) -> Result<()> {
        let n = c.ncols();
        let blocks = n.div_ceil(size);
        let shared = SharedMatMut::new(c);
        let next = AtomicUsize::new(0);
        let error = Mutex::new(None);
        self.team().run(&|_| loop {
            let p = next.fetch_add(1, Ordering::Relaxed);
            if p >= blocks {
                break;
            }
            let cols = p * size..((p + 1) * size).min(n);
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
    fn par_gemm<T: Scalar>(
        &self,
    ) -> impl Fn(T, MatRef<'_, T>, MatRef<'_, T>, T, MatMut<'_, T>) -> Result<()> + Sync + '_ {
        move |alpha, a, b, beta, c| Level3::<T>::gemm(self, alpha, a, b, beta, c)
    }

    #[allow(clippy::too_many_arguments)]
    pub(crate) fn symm_blocked<T: Scalar>(
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
                blocked::symm_upper_rows(&seq_gemm, alpha, a, b, beta, rows.start, ci, &mut diag)
            });
        }
        match self.column_blocks(n, work, MIN_PART) {
            Some(size) => self.for_column_blocks(c, size, &|cols, c| {
                let b = b.submatrix(0, cols.start, m, cols.len());
                blocked::symm_upper(&seq_gemm, alpha, a, b, beta, c)
            }),
            None => blocked::symm_upper(&self.par_gemm(), alpha, a, b, beta, c),
        }
    }

    /// syrk (`b == None`) and syr2k.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn syrk_blocked<T: Scalar>(
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
        let leaf = k3::syrk_lower_block::<T>;
        let work = (n * n / 2).saturating_mul(k);
        match self.column_blocks(n, work, MIN_PART_SYRK) {
            Some(size) => self.for_column_blocks(c, size, &|cols, c| {
                // The part of these columns on and below the diagonal.
                let (_, lower) = c.split_at_row_mut(cols.start);
                blocked::syrk_lower_columns(
                    &seq_gemm, &leaf, SYRK_LEAF, alpha, a, b, beta, cols.start, lower,
                )
            }),
            None => blocked::syrk_lower(&self.par_gemm(), &leaf, SYRK_LEAF, alpha, a, b, beta, c),
        }
    }

    /// trmm (`solve == false`) and trsm.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn triangular_blocked<T: Scalar>(
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
        let run = |gemm: &Gemm<'_, T>, b: MatMut<'_, T>| {
            if solve {
                blocked::trsm_left(gemm, &tri::trsm::<T>, tri::LEAF, uplo, diag, alpha, a, b)
            } else {
                blocked::trmm_left(
                    gemm,
                    &tri::trmm::<T>,
                    tri::TRMM_LEAF,
                    uplo,
                    diag,
                    alpha,
                    a,
                    b,
                )
            }
        };
        match self.column_blocks(n, (m * m / 2).saturating_mul(n), MIN_PART) {
            Some(size) => self.for_column_blocks(b, size, &|_, b| run(&seq_gemm, b)),
            None => run(&self.par_gemm(), b),
        }
    }
}

/// A matrix view's shape, for the shape checks.
fn dims<T: Scalar>(a: &MatRef<'_, T>) -> (usize, usize) {
    (a.nrows(), a.ncols())
}
