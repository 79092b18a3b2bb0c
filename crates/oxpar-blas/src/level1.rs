//! BLAS level 1: the Fortran (`name_`) and CBLAS (`cblas_name`) entry points
//! for s and d, and the real-valued routines on complex vectors (`scasum`,
//! `dznrm2`, `scabs1`, ...). The complex routines' entry points are in the
//! submodule `complex`, the `*sub_` subroutine forms of every function in
//! `sub` (both re-exported here); `swap`, `copy`, `scal`, `axpy` and
//! `i?amax` are written once here, generic over the element type, and
//! serve both.
//!
//! Every routine follows reference BLAS 3.11:
//!
//! * `n <= 0` returns at once (functions return 0; `sdsdot` returns `sb`).
//! * Increments may be negative where the reference allows it: the vector
//!   then starts at `x(1 + (1-n)*incx)` and runs backwards, so element `i`
//!   (0-based) is `x[(n-1-i)*|incx|]`. An increment of 0 repeats one element.
//! * `?scal`, `?asum`, `i?amax`, `scasum` and `dzasum` do nothing (return 0)
//!   for `incx <= 0`; `?scal` also returns at once for `alpha == 1`, and
//!   `?axpy` for `alpha == 0`.
//! * `?nrm2`, `scnrm2` and `dznrm2` accept any increment, as the 3.10+
//!   reference does (a negative one reads the same elements backwards, 0 reads
//!   the first element `n` times).
//! * `i?amax` returns the first index of the largest `|x(i)|`; a NaN is never
//!   larger than anything, so it wins only when it is the first element.
//! * Level 1 reports no errors: there is no `xerbla_` call.
//!
//! `?axpy`, `?scal`, `?copy`, `?swap`, `?dot`, `?nrm2`, `?asum` and the sums
//! of complex vectors compute on oxpar's threads backend (results agree with
//! the reference to rounding); operands that overlap in memory or have an
//! increment of 0 take a plain loop in the reference's order instead, so they
//! give the reference's results. The rotations, `i?amax`, `sdsdot` and
//! `dsdot` are written here, operation for operation as in the reference.
//!
//! A NULL array with `n > 0` is treated as an empty vector (nothing is
//! touched, functions return 0) rather than dereferenced.
//!
//! # Reproducible mode
//!
//! With `OXPAR_REPRODUCIBLE=1` in the environment (read once per process,
//! see [`crate::threads::reproducible`]), `?dot`, `?nrm2`, `?asum`,
//! `scasum`/`dzasum` and `scnrm2`/`dznrm2` (Fortran and CBLAS forms, and the
//! `*sub_` subroutine forms; for the complex dot products see the `complex`
//! submodule's docs) add every element, or the exact product of every
//! pair, into an exact long accumulator on the threads backend
//! (`Level1::reduce_exact`) and round once: the result is the exact result
//! correctly rounded (`nrm2`: the correctly rounded square root of the exact
//! sum of squares), so it has the same bits for any thread count and any
//! increment sign. Increments of 0 and overlapping operands are exact too
//! (the elements are copied first). Special values follow
//! `oxpar_core::repro`: NaN if an element or product is NaN, `inf - inf` or
//! `inf * 0` occurs, else `±inf` if an infinity occurs; finite values never
//! overflow on the way; an exact zero is `+0.0`. The argument rules above
//! (`n <= 0`, `incx <= 0` for `?asum`) are unchanged. `sdsdot` and `dsdot`
//! are not affected: they keep the reference's sequential loop in double
//! precision (the same for any thread count, but not correctly rounded).

use std::ffi::{c_int, c_void};

use oxpar_core::exact::{reduce_elementwise, round_to, sqrt_to, ExactSum, Reduction};
use oxpar_core::{Element, Level1, Scalar, VecMut, VecRef};
use oxpar_threads::{RealElement, ThreadsBackend};

use crate::args;
use crate::threads::{backend, reproducible};

mod complex;
mod sub;
pub use complex::*;
pub use sub::*;

/// `2^k` as an `f32` (normal range only).
const fn pow2_f32(k: i32) -> f32 {
    f32::from_bits(((127 + k) as u32) << 23)
}

/// `2^k` as an `f64` (normal range only).
const fn pow2_f64(k: i32) -> f64 {
    f64::from_bits(((1023 + k) as u64) << 52)
}

/// The constants of the reference algorithms for one precision, as the
/// reference's Fortran computes them from the model numbers of its kind.
trait Precision: RealElement {
    /// `?rotg`: `radix**max(minexponent-1, 1-maxexponent)`.
    const SAFMIN: Self;
    /// `?rotg`: `radix**max(1-minexponent, maxexponent-1)`.
    const SAFMAX: Self;
    /// `?nrm2`: values below this are accumulated scaled up.
    const TSML: Self;
    /// `?nrm2`: values above this are accumulated scaled down.
    const TBIG: Self;
    /// `?nrm2`: the scale for small values.
    const SSML: Self;
    /// `?nrm2`: the scale for big values.
    const SBIG: Self;
    /// `?rotmg`: the rescaling factor.
    const GAM: Self;
    /// `?rotmg`: the upper bound of the scale factors (as the reference writes it).
    const GAMSQ: Self;
    /// `?rotmg`: the lower bound of the scale factors (as the reference writes it).
    const RGAMSQ: Self;
}

impl Precision for f32 {
    const SAFMIN: f32 = pow2_f32(-126);
    const SAFMAX: f32 = pow2_f32(127);
    const TSML: f32 = pow2_f32(-63);
    const TBIG: f32 = pow2_f32(52);
    const SSML: f32 = pow2_f32(75);
    const SBIG: f32 = pow2_f32(-76);
    const GAM: f32 = 4096.0;
    const GAMSQ: f32 = 1.67772e7;
    const RGAMSQ: f32 = 5.96046e-8;
}

impl Precision for f64 {
    const SAFMIN: f64 = pow2_f64(-1022);
    const SAFMAX: f64 = pow2_f64(1023);
    const TSML: f64 = pow2_f64(-511);
    const TBIG: f64 = pow2_f64(486);
    const SSML: f64 = pow2_f64(537);
    const SBIG: f64 = pow2_f64(-538);
    const GAM: f64 = 4096.0;
    const GAMSQ: f64 = 16777216.0;
    const RGAMSQ: f64 = 5.9604645e-8;
}

/// Offset, in elements, of the reference's first element (`x(1)` for
/// `inc >= 0`, `x(1 + (1-n)*inc)` for `inc < 0`) from the array's start.
fn origin(n: usize, inc: isize) -> isize {
    if inc < 0 && n > 0 {
        (n as isize - 1) * -inc
    } else {
        0
    }
}

/// Whether the memory spanned by `n >= 1` elements of `x` at `incx` and of
/// `y` at `incy` (both given by the array's start) overlaps.
fn overlaps<T>(x: *const T, incx: isize, y: *const T, incy: isize, n: usize) -> bool {
    let size = std::mem::size_of::<T>();
    let span = |p: *const T, inc: isize| {
        let start = p as usize;
        let len = (n - 1)
            .saturating_mul(inc.unsigned_abs())
            .saturating_add(1)
            .saturating_mul(size);
        (start, start.saturating_add(len))
    };
    let (xs, xe) = span(x, incx);
    let (ys, ye) = span(y, incy);
    xs < ye && ys < xe
}

