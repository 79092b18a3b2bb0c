//! Level 1, 2 and 3 on the threads backend: split, then run the single-core
//! kernels of `oxpar-kernels` on each block (the symmetric and triangular
//! level-2 operations in [`crate::structured`] and [`crate::banded`], the
//! structured level-3 ones in `crate::level3`).

use std::ops::Range;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::OnceLock;

use oxpar_core::backend::check;
use oxpar_core::exact::{ExactSum, Reduction};
use oxpar_core::{
    BandRef, Diag, Level1, Level2, Level3, MatMut, MatRef, PackedMut, PackedRef, Result, Side,
    Uplo, VecMut, VecRef,
};
use oxpar_kernels::{level1 as k1, level2 as k2, level3 as k3, Par};

use crate::banded;
use crate::split::{block, SharedMatMut, SharedVecMut};
use crate::structured;
use crate::{RealElement, ThreadsBackend};

/// gemm with both C's shorter side and k below this (and less work than
/// [`PANEL_WORK_FACTOR`] times the `level3` threshold) runs on the calling
/// thread: these are the updates inside a factorization's panel (reference
/// LAPACK's recursive dgetrf2 on a 64-column panel: (m - 32) x 32 x 32,
/// (m - 16) x 16 x 16, ...). They come between serial steps (idamax, dscal,
/// dlaswp), so the team's workers have gone to sleep and a split pays their
/// wake-up for a product of some 100 µs. Measured with
/// benches/getrf_shapes_interleaved.c at n = 2000, 2 threads (wall time,
/// loaded 2-core machine, 3 runs): the panel updates took 0.8-1.0x the time
/// of the split, about what they take on one thread, and the whole replayed
/// factorization 0.7-0.9x.
const PANEL_MAX: usize = 48;

/// A gemm narrower than [`PANEL_MAX`] stays on one thread below this many
/// times the `level3` threshold (8 M multiply-adds by default, about 0.3 ms of
/// one core; a taller panel is worth a split). Tied to the thresholds so that
/// [`crate::Thresholds::always_parallel`] still splits every call.
const PANEL_WORK_FACTOR: usize = 4;

/// Pieces per thread in [`ThreadsBackend::for_chunks`]: enough that a thread
/// the OS delays costs at most about an eighth of its share.
const CHUNKS: usize = 8;

impl ThreadsBackend {
    /// Threads to use for `work` units against a cutoff (1 = run inline).
    /// Callers may lower it further (never below 1); blocks are numbered below
    /// it and team members with higher indices sit the region out.
    pub(crate) fn parts(&self, work: usize, threshold: usize) -> usize {
        if work < threshold.max(2) {
            1
        } else {
            self.inner.num_threads
        }
    }

    /// Runs `f` on each of `parts` blocks of `0..n` and folds the results in
    /// block order with `combine` (no allocation when `parts == 1`).
    pub(crate) fn fold_blocks<R: Send + Sync>(
        &self,
        n: usize,
        parts: usize,
        f: impl Fn(Range<usize>) -> R + Sync,
        combine: impl Fn(R, R) -> R,
    ) -> R {
        if parts == 1 {
            return f(0..n);
        }
        let slots: Vec<OnceLock<R>> = (0..parts).map(|_| OnceLock::new()).collect();
        self.team().run_elastic(&|p| {
            if p < parts {
                let _ = slots[p].set(f(block(n, parts, p)));
            }
        });
        let mut results = slots.into_iter().filter_map(OnceLock::into_inner);
        let first = results.next().expect("block 0 always runs");
        results.fold(first, combine)
    }

    /// gemm as one serial product per team thread, on blocks of C's longer
    /// dimension (rows are the columns of `C^T = B^T*A^T`).
    fn gemm_on_team<T: RealElement>(
        &self,
        alpha: T,
        a: MatRef<'_, T>,
        b: MatRef<'_, T>,
        beta: T,
        c: MatMut<'_, T>,
    ) {
        let (a, b, c) = if c.nrows() > c.ncols() {
            (b.t(), a.t(), c.t_mut())
        } else {
            (a, b, c)
        };
        let n = c.ncols();
        let parts = self.inner.num_threads.min(n.max(1));
        let cs = SharedMatMut::new(c);
        self.for_blocks(n, parts, |cols| {
            let b = b.submatrix(0, cols.start, b.nrows(), cols.len());
            // SAFETY: blocks of one region are disjoint.
            k3::gemm(Par::Seq, alpha, a, b, beta, unsafe { cs.cols_mut(cols) });
        });
    }

