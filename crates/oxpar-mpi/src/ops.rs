//! Level 1 and 2 over block-distributed vectors, and parallel loops.

use std::ops::Range;

use oxpar_core::backend::LoopBody;
use oxpar_core::exact::{ExactSum, Reduction, WORDS};
use oxpar_core::{
    BandRef, Diag, ErrorKind, HostBackend, Level1, Level2, MatMut, MatRef, PackedMut, PackedRef,
    ParallelLoops, Result, Scalar, Schedule, Uplo, VecMut, VecRef,
};

use crate::agree::{self, everywhere, Call, Routine, SUM_VALUES};
use crate::{MpiBackend, MpiElement};

/// Words per rank in an exact sum: one accumulator's flat form
/// ([`ExactSum::to_words`]; a complex result's parts take one allreduce
/// each, see `exact_parts`). The status words of
/// [`agree::sum_words_checked`] follow.
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

impl MpiBackend {
    /// A summed reduction: this rank's wide partial `local` added over the
    /// ranks in the checked allreduce.
    fn summed<T: MpiElement>(
        &self,
        routine: Routine,
        local: Result<[f64; SUM_VALUES]>,
    ) -> Result<[f64; SUM_VALUES]> {
        let call = Call::typed::<T>(routine);
        agree::sum_checked(&self.inner.comm, routine.name(), call, local)
    }

    /// `dot` (`conj`: `dotc`) of the distributed vectors.
    fn dot_either<T: MpiElement>(
        &self,
        conj: bool,
        x: VecRef<'_, T>,
        y: VecRef<'_, T>,
    ) -> Result<T> {
        let _guard = self.lock();
        // For real elements dotc is dot: the same call on every rank.
        let routine = if conj && T::DTYPE.is_complex() {
            Routine::Dotc
        } else {
            Routine::Dot
        };
        let local = T::dot_wide(&*self.inner.local, conj, x, y);
        self.summed::<T>(routine, local).map(T::from_wide)
    }

    /// The exact accumulators of the whole distributed vector, one per
    /// component (`[acc, zero]` for a real result): each rank's come from
    /// `local`, and checked allreduces add their flat forms word by word,
    /// which is exact. One accumulator per allreduce, so that every call
    /// starts with the same message whatever its element type (a real call
    /// on one rank and a complex one on another are an error, never a
    /// mismatch of MPI's counts) and real calls send one accumulator, not
    /// two. Only a complex `dot`, `dotc` or `sum` makes the second
    /// allreduce, after every rank agreed on the call in the first.
    fn exact_parts<T: MpiElement>(
        &self,
        routine: Routine,
        local: Result<[ExactSum; 2]>,
    ) -> Result<[ExactSum; 2]> {
        let name = routine.name();
        let call = Call::typed::<T>(routine);
        let comm = &self.inner.comm;
        let sum = |words: Result<Vec<i64>>| {
            let total = agree::sum_words_checked(comm, name, call, EXACT_WORDS, words)?;
            ExactSum::from_words(&total).ok_or_else(|| {
                everywhere(
                    name,
                    ErrorKind::Internal,
                    "the ranks' accumulators do not add up to a valid one",
                )
            })
        };
        let (first, second) = match local {
            Ok([re, im]) => (Ok(re.to_words().to_vec()), Some(im)),
            Err(e) => (Err(e), None),
        };
        let re = sum(first)?;
        let two_parts = T::DTYPE.is_complex()
            && !matches!(routine, Routine::Exact(Reduction::Asum | Reduction::SumSq));
        // Every rank got here with its own accumulators (an error on any
        // rank stopped all of them above).
        let im = match second {
            Some(im) if two_parts => sum(Ok(im.to_words().to_vec()))?,
            _ => ExactSum::new(),
        };
        Ok([re, im])
    }
}

