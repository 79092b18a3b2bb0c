//! The properties of the symmetric and triangular level-2 operations (symv,
//! trmv, trsv, syr, syr2), against naive loops in f64.
//!
//! Every case takes both triangles, the matrix as stored or transposed (the
//! view `a.t()` holds the other triangle), every layout, any increments, and
//! sizes around the blocks of the blocked defaults (64) and of the threads
//! backend's trsv (256). The triangle not named is filled with NaN (a
//! sentinel, for the updates) and so is a unit diagonal: neither may be read,
//! and the updates must leave them as they were.
#![allow(
    clippy::needless_range_loop,
    reason = "(i, j) index math mirrors the BLAS definitions"
)]

use oxpar_core::{Diag, ErrorKind, MatMut, MatRef, Scalar, Uplo, VecMut, VecRef};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestRunner};

use crate::data::{inc, layout, scalar, Layout, TestMat, TestVec};
use crate::props::Full;

fn run<S: Strategy>(strategy: S, test: impl Fn(S::Value) -> Result<(), TestCaseError>)
where
    S::Value: std::fmt::Debug,
{
    let cases = std::env::var("OXPAR_PROPTEST_CASES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(48);
    let mut runner = TestRunner::new(Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    });
    if let Err(e) = runner.run(&strategy, test) {
        panic!("{e}");
    }
}

fn close<T: Scalar>(got: f64, want: f64, scale: f64, terms: usize) -> bool {
    let eps = T::epsilon().as_f64();
    (got - want).abs()
        <= (terms as f64 + 4.0) * eps * scale + 16.0 * T::min_positive_value().as_f64()
}

fn fail(e: oxpar_core::Error) -> TestCaseError {
    TestCaseError::fail(e.to_string())
}

/// Orders: 0, 1, odd, and around the block sizes (64 and 256).
fn order() -> impl Strategy<Value = usize> {
    prop_oneof![
        3 => prop::sample::select(vec![0usize, 1, 2, 3, 5, 17, 63, 64, 65, 127, 129, 255, 256, 257, 300]),
        1 => 0usize..200,
    ]
}

/// The sentinel of the triangle that must not be touched by the updates.
const UNTOUCHED: f64 = 5555.0;

/// An `n x n` stored matrix and how it is passed: the view is the matrix
/// itself or its transpose (`trans`), holding its `uplo` triangle.
#[derive(Clone, Debug)]
struct Tri<T> {
    a: TestMat<T>,
    trans: bool,
    uplo: Uplo,
}

impl<T: Scalar> Tri<T> {
    /// Values in the named triangle, `fill` elsewhere (and on the diagonal
    /// when `unit`); off-diagonal values scaled by `off`, diagonal values
    /// moved to `[1, 2)` in magnitude when `solvable`.
    #[allow(clippy::too_many_arguments)]
    fn new(
        n: usize,
        lay: Layout,
        trans: bool,
        upper: bool,
        unit: bool,
        fill: f64,
        solvable: bool,
        seed: u64,
    ) -> Self {
        let mut a = TestMat::<T>::new(n, n, lay, seed);
        let uplo = if upper { Uplo::Upper } else { Uplo::Lower };
        let t = Tri {
            a: a.clone(),
            trans,
            uplo,
        };
        for i in 0..n {
            for j in 0..n {
                let (si, sj) = if trans { (j, i) } else { (i, j) };
                let v = t.a.get(si, sj);
                let w = if !uplo.holds(i, j) || (i == j && unit) {
                    fill
                } else if i == j && solvable {
                    v.signum() * (1.0 + v.abs())
                } else if solvable {
                    v / (n as f64)
                } else {
                    v
                };
                a.set(si, sj, w);
            }
        }
        Tri { a, trans, uplo }
    }

    /// Element (i, j) of the view as passed.
    fn get(&self, i: usize, j: usize) -> f64 {
        if self.trans {
            self.a.get(j, i)
        } else {
            self.a.get(i, j)
        }
    }

    fn view(&self) -> MatRef<'_, T> {
        if self.trans {
            self.a.view().t()
        } else {
            self.a.view()
        }
    }

    fn view_mut(&mut self) -> MatMut<'_, T> {
        if self.trans {
            self.a.view_mut().t_mut()
        } else {
            self.a.view_mut()
        }
    }

    /// Element (i, j) of the symmetric matrix.
    fn sym(&self, i: usize, j: usize) -> f64 {
        if self.uplo.holds(i, j) {
            self.get(i, j)
        } else {
            self.get(j, i)
        }
    }

    /// Element (i, j) of the triangular matrix.
    fn tri(&self, i: usize, j: usize, unit: bool) -> f64 {
        if i == j && unit {
            1.0
        } else if self.uplo.holds(i, j) {
            self.get(i, j)
        } else {
            0.0
        }
    }
}

