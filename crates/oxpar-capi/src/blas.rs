//! BLAS-style routines with special cases (reproducible mode, MPI
//! collectives, aliasing copies): their generic helpers, written by hand
//! here, over every element type (`s`, `d` and the complex `c`, `z`).
//!
//! Complex elements take the same paths as real ones on every backend, MPI
//! included: the MPI backend distributes them as it does reals, and its
//! agreement (the first collective of each call carries every rank's
//! operation and element type) makes a rank calling a complex routine where
//! the others call a real one, or the other complex type, an error on every
//! rank.
//!
//! Their exported, typed shells are generated from the routine table into
//! `blas/shells.rs` (written out, not a macro, so that cbindgen sees every
//! signature); the other routines are generated whole into `generated.rs`.

mod shells;
pub use shells::*;

use oxpar::{Element, HostBackend, Level1, Level2, Level3, Op};

use crate::boundary::call;
use crate::context::oxpar_context;
use crate::ffi::{self, detach_mat, detach_vec, exclusive_outputs, read_mat, read_vec, Operand};
use crate::status::{oxpar_status, trans_from, CapiError};
use crate::{oxpar_c32, oxpar_c64};

type R = Result<(), CapiError>;

/// Conjugates a vector in place (band and packed routines compute
/// `op(A) = A^H` as `conj(A^T conj(x))`, their views carrying no conjugation).
pub(crate) fn conj_in_place<T: Element>(mut v: oxpar::VecMut<'_, T>) {
    if !T::DTYPE.is_complex() {
        return;
    }
    for i in 0..v.len() {
        let e = v.as_ref().get(i);
        v.set(i, e.conj());
    }
}

/// Runs the argument checks of a routine that is collective on some backends
/// (MPI). If they fail on this process, the backend is told, so that the
/// other ranks return an error too instead of waiting for this one forever.
pub(crate) fn collective_checks<V>(
    ctx: &oxpar_context,
    op: Op,
    checks: impl FnOnce() -> Result<V, CapiError>,
) -> Result<V, CapiError> {
    checks().inspect_err(|e| {
        let _ = ctx.host().reject(op, e.to_error());
    })
}

/// # Safety
/// The pointer contracts of the exported function that calls it.
unsafe fn axpy<T: Element>(
    ctx: *const oxpar_context,
    n: usize,
    alpha: *const T,
    x: *const T,
    incx: isize,
    y: *mut T,
    incy: isize,
) -> R
where
    dyn HostBackend: Level1<T>,
{
    // SAFETY: forwarded pointer contracts.
    let ctx = unsafe { ffi::context(ctx)? };
    // SAFETY: forwarded pointer contracts.
    let (alpha, xv, yv) = unsafe {
        (
            ffi::scalar(alpha, "alpha")?,
            ffi::vec_ref(x, n, incx, ["x", "incx"])?,
            ffi::vec_mut(y, n, incy, ["y", "incy"])?,
        )
    };
    // y := alpha*x + y with x sharing y's memory (x == y included) reads x
    // from a copy, so the kernel never sees aliased input and output.
    let x_copy = detach_vec(xv, &[Operand::vector(yv.as_ref())]);
    Ok(Level1::<T>::axpy(
        ctx.host(),
        alpha,
        read_vec(xv, &x_copy),
        yv,
    )?)
}

/// # Safety
/// The pointer contracts of the exported function that calls it.
unsafe fn scal<T: Element>(
    ctx: *const oxpar_context,
    n: usize,
    alpha: *const T,
    x: *mut T,
    incx: isize,
) -> R
where
    dyn HostBackend: Level1<T>,
{
    // SAFETY: forwarded pointer contracts.
    let ctx = unsafe { ffi::context(ctx)? };
    // SAFETY: forwarded pointer contracts.
    let (alpha, xv) = unsafe {
        (
            ffi::scalar(alpha, "alpha")?,
            ffi::vec_mut(x, n, incx, ["x", "incx"])?,
        )
    };
    Ok(Level1::<T>::scal(ctx.host(), alpha, xv)?)
}

