//! Complex elements on the threads backend.
//!
//! Level 1 is the SIMD kernels of `oxpar_kernels::complex_level1` split as
//! for reals (see `crate::complex_level1`); the reductions add the blocks'
//! f64 partial results in block order and round once. gemv, ger, gerc, her
//! and her2 are the SIMD kernels of `oxpar_kernels::complex_level2` split
//! as described in `crate::complex_level2` (a conjugated view read in
//! place). gemm is the `gemm` crate's complex
//! micro-kernels with conjugation flags ([`oxpar_kernels::complex`], which
//! copies one operand where exactly one is conjugated, the kernels' slow
//! case), split across the threads by the crate's rayon loops from the same
//! size as the real gemm (counting a complex multiply-add as four); the
//! structured level-2 operations, symm and hemm are the trait's blocked
//! defaults over these. syrk, syr2k, herk and her2k are the triangle-aware
//! packed macro-kernel of [`oxpar_kernels::complex_packed`] (each panel
//! packed once, only the micro-tiles the triangle reaches computed, herk's
//! conjugation applied while packing), on blocks of columns of equal area,
//! one per thread; where the CPU has no AVX-512 they fall back to a
//! recursion on gemm calls (off-diagonal blocks into `C`, diagonal blocks
//! of [`RANK_K_LEAF`] in full into a buffer). trmm and trsm are the
//! defaults' recursion with the row-vectorised kernels of
//! [`oxpar_kernels::complex_tri`] on diagonal blocks of [`TRI_LEAF`].
//!
//! Measured on one core against OpenBLAS (benches/level3_complex_interleaved.c,
//! CPU time, n = 1024, z and c): the rank-k updates were 0.8x to 0.95x by
//! block columns of gemm calls and stayed there with a recursion of gemm
//! calls (each call repacks its operands), 0.93x to 1.05x with the packed
//! kernel (her2k lowest, herk on `A^H` 1.03x to 1.19x; 0.94x to 1.04x at
//! n = 2048); trmm and trsm 0.75x to 0.95x with plain loops on leaves of 16
//! (a fifth of ztrsm's time), 1.0x to 1.26x with the row kernels on leaves
//! of 32 (0.95x to 1.06x at n = 2048).

use oxpar_core::backend::check;
use oxpar_core::blocked::{self, block_mut};
use oxpar_core::complex::{self as cx, narrow};
use oxpar_core::{hermitian, Diag, PackedMut, Side, Uplo};
use oxpar_core::{
    Complex, Element, Level1, Level2, Level3, MatMut, MatRef, Result, Scalar, VecMut, VecRef,
};
use oxpar_kernels::{complex as kc, complex_packed as kp, complex_tri as kt, Par};
use std::ops::Range;

use crate::split::SharedMatMut;
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

impl<R: Scalar> Level2<Complex<R>> for ThreadsBackend
where
    Complex<R>: Element<Real = R>,
{
    // The SIMD kernels on the team: see `crate::complex_level2`. hemv,
    // trmv and trsv are the trait's blocked defaults over this gemv.

    fn gemv(
        &self,
        alpha: Complex<R>,
        a: MatRef<'_, Complex<R>>,
        x: VecRef<'_, Complex<R>>,
        beta: Complex<R>,
        y: VecMut<'_, Complex<R>>,
    ) -> Result<()> {
        self.complex_gemv(alpha, a, x, beta, y)
    }

    fn ger(
        &self,
        alpha: Complex<R>,
        x: VecRef<'_, Complex<R>>,
        y: VecRef<'_, Complex<R>>,
        a: MatMut<'_, Complex<R>>,
    ) -> Result<()> {
        self.complex_ger(false, alpha, x, y, a)
    }

    fn gerc(
        &self,
        alpha: Complex<R>,
        x: VecRef<'_, Complex<R>>,
        y: VecRef<'_, Complex<R>>,
        a: MatMut<'_, Complex<R>>,
    ) -> Result<()> {
        self.complex_ger(true, alpha, x, y, a)
    }

    fn her(
        &self,
        uplo: Uplo,
        alpha: R,
        x: VecRef<'_, Complex<R>>,
        a: MatMut<'_, Complex<R>>,
    ) -> Result<()> {
        self.complex_her2(uplo, Complex::new(alpha, R::zero()), x, None, a)
    }

    fn her2(
        &self,
        uplo: Uplo,
        alpha: Complex<R>,
        x: VecRef<'_, Complex<R>>,
        y: VecRef<'_, Complex<R>>,
        a: MatMut<'_, Complex<R>>,
    ) -> Result<()> {
        self.complex_her2(uplo, alpha, x, Some(y), a)
    }

    fn trmv(
        &self,
        uplo: Uplo,
        diag: Diag,
        a: MatRef<'_, Complex<R>>,
        x: VecMut<'_, Complex<R>>,
    ) -> Result<()> {
        self.complex_tri(false, uplo, diag, a, x)
    }

    fn trsv(
        &self,
        uplo: Uplo,
        diag: Diag,
        a: MatRef<'_, Complex<R>>,
        x: VecMut<'_, Complex<R>>,
    ) -> Result<()> {
        self.complex_tri(true, uplo, diag, a, x)
    }

    fn hpr(&self, alpha: R, x: VecRef<'_, Complex<R>>, a: PackedMut<'_, Complex<R>>) -> Result<()> {
        self.complex_hpr2(Complex::new(alpha, R::zero()), x, None, a)
    }

    fn hpr2(
        &self,
        alpha: Complex<R>,
        x: VecRef<'_, Complex<R>>,
        y: VecRef<'_, Complex<R>>,
        a: PackedMut<'_, Complex<R>>,
    ) -> Result<()> {
        self.complex_hpr2(alpha, x, Some(y), a)
    }
}

