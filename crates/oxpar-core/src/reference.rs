//! Plain-loop reference versions of the structured BLAS operations (symmetric
//! and triangular level 2 and 3, and the banded and packed level-2 forms):
//! the oracle the other backends are tested
//! against, and the serial backend's own bodies. Clarity over speed: every
//! element is found through [`sym`] or [`tri`], the way the definition reads.
//!
//! The rank updates (ger, gerc, syr, syr2, spr, spr2) are the reference
//! BLAS's column loops, skipping a column whose `y(j)` (ger) or `x(j)` (and
//! `y(j)`) is zero, so that an Inf or NaN elsewhere in a vector leaves that
//! column alone here as in the reference and the optimized backends.
//!
//! Shapes are checked by the callers (the trait methods, through
//! [`crate::backend::check`]); these functions assume them.

use crate::backend::{Diag, Side, Uplo};
use crate::band::{BandRef, PackedMut, PackedRef};
use crate::scalar::Element;
use crate::view::{MatMut, MatRef, VecMut, VecRef};

/// Element `(i, j)` of the symmetric matrix whose `uplo` triangle `a` holds.
pub fn sym<T: Element>(a: &MatRef<'_, T>, uplo: Uplo, i: usize, j: usize) -> T {
    if uplo.holds(i, j) {
        a.get(i, j)
    } else {
        a.get(j, i)
    }
}

/// Element `(i, j)` of the triangular matrix whose `uplo` triangle `a` holds
/// (with ones on the diagonal, not read, when `diag` is [`Diag::Unit`]).
pub fn tri<T: Element>(a: &MatRef<'_, T>, uplo: Uplo, diag: Diag, i: usize, j: usize) -> T {
    if i == j && diag == Diag::Unit {
        T::ONE
    } else if uplo.holds(i, j) {
        a.get(i, j)
    } else {
        T::ZERO
    }
}

/// `beta * old`, without reading `old` when `beta` is zero.
fn scaled<T: Element>(beta: T, old: impl FnOnce() -> T) -> T {
    if beta == T::ZERO {
        T::ZERO
    } else {
        beta * old()
    }
}

/// `y := alpha*A*x + beta*y`, `A` symmetric.
pub fn symv<T: Element>(
    uplo: Uplo,
    alpha: T,
    a: MatRef<'_, T>,
    x: VecRef<'_, T>,
    beta: T,
    mut y: VecMut<'_, T>,
) {
    let n = y.len();
    for i in 0..n {
        let ax = if alpha == T::ZERO {
            T::ZERO
        } else {
            alpha * (0..n).fold(T::ZERO, |acc, j| acc + sym(&a, uplo, i, j) * x.get(j))
        };
        let old = scaled(beta, || y.as_ref().get(i));
        y.set(i, ax + old);
    }
}

/// `x := A*x`, `A` triangular.
pub fn trmv<T: Element>(uplo: Uplo, diag: Diag, a: MatRef<'_, T>, mut x: VecMut<'_, T>) {
    let n = x.len();
    let ax: Vec<T> = (0..n)
        .map(|i| {
            (0..n).fold(T::ZERO, |acc, j| {
                if uplo.holds(i, j) {
                    acc + tri(&a, uplo, diag, i, j) * x.as_ref().get(j)
                } else {
                    acc
                }
            })
        })
        .collect();
    for (i, v) in ax.into_iter().enumerate() {
        x.set(i, v);
    }
}

/// `x := A^-1*x`, `A` triangular: substitution in the order the triangle
/// allows (forward for lower, backward for upper).
pub fn trsv<T: Element>(uplo: Uplo, diag: Diag, a: MatRef<'_, T>, mut x: VecMut<'_, T>) {
    let n = x.len();
    let order: Vec<usize> = match uplo {
        Uplo::Lower => (0..n).collect(),
        Uplo::Upper => (0..n).rev().collect(),
    };
    for &i in &order {
        let mut v = x.as_ref().get(i);
        for j in 0..n {
            if j != i && uplo.holds(i, j) {
                v -= a.get(i, j) * x.as_ref().get(j);
            }
        }
        if diag == Diag::NonUnit {
            v = v.quotient(a.get(i, i));
        }
        x.set(i, v);
    }
}

