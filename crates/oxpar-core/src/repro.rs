//! Reproducible mode: reductions that give the same bits for any number of
//! threads, any number of MPI ranks and any split of the data between them,
//! and on every backend.
//!
//! `dot`, `nrm2`, `asum` and `sum` are computed by [`Level1::reduce_exact`]
//! into an [`ExactSum`](crate::exact::ExactSum), an exact long accumulator, and rounded once: the
//! result is the exact result **correctly rounded** (to nearest, ties to
//! even), so it depends on the mathematical value alone. `dot` goes through
//! [`Level1::reduce_rounded`], which a backend may answer by a faster path
//! when it can prove that path's result correctly rounded (the threads
//! backend's certified dot): the bits are the same. `nrm2` is the
//! correctly rounded square root of the exact sum of squares. The method and
//! its references are in [`crate::exact`].
//!
//! Semantics worth knowing:
//! * NaN if any element (or product) is NaN, if `+inf` and `-inf` both occur,
//!   or for `dot` if `inf * 0` occurs; otherwise `±inf` if an infinity
//!   occurs. `nrm2` is NaN if any element is NaN, else `+inf` if any is
//!   infinite.
//! * Finite products and sums never overflow or underflow on the way: the
//!   result is `±inf` only if the exact value rounds beyond the largest
//!   finite number, and tiny results are rounded correctly into subnormals.
//! * An exact zero comes out as `+0.0`.
//!
//! Switch it on per backend with [`Reproducible`], or for contexts made from
//! a spec (the C ABI, Fortran, Python, `oxpar::backend_from_spec`) with
//! `OXPAR_REPRODUCIBLE=1` (see [`enabled_by_env`]).

use crate::backend::{
    Backend, BackendKind, Diag, Level1, Level2, Level3, LoopBody, Op, ParallelLoops, Side, Uplo,
};
use crate::band::{BandRef, PackedMut, PackedRef};
use crate::error::{Error, Result};
use crate::exact::{round_to, sqrt_to, Reduction};
use crate::scalar::{Element, Scalar};
use crate::schedule::Schedule;
use crate::view::{MatMut, MatRef, VecMut, VecRef};
use std::ops::Range;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

/// The environment variable that makes new contexts reproducible: `1`,
/// `true`, `yes` or `on` (any case) switch it on; `0`, `false`, `no`, `off`
/// or empty leave it off.
pub const REPRODUCIBLE_ENV: &str = "OXPAR_REPRODUCIBLE";

/// Whether `OXPAR_REPRODUCIBLE` asks for reproducible mode. An unrecognised
/// value is an `INVALID_ARGUMENT` error naming it.
pub fn enabled_by_env() -> Result<bool> {
    match std::env::var(REPRODUCIBLE_ENV) {
        Err(_) => Ok(false),
        Ok(v) => parse_flag(&v).ok_or_else(|| {
            Error::invalid_argument(
                REPRODUCIBLE_ENV,
                format_args!("is {v:?}: expected 1/0, true/false, yes/no or on/off"),
            )
        }),
    }
}

/// Parses an on/off flag (`1`/`0`, `true`/`false`, `yes`/`no`, `on`/`off`).
pub fn parse_flag(v: &str) -> Option<bool> {
    match v.trim().to_ascii_lowercase().as_str() {
        "1" | "true" | "yes" | "on" => Some(true),
        "0" | "false" | "no" | "off" | "" => Some(false),
        _ => None,
    }
}

/// Reproducible `x . y` on `backend` (correctly rounded).
pub fn dot<T: Scalar, B: Level1<T> + ?Sized>(
    backend: &B,
    x: VecRef<'_, T>,
    y: VecRef<'_, T>,
) -> Result<T> {
    backend.reduce_rounded(Reduction::Dot, x, y)
}

/// Reproducible `sum x_i` (correctly rounded).
pub fn sum<T: Scalar, B: Level1<T> + ?Sized>(backend: &B, x: VecRef<'_, T>) -> Result<T> {
    Ok(round_to(&backend.reduce_exact(Reduction::Sum, x, x)?))
}

