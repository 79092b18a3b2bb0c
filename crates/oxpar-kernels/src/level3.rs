//! Level 3: gemm on the `gemm` crate's packed, run-time-dispatched micro-kernels.
//!
//! Considered: matrixmultiply (portable, general strides, but its f64 kernel
//! reached 0.78 of OpenBLAS at n = 1024 single-threaded here and its threading
//! brings its own threads), faer (the same kernels as `gemm`, with a large
//! dependency tree), hand-written BLIS loops (weeks to match). `gemm` 0.19 with
//! its AVX-512 kernels matched OpenBLAS within noise at n = 256..2048 on one and
//! two threads, takes general (also negative) strides, never reads C when told
//! not to, and parallelizes with rayon inside whatever pool calls it, which is
//! how the threads backend keeps it on its own pool.
//!
//! Also the single-core pieces of symm, syrk, syr2k, trmm and trsm: the
//! packed, triangle-aware macro-kernels of syrk, syr2k and trmm on the
//! `gemm` crate's micro-kernels ([`packed`]), and for the blocked
//! recursions of `oxpar_core::blocked` the triangular kernels on small
//! diagonal blocks ([`tri`]) and the full-product kernel on the diagonal
//! blocks of syrk and syr2k ([`syrk_lower_block`]).

use oxpar_core::{MatMut, MatRef, Scalar};

pub mod packed;
pub mod tri;

/// How much parallelism a level 3 call may use.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Par {
    /// The calling thread only.
    Seq,
    /// Up to `n` threads of the rayon pool the call runs in (call it inside
    /// `ThreadPool::install`, or it will use rayon's global pool).
    Rayon(usize),
}

/// `C := alpha*A*B + beta*C`. Shapes must agree. With `beta == 0` `C` is not
/// read; with `alpha == 0` or `k == 0` `A` and `B` are not read.
pub fn gemm<T: Scalar>(
    par: Par,
    alpha: T,
    a: MatRef<'_, T>,
    b: MatRef<'_, T>,
    beta: T,
    mut c: MatMut<'_, T>,
) {
    let (m, n, k) = (c.nrows(), c.ncols(), a.ncols());
    if m == 0 || n == 0 {
        return;
    }
    if alpha == T::zero() || k == 0 {
        scale_matrix(beta, c);
        return;
    }
    let parallelism = match par {
        Par::Rayon(t) if t > 1 => gemm::Parallelism::Rayon(t),
        _ => gemm::Parallelism::None,
    };
    let (cs, rs) = (c.cs(), c.rs());
    // SAFETY: the views guarantee that every element addressed through
    // (ptr, rows, cols, rs, cs) is valid, that A and B are readable and C is
    // uniquely writable; `gemm` reads C only when `read_dst` is true. Its
    // convention is dst := alpha_g*dst + beta_g*lhs*rhs, hence the swapped scalars.
    unsafe {
        gemm::gemm(
            m,
            n,
            k,
            c.as_mut_ptr(),
            cs,
            rs,
            beta != T::zero(),
            a.as_ptr(),
            a.cs(),
            a.rs(),
            b.as_ptr(),
            b.cs(),
            b.rs(),
            beta,
            alpha,
            false,
            false,
            false,
            parallelism,
        );
    }
}

/// The diagonal-block kernel of blocked syrk (`b == None`) and syr2k on the
/// lower triangle of the square `c`: `C := alpha*A*A^T + beta*C` (or
/// `alpha*(A*B^T + B*A^T) + beta*C`), computed as one full product `A*A^T`
/// (or `A*B^T`) into a buffer on the calling thread, of which only the lower
/// triangle reaches `C` (the other triangle of `C` is neither read nor
/// written). With `beta == 0`, `C` is not read.
pub fn syrk_lower_block<T: Scalar>(
    alpha: T,
    a: MatRef<'_, T>,
    b: Option<MatRef<'_, T>>,
    beta: T,
    mut c: MatMut<'_, T>,
) {
    let n = a.nrows();
    if n == 0 {
        return;
    }
    let mut buf = vec![T::zero(); n * n];
    let w = MatMut::col_major(&mut buf, n, n, n).expect("a contiguous n x n buffer");
    gemm(Par::Seq, T::one(), a, b.unwrap_or(a).t(), T::zero(), w);
    for j in 0..n {
        for i in j..n {
            let wij = buf[i + j * n];
            let sum = if b.is_some() {
                wij + buf[j + i * n]
            } else {
                wij
            };
            let v = if beta == T::zero() {
                alpha * sum
            } else {
                alpha * sum + beta * c.as_ref().get(i, j)
            };
            c.set(i, j, v);
        }
    }
}

/// `C := beta*C`, without reading C when `beta == 0`.
fn scale_matrix<T: Scalar>(beta: T, mut c: MatMut<'_, T>) {
    if beta == T::one() {
        return;
    }
    for j in 0..c.ncols() {
        let mut col = c.col_mut(j);
        if beta == T::zero() {
            col.for_each_mut(|_, v| *v = T::zero());
        } else {
            crate::level1::scal(beta, col);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn beta_zero_ignores_nan_in_c_and_alpha_zero_ignores_a() {
        let a = [1.0f64, 2.0, 3.0, 4.0];
        let b = [1.0f64, 0.0, 0.0, 1.0];
        let mut c = [f64::NAN; 4];
        gemm(
            Par::Seq,
            1.0,
            MatRef::col_major(&a, 2, 2, 2).unwrap(),
            MatRef::col_major(&b, 2, 2, 2).unwrap(),
            0.0,
            MatMut::col_major(&mut c, 2, 2, 2).unwrap(),
        );
        assert_eq!(c, a);
        let nan_a = [f64::NAN; 4];
        gemm(
            Par::Seq,
            0.0,
            MatRef::col_major(&nan_a, 2, 2, 2).unwrap(),
            MatRef::col_major(&b, 2, 2, 2).unwrap(),
            2.0,
            MatMut::col_major(&mut c, 2, 2, 2).unwrap(),
        );
        assert_eq!(c, [2.0, 4.0, 6.0, 8.0]);
    }
}
