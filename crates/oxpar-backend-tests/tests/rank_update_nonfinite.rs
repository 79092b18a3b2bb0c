//! The rank updates (ger, gerc, her, her2, hpr, hpr2; real ger, syr, syr2,
//! spr, spr2) with Inf and NaN in the vectors: the serial oracle and the
//! threads backend must agree element by element on which parts come out
//! NaN or infinite, as the reference BLAS's column loops decide it: a
//! column whose `y(j)` (ger, gerc) or `x(j)` (and `y(j)`) is zero is left
//! alone, so an infinity elsewhere in a vector does not turn it into NaN;
//! her's `TEMP = alpha*conj(x(j))` is a real times a complex, so an
//! infinite imaginary part of `x(j)` gives no NaN in the real part.
//!
//! The complex results must be the same bits; the real ones (whose kernels
//! may fuse multiply-adds) within a relative tolerance. Besides the
//! agreement, each skipped column is checked against the
//! input directly (unchanged, but for the imaginary part of a Hermitian
//! diagonal element, set to zero).

use oxpar_core::{Complex, Element, Level2, MatMut, PackedMut, Serial, Uplo, VecRef};
use oxpar_threads::{ThreadsBackend, Thresholds};

/// The order of the matrices: a few of the threads backend's blocks.
const N: usize = 41;
/// Columns whose `x(j)` is zero.
const X_ZERO: [usize; 3] = [2, 5, N - 1];
/// Columns whose `y(j)` is zero (2: both zero).
const Y_ZERO: [usize; 2] = [2, 7];

/// Element types built from parts (the imaginary part dropped for reals).
trait Make: Element {
    fn mk(re: f64, im: f64) -> Self;
    fn parts(self) -> (f64, f64);
}
impl Make for f64 {
    fn mk(re: f64, _: f64) -> Self {
        re
    }
    fn parts(self) -> (f64, f64) {
        (self, 0.0)
    }
}
impl Make for f32 {
    fn mk(re: f64, _: f64) -> Self {
        re as f32
    }
    fn parts(self) -> (f64, f64) {
        (f64::from(self), 0.0)
    }
}
impl Make for Complex<f64> {
    fn mk(re: f64, im: f64) -> Self {
        Complex::new(re, im)
    }
    fn parts(self) -> (f64, f64) {
        (self.re, self.im)
    }
}
impl Make for Complex<f32> {
    fn mk(re: f64, im: f64) -> Self {
        Complex::new(re as f32, im as f32)
    }
    fn parts(self) -> (f64, f64) {
        (f64::from(self.re), f64::from(self.im))
    }
}

/// `len` pseudo-random values in `[-1, 1)` (both parts).
fn data<T: Make>(len: usize, seed: u64) -> Vec<T> {
    let mut s = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    let mut next = move || {
        s ^= s << 13;
        s ^= s >> 7;
        s ^= s << 17;
        (s >> 11) as f64 / (1u64 << 52) as f64 - 1.0
    };
    (0..len).map(|_| T::mk(next(), next())).collect()
}

/// `x`: zeros at [`X_ZERO`], an infinity, a NaN, and (complex) an infinite
/// imaginary part.
fn x_vec<T: Make>() -> Vec<T> {
    let mut x = data::<T>(N, 1);
    for j in X_ZERO {
        x[j] = T::ZERO;
    }
    x[4] = T::mk(f64::INFINITY, 0.5);
    x[9] = T::mk(f64::NAN, 0.25);
    x[11] = T::mk(2.0, f64::NEG_INFINITY);
    x
}

/// `y`: zeros at [`Y_ZERO`] and an infinity.
fn y_vec<T: Make>() -> Vec<T> {
    let mut y = data::<T>(N, 2);
    for j in Y_ZERO {
        y[j] = T::ZERO;
    }
    y[6] = T::mk(-1.5, f64::INFINITY);
    y
}

/// One part's class: NaN, +Inf, -Inf or finite.
fn class(v: f64) -> i8 {
    if v.is_nan() {
        0
    } else if v.is_infinite() {
        v.signum() as i8 * 2
    } else {
        1
    }
}

/// `got` and `want` agree: the same class part by part, finite parts
/// within `tol` (relative), or the same bits when `tol` is zero.
fn assert_agree<T: Make>(what: &str, got: &[T], want: &[T], tol: f64) {
    for (k, (&g, &w)) in got.iter().zip(want).enumerate() {
        for (gp, wp) in [(g.parts().0, w.parts().0), (g.parts().1, w.parts().1)] {
            assert_eq!(
                class(gp),
                class(wp),
                "{what}: element {k}: {:?} vs {:?}",
                g.parts(),
                w.parts()
            );
            if class(gp) == 1 {
                let ok = if tol == 0.0 {
                    gp.to_bits() == wp.to_bits()
                } else {
                    (gp - wp).abs() <= tol * (1.0 + wp.abs())
                };
                assert!(
                    ok,
                    "{what}: element {k}: {:?} vs {:?}",
                    g.parts(),
                    w.parts()
                );
            }
        }
    }
}

fn backends() -> Vec<(&'static str, ThreadsBackend)> {
    vec![
        (
            "split(3)",
            ThreadsBackend::with_config(3, Thresholds::always_parallel()).expect("threads start"),
        ),
        (
            "default(2)",
            ThreadsBackend::with_threads(2).expect("threads start"),
        ),
    ]
}

