//! The MPI suite for complex elements (`Complex<f32>`, `Complex<f64>`). Run
//! plainly (`cargo test -p oxpar-mpi --test mpi_complex`), it launches itself
//! under `mpiexec -n 1` to `-n 4` (see `oxpar_mpi::launch`; `OXPAR_MPI_RANKS`
//! and `OXPAR_MPIEXEC_FLAGS` choose the rank counts and transport). Under
//! mpiexec every rank holds its block of data that every rank can build
//! whole, and checks the distributed result against the serial backend on
//! the whole data (or a plain loop): level 1 with uneven and empty blocks,
//! gemv with `A`, `A^T` and `A^H`, ger and gerc, SUMMA gemm with conjugate
//! transposes on every grid shape, halo exchanges, reproducible mode (the
//! same bits as the serial backend, per component), and the agreement:
//! real against complex, `c32` against `c64`, `dotu` against `dotc`, `ger`
//! against `gerc`, and wrong lengths are errors on every rank.

use std::ops::Range;
use std::time::Duration;

use oxpar_core::repro::Reproducible;
use oxpar_core::{
    Backend, Complex, Complex32, Complex64, Element, ErrorKind, Level1, Level2, Level3, MatMut,
    MatRef, Op, Scalar, Serial, Uplo, VecMut, VecRef,
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
            "mpi complex suite: {n} rank(s) passed in {:.1} s",
            took.as_secs_f64()
        );
    }
}

/// A complex element type of the suite: built from two f64 (rounded to
/// the component type), with the tolerance its results are checked to.
trait C: Element + std::fmt::Display where
    MpiBackend: Level1<Self> + Level2<Self> + Level3<Self>,
    Serial: Level1<Self> + Level2<Self> + Level3<Self>,
{
    /// Relative tolerance against the serial backend (which sums in another
    /// order: in f64 per component, rounded once, for both types).
    const TOL: f64;
    fn make(re: f64, im: f64) -> Self;
}

impl C for Complex64 {
    const TOL: f64 = 1e-12;
    fn make(re: f64, im: f64) -> Self {
        Complex::new(re, im)
    }
}

impl C for Complex32 {
    const TOL: f64 = 2e-6;
    fn make(re: f64, im: f64) -> Self {
        Complex::new(re as f32, im as f32)
    }
}

/// Deterministic test data, the same on every rank.
fn value(seed: u64, i: usize) -> f64 {
    let h = (i as u64 + 1).wrapping_mul(0x9E37_79B9_7F4A_7C15)
        ^ seed.wrapping_mul(0xBF58_476D_1CE4_E5B9);
    ((h >> 11) % 2001) as f64 / 100.0 - 10.0
}

/// Element `i` of complex vector `seed`.
fn cvec<T: C>(seed: u64, n: usize) -> Vec<T>
where
    MpiBackend: Level1<T> + Level2<T> + Level3<T>,
    Serial: Level1<T> + Level2<T> + Level3<T>,
{
    (0..n)
        .map(|i| T::make(value(seed, i), value(seed + 1000, i)))
        .collect()
}

