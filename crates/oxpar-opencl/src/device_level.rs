//! The trait family of operations on device buffers: oxpar-core's
//! [`Level1`], [`Level2`] and [`Level3`] with device views in place of host
//! views, the same method names and argument order, and the same semantics
//! (quick returns, which operands are not read, NaN handling, errors), stated
//! once in core and not repeated here. [`OpenClBackend`](crate::OpenClBackend)
//! implements them (see `ops.rs` for how each runs on the device).
//!
//! The backend also implements core's host traits, whose methods have the
//! same names: where both families are in scope, call through the trait
//! (`DeviceLevel1::dot(&cl, x, y)`, `Level1::dot(&cl, x, y)`).

use oxpar_core::exact::{ExactSum, Reduction};
use oxpar_core::Result;
#[cfg(doc)]
use oxpar_core::{Level1, Level2, Level3};

use crate::{DeviceElement, DeviceMat, DeviceMatMut, DeviceVec, DeviceVecMut};

/// Level 1 on device buffers: [`Level1`]'s operations. Every buffer must
/// belong to the backend called (else an
/// [`ErrorKind::InvalidArgument`](oxpar_core::ErrorKind) error naming it).
pub trait DeviceLevel1<T: DeviceElement> {
    /// [`Level1::axpy`]: `y := alpha*x + y`.
    fn axpy(&self, alpha: T, x: DeviceVec<'_, T>, y: DeviceVecMut<'_, T>) -> Result<()>;
    /// [`Level1::scal`]: `x := alpha*x`.
    fn scal(&self, alpha: T, x: DeviceVecMut<'_, T>) -> Result<()>;
    /// [`Level1::copy`]: `y := x`.
    fn copy(&self, x: DeviceVec<'_, T>, y: DeviceVecMut<'_, T>) -> Result<()>;
    /// [`Level1::swap`]: exchanges `x` and `y`.
    fn swap(&self, x: DeviceVecMut<'_, T>, y: DeviceVecMut<'_, T>) -> Result<()>;
    /// [`Level1::dot`]: `x . y` (for complex elements BLAS's `dotu`).
    fn dot(&self, x: DeviceVec<'_, T>, y: DeviceVec<'_, T>) -> Result<T>;
    /// [`Level1::dotc`]: `conj(x) . y`; [`dot`](Self::dot) for real elements.
    fn dotc(&self, x: DeviceVec<'_, T>, y: DeviceVec<'_, T>) -> Result<T>;
    /// [`Level1::nrm2`]: the Euclidean norm.
    fn nrm2(&self, x: DeviceVec<'_, T>) -> Result<T::Real>;
    /// [`Level1::asum`]: the sum of absolute values (`|re| + |im|` for
    /// complex elements).
    fn asum(&self, x: DeviceVec<'_, T>) -> Result<T::Real>;
    /// [`Level1::iamax`]: the 0-based index of the first element of largest
    /// absolute value (`|re| + |im|` for complex elements; the first NaN
    /// wins), `None` when empty.
    fn iamax(&self, x: DeviceVec<'_, T>) -> Result<Option<usize>>;
    /// [`Level1::sum`]: `sum x_i`.
    fn sum(&self, x: DeviceVec<'_, T>) -> Result<T>;
    /// [`Level1::reduce_exact`]: the reduction `what` into an exact
    /// accumulator, the same bit for bit as every backend's. `y` is needed
    /// for [`Reduction::Dot`] only (a missing one is an
    /// [`ErrorKind::InvalidArgument`](oxpar_core::ErrorKind) error naming
    /// it) and ignored otherwise. Real element types only: for complex ones
    /// an [`ErrorKind::Unsupported`](oxpar_core::ErrorKind) error, as a
    /// complex reduction needs an accumulator per component (see
    /// [`OpenClBackend::reduce_exact_complex`](crate::OpenClBackend::reduce_exact_complex)).
    fn reduce_exact(
        &self,
        what: Reduction,
        x: DeviceVec<'_, T>,
        y: Option<DeviceVec<'_, T>>,
    ) -> Result<ExactSum>;
}

/// Level 2 on device buffers: [`Level2`]'s general operations.
pub trait DeviceLevel2<T: DeviceElement> {
    /// [`Level2::gemv`]: `y := alpha*A*x + beta*y` (pass `a.t()` for `A^T`,
    /// `a.h()` for `A^H`).
    fn gemv(
        &self,
        alpha: T,
        a: DeviceMat<'_, T>,
        x: DeviceVec<'_, T>,
        beta: T,
        y: DeviceVecMut<'_, T>,
    ) -> Result<()>;
    /// [`Level2::ger`]: `A := alpha*x*y^T + A` (for complex elements
    /// BLAS's `geru`).
    fn ger(
        &self,
        alpha: T,
        x: DeviceVec<'_, T>,
        y: DeviceVec<'_, T>,
        a: DeviceMatMut<'_, T>,
    ) -> Result<()>;
    /// [`Level2::gerc`]: `A := alpha*x*y^H + A`; [`ger`](Self::ger) for real
    /// elements.
    fn gerc(
        &self,
        alpha: T,
        x: DeviceVec<'_, T>,
        y: DeviceVec<'_, T>,
        a: DeviceMatMut<'_, T>,
    ) -> Result<()>;
}

/// Level 3 on device buffers: [`Level3`]'s general product.
pub trait DeviceLevel3<T: DeviceElement> {
    /// [`Level3::gemm`]: `C := alpha*A*B + beta*C` (pass `a.t()`/`b.t()` for
    /// transposes, `a.h()`/`b.h()` for conjugate transposes).
    fn gemm(
        &self,
        alpha: T,
        a: DeviceMat<'_, T>,
        b: DeviceMat<'_, T>,
        beta: T,
        c: DeviceMatMut<'_, T>,
    ) -> Result<()>;
}
