//! BLAS-style operations on device buffers: the built-in kernels, launched
//! on views of [`DeviceBuffer`]s with no host round trip (reductions read
//! back one small partial result per work-group).
//!
//! Every operation checks that its buffers belong to this backend and that
//! shapes agree (the same errors as the host path), then returns without
//! launching anything when there is nothing to do. Semantics are those of
//! oxpar-core's [`Level1`](oxpar_core::Level1), [`Level2`](oxpar_core::Level2)
//! and [`Level3`](oxpar_core::Level3): quick returns for `alpha == 0`, `beta
//! == 0` does not read the output, NaN propagates.

use ocl::OclPrm;
use oxpar_core::backend::check;
use oxpar_core::exact::{ExactSum, Reduction, LIMBS, WORDS};
use oxpar_core::{DType, Error, Result, Scalar};

use crate::builtins::{exact_window, long, real, Arg, Builtins};
use crate::{
    err, DeviceLevel1, DeviceLevel2, DeviceLevel3, DeviceMat, DeviceMatMut, DeviceScalar,
    DeviceVec, DeviceVecMut, OpenClBackend,
};

/// Most work-groups an element-wise kernel gets (it loops over the rest).
/// Unbounded, so each work-item handles one element: PoCL vectorizes across
/// work-items but not along a grid-stride loop (saxpy at n = 10^7 ran at
/// 2-3 GB/s with 4096 groups against 60+ GB/s with one item per element).
pub(crate) const ELEMENTWISE_GROUPS: usize = usize::MAX;
/// Most work-groups (so partial results) a reduction gets.
const REDUCTION_GROUPS: usize = 512;

/// Elements each work-item of the exact kernel adds, at least, before more
/// work-groups are started: a work-item's fixed cost (clearing, carrying and
/// summing its 27 or 143 words) is worth several dozen elements.
const EXACT_MIN_PER_ITEM: usize = 64;
/// Work-groups of the exact kernel per compute unit, at most (and at most
/// [`REDUCTION_GROUPS`] in all): enough to fill a GPU, few partials to add.
const EXACT_GROUPS_PER_UNIT: usize = 4;
/// Local memory the exact kernel's group sum uses, at most (and at most half
/// of what the device has).
const EXACT_LOCAL_BYTES: u64 = 32 * 1024;
/// The largest work-group of the exact kernel. Each work-item holds its own
/// accumulator (27 longs for f32, 143 for f64) in private memory.
const EXACT_MAX_WG: usize = 256;

/// The code of a reduction in `exact.cl` (`OXPAR_RED_*`).
pub(crate) fn reduction_code(what: Reduction) -> i64 {
    match what {
        Reduction::Sum => 0,
        Reduction::Asum => 1,
        Reduction::Dot => 2,
        Reduction::SumSq => 3,
    }
}

/// Blue's constants for a scaled sum of squares, as in LAPACK 3.10's nrm2:
/// `(tsml, tbig, ssml, sbig)`, powers of two from the type's exponent range.
pub(crate) fn blue<T: Scalar>() -> (T, T, T, T) {
    let p = |e: i32| T::from_f64(2f64.powi(e));
    // A Scalar is f32 or f64: no complex tag reaches here.
    if T::DTYPE == DType::F32 {
        (p(-63), p(52), p(75), p(-76))
    } else {
        (p(-511), p(486), p(537), p(-538))
    }
}

/// The norm from the three sums of Blue's algorithm (LAPACK's final step).
pub(crate) fn blue_combine<T: Scalar>(asml: T, amed: T, abig: T) -> T {
    let (_, _, ssml, sbig) = blue::<T>();
    let med_counts = amed > T::zero() || amed.is_nan();
    if abig > T::zero() {
        // Medium values matter only next to big ones when they are not negligible.
        let abig = if med_counts {
            abig + (amed * sbig) * sbig
        } else {
            abig
        };
        (T::one() / sbig) * abig.sqrt()
    } else if asml > T::zero() {
        if med_counts {
            let amed = amed.sqrt();
            let asml = asml.sqrt() / ssml;
            let (ymin, ymax) = if asml > amed {
                (amed, asml)
            } else {
                (asml, amed)
            };
            ymax * (T::one() + (ymin / ymax) * (ymin / ymax)).sqrt()
        } else {
            asml.sqrt() / ssml
        }
    } else {
        amed.sqrt()
    }
}

