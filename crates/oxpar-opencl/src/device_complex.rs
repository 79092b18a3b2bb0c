//! The device trait family for complex buffers (`DeviceBuffer<Complex<f32>>`,
//! `DeviceBuffer<Complex<f64>>`): the same checks and quick returns as the
//! real operations in `ops.rs`, then the complex kernels of
//! `complex_ops.rs`. A conjugated matrix view ([`DeviceMat::h`],
//! [`DeviceMat::conj`]) reaches the kernel as a flag.
//!
//! Reproducible complex reductions reuse the real exact machinery: the real
//! exact kernel runs on each component of the buffer (seen as a real buffer
//! with doubled offsets and strides), and a complex product's component is
//! two exact real products, merged without rounding (one accumulator per
//! component, as oxpar-core's reproducible mode on the host).

use oxpar_core::backend::check;
use oxpar_core::exact::{round_to, sqrt_to, ExactSum, Reduction, LIMBS};
use oxpar_core::{Complex, Element, Error, Result, Scalar};

use crate::builtins::{long, Arg};
use crate::complex_ops::{is_one, is_zero, CMat, CVec};
use crate::{
    DeviceElement, DeviceLevel1, DeviceLevel2, DeviceLevel3, DeviceMat, DeviceMatMut, DeviceScalar,
    DeviceVec, DeviceVecMut, OpenClBackend, SwitchableDevice,
};

fn cv<'a, R: DeviceScalar>(v: &DeviceVec<'a, Complex<R>>) -> CVec<'a>
where
    Complex<R>: DeviceElement,
{
    CVec {
        mem: v.buf.mem(),
        len: v.layout.len,
        off: v.layout.offset,
        inc: v.layout.stride,
    }
}

fn cm<'a, R: DeviceScalar>(a: &DeviceMat<'a, Complex<R>>) -> CMat<'a>
where
    Complex<R>: DeviceElement,
{
    CMat {
        mem: a.buf.mem(),
        rows: a.layout.rows,
        cols: a.layout.cols,
        off: a.layout.offset,
        rs: a.layout.rs,
        cs: a.layout.cs,
        conj: a.conj,
    }
}

fn czero<R: Scalar>() -> Complex<R> {
    Complex::new(R::zero(), R::zero())
}

/// `-acc`, exactly: the limbs negated and the infinities' signs swapped
/// (what adding every term with the opposite sign would have given).
fn negated(acc: &ExactSum) -> Result<ExactSum> {
    let mut w = acc.to_words();
    for l in &mut w[..LIMBS] {
        *l = -*l;
    }
    w.swap(LIMBS + 1, LIMBS + 2);
    ExactSum::from_words(&w)
        .ok_or_else(|| Error::internal("negating an exact accumulator gave a malformed one"))
}

