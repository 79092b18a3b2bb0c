//! BLAS level 1 for c and z: the Fortran (`zaxpy_`) and CBLAS
//! (`cblas_zaxpy`) entry points of every complex routine of the reference
//! BLAS 3.11 (`?axpy`, `?copy`, `?dotc`, `?dotu`, `?rotg`, `?scal`, `csrot`/
//! `zdrot`, `csscal`/`zdscal`, `?swap`, `ic?amax`/`iz?amax`).
//!
//! The argument rules are those of the real routines (see [`super`]):
//! `n <= 0` returns at once; a negative increment walks the vector from its
//! end; `?scal`, `csscal`/`zdscal` and `i?amax` do nothing (return 0) for
//! `incx <= 0`; `?scal` returns at once for `alpha == 1`, `csscal`/`zdscal`
//! for `sa == 1`, `?axpy` for `alpha == 0`; an increment of 0 repeats one
//! element where the reference allows it.
//!
//! Arithmetic is the reference's, as gfortran compiles it, down to the
//! special values: complex products are the plain `(ar*br - ai*bi, ar*bi +
//! ai*br)` (no NaN recovery); where the reference multiplies or divides a
//! complex number by a real one (`csrot`, `?rotg`) Fortran makes the real
//! one complex with a zero imaginary part and gfortran computes the full
//! complex product or quotient (Smith's algorithm), so `2 * (inf, 1)` is
//! `(inf, NaN)` there, while `csscal`/`zdscal` scale each part
//! (`CMPLX(SA*REAL(X), SA*AIMAG(X))`); `i?amax` compares `|re| + |im|`. `?axpy`, `?scal`, `?copy`, `?swap`, `?dotc` and
//! `?dotu` compute on the threads backend (the dot products accumulate in
//! f64 for c, so they agree with the reference to rounding); overlapping
//! operands and increments of 0 take a loop in the reference's order.
//! `csscal`/`zdscal` scale the parts as real vectors on the backend, which
//! is the reference's arithmetic exactly.
//!
//! The Fortran functions `cdotc_`, `cdotu_`, `zdotc_` and `zdotu_` return
//! their `COMPLEX` value as gfortran does, as a C `float _Complex` /
//! `double _Complex` (a `#[repr(C)]` pair of floats returned by value has
//! that ABI on x86-64 and AArch64 Linux). CBLAS has only the `_sub` forms,
//! which store the value through their last argument.
//!
//! Complex arrays and scalars are passed as `void *` (pairs of floats, real
//! part first), as in CBLAS.
//!
//! # Reproducible mode
//!
//! With `OXPAR_REPRODUCIBLE=1`, `?dotc` and `?dotu` (every form) add the
//! exact products of the parts into four exact accumulators on the threads
//! backend (`re*re`, `im*im`, `re*im`, `im*re`) and round the real and the
//! imaginary part once each: each part is the exact one correctly rounded,
//! the same bits for any thread count. `scnrm2`, `scasum` and their z forms
//! are reproducible too (see [`super`]).

use std::ffi::{c_int, c_void};

use oxpar_core::exact::{round_to, ExactSum, Reduction, LIMBS};
use oxpar_core::{Complex, Element, Level1};
use oxpar_threads::ThreadsBackend;

use super::{
    axpy, copy, elements, exact_sum, iamax, origin, scal, swap, view, view_mut, Precision,
};
use crate::args;
use crate::threads::{backend, reproducible};

