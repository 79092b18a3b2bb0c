//! Level 1 against loops written from the reference BLAS's definitions: for
//! `n` in 0, 1, 2, 7, 100 and increments 1, 2, -1, -3 and 0, in f32 and f64,
//! through the Fortran and the CBLAS entry points.
//!
//! Routines the library computes in the reference's order (rotations, copy,
//! swap, scal, iamax, sdsdot/dsdot) must agree bit for bit; reductions and
//! axpy (which may use FMA and another summation order) to rounding.

use std::ffi::{c_int, c_void};
use std::fmt::Debug;
use std::ops::{Add, Div, Mul, Neg, Sub};

use oxpar_blas::level1 as l1;

const NS: [usize; 5] = [0, 1, 2, 7, 100];
const INCS: [i32; 5] = [1, 2, -1, -3, 0];

/// Array index of the reference's element `i` of `n` at `inc`: a negative
/// increment starts at `x(1 + (1-n)*inc)` and runs backwards.
fn pos(i: usize, n: usize, inc: i32) -> usize {
    let step = inc.unsigned_abs() as usize;
    if inc < 0 {
        (n - 1 - i) * step
    } else {
        i * step
    }
}

/// Array length that holds `n` elements at `inc` (at least 1).
fn storage(n: usize, inc: i32) -> usize {
    if n == 0 {
        1
    } else {
        (n - 1) * inc.unsigned_abs() as usize + 1
    }
}

/// Deterministic values in [-1, 1), plus one spare element at the end (which
/// no routine may touch).
fn values<T: Real>(len: usize, seed: u64) -> Vec<T> {
    let mut s = seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1;
    (0..len + 1)
        .map(|_| {
            s = s
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            T::of(((s >> 11) as f64 / (1u64 << 53) as f64) * 2.0 - 1.0)
        })
        .collect()
}

/// The element types, with what the tests need of them.
trait Real:
    Copy
    + PartialEq
    + PartialOrd
    + Debug
    + Add<Output = Self>
    + Sub<Output = Self>
    + Mul<Output = Self>
    + Div<Output = Self>
    + Neg<Output = Self>
    + 'static
{
    /// Machine epsilon.
    const EPS: f64;
    fn of(v: f64) -> Self;
    fn to(self) -> f64;
    fn from_bits64(b: u64) -> Self;
    fn bits64(self) -> u64;
    fn abs(self) -> Self {
        if self < Self::of(0.0) {
            -self
        } else {
            self
        }
    }
}

impl Real for f32 {
    const EPS: f64 = f32::EPSILON as f64;
    fn of(v: f64) -> Self {
        v as f32
    }
    fn to(self) -> f64 {
        f64::from(self)
    }
    fn from_bits64(b: u64) -> Self {
        f32::from_bits(b as u32)
    }
    fn bits64(self) -> u64 {
        u64::from(self.to_bits())
    }
}

impl Real for f64 {
    const EPS: f64 = f64::EPSILON;
    fn of(v: f64) -> Self {
        v
    }
    fn to(self) -> f64 {
        self
    }
    fn from_bits64(b: u64) -> Self {
        f64::from_bits(b)
    }
    fn bits64(self) -> u64 {
        self.to_bits()
    }
}

/// Same bits, or both NaN.
fn same<T: Real>(a: T, b: T) -> bool {
    a.bits64() == b.bits64() || (a.to().is_nan() && b.to().is_nan())
}

fn assert_same<T: Real>(got: &[T], want: &[T], what: &str) {
    assert_eq!(got.len(), want.len(), "{what}: lengths");
    for (i, (g, w)) in got.iter().zip(want).enumerate() {
        assert!(same(*g, *w), "{what}: element {i}: got {g:?}, want {w:?}");
    }
}

/// `|got - want| <= tol * scale` (NaN only where NaN is wanted).
fn assert_close(got: f64, want: f64, scale: f64, tol: f64, what: &str) {
    if want.is_nan() {
        assert!(got.is_nan(), "{what}: got {got}, want NaN");
        return;
    }
    if want.is_infinite() {
        assert_eq!(got, want, "{what}");
        return;
    }
    assert!(
        (got - want).abs() <= tol * scale + f64::MIN_POSITIVE,
        "{what}: got {got}, want {want} (scale {scale}, tol {tol})"
    );
}

type Int = *const c_int;

/// One precision's entry points.
struct Api<T> {
    rotg: unsafe extern "C" fn(*mut T, *mut T, *mut T, *mut T),
    rotmg: unsafe extern "C" fn(*mut T, *mut T, *mut T, *const T, *mut T),
    rot: unsafe extern "C" fn(Int, *mut T, Int, *mut T, Int, *const T, *const T),
    rotm: unsafe extern "C" fn(Int, *mut T, Int, *mut T, Int, *const T),
    swap: unsafe extern "C" fn(Int, *mut T, Int, *mut T, Int),
    scal: unsafe extern "C" fn(Int, *const T, *mut T, Int),
    copy: unsafe extern "C" fn(Int, *const T, Int, *mut T, Int),
    axpy: unsafe extern "C" fn(Int, *const T, *const T, Int, *mut T, Int),
    dot: unsafe extern "C" fn(Int, *const T, Int, *const T, Int) -> T,
    nrm2: unsafe extern "C" fn(Int, *const T, Int) -> T,
    asum: unsafe extern "C" fn(Int, *const T, Int) -> T,
    iamax: unsafe extern "C" fn(Int, *const T, Int) -> c_int,
    casum: unsafe extern "C" fn(Int, *const c_void, Int) -> T,
    cnrm2: unsafe extern "C" fn(Int, *const c_void, Int) -> T,
    c_rotg: unsafe extern "C" fn(*mut T, *mut T, *mut T, *mut T),
    c_rotmg: unsafe extern "C" fn(*mut T, *mut T, *mut T, T, *mut T),
    c_rot: unsafe extern "C" fn(c_int, *mut T, c_int, *mut T, c_int, T, T),
    c_rotm: unsafe extern "C" fn(c_int, *mut T, c_int, *mut T, c_int, *const T),
    c_swap: unsafe extern "C" fn(c_int, *mut T, c_int, *mut T, c_int),
    c_scal: unsafe extern "C" fn(c_int, T, *mut T, c_int),
    c_copy: unsafe extern "C" fn(c_int, *const T, c_int, *mut T, c_int),
    c_axpy: unsafe extern "C" fn(c_int, T, *const T, c_int, *mut T, c_int),
    c_dot: unsafe extern "C" fn(c_int, *const T, c_int, *const T, c_int) -> T,
    c_nrm2: unsafe extern "C" fn(c_int, *const T, c_int) -> T,
    c_asum: unsafe extern "C" fn(c_int, *const T, c_int) -> T,
    c_iamax: unsafe extern "C" fn(c_int, *const T, c_int) -> usize,
    c_casum: unsafe extern "C" fn(c_int, *const c_void, c_int) -> T,
    c_cnrm2: unsafe extern "C" fn(c_int, *const c_void, c_int) -> T,
}