fn diag_of(unit: bool) -> Diag {
    if unit {
        Diag::Unit
    } else {
        Diag::NonUnit
    }
}

/// `symv` against naive loops: NaN in the other triangle; `beta = 0` with
/// NaN in y; guards of y intact.
pub fn symv<T: Scalar, B: Full<T> + ?Sized>(b: &B) {
    let shape = (
        order(),
        layout(),
        any::<bool>(),
        any::<bool>(),
        inc(),
        inc(),
    );
    run(
        (shape, scalar(), scalar(), any::<u64>()),
        |((n, lay, trans, upper, incx, incy), alpha, beta, seed)| {
            let a = Tri::<T>::new(n, lay, trans, upper, false, f64::NAN, false, seed);
            let x = TestVec::<T>::new(n, incx, seed + 1);
            let mut y = TestVec::<T>::new(n, incy, seed + 2);
            if beta == 0.0 {
                (0..n).for_each(|i| y.set(i, f64::NAN));
            }
            let (xl, yl) = (x.logical(), y.logical());
            let (alpha, beta) = (T::from_f64(alpha), T::from_f64(beta));
            b.symv(a.uplo, alpha, a.view(), x.view(), beta, y.view_mut())
                .map_err(fail)?;
            let (al, be) = (alpha.as_f64(), beta.as_f64());
            for (i, got) in y.logical().into_iter().enumerate() {
                let (ax, scale) = if al == 0.0 {
                    (0.0, 0.0)
                } else {
                    let s: f64 = (0..n).map(|j| a.sym(i, j) * xl[j]).sum();
                    let m: f64 = (0..n).map(|j| (a.sym(i, j) * xl[j]).abs()).sum();
                    (al * s, al.abs() * m)
                };
                let by = if be == 0.0 { 0.0 } else { be * yl[i] };
                prop_assert!(
                    close::<T>(got, ax + by, scale + by.abs(), n + 2),
                    "n={n} i={i}: {got} vs {}",
                    ax + by
                );
            }
            y.assert_guards_intact();
            Ok(())
        },
    );
}

/// `trmv` against naive loops: NaN in the other triangle and on a unit
/// diagonal; guards of x intact.
pub fn trmv<T: Scalar, B: Full<T> + ?Sized>(b: &B) {
    let shape = (
        order(),
        layout(),
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
        inc(),
    );
    run(
        (shape, any::<u64>()),
        |((n, lay, trans, upper, unit, incx), seed)| {
            let a = Tri::<T>::new(n, lay, trans, upper, unit, f64::NAN, false, seed);
            let mut x = TestVec::<T>::new(n, incx, seed + 1);
            let xl = x.logical();
            b.trmv(a.uplo, diag_of(unit), a.view(), x.view_mut())
                .map_err(fail)?;
            for (i, got) in x.logical().into_iter().enumerate() {
                let want: f64 = (0..n).map(|j| a.tri(i, j, unit) * xl[j]).sum();
                let scale: f64 = (0..n).map(|j| (a.tri(i, j, unit) * xl[j]).abs()).sum();
                prop_assert!(
                    close::<T>(got, want, scale, n + 2),
                    "n={n} i={i}: {got} vs {want}"
                );
            }
            x.assert_guards_intact();
            Ok(())
        },
    );
}

/// `trsv` by its residual: `A*x` must give back the right-hand side (a
/// well-conditioned triangle: diagonal of magnitude at least 1, small
/// off-diagonal elements); NaN off the triangle and on a unit diagonal.
pub fn trsv<T: Scalar, B: Full<T> + ?Sized>(b: &B) {
    let shape = (
        order(),
        layout(),
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
        inc(),
    );
    run(
        (shape, any::<u64>()),
        |((n, lay, trans, upper, unit, incx), seed)| {
            let a = Tri::<T>::new(n, lay, trans, upper, unit, f64::NAN, true, seed);
            let mut x = TestVec::<T>::new(n, incx, seed + 1);
            let rhs = x.logical();
            b.trsv(a.uplo, diag_of(unit), a.view(), x.view_mut())
                .map_err(fail)?;
            let xl = x.logical();
            for i in 0..n {
                let back: f64 = (0..n).map(|j| a.tri(i, j, unit) * xl[j]).sum();
                let scale: f64 = (0..n).map(|j| (a.tri(i, j, unit) * xl[j]).abs()).sum();
                prop_assert!(
                    close::<T>(back, rhs[i], scale + rhs[i].abs(), 4 * n + 4),
                    "n={n} i={i}: A*x = {back}, b = {}",
                    rhs[i]
                );
            }
            x.assert_guards_intact();
            Ok(())
        },
    );
}

