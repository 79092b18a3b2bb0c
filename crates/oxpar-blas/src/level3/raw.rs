//! Strided matrices as plain addresses, and the few operations the blocked
//! algorithms build on: gemm on the threads backend, scaling, and a parallel
//! loop for the small kernels.
//!
//! The routines of this module work on [`Mat`]s that the entry points built
//! from arguments the reference checks have accepted (`ld >= max(1, rows)`),
//! so every element a view addresses belongs to the caller's array.

use std::cell::Cell;
use std::ops::Range;
use std::sync::OnceLock;

use oxpar_core::{Backend, Level3, MatMut, MatRef, ParallelLoops, Scalar, Schedule};
use oxpar_threads::ThreadsBackend;

/// A `rows x cols` matrix whose element `(i, j)` is at `ptr + i*rs + j*cs`.
///
/// Only an address and a shape: it neither owns nor borrows. Every function
/// that reads or writes through it is `unsafe`, and its callers guarantee
/// that the elements exist, and that no two threads write the same element.
#[derive(Debug)]
pub(crate) struct Mat<T> {
    /// Element `(0, 0)`.
    pub ptr: *mut T,
    /// Number of rows.
    pub rows: usize,
    /// Number of columns.
    pub cols: usize,
    /// Distance in elements between rows.
    pub rs: isize,
    /// Distance in elements between columns.
    pub cs: isize,
}

impl<T> Clone for Mat<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Mat<T> {}

// SAFETY: a Mat is an address and a shape; reading or writing through it takes
// an unsafe call whose caller guarantees that concurrent users touch disjoint
// elements (the parallel kernels hand each thread its own columns or rows).
unsafe impl<T: Send> Send for Mat<T> {}
// SAFETY: as above.
unsafe impl<T: Sync> Sync for Mat<T> {}

impl<T: Scalar> Mat<T> {
    /// The column-major (Fortran) matrix `A(i, j) = ptr[i + j*ld]`.
    pub fn col_major(ptr: *const T, rows: usize, cols: usize, ld: usize) -> Self {
        Mat {
            ptr: ptr.cast_mut(),
            rows,
            cols,
            rs: 1,
            cs: ld as isize,
        }
    }

    /// A contiguous column-major matrix over `buf` (`buf.len() >= rows*cols`).
    pub fn over(buf: &mut [T], rows: usize, cols: usize) -> Self {
        debug_assert!(buf.len() >= rows * cols);
        Mat {
            ptr: buf.as_mut_ptr(),
            rows,
            cols,
            rs: 1,
            cs: rows.max(1) as isize,
        }
    }

    /// The transpose (no data moves).
    pub fn t(self) -> Self {
        Mat {
            ptr: self.ptr,
            rows: self.cols,
            cols: self.rows,
            rs: self.cs,
            cs: self.rs,
        }
    }

    /// The `rows x cols` block starting at `(i, j)`.
    pub fn sub(self, i: usize, j: usize, rows: usize, cols: usize) -> Self {
        debug_assert!(i + rows <= self.rows && j + cols <= self.cols);
        Mat {
            // Wrapping: an empty block may start one past the end.
            ptr: self
                .ptr
                .wrapping_offset(i as isize * self.rs + j as isize * self.cs),
            rows,
            cols,
            rs: self.rs,
            cs: self.cs,
        }
    }

    /// The address of element `(i, j)` (computed, not dereferenced).
    #[inline(always)]
    pub fn at(self, i: usize, j: usize) -> *mut T {
        self.ptr
            .wrapping_offset(i as isize * self.rs + j as isize * self.cs)
    }

    /// Element `(i, j)`.
    ///
    /// # Safety
    /// The element exists and nobody writes it concurrently.
    #[inline(always)]
    pub unsafe fn get(self, i: usize, j: usize) -> T {
        // SAFETY: the caller's contract.
        unsafe { *self.at(i, j) }
    }

    /// Sets element `(i, j)`.
    ///
    /// # Safety
    /// The element exists and nobody else accesses it concurrently.
    #[inline(always)]
    pub unsafe fn set(self, i: usize, j: usize, v: T) {
        // SAFETY: the caller's contract.
        unsafe { *self.at(i, j) = v }
    }

    /// A read-only oxpar view of the same elements.
    ///
    /// # Safety
    /// Every element exists, and nobody writes them while the view lives.
    unsafe fn view<'a>(self) -> MatRef<'a, T> {
        // SAFETY: the caller's contract; the strides come from checked
        // leading dimensions (or contiguous buffers), so they are non-zero
        // wherever the dimension exceeds one.
        unsafe { MatRef::from_raw_unchecked(self.ptr, self.rows, self.cols, self.rs, self.cs) }
    }

    /// A mutable oxpar view of the same elements.
    ///
    /// # Safety
    /// Every element exists, no two share an address, and nobody else accesses
    /// them while the view lives.
    unsafe fn view_mut<'a>(self) -> MatMut<'a, T> {
        // SAFETY: the caller's contract.
        unsafe { MatMut::from_raw_unchecked(self.ptr, self.rows, self.cols, self.rs, self.cs) }
    }
}

/// `C := alpha*A*B + beta*C` on the threads backend (which parallelizes large
/// products), or on the calling thread alone inside [`in_parallel`]. With
/// `beta == 0`, `C` is not read; with `alpha == 0` or an inner dimension of
/// 0, `A` and `B` are not read.
///
/// # Safety
/// The shapes agree; `a` and `b` are readable, `c` is writable, its elements
/// are distinct and overlap neither `a` nor `b`.
pub(crate) unsafe fn gemm<T: Scalar>(alpha: T, a: Mat<T>, b: Mat<T>, beta: T, c: Mat<T>) {
    debug_assert!(a.rows == c.rows && b.cols == c.cols && a.cols == b.rows);
    if c.rows == 0 || c.cols == 0 {
        return;
    }
    // SAFETY: the caller's contract (readable A and B, a distinct writable C).
    let (a, b, c) = unsafe { (a.view(), b.view(), c.view_mut()) };
    let backend = if SERIAL.with(Cell::get) {
        serial_backend()
    } else {
        crate::threads::backend()
    };
    let done = Level3::<T>::gemm(backend, alpha, a, b, beta, c);
    debug_assert!(done.is_ok(), "gemm shapes agree by construction");
}