/// `x := alpha*x` for complex `x` and real `alpha` (csscal, zdscal): each
/// part scaled on its own, as the real vectors of the real and of the
/// imaginary parts (so `alpha*(inf + 0i)` keeps its 0, which a complex
/// product with `alpha + 0i` would turn into NaN).
///
/// # Safety
/// The pointer contracts of the exported function that calls it.
unsafe fn rscal<T: Element>(
    ctx: *const oxpar_context,
    n: usize,
    alpha: *const T::Real,
    x: *mut T,
    incx: isize,
) -> R
where
    dyn HostBackend: Level1<T::Real>,
{
    // SAFETY: forwarded pointer contracts.
    let ctx = unsafe { ffi::context(ctx)? };
    // SAFETY: forwarded pointer contracts (the complex vector is checked as
    // given, then dropped before its parts are viewed).
    let alpha = unsafe {
        let _checked = ffi::vec_mut(x, n, incx, ["x", "incx"])?;
        ffi::scalar(alpha, "alpha")?
    };
    // An element is two reals, real part first: the parts are the real
    // vectors at x and x + 1 with twice the increment, in bounds as the
    // complex vector is (checked above), sharing no element.
    debug_assert!(T::DTYPE.is_complex(), "rscal scales complex vectors");
    let inc = if n > 1 { incx * 2 } else { 0 };
    let base = x.cast::<T::Real>();
    for part in 0..2 {
        // SAFETY: as above; for n == 0 nothing is read.
        let xv = unsafe { ffi::vec_mut(base.wrapping_add(part), n, inc, ["x", "incx"])? };
        Level1::<T::Real>::scal(ctx.host(), alpha, xv)?;
    }
    Ok(())
}

/// # Safety
/// The pointer contracts of the exported function that calls it.
unsafe fn copy<T: Element>(
    ctx: *const oxpar_context,
    n: usize,
    x: *const T,
    incx: isize,
    y: *mut T,
    incy: isize,
) -> R
where
    dyn HostBackend: Level1<T>,
{
    // SAFETY: forwarded pointer contracts.
    let ctx = unsafe { ffi::context(ctx)? };
    // SAFETY: forwarded pointer contracts.
    let (xv, yv) = unsafe {
        (
            ffi::vec_ref(x, n, incx, ["x", "incx"])?,
            ffi::vec_mut(y, n, incy, ["y", "incy"])?,
        )
    };
    if std::ptr::eq(x, y) && xv.inc() == yv.inc() {
        return Ok(()); // copying a vector onto itself
    }
    let x_copy = detach_vec(xv, &[Operand::vector(yv.as_ref())]);
    Ok(Level1::<T>::copy(ctx.host(), read_vec(xv, &x_copy), yv)?)
}

/// # Safety
/// The pointer contracts of the exported function that calls it.
unsafe fn swap<T: Element>(
    ctx: *const oxpar_context,
    n: usize,
    x: *mut T,
    incx: isize,
    y: *mut T,
    incy: isize,
) -> R
where
    dyn HostBackend: Level1<T>,
{
    // SAFETY: forwarded pointer contracts.
    let ctx = unsafe { ffi::context(ctx)? };
    // SAFETY: forwarded pointer contracts. x and y may be the same memory:
    // nothing is written until that has been checked below.
    let (xv, yv) = unsafe {
        (
            ffi::vec_mut(x, n, incx, ["x", "incx"])?,
            ffi::vec_mut(y, n, incy, ["y", "incy"])?,
        )
    };
    if std::ptr::eq(x, y) && xv.inc() == yv.inc() {
        return Ok(()); // swapping a vector with itself
    }
    exclusive_outputs(
        ("x", Operand::vector(xv.as_ref())),
        ("y", Operand::vector(yv.as_ref())),
    )?;
    Ok(Level1::<T>::swap(ctx.host(), xv, yv)?)
}

