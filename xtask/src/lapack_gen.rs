//! Writes crates/oxpar-capi/src/lapack/shells.rs: the typed `extern "C"`
//! shells of LU and Cholesky (`oxpar_?getrf`, `?getrs`, `?gesv`, `?potrf`,
//! `?potrs`, `?posv`), the inverses and determinants (`?getri`, `?potri`,
//! `?trtri`, `?det`, `?slogdet`) and the batches (`?gesv_batch`,
//! `?inv_batch`, `?potrf_batch`, `?det_batch`, `?slogdet_batch`), QR and
//! least squares (`?geqrf`, `?ormqr`/`?unmqr`, `?orgqr`/`?ungqr`, `?gels`) over the
//! generic helpers of crates/oxpar-capi/src/lapack.rs and its submodules.
//!
//! They are not rows of the routine table: their 1-based `int64_t` pivots
//! and `info` output are roles the table's other generators (Fortran,
//! Python, ndarray) do not know, and a numerical failure writes outputs.
//! One template per routine, instantiated for the four element types, so
//! cbindgen sees each function with its documentation.

/// The element types: C letter, Rust type, its real type, words for the
/// documentation.
const TYPES: [(char, &str, &str, &str); 4] = [
    ('s', "f32", "f32", "floats"),
    ('d', "f64", "f64", "doubles"),
    ('c', "oxpar_c32", "f32", "single-precision complex"),
    ('z', "oxpar_c64", "f64", "double-precision complex"),
];

/// The names of LU, Cholesky and the inverses, which also have Fortran twins
/// (`fortran_twins.rs` wants a section for each).
pub const NAMES: [&str; 9] = [
    "getrf", "getrs", "gesv", "potrf", "potrs", "posv", "getri", "potri", "trtri",
];

/// The Fortran twins (`oxpar_linalg_twins.f90.in`) beyond [`NAMES`], each
/// with its element types: the determinants, the batches, QR (`ormqr` and
/// `orgqr` real, `unmqr` and `ungqr` complex, as in LAPACK), `gels`, and the
/// SVD (`gesvd`, `gelss`).
pub const FORTRAN_MORE: [(&str, &str); 15] = [
    ("geqrf", "sdcz"),
    ("ormqr", "sd"),
    ("unmqr", "cz"),
    ("orgqr", "sd"),
    ("ungqr", "cz"),
    ("gels", "sdcz"),
    ("det", "sdcz"),
    ("slogdet", "sdcz"),
    ("gesv_batch", "sdcz"),
    ("inv_batch", "sdcz"),
    ("potrf_batch", "sdcz"),
    ("det_batch", "sdcz"),
    ("slogdet_batch", "sdcz"),
    ("gesvd", "sdcz"),
    ("gelss", "sdcz"),
];

/// The names of the determinants and batches.
const MORE_NAMES: [&str; 7] = [
    "det",
    "slogdet",
    "gesv_batch",
    "inv_batch",
    "potrf_batch",
    "det_batch",
    "slogdet_batch",
];

/// The shells of one element type: `$t` is the Rust type, `$real` its real
/// type, `$words` the documentation's words, `$<name>` the C name of
/// routine `<name>`.
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

/// The inverses and determinants of one element type (placeholders as in
/// [`TEMPLATE`]).
const INVERSE_TEMPLATE: &str = r#"
/// Overwrites the LU factors of the `n x n` matrix `A` in `a` ($words), with their pivots from `$getrf`, by `inv(A)`; LAPACK's `getri`.
///
/// `ipiv` holds the `n` 1-based pivots `$getrf` wrote. No workspace
/// argument: the library allocates an `n x n` one.
///
/// `info` may be NULL; otherwise it receives 0 on success, or the
/// 1-based index of an exactly zero element of `U`'s diagonal on
/// `OXPAR_STATUS_SINGULAR`, after which `a` is unchanged.
///
/// Errors: `OXPAR_STATUS_NULL_POINTER`, `OXPAR_STATUS_INVALID_STRIDE`,
/// `OXPAR_STATUS_INVALID_ARGUMENT` (a pivot outside `1..=n`),
/// `OXPAR_STATUS_SINGULAR`, `OXPAR_STATUS_UNSUPPORTED` on MPI.
///
/// # Safety
/// `ctx` is a live context; `a` spans its `n x n` elements, writable;
/// `ipiv` holds `n` readable elements; `info` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn $getri(
    ctx: *const oxpar_context,
    n: usize,
    a: *mut $t,
    rsa: isize,
    csa: isize,
    ipiv: *const i64,
    info: *mut i64,
) -> oxpar_status {
    // SAFETY: the caller's contract, forwarded.
    call("$getri", || unsafe { getri::<$t>(ctx, n, a, rsa, csa, ipiv, info) })
}

