//! `ndarray` in, oxpar out: the BLAS-style operations on ndarray views.
//!
//! Views of any strides (negative too) and either memory order are passed
//! zero-copy: oxpar's views are built straight from the ndarray's pointer and
//! element strides.

use ndarray::{ArrayView1, ArrayView2, ArrayView3, ArrayViewMut1, ArrayViewMut2, ArrayViewMut3};
use oxpar_core::{
    BandRef, BatchMut, BatchRef, Element, Error, Factor, Level1, Level2, Level3, MatMut, MatRef,
    PackedMut, PackedRef, Result, Scalar, Trans, Uplo, VecMut, VecRef,
};

// The routines of the routine table (xtask/src/routines.rs), written from it.
mod generated;
pub use generated::*;

/// An oxpar view of an ndarray vector view.
pub fn vec_ref<'a, T: Element>(x: &ArrayView1<'a, T>) -> VecRef<'a, T> {
    // SAFETY: an ArrayView1 borrows `len` valid elements at stride `strides()[0]`
    // for 'a, and nobody writes them meanwhile.
    unsafe { VecRef::from_raw_parts(x.as_ptr(), x.len(), x.strides()[0]) }
        .expect("ndarray views are valid oxpar views")
}

/// An oxpar view of an ndarray mutable vector view.
pub fn vec_mut<'a, T: Element>(mut x: ArrayViewMut1<'a, T>) -> VecMut<'a, T> {
    let (len, inc) = (x.len(), x.strides()[0]);
    // SAFETY: a mutable ndarray view borrows its distinct elements uniquely for 'a.
    unsafe { VecMut::from_raw_parts(x.as_mut_ptr(), len, inc) }
        .expect("ndarray views are valid oxpar views")
}

/// An oxpar view of an ndarray matrix view.
pub fn mat_ref<'a, T: Element>(a: &ArrayView2<'a, T>) -> MatRef<'a, T> {
    let s = a.strides();
    // SAFETY: an ArrayView2 borrows every element ptr + i*s0 + j*s1 for 'a.
    unsafe { MatRef::from_raw_parts(a.as_ptr(), a.nrows(), a.ncols(), s[0], s[1]) }
        .expect("ndarray views are valid oxpar views")
}

/// An oxpar view of an ndarray mutable matrix view.
pub fn mat_mut<'a, T: Element>(mut a: ArrayViewMut2<'a, T>) -> MatMut<'a, T> {
    let (m, n) = a.dim();
    let (rs, cs) = (a.strides()[0], a.strides()[1]);
    // SAFETY: a mutable ndarray view's elements are distinct and uniquely borrowed.
    unsafe { MatMut::from_raw_parts(a.as_mut_ptr(), m, n, rs, cs) }
        .expect("ndarray views are valid oxpar views")
}

/// A band view of LAPACK band storage in an ndarray (as SciPy's `ab`): the
/// `m x n` band with `kl` sub- and `ku` super-diagonals, column `j` of the
/// band in column `j` of `ab`, element `(i, j)` in row `ku + i - j`. `ab`
/// has `n` columns and at least `kl + ku + 1` rows and is in column-major
/// (Fortran) order, which band storage is (use `ab.t()` of a C-order array
/// of the transpose's storage, or copy).
pub fn band_view<'a, T: Scalar>(
    ab: ArrayView2<'a, T>,
    m: usize,
    kl: usize,
    ku: usize,
) -> Result<BandRef<'a, T>> {
    let (rows, n) = ab.dim();
    let data = ab.reversed_axes().to_slice().ok_or_else(|| {
        Error::invalid_stride(
            "ab",
            "band storage needs a column-major (Fortran-order) array",
        )
    })?;
    BandRef::from_blas(data, m, n, kl, ku, rows.max(1))
}

/// A packed triangle in a contiguous ndarray vector of `n*(n+1)/2` elements
/// (the `uplo` triangle's columns one after another, BLAS `AP`).
pub fn packed_view<'a, T: Scalar>(ap: ArrayView1<'a, T>, uplo: Uplo) -> Result<PackedRef<'a, T>> {
    let n = packed_order(ap.len())?;
    let data = ap
        .to_slice()
        .ok_or_else(|| Error::invalid_stride("ap", "packed storage needs contiguous elements"))?;
    PackedRef::from_blas(data, n, uplo)
}

