//! Complex level 2 on the threads backend: the kernels of
//! [`oxpar_kernels::complex_level2`] split over the team.
//!
//! * gemv splits the rows of `op(A)` (for a column-major `A`, blocks of
//!   rows of every column; for `A^T` or `A^H`, whole stored columns, each
//!   one dot), in pieces that a thread done early takes from a late one,
//!   as the real gemv;
//! * ger and gerc split the columns of `A`, each column one SIMD axpy;
//! * her and her2 split the columns of the triangle, in pieces as gemv
//!   (the columns differ in length), each on the reference's column loop,
//!   which leaves a column with `x(j) == 0` (and `y(j) == 0`) alone;
//! * hpr and hpr2 are the same column loop on the packed columns, on the
//!   calling thread.
//!
//! The blocked defaults of hemv, trmv and trsv are built on this gemv (and
//! so on the same kernels).

use oxpar_core::backend::check;
use oxpar_core::{
    Complex, Element, MatMut, MatRef, PackedMut, Result, Scalar, Uplo, VecMut, VecRef,
};
use oxpar_kernels::complex_level2 as kc2;

use crate::split::{SharedMatMut, SharedVecMut};
use crate::ThreadsBackend;

impl ThreadsBackend {
    /// Threads for a complex level-2 call on `elements` matrix elements
    /// (a complex multiply-add is four real ones).
    fn complex_level2_parts(&self, elements: usize, blocks: usize) -> usize {
        self.parts(elements.saturating_mul(4), self.inner.thresholds.level2)
            .min(blocks.max(1))
    }

    /// `y := alpha*A*x + beta*y` (semantics of `Level2::gemv`).
    pub(crate) fn complex_gemv<R: Scalar>(
        &self,
        alpha: Complex<R>,
        a: MatRef<'_, Complex<R>>,
        x: VecRef<'_, Complex<R>>,
        beta: Complex<R>,
        y: VecMut<'_, Complex<R>>,
    ) -> Result<()>
    where
        Complex<R>: Element,
    {
        check::gemv((a.nrows(), a.ncols()), x.len(), y.len())?;
        let m = a.nrows();
        let parts = self.complex_level2_parts(m.saturating_mul(a.ncols().max(1)), m);
        let ys = SharedVecMut::new(y);
        self.for_chunks(m, parts, |r| {
            let rows = a.submatrix(r.start, 0, r.len(), a.ncols());
            // SAFETY: pieces of one region are disjoint.
            let yb = unsafe { ys.block_mut(r) };
            kc2::gemv(alpha, rows, x, beta, yb);
        });
        Ok(())
    }

    /// ger (`conj == false`) or gerc, by blocks of columns of `A`.
    pub(crate) fn complex_ger<R: Scalar>(
        &self,
        conj: bool,
        alpha: Complex<R>,
        x: VecRef<'_, Complex<R>>,
        y: VecRef<'_, Complex<R>>,
        a: MatMut<'_, Complex<R>>,
    ) -> Result<()>
    where
        Complex<R>: Element,
    {
        check::ger(x.len(), y.len(), (a.nrows(), a.ncols()))?;
        let zero = Complex::new(R::zero(), R::zero());
        if alpha == zero || a.is_empty() {
            return Ok(());
        }
        let n = a.ncols();
        let parts = self.complex_level2_parts(n.saturating_mul(a.nrows()), n);
        let cols = SharedMatMut::new(a);
        self.for_chunks(n, parts, |r| {
            let yb = y.subvector(r.start, r.len());
            // SAFETY: pieces of one region are disjoint column ranges.
            let ab = unsafe { cols.cols_mut(r) };
            kc2::ger(conj, alpha, x, yb, ab);
        });
        Ok(())
    }

    /// her2 (`y` given) or her (`y == None`, `alpha` real) on the `uplo`
    /// triangle, by pieces of columns (semantics of `Level2::her2`).
    pub(crate) fn complex_her2<R: Scalar>(
        &self,
        uplo: Uplo,
        alpha: Complex<R>,
        x: VecRef<'_, Complex<R>>,
        y: Option<VecRef<'_, Complex<R>>>,
        a: MatMut<'_, Complex<R>>,
    ) -> Result<()>
    where
        Complex<R>: Element,
    {
        check::square("A", (a.nrows(), a.ncols()))?;
        check::ger(
            x.len(),
            y.map_or(x.len(), |y| y.len()),
            (a.nrows(), a.ncols()),
        )?;
        if alpha == Complex::new(R::zero(), R::zero()) {
            return Ok(());
        }
        let n = a.ncols();
        let parts = self.complex_level2_parts(n.saturating_mul(n) / 2, n);
        let cols = SharedMatMut::new(a);
        self.for_chunks(n, parts, |r| {
            let start = r.start;
            // SAFETY: pieces of one region are disjoint column ranges.
            let ab = unsafe { cols.cols_mut(r) };
            kc2::her2_cols(uplo, alpha, x, y, ab, start);
        });
        Ok(())
    }

    /// hpr2 (`y` given) or hpr (`y == None`, `alpha` real) on the packed
    /// triangle, on the calling thread (semantics of `Level2::hpr2`).
    pub(crate) fn complex_hpr2<R: Scalar>(
        &self,
        alpha: Complex<R>,
        x: VecRef<'_, Complex<R>>,
        y: Option<VecRef<'_, Complex<R>>>,
        a: PackedMut<'_, Complex<R>>,
    ) -> Result<()>
    where
        Complex<R>: Element,
    {
        check::ger(x.len(), y.map_or(x.len(), |y| y.len()), (a.n(), a.n()))?;
        kc2::hpr2_packed(alpha, x, y, a);
        Ok(())
    }
}
