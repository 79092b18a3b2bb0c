//! Complex operations on the device: the kernels of `kernels/complex.cl`
//! launched on complex buffers (`re, im` interleaved, num_complex's layout,
//! OpenCL's `float2`/`double2`). Kept apart from the device trait family
//! (`device_complex.rs`) so that the launches, with their argument lists,
//! live in one place below the checked, public views.
//!
//! Views here count complex elements ([`CVec`], [`CMat`]): element `i` of a
//! vector is the component pair at `2*(off + i*inc)`. A matrix carries a
//! conjugation flag that goes to the kernel, so `A^H` is `A`'s transposed
//! strides plus the flag, never a conjugated copy. Callers check ownership,
//! shapes and bounds and take the quick returns before they get here (see
//! `device_complex.rs`).
//!
//! Reductions mirror the real ones in `ops.rs`: per-group partials in the
//! accumulator type (double where the device has it), added on the host in
//! group order, so results are the same from run to run; `nrm2` uses Blue's
//! scaled sums over the 2n components, as the real one does over n.

use oxpar_core::{Complex, DType, Result, Scalar};

use crate::builtins::{long, real, Arg, Builtins};
use crate::ops::{blue, blue_combine, iamax_better, ELEMENTWISE_GROUPS};
use crate::{DeviceScalar, OpenClBackend};

/// A complex vector in a complex buffer (see the module docs).
#[derive(Copy, Clone)]
pub(crate) struct CVec<'a> {
    /// The buffer; `None` only for an empty one.
    pub(crate) mem: Option<&'a ocl::core::Mem>,
    pub(crate) len: usize,
    pub(crate) off: usize,
    pub(crate) inc: isize,
}

/// A complex matrix in a complex buffer: element `(i, j)` at complex index
/// `off + i*rs + j*cs`, conjugated when `conj`.
#[derive(Copy, Clone)]
pub(crate) struct CMat<'a> {
    pub(crate) mem: Option<&'a ocl::core::Mem>,
    pub(crate) rows: usize,
    pub(crate) cols: usize,
    pub(crate) off: usize,
    pub(crate) rs: isize,
    pub(crate) cs: isize,
    pub(crate) conj: bool,
}

fn vargs<'a>(v: &CVec<'a>) -> [Arg<'a>; 3] {
    [Arg::Mem(v.mem), long(v.off), long(v.inc)]
}

fn flag(on: bool) -> Arg<'static> {
    Arg::Int(i32::from(on))
}

/// The two component arguments of a complex scalar.
fn cargs<R: DeviceScalar>(v: Complex<R>) -> [Arg<'static>; 2] {
    [real(v.re), real(v.im)]
}