    /// Runs `f` on disjoint pieces covering `0..n` (no result), on up to
    /// `parts` threads: each thread's block is cut into [`CHUNKS`] pieces,
    /// which it takes front to back; a thread done with its own takes pieces
    /// from the back of the others' blocks. On a quiet machine every thread
    /// keeps its block (and its cache) call after call; on a loaded one a
    /// late or preempted thread's work goes to those that run.
    pub(crate) fn for_chunks(&self, n: usize, parts: usize, f: impl Fn(Range<usize>) + Sync) {
        if parts == 1 {
            f(0..n);
            return;
        }
        let total = parts * CHUNKS;
        let taken: Vec<AtomicBool> = (0..total).map(|_| AtomicBool::new(false)).collect();
        let run = |c: usize| {
            // The first to swap in `true` runs piece c.
            let first = !taken[c].swap(true, Ordering::AcqRel);
            if first {
                let r = block(n, total, c);
                if !r.is_empty() {
                    f(r);
                }
            }
            first
        };
        self.team().run_elastic(&|p| {
            if p >= parts {
                return;
            }
            // Own pieces front to back; a taken one means a thief got there,
            // and thieves work from the back, so the rest is taken too.
            for c in p * CHUNKS..(p + 1) * CHUNKS {
                if !run(c) {
                    break;
                }
            }
            for q in (p + 1..parts).chain(0..p) {
                for c in (q * CHUNKS..(q + 1) * CHUNKS).rev() {
                    if !run(c) {
                        break;
                    }
                }
            }
        });
    }

    /// Runs `f` on each block of `0..n` (no result).
    pub(crate) fn for_blocks(&self, n: usize, parts: usize, f: impl Fn(Range<usize>) + Sync) {
        if parts == 1 {
            f(0..n);
        } else {
            self.team().run_elastic(&|p| {
                if p < parts {
                    f(block(n, parts, p));
                }
            });
        }
    }
}

impl<T: RealElement> Level1<T> for ThreadsBackend {
    fn axpy(&self, alpha: T, x: VecRef<'_, T>, y: VecMut<'_, T>) -> Result<()> {
        check::same_len(x.len(), y.len())?;
        let n = x.len();
        let ys = SharedVecMut::new(y);
        self.for_chunks(n, self.parts(n, self.inner.thresholds.level1), |r| {
            // SAFETY: blocks of one region are disjoint.
            k1::axpy(alpha, x.subvector(r.start, r.len()), unsafe {
                ys.block_mut(r)
            });
        });
        Ok(())
    }

    fn scal(&self, alpha: T, x: VecMut<'_, T>) -> Result<()> {
        let n = x.len();
        let xs = SharedVecMut::new(x);
        self.for_chunks(n, self.parts(n, self.inner.thresholds.level1), |r| {
            // SAFETY: blocks of one region are disjoint.
            k1::scal(alpha, unsafe { xs.block_mut(r) });
        });
        Ok(())
    }

    fn copy(&self, x: VecRef<'_, T>, y: VecMut<'_, T>) -> Result<()> {
        check::same_len(x.len(), y.len())?;
        let n = x.len();
        let ys = SharedVecMut::new(y);
        self.for_chunks(n, self.parts(n, self.inner.thresholds.level1), |r| {
            // SAFETY: blocks of one region are disjoint.
            k1::copy(x.subvector(r.start, r.len()), unsafe { ys.block_mut(r) });
        });
        Ok(())
    }

    fn swap(&self, x: VecMut<'_, T>, y: VecMut<'_, T>) -> Result<()> {
        check::same_len(x.len(), y.len())?;
        let n = x.len();
        let (xs, ys) = (SharedVecMut::new(x), SharedVecMut::new(y));
        self.for_chunks(n, self.parts(n, self.inner.thresholds.level1), |r| {
            // SAFETY: blocks of one region are disjoint, and x and y are
            // distinct unique borrows.
            k1::swap(unsafe { xs.block_mut(r.clone()) }, unsafe {
                ys.block_mut(r)
            });
        });
        Ok(())
    }

