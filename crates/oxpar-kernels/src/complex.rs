//! Complex gemm on the `gemm` crate's c32/c64 micro-kernels, which take the
//! conjugation of each operand as a flag: a conjugated view
//! ([`MatRef::is_conj`]) is read in place, never copied.

use oxpar_core::{Complex, Element, MatMut, MatRef, Scalar};

use crate::Par;

/// `C := alpha*op(A)*op(B) + beta*C` for complex elements, where `op` is the
/// conjugation each view carries. Shapes must agree. With `beta == 0` `C` is
/// not read; with `alpha == 0` or `k == 0` `A` and `B` are not read.
pub fn gemm<R: Scalar>(
    par: Par,
    alpha: Complex<R>,
    a: MatRef<'_, Complex<R>>,
    b: MatRef<'_, Complex<R>>,
    beta: Complex<R>,
    mut c: MatMut<'_, Complex<R>>,
) where
    Complex<R>: Element<Real = R>,
{
    let zero = <Complex<R> as Element>::ZERO;
    let (m, n, k) = (c.nrows(), c.ncols(), a.ncols());
    if m == 0 || n == 0 {
        return;
    }
    if alpha == zero || k == 0 {
        for j in 0..n {
            c.col_mut(j).for_each_mut(|_, v| {
                *v = if beta == zero { zero } else { beta * *v };
            });
        }
        return;
    }
    let parallelism = match par {
        Par::Rayon(t) if t > 1 => gemm::Parallelism::Rayon(t),
        _ => gemm::Parallelism::None,
    };
    let (cs, rs) = (c.cs(), c.rs());
    // SAFETY: as `level3::gemm`: the views guarantee every element addressed
    // through (ptr, rows, cols, rs, cs) is valid, A and B readable and C
    // uniquely writable; `gemm` reads C only when `read_dst` is true and
    // dispatches on the element's TypeId (num-complex's Complex32/Complex64
    // are its c32/c64). Its convention is dst := alpha_g*dst + beta_g*lhs*rhs.
    unsafe {
        gemm::gemm(
            m,
            n,
            k,
            c.as_mut_ptr(),
            cs,
            rs,
            beta != zero,
            a.as_ptr(),
            a.cs(),
            a.rs(),
            b.as_ptr(),
            b.cs(),
            b.rs(),
            beta,
            alpha,
            false,
            a.is_conj(),
            b.is_conj(),
            parallelism,
        );
    }
}
