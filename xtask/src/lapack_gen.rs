//! Writes crates/oxpar-capi/src/lapack/shells.rs: the typed `extern "C"`
//! shells of LU and Cholesky (`oxpar_?getrf`, `?getrs`, `?gesv`, `?potrf`,
//! `?potrs`, `?posv`) over the generic helpers of crates/oxpar-capi/src/lapack.rs.
//!
//! They are not rows of the routine table: their 1-based `int64_t` pivots
//! and `info` output are roles the table's other generators (Fortran,
//! Python, ndarray) do not know, and a numerical failure writes outputs.
//! One template per routine, instantiated for the four element types, so
//! cbindgen sees each function with its documentation.

/// The element types: C letter, Rust type, words for the documentation.
const TYPES: [(char, &str, &str); 4] = [
    ('s', "f32", "floats"),
    ('d', "f64", "doubles"),
    ('c', "oxpar_c32", "single-precision complex"),
    ('z', "oxpar_c64", "double-precision complex"),
];

/// The routine names, in the order of the template.
pub const NAMES: [&str; 6] = ["getrf", "getrs", "gesv", "potrf", "potrs", "posv"];

/// The shells of one element type: `$t` is the Rust type, `$words` the
/// documentation's words, `$<name>` the C name of routine `<name>`.
const TEMPLATE: &str = r#"
/// LU factorization with partial pivoting of the `m x n` matrix `a` ($words), in place: `A = P*L*U`, LAPACK's `getrf`.
///
/// `L` (unit lower triangular or trapezoidal, its unit diagonal not
/// stored) overwrites `a` below the diagonal, `U` on and above it.
/// `ipiv` (`min(m, n)` elements, `int64_t`) receives the 1-based
/// pivots: row `i` was interchanged with row `ipiv[i - 1]`, as in
/// LAPACK. `a` is given by a pointer to its element (0, 0) and its
/// element strides (`rsa`, `csa`; column-major: `1, lda`).
///
/// `info` may be NULL; otherwise it receives 0 on success, or the
/// 1-based column of an exactly zero pivot on
/// `OXPAR_STATUS_SINGULAR`, after which `a` and `ipiv` hold the
/// completed factorization, as LAPACK leaves them.
///
/// Errors: `OXPAR_STATUS_NULL_POINTER` (`ctx`, or `a`/`ipiv` of a
/// non-empty matrix), `OXPAR_STATUS_INVALID_STRIDE` (strides that make
/// two elements of `a` share an address), `OXPAR_STATUS_INVALID_ARGUMENT`
/// (`ipiv` overlapping `a` or misaligned), `OXPAR_STATUS_SINGULAR`, and
/// `OXPAR_STATUS_UNSUPPORTED` on an MPI context (distributed
/// factorizations are not there yet).
///
/// # Safety
/// `ctx` is a live context; `a` spans the `m x n` elements its strides
/// describe, writable; `ipiv` holds `min(m, n)` writable elements;
/// `info` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn $getrf(
    ctx: *const oxpar_context,
    m: usize,
    n: usize,
    a: *mut $t,
    rsa: isize,
    csa: isize,
    ipiv: *mut i64,
    info: *mut i64,
) -> oxpar_status {
    // SAFETY: the caller's contract, forwarded.
    call("$getrf", || unsafe {
        getrf::<$t>(ctx, m, n, a, rsa, csa, ipiv, info)
    })
}

