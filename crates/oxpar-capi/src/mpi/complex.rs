//! The complex (`c`, `z`) forms of the distributed MPI routines: the same
//! generic helpers as the real ones in the parent module, over `oxpar_c32`
//! and `oxpar_c64`. The MPI backend distributes complex data exactly as it
//! does reals (complex values travel as MPI's complex datatypes), and the
//! first collective of each call carries every rank's element type, so a
//! rank calling a real or the other complex routine where the others call
//! this one is an error on every rank.
//!
//! Unlike the real `oxpar_mpi_?gemv`, the complex one takes `trans`: the
//! conjugate transpose is not the transpose for complex elements, and a
//! caller holding a column block of `A` multiplies by `A^H` through it.

use super::*;
use crate::blas::ger_full;
use crate::{oxpar_c32, oxpar_c64};

/// Distributed `y := alpha*op(A)*x + beta*y` on single-precision complex numbers. `op(A)` is
/// distributed by row blocks: this rank holds `m_local` whole rows of it
/// (`m_local x n`) and the matching `m_local` elements of `y`; `x` (global
/// length `n`) is split any way, this rank holding `n_local` of it (the
/// pieces, in rank order, must add up to `n`). `trans` says how the stored
/// matrix at `a` (strides `rsa`, `csa`) gives this block: `OXPAR_TRANS_NO`
/// (`a` is the `m_local x n` block itself), `OXPAR_TRANS_YES` or
/// `OXPAR_TRANS_CONJ` (`a` is `n x m_local`, a column block of the stored
/// matrix, and `op(A)` its transpose or conjugate transpose). Every rank's
/// `y` block gets its rows of the result. Collective; on a context that is
/// not MPI, `n_local == n`.
///
/// Vectors are given by a pointer to their logical first element: element `i`
/// of `x` is at `x + i*incx` for negative `incx` too (NumPy's and Fortran's
/// convention). Reference BLAS takes the array's lowest address instead: to
/// port a BLAS call with `incx < 0`, pass `x + (n-1)*(-incx)`.
///
/// Errors as `oxpar_cgemv`, plus `OXPAR_STATUS_SHAPE_MISMATCH` on every rank
/// when the blocks do not fit together (rows of op(A) and y differ on a rank,
/// or the blocks of x do not add up to n: the message names the ranks whose
/// block is off the balanced split), and `OXPAR_STATUS_INVALID_ARGUMENT`
/// on every rank when some ranks call another element type's routine
/// (`oxpar_mpi_zgemv`, `oxpar_mpi_sgemv`, `oxpar_mpi_dgemv`) instead.
///
/// # Safety
/// As `oxpar_cgemv`.
#[no_mangle]
pub unsafe extern "C" fn oxpar_mpi_cgemv(
    ctx: *const oxpar_context,
    trans: i32,
    m_local: usize,
    n: usize,
    n_local: usize,
    alpha: *const oxpar_c32,
    a: *const oxpar_c32,
    rsa: isize,
    csa: isize,
    x: *const oxpar_c32,
    incx: isize,
    beta: *const oxpar_c32,
    y: *mut oxpar_c32,
    incy: isize,
) -> oxpar_status {
    // The stored matrix: op(A) itself, or the matrix it transposes.
    let stored = if trans == oxpar_trans::No as i32 {
        (m_local, n)
    } else {
        (n, m_local)
    };
    // SAFETY: this function's contract.
    call("oxpar_mpi_cgemv", || unsafe {
        gemv(
            ctx,
            trans,
            (stored.0, stored.1, Some(n_local)),
            alpha,
            a,
            rsa,
            csa,
            x,
            incx,
            beta,
            y,
            incy,
        )
    })
}

