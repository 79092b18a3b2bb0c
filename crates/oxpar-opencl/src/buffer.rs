//! Device-resident buffers, their layouts, and strided views of them.

use std::sync::Arc;

use oxpar_core::view::validate_matrix;
use oxpar_core::{Element, Error, ErrorKind, Result, Scalar};

use crate::{err, raw, OpenClBackend, Shared};

/// Enqueues a read or write command (ocl's two kinds share no trait) and
/// waits for it, recording its event for `last_profile` when profiling is on.
macro_rules! enqueue_transfer {
    ($shared:expr, $cmd:expr, $what:literal, $len:expr) => {{
        let mut ev = ocl::Event::empty();
        let profiled = $shared.profiling();
        let cmd = if profiled { $cmd.enew(&mut ev) } else { $cmd };
        cmd.enq()
            .map_err(|e| err::cl(&format!("{} {} elements", $what, $len), &e))?;
        if profiled {
            $shared.record(ev.into());
        }
    }};
}

mod sealed {
    /// The binding's element bound, kept out of the public API.
    pub trait Sealed: ocl::OclPrm {}
    impl Sealed for f32 {}
    impl Sealed for f64 {}
    impl Sealed for oxpar_core::Complex32 {}
    impl Sealed for oxpar_core::Complex64 {}
}

/// An element type that device buffers hold: `f32`, `f64`, `Complex<f32>`
/// or `Complex<f64>` (sealed). Complex buffers hold each element as its two
/// components, `re` then `im` (OpenCL's `float2`, `double2`), and need
/// double precision on the device for `Complex<f64>` as `f64` does.
pub trait DeviceElement: Element + sealed::Sealed {}
impl DeviceElement for f32 {}
impl DeviceElement for f64 {}
impl DeviceElement for oxpar_core::Complex32 {}
impl DeviceElement for oxpar_core::Complex64 {}

/// A real element type of device buffers: `f32` or `f64` (sealed).
pub trait DeviceScalar: DeviceElement + Scalar {}
impl DeviceScalar for f32 {}
impl DeviceScalar for f64 {}

/// An array in a device's memory, created by one [`OpenClBackend`] and usable
/// only with it (another backend's context gives an
/// [`ErrorKind::InvalidArgument`] error). Freed when dropped: OpenCL keeps
/// the memory until commands already queued on it have finished, and
/// nothing else keeps it (a [`Kernel`](crate::Kernel) that had the buffer as
/// an argument does not: its next launch asks for the argument again).
/// [`OpenClBackend::resident_bytes`] counts the memory until OpenCL has
/// released it.
///
/// Transfers are explicit: [`OpenClBackend::upload`],
/// [`OpenClBackend::zeroed`], [`OpenClBackend::empty`], [`DeviceBuffer::download`],
/// [`DeviceBuffer::upload`]. Kernels see a buffer through views
/// ([`DeviceBuffer::as_vec`], [`DeviceBuffer::vec`], [`DeviceBuffer::mat`], ...).
pub struct DeviceBuffer<T: DeviceElement> {
    /// The backend's shared state (its id, its profiling switch).
    shared: Arc<Shared>,
    len: usize,
    /// `None` for an empty buffer: OpenCL has no zero-sized buffers.
    mem: Option<ocl::Buffer<T>>,
    /// The memory object again, owned by this buffer alone: kernels that
    /// were given the buffer as an argument hold a `Weak` of it, so they
    /// can set it again for a launch while the buffer lives but never keep
    /// its memory once it is dropped.
    token: Option<Arc<ocl::core::Mem>>,
}

impl<T: DeviceElement> std::fmt::Debug for DeviceBuffer<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DeviceBuffer")
            .field("dtype", &T::DTYPE)
            .field("len", &self.len)
            .field("backend", &self.shared.id)
            .finish()
    }
}

