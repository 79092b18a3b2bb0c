//! Complex elements on host memory: the host path of `host.rs` for
//! `Complex<f32>` and `Complex<f64>`, run by the complex kernels
//! (`complex_ops.rs`, `kernels/complex.cl`).
//!
//! Each call stages its operands as buffers of components (`re, im`
//! interleaved), a vector in logical order, a matrix column by column or row
//! by row (the order of its smaller stride) with its *stored* elements: a
//! conjugated view ([`MatRef::h`](oxpar_core::MatRef::h)) travels as a flag
//! to the kernel, not as conjugated data. Outputs are copied back element by
//! element; an output overwritten whole (`beta == 0`) is not read.
//!
//! `gemv`, `ger`, `gerc` and `gemm` run on the device, and with them core's
//! default `hemv`, `her`, `her2`, `trmv`, `trsv`, `symm`/`hemm`,
//! `syrk`/`herk`, `syr2k`/`her2k`, `trmm` and `trsm`, which are built on
//! those (blocked, see `oxpar_core::blocked` and `oxpar_core::hermitian`).
//!
//! The one fallback: `Complex<f64>` on a device without double precision
//! (`cl_khr_fp64`) is computed on the host by the serial backend, so the
//! backend still answers every call of a
//! [`HostBackend`](oxpar_core::HostBackend).

use oxpar_core::backend::check;
use oxpar_core::{
    Complex, Element, Level1, Level2, Level3, MatMut, MatRef, Result, Serial, VecMut, VecRef,
};

use crate::complex_ops::{is_one, is_zero, CMat, CVec};
use crate::{DeviceBuffer, DeviceScalar, OpenClBackend};

/// Components of `values`, interleaved.
fn components<R: DeviceScalar>(values: impl Iterator<Item = Complex<R>>) -> Vec<R> {
    values.flat_map(|c| [c.re, c.im]).collect()
}

/// A staged matrix: its buffer of components and whether it is packed
/// column by column.
struct Staged<R: DeviceScalar> {
    buf: DeviceBuffer<R>,
    rows: usize,
    cols: usize,
    col_major: bool,
    conj: bool,
}

impl<R: DeviceScalar> Staged<R> {
    fn view(&self) -> CMat<'_> {
        let (rs, cs) = if self.col_major {
            (1, self.rows as isize)
        } else {
            (self.cols as isize, 1)
        };
        CMat {
            mem: self.buf.mem(),
            rows: self.rows,
            cols: self.cols,
            off: 0,
            rs,
            cs,
            conj: self.conj,
        }
    }
}

fn cvec<R: DeviceScalar>(buf: &DeviceBuffer<R>) -> CVec<'_> {
    CVec {
        mem: buf.mem(),
        len: buf.len() / 2,
        off: 0,
        inc: 1,
    }
}