/// `syr` (`two == false`) or `syr2` against naive loops: the other triangle
/// keeps its sentinel; guards of A intact.
fn rank_update<T: Scalar, B: Full<T> + ?Sized>(b: &B, two: bool) {
    let shape = (
        order(),
        layout(),
        any::<bool>(),
        any::<bool>(),
        inc(),
        inc(),
    );
    run(
        (shape, scalar(), any::<u64>()),
        |((n, lay, trans, upper, incx, incy), alpha, seed)| {
            let mut a = Tri::<T>::new(n, lay, trans, upper, false, UNTOUCHED, false, seed);
            let before = a.clone();
            let x = TestVec::<T>::new(n, incx, seed + 1);
            let y = TestVec::<T>::new(n, incy, seed + 2);
            let alpha = T::from_f64(alpha);
            let uplo = a.uplo;
            if two {
                b.syr2(uplo, alpha, x.view(), y.view(), a.view_mut())
            } else {
                b.syr(uplo, alpha, x.view(), a.view_mut())
            }
            .map_err(fail)?;
            let (xl, yl, al) = (x.logical(), y.logical(), alpha.as_f64());
            for j in 0..n {
                for i in 0..n {
                    let (old, got) = (before.get(i, j), a.get(i, j));
                    if !uplo.holds(i, j) {
                        prop_assert_eq!(got, UNTOUCHED, "({}, {}) outside the triangle", i, j);
                        continue;
                    }
                    let upd = if two {
                        al * (xl[i] * yl[j] + yl[i] * xl[j])
                    } else {
                        al * xl[i] * xl[j]
                    };
                    let mag = if two {
                        al.abs() * ((xl[i] * yl[j]).abs() + (yl[i] * xl[j]).abs())
                    } else {
                        upd.abs()
                    };
                    prop_assert!(
                        close::<T>(got, old + upd, old.abs() + mag, 4),
                        "n={n} ({i},{j}): {got} vs {}",
                        old + upd
                    );
                }
            }
            a.a.assert_guards_intact();
            Ok(())
        },
    );
}

/// `syr` against naive loops.
pub fn syr<T: Scalar, B: Full<T> + ?Sized>(b: &B) {
    rank_update::<T, B>(b, false);
}

/// `syr2` against naive loops.
pub fn syr2<T: Scalar, B: Full<T> + ?Sized>(b: &B) {
    rank_update::<T, B>(b, true);
}

/// Non-square matrices and vectors of the wrong length are shape errors.
pub fn level2_shape_errors<T: Scalar, B: Full<T> + ?Sized>(b: &B) {
    let rect = TestMat::<T>::new(4, 3, Layout::ColMajor, 1);
    let sq = TestMat::<T>::new(4, 4, Layout::ColMajor, 2);
    let (x3, x4) = (vec![T::one(); 3], vec![T::one(); 4]);
    let mut y3 = vec![T::one(); 3];
    let kind = |r: oxpar_core::Result<()>| r.unwrap_err().kind();
    let shape = ErrorKind::ShapeMismatch;
    let (u, d) = (Uplo::Upper, Diag::NonUnit);
    for a in [rect.view(), sq.view()] {
        let one = T::one();
        let r = b.symv(
            u,
            one,
            a,
            VecRef::from_slice(&x3),
            one,
            VecMut::from_slice(&mut y3),
        );
        assert_eq!(kind(r), shape);
        assert_eq!(kind(b.trmv(u, d, a, VecMut::from_slice(&mut y3))), shape);
        assert_eq!(kind(b.trsv(u, d, a, VecMut::from_slice(&mut y3))), shape);
    }
    let mut rect = rect;
    let mut sq = sq;
    for a in [rect.view_mut(), sq.view_mut()] {
        let mut a = a;
        let (one, x) = (T::one(), VecRef::from_slice(&x3));
        assert_eq!(kind(b.syr(u, one, x, a.rb_mut())), shape);
        assert_eq!(
            kind(b.syr2(u, one, x, VecRef::from_slice(&x4), a.rb_mut())),
            shape
        );
    }
}
