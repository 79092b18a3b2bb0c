//! The MPI suite. Run plainly (`cargo test -p oxpar-mpi`), it launches itself
//! under `mpiexec -n 1`, `-n 2`, `-n 3` and `-n 4` (Open MPI, oversubscribed)
//! and fails if any run fails or hangs; under mpiexec, every rank runs every
//! check and compares with the serial backend computing on the whole data.
//! Complex elements have their own suite (`mpi_complex.rs`).
//!
//! The launcher and rank counts can be changed: see `oxpar_mpi::launch`.

use std::time::Duration;

use std::ops::Range;

use oxpar_core::exact::{reduce_elementwise, Reduction};
use oxpar_core::repro::Reproducible;
use oxpar_core::{
    Backend, ErrorKind, Level1, Level2, Level3, MatMut, MatRef, Op, Scalar, Serial, VecMut, VecRef,
};
use oxpar_mpi::launch::{rank_counts, run_self, under_mpiexec};
use oxpar_mpi::{block_range, Comm, MpiBackend};

fn main() {
    if under_mpiexec() {
        run_rank();
        return;
    }
    for n in rank_counts() {
        let took = run_self(n, &[], Duration::from_secs(300)).unwrap_or_else(|e| panic!("{e}"));
        println!(
            "mpi suite: {n} rank(s) passed in {:.1} s",
            took.as_secs_f64()
        );
    }
}

/// Deterministic test data, the same on every rank: element `i` of vector `seed`.
fn value(seed: u64, i: usize) -> f64 {
    let h = (i as u64 + 1).wrapping_mul(0x9E37_79B9_7F4A_7C15)
        ^ seed.wrapping_mul(0xBF58_476D_1CE4_E5B9);
    ((h >> 11) % 2001) as f64 / 100.0 - 10.0
}

fn vector(seed: u64, n: usize) -> Vec<f64> {
    (0..n).map(|i| value(seed, i)).collect()
}

/// An uneven split of `n` over `size` ranks: rank r gets about (r+1) shares,
/// and rank 1 (if any) gets nothing when `with_empty`.
fn uneven(n: usize, size: usize, rank: usize, with_empty: bool) -> std::ops::Range<usize> {
    let weights: Vec<usize> = (0..size)
        .map(|r| if with_empty && r == 1 { 0 } else { r + 1 })
        .collect();
    let total: usize = weights.iter().sum();
    let mut start = 0;
    let mut ranges = Vec::new();
    for (r, w) in weights.iter().enumerate() {
        let end = if r + 1 == size {
            n
        } else {
            start + n * w / total
        };
        ranges.push(start..end);
        start = end;
    }
    ranges[rank].clone()
}

fn close(a: f64, b: f64, scale: f64) -> bool {
    (a - b).abs() <= 1e-12 * scale.max(1.0) || (a.is_nan() && b.is_nan()) || a == b
}

struct Ctx {
    mpi: MpiBackend,
    rank: usize,
    size: usize,
}

fn run_rank() {
    let comm = Comm::world().expect("world");
    let mpi = MpiBackend::new(comm, |budget| {
        assert!(budget >= 1);
        Ok(Box::new(oxpar_threads::ThreadsBackend::with_threads(
            budget,
        )?))
    })
    .expect("mpi backend");
    let (rank, size) = (mpi.rank(), mpi.size());
    let mut ctx = Ctx { mpi, rank, size };
    assert_eq!(ctx.mpi.ranks_on_node(), size, "all ranks run on this node");
    level1(&ctx);
    sums(&ctx);
    f32_accuracy(&ctx);
    reproducible(&ctx);
    level2(&ctx);
    level3(&mut ctx);
    halo(&mut ctx);
    errors(&mut ctx);
    reproducible_errors(&ctx);
    mixed_types(&mut ctx);
    mixed_operations(&ctx);
    speculation(&ctx);
    foreign_communicators(&ctx);
    point_to_point(&ctx);
    if rank == 0 {
        println!("rank 0 of {size}: all checks passed");
    }
}

fn level1(c: &Ctx) {
    for n in [0usize, 1, 5, 1000, 100_003] {
        for with_empty in [false, true] {
            let x = vector(1, n);
            let y = vector(2, n);
            let r = uneven(n, c.size, c.rank, with_empty);
            let (xl, yl) = (&x[r.clone()], &y[r.clone()]);
            let dot =
                Level1::<f64>::dot(&c.mpi, VecRef::from_slice(xl), VecRef::from_slice(yl)).unwrap();
            let want = Level1::<f64>::dot(&Serial, VecRef::from_slice(&x), VecRef::from_slice(&y))
                .unwrap();
            assert!(
                close(dot, want, n as f64 * 100.0),
                "dot n={n}: {dot} vs {want}"
            );
            let asum = Level1::<f64>::asum(&c.mpi, VecRef::from_slice(xl)).unwrap();
            let want = Level1::<f64>::asum(&Serial, VecRef::from_slice(&x)).unwrap();
            assert!(close(asum, want, want), "asum n={n}");
            let nrm2 = Level1::<f64>::nrm2(&c.mpi, VecRef::from_slice(xl)).unwrap();
            let want = Level1::<f64>::nrm2(&Serial, VecRef::from_slice(&x)).unwrap();
            assert!(close(nrm2, want, want), "nrm2 n={n}: {nrm2} vs {want}");
            let i = Level1::<f64>::iamax(&c.mpi, VecRef::from_slice(xl)).unwrap();
            let want = Level1::<f64>::iamax(&Serial, VecRef::from_slice(&x)).unwrap();
            assert_eq!(i, want, "iamax n={n}");
            // f32 too, through the same paths.
            let xs: Vec<f32> = xl.iter().map(|&v| v as f32).collect();
            let xall: Vec<f32> = x.iter().map(|&v| v as f32).collect();
            let s = Level1::<f32>::asum(&c.mpi, VecRef::from_slice(&xs)).unwrap();
            let want = Level1::<f32>::asum(&Serial, VecRef::from_slice(&xall)).unwrap();
            assert!(
                (s - want).abs() <= 1e-5 * want.max(1.0),
                "sasum n={n}: {s} vs {want}"
            );
            // axpy and scal touch the local block only.
            let mut yl2 = yl.to_vec();
            Level1::<f64>::axpy(
                &c.mpi,
                2.0,
                VecRef::from_slice(xl),
                VecMut::from_slice(&mut yl2),
            )
            .unwrap();
            for (k, v) in yl2.iter().enumerate() {
                assert_eq!(*v, 2.0 * xl[k] + yl[k]);
            }
        }
    }
    // Special values: a NaN on the last rank wins iamax over a larger value
    // earlier; an Inf gives an infinite norm; huge values do not overflow.
    let n = 4 * c.size + 3;
    let mut x = vector(3, n);
    x[1] = 1e300;
    x[n - 2] = f64::NAN;
    let r = block_range(n, c.size, c.rank);
    let i = Level1::<f64>::iamax(&c.mpi, VecRef::from_slice(&x[r.clone()])).unwrap();
    assert_eq!(i, Some(n - 2));
    x[n - 2] = 2e300;
    let nrm = Level1::<f64>::nrm2(&c.mpi, VecRef::from_slice(&x[r.clone()])).unwrap();
    let want = Level1::<f64>::nrm2(&Serial, VecRef::from_slice(&x)).unwrap();
    assert!(
        nrm.is_finite() && close(nrm, want, want),
        "nrm2 huge: {nrm} vs {want}"
    );
    x[0] = f64::INFINITY;
    let nrm = Level1::<f64>::nrm2(&c.mpi, VecRef::from_slice(&x[r.clone()])).unwrap();
    assert_eq!(nrm, f64::INFINITY);
    // Tiny values everywhere (squares would underflow), and tiny next to
    // ordinary ones: both paths of nrm2 give the serial answer.
    let tiny: Vec<f64> = vector(4, n).iter().map(|v| v * 1e-300).collect();
    let nrm = Level1::<f64>::nrm2(&c.mpi, VecRef::from_slice(&tiny[r.clone()])).unwrap();
    let want = Level1::<f64>::nrm2(&Serial, VecRef::from_slice(&tiny)).unwrap();
    assert!(
        nrm > 0.0 && close(nrm / want, 1.0, 1.0),
        "nrm2 tiny: {nrm} vs {want}"
    );
    let mut mixed = vector(5, n);
    mixed[n - 1] = 1e-200;
    for v in &mut mixed[..n / 2] {
        *v *= 1e-290;
    }
    let nrm = Level1::<f64>::nrm2(&c.mpi, VecRef::from_slice(&mixed[r.clone()])).unwrap();
    let want = Level1::<f64>::nrm2(&Serial, VecRef::from_slice(&mixed)).unwrap();
    assert!(close(nrm, want, want), "nrm2 mixed scales: {nrm} vs {want}");
    let nrm = Level1::<f32>::nrm2(&c.mpi, VecRef::from_slice(&[3.0f32, 4.0])).unwrap();
    assert_eq!(nrm, (25.0 * c.size as f64).sqrt() as f32, "snrm2");
}

