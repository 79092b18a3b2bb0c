//! Batches of equally shaped matrices: one slice, a matrix layout and a
//! batch stride, for the batched factorizations of
//! [`crate::factor_batch`].
//!
//! # Why a view of its own
//!
//! The common batched workload is 10^5 systems of order 4: a slice of views
//! would cost an allocation and 48 bytes per system, and would leave the
//! non-overlap of the systems unchecked. A batch is instead three strides
//! over one slice, the layout of a NumPy stack `(count, m, n)` (batch stride
//! `m*n`) or of a Fortran array `a(m, n, count)`, or any other layout with
//! non-negative strides, and matrix `k` starts at element `k*bs`. Item views
//! are made on the fly, so no allocation is needed per system.
//!
//! # Which layouts are accepted
//!
//! Strides must be non-negative (reverse a batch by hand if needed). A
//! [`BatchMut`] must have pairwise distinct elements across all its
//! matrices. The test is sufficient rather than exact, and it accepts the
//! layouts real codes use: either the three axes nest (sorted by stride,
//! each stride exceeds the extent of the axes below it, as in NumPy's C and
//! Fortran orders and any of their transposes), or each matrix alone has
//! distinct elements (decided exactly, as for [`MatMut`]) and the batch
//! stride steps past a whole matrix. A [`BatchRef`] accepts any layout.

use std::marker::PhantomData;

use crate::error::{Error, Result};
use crate::scalar::Element;
use crate::view::{matrix_collision, MatMut, MatRef};

/// The shape and strides shared by [`BatchRef`] and [`BatchMut`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Layout {
    count: usize,
    nrows: usize,
    ncols: usize,
    rs: isize,
    cs: isize,
    bs: isize,
}

impl Layout {
    /// Checks the layout against a slice of `len` elements.
    fn new(
        len: usize,
        count: usize,
        nrows: usize,
        ncols: usize,
        strides: [isize; 3],
    ) -> Result<Self> {
        let [rs, cs, bs] = strides;
        for (s, name) in [
            (rs, "row stride"),
            (cs, "column stride"),
            (bs, "batch stride"),
        ] {
            if s < 0 {
                return Err(Error::invalid_stride(
                    name,
                    format!("is {s}: a batch takes non-negative strides only"),
                ));
            }
        }
        if count > 0 && nrows > 0 && ncols > 0 {
            let last = [(count, bs), (nrows, rs), (ncols, cs)]
                .iter()
                .try_fold(0usize, |acc, &(d, s)| {
                    (d - 1)
                        .checked_mul(s as usize)
                        .and_then(|e| acc.checked_add(e))
                })
                .filter(|&e| e <= isize::MAX as usize / std::mem::size_of::<u128>())
                .ok_or_else(|| Error::invalid_stride("strides", "overflow the address space"))?;
            if last >= len {
                return Err(Error::shape_mismatch(format!(
                    "a batch of {count} {nrows}x{ncols} matrices with strides ({rs}, {cs}) and batch stride {bs} needs {} elements of storage, the array has {len}",
                    last + 1
                )));
            }
        }
        Ok(Layout {
            count,
            nrows,
            ncols,
            rs,
            cs,
            bs,
        })
    }

    /// Refuses a layout in which two elements may share an address (see the
    /// module documentation for the test).
    fn check_distinct(&self) -> Result<()> {
        let (m, n) = (self.nrows, self.ncols);
        if self.count == 0 || m == 0 || n == 0 {
            return Ok(());
        }
        let mut axes: Vec<(usize, usize)> = [
            (m, self.rs as usize),
            (n, self.cs as usize),
            (self.count, self.bs as usize),
        ]
        .into_iter()
        .filter(|&(d, _)| d > 1)
        .collect();
        axes.sort_by_key(|&(_, s)| s);
        let mut extent = 0usize;
        let nested = axes.iter().all(|&(d, s)| {
            let ok = s > extent;
            extent += (d - 1) * s;
            ok
        });
        let span = (m - 1) * self.rs as usize + (n - 1) * self.cs as usize + 1;
        let stacked = matrix_collision(m, n, self.rs, self.cs).is_none()
            && (self.count == 1 || self.bs as usize >= span);
        if nested || stacked {
            Ok(())
        } else {
            Err(Error::invalid_stride(
                "batch stride",
                format!(
                    "the {} {m}x{n} matrices with strides ({}, {}) and batch stride {} overlap \
                     (or interleave in a way the batch does not accept), and the batch is written",
                    self.count, self.rs, self.cs, self.bs
                ),
            ))
        }
    }