/// `A := alpha*x*y^T + A` (for real elements, `ger`; for complex, `geru`):
/// the reference's column loop, which skips a column whose `y(j)` is zero
/// (so an infinite or NaN `x(i)` leaves it alone) and adds `x(i)*TEMP`,
/// `TEMP = alpha*y(j)`.
pub fn ger<T: Element>(alpha: T, x: VecRef<'_, T>, y: VecRef<'_, T>, a: MatMut<'_, T>) {
    ger_columns(alpha, x, y, a, |v| v);
}

/// `A := alpha*x*y^H + A` (for real elements, `ger`): as [`ger`], with
/// `TEMP = alpha*conj(y(j))`.
pub fn gerc<T: Element>(alpha: T, x: VecRef<'_, T>, y: VecRef<'_, T>, a: MatMut<'_, T>) {
    ger_columns(alpha, x, y, a, T::conj);
}

/// The column loop of [`ger`] and [`gerc`], `op` applied to each `y(j)`.
fn ger_columns<T: Element>(
    alpha: T,
    x: VecRef<'_, T>,
    y: VecRef<'_, T>,
    mut a: MatMut<'_, T>,
    op: impl Fn(T) -> T,
) {
    if alpha == T::ZERO || a.is_empty() {
        return;
    }
    for j in 0..a.ncols() {
        let yj = y.get(j);
        if yj == T::ZERO {
            continue;
        }
        let t = alpha * op(yj);
        for i in 0..a.nrows() {
            let v = a.as_ref().get(i, j) + x.get(i) * t;
            a.set(i, j, v);
        }
    }
}

/// The temporaries of the reference's symmetric rank-1 (`y == None`) or
/// rank-2 column `j`: `None` when the column is skipped (`x(j)`, and `y(j)`,
/// zero), else `(TEMP1, TEMP2)` with `a(i, j) += x(i)*TEMP1 (+ y(i)*TEMP2)`.
fn sym_temps<T: Element>(alpha: T, xj: T, yj: Option<T>) -> Option<(T, T)> {
    match yj {
        None => (xj != T::ZERO).then(|| (alpha * xj, T::ZERO)),
        Some(yj) => (xj != T::ZERO || yj != T::ZERO).then(|| (alpha * yj, alpha * xj)),
    }
}

/// `a + x_i*t1 (+ y_i*t2)`, left to right as the reference's statement.
fn sym_term<T: Element>(a: T, xi: T, yi: Option<T>, (t1, t2): (T, T)) -> T {
    match yi {
        None => a + xi * t1,
        Some(yi) => a + xi * t1 + yi * t2,
    }
}

/// `A := alpha*x*x^T + A` on the `uplo` triangle: the reference's column
/// loop, skipping a column whose `x(j)` is zero.
pub fn syr<T: Element>(uplo: Uplo, alpha: T, x: VecRef<'_, T>, a: MatMut<'_, T>) {
    syr2_columns(uplo, alpha, x, None, a);
}

/// `A := alpha*(x*y^T + y*x^T) + A` on the `uplo` triangle: the reference's
/// column loop, skipping a column whose `x(j)` and `y(j)` are zero.
pub fn syr2<T: Element>(
    uplo: Uplo,
    alpha: T,
    x: VecRef<'_, T>,
    y: VecRef<'_, T>,
    a: MatMut<'_, T>,
) {
    syr2_columns(uplo, alpha, x, Some(y), a);
}

/// The column loop of [`syr`] (`y == None`) and [`syr2`].
fn syr2_columns<T: Element>(
    uplo: Uplo,
    alpha: T,
    x: VecRef<'_, T>,
    y: Option<VecRef<'_, T>>,
    mut a: MatMut<'_, T>,
) {
    if alpha == T::ZERO {
        return;
    }
    let n = x.len();
    for j in 0..n {
        let Some(t) = sym_temps(alpha, x.get(j), y.map(|y| y.get(j))) else {
            continue;
        };
        for i in (0..n).filter(|&i| uplo.holds(i, j)) {
            let v = sym_term(a.as_ref().get(i, j), x.get(i), y.map(|y| y.get(i)), t);
            a.set(i, j, v);
        }
    }
}