impl OpenClBackend {
    fn check_alloc<T: DeviceElement>(&self, len: usize) -> Result<()> {
        let bytes = (len as u128) * std::mem::size_of::<T>() as u128;
        let max = self.shared.info.max_alloc_bytes;
        if max > 0 && bytes > u128::from(max) {
            return Err(Error::new(
                ErrorKind::OutOfMemory,
                format!(
                    "a buffer of {len} {} elements ({bytes} bytes) exceeds the largest buffer \
                     OpenCL device {} allows ({max} bytes)",
                    T::DTYPE.name(),
                    self.shared.info.name
                ),
            ));
        }
        Ok(())
    }

    /// Wraps a new memory object of `len` elements (counted in
    /// [`resident_bytes`](Self::resident_bytes) until OpenCL releases it).
    fn wrap<T: DeviceElement>(&self, len: usize, mem: Option<ocl::Buffer<T>>) -> DeviceBuffer<T> {
        let token = mem.as_ref().map(|b| {
            raw::track_release(
                b.as_core(),
                (len * std::mem::size_of::<T>()) as u64,
                &self.shared.resident,
            );
            Arc::new(b.as_core().clone())
        });
        DeviceBuffer {
            shared: Arc::clone(&self.shared),
            len,
            mem,
            token,
        }
    }

    /// A buffer of `len` elements whose contents are unspecified (as
    /// `numpy.empty`'s): nothing is written to the device, so this costs an
    /// allocation only. Write it (a kernel, [`DeviceBuffer::upload`], an
    /// output of a built-in) before reading it.
    pub fn empty<T: DeviceElement>(&self, len: usize) -> Result<DeviceBuffer<T>> {
        self.check_alloc::<T>(len)?;
        let mem = if len == 0 {
            None
        } else {
            Some(
                ocl::Buffer::<T>::builder()
                    .queue(self.shared.queue.clone())
                    .len(len)
                    .build()
                    .map_err(|e| err::cl(&format!("allocating {len} elements"), &e))?,
            )
        };
        Ok(self.wrap(len, mem))
    }

    /// A buffer of `len` zeros on this backend's device (a fill on the
    /// device; [`empty`](Self::empty) skips it).
    pub fn zeroed<T: DeviceElement>(&self, len: usize) -> Result<DeviceBuffer<T>> {
        self.check_alloc::<T>(len)?;
        let mem = if len == 0 {
            None
        } else {
            Some(
                ocl::Buffer::<T>::builder()
                    .queue(self.shared.queue.clone())
                    .len(len)
                    .fill_val(T::ZERO)
                    .build()
                    .map_err(|e| err::cl(&format!("allocating {len} elements"), &e))?,
            )
        };
        Ok(self.wrap(len, mem))
    }

    /// A buffer on this backend's device holding a copy of `data` (returns
    /// when the copy is done). The memory is created from the host data in
    /// one step (no fill, no second copy); with profiling on
    /// ([`set_profiling`](Self::set_profiling)) it is allocated and then
    /// written, so that the copy has device times.
    pub fn upload<T: DeviceElement>(&self, data: &[T]) -> Result<DeviceBuffer<T>> {
        let len = data.len();
        if self.profiling() {
            let mut b = self.empty::<T>(len)?;
            b.upload(data)?;
            return Ok(b);
        }
        self.check_alloc::<T>(len)?;
        let mem = if len == 0 {
            None
        } else {
            Some(
                ocl::Buffer::<T>::builder()
                    .queue(self.shared.queue.clone())
                    .len(len)
                    .copy_host_slice(data)
                    .build()
                    .map_err(|e| err::cl(&format!("uploading {len} elements"), &e))?,
            )
        };
        Ok(self.wrap(len, mem))
    }
}

impl<T: DeviceElement> DeviceBuffer<T> {
    /// Number of elements.
    pub fn len(&self) -> usize {
        self.len
    }