/// `C := beta*C` on the whole matrix; with `beta == 0`, `C` is set to zero
/// without being read.
///
/// # Safety
/// `c` is writable and its elements are distinct.
pub(crate) unsafe fn scale<T: Scalar>(beta: T, c: Mat<T>) {
    if beta == T::one() {
        return;
    }
    let c = if c.rs.unsigned_abs() > c.cs.unsigned_abs() {
        c.t()
    } else {
        c
    };
    for j in 0..c.cols {
        for i in 0..c.rows {
            let p = c.at(i, j);
            // SAFETY: (i, j) is an element of c (caller's contract).
            unsafe {
                *p = if beta == T::zero() {
                    T::zero()
                } else {
                    beta * *p
                }
            };
        }
    }
}

/// `C := beta*C` on one triangle (diagonal included) of the square `c`:
/// the upper one (`i <= j`) when `upper`, else the lower one. With
/// `beta == 0` the triangle is set to zero without being read.
///
/// # Safety
/// As [`scale`].
pub(crate) unsafe fn scale_triangle<T: Scalar>(beta: T, c: Mat<T>, upper: bool) {
    if beta == T::one() {
        return;
    }
    let (c, upper) = if c.rs.unsigned_abs() > c.cs.unsigned_abs() {
        (c.t(), !upper)
    } else {
        (c, upper)
    };
    for j in 0..c.cols {
        let rows = if upper { 0..j + 1 } else { j..c.rows };
        for i in rows {
            let p = c.at(i, j);
            // SAFETY: (i, j) is an element of c (caller's contract).
            unsafe {
                *p = if beta == T::zero() {
                    T::zero()
                } else {
                    beta * *p
                }
            };
        }
    }
}

thread_local! {
    /// Set while this thread computes one part of a split operation: its
    /// gemms and small kernels then run on this thread alone.
    static SERIAL: Cell<bool> = const { Cell::new(false) };
}

/// A backend of one thread: its gemm always runs on the calling thread.
fn serial_backend() -> &'static ThreadsBackend {
    static BACKEND: OnceLock<ThreadsBackend> = OnceLock::new();
    BACKEND.get_or_init(|| ThreadsBackend::with_threads(1).expect("one thread always starts"))
}

/// Below this many multiply-adds a small kernel runs on the calling thread
/// alone (a team region costs about as much as a few thousand of them).
const PARALLEL_WORK: usize = 64 * 1024;

/// Below this many multiply-adds an operation is not split across threads
/// (the threshold of oxpar's parallel gemm).
const SPLIT_WORK: usize = 128 * 128 * 128;

/// Calls `body` on disjoint blocks of `0..n` covering it, in parallel on the
/// backend's team when `work` (multiply-adds in all) is worth it.
pub(crate) fn for_blocks(n: usize, work: usize, body: &(dyn Fn(Range<usize>) + Sync)) {
    let backend = crate::threads::backend();
    if n < 2 || work < PARALLEL_WORK || backend.num_threads() == 1 || SERIAL.with(Cell::get) {
        if n > 0 {
            body(0..n);
        }
        return;
    }
    let done = backend.parallel_for(0..n, Schedule::Static { chunk: 0 }, &|r, _| body(r));
    debug_assert!(done.is_ok());
}

/// Splits an operation along an index `0..n` whose parts are independent
/// (columns of the result), when that is worth it: returns `false` (having
/// done nothing) for small problems, or when the parts would be narrower
/// than `min_part`; else calls `part` on ranges covering `0..n`, dealt to
/// the team's threads as they become free, each computing its part with
/// gemms and small kernels on its own thread (through a one-thread oxpar
/// backend). `work` is the operation's multiply-adds.
///
/// One region of independent parts keeps every thread busy with large
/// single-threaded gemms, where the alternative (each gemm of a blocked
/// algorithm split across threads, the small kernels between them split
/// again) would hand the threads back and forth between the team and
/// oxpar's gemm pool dozens of times.
pub(crate) fn in_parallel(
    n: usize,
    work: usize,
    min_part: usize,
    part: &(dyn Fn(Range<usize>) + Sync),
) -> bool {
    let backend = crate::threads::backend();
    let threads = backend.num_threads();
    if threads == 1 || work < SPLIT_WORK || SERIAL.with(Cell::get) {
        return false;
    }
    // About two parts per thread, for balance; multiples of 32 columns.
    let size = n.div_ceil(2 * threads).max(min_part).next_multiple_of(32);
    if size >= n {
        return false;
    }
    let parts = n.div_ceil(size);
    let done = backend.parallel_for(0..parts, Schedule::Dynamic { chunk: 1 }, &|r, _| {
        let was = SERIAL.with(|s| s.replace(true));
        for p in r {
            part(p * size..((p + 1) * size).min(n));
        }
        SERIAL.with(|s| s.set(was));
    });
    debug_assert!(done.is_ok());
    true
}

/// A split point for recursive algorithms: about half of `n`, rounded to a
/// multiple of 16 so that blocks stay aligned with the kernels' tiles.
pub(crate) fn split(n: usize) -> usize {
    let half = n / 2;
    if half >= 32 {
        half & !15
    } else {
        half.max(1)
    }
}
