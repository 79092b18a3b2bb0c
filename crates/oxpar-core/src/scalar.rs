//! The element types oxpar computes on.

use std::fmt::{Debug, Display};
use std::iter::Sum;
use std::ops::{AddAssign, MulAssign};

use num_traits::Float;

mod sealed {
    pub trait Sealed {}
    impl Sealed for f32 {}
    impl Sealed for f64 {}
}

/// The element type of an array, as the C ABI and Python see it.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum DType {
    /// IEEE 754 binary32 (`float`, `real(c_float)`, `numpy.float32`).
    F32,
    /// IEEE 754 binary64 (`double`, `real(c_double)`, `numpy.float64`).
    F64,
}

/// A real floating-point element type: `f32` or `f64`.
///
/// # Safety
/// Implementors are plain `Copy` values with no padding for which every bit
/// pattern is valid, so kernels may treat their memory as raw numbers. The trait
/// is sealed: only `f32` and `f64` implement it.
pub unsafe trait Scalar:
    Float
    + Default
    + Debug
    + Display
    + Send
    + Sync
    + Sum
    + AddAssign
    + MulAssign
    + sealed::Sealed
    + 'static
{
    /// The element type's tag.
    const DTYPE: DType;
    /// The BLAS prefix: `'s'` or `'d'`.
    const BLAS_PREFIX: char;
    /// The name of the type in OpenCL C.
    const CL_TYPE: &'static str;

    /// Converts from `f64` (rounding for `f32`).
    fn from_f64(v: f64) -> Self;
    /// Widens to `f64` (exact).
    fn as_f64(self) -> f64;
}

// SAFETY: f32 is a primitive with no padding; every bit pattern is a valid f32.
unsafe impl Scalar for f32 {
    const DTYPE: DType = DType::F32;
    const BLAS_PREFIX: char = 's';
    const CL_TYPE: &'static str = "float";

    #[inline(always)]
    #[allow(clippy::cast_possible_truncation)]
    fn from_f64(v: f64) -> Self {
        v as f32
    }
    #[inline(always)]
    fn as_f64(self) -> f64 {
        f64::from(self)
    }
}

// SAFETY: f64 is a primitive with no padding; every bit pattern is a valid f64.
unsafe impl Scalar for f64 {
    const DTYPE: DType = DType::F64;
    const BLAS_PREFIX: char = 'd';
    const CL_TYPE: &'static str = "double";

    #[inline(always)]
    fn from_f64(v: f64) -> Self {
        v
    }
    #[inline(always)]
    fn as_f64(self) -> f64 {
        self
    }
}
