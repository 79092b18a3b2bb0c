//! A 2-D heat (Jacobi) stencil over MPI ranks: each rank owns one block of
//! the grid, exchanges one layer of ghost cells with its neighbours before
//! every sweep, and the residual is a distributed dot product. At the end
//! every rank compares its block, bit for bit, with the same computation done
//! on the whole grid by one process.
//!
//! ```text
//! cargo build --release -p oxpar-examples --features mpi
//! mpiexec -n 4 target/release/mpi_heat
//! ```

use oxpar::mpi::block_range;
use oxpar::{Level1, MatMut, Result, VecRef};

/// Interior points per side of the global grid.
const N: usize = 96;
/// Jacobi sweeps.
const SWEEPS: usize = 200;

/// The fixed temperature on the domain's edge: hot along the top, cold elsewhere.
fn boundary(i: isize, _j: isize) -> f64 {
    if i < 0 {
        1.0
    } else {
        0.0
    }
}

/// One Jacobi sweep over the interior of a (rows+2) x (cols+2) row-major
/// array with one ghost layer; returns the sum of squared changes' terms.
fn sweep(u: &[f64], next: &mut [f64], rows: usize, cols: usize, change: &mut Vec<f64>) {
    let w = cols + 2;
    change.clear();
    for i in 1..=rows {
        for j in 1..=cols {
            let v = 0.25
                * (u[(i - 1) * w + j] + u[(i + 1) * w + j] + u[i * w + j - 1] + u[i * w + j + 1]);
            change.push(v - u[i * w + j]);
            next[i * w + j] = v;
        }
    }
}

/// A block of the grid with its ghost frame, the frame set to the boundary
/// values where it lies on the domain's edge.
fn initial(rows: std::ops::Range<usize>, cols: std::ops::Range<usize>) -> Vec<f64> {
    let w = cols.len() + 2;
    let mut u = vec![0.0; (rows.len() + 2) * w];
    for li in 0..rows.len() + 2 {
        for lj in 0..w {
            let (gi, gj) = (
                rows.start as isize + li as isize - 1,
                cols.start as isize + lj as isize - 1,
            );
            if gi < 0 || gj < 0 || gi >= N as isize || gj >= N as isize {
                u[li * w + lj] = boundary(gi, gj);
            }
        }
    }
    u
}

fn main() -> Result<()> {
    let mpi = oxpar::mpi_backend_from_spec("mpi+threads", None)?;
    let grid = mpi.grid();
    let (rows, cols) = grid.block(N, N);
    let (h, w) = (rows.len() + 2, cols.len() + 2);

    // The distributed run.
    let mut u = initial(rows.clone(), cols.clone());
    let mut next = u.clone();
    let mut change = Vec::new();
    let mut residual = 0.0;
    for _ in 0..SWEEPS {
        mpi.halo_exchange_2d(MatMut::row_major(&mut u, h, w, w)?, 1, (false, false))?;
        sweep(&u, &mut next, rows.len(), cols.len(), &mut change);
        std::mem::swap(&mut u, &mut next);
        let c = VecRef::from_slice(&change);
        residual = Level1::<f64>::dot(&mpi, c, c)?.sqrt();
    }

    // The same on the whole grid, on this process alone.
    let all = block_range(N, 1, 0);
    let mut serial = initial(all.clone(), all.clone());
    let mut serial_next = serial.clone();
    for _ in 0..SWEEPS {
        sweep(&serial, &mut serial_next, N, N, &mut change);
        std::mem::swap(&mut serial, &mut serial_next);
    }
    let mut mismatches = 0.0;
    for (li, gi) in rows.clone().enumerate() {
        for (lj, gj) in cols.clone().enumerate() {
            if u[(li + 1) * w + lj + 1].to_bits() != serial[(gi + 1) * (N + 2) + gj + 1].to_bits() {
                mismatches += 1.0;
            }
        }
    }
    let mismatches = Level1::<f64>::asum(&mpi, VecRef::from_slice(&[mismatches]))?;
    if mpi.rank() == 0 {
        println!(
            "heat {N}x{N}, {SWEEPS} sweeps on {} rank(s), grid {}x{}: residual {residual:.6e}, {} point(s) differ from the serial run",
            mpi.size(), grid.rows, grid.cols, mismatches
        );
    }
    if mismatches != 0.0 {
        std::process::exit(1);
    }
    if mpi.rank() == 0 {
        println!("matches the serial run bit for bit");
    }
    Ok(())
}