/// A full-storage update `op` on the serial and every threads backend.
fn full<T: Make>(what: &str, tol: f64, op: impl Fn(&dyn Level2<T>, MatMut<'_, T>)) -> Vec<T>
where
    ThreadsBackend: Level2<T>,
{
    let a0 = data::<T>(N * N, 3);
    let mut want = a0.clone();
    op(&Serial, MatMut::col_major(&mut want, N, N, N).unwrap());
    for (name, b) in backends() {
        let mut got = a0.clone();
        op(&b, MatMut::col_major(&mut got, N, N, N).unwrap());
        assert_agree(&format!("{what} {name}"), &got, &want, tol);
    }
    want
}

/// A packed update `op` on the serial and every threads backend.
fn packed<T: Make>(
    what: &str,
    uplo: Uplo,
    tol: f64,
    op: impl Fn(&dyn Level2<T>, PackedMut<'_, T>),
) -> Vec<T>
where
    ThreadsBackend: Level2<T>,
{
    let a0 = data::<T>(N * (N + 1) / 2, 4);
    let mut want = a0.clone();
    op(&Serial, PackedMut::from_blas(&mut want, N, uplo).unwrap());
    for (name, b) in backends() {
        let mut got = a0.clone();
        op(&b, PackedMut::from_blas(&mut got, N, uplo).unwrap());
        assert_agree(&format!("{what} {name}"), &got, &want, tol);
    }
    want
}

/// Column `j` of the full result equals the input but for the diagonal's
/// imaginary part (zero when `herm`).
fn assert_column_kept<T: Make>(
    what: &str,
    a: &[T],
    j: usize,
    rows: std::ops::Range<usize>,
    herm: bool,
) {
    let a0 = data::<T>(N * N, 3);
    for i in rows {
        let (g, w) = (a[i + j * N].parts(), a0[i + j * N].parts());
        let w = if herm && i == j { (w.0, 0.0) } else { w };
        assert!(
            g.0.to_bits() == w.0.to_bits() && g.1.to_bits() == w.1.to_bits(),
            "{what}: column {j} row {i} changed: {g:?} vs {w:?}"
        );
    }
}

fn tri_rows(uplo: Uplo, j: usize) -> std::ops::Range<usize> {
    match uplo {
        Uplo::Upper => 0..j + 1,
        Uplo::Lower => j..N,
    }
}

fn check_general<T: Make>(tol: f64)
where
    ThreadsBackend: Level2<T>,
{
    let (x, y) = (x_vec::<T>(), y_vec::<T>());
    let (xv, yv) = (VecRef::from_slice(&x), VecRef::from_slice(&y));
    let alpha = T::mk(0.75, -0.5);
    let a = full::<T>("ger", tol, |b, a| b.ger(alpha, xv, yv, a).unwrap());
    for j in Y_ZERO {
        assert_column_kept("ger", &a, j, 0..N, false);
    }
    let a = full::<T>("gerc", tol, |b, a| b.gerc(alpha, xv, yv, a).unwrap());
    for j in Y_ZERO {
        assert_column_kept("gerc", &a, j, 0..N, false);
    }
}

fn check_hermitian<T: Make>(tol: f64)
where
    ThreadsBackend: Level2<T>,
{
    let (x, y) = (x_vec::<T>(), y_vec::<T>());
    let (xv, yv) = (VecRef::from_slice(&x), VecRef::from_slice(&y));
    let alpha = T::mk(0.75, -0.5);
    for uplo in [Uplo::Upper, Uplo::Lower] {
        let a = full::<T>("her", tol, |b, a| b.her(uplo, alpha.re(), xv, a).unwrap());
        for j in X_ZERO {
            assert_column_kept("her", &a, j, tri_rows(uplo, j), true);
        }
        let a = full::<T>("her2", tol, |b, a| b.her2(uplo, alpha, xv, yv, a).unwrap());
        assert_column_kept("her2", &a, 2, tri_rows(uplo, 2), true);
        packed::<T>("hpr", uplo, tol, |b, a| b.hpr(alpha.re(), xv, a).unwrap());
        packed::<T>("hpr2", uplo, tol, |b, a| b.hpr2(alpha, xv, yv, a).unwrap());
    }
}

fn check_symmetric<T: Make>(tol: f64)
where
    ThreadsBackend: Level2<T>,
{
    let (x, y) = (x_vec::<T>(), y_vec::<T>());
    let (xv, yv) = (VecRef::from_slice(&x), VecRef::from_slice(&y));
    let alpha = T::mk(0.75, 0.0);
    for uplo in [Uplo::Upper, Uplo::Lower] {
        let a = full::<T>("syr", tol, |b, a| b.syr(uplo, alpha, xv, a).unwrap());
        for j in X_ZERO {
            assert_column_kept("syr", &a, j, tri_rows(uplo, j), false);
        }
        let a = full::<T>("syr2", tol, |b, a| b.syr2(uplo, alpha, xv, yv, a).unwrap());
        assert_column_kept("syr2", &a, 2, tri_rows(uplo, 2), false);
        packed::<T>("spr", uplo, tol, |b, a| b.spr(alpha, xv, a).unwrap());
        packed::<T>("spr2", uplo, tol, |b, a| b.spr2(alpha, xv, yv, a).unwrap());
    }
}

/// The complex kernels do the reference's arithmetic (no fused
/// multiply-adds in the rank updates): the same bits as the oracle.
#[test]
fn complex_rank_updates_agree_on_inf_and_nan() {
    check_general::<Complex<f64>>(0.0);
    check_hermitian::<Complex<f64>>(0.0);
    check_general::<Complex<f32>>(0.0);
    check_hermitian::<Complex<f32>>(0.0);
}

/// The real kernels may fuse the multiply-add (an ulp apart); the classes
/// must still agree.
#[test]
fn real_rank_updates_agree_on_inf_and_nan() {
    check_general::<f64>(1e-13);
    check_symmetric::<f64>(1e-13);
    check_general::<f32>(1e-5);
    check_symmetric::<f32>(1e-5);
}