/// Overwrites the Cholesky factor of `A` from `$potrf` in the `uplo` triangle of `a` ($words) by the same triangle of `inv(A)`; LAPACK's `potri`.
///
/// The other triangle is neither read nor written (the inverse is
/// Hermitian: mirror it to have the whole matrix).
///
/// `info` may be NULL; otherwise it receives 0 on success, or the
/// 1-based index of an exactly zero element of the factor's diagonal on
/// `OXPAR_STATUS_SINGULAR`, after which `a` is unchanged.
///
/// Errors: `OXPAR_STATUS_NULL_POINTER`, `OXPAR_STATUS_INVALID_STRIDE`,
/// `OXPAR_STATUS_INVALID_ARGUMENT` (an unknown `uplo`),
/// `OXPAR_STATUS_SINGULAR`, `OXPAR_STATUS_UNSUPPORTED` on MPI.
///
/// # Safety
/// `ctx` is a live context; `a` spans its `n x n` elements, writable;
/// `info` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn $potri(
    ctx: *const oxpar_context,
    uplo: i32,
    n: usize,
    a: *mut $t,
    rsa: isize,
    csa: isize,
    info: *mut i64,
) -> oxpar_status {
    // SAFETY: the caller's contract, forwarded.
    call("$potri", || unsafe { potri::<$t>(ctx, uplo, n, a, rsa, csa, info) })
}

/// Inverts the triangular `n x n` matrix held in the `uplo` triangle of `a` ($words), in place; LAPACK's `trtri`.
///
/// `diag` (`OXPAR_DIAG_NON_UNIT` or `OXPAR_DIAG_UNIT`): with a unit
/// diagonal the diagonal is taken as 1 and not referenced. The other
/// triangle is neither read nor written.
///
/// `info` may be NULL; otherwise it receives 0 on success, or the
/// 1-based index of an exactly zero diagonal element on
/// `OXPAR_STATUS_SINGULAR`, after which `a` is unchanged.
///
/// Errors: `OXPAR_STATUS_NULL_POINTER`, `OXPAR_STATUS_INVALID_STRIDE`,
/// `OXPAR_STATUS_INVALID_ARGUMENT` (an unknown `uplo` or `diag`),
/// `OXPAR_STATUS_SINGULAR`, `OXPAR_STATUS_UNSUPPORTED` on MPI.
///
/// # Safety
/// `ctx` is a live context; `a` spans its `n x n` elements, writable;
/// `info` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn $trtri(
    ctx: *const oxpar_context,
    uplo: i32,
    diag: i32,
    n: usize,
    a: *mut $t,
    rsa: isize,
    csa: isize,
    info: *mut i64,
) -> oxpar_status {
    // SAFETY: the caller's contract, forwarded.
    call("$trtri", || unsafe { trtri::<$t>(ctx, uplo, diag, n, a, rsa, csa, info) })
}

/// The determinant of the `n x n` matrix `a` ($words) into `*det`, by LU with partial pivoting (NumPy's `det`).
///
/// `a` is only read (a private copy is factored). A singular matrix is
/// no error: its determinant is 0. The determinant of a `0 x 0` matrix
/// is 1. For large matrices, whose determinant over- or underflows, use
/// `$slogdet`.
///
/// Errors: `OXPAR_STATUS_NULL_POINTER` (`ctx`, `det`, or `a` of a
/// non-empty matrix), `OXPAR_STATUS_INVALID_STRIDE`,
/// `OXPAR_STATUS_UNSUPPORTED` on MPI; `*det` is written only on success.
///
/// # Safety
/// `ctx` is a live context; `a` spans its `n x n` elements (read); `det`
/// is writable.
#[no_mangle]
pub unsafe extern "C" fn $det(
    ctx: *const oxpar_context,
    n: usize,
    a: *const $t,
    rsa: isize,
    csa: isize,
    det: *mut $t,
) -> oxpar_status {
    // SAFETY: the caller's contract, forwarded.
    call("$det", || unsafe { determinant::<$t>(ctx, n, a, rsa, csa, det) })
}

/// The sign and the logarithm of the absolute value of the determinant of the `n x n` matrix `a` ($words), NumPy's `slogdet`.
///
/// `det = *sign * exp(*logabs)`, computed without over- or underflow.
/// For a real type `*sign` is 1, -1, or 0 for a singular matrix; for a
/// complex type it is the determinant's phase (modulus 1), or 0 for a
/// singular matrix. A singular matrix gives `*logabs = -INFINITY` and no
/// error. `a` is only read (a private copy is factored).
///
/// Errors: `OXPAR_STATUS_NULL_POINTER` (`ctx`, `sign`, `logabs`, or `a`
/// of a non-empty matrix), `OXPAR_STATUS_INVALID_STRIDE`,
/// `OXPAR_STATUS_UNSUPPORTED` on MPI; the outputs are written only on
/// success.
///
/// # Safety
/// `ctx` is a live context; `a` spans its `n x n` elements (read); `sign`
/// and `logabs` are writable.
#[no_mangle]
pub unsafe extern "C" fn $slogdet(
    ctx: *const oxpar_context,
    n: usize,
    a: *const $t,
    rsa: isize,
    csa: isize,
    sign: *mut $t,
    logabs: *mut $real,
) -> oxpar_status {
    // SAFETY: the caller's contract, forwarded.
    call("$slogdet", || unsafe { slogdet::<$t>(ctx, n, a, rsa, csa, sign, logabs) })
}
"#;