impl OpenClBackend {
    /// The reduction `what` of the complex `x` (and `y`, for
    /// [`Reduction::Dot`]: `x . y`, or `conj(x) . y` with `conj`) into exact
    /// accumulators, one per component, without any rounding: `[re, im]`
    /// for `Dot` and `Sum`; for `Asum` (`sum |re| + |im|`) and `SumSq`
    /// (`sum |x_i|^2`, nrm2's) the whole sum in the first and an empty second.
    /// Round with [`oxpar_core::exact::round_to`] (per component) or
    /// [`oxpar_core::exact::sqrt_to`]: the same bits as oxpar-core's
    /// reproducible mode gives on the host. `y` is required for `Dot` (an
    /// [`ErrorKind::InvalidArgument`](oxpar_core::ErrorKind) error names it
    /// when missing) and ignored otherwise.
    ///
    /// Runs the real exact kernel on each component (two to four launches),
    /// so the device's floating-point arithmetic plays no part.
    pub fn reduce_exact_complex<R: DeviceScalar>(
        &self,
        what: Reduction,
        conj: bool,
        x: DeviceVec<'_, Complex<R>>,
        y: Option<DeviceVec<'_, Complex<R>>>,
    ) -> Result<[ExactSum; 2]>
    where
        Complex<R>: DeviceElement,
    {
        self.owns(x.buf, "x")?;
        let y = if what.needs_y() {
            let y = y.ok_or_else(|| {
                Error::invalid_argument("y", "is required for Reduction::Dot (x . y)")
            })?;
            self.owns(y.buf, "y")?;
            check::same_len(x.len(), y.len())?;
            y
        } else {
            x
        };
        let n = x.len();
        if n == 0 {
            return Ok([ExactSum::new(), ExactSum::new()]);
        }
        // Component `c` (0: re, 1: im) of a vector as real arguments.
        fn comp<'a, R: DeviceScalar>(v: &DeviceVec<'a, Complex<R>>, c: usize) -> [Arg<'a>; 3]
        where
            Complex<R>: DeviceElement,
        {
            [
                Arg::Mem(v.buf.mem()),
                long(2 * v.layout.offset + c),
                long(2 * v.layout.stride),
            ]
        }
        let one =
            |what: Reduction, c: usize| self.exact_raw::<R>(what, n, comp(&x, c), comp(&x, c));
        let prod = |cx: usize, cy: usize| {
            self.exact_raw::<R>(Reduction::Dot, n, comp(&x, cx), comp(&y, cy))
        };
        match what {
            Reduction::Dot => {
                // (a + bi)(c + di) = ac - bd + (ad + bc)i; conj(x): b -> -b.
                let (mut re, bd) = (prod(0, 0)?, prod(1, 1)?);
                let (mut im, bc) = (prod(0, 1)?, prod(1, 0)?);
                if conj {
                    re.merge(&bd);
                    im.merge(&negated(&bc)?);
                } else {
                    re.merge(&negated(&bd)?);
                    im.merge(&bc);
                }
                Ok([re, im])
            }
            Reduction::Sum => Ok([one(Reduction::Sum, 0)?, one(Reduction::Sum, 1)?]),
            Reduction::Asum | Reduction::SumSq => {
                let mut s = one(what, 0)?;
                s.merge(&one(what, 1)?);
                Ok([s, ExactSum::new()])
            }
        }
    }
}

impl OpenClBackend {
    /// [`scal_real`](OpenClBackend::scal_real) on a device buffer: `x :=
    /// alpha*x` with a real `alpha`, each component times `alpha` (BLAS's
    /// `csscal`, `zdscal`).
    pub fn scal_real_device<R: DeviceScalar>(
        &self,
        alpha: R,
        x: DeviceVecMut<'_, Complex<R>>,
    ) -> Result<()>
    where
        Complex<R>: DeviceElement,
    {
        self.owns(x.buf, "x")?;
        if x.is_empty() {
            return Ok(());
        }
        self.c_scal(Complex::new(alpha, R::zero()), true, cv(&x.as_ref()))
    }
}