    /// Offset of matrix `k`'s element (0, 0).
    fn offset(&self, k: usize) -> usize {
        assert!(k < self.count, "matrix {k} of a batch of {}", self.count);
        k * self.bs as usize
    }

    fn split(&self, k: usize) -> (Layout, Layout, usize) {
        assert!(k <= self.count, "split at {k} of a batch of {}", self.count);
        (
            Layout { count: k, ..*self },
            Layout {
                count: self.count - k,
                ..*self
            },
            k * self.bs as usize,
        )
    }
}

/// A read-only batch of `count` matrices of one shape (see the module
/// documentation).
#[derive(Clone, Copy)]
pub struct BatchRef<'a, T> {
    ptr: *const T,
    layout: Layout,
    _borrow: PhantomData<&'a [T]>,
}

/// A mutable batch of `count` matrices of one shape whose elements do not
/// overlap (see the module documentation).
pub struct BatchMut<'a, T> {
    ptr: *mut T,
    layout: Layout,
    _borrow: PhantomData<&'a mut [T]>,
}

// SAFETY: a shared borrow of T's, as MatRef.
unsafe impl<T: Sync> Send for BatchRef<'_, T> {}
// SAFETY: as above.
unsafe impl<T: Sync> Sync for BatchRef<'_, T> {}
// SAFETY: a unique borrow, as MatMut.
unsafe impl<T: Send> Send for BatchMut<'_, T> {}
// SAFETY: &BatchMut only allows reads.
unsafe impl<T: Sync> Sync for BatchMut<'_, T> {}

macro_rules! batch_common {
    ($name:ident) => {
        impl<'a, T: Element> $name<'a, T> {
            /// Number of matrices.
            #[inline]
            pub fn count(&self) -> usize {
                self.layout.count
            }
            /// Rows of each matrix.
            #[inline]
            pub fn nrows(&self) -> usize {
                self.layout.nrows
            }
            /// Columns of each matrix.
            #[inline]
            pub fn ncols(&self) -> usize {
                self.layout.ncols
            }
            /// True when the batch has no matrix.
            #[inline]
            pub fn is_empty(&self) -> bool {
                self.layout.count == 0
            }
            /// Matrix `k`, read-only.
            ///
            /// # Panics
            /// If `k >= count()`.
            #[inline]
            pub fn get(&self, k: usize) -> MatRef<'_, T> {
                let l = &self.layout;
                let off = l.offset(k);
                // SAFETY: in bounds of the slice the batch was made from
                // (checked at construction); borrowed for `&self`.
                unsafe {
                    MatRef::from_raw_unchecked(self.ptr.add(off), l.nrows, l.ncols, l.rs, l.cs)
                }
            }
        }

        impl<T: Element> std::fmt::Debug for $name<'_, T> {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.debug_struct(stringify!($name))
                    .field("layout", &self.layout)
                    .finish()
            }
        }
    };
}

batch_common!(BatchRef);
batch_common!(BatchMut);

impl<'a, T: Element> BatchRef<'a, T> {
    /// `count` matrices of `nrows x ncols` in `data` with element strides
    /// `rs`, `cs` (all non-negative); matrix `k` starts at `data[k * bs]`.
    pub fn from_slice(
        data: &'a [T],
        count: usize,
        nrows: usize,
        ncols: usize,
        [rs, cs, bs]: [isize; 3],
    ) -> Result<Self> {
        let layout = Layout::new(data.len(), count, nrows, ncols, [rs, cs, bs])?;
        Ok(BatchRef {
            ptr: data.as_ptr(),
            layout,
            _borrow: PhantomData,
        })
    }

