//! The serial reference backend: one thread, plain loops in logical order.
//!
//! It is written to be obviously right, not fast, and is the oracle the
//! conformance suite compares every other backend with. Its semantics for the
//! special cases (quick returns, NaN, Inf) are the documented ones of the
//! traits, which follow reference BLAS unless the trait says otherwise.

use std::ops::Range;

use crate::backend::{
    check, Backend, BackendKind, Diag, Level1, Level2, Level3, LoopBody, ParallelLoops, Side, Uplo,
};
use crate::error::Result;
use crate::exact::Reduction;
use crate::scalar::{Element, Scalar};
use crate::schedule::Schedule;
use crate::view::{MatMut, MatRef, VecMut, VecRef};
use crate::{hermitian, reference};

/// The serial reference backend.
#[derive(Copy, Clone, Debug, Default)]
pub struct Serial;

impl Backend for Serial {
    fn kind(&self) -> BackendKind {
        BackendKind::Serial
    }
    fn name(&self) -> String {
        "serial".to_string()
    }
    fn num_threads(&self) -> usize {
        1
    }
}

/// The Euclidean norm by the scaled sum of squares (LAPACK's classic `dnrm2`),
/// with NaN and Inf handled up front.
pub fn reference_nrm2<T: Scalar>(x: impl Iterator<Item = T> + Clone) -> T {
    if x.clone().any(|v| v.is_nan()) {
        return T::nan();
    }
    if x.clone().any(|v| v.is_infinite()) {
        return T::infinity();
    }
    let (mut scale, mut ssq) = (T::zero(), T::one());
    for v in x {
        if v != T::zero() {
            let a = v.abs();
            if scale < a {
                ssq = T::one() + ssq * (scale / a) * (scale / a);
                scale = a;
            } else {
                ssq += (a / scale) * (a / scale);
            }
        }
    }
    scale * ssq.sqrt()
}

/// The index of the first NaN, else of the first element of largest magnitude.
pub fn reference_iamax<T: Scalar>(x: impl Iterator<Item = T>) -> Option<usize> {
    let mut best: Option<(usize, T)> = None;
    for (i, v) in x.enumerate() {
        if v.is_nan() {
            return Some(i);
        }
        let a = v.abs();
        if best.is_none_or(|(_, m)| a > m) {
            best = Some((i, a));
        }
    }
    best.map(|(i, _)| i)
}

impl<T: Scalar> Level1<T> for Serial {
    fn axpy(&self, alpha: T, x: VecRef<'_, T>, mut y: VecMut<'_, T>) -> Result<()> {
        check::same_len(x.len(), y.len())?;
        if alpha == T::zero() {
            return Ok(());
        }
        y.for_each_mut(|i, yi| *yi += alpha * x.get(i));
        Ok(())
    }

    fn scal(&self, alpha: T, mut x: VecMut<'_, T>) -> Result<()> {
        x.for_each_mut(|_, xi| *xi = alpha * *xi);
        Ok(())
    }

    fn copy(&self, x: VecRef<'_, T>, mut y: VecMut<'_, T>) -> Result<()> {
        check::same_len(x.len(), y.len())?;
        y.for_each_mut(|i, yi| *yi = x.get(i));
        Ok(())
    }

    fn swap(&self, mut x: VecMut<'_, T>, mut y: VecMut<'_, T>) -> Result<()> {
        check::same_len(x.len(), y.len())?;
        for i in 0..x.len() {
            let t = x.as_ref().get(i);
            x.set(i, y.as_ref().get(i));
            y.set(i, t);
        }
        Ok(())
    }

    // The reductions add in f64 and round once to T (the same accuracy
    // promise as every other backend's ordinary f32 reductions).

    fn dot(&self, x: VecRef<'_, T>, y: VecRef<'_, T>) -> Result<T> {
        Ok(T::from_f64(self.reduce_wide(Reduction::Dot, x, y)?))
    }

    fn nrm2(&self, x: VecRef<'_, T>) -> Result<T> {
        // Scaled, in f64 (for f32 data no scaling would be needed).
        Ok(T::from_f64(reference_nrm2(x.iter().map(T::as_f64))))
    }

    fn asum(&self, x: VecRef<'_, T>) -> Result<T> {
        Ok(T::from_f64(self.reduce_wide(Reduction::Asum, x, x)?))
    }

    fn sum(&self, x: VecRef<'_, T>) -> Result<T> {
        Ok(T::from_f64(self.reduce_wide(Reduction::Sum, x, x)?))
    }

