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

// ---------------------------------------------------------------------------
// The banded and packed forms.

/// Band widths worth testing: none, one, a few, and wider than the matrix.
fn width() -> impl Strategy<Value = usize> {
    prop::sample::select(vec![0usize, 1, 2, 3, 7, 40])
}

/// Orders for the banded and packed forms.
fn band_order() -> impl Strategy<Value = usize> {
    prop::sample::select(vec![0usize, 1, 2, 3, 5, 8, 17, 33, 64, 65, 100])
}

/// An `m x n` band with `kl` sub- and `ku` super-diagonals in BLAS band
/// storage (leading dimension `kl + ku + 1 + pad`), NaN in every stored
/// position `keep` rejects and in the storage no element uses.
#[derive(Clone, Debug)]
struct TestBand<T> {
    buf: Vec<T>,
    m: usize,
    n: usize,
    kl: usize,
    ku: usize,
    ld: usize,
    /// Whether the view is the transpose of what is stored.
    trans: bool,
}

impl<T: Scalar> TestBand<T> {
    #[allow(clippy::too_many_arguments)]
    fn new(
        m: usize,
        n: usize,
        kl: usize,
        ku: usize,
        pad: usize,
        trans: bool,
        seed: u64,
        value: impl Fn(usize, usize, f64) -> f64,
    ) -> Self {
        let ld = kl + ku + 1 + pad;
        let mut buf = vec![T::from_f64(f64::NAN); ld * n.max(1)];
        let vals = crate::data::values(m * n, seed);
        for j in 0..n {
            for i in j.saturating_sub(ku)..(j + kl + 1).min(m) {
                // The value of element (i, j) of the view (stored (j, i) when
                // transposed).
                let (vi, vj) = if trans { (j, i) } else { (i, j) };
                buf[ku + i - j + j * ld] = T::from_f64(value(vi, vj, vals[i + j * m]));
            }
        }
        TestBand {
            buf,
            m,
            n,
            kl,
            ku,
            ld,
            trans,
        }
    }

    fn view(&self) -> oxpar_core::BandRef<'_, T> {
        let b =
            oxpar_core::BandRef::from_blas(&self.buf, self.m, self.n, self.kl, self.ku, self.ld)
                .expect("test band layout is valid");
        if self.trans {
            b.t()
        } else {
            b
        }
    }

    /// Element (i, j) of the view (0 outside the band).
    fn get(&self, i: usize, j: usize) -> f64 {
        let (si, sj) = if self.trans { (j, i) } else { (i, j) };
        if sj <= si + self.ku && si <= sj + self.kl {
            self.buf[self.ku + si - sj + sj * self.ld].as_f64()
        } else {
            0.0
        }
    }
}

/// A packed triangle of order `n`, stored as `stored`; the view is its
/// transpose when `trans`.
#[derive(Clone, Debug)]
struct TestPacked<T> {
    buf: Vec<T>,
    n: usize,
    stored: Uplo,
    trans: bool,
}

impl<T: Scalar> TestPacked<T> {
    fn new(
        n: usize,
        stored: Uplo,
        trans: bool,
        seed: u64,
        value: impl Fn(usize, usize, f64) -> f64,
    ) -> Self {
        let mut buf = Vec::with_capacity(n * (n + 1) / 2);
        let vals = crate::data::values(n * n, seed);
        for j in 0..n {
            for i in (0..n).filter(|&i| stored.holds(i, j)) {
                let (vi, vj) = if trans { (j, i) } else { (i, j) };
                buf.push(T::from_f64(value(vi, vj, vals[i + j * n])));
            }
        }
        TestPacked {
            buf,
            n,
            stored,
            trans,
        }
    }

    fn uplo(&self) -> Uplo {
        if self.trans {
            self.stored.flip()
        } else {
            self.stored
        }
    }

    fn view(&self) -> oxpar_core::PackedRef<'_, T> {
        let p = oxpar_core::PackedRef::from_blas(&self.buf, self.n, self.stored).expect("valid");
        if self.trans {
            p.t()
        } else {
            p
        }
    }

    /// Element (i, j) of the view (0 outside its triangle).
    fn get(&self, i: usize, j: usize) -> f64 {
        let (si, sj) = if self.trans { (j, i) } else { (i, j) };
        if !self.stored.holds(si, sj) {
            return 0.0;
        }
        let at = match self.stored {
            Uplo::Upper => si + sj * (sj + 1) / 2,
            Uplo::Lower => si + sj * (2 * self.n - sj - 1) / 2,
        };
        self.buf[at].as_f64()
    }
}

