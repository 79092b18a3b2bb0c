//! The properties, one per operation, generic over element type and backend.
#![allow(
    clippy::needless_range_loop,
    reason = "(i, j) index math mirrors the BLAS definitions"
)]

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicUsize, Ordering};

use oxpar_core::backend::parallel_reduce;
use oxpar_core::{
    ErrorKind, Level1, Level2, Level3, MatRef, ParallelLoops, Scalar, Schedule, VecMut, VecRef,
};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestRunner};

use crate::data::{inc, layout, scalar, size, Layout, TestMat, TestVec};

// The structured level-3 operations and the reductions have their own file.
pub use crate::props_level3::*;

/// Everything the suite calls on a backend, for one element type.
pub trait Full<T: Scalar>: Level1<T> + Level2<T> + Level3<T> + ParallelLoops {}
impl<T: Scalar, B: Level1<T> + Level2<T> + Level3<T> + ParallelLoops + ?Sized> Full<T> for B {}

/// Cases per property: `OXPAR_PROPTEST_CASES`, else 48.
fn cases() -> u32 {
    std::env::var("OXPAR_PROPTEST_CASES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(48)
}

pub(crate) fn run<S: Strategy>(strategy: S, test: impl Fn(S::Value) -> Result<(), TestCaseError>)
where
    S::Value: std::fmt::Debug,
{
    let mut runner = TestRunner::new(Config {
        cases: cases(),
        failure_persistence: None,
        ..Config::default()
    });
    if let Err(e) = runner.run(&strategy, test) {
        panic!("{e}");
    }
}

/// Whether `got` matches `want` for a result of `terms` rounded operations on
/// values whose absolute sum is `scale`, in precision `T`.
pub(crate) fn close<T: Scalar>(got: f64, want: f64, scale: f64, terms: usize) -> bool {
    let eps = T::epsilon().as_f64();
    (got - want).abs()
        <= (terms as f64 + 4.0) * eps * scale + 16.0 * T::min_positive_value().as_f64()
}

pub(crate) fn t<T: Scalar>(v: f64) -> T {
    T::from_f64(v)
}

/// `axpy` against `y + alpha*x`, any increments; guards intact.
pub fn axpy<T: Scalar, B: Full<T> + ?Sized>(b: &B) {
    run(
        (size(), inc(), inc(), scalar(), any::<u64>()),
        |(n, incx, incy, alpha, seed)| {
            let x = TestVec::<T>::new(n, incx, seed);
            let mut y = TestVec::<T>::new(n, incy, seed + 1);
            let (xl, yl) = (x.logical(), y.logical());
            let alpha = t::<T>(alpha);
            b.axpy(alpha, x.view(), y.view_mut())
                .map_err(|e| TestCaseError::fail(e.to_string()))?;
            let a = alpha.as_f64();
            for (i, got) in y.logical().into_iter().enumerate() {
                let want = yl[i] + a * xl[i];
                prop_assert!(
                    close::<T>(got, want, yl[i].abs() + (a * xl[i]).abs(), 2),
                    "i={i}: {got} vs {want}"
                );
            }
            y.assert_guards_intact();
            Ok(())
        },
    );
}

/// `scal` against the product in `T` (exact).
pub fn scal<T: Scalar, B: Full<T> + ?Sized>(b: &B) {
    run(
        (size(), inc(), scalar(), any::<u64>()),
        |(n, incx, alpha, seed)| {
            let mut x = TestVec::<T>::new(n, incx, seed);
            let before = x.logical();
            let alpha = t::<T>(alpha);
            b.scal(alpha, x.view_mut())
                .map_err(|e| TestCaseError::fail(e.to_string()))?;
            for (i, got) in x.logical().into_iter().enumerate() {
                prop_assert_eq!(got, (alpha * t::<T>(before[i])).as_f64());
            }
            x.assert_guards_intact();
            Ok(())
        },
    );
}

/// `copy` exactly.
pub fn copy<T: Scalar, B: Full<T> + ?Sized>(b: &B) {
    run(
        (size(), inc(), inc(), any::<u64>()),
        |(n, incx, incy, seed)| {
            let x = TestVec::<T>::new(n, incx, seed);
            let mut y = TestVec::<T>::new(n, incy, seed + 1);
            b.copy(x.view(), y.view_mut())
                .map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert_eq!(y.logical(), x.logical());
            y.assert_guards_intact();
            Ok(())
        },
    );
}

/// `swap` exactly.
pub fn swap<T: Scalar, B: Full<T> + ?Sized>(b: &B) {
    run(
        (size(), inc(), inc(), any::<u64>()),
        |(n, incx, incy, seed)| {
            let mut x = TestVec::<T>::new(n, incx, seed);
            let mut y = TestVec::<T>::new(n, incy, seed + 1);
            let (xl, yl) = (x.logical(), y.logical());
            b.swap(x.view_mut(), y.view_mut())
                .map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert_eq!(x.logical(), yl);
            prop_assert_eq!(y.logical(), xl);
            x.assert_guards_intact();
            y.assert_guards_intact();
            Ok(())
        },
    );
}

/// `dot` against a naive f64 sum.
pub fn dot<T: Scalar, B: Full<T> + ?Sized>(b: &B) {
    run(
        (size(), inc(), inc(), any::<u64>()),
        |(n, incx, incy, seed)| {
            let x = TestVec::<T>::new(n, incx, seed);
            let y = TestVec::<T>::new(n, incy, seed + 1);
            let got = b
                .dot(x.view(), y.view())
                .map_err(|e| TestCaseError::fail(e.to_string()))?
                .as_f64();
            let (xl, yl) = (x.logical(), y.logical());
            let want: f64 = xl.iter().zip(&yl).map(|(a, b)| a * b).sum();
            let scale: f64 = xl.iter().zip(&yl).map(|(a, b)| (a * b).abs()).sum();
            prop_assert!(close::<T>(got, want, scale, n), "n={n}: {got} vs {want}");
            Ok(())
        },
    );
}

/// `nrm2` against `sqrt(sum x^2)` in f64.
pub fn nrm2<T: Scalar, B: Full<T> + ?Sized>(b: &B) {
    run((size(), inc(), any::<u64>()), |(n, incx, seed)| {
        let x = TestVec::<T>::new(n, incx, seed);
        let got = b
            .nrm2(x.view())
            .map_err(|e| TestCaseError::fail(e.to_string()))?
            .as_f64();
        let want = x.logical().iter().map(|v| v * v).sum::<f64>().sqrt();
        prop_assert!(close::<T>(got, want, want, n), "n={n}: {got} vs {want}");
        Ok(())
    });
}

/// `asum` against a naive f64 sum.
pub fn asum<T: Scalar, B: Full<T> + ?Sized>(b: &B) {
    run((size(), inc(), any::<u64>()), |(n, incx, seed)| {
        let x = TestVec::<T>::new(n, incx, seed);
        let got = b
            .asum(x.view())
            .map_err(|e| TestCaseError::fail(e.to_string()))?
            .as_f64();
        let want: f64 = x.logical().iter().map(|v| v.abs()).sum();
        prop_assert!(close::<T>(got, want, want, n), "n={n}: {got} vs {want}");
        Ok(())
    });
}

/// `iamax` against a naive first-maximum search, also with a NaN planted.
pub fn iamax<T: Scalar, B: Full<T> + ?Sized>(b: &B) {
    run(
        (
            size(),
            inc(),
            any::<u64>(),
            any::<prop::sample::Index>(),
            any::<bool>(),
        ),
        |(n, incx, seed, at, plant_nan)| {
            let mut x = TestVec::<T>::new(n, incx, seed);
            if plant_nan && n > 0 {
                x.set(at.index(n), f64::NAN);
            }
            let xl = x.logical();
            let want = xl.iter().position(|v| v.is_nan()).or_else(|| {
                let m = xl.iter().fold(f64::NEG_INFINITY, |m, v| m.max(v.abs()));
                xl.iter().position(|v| v.abs() == m)
            });
            prop_assert_eq!(
                b.iamax(x.view())
                    .map_err(|e| TestCaseError::fail(e.to_string()))?,
                want
            );
            Ok(())
        },
    );
}

/// `gemv` against naive loops, both `A` and `A^T`; `beta = 0` with NaN in y.
pub fn gemv<T: Scalar, B: Full<T> + ?Sized>(b: &B) {
    let shapes = (size(), size(), layout(), any::<bool>(), inc(), inc());
    run(
        (shapes, scalar(), scalar(), any::<u64>()),
        |((m, n, lay, trans, incx, incy), alpha, beta, seed)| {
            // op(A) is m x n; stored as n x m and transposed when `trans`.
            let a = if trans {
                TestMat::<T>::new(n, m, lay, seed)
            } else {
                TestMat::<T>::new(m, n, lay, seed)
            };
            let op_a = |i: usize, j: usize| if trans { a.get(j, i) } else { a.get(i, j) };
            let x = TestVec::<T>::new(n, incx, seed + 1);
            let mut y = TestVec::<T>::new(m, incy, seed + 2);
            if beta == 0.0 {
                (0..m).for_each(|i| y.set(i, f64::NAN));
            }
            let (xl, yl) = (x.logical(), y.logical());
            let (alpha, beta) = (t::<T>(alpha), t::<T>(beta));
            let av: MatRef<'_, T> = if trans { a.view().t() } else { a.view() };
            b.gemv(alpha, av, x.view(), beta, y.view_mut())
                .map_err(|e| TestCaseError::fail(e.to_string()))?;
            let (al, be) = (alpha.as_f64(), beta.as_f64());
            for (i, got) in y.logical().into_iter().enumerate() {
                let ax: f64 = if al == 0.0 {
                    0.0
                } else {
                    (0..n).map(|j| op_a(i, j) * xl[j]).sum()
                };
                let scale: f64 = (0..n).map(|j| (op_a(i, j) * xl[j]).abs()).sum::<f64>() * al.abs();
                let by = if be == 0.0 { 0.0 } else { be * yl[i] };
                let want = al * ax + by;
                prop_assert!(
                    close::<T>(got, want, scale + by.abs(), n + 2),
                    "i={i}: {got} vs {want}"
                );
            }
            y.assert_guards_intact();
            Ok(())
        },
    );
}

/// `ger` against naive loops; guards intact.
pub fn ger<T: Scalar, B: Full<T> + ?Sized>(b: &B) {
    run(
        (
            size(),
            size(),
            layout(),
            inc(),
            inc(),
            scalar(),
            any::<u64>(),
        ),
        |(m, n, lay, incx, incy, alpha, seed)| {
            let mut a = TestMat::<T>::new(m, n, lay, seed);
            let x = TestVec::<T>::new(m, incx, seed + 1);
            let y = TestVec::<T>::new(n, incy, seed + 2);
            let before = a.clone();
            let alpha = t::<T>(alpha);
            b.ger(alpha, x.view(), y.view(), a.view_mut())
                .map_err(|e| TestCaseError::fail(e.to_string()))?;
            let (xl, yl, al) = (x.logical(), y.logical(), alpha.as_f64());
            for j in 0..n {
                for i in 0..m {
                    let upd = al * xl[i] * yl[j];
                    let want = before.get(i, j) + upd;
                    prop_assert!(
                        close::<T>(a.get(i, j), want, before.get(i, j).abs() + upd.abs(), 3),
                        "({i},{j})"
                    );
                }
            }
            a.assert_guards_intact();
            Ok(())
        },
    );
}

fn small_size() -> impl Strategy<Value = usize> {
    prop_oneof![
        3 => prop::sample::select(vec![0usize, 1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 24, 31, 33, 48, 49, 65]),
        1 => 0usize..140,
    ]
}

/// `gemm` against a triple loop, every transpose and layout; `beta = 0` with
/// NaN in C must not produce NaN; guards of C intact.
pub fn gemm<T: Scalar, B: Full<T> + ?Sized>(b: &B) {
    let shapes = (small_size(), small_size(), small_size());
    let layouts = (layout(), layout(), layout(), any::<bool>(), any::<bool>());
    run(
        (shapes, layouts, scalar(), scalar(), any::<u64>()),
        |((m, n, k), (la, lb, lc, ta, tb), alpha, beta, seed)| {
            let a = if ta {
                TestMat::<T>::new(k, m, la, seed)
            } else {
                TestMat::<T>::new(m, k, la, seed)
            };
            let bm = if tb {
                TestMat::<T>::new(n, k, lb, seed + 1)
            } else {
                TestMat::<T>::new(k, n, lb, seed + 1)
            };
            let mut c = TestMat::<T>::new(m, n, lc, seed + 2);
            if beta == 0.0 {
                (0..n).for_each(|j| (0..m).for_each(|i| c.set(i, j, f64::NAN)));
            }
            let before = c.clone();
            let op_a = |i: usize, p: usize| if ta { a.get(p, i) } else { a.get(i, p) };
            let op_b = |p: usize, j: usize| if tb { bm.get(j, p) } else { bm.get(p, j) };
            let (alpha, beta) = (t::<T>(alpha), t::<T>(beta));
            let av = if ta { a.view().t() } else { a.view() };
            let bv = if tb { bm.view().t() } else { bm.view() };
            b.gemm(alpha, av, bv, beta, c.view_mut())
                .map_err(|e| TestCaseError::fail(e.to_string()))?;
            let (al, be) = (alpha.as_f64(), beta.as_f64());
            for j in 0..n {
                for i in 0..m {
                    let ab: f64 = if al == 0.0 {
                        0.0
                    } else {
                        (0..k).map(|p| op_a(i, p) * op_b(p, j)).sum()
                    };
                    let scale: f64 =
                        (0..k).map(|p| (op_a(i, p) * op_b(p, j)).abs()).sum::<f64>() * al.abs();
                    let bc = if be == 0.0 {
                        0.0
                    } else {
                        be * before.get(i, j)
                    };
                    let want = al * ab + bc;
                    let got = c.get(i, j);
                    prop_assert!(
                        close::<T>(got, want, scale + bc.abs(), k + 2),
                        "m={m} n={n} k={k} ({i},{j}): {got} vs {want}"
                    );
                }
            }
            c.assert_guards_intact();
            Ok(())
        },
    );
}

/// NaN, Inf, huge and tiny values, at sizes that also cross the threads
/// backend's serial cutoffs.
pub fn special_values<T: Scalar, B: Full<T> + ?Sized>(b: &B) {
    for n in [1usize, 10, 1000, 100_003] {
        // Norms of huge and tiny vectors: finite and accurate, no overflow or underflow.
        let huge = T::max_value().sqrt() * t::<T>(4.0);
        let tiny = T::min_positive_value() * t::<T>(4.0);
        for v in [huge, tiny, -huge] {
            let x = vec![v; n];
            let got = b.nrm2(VecRef::from_slice(&x)).unwrap().as_f64();
            let want = v.as_f64().abs() * (n as f64).sqrt();
            assert!(
                (got / want - 1.0).abs() < 1e-5,
                "nrm2 of {n} x {v:?}: {got} vs {want}"
            );
        }
        // NaN anywhere: nrm2 is NaN; iamax points at the first NaN.
        let mut x: Vec<T> = (0..n).map(|i| t::<T>((i % 7) as f64)).collect();
        let late = n - 1 - n / 3;
        x[late] = T::infinity();
        assert_eq!(b.nrm2(VecRef::from_slice(&x)).unwrap(), T::infinity());
        assert_eq!(b.iamax(VecRef::from_slice(&x)).unwrap(), Some(late));
        x[n / 2] = T::nan();
        x[late] = T::nan();
        assert!(b.nrm2(VecRef::from_slice(&x)).unwrap().is_nan());
        assert_eq!(b.iamax(VecRef::from_slice(&x)).unwrap(), Some(n / 2));
        assert!(b.asum(VecRef::from_slice(&x)).unwrap().is_nan());
        // alpha = 0 in axpy does not read x (reference BLAS quick return).
        let mut y = vec![t::<T>(1.5); n];
        b.axpy(
            T::zero(),
            VecRef::from_slice(&x),
            VecMut::from_slice(&mut y),
        )
        .unwrap();
        assert!(y.iter().all(|&v| v == t::<T>(1.5)));
        // Inf * 0 in a dot is NaN, as IEEE says.
        let inf = vec![T::infinity(); n];
        let zero = vec![T::zero(); n];
        assert!(b
            .dot(VecRef::from_slice(&inf), VecRef::from_slice(&zero))
            .unwrap()
            .is_nan());
    }
    assert_eq!(b.iamax(VecRef::<T>::from_slice(&[])).unwrap(), None);
    assert_eq!(b.nrm2(VecRef::<T>::from_slice(&[])).unwrap(), T::zero());
}

/// Mismatched shapes are errors of kind `ShapeMismatch`, never panics.
pub fn shape_errors<T: Scalar, B: Full<T> + ?Sized>(b: &B) {
    let x = vec![T::one(); 5];
    let mut y = vec![T::one(); 4];
    let kind = |r: oxpar_core::Result<()>| r.unwrap_err().kind();
    assert_eq!(
        kind(b.axpy(T::one(), VecRef::from_slice(&x), VecMut::from_slice(&mut y))),
        ErrorKind::ShapeMismatch
    );
    assert_eq!(
        b.dot(VecRef::from_slice(&x), VecRef::from_slice(&y))
            .unwrap_err()
            .kind(),
        ErrorKind::ShapeMismatch
    );
    let a = TestMat::<T>::new(4, 3, Layout::ColMajor, 1);
    let bm = TestMat::<T>::new(4, 2, Layout::ColMajor, 2);
    let mut c = TestMat::<T>::new(4, 2, Layout::ColMajor, 3);
    let err = b
        .gemm(T::one(), a.view(), bm.view(), T::zero(), c.view_mut())
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::ShapeMismatch);
    assert!(err.message().contains("inner"), "{err}");
    assert_eq!(
        kind(b.gemv(
            T::one(),
            a.view(),
            VecRef::from_slice(&x),
            T::zero(),
            VecMut::from_slice(&mut y)
        )),
        ErrorKind::ShapeMismatch
    );
    let mut a2 = TestMat::<T>::new(4, 3, Layout::RowMajor, 4);
    assert_eq!(
        kind(b.ger(
            T::one(),
            VecRef::from_slice(&x),
            VecRef::from_slice(&y),
            a2.view_mut()
        )),
        ErrorKind::ShapeMismatch
    );
}