fn level2(c: &Ctx) {
    for (m, n) in [(0usize, 3usize), (7, 0), (1, 1), (13, 9), (64, 101)] {
        let a = vector(4, m * n); // row-major m x n
        let x = vector(5, n);
        let y = vector(6, m);
        let rows = uneven(m, c.size, c.rank, true);
        let xr = block_range(n, c.size, c.rank);
        let ablk = &a[rows.start * n..rows.end * n];
        let mut yl = y[rows.clone()].to_vec();
        Level2::<f64>::gemv(
            &c.mpi,
            1.5,
            MatRef::row_major(ablk, rows.len(), n, n.max(1)).unwrap(),
            VecRef::from_slice(&x[xr.clone()]),
            -0.5,
            VecMut::from_slice(&mut yl),
        )
        .unwrap();
        let mut want = y.clone();
        Level2::<f64>::gemv(
            &Serial,
            1.5,
            MatRef::row_major(&a, m, n, n.max(1)).unwrap(),
            VecRef::from_slice(&x),
            -0.5,
            VecMut::from_slice(&mut want),
        )
        .unwrap();
        for (k, i) in rows.clone().enumerate() {
            assert!(close(yl[k], want[i], 1e3), "gemv {m}x{n} row {i}");
        }
        // ger: A += x_rows * y_cols^T with y distributed by block_range.
        let mut al = ablk.to_vec();
        let u = vector(7, m);
        Level2::<f64>::ger(
            &c.mpi,
            0.25,
            VecRef::from_slice(&u[rows.clone()]),
            VecRef::from_slice(&x[xr]),
            MatMut::row_major(&mut al, rows.len(), n, n.max(1)).unwrap(),
        )
        .unwrap();
        for (k, i) in rows.clone().enumerate() {
            for j in 0..n {
                assert!(close(
                    al[k * n + j],
                    a[i * n + j] + 0.25 * u[i] * x[j],
                    100.0
                ));
            }
        }
    }
}

/// Checks distributed gemm against the serial one on the current grid, with
/// balanced or uneven blocks and either transpose of A.
fn gemm_case(c: &Ctx, m: usize, n: usize, k: usize, uneven_blocks: bool, trans_a: bool) {
    let g = c.mpi.grid();
    let split = |len: usize, parts: usize, idx: usize| {
        if uneven_blocks {
            uneven(len, parts, idx, false)
        } else {
            block_range(len, parts, idx)
        }
    };
    let a = vector(8, m * k); // row-major m x k
    let b = vector(9, k * n); // row-major k x n
    let mut cfull = vector(10, m * n);
    let (ri, cj) = (split(m, g.rows, g.row), split(n, g.cols, g.col));
    let (ka, kb) = (split(k, g.cols, g.col), split(k, g.rows, g.row));
    // op(A) block (ri x ka); stored transposed when trans_a.
    let ablk: Vec<f64> = if trans_a {
        ka.clone()
            .flat_map(|p| ri.clone().map(move |i| (i, p)))
            .map(|(i, p)| a[i * k + p])
            .collect()
    } else {
        ri.clone()
            .flat_map(|i| ka.clone().map(move |p| (i, p)))
            .map(|(i, p)| a[i * k + p])
            .collect()
    };
    let bblk: Vec<f64> = kb
        .clone()
        .flat_map(|p| cj.clone().map(move |j| (p, j)))
        .map(|(p, j)| b[p * n + j])
        .collect();
    let mut cblk: Vec<f64> = ri
        .clone()
        .flat_map(|i| cj.clone().map(move |j| (i, j)))
        .map(|(i, j)| cfull[i * n + j])
        .collect();
    let aview = if trans_a {
        MatRef::row_major(&ablk, ka.len(), ri.len(), ri.len().max(1))
            .unwrap()
            .t()
    } else {
        MatRef::row_major(&ablk, ri.len(), ka.len(), ka.len().max(1)).unwrap()
    };
    Level3::<f64>::gemm(
        &c.mpi,
        0.5,
        aview,
        MatRef::row_major(&bblk, kb.len(), cj.len(), cj.len().max(1)).unwrap(),
        2.0,
        MatMut::row_major(&mut cblk, ri.len(), cj.len(), cj.len().max(1)).unwrap(),
    )
    .unwrap();
    Level3::<f64>::gemm(
        &Serial,
        0.5,
        MatRef::row_major(&a, m, k, k.max(1)).unwrap(),
        MatRef::row_major(&b, k, n, n.max(1)).unwrap(),
        2.0,
        MatMut::row_major(&mut cfull, m, n, n.max(1)).unwrap(),
    )
    .unwrap();
    for (ii, i) in ri.clone().enumerate() {
        for (jj, j) in cj.clone().enumerate() {
            let got = cblk[ii * cj.len() + jj];
            assert!(
                close(got, cfull[i * n + j], k as f64 * 100.0),
                "gemm {m}x{n}x{k} grid {}x{} C[{i},{j}] = {got} vs {}",
                g.rows,
                g.cols,
                cfull[i * n + j]
            );
        }
    }
}

fn level3(c: &mut Ctx) {
    let size = c.size;
    let mut grids = vec![(size, 1), (1, size)];
    if size == 4 {
        grids.push((2, 2));
    }
    for (pr, pc) in grids {
        c.mpi.set_grid(pr, pc).unwrap();
        for (m, n, k) in [(1, 1, 1), (5, 7, 3), (33, 17, 300), (8, 8, 0), (0, 4, 5)] {
            for uneven_blocks in [false, true] {
                gemm_case(c, m, n, k, uneven_blocks, false);
                gemm_case(c, m, n, k, uneven_blocks, true);
            }
        }
    }
    // beta = 0: C is not read (NaN in it does not come out).
    let (pr, pc) = oxpar_mpi::default_grid(size);
    c.mpi.set_grid(pr, pc).unwrap();
    let g = c.mpi.grid();
    let (ri, cj) = g.block(6, 6);
    let (ka, kb) = (block_range(4, g.cols, g.col), block_range(4, g.rows, g.row));
    let a = vec![1.0; ri.len() * ka.len()];
    let b = vec![1.0; kb.len() * cj.len()];
    let mut cb = vec![f64::NAN; ri.len() * cj.len()];
    Level3::<f64>::gemm(
        &c.mpi,
        1.0,
        MatRef::row_major(&a, ri.len(), ka.len(), ka.len().max(1)).unwrap(),
        MatRef::row_major(&b, kb.len(), cj.len(), cj.len().max(1)).unwrap(),
        0.0,
        MatMut::row_major(&mut cb, ri.len(), cj.len(), cj.len().max(1)).unwrap(),
    )
    .unwrap();
    assert!(cb.iter().all(|&v| v == 4.0), "beta = 0 must not read C");
}