/// An uneven split of `n` over `size` ranks: rank r gets about (r+1) shares,
/// and rank 1 (if any) gets nothing when `with_empty`.
fn uneven(n: usize, size: usize, rank: usize, with_empty: bool) -> Range<usize> {
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

fn close_f64(a: f64, b: f64, tol: f64, scale: f64) -> bool {
    a == b || (a.is_nan() && b.is_nan()) || (a - b).abs() <= tol * scale.max(1.0)
}

/// Whether both components of `a` and `b` agree to `T::TOL` relative to
/// `scale`.
fn near<T: C>(a: T, b: T, scale: f64) -> bool
where
    MpiBackend: Level1<T> + Level2<T> + Level3<T>,
    Serial: Level1<T> + Level2<T> + Level3<T>,
{
    close_f64(a.re().as_f64(), b.re().as_f64(), T::TOL, scale)
        && close_f64(a.im().as_f64(), b.im().as_f64(), T::TOL, scale)
}

struct Ctx {
    mpi: MpiBackend,
    rank: usize,
    size: usize,
}

fn run_rank() {
    let comm = Comm::world().expect("world");
    let mpi = MpiBackend::new(comm, |budget| {
        Ok(Box::new(oxpar_threads::ThreadsBackend::with_threads(
            budget,
        )?))
    })
    .expect("mpi backend");
    let (rank, size) = (mpi.rank(), mpi.size());
    let mut ctx = Ctx { mpi, rank, size };
    level1::<Complex64>(&ctx);
    level1::<Complex32>(&ctx);
    threaded_partials(&ctx);
    special_values(&ctx);
    level2::<Complex64>(&ctx);
    level2::<Complex32>(&ctx);
    level3::<Complex64>(&mut ctx);
    level3::<Complex32>(&mut ctx);
    halo(&mut ctx);
    reproducible::<Complex64>(&ctx);
    reproducible::<Complex32>(&ctx);
    mismatches(&ctx);
    not_distributed(&ctx);
    factorizations_refused(&ctx, &ctx.mpi);
    // Through the reproducible wrapper (as every C context holds its
    // backend): the refusal is forwarded, not replaced by the defaults.
    factorizations_refused(&ctx, &Reproducible::new(ctx.mpi.clone()));
    eigh_refused(&ctx.mpi);
    eigh_refused(&Reproducible::new(ctx.mpi.clone()));
    speculation(&ctx);
    if rank == 0 {
        println!("rank 0 of {size}: all complex checks passed");
    }
}

fn level1<T: C>(c: &Ctx)
where
    MpiBackend: Level1<T> + Level2<T> + Level3<T>,
    Serial: Level1<T> + Level2<T> + Level3<T>,
{
    for n in [0usize, 1, 5, 1000, 10_007] {
        for with_empty in [false, true] {
            let (x, y) = (cvec::<T>(1, n), cvec::<T>(2, n));
            let r = uneven(n, c.size, c.rank, with_empty);
            let (xl, yl) = (
                VecRef::from_slice(&x[r.clone()]),
                VecRef::from_slice(&y[r.clone()]),
            );
            let (xw, yw) = (VecRef::from_slice(&x), VecRef::from_slice(&y));
            let scale = n as f64 * 200.0;
            let ty = std::any::type_name::<T>();
            let got = Level1::<T>::dot(&c.mpi, xl, yl).unwrap();
            let want = Level1::<T>::dot(&Serial, xw, yw).unwrap();
            assert!(near(got, want, scale), "{ty} dotu n={n}: {got} vs {want}");
            let got = Level1::<T>::dotc(&c.mpi, xl, yl).unwrap();
            let want = Level1::<T>::dotc(&Serial, xw, yw).unwrap();
            assert!(near(got, want, scale), "{ty} dotc n={n}: {got} vs {want}");
            // dotc is conj(x) . y: the plain loop says so too.
            let naive = x
                .iter()
                .zip(&y)
                .fold(T::ZERO, |acc, (&a, &b)| acc + a.conj() * b);
            assert!(near(got, naive, scale), "{ty} dotc vs loop n={n}");
            let got = Level1::<T>::sum(&c.mpi, xl).unwrap();
            let want = Level1::<T>::sum(&Serial, xw).unwrap();
            assert!(near(got, want, scale), "{ty} sum n={n}: {got} vs {want}");
            let got = Level1::<T>::asum(&c.mpi, xl).unwrap().as_f64();
            let want = Level1::<T>::asum(&Serial, xw).unwrap().as_f64();
            assert!(
                close_f64(got, want, T::TOL, want),
                "{ty} asum n={n}: {got} vs {want}"
            );
            let got = Level1::<T>::nrm2(&c.mpi, xl).unwrap().as_f64();
            let want = Level1::<T>::nrm2(&Serial, xw).unwrap().as_f64();
            assert!(
                close_f64(got, want, T::TOL, want),
                "{ty} nrm2 n={n}: {got} vs {want}"
            );
            let got = Level1::<T>::iamax(&c.mpi, xl).unwrap();
            let want = Level1::<T>::iamax(&Serial, xw).unwrap();
            assert_eq!(got, want, "{ty} iamax n={n}");
            // axpy and scal touch the local block only.
            let alpha = T::make(0.5, -2.0);
            let mut y2 = y[r.clone()].to_vec();
            Level1::<T>::axpy(&c.mpi, alpha, xl, VecMut::from_slice(&mut y2)).unwrap();
            Level1::<T>::scal(&c.mpi, alpha, VecMut::from_slice(&mut y2)).unwrap();
            for (k, i) in r.clone().enumerate() {
                let want = alpha * (alpha * x[i] + y[i]);
                assert!(near(y2[k], want, 100.0), "{ty} axpy+scal n={n}");
            }
        }
    }
}

/// c32 partials of long blocks are summed in f64 by blocks of the local
/// backend's threads (mpiexec gives each rank one thread, so this local
/// backend gets three): still the serial backend's values.
fn threaded_partials(c: &Ctx) {
    type S = Complex32;
    let mpi = MpiBackend::new(Comm::world().unwrap(), |_| {
        Ok(Box::new(oxpar_threads::ThreadsBackend::with_threads(3)?))
    })
    .unwrap();
    assert_eq!(mpi.local().num_threads(), 3);
    let n = 100_003 * c.size;
    let (x, y) = (cvec::<S>(31, n), cvec::<S>(32, n));
    let r = uneven(n, c.size, c.rank, false);
    let (xl, yl) = (VecRef::from_slice(&x[r.clone()]), VecRef::from_slice(&y[r]));
    let (xw, yw) = (VecRef::from_slice(&x), VecRef::from_slice(&y));
    let scale = n as f64 * 200.0;
    for conj in [false, true] {
        let (got, want) = if conj {
            (
                Level1::<S>::dotc(&mpi, xl, yl),
                Level1::<S>::dotc(&Serial, xw, yw),
            )
        } else {
            (
                Level1::<S>::dot(&mpi, xl, yl),
                Level1::<S>::dot(&Serial, xw, yw),
            )
        };
        let (got, want) = (got.unwrap(), want.unwrap());
        assert!(
            near(got, want, scale),
            "threaded c32 dot (conj {conj}): {got} vs {want}"
        );
    }
    let (got, want) = (
        Level1::<S>::sum(&mpi, xl).unwrap(),
        Level1::<S>::sum(&Serial, xw).unwrap(),
    );
    assert!(near(got, want, scale), "threaded c32 sum: {got} vs {want}");
    let (got, want) = (
        Level1::<S>::asum(&mpi, xl).unwrap(),
        Level1::<S>::asum(&Serial, xw).unwrap(),
    );
    assert!(
        close_f64(got.into(), want.into(), S::TOL, want.into()),
        "threaded scasum: {got} vs {want}"
    );
    let (got, want) = (
        Level1::<S>::nrm2(&mpi, xl).unwrap(),
        Level1::<S>::nrm2(&Serial, xw).unwrap(),
    );
    assert!(
        close_f64(got.into(), want.into(), S::TOL, want.into()),
        "threaded scnrm2: {got} vs {want}"
    );
}

/// iamax over ranks with |re| + |im| (not the modulus), NaN in either
/// component, ties; nrm2 of huge, tiny and infinite components.
fn special_values(c: &Ctx) {
    type Z = Complex64;
    let n = 4 * c.size + 3;
    let r = block_range(n, c.size, c.rank);
    let mut x = vec![Z::new(1.0, 1.0); n];
    // |re| + |im| picks (0, 3.5) over (3, 0): the modulus would not.
    x[1] = Z::new(3.0, 0.0);
    x[n - 3] = Z::new(-1.75, 1.75);
    x[n - 2] = Z::new(0.0, 3.5);
    let got = Level1::<Z>::iamax(&c.mpi, VecRef::from_slice(&x[r.clone()])).unwrap();
    assert_eq!(
        got,
        Some(n - 3),
        "iamax: the first of the largest |re| + |im|"
    );
    x[n - 1] = Z::new(0.0, f64::NAN);
    let got = Level1::<Z>::iamax(&c.mpi, VecRef::from_slice(&x[r.clone()])).unwrap();
    assert_eq!(got, Some(n - 1), "iamax: a NaN imaginary part wins");
    x[n - 1] = Z::new(1.0, 1.0);
    // Huge components: no overflow in the ranks' squares.
    x[2] = Z::new(3e300, -4e300);
    x[n - 1] = Z::new(-2e300, 1e300);
    let got = Level1::<Z>::nrm2(&c.mpi, VecRef::from_slice(&x[r.clone()])).unwrap();
    let want = Level1::<Z>::nrm2(&Serial, VecRef::from_slice(&x)).unwrap();
    assert!(
        got.is_finite() && close_f64(got, want, 1e-12, want),
        "nrm2 huge: {got} vs {want}"
    );
    // Tiny components everywhere: no underflow.
    let tiny: Vec<Z> = cvec::<Z>(4, n).iter().map(|v| v * 1e-300).collect();
    let got = Level1::<Z>::nrm2(&c.mpi, VecRef::from_slice(&tiny[r.clone()])).unwrap();
    let want = Level1::<Z>::nrm2(&Serial, VecRef::from_slice(&tiny)).unwrap();
    assert!(
        got > 0.0 && close_f64(got / want, 1.0, 1e-12, 1.0),
        "nrm2 tiny: {got} vs {want}"
    );
    x[0] = Z::new(1.0, f64::INFINITY);
    let got = Level1::<Z>::nrm2(&c.mpi, VecRef::from_slice(&x[r.clone()])).unwrap();
    assert_eq!(got, f64::INFINITY);
    // c32 norms are combined in f64 before the one rounding: 3-4i on every
    // rank gives 5 sqrt(size).
    let one = [Complex32::new(3.0, -4.0)];
    let got = Level1::<Complex32>::nrm2(&c.mpi, VecRef::from_slice(&one)).unwrap();
    assert_eq!(got, (25.0 * c.size as f64).sqrt() as f32, "scnrm2");
    let got = Level1::<Complex32>::asum(&c.mpi, VecRef::from_slice(&one)).unwrap();
    assert_eq!(got, 7.0 * c.size as f32, "scasum");
}

/// Row blocks of `op(A)` (m x n, `full[i][j]` row-major) as this rank's
/// view: stored plainly, as the transpose (`a.t()`), or as the conjugate
/// transpose (`a.h()`) of what is stored. Returns the storage.
fn op_block<T: Element>(full: &[T], n: usize, rows: Range<usize>, trans: char) -> Vec<T> {
    match trans {
        // Row-major rows x n.
        'N' => rows
            .flat_map(|i| (0..n).map(move |j| full[i * n + j]))
            .collect(),
        // Row-major n x rows holding op(A)^T (conjugated for 'C').
        _ => (0..n)
            .flat_map(|j| rows.clone().map(move |i| (i, j)))
            .map(|(i, j)| {
                let v = full[i * n + j];
                if trans == 'C' {
                    v.conj()
                } else {
                    v
                }
            })
            .collect(),
    }
}

fn view<'a, T: Element>(data: &'a [T], m: usize, n: usize, trans: char) -> MatRef<'a, T> {
    match trans {
        'N' => MatRef::row_major(data, m, n, n.max(1)).unwrap(),
        'T' => MatRef::row_major(data, n, m, m.max(1)).unwrap().t(),
        _ => MatRef::row_major(data, n, m, m.max(1)).unwrap().h(),
    }
}