/// Diagonal blocks of syrk, syr2k, herk and her2k up to this size are
/// computed in full into a buffer (the part of the work done twice); larger
/// ones are halved, the off-diagonal block one gemm (two for the rank-2k
/// updates) written into `C` directly.
pub const RANK_K_LEAF: usize = 128;

/// Diagonal blocks of trmm and trsm up to this size go to the row-vectorised
/// kernels of [`oxpar_kernels::complex_tri`]; larger ones are halved, with
/// a gemm for the off-diagonal block.
pub const TRI_LEAF: usize = 32;

/// Bounds of `parts` blocks of the columns `0..n` of a lower triangle with
/// about equal areas (column `j` has `n - j` elements), multiples of 8.
fn equal_area_bounds(n: usize, parts: usize) -> Vec<usize> {
    let mut bounds = vec![0];
    for p in 1..parts {
        let x = n as f64 * (1.0 - (1.0 - p as f64 / parts as f64).sqrt());
        let b = ((x / 8.0).round() as usize * 8).min(n);
        if b > *bounds.last().unwrap_or(&0) {
            bounds.push(b);
        }
    }
    if *bounds.last().unwrap_or(&0) < n {
        bounds.push(n);
    }
    bounds
}

/// A rank-k or rank-2k update as [`ThreadsBackend::rank_k_blocked`] runs it.
struct RankK<'a, R> {
    /// Hermitian (`op(X) = X^H`) or symmetric (`op(X) = X^T`).
    herm: bool,
    uplo: Uplo,
    alpha: Complex<R>,
    /// The second product's factor: `conj(alpha)` for her2k, else `alpha`.
    alpha2: Complex<R>,
    beta: Complex<R>,
    /// `A` and `B` (`B` is `A` for the rank-k updates): `op` of their rows
    /// is the right operand of each product.
    a: MatRef<'a, Complex<R>>,
    b: MatRef<'a, Complex<R>>,
    /// The same logical matrices as left operands, with the conjugation
    /// mark of the right operands they meet (`op(B)`, `op(A)`), so that
    /// no gemm has exactly one conjugated operand.
    a_l: MatRef<'a, Complex<R>>,
    b_l: MatRef<'a, Complex<R>>,
    /// Whether there is a second product (syr2k, her2k).
    two: bool,
}

impl<R: Scalar> RankK<'_, R>
where
    Complex<R>: Element<Real = R>,
{
    /// Rows `r` of `x`.
    fn rows<'x>(&self, x: MatRef<'x, Complex<R>>, r: &Range<usize>) -> MatRef<'x, Complex<R>> {
        x.submatrix(r.start, 0, r.len(), x.ncols())
    }

    /// `op(x)`.
    fn op<'x>(&self, x: MatRef<'x, Complex<R>>) -> MatRef<'x, Complex<R>> {
        if self.herm {
            x.h()
        } else {
            x.t()
        }
    }
}

