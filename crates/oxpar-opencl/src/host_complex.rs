//! Complex elements on host memory: the host path of `host.rs` for
//! `Complex<f32>` and `Complex<f64>`, run by the complex kernels
//! (`complex_ops.rs`, `kernels/complex.cl`).
//!
//! Each call stages its operands in complex device buffers, a vector in
//! logical order, a matrix column by column or row by row (the order of its
//! smaller stride) with its *stored* elements: a conjugated view
//! ([`MatRef::h`](oxpar_core::MatRef::h)) travels as a flag to the kernel
//! (a conjugated [`DeviceMat`](crate::DeviceMat)), not as conjugated data.
//! Then the device trait family runs (`device_complex.rs`), and outputs are
//! copied back element by element; an output overwritten whole
//! (`beta == 0`) is not read.
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

use crate::complex_ops::{is_one, is_zero};
use crate::{
    DeviceBuffer, DeviceElement, DeviceLevel1, DeviceLevel2, DeviceLevel3, DeviceMat, DeviceScalar,
    MatLayout, OpenClBackend,
};

/// A packed device copy of `a` (see `host.rs`) and its view, conjugated
/// when `a` is: the mark becomes the kernel's flag.
fn view<'a, T: DeviceElement>(
    staged: &'a (DeviceBuffer<T>, MatLayout),
    a: &MatRef<'_, T>,
) -> Result<DeviceMat<'a, T>> {
    let v = staged.0.mat(staged.1)?;
    Ok(if a.is_conj() { v.conj() } else { v })
}

impl OpenClBackend {
    /// `x := alpha*x` with a real `alpha` (BLAS's `csscal`, `zdscal`): each
    /// component times `alpha`, so an infinite component stays infinite
    /// where the complex product with `alpha + 0i` would give NaN. On the
    /// device as the other complex operations (on the host for
    /// `Complex<f64>` where the device has no double precision).
    pub fn scal_real<R: DeviceScalar>(&self, alpha: R, mut x: VecMut<'_, Complex<R>>) -> Result<()>
    where
        Complex<R>: DeviceElement + Element<Real = R>,
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
        let mut dx = self.upload_vec(x.as_ref())?;
        self.scal_real_device(alpha, dx.as_vec_mut())?;
        Self::download_vec(&dx, x)
    }
}

impl<R: DeviceScalar> Level1<Complex<R>> for OpenClBackend
where
    Complex<R>: DeviceElement + Element<Real = R>,
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
        let dx = self.upload_vec(x)?;
        let mut dy = self.upload_vec(y.as_ref())?;
        DeviceLevel1::axpy(self, alpha, dx.as_vec(), dy.as_vec_mut())?;
        Self::download_vec(&dy, y)
    }
    fn scal(&self, alpha: Complex<R>, x: VecMut<'_, Complex<R>>) -> Result<()> {
        if !self.runs_complex::<R>() {
            return Serial.scal(alpha, x);
        }
        if x.is_empty() {
            return Ok(());
        }
        let mut dx = self.upload_vec(x.as_ref())?;
        DeviceLevel1::scal(self, alpha, dx.as_vec_mut())?;
        Self::download_vec(&dx, x)
    }
    fn copy(&self, x: VecRef<'_, Complex<R>>, y: VecMut<'_, Complex<R>>) -> Result<()> {
        if !self.runs_complex::<R>() {
            return Serial.copy(x, y);
        }
        check::same_len(x.len(), y.len())?;
        if x.is_empty() {
            return Ok(());
        }
        let dx = self.upload_vec(x)?;
        let mut dy = self.zeroed(y.len())?;
        DeviceLevel1::copy(self, dx.as_vec(), dy.as_vec_mut())?;
        Self::download_vec(&dy, y)
    }
    fn swap(&self, x: VecMut<'_, Complex<R>>, y: VecMut<'_, Complex<R>>) -> Result<()> {
        if !self.runs_complex::<R>() {
            return Serial.swap(x, y);
        }
        check::same_len(x.len(), y.len())?;
        if x.is_empty() {
            return Ok(());
        }
        let mut dx = self.upload_vec(x.as_ref())?;
        let mut dy = self.upload_vec(y.as_ref())?;
        DeviceLevel1::swap(self, dx.as_vec_mut(), dy.as_vec_mut())?;
        Self::download_vec(&dx, x)?;
        Self::download_vec(&dy, y)
    }
    fn dot(&self, x: VecRef<'_, Complex<R>>, y: VecRef<'_, Complex<R>>) -> Result<Complex<R>> {
        if !self.runs_complex::<R>() {
            return Serial.dot(x, y);
        }
        check::same_len(x.len(), y.len())?;
        if x.is_empty() {
            return Ok(Complex::new(R::zero(), R::zero()));
        }
        let (dx, dy) = (self.upload_vec(x)?, self.upload_vec(y)?);
        DeviceLevel1::dot(self, dx.as_vec(), dy.as_vec())
    }
    fn dotc(&self, x: VecRef<'_, Complex<R>>, y: VecRef<'_, Complex<R>>) -> Result<Complex<R>> {
        if !self.runs_complex::<R>() {
            return Serial.dotc(x, y);
        }
        check::same_len(x.len(), y.len())?;
        if x.is_empty() {
            return Ok(Complex::new(R::zero(), R::zero()));
        }
        let (dx, dy) = (self.upload_vec(x)?, self.upload_vec(y)?);
        DeviceLevel1::dotc(self, dx.as_vec(), dy.as_vec())
    }
    fn nrm2(&self, x: VecRef<'_, Complex<R>>) -> Result<R> {
        if !self.runs_complex::<R>() {
            return Serial.nrm2(x);
        }
        if x.is_empty() {
            return Ok(R::zero());
        }
        DeviceLevel1::nrm2(self, self.upload_vec(x)?.as_vec())
    }
    fn asum(&self, x: VecRef<'_, Complex<R>>) -> Result<R> {
        if !self.runs_complex::<R>() {
            return Serial.asum(x);
        }
        if x.is_empty() {
            return Ok(R::zero());
        }
        DeviceLevel1::asum(self, self.upload_vec(x)?.as_vec())
    }
    fn iamax(&self, x: VecRef<'_, Complex<R>>) -> Result<Option<usize>> {
        if !self.runs_complex::<R>() {
            return Serial.iamax(x);
        }
        if x.is_empty() {
            return Ok(None);
        }
        DeviceLevel1::iamax(self, self.upload_vec(x)?.as_vec())
    }
    /// An ordinary floating-point sum per component on the device: the
    /// same from run to run on one device, not correctly rounded (wrap the
    /// backend in [`Reproducible`](oxpar_core::repro::Reproducible) for
    /// that).
    fn sum(&self, x: VecRef<'_, Complex<R>>) -> Result<Complex<R>> {
        if !self.runs_complex::<R>() {
            return Serial.sum(x);
        }
        if x.is_empty() {
            return Ok(Complex::new(R::zero(), R::zero()));
        }
        DeviceLevel1::sum(self, self.upload_vec(x)?.as_vec())
    }
}