/// `dot` (`dotu` for complex elements) or, with `conj`, `dotc`.
///
/// # Safety
/// The pointer contracts of the exported function that calls it.
#[allow(
    clippy::too_many_arguments,
    reason = "the BLAS signature and the conjugation"
)]
unsafe fn dot<T: Element>(
    ctx: *const oxpar_context,
    n: usize,
    x: *const T,
    incx: isize,
    y: *const T,
    incy: isize,
    out: *mut T,
    conj: bool,
) -> R
where
    dyn HostBackend: Level1<T>,
{
    // SAFETY: forwarded pointer contracts.
    let ctx = unsafe { ffi::context(ctx)? };
    // The context's backend is reproducible or not as the context says: the
    // collective told of a rejection is the one the call would make.
    let (xv, yv, out) = collective_checks(ctx, Op::Dot, || {
        // SAFETY: forwarded pointer contracts.
        let (xv, yv) = unsafe {
            (
                ffi::vec_ref(x, n, incx, ["x", "incx"])?,
                ffi::vec_ref(y, n, incy, ["y", "incy"])?,
            )
        };
        Ok((xv, yv, ffi::out_ptr(out, "out")?))
    })?;
    let value = if conj {
        Level1::<T>::dotc(ctx.host(), xv, yv)?
    } else {
        Level1::<T>::dot(ctx.host(), xv, yv)?
    };
    // SAFETY: checked non-null; writable per the contract.
    unsafe { ffi::write_out(out, value) };
    Ok(())
}

/// `iamax`: the index, or `OXPAR_INDEX_NONE` for an empty vector.
///
/// # Safety
/// The pointer contracts of the exported function that calls it.
unsafe fn iamax<T: Element>(
    ctx: *const oxpar_context,
    n: usize,
    x: *const T,
    incx: isize,
    out: *mut usize,
) -> R
where
    dyn HostBackend: Level1<T>,
{
    // SAFETY: forwarded pointer contracts.
    let ctx = unsafe { ffi::context(ctx)? };
    let (xv, out) = collective_checks(ctx, Op::Iamax, || {
        // SAFETY: forwarded pointer contracts.
        let xv = unsafe { ffi::vec_ref(x, n, incx, ["x", "incx"])? };
        Ok((xv, ffi::out_ptr(out, "out")?))
    })?;
    let b: &dyn HostBackend = ctx.host();
    let value = Level1::<T>::iamax(b, xv)?.unwrap_or(crate::OXPAR_INDEX_NONE);
    // SAFETY: checked non-null; writable per the contract.
    unsafe { ffi::write_out(out, value) };
    Ok(())
}

/// The reductions of one vector to a real number.
#[derive(Copy, Clone)]
enum Norm {
    Nrm2,
    Asum,
}

/// `nrm2` or `asum` (reproducible or not as the context's backend is): real
/// for complex elements too.
///
/// # Safety
/// The pointer contracts of the exported function that calls it.
unsafe fn norm<T: Element>(
    ctx: *const oxpar_context,
    n: usize,
    x: *const T,
    incx: isize,
    out: *mut T::Real,
    which: Norm,
) -> R
where
    dyn HostBackend: Level1<T>,
{
    // SAFETY: forwarded pointer contracts.
    let ctx = unsafe { ffi::context(ctx)? };
    let op = match which {
        Norm::Nrm2 => Op::Nrm2,
        Norm::Asum => Op::Asum,
    };
    let (xv, out) = collective_checks(ctx, op, || {
        // SAFETY: forwarded pointer contracts.
        let xv = unsafe { ffi::vec_ref(x, n, incx, ["x", "incx"])? };
        Ok((xv, ffi::out_ptr(out, "out")?))
    })?;
    let b: &dyn HostBackend = ctx.host();
    let value = match which {
        Norm::Nrm2 => Level1::<T>::nrm2(b, xv)?,
        Norm::Asum => Level1::<T>::asum(b, xv)?,
    };
    // SAFETY: checked non-null; writable per the contract.
    unsafe { ffi::write_out(out, value) };
    Ok(())
}

/// `sum` (reproducible or not as the context's backend is), of the element
/// type.
///
/// # Safety
/// The pointer contracts of the exported function that calls it.
unsafe fn sum<T: Element>(
    ctx: *const oxpar_context,
    n: usize,
    x: *const T,
    incx: isize,
    out: *mut T,
) -> R
where
    dyn HostBackend: Level1<T>,
{
    // SAFETY: forwarded pointer contracts.
    let ctx = unsafe { ffi::context(ctx)? };
    let (xv, out) = collective_checks(ctx, Op::Sum, || {
        // SAFETY: forwarded pointer contracts.
        let xv = unsafe { ffi::vec_ref(x, n, incx, ["x", "incx"])? };
        Ok((xv, ffi::out_ptr(out, "out")?))
    })?;
    let value = Level1::<T>::sum(ctx.host(), xv)?;
    // SAFETY: checked non-null; writable per the contract.
    unsafe { ffi::write_out(out, value) };
    Ok(())
}

