//! Thread budget and serial cutoffs.

use oxpar_core::{Error, Result};

/// The environment variable that sets the default thread count.
pub const NUM_THREADS_ENV: &str = "OXPAR_NUM_THREADS";

/// The default thread count: `OXPAR_NUM_THREADS` when set (a positive integer,
/// else an error naming the variable), otherwise the number of CPUs this
/// process may run on, which honours affinity masks (`taskset`, MPI binding)
/// and cgroup CPU quotas (containers, Slurm).
pub fn default_num_threads() -> Result<usize> {
    match std::env::var(NUM_THREADS_ENV) {
        Ok(text) => match text.trim().parse::<usize>() {
            Ok(n) if n > 0 => Ok(n),
            _ => Err(Error::invalid_argument(
                NUM_THREADS_ENV,
                format!("{text:?} is not a positive integer"),
            )),
        },
        Err(_) => Ok(std::thread::available_parallelism().map_or(1, |n| n.get())),
    }
}

/// Below these sizes a call runs on the calling thread alone, because waking
/// other threads would cost more than it saves.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct Thresholds {
    /// Level 1: vector length.
    pub level1: usize,
    /// Level 2: matrix elements (rows x columns).
    pub level2: usize,
    /// Level 3: multiply-adds (m x n x k).
    pub level3: usize,
}

impl Default for Thresholds {
    /// Chosen for x86-64 nodes: a team region costs about a microsecond (in
    /// which one core streams some 16 K doubles from cache), and level 3 goes
    /// through rayon, whose hand-off from a foreign thread costs ~10 µs.
    fn default() -> Self {
        Thresholds {
            level1: 32 * 1024,
            level2: 64 * 1024,
            level3: 128 * 128 * 128,
        }
    }
}

impl Thresholds {
    /// Thresholds of zero: every call is split across all threads, however
    /// small (the conformance suite uses this to exercise the parallel paths).
    pub fn always_parallel() -> Self {
        Thresholds {
            level1: 0,
            level2: 0,
            level3: 0,
        }
    }
}