/// iamax's order on candidates (index `None`: no candidate).
pub(crate) fn iamax_better<T: Scalar>(va: T, ia: Option<usize>, vb: T, ib: Option<usize>) -> bool {
    match (ia, ib) {
        (None, _) => false,
        (Some(_), None) => true,
        (Some(ia), Some(ib)) => match (va.is_nan(), vb.is_nan()) {
            (true, true) => ia < ib,
            (true, false) => true,
            (false, true) => false,
            _ if va != vb => va > vb,
            _ => ia < ib,
        },
    }
}

/// The start offsets for the `_unit` element-wise kernels, when they apply:
/// every vector has stride 1, or every one stride -1 (element `i` of each
/// then pairs with element `i` of the others just the same when all are
/// walked forwards from their lowest index), or the vectors have at most
/// one element (whose stride is never used).
fn unit_starts<const K: usize>(layouts: [crate::VecLayout; K]) -> Option<[Arg<'static>; K]> {
    let n = layouts.first()?.len;
    let all = |s: isize| layouts.iter().all(|l| l.stride == s);
    let back = if n <= 1 || all(1) {
        0
    } else if all(-1) {
        n - 1
    } else {
        return None;
    };
    // offset - (n-1) >= 0: the layouts were checked against their buffers.
    Some(layouts.map(|l| long(l.offset - back)))
}

fn vec_args<'a, T: DeviceScalar>(v: &DeviceVec<'a, T>) -> [Arg<'a>; 3] {
    [
        Arg::Mem(v.buf.mem()),
        long(v.layout.offset),
        long(v.layout.stride),
    ]
}

fn mat_args<'a, T: DeviceScalar>(a: &DeviceMat<'a, T>) -> [Arg<'a>; 4] {
    [
        Arg::Mem(a.buf.mem()),
        long(a.layout.offset),
        long(a.layout.rs),
        long(a.layout.cs),
    ]
}

/// The arguments of `oxpar_gemm_cpu` and `oxpar_gemm_gpu<R>` for `C :=
/// alpha*A*B + beta*C` and the shape of the product they compute, or `None`
/// where they do not apply. Either may compute the transposed product
/// instead (`C^T := alpha*B^T*A^T + beta*C^T`, the same elements): the CPU
/// kernel needs its A to have unit row stride (a column is one vector
/// load), so it takes A, or B^T where only B has unit column stride; the GPU
/// kernel stores C along its rows, so it takes the product whose C has the
/// smaller row stride. Both index with `int`: every buffer, size and stride
/// must fit in one.
struct GemmFastArgs<'a> {
    args: [Arg<'a>; 17],
    rows: usize,
    cols: usize,
}

fn gemm_fast_args<'a, T: DeviceScalar>(
    cpu: bool,
    alpha: T,
    a: &DeviceMat<'a, T>,
    b: &DeviceMat<'a, T>,
    beta: T,
    c: &DeviceMat<'a, T>,
) -> Option<GemmFastArgs<'a>> {
    let swap = if cpu {
        match (a.layout.rs, b.layout.cs) {
            (1, _) => false,
            (_, 1) => true,
            _ => return None,
        }
    } else {
        c.layout.cs.unsigned_abs() < c.layout.rs.unsigned_abs()
    };
    let (a, b, c) = if swap {
        let t = |x: &DeviceMat<'a, T>| DeviceMat {
            layout: x.layout.t(),
            ..*x
        };
        (t(b), t(a), t(c))
    } else {
        (*a, *b, *c)
    };
    let fits = |v: usize| i32::try_from(v).is_ok();
    if ![a.buf.len(), b.buf.len(), c.buf.len()]
        .into_iter()
        .all(fits)
    {
        return None;
    }
    let i = |v: usize| i32::try_from(v).ok().map(Arg::Int);
    let s = |v: isize| i32::try_from(v).ok().map(Arg::Int);
    let (m, k, n) = (a.layout.rows, a.layout.cols, b.layout.cols);
    Some(GemmFastArgs {
        args: [
            i(m)?,
            i(n)?,
            i(k)?,
            real(alpha),
            Arg::Mem(a.buf.mem()),
            i(a.layout.offset)?,
            s(a.layout.rs)?,
            s(a.layout.cs)?,
            Arg::Mem(b.buf.mem()),
            i(b.layout.offset)?,
            s(b.layout.rs)?,
            s(b.layout.cs)?,
            real(beta),
            Arg::Mem(c.buf.mem()),
            i(c.layout.offset)?,
            s(c.layout.rs)?,
            s(c.layout.cs)?,
        ],
        rows: m,
        cols: n,
    })
}

impl OpenClBackend {
    /// A device buffer for partial results (contents undefined).
    pub(crate) fn scratch<U: OclPrm>(&self, len: usize) -> Result<ocl::Buffer<U>> {
        ocl::Buffer::<U>::builder()
            .queue(self.shared.queue.clone())
            .len(len.max(1))
            .build()
            .map_err(|e| err::cl("allocating a scratch buffer", &e))
    }

