//! Complex level 1 (c and z) against loops written from the reference BLAS's
//! definitions: for `n` in 0, 1, 2, 7, 100 and every pair of increments from
//! 1, 2, -1, -3 and 0, through the Fortran and the CBLAS entry points; NaN
//! and infinities; the quick returns; `?rotg` by its defining properties and
//! special cases; `lsame_`. Where the reference BLAS is installed (Debian's
//! libblas3), every routine is also compared with it on the same data, bit
//! for bit except the dot products (which accumulate in another order).
//!
//! Routines computed in the reference's order (copy, swap, scal, csscal,
//! csrot, axpy, iamax) must agree with the loops bit for bit; the dot
//! products to rounding.

use std::ffi::{c_char, c_int, c_void, CString};

use oxpar_blas::level1 as l1;
use oxpar_core::{Complex, Scalar};

const NS: [usize; 5] = [0, 1, 2, 7, 100];
const INCS: [i32; 5] = [1, 2, -1, -3, 0];

type Int = *const c_int;
type P = *const c_void;
type M = *mut c_void;

/// Array index of the reference's element `i` of `n` at `inc`.
fn pos(i: usize, n: usize, inc: i32) -> usize {
    let step = inc.unsigned_abs() as usize;
    if inc < 0 {
        (n - 1 - i) * step
    } else {
        i * step
    }
}

/// Array length that holds `n` elements at `inc`, plus one spare element at
/// the end that no routine may touch.
fn storage(n: usize, inc: i32) -> usize {
    if n == 0 {
        2
    } else {
        (n - 1) * inc.unsigned_abs() as usize + 2
    }
}

/// Deterministic complex values with parts in [-1, 1).
fn values<R: Scalar>(len: usize, seed: u64) -> Vec<Complex<R>> {
    let mut s = seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1;
    let mut next = move || {
        s = s
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        R::from_f64(((s >> 11) as f64 / (1u64 << 53) as f64) * 2.0 - 1.0)
    };
    (0..len).map(|_| Complex::new(next(), next())).collect()
}

/// Same bits in both parts, or both NaN.
fn same<R: Scalar>(a: Complex<R>, b: Complex<R>) -> bool {
    let part =
        |x: R, y: R| x.as_f64().to_bits() == y.as_f64().to_bits() || (x.is_nan() && y.is_nan());
    part(a.re, b.re) && part(a.im, b.im)
}

fn assert_same<R: Scalar>(got: &[Complex<R>], want: &[Complex<R>], what: &str) {
    assert_eq!(got.len(), want.len(), "{what}: lengths");
    for (i, (g, w)) in got.iter().zip(want).enumerate() {
        assert!(same(*g, *w), "{what}: element {i}: got {g:?}, want {w:?}");
    }
}

/// Each part within `tol * scale` (NaN and infinities exactly where wanted).
fn assert_close<R: Scalar>(got: Complex<R>, want: Complex<R>, scale: f64, what: &str) {
    let tol = 8.0 * R::epsilon().as_f64() * scale.max(1.0);
    for (g, w) in [(got.re, want.re), (got.im, want.im)] {
        let (g, w) = (g.as_f64(), w.as_f64());
        if w.is_nan() || w.is_infinite() {
            assert!(
                g.to_bits() == w.to_bits() || (g.is_nan() && w.is_nan()),
                "{what}: got {got:?}, want {want:?}"
            );
        } else {
            assert!(
                (g - w).abs() <= tol,
                "{what}: got {got:?}, want {want:?} (tol {tol})"
            );
        }
    }
}

/// The reference's `SCABS1`.
fn abs1<R: Scalar>(z: Complex<R>) -> R {
    z.re.abs() + z.im.abs()
}

/// One precision's Fortran entry points (ours, or the reference's).
struct Fortran<R> {
    axpy: unsafe extern "C" fn(Int, P, P, Int, M, Int),
    copy: unsafe extern "C" fn(Int, P, Int, M, Int),
    dotc: unsafe extern "C" fn(Int, P, Int, P, Int) -> Complex<R>,
    dotu: unsafe extern "C" fn(Int, P, Int, P, Int) -> Complex<R>,
    rotg: unsafe extern "C" fn(M, P, *mut R, M),
    scal: unsafe extern "C" fn(Int, P, M, Int),
    rrot: unsafe extern "C" fn(Int, M, Int, M, Int, *const R, *const R),
    rscal: unsafe extern "C" fn(Int, *const R, M, Int),
    swap: unsafe extern "C" fn(Int, M, Int, M, Int),
    iamax: unsafe extern "C" fn(Int, P, Int) -> c_int,
}

/// One precision's CBLAS entry points and subroutine forms.
struct Cblas<R> {
    axpy: unsafe extern "C" fn(c_int, P, P, c_int, M, c_int),
    copy: unsafe extern "C" fn(c_int, P, c_int, M, c_int),
    dotc: unsafe extern "C" fn(c_int, P, c_int, P, c_int, M),
    dotu: unsafe extern "C" fn(c_int, P, c_int, P, c_int, M),
    rotg: unsafe extern "C" fn(M, M, *mut R, M),
    scal: unsafe extern "C" fn(c_int, P, M, c_int),
    rrot: unsafe extern "C" fn(c_int, M, c_int, M, c_int, R, R),
    rscal: unsafe extern "C" fn(c_int, R, M, c_int),
    swap: unsafe extern "C" fn(c_int, M, c_int, M, c_int),
    iamax: unsafe extern "C" fn(c_int, P, c_int) -> usize,
    dotcsub: unsafe extern "C" fn(Int, P, Int, P, Int, *mut Complex<R>),
    dotusub: unsafe extern "C" fn(Int, P, Int, P, Int, *mut Complex<R>),
    iamaxsub: unsafe extern "C" fn(Int, P, Int, *mut c_int),
}

