//! Halo (ghost cell) exchange for 1-D and 2-D block decompositions: the
//! building block of stencil codes.
//!
//! A rank's array holds its interior block surrounded by `ghost` layers of
//! copies of its neighbours' edge values. After an exchange every ghost layer
//! holds the current values of the neighbouring interior; ghosts at the edge
//! of a non-periodic domain are never overwritten with interior values (they
//! hold the boundary condition). In 2-D, a corner ghost outside the domain
//! but next to another rank takes that rank's copy of the same outside cell
//! (the second phase moves whole columns, ghost rows included), so boundary
//! values should be set by global position, the same on every rank.
//!
//! Communication per exchange, per rank: 1-D, `2*ghost` elements to 2
//! neighbours; 2-D with an `ny x nx` interior, `2*ghost*nx` elements north and
//! south plus `2*ghost*(ny + 2*ghost)` east and west (corners ride along with
//! the second phase, so diagonal neighbours need no messages), in 4 pairs of
//! messages. The volume depends on the block size, not on the number of
//! ranks: a stencil code that keeps its blocks the same size scales to any
//! number of ranks at constant halo cost.

use oxpar_core::{Element, Error, ErrorKind, MatMut, Result, VecMut};

use crate::agree::{self, everywhere, Call, FirstCollective, Routine};
use crate::{MpiBackend, MpiElement};

fn neighbour(pos: usize, count: usize, step: isize, periodic: bool) -> Option<usize> {
    let next = pos as isize + step;
    if (0..count as isize).contains(&next) {
        Some(next as usize)
    } else if periodic {
        Some(next.rem_euclid(count as isize) as usize)
    } else {
        None
    }
}

fn interior(len: usize, ghost: usize, what: &str) -> Result<usize> {
    match len.checked_sub(2 * ghost) {
        Some(n) if n >= ghost => Ok(n),
        _ => Err(Error::shape_mismatch(format!(
            "{what}: {len} elements cannot hold an interior of at least {ghost} between two ghost layers of {ghost}"
        ))),
    }
}

impl MpiBackend {
    /// Checks that every rank passed the same exchange; returns all ranks'
    /// words: dimensionality, ghost width, periodic flags (rows, columns),
    /// interior rows and columns (the element type travels in the status
    /// word of the checked gather).
    fn agree_halo<T: Element>(
        &self,
        routine: &str,
        local: Result<Vec<u64>>,
    ) -> Result<Vec<Vec<u64>>> {
        let call = Call::typed::<T>(Routine::Halo);
        let all = agree::gather_checked(&self.inner.comm, routine, call, local)?;
        let first = &all[0];
        for (r, w) in all.iter().enumerate() {
            if w[0] != first[0] || w[1] != first[1] || w[2] != first[2] || w[3] != first[3] {
                let describe = |w: &[u64]| {
                    format!(
                        "a {}-D exchange with ghost {} and periodic ({}, {})",
                        w[0],
                        w[1],
                        w[2] != 0,
                        w[3] != 0
                    )
                };
                return Err(everywhere(
                    routine,
                    ErrorKind::InvalidArgument,
                    format!(
                        "ranks disagree on the exchange: rank 0 asks for {}, rank {r} for {}",
                        describe(first),
                        describe(w)
                    ),
                ));
            }
        }
        Ok(all)
    }

    /// Exchanges the ghost cells of a 1-D block decomposition over the ranks
    /// in rank order (collective). `x` holds `ghost` ghost elements, this
    /// rank's interior (at least `ghost` elements; sizes may differ between
    /// ranks), and `ghost` ghost elements. With `periodic`, the last rank's
    /// right neighbour is rank 0.
    pub fn halo_exchange_1d<T: MpiElement>(
        &self,
        mut x: VecMut<'_, T>,
        ghost: usize,
        periodic: bool,
    ) -> Result<()> {
        let _guard = self.lock();
        let routine = "halo_exchange_1d";
        let local = interior(x.len(), ghost, "x")
            .map(|n| vec![1, ghost as u64, u64::from(periodic), 0, n as u64, 0]);
        self.agree_halo::<T>(routine, local)?;
        if ghost == 0 {
            return Ok(());
        }
        let n = x.len() - 2 * ghost;
        let (rank, size) = (self.rank(), self.size());
        let left = neighbour(rank, size, -1, periodic);
        let right = neighbour(rank, size, 1, periodic);
        let mut recv = vec![T::ZERO; ghost];
        // My first interior elements go left; my right ghosts come from the right.
        let send: Vec<T> = (ghost..2 * ghost).map(|i| x.get(i)).collect();
        self.inner.comm.sendrecv(&send, left, &mut recv, right, 1)?;
        if right.is_some() {
            for (k, &v) in recv.iter().enumerate() {
                x.set(n + ghost + k, v);
            }
        }
        let send: Vec<T> = (n..n + ghost).map(|i| x.get(i)).collect();
        self.inner.comm.sendrecv(&send, right, &mut recv, left, 2)?;
        if left.is_some() {
            for (k, &v) in recv.iter().enumerate() {
                x.set(k, v);
            }
        }
        Ok(())
    }

