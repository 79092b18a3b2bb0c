//! Test data: strided vectors and matrices in buffers with guard values, and
//! the proptest strategies that generate them.

use oxpar_core::{MatMut, MatRef, Scalar, VecMut, VecRef};
use proptest::prelude::*;

/// A value no kernel computes from our inputs: marks memory outside a view.
pub const GUARD: f64 = -7777.0;

/// Sizes worth testing: 0, 1, small odd and prime sizes, and sizes around the
/// block sizes of the kernels (64-element level 1 blocks, gemm micro-tiles).
pub fn size() -> impl Strategy<Value = usize> {
    prop_oneof![
        3 => prop::sample::select(vec![0usize, 1, 2, 3, 5, 7, 8, 13, 16, 17, 31, 33, 63, 64, 65, 97, 127, 128, 129]),
        1 => 0usize..300,
    ]
}

/// Vector increments, negative ones included (BLAS semantics).
pub fn inc() -> impl Strategy<Value = isize> {
    prop::sample::select(vec![1isize, 1, 2, 3, -1, -2])
}

/// A scalar: the special values BLAS treats specially, or an ordinary one.
pub fn scalar() -> impl Strategy<Value = f64> {
    prop_oneof![
        1 => Just(0.0),
        1 => Just(1.0),
        1 => Just(-1.0),
        3 => -2.0f64..2.0,
    ]
}

/// Matrix storage layouts.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Layout {
    /// Fortran order, `ld = nrows`.
    ColMajor,
    /// Fortran order with padding rows, `ld = nrows + 3`.
    ColMajorPadded,
    /// C order, `ld = ncols`.
    RowMajor,
    /// C order with padding, `ld = ncols + 2`.
    RowMajorPadded,
    /// Neither stride is 1: `rs = 2`, `cs = 2*nrows + 1`.
    Strided,
    /// Fortran order walked backwards: `rs = -1`, `cs = -nrows`.
    Reversed,
}

/// Any layout.
pub fn layout() -> impl Strategy<Value = Layout> {
    prop::sample::select(vec![
        Layout::ColMajor,
        Layout::ColMajorPadded,
        Layout::RowMajor,
        Layout::RowMajorPadded,
        Layout::Strided,
        Layout::Reversed,
    ])
}

/// Deterministic pseudo-random values in [-1, 1) (an LCG: no dependency, and
/// reproducible from the seed proptest shrinks).
pub fn values(n: usize, seed: u64) -> Vec<f64> {
    let mut s = seed ^ 0x9E37_79B9_7F4A_7C15;
    (0..n)
        .map(|_| {
            s = s
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            ((s >> 11) as f64 / (1u64 << 53) as f64) * 2.0 - 1.0
        })
        .collect()
}

/// A strided vector inside a buffer whose other elements hold [`GUARD`].
#[derive(Clone, Debug)]
pub struct TestVec<T> {
    /// The storage, BLAS convention: the lowest-addressed element is `buf[0]`.
    pub buf: Vec<T>,
    /// Logical length.
    pub n: usize,
    /// Increment.
    pub inc: isize,
}

impl<T: Scalar> TestVec<T> {
    /// `n` values from `seed` at increment `inc`.
    pub fn new(n: usize, inc: isize, seed: u64) -> Self {
        let len = if n == 0 {
            0
        } else {
            (n - 1) * inc.unsigned_abs() + 1
        };
        let mut v = TestVec {
            buf: vec![T::from_f64(GUARD); len],
            n,
            inc,
        };
        for (i, x) in values(n, seed).into_iter().enumerate() {
            let at = v.index(i);
            v.buf[at] = T::from_f64(x);
        }
        v
    }

    /// Buffer index of logical element `i`.
    pub fn index(&self, i: usize) -> usize {
        if self.inc > 0 {
            i * self.inc as usize
        } else {
            (self.n - 1 - i) * self.inc.unsigned_abs()
        }
    }

    /// Sets logical element `i`.
    pub fn set(&mut self, i: usize, v: f64) {
        let at = self.index(i);
        self.buf[at] = T::from_f64(v);
    }

    /// The logical elements, widened to f64.
    pub fn logical(&self) -> Vec<f64> {
        (0..self.n)
            .map(|i| self.buf[self.index(i)].as_f64())
            .collect()
    }

