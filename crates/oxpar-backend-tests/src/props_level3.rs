//! The properties of the structured level-3 operations (symm, syrk, syr2k,
//! trmm, trsm) and of the reductions `sum` and `reduce_exact`.
//!
//! Besides the values (against f64 loops written here), each checks what
//! must not be read or written: the triangle of `A` that is not stored and a
//! unit diagonal hold NaN; `beta = 0` puts NaN in `C`; `alpha = 0` puts NaN
//! in `A` and `B`; the other triangle of a syrk output and the padding of
//! every output keep their values. Sizes cross the blocked algorithms' leaf
//! sizes (32, 64, 128) and, for the column counts, the threads backend's
//! column blocks (128).
#![allow(
    clippy::needless_range_loop,
    reason = "(i, j) index math mirrors the BLAS definitions"
)]

use oxpar_core::exact::{ExactSum, Reduction};
use oxpar_core::{Diag, Scalar, Side, Uplo};
use proptest::prelude::*;
use proptest::test_runner::TestCaseError;

use crate::data::{inc, layout, scalar, size, Layout, TestMat, TestVec};
use crate::props::{close, run, t, Full};

/// Sizes around the leaf sizes of the blocked algorithms.
fn dim() -> impl Strategy<Value = usize> {
    prop_oneof![
        4 => prop::sample::select(vec![0usize, 1, 2, 3, 5, 7, 16, 31, 32, 33, 63, 64, 65, 97, 127, 128, 129]),
        1 => 0usize..100,
    ]
}

/// Column counts: as [`dim`], and now and then enough for the threads
/// backend to split into column blocks.
fn cols() -> impl Strategy<Value = usize> {
    prop_oneof![4 => dim(), 1 => 129usize..200]
}

fn side() -> impl Strategy<Value = Side> {
    prop::sample::select(vec![Side::Left, Side::Right])
}

fn uplo() -> impl Strategy<Value = Uplo> {
    prop::sample::select(vec![Uplo::Upper, Uplo::Lower])
}

fn diag() -> impl Strategy<Value = Diag> {
    prop::sample::select(vec![Diag::NonUnit, Diag::Unit])
}

fn fail(e: oxpar_core::Error) -> TestCaseError {
    TestCaseError::fail(e.to_string())
}

/// A square `n x n` test matrix holding its `uplo` triangle (as the view
/// will be passed: transposed when `trans`), NaN in the other triangle.
fn stored<T: Scalar>(n: usize, l: Layout, uplo: Uplo, trans: bool, seed: u64) -> TestMat<T> {
    let mut a = TestMat::<T>::new(n, n, l, seed);
    for j in 0..n {
        for i in 0..n {
            // Element (i, j) of the view is (j, i) of the storage when
            // transposed.
            let (vi, vj) = if trans { (j, i) } else { (i, j) };
            if !uplo.holds(vi, vj) {
                a.set(i, j, f64::NAN);
            }
        }
    }
    a
}

/// Every element of `m` set to NaN.
fn poison<T: Scalar>(m: &mut TestMat<T>) {
    for j in 0..m.n {
        for i in 0..m.m {
            m.set(i, j, f64::NAN);
        }
    }
}

