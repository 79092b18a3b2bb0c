//! Reading Fortran-convention arguments (everything by reference) and the
//! enumerations of CBLAS.

use std::ffi::{c_char, c_int};

/// The first character of a Fortran character argument, upper-cased
/// (`b'\0'` for NULL), as the reference's `LSAME` compares them.
///
/// # Safety
/// `p` is NULL or points to at least one readable character.
pub unsafe fn letter(p: *const c_char) -> u8 {
    if p.is_null() {
        0
    } else {
        // SAFETY: the caller's contract.
        (unsafe { *p } as u8).to_ascii_uppercase()
    }
}

/// An integer argument (0 for NULL, which the routine then rejects or treats
/// as an empty size).
///
/// # Safety
/// `p` is NULL or readable.
pub unsafe fn int(p: *const c_int) -> i32 {
    // SAFETY: the caller's contract.
    unsafe { p.as_ref() }.copied().unwrap_or(0)
}

/// A scalar argument (zero for NULL).
///
/// # Safety
/// `p` is NULL or readable.
pub unsafe fn scalar<T: Copy + Default>(p: *const T) -> T {
    // SAFETY: the caller's contract.
    unsafe { p.as_ref() }.copied().unwrap_or_default()
}

/// CBLAS's `CBLAS_LAYOUT`.
pub const CBLAS_ROW_MAJOR: c_int = 101;
/// CBLAS's `CBLAS_LAYOUT`.
pub const CBLAS_COL_MAJOR: c_int = 102;
/// CBLAS's `CBLAS_TRANSPOSE`.
pub const CBLAS_NO_TRANS: c_int = 111;
/// CBLAS's `CBLAS_TRANSPOSE`.
pub const CBLAS_TRANS: c_int = 112;
/// CBLAS's `CBLAS_TRANSPOSE`.
pub const CBLAS_CONJ_TRANS: c_int = 113;
/// CBLAS's `CBLAS_UPLO`.
pub const CBLAS_UPPER: c_int = 121;
/// CBLAS's `CBLAS_UPLO`.
pub const CBLAS_LOWER: c_int = 122;
/// CBLAS's `CBLAS_DIAG`.
pub const CBLAS_NON_UNIT: c_int = 131;
/// CBLAS's `CBLAS_DIAG`.
pub const CBLAS_UNIT: c_int = 132;
/// CBLAS's `CBLAS_SIDE`.
pub const CBLAS_LEFT: c_int = 141;
/// CBLAS's `CBLAS_SIDE`.
pub const CBLAS_RIGHT: c_int = 142;