    /// A read-only view.
    pub fn view(&self) -> VecRef<'_, T> {
        VecRef::from_blas(&self.buf, self.n, self.inc).expect("test vector layout is valid")
    }

    /// A mutable view.
    pub fn view_mut(&mut self) -> VecMut<'_, T> {
        VecMut::from_blas(&mut self.buf, self.n, self.inc).expect("test vector layout is valid")
    }

    /// Asserts that every buffer element outside the view still holds GUARD.
    pub fn assert_guards_intact(&self) {
        let inside: std::collections::HashSet<usize> = (0..self.n).map(|i| self.index(i)).collect();
        for (k, v) in self.buf.iter().enumerate() {
            if !inside.contains(&k) {
                assert_eq!(
                    v.as_f64(),
                    GUARD,
                    "element {k} outside the vector was written"
                );
            }
        }
    }
}

/// A strided matrix inside a buffer whose other elements hold [`GUARD`].
#[derive(Clone, Debug)]
pub struct TestMat<T> {
    /// The storage, BLAS convention for negative strides.
    pub buf: Vec<T>,
    /// Rows.
    pub m: usize,
    /// Columns.
    pub n: usize,
    /// Row stride.
    pub rs: isize,
    /// Column stride.
    pub cs: isize,
}

impl<T: Scalar> TestMat<T> {
    /// An `m x n` matrix of values from `seed` in `layout`.
    pub fn new(m: usize, n: usize, layout: Layout, seed: u64) -> Self {
        let (mi, ni) = (m.max(1) as isize, n.max(1) as isize);
        let (rs, cs) = match layout {
            Layout::ColMajor => (1, mi),
            Layout::ColMajorPadded => (1, mi + 3),
            Layout::RowMajor => (ni, 1),
            Layout::RowMajorPadded => (ni + 2, 1),
            Layout::Strided => (2, 2 * mi + 1),
            Layout::Reversed => (-1, -mi),
        };
        let len = if m == 0 || n == 0 {
            0
        } else {
            (m - 1) * rs.unsigned_abs() + (n - 1) * cs.unsigned_abs() + 1
        };
        let mut a = TestMat {
            buf: vec![T::from_f64(GUARD); len],
            m,
            n,
            rs,
            cs,
        };
        let vals = values(m * n, seed);
        for j in 0..n {
            for i in 0..m {
                a.set(i, j, vals[i + j * m]);
            }
        }
        a
    }

    /// Buffer index of element (i, j).
    pub fn index(&self, i: usize, j: usize) -> usize {
        let base = if self.rs < 0 {
            (self.m - 1) * self.rs.unsigned_abs()
        } else {
            0
        } + if self.cs < 0 {
            (self.n - 1) * self.cs.unsigned_abs()
        } else {
            0
        };
        (base as isize + i as isize * self.rs + j as isize * self.cs) as usize
    }

    /// Element (i, j) widened to f64.
    pub fn get(&self, i: usize, j: usize) -> f64 {
        self.buf[self.index(i, j)].as_f64()
    }

    /// Sets element (i, j).
    pub fn set(&mut self, i: usize, j: usize, v: f64) {
        let at = self.index(i, j);
        self.buf[at] = T::from_f64(v);
    }

    /// A read-only view.
    pub fn view(&self) -> MatRef<'_, T> {
        MatRef::from_slice(&self.buf, self.m, self.n, self.rs, self.cs)
            .expect("test matrix layout is valid")
    }

    /// A mutable view.
    pub fn view_mut(&mut self) -> MatMut<'_, T> {
        MatMut::from_slice(&mut self.buf, self.m, self.n, self.rs, self.cs)
            .expect("test matrix layout is valid")
    }

    /// Asserts that every buffer element outside the matrix still holds GUARD.
    pub fn assert_guards_intact(&self) {
        let mut inside = vec![false; self.buf.len()];
        for j in 0..self.n {
            for i in 0..self.m {
                inside[self.index(i, j)] = true;
            }
        }
        for (k, v) in self.buf.iter().enumerate() {
            if !inside[k] {
                assert_eq!(
                    v.as_f64(),
                    GUARD,
                    "element {k} outside the matrix was written"
                );
            }
        }
    }
}