    fn reduce_wide(&self, what: Reduction, x: VecRef<'_, T>, y: VecRef<'_, T>) -> Result<f64> {
        let x64 = x.iter().map(T::as_f64);
        Ok(match what {
            Reduction::Dot => {
                check::same_len(x.len(), y.len())?;
                x64.zip(y.iter().map(T::as_f64))
                    .fold(0.0, |acc, (a, b)| acc + a * b)
            }
            Reduction::Asum => x64.fold(0.0, |acc, v| acc + v.abs()),
            Reduction::Sum => x64.fold(0.0, |acc, v| acc + v),
            Reduction::SumSq => x64.fold(0.0, |acc, v| acc + v * v),
        })
    }

    fn iamax(&self, x: VecRef<'_, T>) -> Result<Option<usize>> {
        Ok(reference_iamax(x.iter()))
    }
}

impl<T: Element> Level2<T> for Serial {
    fn gemv(
        &self,
        alpha: T,
        a: MatRef<'_, T>,
        x: VecRef<'_, T>,
        beta: T,
        mut y: VecMut<'_, T>,
    ) -> Result<()> {
        check::gemv((a.nrows(), a.ncols()), x.len(), y.len())?;
        for i in 0..y.len() {
            let ax = if alpha == T::ZERO {
                T::ZERO
            } else {
                alpha * (0..x.len()).fold(T::ZERO, |acc, j| acc + a.get(i, j) * x.get(j))
            };
            let by = if beta == T::ZERO {
                T::ZERO
            } else {
                beta * y.as_ref().get(i)
            };
            y.set(i, ax + by);
        }
        Ok(())
    }

    fn ger(&self, alpha: T, x: VecRef<'_, T>, y: VecRef<'_, T>, a: MatMut<'_, T>) -> Result<()> {
        check::ger(x.len(), y.len(), (a.nrows(), a.ncols()))?;
        // An empty A is left alone by `reference::ger`, however long the
        // other dimension (a zero-stride y can be any length).
        reference::ger(alpha, x, y, a);
        Ok(())
    }

    fn gerc(&self, alpha: T, x: VecRef<'_, T>, y: VecRef<'_, T>, a: MatMut<'_, T>) -> Result<()> {
        check::ger(x.len(), y.len(), (a.nrows(), a.ncols()))?;
        reference::gerc(alpha, x, y, a);
        Ok(())
    }

    // The structured operations stay plain loops here (the trait's blocked
    // defaults would make the oracle depend on gemv and ger).

    fn symv(
        &self,
        uplo: Uplo,
        alpha: T,
        a: MatRef<'_, T>,
        x: VecRef<'_, T>,
        beta: T,
        y: VecMut<'_, T>,
    ) -> Result<()> {
        check::square("A", (a.nrows(), a.ncols()))?;
        check::gemv((a.nrows(), a.ncols()), x.len(), y.len())?;
        reference::symv(uplo, alpha, a, x, beta, y);
        Ok(())
    }

    fn hemv(
        &self,
        uplo: Uplo,
        alpha: T,
        a: MatRef<'_, T>,
        x: VecRef<'_, T>,
        beta: T,
        y: VecMut<'_, T>,
    ) -> Result<()> {
        check::square("A", (a.nrows(), a.ncols()))?;
        check::gemv((a.nrows(), a.ncols()), x.len(), y.len())?;
        hermitian::hemv_ref(uplo, alpha, a, x, beta, y);
        Ok(())
    }

    fn her(&self, uplo: Uplo, alpha: T::Real, x: VecRef<'_, T>, a: MatMut<'_, T>) -> Result<()> {
        check::square("A", (a.nrows(), a.ncols()))?;
        check::ger(x.len(), x.len(), (a.nrows(), a.ncols()))?;
        hermitian::her2_ref(uplo, T::from_real(alpha), x, None, a);
        Ok(())
    }

    fn her2(
        &self,
        uplo: Uplo,
        alpha: T,
        x: VecRef<'_, T>,
        y: VecRef<'_, T>,
        a: MatMut<'_, T>,
    ) -> Result<()> {
        check::square("A", (a.nrows(), a.ncols()))?;
        check::ger(x.len(), y.len(), (a.nrows(), a.ncols()))?;
        hermitian::her2_ref(uplo, alpha, x, Some(y), a);
        Ok(())
    }

    fn trmv(&self, uplo: Uplo, diag: Diag, a: MatRef<'_, T>, x: VecMut<'_, T>) -> Result<()> {
        check::square("A", (a.nrows(), a.ncols()))?;
        check::gemv((a.nrows(), a.ncols()), x.len(), x.len())?;
        reference::trmv(uplo, diag, a, x);
        Ok(())
    }

