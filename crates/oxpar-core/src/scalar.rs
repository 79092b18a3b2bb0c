//! The element types oxpar computes on.
//!
//! Two traits split the notion of a number:
//!
//! * [`Element`]: every type a vector or matrix may hold, real or complex.
//!   It carries what generic BLAS code needs: arithmetic, [`Element::ZERO`]
//!   and [`Element::ONE`], conjugation, the BLAS magnitude
//!   [`Element::abs1`], and the associated real type [`Element::Real`]
//!   (what `nrm2` and `asum` return). The trait family ([`crate::Level1`],
//!   [`crate::Level2`], [`crate::Level3`]) and the views are written over it,
//!   so `alpha` and `beta` are elements (complex for complex data).
//! * [`Scalar`]: the real types `f32` and `f64`, with `Element<Real = Self>`
//!   and what only makes sense for reals: ordering and `Float`, the f64
//!   round trip, the OpenCL C type name.
//!
//! `f32` and `f64` implement both; num-complex's `Complex<f32>` and
//! `Complex<f64>` (re-exported as [`crate::Complex32`], [`crate::Complex64`])
//! implement [`Element`] only. How the complex types plug in:
//!
//! 1. **Types.** `Complex<T>` is `#[repr(C)]` `{re, im}`, the layout of C99
//!    `float _Complex`/`double _Complex`, Fortran `complex(c_float_complex)`,
//!    NumPy `complex64`/`complex128`: `Real = f32`/`f64`,
//!    `DTYPE = DType::C32`/`C64`, `BLAS_PREFIX = 'c'`/`'z'`, `conj` the
//!    conjugate, `abs1 = |re| + |im|`, `sum_wide` per component in f64, and
//!    `quotient` Smith's division (what a solve divides by, as the
//!    reference BLAS's Fortran does).
//! 2. **Trait family.** [`crate::Level1::dot`] is BLAS's unconjugated
//!    `dotu`; [`crate::Level1::dotc`] and [`crate::Level2::gerc`] are the
//!    conjugated forms (for reals, `dot` and `ger`); the Hermitian
//!    operations are [`crate::Level2::hemv`], `her`, `her2`, `hbmv`, `hpmv`,
//!    `hpr`, `hpr2` and [`crate::Level3::hemm`], `herk`, `her2k` (real
//!    `alpha`/`beta` where BLAS has them), with defaults in
//!    [`crate::hermitian`]; the symmetric and triangular defaults
//!    ([`crate::blocked`], [`crate::reference`]) run unchanged on complex
//!    data (complex symmetric, as `csymm`/`csyrk`).
//!    Methods whose defaults are real-only carry `where T: Scalar`
//!    ([`crate::Level1::reduce_wide`], [`crate::Level1::reduce_exact`]).
//!    A backend implements the complex types either by one
//!    `impl<T: Element>` (plain arithmetic: the serial level 2 and 3) or by
//!    a second impl for `Complex<R>` beside the real one (the serial level 1
//!    in [`crate::complex`], the threads backend). Outside this crate, Rust
//!    cannot see that `Complex<R>` never implements `Scalar`, so a backend
//!    crate bounds its real impl by a trait of its own (the threads
//!    backend's `RealElement`) for the two impls to be coherent.
//!    [`crate::HostBackend`] requires all four element types. Reproducible
//!    mode ([`crate::repro::Reproducible`]) computes complex `dot`, `dotc`,
//!    `nrm2`, `asum` and `sum` exactly per component and rounds once.
//! 3. **Conjugation.** A view carries a conjugation flag
//!    ([`crate::MatRef::h`] is the conjugate transpose, [`crate::Trans::ConjYes`]
//!    asks for it by argument); conjugation is the identity on reals, so real
//!    kernels ignore the flag, and every complex kernel must honour it
//!    ([`crate::MatRef::is_conj`]), never by copying.
//! 4. **Backends.** Serial, threads (SIMD complex level 1, the `gemm`
//!    crate's complex micro-kernels), OpenCL (float2/double2 kernels, also
//!    on device buffers) and MPI (the same distributed operations as for
//!    reals; its agreement codes name the complex [`DType`]s, and
//!    reproducible complex reductions add the ranks' per-component
//!    accumulators through [`crate::Level1::reduce_exact_parts`]).
//! 5. **Front ends.** The routine table (xtask's `routines.rs`) lists each
//!    routine's element types as letters (`"sdcz"`), from which the C ABI's
//!    `oxpar_c*`/`oxpar_z*` (element types `oxpar_c32`/`oxpar_c64`, the
//!    conjugate transpose `OXPAR_TRANS_CONJ`), the Fortran generics over
//!    `complex(real32/real64)` and the Python wrappers over
//!    `complex64`/`complex128` are generated. On MPI contexts the C ABI
//!    (and the bindings through it) runs complex calls on the MPI backend,
//!    with `oxpar_mpi_{c,z}gemv`, `..geru`, `..gerc`, `..gemm` and the halo
//!    exchanges as the distributed level 2/3 forms.