fn level2<T: C>(c: &Ctx)
where
    MpiBackend: Level1<T> + Level2<T> + Level3<T>,
    Serial: Level1<T> + Level2<T> + Level3<T>,
{
    let ty = std::any::type_name::<T>();
    let (alpha, beta) = (T::make(1.5, -0.5), T::make(-0.5, 0.25));
    for (m, n) in [(0usize, 3usize), (7, 0), (1, 1), (13, 9), (64, 101)] {
        let a = cvec::<T>(4, m * n); // op(A), row-major m x n
        let x = cvec::<T>(5, n);
        let y = cvec::<T>(6, m);
        let rows = uneven(m, c.size, c.rank, true);
        let xr = block_range(n, c.size, c.rank);
        for trans in ['N', 'T', 'C'] {
            let blk = op_block(&a, n, rows.clone(), trans);
            let mut yl = y[rows.clone()].to_vec();
            Level2::<T>::gemv(
                &c.mpi,
                alpha,
                view(&blk, rows.len(), n, trans),
                VecRef::from_slice(&x[xr.clone()]),
                beta,
                VecMut::from_slice(&mut yl),
            )
            .unwrap();
            for (k, i) in rows.clone().enumerate() {
                let ax = (0..n).fold(T::ZERO, |acc, j| acc + a[i * n + j] * x[j]);
                let want = alpha * ax + beta * y[i];
                assert!(
                    near(yl[k], want, n as f64 * 400.0),
                    "{ty} gemv {trans} {m}x{n} row {i}: {} vs {want}",
                    yl[k]
                );
            }
        }
        // ger and gerc: A's row block += alpha x_rows y^T (y^H), y split by
        // block_range.
        let u = cvec::<T>(7, m);
        for conj in [false, true] {
            let mut al = op_block(&a, n, rows.clone(), 'N');
            let (xv, yv) = (
                VecRef::from_slice(&u[rows.clone()]),
                VecRef::from_slice(&x[xr.clone()]),
            );
            let am = MatMut::row_major(&mut al, rows.len(), n, n.max(1)).unwrap();
            if conj {
                Level2::<T>::gerc(&c.mpi, alpha, xv, yv, am).unwrap();
            } else {
                Level2::<T>::ger(&c.mpi, alpha, xv, yv, am).unwrap();
            }
            for (k, i) in rows.clone().enumerate() {
                for j in 0..n {
                    let yj = if conj { x[j].conj() } else { x[j] };
                    let want = a[i * n + j] + alpha * u[i] * yj;
                    assert!(
                        near(al[k * n + j], want, 400.0),
                        "{ty} ger (conj {conj}) {m}x{n}"
                    );
                }
            }
        }
    }
}

