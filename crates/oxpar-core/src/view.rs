//! Strided views of caller memory: vectors and matrices in BLAS layout.
//!
//! A view is a pointer to its logical element 0 (or (0, 0)), its dimensions and
//! its element strides. Strides may be negative or zero, and may be anything
//! at all when their dimension is at most 1 (they are then normalized, see
//! [`normalize_inc`] and [`normalize_strides`]). Views never own memory: CPU
//! backends compute in the caller's arrays, zero-copy.
//!
//! Safe constructors take slices and follow BLAS's convention for negative
//! strides: the lowest-addressed element is the slice's first, so
//! `VecRef::from_blas(x, n, -1)` reads `x[n-1], x[n-2], ..., x[0]`. The `unsafe`
//! `from_raw_parts` constructors take a pointer to element 0, as BLIS does.
//!
//! # Which layouts are accepted
//! - **Read-only views** ([`VecRef`], [`MatRef`]) accept any strides whose
//!   extent fits the address space, including a zero stride (NumPy's
//!   `broadcast_to`, one value repeated along a row) and layouts in which
//!   several elements share an address (a sliding window): reading them twice
//!   is harmless.
//! - **Mutable views** ([`VecMut`], [`MatMut`]) must have pairwise distinct
//!   elements, which is decided exactly: a vector needs a non-zero stride when
//!   it has two or more elements; an `m x n` matrix with strides `(rs, cs)`
//!   has two elements at one address exactly when, with `g = gcd(|rs|, |cs|)`,
//!   `|cs|/g < m` and `|rs|/g < n` (see [`matrix_collision`]). So
//!   `a[:, ::2]` of a `10 x 41` array (strides `(41, 2)`) is a valid output.

use std::marker::PhantomData;

use crate::error::{Error, Result};
use crate::scalar::Element;

/// Checks one dimension/stride pair and returns `(dim - 1) * |stride|`, the
/// distance in elements from the first to the last element along it.
fn extent(dim: usize, stride: isize, what: &str) -> Result<usize> {
    if dim <= 1 {
        return Ok(0);
    }
    (dim - 1)
        .checked_mul(stride.unsigned_abs())
        .filter(|&e| e <= isize::MAX as usize)
        .ok_or_else(|| {
            Error::invalid_stride(
                what,
                format!("stride {stride} times dimension {dim} overflows the address space"),
            )
        })
}

/// Checks that the whole extent, in bytes, is addressable.
fn check_bytes<T>(elems: usize, what: &str) -> Result<()> {
    elems
        .checked_add(1)
        .and_then(|e| e.checked_mul(std::mem::size_of::<T>()))
        .filter(|&b| b <= isize::MAX as usize)
        .map(|_| ())
        .ok_or_else(|| {
            Error::invalid_stride(what, "strides and dimensions overflow the address space")
        })
}

/// Checks a raw pointer: non-null and aligned when the view is non-empty.
fn check_ptr<T>(ptr: *const T, empty: bool, name: &str) -> Result<()> {
    if empty {
        return Ok(());
    }
    if ptr.is_null() {
        return Err(Error::invalid_argument(
            name,
            "is NULL but the array is not empty",
        ));
    }
    if !(ptr as usize).is_multiple_of(std::mem::align_of::<T>()) {
        return Err(Error::invalid_argument(
            name,
            format!("is not aligned to {} bytes", std::mem::align_of::<T>()),
        ));
    }
    Ok(())
}

/// The stride a vector of `len` elements is used with: `inc` itself, or 1
/// when `len <= 1`, where the stride never addresses anything (so an extreme
/// value such as `isize::MIN` never reaches a kernel's arithmetic).
#[inline]
pub fn normalize_inc(len: usize, inc: isize) -> isize {
    if len <= 1 {
        1
    } else {
        inc
    }
}

/// The strides an `nrows x ncols` matrix is used with: a dimension of at most
/// one element gets a harmless stride that keeps the matrix column-major
/// (rows of one element: `rs = 1` unless `cs == 1`) or row-major, so that
/// kernels see an ordinary layout and no extreme value.
#[inline]
pub fn normalize_strides(nrows: usize, ncols: usize, rs: isize, cs: isize) -> (isize, isize) {
    let wide = |d: usize| isize::try_from(d.max(1)).unwrap_or(isize::MAX);
    match (nrows <= 1, ncols <= 1) {
        (true, true) => (1, 1),
        (true, false) if cs.unsigned_abs() == 1 => (wide(ncols), cs),
        (true, false) => (1, cs),
        (false, true) if rs.unsigned_abs() == 1 => (rs, wide(nrows)),
        (false, true) => (rs, 1),
        (false, false) => (rs, cs),
    }
}

/// Checks a vector given by a pointer to element 0, a length and a stride,
/// naming the arguments in errors (`array`, e.g. `"x"`; `inc`, e.g. `"incx"`):
/// non-null and aligned when non-empty, and an extent that fits the address
/// space. With `distinct` (an output), also a non-zero stride when `len > 1`.
pub fn validate_vector<T>(
    ptr: *const T,
    len: usize,
    inc: isize,
    array: &str,
    inc_name: &str,
    distinct: bool,
) -> Result<()> {
    check_ptr(ptr, len == 0, array)?;
    check_bytes::<T>(extent(len, inc, inc_name)?, inc_name)?;
    if distinct {
        check_distinct_vector(len, inc, array, inc_name)?;
    }
    Ok(())
}