/// A view of the reference's vector: `n` elements of the array starting at
/// `base`, at stride `inc` (negative: backwards from the end), or `None` when
/// oxpar refuses it (NULL or misaligned pointer, stride 0 with `n > 1`).
///
/// # Safety
/// The array holds the `n` elements, readable and not written while the view
/// lives.
unsafe fn view<'a, T: Element>(base: *const T, n: usize, inc: isize) -> Option<VecRef<'a, T>> {
    if base.is_null() {
        return None;
    }
    // SAFETY: the reference's first element is inside the array (caller's
    // contract).
    let first = unsafe { base.offset(origin(n, inc)) };
    // SAFETY: the elements are readable for the view's life (caller's contract).
    unsafe { VecRef::from_raw_parts(first, n, inc) }.ok()
}

/// A mutable view of the reference's vector (see [`view`]).
///
/// # Safety
/// The array holds the `n` elements, and nobody else accesses them while the
/// view lives.
unsafe fn view_mut<'a, T: Element>(base: *mut T, n: usize, inc: isize) -> Option<VecMut<'a, T>> {
    if base.is_null() {
        return None;
    }
    // SAFETY: the reference's first element is inside the array (caller's
    // contract).
    let first = unsafe { base.offset(origin(n, inc)) };
    // SAFETY: the elements are ours alone for the view's life (caller's contract).
    unsafe { VecMut::from_raw_parts(first, n, inc) }.ok()
}

/// The `n` elements of the reference's vector, read in the reference's order.
///
/// # Safety
/// The array starting at `base` holds the `n` elements at stride `inc` and
/// stays readable while the iterator is used.
unsafe fn elements<T: Copy>(base: *const T, n: usize, inc: isize) -> impl Iterator<Item = T> {
    let o = origin(n, inc);
    (0..n as isize).map(move |i| {
        // SAFETY: element i is inside the array (the function's contract).
        unsafe { *base.offset(o + i * inc) }
    })
}

// ---------------------------------------------------------------------------
// The operations, generic over the precision.
// ---------------------------------------------------------------------------

/// `?rotg`: returns `(r, z, c, s)` for `(a, b)`, the 3.10+ reference's
/// safe-scaling algorithm.
fn rotg<T: Precision>(a: T, b: T) -> (T, T, T, T) {
    let (zero, one) = (T::zero(), T::one());
    let anorm = a.abs();
    let bnorm = b.abs();
    if bnorm == zero {
        (a, zero, one, zero)
    } else if anorm == zero {
        (b, one, zero, one)
    } else {
        let scl = T::SAFMAX.min(T::SAFMIN.max(anorm).max(bnorm));
        // Fortran's SIGN(ONE, v): the sign bit of v.
        let sign = |v: T| if v.is_sign_negative() { -one } else { one };
        let sigma = if anorm > bnorm { sign(a) } else { sign(b) };
        let (as_, bs) = (a / scl, b / scl);
        let r = sigma * (scl * (as_ * as_ + bs * bs).sqrt());
        let c = a / r;
        let s = b / r;
        let z = if anorm > bnorm {
            s
        } else if c != zero {
            one / c
        } else {
            one
        };
        (r, z, c, s)
    }
}

/// `?rotmg`, as the reference (`param` holds `DPARAM(1..5)`). The rescaling
/// loops stop on an infinite `d1`/`d2`, where the reference loops forever.
fn rotmg<T: Precision>(d1: &mut T, d2: &mut T, x1: &mut T, y1: T, param: &mut [T; 5]) {
    let (zero, one, two) = (T::zero(), T::one(), T::one() + T::one());
    let (gam, gamsq, rgamsq) = (T::GAM, T::GAMSQ, T::RGAMSQ);
    let gam2 = gam * gam;
    let mut flag;
    let (mut h11, mut h12, mut h21, mut h22) = (zero, zero, zero, zero);
    if *d1 < zero {
        flag = -one;
        *d1 = zero;
        *d2 = zero;
        *x1 = zero;
    } else {
        let p2 = *d2 * y1;
        if p2 == zero {
            param[0] = -two;
            return;
        }
        let p1 = *d1 * *x1;
        let q2 = p2 * y1;
        let q1 = p1 * *x1;
        if q1.abs() > q2.abs() {
            h21 = -(y1 / *x1);
            h12 = p2 / p1;
            let u = one - h12 * h21;
            if u > zero {
                flag = zero;
                *d1 = *d1 / u;
                *d2 = *d2 / u;
                *x1 *= u;
            } else {
                flag = -one;
                (h11, h12, h21, h22) = (zero, zero, zero, zero);
                *d1 = zero;
                *d2 = zero;
                *x1 = zero;
            }
        } else if q2 < zero {
            flag = -one;
            *d1 = zero;
            *d2 = zero;
            *x1 = zero;
        } else {
            flag = one;
            h11 = p1 / p2;
            h22 = *x1 / y1;
            let u = one + h11 * h22;
            let temp = *d2 / u;
            *d2 = *d1 / u;
            *d1 = temp;
            *x1 = y1 * u;
        }
        if *d1 != zero {
            while (*d1 <= rgamsq || *d1 >= gamsq) && d1.is_finite() {
                if flag == zero {
                    h11 = one;
                    h22 = one;
                } else {
                    h21 = -one;
                    h12 = one;
                }
                flag = -one;
                if *d1 <= rgamsq {
                    *d1 *= gam2;
                    *x1 = *x1 / gam;
                    h11 = h11 / gam;
                    h12 = h12 / gam;
                } else {
                    *d1 = *d1 / gam2;
                    *x1 *= gam;
                    h11 *= gam;
                    h12 *= gam;
                }
            }
        }
        if *d2 != zero {
            while (d2.abs() <= rgamsq || d2.abs() >= gamsq) && d2.is_finite() {
                if flag == zero {
                    h11 = one;
                    h22 = one;
                } else {
                    h21 = -one;
                    h12 = one;
                }
                flag = -one;
                if d2.abs() <= rgamsq {
                    *d2 *= gam2;
                    h21 = h21 / gam;
                    h22 = h22 / gam;
                } else {
                    *d2 = *d2 / gam2;
                    h21 *= gam;
                    h22 *= gam;
                }
            }
        }
    }
    if flag < zero {
        param[1] = h11;
        param[2] = h21;
        param[3] = h12;
        param[4] = h22;
    } else if flag == zero {
        param[2] = h21;
        param[3] = h12;
    } else {
        param[1] = h11;
        param[4] = h22;
    }
    param[0] = flag;
}

/// `?rot`: applies the plane rotation `(c, s)` to the pairs `(x(i), y(i))`.
///
/// # Safety
/// `x` and `y` hold `n` elements at their increments (they may overlap).
unsafe fn rot<T: Precision>(n: i32, x: *mut T, incx: i32, y: *mut T, incy: i32, c: T, s: T) {
    if n <= 0 || x.is_null() || y.is_null() {
        return;
    }
    let (n, incx, incy) = (n as usize, incx as isize, incy as isize);
    if incx == 1 && incy == 1 && !overlaps(x, 1, y, 1, n) {
        // SAFETY: two disjoint contiguous arrays of n elements (caller's
        // contract, disjointness checked above).
        let (xs, ys) = unsafe {
            (
                std::slice::from_raw_parts_mut(x, n),
                std::slice::from_raw_parts_mut(y, n),
            )
        };
        for (xi, yi) in xs.iter_mut().zip(ys.iter_mut()) {
            let temp = c * *xi + s * *yi;
            *yi = c * *yi - s * *xi;
            *xi = temp;
        }
        return;
    }
    let (ox, oy) = (origin(n, incx), origin(n, incy));
    for i in 0..n as isize {
        // SAFETY: element i of each vector is inside its array (caller's
        // contract); raw accesses in the reference's order allow overlap.
        unsafe {
            let xi = x.offset(ox + i * incx);
            let yi = y.offset(oy + i * incy);
            let temp = c * *xi + s * *yi;
            *yi = c * *yi - s * *xi;
            *xi = temp;
        }
    }
}