/// `C := alpha*A*B + beta*C` (left) or `alpha*B*A + beta*C` (right), `A`
/// symmetric.
pub fn symm<T: Element>(
    side: Side,
    uplo: Uplo,
    alpha: T,
    a: MatRef<'_, T>,
    b: MatRef<'_, T>,
    beta: T,
    mut c: MatMut<'_, T>,
) {
    let (m, n) = (c.nrows(), c.ncols());
    for j in 0..n {
        for i in 0..m {
            let ab = if alpha == T::ZERO {
                T::ZERO
            } else {
                let s = match side {
                    Side::Left => {
                        (0..m).fold(T::ZERO, |acc, p| acc + sym(&a, uplo, i, p) * b.get(p, j))
                    }
                    Side::Right => {
                        (0..n).fold(T::ZERO, |acc, p| acc + b.get(i, p) * sym(&a, uplo, p, j))
                    }
                };
                alpha * s
            };
            let old = scaled(beta, || c.as_ref().get(i, j));
            c.set(i, j, ab + old);
        }
    }
}

/// `C := alpha*A*A^T + beta*C` on the `uplo` triangle of `C`.
pub fn syrk<T: Element>(uplo: Uplo, alpha: T, a: MatRef<'_, T>, beta: T, mut c: MatMut<'_, T>) {
    let (n, k) = (c.nrows(), a.ncols());
    for j in 0..n {
        for i in 0..n {
            if !uplo.holds(i, j) {
                continue;
            }
            let aa = if alpha == T::ZERO {
                T::ZERO
            } else {
                alpha * (0..k).fold(T::ZERO, |acc, p| acc + a.get(i, p) * a.get(j, p))
            };
            let old = scaled(beta, || c.as_ref().get(i, j));
            c.set(i, j, aa + old);
        }
    }
}

/// `C := alpha*(A*B^T + B*A^T) + beta*C` on the `uplo` triangle of `C`.
pub fn syr2k<T: Element>(
    uplo: Uplo,
    alpha: T,
    a: MatRef<'_, T>,
    b: MatRef<'_, T>,
    beta: T,
    mut c: MatMut<'_, T>,
) {
    let (n, k) = (c.nrows(), a.ncols());
    for j in 0..n {
        for i in 0..n {
            if !uplo.holds(i, j) {
                continue;
            }
            let ab = if alpha == T::ZERO {
                T::ZERO
            } else {
                alpha
                    * (0..k).fold(T::ZERO, |acc, p| {
                        acc + a.get(i, p) * b.get(j, p) + b.get(i, p) * a.get(j, p)
                    })
            };
            let old = scaled(beta, || c.as_ref().get(i, j));
            c.set(i, j, ab + old);
        }
    }
}

/// `B := alpha*A*B` (left) or `alpha*B*A` (right), `A` triangular.
pub fn trmm<T: Element>(
    side: Side,
    uplo: Uplo,
    diag: Diag,
    alpha: T,
    a: MatRef<'_, T>,
    mut b: MatMut<'_, T>,
) {
    let (m, n) = (b.nrows(), b.ncols());
    if alpha == T::ZERO {
        crate::blocked::fill(T::ZERO, b.rb_mut());
        return;
    }
    let old: Vec<T> = (0..n)
        .flat_map(|j| (0..m).map(move |i| (i, j)))
        .map(|(i, j)| b.as_ref().get(i, j))
        .collect();
    let bij = |i: usize, j: usize| old[i + j * m];
    for j in 0..n {
        for i in 0..m {
            let s = match side {
                Side::Left => (0..m).fold(T::ZERO, |acc, p| {
                    if uplo.holds(i, p) {
                        acc + tri(&a, uplo, diag, i, p) * bij(p, j)
                    } else {
                        acc
                    }
                }),
                Side::Right => (0..n).fold(T::ZERO, |acc, p| {
                    if uplo.holds(p, j) {
                        acc + bij(i, p) * tri(&a, uplo, diag, p, j)
                    } else {
                        acc
                    }
                }),
            };
            b.set(i, j, alpha * s);
        }
    }
}

