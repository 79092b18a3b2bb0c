//! The conformance suite on the trait family's default bodies: a backend
//! that implements only what the traits require (here by forwarding to the
//! serial backend), so the structured operations run the blocked defaults
//! of `oxpar_core::blocked` (symv, trmv, trsv, syr, syr2 on its gemv and ger;
//! symm, syrk, syr2k, trmm, trsm on its gemm; LU and Cholesky on those), as
//! the OpenCL host path does.

use oxpar_core::backend::LoopBody;
use oxpar_core::exact::Reduction;
use oxpar_core::{
    Backend, BackendKind, Complex, Element, Level1, Level2, Level3, MatMut, MatRef, ParallelLoops,
    Result, Scalar, Schedule, Serial, VecMut, VecRef,
};

/// Only the required methods, forwarded to [`Serial`].
#[derive(Debug)]
struct RequiredOnly;

impl Backend for RequiredOnly {
    fn kind(&self) -> BackendKind {
        BackendKind::Serial
    }
    fn name(&self) -> String {
        "required methods only".to_string()
    }
    fn num_threads(&self) -> usize {
        1
    }
}

/// The real types: a trait of this file, so that the complex impl below is
/// coherent beside the real one.
trait Real: Scalar {}
impl Real for f32 {}
impl Real for f64 {}

impl<T: Real> Level1<T> for RequiredOnly {
    fn axpy(&self, alpha: T, x: VecRef<'_, T>, y: VecMut<'_, T>) -> Result<()> {
        Serial.axpy(alpha, x, y)
    }
    fn scal(&self, alpha: T, x: VecMut<'_, T>) -> Result<()> {
        Serial.scal(alpha, x)
    }
    fn copy(&self, x: VecRef<'_, T>, y: VecMut<'_, T>) -> Result<()> {
        Serial.copy(x, y)
    }
    fn swap(&self, x: VecMut<'_, T>, y: VecMut<'_, T>) -> Result<()> {
        Serial.swap(x, y)
    }
    fn dot(&self, x: VecRef<'_, T>, y: VecRef<'_, T>) -> Result<T> {
        Serial.dot(x, y)
    }
    fn nrm2(&self, x: VecRef<'_, T>) -> Result<T> {
        Serial.nrm2(x)
    }
    fn asum(&self, x: VecRef<'_, T>) -> Result<T> {
        Serial.asum(x)
    }
    fn iamax(&self, x: VecRef<'_, T>) -> Result<Option<usize>> {
        Serial.iamax(x)
    }
    fn reduce_wide(&self, what: Reduction, x: VecRef<'_, T>, y: VecRef<'_, T>) -> Result<f64> {
        Serial.reduce_wide(what, x, y)
    }
}

impl<T: Element> Level2<T> for RequiredOnly {
    fn gemv(
        &self,
        alpha: T,
        a: MatRef<'_, T>,
        x: VecRef<'_, T>,
        beta: T,
        y: VecMut<'_, T>,
    ) -> Result<()> {
        Serial.gemv(alpha, a, x, beta, y)
    }
    fn ger(&self, alpha: T, x: VecRef<'_, T>, y: VecRef<'_, T>, a: MatMut<'_, T>) -> Result<()> {
        Serial.ger(alpha, x, y, a)
    }
}

impl<T: Element> Level3<T> for RequiredOnly {
    fn gemm(
        &self,
        alpha: T,
        a: MatRef<'_, T>,
        b: MatRef<'_, T>,
        beta: T,
        c: MatMut<'_, T>,
    ) -> Result<()> {
        Serial.gemm(alpha, a, b, beta, c)
    }
}

impl ParallelLoops for RequiredOnly {
    fn parallel_for(
        &self,
        range: std::ops::Range<usize>,
        schedule: Schedule,
        body: &LoopBody<'_>,
    ) -> Result<()> {
        Serial.parallel_for(range, schedule, body)
    }
}

/// Complex: the required methods only; `dotc` and `sum` are the defaults.
impl<R: Scalar> Level1<Complex<R>> for RequiredOnly
where
    Complex<R>: Element<Real = R>,
{
    fn axpy(
        &self,
        alpha: Complex<R>,
        x: VecRef<'_, Complex<R>>,
        y: VecMut<'_, Complex<R>>,
    ) -> Result<()> {
        Serial.axpy(alpha, x, y)
    }
    fn scal(&self, alpha: Complex<R>, x: VecMut<'_, Complex<R>>) -> Result<()> {
        Serial.scal(alpha, x)
    }
    fn copy(&self, x: VecRef<'_, Complex<R>>, y: VecMut<'_, Complex<R>>) -> Result<()> {
        Serial.copy(x, y)
    }
    fn swap(&self, x: VecMut<'_, Complex<R>>, y: VecMut<'_, Complex<R>>) -> Result<()> {
        Serial.swap(x, y)
    }
    fn dot(&self, x: VecRef<'_, Complex<R>>, y: VecRef<'_, Complex<R>>) -> Result<Complex<R>> {
        Serial.dot(x, y)
    }
    fn nrm2(&self, x: VecRef<'_, Complex<R>>) -> Result<R> {
        Serial.nrm2(x)
    }
    fn asum(&self, x: VecRef<'_, Complex<R>>) -> Result<R> {
        Serial.asum(x)
    }
    fn iamax(&self, x: VecRef<'_, Complex<R>>) -> Result<Option<usize>> {
        Serial.iamax(x)
    }
}

/// The factorizations' default bodies (the recursive LU and Cholesky on the
/// blocked trsm and syrk/herk over the serial gemm).
impl<T: Element> oxpar_core::Factor<T> for RequiredOnly where RequiredOnly: Level3<T> {}

oxpar_backend_tests::conformance_suite!(crate::RequiredOnly);

mod factor {
    oxpar_backend_tests::factor_suite!(crate::RequiredOnly);
}

mod complex {
    oxpar_backend_tests::complex_suite!(crate::RequiredOnly);
}

/// The eigenproblem on the default level 3 bodies.
mod eigh {
    oxpar_backend_tests::eigh_suite!(crate::RequiredOnly);
}