    pub(crate) fn read_back<U: OclPrm>(buf: &ocl::Buffer<U>) -> Result<Vec<U>> {
        let mut v = vec![U::default(); buf.len()];
        buf.read(&mut v)
            .enq()
            .map_err(|e| err::cl("reading partial results", &e))?;
        Ok(v)
    }

    /// Launches a 1-D kernel over `n` items, grid-stride, in at most
    /// `max_groups` work-groups.
    pub(crate) fn launch_1d(
        &self,
        b: &Builtins,
        name: &str,
        n: usize,
        max_groups: usize,
        args: &[Arg<'_>],
    ) -> Result<()> {
        let wg = b.wg(name)?;
        let groups = n.div_ceil(wg).clamp(1, max_groups);
        b.run(&self.shared, name, args, &[groups * wg], Some(&[wg]))
    }

    /// Work-groups and work-group size of a reduction over `n` items.
    pub(crate) fn reduction_shape(b: &Builtins, name: &str, n: usize) -> Result<(usize, usize)> {
        let wg = b.wg(name)?;
        Ok((n.div_ceil(wg).clamp(1, REDUCTION_GROUPS), wg))
    }

    /// `x := beta*x`, zeros without reading x when `beta == 0`.
    fn scale_beta<T: DeviceScalar>(
        &self,
        b: &Builtins,
        beta: T,
        x: DeviceVec<'_, T>,
    ) -> Result<()> {
        let n = x.len();
        let [xm, xo, xs] = vec_args(&x);
        if let Some([xo]) = unit_starts([x.layout]) {
            return self.launch_1d(
                b,
                "oxpar_scale_beta_unit",
                n,
                ELEMENTWISE_GROUPS,
                &[long(n), real(beta), xm, xo],
            );
        }
        self.launch_1d(
            b,
            "oxpar_scale_beta",
            n,
            ELEMENTWISE_GROUPS,
            &[long(n), real(beta), xm, xo, xs],
        )
    }

    /// Runs the reduction kernel `name` over `n` items with `args` followed
    /// by its per-group output and local scratch, then adds the per-group
    /// partial sums on the host in group order (so the result is the same
    /// from run to run).
    ///
    /// Where the device has double precision the kernels accumulate in f64
    /// (f32 data too), the partials are added in f64 and the result is
    /// rounded to `T` once.
    fn sum_of_partials<T: DeviceScalar>(
        &self,
        name: &str,
        n: usize,
        args: Vec<Arg<'_>>,
    ) -> Result<T> {
        let b = self.builtins::<T>()?;
        if b.acc_f64() {
            return Ok(T::from_f64(self.sum_of_partials_f64(&b, name, n, args)?));
        }
        let (groups, wg) = Self::reduction_shape(&b, name, n)?;
        let partial = self.scratch::<T>(groups)?;
        // Shorten the arguments' lifetime to this call, to add the scratch.
        let mut args: Vec<Arg<'_>> = args;
        args.push(Arg::Mem(Some(partial.as_core())));
        args.push(Arg::Local(wg * std::mem::size_of::<T>()));
        b.run(&self.shared, name, &args, &[groups * wg], Some(&[wg]))?;
        Ok(Self::read_back(&partial)?
            .into_iter()
            .fold(T::zero(), |a, v| a + v))
    }

    /// [`sum_of_partials`](Self::sum_of_partials) for kernels built with an
    /// f64 accumulator: the partials' sum in f64, not rounded.
    fn sum_of_partials_f64(
        &self,
        b: &Builtins,
        name: &str,
        n: usize,
        args: Vec<Arg<'_>>,
    ) -> Result<f64> {
        let (groups, wg) = Self::reduction_shape(b, name, n)?;
        let partial = self.scratch::<f64>(groups)?;
        let mut args: Vec<Arg<'_>> = args;
        args.push(Arg::Mem(Some(partial.as_core())));
        args.push(Arg::Local(wg * std::mem::size_of::<f64>()));
        b.run(&self.shared, name, &args, &[groups * wg], Some(&[wg]))?;
        Ok(Self::read_back(&partial)?.into_iter().sum())
    }
}

impl<T: DeviceScalar> DeviceLevel1<T> for OpenClBackend {
    /// `y := alpha*x + y`. With `alpha == 0`, returns at once (x is not read).
    fn axpy(&self, alpha: T, x: DeviceVec<'_, T>, y: DeviceVecMut<'_, T>) -> Result<()> {
        self.owns(x.buf, "x")?;
        self.owns(y.buf, "y")?;
        check::same_len(x.len(), y.len())?;
        let n = x.len();
        if n == 0 || alpha == T::zero() {
            return Ok(());
        }
        let b = self.builtins::<T>()?;
        let y = y.as_ref();
        let [xm, xo, xs] = vec_args(&x);
        let [ym, yo, ys] = vec_args(&y);
        if let Some([xo, yo]) = unit_starts([x.layout, y.layout]) {
            return self.launch_1d(
                &b,
                "oxpar_axpy_unit",
                n,
                ELEMENTWISE_GROUPS,
                &[long(n), real(alpha), xm, xo, ym, yo],
            );
        }
        self.launch_1d(
            &b,
            "oxpar_axpy",
            n,
            ELEMENTWISE_GROUPS,
            &[long(n), real(alpha), xm, xo, xs, ym, yo, ys],
        )
    }