/// `symm` against a loop over the full symmetric matrix, both sides and
/// triangles, `A` and `B` as given or transposed views.
pub fn symm<T: Scalar, B: Full<T> + ?Sized>(b: &B) {
    let shape = (side(), uplo(), dim(), cols(), any::<bool>(), any::<bool>());
    run(
        (
            shape,
            (layout(), layout(), layout()),
            scalar(),
            scalar(),
            any::<u64>(),
        ),
        |((side, uplo, m, n, ta, tb), (la, lb, lc), alpha, beta, seed)| {
            let na = if side == Side::Left { m } else { n };
            let mut a = stored::<T>(na, la, uplo, ta, seed);
            let mut bm = if tb {
                TestMat::<T>::new(n, m, lb, seed + 1)
            } else {
                TestMat::<T>::new(m, n, lb, seed + 1)
            };
            let mut c = TestMat::<T>::new(m, n, lc, seed + 2);
            if beta == 0.0 {
                poison(&mut c);
            }
            if alpha == 0.0 {
                poison(&mut a);
                poison(&mut bm);
            }
            let before = c.clone();
            let full = |i: usize, j: usize| {
                let (i, j) = if uplo.holds(i, j) { (i, j) } else { (j, i) };
                if ta {
                    a.get(j, i)
                } else {
                    a.get(i, j)
                }
            };
            let bij = |i: usize, j: usize| if tb { bm.get(j, i) } else { bm.get(i, j) };
            let (alpha, beta) = (t::<T>(alpha), t::<T>(beta));
            let av = if ta { a.view().t() } else { a.view() };
            let bv = if tb { bm.view().t() } else { bm.view() };
            b.symm(side, uplo, alpha, av, bv, beta, c.view_mut())
                .map_err(fail)?;
            let (al, be) = (alpha.as_f64(), beta.as_f64());
            for j in 0..n {
                for i in 0..m {
                    let terms: Vec<f64> = if al == 0.0 {
                        Vec::new()
                    } else if side == Side::Left {
                        (0..m).map(|p| full(i, p) * bij(p, j)).collect()
                    } else {
                        (0..n).map(|p| bij(i, p) * full(p, j)).collect()
                    };
                    let bc = if be == 0.0 {
                        0.0
                    } else {
                        be * before.get(i, j)
                    };
                    let want = al * terms.iter().sum::<f64>() + bc;
                    let scale = al.abs() * terms.iter().map(|v| v.abs()).sum::<f64>() + bc.abs();
                    let got = c.get(i, j);
                    prop_assert!(
                        close::<T>(got, want, scale, terms.len() + 2),
                        "{side:?} {uplo:?} m={m} n={n} ({i},{j}): {got} vs {want}"
                    );
                }
            }
            c.assert_guards_intact();
            Ok(())
        },
    );
}

/// `syrk` and `syr2k` (`two`) against loops, both triangles, `A` (and `B`)
/// as given or transposed views; the other triangle of `C` untouched.
fn rank_k<T: Scalar, B: Full<T> + ?Sized>(b: &B, two: bool) {
    let shape = (uplo(), cols(), dim(), any::<bool>());
    run(
        (
            shape,
            (layout(), layout(), layout()),
            scalar(),
            scalar(),
            any::<u64>(),
        ),
        |((uplo, n, k, trans), (la, lb, lc), alpha, beta, seed)| {
            let make = |l, s| {
                if trans {
                    TestMat::<T>::new(k, n, l, s)
                } else {
                    TestMat::<T>::new(n, k, l, s)
                }
            };
            let (mut a, mut bm) = (make(la, seed), make(lb, seed + 1));
            let mut c = TestMat::<T>::new(n, n, lc, seed + 2);
            if beta == 0.0 {
                for j in 0..n {
                    for i in 0..n {
                        if uplo.holds(i, j) {
                            c.set(i, j, f64::NAN);
                        }
                    }
                }
            }
            if alpha == 0.0 {
                poison(&mut a);
                poison(&mut bm);
            }
            let before = c.clone();
            let get =
                |m: &TestMat<T>, i: usize, p: usize| if trans { m.get(p, i) } else { m.get(i, p) };
            let (alpha, beta) = (t::<T>(alpha), t::<T>(beta));
            let (av, bv) = if trans {
                (a.view().t(), bm.view().t())
            } else {
                (a.view(), bm.view())
            };
            if two {
                b.syr2k(uplo, alpha, av, bv, beta, c.view_mut())
                    .map_err(fail)?;
            } else {
                b.syrk(uplo, alpha, av, beta, c.view_mut()).map_err(fail)?;
            }
            let (al, be) = (alpha.as_f64(), beta.as_f64());
            for j in 0..n {
                for i in 0..n {
                    let got = c.get(i, j);
                    if !uplo.holds(i, j) {
                        prop_assert!(
                            got.to_bits() == before.get(i, j).to_bits(),
                            "{uplo:?} n={n}: ({i},{j}) outside the triangle was written"
                        );
                        continue;
                    }
                    let terms: Vec<f64> = if al == 0.0 {
                        Vec::new()
                    } else if two {
                        (0..k)
                            .flat_map(|p| {
                                [
                                    get(&a, i, p) * get(&bm, j, p),
                                    get(&bm, i, p) * get(&a, j, p),
                                ]
                            })
                            .collect()
                    } else {
                        (0..k).map(|p| get(&a, i, p) * get(&a, j, p)).collect()
                    };
                    let bc = if be == 0.0 {
                        0.0
                    } else {
                        be * before.get(i, j)
                    };
                    let want = al * terms.iter().sum::<f64>() + bc;
                    let scale = al.abs() * terms.iter().map(|v| v.abs()).sum::<f64>() + bc.abs();
                    prop_assert!(
                        close::<T>(got, want, scale, terms.len() + 2),
                        "{uplo:?} n={n} k={k} trans={trans} ({i},{j}): {got} vs {want}"
                    );
                }
            }
            c.assert_guards_intact();
            Ok(())
        },
    );
}