/// `?rotm`: applies the modified rotation `param` (`DPARAM(1..5)`).
///
/// # Safety
/// `x` and `y` hold `n` elements at their increments (they may overlap).
unsafe fn rotm<T: Precision>(n: i32, x: *mut T, incx: i32, y: *mut T, incy: i32, param: &[T; 5]) {
    let (zero, two) = (T::zero(), T::one() + T::one());
    let flag = param[0];
    if n <= 0 || flag + two == zero || x.is_null() || y.is_null() {
        return;
    }
    let (h11, h21, h12, h22) = (param[1], param[2], param[3], param[4]);
    let (n, incx, incy) = (n as usize, incx as isize, incy as isize);
    // SAFETY: the caller's contract.
    unsafe {
        if flag < zero {
            map_pairs(n, x, incx, y, incy, |w, z| {
                (w * h11 + z * h12, w * h21 + z * h22)
            });
        } else if flag == zero {
            map_pairs(n, x, incx, y, incy, |w, z| (w + z * h12, w * h21 + z));
        } else {
            // The reference's `-W + DH22*Z`, written as the compiled reference
            // evaluates it (equal for every number; a NaN `w` keeps its sign).
            map_pairs(n, x, incx, y, incy, |w, z| (w * h11 + z, h22 * z - w));
        }
    }
}

/// Replaces each pair `(x(i), y(i))` by `f(x(i), y(i))`, in the reference's
/// order, writing `x(i)` before `y(i)` as `?rotm` does.
///
/// # Safety
/// `x` and `y` hold `n` elements at their increments (they may overlap).
unsafe fn map_pairs<T: Copy>(
    n: usize,
    x: *mut T,
    incx: isize,
    y: *mut T,
    incy: isize,
    f: impl Fn(T, T) -> (T, T),
) {
    let (ox, oy) = (origin(n, incx), origin(n, incy));
    for i in 0..n as isize {
        // SAFETY: element i of each vector is inside its array (the
        // function's contract); raw accesses in the reference's order allow
        // overlap.
        unsafe {
            let xi = x.offset(ox + i * incx);
            let yi = y.offset(oy + i * incy);
            let (nx, ny) = f(*xi, *yi);
            *xi = nx;
            *yi = ny;
        }
    }
}

/// `?swap`.
///
/// # Safety
/// `x` and `y` hold `n` elements at their increments (they may overlap).
unsafe fn swap<T: Element>(n: i32, x: *mut T, incx: i32, y: *mut T, incy: i32)
where
    ThreadsBackend: Level1<T>,
{
    if n <= 0 || x.is_null() || y.is_null() {
        return;
    }
    let (n, incx, incy) = (n as usize, incx as isize, incy as isize);
    if incx != 0 && incy != 0 && !overlaps(x, incx, y, incy, n) {
        // SAFETY: both arrays hold their elements (caller's contract) and do
        // not overlap (checked), so each view is the only access to its own.
        if let (Some(xv), Some(yv)) = unsafe { (view_mut(x, n, incx), view_mut(y, n, incy)) } {
            // The backend fails only on its argument checks, before any work.
            if backend().swap(xv, yv).is_ok() {
                return;
            }
        }
    }
    let (ox, oy) = (origin(n, incx), origin(n, incy));
    for i in 0..n as isize {
        // SAFETY: element i of each vector is inside its array (caller's
        // contract); raw accesses in the reference's order allow overlap.
        unsafe {
            let xi = x.offset(ox + i * incx);
            let yi = y.offset(oy + i * incy);
            // ptr::swap, not mem::swap: x and y may be the same element.
            std::ptr::swap(xi, yi);
        }
    }
}

/// `?scal`.
///
/// # Safety
/// `x` holds `n` elements at `incx`.
unsafe fn scal<T: Element>(n: i32, alpha: T, x: *mut T, incx: i32)
where
    ThreadsBackend: Level1<T>,
{
    if n <= 0 || incx <= 0 || alpha == T::ONE || x.is_null() {
        return;
    }
    let (n, incx) = (n as usize, incx as isize);
    // SAFETY: the array holds the elements (caller's contract).
    if let Some(xv) = unsafe { view_mut(x, n, incx) } {
        if backend().scal(alpha, xv).is_ok() {
            return;
        }
    }
    for i in 0..n as isize {
        // SAFETY: element i is inside the array (caller's contract).
        unsafe {
            let xi = x.offset(i * incx);
            *xi = alpha * *xi;
        }
    }
}

/// `?copy`.
///
/// # Safety
/// `x` and `y` hold `n` elements at their increments (they may overlap).
unsafe fn copy<T: Element>(n: i32, x: *const T, incx: i32, y: *mut T, incy: i32)
where
    ThreadsBackend: Level1<T>,
{
    if n <= 0 || x.is_null() || y.is_null() {
        return;
    }
    let (n, incx, incy) = (n as usize, incx as isize, incy as isize);
    if incx != 0 && incy != 0 && !overlaps(x, incx, y, incy, n) {
        // SAFETY: both arrays hold their elements (caller's contract) and do
        // not overlap (checked), so y's view is the only access to its own.
        if let (Some(xv), Some(yv)) = unsafe { (view(x, n, incx), view_mut(y, n, incy)) } {
            if backend().copy(xv, yv).is_ok() {
                return;
            }
        }
    }
    let (ox, oy) = (origin(n, incx), origin(n, incy));
    for i in 0..n as isize {
        // SAFETY: element i of each vector is inside its array (caller's
        // contract); raw accesses in the reference's order allow overlap.
        unsafe { *y.offset(oy + i * incy) = *x.offset(ox + i * incx) };
    }
}

/// `?axpy`.
///
/// # Safety
/// `x` and `y` hold `n` elements at their increments (they may overlap).
unsafe fn axpy<T: Element>(n: i32, alpha: T, x: *const T, incx: i32, y: *mut T, incy: i32)
where
    ThreadsBackend: Level1<T>,
{
    if n <= 0 || alpha == T::ZERO || x.is_null() || y.is_null() {
        return;
    }
    let (n, incx, incy) = (n as usize, incx as isize, incy as isize);
    if incx != 0 && incy != 0 && !overlaps(x, incx, y, incy, n) {
        // SAFETY: both arrays hold their elements (caller's contract) and do
        // not overlap (checked), so y's view is the only access to its own.
        if let (Some(xv), Some(yv)) = unsafe { (view(x, n, incx), view_mut(y, n, incy)) } {
            if backend().axpy(alpha, xv, yv).is_ok() {
                return;
            }
        }
    }
    let (ox, oy) = (origin(n, incx), origin(n, incy));
    for i in 0..n as isize {
        // SAFETY: element i of each vector is inside its array (caller's
        // contract); raw accesses in the reference's order allow overlap.
        unsafe {
            let yi = y.offset(oy + i * incy);
            *yi += alpha * *x.offset(ox + i * incx);
        }
    }
}

/// Reproducible mode: the exact sum of `what` over the reference's vector
/// `x` (and `y` for [`Reduction::Dot`]; pass `x` again otherwise), on the
/// threads backend. Vectors oxpar does not view in place (increment 0, a
/// misaligned pointer) are copied, in the reference's order, and summed
/// element by element.
///
/// # Safety
/// `x` and `y` are not NULL and hold `n` elements at their increments.
unsafe fn exact_sum<T: Precision>(
    what: Reduction,
    n: usize,
    x: *const T,
    incx: isize,
    y: *const T,
    incy: isize,
) -> ExactSum {
    // SAFETY: both arrays hold their elements (caller's contract); reads only.
    if let (Some(xv), Some(yv)) = unsafe { (view(x, n, incx), view(y, n, incy)) } {
        // The backend fails only on its argument checks, before any work.
        if let Ok(acc) = backend().reduce_exact(what, xv, yv) {
            return acc;
        }
    }
    // SAFETY: as above.
    let xs: Vec<T> = unsafe { elements(x, n, incx) }.collect();
    let ys: Vec<T> = if what.needs_y() {
        // SAFETY: as above.
        unsafe { elements(y, n, incy) }.collect()
    } else {
        Vec::new()
    };
    let xv = VecRef::from_slice(&xs);
    let yv = if what.needs_y() {
        VecRef::from_slice(&ys)
    } else {
        xv
    };
    reduce_elementwise(what, xv, yv)
}