use std::fmt::{Debug, Display};
use std::iter::Sum;
use std::ops::{Add, AddAssign, Div, Mul, MulAssign, Neg, Sub, SubAssign};

use num_complex::Complex;
use num_traits::Float;

pub(crate) mod sealed {
    pub trait Sealed {}
    impl Sealed for f32 {}
    impl Sealed for f64 {}
    impl Sealed for num_complex::Complex<f32> {}
    impl Sealed for num_complex::Complex<f64> {}
}

/// The element type of an array, as the C ABI and Python see it. Tags are
/// named after the Rust type, by component size as `f32`/`f64` are (and as
/// num-complex's `Complex32`/`Complex64`); [`DType::name`] gives NumPy's
/// names, which count the whole element (`complex64` is [`DType::C32`]).
/// The complex tags are those of [`Complex<f32>`] and [`Complex<f64>`].
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum DType {
    /// IEEE 754 binary32 (`float`, `real(c_float)`, `numpy.float32`).
    F32,
    /// IEEE 754 binary64 (`double`, `real(c_double)`, `numpy.float64`).
    F64,
    /// Two binary32, real then imaginary (`float _Complex`,
    /// `complex(c_float_complex)`, `numpy.complex64`, `Complex<f32>`).
    C32,
    /// Two binary64, real then imaginary (`double _Complex`,
    /// `complex(c_double_complex)`, `numpy.complex128`, `Complex<f64>`).
    C64,
}

impl DType {
    /// Every tag, reals first.
    pub const ALL: [DType; 4] = [DType::F32, DType::F64, DType::C32, DType::C64];

    /// The size of one element in bytes.
    pub const fn size(self) -> usize {
        match self {
            DType::F32 => 4,
            DType::F64 | DType::C32 => 8,
            DType::C64 => 16,
        }
    }

    /// NumPy's name: `"float32"`, `"float64"`, `"complex64"`, `"complex128"`.
    pub const fn name(self) -> &'static str {
        match self {
            DType::F32 => "float32",
            DType::F64 => "float64",
            DType::C32 => "complex64",
            DType::C64 => "complex128",
        }
    }

    /// The BLAS prefix: `'s'`, `'d'`, `'c'` or `'z'`.
    pub const fn blas_prefix(self) -> char {
        match self {
            DType::F32 => 's',
            DType::F64 => 'd',
            DType::C32 => 'c',
            DType::C64 => 'z',
        }
    }

    /// Whether elements are complex.
    pub const fn is_complex(self) -> bool {
        matches!(self, DType::C32 | DType::C64)
    }

    /// The tag of the real type underneath (itself for a real type).
    pub const fn real(self) -> DType {
        match self {
            DType::F32 | DType::C32 => DType::F32,
            DType::F64 | DType::C64 => DType::F64,
        }
    }
}

