//! Row-major `dgemv` with AVX2 intrinsics, the 256-bit twin of
//! [`super::rows_avx512`]: two registers per row (eight chains for four rows,
//! so none spill to the stack), a masked load for the last `n % 4` columns,
//! and horizontal adds that reduce four rows into one vector.

use std::arch::x86_64::*;

/// Columns per step of the main loop: two cache lines of each row, into two
/// registers per row (streaming two lines per row keeps large matrices as
/// fast as the portable loop, which reads that much).
const STEP: usize = 16;

/// The per-row accumulator vectors of the dots of the `R` rows at `rows`
/// (`n` columns each, `ld` apart) with `x`.
///
/// # Safety
/// AVX2 and FMA must be available; `rows + r*ld + j` and `x + j` must be
/// readable for `r < R`, `j < n`.
#[inline(always)]
unsafe fn acc<const R: usize>(
    rows: *const f64,
    ld: usize,
    x: *const f64,
    n: usize,
) -> [__m256d; R] {
    // SAFETY: j + 16, j + 8, j + 4 or the masked lanes stay below n, which the
    // caller guarantees readable, as it guarantees AVX2 and FMA.
    unsafe {
        let mut lo = [_mm256_setzero_pd(); R];
        let mut hi = [_mm256_setzero_pd(); R];
        let mut j = 0;
        while j + STEP <= n {
            let xv: [__m256d; 4] = std::array::from_fn(|q| _mm256_loadu_pd(x.add(j + 4 * q)));
            for r in 0..R {
                let p = rows.add(r * ld + j);
                lo[r] = _mm256_fmadd_pd(_mm256_loadu_pd(p), xv[0], lo[r]);
                hi[r] = _mm256_fmadd_pd(_mm256_loadu_pd(p.add(4)), xv[1], hi[r]);
                lo[r] = _mm256_fmadd_pd(_mm256_loadu_pd(p.add(8)), xv[2], lo[r]);
                hi[r] = _mm256_fmadd_pd(_mm256_loadu_pd(p.add(12)), xv[3], hi[r]);
            }
            j += STEP;
        }
        if j + 8 <= n {
            let (x0, x1) = (_mm256_loadu_pd(x.add(j)), _mm256_loadu_pd(x.add(j + 4)));
            for r in 0..R {
                let p = rows.add(r * ld + j);
                lo[r] = _mm256_fmadd_pd(_mm256_loadu_pd(p), x0, lo[r]);
                hi[r] = _mm256_fmadd_pd(_mm256_loadu_pd(p.add(4)), x1, hi[r]);
            }
            j += 8;
        }
        if j + 4 <= n {
            let x0 = _mm256_loadu_pd(x.add(j));
            for (r, l) in lo.iter_mut().enumerate() {
                *l = _mm256_fmadd_pd(_mm256_loadu_pd(rows.add(r * ld + j)), x0, *l);
            }
            j += 4;
        }
        if j < n {
            // Lanes whose mask sign bit is clear are neither read nor faulted on.
            let t = (n - j) as i64;
            let k = _mm256_setr_epi64x(-((t > 0) as i64), -((t > 1) as i64), -((t > 2) as i64), 0);
            let x0 = _mm256_maskload_pd(x.add(j), k);
            for (r, h) in hi.iter_mut().enumerate() {
                let a = _mm256_maskload_pd(rows.add(r * ld + j), k);
                *h = _mm256_fmadd_pd(a, x0, *h);
            }
        }
        std::array::from_fn(|r| _mm256_add_pd(lo[r], hi[r]))
    }
}

/// `[sum(v[0]), sum(v[1]), sum(v[2]), sum(v[3])]`.
#[inline(always)]
fn hsum4(v: [__m256d; 4]) -> __m256d {
    // SAFETY: register-only operations; the caller runs with AVX2.
    unsafe {
        // [v0 01, v1 01, v0 23, v1 23] and the same for rows 2 and 3.
        let t01 = _mm256_hadd_pd(v[0], v[1]);
        let t23 = _mm256_hadd_pd(v[2], v[3]);
        let lo = _mm256_permute2f128_pd::<0x20>(t01, t23);
        let hi = _mm256_permute2f128_pd::<0x31>(t01, t23);
        _mm256_add_pd(lo, hi)
    }
}

/// `sum(v)`.
#[inline(always)]
fn hsum1(v: __m256d) -> f64 {
    // SAFETY: register-only operations; the caller runs with AVX2.
    unsafe {
        let s = _mm_add_pd(_mm256_castpd256_pd128(v), _mm256_extractf128_pd::<1>(v));
        _mm_cvtsd_f64(_mm_add_sd(s, _mm_unpackhi_pd(s, s)))
    }
}

/// `y += alpha*A*x` for the row-major `A` in `a` (leading dimension `ld`,
/// `y.len()` rows, `x.len()` columns).
///
/// # Safety
/// AVX2 and FMA must be available.
#[target_feature(enable = "avx2,fma")]
pub(super) unsafe fn gemv_rows(a: &[f64], ld: usize, x: &[f64], alpha: f64, y: &mut [f64]) {
    let (m, n) = (y.len(), x.len());
    if m == 0 || n == 0 {
        return;
    }
    assert!(
        a.len() >= (m - 1) * ld + n,
        "gemv_rows: matrix slice too short"
    );
    let (pa, px, py) = (a.as_ptr(), x.as_ptr(), y.as_mut_ptr());
    let va = _mm256_set1_pd(alpha);
    let mut i = 0;
    // SAFETY: rows i..i+4 (or i) lie within `a` by the assert; y has m
    // elements; the caller guarantees AVX2 and FMA.
    unsafe {
        while i + 4 <= m {
            let d = hsum4(acc::<4>(pa.add(i * ld), ld, px, n));
            _mm256_storeu_pd(
                py.add(i),
                _mm256_fmadd_pd(va, d, _mm256_loadu_pd(py.add(i))),
            );
            i += 4;
        }
        while i < m {
            let [d] = acc::<1>(pa.add(i * ld), ld, px, n);
            *py.add(i) += alpha * hsum1(d);
            i += 1;
        }
    }
}