/// Distributed `A := alpha*x*y^T + A` on single-precision complex numbers (unconjugated, BLAS's
/// geru): this rank holds `m_local` whole rows of `A` (`m_local x n`,
/// strides `rsa`, `csa`) and the matching `m_local` elements of `x`; `y`
/// (global length `n`) is split any way, this rank holding `n_local` of it.
/// Collective; on a context that is not MPI, `n_local == n`.
///
/// Vectors are given by a pointer to their logical first element: element `i`
/// of `x` is at `x + i*incx` for negative `incx` too (NumPy's and Fortran's
/// convention). Reference BLAS takes the array's lowest address instead: to
/// port a BLAS call with `incx < 0`, pass `x + (n-1)*(-incx)`.
///
/// Errors as `oxpar_cgeru`, plus `OXPAR_STATUS_SHAPE_MISMATCH` on every rank
/// when the blocks do not fit together (rows of A and x differ on a rank, or
/// the blocks of y do not add up to n: the message names the ranks whose
/// block is off the balanced split), and `OXPAR_STATUS_INVALID_ARGUMENT`
/// on every rank when some ranks call another element type's routine
/// instead.
///
/// # Safety
/// As `oxpar_cgeru`.
#[no_mangle]
pub unsafe extern "C" fn oxpar_mpi_cgeru(
    ctx: *const oxpar_context,
    m_local: usize,
    n: usize,
    n_local: usize,
    alpha: *const oxpar_c32,
    x: *const oxpar_c32,
    incx: isize,
    y: *const oxpar_c32,
    incy: isize,
    a: *mut oxpar_c32,
    rsa: isize,
    csa: isize,
) -> oxpar_status {
    // SAFETY: this function's contract.
    call("oxpar_mpi_cgeru", || unsafe {
        ger_full(
            ctx,
            (m_local, n, Some(n_local)),
            alpha,
            x,
            incx,
            y,
            incy,
            a,
            rsa,
            csa,
            false,
        )
    })
}

/// Distributed `A := alpha*x*y^H + A` on single-precision complex numbers (`y` conjugated, BLAS's
/// gerc): this rank holds `m_local` whole rows of `A` (`m_local x n`,
/// strides `rsa`, `csa`) and the matching `m_local` elements of `x`; `y`
/// (global length `n`) is split any way, this rank holding `n_local` of it.
/// Collective; on a context that is not MPI, `n_local == n`.
///
/// Vectors are given by a pointer to their logical first element: element `i`
/// of `x` is at `x + i*incx` for negative `incx` too (NumPy's and Fortran's
/// convention). Reference BLAS takes the array's lowest address instead: to
/// port a BLAS call with `incx < 0`, pass `x + (n-1)*(-incx)`.
///
/// Errors as `oxpar_cgerc`, plus `OXPAR_STATUS_SHAPE_MISMATCH` on every rank
/// when the blocks do not fit together (rows of A and x differ on a rank, or
/// the blocks of y do not add up to n: the message names the ranks whose
/// block is off the balanced split), and `OXPAR_STATUS_INVALID_ARGUMENT`
/// on every rank when some ranks call another element type's routine
/// instead.
///
/// # Safety
/// As `oxpar_cgerc`.
#[no_mangle]
pub unsafe extern "C" fn oxpar_mpi_cgerc(
    ctx: *const oxpar_context,
    m_local: usize,
    n: usize,
    n_local: usize,
    alpha: *const oxpar_c32,
    x: *const oxpar_c32,
    incx: isize,
    y: *const oxpar_c32,
    incy: isize,
    a: *mut oxpar_c32,
    rsa: isize,
    csa: isize,
) -> oxpar_status {
    // SAFETY: this function's contract.
    call("oxpar_mpi_cgerc", || unsafe {
        ger_full(
            ctx,
            (m_local, n, Some(n_local)),
            alpha,
            x,
            incx,
            y,
            incy,
            a,
            rsa,
            csa,
            true,
        )
    })
}

