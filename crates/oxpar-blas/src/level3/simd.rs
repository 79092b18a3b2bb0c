//! Run-time selection of the instruction set the small kernels are compiled
//! for.

/// Whether this CPU has AVX-512F (with AVX2 and FMA).
#[inline]
pub(crate) fn has_avx512() -> bool {
    #[cfg(target_arch = "x86_64")]
    {
        is_x86_feature_detected!("avx512f")
            && is_x86_feature_detected!("avx2")
            && is_x86_feature_detected!("fma")
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        false
    }
}

/// Whether this CPU has AVX2 and FMA.
#[inline]
pub(crate) fn has_avx2() -> bool {
    #[cfg(target_arch = "x86_64")]
    {
        is_x86_feature_detected!("avx2") && is_x86_feature_detected!("fma")
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        false
    }
}

/// Defines `unsafe fn $name<T>(args)`, which runs the `#[inline(always)]`
/// generic `$body::<T, FMA>(args)` compiled for AVX-512 or for AVX2 (with
/// `FMA = true`), or for the baseline (`FMA = false`: without the hardware
/// instruction, a fused multiply-add is a slow library call), as the CPU
/// allows. Its safety contract is the body's.
macro_rules! multiversion {
    ($name:ident, $body:ident($($arg:ident : $ty:ty),* $(,)?)) => {
        /// Runs the kernel body compiled for the best instruction set this CPU
        /// has.
        ///
        /// # Safety
        /// As the body's.
        unsafe fn $name<T: Scalar>($($arg: $ty),*) {
            #[cfg(target_arch = "x86_64")]
            {
                #[target_feature(enable = "avx512f,avx2,fma")]
                unsafe fn avx512<T: Scalar>($($arg: $ty),*) {
                    // SAFETY: forwarded contract.
                    unsafe { $body::<T, true>($($arg),*) }
                }
                #[target_feature(enable = "avx2,fma")]
                unsafe fn avx2<T: Scalar>($($arg: $ty),*) {
                    // SAFETY: forwarded contract.
                    unsafe { $body::<T, true>($($arg),*) }
                }
                if $crate::level3::simd::has_avx512() {
                    // SAFETY: the CPU has the features; forwarded contract.
                    return unsafe { avx512::<T>($($arg),*) };
                }
                if $crate::level3::simd::has_avx2() {
                    // SAFETY: the CPU has the features; forwarded contract.
                    return unsafe { avx2::<T>($($arg),*) };
                }
            }
            // SAFETY: forwarded contract.
            unsafe { $body::<T, false>($($arg),*) }
        }
    };
}
pub(crate) use multiversion;