fn fortran_c() -> Fortran<f32> {
    Fortran {
        axpy: l1::caxpy_,
        copy: l1::ccopy_,
        dotc: l1::cdotc_,
        dotu: l1::cdotu_,
        rotg: l1::crotg_,
        scal: l1::cscal_,
        rrot: l1::csrot_,
        rscal: l1::csscal_,
        swap: l1::cswap_,
        iamax: l1::icamax_,
    }
}

fn fortran_z() -> Fortran<f64> {
    Fortran {
        axpy: l1::zaxpy_,
        copy: l1::zcopy_,
        dotc: l1::zdotc_,
        dotu: l1::zdotu_,
        rotg: l1::zrotg_,
        scal: l1::zscal_,
        rrot: l1::zdrot_,
        rscal: l1::zdscal_,
        swap: l1::zswap_,
        iamax: l1::izamax_,
    }
}

fn cblas_c() -> Cblas<f32> {
    Cblas {
        axpy: l1::cblas_caxpy,
        copy: l1::cblas_ccopy,
        dotc: l1::cblas_cdotc_sub,
        dotu: l1::cblas_cdotu_sub,
        rotg: l1::cblas_crotg,
        scal: l1::cblas_cscal,
        rrot: l1::cblas_csrot,
        rscal: l1::cblas_csscal,
        swap: l1::cblas_cswap,
        iamax: l1::cblas_icamax,
        dotcsub: l1::cdotcsub_,
        dotusub: l1::cdotusub_,
        iamaxsub: l1::icamaxsub_,
    }
}

fn cblas_z() -> Cblas<f64> {
    Cblas {
        axpy: l1::cblas_zaxpy,
        copy: l1::cblas_zcopy,
        dotc: l1::cblas_zdotc_sub,
        dotu: l1::cblas_zdotu_sub,
        rotg: l1::cblas_zrotg,
        scal: l1::cblas_zscal,
        rrot: l1::cblas_zdrot,
        rscal: l1::cblas_zdscal,
        swap: l1::cblas_zswap,
        iamax: l1::cblas_izamax,
        dotcsub: l1::zdotcsub_,
        dotusub: l1::zdotusub_,
        iamaxsub: l1::izamaxsub_,
    }
}

// ---------------------------------------------------------------------------
// The loops, from the reference's definitions.
// ---------------------------------------------------------------------------

fn ref_axpy<R: Scalar>(
    n: usize,
    a: Complex<R>,
    x: &[Complex<R>],
    incx: i32,
    y: &mut [Complex<R>],
    incy: i32,
) {
    if abs1(a) == R::zero() {
        return;
    }
    for i in 0..n {
        let yi = &mut y[pos(i, n, incy)];
        *yi = *yi + a * x[pos(i, n, incx)];
    }
}

fn ref_dot<R: Scalar>(
    conj: bool,
    n: usize,
    x: &[Complex<R>],
    incx: i32,
    y: &[Complex<R>],
    incy: i32,
) -> Complex<R> {
    // In f64: the library accumulates c in double precision.
    let mut acc = Complex::new(0.0f64, 0.0);
    for i in 0..n {
        let (a, b) = (x[pos(i, n, incx)], y[pos(i, n, incy)]);
        let a = Complex::new(
            a.re.as_f64(),
            if conj { -a.im.as_f64() } else { a.im.as_f64() },
        );
        acc += a * Complex::new(b.re.as_f64(), b.im.as_f64());
    }
    Complex::new(R::from_f64(acc.re), R::from_f64(acc.im))
}

fn ref_scal<R: Scalar>(n: usize, a: Complex<R>, x: &mut [Complex<R>], incx: i32) {
    if incx <= 0 || a == Complex::new(R::one(), R::zero()) {
        return;
    }
    for i in 0..n {
        let xi = &mut x[i * incx as usize];
        *xi = a * *xi;
    }
}

fn ref_rscal<R: Scalar>(n: usize, a: R, x: &mut [Complex<R>], incx: i32) {
    if incx <= 0 || a == R::one() {
        return;
    }
    for i in 0..n {
        let xi = &mut x[i * incx as usize];
        *xi = Complex::new(a * xi.re, a * xi.im);
    }
}

fn ref_rot<R: Scalar>(
    n: usize,
    x: &mut [Complex<R>],
    incx: i32,
    y: &mut [Complex<R>],
    incy: i32,
    c: R,
    s: R,
) {
    for i in 0..n {
        let (px, py) = (pos(i, n, incx), pos(i, n, incy));
        let (a, b) = (x[px], y[py]);
        // Fortran's C*X with real C: the complex (C, 0) times X, in full.
        let t = |k: R, z: Complex<R>| Complex::new(k, R::zero()) * z;
        x[px] = t(c, a) + t(s, b);
        y[py] = t(c, b) - t(s, a);
    }
}

fn ref_iamax<R: Scalar>(n: usize, x: &[Complex<R>], incx: i32) -> c_int {
    if n < 1 || incx <= 0 {
        return 0;
    }
    let mut best = 0;
    let mut max = abs1(x[0]);
    for i in 1..n {
        let a = abs1(x[i * incx as usize]);
        if a > max {
            best = i;
            max = a;
        }
    }
    best as c_int + 1
}

// ---------------------------------------------------------------------------
// The checks.
// ---------------------------------------------------------------------------

