//! Complex level 1 on the threads backend: the SIMD kernels of
//! [`oxpar_kernels::complex_level1`] split over the team as the real level 1
//! is (in `crate::blas`): `axpy`, `scal`, `copy` and `swap` in pieces that a
//! thread done early takes from a late one, the reductions in one block per
//! thread whose f64 partial results are added in block order and rounded
//! once (so a result depends on the thread count only through that order).
//!
//! `nrm2` adds the blocks' unscaled f64 sums of squares of the parts and
//! falls back to the scaled algorithm, on the calling thread, when that sum
//! overflowed, underflowed or met NaN/Inf (rare), as the real `nrm2` does.

use oxpar_core::backend::check;
use oxpar_core::complex::iamax_combine;
use oxpar_core::{Complex, Element, Result, Scalar, VecMut, VecRef};
use oxpar_kernels::complex_level1 as kc1;
use oxpar_kernels::level1::sumsq_is_safe;

use crate::split::SharedVecMut;
use crate::ThreadsBackend;

impl ThreadsBackend {
    /// Threads for a complex level-1 call on `n` elements.
    fn complex_parts(&self, n: usize) -> usize {
        self.parts(n, self.inner.thresholds.level1)
    }

    /// `y := alpha*x + y`.
    pub(crate) fn complex_axpy<R: Scalar>(
        &self,
        alpha: Complex<R>,
        x: VecRef<'_, Complex<R>>,
        y: VecMut<'_, Complex<R>>,
    ) -> Result<()>
    where
        Complex<R>: Element,
    {
        check::same_len(x.len(), y.len())?;
        if alpha.re == R::zero() && alpha.im == R::zero() {
            return Ok(());
        }
        let n = x.len();
        let ys = SharedVecMut::new(y);
        self.for_chunks(n, self.complex_parts(n), |r| {
            // SAFETY: pieces of one region are disjoint.
            let yb = unsafe { ys.block_mut(r.clone()) };
            kc1::axpy(alpha, x.subvector(r.start, r.len()), yb);
        });
        Ok(())
    }

    /// `x := alpha*x`.
    pub(crate) fn complex_scal<R: Scalar>(
        &self,
        alpha: Complex<R>,
        x: VecMut<'_, Complex<R>>,
    ) -> Result<()>
    where
        Complex<R>: Element,
    {
        let n = x.len();
        let xs = SharedVecMut::new(x);
        self.for_chunks(n, self.complex_parts(n), |r| {
            // SAFETY: pieces of one region are disjoint.
            kc1::scal(alpha, unsafe { xs.block_mut(r) });
        });
        Ok(())
    }

    /// `y := x`.
    pub(crate) fn complex_copy<R: Scalar>(
        &self,
        x: VecRef<'_, Complex<R>>,
        y: VecMut<'_, Complex<R>>,
    ) -> Result<()>
    where
        Complex<R>: Element,
    {
        check::same_len(x.len(), y.len())?;
        let n = x.len();
        let ys = SharedVecMut::new(y);
        self.for_chunks(n, self.complex_parts(n), |r| {
            // SAFETY: pieces of one region are disjoint.
            let yb = unsafe { ys.block_mut(r.clone()) };
            kc1::copy(x.subvector(r.start, r.len()), yb);
        });
        Ok(())
    }

    /// Exchanges `x` and `y`.
    pub(crate) fn complex_swap<R: Scalar>(
        &self,
        x: VecMut<'_, Complex<R>>,
        y: VecMut<'_, Complex<R>>,
    ) -> Result<()>
    where
        Complex<R>: Element,
    {
        check::same_len(x.len(), y.len())?;
        let n = x.len();
        let (xs, ys) = (SharedVecMut::new(x), SharedVecMut::new(y));
        self.for_chunks(n, self.complex_parts(n), |r| {
            // SAFETY: pieces of one region are disjoint, and x and y are
            // distinct unique borrows.
            let (xb, yb) = unsafe { (xs.block_mut(r.clone()), ys.block_mut(r)) };
            kc1::swap(xb, yb);
        });
        Ok(())
    }

    /// dotu (`conj == false`) or dotc: the blocks' f64 results added and
    /// rounded once.
    pub(crate) fn complex_dot<R: Scalar>(
        &self,
        conj: bool,
        x: VecRef<'_, Complex<R>>,
        y: VecRef<'_, Complex<R>>,
    ) -> Result<Complex<R>>
    where
        Complex<R>: Element,
    {
        check::same_len(x.len(), y.len())?;
        let n = x.len();
        let v = self.fold_blocks(
            n,
            self.complex_parts(n),
            |r| {
                kc1::dot_wide(
                    conj,
                    x.subvector(r.start, r.len()),
                    y.subvector(r.start, r.len()),
                )
            },
            |a, b| a + b,
        );
        Ok(Complex::new(R::from_f64(v.re), R::from_f64(v.im)))
    }

