//! The dots of complex gemv on a row-major view (`'T'`, `'C'`) with AVX-512
//! intrinsics, for c64 and c32 on their interleaved parts. The portable body
//! is left scalar by the compiler (its per-column accumulator arrays stay in
//! memory), at half OpenBLAS's speed; here four columns share each load of
//! `x` and of its pair-swapped copy (`_mm512_permute_pd`/`_ps`, in-lane),
//! each column with two accumulators (`a*x`, `a*swap(x)`) for each of two
//! registers per step, sixteen independent FMA chains; the last parts go
//! through masked loads, which neither read nor fault past the end. Each
//! column is prefetched [`PREFETCH_BYTES`] ahead, as in the column sweep.

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
    ($sums:ident, $driver:ident, $t:ty, $mask:ty, $w:expr,
     $setzero:ident, $loadu:ident, $maskz_loadu:ident, $fmadd:ident, $add:ident, $storeu:ident,
     $swap:expr) => {
        /// The sums `(rr, ii, ri, ir)` of the `C` vectors of parts at `cols`
        /// with the parts at `x`, `len` parts each.
        ///
        /// # Safety
        /// AVX-512F must be available; `cols[c] + i` and `x + i` must be
        /// readable for `c < C`, `i < len`.
        #[inline(always)]
        unsafe fn $sums<const C: usize>(
            cols: [*const $t; C],
            x: *const $t,
            len: usize,
        ) -> [[$t; 4]; C] {
            // SAFETY: every full load lies below `len`, the masked ones
            // read only their lanes below `len`; the caller guarantees
            // those readable and AVX-512F.
            unsafe {
                let mut p0 = [$setzero(); C];
                let mut p1 = [$setzero(); C];
                let mut q0 = [$setzero(); C];
                let mut q1 = [$setzero(); C];
                let mut i = 0;
                while i + 2 * $w <= len {
                    let x0 = $loadu(x.add(i));
                    let x1 = $loadu(x.add(i + $w));
                    let (s0, s1) = ($swap(x0), $swap(x1));
                    for c in 0..C {
                        // Two cache lines per step, PREFETCH_BYTES ahead
                        // (a hint: it never faults past the end).
                        let ahead = cols[c]
                            .wrapping_add(i)
                            .cast::<i8>()
                            .wrapping_add(PREFETCH_BYTES);
                        _mm_prefetch::<_MM_HINT_T0>(ahead);
                        _mm_prefetch::<_MM_HINT_T0>(ahead.wrapping_add(64));
                        let a0 = $loadu(cols[c].add(i));
                        let a1 = $loadu(cols[c].add(i + $w));
                        p0[c] = $fmadd(a0, x0, p0[c]);
                        q0[c] = $fmadd(a0, s0, q0[c]);
                        p1[c] = $fmadd(a1, x1, p1[c]);
                        q1[c] = $fmadd(a1, s1, q1[c]);
                    }
                    i += 2 * $w;
                }
                while i < len {
                    let rem = (len - i).min($w);
                    let k: $mask = if rem == $w {
                        !0
                    } else {
                        ((1 as $mask) << rem) - 1
                    };
                    let x0 = $maskz_loadu(k, x.add(i));
                    let s0 = $swap(x0);
                    for c in 0..C {
                        let a0 = $maskz_loadu(k, cols[c].add(i));
                        p0[c] = $fmadd(a0, x0, p0[c]);
                        q0[c] = $fmadd(a0, s0, q0[c]);
                    }
                    i += rem;
                }
                std::array::from_fn(|c| {
                    let mut pp = [0.0 as $t; $w];
                    let mut qq = [0.0 as $t; $w];
                    $storeu(pp.as_mut_ptr(), $add(p0[c], p1[c]));
                    $storeu(qq.as_mut_ptr(), $add(q0[c], q1[c]));
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
        /// AVX-512F and FMA must be available.
        #[target_feature(enable = "avx512f,avx2,fma")]
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
            // by the assert; AVX-512F is guaranteed by the caller.
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
fn swap_pd(v: __m512d) -> __m512d {
    // SAFETY: a register shuffle; the callers run with AVX-512F.
    unsafe { _mm512_permute_pd::<0x55>(v) }
}

#[inline(always)]
fn swap_ps(v: __m512) -> __m512 {
    // SAFETY: as `swap_pd`.
    unsafe { _mm512_permute_ps::<0xB1>(v) }
}

dots_kernel!(
    sums_f64,
    dots_f64,
    f64,
    __mmask8,
    8,
    _mm512_setzero_pd,
    _mm512_loadu_pd,
    _mm512_maskz_loadu_pd,
    _mm512_fmadd_pd,
    _mm512_add_pd,
    _mm512_storeu_pd,
    swap_pd
);
dots_kernel!(
    sums_f32,
    dots_f32,
    f32,
    __mmask16,
    16,
    _mm512_setzero_ps,
    _mm512_loadu_ps,
    _mm512_maskz_loadu_ps,
    _mm512_fmadd_ps,
    _mm512_add_ps,
    _mm512_storeu_ps,
    swap_ps
);
