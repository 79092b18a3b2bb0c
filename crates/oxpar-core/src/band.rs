//! Views of band and packed matrices, the storage of the BLAS banded
//! (`gbmv`, `sbmv`, `tbmv`, `tbsv`) and packed (`spmv`, `tpmv`, `tpsv`,
//! `spr`, `spr2`) operations.
//!
//! Both are safe wrappers over a slice: every element access is a checked
//! slice index, and the constructors check that the slice holds every element
//! the view can address. Each stored column of the band or triangle is
//! contiguous ([`BandRef::col_segment`], [`PackedRef::stored_col`]), which is
//! what the kernels walk. A view can be transposed without moving data
//! ([`BandRef::t`], [`PackedRef::t`]), as [`crate::MatRef::t`].

use std::ops::Range;

use crate::backend::Uplo;
use crate::error::{Error, Result};
use crate::scalar::Element;

/// An `m x n` band matrix with `kl` sub- and `ku` super-diagonals, read-only.
///
/// Element `(i, j)` with `-kl <= j - i <= ku` lies at `base + i*rs + j*cs`
/// in the slice; the others are zero and not stored. BLAS band storage
/// ([`BandRef::from_blas`]) has `rs = 1`, `cs = ld - 1` and `base = ku`: the
/// transpose swaps the two strides, the dimensions and `kl` with `ku`.
#[derive(Copy, Clone, Debug)]
pub struct BandRef<'a, T> {
    data: &'a [T],
    m: usize,
    n: usize,
    kl: usize,
    ku: usize,
    base: usize,
    rs: usize,
    cs: usize,
}

impl<'a, T: Element> BandRef<'a, T> {
    /// BLAS band storage (`?GBMV`, `?SBMV`, `?TBMV`): column `j` of the band
    /// in column `j` of a column-major array with leading dimension `ld >=
    /// kl + ku + 1`, element `(i, j)` in row `ku + i - j`. The slice must
    /// reach the last element stored.
    pub fn from_blas(
        data: &'a [T],
        m: usize,
        n: usize,
        kl: usize,
        ku: usize,
        ld: usize,
    ) -> Result<Self> {
        let rows = kl
            .checked_add(ku)
            .and_then(|k| k.checked_add(1))
            .ok_or_else(|| Error::invalid_argument("kl", "kl + ku overflows"))?;
        if ld < rows {
            return Err(Error::invalid_stride(
                "ld",
                format!("{ld}, but a band with kl = {kl} and ku = {ku} needs at least {rows}"),
            ));
        }
        let band = BandRef {
            data,
            m,
            n,
            kl,
            ku,
            base: ku,
            rs: 1,
            cs: ld - 1,
        };
        if let Some(last) = band.last_index() {
            if last >= data.len() {
                return Err(Error::shape_mismatch(format!(
                    "the band reaches element {last} but the slice has {}",
                    data.len()
                )));
            }
        }
        Ok(band)
    }

    /// The slice index of the last stored element, None when nothing is
    /// stored (indices grow with the column, since `ld > kl + ku`).
    fn last_index(&self) -> Option<usize> {
        if self.m == 0 || self.n == 0 {
            return None;
        }
        let j = (self.n - 1).min(self.m - 1 + self.ku);
        let i = (self.m - 1).min(j + self.kl);
        Some(self.index(i, j))
    }

    fn index(&self, i: usize, j: usize) -> usize {
        self.base + i * self.rs + j * self.cs
    }

    /// Rows.
    pub fn nrows(&self) -> usize {
        self.m
    }
    /// Columns.
    pub fn ncols(&self) -> usize {
        self.n
    }
    /// Sub-diagonals.
    pub fn kl(&self) -> usize {
        self.kl
    }
    /// Super-diagonals.
    pub fn ku(&self) -> usize {
        self.ku
    }

    /// Whether element `(i, j)` lies in the band.
    pub fn holds(&self, i: usize, j: usize) -> bool {
        i < self.m && j < self.n && j <= i + self.ku && i <= j + self.kl
    }

    /// Element `(i, j)`: its stored value in the band, zero outside it.
    pub fn get(&self, i: usize, j: usize) -> T {
        assert!(
            i < self.m && j < self.n,
            "band element ({i}, {j}) out of bounds"
        );
        if self.holds(i, j) {
            self.data[self.index(i, j)]
        } else {
            T::ZERO
        }
    }