/// Every schedule covers each index exactly once, worker indices are in
/// range, reductions match a serial sum, and a panic in the body reaches the
/// caller without breaking the backend.
pub fn parallel_loops<T: Scalar, B: Full<T> + ?Sized>(b: &B) {
    let threads = b.num_threads();
    for schedule in [
        Schedule::Static { chunk: 0 },
        Schedule::Static { chunk: 7 },
        Schedule::Dynamic { chunk: 1 },
        Schedule::Dynamic { chunk: 16 },
        Schedule::Guided { min_chunk: 3 },
    ] {
        for (lo, hi) in [(0usize, 0usize), (4, 5), (0, 2), (3, 1001)] {
            let hits: Vec<AtomicUsize> = (0..hi).map(|_| AtomicUsize::new(0)).collect();
            b.parallel_for(lo..hi, schedule, &|r, w| {
                assert!(w < threads, "worker {w} of {threads}");
                r.for_each(|i| {
                    hits[i].fetch_add(1, Ordering::Relaxed);
                });
            })
            .unwrap();
            for (i, h) in hits.iter().enumerate() {
                assert_eq!(
                    h.load(Ordering::Relaxed),
                    usize::from(i >= lo),
                    "{schedule:?} index {i}"
                );
            }
            let sum = parallel_reduce(
                b,
                lo..hi,
                schedule,
                || 0u64,
                |acc, r| acc + r.map(|i| i as u64 * 3).sum::<u64>(),
                |x, y| x + y,
            )
            .unwrap();
            assert_eq!(sum, (lo..hi).map(|i| i as u64 * 3).sum::<u64>());
        }
    }
    let r = catch_unwind(AssertUnwindSafe(|| {
        b.parallel_for(0..100, Schedule::Dynamic { chunk: 1 }, &|r, _| {
            assert!(!r.contains(&77), "body panics at 77")
        })
        .unwrap()
    }));
    assert!(r.is_err(), "a panic in the body must reach the caller");
    let count = AtomicUsize::new(0);
    b.parallel_for(0..10, Schedule::default(), &|r, _| {
        count.fetch_add(r.len(), Ordering::Relaxed);
    })
    .unwrap();
    assert_eq!(count.load(Ordering::Relaxed), 10);
}
