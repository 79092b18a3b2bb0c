//! The thread budget shared by every backend that starts threads: the
//! default count (`OXPAR_NUM_THREADS`, else the CPUs this process may use)
//! and its limits. It lives in core so that backends which only need the
//! count (MPI sizing its node-local backend) do not depend on the threads
//! backend.

use crate::{Error, Result};

/// The environment variable that sets the default thread count.
pub const NUM_THREADS_ENV: &str = "OXPAR_NUM_THREADS";

/// The most threads one backend may have: 4096.
///
/// A fixed number, the same on every machine, so that a program that works
/// on one node is not refused on another. It is eight times the hardware
/// threads of a two-socket node of 256-core CPUs and more than the largest
/// single-system nodes sold, so oversubscription for tests still fits; a
/// count beyond it is a mistake (a bad variable, an unsigned wrap-around)
/// that would otherwise exhaust memory starting threads. OpenBLAS, likewise,
/// stops at a compiled-in maximum.
pub const MAX_THREADS: usize = 4096;

/// Checks a requested thread count: at least 1 and at most [`MAX_THREADS`].
/// `arg` names where the count came from (an argument, a spec, a variable)
/// in the error, an [`crate::ErrorKind::InvalidArgument`].
pub fn check_num_threads(arg: &str, num_threads: usize) -> Result<usize> {
    if num_threads == 0 {
        Err(Error::invalid_argument(arg, "must be at least 1"))
    } else if num_threads > MAX_THREADS {
        Err(Error::invalid_argument(arg, too_many(num_threads)))
    } else {
        Ok(num_threads)
    }
}

fn too_many(n: impl std::fmt::Display) -> String {
    format!("{n} threads is more than the {MAX_THREADS} a backend may have")
}

/// Parses a thread count written as text (a spec's `N`, a variable's value):
/// a positive integer up to [`MAX_THREADS`], else an
/// [`crate::ErrorKind::InvalidArgument`] error naming `arg`.
pub fn parse_num_threads(arg: &str, text: &str) -> Result<usize> {
    let trimmed = text.trim();
    match trimmed.parse::<usize>() {
        Ok(n) => check_num_threads(arg, n).map_err(|e| {
            if n == 0 {
                Error::invalid_argument(arg, format!("{text:?} is not a positive integer"))
            } else {
                e
            }
        }),
        // All digits but too large for the type: still "too many".
        Err(_) if !trimmed.is_empty() && trimmed.bytes().all(|b| b.is_ascii_digit()) => {
            Err(Error::invalid_argument(arg, too_many(trimmed)))
        }
        Err(_) => Err(Error::invalid_argument(
            arg,
            format!("{text:?} is not a positive integer"),
        )),
    }
}

/// The default thread count: `OXPAR_NUM_THREADS` when set (a positive integer
/// up to [`MAX_THREADS`], else an error naming the variable), otherwise the
/// number of CPUs this process may run on (at most [`MAX_THREADS`]), which
/// honours affinity masks (`taskset`, MPI binding) and cgroup CPU quotas
/// (containers, Slurm).
pub fn default_num_threads() -> Result<usize> {
    match std::env::var(NUM_THREADS_ENV) {
        Ok(text) => parse_num_threads(NUM_THREADS_ENV, &text),
        Err(_) => Ok(std::thread::available_parallelism()
            .map_or(1, |n| n.get())
            .min(MAX_THREADS)),
    }
}