/// The batches of one element type (placeholders as in [`TEMPLATE`]).
const BATCH_TEMPLATE: &str = r#"
/// Solves the `count` systems `A_k*X_k = B_k` ($words) of a batch, each by LU with partial pivoting; LAPACK's `gesv` on each, NumPy's stacked `solve`.
///
/// Matrix `k` of a batch starts `k*bs` elements after element (0, 0)
/// of matrix 0, given by `a` (`b`), and has element strides `rs`, `cs`;
/// all three strides are non-negative (a C-order stack `(count, n, n)`
/// is `rs = n, cs = 1, bs = n*n`). Each `A_k` (`n x n`) is overwritten
/// by its LU factors, each `B_k` (`n x nrhs`) by `X_k`, and
/// `ipiv[k*n .. k*n + n]` (`count*n` elements) by system `k`'s 1-based
/// pivots. `a`, `b` and `ipiv` must lie in disjoint address ranges.
///
/// A singular system does not stop the others: all are computed, and
/// the status is `OXPAR_STATUS_SINGULAR` for the lowest failing index.
/// `info` (may be NULL) receives 0 on success, else that system's
/// LAPACK `info` (the 1-based column of the zero pivot);
/// `failed_index` (may be NULL) receives -1 on success, else that
/// system's 0-based index. A failing system keeps its LU factors and
/// pivots, and its `B_k` is unchanged, as `$gesv` leaves them.
///
/// Errors: `OXPAR_STATUS_NULL_POINTER`, `OXPAR_STATUS_INVALID_STRIDE`
/// (a negative stride, or a batch whose elements overlap),
/// `OXPAR_STATUS_INVALID_ARGUMENT` (overlapping operands, misaligned
/// pointers), `OXPAR_STATUS_SINGULAR`, `OXPAR_STATUS_UNSUPPORTED` on
/// MPI. Argument errors leave `info` and `failed_index` alone.
///
/// # Safety
/// `ctx` is a live context; `a` and `b` span the elements of their
/// batches, writable; `ipiv` holds `count*n` writable elements; `info`
/// and `failed_index` are NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn $gesv_batch(
    ctx: *const oxpar_context,
    count: usize,
    n: usize,
    nrhs: usize,
    a: *mut $t,
    rsa: isize,
    csa: isize,
    bsa: isize,
    ipiv: *mut i64,
    b: *mut $t,
    rsb: isize,
    csb: isize,
    bsb: isize,
    info: *mut i64,
    failed_index: *mut i64,
) -> oxpar_status {
    // SAFETY: the caller's contract, forwarded.
    call("$gesv_batch", || unsafe {
        gesv_batch::<$t>(
            ctx,
            count,
            n,
            nrhs,
            a,
            [rsa, csa, bsa],
            ipiv,
            b,
            [rsb, csb, bsb],
            info,
            failed_index,
        )
    })
}

/// Overwrites each of the `count` `n x n` matrices of a batch ($words) by its inverse (NumPy's stacked `inv`).
///
/// The batch is given as in `$gesv_batch`. A singular matrix does not
/// stop the others; the status is `OXPAR_STATUS_SINGULAR`, `info` and
/// `failed_index` (each may be NULL) are set as in `$gesv_batch`, and
/// the failing matrix holds its LU factors.
///
/// Errors: as `$gesv_batch`.
///
/// # Safety
/// `ctx` is a live context; `a` spans the elements of its batch,
/// writable; `info` and `failed_index` are NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn $inv_batch(
    ctx: *const oxpar_context,
    count: usize,
    n: usize,
    a: *mut $t,
    rsa: isize,
    csa: isize,
    bsa: isize,
    info: *mut i64,
    failed_index: *mut i64,
) -> oxpar_status {
    // SAFETY: the caller's contract, forwarded.
    call("$inv_batch", || unsafe {
        inv_batch::<$t>(ctx, count, n, a, [rsa, csa, bsa], info, failed_index)
    })
}

/// Cholesky factorization of each of the `count` Hermitian (symmetric) positive definite `n x n` matrices of a batch ($words), in place; `$potrf` on each.
///
/// The batch is given as in `$gesv_batch`; `uplo` as in `$potrf`. A
/// matrix that is not positive definite does not stop the others; the
/// status is `OXPAR_STATUS_NOT_POSITIVE_DEFINITE`, `info` receives the
/// order of its failing leading minor and `failed_index` its 0-based
/// index (each may be NULL; 0 and -1 on success).
///
/// Errors: as `$gesv_batch`, with `OXPAR_STATUS_NOT_POSITIVE_DEFINITE`
/// for `OXPAR_STATUS_SINGULAR`, plus `OXPAR_STATUS_INVALID_ARGUMENT`
/// for an unknown `uplo`.
///
/// # Safety
/// `ctx` is a live context; `a` spans the elements of its batch,
/// writable; `info` and `failed_index` are NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn $potrf_batch(
    ctx: *const oxpar_context,
    uplo: i32,
    count: usize,
    n: usize,
    a: *mut $t,
    rsa: isize,
    csa: isize,
    bsa: isize,
    info: *mut i64,
    failed_index: *mut i64,
) -> oxpar_status {
    // SAFETY: the caller's contract, forwarded.
    call("$potrf_batch", || unsafe {
        potrf_batch::<$t>(ctx, uplo, count, n, a, [rsa, csa, bsa], info, failed_index)
    })
}