fn api_s() -> Api<f32> {
    Api {
        rotg: l1::srotg_,
        rotmg: l1::srotmg_,
        rot: l1::srot_,
        rotm: l1::srotm_,
        swap: l1::sswap_,
        scal: l1::sscal_,
        copy: l1::scopy_,
        axpy: l1::saxpy_,
        dot: l1::sdot_,
        nrm2: l1::snrm2_,
        asum: l1::sasum_,
        iamax: l1::isamax_,
        casum: l1::scasum_,
        cnrm2: l1::scnrm2_,
        c_rotg: l1::cblas_srotg,
        c_rotmg: l1::cblas_srotmg,
        c_rot: l1::cblas_srot,
        c_rotm: l1::cblas_srotm,
        c_swap: l1::cblas_sswap,
        c_scal: l1::cblas_sscal,
        c_copy: l1::cblas_scopy,
        c_axpy: l1::cblas_saxpy,
        c_dot: l1::cblas_sdot,
        c_nrm2: l1::cblas_snrm2,
        c_asum: l1::cblas_sasum,
        c_iamax: l1::cblas_isamax,
        c_casum: l1::cblas_scasum,
        c_cnrm2: l1::cblas_scnrm2,
    }
}

fn api_d() -> Api<f64> {
    Api {
        rotg: l1::drotg_,
        rotmg: l1::drotmg_,
        rot: l1::drot_,
        rotm: l1::drotm_,
        swap: l1::dswap_,
        scal: l1::dscal_,
        copy: l1::dcopy_,
        axpy: l1::daxpy_,
        dot: l1::ddot_,
        nrm2: l1::dnrm2_,
        asum: l1::dasum_,
        iamax: l1::idamax_,
        casum: l1::dzasum_,
        cnrm2: l1::dznrm2_,
        c_rotg: l1::cblas_drotg,
        c_rotmg: l1::cblas_drotmg,
        c_rot: l1::cblas_drot,
        c_rotm: l1::cblas_drotm,
        c_swap: l1::cblas_dswap,
        c_scal: l1::cblas_dscal,
        c_copy: l1::cblas_dcopy,
        c_axpy: l1::cblas_daxpy,
        c_dot: l1::cblas_ddot,
        c_nrm2: l1::cblas_dnrm2,
        c_asum: l1::cblas_dasum,
        c_iamax: l1::cblas_idamax,
        c_casum: l1::cblas_dzasum,
        c_cnrm2: l1::cblas_dznrm2,
    }
}

/// Runs a generic check for both precisions.
macro_rules! both {
    ($name:ident, $check:ident) => {
        #[test]
        fn $name() {
            $check(&api_s());
            $check(&api_d());
        }
    };
}

// ---------------------------------------------------------------------------
// Vector updates.
// ---------------------------------------------------------------------------

fn check_axpy<T: Real>(api: &Api<T>) {
    for n in NS {
        for incx in INCS {
            for incy in INCS {
                for alpha in [0.0, 1.0, -0.75] {
                    let a = T::of(alpha);
                    let x = values::<T>(storage(n, incx), 1);
                    let y0 = values::<T>(storage(n, incy), 2);
                    let mut want = y0.clone();
                    if alpha != 0.0 {
                        for i in 0..n {
                            let iy = pos(i, n, incy);
                            want[iy] = want[iy] + a * x[pos(i, n, incx)];
                        }
                    }
                    let what = format!("axpy n={n} incx={incx} incy={incy} alpha={alpha}");
                    let (ni, xi, yi) = (n as c_int, incx, incy);
                    let mut y = y0.clone();
                    // SAFETY: x and y hold n elements at their increments.
                    unsafe { (api.axpy)(&ni, &a, x.as_ptr(), &xi, y.as_mut_ptr(), &yi) };
                    // Updates of one element at a time (incy = 0) add up n roundings.
                    let count = if incy == 0 { n as f64 } else { 1.0 };
                    for (k, (g, w)) in y.iter().zip(&want).enumerate() {
                        let scale = 1.0 + w.to().abs();
                        assert_close(
                            g.to(),
                            w.to(),
                            scale,
                            4.0 * count * T::EPS,
                            &format!("{what} [{k}]"),
                        );
                    }
                    let mut yc = y0.clone();
                    // SAFETY: as above.
                    unsafe { (api.c_axpy)(ni, a, x.as_ptr(), xi, yc.as_mut_ptr(), yi) };
                    assert_same(&yc, &y, &format!("cblas {what}"));
                }
            }
        }
    }
    // n < 0: nothing happens.
    let x = values::<T>(4, 1);
    let mut y = values::<T>(4, 2);
    let y0 = y.clone();
    // SAFETY: nothing is accessed for n < 0.
    unsafe { (api.axpy)(&-1, &T::of(2.0), x.as_ptr(), &1, y.as_mut_ptr(), &1) };
    assert_same(&y, &y0, "axpy n=-1");
}
both!(axpy, check_axpy);

fn check_scal<T: Real>(api: &Api<T>) {
    for n in NS {
        for incx in INCS {
            for alpha in [0.0, 1.0, -2.5] {
                let a = T::of(alpha);
                let x0 = values::<T>(storage(n, incx), 3);
                let mut want = x0.clone();
                // The reference does nothing for incx <= 0 or alpha == 1.
                if incx > 0 && alpha != 1.0 {
                    for i in 0..n {
                        let k = pos(i, n, incx);
                        want[k] = a * want[k];
                    }
                }
                let what = format!("scal n={n} incx={incx} alpha={alpha}");
                let mut x = x0.clone();
                // SAFETY: x holds n elements at incx.
                unsafe { (api.scal)(&(n as c_int), &a, x.as_mut_ptr(), &incx) };
                assert_same(&x, &want, &what);
                let mut x = x0.clone();
                // SAFETY: as above.
                unsafe { (api.c_scal)(n as c_int, a, x.as_mut_ptr(), incx) };
                assert_same(&x, &want, &format!("cblas {what}"));
            }
        }
    }
    // A plain product: 0 * NaN is NaN, as in the reference.
    let mut x = vec![T::of(f64::NAN), T::of(3.0)];
    // SAFETY: two elements.
    unsafe { (api.scal)(&2, &T::of(0.0), x.as_mut_ptr(), &1) };
    assert!(x[0].to().is_nan() && x[1].to() == 0.0, "scal by 0: {x:?}");
}
both!(scal, check_scal);

fn check_copy_swap<T: Real>(api: &Api<T>) {
    for n in NS {
        for incx in INCS {
            for incy in INCS {
                let x0 = values::<T>(storage(n, incx), 4);
                let y0 = values::<T>(storage(n, incy), 5);
                let what = format!("n={n} incx={incx} incy={incy}");
                let (ni, xi, yi) = (n as c_int, incx, incy);

                let mut want = y0.clone();
                for i in 0..n {
                    want[pos(i, n, incy)] = x0[pos(i, n, incx)];
                }
                let mut y = y0.clone();
                // SAFETY: x and y hold n elements at their increments.
                unsafe { (api.copy)(&ni, x0.as_ptr(), &xi, y.as_mut_ptr(), &yi) };
                assert_same(&y, &want, &format!("copy {what}"));
                let mut y = y0.clone();
                // SAFETY: as above.
                unsafe { (api.c_copy)(ni, x0.as_ptr(), xi, y.as_mut_ptr(), yi) };
                assert_same(&y, &want, &format!("cblas copy {what}"));

                let (mut wx, mut wy) = (x0.clone(), y0.clone());
                for i in 0..n {
                    let (kx, ky) = (pos(i, n, incx), pos(i, n, incy));
                    std::mem::swap(&mut wx[kx], &mut wy[ky]);
                }
                let (mut x, mut y) = (x0.clone(), y0.clone());
                // SAFETY: as above.
                unsafe { (api.swap)(&ni, x.as_mut_ptr(), &xi, y.as_mut_ptr(), &yi) };
                assert_same(&x, &wx, &format!("swap x {what}"));
                assert_same(&y, &wy, &format!("swap y {what}"));
                let (mut x, mut y) = (x0.clone(), y0.clone());
                // SAFETY: as above.
                unsafe { (api.c_swap)(ni, x.as_mut_ptr(), xi, y.as_mut_ptr(), yi) };
                assert_same(&x, &wx, &format!("cblas swap x {what}"));
                assert_same(&y, &wy, &format!("cblas swap y {what}"));
            }
        }
    }
}
both!(copy_swap, check_copy_swap);