/// Distributed `C := alpha*op(A)*op(B) + beta*C` on single-precision complex numbers (SUMMA on
/// the context's process grid), `op` being as given, the transpose or the
/// conjugate transpose (`OXPAR_TRANS_CONJ`). The rank at grid position
/// (i, j) holds block (i, j) of each matrix: `op(A)` is `m_local x ka_local`,
/// `op(B)` is `kb_local x n_local`, `C` is `m_local x n_local`. Ranks in one
/// grid row share `m_local` and `kb_local`, ranks in one grid column share
/// `n_local` and `ka_local`, and both splits of the inner dimension add up to
/// the same k; `oxpar_block_range` gives the balanced split. Collective; on a
/// context that is not MPI, `ka_local == kb_local`.
///
/// Errors as `oxpar_cgemm`, plus `OXPAR_STATUS_SHAPE_MISMATCH` on every rank
/// when the blocks do not fit together, and `OXPAR_STATUS_INVALID_ARGUMENT`
/// on every rank when some ranks call another element type's routine
/// instead.
///
/// # Safety
/// As `oxpar_cgemm`.
#[no_mangle]
pub unsafe extern "C" fn oxpar_mpi_cgemm(
    ctx: *const oxpar_context,
    transa: i32,
    transb: i32,
    m_local: usize,
    n_local: usize,
    ka_local: usize,
    kb_local: usize,
    alpha: *const oxpar_c32,
    a: *const oxpar_c32,
    rsa: isize,
    csa: isize,
    b: *const oxpar_c32,
    rsb: isize,
    csb: isize,
    beta: *const oxpar_c32,
    c: *mut oxpar_c32,
    rsc: isize,
    csc: isize,
) -> oxpar_status {
    // SAFETY: this function's contract.
    call("oxpar_mpi_cgemm", || unsafe {
        gemm(
            ctx,
            transa,
            transb,
            m_local,
            n_local,
            (ka_local, kb_local),
            alpha,
            a,
            rsa,
            csa,
            b,
            rsb,
            csb,
            beta,
            c,
            rsc,
            csc,
        )
    })
}

/// Halo exchange of a 1-D block decomposition over the ranks in rank order,
/// on single-precision complex numbers (collective): as `oxpar_mpi_dhalo_1d`, each element
/// moving whole (real and imaginary parts).
///
/// Vectors are given by a pointer to their logical first element: element `i`
/// of `x` is at `x + i*incx` for negative `incx` too (NumPy's and Fortran's
/// convention). Reference BLAS takes the array's lowest address instead: to
/// port a BLAS call with `incx < 0`, pass `x + (n-1)*(-incx)`.
///
/// Errors as `oxpar_mpi_dhalo_1d` (ranks that mix element types all get
/// `OXPAR_STATUS_INVALID_ARGUMENT`).
///
/// # Safety
/// `ctx` is NULL or a live context; `x` addresses `len` elements with stride
/// `incx`, writable.
#[no_mangle]
pub unsafe extern "C" fn oxpar_mpi_chalo_1d(
    ctx: *const oxpar_context,
    len: usize,
    ghost: usize,
    periodic: bool,
    x: *mut oxpar_c32,
    incx: isize,
) -> oxpar_status {
    // SAFETY: this function's contract.
    call("oxpar_mpi_chalo_1d", || unsafe {
        halo_1d(ctx, len, ghost, periodic, x, incx)
    })
}

/// Halo exchange of a 2-D block decomposition on the context's process grid,
/// on single-precision complex numbers (collective): as `oxpar_mpi_dhalo_2d`, each element
/// moving whole (real and imaginary parts).
///
/// Errors as `oxpar_mpi_dhalo_2d` (ranks that mix element types all get
/// `OXPAR_STATUS_INVALID_ARGUMENT`).
///
/// # Safety
/// `ctx` is NULL or a live context; `a` addresses the `rows x cols` elements
/// its strides describe, writable.
#[no_mangle]
pub unsafe extern "C" fn oxpar_mpi_chalo_2d(
    ctx: *const oxpar_context,
    rows: usize,
    cols: usize,
    ghost: usize,
    periodic_rows: bool,
    periodic_cols: bool,
    a: *mut oxpar_c32,
    rsa: isize,
    csa: isize,
) -> oxpar_status {
    // SAFETY: this function's contract.
    call("oxpar_mpi_chalo_2d", || unsafe {
        halo_2d(
            ctx,
            rows,
            cols,
            ghost,
            (periodic_rows, periodic_cols),
            a,
            rsa,
            csa,
        )
    })
}