/// The determinant of each of the `count` `n x n` matrices of a batch ($words) into `dets[k]` (NumPy's stacked `det`).
///
/// The batch is given as in `$gesv_batch` and only read; `dets` holds
/// `count` elements, apart from `a`. A singular matrix has determinant
/// 0, no error.
///
/// Errors: `OXPAR_STATUS_NULL_POINTER`, `OXPAR_STATUS_INVALID_STRIDE`
/// (a negative stride), `OXPAR_STATUS_INVALID_ARGUMENT` (`dets`
/// overlapping `a`, misaligned pointers), `OXPAR_STATUS_UNSUPPORTED`
/// on MPI.
///
/// # Safety
/// `ctx` is a live context; `a` spans the elements of its batch
/// (read); `dets` holds `count` writable elements.
#[no_mangle]
pub unsafe extern "C" fn $det_batch(
    ctx: *const oxpar_context,
    count: usize,
    n: usize,
    a: *const $t,
    rsa: isize,
    csa: isize,
    bsa: isize,
    dets: *mut $t,
) -> oxpar_status {
    // SAFETY: the caller's contract, forwarded.
    call("$det_batch", || unsafe {
        det_batch::<$t>(ctx, count, n, a, [rsa, csa, bsa], dets)
    })
}

/// `$slogdet` of each of the `count` `n x n` matrices of a batch ($words) into `signs[k]` and `logdets[k]` (NumPy's stacked `slogdet`).
///
/// The batch is given as in `$gesv_batch` and only read; `signs` and
/// `logdets` hold `count` elements each, apart from each other and from
/// `a`. A singular matrix gives `(0, -INFINITY)`, no error.
///
/// Errors: as `$det_batch`.
///
/// # Safety
/// `ctx` is a live context; `a` spans the elements of its batch
/// (read); `signs` and `logdets` hold `count` writable elements each.
#[no_mangle]
pub unsafe extern "C" fn $slogdet_batch(
    ctx: *const oxpar_context,
    count: usize,
    n: usize,
    a: *const $t,
    rsa: isize,
    csa: isize,
    bsa: isize,
    signs: *mut $t,
    logdets: *mut $real,
) -> oxpar_status {
    // SAFETY: the caller's contract, forwarded.
    call("$slogdet_batch", || unsafe {
        slogdet_batch::<$t>(ctx, count, n, a, [rsa, csa, bsa], signs, logdets)
    })
}
"#;

/// QR and least squares of one element type (placeholders as in
/// [`TEMPLATE`], plus `$geqrf`, `$ormqr`, `$orgqr`, `$gels` (the C names,
/// `unmqr`/`ungqr` for the complex types), `$qtrans` and `$gtrans` (the
/// documentation of the transposes offered)).
const QR_TEMPLATE: &str = r#"
/// Householder QR factorization `A = Q*R` of the `m x n` matrix `a` ($words), in place; LAPACK's `geqrf`.
///
/// `R` (`min(m, n) x n`, upper trapezoidal) overwrites `a` on and above
/// the diagonal; the Householder vectors lie below it (their unit first
/// element not stored) and `tau` (`min(m, n)` elements) receives their
/// scalar factors: `Q = H(1)*H(2)*...*H(k)`, `H(i) = I - tau[i-1]*v_i*v_i^H`,
/// as in LAPACK. `$ormqr` applies `Q`, `$orgqr` forms it. No workspace
/// argument: the library allocates (a copy of a `32`-column panel and a
/// `32 x 32` block reflector). Never a numerical failure (a zero column
/// gives `tau = 0`).
///
/// Errors: `OXPAR_STATUS_NULL_POINTER` (`ctx`, or `a`/`tau` of a non-empty
/// matrix), `OXPAR_STATUS_INVALID_STRIDE` (strides that make two elements
/// of `a` share an address), `OXPAR_STATUS_INVALID_ARGUMENT` (`tau`
/// overlapping `a` or misaligned), `OXPAR_STATUS_UNSUPPORTED` on an MPI
/// context (no distributed QR yet).
///
/// # Safety
/// `ctx` is a live context; `a` spans the `m x n` elements its strides
/// describe, writable; `tau` holds `min(m, n)` writable elements.
#[no_mangle]
pub unsafe extern "C" fn $geqrf(
    ctx: *const oxpar_context,
    m: usize,
    n: usize,
    a: *mut $t,
    rsa: isize,
    csa: isize,
    tau: *mut $t,
) -> oxpar_status {
    // SAFETY: the caller's contract, forwarded.
    call("$geqrf", || unsafe { geqrf::<$t>(ctx, m, n, a, rsa, csa, tau) })
}

