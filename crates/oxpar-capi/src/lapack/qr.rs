//! Householder QR and least squares (LAPACK's `geqrf`, `ormqr`/`unmqr`,
//! `orgqr`/`ungqr`, `gels`): the helpers behind `oxpar_?geqrf`, `?ormqr`
//! (real) / `?unmqr` (complex), `?orgqr` / `?ungqr` and `?gels`, over
//! `oxpar::Qr` (the algorithms live there).
//!
//! Conventions, LAPACK's: `geqrf` leaves `R` on and above the diagonal and
//! the Householder vectors below it, their scalar factors in `tau`
//! (`min(m, n)` elements); `orgqr` overwrites the `m x n` matrix holding `k`
//! reflectors by the first `n` columns of `Q = H(1)...H(k)`; `gels` solves
//! full-rank least squares (`m >= n`) or, transposed, the minimum-norm
//! solution of `A^H*X = B`. Workspace: the library allocates a copy of the
//! `k` reflector columns for `orgqr`, a copy of `a` and `tau` where they
//! share memory with `c` in `ormqr`, and `n` scalars (`tau`) for `gels`,
//! besides the block reflectors of the blocked algorithm (`32 x 32` and a
//! `32`-column panel).
//!
//! On an MPI context they answer `OXPAR_STATUS_UNSUPPORTED` on every rank,
//! as LU and Cholesky do (no distributed QR yet).

use oxpar::prelude::Qr;
use oxpar::{BackendKind, Diag, Element, Error, ErrorKind, HostBackend, MatRef, Side, Trans, Uplo};

use super::report;
use crate::context::oxpar_context;
use crate::ffi::{self, detach_mat, detach_slice, exclusive_outputs, read_mat, Operand};
use crate::status::{oxpar_status, side_from, trans_from, CapiError};

/// The host backend of `ctx`, refused on MPI (the same answer on every rank).
fn qr_host<'a>(ctx: &'a oxpar_context, what: &str) -> Result<&'a dyn HostBackend, CapiError> {
    let host = ctx.host();
    if host.kind() == BackendKind::Mpi {
        return Err(CapiError {
            status: oxpar_status::Unsupported,
            message: format!(
                "ctx: {what} is not there yet on an MPI context (no distributed QR); \
                 factor whole matrices on a node-local context (serial or threads)"
            ),
        });
    }
    Ok(host)
}

/// Checks an array of `n` scalars (NULL only when `n == 0`, aligned).
fn scalars_ptr<T>(p: *const T, n: usize, name: &str) -> Result<(), CapiError> {
    if n > 0 && p.is_null() {
        return Err(CapiError::null(
            name,
            format!("is NULL but holds {n} elements"),
        ));
    }
    if n > 0 && !p.is_aligned() {
        return Err(CapiError::invalid(
            name,
            "is not aligned for its element type",
        ));
    }
    Ok(())
}

/// # Safety
/// The pointer contracts of `oxpar_?geqrf`.
pub(super) unsafe fn geqrf<T: Element>(
    ctx: *const oxpar_context,
    m: usize,
    n: usize,
    a: *mut T,
    rsa: isize,
    csa: isize,
    tau: *mut T,
) -> Result<(), CapiError>
where
    dyn HostBackend: Qr<T>,
{
    // SAFETY: forwarded pointer contracts.
    let ctx = unsafe { ffi::context(ctx)? };
    let host = qr_host(ctx, "QR")?;
    // SAFETY: forwarded pointer contracts.
    let av = unsafe { ffi::mat_mut(a, m, n, rsa, csa, ["a", "rsa", "csa"])? };
    let k = m.min(n);
    scalars_ptr(tau, k, "tau")?;
    // SAFETY: checked non-null (when k > 0) and aligned; k writable elements (the contract).
    let tau = unsafe { ffi::slice_mut(tau, k) };
    exclusive_outputs(
        ("a", Operand::matrix(av.as_ref())),
        ("tau", Operand::slice(tau)),
    )?;
    Ok(Qr::<T>::qr_factor(host, av, tau)?)
}