/// SUMMA with complex blocks: `op(A)` and `op(B)` plain, transposed or
/// conjugate-transposed views, against the serial gemm on the whole
/// matrices.
fn gemm_case<T: C>(
    c: &Ctx,
    (m, n, k): (usize, usize, usize),
    uneven_blocks: bool,
    ta: char,
    tb: char,
) where
    MpiBackend: Level1<T> + Level2<T> + Level3<T>,
    Serial: Level1<T> + Level2<T> + Level3<T>,
{
    let g = c.mpi.grid();
    let split = |len: usize, parts: usize, idx: usize| {
        if uneven_blocks {
            uneven(len, parts, idx, false)
        } else {
            block_range(len, parts, idx)
        }
    };
    let a = cvec::<T>(8, m * k); // op(A), row-major m x k
    let b = cvec::<T>(9, k * n); // op(B), row-major k x n
    let mut cfull = cvec::<T>(10, m * n);
    let (ri, cj) = (split(m, g.rows, g.row), split(n, g.cols, g.col));
    let (ka, kb) = (split(k, g.cols, g.col), split(k, g.rows, g.row));
    // This rank's block of op(A) (ri x ka) and op(B) (kb x cj), row-major.
    let a_blk: Vec<T> = ri
        .clone()
        .flat_map(|i| ka.clone().map(move |p| (i, p)))
        .map(|(i, p)| a[i * k + p])
        .collect();
    let b_blk: Vec<T> = kb
        .clone()
        .flat_map(|p| cj.clone().map(move |j| (p, j)))
        .map(|(p, j)| b[p * n + j])
        .collect();
    let a_store = op_block(&a_blk, ka.len(), 0..ri.len(), ta);
    let b_store = op_block(&b_blk, cj.len(), 0..kb.len(), tb);
    let mut cblk: Vec<T> = ri
        .clone()
        .flat_map(|i| cj.clone().map(move |j| (i, j)))
        .map(|(i, j)| cfull[i * n + j])
        .collect();
    let (alpha, beta) = (T::make(0.5, 1.0), T::make(2.0, -1.0));
    Level3::<T>::gemm(
        &c.mpi,
        alpha,
        view(&a_store, ri.len(), ka.len(), ta),
        view(&b_store, kb.len(), cj.len(), tb),
        beta,
        MatMut::row_major(&mut cblk, ri.len(), cj.len(), cj.len().max(1)).unwrap(),
    )
    .unwrap();
    Level3::<T>::gemm(
        &Serial,
        alpha,
        MatRef::row_major(&a, m, k, k.max(1)).unwrap(),
        MatRef::row_major(&b, k, n, n.max(1)).unwrap(),
        beta,
        MatMut::row_major(&mut cfull, m, n, n.max(1)).unwrap(),
    )
    .unwrap();
    for (ii, i) in ri.clone().enumerate() {
        for (jj, j) in cj.clone().enumerate() {
            let got = cblk[ii * cj.len() + jj];
            assert!(
                near(got, cfull[i * n + j], k as f64 * 400.0),
                "{} gemm {ta}{tb} {m}x{n}x{k} grid {}x{} C[{i},{j}] = {got} vs {}",
                std::any::type_name::<T>(),
                g.rows,
                g.cols,
                cfull[i * n + j]
            );
        }
    }
}

fn level3<T: C>(c: &mut Ctx)
where
    MpiBackend: Level1<T> + Level2<T> + Level3<T>,
    Serial: Level1<T> + Level2<T> + Level3<T>,
{
    let size = c.size;
    let mut grids = vec![(size, 1), (1, size)];
    if size == 4 {
        grids.push((2, 2));
    }
    for (pr, pc) in grids {
        c.mpi.set_grid(pr, pc).unwrap();
        for shape in [(1, 1, 1), (5, 7, 3), (19, 11, 300), (4, 4, 0)] {
            for uneven_blocks in [false, true] {
                for (ta, tb) in [('N', 'N'), ('C', 'N'), ('N', 'C'), ('T', 'C'), ('C', 'T')] {
                    gemm_case::<T>(c, shape, uneven_blocks, ta, tb);
                }
            }
        }
    }
    let (pr, pc) = oxpar_mpi::default_grid(size);
    c.mpi.set_grid(pr, pc).unwrap();
}

/// Halo exchanges carry complex values whole (both components).
fn halo(c: &mut Ctx) {
    type Z = Complex64;
    let cell = |i: usize, j: usize| Z::new(i as f64, 0.5 + j as f64);
    // 1-D, periodic: the ghosts hold the neighbours' edge cells.
    let n = 5 * c.size + 2;
    let r = block_range(n, c.size, c.rank);
    let ghost = 1;
    let mut x = vec![Z::new(-1.0, -1.0); r.len() + 2];
    for (k, i) in r.clone().enumerate() {
        x[ghost + k] = cell(i, i);
    }
    c.mpi
        .halo_exchange_1d(VecMut::from_slice(&mut x), ghost, true)
        .unwrap();
    let left = (r.start + n - 1) % n;
    let right = r.end % n;
    assert_eq!(x[0], cell(left, left), "1-D left ghost");
    assert_eq!(x[r.len() + 1], cell(right, right), "1-D right ghost");
    // 2-D on the default grid, not periodic: the complex32 type too.
    let g = c.mpi.grid();
    let (ny, nx) = (3 * g.rows + 2, 4 * g.cols + 1);
    let (rows, cols) = g.block(ny, nx);
    let (h, w) = (rows.len() + 2, cols.len() + 2);
    let c32 = |i: usize, j: usize| Complex32::new(i as f32, -(j as f32));
    let outside = Complex32::new(-7.0, 7.0);
    let mut a = vec![outside; h * w];
    let mut view = MatMut::row_major(&mut a, h, w, w).unwrap();
    for (ii, i) in rows.clone().enumerate() {
        for (jj, j) in cols.clone().enumerate() {
            view.set(1 + ii, 1 + jj, c32(i, j));
        }
    }
    c.mpi
        .halo_exchange_2d(view.rb_mut(), 1, (false, false))
        .unwrap();
    for li in 0..h {
        for lj in 0..w {
            let gi = (rows.start + li).checked_sub(1).filter(|&i| i < ny);
            let gj = (cols.start + lj).checked_sub(1).filter(|&j| j < nx);
            let want = match (gi, gj) {
                (Some(i), Some(j)) => c32(i, j),
                _ => outside,
            };
            assert_eq!(view.as_ref().get(li, lj), want, "2-D ({li},{lj})");
        }
    }
}

