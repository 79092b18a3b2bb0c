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

/// What is wrong with a split of `n` elements into the ranks' blocks `pieces`
/// (in rank order) that do not add up to `n`, for an error message: the ranks
/// whose block differs from the balanced split ([`block_range`]) and what
/// that split gives them, e.g. `rank 1 passes 3 elements where the balanced
/// split gives it 2 (blocks by rank: [2, 3, 2], 7 in all)`. Any split that
/// adds up is accepted, so the ranks named are the likely culprits.
pub(crate) fn describe_bad_split(n: usize, pieces: &[usize]) -> String {
    const SHOWN: usize = 4;
    let off: Vec<String> = pieces
        .iter()
        .enumerate()
        .filter_map(|(r, &p)| {
            let want = block_range(n, pieces.len(), r).len();
            let plural = if p == 1 { "" } else { "s" };
            (p != want).then(|| {
                format!(
                    "rank {r} passes {p} element{plural} where the balanced split gives it {want}"
                )
            })
        })
        .collect();
    let mut named = off
        .iter()
        .take(SHOWN)
        .cloned()
        .collect::<Vec<_>>()
        .join(", ");
    if off.len() > SHOWN {
        named += &format!(" and {} more ranks", off.len() - SHOWN);
    }
    let total: usize = pieces.iter().sum();
    format!("{named} (blocks by rank: {pieces:?}, {total} in all)")
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
    fn a_bad_split_names_the_ranks_off_the_balanced_one() {
        assert_eq!(
            describe_bad_split(6, &[2, 3, 2]),
            "rank 1 passes 3 elements where the balanced split gives it 2 (blocks by rank: [2, 3, 2], 7 in all)"
        );
        assert_eq!(
            describe_bad_split(7, &[3, 2, 1]),
            "rank 2 passes 1 element where the balanced split gives it 2 (blocks by rank: [3, 2, 1], 6 in all)"
        );
        let many = describe_bad_split(100, &[0; 7]);
        assert!(
            many.starts_with(
                "rank 0 passes 0 elements where the balanced split gives it 15, rank 1"
            ) && many
                .contains(" and 3 more ranks (blocks by rank: [0, 0, 0, 0, 0, 0, 0], 0 in all)"),
            "{many}"
        );
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