    /// A NumPy C-order stack `(count, nrows, ncols)`, contiguous.
    pub fn row_major(data: &'a [T], count: usize, nrows: usize, ncols: usize) -> Result<Self> {
        Self::from_slice(data, count, nrows, ncols, stacked(nrows, ncols, true)?)
    }

    /// A batch from a pointer to matrix 0's element (0, 0) (as
    /// [`BatchRef::from_slice`], for bindings that hold a pointer and
    /// strides, such as ndarray's 3-D views).
    ///
    /// # Safety
    /// For `'a`, every element of every matrix must be valid, initialized,
    /// inside one allocation and not written by anyone.
    pub unsafe fn from_raw_parts(
        ptr: *const T,
        count: usize,
        nrows: usize,
        ncols: usize,
        strides: [isize; 3],
    ) -> Result<Self> {
        let layout = Layout::new(isize::MAX as usize, count, nrows, ncols, strides)?;
        Ok(BatchRef {
            ptr,
            layout,
            _borrow: PhantomData,
        })
    }

    /// The first `k` matrices and the rest.
    ///
    /// # Panics
    /// If `k > count()`.
    pub fn split_at(self, k: usize) -> (Self, Self) {
        let (a, b, off) = self.layout.split(k);
        let second = if b.count == 0 {
            self.ptr
        } else {
            // SAFETY: matrix k exists, so its offset is in bounds.
            unsafe { self.ptr.add(off) }
        };
        (
            BatchRef {
                ptr: self.ptr,
                layout: a,
                _borrow: PhantomData,
            },
            BatchRef {
                ptr: second,
                layout: b,
                _borrow: PhantomData,
            },
        )
    }
}

impl<'a, T: Element> BatchMut<'a, T> {
    /// As [`BatchRef::from_slice`], and also checks that no two elements
    /// overlap (see the module documentation).
    pub fn from_slice(
        data: &'a mut [T],
        count: usize,
        nrows: usize,
        ncols: usize,
        [rs, cs, bs]: [isize; 3],
    ) -> Result<Self> {
        let layout = Layout::new(data.len(), count, nrows, ncols, [rs, cs, bs])?;
        layout.check_distinct()?;
        Ok(BatchMut {
            ptr: data.as_mut_ptr(),
            layout,
            _borrow: PhantomData,
        })
    }

    /// A NumPy C-order stack `(count, nrows, ncols)`, contiguous.
    pub fn row_major(data: &'a mut [T], count: usize, nrows: usize, ncols: usize) -> Result<Self> {
        Self::from_slice(data, count, nrows, ncols, stacked(nrows, ncols, true)?)
    }

    /// A Fortran array `a(nrows, ncols, count)`, contiguous.
    pub fn col_major(data: &'a mut [T], count: usize, nrows: usize, ncols: usize) -> Result<Self> {
        Self::from_slice(data, count, nrows, ncols, stacked(nrows, ncols, false)?)
    }

    /// As [`BatchRef::from_raw_parts`], and also checks that no two
    /// elements overlap.
    ///
    /// # Safety
    /// For `'a`, every element of every matrix must be valid, initialized,
    /// inside one allocation and accessed by nobody else.
    pub unsafe fn from_raw_parts(
        ptr: *mut T,
        count: usize,
        nrows: usize,
        ncols: usize,
        strides: [isize; 3],
    ) -> Result<Self> {
        let layout = Layout::new(isize::MAX as usize, count, nrows, ncols, strides)?;
        layout.check_distinct()?;
        Ok(BatchMut {
            ptr,
            layout,
            _borrow: PhantomData,
        })
    }

