//! Results must not depend on where the operands lie in memory: the same
//! data at another address (a copy, another allocation, a different offset
//! from a cache line) must give the same bits.
//!
//! Clients rely on this without saying so. SciPy's
//! `test_decomp_cossin.py::test_cossin_separate[float64]` computes one CS
//! decomposition twice, through `dorcsd` directly and through `cossin`, on
//! copies of the same blocks in different buffers, and compares the factors
//! to 10 ulps; the factors of a degenerate decomposition are not unique, so a
//! last-bit difference in one `ddot` or `dnrm2` inside LAPACK grows into
//! an O(1) difference (0.72 there). LAPACK's eig tests that compare two runs
//! bit for bit depend on it likewise.
//!
//! The dot kernel starts its blocked loop on a cache line; it used to give
//! the elements before that line to the first accumulators, so the
//! association of the sum, hence the last bits, moved with the address.
//! The complex dot kernel (zdotc, cdotc, ...) did the same with the elements
//! before its first aligned block, which it added in a separate chain.
//! Each case here puts the same data at every offset from a 64-byte
//! boundary and checks that all results are bit-identical and agree with a
//! naive loop to rounding.

use std::ffi::c_char;

use oxpar_blas::{level1 as l1, level2 as l2};

/// Vector lengths: below, at and above the kernel's block (64), long ones,
/// and one long enough for several threads.
const NS: [usize; 8] = [63, 64, 65, 100, 129, 1000, 4099, 200_003];

/// Deterministic values in [-1, 1).
fn values(len: usize, seed: u64) -> Vec<f64> {
    let mut s = seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1;
    (0..len)
        .map(|_| {
            s = s
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            ((s >> 11) as f64 / (1u64 << 53) as f64) * 2.0 - 1.0
        })
        .collect()
}

/// A buffer holding `data` starting `offset` elements after a 64-byte
/// boundary; returns the buffer and the index where the data start.
fn placed<T: Copy + Default>(data: &[T], offset: usize) -> (Vec<T>, usize) {
    let per_line = 64 / std::mem::size_of::<T>();
    let mut buf = vec![T::default(); data.len() + 2 * per_line];
    let start = buf.as_ptr().align_offset(64) + offset;
    buf[start..start + data.len()].copy_from_slice(data);
    (buf, start)
}

/// The offsets from a cache line an element of `T` can have.
fn offsets<T>() -> std::ops::Range<usize> {
    0..64 / std::mem::size_of::<T>()
}

/// Asserts that every result has the bits of the first and lies within
/// `tol` of `want`.
fn assert_same_and_close(results: &[(usize, f64)], want: f64, tol: f64, what: &str) {
    let (first_offset, first) = results[0];
    for &(offset, got) in results {
        assert_eq!(
            got.to_bits(),
            first.to_bits(),
            "{what}: offset {offset} gives {got:e}, offset {first_offset} gives {first:e}"
        );
    }
    assert!(
        (first - want).abs() <= tol,
        "{what}: {first:e} vs naive {want:e} (tolerance {tol:e})"
    );
}

#[test]
fn ddot_and_dnrm2_ignore_the_address() {
    for &n in &NS {
        let (x, y) = (values(n, 1), values(n, 2));
        let naive_dot: f64 = x.iter().zip(&y).map(|(a, b)| a * b).sum();
        let abs_dot: f64 = x.iter().zip(&y).map(|(a, b)| (a * b).abs()).sum();
        let naive_nrm = x.iter().map(|a| a * a).sum::<f64>().sqrt();
        let tol = |scale: f64| 2.0 * n as f64 * f64::EPSILON * scale;
        let (mut dots, mut cdots, mut nrms, mut cnrms) = (vec![], vec![], vec![], vec![]);
        for off in offsets::<f64>() {
            // y at another offset than x, as independent allocations are.
            let (xb, xs) = placed(&x, off);
            let (yb, ys) = placed(&y, (off * 3 + 1) % 8);
            let (xp, yp) = (xb[xs..].as_ptr(), yb[ys..].as_ptr());
            let (nn, one) = (n as i32, 1);
            // SAFETY: xp and yp hold n elements each.
            unsafe {
                dots.push((off, l1::ddot_(&nn, xp, &one, yp, &one)));
                cdots.push((off, l1::cblas_ddot(nn, xp, 1, yp, 1)));
                nrms.push((off, l1::dnrm2_(&nn, xp, &one)));
                cnrms.push((off, l1::cblas_dnrm2(nn, xp, 1)));
            }
        }
        assert_same_and_close(&dots, naive_dot, tol(abs_dot), &format!("ddot_ n={n}"));
        assert_same_and_close(
            &cdots,
            naive_dot,
            tol(abs_dot),
            &format!("cblas_ddot n={n}"),
        );
        assert_same_and_close(&nrms, naive_nrm, tol(naive_nrm), &format!("dnrm2_ n={n}"));
        assert_same_and_close(
            &cnrms,
            naive_nrm,
            tol(naive_nrm),
            &format!("cblas_dnrm2 n={n}"),
        );
    }
}