    fn trsv(&self, uplo: Uplo, diag: Diag, a: MatRef<'_, T>, x: VecMut<'_, T>) -> Result<()> {
        check::square("A", (a.nrows(), a.ncols()))?;
        check::gemv((a.nrows(), a.ncols()), x.len(), x.len())?;
        reference::trsv(uplo, diag, a, x);
        Ok(())
    }

    fn syr(&self, uplo: Uplo, alpha: T, x: VecRef<'_, T>, a: MatMut<'_, T>) -> Result<()> {
        check::square("A", (a.nrows(), a.ncols()))?;
        check::ger(x.len(), x.len(), (a.nrows(), a.ncols()))?;
        reference::syr(uplo, alpha, x, a);
        Ok(())
    }

    fn syr2(
        &self,
        uplo: Uplo,
        alpha: T,
        x: VecRef<'_, T>,
        y: VecRef<'_, T>,
        a: MatMut<'_, T>,
    ) -> Result<()> {
        check::square("A", (a.nrows(), a.ncols()))?;
        check::ger(x.len(), y.len(), (a.nrows(), a.ncols()))?;
        reference::syr2(uplo, alpha, x, y, a);
        Ok(())
    }
}

impl<T: Element> Level3<T> for Serial {
    fn gemm(
        &self,
        alpha: T,
        a: MatRef<'_, T>,
        b: MatRef<'_, T>,
        beta: T,
        mut c: MatMut<'_, T>,
    ) -> Result<()> {
        check::gemm(
            (a.nrows(), a.ncols()),
            (b.nrows(), b.ncols()),
            (c.nrows(), c.ncols()),
        )?;
        if c.is_empty() {
            // Nothing to write, however long the other dimension.
            return Ok(());
        }
        let k = a.ncols();
        for j in 0..c.ncols() {
            for i in 0..c.nrows() {
                let ab = if alpha == T::ZERO || k == 0 {
                    T::ZERO
                } else {
                    alpha * (0..k).fold(T::ZERO, |acc, p| acc + a.get(i, p) * b.get(p, j))
                };
                let bc = if beta == T::ZERO {
                    T::ZERO
                } else {
                    beta * c.as_ref().get(i, j)
                };
                c.set(i, j, ab + bc);
            }
        }
        Ok(())
    }

    // The structured operations are the plain loops of `reference` (the
    // trait's defaults would block them on gemm).

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
        check::symm(side, dims(&a), dims(&b), (c.nrows(), c.ncols()))?;
        reference::symm(side, uplo, alpha, a, b, beta, c);
        Ok(())
    }

    fn hemm(
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
        hermitian::hemm_ref(side, uplo, alpha, a, b, beta, c);
        Ok(())
    }

    fn herk(
        &self,
        uplo: Uplo,
        alpha: T::Real,
        a: MatRef<'_, T>,
        beta: T::Real,
        c: MatMut<'_, T>,
    ) -> Result<()> {
        check::syrk(dims(&a), None, (c.nrows(), c.ncols()))?;
        hermitian::her2k_ref(uplo, T::from_real(alpha), a, None, beta, c);
        Ok(())
    }

    fn her2k(
        &self,
        uplo: Uplo,
        alpha: T,
        a: MatRef<'_, T>,
        b: MatRef<'_, T>,
        beta: T::Real,
        c: MatMut<'_, T>,
    ) -> Result<()> {
        check::syrk(dims(&a), Some(dims(&b)), (c.nrows(), c.ncols()))?;
        hermitian::her2k_ref(uplo, alpha, a, Some(b), beta, c);
        Ok(())
    }

    fn syrk(
        &self,
        uplo: Uplo,
        alpha: T,
        a: MatRef<'_, T>,
        beta: T,
        c: MatMut<'_, T>,
    ) -> Result<()> {
        check::syrk(dims(&a), None, (c.nrows(), c.ncols()))?;
        reference::syrk(uplo, alpha, a, beta, c);
        Ok(())
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
        check::syrk(dims(&a), Some(dims(&b)), (c.nrows(), c.ncols()))?;
        reference::syr2k(uplo, alpha, a, b, beta, c);
        Ok(())
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
        check::tri_side(side, dims(&a), (b.nrows(), b.ncols()))?;
        reference::trmm(side, uplo, diag, alpha, a, b);
        Ok(())
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
        check::tri_side(side, dims(&a), (b.nrows(), b.ncols()))?;
        reference::trsm(side, uplo, diag, alpha, a, b);
        Ok(())
    }
}

/// A matrix view's shape, for the shape checks.
fn dims<T: Element>(a: &MatRef<'_, T>) -> (usize, usize) {
    (a.nrows(), a.ncols())
}

