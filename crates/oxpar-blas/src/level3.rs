//! BLAS level 3: the Fortran (`name_`) and CBLAS (`cblas_name`) entry points
//! for s and d: gemm, symm, syrk, syr2k, trmm, trsm; for c and z the same
//! plus hemm, herk and her2k.
//!
//! One generic routine per concept serves all four element types: a
//! transpose letter `C` is the conjugated view `A^H` (the plain transpose
//! for reals), hemm is symm with a flag, herk and her2k are syrk and syr2k
//! with a flag (real `beta`, and real `alpha` for herk, passed as complex
//! values with a zero imaginary part; the diagonal of `C` comes out real on
//! every path that touches `C`, the scaling-only ones included, as the
//! reference's). The valid trans letters differ: `N`, `T`, `C` for the real
//! syrk and syr2k, `N`, `T` for the complex ones, `N`, `C` for herk and
//! her2k.
//!
//! The Fortran routines check their arguments in the reference's order
//! (reference BLAS 3.11), report the first invalid one to `xerbla_` and
//! return; they take the reference's quick returns, and with `alpha == 0`
//! they read neither `A` nor `B`. With `beta == 0` the output is set without
//! being read (NaN in it does not come out).
//!
//! The CBLAS routines are netlib's wrappers: a row-major call becomes the
//! column-major call on the transposed problem (gemm swaps `A` and `B` and
//! `m` and `n`; symm, trmm and trsm flip side and uplo and swap `m` and `n`;
//! syrk and syr2k flip uplo and trans; herk and her2k flip uplo and turn
//! `N` into `C` and `T`/`C` into `N`, and her2k conjugates `alpha`, since
//! the stored `C` is the conjugate). Complex scalars are passed by address
//! except herk's real `alpha`/`beta` and her2k's real `beta`, as netlib's
//! prototypes. Invalid enumerations are reported to
//! `cblas_xerbla` at netlib's positions (a bad layout is argument 1); every
//! other error is found by the Fortran-level checks on the mapped arguments,
//! which report to `xerbla_`.
//!
//! Every routine is argument translation only: after the checks and quick
//! returns, the arrays become oxpar views (a transposed operand is the view
//! `A^T`, whose stored triangle is the other one) and the routine is one call
//! to the threads backend's trait method (see [`crate::threads::backend`]),
//! whose blocked, parallel algorithms live in oxpar-threads and
//! oxpar-kernels.
//!
//! Rounding differs from the reference's loops (other summation orders,
//! fused multiply-adds), and the reference's skipping of multiplications by
//! zero elements (in trmm, trsm, syrk and syr2k) is not reproduced: results
//! differ from it only where an operand holds infinities or NaNs.

use std::ffi::{c_char, c_int};

use oxpar_core::Element;
use oxpar_threads::ThreadsBackend;

use crate::args::{
    int, letter, scalar, CBLAS_COL_MAJOR, CBLAS_CONJ_TRANS, CBLAS_LEFT, CBLAS_LOWER,
    CBLAS_NON_UNIT, CBLAS_NO_TRANS, CBLAS_RIGHT, CBLAS_ROW_MAJOR, CBLAS_TRANS, CBLAS_UNIT,
    CBLAS_UPPER,
};
use crate::xerbla::{report, report_cblas};

use oxpar_core::blocked::{fill, fill_scaled, lower_view, scale_lower};
use oxpar_core::{Complex32, Complex64, Diag, Level3, MatMut, MatRef, Side, Uplo};

/// The reference's name of routine `base` for element type `T` (`"DGEMM"`).
fn fortran_name<T: Element>(base: &str) -> String {
    format!("{}{base}", T::BLAS_PREFIX.to_ascii_uppercase())
}

/// The CBLAS name of routine `base` for element type `T` (`"cblas_dgemm"`).
fn cblas_name<T: Element>(base: &str) -> String {
    format!("cblas_{}{base}", T::BLAS_PREFIX)
}

/// `max(1, n)`, as the reference's leading-dimension checks use it.
fn at_least_one(n: i32) -> i32 {
    n.max(1)
}

/// A Fortran-convention size that the checks have found non-negative.
fn size(n: i32) -> usize {
    usize::try_from(n).unwrap_or(0)
}

/// The column-major (Fortran) matrix `A(i, j) = p[i + j*ld]`.
///
/// # Safety
/// `p` addresses the `rows x cols` elements the reference would, with `ld`
/// checked (`ld >= max(1, rows)`), and nobody writes them while the view
/// lives.
unsafe fn mat<'a, T: Element>(p: *const T, rows: i32, cols: i32, ld: i32) -> MatRef<'a, T> {
    // SAFETY: the caller's contract; a checked leading dimension keeps the
    // elements of distinct (i, j) apart.
    unsafe { MatRef::from_raw_unchecked(p, size(rows), size(cols), 1, size(ld) as isize) }
}

/// As [`mat`], writable.
///
/// # Safety
/// As [`mat`], and nobody else reads or writes the elements while the view
/// lives.
unsafe fn mat_mut<'a, T: Element>(p: *mut T, rows: i32, cols: i32, ld: i32) -> MatMut<'a, T> {
    // SAFETY: as in mat.
    unsafe { MatMut::from_raw_unchecked(p, size(rows), size(cols), 1, size(ld) as isize) }
}

/// The backend's result for arguments the checks accepted: shapes agree by
/// construction, so an error here is a bug (BLAS has no status to return).
fn done(r: oxpar_core::Result<()>) {
    debug_assert!(r.is_ok(), "level-3 shapes agree by construction: {r:?}");
}

