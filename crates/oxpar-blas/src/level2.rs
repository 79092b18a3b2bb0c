//! BLAS level 2: the Fortran (`name_`) and CBLAS (`cblas_name`) entry points
//! for s, d, c and z: every level-2 routine of the reference BLAS 3.11
//! (`?gemv ?gbmv ?symv ?sbmv ?spmv ?trmv ?tbmv ?tpmv ?trsv ?tbsv ?tpsv ?ger
//! ?syr ?spr ?syr2 ?spr2` real; `?gemv ?gbmv ?hemv ?hbmv ?hpmv ?trmv ?tbmv
//! ?tpmv ?trsv ?tbsv ?tpsv ?geru ?gerc ?her ?hpr ?her2 ?hpr2` complex). The
//! complex entry points are in `complex`, whose docs list how netlib's
//! complex CBLAS wrappers differ (scalars by pointer, the conjugations of a
//! row-major call).
//!
//! * Fortran: `sgemv_`, `dgemv_`, ... with the reference BLAS 3.11 semantics:
//!   arguments checked in the reference's order, the first invalid one
//!   reported to `xerbla_` with its position (the routine then returns
//!   without touching anything), the same quick returns (`m = 0`, `n = 0`,
//!   `alpha = 0` with `beta = 1`), `beta = 0` setting `y` to zero without
//!   reading it, and negative increments walking the vector backwards from
//!   its last element in memory. `TRANS = 'C'` is the conjugate transpose
//!   (the transpose on real data); `?HER`, `?HPR`, `?HER2`, `?HPR2` make the
//!   diagonal real, and the Hermitian routines never read the imaginary
//!   parts of the diagonal. Character arguments are read by their first
//!   character, case-insensitively; their hidden lengths are accepted and
//!   ignored.
//! * CBLAS: `cblas_sgemv`, `cblas_dgemv`, ... as netlib's wrappers: an invalid
//!   layout (argument 1) or enumeration (`uplo`, `trans`, `diag`: their
//!   positions in the CBLAS call) is reported to `cblas_xerbla`; a row-major
//!   call becomes the column-major call of the transpose (dimensions swapped,
//!   `trans` and `uplo` flipped, `ger`'s `x` and `y` exchanged), whose other
//!   argument errors reach `xerbla_` with the Fortran routine's name and
//!   positions, exactly as netlib's CBLAS reports them.
//!
//! Every routine computes on oxpar's threads backend, through the
//! `oxpar_core::Level2` trait methods (see `imp`).

mod imp;

use std::ffi::{c_char, c_int};
use std::sync::atomic::AtomicI32;

use crate::args::{
    int, letter, scalar, CBLAS_COL_MAJOR, CBLAS_CONJ_TRANS, CBLAS_LOWER, CBLAS_NON_UNIT,
    CBLAS_NO_TRANS, CBLAS_ROW_MAJOR, CBLAS_TRANS, CBLAS_UNIT, CBLAS_UPPER,
};
use crate::xerbla::report_cblas;

/// netlib CBLAS's global `int RowMajorStrg`, exported because the netlib CBLAS
/// testers of levels 2 and 3 (`xdcblat2`, `xscblat2`, `xdcblat3`, ...) link
/// against it: they hold a copy relocation for it, which the dynamic linker
/// cannot resolve unless the BLAS library defines it. netlib's wrappers set it
/// to 1 during a row-major call so that netlib's own `cblas_xerbla` can map
/// Fortran positions back to CBLAS ones; this library's handlers need no such
/// mapping, so it is never written here (the testers set and read their own
/// copy). Layout-compatible with C's `int`.
#[no_mangle]
#[allow(non_upper_case_globals)]
pub static RowMajorStrg: AtomicI32 = AtomicI32::new(0);

/// A CBLAS layout: `Some(true)` for row-major, `Some(false)` for
/// column-major; an invalid one is reported as argument 1 of `routine`.
fn row_major(layout: c_int, routine: &str) -> Option<bool> {
    match layout {
        CBLAS_ROW_MAJOR => Some(true),
        CBLAS_COL_MAJOR => Some(false),
        _ => {
            report_cblas(1, routine);
            None
        }
    }
}