impl<R: DeviceScalar> DeviceLevel1<Complex<R>> for OpenClBackend
where
    Complex<R>: DeviceElement + Element<Real = R>,
{
    fn axpy(
        &self,
        alpha: Complex<R>,
        x: DeviceVec<'_, Complex<R>>,
        y: DeviceVecMut<'_, Complex<R>>,
    ) -> Result<()> {
        self.owns(x.buf, "x")?;
        self.owns(y.buf, "y")?;
        check::same_len(x.len(), y.len())?;
        if x.is_empty() || is_zero(alpha) {
            return Ok(());
        }
        self.c_axpy(alpha, cv(&x), cv(&y.as_ref()))
    }
    fn scal(&self, alpha: Complex<R>, x: DeviceVecMut<'_, Complex<R>>) -> Result<()> {
        self.owns(x.buf, "x")?;
        if x.is_empty() {
            return Ok(());
        }
        self.c_scal(alpha, false, cv(&x.as_ref()))
    }
    fn copy(&self, x: DeviceVec<'_, Complex<R>>, y: DeviceVecMut<'_, Complex<R>>) -> Result<()> {
        self.owns(x.buf, "x")?;
        self.owns(y.buf, "y")?;
        check::same_len(x.len(), y.len())?;
        if x.is_empty() {
            return Ok(());
        }
        self.c_copy_or_swap::<R>(false, cv(&x), cv(&y.as_ref()))
    }
    fn swap(&self, x: DeviceVecMut<'_, Complex<R>>, y: DeviceVecMut<'_, Complex<R>>) -> Result<()> {
        self.owns(x.buf, "x")?;
        self.owns(y.buf, "y")?;
        check::same_len(x.len(), y.len())?;
        if x.is_empty() {
            return Ok(());
        }
        self.c_copy_or_swap::<R>(true, cv(&x.as_ref()), cv(&y.as_ref()))
    }
    /// `x . y` (`dotu`): per-component sums per work-item and work-group,
    /// the partials added on the host in group order.
    fn dot(
        &self,
        x: DeviceVec<'_, Complex<R>>,
        y: DeviceVec<'_, Complex<R>>,
    ) -> Result<Complex<R>> {
        self.owns(x.buf, "x")?;
        self.owns(y.buf, "y")?;
        check::same_len(x.len(), y.len())?;
        if x.is_empty() {
            return Ok(czero());
        }
        self.c_dot(false, cv(&x), cv(&y))
    }
    /// `conj(x) . y`, reduced as [`dot`](DeviceLevel1::dot).
    fn dotc(
        &self,
        x: DeviceVec<'_, Complex<R>>,
        y: DeviceVec<'_, Complex<R>>,
    ) -> Result<Complex<R>> {
        self.owns(x.buf, "x")?;
        self.owns(y.buf, "y")?;
        check::same_len(x.len(), y.len())?;
        if x.is_empty() {
            return Ok(czero());
        }
        self.c_dot(true, cv(&x), cv(&y))
    }
    /// The norm of the 2n components, overflow- and underflow-safe as the
    /// real nrm2 (Blue's scaled sums; for `c32` on a device with double
    /// precision the plain sum of squares in double).
    fn nrm2(&self, x: DeviceVec<'_, Complex<R>>) -> Result<R> {
        self.owns(x.buf, "x")?;
        if x.is_empty() {
            return Ok(R::zero());
        }
        self.c_nrm2(cv(&x))
    }
    fn asum(&self, x: DeviceVec<'_, Complex<R>>) -> Result<R> {
        self.owns(x.buf, "x")?;
        if x.is_empty() {
            return Ok(R::zero());
        }
        self.c_asum(cv(&x))
    }
    fn iamax(&self, x: DeviceVec<'_, Complex<R>>) -> Result<Option<usize>> {
        self.owns(x.buf, "x")?;
        if x.is_empty() {
            return Ok(None);
        }
        self.c_iamax::<R>(cv(&x))
    }
    fn sum(&self, x: DeviceVec<'_, Complex<R>>) -> Result<Complex<R>> {
        self.owns(x.buf, "x")?;
        if x.is_empty() {
            return Ok(czero());
        }
        self.c_sum(cv(&x))
    }
    /// An [`ErrorKind::Unsupported`](oxpar_core::ErrorKind) error: a
    /// complex reduction needs an accumulator per component, which
    /// [`OpenClBackend::reduce_exact_complex`] gives.
    fn reduce_exact(
        &self,
        _what: Reduction,
        _x: DeviceVec<'_, Complex<R>>,
        _y: Option<DeviceVec<'_, Complex<R>>>,
    ) -> Result<ExactSum> {
        Err(Error::unsupported(
            "one exact accumulator for complex data: use reduce_exact_complex",
        ))
    }
}

impl<R: DeviceScalar> DeviceLevel2<Complex<R>> for OpenClBackend
where
    Complex<R>: DeviceElement + Element<Real = R>,
{
    /// `y := alpha*A*x + beta*y`, one row of `A` per work-item (pass `a.t()`
    /// for `A^T`, `a.h()` for `A^H`). With `beta == 0`, `y` is not read; with
    /// `alpha == 0`, `A` and `x` are not read.
    fn gemv(
        &self,
        alpha: Complex<R>,
        a: DeviceMat<'_, Complex<R>>,
        x: DeviceVec<'_, Complex<R>>,
        beta: Complex<R>,
        y: DeviceVecMut<'_, Complex<R>>,
    ) -> Result<()> {
        self.owns(a.buf, "a")?;
        self.owns(x.buf, "x")?;
        self.owns(y.buf, "y")?;
        let (m, n) = (a.nrows(), a.ncols());
        check::gemv((m, n), x.len(), y.len())?;
        let no_product = is_zero(alpha) || n == 0;
        if m == 0 || (no_product && is_one(beta)) {
            return Ok(());
        }
        let y = y.as_ref();
        if no_product {
            return self.c_scale_beta(beta, cv(&y));
        }
        self.c_gemv(alpha, cm(&a), cv(&x), beta, cv(&y))
    }
    fn ger(
        &self,
        alpha: Complex<R>,
        x: DeviceVec<'_, Complex<R>>,
        y: DeviceVec<'_, Complex<R>>,
        a: DeviceMatMut<'_, Complex<R>>,
    ) -> Result<()> {
        self.device_cger(alpha, x, y, false, a)
    }
    fn gerc(
        &self,
        alpha: Complex<R>,
        x: DeviceVec<'_, Complex<R>>,
        y: DeviceVec<'_, Complex<R>>,
        a: DeviceMatMut<'_, Complex<R>>,
    ) -> Result<()> {
        self.device_cger(alpha, x, y, true, a)
    }
}