// ---------------------------------------------------------------------------
// Reductions.
// ---------------------------------------------------------------------------

fn check_dot<T: Real>(api: &Api<T>) {
    for n in NS {
        for incx in INCS {
            for incy in INCS {
                let x = values::<T>(storage(n, incx), 6);
                let y = values::<T>(storage(n, incy), 7);
                let (mut want, mut scale) = (0.0f64, 0.0f64);
                for i in 0..n {
                    let p = x[pos(i, n, incx)].to() * y[pos(i, n, incy)].to();
                    want += p;
                    scale += p.abs();
                }
                let what = format!("dot n={n} incx={incx} incy={incy}");
                let (ni, xi, yi) = (n as c_int, incx, incy);
                // SAFETY: x and y hold n elements at their increments.
                let got = unsafe { (api.dot)(&ni, x.as_ptr(), &xi, y.as_ptr(), &yi) };
                assert_close(got.to(), want, scale, (n as f64 + 2.0) * T::EPS, &what);
                // SAFETY: as above.
                let c = unsafe { (api.c_dot)(ni, x.as_ptr(), xi, y.as_ptr(), yi) };
                assert!(same(c, got), "cblas {what}");
            }
        }
    }
}
both!(dot, check_dot);

fn check_nrm2_asum<T: Real>(api: &Api<T>) {
    for n in NS {
        for incx in INCS {
            let x = values::<T>(storage(n, incx), 8);
            let elems: Vec<f64> = (0..n).map(|i| x[pos(i, n, incx)].to()).collect();
            let (ni, xi) = (n as c_int, incx);
            let what = format!("n={n} incx={incx}");

            // nrm2 accepts every increment (3.10+ reference): a negative one
            // reads the same elements, 0 reads x(1) n times.
            let want = elems.iter().map(|v| v * v).sum::<f64>().sqrt();
            // SAFETY: x holds n elements at incx.
            let got = unsafe { (api.nrm2)(&ni, x.as_ptr(), &xi) };
            assert_close(
                got.to(),
                want,
                want,
                (n as f64 + 2.0) * T::EPS,
                &format!("nrm2 {what}"),
            );
            // SAFETY: as above.
            let c = unsafe { (api.c_nrm2)(ni, x.as_ptr(), xi) };
            assert!(same(c, got), "cblas nrm2 {what}");

            // asum returns 0 for incx <= 0.
            let want = if incx > 0 {
                elems.iter().map(|v| v.abs()).sum::<f64>()
            } else {
                0.0
            };
            // SAFETY: as above.
            let got = unsafe { (api.asum)(&ni, x.as_ptr(), &xi) };
            assert_close(
                got.to(),
                want,
                want,
                (n as f64 + 2.0) * T::EPS,
                &format!("asum {what}"),
            );
            // SAFETY: as above.
            let c = unsafe { (api.c_asum)(ni, x.as_ptr(), xi) };
            assert!(same(c, got), "cblas asum {what}");
        }
    }
    // Overflow and underflow: the norm is exact to rounding all the same.
    let (big, small) = if T::EPS > 1e-10 {
        (1e30, 1e-30)
    } else {
        (1e200, 1e-200)
    };
    for v in [big, small] {
        let x = [T::of(v); 4];
        // SAFETY: 4 elements.
        let got = unsafe { (api.nrm2)(&4, x.as_ptr(), &1) };
        assert_close(
            got.to() / v,
            2.0,
            2.0,
            4.0 * T::EPS,
            &format!("nrm2 of 4 x {v}"),
        );
        // SAFETY: 4 elements at stride -1.
        let got = unsafe { (api.nrm2)(&4, x.as_ptr(), &-1) };
        assert_close(
            got.to() / v,
            2.0,
            2.0,
            4.0 * T::EPS,
            &format!("nrm2 of 4 x {v}, incx -1"),
        );
    }
    let x = [T::of(3.0), T::of(f64::INFINITY), T::of(4.0)];
    // SAFETY: 3 elements.
    let got = unsafe { (api.nrm2)(&3, x.as_ptr(), &1) };
    assert_eq!(got.to(), f64::INFINITY);
    let x = [T::of(3.0), T::of(f64::NAN), T::of(f64::INFINITY)];
    // SAFETY: 3 elements.
    let got = unsafe { (api.nrm2)(&3, x.as_ptr(), &1) };
    assert!(got.to().is_nan());
}
both!(nrm2_asum, check_nrm2_asum);

/// The reference's IxAMAX loop, 1-based.
fn ref_iamax<T: Real>(x: &[T], n: usize, incx: i32) -> c_int {
    if n < 1 || incx <= 0 {
        return 0;
    }
    let mut best = 1;
    let mut dmax = x[0].abs();
    for i in 1..n {
        let a = x[pos(i, n, incx)].abs();
        if a > dmax {
            best = i as c_int + 1;
            dmax = a;
        }
    }
    best
}

fn check_iamax<T: Real>(api: &Api<T>) {
    let mut cases: Vec<(Vec<T>, usize, i32)> = Vec::new();
    for n in NS.into_iter().chain([1000]) {
        for incx in INCS {
            // Plain values, and values with many ties.
            let x = values::<T>(storage(n, incx), 9);
            let ties: Vec<T> = x.iter().map(|v| T::of((v.to() * 3.0).round())).collect();
            cases.push((x, n, incx));
            cases.push((ties, n, incx));
        }
    }
    let f = |v: &[f64]| v.iter().map(|&a| T::of(a)).collect::<Vec<T>>();
    let nan = f64::NAN;
    for (v, want) in [
        (vec![nan, 1.0, 2.0], 1),
        (vec![1.0, nan, 2.0], 3),
        (vec![1.0, nan, 0.5], 1),
        (vec![2.0, nan, -2.0], 1),
        (vec![-2.0, 2.0, -2.0], 1),
        (vec![0.0, -0.0, 0.0], 1),
        (vec![1.0, -3.0, 3.0, -3.0], 2),
        (vec![1.0, f64::INFINITY, f64::NEG_INFINITY], 2),
    ] {
        let n = v.len();
        let x = f(&v);
        assert_eq!(ref_iamax(&x, n, 1), want, "the test's own loop on {v:?}");
        cases.push((x, n, 1));
    }
    // Long vectors: the first maximum and the first NaN after it, across blocks.
    let mut long = vec![0.5; 1000];
    long[10] = -7.0;
    long[900] = 7.0;
    long[700] = nan;
    cases.push((f(&long), 1000, 1));
    cases.push((f(&long), 500, 2));
    long[0] = nan;
    cases.push((f(&long), 1000, 1));

    for (x, n, incx) in cases {
        let want = ref_iamax(&x, n, incx);
        let what = format!("iamax n={n} incx={incx}");
        // SAFETY: x holds n elements at incx.
        let got = unsafe { (api.iamax)(&(n as c_int), x.as_ptr(), &incx) };
        assert_eq!(got, want, "{what}");
        // SAFETY: as above.
        let c = unsafe { (api.c_iamax)(n as c_int, x.as_ptr(), incx) };
        assert_eq!(c, (want.max(1) - 1) as usize, "cblas {what}");
    }
}
both!(iamax, check_iamax);

