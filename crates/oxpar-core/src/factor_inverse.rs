//! Inverses and determinants from the factorizations: triangular inverse
//! (LAPACK's `trtri`), inverse from LU (`getri`) and from Cholesky
//! (`potri`, with the product `lauum`), and the determinant and its
//! logarithm from LU (NumPy's `det` and `slogdet`).
//!
//! # Why recursive, and on trsm
//!
//! As the factorizations (see [`crate::factor`]), these are recursive
//! splits whose work lands in the backend's level 3: the triangular
//! inverse of `[A11 0; A21 A22]` is two [`Level3::trsm`] calls on `A21`
//! (`A21 := -inv(A22)*A21*inv(A11)`, before either diagonal block is
//! inverted) and two recursive calls; `lauum` is one herk (syrk), one trmm
//! and two recursive calls. Small diagonal blocks run unblocked loops. So
//! every backend inverts at the speed of its own trsm and gemm, under its
//! own thread budget.
//!
//! # Workspace and failure
//!
//! The inverse from LU needs the unit lower factor `L` while the upper
//! triangle is overwritten: it copies `L` into one `n x n` workspace (LAPACK's
//! `getri` asks its caller for `n*nb`; oxpar allocates). The other routines
//! work in place. An exactly zero diagonal element of a non-unit triangle
//! (of `U` for the LU inverse, of the Cholesky factor for its inverse) is
//! [`ErrorKind::Singular`](crate::ErrorKind) with LAPACK's `info` (its
//! column plus one), found before anything is written, so the input is left
//! untouched, as LAPACK's `trtri` leaves it.
//!
//! # Determinants
//!
//! `det(A)` is the product of `U`'s diagonal with the sign of the
//! permutation (`-1` per pivot `ipiv[i] != i`); a singular matrix has
//! determinant 0, as in NumPy. The product over- or underflows for large
//! orders (`det(2*I)` of order 1100 is `2^1100`), so [`lu_slogdet`] returns
//! it as NumPy's `slogdet` does: a sign (a unit-modulus phase for complex
//! types, 0 when singular) and `log|det|` as a sum of logarithms, which
//! cannot overflow (`-inf` when singular).

use num_traits::Float;

use crate::backend::{Diag, Level3, Side, Uplo};
use crate::blocked::split;
use crate::error::{Error, Result};
use crate::factor::{lower_form, singular, swap_rows};
use crate::scalar::Element;
use crate::view::{MatMut, MatRef};

/// Triangles of at most this order are inverted (and multiplied by
/// `lauum`) by the unblocked loops; larger ones are split.
pub const TRI_LEAF: usize = 16;

/// [`Factor::tri_inverse`](crate::Factor::tri_inverse): checks, then the
/// recursive inverse on `backend`.
pub fn tri_inverse<T: Element, B: Level3<T> + ?Sized>(
    backend: &B,
    uplo: Uplo,
    diag: Diag,
    a: MatMut<'_, T>,
) -> Result<()> {
    crate::backend::check::square("a", (a.nrows(), a.ncols()))?;
    let a = lower_form(uplo, a);
    if diag == Diag::NonUnit {
        singular(zero_diagonal(a.as_ref()))?;
    }
    tri_inverse_recursive(backend, diag, a)
}

/// The first exactly zero element of `a`'s diagonal, 0-based.
pub fn zero_diagonal<T: Element>(a: MatRef<'_, T>) -> Option<usize> {
    (0..a.nrows().min(a.ncols())).find(|&j| a.get(j, j) == T::ZERO)
}

/// The recursive inverse of the lower triangle of `a` (LAPACK's `trtri` on
/// recursive blocks), which must have no zero on its diagonal when `diag`
/// is [`Diag::NonUnit`].
pub fn tri_inverse_recursive<T: Element, B: Level3<T> + ?Sized>(
    backend: &B,
    diag: Diag,
    a: MatMut<'_, T>,
) -> Result<()> {
    let n = a.nrows();
    if n <= TRI_LEAF {
        tri_inverse_unblocked(diag, a);
        return Ok(());
    }
    let n1 = split(n);
    let (top, bottom) = a.split_at_row_mut(n1);
    let (a11, _) = top.split_at_col_mut(n1);
    let (mut a21, a22) = bottom.split_at_col_mut(n1);
    // A21 := -inv(A22) * A21 * inv(A11), then invert the diagonal blocks.
    backend.trsm(
        Side::Right,
        Uplo::Lower,
        diag,
        -T::ONE,
        a11.as_ref(),
        a21.rb_mut(),
    )?;
    backend.trsm(
        Side::Left,
        Uplo::Lower,
        diag,
        T::ONE,
        a22.as_ref(),
        a21.rb_mut(),
    )?;
    tri_inverse_recursive(backend, diag, a11)?;
    tri_inverse_recursive(backend, diag, a22)
}