impl OpenClBackend {
    /// Launches the complex element-wise kernel `name` over `n` items.
    fn c_launch(&self, b: &Builtins, name: &str, n: usize, args: &[Arg<'_>]) -> Result<()> {
        self.launch_1d(b, name, n, ELEMENTWISE_GROUPS, args)
    }

    /// `y := alpha*x + y`.
    pub(crate) fn c_axpy<R: DeviceScalar>(
        &self,
        alpha: Complex<R>,
        x: CVec<'_>,
        y: CVec<'_>,
    ) -> Result<()> {
        let b = self.complex_builtins::<R>()?;
        let [xm, xo, xs] = vargs(&x);
        let [ym, yo, ys] = vargs(&y);
        let [ar, ai] = cargs(alpha);
        self.c_launch(
            &b,
            "oxpar_caxpy",
            x.len,
            &[long(x.len), ar, ai, xm, xo, xs, ym, yo, ys],
        )
    }

    /// `x := alpha*x`; with `real_alpha`, each component times `alpha.re`.
    pub(crate) fn c_scal<R: DeviceScalar>(
        &self,
        alpha: Complex<R>,
        real_alpha: bool,
        x: CVec<'_>,
    ) -> Result<()> {
        let b = self.complex_builtins::<R>()?;
        let [xm, xo, xs] = vargs(&x);
        let [ar, ai] = cargs(alpha);
        self.c_launch(
            &b,
            "oxpar_cscal",
            x.len,
            &[long(x.len), ar, ai, flag(real_alpha), xm, xo, xs],
        )
    }

    /// `x := beta*x`, zeros without reading `x` when `beta == 0`.
    pub(crate) fn c_scale_beta<R: DeviceScalar>(
        &self,
        beta: Complex<R>,
        x: CVec<'_>,
    ) -> Result<()> {
        let b = self.complex_builtins::<R>()?;
        let [xm, xo, xs] = vargs(&x);
        let [br, bi] = cargs(beta);
        self.c_launch(
            &b,
            "oxpar_cscale_beta",
            x.len,
            &[long(x.len), br, bi, xm, xo, xs],
        )
    }

    /// `y := x` (`swap`: exchanges them).
    pub(crate) fn c_copy_or_swap<R: DeviceScalar>(
        &self,
        swap: bool,
        x: CVec<'_>,
        y: CVec<'_>,
    ) -> Result<()> {
        let b = self.complex_builtins::<R>()?;
        let [xm, xo, xs] = vargs(&x);
        let [ym, yo, ys] = vargs(&y);
        let name = if swap { "oxpar_cswap" } else { "oxpar_ccopy" };
        self.c_launch(&b, name, x.len, &[long(x.len), xm, xo, xs, ym, yo, ys])
    }

    /// Runs the reduction `name` (`args`, then the partials and local
    /// scratch) writing `per_group` accumulators per work-group, and returns
    /// their sums in group order, in f64.
    fn c_partials<R: DeviceScalar, const K: usize>(
        &self,
        b: &Builtins,
        name: &str,
        n: usize,
        args: Vec<Arg<'_>>,
    ) -> Result<[f64; K]> {
        // Shorten the arguments' lifetime to this call, to add the scratch.
        let mut args: Vec<Arg<'_>> = args;
        let (groups, wg) = Self::reduction_shape(b, name, n)?;
        let mut out = [0f64; K];
        if b.acc_f64() {
            let partial = self.scratch::<f64>(K * groups)?;
            args.push(Arg::Mem(Some(partial.as_core())));
            args.push(Arg::Local(wg * std::mem::size_of::<f64>()));
            b.run(&self.shared, name, &args, &[groups * wg], Some(&[wg]))?;
            for g in Self::read_back(&partial)?.chunks_exact(K) {
                for (o, v) in out.iter_mut().zip(g) {
                    *o += v;
                }
            }
        } else {
            let partial = self.scratch::<R>(K * groups)?;
            args.push(Arg::Mem(Some(partial.as_core())));
            args.push(Arg::Local(wg * std::mem::size_of::<R>()));
            b.run(&self.shared, name, &args, &[groups * wg], Some(&[wg]))?;
            // Added in R, as the kernels did: the result a device without
            // double precision gives, the same on every run.
            let mut acc = [R::zero(); K];
            for g in Self::read_back(&partial)?.chunks_exact(K) {
                for (o, &v) in acc.iter_mut().zip(g) {
                    *o += v;
                }
            }
            for (o, v) in out.iter_mut().zip(acc) {
                *o = v.as_f64();
            }
        }
        Ok(out)
    }

    /// `sum conj?(x_i)*y_i` (`dotc` with `conj`, else `dotu`).
    pub(crate) fn c_dot<R: DeviceScalar>(
        &self,
        conj: bool,
        x: CVec<'_>,
        y: CVec<'_>,
    ) -> Result<Complex<R>> {
        let b = self.complex_builtins::<R>()?;
        let [xm, xo, xs] = vargs(&x);
        let [ym, yo, ys] = vargs(&y);
        let n = x.len;
        let [re, im] = self.c_partials::<R, 2>(
            &b,
            "oxpar_cdot_partial",
            n,
            vec![long(n), flag(conj), xm, xo, xs, ym, yo, ys],
        )?;
        Ok(Complex::new(R::from_f64(re), R::from_f64(im)))
    }

    /// `sum x_i`.
    pub(crate) fn c_sum<R: DeviceScalar>(&self, x: CVec<'_>) -> Result<Complex<R>> {
        let b = self.complex_builtins::<R>()?;
        let [xm, xo, xs] = vargs(&x);
        let n = x.len;
        let [re, im] =
            self.c_partials::<R, 2>(&b, "oxpar_csum_partial", n, vec![long(n), xm, xo, xs])?;
        Ok(Complex::new(R::from_f64(re), R::from_f64(im)))
    }

    /// `sum |re x_i| + |im x_i|`.
    pub(crate) fn c_asum<R: DeviceScalar>(&self, x: CVec<'_>) -> Result<R> {
        let b = self.complex_builtins::<R>()?;
        let [xm, xo, xs] = vargs(&x);
        let n = x.len;
        let [s] =
            self.c_partials::<R, 1>(&b, "oxpar_casum_partial", n, vec![long(n), xm, xo, xs])?;
        Ok(R::from_f64(s))
    }

    /// The Euclidean norm: for `c32` on a device with double, the plain sum
    /// of squares in double (no f32 square overflows or vanishes there);
    /// else Blue's three scaled sums over the components, as the real nrm2.
    pub(crate) fn c_nrm2<R: DeviceScalar>(&self, x: CVec<'_>) -> Result<R> {
        let b = self.complex_builtins::<R>()?;
        let [xm, xo, xs] = vargs(&x);
        let n = x.len;
        if R::DTYPE == DType::F32 && b.acc_f64() {
            let [s] =
                self.c_partials::<R, 1>(&b, "oxpar_csumsq_partial", n, vec![long(n), xm, xo, xs])?;
            return Ok(R::from_f64(s.sqrt()));
        }
        let name = "oxpar_cnrm2_partial";
        let (groups, wg) = Self::reduction_shape(&b, name, n)?;
        let partial = self.scratch::<R>(3 * groups)?;
        let (tsml, tbig, ssml, sbig) = blue::<R>();
        b.run(
            &self.shared,
            name,
            &[
                long(n),
                xm,
                xo,
                xs,
                real(tsml),
                real(tbig),
                real(ssml),
                real(sbig),
                Arg::Mem(Some(partial.as_core())),
                Arg::Local(wg * std::mem::size_of::<R>()),
            ],
            &[groups * wg],
            Some(&[wg]),
        )?;
        let sums = Self::read_back(&partial)?
            .chunks_exact(3)
            .fold([R::zero(); 3], |acc, c| {
                [acc[0] + c[0], acc[1] + c[1], acc[2] + c[2]]
            });
        Ok(blue_combine(sums[0], sums[1], sums[2]))
    }

    /// The index of the first largest `|re| + |im|` (the first NaN wins).
    pub(crate) fn c_iamax<R: DeviceScalar>(&self, x: CVec<'_>) -> Result<Option<usize>> {
        let b = self.complex_builtins::<R>()?;
        let name = "oxpar_ciamax_partial";
        let n = x.len;
        let (groups, wg) = Self::reduction_shape(&b, name, n)?;
        let pval = self.scratch::<R>(groups)?;
        let pidx = self.scratch::<i64>(groups)?;
        let [xm, xo, xs] = vargs(&x);
        b.run(
            &self.shared,
            name,
            &[
                long(n),
                xm,
                xo,
                xs,
                Arg::Mem(Some(pval.as_core())),
                Arg::Mem(Some(pidx.as_core())),
                Arg::Local(wg * std::mem::size_of::<R>()),
                Arg::Local(wg * std::mem::size_of::<i64>()),
            ],
            &[groups * wg],
            Some(&[wg]),
        )?;
        let mut best: (R, Option<usize>) = (R::zero(), None);
        for (v, i) in Self::read_back(&pval)?
            .into_iter()
            .zip(Self::read_back(&pidx)?)
        {
            let i = usize::try_from(i).ok();
            if iamax_better(v, i, best.0, best.1) {
                best = (v, i);
            }
        }
        Ok(best.1)
    }

    /// `y := alpha*op(A)*x + beta*y` (`alpha != 0`, `A` at least 1 x 1;
    /// with `beta == 0`, `y` is not read).
    pub(crate) fn c_gemv<R: DeviceScalar>(
        &self,
        alpha: Complex<R>,
        a: CMat<'_>,
        x: CVec<'_>,
        beta: Complex<R>,
        y: CVec<'_>,
    ) -> Result<()> {
        let b = self.complex_builtins::<R>()?;
        let [xm, xo, xs] = vargs(&x);
        let [ym, yo, ys] = vargs(&y);
        let [ar, ai] = cargs(alpha);
        let [br, bi] = cargs(beta);
        self.c_launch(
            &b,
            "oxpar_cgemv",
            a.rows,
            &[
                long(a.rows),
                long(a.cols),
                ar,
                ai,
                Arg::Mem(a.mem),
                long(a.off),
                long(a.rs),
                long(a.cs),
                flag(a.conj),
                xm,
                xo,
                xs,
                br,
                bi,
                ym,
                yo,
                ys,
            ],
        )
    }

    /// `A := alpha*x*y^T + A`, or `alpha*x*y^H + A` with `conj_y`.
    pub(crate) fn c_ger<R: DeviceScalar>(
        &self,
        alpha: Complex<R>,
        x: CVec<'_>,
        y: CVec<'_>,
        conj_y: bool,
        a: CMat<'_>,
    ) -> Result<()> {
        let b = self.complex_builtins::<R>()?;
        let [xm, xo, xs] = vargs(&x);
        let [ym, yo, ys] = vargs(&y);
        let [ar, ai] = cargs(alpha);
        b.run(
            &self.shared,
            "oxpar_cger",
            &[
                long(a.rows),
                long(a.cols),
                ar,
                ai,
                xm,
                xo,
                xs,
                ym,
                yo,
                ys,
                flag(conj_y),
                Arg::Mem(a.mem),
                long(a.off),
                long(a.rs),
                long(a.cs),
            ],
            &[a.rows, a.cols],
            None,
        )
    }

    /// `C := beta*C` (zeros without reading `C` when `beta == 0`).
    pub(crate) fn c_scale_beta_mat<R: DeviceScalar>(
        &self,
        beta: Complex<R>,
        c: CMat<'_>,
    ) -> Result<()> {
        let b = self.complex_builtins::<R>()?;
        let [br, bi] = cargs(beta);
        b.run(
            &self.shared,
            "oxpar_cscale_beta_mat",
            &[
                long(c.rows),
                long(c.cols),
                br,
                bi,
                Arg::Mem(c.mem),
                long(c.off),
                long(c.rs),
                long(c.cs),
            ],
            &[c.rows, c.cols],
            None,
        )
    }

    /// `C := alpha*op(A)*op(B) + beta*C` with `alpha != 0` and an inner
    /// dimension of at least 1 (`C`'s flag is ignored: outputs are never
    /// conjugated). On CPU devices `oxpar_cgemm_cpu` (a block of C per
    /// work-item, vectorized along its rows); elsewhere the tiled kernel
    /// where the device runs it, else one work-item per element of C.
    pub(crate) fn c_gemm<R: DeviceScalar>(
        &self,
        alpha: Complex<R>,
        a: CMat<'_>,
        b: CMat<'_>,
        beta: Complex<R>,
        c: CMat<'_>,
    ) -> Result<()> {
        let kb = self.complex_builtins::<R>()?;
        let (m, k, n) = (a.rows, a.cols, b.cols);
        let [ar, ai] = cargs(alpha);
        let [br, bi] = cargs(beta);
        let args = [
            long(m),
            long(n),
            long(k),
            ar,
            ai,
            Arg::Mem(a.mem),
            long(a.off),
            long(a.rs),
            long(a.cs),
            flag(a.conj),
            Arg::Mem(b.mem),
            long(b.off),
            long(b.rs),
            long(b.cs),
            flag(b.conj),
            br,
            bi,
            Arg::Mem(c.mem),
            long(c.off),
            long(c.rs),
            long(c.cs),
        ];
        if let Some((rows, cols)) = kb.gemm_cpu_block() {
            return kb.run(
                &self.shared,
                "oxpar_cgemm_cpu",
                &args,
                &[m.div_ceil(rows), n.div_ceil(cols)],
                Some(&[1, 1]),
            );
        }
        match (kb.gemm_lx(), kb.gemm_tile()) {
            (Some(lx), Some(tile)) => kb.run(
                &self.shared,
                "oxpar_cgemm_tiled",
                &args,
                &[m.div_ceil(tile) * lx, n.div_ceil(tile) * lx],
                Some(&[lx, lx]),
            ),
            _ => kb.run(&self.shared, "oxpar_cgemm_simple", &args, &[m, n], None),
        }
    }
}

/// Whether a complex scalar is zero (both components).
pub(crate) fn is_zero<R: Scalar>(v: Complex<R>) -> bool {
    v.re == R::zero() && v.im == R::zero()
}

/// Whether a complex scalar is one.
pub(crate) fn is_one<R: Scalar>(v: Complex<R>) -> bool {
    v.re == R::one() && v.im == R::zero()
}