/// Reproducible `sum |x_i|` (correctly rounded).
pub fn asum<T: Scalar, B: Level1<T> + ?Sized>(backend: &B, x: VecRef<'_, T>) -> Result<T> {
    Ok(round_to(&backend.reduce_exact(Reduction::Asum, x, x)?))
}

/// Reproducible Euclidean norm: the correctly rounded square root of the
/// exact sum of squares.
pub fn nrm2<T: Scalar, B: Level1<T> + ?Sized>(backend: &B, x: VecRef<'_, T>) -> Result<T> {
    Ok(sqrt_to(&backend.reduce_exact(Reduction::SumSq, x, x)?))
}

/// A shared on/off switch for reproducible mode: the owner of a
/// [`Reproducible::switchable`] backend keeps a clone and flips it (a C
/// context does, for `oxpar_context_set_reproducible`), so that the mode is a
/// property of the backend object and callers never branch on it. Atomic:
/// it may be flipped while other threads compute (a call in flight sees
/// either mode; on MPI contexts the flip is itself collective).
#[derive(Clone, Debug, Default)]
pub struct ReproSwitch(Arc<AtomicBool>);

impl ReproSwitch {
    /// A switch, initially `on`.
    pub fn new(on: bool) -> Self {
        ReproSwitch(Arc::new(AtomicBool::new(on)))
    }

    /// Whether reproducible mode is on.
    pub fn get(&self) -> bool {
        self.0.load(Ordering::Relaxed)
    }

    /// Switches reproducible mode on or off.
    pub fn set(&self, on: bool) {
        self.0.store(on, Ordering::Relaxed);
    }
}

/// A backend whose `dot`, `nrm2`, `asum` and `sum` are reproducible (see the
/// module documentation); every other operation is the inner backend's.
/// Made with [`Reproducible::new`] it is always on; with
/// [`Reproducible::switchable`] it follows a [`ReproSwitch`] and is the inner
/// backend itself while the switch is off.
///
/// ```
/// use oxpar_core::{repro::Reproducible, Level1, Serial, VecRef};
/// let b = Reproducible::new(Serial);
/// let x = [1e100, 1.0, -1e100];
/// let s = b.sum(VecRef::from_slice(&x)).unwrap();
/// assert_eq!(s, 1.0); // an ordinary sum gives 0
/// ```
#[derive(Clone, Debug)]
pub struct Reproducible<B> {
    inner: B,
    /// `None`: always on.
    switch: Option<ReproSwitch>,
}

impl<B> Reproducible<B> {
    /// Wraps `inner`, reproducible from now on.
    pub fn new(inner: B) -> Self {
        Reproducible {
            inner,
            switch: None,
        }
    }

    /// Wraps `inner`, reproducible while `switch` is on.
    ///
    /// ```
    /// use oxpar_core::repro::{ReproSwitch, Reproducible};
    /// use oxpar_core::{Level1, Serial, VecRef};
    /// let switch = ReproSwitch::new(false);
    /// let b = Reproducible::switchable(Serial, switch.clone());
    /// let x = [1e100, 1.0, -1e100];
    /// assert_eq!(b.sum(VecRef::from_slice(&x)).unwrap(), 0.0); // ordinary
    /// switch.set(true);
    /// assert_eq!(b.sum(VecRef::from_slice(&x)).unwrap(), 1.0); // exact
    /// ```
    pub fn switchable(inner: B, switch: ReproSwitch) -> Self {
        Reproducible {
            inner,
            switch: Some(switch),
        }
    }

    /// Whether the reductions are reproducible now.
    pub fn is_on(&self) -> bool {
        self.switch.as_ref().is_none_or(ReproSwitch::get)
    }

    /// The wrapped backend.
    pub fn inner(&self) -> &B {
        &self.inner
    }

    /// Unwraps the backend.
    pub fn into_inner(self) -> B {
        self.inner
    }
}