/// # Safety
/// The pointer contracts of the exported function that calls it.
#[allow(clippy::too_many_arguments, reason = "the BLAS signature")]
pub(crate) unsafe fn gemv<T: Element>(
    ctx: *const oxpar_context,
    trans: i32,
    (m, n, x_len): (usize, usize, Option<usize>),
    alpha: *const T,
    a: *const T,
    rsa: isize,
    csa: isize,
    x: *const T,
    incx: isize,
    beta: *const T,
    y: *mut T,
    incy: isize,
) -> R
where
    dyn HostBackend: Level2<T>,
{
    // SAFETY: forwarded pointer contracts.
    let ctx = unsafe { ffi::context(ctx)? };
    let (trans, alpha, beta, av, xv, yv) = collective_checks(ctx, Op::Gemv, || {
        let trans = trans_from(trans, "trans")?;
        // SAFETY: forwarded pointer contracts.
        let (alpha, beta) = unsafe { (ffi::scalar(alpha, "alpha")?, ffi::scalar(beta, "beta")?) };
        let (lx, ly) = if trans == oxpar::Trans::No {
            (n, m)
        } else {
            (m, n)
        };
        // A distributed x (MPI) is only this rank's block of it.
        let lx = x_len.unwrap_or(lx);
        // SAFETY: forwarded pointer contracts.
        let av = unsafe { ffi::mat_ref(a, m, n, rsa, csa, ["a", "rsa", "csa"])? };
        // SAFETY: forwarded pointer contracts.
        let (xv, yv) = unsafe {
            (
                ffi::vec_ref(x, lx, incx, ["x", "incx"])?,
                ffi::vec_mut(y, ly, incy, ["y", "incy"])?,
            )
        };
        Ok((trans, alpha, beta, av, xv, yv))
    })?;
    // Inputs that share memory with y are read from copies.
    let outputs = [Operand::vector(yv.as_ref())];
    let (a_copy, x_copy) = (detach_mat(av, &outputs), detach_vec(xv, &outputs));
    Ok(Level2::<T>::gemv(
        ctx.host(),
        alpha,
        trans.apply(read_mat(av, &a_copy)),
        read_vec(xv, &x_copy),
        beta,
        yv,
    )?)
}

/// `ger` as the real routines and the MPI ones call it (`y_len`: a
/// distributed `y` is only this rank's block of it).
///
/// # Safety
/// The pointer contracts of the exported function that calls it.
#[allow(clippy::too_many_arguments, reason = "the BLAS signature")]
pub(crate) unsafe fn ger<T: Element>(
    ctx: *const oxpar_context,
    dims: (usize, usize, Option<usize>),
    alpha: *const T,
    x: *const T,
    incx: isize,
    y: *const T,
    incy: isize,
    a: *mut T,
    rsa: isize,
    csa: isize,
) -> R
where
    dyn HostBackend: Level2<T>,
{
    // SAFETY: forwarded pointer contracts.
    unsafe { ger_full(ctx, dims, alpha, x, incx, y, incy, a, rsa, csa, false) }
}

/// `geru` (`conj` false) or `gerc` (`y` conjugated).
///
/// # Safety
/// The pointer contracts of the exported function that calls it.
#[allow(clippy::too_many_arguments, reason = "the BLAS signature")]
unsafe fn ger_op<T: Element>(
    ctx: *const oxpar_context,
    (m, n): (usize, usize),
    alpha: *const T,
    x: *const T,
    incx: isize,
    y: *const T,
    incy: isize,
    a: *mut T,
    rsa: isize,
    csa: isize,
    conj: bool,
) -> R
where
    dyn HostBackend: Level2<T>,
{
    // SAFETY: forwarded pointer contracts.
    unsafe {
        ger_full(
            ctx,
            (m, n, None),
            alpha,
            x,
            incx,
            y,
            incy,
            a,
            rsa,
            csa,
            conj,
        )
    }
}

