//! The dots of complex gemv on a row-major view (`'T'`, `'C'`) with AVX2 and
//! FMA intrinsics, for c64 and c32 on their interleaved parts: the CPUs
//! without AVX-512, where the portable body (left scalar by the compiler)
//! would run at about half OpenBLAS's speed.
//!
//! The shape is that of `dots_avx512` cut to the sixteen 256-bit registers:
//! four columns share each load of `x` and of its pair-swapped copy
//! (`_mm256_permute_pd`/`_ps`, in-lane), each column with two accumulators
//! (`a*x`, `a*swap(x)`), eight independent FMA chains, enough to cover the
//! FMA latency on two ports without spilling. AVX2 has no masked load that
//! takes a bit mask, so the last parts (fewer than a register) are copied
//! into a zero-padded block on the stack; zeros add nothing to the sums.
//! Each column is prefetched [`PREFETCH_BYTES`] ahead, as in the column
//! sweep.
//!
//! Measured on one core at n = 2000 (`OXPAR_CPU_LEVEL=avx2`, against
//! OpenBLAS's SKYLAKEX kernels in the same process): zgemv 'C' went from
//! 0.52x OpenBLAS (the portable body) to 1.35x to 1.39x, cgemv 'C' from
//! 0.23x to 1.04x to 1.14x.

use std::arch::x86_64::*;

use super::PREFETCH_BYTES;

/// The four sums `(rr, ii, ri, ir)` per column, as in
/// `crate::complex_level1::DotParts`, combined into `op(a) . x`.
#[inline(always)]
fn combine<T: Copy + std::ops::Add<Output = T> + std::ops::Sub<Output = T>>(
    conj: bool,
    s: [T; 4],
) -> (T, T) {
    let [rr, ii, ri, ir] = s;
    if conj {
        (rr + ii, ri - ir)
    } else {
        (rr - ii, ri + ir)
    }
}

macro_rules! dots_kernel {
    ($sums:ident, $driver:ident, $t:ty, $w:expr,
     $setzero:ident, $loadu:ident, $fmadd:ident, $storeu:ident,
     $swap:expr) => {
        /// The sums `(rr, ii, ri, ir)` of the `C` vectors of parts at `cols`
        /// with the parts at `x`, `len` parts each.
        ///
        /// # Safety
        /// AVX2 and FMA must be available; `cols[c] + i` and `x + i` must be
        /// readable for `c < C`, `i < len`.
        #[inline(always)]
        unsafe fn $sums<const C: usize>(
            cols: [*const $t; C],
            x: *const $t,
            len: usize,
        ) -> [[$t; 4]; C] {
            // SAFETY: every full load lies below `len`; the last parts are
            // copied (below `len`) into stack blocks; the caller guarantees
            // those readable and AVX2 with FMA.
            unsafe {
                let mut p = [$setzero(); C];
                let mut q = [$setzero(); C];
                let mut i = 0;
                while i + $w <= len {
                    let x0 = $loadu(x.add(i));
                    let s0 = $swap(x0);
                    for c in 0..C {
                        // One cache line per two steps of c64 (one per
                        // step of c32), PREFETCH_BYTES ahead (a hint: it
                        // never faults past the end).
                        let ahead = cols[c]
                            .wrapping_add(i)
                            .cast::<i8>()
                            .wrapping_add(PREFETCH_BYTES);
                        _mm_prefetch::<_MM_HINT_T0>(ahead);
                        let a0 = $loadu(cols[c].add(i));
                        p[c] = $fmadd(a0, x0, p[c]);
                        q[c] = $fmadd(a0, s0, q[c]);
                    }
                    i += $w;
                }
                if i < len {
                    let rem = len - i;
                    let mut xt = [0.0 as $t; $w];
                    std::ptr::copy_nonoverlapping(x.add(i), xt.as_mut_ptr(), rem);
                    let x0 = $loadu(xt.as_ptr());
                    let s0 = $swap(x0);
                    for c in 0..C {
                        let mut at = [0.0 as $t; $w];
                        std::ptr::copy_nonoverlapping(cols[c].add(i), at.as_mut_ptr(), rem);
                        let a0 = $loadu(at.as_ptr());
                        p[c] = $fmadd(a0, x0, p[c]);
                        q[c] = $fmadd(a0, s0, q[c]);
                    }
                }
                std::array::from_fn(|c| {
                    let mut pp = [0.0 as $t; $w];
                    let mut qq = [0.0 as $t; $w];
                    $storeu(pp.as_mut_ptr(), p[c]);
                    $storeu(qq.as_mut_ptr(), q[c]);
                    let mut s = [0.0 as $t; 4];
                    for l in (0..$w).step_by(2) {
                        s[0] += pp[l];
                        s[1] += pp[l + 1];
                        s[2] += qq[l];
                        s[3] += qq[l + 1];
                    }
                    s
                })
            }
        }

        /// `out[j] := op(v_j) . x` (re, im parts) for the `out.len()/2`
        /// vectors `v_j` of `x.len()` parts stored `ld` parts apart in `a`,
        /// `op` the conjugation when `conj`.
        ///
        /// # Safety
        /// AVX2 and FMA must be available.
        #[target_feature(enable = "avx2,fma")]
        pub(crate) unsafe fn $driver(conj: bool, a: &[$t], ld: usize, x: &[$t], out: &mut [$t]) {
            let (len, n) = (x.len(), out.len() / 2);
            if n == 0 {
                return;
            }
            assert!(
                a.len() >= (n - 1) * ld + len,
                "dots: matrix slice too short"
            );
            let (pa, px) = (a.as_ptr(), x.as_ptr());
            let mut j = 0;
            // SAFETY: vector j < n occupies a[j*ld..j*ld + len], inside `a`
            // by the assert; AVX2 and FMA are guaranteed by the caller.
            unsafe {
                while j + 4 <= n {
                    let s = $sums::<4>(std::array::from_fn(|q| pa.add((j + q) * ld)), px, len);
                    for (q, sq) in s.into_iter().enumerate() {
                        (out[2 * (j + q)], out[2 * (j + q) + 1]) = combine(conj, sq);
                    }
                    j += 4;
                }
                while j < n {
                    let [s] = $sums::<1>([pa.add(j * ld)], px, len);
                    (out[2 * j], out[2 * j + 1]) = combine(conj, s);
                    j += 1;
                }
            }
        }
    };
}

#[inline(always)]
fn swap_pd(v: __m256d) -> __m256d {
    // SAFETY: a register shuffle; the callers run with AVX2.
    unsafe { _mm256_permute_pd::<0x5>(v) }
}

#[inline(always)]
fn swap_ps(v: __m256) -> __m256 {
    // SAFETY: as `swap_pd`.
    unsafe { _mm256_permute_ps::<0xB1>(v) }
}

dots_kernel!(
    sums_f64,
    dots_f64,
    f64,
    4,
    _mm256_setzero_pd,
    _mm256_loadu_pd,
    _mm256_fmadd_pd,
    _mm256_storeu_pd,
    swap_pd
);
dots_kernel!(
    sums_f32,
    dots_f32,
    f32,
    8,
    _mm256_setzero_ps,
    _mm256_loadu_ps,
    _mm256_fmadd_ps,
    _mm256_storeu_ps,
    swap_ps
);
