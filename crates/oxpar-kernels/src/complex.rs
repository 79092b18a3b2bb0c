//! Complex gemm on the `gemm` crate's c32/c64 micro-kernels, which take the
//! conjugation of each operand as a flag.
//!
//! The flags cost nothing when neither operand or both are conjugated (the
//! crate computes `conj(A*B)` for the latter), but exactly one conjugated
//! operand sends the micro-kernel down a slower multiply-add sequence:
//! measured at n = 1024 on one AVX-512 core, zgemm with `A^H*B` ran at
//! 0.6x of `A*B` (0.65x of OpenBLAS, against 1.15x without conjugation).
//! Products that large therefore copy the smaller of the two operands once,
//! conjugated, so that the kernel sees no conjugation or two; that copy is
//! `min(m, n)*k` elements beside `m*n*k` multiply-adds. Small products keep
//! the flags and read everything in place.
//!
//! Considered and not taken: the "4M" form, one real gemm of `2m x 2k x n`
//! on the real and imaginary planes, which would run at the real kernels'
//! speed; but the complex kernels already run within noise of those per
//! flop (measured on one core: zgemm 78 to 84 GFLOP/s, dgemm 83), so copying
//! all three matrices into planes could only add time. The 3M form (three
//! real gemms) saves a quarter of the flops at the cost of different
//! rounding, and is not offered.

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
    // One conjugated operand: copy the smaller one, conjugated (see the
    // module documentation).
    let copy;
    let (a, b) = if a.is_conj() != b.is_conj() && conj_copy_pays(m, n, k) {
        if m <= n {
            copy = Flipped::of(a);
            (copy.view(), b)
        } else {
            copy = Flipped::of(b);
            (a, copy.view())
        }
    } else {
        (a, b)
    };
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

/// Whether a product with exactly one conjugated operand is large enough for
/// the copy that removes the mismatch to pay: at least [`CONJ_COPY_MIN_WORK`]
/// multiply-adds and a copied operand with at most 1/16 as many elements.
fn conj_copy_pays(m: usize, n: usize, k: usize) -> bool {
    m.max(n) >= 16 && m.saturating_mul(n).saturating_mul(k) >= CONJ_COPY_MIN_WORK
}

/// The smallest product (`m*n*k`) for which a gemm with one conjugated
/// operand copies it (see the module documentation).
pub const CONJ_COPY_MIN_WORK: usize = 32 * 32 * 32;

/// A matrix with the same logical elements as a view but the opposite
/// conjugation mark: its buffer holds the conjugates of the view's stored
/// elements, laid out as the view's faster-moving index (row-major for a
/// view with contiguous rows, else column-major), so the copy reads memory
/// in order. Callers that make many products of one operand against
/// conjugated ones (herk's blocks) copy it once with this rather than let
/// every gemm copy its part.
pub struct Flipped<T> {
    data: Vec<T>,
    nrows: usize,
    ncols: usize,
    row_major: bool,
    conj: bool,
}

impl<T: Element> Flipped<T> {
    /// The copy of `x` with the opposite mark.
    pub fn of(x: MatRef<'_, T>) -> Self {
        let (r, c) = (x.nrows(), x.ncols());
        let row_major = x.cs().unsigned_abs() < x.rs().unsigned_abs();
        let mut data = Vec::with_capacity(r * c);
        // Stored elements, conjugated: the logical ones under the opposite mark.
        if row_major {
            for i in 0..r {
                data.extend(x.row(i).iter().map(|v| v.conj()));
            }
        } else {
            for j in 0..c {
                data.extend(x.col(j).iter().map(|v| v.conj()));
            }
        }
        Flipped {
            data,
            nrows: r,
            ncols: c,
            row_major,
            conj: !x.is_conj(),
        }
    }

    /// The copy as a view: the logical elements of the original.
    pub fn view(&self) -> MatRef<'_, T> {
        let (r, c) = (self.nrows, self.ncols);
        let v = if self.row_major {
            MatRef::row_major(&self.data, r, c, c.max(1))
        } else {
            MatRef::col_major(&self.data, r, c, r.max(1))
        }
        .expect("a dense buffer of exactly r*c elements");
        if self.conj {
            v.conj()
        } else {
            v
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use oxpar_core::Complex64;

    fn values(len: usize, seed: u64) -> Vec<Complex64> {
        let mut s = seed | 1;
        let mut next = move || {
            s = s
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            ((s >> 11) as f64 / (1u64 << 53) as f64) - 0.5
        };
        (0..len).map(|_| Complex64::new(next(), next())).collect()
    }

    /// Every conjugation and transpose of both operands, at sizes below and
    /// above the copy's threshold with `m < n` and `m > n`, against a loop
    /// over the views' logical elements.
    #[test]
    fn conjugated_operands_match_a_loop() {
        for &(m, n, k) in &[(3, 5, 4), (40, 77, 50), (77, 40, 50), (64, 64, 64)] {
            let av = values(m * k, 1);
            let bv = values(k * n, 2);
            for (ta, tb) in [
                (0, 0),
                (1, 0),
                (0, 1),
                (2, 0),
                (0, 2),
                (1, 2),
                (2, 1),
                (2, 2),
            ] {
                // 0: the column-major array, 1: its conjugate, 2: the
                // conjugate transpose of a column-major array of the
                // transposed shape (contiguous rows).
                let a = match ta {
                    0 => MatRef::col_major(&av, m, k, m).unwrap(),
                    1 => MatRef::col_major(&av, m, k, m).unwrap().conj(),
                    _ => MatRef::col_major(&av, k, m, k).unwrap().h(),
                };
                let b = match tb {
                    0 => MatRef::col_major(&bv, k, n, k).unwrap(),
                    1 => MatRef::col_major(&bv, k, n, k).unwrap().conj(),
                    _ => MatRef::col_major(&bv, n, k, n).unwrap().h(),
                };
                let alpha = Complex64::new(0.5, -1.5);
                let beta = Complex64::new(-0.25, 0.75);
                let c0 = values(m * n, 3);
                let mut cv = c0.clone();
                gemm(
                    Par::Seq,
                    alpha,
                    a,
                    b,
                    beta,
                    MatMut::col_major(&mut cv, m, n, m).unwrap(),
                );
                for j in 0..n {
                    for i in 0..m {
                        let s = (0..k).fold(Complex64::new(0.0, 0.0), |s, l| {
                            s + a.get(i, l) * b.get(l, j)
                        });
                        let want = alpha * s + beta * c0[i + j * m];
                        let got = cv[i + j * m];
                        assert!(
                            (got - want).norm() < 1e-12 * k as f64,
                            "m={m} n={n} k={k} ops=({ta}, {tb}) ({i}, {j}): {got} vs {want}"
                        );
                    }
                }
            }
        }
    }
}