    /// `x := alpha*x` (a plain product: `0 * NaN` is NaN).
    fn scal(&self, alpha: T, x: DeviceVecMut<'_, T>) -> Result<()> {
        self.owns(x.buf, "x")?;
        let n = x.len();
        if n == 0 {
            return Ok(());
        }
        let b = self.builtins::<T>()?;
        let x = x.as_ref();
        let [xm, xo, xs] = vec_args(&x);
        if let Some([xo]) = unit_starts([x.layout]) {
            return self.launch_1d(
                &b,
                "oxpar_scal_unit",
                n,
                ELEMENTWISE_GROUPS,
                &[long(n), real(alpha), xm, xo],
            );
        }
        self.launch_1d(
            &b,
            "oxpar_scal",
            n,
            ELEMENTWISE_GROUPS,
            &[long(n), real(alpha), xm, xo, xs],
        )
    }

    /// `y := x`.
    fn copy(&self, x: DeviceVec<'_, T>, y: DeviceVecMut<'_, T>) -> Result<()> {
        self.owns(x.buf, "x")?;
        self.owns(y.buf, "y")?;
        check::same_len(x.len(), y.len())?;
        let n = x.len();
        if n == 0 {
            return Ok(());
        }
        let b = self.builtins::<T>()?;
        let y = y.as_ref();
        let [xm, xo, xs] = vec_args(&x);
        let [ym, yo, ys] = vec_args(&y);
        if let Some([xo, yo]) = unit_starts([x.layout, y.layout]) {
            return self.launch_1d(
                &b,
                "oxpar_copy_unit",
                n,
                ELEMENTWISE_GROUPS,
                &[long(n), xm, xo, ym, yo],
            );
        }
        self.launch_1d(
            &b,
            "oxpar_copy",
            n,
            ELEMENTWISE_GROUPS,
            &[long(n), xm, xo, xs, ym, yo, ys],
        )
    }

    /// Exchanges `x` and `y`.
    fn swap(&self, x: DeviceVecMut<'_, T>, y: DeviceVecMut<'_, T>) -> Result<()> {
        self.owns(x.buf, "x")?;
        self.owns(y.buf, "y")?;
        check::same_len(x.len(), y.len())?;
        let n = x.len();
        if n == 0 {
            return Ok(());
        }
        let b = self.builtins::<T>()?;
        let (x, y) = (x.as_ref(), y.as_ref());
        let [xm, xo, xs] = vec_args(&x);
        let [ym, yo, ys] = vec_args(&y);
        if let Some([xo, yo]) = unit_starts([x.layout, y.layout]) {
            return self.launch_1d(
                &b,
                "oxpar_swap_unit",
                n,
                ELEMENTWISE_GROUPS,
                &[long(n), xm, xo, ym, yo],
            );
        }
        self.launch_1d(
            &b,
            "oxpar_swap",
            n,
            ELEMENTWISE_GROUPS,
            &[long(n), xm, xo, xs, ym, yo, ys],
        )
    }

    /// `x . y`; 0 for empty vectors. Work-group tree sums, then the partial
    /// sums (at most 512) are added on the host in group order, so the result
    /// is the same from run to run on a device.
    fn dot(&self, x: DeviceVec<'_, T>, y: DeviceVec<'_, T>) -> Result<T> {
        self.owns(x.buf, "x")?;
        self.owns(y.buf, "y")?;
        check::same_len(x.len(), y.len())?;
        let n = x.len();
        if n == 0 {
            return Ok(T::zero());
        }
        let [xm, xo, xs] = vec_args(&x);
        let [ym, yo, ys] = vec_args(&y);
        self.sum_of_partials(
            "oxpar_dot_partial",
            n,
            vec![long(n), xm, xo, xs, ym, yo, ys],
        )
    }