    // The reductions add the blocks' f64 partial results (see
    // `oxpar_kernels::level1`) and round to T once.

    fn dot(&self, x: VecRef<'_, T>, y: VecRef<'_, T>) -> Result<T> {
        Ok(T::from_f64(self.reduce_wide(Reduction::Dot, x, y)?))
    }

    fn nrm2(&self, x: VecRef<'_, T>) -> Result<T> {
        let sumsq = self.reduce_wide(Reduction::SumSq, x, x)?;
        if k1::sumsq_is_safe(sumsq, x.len()) {
            Ok(T::from_f64(sumsq.sqrt()))
        } else {
            // Overflow, underflow, NaN or Inf: the scaled algorithm (rare).
            Ok(oxpar_core::serial::reference_nrm2(x.iter()))
        }
    }

    fn asum(&self, x: VecRef<'_, T>) -> Result<T> {
        Ok(T::from_f64(self.reduce_wide(Reduction::Asum, x, x)?))
    }

    fn sum(&self, x: VecRef<'_, T>) -> Result<T> {
        Ok(T::from_f64(self.reduce_wide(Reduction::Sum, x, x)?))
    }

    fn reduce_wide(&self, what: Reduction, x: VecRef<'_, T>, y: VecRef<'_, T>) -> Result<f64> {
        let y = if what.needs_y() {
            check::same_len(x.len(), y.len())?;
            y
        } else {
            x
        };
        let n = x.len();
        let parts = self.parts(n, self.inner.thresholds.level1);
        Ok(self.fold_blocks(
            n,
            parts,
            |r| {
                let x = x.subvector(r.start, r.len());
                match what {
                    Reduction::Dot => k1::dot_wide(x, y.subvector(r.start, r.len())),
                    Reduction::Asum => k1::asum_wide(x),
                    Reduction::Sum => k1::sum_wide(x),
                    Reduction::SumSq => k1::sumsq_wide(x),
                }
            },
            |a, b| a + b,
        ))
    }

    fn reduce_exact(
        &self,
        what: Reduction,
        x: VecRef<'_, T>,
        y: VecRef<'_, T>,
    ) -> Result<ExactSum> {
        let y = if what.needs_y() {
            check::same_len(x.len(), y.len())?;
            y
        } else {
            x
        };
        let n = x.len();
        // Exact accumulation costs more than an ordinary reduction per
        // element, so threads pay off on shorter vectors (how much shorter
        // depends on the kernel this CPU gets).
        let threshold = oxpar_kernels::exact::split_threshold(self.inner.thresholds.level1);
        let parts = self.parts(n, threshold);
        Ok(self.fold_blocks(
            n,
            parts,
            |r| {
                let mut acc = ExactSum::new();
                oxpar_kernels::exact::exact_reduce(
                    what,
                    x.subvector(r.start, r.len()),
                    Some(y.subvector(r.start, r.len())),
                    &mut acc,
                );
                acc
            },
            |mut a, b| {
                a.merge(&b);
                a
            },
        ))
    }

    fn reduce_rounded(&self, what: Reduction, x: VecRef<'_, T>, y: VecRef<'_, T>) -> Result<T> {
        if what == Reduction::Dot && oxpar_kernels::certified::takes(x, y) {
            check::same_len(x.len(), y.len())?;
            // The certified compensated dot costs about what the ordinary
            // one does, so it splits where that does; its parts merge into
            // one enclosure, certified once. Where it cannot be, the exact
            // kernels run (same bits, see `oxpar_kernels::certified`).
            let n = x.len();
            let parts = self.parts(n, self.inner.thresholds.level1);
            let enclosure = self.fold_blocks(
                n,
                parts,
                |r| {
                    oxpar_kernels::certified::dot(
                        x.subvector(r.start, r.len()),
                        y.subvector(r.start, r.len()),
                    )
                },
                |a, b| Some(a?.merge(b?)),
            );
            if let Some(v) = enclosure.and_then(|e| e.round()) {
                return Ok(T::from_f64(v));
            }
        }
        Ok(oxpar_core::exact::round_to(&self.reduce_exact(what, x, y)?))
    }