/// `op(A)` for a checked transpose letter: `A` (`N`), the view `A^T` (`T`)
/// or the view `A^H` (`C`, which is `A^T` for real elements).
fn op<T: Element>(trans: u8, a: MatRef<'_, T>) -> MatRef<'_, T> {
    match trans {
        b'N' => a,
        b'C' => a.h(),
        _ => a.t(),
    }
}

/// The BLAS uplo letter `U` or `L` (already checked).
fn uplo_of(upper: bool) -> Uplo {
    if upper {
        Uplo::Upper
    } else {
        Uplo::Lower
    }
}

// ---------------------------------------------------------------------------
// The routines, on plain values (character arguments already upper-cased).
// ---------------------------------------------------------------------------

/// gemm: `C := alpha*op(A)*op(B) + beta*C`.
///
/// # Safety
/// The arrays hold the elements the reference routine would address.
#[allow(clippy::too_many_arguments)]
unsafe fn gemm<T: Element>(
    transa: u8,
    transb: u8,
    m: i32,
    n: i32,
    k: i32,
    alpha: T,
    a: *const T,
    lda: i32,
    b: *const T,
    ldb: i32,
    beta: T,
    c: *mut T,
    ldc: i32,
) where
    ThreadsBackend: Level3<T>,
{
    let nota = transa == b'N';
    let notb = transb == b'N';
    let (nrowa, ncola) = if nota { (m, k) } else { (k, m) };
    let (nrowb, ncolb) = if notb { (k, n) } else { (n, k) };
    let info = if !nota && transa != b'C' && transa != b'T' {
        1
    } else if !notb && transb != b'C' && transb != b'T' {
        2
    } else if m < 0 {
        3
    } else if n < 0 {
        4
    } else if k < 0 {
        5
    } else if lda < at_least_one(nrowa) {
        8
    } else if ldb < at_least_one(nrowb) {
        10
    } else if ldc < at_least_one(m) {
        13
    } else {
        0
    };
    if info != 0 {
        report(&fortran_name::<T>("GEMM"), info);
        return;
    }
    if m == 0 || n == 0 || ((alpha == T::ZERO || k == 0) && beta == T::ONE) {
        return;
    }
    // SAFETY: C is m x n with ldc >= m (checked), and the output.
    let cm = unsafe { mat_mut(c, m, n, ldc) };
    if alpha == T::ZERO || k == 0 {
        // A and B are not read.
        fill_scaled(beta, cm);
        return;
    }
    // SAFETY: the arrays hold what the reference addresses (caller's
    // contract) and the leading dimensions were checked.
    let (am, bm) = unsafe { (mat(a, nrowa, ncola, lda), mat(b, nrowb, ncolb, ldb)) };
    let opa = op(transa, am);
    let opb = op(transb, bm);
    done(Level3::gemm(
        crate::threads::backend(),
        alpha,
        opa,
        opb,
        beta,
        cm,
    ));
}

/// symm (`herm == false`): `C := alpha*A*B + beta*C` (side `L`) or
/// `alpha*B*A + beta*C` (side `R`), `A` symmetric with its `uplo` triangle
/// stored; hemm (`herm == true`): the same with `A` Hermitian (the
/// imaginary parts of its diagonal are not read).
///
/// # Safety
/// As [`gemm`].
#[allow(clippy::too_many_arguments)]
unsafe fn symm<T: Element>(
    herm: bool,
    side: u8,
    uplo: u8,
    m: i32,
    n: i32,
    alpha: T,
    a: *const T,
    lda: i32,
    b: *const T,
    ldb: i32,
    beta: T,
    c: *mut T,
    ldc: i32,
) where
    ThreadsBackend: Level3<T>,
{
    let lside = side == b'L';
    let nrowa = if lside { m } else { n };
    let upper = uplo == b'U';
    let info = if !lside && side != b'R' {
        1
    } else if !upper && uplo != b'L' {
        2
    } else if m < 0 {
        3
    } else if n < 0 {
        4
    } else if lda < at_least_one(nrowa) {
        7
    } else if ldb < at_least_one(m) {
        9
    } else if ldc < at_least_one(m) {
        12
    } else {
        0
    };
    if info != 0 {
        report(&fortran_name::<T>(if herm { "HEMM" } else { "SYMM" }), info);
        return;
    }
    if m == 0 || n == 0 || (alpha == T::ZERO && beta == T::ONE) {
        return;
    }
    // SAFETY: C is m x n with ldc >= m (checked), and the output.
    let cm = unsafe { mat_mut(c, m, n, ldc) };
    if alpha == T::ZERO {
        // A and B are not read.
        fill_scaled(beta, cm);
        return;
    }
    // SAFETY: as in gemm: checked dimensions over the caller's arrays.
    let (am, bm) = unsafe { (mat(a, nrowa, nrowa, lda), mat(b, m, n, ldb)) };
    let side = if lside { Side::Left } else { Side::Right };
    let backend = crate::threads::backend();
    done(if herm {
        backend.hemm(side, uplo_of(upper), alpha, am, bm, beta, cm)
    } else {
        backend.symm(side, uplo_of(upper), alpha, am, bm, beta, cm)
    });
}

/// syrk (`b == None`): `C := alpha*A*A^T + beta*C` (trans `N`) or
/// `alpha*A^T*A + beta*C`; syr2k (`b == Some`): `C := alpha*A*B^T +
/// alpha*B*A^T + beta*C` or `alpha*A^T*B + alpha*B^T*A + beta*C`. Only the
/// `uplo` triangle of `C` is referenced.
///
/// With `herm`, herk and her2k: `^H` for `^T`, `conj(alpha)` on the second
/// product of her2k, `beta` real (and `alpha` for herk: the callers pass
/// real values as `T`), and the diagonal of `C` comes out real, even when
/// only scaled. Valid trans letters: `N`, `T` and `C` for real syrk and
/// syr2k, `N` and `T` for complex ones, `N` and `C` for herk and her2k.
///
/// # Safety
/// As [`gemm`].
#[allow(clippy::too_many_arguments)]
unsafe fn syrk<T: Element>(
    herm: bool,
    uplo: u8,
    trans: u8,
    n: i32,
    k: i32,
    alpha: T,
    a: *const T,
    lda: i32,
    b: Option<(*const T, i32)>,
    beta: T,
    c: *mut T,
    ldc: i32,
) where
    ThreadsBackend: Level3<T>,
{
    let notrans = trans == b'N';
    let (nrowa, ncola) = if notrans { (n, k) } else { (k, n) };
    let upper = uplo == b'U';
    let info = if !upper && uplo != b'L' {
        1
    } else if !notrans && !trans_valid::<T>(herm, trans) {
        2
    } else if n < 0 {
        3
    } else if k < 0 {
        4
    } else if lda < at_least_one(nrowa) {
        7
    } else if b.is_some_and(|(_, ldb)| ldb < at_least_one(nrowa)) {
        9
    } else if ldc < at_least_one(n) {
        if b.is_some() {
            12
        } else {
            10
        }
    } else {
        0
    };
    if info != 0 {
        let name = match (herm, b.is_some()) {
            (false, false) => "SYRK",
            (false, true) => "SYR2K",
            (true, false) => "HERK",
            (true, true) => "HER2K",
        };
        report(&fortran_name::<T>(name), info);
        return;
    }
    if n == 0 || ((alpha == T::ZERO || k == 0) && beta == T::ONE) {
        return;
    }
    // SAFETY: C is n x n with ldc >= n (checked), and the output.
    let cm = unsafe { mat_mut(c, n, n, ldc) };
    let uplo = uplo_of(upper);
    if alpha == T::ZERO || k == 0 {
        // A and B are not read.
        let mut cm = cm;
        scale_lower(beta, lower_view(uplo, cm.rb_mut()));
        if herm {
            real_diagonal(cm);
        }
        return;
    }
    let opr = |p: *const T, ld: i32| {
        // SAFETY: as in gemm: checked dimensions over the caller's arrays.
        op(trans, unsafe { mat(p, nrowa, ncola, ld) })
    };
    let backend = crate::threads::backend();
    done(match (herm, b) {
        (false, None) => backend.syrk(uplo, alpha, opr(a, lda), beta, cm),
        (false, Some((b, ldb))) => backend.syr2k(uplo, alpha, opr(a, lda), opr(b, ldb), beta, cm),
        (true, None) => backend.herk(uplo, alpha.re(), opr(a, lda), beta.re(), cm),
        (true, Some((b, ldb))) => {
            backend.her2k(uplo, alpha, opr(a, lda), opr(b, ldb), beta.re(), cm)
        }
    });
}

/// Whether `trans` (not `N`) is a valid trans letter of syrk and syr2k
/// (`herm == false`) or herk and her2k, for element type `T`.
fn trans_valid<T: Element>(herm: bool, trans: u8) -> bool {
    match trans {
        b'T' => !herm,
        b'C' => herm || !T::DTYPE.is_complex(),
        _ => false,
    }
}

/// Sets the imaginary parts of the diagonal of the square `c` to zero, as
/// the reference's herk and her2k do on every path that touches `C`.
fn real_diagonal<T: Element>(mut c: MatMut<'_, T>) {
    for i in 0..c.nrows() {
        let re = c.as_ref().get(i, i).re();
        c.set(i, i, T::from_real(re));
    }
}

/// trmm (`solve == false`): `B := alpha*op(A)*B` or `alpha*B*op(A)`; trsm
/// (`solve == true`): `B := alpha*inv(op(A))*B` or `alpha*B*inv(op(A))`.
///
/// # Safety
/// As [`gemm`].
#[allow(clippy::too_many_arguments)]
unsafe fn triangular<T: Element>(
    solve: bool,
    side: u8,
    uplo: u8,
    transa: u8,
    diag: u8,
    m: i32,
    n: i32,
    alpha: T,
    a: *const T,
    lda: i32,
    b: *mut T,
    ldb: i32,
) where
    ThreadsBackend: Level3<T>,
{
    let lside = side == b'L';
    let nrowa = if lside { m } else { n };
    let nounit = diag == b'N';
    let upper = uplo == b'U';
    let info = if !lside && side != b'R' {
        1
    } else if !upper && uplo != b'L' {
        2
    } else if transa != b'N' && transa != b'T' && transa != b'C' {
        3
    } else if diag != b'U' && diag != b'N' {
        4
    } else if m < 0 {
        5
    } else if n < 0 {
        6
    } else if lda < at_least_one(nrowa) {
        9
    } else if ldb < at_least_one(m) {
        11
    } else {
        0
    };
    if info != 0 {
        report(
            &fortran_name::<T>(if solve { "TRSM" } else { "TRMM" }),
            info,
        );
        return;
    }
    if m == 0 || n == 0 {
        return;
    }
    // SAFETY: B is m x n with ldb >= m (checked), and the output.
    let bm = unsafe { mat_mut(b, m, n, ldb) };
    if alpha == T::ZERO {
        // A is not read.
        fill(T::ZERO, bm);
        return;
    }
    // SAFETY: as in gemm: checked dimensions over the caller's arrays.
    let am = unsafe { mat(a, nrowa, nrowa, lda) };
    // op(A) = A^T (A^H) is the view A^T (A^H), whose stored triangle is the
    // other one.
    let opa = op(transa, am);
    let uplo = if transa == b'N' {
        uplo_of(upper)
    } else {
        uplo_of(!upper)
    };
    let side = if lside { Side::Left } else { Side::Right };
    let diag = if nounit { Diag::NonUnit } else { Diag::Unit };
    let backend = crate::threads::backend();
    done(if solve {
        backend.trsm(side, uplo, diag, alpha, opa, bm)
    } else {
        backend.trmm(side, uplo, diag, alpha, opa, bm)
    });
}

// ---------------------------------------------------------------------------
// CBLAS: netlib's wrappers.
// ---------------------------------------------------------------------------

/// A CBLAS transpose as the Fortran character netlib passes for it.
fn trans_letter(t: c_int) -> Option<u8> {
    match t {
        CBLAS_TRANS => Some(b'T'),
        CBLAS_CONJ_TRANS => Some(b'C'),
        CBLAS_NO_TRANS => Some(b'N'),
        _ => None,
    }
}

/// A CBLAS uplo as its Fortran character, flipped for row-major calls.
fn uplo_letter(u: c_int, flip: bool) -> Option<u8> {
    match (u, flip) {
        (CBLAS_UPPER, false) | (CBLAS_LOWER, true) => Some(b'U'),
        (CBLAS_LOWER, false) | (CBLAS_UPPER, true) => Some(b'L'),
        _ => None,
    }
}

/// A CBLAS side as its Fortran character, flipped for row-major calls.
fn side_letter(s: c_int, flip: bool) -> Option<u8> {
    match (s, flip) {
        (CBLAS_LEFT, false) | (CBLAS_RIGHT, true) => Some(b'L'),
        (CBLAS_RIGHT, false) | (CBLAS_LEFT, true) => Some(b'R'),
        _ => None,
    }
}

/// A CBLAS diag as its Fortran character.
fn diag_letter(d: c_int) -> Option<u8> {
    match d {
        CBLAS_UNIT => Some(b'U'),
        CBLAS_NON_UNIT => Some(b'N'),
        _ => None,
    }
}

/// netlib's `cblas_?gemm`.
///
/// # Safety
/// As [`gemm`], for the mapped call.
#[allow(clippy::too_many_arguments)]
unsafe fn cblas_gemm<T: Element>(
    layout: c_int,
    transa: c_int,
    transb: c_int,
    m: c_int,
    n: c_int,
    k: c_int,
    alpha: T,
    a: *const T,
    lda: c_int,
    b: *const T,
    ldb: c_int,
    beta: T,
    c: *mut T,
    ldc: c_int,
) where
    ThreadsBackend: Level3<T>,
{
    let name = || cblas_name::<T>("gemm");
    match layout {
        CBLAS_COL_MAJOR => {
            let Some(ta) = trans_letter(transa) else {
                return report_cblas(2, &name());
            };
            let Some(tb) = trans_letter(transb) else {
                return report_cblas(3, &name());
            };
            // SAFETY: the caller's contract.
            unsafe { gemm(ta, tb, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc) };
        }
        CBLAS_ROW_MAJOR => {
            // C^T = op(B)^T * op(A)^T: the column-major call with A and B
            // (and m and n) swapped.
            let Some(tb) = trans_letter(transa) else {
                return report_cblas(2, &name());
            };
            // netlib 3.11 reports an invalid TransB of a row-major call as
            // argument 2 (3.12.1 changed it to 3); 3.11 is reproduced.
            let Some(ta) = trans_letter(transb) else {
                return report_cblas(2, &name());
            };
            // SAFETY: the caller's contract.
            unsafe { gemm(ta, tb, n, m, k, alpha, b, ldb, a, lda, beta, c, ldc) };
        }
        _ => report_cblas(1, &name()),
    }
}

/// netlib's `cblas_?symm`.
///
/// # Safety
/// As [`gemm`], for the mapped call.
#[allow(clippy::too_many_arguments)]
unsafe fn cblas_symm<T: Element>(
    herm: bool,
    layout: c_int,
    side: c_int,
    uplo: c_int,
    m: c_int,
    n: c_int,
    alpha: T,
    a: *const T,
    lda: c_int,
    b: *const T,
    ldb: c_int,
    beta: T,
    c: *mut T,
    ldc: c_int,
) where
    ThreadsBackend: Level3<T>,
{
    let name = || cblas_name::<T>(if herm { "hemm" } else { "symm" });
    let row = match layout {
        CBLAS_COL_MAJOR => false,
        CBLAS_ROW_MAJOR => true,
        _ => return report_cblas(1, &name()),
    };
    let Some(sd) = side_letter(side, row) else {
        return report_cblas(2, &name());
    };
    let Some(ul) = uplo_letter(uplo, row) else {
        return report_cblas(3, &name());
    };
    let (fm, fn_) = if row { (n, m) } else { (m, n) };
    // SAFETY: the caller's contract.
    unsafe { symm(herm, sd, ul, fm, fn_, alpha, a, lda, b, ldb, beta, c, ldc) };
}

/// netlib's `cblas_?syrk` (`b == None`) and `cblas_?syr2k`.
///
/// # Safety
/// As [`gemm`], for the mapped call.
#[allow(clippy::too_many_arguments)]
unsafe fn cblas_syrk<T: Element>(
    herm: bool,
    layout: c_int,
    uplo: c_int,
    trans: c_int,
    n: c_int,
    k: c_int,
    alpha: T,
    a: *const T,
    lda: c_int,
    b: Option<(*const T, c_int)>,
    beta: T,
    c: *mut T,
    ldc: c_int,
) where
    ThreadsBackend: Level3<T>,
{
    let name = || {
        cblas_name::<T>(match (herm, b.is_some()) {
            (false, false) => "syrk",
            (false, true) => "syr2k",
            (true, false) => "herk",
            (true, true) => "her2k",
        })
    };
    let mut alpha = alpha;
    let (ul, tr) = match layout {
        CBLAS_COL_MAJOR => {
            let Some(ul) = uplo_letter(uplo, false) else {
                return report_cblas(2, &name());
            };
            let Some(tr) = trans_letter(trans) else {
                return report_cblas(3, &name());
            };
            (ul, tr)
        }
        CBLAS_ROW_MAJOR => {
            // netlib 3.11 reports an invalid Uplo of a row-major call as
            // argument 3, except in cblas_?her2k (2).
            let Some(ul) = uplo_letter(uplo, true) else {
                let pos = if herm && b.is_some() { 2 } else { 3 };
                return report_cblas(pos, &name());
            };
            // The transposed problem: A*A^T becomes A^T*A on the
            // column-major arrays, A*A^H becomes A^H*A (whose stored C is
            // the conjugate, so her2k's alpha is conjugated).
            let tr = match (trans, herm) {
                (CBLAS_TRANS | CBLAS_CONJ_TRANS, _) => b'N',
                (CBLAS_NO_TRANS, false) => b'T',
                (CBLAS_NO_TRANS, true) => b'C',
                _ => return report_cblas(3, &name()),
            };
            if herm {
                alpha = alpha.conj();
            }
            (ul, tr)
        }
        _ => return report_cblas(1, &name()),
    };
    // SAFETY: the caller's contract.
    unsafe { syrk(herm, ul, tr, n, k, alpha, a, lda, b, beta, c, ldc) };
}

/// netlib's `cblas_?trmm` (`solve == false`) and `cblas_?trsm`.
///
/// # Safety
/// As [`gemm`], for the mapped call.
#[allow(clippy::too_many_arguments)]
unsafe fn cblas_triangular<T: Element>(
    solve: bool,
    layout: c_int,
    side: c_int,
    uplo: c_int,
    transa: c_int,
    diag: c_int,
    m: c_int,
    n: c_int,
    alpha: T,
    a: *const T,
    lda: c_int,
    b: *mut T,
    ldb: c_int,
) where
    ThreadsBackend: Level3<T>,
{
    let name = || cblas_name::<T>(if solve { "trsm" } else { "trmm" });
    let row = match layout {
        CBLAS_COL_MAJOR => false,
        CBLAS_ROW_MAJOR => true,
        _ => return report_cblas(1, &name()),
    };
    let Some(sd) = side_letter(side, row) else {
        return report_cblas(2, &name());
    };
    let Some(ul) = uplo_letter(uplo, row) else {
        return report_cblas(3, &name());
    };
    let Some(ta) = trans_letter(transa) else {
        return report_cblas(4, &name());
    };
    let Some(di) = diag_letter(diag) else {
        return report_cblas(5, &name());
    };
    let (fm, fn_) = if row { (n, m) } else { (m, n) };
    // SAFETY: the caller's contract.
    unsafe { triangular(solve, sd, ul, ta, di, fm, fn_, alpha, a, lda, b, ldb) };
}

// ---------------------------------------------------------------------------
// The exported symbols.
// ---------------------------------------------------------------------------

/// A CBLAS scalar passed by value, as read by the real precisions'
/// wrappers (the complex ones read theirs by address with [`scalar`]).
#[inline(always)]
fn by_value<T>(v: T) -> T {
    v
}

/// gemm, symm, syrk, syr2k, trmm and trsm of one precision `$t`, Fortran
/// and CBLAS. The CBLAS forms take their scalars as `$cs` and read them
/// with `$cv`: by value (`$t`, [`by_value`]) for s and d, by address
/// (`*const $t`, [`scalar`]) for c and z, as netlib's CBLAS declares them.
macro_rules! fortran_and_cblas {
    ($t:ty, $cs:ty, $cv:path, $gemm:ident, $symm:ident, $syrk:ident, $syr2k:ident, $trmm:ident, $trsm:ident,
     $cgemm:ident, $csymm:ident, $csyrk:ident, $csyr2k:ident, $ctrmm:ident, $ctrsm:ident) => {
        /// Reference BLAS `?GEMM`: `C := alpha*op(A)*op(B) + beta*C`,
        /// `op(X)` one of `X`, `X^T`, `X^H` (`N`, `T`, `C`).
        ///
        /// # Safety
        /// Fortran convention: every argument by reference; the arrays hold
        /// the elements the reference routine addresses.
        #[no_mangle]
        pub unsafe extern "C" fn $gemm(
            transa: *const c_char,
            transb: *const c_char,
            m: *const c_int,
            n: *const c_int,
            k: *const c_int,
            alpha: *const $t,
            a: *const $t,
            lda: *const c_int,
            b: *const $t,
            ldb: *const c_int,
            beta: *const $t,
            c: *mut $t,
            ldc: *const c_int,
        ) {
            // SAFETY: Fortran convention: readable arguments by reference and
            // arrays as the reference addresses them (caller's contract).
            unsafe {
                gemm::<$t>(
                    letter(transa),
                    letter(transb),
                    int(m),
                    int(n),
                    int(k),
                    scalar(alpha),
                    a,
                    int(lda),
                    b,
                    int(ldb),
                    scalar(beta),
                    c,
                    int(ldc),
                )
            }
        }

        /// Reference BLAS `?SYMM`: `C := alpha*A*B + beta*C` or
        /// `alpha*B*A + beta*C`, `A` symmetric (complex symmetric for c, z).
        ///
        /// # Safety
        /// As the gemm of this precision.
        #[no_mangle]
        pub unsafe extern "C" fn $symm(
            side: *const c_char,
            uplo: *const c_char,
            m: *const c_int,
            n: *const c_int,
            alpha: *const $t,
            a: *const $t,
            lda: *const c_int,
            b: *const $t,
            ldb: *const c_int,
            beta: *const $t,
            c: *mut $t,
            ldc: *const c_int,
        ) {
            // SAFETY: as in gemm.
            unsafe {
                symm::<$t>(
                    false,
                    letter(side),
                    letter(uplo),
                    int(m),
                    int(n),
                    scalar(alpha),
                    a,
                    int(lda),
                    b,
                    int(ldb),
                    scalar(beta),
                    c,
                    int(ldc),
                )
            }
        }

        /// Reference BLAS `?SYRK`: `C := alpha*A*A^T + beta*C` or
        /// `alpha*A^T*A + beta*C` on one triangle of `C`.
        ///
        /// # Safety
        /// As the gemm of this precision.
        #[no_mangle]
        pub unsafe extern "C" fn $syrk(
            uplo: *const c_char,
            trans: *const c_char,
            n: *const c_int,
            k: *const c_int,
            alpha: *const $t,
            a: *const $t,
            lda: *const c_int,
            beta: *const $t,
            c: *mut $t,
            ldc: *const c_int,
        ) {
            // SAFETY: as in gemm.
            unsafe {
                syrk::<$t>(
                    false,
                    letter(uplo),
                    letter(trans),
                    int(n),
                    int(k),
                    scalar(alpha),
                    a,
                    int(lda),
                    None,
                    scalar(beta),
                    c,
                    int(ldc),
                )
            }
        }

        /// Reference BLAS `?SYR2K`: `C := alpha*A*B^T + alpha*B*A^T + beta*C`
        /// or `alpha*A^T*B + alpha*B^T*A + beta*C` on one triangle of `C`.
        ///
        /// # Safety
        /// As the gemm of this precision.
        #[no_mangle]
        pub unsafe extern "C" fn $syr2k(
            uplo: *const c_char,
            trans: *const c_char,
            n: *const c_int,
            k: *const c_int,
            alpha: *const $t,
            a: *const $t,
            lda: *const c_int,
            b: *const $t,
            ldb: *const c_int,
            beta: *const $t,
            c: *mut $t,
            ldc: *const c_int,
        ) {
            // SAFETY: as in gemm.
            unsafe {
                syrk::<$t>(
                    false,
                    letter(uplo),
                    letter(trans),
                    int(n),
                    int(k),
                    scalar(alpha),
                    a,
                    int(lda),
                    Some((b, int(ldb))),
                    scalar(beta),
                    c,
                    int(ldc),
                )
            }
        }

        /// Reference BLAS `?TRMM`: `B := alpha*op(A)*B` or `alpha*B*op(A)`,
        /// `A` triangular, `op(A)` one of `A`, `A^T`, `A^H`.
        ///
        /// # Safety
        /// As the gemm of this precision.
        #[no_mangle]
        pub unsafe extern "C" fn $trmm(
            side: *const c_char,
            uplo: *const c_char,
            transa: *const c_char,
            diag: *const c_char,
            m: *const c_int,
            n: *const c_int,
            alpha: *const $t,
            a: *const $t,
            lda: *const c_int,
            b: *mut $t,
            ldb: *const c_int,
        ) {
            // SAFETY: as in gemm.
            unsafe {
                triangular::<$t>(
                    false,
                    letter(side),
                    letter(uplo),
                    letter(transa),
                    letter(diag),
                    int(m),
                    int(n),
                    scalar(alpha),
                    a,
                    int(lda),
                    b,
                    int(ldb),
                )
            }
        }

        /// Reference BLAS `?TRSM`: solves `op(A)*X = alpha*B` or
        /// `X*op(A) = alpha*B` for `X`, `A` triangular, `op(A)` one of `A`,
        /// `A^T`, `A^H`; `X` overwrites `B`.
        ///
        /// # Safety
        /// As the gemm of this precision.
        #[no_mangle]
        pub unsafe extern "C" fn $trsm(
            side: *const c_char,
            uplo: *const c_char,
            transa: *const c_char,
            diag: *const c_char,
            m: *const c_int,
            n: *const c_int,
            alpha: *const $t,
            a: *const $t,
            lda: *const c_int,
            b: *mut $t,
            ldb: *const c_int,
        ) {
            // SAFETY: as in gemm.
            unsafe {
                triangular::<$t>(
                    true,
                    letter(side),
                    letter(uplo),
                    letter(transa),
                    letter(diag),
                    int(m),
                    int(n),
                    scalar(alpha),
                    a,
                    int(lda),
                    b,
                    int(ldb),
                )
            }
        }

        /// netlib CBLAS `cblas_?gemm` (`alpha`, `beta` by value for the real
        /// precisions, by address for the complex ones).
        ///
        /// # Safety
        /// The arrays hold the elements the (mapped) reference routine
        /// addresses; scalars passed by address are readable.
        #[no_mangle]
        pub unsafe extern "C" fn $cgemm(
            layout: c_int,
            transa: c_int,
            transb: c_int,
            m: c_int,
            n: c_int,
            k: c_int,
            alpha: $cs,
            a: *const $t,
            lda: c_int,
            b: *const $t,
            ldb: c_int,
            beta: $cs,
            c: *mut $t,
            ldc: c_int,
        ) {
            // SAFETY: the caller's contract.
            unsafe {
                cblas_gemm::<$t>(
                    layout,
                    transa,
                    transb,
                    m,
                    n,
                    k,
                    $cv(alpha),
                    a,
                    lda,
                    b,
                    ldb,
                    $cv(beta),
                    c,
                    ldc,
                )
            }
        }

        /// netlib CBLAS `cblas_?symm` (`alpha`, `beta` as in gemm).
        ///
        /// # Safety
        /// As the cblas gemm of this precision.
        #[no_mangle]
        pub unsafe extern "C" fn $csymm(
            layout: c_int,
            side: c_int,
            uplo: c_int,
            m: c_int,
            n: c_int,
            alpha: $cs,
            a: *const $t,
            lda: c_int,
            b: *const $t,
            ldb: c_int,
            beta: $cs,
            c: *mut $t,
            ldc: c_int,
        ) {
            // SAFETY: the caller's contract.
            unsafe {
                cblas_symm::<$t>(
                    false,
                    layout,
                    side,
                    uplo,
                    m,
                    n,
                    $cv(alpha),
                    a,
                    lda,
                    b,
                    ldb,
                    $cv(beta),
                    c,
                    ldc,
                )
            }
        }

        /// netlib CBLAS `cblas_?syrk` (`alpha`, `beta` as in gemm).
        ///
        /// # Safety
        /// As the cblas gemm of this precision.
        #[no_mangle]
        pub unsafe extern "C" fn $csyrk(
            layout: c_int,
            uplo: c_int,
            trans: c_int,
            n: c_int,
            k: c_int,
            alpha: $cs,
            a: *const $t,
            lda: c_int,
            beta: $cs,
            c: *mut $t,
            ldc: c_int,
        ) {
            // SAFETY: the caller's contract.
            unsafe {
                cblas_syrk::<$t>(
                    false,
                    layout,
                    uplo,
                    trans,
                    n,
                    k,
                    $cv(alpha),
                    a,
                    lda,
                    None,
                    $cv(beta),
                    c,
                    ldc,
                )
            }
        }

        /// netlib CBLAS `cblas_?syr2k` (`alpha`, `beta` as in gemm).
        ///
        /// # Safety
        /// As the cblas gemm of this precision.
        #[no_mangle]
        pub unsafe extern "C" fn $csyr2k(
            layout: c_int,
            uplo: c_int,
            trans: c_int,
            n: c_int,
            k: c_int,
            alpha: $cs,
            a: *const $t,
            lda: c_int,
            b: *const $t,
            ldb: c_int,
            beta: $cs,
            c: *mut $t,
            ldc: c_int,
        ) {
            // SAFETY: the caller's contract.
            unsafe {
                cblas_syrk::<$t>(
                    false,
                    layout,
                    uplo,
                    trans,
                    n,
                    k,
                    $cv(alpha),
                    a,
                    lda,
                    Some((b, ldb)),
                    $cv(beta),
                    c,
                    ldc,
                )
            }
        }

        /// netlib CBLAS `cblas_?trmm` (`alpha` as in gemm).
        ///
        /// # Safety
        /// As the cblas gemm of this precision.
        #[no_mangle]
        pub unsafe extern "C" fn $ctrmm(
            layout: c_int,
            side: c_int,
            uplo: c_int,
            transa: c_int,
            diag: c_int,
            m: c_int,
            n: c_int,
            alpha: $cs,
            a: *const $t,
            lda: c_int,
            b: *mut $t,
            ldb: c_int,
        ) {
            // SAFETY: the caller's contract.
            unsafe {
                cblas_triangular::<$t>(
                    false,
                    layout,
                    side,
                    uplo,
                    transa,
                    diag,
                    m,
                    n,
                    $cv(alpha),
                    a,
                    lda,
                    b,
                    ldb,
                )
            }
        }

        /// netlib CBLAS `cblas_?trsm` (`alpha` as in gemm).
        ///
        /// # Safety
        /// As the cblas gemm of this precision.
        #[no_mangle]
        pub unsafe extern "C" fn $ctrsm(
            layout: c_int,
            side: c_int,
            uplo: c_int,
            transa: c_int,
            diag: c_int,
            m: c_int,
            n: c_int,
            alpha: $cs,
            a: *const $t,
            lda: c_int,
            b: *mut $t,
            ldb: c_int,
        ) {
            // SAFETY: the caller's contract.
            unsafe {
                cblas_triangular::<$t>(
                    true,
                    layout,
                    side,
                    uplo,
                    transa,
                    diag,
                    m,
                    n,
                    $cv(alpha),
                    a,
                    lda,
                    b,
                    ldb,
                )
            }
        }
    };
}

fortran_and_cblas!(
    f32,
    f32,
    by_value,
    sgemm_,
    ssymm_,
    ssyrk_,
    ssyr2k_,
    strmm_,
    strsm_,
    cblas_sgemm,
    cblas_ssymm,
    cblas_ssyrk,
    cblas_ssyr2k,
    cblas_strmm,
    cblas_strsm
);
fortran_and_cblas!(
    f64,
    f64,
    by_value,
    dgemm_,
    dsymm_,
    dsyrk_,
    dsyr2k_,
    dtrmm_,
    dtrsm_,
    cblas_dgemm,
    cblas_dsymm,
    cblas_dsyrk,
    cblas_dsyr2k,
    cblas_dtrmm,
    cblas_dtrsm
);

/// The complex routines (c, z). Beside the real set they have hemm, herk and
/// her2k; CBLAS passes their complex scalars by address (`const void *`),
/// and herk's `alpha` and `beta` and her2k's `beta` are real.
macro_rules! complex_fortran_and_cblas {
    ($t:ty, $r:ty, $gemm:ident, $symm:ident, $hemm:ident, $syrk:ident, $herk:ident,
     $syr2k:ident, $her2k:ident, $trmm:ident, $trsm:ident,
     $cgemm:ident, $csymm:ident, $chemm:ident, $csyrk:ident, $cherk:ident,
     $csyr2k:ident, $cher2k:ident, $ctrmm:ident, $ctrsm:ident) => {
        fortran_and_cblas!(
            $t,
            *const $t,
            scalar,
            $gemm,
            $symm,
            $syrk,
            $syr2k,
            $trmm,
            $trsm,
            $cgemm,
            $csymm,
            $csyrk,
            $csyr2k,
            $ctrmm,
            $ctrsm
        );

        /// Reference BLAS `?HEMM`: `C := alpha*A*B + beta*C` or
        /// `alpha*B*A + beta*C`, `A` Hermitian.
        ///
        /// # Safety
        /// As the gemm of this precision.
        #[no_mangle]
        pub unsafe extern "C" fn $hemm(
            side: *const c_char,
            uplo: *const c_char,
            m: *const c_int,
            n: *const c_int,
            alpha: *const $t,
            a: *const $t,
            lda: *const c_int,
            b: *const $t,
            ldb: *const c_int,
            beta: *const $t,
            c: *mut $t,
            ldc: *const c_int,
        ) {
            // SAFETY: as in gemm.
            unsafe {
                symm::<$t>(
                    true,
                    letter(side),
                    letter(uplo),
                    int(m),
                    int(n),
                    scalar(alpha),
                    a,
                    int(lda),
                    b,
                    int(ldb),
                    scalar(beta),
                    c,
                    int(ldc),
                )
            }
        }

        /// Reference BLAS `?HERK`: `C := alpha*A*A^H + beta*C` or
        /// `alpha*A^H*A + beta*C` on one triangle of `C` (trans `N` or `C`),
        /// `alpha` and `beta` real; the diagonal of `C` comes out real.
        ///
        /// # Safety
        /// As the gemm of this precision.
        #[no_mangle]
        pub unsafe extern "C" fn $herk(
            uplo: *const c_char,
            trans: *const c_char,
            n: *const c_int,
            k: *const c_int,
            alpha: *const $r,
            a: *const $t,
            lda: *const c_int,
            beta: *const $r,
            c: *mut $t,
            ldc: *const c_int,
        ) {
            // SAFETY: as in gemm.
            unsafe {
                syrk::<$t>(
                    true,
                    letter(uplo),
                    letter(trans),
                    int(n),
                    int(k),
                    <$t>::from(scalar(alpha)),
                    a,
                    int(lda),
                    None,
                    <$t>::from(scalar(beta)),
                    c,
                    int(ldc),
                )
            }
        }

        /// Reference BLAS `?HER2K`: `C := alpha*A*B^H + conj(alpha)*B*A^H +
        /// beta*C` or `alpha*A^H*B + conj(alpha)*B^H*A + beta*C` on one
        /// triangle of `C` (trans `N` or `C`), `beta` real; the diagonal of
        /// `C` comes out real.
        ///
        /// # Safety
        /// As the gemm of this precision.
        #[no_mangle]
        pub unsafe extern "C" fn $her2k(
            uplo: *const c_char,
            trans: *const c_char,
            n: *const c_int,
            k: *const c_int,
            alpha: *const $t,
            a: *const $t,
            lda: *const c_int,
            b: *const $t,
            ldb: *const c_int,
            beta: *const $r,
            c: *mut $t,
            ldc: *const c_int,
        ) {
            // SAFETY: as in gemm.
            unsafe {
                syrk::<$t>(
                    true,
                    letter(uplo),
                    letter(trans),
                    int(n),
                    int(k),
                    scalar(alpha),
                    a,
                    int(lda),
                    Some((b, int(ldb))),
                    <$t>::from(scalar(beta)),
                    c,
                    int(ldc),
                )
            }
        }

        /// netlib CBLAS `cblas_?hemm` (`alpha`, `beta` by address).
        ///
        /// # Safety
        /// As the cblas gemm of this precision.
        #[no_mangle]
        pub unsafe extern "C" fn $chemm(
            layout: c_int,
            side: c_int,
            uplo: c_int,
            m: c_int,
            n: c_int,
            alpha: *const $t,
            a: *const $t,
            lda: c_int,
            b: *const $t,
            ldb: c_int,
            beta: *const $t,
            c: *mut $t,
            ldc: c_int,
        ) {
            // SAFETY: the caller's contract.
            unsafe {
                cblas_symm::<$t>(
                    true,
                    layout,
                    side,
                    uplo,
                    m,
                    n,
                    scalar(alpha),
                    a,
                    lda,
                    b,
                    ldb,
                    scalar(beta),
                    c,
                    ldc,
                )
            }
        }

        /// netlib CBLAS `cblas_?herk` (`alpha`, `beta` real, by value).
        ///
        /// # Safety
        /// As the cblas gemm of this precision.
        #[no_mangle]
        pub unsafe extern "C" fn $cherk(
            layout: c_int,
            uplo: c_int,
            trans: c_int,
            n: c_int,
            k: c_int,
            alpha: $r,
            a: *const $t,
            lda: c_int,
            beta: $r,
            c: *mut $t,
            ldc: c_int,
        ) {
            // SAFETY: the caller's contract.
            unsafe {
                cblas_syrk::<$t>(
                    true,
                    layout,
                    uplo,
                    trans,
                    n,
                    k,
                    <$t>::from(alpha),
                    a,
                    lda,
                    None,
                    <$t>::from(beta),
                    c,
                    ldc,
                )
            }
        }

        /// netlib CBLAS `cblas_?her2k` (`alpha` by address, `beta` real by
        /// value).
        ///
        /// # Safety
        /// As the cblas gemm of this precision.
        #[no_mangle]
        pub unsafe extern "C" fn $cher2k(
            layout: c_int,
            uplo: c_int,
            trans: c_int,
            n: c_int,
            k: c_int,
            alpha: *const $t,
            a: *const $t,
            lda: c_int,
            b: *const $t,
            ldb: c_int,
            beta: $r,
            c: *mut $t,
            ldc: c_int,
        ) {
            // SAFETY: the caller's contract.
            unsafe {
                cblas_syrk::<$t>(
                    true,
                    layout,
                    uplo,
                    trans,
                    n,
                    k,
                    scalar(alpha),
                    a,
                    lda,
                    Some((b, ldb)),
                    <$t>::from(beta),
                    c,
                    ldc,
                )
            }
        }
    };
}

complex_fortran_and_cblas!(
    Complex32,
    f32,
    cgemm_,
    csymm_,
    chemm_,
    csyrk_,
    cherk_,
    csyr2k_,
    cher2k_,
    ctrmm_,
    ctrsm_,
    cblas_cgemm,
    cblas_csymm,
    cblas_chemm,
    cblas_csyrk,
    cblas_cherk,
    cblas_csyr2k,
    cblas_cher2k,
    cblas_ctrmm,
    cblas_ctrsm
);
complex_fortran_and_cblas!(
    Complex64,
    f64,
    zgemm_,
    zsymm_,
    zhemm_,
    zsyrk_,
    zherk_,
    zsyr2k_,
    zher2k_,
    ztrmm_,
    ztrsm_,
    cblas_zgemm,
    cblas_zsymm,
    cblas_zhemm,
    cblas_zsyrk,
    cblas_zherk,
    cblas_zsyr2k,
    cblas_zher2k,
    cblas_ztrmm,
    cblas_ztrsm
);