fn halo(c: &mut Ctx) {
    // 1-D: interiors of uneven sizes; ghosts must equal the neighbours' values.
    for ghost in [0usize, 1, 2] {
        for periodic in [false, true] {
            let n = 7 * c.size + 5;
            let r = {
                let mut r = block_range(n, c.size, c.rank);
                if r.len() < ghost.max(1) {
                    r = r.start..r.start + ghost.max(1);
                }
                r
            };
            // Global value of cell i is 100 + i (wrapped when periodic).
            let mut x = vec![-1.0f64; r.len() + 2 * ghost];
            for (k, i) in r.clone().enumerate() {
                x[ghost + k] = 100.0 + i as f64;
            }
            c.mpi
                .halo_exchange_1d(VecMut::from_slice(&mut x), ghost, periodic)
                .unwrap();
            let nglobal = block_range(n, c.size, c.size - 1).end.max(r.end);
            for k in 0..ghost {
                let left = r.start as isize - ghost as isize + k as isize;
                let right = r.end + k;
                let want_left = if left >= 0 {
                    100.0 + left as f64
                } else if periodic {
                    100.0 + (left + nglobal as isize) as f64
                } else {
                    -1.0
                };
                let want_right = if right < nglobal {
                    100.0 + right as f64
                } else if periodic {
                    100.0 + (right - nglobal) as f64
                } else {
                    -1.0
                };
                assert_eq!(
                    x[k], want_left,
                    "1-D left ghost {k} (ghost {ghost}, periodic {periodic})"
                );
                assert_eq!(x[ghost + r.len() + k], want_right, "1-D right ghost {k}");
            }
        }
    }
    // 2-D on each grid shape, row- and column-major arrays.
    let size = c.size;
    let mut grids = vec![(size, 1), (1, size)];
    if size == 4 {
        grids.push((2, 2));
    }
    for (pr, pc) in grids {
        c.mpi.set_grid(pr, pc).unwrap();
        let g = c.mpi.grid();
        for ghost in [1usize, 2] {
            for periodic in [(false, false), (true, false), (false, true), (true, true)] {
                let (ny, nx) = (3 * pr + 4, 5 * pc + 2);
                let (rows, cols) = g.block(ny, nx);
                let (h, w) = (rows.len() + 2 * ghost, cols.len() + 2 * ghost);
                let cell = |i: usize, j: usize| (i * 1000 + j) as f64;
                for col_major in [false, true] {
                    let mut a = vec![-1.0f64; h * w];
                    let mut view = if col_major {
                        MatMut::col_major(&mut a, h, w, h).unwrap()
                    } else {
                        MatMut::row_major(&mut a, h, w, w).unwrap()
                    };
                    for (ii, i) in rows.clone().enumerate() {
                        for (jj, j) in cols.clone().enumerate() {
                            view.set(ghost + ii, ghost + jj, cell(i, j));
                        }
                    }
                    c.mpi
                        .halo_exchange_2d(view.rb_mut(), ghost, periodic)
                        .unwrap();
                    for li in 0..h {
                        for lj in 0..w {
                            let gi = rows.start as isize + li as isize - ghost as isize;
                            let gj = cols.start as isize + lj as isize - ghost as isize;
                            let wrap = |v: isize, n: usize, p: bool| {
                                if (0..n as isize).contains(&v) {
                                    Some(v as usize)
                                } else if p {
                                    Some(v.rem_euclid(n as isize) as usize)
                                } else {
                                    None
                                }
                            };
                            let want = match (wrap(gi, ny, periodic.0), wrap(gj, nx, periodic.1)) {
                                (Some(i), Some(j)) => cell(i, j),
                                _ => -1.0,
                            };
                            let got = view.as_ref().get(li, lj);
                            assert_eq!(got, want, "2-D grid {pr}x{pc} ghost {ghost} periodic {periodic:?} at ({li},{lj})");
                        }
                    }
                }
            }
        }
    }
}

/// Mistakes on one rank are errors on every rank, never a deadlock.
fn errors(c: &mut Ctx) {
    let x = vec![1.0f64; 10];
    // A wrong local length on the last rank.
    let ylen = if c.rank + 1 == c.size { 9 } else { 10 };
    let e = Level1::<f64>::dot(
        &c.mpi,
        VecRef::from_slice(&x),
        VecRef::from_slice(&x[..ylen]),
    )
    .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::ShapeMismatch, "{e}");
    if c.rank + 1 != c.size {
        assert!(e.message().contains(&format!("rank {}", c.size - 1)), "{e}");
    }
    let e = Level1::<f64>::nrm2(&c.mpi, VecRef::from_slice(&x)).map(|_| ());
    assert!(e.is_ok(), "the backend still works after an error");
    // A front end that rejected the arguments before reaching the backend.
    let status = if c.rank == 0 {
        Err(c.mpi.reject(
            Op::Gemm,
            oxpar_core::Error::invalid_stride("lda", "too small"),
        ))
    } else {
        let a = vec![0.0; 4];
        Level3::<f64>::gemm(
            &c.mpi,
            1.0,
            MatRef::row_major(&a, 2, 2, 2).unwrap(),
            MatRef::row_major(&a, 2, 2, 2).unwrap(),
            0.0,
            MatMut::row_major(&mut [0.0; 4], 2, 2, 2).unwrap(),
        )
    };
    let e = status.unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidStride, "{e}");
    for op in [Op::Dot, Op::Asum, Op::Nrm2, Op::Iamax, Op::Gemv] {
        let r: Result<(), _> = if c.rank == c.size - 1 {
            Err(c
                .mpi
                .reject(op, oxpar_core::Error::invalid_argument("x", "is NULL")))
        } else {
            let v = VecRef::from_slice(&x);
            match op {
                Op::Dot => Level1::<f64>::dot(&c.mpi, v, v).map(|_| ()),
                Op::Asum => Level1::<f64>::asum(&c.mpi, v).map(|_| ()),
                Op::Nrm2 => Level1::<f64>::nrm2(&c.mpi, v).map(|_| ()),
                Op::Iamax => Level1::<f64>::iamax(&c.mpi, v).map(|_| ()),
                _ => Level2::<f64>::gemv(
                    &c.mpi,
                    1.0,
                    MatRef::row_major(&x, 1, 10, 10).unwrap(),
                    v,
                    0.0,
                    VecMut::from_slice(&mut [0.0]),
                ),
            }
        };
        assert_eq!(r.unwrap_err().kind(), ErrorKind::InvalidArgument, "{op:?}");
    }
    // Blocks that do not fit together: rank 0's block of op(B) has one row
    // too many, so the inner dimensions no longer add up.
    if c.size > 1 {
        c.mpi.set_grid(c.size, 1).unwrap();
        let kb = block_range(3, c.size, c.rank).len() + usize::from(c.rank == 0);
        let e = Level3::<f64>::gemm(
            &c.mpi,
            1.0,
            MatRef::row_major(&[1.0; 6], 2, 3, 3).unwrap(),
            MatRef::row_major(&vec![1.0; kb * 2], kb, 2, 2).unwrap(),
            0.0,
            MatMut::row_major(&mut [0.0; 4], 2, 2, 2).unwrap(),
        )
        .unwrap_err();
        assert_eq!(e.kind(), ErrorKind::ShapeMismatch, "{e}");
        // The message shows the blocks by grid row, where rank 0's is off.
        let rows: Vec<usize> = (0..c.size)
            .map(|r| block_range(3, c.size, r).len() + usize::from(r == 0))
            .collect();
        assert!(
            e.message().contains(&format!("to 4 ({rows:?} by grid row")),
            "{e}"
        );
        // gemv: a rank whose A block has a different number of columns.
        let cols = if c.rank == 1 { 4 } else { 3 };
        let e = Level2::<f64>::gemv(
            &c.mpi,
            1.0,
            MatRef::row_major(&[1.0; 4], 1, cols, cols).unwrap(),
            VecRef::from_slice(&x[..block_range(3, c.size, c.rank).len()]),
            0.0,
            VecMut::from_slice(&mut [0.0]),
        )
        .unwrap_err();
        assert_eq!(e.kind(), ErrorKind::ShapeMismatch, "{e}");
        // Rank 0 multiplies floats, the others doubles.
        let e = if c.rank == 0 {
            Level2::<f32>::gemv(
                &c.mpi,
                1.0,
                MatRef::row_major(&[1.0f32; 3], 1, 3, 3).unwrap(),
                VecRef::from_slice(&[1.0f32; 3][..block_range(3, c.size, c.rank).len()]),
                0.0,
                VecMut::from_slice(&mut [0.0f32]),
            )
        } else {
            Level2::<f64>::gemv(
                &c.mpi,
                1.0,
                MatRef::row_major(&[1.0; 3], 1, 3, 3).unwrap(),
                VecRef::from_slice(&x[..block_range(3, c.size, c.rank).len()]),
                0.0,
                VecMut::from_slice(&mut [0.0]),
            )
        }
        .unwrap_err();
        assert_eq!(e.kind(), ErrorKind::InvalidArgument, "{e}");
        // Two ranks are a tie: rank 0's type is the reference then.
        assert!(e.message().contains("rank 0"), "{e}");
        assert!(e.message().contains("f32"), "{e}");
        let kb = block_range(2, c.size, c.rank).len();
        let e = if c.rank == 0 {
            Level3::<f32>::gemm(
                &c.mpi,
                1.0,
                MatRef::row_major(&[1.0f32; 2], 1, 2, 2).unwrap(),
                MatRef::row_major(&vec![1.0f32; kb], kb, 1, 1).unwrap(),
                0.0,
                MatMut::row_major(&mut [0.0f32], 1, 1, 1).unwrap(),
            )
        } else {
            Level3::<f64>::gemm(
                &c.mpi,
                1.0,
                MatRef::row_major(&[1.0; 2], 1, 2, 2).unwrap(),
                MatRef::row_major(&vec![1.0; kb], kb, 1, 1).unwrap(),
                0.0,
                MatMut::row_major(&mut [0.0], 1, 1, 1).unwrap(),
            )
        }
        .unwrap_err();
        assert_eq!(e.kind(), ErrorKind::InvalidArgument, "{e}");
        // Ranks asking for different grids.
        let (pr, pc) = if c.rank == 0 {
            (1, c.size)
        } else {
            (c.size, 1)
        };
        let e = c.mpi.set_grid(pr, pc).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::ShapeMismatch, "{e}");
        // Different ghost widths.
        let ghost = if c.rank == 0 { 2 } else { 1 };
        let e = c
            .mpi
            .halo_exchange_1d(VecMut::from_slice(&mut [0.0f64; 8]), ghost, false)
            .unwrap_err();
        assert_eq!(e.kind(), ErrorKind::InvalidArgument, "{e}");
    }
    let e = c.mpi.set_grid(c.size + 1, 1).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidArgument, "{e}");
    let e = c
        .mpi
        .halo_exchange_1d(VecMut::from_slice(&mut [0.0f64; 2]), 1, false)
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::ShapeMismatch, "{e}");
}