    /// The transpose (no data moves).
    pub fn t(&self) -> Self {
        BandRef {
            m: self.n,
            n: self.m,
            kl: self.ku,
            ku: self.kl,
            rs: self.cs,
            cs: self.rs,
            ..*self
        }
    }

    /// The rows of column `j` inside the band.
    pub fn col_rows(&self, j: usize) -> Range<usize> {
        let end = (j + self.kl + 1).min(self.m);
        // A column right of the band's last row is empty (and starts at its
        // end, not past it).
        j.saturating_sub(self.ku).min(end)..end
    }

    /// Column `j`'s band elements as a contiguous slice with the rows they
    /// are, when the view is in BLAS band storage (not transposed).
    pub fn col_segment(&self, j: usize) -> Option<(Range<usize>, &'a [T])> {
        if self.rs != 1 || j >= self.n {
            return None;
        }
        let rows = self.col_rows(j);
        if rows.is_empty() {
            return Some((rows, &[]));
        }
        let at = self.index(rows.start, j);
        Some((rows.clone(), &self.data[at..at + rows.len()]))
    }

    /// Row `i`'s band elements as a contiguous slice with the columns they
    /// are, when the view is the transpose of BLAS band storage.
    pub fn row_segment(&self, i: usize) -> Option<(Range<usize>, &'a [T])> {
        if self.cs != 1 || self.rs == 1 {
            return None;
        }
        let t = self.t();
        t.col_segment(i)
    }
}

/// One triangle of an `n x n` matrix in packed storage (the columns of the
/// triangle one after another: BLAS `AP`), read-only; as passed, the view may
/// be the transpose of what is stored, which holds the other triangle.
#[derive(Copy, Clone, Debug)]
pub struct PackedRef<'a, T> {
    data: &'a [T],
    n: usize,
    stored: Uplo,
    trans: bool,
}

/// Where element `(i, j)` of the stored triangle sits in packed storage.
fn packed_index(n: usize, stored: Uplo, i: usize, j: usize) -> usize {
    match stored {
        Uplo::Upper => i + j * (j + 1) / 2,
        Uplo::Lower => i + j * (2 * n - j - 1) / 2,
    }
}

/// The stored rows of column `j` of a packed triangle and where they are.
fn packed_col(n: usize, stored: Uplo, j: usize) -> (Range<usize>, Range<usize>) {
    let rows = match stored {
        Uplo::Upper => 0..j + 1,
        Uplo::Lower => j..n,
    };
    let at = packed_index(n, stored, rows.start, j);
    (rows.clone(), at..at + rows.len())
}

fn packed_len(n: usize) -> Result<usize> {
    n.checked_add(1)
        .and_then(|m| m.checked_mul(n))
        .map(|v| v / 2)
        .ok_or_else(|| {
            Error::invalid_argument("n", format!("a packed triangle of order {n} overflows"))
        })
}

fn check_packed(len: usize, n: usize) -> Result<()> {
    let need = packed_len(n)?;
    if len < need {
        return Err(Error::shape_mismatch(format!(
            "a packed triangle of order {n} has {need} elements but the slice has {len}"
        )));
    }
    Ok(())
}

impl<'a, T: Element> PackedRef<'a, T> {
    /// The `uplo` triangle of an `n x n` matrix packed in `data` (at least
    /// `n*(n+1)/2` elements).
    pub fn from_blas(data: &'a [T], n: usize, uplo: Uplo) -> Result<Self> {
        check_packed(data.len(), n)?;
        Ok(PackedRef {
            data,
            n,
            stored: uplo,
            trans: false,
        })
    }

    /// The order.
    pub fn n(&self) -> usize {
        self.n
    }

    /// The triangle the view holds, as passed.
    pub fn uplo(&self) -> Uplo {
        if self.trans {
            self.stored.flip()
        } else {
            self.stored
        }
    }

    /// The triangle in storage.
    pub fn stored_uplo(&self) -> Uplo {
        self.stored
    }

    /// Whether the view is the transpose of what is stored.
    pub fn is_transposed(&self) -> bool {
        self.trans
    }

    /// The transpose (no data moves): it holds the other triangle.
    pub fn t(&self) -> Self {
        PackedRef {
            trans: !self.trans,
            ..*self
        }
    }

    /// Element `(i, j)` of the view, as passed: zero outside its triangle.
    pub fn get(&self, i: usize, j: usize) -> T {
        assert!(
            i < self.n && j < self.n,
            "packed element ({i}, {j}) out of bounds"
        );
        let (si, sj) = if self.trans { (j, i) } else { (i, j) };
        if self.stored.holds(si, sj) {
            self.data[packed_index(self.n, self.stored, si, sj)]
        } else {
            T::ZERO
        }
    }