/// `?dot`.
///
/// # Safety
/// `x` and `y` hold `n` elements at their increments.
unsafe fn dot<T: Precision>(n: i32, x: *const T, incx: i32, y: *const T, incy: i32) -> T {
    if n <= 0 || x.is_null() || y.is_null() {
        return T::zero();
    }
    let (n, incx, incy) = (n as usize, incx as isize, incy as isize);
    if reproducible() {
        // SAFETY: the caller's contract.
        return round_to(&unsafe { exact_sum(Reduction::Dot, n, x, incx, y, incy) });
    }
    // SAFETY: both arrays hold their elements (caller's contract); reads only.
    if let (Some(xv), Some(yv)) = unsafe { (view(x, n, incx), view(y, n, incy)) } {
        if let Ok(d) = backend().dot(xv, yv) {
            return d;
        }
    }
    // SAFETY: as above.
    let (xs, ys) = unsafe { (elements(x, n, incx), elements(y, n, incy)) };
    xs.zip(ys).fold(T::zero(), |acc, (a, b)| acc + a * b)
}

/// `?nrm2` of the values, in the reference's order: the 3.10+ reference
/// algorithm (three accumulators, Blue's scaling).
fn blue_nrm2<T: Precision>(values: impl Iterator<Item = T>) -> T {
    let (zero, one) = (T::zero(), T::one());
    let maxn = T::max_value();
    let (mut asml, mut amed, mut abig) = (zero, zero, zero);
    let mut notbig = true;
    for v in values {
        let ax = v.abs();
        if ax > T::TBIG {
            let t = ax * T::SBIG;
            abig += t * t;
            notbig = false;
        } else if ax < T::TSML {
            if notbig {
                let t = ax * T::SSML;
                asml += t * t;
            }
        } else {
            amed += ax * ax;
        }
    }
    let (scl, sumsq);
    if abig > zero {
        if amed > zero || amed > maxn || amed.is_nan() {
            abig += (amed * T::SBIG) * T::SBIG;
        }
        scl = one / T::SBIG;
        sumsq = abig;
    } else if asml > zero {
        if amed > zero || amed > maxn || amed.is_nan() {
            let amed = amed.sqrt();
            let asml = asml.sqrt() / T::SSML;
            let (ymin, ymax) = if asml > amed {
                (amed, asml)
            } else {
                (asml, amed)
            };
            let q = ymin / ymax;
            scl = one;
            sumsq = ymax * ymax * (one + q * q);
        } else {
            scl = one / T::SSML;
            sumsq = asml;
        }
    } else {
        scl = one;
        sumsq = amed;
    }
    scl * sumsq.sqrt()
}

/// `?nrm2`.
///
/// # Safety
/// `x` holds `n` elements at `incx`.
unsafe fn nrm2<T: Precision>(n: i32, x: *const T, incx: i32) -> T {
    if n <= 0 || x.is_null() {
        return T::zero();
    }
    let (n, incx) = (n as usize, incx as isize);
    if reproducible() {
        // SAFETY: the caller's contract.
        return sqrt_to(&unsafe { exact_sum(Reduction::SumSq, n, x, incx, x, incx) });
    }
    if incx != 0 {
        // SAFETY: the array holds the elements (caller's contract).
        if let Some(xv) = unsafe { view(x, n, incx) } {
            if let Ok(r) = backend().nrm2(xv) {
                return r;
            }
        }
    }
    // SAFETY: as above.
    blue_nrm2(unsafe { elements(x, n, incx) })
}

/// `?asum`.
///
/// # Safety
/// `x` holds `n` elements at `incx`.
unsafe fn asum<T: Precision>(n: i32, x: *const T, incx: i32) -> T {
    if n <= 0 || incx <= 0 || x.is_null() {
        return T::zero();
    }
    let (n, incx) = (n as usize, incx as isize);
    if reproducible() {
        // SAFETY: the caller's contract.
        return round_to(&unsafe { exact_sum(Reduction::Asum, n, x, incx, x, incx) });
    }
    // SAFETY: the array holds the elements (caller's contract).
    if let Some(xv) = unsafe { view(x, n, incx) } {
        if let Ok(r) = backend().asum(xv) {
            return r;
        }
    }
    // SAFETY: as above.
    unsafe { elements(x, n, incx) }.fold(T::zero(), |acc, v| acc + v.abs())
}

/// Elements per block in [`first_max`].
const IAMAX_BLOCK: usize = 64;

/// The reference's `i?amax` on `xs` (non-empty), 0-based: the first index of
/// the largest [`Element::abs1`] (`|x|` for reals, `|re| + |im|` for complex
/// elements, as the reference's `SCABS1`) where NaNs never compare larger (a
/// NaN first element wins). Finds the block holding the maximum first (a loop
/// that vectorizes), then scans that block.
fn first_max<T: Element<Real = R>, R: Scalar>(xs: &[T]) -> usize {
    let first = xs[0].abs1();
    if first.is_nan() {
        return 0;
    }
    let mut best = (0usize, first);
    for (b, chunk) in xs.chunks(IAMAX_BLOCK).enumerate() {
        let m = chunk.iter().fold(R::neg_infinity(), |m, v| {
            let a = v.abs1();
            if a > m {
                a
            } else {
                m
            }
        });
        if m > best.1 {
            best = (b, m);
        }
    }
    let start = best.0 * IAMAX_BLOCK;
    start
        + xs[start..]
            .iter()
            .position(|v| v.abs1() == best.1)
            .unwrap_or(0)
}

/// `i?amax`, 1-based (0 for `n < 1` or `incx <= 0`), by [`Element::abs1`].
/// Written here rather than on the backend: the backend's `iamax` lets a NaN
/// anywhere win, the reference only a NaN first element.
///
/// # Safety
/// `x` holds `n` elements at `incx`.
unsafe fn iamax<T: Element<Real = R>, R: Scalar>(n: i32, x: *const T, incx: i32) -> i32 {
    if n < 1 || incx <= 0 || x.is_null() {
        return 0;
    }
    if n == 1 {
        return 1;
    }
    let (n, incx) = (n as usize, incx as isize);
    if incx == 1 {
        // SAFETY: a contiguous array of n elements (caller's contract).
        let xs = unsafe { std::slice::from_raw_parts(x, n) };
        return first_max(xs) as i32 + 1;
    }
    let mut best = 0usize;
    let mut dmax = R::neg_infinity();
    // SAFETY: the array holds the elements (caller's contract).
    for (i, v) in unsafe { elements(x, n, incx) }.enumerate() {
        let a = v.abs1();
        if i == 0 {
            dmax = a;
        } else if a > dmax {
            best = i;
            dmax = a;
        }
    }
    best as i32 + 1
}

/// `sdsdot`/`dsdot`: `init + sum x(i)*y(i)` accumulated in double precision,
/// in the reference's order.
///
/// # Safety
/// `x` and `y` hold `n` elements at their increments.
unsafe fn dot_in_double(
    init: f64,
    n: i32,
    x: *const f32,
    incx: i32,
    y: *const f32,
    incy: i32,
) -> f64 {
    if n <= 0 || x.is_null() || y.is_null() {
        return init;
    }
    let (n, incx, incy) = (n as usize, incx as isize, incy as isize);
    // SAFETY: both arrays hold their elements (caller's contract).
    let (xs, ys) = unsafe { (elements(x, n, incx), elements(y, n, incy)) };
    xs.zip(ys)
        .fold(init, |acc, (a, b)| acc + f64::from(a) * f64::from(b))
}