    /// Exchanges the ghost cells of a 2-D block decomposition on the process
    /// grid (collective; see [`MpiBackend::grid`]). `a` is this rank's
    /// `(ny + 2*ghost) x (nx + 2*ghost)` array, any strides; grid rows run
    /// along `a`'s rows (the rank at grid row i+1 is "south", holding the
    /// next rows). Ranks in one grid row need the same `ny`, ranks in one
    /// grid column the same `nx`. Corner ghosts are filled too (for 9-point
    /// stencils). `periodic` is (rows, columns).
    pub fn halo_exchange_2d<T: MpiElement>(
        &self,
        mut a: MatMut<'_, T>,
        ghost: usize,
        periodic: (bool, bool),
    ) -> Result<()> {
        let guard = self.lock();
        let routine = "halo_exchange_2d";
        let local = interior(a.nrows(), ghost, "rows of a").and_then(|ny| {
            let nx = interior(a.ncols(), ghost, "columns of a")?;
            Ok(vec![
                2,
                ghost as u64,
                u64::from(periodic.0),
                u64::from(periodic.1),
                ny as u64,
                nx as u64,
            ])
        });
        let all = self.agree_halo::<T>(routine, local)?;
        let g = guard.shape;
        for (r, w) in all.iter().enumerate() {
            let (row, col) = (r / g.cols, r % g.cols);
            let (row_first, col_first) = (&all[row * g.cols], &all[col]);
            if w[4] != row_first[4] || w[5] != col_first[5] {
                return Err(everywhere(
                    routine,
                    ErrorKind::ShapeMismatch,
                    format!(
                        "rank {r} (grid {row},{col}) has a {}x{} interior; its grid row needs {} rows and its grid column {} columns",
                        w[4], w[5], row_first[4], col_first[5]
                    ),
                ));
            }
        }
        if ghost == 0 {
            return Ok(());
        }
        let (ny, nx) = (a.nrows() - 2 * ghost, a.ncols() - 2 * ghost);
        let at = |row: usize, col: usize| row * g.cols + col;
        let north = neighbour(g.row, g.rows, -1, periodic.0).map(|r| at(r, g.col));
        let south = neighbour(g.row, g.rows, 1, periodic.0).map(|r| at(r, g.col));
        let west = neighbour(g.col, g.cols, -1, periodic.1).map(|c| at(g.row, c));
        let east = neighbour(g.col, g.cols, 1, periodic.1).map(|c| at(g.row, c));

        // Phase 1, along grid columns: whole interior rows (interior columns).
        let cols = ghost..ghost + nx;
        let mut recv = vec![T::ZERO; ghost * nx];
        let send = strip(&a, ghost..2 * ghost, cols.clone());
        self.inner
            .comm
            .sendrecv(&send, north, &mut recv, south, 3)?;
        if south.is_some() {
            unstrip(&mut a, ny + ghost..ny + 2 * ghost, cols.clone(), &recv);
        }
        let send = strip(&a, ny..ny + ghost, cols.clone());
        self.inner
            .comm
            .sendrecv(&send, south, &mut recv, north, 4)?;
        if north.is_some() {
            unstrip(&mut a, 0..ghost, cols, &recv);
        }
        // Phase 2, along grid rows: whole columns including the ghost rows
        // just received, which fills the corners.
        let rows = 0..ny + 2 * ghost;
        let mut recv = vec![T::ZERO; ghost * rows.len()];
        let send = strip(&a, rows.clone(), ghost..2 * ghost);
        self.inner.comm.sendrecv(&send, west, &mut recv, east, 5)?;
        if east.is_some() {
            unstrip(&mut a, rows.clone(), nx + ghost..nx + 2 * ghost, &recv);
        }
        let send = strip(&a, rows.clone(), nx..nx + ghost);
        self.inner.comm.sendrecv(&send, east, &mut recv, west, 6)?;
        if west.is_some() {
            unstrip(&mut a, rows, 0..ghost, &recv);
        }
        Ok(())
    }

    /// Takes part in a halo exchange as a rank that rejected its arguments
    /// (see [`oxpar_core::Backend::reject`]); returns `error`.
    pub fn reject_halo(&self, error: Error) -> Error {
        let _guard = self.lock();
        agree::join_failed(
            &self.inner.comm,
            "halo exchange",
            FirstCollective::Gather,
            error,
        )
    }
}

/// The elements of `a` in `rows x cols`, row by row.
fn strip<T: Element>(
    a: &MatMut<'_, T>,
    rows: std::ops::Range<usize>,
    cols: std::ops::Range<usize>,
) -> Vec<T> {
    let a = a.as_ref();
    rows.flat_map(|i| cols.clone().map(move |j| a.get(i, j)))
        .collect()
}

/// Writes `data` (row by row) into `a`'s `rows x cols`.
fn unstrip<T: Element>(
    a: &mut MatMut<'_, T>,
    rows: std::ops::Range<usize>,
    cols: std::ops::Range<usize>,
    data: &[T],
) {
    let mut it = data.iter();
    for i in rows {
        for j in cols.clone() {
            if let Some(&v) = it.next() {
                a.set(i, j, v);
            }
        }
    }
}
