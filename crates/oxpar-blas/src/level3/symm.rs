//! The symmetric product (symm) as gemm calls on blocks.
//!
//! Canonical form: `C := alpha*A*B + beta*C` with `A` symmetric `m x m`, its
//! upper triangle stored in a strided view (the lower triangle of `A` is the
//! upper triangle of the view `A^T`, and the right-side product `B*A` is the
//! left-side one on `B^T` and `C^T`). A block of rows `I` of `C` gets
//!
//! ```text
//! C_I := beta*C_I + alpha*( A(0..i0, I)^T * B(0..i0, :)     (stored above)
//!                         + full(A_II)    * B_I              (diagonal block)
//!                         + A(I, i1..m)   * B(i1..m, :) )    (stored right)
//! ```
//!
//! where only the diagonal block is copied (made full) into a small buffer.
//! Large products are first split into blocks of columns of `B` and `C`,
//! which the team's threads take in turn (each with single-threaded gemms).

use super::raw::{gemm, in_parallel, Mat};
use oxpar_core::Scalar;

/// Rows of `C` per block (and the size of the copied diagonal blocks).
const BLOCK: usize = 256;

/// Columns of `C` per part when the product is split across threads.
const MIN_PART: usize = 128;

/// `C := alpha*A*B + beta*C`, `A` symmetric with its upper triangle in `a`.
/// With `beta == 0`, `C` is not read. Large products are split into column
/// blocks of `B` and `C` across threads.
///
/// # Safety
/// `a` is `m x m` with its upper triangle readable, `b` is `m x n` readable,
/// `c` is `m x n` writable with distinct elements overlapping neither.
pub(crate) unsafe fn symm_upper<T: Scalar>(alpha: T, a: Mat<T>, b: Mat<T>, beta: T, c: Mat<T>) {
    let (m, n) = (c.rows, c.cols);
    let part = |cols: std::ops::Range<usize>| {
        let (j, w) = (cols.start, cols.len());
        // SAFETY: the parts are disjoint column blocks of c (caller's
        // contract for the rest).
        unsafe { by_row_blocks(alpha, a, b.sub(0, j, m, w), beta, c.sub(0, j, m, w)) }
    };
    if !in_parallel(n, m * m * n, MIN_PART, &part) {
        part(0..n);
    }
}

/// [`symm_upper`] a block of rows of `C` at a time.
///
/// # Safety
/// As [`symm_upper`].
unsafe fn by_row_blocks<T: Scalar>(alpha: T, a: Mat<T>, b: Mat<T>, beta: T, c: Mat<T>) {
    let (m, n) = (c.rows, c.cols);
    let mut diag = vec![T::zero(); BLOCK.min(m) * BLOCK.min(m)];
    let mut i0 = 0;
    while i0 < m {
        let ib = BLOCK.min(m - i0);
        let i1 = i0 + ib;
        let ci = c.sub(i0, 0, ib, n);
        // The full diagonal block, from its upper triangle.
        let d = Mat::over(&mut diag, ib, ib);
        for j in 0..ib {
            for i in 0..=j {
                // SAFETY: (i0+i, i0+j) with i <= j is in the stored upper
                // triangle of a; d is our buffer of ib x ib.
                unsafe {
                    let v = a.get(i0 + i, i0 + j);
                    d.set(i, j, v);
                    d.set(j, i, v);
                }
            }
        }
        // SAFETY: every operand is a block of a (in its
        // upper triangle), of b, of c or of our buffer; C_I overlaps none of
        // them, as c overlaps neither a nor b.
        unsafe {
            // Rows above: A(0..i0, I) is stored; its transpose is A(I, 0..i0).
            // The first product takes beta (an empty one would scale C_I on
            // its own, in another pass).
            let mut first_beta = beta;
            if i0 > 0 {
                gemm(
                    alpha,
                    a.sub(0, i0, i0, ib).t(),
                    b.sub(0, 0, i0, n),
                    beta,
                    ci,
                );
                first_beta = T::one();
            }
            gemm(alpha, d, b.sub(i0, 0, ib, n), first_beta, ci);
            if i1 < m {
                gemm(
                    alpha,
                    a.sub(i0, i1, ib, m - i1),
                    b.sub(i1, 0, m - i1, n),
                    T::one(),
                    ci,
                );
            }
        }
        i0 = i1;
    }
}