/// Cases whose ordinary sums depend on the order: huge terms that cancel
/// between ranks around small ones, in either component.
fn hostile<T: C>(n: usize) -> (Vec<T>, Vec<T>)
where
    MpiBackend: Level1<T> + Level2<T> + Level3<T>,
    Serial: Level1<T> + Level2<T> + Level3<T>,
{
    let big = if T::DTYPE == oxpar_core::DType::C32 {
        1e18
    } else {
        1e150
    };
    let mut x = cvec::<T>(11, n);
    let y = cvec::<T>(12, n);
    if n >= 4 {
        x[0] = T::make(big, -big);
        x[n / 2] = T::make(1.0, big);
        x[n - 1] = T::make(-big, -big);
        x[n - 2] = T::make(0.25, 3.0);
    }
    (x, y)
}

/// Reproducible dot, dotc, nrm2, asum and sum: the serial backend's bits on
/// every rank, for every split, per component.
fn reproducible<T: C>(c: &Ctx)
where
    MpiBackend: Level1<T> + Level2<T> + Level3<T>,
    Serial: Level1<T> + Level2<T> + Level3<T>,
    Reproducible<MpiBackend>: Level1<T>,
    Reproducible<Serial>: Level1<T>,
{
    let repro = Reproducible::new(c.mpi.clone());
    let serial = Reproducible::new(Serial);
    let ty = std::any::type_name::<T>();
    let bits = |v: T| (v.re().as_f64().to_bits(), v.im().as_f64().to_bits());
    for n in [0usize, 3, 17, 2001] {
        let (x, y) = hostile::<T>(n);
        let (xw, yw) = (VecRef::from_slice(&x), VecRef::from_slice(&y));
        let want = [
            Level1::<T>::dot(&serial, xw, yw).unwrap(),
            Level1::<T>::dotc(&serial, xw, yw).unwrap(),
            Level1::<T>::sum(&serial, xw).unwrap(),
        ];
        let want_nrm = Level1::<T>::nrm2(&serial, xw).unwrap().as_f64().to_bits();
        let want_asum = Level1::<T>::asum(&serial, xw).unwrap().as_f64().to_bits();
        for with_empty in [false, true] {
            let r = uneven(n, c.size, c.rank, with_empty);
            let (xl, yl) = (VecRef::from_slice(&x[r.clone()]), VecRef::from_slice(&y[r]));
            let got = [
                Level1::<T>::dot(&repro, xl, yl).unwrap(),
                Level1::<T>::dotc(&repro, xl, yl).unwrap(),
                Level1::<T>::sum(&repro, xl).unwrap(),
            ];
            for (what, (g, w)) in ["dotu", "dotc", "sum"].iter().zip(got.iter().zip(&want)) {
                assert_eq!(
                    bits(*g),
                    bits(*w),
                    "{ty} reproducible {what} n={n}: {g} vs {w}"
                );
            }
            let nrm = Level1::<T>::nrm2(&repro, xl).unwrap().as_f64().to_bits();
            assert_eq!(nrm, want_nrm, "{ty} reproducible nrm2 n={n}");
            let asum = Level1::<T>::asum(&repro, xl).unwrap().as_f64().to_bits();
            assert_eq!(asum, want_asum, "{ty} reproducible asum n={n}");
        }
    }
    // The cancellation the ordinary sum loses: (1e300 - 1e300) + 1.5, per
    // component, whatever rank holds which term.
    let z = [
        Complex64::new(1e300, 2.0),
        Complex64::new(1.0, -1e300),
        Complex64::new(-1e300, 1e300),
        Complex64::new(0.5, 0.25),
    ];
    let r = block_range(4, c.size, c.rank);
    let s = Level1::<Complex64>::sum(&Reproducible::new(c.mpi.clone()), VecRef::from_slice(&z[r]))
        .unwrap();
    assert_eq!(s, Complex64::new(1.5, 2.25));
}

/// Runs `odd` on the last rank and `main` on the others: with more than one
/// rank every rank gets an INVALID_ARGUMENT error containing each of
/// `says` (on one rank the call just works); then a working call shows the
/// ranks are still in step.
fn expect_mismatch<A, B>(
    c: &Ctx,
    what: &str,
    says: &[&str],
    main: impl FnOnce() -> oxpar_core::Result<A>,
    odd: impl FnOnce() -> oxpar_core::Result<B>,
) {
    let last = c.size - 1;
    let outcome = if c.rank == last {
        odd().map(|_| ())
    } else {
        main().map(|_| ())
    };
    if c.size == 1 {
        outcome.unwrap_or_else(|e| panic!("{what} on one rank: {e}"));
    } else {
        let e = outcome.expect_err(what);
        assert_eq!(e.kind(), ErrorKind::InvalidArgument, "{what}: {e}");
        let who = format!("rank {last} of {}", c.size);
        assert!(e.message().contains(&who), "{what}: {e}");
        for s in says {
            assert!(e.message().contains(s), "{what}: {e} (wanted {s:?})");
        }
    }
    let ones = [Complex64::new(1.0, 1.0); 2];
    let v = VecRef::from_slice(&ones);
    let d = Level1::<Complex64>::dotc(&c.mpi, v, v).unwrap();
    assert_eq!(d, Complex64::new(4.0 * c.size as f64, 0.0), "after {what}");
}