impl ThreadsBackend {
    /// syrk (`herm == false`, `b == None`), syr2k, herk (`herm`, `b ==
    /// None`, `alpha` and `beta` real) and her2k (`beta` real) on the `uplo`
    /// triangle of `C`: recursive halving of `C`, each off-diagonal block
    /// one gemm (two for the rank-2k updates) of this backend into `C`,
    /// each diagonal block of up to [`RANK_K_LEAF`] one full product into a
    /// buffer ([`Self::rank_k_diagonal`]). For the Hermitian updates `A`
    /// (and `B`) is first copied once with the opposite conjugation mark
    /// (see [`RankK::a_l`]), instead of every gemm copying its part. The
    /// scaling-only cases (`alpha == 0` or `k == 0`) are the trait's
    /// defaults. Semantics as [`Level3::syr2k`] and [`Level3::her2k`].
    #[allow(clippy::too_many_arguments, reason = "the BLAS argument list")]
    fn rank_k_blocked<R: Scalar>(
        &self,
        herm: bool,
        uplo: Uplo,
        alpha: Complex<R>,
        a: MatRef<'_, Complex<R>>,
        b: Option<MatRef<'_, Complex<R>>>,
        beta: Complex<R>,
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
        if alpha == zero || k == 0 {
            return if herm {
                hermitian::her2k(self, uplo, alpha, a, b, beta.re, c)
            } else {
                blocked::syrk(
                    &|al, a, b, be, c| self.gemm(al, a, b, be, c),
                    &blocked::reference_syrk_leaf,
                    blocked::REFERENCE_LEAF,
                    uplo,
                    alpha,
                    a,
                    b,
                    beta,
                    c,
                )
            };
        }
        if let Some(kit) = kp::kit::<R>(oxpar_kernels::cpu_level()) {
            self.rank_k_packed(&kit, herm, uplo, alpha, a, b, beta, c);
            return Ok(());
        }
        let bb = b.unwrap_or(a);
        // The left operands with the right operands' marks: op flips the
        // mark for the Hermitian updates. Small updates keep the mismatch
        // (gemm handles it, and the copy would not pay).
        let flip = herm && n >= 16;
        let (fa, fb);
        let a_l = if flip {
            fa = kc::Flipped::of(a);
            fa.view()
        } else {
            a
        };
        let b_l = match b {
            Some(b) if flip => {
                fb = kc::Flipped::of(b);
                fb.view()
            }
            Some(b) => b,
            None => a_l,
        };
        let job = RankK {
            herm,
            uplo,
            alpha,
            alpha2: if herm { alpha.conj() } else { alpha },
            beta,
            a,
            b: bb,
            a_l,
            b_l,
            two: b.is_some(),
        };
        let mut w = Vec::new();
        self.rank_k_rec(&job, 0..n, c.rb_mut(), &mut w)
    }

    /// [`Self::rank_k_blocked`] on the packed triangle kernel of
    /// [`oxpar_kernels::complex_packed`] (`alpha != 0`, `k > 0`, shapes
    /// checked): on the calling thread or, for large calls, on blocks of
    /// columns of equal area (column `j` of the lower triangle has `n - j`
    /// elements for the lower triangle, `j + 1` for the upper one: the
    /// bounds are mirrored), one per thread. herk's `A*A^H` is `A` times
    /// `conj(A)^T`, the conjugated view packed as it is read.
    #[allow(clippy::too_many_arguments, reason = "the BLAS argument list")]
    fn rank_k_packed<R: Scalar>(
        &self,
        kit: &kp::Kit<Complex<R>>,
        herm: bool,
        uplo: Uplo,
        alpha: Complex<R>,
        a: MatRef<'_, Complex<R>>,
        b: Option<MatRef<'_, Complex<R>>>,
        beta: Complex<R>,
        c: MatMut<'_, Complex<R>>,
    ) where
        Complex<R>: Element<Real = R>,
    {
        let (n, k) = (c.nrows(), a.ncols());
        if n == 0 {
            return;
        }
        fn marked<T: Element>(herm: bool, x: MatRef<'_, T>) -> MatRef<'_, T> {
            if herm {
                x.conj()
            } else {
                x
            }
        }
        let right = |x| marked(herm, x);
        let alpha2 = if herm { alpha.conj() } else { alpha };
        // C += alpha*L*R^T (+ alpha2*L2*R2^T) on the lower triangle.
        let products: Vec<kp::Product<'_, R>> = match b {
            None => vec![(alpha, a, right(a))],
            Some(b) => vec![(alpha, a, right(b)), (alpha2, b, right(a))],
        };
        let work = (n * n / 2).saturating_mul(k).saturating_mul(4);
        let threads = self.inner.num_threads;
        let parts = if self.forked() || n < 64 * threads {
            1
        } else {
            self.parts(work, self.inner.thresholds.level3)
        };
        let mut bounds = equal_area_bounds(n, parts);
        if uplo == Uplo::Upper {
            bounds = bounds.iter().rev().map(|b| n - b).collect();
        }
        let cols = SharedMatMut::new(c);
        self.for_blocks(bounds.len() - 1, bounds.len() - 1, |r| {
            for p in r {
                let (j0, j1) = (bounds[p], bounds[p + 1]);
                // SAFETY: the ranges of `bounds` are disjoint column blocks.
                let block = unsafe { cols.cols_mut(j0..j1) };
                // The rows the triangle reaches in these columns (from the
                // diagonal down, or from the top to the diagonal), and the
                // operands' rows they span.
                let (rows, shape) = match uplo {
                    Uplo::Lower => (j0..n, kp::Shape { upper: false, d: 0 }),
                    Uplo::Upper => (0..j1, kp::Shape { upper: true, d: j0 }),
                };
                let mut part = block_mut(block, rows.clone(), 0..j1 - j0);
                let products: Vec<kp::Product<'_, R>> = products
                    .iter()
                    .map(|&(s, l, r)| {
                        let l = l.submatrix(rows.start, 0, rows.len(), k);
                        (s, l, r.submatrix(j0, 0, j1 - j0, k))
                    })
                    .collect();
                kp::rank_k_trapezoid(kit, shape, &products, beta, part.rb_mut());
                if herm {
                    // The diagonal of a Hermitian update is real.
                    for j in 0..j1 - j0 {
                        let i = j0 + j - rows.start;
                        let v = part.as_ref().get(i, j);
                        part.set(i, j, <Complex<R> as Element>::from_real(v.re));
                    }
                }
            }
        });
    }