impl<B: Backend> Backend for Reproducible<B> {
    fn kind(&self) -> BackendKind {
        self.inner.kind()
    }
    fn name(&self) -> String {
        if self.is_on() {
            format!("{}, reproducible", self.inner.name())
        } else {
            self.inner.name()
        }
    }
    fn num_threads(&self) -> usize {
        self.inner.num_threads()
    }
    fn reject(&self, op: Op, error: Error) -> Error {
        // The reductions run as `reduce_exact` on the inner backend, so that
        // is the collective another process is waiting in.
        let op = match op {
            Op::Dot | Op::Nrm2 | Op::Asum | Op::Sum if self.is_on() => Op::ReduceExact,
            other => other,
        };
        self.inner.reject(op, error)
    }
}

impl<T: Scalar, B: Level1<T>> Level1<T> for Reproducible<B> {
    fn axpy(&self, alpha: T, x: VecRef<'_, T>, y: VecMut<'_, T>) -> Result<()> {
        self.inner.axpy(alpha, x, y)
    }
    fn scal(&self, alpha: T, x: VecMut<'_, T>) -> Result<()> {
        self.inner.scal(alpha, x)
    }
    fn copy(&self, x: VecRef<'_, T>, y: VecMut<'_, T>) -> Result<()> {
        self.inner.copy(x, y)
    }
    fn swap(&self, x: VecMut<'_, T>, y: VecMut<'_, T>) -> Result<()> {
        self.inner.swap(x, y)
    }
    fn dot(&self, x: VecRef<'_, T>, y: VecRef<'_, T>) -> Result<T> {
        if self.is_on() {
            dot(&self.inner, x, y)
        } else {
            self.inner.dot(x, y)
        }
    }
    fn nrm2(&self, x: VecRef<'_, T>) -> Result<T> {
        if self.is_on() {
            nrm2(&self.inner, x)
        } else {
            self.inner.nrm2(x)
        }
    }
    fn asum(&self, x: VecRef<'_, T>) -> Result<T> {
        if self.is_on() {
            asum(&self.inner, x)
        } else {
            self.inner.asum(x)
        }
    }
    fn iamax(&self, x: VecRef<'_, T>) -> Result<Option<usize>> {
        self.inner.iamax(x)
    }
    fn sum(&self, x: VecRef<'_, T>) -> Result<T> {
        if self.is_on() {
            sum(&self.inner, x)
        } else {
            self.inner.sum(x)
        }
    }
    fn reduce_exact(
        &self,
        what: Reduction,
        x: VecRef<'_, T>,
        y: VecRef<'_, T>,
    ) -> Result<crate::exact::ExactSum> {
        self.inner.reduce_exact(what, x, y)
    }
    fn reduce_rounded(&self, what: Reduction, x: VecRef<'_, T>, y: VecRef<'_, T>) -> Result<T> {
        self.inner.reduce_rounded(what, x, y)
    }
    fn reduce_exact_parts(
        &self,
        what: Reduction,
        conj: bool,
        x: VecRef<'_, T>,
        y: VecRef<'_, T>,
    ) -> Result<[crate::exact::ExactSum; 2]> {
        self.inner.reduce_exact_parts(what, conj, x, y)
    }
}