/// Solves `op(A)*X = B` ($words) with the LU factors and pivots of the `n x n` matrix `A` from `$getrf`; LAPACK's `getrs`.
///
/// `trans` (`OXPAR_TRANS_NO`, `OXPAR_TRANS_YES` or `OXPAR_TRANS_CONJ`)
/// picks `A`, `A^T` or `A^H`. `X` overwrites the `n x nrhs` matrix `b`.
/// `ipiv` holds the `n` 1-based pivots `getrf` wrote. No test for a
/// zero on `U`'s diagonal (as LAPACK's `getrs`): a singular factor
/// gives infinities or NaN.
///
/// Errors: `OXPAR_STATUS_NULL_POINTER`, `OXPAR_STATUS_INVALID_STRIDE`
/// (for `b`), `OXPAR_STATUS_INVALID_ARGUMENT` (an unknown `trans`, a
/// pivot outside `1..=n`), `OXPAR_STATUS_UNSUPPORTED` on MPI.
///
/// # Safety
/// `ctx` is a live context; `a` spans its `n x n` elements (read);
/// `ipiv` holds `n` readable elements; `b` spans its `n x nrhs`
/// elements, writable.
#[no_mangle]
pub unsafe extern "C" fn $getrs(
    ctx: *const oxpar_context,
    trans: i32,
    n: usize,
    nrhs: usize,
    a: *const $t,
    rsa: isize,
    csa: isize,
    ipiv: *const i64,
    b: *mut $t,
    rsb: isize,
    csb: isize,
) -> oxpar_status {
    // SAFETY: the caller's contract, forwarded.
    call("$getrs", || unsafe {
        getrs::<$t>(ctx, trans, n, nrhs, a, rsa, csa, ipiv, b, rsb, csb)
    })
}

/// Solves `A*X = B` ($words) for the `n x n` matrix `A` by LU with partial pivoting; LAPACK's `gesv`.
///
/// `a` is overwritten by its factors, `ipiv` (`n` elements) by the
/// 1-based pivots, the `n x nrhs` matrix `b` by `X`. `a` and `b` must
/// not share elements.
///
/// `info` may be NULL; otherwise it receives 0 on success, or the
/// 1-based column of an exactly zero pivot on
/// `OXPAR_STATUS_SINGULAR`, after which `a` and `ipiv` hold the
/// completed factorization and `b` is unchanged.
///
/// Errors: as `$getrf`, plus `OXPAR_STATUS_INVALID_ARGUMENT` when `b`
/// shares elements with `a` or `ipiv`.
///
/// # Safety
/// As `$getrf` for `a`, `ipiv` (`n` elements) and `info`; `b` spans its
/// `n x nrhs` elements, writable.
#[no_mangle]
pub unsafe extern "C" fn $gesv(
    ctx: *const oxpar_context,
    n: usize,
    nrhs: usize,
    a: *mut $t,
    rsa: isize,
    csa: isize,
    ipiv: *mut i64,
    b: *mut $t,
    rsb: isize,
    csb: isize,
    info: *mut i64,
) -> oxpar_status {
    // SAFETY: the caller's contract, forwarded.
    call("$gesv", || unsafe {
        gesv::<$t>(ctx, n, nrhs, a, rsa, csa, ipiv, b, rsb, csb, info)
    })
}

/// Cholesky factorization ($words) of the Hermitian (symmetric) positive definite `n x n` matrix held in the `uplo` triangle of `a`, in place; LAPACK's `potrf`.
///
/// `uplo` (`OXPAR_UPLO_UPPER` or `OXPAR_UPLO_LOWER`): `A = U^H*U` or
/// `A = L*L^H`, the factor overwriting that triangle; the other
/// triangle is neither read nor written, and the imaginary parts of
/// the diagonal are taken as zero.
///
/// `info` may be NULL; otherwise it receives 0 on success, or the
/// order of the leading minor that is not positive definite (a NaN on
/// the diagonal counts, as in LAPACK) on
/// `OXPAR_STATUS_NOT_POSITIVE_DEFINITE`; then the columns before it
/// hold the factor of the leading minor, as LAPACK leaves them.
///
/// Errors: `OXPAR_STATUS_NULL_POINTER`, `OXPAR_STATUS_INVALID_STRIDE`,
/// `OXPAR_STATUS_INVALID_ARGUMENT` (an unknown `uplo`),
/// `OXPAR_STATUS_NOT_POSITIVE_DEFINITE`, `OXPAR_STATUS_UNSUPPORTED`
/// on MPI.
///
/// # Safety
/// `ctx` is a live context; `a` spans its `n x n` elements, writable;
/// `info` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn $potrf(
    ctx: *const oxpar_context,
    uplo: i32,
    n: usize,
    a: *mut $t,
    rsa: isize,
    csa: isize,
    info: *mut i64,
) -> oxpar_status {
    // SAFETY: the caller's contract, forwarded.
    call("$potrf", || unsafe {
        potrf::<$t>(ctx, uplo, n, a, rsa, csa, info)
    })
}