    /// A leaf of trmm (`solve == false`) or trsm: the kernel of
    /// [`oxpar_kernels::complex_tri`] on the calling thread or, for wide
    /// `B`, on blocks of its columns, one per thread (the gemms of the
    /// recursion are parallel already; serial leaves would take a growing
    /// share of the time).
    fn tri_leaf<R: Scalar>(
        &self,
        solve: bool,
        uplo: Uplo,
        diag: Diag,
        alpha: Complex<R>,
        a: MatRef<'_, Complex<R>>,
        b: MatMut<'_, Complex<R>>,
    ) where
        Complex<R>: Element<Real = R>,
    {
        let (m, n) = (b.nrows(), b.ncols());
        let leaf = |b: MatMut<'_, Complex<R>>| {
            if solve {
                kt::trsm_block(uplo, diag, alpha, a, b)
            } else {
                kt::trmm_block(uplo, diag, alpha, a, b)
            }
        };
        let threads = self.inner.num_threads;
        let work = (m * m / 2).saturating_mul(n).saturating_mul(4);
        let parts = if self.forked() || n < 64 * threads {
            1
        } else {
            self.parts(work, self.inner.thresholds.level3)
        };
        if parts == 1 {
            leaf(b);
            return;
        }
        let cols = SharedMatMut::new(b);
        self.for_blocks(n, parts, |r| {
            // SAFETY: blocks of one region are disjoint column ranges.
            leaf(unsafe { cols.cols_mut(r) });
        });
    }

    /// The diagonal block `r x r` of `C` (`c` is all of `C`) and everything
    /// of the `uplo` triangle inside it: the off-diagonal block of its
    /// halves by gemm, then each half, down to [`RANK_K_LEAF`]. `w` is the
    /// buffer of the diagonal blocks.
    fn rank_k_rec<R: Scalar>(
        &self,
        job: &RankK<'_, R>,
        r: Range<usize>,
        mut c: MatMut<'_, Complex<R>>,
        w: &mut Vec<Complex<R>>,
    ) -> Result<()>
    where
        Complex<R>: Element<Real = R>,
    {
        if r.len() <= RANK_K_LEAF {
            return self.rank_k_diagonal(job, r, c, w);
        }
        let mid = r.start + blocked::split(r.len());
        let (r1, r2) = (r.start..mid, mid..r.end);
        // Lower: rows r2 x columns r1; upper: rows r1 x columns r2.
        let (rows, cols) = match job.uplo {
            Uplo::Lower => (r2.clone(), r1.clone()),
            Uplo::Upper => (r1.clone(), r2.clone()),
        };
        let block = block_mut(c.rb_mut(), rows.clone(), cols.clone());
        let rhs = job.op(job.rows(job.b, &cols));
        self.gemm(job.alpha, job.rows(job.a_l, &rows), rhs, job.beta, block)?;
        if job.two {
            let block = block_mut(c.rb_mut(), rows.clone(), cols.clone());
            let rhs = job.op(job.rows(job.a, &cols));
            let one = <Complex<R> as Element>::ONE;
            self.gemm(job.alpha2, job.rows(job.b_l, &rows), rhs, one, block)?;
        }
        self.rank_k_rec(job, r1, c.rb_mut(), w)?;
        self.rank_k_rec(job, r2, c, w)
    }

    /// A diagonal block `r x r` of [`Self::rank_k_rec`]: `W = A*op(B)` (or
    /// `A*op(A)`) by one gemm into the buffer `w`, then on the `uplo`
    /// triangle `C := alpha*W + alpha2*W^T + beta*C` (`W^T` only for the
    /// rank-2k updates, and conjugated for her2k); `C` is not read when
    /// `beta == 0`, and the Hermitian updates leave the diagonal real.
    fn rank_k_diagonal<R: Scalar>(
        &self,
        job: &RankK<'_, R>,
        r: Range<usize>,
        c: MatMut<'_, Complex<R>>,
        w: &mut Vec<Complex<R>>,
    ) -> Result<()>
    where
        Complex<R>: Element<Real = R>,
    {
        let zero = <Complex<R> as Element>::ZERO;
        let n = r.len();
        w.clear();
        w.resize(n * n, zero);
        let wv = MatMut::col_major(w, n, n, n.max(1))?;
        let rhs = job.op(job.rows(job.b, &r));
        self.gemm(
            <Complex<R> as Element>::ONE,
            job.rows(job.a_l, &r),
            rhs,
            zero,
            wv,
        )?;
        let mut c = block_mut(c, r.clone(), r);
        let (alpha, beta) = (job.alpha, job.beta);
        for j in 0..n {
            for i in 0..n {
                if !job.uplo.holds(i, j) {
                    continue;
                }
                let mut v = alpha * w[i + j * n];
                if job.two {
                    let t = w[j + i * n];
                    v += if job.herm {
                        job.alpha2 * t.conj()
                    } else {
                        alpha * t
                    };
                }
                if beta != zero {
                    v += beta * c.as_ref().get(i, j);
                }
                if job.herm && i == j {
                    v = <Complex<R> as Element>::from_real(v.re);
                }
                c.set(i, j, v);
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
        let beta = <Complex<R> as Element>::from_real(beta);
        self.rank_k_blocked(true, uplo, alpha, a, None, beta, c)
    }

    fn syrk(
        &self,
        uplo: Uplo,
        alpha: Complex<R>,
        a: MatRef<'_, Complex<R>>,
        beta: Complex<R>,
        c: MatMut<'_, Complex<R>>,
    ) -> Result<()> {
        self.rank_k_blocked(false, uplo, alpha, a, None, beta, c)
    }

    fn syr2k(
        &self,
        uplo: Uplo,
        alpha: Complex<R>,
        a: MatRef<'_, Complex<R>>,
        b: MatRef<'_, Complex<R>>,
        beta: Complex<R>,
        c: MatMut<'_, Complex<R>>,
    ) -> Result<()> {
        self.rank_k_blocked(false, uplo, alpha, a, Some(b), beta, c)
    }

    fn trmm(
        &self,
        side: Side,
        uplo: Uplo,
        diag: Diag,
        alpha: Complex<R>,
        a: MatRef<'_, Complex<R>>,
        b: MatMut<'_, Complex<R>>,
    ) -> Result<()> {
        check::tri_side(side, (a.nrows(), a.ncols()), (b.nrows(), b.ncols()))?;
        let (uplo, a, b) = blocked::left_form(side, uplo, a, b);
        blocked::trmm_left(
            &|al, a, b, be, c| self.gemm(al, a, b, be, c),
            &|u, d, al, a, b| self.tri_leaf(false, u, d, al, a, b),
            TRI_LEAF,
            uplo,
            diag,
            alpha,
            a,
            b,
        )
    }

    fn trsm(
        &self,
        side: Side,
        uplo: Uplo,
        diag: Diag,
        alpha: Complex<R>,
        a: MatRef<'_, Complex<R>>,
        b: MatMut<'_, Complex<R>>,
    ) -> Result<()> {
        check::tri_side(side, (a.nrows(), a.ncols()), (b.nrows(), b.ncols()))?;
        let (uplo, a, b) = blocked::left_form(side, uplo, a, b);
        blocked::trsm_left(
            &|al, a, b, be, c| self.gemm(al, a, b, be, c),
            &|u, d, al, a, b| self.tri_leaf(true, u, d, al, a, b),
            TRI_LEAF,
            uplo,
            diag,
            alpha,
            a,
            b,
        )
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
        let beta = <Complex<R> as Element>::from_real(beta);
        self.rank_k_blocked(true, uplo, alpha, a, Some(b), beta, c)
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