/// As [`packed_view`], written (for `spr` and `spr2`).
pub fn packed_view_mut<'a, T: Scalar>(
    ap: ArrayViewMut1<'a, T>,
    uplo: Uplo,
) -> Result<PackedMut<'a, T>> {
    let n = packed_order(ap.len())?;
    let data = ap
        .into_slice()
        .ok_or_else(|| Error::invalid_stride("ap", "packed storage needs contiguous elements"))?;
    PackedMut::from_blas(data, n, uplo)
}

/// The order `n` of a packed triangle of `len = n*(n+1)/2` elements.
fn packed_order(len: usize) -> Result<usize> {
    // The float estimate is exact up to huge lengths; the loop settles rounding.
    let mut n = (((8.0 * len as f64 + 1.0).sqrt() - 1.0) / 2.0) as usize;
    while n * (n + 1) / 2 > len {
        n -= 1;
    }
    while (n + 1) * (n + 2) / 2 <= len {
        n += 1;
    }
    if n * (n + 1) / 2 != len {
        return Err(Error::shape_mismatch(format!(
            "ap: {len} elements is no packed triangle (n*(n+1)/2 for some n)"
        )));
    }
    Ok(n)
}

/// `y := alpha*x + y`.
pub fn axpy<T: Element, B: Level1<T> + ?Sized>(
    backend: &B,
    alpha: T,
    x: ArrayView1<'_, T>,
    y: ArrayViewMut1<'_, T>,
) -> Result<()> {
    backend.axpy(alpha, vec_ref(&x), vec_mut(y))
}

/// `x . y`.
pub fn dot<T: Element, B: Level1<T> + ?Sized>(
    backend: &B,
    x: ArrayView1<'_, T>,
    y: ArrayView1<'_, T>,
) -> Result<T> {
    backend.dot(vec_ref(&x), vec_ref(&y))
}

/// The Euclidean norm of `x` (real, also for complex elements).
pub fn nrm2<T: Element, B: Level1<T> + ?Sized>(
    backend: &B,
    x: ArrayView1<'_, T>,
) -> Result<T::Real> {
    backend.nrm2(vec_ref(&x))
}

/// `y := alpha*A*x + beta*y` (pass `a.t()` for the transpose).
pub fn gemv<T: Element, B: Level2<T> + ?Sized>(
    backend: &B,
    alpha: T,
    a: ArrayView2<'_, T>,
    x: ArrayView1<'_, T>,
    beta: T,
    y: ArrayViewMut1<'_, T>,
) -> Result<()> {
    backend.gemv(alpha, mat_ref(&a), vec_ref(&x), beta, vec_mut(y))
}

/// `C := alpha*A*B + beta*C` (pass `a.t()`/`b.t()` for transposes).
pub fn gemm<T: Element, B: Level3<T> + ?Sized>(
    backend: &B,
    alpha: T,
    a: ArrayView2<'_, T>,
    b: ArrayView2<'_, T>,
    beta: T,
    c: ArrayViewMut2<'_, T>,
) -> Result<()> {
    backend.gemm(alpha, mat_ref(&a), mat_ref(&b), beta, mat_mut(c))
}

/// LU factorization with partial pivoting of `a`, in place, 0-based pivots
/// into `ipiv` (length `min(m, n)`); see [`Factor::lu_factor`] (a singular
/// matrix is [`ErrorKind::Singular`](oxpar_core::ErrorKind) with LAPACK's
/// `info`, the factors and pivots written).
pub fn lu_factor<T: Element, B: Factor<T> + ?Sized>(
    backend: &B,
    a: ArrayViewMut2<'_, T>,
    ipiv: &mut [usize],
) -> Result<()> {
    backend.lu_factor(mat_mut(a), ipiv)
}

