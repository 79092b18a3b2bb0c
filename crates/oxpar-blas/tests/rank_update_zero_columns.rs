//! The symmetric rank updates (`?syr`, `?syr2`, `?spr`, `?spr2`) and the
//! Hermitian ones (`?her`, `?her2`, `?hpr`, `?hpr2`) leave column `j` alone
//! when `x(j)` (and `y(j)`) is zero, as the reference BLAS does
//! (`IF (X(J).NE.ZERO)`, `IF ((X(J).NE.ZERO) .OR. (Y(J).NE.ZERO))`; the
//! Hermitian ones still zero the imaginary part of that column's diagonal
//! element): an Inf or NaN elsewhere in the vectors must not turn such a
//! column into NaN through `Inf * 0`. Checked against loops written from the
//! reference, on small integers (so every finite result is exact), both
//! triangles, increments 1 and -2, full and packed storage.

use std::ffi::c_char;

use oxpar_blas::level2 as l2;
use oxpar_core::Complex64 as Z;

const N: usize = 6;

/// `x` with zeros at 0 and 3 and an Inf at 2; `y` zero at 0 and 4 (column 3
/// of `syr2` has `x(3) = 0` but `y(3) != 0`: it must be updated).
fn vectors() -> ([f64; N], [f64; N]) {
    (
        [0.0, 1.0, f64::INFINITY, 0.0, -2.0, 3.0],
        [0.0, 2.0, -1.0, 1.0, 0.0, 1.0],
    )
}

/// Whether (i, j) is in the stored triangle.
fn inside(upper: bool, i: usize, j: usize) -> bool {
    if upper {
        i <= j
    } else {
        i >= j
    }
}

/// The reference's loop on a full column-major matrix with leading dimension `N`.
fn reference(upper: bool, alpha: f64, x: &[f64], y: Option<&[f64]>, a: &mut [f64]) {
    for j in 0..N {
        let skip = x[j] == 0.0 && y.is_none_or(|y| y[j] == 0.0);
        if skip {
            continue;
        }
        for i in (0..N).filter(|&i| inside(upper, i, j)) {
            a[j * N + i] += match y {
                None => x[i] * (alpha * x[j]),
                Some(y) => x[i] * (alpha * y[j]) + y[i] * (alpha * x[j]),
            };
        }
    }
}

/// Equal bits, or both NaN.
fn same(a: f64, b: f64) -> bool {
    a.to_bits() == b.to_bits() || (a.is_nan() && b.is_nan())
}

/// `v` laid out at increment `inc` (1 or negative), gaps holding 99.
fn strided(v: &[f64], inc: i32) -> Vec<f64> {
    let step = inc.unsigned_abs() as usize;
    let mut out = vec![99.0; (v.len() - 1) * step + 1];
    for (i, &e) in v.iter().enumerate() {
        let p = if inc < 0 {
            (v.len() - 1 - i) * step
        } else {
            i * step
        };
        out[p] = e;
    }
    out
}

/// The stored triangle of a full matrix, packed column by column.
fn pack(upper: bool, a: &[f64]) -> Vec<f64> {
    let mut p = vec![];
    for j in 0..N {
        for i in (0..N).filter(|&i| inside(upper, i, j)) {
            p.push(a[j * N + i]);
        }
    }
    p
}