/// Distributed `y := alpha*op(A)*x + beta*y` on double-precision complex numbers. `op(A)` is
/// distributed by row blocks: this rank holds `m_local` whole rows of it
/// (`m_local x n`) and the matching `m_local` elements of `y`; `x` (global
/// length `n`) is split any way, this rank holding `n_local` of it (the
/// pieces, in rank order, must add up to `n`). `trans` says how the stored
/// matrix at `a` (strides `rsa`, `csa`) gives this block: `OXPAR_TRANS_NO`
/// (`a` is the `m_local x n` block itself), `OXPAR_TRANS_YES` or
/// `OXPAR_TRANS_CONJ` (`a` is `n x m_local`, a column block of the stored
/// matrix, and `op(A)` its transpose or conjugate transpose). Every rank's
/// `y` block gets its rows of the result. Collective; on a context that is
/// not MPI, `n_local == n`.
///
/// Vectors are given by a pointer to their logical first element: element `i`
/// of `x` is at `x + i*incx` for negative `incx` too (NumPy's and Fortran's
/// convention). Reference BLAS takes the array's lowest address instead: to
/// port a BLAS call with `incx < 0`, pass `x + (n-1)*(-incx)`.
///
/// Errors as `oxpar_zgemv`, plus `OXPAR_STATUS_SHAPE_MISMATCH` on every rank
/// when the blocks do not fit together (rows of op(A) and y differ on a rank,
/// or the blocks of x do not add up to n: the message names the ranks whose
/// block is off the balanced split), and `OXPAR_STATUS_INVALID_ARGUMENT`
/// on every rank when some ranks call another element type's routine
/// (`oxpar_mpi_cgemv`, `oxpar_mpi_sgemv`, `oxpar_mpi_dgemv`) instead.
///
/// # Safety
/// As `oxpar_zgemv`.
#[no_mangle]
pub unsafe extern "C" fn oxpar_mpi_zgemv(
    ctx: *const oxpar_context,
    trans: i32,
    m_local: usize,
    n: usize,
    n_local: usize,
    alpha: *const oxpar_c64,
    a: *const oxpar_c64,
    rsa: isize,
    csa: isize,
    x: *const oxpar_c64,
    incx: isize,
    beta: *const oxpar_c64,
    y: *mut oxpar_c64,
    incy: isize,
) -> oxpar_status {
    // The stored matrix: op(A) itself, or the matrix it transposes.
    let stored = if trans == oxpar_trans::No as i32 {
        (m_local, n)
    } else {
        (n, m_local)
    };
    // SAFETY: this function's contract.
    call("oxpar_mpi_zgemv", || unsafe {
        gemv(
            ctx,
            trans,
            (stored.0, stored.1, Some(n_local)),
            alpha,
            a,
            rsa,
            csa,
            x,
            incx,
            beta,
            y,
            incy,
        )
    })
}