/// # Safety
/// The pointer contracts of `oxpar_?ormqr` / `oxpar_?unmqr`.
#[allow(clippy::too_many_arguments, reason = "the LAPACK signature")]
pub(super) unsafe fn ormqr<T: Element>(
    ctx: *const oxpar_context,
    side: i32,
    trans: i32,
    m: usize,
    n: usize,
    k: usize,
    a: *const T,
    rsa: isize,
    csa: isize,
    tau: *const T,
    c: *mut T,
    rsc: isize,
    csc: isize,
) -> Result<(), CapiError>
where
    dyn HostBackend: Qr<T>,
{
    // SAFETY: forwarded pointer contracts.
    let ctx = unsafe { ffi::context(ctx)? };
    let host = qr_host(ctx, "applying Q")?;
    let side = side_from(side, "side")?;
    let trans = trans_from(trans, "trans")?;
    if trans == Trans::Yes && T::DTYPE.is_complex() {
        return Err(CapiError::invalid(
            "trans",
            "OXPAR_TRANS_YES (Q^T) is not offered for a complex Q; use OXPAR_TRANS_CONJ (Q^H), as \
             LAPACK's unmqr",
        ));
    }
    let nq = match side {
        Side::Left => m,
        Side::Right => n,
    };
    if k > nq {
        return Err(CapiError::invalid(
            "k",
            format!(
                "{k} reflectors, but Q is {nq}x{nq} ({} of C); need k <= {nq}",
                if side == Side::Left {
                    "the rows"
                } else {
                    "the columns"
                }
            ),
        ));
    }
    // SAFETY: forwarded pointer contracts.
    let av = unsafe { ffi::mat_ref(a, nq, k, rsa, csa, ["a", "rsa", "csa"])? };
    scalars_ptr(tau, k, "tau")?;
    // SAFETY: checked non-null (when k > 0) and aligned; k readable elements (the contract).
    let tau = unsafe { ffi::slice(tau, k) };
    // SAFETY: forwarded pointer contracts.
    let cv = unsafe { ffi::mat_mut(c, m, n, rsc, csc, ["c", "rsc", "csc"])? };
    let written = [Operand::matrix(cv.as_ref())];
    let a_copy = detach_mat(av, &written);
    let tau_copy = detach_slice(tau, &written);
    let tau = tau_copy.as_deref().unwrap_or(tau);
    Ok(Qr::<T>::qr_apply_q(
        host,
        side,
        trans,
        read_mat(av, &a_copy),
        tau,
        cv,
    )?)
}

/// # Safety
/// The pointer contracts of `oxpar_?orgqr` / `oxpar_?ungqr`.
#[allow(clippy::too_many_arguments, reason = "the LAPACK signature")]
pub(super) unsafe fn orgqr<T: Element>(
    ctx: *const oxpar_context,
    m: usize,
    n: usize,
    k: usize,
    a: *mut T,
    rsa: isize,
    csa: isize,
    tau: *const T,
) -> Result<(), CapiError>
where
    dyn HostBackend: Qr<T>,
{
    // SAFETY: forwarded pointer contracts.
    let ctx = unsafe { ffi::context(ctx)? };
    let host = qr_host(ctx, "forming Q")?;
    if n > m {
        return Err(CapiError::invalid(
            "n",
            format!("{n} columns of Q asked for, but Q is {m}x{m}; need n <= m"),
        ));
    }
    if k > n {
        return Err(CapiError::invalid(
            "k",
            format!("{k} reflectors in the {n} columns of a; need k <= n"),
        ));
    }
    // SAFETY: forwarded pointer contracts.
    let mut av = unsafe { ffi::mat_mut(a, m, n, rsa, csa, ["a", "rsa", "csa"])? };
    scalars_ptr(tau, k, "tau")?;
    // SAFETY: checked non-null (when k > 0) and aligned; k readable
    // elements (the contract). Copied before `a` is written (they may meet).
    let tau: Vec<T> = unsafe { ffi::slice(tau, k) }.to_vec();
    // The reflectors, out of the way of Q, which overwrites them.
    let v: Vec<T> = (0..k)
        .flat_map(|j| {
            let av = av.as_ref();
            (0..m).map(move |i| av.get(i, j))
        })
        .collect();
    let vv = MatRef::col_major(&v, m, k, m.max(1))?;
    Ok(Qr::<T>::qr_form_q(host, vv, &tau, av.rb_mut())?)
}