    /// The Euclidean norm (see the module docs).
    pub(crate) fn complex_nrm2<R: Scalar>(&self, x: VecRef<'_, Complex<R>>) -> Result<R>
    where
        Complex<R>: Element,
    {
        let n = x.len();
        let sumsq = self.fold_blocks(
            n,
            self.complex_parts(n),
            |r| kc1::sumsq_wide(x.subvector(r.start, r.len())),
            |a, b| a + b,
        );
        let norm = if sumsq_is_safe(sumsq, 2 * n) {
            sumsq.sqrt()
        } else {
            kc1::nrm2_scaled_wide(x)
        };
        Ok(R::from_f64(norm))
    }

    /// `sum |re x_i| + |im x_i|`.
    pub(crate) fn complex_asum<R: Scalar>(&self, x: VecRef<'_, Complex<R>>) -> Result<R>
    where
        Complex<R>: Element,
    {
        let n = x.len();
        let s = self.fold_blocks(
            n,
            self.complex_parts(n),
            |r| kc1::asum_wide(x.subvector(r.start, r.len())),
            |a, b| a + b,
        );
        Ok(R::from_f64(s))
    }

    /// The first index of a NaN, else of the first largest `|re| + |im|`.
    pub(crate) fn complex_iamax<R: Scalar>(
        &self,
        x: VecRef<'_, Complex<R>>,
    ) -> Result<Option<usize>>
    where
        Complex<R>: Element,
    {
        let n = x.len();
        let best = self.fold_blocks(
            n,
            self.complex_parts(n),
            |r| kc1::iamax(x.subvector(r.start, r.len())).map(|(i, m)| (r.start + i, m)),
            iamax_combine,
        );
        Ok(best.map(|(i, _)| i))
    }
}

#[cfg(test)]
mod tests {
    use oxpar_core::{Level1, Serial};

    use super::*;
    use crate::Thresholds;

    type C = Complex<f64>;
    type C32 = Complex<f32>;

    fn data(n: usize, seed: u64) -> Vec<C> {
        let mut s = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
        let mut next = move || {
            s ^= s << 13;
            s ^= s >> 7;
            s ^= s << 17;
            (s >> 11) as f64 / (1u64 << 53) as f64 * 2.0 - 1.0
        };
        (0..n).map(|_| C::new(next(), next())).collect()
    }

    fn backends() -> Vec<ThreadsBackend> {
        let mut b = Vec::new();
        for t in 1..=3 {
            b.push(ThreadsBackend::with_threads(t).unwrap());
            b.push(ThreadsBackend::with_config(t, Thresholds::always_parallel()).unwrap());
        }
        b
    }

    fn close(a: C, b: C, scale: f64) -> bool {
        (a.re - b.re).abs() <= scale && (a.im - b.im).abs() <= scale
    }

    /// Bitwise equality, any NaN equal to any NaN.
    fn same(a: &[C], b: &[C]) -> bool {
        let eq = |u: f64, v: f64| (u.is_nan() && v.is_nan()) || u.to_bits() == v.to_bits();
        a.len() == b.len()
            && a.iter()
                .zip(b)
                .all(|(p, q)| eq(p.re, q.re) && eq(p.im, q.im))
    }

    /// A BLAS array holding `v` at increment `inc`, NaN in the gaps.
    fn spread(v: &[C], inc: isize) -> Vec<C> {
        let n = v.len();
        let w = inc.unsigned_abs();
        let mut s = vec![C::new(f64::NAN, f64::NAN); (n.max(1) - 1) * w + 1];
        for (i, &e) in v.iter().enumerate() {
            s[if inc > 0 { i * w } else { (n - 1 - i) * w }] = e;
        }
        s
    }

    fn logical(a: &[C], n: usize, inc: isize) -> Vec<C> {
        VecRef::from_blas(a, n, inc).unwrap().iter().collect()
    }

    #[test]
    fn threads_agree_with_the_serial_loops() {
        let alpha = C::new(0.5, -1.5);
        for b in backends() {
            for n in [0usize, 1, 17, 33, 1000, 40_001] {
                for inc in [1isize, 2, -1, -3] {
                    let (x, y) = (data(n, 1), data(n, 2));
                    let (xs, ys) = (spread(&x, inc), spread(&y, inc));
                    let xv = VecRef::from_blas(&xs, n, inc).unwrap();
                    let yv = VecRef::from_blas(&ys, n, inc).unwrap();
                    let tol = 1e-13 * (n as f64 + 1.0);
                    for conj in [false, true] {
                        let (got, want) = if conj {
                            (b.dotc(xv, yv).unwrap(), Serial.dotc(xv, yv).unwrap())
                        } else {
                            (b.dot(xv, yv).unwrap(), Serial.dot(xv, yv).unwrap())
                        };
                        assert!(close(got, want, tol), "n={n} inc={inc}: {got} vs {want}");
                    }
                    let (got, want) = (b.nrm2(xv).unwrap(), Serial.nrm2(xv).unwrap());
                    assert!((got - want).abs() <= 1e-15 * (n as f64 + 1.0), "nrm2 n={n}");
                    let (got, want) = (b.asum(xv).unwrap(), Serial.asum(xv).unwrap());
                    assert!((got - want).abs() <= tol, "asum n={n}");
                    assert_eq!(b.iamax(xv).unwrap(), Serial.iamax(xv).unwrap(), "n={n}");

                    let (mut p, mut q) = (ys.clone(), ys.clone());
                    b.axpy(alpha, xv, VecMut::from_blas(&mut p, n, inc).unwrap())
                        .unwrap();
                    Serial
                        .axpy(alpha, xv, VecMut::from_blas(&mut q, n, inc).unwrap())
                        .unwrap();
                    assert!(same(&logical(&p, n, inc), &logical(&q, n, inc)), "axpy {n}");
                    b.scal(alpha, VecMut::from_blas(&mut p, n, inc).unwrap())
                        .unwrap();
                    Serial
                        .scal(alpha, VecMut::from_blas(&mut q, n, inc).unwrap())
                        .unwrap();
                    assert!(same(&logical(&p, n, inc), &logical(&q, n, inc)), "scal {n}");
                    b.copy(xv, VecMut::from_blas(&mut p, n, inc).unwrap())
                        .unwrap();
                    assert!(same(&logical(&p, n, inc), &x), "copy {n}");
                    let mut r = ys.clone();
                    b.swap(
                        VecMut::from_blas(&mut p, n, inc).unwrap(),
                        VecMut::from_blas(&mut r, n, inc).unwrap(),
                    )
                    .unwrap();
                    assert!(same(&logical(&p, n, inc), &y) && same(&logical(&r, n, inc), &x));
                }
            }
        }
    }

    #[test]
    fn threads_handle_special_values_and_extreme_norms() {
        let n = 50_000;
        for b in backends() {
            let mut x = data(n, 3);
            x[30_000] = C::new(f64::INFINITY, 0.0);
            x[41_000] = C::new(0.0, f64::NAN);
            let xv = VecRef::from_slice(&x);
            // The first NaN wins, wherever the blocks split.
            assert_eq!(b.iamax(xv).unwrap(), Some(41_000));
            assert!(b.nrm2(xv).unwrap().is_nan());
            x[41_000] = C::new(0.0, 0.0);
            let xv = VecRef::from_slice(&x);
            assert_eq!(b.iamax(xv).unwrap(), Some(30_000));
            assert_eq!(b.nrm2(xv).unwrap(), f64::INFINITY);
            let d = b.dotc(xv, xv).unwrap();
            assert!(d.re == f64::INFINITY && d.im.is_nan());
            // Norms whose squares overflow or underflow f64.
            for s in [1e300, 1e-300] {
                let v = vec![C::new(3.0 * s, 4.0 * s); n];
                let got = b.nrm2(VecRef::from_slice(&v)).unwrap();
                assert!(
                    (got / (5.0 * s * (n as f64).sqrt()) - 1.0).abs() < 1e-13,
                    "{s}"
                );
            }
            assert_eq!(b.iamax(VecRef::from_slice(&[] as &[C])).unwrap(), None);
        }
    }

    #[test]
    fn c32_reductions_accumulate_in_f64() {
        // Integer-valued parts: the f64 sums are exact, and an f32
        // accumulator would lose the small terms beside 2^24.
        let n = 100_000;
        let x: Vec<C32> = (0..n)
            .map(|i| C32::new((i % 7) as f32, (i % 5) as f32 - 2.0))
            .collect();
        let mut y = vec![C32::new(1.0, 1.0); n];
        y[0] = C32::new(16_777_216.0, 0.0);
        let (mut rr, mut ii, mut ri, mut ir) = (0.0f64, 0.0f64, 0.0f64, 0.0f64);
        for (a, c) in x.iter().zip(&y) {
            rr += a.re as f64 * c.re as f64;
            ii += a.im as f64 * c.im as f64;
            ri += a.re as f64 * c.im as f64;
            ir += a.im as f64 * c.re as f64;
        }
        for b in backends() {
            let (xv, yv) = (VecRef::from_slice(&x), VecRef::from_slice(&y));
            let d = b.dot(xv, yv).unwrap();
            assert_eq!(d, C32::new((rr - ii) as f32, (ri + ir) as f32));
            let d = b.dotc(xv, yv).unwrap();
            assert_eq!(d, C32::new((rr + ii) as f32, (ri - ir) as f32));
            let asum: f64 = x.iter().map(|v| (v.re.abs() + v.im.abs()) as f64).sum();
            assert_eq!(b.asum(xv).unwrap(), asum as f32);
        }
    }
}