    /// True when the buffer has no elements.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    pub(crate) fn backend_id(&self) -> u64 {
        self.shared.id
    }

    /// The OpenCL memory object; `None` for an empty buffer.
    pub(crate) fn mem(&self) -> Option<&ocl::core::Mem> {
        self.mem.as_ref().map(|b| b.as_core())
    }

    /// The memory object's liveness token (see the field); `None` for an
    /// empty buffer.
    pub(crate) fn token(&self) -> Option<&Arc<ocl::core::Mem>> {
        self.token.as_ref()
    }

    /// OpenCL's reference count of the memory object (`CL_MEM_REFERENCE_COUNT`;
    /// `None` for an empty buffer): this buffer holds two references, and
    /// OpenCL one more per command in flight that uses it. For tests.
    #[doc(hidden)]
    pub fn cl_reference_count(&self) -> Option<u32> {
        let m = self.mem()?;
        match ocl::core::get_mem_object_info(m, ocl::core::MemInfo::ReferenceCount) {
            Ok(ocl::core::MemInfoResult::ReferenceCount(n)) => Some(n),
            _ => None,
        }
    }

    /// Copies the whole buffer into `out` (which must have [`len`](Self::len)
    /// elements), after every command issued before on its backend.
    pub fn download(&self, out: &mut [T]) -> Result<()> {
        if out.len() != self.len {
            return Err(Error::shape_mismatch(format!(
                "the buffer has {} elements but the destination has {}",
                self.len,
                out.len()
            )));
        }
        if let Some(b) = &self.mem {
            enqueue_transfer!(self.shared, b.read(out), "downloading", self.len);
        }
        Ok(())
    }

    /// The whole buffer as a new vector (see [`download`](Self::download)).
    pub fn to_vec(&self) -> Result<Vec<T>> {
        let mut v = vec![T::ZERO; self.len];
        self.download(&mut v)?;
        Ok(v)
    }

    /// Overwrites the whole buffer with `data` (which must have
    /// [`len`](Self::len) elements); returns when the copy is done.
    pub fn upload(&mut self, data: &[T]) -> Result<()> {
        if data.len() != self.len {
            return Err(Error::shape_mismatch(format!(
                "the buffer has {} elements but the source has {}",
                self.len,
                data.len()
            )));
        }
        if let Some(b) = &self.mem {
            enqueue_transfer!(self.shared, b.write(data), "uploading", self.len);
        }
        Ok(())
    }

    /// The whole buffer as a contiguous vector.
    pub fn as_vec(&self) -> DeviceVec<'_, T> {
        DeviceVec {
            buf: self,
            layout: VecLayout::contiguous(self.len),
        }
    }

    /// The whole buffer as a contiguous mutable vector.
    pub fn as_vec_mut(&mut self) -> DeviceVecMut<'_, T> {
        let layout = VecLayout::contiguous(self.len);
        DeviceVecMut { buf: self, layout }
    }

    /// A strided vector in this buffer; errors if an element falls outside it.
    pub fn vec(&self, layout: VecLayout) -> Result<DeviceVec<'_, T>> {
        layout.check(self.len, false)?;
        Ok(DeviceVec { buf: self, layout })
    }

    /// A strided mutable vector in this buffer (elements must not overlap).
    pub fn vec_mut(&mut self, layout: VecLayout) -> Result<DeviceVecMut<'_, T>> {
        layout.check(self.len, true)?;
        Ok(DeviceVecMut { buf: self, layout })
    }

    /// A strided matrix in this buffer; errors if an element falls outside it.
    pub fn mat(&self, layout: MatLayout) -> Result<DeviceMat<'_, T>> {
        layout.check::<T>(self.len, false)?;
        Ok(DeviceMat {
            buf: self,
            layout,
            conj: false,
        })
    }

    /// A strided mutable matrix in this buffer; also errors if two elements
    /// share an address (a leading dimension that is too small).
    pub fn mat_mut(&mut self, layout: MatLayout) -> Result<DeviceMatMut<'_, T>> {
        layout.check::<T>(self.len, true)?;
        Ok(DeviceMatMut { buf: self, layout })
    }
}