/// Checks a matrix given by a pointer to element (0, 0), its shape and its
/// strides, naming the arguments in errors (`names = [array, rs, cs]`, e.g.
/// `["a", "rsa", "csa"]`). With `distinct` (an output), also refuses layouts
/// in which two elements share an address (decided exactly).
pub fn validate_matrix<T>(
    ptr: *const T,
    nrows: usize,
    ncols: usize,
    rs: isize,
    cs: isize,
    names: [&str; 3],
    distinct: bool,
) -> Result<()> {
    let [array, rs_name, cs_name] = names;
    if nrows == 0 || ncols == 0 {
        // No element is ever addressed: any pointer and strides will do.
        return Ok(());
    }
    check_ptr(ptr, false, array)?;
    let ext_r = extent(nrows, rs, rs_name)?;
    let ext_c = extent(ncols, cs, cs_name)?;
    let total = ext_r
        .checked_add(ext_c)
        .ok_or_else(|| Error::invalid_stride(cs_name, "strides overflow the address space"))?;
    check_bytes::<T>(total, cs_name)?;
    if distinct {
        check_distinct_matrix(nrows, ncols, rs, cs, names)?;
    }
    Ok(())
}

/// Offset of logical element 0 from the lowest-addressed element, for BLAS's
/// convention with negative strides.
fn base_offset(dim: usize, stride: isize) -> usize {
    if stride < 0 && dim > 1 {
        (dim - 1) * stride.unsigned_abs()
    } else {
        0
    }
}

/// Refuses a written vector whose elements share an address (stride 0).
fn check_distinct_vector(len: usize, inc: isize, array: &str, inc_name: &str) -> Result<()> {
    if len > 1 && inc == 0 {
        return Err(Error::invalid_stride(
            inc_name,
            format!(
                "is 0 for the {len} elements of {array}, which is written: its elements would \
                 share one address (a zero stride is allowed only for arrays that are only read)"
            ),
        ));
    }
    Ok(())
}

fn gcd(mut a: usize, mut b: usize) -> usize {
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a
}

/// Two elements `(i1, j1) != (i2, j2)` of an `nrows x ncols` matrix with
/// strides `(rs, cs)` that share an address, or `None` when every element has
/// an address of its own.
///
/// The test is exact. Elements `(i, j)` and `(i + di, j + dj)` coincide when
/// `di*rs + dj*cs = 0`. With both strides non-zero and `g = gcd(|rs|, |cs|)`,
/// the solutions are the multiples of `(cs/g, -rs/g)`, so a pair exists inside
/// the matrix exactly when `|cs|/g < nrows` and `|rs|/g < ncols`. A zero
/// stride along a dimension of two or more elements is a collision at once.
pub fn matrix_collision(
    nrows: usize,
    ncols: usize,
    rs: isize,
    cs: isize,
) -> Option<((usize, usize), (usize, usize))> {
    if nrows == 0 || ncols == 0 || (nrows == 1 && ncols == 1) {
        return None;
    }
    // A step (di, dj) between two coinciding elements, if one fits.
    let step: (isize, isize) = if nrows > 1 && rs == 0 {
        (1, 0)
    } else if ncols > 1 && cs == 0 {
        (0, 1)
    } else if nrows == 1 || ncols == 1 {
        return None;
    } else {
        let g = gcd(rs.unsigned_abs(), cs.unsigned_abs());
        let (di, dj) = (cs.unsigned_abs() / g, rs.unsigned_abs() / g);
        if di >= nrows || dj >= ncols {
            return None;
        }
        // Signs so that di*rs + dj*cs = 0.
        let same_sign = (rs < 0) == (cs < 0);
        (
            di as isize,
            if same_sign {
                -(dj as isize)
            } else {
                dj as isize
            },
        )
    };
    let (di, dj) = step;
    let i1 = if di < 0 { di.unsigned_abs() } else { 0 };
    let j1 = if dj < 0 { dj.unsigned_abs() } else { 0 };
    Some((
        (i1, j1),
        ((i1 as isize + di) as usize, (j1 as isize + dj) as usize),
    ))
}

/// Refuses a written matrix in which two elements share an address.
fn check_distinct_matrix(
    nrows: usize,
    ncols: usize,
    rs: isize,
    cs: isize,
    names: [&str; 3],
) -> Result<()> {
    let [array, rs_name, cs_name] = names;
    match matrix_collision(nrows, ncols, rs, cs) {
        None => Ok(()),
        Some(((i1, j1), (i2, j2))) => Err(Error::invalid_stride(
            // The stride at fault: a zero one, else the larger (the leading
            // dimension).
            if (nrows > 1 && rs == 0) || (cs != 0 && rs.unsigned_abs() >= cs.unsigned_abs()) {
                rs_name
            } else {
                cs_name
            },
            format!(
                "elements ({i1}, {j1}) and ({i2}, {j2}) of the {nrows}x{ncols} array {array}, \
                 which is written, share an address ({rs_name} = {rs}, {cs_name} = {cs}; \
                 a leading dimension too small?)"
            ),
        )),
    }
}

macro_rules! vec_common {
    ($name:ident) => {
        impl<'a, T: Element> $name<'a, T> {
            /// Number of elements.
            #[inline]
            pub fn len(&self) -> usize {
                self.len
            }
            /// True when there are no elements.
            #[inline]
            pub fn is_empty(&self) -> bool {
                self.len == 0
            }
            /// Distance in elements between consecutive elements (may be negative).
            #[inline]
            pub fn inc(&self) -> isize {
                self.inc
            }
            /// Pointer to element 0.
            #[inline]
            pub fn as_ptr(&self) -> *const T {
                self.ptr as *const T
            }
            /// Element `i`; panics when out of bounds.
            #[inline]
            pub fn get(&self, i: usize) -> T {
                assert!(
                    i < self.len,
                    "index {i} out of bounds for a vector of length {}",
                    self.len
                );
                // SAFETY: i < len, and the constructor checked that every element
                // 0..len at stride `inc` is inside one live allocation.
                unsafe { *self.ptr.offset(i as isize * self.inc) }
            }
            /// The elements as a slice when they are contiguous (`inc == 1` or
            /// fewer than two elements).
            #[inline]
            pub fn as_slice(&self) -> Option<&[T]> {
                if self.len == 0 {
                    Some(&[])
                } else if self.inc == 1 || self.len == 1 {
                    // SAFETY: contiguous elements 0..len inside one allocation,
                    // borrowed for the view's lifetime.
                    Some(unsafe { std::slice::from_raw_parts(self.ptr as *const T, self.len) })
                } else {
                    None
                }
            }
            /// Iterates over the elements in logical order.
            pub fn iter(&self) -> impl Iterator<Item = T> + Clone + '_ {
                (0..self.len).map(move |i| {
                    // SAFETY: i < len; see `get`.
                    unsafe { *self.ptr.offset(i as isize * self.inc) }
                })
            }
        }
    };
}

