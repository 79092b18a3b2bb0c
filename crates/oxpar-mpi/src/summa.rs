//! Distributed gemm on the 2-D process grid: SUMMA (van de Geijn and Watts,
//! "SUMMA: Scalable Universal Matrix Multiplication Algorithm", 1997).
//!
//! The rank at grid position (i, j) holds block (i, j) of `op(A)` (m_i x ka_j),
//! `op(B)` (kb_i x n_j) and `C` (m_i x n_j). The inner dimension is walked in
//! panels no wider than [`PANEL`] that never straddle a block boundary of
//! either split; for each panel the owning grid column broadcasts its piece
//! of `op(A)` along each grid row, the owning grid row broadcasts its piece of
//! `op(B)` down each grid column, and every rank adds the product to its block
//! of `C` with the local backend.
//!
//! Communication per rank, for C = A*B with A m x k, B k x n on a pr x pc grid:
//! it receives (m/pr)*k elements of A and k*(n/pc) of B, i.e.
//! k*(m/pr + n/pc) words in ceil(k/PANEL) (plus block boundaries) pairs of
//! broadcasts of depth log2(pc) and log2(pr). On a square grid of p ranks and
//! square matrices of order n: 2*n^2/sqrt(p) words per rank, a total of
//! 2*n^2*sqrt(p) over the machine.

use oxpar_core::{
    Diag, Element, Error, ErrorKind, HostBackend, Level3, MatMut, MatRef, Result, Side, Uplo,
};

use crate::ops::{not_distributed, not_distributed_methods};
use crate::MpiElement;

use crate::agree::{self, everywhere, Call, Routine};
use crate::{GridShape, MpiBackend};

/// The widest panel of the inner dimension multiplied at once.
pub const PANEL: usize = 256;

fn prefix(sizes: &[u64]) -> Vec<usize> {
    let mut out = Vec::with_capacity(sizes.len() + 1);
    let mut at = 0usize;
    out.push(0);
    for &s in sizes {
        at += s as usize;
        out.push(at);
    }
    out
}

/// The block of `starts` (prefix sums) that holds index `k`.
fn owner(starts: &[usize], k: usize) -> usize {
    starts.partition_point(|&s| s <= k) - 1
}

/// Copies `src` into `dst` as a column-major matrix with leading dimension
/// `src.nrows()`, conjugated if `src` is a conjugated view (so the panel
/// travels as plain values).
fn pack<T: Element>(src: MatRef<'_, T>, dst: &mut [T]) {
    let m = src.nrows();
    for j in 0..src.ncols() {
        for i in 0..m {
            dst[i + j * m] = src.get(i, j);
        }
    }
}

/// Checks that the blocks of every rank fit together on the grid and
/// returns the split of the inner dimension for op(A) (by grid column) and
/// op(B) (by grid row).
fn gemm_split(g: GridShape, shapes: &[Vec<u64>]) -> Result<(Vec<usize>, Vec<usize>)> {
    let at = |i: usize, j: usize| &shapes[i * g.cols + j];
    let mismatch = |what: String| everywhere("gemm", ErrorKind::ShapeMismatch, what);
    for i in 0..g.rows {
        for j in 0..g.cols {
            let (w, first) = (at(i, j), at(i, 0));
            if w[0] != first[0] || w[2] != first[2] {
                return Err(mismatch(format!(
                        "grid row {i}: rank {} has op(A) {}x{} and op(B) {}x{}, rank {} has op(A) {}x{} and op(B) {}x{} \
                         (ranks in a grid row need the same rows of op(A) and of op(B))",
                        i * g.cols, first[0], first[1], first[2], first[3],
                        i * g.cols + j, w[0], w[1], w[2], w[3]
                    )));
            }
            let top = at(0, j);
            if w[1] != top[1] || w[3] != top[3] {
                return Err(mismatch(format!(
                        "grid column {j}: rank {j} has op(A) {}x{} and op(B) {}x{}, rank {} has op(A) {}x{} and op(B) {}x{} \
                         (ranks in a grid column need the same columns of op(A) and of op(B))",
                        top[0], top[1], top[2], top[3], i * g.cols + j, w[0], w[1], w[2], w[3]
                    )));
            }
        }
    }
    let a_blocks: Vec<u64> = (0..g.cols).map(|j| at(0, j)[1]).collect();
    let b_blocks: Vec<u64> = (0..g.rows).map(|i| at(i, 0)[2]).collect();
    let (ka, kb) = (prefix(&a_blocks), prefix(&b_blocks));
    if ka.last() != kb.last() {
        return Err(mismatch(format!(
                "inner dimensions differ: op(A)'s column blocks add up to {} ({a_blocks:?} by grid column) \
                 but op(B)'s row blocks to {} ({b_blocks:?} by grid row; the rank at grid position (i, j) \
                 is i x {} + j)",
                ka.last().unwrap_or(&0),
                kb.last().unwrap_or(&0),
                g.cols
            )));
    }
    Ok((ka, kb))
}