#[test]
fn sdot_and_snrm2_ignore_the_address() {
    for &n in &NS {
        let x: Vec<f32> = values(n, 3).iter().map(|&v| v as f32).collect();
        let y: Vec<f32> = values(n, 4).iter().map(|&v| v as f32).collect();
        // f32 products are exact in f64: the naive f64 loop is within
        // n * 2^-53 of the exact value, far below one f32 ulp.
        let naive_dot: f64 = x.iter().zip(&y).map(|(&a, &b)| a as f64 * b as f64).sum();
        let abs_dot: f64 = x
            .iter()
            .zip(&y)
            .map(|(&a, &b)| (a as f64 * b as f64).abs())
            .sum();
        let naive_nrm = x.iter().map(|&a| a as f64 * a as f64).sum::<f64>().sqrt();
        let tol = |v: f64, scale: f64| {
            v.abs() * f32::EPSILON as f64 + 2.0 * n as f64 * f64::EPSILON * scale
        };
        let (mut dots, mut nrms) = (vec![], vec![]);
        for off in offsets::<f32>() {
            let (xb, xs) = placed(&x, off);
            let (yb, ys) = placed(&y, (off * 5 + 3) % 16);
            let (xp, yp) = (xb[xs..].as_ptr(), yb[ys..].as_ptr());
            let (nn, one) = (n as i32, 1);
            // SAFETY: xp and yp hold n elements each.
            unsafe {
                dots.push((off, l1::sdot_(&nn, xp, &one, yp, &one) as f64));
                nrms.push((off, l1::snrm2_(&nn, xp, &one) as f64));
            }
        }
        let what = format!("sdot_ n={n}");
        assert_same_and_close(&dots, naive_dot, tol(naive_dot, abs_dot), &what);
        let what = format!("snrm2_ n={n}");
        assert_same_and_close(&nrms, naive_nrm, tol(naive_nrm, naive_nrm), &what);
    }
}

#[test]
fn zdotc_and_cdotc_ignore_the_address() {
    for &n in &NS {
        // Interleaved parts (re, im, ...) of n complex elements.
        let (x, y) = (values(2 * n, 5), values(2 * n, 6));
        let (mut naive, mut abs) = ([0.0f64; 2], 0.0f64);
        for (a, b) in x.chunks_exact(2).zip(y.chunks_exact(2)) {
            // conj(a) * b
            naive[0] += a[0] * b[0] + a[1] * b[1];
            naive[1] += a[0] * b[1] - a[1] * b[0];
            abs += (a[0] * b[0]).abs() + (a[1] * b[1]).abs();
            abs += (a[0] * b[1]).abs() + (a[1] * b[0]).abs();
        }
        let tol = 2.0 * n as f64 * f64::EPSILON * abs;
        let xs: Vec<f32> = x.iter().map(|&v| v as f32).collect();
        let ys: Vec<f32> = y.iter().map(|&v| v as f32).collect();
        let (mut z, mut c) = ([vec![], vec![]], [vec![], vec![]]);
        // Every offset of a part: odd ones put each element across a
        // 16-byte (c64) or 8-byte (c32) pair.
        for off in offsets::<f64>() {
            let (xb, xo) = placed(&x, off);
            let (yb, yo) = placed(&y, (off * 3 + 1) % 8);
            let mut out = [0.0f64; 2];
            // SAFETY: each pointer holds n complex elements (2n parts).
            unsafe {
                l1::cblas_zdotc_sub(
                    n as i32,
                    xb[xo..].as_ptr().cast(),
                    1,
                    yb[yo..].as_ptr().cast(),
                    1,
                    out.as_mut_ptr().cast(),
                )
            };
            z[0].push((off, out[0]));
            z[1].push((off, out[1]));
        }
        for off in offsets::<f32>() {
            let (xb, xo) = placed(&xs, off);
            let (yb, yo) = placed(&ys, (off * 5 + 3) % 16);
            let mut out = [0.0f32; 2];
            // SAFETY: as above.
            unsafe {
                l1::cblas_cdotc_sub(
                    n as i32,
                    xb[xo..].as_ptr().cast(),
                    1,
                    yb[yo..].as_ptr().cast(),
                    1,
                    out.as_mut_ptr().cast(),
                )
            };
            c[0].push((off, out[0] as f64));
            c[1].push((off, out[1] as f64));
        }
        for (part, name) in [(0, "re"), (1, "im")] {
            let what = format!("cblas_zdotc_sub {name} n={n}");
            assert_same_and_close(&z[part], naive[part], tol, &what);
            // The f32 data differ from the f64 ones: only the bits are
            // compared, and the value to an f32 rounding of the inputs.
            let what = format!("cblas_cdotc_sub {name} n={n}");
            let ctol = tol + 4.0 * f32::EPSILON as f64 * abs;
            assert_same_and_close(&c[part], naive[part], ctol, &what);
        }
    }
}