fn check_complex<T: Real>(api: &Api<T>) {
    for n in NS {
        for incx in INCS {
            // n complex numbers: pairs of T, incx counted in complex elements.
            let x = values::<T>(2 * storage(n, incx), 10);
            let parts: Vec<(f64, f64)> = (0..n)
                .map(|i| {
                    let k = 2 * pos(i, n, incx);
                    (x[k].to(), x[k + 1].to())
                })
                .collect();
            let (ni, xi) = (n as c_int, incx);
            let p = x.as_ptr().cast::<c_void>();
            let what = format!("n={n} incx={incx}");

            let want = if incx > 0 {
                parts.iter().map(|(r, i)| r.abs() + i.abs()).sum::<f64>()
            } else {
                0.0
            };
            // SAFETY: x holds n complex elements at incx.
            let got = unsafe { (api.casum)(&ni, p, &xi) };
            assert_close(
                got.to(),
                want,
                want,
                (2.0 * n as f64 + 2.0) * T::EPS,
                &format!("casum {what}"),
            );
            // SAFETY: as above.
            let c = unsafe { (api.c_casum)(ni, p, xi) };
            assert!(same(c, got), "cblas casum {what}");

            let want = parts.iter().map(|(r, i)| r * r + i * i).sum::<f64>().sqrt();
            // SAFETY: as above.
            let got = unsafe { (api.cnrm2)(&ni, p, &xi) };
            assert_close(
                got.to(),
                want,
                want,
                (2.0 * n as f64 + 2.0) * T::EPS,
                &format!("cnrm2 {what}"),
            );
            // SAFETY: as above.
            let c = unsafe { (api.c_cnrm2)(ni, p, xi) };
            assert!(same(c, got), "cblas cnrm2 {what}");
        }
    }
}
both!(complex_vectors, check_complex);

#[test]
fn dot_in_double_precision() {
    for n in NS {
        for incx in INCS {
            for incy in INCS {
                let x = values::<f32>(storage(n, incx), 11);
                let y = values::<f32>(storage(n, incy), 12);
                let sb = 0.375f32;
                // The reference's loop: a double accumulator started at sb.
                let mut acc = f64::from(sb);
                let mut plain = 0.0f64;
                for i in 0..n {
                    let p = f64::from(x[pos(i, n, incx)]) * f64::from(y[pos(i, n, incy)]);
                    acc += p;
                    plain += p;
                }
                let what = format!("n={n} incx={incx} incy={incy}");
                let (ni, xi, yi) = (n as c_int, incx, incy);
                // SAFETY: x and y hold n elements at their increments.
                unsafe {
                    let got = l1::sdsdot_(&ni, &sb, x.as_ptr(), &xi, y.as_ptr(), &yi);
                    assert_eq!(got.to_bits(), (acc as f32).to_bits(), "sdsdot {what}");
                    let got = l1::cblas_sdsdot(ni, sb, x.as_ptr(), xi, y.as_ptr(), yi);
                    assert_eq!(got.to_bits(), (acc as f32).to_bits(), "cblas_sdsdot {what}");
                    let got = l1::dsdot_(&ni, x.as_ptr(), &xi, y.as_ptr(), &yi);
                    assert_eq!(got.to_bits(), plain.to_bits(), "dsdot {what}");
                    let got = l1::cblas_dsdot(ni, x.as_ptr(), xi, y.as_ptr(), yi);
                    assert_eq!(got.to_bits(), plain.to_bits(), "cblas_dsdot {what}");
                }
            }
        }
    }
    // Products a single-precision sum would lose.
    let x = [1.0e8f32, 1.0, -1.0e8];
    let y = [1.0f32, 1.0, 1.0];
    // SAFETY: 3 elements each.
    unsafe {
        assert_eq!(l1::dsdot_(&3, x.as_ptr(), &1, y.as_ptr(), &1), 1.0);
        assert_eq!(l1::sdsdot_(&3, &0.5, x.as_ptr(), &1, y.as_ptr(), &1), 1.5);
        assert_eq!(l1::sdsdot_(&0, &0.5, x.as_ptr(), &1, y.as_ptr(), &1), 0.5);
    }
}

// ---------------------------------------------------------------------------
// Rotations.
// ---------------------------------------------------------------------------

fn check_rot<T: Real>(api: &Api<T>) {
    let (c, s) = (T::of(0.6), T::of(-0.8));
    for n in NS {
        for incx in INCS {
            for incy in INCS {
                let x0 = values::<T>(storage(n, incx), 13);
                let y0 = values::<T>(storage(n, incy), 14);
                let (mut wx, mut wy) = (x0.clone(), y0.clone());
                for i in 0..n {
                    let (kx, ky) = (pos(i, n, incx), pos(i, n, incy));
                    let temp = c * wx[kx] + s * wy[ky];
                    wy[ky] = c * wy[ky] - s * wx[kx];
                    wx[kx] = temp;
                }
                let what = format!("rot n={n} incx={incx} incy={incy}");
                let (ni, xi, yi) = (n as c_int, incx, incy);
                let (mut x, mut y) = (x0.clone(), y0.clone());
                // SAFETY: x and y hold n elements at their increments.
                unsafe { (api.rot)(&ni, x.as_mut_ptr(), &xi, y.as_mut_ptr(), &yi, &c, &s) };
                assert_same(&x, &wx, &format!("{what} x"));
                assert_same(&y, &wy, &format!("{what} y"));
                let (mut x, mut y) = (x0.clone(), y0.clone());
                // SAFETY: as above.
                unsafe { (api.c_rot)(ni, x.as_mut_ptr(), xi, y.as_mut_ptr(), yi, c, s) };
                assert_same(&x, &wx, &format!("cblas {what} x"));
                assert_same(&y, &wy, &format!("cblas {what} y"));
            }
        }
    }
}
both!(rot, check_rot);

fn check_rotm<T: Real>(api: &Api<T>) {
    for flag in [-2.0, -1.0, 0.0, 1.0] {
        let p = [flag, 0.5, -0.25, 1.5, 0.75].map(T::of);
        let (h11, h21, h12, h22) = (p[1], p[2], p[3], p[4]);
        for n in NS {
            for incx in INCS {
                for incy in INCS {
                    let x0 = values::<T>(storage(n, incx), 15);
                    let y0 = values::<T>(storage(n, incy), 16);
                    let (mut wx, mut wy) = (x0.clone(), y0.clone());
                    if flag != -2.0 {
                        for i in 0..n {
                            let (kx, ky) = (pos(i, n, incx), pos(i, n, incy));
                            let (w, z) = (wx[kx], wy[ky]);
                            let (a, b) = if flag < 0.0 {
                                (w * h11 + z * h12, w * h21 + z * h22)
                            } else if flag == 0.0 {
                                (w + z * h12, w * h21 + z)
                            } else {
                                (w * h11 + z, -w + h22 * z)
                            };
                            wx[kx] = a;
                            wy[ky] = b;
                        }
                    }
                    let what = format!("rotm flag={flag} n={n} incx={incx} incy={incy}");
                    let (ni, xi, yi) = (n as c_int, incx, incy);
                    let (mut x, mut y) = (x0.clone(), y0.clone());
                    // SAFETY: x and y hold n elements at their increments; p 5.
                    unsafe {
                        (api.rotm)(&ni, x.as_mut_ptr(), &xi, y.as_mut_ptr(), &yi, p.as_ptr())
                    };
                    assert_same(&x, &wx, &format!("{what} x"));
                    assert_same(&y, &wy, &format!("{what} y"));
                    let (mut x, mut y) = (x0.clone(), y0.clone());
                    // SAFETY: as above.
                    unsafe { (api.c_rotm)(ni, x.as_mut_ptr(), xi, y.as_mut_ptr(), yi, p.as_ptr()) };
                    assert_same(&x, &wx, &format!("cblas {what} x"));
                    assert_same(&y, &wy, &format!("cblas {what} y"));
                }
            }
        }
    }
}
both!(rotm, check_rotm);