/// An element type of vectors and matrices: real (`f32`, `f64`) or complex
/// (num-complex's [`Complex<f32>`], [`Complex<f64>`]). See the module
/// documentation for how the complex types plug in.
///
/// The constants [`Element::ZERO`] and [`Element::ONE`] are constants, not
/// methods, so that they never clash with `num_traits`' `zero()`/`one()` in
/// code over [`Scalar`].
///
/// # Safety
/// Implementors are plain `Copy` values with no padding for which every bit
/// pattern is valid, so kernels may treat their memory as raw numbers. The
/// trait is sealed.
pub unsafe trait Element:
    Copy
    + Default
    + Debug
    + PartialEq
    + Send
    + Sync
    + Add<Output = Self>
    + Sub<Output = Self>
    + Mul<Output = Self>
    + Div<Output = Self>
    + Neg<Output = Self>
    + AddAssign
    + SubAssign
    + MulAssign
    + Sum
    + sealed::Sealed
    + 'static
{
    /// The real type underneath: `Self` for reals, the component type for
    /// complex numbers. `nrm2` and `asum` return it.
    type Real: Scalar;
    /// The element type's tag.
    const DTYPE: DType;
    /// The BLAS prefix: `'s'`, `'d'`, `'c'` or `'z'`.
    const BLAS_PREFIX: char;
    /// The additive identity.
    const ZERO: Self;
    /// The multiplicative identity.
    const ONE: Self;

    /// The complex conjugate (the identity on reals).
    fn conj(self) -> Self;
    /// The element with real part `re` and imaginary part 0.
    fn from_real(re: Self::Real) -> Self;
    /// The real part.
    fn re(self) -> Self::Real;
    /// The imaginary part (0 for reals).
    fn im(self) -> Self::Real;
    /// `r * self` part by part, as Fortran multiplies a real by a complex
    /// (`from_real(r) * self` would add `0 * im` terms, NaN when a part is
    /// infinite): the reference her's `TEMP = ALPHA*DCONJG(X(J))`.
    fn scale_real(self, r: Self::Real) -> Self;
    /// BLAS's magnitude for `asum` and `iamax`: `|re| + |im|` (`|x|` for reals).
    fn abs1(self) -> Self::Real;
    /// `self / d` as the reference BLAS computes it: the plain quotient for
    /// reals; for complex numbers Smith's algorithm (what gfortran compiles
    /// a Fortran complex division to), which scales by the larger part of `d`
    /// so that a quotient of representable numbers does not overflow or
    /// underflow on the way. num-complex's `/` divides by `|d|^2`, which
    /// overflows above about 1e154 (f64) and underflows below 1e-154:
    /// triangular solves on such matrices (LAPACK's scaled test matrices)
    /// would turn into Inf or NaN. Every solve divides through this method.
    fn quotient(self, d: Self) -> Self;
    /// The sum of `it` in order, accumulated in the widest real type (f64)
    /// and rounded once: what the default [`crate::Level1::sum`] computes.
    fn sum_wide<I: Iterator<Item = Self>>(it: I) -> Self;
}

/// A real floating-point element type: `f32` or `f64`.
///
/// # Safety
/// As [`Element`]. The trait is sealed: only `f32` and `f64` implement it.
pub unsafe trait Scalar: Element<Real = Self> + Float + Display + PartialOrd {
    /// The name of the type in OpenCL C.
    const CL_TYPE: &'static str;

    /// Converts from `f64` (rounding for `f32`).
    fn from_f64(v: f64) -> Self;
    /// Widens to `f64` (exact).
    fn as_f64(self) -> f64;
}

