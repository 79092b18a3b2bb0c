//! The threads backend: oxpar's BLAS-style kernels and parallel loops on the
//! cores of one node.
//!
//! A [`ThreadsBackend`] owns its threads and never touches rayon's global pool,
//! so it composes with any host program (and with other libraries that use
//! rayon). It holds two groups of threads that are never busy at once:
//!
//! * a [`Team`] (see [`team`]) for parallel loops, for splitting level 1 and
//!   level 2 kernels (in pieces that a thread done early takes from one the OS
//!   delayed) and for mid-size gemm (one serial product per thread): fork-join
//!   in about the time of an OpenMP region;
//! * a private rayon pool for large level 3, whose packed gemm schedules itself
//!   with work stealing.
//!
//! Problems too small to gain from threads run on the calling thread alone.
//!
//! ```
//! use oxpar_core::prelude::*;
//! use oxpar_threads::ThreadsBackend;
//!
//! let threads = ThreadsBackend::with_threads(2)?;
//! let x = vec![1.0f64; 1000];
//! let mut y = vec![2.0f64; 1000];
//! threads.axpy(3.0, VecRef::from_slice(&x), VecMut::from_slice(&mut y))?;
//! assert!(y.iter().all(|&v| v == 5.0));
//!
//! // Parallel loops for your own code:
//! let sum = oxpar_threads::parallel_reduce(&threads, 0..1000, Schedule::default(), || 0u64,
//!     |acc, r| acc + r.map(|i| i as u64).sum::<u64>(), |a, b| a + b)?;
//! assert_eq!(sum, 999 * 1000 / 2);
//! # Ok::<(), oxpar_core::Error>(())
//! ```

mod banded;
mod blas;
mod complex;
mod complex_level1;
mod complex_level2;
mod config;
mod factor;
pub mod fork;
mod level3;
mod loops;
mod split;
mod structured;
pub mod team;

use std::sync::Arc;

use oxpar_core::{Backend, BackendKind, Error, Result};

pub use config::{
    check_num_threads, default_num_threads, parse_num_threads, Thresholds, MAX_THREADS,
    NUM_THREADS_ENV,
};
pub use loops::parallel_for;
pub use oxpar_core::backend::parallel_reduce;
pub use team::Team;

/// The real element types (`f32`, `f64`): the bound of the threads
/// backend's real implementations. A trait of this crate, so that the
/// complex implementations beside them are coherent (Rust cannot see that
/// `Complex<R>` never implements another crate's `Scalar`).
pub trait RealElement: oxpar_core::Scalar {}
impl RealElement for f32 {}
impl RealElement for f64 {}

/// The threads backend. Cheap to share (`Arc` inside); clones use the same
/// threads.
#[derive(Clone, Debug)]
pub struct ThreadsBackend {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    num_threads: usize,
    team: Team,
    /// Dropped by hand: in a forked child it is leaked (see [`fork`]).
    pool: std::mem::ManuallyDrop<rayon::ThreadPool>,
    thresholds: Thresholds,
}

impl ThreadsBackend {
    /// A backend with [`default_num_threads`] threads: `OXPAR_NUM_THREADS` if
    /// set, else `OMP_NUM_THREADS` if it holds a count, else the CPUs this
    /// process may run on (affinity- and cgroup-aware).
    pub fn new() -> Result<Self> {
        Self::with_threads(default_num_threads()?)
    }

    /// A backend with exactly `num_threads` threads (the caller's included),
    /// 1 to [`MAX_THREADS`]; another count is an
    /// [`ErrorKind::InvalidArgument`](oxpar_core::ErrorKind) naming `num_threads`.
    pub fn with_threads(num_threads: usize) -> Result<Self> {
        Self::with_config(num_threads, Thresholds::default())
    }

    /// A backend with explicit serial-cutoff thresholds (for tuning and tests).
    pub fn with_config(num_threads: usize, thresholds: Thresholds) -> Result<Self> {
        check_num_threads("num_threads", num_threads)?;
        let team = Team::new(num_threads).map_err(|e| {
            Error::backend_unavailable(format!("cannot start {num_threads} threads: {e}"))
        })?;
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(num_threads)
            .thread_name(|i| format!("oxpar-rayon-{i}"))
            .build()
            .map_err(|e| {
                Error::backend_unavailable(format!(
                    "cannot start a pool of {num_threads} threads: {e}"
                ))
            })?;
        Ok(ThreadsBackend {
            inner: Arc::new(Inner {
                num_threads,
                team,
                pool: std::mem::ManuallyDrop::new(pool),
                thresholds,
            }),
        })
    }

    /// The serial-cutoff thresholds in use.
    pub fn thresholds(&self) -> Thresholds {
        self.inner.thresholds
    }

    /// The fork-join team (for callers building their own parallel patterns).
    pub fn team(&self) -> &Team {
        &self.inner.team
    }

    /// Runs `f` inside this backend's rayon pool: rayon's parallel iterators
    /// called from `f` use these threads, never the global pool.
    pub fn install<R: Send>(&self, f: impl FnOnce() -> R + Send) -> R {
        self.inner.pool.install(f)
    }
}

impl Drop for Inner {
    fn drop(&mut self) {
        if !self.team.forked() {
            // SAFETY: dropped exactly once, here; never used again.
            unsafe { std::mem::ManuallyDrop::drop(&mut self.pool) };
        }
    }
}

impl ThreadsBackend {
    /// Whether this process is a fork of the one that started the threads
    /// (then every call runs on the calling thread; see [`fork`]).
    pub fn forked(&self) -> bool {
        self.inner.team.forked()
    }
}

impl Backend for ThreadsBackend {
    fn kind(&self) -> BackendKind {
        BackendKind::Threads
    }
    fn name(&self) -> String {
        format!("threads ({})", self.inner.num_threads)
    }
    fn num_threads(&self) -> usize {
        self.inner.num_threads
    }
}