/// Distributed `A := alpha*x*y^T + A` on double-precision complex numbers (unconjugated, BLAS's
/// geru): this rank holds `m_local` whole rows of `A` (`m_local x n`,
/// strides `rsa`, `csa`) and the matching `m_local` elements of `x`; `y`
/// (global length `n`) is split any way, this rank holding `n_local` of it.
/// Collective; on a context that is not MPI, `n_local == n`.
///
/// Vectors are given by a pointer to their logical first element: element `i`
/// of `x` is at `x + i*incx` for negative `incx` too (NumPy's and Fortran's
/// convention). Reference BLAS takes the array's lowest address instead: to
/// port a BLAS call with `incx < 0`, pass `x + (n-1)*(-incx)`.
///
/// Errors as `oxpar_zgeru`, plus `OXPAR_STATUS_SHAPE_MISMATCH` on every rank
/// when the blocks do not fit together (rows of A and x differ on a rank, or
/// the blocks of y do not add up to n: the message names the ranks whose
/// block is off the balanced split), and `OXPAR_STATUS_INVALID_ARGUMENT`
/// on every rank when some ranks call another element type's routine
/// instead.
///
/// # Safety
/// As `oxpar_zgeru`.
#[no_mangle]
pub unsafe extern "C" fn oxpar_mpi_zgeru(
    ctx: *const oxpar_context,
    m_local: usize,
    n: usize,
    n_local: usize,
    alpha: *const oxpar_c64,
    x: *const oxpar_c64,
    incx: isize,
    y: *const oxpar_c64,
    incy: isize,
    a: *mut oxpar_c64,
    rsa: isize,
    csa: isize,
) -> oxpar_status {
    // SAFETY: this function's contract.
    call("oxpar_mpi_zgeru", || unsafe {
        ger_full(
            ctx,
            (m_local, n, Some(n_local)),
            alpha,
            x,
            incx,
            y,
            incy,
            a,
            rsa,
            csa,
            false,
        )
    })
}

/// Distributed `A := alpha*x*y^H + A` on double-precision complex numbers (`y` conjugated, BLAS's
/// gerc): this rank holds `m_local` whole rows of `A` (`m_local x n`,
/// strides `rsa`, `csa`) and the matching `m_local` elements of `x`; `y`
/// (global length `n`) is split any way, this rank holding `n_local` of it.
/// Collective; on a context that is not MPI, `n_local == n`.
///
/// Vectors are given by a pointer to their logical first element: element `i`
/// of `x` is at `x + i*incx` for negative `incx` too (NumPy's and Fortran's
/// convention). Reference BLAS takes the array's lowest address instead: to
/// port a BLAS call with `incx < 0`, pass `x + (n-1)*(-incx)`.
///
/// Errors as `oxpar_zgerc`, plus `OXPAR_STATUS_SHAPE_MISMATCH` on every rank
/// when the blocks do not fit together (rows of A and x differ on a rank, or
/// the blocks of y do not add up to n: the message names the ranks whose
/// block is off the balanced split), and `OXPAR_STATUS_INVALID_ARGUMENT`
/// on every rank when some ranks call another element type's routine
/// instead.
///
/// # Safety
/// As `oxpar_zgerc`.
#[no_mangle]
pub unsafe extern "C" fn oxpar_mpi_zgerc(
    ctx: *const oxpar_context,
    m_local: usize,
    n: usize,
    n_local: usize,
    alpha: *const oxpar_c64,
    x: *const oxpar_c64,
    incx: isize,
    y: *const oxpar_c64,
    incy: isize,
    a: *mut oxpar_c64,
    rsa: isize,
    csa: isize,
) -> oxpar_status {
    // SAFETY: this function's contract.
    call("oxpar_mpi_zgerc", || unsafe {
        ger_full(
            ctx,
            (m_local, n, Some(n_local)),
            alpha,
            x,
            incx,
            y,
            incy,
            a,
            rsa,
            csa,
            true,
        )
    })
}