/// `syrk` against loops: both triangles, `A` as given or as a transposed
/// view, the other triangle of `C` untouched.
pub fn syrk<T: Scalar, B: Full<T> + ?Sized>(b: &B) {
    rank_k(b, false);
}

/// `syr2k` against loops: both triangles, `A` and `B` as given or as
/// transposed views, the other triangle of `C` untouched.
pub fn syr2k<T: Scalar, B: Full<T> + ?Sized>(b: &B) {
    rank_k(b, true);
}

/// `trmm` (`solve == false`) and `trsm`, both sides and triangles, unit and
/// stored diagonals, `A` as given or as a transposed view (with the other
/// triangle). trmm is checked against a loop; trsm by its residual
/// `op(A)*X - alpha*B`, on a well-conditioned `A` (a dominant diagonal,
/// off-diagonal elements of at most `1/(2m)`).
fn triangular<T: Scalar, B: Full<T> + ?Sized>(b: &B, solve: bool) {
    let shape = (side(), uplo(), diag(), dim(), cols(), any::<bool>());
    run(
        (shape, (layout(), layout()), scalar(), any::<u64>()),
        |((side, uplo, diag, m, n, trans), (la, lb), alpha, seed)| {
            let na = if side == Side::Left { m } else { n };
            let mut a = stored::<T>(na, la, uplo, trans, seed);
            for j in 0..na {
                for i in 0..na {
                    let v = a.get(i, j);
                    if i == j {
                        let d = if diag == Diag::Unit {
                            f64::NAN
                        } else {
                            v.signum() * (1.0 + v.abs())
                        };
                        a.set(i, j, d);
                    } else if !v.is_nan() {
                        a.set(i, j, v / (2.0 * na as f64));
                    }
                }
            }
            if alpha == 0.0 {
                poison(&mut a);
            }
            let mut x = TestMat::<T>::new(m, n, lb, seed + 1);
            let before = x.clone();
            // Element (i, j) of the triangular matrix op(A).
            let tri = |i: usize, j: usize| {
                if i == j && diag == Diag::Unit {
                    1.0
                } else if uplo.holds(i, j) {
                    if trans {
                        a.get(j, i)
                    } else {
                        a.get(i, j)
                    }
                } else {
                    0.0
                }
            };
            let alpha = t::<T>(alpha);
            let av = if trans { a.view().t() } else { a.view() };
            if solve {
                b.trsm(side, uplo, diag, alpha, av, x.view_mut())
                    .map_err(fail)?;
            } else {
                b.trmm(side, uplo, diag, alpha, av, x.view_mut())
                    .map_err(fail)?;
            }
            let al = alpha.as_f64();
            // trmm: got = alpha*op(A)*B0, want from B0; trsm: op(A)*X must
            // give alpha*B0, with X the result.
            let (input, output) = if solve { (&x, &before) } else { (&before, &x) };
            let span = if side == Side::Left { m } else { n };
            for j in 0..n {
                for i in 0..m {
                    let terms: Vec<f64> = (0..span)
                        .map(|p| match side {
                            Side::Left => tri(i, p) * input.get(p, j),
                            Side::Right => input.get(i, p) * tri(p, j),
                        })
                        .collect();
                    let (got, want, scale) = if al == 0.0 {
                        (x.get(i, j), 0.0, 0.0)
                    } else if solve {
                        let lhs: f64 = terms.iter().sum();
                        let scale = terms.iter().map(|v| v.abs()).sum::<f64>();
                        (
                            lhs,
                            al * output.get(i, j),
                            scale + (al * output.get(i, j)).abs(),
                        )
                    } else {
                        let scale = al.abs() * terms.iter().map(|v| v.abs()).sum::<f64>();
                        (output.get(i, j), al * terms.iter().sum::<f64>(), scale)
                    };
                    prop_assert!(
                        close::<T>(got, want, scale, 2 * span + 4),
                        "{side:?} {uplo:?} {diag:?} trans={trans} m={m} n={n} ({i},{j}): {got} vs {want}"
                    );
                }
            }
            x.assert_guards_intact();
            Ok(())
        },
    );
}