fn foreign_communicators(c: &Ctx) {
    // The world communicator's Fortran handle, as C, Fortran or mpi4py pass it.
    let handle = c.mpi.comm().fortran_handle();
    let other = Comm::from_fortran(handle).unwrap();
    assert_eq!(other.size(), c.size);
    let world = Comm::world().unwrap();
    let f = world.fortran_handle();
    let dup = MpiBackend::new(Comm::from_fortran(f).unwrap(), |_| Ok(Box::new(Serial))).unwrap();
    assert_eq!(dup.kind(), oxpar_core::BackendKind::Mpi);
    let s = Level1::<f64>::asum(&dup, VecRef::from_slice(&[1.0, -2.0])).unwrap();
    assert_eq!(s, 3.0 * c.size as f64);
    let e = Comm::from_fortran(-12345).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidArgument, "{e}");
}

/// Point-to-point words (what the task farm's hand-out uses): every rank
/// sends to the next one around the ring and polls for the message from the
/// previous one, by source and from any source; an empty message arrives
/// empty; a message is received once; ranks that do not exist are errors.
fn point_to_point(c: &Ctx) {
    let comm = c.mpi.comm();
    let (rank, size) = (comm.rank(), comm.size());
    let (next, prev) = ((rank + 1) % size, (rank + size - 1) % size);
    let poll = |source: Option<usize>, tag: i32| loop {
        if let Some(m) = comm.try_recv_u64(source, tag).unwrap() {
            return m;
        }
        std::thread::sleep(std::time::Duration::from_micros(50));
    };
    comm.send_u64(&[rank as u64, 10 * rank as u64, u64::MAX], next, 7)
        .unwrap();
    assert_eq!(
        poll(Some(prev), 7),
        (prev, vec![prev as u64, 10 * prev as u64, u64::MAX])
    );
    comm.send_u64(&[], next, 8).unwrap();
    assert_eq!(poll(None, 8), (prev, vec![]));
    // Nothing else is waiting with either tag.
    assert_eq!(comm.try_recv_u64(None, 7).unwrap(), None);
    assert_eq!(comm.try_recv_u64(Some(prev), 8).unwrap(), None);
    let e = comm.send_u64(&[1], size, 7).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidArgument, "{e}");
    let e = comm.try_recv_u64(Some(size + 3), 7).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidArgument, "{e}");
}

/// The ordinary distributed `sum` agrees with the serial one to rounding.
fn sums(c: &Ctx) {
    for n in [0usize, 1, 5, 1000, 100_003] {
        let x = vector(11, n);
        let xs: Vec<f32> = x.iter().map(|&v| v as f32).collect();
        let want = Level1::<f64>::sum(&Serial, VecRef::from_slice(&x)).unwrap();
        let want32 = Level1::<f32>::sum(&Serial, VecRef::from_slice(&xs)).unwrap();
        let scale = Level1::<f64>::asum(&Serial, VecRef::from_slice(&x)).unwrap();
        for (split, r) in splits(n, c.size, c.rank) {
            let got = Level1::<f64>::sum(&c.mpi, VecRef::from_slice(&x[r.clone()])).unwrap();
            assert!(
                (got - want).abs() <= 1e-13 * scale.max(1.0),
                "sum n={n} ({split}): {got} vs {want}"
            );
            let got = Level1::<f32>::sum(&c.mpi, VecRef::from_slice(&xs[r])).unwrap();
            assert!(
                (got - want32).abs() as f64 <= 1e-5 * scale.max(1.0),
                "f32 sum n={n} ({split}): {got} vs {want32}"
            );
        }
    }
}

/// Ordinary f32 dot, sum, asum and nrm2 over the ranks accumulate in f64 end
/// to end (each rank's partial result travels unrounded) and round once:
/// within half an f32 ulp of the exact value plus n * 2^-53 of the sum of
/// magnitudes, for every split.
fn f32_accuracy(c: &Ctx) {
    let n = 200_003;
    let x: Vec<f32> = (0..n)
        .map(|i| (sign(5, i) * mantissa(5, i) * 2f64.powi((i % 29) as i32 - 14)) as f32)
        .collect();
    let y: Vec<f32> = x.iter().rev().copied().collect();
    let exact = |what, a: &[f32], b: &[f32]| {
        reduce_elementwise(what, VecRef::from_slice(a), VecRef::from_slice(b)).round_f64()
    };
    let abs_dot: f64 = x
        .iter()
        .zip(&y)
        .map(|(a, b)| (*a as f64 * *b as f64).abs())
        .sum();
    let abs_x: f64 = x.iter().map(|a| (*a as f64).abs()).sum();
    let nrm = exact(Reduction::SumSq, &x, &x).sqrt();
    let want = [
        ("dot", exact(Reduction::Dot, &x, &y), abs_dot),
        ("sum", exact(Reduction::Sum, &x, &x), abs_x),
        ("asum", exact(Reduction::Asum, &x, &x), abs_x),
        ("nrm2", nrm, nrm),
    ];
    for (split, r) in splits(n, c.size, c.rank) {
        let (xv, yv) = (VecRef::from_slice(&x[r.clone()]), VecRef::from_slice(&y[r]));
        let got = [
            Level1::<f32>::dot(&c.mpi, xv, yv).unwrap(),
            Level1::<f32>::sum(&c.mpi, xv).unwrap(),
            Level1::<f32>::asum(&c.mpi, xv).unwrap(),
            Level1::<f32>::nrm2(&c.mpi, xv).unwrap(),
        ];
        for ((what, exact, abs), got) in want.iter().zip(got) {
            let bound =
                exact.abs() * f32::EPSILON as f64 / 2.0 * 1.0001 + n as f64 * abs * 2f64.powi(-53);
            assert!(
                (got as f64 - exact).abs() <= bound,
                "f32 {what} over {} ranks ({split}): {got} against the exact {exact}",
                c.size
            );
        }
    }
}

/// Splits of a global vector of `n` elements: this rank's range in each.
/// Every split covers `0..n` in rank order; several leave ranks empty.
fn splits(n: usize, size: usize, rank: usize) -> Vec<(&'static str, Range<usize>)> {
    let last = if rank + 1 == size { 0..n } else { n..n };
    let first = if rank == 0 { 0..n } else { n..n };
    vec![
        ("balanced", block_range(n, size, rank)),
        ("uneven", uneven(n, size, rank, false)),
        ("uneven, rank 1 empty", uneven(n, size, rank, true)),
        ("all on the last rank", last),
        ("all on rank 0", first),
    ]
}

