//! Level 1 and 2 over block-distributed vectors, and parallel loops.

use crate::MpiReal;
use std::ops::Range;

use mpi::datatype::Equivalence;
use oxpar_core::backend::{check, LoopBody};
use oxpar_core::exact::{ExactSum, Reduction, WORDS};
use oxpar_core::{
    BandRef, DType, Diag, ErrorKind, HostBackend, Level1, Level2, MatMut, MatRef, PackedMut,
    PackedRef, ParallelLoops, Result, Scalar, Schedule, Uplo, VecMut, VecRef,
};

use crate::agree::{self, everywhere, Call, Routine};
use crate::MpiBackend;

/// Words per rank in `reduce_exact`'s exact sum: the accumulator's flat form
/// ([`ExactSum::to_words`]). The status words of [`agree::sum_words_checked`]
/// follow.
pub(crate) const EXACT_WORDS: usize = WORDS;

/// Local norms whose squares add up in `f64` with neither overflow (for any
/// number of ranks below 2^100) nor a loss to underflow: `[2^-450, 2^450]`
/// (and 0, infinity and NaN, whose squares are exact enough). Every `f32` norm
/// is either 0 or in the range.
const SAFE_NORM: (f64, f64) = (pow2(-450), pow2(450));
/// What a rank whose norm is out of [`SAFE_NORM`] adds instead of its square:
/// the sum is then negative (the other ranks' squares add up to less than
/// 2^1000, and an infinite one makes the norm infinite anyway), and every
/// rank takes the careful path.
const OUT_OF_RANGE: f64 = -pow2(1000);

/// `2^e`, for a normal exponent `e`.
const fn pow2(e: i32) -> f64 {
    f64::from_bits(((1023 + e) as u64) << 52)
}

/// The routine a reproducible reduction reports its errors as.
fn exact_routine(what: Reduction) -> &'static str {
    match what {
        Reduction::Sum => "sum (reproducible)",
        Reduction::Asum => "asum (reproducible)",
        Reduction::Dot => "dot (reproducible)",
        Reduction::SumSq => "nrm2 (reproducible)",
    }
}