fn check_rotg<T: Real>(api: &Api<T>, table: &[[u64; 6]]) {
    for row in table {
        let [a, b, r, z, c, s] = row.map(T::from_bits64);
        for cblas in [false, true] {
            let (mut ga, mut gb, mut gc, mut gs) = (a, b, T::of(9.0), T::of(9.0));
            let f = if cblas { api.c_rotg } else { api.rotg };
            // SAFETY: four valid pointers.
            unsafe { f(&mut ga, &mut gb, &mut gc, &mut gs) };
            let what = format!("rotg({a:?}, {b:?}) cblas={cblas}");
            assert_same(&[ga, gb, gc, gs], &[r, z, c, s], &what);
        }
    }
    // Properties on scaled random values: c*a + s*b = r, -s*a + c*b = 0,
    // c^2 + s^2 = 1, whatever the magnitudes.
    let (lo, hi) = if T::EPS > 1e-10 {
        (-30, 30)
    } else {
        (-300, 300)
    };
    let v = values::<T>(60, 17);
    for (k, pair) in v.chunks_exact(2).enumerate() {
        let ea = lo + (k as i32 * 37) % (hi - lo);
        let eb = lo + (k as i32 * 53) % (hi - lo);
        let a = T::of(pair[0].to() * 10f64.powi(ea));
        let b = T::of(pair[1].to() * 10f64.powi(eb));
        let (mut r, mut z, mut c, mut s) = (a, b, T::of(0.0), T::of(0.0));
        // SAFETY: four valid pointers.
        unsafe { (api.rotg)(&mut r, &mut z, &mut c, &mut s) };
        let (a, b, r, c, s) = (a.to(), b.to(), r.to(), c.to(), s.to());
        let what = format!("rotg({a}, {b})");
        assert_close(c * c + s * s, 1.0, 1.0, 8.0 * T::EPS, &what);
        assert_close(c * a + s * b, r, r.abs(), 8.0 * T::EPS, &what);
        assert_close(c * b - s * a, 0.0, r.abs(), 8.0 * T::EPS, &what);
        assert_close(r.abs(), a.hypot(b), r.abs(), 8.0 * T::EPS, &what);
    }
}

fn check_rotmg<T: Real>(api: &Api<T>, table: &[[u64; 12]]) {
    for row in table {
        let v = row.map(T::from_bits64);
        for cblas in [false, true] {
            let (mut d1, mut d2, mut x1, y1) = (v[0], v[1], v[2], v[3]);
            let mut p = [T::of(9.0); 5];
            // SAFETY: valid pointers; p holds 5.
            unsafe {
                if cblas {
                    (api.c_rotmg)(&mut d1, &mut d2, &mut x1, y1, p.as_mut_ptr());
                } else {
                    (api.rotmg)(&mut d1, &mut d2, &mut x1, &y1, p.as_mut_ptr());
                }
            }
            let what = format!(
                "rotmg({:?}, {:?}, {:?}, {:?}) cblas={cblas}",
                v[0], v[1], v[2], v[3]
            );
            assert_same(&[d1, d2, x1], &v[4..7], &what);
            assert_same(&p, &v[7..12], &what);
        }
    }
    // Properties: H (x1, y1) = (x1', 0) and H^T D' H = D, after any rescaling.
    for (d1, d2, x1, y1) in [
        (2.0, 3.0, 1.0, 0.5),
        (0.5, 7.0, -2.0, 3.0),
        (1e-12, 1.0, 1.0, 1.0),
        (1.0, 1e12, 1e-5, 1.0),
        (3.0, 1e-9, 2.0, -1.0),
    ] {
        let (mut e1, mut e2, mut ex) = (T::of(d1), T::of(d2), T::of(x1));
        let y = T::of(y1);
        let mut p = [T::of(0.0); 5];
        // SAFETY: valid pointers; p holds 5.
        unsafe { (api.rotmg)(&mut e1, &mut e2, &mut ex, &y, p.as_mut_ptr()) };
        let flag = p[0].to();
        let (h11, h21, h12, h22) = match flag {
            f if f < 0.0 => (p[1].to(), p[2].to(), p[3].to(), p[4].to()),
            0.0 => (1.0, p[2].to(), p[3].to(), 1.0),
            _ => (p[1].to(), -1.0, 1.0, p[4].to()),
        };
        let (x1, y1) = (T::of(x1).to(), y.to());
        let (d1, d2) = (T::of(d1).to(), T::of(d2).to());
        let what = format!("rotmg({d1}, {d2}, {x1}, {y1}) flag {flag}");
        let tol = 64.0 * T::EPS;
        let sx = (h11 * x1).abs() + (h12 * y1).abs();
        assert_close(h11 * x1 + h12 * y1, ex.to(), sx, tol, &what);
        assert_close(
            h21 * x1 + h22 * y1,
            0.0,
            (h21 * x1).abs() + (h22 * y1).abs(),
            tol,
            &what,
        );
        let (e1, e2) = (e1.to(), e2.to());
        let m11 = h11 * h11 * e1 + h21 * h21 * e2;
        let m22 = h12 * h12 * e1 + h22 * h22 * e2;
        let m12 = h11 * h12 * e1 + h21 * h22 * e2;
        assert_close(m11, d1, d1, tol, &format!("{what}: (H^T D' H)11"));
        assert_close(m22, d2, d2, tol, &format!("{what}: (H^T D' H)22"));
        assert_close(m12, 0.0, d1.max(d2), tol, &format!("{what}: (H^T D' H)12"));
    }
}

#[test]
fn rotg_rotmg() {
    let widen6 = |t: &[[u32; 6]]| t.iter().map(|r| r.map(u64::from)).collect::<Vec<_>>();
    let widen12 = |t: &[[u32; 12]]| t.iter().map(|r| r.map(u64::from)).collect::<Vec<_>>();
    check_rotg(&api_s(), &widen6(&SROTG_CASES));
    check_rotg(&api_d(), &DROTG_CASES);
    check_rotmg(&api_s(), &widen12(&SROTMG_CASES));
    check_rotmg(&api_d(), &DROTMG_CASES);
}

// ---------------------------------------------------------------------------
// Overlapping operands, long vectors, the subroutine forms, NULL.
// ---------------------------------------------------------------------------

#[test]
fn overlapping_operands_follow_the_reference_order() {
    let orig: Vec<f64> = (1..=8).map(f64::from).collect();
    // SAFETY: every access stays inside the 8 (or 9) elements.
    unsafe {
        // y = x: x := 3x.
        let mut x = orig.clone();
        let p = x.as_mut_ptr();
        l1::daxpy_(&8, &2.0, p, &1, p, &1);
        assert_eq!(x, orig.iter().map(|v| 3.0 * v).collect::<Vec<_>>());
        // Copy one place up, element by element: x(1) spreads.
        let mut x = orig.clone();
        let p = x.as_mut_ptr();
        l1::dcopy_(&7, p, &1, p.add(1), &1);
        assert_eq!(x, vec![1.0; 8]);
        // Copy one place down: a shift.
        let mut x = orig.clone();
        let p = x.as_mut_ptr();
        l1::dcopy_(&7, p.add(1), &1, p, &1);
        assert_eq!(&x[..7], &orig[1..]);
        // Swap with itself: nothing changes.
        let mut x = orig.clone();
        let p = x.as_mut_ptr();
        l1::dswap_(&8, p, &1, p, &1);
        assert_eq!(x, orig);
        // Swap interleaved halves (x = even, y = odd elements).
        let mut x = orig.clone();
        let p = x.as_mut_ptr();
        l1::dswap_(&4, p, &2, p.add(1), &2);
        assert_eq!(x, vec![2.0, 1.0, 4.0, 3.0, 6.0, 5.0, 8.0, 7.0]);
        // Rotation of a vector with itself: x := (c + s) x, then y's write is
        // overwritten by x's.
        let mut x = orig.clone();
        let p = x.as_mut_ptr();
        l1::drot_(&8, p, &1, p, &1, &0.5, &0.25);
        assert_eq!(
            x,
            orig.iter().map(|v| 0.5 * v + 0.25 * v).collect::<Vec<_>>()
        );
    }
}