fn p<R>(v: &[Complex<R>]) -> P {
    v.as_ptr().cast()
}

fn m<R>(v: &mut [Complex<R>]) -> M {
    v.as_mut_ptr().cast()
}

fn check_vector_ops<R: Scalar>(f: &Fortran<R>, c: &Cblas<R>) {
    let alpha = Complex::new(R::from_f64(0.75), R::from_f64(-1.25));
    for n in NS {
        for incx in INCS {
            for incy in INCS {
                let x = values::<R>(storage(n, incx), 1 + n as u64);
                let y = values::<R>(storage(n, incy), 2 + n as u64);
                let ni = n as c_int;
                let tag = format!("n={n} incx={incx} incy={incy}");
                for cblas in [false, true] {
                    let form = if cblas { "cblas" } else { "fortran" };
                    // axpy
                    let mut want = y.clone();
                    ref_axpy(n, alpha, &x, incx, &mut want, incy);
                    let mut got = y.clone();
                    // SAFETY: the arrays hold n elements at their increments.
                    unsafe {
                        if cblas {
                            (c.axpy)(
                                ni,
                                (&alpha as *const Complex<R>).cast(),
                                p(&x),
                                incx,
                                m(&mut got),
                                incy,
                            )
                        } else {
                            (f.axpy)(
                                &ni,
                                (&alpha as *const Complex<R>).cast(),
                                p(&x),
                                &incx,
                                m(&mut got),
                                &incy,
                            )
                        }
                    }
                    assert_same(&got, &want, &format!("{form} axpy {tag}"));

                    // copy
                    let mut want = y.clone();
                    for i in 0..n {
                        want[pos(i, n, incy)] = x[pos(i, n, incx)];
                    }
                    let mut got = y.clone();
                    // SAFETY: as above.
                    unsafe {
                        if cblas {
                            (c.copy)(ni, p(&x), incx, m(&mut got), incy)
                        } else {
                            (f.copy)(&ni, p(&x), &incx, m(&mut got), &incy)
                        }
                    }
                    assert_same(&got, &want, &format!("{form} copy {tag}"));

                    // swap
                    let (mut wx, mut wy) = (x.clone(), y.clone());
                    for i in 0..n {
                        let (px, py) = (pos(i, n, incx), pos(i, n, incy));
                        std::mem::swap(&mut wx[px], &mut wy[py]);
                    }
                    let (mut gx, mut gy) = (x.clone(), y.clone());
                    // SAFETY: as above.
                    unsafe {
                        if cblas {
                            (c.swap)(ni, m(&mut gx), incx, m(&mut gy), incy)
                        } else {
                            (f.swap)(&ni, m(&mut gx), &incx, m(&mut gy), &incy)
                        }
                    }
                    assert_same(&gx, &wx, &format!("{form} swap x {tag}"));
                    assert_same(&gy, &wy, &format!("{form} swap y {tag}"));

                    // csrot / zdrot
                    let (cs, sn) = (R::from_f64(0.6), R::from_f64(-0.8));
                    let (mut wx, mut wy) = (x.clone(), y.clone());
                    ref_rot(n, &mut wx, incx, &mut wy, incy, cs, sn);
                    let (mut gx, mut gy) = (x.clone(), y.clone());
                    // SAFETY: as above.
                    unsafe {
                        if cblas {
                            (c.rrot)(ni, m(&mut gx), incx, m(&mut gy), incy, cs, sn)
                        } else {
                            (f.rrot)(&ni, m(&mut gx), &incx, m(&mut gy), &incy, &cs, &sn)
                        }
                    }
                    assert_same(&gx, &wx, &format!("{form} rot x {tag}"));
                    assert_same(&gy, &wy, &format!("{form} rot y {tag}"));

                    // dotc, dotu
                    for conj in [true, false] {
                        let want = ref_dot(conj, n, &x, incx, &y, incy);
                        let mut got = Complex::new(R::nan(), R::nan());
                        // SAFETY: as above; got is writable.
                        unsafe {
                            let out = (&mut got as *mut Complex<R>).cast();
                            match (cblas, conj) {
                                (true, true) => (c.dotc)(ni, p(&x), incx, p(&y), incy, out),
                                (true, false) => (c.dotu)(ni, p(&x), incx, p(&y), incy, out),
                                (false, true) => got = (f.dotc)(&ni, p(&x), &incx, p(&y), &incy),
                                (false, false) => got = (f.dotu)(&ni, p(&x), &incx, p(&y), &incy),
                            }
                        }
                        let what = format!("{form} dot{} {tag}", if conj { "c" } else { "u" });
                        assert_close(got, want, n as f64, &what);
                        if !cblas {
                            let mut sub = Complex::new(R::nan(), R::nan());
                            // SAFETY: as above.
                            unsafe {
                                if conj {
                                    (c.dotcsub)(&ni, p(&x), &incx, p(&y), &incy, &mut sub)
                                } else {
                                    (c.dotusub)(&ni, p(&x), &incx, p(&y), &incy, &mut sub)
                                }
                            }
                            assert!(
                                same(sub, got),
                                "{what}: the sub form gives {sub:?}, the function {got:?}"
                            );
                        }
                    }
                }
            }

            // The one-vector routines, for each incx.
            let x = values::<R>(storage(n, incx), 3 + n as u64);
            let ni = n as c_int;
            let tag = format!("n={n} incx={incx}");
            for cblas in [false, true] {
                let form = if cblas { "cblas" } else { "fortran" };
                for a in [
                    alpha,
                    Complex::new(R::one(), R::zero()),
                    Complex::new(R::zero(), R::zero()),
                ] {
                    let mut want = x.clone();
                    ref_scal(n, a, &mut want, incx);
                    let mut got = x.clone();
                    // SAFETY: x holds n elements at incx.
                    unsafe {
                        let ap = (&a as *const Complex<R>).cast();
                        if cblas {
                            (c.scal)(ni, ap, m(&mut got), incx)
                        } else {
                            (f.scal)(&ni, ap, m(&mut got), &incx)
                        }
                    }
                    assert_same(&got, &want, &format!("{form} scal alpha={a:?} {tag}"));
                }
                for a in [R::from_f64(-2.5), R::one(), R::zero()] {
                    let mut want = x.clone();
                    ref_rscal(n, a, &mut want, incx);
                    let mut got = x.clone();
                    // SAFETY: as above.
                    unsafe {
                        if cblas {
                            (c.rscal)(ni, a, m(&mut got), incx)
                        } else {
                            (f.rscal)(&ni, &a, m(&mut got), &incx)
                        }
                    }
                    assert_same(&got, &want, &format!("{form} real scal alpha={a:?} {tag}"));
                }
                let want = ref_iamax(n, &x, incx);
                // SAFETY: as above.
                let got = unsafe {
                    if cblas {
                        let i = (c.iamax)(ni, p(&x), incx);
                        if want > 0 {
                            i as c_int + 1
                        } else {
                            assert_eq!(i, 0, "{form} iamax {tag}");
                            0
                        }
                    } else {
                        let mut sub = -1;
                        (c.iamaxsub)(&ni, p(&x), &incx, &mut sub);
                        let i = (f.iamax)(&ni, p(&x), &incx);
                        assert_eq!(sub, i, "iamax sub form {tag}");
                        i
                    }
                };
                assert_eq!(got, want, "{form} iamax {tag}");
            }
        }
    }
}