/// Solves `op(A)*X = B` in place in `b` with the factors of
/// [`lu_factor`]; see [`Factor::lu_solve`].
pub fn lu_solve<T: Element, B: Factor<T> + ?Sized>(
    backend: &B,
    trans: Trans,
    lu: ArrayView2<'_, T>,
    ipiv: &[usize],
    b: ArrayViewMut2<'_, T>,
) -> Result<()> {
    backend.lu_solve(trans, mat_ref(&lu), ipiv, mat_mut(b))
}

/// Cholesky factorization of the Hermitian positive definite matrix in the
/// `uplo` triangle of `a`, in place; see [`Factor::cholesky`].
pub fn cholesky<T: Element, B: Factor<T> + ?Sized>(
    backend: &B,
    uplo: Uplo,
    a: ArrayViewMut2<'_, T>,
) -> Result<()> {
    backend.cholesky(uplo, mat_mut(a))
}

/// Solves `A*X = B` in place in `b` with the factor of [`cholesky`]; see
/// [`Factor::cho_solve`].
pub fn cho_solve<T: Element, B: Factor<T> + ?Sized>(
    backend: &B,
    uplo: Uplo,
    factor: ArrayView2<'_, T>,
    b: ArrayViewMut2<'_, T>,
) -> Result<()> {
    backend.cho_solve(uplo, mat_ref(&factor), mat_mut(b))
}

/// Overwrites the square `a` by its inverse; see [`Factor::inv`].
pub fn inv<T: Element, B: Factor<T> + ?Sized>(backend: &B, a: ArrayViewMut2<'_, T>) -> Result<()> {
    backend.inv(mat_mut(a))
}

/// The determinant of the square `a`, overwritten by its LU factors (0 for
/// a singular matrix); see [`Factor::det`].
pub fn det<T: Element, B: Factor<T> + ?Sized>(backend: &B, a: ArrayViewMut2<'_, T>) -> Result<T> {
    backend.det(mat_mut(a))
}

/// `(sign, log|det|)` of the square `a`, overwritten by its LU factors; see
/// [`Factor::slogdet`].
pub fn slogdet<T: Element, B: Factor<T> + ?Sized>(
    backend: &B,
    a: ArrayViewMut2<'_, T>,
) -> Result<(T, T::Real)> {
    backend.slogdet(mat_mut(a))
}

/// An oxpar batch of a 3-D ndarray view of shape `(count, m, n)` (NumPy's
/// stacked matrices), zero-copy. Negative strides are refused (see
/// [`oxpar_core::batch`]).
pub fn batch_ref<'a, T: Element>(a: &ArrayView3<'a, T>) -> Result<BatchRef<'a, T>> {
    let (count, m, n) = a.dim();
    let s = a.strides();
    // SAFETY: an ArrayView3 borrows every element ptr + k*s0 + i*s1 + j*s2
    // for 'a, and nobody writes them meanwhile.
    unsafe { BatchRef::from_raw_parts(a.as_ptr(), count, m, n, [s[1], s[2], s[0]]) }
}

/// An oxpar mutable batch of a 3-D ndarray view `(count, m, n)`, zero-copy.
pub fn batch_mut<'a, T: Element>(mut a: ArrayViewMut3<'a, T>) -> Result<BatchMut<'a, T>> {
    let (count, m, n) = a.dim();
    let s = [a.strides()[1], a.strides()[2], a.strides()[0]];
    // SAFETY: a mutable ndarray view's elements are distinct and uniquely
    // borrowed for 'a.
    unsafe { BatchMut::from_raw_parts(a.as_mut_ptr(), count, m, n, s) }
}

/// Solves every system of the stack `a` `(count, n, n)` with the
/// right-hand sides `b` `(count, n, nrhs)`, in place; `ipiv` has `count * n`
/// entries. See [`Factor::lu_factor_solve_batch`].
pub fn solve_batch<T: Element, B: Factor<T> + ?Sized>(
    backend: &B,
    a: ArrayViewMut3<'_, T>,
    ipiv: &mut [usize],
    b: ArrayViewMut3<'_, T>,
) -> Result<()> {
    backend.lu_factor_solve_batch(batch_mut(a)?, ipiv, batch_mut(b)?)
}