/// A read-only strided vector.
#[derive(Copy, Clone)]
pub struct VecRef<'a, T> {
    ptr: *const T,
    len: usize,
    inc: isize,
    _borrow: PhantomData<&'a [T]>,
}

/// A mutable strided vector whose elements do not overlap.
pub struct VecMut<'a, T> {
    ptr: *mut T,
    len: usize,
    inc: isize,
    _borrow: PhantomData<&'a mut [T]>,
}

// SAFETY: a VecRef is a shared borrow of T's; sharing it across threads is
// sharing &T, which is fine for T: Sync.
unsafe impl<T: Sync> Send for VecRef<'_, T> {}
// SAFETY: as above.
unsafe impl<T: Sync> Sync for VecRef<'_, T> {}
// SAFETY: a VecMut is a unique borrow, like &mut [T].
unsafe impl<T: Send> Send for VecMut<'_, T> {}
// SAFETY: &VecMut only allows reads.
unsafe impl<T: Sync> Sync for VecMut<'_, T> {}

vec_common!(VecRef);
vec_common!(VecMut);

impl<'a, T: Element> VecRef<'a, T> {
    /// A contiguous vector over the whole slice.
    pub fn from_slice(data: &'a [T]) -> Self {
        VecRef {
            ptr: data.as_ptr(),
            len: data.len(),
            inc: 1,
            _borrow: PhantomData,
        }
    }

    /// `n` elements of `data` at stride `inc`, BLAS-style: with `inc < 0` the
    /// vector runs backwards from `data[(n-1)*|inc|]` to `data[0]`.
    pub fn from_blas(data: &'a [T], n: usize, inc: isize) -> Result<Self> {
        let ext = extent(n, inc, "inc")?;
        if n > 0 && ext >= data.len() {
            return Err(Error::shape_mismatch(format!(
                "{n} elements at stride {inc} need {} elements of storage, the array has {}",
                ext + 1,
                data.len()
            )));
        }
        let base = base_offset(n, inc);
        // SAFETY: checked above that every element is inside `data`.
        Ok(unsafe { Self::from_raw_unchecked(data.as_ptr().add(base), n, normalize_inc(n, inc)) })
    }

    /// A vector from a pointer to element 0, its length and its stride (which
    /// may be negative or zero). Checks the pointer (non-null and aligned when
    /// `len > 0`) and the stride (no address overflow).
    ///
    /// # Safety
    /// For the lifetime `'a`, elements `ptr + i*inc` for `i < len` must be
    /// valid, initialized, inside one allocation, and not written by anyone.
    pub unsafe fn from_raw_parts(ptr: *const T, len: usize, inc: isize) -> Result<Self> {
        validate_vector(ptr, len, inc, "pointer", "inc", false)?;
        // SAFETY: checked above; the rest is the caller's contract.
        Ok(unsafe { Self::from_raw_unchecked(ptr, len, normalize_inc(len, inc)) })
    }

    /// A vector without any checks.
    ///
    /// # Safety
    /// As [`VecRef::from_raw_parts`], and its checks must hold.
    #[inline]
    pub unsafe fn from_raw_unchecked(ptr: *const T, len: usize, inc: isize) -> Self {
        VecRef {
            ptr,
            len,
            inc,
            _borrow: PhantomData,
        }
    }

    /// Elements `start..start + len` of this vector.
    pub fn subvector(&self, start: usize, len: usize) -> Self {
        assert!(
            start.checked_add(len).is_some_and(|e| e <= self.len),
            "subvector out of bounds"
        );
        let ptr = if len == 0 {
            self.ptr
        } else {
            // SAFETY: start < self.len, so the element is inside the view.
            unsafe { self.ptr.offset(start as isize * self.inc) }
        };
        VecRef {
            ptr,
            len,
            inc: self.inc,
            _borrow: PhantomData,
        }
    }

    /// Splits into elements `..mid` and `mid..`.
    pub fn split_at(&self, mid: usize) -> (Self, Self) {
        (self.subvector(0, mid), self.subvector(mid, self.len - mid))
    }

    /// The same elements in reverse order.
    pub fn reversed(&self) -> Self {
        if self.len <= 1 {
            return *self;
        }
        // SAFETY: the last element is inside the view.
        let last = unsafe { self.ptr.offset((self.len - 1) as isize * self.inc) };
        VecRef {
            ptr: last,
            len: self.len,
            inc: -self.inc,
            _borrow: PhantomData,
        }
    }
}

impl<'a, T: Element> VecMut<'a, T> {
    /// A contiguous vector over the whole slice.
    pub fn from_slice(data: &'a mut [T]) -> Self {
        VecMut {
            ptr: data.as_mut_ptr(),
            len: data.len(),
            inc: 1,
            _borrow: PhantomData,
        }
    }

