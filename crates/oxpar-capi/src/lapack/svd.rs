//! The singular value decomposition and SVD least squares (LAPACK's
//! `gesvd` and `gelss`) behind the shells `oxpar_?gesvd` and `oxpar_?gelss`,
//! on the context's backend (`oxpar::Svd`).
//!
//! `jobu`/`jobvt` are LAPACK's characters `'A'` (all vectors), `'S'` (the
//! leading `min(m, n)`) and `'N'` (none), either case; `'O'` (overwrite `a`
//! with the vectors) is refused: pass `'S'` and a separate array. `info`
//! receives LAPACK's count of unconverged superdiagonals on
//! `OXPAR_STATUS_NO_CONVERGENCE` (then `s` holds the partly reduced
//! bidiagonal's diagonal, the vectors are not written).

use std::ffi::c_char;

use oxpar::{Element, Error, ErrorKind, Factor, HostBackend, MatMut, Svd};

use super::set_info;
use crate::context::oxpar_context;
use crate::ffi::{self, exclusive_outputs, Operand};
use crate::status::CapiError;

/// What `jobu`/`jobvt` ask for.
#[derive(Clone, Copy, PartialEq)]
enum Job {
    All,
    Thin,
    None,
}

fn job_from(c: c_char, name: &str) -> Result<Job, CapiError> {
    match c as u8 {
        b'A' | b'a' => Ok(Job::All),
        b'S' | b's' => Ok(Job::Thin),
        b'N' | b'n' => Ok(Job::None),
        b'O' | b'o' => Err(CapiError::invalid(
            name,
            "'O' (overwrite a with the vectors) is not supported: pass 'S' and a separate array",
        )),
        other => Err(CapiError::invalid(
            name,
            format!(
                "{:?} is not a job: expected 'A' (all vectors), 'S' (the leading min(m, n)) or 'N' (none)",
                other as char
            ),
        )),
    }
}

/// `n` writable real elements at `p` (NULL only when `n == 0`).
///
/// # Safety
/// `p` is NULL or holds `n` writable elements used by nothing else.
unsafe fn real_out<'a, R>(p: *mut R, n: usize, name: &str) -> Result<&'a mut [R], CapiError> {
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
    // SAFETY: checked non-null (when n > 0) and aligned; the caller's contract.
    Ok(unsafe { ffi::slice_mut(p, n) })
}

/// `Ok` after writing 0 to `info`, or a non-convergence after writing its
/// count; other errors pass through.
///
/// # Safety
/// `info` is NULL or writable.
unsafe fn report<V>(info: *mut i64, result: Result<V, Error>) -> Result<V, CapiError> {
    match result {
        Ok(v) => {
            // SAFETY: forwarded.
            unsafe { set_info(info, 0) };
            Ok(v)
        }
        Err(e) => {
            if e.kind() == ErrorKind::NoConvergence {
                // SAFETY: forwarded.
                unsafe { set_info(info, e.info().unwrap_or(0)) };
            }
            Err(e.into())
        }
    }
}

/// An optional output matrix: NULL and unused for [`Job::None`].
///
/// # Safety
/// As `ffi::mat_mut` when `job` is not [`Job::None`].
unsafe fn vectors<'a, T: Element>(
    job: Job,
    p: *mut T,
    (rows, cols): (usize, usize),
    rs: isize,
    cs: isize,
    names: [&str; 3],
) -> Result<Option<MatMut<'a, T>>, CapiError> {
    if job == Job::None {
        return Ok(None);
    }
    // SAFETY: forwarded pointer contracts.
    Ok(Some(unsafe { ffi::mat_mut(p, rows, cols, rs, cs, names)? }))
}