/// `?dotu` (`conj == false`) or `?dotc`: `sum x(i) * y(i)`, with `conj(x(i))`
/// for `?dotc`.
///
/// # Safety
/// `x` and `y` hold `n` elements at their increments.
unsafe fn dot<R: Precision>(
    conj: bool,
    n: i32,
    x: *const Complex<R>,
    incx: i32,
    y: *const Complex<R>,
    incy: i32,
) -> Complex<R>
where
    Complex<R>: Element<Real = R>,
    ThreadsBackend: Level1<Complex<R>>,
{
    let zero = <Complex<R> as Element>::ZERO;
    if n <= 0 || x.is_null() || y.is_null() {
        return zero;
    }
    let (n, incx, incy) = (n as usize, incx as isize, incy as isize);
    if reproducible() {
        // SAFETY: the caller's contract.
        return unsafe { exact_dot(conj, n, x, incx, y, incy) };
    }
    // SAFETY: both arrays hold their elements (caller's contract); reads only.
    if let (Some(xv), Some(yv)) = unsafe { (view(x, n, incx), view(y, n, incy)) } {
        let d = if conj {
            backend().dotc(xv, yv)
        } else {
            backend().dot(xv, yv)
        };
        // The backend fails only on its argument checks, before any work.
        if let Ok(d) = d {
            return d;
        }
    }
    // SAFETY: as above.
    let (xs, ys) = unsafe { (elements(x, n, incx), elements(y, n, incy)) };
    xs.zip(ys).fold(zero, |acc, (a, b)| {
        acc + if conj { a.conj() } else { a } * b
    })
}

/// `-acc`, exactly (the limbs negated, the infinities' signs exchanged);
/// `None` if the flat form does not come back (it always does: a normalized
/// accumulator's limbs are far inside the range `from_words` accepts).
fn negated(acc: &ExactSum) -> Option<ExactSum> {
    let mut words = acc.to_words();
    for w in &mut words[..LIMBS] {
        *w = -*w;
    }
    words.swap(LIMBS + 1, LIMBS + 2);
    ExactSum::from_words(&words)
}

/// Reproducible mode: `?dotu`/`?dotc` with each part the exact one correctly
/// rounded. The four sums of products of parts run on the threads backend as
/// real reductions over the parts (every other real, at twice the complex
/// increment).
///
/// # Safety
/// `x` and `y` are not NULL and hold `n` elements at their increments.
unsafe fn exact_dot<R: Precision>(
    conj: bool,
    n: usize,
    x: *const Complex<R>,
    incx: isize,
    y: *const Complex<R>,
    incy: isize,
) -> Complex<R>
where
    Complex<R>: Element<Real = R>,
    ThreadsBackend: Level1<Complex<R>>,
{
    let (xr, yr) = (x.cast::<R>(), y.cast::<R>());
    // SAFETY: each element is two R, real part first (caller's contract:
    // the arrays hold the elements), so the imaginary parts start one R on
    // and both parts run at twice the complex increment.
    let [rr, ii, ri, ir] = unsafe {
        let (xi, yi) = (xr.add(1), yr.add(1));
        let (sx, sy) = (2 * incx, 2 * incy);
        [
            exact_sum(Reduction::Dot, n, xr, sx, yr, sy),
            exact_sum(Reduction::Dot, n, xi, sx, yi, sy),
            exact_sum(Reduction::Dot, n, xr, sx, yi, sy),
            exact_sum(Reduction::Dot, n, xi, sx, yr, sy),
        ]
    };
    // dotu: (rr - ii, ri + ir); dotc, with x's imaginary parts negated:
    // (rr + ii, ri - ir).
    let (mut re, mut im) = (rr, ri);
    let (add_re, add_im) = if conj {
        (Some(ii), negated(&ir))
    } else {
        (negated(&ii), Some(ir))
    };
    match (add_re, add_im) {
        (Some(a), Some(b)) => {
            re.merge(&a);
            im.merge(&b);
            Complex::new(round_to(&re), round_to(&im))
        }
        _ => {
            // Unreachable (see `negated`); the core's element-by-element
            // exact product is the same result.
            // SAFETY: the caller's contract.
            let (xs, ys): (Vec<_>, Vec<_>) =
                unsafe { elements(x, n, incx).zip(elements(y, n, incy)).unzip() };
            let [re, im] = oxpar_core::complex::exact_dot(
                conj,
                oxpar_core::VecRef::from_slice(&xs),
                oxpar_core::VecRef::from_slice(&ys),
            );
            Complex::new(round_to(&re), round_to(&im))
        }
    }
}