    /// `n` elements of `data` at stride `inc`, BLAS-style (see [`VecRef::from_blas`]).
    pub fn from_blas(data: &'a mut [T], n: usize, inc: isize) -> Result<Self> {
        let len = VecRef::from_blas(data, n, inc)?.len;
        check_distinct_vector(n, inc, "the vector", "inc")?;
        let ptr = data.as_mut_ptr();
        // SAFETY: the checks of VecRef::from_blas hold for the same memory, which
        // we borrow mutably; a non-zero stride means no self-overlap.
        Ok(unsafe {
            Self::from_raw_unchecked(ptr.add(base_offset(n, inc)), len, normalize_inc(n, inc))
        })
    }

    /// A mutable vector from a pointer to element 0; checks as
    /// [`VecRef::from_raw_parts`], and that the stride is non-zero when
    /// `len > 1` (the elements are distinct).
    ///
    /// # Safety
    /// For the lifetime `'a`, elements `ptr + i*inc` for `i < len` must be
    /// valid, initialized, inside one allocation, and accessed by nobody else.
    pub unsafe fn from_raw_parts(ptr: *mut T, len: usize, inc: isize) -> Result<Self> {
        validate_vector(ptr.cast_const(), len, inc, "pointer", "inc", true)?;
        // SAFETY: checked above; the rest is the caller's contract.
        Ok(unsafe { Self::from_raw_unchecked(ptr, len, normalize_inc(len, inc)) })
    }

    /// A mutable vector without any checks.
    ///
    /// # Safety
    /// As [`VecMut::from_raw_parts`], and its checks must hold.
    #[inline]
    pub unsafe fn from_raw_unchecked(ptr: *mut T, len: usize, inc: isize) -> Self {
        VecMut {
            ptr,
            len,
            inc,
            _borrow: PhantomData,
        }
    }

    /// A read-only view of the same elements.
    #[inline]
    pub fn as_ref(&self) -> VecRef<'_, T> {
        VecRef {
            ptr: self.ptr,
            len: self.len,
            inc: self.inc,
            _borrow: PhantomData,
        }
    }

    /// A shorter-lived mutable view of the same elements.
    #[inline]
    pub fn rb_mut(&mut self) -> VecMut<'_, T> {
        VecMut {
            ptr: self.ptr,
            len: self.len,
            inc: self.inc,
            _borrow: PhantomData,
        }
    }

    /// Pointer to element 0.
    #[inline]
    pub fn as_mut_ptr(&mut self) -> *mut T {
        self.ptr
    }

    /// Sets element `i`; panics when out of bounds.
    #[inline]
    pub fn set(&mut self, i: usize, value: T) {
        assert!(
            i < self.len,
            "index {i} out of bounds for a vector of length {}",
            self.len
        );
        // SAFETY: i < len; the view borrows its elements uniquely.
        unsafe { *self.ptr.offset(i as isize * self.inc) = value }
    }

    /// The elements as a mutable slice when they are contiguous.
    #[inline]
    pub fn as_slice_mut(&mut self) -> Option<&mut [T]> {
        if self.len == 0 {
            Some(&mut [])
        } else if self.inc == 1 || self.len == 1 {
            // SAFETY: contiguous, uniquely borrowed elements 0..len.
            Some(unsafe { std::slice::from_raw_parts_mut(self.ptr, self.len) })
        } else {
            None
        }
    }

    /// Splits into the disjoint views `..mid` and `mid..`.
    pub fn split_at_mut(self, mid: usize) -> (Self, Self) {
        assert!(mid <= self.len, "split point out of bounds");
        let tail = if mid == self.len {
            self.ptr
        } else {
            // SAFETY: mid < len, so the element is inside the view.
            unsafe { self.ptr.offset(mid as isize * self.inc) }
        };
        (
            VecMut {
                ptr: self.ptr,
                len: mid,
                inc: self.inc,
                _borrow: PhantomData,
            },
            VecMut {
                ptr: tail,
                len: self.len - mid,
                inc: self.inc,
                _borrow: PhantomData,
            },
        )
    }

    /// Applies `f` to every element in logical order.
    pub fn for_each_mut(&mut self, mut f: impl FnMut(usize, &mut T)) {
        for i in 0..self.len {
            // SAFETY: i < len; unique borrow.
            f(i, unsafe { &mut *self.ptr.offset(i as isize * self.inc) });
        }
    }
}

