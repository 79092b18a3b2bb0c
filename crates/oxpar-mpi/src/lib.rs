//! oxpar's MPI backend: distributed vectors and matrices over MPI ranks, each
//! rank computing its part on a node-local backend (threads, serial, OpenCL).
//!
//! Data stays where the program put it: every rank passes *its own block* of
//! each distributed operand, in its own memory, to the same operation as on
//! one node. On an [`MpiBackend`] the backend traits of `oxpar-core` mean:
//!
//! * `axpy`, `scal`, `copy`, `swap`: each rank updates its own block (no
//!   communication).
//! * `dot`, `dotc`, `nrm2`, `asum`, `sum`: of the whole distributed vector;
//!   every rank gets the same value. `iamax` returns the *global* index
//!   (blocks are numbered in rank order).
//! * `reduce_exact`: the exact accumulator of the whole distributed vector
//!   (each rank's block reduced on its local backend, the accumulators added
//!   exactly in one allreduce), the same on every rank. Wrapped in
//!   [`oxpar_core::repro::Reproducible`], `dot`, `nrm2`, `asum` and `sum` are
//!   then correctly rounded: the same bits for any rank count, split and
//!   thread count, and the same as on one node. Complex data goes through
//!   `reduce_exact_parts` (one accumulator per component: `dot`, `dotc`
//!   and `sum` are correctly rounded per component).
//! * `gemv`: `y := alpha*A*x + beta*y` with `A` distributed by row blocks (each
//!   rank: its rows, all columns), and `x`, `y` distributed vectors (`y` split
//!   as `A`'s rows, `x` split any way); `a.t()` and `a.h()` pass the row
//!   block of the (conjugate) transpose. `ger` and `gerc` likewise.
//! * `gemm`: SUMMA on the 2-D process grid ([`MpiBackend::grid`]): the rank at
//!   grid position (i, j) holds block (i, j) of `op(A)`, `op(B)` and `C`.
//! * `parallel_for`: each rank runs its own range on its local backend.
//! * The symmetric, Hermitian, triangular, band and packed operations have
//!   no distributed form: `UNSUPPORTED` on every rank at once.
//!
//! All of it for the four element types (`f32`, `f64`, `Complex<f32>`,
//! `Complex<f64>`: [`MpiElement`]) by one generic implementation; complex
//! values travel as MPI's complex datatypes, and complex results are summed
//! in `f64` per component and rounded once.
//!
//! Any split that adds up is accepted ([`block_range`] gives the balanced one);
//! split sizes that do not fit together, and arguments one rank rejects, are an
//! error on every rank, never a deadlock (see `agree.rs`).
//!
//! MPI itself: the caller's MPI is used when the program initialized it (C,
//! Fortran, mpi4py), and never finalized by oxpar; otherwise oxpar initializes
//! MPI and finalizes it at exit ([`env`](mod@env)). Communicators are always
//! duplicated, so oxpar's messages never mix with the program's.
//!
//! A distributed dot product, each rank holding its block of a vector of
//! 1000 ones (`no_run`: it is meant to be started by `mpiexec -n <ranks>`,
//! and a test binary would initialize MPI as a singleton):
//!
//! ```no_run
//! use oxpar_core::prelude::*;
//! use oxpar_mpi::{block_range, Comm, MpiBackend};
//! use oxpar_threads::ThreadsBackend;
//!
//! // Collective: every rank builds the backend, each on its share of the node's CPUs.
//! let mpi = MpiBackend::new(Comm::world()?, |threads| {
//!     Ok(Box::new(ThreadsBackend::with_threads(threads)?) as Box<dyn HostBackend>)
//! })?;
//! let mine = block_range(1000, mpi.size(), mpi.rank());
//! let x = vec![1.0f64; mine.len()];
//! let dot = Level1::<f64>::dot(&mpi, VecRef::from_slice(&x), VecRef::from_slice(&x))?;
//! assert_eq!(dot, 1000.0); // the whole vector's, on every rank
//! # Ok::<(), oxpar_core::Error>(())
//! ```