/// Solves `A*X = alpha*B` (left) or `X*A = alpha*B` (right), `A` triangular;
/// `X` overwrites `B`.
pub fn trsm<T: Element>(
    side: Side,
    uplo: Uplo,
    diag: Diag,
    alpha: T,
    a: MatRef<'_, T>,
    mut b: MatMut<'_, T>,
) {
    let (m, n) = (b.nrows(), b.ncols());
    if alpha == T::ZERO {
        crate::blocked::fill(T::ZERO, b.rb_mut());
        return;
    }
    match side {
        // Each column of B on its own: A x = alpha b.
        Side::Left => {
            for j in 0..n {
                for i in 0..m {
                    let v = alpha * b.as_ref().get(i, j);
                    b.set(i, j, v);
                }
                trsv(uplo, diag, a, b.col_mut(j));
            }
        }
        // Each row of B on its own: x A = alpha b, that is A^T x^T = alpha b^T,
        // and A^T holds the other triangle.
        Side::Right => {
            for i in 0..m {
                for j in 0..n {
                    let v = alpha * b.as_ref().get(i, j);
                    b.set(i, j, v);
                }
                trsv(uplo.flip(), diag, a.t(), b.row_mut(i));
            }
        }
    }
}

// ---------------------------------------------------------------------------
// The banded and packed forms: the same definitions over an element accessor
// (`get(i, j)` of the matrix as the operation sees it, zero outside what is
// stored).

/// `y := alpha*M*x + beta*y` for the `m x n` matrix whose elements `get`
/// gives (not called when `alpha` is zero; `y` not read when `beta` is).
fn mv_with<T: Element>(
    n: usize,
    get: impl Fn(usize, usize) -> T,
    alpha: T,
    x: VecRef<'_, T>,
    beta: T,
    mut y: VecMut<'_, T>,
) {
    for i in 0..y.len() {
        let ax = if alpha == T::ZERO {
            T::ZERO
        } else {
            alpha * (0..n).fold(T::ZERO, |acc, j| acc + get(i, j) * x.get(j))
        };
        let old = scaled(beta, || y.as_ref().get(i));
        y.set(i, ax + old);
    }
}

/// Element `(i, j)` of the triangular matrix held in the `uplo` triangle of
/// what `get` reads.
fn tri_with<T: Element>(
    get: &impl Fn(usize, usize) -> T,
    uplo: Uplo,
    diag: Diag,
    i: usize,
    j: usize,
) -> T {
    if i == j && diag == Diag::Unit {
        T::ONE
    } else if uplo.holds(i, j) {
        get(i, j)
    } else {
        T::ZERO
    }
}

/// `x := T*x` for the triangular matrix in the `uplo` triangle of `get`.
fn trmv_with<T: Element>(
    get: impl Fn(usize, usize) -> T,
    uplo: Uplo,
    diag: Diag,
    mut x: VecMut<'_, T>,
) {
    let n = x.len();
    let tx: Vec<T> = (0..n)
        .map(|i| {
            (0..n)
                .filter(|&j| uplo.holds(i, j))
                .fold(T::ZERO, |acc, j| {
                    acc + tri_with(&get, uplo, diag, i, j) * x.as_ref().get(j)
                })
        })
        .collect();
    for (i, v) in tx.into_iter().enumerate() {
        x.set(i, v);
    }
}

/// `x := T^-1*x` for the triangular matrix in the `uplo` triangle of `get`.
fn trsv_with<T: Element>(
    get: impl Fn(usize, usize) -> T,
    uplo: Uplo,
    diag: Diag,
    mut x: VecMut<'_, T>,
) {
    let n = x.len();
    let order: Vec<usize> = match uplo {
        Uplo::Lower => (0..n).collect(),
        Uplo::Upper => (0..n).rev().collect(),
    };
    for &i in &order {
        let mut v = x.as_ref().get(i);
        for j in (0..n).filter(|&j| j != i && uplo.holds(i, j)) {
            v -= get(i, j) * x.as_ref().get(j);
        }
        if diag == Diag::NonUnit {
            v = v.quotient(get(i, i));
        }
        x.set(i, v);
    }
}