fn check_long<T: Real>(api: &Api<T>) {
    // Long enough for the threads backend to split the work.
    let n = 300_000;
    for inc in [1, -1, 2] {
        let x = values::<T>(storage(n, inc), 18);
        let y0 = values::<T>(storage(n, inc), 19);
        let (ni, ii) = (n as c_int, inc);
        let (mut want, mut scale, mut sq, mut abs) = (0.0f64, 0.0f64, 0.0f64, 0.0f64);
        for i in 0..n {
            let (a, b) = (x[pos(i, n, inc)].to(), y0[pos(i, n, inc)].to());
            want += a * b;
            scale += (a * b).abs();
            sq += a * a;
            abs += a.abs();
        }
        let tol = (n as f64).sqrt() * 4.0 * T::EPS;
        // SAFETY: x and y hold n elements at inc.
        unsafe {
            let got = (api.dot)(&ni, x.as_ptr(), &ii, y0.as_ptr(), &ii);
            assert_close(got.to(), want, scale, tol, &format!("long dot inc={inc}"));
            let got = (api.nrm2)(&ni, x.as_ptr(), &ii);
            assert_close(
                got.to(),
                sq.sqrt(),
                sq.sqrt(),
                tol,
                &format!("long nrm2 inc={inc}"),
            );
            let got = (api.asum)(&ni, x.as_ptr(), &ii);
            // asum reads nothing for incx <= 0.
            let abs = if inc > 0 { abs } else { 0.0 };
            assert_close(got.to(), abs, abs, tol, &format!("long asum inc={inc}"));

            let a = T::of(0.5);
            let mut y = y0.clone();
            (api.axpy)(&ni, &a, x.as_ptr(), &ii, y.as_mut_ptr(), &ii);
            for i in 0..n {
                let k = pos(i, n, inc);
                let w = y0[k] + a * x[k];
                assert_close(y[k].to(), w.to(), 1.0, 4.0 * T::EPS, "long axpy");
            }
            let mut y = y0.clone();
            (api.copy)(&ni, x.as_ptr(), &ii, y.as_mut_ptr(), &ii);
            for i in 0..n {
                let k = pos(i, n, inc);
                assert!(same(y[k], x[k]), "long copy");
            }
            let mut y = y0.clone();
            (api.scal)(&ni, &a, y.as_mut_ptr(), &ii);
            for i in 0..n {
                let k = pos(i, n, inc);
                // scal does nothing for incx <= 0.
                let w = if inc > 0 { a * y0[k] } else { y0[k] };
                assert!(same(y[k], w), "long scal inc={inc}");
            }
            let (mut xs, mut ys) = (x.clone(), y0.clone());
            (api.swap)(&ni, xs.as_mut_ptr(), &ii, ys.as_mut_ptr(), &ii);
            for i in 0..n {
                let k = pos(i, n, inc);
                assert!(
                    same(xs[k], y0[k]) && same(ys[k], x[k]),
                    "long swap inc={inc}"
                );
            }
        }
    }
}
both!(long_vectors, check_long);

#[test]
fn subroutine_forms() {
    let x = [1.0f64, -2.0, 3.0];
    let y = [4.0f64, 5.0, -6.0];
    let xs = [1.0f32, -2.0, 3.0];
    let z = [3.0f64, -4.0];
    let zs = [3.0f32, -4.0];
    // SAFETY: 3 elements each; results are written to locals.
    unsafe {
        let mut d = 0.0f64;
        l1::ddotsub_(&3, x.as_ptr(), &1, y.as_ptr(), &1, &mut d);
        assert_eq!(d, -24.0);
        l1::dnrm2sub_(&2, z.as_ptr(), &1, &mut d);
        assert_eq!(d, 5.0);
        l1::dasumsub_(&3, x.as_ptr(), &1, &mut d);
        assert_eq!(d, 6.0);
        l1::dzasumsub_(&1, z.as_ptr().cast(), &1, &mut d);
        assert_eq!(d, 7.0);
        l1::dznrm2sub_(&1, z.as_ptr().cast(), &1, &mut d);
        assert_eq!(d, 5.0);
        l1::dcabs1sub_(z.as_ptr().cast(), &mut d);
        assert_eq!(d, 7.0);
        l1::dsdotsub_(&3, xs.as_ptr(), &1, xs.as_ptr(), &1, &mut d);
        assert_eq!(d, 14.0);
        let mut i: c_int = 0;
        l1::idamaxsub_(&3, x.as_ptr(), &1, &mut i);
        assert_eq!(i, 3);
        l1::isamaxsub_(&3, xs.as_ptr(), &1, &mut i);
        assert_eq!(i, 3);
        let mut s = 0.0f32;
        l1::sdotsub_(&3, xs.as_ptr(), &1, xs.as_ptr(), &1, &mut s);
        assert_eq!(s, 14.0);
        l1::sdsdotsub_(&3, &1.0, xs.as_ptr(), &1, xs.as_ptr(), &1, &mut s);
        assert_eq!(s, 15.0);
        l1::snrm2sub_(&2, zs.as_ptr(), &1, &mut s);
        assert_eq!(s, 5.0);
        l1::sasumsub_(&3, xs.as_ptr(), &1, &mut s);
        assert_eq!(s, 6.0);
        l1::scasumsub_(&1, zs.as_ptr().cast(), &1, &mut s);
        assert_eq!(s, 7.0);
        l1::scnrm2sub_(&1, zs.as_ptr().cast(), &1, &mut s);
        assert_eq!(s, 5.0);
        l1::scabs1sub_(zs.as_ptr().cast(), &mut s);
        assert_eq!(s, 7.0);
        assert_eq!(l1::scabs1_(zs.as_ptr().cast()), 7.0);
        assert_eq!(l1::dcabs1_(z.as_ptr().cast()), 7.0);
        assert_eq!(l1::cblas_scabs1(zs.as_ptr().cast()), 7.0);
        assert_eq!(l1::cblas_dcabs1(z.as_ptr().cast()), 7.0);
    }
}

#[test]
fn null_arrays_are_empty_vectors() {
    let null = std::ptr::null_mut::<f64>();
    let y = [1.0f64; 4];
    // SAFETY: NULL arrays are never dereferenced.
    unsafe {
        assert_eq!(l1::ddot_(&4, null, &1, y.as_ptr(), &1), 0.0);
        assert_eq!(l1::dnrm2_(&4, null, &1), 0.0);
        assert_eq!(l1::idamax_(&4, null, &1), 0);
        l1::daxpy_(&4, &1.0, null, &1, null, &1);
        l1::drotg_(null, null, null, null);
        assert_eq!(l1::cblas_idamax(4, null, 1), 0);
    }
}

