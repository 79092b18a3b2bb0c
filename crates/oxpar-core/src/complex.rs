//! Complex level 1 on the serial backend, and the per-block reductions every
//! host backend shares for complex data.
//!
//! Reproducible mode ([`Reproducible`]) computes complex `dot`, `dotc`,
//! `nrm2`, `asum` and `sum` exactly and rounds once: the real and imaginary
//! parts each from one [`ExactSum`] (a complex product's part is two exact
//! real products), `asum` and `nrm2` from one. The accumulators come from
//! the inner backend's [`Level1::reduce_exact_parts`], so that a
//! distributed backend (MPI) adds its processes' accumulators before the
//! one rounding; its default runs element by element on the calling
//! thread, reproducible by construction (a parallel exact path is a later
//! refinement).
//!
//! The reductions accumulate each component in f64 (as the real ones do)
//! and return the wide partial result, so a parallel backend adds its
//! blocks' partials in f64 and rounds once with [`narrow`]. `nrm2` is
//! the scaled sum of squares over the 2n real components, so it neither
//! overflows nor underflows where the true norm is representable.

use num_complex::Complex;

use crate::backend::{check, Level1};
use crate::error::Result;
use crate::exact::{round_to, sqrt_to, ExactSum, Reduction};
use crate::repro::Reproducible;
use crate::scalar::{Element, Scalar};
use crate::serial::{reference_nrm2, Serial};
use crate::view::{VecMut, VecRef};

/// Widens each component to f64 (exact).
#[inline(always)]
pub fn widen<R: Scalar>(v: Complex<R>) -> Complex<f64> {
    Complex::new(v.re.as_f64(), v.im.as_f64())
}

/// Rounds each component of a wide result to `R` once.
#[inline(always)]
pub fn narrow<R: Scalar>(v: Complex<f64>) -> Complex<R> {
    Complex::new(R::from_f64(v.re), R::from_f64(v.im))
}

/// `sum x_i * y_i` (with `conj(x_i)` if `conj`), accumulated in f64.
pub fn dot_wide<R: Scalar>(
    conj: bool,
    x: VecRef<'_, Complex<R>>,
    y: VecRef<'_, Complex<R>>,
) -> Complex<f64>
where
    Complex<R>: Element,
{
    x.iter()
        .zip(y.iter())
        .fold(Complex::new(0.0, 0.0), |acc, (a, b)| {
            let a = widen(a);
            acc + if conj { a.conj() } else { a } * widen(b)
        })
}