/// `trmm` against a loop: both sides and triangles, unit and stored
/// diagonals, `A` as given or as a transposed view.
pub fn trmm<T: Scalar, B: Full<T> + ?Sized>(b: &B) {
    triangular(b, false);
}

/// `trsm` by its residual `op(A)*X - alpha*B` on a well-conditioned `A`:
/// both sides and triangles, unit and stored diagonals, `A` as given or as a
/// transposed view.
pub fn trsm<T: Scalar, B: Full<T> + ?Sized>(b: &B) {
    triangular(b, true);
}

/// `sum` against an f64 loop, any increment.
pub fn sum<T: Scalar, B: Full<T> + ?Sized>(b: &B) {
    run((size(), inc(), any::<u64>()), |(n, incx, seed)| {
        let x = TestVec::<T>::new(n, incx, seed);
        let xl = x.logical();
        let got = b.sum(x.view()).map_err(fail)?.as_f64();
        let want: f64 = xl.iter().sum();
        let scale: f64 = xl.iter().map(|v| v.abs()).sum();
        prop_assert!(
            close::<T>(got, want, scale, n + 2),
            "n={n}: {got} vs {want}"
        );
        Ok(())
    });
}

/// `reduce_exact` of each reduction against an exact accumulator filled here
/// element by element: the same correctly rounded value, any increments.
pub fn reduce_exact<T: Scalar, B: Full<T> + ?Sized>(b: &B) {
    let what = prop::sample::select(vec![
        Reduction::Sum,
        Reduction::Asum,
        Reduction::Dot,
        Reduction::SumSq,
    ]);
    run(
        (what, size(), inc(), inc(), any::<u64>()),
        |(what, n, incx, incy, seed)| {
            let x = TestVec::<T>::new(n, incx, seed);
            let y = TestVec::<T>::new(n, incy, seed + 1);
            let got = b.reduce_exact(what, x.view(), y.view()).map_err(fail)?;
            let mut want = ExactSum::new();
            for (xi, yi) in x.logical().into_iter().zip(y.logical()) {
                match what {
                    Reduction::Sum => want.add_f64(xi),
                    Reduction::Asum => want.add_f64(xi.abs()),
                    Reduction::Dot => want.add_product_f64(xi, yi),
                    Reduction::SumSq => want.add_product_f64(xi, xi),
                }
            }
            prop_assert_eq!(
                got.round_f64().to_bits(),
                want.round_f64().to_bits(),
                "{:?} n={}",
                what,
                n
            );
            prop_assert_eq!(got.round_f32().to_bits(), want.round_f32().to_bits());
            Ok(())
        },
    );
}