impl MpiBackend {
    /// This rank's norm in f64: for f32 data the square root of the f64 sum
    /// of squares (no f32 square overflows or vanishes in f64), so the ranks'
    /// norms are combined before the one rounding to f32; for f64 (or a sum
    /// that met NaN or Inf) the local backend's scaled `nrm2`.
    fn local_norm<T: Scalar>(&self, x: VecRef<'_, T>) -> Result<f64>
    where
        dyn HostBackend: Level1<T>,
    {
        let local = &*self.inner.local;
        if T::DTYPE == DType::F32 {
            let s = Level1::<T>::reduce_wide(local, Reduction::SumSq, x, x)?;
            if s.is_finite() {
                return Ok(s.sqrt());
            }
        }
        Level1::<T>::nrm2(local, x).map(T::as_f64)
    }
}

impl<T: MpiReal> Level1<T> for MpiBackend
where
    dyn HostBackend: Level1<T>,
{
    fn axpy(&self, alpha: T, x: VecRef<'_, T>, y: VecMut<'_, T>) -> Result<()> {
        Level1::<T>::axpy(&*self.inner.local, alpha, x, y)
    }

    fn scal(&self, alpha: T, x: VecMut<'_, T>) -> Result<()> {
        Level1::<T>::scal(&*self.inner.local, alpha, x)
    }

    fn copy(&self, x: VecRef<'_, T>, y: VecMut<'_, T>) -> Result<()> {
        Level1::<T>::copy(&*self.inner.local, x, y)
    }

    fn swap(&self, x: VecMut<'_, T>, y: VecMut<'_, T>) -> Result<()> {
        Level1::<T>::swap(&*self.inner.local, x, y)
    }

    fn dot(&self, x: VecRef<'_, T>, y: VecRef<'_, T>) -> Result<T> {
        let _guard = self.lock();
        let local = check::same_len(x.len(), y.len())
            .and_then(|()| Level1::<T>::reduce_wide(&*self.inner.local, Reduction::Dot, x, y));
        let call = Call::typed::<T>(Routine::Dot);
        agree::sum_checked(&self.inner.comm, "dot", call, local).map(T::from_f64)
    }

    fn asum(&self, x: VecRef<'_, T>) -> Result<T> {
        let _guard = self.lock();
        let local = Level1::<T>::reduce_wide(&*self.inner.local, Reduction::Asum, x, x);
        let call = Call::typed::<T>(Routine::Asum);
        agree::sum_checked(&self.inner.comm, "asum", call, local).map(T::from_f64)
    }

    /// The local norms' squares are added in the checked allreduce (the same
    /// collective as dot's, so a dot on one rank and an nrm2 on another are
    /// an error, not a deadlock); when some rank's norm is so large or so
    /// small that its square could overflow or underflow, every rank also
    /// gathers the norms themselves and combines them with scaling.
    fn nrm2(&self, x: VecRef<'_, T>) -> Result<T> {
        let _guard = self.lock();
        let norm = self.local_norm(x);
        let mine = norm.as_ref().map_or(0, |v| v.to_bits());
        let local = norm.map(|v| {
            if v == 0.0 || !v.is_finite() || (SAFE_NORM.0..=SAFE_NORM.1).contains(&v) {
                v * v
            } else {
                OUT_OF_RANGE
            }
        });
        let call = Call::typed::<T>(Routine::Nrm2);
        let ssq = agree::sum_checked(&self.inner.comm, "nrm2", call, local)?;
        if ssq >= 0.0 || ssq.is_nan() {
            return Ok(T::from_f64(ssq.sqrt()));
        }
        // Every rank agreed above, so every rank has a norm to send.
        let norms: Vec<f64> = self
            .inner
            .comm
            .all_gather_u64(&[mine])?
            .into_iter()
            .map(f64::from_bits)
            .collect();
        Ok(T::from_f64(combine_norms(&norms)))
    }

    fn sum(&self, x: VecRef<'_, T>) -> Result<T> {
        let _guard = self.lock();
        let local = Level1::<T>::reduce_wide(&*self.inner.local, Reduction::Sum, x, x);
        let call = Call::typed::<T>(Routine::Sum);
        agree::sum_checked(&self.inner.comm, "sum", call, local).map(T::from_f64)
    }

    /// The exact accumulator of the whole distributed vector: each rank
    /// reduces its block on the node-local backend, then one checked
    /// allreduce adds the accumulators' flat forms word by word, which is
    /// exact, so every rank gets the same accumulator whatever the rank count
    /// and split. Ranks that pass different element types, or ask for
    /// different reductions, get an error.
    fn reduce_exact(
        &self,
        what: Reduction,
        x: VecRef<'_, T>,
        y: VecRef<'_, T>,
    ) -> Result<ExactSum> {
        let _guard = self.lock();
        let routine = exact_routine(what);
        let local = Level1::<T>::reduce_exact(&*self.inner.local, what, x, y)
            .map(|acc| acc.to_words().to_vec());
        let call = Call::typed::<T>(Routine::Exact(what));
        let total = agree::sum_words_checked(&self.inner.comm, routine, call, EXACT_WORDS, local)?;
        ExactSum::from_words(&total).ok_or_else(|| {
            everywhere(
                routine,
                ErrorKind::Internal,
                "the ranks' accumulators do not add up to a valid one",
            )
        })
    }

    fn iamax(&self, x: VecRef<'_, T>) -> Result<Option<usize>> {
        let _guard = self.lock();
        let local = Level1::<T>::iamax(&*self.inner.local, x).map(|i| match i {
            Some(i) => vec![x.len() as u64, i as u64, x.get(i).abs().as_f64().to_bits()],
            None => vec![0, u64::MAX, 0],
        });
        let call = Call::typed::<T>(Routine::Iamax);
        let all = agree::gather_checked(&self.inner.comm, "iamax", call, local)?;
        // The first NaN wins, else the first largest value, in global order.
        let mut best: Option<(usize, f64)> = None;
        let mut offset = 0usize;
        for w in &all {
            if w[1] != u64::MAX {
                let (index, value) = (offset + w[1] as usize, f64::from_bits(w[2]));
                let better = match best {
                    None => true,
                    Some((_, b)) => !b.is_nan() && (value.is_nan() || value > b),
                };
                if better {
                    best = Some((index, value));
                }
            }
            offset += w[0] as usize;
        }
        Ok(best.map(|(i, _)| i))
    }
}

/// The norm of a vector whose blocks have norms `norms`, without overflow or
/// underflow: scaled by the largest, summed in rank order (the same on every
/// rank).
fn combine_norms(norms: &[f64]) -> f64 {
    if norms.iter().any(|v| v.is_nan()) {
        return f64::NAN;
    }
    let max = norms.iter().copied().fold(0.0f64, f64::max);
    if max == 0.0 || max.is_infinite() {
        return max;
    }
    let ssq: f64 = norms.iter().map(|v| (v / max) * (v / max)).sum();
    max * ssq.sqrt()
}

impl MpiBackend {
    /// Checks a row-block matrix operation on every rank and gathers the
    /// column-split vector `v` whole: `rows_vec` must have the matrix block's
    /// rows on each rank, the pieces of `v` must add up to its columns.
    fn gather_row_block_operand<T: Scalar + Equivalence>(
        &self,
        routine: Routine,
        block: (usize, usize),
        rows_vec: usize,
        v: VecRef<'_, T>,
    ) -> Result<Vec<T>> {
        let local = if block.0 != rows_vec {
            Err(oxpar_core::Error::shape_mismatch(format!(
                "this rank's block of A has {} rows but its block of the row-split vector has {rows_vec} elements",
                block.0
            )))
        } else {
            Ok(vec![
                block.0 as u64,
                block.1 as u64,
                rows_vec as u64,
                v.len() as u64,
            ])
        };
        let call = Call::typed::<T>(routine);
        let routine = if routine == Routine::Ger {
            "ger"
        } else {
            "gemv"
        };
        let all = agree::gather_checked(&self.inner.comm, routine, call, local)?;
        let cols = all[0][1];
        if let Some((r, w)) = all.iter().enumerate().find(|(_, w)| w[1] != cols) {
            return Err(everywhere(
                routine,
                ErrorKind::ShapeMismatch,
                format!("A has {cols} columns on rank 0 but {} on rank {r} (every rank holds whole rows)", w[1]),
            ));
        }
        let pieces: Vec<usize> = all.iter().map(|w| w[3] as usize).collect();
        let total: usize = pieces.iter().sum();
        if total as u64 != cols {
            return Err(everywhere(
                routine,
                ErrorKind::ShapeMismatch,
                format!("A has {cols} columns but the column-split vector's blocks add up to {total}: {}", crate::grid::describe_bad_split(cols as usize, &pieces)),
            ));
        }
        let mine: Vec<T> = v.iter().collect();
        let mut whole = vec![T::zero(); total];
        self.inner.comm.allgatherv(&mine, &mut whole, &pieces)?;
        Ok(whole)
    }
}

impl<T: MpiReal> Level2<T> for MpiBackend
where
    dyn HostBackend: Level2<T>,
{
    fn gemv(
        &self,
        alpha: T,
        a: MatRef<'_, T>,
        x: VecRef<'_, T>,
        beta: T,
        y: VecMut<'_, T>,
    ) -> Result<()> {
        let _guard = self.lock();
        let whole_x =
            self.gather_row_block_operand(Routine::Gemv, (a.nrows(), a.ncols()), y.len(), x)?;
        Level2::<T>::gemv(
            &*self.inner.local,
            alpha,
            a,
            VecRef::from_slice(&whole_x),
            beta,
            y,
        )
    }

    fn ger(&self, alpha: T, x: VecRef<'_, T>, y: VecRef<'_, T>, a: MatMut<'_, T>) -> Result<()> {
        let _guard = self.lock();
        let whole_y =
            self.gather_row_block_operand(Routine::Ger, (a.nrows(), a.ncols()), x.len(), y)?;
        Level2::<T>::ger(
            &*self.inner.local,
            alpha,
            x,
            VecRef::from_slice(&whole_y),
            a,
        )
    }

    fn symv(
        &self,
        _uplo: Uplo,
        _alpha: T,
        _a: MatRef<'_, T>,
        _x: VecRef<'_, T>,
        _beta: T,
        _y: VecMut<'_, T>,
    ) -> Result<()> {
        Err(not_distributed("symv"))
    }
    fn trmv(&self, _: Uplo, _: Diag, _: MatRef<'_, T>, _: VecMut<'_, T>) -> Result<()> {
        Err(not_distributed("trmv"))
    }
    fn trsv(&self, _: Uplo, _: Diag, _: MatRef<'_, T>, _: VecMut<'_, T>) -> Result<()> {
        Err(not_distributed("trsv"))
    }
    fn syr(&self, _: Uplo, _: T, _: VecRef<'_, T>, _: MatMut<'_, T>) -> Result<()> {
        Err(not_distributed("syr"))
    }
    fn syr2(
        &self,
        _: Uplo,
        _: T,
        _: VecRef<'_, T>,
        _: VecRef<'_, T>,
        _: MatMut<'_, T>,
    ) -> Result<()> {
        Err(not_distributed("syr2"))
    }
    fn gbmv(
        &self,
        _alpha: T,
        _a: BandRef<'_, T>,
        _x: VecRef<'_, T>,
        _beta: T,
        _y: VecMut<'_, T>,
    ) -> Result<()> {
        Err(not_distributed("gbmv"))
    }
    fn sbmv(
        &self,
        _uplo: Uplo,
        _alpha: T,
        _a: BandRef<'_, T>,
        _x: VecRef<'_, T>,
        _beta: T,
        _y: VecMut<'_, T>,
    ) -> Result<()> {
        Err(not_distributed("sbmv"))
    }
    fn spmv(
        &self,
        _alpha: T,
        _a: PackedRef<'_, T>,
        _x: VecRef<'_, T>,
        _beta: T,
        _y: VecMut<'_, T>,
    ) -> Result<()> {
        Err(not_distributed("spmv"))
    }
    fn tbmv(&self, _uplo: Uplo, _diag: Diag, _a: BandRef<'_, T>, _x: VecMut<'_, T>) -> Result<()> {
        Err(not_distributed("tbmv"))
    }
    fn tbsv(&self, _uplo: Uplo, _diag: Diag, _a: BandRef<'_, T>, _x: VecMut<'_, T>) -> Result<()> {
        Err(not_distributed("tbsv"))
    }
    fn tpmv(&self, _diag: Diag, _a: PackedRef<'_, T>, _x: VecMut<'_, T>) -> Result<()> {
        Err(not_distributed("tpmv"))
    }
    fn tpsv(&self, _diag: Diag, _a: PackedRef<'_, T>, _x: VecMut<'_, T>) -> Result<()> {
        Err(not_distributed("tpsv"))
    }
    fn spr(&self, _alpha: T, _x: VecRef<'_, T>, _a: PackedMut<'_, T>) -> Result<()> {
        Err(not_distributed("spr"))
    }
    fn spr2(
        &self,
        _alpha: T,
        _x: VecRef<'_, T>,
        _y: VecRef<'_, T>,
        _a: PackedMut<'_, T>,
    ) -> Result<()> {
        Err(not_distributed("spr2"))
    }
}

/// The error of a structured BLAS operation (symmetric or triangular) on an
/// MPI context: what each rank's blocks would mean is not defined yet, so
/// every rank says so at once (no collective is needed: every rank answers
/// the same).
pub(crate) fn not_distributed(op: &str) -> oxpar_core::Error {
    oxpar_core::Error::unsupported(format!(
        "{op} has no distributed form on an MPI context; call it on a node-local context (serial or threads) with whole matrices"
    ))
}

impl ParallelLoops for MpiBackend {
    fn parallel_for(
        &self,
        range: Range<usize>,
        schedule: Schedule,
        body: &LoopBody<'_>,
    ) -> Result<()> {
        self.inner.local.parallel_for(range, schedule, body)
    }
}

#[cfg(test)]
mod tests {
    use super::combine_norms;

    #[test]
    fn norms_combine_without_overflow() {
        assert_eq!(combine_norms(&[3.0, 4.0]), 5.0);
        assert_eq!(combine_norms(&[]), 0.0);
        let big = combine_norms(&[3e300, 4e300]);
        assert!((big / 5e300 - 1.0).abs() < 1e-15);
        assert!(combine_norms(&[1.0, f64::NAN, f64::INFINITY]).is_nan());
        assert_eq!(combine_norms(&[1.0, f64::INFINITY]), f64::INFINITY);
    }
}
