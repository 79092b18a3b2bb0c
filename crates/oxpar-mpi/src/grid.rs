//! Block distributions and the 2-D process grid.

use std::ops::Range;

use oxpar_core::{Error, Result};

use crate::comm::Comm;

/// The `index`-th of `parts` balanced blocks of `0..n`: the first `n % parts`
/// blocks get one element more. This is the distribution the helpers of this
/// crate suggest; the operations accept any split that adds up.
///
/// ```
/// assert_eq!(oxpar_mpi::block_range(10, 3, 0), 0..4);
/// assert_eq!(oxpar_mpi::block_range(10, 3, 2), 7..10);
/// ```
pub fn block_range(n: usize, parts: usize, index: usize) -> Range<usize> {
    assert!(index < parts, "block index {index} out of {parts} parts");
    let (base, extra) = (n / parts, n % parts);
    let start = index * base + index.min(extra);
    start..start + base + usize::from(index < extra)
}

/// The shape of a 2-D process grid and this rank's place in it. Ranks are
/// laid out row by row: rank `r` is at row `r / cols`, column `r % cols`
/// (MPI_Cart_create's order).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct GridShape {
    /// Process rows.
    pub rows: usize,
    /// Process columns.
    pub cols: usize,
    /// This rank's row.
    pub row: usize,
    /// This rank's column.
    pub col: usize,
}

impl GridShape {
    /// The grid position of `rank` in a `rows x cols` grid.
    pub fn of_rank(rows: usize, cols: usize, rank: usize) -> GridShape {
        GridShape {
            rows,
            cols,
            row: rank / cols,
            col: rank % cols,
        }
    }

    /// The rows and columns of an `m x n` matrix this rank owns under the
    /// balanced block distribution on this grid.
    pub fn block(&self, m: usize, n: usize) -> (Range<usize>, Range<usize>) {
        (
            block_range(m, self.rows, self.row),
            block_range(n, self.cols, self.col),
        )
    }
}

/// The most square `rows x cols` grid of `size` ranks with `rows >= cols`
/// (as MPI_Dims_create).
pub fn default_grid(size: usize) -> (usize, usize) {
    let mut cols = (size as f64).sqrt() as usize;
    while cols > 1 && !size.is_multiple_of(cols) {
        cols -= 1;
    }
    let cols = cols.max(1);
    (size / cols, cols)
}

/// A process grid with communicators along its rows and columns.
#[derive(Debug)]
pub(crate) struct Grid {
    pub shape: GridShape,
    /// The ranks of this rank's grid row, ordered by column.
    pub row_comm: Comm,
    /// The ranks of this rank's grid column, ordered by row.
    pub col_comm: Comm,
}

impl Grid {
    /// Builds a `rows x cols` grid over `comm` (collective; the caller has
    /// checked that every rank asks for the same shape).
    pub fn new(comm: &Comm, rows: usize, cols: usize) -> Result<Grid> {
        if rows == 0 || cols == 0 || rows * cols != comm.size() {
            return Err(Error::invalid_argument(
                "grid",
                format!(
                    "{rows} x {cols} does not match the communicator's {} ranks",
                    comm.size()
                ),
            ));
        }
        let shape = GridShape::of_rank(rows, cols, comm.rank());
        let row_comm = comm.split(shape.row, shape.col)?;
        let col_comm = comm.split(shape.col, shape.row)?;
        Ok(Grid {
            shape,
            row_comm,
            col_comm,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_cover_without_overlap() {
        for n in [0, 1, 2, 7, 10, 100] {
            for parts in 1..6 {
                let mut next = 0;
                for i in 0..parts {
                    let r = block_range(n, parts, i);
                    assert_eq!(r.start, next);
                    assert!(r.len() == n / parts || r.len() == n / parts + 1);
                    next = r.end;
                }
                assert_eq!(next, n);
            }
        }
    }

    #[test]
    fn default_grids_are_square_ish() {
        assert_eq!(default_grid(1), (1, 1));
        assert_eq!(default_grid(2), (2, 1));
        assert_eq!(default_grid(3), (3, 1));
        assert_eq!(default_grid(4), (2, 2));
        assert_eq!(default_grid(6), (3, 2));
        assert_eq!(default_grid(12), (4, 3));
    }
}