// ---------------------------------------------------------------------------
// Results of the reference BLAS 3.11 (netlib) for special cases, as bit
// patterns: inputs, then outputs.
// ---------------------------------------------------------------------------

/// srotg: (a, b) -> (r, z, c, s)
const SROTG_CASES: [[u32; 6]; 15] = [
    [0x0, 0x0, 0x0, 0x0, 0x3f800000, 0x0],
    [0x0, 0x40000000, 0x40000000, 0x3f800000, 0x0, 0x3f800000],
    [0xc0400000, 0x0, 0xc0400000, 0x0, 0x3f800000, 0x0],
    [
        0x40400000, 0x40800000, 0x40a00000, 0x3fd55555, 0x3f19999a, 0x3f4ccccd,
    ],
    [
        0x40800000, 0x40400000, 0x40a00000, 0x3f19999a, 0x3f4ccccd, 0x3f19999a,
    ],
    [
        0xc0400000, 0x40800000, 0x40a00000, 0xbfd55555, 0xbf19999a, 0x3f4ccccd,
    ],
    [
        0x40400000, 0xc0800000, 0xc0a00000, 0xbfd55555, 0xbf19999a, 0x3f4ccccd,
    ],
    [
        0xc0800000, 0xc0400000, 0xc0a00000, 0x3f19999a, 0x3f4ccccd, 0x3f19999a,
    ],
    [
        0x799a130c, 0x799a130c, 0x79d9e4e4, 0x3fb504f3, 0x3f3504f3, 0x3f3504f3,
    ],
    [
        0x554ad2e, 0x8554ad2e, 0x8596628e, 0xbfb504f2, 0xbf3504f4, 0x3f3504f4,
    ],
    [0x799a130c, 0x554ad2e, 0x799a130c, 0x0, 0x3f800000, 0x0],
    [0x1, 0x1, 0x1, 0x3f800000, 0x3f800000, 0x3f800000],
    [
        0x3f800000, 0x1e3ce508, 0x3f800000, 0x1e3ce508, 0x3f800000, 0x1e3ce508,
    ],
    [
        0x1e3ce508, 0xbf800000, 0xbf800000, 0xe0ad78ec, 0x9e3ce508, 0x3f800000,
    ],
    [
        0x3dcccccd, 0x3f333333, 0x3f3504f3, 0x40e2462f, 0x3e10d0c3, 0x3f7d6d54,
    ],
];

/// srotmg: (d1, d2, x1, y1) -> (d1, d2, x1, param[5]) with param initially 9
const SROTMG_CASES: [[u32; 12]; 15] = [
    [
        0xbf800000, 0x40000000, 0x40400000, 0x40800000, 0x0, 0x0, 0x0, 0xbf800000, 0x0, 0x0, 0x0,
        0x0,
    ],
    [
        0x40000000, 0x0, 0x40400000, 0x40800000, 0x40000000, 0x0, 0x40400000, 0xc0000000,
        0x41100000, 0x41100000, 0x41100000, 0x41100000,
    ],
    [
        0x40000000, 0x40400000, 0x40800000, 0x0, 0x40000000, 0x40400000, 0x40800000, 0xc0000000,
        0x41100000, 0x41100000, 0x41100000, 0x41100000,
    ],
    [
        0x40000000, 0x40400000, 0x40800000, 0x3f800000, 0x3fea0ea1, 0x402f8af9, 0x408c0000, 0x0,
        0x41100000, 0xbe800000, 0x3ec00000, 0x41100000,
    ],
    [
        0x40000000, 0x40400000, 0x3f800000, 0x40800000, 0x403851ec, 0x3ff5c290, 0x40855555,
        0x3f800000, 0x3e2aaaab, 0x41100000, 0x41100000, 0x3e800000,
    ],
    [
        0x3f800000, 0x3f800000, 0x3f800000, 0x3f800000, 0x3f000000, 0x3f000000, 0x40000000,
        0x3f800000, 0x3f800000, 0x41100000, 0x41100000, 0x3f800000,
    ],
    [
        0x2edbe6ff, 0x3f800000, 0x3f800000, 0x3f800000, 0x3f800000, 0x3adbe6ff, 0x3f800000,
        0xbf800000, 0x2edbe6ff, 0xb9800000, 0x3f800000, 0x39800000,
    ],
    [
        0x501502f9, 0x3f800000, 0x3f800000, 0x3a83126f, 0x441502f9, 0x3f800000, 0x45800000,
        0xbf800000, 0x45800000, 0xba83126f, 0x2fe12e14, 0x3f800000,
    ],
    [
        0x3f800000, 0x501502f9, 0x3a83126f, 0x3f800000, 0x441502f9, 0x3f800000, 0x45800000,
        0xbf800000, 0x2fe12e14, 0xbf800000, 0x45800000, 0x3a83126f,
    ],
    [
        0x3f800000, 0x2edbe6ff, 0x3f800000, 0x3f800000, 0x3f800000, 0x3adbe6ff, 0x3f800000,
        0xbf800000, 0x3f800000, 0xb9800000, 0x2edbe6ff, 0x39800000,
    ],
    [
        0x40800000, 0xbf800000, 0x3f800000, 0x3f800000, 0x40aaaaab, 0xbfaaaaab, 0x3f400000, 0x0,
        0x41100000, 0xbf800000, 0xbe800000, 0x41100000,
    ],
    [
        0x3f800000, 0xbf800000, 0x3f800000, 0x40000000, 0x0, 0x0, 0x0, 0xbf800000, 0x0, 0x0, 0x0,
        0x0,
    ],
    [
        0x0, 0x3f800000, 0x3f800000, 0x3f800000, 0x3f800000, 0x0, 0x3f800000, 0x3f800000, 0x0,
        0x41100000, 0x41100000, 0x3f800000,
    ],
    [
        0x3f800000, 0x3f800000, 0x0, 0x3f800000, 0x3f800000, 0x3f800000, 0x3f800000, 0x3f800000,
        0x0, 0x41100000, 0x41100000, 0x0,
    ],
    [
        0x40400000, 0x40a00000, 0xc0000000, 0x40e00000, 0x40988778, 0x403708f6, 0x40eaf8b0,
        0x3f800000, 0xbe2f8af9, 0x41100000, 0x41100000, 0xbe924925,
    ],
];

