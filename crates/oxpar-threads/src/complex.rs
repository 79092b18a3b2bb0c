//! Complex elements on the threads backend.
//!
//! Level 1 splits the vectors into blocks as for reals and runs the serial
//! loops on each; the reductions add the blocks' f64 partial results (see
//! [`oxpar_core::complex`]) in block order and round once. gemv splits the
//! rows of `A`, ger and gerc its columns, each block on the serial loops
//! (which honour a conjugated view). gemm is the `gemm` crate's complex
//! micro-kernels with conjugation flags ([`oxpar_kernels::complex`], which
//! copies one operand where exactly one is conjugated, the kernels' slow
//! case), split across the threads by the crate's rayon loops from the same
//! size as the real gemm (counting a complex multiply-add as four); the
//! structured level-2 and level-3 operations are the trait's blocked
//! defaults over these, except herk and her2k, whose default is one full
//! product (twice the flops of the triangle): here they go by block columns
//! (see [`HERK_BLOCK`]), the strips beside the diagonal straight into `C`.

use oxpar_core::backend::check;
use oxpar_core::blocked::{block_mut, blocks};
use oxpar_core::complex::{self as cx, narrow};
use oxpar_core::{hermitian, Uplo};
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
    fn axpy(
        &self,
        alpha: Complex<R>,
        x: VecRef<'_, Complex<R>>,
        y: VecMut<'_, Complex<R>>,
    ) -> Result<()> {
        check::same_len(x.len(), y.len())?;
        let n = x.len();
        let ys = SharedVecMut::new(y);
        self.for_blocks(n, self.parts(n, self.inner.thresholds.level1), |r| {
            // SAFETY: blocks of one region are disjoint.
            let yb = unsafe { ys.block_mut(r.clone()) };
            // Cannot fail: the shapes were checked above.
            let _ = Serial.axpy(alpha, x.subvector(r.start, r.len()), yb);
        });
        Ok(())
    }

    fn scal(&self, alpha: Complex<R>, x: VecMut<'_, Complex<R>>) -> Result<()> {
        let n = x.len();
        let xs = SharedVecMut::new(x);
        self.for_blocks(n, self.parts(n, self.inner.thresholds.level1), |r| {
            // SAFETY: blocks of one region are disjoint.
            // Cannot fail: the shapes were checked above.
            let _ = Serial.scal(alpha, unsafe { xs.block_mut(r) });
        });
        Ok(())
    }

    fn copy(&self, x: VecRef<'_, Complex<R>>, y: VecMut<'_, Complex<R>>) -> Result<()> {
        check::same_len(x.len(), y.len())?;
        let n = x.len();
        let ys = SharedVecMut::new(y);
        self.for_blocks(n, self.parts(n, self.inner.thresholds.level1), |r| {
            // SAFETY: blocks of one region are disjoint.
            let yb = unsafe { ys.block_mut(r.clone()) };
            // Cannot fail: the shapes were checked above.
            let _ = Serial.copy(x.subvector(r.start, r.len()), yb);
        });
        Ok(())
    }

    fn swap(&self, x: VecMut<'_, Complex<R>>, y: VecMut<'_, Complex<R>>) -> Result<()> {
        check::same_len(x.len(), y.len())?;
        let n = x.len();
        let (xs, ys) = (SharedVecMut::new(x), SharedVecMut::new(y));
        self.for_blocks(n, self.parts(n, self.inner.thresholds.level1), |r| {
            // SAFETY: blocks of one region are disjoint, and x and y are
            // distinct unique borrows.
            let (xb, yb) = unsafe { (xs.block_mut(r.clone()), ys.block_mut(r)) };
            // Cannot fail: the shapes were checked above.
            let _ = Serial.swap(xb, yb);
        });
        Ok(())
    }

    fn dot(&self, x: VecRef<'_, Complex<R>>, y: VecRef<'_, Complex<R>>) -> Result<Complex<R>> {
        self.dot_either(false, x, y)
    }

    fn dotc(&self, x: VecRef<'_, Complex<R>>, y: VecRef<'_, Complex<R>>) -> Result<Complex<R>> {
        self.dot_either(true, x, y)
    }

    fn nrm2(&self, x: VecRef<'_, Complex<R>>) -> Result<R> {
        // The scaled sum of squares is sequential; one pass, like the
        // serial backend (a parallel norm is a later refinement).
        Ok(cx::nrm2(x))
    }

    fn asum(&self, x: VecRef<'_, Complex<R>>) -> Result<R> {
        let n = x.len();
        let parts = self.parts(n, self.inner.thresholds.level1);
        let s = self.fold_blocks(
            n,
            parts,
            |r| cx::asum_wide(x.subvector(r.start, r.len())),
            |a, b| a + b,
        );
        Ok(R::from_f64(s))
    }

    fn iamax(&self, x: VecRef<'_, Complex<R>>) -> Result<Option<usize>> {
        let n = x.len();
        let parts = self.parts(n, self.inner.thresholds.level1);
        let best = self.fold_blocks(
            n,
            parts,
            |r| cx::iamax(x.subvector(r.start, r.len()), r.start),
            cx::iamax_combine,
        );
        Ok(best.map(|(i, _)| i))
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
    /// dotu (`conj == false`) or dotc, by blocks added in f64.
    fn dot_either<R: Scalar>(
        &self,
        conj: bool,
        x: VecRef<'_, Complex<R>>,
        y: VecRef<'_, Complex<R>>,
    ) -> Result<Complex<R>>
    where
        Complex<R>: Element<Real = R>,
    {
        check::same_len(x.len(), y.len())?;
        let n = x.len();
        let parts = self.parts(n, self.inner.thresholds.level1);
        let s = self.fold_blocks(
            n,
            parts,
            |r| {
                cx::dot_wide(
                    conj,
                    x.subvector(r.start, r.len()),
                    y.subvector(r.start, r.len()),
                )
            },
            |a, b| a + b,
        );
        Ok(narrow(s))
    }

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

/// Block columns of herk and her2k: each diagonal block is one full
/// product of this size (the part of the work done twice), each strip
/// beside it one gemm (two for her2k) written into `C` directly.
pub const HERK_BLOCK: usize = 128;

impl ThreadsBackend {
    /// herk (`b == None`, `alpha` real) and her2k on the `uplo` triangle of
    /// `C`: by block columns of [`HERK_BLOCK`], the diagonal block by
    /// [`hermitian::her2k`] (a full product into a buffer), the strip of
    /// the triangle beside it by this backend's gemm, so that about half
    /// the flops of one full product `A*B^H` are spent. Small problems and
    /// the scaling-only cases (`alpha == 0` or `k == 0`) are
    /// [`hermitian::her2k`] itself. Semantics as [`Level3::her2k`].
    fn her2k_blocked<R: Scalar>(
        &self,
        uplo: Uplo,
        alpha: Complex<R>,
        a: MatRef<'_, Complex<R>>,
        b: Option<MatRef<'_, Complex<R>>>,
        beta: R,
        mut c: MatMut<'_, Complex<R>>,
    ) -> Result<()>
    where
        Complex<R>: Element<Real = R>,
    {
        check::syrk(
            (a.nrows(), a.ncols()),
            b.map(|b| (b.nrows(), b.ncols())),
            (c.nrows(), c.ncols()),
        )?;
        let (n, k) = (c.nrows(), a.ncols());
        let zero = <Complex<R> as Element>::ZERO;
        if alpha == zero || k == 0 || n <= HERK_BLOCK {
            return hermitian::her2k(self, uplo, alpha, a, b, beta, c);
        }
        let beta_c = <Complex<R> as Element>::from_real(beta);
        for r in blocks(n, HERK_BLOCK) {
            let ar = a.submatrix(r.start, 0, r.len(), k);
            let br = b.map(|b| b.submatrix(r.start, 0, r.len(), k));
            let diag = block_mut(c.rb_mut(), r.clone(), r.clone());
            hermitian::her2k(self, uplo, alpha, ar, br, beta, diag)?;
            // The rows of the triangle beside the diagonal block.
            let s = match uplo {
                Uplo::Upper => 0..r.start,
                Uplo::Lower => r.end..n,
            };
            if s.is_empty() {
                continue;
            }
            let a_s = a.submatrix(s.start, 0, s.len(), k);
            let strip = block_mut(c.rb_mut(), s.clone(), r.clone());
            match (b, br) {
                (Some(b), Some(br)) => {
                    let b_s = b.submatrix(s.start, 0, s.len(), k);
                    self.gemm(alpha, a_s, br.h(), beta_c, strip)?;
                    let strip = block_mut(c.rb_mut(), s, r);
                    let one = <Complex<R> as Element>::ONE;
                    self.gemm(alpha.conj(), b_s, ar.h(), one, strip)?;
                }
                _ => self.gemm(alpha, a_s, ar.h(), beta_c, strip)?,
            }
        }
        Ok(())
    }
}

impl<R: Scalar> Level3<Complex<R>> for ThreadsBackend
where
    Complex<R>: Element<Real = R>,
{
    fn herk(
        &self,
        uplo: Uplo,
        alpha: R,
        a: MatRef<'_, Complex<R>>,
        beta: R,
        c: MatMut<'_, Complex<R>>,
    ) -> Result<()> {
        let alpha = <Complex<R> as Element>::from_real(alpha);
        self.her2k_blocked(uplo, alpha, a, None, beta, c)
    }

    fn her2k(
        &self,
        uplo: Uplo,
        alpha: Complex<R>,
        a: MatRef<'_, Complex<R>>,
        b: MatRef<'_, Complex<R>>,
        beta: R,
        c: MatMut<'_, Complex<R>>,
    ) -> Result<()> {
        self.her2k_blocked(uplo, alpha, a, Some(b), beta, c)
    }

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