/// `x := A^T x` (`dtrmv_`) and `A^T x = b` (`dtrsv_`), `A` column-major:
/// each row of `A^T` is a contiguous column of `A`, reduced by the dot kernel.
#[test]
fn dtrmv_and_dtrsv_transposed_ignore_the_address() {
    let letter = |c: u8| c as c_char;
    for n in [70usize, 150] {
        let lda = n + 3;
        // Upper triangular, well conditioned: a dominant diagonal.
        let mut a = values(lda * n, 5);
        for j in 0..n {
            a[j * lda + j] = n as f64;
        }
        let x0 = values(n, 6);
        for (routine, uplo) in [
            ("dtrmv_", b'U'),
            ("dtrmv_", b'L'),
            ("dtrsv_", b'U'),
            ("dtrsv_", b'L'),
        ] {
            let mut results: Vec<(usize, Vec<f64>)> = vec![];
            for off in offsets::<f64>() {
                let (ab, s) = placed(&a, off);
                let mut x = x0.clone();
                let (nn, ld, one) = (n as i32, lda as i32, 1);
                let (u, t, d) = (letter(uplo), letter(b'T'), letter(b'N'));
                // SAFETY: A holds n columns of lda elements, x holds n elements.
                unsafe {
                    let f = if routine == "dtrmv_" {
                        l2::dtrmv_
                    } else {
                        l2::dtrsv_
                    };
                    f(
                        &u,
                        &t,
                        &d,
                        &nn,
                        ab[s..].as_ptr(),
                        &ld,
                        x.as_mut_ptr(),
                        &one,
                        1,
                        1,
                        1,
                    );
                }
                results.push((off, x));
            }
            // The naive loop: x := A^T x, or the forward/backward substitution.
            let at = |i: usize, j: usize| {
                // (A^T)(i, j) = A(j, i), within the triangle uplo of A.
                let inside = if uplo == b'U' { j <= i } else { j >= i };
                if inside {
                    a[i * lda + j]
                } else {
                    0.0
                }
            };
            let mut want = x0.clone();
            if routine == "dtrmv_" {
                want = (0..n)
                    .map(|i| (0..n).map(|j| at(i, j) * x0[j]).sum())
                    .collect();
            } else {
                let order: Vec<usize> = if uplo == b'U' {
                    (0..n).collect()
                } else {
                    (0..n).rev().collect()
                };
                for &i in &order {
                    let s: f64 = (0..n).filter(|&j| j != i).map(|j| at(i, j) * want[j]).sum();
                    want[i] = (want[i] - s) / at(i, i);
                }
            }
            let (first_off, first) = &results[0];
            for (off, got) in &results {
                let same = got
                    .iter()
                    .zip(first)
                    .all(|(p, q)| p.to_bits() == q.to_bits());
                assert!(
                    same,
                    "{routine} uplo={} n={n}: offset {off} differs from offset {first_off}",
                    uplo as char
                );
            }
            for (i, (g, w)) in first.iter().zip(&want).enumerate() {
                let tol = 1e-12 * (1.0 + w.abs()) * n as f64;
                assert!(
                    (g - w).abs() <= tol,
                    "{routine} uplo={} n={n}: x[{i}] = {g:e}, naive {w:e}",
                    uplo as char
                );
            }
        }
    }
}