    /// The Euclidean norm, by Blue's scaled sum of squares (LAPACK 3.10's
    /// `nrm2`): magnitudes above `2^52` (f32; `2^486` for f64) are scaled
    /// down and those below `2^-63` (`2^-511`) scaled up before squaring, so
    /// neither huge nor tiny elements overflow or vanish; the three partial
    /// sums per work-group are combined on the host. The result is finite
    /// whenever the true norm is (for fewer than `2^23` elements in f32,
    /// `2^52` in f64, where even a sum of unscaled mid-range squares cannot
    /// overflow). NaN if any element is NaN; otherwise +inf if any is infinite.
    fn nrm2(&self, x: DeviceVec<'_, T>) -> Result<T> {
        self.owns(x.buf, "x")?;
        let n = x.len();
        if n == 0 {
            return Ok(T::zero());
        }
        let b = self.builtins::<T>()?;
        if T::DTYPE == DType::F32 && b.acc_f64() {
            // f32 squares can neither overflow nor vanish in f64: the plain
            // sum of squares in f64, rounded once (NaN and Inf come through).
            let [xm, xo, xs] = vec_args(&x);
            let sumsq =
                self.sum_of_partials_f64(&b, "oxpar_sumsq_partial", n, vec![long(n), xm, xo, xs])?;
            return Ok(T::from_f64(sumsq.sqrt()));
        }
        let name = "oxpar_nrm2_partial";
        let (groups, wg) = Self::reduction_shape(&b, name, n)?;
        let partial = self.scratch::<T>(3 * groups)?;
        let (tsml, tbig, ssml, sbig) = blue::<T>();
        let [xm, xo, xs] = vec_args(&x);
        b.run(
            &self.shared,
            name,
            &[
                long(n),
                xm,
                xo,
                xs,
                real(tsml),
                real(tbig),
                real(ssml),
                real(sbig),
                Arg::Mem(Some(partial.as_core())),
                Arg::Local(wg * std::mem::size_of::<T>()),
            ],
            &[groups * wg],
            Some(&[wg]),
        )?;
        let sums = Self::read_back(&partial)?
            .chunks_exact(3)
            .fold([T::zero(); 3], |acc, c| {
                [acc[0] + c[0], acc[1] + c[1], acc[2] + c[2]]
            });
        Ok(blue_combine(sums[0], sums[1], sums[2]))
    }

    /// [`dot`](DeviceLevel1::dot): conjugation is the identity on real
    /// elements.
    fn dotc(&self, x: DeviceVec<'_, T>, y: DeviceVec<'_, T>) -> Result<T> {
        DeviceLevel1::dot(self, x, y)
    }

    /// The sum of absolute values (reduced as [`dot`](DeviceLevel1::dot)).
    fn asum(&self, x: DeviceVec<'_, T>) -> Result<T> {
        self.owns(x.buf, "x")?;
        let n = x.len();
        if n == 0 {
            return Ok(T::zero());
        }
        let [xm, xo, xs] = vec_args(&x);
        self.sum_of_partials("oxpar_asum_partial", n, vec![long(n), xm, xo, xs])
    }

    /// The 0-based index of the first element of largest absolute value, or
    /// `None` for an empty vector. NaN counts as larger than every number:
    /// the first NaN wins (as oxpar-core's [`Level1::iamax`](oxpar_core::Level1::iamax)).
    fn iamax(&self, x: DeviceVec<'_, T>) -> Result<Option<usize>> {
        self.owns(x.buf, "x")?;
        let n = x.len();
        if n == 0 {
            return Ok(None);
        }
        let b = self.builtins::<T>()?;
        let name = "oxpar_iamax_partial";
        let (groups, wg) = Self::reduction_shape(&b, name, n)?;
        let pval = self.scratch::<T>(groups)?;
        let pidx = self.scratch::<i64>(groups)?;
        let [xm, xo, xs] = vec_args(&x);
        b.run(
            &self.shared,
            name,
            &[
                long(n),
                xm,
                xo,
                xs,
                Arg::Mem(Some(pval.as_core())),
                Arg::Mem(Some(pidx.as_core())),
                Arg::Local(wg * std::mem::size_of::<T>()),
                Arg::Local(wg * std::mem::size_of::<i64>()),
            ],
            &[groups * wg],
            Some(&[wg]),
        )?;
        let vals = Self::read_back(&pval)?;
        let idxs = Self::read_back(&pidx)?;
        let mut best: (T, Option<usize>) = (T::zero(), None);
        for (v, i) in vals.into_iter().zip(idxs) {
            let i = usize::try_from(i).ok();
            if iamax_better(v, i, best.0, best.1) {
                best = (v, i);
            }
        }
        Ok(best.1)
    }