/// Real against complex, c32 against c64, dotu against dotc, ger against
/// gerc, reproducible and not: errors on every rank, never a number from
/// mixed data or a deadlock. Wrong lengths and rejected arguments too.
fn mismatches(c: &Ctx) {
    let (zd, zs) = (
        [Complex64::new(1.5, -0.5); 6],
        [Complex32::new(1.5, -0.5); 6],
    );
    let xd = [1.5f64; 6];
    let (z, s, d) = (
        VecRef::from_slice(&zd),
        VecRef::from_slice(&zs),
        VecRef::from_slice(&xd),
    );
    let m = &c.mpi;
    expect_mismatch(
        c,
        "zdotu vs ddot",
        &["called it with c64 where", "f64"],
        || Level1::<f64>::dot(m, d, d),
        || Level1::<Complex64>::dot(m, z, z),
    );
    expect_mismatch(
        c,
        "cdotu vs zdotu",
        &["called it with c32 where", "c64"],
        || Level1::<Complex64>::dot(m, z, z),
        || Level1::<Complex32>::dot(m, s, s),
    );
    expect_mismatch(
        c,
        "zdotc vs zdotu",
        &["called dotc (c64) where", "called dot (c64)"],
        || Level1::<Complex64>::dot(m, z, z),
        || Level1::<Complex64>::dotc(m, z, z),
    );
    expect_mismatch(
        c,
        "dznrm2 vs dnrm2",
        &["c64", "f64"],
        || Level1::<f64>::nrm2(m, d),
        || Level1::<Complex64>::nrm2(m, z),
    );
    expect_mismatch(
        c,
        "scasum vs sasum",
        &["c32", "f32"],
        || Level1::<f32>::asum(m, VecRef::from_slice(&[1.0f32; 3])),
        || Level1::<Complex32>::asum(m, s),
    );
    expect_mismatch(
        c,
        "zsum vs dsum",
        &["c64", "f64"],
        || Level1::<f64>::sum(m, d),
        || Level1::<Complex64>::sum(m, z),
    );
    expect_mismatch(
        c,
        "izamax vs idamax",
        &["c64", "f64"],
        || Level1::<f64>::iamax(m, d),
        || Level1::<Complex64>::iamax(m, z),
    );
    let repro = Reproducible::new(c.mpi.clone());
    expect_mismatch(
        c,
        "reproducible zdotc vs ddot",
        &["c64", "f64"],
        || Level1::<f64>::dot(&repro, d, d),
        || Level1::<Complex64>::dotc(&repro, z, z),
    );
    expect_mismatch(
        c,
        "reproducible zdotc vs zdotu",
        &["dotc (reproducible) (c64)", "dot (reproducible) (c64)"],
        || Level1::<Complex64>::dot(&repro, z, z),
        || Level1::<Complex64>::dotc(&repro, z, z),
    );
    expect_mismatch(
        c,
        "reproducible dznrm2 vs scnrm2",
        &["c64", "c32"],
        || Level1::<Complex32>::nrm2(&repro, s),
        || Level1::<Complex64>::nrm2(&repro, z),
    );
    // gemv and ger: one row of A on every rank, x split one element each.
    let gemv = |alpha: Complex64| {
        let a = [Complex64::new(1.0, 0.0); 8];
        let mut y = [Complex64::new(0.0, 0.0)];
        let x = [Complex64::new(1.0, 0.0)];
        Level2::<Complex64>::gemv(
            m,
            alpha,
            MatRef::row_major(&a[..c.size], 1, c.size, c.size).unwrap(),
            VecRef::from_slice(&x),
            Complex64::new(0.0, 0.0),
            VecMut::from_slice(&mut y),
        )
        .map(|()| y[0])
    };
    let dgemv = || {
        let a = [1.0f64; 8];
        let mut y = [0.0f64];
        Level2::<f64>::gemv(
            m,
            1.0,
            MatRef::row_major(&a[..c.size], 1, c.size, c.size).unwrap(),
            VecRef::from_slice(&[1.0]),
            0.0,
            VecMut::from_slice(&mut y),
        )
    };
    assert_eq!(
        gemv(Complex64::new(0.0, 2.0)).unwrap(),
        Complex64::new(0.0, 2.0 * c.size as f64)
    );
    expect_mismatch(c, "zgemv vs dgemv", &["c64", "f64"], dgemv, || {
        gemv(Complex64::new(1.0, 0.0))
    });
    let ger = |conj: bool| {
        let mut a = [Complex64::new(0.0, 0.0); 8];
        let x = [Complex64::new(1.0, 0.0)];
        let y = [Complex64::new(0.0, 1.0)];
        let am = MatMut::row_major(&mut a[..c.size], 1, c.size, c.size).unwrap();
        let alpha = Complex64::new(1.0, 0.0);
        let (xv, yv) = (VecRef::from_slice(&x), VecRef::from_slice(&y));
        if conj {
            Level2::<Complex64>::gerc(m, alpha, xv, yv, am)
        } else {
            Level2::<Complex64>::ger(m, alpha, xv, yv, am)
        }
        .map(|()| a[0])
    };
    assert_eq!(
        ger(true).unwrap(),
        Complex64::new(0.0, -1.0),
        "gerc conjugates y"
    );
    assert_eq!(ger(false).unwrap(), Complex64::new(0.0, 1.0));
    expect_mismatch(
        c,
        "zgerc vs zgeru",
        &["called gerc (c64) where", "called ger (c64)"],
        || ger(false),
        || ger(true),
    );
    // SUMMA: complex on one rank, real on the others.
    let zgemm = || {
        let a = [Complex64::new(1.0, 1.0); 1];
        let mut cc = [Complex64::new(0.0, 0.0); 1];
        let v = MatRef::row_major(&a, 1, 1, 1).unwrap();
        Level3::<Complex64>::gemm(
            m,
            Complex64::new(1.0, 0.0),
            v,
            v.h(),
            Complex64::new(0.0, 0.0),
            MatMut::row_major(&mut cc, 1, 1, 1).unwrap(),
        )
    };
    let dgemm = || {
        let a = [1.0f64];
        let v = MatRef::row_major(&a, 1, 1, 1).unwrap();
        Level3::<f64>::gemm(
            m,
            1.0,
            v,
            v,
            0.0,
            MatMut::row_major(&mut [0.0], 1, 1, 1).unwrap(),
        )
    };
    c.mpi.set_grid(c.size, 1).unwrap();
    expect_mismatch(c, "zgemm vs dgemm", &["c64", "f64"], dgemm, zgemm);
    // Halo: complex on one rank, real on the others.
    let zhalo = || {
        c.mpi.halo_exchange_1d(
            VecMut::from_slice(&mut [Complex64::new(0.0, 0.0); 4]),
            1,
            true,
        )
    };
    let dhalo = || {
        c.mpi
            .halo_exchange_1d(VecMut::from_slice(&mut [0.0f64; 4]), 1, true)
    };
    expect_mismatch(
        c,
        "complex halo vs real halo",
        &["c64", "f64"],
        dhalo,
        zhalo,
    );
    // A wrong length on the last rank: a shape error on every rank.
    let ylen = if c.rank + 1 == c.size { 5 } else { 6 };
    for conj in [false, true] {
        let (x, y) = (VecRef::from_slice(&zd), VecRef::from_slice(&zd[..ylen]));
        let e = if conj {
            Level1::<Complex64>::dotc(m, x, y)
        } else {
            Level1::<Complex64>::dot(m, x, y)
        }
        .unwrap_err();
        assert_eq!(e.kind(), ErrorKind::ShapeMismatch, "{e}");
        let e = Level1::<Complex64>::dotc(&repro, x, y).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::ShapeMismatch, "reproducible: {e}");
    }
    // A front end that rejected a complex call's arguments.
    for op in [Op::Dot, Op::Nrm2, Op::Iamax, Op::Gemv] {
        let r = if c.rank == 0 {
            Err(c
                .mpi
                .reject(op, oxpar_core::Error::invalid_argument("x", "is NULL")))
        } else {
            match op {
                Op::Dot => Level1::<Complex32>::dotc(m, s, s).map(|_| ()),
                Op::Nrm2 => Level1::<Complex32>::nrm2(m, s).map(|_| ()),
                Op::Iamax => Level1::<Complex32>::iamax(m, s).map(|_| ()),
                _ => gemv(Complex64::new(1.0, 0.0)).map(|_| ()),
            }
        };
        assert_eq!(r.unwrap_err().kind(), ErrorKind::InvalidArgument, "{op:?}");
    }
    let d = Level1::<Complex64>::dotc(m, z, z).unwrap();
    assert_eq!(d, Complex64::new(15.0 * c.size as f64, 0.0));
}