impl<R: DeviceScalar> Level2<Complex<R>> for OpenClBackend
where
    Complex<R>: DeviceElement + Element<Real = R>,
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
        let mut dy = if is_zero(beta) {
            self.zeroed(m)?
        } else {
            self.upload_vec(y.as_ref())?
        };
        if no_product {
            // A and x are not read: not even copied (an empty A stands in).
            let empty = self.zeroed::<Complex<R>>(0)?;
            let a0 = empty.mat(MatLayout::col_major(m, 0, m.max(1)))?;
            DeviceLevel2::gemv(self, alpha, a0, empty.as_vec(), beta, dy.as_vec_mut())?;
        } else {
            let sa = self.upload_mat(a)?;
            let dx = self.upload_vec(x)?;
            let av = view(&sa, &a)?;
            DeviceLevel2::gemv(self, alpha, av, dx.as_vec(), beta, dy.as_vec_mut())?;
        }
        Self::download_vec(&dy, y)
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

impl OpenClBackend {
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
        Complex<R>: DeviceElement + Element<Real = R>,
    {
        let (m, n) = (a.nrows(), a.ncols());
        check::ger(x.len(), y.len(), (m, n))?;
        if m == 0 || n == 0 || is_zero(alpha) {
            return Ok(());
        }
        let (dx, dy) = (self.upload_vec(x)?, self.upload_vec(y)?);
        let (mut da, al) = self.stage_out_mat(&a, true)?;
        let av = da.mat_mut(al)?;
        if conj_y {
            DeviceLevel2::gerc(self, alpha, dx.as_vec(), dy.as_vec(), av)?;
        } else {
            DeviceLevel2::ger(self, alpha, dx.as_vec(), dy.as_vec(), av)?;
        }
        Self::download_mat(&da, al, a)
    }
}

impl<R: DeviceScalar> Level3<Complex<R>> for OpenClBackend
where
    Complex<R>: DeviceElement + Element<Real = R>,
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
        let (mut dc, cl) = self.stage_out_mat(&c, !is_zero(beta))?;
        let cv = dc.mat_mut(cl)?;
        if no_product {
            // A and B are not read: an empty inner dimension stands in.
            let empty = self.zeroed::<Complex<R>>(0)?;
            let a0 = empty.mat(MatLayout::col_major(m, 0, m.max(1)))?;
            let b0 = empty.mat(MatLayout::col_major(0, n, 1))?;
            DeviceLevel3::gemm(self, alpha, a0, b0, beta, cv)?;
        } else {
            let (sa, sb) = (self.upload_mat(a)?, self.upload_mat(b)?);
            let (av, bv) = (view(&sa, &a)?, view(&sb, &b)?);
            DeviceLevel3::gemm(self, alpha, av, bv, beta, cv)?;
        }
        Self::download_mat(&dc, cl, c)
    }
}
