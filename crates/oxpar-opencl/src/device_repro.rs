//! Reproducible mode on device buffers as a property of the backend object,
//! as [`Reproducible::switchable`](oxpar_core::repro::Reproducible::switchable)
//! is for the host routines: callers never branch on the mode.

use oxpar_core::exact::{round_to, sqrt_to, ExactSum, Reduction};
use oxpar_core::repro::ReproSwitch;
use oxpar_core::Result;

use crate::{
    DeviceLevel1, DeviceLevel2, DeviceLevel3, DeviceMat, DeviceMatMut, DeviceScalar, DeviceVec,
    DeviceVecMut, OpenClBackend,
};

/// An [`OpenClBackend`] whose `dot`, `nrm2`, `asum` and `sum` on device
/// buffers follow a [`ReproSwitch`]: while it is on they are computed
/// exactly on the device ([`DeviceLevel1::reduce_exact`]) and rounded once,
/// the same bits as every backend in reproducible mode; while it is off they
/// are the backend's ordinary reductions. Every other operation is the
/// backend's own.
#[derive(Clone, Debug)]
pub struct SwitchableDevice {
    inner: OpenClBackend,
    switch: ReproSwitch,
}

impl SwitchableDevice {
    /// `backend`, reproducible while `switch` is on.
    pub fn new(backend: OpenClBackend, switch: ReproSwitch) -> SwitchableDevice {
        SwitchableDevice {
            inner: backend,
            switch,
        }
    }

    /// The backend itself (buffers, programs, the queue).
    pub fn backend(&self) -> &OpenClBackend {
        &self.inner
    }

    /// Whether the reductions are reproducible now.
    pub fn is_reproducible(&self) -> bool {
        self.switch.get()
    }
}

impl<T: DeviceScalar> DeviceLevel1<T> for SwitchableDevice {
    fn axpy(&self, alpha: T, x: DeviceVec<'_, T>, y: DeviceVecMut<'_, T>) -> Result<()> {
        DeviceLevel1::axpy(&self.inner, alpha, x, y)
    }
    fn scal(&self, alpha: T, x: DeviceVecMut<'_, T>) -> Result<()> {
        DeviceLevel1::scal(&self.inner, alpha, x)
    }
    fn copy(&self, x: DeviceVec<'_, T>, y: DeviceVecMut<'_, T>) -> Result<()> {
        DeviceLevel1::copy(&self.inner, x, y)
    }
    fn swap(&self, x: DeviceVecMut<'_, T>, y: DeviceVecMut<'_, T>) -> Result<()> {
        DeviceLevel1::swap(&self.inner, x, y)
    }
    fn dot(&self, x: DeviceVec<'_, T>, y: DeviceVec<'_, T>) -> Result<T> {
        if self.is_reproducible() {
            let acc = DeviceLevel1::reduce_exact(&self.inner, Reduction::Dot, x, Some(y))?;
            return Ok(round_to(&acc));
        }
        DeviceLevel1::dot(&self.inner, x, y)
    }
    fn dotc(&self, x: DeviceVec<'_, T>, y: DeviceVec<'_, T>) -> Result<T> {
        DeviceLevel1::dot(self, x, y)
    }
    fn nrm2(&self, x: DeviceVec<'_, T>) -> Result<T> {
        if self.is_reproducible() {
            let acc = DeviceLevel1::<T>::reduce_exact(&self.inner, Reduction::SumSq, x, None)?;
            return Ok(sqrt_to(&acc));
        }
        DeviceLevel1::nrm2(&self.inner, x)
    }
    fn asum(&self, x: DeviceVec<'_, T>) -> Result<T> {
        if self.is_reproducible() {
            let acc = DeviceLevel1::<T>::reduce_exact(&self.inner, Reduction::Asum, x, None)?;
            return Ok(round_to(&acc));
        }
        DeviceLevel1::asum(&self.inner, x)
    }
    fn iamax(&self, x: DeviceVec<'_, T>) -> Result<Option<usize>> {
        DeviceLevel1::iamax(&self.inner, x)
    }
    fn sum(&self, x: DeviceVec<'_, T>) -> Result<T> {
        if self.is_reproducible() {
            let acc = DeviceLevel1::<T>::reduce_exact(&self.inner, Reduction::Sum, x, None)?;
            return Ok(round_to(&acc));
        }
        DeviceLevel1::sum(&self.inner, x)
    }
    fn reduce_exact(
        &self,
        what: Reduction,
        x: DeviceVec<'_, T>,
        y: Option<DeviceVec<'_, T>>,
    ) -> Result<ExactSum> {
        DeviceLevel1::reduce_exact(&self.inner, what, x, y)
    }
}

impl<T: DeviceScalar> DeviceLevel2<T> for SwitchableDevice {
    fn gemv(
        &self,
        alpha: T,
        a: DeviceMat<'_, T>,
        x: DeviceVec<'_, T>,
        beta: T,
        y: DeviceVecMut<'_, T>,
    ) -> Result<()> {
        DeviceLevel2::gemv(&self.inner, alpha, a, x, beta, y)
    }
    fn ger(
        &self,
        alpha: T,
        x: DeviceVec<'_, T>,
        y: DeviceVec<'_, T>,
        a: DeviceMatMut<'_, T>,
    ) -> Result<()> {
        DeviceLevel2::ger(&self.inner, alpha, x, y, a)
    }
    fn gerc(
        &self,
        alpha: T,
        x: DeviceVec<'_, T>,
        y: DeviceVec<'_, T>,
        a: DeviceMatMut<'_, T>,
    ) -> Result<()> {
        DeviceLevel2::ger(&self.inner, alpha, x, y, a)
    }
}

impl<T: DeviceScalar> DeviceLevel3<T> for SwitchableDevice {
    fn gemm(
        &self,
        alpha: T,
        a: DeviceMat<'_, T>,
        b: DeviceMat<'_, T>,
        beta: T,
        c: DeviceMatMut<'_, T>,
    ) -> Result<()> {
        DeviceLevel3::gemm(&self.inner, alpha, a, b, beta, c)
    }
}