#[test]
fn zero_columns_stay_untouched_by_inf_elsewhere() {
    let (x, y) = vectors();
    let a0: Vec<f64> = (0..N * N).map(|k| (k % 7) as f64 - 3.0).collect();
    let alpha = 2.0;
    for upper in [true, false] {
        let uplo = (if upper { b'U' } else { b'L' }) as c_char;
        for inc in [1i32, -2] {
            let (xs, ys) = (strided(&x, inc), strided(&y, inc));
            let (n, ld) = (N as i32, N as i32);
            for two in [false, true] {
                let what = format!(
                    "{} uplo={} inc={inc}",
                    if two { "dsyr2" } else { "dsyr" },
                    uplo as u8 as char
                );
                let mut want = a0.clone();
                reference(upper, alpha, &x, two.then_some(&y[..]), &mut want);
                // Full storage.
                let mut got = a0.clone();
                // SAFETY: the vectors hold N elements at inc, A is N x N.
                unsafe {
                    if two {
                        l2::dsyr2_(
                            &uplo,
                            &n,
                            &alpha,
                            xs.as_ptr(),
                            &inc,
                            ys.as_ptr(),
                            &inc,
                            got.as_mut_ptr(),
                            &ld,
                            1,
                        );
                    } else {
                        l2::dsyr_(
                            &uplo,
                            &n,
                            &alpha,
                            xs.as_ptr(),
                            &inc,
                            got.as_mut_ptr(),
                            &ld,
                            1,
                        );
                    }
                }
                for k in 0..N * N {
                    assert!(
                        same(got[k], want[k]),
                        "{what}: A[{k}] = {} want {}",
                        got[k],
                        want[k]
                    );
                }
                // Packed storage.
                let mut gotp = pack(upper, &a0);
                // SAFETY: as above, the packed triangle holds N(N+1)/2 elements.
                unsafe {
                    if two {
                        l2::dspr2_(
                            &uplo,
                            &n,
                            &alpha,
                            xs.as_ptr(),
                            &inc,
                            ys.as_ptr(),
                            &inc,
                            gotp.as_mut_ptr(),
                            1,
                        );
                    } else {
                        l2::dspr_(&uplo, &n, &alpha, xs.as_ptr(), &inc, gotp.as_mut_ptr(), 1);
                    }
                }
                let wantp = pack(upper, &want);
                for k in 0..wantp.len() {
                    assert!(
                        same(gotp[k], wantp[k]),
                        "{what} packed: AP[{k}] = {} want {}",
                        gotp[k],
                        wantp[k]
                    );
                }
            }
        }
    }
    // The columns that must stay finite really contain finite values, and
    // the test has NaN/Inf elsewhere to guard against (not a vacuous case).
    let mut want = a0.clone();
    reference(false, alpha, &x, None, &mut want);
    assert!(want[0].is_finite() && want.iter().any(|v| !v.is_finite()));
}

/// The complex vectors: `x` zero at 0 and 3, `(Inf, 0)` at 2; `y` zero at 0
/// and 4 (her2's column 3 has `x(3) = 0` but `y(3) != 0`, column 4 the
/// reverse: both are updated, column 4 with `Inf*0` from `x(2)` as in the
/// reference).
fn complex_vectors() -> ([Z; N], [Z; N]) {
    let z = Z::new;
    (
        [
            z(0.0, 0.0),
            z(1.0, 2.0),
            z(f64::INFINITY, 0.0),
            z(0.0, 0.0),
            z(-2.0, 1.0),
            z(3.0, -1.0),
        ],
        [
            z(0.0, 0.0),
            z(2.0, -1.0),
            z(-1.0, 1.0),
            z(1.0, 0.0),
            z(0.0, 0.0),
            z(1.0, 2.0),
        ],
    )
}

/// `ZHER` (`y` None, `alpha.re`) and `ZHER2`'s loops on a full column-major
/// matrix (leading dimension `N`).
fn reference_hermitian(upper: bool, alpha: Z, x: &[Z], y: Option<&[Z]>, a: &mut [Z]) {
    let zero = Z::new(0.0, 0.0);
    for j in 0..N {
        let d = a[j * N + j].re;
        if x[j] == zero && y.is_none_or(|y| y[j] == zero) {
            a[j * N + j] = Z::new(d, 0.0);
            continue;
        }
        // TEMP = ALPHA*DCONJG(X(J)), ALPHA real: part by part.
        let (t1, t2) = match y {
            None => (Z::new(alpha.re * x[j].re, alpha.re * -x[j].im), zero),
            Some(y) => (alpha * y[j].conj(), (alpha * x[j]).conj()),
        };
        let term = |i: usize| match y {
            None => x[i] * t1,
            Some(y) => x[i] * t1 + y[i] * t2,
        };
        for i in (0..N).filter(|&i| i != j && inside(upper, i, j)) {
            a[j * N + i] = match y {
                None => a[j * N + i] + x[i] * t1,
                Some(y) => a[j * N + i] + x[i] * t1 + y[i] * t2,
            };
        }
        a[j * N + j] = Z::new(d + term(j).re, 0.0);
    }
}