    /// `sum x_i`; 0 for an empty vector: an ordinary floating-point sum,
    /// reduced as [`dot`](DeviceLevel1::dot) (per work-item sums, a tree per
    /// work-group, the partials added on the host in group order), so the
    /// result is the same from run to run on one device but not across
    /// devices or against other backends. For a correctly rounded,
    /// reproducible sum use [`reduce_exact`](DeviceLevel1::reduce_exact)
    /// with [`Reduction::Sum`] and round with
    /// [`oxpar_core::exact::round_to`].
    fn sum(&self, x: DeviceVec<'_, T>) -> Result<T> {
        self.owns(x.buf, "x")?;
        let n = x.len();
        if n == 0 {
            return Ok(T::zero());
        }
        let [xm, xo, xs] = vec_args(&x);
        self.sum_of_partials("oxpar_sum_partial", n, vec![long(n), xm, xo, xs])
    }

    /// Adds the reduction `what` of `x` (and of `y` for [`Reduction::Dot`])
    /// into an exact accumulator on the device, without any rounding: the
    /// device half of reproducible mode (see [`oxpar_core::repro`]). The
    /// accumulator is the same, bit for bit, as
    /// [`oxpar_core::exact::reduce_elementwise`] on the same numbers, and as
    /// every other backend's [`Level1::reduce_exact`](oxpar_core::Level1::reduce_exact);
    /// round it with [`oxpar_core::exact::round_to`] (`dot`, `asum`, `sum`)
    /// or [`oxpar_core::exact::sqrt_to`] (`nrm2`, from [`Reduction::SumSq`]).
    ///
    /// `y` is required for [`Reduction::Dot`] (an
    /// [`ErrorKind::InvalidArgument`](oxpar_core::ErrorKind) error names it
    /// when missing) and must have `x`'s length; for the other reductions it
    /// is ignored (neither checked nor read). An empty `x` gives a zero
    /// accumulator without launching anything. NaN and infinities are counted
    /// by IEEE rules (a NaN operand or `inf * 0` is a NaN; `inf` times a
    /// nonzero number an infinity of the product's sign).
    ///
    /// The kernel (`kernels/exact.cl`) reads elements as raw bits and works
    /// in integers only, so exactness does not depend on the device's
    /// floating-point arithmetic: each work-item adds its elements into a
    /// private long accumulator (`f64`: all 140 limbs; `f32`: the 24 limbs
    /// its products can reach), each work-group adds those in local memory
    /// and writes one flat partial, and the host merges the partials.
    fn reduce_exact(
        &self,
        what: Reduction,
        x: DeviceVec<'_, T>,
        y: Option<DeviceVec<'_, T>>,
    ) -> Result<ExactSum> {
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
            return Ok(ExactSum::new());
        }
        self.exact_raw::<T>(what, n, vec_args(&x), vec_args(&y))
    }
}