impl OpenClBackend {
    fn upload_cvec<R: DeviceScalar>(&self, x: VecRef<'_, Complex<R>>) -> Result<DeviceBuffer<R>>
    where
        Complex<R>: Element<Real = R>,
    {
        self.upload(&components(x.iter()))
    }

    fn download_cvec<R: DeviceScalar>(
        buf: &DeviceBuffer<R>,
        mut y: VecMut<'_, Complex<R>>,
    ) -> Result<()>
    where
        Complex<R>: Element<Real = R>,
    {
        for (i, c) in buf.to_vec()?.chunks_exact(2).enumerate() {
            y.set(i, Complex::new(c[0], c[1]));
        }
        Ok(())
    }

    /// `a`'s stored elements (its conjugation mark kept as a flag), or zeros
    /// when `!read`.
    fn stage_cmat<R: DeviceScalar>(
        &self,
        a: MatRef<'_, Complex<R>>,
        read: bool,
    ) -> Result<Staged<R>>
    where
        Complex<R>: Element<Real = R>,
    {
        let (rows, cols) = (a.nrows(), a.ncols());
        let col_major = a.rs().unsigned_abs() <= a.cs().unsigned_abs();
        let buf = if !read {
            self.zeroed(2 * rows * cols)?
        } else if col_major {
            self.upload(&components(
                (0..cols).flat_map(|j| a.col(j).iter().collect::<Vec<_>>()),
            ))?
        } else {
            self.upload(&components(
                (0..rows).flat_map(|i| a.row(i).iter().collect::<Vec<_>>()),
            ))?
        };
        Ok(Staged {
            buf,
            rows,
            cols,
            col_major,
            conj: a.is_conj(),
        })
    }

    fn download_cmat<R: DeviceScalar>(s: &Staged<R>, mut c: MatMut<'_, Complex<R>>) -> Result<()>
    where
        Complex<R>: Element<Real = R>,
    {
        let v = s.buf.to_vec()?;
        let at = |p: usize| Complex::new(v[2 * p], v[2 * p + 1]);
        for j in 0..s.cols {
            for i in 0..s.rows {
                let p = if s.col_major {
                    i + j * s.rows
                } else {
                    i * s.cols + j
                };
                c.set(i, j, at(p));
            }
        }
        Ok(())
    }

    /// `x := alpha*x` with a real `alpha` (BLAS's `csscal`, `zdscal`): each
    /// component times `alpha`, so an infinite component stays infinite
    /// where the complex product with `alpha + 0i` would give NaN. On the
    /// device as the other complex operations (on the host for
    /// `Complex<f64>` where the device has no double precision).
    pub fn scal_real<R: DeviceScalar>(&self, alpha: R, mut x: VecMut<'_, Complex<R>>) -> Result<()>
    where
        Complex<R>: Element<Real = R>,
    {
        if x.is_empty() {
            return Ok(());
        }
        if !self.runs_complex::<R>() {
            for i in 0..x.len() {
                let v = x.as_ref().get(i);
                x.set(i, Complex::new(alpha * v.re, alpha * v.im));
            }
            return Ok(());
        }
        let dx = self.upload_cvec(x.as_ref())?;
        self.c_scal(Complex::new(alpha, R::zero()), true, cvec(&dx))?;
        Self::download_cvec(&dx, x)
    }

    /// `dot` (`conj == false`) or `dotc` on the device.
    fn host_cdot<R: DeviceScalar>(
        &self,
        conj: bool,
        x: VecRef<'_, Complex<R>>,
        y: VecRef<'_, Complex<R>>,
    ) -> Result<Complex<R>>
    where
        Complex<R>: Element<Real = R>,
    {
        check::same_len(x.len(), y.len())?;
        if x.is_empty() {
            return Ok(Complex::new(R::zero(), R::zero()));
        }
        let (dx, dy) = (self.upload_cvec(x)?, self.upload_cvec(y)?);
        self.c_dot(conj, cvec(&dx), cvec(&dy))
    }

    /// `ger` (`conj_y == false`) or `gerc` on the device.
    fn host_cger<R: DeviceScalar>(
        &self,
        alpha: Complex<R>,
        x: VecRef<'_, Complex<R>>,
        y: VecRef<'_, Complex<R>>,
        conj_y: bool,
        a: MatMut<'_, Complex<R>>,
    ) -> Result<()>
    where
        Complex<R>: Element<Real = R>,
    {
        let (m, n) = (a.nrows(), a.ncols());
        check::ger(x.len(), y.len(), (m, n))?;
        if m == 0 || n == 0 || is_zero(alpha) {
            return Ok(());
        }
        let (dx, dy) = (self.upload_cvec(x)?, self.upload_cvec(y)?);
        let s = self.stage_cmat(a.as_ref(), true)?;
        self.c_ger(alpha, cvec(&dx), cvec(&dy), conj_y, s.view())?;
        Self::download_cmat(&s, a)
    }
}

impl<R: DeviceScalar> Level1<Complex<R>> for OpenClBackend
where
    Complex<R>: Element<Real = R>,
{
    fn axpy(
        &self,
        alpha: Complex<R>,
        x: VecRef<'_, Complex<R>>,
        y: VecMut<'_, Complex<R>>,
    ) -> Result<()> {
        if !self.runs_complex::<R>() {
            return Serial.axpy(alpha, x, y);
        }
        check::same_len(x.len(), y.len())?;
        if x.is_empty() || is_zero(alpha) {
            return Ok(());
        }
        let dx = self.upload_cvec(x)?;
        let dy = self.upload_cvec(y.as_ref())?;
        self.c_axpy(alpha, cvec(&dx), cvec(&dy))?;
        Self::download_cvec(&dy, y)
    }
    fn scal(&self, alpha: Complex<R>, x: VecMut<'_, Complex<R>>) -> Result<()> {
        if !self.runs_complex::<R>() {
            return Serial.scal(alpha, x);
        }
        if x.is_empty() {
            return Ok(());
        }
        let dx = self.upload_cvec(x.as_ref())?;
        self.c_scal(alpha, false, cvec(&dx))?;
        Self::download_cvec(&dx, x)
    }
    fn copy(&self, x: VecRef<'_, Complex<R>>, y: VecMut<'_, Complex<R>>) -> Result<()> {
        if !self.runs_complex::<R>() {
            return Serial.copy(x, y);
        }
        check::same_len(x.len(), y.len())?;
        if x.is_empty() {
            return Ok(());
        }
        let dx = self.upload_cvec(x)?;
        let dy = self.zeroed::<R>(2 * y.len())?;
        self.c_copy_or_swap::<R>(false, cvec(&dx), cvec(&dy))?;
        Self::download_cvec(&dy, y)
    }
    fn swap(&self, x: VecMut<'_, Complex<R>>, y: VecMut<'_, Complex<R>>) -> Result<()> {
        if !self.runs_complex::<R>() {
            return Serial.swap(x, y);
        }
        check::same_len(x.len(), y.len())?;
        if x.is_empty() {
            return Ok(());
        }
        let dx = self.upload_cvec(x.as_ref())?;
        let dy = self.upload_cvec(y.as_ref())?;
        self.c_copy_or_swap::<R>(true, cvec(&dx), cvec(&dy))?;
        Self::download_cvec(&dx, x)?;
        Self::download_cvec(&dy, y)
    }
    fn dot(&self, x: VecRef<'_, Complex<R>>, y: VecRef<'_, Complex<R>>) -> Result<Complex<R>> {
        if !self.runs_complex::<R>() {
            return Serial.dot(x, y);
        }
        self.host_cdot(false, x, y)
    }
    fn dotc(&self, x: VecRef<'_, Complex<R>>, y: VecRef<'_, Complex<R>>) -> Result<Complex<R>> {
        if !self.runs_complex::<R>() {
            return Serial.dotc(x, y);
        }
        self.host_cdot(true, x, y)
    }
    fn nrm2(&self, x: VecRef<'_, Complex<R>>) -> Result<R> {
        if !self.runs_complex::<R>() {
            return Serial.nrm2(x);
        }
        if x.is_empty() {
            return Ok(R::zero());
        }
        self.c_nrm2(cvec(&self.upload_cvec(x)?))
    }
    fn asum(&self, x: VecRef<'_, Complex<R>>) -> Result<R> {
        if !self.runs_complex::<R>() {
            return Serial.asum(x);
        }
        if x.is_empty() {
            return Ok(R::zero());
        }
        self.c_asum(cvec(&self.upload_cvec(x)?))
    }
    fn iamax(&self, x: VecRef<'_, Complex<R>>) -> Result<Option<usize>> {
        if !self.runs_complex::<R>() {
            return Serial.iamax(x);
        }
        if x.is_empty() {
            return Ok(None);
        }
        self.c_iamax::<R>(cvec(&self.upload_cvec(x)?))
    }
    /// An ordinary floating-point sum per component on the device: the
    /// same from run to run on one device, not correctly rounded.
    fn sum(&self, x: VecRef<'_, Complex<R>>) -> Result<Complex<R>> {
        if !self.runs_complex::<R>() {
            return Serial.sum(x);
        }
        if x.is_empty() {
            return Ok(Complex::new(R::zero(), R::zero()));
        }
        self.c_sum(cvec(&self.upload_cvec(x)?))
    }
}

impl<R: DeviceScalar> Level2<Complex<R>> for OpenClBackend
where
    Complex<R>: Element<Real = R>,
{
    /// On the device; `A^H` (a conjugated view) as a flag to the kernel.
    fn gemv(
        &self,
        alpha: Complex<R>,
        a: MatRef<'_, Complex<R>>,
        x: VecRef<'_, Complex<R>>,
        beta: Complex<R>,
        y: VecMut<'_, Complex<R>>,
    ) -> Result<()> {
        if !self.runs_complex::<R>() {
            return Serial.gemv(alpha, a, x, beta, y);
        }
        let (m, n) = (a.nrows(), a.ncols());
        check::gemv((m, n), x.len(), y.len())?;
        let no_product = is_zero(alpha) || n == 0;
        if m == 0 || (no_product && is_one(beta)) {
            return Ok(());
        }
        let dy = if is_zero(beta) {
            self.zeroed::<R>(2 * m)?
        } else {
            self.upload_cvec(y.as_ref())?
        };
        if no_product {
            // A and x are not read: not even copied.
            self.c_scale_beta(beta, cvec(&dy))?;
        } else {
            let s = self.stage_cmat(a, true)?;
            let dx = self.upload_cvec(x)?;
            self.c_gemv(alpha, s.view(), cvec(&dx), beta, cvec(&dy))?;
        }
        Self::download_cvec(&dy, y)
    }
    fn ger(
        &self,
        alpha: Complex<R>,
        x: VecRef<'_, Complex<R>>,
        y: VecRef<'_, Complex<R>>,
        a: MatMut<'_, Complex<R>>,
    ) -> Result<()> {
        if !self.runs_complex::<R>() {
            return Serial.ger(alpha, x, y, a);
        }
        self.host_cger(alpha, x, y, false, a)
    }
    fn gerc(
        &self,
        alpha: Complex<R>,
        x: VecRef<'_, Complex<R>>,
        y: VecRef<'_, Complex<R>>,
        a: MatMut<'_, Complex<R>>,
    ) -> Result<()> {
        if !self.runs_complex::<R>() {
            return Serial.gerc(alpha, x, y, a);
        }
        self.host_cger(alpha, x, y, true, a)
    }
}

impl<R: DeviceScalar> Level3<Complex<R>> for OpenClBackend
where
    Complex<R>: Element<Real = R>,
{
    /// On the device, with `N`, `T` or `C` on each operand (transposes as
    /// strides, conjugation as a flag to the kernel).
    fn gemm(
        &self,
        alpha: Complex<R>,
        a: MatRef<'_, Complex<R>>,
        b: MatRef<'_, Complex<R>>,
        beta: Complex<R>,
        c: MatMut<'_, Complex<R>>,
    ) -> Result<()> {
        if !self.runs_complex::<R>() {
            return Serial.gemm(alpha, a, b, beta, c);
        }
        let (m, k, n) = (a.nrows(), a.ncols(), b.ncols());
        check::gemm((m, k), (b.nrows(), n), (c.nrows(), c.ncols()))?;
        let no_product = is_zero(alpha) || k == 0;
        if m == 0 || n == 0 || (no_product && is_one(beta)) {
            return Ok(());
        }
        let sc = self.stage_cmat(c.as_ref(), !is_zero(beta))?;
        if no_product {
            // A and B are not read: not even copied.
            self.c_scale_beta_mat(beta, sc.view())?;
        } else {
            let sa = self.stage_cmat(a, true)?;
            let sb = self.stage_cmat(b, true)?;
            self.c_gemm(alpha, sa.view(), sb.view(), beta, sc.view())?;
        }
        Self::download_cmat(&sc, c)
    }
}