macro_rules! mat_common {
    ($name:ident) => {
        impl<'a, T: Element> $name<'a, T> {
            /// Number of rows.
            #[inline]
            pub fn nrows(&self) -> usize {
                self.nrows
            }
            /// Number of columns.
            #[inline]
            pub fn ncols(&self) -> usize {
                self.ncols
            }
            /// Distance in elements between rows (`A[i+1][j]` - `A[i][j]`).
            #[inline]
            pub fn rs(&self) -> isize {
                self.rs
            }
            /// Distance in elements between columns (`A[i][j+1]` - `A[i][j]`).
            #[inline]
            pub fn cs(&self) -> isize {
                self.cs
            }
            /// True when the matrix has no elements.
            #[inline]
            pub fn is_empty(&self) -> bool {
                self.nrows == 0 || self.ncols == 0
            }
            /// Pointer to element (0, 0).
            #[inline]
            pub fn as_ptr(&self) -> *const T {
                self.ptr as *const T
            }
            /// Element (i, j), conjugated if the view is marked so; panics
            /// when out of bounds.
            #[inline]
            pub fn get(&self, i: usize, j: usize) -> T {
                assert!(
                    i < self.nrows && j < self.ncols,
                    "index ({i}, {j}) out of bounds for a {}x{} matrix",
                    self.nrows,
                    self.ncols
                );
                // SAFETY: in bounds; the constructor checked the whole extent.
                let v = unsafe { *self.ptr.offset(i as isize * self.rs + j as isize * self.cs) };
                // For real T, conj is the identity and the branch folds away.
                if self.is_conj() {
                    v.conj()
                } else {
                    v
                }
            }
            /// True when columns are contiguous (`rs == 1`): Fortran order.
            #[inline]
            pub fn is_col_major(&self) -> bool {
                self.rs == 1 || self.nrows <= 1
            }
            /// True when rows are contiguous (`cs == 1`): C order.
            #[inline]
            pub fn is_row_major(&self) -> bool {
                self.cs == 1 || self.ncols <= 1
            }
            /// Column `j` as a vector view.
            pub fn col(&self, j: usize) -> VecRef<'_, T> {
                assert!(j < self.ncols, "column {j} out of bounds");
                // SAFETY: the column lies inside the matrix's checked extent.
                unsafe {
                    VecRef::from_raw_unchecked(
                        if self.nrows == 0 {
                            self.ptr
                        } else {
                            self.ptr.offset(j as isize * self.cs)
                        },
                        self.nrows,
                        self.rs,
                    )
                }
            }
            /// Row `i` as a vector view.
            pub fn row(&self, i: usize) -> VecRef<'_, T> {
                assert!(i < self.nrows, "row {i} out of bounds");
                // SAFETY: the row lies inside the matrix's checked extent.
                unsafe {
                    VecRef::from_raw_unchecked(
                        if self.ncols == 0 {
                            self.ptr
                        } else {
                            self.ptr.offset(i as isize * self.rs)
                        },
                        self.ncols,
                        self.cs,
                    )
                }
            }
        }
    };
}

/// A read-only strided matrix.
#[derive(Copy, Clone)]
///
/// A view may be marked conjugated ([`MatRef::h`], [`MatRef::conj`]): its
/// logical elements are the conjugates of the stored ones. [`MatRef::get`]
/// applies the mark; code that reads the memory itself ([`MatRef::as_ptr`],
/// [`MatRef::row`], [`MatRef::col`], packing kernels) sees the stored
/// elements and must apply [`MatRef::is_conj`]. Conjugation is the identity
/// on real elements, so real kernels may ignore the mark; every complex
/// kernel must honour it.
pub struct MatRef<'a, T> {
    ptr: *const T,
    nrows: usize,
    ncols: usize,
    rs: isize,
    cs: isize,
    conj: bool,
    _borrow: PhantomData<&'a [T]>,
}

/// A mutable strided matrix whose elements do not overlap.
pub struct MatMut<'a, T> {
    ptr: *mut T,
    nrows: usize,
    ncols: usize,
    rs: isize,
    cs: isize,
    _borrow: PhantomData<&'a mut [T]>,
}

// SAFETY: shared borrow of T's, see VecRef.
unsafe impl<T: Sync> Send for MatRef<'_, T> {}
// SAFETY: as above.
unsafe impl<T: Sync> Sync for MatRef<'_, T> {}
// SAFETY: unique borrow, see VecMut.
unsafe impl<T: Send> Send for MatMut<'_, T> {}
// SAFETY: &MatMut only allows reads.
unsafe impl<T: Sync> Sync for MatMut<'_, T> {}

mat_common!(MatRef);
mat_common!(MatMut);

/// Checks the layout of an `nrows x ncols` matrix inside a slice of `len`
/// elements (BLAS convention for negative strides) and returns the offset of
/// element (0, 0).
fn slice_layout(len: usize, nrows: usize, ncols: usize, rs: isize, cs: isize) -> Result<usize> {
    if nrows == 0 || ncols == 0 {
        return Ok(0);
    }
    let ext_r = extent(nrows, rs, "row stride")?;
    let ext_c = extent(ncols, cs, "column stride")?;
    if nrows > 0 && ncols > 0 {
        let last = ext_r
            .checked_add(ext_c)
            .ok_or_else(|| Error::invalid_stride("strides", "overflow the address space"))?;
        if last >= len {
            return Err(Error::shape_mismatch(format!(
                "a {nrows}x{ncols} matrix with strides ({rs}, {cs}) needs {} elements of storage, the array has {len}",
                last + 1
            )));
        }
    }
    Ok(base_offset(nrows, rs) + base_offset(ncols, cs))
}

fn check_ld(ld: usize, dim: usize, order: &str) -> Result<isize> {
    if ld < dim.max(1) {
        return Err(Error::invalid_stride(
            "leading dimension",
            format!("{ld} is smaller than the {dim} {order} it must span"),
        ));
    }
    isize::try_from(ld)
        .map_err(|_| Error::invalid_stride("leading dimension", "does not fit in isize"))
}

impl<'a, T: Element> MatRef<'a, T> {
    /// An `nrows x ncols` matrix in `data` with element strides `rs` and `cs`
    /// (BLAS convention for negative strides: the lowest-addressed element is
    /// `data[0]`).
    pub fn from_slice(
        data: &'a [T],
        nrows: usize,
        ncols: usize,
        rs: isize,
        cs: isize,
    ) -> Result<Self> {
        let base = slice_layout(data.len(), nrows, ncols, rs, cs)?;
        let (rs, cs) = normalize_strides(nrows, ncols, rs, cs);
        // SAFETY: every element is inside `data` (checked above).
        Ok(unsafe { Self::from_raw_unchecked(data.as_ptr().add(base), nrows, ncols, rs, cs) })
    }

    /// Column-major (Fortran order): `A[i][j] = data[i + j*ld]`, `ld >= max(1, nrows)`.
    pub fn col_major(data: &'a [T], nrows: usize, ncols: usize, ld: usize) -> Result<Self> {
        let ld = check_ld(ld, nrows, "rows")?;
        Self::from_slice(data, nrows, ncols, 1, ld)
    }

