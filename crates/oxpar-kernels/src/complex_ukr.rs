//! The `gemm` crate's complex micro-kernels for AVX-512 (c64 and c32),
//! instantiated here from its exported macros: the crate keeps its own
//! instances private, and [`crate::complex_packed`] needs to call them on
//! panels it packs itself (as `level3::packed` calls the public real ones).
//!
//! The helper functions below are those of `gemm-c64` and `gemm-c32`
//! 0.19.0 (`src/microkernel.rs`, module `avx512f`), copied unchanged; the
//! macros `microkernel_cplx_2step!` and `microkernel_cplx_fn_array!` come
//! from `gemm-common` (the same version, pinned in the workspace), which
//! defines what the kernels compute and the layout of their panels.

#![allow(
    missing_docs,
    unsafe_op_in_unsafe_fn,
    clippy::missing_safety_doc,
    clippy::undocumented_unsafe_blocks,
    clippy::all,
    dead_code
)]

pub mod avx512f {
    pub mod f64 {
        #[cfg(target_arch = "x86")]
        use core::arch::x86::*;
        #[cfg(target_arch = "x86_64")]
        use core::arch::x86_64::*;
        use core::mem::transmute;

        type T = f64;
        const N: usize = 8;
        const CPLX_N: usize = 4;
        type Pack = [T; N];

        #[inline(always)]
        unsafe fn splat(value: T) -> Pack {
            transmute(_mm512_set1_pd(value))
        }

        #[inline(always)]
        unsafe fn add(lhs: Pack, rhs: Pack) -> Pack {
            transmute(_mm512_add_pd(transmute(lhs), transmute(rhs)))
        }

        #[inline(always)]
        unsafe fn neg(a: Pack) -> Pack {
            const MASK: __m512i = unsafe {
                transmute([
                    -0.0_f64, -0.0_f64, -0.0_f64, -0.0_f64, -0.0_f64, -0.0_f64, -0.0_f64, -0.0_f64,
                ])
            };
            transmute(_mm512_xor_si512(MASK, transmute(a)))
        }

        #[inline(always)]
        unsafe fn conj(a: Pack) -> Pack {
            const MASK: __m512i = unsafe {
                transmute([
                    0.0_f64, -0.0_f64, 0.0_f64, -0.0_f64, 0.0_f64, -0.0_f64, 0.0_f64, -0.0_f64,
                ])
            };
            transmute(_mm512_xor_si512(MASK, transmute(a)))
        }

        #[inline(always)]
        unsafe fn neg_conj(a: Pack) -> Pack {
            const MASK: __m512i = unsafe {
                transmute([
                    -0.0_f64, 0.0_f64, -0.0_f64, 0.0_f64, -0.0_f64, 0.0_f64, -0.0_f64, 0.0_f64,
                ])
            };
            transmute(_mm512_xor_si512(MASK, transmute(a)))
        }

        #[inline(always)]
        unsafe fn swap_re_im(a: Pack) -> Pack {
            transmute(_mm512_permute_pd::<0b01010101>(transmute(a)))
        }

        #[inline(always)]
        unsafe fn mul_cplx(a_re_im: Pack, a_im_re: Pack, b_re: Pack, b_im: Pack) -> Pack {
            transmute(_mm512_fmaddsub_pd(
                transmute(a_re_im),
                transmute(b_re),
                _mm512_mul_pd(transmute(a_im_re), transmute(b_im)),
            ))
        }

        #[target_feature(enable = "avx512f")]
        #[inline]
        unsafe fn subadd_pd(a: __m512d, b: __m512d, c: __m512d) -> __m512d {
            _mm512_fmaddsub_pd(
                a,
                b,
                transmute(_mm512_xor_si512(
                    transmute(c),
                    transmute(_mm512_set1_pd(-0.0)),
                )),
            )
        }

        #[inline(always)]
        unsafe fn mul_add_cplx_step0(
            a_re_im: Pack,
            b_re: Pack,
            c_re_im: Pack,
            neg_conj_rhs: bool,
        ) -> Pack {
            if neg_conj_rhs {
                transmute(_mm512_fmaddsub_pd(
                    transmute(a_re_im),
                    transmute(b_re),
                    transmute(c_re_im),
                ))
            } else {
                transmute(subadd_pd(
                    transmute(a_re_im),
                    transmute(b_re),
                    transmute(c_re_im),
                ))
            }
        }

