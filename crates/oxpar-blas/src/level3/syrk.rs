//! Symmetric rank-k and rank-2k updates (syrk, syr2k) on one triangle of `C`.
//!
//! Canonical form: `C := alpha*P*P^T + beta*C` (and `alpha*P*Q^T +
//! alpha*Q*P^T + beta*C`) on the lower triangle of `C`, with `P` (and `Q`) a
//! strided `n x k` view: `op(A)` of the reference is the view `A` or `A^T`,
//! and the upper triangle of `C` is the lower triangle of the view `C^T`,
//! which the same (symmetric) formula updates.
//!
//! The algorithm is recursive: the off-diagonal block `C21` is one gemm (two
//! for syr2k), and the two diagonal blocks recurse, down to blocks of at most
//! [`BASE`] whose full product goes to a small buffer first, of which only
//! the lower triangle is added to `C`. Large updates are first split into
//! blocks of columns of `C`, which the team's threads take in turn (each with
//! single-threaded gemms). Elements of the other triangle of `C` are never
//! read or written.

use super::raw::{gemm, in_parallel, split, Mat};
use oxpar_core::Scalar;

/// Diagonal blocks up to this size are computed in full in a buffer.
const BASE: usize = 64;

/// Columns of `C` per part when the update is split across threads.
const MIN_PART: usize = 64;

/// `C := alpha*P*P^T + beta*C` on the lower triangle of the `n x n` view `c`
/// (`Q = None`), or `C := alpha*P*Q^T + alpha*Q*P^T + beta*C` (`Q = Some`).
/// With `beta == 0`, `C` is not read.
///
/// Large updates are split into blocks of columns `J` of `C` across threads:
/// the diagonal block `C_JJ` by the recursion, the block below it with one
/// gemm (two for syr2k).
///
/// # Safety
/// `p` (and `q`) are `n x k` and readable; the lower triangle of `c` is
/// writable, with distinct elements overlapping neither.
pub(crate) unsafe fn syrk_lower<T: Scalar>(
    alpha: T,
    p: Mat<T>,
    q: Option<Mat<T>>,
    beta: T,
    c: Mat<T>,
) {
    let (n, k) = (p.rows, p.cols);
    let part = |cols: std::ops::Range<usize>| {
        let (j0, j1) = (cols.start, cols.end);
        let (w, below) = (j1 - j0, n - j1);
        let rows = |x: Mat<T>, i: usize, r: usize| x.sub(i, 0, r, k);
        let cb = c.sub(j1, j0, below, w);
        // SAFETY: the parts are disjoint column blocks of the lower triangle
        // of c (caller's contract for the rest).
        unsafe {
            recursive(
                alpha,
                rows(p, j0, w),
                q.map(|q| rows(q, j0, w)),
                beta,
                c.sub(j0, j0, w, w),
            );
            match q {
                None => gemm(alpha, rows(p, j1, below), rows(p, j0, w).t(), beta, cb),
                Some(q) => {
                    gemm(alpha, rows(p, j1, below), rows(q, j0, w).t(), beta, cb);
                    gemm(alpha, rows(q, j1, below), rows(p, j0, w).t(), T::one(), cb);
                }
            }
        }
    };
    if !in_parallel(n, n * n / 2 * k, MIN_PART, &part) {
        // SAFETY: the caller's contract.
        unsafe { recursive(alpha, p, q, beta, c) };
    }
}

/// [`syrk_lower`] by recursive halving.
///
/// # Safety
/// As [`syrk_lower`].
unsafe fn recursive<T: Scalar>(alpha: T, p: Mat<T>, q: Option<Mat<T>>, beta: T, c: Mat<T>) {
    let (n, k) = (p.rows, p.cols);
    if n == 0 {
        return;
    }
    if n <= BASE {
        // SAFETY: forwarded contract.
        unsafe { diagonal_block(alpha, p, q, beta, c) };
        return;
    }
    let n1 = split(n);
    let n2 = n - n1;
    let (p1, p2) = (p.sub(0, 0, n1, k), p.sub(n1, 0, n2, k));
    let c21 = c.sub(n1, 0, n2, n1);
    // SAFETY: C21 is strictly below the diagonal of c, and
    // the diagonal blocks are disjoint from it and from each other.
    unsafe {
        match q {
            None => gemm(alpha, p2, p1.t(), beta, c21),
            Some(q) => {
                let (q1, q2) = (q.sub(0, 0, n1, k), q.sub(n1, 0, n2, k));
                gemm(alpha, p2, q1.t(), beta, c21);
                gemm(alpha, q2, p1.t(), T::one(), c21);
            }
        }
        syrk_lower(
            alpha,
            p1,
            q.map(|q| q.sub(0, 0, n1, k)),
            beta,
            c.sub(0, 0, n1, n1),
        );
        syrk_lower(
            alpha,
            p2,
            q.map(|q| q.sub(n1, 0, n2, k)),
            beta,
            c.sub(n1, n1, n2, n2),
        );
    }
}

/// The recursion's base, on a small block: `W := P*P^T` (or `P*Q^T`) in full in a
/// buffer, then the lower triangle of `C` from it.
///
/// # Safety
/// As [`syrk_lower`].
unsafe fn diagonal_block<T: Scalar>(alpha: T, p: Mat<T>, q: Option<Mat<T>>, beta: T, c: Mat<T>) {
    let n = p.rows;
    let mut buf = vec![T::zero(); n * n];
    let w = Mat::over(&mut buf, n, n);
    // SAFETY: p and q are readable (caller's contract); w is our buffer.
    unsafe { gemm(T::one(), p, q.unwrap_or(p).t(), T::zero(), w) };
    let sym = q.is_some();
    for j in 0..n {
        for i in j..n {
            let wij = buf[i + j * n];
            let sum = if sym { wij + buf[j + i * n] } else { wij };
            let p = c.at(i, j);
            // SAFETY: (i, j) with i >= j is in the lower triangle of c.
            unsafe {
                *p = if beta == T::zero() {
                    alpha * sum
                } else {
                    alpha * sum + beta * *p
                }
            };
        }
    }
}