/// Overwrites the `m x n` matrix `c` ($words) by `op(Q)*C` or `C*op(Q)`, `Q` given by the `k` reflectors from `$geqrf`; LAPACK's `$ormqr`.
///
/// `side`: `OXPAR_SIDE_LEFT` (`op(Q)*C`, `Q` is `m x m`) or
/// `OXPAR_SIDE_RIGHT` (`C*op(Q)`, `Q` is `n x n`). `trans`: $qtrans.
/// `a` is the `nq x k` matrix (`nq = m` on the left, `n` on the right,
/// `k <= nq`) whose columns below the diagonal hold the reflectors, `tau`
/// their `k` scalar factors, both as `$geqrf` wrote them (the first `k`
/// columns of its output); they are only read, and may share memory with
/// `c` (the library then copies them first). No workspace argument.
///
/// Errors: `OXPAR_STATUS_NULL_POINTER`, `OXPAR_STATUS_INVALID_STRIDE`
/// (for `c`), `OXPAR_STATUS_INVALID_ARGUMENT` (an unknown `side` or
/// `trans`, `k > nq`, a misaligned `tau`), `OXPAR_STATUS_UNSUPPORTED` on
/// MPI.
///
/// # Safety
/// `ctx` is a live context; `a` spans its `nq x k` elements (read); `tau`
/// holds `k` readable elements; `c` spans its `m x n` elements, writable.
#[no_mangle]
pub unsafe extern "C" fn $ormqr(
    ctx: *const oxpar_context,
    side: i32,
    trans: i32,
    m: usize,
    n: usize,
    k: usize,
    a: *const $t,
    rsa: isize,
    csa: isize,
    tau: *const $t,
    c: *mut $t,
    rsc: isize,
    csc: isize,
) -> oxpar_status {
    // SAFETY: the caller's contract, forwarded.
    call("$ormqr", || unsafe {
        ormqr::<$t>(ctx, side, trans, m, n, k, a, rsa, csa, tau, c, rsc, csc)
    })
}

/// Overwrites the `m x n` matrix `a` ($words), whose first `k` columns hold reflectors from `$geqrf`, by the first `n` columns of their `Q`; LAPACK's `$orgqr`.
///
/// `k <= n <= m`, as in LAPACK: with `n = k = min(m, n0)` after
/// `$geqrf` of an `m x n0` matrix this is the thin (economic) `Q`; for
/// the full `m x m` `Q` of `k` reflectors, copy them into the first `k`
/// columns of an `m x m` array and call with `n = m`. The columns of
/// `Q` are orthonormal. `tau` holds the `k` scalar factors and may
/// share memory with `a` (it is read first). No workspace argument: the
/// library allocates an `m x k` copy of the reflectors.
///
/// Errors: `OXPAR_STATUS_NULL_POINTER`, `OXPAR_STATUS_INVALID_STRIDE`,
/// `OXPAR_STATUS_INVALID_ARGUMENT` (`n > m`, `k > n`, a misaligned
/// `tau`), `OXPAR_STATUS_UNSUPPORTED` on MPI.
///
/// # Safety
/// `ctx` is a live context; `a` spans its `m x n` elements, writable;
/// `tau` holds `k` readable elements.
#[no_mangle]
pub unsafe extern "C" fn $orgqr(
    ctx: *const oxpar_context,
    m: usize,
    n: usize,
    k: usize,
    a: *mut $t,
    rsa: isize,
    csa: isize,
    tau: *const $t,
) -> oxpar_status {
    // SAFETY: the caller's contract, forwarded.
    call("$orgqr", || unsafe { orgqr::<$t>(ctx, m, n, k, a, rsa, csa, tau) })
}

/// Least squares by QR for the full-rank `m x n` matrix `a` ($words), `m >= n`; LAPACK's `gels`.
///
/// `trans` `OXPAR_TRANS_NO`: `X` minimizes `||A*X - B||_2`; `b` is
/// `m x nrhs`, its first `n` rows receive `X` and rows `n..m` the
/// residual's coordinates (the sum of their squares is the residual's
/// squared norm), as LAPACK leaves them. $gtrans for `trans` gives the
/// minimum-norm solution of the underdetermined `A^H*X = B`: `B` in the
/// first `n` rows of `b`, `X` (`m x nrhs`) in all of it. `a` is
/// overwritten by its QR factorization (as `$geqrf`, `tau` not
/// returned). `m < n` is `OXPAR_STATUS_UNSUPPORTED` (not there yet).
/// No workspace argument: the library allocates `n` scalars besides
/// `$geqrf`'s.
///
/// `info` may be NULL; otherwise it receives 0 on success, or on
/// `OXPAR_STATUS_SINGULAR` the 1-based index `i` of an exactly zero
/// `R(i, i)` (`A` is rank deficient, LAPACK's `info`), after which `a`
/// holds the factorization and `b` is unchanged. A nearly rank-deficient
/// `A` is not detected (an inaccurate solution, as in LAPACK).
///
/// Errors: `OXPAR_STATUS_NULL_POINTER`, `OXPAR_STATUS_INVALID_STRIDE`,
/// `OXPAR_STATUS_INVALID_ARGUMENT` (an unknown `trans`, `b` sharing
/// elements with `a`), `OXPAR_STATUS_SINGULAR`,
/// `OXPAR_STATUS_UNSUPPORTED` (`m < n`; an MPI context).
///
/// # Safety
/// `ctx` is a live context; `a` spans its `m x n` elements and `b` its
/// `m x nrhs` elements, writable; `info` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn $gels(
    ctx: *const oxpar_context,
    trans: i32,
    m: usize,
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
    call("$gels", || unsafe {
        gels::<$t>(ctx, trans, m, n, nrhs, a, rsa, csa, b, rsb, csb, info)
    })
}
"#;