    fn iamax(&self, x: VecRef<'_, T>) -> Result<Option<usize>> {
        let n = x.len();
        let parts = self.parts(n, self.inner.thresholds.level1);
        let best = self.fold_blocks(
            n,
            parts,
            |r| {
                k1::iamax(x.subvector(r.start, r.len()))
                    .map(|i| (r.start + i, x.get(r.start + i).abs()))
            },
            // Blocks come in order: a NaN found first stays; else a later NaN
            // or a strictly larger value wins.
            |best, next| match (best, next) {
                (Some(b), _) if b.1.is_nan() => Some(b),
                (Some(b), Some(n)) if !n.1.is_nan() && n.1 <= b.1 => Some(b),
                (b, None) => b,
                (_, n) => n,
            },
        );
        Ok(best.map(|(i, _)| i))
    }
}

impl<T: RealElement> Level2<T> for ThreadsBackend {
    fn gemv(
        &self,
        alpha: T,
        a: MatRef<'_, T>,
        x: VecRef<'_, T>,
        beta: T,
        y: VecMut<'_, T>,
    ) -> Result<()> {
        check::gemv((a.nrows(), a.ncols()), x.len(), y.len())?;
        let m = a.nrows();
        let parts = self
            .parts(
                m.saturating_mul(a.ncols().max(1)),
                self.inner.thresholds.level2,
            )
            .min(m.max(1));
        let ys = SharedVecMut::new(y);
        self.for_chunks(m, parts, |r| {
            let rows = a.submatrix(r.start, 0, r.len(), a.ncols());
            // SAFETY: blocks of one region are disjoint.
            k2::gemv(alpha, rows, x, beta, unsafe { ys.block_mut(r) });
        });
        Ok(())
    }

    fn ger(&self, alpha: T, x: VecRef<'_, T>, y: VecRef<'_, T>, a: MatMut<'_, T>) -> Result<()> {
        check::ger(x.len(), y.len(), (a.nrows(), a.ncols()))?;
        if alpha == T::zero() {
            return Ok(());
        }
        // Split along the dimension whose elements are farther apart, so each
        // block is a set of whole contiguous columns (or rows).
        let by_cols = a.rs().unsigned_abs() <= a.cs().unsigned_abs();
        let (a, x, y) = if by_cols {
            (a, x, y)
        } else {
            (a.t_mut(), y, x)
        };
        let n = a.ncols();
        let parts = self
            .parts(n.saturating_mul(a.nrows()), self.inner.thresholds.level2)
            .min(n.max(1));
        let shared = SharedMatMut::new(a);
        self.for_chunks(n, parts, |r| {
            let ys = y.subvector(r.start, r.len());
            // SAFETY: column blocks of one region are disjoint.
            k2::ger(alpha, x, ys, unsafe { shared.cols_mut(r) });
        });
        Ok(())
    }

    // The symmetric and triangular operations: see `crate::structured`.

    fn symv(
        &self,
        uplo: Uplo,
        alpha: T,
        a: MatRef<'_, T>,
        x: VecRef<'_, T>,
        beta: T,
        y: VecMut<'_, T>,
    ) -> Result<()> {
        structured::symv(self, uplo, alpha, a, x, beta, y)
    }

    fn trmv(&self, uplo: Uplo, diag: Diag, a: MatRef<'_, T>, x: VecMut<'_, T>) -> Result<()> {
        structured::trmv(self, uplo, diag, a, x)
    }

    fn trsv(&self, uplo: Uplo, diag: Diag, a: MatRef<'_, T>, x: VecMut<'_, T>) -> Result<()> {
        structured::trsv(self, uplo, diag, a, x)
    }

    fn syr(&self, uplo: Uplo, alpha: T, x: VecRef<'_, T>, a: MatMut<'_, T>) -> Result<()> {
        structured::syr(self, uplo, alpha, x, None, a)
    }