/// Where hostile data may go for one element type.
struct Limits {
    /// A huge magnitude (whose square overflows the type).
    big: f64,
    /// Exponents of the binade case: `emin..emax`.
    emin: i32,
    emax: i32,
    /// The smallest subnormal.
    tiny: f64,
    /// The smallest normal number.
    min_normal: f64,
}

const F64_LIMITS: Limits = Limits {
    big: 1e300,
    // 600 binades.
    emin: -540,
    emax: 60,
    tiny: 5e-324,
    min_normal: f64::MIN_POSITIVE,
};

const F32_LIMITS: Limits = Limits {
    big: 1e38,
    // Every binade of f32, subnormals included.
    emin: -149,
    emax: 107,
    tiny: 1.401298464324817e-45,
    min_normal: f32::MIN_POSITIVE as f64,
};

/// A pseudo-random sign.
fn sign(seed: u64, i: usize) -> f64 {
    if value(seed, i) < 0.0 {
        -1.0
    } else {
        1.0
    }
}

/// A pseudo-random integer significand in `1..2^20`.
fn mantissa(seed: u64, i: usize) -> f64 {
    let h = (i as u64 + 7).wrapping_mul(0xD6E8_FEB8_6659_FD93) ^ seed.wrapping_mul(0x9E37_79B9);
    ((h >> 20) % (1 << 20)) as f64 + 1.0
}

/// The hostile test vectors `(name, x, y)`, the same on every rank for every
/// rank count (values are rounded to the element type by the caller).
fn hostile_cases(l: &Limits) -> Vec<(&'static str, Vec<f64>, Vec<f64>)> {
    let mut cases = Vec::new();
    cases.push(("empty", vec![], vec![]));
    cases.push(("one element", vec![-3.25], vec![l.big]));
    // Huge cancellation: [B, v, -B, w, ...] with a different B every four
    // elements, so that each pair cancels only when both halves are added,
    // often on different ranks; y repeats its factor across each pair so
    // that the products cancel too.
    let n = 1003;
    let (mut x, mut y) = (Vec::with_capacity(n), Vec::with_capacity(n));
    for i in 0..n {
        let k = i / 4;
        let b = l.big * (1.0 - k as f64 * 1e-4);
        let (xv, yv) = match i % 4 {
            0 => (b, 0.5 * l.big / (k + 1) as f64),
            1 => (value(12, i), value(13, i)),
            2 => (-b, 0.5 * l.big / (k + 1) as f64),
            _ => (value(14, i) * 1e-3, -1.0),
        };
        x.push(xv);
        y.push(yv);
    }
    cases.push(("cancellation", x, y));
    // Many binades: +-m * 2^e, e sweeping emin..emax; y scaled by 2^(-e/2)
    // so that the products span hundreds of binades without overflowing.
    let span = (l.emax - l.emin) as usize;
    let (mut x, mut y) = (Vec::with_capacity(n), Vec::with_capacity(n));
    for i in 0..n {
        let e = l.emin + ((i * 97) % span) as i32;
        x.push(sign(15, i) * mantissa(15, i) * 2f64.powi(e - 20));
        y.push(sign(16, i) * mantissa(16, i) * 2f64.powi(-e / 2 - 20));
    }
    cases.push(("binades", x, y));
    // Subnormals: multiples of the smallest one, a few smallest normals
    // cancelling, and y mixing subnormals with ordinary factors.
    let min_normal = l.min_normal;
    let (mut x, mut y) = (Vec::with_capacity(n), Vec::with_capacity(n));
    for i in 0..n {
        let xv = match i % 7 {
            3 => min_normal,
            5 => -min_normal,
            _ => sign(17, i) * (i % 1000 + 1) as f64 * l.tiny,
        };
        x.push(xv);
        y.push(if i % 3 == 0 {
            0.75
        } else {
            sign(18, i) * (i % 50 + 1) as f64 * l.tiny
        });
    }
    cases.push(("subnormals", x, y));
    // Special values, one case each, at places that fall on different ranks
    // for different rank counts and splits.
    let base = |seed| vector(seed, n);
    let special = |at: &[(usize, f64)], y_at: &[(usize, f64)]| {
        let (mut x, mut y) = (base(19), base(20));
        for &(i, v) in at {
            x[i] = v;
        }
        for &(i, v) in y_at {
            y[i] = v;
        }
        (x, y)
    };
    let (x, y) = special(&[(2 * n / 3, f64::NAN)], &[]);
    cases.push(("NaN", x, y));
    let (x, y) = special(&[(0, f64::INFINITY)], &[]);
    cases.push(("+inf first", x, y));
    let (x, y) = special(&[(n - 1, f64::NEG_INFINITY)], &[]);
    cases.push(("-inf last", x, y));
    let (x, y) = special(&[(1, f64::INFINITY), (n - 2, f64::NEG_INFINITY)], &[]);
    cases.push(("+inf and -inf", x, y));
    let (x, y) = special(&[(n / 2, f64::INFINITY)], &[(n / 2, 0.0)]);
    cases.push(("inf * 0", x, y));
    let (x, y) = special(&[], &[(n / 3, f64::NAN), (n / 4, f64::INFINITY)]);
    cases.push(("NaN and inf in y", x, y));
    // Long and mostly tame (the kernels' fast path), with one huge
    // cancelling pair far apart (the exact fallback for two blocks).
    let n = 100_003;
    let (mut x, mut y) = (vector(21, n), vector(22, n));
    x[100] = l.big;
    x[n - 100] = -l.big;
    y[100] = 2.0;
    y[n - 100] = 2.0;
    cases.push(("long", x, y));
    cases
}

/// The reductions of reproducible mode, by the operation that computes each.
const REPRO_OPS: [(Op, Reduction); 4] = [
    (Op::Dot, Reduction::Dot),
    (Op::Nrm2, Reduction::SumSq),
    (Op::Asum, Reduction::Asum),
    (Op::Sum, Reduction::Sum),
];

fn reduce<T: Scalar, B: Level1<T>>(
    b: &B,
    op: Op,
    x: VecRef<'_, T>,
    y: VecRef<'_, T>,
) -> oxpar_core::Result<T> {
    match op {
        Op::Dot => b.dot(x, y),
        Op::Nrm2 => b.nrm2(x),
        Op::Asum => b.asum(x),
        _ => b.sum(x),
    }
}

/// Reproducible dot, nrm2, asum and sum over MPI give the bits of the serial
/// backend on the whole vector, on every rank, for every split and rank
/// count; the exact accumulators themselves agree word for word.
fn check_reproducible<T: Scalar>(
    c: &Ctx,
    backends: &[(&str, Reproducible<MpiBackend>)],
    case: &str,
    x: &[T],
    y: &[T],
) where
    MpiBackend: Level1<T>,
{
    let serial = Reproducible::new(Serial);
    let (xv, yv) = (VecRef::from_slice(x), VecRef::from_slice(y));
    let ty = std::any::type_name::<T>();
    for (op, what) in REPRO_OPS {
        let want = reduce(&serial, op, xv, yv).unwrap().as_f64().to_bits();
        let want_words = reduce_elementwise(what, xv, yv).to_words();
        for (split, r) in splits(x.len(), c.size, c.rank) {
            let (xl, yl) = (&x[r.clone()], &y[r]);
            let (xl, yl) = (VecRef::from_slice(xl), VecRef::from_slice(yl));
            for (name, b) in backends {
                let got = reduce(b, op, xl, yl).unwrap().as_f64().to_bits();
                assert_eq!(
                    got,
                    want,
                    "{ty} {op:?} {case} ({split}, {name}): {} vs {}",
                    f64::from_bits(got),
                    f64::from_bits(want)
                );
                let acc = b.inner().reduce_exact(what, xl, yl).unwrap();
                assert!(
                    acc.to_words() == want_words,
                    "{ty} {what:?} {case} ({split}, {name}): accumulators differ"
                );
            }
        }
    }
}

