//! The complex (c, z) level-2 entry points: `cgemv_`, `zhemv_`, `cher_`,
//! ... and their CBLAS forms `cblas_cgemv`, `cblas_zhemv`, `cblas_cher`, ...
//!
//! The Fortran forms run the same generic bodies as s and d (see `imp`),
//! where `TRANS = 'C'` is the conjugate transpose; `?HER` and `?HPR` take a
//! real `alpha`.
//!
//! The CBLAS forms are separate from the real ones because netlib's complex
//! wrappers differ in two ways. Scalars are passed by pointer
//! (`const void *alpha`), except the real `alpha` of `cblas_?her` and
//! `cblas_?hpr`. And a row-major call is not only transposed but also
//! conjugated where the transpose of a Hermitian or conjugate-transposed
//! operand is its conjugate; netlib's wrappers do the following, and this
//! module reproduces it:
//!
//! * `gemv`, `gbmv` with `ConjTrans`: `y := conj(conj(alpha)*A^T*conj(x) +
//!   conj(beta)*conj(y))` with `'N'` on the stored transpose: `x` is copied
//!   conjugated (when `M > 0`; the copy is contiguous, so an increment of 0
//!   is then not reported), `y` conjugated in place before and after;
//! * `hemv`, `hbmv`, `hpmv`: the same with the triangle flipped (when
//!   `N > 0`);
//! * `her`, `hpr`: `x` copied conjugated (when `N > 0`);
//! * `her2`, `hpr2`: `x` and `y` copied conjugated and passed swapped (`y`
//!   first), so the Fortran routine's increment positions are swapped too;
//! * `gerc`: `y` copied conjugated, then `geru` on the transpose (errors are
//!   reported as `?GERU`'s); `geru` as the real `ger`;
//! * `trmv`, `tbmv`, `tpmv`, `trsv`, `tbsv`, `tpsv` with `ConjTrans`: `x`
//!   conjugated in place around `'N'` (in the parent module's macros, shared
//!   with s and d, where conjugation is the identity).
//!
//! Errors are reported where netlib reports them: the enumerations to
//! `cblas_xerbla`, the rest by the Fortran routine with its own positions.
//! Unlike netlib, an invalid `uplo` or `diag` is reported before any vector
//! is conjugated, so such a call leaves `x` and `y` as they were (netlib's
//! `cblas_?hemv`, `?hbmv`, `?trmv`, ... return with them conjugated).

use std::ffi::{c_char, c_int};

use oxpar_core::{Complex32, Complex64, Element};

use super::imp::{self, Elem};
use super::{row_major, trans_letter, triangular_letters, uplo_letter};
use crate::args::{int, letter, scalar, CBLAS_CONJ_TRANS};

/// The `n` elements of the vector at `x` with increment `inc`, conjugated,
/// in logical order (element 0 first), as netlib's row-major wrappers copy
/// them. An increment of 0 repeats `x[0]`.
///
/// # Safety
/// `x` holds `n` elements at `inc` (`x[0]` when `inc == 0`).
unsafe fn conj_copy<T: Element>(x: *const T, n: usize, inc: c_int) -> Vec<T> {
    let step = inc.unsigned_abs() as usize;
    (0..n)
        .map(|i| {
            let at = if inc < 0 {
                (n - 1 - i) * step
            } else {
                i * step
            };
            // SAFETY: at lies within the n elements the caller vouches for.
            unsafe { *x.add(at) }.conj()
        })
        .collect()
}

/// Conjugates the `n` elements of the vector at `x` with increment `inc` in
/// place (nothing for `inc == 0`: netlib negates `x[0]`'s imaginary part
/// twice then).
///
/// # Safety
/// `x` holds `n` elements at `inc`, not otherwise borrowed.
unsafe fn conj_in_place<T: Element>(x: *mut T, n: usize, inc: c_int) {
    if inc == 0 {
        return;
    }
    let step = inc.unsigned_abs() as usize;
    for k in 0..n {
        // SAFETY: the caller's contract.
        unsafe {
            let p = x.add(k * step);
            *p = (*p).conj();
        }
    }
}