impl<T: MpiElement> Level1<T> for MpiBackend
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
        self.dot_either(false, x, y)
    }

    fn dotc(&self, x: VecRef<'_, T>, y: VecRef<'_, T>) -> Result<T> {
        self.dot_either(true, x, y)
    }

    fn asum(&self, x: VecRef<'_, T>) -> Result<T::Real> {
        let _guard = self.lock();
        let local = T::asum_wide(&*self.inner.local, x).map(|v| [v, 0.0]);
        let [v, _] = self.summed::<T>(Routine::Asum, local)?;
        Ok(T::Real::from_f64(v))
    }

    /// The local norms' squares are added in the checked allreduce (the same
    /// collective as dot's, so a dot on one rank and an nrm2 on another are
    /// an error, not a deadlock); when some rank's norm is so large or so
    /// small that its square could overflow or underflow, every rank also
    /// gathers the norms themselves and combines them with scaling.
    fn nrm2(&self, x: VecRef<'_, T>) -> Result<T::Real> {
        let _guard = self.lock();
        let norm = T::norm_wide(&*self.inner.local, x);
        let mine = norm.as_ref().map_or(0, |v| v.to_bits());
        let local = norm.map(|v| {
            if v == 0.0 || !v.is_finite() || (SAFE_NORM.0..=SAFE_NORM.1).contains(&v) {
                [v * v, 0.0]
            } else {
                [OUT_OF_RANGE, 0.0]
            }
        });
        let [ssq, _] = self.summed::<T>(Routine::Nrm2, local)?;
        if ssq >= 0.0 || ssq.is_nan() {
            return Ok(T::Real::from_f64(ssq.sqrt()));
        }
        // Every rank agreed above, so every rank has a norm to send.
        let norms: Vec<f64> = self
            .inner
            .comm
            .all_gather_u64(&[mine])?
            .into_iter()
            .map(f64::from_bits)
            .collect();
        Ok(T::Real::from_f64(combine_norms(&norms)))
    }

    fn sum(&self, x: VecRef<'_, T>) -> Result<T> {
        let _guard = self.lock();
        let local = <T as MpiElement>::sum_wide(&*self.inner.local, x);
        self.summed::<T>(Routine::Sum, local).map(T::from_wide)
    }

    /// The exact accumulator of the whole distributed vector: each rank
    /// reduces its block on the node-local backend, then one checked
    /// allreduce adds the accumulators' flat forms word by word, which is
    /// exact, so every rank gets the same accumulator whatever the rank count
    /// and split. Ranks that pass different element types, or ask for
    /// different reductions, get an error.
    fn reduce_exact(&self, what: Reduction, x: VecRef<'_, T>, y: VecRef<'_, T>) -> Result<ExactSum>
    where
        T: Scalar,
    {
        let _guard = self.lock();
        let local = Level1::<T>::reduce_exact(&*self.inner.local, what, x, y)
            .map(|acc| [acc, ExactSum::new()]);
        let [acc, _] = self.exact_parts::<T>(Routine::Exact(what), local)?;
        Ok(acc)
    }

    /// As [`Level1::reduce_exact`], one accumulator per component (complex
    /// reproducible `dot`, `dotc`, `sum`, `asum`, `nrm2`).
    fn reduce_exact_parts(
        &self,
        what: Reduction,
        conj: bool,
        x: VecRef<'_, T>,
        y: VecRef<'_, T>,
    ) -> Result<[ExactSum; 2]> {
        let _guard = self.lock();
        let routine = if conj && what == Reduction::Dot && T::DTYPE.is_complex() {
            Routine::ExactDotc
        } else {
            Routine::Exact(what)
        };
        let local = Level1::<T>::reduce_exact_parts(&*self.inner.local, what, conj, x, y);
        self.exact_parts::<T>(routine, local)
    }

    fn iamax(&self, x: VecRef<'_, T>) -> Result<Option<usize>> {
        let _guard = self.lock();
        let local = Level1::<T>::iamax(&*self.inner.local, x).map(|i| match i {
            Some(i) => vec![x.len() as u64, i as u64, x.get(i).abs1().as_f64().to_bits()],
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
    fn gather_row_block_operand<T: MpiElement>(
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
        let routine = match routine {
            Routine::Ger => "ger",
            Routine::Gerc => "gerc",
            _ => "gemv",
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
        let mut whole = vec![T::ZERO; total];
        self.inner.comm.allgatherv(&mine, &mut whole, &pieces)?;
        Ok(whole)
    }
}

/// Methods with no distributed form: each answers [`not_distributed`] at
/// once, from its signature.
macro_rules! not_distributed_methods {
    ($($name:ident($($ty:ty),*);)*) => {
        $(
            fn $name(&self, $(_: $ty),*) -> Result<()> {
                Err(not_distributed(stringify!($name)))
            }
        )*
    };
}
pub(crate) use not_distributed_methods;

impl MpiBackend {
    /// `ger` (`conj`: `gerc`): `A`'s row block and `x` are this rank's, `y`
    /// (split any way) is gathered whole.
    fn ger_either<T: MpiElement>(
        &self,
        conj: bool,
        alpha: T,
        x: VecRef<'_, T>,
        y: VecRef<'_, T>,
        a: MatMut<'_, T>,
    ) -> Result<()>
    where
        dyn HostBackend: Level2<T>,
    {
        let _guard = self.lock();
        let routine = if conj && T::DTYPE.is_complex() {
            Routine::Gerc
        } else {
            Routine::Ger
        };
        let whole_y = self.gather_row_block_operand(routine, (a.nrows(), a.ncols()), x.len(), y)?;
        let local = &*self.inner.local;
        let y = VecRef::from_slice(&whole_y);
        if conj {
            Level2::<T>::gerc(local, alpha, x, y, a)
        } else {
            Level2::<T>::ger(local, alpha, x, y, a)
        }
    }
}

impl<T: MpiElement> Level2<T> for MpiBackend
where
    dyn HostBackend: Level2<T>,
{
    /// `A`'s row block (of `op(A)`, as passed: `a.t()` or `a.h()` is the
    /// block of the transpose) and `y` are this rank's; `x` is gathered.
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
        self.ger_either(false, alpha, x, y, a)
    }

    fn gerc(&self, alpha: T, x: VecRef<'_, T>, y: VecRef<'_, T>, a: MatMut<'_, T>) -> Result<()> {
        self.ger_either(true, alpha, x, y, a)
    }

    not_distributed_methods! {
        symv(Uplo, T, MatRef<'_, T>, VecRef<'_, T>, T, VecMut<'_, T>);
        hemv(Uplo, T, MatRef<'_, T>, VecRef<'_, T>, T, VecMut<'_, T>);
        trmv(Uplo, Diag, MatRef<'_, T>, VecMut<'_, T>);
        trsv(Uplo, Diag, MatRef<'_, T>, VecMut<'_, T>);
        syr(Uplo, T, VecRef<'_, T>, MatMut<'_, T>);
        her(Uplo, T::Real, VecRef<'_, T>, MatMut<'_, T>);
        syr2(Uplo, T, VecRef<'_, T>, VecRef<'_, T>, MatMut<'_, T>);
        her2(Uplo, T, VecRef<'_, T>, VecRef<'_, T>, MatMut<'_, T>);
        gbmv(T, BandRef<'_, T>, VecRef<'_, T>, T, VecMut<'_, T>);
        sbmv(Uplo, T, BandRef<'_, T>, VecRef<'_, T>, T, VecMut<'_, T>);
        hbmv(Uplo, T, BandRef<'_, T>, VecRef<'_, T>, T, VecMut<'_, T>);
        spmv(T, PackedRef<'_, T>, VecRef<'_, T>, T, VecMut<'_, T>);
        hpmv(T, PackedRef<'_, T>, VecRef<'_, T>, T, VecMut<'_, T>);
        tbmv(Uplo, Diag, BandRef<'_, T>, VecMut<'_, T>);
        tbsv(Uplo, Diag, BandRef<'_, T>, VecMut<'_, T>);
        tpmv(Diag, PackedRef<'_, T>, VecMut<'_, T>);
        tpsv(Diag, PackedRef<'_, T>, VecMut<'_, T>);
        spr(T, VecRef<'_, T>, PackedMut<'_, T>);
        hpr(T::Real, VecRef<'_, T>, PackedMut<'_, T>);
        spr2(T, VecRef<'_, T>, VecRef<'_, T>, PackedMut<'_, T>);
        hpr2(T, VecRef<'_, T>, VecRef<'_, T>, PackedMut<'_, T>);
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
