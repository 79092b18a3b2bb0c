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
//! trmv and trsv on a column-major `A` go by block columns, so that the
//! gemv of each strip runs down long contiguous columns (the trait's
//! default goes by block rows, short strided columns there: 0.45x OpenBLAS
//! for ztrmv at n = 2000, one thread); the blocked default of hemv is built
//! on this gemv (and so on the same kernels).

use std::ops::Range;

use oxpar_core::backend::check;
use oxpar_core::{blocked, reference, Diag};
use oxpar_core::{
    Complex, Element, MatMut, MatRef, PackedMut, Result, Scalar, Uplo, VecMut, VecRef,
};
use oxpar_kernels::complex_level2 as kc2;

use crate::split::{SharedMatMut, SharedVecMut};
use crate::ThreadsBackend;

/// Block columns of [`ThreadsBackend::complex_tri`] (trmv and trsv on a
/// column-major `A`): the diagonal blocks go through the reference's loops.
pub const TRI_BLOCK: usize = 32;

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

    /// trmv (`solve == false`) or trsv in place, `A` triangular in its
    /// `uplo` triangle (semantics of `Level2::trmv` and `Level2::trsv`).
    /// A column-major `A` goes by block columns of [`TRI_BLOCK`]: the
    /// diagonal block by the reference's loops, the strip below (lower) or
    /// above (upper) it by one gemv on long contiguous columns. Any other
    /// layout takes the trait's blocked default, whose strips are block rows
    /// (contiguous when the view is a transpose of column-major storage).
    pub(crate) fn complex_tri<R: Scalar>(
        &self,
        solve: bool,
        uplo: Uplo,
        diag: Diag,
        a: MatRef<'_, Complex<R>>,
        mut x: VecMut<'_, Complex<R>>,
    ) -> Result<()>
    where
        Complex<R>: Element<Real = R>,
    {
        if a.rs() != 1 {
            return if solve {
                blocked::trsv(self, uplo, diag, a, x)
            } else {
                blocked::trmv(self, uplo, diag, a, x)
            };
        }
        check::square("A", (a.nrows(), a.ncols()))?;
        check::gemv((a.nrows(), a.ncols()), x.len(), x.len())?;
        let n = x.len();
        let one = Complex::new(R::one(), R::zero());
        // trmv (lower: right to left; upper: left to right): the strip
        // takes the block's x before the diagonal block overwrites it.
        // trsv (lower: left to right; upper: right to left): the diagonal
        // block is solved first, then the strip subtracts its share.
        let forward = (uplo == Uplo::Upper) != solve;
        let order: Vec<Range<usize>> = if forward {
            blocked::blocks(n, TRI_BLOCK).collect()
        } else {
            blocked::blocks(n, TRI_BLOCK).rev().collect()
        };
        for r in order {
            let strip = match uplo {
                Uplo::Upper => 0..r.start,
                Uplo::Lower => r.end..n,
            };
            let d = a.submatrix(r.start, r.start, r.len(), r.len());
            if solve {
                reference::trsv(uplo, diag, d, blocked::sub_mut(x.rb_mut(), r.clone()));
            }
            if !strip.is_empty() {
                let a_s = a.submatrix(strip.start, r.start, strip.len(), r.len());
                let (xr, xs) = blocked::split_pair(x.rb_mut(), r.clone(), strip);
                let alpha = if solve { -one } else { one };
                self.complex_gemv(alpha, a_s, xr.as_ref(), one, xs)?;
            }
            if !solve {
                reference::trmv(uplo, diag, d, blocked::sub_mut(x.rb_mut(), r));
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use oxpar_core::{Complex64 as C, Level2, Serial};

    use super::*;

    fn data(n: usize, seed: u64) -> Vec<C> {
        let mut s = seed | 1;
        let mut next = move || {
            s = s
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            ((s >> 11) as f64 / (1u64 << 53) as f64) - 0.5
        };
        (0..n).map(|_| C::new(next(), next())).collect()
    }

    /// trmv and trsv around and across the block size, every triangle,
    /// diagonal and view (column-major, conjugated, transposed,
    /// conjugate-transposed), on one and two threads, against the serial
    /// backend's loops; the triangle not held is NaN (never read).
    #[test]
    fn triangular_matches_the_serial_backend() {
        let nb = TRI_BLOCK;
        for threads in [1, 2] {
            let tb =
                ThreadsBackend::with_config(threads, crate::Thresholds::always_parallel()).unwrap();
            for n in [1, nb - 1, nb, nb + 1, 2 * nb + 3, 150] {
                let ld = n + 1;
                let mut store = data(ld * n, 1);
                // A dominant diagonal, so the solves are well conditioned.
                for i in 0..n {
                    store[i + i * ld] += C::new(n as f64, 0.0);
                }
                let x0 = data(n, 2);
                for uplo in [Uplo::Upper, Uplo::Lower] {
                    for diag in [Diag::NonUnit, Diag::Unit] {
                        let mut s = store.clone();
                        for j in 0..n {
                            for i in 0..n {
                                let off = !uplo.holds(i, j) || (i == j && diag == Diag::Unit);
                                if off {
                                    s[i + j * ld] = C::new(f64::NAN, f64::NAN);
                                }
                            }
                        }
                        let base = MatRef::col_major(&s, n, n, ld).unwrap();
                        let views = [
                            (base, uplo),
                            (base.conj(), uplo),
                            (base.t(), uplo.flip()),
                            (base.h(), uplo.flip()),
                        ];
                        for (a, u) in views {
                            for solve in [false, true] {
                                let mut got = x0.clone();
                                let mut want = x0.clone();
                                let (g, w) =
                                    (VecMut::from_slice(&mut got), VecMut::from_slice(&mut want));
                                if solve {
                                    tb.trsv(u, diag, a, g).unwrap();
                                    Serial.trsv(u, diag, a, w).unwrap();
                                } else {
                                    tb.trmv(u, diag, a, g).unwrap();
                                    Serial.trmv(u, diag, a, w).unwrap();
                                }
                                for i in 0..n {
                                    assert!(
                                        (got[i] - want[i]).norm() <= 1e-12 * n as f64 * (want[i].norm() + 1.0),
                                        "threads={threads} n={n} {u:?} {diag:?} rs={} conj={} solve={solve} i={i}: {} vs {}",
                                        a.rs(),
                                        a.is_conj(),
                                        got[i],
                                        want[i]
                                    );
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