impl OpenClBackend {
    fn device_cger<R: DeviceScalar>(
        &self,
        alpha: Complex<R>,
        x: DeviceVec<'_, Complex<R>>,
        y: DeviceVec<'_, Complex<R>>,
        conj_y: bool,
        a: DeviceMatMut<'_, Complex<R>>,
    ) -> Result<()>
    where
        Complex<R>: DeviceElement,
    {
        self.owns(x.buf, "x")?;
        self.owns(y.buf, "y")?;
        self.owns(a.buf, "a")?;
        let (m, n) = (a.nrows(), a.ncols());
        check::ger(x.len(), y.len(), (m, n))?;
        if m == 0 || n == 0 || is_zero(alpha) {
            return Ok(());
        }
        self.c_ger(alpha, cv(&x), cv(&y), conj_y, cm(&a.as_ref()))
    }
}

impl<R: DeviceScalar> DeviceLevel3<Complex<R>> for OpenClBackend
where
    Complex<R>: DeviceElement + Element<Real = R>,
{
    /// `C := alpha*op(A)*op(B) + beta*C`, `op` each of `N`, `T` (`t()`) and
    /// `C` (`h()`), any element strides: tiles in local memory (64 x 64
    /// blocks of C per work-group of 16 x 16, each work-item a 4 x 4
    /// register block, operands conjugated as they are staged), or one
    /// work-item per element of C where that does not fit the device. With
    /// `beta == 0`, `C` is not read; with `alpha == 0` or an inner dimension
    /// of 0, `A` and `B` are not read.
    fn gemm(
        &self,
        alpha: Complex<R>,
        a: DeviceMat<'_, Complex<R>>,
        b: DeviceMat<'_, Complex<R>>,
        beta: Complex<R>,
        c: DeviceMatMut<'_, Complex<R>>,
    ) -> Result<()> {
        self.owns(a.buf, "a")?;
        self.owns(b.buf, "b")?;
        self.owns(c.buf, "c")?;
        let (m, k, n) = (a.nrows(), a.ncols(), b.ncols());
        check::gemm((m, k), (b.nrows(), n), (c.nrows(), c.ncols()))?;
        let no_product = is_zero(alpha) || k == 0;
        if m == 0 || n == 0 || (no_product && is_one(beta)) {
            return Ok(());
        }
        let c = c.as_ref();
        if no_product {
            return self.c_scale_beta_mat(beta, cm(&c));
        }
        self.c_gemm(alpha, cm(&a), cm(&b), beta, cm(&c))
    }
}