#[test]
fn vector_ops_c() {
    check_vector_ops(&fortran_c(), &cblas_c());
}

#[test]
fn vector_ops_z() {
    check_vector_ops(&fortran_z(), &cblas_z());
}

fn check_special_values<R: Scalar>(f: &Fortran<R>) {
    let c = |re: f64, im: f64| Complex::new(R::from_f64(re), R::from_f64(im));
    let (nan, inf) = (f64::NAN, f64::INFINITY);
    // iamax: a NaN wins only as the first element; ties go to the first.
    let cases: [(Vec<Complex<R>>, c_int); 5] = [
        (vec![c(1.0, 1.0), c(nan, 0.0), c(3.0, 0.0)], 3),
        (vec![c(0.0, nan), c(5.0, 5.0), c(3.0, 0.0)], 1),
        (vec![c(1.0, -2.0), c(-2.0, 1.0), c(0.0, 3.0)], 1),
        (vec![c(1.0, 0.0), c(inf, 0.0), c(0.0, -inf)], 2),
        (vec![c(0.0, 0.0); 3], 1),
    ];
    for (x, want) in cases {
        // SAFETY: three elements.
        let got = unsafe { (f.iamax)(&3, p(&x), &1) };
        assert_eq!(got, want, "iamax of {x:?}");
        let padded: Vec<_> = x.iter().flat_map(|&v| [v, c(1e30, 1e30)]).collect();
        // SAFETY: three elements at stride 2.
        let got = unsafe { (f.iamax)(&3, p(&padded), &2) };
        assert_eq!(got, want, "iamax stride 2 of {x:?}");
    }

    // dot: an infinity or a NaN comes out.
    let x = vec![c(1.0, 0.0), c(inf, 0.0), c(2.0, 0.0)];
    let y = vec![c(1.0, 0.0), c(1.0, 0.0), c(1.0, 0.0)];
    // SAFETY: three elements each.
    let d = unsafe { (f.dotu)(&3, p(&x), &1, p(&y), &1) };
    assert!(
        d.re.is_infinite() && d.re > R::zero(),
        "dotu with inf: {d:?}"
    );
    let x = vec![c(1.0, nan), c(1.0, 0.0)];
    // SAFETY: two elements each.
    let d = unsafe { (f.dotc)(&2, p(&x), &1, p(&y), &1) };
    assert!(d.im.is_nan() && d.re.is_nan(), "dotc with NaN: {d:?}");

    // scal multiplies as gfortran does: (inf, 0) * (2, 0) = (inf, NaN); a
    // real scale keeps the zero part: 2 * (inf, 0) = (inf, 0).
    let mut x = vec![c(inf, 0.0)];
    let two = c(2.0, 0.0);
    // SAFETY: one element.
    unsafe { (f.scal)(&1, (&two as *const Complex<R>).cast(), m(&mut x), &1) };
    assert!(
        x[0].re.is_infinite() && x[0].im.is_nan(),
        "scal of (inf, 0): {:?}",
        x[0]
    );
    let mut x = vec![c(inf, 0.0)];
    let two_r = R::from_f64(2.0);
    // SAFETY: one element.
    unsafe { (f.rscal)(&1, &two_r, m(&mut x), &1) };
    assert!(same(x[0], c(inf, 0.0)), "real scal of (inf, 0): {:?}", x[0]);

    // Quick returns leave NaN where it is: scal by 1, real scal by 1, axpy
    // with alpha 0 (x is not read), incx <= 0 for scal.
    let orig = vec![c(nan, 1.0), c(2.0, nan)];
    let one = c(1.0, 0.0);
    let zero = c(0.0, 0.0);
    let mut x = orig.clone();
    // SAFETY: two elements.
    unsafe {
        (f.scal)(&2, (&one as *const Complex<R>).cast(), m(&mut x), &1);
        (f.rscal)(&2, &R::one(), m(&mut x), &1);
        (f.scal)(&2, (&zero as *const Complex<R>).cast(), m(&mut x), &0);
        (f.scal)(&2, (&zero as *const Complex<R>).cast(), m(&mut x), &-1);
        (f.rscal)(&2, &R::zero(), m(&mut x), &-1);
    }
    assert_same(&x, &orig, "quick returns of scal");
    let mut y = vec![c(1.0, 2.0), c(3.0, 4.0)];
    // SAFETY: two elements each.
    unsafe {
        (f.axpy)(
            &2,
            (&zero as *const Complex<R>).cast(),
            p(&orig),
            &1,
            m(&mut y),
            &1,
        )
    };
    assert_same(&y, &[c(1.0, 2.0), c(3.0, 4.0)], "axpy with alpha 0");
    // A scale of 0 gives 0 * NaN = NaN, as the reference (no shortcut).
    let mut x = orig.clone();
    // SAFETY: two elements.
    unsafe { (f.rscal)(&2, &R::zero(), m(&mut x), &1) };
    assert!(
        x[0].re.is_nan() && x[0].im == R::zero() && x[1].im.is_nan(),
        "0 * NaN: {x:?}"
    );
}