    /// Row-major (C order): `A[i][j] = data[i*ld + j]`, `ld >= max(1, ncols)`.
    pub fn row_major(data: &'a [T], nrows: usize, ncols: usize, ld: usize) -> Result<Self> {
        let ld = check_ld(ld, ncols, "columns")?;
        Self::from_slice(data, nrows, ncols, ld, 1)
    }

    /// A matrix from a pointer to element (0, 0), its shape and its strides.
    /// Checks the pointer and strides as [`VecRef::from_raw_parts`].
    ///
    /// # Safety
    /// For `'a`, every element `ptr + i*rs + j*cs` must be valid, initialized,
    /// inside one allocation and not written by anyone.
    pub unsafe fn from_raw_parts(
        ptr: *const T,
        nrows: usize,
        ncols: usize,
        rs: isize,
        cs: isize,
    ) -> Result<Self> {
        validate_matrix(
            ptr,
            nrows,
            ncols,
            rs,
            cs,
            ["pointer", "row stride", "column stride"],
            false,
        )?;
        let (rs, cs) = normalize_strides(nrows, ncols, rs, cs);
        // SAFETY: checked above; the rest is the caller's contract.
        Ok(unsafe { Self::from_raw_unchecked(ptr, nrows, ncols, rs, cs) })
    }

    /// A matrix without checks.
    ///
    /// # Safety
    /// As [`MatRef::from_raw_parts`], and its checks must hold.
    #[inline]
    pub unsafe fn from_raw_unchecked(
        ptr: *const T,
        nrows: usize,
        ncols: usize,
        rs: isize,
        cs: isize,
    ) -> Self {
        MatRef {
            ptr,
            nrows,
            ncols,
            rs,
            cs,
            conj: false,
            _borrow: PhantomData,
        }
    }

    /// The transpose (swaps dimensions and strides; no data moves; a
    /// conjugation mark stays).
    #[inline]
    pub fn t(&self) -> Self {
        MatRef {
            ptr: self.ptr,
            nrows: self.ncols,
            ncols: self.nrows,
            rs: self.cs,
            cs: self.rs,
            conj: self.conj,
            _borrow: PhantomData,
        }
    }

    /// The conjugate transpose `A^H` (no data moves): the transpose with the
    /// conjugation mark flipped. For real elements the same as [`MatRef::t`].
    #[inline]
    pub fn h(&self) -> Self {
        self.t().conj()
    }

    /// The elementwise conjugate (no data moves): the same view with the
    /// conjugation mark flipped.
    #[inline]
    pub fn conj(&self) -> Self {
        MatRef {
            conj: !self.conj,
            ..*self
        }
    }

    /// Whether the logical elements are the conjugates of the stored ones.
    #[inline]
    pub fn is_conj(&self) -> bool {
        self.conj
    }

    /// The `nrows x ncols` block starting at (i, j).
    pub fn submatrix(&self, i: usize, j: usize, nrows: usize, ncols: usize) -> Self {
        assert!(
            i + nrows <= self.nrows && j + ncols <= self.ncols,
            "submatrix out of bounds"
        );
        let ptr = if nrows == 0 || ncols == 0 {
            self.ptr
        } else {
            // SAFETY: (i, j) is inside the matrix.
            unsafe { self.ptr.offset(i as isize * self.rs + j as isize * self.cs) }
        };
        MatRef {
            ptr,
            nrows,
            ncols,
            rs: self.rs,
            cs: self.cs,
            conj: self.conj,
            _borrow: PhantomData,
        }
    }
}

impl<'a, T: Element> MatMut<'a, T> {
    /// Always false: an output view is never conjugated.
    #[inline]
    pub fn is_conj(&self) -> bool {
        false
    }

    /// As [`MatRef::from_slice`], and also checks that no two elements overlap.
    pub fn from_slice(
        data: &'a mut [T],
        nrows: usize,
        ncols: usize,
        rs: isize,
        cs: isize,
    ) -> Result<Self> {
        let base = slice_layout(data.len(), nrows, ncols, rs, cs)?;
        check_distinct_matrix(
            nrows,
            ncols,
            rs,
            cs,
            ["matrix", "row stride", "column stride"],
        )?;
        let (rs, cs) = normalize_strides(nrows, ncols, rs, cs);
        // SAFETY: in bounds and non-overlapping (checked above); unique borrow.
        Ok(unsafe { Self::from_raw_unchecked(data.as_mut_ptr().add(base), nrows, ncols, rs, cs) })
    }

    /// Column-major (Fortran order), `ld >= max(1, nrows)`.
    pub fn col_major(data: &'a mut [T], nrows: usize, ncols: usize, ld: usize) -> Result<Self> {
        let ld = check_ld(ld, nrows, "rows")?;
        Self::from_slice(data, nrows, ncols, 1, ld)
    }

    /// Row-major (C order), `ld >= max(1, ncols)`.
    pub fn row_major(data: &'a mut [T], nrows: usize, ncols: usize, ld: usize) -> Result<Self> {
        let ld = check_ld(ld, ncols, "columns")?;
        Self::from_slice(data, nrows, ncols, ld, 1)
    }

    /// As [`MatRef::from_raw_parts`], and also checks that no two elements overlap.
    ///
    /// # Safety
    /// For `'a`, every element must be valid, initialized, inside one
    /// allocation and accessed by nobody else.
    pub unsafe fn from_raw_parts(
        ptr: *mut T,
        nrows: usize,
        ncols: usize,
        rs: isize,
        cs: isize,
    ) -> Result<Self> {
        validate_matrix(
            ptr.cast_const(),
            nrows,
            ncols,
            rs,
            cs,
            ["matrix", "row stride", "column stride"],
            true,
        )?;
        let (rs, cs) = normalize_strides(nrows, ncols, rs, cs);
        // SAFETY: checked above; the rest is the caller's contract.
        Ok(unsafe { Self::from_raw_unchecked(ptr, nrows, ncols, rs, cs) })
    }