/// Inverts every matrix of the stack `a`, in place; see
/// [`Factor::inv_batch`].
pub fn inv_batch<T: Element, B: Factor<T> + ?Sized>(
    backend: &B,
    a: ArrayViewMut3<'_, T>,
) -> Result<()> {
    backend.inv_batch(batch_mut(a)?)
}

/// The determinant of every matrix of the stack `a` into `det`; see
/// [`Factor::det_batch`].
pub fn det_batch<T: Element, B: Factor<T> + ?Sized>(
    backend: &B,
    a: ArrayView3<'_, T>,
    det: &mut [T],
) -> Result<()> {
    backend.det_batch(batch_ref(&a)?, det)
}

/// The SVD `A = U * diag(s) * V^H` of `a` (destroyed): `s` (length
/// `min(m, n)`) receives the singular values, descending; `u` (`m x k` or
/// `m x m`) and `vt` (`k x n` or `n x n`), where given, the vectors; see
/// [`Svd::svd`](oxpar_core::Svd::svd).
pub fn svd<T: Element, B: oxpar_core::Svd<T> + ?Sized>(
    backend: &B,
    a: ArrayViewMut2<'_, T>,
    s: &mut [T::Real],
    u: Option<ArrayViewMut2<'_, T>>,
    vt: Option<ArrayViewMut2<'_, T>>,
) -> Result<()> {
    backend.svd(mat_mut(a), s, u.map(mat_mut), vt.map(mat_mut))
}

/// Minimum-norm least squares by the SVD for any `a` (destroyed), `b`
/// (`max(m, n) x nrhs`) overwritten by `X` in its first `n` rows; returns
/// the effective rank; see [`Svd::lstsq_rank`](oxpar_core::Svd::lstsq_rank).
pub fn lstsq_rank<T: Element, B: oxpar_core::Svd<T> + ?Sized>(
    backend: &B,
    a: ArrayViewMut2<'_, T>,
    b: ArrayViewMut2<'_, T>,
    rcond: Option<T::Real>,
    s: &mut [T::Real],
) -> Result<usize> {
    backend.lstsq_rank(mat_mut(a), mat_mut(b), rcond, s)
}

// The symmetric/Hermitian eigenproblem.

/// The eigenvalues (ascending) of the symmetric (Hermitian) matrix in the
/// `uplo` triangle of the square `a`, which is overwritten by the
/// orthonormal eigenvectors (column `k` for eigenvalue `k`); see
/// [`Eigh::eigh`](oxpar_core::Eigh::eigh).
pub fn eigh<T: Element, B: oxpar_core::Eigh<T> + ?Sized>(
    backend: &B,
    uplo: Uplo,
    a: ArrayViewMut2<'_, T>,
) -> Result<ndarray::Array1<T::Real>> {
    let mut w = vec![<T::Real as Element>::ZERO; a.nrows()];
    backend.eigh(uplo, mat_mut(a), &mut w, true)?;
    Ok(ndarray::Array1::from(w))
}

/// The eigenvalues (ascending) of the symmetric (Hermitian) matrix in the
/// `uplo` triangle of the square `a` (left as it is: the solver works on a
/// copy); see [`Eigh::eigh`](oxpar_core::Eigh::eigh).
pub fn eigvalsh<T: Element, B: oxpar_core::Eigh<T> + ?Sized>(
    backend: &B,
    uplo: Uplo,
    a: ArrayView2<'_, T>,
) -> Result<ndarray::Array1<T::Real>> {
    let mut copy = a.to_owned();
    let mut w = vec![<T::Real as Element>::ZERO; a.nrows()];
    backend.eigh(uplo, mat_mut(copy.view_mut()), &mut w, false)?;
    Ok(ndarray::Array1::from(w))
}