    /// A read-only view of the same batch.
    #[inline]
    pub fn as_ref(&self) -> BatchRef<'_, T> {
        BatchRef {
            ptr: self.ptr,
            layout: self.layout,
            _borrow: PhantomData,
        }
    }

    /// A reborrow.
    #[inline]
    pub fn rb_mut(&mut self) -> BatchMut<'_, T> {
        BatchMut {
            ptr: self.ptr,
            layout: self.layout,
            _borrow: PhantomData,
        }
    }

    /// Matrix `k`, mutable.
    ///
    /// # Panics
    /// If `k >= count()`.
    #[inline]
    pub fn get_mut(&mut self, k: usize) -> MatMut<'_, T> {
        let l = &self.layout;
        let off = l.offset(k);
        // SAFETY: in bounds (checked at construction), its elements distinct
        // (checked at construction) and borrowed uniquely for `&mut self`.
        unsafe { MatMut::from_raw_unchecked(self.ptr.add(off), l.nrows, l.ncols, l.rs, l.cs) }
    }

    /// The first `k` matrices and the rest, as two batches that share no
    /// element.
    ///
    /// # Panics
    /// If `k > count()`.
    pub fn split_at_mut(self, k: usize) -> (Self, Self) {
        let (a, b, off) = self.layout.split(k);
        let second = if b.count == 0 {
            self.ptr
        } else {
            // SAFETY: matrix k exists, so its offset is in bounds.
            unsafe { self.ptr.add(off) }
        };
        // Disjoint: the batch's elements are pairwise distinct (checked at
        // construction), and the halves hold different matrices.
        (
            BatchMut {
                ptr: self.ptr,
                layout: a,
                _borrow: PhantomData,
            },
            BatchMut {
                ptr: second,
                layout: b,
                _borrow: PhantomData,
            },
        )
    }
}

/// The strides of a contiguous stack, row-major or column-major matrices.
fn stacked(nrows: usize, ncols: usize, row_major: bool) -> Result<[isize; 3]> {
    let size = nrows
        .checked_mul(ncols)
        .and_then(|s| isize::try_from(s).ok())
        .ok_or_else(|| Error::invalid_stride("batch stride", "overflows"))?;
    let (m, n) = (nrows as isize, ncols as isize);
    Ok(if row_major {
        [n, 1, size]
    } else {
        [1, m, size]
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorKind;

    #[test]
    fn stacks_and_items() {
        let mut v: Vec<f64> = (0..24).map(f64::from).collect();
        let mut b = BatchMut::row_major(&mut v, 3, 2, 4).unwrap();
        assert_eq!(b.get(2).get(1, 3), 23.0);
        b.get_mut(1).set(0, 0, -1.0);
        let (first, mut rest) = b.split_at_mut(1);
        assert_eq!(first.count(), 1);
        assert_eq!(rest.get_mut(0).get(0, 0), -1.0);
        let (_, empty) = rest.split_at_mut(2);
        assert!(empty.is_empty());
    }

    #[test]
    fn interleaved_batches_are_accepted_and_overlaps_refused() {
        let mut v = vec![0.0f32; 2 * 2 * 5];
        // Fortran a(count, 2, 2): batch innermost.
        assert!(BatchMut::from_slice(&mut v, 5, 2, 2, [5, 10, 1]).is_ok());
        // Matrices sharing storage.
        let e = BatchMut::from_slice(&mut v, 5, 2, 2, [1, 2, 3]).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::InvalidStride);
        assert!(BatchRef::from_slice(&v, 5, 2, 2, [1, 2, 3]).is_ok());
        // Too short, negative stride.
        let e = BatchMut::from_slice(&mut v, 6, 2, 2, [1, 2, 4]).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::ShapeMismatch);
        let e = BatchMut::from_slice(&mut v, 2, 2, 2, [1, 2, -4]).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::InvalidStride);
        // Zero batch stride with one matrix is fine; with two it overlaps.
        assert!(BatchMut::from_slice(&mut v, 1, 2, 2, [1, 2, 0]).is_ok());
        assert!(BatchMut::from_slice(&mut v, 2, 2, 2, [1, 2, 0]).is_err());
    }
}
