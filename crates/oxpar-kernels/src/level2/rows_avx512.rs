//! Row-major `dgemv` with AVX-512 intrinsics: four rows per pass share each
//! load of `x`, a masked load takes the last `n % 8` columns, and one
//! transposing add tree turns the four rows' accumulators into one vector of
//! four dots. The portable body cannot do the last two: a run-time tail keeps
//! its accumulators in memory, and its per-row reductions are long shuffles.

use std::arch::x86_64::*;

/// Columns per step of the main loop: four cache lines of each row into two
/// registers per row, so four rows keep eight FMA chains in flight and each
/// step has enough loads in flight (one line per row per step was slower).
const STEP: usize = 32;

/// The dot products of the `R` rows at `rows` (`n` columns each, `ld` apart)
/// with `x`, as per-row vectors still to be summed across lanes.
///
/// # Safety
/// AVX-512F must be available; `rows + r*ld + j` and `x + j` must be readable
/// for `r < R`, `j < n`.
#[inline(always)]
unsafe fn acc<const R: usize>(
    rows: *const f64,
    ld: usize,
    x: *const f64,
    n: usize,
) -> [__m512d; R] {
    // SAFETY: j + 32, j + 16, j + 8 or the masked lanes stay below n, which the
    // caller guarantees readable, as it guarantees AVX-512F.
    unsafe {
        let mut lo = [_mm512_setzero_pd(); R];
        let mut hi = [_mm512_setzero_pd(); R];
        let mut j = 0;
        while j + STEP <= n {
            let xv: [__m512d; 4] = std::array::from_fn(|q| _mm512_loadu_pd(x.add(j + 8 * q)));
            for r in 0..R {
                let p = rows.add(r * ld + j);
                lo[r] = _mm512_fmadd_pd(_mm512_loadu_pd(p), xv[0], lo[r]);
                hi[r] = _mm512_fmadd_pd(_mm512_loadu_pd(p.add(8)), xv[1], hi[r]);
                lo[r] = _mm512_fmadd_pd(_mm512_loadu_pd(p.add(16)), xv[2], lo[r]);
                hi[r] = _mm512_fmadd_pd(_mm512_loadu_pd(p.add(24)), xv[3], hi[r]);
            }
            j += STEP;
        }
        if j + 16 <= n {
            let (x0, x1) = (_mm512_loadu_pd(x.add(j)), _mm512_loadu_pd(x.add(j + 8)));
            for r in 0..R {
                let p = rows.add(r * ld + j);
                lo[r] = _mm512_fmadd_pd(_mm512_loadu_pd(p), x0, lo[r]);
                hi[r] = _mm512_fmadd_pd(_mm512_loadu_pd(p.add(8)), x1, hi[r]);
            }
            j += 16;
        }
        if j + 8 <= n {
            let x0 = _mm512_loadu_pd(x.add(j));
            for (r, l) in lo.iter_mut().enumerate() {
                *l = _mm512_fmadd_pd(_mm512_loadu_pd(rows.add(r * ld + j)), x0, *l);
            }
            j += 8;
        }
        if j < n {
            // Masked lanes are neither read nor faulted on.
            let k: __mmask8 = (1u8 << (n - j)) - 1;
            let x0 = _mm512_maskz_loadu_pd(k, x.add(j));
            for (r, h) in hi.iter_mut().enumerate() {
                let a = _mm512_maskz_loadu_pd(k, rows.add(r * ld + j));
                *h = _mm512_fmadd_pd(a, x0, *h);
            }
        }
        std::array::from_fn(|r| _mm512_add_pd(lo[r], hi[r]))
    }
}

/// `[sum(v[0]), sum(v[1]), sum(v[2]), sum(v[3])]`, by pairwise adds of
/// interleaved lanes rather than four separate reductions.
#[inline(always)]
fn hsum4(v: [__m512d; 4]) -> __m256d {
    // SAFETY: register-only operations; the caller runs with AVX-512F.
    unsafe {
        // Each 128-bit lane: (row 0, row 1) and (row 2, row 3) partial sums.
        let t01 = _mm512_add_pd(
            _mm512_unpacklo_pd(v[0], v[1]),
            _mm512_unpackhi_pd(v[0], v[1]),
        );
        let t23 = _mm512_add_pd(
            _mm512_unpacklo_pd(v[2], v[3]),
            _mm512_unpackhi_pd(v[2], v[3]),
        );
        // Lanes [t01.0, t01.2, t23.0, t23.2] + [t01.1, t01.3, t23.1, t23.3].
        let u = _mm512_shuffle_f64x2::<0b10_00_10_00>(t01, t23);
        let w = _mm512_shuffle_f64x2::<0b11_01_11_01>(t01, t23);
        let s = _mm512_add_pd(u, w);
        // Lanes [s.0, s.2] + [s.1, s.3]: rows 0, 1, 2, 3.
        let lo = _mm512_shuffle_f64x2::<0b00_00_10_00>(s, s);
        let hi = _mm512_shuffle_f64x2::<0b00_00_11_01>(s, s);
        _mm512_castpd512_pd256(_mm512_add_pd(lo, hi))
    }
}

/// `y += alpha*A*x` for the row-major `A` in `a` (leading dimension `ld`,
/// `y.len()` rows, `x.len()` columns).
///
/// # Safety
/// AVX-512F and FMA must be available.
#[target_feature(enable = "avx512f,avx2,fma")]
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
    // elements; the caller guarantees AVX-512F.
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
            *py.add(i) += alpha * _mm512_reduce_add_pd(d);
            i += 1;
        }
    }
}