macro_rules! real_element {
    ($t:ty, $dtype:ident, $prefix:literal) => {
        // SAFETY: a primitive float with no padding; every bit pattern is valid.
        unsafe impl Element for $t {
            type Real = $t;
            const DTYPE: DType = DType::$dtype;
            const BLAS_PREFIX: char = $prefix;
            const ZERO: Self = 0.0;
            const ONE: Self = 1.0;

            #[inline(always)]
            fn conj(self) -> Self {
                self
            }
            #[inline(always)]
            fn from_real(re: Self) -> Self {
                re
            }
            #[inline(always)]
            fn re(self) -> Self {
                self
            }
            #[inline(always)]
            fn im(self) -> Self {
                0.0
            }
            #[inline(always)]
            fn scale_real(self, r: Self) -> Self {
                r * self
            }
            #[inline(always)]
            fn abs1(self) -> Self {
                self.abs()
            }
            #[inline(always)]
            fn quotient(self, d: Self) -> Self {
                self / d
            }
            fn sum_wide<I: Iterator<Item = Self>>(it: I) -> Self {
                <$t as Scalar>::from_f64(it.fold(0.0, |acc, v| acc + v.as_f64()))
            }
        }
    };
}

real_element!(f32, F32, 's');
real_element!(f64, F64, 'd');

macro_rules! complex_element {
    ($t:ty, $dtype:ident, $prefix:literal) => {
        // SAFETY: num-complex's `Complex<T>` is `#[repr(C)] {re, im}` of two
        // primitive floats: no padding, every bit pattern is valid.
        unsafe impl Element for Complex<$t> {
            type Real = $t;
            const DTYPE: DType = DType::$dtype;
            const BLAS_PREFIX: char = $prefix;
            const ZERO: Self = Complex::new(0.0, 0.0);
            const ONE: Self = Complex::new(1.0, 0.0);

            #[inline(always)]
            fn conj(self) -> Self {
                Complex::new(self.re, -self.im)
            }
            #[inline(always)]
            fn from_real(re: $t) -> Self {
                Complex::new(re, 0.0)
            }
            #[inline(always)]
            fn re(self) -> $t {
                self.re
            }
            #[inline(always)]
            fn im(self) -> $t {
                self.im
            }
            #[inline(always)]
            fn scale_real(self, r: $t) -> Self {
                Complex::new(r * self.re, r * self.im)
            }
            #[inline(always)]
            fn abs1(self) -> $t {
                self.re.abs() + self.im.abs()
            }
            #[inline]
            fn quotient(self, d: Self) -> Self {
                // Smith's algorithm, operation for operation as gfortran's
                // -fcx-fortran-rules division.
                if d.re.abs() >= d.im.abs() {
                    let ratio = d.im / d.re;
                    let den = d.re + d.im * ratio;
                    Complex::new(
                        (self.re + self.im * ratio) / den,
                        (self.im - self.re * ratio) / den,
                    )
                } else {
                    let ratio = d.re / d.im;
                    let den = d.re * ratio + d.im;
                    Complex::new(
                        (self.re * ratio + self.im) / den,
                        (self.im * ratio - self.re) / den,
                    )
                }
            }
            fn sum_wide<I: Iterator<Item = Self>>(it: I) -> Self {
                // Each component in f64, rounded once, as for the reals.
                let (re, im) = it.fold((0.0f64, 0.0f64), |(r, i), v| {
                    (r + v.re.as_f64(), i + v.im.as_f64())
                });
                Complex::new(<$t as Scalar>::from_f64(re), <$t as Scalar>::from_f64(im))
            }
        }
    };
}

complex_element!(f32, C32, 'c');
complex_element!(f64, C64, 'z');

