//! Complex elements on host memory: computed on the host by the serial
//! reference backend, not on the device (the built-in kernels are real
//! only for now). So an OpenCL context answers every complex call
//! correctly, as a [`oxpar_core::HostBackend`] must; device buffers of
//! complex elements do not exist ([`crate::DeviceScalar`] is real only), so
//! no complex call can reach the device by mistake.

use oxpar_core::{
    Complex, Element, Level1, Level2, Level3, MatMut, MatRef, Result, Scalar, Serial, VecMut,
    VecRef,
};

use crate::OpenClBackend;

impl<R: Scalar> Level1<Complex<R>> for OpenClBackend
where
    Complex<R>: Element<Real = R>,
{
    fn axpy(
        &self,
        alpha: Complex<R>,
        x: VecRef<'_, Complex<R>>,
        y: VecMut<'_, Complex<R>>,
    ) -> Result<()> {
        Serial.axpy(alpha, x, y)
    }
    fn scal(&self, alpha: Complex<R>, x: VecMut<'_, Complex<R>>) -> Result<()> {
        Serial.scal(alpha, x)
    }
    fn copy(&self, x: VecRef<'_, Complex<R>>, y: VecMut<'_, Complex<R>>) -> Result<()> {
        Serial.copy(x, y)
    }
    fn swap(&self, x: VecMut<'_, Complex<R>>, y: VecMut<'_, Complex<R>>) -> Result<()> {
        Serial.swap(x, y)
    }
    fn dot(&self, x: VecRef<'_, Complex<R>>, y: VecRef<'_, Complex<R>>) -> Result<Complex<R>> {
        Serial.dot(x, y)
    }
    fn dotc(&self, x: VecRef<'_, Complex<R>>, y: VecRef<'_, Complex<R>>) -> Result<Complex<R>> {
        Serial.dotc(x, y)
    }
    fn nrm2(&self, x: VecRef<'_, Complex<R>>) -> Result<R> {
        Serial.nrm2(x)
    }
    fn asum(&self, x: VecRef<'_, Complex<R>>) -> Result<R> {
        Serial.asum(x)
    }
    fn iamax(&self, x: VecRef<'_, Complex<R>>) -> Result<Option<usize>> {
        Serial.iamax(x)
    }
    fn sum(&self, x: VecRef<'_, Complex<R>>) -> Result<Complex<R>> {
        Serial.sum(x)
    }
}

impl<R: Scalar> Level2<Complex<R>> for OpenClBackend
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
        Serial.gemv(alpha, a, x, beta, y)
    }
    fn ger(
        &self,
        alpha: Complex<R>,
        x: VecRef<'_, Complex<R>>,
        y: VecRef<'_, Complex<R>>,
        a: MatMut<'_, Complex<R>>,
    ) -> Result<()> {
        Serial.ger(alpha, x, y, a)
    }
    fn gerc(
        &self,
        alpha: Complex<R>,
        x: VecRef<'_, Complex<R>>,
        y: VecRef<'_, Complex<R>>,
        a: MatMut<'_, Complex<R>>,
    ) -> Result<()> {
        Serial.gerc(alpha, x, y, a)
    }
}

impl<R: Scalar> Level3<Complex<R>> for OpenClBackend
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
        Serial.gemm(alpha, a, b, beta, c)
    }
}