/// Runs `f` with the `n` elements of `x` at `incx` conjugated when `conj`
/// (and `n > 0`), conjugating them back afterwards; the row-major
/// `ConjTrans` of the triangular CBLAS routines. The identity on real data.
///
/// # Safety
/// When `conj` and `n > 0`: `x` holds `n` elements at `incx`, not
/// otherwise borrowed outside `f`.
pub(super) unsafe fn conj_around<T: Element>(
    conj: bool,
    x: *mut T,
    n: c_int,
    incx: c_int,
    f: impl FnOnce(),
) {
    let conj = conj && n > 0 && T::DTYPE.is_complex();
    if conj {
        // SAFETY: the caller's contract.
        unsafe { conj_in_place(x, n as usize, incx) };
    }
    f();
    if conj {
        // SAFETY: as above.
        unsafe { conj_in_place(x, n as usize, incx) };
    }
}

/// `cblas_?gemv` (`band` None) and `cblas_?gbmv` (`band` = `(kl, ku)`) for
/// complex data, as netlib's wrappers (see the module docs).
///
/// # Safety
/// The reference BLAS contract for the layout given.
#[allow(clippy::too_many_arguments)]
unsafe fn cblas_gemv<T: Elem>(
    routine: &str,
    band: Option<(c_int, c_int)>,
    layout: c_int,
    trans: c_int,
    m: c_int,
    n: c_int,
    alpha: T,
    a: *const T,
    lda: c_int,
    x: *const T,
    incx: c_int,
    beta: T,
    y: *mut T,
    incy: c_int,
) {
    let Some(row) = row_major(layout, routine) else {
        return;
    };
    let Some(t) = trans_letter(row, trans, 2, routine) else {
        return;
    };
    let call = |m, n, band: Option<(c_int, c_int)>, alpha, x, incx, beta| match band {
        // SAFETY: the caller's contract (for the arguments as passed on).
        None => unsafe { imp::gemv(t, m, n, alpha, a, lda, x, incx, beta, y, incy) },
        // SAFETY: as above.
        Some((kl, ku)) => unsafe {
            imp::gbmv(t, m, n, kl, ku, alpha, a, lda, x, incx, beta, y, incy)
        },
    };
    if !row {
        return call(m, n, band, alpha, x, incx, beta);
    }
    let band = band.map(|(kl, ku)| (ku, kl));
    if trans != CBLAS_CONJ_TRANS || m <= 0 {
        return call(n, m, band, alpha, x, incx, beta);
    }
    // SAFETY: x holds m elements at incx.
    let xc = unsafe { conj_copy(x, m as usize, incx) };
    let ny = n.max(0) as usize;
    // SAFETY: y holds n elements at incy.
    unsafe { conj_in_place(y, ny, incy) };
    call(n, m, band, alpha.conj(), xc.as_ptr(), 1, beta.conj());
    // SAFETY: as above.
    unsafe { conj_in_place(y, ny, incy) };
}

/// The row-major part shared by `cblas_?hemv`, `?hbmv` and `?hpmv`: `call`
/// with the Fortran `UPLO`, `alpha`, `x`, `incx` and `beta` to use, after
/// netlib's conjugations (see the module docs).
///
/// # Safety
/// The reference BLAS contract: `x` and `y` hold `n` elements at their
/// increments.
#[allow(clippy::too_many_arguments)]
unsafe fn cblas_hermitian_mv<T: Elem>(
    routine: &str,
    layout: c_int,
    uplo: c_int,
    n: c_int,
    alpha: T,
    x: *const T,
    incx: c_int,
    beta: T,
    y: *mut T,
    incy: c_int,
    call: impl FnOnce(u8, T, *const T, c_int, T),
) {
    let Some(row) = row_major(layout, routine) else {
        return;
    };
    let Some(u) = uplo_letter(row, uplo, 2, routine) else {
        return;
    };
    if !row || n <= 0 {
        let (alpha, beta) = if row {
            (alpha.conj(), beta.conj())
        } else {
            (alpha, beta)
        };
        return call(u, alpha, x, incx, beta);
    }
    // SAFETY: x holds n elements at incx.
    let xc = unsafe { conj_copy(x, n as usize, incx) };
    // SAFETY: y holds n elements at incy.
    unsafe { conj_in_place(y, n as usize, incy) };
    call(u, alpha.conj(), xc.as_ptr(), 1, beta.conj());
    // SAFETY: as above.
    unsafe { conj_in_place(y, n as usize, incy) };
}