/// Where a vector's elements are in a buffer: element `i` is at buffer index
/// `offset + i*stride` (the stride may be negative).
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub struct VecLayout {
    /// Number of elements.
    pub len: usize,
    /// Buffer index of element 0.
    pub offset: usize,
    /// Distance between consecutive elements (non-zero when `len > 1`).
    pub stride: isize,
}

impl VecLayout {
    /// `len` elements from index 0, stride 1.
    pub fn contiguous(len: usize) -> Self {
        VecLayout {
            len,
            offset: 0,
            stride: 1,
        }
    }

    /// `len` elements from `offset` at `stride`.
    pub fn new(len: usize, offset: usize, stride: isize) -> Self {
        VecLayout {
            len,
            offset,
            stride,
        }
    }

    /// BLAS's convention: `n` elements at increment `inc` with the
    /// lowest-addressed one at index 0, so with `inc < 0` the vector runs
    /// backwards from index `(n-1)*|inc|`.
    pub fn blas(n: usize, inc: isize) -> Self {
        let offset = if inc < 0 && n > 1 {
            (n - 1).saturating_mul(inc.unsigned_abs())
        } else {
            0
        };
        VecLayout {
            len: n,
            offset,
            stride: inc,
        }
    }

    /// Checks that every element lies in a buffer of `buf_len` elements;
    /// with `distinct` (a written vector), also a non-zero stride.
    pub(crate) fn check(&self, buf_len: usize, distinct: bool) -> Result<()> {
        if self.len == 0 {
            return Ok(());
        }
        if distinct && self.len > 1 && self.stride == 0 {
            return Err(Error::invalid_stride(
                "stride",
                format!(
                    "is 0 for a vector of {} elements (must be non-zero)",
                    self.len
                ),
            ));
        }
        let first = self.offset as i128;
        let last = first + (self.len as i128 - 1) * self.stride as i128;
        let (lo, hi) = (first.min(last), first.max(last));
        if lo < 0 || hi >= buf_len as i128 {
            return Err(Error::shape_mismatch(format!(
                "{} elements from index {} at stride {} reach index {}, outside a buffer of {buf_len} elements",
                self.len,
                self.offset,
                self.stride,
                if lo < 0 { lo } else { hi }
            )));
        }
        Ok(())
    }
}

/// Where a matrix's elements are in a buffer: element `(i, j)` is at buffer
/// index `offset + i*rs + j*cs` (strides may be negative).
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub struct MatLayout {
    /// Number of rows.
    pub rows: usize,
    /// Number of columns.
    pub cols: usize,
    /// Buffer index of element (0, 0).
    pub offset: usize,
    /// Row stride: distance between `(i, j)` and `(i+1, j)`.
    pub rs: isize,
    /// Column stride: distance between `(i, j)` and `(i, j+1)`.
    pub cs: isize,
}

impl MatLayout {
    /// Column-major (Fortran order) from index 0: `(i, j)` at `i + j*ld`.
    pub fn col_major(rows: usize, cols: usize, ld: usize) -> Self {
        MatLayout {
            rows,
            cols,
            offset: 0,
            rs: 1,
            cs: ld as isize,
        }
    }

    /// Row-major (C order) from index 0: `(i, j)` at `i*ld + j`.
    pub fn row_major(rows: usize, cols: usize, ld: usize) -> Self {
        MatLayout {
            rows,
            cols,
            offset: 0,
            rs: ld as isize,
            cs: 1,
        }
    }

    /// Any strides, element (0, 0) at `offset`.
    pub fn new(rows: usize, cols: usize, offset: usize, rs: isize, cs: isize) -> Self {
        MatLayout {
            rows,
            cols,
            offset,
            rs,
            cs,
        }
    }

    /// The transpose (no data moves: dimensions and strides swap).
    pub fn t(self) -> Self {
        MatLayout {
            rows: self.cols,
            cols: self.rows,
            offset: self.offset,
            rs: self.cs,
            cs: self.rs,
        }
    }