/// `z * a` for real `a` as gfortran computes it: Fortran converts `a` to
/// the complex `(a, 0)` and gfortran multiplies in full (it keeps the zero
/// part, for the signs of zeros), so `(inf, 1) * 2` is `(inf, NaN)` and a
/// `-0` part can come out `+0`.
fn times<R: Precision>(z: Complex<R>, a: R) -> Complex<R> {
    let zero = R::zero();
    Complex::new(z.re * a - z.im * zero, z.im * a + z.re * zero)
}

/// `z / a` for real `a` as gfortran computes it: a complex division by
/// `(a, 0)` with Smith's algorithm (gfortran's `-fcx-fortran-rules`), in
/// its `|re| >= |im|` branch (the other needs `|a| < 0`).
fn over<R: Precision>(z: Complex<R>, a: R) -> Complex<R> {
    let zero = R::zero();
    let ratio = zero / a;
    let div = zero * ratio + a;
    Complex::new((z.im * ratio + z.re) / div, (z.im - z.re * ratio) / div)
}

/// `?rotg` (3.10+ reference, safe scaling): for `(f, g)` returns `(r, c, s)`
/// with real `c` and complex `s` such that `[c s; -conj(s) c] [f; g] =
/// [r; 0]`, operation for operation as the reference's `CROTG`/`ZROTG`.
fn rotg<R: Precision>(f: Complex<R>, g: Complex<R>) -> (Complex<R>, R, Complex<R>)
where
    Complex<R>: Element<Real = R>,
    ThreadsBackend: Level1<Complex<R>>,
{
    let (zero, one) = (R::zero(), R::one());
    let (two, four) = (one + one, one + one + one + one);
    let czero = Complex::new(zero, zero);
    let (safmin, safmax) = (R::SAFMIN, R::SAFMAX);
    let rtmin = safmin.sqrt();
    let abssq = |t: Complex<R>| t.re * t.re + t.im * t.im;
    let real = |v: R| Complex::new(v, zero);
    if g == czero {
        return (f, one, czero);
    }
    if f == czero {
        if g.re == zero {
            let r = g.im.abs();
            return (real(r), zero, over(g.conj(), r));
        }
        if g.im == zero {
            let r = g.re.abs();
            return (real(r), zero, over(g.conj(), r));
        }
        let g1 = g.re.abs().max(g.im.abs());
        let rtmax = (safmax / two).sqrt();
        if g1 > rtmin && g1 < rtmax {
            let d = abssq(g).sqrt();
            return (real(d), zero, over(g.conj(), d));
        }
        let u = safmax.min(safmin.max(g1));
        let gs = over(g, u);
        let d = abssq(gs).sqrt();
        return (real(d * u), zero, over(gs.conj(), d));
    }
    let f1 = f.re.abs().max(f.im.abs());
    let g1 = g.re.abs().max(g.im.abs());
    let rtmax = (safmax / four).sqrt();
    // Unscaled (f, g) when both are in range; otherwise scaled by u (and f
    // by v, when it is much smaller than g), rescaled at the end.
    let (fs, gs, f2, h2, u, w) = if f1 > rtmin && f1 < rtmax && g1 > rtmin && g1 < rtmax {
        let f2 = abssq(f);
        (f, g, f2, f2 + abssq(g), one, one)
    } else {
        let u = safmax.min(safmin.max(f1).max(g1));
        let gs = over(g, u);
        let g2 = abssq(gs);
        if f1 / u < rtmin {
            let v = safmax.min(safmin.max(f1));
            let w = v / u;
            let fs = over(f, v);
            let f2 = abssq(fs);
            (fs, gs, f2, f2 * (w * w) + g2, u, w)
        } else {
            let fs = over(f, u);
            let f2 = abssq(fs);
            (fs, gs, f2, f2 + g2, u, one)
        }
    };
    let (c, r, s);
    if f2 >= h2 * safmin {
        // safmin <= f2/h2 <= 1, and h2/f2 is finite.
        c = (f2 / h2).sqrt();
        r = over(fs, c);
        if f2 > rtmin && h2 < rtmax * two {
            s = gs.conj() * over(fs, (f2 * h2).sqrt());
        } else {
            s = gs.conj() * over(r, h2);
        }
    } else {
        // f2/h2 may be subnormal and h2/f2 overflow; sqrt(f2*h2) is in range.
        let d = (f2 * h2).sqrt();
        c = f2 / d;
        r = if c >= safmin {
            over(fs, c)
        } else {
            times(fs, h2 / d)
        };
        s = gs.conj() * over(fs, d);
    }
    // The reference rescales only in the scaled branch; multiplying by the
    // unscaled branch's 1 changes nothing.
    (times(r, u), c * w, s)
}