// SAFETY: as the Element impl above.
unsafe impl Scalar for f32 {
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

// SAFETY: as the Element impl above.
unsafe impl Scalar for f64 {
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Smith's quotient keeps quotients of huge and tiny complex numbers
    /// finite and exact where num-complex's `/` (through `|d|^2`) does not.
    #[test]
    fn complex_quotient_survives_extreme_scales() {
        for scale in [1.0, 1e-200, 1e200, 1e-300, 1e300, 1e-310] {
            let d = Complex::new(scale, scale);
            let x = Complex::new(scale, 0.0);
            // (s + 0i) / (s + si) = (1 - i) / 2 exactly, for every s.
            assert_eq!(x.quotient(d), Complex::new(0.5, -0.5), "scale {scale:e}");
            assert_eq!(d.quotient(d), Complex::<f64>::ONE, "scale {scale:e}");
            // The other branch of the algorithm (|im| > |re|).
            let e = Complex::new(0.0, scale);
            assert_eq!(x.quotient(e), Complex::new(0.0, -1.0), "scale {scale:e}");
        }
        let huge = Complex::new(1e30f32, 1e30f32);
        assert_eq!(huge.quotient(huge), Complex::<f32>::ONE);
        // num-complex's quotient, for contrast: |d|^2 overflows to Inf.
        let d = Complex::new(1e200, 1e200);
        assert!((d / d).re.is_nan() || (d / d).re == 0.0);
        // Reals: the plain quotient, bit for bit.
        assert_eq!(1.0f64.quotient(3.0), 1.0 / 3.0);
        // Division by zero still gives IEEE's answers (as Fortran's).
        assert!(
            Complex::new(1.0, 0.0)
                .quotient(Complex::new(0.0, 0.0))
                .re
                .is_nan()
                || Complex::new(1.0, 0.0)
                    .quotient(Complex::new(0.0, 0.0))
                    .re
                    .is_infinite()
        );
    }

    #[test]
    fn dtype_helpers() {
        let sizes: Vec<usize> = DType::ALL.iter().map(|d| d.size()).collect();
        assert_eq!(sizes, [4, 8, 8, 16]);
        let prefixes: String = DType::ALL.iter().map(|d| d.blas_prefix()).collect();
        assert_eq!(prefixes, "sdcz");
        assert_eq!(DType::C64.name(), "complex128");
        assert!(DType::C32.is_complex() && !DType::F64.is_complex());
        assert_eq!(DType::C32.real(), DType::F32);
        assert_eq!(DType::C64.real(), DType::F64);
        assert_eq!(<f32 as Element>::DTYPE.size(), std::mem::size_of::<f32>());
        assert_eq!(<f64 as Element>::BLAS_PREFIX, 'd');
    }

    #[test]
    fn real_elements() {
        assert_eq!((-2.5f64).abs1(), 2.5);
        assert_eq!(3.0f32.conj(), 3.0);
        assert_eq!(3.0f32.im(), 0.0);
        assert_eq!(f64::from_real(1.5).re(), 1.5);
        assert!(f64::NAN.abs1().is_nan());
        // f32 data is summed in f64 and rounded once: 2^24 + 1 + 1 is exact.
        let big = 16_777_216.0f32;
        assert_eq!(f32::sum_wide([big, 1.0, 1.0].into_iter()), big + 2.0);
    }

    #[test]
    fn complex_elements() {
        type C = Complex<f32>;
        assert_eq!(<C as Element>::DTYPE, DType::C32);
        assert_eq!(<Complex<f64> as Element>::BLAS_PREFIX, 'z');
        assert_eq!(<C as Element>::DTYPE.size(), std::mem::size_of::<C>());
        assert_eq!(std::mem::size_of::<Complex<f64>>(), 16);
        let v = C::new(3.0, -4.0);
        assert_eq!(v.conj(), C::new(3.0, 4.0));
        assert_eq!(v.abs1(), 7.0);
        assert_eq!((Element::re(v), Element::im(v)), (3.0, -4.0));
        assert_eq!(C::from_real(2.0), C::new(2.0, 0.0));
        assert_eq!(C::ONE * v + C::ZERO, v);
        assert!(C::new(f32::NAN, 0.0).abs1().is_nan());
        // Each component is summed in f64 and rounded once.
        let big = 16_777_216.0f32;
        let s = C::sum_wide([C::new(big, 1.0), C::new(1.0, big), C::new(1.0, 1.0)].into_iter());
        assert_eq!(s, C::new(big + 2.0, big + 2.0));
    }
}