/// The QR shells of element type `letter`: `$ormqr` and `$orgqr` are
/// `unmqr` and `ungqr` for the complex types, as in LAPACK.
fn qr_shells(letter: char, rust: &str, real: &str, words: &str) -> String {
    let complex = matches!(letter, 'c' | 'z');
    let (apply, form, qtrans) = if complex {
        (
            "unmqr",
            "ungqr",
            "`OXPAR_TRANS_NO` or `OXPAR_TRANS_CONJ` (`Q^H`; `OXPAR_TRANS_YES` is an invalid argument, as LAPACK's `unmqr`)",
        )
    } else {
        (
            "ormqr",
            "orgqr",
            "`OXPAR_TRANS_NO` or `OXPAR_TRANS_YES` (`Q^T`; `OXPAR_TRANS_CONJ` is the same)",
        )
    };
    let mut text = QR_TEMPLATE.to_string();
    for (placeholder, name) in [
        ("geqrf", "geqrf"),
        ("ormqr", apply),
        ("orgqr", form),
        ("gels", "gels"),
    ] {
        text = text.replace(
            &format!("LAPACK's `${placeholder}`"),
            &format!("LAPACK's `{name}`"),
        );
        text = name_routine(&text, placeholder, letter, name);
    }
    let gtrans = if complex {
        "`OXPAR_TRANS_CONJ` (`OXPAR_TRANS_YES` is an invalid argument)"
    } else {
        "`OXPAR_TRANS_YES` (or `OXPAR_TRANS_CONJ`, the same)"
    };
    let text = text.replace("$qtrans", qtrans).replace("$gtrans", gtrans);
    fill_types(&text, rust, real, words, "the QR template")
}

/// The SVD routines (`?gesvd`, `?gelss`) of one element type (placeholders
/// as in [`TEMPLATE`]); they call their helpers by path.
const SVD_TEMPLATE: &str = r#"
/// The singular value decomposition `A = U * diag(s) * V^H` of the `m x n` matrix `a` ($words); LAPACK's `gesvd`.
///
/// `s` (`min(m, n)` reals) receives the singular values, descending.
/// `jobu`: `'A'` all `m` columns of `U` into the `m x m` matrix `u`,
/// `'S'` the leading `min(m, n)` into the `m x min(m, n)` matrix `u`,
/// `'N'` none (`u` is not referenced and may be NULL); `jobvt` likewise
/// for the rows of `V^H` in `vt` (`n x n` or `min(m, n) x n`). Either
/// case; `'O'` (overwrite `a`) is refused. `a` is destroyed. No
/// workspace argument: the library allocates copies of `a`, `U` and `V`.
///
/// NaN or Inf in `a` is `OXPAR_STATUS_INVALID_ARGUMENT` (nothing
/// written). `info` may be NULL; otherwise it receives 0 on success, or
/// on `OXPAR_STATUS_NO_CONVERGENCE` LAPACK's count of superdiagonals of
/// the bidiagonal form that did not converge to zero; then `s` holds the
/// diagonal of the partly reduced bidiagonal (unsorted) and `u`, `vt`
/// are not written.
///
/// Errors: `OXPAR_STATUS_NULL_POINTER`, `OXPAR_STATUS_INVALID_STRIDE`,
/// `OXPAR_STATUS_INVALID_ARGUMENT` (an unknown job, `'O'`, NaN or Inf,
/// outputs that share elements), `OXPAR_STATUS_NO_CONVERGENCE`,
/// `OXPAR_STATUS_UNSUPPORTED` on MPI.
///
/// # Safety
/// `ctx` is a live context; `a` spans its `m x n` elements, writable;
/// `s` holds `min(m, n)` writable elements; `u` and `vt` (unless their
/// job is `'N'`) span their elements, writable; `info` is NULL or
/// writable.
#[no_mangle]
pub unsafe extern "C" fn $gesvd(
    ctx: *const oxpar_context,
    jobu: core::ffi::c_char,
    jobvt: core::ffi::c_char,
    m: usize,
    n: usize,
    a: *mut $t,
    rsa: isize,
    csa: isize,
    s: *mut $real,
    u: *mut $t,
    rsu: isize,
    csu: isize,
    vt: *mut $t,
    rsvt: isize,
    csvt: isize,
    info: *mut i64,
) -> oxpar_status {
    // SAFETY: the caller's contract, forwarded.
    call("$gesvd", || unsafe {
        super::svd::gesvd::<$t>(ctx, jobu, jobvt, m, n, a, [rsa, csa], s, u, [rsu, csu], vt, [rsvt, csvt], info)
    })
}