/// Distributed factorizations are not there yet: every rank answers (on
/// `m`, the MPI backend bare or wrapped)
/// UNSUPPORTED at once, writes nothing, and the next call still pairs up.
fn factorizations_refused<B>(c: &Ctx, m: &B)
where
    B: oxpar_core::Factor<f64> + oxpar_core::Factor<Complex64>,
{
    use oxpar_core::{Factor, Trans};
    let mut a = [Complex64::new(4.0, 0.0); 4];
    let mut b = [Complex64::new(1.0, 0.0); 2];
    let mut ipiv = [7usize; 2];
    let e =
        Factor::<Complex64>::lu_factor(m, MatMut::col_major(&mut a, 2, 2, 2).unwrap(), &mut ipiv)
            .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Unsupported, "{e}");
    assert!(e.message().contains("not there yet"), "{e}");
    let e = Factor::<Complex64>::lu_solve(
        m,
        Trans::No,
        MatRef::col_major(&a, 2, 2, 2).unwrap(),
        &[0, 1],
        MatMut::col_major(&mut b, 2, 1, 2).unwrap(),
    )
    .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Unsupported, "{e}");
    let mut r = [4.0f64, 1.0, 1.0, 4.0];
    let e = Factor::<f64>::cholesky(m, Uplo::Lower, MatMut::col_major(&mut r, 2, 2, 2).unwrap())
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Unsupported, "{e}");
    // Inverses, determinants and batches are refused the same way.
    let e = Factor::<f64>::inv(m, MatMut::col_major(&mut r, 2, 2, 2).unwrap()).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Unsupported, "{e}");
    let e = Factor::<f64>::det(m, MatMut::col_major(&mut r, 2, 2, 2).unwrap()).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Unsupported, "{e}");
    let e = Factor::<Complex64>::lu_factor_solve_batch(
        m,
        oxpar_core::BatchMut::row_major(&mut a, 1, 2, 2).unwrap(),
        &mut ipiv,
        oxpar_core::BatchMut::row_major(&mut b, 1, 2, 1).unwrap(),
    )
    .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Unsupported, "{e}");
    let mut det = [0.0f64];
    let e = Factor::<f64>::det_batch(
        m,
        oxpar_core::BatchRef::row_major(&r, 1, 2, 2).unwrap(),
        &mut det,
    )
    .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Unsupported, "{e}");
    // The SVD and SVD least squares are refused the same way.
    let mut sv = [7.0f64; 2];
    let e = oxpar_core::Svd::<f64>::svd(
        m,
        MatMut::col_major(&mut r, 2, 2, 2).unwrap(),
        &mut sv,
        None,
        None,
    )
    .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Unsupported, "{e}");
    assert!(e.message().contains("not there yet"), "{e}");
    let e = oxpar_core::Svd::<Complex64>::lstsq_rank(
        m,
        MatMut::col_major(&mut a, 2, 2, 2).unwrap(),
        MatMut::col_major(&mut b, 2, 1, 2).unwrap(),
        None,
        &mut sv,
    )
    .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Unsupported, "{e}");
    // And QR: its four calls, before any gemm could pair up across ranks.
    let mut tau = [Complex64::new(7.0, 0.0); 2];
    let e = oxpar_core::Qr::<Complex64>::qr_factor(
        m,
        MatMut::col_major(&mut a, 2, 2, 2).unwrap(),
        &mut tau,
    )
    .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Unsupported, "{e}");
    assert!(e.message().contains("qr_factor"), "{e}");
    let e = oxpar_core::Qr::<Complex64>::qr_apply_q(
        m,
        oxpar_core::Side::Left,
        Trans::No,
        MatRef::col_major(&a, 2, 2, 2).unwrap(),
        &tau,
        MatMut::col_major(&mut b, 2, 1, 2).unwrap(),
    )
    .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Unsupported, "{e}");
    let mut q = [0.0f64; 4];
    let e = oxpar_core::Qr::<f64>::qr_form_q(
        m,
        MatRef::col_major(&r, 2, 2, 2).unwrap(),
        &[0.0, 0.0],
        MatMut::col_major(&mut q, 2, 2, 2).unwrap(),
    )
    .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Unsupported, "{e}");
    let mut rhs = [1.0f64; 2];
    let e = oxpar_core::Qr::<f64>::lstsq(
        m,
        MatMut::col_major(&mut r, 2, 2, 2).unwrap(),
        MatMut::col_major(&mut rhs, 2, 1, 2).unwrap(),
    )
    .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Unsupported, "{e}");
    assert_eq!(tau, [Complex64::new(7.0, 0.0); 2], "nothing written");
    assert_eq!(sv, [7.0, 7.0], "nothing written");
    assert_eq!(ipiv, [7, 7], "nothing written");
    assert_eq!(r, [4.0, 1.0, 1.0, 4.0], "nothing written");
    let x = [Complex64::new(1.0, 0.0); 2];
    let d =
        Level1::<Complex64>::dot(&c.mpi, VecRef::from_slice(&x), VecRef::from_slice(&x)).unwrap();
    assert_eq!(d, Complex64::new(2.0 * c.size as f64, 0.0));
}