/// The unblocked inverse of the lower triangle of `a` (LAPACK's `trti2`),
/// column by column from the last: the reference, and the leaf.
pub fn tri_inverse_unblocked<T: Element>(diag: Diag, mut a: MatMut<'_, T>) {
    let n = a.nrows();
    for j in (0..n).rev() {
        let ajj = if diag == Diag::NonUnit {
            let inv = T::ONE.quotient(a.get(j, j));
            a.set(j, j, inv);
            -inv
        } else {
            -T::ONE
        };
        // x := ajj * inv(L22) * x with x = A(j+1.., j), inv(L22) done.
        for i in (j + 1..n).rev() {
            let mut s = if diag == Diag::NonUnit {
                a.get(i, i) * a.get(i, j)
            } else {
                a.get(i, j)
            };
            for k in j + 1..i {
                s += a.get(i, k) * a.get(k, j);
            }
            a.set(i, j, ajj * s);
        }
    }
}

/// The pivots' checks: length `n` and `i <= ipiv[i] < n`.
pub fn check_pivots(n: usize, ipiv: &[usize]) -> Result<()> {
    if ipiv.len() != n {
        return Err(Error::shape_mismatch(format!(
            "ipiv: has length {}, the factor has order {n}",
            ipiv.len()
        )));
    }
    if let Some((i, &p)) = ipiv.iter().enumerate().find(|&(i, &p)| p >= n || p < i) {
        return Err(Error::invalid_argument(
            "ipiv",
            format!(
                "ipiv[{i}] = {p} is not a pivot of an order-{n} factorization (i <= ipiv[i] < n)"
            ),
        ));
    }
    Ok(())
}

/// [`Factor::lu_inverse`](crate::Factor::lu_inverse): `inv(A) =
/// inv(U)*inv(L)*P^T` in place of the factors, as LAPACK's `getri`.
pub fn lu_inverse<T: Element, B: Level3<T> + ?Sized>(
    backend: &B,
    mut lu: MatMut<'_, T>,
    ipiv: &[usize],
) -> Result<()> {
    crate::backend::check::square("lu", (lu.nrows(), lu.ncols()))?;
    let n = lu.nrows();
    check_pivots(n, ipiv)?;
    singular(zero_diagonal(lu.as_ref()))?;
    if n == 0 {
        return Ok(());
    }
    tri_inverse_recursive(backend, Diag::NonUnit, lu.rb_mut().t_mut())?;
    // Move L out, then solve X*L = inv(U) for X = inv(U)*inv(L).
    let mut l = vec![T::ZERO; n * n];
    for j in 0..n {
        for i in j + 1..n {
            l[i + j * n] = lu.get(i, j);
            lu.set(i, j, T::ZERO);
        }
    }
    let l = MatRef::col_major(&l, n, n, n)?;
    backend.trsm(Side::Right, Uplo::Lower, Diag::Unit, T::ONE, l, lu.rb_mut())?;
    // Column interchanges in reverse order: X*P^T.
    swap_rows(lu.t_mut(), ipiv, false);
    Ok(())
}

/// [`Factor::cho_inverse`](crate::Factor::cho_inverse): the inverse of the
/// Cholesky factor, then the product with its conjugate transpose
/// (LAPACK's `potri`: `trtri` then `lauum`).
pub fn cho_inverse<T: Element, B: Level3<T> + ?Sized>(
    backend: &B,
    uplo: Uplo,
    a: MatMut<'_, T>,
) -> Result<()> {
    crate::backend::check::square("a", (a.nrows(), a.ncols()))?;
    // For Upper, the transposed view holds conj(L) with conj(A) = M*M^H;
    // its inverse's lower triangle, read back through the transpose, is
    // the upper triangle of inv(A) (A is Hermitian).
    let mut l = lower_form(uplo, a);
    singular(zero_diagonal(l.as_ref()))?;
    tri_inverse_recursive(backend, Diag::NonUnit, l.rb_mut())?;
    lauum_recursive(backend, l)
}