/// drotg: (a, b) -> (r, z, c, s)
const DROTG_CASES: [[u64; 6]; 15] = [
    [0x0, 0x0, 0x0, 0x0, 0x3ff0000000000000, 0x0],
    [
        0x0,
        0x4000000000000000,
        0x4000000000000000,
        0x3ff0000000000000,
        0x0,
        0x3ff0000000000000,
    ],
    [
        0xc008000000000000,
        0x0,
        0xc008000000000000,
        0x0,
        0x3ff0000000000000,
        0x0,
    ],
    [
        0x4008000000000000,
        0x4010000000000000,
        0x4014000000000000,
        0x3ffaaaaaaaaaaaab,
        0x3fe3333333333333,
        0x3fe999999999999a,
    ],
    [
        0x4010000000000000,
        0x4008000000000000,
        0x4014000000000000,
        0x3fe3333333333333,
        0x3fe999999999999a,
        0x3fe3333333333333,
    ],
    [
        0xc008000000000000,
        0x4010000000000000,
        0x4014000000000000,
        0xbffaaaaaaaaaaaab,
        0xbfe3333333333333,
        0x3fe999999999999a,
    ],
    [
        0x4008000000000000,
        0xc010000000000000,
        0xc014000000000000,
        0xbffaaaaaaaaaaaab,
        0xbfe3333333333333,
        0x3fe999999999999a,
    ],
    [
        0xc010000000000000,
        0xc008000000000000,
        0xc014000000000000,
        0x3fe3333333333333,
        0x3fe999999999999a,
        0x3fe3333333333333,
    ],
    [
        0x7e37e43c8800759c,
        0x7e37e43c8800759c,
        0x7e40e4d50f99b211,
        0x3ff6a09e667f3bcd,
        0x3fe6a09e667f3bcc,
        0x3fe6a09e667f3bcc,
    ],
    [
        0x1a56e1fc2f8f359,
        0x81a56e1fc2f8f359,
        0x81ae4e8d12762226,
        0xbff6a09e667f3bcd,
        0xbfe6a09e667f3bcc,
        0x3fe6a09e667f3bcc,
    ],
    [
        0x7e37e43c8800759c,
        0x1a56e1fc2f8f359,
        0x7e37e43c8800759c,
        0x0,
        0x3ff0000000000000,
        0x0,
    ],
    [
        0x1,
        0x1,
        0x1,
        0x3ff0000000000000,
        0x3ff0000000000000,
        0x3ff0000000000000,
    ],
    [
        0x3ff0000000000000,
        0x3bc79ca10c924223,
        0x3ff0000000000000,
        0x3bc79ca10c924223,
        0x3ff0000000000000,
        0x3bc79ca10c924223,
    ],
    [
        0x3bc79ca10c924223,
        0xbff0000000000000,
        0xbff0000000000000,
        0xc415af1d78b58c40,
        0xbbc79ca10c924223,
        0x3ff0000000000000,
    ],
    [
        0x3fb999999999999a,
        0x3fe6666666666666,
        0x3fe6a09e667f3bcd,
        0x401c48c6001f0ac0,
        0x3fc21a1851ff630a,
        0x3fefadaa8f7eed50,
    ],
];

/// drotmg: (d1, d2, x1, y1) -> (d1, d2, x1, param[5]) with param initially 9
const DROTMG_CASES: [[u64; 12]; 15] = [
    [
        0xbff0000000000000,
        0x4000000000000000,
        0x4008000000000000,
        0x4010000000000000,
        0x0,
        0x0,
        0x0,
        0xbff0000000000000,
        0x0,
        0x0,
        0x0,
        0x0,
    ],
    [
        0x4000000000000000,
        0x0,
        0x4008000000000000,
        0x4010000000000000,
        0x4000000000000000,
        0x0,
        0x4008000000000000,
        0xc000000000000000,
        0x4022000000000000,
        0x4022000000000000,
        0x4022000000000000,
        0x4022000000000000,
    ],
    [
        0x4000000000000000,
        0x4008000000000000,
        0x4010000000000000,
        0x0,
        0x4000000000000000,
        0x4008000000000000,
        0x4010000000000000,
        0xc000000000000000,
        0x4022000000000000,
        0x4022000000000000,
        0x4022000000000000,
        0x4022000000000000,
    ],
    [
        0x4000000000000000,
        0x4008000000000000,
        0x4010000000000000,
        0x3ff0000000000000,
        0x3ffd41d41d41d41d,
        0x4005f15f15f15f16,
        0x4011800000000000,
        0x0,
        0x4022000000000000,
        0xbfd0000000000000,
        0x3fd8000000000000,
        0x4022000000000000,
    ],
    [
        0x4000000000000000,
        0x4008000000000000,
        0x3ff0000000000000,
        0x4010000000000000,
        0x40070a3d70a3d70a,
        0x3ffeb851eb851eb8,
        0x4010aaaaaaaaaaab,
        0x3ff0000000000000,
        0x3fc5555555555555,
        0x4022000000000000,
        0x4022000000000000,
        0x3fd0000000000000,
    ],
    [
        0x3ff0000000000000,
        0x3ff0000000000000,
        0x3ff0000000000000,
        0x3ff0000000000000,
        0x3fe0000000000000,
        0x3fe0000000000000,
        0x4000000000000000,
        0x3ff0000000000000,
        0x3ff0000000000000,
        0x4022000000000000,
        0x4022000000000000,
        0x3ff0000000000000,
    ],
    [
        0x3ddb7cdfd9d7bdbb,
        0x3ff0000000000000,
        0x3ff0000000000000,
        0x3ff0000000000000,
        0x3feffffffff24190,
        0x3f5b7cdfd9cbef6a,
        0x3ff000000006df38,
        0xbff0000000000000,
        0x3ddb7cdfd9d7bdbb,
        0xbf30000000000000,
        0x3ff0000000000000,
        0x3f30000000000000,
    ],
    [
        0x4202a05f20000000,
        0x3ff0000000000000,
        0x3ff0000000000000,
        0x3f50624dd2f1a9fc,
        0x4082a05f20000000,
        0x3ff0000000000000,
        0x40b0000000000000,
        0xbff0000000000000,
        0x40b0000000000000,
        0xbf50624dd2f1a9fc,
        0x3dfc25c268497682,
        0x3ff0000000000000,
    ],
    [
        0x3ff0000000000000,
        0x4202a05f20000000,
        0x3f50624dd2f1a9fc,
        0x3ff0000000000000,
        0x4082a05f20000000,
        0x3ff0000000000000,
        0x40b0000000000000,
        0xbff0000000000000,
        0x3dfc25c268497682,
        0xbff0000000000000,
        0x40b0000000000000,
        0x3f50624dd2f1a9fc,
    ],
    [
        0x3ff0000000000000,
        0x3ddb7cdfd9d7bdbb,
        0x3ff0000000000000,
        0x3ff0000000000000,
        0x3feffffffff24190,
        0x3f5b7cdfd9cbef6a,
        0x3ff000000006df38,
        0xbff0000000000000,
        0x3ff0000000000000,
        0xbf30000000000000,
        0x3ddb7cdfd9d7bdbb,
        0x3f30000000000000,
    ],
    [
        0x4010000000000000,
        0xbff0000000000000,
        0x3ff0000000000000,
        0x3ff0000000000000,
        0x4015555555555555,
        0xbff5555555555555,
        0x3fe8000000000000,
        0x0,
        0x4022000000000000,
        0xbff0000000000000,
        0xbfd0000000000000,
        0x4022000000000000,
    ],
    [
        0x3ff0000000000000,
        0xbff0000000000000,
        0x3ff0000000000000,
        0x4000000000000000,
        0x0,
        0x0,
        0x0,
        0xbff0000000000000,
        0x0,
        0x0,
        0x0,
        0x0,
    ],
    [
        0x0,
        0x3ff0000000000000,
        0x3ff0000000000000,
        0x3ff0000000000000,
        0x3ff0000000000000,
        0x0,
        0x3ff0000000000000,
        0x3ff0000000000000,
        0x0,
        0x4022000000000000,
        0x4022000000000000,
        0x3ff0000000000000,
    ],
    [
        0x3ff0000000000000,
        0x3ff0000000000000,
        0x0,
        0x3ff0000000000000,
        0x3ff0000000000000,
        0x3ff0000000000000,
        0x3ff0000000000000,
        0x3ff0000000000000,
        0x0,
        0x4022000000000000,
        0x4022000000000000,
        0x0,
    ],
    [
        0x4008000000000000,
        0x4014000000000000,
        0xc000000000000000,
        0x401c000000000000,
        0x401310ef10ef10ef,
        0x4006e11ee11ee11f,
        0x401d5f15f15f15f1,
        0x3ff0000000000000,
        0xbfc5f15f15f15f16,
        0x4022000000000000,
        0x4022000000000000,
        0xbfd2492492492492,
    ],
];
