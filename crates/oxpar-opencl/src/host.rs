//! The host path: oxpar-core's traits on host memory, by copying.
//!
//! Each call packs the elements of the host views into fresh device buffers
//! (contiguous, in logical order; a matrix in the order of its smaller stride),
//! runs the built-in kernel on them and copies the outputs back into the
//! output view's elements, leaving everything between them untouched. That
//! is two transfers per operand per call: keep data on the device with
//! [`DeviceBuffer`] and the device trait family when it is reused.
//!
//! Outputs that are fully overwritten (`beta == 0`) are not read from the
//! host at all. Parallel loops run on the calling thread, in order, like
//! [`oxpar_core::Serial`]: a callback cannot run on an OpenCL device.

use std::ops::Range;

use oxpar_core::backend::{check, LoopBody};
use oxpar_core::exact::{ExactSum, Reduction};
use oxpar_core::{
    Level1, Level2, Level3, MatMut, MatRef, ParallelLoops, Result, Schedule, Serial, VecMut, VecRef,
};

use crate::{
    DeviceBuffer, DeviceElement, DeviceLevel1, DeviceLevel2, DeviceLevel3, DeviceScalar, MatLayout,
    OpenClBackend,
};

/// Whether a matrix is packed column by column (else row by row): the order
/// of its smaller stride, so the host walks memory forwards.
fn col_order(rs: isize, cs: isize) -> bool {
    rs.unsigned_abs() <= cs.unsigned_abs()
}

fn packed_layout(rows: usize, cols: usize, col_major: bool) -> MatLayout {
    if col_major {
        MatLayout::col_major(rows, cols, rows.max(1))
    } else {
        MatLayout::row_major(rows, cols, cols.max(1))
    }
}

impl OpenClBackend {
    pub(crate) fn upload_vec<T: DeviceElement>(&self, x: VecRef<'_, T>) -> Result<DeviceBuffer<T>> {
        match x.as_slice() {
            Some(s) => self.upload(s),
            None => self.upload(&x.iter().collect::<Vec<T>>()),
        }
    }

    pub(crate) fn download_vec<T: DeviceElement>(
        buf: &DeviceBuffer<T>,
        mut y: VecMut<'_, T>,
    ) -> Result<()> {
        if let Some(s) = y.as_slice_mut() {
            return buf.download(s);
        }
        for (i, v) in buf.to_vec()?.into_iter().enumerate() {
            y.set(i, v);
        }
        Ok(())
    }

    /// A packed device copy of `a`'s *stored* elements: a conjugation mark
    /// is not applied (the identity for real elements; the complex host
    /// path passes it to the kernel as a flag).
    pub(crate) fn upload_mat<T: DeviceElement>(
        &self,
        a: MatRef<'_, T>,
    ) -> Result<(DeviceBuffer<T>, MatLayout)> {
        let (rows, cols) = (a.nrows(), a.ncols());
        let col_major = col_order(a.rs(), a.cs());
        let mut v = Vec::with_capacity(rows * cols);
        if col_major {
            for j in 0..cols {
                v.extend(a.col(j).iter());
            }
        } else {
            for i in 0..rows {
                v.extend(a.row(i).iter());
            }
        }
        Ok((self.upload(&v)?, packed_layout(rows, cols, col_major)))
    }

    /// A device copy of an output matrix: its values when they are read
    /// (`read`), else zeros (the host's are never looked at).
    pub(crate) fn stage_out_mat<T: DeviceElement>(
        &self,
        c: &MatMut<'_, T>,
        read: bool,
    ) -> Result<(DeviceBuffer<T>, MatLayout)> {
        if read {
            self.upload_mat(c.as_ref())
        } else {
            let layout = packed_layout(c.nrows(), c.ncols(), col_order(c.rs(), c.cs()));
            Ok((self.zeroed(c.nrows() * c.ncols())?, layout))
        }
    }

    pub(crate) fn download_mat<T: DeviceElement>(
        buf: &DeviceBuffer<T>,
        layout: MatLayout,
        mut c: MatMut<'_, T>,
    ) -> Result<()> {
        let v = buf.to_vec()?;
        let (rows, cols) = (layout.rows, layout.cols);
        if layout.rs == 1 {
            for j in 0..cols {
                for i in 0..rows {
                    c.set(i, j, v[i + j * rows]);
                }
            }
        } else {
            for i in 0..rows {
                for j in 0..cols {
                    c.set(i, j, v[i * cols + j]);
                }
            }
        }
        Ok(())
    }
}