/// The vector netlib's row-major `her`, `hpr`, `her2`, `hpr2` and `gerc`
/// pass on: a conjugated contiguous copy when `n > 0` (returned with the
/// increment 1 to pass), else the caller's.
///
/// # Safety
/// When `n > 0`, `x` holds `n` elements at `inc`.
unsafe fn conj_operand<T: Element>(x: *const T, n: c_int, inc: c_int) -> (Option<Vec<T>>, c_int) {
    if n > 0 {
        // SAFETY: the caller's contract.
        (Some(unsafe { conj_copy(x, n as usize, inc) }), 1)
    } else {
        (None, inc)
    }
}

/// The pointer to pass for a vector from [`conj_operand`].
fn ptr_of<T>(copy: &Option<Vec<T>>, original: *const T) -> *const T {
    copy.as_ref().map_or(original, |v| v.as_ptr())
}

macro_rules! complex_level2 {
    (
        $t:ty, $real:ty,
        gemv: $gemv:ident, $cgemv:ident,
        gbmv: $gbmv:ident, $cgbmv:ident,
        hemv: $hemv:ident, $chemv:ident,
        hbmv: $hbmv:ident, $chbmv:ident,
        hpmv: $hpmv:ident, $chpmv:ident,
        geru: $geru:ident, $cgeru:ident,
        gerc: $gerc:ident, $cgerc:ident,
        her: $her:ident, $cher:ident,
        hpr: $hpr:ident, $chpr:ident,
        her2: $her2:ident, $cher2:ident,
        hpr2: $hpr2:ident, $chpr2:ident $(,)?
    ) => {
        gemv_fns!(@fortran $t, $gemv);

        #[doc = concat!("`", stringify!($cgemv), "`: `y := alpha*op(A)*x + beta*y` (netlib CBLAS;")]
        /// `alpha` and `beta` by pointer).
        ///
        /// # Safety
        /// As the Fortran routine's contract, for the layout given; `alpha`
        /// and `beta` point to complex values.
        #[no_mangle]
        pub unsafe extern "C" fn $cgemv(
            layout: c_int,
            trans: c_int,
            m: c_int,
            n: c_int,
            alpha: *const $t,
            a: *const $t,
            lda: c_int,
            x: *const $t,
            incx: c_int,
            beta: *const $t,
            y: *mut $t,
            incy: c_int,
        ) {
            // SAFETY: the caller's contract.
            unsafe {
                cblas_gemv(
                    stringify!($cgemv),
                    None,
                    layout,
                    trans,
                    m,
                    n,
                    scalar(alpha),
                    a,
                    lda,
                    x,
                    incx,
                    scalar(beta),
                    y,
                    incy,
                )
            }
        }

        gbmv_fns!(@fortran $t, $gbmv);

        #[doc = concat!("`", stringify!($cgbmv), "`: `y := alpha*op(A)*x + beta*y`, `A` banded")]
        /// (netlib CBLAS; `alpha` and `beta` by pointer).
        ///
        /// # Safety
        /// As the Fortran routine's contract, for the layout given; `alpha`
        /// and `beta` point to complex values.
        #[no_mangle]
        pub unsafe extern "C" fn $cgbmv(
            layout: c_int,
            trans: c_int,
            m: c_int,
            n: c_int,
            kl: c_int,
            ku: c_int,
            alpha: *const $t,
            a: *const $t,
            lda: c_int,
            x: *const $t,
            incx: c_int,
            beta: *const $t,
            y: *mut $t,
            incy: c_int,
        ) {
            // SAFETY: the caller's contract.
            unsafe {
                cblas_gemv(
                    stringify!($cgbmv),
                    Some((kl, ku)),
                    layout,
                    trans,
                    m,
                    n,
                    scalar(alpha),
                    a,
                    lda,
                    x,
                    incx,
                    scalar(beta),
                    y,
                    incy,
                )
            }
        }

        #[doc = concat!("`", stringify!($hemv), "`: `y := alpha*A*x + beta*y`, `A` Hermitian n x n,")]
        /// the triangle `uplo` stored, the diagonal's imaginary parts not
        /// read (reference BLAS `?HEMV`).
        ///
        /// # Safety
        /// The reference BLAS contract: every argument points to a valid value
        /// and the arrays hold the elements the routine addresses; `y` overlaps
        /// neither `A` nor `x`.
        #[no_mangle]
        pub unsafe extern "C" fn $hemv(
            uplo: *const c_char,
            n: *const c_int,
            alpha: *const $t,
            a: *const $t,
            lda: *const c_int,
            x: *const $t,
            incx: *const c_int,
            beta: *const $t,
            y: *mut $t,
            incy: *const c_int,
            _uplo_len: usize,
        ) {
            // SAFETY: the caller's contract.
            unsafe {
                imp::hemv(
                    letter(uplo),
                    int(n),
                    scalar(alpha),
                    a,
                    int(lda),
                    x,
                    int(incx),
                    scalar(beta),
                    y,
                    int(incy),
                )
            }
        }

        #[doc = concat!("`", stringify!($chemv), "`: `y := alpha*A*x + beta*y`, `A` Hermitian (netlib CBLAS).")]
        ///
        /// # Safety
        /// As the Fortran routine's contract, for the layout given.
        #[no_mangle]
        pub unsafe extern "C" fn $chemv(
            layout: c_int,
            uplo: c_int,
            n: c_int,
            alpha: *const $t,
            a: *const $t,
            lda: c_int,
            x: *const $t,
            incx: c_int,
            beta: *const $t,
            y: *mut $t,
            incy: c_int,
        ) {
            // SAFETY: the caller's contract.
            unsafe {
                cblas_hermitian_mv(
                    stringify!($chemv),
                    layout,
                    uplo,
                    n,
                    scalar(alpha),
                    x,
                    incx,
                    scalar(beta),
                    y,
                    incy,
                    |u, alpha, x, incx, beta| {
                        imp::hemv(u, n, alpha, a, lda, x, incx, beta, y, incy)
                    },
                )
            }
        }

        #[doc = concat!("`", stringify!($hbmv), "`: `y := alpha*A*x + beta*y`, `A` a Hermitian band")]
        /// matrix with `k` off-diagonals, the triangle `uplo` stored
        /// (reference BLAS `?HBMV`).
        ///
        /// # Safety
        /// The reference BLAS contract: every argument points to a valid value
        /// and the arrays hold the elements the routine addresses; `y` overlaps
        /// neither `A` nor `x`.
        #[no_mangle]
        pub unsafe extern "C" fn $hbmv(
            uplo: *const c_char,
            n: *const c_int,
            k: *const c_int,
            alpha: *const $t,
            a: *const $t,
            lda: *const c_int,
            x: *const $t,
            incx: *const c_int,
            beta: *const $t,
            y: *mut $t,
            incy: *const c_int,
            _uplo_len: usize,
        ) {
            // SAFETY: the caller's contract.
            unsafe {
                imp::hbmv(
                    letter(uplo),
                    int(n),
                    int(k),
                    scalar(alpha),
                    a,
                    int(lda),
                    x,
                    int(incx),
                    scalar(beta),
                    y,
                    int(incy),
                )
            }
        }

        #[doc = concat!("`", stringify!($chbmv), "`: `y := alpha*A*x + beta*y`, `A` Hermitian band (netlib CBLAS).")]
        ///
        /// # Safety
        /// As the Fortran routine's contract, for the layout given.
        #[no_mangle]
        pub unsafe extern "C" fn $chbmv(
            layout: c_int,
            uplo: c_int,
            n: c_int,
            k: c_int,
            alpha: *const $t,
            a: *const $t,
            lda: c_int,
            x: *const $t,
            incx: c_int,
            beta: *const $t,
            y: *mut $t,
            incy: c_int,
        ) {
            // SAFETY: the caller's contract.
            unsafe {
                cblas_hermitian_mv(
                    stringify!($chbmv),
                    layout,
                    uplo,
                    n,
                    scalar(alpha),
                    x,
                    incx,
                    scalar(beta),
                    y,
                    incy,
                    |u, alpha, x, incx, beta| {
                        imp::hbmv(u, n, k, alpha, a, lda, x, incx, beta, y, incy)
                    },
                )
            }
        }

        #[doc = concat!("`", stringify!($hpmv), "`: `y := alpha*A*x + beta*y`, `A` Hermitian n x n,")]
        /// the triangle `uplo` packed (reference BLAS `?HPMV`).
        ///
        /// # Safety
        /// The reference BLAS contract: every argument points to a valid value
        /// and the arrays hold the elements the routine addresses; `y` overlaps
        /// neither `AP` nor `x`.
        #[no_mangle]
        pub unsafe extern "C" fn $hpmv(
            uplo: *const c_char,
            n: *const c_int,
            alpha: *const $t,
            ap: *const $t,
            x: *const $t,
            incx: *const c_int,
            beta: *const $t,
            y: *mut $t,
            incy: *const c_int,
            _uplo_len: usize,
        ) {
            // SAFETY: the caller's contract.
            unsafe {
                imp::hpmv(
                    letter(uplo),
                    int(n),
                    scalar(alpha),
                    ap,
                    x,
                    int(incx),
                    scalar(beta),
                    y,
                    int(incy),
                )
            }
        }

        #[doc = concat!("`", stringify!($chpmv), "`: `y := alpha*A*x + beta*y`, `A` Hermitian packed (netlib CBLAS).")]
        ///
        /// # Safety
        /// As the Fortran routine's contract, for the layout given.
        #[no_mangle]
        pub unsafe extern "C" fn $chpmv(
            layout: c_int,
            uplo: c_int,
            n: c_int,
            alpha: *const $t,
            ap: *const $t,
            x: *const $t,
            incx: c_int,
            beta: *const $t,
            y: *mut $t,
            incy: c_int,
        ) {
            // SAFETY: the caller's contract.
            unsafe {
                cblas_hermitian_mv(
                    stringify!($chpmv),
                    layout,
                    uplo,
                    n,
                    scalar(alpha),
                    x,
                    incx,
                    scalar(beta),
                    y,
                    incy,
                    |u, alpha, x, incx, beta| imp::hpmv(u, n, alpha, ap, x, incx, beta, y, incy),
                )
            }
        }

        complex_level2!(@ger $t, $geru, $cgeru, ger, false, "`A := alpha*x*y^T + A`", "?GERU");
        complex_level2!(@ger $t, $gerc, $cgerc, gerc, true, "`A := alpha*x*y^H + A`", "?GERC");

        #[doc = concat!("`", stringify!($her), "`: `A := alpha*x*x^H + A`, `alpha` real, `A` Hermitian")]
        /// n x n, the triangle `uplo` stored; its diagonal comes out real
        /// (reference BLAS `?HER`).
        ///
        /// # Safety
        /// The reference BLAS contract: every argument points to a valid value
        /// and the arrays hold the elements the routine addresses; `A` does not
        /// overlap `x`.
        #[no_mangle]
        pub unsafe extern "C" fn $her(
            uplo: *const c_char,
            n: *const c_int,
            alpha: *const $real,
            x: *const $t,
            incx: *const c_int,
            a: *mut $t,
            lda: *const c_int,
            _uplo_len: usize,
        ) {
            // SAFETY: the caller's contract.
            unsafe {
                imp::her(
                    letter(uplo),
                    int(n),
                    scalar(alpha),
                    x,
                    int(incx),
                    a,
                    int(lda),
                )
            }
        }

        #[doc = concat!("`", stringify!($cher), "`: `A := alpha*x*x^H + A`, `A` Hermitian (netlib CBLAS;")]
        /// `alpha` real, by value).
        ///
        /// # Safety
        /// As the Fortran routine's contract, for the layout given.
        #[no_mangle]
        pub unsafe extern "C" fn $cher(
            layout: c_int,
            uplo: c_int,
            n: c_int,
            alpha: $real,
            x: *const $t,
            incx: c_int,
            a: *mut $t,
            lda: c_int,
        ) {
            let routine = stringify!($cher);
            let Some(row) = row_major(layout, routine) else {
                return;
            };
            let Some(u) = uplo_letter(row, uplo, 2, routine) else {
                return;
            };
            // SAFETY: the caller's contract; row-major passes conj(x).
            unsafe {
                let (xc, incx) = if row { conj_operand(x, n, incx) } else { (None, incx) };
                imp::her(u, n, alpha, ptr_of(&xc, x), incx, a, lda)
            }
        }

        #[doc = concat!("`", stringify!($hpr), "`: `A := alpha*x*x^H + A`, `alpha` real, `A` Hermitian")]
        /// n x n, the triangle `uplo` packed; its diagonal comes out real
        /// (reference BLAS `?HPR`).
        ///
        /// # Safety
        /// The reference BLAS contract: every argument points to a valid value
        /// and the arrays hold the elements the routine addresses; `AP` does
        /// not overlap `x`.
        #[no_mangle]
        pub unsafe extern "C" fn $hpr(
            uplo: *const c_char,
            n: *const c_int,
            alpha: *const $real,
            x: *const $t,
            incx: *const c_int,
            ap: *mut $t,
            _uplo_len: usize,
        ) {
            // SAFETY: the caller's contract.
            unsafe { imp::hpr(letter(uplo), int(n), scalar(alpha), x, int(incx), ap) }
        }

        #[doc = concat!("`", stringify!($chpr), "`: `A := alpha*x*x^H + A`, `A` Hermitian packed (netlib")]
        /// CBLAS; `alpha` real, by value).
        ///
        /// # Safety
        /// As the Fortran routine's contract, for the layout given.
        #[no_mangle]
        pub unsafe extern "C" fn $chpr(
            layout: c_int,
            uplo: c_int,
            n: c_int,
            alpha: $real,
            x: *const $t,
            incx: c_int,
            ap: *mut $t,
        ) {
            let routine = stringify!($chpr);
            let Some(row) = row_major(layout, routine) else {
                return;
            };
            let Some(u) = uplo_letter(row, uplo, 2, routine) else {
                return;
            };
            // SAFETY: the caller's contract; row-major passes conj(x).
            unsafe {
                let (xc, incx) = if row { conj_operand(x, n, incx) } else { (None, incx) };
                imp::hpr(u, n, alpha, ptr_of(&xc, x), incx, ap)
            }
        }

        #[doc = concat!("`", stringify!($her2), "`: `A := alpha*x*y^H + conj(alpha)*y*x^H + A`, `A`")]
        /// Hermitian n x n, the triangle `uplo` stored; its diagonal comes
        /// out real (reference BLAS `?HER2`).
        ///
        /// # Safety
        /// The reference BLAS contract: every argument points to a valid value
        /// and the arrays hold the elements the routine addresses; `A` overlaps
        /// neither `x` nor `y`.
        #[no_mangle]
        pub unsafe extern "C" fn $her2(
            uplo: *const c_char,
            n: *const c_int,
            alpha: *const $t,
            x: *const $t,
            incx: *const c_int,
            y: *const $t,
            incy: *const c_int,
            a: *mut $t,
            lda: *const c_int,
            _uplo_len: usize,
        ) {
            // SAFETY: the caller's contract.
            unsafe {
                imp::her2(
                    letter(uplo),
                    int(n),
                    scalar(alpha),
                    x,
                    int(incx),
                    y,
                    int(incy),
                    a,
                    int(lda),
                )
            }
        }

        #[doc = concat!("`", stringify!($cher2), "`: `A := alpha*x*y^H + conj(alpha)*y*x^H + A`, `A`")]
        /// Hermitian (netlib CBLAS).
        ///
        /// # Safety
        /// As the Fortran routine's contract, for the layout given.
        #[no_mangle]
        pub unsafe extern "C" fn $cher2(
            layout: c_int,
            uplo: c_int,
            n: c_int,
            alpha: *const $t,
            x: *const $t,
            incx: c_int,
            y: *const $t,
            incy: c_int,
            a: *mut $t,
            lda: c_int,
        ) {
            let routine = stringify!($cher2);
            let Some(row) = row_major(layout, routine) else {
                return;
            };
            let Some(u) = uplo_letter(row, uplo, 2, routine) else {
                return;
            };
            // SAFETY: alpha is NULL or readable (the caller's contract).
            let alpha = unsafe { scalar(alpha) };
            // SAFETY: the caller's contract; row-major passes conj(y) and
            // conj(x), in that order.
            unsafe {
                if row {
                    let (xc, incx) = conj_operand(x, n, incx);
                    let (yc, incy) = conj_operand(y, n, incy);
                    imp::her2(u, n, alpha, ptr_of(&yc, y), incy, ptr_of(&xc, x), incx, a, lda)
                } else {
                    imp::her2(u, n, alpha, x, incx, y, incy, a, lda)
                }
            }
        }

        #[doc = concat!("`", stringify!($hpr2), "`: `A := alpha*x*y^H + conj(alpha)*y*x^H + A`, `A`")]
        /// Hermitian n x n, the triangle `uplo` packed; its diagonal comes
        /// out real (reference BLAS `?HPR2`).
        ///
        /// # Safety
        /// The reference BLAS contract: every argument points to a valid value
        /// and the arrays hold the elements the routine addresses; `AP`
        /// overlaps neither `x` nor `y`.
        #[no_mangle]
        pub unsafe extern "C" fn $hpr2(
            uplo: *const c_char,
            n: *const c_int,
            alpha: *const $t,
            x: *const $t,
            incx: *const c_int,
            y: *const $t,
            incy: *const c_int,
            ap: *mut $t,
            _uplo_len: usize,
        ) {
            // SAFETY: the caller's contract.
            unsafe {
                imp::hpr2(
                    letter(uplo),
                    int(n),
                    scalar(alpha),
                    x,
                    int(incx),
                    y,
                    int(incy),
                    ap,
                )
            }
        }

        #[doc = concat!("`", stringify!($chpr2), "`: `A := alpha*x*y^H + conj(alpha)*y*x^H + A`, `A`")]
        /// Hermitian packed (netlib CBLAS).
        ///
        /// # Safety
        /// As the Fortran routine's contract, for the layout given.
        #[no_mangle]
        pub unsafe extern "C" fn $chpr2(
            layout: c_int,
            uplo: c_int,
            n: c_int,
            alpha: *const $t,
            x: *const $t,
            incx: c_int,
            y: *const $t,
            incy: c_int,
            ap: *mut $t,
        ) {
            let routine = stringify!($chpr2);
            let Some(row) = row_major(layout, routine) else {
                return;
            };
            let Some(u) = uplo_letter(row, uplo, 2, routine) else {
                return;
            };
            // SAFETY: alpha is NULL or readable (the caller's contract).
            let alpha = unsafe { scalar(alpha) };
            // SAFETY: the caller's contract; row-major passes conj(y) and
            // conj(x), in that order.
            unsafe {
                if row {
                    let (xc, incx) = conj_operand(x, n, incx);
                    let (yc, incy) = conj_operand(y, n, incy);
                    imp::hpr2(u, n, alpha, ptr_of(&yc, y), incy, ptr_of(&xc, x), incx, ap)
                } else {
                    imp::hpr2(u, n, alpha, x, incx, y, incy, ap)
                }
            }
        }
    };
    // ?GERU and ?GERC: the Fortran routine and its CBLAS form.
    (@ger $t:ty, $f:ident, $c:ident, $imp:ident, $conj:literal, $what:literal, $ref:literal) => {
        #[doc = concat!("`", stringify!($f), "`: ", $what, ", `A` m x n (reference BLAS `", $ref, "`).")]
        ///
        /// # Safety
        /// The reference BLAS contract: every argument points to a valid value
        /// and the arrays hold the elements the routine addresses; `A` overlaps
        /// neither `x` nor `y`.
        #[no_mangle]
        pub unsafe extern "C" fn $f(
            m: *const c_int,
            n: *const c_int,
            alpha: *const $t,
            x: *const $t,
            incx: *const c_int,
            y: *const $t,
            incy: *const c_int,
            a: *mut $t,
            lda: *const c_int,
        ) {
            // SAFETY: the caller's contract.
            unsafe {
                imp::$imp(
                    int(m),
                    int(n),
                    scalar(alpha),
                    x,
                    int(incx),
                    y,
                    int(incy),
                    a,
                    int(lda),
                )
            }
        }

        #[doc = concat!("`", stringify!($c), "`: ", $what, " (netlib CBLAS; `alpha` by pointer).")]
        ///
        /// # Safety
        /// As the Fortran routine's contract, for the layout given.
        #[no_mangle]
        pub unsafe extern "C" fn $c(
            layout: c_int,
            m: c_int,
            n: c_int,
            alpha: *const $t,
            x: *const $t,
            incx: c_int,
            y: *const $t,
            incy: c_int,
            a: *mut $t,
            lda: c_int,
        ) {
            let Some(row) = row_major(layout, stringify!($c)) else {
                return;
            };
            // SAFETY: alpha is NULL or readable (the caller's contract).
            let alpha = unsafe { scalar(alpha) };
            // SAFETY: the caller's contract. Row-major: A^T := alpha*y*x^T +
            // A^T (geru), or alpha*conj(y)*x^T + A^T (gerc: geru on a
            // conjugated copy of y, as netlib).
            unsafe {
                if !row {
                    imp::$imp(m, n, alpha, x, incx, y, incy, a, lda)
                } else if $conj {
                    let (yc, incy) = conj_operand(y, n, incy);
                    imp::ger(n, m, alpha, ptr_of(&yc, y), incy, x, incx, a, lda)
                } else {
                    imp::ger(n, m, alpha, y, incy, x, incx, a, lda)
                }
            }
        }
    };
}