fn reproducible(c: &Ctx) {
    let serial_local = MpiBackend::new(Comm::world().unwrap(), |_| Ok(Box::new(Serial))).unwrap();
    let backends = [
        ("threads on each rank", Reproducible::new(c.mpi.clone())),
        ("serial on each rank", Reproducible::new(serial_local)),
    ];
    for (case, x, y) in hostile_cases(&F64_LIMITS) {
        check_reproducible::<f64>(c, &backends, case, &x, &y);
    }
    for (case, x, y) in hostile_cases(&F32_LIMITS) {
        let x: Vec<f32> = x.iter().map(|&v| v as f32).collect();
        let y: Vec<f32> = y.iter().map(|&v| v as f32).collect();
        assert!(
            case.contains("inf") || case.contains("NaN") || x.iter().all(|v| v.is_finite()),
            "f32 case {case} must be finite"
        );
        check_reproducible::<f32>(c, &backends, case, &x, &y);
    }
    // Ordinary summation loses the small terms; reproducible mode does not.
    let x = [1e300, 1.0, -1e300, 0.5];
    let r = block_range(4, c.size, c.rank);
    let s = Level1::<f64>::sum(&backends[0].1, VecRef::from_slice(&x[r])).unwrap();
    assert_eq!(s, 1.5);
}

/// Reproducible reductions: a mistake on one rank is an error on every rank.
fn reproducible_errors(c: &Ctx) {
    let repro = Reproducible::new(c.mpi.clone());
    let x = vec![1.0f64; 10];
    let last = c.size - 1;
    // Mismatched x and y lengths on the last rank.
    let ylen = if c.rank == last { 9 } else { 10 };
    let e = Level1::<f64>::dot(
        &repro,
        VecRef::from_slice(&x),
        VecRef::from_slice(&x[..ylen]),
    )
    .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::ShapeMismatch, "{e}");
    if c.rank != last {
        assert!(e.message().contains(&format!("rank {last}")), "{e}");
    }
    // Two ranks with mismatched lengths: the others cannot name one.
    if c.size > 2 {
        let ylen = if c.rank < 2 { 9 } else { 10 };
        let e = Level1::<f32>::dot(
            &repro,
            VecRef::from_slice(&[1.0f32; 10]),
            VecRef::from_slice(&[1.0f32; 10][..ylen]),
        )
        .unwrap_err();
        if c.rank >= 2 {
            assert!(e.message().contains("ranks 0 and 1 of"), "{e}");
        } else {
            assert_eq!(e.kind(), ErrorKind::ShapeMismatch, "{e}");
        }
    }
    // A front end that rejected the arguments, through the wrapper (which
    // joins reduce_exact's collective) and on the MPI backend directly.
    for (op, _) in REPRO_OPS {
        let r = if c.rank == last {
            Err(repro.reject(op, oxpar_core::Error::invalid_argument("x", "is NULL")))
        } else {
            let v = VecRef::from_slice(&x);
            reduce(&repro, op, v, v).map(|_| ())
        };
        let e = r.unwrap_err();
        assert_eq!(e.kind(), ErrorKind::InvalidArgument, "{op:?}: {e}");
    }
    let r = if c.rank == 0 {
        Err(c.mpi.reject(
            Op::ReduceExact,
            oxpar_core::Error::invalid_stride("incx", "is 0"),
        ))
    } else {
        let v = VecRef::from_slice(&x);
        Level1::<f64>::reduce_exact(&c.mpi, Reduction::Asum, v, v).map(|_| ())
    };
    let e = r.unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidStride, "{e}");
    if c.rank != 0 {
        assert!(e.message().contains("rank 0"), "{e}");
    }
    // The ordinary sum's collective.
    let r = if c.rank == last {
        Err(c
            .mpi
            .reject(Op::Sum, oxpar_core::Error::invalid_argument("x", "is NULL")))
    } else {
        Level1::<f64>::sum(&c.mpi, VecRef::from_slice(&x)).map(|_| ())
    };
    assert_eq!(r.unwrap_err().kind(), ErrorKind::InvalidArgument);
    // Rank 0 sums floats, the others doubles.
    if c.size > 1 {
        let e = if c.rank == 0 {
            Level1::<f32>::sum(&repro, VecRef::from_slice(&[1.0f32; 3])).map(|_| ())
        } else {
            Level1::<f64>::sum(&repro, VecRef::from_slice(&x)).map(|_| ())
        }
        .unwrap_err();
        assert_eq!(e.kind(), ErrorKind::InvalidArgument, "{e}");
        assert!(e.message().contains("rank 0"), "{e}");
        assert!(
            e.message().contains("f32") && e.message().contains("f64"),
            "{e}"
        );
    }
    // Still works afterwards.
    let s = Level1::<f64>::sum(&repro, VecRef::from_slice(&x)).unwrap();
    assert_eq!(s, 10.0 * c.size as f64);
    let s = Level1::<f64>::sum(&c.mpi, VecRef::from_slice(&x)).unwrap();
    assert_eq!(s, 10.0 * c.size as f64);
}

/// Runs `f32_call` on the last rank and `f64_call` on the others: with more
/// than one rank, every rank must get an error naming the last rank and
/// both types; on one rank the call just works.
fn one_rank_f32<A, B>(
    c: &Ctx,
    what: &str,
    f32_call: impl FnOnce() -> oxpar_core::Result<A>,
    f64_call: impl FnOnce() -> oxpar_core::Result<B>,
) {
    let last = c.size - 1;
    let outcome = if c.rank == last {
        f32_call().map(|_| ())
    } else {
        f64_call().map(|_| ())
    };
    if c.size == 1 {
        outcome.unwrap_or_else(|e| panic!("{what} on one rank: {e}"));
        return;
    }
    let e = outcome.expect_err(what);
    assert_eq!(e.kind(), ErrorKind::InvalidArgument, "{what}: {e}");
    let want = format!("rank {last} of {} called it with f32 where", c.size);
    assert!(e.message().contains(&want), "{what}: {e}");
    assert!(
        e.message()
            .contains("f64 (every rank must pass the same element type)"),
        "{what}: {e}"
    );
}