/// Solves `A*X = B` ($words) with the Cholesky factor of `A` from `$potrf` in the `uplo` triangle of `a`; LAPACK's `potrs`.
///
/// `X` overwrites the `n x nrhs` matrix `b`; the other triangle of `a`
/// is not read.
///
/// Errors: `OXPAR_STATUS_NULL_POINTER`, `OXPAR_STATUS_INVALID_STRIDE`
/// (for `b`), `OXPAR_STATUS_INVALID_ARGUMENT` (an unknown `uplo`),
/// `OXPAR_STATUS_UNSUPPORTED` on MPI.
///
/// # Safety
/// `ctx` is a live context; `a` spans its `n x n` elements (read); `b`
/// spans its `n x nrhs` elements, writable.
#[no_mangle]
pub unsafe extern "C" fn $potrs(
    ctx: *const oxpar_context,
    uplo: i32,
    n: usize,
    nrhs: usize,
    a: *const $t,
    rsa: isize,
    csa: isize,
    b: *mut $t,
    rsb: isize,
    csb: isize,
) -> oxpar_status {
    // SAFETY: the caller's contract, forwarded.
    call("$potrs", || unsafe {
        potrs::<$t>(ctx, uplo, n, nrhs, a, rsa, csa, b, rsb, csb)
    })
}

/// Solves `A*X = B` ($words) for the Hermitian (symmetric) positive definite `n x n` matrix `A` held in the `uplo` triangle of `a`, by Cholesky; LAPACK's `posv`.
///
/// The factor overwrites that triangle of `a`, `X` the `n x nrhs`
/// matrix `b`; `a` and `b` must not share elements. `info` as in
/// `$potrf`; on `OXPAR_STATUS_NOT_POSITIVE_DEFINITE` `b` is unchanged.
///
/// Errors: as `$potrf`, plus `OXPAR_STATUS_INVALID_ARGUMENT` when `b`
/// shares elements with `a`.
///
/// # Safety
/// As `$potrf`; `b` spans its `n x nrhs` elements, writable.
#[no_mangle]
pub unsafe extern "C" fn $posv(
    ctx: *const oxpar_context,
    uplo: i32,
    n: usize,
    nrhs: usize,
    a: *mut $t,
    rsa: isize,
    csa: isize,
    b: *mut $t,
    rsb: isize,
    csb: isize,
    info: *mut i64,
) -> oxpar_status {
    // SAFETY: the caller's contract, forwarded.
    call("$posv", || unsafe {
        posv::<$t>(ctx, uplo, n, nrhs, a, rsa, csa, b, rsb, csb, info)
    })
}
"#;

/// The module's text (before rustfmt).
pub fn module() -> String {
    let mut s = String::from(
        "//! Generated by `make gen` (xtask/src/lapack_gen.rs). Do not edit.\n\n\
         use super::{gesv, getrf, getrs, posv, potrf, potrs};\n\
         use crate::boundary::call;\n\
         use crate::context::oxpar_context;\n\
         use crate::status::oxpar_status;\n\
         use crate::{oxpar_c32, oxpar_c64};\n",
    );
    for (letter, rust, words) in TYPES {
        let mut text = TEMPLATE.replace("$t", rust).replace("$words", words);
        for name in NAMES {
            text = text.replace(&format!("${name}("), &format!("oxpar_{letter}{name}("));
            text = text.replace(
                &format!("\"${name}\""),
                &format!("\"oxpar_{letter}{name}\""),
            );
            text = text.replace(&format!("`${name}`"), &format!("`oxpar_{letter}{name}`"));
        }
        assert!(
            !text.contains('$'),
            "an unknown placeholder in the template"
        );
        s.push_str(&text);
    }
    s
}