    /// Checks strides (as oxpar-core's host views do) and that every element
    /// lies in a buffer of `buf_len` elements; with `distinct`, also that no
    /// two elements share an index.
    pub(crate) fn check<T: DeviceElement>(&self, buf_len: usize, distinct: bool) -> Result<()> {
        if self.rows == 0 || self.cols == 0 {
            return Ok(());
        }
        // The same stride and overlap rules, with the same messages, as the
        // host views: a dangling (aligned, non-null, never read) pointer
        // stands in for the buffer.
        validate_matrix(
            std::ptr::NonNull::<T>::dangling().as_ptr(),
            self.rows,
            self.cols,
            self.rs,
            self.cs,
            ["matrix", "rs", "cs"],
            distinct,
        )?;
        let corner = |d: usize, s: isize| (d as i128 - 1) * s as i128;
        let (r, c) = (corner(self.rows, self.rs), corner(self.cols, self.cs));
        let lo = self.offset as i128 + r.min(0) + c.min(0);
        let hi = self.offset as i128 + r.max(0) + c.max(0);
        if lo < 0 || hi >= buf_len as i128 {
            return Err(Error::shape_mismatch(format!(
                "a {}x{} matrix at offset {} with strides ({}, {}) reaches index {}, outside a buffer of {buf_len} elements",
                self.rows,
                self.cols,
                self.offset,
                self.rs,
                self.cs,
                if lo < 0 { lo } else { hi }
            )));
        }
        Ok(())
    }
}

/// A read-only strided vector in a [`DeviceBuffer`].
#[derive(Debug)]
pub struct DeviceVec<'a, T: DeviceElement> {
    pub(crate) buf: &'a DeviceBuffer<T>,
    pub(crate) layout: VecLayout,
}

impl<T: DeviceElement> Clone for DeviceVec<'_, T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T: DeviceElement> Copy for DeviceVec<'_, T> {}

/// A mutable strided vector in a [`DeviceBuffer`].
#[derive(Debug)]
pub struct DeviceVecMut<'a, T: DeviceElement> {
    pub(crate) buf: &'a mut DeviceBuffer<T>,
    pub(crate) layout: VecLayout,
}

/// A read-only strided matrix in a [`DeviceBuffer`].
#[derive(Debug)]
pub struct DeviceMat<'a, T: DeviceElement> {
    pub(crate) buf: &'a DeviceBuffer<T>,
    pub(crate) layout: MatLayout,
    /// Whether the logical elements are the conjugates of the stored ones
    /// (as oxpar-core's `MatRef::is_conj`; always false for real elements).
    pub(crate) conj: bool,
}

impl<T: DeviceElement> Clone for DeviceMat<'_, T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T: DeviceElement> Copy for DeviceMat<'_, T> {}

/// A mutable strided matrix in a [`DeviceBuffer`] whose elements do not overlap.
#[derive(Debug)]
pub struct DeviceMatMut<'a, T: DeviceElement> {
    pub(crate) buf: &'a mut DeviceBuffer<T>,
    pub(crate) layout: MatLayout,
}

impl<T: DeviceElement> DeviceVec<'_, T> {
    /// Number of elements.
    pub fn len(&self) -> usize {
        self.layout.len
    }
    /// True when there are no elements.
    pub fn is_empty(&self) -> bool {
        self.layout.len == 0
    }
    /// Where the elements are.
    pub fn layout(&self) -> VecLayout {
        self.layout
    }
}

impl<T: DeviceElement> DeviceVecMut<'_, T> {
    /// Number of elements.
    pub fn len(&self) -> usize {
        self.layout.len
    }
    /// True when there are no elements.
    pub fn is_empty(&self) -> bool {
        self.layout.len == 0
    }
    /// Where the elements are.
    pub fn layout(&self) -> VecLayout {
        self.layout
    }
    /// A read-only view of the same elements.
    pub fn as_ref(&self) -> DeviceVec<'_, T> {
        DeviceVec {
            buf: self.buf,
            layout: self.layout,
        }
    }
}