impl<T: MpiElement> Level3<T> for MpiBackend
where
    dyn HostBackend: Level3<T>,
{
    fn gemm(
        &self,
        alpha: T,
        a: MatRef<'_, T>,
        b: MatRef<'_, T>,
        beta: T,
        mut c: MatMut<'_, T>,
    ) -> Result<()> {
        let grid = self.lock();
        let (m, n) = (c.nrows(), c.ncols());
        let local = if a.nrows() != m || b.ncols() != n {
            Err(Error::shape_mismatch(format!(
                "this rank's blocks: op(A) is {}x{}, op(B) is {}x{}, C is {m}x{n} (C needs op(A)'s rows and op(B)'s columns)",
                a.nrows(), a.ncols(), b.nrows(), b.ncols()
            )))
        } else {
            Ok([a.nrows(), a.ncols(), b.nrows(), b.ncols(), m, n]
                .iter()
                .map(|&v| v as u64)
                .collect())
        };
        let call = Call::typed::<T>(Routine::Gemm);
        let shapes = agree::gather_checked(&self.inner.comm, "gemm", call, local)?;
        let (ka, kb) = gemm_split(grid.shape, &shapes)?;
        let k = *ka.last().unwrap_or(&0);
        if self.size() == 1 || k == 0 {
            // One rank holds everything, or C := beta*C: no communication.
            return Level3::<T>::gemm(&*self.inner.local, alpha, a, b, beta, c);
        }
        // Panel boundaries: both splits' block edges, then at most PANEL apart.
        let mut cuts: Vec<usize> = ka.iter().chain(kb.iter()).copied().collect();
        cuts.sort_unstable();
        cuts.dedup();
        let mut panels = Vec::new();
        for w in cuts.windows(2) {
            let mut k0 = w[0];
            while k0 < w[1] {
                let k1 = (k0 + PANEL).min(w[1]);
                panels.push((k0, k1));
                k0 = k1;
            }
        }
        let g = grid.shape;
        let mut a_panel = vec![T::ZERO; m * PANEL];
        let mut b_panel = vec![T::ZERO; PANEL * n];
        // A panel this rank owns is used in place; only panels that travel
        // are packed (to send) or received into the buffers.
        let (a_alone, b_alone) = (g.cols == 1, g.rows == 1);
        for (step, &(k0, k1)) in panels.iter().enumerate() {
            let width = k1 - k0;
            let (ja, ib) = (owner(&ka, k0), owner(&kb, k0));
            // Only the owning grid column holds this panel of op(A).
            let a_own = || a.submatrix(0, k0 - ka[ja], m, width);
            let ap = &mut a_panel[..m * width];
            let a_use = if a_alone {
                a_own()
            } else {
                if g.col == ja {
                    pack(a_own(), ap);
                }
                grid.row_comm.bcast(ap, ja)?;
                MatRef::col_major(ap, m, width, m.max(1))?
            };
            let bp = &mut b_panel[..width * n];
            let b_use = if b_alone {
                b.submatrix(k0 - kb[ib], 0, width, n)
            } else {
                if g.row == ib {
                    pack(b.submatrix(k0 - kb[ib], 0, width, n), bp);
                }
                grid.col_comm.bcast(bp, ib)?;
                MatRef::col_major(bp, width, n, width)?
            };
            let beta_now = if step == 0 { beta } else { T::ONE };
            Level3::<T>::gemm(
                &*self.inner.local,
                alpha,
                a_use,
                b_use,
                beta_now,
                c.rb_mut(),
            )?;
        }
        Ok(())
    }

    not_distributed_methods! {
        symm(Side, Uplo, T, MatRef<'_, T>, MatRef<'_, T>, T, MatMut<'_, T>);
        hemm(Side, Uplo, T, MatRef<'_, T>, MatRef<'_, T>, T, MatMut<'_, T>);
        syrk(Uplo, T, MatRef<'_, T>, T, MatMut<'_, T>);
        herk(Uplo, T::Real, MatRef<'_, T>, T::Real, MatMut<'_, T>);
        syr2k(Uplo, T, MatRef<'_, T>, MatRef<'_, T>, T, MatMut<'_, T>);
        her2k(Uplo, T, MatRef<'_, T>, MatRef<'_, T>, T::Real, MatMut<'_, T>);
        trmm(Side, Uplo, Diag, T, MatRef<'_, T>, MatMut<'_, T>);
        trsm(Side, Uplo, Diag, T, MatRef<'_, T>, MatMut<'_, T>);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn owners_follow_prefix_sums() {
        let starts = prefix(&[3, 0, 2]);
        assert_eq!(starts, vec![0, 3, 3, 5]);
        assert_eq!(owner(&starts, 0), 0);
        assert_eq!(owner(&starts, 2), 0);
        assert_eq!(owner(&starts, 3), 2);
        assert_eq!(owner(&starts, 4), 2);
    }
}
