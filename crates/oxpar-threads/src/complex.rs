//! Complex elements on the threads backend.
//!
//! Level 1 is the SIMD kernels of `oxpar_kernels::complex_level1` split as
//! for reals (see `crate::complex_level1`); the reductions add the blocks'
//! f64 partial results in block order and round once. gemv splits the
//! rows of `A`, ger and gerc its columns, each block on the serial loops
//! (which honour a conjugated view). gemm is the `gemm` crate's complex
//! micro-kernels with conjugation flags ([`oxpar_kernels::complex`]); the
//! structured level-2 and level-3 operations are the trait's blocked
//! defaults over these.

use oxpar_core::backend::check;
use oxpar_core::complex::{self as cx, narrow};
use oxpar_core::{
    Complex, Element, Level1, Level2, Level3, MatMut, MatRef, Result, Scalar, Serial, VecMut,
    VecRef,
};
use oxpar_kernels::{complex as kc, Par};

use crate::split::{SharedMatMut, SharedVecMut};
use crate::ThreadsBackend;

impl<R: Scalar> Level1<Complex<R>> for ThreadsBackend
where
    Complex<R>: Element<Real = R>,
{
    // The SIMD kernels on the team: see `crate::complex_level1`.

    fn axpy(
        &self,
        alpha: Complex<R>,
        x: VecRef<'_, Complex<R>>,
        y: VecMut<'_, Complex<R>>,
    ) -> Result<()> {
        self.complex_axpy(alpha, x, y)
    }

    fn scal(&self, alpha: Complex<R>, x: VecMut<'_, Complex<R>>) -> Result<()> {
        self.complex_scal(alpha, x)
    }

    fn copy(&self, x: VecRef<'_, Complex<R>>, y: VecMut<'_, Complex<R>>) -> Result<()> {
        self.complex_copy(x, y)
    }

    fn swap(&self, x: VecMut<'_, Complex<R>>, y: VecMut<'_, Complex<R>>) -> Result<()> {
        self.complex_swap(x, y)
    }

    fn dot(&self, x: VecRef<'_, Complex<R>>, y: VecRef<'_, Complex<R>>) -> Result<Complex<R>> {
        self.complex_dot(false, x, y)
    }

    fn dotc(&self, x: VecRef<'_, Complex<R>>, y: VecRef<'_, Complex<R>>) -> Result<Complex<R>> {
        self.complex_dot(true, x, y)
    }

    fn nrm2(&self, x: VecRef<'_, Complex<R>>) -> Result<R> {
        self.complex_nrm2(x)
    }

    fn asum(&self, x: VecRef<'_, Complex<R>>) -> Result<R> {
        self.complex_asum(x)
    }

    fn iamax(&self, x: VecRef<'_, Complex<R>>) -> Result<Option<usize>> {
        self.complex_iamax(x)
    }

    fn sum(&self, x: VecRef<'_, Complex<R>>) -> Result<Complex<R>> {
        let n = x.len();
        let parts = self.parts(n, self.inner.thresholds.level1);
        let s = self.fold_blocks(
            n,
            parts,
            |r| cx::sum_wide(x.subvector(r.start, r.len())),
            |a, b| a + b,
        );
        Ok(narrow(s))
    }
}

impl ThreadsBackend {
    /// ger (`conj == false`) or gerc, by blocks of columns of `A`.
    fn ger_either<R: Scalar>(
        &self,
        conj: bool,
        alpha: Complex<R>,
        x: VecRef<'_, Complex<R>>,
        y: VecRef<'_, Complex<R>>,
        a: MatMut<'_, Complex<R>>,
    ) -> Result<()>
    where
        Complex<R>: Element<Real = R>,
    {
        check::ger(x.len(), y.len(), (a.nrows(), a.ncols()))?;
        if alpha == <Complex<R> as Element>::ZERO || a.is_empty() {
            return Ok(());
        }
        let n = a.ncols();
        let parts = self
            .parts(n.saturating_mul(a.nrows()), self.inner.thresholds.level2)
            .min(n.max(1));
        let cols = SharedMatMut::new(a);
        self.for_blocks(n, parts, |r| {
            let yb = y.subvector(r.start, r.len());
            // SAFETY: blocks of one region are disjoint column ranges.
            let ab = unsafe { cols.cols_mut(r) };
            let _ = if conj {
                Serial.gerc(alpha, x, yb, ab)
            } else {
                Serial.ger(alpha, x, yb, ab)
            };
        });
        Ok(())
    }
}

impl<R: Scalar> Level2<Complex<R>> for ThreadsBackend
where
    Complex<R>: Element<Real = R>,
{
    fn gemv(
        &self,
        alpha: Complex<R>,
        a: MatRef<'_, Complex<R>>,
        x: VecRef<'_, Complex<R>>,
        beta: Complex<R>,
        y: VecMut<'_, Complex<R>>,
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
        self.for_blocks(m, parts, |r| {
            let rows = a.submatrix(r.start, 0, r.len(), a.ncols());
            // SAFETY: blocks of one region are disjoint.
            let yb = unsafe { ys.block_mut(r) };
            // Cannot fail: the shapes were checked above.
            let _ = Serial.gemv(alpha, rows, x, beta, yb);
        });
        Ok(())
    }

    fn ger(
        &self,
        alpha: Complex<R>,
        x: VecRef<'_, Complex<R>>,
        y: VecRef<'_, Complex<R>>,
        a: MatMut<'_, Complex<R>>,
    ) -> Result<()> {
        self.ger_either(false, alpha, x, y, a)
    }

    fn gerc(
        &self,
        alpha: Complex<R>,
        x: VecRef<'_, Complex<R>>,
        y: VecRef<'_, Complex<R>>,
        a: MatMut<'_, Complex<R>>,
    ) -> Result<()> {
        self.ger_either(true, alpha, x, y, a)
    }
}

impl<R: Scalar> Level3<Complex<R>> for ThreadsBackend
where
    Complex<R>: Element<Real = R>,
{
    fn gemm(
        &self,
        alpha: Complex<R>,
        a: MatRef<'_, Complex<R>>,
        b: MatRef<'_, Complex<R>>,
        beta: Complex<R>,
        c: MatMut<'_, Complex<R>>,
    ) -> Result<()> {
        check::gemm(
            (a.nrows(), a.ncols()),
            (b.nrows(), b.ncols()),
            (c.nrows(), c.ncols()),
        )?;
        // A complex multiply-add is four real ones.
        let work = c
            .nrows()
            .saturating_mul(c.ncols())
            .saturating_mul(a.ncols())
            .saturating_mul(4);
        if self.parts(work, self.inner.thresholds.level3) == 1 || self.forked() {
            kc::gemm(Par::Seq, alpha, a, b, beta, c);
        } else {
            let threads = self.inner.num_threads;
            self.install(move || kc::gemm(Par::Rayon(threads), alpha, a, b, beta, c));
        }
        Ok(())
    }
}
