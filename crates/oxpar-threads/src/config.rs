//! Thread budget and serial cutoffs.

use oxpar_core::{Error, Result};

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
/// in the error, an [`oxpar_core::ErrorKind::InvalidArgument`].
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
/// [`oxpar_core::ErrorKind::InvalidArgument`] error naming `arg`.
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

#[cfg(test)]
mod tests {
    use super::*;
    use oxpar_core::ErrorKind;

    #[test]
    fn thread_counts_are_checked_against_the_limit() {
        assert_eq!(check_num_threads("n", 1).unwrap(), 1);
        assert_eq!(check_num_threads("n", MAX_THREADS).unwrap(), MAX_THREADS);
        for bad in [0, MAX_THREADS + 1, 1 << 32, usize::MAX] {
            let e = check_num_threads("num_threads", bad).unwrap_err();
            assert_eq!(e.kind(), ErrorKind::InvalidArgument);
            assert!(e.to_string().contains("num_threads"), "{e}");
        }
        assert_eq!(parse_num_threads("V", " 12 ").unwrap(), 12);
        for (text, says) in [
            ("0", "not a positive integer"),
            ("-3", "not a positive integer"),
            ("x", "not a positive integer"),
            ("", "not a positive integer"),
            ("4097", "more than the 4096"),
            ("1099511627776", "more than the 4096"),
            ("99999999999999999999999999", "more than the 4096"),
        ] {
            let e = parse_num_threads("OXPAR_NUM_THREADS", text).unwrap_err();
            assert_eq!(e.kind(), ErrorKind::InvalidArgument);
            let msg = e.to_string();
            assert!(
                msg.contains("OXPAR_NUM_THREADS") && msg.contains(says),
                "{text}: {msg}"
            );
        }
    }
}