/// The Fortran `TRANS` for a CBLAS transpose (flipped for row-major: netlib
/// maps both `Trans` and `ConjTrans` to `'N'`); an invalid one is reported as
/// argument `pos` of `routine`.
fn trans_letter(row: bool, trans: c_int, pos: i32, routine: &str) -> Option<u8> {
    let t = match (trans, row) {
        (CBLAS_NO_TRANS, false) => b'N',
        (CBLAS_TRANS, false) => b'T',
        (CBLAS_CONJ_TRANS, false) => b'C',
        (CBLAS_NO_TRANS, true) => b'T',
        (CBLAS_TRANS | CBLAS_CONJ_TRANS, true) => b'N',
        _ => {
            report_cblas(pos, routine);
            return None;
        }
    };
    Some(t)
}

/// The Fortran `UPLO` for a CBLAS triangle (flipped for row-major); an invalid
/// one is reported as argument `pos` of `routine`.
fn uplo_letter(row: bool, uplo: c_int, pos: i32, routine: &str) -> Option<u8> {
    let u = match (uplo, row) {
        (CBLAS_UPPER, false) | (CBLAS_LOWER, true) => b'U',
        (CBLAS_LOWER, false) | (CBLAS_UPPER, true) => b'L',
        _ => {
            report_cblas(pos, routine);
            return None;
        }
    };
    Some(u)
}

/// The Fortran `DIAG` for a CBLAS diagonal; an invalid one is reported as
/// argument `pos` of `routine`.
fn diag_letter(diag: c_int, pos: i32, routine: &str) -> Option<u8> {
    match diag {
        CBLAS_UNIT => Some(b'U'),
        CBLAS_NON_UNIT => Some(b'N'),
        _ => {
            report_cblas(pos, routine);
            None
        }
    }
}