complex_level2!(
    Complex32, f32,
    gemv: cgemv_, cblas_cgemv,
    gbmv: cgbmv_, cblas_cgbmv,
    hemv: chemv_, cblas_chemv,
    hbmv: chbmv_, cblas_chbmv,
    hpmv: chpmv_, cblas_chpmv,
    geru: cgeru_, cblas_cgeru,
    gerc: cgerc_, cblas_cgerc,
    her: cher_, cblas_cher,
    hpr: chpr_, cblas_chpr,
    her2: cher2_, cblas_cher2,
    hpr2: chpr2_, cblas_chpr2,
);
complex_level2!(
    Complex64, f64,
    gemv: zgemv_, cblas_zgemv,
    gbmv: zgbmv_, cblas_zgbmv,
    hemv: zhemv_, cblas_zhemv,
    hbmv: zhbmv_, cblas_zhbmv,
    hpmv: zhpmv_, cblas_zhpmv,
    geru: zgeru_, cblas_zgeru,
    gerc: zgerc_, cblas_zgerc,
    her: zher_, cblas_zher,
    hpr: zhpr_, cblas_zhpr,
    her2: zher2_, cblas_zher2,
    hpr2: zhpr2_, cblas_zhpr2,
);

triangular_fns!(
    full,
    Complex32,
    ctrmv_,
    cblas_ctrmv,
    trmv,
    "`x := op(A)*x`",
    "CTRMV"
);
triangular_fns!(
    full,
    Complex64,
    ztrmv_,
    cblas_ztrmv,
    trmv,
    "`x := op(A)*x`",
    "ZTRMV"
);
triangular_fns!(
    band,
    Complex32,
    ctbmv_,
    cblas_ctbmv,
    tbmv,
    "`x := op(A)*x`",
    "CTBMV"
);
triangular_fns!(
    band,
    Complex64,
    ztbmv_,
    cblas_ztbmv,
    tbmv,
    "`x := op(A)*x`",
    "ZTBMV"
);
triangular_fns!(
    packed,
    Complex32,
    ctpmv_,
    cblas_ctpmv,
    tpmv,
    "`x := op(A)*x`",
    "CTPMV"
);
triangular_fns!(
    packed,
    Complex64,
    ztpmv_,
    cblas_ztpmv,
    tpmv,
    "`x := op(A)*x`",
    "ZTPMV"
);
triangular_fns!(
    full,
    Complex32,
    ctrsv_,
    cblas_ctrsv,
    trsv,
    "solves `op(A)*x = b` in place",
    "CTRSV"
);
triangular_fns!(
    full,
    Complex64,
    ztrsv_,
    cblas_ztrsv,
    trsv,
    "solves `op(A)*x = b` in place",
    "ZTRSV"
);
triangular_fns!(
    band,
    Complex32,
    ctbsv_,
    cblas_ctbsv,
    tbsv,
    "solves `op(A)*x = b` in place",
    "CTBSV"
);
triangular_fns!(
    band,
    Complex64,
    ztbsv_,
    cblas_ztbsv,
    tbsv,
    "solves `op(A)*x = b` in place",
    "ZTBSV"
);
triangular_fns!(
    packed,
    Complex32,
    ctpsv_,
    cblas_ctpsv,
    tpsv,
    "solves `op(A)*x = b` in place",
    "CTPSV"
);
triangular_fns!(
    packed,
    Complex64,
    ztpsv_,
    cblas_ztpsv,
    tpsv,
    "solves `op(A)*x = b` in place",
    "ZTPSV"
);