/// A rank calling the f32 routine while the others call the f64 one is an
/// error on every rank (never a number computed from mixed data), for every
/// distributed operation; the backend still works afterwards.
fn mixed_types(c: &mut Ctx) {
    let xd = vec![1.5f64; 6];
    let xs = vec![1.5f32; 6];
    let (vd, vs) = (VecRef::from_slice(&xd), VecRef::from_slice(&xs));
    one_rank_f32(
        c,
        "dot",
        || Level1::<f32>::dot(&c.mpi, vs, vs),
        || Level1::<f64>::dot(&c.mpi, vd, vd),
    );
    one_rank_f32(
        c,
        "nrm2",
        || Level1::<f32>::nrm2(&c.mpi, vs),
        || Level1::<f64>::nrm2(&c.mpi, vd),
    );
    one_rank_f32(
        c,
        "asum",
        || Level1::<f32>::asum(&c.mpi, vs),
        || Level1::<f64>::asum(&c.mpi, vd),
    );
    one_rank_f32(
        c,
        "sum",
        || Level1::<f32>::sum(&c.mpi, vs),
        || Level1::<f64>::sum(&c.mpi, vd),
    );
    one_rank_f32(
        c,
        "iamax",
        || Level1::<f32>::iamax(&c.mpi, vs),
        || Level1::<f64>::iamax(&c.mpi, vd),
    );
    let repro = Reproducible::new(c.mpi.clone());
    one_rank_f32(
        c,
        "repro dot",
        || Level1::<f32>::dot(&repro, vs, vs),
        || Level1::<f64>::dot(&repro, vd, vd),
    );
    one_rank_f32(
        c,
        "repro nrm2",
        || Level1::<f32>::nrm2(&repro, vs),
        || Level1::<f64>::nrm2(&repro, vd),
    );
    // gemv and ger on a 1 x 3 row block each; x (gemv) / y (ger) split evenly.
    let piece = block_range(3, c.size, c.rank).len();
    one_rank_f32(
        c,
        "gemv",
        || {
            Level2::<f32>::gemv(
                &c.mpi,
                1.0,
                MatRef::row_major(&xs[..3], 1, 3, 3).unwrap(),
                VecRef::from_slice(&xs[..piece]),
                0.0,
                VecMut::from_slice(&mut [0.0f32]),
            )
        },
        || {
            Level2::<f64>::gemv(
                &c.mpi,
                1.0,
                MatRef::row_major(&xd[..3], 1, 3, 3).unwrap(),
                VecRef::from_slice(&xd[..piece]),
                0.0,
                VecMut::from_slice(&mut [0.0f64]),
            )
        },
    );
    let (mut as_, mut ad) = (vec![0.0f32; 3], vec![0.0f64; 3]);
    one_rank_f32(
        c,
        "ger",
        || {
            Level2::<f32>::ger(
                &c.mpi,
                1.0,
                VecRef::from_slice(&xs[..1]),
                VecRef::from_slice(&xs[..piece]),
                MatMut::row_major(&mut as_, 1, 3, 3).unwrap(),
            )
        },
        || {
            Level2::<f64>::ger(
                &c.mpi,
                1.0,
                VecRef::from_slice(&xd[..1]),
                VecRef::from_slice(&xd[..piece]),
                MatMut::row_major(&mut ad, 1, 3, 3).unwrap(),
            )
        },
    );
    if c.size > 1 {
        assert!(
            as_.iter().all(|&v| v == 0.0) && ad.iter().all(|&v| v == 0.0),
            "ger wrote on error"
        );
    }
    // gemm on a grid of one column: op(B)'s rows split over the ranks.
    c.mpi.set_grid(c.size, 1).unwrap();
    let kb = block_range(2, c.size, c.rank).len();
    let (mut cs, mut cd) = ([7.0f32], [7.0f64]);
    one_rank_f32(
        c,
        "gemm",
        || {
            Level3::<f32>::gemm(
                &c.mpi,
                1.0,
                MatRef::row_major(&xs[..kb], 1, kb, kb.max(1)).unwrap(),
                MatRef::row_major(&xs[..kb], kb, 1, 1).unwrap(),
                0.0,
                MatMut::row_major(&mut cs, 1, 1, 1).unwrap(),
            )
        },
        || {
            Level3::<f64>::gemm(
                &c.mpi,
                1.0,
                MatRef::row_major(&xd[..kb], 1, kb, kb.max(1)).unwrap(),
                MatRef::row_major(&xd[..kb], kb, 1, 1).unwrap(),
                0.0,
                MatMut::row_major(&mut cd, 1, 1, 1).unwrap(),
            )
        },
    );
    if c.size > 1 {
        assert!(cs[0] == 7.0 && cd[0] == 7.0, "gemm wrote on error");
    }
    let (mut hs, mut hd) = (vec![2.0f32; 6], vec![2.0f64; 6]);
    one_rank_f32(
        c,
        "halo 1-D",
        || c.mpi.halo_exchange_1d(VecMut::from_slice(&mut hs), 1, true),
        || c.mpi.halo_exchange_1d(VecMut::from_slice(&mut hd), 1, true),
    );
    let (mut hs, mut hd) = (vec![2.0f32; 16], vec![2.0f64; 16]);
    one_rank_f32(
        c,
        "halo 2-D",
        || {
            c.mpi.halo_exchange_2d(
                MatMut::row_major(&mut hs, 4, 4, 4).unwrap(),
                1,
                (true, true),
            )
        },
        || {
            c.mpi.halo_exchange_2d(
                MatMut::row_major(&mut hd, 4, 4, 4).unwrap(),
                1,
                (true, true),
            )
        },
    );
    // Correct calls still work, with the right numbers, in both types.
    let d = Level1::<f64>::dot(&c.mpi, vd, vd).unwrap();
    assert_eq!(d, 6.0 * 2.25 * c.size as f64);
    let s = Level1::<f32>::sum(&c.mpi, vs).unwrap();
    assert_eq!(s, 9.0 * c.size as f32);
    let n = Level1::<f32>::nrm2(&repro, vs).unwrap();
    assert_eq!(n, (6.0 * 2.25 * c.size as f64).sqrt() as f32);
}

/// Different operations that start with the same collective, met on
/// different ranks, are an error on every rank naming the odd one out.
fn mixed_operations(c: &Ctx) {
    if c.size == 1 {
        return;
    }
    let last = c.size - 1;
    let x = vec![2.0f64; 4];
    let v = VecRef::from_slice(&x);
    let repro = Reproducible::new(c.mpi.clone());
    type Pair<'a> = (&'a str, Box<dyn Fn() -> oxpar_core::Result<()> + 'a>);
    let cases: Vec<(Pair, Pair)> = vec![
        (
            (
                "dot",
                Box::new(|| Level1::<f64>::dot(&c.mpi, v, v).map(|_| ())),
            ),
            (
                "nrm2",
                Box::new(|| Level1::<f64>::nrm2(&c.mpi, v).map(|_| ())),
            ),
        ),
        (
            (
                "asum",
                Box::new(|| Level1::<f64>::asum(&c.mpi, v).map(|_| ())),
            ),
            (
                "sum",
                Box::new(|| {
                    Level1::<f32>::sum(&c.mpi, VecRef::from_slice(&[2.0f32; 4])).map(|_| ())
                }),
            ),
        ),
        (
            (
                "dot (reproducible)",
                Box::new(|| Level1::<f64>::dot(&repro, v, v).map(|_| ())),
            ),
            (
                "asum (reproducible)",
                Box::new(|| Level1::<f64>::asum(&repro, v).map(|_| ())),
            ),
        ),
        (
            (
                "iamax",
                Box::new(|| Level1::<f64>::iamax(&c.mpi, v).map(|_| ())),
            ),
            (
                "halo exchange",
                Box::new(|| {
                    c.mpi
                        .halo_exchange_1d(VecMut::from_slice(&mut [0.0f64; 4]), 1, false)
                }),
            ),
        ),
    ];
    for ((main, run_main), (odd, run_odd)) in &cases {
        let e = if c.rank == last {
            run_odd()
        } else {
            run_main()
        }
        .unwrap_err();
        assert_eq!(e.kind(), ErrorKind::InvalidArgument, "{main}/{odd}: {e}");
        let odd_name = if *odd == "halo exchange" {
            "a halo exchange"
        } else {
            odd
        };
        let want = format!("rank {last} of {} called {odd_name} (", c.size);
        assert!(e.message().contains(&want), "{main}/{odd}: {e}");
        assert!(
            e.message().contains(&format!("called {main} (f64)")),
            "{main}/{odd}: {e}"
        );
        assert!(e.message().contains("same calls in the same order"), "{e}");
    }
    let d = Level1::<f64>::dot(&c.mpi, v, v).unwrap();
    assert_eq!(d, 16.0 * c.size as f64);
}

/// One summed call of a pattern: the routine and its element type.
#[derive(Copy, Clone, Debug, PartialEq)]
enum Summed {
    Dot64,
    Nrm264,
    Asum64,
    Sum64,
    Dot32,
    Nrm232,
}

impl Summed {
    /// This call on the backend, with `x` and `y` this rank's blocks, as f64.
    fn run<B>(self, b: &B, x: &[f64], y: &[f64]) -> oxpar_core::Result<f64>
    where
        B: Level1<f64> + Level1<f32>,
    {
        let (xs, ys): (Vec<f32>, Vec<f32>) = (
            x.iter().map(|&v| v as f32).collect(),
            y.iter().map(|&v| v as f32).collect(),
        );
        let (vx, vy) = (VecRef::from_slice(x), VecRef::from_slice(y));
        let (sx, sy) = (VecRef::from_slice(&xs), VecRef::from_slice(&ys));
        match self {
            Summed::Dot64 => Level1::<f64>::dot(b, vx, vy),
            Summed::Nrm264 => Level1::<f64>::nrm2(b, vx),
            Summed::Asum64 => Level1::<f64>::asum(b, vx),
            Summed::Sum64 => Level1::<f64>::sum(b, vx),
            Summed::Dot32 => Level1::<f32>::dot(b, sx, sy).map(f64::from),
            Summed::Nrm232 => Level1::<f32>::nrm2(b, sx).map(f64::from),
        }
    }

    fn name(self) -> &'static str {
        match self {
            Summed::Dot64 | Summed::Dot32 => "dot",
            Summed::Nrm264 | Summed::Nrm232 => "nrm2",
            Summed::Asum64 => "asum",
            Summed::Sum64 => "sum",
        }
    }
}

/// The summed calls' counters, checked to be the same on every rank (the
/// history they come from is common knowledge).
fn rounds(mpi: &MpiBackend) -> (u64, u64) {
    let (fast, checked) = mpi.summed_rounds();
    let all = mpi.comm().all_gather_u64(&[fast, checked]).unwrap();
    for w in all.chunks_exact(2) {
        assert_eq!(w, [fast, checked], "summed rounds differ between ranks");
    }
    (fast, checked)
}