impl<T: DeviceScalar> Level1<T> for OpenClBackend {
    fn axpy(&self, alpha: T, x: VecRef<'_, T>, y: VecMut<'_, T>) -> Result<()> {
        check::same_len(x.len(), y.len())?;
        if x.is_empty() || alpha == T::zero() {
            return Ok(());
        }
        let dx = self.upload_vec(x)?;
        let mut dy = self.upload_vec(y.as_ref())?;
        DeviceLevel1::axpy(self, alpha, dx.as_vec(), dy.as_vec_mut())?;
        Self::download_vec(&dy, y)
    }

    fn scal(&self, alpha: T, x: VecMut<'_, T>) -> Result<()> {
        if x.is_empty() {
            return Ok(());
        }
        let mut dx = self.upload_vec(x.as_ref())?;
        DeviceLevel1::scal(self, alpha, dx.as_vec_mut())?;
        Self::download_vec(&dx, x)
    }

    fn copy(&self, x: VecRef<'_, T>, y: VecMut<'_, T>) -> Result<()> {
        check::same_len(x.len(), y.len())?;
        if x.is_empty() {
            return Ok(());
        }
        let dx = self.upload_vec(x)?;
        let mut dy = self.zeroed(y.len())?;
        DeviceLevel1::copy(self, dx.as_vec(), dy.as_vec_mut())?;
        Self::download_vec(&dy, y)
    }

    fn swap(&self, x: VecMut<'_, T>, y: VecMut<'_, T>) -> Result<()> {
        check::same_len(x.len(), y.len())?;
        if x.is_empty() {
            return Ok(());
        }
        let mut dx = self.upload_vec(x.as_ref())?;
        let mut dy = self.upload_vec(y.as_ref())?;
        DeviceLevel1::swap(self, dx.as_vec_mut(), dy.as_vec_mut())?;
        Self::download_vec(&dx, x)?;
        Self::download_vec(&dy, y)
    }

    fn dot(&self, x: VecRef<'_, T>, y: VecRef<'_, T>) -> Result<T> {
        check::same_len(x.len(), y.len())?;
        if x.is_empty() {
            return Ok(T::zero());
        }
        let (dx, dy) = (self.upload_vec(x)?, self.upload_vec(y)?);
        DeviceLevel1::dot(self, dx.as_vec(), dy.as_vec())
    }

    fn nrm2(&self, x: VecRef<'_, T>) -> Result<T> {
        if x.is_empty() {
            return Ok(T::zero());
        }
        DeviceLevel1::nrm2(self, self.upload_vec(x)?.as_vec())
    }

    fn asum(&self, x: VecRef<'_, T>) -> Result<T> {
        if x.is_empty() {
            return Ok(T::zero());
        }
        DeviceLevel1::asum(self, self.upload_vec(x)?.as_vec())
    }

    fn iamax(&self, x: VecRef<'_, T>) -> Result<Option<usize>> {
        if x.is_empty() {
            return Ok(None);
        }
        DeviceLevel1::iamax(self, self.upload_vec(x)?.as_vec())
    }

    /// An ordinary floating-point sum on the device
    /// ([`DeviceLevel1::sum`]): the same from run to run on one
    /// device, not correctly rounded (wrap the backend in
    /// [`Reproducible`](oxpar_core::repro::Reproducible) for that).
    fn sum(&self, x: VecRef<'_, T>) -> Result<T> {
        if x.is_empty() {
            return Ok(T::zero());
        }
        DeviceLevel1::sum(self, self.upload_vec(x)?.as_vec())
    }

    /// The exact accumulator computed on the device
    /// ([`DeviceLevel1::reduce_exact`]); `y` is copied (and its length
    /// checked) for [`Reduction::Dot`] only.
    fn reduce_exact(
        &self,
        what: Reduction,
        x: VecRef<'_, T>,
        y: VecRef<'_, T>,
    ) -> Result<ExactSum> {
        if what.needs_y() {
            check::same_len(x.len(), y.len())?;
        }
        if x.is_empty() {
            return Ok(ExactSum::new());
        }
        let dx = self.upload_vec(x)?;
        if what.needs_y() {
            let dy = self.upload_vec(y)?;
            DeviceLevel1::reduce_exact(self, what, dx.as_vec(), Some(dy.as_vec()))
        } else {
            DeviceLevel1::reduce_exact(self, what, dx.as_vec(), None)
        }
    }
}