    /// A mutable matrix without checks.
    ///
    /// # Safety
    /// As [`MatMut::from_raw_parts`], and its checks must hold.
    #[inline]
    pub unsafe fn from_raw_unchecked(
        ptr: *mut T,
        nrows: usize,
        ncols: usize,
        rs: isize,
        cs: isize,
    ) -> Self {
        MatMut {
            ptr,
            nrows,
            ncols,
            rs,
            cs,
            _borrow: PhantomData,
        }
    }

    /// A read-only view of the same elements.
    #[inline]
    pub fn as_ref(&self) -> MatRef<'_, T> {
        MatRef {
            ptr: self.ptr,
            nrows: self.nrows,
            ncols: self.ncols,
            rs: self.rs,
            cs: self.cs,
            conj: false,
            _borrow: PhantomData,
        }
    }

    /// A shorter-lived mutable view of the same elements.
    #[inline]
    pub fn rb_mut(&mut self) -> MatMut<'_, T> {
        MatMut {
            ptr: self.ptr,
            nrows: self.nrows,
            ncols: self.ncols,
            rs: self.rs,
            cs: self.cs,
            _borrow: PhantomData,
        }
    }

    /// Pointer to element (0, 0).
    #[inline]
    pub fn as_mut_ptr(&mut self) -> *mut T {
        self.ptr
    }

    /// The transpose.
    #[inline]
    pub fn t_mut(self) -> Self {
        MatMut {
            ptr: self.ptr,
            nrows: self.ncols,
            ncols: self.nrows,
            rs: self.cs,
            cs: self.rs,
            _borrow: PhantomData,
        }
    }

    /// Sets element (i, j); panics when out of bounds.
    #[inline]
    pub fn set(&mut self, i: usize, j: usize, value: T) {
        assert!(
            i < self.nrows && j < self.ncols,
            "index ({i}, {j}) out of bounds"
        );
        // SAFETY: in bounds; unique borrow.
        unsafe { *self.ptr.offset(i as isize * self.rs + j as isize * self.cs) = value }
    }

    /// Column `j` as a mutable vector.
    pub fn col_mut(&mut self, j: usize) -> VecMut<'_, T> {
        assert!(j < self.ncols, "column {j} out of bounds");
        // SAFETY: the column is inside the matrix; borrowed uniquely through &mut self.
        unsafe {
            VecMut::from_raw_unchecked(
                if self.nrows == 0 {
                    self.ptr
                } else {
                    self.ptr.offset(j as isize * self.cs)
                },
                self.nrows,
                self.rs,
            )
        }
    }

    /// Row `i` as a mutable vector.
    pub fn row_mut(&mut self, i: usize) -> VecMut<'_, T> {
        assert!(i < self.nrows, "row {i} out of bounds");
        // SAFETY: the row is inside the matrix; borrowed uniquely through &mut self.
        unsafe {
            VecMut::from_raw_unchecked(
                if self.ncols == 0 {
                    self.ptr
                } else {
                    self.ptr.offset(i as isize * self.rs)
                },
                self.ncols,
                self.cs,
            )
        }
    }

    /// Splits into the disjoint column blocks `..j` and `j..`.
    pub fn split_at_col_mut(self, j: usize) -> (Self, Self) {
        assert!(j <= self.ncols, "split point out of bounds");
        let tail = if j == self.ncols || self.nrows == 0 {
            self.ptr
        } else {
            // SAFETY: column j is inside the matrix.
            unsafe { self.ptr.offset(j as isize * self.cs) }
        };
        (
            MatMut {
                ptr: self.ptr,
                nrows: self.nrows,
                ncols: j,
                rs: self.rs,
                cs: self.cs,
                _borrow: PhantomData,
            },
            MatMut {
                ptr: tail,
                nrows: self.nrows,
                ncols: self.ncols - j,
                rs: self.rs,
                cs: self.cs,
                _borrow: PhantomData,
            },
        )
    }

    /// Splits into the disjoint row blocks `..i` and `i..`.
    pub fn split_at_row_mut(self, i: usize) -> (Self, Self) {
        let (a, b) = self.t_mut().split_at_col_mut(i);
        (a.t_mut(), b.t_mut())
    }
}