/// The minimum-norm least-squares solution of `min ||A*X - B||_2` ($words) by the SVD, for any `m x n` matrix `a`, rank-deficient too; LAPACK's `gelss`.
///
/// `b` is `max(m, n) x nrhs`: its first `m` rows hold `B` on entry, its
/// first `n` rows `X` on return (rows `n..m` are left as they were).
/// Singular values at most `rcond * s[0]` count as zero; a negative
/// `rcond` means machine epsilon (as LAPACK). `s` (`min(m, n)` reals)
/// receives the singular values, `*rank` (may be NULL) the effective
/// rank. `a` is destroyed.
///
/// `info` as in `$gesvd` (`b` is then not written).
///
/// Errors: as `$gesvd`, and `OXPAR_STATUS_INVALID_ARGUMENT` for a NaN
/// `rcond` or outputs that share elements.
///
/// # Safety
/// `ctx` is a live context; `a` spans its `m x n` elements and `b` its
/// `max(m, n) x nrhs` elements, writable; `s` holds `min(m, n)` writable
/// elements; `rank` and `info` are NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn $gelss(
    ctx: *const oxpar_context,
    m: usize,
    n: usize,
    nrhs: usize,
    a: *mut $t,
    rsa: isize,
    csa: isize,
    b: *mut $t,
    rsb: isize,
    csb: isize,
    rcond: $real,
    s: *mut $real,
    rank: *mut i64,
    info: *mut i64,
) -> oxpar_status {
    // SAFETY: the caller's contract, forwarded.
    call("$gelss", || unsafe {
        super::svd::gelss::<$t>(ctx, m, n, nrhs, a, [rsa, csa], b, [rsb, csb], rcond, s, rank, info)
    })
}
"#;

/// The names of the SVD routines, which also have Fortran twins.
pub const SVD_NAMES: [&str; 2] = ["gesvd", "gelss"];

/// The module's text (before rustfmt).
pub fn module() -> String {
    let mut s = String::from(
        "//! Generated by `make gen` (xtask/src/lapack_gen.rs). Do not edit.\n\n\
         use super::{\n\
             det_batch, determinant, gesv, gesv_batch, getrf, getri, getrs, inv_batch, posv, potrf, potrf_batch,\n\
             potri, potrs, slogdet, slogdet_batch, trtri,\n\
         };\n\
         use super::{gels, geqrf, orgqr, ormqr};\n\
         use crate::boundary::call;\n\
         use crate::context::oxpar_context;\n\
         use crate::status::oxpar_status;\n\
         use crate::{oxpar_c32, oxpar_c64};\n",
    );
    for (letter, rust, real, words) in TYPES {
        let mut text = [TEMPLATE, INVERSE_TEMPLATE, BATCH_TEMPLATE].concat();
        for name in NAMES.iter().chain(&MORE_NAMES) {
            text = name_routine(&text, name, letter, name);
        }
        text.push_str(&eigh_template(letter));
        s.push_str(&fill_types(&text, rust, real, words, "the template"));
        s.push_str(&qr_shells(letter, rust, real, words));
    }
    for (letter, rust, real, words) in TYPES {
        let mut text = SVD_TEMPLATE.to_string();
        for name in SVD_NAMES {
            text = name_routine(&text, name, letter, name);
        }
        s.push_str(&fill_types(&text, rust, real, words, "the SVD template"));
    }
    s
}

/// `text` with the routine placeholder `$placeholder` (as a call
/// `$placeholder(`, a quoted name and a code span) named
/// `oxpar_<letter><name>`. Names go first: `$trtri` would otherwise lose
/// its `$t` to the element type.
fn name_routine(text: &str, placeholder: &str, letter: char, name: &str) -> String {
    text.replace(
        &format!("${placeholder}("),
        &format!("oxpar_{letter}{name}("),
    )
    .replace(
        &format!("\"${placeholder}\""),
        &format!("\"oxpar_{letter}{name}\""),
    )
    .replace(
        &format!("`${placeholder}`"),
        &format!("`oxpar_{letter}{name}`"),
    )
}

/// `text` with the element placeholders (`$real`, `$t`, `$words`) filled;
/// panics naming `what` if any placeholder is left.
fn fill_types(text: &str, rust: &str, real: &str, words: &str, what: &str) -> String {
    let text = text
        .replace("$real", real)
        .replace("$t", rust)
        .replace("$words", words);
    assert!(!text.contains('$'), "an unknown placeholder in {what}");
    text
}

// The symmetric/Hermitian eigenproblem.

