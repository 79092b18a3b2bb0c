//! The subroutine forms of the level-1 functions (`DDOTSUB(N, X, INCX, Y,
//! INCY, DOT)`, `ZDOTCSUB`, `ICAMAXSUB`, ...), which netlib's CBLAS builds
//! on and the reference library exports: each calls the function and stores
//! its value through its last argument (netlib's `cblas/src/*sub.f`).
//! Nothing is stored when that pointer is NULL.

use std::ffi::{c_int, c_void};

use oxpar_core::Complex;

use super::*;

/// Defines `name(args..., result)`: stores the function's value in `result`
/// (nothing happens when `result` is NULL).
macro_rules! sub_form {
    ($(#[$doc:meta])* $name:ident => $func:ident($($arg:ident: $ty:ty),*) -> $ret:ty) => {
        $(#[$doc])*
        ///
        /// # Safety
        /// As the function; `result` is NULL or writable.
        #[no_mangle]
        pub unsafe extern "C" fn $name($($arg: $ty,)* result: *mut $ret) {
            if result.is_null() {
                return;
            }
            // SAFETY: the caller's contract.
            unsafe { *result = $func($($arg),*) }
        }
    };
}

sub_form!(
    /// `SDOTSUB(N, X, INCX, Y, INCY, DOT)`: `DOT = SDOT(...)`.
    sdotsub_ => sdot_(n: *const c_int, x: *const f32, incx: *const c_int, y: *const f32, incy: *const c_int) -> f32
);
sub_form!(
    /// `DDOTSUB(N, X, INCX, Y, INCY, DOT)`: `DOT = DDOT(...)`.
    ddotsub_ => ddot_(n: *const c_int, x: *const f64, incx: *const c_int, y: *const f64, incy: *const c_int) -> f64
);
sub_form!(
    /// `SDSDOTSUB(N, SB, X, INCX, Y, INCY, DOT)`: `DOT = SDSDOT(...)`.
    sdsdotsub_ => sdsdot_(n: *const c_int, sb: *const f32, x: *const f32, incx: *const c_int, y: *const f32, incy: *const c_int) -> f32
);
sub_form!(
    /// `DSDOTSUB(N, X, INCX, Y, INCY, DOT)`: `DOT = DSDOT(...)`.
    dsdotsub_ => dsdot_(n: *const c_int, x: *const f32, incx: *const c_int, y: *const f32, incy: *const c_int) -> f64
);
sub_form!(
    /// `SNRM2SUB(N, X, INCX, NRM2)`: `NRM2 = SNRM2(...)`.
    snrm2sub_ => snrm2_(n: *const c_int, x: *const f32, incx: *const c_int) -> f32
);
sub_form!(
    /// `DNRM2SUB(N, X, INCX, NRM2)`: `NRM2 = DNRM2(...)`.
    dnrm2sub_ => dnrm2_(n: *const c_int, x: *const f64, incx: *const c_int) -> f64
);
sub_form!(
    /// `SASUMSUB(N, X, INCX, ASUM)`: `ASUM = SASUM(...)`.
    sasumsub_ => sasum_(n: *const c_int, x: *const f32, incx: *const c_int) -> f32
);
sub_form!(
    /// `DASUMSUB(N, X, INCX, ASUM)`: `ASUM = DASUM(...)`.
    dasumsub_ => dasum_(n: *const c_int, x: *const f64, incx: *const c_int) -> f64
);
sub_form!(
    /// `ISAMAXSUB(N, X, INCX, IAMAX)`: `IAMAX = ISAMAX(...)`.
    isamaxsub_ => isamax_(n: *const c_int, x: *const f32, incx: *const c_int) -> c_int
);
sub_form!(
    /// `IDAMAXSUB(N, X, INCX, IAMAX)`: `IAMAX = IDAMAX(...)`.
    idamaxsub_ => idamax_(n: *const c_int, x: *const f64, incx: *const c_int) -> c_int
);
sub_form!(
    /// `SCASUMSUB(N, X, INCX, ASUM)`: `ASUM = SCASUM(...)`.
    scasumsub_ => scasum_(n: *const c_int, x: *const c_void, incx: *const c_int) -> f32
);
sub_form!(
    /// `DZASUMSUB(N, X, INCX, ASUM)`: `ASUM = DZASUM(...)`.
    dzasumsub_ => dzasum_(n: *const c_int, x: *const c_void, incx: *const c_int) -> f64
);
sub_form!(
    /// `SCNRM2SUB(N, X, INCX, NRM2)`: `NRM2 = SCNRM2(...)`.
    scnrm2sub_ => scnrm2_(n: *const c_int, x: *const c_void, incx: *const c_int) -> f32
);
sub_form!(
    /// `DZNRM2SUB(N, X, INCX, NRM2)`: `NRM2 = DZNRM2(...)`.
    dznrm2sub_ => dznrm2_(n: *const c_int, x: *const c_void, incx: *const c_int) -> f64
);
sub_form!(
    /// `SCABS1SUB(Z, CABS1)`: `CABS1 = SCABS1(Z)`.
    scabs1sub_ => scabs1_(z: *const c_void) -> f32
);
sub_form!(
    /// `DCABS1SUB(Z, CABS1)`: `CABS1 = DCABS1(Z)`.
    dcabs1sub_ => dcabs1_(z: *const c_void) -> f64
);
sub_form!(
    /// `CDOTCSUB(N, X, INCX, Y, INCY, DOTC)`: `DOTC = CDOTC(...)`.
    cdotcsub_ => cdotc_(n: *const c_int, x: *const c_void, incx: *const c_int, y: *const c_void, incy: *const c_int) -> Complex<f32>
);
sub_form!(
    /// `CDOTUSUB(N, X, INCX, Y, INCY, DOTU)`: `DOTU = CDOTU(...)`.
    cdotusub_ => cdotu_(n: *const c_int, x: *const c_void, incx: *const c_int, y: *const c_void, incy: *const c_int) -> Complex<f32>
);
sub_form!(
    /// `ZDOTCSUB(N, X, INCX, Y, INCY, DOTC)`: `DOTC = ZDOTC(...)`.
    zdotcsub_ => zdotc_(n: *const c_int, x: *const c_void, incx: *const c_int, y: *const c_void, incy: *const c_int) -> Complex<f64>
);
sub_form!(
    /// `ZDOTUSUB(N, X, INCX, Y, INCY, DOTU)`: `DOTU = ZDOTU(...)`.
    zdotusub_ => zdotu_(n: *const c_int, x: *const c_void, incx: *const c_int, y: *const c_void, incy: *const c_int) -> Complex<f64>
);
sub_form!(
    /// `ICAMAXSUB(N, X, INCX, IAMAX)`: `IAMAX = ICAMAX(...)`.
    icamaxsub_ => icamax_(n: *const c_int, x: *const c_void, incx: *const c_int) -> c_int
);
sub_form!(
    /// `IZAMAXSUB(N, X, INCX, IAMAX)`: `IAMAX = IZAMAX(...)`.
    izamaxsub_ => izamax_(n: *const c_int, x: *const c_void, incx: *const c_int) -> c_int
);