impl<T: DeviceScalar> Level2<T> for OpenClBackend {
    fn gemv(
        &self,
        alpha: T,
        a: MatRef<'_, T>,
        x: VecRef<'_, T>,
        beta: T,
        y: VecMut<'_, T>,
    ) -> Result<()> {
        let (m, n) = (a.nrows(), a.ncols());
        check::gemv((m, n), x.len(), y.len())?;
        let no_product = alpha == T::zero() || n == 0;
        if m == 0 || (no_product && beta == T::one()) {
            return Ok(());
        }
        let mut dy = if beta == T::zero() {
            self.zeroed(m)?
        } else {
            self.upload_vec(y.as_ref())?
        };
        if no_product {
            // A and x are not read: not even copied.
            self.scale_out_vec(beta, &mut dy)?;
        } else {
            let (da, al) = self.upload_mat(a)?;
            let dx = self.upload_vec(x)?;
            DeviceLevel2::gemv(self, alpha, da.mat(al)?, dx.as_vec(), beta, dy.as_vec_mut())?;
        }
        Self::download_vec(&dy, y)
    }

    fn ger(&self, alpha: T, x: VecRef<'_, T>, y: VecRef<'_, T>, a: MatMut<'_, T>) -> Result<()> {
        let (m, n) = (a.nrows(), a.ncols());
        check::ger(x.len(), y.len(), (m, n))?;
        if m == 0 || n == 0 || alpha == T::zero() {
            return Ok(());
        }
        let dx = self.upload_vec(x)?;
        let dy = self.upload_vec(y)?;
        let (mut da, al) = self.stage_out_mat(&a, true)?;
        DeviceLevel2::ger(self, alpha, dx.as_vec(), dy.as_vec(), da.mat_mut(al)?)?;
        Self::download_mat(&da, al, a)
    }
}

impl OpenClBackend {
    /// `y := beta*y` on the device (zeros for `beta == 0`), through gemv
    /// with an empty inner dimension.
    fn scale_out_vec<T: DeviceScalar>(&self, beta: T, dy: &mut DeviceBuffer<T>) -> Result<()> {
        let m = dy.len();
        let empty = self.zeroed::<T>(0)?;
        DeviceLevel2::gemv(
            self,
            T::zero(),
            empty.mat(MatLayout::col_major(m, 0, m.max(1)))?,
            empty.as_vec(),
            beta,
            dy.as_vec_mut(),
        )
    }
}

impl<T: DeviceScalar> Level3<T> for OpenClBackend {
    fn gemm(
        &self,
        alpha: T,
        a: MatRef<'_, T>,
        b: MatRef<'_, T>,
        beta: T,
        c: MatMut<'_, T>,
    ) -> Result<()> {
        let (m, k, n) = (a.nrows(), a.ncols(), b.ncols());
        check::gemm((m, k), (b.nrows(), n), (c.nrows(), c.ncols()))?;
        let no_product = alpha == T::zero() || k == 0;
        if m == 0 || n == 0 || (no_product && beta == T::one()) {
            return Ok(());
        }
        let (mut dc, cl) = self.stage_out_mat(&c, beta != T::zero())?;
        if no_product {
            // A and B are not read: an empty inner dimension stands in for them.
            let empty = self.zeroed::<T>(0)?;
            DeviceLevel3::gemm(
                self,
                T::zero(),
                empty.mat(MatLayout::col_major(m, 0, m.max(1)))?,
                empty.mat(MatLayout::col_major(0, n, 1))?,
                beta,
                dc.mat_mut(cl)?,
            )?;
        } else {
            let (da, al) = self.upload_mat(a)?;
            let (db, bl) = self.upload_mat(b)?;
            DeviceLevel3::gemm(self, alpha, da.mat(al)?, db.mat(bl)?, beta, dc.mat_mut(cl)?)?;
        }
        Self::download_mat(&dc, cl, c)
    }
}

impl ParallelLoops for OpenClBackend {
    /// Runs on the calling thread, in order (worker index 0), exactly as
    /// [`Serial`] does: OpenCL devices cannot call host code.
    fn parallel_for(
        &self,
        range: Range<usize>,
        schedule: Schedule,
        body: &LoopBody<'_>,
    ) -> Result<()> {
        Serial.parallel_for(range, schedule, body)
    }
}