/// # Safety
/// The pointer contracts of `oxpar_?gesvd`.
#[allow(clippy::too_many_arguments, reason = "the LAPACK signature")]
pub(super) unsafe fn gesvd<T: Element>(
    ctx: *const oxpar_context,
    jobu: c_char,
    jobvt: c_char,
    m: usize,
    n: usize,
    a: *mut T,
    [rsa, csa]: [isize; 2],
    s: *mut T::Real,
    u: *mut T,
    [rsu, csu]: [isize; 2],
    vt: *mut T,
    [rsvt, csvt]: [isize; 2],
    info: *mut i64,
) -> Result<(), CapiError>
where
    dyn HostBackend: Factor<T>,
{
    // SAFETY: forwarded pointer contracts.
    let ctx = unsafe { ffi::context(ctx)? };
    let ju = job_from(jobu, "jobu")?;
    let jv = job_from(jobvt, "jobvt")?;
    let k = m.min(n);
    // SAFETY: forwarded pointer contracts.
    let av = unsafe { ffi::mat_mut(a, m, n, rsa, csa, ["a", "rsa", "csa"])? };
    // SAFETY: forwarded pointer contracts.
    let s = unsafe { real_out(s, k, "s")? };
    let ushape = (m, if ju == Job::All { m } else { k });
    let vshape = (if jv == Job::All { n } else { k }, n);
    // SAFETY: forwarded pointer contracts.
    let uv = unsafe { vectors(ju, u, ushape, rsu, csu, ["u", "rsu", "csu"])? };
    // SAFETY: forwarded pointer contracts.
    let vv = unsafe { vectors(jv, vt, vshape, rsvt, csvt, ["vt", "rsvt", "csvt"])? };
    exclusive_outputs(
        ("a", Operand::matrix(av.as_ref())),
        ("s", Operand::slice(s)),
    )?;
    if let Some(uv) = &uv {
        exclusive_outputs(
            ("a", Operand::matrix(av.as_ref())),
            ("u", Operand::matrix(uv.as_ref())),
        )?;
        exclusive_outputs(
            ("s", Operand::slice(s)),
            ("u", Operand::matrix(uv.as_ref())),
        )?;
    }
    if let Some(vv) = &vv {
        exclusive_outputs(
            ("a", Operand::matrix(av.as_ref())),
            ("vt", Operand::matrix(vv.as_ref())),
        )?;
        exclusive_outputs(
            ("s", Operand::slice(s)),
            ("vt", Operand::matrix(vv.as_ref())),
        )?;
        if let Some(uv) = &uv {
            exclusive_outputs(
                ("u", Operand::matrix(uv.as_ref())),
                ("vt", Operand::matrix(vv.as_ref())),
            )?;
        }
    }
    let result = Svd::<T>::svd(ctx.host(), av, s, uv, vv);
    // SAFETY: forwarded pointer contracts.
    unsafe { report(info, result) }
}

/// # Safety
/// The pointer contracts of `oxpar_?gelss`.
#[allow(clippy::too_many_arguments, reason = "the LAPACK signature")]
pub(super) unsafe fn gelss<T: Element>(
    ctx: *const oxpar_context,
    m: usize,
    n: usize,
    nrhs: usize,
    a: *mut T,
    [rsa, csa]: [isize; 2],
    b: *mut T,
    [rsb, csb]: [isize; 2],
    rcond: T::Real,
    s: *mut T::Real,
    rank: *mut i64,
    info: *mut i64,
) -> Result<(), CapiError>
where
    dyn HostBackend: Factor<T>,
{
    // SAFETY: forwarded pointer contracts.
    let ctx = unsafe { ffi::context(ctx)? };
    // SAFETY: forwarded pointer contracts.
    let av = unsafe { ffi::mat_mut(a, m, n, rsa, csa, ["a", "rsa", "csa"])? };
    // SAFETY: forwarded pointer contracts.
    let bv = unsafe { ffi::mat_mut(b, m.max(n), nrhs, rsb, csb, ["b", "rsb", "csb"])? };
    // SAFETY: forwarded pointer contracts.
    let s = unsafe { real_out(s, m.min(n), "s")? };
    if !rank.is_null() && !rank.is_aligned() {
        return Err(CapiError::invalid("rank", "is not aligned for int64_t"));
    }
    exclusive_outputs(
        ("a", Operand::matrix(av.as_ref())),
        ("b", Operand::matrix(bv.as_ref())),
    )?;
    exclusive_outputs(
        ("a", Operand::matrix(av.as_ref())),
        ("s", Operand::slice(s)),
    )?;
    exclusive_outputs(
        ("b", Operand::matrix(bv.as_ref())),
        ("s", Operand::slice(s)),
    )?;
    let result = Svd::<T>::lstsq_rank(ctx.host(), av, bv, Some(rcond), s);
    // SAFETY: forwarded pointer contracts.
    let r = unsafe { report(info, result)? };
    if !rank.is_null() {
        // SAFETY: non-null, aligned and writable (the contract).
        unsafe { ffi::write_out(rank, i64::try_from(r).unwrap_or(i64::MAX)) };
    }
    Ok(())
}