/// Runs `pattern` `periods` times on split blocks of two vectors, checking
/// every value against the serial backend on the whole vectors; returns the
/// number of checked rounds in the last period.
fn run_pattern(c: &Ctx, mpi: &MpiBackend, pattern: &[Summed], periods: usize) -> u64 {
    let n = 1001;
    let (x, y) = (vector(21, n), vector(22, n));
    let r = uneven(n, c.size, c.rank, true);
    let mut last = 0;
    for period in 0..periods {
        let before = rounds(mpi).1;
        for &call in pattern {
            let got = call.run(mpi, &x[r.clone()], &y[r.clone()]).unwrap();
            let want = call.run(&Serial, &x, &y).unwrap();
            let rel = if matches!(call, Summed::Dot32 | Summed::Nrm232) {
                1e-6
            } else {
                1e-12
            };
            assert!(
                (got - want).abs() <= rel * want.abs().max(n as f64 * 100.0),
                "{call:?} in {pattern:?}: {got} vs {want}"
            );
        }
        if period + 1 == periods {
            last = rounds(mpi).1 - before;
        }
    }
    last
}

/// `odd` on the last rank while the others make `main`: with more than one
/// rank, an error on every rank naming the last rank and both calls.
fn expect_mismatch(c: &Ctx, mpi: &MpiBackend, main: Summed, odd: Summed, when: &str) {
    let x = vec![1.5f64; 6];
    let last = c.size - 1;
    let call = if c.rank == last { odd } else { main };
    let outcome = call.run(mpi, &x, &x);
    if c.size == 1 {
        outcome.unwrap_or_else(|e| panic!("{when}: {e}"));
        return;
    }
    let e = outcome.expect_err(when);
    assert_eq!(e.kind(), ErrorKind::InvalidArgument, "{when}: {e}");
    let who = format!("rank {last} of {} ", c.size);
    assert!(e.message().contains(&who), "{when}: {e}");
    if main.name() == odd.name() {
        assert!(e.message().contains("called it with f32"), "{when}: {e}");
    } else {
        let what = format!("called {} (", odd.name());
        assert!(e.message().contains(&what), "{when}: {e}");
    }
}

/// The speculative one-word round of the summed reductions: right values and
/// no checked round in steady and periodic sequences; every mismatch, error,
/// rejection and special value still caught or computed as before, from the
/// first call, after a steady run and after a learned alternation.
fn speculation(c: &Ctx) {
    use Summed::*;
    // A fresh backend: its first summed call has no history.
    let fresh = || {
        MpiBackend::new(Comm::world().unwrap(), |_| {
            Ok(Box::new(oxpar_threads::ThreadsBackend::with_threads(1)?))
        })
        .unwrap()
    };
    let mpi = fresh();
    expect_mismatch(c, &mpi, Dot64, Dot32, "sdot against ddot, first call");
    let mpi = fresh();
    expect_mismatch(c, &mpi, Dot64, Asum64, "asum against dot, first call");
    // A first call of something else than ddot.
    let mpi = fresh();
    assert_eq!(run_pattern(c, &mpi, &[Nrm232], 3), 0);

    let mpi = fresh();
    for pattern in [
        &[Dot64][..],
        &[Dot64, Nrm264],
        &[Dot64, Dot64, Nrm264],
        &[Asum64, Sum64, Dot64, Nrm264],
        &[Dot32, Nrm264, Dot64, Nrm232],
    ] {
        assert_eq!(
            run_pattern(c, &mpi, pattern, 4),
            0,
            "{pattern:?}: checked rounds in the fourth period"
        );
    }
    // Steady state, then a mismatch; the backend recovers.
    run_pattern(c, &mpi, &[Dot64], 10);
    expect_mismatch(
        c,
        &mpi,
        Dot64,
        Dot32,
        "sdot against ddot after a steady run",
    );
    run_pattern(c, &mpi, &[Dot64], 10);
    expect_mismatch(
        c,
        &mpi,
        Dot64,
        Asum64,
        "asum against dot after a steady run",
    );
    assert_eq!(run_pattern(c, &mpi, &[Dot64], 3), 0);
    // After a learned alternation: an odd call where dot is predicted, and
    // where nrm2 is (the odd rank then makes the predicted call, the
    // others not).
    run_pattern(c, &mpi, &[Dot64, Nrm264], 4);
    expect_mismatch(c, &mpi, Dot64, Asum64, "asum where dot is predicted");
    run_pattern(c, &mpi, &[Dot64, Nrm264], 4);
    Summed::Dot64.run(&mpi, &[1.0], &[1.0]).unwrap();
    expect_mismatch(c, &mpi, Dot64, Nrm264, "dot where nrm2 is predicted");
    run_pattern(c, &mpi, &[Dot64, Nrm264], 4);
    Summed::Dot64.run(&mpi, &[1.0], &[1.0]).unwrap();
    expect_mismatch(c, &mpi, Nrm264, Nrm232, "snrm2 where dnrm2 is predicted");
    assert_eq!(run_pattern(c, &mpi, &[Dot64, Nrm264], 3), 0);

    // An argument error on one rank in steady state.
    run_pattern(c, &mpi, &[Dot64], 4);
    let last = c.size - 1;
    let x = vec![1.0f64; 10];
    let ylen = if c.rank == last { 9 } else { 10 };
    let e = Level1::<f64>::dot(&mpi, VecRef::from_slice(&x), VecRef::from_slice(&x[..ylen]))
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::ShapeMismatch, "{e}");
    if c.rank != last {
        assert!(e.message().contains(&format!("rank {last} of")), "{e}");
    }
    // A rejection (a front end's own checks failed) in steady state.
    for op in [Op::Dot, Op::Nrm2, Op::Asum, Op::Sum] {
        run_pattern(c, &mpi, &[Dot64], 3);
        let r = if c.rank == last {
            Err(mpi.reject(op, oxpar_core::Error::invalid_argument("x", "is NULL")))
        } else {
            let v = VecRef::from_slice(&x);
            match op {
                Op::Dot => Level1::<f64>::dot(&mpi, v, v),
                Op::Nrm2 => Level1::<f64>::nrm2(&mpi, v),
                Op::Asum => Level1::<f64>::asum(&mpi, v),
                _ => Level1::<f64>::sum(&mpi, v),
            }
        };
        let e = r.unwrap_err();
        assert_eq!(e.kind(), ErrorKind::InvalidArgument, "{op:?}: {e}");
        if c.rank != last {
            assert!(e.message().contains(&format!("rank {last} of")), "{e}");
        }
    }

    // Special partial values in steady state: a NaN on one rank, +Inf and
    // -Inf on two, an infinity alone, and a partial beyond 2^1000 (which
    // takes the checked round and still gives the number).
    run_pattern(c, &mpi, &[Dot64], 3);
    let n = 3 * c.size + 2;
    let r = block_range(n, c.size, c.rank);
    let y = vector(23, n);
    let specials: [(&str, Vec<(usize, f64)>); 5] = [
        ("NaN on the last rank", vec![(n - 1, f64::NAN)]),
        (
            "+Inf first, -Inf last",
            vec![(0, f64::INFINITY), (n - 1, f64::NEG_INFINITY)],
        ),
        ("+Inf", vec![(0, f64::INFINITY)]),
        ("-Inf last", vec![(n - 1, f64::NEG_INFINITY)]),
        ("1e302", vec![(0, 1e302), (n - 1, -3e301)]),
    ];
    for (what, set) in &specials {
        let mut x = vector(24, n);
        let mut y = y.clone();
        for &(i, v) in set {
            x[i] = v;
            y[i] = 1.5;
        }
        for call in [Dot64, Nrm264, Asum64, Sum64] {
            let got = call.run(&mpi, &x[r.clone()], &y[r.clone()]).unwrap();
            let want = call.run(&Serial, &x, &y).unwrap();
            assert!(
                got.to_bits() == want.to_bits() || close(got, want, want.abs()),
                "{call:?} with {what}: {got} vs {want}"
            );
        }
    }
    // The specials left the history intact: steady again at once.
    assert_eq!(run_pattern(c, &mpi, &[Dot64, Nrm264, Asum64, Sum64], 2), 0);
}
