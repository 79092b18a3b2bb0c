//! The real element types' side of [`MpiElement`]: a rank's wide partial
//! results come from the local backend's `reduce_wide`, which accumulates
//! in `f64` without rounding to `f32`, so that `f32` data is summed in `f64`
//! end to end across ranks and rounded once. (The complex side is in
//! `complex.rs`.)

use oxpar_core::backend::check;
use oxpar_core::exact::Reduction;
use oxpar_core::{DType, HostBackend, Level1, Result, Scalar, VecRef};

use crate::MpiElement;

/// Seals [`MpiElement`]: only the four element types implement it.
pub trait Sealed {}
impl Sealed for f32 {}
impl Sealed for f64 {}
impl Sealed for oxpar_core::Complex32 {}
impl Sealed for oxpar_core::Complex64 {}

/// The norm from a sum of squares in `f64` when the data is `f32` (no `f32`
/// square overflows or vanishes in `f64`) and that sum is finite; `None`
/// otherwise (`f64` data, or a NaN or infinity met), for the scaled norm.
pub(crate) fn norm_from_ssq(
    dtype: DType,
    ssq: impl FnOnce() -> Result<f64>,
) -> Result<Option<f64>> {
    if dtype.real() != DType::F32 {
        return Ok(None);
    }
    let s = ssq()?;
    Ok(s.is_finite().then(|| s.sqrt()))
}

macro_rules! real_element {
    ($t:ty) => {
        impl MpiElement for $t {
            fn dot_wide(
                local: &dyn HostBackend,
                _conj: bool,
                x: VecRef<'_, $t>,
                y: VecRef<'_, $t>,
            ) -> Result<[f64; 2]> {
                check::same_len(x.len(), y.len())?;
                Ok([Level1::<$t>::reduce_wide(local, Reduction::Dot, x, y)?, 0.0])
            }
            fn sum_wide(local: &dyn HostBackend, x: VecRef<'_, $t>) -> Result<[f64; 2]> {
                Ok([Level1::<$t>::reduce_wide(local, Reduction::Sum, x, x)?, 0.0])
            }
            fn asum_wide(local: &dyn HostBackend, x: VecRef<'_, $t>) -> Result<f64> {
                Level1::<$t>::reduce_wide(local, Reduction::Asum, x, x)
            }
            fn norm_wide(local: &dyn HostBackend, x: VecRef<'_, $t>) -> Result<f64> {
                let ssq = || Level1::<$t>::reduce_wide(local, Reduction::SumSq, x, x);
                match norm_from_ssq(<$t as oxpar_core::Element>::DTYPE, ssq)? {
                    Some(n) => Ok(n),
                    None => Level1::<$t>::nrm2(local, x).map(<$t>::as_f64),
                }
            }
            fn from_wide(v: [f64; 2]) -> $t {
                <$t as Scalar>::from_f64(v[0])
            }
        }
    };
}

real_element!(f32);
real_element!(f64);