impl OpenClBackend {
    /// The exact kernel over `n` elements of type `T` given as buffer,
    /// offset and stride arguments (`y`'s are read for
    /// [`Reduction::Dot`] only): [`DeviceLevel1::reduce_exact`] after its
    /// checks, and the complex reductions on the components of a complex
    /// buffer (seen as `T` with doubled offsets and strides).
    pub(crate) fn exact_raw<T: DeviceScalar>(
        &self,
        what: Reduction,
        n: usize,
        x: [Arg<'_>; 3],
        y: [Arg<'_>; 3],
    ) -> Result<ExactSum> {
        let b = self.builtins::<T>()?;
        let name = "oxpar_exact_partial";
        let info = &self.shared.info;
        // Local memory for the group sum: `chunk` words per work-item.
        let budget = (info.local_mem_bytes / 2).clamp(8, EXACT_LOCAL_BYTES) as usize;
        let word = std::mem::size_of::<i64>();
        let wg = b.wg_at_most(name, (budget / word).min(EXACT_MAX_WG))?;
        let (lo, limbs) = exact_window(T::DTYPE);
        let words = limbs + 3;
        let chunk = (budget / (word * wg)).clamp(1, words);
        let max_groups =
            (EXACT_GROUPS_PER_UNIT * info.compute_units as usize).clamp(1, REDUCTION_GROUPS);
        let groups = n.div_ceil(wg * EXACT_MIN_PER_ITEM).clamp(1, max_groups);
        let partial = self.scratch::<i64>(groups * words)?;
        let [xm, xo, xs] = x;
        let [ym, yo, ys] = y;
        b.run(
            &self.shared,
            name,
            &[
                long(n),
                Arg::Long(reduction_code(what)),
                xm,
                xo,
                xs,
                ym,
                yo,
                ys,
                Arg::Mem(Some(partial.as_core())),
                Arg::Local(chunk * wg * word),
                long(chunk),
            ],
            &[groups * wg],
            Some(&[wg]),
        )?;
        let partials = Self::read_back(&partial)?;
        // Each group's window back into the full layout, then an exact merge.
        let mut acc = ExactSum::new();
        let mut full = [0i64; WORDS];
        for g in partials.chunks_exact(words).take(groups) {
            full[lo..lo + limbs].copy_from_slice(&g[..limbs]);
            full[LIMBS..].copy_from_slice(&g[limbs..]);
            let part = ExactSum::from_words(&full).ok_or_else(|| {
                Error::internal(format!(
                    "{name}: a work-group's partial accumulator is malformed \
                     (a limb beyond 2^62 or a negative count)"
                ))
            })?;
            acc.merge(&part);
        }
        Ok(acc)
    }
}

impl<T: DeviceScalar> DeviceLevel2<T> for OpenClBackend {
    /// `y := alpha*A*x + beta*y` (pass `a.t()` for `A^T`). With `beta == 0`,
    /// `y` is not read; with `alpha == 0`, `A` and `x` are not read.
    fn gemv(
        &self,
        alpha: T,
        a: DeviceMat<'_, T>,
        x: DeviceVec<'_, T>,
        beta: T,
        y: DeviceVecMut<'_, T>,
    ) -> Result<()> {
        self.owns(a.buf, "a")?;
        self.owns(x.buf, "x")?;
        self.owns(y.buf, "y")?;
        let (m, n) = (a.nrows(), a.ncols());
        check::gemv((m, n), x.len(), y.len())?;
        if m == 0 || ((alpha == T::zero() || n == 0) && beta == T::one()) {
            return Ok(());
        }
        let b = self.builtins::<T>()?;
        let y = y.as_ref();
        if alpha == T::zero() || n == 0 {
            return self.scale_beta(&b, beta, y);
        }
        let [am, ao, ars, acs] = mat_args(&a);
        let [xm, xo, xs] = vec_args(&x);
        let [ym, yo, ys] = vec_args(&y);
        self.launch_1d(
            &b,
            "oxpar_gemv",
            m,
            ELEMENTWISE_GROUPS,
            &[
                long(m),
                long(n),
                real(alpha),
                am,
                ao,
                ars,
                acs,
                xm,
                xo,
                xs,
                real(beta),
                ym,
                yo,
                ys,
            ],
        )
    }

    /// `A := alpha*x*y^T + A`. With `alpha == 0`, returns at once.
    fn ger(
        &self,
        alpha: T,
        x: DeviceVec<'_, T>,
        y: DeviceVec<'_, T>,
        a: DeviceMatMut<'_, T>,
    ) -> Result<()> {
        self.owns(x.buf, "x")?;
        self.owns(y.buf, "y")?;
        self.owns(a.buf, "a")?;
        let (m, n) = (a.nrows(), a.ncols());
        check::ger(x.len(), y.len(), (m, n))?;
        if m == 0 || n == 0 || alpha == T::zero() {
            return Ok(());
        }
        let b = self.builtins::<T>()?;
        let a = a.as_ref();
        let [xm, xo, xs] = vec_args(&x);
        let [ym, yo, ys] = vec_args(&y);
        let [am, ao, ars, acs] = mat_args(&a);
        b.run(
            &self.shared,
            "oxpar_ger",
            &[
                long(m),
                long(n),
                real(alpha),
                xm,
                xo,
                xs,
                ym,
                yo,
                ys,
                am,
                ao,
                ars,
                acs,
            ],
            &[m, n],
            None,
        )
    }

    /// [`ger`](DeviceLevel2::ger): conjugation is the identity on real
    /// elements.
    fn gerc(
        &self,
        alpha: T,
        x: DeviceVec<'_, T>,
        y: DeviceVec<'_, T>,
        a: DeviceMatMut<'_, T>,
    ) -> Result<()> {
        DeviceLevel2::ger(self, alpha, x, y, a)
    }
}

impl<T: DeviceScalar> DeviceLevel3<T> for OpenClBackend {
    /// `C := alpha*A*B + beta*C` (pass `a.t()`/`b.t()` for transposes; any
    /// element strides for every operand). With `beta == 0`, `C` is not read;
    /// with `alpha == 0` or an inner dimension of 0, `A` and `B` are not read.
    ///
    /// Where one of A and B has a unit stride in the right direction (on CPU
    /// devices: A column-major or B row-major) and every index fits in an
    /// `int`, a kernel for the device type runs: on CPUs, one work-item per
    /// 32 x 128 block of C (f32) with AVX-512-wide vectors and a packed slice
    /// of A; elsewhere, tiles in local memory with 8 x 8, 4 x 4 or 2 x 2
    /// register blocks per work-item of 16 x 16 (by the product's size).
    /// Otherwise a kernel for any strides runs, tiled in local memory (64x64
    /// blocks of C per work-group of 16x16, each work-item a 4x4 register
    /// block; 32x32 blocks on devices whose work-groups are smaller), or one
    /// work-item per element of C where even that does not fit.
    fn gemm(
        &self,
        alpha: T,
        a: DeviceMat<'_, T>,
        b: DeviceMat<'_, T>,
        beta: T,
        c: DeviceMatMut<'_, T>,
    ) -> Result<()> {
        self.owns(a.buf, "a")?;
        self.owns(b.buf, "b")?;
        self.owns(c.buf, "c")?;
        let (m, k, n) = (a.nrows(), a.ncols(), b.ncols());
        check::gemm((m, k), (b.nrows(), n), (c.nrows(), c.ncols()))?;
        let no_product = alpha == T::zero() || k == 0;
        if m == 0 || n == 0 || (no_product && beta == T::one()) {
            return Ok(());
        }
        let kb = self.builtins::<T>()?;
        let c = c.as_ref();
        let [cm, co, crs, ccs] = mat_args(&c);
        if no_product {
            return kb.run(
                &self.shared,
                "oxpar_scale_beta_mat",
                &[long(m), long(n), real(beta), cm, co, crs, ccs],
                &[m, n],
                None,
            );
        }
        if let Some(cpu) = kb.gemm_fast_is_cpu() {
            if let Some(f) = gemm_fast_args(cpu, alpha, &a, &b, beta, &c) {
                if let Some((name, global, local)) = kb.gemm_fast(f.rows, f.cols) {
                    return kb.run(&self.shared, name, &f.args, &global, Some(&local));
                }
            }
        }
        let [am, ao, ars, acs] = mat_args(&a);
        let [bm, bo, brs, bcs] = mat_args(&b);
        let args = [
            long(m),
            long(n),
            long(k),
            real(alpha),
            am,
            ao,
            ars,
            acs,
            bm,
            bo,
            brs,
            bcs,
            real(beta),
            cm,
            co,
            crs,
            ccs,
        ];
        match (kb.gemm_lx(), kb.gemm_tile()) {
            (Some(lx), Some(tile)) => kb.run(
                &self.shared,
                "oxpar_gemm_tiled",
                &args,
                &[m.div_ceil(tile) * lx, n.div_ceil(tile) * lx],
                Some(&[lx, lx]),
            ),
            _ => kb.run(&self.shared, "oxpar_gemm_simple", &args, &[m, n], None),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blue_combine_matches_plain_norms() {
        let (tsml, tbig, ssml, sbig) = blue::<f64>();
        assert_eq!(blue_combine(0.0, 25.0, 0.0), 5.0);
        // 3e300 and 4e300 are big: the sum of scaled squares, scaled back.
        let big = |v: f64| (v * sbig) * (v * sbig);
        let r = blue_combine(0.0, 0.0, big(3e300) + big(4e300));
        assert!((r / 5e300 - 1.0).abs() < 1e-15, "{r}");
        let small = |v: f64| (v * ssml) * (v * ssml);
        let r = blue_combine(small(3e-310) + small(4e-310), 0.0, 0.0);
        assert!((r / 5e-310 - 1.0).abs() < 1e-12, "{r}");
        assert!(blue_combine(0.0, f64::NAN, 0.0).is_nan());
        assert!(blue_combine(1.0, f64::NAN, 0.0).is_nan());
        assert!(blue_combine(0.0, f64::NAN, f64::INFINITY).is_nan());
        assert_eq!(blue_combine(0.0, 1.0, f64::INFINITY), f64::INFINITY);
        assert!(tsml < 1.0 && tbig > 1.0);
        let (_, tbig32, _, _) = blue::<f32>();
        assert_eq!(tbig32, 2f32.powi(52));
    }

    #[test]
    fn iamax_order() {
        assert!(iamax_better(1.0, Some(3), 0.0, None));
        assert!(!iamax_better(1.0, None, 0.0, Some(0)));
        assert!(iamax_better(f64::NAN, Some(5), f64::INFINITY, Some(0)));
        assert!(iamax_better(f64::NAN, Some(1), f64::NAN, Some(2)));
        assert!(!iamax_better(2.0, Some(4), 2.0, Some(1)));
        assert!(iamax_better(3.0, Some(4), 2.0, Some(1)));
    }
}