/// `csrot`/`zdrot`: `(x(i), y(i)) := (c*x(i) + s*y(i), c*y(i) - s*x(i))` with
/// real `c` and `s` (multiplied as gfortran does, see [`times`]), in the
/// reference's order (`y(i)` is
/// written before `x(i)`, which matters when they are the same element).
///
/// # Safety
/// `x` and `y` hold `n` elements at their increments (they may overlap).
unsafe fn rot<R: Precision>(
    n: i32,
    x: *mut Complex<R>,
    incx: i32,
    y: *mut Complex<R>,
    incy: i32,
    c: R,
    s: R,
) where
    Complex<R>: Element<Real = R>,
    ThreadsBackend: Level1<Complex<R>>,
{
    if n <= 0 || x.is_null() || y.is_null() {
        return;
    }
    let (n, incx, incy) = (n as usize, incx as isize, incy as isize);
    let (ox, oy) = (origin(n, incx), origin(n, incy));
    for i in 0..n as isize {
        // SAFETY: element i of each vector is inside its array (caller's
        // contract); raw accesses in the reference's order allow overlap.
        unsafe {
            let xi = x.offset(ox + i * incx);
            let yi = y.offset(oy + i * incy);
            let (xv, yv) = (*xi, *yi);
            let temp = times(xv, c) + times(yv, s);
            *yi = times(yv, c) - times(xv, s);
            *xi = temp;
        }
    }
}

/// `csscal`/`zdscal`: `x := sa*x` with real `sa`, each part scaled (nothing
/// happens for `incx <= 0` or `sa == 1`). The parts are real vectors: `2n`
/// contiguous reals for `incx == 1`, else the real and the imaginary parts
/// at twice the increment.
///
/// # Safety
/// `x` holds `n` elements at `incx`.
unsafe fn real_scal<R: Precision>(n: i32, sa: R, x: *mut Complex<R>, incx: i32)
where
    Complex<R>: Element<Real = R>,
    ThreadsBackend: Level1<Complex<R>>,
{
    if n <= 0 || incx <= 0 || sa == R::one() || x.is_null() {
        return;
    }
    let (n, incx) = (n as usize, incx as isize);
    let parts = x.cast::<R>();
    // The real backend's scal (named: the bounds above also offer the
    // complex one).
    let scale = |a: R, v| <ThreadsBackend as Level1<R>>::scal(backend(), a, v).is_ok();
    let done = if incx == 1 {
        // SAFETY: n contiguous elements are 2n contiguous reals (caller's
        // contract).
        unsafe { view_mut(parts, 2 * n, 1) }.is_some_and(|v| scale(sa, v))
    } else {
        // SAFETY: the real and the imaginary parts are disjoint sets of
        // reals inside the array (caller's contract).
        match unsafe {
            (
                view_mut(parts, n, 2 * incx),
                view_mut(parts.add(1), n, 2 * incx),
            )
        } {
            (Some(re), Some(im)) => scale(sa, re) && scale(sa, im),
            _ => false,
        }
    };
    if done {
        return;
    }
    for i in 0..n as isize {
        // SAFETY: element i is inside the array (caller's contract).
        unsafe {
            let xi = x.offset(i * incx);
            *xi = Complex::new(sa * (*xi).re, sa * (*xi).im);
        }
    }
}