        #[inline(always)]
        unsafe fn mul_add_cplx_step1(
            a_im_re: Pack,
            b_im: Pack,
            c_re_im: Pack,
            neg_conj_rhs: bool,
        ) -> Pack {
            if neg_conj_rhs {
                transmute(_mm512_fmaddsub_pd(
                    transmute(a_im_re),
                    transmute(b_im),
                    transmute(c_re_im),
                ))
            } else {
                transmute(subadd_pd(
                    transmute(a_im_re),
                    transmute(b_im),
                    transmute(c_re_im),
                ))
            }
        }

        #[inline(always)]
        #[allow(dead_code)]
        unsafe fn mul_add_cplx(
            a_re_im: Pack,
            a_im_re: Pack,
            b_re: Pack,
            b_im: Pack,
            c_re_im: Pack,
            conj_rhs: bool,
        ) -> Pack {
            if conj_rhs {
                transmute(subadd_pd(
                    transmute(a_re_im),
                    transmute(b_re),
                    subadd_pd(transmute(a_im_re), transmute(b_im), transmute(c_re_im)),
                ))
            } else {
                transmute(_mm512_fmaddsub_pd(
                    transmute(a_re_im),
                    transmute(b_re),
                    _mm512_fmaddsub_pd(transmute(a_im_re), transmute(b_im), transmute(c_re_im)),
                ))
            }
        }

        gemm_common::microkernel_cplx_2step!(["avx512f"], 2, cplx_x1x1, 1, 1);
        gemm_common::microkernel_cplx_2step!(["avx512f"], 2, cplx_x1x2, 1, 2);
        gemm_common::microkernel_cplx_2step!(["avx512f"], 2, cplx_x1x3, 1, 3);
        gemm_common::microkernel_cplx_2step!(["avx512f"], 2, cplx_x1x4, 1, 4);
        gemm_common::microkernel_cplx_2step!(["avx512f"], 2, cplx_x1x5, 1, 5);
        gemm_common::microkernel_cplx_2step!(["avx512f"], 2, cplx_x1x6, 1, 6);

        gemm_common::microkernel_cplx_2step!(["avx512f"], 2, cplx_x2x1, 2, 1);
        gemm_common::microkernel_cplx_2step!(["avx512f"], 2, cplx_x2x2, 2, 2);
        gemm_common::microkernel_cplx_2step!(["avx512f"], 2, cplx_x2x3, 2, 3);
        gemm_common::microkernel_cplx_2step!(["avx512f"], 2, cplx_x2x4, 2, 4);
        gemm_common::microkernel_cplx_2step!(["avx512f"], 2, cplx_x2x5, 2, 5);
        gemm_common::microkernel_cplx_2step!(["avx512f"], 2, cplx_x2x6, 2, 6);

        gemm_common::microkernel_cplx_2step!(["avx512f"], 2, cplx_x3x1, 3, 1);
        gemm_common::microkernel_cplx_2step!(["avx512f"], 2, cplx_x3x2, 3, 2);
        gemm_common::microkernel_cplx_2step!(["avx512f"], 2, cplx_x3x3, 3, 3);
        gemm_common::microkernel_cplx_2step!(["avx512f"], 2, cplx_x3x4, 3, 4);
        gemm_common::microkernel_cplx_2step!(["avx512f"], 2, cplx_x3x5, 3, 5);
        gemm_common::microkernel_cplx_2step!(["avx512f"], 2, cplx_x3x6, 3, 6);

        gemm_common::microkernel_cplx_2step!(["avx512f"], 2, cplx_x4x1, 4, 1);
        gemm_common::microkernel_cplx_2step!(["avx512f"], 2, cplx_x4x2, 4, 2);
        gemm_common::microkernel_cplx_2step!(["avx512f"], 2, cplx_x4x3, 4, 3);
        gemm_common::microkernel_cplx_2step!(["avx512f"], 2, cplx_x4x4, 4, 4);
        gemm_common::microkernel_cplx_2step!(["avx512f"], 2, cplx_x4x5, 4, 5);
        gemm_common::microkernel_cplx_2step!(["avx512f"], 2, cplx_x4x6, 4, 6);