/// The eigenproblem's shells (`$syev` is `?syev` for real types, `?heev`
/// for complex ones), over `crate::lapack::eigh`.
const EIGH_TEMPLATE: &str = r#"
/// The eigenvalues, and optionally the eigenvectors, of the symmetric (Hermitian) `n x n` matrix `a` ($words); LAPACK's `$lapack`.
///
/// `jobz` is `'N'` (eigenvalues only) or `'V'` (values and vectors);
/// `uplo` (`OXPAR_UPLO_UPPER` or `OXPAR_UPLO_LOWER`) names the triangle
/// of `a` that is read (the other one is not; the imaginary parts of a
/// complex diagonal are ignored). `w` (`n` elements) receives the
/// eigenvalues in ascending order; with `'V'` the orthonormal
/// eigenvectors overwrite `a`, column `k` for `w[k]`; with `'N'` the
/// contents of `a` afterwards are unspecified. `a` is given by a pointer
/// to its element (0, 0) and its element strides (`rsa`, `csa`;
/// column-major: `1, lda`). The library allocates its workspace (two
/// `n x n` matrices): there is no workspace query.
///
/// `info` may be NULL; otherwise it receives 0 on success, or on
/// `OXPAR_STATUS_NO_CONVERGENCE` (the QL/QR iteration needed more than
/// `30 n` sweeps) the number of off-diagonal elements of the tridiagonal
/// form that did not converge, as LAPACK; `w` and (with `'V'`) `a` then
/// hold the approximations reached.
///
/// Errors: `OXPAR_STATUS_NULL_POINTER` (`ctx`, or `a`/`w` of a non-empty
/// matrix), `OXPAR_STATUS_INVALID_STRIDE`, `OXPAR_STATUS_INVALID_ARGUMENT`
/// (an unknown `jobz` or `uplo`, `w` overlapping `a` or misaligned, a NaN
/// or an infinity in the referenced triangle: then `a` and `w` are
/// untouched), `OXPAR_STATUS_NO_CONVERGENCE`, and
/// `OXPAR_STATUS_UNSUPPORTED` on an MPI context.
///
/// # Safety
/// `ctx` is a live context; `a` spans the `n x n` elements its strides
/// describe, writable; `w` holds `n` writable elements; `info` is NULL or
/// writable.
#[no_mangle]
pub unsafe extern "C" fn $syev(
    ctx: *const oxpar_context,
    jobz: std::ffi::c_char,
    uplo: i32,
    n: usize,
    a: *mut $t,
    rsa: isize,
    csa: isize,
    w: *mut $real,
    info: *mut i64,
) -> oxpar_status {
    // SAFETY: the caller's contract, forwarded.
    call("$syev", || unsafe {
        super::eigh::syev::<$t>(ctx, jobz, uplo, n, a, rsa, csa, w, info)
    })
}

/// `$syev` on each of the `count` `n x n` matrices of a batch ($words) (NumPy's stacked `eigh`/`eigvalsh`).
///
/// The batch is a pointer to matrix 0's element (0, 0), its row and
/// column strides and the batch stride `bsa` (matrix `k` starts `k*bsa`
/// elements further), all non-negative. `w` (`count * n` elements, apart
/// from `a`) receives matrix `k`'s eigenvalues at `w[k*n..]`; `jobz` and
/// `uplo` as in `$syev`. The matrices run in parallel on the context's
/// threads. A failing matrix does not stop the others: on
/// `OXPAR_STATUS_NO_CONVERGENCE` `info` receives LAPACK's `info` of the
/// first failing matrix and `failed_index` its 0-based index (each may be
/// NULL; 0 and -1 on success). A NaN or Inf in a matrix is
/// `OXPAR_STATUS_INVALID_ARGUMENT` naming its index in the message; the
/// other matrices are computed.
///
/// Errors: as `$syev`, plus `OXPAR_STATUS_INVALID_STRIDE` for a negative
/// stride and `OXPAR_STATUS_INVALID_ARGUMENT` for `w` overlapping `a`.
///
/// # Safety
/// `ctx` is a live context; `a` spans the elements of its batch,
/// writable; `w` holds `count * n` writable elements; `info` and
/// `failed_index` are NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn $syev_batch(
    ctx: *const oxpar_context,
    jobz: std::ffi::c_char,
    uplo: i32,
    count: usize,
    n: usize,
    a: *mut $t,
    rsa: isize,
    csa: isize,
    bsa: isize,
    w: *mut $real,
    info: *mut i64,
    failed_index: *mut i64,
) -> oxpar_status {
    // SAFETY: the caller's contract, forwarded.
    call("$syev_batch", || unsafe {
        super::eigh::syev_batch::<$t>(ctx, jobz, uplo, count, n, a, [rsa, csa, bsa], w, info, failed_index)
    })
}
"#;

/// [`EIGH_TEMPLATE`] with the routine names of element type `letter`
/// (the other placeholders are filled with the rest of the module).
fn eigh_template(letter: char) -> String {
    let base = if matches!(letter, 'c' | 'z') {
        "heev"
    } else {
        "syev"
    };
    EIGH_TEMPLATE
        .replace("$syev_batch", &format!("oxpar_{letter}{base}_batch"))
        .replace("$syev", &format!("oxpar_{letter}{base}"))
        .replace("$lapack", &format!("{letter}{base}"))
}