impl<T: Element, B: Level2<T>> Level2<T> for Reproducible<B> {
    fn gemv(
        &self,
        alpha: T,
        a: MatRef<'_, T>,
        x: VecRef<'_, T>,
        beta: T,
        y: VecMut<'_, T>,
    ) -> Result<()> {
        self.inner.gemv(alpha, a, x, beta, y)
    }
    fn ger(&self, alpha: T, x: VecRef<'_, T>, y: VecRef<'_, T>, a: MatMut<'_, T>) -> Result<()> {
        self.inner.ger(alpha, x, y, a)
    }
    fn gerc(&self, alpha: T, x: VecRef<'_, T>, y: VecRef<'_, T>, a: MatMut<'_, T>) -> Result<()> {
        self.inner.gerc(alpha, x, y, a)
    }
    fn hemv(
        &self,
        uplo: Uplo,
        alpha: T,
        a: MatRef<'_, T>,
        x: VecRef<'_, T>,
        beta: T,
        y: VecMut<'_, T>,
    ) -> Result<()> {
        self.inner.hemv(uplo, alpha, a, x, beta, y)
    }
    fn her(&self, uplo: Uplo, alpha: T::Real, x: VecRef<'_, T>, a: MatMut<'_, T>) -> Result<()> {
        self.inner.her(uplo, alpha, x, a)
    }
    fn her2(
        &self,
        uplo: Uplo,
        alpha: T,
        x: VecRef<'_, T>,
        y: VecRef<'_, T>,
        a: MatMut<'_, T>,
    ) -> Result<()> {
        self.inner.her2(uplo, alpha, x, y, a)
    }
    fn symv(
        &self,
        uplo: Uplo,
        alpha: T,
        a: MatRef<'_, T>,
        x: VecRef<'_, T>,
        beta: T,
        y: VecMut<'_, T>,
    ) -> Result<()> {
        self.inner.symv(uplo, alpha, a, x, beta, y)
    }
    fn trmv(&self, uplo: Uplo, diag: Diag, a: MatRef<'_, T>, x: VecMut<'_, T>) -> Result<()> {
        self.inner.trmv(uplo, diag, a, x)
    }
    fn trsv(&self, uplo: Uplo, diag: Diag, a: MatRef<'_, T>, x: VecMut<'_, T>) -> Result<()> {
        self.inner.trsv(uplo, diag, a, x)
    }
    fn syr(&self, uplo: Uplo, alpha: T, x: VecRef<'_, T>, a: MatMut<'_, T>) -> Result<()> {
        self.inner.syr(uplo, alpha, x, a)
    }
    fn syr2(
        &self,
        uplo: Uplo,
        alpha: T,
        x: VecRef<'_, T>,
        y: VecRef<'_, T>,
        a: MatMut<'_, T>,
    ) -> Result<()> {
        self.inner.syr2(uplo, alpha, x, y, a)
    }
    fn gbmv(
        &self,
        alpha: T,
        a: BandRef<'_, T>,
        x: VecRef<'_, T>,
        beta: T,
        y: VecMut<'_, T>,
    ) -> Result<()> {
        self.inner.gbmv(alpha, a, x, beta, y)
    }
    fn sbmv(
        &self,
        uplo: Uplo,
        alpha: T,
        a: BandRef<'_, T>,
        x: VecRef<'_, T>,
        beta: T,
        y: VecMut<'_, T>,
    ) -> Result<()> {
        self.inner.sbmv(uplo, alpha, a, x, beta, y)
    }
    fn spmv(
        &self,
        alpha: T,
        a: PackedRef<'_, T>,
        x: VecRef<'_, T>,
        beta: T,
        y: VecMut<'_, T>,
    ) -> Result<()> {
        self.inner.spmv(alpha, a, x, beta, y)
    }
    fn tbmv(&self, uplo: Uplo, diag: Diag, a: BandRef<'_, T>, x: VecMut<'_, T>) -> Result<()> {
        self.inner.tbmv(uplo, diag, a, x)
    }
    fn tbsv(&self, uplo: Uplo, diag: Diag, a: BandRef<'_, T>, x: VecMut<'_, T>) -> Result<()> {
        self.inner.tbsv(uplo, diag, a, x)
    }
    fn tpmv(&self, diag: Diag, a: PackedRef<'_, T>, x: VecMut<'_, T>) -> Result<()> {
        self.inner.tpmv(diag, a, x)
    }
    fn tpsv(&self, diag: Diag, a: PackedRef<'_, T>, x: VecMut<'_, T>) -> Result<()> {
        self.inner.tpsv(diag, a, x)
    }
    fn spr(&self, alpha: T, x: VecRef<'_, T>, a: PackedMut<'_, T>) -> Result<()> {
        self.inner.spr(alpha, x, a)
    }
    fn spr2(
        &self,
        alpha: T,
        x: VecRef<'_, T>,
        y: VecRef<'_, T>,
        a: PackedMut<'_, T>,
    ) -> Result<()> {
        self.inner.spr2(alpha, x, y, a)
    }
}