/// `?rotg` through pointers: `a := r`, `c`, `s` written, `b` only read
/// (nothing happens if a pointer is NULL).
///
/// # Safety
/// Each pointer is NULL or valid for its element (`a`, `c` and `s` writable).
unsafe fn rotg_at<R: Precision>(
    a: *mut Complex<R>,
    b: *const Complex<R>,
    c: *mut R,
    s: *mut Complex<R>,
) where
    Complex<R>: Element<Real = R>,
    ThreadsBackend: Level1<Complex<R>>,
{
    if a.is_null() || b.is_null() || c.is_null() || s.is_null() {
        return;
    }
    // SAFETY: valid pointers (the function's contract).
    unsafe {
        let (r, cv, sv) = rotg(*a, *b);
        *a = r;
        *c = cv;
        *s = sv;
    }
}

/// Defines the Fortran and CBLAS entry points of one complex precision.
macro_rules! complex_level1 {
    (
        $r:ty, $up:literal, $lo:literal, $real_up:literal,
        [$axpy:ident, $copy:ident, $dotc:ident, $dotu:ident, $rotg:ident, $scal:ident,
         $rrot:ident, $rscal:ident, $swap:ident, $iamax:ident],
        [$c_axpy:ident, $c_copy:ident, $c_dotc:ident, $c_dotu:ident, $c_rotg:ident,
         $c_scal:ident, $c_rrot:ident, $c_rscal:ident, $c_swap:ident, $c_iamax:ident]
    ) => {
        #[doc = concat!("`", $up, "AXPY(N, ALPHA, X, INCX, Y, INCY)`: `y := alpha*x + y` ")]
        /// (nothing happens for `alpha == 0`).
        ///
        /// # Safety
        /// Scalars are readable; `x` and `y` hold `n` elements at their
        /// increments.
        #[no_mangle]
        pub unsafe extern "C" fn $axpy(
            n: *const c_int,
            alpha: *const c_void,
            x: *const c_void,
            incx: *const c_int,
            y: *mut c_void,
            incy: *const c_int,
        ) {
            // SAFETY: the caller's contract.
            unsafe {
                axpy(
                    args::int(n),
                    args::scalar(alpha.cast::<Complex<$r>>()),
                    x.cast::<Complex<$r>>(),
                    args::int(incx),
                    y.cast::<Complex<$r>>(),
                    args::int(incy),
                )
            }
        }

        #[doc = concat!("`", $up, "COPY(N, X, INCX, Y, INCY)`: `y := x`.")]
        ///
        /// # Safety
        /// Scalars are readable; `x` and `y` hold `n` elements at their
        /// increments.
        #[no_mangle]
        pub unsafe extern "C" fn $copy(
            n: *const c_int,
            x: *const c_void,
            incx: *const c_int,
            y: *mut c_void,
            incy: *const c_int,
        ) {
            // SAFETY: the caller's contract.
            unsafe { copy(args::int(n), x.cast::<Complex<$r>>(), args::int(incx), y.cast(), args::int(incy)) }
        }

        #[doc = concat!("`", $up, "DOTC(N, X, INCX, Y, INCY)`: `conj(x) . y` (0 for `n <= 0`), ")]
        /// returned as a C `_Complex` value (gfortran's convention).
        ///
        /// # Safety
        /// Scalars are readable; `x` and `y` hold `n` elements at their
        /// increments.
        #[no_mangle]
        pub unsafe extern "C" fn $dotc(
            n: *const c_int,
            x: *const c_void,
            incx: *const c_int,
            y: *const c_void,
            incy: *const c_int,
        ) -> Complex<$r> {
            // SAFETY: the caller's contract.
            unsafe { dot(true, args::int(n), x.cast(), args::int(incx), y.cast(), args::int(incy)) }
        }

        #[doc = concat!("`", $up, "DOTU(N, X, INCX, Y, INCY)`: `x . y`, unconjugated (0 for ")]
        /// `n <= 0`), returned as a C `_Complex` value (gfortran's
        /// convention).
        ///
        /// # Safety
        /// Scalars are readable; `x` and `y` hold `n` elements at their
        /// increments.
        #[no_mangle]
        pub unsafe extern "C" fn $dotu(
            n: *const c_int,
            x: *const c_void,
            incx: *const c_int,
            y: *const c_void,
            incy: *const c_int,
        ) -> Complex<$r> {
            // SAFETY: the caller's contract.
            unsafe { dot(false, args::int(n), x.cast(), args::int(incx), y.cast(), args::int(incy)) }
        }

        #[doc = concat!("`", $up, "ROTG(A, B, C, S)`: constructs the rotation with real `C` and ")]
        /// complex `S` that zeroes `B`; on return `A` holds `r` (`B` is not
        /// changed). The 3.10+ reference's safe-scaling algorithm.
        ///
        /// # Safety
        /// Each pointer is NULL (nothing happens) or valid for its value.
        #[no_mangle]
        pub unsafe extern "C" fn $rotg(a: *mut c_void, b: *const c_void, c: *mut $r, s: *mut c_void) {
            // SAFETY: the caller's contract.
            unsafe { rotg_at::<$r>(a.cast(), b.cast(), c, s.cast()) }
        }

        #[doc = concat!("`", $up, "SCAL(N, ALPHA, X, INCX)`: `x := alpha*x` ")]
        /// (nothing happens for `incx <= 0` or `alpha == 1`).
        ///
        /// # Safety
        /// Scalars are readable; `x` holds `n` elements at `incx`.
        #[no_mangle]
        pub unsafe extern "C" fn $scal(n: *const c_int, alpha: *const c_void, x: *mut c_void, incx: *const c_int) {
            // SAFETY: the caller's contract.
            unsafe {
                scal(args::int(n), args::scalar(alpha.cast::<Complex<$r>>()), x.cast(), args::int(incx))
            }
        }

        #[doc = concat!("`", $real_up, "ROT(N, X, INCX, Y, INCY, C, S)`: the plane rotation with real ")]
        /// `c` and `s`: `(x(i), y(i)) := (c*x(i) + s*y(i), c*y(i) - s*x(i))`.
        ///
        /// # Safety
        /// Scalars are readable; `x` and `y` hold `n` elements at their
        /// increments.
        #[no_mangle]
        pub unsafe extern "C" fn $rrot(
            n: *const c_int,
            x: *mut c_void,
            incx: *const c_int,
            y: *mut c_void,
            incy: *const c_int,
            c: *const $r,
            s: *const $r,
        ) {
            // SAFETY: the caller's contract.
            unsafe {
                rot::<$r>(
                    args::int(n),
                    x.cast(),
                    args::int(incx),
                    y.cast(),
                    args::int(incy),
                    args::scalar(c),
                    args::scalar(s),
                )
            }
        }

        #[doc = concat!("`", $real_up, "SCAL(N, SA, X, INCX)`: `x := sa*x` with real `sa` (each part ")]
        /// scaled; nothing happens for `incx <= 0` or `sa == 1`).
        ///
        /// # Safety
        /// Scalars are readable; `x` holds `n` elements at `incx`.
        #[no_mangle]
        pub unsafe extern "C" fn $rscal(n: *const c_int, sa: *const $r, x: *mut c_void, incx: *const c_int) {
            // SAFETY: the caller's contract.
            unsafe { real_scal::<$r>(args::int(n), args::scalar(sa), x.cast(), args::int(incx)) }
        }

        #[doc = concat!("`", $up, "SWAP(N, X, INCX, Y, INCY)`: exchanges `x` and `y`.")]
        ///
        /// # Safety
        /// Scalars are readable; `x` and `y` hold `n` elements at their
        /// increments.
        #[no_mangle]
        pub unsafe extern "C" fn $swap(
            n: *const c_int,
            x: *mut c_void,
            incx: *const c_int,
            y: *mut c_void,
            incy: *const c_int,
        ) {
            // SAFETY: the caller's contract.
            unsafe { swap(args::int(n), x.cast::<Complex<$r>>(), args::int(incx), y.cast(), args::int(incy)) }
        }

        #[doc = concat!("`I", $up, "AMAX(N, X, INCX)`: the 1-based index of the first largest ")]
        /// `|re(x(i))| + |im(x(i))|` (0 for `n < 1` or `incx <= 0`; a NaN
        /// wins only as the first element, as in the reference).
        ///
        /// # Safety
        /// Scalars are readable; `x` holds `n` elements at `incx`.
        #[no_mangle]
        pub unsafe extern "C" fn $iamax(n: *const c_int, x: *const c_void, incx: *const c_int) -> c_int {
            // SAFETY: the caller's contract.
            unsafe { iamax(args::int(n), x.cast::<Complex<$r>>(), args::int(incx)) }
        }

        #[doc = concat!("`cblas_", $lo, "axpy`: as [`", stringify!($axpy), "`], `alpha` by address.")]
        ///
        /// # Safety
        /// `alpha` is readable; `x` and `y` hold `n` elements at their
        /// increments.
        #[no_mangle]
        pub unsafe extern "C" fn $c_axpy(
            n: c_int,
            alpha: *const c_void,
            x: *const c_void,
            incx: c_int,
            y: *mut c_void,
            incy: c_int,
        ) {
            // SAFETY: the caller's contract.
            unsafe {
                axpy(n, args::scalar(alpha.cast::<Complex<$r>>()), x.cast(), incx, y.cast(), incy)
            }
        }

        #[doc = concat!("`cblas_", $lo, "copy`: as [`", stringify!($copy), "`].")]
        ///
        /// # Safety
        /// `x` and `y` hold `n` elements at their increments.
        #[no_mangle]
        pub unsafe extern "C" fn $c_copy(n: c_int, x: *const c_void, incx: c_int, y: *mut c_void, incy: c_int) {
            // SAFETY: the caller's contract.
            unsafe { copy(n, x.cast::<Complex<$r>>(), incx, y.cast(), incy) }
        }

        #[doc = concat!("`cblas_", $lo, "dotc_sub`: as [`", stringify!($dotc), "`], the value stored ")]
        /// in `dotc` (nothing happens when it is NULL).
        ///
        /// # Safety
        /// `x` and `y` hold `n` elements at their increments; `dotc` is NULL
        /// or writable.
        #[no_mangle]
        pub unsafe extern "C" fn $c_dotc(
            n: c_int,
            x: *const c_void,
            incx: c_int,
            y: *const c_void,
            incy: c_int,
            dotc: *mut c_void,
        ) {
            if dotc.is_null() {
                return;
            }
            // SAFETY: the caller's contract.
            unsafe { *dotc.cast::<Complex<$r>>() = dot(true, n, x.cast(), incx, y.cast(), incy) }
        }

        #[doc = concat!("`cblas_", $lo, "dotu_sub`: as [`", stringify!($dotu), "`], the value stored ")]
        /// in `dotu` (nothing happens when it is NULL).
        ///
        /// # Safety
        /// `x` and `y` hold `n` elements at their increments; `dotu` is NULL
        /// or writable.
        #[no_mangle]
        pub unsafe extern "C" fn $c_dotu(
            n: c_int,
            x: *const c_void,
            incx: c_int,
            y: *const c_void,
            incy: c_int,
            dotu: *mut c_void,
        ) {
            if dotu.is_null() {
                return;
            }
            // SAFETY: the caller's contract.
            unsafe { *dotu.cast::<Complex<$r>>() = dot(false, n, x.cast(), incx, y.cast(), incy) }
        }

        #[doc = concat!("`cblas_", $lo, "rotg`: as [`", stringify!($rotg), "`].")]
        ///
        /// # Safety
        /// As the Fortran routine.
        #[no_mangle]
        pub unsafe extern "C" fn $c_rotg(a: *mut c_void, b: *mut c_void, c: *mut $r, s: *mut c_void) {
            // SAFETY: the caller's contract.
            unsafe { rotg_at::<$r>(a.cast(), b.cast_const().cast(), c, s.cast()) }
        }

        #[doc = concat!("`cblas_", $lo, "scal`: as [`", stringify!($scal), "`], `alpha` by address.")]
        ///
        /// # Safety
        /// `alpha` is readable; `x` holds `n` elements at `incx`.
        #[no_mangle]
        pub unsafe extern "C" fn $c_scal(n: c_int, alpha: *const c_void, x: *mut c_void, incx: c_int) {
            // SAFETY: the caller's contract.
            unsafe { scal(n, args::scalar(alpha.cast::<Complex<$r>>()), x.cast(), incx) }
        }

        #[doc = concat!("`", stringify!($c_rrot), "`: as [`", stringify!($rrot), "`], `c` and `s` by value.")]
        ///
        /// # Safety
        /// `x` and `y` hold `n` elements at their increments.
        #[no_mangle]
        pub unsafe extern "C" fn $c_rrot(
            n: c_int,
            x: *mut c_void,
            incx: c_int,
            y: *mut c_void,
            incy: c_int,
            c: $r,
            s: $r,
        ) {
            // SAFETY: the caller's contract.
            unsafe { rot::<$r>(n, x.cast(), incx, y.cast(), incy, c, s) }
        }

        #[doc = concat!("`", stringify!($c_rscal), "`: as [`", stringify!($rscal), "`], `alpha` by value.")]
        ///
        /// # Safety
        /// `x` holds `n` elements at `incx`.
        #[no_mangle]
        pub unsafe extern "C" fn $c_rscal(n: c_int, alpha: $r, x: *mut c_void, incx: c_int) {
            // SAFETY: the caller's contract.
            unsafe { real_scal::<$r>(n, alpha, x.cast(), incx) }
        }

        #[doc = concat!("`cblas_", $lo, "swap`: as [`", stringify!($swap), "`].")]
        ///
        /// # Safety
        /// `x` and `y` hold `n` elements at their increments.
        #[no_mangle]
        pub unsafe extern "C" fn $c_swap(n: c_int, x: *mut c_void, incx: c_int, y: *mut c_void, incy: c_int) {
            // SAFETY: the caller's contract.
            unsafe { swap(n, x.cast::<Complex<$r>>(), incx, y.cast(), incy) }
        }

        #[doc = concat!("`cblas_i", $lo, "amax`: as [`", stringify!($iamax), "`], but 0-based ")]
        /// (`CBLAS_INDEX`); 0 also where the Fortran routine returns 0.
        ///
        /// # Safety
        /// `x` holds `n` elements at `incx`.
        #[no_mangle]
        pub unsafe extern "C" fn $c_iamax(n: c_int, x: *const c_void, incx: c_int) -> usize {
            // SAFETY: the caller's contract.
            let i = unsafe { iamax(n, x.cast::<Complex<$r>>(), incx) };
            if i > 0 {
                (i - 1) as usize
            } else {
                0
            }
        }
    };
}

complex_level1!(
    f32,
    "C",
    "c",
    "CS",
    [caxpy_, ccopy_, cdotc_, cdotu_, crotg_, cscal_, csrot_, csscal_, cswap_, icamax_],
    [
        cblas_caxpy,
        cblas_ccopy,
        cblas_cdotc_sub,
        cblas_cdotu_sub,
        cblas_crotg,
        cblas_cscal,
        cblas_csrot,
        cblas_csscal,
        cblas_cswap,
        cblas_icamax
    ]
);

complex_level1!(
    f64,
    "Z",
    "z",
    "ZD",
    [zaxpy_, zcopy_, zdotc_, zdotu_, zrotg_, zscal_, zdrot_, zdscal_, zswap_, izamax_],
    [
        cblas_zaxpy,
        cblas_zcopy,
        cblas_zdotc_sub,
        cblas_zdotu_sub,
        cblas_zrotg,
        cblas_zscal,
        cblas_zdrot,
        cblas_zdscal,
        cblas_zswap,
        cblas_izamax
    ]
);
