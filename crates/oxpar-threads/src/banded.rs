//! The banded and packed level-2 forms on the threads backend: the
//! single-core kernels of `oxpar_kernels::level2::banded` (they walk each
//! stored column once), with strided vectors gathered into contiguous ones.
//! `spmv` is split across the team as symv is; the others run on the calling
//! thread (a band is usually too thin for a split to pay; the packed
//! triangular and rank-update forms are not split yet).

use std::borrow::Cow;
use std::sync::OnceLock;

use oxpar_core::backend::check;
use oxpar_core::{BandRef, Diag, PackedMut, PackedRef, Result, Uplo, VecMut, VecRef};

use crate::RealElement;
use oxpar_kernels::level2::banded as kb;

use crate::structured::area_block;
use crate::ThreadsBackend;

/// `x` as a contiguous slice (a copy when strided).
fn contiguous<'a, T: RealElement>(x: &'a VecRef<'_, T>) -> Cow<'a, [T]> {
    match x.as_slice() {
        Some(s) => Cow::Borrowed(s),
        None => Cow::Owned(x.iter().collect()),
    }
}

/// `y := alpha*(A*x) + beta*y`, where `product(x, w)` adds `A*x` to the
/// zeroed `w`; with `alpha == 0` it is not called (A and x not read), with
/// `beta == 0` `y` is not read.
fn mv<T: RealElement>(
    alpha: T,
    x: VecRef<'_, T>,
    beta: T,
    mut y: VecMut<'_, T>,
    product: impl FnOnce(&[T], &mut [T]),
) {
    let mut w = vec![T::zero(); y.len()];
    if alpha != T::zero() {
        product(&contiguous(&x), &mut w);
    }
    y.for_each_mut(|i, yi| {
        let old = if beta == T::zero() {
            T::zero()
        } else {
            beta * *yi
        };
        *yi = alpha * w[i] + old;
    });
}

/// Runs `f` on `x` as one contiguous slice (a copy, written back, when
/// strided).
fn in_place<T: RealElement>(mut x: VecMut<'_, T>, f: impl FnOnce(&mut [T])) {
    if let Some(s) = x.as_slice_mut() {
        return f(s);
    }
    let mut w: Vec<T> = x.as_ref().iter().collect();
    f(&mut w);
    x.for_each_mut(|i, xi| *xi = w[i]);
}

pub(crate) fn gbmv<T: RealElement>(
    alpha: T,
    a: BandRef<'_, T>,
    x: VecRef<'_, T>,
    beta: T,
    y: VecMut<'_, T>,
) -> Result<()> {
    check::gemv((a.nrows(), a.ncols()), x.len(), y.len())?;
    mv(alpha, x, beta, y, |x, w| kb::gbmv_acc(T::one(), a, x, w));
    Ok(())
}

pub(crate) fn sbmv<T: RealElement>(
    uplo: Uplo,
    alpha: T,
    a: BandRef<'_, T>,
    x: VecRef<'_, T>,
    beta: T,
    y: VecMut<'_, T>,
) -> Result<()> {
    check::square("A", (a.nrows(), a.ncols()))?;
    check::gemv((a.nrows(), a.ncols()), x.len(), y.len())?;
    mv(alpha, x, beta, y, |x, w| kb::sbmv_acc(uplo, a, x, w));
    Ok(())
}

pub(crate) fn spmv<T: RealElement>(
    tb: &ThreadsBackend,
    alpha: T,
    a: PackedRef<'_, T>,
    x: VecRef<'_, T>,
    beta: T,
    y: VecMut<'_, T>,
) -> Result<()> {
    check::gemv((a.n(), a.n()), x.len(), y.len())?;
    let n = a.n();
    // As symv: column ranges of equal area, each summed into its own copy of
    // y, the copies added at the end.
    let parts = tb.triangle_parts(n, 2);
    mv(alpha, x, beta, y, |x, w| {
        let growing = a.stored_uplo() == Uplo::Upper;
        if parts == 1 {
            return kb::spmv_cols(a, x, 0..n, w);
        }
        let slots: Vec<OnceLock<Vec<T>>> = (0..parts).map(|_| OnceLock::new()).collect();
        tb.each_part(parts, |p| {
            let mut acc = vec![T::zero(); n];
            kb::spmv_cols(a, x, area_block(n, parts, p, growing), &mut acc);
            let _ = slots[p].set(acc);
        });
        for acc in slots.into_iter().filter_map(OnceLock::into_inner) {
            w.iter_mut().zip(acc).for_each(|(wi, v)| *wi += v);
        }
    });
    Ok(())
}

pub(crate) fn tbmv_tbsv<T: RealElement>(
    solve: bool,
    uplo: Uplo,
    diag: Diag,
    a: BandRef<'_, T>,
    x: VecMut<'_, T>,
) -> Result<()> {
    check::square("A", (a.nrows(), a.ncols()))?;
    check::gemv((a.nrows(), a.ncols()), x.len(), x.len())?;
    in_place(x, |x| kb::tbmv_tbsv(uplo, diag, solve, a, x));
    Ok(())
}

pub(crate) fn tpmv_tpsv<T: RealElement>(
    solve: bool,
    diag: Diag,
    a: PackedRef<'_, T>,
    x: VecMut<'_, T>,
) -> Result<()> {
    check::gemv((a.n(), a.n()), x.len(), x.len())?;
    in_place(x, |x| kb::tpmv_tpsv(diag, solve, a, x));
    Ok(())
}

pub(crate) fn spr<T: RealElement>(
    alpha: T,
    x: VecRef<'_, T>,
    y: Option<VecRef<'_, T>>,
    a: PackedMut<'_, T>,
) -> Result<()> {
    check::ger(x.len(), y.map_or(x.len(), |y| y.len()), (a.n(), a.n()))?;
    if alpha == T::zero() {
        return Ok(());
    }
    let ys = y.as_ref().map(contiguous);
    kb::spr_spr2(alpha, &contiguous(&x), ys.as_deref(), a);
    Ok(())
}