impl<'a, T: DeviceElement> DeviceMat<'a, T> {
    /// Number of rows.
    pub fn nrows(&self) -> usize {
        self.layout.rows
    }
    /// Number of columns.
    pub fn ncols(&self) -> usize {
        self.layout.cols
    }
    /// Where the elements are.
    pub fn layout(&self) -> MatLayout {
        self.layout
    }
    /// The transpose (no data moves; the conjugation mark stays).
    pub fn t(self) -> DeviceMat<'a, T> {
        DeviceMat {
            layout: self.layout.t(),
            ..self
        }
    }
    /// The elementwise conjugate (no data moves): the same view with the
    /// conjugation mark flipped, which the complex kernels take as a flag.
    /// The identity on real elements.
    pub fn conj(self) -> DeviceMat<'a, T> {
        DeviceMat {
            conj: !self.conj && T::DTYPE.is_complex(),
            ..self
        }
    }
    /// The conjugate transpose `A^H` (no data moves; `A^T` for real elements).
    pub fn h(self) -> DeviceMat<'a, T> {
        self.t().conj()
    }
    /// Whether the logical elements are the conjugates of the stored ones.
    pub fn is_conj(&self) -> bool {
        self.conj
    }
}

impl<'a, T: DeviceElement> DeviceMatMut<'a, T> {
    /// Number of rows.
    pub fn nrows(&self) -> usize {
        self.layout.rows
    }
    /// Number of columns.
    pub fn ncols(&self) -> usize {
        self.layout.cols
    }
    /// Where the elements are.
    pub fn layout(&self) -> MatLayout {
        self.layout
    }
    /// The transpose (no data moves).
    pub fn t(self) -> DeviceMatMut<'a, T> {
        DeviceMatMut {
            buf: self.buf,
            layout: self.layout.t(),
        }
    }
    /// A read-only view of the same elements.
    pub fn as_ref(&self) -> DeviceMat<'_, T> {
        DeviceMat {
            buf: self.buf,
            layout: self.layout,
            conj: false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layouts_check_bounds_and_strides() {
        assert!(VecLayout::contiguous(4).check(4, true).is_ok());
        assert_eq!(
            VecLayout::contiguous(5).check(4, true).unwrap_err().kind(),
            ErrorKind::ShapeMismatch
        );
        let b = VecLayout::blas(3, -2);
        assert_eq!((b.offset, b.stride), (4, -2));
        assert!(b.check(5, true).is_ok());
        assert!(b.check(4, true).is_err());
        assert_eq!(
            VecLayout::new(2, 0, 0).check(4, true).unwrap_err().kind(),
            ErrorKind::InvalidStride
        );
        assert!(
            VecLayout::new(2, 0, 0).check(4, false).is_ok(),
            "a read-only vector may repeat one element"
        );
        assert!(VecLayout::new(1, 3, 0).check(4, true).is_ok());
        assert!(VecLayout::new(0, 99, 0).check(0, true).is_ok());
        // Negative strides below index 0 are refused.
        assert!(VecLayout::new(3, 1, -1).check(10, true).is_err());

        let m = MatLayout::col_major(3, 2, 4);
        assert!(m.check::<f32>(7, true).is_ok());
        assert!(m.check::<f32>(6, true).is_err());
        assert_eq!(m.t().rows, 2);
        assert_eq!(
            MatLayout::col_major(3, 3, 2)
                .check::<f64>(100, true)
                .unwrap_err()
                .kind(),
            ErrorKind::InvalidStride,
            "overlapping output"
        );
        assert!(MatLayout::col_major(3, 3, 2)
            .check::<f64>(100, false)
            .is_ok());
        // Reversed Fortran order: (0, 0) is the last element.
        assert!(MatLayout::new(2, 3, 5, -1, -2)
            .check::<f32>(6, true)
            .is_ok());
        assert!(MatLayout::new(2, 3, 4, -1, -2)
            .check::<f32>(6, true)
            .is_err());
        assert!(MatLayout::new(0, 3, 99, 0, 0).check::<f32>(0, true).is_ok());
    }
}