macro_rules! debug_vec {
    ($($name:ident),*) => {$(
        impl<T: Element> std::fmt::Debug for $name<'_, T> {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.debug_struct(stringify!($name)).field("len", &self.len).field("inc", &self.inc).finish()
            }
        }
    )*};
}
macro_rules! debug_mat {
    ($($name:ident),*) => {$(
        impl<T: Element> std::fmt::Debug for $name<'_, T> {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.debug_struct(stringify!($name))
                    .field("nrows", &self.nrows)
                    .field("ncols", &self.ncols)
                    .field("rs", &self.rs)
                    .field("cs", &self.cs)
                    .field("conj", &self.is_conj())
                    .finish()
            }
        }
    )*};
}
debug_vec!(VecRef, VecMut);
debug_mat!(MatRef, MatMut);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorKind;

    #[test]
    fn blas_negative_increment_runs_backwards() {
        let x = [1.0, 2.0, 3.0, 4.0, 5.0];
        let v = VecRef::from_blas(&x, 3, -2).unwrap();
        assert_eq!(v.iter().collect::<Vec<_>>(), vec![5.0, 3.0, 1.0]);
        let v = VecRef::from_blas(&x, 2, 3).unwrap();
        assert_eq!(v.iter().collect::<Vec<_>>(), vec![1.0, 4.0]);
        assert_eq!(v.reversed().iter().collect::<Vec<_>>(), vec![4.0, 1.0]);
    }

    #[test]
    fn vector_checks() {
        let x = [0.0f64; 4];
        assert!(
            VecRef::from_blas(&x, 2, 0).is_ok(),
            "a read-only vector may repeat one element"
        );
        let mut y = [0.0f64; 4];
        assert_eq!(
            VecMut::from_blas(&mut y, 2, 0).unwrap_err().kind(),
            ErrorKind::InvalidStride
        );
        assert!(
            VecRef::from_blas(&x, 1, 0).is_ok(),
            "stride is irrelevant for one element"
        );
        assert_eq!(
            VecRef::from_blas(&x, 3, 2).unwrap_err().kind(),
            ErrorKind::ShapeMismatch
        );
        assert_eq!(
            VecRef::from_blas(&x, 3, isize::MAX).unwrap_err().kind(),
            ErrorKind::InvalidStride
        );
        // SAFETY: null with len 0 is never dereferenced; with len 1 it must be refused.
        unsafe {
            assert!(VecRef::<f64>::from_raw_parts(std::ptr::null(), 0, 1).is_ok());
            assert_eq!(
                VecRef::<f64>::from_raw_parts(std::ptr::null(), 1, 1)
                    .unwrap_err()
                    .kind(),
                ErrorKind::InvalidArgument
            );
        }
    }

    #[test]
    fn matrix_layouts_and_transpose() {
        // 2x3, column-major with ld 3 (one padding row).
        let a = [1.0, 2.0, -1.0, 3.0, 4.0, -1.0, 5.0, 6.0, -1.0];
        let m = MatRef::col_major(&a, 2, 3, 3).unwrap();
        assert_eq!(
            (m.get(0, 0), m.get(1, 0), m.get(0, 2), m.get(1, 2)),
            (1.0, 2.0, 5.0, 6.0)
        );
        let t = m.t();
        assert_eq!((t.nrows(), t.ncols(), t.get(2, 1)), (3, 2, 6.0));
        let r = MatRef::row_major(&a, 3, 2, 3).unwrap();
        assert_eq!(r.get(2, 1), 6.0);
        assert_eq!(
            MatRef::col_major(&a, 4, 2, 3).unwrap_err().kind(),
            ErrorKind::InvalidStride
        );
        // Negative row stride: rows run bottom-up.
        let n = MatRef::from_slice(&a, 3, 1, -1, 1).unwrap();
        assert_eq!(n.col(0).iter().collect::<Vec<_>>(), vec![-1.0, 2.0, 1.0]);
    }

    #[test]
    fn empty_matrices_accept_any_strides() {
        // NumPy gives size-0 dimensions stride 0; nothing is ever addressed.
        let c: [f64; 0] = [];
        assert!(MatRef::from_slice(&c, 2, 0, 0, 8).is_ok());
        assert!(validate_matrix(
            std::ptr::null::<f64>(),
            0,
            5,
            0,
            0,
            ["c", "rsc", "csc"],
            true
        )
        .is_ok());
    }

    #[test]
    fn mutable_views_refuse_self_overlap() {
        let mut c = [0.0f32; 16];
        assert_eq!(
            MatMut::from_slice(&mut c, 3, 3, 1, 2).err().unwrap().kind(),
            ErrorKind::InvalidStride
        );
        assert!(MatMut::from_slice(&mut c, 3, 3, 1, 3).is_ok());
        assert!(
            MatRef::from_slice(&c, 3, 3, 1, 2).is_ok(),
            "inputs may overlap"
        );
        let mut m = MatMut::from_slice(&mut c, 4, 4, 4, 1).unwrap();
        m.set(1, 2, 7.0);
        assert_eq!(m.as_ref().get(1, 2), 7.0);
        let (top, bottom) = m.split_at_row_mut(1);
        assert_eq!((top.nrows(), bottom.nrows(), bottom.get(0, 2)), (1, 3, 7.0));
    }

    #[test]
    fn conjugate_transpose_of_real_data_is_the_transpose() {
        use crate::backend::{Level3, Trans};
        let a: Vec<f64> = (0..12).map(|v| v as f64 - 5.5).collect();
        let av = MatRef::row_major(&a, 3, 4, 4).unwrap();
        let (h, t) = (av.h(), av.t());
        assert!(h.is_conj() && !t.is_conj());
        assert_eq!((h.nrows(), h.ncols(), h.rs(), h.cs()), (4, 3, 1, 4));
        assert_eq!((h.rs(), h.cs()), (t.rs(), t.cs()));
        for i in 0..4 {
            for j in 0..3 {
                assert_eq!(h.get(i, j), t.get(i, j));
            }
        }
        // The mark survives sub-views and transposes, not read-only views of
        // outputs.
        assert!(h.submatrix(1, 1, 2, 2).is_conj() && h.t().is_conj() && !h.h().is_conj());
        let mut c = vec![0.0f64; 16];
        let mut cm = MatMut::col_major(&mut c, 4, 4, 4).unwrap();
        assert!(!cm.as_ref().is_conj() && !cm.is_conj());
        // gemm with op = ConjYes on reals equals op = Yes.
        crate::Serial
            .gemm(1.0, Trans::ConjYes.apply(av), av, 0.0, cm.rb_mut())
            .unwrap();
        let mut d = vec![0.0f64; 16];
        crate::Serial
            .gemm(
                1.0,
                Trans::Yes.apply(av),
                av,
                0.0,
                MatMut::col_major(&mut d, 4, 4, 4).unwrap(),
            )
            .unwrap();
        assert_eq!(c, d);
        assert_eq!(c[0], (0..3).map(|i| a[4 * i] * a[4 * i]).sum::<f64>());
    }
}