    fn syr2(
        &self,
        uplo: Uplo,
        alpha: T,
        x: VecRef<'_, T>,
        y: VecRef<'_, T>,
        a: MatMut<'_, T>,
    ) -> Result<()> {
        structured::syr(self, uplo, alpha, x, Some(y), a)
    }

    // The banded and packed forms: see `crate::banded`.

    fn gbmv(
        &self,
        alpha: T,
        a: BandRef<'_, T>,
        x: VecRef<'_, T>,
        beta: T,
        y: VecMut<'_, T>,
    ) -> Result<()> {
        banded::gbmv(alpha, a, x, beta, y)
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
        banded::sbmv(uplo, alpha, a, x, beta, y)
    }

    fn spmv(
        &self,
        alpha: T,
        a: PackedRef<'_, T>,
        x: VecRef<'_, T>,
        beta: T,
        y: VecMut<'_, T>,
    ) -> Result<()> {
        banded::spmv(self, alpha, a, x, beta, y)
    }

    fn tbmv(&self, uplo: Uplo, diag: Diag, a: BandRef<'_, T>, x: VecMut<'_, T>) -> Result<()> {
        banded::tbmv_tbsv(false, uplo, diag, a, x)
    }

    fn tbsv(&self, uplo: Uplo, diag: Diag, a: BandRef<'_, T>, x: VecMut<'_, T>) -> Result<()> {
        banded::tbmv_tbsv(true, uplo, diag, a, x)
    }

    fn tpmv(&self, diag: Diag, a: PackedRef<'_, T>, x: VecMut<'_, T>) -> Result<()> {
        banded::tpmv_tpsv(false, diag, a, x)
    }

    fn tpsv(&self, diag: Diag, a: PackedRef<'_, T>, x: VecMut<'_, T>) -> Result<()> {
        banded::tpmv_tpsv(true, diag, a, x)
    }

    fn spr(&self, alpha: T, x: VecRef<'_, T>, a: PackedMut<'_, T>) -> Result<()> {
        banded::spr(alpha, x, None, a)
    }

    fn spr2(
        &self,
        alpha: T,
        x: VecRef<'_, T>,
        y: VecRef<'_, T>,
        a: PackedMut<'_, T>,
    ) -> Result<()> {
        banded::spr(alpha, x, Some(y), a)
    }
}

impl<T: RealElement> Level3<T> for ThreadsBackend {
    fn gemm(
        &self,
        alpha: T,
        a: MatRef<'_, T>,
        b: MatRef<'_, T>,
        beta: T,
        c: MatMut<'_, T>,
    ) -> Result<()> {
        check::gemm(
            (a.nrows(), a.ncols()),
            (b.nrows(), b.ncols()),
            (c.nrows(), c.ncols()),
        )?;
        let work = c
            .nrows()
            .saturating_mul(c.ncols())
            .saturating_mul(a.ncols());
        let thresholds = self.inner.thresholds;
        let narrow = c.nrows().min(c.ncols()) < PANEL_MAX
            && a.ncols() < PANEL_MAX
            && work < thresholds.level3.saturating_mul(PANEL_WORK_FACTOR);
        if self.forked()
            || narrow
            || self.parts(work, thresholds.level3_team.min(thresholds.level3)) == 1
        {
            k3::gemm(Par::Seq, alpha, a, b, beta, c);
        } else if work < thresholds.level3 {
            self.gemm_on_team(alpha, a, b, beta, c);
        } else {
            let threads = self.inner.num_threads;
            self.install(move || k3::gemm(Par::Rayon(threads), alpha, a, b, beta, c));
        }
        Ok(())
    }

    // The structured operations: see `crate::level3`.

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
        self.symm_blocked(side, uplo, alpha, a, b, beta, c)
    }

    fn syrk(
        &self,
        uplo: Uplo,
        alpha: T,
        a: MatRef<'_, T>,
        beta: T,
        c: MatMut<'_, T>,
    ) -> Result<()> {
        self.syrk_blocked(uplo, alpha, a, None, beta, c)
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
        self.syrk_blocked(uplo, alpha, a, Some(b), beta, c)
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
        self.triangular_blocked(false, side, uplo, diag, alpha, a, b)
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
        self.triangular_blocked(true, side, uplo, diag, alpha, a, b)
    }
}
