//! Splitting work and mutable views into disjoint blocks for the team.
//!
//! The only unsafe code of this crate: workers of one region each build a
//! mutable view of their own block from a shared base view. Blocks come from
//! [`block`], which never hands out overlapping ranges.

use std::marker::PhantomData;
use std::ops::Range;

use oxpar_core::{Element, MatMut, VecMut};

/// Part `p` of `0..n` split into `parts` nearly equal contiguous blocks (the
/// first `n % parts` blocks are one longer).
pub(crate) fn block(n: usize, parts: usize, p: usize) -> Range<usize> {
    let (q, r) = (n / parts, n % parts);
    let start = p * q + p.min(r);
    start..start + q + usize::from(p < r)
}

/// A mutable vector shared by the workers of one region, each taking its block.
pub(crate) struct SharedVecMut<'a, T> {
    ptr: *mut T,
    inc: isize,
    _borrow: PhantomData<&'a mut [T]>,
}

// SAFETY: workers only create views of disjoint blocks (see `block_mut`), so
// sharing the base pointer is like handing out `split_at_mut` pieces.
unsafe impl<T: Send> Send for SharedVecMut<'_, T> {}
// SAFETY: as above.
unsafe impl<T: Send> Sync for SharedVecMut<'_, T> {}

impl<'a, T: Element> SharedVecMut<'a, T> {
    pub(crate) fn new(mut v: VecMut<'a, T>) -> Self {
        SharedVecMut {
            ptr: v.as_mut_ptr(),
            inc: v.inc(),
            _borrow: PhantomData,
        }
    }

    /// Elements `range` of the vector.
    ///
    /// # Safety
    /// `range` lies inside the original vector and no other live view of this
    /// region overlaps it.
    pub(crate) unsafe fn block_mut(&self, range: Range<usize>) -> VecMut<'_, T> {
        let start = if range.is_empty() {
            self.ptr
        } else {
            // SAFETY: range.start is an element of the original vector.
            unsafe { self.ptr.offset(range.start as isize * self.inc) }
        };
        // SAFETY: the caller guarantees the block is inside and exclusively ours.
        unsafe { VecMut::from_raw_unchecked(start, range.len(), self.inc) }
    }
}

/// A mutable matrix shared by the workers of one region, each taking a block
/// of columns.
pub(crate) struct SharedMatMut<'a, T> {
    ptr: *mut T,
    nrows: usize,
    rs: isize,
    cs: isize,
    _borrow: PhantomData<&'a mut [T]>,
}

// SAFETY: as SharedVecMut: workers take disjoint column blocks.
unsafe impl<T: Send> Send for SharedMatMut<'_, T> {}
// SAFETY: as above.
unsafe impl<T: Send> Sync for SharedMatMut<'_, T> {}

impl<'a, T: Element> SharedMatMut<'a, T> {
    pub(crate) fn new(mut m: MatMut<'a, T>) -> Self {
        SharedMatMut {
            ptr: m.as_mut_ptr(),
            nrows: m.nrows(),
            rs: m.rs(),
            cs: m.cs(),
            _borrow: PhantomData,
        }
    }

    /// Columns `cols` of the matrix.
    ///
    /// # Safety
    /// `cols` lies inside the original matrix and no other live view of this
    /// region overlaps it.
    pub(crate) unsafe fn cols_mut(&self, cols: Range<usize>) -> MatMut<'_, T> {
        let start = if cols.is_empty() || self.nrows == 0 {
            self.ptr
        } else {
            // SAFETY: column cols.start exists in the original matrix.
            unsafe { self.ptr.offset(cols.start as isize * self.cs) }
        };
        // SAFETY: the caller guarantees the block is inside and exclusively ours.
        unsafe { MatMut::from_raw_unchecked(start, self.nrows, cols.len(), self.rs, self.cs) }
    }
}

#[cfg(test)]
mod tests {
    use super::block;

    #[test]
    fn blocks_tile_the_range() {
        for n in [0, 1, 2, 7, 100] {
            for parts in 1..6 {
                let mut next = 0;
                for p in 0..parts {
                    let r = block(n, parts, p);
                    assert_eq!(r.start, next);
                    next = r.end;
                }
                assert_eq!(next, n);
            }
        }
    }
}