/// # Safety
/// The pointer contracts of the exported function that calls it.
#[allow(clippy::too_many_arguments, reason = "the BLAS signature")]
pub(crate) unsafe fn ger_full<T: Element>(
    ctx: *const oxpar_context,
    (m, n, y_len): (usize, usize, Option<usize>),
    alpha: *const T,
    x: *const T,
    incx: isize,
    y: *const T,
    incy: isize,
    a: *mut T,
    rsa: isize,
    csa: isize,
    conj: bool,
) -> R
where
    dyn HostBackend: Level2<T>,
{
    // SAFETY: forwarded pointer contracts.
    let ctx = unsafe { ffi::context(ctx)? };
    let (alpha, xv, yv, av) = collective_checks(ctx, Op::Ger, || {
        // SAFETY: forwarded pointer contracts.
        let alpha = unsafe { ffi::scalar(alpha, "alpha")? };
        // SAFETY: forwarded pointer contracts.
        let (xv, yv) = unsafe {
            (
                ffi::vec_ref(x, m, incx, ["x", "incx"])?,
                ffi::vec_ref(y, y_len.unwrap_or(n), incy, ["y", "incy"])?,
            )
        };
        // SAFETY: forwarded pointer contracts.
        let av = unsafe { ffi::mat_mut(a, m, n, rsa, csa, ["a", "rsa", "csa"])? };
        Ok((alpha, xv, yv, av))
    })?;
    // Inputs that share memory with A are read from copies.
    let outputs = [Operand::matrix(av.as_ref())];
    let (x_copy, y_copy) = (detach_vec(xv, &outputs), detach_vec(yv, &outputs));
    let (x, y) = (read_vec(xv, &x_copy), read_vec(yv, &y_copy));
    if conj {
        Level2::<T>::gerc(ctx.host(), alpha, x, y, av)?;
    } else {
        Level2::<T>::ger(ctx.host(), alpha, x, y, av)?;
    }
    Ok(())
}

/// # Safety
/// The pointer contracts of the exported function that calls it.
#[allow(clippy::too_many_arguments, reason = "the BLAS signature")]
pub(crate) unsafe fn gemm<T: Element>(
    ctx: *const oxpar_context,
    transa: i32,
    transb: i32,
    m: usize,
    n: usize,
    (ka, kb): (usize, usize),
    alpha: *const T,
    a: *const T,
    rsa: isize,
    csa: isize,
    b: *const T,
    rsb: isize,
    csb: isize,
    beta: *const T,
    c: *mut T,
    rsc: isize,
    csc: isize,
) -> R
where
    dyn HostBackend: Level3<T>,
{
    // SAFETY: forwarded pointer contracts.
    let ctx = unsafe { ffi::context(ctx)? };
    let (ta, tb, alpha, beta, av, bv, cv) = collective_checks(ctx, Op::Gemm, || {
        let (ta, tb) = (trans_from(transa, "transa")?, trans_from(transb, "transb")?);
        // SAFETY: forwarded pointer contracts.
        let (alpha, beta) = unsafe { (ffi::scalar(alpha, "alpha")?, ffi::scalar(beta, "beta")?) };
        // Stored shapes: op(A) is m x ka, op(B) is kb x n.
        let (am, an) = if ta == oxpar::Trans::No {
            (m, ka)
        } else {
            (ka, m)
        };
        let (bm, bn) = if tb == oxpar::Trans::No {
            (kb, n)
        } else {
            (n, kb)
        };
        // SAFETY: forwarded pointer contracts.
        let (av, bv) = unsafe {
            (
                ffi::mat_ref(a, am, an, rsa, csa, ["a", "rsa", "csa"])?,
                ffi::mat_ref(b, bm, bn, rsb, csb, ["b", "rsb", "csb"])?,
            )
        };
        // SAFETY: forwarded pointer contracts.
        let cv = unsafe { ffi::mat_mut(c, m, n, rsc, csc, ["c", "rsc", "csc"])? };
        Ok((ta, tb, alpha, beta, av, bv, cv))
    })?;
    // Inputs that share memory with C are read from copies.
    let outputs = [Operand::matrix(cv.as_ref())];
    let (a_copy, b_copy) = (detach_mat(av, &outputs), detach_mat(bv, &outputs));
    Ok(Level3::<T>::gemm(
        ctx.host(),
        alpha,
        ta.apply(read_mat(av, &a_copy)),
        tb.apply(read_mat(bv, &b_copy)),
        beta,
        cv,
    )?)
}