#[test]
fn special_values() {
    check_special_values(&fortran_c());
    check_special_values(&fortran_z());
}

/// `?rotg`'s defining properties for `(f, g)`: `c` real in [0, 1],
/// `c^2 + |s|^2 = 1`, `c f + s g = r` and `-conj(s) f + c g = 0`.
fn check_rotg_properties<R: Scalar>(f: &Fortran<R>, c: &Cblas<R>, a: Complex<R>, b: Complex<R>) {
    let mut r = a;
    let (mut cs, mut sn) = (R::nan(), Complex::new(R::nan(), R::nan()));
    // SAFETY: four valid pointers.
    unsafe {
        (f.rotg)(
            (&mut r as *mut Complex<R>).cast(),
            (&b as *const Complex<R>).cast(),
            &mut cs,
            (&mut sn as *mut Complex<R>).cast(),
        )
    };
    let wide = |z: Complex<R>| Complex::new(z.re.as_f64(), z.im.as_f64());
    let (fa, gb, rr, ss, cc) = (wide(a), wide(b), wide(r), wide(sn), cs.as_f64());
    let eps = 8.0 * R::epsilon().as_f64();
    let what = format!("rotg({a:?}, {b:?}) = r {r:?}, c {cs:?}, s {sn:?}");
    assert!((0.0..=1.0).contains(&cc), "{what}: c out of [0, 1]");
    assert!(
        (cc * cc + ss.norm_sqr() - 1.0).abs() <= eps,
        "{what}: c^2 + |s|^2"
    );
    let scale = fa.norm().max(gb.norm());
    // Compare in units of the inputs' scale, so that huge and tiny inputs
    // are judged alike (the scale is a power of two: no rounding).
    let unit = 2f64.powi(scale.log2().floor() as i32);
    let (fu, gu, ru) = (fa / unit, gb / unit, rr / unit);
    assert!(
        (fu * cc + ss * gu - ru).norm() <= eps * 4.0,
        "{what}: c f + s g != r"
    );
    assert!(
        (-ss.conj() * fu + gu * cc).norm() <= eps * 4.0,
        "{what}: -conj(s) f + c g != 0"
    );
    assert!(
        (ru.norm() - (fu.norm_sqr() + gu.norm_sqr()).sqrt()).abs() <= eps * 4.0,
        "{what}: |r|"
    );
    // The CBLAS form gives the same bits.
    let (mut r2, mut b2) = (a, b);
    let (mut c2, mut s2) = (R::nan(), Complex::new(R::nan(), R::nan()));
    // SAFETY: four valid pointers.
    unsafe {
        (c.rotg)(
            (&mut r2 as *mut Complex<R>).cast(),
            (&mut b2 as *mut Complex<R>).cast(),
            &mut c2,
            (&mut s2 as *mut Complex<R>).cast(),
        )
    };
    assert!(
        same(r2, r)
            && same(s2, sn)
            && same(Complex::new(c2, c2), Complex::new(cs, cs))
            && same(b2, b),
        "{what}: cblas form"
    );
}