/// Checks `y := alpha*M*x + beta*y` for the matrix `elem` (`m x n`).
#[allow(clippy::too_many_arguments)]
fn check_mv<T: Scalar>(
    what: &str,
    m: usize,
    n: usize,
    elem: impl Fn(usize, usize) -> f64,
    alpha: f64,
    xl: &[f64],
    beta: f64,
    yl: &[f64],
    got: &[f64],
) -> Result<(), TestCaseError> {
    for i in 0..m {
        let (s, mag) = if alpha == 0.0 {
            (0.0, 0.0)
        } else {
            (0..n).fold((0.0, 0.0), |(s, g), j| {
                (s + elem(i, j) * xl[j], g + (elem(i, j) * xl[j]).abs())
            })
        };
        let by = if beta == 0.0 { 0.0 } else { beta * yl[i] };
        let want = alpha * s + by;
        prop_assert!(
            close::<T>(got[i], want, alpha.abs() * mag + by.abs(), n + 2),
            "{what} i={i}: {} vs {want}",
            got[i]
        );
    }
    Ok(())
}

/// `gbmv` against naive loops: NaN in the storage no element uses; both the
/// band and its transpose; `beta = 0` with NaN in y.
pub fn gbmv<T: Scalar, B: Full<T> + ?Sized>(b: &B) {
    let shape = (
        band_order(),
        band_order(),
        width(),
        width(),
        any::<bool>(),
        inc(),
        inc(),
    );
    run(
        (shape, scalar(), scalar(), any::<u64>()),
        |((m, n, kl, ku, trans, incx, incy), alpha, beta, seed)| {
            // The view is m x n: stored n x m when transposed.
            let a = if trans {
                TestBand::<T>::new(n, m, ku, kl, 1, true, seed, |_, _, v| v)
            } else {
                TestBand::<T>::new(m, n, kl, ku, 1, false, seed, |_, _, v| v)
            };
            let x = TestVec::<T>::new(n, incx, seed + 1);
            let mut y = TestVec::<T>::new(m, incy, seed + 2);
            if beta == 0.0 {
                (0..m).for_each(|i| y.set(i, f64::NAN));
            }
            let (xl, yl) = (x.logical(), y.logical());
            let (al, be) = (T::from_f64(alpha), T::from_f64(beta));
            b.gbmv(al, a.view(), x.view(), be, y.view_mut())
                .map_err(fail)?;
            check_mv::<T>(
                "gbmv",
                m,
                n,
                |i, j| a.get(i, j),
                al.as_f64(),
                &xl,
                be.as_f64(),
                &yl,
                &y.logical(),
            )?;
            y.assert_guards_intact();
            Ok(())
        },
    );
}

/// `sbmv` and `spmv` against naive loops: NaN in the other triangle.
pub fn sbmv_spmv<T: Scalar, B: Full<T> + ?Sized>(b: &B) {
    let shape = (
        band_order(),
        width(),
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
        inc(),
        inc(),
    );
    run(
        (shape, scalar(), scalar(), any::<u64>()),
        |((n, k, upper, trans, packed, incx, incy), alpha, beta, seed)| {
            let uplo = if upper { Uplo::Upper } else { Uplo::Lower };
            let keep = |i: usize, j: usize, v: f64| if uplo.holds(i, j) { v } else { f64::NAN };
            let x = TestVec::<T>::new(n, incx, seed + 1);
            let mut y = TestVec::<T>::new(n, incy, seed + 2);
            if beta == 0.0 {
                (0..n).for_each(|i| y.set(i, f64::NAN));
            }
            let (xl, yl) = (x.logical(), y.logical());
            let (al, be) = (T::from_f64(alpha), T::from_f64(beta));
            let sym = |get: &dyn Fn(usize, usize) -> f64, i: usize, j: usize| {
                if uplo.holds(i, j) {
                    get(i, j)
                } else {
                    get(j, i)
                }
            };
            if packed {
                let stored = if trans { uplo.flip() } else { uplo };
                let a = TestPacked::<T>::new(n, stored, trans, seed, keep);
                b.spmv(al, a.view(), x.view(), be, y.view_mut())
                    .map_err(fail)?;
                let get = |i, j| a.get(i, j);
                check_mv::<T>(
                    "spmv",
                    n,
                    n,
                    |i, j| sym(&get, i, j),
                    al.as_f64(),
                    &xl,
                    be.as_f64(),
                    &yl,
                    &y.logical(),
                )?;
            } else {
                let a = TestBand::<T>::new(n, n, k, k, 0, trans, seed, keep);
                b.sbmv(uplo, al, a.view(), x.view(), be, y.view_mut())
                    .map_err(fail)?;
                let get = |i, j| a.get(i, j);
                check_mv::<T>(
                    "sbmv",
                    n,
                    n,
                    |i, j| sym(&get, i, j),
                    al.as_f64(),
                    &xl,
                    be.as_f64(),
                    &yl,
                    &y.logical(),
                )?;
            }
            y.assert_guards_intact();
            Ok(())
        },
    );
}