/// The real and imaginary parts of the reference's complex vector (pairs of
/// `T`, increment counted in complex elements), in the reference's order.
///
/// # Safety
/// `x` holds `n` complex elements at `incx`, readable while the iterator is
/// used.
unsafe fn complex_parts<T: Precision>(
    x: *const T,
    n: usize,
    incx: isize,
) -> impl Iterator<Item = (T, T)> {
    let o = origin(n, incx);
    (0..n as isize).map(move |i| {
        // SAFETY: complex element i (two T) is inside the array (the
        // function's contract).
        unsafe {
            let p = x.offset(2 * (o + i * incx));
            (*p, *p.add(1))
        }
    })
}

/// Reproducible mode: the exact sum of `what` ([`Reduction::Asum`] or
/// [`Reduction::SumSq`]) over the real and imaginary parts of the
/// reference's complex vector.
///
/// # Safety
/// `x` is not NULL and holds `n` complex elements at `incx`.
unsafe fn complex_exact_sum<T: Precision>(
    what: Reduction,
    n: usize,
    x: *const T,
    incx: isize,
) -> ExactSum {
    if incx == 1 {
        // The parts of a contiguous complex vector: 2n contiguous reals.
        // SAFETY: the array holds the elements (caller's contract).
        return unsafe { exact_sum(what, 2 * n, x, 1, x, 1) };
    }
    // The real parts start at x, the imaginary ones one T later, both at
    // twice the complex increment (an increment of 0 is copied by exact_sum).
    // SAFETY: the array holds the elements (caller's contract).
    let (mut acc, im) = unsafe {
        (
            exact_sum(what, n, x, 2 * incx, x, 2 * incx),
            exact_sum(what, n, x.add(1), 2 * incx, x.add(1), 2 * incx),
        )
    };
    acc.merge(&im);
    acc
}

/// `scasum`/`dzasum`: `sum |re| + |im|` (0 for `incx <= 0`).
///
/// # Safety
/// `x` holds `n` complex elements at `incx`.
unsafe fn casum<T: Precision>(n: i32, x: *const T, incx: i32) -> T {
    if n <= 0 || incx <= 0 || x.is_null() {
        return T::zero();
    }
    let (n, incx) = (n as usize, incx as isize);
    if reproducible() {
        // SAFETY: the caller's contract.
        return round_to(&unsafe { complex_exact_sum(Reduction::Asum, n, x, incx) });
    }
    let sums = if incx == 1 {
        // The parts of a contiguous complex vector: 2n contiguous reals.
        // SAFETY: the array holds the elements (caller's contract).
        unsafe { view(x, 2 * n, 1) }.and_then(|v| backend().asum(v).ok())
    } else {
        // SAFETY: the array holds the elements (caller's contract); the real
        // parts start at x, the imaginary ones one T later.
        let (re, im) = unsafe { (view(x, n, 2 * incx), view(x.add(1), n, 2 * incx)) };
        match (re, im) {
            (Some(re), Some(im)) => match (backend().asum(re), backend().asum(im)) {
                (Ok(a), Ok(b)) => Some(a + b),
                _ => None,
            },
            _ => None,
        }
    };
    if let Some(s) = sums {
        return s;
    }
    // SAFETY: as above.
    unsafe { complex_parts(x, n, incx) }.fold(T::zero(), |acc, (re, im)| acc + re.abs() + im.abs())
}

/// `scnrm2`/`dznrm2`: the reference algorithm over re, im of each element.
///
/// # Safety
/// `x` holds `n` complex elements at `incx`.
unsafe fn cnrm2<T: Precision>(n: i32, x: *const T, incx: i32) -> T {
    if n <= 0 || x.is_null() {
        return T::zero();
    }
    if reproducible() {
        // SAFETY: the caller's contract.
        let acc = unsafe { complex_exact_sum(Reduction::SumSq, n as usize, x, incx as isize) };
        return sqrt_to(&acc);
    }
    // SAFETY: the array holds the elements (caller's contract).
    let parts = unsafe { complex_parts(x, n as usize, incx as isize) };
    blue_nrm2(parts.flat_map(|(re, im)| [re, im]))
}

/// `|re(z)| + |im(z)|` of the complex number at `z` (0 for NULL).
///
/// # Safety
/// `z` is NULL or points to two readable `T`.
unsafe fn cabs1<T: Precision>(z: *const T) -> T {
    if z.is_null() {
        return T::zero();
    }
    // SAFETY: two readable T (the function's contract).
    let (re, im) = unsafe { (*z, *z.add(1)) };
    re.abs() + im.abs()
}

/// Reads `?rotm`'s/`?rotmg`'s five parameters (all zero for NULL).
///
/// # Safety
/// `p` is NULL or points to five readable `T`.
unsafe fn read_param<T: Precision>(p: *const T) -> [T; 5] {
    if p.is_null() {
        return [T::zero(); 5];
    }
    // SAFETY: five readable T (the function's contract).
    unsafe { std::ptr::read(p.cast::<[T; 5]>()) }
}

/// `?rotg` through pointers (nothing happens if one is NULL).
///
/// # Safety
/// Each pointer is NULL or points to a readable and writable `T`.
unsafe fn rotg_at<T: Precision>(a: *mut T, b: *mut T, c: *mut T, s: *mut T) {
    if a.is_null() || b.is_null() || c.is_null() || s.is_null() {
        return;
    }
    // SAFETY: four valid pointers (the function's contract).
    unsafe {
        let (r, z, cv, sv) = rotg(*a, *b);
        *a = r;
        *b = z;
        *c = cv;
        *s = sv;
    }
}

/// `?rotmg` through pointers (nothing happens if one is NULL).
///
/// # Safety
/// `d1`, `d2`, `x1` are NULL or point to a readable and writable `T`, `param`
/// is NULL or points to five writable `T`.
unsafe fn rotmg_at<T: Precision>(d1: *mut T, d2: *mut T, x1: *mut T, y1: T, param: *mut T) {
    if d1.is_null() || d2.is_null() || x1.is_null() || param.is_null() {
        return;
    }
    // SAFETY: valid pointers (the function's contract); the parameters are
    // read first so that those the reference leaves alone keep their values.
    unsafe {
        let (mut v1, mut v2, mut vx) = (*d1, *d2, *x1);
        let mut p = read_param(param);
        rotmg(&mut v1, &mut v2, &mut vx, y1, &mut p);
        *d1 = v1;
        *d2 = v2;
        *x1 = vx;
        std::ptr::write(param.cast::<[T; 5]>(), p);
    }
}

// ---------------------------------------------------------------------------
// The entry points.
// ---------------------------------------------------------------------------