mod agree;
mod comm;
mod complex;
mod element;
pub mod env;
mod factor;
mod grid;
mod halo;
pub mod launch;
mod ops;
mod predict;
mod summa;

use std::sync::{Arc, Mutex, MutexGuard};

use oxpar_core::{
    Backend, BackendKind, Element, Error, ErrorKind, HostBackend, Op, Result, VecRef,
};

/// The element types the MPI backend distributes: `f32`, `f64`,
/// `Complex<f32>` and `Complex<f64>` (with MPI's matching datatypes), the
/// bound of its one generic implementation of the backend traits. Each type
/// says how a rank reduces its block to the *wide* partial results the
/// ranks add: `f64` per component, not yet rounded to the element type, so
/// that the distributed result is rounded once, as on one node. Sealed (the
/// implementations are this crate's).
pub trait MpiElement: Element + mpi::datatype::Equivalence + element::Sealed {
    /// This rank's `x . y` (`conj(x) . y` when `conj`), `[re, im]`.
    #[doc(hidden)]
    fn dot_wide(
        local: &dyn HostBackend,
        conj: bool,
        x: VecRef<'_, Self>,
        y: VecRef<'_, Self>,
    ) -> Result<[f64; 2]>;
    /// This rank's `sum x_i`, `[re, im]`.
    #[doc(hidden)]
    fn sum_wide(local: &dyn HostBackend, x: VecRef<'_, Self>) -> Result<[f64; 2]>;
    /// This rank's `sum |re x_i| + |im x_i|`.
    #[doc(hidden)]
    fn asum_wide(local: &dyn HostBackend, x: VecRef<'_, Self>) -> Result<f64>;
    /// This rank's Euclidean norm, in `f64` (see `ops.rs` for how the ranks'
    /// norms combine).
    #[doc(hidden)]
    fn norm_wide(local: &dyn HostBackend, x: VecRef<'_, Self>) -> Result<f64>;
    /// The element from wide components, rounded once per component.
    #[doc(hidden)]
    fn from_wide(v: [f64; 2]) -> Self;
}

pub use comm::Comm;
pub use grid::{block_range, default_grid, GridShape};

use agree::{Call, FirstCollective, Routine};
use grid::Grid;

/// Distributed operations over a communicator, computed on a node-local
/// backend. Operations are collective: every rank of the communicator must
/// call the same ones in the same order.
///
/// Thread safety: one operation at a time per backend (calls from several
/// threads are serialized by a lock, but their order must still agree across
/// ranks, which only the program can ensure).
///
/// Cloning is cheap and gives another handle to the same backend.
#[derive(Clone)]
pub struct MpiBackend {
    inner: Arc<Inner>,
}

struct Inner {
    comm: Comm,
    local: Box<dyn HostBackend>,
    ranks_on_node: usize,
    /// The process grid; its lock also serializes this backend's operations.
    grid: Mutex<Grid>,
}

impl std::fmt::Debug for MpiBackend {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MpiBackend")
            .field("rank", &self.inner.comm.rank())
            .field("size", &self.inner.comm.size())
            .field("grid", &self.grid())
            .field("local", &self.inner.local.name())
            .finish()
    }
}

/// The number of threads each rank should use by default: the node's CPUs
/// divided by the ranks on the node, and never more than the CPUs this rank
/// may run on (its affinity mask and cgroup quota), at least 1 and at most
/// [`oxpar_core::budget::MAX_THREADS`] — so ranks sharing a node never
/// oversubscribe it. `OXPAR_NUM_THREADS`, when set, wins, and then
/// `OMP_NUM_THREADS` when it holds a count (see
/// [`oxpar_core::budget::default_num_threads`]).
///
/// mpiexec usually binds each rank to one core (Open MPI does for 2 ranks or
/// fewer): then the budget is 1. Give ranks more cores with
/// `--map-by slot:PE=<n>` (Open MPI) or `--bind-to none`.
pub fn thread_budget(ranks_on_node: usize) -> Result<usize> {
    if let (Some(n), _) = oxpar_core::budget::env_num_threads()? {
        return Ok(n);
    }
    let allowed = std::thread::available_parallelism().map_or(1, |n| n.get());
    // SAFETY: sysconf has no preconditions.
    let online = unsafe { libc::sysconf(libc::_SC_NPROCESSORS_ONLN) };
    let node = usize::try_from(online).unwrap_or(allowed).max(1);
    Ok((node / ranks_on_node.max(1))
        .min(allowed)
        .clamp(1, oxpar_core::budget::MAX_THREADS))
}

impl MpiBackend {
    /// Builds the backend over `comm` (collective over it). `make_local` gets
    /// this rank's default thread budget ([`thread_budget`]) and returns the
    /// node-local backend. If it fails on any rank, every rank gets an error.
    pub fn new(
        comm: Comm,
        make_local: impl FnOnce(usize) -> Result<Box<dyn HostBackend>>,
    ) -> Result<MpiBackend> {
        let node = comm.split_shared()?;
        let ranks_on_node = node.size();
        drop(node);
        let local = thread_budget(ranks_on_node).and_then(make_local);
        let gathered = agree::gather_checked(
            &comm,
            "mpi context",
            Call::untyped(Routine::Context),
            local.as_ref().map(|_| vec![]).map_err(Clone::clone),
        );
        let local = match (local, gathered) {
            (Ok(l), Ok(_)) => l,
            (Err(e), _) | (Ok(_), Err(e)) => return Err(e),
        };
        let (rows, cols) = default_grid(comm.size());
        let grid = Grid::new(&comm, rows, cols)?;
        Ok(MpiBackend {
            inner: Arc::new(Inner {
                comm,
                local,
                ranks_on_node,
                grid: Mutex::new(grid),
            }),
        })
    }

    /// This rank (0-based).
    pub fn rank(&self) -> usize {
        self.inner.comm.rank()
    }

    /// The number of ranks.
    pub fn size(&self) -> usize {
        self.inner.comm.size()
    }

    /// How many ranks share this rank's node.
    pub fn ranks_on_node(&self) -> usize {
        self.inner.ranks_on_node
    }

    /// The communicator (oxpar's duplicate of the one it was given).
    pub fn comm(&self) -> &Comm {
        &self.inner.comm
    }

    /// How the summed reductions (dot, dotc, asum, sum, nrm2) so far were checked:
    /// `(speculative, checked)`, the calls that the one-word round answered
    /// because every rank was in the predicted call, and those that needed
    /// the round with a status word (a misprediction, an error, or a partial
    /// value that is NaN, infinite or beyond 2^1000). The same on every
    /// rank; a steady or periodic sequence of calls should make the second
    /// count stop growing after one or two periods.
    pub fn summed_rounds(&self) -> (u64, u64) {
        self.inner.comm.summed().counts()
    }

    /// The node-local backend each rank computes with.
    pub fn local(&self) -> &dyn HostBackend {
        &*self.inner.local
    }

    /// The 2-D process grid `gemm` and the 2-D halo exchange use; by default
    /// the most square one ([`default_grid`]).
    pub fn grid(&self) -> GridShape {
        self.lock().shape
    }

    /// Agrees on an on/off setting (such as reproducible mode) that every
    /// rank must share because it changes which collectives an operation
    /// makes (collective). `local` is this rank's value, or the error that
    /// stopped it from having one; any rank's error, or ranks holding
    /// different values, is an `INVALID_ARGUMENT` error on every rank naming
    /// `what`.
    pub fn agree_flag(&self, what: &str, local: Result<bool>) -> Result<bool> {
        let words = local.map(|on| vec![on as u64]);
        let call = Call::untyped(Routine::Setting);
        let all = agree::gather_checked(&self.inner.comm, what, call, words)?;
        let on = all.iter().filter(|w| w[0] == 1).count();
        if on != 0 && on != all.len() {
            return Err(agree::everywhere(
                what,
                ErrorKind::InvalidArgument,
                format!(
                    "ranks disagree: {on} of {} ranks have it on (it must be the same on every rank)",
                    all.len()
                ),
            ));
        }
        Ok(on != 0)
    }

    /// Sets the process grid to `rows x cols` (collective). Every rank must ask
    /// for the same shape, and `rows * cols` must be the number of ranks;
    /// otherwise every rank gets an error and the old grid stays.
    pub fn set_grid(&self, rows: usize, cols: usize) -> Result<()> {
        let mut grid = self.lock();
        let local = if rows == 0 || cols == 0 || rows.checked_mul(cols) != Some(self.size()) {
            Err(Error::invalid_argument(
                "grid",
                format!(
                    "{rows} x {cols} is not a grid of the communicator's {} ranks",
                    self.size()
                ),
            ))
        } else {
            Ok(vec![rows as u64, cols as u64])
        };
        let call = Call::untyped(Routine::SetGrid);
        let all = agree::gather_checked(&self.inner.comm, "set_grid", call, local)?;
        if all.iter().any(|w| w[..2] != all[0][..2]) {
            return Err(agree::everywhere(
                "set_grid",
                ErrorKind::ShapeMismatch,
                format!("ranks asked for different grids: {}", describe_grids(&all)),
            ));
        }
        *grid = Grid::new(&self.inner.comm, rows, cols)?;
        Ok(())
    }

    /// Takes part in [`MpiBackend::set_grid`] as a rank that rejected its
    /// arguments (see [`oxpar_core::Backend::reject`]); returns `error`.
    pub fn reject_set_grid(&self, error: Error) -> Error {
        let _grid = self.lock();
        agree::join_failed(&self.inner.comm, "set_grid", FirstCollective::Gather, error)
    }

    /// The grid, locked: holding it serializes this backend's operations.
    fn lock(&self) -> MutexGuard<'_, Grid> {
        self.inner.grid.lock().unwrap_or_else(|e| e.into_inner())
    }
}

fn describe_grids(all: &[Vec<u64>]) -> String {
    all.iter()
        .enumerate()
        .map(|(r, w)| format!("rank {r}: {} x {}", w[0], w[1]))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The collective each operation starts with (see `agree.rs`).
fn first_collective(op: Op) -> FirstCollective {
    match op {
        Op::Dot | Op::Asum | Op::Sum | Op::Nrm2 => FirstCollective::Sum,
        Op::ReduceExact => FirstCollective::WordSum(ops::EXACT_WORDS),
        Op::Iamax | Op::Gemv | Op::Ger | Op::Gemm => FirstCollective::Gather,
        _ => FirstCollective::None,
    }
}

impl Backend for MpiBackend {
    fn kind(&self) -> BackendKind {
        BackendKind::Mpi
    }
    fn name(&self) -> String {
        let g = self.grid();
        format!(
            "mpi (rank {} of {}, grid {}x{}) + {}",
            self.rank(),
            self.size(),
            g.rows,
            g.cols,
            self.inner.local.name()
        )
    }
    fn num_threads(&self) -> usize {
        self.inner.local.num_threads()
    }
    fn reject(&self, op: Op, error: Error) -> Error {
        let _guard = self.lock();
        agree::join_failed(&self.inner.comm, op_name(op), first_collective(op), error)
    }
}

fn op_name(op: Op) -> &'static str {
    match op {
        Op::Dot => "dot",
        Op::Nrm2 => "nrm2",
        Op::Asum => "asum",
        Op::Iamax => "iamax",
        Op::Sum => "sum",
        Op::ReduceExact => "reproducible reduction",
        Op::Gemv => "gemv",
        Op::Ger => "ger",
        Op::Gemm => "gemm",
        _ => "operation",
    }
}
