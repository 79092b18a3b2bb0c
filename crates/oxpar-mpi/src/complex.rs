//! The complex element types' side of [`MpiElement`]: what a rank adds to
//! the distributed `dot`, `dotc`, `sum`, `asum` and `nrm2` of complex data,
//! two `f64` words per value (real and imaginary parts) where the real
//! types send one (and a zero).
//!
//! `Complex<f64>` partials come from the local backend (its results are
//! `f64` already, so nothing is rounded twice). `Complex<f32>` partials are
//! accumulated in `f64` per component by `oxpar_core::complex`'s wide
//! loops, one per block of the local backend's threads
//! ([`oxpar_core::backend::parallel_reduce`], static schedule: the same grouping
//! every run): the backend traits have no unrounded complex reduction
//! (their `reduce_wide` is for reals, one `f64` per result), and rounding
//! each rank's partial to `f32` before the ranks add them would round
//! twice. Everything else about complex data on MPI is the
//! generic code of `ops.rs`, `summa.rs` and `halo.rs`.

use std::ops::{Add, Range};

use oxpar_core::backend::check;
use oxpar_core::complex as wide;
use oxpar_core::{Complex, HostBackend, Level1, Result, Scalar, Schedule, VecRef};

use crate::element::norm_from_ssq;
use crate::MpiElement;

fn parts(v: Complex<f64>) -> [f64; 2] {
    [v.re, v.im]
}

/// Below this many elements a rank's partial is one loop on the calling
/// thread: a parallel region would cost more than it saves.
const PARALLEL_MIN: usize = 1 << 14;

/// `part` over `0..n`, split over the local backend's threads when `n` is
/// large, the blocks' results added in block order.
fn blocked<A>(
    local: &dyn HostBackend,
    n: usize,
    part: impl Fn(Range<usize>) -> A + Sync,
) -> Result<A>
where
    A: Add<Output = A> + Default + Send,
{
    if n < PARALLEL_MIN || local.num_threads() <= 1 {
        return Ok(part(0..n));
    }
    oxpar_core::backend::parallel_reduce(
        local,
        0..n,
        Schedule::Static { chunk: 0 },
        A::default,
        |acc, r| acc + part(r),
        |a, b| a + b,
    )
}

impl MpiElement for Complex<f32> {
    fn dot_wide(
        local: &dyn HostBackend,
        conj: bool,
        x: VecRef<'_, Self>,
        y: VecRef<'_, Self>,
    ) -> Result<[f64; 2]> {
        check::same_len(x.len(), y.len())?;
        let sub = |r: Range<usize>| (x.subvector(r.start, r.len()), y.subvector(r.start, r.len()));
        blocked(local, x.len(), |r| {
            let (x, y) = sub(r);
            wide::dot_wide(conj, x, y)
        })
        .map(parts)
    }
    fn sum_wide(local: &dyn HostBackend, x: VecRef<'_, Self>) -> Result<[f64; 2]> {
        blocked(local, x.len(), |r| {
            wide::sum_wide(x.subvector(r.start, r.len()))
        })
        .map(parts)
    }
    fn asum_wide(local: &dyn HostBackend, x: VecRef<'_, Self>) -> Result<f64> {
        blocked(local, x.len(), |r| {
            wide::asum_wide(x.subvector(r.start, r.len()))
        })
    }
    fn norm_wide(local: &dyn HostBackend, x: VecRef<'_, Self>) -> Result<f64> {
        let ssq = || {
            blocked(local, x.len(), |r| {
                x.subvector(r.start, r.len()).iter().fold(0.0f64, |acc, v| {
                    let (re, im) = (f64::from(v.re), f64::from(v.im));
                    acc + re * re + im * im
                })
            })
        };
        match norm_from_ssq(<Self as oxpar_core::Element>::DTYPE, ssq)? {
            Some(n) => Ok(n),
            None => Ok(f64::from(wide::nrm2(x))),
        }
    }
    fn from_wide(v: [f64; 2]) -> Self {
        Complex::new(f32::from_f64(v[0]), f32::from_f64(v[1]))
    }
}

impl MpiElement for Complex<f64> {
    fn dot_wide(
        local: &dyn HostBackend,
        conj: bool,
        x: VecRef<'_, Self>,
        y: VecRef<'_, Self>,
    ) -> Result<[f64; 2]> {
        check::same_len(x.len(), y.len())?;
        let v = if conj {
            Level1::<Self>::dotc(local, x, y)?
        } else {
            Level1::<Self>::dot(local, x, y)?
        };
        Ok(parts(v))
    }
    fn sum_wide(local: &dyn HostBackend, x: VecRef<'_, Self>) -> Result<[f64; 2]> {
        Level1::<Self>::sum(local, x).map(parts)
    }
    fn asum_wide(local: &dyn HostBackend, x: VecRef<'_, Self>) -> Result<f64> {
        Level1::<Self>::asum(local, x)
    }
    fn norm_wide(local: &dyn HostBackend, x: VecRef<'_, Self>) -> Result<f64> {
        Level1::<Self>::nrm2(local, x)
    }
    fn from_wide(v: [f64; 2]) -> Self {
        Complex::new(v[0], v[1])
    }
}