/// Defines the Fortran and CBLAS entry points of one precision.
macro_rules! real_level1 {
    (
        $t:ty, $up:literal, $lo:literal,
        [$rotg:ident, $rotmg:ident, $rot:ident, $rotm:ident, $swap:ident, $scal:ident,
         $copy:ident, $axpy:ident, $dot:ident, $nrm2:ident, $asum:ident, $iamax:ident],
        [$c_rotg:ident, $c_rotmg:ident, $c_rot:ident, $c_rotm:ident, $c_swap:ident,
         $c_scal:ident, $c_copy:ident, $c_axpy:ident, $c_dot:ident, $c_nrm2:ident,
         $c_asum:ident, $c_iamax:ident]
    ) => {
        #[doc = concat!("`", $up, "ROTG(A, B, C, S)`: constructs the plane rotation that zeroes `B`; ")]
        /// on return `A` holds `r`, `B` the reconstruction value `z`, `C` and
        /// `S` the rotation (the 3.10+ reference's safe-scaling algorithm).
        ///
        /// # Safety
        /// Each pointer is NULL (nothing happens) or points to a readable and
        /// writable value.
        #[no_mangle]
        pub unsafe extern "C" fn $rotg(a: *mut $t, b: *mut $t, c: *mut $t, s: *mut $t) {
            // SAFETY: the caller's contract.
            unsafe { rotg_at(a, b, c, s) }
        }

        #[doc = concat!("`", $up, "ROTMG(D1, D2, X1, Y1, PARAM)`: constructs the modified Givens ")]
        /// rotation that zeroes the second component of
        /// `(sqrt(D1)*X1, sqrt(D2)*Y1)`; `PARAM(1)` is the flag (-2, -1, 0,
        /// 1) and `PARAM(2..5)` the entries of `H` the flag calls for.
        ///
        /// # Safety
        /// `d1`, `d2`, `x1` and `y1` point to readable (the first three
        /// also writable) values, `param` to five writable values; with a
        /// NULL pointer nothing happens.
        #[no_mangle]
        pub unsafe extern "C" fn $rotmg(
            d1: *mut $t,
            d2: *mut $t,
            x1: *mut $t,
            y1: *const $t,
            param: *mut $t,
        ) {
            if y1.is_null() {
                return;
            }
            // SAFETY: the caller's contract.
            unsafe { rotmg_at(d1, d2, x1, *y1, param) }
        }

        #[doc = concat!("`", $up, "ROT(N, X, INCX, Y, INCY, C, S)`: applies the plane rotation: ")]
        /// `(x(i), y(i)) := (c*x(i) + s*y(i), c*y(i) - s*x(i))`.
        ///
        /// # Safety
        /// Scalars are readable; `x` and `y` hold `n` elements at their
        /// increments.
        #[no_mangle]
        pub unsafe extern "C" fn $rot(
            n: *const c_int,
            x: *mut $t,
            incx: *const c_int,
            y: *mut $t,
            incy: *const c_int,
            c: *const $t,
            s: *const $t,
        ) {
            // SAFETY: the caller's contract.
            unsafe {
                rot(
                    args::int(n),
                    x,
                    args::int(incx),
                    y,
                    args::int(incy),
                    args::scalar(c),
                    args::scalar(s),
                )
            }
        }

        #[doc = concat!("`", $up, "ROTM(N, X, INCX, Y, INCY, PARAM)`: applies the modified rotation ")]
        /// `H` given by `PARAM` (flag -2: the identity, nothing happens).
        ///
        /// # Safety
        /// Scalars are readable; `param` points to five values; `x` and `y`
        /// hold `n` elements at their increments.
        #[no_mangle]
        pub unsafe extern "C" fn $rotm(
            n: *const c_int,
            x: *mut $t,
            incx: *const c_int,
            y: *mut $t,
            incy: *const c_int,
            param: *const $t,
        ) {
            if param.is_null() {
                return;
            }
            // SAFETY: the caller's contract.
            unsafe {
                let p = read_param(param);
                rotm(args::int(n), x, args::int(incx), y, args::int(incy), &p)
            }
        }

        #[doc = concat!("`", $up, "SWAP(N, X, INCX, Y, INCY)`: exchanges `x` and `y`.")]
        ///
        /// # Safety
        /// Scalars are readable; `x` and `y` hold `n` elements at their
        /// increments.
        #[no_mangle]
        pub unsafe extern "C" fn $swap(
            n: *const c_int,
            x: *mut $t,
            incx: *const c_int,
            y: *mut $t,
            incy: *const c_int,
        ) {
            // SAFETY: the caller's contract.
            unsafe { swap(args::int(n), x, args::int(incx), y, args::int(incy)) }
        }

        #[doc = concat!("`", $up, "SCAL(N, ALPHA, X, INCX)`: `x := alpha*x` ")]
        /// (nothing happens for `incx <= 0` or `alpha == 1`).
        ///
        /// # Safety
        /// Scalars are readable; `x` holds `n` elements at `incx`.
        #[no_mangle]
        pub unsafe extern "C" fn $scal(n: *const c_int, alpha: *const $t, x: *mut $t, incx: *const c_int) {
            // SAFETY: the caller's contract.
            unsafe { scal(args::int(n), args::scalar(alpha), x, args::int(incx)) }
        }

        #[doc = concat!("`", $up, "COPY(N, X, INCX, Y, INCY)`: `y := x`.")]
        ///
        /// # Safety
        /// Scalars are readable; `x` and `y` hold `n` elements at their
        /// increments.
        #[no_mangle]
        pub unsafe extern "C" fn $copy(
            n: *const c_int,
            x: *const $t,
            incx: *const c_int,
            y: *mut $t,
            incy: *const c_int,
        ) {
            // SAFETY: the caller's contract.
            unsafe { copy(args::int(n), x, args::int(incx), y, args::int(incy)) }
        }

        #[doc = concat!("`", $up, "AXPY(N, ALPHA, X, INCX, Y, INCY)`: `y := alpha*x + y` ")]
        /// (nothing happens for `alpha == 0`).
        ///
        /// # Safety
        /// Scalars are readable; `x` and `y` hold `n` elements at their
        /// increments.
        #[no_mangle]
        pub unsafe extern "C" fn $axpy(
            n: *const c_int,
            alpha: *const $t,
            x: *const $t,
            incx: *const c_int,
            y: *mut $t,
            incy: *const c_int,
        ) {
            // SAFETY: the caller's contract.
            unsafe {
                axpy(
                    args::int(n),
                    args::scalar(alpha),
                    x,
                    args::int(incx),
                    y,
                    args::int(incy),
                )
            }
        }

        #[doc = concat!("`", $up, "DOT(N, X, INCX, Y, INCY)`: `x . y` (0 for `n <= 0`).")]
        ///
        /// # Safety
        /// Scalars are readable; `x` and `y` hold `n` elements at their
        /// increments.
        #[no_mangle]
        pub unsafe extern "C" fn $dot(
            n: *const c_int,
            x: *const $t,
            incx: *const c_int,
            y: *const $t,
            incy: *const c_int,
        ) -> $t {
            // SAFETY: the caller's contract.
            unsafe { dot(args::int(n), x, args::int(incx), y, args::int(incy)) }
        }

        #[doc = concat!("`", $up, "NRM2(N, X, INCX)`: the Euclidean norm, without overflow or ")]
        /// underflow in intermediate results (0 for `n <= 0`; any increment,
        /// as the 3.10+ reference).
        ///
        /// # Safety
        /// Scalars are readable; `x` holds `n` elements at `incx`.
        #[no_mangle]
        pub unsafe extern "C" fn $nrm2(n: *const c_int, x: *const $t, incx: *const c_int) -> $t {
            // SAFETY: the caller's contract.
            unsafe { nrm2(args::int(n), x, args::int(incx)) }
        }

        #[doc = concat!("`", $up, "ASUM(N, X, INCX)`: `sum |x(i)|` (0 for `n <= 0` or `incx <= 0`).")]
        ///
        /// # Safety
        /// Scalars are readable; `x` holds `n` elements at `incx`.
        #[no_mangle]
        pub unsafe extern "C" fn $asum(n: *const c_int, x: *const $t, incx: *const c_int) -> $t {
            // SAFETY: the caller's contract.
            unsafe { asum(args::int(n), x, args::int(incx)) }
        }

        #[doc = concat!("`I", $up, "AMAX(N, X, INCX)`: the 1-based index of the first largest `|x(i)|` ")]
        /// (0 for `n < 1` or `incx <= 0`; a NaN wins only as the first
        /// element, as in the reference).
        ///
        /// # Safety
        /// Scalars are readable; `x` holds `n` elements at `incx`.
        #[no_mangle]
        pub unsafe extern "C" fn $iamax(n: *const c_int, x: *const $t, incx: *const c_int) -> c_int {
            // SAFETY: the caller's contract.
            unsafe { iamax(args::int(n), x, args::int(incx)) }
        }

        #[doc = concat!("`cblas_", $lo, "rotg`: as [`", stringify!($rotg), "`].")]
        ///
        /// # Safety
        /// As the Fortran routine.
        #[no_mangle]
        pub unsafe extern "C" fn $c_rotg(a: *mut $t, b: *mut $t, c: *mut $t, s: *mut $t) {
            // SAFETY: the caller's contract.
            unsafe { rotg_at(a, b, c, s) }
        }

        #[doc = concat!("`cblas_", $lo, "rotmg`: as [`", stringify!($rotmg), "`], `y1` by value.")]
        ///
        /// # Safety
        /// As the Fortran routine.
        #[no_mangle]
        pub unsafe extern "C" fn $c_rotmg(d1: *mut $t, d2: *mut $t, b1: *mut $t, b2: $t, p: *mut $t) {
            // SAFETY: the caller's contract.
            unsafe { rotmg_at(d1, d2, b1, b2, p) }
        }

        #[doc = concat!("`cblas_", $lo, "rot`: as [`", stringify!($rot), "`].")]
        ///
        /// # Safety
        /// `x` and `y` hold `n` elements at their increments.
        #[no_mangle]
        pub unsafe extern "C" fn $c_rot(
            n: c_int,
            x: *mut $t,
            incx: c_int,
            y: *mut $t,
            incy: c_int,
            c: $t,
            s: $t,
        ) {
            // SAFETY: the caller's contract.
            unsafe { rot(n, x, incx, y, incy, c, s) }
        }

        #[doc = concat!("`cblas_", $lo, "rotm`: as [`", stringify!($rotm), "`].")]
        ///
        /// # Safety
        /// `p` points to five values; `x` and `y` hold `n` elements at their
        /// increments.
        #[no_mangle]
        pub unsafe extern "C" fn $c_rotm(
            n: c_int,
            x: *mut $t,
            incx: c_int,
            y: *mut $t,
            incy: c_int,
            p: *const $t,
        ) {
            if p.is_null() {
                return;
            }
            // SAFETY: the caller's contract.
            unsafe {
                let p = read_param(p);
                rotm(n, x, incx, y, incy, &p)
            }
        }

        #[doc = concat!("`cblas_", $lo, "swap`: as [`", stringify!($swap), "`].")]
        ///
        /// # Safety
        /// `x` and `y` hold `n` elements at their increments.
        #[no_mangle]
        pub unsafe extern "C" fn $c_swap(n: c_int, x: *mut $t, incx: c_int, y: *mut $t, incy: c_int) {
            // SAFETY: the caller's contract.
            unsafe { swap(n, x, incx, y, incy) }
        }

        #[doc = concat!("`cblas_", $lo, "scal`: as [`", stringify!($scal), "`].")]
        ///
        /// # Safety
        /// `x` holds `n` elements at `incx`.
        #[no_mangle]
        pub unsafe extern "C" fn $c_scal(n: c_int, alpha: $t, x: *mut $t, incx: c_int) {
            // SAFETY: the caller's contract.
            unsafe { scal(n, alpha, x, incx) }
        }

        #[doc = concat!("`cblas_", $lo, "copy`: as [`", stringify!($copy), "`].")]
        ///
        /// # Safety
        /// `x` and `y` hold `n` elements at their increments.
        #[no_mangle]
        pub unsafe extern "C" fn $c_copy(n: c_int, x: *const $t, incx: c_int, y: *mut $t, incy: c_int) {
            // SAFETY: the caller's contract.
            unsafe { copy(n, x, incx, y, incy) }
        }

        #[doc = concat!("`cblas_", $lo, "axpy`: as [`", stringify!($axpy), "`].")]
        ///
        /// # Safety
        /// `x` and `y` hold `n` elements at their increments.
        #[no_mangle]
        pub unsafe extern "C" fn $c_axpy(
            n: c_int,
            alpha: $t,
            x: *const $t,
            incx: c_int,
            y: *mut $t,
            incy: c_int,
        ) {
            // SAFETY: the caller's contract.
            unsafe { axpy(n, alpha, x, incx, y, incy) }
        }

        #[doc = concat!("`cblas_", $lo, "dot`: as [`", stringify!($dot), "`].")]
        ///
        /// # Safety
        /// `x` and `y` hold `n` elements at their increments.
        #[no_mangle]
        pub unsafe extern "C" fn $c_dot(n: c_int, x: *const $t, incx: c_int, y: *const $t, incy: c_int) -> $t {
            // SAFETY: the caller's contract.
            unsafe { dot(n, x, incx, y, incy) }
        }

        #[doc = concat!("`cblas_", $lo, "nrm2`: as [`", stringify!($nrm2), "`].")]
        ///
        /// # Safety
        /// `x` holds `n` elements at `incx`.
        #[no_mangle]
        pub unsafe extern "C" fn $c_nrm2(n: c_int, x: *const $t, incx: c_int) -> $t {
            // SAFETY: the caller's contract.
            unsafe { nrm2(n, x, incx) }
        }

        #[doc = concat!("`cblas_", $lo, "asum`: as [`", stringify!($asum), "`].")]
        ///
        /// # Safety
        /// `x` holds `n` elements at `incx`.
        #[no_mangle]
        pub unsafe extern "C" fn $c_asum(n: c_int, x: *const $t, incx: c_int) -> $t {
            // SAFETY: the caller's contract.
            unsafe { asum(n, x, incx) }
        }

        #[doc = concat!("`cblas_i", $lo, "amax`: as [`", stringify!($iamax), "`], but 0-based ")]
        /// (`CBLAS_INDEX`); 0 also where the Fortran routine returns 0.
        ///
        /// # Safety
        /// `x` holds `n` elements at `incx`.
        #[no_mangle]
        pub unsafe extern "C" fn $c_iamax(n: c_int, x: *const $t, incx: c_int) -> usize {
            // SAFETY: the caller's contract.
            let i = unsafe { iamax(n, x, incx) };
            if i > 0 {
                (i - 1) as usize
            } else {
                0
            }
        }
    };
}

