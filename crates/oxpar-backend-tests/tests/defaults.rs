//! The conformance suite on a backend that has only the required methods of
//! the trait family (here the serial backend's), so the provided ones run
//! their defaults: the blocked symv, trmv, trsv, syr and syr2 built on gemv
//! and ger.

use std::ops::Range;

use oxpar_core::prelude::*;
use oxpar_core::Serial;

/// Forwards the required methods to [`Serial`]; everything else is default.
#[derive(Debug)]
struct Defaults;

impl Backend for Defaults {
    fn kind(&self) -> BackendKind {
        Serial.kind()
    }
    fn name(&self) -> String {
        "defaults over serial".to_string()
    }
    fn num_threads(&self) -> usize {
        1
    }
}

impl<T: Scalar> Level1<T> for Defaults {
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
}

impl<T: Scalar> Level2<T> for Defaults {
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

impl<T: Scalar> Level3<T> for Defaults {
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

impl ParallelLoops for Defaults {
    fn parallel_for(
        &self,
        range: Range<usize>,
        schedule: Schedule,
        body: &LoopBody<'_>,
    ) -> Result<()> {
        Serial.parallel_for(range, schedule, body)
    }
}

oxpar_backend_tests::conformance_suite!(crate::Defaults);