fn check_rotg<R: Scalar>(f: &Fortran<R>, c: &Cblas<R>) {
    let z = |re: f64, im: f64| Complex::new(R::from_f64(re), R::from_f64(im));
    // Special cases, exactly: g = 0; f = 0 with g real or imaginary.
    let rotg = |a: Complex<R>, b: Complex<R>| {
        let mut r = a;
        let (mut cs, mut sn) = (R::nan(), Complex::new(R::nan(), R::nan()));
        // SAFETY: four valid pointers.
        unsafe {
            (f.rotg)(
                (&mut r as *mut Complex<R>).cast(),
                (&b as *const Complex<R>).cast(),
                &mut cs,
                (&mut sn as *mut Complex<R>).cast(),
            )
        };
        (r, cs, sn)
    };
    let (r, cs, sn) = rotg(z(3.0, -4.0), z(0.0, 0.0));
    assert!(
        same(r, z(3.0, -4.0)) && cs == R::one() && same(sn, z(0.0, 0.0)),
        "g = 0"
    );
    let (r, cs, sn) = rotg(z(0.0, 0.0), z(0.0, -2.0));
    assert!(
        same(r, z(2.0, 0.0)) && cs == R::zero() && same(sn, z(0.0, 1.0)),
        "f = 0, g imaginary: {r:?} {sn:?}"
    );
    let (r, cs, sn) = rotg(z(0.0, 0.0), z(-4.0, 0.0));
    assert!(
        same(r, z(4.0, 0.0)) && cs == R::zero() && same(sn, z(-1.0, 0.0)),
        "f = 0, g real"
    );
    let (r, cs, sn) = rotg(z(0.0, 0.0), z(3.0, 4.0));
    assert!(
        same(r, z(5.0, 0.0)) && cs == R::zero() && same(sn, z(0.6, -0.8)),
        "f = 0: {r:?} {sn:?}"
    );
    let (r, cs, sn) = rotg(z(3.0, 0.0), z(4.0, 0.0));
    assert!(
        (r.re - R::from_f64(5.0)).abs() <= R::from_f64(5.0) * R::epsilon() && r.im == R::zero(),
        "(3, 4): r {r:?}"
    );
    assert!(
        (cs - R::from_f64(0.6)).abs() <= R::epsilon()
            && (sn.re - R::from_f64(0.8)).abs() <= R::epsilon(),
        "(3, 4): {cs:?} {sn:?}"
    );

    // Properties over random inputs at every scale, the safe-scaling
    // branches included (tiny, huge and very different magnitudes).
    let base = values::<R>(40, 77);
    let exps: &[i32] = if R::epsilon().as_f64() > 1e-10 {
        &[0, -60, 60, -120, 120]
    } else {
        &[0, -500, 500, -1000, 1000]
    };
    for (k, pair) in base.chunks(2).enumerate() {
        for &ea in exps {
            for &eb in exps {
                let sa = R::from_f64(2f64.powi(ea));
                let sb = R::from_f64(2f64.powi(eb));
                let a = Complex::new(pair[0].re * sa, pair[0].im * sa);
                let b = Complex::new(pair[1].re * sb, pair[1].im * sb);
                if a.re == R::zero() && a.im == R::zero() || b.re == R::zero() && b.im == R::zero()
                {
                    continue;
                }
                let _ = k;
                check_rotg_properties(f, c, a, b);
            }
        }
    }
}

#[test]
fn rotg_c() {
    check_rotg(&fortran_c(), &cblas_c());
}

#[test]
fn rotg_z() {
    check_rotg(&fortran_z(), &cblas_z());
}

/// csrot/zdrot with x and y the same vector: the reference writes y before
/// x, so each element ends as `(c + s) x`.
#[test]
fn rot_of_a_vector_with_itself() {
    let mut x = vec![Complex::new(1.0f64, 2.0), Complex::new(-3.0, 0.5)];
    let want: Vec<_> = x
        .iter()
        .map(|v| Complex::new(v.re * 0.6 + v.re * 0.8, v.im * 0.6 + v.im * 0.8))
        .collect();
    let ptr = m(&mut x);
    // SAFETY: two elements; x and y are the same array on purpose.
    unsafe { l1::zdrot_(&2, ptr, &1, ptr, &1, &0.6, &0.8) };
    assert_same(&x, &want, "zdrot(x, x)");
}

#[test]
fn lsame() {
    let pairs = [
        ("a", "A", 1),
        ("A", "a", 1),
        ("z", "Z", 1),
        ("N", "N", 1),
        ("n", "T", 0),
        ("1", "1", 1),
        ("[", "{", 0),
        ("@", "`", 0),
        ("Upper", "u", 1),
    ];
    for (a, b, want) in pairs {
        let (ca, cb) = (CString::new(a).unwrap(), CString::new(b).unwrap());
        // SAFETY: NUL-terminated strings of at least one character.
        let got = unsafe { oxpar_blas::xerbla::lsame_(ca.as_ptr(), cb.as_ptr(), a.len(), b.len()) };
        assert_eq!(got, want, "lsame_({a:?}, {b:?})");
    }
    // NULL compares as the character 0.
    let null: *const c_char = std::ptr::null();
    // SAFETY: NULL is allowed.
    assert_eq!(unsafe { oxpar_blas::xerbla::lsame_(null, null, 0, 0) }, 1);
}

#[test]
fn null_arrays_are_empty_vectors() {
    let null: P = std::ptr::null();
    let nullm: M = std::ptr::null_mut();
    // SAFETY: NULL arrays are treated as empty; nothing is dereferenced.
    unsafe {
        let d = l1::zdotc_(&3, null, &1, null, &1);
        assert_eq!(d, Complex::new(0.0, 0.0));
        assert_eq!(l1::icamax_(&3, null, &1), 0);
        l1::zaxpy_(
            &3,
            (&Complex::new(1.0f64, 0.0) as *const Complex<f64>).cast(),
            null,
            &1,
            nullm,
            &1,
        );
        l1::cscal_(
            &3,
            (&Complex::new(2.0f32, 0.0) as *const Complex<f32>).cast(),
            nullm,
            &1,
        );
        l1::cblas_zdotu_sub(3, null, 1, null, 1, nullm);
        l1::zrotg_(nullm, null, std::ptr::null_mut(), nullm);
    }
}

// ---------------------------------------------------------------------------
// Against the reference BLAS, where it is installed.
// ---------------------------------------------------------------------------

/// Where Debian's libblas3 puts the reference BLAS.
const REFERENCE: &str = "/usr/lib/x86_64-linux-gnu/blas/libblas.so.3";