real_level1!(
    f32,
    "S",
    "s",
    [
        srotg_, srotmg_, srot_, srotm_, sswap_, sscal_, scopy_, saxpy_, sdot_, snrm2_, sasum_,
        isamax_
    ],
    [
        cblas_srotg,
        cblas_srotmg,
        cblas_srot,
        cblas_srotm,
        cblas_sswap,
        cblas_sscal,
        cblas_scopy,
        cblas_saxpy,
        cblas_sdot,
        cblas_snrm2,
        cblas_sasum,
        cblas_isamax
    ]
);

real_level1!(
    f64,
    "D",
    "d",
    [
        drotg_, drotmg_, drot_, drotm_, dswap_, dscal_, dcopy_, daxpy_, ddot_, dnrm2_, dasum_,
        idamax_
    ],
    [
        cblas_drotg,
        cblas_drotmg,
        cblas_drot,
        cblas_drotm,
        cblas_dswap,
        cblas_dscal,
        cblas_dcopy,
        cblas_daxpy,
        cblas_ddot,
        cblas_dnrm2,
        cblas_dasum,
        cblas_idamax
    ]
);

/// `SDSDOT(N, SB, SX, INCX, SY, INCY)`: `sb + x . y`, accumulated in double
/// precision and rounded to single at the end (`sb` for `n <= 0`). Not
/// affected by reproducible mode: the sequential loop gives the same result
/// for any thread count, but it is not correctly rounded.
///
/// # Safety
/// Scalars are readable; `x` and `y` hold `n` elements at their increments.
#[no_mangle]
pub unsafe extern "C" fn sdsdot_(
    n: *const c_int,
    sb: *const f32,
    x: *const f32,
    incx: *const c_int,
    y: *const f32,
    incy: *const c_int,
) -> f32 {
    // SAFETY: the caller's contract.
    let init = f64::from(unsafe { args::scalar(sb) });
    // SAFETY: the caller's contract.
    unsafe { dot_in_double(init, args::int(n), x, args::int(incx), y, args::int(incy)) as f32 }
}