/// Distributed `C := alpha*op(A)*op(B) + beta*C` on double-precision complex numbers (SUMMA on
/// the context's process grid), `op` being as given, the transpose or the
/// conjugate transpose (`OXPAR_TRANS_CONJ`). The rank at grid position
/// (i, j) holds block (i, j) of each matrix: `op(A)` is `m_local x ka_local`,
/// `op(B)` is `kb_local x n_local`, `C` is `m_local x n_local`. Ranks in one
/// grid row share `m_local` and `kb_local`, ranks in one grid column share
/// `n_local` and `ka_local`, and both splits of the inner dimension add up to
/// the same k; `oxpar_block_range` gives the balanced split. Collective; on a
/// context that is not MPI, `ka_local == kb_local`.
///
/// Errors as `oxpar_zgemm`, plus `OXPAR_STATUS_SHAPE_MISMATCH` on every rank
/// when the blocks do not fit together, and `OXPAR_STATUS_INVALID_ARGUMENT`
/// on every rank when some ranks call another element type's routine
/// instead.
///
/// # Safety
/// As `oxpar_zgemm`.
#[no_mangle]
pub unsafe extern "C" fn oxpar_mpi_zgemm(
    ctx: *const oxpar_context,
    transa: i32,
    transb: i32,
    m_local: usize,
    n_local: usize,
    ka_local: usize,
    kb_local: usize,
    alpha: *const oxpar_c64,
    a: *const oxpar_c64,
    rsa: isize,
    csa: isize,
    b: *const oxpar_c64,
    rsb: isize,
    csb: isize,
    beta: *const oxpar_c64,
    c: *mut oxpar_c64,
    rsc: isize,
    csc: isize,
) -> oxpar_status {
    // SAFETY: this function's contract.
    call("oxpar_mpi_zgemm", || unsafe {
        gemm(
            ctx,
            transa,
            transb,
            m_local,
            n_local,
            (ka_local, kb_local),
            alpha,
            a,
            rsa,
            csa,
            b,
            rsb,
            csb,
            beta,
            c,
            rsc,
            csc,
        )
    })
}

/// Halo exchange of a 1-D block decomposition over the ranks in rank order,
/// on double-precision complex numbers (collective): as `oxpar_mpi_dhalo_1d`, each element
/// moving whole (real and imaginary parts).
///
/// Vectors are given by a pointer to their logical first element: element `i`
/// of `x` is at `x + i*incx` for negative `incx` too (NumPy's and Fortran's
/// convention). Reference BLAS takes the array's lowest address instead: to
/// port a BLAS call with `incx < 0`, pass `x + (n-1)*(-incx)`.
///
/// Errors as `oxpar_mpi_dhalo_1d` (ranks that mix element types all get
/// `OXPAR_STATUS_INVALID_ARGUMENT`).
///
/// # Safety
/// `ctx` is NULL or a live context; `x` addresses `len` elements with stride
/// `incx`, writable.
#[no_mangle]
pub unsafe extern "C" fn oxpar_mpi_zhalo_1d(
    ctx: *const oxpar_context,
    len: usize,
    ghost: usize,
    periodic: bool,
    x: *mut oxpar_c64,
    incx: isize,
) -> oxpar_status {
    // SAFETY: this function's contract.
    call("oxpar_mpi_zhalo_1d", || unsafe {
        halo_1d(ctx, len, ghost, periodic, x, incx)
    })
}

/// Halo exchange of a 2-D block decomposition on the context's process grid,
/// on double-precision complex numbers (collective): as `oxpar_mpi_dhalo_2d`, each element
/// moving whole (real and imaginary parts).
///
/// Errors as `oxpar_mpi_dhalo_2d` (ranks that mix element types all get
/// `OXPAR_STATUS_INVALID_ARGUMENT`).
///
/// # Safety
/// `ctx` is NULL or a live context; `a` addresses the `rows x cols` elements
/// its strides describe, writable.
#[no_mangle]
pub unsafe extern "C" fn oxpar_mpi_zhalo_2d(
    ctx: *const oxpar_context,
    rows: usize,
    cols: usize,
    ghost: usize,
    periodic_rows: bool,
    periodic_cols: bool,
    a: *mut oxpar_c64,
    rsa: isize,
    csa: isize,
) -> oxpar_status {
    // SAFETY: this function's contract.
    call("oxpar_mpi_zhalo_2d", || unsafe {
        halo_2d(
            ctx,
            rows,
            cols,
            ghost,
            (periodic_rows, periodic_cols),
            a,
            rsa,
            csa,
        )
    })
}
