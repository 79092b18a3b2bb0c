//! Level 2 kernels: one core, strided views.
//!
//! Both routines walk the matrix along its contiguous direction when it has
//! one: column-major `gemv` is a sweep of axpys over columns, row-major `gemv`
//! a dot per row; `ger` updates columns (or rows) with axpys.

use oxpar_core::{MatMut, MatRef, Scalar, VecMut, VecRef};

use crate::level1;

/// `y := alpha*A*x + beta*y`. Shapes must agree. With `beta == 0` `y` is not
/// read; with `alpha == 0` `A` and `x` are not read.
pub fn gemv<T: Scalar>(
    alpha: T,
    a: MatRef<'_, T>,
    x: VecRef<'_, T>,
    beta: T,
    mut y: VecMut<'_, T>,
) {
    if beta == T::zero() {
        y.for_each_mut(|_, yi| *yi = T::zero());
    } else if beta != T::one() {
        level1::scal(beta, y.rb_mut());
    }
    if alpha == T::zero() || a.ncols() == 0 {
        return;
    }
    if a.rs() == 1 && y.inc() == 1 && a.nrows() > 1 {
        // Column sweep: y += (alpha*x_j) * A[:, j], unit stride down each column.
        for j in 0..a.ncols() {
            level1::axpy(alpha * x.get(j), a.col(j), y.rb_mut());
        }
    } else {
        for i in 0..a.nrows() {
            let v = y.as_ref().get(i) + alpha * level1::dot(a.row(i), x);
            y.set(i, v);
        }
    }
}

/// `A := alpha*x*y^T + A`. Shapes must agree; with `alpha == 0` nothing is read.
pub fn ger<T: Scalar>(alpha: T, x: VecRef<'_, T>, y: VecRef<'_, T>, mut a: MatMut<'_, T>) {
    if alpha == T::zero() {
        return;
    }
    if a.rs().unsigned_abs() <= a.cs().unsigned_abs() {
        for j in 0..a.ncols() {
            level1::axpy(alpha * y.get(j), x, a.col_mut(j));
        }
    } else {
        for i in 0..a.nrows() {
            level1::axpy(alpha * x.get(i), y, a.row_mut(i));
        }
    }
}