    /// Stored column `j` (a row of the view when transposed): its rows and
    /// its contiguous elements.
    pub fn stored_col(&self, j: usize) -> (Range<usize>, &'a [T]) {
        let (rows, at) = packed_col(self.n, self.stored, j);
        (rows, &self.data[at])
    }
}

/// As [`PackedRef`], mutable (for `spr` and `spr2`; no transpose, since
/// their update is symmetric).
#[derive(Debug)]
pub struct PackedMut<'a, T> {
    data: &'a mut [T],
    n: usize,
    stored: Uplo,
}

impl<'a, T: Element> PackedMut<'a, T> {
    /// As [`PackedRef::from_blas`].
    pub fn from_blas(data: &'a mut [T], n: usize, uplo: Uplo) -> Result<Self> {
        check_packed(data.len(), n)?;
        Ok(PackedMut {
            data,
            n,
            stored: uplo,
        })
    }

    /// The order.
    pub fn n(&self) -> usize {
        self.n
    }

    /// The triangle stored.
    pub fn uplo(&self) -> Uplo {
        self.stored
    }

    /// A read-only view of the same elements.
    pub fn as_ref(&self) -> PackedRef<'_, T> {
        PackedRef {
            data: self.data,
            n: self.n,
            stored: self.stored,
            trans: false,
        }
    }

    /// Sets element `(i, j)`, which must lie in the stored triangle.
    pub fn set(&mut self, i: usize, j: usize, v: T) {
        assert!(
            i < self.n && j < self.n && self.stored.holds(i, j),
            "packed element ({i}, {j}) outside the triangle"
        );
        self.data[packed_index(self.n, self.stored, i, j)] = v;
    }

    /// Stored column `j`: its rows and its contiguous elements.
    pub fn stored_col_mut(&mut self, j: usize) -> (Range<usize>, &mut [T]) {
        let (rows, at) = packed_col(self.n, self.stored, j);
        (rows, &mut self.data[at])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn band_elements_sit_where_blas_puts_them() {
        // 4 x 5, kl = 1, ku = 2, ld = 5: element (i, j) at ku + i - j + j*ld.
        let data: Vec<f64> = (0..25).map(f64::from).collect();
        let b = BandRef::from_blas(&data, 4, 5, 1, 2, 5).unwrap();
        for i in 0..4 {
            for j in 0..5 {
                let want = if b.holds(i, j) {
                    (2 + i + 4 * j) as f64
                } else {
                    0.0
                };
                assert_eq!(b.get(i, j), want, "({i}, {j})");
                assert_eq!(b.t().get(j, i), want);
            }
        }
        assert_eq!(b.col_segment(3).unwrap(), (1..4, &data[15..18]));
        assert_eq!(b.t().row_segment(3).unwrap(), (1..4, &data[15..18]));
        assert!(b.t().col_segment(0).is_none());
        // Too short a slice, too small an ld.
        assert!(BandRef::from_blas(&data[..20], 4, 5, 1, 2, 5).is_err());
        assert!(BandRef::from_blas(&data, 4, 5, 1, 2, 3).is_err());
        assert!(BandRef::from_blas(&data[..0], 0, 5, 1, 2, 5).is_ok());
    }

    #[test]
    fn packed_elements_sit_where_blas_puts_them() {
        let data: Vec<f64> = (0..10).map(f64::from).collect();
        let up = PackedRef::from_blas(&data, 4, Uplo::Upper).unwrap();
        assert_eq!(
            (up.get(0, 0), up.get(0, 1), up.get(1, 1), up.get(2, 3)),
            (0.0, 1.0, 2.0, 8.0)
        );
        assert_eq!(up.get(3, 2), 0.0);
        assert_eq!(up.t().get(3, 2), 8.0);
        assert_eq!(up.t().uplo(), Uplo::Lower);
        let lo = PackedRef::from_blas(&data, 4, Uplo::Lower).unwrap();
        assert_eq!(
            (
                lo.get(0, 0),
                lo.get(3, 0),
                lo.get(1, 1),
                lo.get(3, 2),
                lo.get(3, 3)
            ),
            (0.0, 3.0, 4.0, 8.0, 9.0)
        );
        assert_eq!(lo.stored_col(2), (2..4, &data[7..9]));
        assert!(PackedRef::from_blas(&data[..9], 4, Uplo::Upper).is_err());
    }
}