        gemm_common::microkernel_cplx_fn_array! {
            [cplx_x1x1, cplx_x1x2, cplx_x1x3, cplx_x1x4, cplx_x1x5, cplx_x1x6,],
            [cplx_x2x1, cplx_x2x2, cplx_x2x3, cplx_x2x4, cplx_x2x5, cplx_x2x6,],
            [cplx_x3x1, cplx_x3x2, cplx_x3x3, cplx_x3x4, cplx_x3x5, cplx_x3x6,],
            [cplx_x4x1, cplx_x4x2, cplx_x4x3, cplx_x4x4, cplx_x4x5, cplx_x4x6,],
        }
    }

    pub mod f32 {
        #[cfg(target_arch = "x86")]
        use core::arch::x86::*;
        #[cfg(target_arch = "x86_64")]
        use core::arch::x86_64::*;
        use core::mem::transmute;

        type T = f32;
        const N: usize = 16;
        const CPLX_N: usize = 8;
        type Pack = [T; N];

        #[inline(always)]
        unsafe fn splat(value: T) -> Pack {
            transmute(_mm512_set1_ps(value))
        }

        #[inline(always)]
        unsafe fn add(lhs: Pack, rhs: Pack) -> Pack {
            transmute(_mm512_add_ps(transmute(lhs), transmute(rhs)))
        }

        #[inline(always)]
        unsafe fn neg(a: Pack) -> Pack {
            const MASK: __m512i = unsafe { transmute([-0.0f32; 16]) };
            transmute(_mm512_xor_si512(MASK, transmute(a)))
        }

        #[inline(always)]
        unsafe fn conj(a: Pack) -> Pack {
            const MASK: __m512i = unsafe { transmute([[0.0, -0.0_f32]; 8]) };
            transmute(_mm512_xor_si512(MASK, transmute(a)))
        }

        #[inline(always)]
        unsafe fn neg_conj(a: Pack) -> Pack {
            const MASK: __m512i = unsafe { transmute([[-0.0, 0.0_f32]; 8]) };
            transmute(_mm512_xor_si512(MASK, transmute(a)))
        }

        #[inline(always)]
        unsafe fn swap_re_im(a: Pack) -> Pack {
            transmute(_mm512_permute_ps::<0b10110001>(transmute(a)))
        }

        #[inline(always)]
        unsafe fn mul_cplx(a_re_im: Pack, a_im_re: Pack, b_re: Pack, b_im: Pack) -> Pack {
            transmute(_mm512_fmaddsub_ps(
                transmute(a_re_im),
                transmute(b_re),
                _mm512_mul_ps(transmute(a_im_re), transmute(b_im)),
            ))
        }

        #[target_feature(enable = "avx512f")]
        #[inline]
        unsafe fn subadd_ps(a: __m512, b: __m512, c: __m512) -> __m512 {
            _mm512_fmaddsub_ps(
                a,
                b,
                transmute(_mm512_xor_si512(
                    transmute(c),
                    transmute(_mm512_set1_ps(-0.0)),
                )),
            )
        }

        #[inline(always)]
        unsafe fn mul_add_cplx_step0(
            a_re_im: Pack,
            b_re: Pack,
            c_re_im: Pack,
            neg_conj_rhs: bool,
        ) -> Pack {
            if neg_conj_rhs {
                transmute(_mm512_fmaddsub_ps(
                    transmute(a_re_im),
                    transmute(b_re),
                    transmute(c_re_im),
                ))
            } else {
                transmute(subadd_ps(
                    transmute(a_re_im),
                    transmute(b_re),
                    transmute(c_re_im),
                ))
            }
        }

        #[inline(always)]
        unsafe fn mul_add_cplx_step1(
            a_im_re: Pack,
            b_im: Pack,
            c_re_im: Pack,
            neg_conj_rhs: bool,
        ) -> Pack {
            if neg_conj_rhs {
                transmute(_mm512_fmaddsub_ps(
                    transmute(a_im_re),
                    transmute(b_im),
                    transmute(c_re_im),
                ))
            } else {
                transmute(subadd_ps(
                    transmute(a_im_re),
                    transmute(b_im),
                    transmute(c_re_im),
                ))
            }
        }