/// The eigenvalues of every matrix of the stack `a` `(count, n, n)`, as a
/// `(count, n)` array; with `vectors` each matrix is overwritten by its
/// eigenvectors (otherwise its contents are unspecified afterwards). See
/// [`Eigh::eigh_batch`](oxpar_core::Eigh::eigh_batch).
pub fn eigh_batch<T: Element, B: oxpar_core::Eigh<T> + ?Sized>(
    backend: &B,
    uplo: Uplo,
    a: ArrayViewMut3<'_, T>,
    vectors: bool,
) -> Result<ndarray::Array2<T::Real>> {
    let (count, n, _) = a.dim();
    let mut w = vec![<T::Real as Element>::ZERO; count * n];
    backend.eigh_batch(uplo, batch_mut(a)?, &mut w, vectors)?;
    ndarray::Array2::from_shape_vec((count, n), w)
        .map_err(|e| Error::internal(format!("eigh_batch: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::{s, Array1, Array2};

    #[test]
    fn stacked_ndarray_batches_solve_invert_and_take_determinants() {
        use ndarray::Array3;
        let backend = oxpar_threads::ThreadsBackend::with_threads(2).unwrap();
        // 50 systems diag(k+2, 2, ...) + e_0 e_1^T in a (count, n, n) stack,
        // then the same stack through a transposed (Fortran-order) view.
        let n = 3;
        let mut a = Array3::<f64>::zeros((50, n, n));
        for k in 0..50 {
            for i in 0..n {
                a[[k, i, i]] = 2.0;
            }
            a[[k, 0, 0]] = k as f64 + 2.0;
            a[[k, 0, 1]] = 1.0;
        }
        let mut det = vec![0.0; 50];
        det_batch(&backend, a.view(), &mut det).unwrap();
        for (k, d) in det.iter().enumerate() {
            assert!((d - 4.0 * (k as f64 + 2.0)).abs() < 1e-12, "{k}: {d}");
        }
        let mut b = Array3::<f64>::ones((50, n, 1));
        let mut ipiv = vec![0; 50 * n];
        solve_batch(&backend, a.clone().view_mut(), &mut ipiv, b.view_mut()).unwrap();
        // Row 0: (k+2) x0 + x1 = 1 with x1 = 1/2.
        assert!((b[[7, 0, 0]] - 0.5 / 9.0).abs() < 1e-12);
        let mut inverses = a.clone();
        inv_batch(&backend, inverses.view_mut().permuted_axes([0, 2, 1])).unwrap();
        assert!((inverses[[7, 0, 0]] - 1.0 / 9.0).abs() < 1e-12);
        let mut neg = a.clone();
        neg.invert_axis(ndarray::Axis(0));
        assert_eq!(
            inv_batch(&backend, neg.view_mut()).unwrap_err().kind(),
            oxpar_core::ErrorKind::InvalidStride
        );
        let mut one = a.slice(s![0, .., ..]).to_owned();
        assert!((det_of(&backend, one.view_mut()) - 8.0).abs() < 1e-12);
        inv(&backend, one.view_mut()).unwrap();
        assert!((one[[0, 0]] - 0.5).abs() < 1e-12);
    }

    fn det_of(backend: &oxpar_threads::ThreadsBackend, a: ArrayViewMut2<'_, f64>) -> f64 {
        let d = det(backend, a.to_owned().view_mut()).unwrap();
        let (sign, logabs) = slogdet(backend, a).unwrap();
        assert!((sign * logabs.exp() - d).abs() < 1e-12);
        d
    }

    #[test]
    fn strided_and_reversed_ndarray_views_work_zero_copy() {
        let backend = oxpar_threads::ThreadsBackend::with_threads(2).unwrap();
        let a = Array2::from_shape_fn((7, 9), |(i, j)| (i * 9 + j) as f64 * 0.25 - 3.0);
        let b = Array2::from_shape_fn((9, 5), |(i, j)| (i as f64 - j as f64) * 0.5);
        // Every other row of a, columns reversed; b transposed twice (Fortran order).
        let av = a.slice(s![..;2, ..;-1]);
        let bt = b.t().to_owned();
        let bv = bt.t();
        let mut c = Array2::<f64>::zeros((4, 5));
        gemm(&backend, 1.0, av, bv, 0.0, c.view_mut()).unwrap();
        let expected = av.dot(&bv);
        assert!(c
            .iter()
            .zip(expected.iter())
            .all(|(x, y)| (x - y).abs() < 1e-12));
        let x = Array1::from_shape_fn(9, |i| i as f64);
        assert_eq!(
            dot(&backend, x.slice(s![..;-1]), x.view()).unwrap(),
            x.slice(s![..;-1]).dot(&x)
        );
    }

    #[test]
    fn broadcast_inputs_and_every_second_column_outputs() {
        let backend = oxpar_threads::ThreadsBackend::with_threads(2).unwrap();
        let close = |x: &Array2<f64>, y: &Array2<f64>| {
            x.iter().zip(y.iter()).all(|(p, q)| (p - q).abs() < 1e-12)
        };
        // A broadcast row (stride 0) as A; c[:, ::2] of a 10 x 41 array as C.
        let row = Array1::from_shape_fn(7, |j| j as f64 - 2.5);
        let a = row.broadcast((10, 7)).unwrap();
        let b = Array2::from_shape_fn((7, 21), |(i, j)| ((i * 3 + j) % 5) as f64);
        let mut c = Array2::<f64>::zeros((10, 41));
        gemm(&backend, 1.0, a, b.view(), 0.0, c.slice_mut(s![.., ..;2])).unwrap();
        let expected = a.dot(&b);
        assert!(close(&c.slice(s![.., ..;2]).to_owned(), &expected));
        assert!(c.slice(s![.., 1..;2]).iter().all(|&v| v == 0.0));
        // A zero-stride vector read by gemv.
        let two = ndarray::arr0(2.0);
        let x = two.broadcast(21).unwrap();
        assert_eq!(x.strides(), &[0]);
        let mut y = Array1::<f64>::zeros(10);
        gemv(&backend, 1.0, c.slice(s![.., ..;2]), x, 0.0, y.view_mut()).unwrap();
        let want = c.slice(s![.., ..;2]).dot(&x);
        assert!(y.iter().zip(want.iter()).all(|(p, q)| (p - q).abs() < 1e-9));
    }

    #[test]
    fn generated_structured_routines_take_views() {
        use oxpar_core::{Diag, Side, Uplo};
        let backend = oxpar_threads::ThreadsBackend::with_threads(2).unwrap();
        // A lower-triangular 4x4 with a strong diagonal, given as the transpose
        // of an upper one (a.t() with uplo flipped), and B with reversed columns.
        let u = Array2::from_shape_fn((4, 4), |(i, j)| match i.cmp(&j) {
            std::cmp::Ordering::Less => (i + 2 * j) as f64 * 0.25,
            std::cmp::Ordering::Equal => 4.0 + i as f64,
            std::cmp::Ordering::Greater => f64::NAN, // never read
        });
        let b0 = Array2::from_shape_fn((4, 3), |(i, j)| (i as f64) - 0.5 * j as f64);
        let mut b = b0.clone();
        let lower = u.t();
        trsm(
            &backend,
            Side::Left,
            Uplo::Upper.flip(),
            Diag::NonUnit,
            2.0,
            lower,
            b.slice_mut(s![.., ..;-1]),
        )
        .unwrap();
        // the residual, with the lower triangle as a dense matrix
        let dense = Array2::from_shape_fn((4, 4), |(i, j)| if i >= j { u[[j, i]] } else { 0.0 });
        let back = dense.dot(&b.slice(s![.., ..;-1]));
        let want = b0.slice(s![.., ..;-1]).mapv(|v| 2.0 * v);
        assert!(back
            .iter()
            .zip(want.iter())
            .all(|(p, q)| (p - q).abs() < 1e-12));
        // syrk on the upper triangle of a row-major C, from A's transpose
        let a = Array2::from_shape_fn((3, 5), |(i, j)| (i * 5 + j) as f64 * 0.125 - 1.0);
        let mut c = Array2::<f64>::from_elem((5, 5), -7.0);
        syrk(&backend, Uplo::Upper, 1.0, a.t(), 0.0, c.view_mut()).unwrap();
        let full = a.t().dot(&a);
        for i in 0..5 {
            for j in 0..5 {
                let want = if i <= j { full[[i, j]] } else { -7.0 };
                assert!((c[[i, j]] - want).abs() < 1e-12, "({i}, {j})");
            }
        }
    }

    #[test]
    fn band_and_packed_storage_from_ndarray() {
        use ndarray::ShapeBuilder;
        use oxpar_core::Diag;
        let backend = oxpar_threads::ThreadsBackend::with_threads(2).unwrap();
        // A 5 x 4 band with kl = 1, ku = 2 in a Fortran-order (4 x 4) `ab`.
        let (m, n, kl, ku) = (5, 4, 1, 2);
        let dense = Array2::from_shape_fn((m, n), |(i, j)| {
            if j <= i + ku && i <= j + kl {
                (i * 7 + j) as f64 * 0.5 - 3.0
            } else {
                0.0
            }
        });
        let mut ab = Array2::<f64>::from_elem((kl + ku + 1, n).f(), f64::NAN);
        for j in 0..n {
            for i in j.saturating_sub(ku)..(j + kl + 1).min(m) {
                ab[[ku + i - j, j]] = dense[[i, j]];
            }
        }
        let x = Array1::from_shape_fn(m, |i| 1.0 - i as f64 * 0.25);
        let mut y = Array1::<f64>::zeros(n);
        let band = band_view(ab.view(), m, kl, ku).unwrap();
        gbmv(&backend, 2.0, band.t(), x.view(), 0.0, y.view_mut()).unwrap();
        let want = dense.t().dot(&x) * 2.0;
        assert!(y
            .iter()
            .zip(want.iter())
            .all(|(p, q)| (p - q).abs() < 1e-12));
        // C order is refused (band storage is column-major).
        assert!(band_view(ab.as_standard_layout().view(), m, kl, ku).is_err());

        // The lower triangle of a 4 x 4, packed; tpmv with A^T, spr on it.
        let tri = Array2::from_shape_fn((4, 4), |(i, j)| {
            if i >= j {
                (i + 2 * j) as f64 + 1.0
            } else {
                0.0
            }
        });
        let mut ap = Array1::<f64>::zeros(10);
        let mut k = 0;
        for j in 0..4 {
            for i in j..4 {
                ap[k] = tri[[i, j]];
                k += 1;
            }
        }
        let x0 = Array1::from_shape_fn(4, |i| i as f64 - 1.5);
        let mut x = x0.clone();
        let view = packed_view(ap.view(), Uplo::Lower).unwrap();
        let view = view.t(); // op(A) = A^T
        tpmv(&backend, Diag::NonUnit, view, x.view_mut()).unwrap();
        let want = tri.t().dot(&x0);
        assert!(x
            .iter()
            .zip(want.iter())
            .all(|(p, q)| (p - q).abs() < 1e-12));
        spr(
            &backend,
            0.5,
            x0.view(),
            packed_view_mut(ap.view_mut(), Uplo::Lower).unwrap(),
        )
        .unwrap();
        let mut k = 0;
        for j in 0..4 {
            for i in j..4 {
                let want = tri[[i, j]] + 0.5 * x0[i] * x0[j];
                assert!((ap[k] - want).abs() < 1e-12, "({i}, {j})");
                k += 1;
            }
        }
        // Not a triangle's length, and a strided vector.
        assert!(packed_view(ap.slice(s![..9]), Uplo::Upper).is_err());
        assert!(packed_view(ap.slice(s![..;2]), Uplo::Upper).is_err());
    }

    #[test]
    fn factorizations_take_ndarray_views() {
        use oxpar_core::ErrorKind;
        let backend = oxpar_threads::ThreadsBackend::with_threads(2).unwrap();
        let n = 40;
        // Diagonally dominant, in C order, solved through a transposed view.
        let a = Array2::from_shape_fn((n, n), |(i, j)| {
            if i == j {
                2.0 * n as f64
            } else {
                ((i * 7 + j * 3) % 11) as f64 - 5.0
            }
        });
        let x = Array2::from_shape_fn((n, 2), |(i, j)| (i + j) as f64 * 0.5 - 3.0);
        let b = a.t().dot(&x);
        let mut lu = a.clone();
        let mut ipiv = vec![0; n];
        lu_factor(&backend, lu.view_mut(), &mut ipiv).unwrap();
        let mut got = b.clone();
        lu_solve(&backend, Trans::Yes, lu.view(), &ipiv, got.view_mut()).unwrap();
        assert!((&got - &x).iter().all(|d| d.abs() < 1e-10));
        // A^T*A + I is positive definite; its factor solves it, in F order.
        let mut spd = a.t().dot(&a) + Array2::<f64>::eye(n);
        let rhs = spd.dot(&x);
        let mut f = spd.t().to_owned();
        let mut fv = f.view_mut();
        fv.swap_axes(0, 1);
        cholesky(&backend, Uplo::Lower, fv).unwrap();
        let mut got = rhs.clone();
        cho_solve(&backend, Uplo::Lower, f.t(), got.view_mut()).unwrap();
        assert!((&got - &x).iter().all(|d| d.abs() < 1e-10));
        // Not positive definite: the order of the failing minor comes back.
        spd[[5, 5]] = -1.0;
        let e = cholesky(&backend, Uplo::Upper, spd.view_mut()).unwrap_err();
        assert_eq!(
            (e.kind(), e.info()),
            (ErrorKind::NotPositiveDefinite, Some(6))
        );
    }

    /// The SVD of ndarray views (C and F order) rebuilds them; SVD least
    /// squares gives the rank and the minimum-norm solution.
    #[test]
    fn svd_and_lstsq_rank() {
        let backend = oxpar_core::Serial;
        let a = Array2::from_shape_fn((5, 3), |(i, j)| ((i * 5 + j * 3) % 7) as f64 - 3.0);
        let mut work = a.t().to_owned();
        let mut wv = work.view_mut();
        wv.swap_axes(0, 1);
        let mut s = vec![0.0; 3];
        let mut u = Array2::<f64>::zeros((5, 3));
        let mut vt = Array2::<f64>::zeros((3, 3));
        svd(
            &backend,
            wv,
            &mut s,
            Some(u.view_mut()),
            Some(vt.view_mut()),
        )
        .unwrap();
        let us = &u * &ndarray::Array1::from(s.clone());
        let back = us.dot(&vt);
        assert!((&back - &a).iter().all(|d| d.abs() < 1e-12));
        // Rank 1: every column is the same.
        let mut r1 = Array2::<f64>::ones((4, 3));
        let mut b = Array2::from_shape_fn((4, 1), |(i, _)| 3.0 + i as f64 * 0.0);
        let mut s = vec![0.0; 3];
        let rank = lstsq_rank(&backend, r1.view_mut(), b.view_mut(), None, &mut s).unwrap();
        assert_eq!(rank, 1);
        assert!((0..3).all(|i| (b[[i, 0]] - 1.0).abs() < 1e-12), "{b}");
    }

    #[test]
    fn eigh_on_ndarray_views() {
        use ndarray::{array, Array3};
        let backend = oxpar_threads::ThreadsBackend::with_threads(2).unwrap();
        // [[2, 1], [1, 2]] in a transposed (Fortran-order) view.
        let mut a = array![[2.0f64, 1.0], [1.0, 2.0]].reversed_axes();
        let w = eigh(&backend, Uplo::Upper, a.view_mut()).unwrap();
        assert!((w[0] - 1.0).abs() < 1e-15 && (w[1] - 3.0).abs() < 1e-15);
        let s = std::f64::consts::FRAC_1_SQRT_2;
        assert!((a[[0, 1]].abs() - s).abs() < 1e-15 && (a[[0, 0]] + a[[1, 0]]).abs() < 1e-15);
        let b = array![[4.0f64, 0.0, 0.0], [0.0, -1.0, 0.0], [0.0, 0.0, 2.0]];
        let w = eigvalsh(&backend, Uplo::Lower, b.view()).unwrap();
        assert_eq!(w.to_vec(), vec![-1.0, 2.0, 4.0]);
        let mut stack = Array3::<f64>::zeros((3, 2, 2));
        for k in 0..3 {
            stack[[k, 0, 0]] = k as f64;
            stack[[k, 1, 1]] = -(k as f64);
        }
        let w = eigh_batch(&backend, Uplo::Lower, stack.view_mut(), true).unwrap();
        assert_eq!(w.row(2).to_vec(), vec![-2.0, 2.0]);
        assert_eq!(stack[[2, 1, 0]].abs(), 1.0);
    }
}