/// Reproducible complex reductions: while the switch is on, `dot`, `dotc`,
/// `nrm2`, `asum` and `sum` come from [`OpenClBackend::reduce_exact_complex`]
/// rounded once per component.
impl<R: DeviceScalar> DeviceLevel1<Complex<R>> for SwitchableDevice
where
    Complex<R>: DeviceElement + Element<Real = R>,
{
    fn axpy(
        &self,
        alpha: Complex<R>,
        x: DeviceVec<'_, Complex<R>>,
        y: DeviceVecMut<'_, Complex<R>>,
    ) -> Result<()> {
        DeviceLevel1::axpy(self.backend(), alpha, x, y)
    }
    fn scal(&self, alpha: Complex<R>, x: DeviceVecMut<'_, Complex<R>>) -> Result<()> {
        DeviceLevel1::scal(self.backend(), alpha, x)
    }
    fn copy(&self, x: DeviceVec<'_, Complex<R>>, y: DeviceVecMut<'_, Complex<R>>) -> Result<()> {
        DeviceLevel1::copy(self.backend(), x, y)
    }
    fn swap(&self, x: DeviceVecMut<'_, Complex<R>>, y: DeviceVecMut<'_, Complex<R>>) -> Result<()> {
        DeviceLevel1::swap(self.backend(), x, y)
    }
    fn dot(
        &self,
        x: DeviceVec<'_, Complex<R>>,
        y: DeviceVec<'_, Complex<R>>,
    ) -> Result<Complex<R>> {
        if self.is_reproducible() {
            let [re, im] =
                self.backend()
                    .reduce_exact_complex(Reduction::Dot, false, x, Some(y))?;
            return Ok(Complex::new(round_to(&re), round_to(&im)));
        }
        DeviceLevel1::dot(self.backend(), x, y)
    }
    fn dotc(
        &self,
        x: DeviceVec<'_, Complex<R>>,
        y: DeviceVec<'_, Complex<R>>,
    ) -> Result<Complex<R>> {
        if self.is_reproducible() {
            let [re, im] = self
                .backend()
                .reduce_exact_complex(Reduction::Dot, true, x, Some(y))?;
            return Ok(Complex::new(round_to(&re), round_to(&im)));
        }
        DeviceLevel1::dotc(self.backend(), x, y)
    }
    fn nrm2(&self, x: DeviceVec<'_, Complex<R>>) -> Result<R> {
        if self.is_reproducible() {
            let [s, _] = self
                .backend()
                .reduce_exact_complex(Reduction::SumSq, false, x, None)?;
            return Ok(sqrt_to(&s));
        }
        DeviceLevel1::nrm2(self.backend(), x)
    }
    fn asum(&self, x: DeviceVec<'_, Complex<R>>) -> Result<R> {
        if self.is_reproducible() {
            let [s, _] = self
                .backend()
                .reduce_exact_complex(Reduction::Asum, false, x, None)?;
            return Ok(round_to(&s));
        }
        DeviceLevel1::asum(self.backend(), x)
    }
    fn iamax(&self, x: DeviceVec<'_, Complex<R>>) -> Result<Option<usize>> {
        DeviceLevel1::iamax(self.backend(), x)
    }
    fn sum(&self, x: DeviceVec<'_, Complex<R>>) -> Result<Complex<R>> {
        if self.is_reproducible() {
            let [re, im] = self
                .backend()
                .reduce_exact_complex(Reduction::Sum, false, x, None)?;
            return Ok(Complex::new(round_to(&re), round_to(&im)));
        }
        DeviceLevel1::sum(self.backend(), x)
    }
    /// An error, as the backend's: see [`OpenClBackend::reduce_exact_complex`].
    fn reduce_exact(
        &self,
        _what: Reduction,
        _x: DeviceVec<'_, Complex<R>>,
        _y: Option<DeviceVec<'_, Complex<R>>>,
    ) -> Result<ExactSum> {
        Err(Error::unsupported(
            "one exact accumulator for complex data: use reduce_exact_complex",
        ))
    }
}

impl<R: DeviceScalar> DeviceLevel2<Complex<R>> for SwitchableDevice
where
    Complex<R>: DeviceElement + Element<Real = R>,
{
    fn gemv(
        &self,
        alpha: Complex<R>,
        a: DeviceMat<'_, Complex<R>>,
        x: DeviceVec<'_, Complex<R>>,
        beta: Complex<R>,
        y: DeviceVecMut<'_, Complex<R>>,
    ) -> Result<()> {
        DeviceLevel2::gemv(self.backend(), alpha, a, x, beta, y)
    }
    fn ger(
        &self,
        alpha: Complex<R>,
        x: DeviceVec<'_, Complex<R>>,
        y: DeviceVec<'_, Complex<R>>,
        a: DeviceMatMut<'_, Complex<R>>,
    ) -> Result<()> {
        DeviceLevel2::ger(self.backend(), alpha, x, y, a)
    }
    fn gerc(
        &self,
        alpha: Complex<R>,
        x: DeviceVec<'_, Complex<R>>,
        y: DeviceVec<'_, Complex<R>>,
        a: DeviceMatMut<'_, Complex<R>>,
    ) -> Result<()> {
        DeviceLevel2::gerc(self.backend(), alpha, x, y, a)
    }
}

impl<R: DeviceScalar> DeviceLevel3<Complex<R>> for SwitchableDevice
where
    Complex<R>: DeviceElement + Element<Real = R>,
{
    fn gemm(
        &self,
        alpha: Complex<R>,
        a: DeviceMat<'_, Complex<R>>,
        b: DeviceMat<'_, Complex<R>>,
        beta: Complex<R>,
        c: DeviceMatMut<'_, Complex<R>>,
    ) -> Result<()> {
        DeviceLevel3::gemm(self.backend(), alpha, a, b, beta, c)
    }
}