/// The unblocked reference factorizations (LAPACK's `getf2` and `potf2`
/// loops); the solves are the defaults on the reference trsm.
impl<T: Element> crate::factor::Factor<T> for Serial {
    fn lu_factor(&self, a: MatMut<'_, T>, ipiv: &mut [usize]) -> Result<()> {
        crate::factor::reference::lu_factor(a, ipiv)
    }
    fn cholesky(&self, uplo: Uplo, a: MatMut<'_, T>) -> Result<()> {
        crate::factor::reference::cholesky(uplo, a)
    }
}

impl ParallelLoops for Serial {
    fn parallel_for(
        &self,
        range: Range<usize>,
        schedule: Schedule,
        body: &LoopBody<'_>,
    ) -> Result<()> {
        // One worker: the chunking is kept so a body sees the same kind of
        // sub-ranges it would see on a threaded backend with one thread.
        let chunk = match schedule {
            Schedule::Static { chunk: 0 } => range.len().max(1),
            Schedule::Static { chunk } | Schedule::Dynamic { chunk } => chunk.max(1),
            Schedule::Guided { .. } => range.len().max(1),
        };
        let mut start = range.start;
        while start < range.end {
            let end = start + chunk.min(range.end - start);
            body(start..end, 0);
            start = end;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nrm2_survives_huge_and_tiny_values() {
        let big = [1e300f64, 1e300];
        assert!((reference_nrm2(big.iter().copied()) / (1e300 * 2f64.sqrt()) - 1.0).abs() < 1e-15);
        let tiny = [3e-310f64, 4e-310];
        assert!((reference_nrm2(tiny.iter().copied()) / 5e-310 - 1.0).abs() < 1e-12);
        assert!(reference_nrm2([1.0, f64::NAN, f64::INFINITY].into_iter()).is_nan());
        assert_eq!(
            reference_nrm2([f64::INFINITY, 1.0, f64::NEG_INFINITY].into_iter()),
            f64::INFINITY
        );
    }

    #[test]
    fn iamax_takes_first_nan_else_first_max() {
        assert_eq!(reference_iamax([1.0, -3.0, 3.0].into_iter()), Some(1));
        assert_eq!(
            reference_iamax([1.0, -3.0, f64::NAN, f64::NAN].into_iter()),
            Some(2)
        );
        assert_eq!(reference_iamax(std::iter::empty::<f32>()), None);
    }

    #[test]
    fn parallel_for_covers_range_once() {
        let hits = std::sync::Mutex::new(vec![0u8; 10]);
        for s in [
            Schedule::Static { chunk: 0 },
            Schedule::Dynamic { chunk: 3 },
            Schedule::Guided { min_chunk: 2 },
        ] {
            hits.lock().unwrap().iter_mut().for_each(|h| *h = 0);
            Serial
                .parallel_for(0..10, s, &|r, _| {
                    r.for_each(|i| hits.lock().unwrap()[i] += 1)
                })
                .unwrap();
            assert!(hits.lock().unwrap().iter().all(|&h| h == 1));
        }
    }

    #[test]
    fn empty_outputs_return_at_once_whatever_the_other_dimension() {
        // A 0 x 2^62 product and a rank-one update of a 0 x 2^62 matrix (a
        // zero-stride y can be that long): nothing to write, so no loop may
        // run over the long dimension (the C ABI fuzz driver found the gemm).
        let huge = 1usize << 62;
        let one = [1.0f64];
        let mut none: [f64; 0] = [];
        // SAFETY: empty views address nothing; the zero-stride view reads one[0].
        let (a, b, c, y) = unsafe {
            (
                MatRef::from_raw_parts(one.as_ptr(), 0, 0, 1, 1).unwrap(),
                MatRef::from_raw_parts(one.as_ptr(), 0, huge, 1, 1).unwrap(),
                MatMut::from_raw_parts(none.as_mut_ptr(), 0, huge, 1, 1).unwrap(),
                VecRef::from_raw_parts(one.as_ptr(), huge, 0).unwrap(),
            )
        };
        let started = std::time::Instant::now();
        Serial.gemm(2.0, a, b, 0.5, c).unwrap();
        // SAFETY: as above.
        let a0 = unsafe { MatMut::from_raw_parts(none.as_mut_ptr(), 0, huge, 1, 1).unwrap() };
        Serial.ger(2.0, VecRef::from_slice(&none), y, a0).unwrap();
        assert!(
            started.elapsed().as_secs() < 10,
            "took {:?}",
            started.elapsed()
        );
    }
}