/// Equal bits part by part, or both NaN.
fn same_z(a: Z, b: Z) -> bool {
    same(a.re, b.re) && same(a.im, b.im)
}

#[test]
fn hermitian_zero_columns_stay_untouched_by_inf_elsewhere() {
    let (x, y) = complex_vectors();
    // Small integers, with imaginary parts on the diagonal (not read).
    let a0: Vec<Z> = (0..N * N)
        .map(|k| Z::new((k % 7) as f64 - 3.0, (k % 5) as f64 - 2.0))
        .collect();
    let alpha = Z::new(2.0, 1.0);
    let alpha_re = 2.0f64;
    let zs = |v: &[Z], inc: i32| -> Vec<Z> {
        let step = inc.unsigned_abs() as usize;
        let mut out = vec![Z::new(99.0, 99.0); (v.len() - 1) * step + 1];
        for (i, &e) in v.iter().enumerate() {
            out[if inc < 0 {
                (v.len() - 1 - i) * step
            } else {
                i * step
            }] = e;
        }
        out
    };
    let pack_z = |upper: bool, a: &[Z]| -> Vec<Z> {
        let mut p = vec![];
        for j in 0..N {
            for i in (0..N).filter(|&i| inside(upper, i, j)) {
                p.push(a[j * N + i]);
            }
        }
        p
    };
    for upper in [true, false] {
        let uplo = (if upper { b'U' } else { b'L' }) as c_char;
        for inc in [1i32, -2] {
            let (xs, ys) = (zs(&x, inc), zs(&y, inc));
            let (n, ld) = (N as i32, N as i32);
            for two in [false, true] {
                let what = format!(
                    "{} uplo={} inc={inc}",
                    if two { "zher2" } else { "zher" },
                    uplo as u8 as char
                );
                let mut want = a0.clone();
                let al = if two { alpha } else { Z::new(alpha_re, 0.0) };
                reference_hermitian(upper, al, &x, two.then_some(&y[..]), &mut want);
                let mut got = a0.clone();
                // SAFETY: the vectors hold N elements at inc, A is N x N.
                unsafe {
                    if two {
                        l2::zher2_(
                            &uplo,
                            &n,
                            &alpha,
                            xs.as_ptr(),
                            &inc,
                            ys.as_ptr(),
                            &inc,
                            got.as_mut_ptr(),
                            &ld,
                            1,
                        );
                    } else {
                        l2::zher_(
                            &uplo,
                            &n,
                            &alpha_re,
                            xs.as_ptr(),
                            &inc,
                            got.as_mut_ptr(),
                            &ld,
                            1,
                        );
                    }
                }
                for k in (0..N * N).filter(|k| inside(upper, k % N, k / N)) {
                    assert!(
                        same_z(got[k], want[k]),
                        "{what}: A[{k}] = {} want {}",
                        got[k],
                        want[k]
                    );
                }
                let mut gotp = pack_z(upper, &a0);
                // SAFETY: as above, the packed triangle holds N(N+1)/2 elements.
                unsafe {
                    if two {
                        l2::zhpr2_(
                            &uplo,
                            &n,
                            &alpha,
                            xs.as_ptr(),
                            &inc,
                            ys.as_ptr(),
                            &inc,
                            gotp.as_mut_ptr(),
                            1,
                        );
                    } else {
                        l2::zhpr_(
                            &uplo,
                            &n,
                            &alpha_re,
                            xs.as_ptr(),
                            &inc,
                            gotp.as_mut_ptr(),
                            1,
                        );
                    }
                }
                let wantp = pack_z(upper, &want);
                for k in 0..wantp.len() {
                    assert!(
                        same_z(gotp[k], wantp[k]),
                        "{what} packed: AP[{k}] = {} want {}",
                        gotp[k],
                        wantp[k]
                    );
                }
            }
        }
    }
    // Not vacuous: the skipped columns are finite, others are not.
    let mut want = a0.clone();
    reference_hermitian(false, Z::new(alpha_re, 0.0), &x, None, &mut want);
    assert!(want[0].re.is_finite() && want.iter().any(|v| !v.re.is_finite()));
}