/// The lower triangle of `L^H * L` in place of the lower triangular `L`
/// (LAPACK's `lauum` for the lower triangle), recursively.
pub fn lauum_recursive<T: Element, B: Level3<T> + ?Sized>(
    backend: &B,
    a: MatMut<'_, T>,
) -> Result<()> {
    let n = a.nrows();
    if n <= TRI_LEAF {
        lauum_unblocked(a);
        return Ok(());
    }
    let n1 = split(n);
    let (top, bottom) = a.split_at_row_mut(n1);
    let (mut a11, _) = top.split_at_col_mut(n1);
    let (mut a21, a22) = bottom.split_at_col_mut(n1);
    // [L11 0; L21 L22]^H [L11 0; L21 L22] =
    // [L11^H L11 + L21^H L21, .; L22^H L21, L22^H L22].
    lauum_recursive(backend, a11.rb_mut())?;
    if T::DTYPE.is_complex() {
        let one = <T::Real as Element>::ONE;
        backend.herk(Uplo::Lower, one, a21.as_ref().h(), one, a11)?;
    } else {
        backend.syrk(Uplo::Lower, T::ONE, a21.as_ref().t(), T::ONE, a11)?;
    }
    backend.trmm(
        Side::Left,
        Uplo::Upper,
        Diag::NonUnit,
        T::ONE,
        a22.as_ref().h(),
        a21.rb_mut(),
    )?;
    lauum_recursive(backend, a22)
}

/// The unblocked `lauum` (the leaf): row by row from the top, element
/// `(i, j)` is `sum_{k >= i} conj(L(k, i)) * L(k, j)`, which reads only rows
/// `i` and below, and of row `i` only what is not yet written.
pub fn lauum_unblocked<T: Element>(mut a: MatMut<'_, T>) {
    let n = a.nrows();
    for i in 0..n {
        for j in 0..=i {
            let mut s = T::ZERO;
            for k in i..n {
                s += a.get(k, i).conj() * a.get(k, j);
            }
            a.set(i, j, s);
        }
    }
}

/// The determinant from the diagonal `u` of `U` and the pivots: the
/// product with the permutation's sign (0 for a singular matrix).
pub fn det_from_diagonal<T: Element>(u: impl Iterator<Item = T>, ipiv: &[usize]) -> T {
    let det = u.fold(T::ONE, |p, d| p * d);
    if odd_permutation(ipiv) {
        -det
    } else {
        det
    }
}

/// `(sign, log|det|)` from the diagonal `u` of `U` and the pivots, as
/// NumPy's `slogdet`: `sign` has modulus 1 (a phase for complex types) and
/// `det = sign * exp(logabs)`; a singular matrix gives `(0, -inf)`.
pub fn slogdet_from_diagonal<T: Element>(
    u: impl Iterator<Item = T>,
    ipiv: &[usize],
) -> (T, T::Real) {
    let mut sign = if odd_permutation(ipiv) {
        -T::ONE
    } else {
        T::ONE
    };
    let mut logabs = <T::Real as Element>::ZERO;
    for d in u {
        let m = Float::hypot(d.re(), d.im());
        if m == <T::Real as Element>::ZERO {
            return (T::ZERO, <T::Real as Float>::neg_infinity());
        }
        sign *= d.quotient(T::from_real(m));
        logabs += Float::ln(m);
    }
    if T::DTYPE.is_complex() {
        // Keep the phase on the unit circle despite rounding.
        let m = Float::hypot(sign.re(), sign.im());
        sign = sign.quotient(T::from_real(m));
    }
    (sign, logabs)
}

fn odd_permutation(ipiv: &[usize]) -> bool {
    ipiv.iter().enumerate().filter(|&(i, &p)| p != i).count() % 2 == 1
}

/// The determinant of the matrix whose LU factors and pivots (from
/// [`Factor::lu_factor`](crate::Factor::lu_factor)) are `lu` and `ipiv`.
pub fn lu_det<T: Element>(lu: MatRef<'_, T>, ipiv: &[usize]) -> T {
    det_from_diagonal((0..lu.nrows().min(lu.ncols())).map(|j| lu.get(j, j)), ipiv)
}

/// `(sign, log|det|)` of the matrix whose LU factors and pivots are `lu`
/// and `ipiv` (see the module documentation).
pub fn lu_slogdet<T: Element>(lu: MatRef<'_, T>, ipiv: &[usize]) -> (T, T::Real) {
    slogdet_from_diagonal((0..lu.nrows().min(lu.ncols())).map(|j| lu.get(j, j)), ipiv)
}
