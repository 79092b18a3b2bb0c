//! Complex triangular solves on matrices scaled near the ends of the
//! floating-point range, as LAPACK's test matrices are ("scaled near
//! underflow/overflow"): the quotients must be those of the reference BLAS
//! (a Fortran complex division, Smith's algorithm), not Inf or NaN from
//! dividing by `|d|^2`. LAPACK's complex linear-equation tests failed with
//! ratios of 1/eps on every such type before the solves divided this way.

use std::ffi::c_char;

use oxpar_blas::level2::{ztbsv_, ztpsv_, ztrsv_};
use oxpar_blas::level3::ztrsm_;
use oxpar_core::Complex64;

fn ch(c: &'static [u8; 1]) -> *const c_char {
    c.as_ptr().cast()
}

/// A 2x2 upper triangular system `A x = b` whose entries are all of size
/// `s`: `A = s * A1`, `b = s * b1` with `A1 x1 = b1` worked out by hand, so
/// the solution is `x1 = (1, 1 - i)` whatever `s` is.
fn system(s: f64) -> ([Complex64; 4], [Complex64; 2], [Complex64; 2]) {
    let c = Complex64::new;
    // A1 = [[1+i, 1], [0, 2i]] (column-major), x1 = [1, 1 - i].
    let a1 = [c(1.0, 1.0), c(0.0, 0.0), c(1.0, 0.0), c(0.0, 2.0)];
    let x1 = [c(1.0, 0.0), c(1.0, -1.0)];
    // b1 = A1 x1 = [(1+i) + (1-i), 2i(1-i)] = [2, 2 + 2i].
    let b1 = [c(2.0, 0.0), c(2.0, 2.0)];
    (a1.map(|v| v * s), b1.map(|v| v * s), x1)
}

fn assert_solution(got: &[Complex64], want: &[Complex64], what: &str, s: f64) {
    for (g, w) in got.iter().zip(want) {
        let err = (g - w).norm();
        assert!(
            err <= 4.0 * f64::EPSILON,
            "{what} at scale {s:e}: got {got:?}, want {want:?}"
        );
    }
}

const SCALES: [f64; 7] = [1.0, 1e-160, 1e-200, 1e-300, 1e160, 1e200, 1e300];

#[test]
fn ztrsv_solves_scaled_systems() {
    for s in SCALES {
        let (a, mut x, want) = system(s);
        let (n, lda, inc) = (2, 2, 1);
        // SAFETY: a is 2x2 with lda 2, x holds 2 elements.
        unsafe {
            ztrsv_(
                ch(b"U"),
                ch(b"N"),
                ch(b"N"),
                &n,
                a.as_ptr(),
                &lda,
                x.as_mut_ptr(),
                &inc,
                1,
                1,
                1,
            )
        };
        assert_solution(&x, &want, "ztrsv", s);
    }
}

#[test]
fn ztpsv_and_ztbsv_solve_scaled_systems() {
    for s in SCALES {
        let (a, b, want) = system(s);
        // Packed upper: a11, a12, a22.
        let ap = [a[0], a[2], a[3]];
        let mut x = b;
        let (n, inc) = (2, 1);
        // SAFETY: ap holds n(n+1)/2 elements, x holds n.
        unsafe {
            ztpsv_(
                ch(b"U"),
                ch(b"N"),
                ch(b"N"),
                &n,
                ap.as_ptr(),
                x.as_mut_ptr(),
                &inc,
                1,
                1,
                1,
            )
        };
        assert_solution(&x, &want, "ztpsv", s);
        // Band upper with k = 1, lda = 2: column j holds (a[j-1][j], a[j][j]).
        let zero = Complex64::new(0.0, 0.0);
        let band = [zero, a[0], a[2], a[3]];
        let mut x = b;
        let (k, lda) = (1, 2);
        // SAFETY: band is lda x n, x holds n elements.
        unsafe {
            ztbsv_(
                ch(b"U"),
                ch(b"N"),
                ch(b"N"),
                &n,
                &k,
                band.as_ptr(),
                &lda,
                x.as_mut_ptr(),
                &inc,
                1,
                1,
                1,
            )
        };
        assert_solution(&x, &want, "ztbsv", s);
    }
}

#[test]
fn ztrsm_solves_scaled_systems() {
    for s in SCALES {
        let (a, b, want) = system(s);
        let mut x = b;
        let one = Complex64::new(1.0, 0.0);
        let (m, n, lda, ldb) = (2, 1, 2, 2);
        // SAFETY: a is m x m with lda m, x is m x n with ldb m.
        unsafe {
            ztrsm_(
                ch(b"L"),
                ch(b"U"),
                ch(b"N"),
                ch(b"N"),
                &m,
                &n,
                &one,
                a.as_ptr(),
                &lda,
                x.as_mut_ptr(),
                &ldb,
            )
        };
        assert_solution(&x, &want, "ztrsm", s);
    }
}