/// `y := alpha*A*x + beta*y`, `A` a band matrix.
pub fn gbmv<T: Element>(alpha: T, a: BandRef<'_, T>, x: VecRef<'_, T>, beta: T, y: VecMut<'_, T>) {
    mv_with(a.ncols(), |i, j| a.get(i, j), alpha, x, beta, y);
}

/// `y := alpha*A*x + beta*y`, `A` symmetric in the `uplo` triangle of a band.
pub fn sbmv<T: Element>(
    uplo: Uplo,
    alpha: T,
    a: BandRef<'_, T>,
    x: VecRef<'_, T>,
    beta: T,
    y: VecMut<'_, T>,
) {
    let sym = |i: usize, j: usize| {
        if uplo.holds(i, j) {
            a.get(i, j)
        } else {
            a.get(j, i)
        }
    };
    mv_with(a.ncols(), sym, alpha, x, beta, y);
}

/// `y := alpha*A*x + beta*y`, `A` symmetric in a packed triangle.
pub fn spmv<T: Element>(
    alpha: T,
    a: PackedRef<'_, T>,
    x: VecRef<'_, T>,
    beta: T,
    y: VecMut<'_, T>,
) {
    let uplo = a.uplo();
    let sym = |i: usize, j: usize| {
        if uplo.holds(i, j) {
            a.get(i, j)
        } else {
            a.get(j, i)
        }
    };
    mv_with(a.n(), sym, alpha, x, beta, y);
}

/// `x := A*x`, `A` triangular in the `uplo` triangle of a band.
pub fn tbmv<T: Element>(uplo: Uplo, diag: Diag, a: BandRef<'_, T>, x: VecMut<'_, T>) {
    trmv_with(|i, j| a.get(i, j), uplo, diag, x);
}

/// `x := A^-1*x`, `A` triangular in the `uplo` triangle of a band.
pub fn tbsv<T: Element>(uplo: Uplo, diag: Diag, a: BandRef<'_, T>, x: VecMut<'_, T>) {
    trsv_with(|i, j| a.get(i, j), uplo, diag, x);
}

/// `x := A*x`, `A` triangular in a packed triangle.
pub fn tpmv<T: Element>(diag: Diag, a: PackedRef<'_, T>, x: VecMut<'_, T>) {
    trmv_with(|i, j| a.get(i, j), a.uplo(), diag, x);
}

/// `x := A^-1*x`, `A` triangular in a packed triangle.
pub fn tpsv<T: Element>(diag: Diag, a: PackedRef<'_, T>, x: VecMut<'_, T>) {
    trsv_with(|i, j| a.get(i, j), a.uplo(), diag, x);
}

/// `A := alpha*x*x^T + A` on a packed triangle, as [`syr`].
pub fn spr<T: Element>(alpha: T, x: VecRef<'_, T>, a: PackedMut<'_, T>) {
    spr2_columns(alpha, x, None, a);
}

/// `A := alpha*(x*y^T + y*x^T) + A` on a packed triangle, as [`syr2`].
pub fn spr2<T: Element>(alpha: T, x: VecRef<'_, T>, y: VecRef<'_, T>, a: PackedMut<'_, T>) {
    spr2_columns(alpha, x, Some(y), a);
}

/// The column loop of [`spr`] (`y == None`) and [`spr2`].
fn spr2_columns<T: Element>(
    alpha: T,
    x: VecRef<'_, T>,
    y: Option<VecRef<'_, T>>,
    mut a: PackedMut<'_, T>,
) {
    if alpha == T::ZERO {
        return;
    }
    let (n, uplo) = (a.n(), a.uplo());
    for j in 0..n {
        let Some(t) = sym_temps(alpha, x.get(j), y.map(|y| y.get(j))) else {
            continue;
        };
        for i in (0..n).filter(|&i| uplo.holds(i, j)) {
            let v = sym_term(a.as_ref().get(i, j), x.get(i), y.map(|y| y.get(i)), t);
            a.set(i, j, v);
        }
    }
}