/// `DSDOT(N, SX, INCX, SY, INCY)`: the dot product of single-precision
/// vectors, accumulated and returned in double precision. Not affected by
/// reproducible mode (as [`sdsdot_`]).
///
/// # Safety
/// Scalars are readable; `x` and `y` hold `n` elements at their increments.
#[no_mangle]
pub unsafe extern "C" fn dsdot_(
    n: *const c_int,
    x: *const f32,
    incx: *const c_int,
    y: *const f32,
    incy: *const c_int,
) -> f64 {
    // SAFETY: the caller's contract.
    unsafe { dot_in_double(0.0, args::int(n), x, args::int(incx), y, args::int(incy)) }
}

/// `cblas_sdsdot`: as [`sdsdot_`].
///
/// # Safety
/// `x` and `y` hold `n` elements at their increments.
#[no_mangle]
pub unsafe extern "C" fn cblas_sdsdot(
    n: c_int,
    alpha: f32,
    x: *const f32,
    incx: c_int,
    y: *const f32,
    incy: c_int,
) -> f32 {
    // SAFETY: the caller's contract.
    unsafe { dot_in_double(f64::from(alpha), n, x, incx, y, incy) as f32 }
}

/// `cblas_dsdot`: as [`dsdot_`].
///
/// # Safety
/// `x` and `y` hold `n` elements at their increments.
#[no_mangle]
pub unsafe extern "C" fn cblas_dsdot(
    n: c_int,
    x: *const f32,
    incx: c_int,
    y: *const f32,
    incy: c_int,
) -> f64 {
    // SAFETY: the caller's contract.
    unsafe { dot_in_double(0.0, n, x, incx, y, incy) }
}

/// `SCASUM(N, CX, INCX)`: `sum |re(x(i))| + |im(x(i))|` of a single-precision
/// complex vector (pairs of `f32`; `incx` counts complex elements; 0 for
/// `n <= 0` or `incx <= 0`).
///
/// # Safety
/// Scalars are readable; `x` holds `n` complex elements at `incx`.
#[no_mangle]
pub unsafe extern "C" fn scasum_(n: *const c_int, x: *const c_void, incx: *const c_int) -> f32 {
    // SAFETY: the caller's contract.
    unsafe { casum(args::int(n), x.cast::<f32>(), args::int(incx)) }
}

/// `DZASUM(N, ZX, INCX)`: as [`scasum_`] for double-precision complex.
///
/// # Safety
/// Scalars are readable; `x` holds `n` complex elements at `incx`.
#[no_mangle]
pub unsafe extern "C" fn dzasum_(n: *const c_int, x: *const c_void, incx: *const c_int) -> f64 {
    // SAFETY: the caller's contract.
    unsafe { casum(args::int(n), x.cast::<f64>(), args::int(incx)) }
}

/// `SCNRM2(N, X, INCX)`: the Euclidean norm of a single-precision complex
/// vector, by the reference algorithm (any increment; 0 for `n <= 0`).
///
/// # Safety
/// Scalars are readable; `x` holds `n` complex elements at `incx`.
#[no_mangle]
pub unsafe extern "C" fn scnrm2_(n: *const c_int, x: *const c_void, incx: *const c_int) -> f32 {
    // SAFETY: the caller's contract.
    unsafe { cnrm2(args::int(n), x.cast::<f32>(), args::int(incx)) }
}

/// `DZNRM2(N, X, INCX)`: as [`scnrm2_`] for double-precision complex.
///
/// # Safety
/// Scalars are readable; `x` holds `n` complex elements at `incx`.
#[no_mangle]
pub unsafe extern "C" fn dznrm2_(n: *const c_int, x: *const c_void, incx: *const c_int) -> f64 {
    // SAFETY: the caller's contract.
    unsafe { cnrm2(args::int(n), x.cast::<f64>(), args::int(incx)) }
}

/// `SCABS1(Z)`: `|re(z)| + |im(z)|` of a single-precision complex number.
///
/// # Safety
/// `z` is NULL (result 0) or points to two readable `f32`.
#[no_mangle]
pub unsafe extern "C" fn scabs1_(z: *const c_void) -> f32 {
    // SAFETY: the caller's contract.
    unsafe { cabs1(z.cast::<f32>()) }
}

/// `DCABS1(Z)`: `|re(z)| + |im(z)|` of a double-precision complex number.
///
/// # Safety
/// `z` is NULL (result 0) or points to two readable `f64`.
#[no_mangle]
pub unsafe extern "C" fn dcabs1_(z: *const c_void) -> f64 {
    // SAFETY: the caller's contract.
    unsafe { cabs1(z.cast::<f64>()) }
}

/// `cblas_scasum`: as [`scasum_`].
///
/// # Safety
/// `x` holds `n` complex elements at `incx`.
#[no_mangle]
pub unsafe extern "C" fn cblas_scasum(n: c_int, x: *const c_void, incx: c_int) -> f32 {
    // SAFETY: the caller's contract.
    unsafe { casum(n, x.cast::<f32>(), incx) }
}

/// `cblas_dzasum`: as [`dzasum_`].
///
/// # Safety
/// `x` holds `n` complex elements at `incx`.
#[no_mangle]
pub unsafe extern "C" fn cblas_dzasum(n: c_int, x: *const c_void, incx: c_int) -> f64 {
    // SAFETY: the caller's contract.
    unsafe { casum(n, x.cast::<f64>(), incx) }
}

/// `cblas_scnrm2`: as [`scnrm2_`].
///
/// # Safety
/// `x` holds `n` complex elements at `incx`.
#[no_mangle]
pub unsafe extern "C" fn cblas_scnrm2(n: c_int, x: *const c_void, incx: c_int) -> f32 {
    // SAFETY: the caller's contract.
    unsafe { cnrm2(n, x.cast::<f32>(), incx) }
}

/// `cblas_dznrm2`: as [`dznrm2_`].
///
/// # Safety
/// `x` holds `n` complex elements at `incx`.
#[no_mangle]
pub unsafe extern "C" fn cblas_dznrm2(n: c_int, x: *const c_void, incx: c_int) -> f64 {
    // SAFETY: the caller's contract.
    unsafe { cnrm2(n, x.cast::<f64>(), incx) }
}

/// `cblas_scabs1`: as [`scabs1_`].
///
/// # Safety
/// `z` is NULL (result 0) or points to two readable `f32`.
#[no_mangle]
pub unsafe extern "C" fn cblas_scabs1(z: *const c_void) -> f32 {
    // SAFETY: the caller's contract.
    unsafe { cabs1(z.cast::<f32>()) }
}

/// `cblas_dcabs1`: as [`dcabs1_`].
///
/// # Safety
/// `z` is NULL (result 0) or points to two readable `f64`.
#[no_mangle]
pub unsafe extern "C" fn cblas_dcabs1(z: *const c_void) -> f64 {
    // SAFETY: the caller's contract.
    unsafe { cabs1(z.cast::<f64>()) }
}