/// # Safety
/// The pointer contracts of `oxpar_?gels`.
#[allow(clippy::too_many_arguments, reason = "the LAPACK signature")]
pub(super) unsafe fn gels<T: Element>(
    ctx: *const oxpar_context,
    trans: i32,
    m: usize,
    n: usize,
    nrhs: usize,
    a: *mut T,
    rsa: isize,
    csa: isize,
    b: *mut T,
    rsb: isize,
    csb: isize,
    info: *mut i64,
) -> Result<(), CapiError>
where
    dyn HostBackend: Qr<T>,
{
    // SAFETY: forwarded pointer contracts.
    let ctx = unsafe { ffi::context(ctx)? };
    let host = qr_host(ctx, "least squares")?;
    let trans = trans_from(trans, "trans")?;
    if trans == Trans::Yes && T::DTYPE.is_complex() {
        return Err(CapiError::invalid(
            "trans",
            "OXPAR_TRANS_YES is not offered for a complex A; use OXPAR_TRANS_CONJ (A^H), as \
             LAPACK's gels",
        ));
    }
    if m < n {
        return Err(CapiError {
            status: oxpar_status::Unsupported,
            message: format!(
                "a: is {m}x{n}: only m >= n is supported (full-rank overdetermined systems, \
                 or with trans the minimum-norm solution of the underdetermined A^H*X = B)"
            ),
        });
    }
    // SAFETY: forwarded pointer contracts.
    let mut av = unsafe { ffi::mat_mut(a, m, n, rsa, csa, ["a", "rsa", "csa"])? };
    // SAFETY: forwarded pointer contracts.
    let mut bv = unsafe { ffi::mat_mut(b, m, nrhs, rsb, csb, ["b", "rsb", "csb"])? };
    exclusive_outputs(
        ("a", Operand::matrix(av.as_ref())),
        ("b", Operand::matrix(bv.as_ref())),
    )?;
    if trans == Trans::No {
        let result = Qr::<T>::lstsq(host, av, bv);
        // SAFETY: forwarded pointer contracts.
        return unsafe { report(info, result) };
    }
    // A^H*X = B, A = Q*R: X = Q*[R^-H*B; 0], the minimum-norm solution.
    let mut tau = vec![T::ZERO; n];
    let result = (|| -> Result<(), Error> {
        Qr::<T>::qr_factor(host, av.rb_mut(), &mut tau)?;
        if let Some(j) = (0..n).find(|&j| av.get(j, j) == T::ZERO) {
            return Err(Error::numerical(
                ErrorKind::Singular,
                j + 1,
                format!(
                    "R({j}, {j}) is exactly zero: A is rank deficient (LAPACK info {})",
                    j + 1
                ),
            ));
        }
        if nrhs == 0 {
            return Ok(());
        }
        let r = av.as_ref().submatrix(0, 0, n, n);
        let (top, mut rest) = bv.rb_mut().split_at_row_mut(n);
        host.trsm(Side::Left, Uplo::Lower, Diag::NonUnit, T::ONE, r.h(), top)?;
        for j in 0..nrhs {
            for i in 0..m - n {
                rest.set(i, j, T::ZERO);
            }
        }
        Qr::<T>::qr_apply_q(host, Side::Left, Trans::No, av.as_ref(), &tau, bv)
    })();
    // SAFETY: forwarded pointer contracts.
    unsafe { report(info, result) }
}