/// The factorizations of the wrapped backend, forwarded as every other method
/// is: its own overrides (the serial reference loops, the MPI refusal) are
/// what callers get through the wrapper (reproducible mode changes the
/// reductions only).
impl<T: Element, B: crate::factor::Factor<T>> crate::factor::Factor<T> for Reproducible<B> {
    fn lu_factor(&self, a: MatMut<'_, T>, ipiv: &mut [usize]) -> Result<()> {
        self.inner.lu_factor(a, ipiv)
    }
    fn lu_solve(
        &self,
        trans: crate::backend::Trans,
        lu: MatRef<'_, T>,
        ipiv: &[usize],
        b: MatMut<'_, T>,
    ) -> Result<()> {
        self.inner.lu_solve(trans, lu, ipiv, b)
    }
    fn lu_factor_solve(
        &self,
        a: MatMut<'_, T>,
        ipiv: &mut [usize],
        b: MatMut<'_, T>,
    ) -> Result<()> {
        self.inner.lu_factor_solve(a, ipiv, b)
    }
    fn cholesky(&self, uplo: Uplo, a: MatMut<'_, T>) -> Result<()> {
        self.inner.cholesky(uplo, a)
    }
    fn cho_solve(&self, uplo: Uplo, factor: MatRef<'_, T>, b: MatMut<'_, T>) -> Result<()> {
        self.inner.cho_solve(uplo, factor, b)
    }
    fn cho_factor_solve(&self, uplo: Uplo, a: MatMut<'_, T>, b: MatMut<'_, T>) -> Result<()> {
        self.inner.cho_factor_solve(uplo, a, b)
    }
    fn tri_inverse(&self, uplo: Uplo, diag: crate::Diag, a: MatMut<'_, T>) -> Result<()> {
        self.inner.tri_inverse(uplo, diag, a)
    }
    fn lu_inverse(&self, lu: MatMut<'_, T>, ipiv: &[usize]) -> Result<()> {
        self.inner.lu_inverse(lu, ipiv)
    }
    fn inv(&self, a: MatMut<'_, T>) -> Result<()> {
        self.inner.inv(a)
    }
    fn cho_inverse(&self, uplo: Uplo, a: MatMut<'_, T>) -> Result<()> {
        self.inner.cho_inverse(uplo, a)
    }
    fn det(&self, a: MatMut<'_, T>) -> Result<T> {
        self.inner.det(a)
    }
    fn slogdet(&self, a: MatMut<'_, T>) -> Result<(T, T::Real)> {
        self.inner.slogdet(a)
    }
    fn lu_factor_solve_batch(
        &self,
        a: crate::BatchMut<'_, T>,
        ipiv: &mut [usize],
        b: crate::BatchMut<'_, T>,
    ) -> Result<()> {
        self.inner.lu_factor_solve_batch(a, ipiv, b)
    }
    fn inv_batch(&self, a: crate::BatchMut<'_, T>) -> Result<()> {
        self.inner.inv_batch(a)
    }
    fn det_batch(&self, a: crate::BatchRef<'_, T>, det: &mut [T]) -> Result<()> {
        self.inner.det_batch(a, det)
    }
    fn slogdet_batch(
        &self,
        a: crate::BatchRef<'_, T>,
        sign: &mut [T],
        logabs: &mut [T::Real],
    ) -> Result<()> {
        self.inner.slogdet_batch(a, sign, logabs)
    }
    fn cholesky_batch(&self, uplo: Uplo, a: crate::BatchMut<'_, T>) -> Result<()> {
        self.inner.cholesky_batch(uplo, a)
    }
}