/// The reference library, opened privately (its symbols do not replace
/// ours), or `None` when it is not installed.
fn reference() -> Option<*mut c_void> {
    let path = CString::new(REFERENCE).unwrap();
    // SAFETY: a NUL-terminated path; RTLD_LOCAL keeps its symbols private.
    let h = unsafe { libc::dlopen(path.as_ptr(), libc::RTLD_NOW | libc::RTLD_LOCAL) };
    (!h.is_null()).then_some(h)
}

/// `name` in the reference library, as a function pointer of type `F`.
///
/// # Safety
/// `F` is the function's true type.
unsafe fn symbol<F: Copy>(h: *mut c_void, name: &str) -> F {
    let c = CString::new(name).unwrap();
    // SAFETY: a valid handle and a NUL-terminated name.
    let f = unsafe { libc::dlsym(h, c.as_ptr()) };
    assert!(!f.is_null(), "the reference BLAS lacks {name}");
    assert_eq!(std::mem::size_of::<F>(), std::mem::size_of::<*mut c_void>());
    // SAFETY: F is a function pointer type (caller's contract).
    unsafe { std::mem::transmute_copy(&f) }
}

/// The reference's Fortran entry points of prefix `c` or `z`.
///
/// # Safety
/// `R` is the precision of the prefix (f32 for c, f64 for z).
unsafe fn reference_fortran<R>(h: *mut c_void, z: bool) -> Fortran<R> {
    let (pre, real) = if z { ("z", "zd") } else { ("c", "cs") };
    let name = |s: &str| format!("{pre}{s}_");
    // SAFETY: the reference's signatures are those of our entry points.
    unsafe {
        Fortran {
            axpy: symbol(h, &name("axpy")),
            copy: symbol(h, &name("copy")),
            dotc: symbol(h, &name("dotc")),
            dotu: symbol(h, &name("dotu")),
            rotg: symbol(h, &name("rotg")),
            scal: symbol(h, &name("scal")),
            rrot: symbol(h, &format!("{real}rot_")),
            rscal: symbol(h, &format!("{real}scal_")),
            swap: symbol(h, &name("swap")),
            iamax: symbol(h, &format!("i{pre}amax_")),
        }
    }
}

/// Ours and the reference's results on the same data: equal bits (the dot
/// products to rounding).
fn check_against_reference<R: Scalar>(ours: &Fortran<R>, theirs: &Fortran<R>) {
    let alpha = Complex::new(R::from_f64(-0.375), R::from_f64(1.5));
    let (cs, sn) = (R::from_f64(0.28), R::from_f64(0.96));
    let sa = R::from_f64(3.25);
    for n in [0usize, 1, 5, 33] {
        for (incx, incy) in [(1, 1), (2, -1), (-3, 2), (0, 1), (1, 0)] {
            let mut x = values::<R>(storage(n, incx), 11 + n as u64);
            let mut y = values::<R>(storage(n, incy), 12 + n as u64);
            if n >= 5 {
                // Special values at both ends of x and inside y.
                let (first, last) = (pos(0, n, incx), pos(n - 1, n, incx));
                x[first] = Complex::new(R::infinity(), R::from_f64(0.5));
                x[last] = Complex::new(R::nan(), R::one());
                y[pos(2, n, incy)] = Complex::new(R::zero(), R::neg_infinity());
            }
            let ni = n as c_int;
            let tag = format!("n={n} incx={incx} incy={incy}");
            // Runs `op` on copies of (x, y) with each library; same bits.
            let both = |what: &str, op: &dyn Fn(&Fortran<R>, M, M)| {
                let (mut ox, mut oy, mut tx, mut ty) = (x.clone(), y.clone(), x.clone(), y.clone());
                op(ours, m(&mut ox), m(&mut oy));
                op(theirs, m(&mut tx), m(&mut ty));
                assert_same(&ox, &tx, &format!("{what} x {tag}"));
                assert_same(&oy, &ty, &format!("{what} y {tag}"));
            };
            let ap: P = (&alpha as *const Complex<R>).cast();
            // SAFETY (every closure): the arrays hold n elements at their
            // increments; the scalars are locals.
            both("axpy", &|f, xp, yp| {
                // SAFETY: see above.
                unsafe { (f.axpy)(&ni, ap, xp, &incx, yp, &incy) }
            });
            both("copy", &|f, xp, yp| {
                // SAFETY: see above.
                unsafe { (f.copy)(&ni, xp, &incx, yp, &incy) }
            });
            both("swap", &|f, xp, yp| {
                // SAFETY: see above.
                unsafe { (f.swap)(&ni, xp, &incx, yp, &incy) }
            });
            both("rot", &|f, xp, yp| {
                // SAFETY: see above.
                unsafe { (f.rrot)(&ni, xp, &incx, yp, &incy, &cs, &sn) }
            });
            both("scal", &|f, xp, _| {
                // SAFETY: see above.
                unsafe { (f.scal)(&ni, ap, xp, &incx) }
            });
            both("real scal", &|f, xp, _| {
                // SAFETY: see above.
                unsafe { (f.rscal)(&ni, &sa, xp, &incx) }
            });
            // SAFETY: as above.
            unsafe {
                assert_eq!(
                    (ours.iamax)(&ni, p(&x), &incx),
                    (theirs.iamax)(&ni, p(&x), &incx),
                    "iamax {tag}"
                );
                let scale = n as f64;
                let (o, t) = (
                    (ours.dotc)(&ni, p(&x), &incx, p(&y), &incy),
                    (theirs.dotc)(&ni, p(&x), &incx, p(&y), &incy),
                );
                assert_close(o, t, scale * 2.0, &format!("dotc {tag}"));
                let (o, t) = (
                    (ours.dotu)(&ni, p(&x), &incx, p(&y), &incy),
                    (theirs.dotu)(&ni, p(&x), &incx, p(&y), &incy),
                );
                assert_close(o, t, scale * 2.0, &format!("dotu {tag}"));
            }
        }
    }
    // rotg at every scale, bit for bit.
    let base = values::<R>(24, 5);
    let exps: &[i32] = if R::epsilon().as_f64() > 1e-10 {
        &[0, -70, 70, -130, 125]
    } else {
        &[0, -520, 520, -1030, 1020]
    };
    let mut inputs: Vec<(Complex<R>, Complex<R>)> = vec![];
    for pair in base.chunks(2) {
        for &ea in exps {
            for &eb in exps {
                let (sa, sb) = (R::from_f64(2f64.powi(ea)), R::from_f64(2f64.powi(eb)));
                inputs.push((
                    Complex::new(pair[0].re * sa, pair[0].im * sa),
                    Complex::new(pair[1].re * sb, pair[1].im * sb),
                ));
            }
        }
    }
    let z = |re: f64, im: f64| Complex::new(R::from_f64(re), R::from_f64(im));
    inputs.extend([
        (z(0.0, 0.0), z(3.0, -4.0)),
        (z(0.0, 0.0), z(0.0, 2.0)),
        (z(1.0, 1.0), z(0.0, 0.0)),
        (z(0.0, 0.0), z(0.0, 0.0)),
    ]);
    for (a, b) in inputs {
        let run = |f: &Fortran<R>| {
            let mut r = a;
            let (mut c, mut s) = (R::nan(), Complex::new(R::nan(), R::nan()));
            // SAFETY: four valid pointers.
            unsafe {
                (f.rotg)(
                    (&mut r as *mut Complex<R>).cast(),
                    (&b as *const Complex<R>).cast(),
                    &mut c,
                    (&mut s as *mut Complex<R>).cast(),
                )
            };
            (r, Complex::new(c, R::zero()), s)
        };
        let (o, t) = (run(ours), run(theirs));
        assert!(
            same(o.0, t.0) && same(o.1, t.1) && same(o.2, t.2),
            "rotg({a:?}, {b:?}): ours {o:?}, the reference's {t:?}"
        );
    }
}