macro_rules! gemv_fns {
    ($t:ty, $f:ident, $c:ident) => {
        gemv_fns!(@fortran $t, $f);

        #[doc = concat!("`", stringify!($c), "`: `y := alpha*op(A)*x + beta*y` (netlib CBLAS).")]
        ///
        /// # Safety
        /// As the Fortran routine's contract, for the layout given.
        #[no_mangle]
        pub unsafe extern "C" fn $c(
            layout: c_int,
            trans: c_int,
            m: c_int,
            n: c_int,
            alpha: $t,
            a: *const $t,
            lda: c_int,
            x: *const $t,
            incx: c_int,
            beta: $t,
            y: *mut $t,
            incy: c_int,
        ) {
            let routine = stringify!($c);
            let Some(row) = row_major(layout, routine) else {
                return;
            };
            let Some(t) = trans_letter(row, trans, 2, routine) else {
                return;
            };
            let (m, n) = if row { (n, m) } else { (m, n) };
            // SAFETY: the caller's contract, transposed for row-major.
            unsafe { imp::gemv(t, m, n, alpha, a, lda, x, incx, beta, y, incy) }
        }
    };
    // The Fortran routine alone (the complex CBLAS forms differ; see `complex`).
    (@fortran $t:ty, $f:ident) => {
        #[doc = concat!("`", stringify!($f), "`: `y := alpha*op(A)*x + beta*y`, `A` m x n")]
        /// (reference BLAS `?GEMV`).
        ///
        /// # Safety
        /// The reference BLAS contract: every argument points to a valid value
        /// and the arrays hold the elements the routine addresses; `y` overlaps
        /// neither `A` nor `x`.
        #[no_mangle]
        pub unsafe extern "C" fn $f(
            trans: *const c_char,
            m: *const c_int,
            n: *const c_int,
            alpha: *const $t,
            a: *const $t,
            lda: *const c_int,
            x: *const $t,
            incx: *const c_int,
            beta: *const $t,
            y: *mut $t,
            incy: *const c_int,
            _trans_len: usize,
        ) {
            // SAFETY: the caller's contract.
            unsafe {
                imp::gemv(
                    letter(trans),
                    int(m),
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
    };
}

gemv_fns!(f32, sgemv_, cblas_sgemv);
gemv_fns!(f64, dgemv_, cblas_dgemv);

macro_rules! gbmv_fns {
    ($t:ty, $f:ident, $c:ident) => {
        gbmv_fns!(@fortran $t, $f);

        #[doc = concat!("`", stringify!($c), "`: `y := alpha*op(A)*x + beta*y`, `A` banded (netlib CBLAS).")]
        ///
        /// # Safety
        /// As the Fortran routine's contract, for the layout given.
        #[no_mangle]
        pub unsafe extern "C" fn $c(
            layout: c_int,
            trans: c_int,
            m: c_int,
            n: c_int,
            kl: c_int,
            ku: c_int,
            alpha: $t,
            a: *const $t,
            lda: c_int,
            x: *const $t,
            incx: c_int,
            beta: $t,
            y: *mut $t,
            incy: c_int,
        ) {
            let routine = stringify!($c);
            let Some(row) = row_major(layout, routine) else {
                return;
            };
            let Some(t) = trans_letter(row, trans, 2, routine) else {
                return;
            };
            let (m, n, kl, ku) = if row { (n, m, ku, kl) } else { (m, n, kl, ku) };
            // SAFETY: the caller's contract, transposed for row-major.
            unsafe { imp::gbmv(t, m, n, kl, ku, alpha, a, lda, x, incx, beta, y, incy) }
        }
    };
    // The Fortran routine alone (the complex CBLAS forms differ; see `complex`).
    (@fortran $t:ty, $f:ident) => {
        #[doc = concat!("`", stringify!($f), "`: `y := alpha*op(A)*x + beta*y`, `A` an m x n band")]
        /// matrix with `kl` sub- and `ku` super-diagonals (reference BLAS
        /// `?GBMV`).
        ///
        /// # Safety
        /// The reference BLAS contract: every argument points to a valid value
        /// and the arrays hold the elements the routine addresses; `y` overlaps
        /// neither `A` nor `x`.
        #[no_mangle]
        pub unsafe extern "C" fn $f(
            trans: *const c_char,
            m: *const c_int,
            n: *const c_int,
            kl: *const c_int,
            ku: *const c_int,
            alpha: *const $t,
            a: *const $t,
            lda: *const c_int,
            x: *const $t,
            incx: *const c_int,
            beta: *const $t,
            y: *mut $t,
            incy: *const c_int,
            _trans_len: usize,
        ) {
            // SAFETY: the caller's contract.
            unsafe {
                imp::gbmv(
                    letter(trans),
                    int(m),
                    int(n),
                    int(kl),
                    int(ku),
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
    };
}

gbmv_fns!(f32, sgbmv_, cblas_sgbmv);
gbmv_fns!(f64, dgbmv_, cblas_dgbmv);

macro_rules! symv_fns {
    ($t:ty, $f:ident, $c:ident) => {
        #[doc = concat!("`", stringify!($f), "`: `y := alpha*A*x + beta*y`, `A` symmetric n x n,")]
        /// the triangle `uplo` stored (reference BLAS `?SYMV`).
        ///
        /// # Safety
        /// The reference BLAS contract: every argument points to a valid value
        /// and the arrays hold the elements the routine addresses; `y` overlaps
        /// neither `A` nor `x`.
        #[no_mangle]
        pub unsafe extern "C" fn $f(
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
                imp::symv(
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

        #[doc = concat!("`", stringify!($c), "`: `y := alpha*A*x + beta*y`, `A` symmetric (netlib CBLAS).")]
        ///
        /// # Safety
        /// As the Fortran routine's contract, for the layout given.
        #[no_mangle]
        pub unsafe extern "C" fn $c(
            layout: c_int,
            uplo: c_int,
            n: c_int,
            alpha: $t,
            a: *const $t,
            lda: c_int,
            x: *const $t,
            incx: c_int,
            beta: $t,
            y: *mut $t,
            incy: c_int,
        ) {
            let routine = stringify!($c);
            let Some(row) = row_major(layout, routine) else {
                return;
            };
            let Some(u) = uplo_letter(row, uplo, 2, routine) else {
                return;
            };
            // SAFETY: the caller's contract, transposed for row-major.
            unsafe { imp::symv(u, n, alpha, a, lda, x, incx, beta, y, incy) }
        }
    };
}

symv_fns!(f32, ssymv_, cblas_ssymv);
symv_fns!(f64, dsymv_, cblas_dsymv);

macro_rules! sbmv_fns {
    ($t:ty, $f:ident, $c:ident) => {
        #[doc = concat!("`", stringify!($f), "`: `y := alpha*A*x + beta*y`, `A` a symmetric band")]
        /// matrix with `k` off-diagonals, the triangle `uplo` stored
        /// (reference BLAS `?SBMV`).
        ///
        /// # Safety
        /// The reference BLAS contract: every argument points to a valid value
        /// and the arrays hold the elements the routine addresses; `y` overlaps
        /// neither `A` nor `x`.
        #[no_mangle]
        pub unsafe extern "C" fn $f(
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
                imp::sbmv(
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

        #[doc = concat!("`", stringify!($c), "`: `y := alpha*A*x + beta*y`, `A` symmetric band (netlib CBLAS).")]
        ///
        /// # Safety
        /// As the Fortran routine's contract, for the layout given.
        #[no_mangle]
        pub unsafe extern "C" fn $c(
            layout: c_int,
            uplo: c_int,
            n: c_int,
            k: c_int,
            alpha: $t,
            a: *const $t,
            lda: c_int,
            x: *const $t,
            incx: c_int,
            beta: $t,
            y: *mut $t,
            incy: c_int,
        ) {
            let routine = stringify!($c);
            let Some(row) = row_major(layout, routine) else {
                return;
            };
            let Some(u) = uplo_letter(row, uplo, 2, routine) else {
                return;
            };
            // SAFETY: the caller's contract, transposed for row-major.
            unsafe { imp::sbmv(u, n, k, alpha, a, lda, x, incx, beta, y, incy) }
        }
    };
}

sbmv_fns!(f32, ssbmv_, cblas_ssbmv);
sbmv_fns!(f64, dsbmv_, cblas_dsbmv);

macro_rules! spmv_fns {
    ($t:ty, $f:ident, $c:ident) => {
        #[doc = concat!("`", stringify!($f), "`: `y := alpha*A*x + beta*y`, `A` symmetric n x n,")]
        /// the triangle `uplo` packed (reference BLAS `?SPMV`).
        ///
        /// # Safety
        /// The reference BLAS contract: every argument points to a valid value
        /// and the arrays hold the elements the routine addresses; `y` overlaps
        /// neither `AP` nor `x`.
        #[no_mangle]
        pub unsafe extern "C" fn $f(
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
                imp::spmv(
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

        #[doc = concat!("`", stringify!($c), "`: `y := alpha*A*x + beta*y`, `A` symmetric packed (netlib CBLAS).")]
        ///
        /// # Safety
        /// As the Fortran routine's contract, for the layout given.
        #[no_mangle]
        pub unsafe extern "C" fn $c(
            layout: c_int,
            uplo: c_int,
            n: c_int,
            alpha: $t,
            ap: *const $t,
            x: *const $t,
            incx: c_int,
            beta: $t,
            y: *mut $t,
            incy: c_int,
        ) {
            let routine = stringify!($c);
            let Some(row) = row_major(layout, routine) else {
                return;
            };
            let Some(u) = uplo_letter(row, uplo, 2, routine) else {
                return;
            };
            // SAFETY: the caller's contract, transposed for row-major.
            unsafe { imp::spmv(u, n, alpha, ap, x, incx, beta, y, incy) }
        }
    };
}

spmv_fns!(f32, sspmv_, cblas_sspmv);
spmv_fns!(f64, dspmv_, cblas_dspmv);

/// Reads the enumerations of a CBLAS triangular call (`uplo` 2, `trans` 3,
/// `diag` 4, checked in netlib's order after the layout): the Fortran letters
/// for the column-major call, and whether `x` is to be conjugated around it
/// (row-major `ConjTrans`: netlib's complex wrappers compute
/// `conj(A^T*conj(x))` with `'N'` on the stored transpose; conjugation is
/// the identity on real data), or `None` after reporting the first invalid
/// one.
fn triangular_letters(
    layout: c_int,
    uplo: c_int,
    trans: c_int,
    diag: c_int,
    routine: &str,
) -> Option<(u8, u8, u8, bool)> {
    let row = row_major(layout, routine)?;
    let u = uplo_letter(row, uplo, 2, routine)?;
    let t = trans_letter(row, trans, 3, routine)?;
    let d = diag_letter(diag, 4, routine)?;
    Some((u, t, d, row && trans == CBLAS_CONJ_TRANS))
}

macro_rules! triangular_fns {
    // A full triangle: ?TRMV, ?TRSV.
    (full, $t:ty, $f:ident, $c:ident, $imp:ident, $what:literal, $ref:literal) => {
        #[doc = concat!("`", stringify!($f), "`: ", $what, ", `A` n x n triangular (reference BLAS `", $ref, "`).")]
        ///
        /// # Safety
        /// The reference BLAS contract: every argument points to a valid value
        /// and the arrays hold the elements the routine addresses; `x` does not
        /// overlap `A`.
        #[no_mangle]
        pub unsafe extern "C" fn $f(
            uplo: *const c_char,
            trans: *const c_char,
            diag: *const c_char,
            n: *const c_int,
            a: *const $t,
            lda: *const c_int,
            x: *mut $t,
            incx: *const c_int,
            _uplo_len: usize,
            _trans_len: usize,
            _diag_len: usize,
        ) {
            // SAFETY: the caller's contract.
            unsafe {
                imp::$imp(
                    letter(uplo),
                    letter(trans),
                    letter(diag),
                    int(n),
                    0,
                    a,
                    int(lda),
                    x,
                    int(incx),
                )
            }
        }

        #[doc = concat!("`", stringify!($c), "`: ", $what, ", `A` triangular (netlib CBLAS).")]
        ///
        /// # Safety
        /// As the Fortran routine's contract, for the layout given.
        #[no_mangle]
        pub unsafe extern "C" fn $c(
            layout: c_int,
            uplo: c_int,
            trans: c_int,
            diag: c_int,
            n: c_int,
            a: *const $t,
            lda: c_int,
            x: *mut $t,
            incx: c_int,
        ) {
            let Some((u, t, d, conj)) =
                triangular_letters(layout, uplo, trans, diag, stringify!($c))
            else {
                return;
            };
            // SAFETY: the caller's contract, transposed for row-major; x holds
            // n elements at incx.
            unsafe { $crate::level2::complex::conj_around(conj, x, n, incx, || imp::$imp(u, t, d, n, 0, a, lda, x, incx)) }
        }
    };
    // A band: ?TBMV, ?TBSV.
    (band, $t:ty, $f:ident, $c:ident, $imp:ident, $what:literal, $ref:literal) => {
        #[doc = concat!("`", stringify!($f), "`: ", $what, ", `A` n x n triangular band with `k`")]
        #[doc = concat!("off-diagonals (reference BLAS `", $ref, "`).")]
        ///
        /// # Safety
        /// The reference BLAS contract: every argument points to a valid value
        /// and the arrays hold the elements the routine addresses; `x` does not
        /// overlap `A`.
        #[no_mangle]
        pub unsafe extern "C" fn $f(
            uplo: *const c_char,
            trans: *const c_char,
            diag: *const c_char,
            n: *const c_int,
            k: *const c_int,
            a: *const $t,
            lda: *const c_int,
            x: *mut $t,
            incx: *const c_int,
            _uplo_len: usize,
            _trans_len: usize,
            _diag_len: usize,
        ) {
            // SAFETY: the caller's contract.
            unsafe {
                imp::$imp(
                    letter(uplo),
                    letter(trans),
                    letter(diag),
                    int(n),
                    int(k),
                    a,
                    int(lda),
                    x,
                    int(incx),
                )
            }
        }

        #[doc = concat!("`", stringify!($c), "`: ", $what, ", `A` triangular band (netlib CBLAS).")]
        ///
        /// # Safety
        /// As the Fortran routine's contract, for the layout given.
        #[no_mangle]
        pub unsafe extern "C" fn $c(
            layout: c_int,
            uplo: c_int,
            trans: c_int,
            diag: c_int,
            n: c_int,
            k: c_int,
            a: *const $t,
            lda: c_int,
            x: *mut $t,
            incx: c_int,
        ) {
            let Some((u, t, d, conj)) =
                triangular_letters(layout, uplo, trans, diag, stringify!($c))
            else {
                return;
            };
            // SAFETY: the caller's contract, transposed for row-major; x holds
            // n elements at incx.
            unsafe { $crate::level2::complex::conj_around(conj, x, n, incx, || imp::$imp(u, t, d, n, k, a, lda, x, incx)) }
        }
    };
    // Packed: ?TPMV, ?TPSV.
    (packed, $t:ty, $f:ident, $c:ident, $imp:ident, $what:literal, $ref:literal) => {
        #[doc = concat!("`", stringify!($f), "`: ", $what, ", `A` n x n triangular, packed")]
        #[doc = concat!("(reference BLAS `", $ref, "`).")]
        ///
        /// # Safety
        /// The reference BLAS contract: every argument points to a valid value
        /// and the arrays hold the elements the routine addresses; `x` does not
        /// overlap `AP`.
        #[no_mangle]
        pub unsafe extern "C" fn $f(
            uplo: *const c_char,
            trans: *const c_char,
            diag: *const c_char,
            n: *const c_int,
            ap: *const $t,
            x: *mut $t,
            incx: *const c_int,
            _uplo_len: usize,
            _trans_len: usize,
            _diag_len: usize,
        ) {
            // SAFETY: the caller's contract.
            unsafe {
                imp::$imp(
                    letter(uplo),
                    letter(trans),
                    letter(diag),
                    int(n),
                    0,
                    ap,
                    0,
                    x,
                    int(incx),
                )
            }
        }

        #[doc = concat!("`", stringify!($c), "`: ", $what, ", `A` triangular packed (netlib CBLAS).")]
        ///
        /// # Safety
        /// As the Fortran routine's contract, for the layout given.
        #[no_mangle]
        pub unsafe extern "C" fn $c(
            layout: c_int,
            uplo: c_int,
            trans: c_int,
            diag: c_int,
            n: c_int,
            ap: *const $t,
            x: *mut $t,
            incx: c_int,
        ) {
            let Some((u, t, d, conj)) =
                triangular_letters(layout, uplo, trans, diag, stringify!($c))
            else {
                return;
            };
            // SAFETY: the caller's contract, transposed for row-major; x holds
            // n elements at incx.
            unsafe { $crate::level2::complex::conj_around(conj, x, n, incx, || imp::$imp(u, t, d, n, 0, ap, 0, x, incx)) }
        }
    };
}

triangular_fns!(
    full,
    f32,
    strmv_,
    cblas_strmv,
    trmv,
    "`x := op(A)*x`",
    "STRMV"
);
triangular_fns!(
    full,
    f64,
    dtrmv_,
    cblas_dtrmv,
    trmv,
    "`x := op(A)*x`",
    "DTRMV"
);
triangular_fns!(
    band,
    f32,
    stbmv_,
    cblas_stbmv,
    tbmv,
    "`x := op(A)*x`",
    "STBMV"
);
triangular_fns!(
    band,
    f64,
    dtbmv_,
    cblas_dtbmv,
    tbmv,
    "`x := op(A)*x`",
    "DTBMV"
);
triangular_fns!(
    packed,
    f32,
    stpmv_,
    cblas_stpmv,
    tpmv,
    "`x := op(A)*x`",
    "STPMV"
);
triangular_fns!(
    packed,
    f64,
    dtpmv_,
    cblas_dtpmv,
    tpmv,
    "`x := op(A)*x`",
    "DTPMV"
);
triangular_fns!(
    full,
    f32,
    strsv_,
    cblas_strsv,
    trsv,
    "solves `op(A)*x = b` in place",
    "STRSV"
);
triangular_fns!(
    full,
    f64,
    dtrsv_,
    cblas_dtrsv,
    trsv,
    "solves `op(A)*x = b` in place",
    "DTRSV"
);
triangular_fns!(
    band,
    f32,
    stbsv_,
    cblas_stbsv,
    tbsv,
    "solves `op(A)*x = b` in place",
    "STBSV"
);
triangular_fns!(
    band,
    f64,
    dtbsv_,
    cblas_dtbsv,
    tbsv,
    "solves `op(A)*x = b` in place",
    "DTBSV"
);
triangular_fns!(
    packed,
    f32,
    stpsv_,
    cblas_stpsv,
    tpsv,
    "solves `op(A)*x = b` in place",
    "STPSV"
);
triangular_fns!(
    packed,
    f64,
    dtpsv_,
    cblas_dtpsv,
    tpsv,
    "solves `op(A)*x = b` in place",
    "DTPSV"
);

macro_rules! ger_fns {
    ($t:ty, $f:ident, $c:ident) => {
        #[doc = concat!("`", stringify!($f), "`: `A := alpha*x*y^T + A`, `A` m x n (reference BLAS `?GER`).")]
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
                imp::ger(
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

        #[doc = concat!("`", stringify!($c), "`: `A := alpha*x*y^T + A` (netlib CBLAS).")]
        ///
        /// # Safety
        /// As the Fortran routine's contract, for the layout given.
        #[no_mangle]
        pub unsafe extern "C" fn $c(
            layout: c_int,
            m: c_int,
            n: c_int,
            alpha: $t,
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
            if row {
                // SAFETY: the caller's contract; A^T := alpha*y*x^T + A^T.
                unsafe { imp::ger(n, m, alpha, y, incy, x, incx, a, lda) }
            } else {
                // SAFETY: the caller's contract.
                unsafe { imp::ger(m, n, alpha, x, incx, y, incy, a, lda) }
            }
        }
    };
}

ger_fns!(f32, sger_, cblas_sger);
ger_fns!(f64, dger_, cblas_dger);

macro_rules! syr_fns {
    ($t:ty, $f:ident, $c:ident, $fp:ident, $cp:ident) => {
        #[doc = concat!("`", stringify!($f), "`: `A := alpha*x*x^T + A`, `A` symmetric n x n, the")]
        /// triangle `uplo` stored (reference BLAS `?SYR`).
        ///
        /// # Safety
        /// The reference BLAS contract: every argument points to a valid value
        /// and the arrays hold the elements the routine addresses; `A` does not
        /// overlap `x`.
        #[no_mangle]
        pub unsafe extern "C" fn $f(
            uplo: *const c_char,
            n: *const c_int,
            alpha: *const $t,
            x: *const $t,
            incx: *const c_int,
            a: *mut $t,
            lda: *const c_int,
            _uplo_len: usize,
        ) {
            // SAFETY: the caller's contract.
            unsafe {
                imp::syr(
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

        #[doc = concat!("`", stringify!($c), "`: `A := alpha*x*x^T + A`, `A` symmetric (netlib CBLAS).")]
        ///
        /// # Safety
        /// As the Fortran routine's contract, for the layout given.
        #[no_mangle]
        pub unsafe extern "C" fn $c(
            layout: c_int,
            uplo: c_int,
            n: c_int,
            alpha: $t,
            x: *const $t,
            incx: c_int,
            a: *mut $t,
            lda: c_int,
        ) {
            let routine = stringify!($c);
            let Some(row) = row_major(layout, routine) else {
                return;
            };
            let Some(u) = uplo_letter(row, uplo, 2, routine) else {
                return;
            };
            // SAFETY: the caller's contract, transposed for row-major.
            unsafe { imp::syr(u, n, alpha, x, incx, a, lda) }
        }

        #[doc = concat!("`", stringify!($fp), "`: `A := alpha*x*x^T + A`, `A` symmetric n x n, the")]
        /// triangle `uplo` packed (reference BLAS `?SPR`).
        ///
        /// # Safety
        /// The reference BLAS contract: every argument points to a valid value
        /// and the arrays hold the elements the routine addresses; `AP` does
        /// not overlap `x`.
        #[no_mangle]
        pub unsafe extern "C" fn $fp(
            uplo: *const c_char,
            n: *const c_int,
            alpha: *const $t,
            x: *const $t,
            incx: *const c_int,
            ap: *mut $t,
            _uplo_len: usize,
        ) {
            // SAFETY: the caller's contract.
            unsafe { imp::spr(letter(uplo), int(n), scalar(alpha), x, int(incx), ap) }
        }

        #[doc = concat!("`", stringify!($cp), "`: `A := alpha*x*x^T + A`, `A` symmetric packed (netlib CBLAS).")]
        ///
        /// # Safety
        /// As the Fortran routine's contract, for the layout given.
        #[no_mangle]
        pub unsafe extern "C" fn $cp(
            layout: c_int,
            uplo: c_int,
            n: c_int,
            alpha: $t,
            x: *const $t,
            incx: c_int,
            ap: *mut $t,
        ) {
            let routine = stringify!($cp);
            let Some(row) = row_major(layout, routine) else {
                return;
            };
            let Some(u) = uplo_letter(row, uplo, 2, routine) else {
                return;
            };
            // SAFETY: the caller's contract, transposed for row-major.
            unsafe { imp::spr(u, n, alpha, x, incx, ap) }
        }
    };
}

syr_fns!(f32, ssyr_, cblas_ssyr, sspr_, cblas_sspr);
syr_fns!(f64, dsyr_, cblas_dsyr, dspr_, cblas_dspr);

macro_rules! syr2_fns {
    ($t:ty, $f:ident, $c:ident, $fp:ident, $cp:ident) => {
        #[doc = concat!("`", stringify!($f), "`: `A := alpha*x*y^T + alpha*y*x^T + A`, `A` symmetric")]
        /// n x n, the triangle `uplo` stored (reference BLAS `?SYR2`).
        ///
        /// # Safety
        /// The reference BLAS contract: every argument points to a valid value
        /// and the arrays hold the elements the routine addresses; `A` overlaps
        /// neither `x` nor `y`.
        #[no_mangle]
        pub unsafe extern "C" fn $f(
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
                imp::syr2(
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

        #[doc = concat!("`", stringify!($c), "`: `A := alpha*x*y^T + alpha*y*x^T + A`, `A` symmetric (netlib CBLAS).")]
        ///
        /// # Safety
        /// As the Fortran routine's contract, for the layout given.
        #[no_mangle]
        pub unsafe extern "C" fn $c(
            layout: c_int,
            uplo: c_int,
            n: c_int,
            alpha: $t,
            x: *const $t,
            incx: c_int,
            y: *const $t,
            incy: c_int,
            a: *mut $t,
            lda: c_int,
        ) {
            let routine = stringify!($c);
            let Some(row) = row_major(layout, routine) else {
                return;
            };
            let Some(u) = uplo_letter(row, uplo, 2, routine) else {
                return;
            };
            // SAFETY: the caller's contract, transposed for row-major.
            unsafe { imp::syr2(u, n, alpha, x, incx, y, incy, a, lda) }
        }

        #[doc = concat!("`", stringify!($fp), "`: `A := alpha*x*y^T + alpha*y*x^T + A`, `A` symmetric")]
        /// n x n, the triangle `uplo` packed (reference BLAS `?SPR2`).
        ///
        /// # Safety
        /// The reference BLAS contract: every argument points to a valid value
        /// and the arrays hold the elements the routine addresses; `AP`
        /// overlaps neither `x` nor `y`.
        #[no_mangle]
        pub unsafe extern "C" fn $fp(
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
                imp::spr2(
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

        #[doc = concat!("`", stringify!($cp), "`: `A := alpha*x*y^T + alpha*y*x^T + A`, `A` symmetric packed")]
        /// (netlib CBLAS).
        ///
        /// # Safety
        /// As the Fortran routine's contract, for the layout given.
        #[no_mangle]
        pub unsafe extern "C" fn $cp(
            layout: c_int,
            uplo: c_int,
            n: c_int,
            alpha: $t,
            x: *const $t,
            incx: c_int,
            y: *const $t,
            incy: c_int,
            ap: *mut $t,
        ) {
            let routine = stringify!($cp);
            let Some(row) = row_major(layout, routine) else {
                return;
            };
            let Some(u) = uplo_letter(row, uplo, 2, routine) else {
                return;
            };
            // SAFETY: the caller's contract, transposed for row-major.
            unsafe { imp::spr2(u, n, alpha, x, incx, y, incy, ap) }
        }
    };
}

syr2_fns!(f32, ssyr2_, cblas_ssyr2, sspr2_, cblas_sspr2);
syr2_fns!(f64, dsyr2_, cblas_dsyr2, dspr2_, cblas_dspr2);

// The complex routines reuse the macros above, so their module comes after
// them.
mod complex;
pub use complex::*;