        #[inline(always)]
        #[allow(dead_code)]
        unsafe fn mul_add_cplx(
            a_re_im: Pack,
            a_im_re: Pack,
            b_re: Pack,
            b_im: Pack,
            c_re_im: Pack,
            conj_rhs: bool,
        ) -> Pack {
            if conj_rhs {
                transmute(subadd_ps(
                    transmute(a_re_im),
                    transmute(b_re),
                    subadd_ps(transmute(a_im_re), transmute(b_im), transmute(c_re_im)),
                ))
            } else {
                transmute(_mm512_fmaddsub_ps(
                    transmute(a_re_im),
                    transmute(b_re),
                    _mm512_fmaddsub_ps(transmute(a_im_re), transmute(b_im), transmute(c_re_im)),
                ))
            }
        }

        gemm_common::microkernel_cplx_2step!(["avx512f"], 2, cplx_x1x1, 1, 1);
        gemm_common::microkernel_cplx_2step!(["avx512f"], 2, cplx_x1x2, 1, 2);
        gemm_common::microkernel_cplx_2step!(["avx512f"], 2, cplx_x1x3, 1, 3);
        gemm_common::microkernel_cplx_2step!(["avx512f"], 2, cplx_x1x4, 1, 4);
        gemm_common::microkernel_cplx_2step!(["avx512f"], 2, cplx_x1x5, 1, 5);
        gemm_common::microkernel_cplx_2step!(["avx512f"], 2, cplx_x1x6, 1, 6);

        gemm_common::microkernel_cplx_2step!(["avx512f"], 2, cplx_x2x1, 2, 1);
        gemm_common::microkernel_cplx_2step!(["avx512f"], 2, cplx_x2x2, 2, 2);
        gemm_common::microkernel_cplx_2step!(["avx512f"], 2, cplx_x2x3, 2, 3);
        gemm_common::microkernel_cplx_2step!(["avx512f"], 2, cplx_x2x4, 2, 4);
        gemm_common::microkernel_cplx_2step!(["avx512f"], 2, cplx_x2x5, 2, 5);
        gemm_common::microkernel_cplx_2step!(["avx512f"], 2, cplx_x2x6, 2, 6);

        gemm_common::microkernel_cplx_2step!(["avx512f"], 2, cplx_x3x1, 3, 1);
        gemm_common::microkernel_cplx_2step!(["avx512f"], 2, cplx_x3x2, 3, 2);
        gemm_common::microkernel_cplx_2step!(["avx512f"], 2, cplx_x3x3, 3, 3);
        gemm_common::microkernel_cplx_2step!(["avx512f"], 2, cplx_x3x4, 3, 4);
        gemm_common::microkernel_cplx_2step!(["avx512f"], 2, cplx_x3x5, 3, 5);
        gemm_common::microkernel_cplx_2step!(["avx512f"], 2, cplx_x3x6, 3, 6);

        gemm_common::microkernel_cplx_2step!(["avx512f"], 2, cplx_x4x1, 4, 1);
        gemm_common::microkernel_cplx_2step!(["avx512f"], 2, cplx_x4x2, 4, 2);
        gemm_common::microkernel_cplx_2step!(["avx512f"], 2, cplx_x4x3, 4, 3);
        gemm_common::microkernel_cplx_2step!(["avx512f"], 2, cplx_x4x4, 4, 4);
        gemm_common::microkernel_cplx_2step!(["avx512f"], 2, cplx_x4x5, 4, 5);
        gemm_common::microkernel_cplx_2step!(["avx512f"], 2, cplx_x4x6, 4, 6);

        gemm_common::microkernel_cplx_fn_array! {
            [cplx_x1x1, cplx_x1x2, cplx_x1x3, cplx_x1x4, cplx_x1x5, cplx_x1x6,],
            [cplx_x2x1, cplx_x2x2, cplx_x2x3, cplx_x2x4, cplx_x2x5, cplx_x2x6,],
            [cplx_x3x1, cplx_x3x2, cplx_x3x3, cplx_x3x4, cplx_x3x5, cplx_x3x6,],
            [cplx_x4x1, cplx_x4x2, cplx_x4x3, cplx_x4x4, cplx_x4x5, cplx_x4x6,],
        }
    }
}