#[test]
fn against_the_reference_blas() {
    let Some(h) = reference() else {
        eprintln!("{REFERENCE} is not installed (Debian's libblas3): comparison skipped");
        return;
    };
    // SAFETY: c is f32, z is f64.
    let (tc, tz) = unsafe {
        (
            reference_fortran::<f32>(h, false),
            reference_fortran::<f64>(h, true),
        )
    };
    check_against_reference(&fortran_c(), &tc);
    check_against_reference(&fortran_z(), &tz);
}

/// Operands that overlap in memory, by whole elements and by half of one
/// (the real parts of one vector on the imaginary parts of the other): the
/// library works element by element in the reference's source order (read
/// `x(i)` and `y(i)`, then write), as the loops here do. (Fortran forbids
/// such aliasing, so the compiled reference gives whatever order of loads
/// and stores its compiler chose: it is not the yardstick here.)
#[test]
fn overlapping_operands_follow_the_reference_order() {
    type Z = Complex<f64>;
    let alpha = Complex::new(0.5f64, -2.0);
    let ap: P = (&alpha as *const Z).cast();
    let (c, s) = (0.6f64, 0.8f64);
    let n: c_int = 7;
    // The loops, on raw pointers (the operands overlap).
    let reference = |op: &str, x: *mut Z, incx: i32, y: *mut Z, incy: i32| {
        let nu = n as usize;
        for i in 0..nu {
            // SAFETY: element i of each vector is inside the buffer.
            unsafe {
                let px = x.add(pos(i, nu, incx));
                let py = y.add(pos(i, nu, incy));
                let (a, b) = (px.read(), py.read());
                match op {
                    "axpy" => py.write(b + alpha * a),
                    "copy" => py.write(a),
                    "swap" => {
                        px.write(b);
                        py.write(a);
                    }
                    _ => {
                        let t = |k: f64, z: Z| Complex::new(k, 0.0) * z;
                        let temp = t(c, a) + t(s, b);
                        py.write(t(c, b) - t(s, a));
                        px.write(temp);
                    }
                }
            }
        }
    };
    for shift in [0usize, 1, 2, 3, 5] {
        for (incx, incy) in [(1, 1), (2, -1), (-1, 2), (1, -1), (-2, -2)] {
            let buf = values::<f64>(40, 9 + shift as u64);
            for op in ["axpy", "copy", "swap", "rot"] {
                let (mut got, mut want) = (buf.clone(), buf.clone());
                let base = got.as_mut_ptr().cast::<f64>();
                // SAFETY: 7 elements at increments up to 2, shift reals on,
                // fit in the buffer; x and y may overlap.
                unsafe {
                    let (x, y): (M, M) = (base.cast(), base.add(shift).cast());
                    match op {
                        "axpy" => l1::zaxpy_(&n, ap, x, &incx, y, &incy),
                        "copy" => l1::zcopy_(&n, x, &incx, y, &incy),
                        "swap" => l1::zswap_(&n, x, &incx, y, &incy),
                        _ => l1::zdrot_(&n, x, &incx, y, &incy, &c, &s),
                    }
                    let base = want.as_mut_ptr().cast::<f64>();
                    reference(op, base.cast(), incx, base.add(shift).cast(), incy);
                }
                let tag = format!("{op} y = x + {shift} reals, incx={incx} incy={incy}");
                assert_same(&got, &want, &tag);
            }
        }
    }
}