/// `tbmv`, `tbsv`, `tpmv` and `tpsv` against naive loops (the solves by
/// their residual): NaN in the other triangle and on a unit diagonal.
pub fn banded_triangular<T: Scalar, B: Full<T> + ?Sized>(b: &B) {
    let shape = (
        band_order(),
        width(),
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
        inc(),
    );
    run(
        (shape, any::<u64>()),
        |((n, k, upper, trans, unit, packed, solve, incx), seed)| {
            let uplo = if upper { Uplo::Upper } else { Uplo::Lower };
            let value = |i: usize, j: usize, v: f64| {
                if !uplo.holds(i, j) || (i == j && unit) {
                    f64::NAN
                } else if i == j && solve {
                    v.signum() * (1.0 + v.abs())
                } else if solve {
                    v / (n as f64)
                } else {
                    v
                }
            };
            let mut x = TestVec::<T>::new(n, incx, seed + 1);
            let x0 = x.logical();
            let diag = diag_of(unit);
            let tri_get: Box<dyn Fn(usize, usize) -> f64> = if packed {
                let stored = if trans { uplo.flip() } else { uplo };
                let a = TestPacked::<T>::new(n, stored, trans, seed, value);
                prop_assert_eq!(a.uplo(), uplo);
                if solve {
                    b.tpsv(diag, a.view(), x.view_mut()).map_err(fail)?;
                } else {
                    b.tpmv(diag, a.view(), x.view_mut()).map_err(fail)?;
                }
                Box::new(move |i, j| a.get(i, j))
            } else {
                let a = TestBand::<T>::new(n, n, k, k, 2, trans, seed, value);
                if solve {
                    b.tbsv(uplo, diag, a.view(), x.view_mut()).map_err(fail)?;
                } else {
                    b.tbmv(uplo, diag, a.view(), x.view_mut()).map_err(fail)?;
                }
                Box::new(move |i, j| a.get(i, j))
            };
            let t = |i: usize, j: usize| {
                if i == j && unit {
                    1.0
                } else if uplo.holds(i, j) {
                    tri_get(i, j)
                } else {
                    0.0
                }
            };
            let xl = x.logical();
            for i in 0..n {
                let (v, want) = if solve { (&xl, &x0) } else { (&x0, &xl) };
                let s: f64 = (0..n).map(|j| t(i, j) * v[j]).sum();
                let scale: f64 =
                    (0..n).map(|j| (t(i, j) * v[j]).abs()).sum::<f64>() + want[i].abs();
                prop_assert!(
                    close::<T>(s, want[i], scale, 4 * n + 4),
                    "n={n} k={k} i={i}: {s} vs {}",
                    want[i]
                );
            }
            x.assert_guards_intact();
            Ok(())
        },
    );
}

/// `spr` and `spr2` against naive loops.
pub fn spr_spr2<T: Scalar, B: Full<T> + ?Sized>(b: &B) {
    let shape = (band_order(), any::<bool>(), any::<bool>(), inc(), inc());
    run(
        (shape, scalar(), any::<u64>()),
        |((n, upper, two, incx, incy), alpha, seed)| {
            let uplo = if upper { Uplo::Upper } else { Uplo::Lower };
            let mut a = TestPacked::<T>::new(n, uplo, false, seed, |_, _, v| v);
            let before = a.clone();
            let x = TestVec::<T>::new(n, incx, seed + 1);
            let y = TestVec::<T>::new(n, incy, seed + 2);
            let al = T::from_f64(alpha);
            let ap = oxpar_core::PackedMut::from_blas(&mut a.buf, n, uplo).expect("valid");
            if two {
                b.spr2(al, x.view(), y.view(), ap)
            } else {
                b.spr(al, x.view(), ap)
            }
            .map_err(fail)?;
            let (xl, yl, al) = (x.logical(), y.logical(), al.as_f64());
            for j in 0..n {
                for i in (0..n).filter(|&i| uplo.holds(i, j)) {
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
                    let (old, got) = (before.get(i, j), a.get(i, j));
                    prop_assert!(
                        close::<T>(got, old + upd, old.abs() + mag, 4),
                        "n={n} ({i},{j})"
                    );
                }
            }
            Ok(())
        },
    );
}