/// The Hermitian and structured operations have no distributed form: every
/// rank answers UNSUPPORTED at once (no collective), and the next call
/// still pairs up.
fn not_distributed(c: &Ctx) {
    type Z = Complex64;
    let a = [Z::new(1.0, 0.0); 4];
    let x = [Z::new(1.0, 0.0); 2];
    let mut y = [Z::new(0.0, 0.0); 2];
    let av = MatRef::row_major(&a, 2, 2, 2).unwrap();
    let e = Level2::<Z>::hemv(
        &c.mpi,
        Uplo::Upper,
        Z::new(1.0, 0.0),
        av,
        VecRef::from_slice(&x),
        Z::new(0.0, 0.0),
        VecMut::from_slice(&mut y),
    )
    .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Unsupported, "{e}");
    let mut cm = [Z::new(0.0, 0.0); 4];
    let e = Level3::<Z>::herk(
        &c.mpi,
        Uplo::Lower,
        1.0,
        av,
        0.0,
        MatMut::row_major(&mut cm, 2, 2, 2).unwrap(),
    )
    .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Unsupported, "{e}");
    assert!(cm.iter().all(|v| *v == Z::new(0.0, 0.0)), "nothing written");
    let d = Level1::<Z>::dot(&c.mpi, VecRef::from_slice(&x), VecRef::from_slice(&x)).unwrap();
    assert_eq!(d, Z::new(2.0 * c.size as f64, 0.0));
}

/// A steady loop of complex reductions (conjugate gradients' zdotc, zdotc,
/// dznrm2) is learned by the speculative round like a real one: after two
/// periods no call needs the checked round.
fn speculation(c: &Ctx) {
    let n = 301;
    let (x, y) = (cvec::<Complex64>(21, n), cvec::<Complex64>(22, n));
    let r = uneven(n, c.size, c.rank, true);
    let (xl, yl) = (VecRef::from_slice(&x[r.clone()]), VecRef::from_slice(&y[r]));
    let mut checked = Vec::new();
    for _ in 0..4 {
        let before = c.mpi.summed_rounds().1;
        Level1::<Complex64>::dotc(&c.mpi, xl, yl).unwrap();
        Level1::<Complex64>::dotc(&c.mpi, xl, xl).unwrap();
        Level1::<Complex64>::nrm2(&c.mpi, yl).unwrap();
        checked.push(c.mpi.summed_rounds().1 - before);
    }
    assert_eq!(
        checked[2..],
        [0, 0],
        "checked rounds per period: {checked:?}"
    );
    // The speculative round is one word when a real call is predicted and
    // two for a complex dot: a complex call where a steady real loop
    // predicts one word, and a real one where a complex loop predicts two,
    // are still errors on every rank (one count on all ranks: the
    // predicted call's).
    let xd = vec![0.5f64; 9];
    let d = VecRef::from_slice(&xd);
    for _ in 0..3 {
        Level1::<f64>::dot(&c.mpi, d, d).unwrap();
    }
    let before = c.mpi.summed_rounds().1;
    Level1::<f64>::dot(&c.mpi, d, d).unwrap();
    assert_eq!(
        c.mpi.summed_rounds().1,
        before,
        "a steady ddot loop is predicted"
    );
    let m = &c.mpi;
    expect_mismatch(
        c,
        "zdotc after ddot loop",
        &["dotc (c64)", "dot (f64)"],
        || Level1::<f64>::dot(m, d, d),
        || Level1::<Complex64>::dotc(m, xl, yl),
    );
    for _ in 0..3 {
        Level1::<Complex64>::dot(m, xl, yl).unwrap();
    }
    expect_mismatch(
        c,
        "ddot after zdotu loop",
        &["called it with f64 where", "c64"],
        || Level1::<Complex64>::dot(m, xl, yl),
        || Level1::<f64>::dot(m, d, d),
    );
}

/// No distributed eigensolver yet: every rank answers UNSUPPORTED at once
/// (no collective to agree on), writing nothing.
fn eigh_refused<B>(m: &B)
where
    B: oxpar_core::Eigh<f64> + oxpar_core::Eigh<Complex64>,
{
    use oxpar_core::Eigh;
    let mut r = [4.0f64, 1.0, 1.0, 4.0];
    let mut w = [7.0f64; 2];
    let e = Eigh::<f64>::eigh(
        m,
        Uplo::Lower,
        MatMut::col_major(&mut r, 2, 2, 2).unwrap(),
        &mut w,
        true,
    )
    .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Unsupported, "{e}");
    assert!(e.message().contains("not there yet"), "{e}");
    let mut z = [Complex64::new(4.0, 0.0); 4];
    let e = Eigh::<Complex64>::eigh_batch(
        m,
        Uplo::Upper,
        oxpar_core::BatchMut::row_major(&mut z, 1, 2, 2).unwrap(),
        &mut w,
        false,
    )
    .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Unsupported, "{e}");
    assert_eq!((r, w), ([4.0, 1.0, 1.0, 4.0], [7.0; 2]), "nothing written");
}