impl<T: Element, B: Level3<T>> Level3<T> for Reproducible<B> {
    fn gemm(
        &self,
        alpha: T,
        a: MatRef<'_, T>,
        b: MatRef<'_, T>,
        beta: T,
        c: MatMut<'_, T>,
    ) -> Result<()> {
        self.inner.gemm(alpha, a, b, beta, c)
    }
    fn symm(
        &self,
        side: Side,
        uplo: Uplo,
        alpha: T,
        a: MatRef<'_, T>,
        b: MatRef<'_, T>,
        beta: T,
        c: MatMut<'_, T>,
    ) -> Result<()> {
        self.inner.symm(side, uplo, alpha, a, b, beta, c)
    }
    fn hemm(
        &self,
        side: Side,
        uplo: Uplo,
        alpha: T,
        a: MatRef<'_, T>,
        b: MatRef<'_, T>,
        beta: T,
        c: MatMut<'_, T>,
    ) -> Result<()> {
        self.inner.hemm(side, uplo, alpha, a, b, beta, c)
    }
    fn herk(
        &self,
        uplo: Uplo,
        alpha: T::Real,
        a: MatRef<'_, T>,
        beta: T::Real,
        c: MatMut<'_, T>,
    ) -> Result<()> {
        self.inner.herk(uplo, alpha, a, beta, c)
    }
    fn her2k(
        &self,
        uplo: Uplo,
        alpha: T,
        a: MatRef<'_, T>,
        b: MatRef<'_, T>,
        beta: T::Real,
        c: MatMut<'_, T>,
    ) -> Result<()> {
        self.inner.her2k(uplo, alpha, a, b, beta, c)
    }
    fn syrk(
        &self,
        uplo: Uplo,
        alpha: T,
        a: MatRef<'_, T>,
        beta: T,
        c: MatMut<'_, T>,
    ) -> Result<()> {
        self.inner.syrk(uplo, alpha, a, beta, c)
    }
    fn syr2k(
        &self,
        uplo: Uplo,
        alpha: T,
        a: MatRef<'_, T>,
        b: MatRef<'_, T>,
        beta: T,
        c: MatMut<'_, T>,
    ) -> Result<()> {
        self.inner.syr2k(uplo, alpha, a, b, beta, c)
    }
    fn trmm(
        &self,
        side: Side,
        uplo: Uplo,
        diag: Diag,
        alpha: T,
        a: MatRef<'_, T>,
        b: MatMut<'_, T>,
    ) -> Result<()> {
        self.inner.trmm(side, uplo, diag, alpha, a, b)
    }
    fn trsm(
        &self,
        side: Side,
        uplo: Uplo,
        diag: Diag,
        alpha: T,
        a: MatRef<'_, T>,
        b: MatMut<'_, T>,
    ) -> Result<()> {
        self.inner.trsm(side, uplo, diag, alpha, a, b)
    }
}

impl<B: ParallelLoops> ParallelLoops for Reproducible<B> {
    fn parallel_for(
        &self,
        range: Range<usize>,
        schedule: Schedule,
        body: &LoopBody<'_>,
    ) -> Result<()> {
        self.inner.parallel_for(range, schedule, body)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Serial;

    #[test]
    fn wrapper_rounds_correctly() {
        let b = Reproducible::new(Serial);
        let x = [1e100, 1.0, -1e100, 2f64.powi(-60)];
        assert_eq!(Level1::<f64>::sum(&b, VecRef::from_slice(&x)).unwrap(), 1.0);
        assert_eq!(
            Level1::<f64>::asum(&b, VecRef::from_slice(&x)).unwrap(),
            2e100
        );
        let y = [1e100, 1.0, 1e100, 1.0];
        let d = Level1::<f64>::dot(&b, VecRef::from_slice(&x), VecRef::from_slice(&y)).unwrap();
        // 1e200 - 1e200 cancels exactly; 1 + 2^-60 rounds to 1.
        assert_eq!(d, 1.0);
        let v = [3.0f32, 4.0];
        assert_eq!(
            Level1::<f32>::nrm2(&b, VecRef::from_slice(&v)).unwrap(),
            5.0
        );
        assert!(b.name().ends_with("reproducible"));
    }

    #[test]
    fn flags_parse() {
        assert_eq!(parse_flag(" ON "), Some(true));
        assert_eq!(parse_flag("0"), Some(false));
        assert_eq!(parse_flag(""), Some(false));
        assert_eq!(parse_flag("maybe"), None);
    }

    #[test]
    fn dot_checks_lengths() {
        let b = Reproducible::new(Serial);
        let e = Level1::<f64>::dot(&b, VecRef::from_slice(&[1.0]), VecRef::from_slice(&[]));
        assert!(e.is_err());
    }
}