/// `sum |re x_i| + |im x_i|`, accumulated in f64.
pub fn asum_wide<R: Scalar>(x: VecRef<'_, Complex<R>>) -> f64
where
    Complex<R>: Element,
{
    x.iter().fold(0.0, |acc, v| {
        acc + v.re.as_f64().abs() + v.im.as_f64().abs()
    })
}

/// `sum x_i`, each component accumulated in f64.
pub fn sum_wide<R: Scalar>(x: VecRef<'_, Complex<R>>) -> Complex<f64>
where
    Complex<R>: Element,
{
    x.iter()
        .fold(Complex::new(0.0, 0.0), |acc, v| acc + widen(v))
}

/// The Euclidean norm: the scaled sum of squares over the real components
/// in f64 (NaN if any component is NaN, else +inf if any is infinite).
pub fn nrm2<R: Scalar>(x: VecRef<'_, Complex<R>>) -> R
where
    Complex<R>: Element,
{
    let parts = x.iter().flat_map(|v| [v.re.as_f64(), v.im.as_f64()]);
    R::from_f64(reference_nrm2(parts))
}

/// The first index of a NaN (in either component), else of the first
/// largest `|re| + |im|`, with its magnitude; `None` when empty. `offset` is
/// added to the index (for blocks of a longer vector).
pub fn iamax<R: Scalar>(x: VecRef<'_, Complex<R>>, offset: usize) -> Option<(usize, R)>
where
    Complex<R>: Element<Real = R>,
{
    let mut best: Option<(usize, R)> = None;
    for (i, v) in x.iter().enumerate() {
        let a = v.abs1();
        if a.is_nan() {
            return Some((i + offset, a));
        }
        if best.is_none_or(|(_, m)| a > m) {
            best = Some((i + offset, a));
        }
    }
    best
}

/// Combines two blocks' [`iamax`] results, the earlier block first: a NaN
/// in the earlier block wins, then a NaN in the later one, then the larger
/// magnitude (the earlier on ties).
pub fn iamax_combine<R: Scalar>(
    a: Option<(usize, R)>,
    b: Option<(usize, R)>,
) -> Option<(usize, R)> {
    match (a, b) {
        (Some((i, m)), Some((j, n))) => {
            if m.is_nan() || (!n.is_nan() && m >= n) {
                Some((i, m))
            } else {
                Some((j, n))
            }
        }
        (a, None) => a,
        (None, b) => b,
    }
}

impl<R: Scalar> Level1<Complex<R>> for Serial
where
    Complex<R>: Element<Real = R>,
{
    fn axpy(
        &self,
        alpha: Complex<R>,
        x: VecRef<'_, Complex<R>>,
        mut y: VecMut<'_, Complex<R>>,
    ) -> Result<()> {
        check::same_len(x.len(), y.len())?;
        if alpha == <Complex<R> as Element>::ZERO {
            return Ok(());
        }
        y.for_each_mut(|i, yi| *yi += alpha * x.get(i));
        Ok(())
    }

    fn scal(&self, alpha: Complex<R>, mut x: VecMut<'_, Complex<R>>) -> Result<()> {
        x.for_each_mut(|_, xi| *xi = alpha * *xi);
        Ok(())
    }

    fn copy(&self, x: VecRef<'_, Complex<R>>, mut y: VecMut<'_, Complex<R>>) -> Result<()> {
        check::same_len(x.len(), y.len())?;
        y.for_each_mut(|i, yi| *yi = x.get(i));
        Ok(())
    }

    fn swap(&self, mut x: VecMut<'_, Complex<R>>, mut y: VecMut<'_, Complex<R>>) -> Result<()> {
        check::same_len(x.len(), y.len())?;
        for i in 0..x.len() {
            let t = x.as_ref().get(i);
            x.set(i, y.as_ref().get(i));
            y.set(i, t);
        }
        Ok(())
    }

    fn dot(&self, x: VecRef<'_, Complex<R>>, y: VecRef<'_, Complex<R>>) -> Result<Complex<R>> {
        check::same_len(x.len(), y.len())?;
        Ok(narrow(dot_wide(false, x, y)))
    }

    fn dotc(&self, x: VecRef<'_, Complex<R>>, y: VecRef<'_, Complex<R>>) -> Result<Complex<R>> {
        check::same_len(x.len(), y.len())?;
        Ok(narrow(dot_wide(true, x, y)))
    }

    fn nrm2(&self, x: VecRef<'_, Complex<R>>) -> Result<R> {
        Ok(nrm2(x))
    }

    fn asum(&self, x: VecRef<'_, Complex<R>>) -> Result<R> {
        Ok(R::from_f64(asum_wide(x)))
    }

    fn iamax(&self, x: VecRef<'_, Complex<R>>) -> Result<Option<usize>> {
        Ok(iamax(x, 0).map(|(i, _)| i))
    }

    fn sum(&self, x: VecRef<'_, Complex<R>>) -> Result<Complex<R>> {
        Ok(narrow(sum_wide(x)))
    }
}

/// The exact `sum x_i * y_i` (with `conj(x_i)` if `conj`), one
/// accumulator per component (see
/// [`crate::exact::reduce_parts_elementwise`]).
pub fn exact_dot<R: Scalar>(
    conj: bool,
    x: VecRef<'_, Complex<R>>,
    y: VecRef<'_, Complex<R>>,
) -> [ExactSum; 2]
where
    Complex<R>: Element,
{
    crate::exact::reduce_parts_elementwise(Reduction::Dot, conj, x, y)
}

/// The reproducible reductions: correctly rounded, per component.
impl<R: Scalar, B: Level1<Complex<R>>> Level1<Complex<R>> for Reproducible<B>
where
    Complex<R>: Element<Real = R>,
{
    fn axpy(
        &self,
        alpha: Complex<R>,
        x: VecRef<'_, Complex<R>>,
        y: VecMut<'_, Complex<R>>,
    ) -> Result<()> {
        self.inner().axpy(alpha, x, y)
    }
    fn scal(&self, alpha: Complex<R>, x: VecMut<'_, Complex<R>>) -> Result<()> {
        self.inner().scal(alpha, x)
    }
    fn copy(&self, x: VecRef<'_, Complex<R>>, y: VecMut<'_, Complex<R>>) -> Result<()> {
        self.inner().copy(x, y)
    }
    fn swap(&self, x: VecMut<'_, Complex<R>>, y: VecMut<'_, Complex<R>>) -> Result<()> {
        self.inner().swap(x, y)
    }
    fn dot(&self, x: VecRef<'_, Complex<R>>, y: VecRef<'_, Complex<R>>) -> Result<Complex<R>> {
        if !self.is_on() {
            return self.inner().dot(x, y);
        }
        rounded_parts(
            self.inner()
                .reduce_exact_parts(Reduction::Dot, false, x, y)?,
        )
    }
    fn dotc(&self, x: VecRef<'_, Complex<R>>, y: VecRef<'_, Complex<R>>) -> Result<Complex<R>> {
        if !self.is_on() {
            return self.inner().dotc(x, y);
        }
        rounded_parts(
            self.inner()
                .reduce_exact_parts(Reduction::Dot, true, x, y)?,
        )
    }
    fn nrm2(&self, x: VecRef<'_, Complex<R>>) -> Result<R> {
        if !self.is_on() {
            return self.inner().nrm2(x);
        }
        let [ssq, _] = self
            .inner()
            .reduce_exact_parts(Reduction::SumSq, false, x, x)?;
        Ok(sqrt_to(&ssq))
    }
    fn asum(&self, x: VecRef<'_, Complex<R>>) -> Result<R> {
        if !self.is_on() {
            return self.inner().asum(x);
        }
        let [acc, _] = self
            .inner()
            .reduce_exact_parts(Reduction::Asum, false, x, x)?;
        Ok(round_to(&acc))
    }
    fn iamax(&self, x: VecRef<'_, Complex<R>>) -> Result<Option<usize>> {
        self.inner().iamax(x)
    }
    fn sum(&self, x: VecRef<'_, Complex<R>>) -> Result<Complex<R>> {
        if !self.is_on() {
            return self.inner().sum(x);
        }
        rounded_parts(
            self.inner()
                .reduce_exact_parts(Reduction::Sum, false, x, x)?,
        )
    }
    fn reduce_exact_parts(
        &self,
        what: Reduction,
        conj: bool,
        x: VecRef<'_, Complex<R>>,
        y: VecRef<'_, Complex<R>>,
    ) -> Result<[ExactSum; 2]> {
        self.inner().reduce_exact_parts(what, conj, x, y)
    }
}

/// Each component's accumulator correctly rounded.
fn rounded_parts<R: Scalar>([re, im]: [ExactSum; 2]) -> Result<Complex<R>> {
    Ok(Complex::new(round_to(&re), round_to(&im)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::backend::{Level2, Level3};
    use crate::repro::Reproducible;
    use crate::view::{MatMut, MatRef};

    type C = Complex<f64>;

    #[test]
    fn serial_complex_level1() {
        let x = [C::new(3.0, -4.0), C::new(-1.0, 2.0), C::new(0.5, 0.0)];
        let y = [C::new(1.0, 1.0), C::new(0.0, -1.0), C::new(2.0, 0.0)];
        let (xv, yv) = (VecRef::from_slice(&x), VecRef::from_slice(&y));
        let s = Serial;
        // dotu: (3-4i)(1+i) + (-1+2i)(-i) + 0.5*2 = (7-i) + (2+i) + 1.
        assert_eq!(s.dot(xv, yv).unwrap(), C::new(10.0, 0.0));
        // dotc: (3+4i)(1+i) + (-1-2i)(-i) + 1 = (-1+7i) + (-2+i) + 1.
        assert_eq!(s.dotc(xv, yv).unwrap(), C::new(-2.0, 8.0));
        assert_eq!(s.asum(xv).unwrap(), 10.5);
        assert_eq!(s.iamax(xv).unwrap(), Some(0));
        assert!((s.nrm2(xv).unwrap() - 30.25f64.sqrt()).abs() < 1e-15);
        // No overflow in nrm2.
        let big = [C::new(3e300, 4e300)];
        assert!((s.nrm2(VecRef::from_slice(&big)).unwrap() / 5e300 - 1.0).abs() < 1e-15);
        // A NaN in either component wins iamax.
        let n = [
            C::new(9.0, 0.0),
            C::new(0.0, f64::NAN),
            C::new(f64::NAN, 0.0),
        ];
        assert_eq!(s.iamax(VecRef::from_slice(&n)).unwrap(), Some(1));
        assert!(s.nrm2(VecRef::from_slice(&n)).unwrap().is_nan());
    }

    #[test]
    fn reproducible_complex_reductions_are_correctly_rounded() {
        type C32 = Complex<f32>;
        let r = Reproducible::new(Serial);
        // 2^24 + 1 + 1 - 2^24 is 2 exactly; any f32 order loses the ones.
        let big = 16_777_216.0f32;
        let x = [
            C32::new(big, 1.0),
            C32::new(1.0, big),
            C32::new(1.0, -big),
            C32::new(-big, 1.0),
        ];
        let ones = [C32::new(1.0, 0.0); 4];
        let (xv, ov) = (VecRef::from_slice(&x), VecRef::from_slice(&ones));
        assert_eq!(r.sum(xv).unwrap(), C32::new(2.0, 2.0));
        assert_eq!(r.dot(xv, ov).unwrap(), C32::new(2.0, 2.0));
        // dotc against i: conj(x) * i = i*re + im.
        let i4 = [C32::new(0.0, 1.0); 4];
        assert_eq!(
            r.dotc(xv, VecRef::from_slice(&i4)).unwrap(),
            C32::new(2.0, 2.0)
        );
        assert_eq!(r.asum(xv).unwrap(), 4.0 * (big + 1.0));
        let n = [C32::new(3.0, 4.0)];
        assert_eq!(r.nrm2(VecRef::from_slice(&n)).unwrap(), 5.0);
        // The same bits as the sum computed in the other order.
        let rev: Vec<C32> = x.iter().rev().copied().collect();
        assert_eq!(r.sum(VecRef::from_slice(&rev)).unwrap(), r.sum(xv).unwrap());
    }

    #[test]
    fn serial_gerc_and_conjugated_gemm() {
        let x = [C::new(1.0, 2.0), C::new(0.0, 1.0)];
        let y = [C::new(3.0, -1.0)];
        let mut a = [C::ZERO; 2];
        Serial
            .gerc(
                C::ONE,
                VecRef::from_slice(&x),
                VecRef::from_slice(&y),
                MatMut::col_major(&mut a, 2, 1, 2).unwrap(),
            )
            .unwrap();
        assert_eq!(a, [x[0] * y[0].conj(), x[1] * y[0].conj()]);
        // A^H * A through a conjugated view.
        let m = [C::new(1.0, 1.0), C::new(2.0, -1.0)];
        let mv = MatRef::col_major(&m, 2, 1, 2).unwrap();
        let mut c = [C::ZERO];
        Serial
            .gemm(
                C::ONE,
                mv.h(),
                mv,
                C::ZERO,
                MatMut::col_major(&mut c, 1, 1, 1).unwrap(),
            )
            .unwrap();
        assert_eq!(c, [C::new(7.0, 0.0)]);
    }
}
